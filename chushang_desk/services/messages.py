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
    "no_such_month": {"zh_CN": "日期不存在：没有{month}月", "en": "No such date: there is no month {month}"},
    "no_such_day": {"zh_CN": "日期不存在：{year}年{month}月没有{day}日", "en": "No such date: {month_name} {year} has no day {day}"},
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
    "follow_up_date": {"zh_CN": "第 {row} 条待办的日期：{problem}", "en": "Follow-up {row}, due date: {problem}"},
    "next_before_visit": {"zh_CN": "下次联系日期早于走访日期", "en": "The next contact date is before the visit date"},
    "future_date": {"zh_CN": "日期不能晚于今天", "en": "The date cannot be after today"},
    "not_ambassador": {"zh_CN": "所选人员不是招商大使", "en": "The person chosen is not an ambassador"},
    "self_referral": {"zh_CN": "招商大使不能推荐自己", "en": "An ambassador cannot refer themselves"},
    "already_member": {"zh_CN": "该人员已在此组织中", "en": "This person is already in the organization"},
    "erase_forbidden": {"zh_CN": "只有市局（总部）账号可以彻底清除人员信息", "en": "Only a headquarters account may erase a person"},
    # Contact import (services/contact_import.py, exchange/contact_import_command.py): rows and duplicates.
    "import_no_name_column": {"zh_CN": "没有找到“姓名”列：请指定哪一列是姓名", "en": "No name column found: choose which column holds the name"},
    "import_bad_mapping": {"zh_CN": "列对应文件与此表格的表头不符", "en": "The mapping file does not fit this sheet's header"},
    "import_bad_option": {"zh_CN": "参数有误：{detail}", "en": "Bad option: {detail}"},
    "import_empty": {"zh_CN": "表格是空的，没有可导入的行", "en": "The sheet is empty: nothing to import"},
    "import_rows_capped": {"zh_CN": "表格行数超过上限，只读取了前 {rows} 行", "en": "The sheet has more rows than allowed; only the first {rows} were read"},
    "import_columns_cut": {"zh_CN": "表格列数超过上限，多出的列未读取", "en": "The sheet has more columns than allowed; the extra columns were not read"},
    "import_long_cells": {"zh_CN": "{count} 个单元格内容过长，已截断", "en": "{count} cells were too long and were cut"},
    "import_bad_gender": {"zh_CN": "性别应为“男”或“女”：{value}", "en": "Gender should be male or female: {value}"},
    "import_bad_flag": {"zh_CN": "应为“是”或“否”：{value}", "en": "Should be yes or no: {value}"},
    "import_bad_kind": {"zh_CN": "类别应为楚商、校友或人才：{value}", "en": "The kind should be merchant, alumnus or talent: {value}"},
    "import_native_elsewhere": {"zh_CN": "籍贯不在湖北（{value}），已写入备注", "en": "Native place outside Hubei ({value}); kept in the notes"},
    "import_field_problem": {"zh_CN": "{field}：{problem}", "en": "{field}: {problem}"},
    "import_mapping_used": {"zh_CN": "列对应：{columns}", "en": "Columns: {columns}"},
    "import_counts": {"zh_CN": "共 {total} 行：新增 {new}，更新 {update}，无变化 {unchanged}，可能重复 {duplicate}，有错误 {error}", "en": "Rows: {total} — new: {new}, updates: {update}, unchanged: {unchanged}, possible duplicates: {duplicate}, errors: {error}"},
    "import_row_line": {"zh_CN": "第 {row} 行 · {status} · {name} · {details}", "en": "Row {row} · {status} · {name} · {details}"},
    "import_status_new": {"zh_CN": "新增", "en": "new"},
    "import_status_update": {"zh_CN": "更新已有人员", "en": "update of an existing contact"},
    "import_status_unchanged": {"zh_CN": "已在名录中，无新内容", "en": "already in the directory, nothing new"},
    "import_status_duplicate": {"zh_CN": "可能重复", "en": "possible duplicate"},
    "import_status_error": {"zh_CN": "有错误", "en": "error"},
    "import_decision_new": {"zh_CN": "将新增", "en": "will be added as new"},
    "import_decision_merge": {"zh_CN": "将合并到已有人员（不覆盖已有内容）", "en": "will be merged into the existing contact (nothing there is overwritten)"},
    "import_decision_skip": {"zh_CN": "将跳过", "en": "will be skipped"},
    "import_decision_short_new": {"zh_CN": "新增", "en": "add as new"},
    "import_decision_short_merge": {"zh_CN": "合并", "en": "merge"},
    "import_decision_short_skip": {"zh_CN": "跳过", "en": "skip"},
    "import_done_short": {"zh_CN": "导入完成：新增 {created} 人，更新 {updated} 人，跳过 {skipped} 行，{errors} 行有错误未导入。整批导入可以撤销。", "en": "Imported: {created} new contacts, {updated} updated, {skipped} rows skipped, {errors} rows with errors left out. The whole import can be undone."},
    "import_candidate": {"zh_CN": "{who}（{level}：{reason}）", "en": "{who} ({level}: {reason})"},
    "import_row_of_file": {"zh_CN": "本文件第 {row} 行的{name}", "en": "{name} in row {row} of this file"},
    "import_errors_written": {"zh_CN": "{count} 行有错误，已写入 {path}：在 Excel 中改正后可再次导入", "en": "{count} rows with errors written to {path}: fix them in Excel and import that file again"},
    "import_dry_run_done": {"zh_CN": "试导入完成：没有写入任何内容", "en": "Dry run done: nothing was written"},
    "import_done": {"zh_CN": "导入完成：新增 {created}，更新 {updated}，跳过 {skipped}，有错误未导入 {errors}（批次 {batch}，可整批撤销）", "en": "Imported: {created} new, {updated} updated, {skipped} skipped, {errors} with errors left out (batch {batch}, can be undone as a whole)"},
    "duplicate_level_certain": {"zh_CN": "确定", "en": "certain"},
    "duplicate_level_high": {"zh_CN": "很可能", "en": "high"},
    "duplicate_level_medium": {"zh_CN": "可能", "en": "medium"},
    "duplicate_level_hint": {"zh_CN": "仅供参考", "en": "hint"},
    "contacts_exported": {"zh_CN": "已导出 {count} 位人员到 {path}", "en": "Exported {count} contacts to {path}"},
    "import_no_profile": {"zh_CN": "没有找到资料库：{path}", "en": "No profile database in {path}"},
    "merge_count": {"zh_CN": "请选择 2 至 {most} 位人员合并", "en": "Choose from 2 to {most} contacts to merge"},
    "report_written": {"zh_CN": "已写出 {period} 汇总报表：{path}（签约 {signed} 项，落地 {landed} 项，到资 {arrivals} 笔）", "en": "The {period} report is written to {path} ({signed} signed, {landed} landed, {arrivals} capital arrivals)"},
    "bad_period": {"zh_CN": "“{value}”不是统计期间：可写 Q1–Q4（季度）、H1–H2（半年）或 M01–M12（月份）", "en": "“{value}” is not a period: write Q1–Q4 (a quarter), H1–H2 (a half) or M01–M12 (a month)"},
    "project_bad_stage": {"zh_CN": "阶段应为推介、跟踪、签约、落地或退库", "en": "The stage is one of recommended, tracking, signed, landed or dropped"},
    "project_bad_source": {"zh_CN": "来源应为走访、推荐、活动、校友或其他", "en": "The source is one of visit, referral, event, alumni or other"},
    "project_bad_issue": {"zh_CN": "待解决问题应为资金、用地、政策、审批或其他", "en": "What it waits on is funds, land, policy, approval or other"},
    "project_drop_reason": {"zh_CN": "退库需写明原因", "en": "Say why the project is dropped"},
    "project_arrival_day": {"zh_CN": "请填写到资日期，或承诺到资的日期", "en": "Give the day the capital arrived, or the day it is promised for"},
    "project_stage_day": {"zh_CN": "请填写进入该阶段的日期", "en": "Give the day the project reached this stage"},
    "project_stage_order": {"zh_CN": "该阶段的日期早于前一阶段", "en": "This stage's day is before the stage before it"},
    "merge_record_damaged": {"zh_CN": "这次合并的记录已损坏（可能来自有问题的客户端），无法撤销；没有做任何修改", "en": "This merge's record is damaged (perhaps by a faulty client) and cannot be undone; nothing was changed"},
    "merge_too_many_rows": {"zh_CN": "这些人员关联的走访、组织和推荐过多，无法一次合并；请分几次合并", "en": "These contacts have too many visits, memberships and referrals to merge at once; merge them a few at a time"},
    "merge_other_station": {"zh_CN": "要合并的人员有其他联络站（{stations}）的走访或推荐，本站无权修改；请由市局（总部）或该联络站合并", "en": "The contacts to merge have visits or referrals of another station ({stations}), which this station may not change; headquarters or that station can merge them"},
    "duplicate_same_record": {"zh_CN": "同一条记录（联络台编号相同）", "en": "the same record (its desk number)"},
    "import_unknown_id": {"zh_CN": "联络台编号 {value} 不在本机名录中，按其他信息核对", "en": "Desk number {value} is not in this directory; matched by the other fields"},
    "field_contact_id": {"zh_CN": "联络台编号", "en": "Desk number"},
    "duplicate_phone": {"zh_CN": "同一手机号 {detail}", "en": "the same mobile {detail}"},
    "duplicate_email": {"zh_CN": "同一电子邮箱 {detail}", "en": "the same e-mail {detail}"},
    "duplicate_name_company": {"zh_CN": "同名且同一单位", "en": "the same name and company"},
    "duplicate_landline_name": {"zh_CN": "同名且同一办公电话 {detail}", "en": "the same name and office line {detail}"},
    "duplicate_sound_company": {"zh_CN": "同一单位，姓名读音相同", "en": "the same company, a name that sounds the same"},
    "duplicate_near_name_company": {"zh_CN": "同一单位，姓名只差一个字", "en": "the same company, a name one character apart"},
    "duplicate_name": {"zh_CN": "同名", "en": "the same name"},
    "duplicate_landline": {"zh_CN": "同一办公电话 {detail}", "en": "the same office line {detail}"},
    "field_name": {"zh_CN": "姓名", "en": "Name"}, "field_phones": {"zh_CN": "电话", "en": "Phones"},
    "field_email": {"zh_CN": "电子邮箱", "en": "E-mail"}, "field_company": {"zh_CN": "单位", "en": "Company"},
    "field_title": {"zh_CN": "职务", "en": "Title"}, "field_native_prefecture": {"zh_CN": "籍贯", "en": "Native place"},
    "field_native_county": {"zh_CN": "籍贯县（市、区）", "en": "Native county"},
    "field_region": {"zh_CN": "所在地区", "en": "Region"}, "field_city": {"zh_CN": "城市", "en": "City"},
    "field_industry": {"zh_CN": "行业", "en": "Industry"}, "field_gender": {"zh_CN": "性别", "en": "Gender"},
    "field_wechat": {"zh_CN": "微信", "en": "WeChat"}, "field_university": {"zh_CN": "毕业院校", "en": "University"},
    "field_degree": {"zh_CN": "学历", "en": "Degree"}, "field_graduation_year": {"zh_CN": "毕业年份", "en": "Graduation year"},
    "field_talent_titles": {"zh_CN": "人才称号", "en": "Talent titles"}, "field_notes": {"zh_CN": "备注", "en": "Notes"},
    "field_tags": {"zh_CN": "标签", "en": "Tags"}, "field_source": {"zh_CN": "来源", "en": "Source"},
    "field_station": {"zh_CN": "联络站", "en": "Station"}, "field_kinds": {"zh_CN": "类别", "en": "Kind"},
    "field_is_key": {"zh_CN": "重点人员", "en": "Key contact"}, "field_ambassador_since": {"zh_CN": "聘任日期", "en": "Appointed on"},
    "field_ambassador_unit": {"zh_CN": "聘任单位", "en": "Appointed by"},
    # Sync (sync/errors.py): what went wrong talking to the server, in plain words.
    "sync_not_signed_in": {"zh_CN": "尚未登录同步服务器", "en": "Not signed in to a sync server"},
    "sync_network": {"zh_CN": "无法连接网络，请检查网络连接", "en": "No network; check the network connection"},
    "sync_server_unreachable": {"zh_CN": "网络已连通，但服务器没有应答（可能已停止，或地址有误）", "en": "The network works but the server does not answer (it may be stopped, or the address is wrong)"},
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
    # Sync refused before anything was sent (sync/tls.py): the address or the server's certificate.
    "sync_plain_http": {"zh_CN": "为保护密码和数据，只能用 https:// 地址连接服务器（http:// 仅限本机）；未发送任何数据。请向管理员索取 https:// 地址", "en": "To protect passwords and records the server is reached only at an https:// address (http:// only on this computer); nothing was sent. Ask the administrator for the https:// address"},
    "sync_bad_url": {"zh_CN": "服务器地址应以 https:// 开头，例如 https://sync.example.gov.cn", "en": "The server address starts with https://, e.g. https://sync.example.gov.cn"},
    "sync_ca_file_unreadable": {"zh_CN": "无法读取所选的证书文件（应为 PEM 格式的单位 CA 证书）；未发送任何数据", "en": "The chosen certificate file cannot be read (the bureau's CA certificate, in PEM form, is expected); nothing was sent"},
    "sync_tls_untrusted": {"zh_CN": "服务器的证书不受信任（自签名或由未知机构签发）；未发送任何数据。如单位使用自己的证书，请在登录或设置中选择单位的 CA 证书文件；否则可能有人冒充服务器，请告知管理员", "en": "The server's certificate is not trusted (self-signed or from an unknown authority); nothing was sent. If the bureau uses its own certificates, choose its CA file at sign-in or in Settings; otherwise someone may be posing as the server: tell the administrator"},
    "sync_tls_expired": {"zh_CN": "服务器的证书已过期（或本机日期不正确）；未发送任何数据。请检查电脑日期，并请管理员更新证书", "en": "The server's certificate has expired (or this computer's date is wrong); nothing was sent. Check the computer's date and ask the administrator to renew the certificate"},
    "sync_tls_wrong_host": {"zh_CN": "服务器的证书不属于这个地址；未发送任何数据。请检查服务器地址是否正确，否则可能有人冒充服务器，请告知管理员", "en": "The server's certificate is for another address; nothing was sent. Check the server address; otherwise someone may be posing as the server: tell the administrator"},
    "sync_tls_handshake": {"zh_CN": "无法与服务器建立安全连接（TLS 握手失败）；未发送任何数据。网络可能拦截了加密连接，或该地址不提供 https 服务", "en": "No secure connection to the server could be made (TLS handshake failed); nothing was sent. The network may be blocking encrypted connections, or the address serves no HTTPS"},
    # Import files (exchange/sheet_files.py): why a member list sent by an association was not read.
    "import_file_too_large": {"zh_CN": "文件过大（{size} MB），最大 {max} MB；请只保留名单所在的工作表，或分成几个文件导入", "en": "The file is too large ({size} MB); at most {max} MB. Keep only the sheet with the list, or split it into several files"},
    "import_unsupported": {"zh_CN": "不支持“{suffix}”文件；可导入的文件类型：{supported}", "en": "“{suffix}” files cannot be imported; these can: {supported}"},
    "import_not_a_workbook": {"zh_CN": "无法读取“{name}”：文件已损坏，或并不是扩展名所示的表格文件。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入", "en": "“{name}” cannot be read: the file is damaged, or is not the kind of spreadsheet its name says. Open it in Excel or WPS, save it as .xlsx, and import that"},
    "import_zip_bomb": {"zh_CN": "“{name}”解压后远大于文件本身，可能已损坏或被人恶意构造，未读取", "en": "“{name}” would unpack to far more than its own size; it may be damaged or built to do harm, and was not read"},
    "import_sheet_too_big": {"zh_CN": "“{name}”的工作表单元格范围过大（{rows} 行 × {columns} 列，最远到 {cell}），可能有远处零散的单元格；请删除多余的单元格，或把名单复制到新工作表后再导入", "en": "A sheet in “{name}” spans too many cells ({rows} rows × {columns} columns, as far as {cell}), perhaps because of a stray cell far away; delete the stray cells, or copy the list to a new sheet, and import again"},
    "import_too_many_cells": {"zh_CN": "“{name}”各工作表合计的单元格过多（{cells} 个，最多 {max} 个），可能有大量重复的行或远处零散的单元格；请只保留名单所在的工作表，另存后再导入", "en": "The sheets of “{name}” hold too many cells together ({cells}; at most {max}), perhaps from many repeated rows or stray cells far away; keep only the sheet with the list, save the file, and import again"},
    "import_no_such_sheet": {"zh_CN": "文件中没有名为“{sheet}”的工作表", "en": "The file has no sheet named “{sheet}”"},
    "import_encoding": {"zh_CN": "无法识别“{name}”的文字编码；请用 Excel 或 WPS 打开后另存为“CSV UTF-8”再导入", "en": "The text encoding of “{name}” cannot be recognized; open it in Excel or WPS, save it as “CSV UTF-8”, and import that"},
    "import_unreadable": {"zh_CN": "无法打开“{name}”：文件不存在、已被移走，或没有读取权限", "en": "“{name}” cannot be opened: it does not exist, was moved, or may not be read"},
    "import_password": {"zh_CN": "“{name}”设有打开密码；请在 Excel 或 WPS 中取消密码后再导入", "en": "“{name}” is protected by a password; remove the password in Excel or WPS, then import it"},
}


@dataclass(frozen=True)
class Message:
    code: str
    params: dict = field(default_factory=dict)

    def render(self, lang: str = "zh_CN") -> str:
        return render(self.code, lang, **self.params)


def render(code: str, lang: str = "zh_CN", **params) -> str:
    """A message in `lang`; a parameter that is itself a Message (what was wrong with a follow-up's date)
    is rendered in the same language."""
    texts = CATALOG.get(code)
    if texts is None:
        return code
    params = {k: v.render(lang) if isinstance(v, Message) else v for k, v in params.items()}
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
