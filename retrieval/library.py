"""The style reference library: past summaries and plans, chunked by headings, embedded into Chroma.

One Library wraps one Chroma collection (one per embedder). Every chunk carries its document's metadata,
so the document list is derived from the chunks and can never disagree with them; each document is written
in a single add, so an add killed halfway leaves whole documents only.
"""
from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np

from common.errors import InputError
from common.settings import CORPUS_DIR, Settings
from retrieval.bm25 import BM25Index, bigrams
from retrieval.embeddings import EmbedderChoice, choose_embedder
from retrieval.locking import write_lock
from retrieval.ranking import drop_near_duplicates, rrf_fuse, spread_across_documents
from retrieval.store import make_client, open_collection
from retrieval.types import AddReport, DocumentInfo, FileResult, Hit, SourceDocument

__all__ = ["Library", "Progress", "document_id", "corpus_files", "CANDIDATES"]

Progress = Callable[[int, int, str], None]   # (chunks done, chunks total, file or document name)
CANDIDATES = 50                              # how deep each ranking goes before fusion
DEFAULT_MARKER = ".default-library-built"
GET_PAGE = 5000                              # records per Chroma get
EMBED_BATCH = 64                             # chunks embedded together during an add
META_FIELDS = ("title", "school", "year", "period", "kind")


