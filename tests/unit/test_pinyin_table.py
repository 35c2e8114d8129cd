"""The shipped character table reads names as pypinyin does, without importing pypinyin at run time."""
import subprocess
import sys

from pypinyin import lazy_pinyin

from chushang_desk.db import search_index
from chushang_desk.db.search_index import contact_keys, name_syllables, sort_key


def test_table_agrees_with_pypinyin_for_every_character_it_holds():
    table = search_index._pinyin_table()
    assert len(table) > 20_000
    disagree = [c for c, p in table.items() if lazy_pinyin(c, errors="ignore")[0] != p]
    assert disagree == []


def test_common_name_characters_are_all_in_the_table():
    names = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    table = search_index._pinyin_table()
    assert [c for c in names if c not in table] == []


def test_names_read_with_surname_readings():
    assert name_syllables("张三") == ["zhang", "san"]
    assert name_syllables("曾国藩") == ["zeng", "guo", "fan"]
    assert name_syllables("单田芳") == ["shan", "tian", "fang"]
    assert sort_key("解晓东") == "xie xiao dong"
    keys = contact_keys("张三", "武汉光谷", ["+8613800138000"]).split()
    assert {"张", "三", "zhangsan", "zs", "13800138000", "t8000"} <= set(keys)


def test_indexing_a_contact_does_not_import_pypinyin():
    code = (
        "import sys; from chushang_desk.db.search_index import contact_keys; "
        "contact_keys('欧阳修', '光谷', []); print('pypinyin' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_phones_are_found_the_ways_officers_type_them():
    from chushang_desk.db.search_index import phone_tokens

    mobile = set(phone_tokens(["+8613800138000"]))
    assert {"8613800138000", "13800138000", "t8000"} <= mobile
    landline = set(phone_tokens(["+862787654321"]))  # 027-8765 4321, Wuhan
    assert {"02787654321", "2787654321", "87654321", "t4321"} <= landline
    foreign = set(phone_tokens(["+14155550123"]))
    assert {"14155550123", "t0123"} <= foreign
