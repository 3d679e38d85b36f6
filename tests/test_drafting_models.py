"""The one model resolver: specs → models, and errors that say what to fix without ever showing a key."""
from __future__ import annotations

from pathlib import Path

import pytest

from common.errors import BackendError
from common.settings import Settings
from drafting.models import resolve_model


def _settings(**kw) -> Settings:
    return Settings(data_dir=Path("/tmp/ud"), library_dir=Path("/tmp/ud/lib"), **kw)


def test_offline_is_the_default():
    assert resolve_model(None, _settings()).offline
    assert resolve_model("offline", _settings()).spec == "offline"


def test_fake_is_langchains_fake_chat_model():
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    model = resolve_model("fake:答复一句。", _settings())
    assert isinstance(model.chat, FakeListChatModel) and model.chat.invoke("x").content == "答复一句。"


@pytest.mark.parametrize("spec,env_name,base", [
    ("deepseek:deepseek-chat", "DEEPSEEK_API_KEY", "https://api.deepseek.com/v1"),
    ("qwen:qwen-plus", "DASHSCOPE_API_KEY", "https://dashscope.aliyuncs.com/compatible-mode/v1"),
    ("openai:gpt-4o-mini", "OPENAI_API_KEY", None),
])
def test_providers_take_their_key_from_their_own_variable(spec, env_name, base):
    model = resolve_model(spec, _settings(), env={env_name: "sk-secret-123"})
    assert model.base_url == base and model.chat is not None
    assert model.chat.max_retries >= 1 and model.chat.streaming
    assert "sk-secret-123" not in repr(model)


@pytest.mark.parametrize("spec,env_name", [("deepseek:deepseek-chat", "DEEPSEEK_API_KEY"),
                                           ("qwen:qwen-plus", "DASHSCOPE_API_KEY")])
def test_a_missing_key_names_the_variable_to_set(spec, env_name):
    with pytest.raises(BackendError) as info:
        resolve_model(spec, _settings(), env={})
    assert env_name in info.value.zh and env_name in info.value.en and "UNIONDRAFT_API_KEY" in info.value.en


def test_ollama_needs_no_key_and_a_custom_base_url_wins():
    assert resolve_model("ollama:qwen2.5:7b", _settings(), env={}).base_url == "http://localhost:11434/v1"
    custom = resolve_model("openai:my-model", _settings(base_url="http://10.0.0.5:8000/v1", api_key="k"), env={})
    assert custom.base_url == "http://10.0.0.5:8000/v1" and custom.name == "my-model"


@pytest.mark.parametrize("spec,hint", [("deepsek:deepseek-chat", "deepseek"), ("qwem:qwen-plus", "qwen"),
                                       ("deepseek-chat", "deepseek:deepseek-chat"), ("olama:x", "ollama")])
def test_an_unknown_provider_says_did_you_mean(spec, hint):
    with pytest.raises(BackendError) as info:
        resolve_model(spec, _settings(), env={})
    assert hint in info.value.zh and hint in info.value.en


def test_a_provider_without_a_model_name_is_refused():
    with pytest.raises(BackendError, match="deepseek:deepseek-chat"):
        resolve_model("deepseek:", _settings(), env={"DEEPSEEK_API_KEY": "k"})


def test_settings_never_print_the_key():
    assert "sk-very-secret" not in repr(_settings(api_key="sk-very-secret"))


def test_a_programming_error_inside_a_model_call_is_raised_not_shown_as_an_endpoint_problem():
    from drafting.models import ResolvedModel, backend_error

    model = ResolvedModel(spec="openai:x", provider="openai", name="x")
    assert backend_error(TypeError("bug"), model) is None
    assert backend_error(ConnectionResetError("reset"), model).zh.startswith("调用模型")
