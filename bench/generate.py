#!/usr/bin/env python3
"""Benchmark corpora: units in the national layout (附件6/7/8/9), written with openpyxl.

Each unit is one workbook: 可使用免费软件清单, 软件使用情况汇总表, 软件使用情况明细表 (部门,
姓名, 计算机编号 and 品牌 merged down each computer's rows, a two-row header with the merged
软件类型 group and ☑/□ boxes, date cells) and one 软件安装维护情况明细表 per software ID. The
ledgers agree with each other, so `zhengban check --as-of 2026-11-25` does the full work of a
clean unit (every cross-check runs) without drowning the timing in diagnostics.

    python3 bench/generate.py --out bench/corpora [--only NAME] [--jobs 2]

Corpora (folders of workbooks, checked with --unit-per-file):
    u20x300    20 units x 300 computers (≈40k ledger rows)
    u200x40    200 units x 40 computers
    lin1x300, lin1x1000, lin1x2000, lin1x5000   one unit each, for linearity
    faults1x5000   one unit of 5,000 computers (lin1x5000's data) with 100 planted faults, 20 of
               each of five kinds (plant_faults): the input of issue 14's cost target, drop
               mode and derive against check of the same file (bench/write_cost.py)
    u4000x40   4,000 units x 40 computers: 20 hard links to each file of u200x40 (the reading
               cost of a file does not depend on its name; generating 4,000 distinct files
               with openpyxl would take an hour)
"""
import argparse
import datetime as dt
import os
import random
import sys
from multiprocessing import Pool

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

