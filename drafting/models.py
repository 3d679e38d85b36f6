"""One resolver turns a model spec into something that can write: offline, fake, or an OpenAI-compatible endpoint.

Specs: ``offline`` (default), ``fake`` / ``fake:TEXT`` (LangChain's fake chat model, for tests), ``openai:M``,
``deepseek:M``, ``qwen:M``, ``ollama:M``. ``UNIONDRAFT_BASE_URL`` points any of them at a custom endpoint;
keys come from ``UNIONDRAFT_API_KEY`` or the provider's own variable. Vendor libraries are imported lazily.
Keys are never logged, printed or stored: error messages name the variable, never its value.
"""
from __future__ import annotations

import difflib
import json
import os
import re
from dataclasses import dataclass
from typing import Mapping

from common.errors import BackendError
from common.settings import Settings

__all__ = ["Provider", "PROVIDERS", "ResolvedModel", "resolve_model", "backend_error", "DEFAULT_TIMEOUT",
           "DEFAULT_RETRIES"]

DEFAULT_TIMEOUT = 60.0
DEFAULT_RETRIES = 2


@dataclass(frozen=True)
class Provider:
    name: str                    # the prefix of a model spec: deepseek:deepseek-chat
    base_url: str | None
    key_env: str | None          # the provider's own key variable (UNIONDRAFT_API_KEY always works too)
    needs_key: bool = True
    prompt_budget: int = 6000    # tokens a section prompt may use
    label: str = ""              # what the app shows
    default_model: str = ""


# The one table of OpenAI-compatible providers; the app's backend choices are built from it.
PROVIDERS: dict[str, Provider] = {p.name: p for p in (
    Provider("deepseek", "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY", label="DeepSeek", default_model="deepseek-chat"),
    Provider("qwen", "https://dashscope.aliyuncs.com/compatible-mode/v1", "DASHSCOPE_API_KEY", label="通义千问",
             default_model="qwen-plus"),
    Provider("ollama", "http://localhost:11434/v1", None, needs_key=False, prompt_budget=3000, label="Ollama（本机）",
             default_model="qwen2.5:7b"),
    Provider("openai", None, "OPENAI_API_KEY", label="其他（OpenAI 兼容接口）"),
)}
_LOCAL = ("offline", "fake")


@dataclass(frozen=True)
class ResolvedModel:
    """What a spec resolved to. `chat` is a LangChain chat model (None for offline); it stays inside drafting/."""
    spec: str
    provider: str
    name: str = ""
    chat: object | None = None
    base_url: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    prompt_budget: int = 6000
    encoding: str = "cl100k_base"

    @property
    def offline(self) -> bool:
        return self.chat is None

    @property
    def label(self) -> str:
        return self.spec


def _encoding_for(name: str) -> str:
    lowered = name.lower()
    return "o200k_base" if any(t in lowered for t in ("gpt-4o", "gpt-4.1", "gpt-5", "o1", "o3", "o4")) else "cl100k_base"


def _unknown(provider: str) -> BackendError:
    choices = list(PROVIDERS) + list(_LOCAL)
    close = difflib.get_close_matches(provider.lower(), choices, n=1, cutoff=0.5)
    hint_zh = f"是不是想用 {close[0]}？" if close else ""
    hint_en = f" Did you mean {close[0]}?" if close else ""
    return BackendError(
        f"不认识的模型提供方“{provider}”。{hint_zh}可用：offline、deepseek:模型名、qwen:模型名、ollama:模型名、openai:模型名",
        f"unknown model provider {provider!r}.{hint_en} Use offline, deepseek:MODEL, qwen:MODEL, ollama:MODEL or openai:MODEL")


def resolve_model(spec: object = None, settings: Settings | None = None, *, env: Mapping[str, str] | None = None,
                  timeout: float | None = None, max_retries: int = DEFAULT_RETRIES,
                  streaming: bool = True) -> ResolvedModel:
    """A spec (or an already built LangChain chat model, which tests pass in) → ResolvedModel."""
    if isinstance(spec, ResolvedModel):
        return spec
    if spec is not None and not isinstance(spec, str):
        if not hasattr(spec, "invoke"):
            raise TypeError(f"not a model spec or chat model: {spec!r}")
        return ResolvedModel(spec=type(spec).__name__, provider="custom", chat=spec)
    settings = settings or Settings.from_env(env)
    env = os.environ if env is None else env
    timeout = timeout or settings.timeout
    text = (spec or settings.model or "offline").strip()
    provider, _, name = text.partition(":")
    provider = provider.strip().lower()
    name = name.strip()
    if provider == "offline":
        return ResolvedModel(spec="offline", provider="offline", prompt_budget=3000)
    if provider == "fake":
        from langchain_core.language_models.fake_chat_models import FakeListChatModel

        return ResolvedModel(spec=text, provider="fake", name=name,
                             chat=FakeListChatModel(responses=[name or "工会各项工作稳步推进。"]))
    if provider not in PROVIDERS:
        if not name:  # "deepseek-chat" without a provider
            guess = difflib.get_close_matches(provider, list(PROVIDERS), n=1, cutoff=0.4)
            if guess:
                raise BackendError(f"模型写法应为“提供方:模型名”，是不是想写 {guess[0]}:{provider}？",
                                   f"a model spec is PROVIDER:MODEL; did you mean {guess[0]}:{provider}?")
        raise _unknown(provider)
    if not name:
        raise BackendError(f"请在“{provider}:”后写上模型名，例如 deepseek:deepseek-chat",
                           f"name the model after '{provider}:', e.g. deepseek:deepseek-chat")
    info = PROVIDERS[provider]
    base_url = settings.base_url or info.base_url
    key = settings.api_key or (env.get(info.key_env) if info.key_env else None)
    if not key:
        if info.needs_key and not (settings.base_url and provider == "ollama"):
            where = f"{info.key_env} 或 UNIONDRAFT_API_KEY" if info.key_env else "UNIONDRAFT_API_KEY"
            where_en = f"{info.key_env} or UNIONDRAFT_API_KEY" if info.key_env else "UNIONDRAFT_API_KEY"
            raise BackendError(f"没有找到 {provider} 的 API Key：请设置环境变量 {where}，或改用 --model offline 离线起草",
                               f"no API key for {provider}: set {where_en}, or use --model offline")
        key = "not-needed"
    from langchain_openai import ChatOpenAI

    chat = ChatOpenAI(model=name, api_key=key, base_url=base_url, timeout=timeout, max_retries=max_retries,
                      streaming=streaming, temperature=0.3)
    return ResolvedModel(spec=f"{provider}:{name}", provider=provider, name=name, chat=chat, base_url=base_url,
                         timeout=timeout, prompt_budget=info.prompt_budget, encoding=_encoding_for(name))


