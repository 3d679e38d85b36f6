"""Run a long drafting call off the script thread and show its progress and streamed text as it arrives.

The drafting package may call its callbacks from its own worker threads, where Streamlit elements cannot be
updated; so the call runs in a helper thread, callbacks only put events on a queue, and the script thread
drains the queue into st.status. Exceptions come back unchanged (UserError → message, bugs → raised).
"""
from __future__ import annotations

import queue
import threading
import time
from typing import Any, Callable

import streamlit as st

__all__ = ["run_with_progress"]


def run_with_progress(label: str, call: Callable[..., Any]) -> tuple[Any, list[tuple[str, bool]]]:
    """call(progress, stream) runs in a helper thread; progress(finished, total, heading, ok=True),
    stream(heading, text_so_far). Returns (result, [(heading, ok)]) and leaves the status box updated."""
    events: queue.Queue = queue.Queue()
    outcome: dict = {}

    def progress(finished: int, total: int, heading: str, ok: bool = True) -> None:
        events.put(("progress", finished, total, heading, ok))

    def stream(heading: str, text: str) -> None:
        events.put(("stream", heading, text))

    def work() -> None:
        try:
            outcome["result"] = call(progress, stream)
        except BaseException as exc:  # handed to the script thread
            outcome["error"] = exc

    done: list[tuple[str, bool]] = []
    with st.status(label, expanded=True) as status:
        bar = st.progress(0.0, text="准备中… / preparing")
        lines = st.empty()
        live = st.empty()
        worker = threading.Thread(target=work, daemon=True, name="uniondraft-drafting")
        worker.start()
        while worker.is_alive() or not events.empty():
            try:
                event = events.get(timeout=0.1)
            except queue.Empty:
                continue
            if event[0] == "progress":
                _, finished, total, heading, ok = event
                done.append((heading, ok))
                bar.progress(min(finished / max(total, 1), 1.0), text=f"已完成 {finished}/{total} 节")
                lines.markdown("  \n".join((":material/check_circle: " if ok else ":material/error: ") + h
                                           + ("" if ok else "（失败）") for h, ok in done))
                live.empty()
            else:
                _, heading, text = event
                live.markdown(f"**正在写：{heading}**  \n{text[-600:]}")
            time.sleep(0)
        worker.join()
        if "error" in outcome:
            status.update(label="起草失败", state="error")
            raise outcome["error"]
        failed = [h for h, ok in done if not ok]
        if failed:
            status.update(label=f"已生成，但有 {len(failed)} 节失败：{'、'.join(failed)}（可单独重试）", state="error")
        else:
            status.update(label="初稿已生成", state="complete", expanded=False)
    return outcome.get("result"), done
