#!/usr/bin/env python3
"""Ledgers laid out the way offices lay out their own (tests/layouts/README.md).

Each layout is one imagined office. From one data model of the unit (its computers, software,
installs and maintenance history) the generator writes three workbooks and a manifest:

  NAME.clean.xlsx   a correct, internally consistent unit: no error and no warning expected;
  NAME.faulty.xlsx  the same unit with single-clerk mistakes planted, each listed in the
                    manifest with its rule code and the cell a clerk must fix;
  NAME.derive.xlsx  the clean unit with the figures `zhengban derive` must fill left empty;
  NAME.json         the manifest: planted faults, and the derived figures computed here,
                    from the generator's own data, by the rules of docs derive.md.

Expectations come from the data below and the rule catalogue, never from zhengban's output.
Written with openpyxl (never with zhengban's writer). Deterministic: fixed dates, fixed
docProps and zip timestamps, seeded randomness only: a rerun writes the same bytes.

Run: python3 tests/layouts/make_layouts.py [NAME ...]   then tests/layouts/resave.sh
"""
import copy
import datetime as dt
import io
import json
import os
import random
import re
import sys
import zipfile
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = dt.date(2026, 11, 25)
YEAR = 2026
D = dt.date
DAY = dt.timedelta(days=1)
SP = "\u3000"  # full-width space, as offices separate "label：value" pairs

thin = Side(style="thin")
BOX = Border(left=thin, right=thin, top=thin, bottom=thin)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def fixed_props(wb, creator):
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.created = dt.datetime(2026, 11, 1, 9, 0, 0)
    wb.properties.modified = dt.datetime(2026, 11, 1, 9, 0, 0)


def save_reproducibly(wb, path):
    """Save so that a rerun writes the same bytes: openpyxl stamps the save time into
    docProps/core.xml and every zip entry; both are set back to the fixed creation time."""
    buf = io.BytesIO()
    wb.save(buf)
    stamp = "2026-11-01T09:00:00Z"
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp.encode() + rb"\g<2>", data)
            out = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 1, 9, 0, 0))
            out.compress_type = zipfile.ZIP_DEFLATED
            out.external_attr = info.external_attr
            dst.writestr(out, data)


def a1(r, c):
    return f"{get_column_letter(c)}{r}"


# =======================================================================================
# The data model of one unit
# =======================================================================================
@dataclass(frozen=True)
class Term:
    """许可期限: perpetual (word), a range start–end, or a duration of n years from 采购时间."""
    form: str  # perpetual | range | years
    start: dt.date = None
    end: dt.date = None
    n: int = None
    word: str = "永久"

    def end_on(self, purchased):
        if self.form == "perpetual":
            return None
        if self.form == "range":
            return self.end
        return D(purchased.year + self.n, purchased.month, purchased.day) - DAY


PERPETUAL = Term("perpetual")


def rng(start, end):
    return Term("range", start=start, end=end)


def years(n):
    return Term("years", n=n)


@dataclass
class Soft:
    sid: str
    name: str
    version: str  # "" for free software (台账 一.9)
    kind: str  # commercial | oem | free
    cat: str  # os | office | antivirus | other   (the truth the statistics use)
    origin: str  # domestic | foreign
    purchased: dt.date = None  # 采购时间 (None: received by transfer/gift, or not commercial)
    month_only: bool = False  # 采购时间 written as year-month
    amount: float = None  # 采购金额, 元
    ltype: str = None  # 许可类型
    lcount: int = None  # 许可数量
    usable: str = None  # 可使用版本
    term: Term = None  # 许可期限
    serial: str = None  # 序列号 / 许可证（授权书）编号
    supplier: str = None  # 供货商 (own ledgers only)
    # free list columns
    fversion: str = None
    source: str = None
    vendor: str = None
    contact: str = None
    fdepts: str = None
    reason: str = None
    note: str = None


@dataclass
class PC:
    dept: str
    user: str
    pc: str
    brand: str
    ptype: str  # desktop | laptop | server
    os: str  # 软件编号 of its operating system
    os_date: dt.date
    room: str = None
    place: str = None  # building / sheet group
    asset: str = None  # fixed-asset code (hidden helper columns)


@dataclass
class Use:
    pc: str
    sid: str
    date: dt.date


@dataclass
class Ev:
    action: str  # install | uninstall
    pc: str
    date: dt.date
    brand: str
    user: str
    dept: str
    tag: str = None  # marks a planted row


@dataclass
class Unit:
    name: str
    filler: str
    phone: str
    filled: dt.date  # 填表日期 of the ledgers
    people_total: int
    servers: int
    desktops: int
    laptops: int
    pcs: list
    soft: dict  # sid -> Soft, in summary order
    uses: list = field(default_factory=list)
    events: dict = field(default_factory=dict)  # sid -> [Ev] in date order
    head: tuple = None  # (部门名称, 负责人, 电话, 传真) for the statistics table
    plan: list = None  # purchase plan rows (name, version, price, count, note)
    plan_date: dt.date = None
    sheet_filled: dict = field(default_factory=dict)  # own 填表日期 of split usage sheets

    def pcmap(self):
        return {p.pc: p for p in self.pcs}

    def users(self):
        return sorted({p.user for p in self.pcs})

    def installed(self, sid):
        return sum(1 for u in self.uses if u.sid == sid)


def build(unit, apps, history=()):
    """Fill unit.uses and unit.events.

    apps: (sid, [pc ids], first day): each listed computer gets sid on max(first day, the day
    after its OS install), staggered by a day or two.
    history: ("reinstall", sid, pc, first, uninstalled, reinstalled): the usage date is the
    reinstall; ("retired", sid, PC, installed, uninstalled): a scrapped computer's copy, freed
    before the license went to a new computer.
    """
    pcs = unit.pcmap()
    when = {}
    for p in unit.pcs:
        when[(p.pc, p.os)] = p.os_date
    for sid, sel, first in apps:
        for i, pc in enumerate(sel):
            p = pcs[pc]
            assert (pc, sid) not in when, (pc, sid)
            when[(pc, sid)] = max(first, p.os_date + DAY) + dt.timedelta(days=i % 3)
    extra = {}
    for h in history:
        if h[0] == "reinstall":
            _, sid, pc, first, un, re = h
            assert (pc, sid) in when
            when[(pc, sid)] = re
            p = pcs[pc]
            extra.setdefault(sid, []).extend([Ev("install", pc, first, p.brand, p.user, p.dept),
                                              Ev("uninstall", pc, un, p.brand, p.user, p.dept)])
        elif h[0] == "retired":
            _, sid, p, first, un = h
            extra.setdefault(sid, []).extend([Ev("install", p.pc, first, p.brand, p.user, p.dept),
                                              Ev("uninstall", p.pc, un, p.brand, p.user, p.dept)])
    order = list(unit.soft)
    unit.uses = []
    for p in unit.pcs:
        mine = sorted((sid for (pc, sid) in when if pc == p.pc),
                      key=lambda s: (s != p.os, order.index(s)))
        for sid in mine:
            unit.uses.append(Use(p.pc, sid, when[(p.pc, sid)]))
    unit.events = {}
    for sid in unit.soft:
        evs = list(extra.get(sid, []))
        for u in unit.uses:
            if u.sid == sid:
                p = pcs[u.pc]
                evs.append(Ev("install", u.pc, u.date, p.brand, p.user, p.dept))
        evs.sort(key=lambda e: (e.date, e.action != "uninstall"))
        unit.events[sid] = evs
    return unit


# ---------------------------------------------------------------------------------------
# Editions and genuinely free products (ZB121, ZB122, ZB123)
# ---------------------------------------------------------------------------------------
EDITIONS = ("专业版", "企业版", "标准版", "旗舰版", "专业增强版", "数据中心版", "党政版", "政务版")
HOME = ("家庭", "个人版", "学生版", "Home")
FREE_OK = ("7-Zip", "福昕阅读器", "Google Chrome", "Mozilla Firefox", "搜狗输入法", "CAJViewer")


def validate(u):
    """The clean unit must satisfy every rule of rules.md (and the five new ones). Raises."""
    pcs = u.pcmap()
    bad = []

    def need(ok, what):
        if not ok:
            bad.append(what)

    horizon = AS_OF - dt.timedelta(days=182)
    need(horizon <= u.filled <= AS_OF, f"填表日期 {u.filled}")
    for k, v in u.sheet_filled.items():
        need(horizon <= v <= AS_OF, f"{k} 填表日期 {v}")
    users = u.users()
    need(len(users) <= u.people_total, "使用计算机人数 > 总人数")
    need(len(u.pcs) <= u.servers + u.desktops + u.laptops, "ZB408")
    for t in ("server", "desktop", "laptop"):
        need(sum(1 for p in u.pcs if p.ptype == t) <= getattr(u, t + "s"), f"{t} count")
    need(len({p.pc for p in u.pcs}) == len(u.pcs), "duplicate computer")
    serials = [s.serial for s in u.soft.values() if s.serial]
    need(len(serials) == len(set(serials)), "ZB124 serial shared")
    names = [s.name for s in u.soft.values() if s.kind == "free"]
    need(len(names) == len(set(names)), "ZB106")
    for s in u.soft.values():
        n = u.installed(s.sid)
        full = f"{s.name} {s.version}"
        if s.cat in ("os", "office"):
            need(any(e in full for e in EDITIONS), f"ZB123 {s.sid}")
            need(not any(h in full for h in HOME), f"ZB121 {s.sid}")
        if s.kind == "commercial":
            need(s.ltype and s.lcount and s.usable and s.term and s.serial, f"ZB109/119 {s.sid}")
            need(s.purchased is not None and s.amount, f"采购时间/采购金额 {s.sid}")
            need(n <= s.lcount, f"ZB111 {s.sid}")
            if s.purchased:
                need(s.purchased <= u.filled, f"ZB117 {s.sid}")
                end = s.term.end_on(s.purchased)
                if s.term.form == "range":
                    need(s.term.start >= s.purchased, f"ZB125 {s.sid}")
            else:
                need(s.term.form != "years", f"duration without 采购时间 {s.sid}")
                end = s.term.end_on(None)
            need(end is None or end.year >= 2028, f"term end {s.sid} {end}")
        else:
            need(s.purchased is None and s.amount is None and s.lcount is None and s.serial is None,
                 f"ZB107/108 {s.sid}")
        if s.kind == "free":
            need(s.version == "" and s.name in FREE_OK, f"free {s.sid}")
    # usage: one OS per computer, installed first; dates in the past and after purchase
    for p in u.pcs:
        mine = [x for x in u.uses if x.pc == p.pc]
        oses = [x for x in mine if u.soft[x.sid].cat == "os"]
        need(len(oses) == 1 and oses[0].sid == p.os, f"one OS on {p.pc}")
        need(len({x.sid for x in mine}) == len(mine), f"ZB204 {p.pc}")
        for x in mine:
            need(x.date >= p.os_date, f"ZB209 {p.pc} {x.sid}")
            lim = u.sheet_filled.get(p.place, u.filled)
            need(x.date <= lim, f"ZB205 {p.pc} {x.sid}")
            s = u.soft[x.sid]
            if s.kind == "commercial" and s.purchased:
                first = s.purchased if not s.month_only else D(s.purchased.year, s.purchased.month, 28) + 4 * DAY
                need(x.date >= first, f"ZB416 {p.pc} {x.sid}")
                end = s.term.end_on(s.purchased)
                need(end is None or x.date <= end, f"ZB208 {p.pc} {x.sid}")
    # maintenance: replay gives the usage computers; no fault on the way
    for sid, evs in u.events.items():
        s = u.soft[sid]
        need([e.date for e in evs] == sorted(e.date for e in evs), f"ZB306 {sid}")
        held = set()
        peak = 0
        for e in evs:
            need(e.date <= u.filled and e.date <= AS_OF, f"ZB310/413 {sid}")
            if s.kind == "commercial" and s.purchased:
                need(e.date >= s.purchased, f"ZB416 maint {sid}")
            if e.pc in pcs:
                need(e.brand == pcs[e.pc].brand, f"ZB417 {sid}")
                need(e.date >= pcs[e.pc].os_date, f"before OS {sid} {e.pc}")
            if e.action == "install":
                need(e.pc not in held, f"ZB305 {sid} {e.pc}")
                held.add(e.pc)
            else:
                need(e.pc in held, f"ZB304 {sid} {e.pc}")
                need(s.kind != "oem", f"ZB311 {sid}")
                held.discard(e.pc)
            peak = max(peak, len(held))
        need(held == {x.pc for x in u.uses if x.sid == sid}, f"ZB407 {sid}")
        if s.kind == "commercial":
            need(peak <= s.lcount, f"ZB307 {sid}")
    if u.plan:
        need(u.plan_date and horizon <= u.plan_date <= AS_OF, "plan date")
    if bad:
        raise SystemExit(f"{u.name}: clean unit breaks: {bad}")


def first_over(u, sid):
    """Index of the event after which the replay first holds more copies than licensed."""
    held = set()
    for i, e in enumerate(u.events[sid]):
        if e.action == "install":
            held.add(e.pc)
        else:
            held.discard(e.pc)
        if len(held) > u.soft[sid].lcount:
            return i
    raise AssertionError(f"{sid}: never over the license")


# ---------------------------------------------------------------------------------------
# What derive must compute (derive.md), from the model
# ---------------------------------------------------------------------------------------
def statistics(u, year=YEAR):
    end_y = D(year, 12, 31)
    purchases = {o: {c: [0, 0.0] for c in ("os", "office", "antivirus")} for o in ("domestic", "foreign")}
    holdings = {o: {c: 0 for c in ("os", "office", "antivirus")} for o in ("domestic", "foreign")}
    for s in u.soft.values():
        if s.cat not in ("os", "office", "antivirus"):
            continue
        if s.kind == "commercial":
            if s.purchased and s.purchased.year == year:
                purchases[s.origin][s.cat][0] += s.lcount
                purchases[s.origin][s.cat][1] += s.amount
            got = s.purchased is None or s.purchased <= end_y
            end = s.term.end_on(s.purchased)
            if got and (end is None or end >= end_y):
                holdings[s.origin][s.cat] += s.lcount
        elif s.kind == "oem" and s.cat == "os":
            holdings[s.origin]["os"] += u.installed(s.sid)
    for o in purchases:
        for c in purchases[o]:
            purchases[o][c][1] = round(purchases[o][c][1] / 10000, 4)
    return {"people": {"total": u.people_total, "using": len(u.users())},
            "computers": {"servers": u.servers, "desktops": u.desktops, "laptops": u.laptops,
                          "total": u.servers + u.desktops + u.laptops},
            "purchases": purchases, "holdings": holdings}


# =======================================================================================
# Writing cells: formats, overrides, positions
# =======================================================================================
class Raw:
    """An override written exactly as given (no formatting by the layout's style)."""

    def __init__(self, value, fmt=None):
        self.value, self.fmt = value, fmt


class Blank:
    pass


BLANK = Blank()


def fmt_date(d, form, month_only=False):
    """(value, number_format) of a date in one of the forms offices type."""
    if d is None:
        return None, None
    if month_only:
        return {"cn": f"{d.year}年{d.month}月", "num8": f"{d.year}.{d.month}"}.get(form, f"{d.year}.{d.month}"), None
    if form == "xl":
        return d, "yyyy-mm-dd"
    if form == "xl_cn":
        return d, 'yyyy"年"m"月"d"日"'
    if form == "xl_slash":
        return d, "yyyy/m/d"
    if form == "dot":
        return f"{d.year}.{d.month}.{d.day}", None
    if form == "cn":
        return f"{d.year}年{d.month}月{d.day}日", None
    if form == "num8":
        return int(d.strftime("%Y%m%d")), "0"
    if form == "txt8":
        return d.strftime("%Y%m%d"), None
    if form == "slash":
        return f"{d.year}/{d.month}/{d.day}", None
    raise ValueError(form)


def date_text(d, form):
    v, _ = fmt_date(d, form)
    if isinstance(v, dt.date):
        return f"{d.year}年{d.month}月{d.day}日"
    return str(v)


def fmt_term(t, form):
    if t is None:
        return None
    if t.form == "perpetual":
        return t.word
    if t.form == "years":
        return f"{t.n}年"
    s, e = t.start, t.end
    if form == "cn":
        return f"{s.year}年{s.month}月{s.day}日至{e.year}年{e.month}月{e.day}日"
    return f"{s.year}.{s.month}.{s.day}-{e.year}.{e.month}.{e.day}"


def fmt_money(x, form):
    if x is None:
        return None
    if form == "num":
        return x
    if form == "comma":
        return f"{x:,.2f}"
    if form == "yuan":
        return f"{x:g}元"
    if form == "yen":
        return f"¥{x:,.2f}"
    raise ValueError(form)


FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def fmt_count(n, form):
    if n is None:
        return None
    if form == "num":
        return n
    if form == "ge":
        return f"{n}个"
    if form == "tao":
        return f"{n}套"
    if form == "tai":
        return f"{n}台"
    if form == "fw":
        return str(n).translate(FULLWIDTH)
    raise ValueError(form)


class Book:
    """A workbook being written, with the model-key → cell map the manifest needs."""

    def __init__(self, creator, style, variant, ov):
        self.wb = Workbook()
        fixed_props(self.wb, creator)
        self.fresh = True
        self.style = style
        self.variant = variant
        self.ov = dict(ov)
        self.used = set()
        self.pos = {}

    def sheet(self, title):
        if self.fresh:
            ws = self.wb.active
            ws.title = title
            self.fresh = False
        else:
            ws = self.wb.create_sheet(title)
        return ws

    def note(self, key, ws, r, c):
        self.pos.setdefault(key, []).append((ws.title, a1(r, c)))

    def put(self, ws, r, c, value, key=None, kind="text", fmt=None, align=None, bold=False, month_only=False):
        """Write a model value formatted by the layout's style; an override for key wins."""
        if key is not None and key in self.ov:
            value = self.ov[key]
            self.used.add(key)
        if isinstance(value, Raw):
            value, fmt = value.value, value.fmt
        elif isinstance(value, Blank):
            value = None
        elif kind == "date":
            value, f = fmt_date(value, self.style.get("date", "xl"), month_only)
            fmt = fmt or f
        elif kind == "pdate":
            value, f = fmt_date(value, self.style.get("pdate", self.style.get("date", "xl")), month_only)
            fmt = fmt or f
        elif kind == "term":
            value = fmt_term(value, self.style.get("term", "dot"))
        elif kind == "money":
            value = fmt_money(value, self.style.get("money", "num"))
        elif kind == "count":
            value = fmt_count(value, self.style.get("count", "num"))
        cell = ws.cell(r, c, value)
        if fmt:
            cell.number_format = fmt
        if align is not None:
            cell.alignment = align
        if bold:
            cell.font = Font(bold=True)
        if key is not None:
            self.note(key, ws, r, c)
        return cell

    def cells(self, key):
        return [f"{s}!{c}" for s, c in self.pos[key]]

    def save(self, path):
        unused = set(self.ov) - self.used
        assert not unused, f"overrides never written: {unused}"
        save_reproducibly(self.wb, path)


def title(ws, r, text, c0, c1, size=16):
    ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=c1)
    cell = ws.cell(r, c0, text)
    cell.font = Font(size=size, bold=True)
    cell.alignment = CENTER
    ws.row_dimensions[r].height = 30


def merged_text(ws, r, text, c0, c1, align=LEFT, height=None):
    ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=c1)
    cell = ws.cell(r, c0, text)
    cell.alignment = align
    if height:
        ws.row_dimensions[r].height = height
    return cell


def boxed(ws, r0, r1, c0, c1):
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            ws.cell(r, c).border = BOX


