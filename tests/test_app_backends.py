"""Model backend settings: the spec each choice becomes, the 0600 config file, and 测试连接 against a local stub."""
from __future__ import annotations

import json
import stat
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from common.errors import BackendError, InputError
from ui.backends import BackendChoice, check_connection, load_config, save_config


@pytest.mark.parametrize("choice, spec, base_url", [
    (BackendChoice("offline"), "offline", None),
    (BackendChoice("deepseek", api_key="k"), "deepseek:deepseek-chat", "https://api.deepseek.com/v1"),
    (BackendChoice("qwen", "qwen-max", api_key="k"), "qwen:qwen-max", "https://dashscope.aliyuncs.com/compatible-mode/v1"),
    (BackendChoice("ollama", "qwen2.5:14b"), "ollama:qwen2.5:14b", "http://localhost:11434/v1"),
    (BackendChoice("openai", "glm-4-flash", "https://open.example.cn/v4", "k"), "openai:glm-4-flash", "https://open.example.cn/v4"),
])
def test_each_choice_becomes_a_model_spec_and_endpoint(choice, spec, base_url):
    assert choice.spec == spec
    assert choice.effective_base_url == base_url
    assert choice.problems() == []


@pytest.mark.parametrize("choice, word", [
    (BackendChoice("deepseek"), "API Key"),
    (BackendChoice("openai", "m", "", "k"), "base_url"),
    (BackendChoice("openai", "", "https://x/v1", "k"), "模型名称"),
])
def test_missing_settings_are_named_in_chinese(choice, word):
    assert any(word in zh for zh, _ in choice.problems())
    with pytest.raises(InputError):
        check_connection(choice)


def test_key_is_never_in_the_printed_form():
    choice = BackendChoice("deepseek", api_key="sk-secret-123")
    assert "sk-secret-123" not in repr(choice) and "sk-secret-123" not in choice.label


def test_config_file_is_owner_only_and_round_trips(tmp_path):
    path = tmp_path / "cfg" / "uniondraft" / "config.json"
    choice = BackendChoice("qwen", "qwen-plus", "", "sk-abc")
    save_config(choice, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_config(path) == choice
    save_config(choice, path, include_key=False)
    assert load_config(path).api_key == ""


@pytest.mark.parametrize("content", ["not json", json.dumps({"provider": "nope"}), json.dumps([1, 2])])
def test_a_broken_config_file_is_ignored(tmp_path, content):
    path = tmp_path / "config.json"
    path.write_text(content)
    assert load_config(path) is None


class _Stub(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.headers.get("Authorization") != "Bearer good":
            self.send_response(401)
            self.end_headers()
            return
        body = json.dumps({"data": [{"id": "deepseek-chat"}, {"id": "deepseek-reasoner"}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def stub_url():
    server = HTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v1"
    server.shutdown()


def test_connection_ok(stub_url):
    assert "连接成功" in check_connection(BackendChoice("deepseek", "deepseek-chat", stub_url, "good"))


@pytest.mark.parametrize("model, key, words", [
    ("deepseek-chat", "bad", "API Key 无效"),
    ("deepseek-chst", "good", "deepseek-chat"),      # a typo: the available names are listed
])
def test_connection_problems_say_what_to_fix(stub_url, model, key, words):
    with pytest.raises(BackendError) as err:
        check_connection(BackendChoice("deepseek", model, stub_url, key))
    assert words in err.value.zh


def test_unreachable_endpoint_is_a_clear_error():
    with pytest.raises(BackendError) as err:
        check_connection(BackendChoice("openai", "m", "http://127.0.0.1:9/v1", "k"), timeout=2)
    assert "无法连接" in err.value.zh
