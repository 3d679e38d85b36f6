"""Sidebar 模型设置: choose the backend, keep the key in this session (or, if asked, in a local 0600 file),
test the connection, and always show which backend is active."""
from __future__ import annotations

import streamlit as st

from common.errors import UserError
from ui import resources
from ui.backends import (PROVIDERS, BackendChoice, check_connection, config_path, forget_config, load_config,
                         save_config)
from ui.messages import show_error, show_success

__all__ = ["render", "active_backend"]


def _initial() -> BackendChoice:
    saved = load_config()
    if saved is not None:
        return saved
    s = resources.settings()
    return BackendChoice.from_settings(s.model, s.base_url, s.api_key)


def active_backend() -> BackendChoice:
    """The backend this browser session drafts with."""
    if "backend" not in st.session_state:
        st.session_state["backend"] = _initial()
    return st.session_state["backend"]


def render() -> BackendChoice:
    current = active_backend()
    with st.expander("模型设置", expanded=False):
        keys = list(PROVIDERS)
        provider = st.selectbox("起草方式", keys, index=keys.index(current.provider),
                                format_func=lambda k: PROVIDERS[k].label, key="backend_provider")
        spec = PROVIDERS[provider]
        if provider == "offline":
            choice = BackendChoice("offline")
        else:
            model = st.text_input("模型名称", value=current.model if provider == current.provider else "",
                                  placeholder=spec.default_model or "例如 glm-4-flash", key=f"backend_model_{provider}")
            base_url = st.text_input("接口地址 base_url", value=current.base_url if provider == current.provider else "",
                                     placeholder=spec.base_url or "https://…/v1", key=f"backend_url_{provider}")
            api_key = st.text_input("API Key", value=current.api_key if provider == current.provider else "",
                                    type="password", key=f"backend_key_{provider}",
                                    help="只保存在当前浏览器会话中；勾选下方选项才会写入本机配置文件。")
            choice = BackendChoice(provider, model.strip(), base_url.strip(), api_key.strip())
        st.session_state["backend"] = choice
        remember = st.checkbox("保存到本机配置文件（含 Key）", key="backend_remember",
                               help=f"写入 {config_path()}，仅本机当前用户可读（权限 0600），不在项目目录中。")
        if st.button("测试连接", key="backend_test", width="stretch"):
            try:
                with st.spinner("正在连接… / connecting"):
                    show_success(check_connection(choice), "connection ok")
            except UserError as exc:
                show_error(exc.zh, exc.en)
        if remember and st.button("保存到本机", key="backend_persist", width="stretch"):
            path = save_config(choice)
            show_success(f"已保存到 {path}", "saved (owner-only file)")
        elif not remember and config_path().exists() and st.button("删除本机保存的设置", key="backend_forget",
                                                                   width="stretch"):
            forget_config()
            show_success("已删除本机配置文件", "local config removed")
    _status(choice)
    return choice


def _status(choice: BackendChoice) -> None:
    if choice.is_offline:
        st.info("**当前：离线起草**  \n不使用任何AI模型：文中数字全部直接取自您的笔记，语句按模板组织。", icon=":material/cloud_off:")
        return
    problems = choice.problems()
    if problems:
        st.warning(f"**当前：{choice.label}**  \n{problems[0][0]}", icon=":material/warning:")
    else:
        st.success(f"**当前：{choice.label}**", icon=":material/smart_toy:")