def widths(ws, ws_widths):
    for i, w in enumerate(ws_widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def header_rows(ws, r, cols, height=None):
    """cols: (text, field[, group]). One row, or two when any column has a group: the group
    merged over its columns, the others merged down. Returns (next row, {field: column})."""
    grouped = any(len(c) > 2 and c[2] for c in cols)
    where = {}
    if not grouped:
        for i, col in enumerate(cols, 1):
            ws.cell(r, i, col[0]).alignment = CENTER
            ws.cell(r, i).font = Font(bold=True)
            where[col[1]] = i
        if height:
            ws.row_dimensions[r].height = height
        return r + 1, where
    i = 1
    while i <= len(cols):
        col = cols[i - 1]
        g = col[2] if len(col) > 2 else None
        if not g:
            ws.cell(r, i, col[0]).alignment = CENTER
            ws.cell(r, i).font = Font(bold=True)
            ws.merge_cells(start_row=r, start_column=i, end_row=r + 1, end_column=i)
            where[col[1]] = i
            i += 1
            continue
        j = i
        while j <= len(cols) and len(cols[j - 1]) > 2 and cols[j - 1][2] == g:
            ws.cell(r + 1, j, cols[j - 1][0]).alignment = CENTER
            ws.cell(r + 1, j).font = Font(bold=True)
            where[cols[j - 1][1]] = j
            j += 1
        ws.cell(r, i, g).alignment = CENTER
        ws.cell(r, i).font = Font(bold=True)
        if j - 1 > i:
            ws.merge_cells(start_row=r, start_column=i, end_row=r, end_column=j - 1)
        i = j
    if height:
        ws.row_dimensions[r].height = height
        ws.row_dimensions[r + 1].height = height
    return r + 2, where


# =======================================================================================
# Table writers shared by the layouts (each layout picks columns, words and glyphs)
# =======================================================================================
KIND_WORDS = {
    "national": {"commercial": "商业软件", "oem": "OEM软件", "free": "免费软件"},
    "source": {"commercial": "采购", "oem": "预装", "free": "免费"},
}
PTYPE_WORDS = {"desktop": "台式机", "laptop": "笔记本", "server": "服务器"}


def soft_value(bk, s, f, installed):
    """A summary cell's model value and kind for software s and field f."""
    dash = bk.style.get("dash", "—")
    com = s.kind == "commercial"
    if f == "sid":
        return s.sid, "text"
    if f == "name":
        return s.name, "text"
    if f == "version":
        return (s.version or None), "text"
    if f == "kind":
        return bk.style["kinds"][s.kind], "text"
    if f == "purchased":
        return (s.purchased if com and s.purchased else (dash if not com else None)), ("pdate" if com and s.purchased else "text")
    if f == "amount":
        return (s.amount if com and s.amount is not None else (dash if not com else None)), ("money" if com and s.amount is not None else "text")
    if f == "ltype":
        return (s.ltype if com else dash), "text"
    if f == "lcount":
        return (s.lcount if com else dash), ("count" if com else "text")
    if f == "usable":
        return (s.usable if com else dash), "text"
    if f == "term":
        return (s.term if com else dash), ("term" if com else "text")
    if f == "serial":
        return (s.serial if com else dash), "text"
    if f == "supplier":
        return (s.supplier or dash), "text"
    if f == "installed":
        return (installed if bk.variant != "derive" else None), "count"
    if f == "note":
        return s.note, "text"
    raise KeyError(f)


def summary_rows(bk, ws, r, u, cols, where, *, order=None, groups=None, boxes=None, spacer=False,
                 hidden_template=None, subtotal_label="小计", total_label="合计", seq_start=1,
                 subtotal_fields=("installed",), label_col=None, hidden_cols=(), total_row=False):
    """Data rows of a summary. groups: list of (kind, label) to group by type with 小计 rows
    (and a 合计 row at the end), or None for plain rows in `order`. boxes: (on, off) glyphs
    when the type is three checkbox columns kind:commercial/kind:oem/kind:free.
    Returns the next row."""
    order = order or list(u.soft)
    seq = seq_start
    shown = {}

    def row(s):
        nonlocal r, seq
        inst = u.installed(s.sid)
        for text, f, *_ in cols:
            c = where[f]
            key = ("S", s.sid, f)
            if f == "seq":
                bk.put(ws, r, c, seq)
            elif f.startswith("kind:"):
                on, off = boxes
                bk.put(ws, r, c, on if f[5:] == s.kind else off, key=("S", s.sid, "kind"), align=CENTER)
            elif f in hidden_cols:
                bk.put(ws, r, c, hidden_cols[f](s))
            else:
                v, kind = soft_value(bk, s, f, inst)
                cell = bk.put(ws, r, c, v, key=key, kind=kind, month_only=s.month_only)
                if f == "installed":
                    shown[s.sid] = cell.value
        seq += 1
        r += 1

    def num(v):
        if v is None:
            return 0
        if isinstance(v, (int, float)):
            return v
        digits = "".join(ch for ch in str(v).translate({ord(a): ord(b) for a, b in zip("０１２３４５６７８９", "0123456789")}) if ch.isdigit())
        return int(digits or 0)

    if not groups:
        for sid in order:
            row(u.soft[sid])
        if total_row:
            ws.cell(r, label_col or where["name"], total_label).font = Font(bold=True)
            if bk.variant != "derive":
                ws.cell(r, where["installed"], sum(num(v) for v in shown.values()))
            r += 1
        return r
    grand = {f: 0 for f in subtotal_fields}
    lc = label_col or where.get("name")
    for gi, (kind, label) in enumerate(groups):
        mine = [sid for sid in order if u.soft[sid].kind == kind]
        first = r
        for sid in mine:
            row(u.soft[sid])
        if hidden_template and kind in hidden_template:
            for _ in range(hidden_template[kind]):
                ws.cell(r, where["seq"], seq)
                if "kind" in where:
                    ws.cell(r, where["kind"], bk.style["kinds"][kind])
                ws.row_dimensions[r].hidden = True
                seq += 1
                r += 1
        ws.cell(r, lc, f"{label}{subtotal_label}" if label else subtotal_label).font = Font(bold=True)
        for f in subtotal_fields:
            if f == "installed":
                tot = sum(num(shown[sid]) for sid in mine)
            elif f == "lcount":
                tot = sum(u.soft[sid].lcount or 0 for sid in mine)
            elif f == "amount":
                tot = sum(u.soft[sid].amount or 0 for sid in mine)
            grand[f] += tot
            if f == "installed" and bk.variant == "derive":
                continue
            if kind != "commercial" and f in ("lcount", "amount"):
                continue
            ws.cell(r, where[f], tot)
        r += 1
        if spacer and gi < len(groups) - 1:
            r += 1
    ws.cell(r, lc, total_label).font = Font(bold=True)
    for f in subtotal_fields:
        if f == "installed" and bk.variant == "derive":
            continue
        ws.cell(r, where[f], grand[f])
    return r + 1


def usage_rows(bk, ws, r, u, uses, cols, where, *, boxes=None, merge=(), seq_start=1, hidden_cols=None):
    """Data rows of a usage ledger for `uses` (grouped by computer). merge: fields whose
    cells are merged over each computer's rows. boxes: (on, off) for kind:* columns."""
    pcs = u.pcmap()
    seq = seq_start
    hidden_cols = hidden_cols or {}
    i = 0
    while i < len(uses):
        j = i
        while j < len(uses) and uses[j].pc == uses[i].pc:
            j += 1
        first = r
        for k in range(i, j):
            x = uses[k]
            p = pcs[x.pc]
            s = u.soft[x.sid]
            for text, f, *_ in cols:
                c = where[f]
                key = ("U", x.pc, x.sid, f)
                if f in merge and k > i:
                    continue
                if f == "seq":
                    bk.put(ws, r, c, seq)
                elif f == "dept":
                    bk.put(ws, r, c, p.dept, key=key)
                elif f == "user":
                    bk.put(ws, r, c, p.user, key=key)
                elif f == "pc":
                    bk.put(ws, r, c, p.pc, key=key)
                elif f == "brand":
                    bk.put(ws, r, c, p.brand, key=key)
                elif f == "room":
                    bk.put(ws, r, c, p.room, key=key)
                elif f == "ptype":
                    bk.put(ws, r, c, PTYPE_WORDS[p.ptype], key=key)
                elif f in hidden_cols:
                    bk.put(ws, r, c, hidden_cols[f](p))
                elif f == "sid":
                    bk.put(ws, r, c, s.sid, key=key)
                elif f == "name":
                    bk.put(ws, r, c, s.name, key=key)
                elif f == "version":
                    bk.put(ws, r, c, s.version or None, key=key)
                elif f == "term":
                    com = s.kind == "commercial"
                    bk.put(ws, r, c, s.term if com else bk.style.get("udash"), key=key, kind="term" if com else "text")
                elif f == "kind":
                    bk.put(ws, r, c, bk.style["kinds"][s.kind], key=key)
                elif f.startswith("kind:"):
                    on, off = boxes
                    key = ("U", x.pc, x.sid, "kind")
                    if key in bk.ov:
                        glyphs = bk.ov[key]
                        bk.used.add(key)
                        v = glyphs[["kind:commercial", "kind:oem", "kind:free"].index(f)]
                    else:
                        v = on if f[5:] == s.kind else off
                    ws.cell(r, c, v).alignment = CENTER
                    bk.note(key, ws, r, c)
                elif f == "date":
                    bk.put(ws, r, c, x.date, key=key, kind="date")
                elif f == "note":
                    pass
                else:
                    raise KeyError(f)
            seq += 1
            r += 1
        for f in merge:
            c = where[f]
            if r - 1 > first:
                ws.merge_cells(start_row=first, start_column=c, end_row=r - 1, end_column=c)
            ws.cell(first, c).alignment = CENTER
        i = j
    return r


def event_rows(bk, ws, r, u, sid, cols, where, *, boxes=None, words=("安装", "卸载")):
    """Part 二 rows of one maintenance log. cols fields: seq, act (word) or act:install /
    act:uninstall (boxes), pc, brand, user, dept, version, date, count."""
    s = u.soft[sid]
    for i, e in enumerate(u.events[sid]):
        for text, f, *_ in cols:
            c = where[f]
            key = ("M", sid, i, f)
            if f == "seq":
                bk.put(ws, r, c, i + 1)
            elif f == "act":
                bk.put(ws, r, c, words[0] if e.action == "install" else words[1], key=key, align=CENTER)
            elif f.startswith("act:"):
                on, off = boxes
                bk.put(ws, r, c, on if f[4:] == e.action else off, key=("M", sid, i, "act"), align=CENTER)
            elif f == "pc":
                bk.put(ws, r, c, e.pc, key=key)
            elif f == "brand":
                bk.put(ws, r, c, e.brand, key=key)
            elif f == "user":
                bk.put(ws, r, c, e.user, key=key)
            elif f == "dept":
                bk.put(ws, r, c, e.dept, key=key)
            elif f == "version":
                bk.put(ws, r, c, s.version if s.kind != "free" else bk.style.get("fdash", "—"), key=key)
            elif f == "date":
                bk.put(ws, r, c, e.date, key=key, kind="date")
            elif f == "count":
                bk.put(ws, r, c, 1, key=key, kind="count")
            else:
                raise KeyError(f)
        r += 1
    return r


def part1_values(bk, s):
    """Part 一 of a maintenance log: model values (dash for OEM and free license fields)."""
    dash = bk.style.get("dash", "—")
    com = s.kind == "commercial"
    return {
        "sid": (s.sid, "text"),
        "name": (s.name, "text"),
        "version": (s.version or dash, "text"),
        "lcount": (s.lcount if com else dash, "count" if com else "text"),
        "usable": (s.usable if com else dash, "text"),
        "term": (s.term if com else dash, "term" if com else "text"),
    }


def part1_line(bk, s, labels, sep=SP):
    """Part 一 as one line of "label：value" pairs."""
    vals = part1_values(bk, s)
    out = []
    for lab, f in labels:
        if f == "kind":
            out.append(f"{lab}：{bk.style['kinds'][s.kind]}")
            continue
        v, kind = vals[f]
        if kind == "term":
            v = fmt_term(v, bk.style.get("term", "dot"))
        out.append(f"{lab}：{v}")
    return sep.join(out)


def free_rows(bk, ws, r, u, cols, where, *, omit=()):
    seq = 1
    for s in u.soft.values():
        if s.kind != "free" or s.sid in omit:
            continue
        for text, f, *_ in cols:
            c = where[f]
            v = {"seq": seq, "sid": s.sid, "name": s.name, "version": s.fversion, "source": s.source,
                 "vendor": s.vendor, "contact": s.contact, "depts": s.fdepts, "reason": s.reason}[f]
            bk.put(ws, r, c, v, key=("F", s.sid, f))
        seq += 1
        r += 1
    return r


def stats_table(bk, ws, r, u, stats, *, head_text, dept_labels=("部门名称", "部门负责人姓名", "部门负责人电话", "部门传真"),
                sec1="一、负责软件正版化工作部门情况", ncols=9):
    """The national 软件正版化工作信息统计表 (附件5) from row r. Returns the next row."""
    merged_text(ws, r, head_text, 1, ncols)
    r += 1
    merged_text(ws, r, sec1, 1, ncols)
    ws.cell(r, 1).font = Font(bold=True)
    r += 1
    for i, lab in enumerate(dept_labels):
        ws.cell(r, 1 + 2 * i, lab).alignment = CENTER
        ws.merge_cells(start_row=r, start_column=1 + 2 * i, end_row=r, end_column=2 + 2 * i)
        ws.cell(r + 1, 1 + 2 * i, u.head[i]).alignment = CENTER
        ws.merge_cells(start_row=r + 1, start_column=1 + 2 * i, end_row=r + 1, end_column=2 + 2 * i)
    boxed(ws, r, r + 1, 1, 8)
    r += 2
    merged_text(ws, r, "二、人员情况", 1, ncols)
    ws.cell(r, 1).font = Font(bold=True)
    r += 1
    for i, (lab, k) in enumerate((("总人数", "total"), ("使用计算机人数", "using"))):
        ws.cell(r, 1 + 2 * i, lab).alignment = CENTER
        ws.merge_cells(start_row=r, start_column=1 + 2 * i, end_row=r, end_column=2 + 2 * i)
        bk.put(ws, r + 1, 1 + 2 * i, stats["people"][k], key=("T", "people", k), align=CENTER)
        ws.merge_cells(start_row=r + 1, start_column=1 + 2 * i, end_row=r + 1, end_column=2 + 2 * i)
    boxed(ws, r, r + 1, 1, 4)
    r += 2
    merged_text(ws, r, "三、计算机情况", 1, ncols)
    ws.cell(r, 1).font = Font(bold=True)
    r += 1
    for i, (lab, k) in enumerate((("服务器数", "servers"), ("台式机数", "desktops"), ("便携机数", "laptops"), ("合计", "total"))):
        ws.cell(r, 1 + 2 * i, lab).alignment = CENTER
        ws.merge_cells(start_row=r, start_column=1 + 2 * i, end_row=r, end_column=2 + 2 * i)
        bk.put(ws, r + 1, 1 + 2 * i, stats["computers"][k], key=("T", "computers", k), align=CENTER)
        ws.merge_cells(start_row=r + 1, start_column=1 + 2 * i, end_row=r + 1, end_column=2 + 2 * i)
    boxed(ws, r, r + 1, 1, 8)
    r += 2
    merged_text(ws, r, "四、本年度软件采购情况", 1, ncols)
    ws.cell(r, 1).font = Font(bold=True)
    r += 1
    ws.cell(r, 1, "软件\n属性").alignment = CENTER
    ws.merge_cells(start_row=r, start_column=1, end_row=r + 1, end_column=1)
    groups = [("操作系统软件\n（不含预装操作系统）", "os"), ("办公软件", "office"), ("杀毒软件", "antivirus"), ("总计", "total")]
    for g, (lab, _) in enumerate(groups):
        c = 2 + 2 * g
        ws.cell(r, c, lab).alignment = CENTER
        ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + 1)
        ws.cell(r + 1, c, "许可数\n（个）").alignment = CENTER
        ws.cell(r + 1, c + 1, "金额\n（万元）").alignment = CENTER
    ws.row_dimensions[r].height = 32
    ws.row_dimensions[r + 1].height = 32
    r0 = r
    r += 2
    p = stats["purchases"]
    for label, o in (("国内", "domestic"), ("国外", "foreign"), ("合计", None)):
        ws.cell(r, 1, label).alignment = CENTER
        tl, ta = 0, 0.0
        for g, (_, cat) in enumerate(groups):
            c = 2 + 2 * g
            if cat == "total":
                lic, amt = tl, round(ta, 4)
            elif o:
                lic, amt = p[o][cat]
            else:
                lic = p["domestic"][cat][0] + p["foreign"][cat][0]
                amt = round(p["domestic"][cat][1] + p["foreign"][cat][1], 4)
            if cat != "total":
                tl += lic
                ta += amt
            bk.put(ws, r, c, lic, key=("T", "purchases", o or "total", cat, "licenses"))
            bk.put(ws, r, c + 1, amt, key=("T", "purchases", o or "total", cat, "amount"), fmt="0.0000")
        r += 1
    boxed(ws, r0, r - 1, 1, 9)
    merged_text(ws, r, "五、累计拥有软件许可情况", 1, ncols)
    ws.cell(r, 1).font = Font(bold=True)
    r += 1
    hs = [("软件\n属性", None), ("操作系统软件\n（含预装操作系统）\n许可数（个）", "os"), ("办公软件\n许可数（个）", "office"),
          ("杀毒软件\n许可数（个）", "antivirus"), ("总计", "total")]
    for i, (lab, _) in enumerate(hs):
        ws.cell(r, 1 + i, lab).alignment = CENTER
    ws.row_dimensions[r].height = 48
    r0 = r
    r += 1
    h = stats["holdings"]
    for label, o in (("国内", "domestic"), ("国外", "foreign"), ("合计", None)):
        ws.cell(r, 1, label).alignment = CENTER
        tot = 0
        for i, (_, cat) in enumerate(hs[1:]):
            if cat == "total":
                v = tot
            elif o:
                v = h[o][cat]
            else:
                v = h["domestic"][cat] + h["foreign"][cat]
            if cat != "total":
                tot += v
            bk.put(ws, r, 2 + i, v, key=("T", "holdings", o or "total", cat))
        r += 1
    boxed(ws, r0, r - 1, 1, 5)
    return r


def plan_table(bk, ws, r, u, *, cols=("序号", "软件名称", "软件版本", "单价\n（单位：元）", "许可数\n（单位：个）", "合计\n（单位：元）", "备注"),
               approvals=(("信息化部门\n审核", "审核人"), ("资产部门\n审核", "审核人"), ("财务部门\n审核", "审核人"), ("单位领导\n审批", "审批人")),
               signers=None):
    for i, h in enumerate(cols, 1):
        ws.cell(r, i, h).alignment = CENTER
        ws.cell(r, i).font = Font(bold=True)
    ws.row_dimensions[r].height = 32
    r0 = r
    r += 1
    total = 0
    for i, (name, version, price, count, note) in enumerate(u.plan, 1):
        sub = price * count
        total += sub
        for c, v in enumerate((i, name, version, price, count, sub, note), 1):
            bk.put(ws, r, c, v, key=("P", i, c))
        r += 1
    ws.cell(r, 1, len(u.plan) + 1)
    ws.cell(r, 2, "共计")
    bk.put(ws, r, 6, total, key=("P", "total"))
    boxed(ws, r0, r, 1, len(cols))
    r += 1
    for k, (lab, who) in enumerate(approvals):
        name, day = signers[k]
        ws.cell(r, 1, lab).alignment = CENTER
        merged_text(ws, r, f"{who}：{name}　　　{day.year}年{day.month}月{day.day}日", 2, len(cols), align=Alignment(horizontal="right", vertical="center"))
        ws.row_dimensions[r].height = 30
        boxed(ws, r, r, 1, len(cols))
        r += 1
    return r


