"""Small past documents written for the library tests, and a `chroma run` server the tests start."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

SUMMARY = """青松县实验小学2023-2024学年第一学期工会工作总结
本学期，校工会在上级工会和学校党支部的领导下，围绕学校中心工作，履行维护、建设、参与、教育职能，现将本学期工作总结如下。
一、加强民主管理，推进校务公开
（一）开好教代会
学期初召开三届四次教职工代表大会，代表们围绕绩效工资分配方案提出意见，会后逐条答复落实。
（二）校务公开
通过公示栏和教职工群及时公开评优评先、职称推荐等事项，接受教职工监督。
二、关心教职工生活，做好帮扶慰问
春节前走访慰问困难教职工6人次，送去组织的关怀；教职工生病住院时及时探望。
三、丰富文体活动，建设职工之家
组织教职工开展拔河比赛和登山活动，参与率达到90%以上，增进了同事之间的交流。
四、存在问题与不足
活动形式还不够丰富，青年教师参与工会工作的积极性有待提高。
五、下一步打算
继续完善职工之家建设，探索更多贴近教职工需求的活动形式。
青松县实验小学工会
2024年1月15日
"""

PLAN = """临江市第二中学工会2024年工作计划
2024年，校工会将在学校党总支的领导下，坚持服务教职工的工作主线，结合学校实际，特制定本计划。
一、指导思想
以习近平新时代中国特色社会主义思想为指导，落实上级工会工作部署，团结动员教职工为学校发展贡献力量。
二、工作目标
教职工文体活动参与率不低于85%，困难教职工帮扶覆盖率达到100%。
三、主要任务
（一）深化民主管理
按时召开教代会，做好提案征集和办理工作，推进校务公开。
（二）做好送温暖工作
建立困难教职工档案，在重要节日走访慰问困难教职工和退休教师。
四、保障措施
加强组织领导，规范工会经费管理，确保各项工作落到实处。
临江市第二中学工会
2024年2月20日
"""


def write_docs(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"summary": folder / "summary.txt", "plan": folder / "plan.txt"}
    paths["summary"].write_text(SUMMARY, encoding="utf-8")
    paths["plan"].write_text(PLAN, encoding="utf-8")
    return paths


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ChromaServer:
    """A real `chroma run` on 127.0.0.1, started and stopped by the tests."""

    def __init__(self, path: Path):
        exe = shutil.which("chroma")
        if exe is None:
            pytest.fail("the `chroma` command (from chromadb) is not installed")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(path.parent / "chroma-server.log", "wb")
        env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
        self.proc = subprocess.Popen([exe, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(self.port)],
                                     stdout=self.log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma run exited with {self.proc.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("chroma run did not start within 60 s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
