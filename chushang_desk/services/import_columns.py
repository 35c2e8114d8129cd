"""Which row of a member list is its header, and which column holds what.

Chambers and alumni associations write their own headers: 姓名 or 名字, 手机 or 联系电话, 单位 or 工作单位,
职务 or 职位, 籍贯 or 家乡, often with a merged title row (2025年理事会成员名单) and a blank row above them.
The header is the row among the first 20 whose cells name the most known columns; each column is then
mapped by its name (exact first, then the longest known name it contains), and what is left is chosen
by hand in the wizard (or a mapping file on the command line). A mapping is remembered by the file's
shape, its header names, so next year's list of the same chamber maps itself.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

HEADER_SCAN_ROWS = 20
IGNORE = ""  # a column mapped to nothing

# field -> header names (written as folded by header_key: lower case, no spaces or punctuation)
FIELD_HEADERS: dict[str, tuple[str, ...]] = {
    # the desk's own number of a contact (exchange/contacts_export.py): a row that has it is that contact
    "contact_id": ("联络台编号", "联络台id", "contactid", "deskid"),
    "name": ("姓名", "名字", "人员姓名", "会员姓名", "校友姓名", "联系人", "联系人姓名", "中文名", "中文姓名",
             "name", "fullname", "名前", "氏名"),
    "phones": ("手机", "手机号", "手机号码", "联系电话", "电话", "电话号码", "移动电话", "联系方式", "办公电话",
               "座机", "固定电话", "手机电话", "mobile", "phone", "tel", "telephone", "cell", "mobilephone",
               "phonenumber", "電話", "電話番号", "携帯"),
    "email": ("邮箱", "电子邮箱", "电子邮件", "邮件", "email", "e-mail", "mail", "emailaddress", "メール"),
    "company": ("单位", "工作单位", "公司", "企业", "企业名称", "公司名称", "单位名称", "所在单位", "任职单位",
                "所在企业", "就职单位", "工作单位及职务", "company", "employer", "companyname", "organisation",
                "organization", "会社", "会社名"),
    "title": ("职务", "职位", "单位职务", "企业职务", "现任职务", "担任职务", "title", "position", "jobtitle",
              "role", "役職"),
    "native_prefecture": ("籍贯", "家乡", "老家", "祖籍", "籍贯地", "出生地", "hometown", "nativeplace",
                          "birthplace", "出身地"),
    "native_county": ("籍贯县", "籍贯县市区", "县市区", "家乡县", "nativecounty"),
    "region": ("所在地区", "所在地", "现居地", "常住地", "常住地区", "工作地", "工作地区", "所在省份", "省份",
               "地区", "国家", "国家地区", "region", "province", "country", "location"),
    "city": ("城市", "所在城市", "现居城市", "工作城市", "city"),
    "industry": ("行业", "所属行业", "产业", "行业类别", "所属产业", "industry", "sector"),
    "gender": ("性别", "gender", "sex", "性別"),
    "wechat": ("微信", "微信号", "wechat", "weixin"),
    "university": ("毕业院校", "院校", "学校", "母校", "毕业学校", "高校", "university", "school", "college",
                   "almamater"),
    "degree": ("学历", "学位", "最高学历", "degree", "education"),
    "graduation_year": ("毕业年份", "毕业时间", "毕业年", "届别", "毕业届", "届", "graduationyear", "classof",
                        "graduated"),
    "talent_titles": ("人才称号", "人才类别", "称号", "职称", "荣誉称号", "talenttitles", "honours", "honors"),
    "notes": ("备注", "说明", "其他", "备注信息", "notes", "note", "remarks", "remark", "comment", "comments"),
    "tags": ("标签", "tags", "tag"),
    "source": ("来源", "信息来源", "source"),
    "station": ("联络站", "所属联络站", "联络处", "所属站点", "station"),
    "kinds": ("类别", "人员类别", "类型", "身份", "人员类型", "kind", "kinds", "category", "type"),
    "is_key": ("重点", "是否重点", "重点人员", "重点对象", "key", "iskey", "keycontact"),
    "is_ambassador": ("招商大使", "是否招商大使", "大使", "ambassador", "isambassador"),
    "ambassador_since": ("聘任日期", "大使聘任日期", "聘任时间", "聘任", "appointed", "appointedon", "ambassadorsince"),
    "ambassador_unit": ("聘任单位", "大使聘任单位", "聘任机构", "appointedby", "appointingunit"),
}
FIELDS = tuple(FIELD_HEADERS)
# Fields more than one column may feed: phones and tags are united, notes are joined under the headers.
MANY_COLUMNS = frozenset({"phones", "tags", "notes"})
# Columns never imported: a running number, and what our own error workbook adds (exchange/import_errors).
IGNORED_HEADERS = ("序号", "编号", "no", "number", "行号", "原行号", "错误原因", "原因", "sourcerow", "problem")

_PUNCTUATION = re.compile(r"[\s\-_./\\:：*＊#()（）\[\]【】<>《》\"'“”‘’、,，;；!！?？]+")
_BRACKETED = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")


def header_key(value) -> str:
    """A header as it is compared: full-width folded, lower case, bracketed remarks (（必填）) and
    punctuation out ('E-mail *' → 'email')."""
    text = unicodedata.normalize("NFKC", "" if value is None else str(value)).lower()
    return _PUNCTUATION.sub("", _BRACKETED.sub("", text)) or _PUNCTUATION.sub("", text)


_EXACT = {header_key(h): f for f, names in FIELD_HEADERS.items() for h in names}
_CONTAINED = sorted(_EXACT.items(), key=lambda item: -len(item[0]))  # longest name first
_IGNORED = frozenset(header_key(h) for h in IGNORED_HEADERS)


def field_of_header(value) -> str | None:
    """The field a header names, IGNORE for a column never imported, None when unknown."""
    key = header_key(value)
    if not key:
        return None
    if key in _IGNORED:
        return IGNORE
    if key in _EXACT:
        return _EXACT[key]
    if len(key) >= 2:
        for known, field in _CONTAINED:
            if len(known) >= 2 and known in key and not key.endswith(("地址", "邮编", "address")):
                return field
    return None


def find_header_row(rows: list[list]) -> int:
    """Index of the header among the first rows: the one naming the most known fields (a title row,
    one merged cell, names none). The first row when none names two."""
    best, best_score = 0, 1
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = {field_of_header(cell) for cell in row if cell not in (None, "")}
        score = len(fields - {None, IGNORE}) + ("name" in fields)
        if score > best_score:
            best, best_score = index, score
    return best


@dataclass(frozen=True)
class ColumnMapping:
    """Column index -> field (IGNORE for none); several columns may feed one of MANY_COLUMNS."""

    headers: tuple[str, ...]
    fields: tuple[str, ...]

    def columns_of(self, field: str) -> list[int]:
        return [i for i, f in enumerate(self.fields) if f == field]

    def with_field(self, column: int, field: str) -> "ColumnMapping":
        """Column set to field; a field that takes one column leaves the column it had before."""
        fields = list(self.fields)
        if field and field not in MANY_COLUMNS:
            fields = [IGNORE if f == field else f for f in fields]
        fields[column] = field
        return ColumnMapping(self.headers, tuple(fields))

    def problems(self) -> list[str]:
        """Message codes: what stops an import with this mapping."""
        return [] if "name" in self.fields else ["import_no_name_column"]

    def as_dict(self) -> dict:
        return {"headers": list(self.headers), "fields": list(self.fields)}


def guess_mapping(header: list) -> ColumnMapping:
    """Each column by its header; a field that takes one column goes to the first that names it."""
    headers = tuple("" if h is None else str(h).strip() for h in header)
    fields, taken = [], set()
    for h in headers:
        field = field_of_header(h) or IGNORE
        if field and field not in MANY_COLUMNS and field in taken:
            field = IGNORE
        taken.add(field)
        fields.append(field)
    return ColumnMapping(headers, tuple(fields))


def shape_of(header: list) -> str:
    """What identifies a file's layout: its header names, folded, in order (a stable short hash)."""
    joined = "\x1f".join(header_key(h) for h in header)
    return hashlib.sha256(joined.encode()).hexdigest()[:16]


def mapping_from_dict(header: list, stored: dict) -> ColumnMapping | None:
    """A remembered or hand-written mapping applied to this header; None when it does not fit it.

    `stored` is {"fields": [...]} by position, or {"columns": {"header name": "field"}} by name (the
    form a mapping file on the command line takes; headers it does not name are guessed)."""
    guessed = guess_mapping(header)
    if "fields" in stored:
        fields = tuple(str(f) for f in stored["fields"])
        if len(fields) != len(header) or any(f and f not in FIELDS for f in fields):
            return None
        return ColumnMapping(guessed.headers, fields)
    columns = stored.get("columns")
    if not isinstance(columns, dict):
        return None
    by_key = {header_key(k): str(v) for k, v in columns.items()}
    if any(v and v not in FIELDS for v in by_key.values()):
        return None
    mapping = guessed
    for index, h in enumerate(guessed.headers):
        if header_key(h) in by_key:
            mapping = mapping.with_field(index, by_key[header_key(h)])
    return mapping