def serials(seed, n, groups=5, width=5):
    """n distinct product keys, deterministic."""
    r = random.Random(seed)
    alphabet = "BCDFGHJKMPQRTVWXY2346789"
    out = []
    while len(out) < n:
        k = "-".join("".join(r.choice(alphabet) for _ in range(width)) for _ in range(groups))
        if k not in out:
            out.append(k)
    return out


def header_line(pairs, sep=SP * 2):
    return sep.join(f"{k}：{v}" for k, v in pairs)


FREE_INFO = {
    "7-Zip": dict(fversion="24.08", source="官网下载", vendor="Igor Pavlov", contact="https://www.7-zip.org", reason="压缩、解压文件"),
    "福昕阅读器": dict(fversion="12.1", source="官网下载", vendor="福建福昕软件开发股份有限公司", contact="400-616-8688", reason="阅读PDF文件"),
    "搜狗输入法": dict(fversion="15.1", source="官网下载", vendor="北京搜狗科技发展有限公司", contact="010-56899999", reason="中文输入"),
    "Google Chrome": dict(fversion="131", source="官网下载", vendor="Google LLC", contact="https://support.google.com/chrome", reason="访问业务系统网页"),
    "Mozilla Firefox": dict(fversion="128 ESR", source="官网下载", vendor="北京谋智火狐信息技术有限公司", contact="https://support.mozilla.org", reason="访问业务系统网页"),
    "CAJViewer": dict(fversion="9.2", source="中国知网官网", vendor="同方知网（北京）技术有限公司", contact="400-810-9888", reason="阅读CAJ格式文献"),
}


def free(sid, name, depts, **kw):
    info = dict(FREE_INFO[name])
    info.update(kw)
    return Soft(sid, name, "", "free", "other", "foreign" if name in ("7-Zip", "Google Chrome", "Mozilla Firefox") else "domestic",
                fdepts=depts, **info)


