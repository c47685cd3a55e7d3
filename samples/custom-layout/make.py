#!/usr/bin/env python3
"""A unit whose usage ledger uses words no template has (机号, 用户, 处科室, 程序 …): the
reader cannot place it by itself, and `zhengban.toml` beside this script says what it is.
Written with openpyxl; run: python3 samples/custom-layout/make.py (writes 信息中心台账.xlsx)."""
import datetime as dt
import os

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

HERE = os.path.dirname(os.path.abspath(__file__))
thin = Side(style="thin")
BOX = Border(left=thin, right=thin, top=thin, bottom=thin)
WRAP = Alignment(horizontal="center", vertical="center", wrap_text=True)
UNIT = "某区大数据服务中心"
HEAD = f"单位名称（盖章）：{UNIT}　　填表人：宋晓琳　　联系电话：0851-86812345　　填表日期：2026年11月12日"

SOFT = [  # id, name, version, type, purchased, amount, license type, count, usable, term, serial
    ("DS-01", "Windows 11 专业版", "23H2", "OEM软件"),
    ("DS-02", "WPS Office 2019 专业版", "2019", "商业软件", dt.date(2024, 5, 6), 2400, "批量许可", 6, "2019", "永久", "WPS-DS-2024-0506"),
    ("DS-03", "火绒终端安全管理系统", "V2.0", "商业软件", dt.date(2025, 3, 3), 900, "批量许可", 6, "V2.0", "2025.3.3-2028.3.2", "HR-DS-2025-0303"),
    ("DS-04", "7-Zip", "", "免费软件"),
]
PCS = [  # computer, brand, user, dept, os date
    ("DS-PC-01", "联想", "宋晓琳", "综合科", dt.date(2024, 5, 8)),
    ("DS-PC-02", "联想", "马骏", "综合科", dt.date(2024, 5, 8)),
    ("DS-PC-03", "华为", "赵敏", "数据科", dt.date(2024, 5, 9)),
    ("DS-PC-04", "华为", "钱伟", "数据科", dt.date(2024, 5, 9)),
]
INSTALLS = []  # (pc, brand, user, dept, software id, date)
for pc, brand, user, dept, day in PCS:
    INSTALLS.append((pc, brand, user, dept, "DS-01", day))
    INSTALLS.append((pc, brand, user, dept, "DS-02", day + dt.timedelta(days=1)))
    INSTALLS.append((pc, brand, user, dept, "DS-03", dt.date(2025, 3, 5)))
INSTALLS.append(("DS-PC-02", "联想", "马骏", "综合科", "DS-04", dt.date(2025, 6, 3)))
COUNT = {s[0]: sum(1 for i in INSTALLS if i[4] == s[0]) for s in SOFT}


def box(ws, r0, r1, c0, c1):
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            ws.cell(r, c).border = BOX


wb = Workbook()
wb.properties.creator = "某区大数据服务中心"
wb.properties.created = wb.properties.modified = dt.datetime(2026, 11, 12, 9, 0, 0)

ws = wb.active
ws.title = "汇总"
ws.append(["软件使用情况汇总表"])
ws.append([HEAD])
ws.append(["人员情况", "总人数", 6, "使用计算机人数", 4])
ws.append(["计算机情况", "服务器数", 0, "台式机数", 4, "便携机数", 0])
ws.append(["序号", "软件编号", "软件名称", "软件版本", "软件类型", "采购时间", "采购金额\n（单位:元）", "许可类型",
           "许可数量", "可使用版本", "许可期限", "序列号", "安装数量"])
for n, s in enumerate(SOFT, 1):
    if s[3] == "商业软件":
        ws.append([n, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], COUNT[s[0]]])
        ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
    else:
        ws.append([n, s[0], s[1], s[2] if s[3] == "OEM软件" else "", s[3]] + ["—"] * 7 + [COUNT[s[0]]])
box(ws, 5, ws.max_row, 1, 13)

# The usage ledger in the centre's own words: nothing here says 计算机编号 or 软件名称.
ws = wb.create_sheet("登记")
ws.append(["中心机房终端程序登记"])
ws.append([HEAD])
ws.append(["序号", "处科室", "用户", "机号", "机型", "程序编号", "程序", "程序版本", "授权至", "性质", "装机日"])
for n, (pc, brand, user, dept, sid, day) in enumerate(INSTALLS, 1):
    s = next(x for x in SOFT if x[0] == sid)
    term = s[9] if s[3] == "商业软件" else "—"
    ws.append([n, dept, user, pc, brand, sid, s[1], s[2], term, s[3], day])
    ws.cell(ws.max_row, 11).number_format = "yyyy-mm-dd"
box(ws, 3, ws.max_row, 1, 11)

for s in SOFT:
    ws = wb.create_sheet(f"维护-{s[0]}")
    ws.append(["软件安装维护情况明细表"])
    ws.append([f"单位名称：{UNIT}　　填表人：宋晓琳　　联系电话：0851-86812345"])
    ws.append(["一、软件基本信息"])
    ws.append(["软件编号", "软件名称", "软件版本", "软件类型", None, None, "许可数量", "可使用版本", "许可期限"])
    ws.append([None, None, None, "商业软件", "OEM软件", "免费软件"])
    boxes = ["☑" if s[3] == k else "□" for k in ("商业软件", "OEM软件", "免费软件")]
    if s[3] == "商业软件":
        ws.append([s[0], s[1], s[2]] + boxes + [s[7], s[8], s[9]])
    else:
        ws.append([s[0], s[1], s[2]] + boxes + ["—", "—", "—"])
    ws.merge_cells("D4:F4")
    ws.append(["二、软件安装卸载明细"])
    ws.append(["序号", "安装", "卸载", "计算机编号", "计算机品牌", "使用人", "使用部门", "安装/卸载版本", "安装/卸载日期", "安装数量"])
    n = 0
    for pc, brand, user, dept, sid, day in INSTALLS:
        if sid == s[0]:
            n += 1
            ws.append([n, "☑", "□", pc, brand, user, dept, s[2] or "—", day, 1])
            ws.cell(ws.max_row, 9).number_format = "yyyy-mm-dd"

ws = wb.create_sheet("免费软件")
ws.append(["可使用免费软件清单"])
ws.append([HEAD])
ws.append(["序号", "软件编号", "软件名称", "软件版本", "软件来源", "软件厂商名称", "软件厂商\n客服联系方式", "使用部门", "使用原因"])
ws.append([1, "DS-04", "7-Zip", "24.08", "官网下载", "Igor Pavlov", "https://www.7-zip.org", "综合科", "压缩、解压文件"])

wb.save(os.path.join(HERE, "信息中心台账.xlsx"))