def document_id(text: str) -> str:
    """Content hash of a document's cleaned text: the same document always gets the same id."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


@dataclass
class _Corpus:
    """Everything BM25 needs, loaded once per library generation."""
    generation: tuple
    ids: list[str]
    texts: list[str]
    metas: list[dict]
    kinds: np.ndarray
    index: BM25Index


class Library:
    def __init__(self, collection, choice: EmbedderChoice, state_dir: Path):
        self._collection = collection
        self._choice = choice
        self._state_dir = state_dir
        self._corpus: _Corpus | None = None

    @classmethod
    def open(cls, settings: Settings) -> "Library":
        choice = choose_embedder(settings.embedder, settings.threads)
        key = choice.embeddings.key
        state_dir = settings.library_dir if not settings.chroma_url else settings.data_dir / "remote-library"
        # Two processes creating the same new database at once race in Chroma's schema set-up: take turns.
        with write_lock(state_dir):
            client = make_client(settings.library_dir, settings.chroma_url)
            collection = open_collection(client, choice.embeddings, key)
        return cls(collection, choice, state_dir)

    # ---- status -------------------------------------------------------------------------------------
    @property
    def dense_available(self) -> bool:
        return self._choice.dense

    @property
    def mode(self) -> str:
        return "hybrid" if self._choice.dense else "bm25"

    @property
    def notice(self) -> tuple[str, str] | None:
        """(zh, en) to show the user when search runs on keywords alone."""
        if self._choice.notice_zh:
            return self._choice.notice_zh, self._choice.notice_en
        return None

    def count_chunks(self) -> int:
        return self._collection.count()

    # ---- reading ------------------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        got = self._get_all(["metadatas"])
        per_doc: dict[str, list[dict]] = defaultdict(list)
        for meta in got["metadatas"]:
            per_doc[meta["doc_id"]].append(meta)
        docs = [_info(doc_id, metas) for doc_id, metas in per_doc.items()]
        return sorted(docs, key=lambda d: (-(d.year or 0), d.title, d.doc_id))

    def stats(self) -> dict:
        docs = self.documents()
        by_kind: dict[str, dict[str, int]] = defaultdict(lambda: {"documents": 0, "chunks": 0})
        by_year: dict[str, dict[str, int]] = defaultdict(lambda: {"documents": 0, "chunks": 0})
        for d in docs:
            for bucket in (by_kind[d.kind], by_year[str(d.year) if d.year else "未知"]):
                bucket["documents"] += 1
                bucket["chunks"] += d.chunks
        return {"documents": len(docs), "chunks": sum(d.chunks for d in docs),
                "by_kind": dict(by_kind), "by_year": dict(sorted(by_year.items())), "mode": self.mode}

    def find(self, doc_ref: str) -> DocumentInfo:
        """A document by id or unique id prefix (as shown by `library list`)."""
        matches = [d for d in self.documents() if d.doc_id.startswith(doc_ref.strip())] if doc_ref.strip() else []
        if len(matches) != 1:
            what = "没有找到" if not matches else "匹配到多个"
            raise InputError(f"资料库中{what}编号为 {doc_ref} 的文档",
                             f"{'no' if not matches else 'more than one'} document matches id {doc_ref!r}")
        return matches[0]

    # ---- writing ------------------------------------------------------------------------------------
    def add_files(self, paths: Sequence[str | Path], kind: str | None = None,
                  overrides: Mapping[str, object] | None = None, names: Sequence[str] | None = None,
                  progress: Progress | None = None) -> AddReport:
        """Import files; a bad file gets its own error and the others still go in."""
        from retrieval.chunking import chunk_document
        from retrieval.importing import read_documents

        names = list(names) if names is not None else [None] * len(paths)
        planned: list[tuple[int, str, SourceDocument, list]] = []
        errors: dict[int, InputError] = {}
        added: dict[int, list[str]] = defaultdict(list)
        unchanged: dict[int, list[str]] = defaultdict(list)
        for i, (path, name) in enumerate(zip(paths, names)):
            try:
                for doc in read_documents(path, kind=kind, overrides=overrides, original_name=name):
                    doc_id = document_id(doc.text)
                    if self._has(doc_id):  # known documents cost no chunking and no embedding
                        unchanged[i].append(doc_id)
                    else:
                        planned.append((i, doc_id, doc, chunk_document(doc.text)))
            except InputError as exc:
                errors[i] = exc
        total = sum(len(chunks) for *_, chunks in planned)
        done = 0
        for group in _batches(planned, EMBED_BATCH):
            # Embedding runs on many documents' chunks at once (the model is much faster on big batches);
            # each document is still written in one add of its own.
            vectors = self._choice.embeddings.embed_documents([c.text for *_, chunks in group for c in chunks])
            for i, doc_id, doc, chunks in group:
                mine, vectors = vectors[:len(chunks)], vectors[len(chunks):]
                (added if self._write(doc_id, doc, chunks, mine) else unchanged)[i].append(doc_id)
                done += len(chunks)
                if progress:
                    progress(done, total, doc.title or doc.source)
        results = []
        for i, path in enumerate(paths):
            shown = names[i] or str(path)
            if i in errors:
                results.append(FileResult(shown, error_zh=errors[i].zh, error_en=errors[i].en))
            else:
                results.append(FileResult(shown, tuple(added[i]), tuple(unchanged[i])))
        return AddReport(tuple(results))

    def _has(self, doc_id: str) -> bool:
        return bool(self._collection.get(where={"doc_id": doc_id}, limit=1, include=[])["ids"])

    def _write(self, doc_id: str, doc: SourceDocument, chunks: list, vectors: list) -> bool:
        """Write one document's chunks under the lock; False when another process added it meanwhile."""
        base = {"doc_id": doc_id, "source": doc.source, "title": doc.title, "school": doc.school,
                "year": doc.year or 0, "period": doc.period, "kind": doc.kind, "part": doc.part,
                "n_chunks": len(chunks)}
        ids = [f"{doc_id}-{c.index:04d}-{hashlib.sha1(c.text.encode()).hexdigest()[:8]}" for c in chunks]
        metas = [{**base, "heading": " > ".join(c.heading_path), "index": c.index, "tokens": c.tokens} for c in chunks]
        with write_lock(self._state_dir):
            if self._has(doc_id):
                return False
            self._collection.add(ids=ids, documents=[c.text for c in chunks], metadatas=metas, embeddings=vectors)
            self._bump_generation()
        return True

    def remove(self, doc_ref: str) -> DocumentInfo:
        doc = self.find(doc_ref)
        with write_lock(self._state_dir):
            self._collection.delete(where={"doc_id": doc.doc_id})
            self._bump_generation()
        return doc

    def update_metadata(self, doc_ref: str, **fields: object) -> DocumentInfo:
        """Override detected title / school / year / period / kind of one document."""
        unknown = set(fields) - set(META_FIELDS)
        if unknown:
            raise ValueError(f"cannot override {sorted(unknown)}; allowed: {META_FIELDS}")
        if "kind" in fields and fields["kind"] not in ("summary", "plan"):
            raise InputError("类型只能是 summary（总结）或 plan（计划）", "kind must be summary or plan")
        doc = self.find(doc_ref)
        clean = {k: int(v or 0) if k == "year" else str(v) for k, v in fields.items() if v is not None}
        with write_lock(self._state_dir):
            got = self._collection.get(where={"doc_id": doc.doc_id}, include=["metadatas"])
            self._collection.update(ids=got["ids"], metadatas=[{**m, **clean} for m in got["metadatas"]])
            self._bump_generation()
        return self.find(doc.doc_id)

    @property
    def default_built(self) -> bool:
        """True once the sample documents were imported (even if the user removed them since)."""
        return (self._state_dir / DEFAULT_MARKER).exists()

    @property
    def embeddings(self):
        """The embedder this library stores vectors with."""
        return self._choice.embeddings

    def ensure_default(self, corpus_dir: Path = CORPUS_DIR, progress: Progress | None = None) -> AddReport | None:
        """On first run, build the library from corpus/documents. Runs once: a user who later removes the
        sample documents does not get them back."""
        if self.default_built:
            return None
        marker = self._state_dir / DEFAULT_MARKER
        report = self.add_files(corpus_files(corpus_dir), progress=progress)
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text("built from corpus/documents\n")
        return report

    def _bump_generation(self) -> None:
        marker = self._state_dir / ".generation"
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(uuid.uuid4().hex)  # readers compare its mtime: any write means "reload"
        self._corpus = None

    def _generation(self) -> tuple:
        marker = self._state_dir / ".generation"
        return (self._collection.count(), marker.stat().st_mtime_ns if marker.exists() else 0)

    # ---- search -------------------------------------------------------------------------------------
    def search(self, query: str, k: int = 5, kind: str | None = None,
               rankers: tuple[str, ...] = ("bm25", "dense")) -> list[Hit]:
        """Hybrid search: dense and BM25 rankings fused (RRF), near-duplicates dropped, spread over documents.
        rankers picks which rankings take part (benchmarks compare each alone); dense needs a dense embedder."""
        query = (query or "").strip()
        if not query or k <= 0:
            return []
        corpus = self._load_corpus()
        if not corpus.ids:
            return []
        mask = (corpus.kinds == kind) if kind else None
        rankings = []
        if "bm25" in rankers:
            rankings.append([corpus.ids[i] for i, _ in corpus.index.top(bigrams(query), CANDIDATES, mask)])
        if "dense" in rankers and self._choice.dense:
            rankings.append(self._dense_ids(query, kind))
        fused = rrf_fuse(rankings)
        position = {cid: i for i, cid in enumerate(corpus.ids)}
        fused = [(cid, s) for cid, s in fused if cid in position]
        texts = {cid: corpus.texts[position[cid]] for cid, _ in fused}
        doc_of = {cid: corpus.metas[position[cid]]["doc_id"] for cid, _ in fused}
        kept = drop_near_duplicates([cid for cid, _ in fused], texts)
        chosen = spread_across_documents(kept, doc_of, k)
        score = dict(fused)
        return [_hit(cid, corpus.texts[position[cid]], corpus.metas[position[cid]], score[cid]) for cid in chosen]

    def _dense_ids(self, query: str, kind: str | None) -> list[str]:
        n = min(CANDIDATES, self._collection.count())
        if n == 0:
            return []
        vector = self._choice.embeddings.embed_query(query)
        got = self._collection.query(query_embeddings=[vector], n_results=n,
                                     where={"kind": kind} if kind else None, include=[])
        return list(got["ids"][0])

    def _get_all(self, include: list[str], page: int = GET_PAGE) -> dict[str, list]:
        """Every record, fetched in pages (one big get exceeds SQLite's variable limit near 100k chunks)."""
        out: dict[str, list] = {"ids": [], **{k: [] for k in include}}
        offset = 0
        while True:
            got = self._collection.get(include=include, limit=page, offset=offset)
            for key in out:
                out[key].extend(got[key] or [])
            if len(got["ids"]) < page:
                return out
            offset += page

    def _load_corpus(self) -> _Corpus:
        generation = self._generation()
        if self._corpus is None or self._corpus.generation != generation:
            got = self._get_all(["documents", "metadatas"])
            metas, texts = got["metadatas"], got["documents"]
            self._corpus = _Corpus(generation, list(got["ids"]), texts, metas,
                                   np.array([m.get("kind", "") for m in metas], dtype=object),
                                   BM25Index([bigrams(t) for t in texts]))
        return self._corpus