# =======================================================================================
# 1. 煤炭局 — the office's own ledger from its notice's field list (seed 003)
# =======================================================================================
def coal_bureau():
    keys = serials(1001, 6)
    pcs = [
        PC("办公室", "霍丽萍", "MTJ-001", "联想", "desktop", "MT-01", D(2021, 3, 15), room="301"),
        PC("办公室", "王晓鹏", "MTJ-002", "联想", "desktop", "MT-01", D(2021, 3, 15), room="301"),
        PC("办公室", "杨海燕", "MTJ-003", "联想", "desktop", "MT-01", D(2021, 3, 16), room="302"),
        PC("规划科", "李霞", "MTJ-004", "联想", "desktop", "MT-01", D(2021, 3, 16), room="305"),
        PC("规划科", "屈志刚", "MTJ-005", "惠普", "desktop", "MT-01", D(2022, 6, 8), room="305"),
        PC("安全监管科", "白海峰", "MTJ-006", "惠普", "desktop", "MT-01", D(2022, 6, 8), room="306"),
        PC("安全监管科", "刘彦平", "MTJ-007", "惠普", "desktop", "MT-01", D(2022, 6, 9), room="306"),
        PC("安全监管科", "郭志明", "MTJ-008", "惠普", "desktop", "MT-01", D(2022, 6, 9), room="307"),
        PC("技术装备科", "陈明远", "MTJ-009", "联想", "desktop", "MT-01", D(2022, 6, 10), room="308"),
        PC("技术装备科", "王燕", "MTJ-010", "联想", "desktop", "MT-01", D(2022, 6, 10), room="308"),
        PC("财务科", "杨利军", "MTJ-011", "联想", "desktop", "MT-01", D(2023, 2, 20), room="310"),
        PC("财务科", "张永红", "MTJ-012", "联想", "desktop", "MT-01", D(2023, 2, 20), room="310"),
        PC("信息中心", "刘彦青", "MTJ-013", "联想", "desktop", "MT-01", D(2023, 2, 21), room="312"),
        PC("信息中心", "雷勇", "MTJ-014", "联想", "desktop", "MT-01", D(2023, 2, 21), room="312"),
        PC("规划科", "高凌云", "MTJ-015", "联想", "desktop", "MT-01", D(2023, 2, 22), room="305"),
        PC("办公室", "霍丽萍", "MTJ-B01", "华为", "laptop", "MT-02", D(2024, 5, 20), room="301"),
        PC("安全监管科", "白海峰", "MTJ-B02", "华为", "laptop", "MT-02", D(2024, 5, 20), room="306"),
        PC("信息中心", "雷勇", "MTJ-S01", "浪潮", "server", "MT-03", D(2022, 8, 1), room="机房"),
    ]
    soft = [
        Soft("MT-01", "Windows 10", "专业版", "oem", "os", "foreign", note="随机预装"),
        Soft("MT-02", "Windows 11", "专业版", "oem", "os", "foreign", note="随机预装"),
        Soft("MT-03", "Windows Server 2019", "标准版", "commercial", "os", "foreign", D(2022, 7, 15), amount=7800,
             ltype="单机许可", lcount=1, usable="2019标准版", term=PERPETUAL, serial=keys[0], supplier="鄂尔多斯市华信科技有限公司"),
        Soft("MT-04", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2024, 4, 10), amount=11200,
             ltype="批量许可", lcount=20, usable="2019专业版", term=PERPETUAL, serial=keys[1], supplier="内蒙古金税信息技术有限公司"),
        Soft("MT-05", "火绒终端安全管理系统", "V2.0", "commercial", "antivirus", "domestic", D(2026, 3, 2), amount=4500,
             ltype="批量许可", lcount=25, usable="V2.0", term=rng(D(2026, 3, 2), D(2029, 3, 1)), serial=keys[2],
             supplier="北京火绒网络科技有限公司"),
        Soft("MT-06", "中望CAD 2021", "专业版", "commercial", "other", "domestic", D(2021, 9, 20), amount=19500,
             ltype="单机许可", lcount=3, usable="2021专业版", term=PERPETUAL, serial=keys[3], supplier="鄂尔多斯市华信科技有限公司"),
        free("MT-07", "7-Zip", "办公室、规划科、技术装备科"),
        free("MT-08", "福昕阅读器", "全局"),
        free("MT-09", "搜狗输入法", "全局"),
    ]
    u = Unit("康巴什区煤炭局", "刘彦青", "0477-8583216", D(2026, 11, 16), 38, 1, 16, 2, pcs, {s.sid: s for s in soft},
             head=("信息中心", "张蔚", "0477-8583201", "0477-8583200"),
             plan=[("统信UOS桌面操作系统", "V20 专业版", 800, 5, "信创替代试点"), ("WPS Office 2019", "专业版", 560, 3, "新增人员")],
             plan_date=D(2026, 11, 10))
    desks = [p.pc for p in pcs if p.ptype == "desktop"]
    laps = [p.pc for p in pcs if p.ptype == "laptop"]
    build(u, [
        ("MT-04", desks + laps, D(2024, 4, 15)),
        ("MT-05", desks + laps + ["MTJ-S01"], D(2026, 3, 5)),
        ("MT-06", ["MTJ-004", "MTJ-009", "MTJ-005"], D(2021, 9, 25)),
        ("MT-07", ["MTJ-001", "MTJ-002", "MTJ-004", "MTJ-005", "MTJ-009", "MTJ-010", "MTJ-015"], D(2023, 3, 1)),
        ("MT-08", desks, D(2023, 3, 2)),
        ("MT-09", desks[:12] + laps, D(2023, 3, 3)),
    ], [("reinstall", "MT-04", "MTJ-007", D(2024, 4, 16), D(2025, 8, 11), D(2025, 8, 12))])

    style = {"kinds": KIND_WORDS["source"], "pdate": "cn", "date": "xl_cn", "term": "dot", "money": "comma",
             "count": "num", "dash": "—", "udash": "—"}
    notice = "请各科室于每年11月底前将本台账报送局办公室（信息中心），电子版同时报送；本表由信息中心汇总。"

    def render(u, variant, ov, omit_free=()):
        bk = Book("康巴什区煤炭局信息中心", style, variant, ov)
        who = header_line([("填报单位", u.name), ("填报人", u.filler), ("联系电话", u.phone),
                           ("填报日期", date_text(u.filled, "cn"))])
        using = "" if variant == "derive" else f" {len(u.users())} "
        # --- (一) 软件汇总 ---
        ws = bk.sheet("台账一")
        merged_text(ws, 1, notice, 1, 15).font = Font(color="C00000")
        title(ws, 2, "计算机软件使用登记台账（一）软件汇总", 1, 15)
        merged_text(ws, 3, who, 1, 15)
        merged_text(ws, 4, f"人员情况：总人数 {u.people_total} 人{SP}使用计算机人数{using or SP * 2}人{SP * 2}"
                           f"计算机情况：服务器 {u.servers} 台{SP}台式机 {u.desktops} 台{SP}便携机 {u.laptops} 台", 1, 15)
        cols = [("序号", "seq"), ("编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("来源类型", "kind"),
                ("购买日期", "purchased"), ("价格（元）", "amount"), ("供货商", "supplier"), ("授权方式", "ltype"),
                ("授权数量", "lcount"), ("可用版本", "usable"), ("有效期", "term"), ("许可证（授权书）编号", "serial"),
                ("已安装数量", "installed"), ("备注", "note")]
        r, where = header_rows(ws, 5, cols, height=30)
        r = summary_rows(bk, ws, r, u, cols, where)
        boxed(ws, 5, r - 1, 1, 15)
        merged_text(ws, r + 1, "填报说明：来源类型填写“采购”“预装”或“免费”；预装、免费软件不填写购买日期、价格、授权信息；"
                               "价格为该批次软件的采购总价。", 1, 15, height=30)
        widths(ws, [5, 8, 22, 10, 9, 15, 12, 22, 10, 9, 12, 18, 34, 10, 10])
        # --- (二) 软件使用明细 ---
        ws = bk.sheet("台账二")
        merged_text(ws, 1, notice, 1, 13).font = Font(color="C00000")
        title(ws, 2, "计算机软件使用登记台账（二）软件使用明细", 1, 13)
        merged_text(ws, 3, who, 1, 13)
        cols = [("序号", "seq"), ("科室", "dept"), ("房间号", "room"), ("使用者姓名", "user"), ("计算机编号", "pc"),
                ("计算机类型", "ptype"), ("品牌", "brand"), ("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"),
                ("来源类型", "kind"), ("有效期", "term"), ("安装日期", "date")]
        r, where = header_rows(ws, 4, cols, height=30)
        r = usage_rows(bk, ws, r, u, u.uses, cols, where)
        boxed(ws, 4, r - 1, 1, 13)
        widths(ws, [5, 11, 7, 10, 11, 9, 7, 9, 22, 9, 9, 18, 15])
        # --- (三) 软件安装卸载记录: every software's log stacked in one sheet ---
        ws = bk.sheet("台账三")
        merged_text(ws, 1, notice, 1, 9).font = Font(color="C00000")
        title(ws, 2, "计算机软件使用登记台账（三）软件安装卸载记录", 1, 9)
        merged_text(ws, 3, header_line([("填报单位", u.name), ("填报人", u.filler), ("联系电话", u.phone)]), 1, 9)
        r = 5
        cols = [("序号", "seq"), ("安装/卸载", "act"), ("计算机编号", "pc"), ("品牌", "brand"), ("使用者", "user"),
                ("科室", "dept"), ("版本", "version"), ("日期", "date"), ("数量", "count")]
        for sid, s in u.soft.items():
            line = part1_line(bk, s, [("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("来源类型", "kind"),
                                      ("授权数量", "lcount"), ("可用版本", "usable"), ("有效期", "term")])
            merged_text(ws, r, line, 1, 9).font = Font(bold=True)
            for f in ("sid", "name", "version", "lcount", "usable", "term"):
                bk.note(("M1", sid, f), ws, r, 1)
            top = r + 1
            r, where = header_rows(ws, r + 1, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where)
            boxed(ws, top, r - 1, 1, 9)
            r += 1
        widths(ws, [6, 10, 12, 8, 10, 11, 10, 15, 6])
        # --- 可使用免费软件清单 ---
        ws = bk.sheet("免费软件")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        merged_text(ws, 2, who, 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("来源", "source"),
                ("厂商", "vendor"), ("客服电话", "contact"), ("使用科室", "depts"), ("用途", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_rows(bk, ws, r, u, cols, where, omit=omit_free)
        boxed(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 9, 14, 8, 10, 26, 28, 26, 16])
        if variant != "derive":
            ws = bk.sheet("统计表")
            title(ws, 1, f"软件正版化工作信息统计表（{YEAR}年度）", 1, 9)
            stats_table(bk, ws, 2, u, statistics(u), head_text=header_line(
                [("单位名称（盖章）", u.name), ("填表人", u.filler), ("联系电话", u.phone), ("填表日期", date_text(u.filled, "cn"))]))
            widths(ws, [10, 12, 12, 12, 12, 12, 12, 12, 12])
        ws = bk.sheet("采购计划")
        title(ws, 1, "2027年度软件采购计划表", 1, 7)
        merged_text(ws, 2, header_line([("经手人", u.filler), ("联系电话", u.phone), ("填表日期", date_text(u.plan_date, "cn"))]), 1, 7)
        plan_table(bk, ws, 3, u, signers=[("张蔚", D(2026, 11, 11)), ("霍丽萍", D(2026, 11, 11)), ("杨海燕", D(2026, 11, 12)),
                                          ("邬建国", D(2026, 11, 13))])
        widths(ws, [12, 24, 14, 12, 12, 12, 18])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("S", "MT-04", "installed")] = 18
        exp.append(("ZB405", [("S", "MT-04", "installed")], "已安装数量 18，台账二中 MT-04 有 17 行（台账三重放也是 17 份）；与维护表重放的份数也不符，ZB406 可一并报出（不要求）",
                    [("ZB406", [("S", "MT-04", "installed")])]))
        u.soft["MT-06"].lcount = 2
        i = first_over(u, "MT-06")
        exp.append(("ZB111", [("S", "MT-06", "installed"), ("S", "MT-06", "lcount")], "中望CAD 装了 3 台，授权数量只有 2；维护表按日期重放也自此超装，ZB307 说的是同一处超装，可一并报出（不要求）",
                    [("ZB307", [("M", "MT-06", i, f) for f in ("date", "pc", "act", "count")])]))
        ov[("U", "MTJ-005", "MT-04", "brand")] = "联想"
        exp.append(("ZB203", [("U", "MTJ-005", "MT-04", "brand")],
                    "MTJ-005 在台账二其他各行和台账三中都是惠普，此行写成联想（台账三与多数行一致，不应另报 ZB417）"))
        exp.append(("ZB410", [("S", "MT-09", f) for f in ("sid", "name", "kind")], "搜狗输入法登记为免费软件，但免费软件清单中没有"))
        st = statistics(u)
        ov[("T", "holdings", "domestic", "office")] = st["holdings"]["domestic"]["office"] - 3
        exp.append(("ZB414", [("T", "holdings", "domestic", "office")],
                    f"五、国内办公软件许可数填 {st['holdings']['domestic']['office'] - 3}（误填安装数），按台账应为 {st['holdings']['domestic']['office']}"))
        u.soft["MT-05"].serial = u.soft["MT-04"].serial
        exp.append(("ZB124", [("S", "MT-05", "serial")], "火绒的许可证编号抄成了上一行 WPS 的编号"))
        x = next(x for x in u.uses if x.pc == "MTJ-010" and x.sid == "MT-07")
        ov[("U", "MTJ-010", "MT-07", "date")] = D(x.date.year - 1, x.date.month, x.date.day)
        exp.append(("ZB209", [("U", "MTJ-010", "MT-07", "date")],
                    f"7-Zip 安装日期年份误写为 {x.date.year - 1} 年，早于该机操作系统安装日期 2022年6月10日"))
        ov[("M", "MT-05", 0, "date")] = D(2026, 2, 26)
        exp.append(("ZB416", [("M", "MT-05", 0, "date")], "台账三火绒第 1 条安装日期 2026年2月26日，早于购买日期 2026年3月2日（仍是该记录表最早一条，次序不乱）"))
        return ov, exp, {"omit_free": ("MT-09",)}

    return dict(name="coal-bureau", classes=[1, 3, 4], office="康巴什区煤炭局", unit=u, render=render, faults=faults,
                about="煤炭局自己的台账（一）（二）（三）：按通知所列字段自拟列名（编号、来源类型 采购/预装/免费、价格、供货商、"
                      "授权方式、授权数量、有效期、许可证（授权书）编号、房间号、计算机类型、使用者姓名），表头上方一行报送通知；"
                      "台账三把各软件的安装卸载记录上下叠放在一张表里，每段以一行“软件编号：…　软件名称：…”开头，安装/卸载写在一列；"
                      "填报单位/填报人/联系电话/填报日期写在一个合并单元格里、以全角空格分隔；人员和计算机情况写在一行（带单位）。"
                      "“价格”是该批次采购总价。")


def part1_grid(bk, ws, r, s, *, cols=None, boxes=("☑", "□"), kind_words=("商业软件", "OEM软件", "免费软件"),
               group="软件类型"):
    """Part 一 of a national-style maintenance log: a two-row header with the type as three
    boxes under a merged group, then one row of values. Returns the next row."""
    cols = cols or [("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), (kind_words[0], "kind:commercial", group),
                    (kind_words[1], "kind:oem", group), (kind_words[2], "kind:free", group), ("许可数量", "lcount"),
                    ("可使用版本", "usable"), ("许可期限", "term")]
    r, where = header_rows(ws, r, cols)
    vals = part1_values(bk, s)
    for text, f, *_ in cols:
        c = where[f]
        if f.startswith("kind:"):
            bk.put(ws, r, c, boxes[0] if f[5:] == s.kind else boxes[1], key=("M1", s.sid, "kind"), align=CENTER)
        else:
            v, kind = vals[f]
            bk.put(ws, r, c, v, key=("M1", s.sid, f), kind=kind, align=CENTER)
    return r + 1


def add_event(u, sid, ev):
    """Insert a planted event in date order; returns its index."""
    evs = u.events[sid]
    i = 0
    while i < len(evs) and evs[i].date <= ev.date:
        i += 1
    evs.insert(i, ev)
    return i


# =======================================================================================
# 2. 法院 — national words; summary with 小计/合计, hidden template rows, a hidden helper
#    column, 注 lines; the usage ledger split into one sheet per department
# =======================================================================================
def county_court():
    keys = serials(2002, 6)
    pcs = [
        PC("办公室", "何晓梅", "FY-PC-01", "联想", "desktop", "FY-01", D(2021, 5, 10)),
        PC("办公室", "孙立新", "FY-PC-02", "联想", "desktop", "FY-01", D(2021, 5, 10)),
        PC("办公室", "孙立新", "FY-SV-01", "浪潮", "server", "FY-03", D(2022, 3, 1)),
        PC("办公室", "周正", "FY-NB-01", "华为", "laptop", "FY-06", D(2024, 9, 2)),
        PC("立案庭", "赵丹", "FY-PC-03", "联想", "desktop", "FY-01", D(2021, 5, 11)),
        PC("立案庭", "钱伟", "FY-PC-04", "联想", "desktop", "FY-01", D(2021, 5, 11)),
        PC("立案庭", "郑爽", "FY-PC-05", "长城", "desktop", "FY-02", D(2026, 4, 22)),
        PC("刑事审判庭", "吴刚", "FY-PC-06", "联想", "desktop", "FY-01", D(2021, 5, 12)),
        PC("刑事审判庭", "冯媛", "FY-PC-07", "联想", "desktop", "FY-01", D(2021, 5, 12)),
        PC("刑事审判庭", "陈晨", "FY-PC-08", "长城", "desktop", "FY-02", D(2026, 4, 22)),
        PC("刑事审判庭", "吴刚", "FY-NB-02", "华为", "laptop", "FY-06", D(2024, 9, 2)),
        PC("民事审判庭", "褚明", "FY-PC-09", "联想", "desktop", "FY-01", D(2022, 4, 18)),
        PC("民事审判庭", "卫红", "FY-PC-10", "联想", "desktop", "FY-01", D(2022, 4, 18)),
        PC("民事审判庭", "蒋涛", "FY-PC-11", "长城", "desktop", "FY-02", D(2026, 4, 23)),
        PC("执行局", "沈洋", "FY-PC-12", "联想", "desktop", "FY-01", D(2022, 4, 19)),
        PC("执行局", "韩雪", "FY-PC-13", "长城", "desktop", "FY-02", D(2026, 4, 23)),
        PC("执行局", "杨帆", "FY-PC-14", "联想", "desktop", "FY-01", D(2022, 4, 19)),
    ]
    for p in pcs:
        p.place = p.dept
    soft = [
        Soft("FY-02", "统信UOS桌面操作系统", "V20 专业版", "commercial", "os", "domestic", D(2026, 4, 20), amount=3500,
             ltype="批量许可", lcount=5, usable="V20", term=PERPETUAL, serial=keys[0]),
        Soft("FY-03", "Windows Server 2019", "标准版", "commercial", "os", "foreign", D(2022, 2, 25), amount=6980,
             ltype="单机许可", lcount=1, usable="2019", term=PERPETUAL, serial=keys[1]),
        Soft("FY-04", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2023, 8, 15), amount=10800,
             ltype="批量许可", lcount=20, usable="2019", term=rng(D(2023, 8, 15), D(2028, 8, 14)), serial=keys[2]),
        Soft("FY-05", "奇安信天擎终端安全管理系统", "V10", "commercial", "antivirus", "domestic", D(2023, 6, 20), amount=8000,
             ltype="批量许可", lcount=20, usable="V10", term=rng(D(2023, 6, 20), D(2028, 6, 19)), serial=keys[3]),
        Soft("FY-01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("FY-06", "Windows 11", "专业版", "oem", "os", "foreign"),
        free("FY-07", "福昕阅读器", "全院"),
        free("FY-08", "Google Chrome", "立案庭、执行局"),
        free("FY-09", "7-Zip", "全院"),
    ]
    u = Unit("临江县人民法院", "何晓梅", "0439-6221358", D(2026, 11, 12), 52, 1, 14, 2, pcs, {s.sid: s for s in soft},
             head=("办公室", "孙立新", "0439-6221300", "0439-6221301"),
             sheet_filled={"办公室": D(2026, 11, 12), "立案庭": D(2026, 11, 9), "刑事审判庭": D(2026, 11, 10),
                           "民事审判庭": D(2026, 11, 6), "执行局": D(2026, 11, 11)})
    clients = [p.pc for p in pcs if p.ptype != "server"]
    uos = [p.pc for p in pcs if p.os == "FY-02"]
    build(u, [
        ("FY-04", clients, D(2023, 8, 20)),
        ("FY-05", clients + ["FY-SV-01"], D(2023, 6, 26)),
        ("FY-07", clients, D(2023, 9, 4)),
        ("FY-08", ["FY-PC-03", "FY-PC-04", "FY-PC-05", "FY-PC-12", "FY-PC-13", "FY-PC-14", "FY-PC-01"], D(2024, 3, 11)),
        ("FY-09", [pc for pc in clients if pc not in uos], D(2023, 9, 5)),
    ], [("reinstall", "FY-05", "FY-PC-10", D(2023, 6, 28), D(2024, 11, 4), D(2024, 11, 5)),
        ("retired", "FY-04", PC("执行局", "杨帆", "FY-PC-00", "方正", "desktop", "FY-01", D(2019, 1, 1)), D(2023, 8, 21), D(2024, 4, 10))])
    assert all(x.date <= D(2026, 6, 19) for x in u.uses if x.sid == "FY-05")

    style = {"kinds": KIND_WORDS["national"], "pdate": "xl", "date": "xl_slash", "term": "cn", "money": "num",
             "count": "num", "dash": "—", "udash": None}
    depts = ["办公室", "立案庭", "刑事审判庭", "民事审判庭", "执行局"]
    short = {"办公室": "办公室", "立案庭": "立案庭", "刑事审判庭": "刑庭", "民事审判庭": "民庭", "执行局": "执行局"}
    asset = {"FY-02": "ZC-2026-0117", "FY-03": "ZC-2022-0031", "FY-04": "ZC-2023-0208", "FY-05": "ZC-2023-0172"}

    def render(u, variant, ov):
        bk = Book("临江县人民法院办公室", style, variant, ov)
        ws = bk.sheet("汇总表")
        ws["A1"] = "附件7"
        title(ws, 2, "软件使用情况汇总表", 1, 13)
        ws["A3"], ws["E3"], ws["G3"], ws["J3"] = "单位名称（盖章）", "填表人", "联系电话", "填表日期"
        ws.merge_cells("B3:D3")
        ws.merge_cells("H3:I3")
        ws.merge_cells("K3:L3")
        ws["B3"], ws["F3"], ws["H3"] = u.name, u.filler, u.phone
        bk.put(ws, 3, 11, u.filled, kind="pdate", align=LEFT)
        ws.merge_cells("A4:B4")
        ws.merge_cells("A5:B5")
        ws["A4"], ws["C4"], ws["D4"], ws["F4"] = "人员情况", "总人数", u.people_total, "使用计算机人数"
        bk.put(ws, 4, 7, None if variant == "derive" else len(u.users()), key=("SH", "using"))
        ws["A5"], ws["C5"], ws["D5"], ws["F5"], ws["G5"], ws["H5"], ws["I5"] = (
            "计算机情况", "服务器数", u.servers, "台式机数", u.desktops, "便携机数", u.laptops)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                ("采购时间", "purchased"), ("采购金额\n（单位：元）", "amount"), ("许可类型", "ltype"),
                ("许可数量", "lcount"), ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"),
                ("安装数量", "installed"), ("资产卡片号", "asset")]
        r, where = header_rows(ws, 6, cols, height=32)
        r = summary_rows(bk, ws, r, u, cols, where, groups=[("commercial", "商业软件"), ("oem", "OEM软件"), ("free", "免费软件")],
                         spacer=True, hidden_template={"commercial": 2}, subtotal_fields=("installed", "lcount"),
                         hidden_cols={"asset": lambda s: asset.get(s.sid)})
        for row in ws.iter_rows(min_row=7, max_row=r - 1, min_col=7, max_col=7):
            for cell in row:
                if isinstance(cell.value, (int, float)):
                    cell.number_format = "#,##0.00"
        boxed(ws, 6, r - 1, 1, 13)
        ws.column_dimensions["N"].hidden = True
        notes = ["注：1．软件类型填写“商业软件”“OEM软件”或“免费软件”。",
                 "2．OEM软件、免费软件不填写采购时间、采购金额、许可类型、许可数量、可使用版本、许可期限、序列号。",
                 "3．安装数量按《软件使用情况明细表》统计，每半年至少更新一次。"]
        for i, t in enumerate(notes):
            merged_text(ws, r + 1 + i, t, 1, 13)
        ws.cell(r + 5, 9, "审核人：周正")
        widths(ws, [5, 8, 24, 11, 10, 12, 12, 10, 8, 8, 28, 32, 8, 14])
        # --- usage: one sheet per department ---
        for dept in depts:
            ws = bk.sheet(f"明细({short[dept]})")
            title(ws, 1, f"软件使用情况明细表（{dept}）", 1, 13)
            merged_text(ws, 2, "    ".join([f"单位名称（盖章）：{u.name}", f"填表人：{u.filler}", f"联系电话：{u.phone}",
                                            f"填表日期：{date_text(u.sheet_filled[dept], 'cn')}"]), 1, 13)
            cols = [("序号", "seq"), ("部门", "dept"), ("姓名", "user"), ("计算机\n编号", "pc"), ("计算机\n品牌", "brand"),
                    ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
                    ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"),
                    ("免费软件", "kind:free", "软件类型"), ("安装日期", "date")]
            r, where = header_rows(ws, 3, cols, height=22)
            mine = [x for x in u.uses if u.pcmap()[x.pc].dept == dept]
            r = usage_rows(bk, ws, r, u, mine, cols, where, boxes=("☑", "□"), merge=("dept", "user", "pc", "brand"))
            boxed(ws, 3, r - 1, 1, 13)
            widths(ws, [5, 11, 8, 11, 8, 8, 26, 11, 28, 6, 6, 6, 12])
        # --- maintenance: one sheet per number ---
        for sid, s in sorted(u.soft.items()):
            ws = bk.sheet(f"维护{sid}")
            ws["A1"] = "附件9"
            title(ws, 2, "软件安装维护情况明细表", 1, 10)
            merged_text(ws, 3, f"单位名称：{u.name}        填表人：{u.filler}        联系电话：{u.phone}", 1, 10)
            merged_text(ws, 4, "一、软件基本信息", 1, 10).font = Font(bold=True)
            r = part1_grid(bk, ws, 5, s)
            boxed(ws, 5, r - 1, 1, 9)
            merged_text(ws, r, "二、软件安装卸载明细", 1, 10).font = Font(bold=True)
            cols = [("序号", "seq"), ("安装", "act:install"), ("卸载", "act:uninstall"), ("计算机编号", "pc"),
                    ("计算机品牌", "brand"), ("使用人", "user"), ("使用部门", "dept"), ("安装/卸载版本", "version"),
                    ("安装/卸载日期", "date"), ("安装数量", "count")]
            top = r + 1
            r, where = header_rows(ws, r + 1, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where, boxes=("☑", "□"))
            boxed(ws, top, r - 1, 1, 10)
            widths(ws, [8, 24, 11, 8, 8, 8, 9, 12, 26, 8])
        ws = bk.sheet("免费软件清单")
        ws["A1"] = "附件6"
        title(ws, 2, "可使用免费软件清单", 1, 9)
        merged_text(ws, 3, f"单位名称（盖章）：{u.name}    填表人：{u.filler}    联系电话：{u.phone}    填表日期：{date_text(u.filled, 'cn')}", 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "vendor"), ("软件厂商\n客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 4, cols, height=30)
        r = free_rows(bk, ws, r, u, cols, where)
        boxed(ws, 4, r - 1, 1, 9)
        widths(ws, [5, 9, 14, 8, 10, 28, 30, 16, 16])
        if variant != "derive":
            ws = bk.sheet("信息统计表")
            ws["A1"] = "附件5"
            title(ws, 2, f"软件正版化工作信息统计表（{YEAR}年度）", 1, 9)
            stats_table(bk, ws, 3, u, statistics(u), head_text=f"单位名称（盖章）：{u.name}    填表人：{u.filler}    "
                        f"联系电话：{u.phone}    填表日期：{date_text(u.filled, 'cn')}")
            widths(ws, [10, 12, 12, 12, 12, 12, 12, 12, 12])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("U", "FY-PC-09", "FY-04", "sid")] = "FY-4"
        exp.append(("ZB403", [("U", "FY-PC-09", "FY-04", "sid")], "软件编号 FY-4 是 FY-04 的笔误（名称 WPS Office 2019）；本行按名称计入 FY-04，故不另报 ZB405"))
        ov[("U", "FY-PC-06", "FY-09", "kind")] = ("☑", "□", "☑")
        exp.append(("ZB202", [("U", "FY-PC-06", "FY-09", "kind")], "7-Zip 一行同时勾了商业软件和免费软件；类型不明，不应再报 ZB404"))
        ov[("S", "FY-01", "serial")] = Raw(serials(2099, 1)[0])
        exp.append(("ZB107", [("S", "FY-01", "serial")], "OEM软件 Windows 10 填了序列号（机身贴的 COA 密钥）"))
        u.soft["FY-05"].term = rng(D(2023, 6, 20), D(2026, 6, 19))
        exp.append(("ZB112", [("S", "FY-05", "term"), ("S", "FY-05", "installed")],
                    "奇安信天擎的许可 2026年6月19日 已到期，仍装 17 台（各表许可期限一致地写了到期日，明细表安装日期都在到期前）"))
        i = add_event(u, "FY-08", Ev("uninstall", "FY-PC-07", D(2025, 3, 14), "联想", "冯媛", "刑事审判庭", tag="ZB304"))
        exp.append(("ZB304", [("M", "FY-08", i, f) for f in ("pc", "act", "date")],
                    "FY-PC-07 从未装过 Chrome，却登记了一条卸载；按日期重放这条卸载不改变装机数，"
                    "安装数量与重放结果一致；按字面 Σ安装−Σ卸载 会少 1 份，故 ZB406 列为可一并报出（不要求）",
                    [("ZB406", [("S", "FY-08", "installed")])]))
        j = next(k for k, e in enumerate(u.events["FY-04"]) if e.pc == "FY-PC-03")
        ov[("M", "FY-04", j, "brand")] = "戴尔"
        exp.append(("ZB417", [("M", "FY-04", j, "brand")], "维护FY-04 中 FY-PC-03 的品牌写成戴尔，明细表为联想"))
        u.soft["FY-04"].term = rng(D(2023, 8, 1), D(2028, 8, 14))
        exp.append(("ZB125", [("S", "FY-04", "term")], "许可期限从 2023年8月1日 起，早于采购时间 2023-08-15（各表一致）"))
        ov[("U", "FY-PC-10", "FY-07", "date")] = D(2026, 11, 18)
        exp.append(("ZB205", [("U", "FY-PC-10", "FY-07", "date")], "民庭明细表填表日期 2026年11月6日，此行安装日期写成了录入当天 2026-11-18"))
        return ov, exp, {}

    return dict(name="county-court", classes=[2, 3], office="临江县人民法院", unit=u, render=render, faults=faults,
                about="全国模板的用词，但汇总表按类型分组、每组有“小计”行和末尾“合计”行、组间空行、商业软件组后留着两行"
                      "隐藏的模板空行（只有序号和“商业软件”）、一列隐藏的资产卡片号、表下三行“注：”和审核人；明细表按部门"
                      "分成五张表（标题“软件使用情况明细表（办公室）”等，各有填表日期），部门/姓名/计算机编号/品牌按计算机合并单元格，"
                      "软件类型为 ☑/□ 三栏；安装维护明细表每个编号一张。")


def filter_hide(ws, ref, col_id, shown, rows):
    """Save the sheet as a clerk left it: an autofilter showing only `shown` values in column
    col_id (0-based within ref), the other data rows hidden. Hidden rows are still data."""
    ws.auto_filter.ref = ref
    ws.auto_filter.add_filter_column(col_id, shown)
    for r in rows:
        ws.row_dimensions[r].hidden = True


def labelled_cells(ws, r, pairs):
    """A row of "label" | value cells: pairs of (column, label, value[, value end column])."""
    for c, lab, val, *end in pairs:
        ws.cell(r, c, lab).font = Font(bold=True)
        ws.cell(r, c + 1, val).alignment = LEFT
        if end:
            ws.merge_cells(start_row=r, start_column=c + 1, end_row=r, end_column=end[0])


# =======================================================================================
# 3. 中学 — the school's own words (处室, 类别, 授权数, 安装台数), 小计/合计, a "注：" block,
#    a one-row 人员/计算机 section with units, a filtered usage sheet, a hidden asset column
# =======================================================================================
def middle_school():
    keys = serials(3003, 6)
    pcs = [
        PC("校长室", "林国栋", "ZX-T01", "联想", "desktop", "ZX01", D(2020, 8, 20), asset="QX2020-0412"),
        PC("校长室", "林国栋", "ZX-N01", "联想", "laptop", "ZX02", D(2024, 2, 26), asset="QX2024-0033"),
        PC("办公室", "吴海燕", "ZX-T02", "联想", "desktop", "ZX01", D(2020, 8, 20), asset="QX2020-0413"),
        PC("办公室", "黄志坚", "ZX-T03", "联想", "desktop", "ZX01", D(2020, 8, 21), asset="QX2020-0414"),
        PC("办公室", "吴海燕", "ZX-N04", "联想", "laptop", "ZX02", D(2024, 2, 27), asset="QX2024-0036"),
        PC("教务处", "刘春梅", "ZX-T04", "联想", "desktop", "ZX01", D(2020, 8, 21), asset="QX2020-0415"),
        PC("教务处", "陈建华", "ZX-T05", "联想", "desktop", "ZX01", D(2020, 8, 24), asset="QX2020-0416"),
        PC("教务处", "孙浩", "ZX-T14", "联想", "desktop", "ZX01", D(2022, 3, 8), asset="QX2022-0105"),
        PC("教务处", "郑晓燕", "ZX-N02", "戴尔", "laptop", "ZX02", D(2024, 2, 26), asset="QX2024-0034"),
        PC("政教处", "许文斌", "ZX-T06", "戴尔", "desktop", "ZX01", D(2021, 9, 1), asset="QX2021-0207"),
        PC("政教处", "何丽君", "ZX-T07", "戴尔", "desktop", "ZX01", D(2021, 9, 1), asset="QX2021-0208"),
        PC("政教处", "许文斌", "ZX-N03", "戴尔", "laptop", "ZX02", D(2024, 2, 27), asset="QX2024-0035"),
        PC("总务处", "罗志强", "ZX-T08", "戴尔", "desktop", "ZX01", D(2021, 9, 2), asset="QX2021-0209"),
        PC("总务处", "谢红", "ZX-T09", "戴尔", "desktop", "ZX01", D(2021, 9, 2), asset="QX2021-0210"),
        PC("总务处", "曹明", "ZX-T15", "戴尔", "desktop", "ZX01", D(2021, 9, 3), asset="QX2021-0211"),
        PC("财务室", "邓美玲", "ZX-T10", "联想", "desktop", "ZX01", D(2020, 8, 24), asset="QX2020-0417"),
        PC("财务室", "冯丽娟", "ZX-T11", "联想", "desktop", "ZX01", D(2020, 8, 25), asset="QX2020-0418"),
        PC("信息中心", "唐丽", "ZX-T12", "联想", "desktop", "ZX01", D(2022, 3, 7), asset="QX2022-0103"),
        PC("信息中心", "周宇", "ZX-T13", "联想", "desktop", "ZX01", D(2022, 3, 7), asset="QX2022-0104"),
        PC("信息中心", "周宇", "ZX-S01", "戴尔", "server", "ZX03", D(2020, 9, 18), asset="QX2020-0450"),
    ]
    soft = [
        Soft("ZX03", "Windows Server 2016", "标准版", "commercial", "os", "foreign", D(2020, 9, 15), amount=5600,
             ltype="单机许可", lcount=1, usable="2016", term=PERPETUAL, serial=keys[0]),
        Soft("ZX04", "Microsoft Office 2019", "专业增强版", "commercial", "office", "foreign", D(2020, 9, 10), amount=23840,
             ltype="批量许可", lcount=8, usable="2019、2016", term=PERPETUAL, serial=keys[1]),
        Soft("ZX05", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2022, 3, 1), amount=7500,
             ltype="批量许可", lcount=15, usable="2019", term=PERPETUAL, serial=keys[2]),
        Soft("ZX06", "360终端安全管理系统", "V10", "commercial", "antivirus", "domestic", D(2025, 9, 1), amount=6000,
             ltype="批量许可", lcount=25, usable="V10", term=years(3), serial=keys[3]),
        Soft("ZX01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("ZX02", "Windows 11", "专业版", "oem", "os", "foreign"),
        free("ZX07", "7-Zip", "教务处、政教处、信息中心"),
        free("ZX08", "福昕阅读器", "全校"),
        free("ZX09", "Mozilla Firefox", "教务处、信息中心"),
        free("ZX10", "CAJViewer", "教务处、政教处、信息中心", reason="查阅教研文献"),
    ]
    u = Unit("清溪县第一中学", "唐丽", "13907731256", D(2026, 10, 28), 86, 1, 15, 4, pcs, {s.sid: s for s in soft})
    office = ["ZX-T01", "ZX-T02", "ZX-T03", "ZX-T10", "ZX-T11", "ZX-N01", "ZX-N04"]
    clients = [p.pc for p in pcs if p.ptype != "server"]
    build(u, [
        ("ZX04", office, D(2020, 9, 14)),
        ("ZX05", [pc for pc in clients if pc not in office], D(2022, 3, 10)),
        ("ZX06", clients + ["ZX-S01"], D(2025, 9, 5)),
        ("ZX07", ["ZX-T02", "ZX-T04", "ZX-T05", "ZX-T06", "ZX-T12", "ZX-T13", "ZX-T14"], D(2022, 3, 15)),
        ("ZX08", clients, D(2022, 3, 16)),
        ("ZX09", ["ZX-T04", "ZX-T05", "ZX-T12", "ZX-T13", "ZX-T14", "ZX-N02"], D(2023, 2, 20)),
        ("ZX10", ["ZX-T04", "ZX-T05", "ZX-T14", "ZX-N02", "ZX-T06"], D(2023, 2, 21)),
    ], [("reinstall", "ZX05", "ZX-T08", D(2022, 3, 11), D(2024, 7, 15), D(2024, 7, 16))])

    style = {"kinds": KIND_WORDS["national"], "pdate": "cn", "date": "cn", "term": "dot", "money": "yuan",
             "count": "tai", "dash": "/", "udash": "/", "fdash": "/"}

    def render(u, variant, ov, omit_free=()):
        bk = Book("清溪一中信息中心", style, variant, ov)
        who = [(1, "填报单位：", u.name, 4), (6, "填报人：", u.filler), (8, "联系电话：", u.phone, 9),
               (11, "填报日期：", date_text(u.filled, "cn"), 13)]
        using = SP * 2 if variant == "derive" else f" {len(u.users())} "
        ws = bk.sheet("软件汇总")
        title(ws, 1, "清溪县第一中学软件正版化登记表（一）软件汇总", 1, 13)
        labelled_cells(ws, 2, who)
        merged_text(ws, 3, f"人员情况：教职工总数 {u.people_total} 人{SP}使用计算机人数{using}人{SP * 3}计算机情况："
                           f"服务器 {u.servers} 台{SP}台式机 {u.desktops} 台{SP}笔记本电脑 {u.laptops} 台", 1, 13)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("版本号", "version"), ("类别", "kind"),
                ("购置日期", "purchased"), ("金额（元）", "amount"), ("授权类型", "ltype"), ("授权数", "lcount"),
                ("可用版本", "usable"), ("授权期限", "term"), ("序列号/授权码", "serial"), ("安装台数", "installed")]
        r, where = header_rows(ws, 4, cols, height=28)
        r = summary_rows(bk, ws, r, u, cols, where, groups=[("commercial", "商业软件"), ("oem", "OEM软件"), ("free", "免费软件")],
                         subtotal_fields=("installed", "amount"), label_col=2)
        boxed(ws, 4, r - 1, 1, 13)
        merged_text(ws, r + 1, "注：", 1, 13).font = Font(bold=True)
        for i, t in enumerate(["1. 类别按“商业软件”“OEM软件”“免费软件”填写，OEM软件指购机时随机预装的软件；",
                               "2. OEM软件和免费软件的购置日期、金额、授权信息一律填“/”，免费软件不填版本号；",
                               "3. 安装台数以《办公电脑软件使用明细》为准，每学期初核对一次；",
                               "4. 本表由信息中心汇总，报教育局电教站备案。"]):
            merged_text(ws, r + 2 + i, t, 1, 13)
        widths(ws, [5, 9, 24, 11, 10, 15, 11, 10, 8, 11, 10, 32, 9])
        # --- 使用明细: one sheet, filtered, hidden asset column ---
        ws = bk.sheet("使用明细")
        title(ws, 1, "清溪县第一中学软件正版化登记表（二）办公电脑软件使用明细", 1, 12)
        labelled_cells(ws, 2, [(1, "填报单位：", u.name, 4), (5, "填报人：", u.filler), (7, "联系电话：", u.phone, 8),
                               (9, "填报日期：", date_text(u.filled, "cn"), 11)])
        cols = [("序号", "seq"), ("处室", "dept"), ("使用人", "user"), ("电脑编号", "pc"), ("固定资产编号", "asset"),
                ("品牌", "brand"), ("软件编号", "sid"), ("软件名称", "name"), ("版本号", "version"), ("类别", "kind"),
                ("授权期限", "term"), ("安装日期", "date")]
        r0 = 3
        r, where = header_rows(ws, r0, cols, height=24)
        first = r
        r = usage_rows(bk, ws, r, u, u.uses, cols, where, hidden_cols={"asset": lambda p: p.asset})
        boxed(ws, r0, r - 1, 1, 12)
        ws.column_dimensions["E"].hidden = True
        pcs_ = u.pcmap()
        hide = [first + k for k, x in enumerate(u.uses) if pcs_[x.pc].dept == "总务处"]
        filter_hide(ws, f"A{r0}:L{r - 1}", 1, ["校长室", "办公室", "教务处", "政教处", "财务室", "信息中心"], hide)
        widths(ws, [5, 9, 8, 9, 13, 6, 9, 24, 11, 10, 10, 15])
        # --- 维护记录: one sheet per number, part 一 as label/value cells, the action as a word ---
        for sid, s in sorted(u.soft.items()):
            ws = bk.sheet(f"维护记录{sid[2:]}")
            title(ws, 1, "清溪县第一中学软件安装维护记录", 1, 9)
            merged_text(ws, 2, header_line([("填报单位", u.name), ("填报人", u.filler), ("联系电话", u.phone)]), 1, 9)
            merged_text(ws, 3, "一、软件基本信息", 1, 9).font = Font(bold=True)
            vals = part1_values(bk, s)
            for c, lab, f in ((1, "软件编号", "sid"), (3, "软件名称", "name"), (7, "版本号", "version")):
                ws.cell(4, c, lab).font = Font(bold=True)
                bk.put(ws, 4, c + 1, vals[f][0], key=("M1", sid, f), kind=vals[f][1])
            ws.merge_cells("D4:F4")
            ws.cell(5, 1, "类别").font = Font(bold=True)
            bk.put(ws, 5, 2, bk.style["kinds"][s.kind], key=("M1", sid, "kind"))
            for c, lab, f in ((3, "授权数", "lcount"), (5, "可用版本", "usable"), (7, "授权期限", "term")):
                ws.cell(5, c, lab).font = Font(bold=True)
                bk.put(ws, 5, c + 1, vals[f][0], key=("M1", sid, f), kind=vals[f][1])
            boxed(ws, 4, 5, 1, 8)
            merged_text(ws, 6, "二、安装卸载记录", 1, 9).font = Font(bold=True)
            cols = [("序号", "seq"), ("日期", "date"), ("操作", "act"), ("电脑编号", "pc"), ("品牌", "brand"), ("使用人", "user"),
                    ("处室", "dept"), ("版本号", "version"), ("数量", "count")]
            r, where = header_rows(ws, 7, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where)
            boxed(ws, 7, r - 1, 1, 9)
            widths(ws, [8, 15, 10, 10, 8, 8, 9, 11, 6])
        ws = bk.sheet("免费软件目录")
        title(ws, 1, "清溪县第一中学免费软件目录", 1, 9)
        labelled_cells(ws, 2, [(1, "填报单位：", u.name, 3), (4, "填报人：", u.filler), (6, "联系电话：", u.phone),
                               (8, "填报日期：", date_text(u.filled, "cn"))])
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("获取途径", "source"),
                ("开发商", "vendor"), ("联系方式", "contact"), ("使用处室", "depts"), ("用途", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_rows(bk, ws, r, u, cols, where, omit=omit_free)
        boxed(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 9, 16, 9, 12, 28, 30, 22, 16])
        return bk

    def faults(u):
        ov, exp = {}, []
        x = next(x for x in u.uses if x.sid == "ZX10" and x.pc == "ZX-T05")
        ov[("U", "ZX-T05", "ZX10", "date")] = BLANK
        exp.append(("ZB201", [("U", "ZX-T05", "ZX10", "date")], "CAJViewer 一行安装日期漏填"))
        ov[("S", "ZX09", "kind")] = "其他软件"
        exp.append(("ZB101", [("S", "ZX09", "kind")], "Firefox 的类别写成“其他软件”（需求申请表的分类），不是三类之一；"
                                                         "类型不明，不应再报 ZB404/ZB108 等依类型的规则"))
        u.soft["ZX02"].version = "家庭中文版"
        exp.append(("ZB121", [("S", "ZX02", "version"), ("S", "ZX02", "name")], "笔记本随机预装的 Windows 11 是家庭中文版（各表一致）"))
        exp.append(("ZB410", [("S", "ZX08", f) for f in ("sid", "name", "kind")], "福昕阅读器登记为免费软件，免费软件目录中没有"))
        x = next(x for x in u.uses if x.pc == "ZX-T06" and x.sid == "ZX07")
        ov[("U", "ZX-T06", "ZX07", "date")] = D(2021, x.date.month, x.date.day)
        exp.append(("ZB209", [("U", "ZX-T06", "ZX07", "date")], f"7-Zip 安装日期年份误写成 2021 年（应为 {x.date.year}），早于该机操作系统 2021年9月1日"))
        u.soft["ZX05"].serial = u.soft["ZX04"].serial
        exp.append(("ZB124", [("S", "ZX05", "serial")], "WPS 的授权码抄成了上一行 Office 的序列号"))
        ov[("S", "ZX06", "installed")] = u.installed("ZX06") - 1
        exp.append(("ZB405", [("S", "ZX06", "installed")], f"安装台数 {u.installed('ZX06') - 1}，使用明细中 ZX06 有 {u.installed('ZX06')} 行（维护记录也是）；与维护表重放的份数也不符，ZB406 可一并报出（不要求）",
                    [("ZB406", [("S", "ZX06", "installed")])]))
        ov[("U", "ZX-T10", "ZX04", "date")] = D(2020, 9, 5)
        exp.append(("ZB416", [("U", "ZX-T10", "ZX04", "date")], "Office 安装日期 2020年9月5日，早于购置日期 2020年9月10日（晚于该机系统 2020年8月24日）"))
        return ov, exp, {"omit_free": ("ZX08",)}

    return dict(name="middle-school", classes=[1, 2, 4], office="清溪县第一中学", unit=u, render=render, faults=faults,
                about="学校自拟的登记表：处室、使用人、电脑编号、版本号、类别、购置日期、金额（“23840元”）、授权数、授权期限、"
                      "序列号/授权码、安装台数（“7台”），日期全为“2020年9月10日”文字；汇总表按类别分组、每组“小计”、末尾“合计”，"
                      "表下一段多行“注：”；人员和计算机情况写在一行（“教职工总数 86 人　使用计算机人数 16 人　…　笔记本电脑 4 台”），"
                      "表头信息为“填报单位：”等标签格加值格；使用明细保存时带着筛选（总务处的行被隐藏，仍是数据）和一列隐藏的固定资产编号；"
                      "维护记录每个编号一张，基本信息为标签/值格，“操作”一列写安装/卸载，日期列在前；不适用的格填“/”。")


# =======================================================================================
# 4. 医院 — sheets named 表一…表六; the usage ledger split by building; summary with group
#    headers 采购信息 / 许可信息; dates as 8-digit numbers; √ boxes; hidden asset column
# =======================================================================================
def county_hospital():
    keys = serials(4004, 6)
    rows = [
        ("门诊楼", "门诊部", "刘建国", "YY-MZ-01", "联想", D(2021, 6, 1)), ("门诊楼", "门诊部", "王芳", "YY-MZ-02", "联想", D(2021, 6, 1)),
        ("门诊楼", "门诊部", "张丽", "YY-MZ-03", "联想", D(2021, 6, 2)), ("门诊楼", "药剂科", "李军", "YY-MZ-04", "联想", D(2021, 6, 2)),
        ("门诊楼", "药剂科", "赵敏", "YY-MZ-05", "联想", D(2021, 6, 3)), ("门诊楼", "检验科", "孙磊", "YY-MZ-06", "惠普", D(2022, 10, 10)),
        ("门诊楼", "检验科", "周婷", "YY-MZ-07", "惠普", D(2022, 10, 10)),
        ("住院楼", "内科", "吴强", "YY-ZY-01", "惠普", D(2022, 10, 11)), ("住院楼", "内科", "郑洁", "YY-ZY-02", "惠普", D(2022, 10, 11)),
        ("住院楼", "内科", "冯雪", "YY-ZY-03", "惠普", D(2022, 10, 12)), ("住院楼", "外科", "陈涛", "YY-ZY-04", "联想", D(2023, 5, 15)),
        ("住院楼", "外科", "褚琳", "YY-ZY-05", "联想", D(2023, 5, 15)), ("住院楼", "护理部", "卫霞", "YY-ZY-06", "联想", D(2023, 5, 16)),
        ("住院楼", "护理部", "蒋红", "YY-ZY-07", "联想", D(2023, 5, 16)),
        ("行政楼", "院办", "韩志明", "YY-XZ-01", "联想", D(2021, 6, 4)), ("行政楼", "院办", "杨静", "YY-XZ-02", "联想", D(2021, 6, 4)),
        ("行政楼", "财务科", "朱红梅", "YY-XZ-03", "联想", D(2021, 6, 7)), ("行政楼", "财务科", "秦勇", "YY-XZ-04", "联想", D(2021, 6, 7)),
        ("行政楼", "信息科", "孟凡荣", "YY-XZ-05", "联想", D(2021, 6, 8)),
    ]
    pcs = [PC(dept, user, pc, brand, "desktop", "YY-01", day, place=place, asset=f"ZC{day.year}{i:04d}")
           for i, (place, dept, user, pc, brand, day) in enumerate(rows, 101)]
    pcs += [PC("院办", "韩志明", "YY-XZ-06", "华为", "laptop", "YY-07", D(2024, 11, 18), place="行政楼", asset="ZC20240311"),
            PC("信息科", "许东", "YY-XZ-07", "华为", "laptop", "YY-07", D(2024, 11, 18), place="行政楼", asset="ZC20240312"),
            PC("信息科", "许东", "YY-SV-01", "浪潮", "server", "YY-02", D(2021, 3, 22), place="行政楼", asset="ZC20210031"),
            PC("信息科", "许东", "YY-SV-02", "浪潮", "server", "YY-02", D(2021, 3, 22), place="行政楼", asset="ZC20210032")]
    soft = [
        Soft("YY-01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("YY-02", "Windows Server 2019", "标准版", "commercial", "os", "foreign", D(2021, 3, 18), amount=13960,
             ltype="单机许可", lcount=2, usable="2019", term=PERPETUAL, serial=keys[0]),
        Soft("YY-03", "Microsoft Office 2016", "专业增强版", "commercial", "office", "foreign", D(2021, 5, 20), amount=26800,
             ltype="批量许可", lcount=10, usable="2016", term=PERPETUAL, serial=keys[1]),
        Soft("YY-04", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2026, 5, 8), amount=8400,
             ltype="批量许可", lcount=15, usable="2019", term=rng(D(2026, 5, 8), D(2029, 5, 7)), serial=keys[2]),
        Soft("YY-05", "Symantec Endpoint Protection 14", "企业版", "commercial", "antivirus", "foreign", D(2025, 3, 10),
             amount=6000, ltype="批量许可", lcount=30, usable="14", term=years(3), serial=keys[3]),
        Soft("YY-06", "银河麒麟桌面操作系统 V10", "专业版", "commercial", "os", "domestic", D(2026, 1, 15), amount=6500,
             ltype="批量许可", lcount=10, usable="V10", term=PERPETUAL, serial=keys[4], note="信创替代，待安装"),
        Soft("YY-07", "Windows 11", "专业版", "oem", "os", "foreign"),
        free("YY-08", "福昕阅读器", "全院"),
        free("YY-09", "7-Zip", "检验科、信息科"),
        free("YY-10", "搜狗输入法", "全院"),
    ]
    u = Unit("永和县人民医院", "孟凡荣", "0357-7952208", D(2026, 11, 10), 186, 2, 19, 2, pcs, {s.sid: s for s in soft},
             head=("信息科", "许东", "0357-7952210", "0357-7952200"),
             plan=[("WPS Office 2019", "专业版", 560, 5, "住院楼新增工位"), ("银河麒麟桌面操作系统 V10", "专业版", 650, 10, "信创替代二期"),
                   ("Symantec Endpoint Protection 14", "企业版", 200, 5, "新增终端")],
             plan_date=D(2026, 11, 6),
             sheet_filled={"门诊楼": D(2026, 11, 5), "住院楼": D(2026, 11, 6), "行政楼": D(2026, 11, 10)})
    office = ["YY-XZ-01", "YY-XZ-02", "YY-XZ-03", "YY-XZ-04", "YY-XZ-05", "YY-XZ-06", "YY-XZ-07", "YY-MZ-01", "YY-MZ-02"]
    clients = [p.pc for p in pcs if p.ptype != "server"]
    build(u, [
        ("YY-03", office, D(2021, 6, 9)),
        ("YY-04", [pc for pc in clients if pc not in office], D(2026, 5, 12)),
        ("YY-05", [p.pc for p in pcs], D(2025, 3, 15)),
        ("YY-08", clients, D(2021, 7, 1)),
        ("YY-09", ["YY-MZ-06", "YY-MZ-07", "YY-XZ-05", "YY-XZ-07"], D(2022, 11, 1)),
        ("YY-10", [pc for pc in clients if not pc.startswith("YY-XZ-0") or pc in ("YY-XZ-01", "YY-XZ-02")], D(2021, 7, 2)),
    ], [("retired", "YY-03", PC("院办", "韩志明", "YY-OLD-03", "方正", "desktop", "YY-01", D(2016, 1, 1)), D(2021, 5, 25), D(2024, 11, 18))])

    style = {"kinds": KIND_WORDS["national"], "pdate": "num8", "date": "num8", "term": "dot", "money": "num",
             "count": "num", "dash": "—", "udash": "—"}
    places = ["门诊楼", "住院楼", "行政楼"]

    def render(u, variant, ov):
        bk = Book("永和县人民医院信息科", style, variant, ov)
        ws = bk.sheet("表一")
        ws["A1"] = "表一"
        title(ws, 2, "软件使用情况汇总表", 1, 14)
        merged_text(ws, 3, header_line([("单位名称（盖章）", u.name), ("填表人", u.filler), ("联系电话", u.phone),
                                        ("填表日期", date_text(u.filled, "cn"))]), 1, 14)
        ws["A4"], ws["C4"], ws["D4"], ws["F4"] = "人员情况", "总人数", u.people_total, "使用计算机人数"
        bk.put(ws, 4, 7, None if variant == "derive" else len(u.users()), key=("SH", "using"))
        ws["A5"], ws["C5"], ws["D5"], ws["F5"], ws["G5"], ws["H5"], ws["I5"] = (
            "计算机情况", "服务器数", u.servers, "台式机数", u.desktops, "便携机数", u.laptops)
        ws.merge_cells("A4:B4")
        ws.merge_cells("A5:B5")
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                ("采购时间", "purchased", "采购信息"), ("采购金额（元）", "amount", "采购信息"),
                ("许可类型", "ltype", "许可信息"), ("许可数量", "lcount", "许可信息"), ("可使用版本", "usable", "许可信息"),
                ("许可期限", "term", "许可信息"), ("序列号", "serial", "许可信息"), ("安装数量", "installed"), ("备注", "note")]
        r, where = header_rows(ws, 7, cols, height=22)
        r = summary_rows(bk, ws, r, u, cols, where, total_row=True, label_col=3)
        boxed(ws, 7, r - 1, 1, 14)
        merged_text(ws, r + 1, "注：1.软件类型填写商业软件、OEM软件、免费软件；OEM软件、免费软件的采购信息和许可信息填“—”。", 1, 14)
        merged_text(ws, r + 2, "2.日期按“年月日”八位数字填写，如20260508。", 1, 14)
        widths(ws, [5, 8, 30, 10, 10, 11, 12, 10, 8, 10, 20, 32, 8, 16])
        for place in places:
            ws = bk.sheet(f"表二（{place}）")
            ws["A1"] = "表二"
            title(ws, 2, f"软件使用情况明细表（{place}）", 1, 14)
            merged_text(ws, 3, header_line([("单位名称（盖章）", u.name), ("填表人", u.filler), ("联系电话", u.phone),
                                            ("填表日期", date_text(u.sheet_filled[place], "cn"))]), 1, 14)
            cols = [("序号", "seq"), ("科室", "dept"), ("姓名", "user"), ("计算机编号", "pc"), ("资产编号", "asset"),
                    ("计算机品牌", "brand"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
                    ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"), ("免费软件", "kind:free", "软件类型"),
                    ("安装日期", "date")]
            r, where = header_rows(ws, 4, cols, height=20)
            mine = [x for x in u.uses if u.pcmap()[x.pc].place == place]
            r = usage_rows(bk, ws, r, u, mine, cols, where, boxes=("√", ""), merge=("dept", "user", "pc", "asset", "brand"),
                           hidden_cols={"asset": lambda p: p.asset})
            boxed(ws, 4, r - 1, 1, 14)
            ws.column_dimensions["E"].hidden = True
            widths(ws, [5, 8, 8, 11, 12, 8, 8, 30, 10, 20, 6, 6, 6, 11])
        for k, (sid, s) in enumerate(u.soft.items(), 1):
            ws = bk.sheet(f"表三-{k}")
            ws["A1"] = "表三"
            title(ws, 2, "软件安装维护情况明细表", 1, 10)
            merged_text(ws, 3, header_line([("单位名称", u.name), ("填表人", u.filler), ("联系电话", u.phone)]), 1, 10)
            merged_text(ws, 4, "一、软件基本信息", 1, 10).font = Font(bold=True)
            r = part1_grid(bk, ws, 5, s, boxes=("√", ""))
            boxed(ws, 5, r - 1, 1, 9)
            merged_text(ws, r, "二、软件安装卸载明细", 1, 10).font = Font(bold=True)
            cols = [("序号", "seq"), ("安装", "act:install"), ("卸载", "act:uninstall"), ("计算机编号", "pc"),
                    ("计算机品牌", "brand"), ("使用人", "user"), ("使用部门", "dept"), ("安装/卸载版本", "version"),
                    ("安装/卸载日期", "date"), ("安装数量", "count")]
            top = r + 1
            r, where = header_rows(ws, r + 1, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where, boxes=("√", ""))
            boxed(ws, top, max(r - 1, top), 1, 10)
            widths(ws, [8, 30, 11, 8, 8, 8, 9, 12, 20, 8])
        ws = bk.sheet("表四")
        ws["A1"] = "表四"
        title(ws, 2, "可使用免费软件清单", 1, 9)
        merged_text(ws, 3, header_line([("单位名称（盖章）", u.name), ("填表人", u.filler), ("联系电话", u.phone),
                                        ("填表日期", date_text(u.filled, "cn"))]), 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "vendor"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 4, cols)
        r = free_rows(bk, ws, r, u, cols, where)
        boxed(ws, 4, r - 1, 1, 9)
        widths(ws, [5, 9, 14, 8, 10, 28, 24, 16, 16])
        if variant != "derive":
            ws = bk.sheet("表五")
            ws["A1"] = "表五"
            title(ws, 2, f"{YEAR}年度软件正版化工作信息统计表", 1, 9)
            stats_table(bk, ws, 3, u, statistics(u), head_text=header_line(
                [("单位名称（盖章）", u.name), ("填表人", u.filler), ("联系电话", u.phone), ("填表日期", date_text(u.filled, "cn"))]))
            widths(ws, [10, 12, 12, 12, 12, 12, 12, 12, 12])
        ws = bk.sheet("表六")
        ws["A1"] = "表六"
        title(ws, 2, "软件采购计划表", 1, 7)
        merged_text(ws, 3, header_line([("经手人", u.filler), ("联系电话", u.phone), ("填表日期", date_text(u.plan_date, "cn"))]), 1, 7)
        plan_table(bk, ws, 4, u, signers=[("许东", D(2026, 11, 7)), ("杨静", D(2026, 11, 7)), ("朱红梅", D(2026, 11, 8)),
                                          ("韩志明", D(2026, 11, 9))])
        widths(ws, [12, 30, 12, 12, 12, 12, 16])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("S", "YY-05", "installed")] = u.installed("YY-05") - 1
        exp.append(("ZB405", [("S", "YY-05", "installed")], f"安装数量 {u.installed('YY-05') - 1}，三张明细表中 YY-05 共 {u.installed('YY-05')} 行；与维护表重放的份数也不符，ZB406 可一并报出（不要求）",
                    [("ZB406", [("S", "YY-05", "installed")])]))
        ov[("U", "YY-ZY-03", "YY-04", "sid")] = "YY-O4"
        exp.append(("ZB403", [("U", "YY-ZY-03", "YY-04", "sid")], "软件编号 YY-O4（字母 O）是 YY-04 的笔误；按名称计入 YY-04，不另报 ZB405"))
        u.soft["YY-03"].lcount = 8
        i = first_over(u, "YY-03")
        exp.append(("ZB111", [("S", "YY-03", "installed"), ("S", "YY-03", "lcount")], "Office 2016 装了 9 台，许可数量 8；维护表按日期重放也自此超装，ZB307 说的是同一处超装，可一并报出（不要求）",
                    [("ZB307", [("M", "YY-03", i, f) for f in ("date", "pc", "act", "count")])]))
        st = statistics(u)
        ov[("T", "holdings", "foreign", "os")] = 2
        exp.append(("ZB414", [("T", "holdings", "foreign", "os")],
                    f"五、国外操作系统许可数填 2（漏了预装系统），按台账应为 {st['holdings']['foreign']['os']}（含预装）"))
        ov[("S", "YY-06", "purchased")] = D(2026, 11, 15)
        exp.append(("ZB117", [("S", "YY-06", "purchased")], "采购时间 20261115 晚于填表日期 2026年11月10日（应为 20260115）；"
                                                              "该批尚未安装，不涉及 ZB416；年份未变，统计表不受影响"))
        j = next(k for k, e in enumerate(u.events["YY-09"]) if e.pc == "YY-MZ-06")
        ov[("M", "YY-09", j, "brand")] = "联想"
        exp.append(("ZB417", [("M", "YY-09", j, "brand")], "表三 7-Zip 记录中 YY-MZ-06 品牌写成联想，明细表为惠普"))
        u.soft["YY-04"].term = rng(D(2026, 5, 1), D(2029, 5, 7))
        exp.append(("ZB125", [("S", "YY-04", "term")], "许可期限 2026.5.1 起，早于采购时间 20260508（各表一致）"))
        ov[("U", "YY-MZ-04", "YY-10", "kind")] = ("", "", "")
        exp.append(("ZB202", [("U", "YY-MZ-04", "YY-10", "kind")], "搜狗输入法一行软件类型三栏都没打 √"))
        return ov, exp, {}

    return dict(name="county-hospital", classes=[2, 3, 4], office="永和县人民医院", unit=u, render=render, faults=faults,
                about="工作表名不说明内容（表一…表六，表二分楼、表三-1…表三-10）；明细表按楼分成三张（门诊楼/住院楼/行政楼，各有填表日期），"
                      "科室/姓名/计算机编号/品牌按计算机合并，隐藏一列资产编号，软件类型三栏打 √ 或留空；汇总表两行表头，"
                      "“采购信息”合并在采购时间/金额上、“许可信息”合并在许可类型…序列号上，末尾“合计”行和两行“注”；所有日期为"
                      "八位数字（20260508，数字格式）；一个商业软件已购未装（安装数量 0，维护表只有基本信息）。")


