"""The real ChatOpenAI path, through the resolver, against a local OpenAI-compatible stub on 127.0.0.1."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

from common.settings import Settings
from drafting.models import resolve_model
from drafting.pipeline import draft_document
from tests.stub_llm_server import StubLLM

NOTES = """# 关爱服务
- 送温暖慰问困难教职工12人次，发放慰问金1.2万元
- 看望生病住院教职工6人次
# 民主管理
- 三届二次教代会立案提案9件，本学期又办结2件
# 文体活动
- 10月举办第六届教职工趣味运动会，参与率95%以上
"""
ONE = [{"id": "s1", "heading": "一、关爱服务", "fact_ids": ["F1", "F2"], "role": "body"}]


@pytest.fixture
def stub():
    with StubLLM() as server:
        yield server


def _model(url: str, key: str = "test-key", timeout: float = 5, retries: int = 2):
    settings = Settings(data_dir=Path("/tmp/ud"), library_dir=Path("/tmp/ud/lib"), base_url=url, api_key=key)
    return resolve_model("openai:stub-model", settings, timeout=timeout, max_retries=retries)


def _one(model, **kw):
    return draft_document(NOTES, "semester-summary", model=model, outline=ONE, library=False, **kw).sections[0]


def test_a_whole_draft_streams_through_the_endpoint(stub):
    seen: list[tuple[str, str]] = []
    draft = draft_document(NOTES, "semester-summary", "红星小学", "2025-2026学年第一学期", model=_model(stub.base_url),
                           library=False, stream=lambda heading, text: seen.append((heading, text)))
    assert all(r["stream"] is True and r["model"] == "stub-model" for r in stub.requests)
    assert all(not s.error and s.text for s in draft.sections)
    care = next(s for s in draft.sections if "关爱服务" in s.heading)
    assert care.text == "送温暖慰问困难教职工12人次，发放慰问金1.2万元；看望生病住院教职工6人次。"
    partial = [t for h, t in seen if h == care.heading]
    assert len(partial) > 2 and partial[-1] == care.text and partial[0] != care.text   # text arrives in pieces
    assert draft.model == "openai:stub-model"


@pytest.mark.parametrize("fault", ["429", "500"])
def test_429_and_500_are_retried(stub, fault):
    stub.faults.append(fault)
    section = _one(_model(stub.base_url), concurrency=1)
    assert not section.error and "12人次" in section.text
    assert len(stub.requests) >= 2


@pytest.mark.parametrize("fault,retries,words", [
    ("429", 1, ("429", "--concurrency")),
    ("500", 1, ("500", "稍后")),
    ("malformed", 0, ("无法解析", "OpenAI")),
])
def test_faults_that_persist_give_a_clear_error_and_lose_no_other_section(stub, fault, retries, words):
    stub.rules.append(("关爱服务", fault))
    draft = draft_document(NOTES, "semester-summary", model=_model(stub.base_url, retries=retries), library=False)
    failed = [s for s in draft.sections if s.error]
    assert [s.heading for s in failed] == ["一、关爱服务"]
    assert failed[0].text == "" and all(w in failed[0].error for w in words)
    assert all(s.text for s in draft.sections if not s.error)
    assert draft.meta["failed"] == [failed[0].id]


def test_a_hanging_endpoint_times_out(stub):
    stub.faults.append("hang")
    stub.hang = 3
    section = _one(_model(stub.base_url, timeout=0.5, retries=0))
    assert "超时" in section.error and "timed out" in section.error


def test_a_wrong_key_says_401_and_never_shows_the_key(stub):
    section = _one(_model(stub.base_url, key="sk-wrong-key-42"))
    assert "401" in section.error and "Key" in section.error
    assert "sk-wrong-key-42" not in section.error
    assert len(stub.requests) == 1                        # a wrong key is not retried


def test_an_unreachable_endpoint_says_so():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    section = _one(_model(f"http://127.0.0.1:{port}/v1", retries=0))
    assert "连接不上" in section.error and "UNIONDRAFT_BASE_URL" in section.error


def test_progress_reports_the_failed_section(stub):
    stub.rules.append(("民主管理", "500"))
    calls = []
    draft_document(NOTES, "semester-summary", model=_model(stub.base_url, retries=0), library=False,
                   progress=lambda done, total, heading, ok: calls.append((done, total, heading, ok)))
    assert [c[0] for c in calls] == list(range(1, len(calls) + 1)) and calls[-1][1] == len(calls)
    assert [c[2] for c in calls if not c[3]] == ["二、民主管理"]


def test_a_failed_repair_call_keeps_the_first_answer_with_its_findings(stub):
    pytest.importorskip("eval.check")
    answers = iter(["送温暖慰问困难教职工13人次，发放慰问金1.2万元；看望生病住院教职工6人次。"])
    stub.answer = lambda prompt: next(answers, "")
    stub.rules.append(("核对发现", "500"))                  # the repair prompt fails
    section = _one(_model(stub.base_url, retries=0))
    assert not section.error and "13人次" in section.text
    assert any(f["level"] == "error" and "13" in f["text"] for f in section.findings)
