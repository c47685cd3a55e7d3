#!/usr/bin/env python3
"""Workbooks laid out like real offices' files, written with openpyxl (not with zhengban's
own writer), each with planted faults listed in a manifest. tests/foreign.rs checks that
every planted fault is found at its cell and nothing else above info is reported.

Run: python3 tests/foreign/make_foreign.py [NAME ...]   (needs: pip install openpyxl)
Without names it writes every workbook; with names, only those (e.g. county-water-bureau).
The generated .xlsx and .json files are committed; CI does not run this script. openpyxl
stamps the save time into docProps, so a rerun changes the bytes (not the cells) of every
file: commit only the workbooks whose content you changed.
A manifest cell may list alternatives ("G6|F6") where either cell is a fair place to point.
Some workbooks also get NAME.model.json: the model the reader must make of them, written
here from the generator's own data in the shape of `zhengban convert --with-cells`.
"""
import datetime as dt
import json
import os
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
thin = Side(style="thin")
BOX = Border(left=thin, right=thin, top=thin, bottom=thin)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def fixed_props(wb):
    wb.properties.creator = "某单位信息中心"
    wb.properties.created = dt.datetime(2026, 11, 1, 9, 0, 0)
    wb.properties.modified = dt.datetime(2026, 11, 1, 9, 0, 0)


def boxed(ws, r0, r1, c0, c1):
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            ws.cell(r, c).border = BOX


# ---------------------------------------------------------------------------------------
# A: 某县统计局 — national layout, merged two-row headers, ☑/□, mixed date forms.
# ---------------------------------------------------------------------------------------
def county_statistics_bureau():
    unit = "某县统计局"
    filler, phone = "周海燕", "0574-87651234"
    computers = [  # (dept, user, pc, brand, os id)
        ("办公室", "陈静", "TJ-PC-01", "联想", "RJ-01"),
        ("办公室", "王磊", "TJ-PC-02", "联想", "RJ-01"),
        ("综合统计科", "孙丽华", "TJ-PC-03", "戴尔", "RJ-01"),
        ("综合统计科", "马骏", "TJ-PC-04", "戴尔", "RJ-01"),
        ("农村统计科", "何晓东", "TJ-PC-05", "联想", "RJ-01"),
        ("统计执法大队", "郑文", "TJ-PC-06", "清华同方", "RJ-01"),
        ("办公室", "黄志强", "TJ-NB-01", "华为", "RJ-02"),
    ]
    software = {
        "RJ-01": ("Windows 10", "专业版", "OEM软件"),
        "RJ-02": ("Windows 11", "专业版", "OEM软件"),
        "RJ-03": ("Microsoft Office 2016", "专业增强版", "商业软件"),
        "RJ-04": ("瑞星杀毒软件网络版", "V17", "商业软件"),
        "RJ-05": ("福昕阅读器", "12.1", "免费软件"),
        "RJ-06": ("WinRAR", "5.71", "免费软件"),
    }
    free_on = {"RJ-05": ["TJ-PC-01", "TJ-PC-03", "TJ-PC-04", "TJ-NB-01"], "RJ-06": ["TJ-PC-02", "TJ-PC-05"]}
    install_day = {c[2]: dt.date(2023, 3, 1) + dt.timedelta(days=i * 3) for i, c in enumerate(computers)}
    # The network antivirus (RJ-04) was bought in March 2024 and rolled out from then, not
    # with the computers a year before: an install before its purchase is a fault (ZB416).
    av_day = {c[2]: dt.date(2024, 3, 4) + dt.timedelta(days=i) for i, c in enumerate(computers)}
    rows = []  # usage rows: (dept,user,pc,brand,id,date)
    for dept, user, pc, brand, os_id in computers:
        for sid in (os_id, "RJ-03", "RJ-04"):
            rows.append((dept, user, pc, brand, sid, av_day[pc] if sid == "RJ-04" else install_day[pc]))
        for sid, pcs in free_on.items():
            if pc in pcs:
                rows.append((dept, user, pc, brand, sid, install_day[pc] + dt.timedelta(days=1)))
    count = {sid: sum(1 for r in rows if r[4] == sid) for sid in software}
    expected = []
    wb = Workbook()
    fixed_props(wb)

    # --- 汇总表 ---
    ws = wb.active
    ws.title = "附件7"
    ws["A1"] = "附件7"
    ws.merge_cells("A2:M2")
    ws["A2"] = "软件使用情况汇总表"
    ws["A2"].font = Font(size=16, bold=True)
    ws["A2"].alignment = CENTER
    ws.merge_cells("A3:M3")
    # PLANTED ZB504: an implausible phone number in the header block.
    ws["A3"] = f"单位名称（盖章）：{unit}      填表人：{filler}      联系电话：0251-1234      填表日期：2026年11月30日"
    expected.append(("ZB504", "附件7", "A3"))
    ws.merge_cells("A4:B4")
    ws["A4"] = "人员情况"
    ws["C4"], ws["D4"], ws["E4"], ws["F4"] = "总人数", 9, "使用计算机人数", 7
    ws.merge_cells("A5:B5")
    ws["A5"] = "计算机情况"
    ws["C5"], ws["D5"], ws["E5"], ws["F5"], ws["G5"], ws["H5"] = "服务器数", 0, "台式机数", 6, "便携式数", 1
    headers = ["序号", "软件编号", "软件名称", "软件版本", "软件类型", "采购时间", "采购金额\n(单位:元)", "许可类型",
               "许可数量", "可使用版本", "许可期限", "序列号", "安装数量"]
    for c, h in enumerate(headers, 1):
        ws.cell(6, c, h).alignment = CENTER
    summary = [
        ["RJ-03", "Microsoft Office 2016", "专业增强版", "商业软件", dt.date(2019, 6, 20), 18240, "批量许可", 8,
         "2016、2013", "永久", "XQNVK-8JYDB-WJ9W3-YJ8YR-WFG99", count["RJ-03"]],
        ["RJ-04", "瑞星杀毒软件网络版", "V17", "商业软件", "2024.3", "36,000元", "批量许可", 10, "V17", "3年",
         "RS-V17-0098812", count["RJ-04"]],
        # PLANTED ZB107: an OEM row with a purchase amount.
        ["RJ-01", "Windows 10", "专业版", "OEM软件", "—", "3,500.00", "—", "—", "—", "—", "—", count["RJ-01"]],
        ["RJ-02", "Windows 11", "专业版", "OEM软件", "—", "—", "—", "—", "—", "—", "—", count["RJ-02"]],
        ["RJ-05", "福昕阅读器", "", "免费软件", "—", "—", "—", "—", "—", "—", "—", count["RJ-05"]],
        # PLANTED ZB122: WinRAR needs a license but is registered as free software.
        ["RJ-06", "WinRAR", "", "免费软件", "—", "—", "—", "—", "—", "—", "—", count["RJ-06"]],
    ]
    r = 7
    for i, row in enumerate(summary, 1):
        ws.cell(r, 1, i)
        for c, v in enumerate(row, 2):
            cell = ws.cell(r, c, v)
            if isinstance(v, dt.date):
                cell.number_format = "yyyy-mm-dd"
        r += 1
    expected.append(("ZB107", "附件7", "G9"))
    expected.append(("ZB122", "附件7", "E12|C12"))
    # PLANTED ZB113 (with as-of 2026-12-20): 3年 from 2024-03 ends 2027-02-28, 70 days later.
    expected.append(("ZB113", "附件7", "K8"))
    # A 合计 row as many offices add.
    ws.cell(r, 1, "合计")
    ws.cell(r, 13, sum(count.values()))
    boxed(ws, 6, r, 1, 13)
    ws.cell(r + 2, 1, "审核人：李国华")

    # --- 明细表 (ledger 2): two-row header, merged group, vertical merges per computer ---
    ws = wb.create_sheet("附件8")
    ws["A1"] = "附件8"
    ws.merge_cells("A2:M2")
    ws["A2"] = "软件使用情况明细表"
    ws.merge_cells("A3:M3")
    ws["A3"] = f"单位名称（盖章）：{unit}   填表人：{filler}   联系电话：{phone}   填表日期：2026-11-30"
    top = ["序号", "部门", "姓名", "计算机\n编号", "计算机\n品牌", "软件编号", "软件名称", "软件版本", "许可期限", "软件类型", None, None,
           "安装日期"]
    for c, h in enumerate(top, 1):
        if h:
            ws.cell(4, c, h).alignment = CENTER
    for c in (1, 2, 3, 4, 5, 6, 7, 8, 9, 13):
        ws.merge_cells(start_row=4, start_column=c, end_row=5, end_column=c)
    ws.merge_cells("J4:L4")
    ws["J5"], ws["K5"], ws["L5"] = "商业软件", "OEM软件", "免费软件"
    r = 6
    seq = 0
    by_pc = {}
    for row in rows:
        by_pc.setdefault(row[2], []).append(row)
    for pc, prow in by_pc.items():
        first = r
        for j, (dept, user, pc_, brand, sid, day) in enumerate(prow):
            seq += 1
            name, version, kind = software[sid]
            ws.cell(r, 1, seq)
            if j == 0:
                ws.cell(r, 2, dept)
                ws.cell(r, 3, user)
                ws.cell(r, 4, pc)
                ws.cell(r, 5, brand)
            ws.cell(r, 6, sid)
            ws.cell(r, 7, name)
            ws.cell(r, 8, version if kind != "免费软件" else version)
            ws.cell(r, 9, {"RJ-03": "永久", "RJ-04": "3年"}.get(sid, "—"))
            tick = "☑" if seq % 3 else "√"
            for c, k in zip((10, 11, 12), ("商业软件", "OEM软件", "免费软件")):
                ws.cell(r, c, tick if k == kind else "□")
            # Dates as offices type them: date cells, bare serials, text.
            if seq % 3 == 0:
                ws.cell(r, 13, day.strftime("%Y/%-m/%-d"))
            elif seq % 3 == 1:
                ws.cell(r, 13, day).number_format = "yyyy-mm-dd"
            else:
                ws.cell(r, 13, (day - dt.date(1899, 12, 30)).days)
            r += 1
        for c in (2, 3, 4, 5):
            ws.merge_cells(start_row=first, start_column=c, end_row=r - 1, end_column=c)
    boxed(ws, 4, r - 1, 1, 13)
    # PLANTED ZB006: an unreadable 安装日期 (month 13) on the second row.
    ws["M7"] = "2023.13.05"
    expected.append(("ZB006", "附件8", "M7"))

    # --- 安装维护情况明细表, one sheet per number ---
    for sid, (name, version, kind) in software.items():
        ws = wb.create_sheet(f"附件9({sid})")
        ws["A1"] = "附件9"
        ws.merge_cells("A2:J2")
        ws["A2"] = "软件安装维护情况明细表"
        ws.merge_cells("A3:J3")
        ws["A3"] = f"单位名称：{unit}        填表人：{filler}        联系电话：{phone}"
        ws.merge_cells("A4:J4")
        ws["A4"] = "一、软件基本信息"
        info = ["软件编号", "软件名称", "软件版本", "软件类型", None, None, "许可数量", "可使用版本", "许可期限"]
        for c, h in enumerate(info, 1):
            if h:
                ws.cell(5, c, h)
        ws.merge_cells("D5:F5")
        ws["D6"], ws["E6"], ws["F6"] = "商业软件", "OEM软件", "免费软件"
        for c in (1, 2, 3, 7, 8, 9):
            ws.merge_cells(start_row=5, start_column=c, end_row=6, end_column=c)
        lic = {"RJ-03": (8, "2016、2013", "永久"), "RJ-04": (10, "V17", "3年")}.get(sid, ("—", "—", "—"))
        vals = [sid, name, version if kind != "免费软件" else "—",
                "☑" if kind == "商业软件" else "□", "☑" if kind == "OEM软件" else "□", "☑" if kind == "免费软件" else "□",
                lic[0], lic[1], lic[2]]
        for c, v in enumerate(vals, 1):
            ws.cell(7, c, v)
        ws.merge_cells("A8:J8")
        ws["A8"] = "二、软件安装卸载明细"
        ev = ["序号", "安装", "卸载", "计算机编号", "计算机品牌", "使用人", "使用部门", "安装/卸载版本", "安装/卸载日期", "安装数量"]
        for c, h in enumerate(ev, 1):
            ws.cell(9, c, h)
        events = []
        for dept, user, pc, brand, rsid, day in rows:
            if rsid == sid:
                events.append(("☑", "□", pc, brand, user, dept, version, day))
        if sid == "RJ-03":
            # A reinstall after a disk failure: uninstall, then install again.
            d, u, pc, b = "综合统计科", "孙丽华", "TJ-PC-03", "戴尔"
            events.append(("□", "☑", pc, b, u, d, version, dt.date(2024, 5, 10)))
            events.append(("☑", "□", pc, b, u, d, version, dt.date(2024, 5, 12)))
        events.sort(key=lambda e: e[7])
        if sid == "RJ-05":
            # PLANTED ZB306: the third row is dated before the second.
            events[1], events[2] = events[2], events[1]
            expected.append(("ZB306", f"附件9({sid})", "I12|A12"))
        for i, e in enumerate(events, 1):
            rr = 9 + i
            ws.cell(rr, 1, i)
            for c, v in enumerate(e[:7], 2):
                ws.cell(rr, c, v)
            ws.cell(rr, 9, e[7]).number_format = "yyyy年m月d日"
            ws.cell(rr, 10, 1)
        boxed(ws, 5, 9 + len(events), 1, 10)

    # --- 可使用免费软件清单 ---
    ws = wb.create_sheet("附件6")
    ws["A1"] = "附件6"
    ws["A2"] = "可使用免费软件清单"
    ws["A3"] = f"单位名称（盖章）：{unit}    填表人：{filler}    联系电话：{phone}    填表日期：2026年11月30日"
    for c, h in enumerate(["序号", "软件编号", "软件名称", "软件版本", "软件来源", "软件厂商名称", "软件厂商\n客服联系方式", "使用部门", "使用原因"], 1):
        ws.cell(4, c, h)
    ws.append([1, "RJ-05", "福昕阅读器", "12.1", "官网下载", "福建福昕软件开发股份有限公司", "400-616-8688", "全局", "阅读PDF文件"])
    ws.append([2, "RJ-06", "WinRAR", "5.71", "官网下载", "RARLAB", "无", "办公室、农村统计科", "压缩文件"])
    wb.save(os.path.join(HERE, "county-statistics-bureau.xlsx"))
    return {"as_of": "2026-12-20", "expected": [dict(code=c, sheet=s, cell=a) for c, s, a in expected]}


