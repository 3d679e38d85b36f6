"""Chroma client and collection: embedded on disk by default, a `chroma run` server when a URL is set."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from chromadb import Documents, EmbeddingFunction, Embeddings as ChromaEmbeddings
from langchain_core.embeddings import Embeddings

from common.errors import BackendError

__all__ = ["make_client", "open_collection", "ChromaEmbeddingAdapter", "COLLECTION_PREFIX"]

COLLECTION_PREFIX = "uniondraft"


class ChromaEmbeddingAdapter(EmbeddingFunction):
    """Our embedder as Chroma's embedding function, so Chroma never falls back to its downloading default."""

    def __init__(self, embeddings: Embeddings, key: str):
        self._embeddings = embeddings
        self._key = key

    def __call__(self, input: Documents) -> ChromaEmbeddings:
        import numpy as np
        return [np.asarray(v, dtype=np.float32) for v in self._embeddings.embed_documents(list(input))]

    def embed_query(self, input: Documents) -> ChromaEmbeddings:
        import numpy as np
        return [np.asarray(self._embeddings.embed_query(t), dtype=np.float32) for t in input]

    @staticmethod
    def name() -> str:
        return "uniondraft"

    def get_config(self) -> dict:
        return {"key": self._key}

    @staticmethod
    def build_from_config(config: dict) -> "ChromaEmbeddingAdapter":  # pragma: no cover - chroma API hook
        raise NotImplementedError("uniondraft embedders are passed in, not rebuilt from config")


def make_client(library_dir: Path, chroma_url: str | None = None):
    """A PersistentClient in library_dir, or an HttpClient for chroma_url (http://host:port)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if chroma_url:
        url = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
        try:
            client = chromadb.HttpClient(host=url.hostname or "127.0.0.1", port=url.port or 8000,
                                         ssl=url.scheme == "https", settings=chroma_settings)
            client.heartbeat()
        except Exception as exc:
            raise BackendError(f"无法连接 Chroma 服务器 {chroma_url}，请确认它已启动（chroma run）",
                               f"cannot reach the Chroma server at {chroma_url}; is `chroma run` up? ({type(exc).__name__})") from exc
        return client
    library_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(library_dir), settings=chroma_settings)


def open_collection(client, embeddings: Embeddings, key: str):
    """One collection per embedder: vectors of different models never mix."""
    return client.get_or_create_collection(
        name=f"{COLLECTION_PREFIX}_{key}"[:63],
        embedding_function=ChromaEmbeddingAdapter(embeddings, key),
        metadata={"hnsw:space": "cosine", "embedder": key},
    )
