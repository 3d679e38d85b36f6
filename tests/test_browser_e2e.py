"""The chair's flow in a real browser: headless chromium (playwright-core) against `streamlit run app.py`.

test.sh installs what this needs (Debian chromium, npm playwright-core in tests/e2e/node_modules). Screenshots
of every step go to test-artifacts/browser/ (gitignored).
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
E2E = ROOT / "tests" / "e2e"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = os.environ.get("UNIONDRAFT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
NOTES = """一、民主管理：
- 召开五届二次教职工代表大会1次，收集提案12条，答复率100%
- 校务公开栏更新8期
二、维权服务：
- 春节前走访慰问困难教职工6人次，发放慰问金1.2万元
- 组织教职工体检1次，参检人数86人
三、文体活动：
- 举办教职工趣味运动会1场，参与率90%以上
- 开展“三八”妇女节插花活动，女教职工40余人参加
"""

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    data = tmp_path_factory.mktemp("browser-data")
    port = _free_port()
    env = {**os.environ, "UNIONDRAFT_DATA": str(data), "UNIONDRAFT_EMBEDDER": "bm25", "UNIONDRAFT_MODEL": "offline",
           "XDG_CONFIG_HOME": str(data / "config"), "ANONYMIZED_TELEMETRY": "False"}
    env.pop("UNIONDRAFT_API_KEY", None)
    log = open(data / "streamlit.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                             "--server.address", "127.0.0.1", "--server.port", str(port),
                             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("streamlit did not start:\n" + (data / "streamlit.log").read_text(errors="replace")[-3000:])
        time.sleep(0.3)
    yield url
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()
    shutil.copy(data / "streamlit.log", ARTIFACTS / "streamlit.log")


def test_notes_to_docx_in_a_real_browser(app_url, tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"chromium not found at {CHROMIUM}: run `bash test.sh` (it installs it) or set UNIONDRAFT_CHROMIUM")
    if not (E2E / "node_modules" / "playwright-core").is_dir():
        pytest.fail("playwright-core is not installed: run `bash test.sh` (npm install in tests/e2e)")
    if ARTIFACTS.exists():
        shutil.rmtree(ARTIFACTS)
    ARTIFACTS.mkdir(parents=True)
    notes_file = tmp_path / "notes.txt"
    notes_file.write_text(NOTES, encoding="utf-8")
    env = {**os.environ, "APP_URL": app_url, "ARTIFACTS": str(ARTIFACTS), "CHROMIUM": CHROMIUM,
           "NOTES_FILE": str(notes_file), "USER_DATA_DIR": str(tmp_path / "chromium-profile")}
    run = subprocess.run(["node", str(E2E / "flow.mjs")], cwd=E2E, env=env, capture_output=True, text=True, timeout=540)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the browser driver printed no result\nstdout:{run.stdout[-2000:]}\nstderr:{run.stderr[-3000:]}"
    result = json.loads(lines[-1])
    (ARTIFACTS / "result.json").write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    assert run.returncode == 0 and "error" not in result, result.get("error")

    before, after = result["sections_before"], result["sections_after_regenerate"]
    # 1–2: notes typed, the draft generated, and the page address now names the saved workspace
    assert "?d=" in result["url_after_notes"]
    assert len(before) >= 3 and all(t.strip() for t in before)
    # 3: 更简洁 on section 2 (二、, the third card after the opening and 一、) changed it and nothing else
    assert after[2] != before[2]
    assert [t for i, t in enumerate(after) if i != 2] == [t for i, t in enumerate(before) if i != 2]
    # 4: the wrong figure in section 1 (一、, the second card) is flagged
    assert result["edit"]["to"] in result["sections_after_edit"][1]
    assert "数字需要核对" in result["warning_text"]
    # 5: after a reload, the notes, the unit, every section (with the edit) and the warning are still there
    assert result["notes_after_reload"].strip() == NOTES.strip()
    assert result["school_after_reload"] == "青松县实验小学"
    assert result["sections_after_reload"] == result["sections_after_edit"]
    assert result["warning_after_reload"] >= 1
    # 6: the downloaded file is a real Word document holding the edited draft
    import docx

    document = docx.Document(result["docx"])
    body = "\n".join(p.text for p in document.paragraphs)
    assert result["docx_name"].endswith(".docx")
    assert result["edit"]["to"] in body
    assert result["sections_after_edit"][2].strip()[:20] in body
    for step in result["steps"]:
        assert Path(step["screenshot"]).stat().st_size > 10_000
