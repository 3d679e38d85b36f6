"""Shared fixtures."""
import pytest


@pytest.fixture
def app_data(tmp_path, monkeypatch):
    """A fresh data folder for the app (BM25 library, config under tmp, no model endpoint configured)."""
    monkeypatch.setenv("UNIONDRAFT_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("UNIONDRAFT_EMBEDDER", "bm25")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for name in ("UNIONDRAFT_MODEL", "UNIONDRAFT_BASE_URL", "UNIONDRAFT_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "data"