# ---------------------------------------------------------------------------------------
# B: 某市行政审批局 — 鞍山-like: no OEM group, label/value header cells, sheets named
# Sheet1…, text dates, a 软件类型 text column in 明细表, part 一 as label：value pairs.
# ---------------------------------------------------------------------------------------
def city_approval_bureau():
    unit = "某市行政审批局"
    filler, phone = "赵敏", "0412-5551234"
    computers = [
        ("网络平台处", "崔鹏", "SP-001", "华为", "A001"),
        ("企业登记处", "林静", "SP-002", "华为", "A001"),
        ("政策法规处", "范明", "SP-003", "长城", "A001"),
        ("办公室", "白石", "SP-004", "联想", "A003"),
        ("督查考核处", "李宇", "SP-005", "联想", "A003"),
    ]
    software = {
        "A001": ("统信UOS桌面操作系统", "V20 专业版", "商业软件"),
        "A002": ("WPS Office 2019", "党政版", "商业软件"),
        "A003": ("Windows 10", "专业版", "商业软件"),
        "A004": ("奇安信天擎", "V10", "商业软件"),
        "A005": ("7-Zip", "", "免费软件"),
        "A006": ("搜狗输入法", "", "免费软件"),
    }
    rows = []
    for i, (dept, user, pc, brand, os_id) in enumerate(computers):
        day = dt.date(2025, 2, 10) + dt.timedelta(days=i)
        for sid in (os_id, "A002", "A004", "A005", "A006"):
            rows.append((dept, user, pc, brand, sid, day))
    count = {sid: sum(1 for r in rows if r[4] == sid) for sid in software}
    expected = []
    wb = Workbook()
    fixed_props(wb)

    # Sheet1: 明细表 first (sheet order means nothing).
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "附件8：软件使用情况明细表"
    ws["A2"], ws["B2"], ws["C2"], ws["D2"] = "单位名称（盖章）", unit, "填表人", filler
    ws["E2"], ws["F2"], ws["G2"], ws["H2"] = "联系电话", phone, "填表日期", "2026年11月18日"
    hdr = ["序号", "部门", "姓名", "计算机编号", "计算机品牌", "软件编号", "软件名称", "软件版本", "许可期限", "软件类型", "安装日期"]
    for c, h in enumerate(hdr, 1):
        ws.cell(3, c, h)
    r = 5  # a blank spacer row under the header
    for i, (dept, user, pc, brand, sid, day) in enumerate(rows, 1):
        name, version, kind = software[sid]
        term = {"A001": "永久", "A002": "永久", "A003": "永久", "A004": "2025年1月10日至2028年1月9日"}.get(sid, "")
        ws.append([i, dept, user, pc, brand, sid, name, version, term, kind, f"{day.year}.{day.month}.{day.day}"])
    # Sheet2: 汇总表 with label/value cells and 便携式数.
    ws = wb.create_sheet("Sheet2")
    ws["B1"] = "附件7：软件使用情况汇总表"
    ws["A2"], ws["B2"], ws["C2"], ws["D2"] = "单位名称（盖章）", unit, "填表人", filler
    ws["E2"], ws["F2"], ws["G2"], ws["H2"] = "联系电话", phone, "填表日期", "2026年11月18日"
    # PLANTED ZB115: 使用计算机人数 5 exceeds 总人数 4.
    ws["A3"], ws["B3"], ws["C3"], ws["D3"], ws["E3"] = "人员情况", "总人数", "4", "使用计算机人数", "5"
    expected.append(("ZB115", "Sheet2", "E3"))
    ws["A4"], ws["B4"], ws["C4"], ws["D4"], ws["E4"], ws["F4"], ws["G4"] = "计算机情况", "服务器数", "0", "台式机数", "5", "便携式数", "0"
    hdr = ["序号", "软件\n编号", "软件名称", "软件版本", "软件类型", "采购时间", "采购金额（元）", "许可类型", "许可\n数量",
           "可使用版本", "许可期限", "序列号", "安装数量"]
    for c, h in enumerate(hdr, 1):
        ws.cell(5, c, h)
    summary = [
        # PLANTED ZB110: 采购时间 without 采购金额.
        ["A001", "统信UOS桌面操作系统", "V20 专业版", "商业软件", "2023年8月1日", "", "批量许可", "5个", "V20", "永久",
         "UOS-V20-77821", f"{count['A001']}"],
        ["A002", "WPS Office 2019", "党政版", "商业软件", "2022年1月1日", "30,000.00元", "场地授权", "50", "党政版", "永久", "",
         f"{count['A002']}"],
        # PLANTED ZB119: a single-machine license without 序列号. Received by transfer
        # (调剂), so no purchase time or amount (台账 一.4).
        ["A003", "Windows 10", "专业版", "商业软件", "", "", "单机许可", "2", "专业版", "永久", "", f"{count['A003']}"],
        ["A004", "奇安信天擎", "V10", "商业软件", "2025年1月10日", "¥12,000.00", "批量许可", "5", "V10",
         "2025年1月10日至2028年1月9日", "QAX-TQ-V10-3390", f"{count['A004']}"],
        # PLANTED ZB102: a purchased product with no 软件编号 (bought, not yet installed).
        ["", "Adobe Acrobat Pro DC", "2020", "商业软件", "2026年9月1日", "4,800元", "单机许可", "2", "2020", "永久",
         "1118-1234-5678", "0"],
        ["A005", "7-Zip", "", "免费软件", "", "", "", "", "", "", "", f"{count['A005']}"],
        ["A006", "搜狗输入法", "", "免费软件", "", "", "", "", "", "", "", f"{count['A006']}"],
    ]
    expected.append(("ZB110", "Sheet2", "G6|F6"))
    expected.append(("ZB119", "Sheet2", "L8"))
    expected.append(("ZB102", "Sheet2", "B10"))
    for i, row in enumerate(summary, 1):
        ws.append([i] + row)
    # Maintenance: Sheet3…, part 一 as label：value pairs, √ marks.
    n = 3
    for sid, (name, version, kind) in software.items():
        ws = wb.create_sheet(f"Sheet{n}")
        n += 1
        ws["A1"] = "附件9  软件安装维护情况明细表"
        ws["A2"] = f"单位名称：{unit}  填表人：{filler}  联系电话：{phone}"
        ws["A3"] = "一、软件基本信息"
        ws["A4"] = f"软件编号：{sid}    软件名称：{name}    软件版本：{version or '—'}"
        ticks = {k: ("☑" if k == kind else "□") for k in ("商业软件", "OEM软件", "免费软件")}
        ws["A5"] = f"软件类型：{ticks['商业软件']}商业软件 {ticks['OEM软件']}OEM软件 {ticks['免费软件']}免费软件"
        lic = {"A001": ("5", "V20", "永久"), "A002": ("50", "党政版", "永久"), "A003": ("2", "专业版", "永久"),
               "A004": ("5", "V10", "2025年1月10日至2028年1月9日")}.get(sid, ("—", "—", "—"))
        ws["A6"] = f"许可数量：{lic[0]}    可使用版本：{lic[1]}    许可期限：{lic[2]}"
        ws["A7"] = "二、软件安装卸载明细"
        for c, h in enumerate(["序号", "安装", "卸载", "计算机编号", "计算机品牌", "使用人", "使用部门", "安装/卸载版本", "安装/卸载日期", "安装数量"], 1):
            ws.cell(8, c, h)
        i = 0
        for dept, user, pc, brand, rsid, day in rows:
            if rsid != sid:
                continue
            i += 1
            v = version
            if sid == "A004" and pc == "SP-003":
                # PLANTED ZB309: an install of a version outside 可使用版本.
                v = "V8"
                expected.append(("ZB309", ws.title, f"H{8 + i}"))
            ws.append([i, "√", "", pc, brand, user, dept, v, f"{day.year}年{day.month}月{day.day}日", "1"])
    # 可使用免费软件清单
    ws = wb.create_sheet(f"Sheet{n}")
    ws["A1"] = "附件6：可使用免费软件清单"
    ws["A2"] = f"单位名称（盖章）：{unit}  填表人：{filler}  联系电话：{phone}  填表日期：2026年11月18日"
    for c, h in enumerate(["序号", "软件编号", "软件名称", "软件版本", "软件来源", "软件厂商名称", "软件厂商客服联系方式", "使用部门", "使用原因"], 1):
        ws.cell(3, c, h)
    ws.append([1, "A005", "7-Zip", "24.08", "官网", "Igor Pavlov", "无", "全局", "压缩"])
    ws.append([2, "A006", "搜狗输入法", "15.1", "官网", "北京搜狗科技发展有限公司", "010-56899999", "全局", "中文输入"])
    # 领导小组成员信息表 without a 组长 (PLANTED ZB501).
    ws = wb.create_sheet(f"Sheet{n + 1}")
    ws["A1"] = "附件1：软件正版化工作领导小组成员信息表"
    ws["A2"] = f"单位名称（盖章）：{unit}  填表人：{filler}  联系电话：{phone}  填表日期：2026年3月2日"
    for c, h in enumerate(["序号", "分工", "姓名", "部门", "职务", "联系电话", "传真", "备注"], 1):
        ws.cell(3, c, h)
    ws.append([1, "副组长", "吕品", "局领导", "副局长", "0412-5551001", "0412-5551000", ""])
    ws.append([2, "成员", "崔鹏", "网络平台处", "处长", "13941234567", "", "办公室主任"])
    ws.append([3, "成员", "白石", "办公室", "主任", "0412-5551002", "", ""])
    expected.append(("ZB501", f"Sheet{n + 1}", "A1"))
    wb.save(os.path.join(HERE, "city-approval-bureau.xlsx"))
    return {"as_of": "2026-11-25", "expected": [dict(code=c, sheet=s, cell=a) for c, s, a in expected]}


