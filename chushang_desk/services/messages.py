"""Messages the services give people (validation, import, export errors), in zh_CN and en.

Services stay Qt-free, so their words live here rather than in Qt's .ts files; the UI and the command
line both render them through `render`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

CATALOG: dict[str, dict[str, str]] = {
    "required": {"zh_CN": "必填", "en": "Required"},
    "too_long": {"zh_CN": "最多 {max} 个字", "en": "At most {max} characters"},
    "bad_phone": {"zh_CN": "无法识别的电话号码：{value}", "en": "Not a valid phone number: {value}"},
    "bad_email": {"zh_CN": "电子邮箱格式不正确", "en": "Not a valid e-mail address"},
    "bad_date": {"zh_CN": "日期格式应为 2025-03-14", "en": "Dates are written like 2025-03-14"},
    "bad_year": {"zh_CN": "年份应在 1900–2100 之间", "en": "The year must be between 1900 and 2100"},
    "bad_amount": {"zh_CN": "金额应为数字（万元）", "en": "The amount must be a number (10k yuan)"},
    "control_character": {"zh_CN": "含有不可见的控制字符，请删除", "en": "Holds an invisible control character; please remove it"},
    "bad_number": {"zh_CN": "应为 {low}–{high} 之间的整数", "en": "Must be a whole number from {low} to {high}"},
    "too_many": {"zh_CN": "最多 {max} 项", "en": "At most {max} items"},
    "bad_value": {"zh_CN": "格式不正确", "en": "Not in the right form"},
    "unknown_field": {"zh_CN": "此字段无法同步", "en": "This field does not sync"},
    "unknown_code": {"zh_CN": "不在列表中：{value}", "en": "Not in the list: {value}"},
    "need_kind": {"zh_CN": "至少选择一种类别（楚商、校友、人才）", "en": "Choose at least one kind (merchant, alumnus, talent)"},
    "need_contact": {"zh_CN": "至少选择一位走访对象", "en": "Choose at least one contact met"},
    "not_found": {"zh_CN": "记录不存在或已删除", "en": "The record does not exist or was deleted"},
    "ambassador_date": {"zh_CN": "招商大使需填写聘任日期", "en": "An ambassador needs the date appointed"},
    "need_referred": {"zh_CN": "请选择被推荐的人员、组织或填写项目", "en": "Choose whom or what was referred"},
    "date_order": {"zh_CN": "结束日期早于开始日期", "en": "The end date is before the start date"},
    "follow_up_task": {"zh_CN": "第 {row} 条待办缺少事项", "en": "Follow-up {row} needs a task"},
    "follow_up_date": {"zh_CN": "第 {row} 条待办的日期格式应为 2025-03-14", "en": "Follow-up {row}: dates are written like 2025-03-14"},
    "next_before_visit": {"zh_CN": "下次联系日期早于走访日期", "en": "The next contact date is before the visit date"},
    "future_date": {"zh_CN": "日期不能晚于今天", "en": "The date cannot be after today"},
    "not_ambassador": {"zh_CN": "所选人员不是招商大使", "en": "The person chosen is not an ambassador"},
    "self_referral": {"zh_CN": "招商大使不能推荐自己", "en": "An ambassador cannot refer themselves"},
    "already_member": {"zh_CN": "该人员已在此组织中", "en": "This person is already in the organization"},
    # Sync (sync/errors.py): what went wrong talking to the server, in plain words.
    "sync_not_signed_in": {"zh_CN": "尚未登录同步服务器", "en": "Not signed in to a sync server"},
    "sync_network": {"zh_CN": "无法连接服务器，请检查网络", "en": "Cannot reach the server; check the network"},
    "sync_bad_credentials": {"zh_CN": "用户名或密码不正确", "en": "Wrong user name or password"},
    "sync_device_revoked": {"zh_CN": "此电脑的登录已被撤销，请重新登录", "en": "This computer's sign-in was revoked; please sign in again"},
    "sync_bad_token": {"zh_CN": "登录已失效，请重新登录", "en": "The sign-in is no longer valid; please sign in again"},
    "sync_rate_limited": {"zh_CN": "尝试次数过多，请稍后再试", "en": "Too many attempts; please try again later"},
    "sync_client_too_old": {"zh_CN": "此客户端版本过旧，请更新楚商联络台后再同步", "en": "This version of Chushang Desk is too old for the server; please update it"},
    "sync_server_too_old": {"zh_CN": "服务器版本过旧，请联系管理员升级服务器", "en": "The server is older than this client; ask the administrator to update it"},
    "sync_server_busy": {"zh_CN": "服务器繁忙，稍后将自动重试", "en": "The server is busy; sync will retry shortly"},
    "sync_server_error": {"zh_CN": "服务器出错，请稍后再试", "en": "The server had an error; please try again later"},
    "sync_too_large": {"zh_CN": "要发送的数据过大，服务器拒收", "en": "The data to send was too large for the server"},
    "sync_pending_edits": {"zh_CN": "还有 {count} 条修改未同步；请先同步，或确认放弃这些修改", "en": "{count} edits have not been synced yet; sync first, or discard them knowingly"},
    "sync_other_server": {"zh_CN": "已登录的是另一台服务器：{server}", "en": "Signed in to a different server: {server}"},
    "sync_rejected": {"zh_CN": "服务器拒收此修改：{reason}", "en": "The server refused this edit: {reason}"},
}


@dataclass(frozen=True)
class Message:
    code: str
    params: dict = field(default_factory=dict)

    def render(self, lang: str = "zh_CN") -> str:
        return render(self.code, lang, **self.params)


def render(code: str, lang: str = "zh_CN", **params) -> str:
    texts = CATALOG.get(code)
    if texts is None:
        return code
    return texts.get(lang, texts["zh_CN"]).format(**params)


class ValidationFailed(ValueError):
    """Raised by a service when input is rejected; `errors` maps field name -> Message."""

    def __init__(self, errors: dict[str, Message]):
        super().__init__("; ".join(f"{k}: {m.render('en')}" for k, m in errors.items()))
        self.errors = errors


class NotFound(LookupError):
    def __init__(self, table: str, row_id: str):
        super().__init__(f"{table} {row_id} not found")
        self.message = Message("not_found")