# =======================================================================================
# 5. 乡镇 — 表N numbering with the town's own words (科室, 使用人, 授权书编号, 有效期, 价格);
#    summary type as ✔ boxes under a merged 软件类型; "2023.5.1" dates; merged computer
#    cells; every maintenance log stacked in one sheet, each a full copy of the template
# =======================================================================================
def township():
    keys = serials(5005, 6)
    pcs = [
        PC("党政办", "向红梅", "XG-01", "联想", "desktop", "XG01", D(2021, 4, 12)),
        PC("党政办", "覃国平", "XG-02", "联想", "desktop", "XG01", D(2021, 4, 12)),
        PC("党政办", "田秀英", "XG-03", "联想", "desktop", "XG01", D(2021, 4, 13)),
        PC("党政办", "覃国平", "XG-B1", "戴尔", "laptop", "XG02", D(2024, 6, 3)),
        PC("经发办", "龚建军", "XG-04", "联想", "desktop", "XG01", D(2021, 4, 13)),
        PC("经发办", "彭小兰", "XG-05", "联想", "desktop", "XG01", D(2021, 4, 14)),
        PC("社会事务办", "唐志勇", "XG-06", "清华同方", "desktop", "XG01", D(2022, 5, 9)),
        PC("社会事务办", "钟丽", "XG-07", "清华同方", "desktop", "XG01", D(2022, 5, 9)),
        PC("综治办", "胡德明", "XG-08", "清华同方", "desktop", "XG01", D(2022, 5, 10)),
        PC("综治办", "胡德明", "XG-B2", "戴尔", "laptop", "XG02", D(2024, 6, 3)),
        PC("财政所", "汪琴", "XG-09", "联想", "desktop", "XG01", D(2022, 5, 10)),
        PC("财政所", "卓玉华", "XG-10", "联想", "desktop", "XG01", D(2022, 5, 11)),
        PC("便民服务中心", "邹平", "XG-11", "联想", "desktop", "XG01", D(2023, 3, 20)),
        PC("便民服务中心", "舒燕", "XG-12", "联想", "desktop", "XG01", D(2023, 3, 20)),
    ]
    soft = [
        Soft("XG03", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2022, 6, 15), amount=7500,
             ltype="批量授权", lcount=15, usable="2019", term=PERPETUAL, serial=keys[0]),
        Soft("XG04", "火绒终端安全管理系统", "V2.0", "commercial", "antivirus", "domestic", D(2024, 5, 20), amount=3000,
             ltype="批量授权", lcount=15, usable="V2.0", term=rng(D(2024, 5, 20), D(2029, 5, 19)), serial=keys[1]),
        Soft("XG05", "用友GRP-U8政府财务管理软件", "V13", "commercial", "other", "domestic", D(2023, 3, 1), amount=16000,
             ltype="单机授权", lcount=2, usable="V13", term=PERPETUAL, serial=keys[2]),
        Soft("XG01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("XG02", "Windows 11", "专业版", "oem", "os", "foreign"),
        free("XG06", "7-Zip", "党政办、经发办、社会事务办、综治办、财政所"),
        free("XG07", "福昕阅读器", "全镇"),
        free("XG08", "搜狗输入法", "全镇"),
    ]
    u = Unit("石门县新关镇人民政府", "向红梅", "0736-5321147", D(2026, 11, 3), 36, 0, 13, 2, pcs, {s.sid: s for s in soft})
    allpc = [p.pc for p in pcs]
    desks = [p.pc for p in pcs if p.ptype == "desktop"]
    build(u, [
        ("XG03", allpc, D(2022, 6, 20)),
        ("XG04", allpc, D(2024, 5, 22)),
        ("XG05", ["XG-09", "XG-10"], D(2023, 3, 5)),
        ("XG06", ["XG-01", "XG-04", "XG-06", "XG-08", "XG-09", "XG-10"], D(2022, 7, 1)),
        ("XG07", desks, D(2022, 7, 2)),
        ("XG08", ["XG-01", "XG-02", "XG-03", "XG-04", "XG-05", "XG-11", "XG-12", "XG-B1"], D(2022, 7, 4)),
    ], [("reinstall", "XG03", "XG-06", D(2022, 6, 21), D(2025, 4, 7), D(2025, 4, 8))])

    style = {"kinds": KIND_WORDS["national"], "pdate": "dot", "date": "dot", "term": "dot", "money": "num",
             "count": "num", "dash": "", "udash": None, "fdash": None}
    boxes = ("✔", "")

    def render(u, variant, ov, omit_free=()):
        bk = Book("新关镇党政办", style, variant, ov)
        who = header_line([("单位名称（盖章）", u.name), ("填表人", u.filler), ("联系电话", u.phone),
                           ("填表日期", date_text(u.filled, "dot"))])
        using = SP * 2 if variant == "derive" else f" {len(u.users())} "
        ws = bk.sheet("表5汇总")
        ws["A1"] = "表5"
        title(ws, 2, "软件使用情况汇总表", 1, 15)
        merged_text(ws, 3, who, 1, 15)
        merged_text(ws, 4, f"人员情况：总人数 {u.people_total} 人{SP}使用计算机人数{using}人{SP * 2}计算机情况："
                           f"服务器数 {u.servers} 台{SP}台式机数 {u.desktops} 台{SP}便携机数 {u.laptops} 台", 1, 15)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"),
                ("商业", "kind:commercial", "软件类型"), ("OEM", "kind:oem", "软件类型"), ("免费", "kind:free", "软件类型"),
                ("购买日期", "purchased"), ("价格（元）", "amount"), ("授权方式", "ltype"), ("授权数量", "lcount"),
                ("可使用版本", "usable"), ("有效期", "term"), ("授权书编号", "serial"), ("安装数量", "installed")]
        r, where = header_rows(ws, 5, cols, height=20)
        r = summary_rows(bk, ws, r, u, cols, where, boxes=boxes)
        boxed(ws, 5, r - 1, 1, 15)
        ws.cell(r + 1, 2, "分管领导：邹建华")
        ws.cell(r + 1, 9, f"制表：{u.filler}")
        widths(ws, [5, 8, 26, 9, 6, 6, 6, 11, 10, 9, 8, 10, 18, 32, 8])
        ws = bk.sheet("表6明细")
        ws["A1"] = "表6"
        title(ws, 2, "软件使用情况明细表", 1, 13)
        merged_text(ws, 3, who, 1, 13)
        cols = [("序号", "seq"), ("科室", "dept"), ("使用人", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("有效期", "term"),
                ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"), ("免费软件", "kind:free", "软件类型"),
                ("安装日期", "date")]
        r, where = header_rows(ws, 4, cols, height=20)
        r = usage_rows(bk, ws, r, u, u.uses, cols, where, boxes=boxes, merge=("dept", "user", "pc", "brand"))
        boxed(ws, 4, r - 1, 1, 13)
        widths(ws, [5, 11, 8, 9, 9, 8, 26, 9, 18, 6, 6, 6, 11])
        ws = bk.sheet("表7维护")
        r = 1
        for sid, s in u.soft.items():
            ws.cell(r, 1, "表7")
            title(ws, r + 1, "软件安装维护情况明细表", 1, 10)
            merged_text(ws, r + 2, header_line([("单位名称", u.name), ("填表人", u.filler), ("联系电话", u.phone)]), 1, 10)
            merged_text(ws, r + 3, "一、软件基本信息", 1, 10).font = Font(bold=True)
            top = r + 4
            r = part1_grid(bk, ws, r + 4, s, boxes=boxes, cols=[
                ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("商业软件", "kind:commercial", "软件类型"),
                ("OEM软件", "kind:oem", "软件类型"), ("免费软件", "kind:free", "软件类型"), ("授权数量", "lcount"),
                ("可使用版本", "usable"), ("有效期", "term")])
            boxed(ws, top, r - 1, 1, 9)
            merged_text(ws, r, "二、软件安装卸载明细", 1, 10).font = Font(bold=True)
            cols = [("序号", "seq"), ("安装", "act:install"), ("卸载", "act:uninstall"), ("计算机编号", "pc"),
                    ("计算机品牌", "brand"), ("使用人", "user"), ("使用科室", "dept"), ("安装/卸载版本", "version"),
                    ("安装/卸载日期", "date"), ("安装数量", "count")]
            top = r + 1
            r, where = header_rows(ws, r + 1, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where, boxes=boxes)
            boxed(ws, top, r - 1, 1, 10)
            r += 2
        widths(ws, [8, 26, 9, 8, 8, 8, 11, 12, 18, 8])
        ws = bk.sheet("表4免费")
        ws["A1"] = "表4"
        title(ws, 2, "可使用免费软件清单", 1, 9)
        merged_text(ws, 3, who, 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "vendor"), ("软件厂商客服联系方式", "contact"), ("使用科室", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 4, cols)
        r = free_rows(bk, ws, r, u, cols, where, omit=omit_free)
        boxed(ws, 4, r - 1, 1, 9)
        widths(ws, [5, 8, 14, 8, 10, 28, 24, 30, 16])
        return bk

    def faults(u):
        ov, exp = {}, []
        u.soft["XG04"].term = rng(D(2024, 5, 20), D(2026, 5, 19))
        exp.append(("ZB112", [("S", "XG04", "term"), ("S", "XG04", "installed")], "火绒授权 2026.5.19 已到期，仍装 14 台（各表一致，安装都在到期前）"))
        ov[("S", "XG01", "amount")] = 4200
        exp.append(("ZB107", [("S", "XG01", "amount")], "OEM 的 Windows 10 一行填了价格 4200（整机价）"))
        i = add_event(u, "XG06", Ev("uninstall", "XG-03", D(2024, 9, 10), "联想", "田秀英", "党政办", tag="ZB304"))
        exp.append(("ZB304", [("M", "XG06", i, f) for f in ("pc", "act", "date")],
                    "XG-03 从未装过 7-Zip，却登记了一条卸载；重放时这条卸载不改变装机数，安装数量与重放一致；"
                    "按字面 Σ安装−Σ卸载 会少 1 份，故 ZB406 列为可一并报出（不要求）",
                    [("ZB406", [("S", "XG06", "installed")])]))
        ov[("U", "XG-11", "XG07", "date")] = D(2026, 11, 12)
        exp.append(("ZB205", [("U", "XG-11", "XG07", "date")], "安装日期 2026.11.12 晚于填表日期 2026.11.3"))
        x = next(x for x in u.uses if x.pc == "XG-08" and x.sid == "XG06")
        ov[("U", "XG-08", "XG06", "date")] = D(2021, x.date.month, x.date.day)
        exp.append(("ZB209", [("U", "XG-08", "XG06", "date")], f"7-Zip 安装日期年份误写为 2021（应为 {x.date.year}），早于该机系统 2022.5.10"))
        exp.append(("ZB410", [("S", "XG08", f) for f in ("sid", "name")], "搜狗输入法登记为免费软件，免费软件清单中没有"))
        ov[("U", "XG-05", "XG03", "sid")] = "XG3"
        exp.append(("ZB403", [("U", "XG-05", "XG03", "sid")], "软件编号 XG3 是 XG03 的笔误；按名称计入 XG03，不另报 ZB405"))
        u.soft["XG02"].version = "家庭中文版"
        exp.append(("ZB121", [("S", "XG02", "version"), ("S", "XG02", "name")], "两台笔记本随机预装的是 Windows 11 家庭中文版（各表一致）"))
        return ov, exp, {"omit_free": ("XG08",)}

    return dict(name="township", classes=[1, 3, 4], office="石门县新关镇人民政府", unit=u, render=render, faults=faults,
                about="双龙镇式的表4–表7 编号，但用镇里自己的词（科室、使用人、购买日期、价格、授权方式、授权数量、有效期、授权书编号）；"
                      "汇总表的软件类型是合并表头“软件类型”下的三栏 ✔（商业/OEM/免费），不适用的格留空；日期全是“2022.6.15”文字；"
                      "明细表按计算机合并科室/使用人/编号/品牌；八份安装维护情况明细表上下叠放在“表7维护”一张表里，每份都带表号、标题、"
                      "表头信息；人员/计算机情况写在一行（带“人”“台”）。")


# =======================================================================================
# 6. 街道办 — sheets Sheet1…Sheet17; the office's own words (来源类型 采购/预装/免费, 供货商,
#    价格 "¥", 许可证（授权书）编号, 使用者姓名, 计算机类型, 房间号); usage one sheet per 科室
#    with the computer first; one saved with a filter; maintenance logs with an action column
# =======================================================================================
def subdistrict():
    keys = serials(6006, 6)
    pcs = [
        PC("党政办", "高俊", "BH-PC01", "联想", "desktop", "BH-01", D(2021, 7, 5), room="201"),
        PC("党政办", "李娜", "BH-PC02", "联想", "desktop", "BH-01", D(2021, 7, 5), room="201"),
        PC("党政办", "王振华", "BH-PC03", "联想", "desktop", "BH-01", D(2021, 7, 6), room="202"),
        PC("党政办", "王振华", "BH-NB01", "联想", "laptop", "BH-02", D(2024, 3, 11), room="202"),
        PC("社区建设科", "张敏", "BH-PC04", "联想", "desktop", "BH-01", D(2021, 7, 6), room="205"),
        PC("社区建设科", "刘洋", "BH-PC05", "联想", "desktop", "BH-01", D(2021, 7, 7), room="205"),
        PC("社区建设科", "陈静", "BH-PC06", "长城", "desktop", "BH-03", D(2025, 10, 27), room="206"),
        PC("社会事务科", "杨帆", "BH-PC07", "联想", "desktop", "BH-01", D(2022, 9, 13), room="208"),
        PC("社会事务科", "赵丽", "BH-PC08", "联想", "desktop", "BH-01", D(2022, 9, 13), room="208"),
        PC("社会事务科", "黄磊", "BH-PC09", "长城", "desktop", "BH-03", D(2025, 10, 27), room="209"),
        PC("城市管理科", "周强", "BH-PC10", "联想", "desktop", "BH-01", D(2022, 9, 14), room="210"),
        PC("城市管理科", "吴婷", "BH-PC11", "长城", "desktop", "BH-03", D(2025, 10, 28), room="210"),
        PC("城市管理科", "周强", "BH-NB02", "联想", "laptop", "BH-02", D(2024, 3, 11), room="210"),
        PC("综合执法队", "徐刚", "BH-PC12", "联想", "desktop", "BH-01", D(2022, 9, 14), room="101"),
        PC("综合执法队", "孙鹏", "BH-PC13", "长城", "desktop", "BH-03", D(2025, 10, 28), room="101"),
        PC("综合执法队", "马超", "BH-PC14", "长城", "desktop", "BH-03", D(2025, 10, 29), room="102"),
        PC("综合执法队", "朱红", "BH-PC15", "联想", "desktop", "BH-01", D(2022, 9, 15), room="102"),
        PC("综合执法队", "徐刚", "BH-NB03", "联想", "laptop", "BH-02", D(2024, 3, 12), room="101"),
    ]
    for p in pcs:
        p.place = p.dept
    soft = [
        Soft("BH-01", "Windows 10", "专业版", "oem", "os", "foreign", supplier="随机预装"),
        Soft("BH-02", "Windows 11", "专业版", "oem", "os", "foreign", supplier="随机预装"),
        Soft("BH-03", "统信UOS桌面操作系统", "V20 专业版", "commercial", "os", "domestic", D(2025, 10, 20), amount=4080,
             ltype="批量许可", lcount=6, usable="V20", term=PERPETUAL, serial=keys[0], supplier="西安启航信息技术有限公司"),
        Soft("BH-04", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2024, 3, 18), amount=10400,
             ltype="批量许可", lcount=20, usable="2019", term=rng(D(2024, 3, 18), D(2029, 3, 17)), serial=keys[1],
             supplier="西安启航信息技术有限公司"),
        Soft("BH-05", "ESET Endpoint Security 8", "企业版", "commercial", "antivirus", "foreign", D(2026, 2, 10), amount=3000,
             ltype="订阅许可", lcount=20, usable="8", term=years(3), serial=keys[2], supplier="陕西信安科技有限公司"),
        Soft("BH-06", "Adobe Acrobat Pro 2020", "2020", "commercial", "other", "foreign", D(2022, 11, 5), amount=6560,
             ltype="单机许可", lcount=2, usable="2020", term=PERPETUAL, serial=keys[3], supplier="陕西信安科技有限公司"),
        free("BH-07", "Google Chrome", "党政办、社会事务科、城市管理科、综合执法队", supplier="官网下载"),
        free("BH-08", "7-Zip", "党政办、社区建设科、社会事务科、城市管理科、综合执法队", supplier="官网下载"),
        free("BH-09", "福昕阅读器", "全办", supplier="官网下载"),
    ]
    u = Unit("滨河街道办事处", "高俊", "029-86231745", D(2026, 11, 13), 47, 0, 15, 3, pcs, {s.sid: s for s in soft},
             plan=[("统信UOS桌面操作系统", "V20 专业版", 680, 6, "第二批信创替代"), ("WPS Office 2019", "专业版", 520, 4, "社区工作站"),
                   ("ESET Endpoint Security 8", "企业版", 150, 4, "新增终端")],
             plan_date=D(2026, 11, 9),
             sheet_filled={"党政办": D(2026, 11, 13), "社区建设科": D(2026, 11, 10), "社会事务科": D(2026, 11, 10),
                           "城市管理科": D(2026, 11, 12), "综合执法队": D(2026, 11, 9)})
    allpc = [p.pc for p in pcs]
    desks = [p.pc for p in pcs if p.ptype == "desktop"]
    build(u, [
        ("BH-04", allpc, D(2024, 3, 20)),
        ("BH-05", allpc, D(2026, 2, 12)),
        ("BH-06", ["BH-PC01", "BH-PC04"], D(2022, 11, 10)),
        ("BH-07", ["BH-PC01", "BH-PC02", "BH-PC03", "BH-PC07", "BH-PC10", "BH-PC12", "BH-NB01"], D(2023, 5, 8)),
        ("BH-08", ["BH-PC01", "BH-PC04", "BH-PC05", "BH-PC08", "BH-PC10", "BH-PC15"], D(2023, 5, 9)),
        ("BH-09", desks + ["BH-NB03"], D(2023, 5, 10)),
    ], [("reinstall", "BH-04", "BH-PC02", D(2024, 3, 21), D(2025, 6, 3), D(2025, 6, 4))])

    style = {"kinds": KIND_WORDS["source"], "pdate": "xl_slash", "date": "xl_slash", "term": "cn", "money": "yen",
             "count": "num", "dash": "无", "udash": "无", "fdash": "—"}
    depts = ["党政办", "社区建设科", "社会事务科", "城市管理科", "综合执法队"]

    def render(u, variant, ov):
        bk = Book("滨河街道党政办", style, variant, ov)
        n = 1
        ws = bk.sheet(f"Sheet{n}")
        title(ws, 1, f"{u.name}软件资产登记汇总表", 1, 15)
        labelled_cells(ws, 2, [(1, "填报单位", u.name, 4), (5, "填报人", u.filler), (7, "联系电话", u.phone, 8)])
        ws.cell(2, 10, "填报日期").font = Font(bold=True)
        bk.put(ws, 2, 11, u.filled, kind="pdate", align=LEFT)
        using = None if variant == "derive" else f"{len(u.users())}人"
        for c, lab, v in ((1, "总人数", f"{u.people_total}人"), (3, "使用计算机人数", using), (5, "服务器", f"{u.servers}台"),
                          (7, "台式机", f"{u.desktops}台"), (9, "便携机", f"{u.laptops}台")):
            ws.cell(3, c, lab).font = Font(bold=True)
            bk.put(ws, 3, c + 1, v, key=("SH", "using") if lab == "使用计算机人数" else None)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("来源类型", "kind"),
                ("供货商", "supplier"), ("购买日期", "purchased"), ("价格（元）", "amount"), ("授权方式", "ltype"),
                ("授权数量", "lcount"), ("可使用版本", "usable"), ("有效期", "term"), ("许可证（授权书）编号", "serial"),
                ("安装数量", "installed"), ("备注", "note")]
        r, where = header_rows(ws, 4, cols, height=30)
        r = summary_rows(bk, ws, r, u, cols, where)
        boxed(ws, 4, r - 1, 1, 15)
        merged_text(ws, r + 1, "备注：来源类型填“采购”“预装”“免费”；预装、免费软件的购买与授权各栏填“无”。", 1, 15)
        widths(ws, [5, 8, 26, 10, 8, 24, 11, 13, 9, 8, 10, 30, 32, 8, 8])
        for dept in depts:
            n += 1
            ws = bk.sheet(f"Sheet{n}")
            title(ws, 1, f"软件使用登记表（{dept}）", 1, 13)
            merged_text(ws, 2, header_line([("填报单位", u.name), ("填报人", u.filler),
                                            ("填报日期", date_text(u.sheet_filled[dept], "cn")), ("联系电话", u.phone)]), 1, 13)
            cols = [("序号", "seq"), ("计算机编号", "pc"), ("计算机类型", "ptype"), ("品牌", "brand"), ("使用者姓名", "user"),
                    ("科室", "dept"), ("房间号", "room"), ("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"),
                    ("来源类型", "kind"), ("有效期", "term"), ("安装日期", "date")]
            r, where = header_rows(ws, 3, cols, height=24)
            first = r
            mine = [x for x in u.uses if u.pcmap()[x.pc].dept == dept]
            r = usage_rows(bk, ws, r, u, mine, cols, where)
            boxed(ws, 3, r - 1, 1, 13)
            if dept == "综合执法队":
                hide = [first + k for k, x in enumerate(mine) if u.soft[x.sid].kind != "commercial"]
                filter_hide(ws, f"A3:M{r - 1}", 10, ["采购"], hide)
            widths(ws, [5, 10, 9, 6, 9, 11, 7, 8, 26, 10, 8, 30, 11])
        for sid, s in u.soft.items():
            n += 1
            ws = bk.sheet(f"Sheet{n}")
            title(ws, 1, "软件安装维护情况明细表", 1, 9)
            merged_text(ws, 2, header_line([("单位名称", u.name), ("填表人", u.filler), ("联系电话", u.phone)]), 1, 9)
            vals = part1_values(bk, s)
            for c, lab, f in ((1, "软件编号", "sid"), (3, "软件名称", "name"), (6, "版本", "version")):
                ws.cell(3, c, lab).font = Font(bold=True)
                bk.put(ws, 3, c + 1, vals[f][0], key=("M1", sid, f), kind=vals[f][1])
            ws.merge_cells("D3:E3")
            ws.cell(4, 1, "来源类型").font = Font(bold=True)
            bk.put(ws, 4, 2, bk.style["kinds"][s.kind], key=("M1", sid, "kind"))
            for c, lab, f in ((3, "授权数量", "lcount"), (5, "可使用版本", "usable"), (7, "有效期", "term")):
                ws.cell(4, c, lab).font = Font(bold=True)
                bk.put(ws, 4, c + 1, vals[f][0], key=("M1", sid, f), kind=vals[f][1])
            ws.merge_cells("H4:I4")
            boxed(ws, 3, 4, 1, 9)
            cols = [("序号", "seq"), ("安装/卸载", "act"), ("日期", "date"), ("计算机编号", "pc"), ("品牌", "brand"),
                    ("使用者", "user"), ("科室", "dept"), ("版本", "version"), ("数量", "count")]
            r, where = header_rows(ws, 6, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where)
            boxed(ws, 6, r - 1, 1, 9)
            widths(ws, [8, 10, 12, 11, 8, 9, 11, 12, 16])
        n += 1
        ws = bk.sheet(f"Sheet{n}")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        merged_text(ws, 2, header_line([("单位名称（盖章）", u.name), ("填表人", u.filler), ("联系电话", u.phone),
                                        ("填表日期", date_text(u.filled, "cn"))]), 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "vendor"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_rows(bk, ws, r, u, cols, where)
        boxed(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 8, 14, 8, 10, 28, 30, 40, 16])
        n += 1
        ws = bk.sheet(f"Sheet{n}")
        title(ws, 1, "2027年软件采购计划表", 1, 7)
        merged_text(ws, 2, header_line([("经手人", u.filler), ("联系电话", u.phone), ("填表日期", date_text(u.plan_date, "cn"))]), 1, 7)
        plan_table(bk, ws, 3, u, approvals=(("党政办\n审核", "审核人"), ("财政所\n审核", "审核人"), ("分管领导\n审核", "审核人"),
                                            ("街道主任\n审批", "审批人")),
                   signers=[("李娜", D(2026, 11, 10)), ("赵丽", D(2026, 11, 10)), ("王振华", D(2026, 11, 11)), ("韩立", D(2026, 11, 12))])
        widths(ws, [12, 30, 12, 12, 12, 12, 16])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("U", "BH-PC05", "BH-04", "brand")] = "长城"
        exp.append(("ZB203", [("U", "BH-PC05", "BH-04", "brand")],
                    "BH-PC05 在其他各行和维护表中都是联想，此行写成长城（维护表与多数行一致，不应另报 ZB417）"))
        ov[("U", "BH-PC08", "BH-09", "user")] = BLANK
        exp.append(("ZB201", [("U", "BH-PC08", "BH-09", "user")], "福昕阅读器一行漏填使用者姓名（同机其他行为赵丽；空格不算另一个姓名，不应报 ZB206）"))
        ov[("S", "BH-08", "kind")] = BLANK
        exp.append(("ZB101", [("S", "BH-08", "kind")], "7-Zip 的来源类型漏填；类型不明，不应再报依类型的规则"))
        ov[("U", "BH-PC07", "BH-05", "date")] = D(2026, 2, 6)
        exp.append(("ZB416", [("U", "BH-PC07", "BH-05", "date")], "ESET 安装日期 2026/2/6，早于购买日期 2026/2/10"))
        u.soft["BH-06"].serial = u.soft["BH-05"].serial
        exp.append(("ZB124", [("S", "BH-06", "serial")], "Acrobat 的许可证编号抄成了上一行 ESET 的编号"))
        u.soft["BH-04"].term = rng(D(2024, 3, 1), D(2029, 3, 17))
        exp.append(("ZB125", [("S", "BH-04", "term")], "有效期 2024年3月1日起，早于购买日期 2024/3/18（各表一致）"))
        u.soft["BH-03"].lcount = 4
        i = first_over(u, "BH-03")
        exp.append(("ZB111", [("S", "BH-03", "installed"), ("S", "BH-03", "lcount")], "统信UOS 装了 5 台，授权数量 4；维护表按日期重放也自此超装，ZB307 说的是同一处超装，可一并报出（不要求）",
                    [("ZB307", [("M", "BH-03", i, f) for f in ("date", "pc", "act", "count")])]))
        j = next(k for k, e in enumerate(u.events["BH-07"]) if e.pc == "BH-PC10")
        ov[("M", "BH-07", j, "brand")] = "惠普"
        exp.append(("ZB417", [("M", "BH-07", j, "brand")], "Chrome 维护表中 BH-PC10 的品牌写成惠普，登记表为联想"))
        return ov, exp, {}

    return dict(name="subdistrict", classes=[1, 2, 3], office="滨河街道办事处", unit=u, render=render, faults=faults,
                about="工作表名 Sheet1…Sheet17 什么也不说；汇总表自拟为“软件资产登记汇总表”，列名用通知里的说法（来源类型 采购/预装/免费、"
                      "供货商、购买日期、价格（“¥10,400.00”）、授权方式、授权数量、有效期、许可证（授权书）编号），不适用的格填“无”；"
                      "人员/计算机情况为标签格加带单位的值（“47人”“15台”）；使用登记表每个科室一张（标题“软件使用登记表（党政办）”，"
                      "各有填报日期），计算机编号在前、使用者姓名和科室在后，另有计算机类型、房间号；综合执法队一张保存时筛选着"
                      "“来源类型=采购”（其余行隐藏，仍是数据）；维护表每个编号一张，基本信息为标签/值格，“安装/卸载”一列写字。")


