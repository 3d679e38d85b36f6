"""A cross-process write lock for a library folder: concurrent adds wait their turn or fail cleanly."""
from __future__ import annotations

import contextlib
import fcntl
import os
import time
from pathlib import Path
from typing import Iterator

from common.errors import InputError

__all__ = ["write_lock", "LOCK_TIMEOUT_S"]

LOCK_TIMEOUT_S = 300.0


@contextlib.contextmanager
def write_lock(folder: Path, timeout_s: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / ".write.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise InputError("资料库正被另一个导入任务占用，请稍后再试",
                                     "the library is busy with another import; try again later") from None
                time.sleep(0.2)
        yield
    finally:
        os.close(fd)  # closing releases the lock
