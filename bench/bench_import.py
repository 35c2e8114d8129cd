"""Import of a 20,000-row member list against a 100,000-contact directory (issue 10's figures).

The list has 10 % people already in the directory (half by the same mobile written another way, half by
the same name in traditional characters at the same company), a few hundred traditional names and
reformatted phones among the new ones, a title row and a blank row above the header. Timed: reading the
file (calamine), the dry run (every row normalised, checked and matched), and writing the batch. Side by
side, the baselines: the same file read by python-calamine alone, and the same new rows inserted with
db.bulk.bulk_insert without any checking (the floor of any import). Peak memory is the process's.
"""
from __future__ import annotations

import argparse
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from common import bench_profile, header

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志斌俊峰浩宇轩博文思雨欣怡子涵梓"
TRADITIONAL = str.maketrans("张刘陈杨黄赵吴马郑谢许冯邓苏卢钟谭陆汪贾韦龙陶贺顾龚邵钱严伟丽强军杰娟涛鹏辉建国志斌俊峰浩轩博"
                            "华红玲燕", "張劉陳楊黃趙吳馬鄭謝許馮鄧蘇盧鍾譚陸汪賈韋龍陶賀顧龔邵錢嚴偉麗強軍傑娟濤鵬輝建國誌斌俊峰浩軒博"
                            "華紅玲燕")
BRAND = "光谷长江楚天江城汉水东湖黄鹤晴川荆楚云梦华中鄂州星辰鼎盛恒通瑞丰金桥新元博达"
TRADES = ("科技", "生物", "投资", "物流", "电子", "材料", "传媒", "医药")
HEADER = ["序号", "姓名", "手机号码", "工作单位", "职务", "籍贯", "备注"]


def sample_directory(profile, n: int, seed: int) -> list[tuple[str, str, list[str]]]:
    from sqlalchemy import text

    def read(session):
        rows = session.execute(text("SELECT name, company, phones FROM contact WHERE deleted_at IS NULL")).all()
        return random.Random(seed).sample([(r[0], r[1], r[2]) for r in rows], n)

    import json

    return [(name, company, json.loads(phones) if isinstance(phones, str) else phones)
            for name, company, phones in profile.read(read)]


def spaced(e164: str) -> str:
    digits = e164[3:] if e164.startswith("+86") else e164
    return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}" if len(digits) == 11 else e164


def member_rows(profile, rows: int, seed: int) -> list[list]:
    rng = random.Random(seed)
    known = sample_directory(profile, rows // 10, seed)
    body = []
    for i, (name, company, phones) in enumerate(known):
        mainland = [p for p in phones if p.startswith("+861")]
        if i % 2 == 0 and mainland:
            body.append([name, spaced(mainland[0]), company])  # the same mobile, written with dashes
        else:
            body.append([name.translate(TRADITIONAL), "", company])  # traditional, same company
    while len(body) < rows:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        if rng.random() < 0.03:
            name = name.translate(TRADITIONAL)
        phone = rng.choice(("138", "139", "150", "186", "177", "135")) + "".join(rng.choice("0123456789") for _ in range(8))
        if rng.random() < 0.2:
            phone = f"+86 {phone[:3]} {phone[3:7]} {phone[7:]}"
        brand = "".join(rng.choice(BRAND) for _ in range(2))
        body.append([name, phone, rng.choice(("武汉", "深圳", "上海", "")) + brand + rng.choice(TRADES) + "有限公司"])
    rng.shuffle(body)
    return [[i + 1, name, phone, company, rng.choice(("董事长", "总经理", "")), rng.choice(("黄冈", "孝感", "武汉市", "")), ""]
            for i, (name, phone, company) in enumerate(body)]


def write_workbook(path: Path, rows: list[list]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("会员名单")
    sheet.merge_range(0, 0, 0, len(HEADER) - 1, "湖北商会会员名单")
    sheet.write_row(2, 0, HEADER)
    for r, row in enumerate(rows, start=3):
        sheet.write_row(r, 0, row)
    book.close()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    header(f"contact import: {args.rows:,} rows against {args.contacts:,} contacts")
    from chushang_desk.db.bulk import bulk_insert
    from chushang_desk.services.import_columns import find_header_row, guess_mapping
    from chushang_desk.exchange.sheet_files import read_sheet
    from chushang_desk.models import Contact
    from chushang_desk.services.contact_import import ImportDefaults, apply_import, plan_import
    from chushang_desk.services.profile import open_profile

    source = bench_profile(args.contacts, 1000, args.seed)
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        shutil.copytree(source, work / "profile")
        profile = open_profile(work / "profile")
        profile.sessions.actor = "bench"
        rows = member_rows(profile, args.rows, args.seed)
        book = work / "members.xlsx"
        write_workbook(book, rows)
        print(f"   file: {book.stat().st_size / 2**20:.1f} MB, {len(rows):,} rows x {len(HEADER)} columns")

        from python_calamine import CalamineWorkbook

        start = time.perf_counter()
        raw = CalamineWorkbook.from_path(str(book)).get_sheet_by_index(0).to_python()
        t_raw = time.perf_counter() - start
        start = time.perf_counter()
        table = read_sheet(book)
        t_read = time.perf_counter() - start
        print(f"   read:    {t_read:6.2f} s   (python-calamine alone {t_raw:.2f} s, {len(raw):,} rows; "
              f"ratio {t_read / t_raw:.1f}x)   peak {peak_mb():.0f} MB")

        start = time.perf_counter()
        header_row = find_header_row(table.rows)
        mapping = guess_mapping(table.rows[header_row])
        plan = profile.read(plan_import, table.rows, header_row, mapping, ImportDefaults(kinds=("merchant",), station="dwq"))
        t_plan = time.perf_counter() - start
        counts = plan.counts()
        print(f"   dry run: {t_plan:6.2f} s   {counts}   peak {peak_mb():.0f} MB")

        start = time.perf_counter()
        result = profile.write(apply_import, plan, book.name, table.name)
        t_write = time.perf_counter() - start
        new_rows = [r.data for r in plan.rows if r.accepted and r.decision == "new"]
        print(f"   write:   {t_write:6.2f} s   created {result.created:,}, updated {result.updated:,}, "
              f"skipped {result.skipped:,}, errors {result.errors:,}   peak {peak_mb():.0f} MB")
        profile.close()

        shutil.rmtree(work / "profile")
        shutil.copytree(source, work / "profile")
        baseline = open_profile(work / "profile")
        baseline.sessions.actor = "bench"
        start = time.perf_counter()
        baseline.write(lambda s: bulk_insert(s, Contact, [dict(r) for r in new_rows]))
        t_bulk = time.perf_counter() - start
        baseline.close()
        print(f"   baseline bulk_insert of the same {len(new_rows):,} new rows, unchecked: {t_bulk:.2f} s "
              f"(import write / baseline {t_write / t_bulk:.1f}x)")
        print(f"   total read + dry run + write: {t_read + t_plan + t_write:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
