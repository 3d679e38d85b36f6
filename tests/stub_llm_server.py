"""A local OpenAI-compatible chat endpoint for tests and benchmarks: http.server in a thread on 127.0.0.1.

POST /v1/chat/completions, streaming (SSE) and not. It answers with the facts it was given (the "F3：…" lines of
the prompt, joined into clauses), so the figures agree with the notes. Faults are injected per request:
  - `faults`: a queue of one-off faults for the next requests: "429", "500", "hang", "malformed", "401";
  - `rules`: (substring, fault) pairs: every request whose prompt contains the substring gets the fault.
`latency` delays every answer; retryable errors carry retry-after-ms so the client's retries stay fast.
"""
from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = ["StubLLM", "facts_answer"]


def facts_answer(prompt: str) -> str:
    """The facts in a section prompt as one paragraph (figures verbatim); a plain sentence when there are none."""
    facts = re.findall(r"^F\d+：(.+)$", prompt, re.M)
    if not facts:
        return "校工会围绕学校中心工作，扎实做好各项工作。"
    return "；".join(f.rstrip("。；") for f in facts) + "。"


class StubLLM:
    def __init__(self, api_key: str = "test-key", latency: float = 0.0, hang: float = 5.0, answer=facts_answer):
        self.api_key = api_key
        self.latency = latency
        self.hang = hang
        self.answer = answer
        self.faults: deque[str] = deque()
        self.rules: list[tuple[str, str]] = []
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                stub._handle(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True,
                                       name="stub-llm")

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def start(self) -> "StubLLM":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # ---- one request ------------------------------------------------------------------------------------
    def _fault_for(self, prompt: str) -> str | None:
        with self._lock:
            for needle, fault in self.rules:
                if needle in prompt:
                    return fault
            return self.faults.popleft() if self.faults else None

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = json.loads(h.rfile.read(length) or b"{}")
        prompt = "\n".join(str(m.get("content", "")) for m in body.get("messages", []))
        with self._lock:
            self.requests.append(body)
        if h.path.rstrip("/") != "/v1/chat/completions":
            return self._json(h, 404, {"error": {"message": "not found", "type": "invalid_request_error"}})
        if h.headers.get("Authorization") != f"Bearer {self.api_key}":
            return self._json(h, 401, {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error",
                                                 "code": "invalid_api_key"}})
        fault = self._fault_for(prompt)
        if fault == "401":
            return self._json(h, 401, {"error": {"message": "Incorrect API key provided", "code": "invalid_api_key"}})
        if fault == "429":
            return self._json(h, 429, {"error": {"message": "Rate limit reached", "type": "rate_limit"}}, retry=True)
        if fault == "500":
            return self._json(h, 500, {"error": {"message": "internal error", "type": "server_error"}}, retry=True)
        if fault == "hang":
            time.sleep(self.hang)
        if self.latency:
            time.sleep(self.latency)
        text = self.answer(prompt)
        if body.get("stream"):
            return self._sse(h, body, text, malformed=fault == "malformed")
        if fault == "malformed":
            return self._raw(h, 200, b'{"id": "x", "choices": [ {"message": ', "application/json")
        return self._json(h, 200, {
            "id": "chatcmpl-stub", "object": "chat.completion", "created": int(time.time()), "model": body.get("model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})

    def _raw(self, h, status: int, data: bytes, ctype: str, retry: bool = False) -> None:
        try:
            h.send_response(status)
            h.send_header("Content-Type", ctype)
            h.send_header("Content-Length", str(len(data)))
            if retry:
                h.send_header("retry-after-ms", "20")
            h.end_headers()
            h.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout): nothing to do

    def _json(self, h, status: int, payload: dict, retry: bool = False) -> None:
        self._raw(h, status, json.dumps(payload, ensure_ascii=False).encode(), "application/json", retry)

    def _sse(self, h, body: dict, text: str, malformed: bool) -> None:
        pieces = [text[i:i + 12] for i in range(0, len(text), 12)] or [""]
        events = []
        for n, piece in enumerate(pieces):
            delta = {"content": piece, **({"role": "assistant"} if n == 0 else {})}
            events.append({"id": "chatcmpl-stub", "object": "chat.completion.chunk", "created": int(time.time()),
                           "model": body.get("model"), "choices": [{"index": 0, "delta": delta, "finish_reason": None}]})
        events.append({"id": "chatcmpl-stub", "object": "chat.completion.chunk", "created": int(time.time()),
                       "model": body.get("model"), "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        lines = [f"data: {json.dumps(e, ensure_ascii=False)}\n\n" for e in events]
        if malformed:
            lines = ["data: {\"id\": \"x\", \"choices\": [\n\n"]
        data = ("".join(lines) + "data: [DONE]\n\n").encode()
        self._raw(h, 200, data, "text/event-stream")