# ---------------------------------------------------------------------------------------
# C: 某区教育局 — 双龙镇 表N numbering, cross-ledger faults: a mistyped 软件编号 in 明细表,
# a wrong 安装数量, free software missing from the free list, a wrong statistics figure, a
# purchase-plan row that does not multiply out.
# ---------------------------------------------------------------------------------------
def district_education_bureau():
    unit = "某区教育局"
    filler, phone = "吴丹", "020-83451234"
    computers = [
        ("办公室", "罗平", "JYJ-01", "联想"),
        ("基础教育科", "许倩", "JYJ-02", "联想"),
        ("人事科", "邓涛", "JYJ-03", "华为"),
        ("计划财务科", "冯雪", "JYJ-04", "华为"),
    ]
    software = {
        "JY01": ("Windows 10", "专业版", "OEM软件"),
        "JY02": ("WPS Office 2019", "专业版", "商业软件"),
        "JY03": ("火绒终端安全管理系统", "V2", "商业软件"),
        "JY04": ("7-Zip", "", "免费软件"),
        "JY05": ("福昕阅读器", "", "免费软件"),
    }
    on = {"JY01": [0, 1, 2, 3], "JY02": [0, 1, 2, 3], "JY03": [0, 1, 2, 3], "JY04": [0, 1, 2], "JY05": [1, 3]}
    day = {"JY01": dt.date(2024, 9, 2), "JY02": dt.date(2026, 4, 20), "JY03": dt.date(2025, 6, 10),
           "JY04": dt.date(2024, 9, 3), "JY05": dt.date(2024, 9, 3)}
    expected = []
    wb = Workbook()
    fixed_props(wb)

    def header_block(ws, row, with_date=True):
        text = f"单位名称（盖章）：{unit}    填表人：{filler}    联系电话：{phone}"
        if with_date:
            text += "    填表日期：2026年11月16日"
        ws.cell(row, 1, text)

    # 表5 汇总表
    ws = wb.active
    ws.title = "表5"
    ws["A1"] = "表5"
    ws["A2"] = "软件使用情况汇总表"
    header_block(ws, 3)
    ws["A4"], ws["B4"], ws["C4"], ws["D4"], ws["E4"] = "人员情况", "总人数", 6, "使用计算机人数", 4
    ws["A5"], ws["B5"], ws["C5"], ws["D5"], ws["E5"], ws["F5"], ws["G5"] = "计算机情况", "服务器数", 0, "台式机数", 4, "便携机数", 0
    hdr = ["序号", "软件\n编号", "软件名称", "软件\n版本", "软件\n类型", "采购\n时间", "采购金额\n（单位：元）", "许可\n类型", "许可\n数量",
           "可使用\n版本", "许可\n期限", "序列号", "安装\n数量"]
    for c, h in enumerate(hdr, 1):
        ws.cell(6, c, h)
    rows = [
        ["JY02", "WPS Office 2019", "专业版", "商业软件", "2026.4.15", "2000", "批量许可", 4, "专业版", "永久", "WPS-EDU-20260415", 4],
        # PLANTED ZB405: 5 installs typed, the usage ledger and the log both have 4.
        ["JY03", "火绒终端安全管理系统", "V2", "商业软件", "2025.6.1", "1500", "批量许可", 10, "V2", "2025.6.1-2028.5.31",
         "HR-ES-V2-0612", 5],
        ["JY01", "Windows 10", "专业版", "OEM软件", "—", "—", "—", "—", "—", "—", "—", 4],
        ["JY04", "7-Zip", "", "免费软件", "—", "—", "—", "—", "—", "—", "—", 3],
        # PLANTED ZB410: 福昕阅读器 is used but not on 可使用免费软件清单.
        ["JY05", "福昕阅读器", "", "免费软件", "—", "—", "—", "—", "—", "—", "—", 2],
    ]
    for i, r in enumerate(rows, 1):
        ws.append([i] + r)
    expected.append(("ZB405", "表5", "M8"))
    expected.append(("ZB410", "表5", "B11|C11|E11"))

    # 表6 明细表
    ws = wb.create_sheet("表6")
    ws["A1"] = "表6"
    ws["A2"] = "软件使用情况明细表"
    header_block(ws, 3)
    top = ["序号", "部门", "姓名", "计算机编号", "计算机品牌", "软件编号", "软件名称", "软件版本", "许可期限", "软件类型", None, None, "安装日期"]
    for c, h in enumerate(top, 1):
        if h:
            ws.cell(4, c, h)
    ws.merge_cells("J4:L4")
    ws["J5"], ws["K5"], ws["L5"] = "商业软件", "OEM软件", "免费软件"
    r = 6
    seq = 0
    for ci, (dept, user, pc, brand) in enumerate(computers):
        for sid, (name, version, kind) in software.items():
            if ci not in on[sid]:
                continue
            seq += 1
            typed = sid
            if sid == "JY02" and pc == "JYJ-03":
                # PLANTED ZB403: 软件编号 mistyped; the name says it is JY02.
                typed = "JY2"
                expected.append(("ZB403", "表6", f"F{r}"))
            term = {"JY02": "永久", "JY03": "2025.6.1-2028.5.31"}.get(sid, "")
            vals = [seq, dept, user, pc, brand, typed, name, version, term,
                    "√" if kind == "商业软件" else "", "√" if kind == "OEM软件" else "", "√" if kind == "免费软件" else "",
                    day[sid].strftime("%Y.%m.%d")]
            for c, v in enumerate(vals, 1):
                ws.cell(r, c, v)
            r += 1

    # 表7 one per number
    for sid, (name, version, kind) in software.items():
        ws = wb.create_sheet(f"表7-{sid}")
        ws["A1"] = "表7"
        ws["A2"] = "软件安装维护情况明细表"
        ws["A3"] = f"单位名称：{unit}    填表人：{filler}    联系电话：{phone}"
        ws["A4"] = "一、软件基本信息"
        for c, h in enumerate(["软件编号", "软件名称", "软件版本", "软件类型", None, None, "许可数量", "可使用版本", "许可期限"], 1):
            if h:
                ws.cell(5, c, h)
        ws.merge_cells("D5:F5")
        ws["D6"], ws["E6"], ws["F6"] = "商业\n软件", "OEM\n软件", "免费\n软件"
        lic = {"JY02": (4, "专业版", "永久"), "JY03": (10, "V2", "2025.6.1-2028.5.31")}.get(sid, ("—", "—", "—"))
        vals = [sid, name, version or "—", "☑" if kind == "商业软件" else "□", "☑" if kind == "OEM软件" else "□",
                "☑" if kind == "免费软件" else "□", *lic]
        for c, v in enumerate(vals, 1):
            ws.cell(7, c, v)
        ws["A8"] = "二、软件安装卸载明细"
        for c, h in enumerate(["序号", "安装", "卸载", "计算机编号", "计算机品牌", "使用人", "使用部门", "安装/卸载\n版本", "安装/卸载\n日期", "安装数量"], 1):
            ws.cell(9, c, h)
        i = 0
        for ci, (dept, user, pc, brand) in enumerate(computers):
            if ci not in on[sid]:
                continue
            i += 1
            ws.append([i, "☑", "□", pc, brand, user, dept, version or "", day[sid], 1])
            ws.cell(9 + i, 9).number_format = "yyyy-mm-dd"

    # 表4 可使用免费软件清单 (without 福昕阅读器)
    ws = wb.create_sheet("表4")
    ws["A1"] = "表4"
    ws["A2"] = "可使用免费软件清单"
    header_block(ws, 3)
    for c, h in enumerate(["序号", "软件编号", "软件名称", "软件版本", "软件来源", "软件厂商名称", "软件厂商\n客服联系方式", "使用部门", "使用原因"], 1):
        ws.cell(4, c, h)
    ws.append([1, "JY04", "7-Zip", "24.08", "https://www.7-zip.org", "Igor Pavlov", "https://www.7-zip.org", "全局", "压缩解压"])

    # 表3 信息统计表 for 2026
    ws = wb.create_sheet("表3")
    ws["A1"] = "表3"
    ws.merge_cells("A2:I2")
    ws["A2"] = "软件正版化工作信息统计表（2026年度）"
    header_block(ws, 3)
    ws["A4"] = "一、负责软件正版化工作单位情况"
    ws["A5"], ws["C5"], ws["E5"], ws["G5"] = "单位名称", "单位负责人姓名", "单位负责人电话", "单位传真"
    ws["A6"], ws["C6"], ws["E6"], ws["G6"] = "办公室", "罗平", "020-83451000", "020-83451001"
    ws["A7"] = "二、人员情况"
    ws["A8"], ws["C8"] = "总人数", "使用计算机人数"
    ws["A9"], ws["C9"] = 6, 4
    ws["A10"] = "三、计算机情况"
    ws["A11"], ws["C11"], ws["E11"], ws["G11"] = "服务器数", "台式机数", "便携机数", "合计"
    ws["A12"], ws["C12"], ws["E12"], ws["G12"] = 0, 4, 0, 4
    ws["A13"] = "四、本年度软件采购情况"
    ws["A14"] = "软件\n属性"
    groups = ["操作系统软件\n(不含预装操作系统)", "办公软件", "杀毒软件", "总计"]
    for g, name in enumerate(groups):
        c = 2 + g * 2
        ws.cell(14, c, name)
        ws.merge_cells(start_row=14, start_column=c, end_row=14, end_column=c + 1)
        ws.cell(15, c, "许可数（个）")
        ws.cell(15, c + 1, "金额\n（万元）")
    ws.merge_cells("A14:A15")
    # PLANTED ZB414: 国内 办公软件 许可数 typed 5, the ledgers say 4 (WPS bought 2026-04-15).
    purchases = [("国内", [0, 0, 5, 0.2, 0, 0, 4, 0.2]), ("国外", [0] * 8), ("合计", [0, 0, 4, 0.2, 0, 0, 4, 0.2])]
    for i, (label, vals) in enumerate(purchases):
        ws.cell(16 + i, 1, label)
        for j, v in enumerate(vals):
            ws.cell(16 + i, 2 + j, v)
    expected.append(("ZB414", "表3", "D16"))
    ws["A19"] = "五、累计拥有软件许可情况"
    ws["A20"], ws["B20"], ws["C20"], ws["D20"], ws["E20"] = (
        "软件\n属性", "操作系统软件\n(含预装操作系统) 许可数（个）", "办公软件\n许可数（个）", "杀毒软件\n许可数（个）", "总计")
    holdings = [("国内", [0, 4, 10, 14]), ("国外", [4, 0, 0, 4]), ("合计", [4, 4, 10, 18])]
    for i, (label, vals) in enumerate(holdings):
        ws.cell(21 + i, 1, label)
        for j, v in enumerate(vals):
            ws.cell(21 + i, 2 + j, v)

    # 表2 采购计划表
    ws = wb.create_sheet("表2")
    ws["A1"] = "表2"
    ws["A2"] = "软件采购计划表"
    ws["A3"] = f"经手人：{filler}    联系电话：{phone}    填表日期：2026年3月2日"
    for c, h in enumerate(["序号", "软件名称", "软件版本", "单价\n（单位：元）", "许可数\n（单位：个）", "合计\n（单位：元）", "备注"], 1):
        ws.cell(4, c, h)
    ws.append([1, "WPS Office 2019", "专业版", 500, 4, 2000, "替换到期的办公软件"])
    # PLANTED ZB415: 800 × 2 is 1600, not 1800.
    ws.append([2, "统信UOS桌面操作系统", "V20 专业版", 800, 2, 1800, "信创试点"])
    ws.append(["共计", "", "", "", "", 3800, ""])
    expected.append(("ZB415", "表2", "F6"))
    ws.append(["党政办\n审核", "审核人：吴丹  2026年3月3日"])
    ws.append(["财政办\n审核", "审核人：冯雪  2026年3月4日"])
    ws.append(["分管机关领导\n审核", "审核人：邓涛  2026年3月5日"])
    ws.append(["单位领导\n审批", "审批人：罗平  2026年3月6日"])
    wb.save(os.path.join(HERE, "district-education-bureau.xlsx"))
    return {"as_of": "2026-11-25", "expected": [dict(code=c, sheet=s, cell=a) for c, s, a in expected]}