DEPARTMENTS = ["办公室", "综合科", "财务科", "人事科", "法规科", "信息中心", "业务一科", "业务二科",
               "监督科", "后勤服务中心"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧建国平刚桂兰志红晓东文斌海燕玉梅春林"
BRANDS = ["联想", "戴尔", "华为", "清华同方", "长城", "惠普"]

# id: (name, version, kind, licensed term) — kind as printed in the template.
SOFTWARE = {
    "RJ01": ("Windows 10 专业版", "22H2", "OEM软件", "—"),
    "RJ02": ("Windows 11 专业版", "23H2", "OEM软件", "—"),
    "RJ03": ("统信UOS桌面操作系统 专业版", "V20", "商业软件", "永久"),
    "RJ04": ("WPS Office 2019 专业版", "2019", "商业软件", "永久"),
    "RJ05": ("Microsoft Office 2019 专业增强版", "2019", "商业软件", "永久"),
    "RJ06": ("奇安信天擎终端安全管理系统", "V10", "商业软件", "2025.1.1-2028.12.31"),
    "RJ07": ("7-Zip", "24.08", "免费软件", "—"),
    "RJ08": ("福昕阅读器", "12.1", "免费软件", "—"),
}
KINDS = ("商业软件", "OEM软件", "免费软件")


def shown_version(sid):
    """Free software carries no version in the ledgers (台账 一.8): it is in the free list."""
    name, version, kind, term = SOFTWARE[sid]
    return None if kind == "免费软件" else version


def unit_data(index, computers, seed):
    """A unit's computers and what is installed on each, deterministic for (index, seed)."""
    rnd = random.Random(seed * 1_000_003 + index)
    prefix = f"U{index:04d}"
    pcs, seen = [], set()
    for i in range(computers):
        dept = DEPARTMENTS[(i * len(DEPARTMENTS)) // max(computers, 1)]
        user = rnd.choice(SURNAMES) + rnd.choice(GIVEN) + (rnd.choice(GIVEN) if rnd.random() < 0.6 else "")
        while user in seen:  # 使用计算机人数 counts distinct names
            user += rnd.choice(GIVEN)
        seen.add(user)
        pc = f"{prefix}-PC-{i + 1:04d}"
        brand = BRANDS[rnd.randrange(len(BRANDS))]
        day = dt.date(2020, 3, 1) + dt.timedelta(days=rnd.randrange(0, 1800))
        r = rnd.random()
        os_id = "RJ01" if r < 0.55 else ("RJ02" if r < 0.85 else "RJ03")
        office = "RJ04" if os_id == "RJ03" or rnd.random() < 0.6 else "RJ05"
        soft = [(os_id, day), (office, day + dt.timedelta(days=2))]
        av_day = max(day, dt.date(2025, 1, 10)) + dt.timedelta(days=rnd.randrange(0, 20))
        soft.append(("RJ06", av_day))
        if rnd.random() < 0.5:
            soft.append(("RJ07" if rnd.random() < 0.6 else "RJ08", day + dt.timedelta(days=3)))
        pcs.append((dept, user, pc, brand, soft))
    return prefix, pcs


def header_line(unit, filler, phone, with_date=True):
    s = f"单位名称（盖章）：{unit}    填表人：{filler}    联系电话：{phone}"
    return s + "    填表日期：2026年11月20日" if with_date else s


def boxed(ws, r0, r1, c0, c1):
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            ws.cell(r, c).border = BOX


def plant_faults(wb, count, seed):
    """`count` faults in a generated unit, spread over the 明细表 and the 附件9 sheets, each a
    mistake one cell makes (so each gives about one finding to mark): in equal shares an
    安装日期 after the check date (ZB205), both 商业软件 and OEM软件 ticked (ZB202), a blank
    软件名称 (ZB201), a maintenance record ticked as both 安装 and 卸载 (ZB301), and another
    computer's 计算机品牌 on a computer's second row (ZB203). Rows are drawn without repeats."""
    rnd = random.Random(seed)
    detail = wb["附件8 明细表"]
    maint = [ws for ws in wb.worksheets if ws.title.startswith("附件9-")]
    rows = list(range(6, detail.max_row + 1))
    # Second rows of a computer: no 计算机编号 of their own (merged from the first).
    later = [r for r in rows if detail.cell(r, 4).value is None]
    computer, pc = {}, None
    for r in rows:
        pc = detail.cell(r, 4).value or pc
        computer[r] = pc
    kinds = ["date", "boxes", "name", "maint", "brand"]
    taken, rebranded = set(), set()
    for i in range(count):
        kind = kinds[i % len(kinds)]
        if kind == "maint":
            ws = maint[rnd.randrange(len(maint))]
            r = rnd.randrange(10, ws.max_row + 1)
            while (ws.title, r) in taken:
                r = rnd.randrange(10, ws.max_row + 1)
            taken.add((ws.title, r))
            ws.cell(r, 3, "☑")
            continue
        # A computer's first row is its operating system: a date after the check date there
        # would also put every other program before it (ZB209).
        pool = later if kind in ("brand", "date") else rows
        r = rnd.choice(pool)
        # One brand fault per computer: a second on the same computer is the same finding.
        while ("detail", r) in taken or (kind == "brand" and computer[r] in rebranded):
            r = rnd.choice(pool)
        taken.add(("detail", r))
        if kind == "brand":
            rebranded.add(computer[r])
        if kind == "date":
            detail.cell(r, 13, dt.date(2027, 1, 15)).number_format = "yyyy-mm-dd"
        elif kind == "boxes":
            detail.cell(r, 10, "☑")
            detail.cell(r, 11, "☑")
        elif kind == "name":
            detail.cell(r, 7).value = None
        elif kind == "brand":
            brand = detail.cell(r, 5).value
            detail.cell(r, 5, next(b for b in BRANDS if b != brand))


def write_unit(path, index, computers, seed=7, faults=0):
    prefix, pcs = unit_data(index, computers, seed)
    unit = f"某市第{index + 1}局"
    filler, phone = "刘晓燕", f"023-7065{index % 10000:04d}"
    installed = {sid: 0 for sid in SOFTWARE}
    for *_, soft in pcs:
        for sid, _ in soft:
            installed[sid] += 1
    used_ids = [sid for sid in SOFTWARE if installed[sid] > 0]
    wb = Workbook()

    # 附件6 可使用免费软件清单
    ws = wb.active
    ws.title = "附件6 免费软件清单"
    ws["A1"] = "附件6"
    ws.merge_cells("A2:I2")
    ws["A2"] = "可使用免费软件清单"
    ws.merge_cells("A3:I3")
    ws["A3"] = header_line(unit, filler, phone)
    for c, h in enumerate(["序号", "软件编号", "软件名称", "软件版本", "软件来源", "软件厂商名称",
                           "软件厂商\n客服联系方式", "使用部门", "使用原因"], 1):
        ws.cell(4, c, h).alignment = CENTER
    free = [sid for sid in used_ids if SOFTWARE[sid][2] == "免费软件"]
    vendors = {"RJ07": ("Igor Pavlov", "https://www.7-zip.org", "文件压缩与解压缩"),
               "RJ08": ("福建福昕软件开发股份有限公司", "https://www.foxitsoftware.cn", "阅读PDF格式公文")}
    for i, sid in enumerate(free, 1):
        v = vendors[sid]
        ws.append([i, sid, SOFTWARE[sid][0], SOFTWARE[sid][1], "官方网站", v[0], v[1], "全单位", v[2]])
    boxed(ws, 4, 4 + len(free), 1, 9)

    # 附件7 软件使用情况汇总表
    ws = wb.create_sheet("附件7 汇总表")
    ws["A1"] = "附件7"
    ws.merge_cells("A2:M2")
    ws["A2"] = "软件使用情况汇总表"
    ws.merge_cells("A3:M3")
    ws["A3"] = header_line(unit, filler, phone)
    people = computers + computers // 10
    ws["A4"], ws["B4"], ws["C4"], ws["D4"], ws["E4"] = "人员情况", "总人数", people, "使用计算机人数", computers
    ws["A5"], ws["B5"], ws["C5"], ws["D5"], ws["E5"], ws["F5"], ws["G5"] = (
        "计算机情况", "服务器数", 0, "台式机数", computers, "便携式数", 0)
    for c, h in enumerate(["序号", "软件编号", "软件名称", "软件版本", "软件类型", "采购时间", "采购金额\n(单位:元)",
                           "许可类型", "许可数量", "可使用版本", "许可期限", "序列号", "安装数量"], 1):
        ws.cell(6, c, h).alignment = CENTER
    r = 7
    for i, sid in enumerate(used_ids, 1):
        name, version, kind, term = SOFTWARE[sid]
        if kind == "商业软件":
            licenses = installed[sid] + 2
            row = [i, sid, name, version, kind, dt.date(2020, 2, 1) if term == "永久" else dt.date(2024, 12, 28),
                   licenses * 300, "批量许可", licenses, version, term, f"SN-{prefix}-{sid}-7752", installed[sid]]
        else:
            row = [i, sid, name, shown_version(sid), kind] + ["—"] * 7 + [installed[sid]]
        for c, v in enumerate(row, 1):
            cell = ws.cell(r, c, v)
            if isinstance(v, dt.date):
                cell.number_format = "yyyy-mm-dd"
        r += 1
    boxed(ws, 6, r - 1, 1, 13)
    ws.cell(r + 1, 1, "信息化部门\n审核")
    ws.cell(r + 1, 3, "审核人：周建华    2026年11月21日")

    # 附件8 软件使用情况明细表
    ws = wb.create_sheet("附件8 明细表")
    ws["A1"] = "附件8"
    ws.merge_cells("A2:M2")
    ws["A2"] = "软件使用情况明细表"
    ws.merge_cells("A3:M3")
    ws["A3"] = header_line(unit, filler, phone)
    top = ["序号", "部门", "姓名", "计算机编号", "计算机品牌", "软件编号", "软件名称", "软件版本", "许可期限", "软件类型",
           None, None, "安装日期"]
    for c, h in enumerate(top, 1):
        if h:
            ws.cell(4, c, h).alignment = CENTER
    for c in (1, 2, 3, 4, 5, 6, 7, 8, 9, 13):
        ws.merge_cells(start_row=4, start_column=c, end_row=5, end_column=c)
    ws.merge_cells("J4:L4")
    ws["J5"], ws["K5"], ws["L5"] = KINDS
    r, seq = 6, 0
    for dept, user, pc, brand, soft in pcs:
        first = r
        for sid, day in soft:
            seq += 1
            name, version, kind, term = SOFTWARE[sid]
            ws.cell(r, 1, seq)
            if r == first:
                ws.cell(r, 2, dept)
                ws.cell(r, 3, user)
                ws.cell(r, 4, pc)
            ws.cell(r, 5, brand)
            ws.cell(r, 6, sid)
            ws.cell(r, 7, name)
            ws.cell(r, 8, shown_version(sid))
            ws.cell(r, 9, term)
            for c, k in zip((10, 11, 12), KINDS):
                ws.cell(r, c, "☑" if k == kind else "□")
            ws.cell(r, 13, day).number_format = "yyyy-mm-dd"
            r += 1
        for c in (2, 3, 4):
            ws.merge_cells(start_row=first, start_column=c, end_row=r - 1, end_column=c)
    boxed(ws, 4, r - 1, 1, 13)

    # 附件9 软件安装维护情况明细表, one per software ID
    for sid in used_ids:
        name, version, kind, term = SOFTWARE[sid]
        ws = wb.create_sheet(f"附件9-{sid}")
        ws["A1"] = "附件9"
        ws.merge_cells("A2:J2")
        ws["A2"] = "软件安装维护情况明细表"
        ws.merge_cells("A3:J3")
        ws["A3"] = header_line(unit, filler, phone, with_date=False)
        ws.merge_cells("A4:J4")
        ws["A4"] = "一、软件基本信息"
        for c, h in enumerate(["软件编号", "软件名称", "软件版本", "软件类型", None, None, "许可数量", "可使用版本",
                               "许可期限"], 1):
            if h:
                ws.cell(5, c, h)
        ws.merge_cells("D5:F5")
        ws["D6"], ws["E6"], ws["F6"] = KINDS
        for c in (1, 2, 3, 7, 8, 9):
            ws.merge_cells(start_row=5, start_column=c, end_row=6, end_column=c)
        licenses = installed[sid] + 2 if kind == "商业软件" else "—"
        vals = [sid, name, shown_version(sid)] + ["☑" if k == kind else "□" for k in KINDS] + [
            licenses, version if kind == "商业软件" else "—", term]
        for c, v in enumerate(vals, 1):
            ws.cell(7, c, v)
        ws.merge_cells("A8:J8")
        ws["A8"] = "二、软件安装卸载明细"
        for c, h in enumerate(["序号", "安装", "卸载", "计算机编号", "计算机品牌", "使用人", "使用部门", "安装/卸载\n版本",
                               "安装/卸载\n日期", "安装数量"], 1):
            ws.cell(9, c, h).alignment = CENTER
        events = sorted((day, pc, brand, user, dept) for dept, user, pc, brand, soft in pcs
                        for s, day in soft if s == sid)
        for i, (day, pc, brand, user, dept) in enumerate(events, 1):
            rr = 9 + i
            for c, v in enumerate([i, "☑", "□", pc, brand, user, dept, shown_version(sid), day, 1], 1):
                cell = ws.cell(rr, c, v)
                if isinstance(v, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        boxed(ws, 5, 9 + len(events), 1, 10)
    if faults:
        plant_faults(wb, faults, seed * 1_000_003 + index)
    wb.save(path)
    rows = sum(len(soft) for *_, soft in pcs)
    return rows * 2 + len(used_ids) + len(free)


CORPORA = {
    "u20x300": (20, 300),
    "u200x40": (200, 40),
    "lin1x300": (1, 300),
    "lin1x1000": (1, 1000),
    "lin1x2000": (1, 2000),
    "lin1x5000": (1, 5000),
    "faults1x5000": (1, 5000),
}
# Corpora whose units get planted faults: how many per unit.
FAULTS = {"faults1x5000": 100}


def job(args):
    path, index, computers, faults = args
    if os.path.exists(path):
        return 0
    tmp = path + ".tmp.xlsx"
    n = write_unit(tmp, index, computers, faults=faults)
    os.replace(tmp, path)
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpora"))
    ap.add_argument("--only", action="append", help="generate only these corpora")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    names = a.only or [n for n in CORPORA if n not in FAULTS] + ["u4000x40"]
    jobs = []
    for name in names:
        if name == "u4000x40":
            continue
        units, computers = CORPORA[name]
        d = os.path.join(a.out, name)
        os.makedirs(d, exist_ok=True)
        faults = FAULTS.get(name, 0)
        jobs += [(os.path.join(d, f"单位{i + 1:04d}.xlsx"), i, computers, faults) for i in range(units)]
    if "u4000x40" in names and not (a.only and "u200x40" not in a.only):
        d = os.path.join(a.out, "u200x40")
        os.makedirs(d, exist_ok=True)
        jobs += [(os.path.join(d, f"单位{i + 1:04d}.xlsx"), i, 40, 0) for i in range(200)]
    with Pool(a.jobs) as pool:
        written = pool.map(job, jobs, chunksize=1)
    if "u4000x40" in names:
        src = os.path.join(a.out, "u200x40")
        d = os.path.join(a.out, "u4000x40")
        os.makedirs(d, exist_ok=True)
        for k in range(20):
            for i in range(200):
                target = os.path.join(d, f"单位{k * 200 + i + 1:04d}.xlsx")
                if not os.path.exists(target):
                    os.link(os.path.join(src, f"单位{i + 1:04d}.xlsx"), target)
    print(f"wrote {sum(1 for w in written if w)} workbooks ({sum(written)} ledger rows) under {a.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
