"""Draft files: atomic writes (a crash mid-write leaves the old file intact) and clear errors on bad files."""
from __future__ import annotations

import os

import pytest

from common.errors import InputError
from drafting.draft_file import load_draft, save_draft
from drafting.pipeline import draft_document

NOTES = "# 关爱服务\n- 看望生病住院教职工6人次\n# 民主管理\n- 立案提案9件"


def test_round_trip(tmp_path):
    draft = draft_document(NOTES, "semester-summary", "红星小学", "2025学年", library=False)
    path = save_draft(draft, tmp_path / "sub" / "d.json")
    assert load_draft(path) == draft
    assert [p.name for p in path.parent.iterdir()] == ["d.json"]   # no temp file left behind


def test_a_crash_mid_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "d.json"
    old = draft_document(NOTES, "semester-summary", "红星小学", "2025学年", library=False)
    save_draft(old, path)
    before = path.read_bytes()
    new = draft_document(NOTES, "plan", "别的学校", "2026年", library=False)

    def crash(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(InputError):
        save_draft(new, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["d.json"]


def test_a_kill_mid_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "d.json"
    save_draft(draft_document(NOTES, "semester-summary", library=False), path)
    before = path.read_bytes()

    def killed(fd):
        raise KeyboardInterrupt
    monkeypatch.setattr(os, "fsync", killed)
    with pytest.raises(KeyboardInterrupt):
        save_draft(draft_document(NOTES, "plan", library=False), path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("content,words", [
    (None, "找不到"), ("{not json", "损坏"), ('{"title": "x"}', "损坏"), ("[1, 2]", "损坏"),
])
def test_missing_or_corrupt_files_are_input_errors(tmp_path, content, words):
    path = tmp_path / "d.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_draft(path)
    assert words in info.value.zh and str(path) in info.value.en
