"""Which model writes the draft: the backend choices the app offers, the model spec they become, the optional
local config file (outside the repo, mode 0600), and a connection test against an OpenAI-compatible endpoint.

A key lives in the browser session only, unless the user asks to save it; it is never logged or printed.
"""
from __future__ import annotations

import json
import os
import tempfile
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Mapping

from common.errors import BackendError, InputError
from drafting.models import PROVIDERS as MODEL_PROVIDERS
from drafting.models import Provider

__all__ = ["Provider", "PROVIDERS", "BackendChoice", "config_path", "load_config", "save_config",
           "forget_config", "check_connection"]


# The drafting package's provider table, with the offline drafter first: one table for the CLI and the app.
PROVIDERS: dict[str, Provider] = {"offline": Provider("offline", None, None, needs_key=False, label="离线起草"),
                                  **MODEL_PROVIDERS}


@dataclass(frozen=True)
class BackendChoice:
    provider: str = "offline"
    model: str = ""
    base_url: str = ""
    api_key: str = ""

    @property
    def is_offline(self) -> bool:
        return self.provider == "offline"

    @property
    def spec(self) -> str:
        """The model spec the drafting resolver understands: offline, deepseek:MODEL, openai:MODEL, ..."""
        if self.is_offline:
            return "offline"
        return f"{self.provider}:{self.model or PROVIDERS[self.provider].default_model}"

    @property
    def effective_base_url(self) -> str | None:
        return (self.base_url or "").strip() or PROVIDERS[self.provider].base_url

    @property
    def label(self) -> str:
        """What the sidebar shows as the active backend (never the key)."""
        if self.is_offline:
            return "离线起草（不使用AI模型）"
        return f"{PROVIDERS[self.provider].label} · {self.model or PROVIDERS[self.provider].default_model}"

    def problems(self) -> list[tuple[str, str]]:
        """What is missing before this backend can be used: [(zh, en)]."""
        if self.is_offline:
            return []
        provider = PROVIDERS[self.provider]
        out = []
        if provider.needs_key and not self.api_key.strip():
            out.append((f"请填写 {provider.label} 的 API Key", f"an API key is needed for {provider.label}"))
        if not self.effective_base_url:
            out.append(("请填写接口地址（base_url），例如 https://example.com/v1", "a base_url is needed"))
        if self.provider == "openai" and not self.model.strip():
            out.append(("请填写模型名称", "a model name is needed"))
        return out

    def __repr__(self) -> str:  # never show a key
        return (f"BackendChoice(provider={self.provider!r}, model={self.model!r}, base_url={self.base_url!r}, "
                f"api_key=<{'set' if self.api_key else 'unset'}>)")

    @classmethod
    def from_settings(cls, model_spec: str, base_url: str | None, api_key: str | None) -> "BackendChoice":
        provider, _, model = (model_spec or "offline").partition(":")
        if provider not in PROVIDERS:
            provider, model = "offline", ""
        return cls(provider, model, base_url or "", api_key or "")


def config_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    base = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "uniondraft" / "config.json"


def load_config(path: Path | None = None) -> BackendChoice | None:
    path = path or config_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("provider") not in PROVIDERS:
        return None
    return BackendChoice(**{k: str(data.get(k) or "") for k in ("provider", "model", "base_url", "api_key")})


def save_config(choice: BackendChoice, path: Path | None = None, include_key: bool = True) -> Path:
    """Write the choice atomically, readable by the owner only (0600)."""
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = asdict(choice if include_key else replace(choice, api_key=""))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".tmp")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def forget_config(path: Path | None = None) -> None:
    (path or config_path()).unlink(missing_ok=True)


def check_connection(choice: BackendChoice, timeout: float = 10.0) -> str:
    """Ask the endpoint for its model list. Returns a short Chinese confirmation; raises BackendError."""
    if choice.is_offline:
        return "离线起草无需连接：不调用任何AI模型。"
    for zh, en in choice.problems():
        raise InputError(zh, en)
    url = choice.effective_base_url.rstrip("/") + "/models"
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {choice.api_key.strip()}"}
                                     if choice.api_key.strip() else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = json.loads(response.read().decode("utf-8") or "{}")
    except urllib.error.HTTPError as exc:
        if exc.code in (401, 403):
            raise BackendError("API Key 无效或没有权限，请检查后重试", f"the endpoint refused the key (HTTP {exc.code})")
        raise BackendError(f"接口返回错误（HTTP {exc.code}），请检查接口地址", f"the endpoint answered HTTP {exc.code}")
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise BackendError(f"无法连接 {url}：请检查网络和接口地址", f"cannot reach {url}: {reason}")
    except ValueError:
        raise BackendError("接口的返回内容不是有效的 JSON，请确认这是 OpenAI 兼容接口", "the endpoint did not return JSON")
    names = [m.get("id", "") for m in body.get("data", []) if isinstance(m, dict)] if isinstance(body, dict) else []
    wanted = choice.model or PROVIDERS[choice.provider].default_model
    if names and wanted not in names:
        close = ", ".join(n for n in names if n[:3] == wanted[:3])[:120] or ", ".join(names[:5])
        raise BackendError(f"连接成功，但接口没有模型 {wanted}。可用的有：{close}",
                           f"connected, but model {wanted} is not offered; available: {close}")
    return f"连接成功：{choice.label}"
