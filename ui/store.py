"""Autosave for the chair's work: notes, outline and draft of each workspace, in SQLite in the data folder.

Every change is one short transaction (WAL mode, busy timeout), so several browser sessions and app
processes can save at once and a crash mid-write leaves the previous state intact. Each save that
changes the draft keeps the previous draft in a history table (bounded), so an unwanted edit can be undone.
"""
from __future__ import annotations

import json
import sqlite3
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from common.errors import InputError

__all__ = ["Workspace", "WorkspaceSummary", "WorkspaceStore", "HISTORY_LIMIT", "FIELDS"]

HISTORY_LIMIT = 30            # previous drafts kept per workspace
FIELDS = ("name", "kind", "school", "period", "target_length", "notes", "outline", "draft")
_JSON_FIELDS = ("outline", "draft")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'semester-summary',
    school TEXT NOT NULL DEFAULT '',
    period TEXT NOT NULL DEFAULT '',
    target_length INTEGER NOT NULL DEFAULT 2000,
    notes TEXT NOT NULL DEFAULT '',
    outline TEXT,
    draft TEXT,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    revision INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS draft_history (
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    saved REAL NOT NULL,
    draft TEXT NOT NULL,
    PRIMARY KEY (workspace_id, revision)
);
"""


@dataclass(frozen=True)
class Workspace:
    id: str
    name: str
    kind: str = "semester-summary"
    school: str = ""
    period: str = ""
    target_length: int = 2000
    notes: str = ""
    outline: Any = None          # list of section dicts, as the drafting package gives them
    draft: Any = None            # draft JSON (dict), as the drafting package gives it
    created: float = 0.0
    updated: float = 0.0
    revision: int = 0


@dataclass(frozen=True)
class WorkspaceSummary:
    id: str
    name: str
    kind: str
    period: str
    sections: int
    notes_chars: int
    updated: float
    extra: dict = field(default_factory=dict)


class WorkspaceStore:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(_SCHEMA)

    @classmethod
    def in_data_dir(cls, data_dir: str | Path) -> "WorkspaceStore":
        return cls(Path(data_dir) / "workspaces.sqlite3")

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA busy_timeout=30000")
            db.execute("PRAGMA foreign_keys=ON")
            db.row_factory = sqlite3.Row
            yield db
        finally:
            db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    # ---- reading --------------------------------------------------------------------------------
    def get(self, workspace_id: str) -> Workspace:
        with self._connect() as db:
            row = db.execute("SELECT * FROM workspaces WHERE id = ?", (workspace_id,)).fetchone()
        if row is None:
            raise InputError("找不到这份草稿，可能已被删除", f"draft {workspace_id} not found (deleted?)")
        return _workspace(row)

    def exists(self, workspace_id: str) -> bool:
        with self._connect() as db:
            return db.execute("SELECT 1 FROM workspaces WHERE id = ?", (workspace_id,)).fetchone() is not None

    def list(self) -> list[WorkspaceSummary]:
        with self._connect() as db:
            rows = db.execute("SELECT id, name, kind, period, notes, draft, updated FROM workspaces "
                              "ORDER BY updated DESC, id").fetchall()
        out = []
        for r in rows:
            draft = json.loads(r["draft"]) if r["draft"] else None
            sections = len(draft.get("sections", [])) if isinstance(draft, dict) else 0
            out.append(WorkspaceSummary(r["id"], r["name"], r["kind"], r["period"], sections,
                                        len(r["notes"]), r["updated"]))
        return out

    def history(self, workspace_id: str) -> list[tuple[int, float, Any]]:
        """Earlier drafts of one workspace, newest first: (revision, saved time, draft JSON)."""
        with self._connect() as db:
            rows = db.execute("SELECT revision, saved, draft FROM draft_history WHERE workspace_id = ? "
                              "ORDER BY revision DESC", (workspace_id,)).fetchall()
        return [(r["revision"], r["saved"], json.loads(r["draft"])) for r in rows]

    # ---- writing --------------------------------------------------------------------------------
    def create(self, name: str = "", **fields: Any) -> Workspace:
        _check_fields(fields)
        now = time.time()
        workspace_id = uuid.uuid4().hex[:12]
        name = (name or "").strip() or time.strftime("未命名草稿 %m-%d %H:%M", time.localtime(now))
        values = {"name": name, **fields}
        cols = ["id", "created", "updated", *values]
        with self._transaction() as db:
            db.execute(f"INSERT INTO workspaces ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                       [workspace_id, now, now, *(_encode(k, v) for k, v in values.items())])
        return self.get(workspace_id)

    def save(self, workspace_id: str, **fields: Any) -> Workspace:
        """Write the given fields; unchanged values cost nothing. The old draft goes to the history."""
        _check_fields(fields)
        if "name" in fields and not str(fields["name"]).strip():
            raise InputError("草稿名称不能为空", "a draft name cannot be empty")
        with self._transaction() as db:
            row = db.execute("SELECT * FROM workspaces WHERE id = ?", (workspace_id,)).fetchone()
            if row is None:
                raise InputError("找不到这份草稿，可能已在别的窗口被删除", f"draft {workspace_id} not found")
            changed = {k: _encode(k, v) for k, v in fields.items() if _encode(k, v) != row[k]}
            if not changed:
                return _workspace(row)
            revision = row["revision"] + 1
            if "draft" in changed and row["draft"]:
                db.execute("INSERT OR REPLACE INTO draft_history VALUES (?, ?, ?, ?)",
                           (workspace_id, row["revision"], row["updated"], row["draft"]))
                db.execute("DELETE FROM draft_history WHERE workspace_id = ? AND revision <= ?",
                           (workspace_id, revision - 1 - HISTORY_LIMIT))
            sets = ", ".join(f"{k} = ?" for k in changed)
            db.execute(f"UPDATE workspaces SET {sets}, updated = ?, revision = ? WHERE id = ?",
                       [*changed.values(), time.time(), revision, workspace_id])
            row = db.execute("SELECT * FROM workspaces WHERE id = ?", (workspace_id,)).fetchone()
        return _workspace(row)

    def rename(self, workspace_id: str, name: str) -> Workspace:
        return self.save(workspace_id, name=name.strip())

    def duplicate(self, workspace_id: str) -> Workspace:
        src = self.get(workspace_id)
        fields = {k: getattr(src, k) for k in FIELDS if k != "name"}
        return self.create(f"{src.name}（副本）", **fields)

    def delete(self, workspace_id: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM draft_history WHERE workspace_id = ?", (workspace_id,))
            db.execute("DELETE FROM workspaces WHERE id = ?", (workspace_id,))


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown workspace fields {sorted(unknown)}; allowed: {FIELDS}")


def _encode(key: str, value: Any) -> Any:
    if key in _JSON_FIELDS:
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
    if key == "target_length":
        return int(value)
    return "" if value is None else str(value)


def _workspace(row: sqlite3.Row) -> Workspace:
    values = {k: row[k] for k in row.keys()}
    for k in _JSON_FIELDS:
        values[k] = json.loads(values[k]) if values[k] else None
    return Workspace(**values)
