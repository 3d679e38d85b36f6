"""Fakes for the drafting tests: a chat model that records every prompt it receives, and a library stand-in."""
from __future__ import annotations

import threading
from typing import Any, Callable

from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import BaseMessage

from retrieval.types import Hit


class RecordingChatModel(FakeListChatModel):
    """LangChain's FakeListChatModel that records the messages of every call. An answer may be a function of the
    messages (e.g. echo the facts); the last answer repeats once the list is used up."""
    answers: list[Any] = []
    calls: list[list[BaseMessage]] = []
    responses: list[str] = [""]

    def _call(self, messages, stop=None, run_manager=None, **kwargs) -> str:
        with _LOCK:
            self.calls.append(list(messages))
            n = len(self.calls) - 1
        answer = self.answers[min(n, len(self.answers) - 1)]
        return answer(messages) if callable(answer) else answer

    def _stream(self, messages, stop=None, run_manager=None, **kwargs):
        from langchain_core.messages import AIMessageChunk
        from langchain_core.outputs import ChatGenerationChunk

        text = self._call(messages, stop=stop, **kwargs)
        for i in range(0, len(text), 7):
            yield ChatGenerationChunk(message=AIMessageChunk(content=text[i:i + 7]))

    @property
    def system_prompts(self) -> list[str]:
        return [c[0].content for c in self.calls]

    @property
    def user_prompts(self) -> list[str]:
        return [c[1].content for c in self.calls]


_LOCK = threading.Lock()


def echo_facts(messages) -> str:
    """Answer with the facts of the prompt, verbatim."""
    from tests.stub_llm_server import facts_answer

    return facts_answer(messages[1].content)


class FakeLibrary:
    """Library.search / count_chunks with fixed exemplar sections; records the queries."""

    def __init__(self, docs: list[tuple[str, str, str]], kind_of: Callable[[int], str] | None = None):
        self.docs = docs                     # (doc_id, title, text)
        self.kind_of = kind_of or (lambda i: "summary")
        self.queries: list[tuple[str, int, str | None]] = []
        self.rankers: list[tuple[str, ...]] = []

    def count_chunks(self) -> int:
        return len(self.docs)

    def search(self, query: str, k: int = 5, kind: str | None = None, rankers=("bm25", "dense")) -> list[Hit]:
        self.queries.append((query, k, kind))
        self.rankers.append(tuple(rankers))
        hits = [Hit(text=text, source=f"{doc_id}.txt", title=title, heading="一、示例", score=1.0 / (i + 1),
                    doc_id=doc_id, kind=self.kind_of(i))
                for i, (doc_id, title, text) in enumerate(self.docs)]
        return [h for h in hits if kind is None or h.kind == kind][:k]