def _batches(planned: list, size: int) -> Iterable[list]:
    """Consecutive groups of planned documents holding at least `size` chunks each (the last may hold fewer)."""
    group: list = []
    count = 0
    for item in planned:
        group.append(item)
        count += len(item[-1])
        if count >= size:
            yield group
            group, count = [], 0
    if group:
        yield group


def _info(doc_id: str, metas: list[dict]) -> DocumentInfo:
    m = metas[0]
    return DocumentInfo(doc_id=doc_id, title=m.get("title", ""), source=m.get("source", ""),
                        school=m.get("school", ""), year=m.get("year") or None, period=m.get("period", ""),
                        kind=m.get("kind", "summary"), chunks=len(metas))


def _hit(chunk_id: str, text: str, meta: dict, score: float) -> Hit:
    return Hit(text=text, source=meta.get("source", ""), title=meta.get("title", ""),
               heading=meta.get("heading", ""), score=round(float(score), 4), doc_id=meta.get("doc_id", ""),
               kind=meta.get("kind", ""), year=meta.get("year") or None, chunk_id=chunk_id)


def corpus_files(corpus_dir: Path = CORPUS_DIR) -> list[Path]:
    """The sample documents the default library is built from."""
    folder = corpus_dir / "documents"
    return sorted(p for p in folder.glob("*") if p.suffix.lower() in (".txt", ".md", ".docx", ".pdf"))