def backend_error(exc: BaseException, model: ResolvedModel) -> BackendError | None:
    """An exception from a model call → a BackendError that says what to fix (Chinese, then English); None when
    the exception did not come from the endpoint or its client (the caller re-raises it)."""
    if isinstance(exc, BackendError):
        return exc
    where = model.base_url or "api.openai.com"
    try:
        import openai
    except ImportError:  # pragma: no cover - langchain-openai depends on it
        openai = None
    if openai is not None:
        if isinstance(exc, openai.AuthenticationError):
            return BackendError(f"{model.spec} 拒绝了 API Key（401）：请检查 Key 是否正确、是否属于该接口 {where}",
                                f"{model.spec} rejected the API key (401): check the key and that it belongs to {where}")
        if isinstance(exc, openai.PermissionDeniedError):
            return BackendError(f"{model.spec} 拒绝访问（403）：该 Key 无权使用模型 {model.name}",
                                f"{model.spec} denied access (403): the key may not use model {model.name}")
        if isinstance(exc, openai.NotFoundError):
            return BackendError(f"接口 {where} 上没有找到模型 {model.name}（404）：请检查模型名和接口地址",
                                f"model {model.name} not found at {where} (404): check the model name and base_url")
        if isinstance(exc, openai.RateLimitError):
            return BackendError(f"{model.spec} 请求过于频繁或额度不足（429），重试后仍未成功：请稍后再试，或降低并发数（--concurrency）",
                                f"{model.spec} rate limit or quota exceeded (429) after retries: wait and retry, or lower --concurrency")
        if isinstance(exc, openai.APITimeoutError):
            return BackendError(f"模型接口超时：{model.timeout:g} 秒内没有返回（{where}）。请稍后重试，或改用离线起草",
                                f"the model endpoint timed out after {model.timeout:g} s ({where}); retry later or use --model offline")
        if isinstance(exc, openai.APIConnectionError):
            return BackendError(f"连接不上模型接口 {where}：请检查网络和接口地址（UNIONDRAFT_BASE_URL），本机模型请确认服务已启动",
                                f"cannot reach the model endpoint {where}: check the network and UNIONDRAFT_BASE_URL; for a local model, start its server")
        if isinstance(exc, openai.InternalServerError):
            return BackendError(f"模型接口出错（{getattr(exc, 'status_code', 500)}），重试后仍未成功：请稍后再试",
                                f"the model endpoint failed ({getattr(exc, 'status_code', 500)}) after retries; try again later")
        if isinstance(exc, openai.APIResponseValidationError):
            return _malformed(model, where)
        if isinstance(exc, openai.APIStatusError):
            return BackendError(f"模型接口返回错误（{exc.status_code}）：{_short(exc)}",
                                f"the model endpoint returned an error ({exc.status_code}): {_short(exc)}")
    if isinstance(exc, (json.JSONDecodeError, ValueError, KeyError)):
        return _malformed(model, where)
    if isinstance(exc, (OSError, TimeoutError)) or type(exc).__module__.split(".")[0] in _VENDOR_MODULES:
        return BackendError(f"调用模型 {model.spec} 失败：{type(exc).__name__}", f"calling {model.spec} failed: {type(exc).__name__}")
    return None                                   # not the endpoint's doing: a programming error, raised as it is


_VENDOR_MODULES = ("openai", "httpx", "httpcore", "langchain_openai", "langchain_core", "h11", "ssl")


def _malformed(model: ResolvedModel, where: str) -> BackendError:
    return BackendError(f"模型接口 {where} 返回的内容无法解析：请确认它是 OpenAI 兼容接口（地址通常以 /v1 结尾）",
                        f"the response from {where} could not be parsed: check that it is an OpenAI-compatible endpoint (usually ending in /v1)")


def _short(exc: BaseException) -> str:
    """The start of a vendor message, with anything that looks like a key masked."""
    text = re.sub(r"(sk-|Bearer\s+)[\w\-*.]+", r"\1***", str(exc).replace("\n", " "))
    return text[:160]