# ---------------------------------------------------------------------------------------
# Expected models: what the reader must make of a workbook, written from the generator's
# own data (not from zhengban's output) in the shape of `zhengban convert --with-cells`.
# ---------------------------------------------------------------------------------------
def a1(r, c):
    return f"{get_column_letter(c)}{r}"


class Rec:
    """One normalised row: values and the A1 cell each came from."""

    def __init__(self):
        self.values = {}
        self.cells = {}

    def put(self, key, value, cell=None):
        self.values[key] = value
        if cell:
            self.cells[key] = cell
        return self

    def done(self):
        out = dict(self.values)
        out["cells"] = dict(self.cells)
        return out


def header_model(unit=None, filler=None, phone=None, filled_on=None, counts=None):
    """Header block: each of unit/filler/phone/filled_on is (value, cell) or None."""
    r = Rec()
    for key, f in (("unit", unit), ("filler", filler), ("phone", phone), ("filled_on", filled_on)):
        if f is None:
            r.put(key, None)
        else:
            r.put(key, f[0], f[1])
    for key, f in (counts or {}).items():
        r.put(key, *(f or (None,)))
    return r.done()


def term_model(term, purchased=None, usage=False):
    """A term as the model states it: 'perpetual', ('years', n), or None."""
    if term is None:
        return None
    if term == "perpetual":
        return {"perpetual": True}
    kind, n = term
    months = n * 12
    end = None
    if purchased is not None and not usage:
        y, m, d = purchased.year, purchased.month, purchased.day
        m += months
        y += (m - 1) // 12
        m = (m - 1) % 12 + 1
        end = (dt.date(y, m, 1) + dt.timedelta(days=d - 1) - dt.timedelta(days=1)).isoformat()
    return {"perpetual": False, "months": months, "end": end}


