"""Errors the API answers: {"code", "message"} with the message in Chinese and English."""
from __future__ import annotations

MESSAGES = {
    "bad_credentials": "用户名或密码不正确。 Wrong user name or password.",
    "rate_limited": "登录失败次数过多，请稍后再试。 Too many failed sign-ins; please try again later.",
    "bad_token": "登录已失效，请重新登录。 This device is not signed in; please sign in again.",
    "device_revoked": "此设备已被停用，请联系管理员后重新登录。 This device was revoked; please sign in again.",
    "user_disabled": "此账号已停用。 This account is disabled.",
    "client_too_old": "此客户端版本过旧，请更新楚商联络台后再同步。 "
                      "This version of Chushang Desk is too old for the server; please update it.",
    "server_too_old": "服务器版本低于此客户端，请联系管理员更新服务器。 "
                      "The server is older than this version of Chushang Desk; ask the administrator to update it.",
    "epoch_changed": "服务器数据已更换，需要重新完整同步。 The server's data was replaced; a full sync is needed.",
    "cursor_too_old": "本机数据太久未同步，需要重新完整同步。 This device was offline too long; a full sync is needed.",
    "too_large": "请求过大。 The request is too large.",
    "bad_request": "请求格式不正确。 The request is malformed.",
    "busy": "服务器繁忙，请稍后重试。 The server is busy; please retry shortly.",
    "not_found": "找不到该地址。 No such address.",
    "internal": "服务器内部错误。 The server had an internal error.",
    "mid_gap": "同步顺序有缺口，本批未应用，请重新同步。 "
               "This push skips an edit the server has not received; nothing was applied, please sync again.",
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, detail: str = "", headers: dict | None = None,
                 extra: dict | None = None):
        super().__init__(code)
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra or {}  # more fields of the body (e.g. mid_gap's `expected`)

    def body(self) -> dict:
        message = MESSAGES.get(self.code, self.code)
        if self.detail:
            message = f"{message} ({self.detail})"
        return {**self.extra, "code": self.code, "message": message}
