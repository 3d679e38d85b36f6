"""Autosave storage: what the chair types and generates survives restarts, and sessions never clobber each other."""
from __future__ import annotations

import multiprocessing
import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest

from common.errors import InputError
from ui.store import HISTORY_LIMIT, WorkspaceStore

DRAFT = {"title": "某某小学工会工作总结", "sections": [{"id": "s1", "heading": "一、民主管理", "text": "召开教代会1次。"}]}


@pytest.fixture
def store(tmp_path):
    return WorkspaceStore.in_data_dir(tmp_path)


def test_saved_work_is_there_after_reopening_the_database(tmp_path):
    first = WorkspaceStore.in_data_dir(tmp_path)
    ws = first.create("秋季总结", notes="- 慰问困难教职工6人次", kind="annual-summary")
    first.save(ws.id, outline=[{"heading": "一、维权服务"}], draft=DRAFT, school="青松小学")
    again = WorkspaceStore.in_data_dir(tmp_path).get(ws.id)
    assert (again.name, again.kind, again.school) == ("秋季总结", "annual-summary", "青松小学")
    assert again.notes == "- 慰问困难教职工6人次"
    assert again.outline == [{"heading": "一、维权服务"}]
    assert again.draft == DRAFT


def test_database_is_in_wal_mode(store):
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_list_rename_duplicate_delete(store):
    a = store.create("甲", notes="一")
    b = store.create("乙", draft=DRAFT)
    store.save(a.id, notes="一二")                 # a is now the most recent
    assert [s.name for s in store.list()] == ["甲", "乙"]
    assert store.list()[1].sections == 1
    store.rename(b.id, "乙（定稿）")
    copy = store.duplicate(b.id)
    assert copy.id != b.id and copy.name == "乙（定稿）（副本）" and copy.draft == DRAFT
    store.save(copy.id, draft={**DRAFT, "title": "改过"})
    assert store.get(b.id).draft == DRAFT            # the copy is independent
    store.delete(b.id)
    assert {s.name for s in store.list()} == {"甲", "乙（定稿）（副本）"}
    with pytest.raises(InputError):
        store.get(b.id)


@pytest.mark.parametrize("name", ["", "   "])
def test_empty_name_is_refused_with_a_message(store, name):
    ws = store.create("原名")
    with pytest.raises(InputError) as err:
        store.rename(ws.id, name)
    assert "名称" in err.value.zh
    assert store.get(ws.id).name == "原名"


def test_unknown_field_is_a_programming_error(store):
    ws = store.create("x")
    with pytest.raises(ValueError, match="colour"):
        store.save(ws.id, colour="red")


def test_new_workspace_without_name_gets_a_readable_one(store):
    assert store.create().name.startswith("未命名草稿")


def test_each_draft_change_keeps_the_previous_draft(store):
    ws = store.create("x")
    for n in range(3):
        store.save(ws.id, draft={"title": f"第{n}稿", "sections": []})
    store.save(ws.id, notes="只改笔记")          # no draft change: no history entry
    titles = [d["title"] for _, _, d in store.history(ws.id)]
    assert titles == ["第1稿", "第0稿"]


def test_history_is_bounded(store):
    ws = store.create("x")
    for n in range(HISTORY_LIMIT + 10):
        store.save(ws.id, draft={"n": n})
    assert len(store.history(ws.id)) == HISTORY_LIMIT
    assert store.history(ws.id)[0][2] == {"n": HISTORY_LIMIT + 8}


def test_saving_an_unchanged_value_does_not_touch_the_workspace(store):
    ws = store.create("x", notes="a")
    assert store.save(ws.id, notes="a").revision == ws.revision


def test_concurrent_saves_from_many_threads_all_land(store):
    ids = [store.create(f"会话{i}").id for i in range(8)]

    def work(i):
        for n in range(20):
            store.save(ids[i], notes=f"会话{i}第{n}次", draft={"n": n})
        return i

    with ThreadPoolExecutor(8) as pool:
        assert sorted(pool.map(work, range(8))) == list(range(8))
    for i, wid in enumerate(ids):
        ws = store.get(wid)
        assert ws.notes == f"会话{i}第19次" and ws.draft == {"n": 19} and ws.revision == 20


def _save_many(path, wid, tag):
    store = WorkspaceStore(path)
    for n in range(30):
        store.save(wid, notes=f"{tag}{n}")


def test_two_processes_saving_the_same_database_never_corrupt_it(store):
    a, b = store.create("甲"), store.create("乙")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_save_many, args=(store.path, wid, tag)) for wid, tag in ((a.id, "甲"), (b.id, "乙"))]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert store.get(a.id).notes == "甲29" and store.get(b.id).notes == "乙29"
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