# =======================================================================================
# 7. 档案馆 — header blocks as one cell of "label：value" pairs and one row of sections;
#    summary with a hidden asset column, 小计 rows with spacers, 合计, a multi-line 注;
#    ■/□ boxes; every maintenance log stacked in one sheet under one header
# =======================================================================================
def city_archives():
    keys = serials(7007, 6)
    pcs = [
        PC("办公室", "周静", "DA-PC-01", "联想", "desktop", "DA-01", D(2021, 11, 8)),
        PC("办公室", "黄伟", "DA-PC-02", "联想", "desktop", "DA-01", D(2021, 11, 8)),
        PC("办公室", "黄伟", "DA-NB-01", "华为", "laptop", "DA-02", D(2024, 8, 5)),
        PC("档案接收征集部", "梁晓红", "DA-PC-03", "联想", "desktop", "DA-01", D(2021, 11, 9)),
        PC("档案接收征集部", "覃海", "DA-PC-04", "联想", "desktop", "DA-01", D(2021, 11, 9)),
        PC("档案保管部", "莫丽", "DA-PC-05", "联想", "desktop", "DA-01", D(2021, 11, 10)),
        PC("档案保管部", "韦刚", "DA-PC-06", "联想", "desktop", "DA-01", D(2021, 11, 10)),
        PC("档案保管部", "甘露", "DA-PC-12", "长城", "desktop", "DA-04", D(2026, 6, 16)),
        PC("编研利用部", "蒙芳", "DA-PC-07", "惠普", "desktop", "DA-01", D(2023, 4, 17)),
        PC("编研利用部", "陆明", "DA-PC-08", "惠普", "desktop", "DA-01", D(2023, 4, 17)),
        PC("编研利用部", "农燕", "DA-PC-09", "惠普", "desktop", "DA-01", D(2023, 4, 18)),
        PC("编研利用部", "陆明", "DA-NB-02", "华为", "laptop", "DA-02", D(2024, 8, 5)),
        PC("信息技术部", "廖志", "DA-PC-10", "长城", "desktop", "DA-04", D(2026, 6, 15)),
        PC("信息技术部", "谭红", "DA-PC-11", "长城", "desktop", "DA-04", D(2026, 6, 15)),
        PC("信息技术部", "廖志", "DA-SV-01", "浪潮", "server", "DA-03", D(2022, 5, 20)),
        PC("信息技术部", "廖志", "DA-SV-02", "浪潮", "server", "DA-03", D(2022, 5, 20)),
    ]
    soft = [
        Soft("DA-03", "Windows Server 2019", "标准版", "commercial", "os", "foreign", D(2022, 5, 16), amount=13960,
             ltype="单机许可", lcount=2, usable="2019", term=PERPETUAL, serial=keys[0]),
        Soft("DA-04", "银河麒麟桌面操作系统V10", "专业版", "commercial", "os", "domestic", D(2026, 6, 10), amount=3500,
             ltype="批量许可", lcount=5, usable="V10", term=PERPETUAL, serial=keys[1]),
        Soft("DA-05", "永中Office 2019", "标准版", "commercial", "office", "domestic", D(2021, 11, 1), amount=4500,
             ltype="批量许可", lcount=10, usable="2019", term=PERPETUAL, serial=keys[2]),
        Soft("DA-06", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2023, 9, 12), amount=4480,
             ltype="批量许可", lcount=8, usable="2019", term=PERPETUAL, serial=keys[3]),
        Soft("DA-07", "奇安信天擎终端安全管理系统", "V10", "commercial", "antivirus", "domestic", D(2024, 7, 1), amount=6000,
             ltype="批量许可", lcount=20, usable="V10", term=rng(D(2024, 7, 1), D(2028, 6, 30)), serial=keys[4]),
        Soft("DA-01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("DA-02", "Windows 11", "专业版", "oem", "os", "foreign"),
        free("DA-08", "7-Zip", "办公室、档案接收征集部、档案保管部、编研利用部、信息技术部"),
        free("DA-09", "福昕阅读器", "除信息技术部外各部门"),
        free("DA-10", "Mozilla Firefox", "编研利用部、信息技术部、档案保管部"),
    ]
    u = Unit("江州市档案馆", "周静", "0771-5862390", D(2026, 11, 18), 26, 2, 12, 2, pcs, {s.sid: s for s in soft},
             head=("信息技术部", "廖志", "0771-5862391", "0771-5862399"),
             plan=[("银河麒麟桌面操作系统V10", "专业版", 700, 4, "信创替代三期"), ("奇安信天擎终端安全管理系统", "V10", 300, 4, "随新终端")],
             plan_date=D(2026, 11, 16))
    kylin = ["DA-PC-10", "DA-PC-11", "DA-PC-12"]
    build(u, [
        ("DA-05", ["DA-PC-01", "DA-PC-02", "DA-PC-03", "DA-PC-04", "DA-PC-05", "DA-PC-06"] + kylin, D(2021, 11, 15)),
        ("DA-06", ["DA-PC-07", "DA-PC-08", "DA-PC-09", "DA-NB-01", "DA-NB-02"], D(2023, 9, 15)),
        ("DA-07", [p.pc for p in pcs], D(2024, 7, 3)),
        ("DA-08", ["DA-PC-01", "DA-PC-03", "DA-PC-05", "DA-PC-07", "DA-PC-08", "DA-PC-10"], D(2022, 3, 1)),
        ("DA-09", ["DA-PC-01", "DA-PC-02", "DA-PC-03", "DA-PC-04", "DA-PC-05", "DA-PC-06", "DA-PC-07", "DA-PC-08",
                   "DA-PC-09", "DA-NB-01", "DA-NB-02"], D(2022, 3, 2)),
        ("DA-10", ["DA-PC-07", "DA-PC-08", "DA-PC-09"] + kylin, D(2023, 5, 4)),
    ], [("reinstall", "DA-07", "DA-PC-06", D(2024, 7, 5), D(2025, 9, 22), D(2025, 9, 23))])
    assert all(x.date <= D(2026, 6, 30) for x in u.uses if x.sid == "DA-07")

    style = {"kinds": KIND_WORDS["national"], "pdate": "xl", "date": "slash", "term": "cn", "money": "comma",
             "count": "num", "dash": "—", "udash": "—"}
    boxes = ("■", "□")

    def render(u, variant, ov):
        bk = Book("江州市档案馆信息技术部", style, variant, ov)
        who = SP.join([f"单位名称（盖章）：{u.name}", f"填表人：{u.filler}", f"联系电话：{u.phone}",
                       f"填表日期：{date_text(u.filled, 'cn')}"])
        ws = bk.sheet("汇总表")
        title(ws, 1, "软件使用情况汇总表", 1, 14)
        merged_text(ws, 2, who, 1, 14)
        using = SP * 2 if variant == "derive" else f" {len(u.users())} "
        merged_text(ws, 3, f"人员情况：总人数 {u.people_total} 人{SP}使用计算机人数{using}人{SP}计算机情况：服务器数 {u.servers} 台"
                           f"{SP}台式机数 {u.desktops} 台{SP}便携机数 {u.laptops} 台", 1, 14)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"),
                ("软件类型", "kind"), ("采购时间", "purchased"), ("采购金额\n（单位:元）", "amount"), ("许可类型", "ltype"),
                ("许可数量", "lcount"), ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("资产编号", "asset"),
                ("安装数量", "installed")]
        r, where = header_rows(ws, 5, cols, height=32)
        assets = {"DA-03": "RJZC-2022-03", "DA-04": "RJZC-2026-01", "DA-05": "RJZC-2021-07", "DA-06": "RJZC-2023-02",
                  "DA-07": "RJZC-2024-05"}
        r = summary_rows(bk, ws, r, u, cols, where, groups=[("commercial", "商业软件"), ("oem", "OEM软件"), ("free", "免费软件")],
                         spacer=True, subtotal_fields=("installed",), label_col=3, hidden_cols={"asset": lambda s: assets.get(s.sid)})
        boxed(ws, 5, r - 1, 1, 14)
        ws.column_dimensions["M"].hidden = True
        merged_text(ws, r + 1, "注：1.商业软件按采购批次分别编号，受赠、调拨的不填采购时间和金额；\n2.OEM软件、免费软件不填写许可信息；\n"
                               "3.本表每半年根据安装维护记录更新一次。", 1, 14, height=54)
        # the free-software list below the summary, on the same sheet
        r += 4
        title(ws, r, "可使用免费软件清单", 1, 9, size=14)
        merged_text(ws, r + 1, who, 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "vendor"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        top = r + 2
        r, where = header_rows(ws, top, cols)
        r = free_rows(bk, ws, r, u, cols, where)
        boxed(ws, top, r - 1, 1, 9)
        widths(ws, [5, 8, 26, 10, 10, 12, 12, 10, 8, 10, 28, 32, 13, 8])
        ws = bk.sheet("明细表")
        title(ws, 1, "软件使用情况明细表", 1, 13)
        merged_text(ws, 2, who, 1, 13)
        cols = [("序号", "seq"), ("部门", "dept"), ("姓名", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
                ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"), ("免费软件", "kind:free", "软件类型"),
                ("安装日期", "date")]
        r, where = header_rows(ws, 4, cols, height=20)
        r = usage_rows(bk, ws, r, u, u.uses, cols, where, boxes=boxes)
        boxed(ws, 4, r - 1, 1, 13)
        widths(ws, [5, 14, 8, 11, 9, 8, 26, 9, 28, 6, 6, 6, 11])
        ws = bk.sheet("安装维护记录")
        title(ws, 1, "软件安装维护情况明细表", 1, 10)
        merged_text(ws, 2, SP.join([f"单位名称：{u.name}", f"填表人：{u.filler}", f"联系电话：{u.phone}"]), 1, 10)
        r = 4
        for sid, s in u.soft.items():
            merged_text(ws, r, f"{sid}　{s.name}", 1, 10).font = Font(bold=True, size=12)
            merged_text(ws, r + 1, "一、软件基本信息", 1, 10)
            top = r + 2
            r = part1_grid(bk, ws, r + 2, s, boxes=boxes)
            boxed(ws, top, r - 1, 1, 9)
            merged_text(ws, r, "二、软件安装卸载明细", 1, 10)
            cols = [("序号", "seq"), ("安装", "act:install"), ("卸载", "act:uninstall"), ("计算机编号", "pc"),
                    ("计算机品牌", "brand"), ("使用人", "user"), ("使用部门", "dept"), ("安装/卸载版本", "version"),
                    ("安装/卸载日期", "date"), ("安装数量", "count")]
            top = r + 1
            r, where = header_rows(ws, r + 1, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where, boxes=boxes)
            boxed(ws, top, r - 1, 1, 10)
            r += 1
        widths(ws, [8, 26, 11, 8, 8, 8, 13, 12, 26, 8])
        if variant != "derive":
            ws = bk.sheet("统计表")
            title(ws, 1, f"软件正版化工作信息统计表（{YEAR}年度）", 1, 9)
            stats_table(bk, ws, 2, u, statistics(u), head_text=who, sec1="一、负责软件正版化工作单位（部门）情况",
                        dept_labels=("名称", "负责人姓名", "负责人电话", "传真"))
            widths(ws, [10, 12, 12, 12, 12, 12, 12, 12, 12])
        ws = bk.sheet("采购计划")
        title(ws, 1, "软件采购计划表", 1, 7)
        merged_text(ws, 2, SP.join([f"经手人：{u.filler}", f"联系电话：{u.phone}", f"填表日期：{date_text(u.plan_date, 'cn')}"]), 1, 7)
        plan_table(bk, ws, 3, u, signers=[("廖志", D(2026, 11, 16)), ("黄伟", D(2026, 11, 17)), ("莫丽", D(2026, 11, 17)),
                                          ("陈国华", D(2026, 11, 18))])
        widths(ws, [12, 30, 12, 12, 12, 12, 16])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("S", "DA-06", "installed")] = u.installed("DA-06") + 1
        exp.append(("ZB405", [("S", "DA-06", "installed")], f"安装数量 {u.installed('DA-06') + 1}，明细表中 DA-06 有 {u.installed('DA-06')} 行；与维护表重放的份数也不符，ZB406 可一并报出（不要求）",
                    [("ZB406", [("S", "DA-06", "installed")])]))
        st = statistics(u)
        ov[("T", "purchases", "domestic", "os", "amount")] = 3500
        exp.append(("ZB414", [("T", "purchases", "domestic", "os", "amount")],
                    f"四、国内操作系统金额填 3500（按元填了），应为 {st['purchases']['domestic']['os'][1]} 万元"))
        u.soft["DA-07"].term = rng(D(2024, 7, 1), D(2026, 6, 30))
        exp.append(("ZB112", [("S", "DA-07", "term"), ("S", "DA-07", "installed")],
                    "奇安信许可 2026年6月30日到期，仍装 16 台（各表一致，安装都在到期前）"))
        ov[("U", "DA-PC-04", "DA-07", "brand")] = "惠普"
        exp.append(("ZB203", [("U", "DA-PC-04", "DA-07", "brand")],
                    "DA-PC-04 在其他各行和维护记录中都是联想，此行写成惠普（维护记录与多数行一致，不应另报 ZB417）"))
        ov[("U", "DA-PC-08", "DA-09", "dept")] = BLANK
        exp.append(("ZB201", [("U", "DA-PC-08", "DA-09", "dept")], "福昕阅读器一行漏填部门（空格不算另一个部门，不应报 ZB206）"))
        ov[("U", "DA-PC-05", "DA-05", "kind")] = ("■", "■", "□")
        exp.append(("ZB202", [("U", "DA-PC-05", "DA-05", "kind")], "永中Office 一行商业软件和 OEM软件都涂了 ■；类型不明，不应再报 ZB404"))
        ov[("S", "DA-01", "purchased")] = Raw(D(2021, 11, 8), "yyyy-mm-dd")
        exp.append(("ZB107", [("S", "DA-01", "purchased")], "OEM 的 Windows 10 填了采购时间（购机日期）"))
        i = add_event(u, "DA-09", Ev("uninstall", "DA-PC-10", D(2026, 7, 20), "长城", "廖志", "信息技术部", tag="ZB304"))
        exp.append(("ZB304", [("M", "DA-09", i, f) for f in ("pc", "act", "date")],
                    "DA-PC-10（麒麟）从未装过福昕阅读器，却登记了卸载；重放时不改变装机数；按字面 Σ安装−Σ卸载 会少 1 份，故 ZB406 列为可一并报出（不要求）",
                    [("ZB406", [("S", "DA-09", "installed")])]))
        x = next(x for x in u.uses if x.pc == "DA-PC-07" and x.sid == "DA-10")
        ov[("U", "DA-PC-07", "DA-10", "date")] = D(2022, x.date.month, x.date.day)
        exp.append(("ZB209", [("U", "DA-PC-07", "DA-10", "date")], f"Firefox 安装日期年份误写为 2022（应为 {x.date.year}），早于该机系统 2023/4/17"))
        return ov, exp, {}

    return dict(name="city-archives", classes=[2, 3, 4], office="江州市档案馆", unit=u, render=render, faults=faults,
                about="表头信息是一个合并单元格里以全角空格分隔的“单位名称（盖章）：…　填表人：…”，人员和计算机情况写在一行；汇总表"
                      "序列号与安装数量之间有一列隐藏的资产编号，按类型分组、每组“小计”后空一行，末尾“合计”，一个单元格里多行的“注”，注下空两行接着是"
                      "可使用免费软件清单（两张表在同一张工作表里）；明细表软件类型三栏用 ■/□，日期为“2023/9/15”文字；十份安装维护情况明细表叠放在"
                      "一张表里，共用表顶的一行表头信息，每份以“DA-01　Windows 10”一行开头。")
# =======================================================================================
# Control: the same unit in the plain national template (a developer check of the data,
# not part of the corpus): python3 make_layouts.py --control DIR
# =======================================================================================
def national_control(u, variant, ov, omit_free=()):
    style = {"kinds": KIND_WORDS["national"], "pdate": "xl", "date": "xl", "term": "dot", "money": "num",
             "count": "num", "dash": "—", "udash": None, "fdash": None}
    bk = Book("control", style, variant, ov)
    head = f"单位名称（盖章）：{u.name}    填表人：{u.filler}    联系电话：{u.phone}    填表日期：{date_text(u.filled, 'cn')}"
    ws = bk.sheet("附件7")
    title(ws, 1, "软件使用情况汇总表", 1, 13)
    merged_text(ws, 2, head, 1, 13)
    ws["A3"], ws["C3"], ws["D3"], ws["E3"] = "人员情况", "总人数", u.people_total, "使用计算机人数"
    bk.put(ws, 3, 6, None if variant == "derive" else len(u.users()), key=("SH", "using"))
    ws["A4"], ws["C4"], ws["D4"], ws["E4"], ws["F4"], ws["G4"], ws["H4"] = (
        "计算机情况", "服务器数", u.servers, "台式机数", u.desktops, "便携机数", u.laptops)
    cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
            ("采购时间", "purchased"), ("采购金额", "amount"), ("许可类型", "ltype"), ("许可数量", "lcount"),
            ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("安装数量", "installed")]
    r, where = header_rows(ws, 5, cols)
    summary_rows(bk, ws, r, u, cols, where)
    ws = bk.sheet("附件8")
    title(ws, 1, "软件使用情况明细表", 1, 13)
    merged_text(ws, 2, head, 1, 13)
    cols = [("序号", "seq"), ("部门", "dept"), ("姓名", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
            ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
            ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"), ("免费软件", "kind:free", "软件类型"),
            ("安装日期", "date")]
    r, where = header_rows(ws, 3, cols)
    usage_rows(bk, ws, r, u, u.uses, cols, where, boxes=("☑", "□"))
    for sid, s in u.soft.items():
        ws = bk.sheet(f"附件9-{sid}")
        title(ws, 1, "软件安装维护情况明细表", 1, 10)
        merged_text(ws, 2, f"单位名称：{u.name}    填表人：{u.filler}    联系电话：{u.phone}", 1, 10)
        ws["A3"] = "一、软件基本信息"
        r = part1_grid(bk, ws, 4, s)
        ws.cell(r, 1, "二、软件安装卸载明细")
        cols = [("序号", "seq"), ("安装", "act:install"), ("卸载", "act:uninstall"), ("计算机编号", "pc"),
                ("计算机品牌", "brand"), ("使用人", "user"), ("使用部门", "dept"), ("安装/卸载版本", "version"),
                ("安装/卸载日期", "date"), ("安装数量", "count")]
        r, where = header_rows(ws, r + 1, cols)
        event_rows(bk, ws, r, u, sid, cols, where, boxes=("☑", "□"))
    ws = bk.sheet("附件6")
    title(ws, 1, "可使用免费软件清单", 1, 9)
    merged_text(ws, 2, head, 1, 9)
    cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
            ("软件厂商名称", "vendor"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
    r, where = header_rows(ws, 3, cols)
    free_rows(bk, ws, r, u, cols, where, omit=omit_free)
    if variant != "derive" and u.head:
        ws = bk.sheet("附件5")
        title(ws, 1, f"软件正版化工作信息统计表（{YEAR}年度）", 1, 9)
        stats_table(bk, ws, 2, u, statistics(u), head_text=head)
    return bk


def make_control(layout, out):
    """Write NAME.control.clean.xlsx / .faulty.xlsx in the national template into out."""
    u = layout["unit"]
    national_control(u, "clean", {}).save(os.path.join(out, f"{layout['name']}.control.clean.xlsx"))
    fu = copy.deepcopy(u)
    ov, planted, extra = layout["faults"](fu)
    bk = national_control(fu, "faulty", ov, **{k: v for k, v in extra.items() if k == "omit_free"})
    bk.save(os.path.join(out, f"{layout['name']}.control.faulty.xlsx"))
    expected = []
    for code, keys, why, *_ in planted:
        cells = sorted({f"{sh}!{c}" for k in keys for sh, c in bk.pos[k]})
        expected.append({"code": code, "at": cells})
    with open(os.path.join(out, f"{layout['name']}.control.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)


# =======================================================================================
# Driver
# =======================================================================================
def make(layout):
    name = layout["name"]
    u = layout["unit"]
    validate(u)
    render = layout["render"]
    render(u, "clean", {}).save(os.path.join(HERE, f"{name}.clean.xlsx"))
    render(u, "derive", {}).save(os.path.join(HERE, f"{name}.derive.xlsx"))
    fu = copy.deepcopy(u)
    ov, planted, extra = layout["faults"](fu)
    bk = render(fu, "faulty", ov, **extra)
    bk.save(os.path.join(HERE, f"{name}.faulty.xlsx"))
    expected = []
    def place(code, keys):
        places = []
        for k in keys:
            if k not in bk.pos:
                raise SystemExit(f"{name}: {code}: no cell for {k}")
            places.extend(bk.pos[k])
        sheets = {s for s, _ in places}
        assert len(sheets) == 1, (name, code, places)
        cells = []
        for _, c in places:
            if c not in cells:
                cells.append(c)
        return {"code": code, "sheet": sheets.pop(), "cell": "|".join(cells)}

    for code, keys, why, *also in planted:
        entry = place(code, keys)
        entry["why"] = why
        if also:
            entry["may_also"] = [place(c, k) for c, k in also[0]]
        expected.append(entry)
    assert 5 <= len({(e["code"], e["cell"]) for e in expected}) <= 11, name
    manifest = {
        "layout": name, "classes": layout["classes"], "office": layout["office"], "as_of": AS_OF.isoformat(),
        "about": layout["about"],
        "clean": f"{name}.clean.xlsx",
        "faulty": {"file": f"{name}.faulty.xlsx", "expected": expected},
        "derive": {"file": f"{name}.derive.xlsx", "year": YEAR,
                   "installed": {sid: u.installed(sid) for sid in u.soft},
                   "people_using": len(u.users()),
                   "statistics": statistics(u)},
    }
    with open(os.path.join(HERE, f"{name}.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return manifest


LAYOUTS = [coal_bureau, county_court, middle_school, county_hospital, township, subdistrict, city_archives]


if __name__ == "__main__":
    args = sys.argv[1:]
    control_dir = None
    if args[:1] == ["--control"]:
        control_dir, args = args[1], args[2:]
    wanted = set(args)
    made = [mk() for mk in LAYOUTS]
    unknown = wanted - {m["name"] for m in made}
    if unknown:
        sys.exit(f"unknown layout: {', '.join(sorted(unknown))}")
    for layout in made:
        if wanted and layout["name"] not in wanted:
            continue
        if control_dir:
            os.makedirs(control_dir, exist_ok=True)
            make_control(layout, control_dir)
            print(f"{layout['name']}: control workbooks in {control_dir}")
            continue
        m = make(layout)
        u = layout["unit"]
        print(f"{m['layout']:<18} classes {m['classes']}  {len(u.pcs)} computers, {len(u.soft)} numbers, "
              f"{len(u.uses)} usage rows, {len(m['faulty']['expected'])} planted")