def write_model(name, model):
    with open(os.path.join(HERE, f"{name}.model.json"), "w", encoding="utf-8") as f:
        json.dump(model, f, ensure_ascii=False, indent=1)
        f.write("\n")


KINDS = {"商业软件": "commercial", "OEM软件": "oem", "免费软件": "free"}


# ---------------------------------------------------------------------------------------
# D: 某县水利局 — the layout of a public ledger generator (openpyxl): title in row 2, a sign
# line 填表日期：____ 年  __ 月 __ 日 under each list, two-row headers with every header cell
# merged down (and the 软件类型 group over its boxes), 部门 and 姓名 merged down each
# computer's rows, and one block of rows per license batch in the summary: the batch's cells
# merged vertically, one line per serial number.
# ---------------------------------------------------------------------------------------
def county_water_bureau():
    unit, filler, phone = "某县水利局", "刘晓梅", "0831-5123456"
    expected = []
    wb = Workbook()
    fixed_props(wb)
    computers = [  # (dept, user, pc, brand)
        ("办公室", "刘晓梅", "SL-PC-01", "联想"),
        ("办公室", "陈建国", "SL-PC-02", "联想"),
        ("水政监察大队", "王海", "SL-PC-03", "戴尔"),
        ("水政监察大队", "李雪", "SL-PC-04", "戴尔"),
        ("农村水利股", "张强", "SL-PC-05", "华为"),
        ("农村水利股", "赵敏", "SL-NB-01", "华为"),
    ]
    installs = {  # pc -> software ids
        "SL-PC-01": ["SW-01", "SW-03", "SW-05", "SW-07"],
        "SL-PC-02": ["SW-01", "SW-03", "SW-05", "SW-08"],
        "SL-PC-03": ["SW-01", "SW-03", "SW-05", "SW-07"],
        "SL-PC-04": ["SW-01", "SW-04", "SW-05"],
        "SL-PC-05": ["SW-02", "SW-04", "SW-05", "SW-08"],
        "SL-NB-01": ["SW-02", "SW-04", "SW-05"],
    }
    first_day = {"SW-01": dt.date(2023, 4, 3), "SW-02": dt.date(2024, 5, 27), "SW-03": dt.date(2023, 4, 4),
                 "SW-04": dt.date(2025, 3, 17), "SW-05": dt.date(2024, 3, 11), "SW-07": dt.date(2023, 4, 5),
                 "SW-08": dt.date(2023, 4, 5)}
    day = {(pc, sid): first_day[sid] + dt.timedelta(days=i) for i, (_, _, pc, _) in enumerate(computers)
           for sid in installs[pc]}
    # The computers moved to 统信UOS (SW-02) in 2024 had their software installed again on it:
    # nothing on them predates their system (ZB209).
    for pc, sids in installs.items():
        if "SW-02" in sids:
            for sid in sids:
                if sid != "SW-02":
                    day[(pc, sid)] = max(day[(pc, sid)], day[(pc, "SW-02")] + dt.timedelta(days=1))
    count = {sid: sum(1 for pc in installs if sid in installs[pc]) for sid in first_day}
    # Software: id -> (name, version, kind, licence) ; licence None for OEM/free, else a dict.
    software = {
        "SW-02": ("统信UOS桌面操作系统", "V20", "商业软件",
                  dict(bought=dt.date(2024, 5, 20), amount=1600, type="单机许可", n=2, usable="V20", term="永久",
                       serials=["UOS-V20-PRO-8A1F", "UOS-V20-PRO-93C2"])),
        "SW-03": ("Microsoft Office 2016", "2016", "商业软件",
                  dict(bought=dt.date(2019, 6, 20), amount=18240, type="批量许可", n=8, usable="专业增强版",
                       term="永久", serials=["XQNVK-8JYDB-WJ9W3-YJ8YR-WFG99"])),
        "SW-04": ("WPS Office 2019", "专业版", "商业软件",
                  dict(bought="2025.3.10", amount="2,850.00", type="单机许可", n=3, usable="专业版", term="",
                       serials=["WPS-2019-PRO-11873", "WPS-2019-PRO-11874", "WPS-2019-PRO-11875"])),
        "SW-05": ("瑞星杀毒软件网络版", "V17", "商业软件",
                  dict(bought="2024.3", amount=36000, type="批量许可", n=10, usable="V17", term="3年",
                       serials=["RS-V17-0098812"])),
        "": ("Adobe Acrobat Pro", "2020", "商业软件",
             dict(bought=dt.date(2026, 9, 1), amount=4800, type="单机许可", n=2, usable="2020", term="永久",
                  serials=["1118-1206-3391-7742", "1118-1206-3391-7743"])),
        "SW-01": ("Windows 10", "专业版", "OEM软件", None),
        "SW-07": ("7-Zip", "", "免费软件", None),
        "SW-08": ("福昕阅读器", "", "免费软件", None),
    }
    installed = dict(count)
    installed[""] = 0
    term_of = {"SW-02": "perpetual", "SW-03": "perpetual", "SW-05": ("years", 3)}
    purchased_date = {"SW-05": dt.date(2024, 3, 1)}

    def title(ws, text, last_col):
        ws.row_dimensions[1].height = 8  # the generator's top margin row
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
        ws.cell(2, 1, text).font = Font(size=16, bold=True)
        ws.cell(2, 1).alignment = CENTER

    def sign_line(ws, row, last_col, blank="____ 年  __ 月 __ 日"):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.cell(row, 1, "负责人（签字）：")
        ws.merge_cells(start_row=row, start_column=last_col - 3, end_row=row, end_column=last_col)
        ws.cell(row, last_col - 3, f"填表日期：{blank}")
        return a1(row, last_col - 3)

    # --- 汇总表 ---
    ws = wb.active
    ws.title = "汇总"
    title(ws, "软件使用情况汇总表", 13)
    ws.merge_cells("A3:M3")
    # PLANTED ZB504: the 8 digits after the area code start with 1.
    bad_phone = "0831-15123456"
    ws["A3"] = f"单位名称（盖章）：{unit}        填表人：{filler}        联系电话：{bad_phone}"
    expected.append(("ZB504", "汇总", "A3"))
    ws.merge_cells("A4:B4")
    ws["A4"] = "人员情况"
    ws["C4"], ws["D4"], ws["E4"], ws["F4"] = "总人数", 8, "使用计算机人数", 6
    ws.merge_cells("A5:B5")
    ws["A5"] = "计算机情况"
    ws["C5"], ws["D5"], ws["E5"], ws["F5"], ws["G5"], ws["H5"] = "服务器数", 0, "台式机数", 5, "便携机数", 1
    heads = ["序号", "软件编号", "软件名称", "软件版本", "软件类型", "采购时间", "采购金额（元）", "许可类型", "许可数量",
             "可使用版本", "许可期限", "序列号", "安装数量"]
    for c, h in enumerate(heads, 1):
        ws.merge_cells(start_row=6, start_column=c, end_row=7, end_column=c)
        ws.cell(6, c, h).alignment = CENTER
    summary_rows = []
    r = 8
    for seq, (sid, (name, version, kind, lic)) in enumerate(software.items(), 1):
        lines = len(lic["serials"]) if lic else 1
        last = r + lines - 1
        rec = Rec()
        vals = [seq, sid, name, version, kind]
        if lic:
            bought = lic["bought"]
            vals += [bought, lic["amount"], lic["type"], lic["n"], lic["usable"], lic["term"], None, installed[sid]]
        else:
            vals += ["—"] * 7 + [installed[sid]]
        for c, v in enumerate(vals, 1):
            if c == 12 and lic:
                continue
            if lines > 1:
                ws.merge_cells(start_row=r, start_column=c, end_row=last, end_column=c)
            if v not in (None, ""):
                cell = ws.cell(r, c, v)
                if isinstance(v, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        if lic:
            for i, s in enumerate(lic["serials"]):
                ws.cell(r + i, 12, s)
        rec.put("id", sid or None, a1(r, 2)).put("name", name, a1(r, 3))
        if kind == "免费软件":
            rec.put("version", None)
        else:
            rec.put("version", version, a1(r, 4))
        rec.put("kind", KINDS[kind], a1(r, 5))
        if lic:
            b = lic["bought"]
            if isinstance(b, dt.date):
                pv = b.isoformat()
            elif b == "2025.3.10":
                pv = "2025-03-10"
            else:
                pv = "2024-03"
            amount = float(str(lic["amount"]).replace(",", ""))
            pdate = purchased_date.get(sid, b if isinstance(b, dt.date) else dt.date(2025, 3, 10))
            rec.put("purchased_on", pv, a1(r, 6)).put("amount", amount, a1(r, 7))
            rec.put("license_type", lic["type"], a1(r, 8)).put("license_count", lic["n"], a1(r, 9))
            rec.put("usable_versions", lic["usable"].split("、"), a1(r, 10))
            rec.put("term", term_model(term_of.get(sid, "perpetual" if lic["term"] == "永久" else None), pdate),
                    a1(r, 11))
            rec.put("serial", "、".join(lic["serials"]), a1(r, 12))
        else:
            for key in ("purchased_on", "amount", "license_type", "license_count", "usable_versions", "term",
                        "serial"):
                rec.put(key, None)
        rec.put("installed", installed[sid], a1(r, 13))
        summary_rows.append(rec.done())
        if sid == "SW-02":
            # PLANTED ZB123: an operating system whose version (V20, merged over the batch's
            # two lines) and usable versions state no edition.
            expected.append(("ZB123", "汇总", a1(r, 4)))
        if sid == "SW-04":
            # PLANTED ZB109: the batch's 许可期限 left empty (one merged cell over 3 lines).
            expected.append(("ZB109", "汇总", a1(r, 11)))
        if sid == "":
            # PLANTED ZB102: a batch bought, not installed yet, without a 软件编号.
            expected.append(("ZB102", "汇总", a1(r, 2)))
        r = last + 1
    boxed(ws, 6, r - 1, 1, 13)
    date_cell = sign_line(ws, r + 1, 13)
    expected.append(("ZB005", "汇总", date_cell))
    summary_model = {
        "sheet": "汇总",
        "header": header_model((unit, "A3"), (filler, "A3"), (bad_phone, "A3"), (None, date_cell),
                               {"people_total": (8, "D4"), "people_using": (6, "F4"), "servers": (0, "D5"),
                                "desktops": (5, "F5"), "laptops": (1, "H5")}),
        "rows": summary_rows,
    }

    # --- 明细表 ---
    ws = wb.create_sheet("明细")
    title(ws, "软件使用情况明细表", 13)
    ws.merge_cells("A3:M3")
    ws["A3"] = f"单位名称（盖章）：{unit}        填表人：{filler}        联系电话：{phone}"
    top = ["序号", "部门", "姓名", "计算机编号", "计算机品牌", "软件编号", "软件名称", "软件版本", "许可期限", "软件类型", None,
           None, "安装日期"]
    for c, h in enumerate(top, 1):
        if h:
            ws.cell(4, c, h).alignment = CENTER
        if c not in (10, 11, 12):
            ws.merge_cells(start_row=4, start_column=c, end_row=5, end_column=c)
    ws.merge_cells("J4:L4")
    ws["J5"], ws["K5"], ws["L5"] = "商业软件", "OEM软件", "免费软件"
    usage_rows = []
    r, seq = 6, 0
    term_text = {"SW-02": "永久", "SW-03": "永久", "SW-04": "", "SW-05": "3年"}
    for dept, user, pc, brand in computers:
        first = r
        for sid in installs[pc]:
            seq += 1
            name, version, kind, _ = software[sid]
            ws.cell(r, 1, seq)
            if r == first:
                ws.cell(r, 2, dept)
                ws.cell(r, 3, user)
            ws.cell(r, 4, pc)
            ws.cell(r, 5, brand)
            ws.cell(r, 6, sid)
            ws.cell(r, 7, name)
            if version:
                ws.cell(r, 8, version)
            t = term_text.get(sid, "—")
            if t:
                ws.cell(r, 9, t)
            for c, k in zip((10, 11, 12), ("商业软件", "OEM软件", "免费软件")):
                ws.cell(r, c, "☑" if k == kind else "□")
            ws.cell(r, 13, day[(pc, sid)]).number_format = "yyyy-mm-dd"
            rec = Rec()
            rec.put("department", dept, a1(first, 2)).put("user", user, a1(first, 3))
            rec.put("computer", pc, a1(r, 4)).put("brand", brand, a1(r, 5)).put("id", sid, a1(r, 6))
            rec.put("name", name, a1(r, 7)).put("version", version or None, a1(r, 8))
            rec.put("term", term_model(term_of.get(sid), usage=True), a1(r, 9))
            rec.put("kind", KINDS[kind], a1(r, 10)).put("installed_on", day[(pc, sid)].isoformat(), a1(r, 13))
            usage_rows.append(rec.done())
            r += 1
        for c in (2, 3):
            ws.merge_cells(start_row=first, start_column=c, end_row=r - 1, end_column=c)
    boxed(ws, 4, r - 1, 1, 13)
    date_cell = sign_line(ws, r + 1, 13)
    expected.append(("ZB005", "明细", date_cell))
    usage_model = {
        "sheet": "明细",
        "header": header_model((unit, "A3"), (filler, "A3"), (phone, "A3"), (None, date_cell)),
        "rows": usage_rows,
    }

    # --- 安装维护情况明细表, one sheet per number ---
    maintenance_models = []
    for sid, (name, version, kind, lic) in software.items():
        if not sid:
            continue
        sheet = f"维护-{sid}"
        ws = wb.create_sheet(sheet)
        title(ws, "软件安装维护情况明细表", 10)
        ws.merge_cells("A3:J3")
        ws["A3"] = f"单位名称：{unit}        填表人：{filler}        联系电话：{phone}"
        ws.merge_cells("A4:J4")
        ws["A4"] = "一、软件基本信息"
        for c, h in enumerate(["软件编号", "软件名称", "软件版本", "软件类型", None, None, "许可数量", "可使用版本", "许可期限"], 1):
            if h:
                ws.cell(5, c, h)
            if c not in (4, 5, 6):
                ws.merge_cells(start_row=5, start_column=c, end_row=6, end_column=c)
        ws.merge_cells("D5:F5")
        ws["D6"], ws["E6"], ws["F6"] = "商业软件", "OEM软件", "免费软件"
        boxes = ["☑" if k == kind else "□" for k in ("商业软件", "OEM软件", "免费软件")]
        info_vals = [sid, name, version or "—", *boxes,
                     lic["n"] if lic else "—", lic["usable"] if lic else "—", (lic["term"] if lic else "—")]
        for c, v in enumerate(info_vals, 1):
            if v != "":
                ws.cell(7, c, v)
        info = Rec()
        info.put("id", sid, "A7").put("name", name, "B7").put("version", version or None, "C7")
        info.put("kind", KINDS[kind], "D7")
        info.put("license_count", lic["n"] if lic else None, "G7")
        info.put("usable_versions", lic["usable"].split("、") if lic else None, "H7")
        info.put("term", term_model(term_of.get(sid), usage=True), "I7")
        ws.merge_cells("A8:J8")
        ws["A8"] = "二、软件安装卸载明细"
        for c, h in enumerate(["序号", "安装", "卸载", "计算机编号", "计算机品牌", "使用人", "使用部门", "安装/卸载版本",
                               "安装/卸载日期", "安装数量"], 1):
            ws.cell(9, c, h)
        events = [("install", pc, brand, user, dept, day[(pc, sid)])
                  for dept, user, pc, brand in computers if sid in installs[pc]]
        if sid == "SW-05":
            # The antivirus reinstalled on one computer after a disk failure.
            d, u, pc, b = "水政监察大队", "王海", "SL-PC-03", "戴尔"
            events.append(("uninstall", pc, b, u, d, dt.date(2025, 8, 4)))
            events.append(("install", pc, b, u, d, dt.date(2025, 8, 6)))
        events.sort(key=lambda e: e[5])
        ev_models = []
        for i, (action, pc, brand, user, dept, when) in enumerate(events, 1):
            rr = 9 + i
            ws.cell(rr, 1, i)
            ws.cell(rr, 2, "☑" if action == "install" else "□")
            ws.cell(rr, 3, "☑" if action == "uninstall" else "□")
            for c, v in zip((4, 5, 6, 7), (pc, brand, user, dept)):
                ws.cell(rr, c, v)
            if version:
                ws.cell(rr, 8, version)
            ws.cell(rr, 9, when).number_format = "yyyy-mm-dd"
            ws.cell(rr, 10, 1)
            e = Rec()
            e.put("action", action, a1(rr, 2)).put("computer", pc, a1(rr, 4)).put("brand", brand, a1(rr, 5))
            e.put("user", user, a1(rr, 6)).put("department", dept, a1(rr, 7))
            e.put("version", version or None, a1(rr, 8)).put("date", when.isoformat(), a1(rr, 9))
            e.put("count", 1, a1(rr, 10))
            ev_models.append(e.done())
        boxed(ws, 5, 9 + len(events), 1, 10)
        maintenance_models.append({
            "sheet": sheet, "id": sid,
            "header": header_model((unit, "A3"), (filler, "A3"), (phone, "A3")),
            "info": info.done(), "events": ev_models,
        })

    # --- 可使用免费软件清单 ---
    ws = wb.create_sheet("免费软件")
    title(ws, "可使用免费软件清单", 9)
    ws.merge_cells("A3:I3")
    ws["A3"] = f"单位名称（盖章）：{unit}        填表人：{filler}        联系电话：{phone}"
    heads = ["序号", "软件编号", "软件名称", "软件版本", "软件来源", "软件厂商名称", "软件厂商客服联系方式", "使用部门", "使用原因"]
    for c, h in enumerate(heads, 1):
        ws.cell(4, c, h).alignment = CENTER
    free = [("SW-07", "7-Zip", "24.08", "官方网站", "Igor Pavlov", "https://www.7-zip.org", "办公室、水政监察大队", "文件压缩解压"),
            ("SW-08", "福昕阅读器", "12.1", "官方网站", "福建福昕软件开发股份有限公司", "400-616-8688", "办公室、农村水利股", "阅读PDF文件")]
    free_rows = []
    for i, row in enumerate(free, 1):
        rr = 4 + i
        ws.cell(rr, 1, i)
        rec = Rec()
        for c, (key, v) in enumerate(zip(("id", "name", "version", "source", "vendor", "vendor_contact",
                                          "departments", "reason"), row), 2):
            ws.cell(rr, c, v)
            rec.put(key, v, a1(rr, c))
        free_rows.append(rec.done())
    boxed(ws, 4, 4 + len(free), 1, 9)
    date_cell = sign_line(ws, 7 + len(free) - 1, 9, blank="____年__月__日")
    expected.append(("ZB005", "免费软件", date_cell))
    free_model = {
        "sheet": "免费软件",
        "header": header_model((unit, "A3"), (filler, "A3"), (phone, "A3"), (None, date_cell)),
        "rows": free_rows,
    }
    widths = {"汇总": [6, 10, 22, 8, 10, 12, 11, 10, 9, 12, 9, 22, 9],
              "明细": [6, 13, 8, 11, 10, 9, 22, 9, 9, 9, 9, 9, 12],
              "免费软件": [6, 10, 12, 8, 10, 26, 22, 22, 14]}
    for ws in wb.worksheets:
        for c, w in enumerate(widths.get(ws.title, [11, 22, 11, 10, 10, 9, 13, 13, 13, 9]), 1):
            ws.column_dimensions[get_column_letter(c)].width = w
        for row in ws.iter_rows():
            for cell in row:
                if cell.alignment is None or not cell.alignment.horizontal:
                    cell.alignment = Alignment(vertical="center", wrap_text=True)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(os.path.join(HERE, "county-water-bureau.xlsx"))
    write_model("county-water-bureau", {"summary": summary_model, "usage": usage_model,
                                        "maintenance": maintenance_models, "free_list": free_model})
    return {"as_of": "2026-11-25", "expected": [dict(code=c, sheet=s, cell=a) for c, s, a in expected]}


# ---------------------------------------------------------------------------------------
# E: 某市生态环境局 — the import layout of a public Java ledger system: four sheets taken by
# position (软件汇总, 软件明细, 安装维护, 免费软件), row 1 a title, row 2 the header, data
# from row 3, no 序号 and no header block, 许可期限 as a bare number of years (3 → 3年 from
# 采购时间), 软件类型 as one text column, the maintenance records of every software in one
# flat sheet with 软件编号 and 软件名称 on each row and 安装/卸载 as a text column. The system
# marks 信创 products with `* ` in front of the name in its master data (汇总 and 维护).
# ---------------------------------------------------------------------------------------
def city_ecology_bureau():
    expected = []
    wb = Workbook()
    fixed_props(wb)
    software = {  # id -> (name, version, kind, licence, marked)
        "HB-001": ("Windows 10", "专业版", "OEM软件", None, False),
        "HB-002": ("统信UOS桌面操作系统", "V20 专业版", "商业软件",
                   dict(bought="2025-06-01", amount=2400, type="单机许可", n=3, usable="V20", term="永久",
                        serial="UOS-V20-PRO-2025-0611"), True),
        "HB-003": ("WPS Office 2019", "专业版", "商业软件",
                   dict(bought="2024-01-15", amount=7500, type="批量许可", n=15, usable="专业版", term=3,
                        serial="WPS-ZF-2024-0115"), True),
        "HB-004": ("奇安信天擎终端安全管理系统", "V10", "商业软件",
                   dict(bought="2025-03-01", amount=9000, type="批量许可", n=20, usable="V10", term=2,
                        serial="QAX-TQ-V10-2503"), True),
        "HB-005": ("7-Zip", "", "免费软件", None, False),
        "HB-006": ("搜狗输入法", "", "免费软件", None, False),
    }
    computers = {  # pc -> (dept, user, brand)
        "HB-PC-01": ("综合科", "孙涛", "联想"),
        "HB-PC-02": ("综合科", "周丽", "联想"),
        "HB-PC-03": ("监测科", "吴刚", "华为"),
        "HB-PC-04": ("监测科", "郑华", "华为"),
        "HB-PC-05": ("执法支队", "冯军", "长城"),
        "HB-PC-06": ("执法支队", "陈晨", "联想"),
        "HB-PC-07": ("执法支队", "李娜", "华为"),
    }
    D = dt.date
    # The log, in the order the system exports it (by record, i.e. by date).
    log = [  # (id, action, pc, date)
        ("HB-001", "安装", "HB-PC-01", D(2023, 3, 6)), ("HB-005", "安装", "HB-PC-01", D(2023, 3, 6)),
        ("HB-001", "安装", "HB-PC-02", D(2023, 3, 6)), ("HB-006", "安装", "HB-PC-02", D(2023, 3, 7)),
        ("HB-001", "安装", "HB-PC-03", D(2023, 3, 8)),
        ("HB-003", "安装", "HB-PC-01", D(2024, 1, 20)), ("HB-003", "安装", "HB-PC-02", D(2024, 1, 20)),
        ("HB-003", "安装", "HB-PC-03", D(2024, 1, 21)),
        ("HB-004", "安装", "HB-PC-01", D(2025, 3, 5)), ("HB-004", "安装", "HB-PC-02", D(2025, 3, 5)),
        ("HB-004", "安装", "HB-PC-03", D(2025, 3, 5)),
        # 2025-06-10: HB-PC-03 moves to 统信UOS (its apps reinstalled); its Windows 10 OEM copy
        # is taken off, and logged the same day on HB-PC-06, a computer added that day.
        ("HB-001", "卸载", "HB-PC-03", D(2025, 6, 10)), ("HB-003", "卸载", "HB-PC-03", D(2025, 6, 10)),
        ("HB-004", "卸载", "HB-PC-03", D(2025, 6, 10)), ("HB-002", "安装", "HB-PC-03", D(2025, 6, 10)),
        ("HB-003", "安装", "HB-PC-03", D(2025, 6, 10)), ("HB-004", "安装", "HB-PC-03", D(2025, 6, 10)),
        ("HB-001", "安装", "HB-PC-06", D(2025, 6, 10)),  # PLANTED ZB311
        ("HB-003", "安装", "HB-PC-06", D(2025, 6, 10)), ("HB-004", "安装", "HB-PC-06", D(2025, 6, 10)),
        ("HB-002", "安装", "HB-PC-04", D(2025, 6, 12)), ("HB-003", "安装", "HB-PC-04", D(2025, 6, 12)),
        ("HB-004", "安装", "HB-PC-04", D(2025, 6, 12)),
        ("HB-002", "安装", "HB-PC-05", D(2025, 6, 12)), ("HB-003", "安装", "HB-PC-05", D(2025, 6, 13)),
        ("HB-004", "安装", "HB-PC-05", D(2025, 6, 13)), ("HB-005", "安装", "HB-PC-05", D(2025, 6, 13)),
        # PLANTED ZB310: an install logged ahead for a laptop on order, dated after the check
        # date; the summary and the usage ledger rightly leave it out.
        ("HB-004", "安装", "HB-PC-07", D(2026, 12, 8)),
    ]
    as_of = D(2026, 11, 25)
    # What each computer holds at the check date, and since when.
    holds = {}
    for sid, action, pc, when in log:
        if when > as_of:
            continue
        if action == "安装":
            holds[(pc, sid)] = when
        else:
            holds.pop((pc, sid), None)
    count = {sid: sum(1 for (_, s) in holds if s == sid) for sid in software}

    def title(ws, text, ncols):
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
        ws.cell(1, 1, text).font = Font(size=14, bold=True)
        ws.cell(1, 1).alignment = CENTER

    def header(ws, heads):
        for c, h in enumerate(heads, 1):
            ws.cell(2, c, h).font = Font(bold=True)
        ws.freeze_panes = "A3"

    empty_header = header_model()

    # --- Sheet 1: 软件汇总 ---
    ws = wb.active
    ws.title = "软件汇总"
    heads = ["软件编号", "软件名称", "软件版本", "软件类型", "采购时间", "采购金额(元)", "许可类型", "许可数量", "可使用版本",
             "许可期限(年)", "序列号", "安装数量"]
    title(ws, "软件使用情况汇总表", len(heads))
    header(ws, heads)
    # The export carries no 单位名称/填表人/联系电话/填表日期: ZB005 says so once per table.
    expected.append(("ZB005", "软件汇总", "A1"))
    rows = []
    for i, (sid, (name, version, kind, lic, marked)) in enumerate(software.items()):
        r = 3 + i
        shown = f"* {name}" if marked else name
        vals = [sid, shown, version or None, kind]
        if lic:
            vals += [lic["bought"], lic["amount"], lic["type"], lic["n"], lic["usable"], lic["term"], lic["serial"]]
        else:
            vals += [None] * 7
        vals.append(count[sid])
        for c, v in enumerate(vals, 1):
            if v is not None:
                ws.cell(r, c, v)
        rec = Rec()
        rec.put("id", sid, a1(r, 1)).put("name", name, a1(r, 2))
        rec.put("version", None if kind == "免费软件" else version, None if kind == "免费软件" else a1(r, 3))
        rec.put("kind", KINDS[kind], a1(r, 4))
        if lic:
            bought = dt.date.fromisoformat(lic["bought"])
            term = "perpetual" if lic["term"] == "永久" else ("years", lic["term"])
            rec.put("purchased_on", lic["bought"], a1(r, 5)).put("amount", float(lic["amount"]), a1(r, 6))
            rec.put("license_type", lic["type"], a1(r, 7)).put("license_count", lic["n"], a1(r, 8))
            rec.put("usable_versions", [lic["usable"]], a1(r, 9))
            rec.put("term", term_model(term, bought), a1(r, 10)).put("serial", lic["serial"], a1(r, 11))
            if sid == "HB-003":
                # PLANTED ZB113: 3 (years) from 2024-01-15 ends 2027-01-14, 50 days after the
                # check date — found only if the bare number is read as years.
                expected.append(("ZB113", "软件汇总", a1(r, 10)))
        else:
            for key in ("purchased_on", "amount", "license_type", "license_count", "usable_versions", "term",
                        "serial"):
                rec.put(key, None)
        rec.put("installed", count[sid], a1(r, 12))
        rows.append(rec.done())
    # The summary's header always states its counts, here none.
    no_counts = {k: None for k in ("people_total", "people_using", "servers", "desktops", "laptops")}
    summary_model = {"sheet": "软件汇总", "header": header_model(counts=no_counts), "rows": rows}

    # --- Sheet 2: 软件明细 ---
    ws = wb.create_sheet("软件明细")
    heads = ["部门", "姓名", "计算机编号", "计算机品牌", "软件编号", "软件名称", "软件版本", "许可期限", "软件类型", "安装日期"]
    title(ws, "软件使用情况明细表", len(heads))
    header(ws, heads)
    expected.append(("ZB005", "软件明细", "A1"))
    rows = []
    r = 3
    for pc, (dept, user, brand) in computers.items():
        for sid in software:
            if (pc, sid) not in holds:
                continue
            name, version, kind, lic, _ = software[sid]
            when = holds[(pc, sid)]
            term = lic["term"] if lic else None
            vals = [dept, user, pc, brand, sid, name, version or None, term, kind, when.isoformat()]
            for c, v in enumerate(vals, 1):
                if v is not None:
                    ws.cell(r, c, v)
            rec = Rec()
            for c, key in enumerate(("department", "user", "computer", "brand", "id", "name"), 1):
                rec.put(key, vals[c - 1], a1(r, c))
            rec.put("version", version or None, a1(r, 7))
            tm = None if term is None else ("perpetual" if term == "永久" else ("years", term))
            rec.put("term", term_model(tm, usage=True), a1(r, 8))
            rec.put("kind", KINDS[kind], a1(r, 9)).put("installed_on", when.isoformat(), a1(r, 10))
            rows.append(rec.done())
            r += 1
    usage_model = {"sheet": "软件明细", "header": empty_header, "rows": rows}

    # --- Sheet 3: 安装维护 (one flat log) ---
    ws = wb.create_sheet("安装维护")
    heads = ["软件编号", "软件名称", "安装/卸载", "计算机编号", "计算机品牌", "使用人", "使用部门", "安装/卸载版本",
             "安装/卸载日期", "安装数量"]
    title(ws, "软件安装维护情况明细表", len(heads))
    header(ws, heads)
    expected.append(("ZB005", "安装维护", "A1"))
    tables = {}
    for i, (sid, action, pc, when) in enumerate(log):
        r = 3 + i
        name, version, kind, lic, marked = software[sid]
        dept, user, brand = computers[pc]
        vals = [sid, f"* {name}" if marked else name, action, pc, brand, user, dept, version or None, when, 1]
        for c, v in enumerate(vals, 1):
            if v is not None:
                cell = ws.cell(r, c, v)
                if isinstance(v, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        if sid == "HB-001" and pc == "HB-PC-06":
            expected.append(("ZB311", "安装维护", a1(r, 4)))
        if when > as_of:
            expected.append(("ZB310", "安装维护", a1(r, 9)))
        e = Rec()
        e.put("action", "install" if action == "安装" else "uninstall", a1(r, 3))
        e.put("computer", pc, a1(r, 4)).put("brand", brand, a1(r, 5)).put("user", user, a1(r, 6))
        e.put("department", dept, a1(r, 7)).put("version", version or None, a1(r, 8))
        e.put("date", when.isoformat(), a1(r, 9)).put("count", 1, a1(r, 10))
        if sid not in tables:
            info = Rec()
            info.put("id", sid, a1(r, 1)).put("name", name, a1(r, 2)).put("version", None)
            info.put("kind", None).put("license_count", None).put("usable_versions", None).put("term", None)
            tables[sid] = {"sheet": "安装维护", "id": sid, "header": empty_header, "info": info.done(),
                           "events": []}
        tables[sid]["events"].append(e.done())
    maintenance_models = list(tables.values())

    # --- Sheet 4: 免费软件 ---
    ws = wb.create_sheet("免费软件")
    heads = ["软件编号", "软件名称", "软件版本", "软件来源", "软件厂商名称", "软件厂商客服联系方式", "使用部门", "使用原因"]
    title(ws, "可使用免费软件清单", len(heads))
    header(ws, heads)
    expected.append(("ZB005", "免费软件", "A1"))
    free = [("HB-005", "7-Zip", "24.08", "官网下载", "Igor Pavlov", "https://www.7-zip.org", "综合科、执法支队", "压缩解压"),
            ("HB-006", "搜狗输入法", "15.1", "官网下载", "北京搜狗科技发展有限公司", "010-56899999", "综合科", "中文输入")]
    rows = []
    for i, row in enumerate(free):
        r = 3 + i
        rec = Rec()
        for c, (key, v) in enumerate(zip(("id", "name", "version", "source", "vendor", "vendor_contact",
                                          "departments", "reason"), row), 1):
            ws.cell(r, c, v)
            rec.put(key, v, a1(r, c))
        rows.append(rec.done())
    free_model = {"sheet": "免费软件", "header": empty_header, "rows": rows}
    for ws in wb.worksheets:
        for col in range(1, 13):
            ws.column_dimensions[get_column_letter(col)].width = 16
    wb.save(os.path.join(HERE, "city-ecology-bureau.xlsx"))
    write_model("city-ecology-bureau", {"summary": summary_model, "usage": usage_model,
                                        "maintenance": maintenance_models, "free_list": free_model})
    return {"as_of": "2026-11-25", "expected": [dict(code=c, sheet=s, cell=a) for c, s, a in expected]}


if __name__ == "__main__":
    makers = [("county-statistics-bureau", county_statistics_bureau),
              ("city-approval-bureau", city_approval_bureau),
              ("district-education-bureau", district_education_bureau),
              ("county-water-bureau", county_water_bureau),
              ("city-ecology-bureau", city_ecology_bureau)]
    wanted = set(sys.argv[1:])
    unknown = wanted - {n for n, _ in makers}
    if unknown:
        sys.exit(f"unknown workbook: {', '.join(sorted(unknown))}")
    for name, make in makers:
        if wanted and name not in wanted:
            continue
        manifest = make()
        with open(os.path.join(HERE, f"{name}.json"), "w", encoding="utf-8") as f:
            json.dump(manifest, f, ensure_ascii=False, indent=2)
            f.write("\n")
        print(name, len(manifest["expected"]), "planted faults")
