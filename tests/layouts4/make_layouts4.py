#!/usr/bin/env python3
"""A fourth, independent layout corpus (tests/layouts4/README.md).

Eight imagined offices — a 医疗保障局, a 职业中专, a 中医院, a state-owned 粮食储备公司, an 生态环境监测站,
a 城市管理综合执法局, a 退役军人事务局 and an 应急管理局 — keep their software ledgers in ways the three
earlier corpora (tests/layouts/, tests/layouts2/, tests/layouts3/) do not: header values typed in
the row above their labels, header blocks as a bordered vertical label/value box, as a 2×N grid of
labels over values, as one-cell pairs stacked down a column, or repeated on every printed page;
money in 万元; purchase months only; license terms split into 起始/截止 columns under a
three-row header; dates with a weekday, two-digit years, US-formatted Excel dates; computers known
by host name or IP address; a summary split by year of purchase or into 在用/停用; usage split one
sheet per department with the department only in the sheet name, or one workbook per department;
maintenance logs kept one per computer, or two to a sheet in different column orders; 'Total'
rows, SUBTOTAL/COUNTIF formulas with cached values, a 栏次 row, "以下空白", pre-numbered empty rows,
cell notes, data validations fed by a hidden helper sheet, print titles, and a unit that carries
its own 软件分类 sheet for products outside the built-in catalogue.

From one data model per unit (its computers, software, installs and change history) this script
writes, exactly as the earlier corpora do:

  NAME.clean.xlsx   (or a folder NAME.clean/ of workbooks) a correct, consistent unit;
  NAME.faulty.xlsx  the same unit with single-clerk mistakes planted, each listed in the
                    manifest with its rule code and the cell a clerk must fix;
  NAME.derive.xlsx  the clean unit with 安装数量, 使用计算机人数 and the subtotal figures blank
                    and no statistics table: what `zhengban derive` must fill;
  NAME.json         the manifest (format of tests/layouts/*.json).

Expectations come from the data below and the rule catalogue (spec rules.md, derive.md and the
rule texts of ZB124, ZB125, ZB209, ZB416, ZB417), never from what zhengban prints. Written
with openpyxl 3.1 (never with zhengban's writer). Deterministic: fixed docProps and zip
timestamps, seeded serials; a rerun writes the same bytes.

Run: python3 tests/layouts4/make_layouts4.py [NAME ...]      then tests/layouts4/resave.sh
     python3 tests/layouts4/make_layouts4.py --control DIR  the same units in the plain
                                                            national template (a data check)
"""
import copy
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = dt.date(2026, 12, 10)
YEAR = 2026
D = dt.date
DAY = dt.timedelta(days=1)
FW = "\u3000"  # full-width space
STAMP = (2026, 12, 4, 9, 0, 0)

_thin = Side(style="thin")
BOX = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
MID = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
BOLD = Font(bold=True)
GREY = PatternFill("solid", fgColor="D9D9D9")


# =======================================================================================
# Saving: fixed properties and timestamps; formulas get the value Excel would cache
# =======================================================================================
def save_fixed(wb, path, creator, cached=None):
    """Write wb to path with fixed docProps and zip timestamps. cached: {sheet title:
    {A1: value}} — the result Excel shows for each formula cell, written into its <v>
    (openpyxl itself writes formulas without a cached value)."""
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.created = dt.datetime(*STAMP)
    wb.properties.modified = dt.datetime(*STAMP)
    buf = io.BytesIO()
    wb.save(buf)
    iso = "%04d-%02d-%02dT%02d:%02d:%02dZ" % STAMP
    index = {ws.title: i + 1 for i, ws in enumerate(wb.worksheets)}
    todo = {f"xl/worksheets/sheet{index[t]}.xml": cells for t, cells in (cached or {}).items() if cells}
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:modified|created)[^>]*>)[^<]*(</dcterms:(?:modified|created)>)",
                              rb"\g<1>" + iso.encode() + rb"\g<2>", data)
            if info.filename in todo:
                text = data.decode("utf-8")
                for ref, value in todo[info.filename].items():
                    v = repr(value) if isinstance(value, float) else str(value)
                    if isinstance(value, float) and value == int(value):
                        v = str(int(value))
                    pat = re.compile(r'(<c r="%s"[^>]*>)(<f>[^<]*</f>)<v\s*/>' % ref)
                    text, n = pat.subn(lambda m: m.group(1) + m.group(2) + f"<v>{v}</v>", text)
                    assert n == 1, (path, ref)
                data = text.encode("utf-8")
            out = zipfile.ZipInfo(info.filename, date_time=STAMP)
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
    """许可期限: perpetual (a word), range (start–end), years (n years from 采购时间),
    until (an end date only), word (text naming no term)."""
    form: str
    start: dt.date = None
    end: dt.date = None
    n: int = None
    word: str = "永久"

    def end_on(self, purchased):
        if self.form in ("perpetual", "word"):
            return None
        if self.form in ("range", "until"):
            return self.end
        return D(purchased.year + self.n, purchased.month, purchased.day) - DAY


def perp(word="永久"):
    return Term("perpetual", word=word)


def rng(a, b):
    return Term("range", start=a, end=b)


def until(e):
    return Term("until", end=e)


def yrs(n):
    return Term("years", n=n)


@dataclass
class Soft:
    sid: str
    name: str
    version: str  # "" for free software
    kind: str  # commercial | oem | free
    cat: str  # os | office | antivirus | other (truth for the statistics)
    origin: str  # domestic | foreign
    purchased: dt.date = None  # None with acq "alloc": a license handed down, no purchase
    price: float = None  # unit price; amount = price × lcount
    ltype: str = None
    lcount: int = None
    usable: str = None
    term: Term = None
    serial: str = None
    acq: str = None  # commercial: "buy" (default) or "alloc" (上级配发)
    month_only: bool = False
    vendor: str = None
    # free list
    fversion: str = None
    source: str = None
    maker: str = None
    contact: str = None
    fdepts: str = None
    reason: str = None

    @property
    def amount(self):
        if self.price is None:
            return None
        return round(self.price * self.lcount, 2)

    @property
    def label(self):
        return f"{self.name} {self.version}".strip()


@dataclass
class PC:
    dept: str
    user: str
    pc: str
    brand: str
    ptype: str  # desktop | laptop | server
    os: str  # sid of its operating system
    os_date: dt.date
    asset: str = None
    model: str = None
    group: str = None  # a sheet group, where a layout splits by something
    room: str = None


@dataclass
class Use:
    pc: str
    sid: str
    date: dt.date


@dataclass
class Ev:
    action: str  # install | uninstall | reinstall (重装: removed and put back the same day)
    pc: str
    date: dt.date
    brand: str
    user: str
    dept: str
    count: int = 1
    tag: str = None


@dataclass
class Unit:
    name: str
    filler: str
    phone: str
    filled: dt.date
    people_total: int
    servers: int
    desktops: int
    laptops: int
    pcs: list
    soft: dict
    uses: list = field(default_factory=list)
    events: dict = field(default_factory=dict)
    own_dates: dict = field(default_factory=dict)  # pc or group -> its own 填表日期 (usage)
    head: tuple = None  # statistics table: (部门, 负责人, 电话, 传真)
    plan: list = None  # purchase plan rows (name, version, price, count, note)
    plan_date: dt.date = None
    numbered: bool = True  # False: the unit keeps no 软件编号 anywhere
    catalogue: bool = False  # True: the unit carries its own 软件分类 sheet (products outside the built-in list)

    def pcmap(self):
        return {p.pc: p for p in self.pcs}

    def users(self):
        return sorted({p.user for p in self.pcs})

    def installed(self, sid):
        return sum(1 for x in self.uses if x.sid == sid)

    def uses_on(self, pc):
        return [x for x in self.uses if x.pc == pc]

    def flat_events(self, reverse=False):
        """All change-log rows of all software, by date (install before uninstall of the
        same day on the same computer is not needed: removals first, then additions)."""
        order = list(self.soft)
        rows = [(sid, i, e) for sid, evs in self.events.items() for i, e in enumerate(evs)]
        rows.sort(key=lambda t: (t[2].date, t[2].action == "install", order.index(t[0]), t[2].pc))
        if reverse:
            rows.reverse()
        return rows


def build(u, apps, history=()):
    """Fill u.uses and u.events. apps: (sid, [pc ids], first day): each computer gets sid on
    max(first, its OS day + 1) plus 0–2 days. history items:
      ("again", sid, pc, first, removed, again)  installed, removed, installed again (usage
                                                 date = again);
      ("gone", sid, pc_or_PC, installed, removed)  a copy removed for good;
      ("redo", sid, pc, day)                     重装 on that day (the copy stays);
      ("date", sid, pc, day)                     a fixed install day."""
    pcs = u.pcmap()
    when = {}
    for p in u.pcs:
        when[(p.pc, p.os)] = p.os_date
    fixed = {(h[2], h[1]): h[3] for h in history if h[0] == "date"}
    for sid, sel, first in apps:
        for i, pc in enumerate(sel):
            p = pcs[pc]
            assert (pc, sid) not in when, (pc, sid)
            when[(pc, sid)] = fixed.get((pc, sid), max(first, p.os_date + DAY) + dt.timedelta(days=i % 3))
    extra = {}
    for h in history:
        if h[0] == "again":
            _, sid, pc, first, un, again = h
            assert (pc, sid) in when
            when[(pc, sid)] = again
            p = pcs[pc]
            extra.setdefault(sid, []).extend([Ev("install", pc, first, p.brand, p.user, p.dept),
                                              Ev("uninstall", pc, un, p.brand, p.user, p.dept)])
        elif h[0] == "gone":
            _, sid, p, first, un = h
            p = pcs[p] if isinstance(p, str) else p
            extra.setdefault(sid, []).extend([Ev("install", p.pc, first, p.brand, p.user, p.dept),
                                              Ev("uninstall", p.pc, un, p.brand, p.user, p.dept)])
        elif h[0] == "redo":
            _, sid, pc, day = h
            p = pcs[pc]
            extra.setdefault(sid, []).append(Ev("reinstall", pc, day, p.brand, p.user, p.dept))
    order = list(u.soft)
    u.uses = []
    for p in u.pcs:
        mine = sorted((sid for (pc, sid) in when if pc == p.pc), key=lambda s: (s != p.os, order.index(s)))
        for sid in mine:
            u.uses.append(Use(p.pc, sid, when[(p.pc, sid)]))
    u.events = {}
    for sid in u.soft:
        evs = list(extra.get(sid, []))
        for x in u.uses:
            if x.sid == sid:
                p = pcs[x.pc]
                evs.append(Ev("install", x.pc, x.date, p.brand, p.user, p.dept))
        resort_list(evs)
        u.events[sid] = evs
    return u


def resort_list(evs):
    rank = {"uninstall": 0, "reinstall": 1, "install": 2}
    evs.sort(key=lambda e: (e.date, rank[e.action], e.pc))


def find_use(u, pc, sid):
    return next(x for x in u.uses if x.pc == pc and x.sid == sid)


def ev_index(u, sid, pred):
    for i, e in enumerate(u.events[sid]):
        if pred(e):
            return i
    raise AssertionError(f"no event in {sid}")


EDITIONS = ("专业版", "企业版", "标准版", "旗舰版", "专业增强版", "数据中心版", "教育版")
HOME = ("家庭", "个人版", "学生版", "Home")
# free products an institution may use (none of them on the must-license list of ZB122)
FREE_OK = {
    "腾讯会议": ("3.30", "官方网站", "腾讯科技（深圳）有限公司", "95017", "视频会议"),
    "格式工厂": ("5.18", "官方网站", "上海格式工厂网络有限公司", "http://www.pcgeshi.com", "音视频格式转换"),
    "钉钉": ("7.6", "官方网站", "钉钉（中国）信息技术有限公司", "400-826-0666", "移动办公与通知"),
    "PotPlayer": ("1.7", "官方网站", "Kakao Corp.", "https://potplayer.tv", "播放培训视频"),
    "QGIS": ("3.34 LTR", "官方网站", "QGIS.org", "https://qgis.org", "林地图斑查看与制图"),
    "Everything": ("1.4", "官方网站", "voidtools", "https://www.voidtools.com", "文件检索"),
    "希沃白板": ("5.2", "官方网站", "广州视睿电子科技有限公司", "400-002-3488", "课堂教学课件"),
    "R": ("4.4", "CRAN镜像", "R Foundation", "https://www.r-project.org", "统计分析"),
    "7-Zip": ("24.09", "官方网站", "Igor Pavlov", "https://www.7-zip.org", "压缩与解压"),
    "微信电脑版": ("4.0", "官方网站", "深圳市腾讯计算机系统有限公司", "95017", "工作联络"),
    "Google Earth Pro": ("7.3", "官方网站", "Google LLC", "https://support.google.com/earth", "查看遥感影像"),
    "Notepad++": ("8.6", "官方网站", "Don Ho", "https://notepad-plus-plus.org", "编辑配置文件和脚本"),
    "Firefox": ("128 ESR", "官方网站", "Mozilla Foundation", "https://support.mozilla.org", "访问业务系统"),
    "VLC media player": ("3.0", "官方网站", "VideoLAN", "https://www.videolan.org", "播放执法记录视频"),
    "GIMP": ("2.10", "官方网站", "The GIMP Team", "https://www.gimp.org", "图片处理"),
    "Audacity": ("3.5", "官方网站", "Muse Group", "https://www.audacityteam.org", "录音剪辑"),
    "CAJViewer": ("9.0", "中国知网", "同方知网（北京）技术有限公司", "400-810-9888", "阅读文献"),
    "Foxmail": ("7.2", "官方网站", "深圳市腾讯计算机系统有限公司", "95017", "收发电子邮件"),
    "企业微信": ("4.1", "官方网站", "深圳市腾讯计算机系统有限公司", "95017", "工作联络"),
    "搜狗输入法": ("14.0", "官方网站", "北京搜狗科技发展有限公司", "010-56899999", "中文输入"),
    "福昕阅读器": ("2024", "官方网站", "福建福昕软件开发股份有限公司", "0591-38509866", "阅读PDF文件"),
    "飞书": ("7.20", "官方网站", "北京飞书科技有限公司", "400-610-0010", "视频会议与协同"),
}


def free(sid, name, depts, **kw):
    v, src, maker, contact, reason = FREE_OK[name]
    origin = "foreign" if name in ("PotPlayer", "QGIS", "Everything", "R", "7-Zip", "Google Earth Pro", "Notepad++",
                                   "Firefox", "VLC media player", "GIMP", "Audacity") else "domestic"
    d = dict(fversion=v, source=src, maker=maker, contact=contact, reason=reason, fdepts=depts)
    d.update(kw)
    return Soft(sid, name, "", "free", "other", origin, **d)


def keys(seed, n):
    r = random.Random(seed)
    abc = "BCDFGHJKMPQRTVWXY2346789"
    out = []
    while len(out) < n:
        k = "-".join("".join(r.choice(abc) for _ in range(5)) for _ in range(5))
        if k not in out:
            out.append(k)
    return out


def certs(seed, n, prefix):
    r = random.Random(seed)
    out = []
    while len(out) < n:
        k = f"{prefix}{r.randrange(10**8, 10**9)}"
        if k not in out:
            out.append(k)
    return out


# =======================================================================================
# validate(): the clean unit must satisfy the rules
# =======================================================================================
def validate(u, free_listed=True):
    pcs = u.pcmap()
    bad = []

    def need(ok, what):
        if not ok:
            bad.append(what)

    horizon = D(AS_OF.year, AS_OF.month - 6, AS_OF.day) if AS_OF.month > 6 else D(AS_OF.year - 1, AS_OF.month + 6, AS_OF.day)
    need(horizon < u.filled <= AS_OF, f"填表日期 {u.filled} (ZB413)")
    for k, v in u.own_dates.items():
        need(horizon < v <= AS_OF, f"{k} 填表日期 {v}")
    users = u.users()
    need(len(users) <= u.people_total, "ZB115")
    need(len(u.pcs) <= u.servers + u.desktops + u.laptops, "ZB408")
    for t in ("server", "desktop", "laptop"):
        need(sum(1 for p in u.pcs if p.ptype == t) == getattr(u, t + "s"), f"{t} count")
    need(len({p.pc for p in u.pcs}) == len(u.pcs), "duplicate computer")
    # one computer, one user and department, one brand (ZB203, ZB206) — by construction
    ss = [s.serial for s in u.soft.values() if s.serial]
    need(len(ss) == len(set(ss)), "ZB124")
    names = [s.name for s in u.soft.values() if s.kind == "free"]
    need(len(names) == len(set(names)), "ZB106")
    if not u.numbered:
        labels = [(s.name, s.version) for s in u.soft.values()]
        need(len(labels) == len(set(labels)), "name+version must tell software apart without numbers")
        need(len({s.name for s in u.soft.values()}) == len(u.soft), "names unique without numbers")
    com = [s for s in u.soft.values() if s.kind == "commercial"]
    sig = [(s.name, s.version, s.purchased, s.amount, s.ltype, s.lcount, s.usable, s.term, s.serial) for s in com]
    need(len(sig) == len(set(sig)), "ZB105")
    for s in u.soft.values():
        n = u.installed(s.sid)
        full = f"{s.name} {s.version} {s.usable or ''}"
        if s.cat in ("os", "office"):
            need(any(e in full for e in EDITIONS), f"ZB123 {s.sid}")
            need(not any(h in full for h in HOME), f"ZB121 {s.sid}")
        if s.kind == "commercial":
            need(s.ltype and s.lcount and s.usable and s.term and s.serial and s.version, f"ZB109/119 {s.sid}")
            if s.acq == "alloc":
                need(s.purchased is None and s.price is None, f"ZB110 {s.sid}")
                need(s.term.form in ("perpetual", "until", "range"), f"alloc term {s.sid}")
            else:
                need(s.purchased is not None and s.price and s.price > 0, f"ZB110/118 {s.sid}")
                need(s.purchased <= u.filled, f"ZB117 {s.sid}")
            need(n <= s.lcount, f"ZB111 {s.sid}")
            need(s.term.form != "word", f"ZB116 {s.sid}")
            if s.term.form == "range" and s.purchased:
                need(s.term.start >= s.purchased, f"ZB125 {s.sid}")
            end = s.term.end_on(s.purchased)
            if n:
                need(end is None or end >= AS_OF + dt.timedelta(days=120), f"ZB112/113 {s.sid} {end}")
        else:
            need(s.purchased is None and s.price is None and s.lcount is None and s.serial is None
                 and s.ltype is None and s.term is None and s.usable is None, f"ZB107/108 {s.sid}")
        if s.kind == "free":
            need(s.version == "" and s.name in FREE_OK, f"free {s.sid}")
        need(bool(u.events.get(s.sid)), f"ZB401 (every software has log rows) {s.sid}")
    for p in u.pcs:
        mine = [x for x in u.uses if x.pc == p.pc]
        oses = [x for x in mine if u.soft[x.sid].cat == "os"]
        need(len(oses) == 1 and oses[0].sid == p.os, f"ZB207 {p.pc}")
        need(len({x.sid for x in mine}) == len(mine), f"ZB204 {p.pc}")
        for x in mine:
            need(x.date >= p.os_date, f"ZB209 {p.pc} {x.sid}")
            lim = min(u.filled, u.own_dates.get(p.pc, u.filled), u.own_dates.get(p.group, u.filled))
            need(x.date <= lim, f"ZB205 {p.pc} {x.sid}")
            s = u.soft[x.sid]
            if s.kind == "commercial" and s.purchased:
                first = s.purchased
                if s.month_only:
                    first = D(s.purchased.year + (s.purchased.month == 12), s.purchased.month % 12 + 1, 1)
                need(x.date >= first, f"ZB416 {p.pc} {x.sid}")
            if s.kind == "commercial":
                end = s.term.end_on(s.purchased)
                need(end is None or x.date <= end, f"ZB208 {p.pc} {x.sid}")
    newest = D(1900, 1, 1)
    for sid, evs in u.events.items():
        s = u.soft[sid]
        need([e.date for e in evs] == sorted(e.date for e in evs), f"ZB306 {sid}")
        held, peak = set(), 0
        for e in evs:
            newest = max(newest, e.date)
            need(e.date <= u.filled and e.date <= AS_OF, f"ZB310 {sid}")
            if s.kind == "commercial" and s.purchased and e.action != "uninstall":
                need(e.date >= s.purchased, f"ZB416 log {sid}")
            if s.kind == "commercial" and e.action != "uninstall":
                end = s.term.end_on(s.purchased)
                need(end is None or e.date <= end, f"ZB308 {sid}")
            if e.pc in pcs:
                need(e.brand == pcs[e.pc].brand, f"ZB417 {sid}")
                need(e.date >= pcs[e.pc].os_date, f"before OS {sid} {e.pc}")
            need(e.count == 1, f"count {sid}")
            if e.action == "install":
                need(e.pc not in held, f"ZB305 {sid} {e.pc}")
                held.add(e.pc)
            elif e.action == "reinstall":
                need(e.pc in held, f"重装 of a copy not held {sid} {e.pc}")
            else:
                need(e.pc in held, f"ZB304 {sid} {e.pc}")
                need(s.kind != "oem", f"ZB311 {sid}")
                held.discard(e.pc)
            peak = max(peak, len(held))
        need(held == {x.pc for x in u.uses if x.sid == sid}, f"ZB407 {sid}")
        if s.kind == "commercial":
            need(peak <= s.lcount, f"ZB307 {sid}")
    need(newest <= u.filled, "ZB413 events after 填表日期")
    if u.plan:
        need(u.plan_date and horizon < u.plan_date <= AS_OF, "plan date")
    if bad:
        raise SystemExit(f"{u.name}: clean unit breaks: {bad}")


# =======================================================================================
# What derive must compute (derive.md)
# =======================================================================================
def statistics(u, year=YEAR):
    end_y = D(year, 12, 31)
    pur = {o: {c: [0, 0.0] for c in ("os", "office", "antivirus")} for o in ("domestic", "foreign")}
    hold = {o: {c: 0 for c in ("os", "office", "antivirus")} for o in ("domestic", "foreign")}
    for s in u.soft.values():
        if s.cat not in ("os", "office", "antivirus"):
            continue
        if s.kind == "commercial":
            if s.purchased and s.purchased.year == year:
                pur[s.origin][s.cat][0] += s.lcount
                pur[s.origin][s.cat][1] += s.amount
            end = s.term.end_on(s.purchased)
            if (s.purchased is None or s.purchased <= end_y) and (end is None or end >= end_y):
                hold[s.origin][s.cat] += s.lcount
        elif s.kind == "oem" and s.cat == "os":
            hold[s.origin]["os"] += u.installed(s.sid)
    for o in pur:
        for c in pur[o]:
            pur[o][c][1] = round(pur[o][c][1] / 10000, 4)
    return {"people": {"total": u.people_total, "using": len(u.users())},
            "computers": {"servers": u.servers, "desktops": u.desktops, "laptops": u.laptops,
                          "total": u.servers + u.desktops + u.laptops},
            "purchases": pur, "holdings": hold}


# =======================================================================================
# Values the way each office types them
# =======================================================================================
class Raw:
    """A value written as is (with an optional number format)."""

    def __init__(self, value, fmt=None):
        self.value, self.fmt = value, fmt


class Blank:
    pass


BLANK = Blank()
FWD = str.maketrans("0123456789", "０１２３４５６７８９")
CN_DIGITS = "〇一二三四五六七八九"


def cn_number(n):
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")


def fmt_date(d, form, month_only=False):
    """(value, number format). Forms: xl (an Excel date, yyyy-mm-dd), xl_slash (Excel date
    shown yyyy/m/d), xl_cnym (an Excel date shown yyyy年m月), cn, cn0 (2023年05月08日), dot0
    (2023.05.08), slash0 (2023/05/08), spaced (2023 年 5 月 8 日), dash, num8, hanzi
    (二〇二六年十一月二十日)."""
    if d is None:
        return None, None
    if month_only:
        return {"cn": f"{d.year}年{d.month}月", "cn0": f"{d.year}年{d.month:02d}月", "dot0": f"{d.year}.{d.month:02d}",
                "slash0": f"{d.year}/{d.month:02d}", "dash": f"{d.year}-{d.month:02d}"}.get(form, f"{d.year}年{d.month}月"), None
    if form == "xl":
        return d, "yyyy-mm-dd"
    if form == "xl_slash":
        return d, "yyyy/m/d"
    if form == "xl_cnym":
        return d, 'yyyy"年"m"月"'
    if form == "xl_cn":
        return d, 'yyyy"年"m"月"d"日"'
    if form == "cn":
        return f"{d.year}年{d.month}月{d.day}日", None
    if form == "cn0":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日", None
    if form == "dot0":
        return f"{d.year}.{d.month:02d}.{d.day:02d}", None
    if form == "slash0":
        return f"{d.year}/{d.month:02d}/{d.day:02d}", None
    if form == "spaced":
        return f"{d.year} 年 {d.month} 月 {d.day} 日", None
    if form == "dash":
        return f"{d.year}-{d.month:02d}-{d.day:02d}", None
    if form == "num8":
        return int(d.strftime("%Y%m%d")), "0"
    if form == "weekday":  # text with the day of the week: 2023-10-20 星期五
        return f"{d:%Y-%m-%d} 星期" + "一二三四五六日"[d.weekday()], None
    if form == "yy_dot":  # two-digit year first: 23.10.20
        return f"{d.year % 100:02d}.{d.month:02d}.{d.day:02d}", None
    if form == "xl_week":  # an Excel date shown with its weekday
        return d, 'yyyy"年"m"月"d"日" aaaa'
    if form == "xl_us":  # an Excel date shown m/d/yyyy
        return d, "m/d/yyyy"
    if form == "xl_dot":  # an Excel date shown yyyy.mm.dd
        return d, "yyyy.mm.dd"
    if form == "hanzi":
        return "".join(CN_DIGITS[int(ch)] for ch in str(d.year)) + f"年{cn_number(d.month)}月{cn_number(d.day)}日", None
    raise ValueError(form)


def dtext(d, form="cn"):
    v, _ = fmt_date(d, form)
    if isinstance(v, dt.date):
        return f"{d.year}年{d.month}月{d.day}日"
    return str(v)


def fmt_term(t, form, purchased=None):
    """form: end_<dateform> (the end date only), cn (a range in 年月日), dot0 (2025.03.01—2028.02.29
    with an em dash), slash, or years words."""
    if t is None:
        return None
    if t.form in ("perpetual", "word"):
        return t.word
    if form.startswith("end_"):
        return dtext(t.end_on(purchased), form[4:])
    if form == "zhi":  # 至2028年3月31日 (until)
        e = t.end_on(purchased)
        return f"至{e.year}年{e.month}月{e.day}日"
    if t.form == "until":
        return dtext(t.end, "cn")
    if t.form == "years":
        return {"nian": f"{t.n}年", "month": f"{t.n * 12}个月"}.get(form, f"{t.n}年")
    s, e = t.start, t.end
    if form == "cn":
        return f"{s.year}年{s.month}月{s.day}日至{e.year}年{e.month}月{e.day}日"
    if form == "dot0":
        return f"{s:%Y.%m.%d}—{e:%Y.%m.%d}"
    if form == "slash":
        return f"{s.year}/{s.month}/{s.day}-{e.year}/{e.month}/{e.day}"
    if form == "wave":  # 2025.04.01～2028.03.31 (full-width wave dash)
        return f"{s:%Y.%m.%d}～{e:%Y.%m.%d}"
    if form == "iso_zhi":  # 2025-07-01至2028-06-30
        return f"{s:%Y-%m-%d}至{e:%Y-%m-%d}"
    return f"{s.year}.{s.month}.{s.day}-{e.year}.{e.month}.{e.day}"


def fmt_money(x, form):
    if x is None:
        return None
    return {"num": x, "comma": f"{x:,.2f}", "yuan": f"{x:g}元", "fwyen": f"￥{x:,.0f}", "yuan2": f"{x:.2f}元",
            "wan": f"{x / 10000:g}万元", "wan_num": round(x / 10000, 4), "yuan0": f"{x:,.0f}元"}[form]


def fmt_count(n, form):
    if n is None:
        return None
    return {"num": n, "tao": f"{n}套", "fen": f"{n}份", "tai": f"{n}台", "fw": str(n).translate(FWD), "ge": f"{n}个",
            "user": f"{n}用户", "dian": f"{n}点", "jd": f"{n}个节点"}[form]


class Book:
    """One workbook being written, with the model-key → cell map the manifest needs."""

    def __init__(self, creator, style, variant, ov, used=None, pos=None):
        self.wb = Workbook()
        self.creator = creator
        self.fresh = True
        self.style = style
        self.variant = variant
        self.ov = ov
        self.used = used if used is not None else set()
        self.pos = pos if pos is not None else {}
        self.cached = {}

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

    def take(self, key, value):
        if key is not None and key in self.ov:
            self.used.add(key)
            return self.ov[key], True
        return value, False

    def put(self, ws, r, c, value, key=None, kind="text", fmt=None, align=None, bold=False, month_only=False,
            purchased=None, alias=()):
        for k in ([key] if key is not None else []) + list(alias):
            if k in self.ov:
                value = self.ov[k]
                self.used.add(k)
                break
        if isinstance(value, Raw):
            value, fmt = value.value, value.fmt
        elif isinstance(value, Blank):
            value = None
        elif kind in ("date", "pdate", "mdate", "hdate") and isinstance(value, dt.date):
            form = self.style.get(kind, self.style.get("date", "xl"))
            value, f = fmt_date(value, form, month_only)
            fmt = fmt or f
        elif kind == "term" and isinstance(value, Term):
            value = fmt_term(value, self.style.get("term", "dot"), purchased)
        elif kind == "money" and isinstance(value, (int, float)):
            value = fmt_money(value, self.style.get("money", "num"))
        elif kind == "price" and isinstance(value, (int, float)):
            value = fmt_money(value, self.style.get("price", self.style.get("money", "num")))
        elif kind == "count" and isinstance(value, int):
            value = fmt_count(value, self.style.get("count", "num"))
        cell = ws.cell(r, c, value)
        if fmt:
            cell.number_format = fmt
        if align is not None:
            cell.alignment = align
        if bold:
            cell.font = BOLD
        for k in ([key] if key is not None else []) + list(alias):
            self.note(k, ws, r, c)
        return cell

    def formula(self, ws, r, c, expr, value, key=None, fmt=None):
        """A formula cell whose cached value is `value` (what Excel shows)."""
        cell = ws.cell(r, c, "=" + expr)
        self.cached.setdefault(ws.title, {})[a1(r, c)] = value
        if fmt:
            cell.number_format = fmt
        if key is not None:
            self.note(key, ws, r, c)
        return cell


class Files:
    """A unit spread over several workbooks: one shared override/position map."""

    def __init__(self, creator, style, variant, ov):
        self.books = {}
        self.creator, self.style, self.variant, self.ov = creator, style, variant, ov
        self.used, self.pos = set(), {}

    def book(self, fname, creator=None):
        bk = Book(creator or self.creator, self.style, self.variant, self.ov, self.used, self.pos)
        self.books[fname] = bk
        return bk


# ---------------------------------------------------------------------------------------
# Cell helpers
# ---------------------------------------------------------------------------------------
def title(ws, r, text, c0, c1, size=16, height=30):
    if c1 > c0:
        ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=c1)
    cell = ws.cell(r, c0, text)
    cell.font = Font(size=size, bold=True)
    cell.alignment = MID
    ws.row_dimensions[r].height = height
    return cell


def span(ws, r, text, c0, c1, align=LEFT, height=None, r1=None):
    if c1 > c0 or (r1 and r1 > r):
        ws.merge_cells(start_row=r, start_column=c0, end_row=r1 or r, end_column=c1)
    cell = ws.cell(r, c0, text)
    cell.alignment = align
    if height:
        ws.row_dimensions[r].height = height
    return cell


def grid(ws, r0, r1, c0, c1):
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            ws.cell(r, c).border = BOX


def widths(ws, ws_widths, c0=1):
    for i, w in enumerate(ws_widths, c0):
        ws.column_dimensions[get_column_letter(i)].width = w


def header_rows(ws, r, cols, c0=1, height=None, fill=None):
    """cols: (text, field[, group]). One header row, or two when a column has a group.
    Returns (next row, {field: col})."""
    grouped = any(len(c) > 2 and c[2] for c in cols)
    where = {}

    def cell(rr, cc, text):
        x = ws.cell(rr, cc, text)
        x.alignment = MID
        x.font = BOLD
        if fill:
            x.fill = fill

    if not grouped:
        for i, col in enumerate(cols):
            cell(r, c0 + i, col[0])
            where[col[1]] = c0 + i
        if height:
            ws.row_dimensions[r].height = height
        return r + 1, where
    i = 0
    while i < len(cols):
        g = cols[i][2] if len(cols[i]) > 2 else None
        c = c0 + i
        if not g:
            cell(r, c, cols[i][0])
            ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
            where[cols[i][1]] = c
            i += 1
            continue
        j = i
        while j < len(cols) and len(cols[j]) > 2 and cols[j][2] == g:
            cell(r + 1, c0 + j, cols[j][0])
            where[cols[j][1]] = c0 + j
            j += 1
        cell(r, c, g)
        if j - 1 > i:
            ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c0 + j - 1)
        i = j
    if height:
        ws.row_dimensions[r].height = height
        ws.row_dimensions[r + 1].height = height
    return r + 2, where


def label_value(bk, ws, r, c, label, value, key=None, gap=1, kind="text", bold=True):
    """A label cell and its value `gap` cells to the right."""
    ws.cell(r, c, label).font = BOLD if bold else Font()
    return bk.put(ws, r, c + gap, value, key=key, kind=kind, align=LEFT)


# =======================================================================================
# Table writers (each layout picks its columns, words and glyphs)
# =======================================================================================
NATIONAL_KINDS = {"commercial": "商业软件", "oem": "OEM软件", "free": "免费软件"}
CAT_WORDS = {"os": "操作系统", "office": "办公软件", "antivirus": "杀毒软件", "other": "其他"}
PTYPE_WORDS = {"desktop": "台式机", "laptop": "笔记本", "server": "服务器"}


def kind_word(bk, s, key="kinds"):
    words = bk.style.get(key, bk.style["kinds"])
    if s.kind == "commercial" and s.acq == "alloc" and "alloc" in words:
        return words["alloc"]
    return words[s.kind]


def num(v):
    """The figure a clerk's Excel sums from a typed cell."""
    if v is None:
        return 0
    if isinstance(v, (int, float)):
        return v
    digits = "".join(ch for ch in str(v).translate({ord(a): ord(b) for a, b in zip("０１２３４５６７８９", "0123456789")})
                     if ch.isdigit() or ch == ".")
    return float(digits) if "." in digits else int(digits or 0)


def summary_cell(bk, ws, r, s, f, col, where, u):
    """Write one summary cell for software s, field f. Returns the cell."""
    key = ("S", s.sid, f)
    dash = bk.style.get("dash", "—")
    gift_dash = bk.style.get("gift_dash", dash)
    com = s.kind == "commercial"
    if f == "sid":
        return bk.put(ws, r, col, s.sid, key=key)
    if f == "name":
        return bk.put(ws, r, col, s.name, key=key)
    if f == "version":
        return bk.put(ws, r, col, s.version or bk.style.get("fver"), key=key)
    if f == "fullname":
        return bk.put(ws, r, col, s.label, key=key)
    if f == "kind":
        return bk.put(ws, r, col, kind_word(bk, s), key=key, align=MID)
    if f.startswith("kind:"):
        on, off = bk.style["boxes"]
        return bk.put(ws, r, col, on if f[5:] == s.kind else off, key=("S", s.sid, "kind"), align=MID)
    if f == "cat":
        return bk.put(ws, r, col, bk.style.get("cats", CAT_WORDS)[s.cat], key=key)
    if f == "purchased":
        v = s.purchased if com and s.purchased else (gift_dash if com else dash)
        return bk.put(ws, r, col, v, key=key, kind="pdate", month_only=s.month_only)
    if f == "price":
        v = s.price if com and s.price is not None else (gift_dash if com else dash)
        return bk.put(ws, r, col, v, key=key, kind="price")
    if f == "amount":
        if com and s.price is not None and bk.style.get("amount_formula") and "price" in where and "lcount" in where \
                and key not in bk.ov:
            expr = f"{a1(r, where['price'])}*{a1(r, where['lcount'])}"
            return bk.formula(ws, r, col, expr, s.amount, key=key, fmt="#,##0.00")
        v = s.amount if com and s.price is not None else (gift_dash if com else dash)
        return bk.put(ws, r, col, v, key=key, kind="money")
    if f == "ltype":
        return bk.put(ws, r, col, s.ltype if com else dash, key=key)
    if f == "lcount":
        return bk.put(ws, r, col, s.lcount if com else dash, key=key, kind="count")
    if f == "usable":
        return bk.put(ws, r, col, s.usable if com else dash, key=key)
    if f == "term":
        return bk.put(ws, r, col, s.term if com else dash, key=key, kind="term", purchased=s.purchased)
    if f == "serial":
        return bk.put(ws, r, col, s.serial if com else dash, key=key)
    if f == "term_start":  # a term split into 起始 / 截止 columns
        if not com:
            return bk.put(ws, r, col, dash, key=key)
        t = s.term
        start = t.start if t.form == "range" else s.purchased
        return bk.put(ws, r, col, start if start else dash, key=key, kind="pdate")
    if f == "term_end":
        if not com:
            return bk.put(ws, r, col, dash, key=key)
        t = s.term
        if t.form in ("perpetual", "word"):
            return bk.put(ws, r, col, t.word, key=key)
        return bk.put(ws, r, col, t.end_on(s.purchased), key=key, kind="pdate")
    if f == "vendor":
        return bk.put(ws, r, col, s.vendor or dash, key=key)
    if f == "installed":
        v = u.installed(s.sid) if bk.variant != "derive" else None
        return bk.put(ws, r, col, v, key=key, kind="count")
    if f == "note":
        return bk.put(ws, r, col, None, key=key)
    raise KeyError(f)


def summary_block(bk, ws, r, u, sids, cols, where, seq0=1, hide=None):
    """Plain summary rows for sids. Returns (next row, next seq, {sid: row})."""
    rows = {}
    seq = seq0
    for sid in sids:
        s = u.soft[sid]
        for text, f, *_ in cols:
            if f == "seq":
                ws.cell(r, where[f], seq).alignment = MID
            else:
                summary_cell(bk, ws, r, s, f, where[f], where, u)
        if hide and hide(s):
            ws.row_dimensions[r].hidden = True
        rows[sid] = r
        seq += 1
        r += 1
    return r, seq, rows


def sum_figure(bk, ws, r, c, rows, fields_values, expr_cells):
    """A subtotal/total cell: a SUM formula over expr_cells with the value Excel caches."""
    value = sum(num(v) for v in fields_values)
    if isinstance(value, float) and value == int(value):
        value = int(value)
    if not expr_cells:
        return None
    return bk.formula(ws, r, c, "SUM(" + ",".join(expr_cells) + ")", value)


def shown(ws, r, c):
    return ws.cell(r, c).value


def usage_cell(bk, ws, r, col, x, f, u, tag=None):
    p = u.pcmap()[x.pc]
    s = u.soft[x.sid]
    key = ("U", x.pc, x.sid, f)
    if f in ("dept", "user", "pc", "brand", "asset", "room", "model"):
        return bk.put(ws, r, col, getattr(p, f), key=key)
    if f == "brandmodel":
        return bk.put(ws, r, col, f"{p.brand} {p.model}", key=key)
    if f == "ptype":
        return bk.put(ws, r, col, bk.style.get("ptypes", PTYPE_WORDS)[p.ptype], key=key)
    if f == "sid":
        return bk.put(ws, r, col, s.sid, key=key)
    if f == "name":
        return bk.put(ws, r, col, s.name, key=key)
    if f == "fullname":
        return bk.put(ws, r, col, s.label, key=key)
    if f == "version":
        v = s.version if s.kind != "free" else bk.style.get("ufver", s.fversion)
        return bk.put(ws, r, col, v, key=key)
    if f == "term":
        com = s.kind == "commercial"
        return bk.put(ws, r, col, s.term if com else bk.style.get("udash", "—"), key=key, kind="term",
                      purchased=s.purchased)
    if f == "kind":
        return bk.put(ws, r, col, kind_word(bk, s, "ukinds"), key=key, align=MID)
    if f.startswith("kind:"):
        on, off = bk.style.get("uboxes", bk.style.get("boxes"))
        kk = ("U", x.pc, x.sid, "kind")
        v = on if f[5:] == s.kind else off
        if kk in bk.ov:
            v = bk.ov[kk][["kind:commercial", "kind:oem", "kind:free"].index(f)]
            bk.used.add(kk)
        c = ws.cell(r, col, v)
        c.alignment = MID
        bk.note(kk, ws, r, col)
        return c
    if f == "date":
        return bk.put(ws, r, col, x.date, key=key, kind="date")
    if f == "note":
        return None
    raise KeyError(f)


def usage_block(bk, ws, r, u, uses, cols, where, seq0=1, merge=(), hide=None, seq_per_pc=False):
    """Usage rows. merge: fields merged over each computer's rows (written once). Returns
    (next row, next seq)."""
    seq = seq0
    i = 0
    while i < len(uses):
        j = i
        while j < len(uses) and uses[j].pc == uses[i].pc:
            j += 1
        first = r
        for k in range(i, j):
            x = uses[k]
            for text, f, *_ in cols:
                if f in merge and k > i:
                    continue
                if f == "seq":
                    ws.cell(r, where[f], seq).alignment = MID
                else:
                    usage_cell(bk, ws, r, where[f], x, f, u)
            if hide and hide(x):
                ws.row_dimensions[r].hidden = True
            if not seq_per_pc:
                seq += 1
            r += 1
        if seq_per_pc:
            seq += 1
        for f in merge:
            c = where[f]
            if r - 1 > first:
                ws.merge_cells(start_row=first, start_column=c, end_row=r - 1, end_column=c)
            ws.cell(first, c).alignment = MID
        i = j
    return r, seq


def event_cell(bk, ws, r, col, sid, i, e, f, u):
    s = u.soft[sid]
    key = ("M", sid, i, f)
    alias = [("M", sid, e.tag, f)] if e.tag else []
    if f == "act":
        words = bk.style.get("acts", {"install": "安装", "uninstall": "卸载", "reinstall": "重装"})
        return bk.put(ws, r, col, words[e.action], key=key, alias=alias, align=MID)
    if f.startswith("act:"):
        on, off = bk.style.get("mboxes", bk.style.get("boxes"))
        if bk.style.get("act_text"):  # the option's own word in its column
            on = {"act:install": "安装", "act:uninstall": "卸载"}[f]
        kk = ("M", sid, i, "act")
        v = on if f[4:] == e.action else off
        if kk in bk.ov:
            o = bk.ov[kk]
            v = None if isinstance(o, Blank) else o[0 if f == "act:install" else 1]
            bk.used.add(kk)
        c = ws.cell(r, col, v)
        c.alignment = MID
        for k in [kk] + [("M", sid, e.tag, "act")] * bool(e.tag):
            bk.note(k, ws, r, col)
        return c
    if f in ("pc", "brand", "user", "dept"):
        return bk.put(ws, r, col, getattr(e, f), key=key, alias=alias)
    if f == "brandmodel":
        p = u.pcmap().get(e.pc)
        model = p.model if p else bk.style.get("gone_model", "")
        return bk.put(ws, r, col, f"{e.brand} {model}".strip(), key=key, alias=alias)
    if f == "version":
        v = s.version if s.kind != "free" else bk.style.get("mfver", s.fversion)
        return bk.put(ws, r, col, v, key=key, alias=alias)
    if f == "date":
        return bk.put(ws, r, col, e.date, key=key, alias=alias, kind="mdate")
    if f == "count":
        return bk.put(ws, r, col, e.count, key=key, alias=alias, kind="count")
    if f == "sid":
        return bk.put(ws, r, col, sid, key=key, alias=alias)
    if f == "name":
        return bk.put(ws, r, col, s.name, key=key, alias=alias)
    if f == "fullname":
        return bk.put(ws, r, col, s.label, key=key, alias=alias)
    if f == "kind":
        return bk.put(ws, r, col, kind_word(bk, s, "ukinds"), key=key, alias=alias)
    if f == "note":
        return None
    raise KeyError(f)


def event_block(bk, ws, r, u, rows, cols, where, seq0=1):
    """Change-log rows: rows is [(sid, i, Ev)]. Returns the next row."""
    seq = seq0
    for sid, i, e in rows:
        for text, f, *_ in cols:
            if f == "seq":
                ws.cell(r, where[f], seq).alignment = MID
            else:
                event_cell(bk, ws, r, where[f], sid, i, e, f, u)
        seq += 1
        r += 1
    return r


def log_rows(u, sid):
    return [(sid, i, e) for i, e in enumerate(u.events[sid])]


def part1_values(bk, s):
    dash = bk.style.get("dash", "—")
    com = s.kind == "commercial"
    return {
        "sid": (s.sid, "text"), "name": (s.name, "text"), "fullname": (s.label, "text"),
        "version": (s.version or dash, "text"), "kind": (kind_word(bk, s), "text"),
        "lcount": (s.lcount if com else dash, "count" if com else "text"),
        "usable": (s.usable if com else dash, "text"),
        "term": (s.term if com else dash, "term" if com else "text"),
    }


def free_block(bk, ws, r, u, cols, where, omit=()):
    seq = 1
    for s in u.soft.values():
        if s.kind != "free" or s.sid in omit:
            continue
        for text, f, *_ in cols:
            v = {"seq": seq, "sid": s.sid, "name": s.name, "version": s.fversion, "source": s.source,
                 "maker": s.maker, "contact": s.contact, "depts": s.fdepts, "reason": s.reason}[f]
            bk.put(ws, r, where[f], v, key=("F", s.sid, f) if f != "seq" else None)
        seq += 1
        r += 1
    return r


def stats_table(bk, ws, r, u, st, *, title_text, head_cells, words=None):
    """软件正版化工作信息统计表 (national structure, the office's words). Returns next row."""
    w = {"s1": "一、负责软件正版化工作单位（部门）情况", "s2": "二、人员情况", "s3": "三、计算机情况",
         "s4": "四、本年度软件采购情况", "s5": "五、累计拥有软件许可情况"}
    w.update(words or {})
    title(ws, r, title_text, 1, 9, size=14)
    r += 1
    for c, text in head_cells:
        ws.cell(r, c, text)
    r += 1
    span(ws, r, w["s1"], 1, 9).font = BOLD
    r += 1
    for i, lab in enumerate(("名称", "负责人姓名", "负责人电话", "传真")):
        ws.cell(r, 1 + 2 * i, lab).alignment = MID
        ws.merge_cells(start_row=r, start_column=1 + 2 * i, end_row=r, end_column=2 + 2 * i)
        ws.cell(r + 1, 1 + 2 * i, u.head[i]).alignment = MID
        ws.merge_cells(start_row=r + 1, start_column=1 + 2 * i, end_row=r + 1, end_column=2 + 2 * i)
    grid(ws, r, r + 1, 1, 8)
    r += 2
    span(ws, r, w["s2"], 1, 9).font = BOLD
    r += 1
    for i, (lab, k) in enumerate((("总人数", "total"), ("使用计算机人数", "using"))):
        ws.cell(r, 1 + 2 * i, lab).alignment = MID
        ws.merge_cells(start_row=r, start_column=1 + 2 * i, end_row=r, end_column=2 + 2 * i)
        bk.put(ws, r + 1, 1 + 2 * i, st["people"][k], key=("T", "people", k), align=MID)
        ws.merge_cells(start_row=r + 1, start_column=1 + 2 * i, end_row=r + 1, end_column=2 + 2 * i)
    grid(ws, r, r + 1, 1, 4)
    r += 2
    span(ws, r, w["s3"], 1, 9).font = BOLD
    r += 1
    for i, (lab, k) in enumerate((("服务器数", "servers"), ("台式机数", "desktops"), ("便携机数", "laptops"), ("合计", "total"))):
        ws.cell(r, 1 + 2 * i, lab).alignment = MID
        ws.merge_cells(start_row=r, start_column=1 + 2 * i, end_row=r, end_column=2 + 2 * i)
        bk.put(ws, r + 1, 1 + 2 * i, st["computers"][k], key=("T", "computers", k), align=MID)
        ws.merge_cells(start_row=r + 1, start_column=1 + 2 * i, end_row=r + 1, end_column=2 + 2 * i)
    grid(ws, r, r + 1, 1, 8)
    r += 2
    span(ws, r, w["s4"], 1, 9).font = BOLD
    r += 1
    ws.cell(r, 1, "软件属性").alignment = MID
    ws.merge_cells(start_row=r, start_column=1, end_row=r + 1, end_column=1)
    groups = [("操作系统软件（不含预装操作系统）", "os"), ("办公软件", "office"), ("杀毒软件", "antivirus"), ("总计", "total")]
    for g, (lab, _) in enumerate(groups):
        c = 2 + 2 * g
        ws.cell(r, c, lab).alignment = MID
        ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + 1)
        ws.cell(r + 1, c, "许可数（个）").alignment = MID
        ws.cell(r + 1, c + 1, "金额（万元）").alignment = MID
    r0 = r
    r += 2
    p = st["purchases"]
    for label, o in (("国内", "domestic"), ("国外", "foreign"), ("合计", None)):
        ws.cell(r, 1, label).alignment = MID
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
    grid(ws, r0, r - 1, 1, 9)
    span(ws, r, w["s5"], 1, 9).font = BOLD
    r += 1
    hs = [("软件属性", None), ("操作系统软件（含预装操作系统）许可数（个）", "os"), ("办公软件许可数（个）", "office"),
          ("杀毒软件许可数（个）", "antivirus"), ("总计", "total")]
    for i, (lab, _) in enumerate(hs):
        ws.cell(r, 1 + i, lab).alignment = MID
    ws.row_dimensions[r].height = 44
    r0 = r
    r += 1
    h = st["holdings"]
    for label, o in (("国内", "domestic"), ("国外", "foreign"), ("合计", None)):
        ws.cell(r, 1, label).alignment = MID
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
    grid(ws, r0, r - 1, 1, 5)
    return r


def plan_table(bk, ws, r, u, cols, *, total_word="共计", formulas=False):
    """采购计划 rows under header `cols` (序号, 名称, 版本, 单价, 数量, 合计, 备注) and a total
    row. Returns the next row."""
    for i, h in enumerate(cols, 1):
        ws.cell(r, i, h).alignment = MID
        ws.cell(r, i).font = BOLD
    ws.row_dimensions[r].height = 30
    r0 = r
    r += 1
    tot = 0
    first = r
    for i, (name, version, price, count, note) in enumerate(u.plan, 1):
        sub = price * count
        sub_v, hit = bk.take(("P", i, 6), sub)
        tot += num(sub_v)
        for c, v in enumerate((i, name, version, price, count), 1):
            bk.put(ws, r, c, v, key=("P", i, c))
        if formulas and not hit:
            bk.formula(ws, r, 6, f"D{r}*E{r}", sub, key=("P", i, 6))
        else:
            bk.put(ws, r, 6, sub_v)
            bk.note(("P", i, 6), ws, r, 6)
        bk.put(ws, r, 7, note)
        r += 1
    ws.cell(r, 2, total_word)
    tv, hit = bk.take(("P", "total"), tot)
    if formulas and not hit:
        bk.formula(ws, r, 6, f"SUM(F{first}:F{r - 1})", tot, key=("P", "total"))
    else:
        bk.put(ws, r, 6, tv)
        bk.note(("P", "total"), ws, r, 6)
    grid(ws, r0, r, 1, len(cols))
    return r + 1


CAT_ORIGIN = {"domestic": "国内", "foreign": "国外"}


def catalogue_sheet(bk, ws, u, heads, r=1):
    """软件分类 (derive.md): 软件编号 · 软件名称 · 类别 · 国内/国外, one row per number."""
    for c, h in enumerate(heads, 1):
        ws.cell(r, c, h).font = BOLD
    for i, s in enumerate(u.soft.values(), 1):
        for c, v in enumerate((s.sid, s.name, CAT_WORDS[s.cat], CAT_ORIGIN[s.origin]), 1):
            ws.cell(r + i, c, v)
    grid(ws, r, r + len(u.soft), 1, 4)
    widths(ws, [10, 30, 10, 10])
    return r + len(u.soft) + 1


def expect(code, keys_, why, also=()):
    return (code, keys_, why, list(also))


def over_index(u, sid, lcount):
    """Index of the event after which the replay first holds more than lcount copies."""
    held = set()
    for i, e in enumerate(u.events[sid]):
        if e.action == "install":
            held.add(e.pc)
        elif e.action == "uninstall":
            held.discard(e.pc)
        if len(held) > lcount:
            return i
    raise AssertionError(f"{sid}: never over {lcount}")


def drop_os(u, pc):
    """The clerk never registered this computer's operating system (anywhere)."""
    p = u.pcmap()[pc]
    sid = p.os
    u.uses = [x for x in u.uses if not (x.pc == pc and x.sid == sid)]
    u.events[sid] = [e for e in u.events[sid] if e.pc != pc]
    return sid


def add_event(u, sid, ev):
    u.events[sid].append(ev)
    resort_list(u.events[sid])
    return u.events[sid].index(ev)


def ev_keys(sid, i, fields):
    return [("M", sid, i, f) for f in fields]


def cached_value(bk, ws, r, c):
    v = ws.cell(r, c).value
    if isinstance(v, str) and v.startswith("="):
        return bk.cached[ws.title][a1(r, c)]
    return v


def grouped_summary(bk, ws, r, u, groups, cols, where, *, fig_fields, label_col, caption_fmt="{}",
                    sub_word="小计", total_word="合  计", total_on_top=True, hide=None, seq_restart=False):
    """Summary rows by category. groups: [(caption, [sids])]. Each group: a caption row
    (None to omit), its rows, a subtotal row with SUM formulas over fig_fields (cached).
    A grand total row above (total_on_top) or below, summing the subtotals. Figures are
    blank in the derive variant. Returns (next row, {sid: row})."""
    total_row = None
    if total_on_top:
        total_row = r
        ws.cell(r, label_col, total_word).font = BOLD
        r += 1
    subs = []
    rows = {}
    seq = 1
    for caption, sids in groups:
        if caption:
            span(ws, r, caption_fmt.format(caption), 1, len(cols)).font = BOLD
            r += 1
        if seq_restart:
            seq = 1
        first = r
        r, seq, got = summary_block(bk, ws, r, u, sids, cols, where, seq0=seq, hide=hide)
        rows.update(got)
        ws.cell(r, label_col, sub_word).font = BOLD
        if bk.variant != "derive":
            for f in fig_fields:
                c = where[f]
                vals = [cached_value(bk, ws, rr, c) for rr in range(first, r)]
                sum_figure(bk, ws, r, c, None, vals, [f"{get_column_letter(c)}{first}:{get_column_letter(c)}{r - 1}"])
        subs.append(r)
        r += 1
    if not total_on_top:
        total_row = r
        ws.cell(r, label_col, total_word).font = BOLD
        r += 1
    if bk.variant != "derive":
        for f in fig_fields:
            c = where[f]
            vals = [cached_value(bk, ws, s, c) for s in subs]
            sum_figure(bk, ws, total_row, c, None, vals, [a1(s, c) for s in subs])
    return r, rows


def bottom_head(bk, ws, r, part, u, filled, items=("filler", "phone", "filled"), cols=(1, 4, 7), gap=1):
    words = {"filler": ("填表人", u.filler, "text"), "phone": ("联系电话", u.phone, "text"),
             "filled": ("填表日期", filled, "hdate")}
    for f, c in zip(items, cols):
        lab, v, kind = words[f]
        label_value(bk, ws, r, c, lab, v, key=(part, f), gap=gap, kind=kind)
    return r + 1


def national_log(bk, ws, u, sid, *, r=1, head=None, boxes=("☒", "☐"), date_kind="mdate", reverse=False, swap=None):
    """A national 软件安装维护情况明细表 (part 一 grid, part 二 rows) from row r."""
    s = u.soft[sid]
    title(ws, r, "软件安装维护情况明细表", 1, 10, size=14)
    r += 1
    if head:
        r = head(bk, ws, r, sid)
    ws.cell(r, 1, "一、软件基本信息").font = BOLD
    r += 1
    p1 = [("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("商业软件", "kind:commercial", "软件类型"),
          ("OEM软件", "kind:oem", "软件类型"), ("免费软件", "kind:free", "软件类型"), ("许可数量", "lcount"),
          ("可使用版本", "usable"), ("许可期限", "term")]
    if not u.numbered:
        p1 = p1[1:]
    top = r
    r, w1 = header_rows(ws, r, p1)
    vals = part1_values(bk, s)
    for text, f, *_ in p1:
        if f.startswith("kind:"):
            bk.put(ws, r, w1[f], boxes[0] if f[5:] == s.kind else boxes[1], key=("M1", sid, "kind"), align=MID)
        else:
            v, kind = vals[f]
            bk.put(ws, r, w1[f], v, key=("M1", sid, f), kind=kind, align=MID, purchased=s.purchased)
    grid(ws, top, r, 1, len(p1))
    r += 1
    ws.cell(r, 1, "二、软件安装卸载明细").font = BOLD
    cols = [("序号", "seq"), ("安装", "act:install"), ("卸载", "act:uninstall"), ("计算机编号", "pc"),
            ("计算机品牌", "brand"), ("使用人", "user"), ("使用部门", "dept"), ("安装/卸载版本", "version"),
            ("安装/卸载日期", "date"), ("安装数量", "count")]
    top = r + 1
    r, where = header_rows(ws, r + 1, cols)
    rows = log_rows(u, sid)
    if reverse:
        rows.reverse()
    if swap is not None:
        rows[swap], rows[swap + 1] = rows[swap + 1], rows[swap]
    r = event_block(bk, ws, r, u, rows, cols, where)
    grid(ws, top, r - 1, 1, 10)
    widths(ws, [6, 6, 6, 11, 10, 8, 14, 13, 15, 8])
    return r

# =======================================================================================
# Helpers shared by the layouts of this corpus
# =======================================================================================
def above_head(bk, ws, r, part, items, fill_label="（{}）"):
    """Header values typed in row r, each label in parentheses in the row below it (as on a
    printed form whose blanks are filled in above the caption). items: (c0, c1, label, field,
    value, kind). Returns the next row."""
    for c0, c1, label, f, v, kind in items:
        cell = bk.put(ws, r, c0, v, key=(part, f), kind=kind, align=MID)
        lab = ws.cell(r + 1, c0, fill_label.format(label))
        lab.alignment = MID
        lab.font = Font(size=9)
        bk.note((part + "L", f), ws, r + 1, c0)
        if c1 > c0:
            ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=c1)
            ws.merge_cells(start_row=r + 1, start_column=c0, end_row=r + 1, end_column=c1)
        cell.border = Border(bottom=_thin)
    return r + 2


def install_keys(u, sid, fields=("date", "pc", "act")):
    """Keys of every install row in sid's log (for may_also lists)."""
    return [k for i, e in enumerate(u.events[sid]) if e.action == "install" for k in ev_keys(sid, i, fields)]


def vertical_box(bk, ws, r, rows, c_label=1, c_value=3, span_label=2, span_value=4, purchased=None):
    """A bordered two-column box: label cells down one column, their values beside them.
    rows: (label, key, value, kind). Returns the next row."""
    top = r
    for label, key, v, kind in rows:
        ws.cell(r, c_label, label).font = BOLD
        ws.cell(r, c_label).alignment = LEFT
        if span_label > 1:
            ws.merge_cells(start_row=r, start_column=c_label, end_row=r, end_column=c_label + span_label - 1)
        bk.put(ws, r, c_value, v, key=key, kind=kind, align=LEFT, purchased=purchased)
        if span_value > 1:
            ws.merge_cells(start_row=r, start_column=c_value, end_row=r, end_column=c_value + span_value - 1)
        r += 1
    grid(ws, top, r - 1, c_label, c_value + span_value - 1)
    return r


# =======================================================================================
# L1  医疗保障局 — the bureau's own words (软件标识, 软件品名, 版次, 获得途径 有偿购买·随机预置·
#     无偿使用, 购买时间 "2025年3月" (month only), 采购价格（万元）, 授权种类, 授权终端数, 准装版本,
#     授权截止时间, 产品密钥, 安装台次; 股室, 使用者, 计算机名 (host names), 整机厂商, 首次安装时间
#     "2025-04-02 星期三"); every header value typed in the row above its caption "（制表）";
#     figures the same way; "——" for not applicable; each log's part 一 a vertical box
# =======================================================================================
def medical_insurance():
    cert = certs(1201, 4, "FXYB")
    k = keys(1202, 1)
    pcs = [
        PC("办公室", "刘晓燕", "FXYB-BGS-01", "联想", "desktop", "YBRJ-01", D(2021, 6, 8)),
        PC("办公室", "杨帆", "FXYB-BGS-02", "联想", "desktop", "YBRJ-01", D(2021, 6, 8)),
        PC("医药服务管理股", "田甜", "FXYB-YY-01", "联想", "desktop", "YBRJ-01", D(2021, 6, 9)),
        PC("基金监管股", "罗成", "FXYB-JG-01", "华为", "laptop", "YBRJ-02", D(2024, 10, 15)),
        PC("基金监管股", "彭小川", "FXYB-JG-02", "联想", "desktop", "YBRJ-01", D(2021, 6, 9)),
        PC("待遇保障股", "袁静", "FXYB-DY-01", "长城", "desktop", "YBRJ-03", D(2025, 5, 20)),
        PC("待遇保障股", "杜鹏", "FXYB-DY-02", "长城", "desktop", "YBRJ-03", D(2025, 5, 20)),
        PC("医保服务中心", "蒋丽", "FXYB-FW-01", "联想", "desktop", "YBRJ-01", D(2021, 6, 10)),
        PC("医保服务中心", "肖敏", "FXYB-FW-02", "华为", "laptop", "YBRJ-02", D(2024, 10, 16)),
        PC("办公室", "杨帆", "FXYB-SRV-01", "华为", "server", "YBRJ-04", D(2022, 3, 18)),
    ]
    soft = [
        Soft("YBRJ-01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("YBRJ-02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("YBRJ-03", "银河麒麟桌面操作系统", "V10 专业版", "commercial", "os", "domestic", D(2025, 4, 1), price=850,
             ltype="批量许可", lcount=3, usable="V10专业版", term=perp("长期"), serial=cert[0], month_only=True),
        Soft("YBRJ-04", "Windows Server 2022", "标准版", "commercial", "os", "foreign", D(2022, 2, 1), price=7600,
             ltype="单机许可", lcount=1, usable="2022标准版", term=perp("长期"), serial=k[0], month_only=True),
        Soft("YBRJ-05", "WPS Office 2023", "专业版", "commercial", "office", "domestic", D(2025, 3, 1), price=480,
             ltype="批量许可", lcount=10, usable="2023专业版", term=perp("长期"), serial=cert[1], month_only=True),
        Soft("YBRJ-06", "奇安信天擎终端安全管理系统", "V10", "commercial", "antivirus", "domestic", D(2024, 9, 1), price=150,
             ltype="网络版", lcount=12, usable="V10", term=until(D(2027, 9, 30)), serial=cert[2], month_only=True),
        Soft("YBRJ-07", "亿图图示", "V12 专业版", "commercial", "other", "domestic", D(2023, 11, 1), price=399,
             ltype="单机许可", lcount=2, usable="V12", term=until(D(2027, 11, 30)), serial=cert[3], month_only=True),
        free("YBRJ-08", "福昕阅读器", "办公室、基金监管股、医保服务中心"),
        free("YBRJ-09", "企业微信", "全局"),
    ]
    u = Unit("凤溪县医疗保障局", "刘晓燕", "0859-3216620", D(2026, 11, 18), 46, 1, 7, 2, pcs, {s.sid: s for s in soft})
    clients = [p.pc for p in pcs if p.ptype != "server"]
    build(u, [
        ("YBRJ-05", clients, D(2025, 4, 2)),
        ("YBRJ-06", [p.pc for p in pcs], D(2024, 10, 8)),
        ("YBRJ-07", ["FXYB-BGS-01", "FXYB-YY-01"], D(2023, 12, 5)),
        ("YBRJ-08", ["FXYB-BGS-01", "FXYB-BGS-02", "FXYB-JG-01", "FXYB-FW-01", "FXYB-FW-02"], D(2022, 4, 11)),
        ("YBRJ-09", clients, D(2023, 3, 6)),
    ], [("again", "YBRJ-05", "FXYB-JG-02", D(2025, 4, 3), D(2025, 8, 12), D(2025, 8, 14)),
        ("gone", "YBRJ-07", "FXYB-JG-02", D(2023, 12, 6), D(2025, 2, 10)),
        ("date", "YBRJ-07", "FXYB-YY-01", D(2025, 2, 12))])
    style = {"kinds": {"commercial": "有偿购买", "oem": "随机预置", "free": "无偿使用"}, "pdate": "cn", "date": "weekday",
             "mdate": "xl_week", "hdate": "cn", "term": "end_cn", "money": "wan_num", "count": "num", "dash": "——",
             "udash": "——", "mfver": "——", "acts": {"install": "安装", "uninstall": "卸载"}}

    def head(bk, ws, r, part, date=True):
        items = [(1, 3, "填报单位盖章", "unit", u.name, "text"), (5, 5, "制表", "filler", u.filler, "text"),
                 (7, 7, "审核", "checker", "杨帆", "text"), (9, 10, "联系电话", "phone", u.phone, "text")]
        if date:
            items.append((12, 13, "报送日期", "filled", u.filled, "hdate"))
        return above_head(bk, ws, r, part, items)

    def render(u, variant, ov, omit_free=()):
        bk = Book("凤溪县医疗保障局办公室", style, variant, ov)
        # -- 软件总账 (summary) --
        ws = bk.sheet("软件总账")
        title(ws, 1, "凤溪县医疗保障局软件正版化登记表（一）软件总账", 1, 14)
        r = head(bk, ws, 2, "SH")
        figs = [(1, "在岗人数（人）", "total", u.people_total), (3, "用机人数（人）", "using", len(u.users())),
                (5, "服务器（台）", "servers", u.servers), (7, "台式电脑（台）", "desktops", u.desktops),
                (9, "便携电脑（台）", "laptops", u.laptops)]
        above_head(bk, ws, r, "SH", [(c, c + 1, lab, kk, None if (variant == "derive" and kk == "using") else v, "count")
                                     for c, lab, kk, v in figs], fill_label="{}")
        cols = [("序号", "seq"), ("软件标识", "sid"), ("软件品名", "name"), ("版次", "version"), ("获得途径", "kind"),
                ("购买时间", "purchased"), ("采购价格（万元）", "amount"), ("授权种类", "ltype"), ("授权终端数", "lcount"),
                ("准装版本", "usable"), ("授权截止时间", "term"), ("产品密钥", "serial"), ("安装台次", "installed"),
                ("备注", "note")]
        r, where = header_rows(ws, 7, cols, height=32)
        r, _, _ = summary_block(bk, ws, r, u, list(u.soft), cols, where)
        grid(ws, 7, r - 1, 1, 14)
        span(ws, r + 1, "填表说明：获得途径填“有偿购买”“随机预置”“无偿使用”；购买时间填到月；采购价格以万元为单位；"
                        "随机预置和无偿使用的软件，购买及授权各栏填“——”。", 1, 14, height=30)
        widths(ws, [9, 10, 24, 12, 10, 11, 11, 10, 9, 11, 15, 26, 8, 8])
        # -- 装机登记 (usage) --
        ws = bk.sheet("装机登记")
        title(ws, 1, "凤溪县医疗保障局软件正版化登记表（二）计算机软件装机登记", 1, 13)
        head(bk, ws, 2, "UH")
        cols = [("序号", "seq"), ("股室", "dept"), ("使用者", "user"), ("计算机名", "pc"), ("整机厂商", "brand"),
                ("软件标识", "sid"), ("软件品名", "name"), ("版次", "version"), ("授权截止时间", "term"),
                ("获得途径", "kind"), ("首次安装时间", "date")]
        r, where = header_rows(ws, 5, cols, height=28)
        r, _ = usage_block(bk, ws, r, u, u.uses, cols, where)
        grid(ws, 5, r - 1, 1, 11)
        widths(ws, [6, 14, 8, 13, 9, 10, 24, 12, 15, 9, 17])
        # -- one log per software --
        for n, (sid, s) in enumerate(u.soft.items(), 1):
            ws = bk.sheet(f"维护{n:02d}")
            title(ws, 1, "凤溪县医疗保障局软件正版化登记表（三）软件安装维护记录", 1, 10, size=14)
            r = above_head(bk, ws, 2, f"MH{sid}", [(1, 3, "填报单位盖章", "unit", u.name, "text"),
                                                   (5, 6, "制表", "filler", u.filler, "text"),
                                                   (8, 9, "联系电话", "phone", u.phone, "text")])
            ws.cell(r + 1, 1, "一、软件基本情况").font = BOLD
            vals = part1_values(bk, s)
            rows = [(lab, ("M1", sid, f), vals[f][0], vals[f][1]) for lab, f in
                    (("软件标识", "sid"), ("软件品名", "name"), ("版次", "version"), ("获得途径", "kind"),
                     ("授权终端数", "lcount"), ("准装版本", "usable"), ("授权截止时间", "term"))]
            r = vertical_box(bk, ws, r + 2, rows, purchased=s.purchased)
            ws.cell(r + 1, 1, "二、安装卸载记录").font = BOLD
            cols = [("序号", "seq"), ("操作", "act"), ("计算机名", "pc"), ("整机厂商", "brand"), ("使用者", "user"),
                    ("股室", "dept"), ("版次", "version"), ("操作日期", "date"), ("台次", "count")]
            top = r + 2
            r, where = header_rows(ws, top, cols)
            r = event_block(bk, ws, r, u, log_rows(u, sid), cols, where)
            grid(ws, top, r - 1, 1, 9)
            widths(ws, [6, 6, 13, 9, 8, 14, 12, 22, 6])
        # -- 免费软件 --
        ws = bk.sheet("免费软件")
        title(ws, 1, "凤溪县医疗保障局可使用免费软件清单", 1, 9)
        head(bk, ws, 2, "FH")
        cols = [("序号", "seq"), ("软件标识", "sid"), ("软件品名", "name"), ("版次", "version"), ("下载来源", "source"),
                ("开发商", "maker"), ("客服联系方式", "contact"), ("使用股室", "depts"), ("用途说明", "reason")]
        r, where = header_rows(ws, 5, cols)
        r = free_block(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, 5, r - 1, 1, 9)
        widths(ws, [6, 10, 12, 8, 10, 28, 16, 26, 14])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("UH", "phone")] = BLANK
        exp.append(expect("ZB005", [("UH", "phone"), ("UHL", "phone")],
                          "装机登记表头“（联系电话）”上方的电话没有填（总账、维护记录等其他表都填了）"))
        ov[("S", "YBRJ-01", "lcount")] = 7
        exp.append(expect("ZB107", [("S", "YBRJ-01", "lcount")], "随机预置的 Windows 10 一行授权终端数填了 7（应为“——”）"))
        ov[("S", "YBRJ-07", "purchased")] = D(2027, 11, 1)
        exp.append(expect("ZB117", [("S", "YBRJ-07", "purchased")],
                          "亿图图示购买时间 2023年11月 年份误写为 2027年11月，晚于报送日期和检查日；装机和安装记录因此早于字面购买时间，ZB416 可一并报出（不要求）",
                          [("ZB416", [("U", pc, "YBRJ-07", "date") for pc in ("FXYB-BGS-01", "FXYB-YY-01")]),
                           ("ZB416", install_keys(u, "YBRJ-07"))]))
        u.soft["YBRJ-02"].version = "家庭中文版"
        exp.append(expect("ZB121", [("S", "YBRJ-02", "name"), ("S", "YBRJ-02", "version")],
                          "两台华为笔记本随机预置的 Windows 11 是家庭中文版（各表一致）"))
        ov[("U", "FXYB-FW-02", "YBRJ-09", "date")] = D(2026, 11, 25)
        exp.append(expect("ZB205", [("U", "FXYB-FW-02", "YBRJ-09", "date")],
                          "FXYB-FW-02 的企业微信首次安装时间写成 2026-11-25 星期三（录入当天），晚于报送日期 2026年11月18日"))
        ov[("U", "FXYB-DY-02", "YBRJ-09", "date")] = D(2025, 5, 12)
        exp.append(expect("ZB209", [("U", "FXYB-DY-02", "YBRJ-09", "date")],
                          "FXYB-DY-02 的企业微信首次安装时间写成 2025-05-12，早于该机银河麒麟系统的安装时间 2025-05-20"))
        ov[("M1", "YBRJ-05", "lcount")] = 12
        exp.append(expect("ZB303", [("M1", "YBRJ-05", "lcount")], "WPS 维护记录软件基本情况的授权终端数写成 12，总账为 10"))
        ov[("SH", "using")] = 10
        exp.append(expect("ZB409", [("SH", "using")], "用机人数填 10，装机登记中不同使用者 9 个"))
        ov[("U", "FXYB-YY-01", "YBRJ-05", "date")] = D(2025, 2, 26)
        exp.append(expect("ZB416", [("U", "FXYB-YY-01", "YBRJ-05", "date")],
                          "FXYB-YY-01 的 WPS 首次安装时间写成 2025-02-26 星期三，早于购买时间 2025年3月（晚于该机系统 2021 年）"))
        return ov, exp, {}

    return dict(name="medical-insurance", classes=[1, 4], office=u.name, unit=u, render=render, faults=faults,
                about="医疗保障局按本局通知自拟的“软件正版化登记表（一）（二）（三）”：软件总账用“软件标识、软件品名、版次、获得途径（有偿购买/"
                      "随机预置/无偿使用）、购买时间（只到月，“2025年3月”）、**采购价格（万元）**（0.48）、授权种类、授权终端数、准装版本、"
                      "授权截止时间（“2027年9月30日”/“长期”）、产品密钥、安装台次”，不适用的填“——”；装机登记用股室、使用者、**计算机名（主机名 "
                      "FXYB-BGS-01）**、整机厂商、首次安装时间（文字“2025-04-02 星期三”）；**各表表头的值都写在说明文字上一行**：上行“凤溪县医疗保障局 | "
                      "刘晓燕 | 杨帆 | 0859-3216620 | 2026年11月18日”，下行小字“（填报单位盖章）（制表）（审核）（联系电话）（报送日期）”，"
                      "人员和计算机情况同样数在上、“在岗人数（人）”等在下；每个软件一张安装维护记录，**软件基本情况是一个竖排的两栏框**（标签在左、值在右），"
                      "操作栏写“安装/卸载”，操作日期是带星期的 Excel 日期。")


# =======================================================================================
# L2  职业中专 — the summary split by year of purchase (汇总（2026年购置）…（2021年购置）, newest
#     first, and 汇总（随机及免费）), each sheet with its own title and a 本表小计 row of SUM
#     formulas (cached), a hidden 资产入账单号 column and frozen panes, the figures only on the
#     first sheet; the usage ledger one sheet per department with **the department only in the
#     sheet name** (no 部门 column, own 填表日期), type boxes "是"/"否"; national logs
# =======================================================================================
def vocational_school():
    cert = certs(1303, 6, "SHZZ")
    k = keys(1304, 2)
    pcs = [
        PC("校办", "韦国强", "SHZZ-XB-01", "联想", "desktop", "Z01", D(2020, 9, 1)),
        PC("校办", "蒙丽华", "SHZZ-XB-02", "联想", "desktop", "Z01", D(2020, 9, 1)),
        PC("教务处", "黄文斌", "SHZZ-JW-01", "联想", "desktop", "Z01", D(2020, 9, 2)),
        PC("教务处", "覃小燕", "SHZZ-JW-02", "联想", "laptop", "Z02", D(2023, 8, 28)),
        PC("信息技术部", "陆剑", "SHZZ-XX-01", "戴尔", "desktop", "Z02", D(2023, 8, 28)),
        PC("信息技术部", "莫海燕", "SHZZ-XX-02", "戴尔", "desktop", "Z02", D(2023, 8, 29)),
        PC("信息技术部", "陆剑", "SHZZ-XX-SV", "戴尔", "server", "Z03", D(2021, 3, 15)),
        PC("财经商贸部", "潘玉梅", "SHZZ-CJ-01", "联想", "desktop", "Z01", D(2020, 9, 2)),
        PC("财经商贸部", "谭志华", "SHZZ-CJ-02", "联想", "desktop", "Z01", D(2020, 9, 3)),
        PC("机电技术部", "卢建军", "SHZZ-JD-01", "惠普", "desktop", "Z02", D(2023, 8, 29)),
        PC("机电技术部", "甘露", "SHZZ-JD-02", "惠普", "laptop", "Z02", D(2023, 8, 30)),
    ]
    for p in pcs:
        p.group = p.dept
    soft = [
        Soft("Z01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("Z02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("Z03", "Windows Server 2019", "标准版", "commercial", "os", "foreign", D(2021, 3, 8), price=6900,
             ltype="单机授权", lcount=1, usable="2019标准版", term=perp(), serial=k[0]),
        Soft("Z04", "Microsoft Office LTSC 2021", "专业增强版", "commercial", "office", "foreign", D(2023, 8, 21), price=2900,
             ltype="批量许可", lcount=6, usable="LTSC 2021专业增强版", term=perp(), serial=k[1]),
        Soft("Z05", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2024, 5, 10), price=500,
             ltype="批量授权", lcount=5, usable="2019专业版", term=perp(), serial=cert[0]),
        Soft("Z06", "火绒终端安全管理系统", "V2.0 企业版", "commercial", "antivirus", "domestic", D(2026, 3, 2), price=60,
             ltype="网络版授权", lcount=12, usable="V2.0", term=rng(D(2026, 3, 2), D(2029, 3, 1)), serial=cert[1]),
        Soft("Z07", "CAXA CAD电子图板", "2023 专业版", "commercial", "other", "domestic", D(2023, 8, 21), price=3800,
             ltype="单机授权", lcount=2, usable="2023", term=perp(), serial=cert[2]),
        Soft("Z08", "金蝶KIS", "V15.0 专业版", "commercial", "other", "domestic", D(2024, 5, 10), price=4200,
             ltype="站点授权", lcount=2, usable="V15.0专业版", term=perp(), serial=cert[3]),
        free("Z09", "Notepad++", "信息技术部"),
        free("Z10", "搜狗输入法", "全校"),
    ]
    own = {"校办": D(2026, 11, 20), "教务处": D(2026, 11, 20), "信息技术部": D(2026, 11, 19), "财经商贸部": D(2026, 11, 17),
           "机电技术部": D(2026, 11, 16)}
    u = Unit("双河县职业中等专业学校", "陆剑", "0778-7125563", D(2026, 11, 20), 132, 1, 8, 2, pcs, {s.sid: s for s in soft},
             own_dates=dict(own))
    clients = [p.pc for p in pcs if p.ptype != "server"]
    build(u, [
        ("Z04", ["SHZZ-XB-01", "SHZZ-XB-02", "SHZZ-JW-01", "SHZZ-JW-02", "SHZZ-CJ-01", "SHZZ-CJ-02"], D(2023, 8, 31)),
        ("Z05", ["SHZZ-XX-01", "SHZZ-XX-02", "SHZZ-JD-01", "SHZZ-JD-02"], D(2024, 5, 13)),
        ("Z06", [p.pc for p in pcs], D(2026, 3, 4)),
        ("Z07", ["SHZZ-JD-01", "SHZZ-JD-02"], D(2023, 9, 4)),
        ("Z08", ["SHZZ-CJ-01", "SHZZ-CJ-02"], D(2024, 5, 14)),
        ("Z09", ["SHZZ-XX-01", "SHZZ-XX-02", "SHZZ-XX-SV"], D(2023, 9, 11)),
        ("Z10", clients, D(2023, 9, 12)),
    ], [("again", "Z07", "SHZZ-JD-01", D(2023, 9, 4), D(2025, 6, 30), D(2025, 7, 2)),
        ("gone", "Z04", PC("教务处", "黄文斌", "SHZZ-JW-00", "联想", "desktop", "", D(2017, 9, 1)), D(2023, 8, 22),
         D(2023, 8, 30))])
    # the clerk's group of numbers by year of purchase (newest first); OEM and free on a last sheet
    years = [(2026, ["Z06"]), (2024, ["Z05", "Z08"]), (2023, ["Z04", "Z07"]), (2021, ["Z03"])]
    rest = ["Z01", "Z02", "Z09", "Z10"]
    style = {"kinds": NATIONAL_KINDS, "pdate": "xl", "date": "xl_cn", "mdate": "xl", "hdate": "cn", "term": "dot",
             "money": "num", "count": "num", "dash": "—", "udash": "—", "mfver": "—", "uboxes": ("是", "否"),
             "boxes": ("√", None)}
    entry = {"Z03": "RZ2021-0317", "Z04": "RZ2023-0906", "Z05": "RZ2024-0522", "Z06": "RZ2026-0311", "Z07": "RZ2023-0907",
             "Z08": "RZ2024-0523"}

    def render(u, variant, ov, omit_free=()):
        bk = Book("双河县职业中等专业学校信息技术部", style, variant, ov)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                ("采购时间", "purchased"), ("采购金额（元）", "amount"), ("许可类型", "ltype"), ("许可数量", "lcount"),
                ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("安装数量", "installed"),
                ("资产入账单号", "entry")]
        cols_w = [c for c in cols if c[1] != "entry"]
        head = f"单位名称（盖章）：{u.name}{FW * 2}填表人：{u.filler}{FW * 2}联系电话：{u.phone}{FW * 2}填表日期：{dtext(u.filled)}"
        seq = 1
        for n, (label, sids) in enumerate([(f"{y}年购置", s) for y, s in years] + [("随机及免费", rest)]):
            ws = bk.sheet(f"汇总（{label}）")
            title(ws, 1, f"双河县职业中等专业学校软件使用情况汇总表（{label}）", 1, 14)
            span(ws, 2, head, 1, 14)
            bk.note(("SH", "head"), ws, 2, 1)
            r = 3
            if n == 0:
                figs = [("人员情况", None, None), ("教职工总数", "total", u.people_total),
                        ("使用计算机人数", "using", len(u.users())), ("计算机情况", None, None), ("服务器数", "servers", u.servers),
                        ("台式机数", "desktops", u.desktops), ("便携机数", "laptops", u.laptops)]
                c = 1
                for lab, kk, v in figs:
                    ws.cell(3, c, lab).font = BOLD
                    if kk:
                        bk.put(ws, 3, c + 1, None if (variant == "derive" and kk == "using") else v, key=("SH", kk), align=MID)
                        c += 2
                    else:
                        c += 1
                r = 4
            r, where = header_rows(ws, r + 1, cols, height=30, fill=GREY)
            top = r - 1
            first = r
            r, seq, rows = summary_block(bk, ws, r, u, sids, cols_w, where, seq0=seq)
            for sid, rr in rows.items():
                ws.cell(rr, where["entry"], entry.get(sid, "—"))
            ws.cell(r, where["name"], "本表小计").font = BOLD
            if variant != "derive":
                for f in ("amount", "lcount", "installed"):
                    c = where[f]
                    vals = [cached_value(bk, ws, rr, c) for rr in range(first, r)]
                    vals = [v for v in vals if not (isinstance(v, str) and v == "—")]
                    letter = get_column_letter(c)
                    sum_figure(bk, ws, r, c, None, vals, [f"{letter}{first}:{letter}{r - 1}"])
            grid(ws, top, r, 1, 14)
            ws.column_dimensions["N"].hidden = True
            ws.freeze_panes = f"D{top + 1}"
            if n == 0:
                span(ws, r + 2, "注：本汇总表按采购年度分表登记，每年新购软件另起一表（本表为最新年度），随机预装和免费软件统一登记在"
                                "“汇总（随机及免费）”表；各表“本表小计”为公式，请勿改写。", 1, 14, height=30)
            widths(ws, [6, 8, 26, 13, 10, 12, 12, 11, 9, 18, 24, 26, 9, 13])
        # -- usage: one sheet per department, the department only in the sheet name --
        ucols = [("序号", "seq"), ("使用人", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"), ("软件编号", "sid"),
                 ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
                 ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"),
                 ("免费软件", "kind:free", "软件类型"), ("安装日期", "date")]
        for dept in own:
            ws = bk.sheet(dept)
            title(ws, 1, "软件使用情况明细表", 1, 12)
            for c, lab, v, kk, kind in ((1, "单位名称（盖章）", u.name, "unit", "text"), (5, "填表人", u.filler, "filler", "text"),
                                        (7, "联系电话", u.phone, "phone", "text"), (10, "填表日期", own[dept], "filled", "hdate")):
                ws.cell(2, c, lab).font = BOLD
                bk.put(ws, 2, c + 1, v, key=("UH", dept, kk), kind=kind)
            ws.merge_cells("B2:D2")
            ws.merge_cells("K2:L2")
            r, where = header_rows(ws, 3, ucols)
            uses = [x for x in u.uses if u.pcmap()[x.pc].dept == dept]
            r, _ = usage_block(bk, ws, r, u, uses, ucols, where)
            grid(ws, 3, r - 1, 1, 12)
            ws.freeze_panes = "A5"
            widths(ws, [6, 8, 12, 9, 8, 26, 13, 24, 6, 6, 6, 15])

        # -- logs --
        def mh(bk, ws, r, sid):
            span(ws, r, f"单位名称：{u.name}{FW * 2}填表人：{u.filler}{FW * 2}联系电话：{u.phone}", 1, 10)
            return r + 1
        for sid in u.soft:
            ws = bk.sheet(f"维护表{sid}")
            national_log(bk, ws, u, sid, head=mh, boxes=("√", None))
        # -- free list --
        ws = bk.sheet("免费软件清单")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        span(ws, 2, head, 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_block(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, 3, r - 1, 1, 9)
        widths(ws, [6, 8, 12, 8, 9, 26, 28, 14, 18])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("S", "Z09", "version")] = "8.6"
        exp.append(expect("ZB108", [("S", "Z09", "version")], "免费软件 Notepad++ 在汇总（随机及免费）表填了软件版本 8.6（应空着）"))
        p = u.pcmap()["SHZZ-XB-01"]
        x = Use("SHZZ-XB-01", "Z08", D(2025, 9, 1))
        u.uses.insert(next(i for i, y in enumerate(u.uses) if y.pc == "SHZZ-XB-01" and y.sid == "Z10"), x)
        i = add_event(u, "Z08", Ev("install", "SHZZ-XB-01", x.date, p.brand, p.user, p.dept))
        exp.append(expect("ZB111", [("S", "Z08", "installed"), ("S", "Z08", "lcount")],
                          "金蝶KIS 许可 2 个站点，2025-09-01 又装到校办 SHZZ-XB-01（各表一致），安装数量 3 超过许可；维护表按日期重放也自此超过 2 份，ZB307 可一并报出（不要求）",
                          [("ZB307", ev_keys("Z08", i, ("date", "pc", "act", "count")))]))
        u.soft["Z07"].serial = u.soft["Z04"].serial
        exp.append(expect("ZB124", [("S", "Z07", "serial")], "CAXA CAD电子图板的序列号抄成了同年采购的 Office LTSC 的序列号"))
        ov[("U", "SHZZ-CJ-02", "Z10", "user")] = BLANK
        exp.append(expect("ZB201", [("U", "SHZZ-CJ-02", "Z10", "user")],
                          "财经商贸部 SHZZ-CJ-02 的搜狗输入法一行漏填使用人（空格不算另一个姓名，不应报 ZB206）"))
        ov[("U", "SHZZ-XX-02", "Z09", "kind")] = ("是", "否", "是")
        exp.append(expect("ZB202", [("U", "SHZZ-XX-02", "Z09", "kind")],
                          "信息技术部 SHZZ-XX-02 的 Notepad++ 一行商业软件、免费软件两栏都填了“是”；类型不明，不应再报 ZB404"))
        p = u.pcmap()["SHZZ-JW-01"]
        add_event(u, "Z09", Ev("uninstall", "SHZZ-JW-01", D(2025, 4, 8), p.brand, p.user, p.dept, tag="ghost"))
        exp.append(expect("ZB304", [("M", "Z09", "ghost", f) for f in ("pc", "act", "date")],
                          "SHZZ-JW-01 从未装过 Notepad++，维护表却有一条卸载；重放时不改变份数，按字面 Σ安装−Σ卸载 少 1，ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "Z09", "installed")])]))
        ov[("S", "Z06", "installed")] = 10
        exp.append(expect("ZB405", [("S", "Z06", "installed")],
                          "火绒安装数量填 10（本表小计公式随之），各部门明细表中 Z06 共 11 行；与维护表重放也不符，ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "Z06", "installed")])]))
        exp.append(expect("ZB410", [("S", "Z10", "name"), ("S", "Z10", "kind")], "搜狗输入法登记为免费软件，可使用免费软件清单中没有"))
        return ov, exp, {"omit_free": ("Z10",)}

    return dict(name="vocational-school", classes=[2, 3], office=u.name, unit=u, render=render, faults=faults,
                about="职业中专：**汇总表按采购年度分表**——“汇总（2026年购置）”“汇总（2024年购置）”“汇总（2023年购置）”“汇总（2021年购置）”"
                      "（最新年度在前）和“汇总（随机及免费）”，各表有自己的标题和表头一行，人员/计算机情况只在第一张，序号跨表连续；"
                      "每表末行“本表小计”（采购金额、许可数量、安装数量的 SUM 公式，带缓存值），隐藏的资产入账单号列，冻结窗格，第一张表下有“注”；"
                      "**明细表按部门分表，表名就是部门（校办、教务处、信息技术部、财经商贸部、机电技术部），表内没有部门列**，各表标题相同、"
                      "填表日期各自不同，软件类型三栏填“是”“否”，安装日期为 Excel 日期（显示“2023年8月31日”）；每个编号一张全国式维护表（√）。")


def header3(ws, r, cols, c0=1, fill=None):
    """A column header three rows deep: cols are (text, field, top group, middle group); a
    column without groups spans all three rows, one with only a top group spans the lower
    two. Returns (next row, {field: col})."""
    where = {}

    def cell(rr, cc, text):
        x = ws.cell(rr, cc, text)
        x.alignment = MID
        x.font = BOLD
        if fill:
            x.fill = fill

    for i, (text, f, g1, g2) in enumerate(cols):
        c = c0 + i
        where[f] = c
        if not g1:
            cell(r, c, text)
            ws.merge_cells(start_row=r, start_column=c, end_row=r + 2, end_column=c)
        elif not g2:
            cell(r + 1, c, text)
            ws.merge_cells(start_row=r + 1, start_column=c, end_row=r + 2, end_column=c)
        else:
            cell(r + 2, c, text)
    for level, keyf in ((0, lambda t: t[2]), (1, lambda t: (t[2], t[3]) if t[3] else None)):
        i = 0
        while i < len(cols):
            g = keyf(cols[i])
            j = i
            while j + 1 < len(cols) and g and keyf(cols[j + 1]) == g:
                j += 1
            if g:
                cell(r + level, c0 + i, g if level == 0 else g[1])
                if j > i:
                    ws.merge_cells(start_row=r + level, start_column=c0 + i, end_row=r + level, end_column=c0 + j)
            i = j + 1
    for rr in range(r, r + 3):
        ws.row_dimensions[rr].height = 22
    return r + 3, where


# =======================================================================================
# L3  中医院 — every header block a bordered vertical box (labels down column A, values
#     beside them), the figures in the same box; the summary under a **three-row merged
#     header** (软件基本信息 / 采购信息 / 许可信息 → 许可期限 → 起始日期 | 截止日期: the term
#     split over two columns), a **"Total" row in English** with SUBTOTAL formulas (cached),
#     a hidden helper sheet "lists" feeding data validations, cell notes (comments), print
#     titles; usage terms "2026-01-15至2029-01-14"; national logs; a statistics table
# =======================================================================================
def tcm_hospital():
    cert = certs(1405, 5, "MJZY")
    k = keys(1406, 2)
    pcs = [
        PC("院办公室", "钟志明", "MJZY-001", "联想", "desktop", "H01", D(2021, 11, 2)),
        PC("院办公室", "古丽萍", "MJZY-002", "联想", "desktop", "H01", D(2021, 11, 2)),
        PC("医务科", "温建华", "MJZY-003", "联想", "desktop", "H01", D(2021, 11, 3)),
        PC("财务科", "叶秋菊", "MJZY-004", "联想", "desktop", "H01", D(2021, 11, 3)),
        PC("财务科", "邱海波", "MJZY-005", "联想", "desktop", "H01", D(2021, 11, 4)),
        PC("药剂科", "曾凡", "MJZY-006", "方正", "desktop", "H02", D(2024, 6, 11)),
        PC("护理部", "廖小红", "MJZY-007", "方正", "desktop", "H02", D(2024, 6, 11)),
        PC("信息科", "罗嘉豪", "MJZY-008", "戴尔", "laptop", "H02", D(2024, 6, 12)),
        PC("信息科", "罗嘉豪", "MJZY-FWQ", "浪潮", "server", "H03", D(2020, 12, 8)),
    ]
    soft = [
        Soft("H01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("H02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("H03", "Windows Server 2016", "标准版", "commercial", "os", "foreign", D(2020, 11, 30), price=6500,
             ltype="单机授权", lcount=1, usable="2016标准版", term=perp(), serial=k[0]),
        Soft("H04", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2022, 6, 15), price=560,
             ltype="批量授权", lcount=10, usable="2019专业版", term=perp(), serial=cert[0]),
        Soft("H05", "Symantec Endpoint Protection", "14.3", "commercial", "antivirus", "foreign", D(2026, 1, 15), price=210,
             ltype="网络版授权", lcount=10, usable="14.3", term=rng(D(2026, 1, 15), D(2029, 1, 14)), serial=cert[1]),
        Soft("H06", "NoteExpress", "3.9 集团版", "commercial", "other", "domestic", D(2025, 3, 10), price=1200,
             ltype="单机授权", lcount=3, usable="3.9", term=rng(D(2025, 3, 10), D(2028, 3, 9)), serial=cert[2]),
        Soft("H07", "Microsoft Office 2019", "专业增强版", "commercial", "office", "foreign", D(2021, 12, 1), price=3800,
             ltype="批量许可", lcount=2, usable="2019专业增强版", term=perp(), serial=k[1]),
        free("H08", "CAJViewer", "医务科、护理部、信息科"),
        free("H09", "GIMP", "院办公室"),
        Soft("H10", "Camtasia 2023", "2023", "commercial", "other", "foreign", D(2025, 10, 9), price=2400,
             ltype="订阅授权", lcount=2, usable="2023", term=rng(D(2025, 10, 9), D(2027, 10, 8)), serial=cert[3]),
    ]
    u = Unit("梅江县中医院", "罗嘉豪", "0753-6628419", D(2026, 11, 23), 212, 1, 7, 1, pcs, {s.sid: s for s in soft},
             head=("信息科", "罗嘉豪", "0753-6628419", "0753-6628400"))
    clients = [p.pc for p in pcs if p.ptype != "server"]
    build(u, [
        ("H04", clients, D(2022, 6, 20)),
        ("H05", [p.pc for p in pcs], D(2026, 1, 19)),
        ("H06", ["MJZY-003", "MJZY-007", "MJZY-008"], D(2025, 3, 12)),
        ("H07", ["MJZY-004", "MJZY-005"], D(2021, 12, 6)),
        ("H08", ["MJZY-003", "MJZY-007", "MJZY-008"], D(2023, 4, 10)),
        ("H09", ["MJZY-001", "MJZY-002"], D(2022, 8, 15)),
        ("H10", ["MJZY-002", "MJZY-008"], D(2025, 10, 13)),
    ], [("gone", "H04", PC("药剂科", "曾凡", "MJZY-0A6", "联想", "desktop", "", D(2016, 4, 1)), D(2022, 6, 21), D(2024, 6, 10)),
        ("again", "H05", "MJZY-003", D(2026, 1, 19), D(2026, 5, 6), D(2026, 5, 8))])
    style = {"kinds": NATIONAL_KINDS, "pdate": "xl", "date": "xl", "mdate": "xl", "hdate": "xl_cn", "term": "iso_zhi",
             "money": "num", "count": "num", "dash": "—", "udash": "—", "mfver": "—", "boxes": ("☑", "☐")}
    depts = ["院办公室", "医务科", "财务科", "药剂科", "护理部", "信息科", "宣传科"]

    def box(bk, ws, part, figures=None, variant="clean"):
        rows = [("单位名称", (part, "unit"), u.name, "text"), ("填 表 人", (part, "filler"), u.filler, "text"),
                ("联系电话", (part, "phone"), u.phone, "text")]
        if part != "MH":
            rows.append(("填表日期", (part, "filled"), u.filled, "hdate"))
        if figures:
            rows += [("职工总数（人）", (part, "total"), u.people_total, "count"),
                     ("使用计算机人数（人）", (part, "using"), None if variant == "derive" else len(u.users()), "count"),
                     ("服务器数（台）", (part, "servers"), u.servers, "count"),
                     ("台式机数（台）", (part, "desktops"), u.desktops, "count"),
                     ("便携机数（台）", (part, "laptops"), u.laptops, "count")]
        return vertical_box(bk, ws, 2, rows, c_label=1, c_value=3, span_label=2, span_value=3)

    def render(u, variant, ov, swap=None):
        bk = Book("梅江县中医院信息科", style, variant, ov)
        # -- 汇总表 --
        ws = bk.sheet("汇总表")
        title(ws, 1, f"梅江县中医院软件使用情况汇总表（{YEAR}年）", 1, 15)
        r = box(bk, ws, "SH", figures=True, variant=variant) + 1
        cols = [("序号", "seq", None, None), ("软件编号", "sid", "软件基本信息", None), ("软件名称", "name", "软件基本信息", None),
                ("软件版本", "version", "软件基本信息", None), ("软件类型", "kind", "软件基本信息", None),
                ("采购日期", "purchased", "采购信息", None), ("采购金额（元）", "amount", "采购信息", None),
                ("许可类型", "ltype", "许可信息", None), ("许可数量", "lcount", "许可信息", None),
                ("可使用版本", "usable", "许可信息", None), ("起始日期", "term_start", "许可信息", "许可期限"),
                ("截止日期", "term_end", "许可信息", "许可期限"), ("序列号", "serial", "许可信息", None),
                ("安装数量", "installed", None, None), ("备注", "note", None, None)]
        top = r
        r, where = header3(ws, r, cols, fill=GREY)
        cols2 = [(c[0], c[1]) for c in cols]
        first = r
        r, _, rows = summary_block(bk, ws, r, u, list(u.soft), cols2, where)
        ws.cell(r, 1, "Total").font = BOLD
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        if variant != "derive":
            for f in ("amount", "installed"):
                c = where[f]
                vals = [cached_value(bk, ws, rr, c) for rr in range(first, r)]
                vals = [v for v in vals if isinstance(v, (int, float))]
                letter = get_column_letter(c)
                value = sum(vals)
                bk.formula(ws, r, c, f"SUBTOTAL(9,{letter}{first}:{letter}{r - 1})", value)
        grid(ws, top, r, 1, 15)
        dv = DataValidation(type="list", formula1="=lists!$A$1:$A$3", allow_blank=True)
        dv.add(f"{get_column_letter(where['kind'])}{first}:{get_column_letter(where['kind'])}{r - 1}")
        ws.add_data_validation(dv)
        ws.cell(top, where["installed"]).comment = Comment("按《软件使用情况明细表》中该编号的行数统计", "罗嘉豪", 60, 220)
        ws.cell(rows["H04"], where["serial"]).comment = Comment("授权书原件存信息科档案柜", "罗嘉豪", 60, 200)
        ws.print_title_rows = f"{top}:{top + 2}"
        ws.print_area = f"A1:O{r}"
        span(ws, r + 2, "说明：1.许可期限分起始日期、截止日期两栏填写，长期有效的截止日期填“永久”；2.OEM软件、免费软件的采购、许可各栏填“—”；"
                        "3.Total 行为公式。", 1, 15, height=30)
        widths(ws, [6, 9, 26, 12, 10, 12, 12, 10, 9, 16, 12, 12, 26, 9, 8])
        # -- 明细表 --
        ws = bk.sheet("明细表")
        title(ws, 1, "梅江县中医院软件使用情况明细表", 1, 11)
        r = box(bk, ws, "UH") + 1
        ucols = [("序号", "seq"), ("科室", "dept"), ("姓名", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                 ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
                 ("软件类型", "kind"), ("安装日期", "date")]
        top = r
        r, where = header_rows(ws, r, ucols, height=28, fill=GREY)
        first = r
        r, _ = usage_block(bk, ws, r, u, u.uses, ucols, where)
        grid(ws, top, r - 1, 1, 11)
        dv = DataValidation(type="list", formula1="=lists!$B$1:$B$7", allow_blank=True)
        dv.add(f"B{first}:B{r - 1}")
        ws.add_data_validation(dv)
        ws.freeze_panes = f"A{first}"
        ws.print_title_rows = f"{top}:{top}"
        widths(ws, [6, 10, 8, 11, 9, 8, 26, 12, 24, 10, 12])

        # -- logs --
        def mh(bk, ws, r, sid):
            rows = [("单位名称", ("MH", sid, "unit"), u.name, "text"), ("填 表 人", ("MH", sid, "filler"), u.filler, "text"),
                    ("联系电话", ("MH", sid, "phone"), u.phone, "text")]
            return vertical_box(bk, ws, r, rows, span_label=2, span_value=3) + 1
        for sid in u.soft:
            ws = bk.sheet(f"维护明细{sid}")
            national_log(bk, ws, u, sid, head=mh, boxes=("☑", "☐"), swap=swap[1] if swap and swap[0] == sid else None)
        # -- free list --
        ws = bk.sheet("免费软件清单")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        r = box(bk, ws, "FH") + 1
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        top = r
        r, where = header_rows(ws, r, cols)
        r = free_block(bk, ws, r, u, cols, where)
        grid(ws, top, r - 1, 1, 9)
        widths(ws, [6, 8, 12, 8, 9, 28, 24, 22, 12])
        # -- statistics --
        if variant != "derive":
            ws = bk.sheet("统计表")
            stats_table(bk, ws, 1, u, statistics(u), title_text=f"梅江县中医院软件正版化工作信息统计表（{YEAR}年度）",
                        head_cells=[(1, f"填报单位：{u.name}"), (4, f"填表人：{u.filler}"), (6, f"联系电话：{u.phone}"),
                                    (8, f"填表日期：{dtext(u.filled)}")])
            widths(ws, [10] * 9)
        # -- hidden helper sheet --
        ws = bk.sheet("lists")
        for i, w in enumerate(("商业软件", "OEM软件", "免费软件"), 1):
            ws.cell(i, 1, w)
        for i, w in enumerate(depts, 1):
            ws.cell(i, 2, w)
        ws.sheet_state = "hidden"
        return bk

    def faults(u):
        ov, exp = {}, []
        s = u.soft["H10"]
        s.purchased, s.term = D(2024, 10, 9), rng(D(2024, 10, 9), D(2026, 10, 8))
        exp.append(expect("ZB112", [("S", "H10", "term_end"), ("S", "H10", "installed")],
                          "Camtasia 订阅 2024-10-09 至 2026-10-08，已于 2026-10-08 到期未续，仍装 2 台（各表一致，安装都在到期前）"))
        u.soft["H07"].term = Term("word", word="见合同")
        exp.append(expect("ZB116", [("S", "H07", "term_end")],
                          "Office 2019 许可期限截止日期填“见合同”，不是可识别的期限（各表一致）；明细表和维护明细软件基本信息中同样的写法按 ZB006/ZB116 报出也可（不要求）",
                          [("ZB006", [("U", pc, "H07", "term") for pc in ("MJZY-004", "MJZY-005")]),
                           ("ZB116", [("U", pc, "H07", "term") for pc in ("MJZY-004", "MJZY-005")]),
                           ("ZB006", [("M1", "H07", "term")]), ("ZB116", [("M1", "H07", "term")])]))
        s = u.soft["H09"]
        s.name, s.maker, s.contact, s.reason, s.fversion = "Adobe Photoshop CS6", "Adobe Inc.", "https://helpx.adobe.com", "宣传图片处理", "CS6"
        exp.append(expect("ZB122", [("S", "H09", "name"), ("S", "H09", "kind")],
                          "把需购买许可的 Adobe Photoshop CS6 登记为免费软件（各表一致，免费软件清单也列了它）"))
        ov[("S", "H06", "term_start")] = D(2025, 2, 10)
        exp.append(expect("ZB125", [("S", "H06", "term_start")],
                          "NoteExpress 采购日期 2025-03-10，许可期限起始日期写成 2025-02-10（早于采购）；明细表期限仍为 2025-03-10 起，ZB404 可一并报出（不要求）",
                          [("ZB404", [("U", pc, "H06", "term") for pc in ("MJZY-003", "MJZY-007", "MJZY-008")])]))
        ov[("U", "MJZY-006", "H05", "brand")] = "联想"
        exp.append(expect("ZB203", [("U", "MJZY-006", "H05", "brand")],
                          "MJZY-006 在其他各行和维护明细中都是方正，Symantec 一行写成联想（维护明细与多数行一致，不应另报 ZB417）"))
        j = ev_index(u, "H08", lambda e: e.pc == "MJZY-007")
        ov[("M", "H08", j, "count")] = 0
        exp.append(expect("ZB302", [("M", "H08", j, "count")],
                          "CAJViewer 维护明细中 MJZY-007 的安装一行安装数量填 0（不是正整数）；Σ安装−Σ卸载 因此少 1，ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "H08", "installed")])]))
        rows = log_rows(u, "H04")
        i = next(i for i in range(1, len(rows) - 1) if rows[i][2].date != rows[i + 1][2].date)
        a, b = rows[i], rows[i + 1]
        exp.append(expect("ZB306", [("M", "H04", a[1], "date"), ("M", "H04", b[1], "date")],
                          f"WPS 维护明细第 {i + 1}、{i + 2} 行先后颠倒（{b[2].date} 排在 {a[2].date} 之前）"))
        ov[("T", "computers", "total")] = 10
        exp.append(expect("ZB414", [("T", "computers", "total")], "统计表三、计算机情况合计填 10，服务器 1 + 台式机 7 + 便携机 1 = 9"))
        j = ev_index(u, "H04", lambda e: e.pc == "MJZY-007")
        ov[("M", "H04", j, "brand")] = "联想"
        exp.append(expect("ZB417", [("M", "H04", j, "brand")], "WPS 维护明细中 MJZY-007 的安装一行品牌写成联想，明细表中该机为方正"))
        return ov, exp, {"swap": ("H04", i)}

    return dict(name="tcm-hospital", classes=[2, 4], office=u.name, unit=u, render=render, faults=faults,
                about="中医院：**各表表头是一个带边框的竖排两栏框**（左栏“单位名称”“填 表 人”“联系电话”“填表日期”，右栏是值），汇总表的框里还接着"
                      "“职工总数（人）”“使用计算机人数（人）”“服务器数（台）”等；汇总表**表头三行合并**：第一行“软件基本信息 | 采购信息 | 许可信息”，"
                      "第二行各列名，许可信息下的“许可期限”再分成第三行的“起始日期 | 截止日期”两列（长期的截止日期填“永久”）；"
                      "末行是**英文的“Total”**（采购金额、安装数量为 SUBTOTAL 公式，带缓存值）；软件类型和明细表的科室列有数据验证，"
                      "选项来自**隐藏的辅助表“lists”**；表头和一个序列号单元格带批注；设置了打印标题行和打印区域，标题带年份；"
                      "明细表许可期限写成“2026-01-15至2029-01-14”；每个编号一张全国式维护明细（☑/☐），表头同样是竖排框；信息统计表。")


# =======================================================================================
# L4  粮食储备公司 (state firm) — enterprise words (资产编码, 软件（产品）名称, 版本型号, 授权来源
#     公司采购·随机附带·免费取得, 验收日期 an Excel date shown yyyy.mm.dd, 采购总价（元）, 许可协议,
#     授权节点数, 版本范围, 授权有效期 "2024.06.03～2027.06.02"/长期有效, 授权凭证号, 使用台数,
#     资产管理员); computers known by **IP address**; 装机时间 "23.10.20" (two-digit year first);
#     **the maintenance ledger kept as one 维护档案 per computer** (not per software): the
#     computer in the sheet's head, every install and removal of any software on it below;
#     a scrapped computer keeps its own 档案; a purchase plan
# =======================================================================================
def grain_reserve():
    cert = certs(1507, 5, "ALLC")
    k = keys(1508, 2)
    pcs = [
        PC("综合办公室", "贺振华", "192.168.10.11", "联想", "desktop", "AL-RJ-01", D(2021, 5, 17)),
        PC("综合办公室", "程丽", "192.168.10.12", "联想", "desktop", "AL-RJ-01", D(2021, 5, 17)),
        PC("财务部", "易红", "192.168.10.21", "联想", "desktop", "AL-RJ-01", D(2021, 5, 18)),
        PC("财务部", "樊文", "192.168.10.22", "联想", "laptop", "AL-RJ-02", D(2024, 11, 5)),
        PC("仓储管理部", "夏建新", "192.168.10.31", "清华同方", "desktop", "AL-RJ-03", D(2025, 2, 24)),
        PC("仓储管理部", "汤勇", "192.168.10.32", "清华同方", "desktop", "AL-RJ-03", D(2025, 2, 24)),
        PC("质检中心", "薛梅", "192.168.10.41", "联想", "desktop", "AL-RJ-01", D(2021, 5, 18)),
        PC("综合办公室", "程丽", "192.168.10.2", "华为", "server", "AL-RJ-04", D(2022, 9, 6)),
    ]
    soft = [
        Soft("AL-RJ-01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("AL-RJ-02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("AL-RJ-03", "统信UOS桌面操作系统", "V20 专业版", "commercial", "os", "domestic", D(2025, 2, 18), price=780,
             ltype="批量版", lcount=2, usable="V20专业版", term=perp("长期有效"), serial=cert[0]),
        Soft("AL-RJ-04", "Windows Server 2022", "标准版", "commercial", "os", "foreign", D(2022, 8, 30), price=7800,
             ltype="单机版", lcount=1, usable="2022标准版", term=perp("长期有效"), serial=k[0]),
        Soft("AL-RJ-05", "Microsoft 365", "商业标准版", "commercial", "office", "foreign", D(2025, 4, 1), price=900,
             ltype="订阅版", lcount=5, usable="商业标准版", term=rng(D(2025, 4, 1), D(2028, 3, 31)), serial=k[1]),
        Soft("AL-RJ-06", "WPS Office 2023", "专业版", "commercial", "office", "domestic", D(2025, 2, 18), price=520,
             ltype="批量版", lcount=2, usable="2023专业版", term=perp("长期有效"), serial=cert[1]),
        Soft("AL-RJ-07", "Kaspersky Endpoint Security", "12", "commercial", "antivirus", "foreign", D(2024, 6, 3), price=160,
             ltype="网络版", lcount=10, usable="12", term=rng(D(2024, 6, 3), D(2027, 6, 2)), serial=cert[2]),
        Soft("AL-RJ-08", "用友畅捷通T+", "13.0 专业版", "commercial", "other", "domestic", D(2023, 3, 15), price=5600,
             ltype="站点版", lcount=2, usable="13.0专业版", term=perp("长期有效"), serial=cert[3]),
        free("AL-RJ-09", "Firefox", "综合办公室、仓储管理部、质检中心"),
        free("AL-RJ-10", "飞书", "全公司"),
    ]
    u = Unit("安澜县粮食储备有限公司", "程丽", "0728-5216308", D(2026, 11, 25), 58, 1, 6, 1, pcs, {s.sid: s for s in soft},
             plan=[("统信UOS桌面操作系统", "V20 专业版", 780, 2, "仓储管理部新增终端"),
                   ("Kaspersky Endpoint Security", "12", 160, 2, "授权扩容"), ("WPS Office 2023", "专业版", 520, 2, "随新增终端")],
             plan_date=D(2026, 11, 25))
    clients = [p.pc for p in pcs if p.ptype != "server"]
    old = PC("仓储管理部", "夏建新", "192.168.10.30", "联想", "desktop", "", D(2016, 10, 1))
    build(u, [
        ("AL-RJ-05", ["192.168.10.11", "192.168.10.12", "192.168.10.21", "192.168.10.22", "192.168.10.41"], D(2025, 4, 7)),
        ("AL-RJ-06", ["192.168.10.31", "192.168.10.32"], D(2025, 2, 26)),
        ("AL-RJ-07", [p.pc for p in pcs], D(2024, 6, 5)),
        ("AL-RJ-08", ["192.168.10.21", "192.168.10.22"], D(2023, 3, 20)),
        ("AL-RJ-09", ["192.168.10.11", "192.168.10.12", "192.168.10.31", "192.168.10.32", "192.168.10.41"], D(2023, 6, 12)),
        ("AL-RJ-10", clients, D(2024, 1, 8)),
    ], [("gone", "AL-RJ-07", old, D(2024, 6, 6), D(2025, 2, 21)),
        ("gone", "AL-RJ-08", "192.168.10.11", D(2023, 3, 17), D(2024, 11, 8)),
        ("date", "AL-RJ-08", "192.168.10.22", D(2024, 11, 8)),
        ("again", "AL-RJ-05", "192.168.10.21", D(2025, 4, 8), D(2026, 2, 2), D(2026, 2, 3))])
    style = {"kinds": {"commercial": "公司采购", "oem": "随机附带", "free": "免费取得"}, "pdate": "xl_dot", "date": "yy_dot",
             "mdate": "yy_dot", "hdate": "cn", "term": "wave", "money": "num", "count": "num", "dash": "—", "udash": "—",
             "mfver": "—", "acts": {"install": "安装", "uninstall": "卸载"}}
    keeper = {"AL-RJ-03": "程丽", "AL-RJ-04": "程丽", "AL-RJ-05": "程丽", "AL-RJ-06": "程丽", "AL-RJ-07": "程丽", "AL-RJ-08": "易红"}
    scrapped = {old.pc: old}

    def render(u, variant, ov, omit_free=()):
        bk = Book("安澜县粮食储备有限公司综合办公室", style, variant, ov)
        pm = u.pcmap()

        def head(ws, r, part, date=True):
            items = [(1, "填报单位", u.name, "unit", "text"), (5, "填报人", u.filler, "filler", "text"),
                     (7, "联系电话", u.phone, "phone", "text")]
            if date:
                items.append((10, "填报日期", u.filled, "filled", "hdate"))
            for c, lab, v, kk, kind in items:
                ws.cell(r, c, lab + "：").alignment = RIGHT
                bk.put(ws, r, c + 1, v, key=(part, kk), kind=kind)
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=4)
            return r + 1
        # -- 软件资产明细账 (summary) --
        ws = bk.sheet("软件资产明细账")
        title(ws, 1, "安澜县粮食储备有限公司软件资产明细账", 1, 14)
        head(ws, 2, "SH")
        figs = [(1, "员工总数", "total", u.people_total, "人"), (3, "使用计算机人数", "using", len(u.users()), "人"),
                (5, "服务器", "servers", u.servers, "台"), (7, "台式机", "desktops", u.desktops, "台"),
                (9, "笔记本电脑", "laptops", u.laptops, "台")]
        for c, lab, kk, v, unit in figs:
            ws.cell(3, c, lab + "：").alignment = RIGHT
            bk.put(ws, 3, c + 1, None if (variant == "derive" and kk == "using") else f"{v}{unit}", key=("SH", kk))
        cols = [("序号", "seq"), ("资产编码", "sid"), ("软件（产品）名称", "name"), ("版本型号", "version"),
                ("授权来源", "kind"), ("验收日期", "purchased"), ("采购总价（元）", "amount"), ("许可协议", "ltype"),
                ("授权节点数", "lcount"), ("版本范围", "usable"), ("授权有效期", "term"), ("授权凭证号", "serial"),
                ("使用台数", "installed"), ("资产管理员", "keeper")]
        r, where = header_rows(ws, 5, cols, height=30, fill=GREY)
        cols_w = [c for c in cols if c[1] != "keeper"]
        r, _, rows = summary_block(bk, ws, r, u, list(u.soft), cols_w, where)
        for sid, rr in rows.items():
            ws.cell(rr, where["keeper"], keeper.get(sid, "—"))
            c = ws.cell(rr, where["amount"])
            if isinstance(c.value, (int, float)):
                c.number_format = "#,##0.00"
        grid(ws, 5, r - 1, 1, 14)
        widths(ws, [6, 11, 26, 12, 9, 11, 12, 9, 9, 12, 23, 26, 8, 9])
        # -- 软件部署台账 (usage) --
        ws = bk.sheet("软件部署台账")
        title(ws, 1, "安澜县粮食储备有限公司软件部署台账", 1, 11)
        head(ws, 2, "UH")
        ucols = [("序号", "seq"), ("归属部门", "dept"), ("操作员", "user"), ("IP地址", "pc"), ("生产厂商", "brand"),
                 ("资产编码", "sid"), ("软件（产品）名称", "name"), ("版本型号", "version"), ("授权有效期", "term"),
                 ("授权来源", "kind"), ("装机时间", "date")]
        r, where = header_rows(ws, 4, ucols, fill=GREY)
        r, _ = usage_block(bk, ws, r, u, u.uses, ucols, where)
        grid(ws, 4, r - 1, 1, 11)
        widths(ws, [6, 11, 8, 14, 9, 11, 26, 12, 23, 9, 10])
        # -- one 维护档案 per computer --
        order = list(u.soft)
        rank = {"uninstall": 0, "reinstall": 1, "install": 2}
        seen = []
        for sid, evs in u.events.items():
            for e in evs:
                if e.pc not in seen:
                    seen.append(e.pc)
        logged = [p.pc for p in u.pcs if p.pc in seen] + [pc for pc in seen if pc not in pm]
        for pc in logged:
            p = pm.get(pc) or scrapped[pc]
            ws = bk.sheet(f"维护档案（{pc}）")
            title(ws, 1, "计算机软件维护档案", 1, 8, size=14)
            for c, lab, f in ((1, "IP地址", "pc"), (3, "生产厂商", "brand"), (5, "操作员", "user"), (7, "归属部门", "dept")):
                ws.cell(2, c, lab).font = BOLD
                bk.put(ws, 2, c + 1, getattr(p, f), key=("MC", pc, f))
            for c, lab, v, kk in ((1, "填报单位", u.name, "unit"), (5, "填报人", u.filler, "filler"), (7, "联系电话", u.phone, "phone")):
                ws.cell(3, c, lab).font = BOLD
                bk.put(ws, 3, c + 1, v, key=("MC", pc, kk))
            ws.merge_cells("B3:D3")
            grid(ws, 2, 3, 1, 8)
            r0 = 4
            if pc not in pm:
                span(ws, 4, "（该机已于2025年2月报废，档案留存）", 1, 8)
                r0 = 5
            mcols = [("序号", "seq"), ("日期", "date"), ("资产编码", "sid"), ("软件（产品）名称", "name"), ("版本型号", "version"),
                     ("操作", "act"), ("数量", "count"), ("经办人", "note")]
            r, where = header_rows(ws, r0, mcols, fill=GREY)
            rows = [(sid, i, e) for sid, evs in u.events.items() for i, e in enumerate(evs) if e.pc == pc]
            rows.sort(key=lambda t: (t[2].date, rank[t[2].action], order.index(t[0])))
            top = r
            r = event_block(bk, ws, r, u, rows, mcols, where)
            for rr in range(top, r):
                ws.cell(rr, where["note"], "程丽")
            for sid, i, e in rows:
                for f, c in (("pc", 2), ("brand", 4), ("user", 6), ("dept", 8)):
                    bk.note(("M", sid, i, f), ws, 2, c)
            grid(ws, r0, r - 1, 1, 8)
            widths(ws, [9, 14, 11, 26, 12, 8, 6, 11])
        # -- 免费软件 --
        ws = bk.sheet("免费软件目录")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        head(ws, 2, "FH")
        cols = [("序号", "seq"), ("资产编码", "sid"), ("软件（产品）名称", "name"), ("版本型号", "version"), ("获取渠道", "source"),
                ("开发商", "maker"), ("技术支持", "contact"), ("使用部门", "depts"), ("用途", "reason")]
        r, where = header_rows(ws, 4, cols)
        r = free_block(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, 4, r - 1, 1, 9)
        widths(ws, [6, 11, 14, 9, 10, 26, 26, 26, 18])
        # -- 采购计划 --
        ws = bk.sheet("采购计划")
        title(ws, 1, "安澜县粮食储备有限公司2027年度软件采购计划", 1, 7)
        span(ws, 2, f"经办人：{u.filler}{FW * 2}联系电话：{u.phone}{FW * 2}编制日期：{dtext(u.plan_date)}", 1, 7)
        r = plan_table(bk, ws, 3, u, ["序号", "产品名称", "版本", "单价（元）", "采购数量", "金额（元）", "用途说明"], total_word="合计")
        for lab in ("部门负责人：", "财务审核：", "总经理审批："):
            ws.cell(r, 1, lab)
            ws.cell(r, 5, "年　月　日")
            r += 1
        widths(ws, [12, 26, 12, 11, 9, 11, 18])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("S", "AL-RJ-07", "term")] = rng(D(2024, 5, 3), D(2027, 6, 2))
        exp.append(expect("ZB125", [("S", "AL-RJ-07", "term")],
                          "Kaspersky 验收日期 2024.06.03，授权有效期起始写成 2024.05.03（早于采购）；部署台账各行仍为 2024.06.03 起，ZB404 可一并报出（不要求）",
                          [("ZB404", [("U", p.pc, "AL-RJ-07", "term") for p in u.pcs])]))
        ov[("U", "192.168.10.12", "AL-RJ-10", "user")] = "贺振华"
        exp.append(expect("ZB206", [("U", "192.168.10.12", "AL-RJ-10", "user")],
                          "192.168.10.12 其他各行操作员都是程丽，飞书一行写成上一台的贺振华（人员名单不变，不涉及 ZB409）"))
        j = ev_index(u, "AL-RJ-09", lambda e: e.pc == "192.168.10.41")
        ov[("M", "AL-RJ-09", j, "act")] = BLANK
        exp.append(expect("ZB301", [("M", "AL-RJ-09", j, "act")],
                          "192.168.10.41 维护档案中 Firefox 一行“操作”栏空着（安装、卸载都没写）；Σ安装−Σ卸载 因此少 1，ZB406、ZB407 可一并报出（不要求）",
                          [("ZB406", [("S", "AL-RJ-09", "installed")]),
                           ("ZB407", [("U", "192.168.10.41", "AL-RJ-09", f) for f in ("pc", "sid", "name")])]))
        p = u.pcmap()["192.168.10.32"]
        add_event(u, "AL-RJ-06", Ev("install", "192.168.10.32", D(2026, 3, 16), p.brand, p.user, p.dept, tag="dup"))
        exp.append(expect("ZB305", [("M", "AL-RJ-06", "dup", f) for f in ("date", "act", "sid", "name")],
                          "192.168.10.32 维护档案 26.03.16 又登记安装 WPS，该机 2025 年已装且未卸；Σ安装−Σ卸载 多 1，ZB406 可一并报出（不要求）；"
                          "按份数重放此时 3 份超过授权 2 个，ZB307 也可一并报出（不要求）",
                          [("ZB406", [("S", "AL-RJ-06", "installed")]),
                           ("ZB307", [("M", "AL-RJ-06", "dup", f) for f in ("date", "act", "sid", "name")])]))
        ov[("U", "192.168.10.22", "AL-RJ-07", "sid")] = "AL-JR-07"
        exp.append(expect("ZB403", [("U", "192.168.10.22", "AL-RJ-07", "sid")],
                          "192.168.10.22 的 Kaspersky 一行资产编码写成 AL-JR-07（字母颠倒）；名称、版本与 AL-RJ-07 相同，按名称计入 AL-RJ-07，不另报 ZB405"))
        j = ev_index(u, "AL-RJ-09", lambda e: e.pc == "192.168.10.12")
        e = u.events["AL-RJ-09"][j]
        p = u.pcmap()["192.168.10.11"]
        e.pc, e.brand, e.user, e.dept = p.pc, p.brand, p.user, p.dept
        resort_list(u.events["AL-RJ-09"])
        j = u.events["AL-RJ-09"].index(e)
        e.tag = "moved"
        exp.append(expect("ZB407", [("U", "192.168.10.12", "AL-RJ-09", f) for f in ("pc", "sid", "name")],
                          "192.168.10.12 安装 Firefox 的一行被记进了 192.168.10.11 的维护档案（.11 此前已装）：按维护记录重放 .12 没有 Firefox，"
                          "部署台账有；应改的是 .11 档案中那一行（在那里报 ZB407 也可），.11 档案中因此重复安装，ZB305 可一并报出（不要求）",
                          [("ZB407", [("M", "AL-RJ-09", "moved", f) for f in ("date", "act", "sid", "name")]),
                           ("ZB305", [("M", "AL-RJ-09", "moved", f) for f in ("date", "act", "sid", "name")])]))
        ov[("P", 1, 6)] = 1650
        exp.append(expect("ZB415", [("P", 1, 6)], "采购计划第 1 行金额写成 1650，单价 780 × 数量 2 = 1560（合计按 1650 加总）"))
        ov[("MC", "192.168.10.31", "brand")] = "联想"
        exp.append(expect("ZB417", [("MC", "192.168.10.31", "brand")],
                          "192.168.10.31 维护档案抬头的生产厂商写成联想，部署台账中该机为清华同方"))
        return ov, exp, {}

    return dict(name="grain-reserve", classes=[1, 3], office=u.name, unit=u, render=render, faults=faults,
                about="粮食储备公司（国有企业）按公司资产管理办法自拟：软件资产明细账用“资产编码、软件（产品）名称、版本型号、授权来源（公司采购/随机附带/"
                      "免费取得）、验收日期（Excel 日期，显示 2024.06.03）、采购总价（元）、许可协议、授权节点数、版本范围、授权有效期"
                      "（“2024.06.03～2027.06.02”/“长期有效”）、授权凭证号、使用台数、资产管理员”；**计算机以 IP 地址标识**；软件部署台账用归属部门、"
                      "操作员、IP地址、生产厂商、装机时间（**两位年份在前的文字“24.06.05”**）；**维护记录按计算机建档：每台计算机一张“计算机软件维护档案”**"
                      "（表名“维护档案（192.168.10.11）”，抬头写 IP地址/生产厂商/操作员/归属部门），下面按日期登记该机上各软件的安装、卸载"
                      "（资产编码、软件名称、版本、操作“安装/卸载”、数量、经办人），已报废的 192.168.10.30 也保留档案；“员工总数：58人”等写在标签右边；"
                      "2027年度软件采购计划。")


def grid_head(bk, ws, r, part, items, c0=1, spans=None):
    """A 2×N grid: labels in row r, their values right under them in row r+1 (bordered).
    items: (label, field, value, kind). spans: columns each item takes. Returns next row."""
    c = c0
    for n, (label, f, v, kind) in enumerate(items):
        w = spans[n] if spans else 1
        x = ws.cell(r, c, label)
        x.alignment = MID
        x.font = BOLD
        x.fill = GREY
        bk.put(ws, r + 1, c, v, key=(part, f) if not isinstance(part, tuple) else part + (f,), kind=kind, align=MID)
        if w > 1:
            ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + w - 1)
            ws.merge_cells(start_row=r + 1, start_column=c, end_row=r + 1, end_column=c + w - 1)
        c += w
    grid(ws, r, r + 1, c0, c - 1)
    return r + 2


# =======================================================================================
# L5  生态环境监测站 — **a folder with one workbook per department** (1-站办公室.xlsx …
#     4-质量管理室.xlsx, each holding that department's usage rows under its own head and
#     编制日期), 0-软件汇总台账.xlsx (summary + free list) and 5-安装维护记录.xlsx (one log per
#     number); every header block **a 2×N grid, labels over values** (编制单位 | 所属科室 |
#     编制人 | 联系电话 | 编制日期), the figures likewise
# =======================================================================================
def env_monitoring():
    cert = certs(1609, 5, "FXJC")
    k = keys(1610, 1)
    pcs = [
        PC("站办公室", "黎明辉", "FXJC-01", "联想", "desktop", "JC-01", D(2021, 4, 12)),
        PC("站办公室", "孙倩", "FXJC-02", "联想", "desktop", "JC-01", D(2021, 4, 12)),
        PC("站办公室", "黎明辉", "FXJC-SV", "联想", "server", "JC-04", D(2021, 3, 30)),
        PC("综合分析室", "韩磊", "FXJC-03", "戴尔", "desktop", "JC-02", D(2023, 9, 5)),
        PC("综合分析室", "韩磊", "FXJC-04", "戴尔", "laptop", "JC-02", D(2023, 9, 5)),
        PC("综合分析室", "秦雪", "FXJC-05", "戴尔", "desktop", "JC-02", D(2023, 9, 6)),
        PC("现场监测室", "邵峰", "FXJC-06", "联想", "laptop", "JC-02", D(2024, 5, 20)),
        PC("现场监测室", "何丹", "FXJC-07", "联想", "laptop", "JC-02", D(2024, 5, 20)),
        PC("质量管理室", "贾敏", "FXJC-08", "长城", "desktop", "JC-03", D(2025, 8, 11)),
    ]
    for p in pcs:
        p.group = p.dept
    soft = [
        Soft("JC-01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("JC-02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("JC-03", "银河麒麟桌面操作系统", "V10 专业版", "commercial", "os", "domestic", D(2025, 8, 4), price=900,
             ltype="单机授权", lcount=1, usable="V10专业版", term=perp(), serial=cert[0]),
        Soft("JC-04", "Windows Server 2019", "标准版", "commercial", "os", "foreign", D(2021, 3, 22), price=6800,
             ltype="单机授权", lcount=1, usable="2019标准版", term=perp(), serial=k[0]),
        Soft("JC-05", "WPS Office 2023", "专业版", "commercial", "office", "domestic", D(2024, 4, 15), price=560,
             ltype="批量授权", lcount=8, usable="2023专业版", term=perp(), serial=cert[1]),
        Soft("JC-06", "360终端安全管理系统", "V10", "commercial", "antivirus", "domestic", D(2025, 6, 10), price=70,
             ltype="网络版授权", lcount=10, usable="V10", term=rng(D(2025, 6, 10), D(2028, 6, 9)), serial=cert[2]),
        Soft("JC-07", "Origin", "2023 专业版", "commercial", "other", "foreign", D(2023, 9, 12), price=6500,
             ltype="单机授权", lcount=2, usable="2023", term=perp(), serial=cert[3]),
        free("JC-08", "VLC media player", "现场监测室"),
        free("JC-09", "Foxmail", "站办公室、综合分析室"),
    ]
    own = {"站办公室": D(2026, 11, 18), "综合分析室": D(2026, 11, 12), "现场监测室": D(2026, 11, 16),
           "质量管理室": D(2026, 11, 13)}
    u = Unit("凤溪县生态环境监测站", "孙倩", "0859-3370416", D(2026, 11, 19), 31, 1, 5, 3, pcs, {s.sid: s for s in soft},
             own_dates=dict(own))
    clients = [p.pc for p in pcs if p.ptype != "server"]
    build(u, [
        ("JC-05", clients, D(2024, 5, 20)),
        ("JC-06", [p.pc for p in pcs], D(2025, 6, 16)),
        ("JC-07", ["FXJC-03", "FXJC-05"], D(2023, 9, 14)),
        ("JC-08", ["FXJC-06", "FXJC-07"], D(2024, 5, 27)),
        ("JC-09", ["FXJC-01", "FXJC-02", "FXJC-03", "FXJC-05"], D(2023, 10, 9)),
    ], [("gone", "JC-05", "FXJC-01", D(2024, 4, 18), D(2025, 1, 6)), ("date", "JC-05", "FXJC-01", D(2025, 1, 6)),
        ("again", "JC-06", "FXJC-04", D(2025, 6, 16), D(2026, 2, 9), D(2026, 2, 10))])
    style = {"kinds": NATIONAL_KINDS, "pdate": "xl", "date": "xl_slash", "mdate": "xl_slash", "hdate": "xl_cn",
             "term": "dot", "money": "num", "count": "num", "dash": "—", "udash": "—", "mfver": "—",
             "boxes": ("✔", None)}

    def render(u, variant, ov, omit_free=()):
        fs = Files("凤溪县生态环境监测站站办公室", style, variant, ov)
        head = [("编制单位", "unit", u.name, "text"), ("编制人", "filler", u.filler, "text"),
                ("联系电话", "phone", u.phone, "text"), ("编制日期", "filled", u.filled, "hdate")]
        # ---- 0-软件汇总台账.xlsx ----
        bk = fs.book("0-软件汇总台账.xlsx")
        ws = bk.sheet("软件汇总台账")
        title(ws, 1, "凤溪县生态环境监测站软件使用情况汇总表", 1, 13)
        r = grid_head(bk, ws, 2, "SH", head, spans=(4, 2, 3, 3))
        figs = [("在职人数", "total", u.people_total, "count"), ("用机人数", "using", None if variant == "derive" else len(u.users()), "count"),
                ("服务器（台）", "servers", u.servers, "count"), ("台式计算机（台）", "desktops", u.desktops, "count"),
                ("便携计算机（台）", "laptops", u.laptops, "count")]
        r = grid_head(bk, ws, r + 1, "SH", figs, spans=(2, 2, 2, 2, 2))
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                ("采购时间", "purchased"), ("采购金额（元）", "amount"), ("许可类型", "ltype"), ("许可数量", "lcount"),
                ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("安装数量", "installed")]
        top = r + 1
        r, where = header_rows(ws, top, cols, height=30)
        r, _, _ = summary_block(bk, ws, r, u, list(u.soft), cols, where)
        grid(ws, top, r - 1, 1, 13)
        span(ws, r + 1, "说明：各科室的软件使用情况明细表分别存为单独的工作簿（1-站办公室 至 4-质量管理室），安装维护记录见 5-安装维护记录。",
             1, 13)
        widths(ws, [6, 8, 24, 12, 10, 12, 12, 11, 9, 12, 22, 26, 9])
        ws = bk.sheet("免费软件清单")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        r = grid_head(bk, ws, 2, "FH", head, spans=(3, 2, 2, 2))
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, r + 1, cols)
        top = r - 1
        r = free_block(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, top, r - 1, 1, 9)
        widths(ws, [6, 8, 16, 9, 9, 28, 24, 20, 16])
        # ---- one workbook per department ----
        ucols = [("序号", "seq"), ("使用人", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"), ("软件编号", "sid"),
                 ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"), ("软件类型", "kind"), ("安装日期", "date")]
        for n, dept in enumerate(own, 1):
            bk = fs.book(f"{n}-{dept}.xlsx")
            ws = bk.sheet(f"明细（{dept}）")
            title(ws, 1, "软件使用情况明细表", 1, 10)
            items = [("编制单位", "unit", u.name, "text"), ("所属科室", "dept", dept, "text"), ("编制人", "filler", u.filler, "text"),
                     ("联系电话", "phone", u.phone, "text"), ("编制日期", "filled", own[dept], "hdate")]
            r = grid_head(bk, ws, 2, ("UH", dept), items, spans=(3, 2, 1, 2, 2))
            top = r + 1
            r, where = header_rows(ws, top, ucols)
            uses = [x for x in u.uses if u.pcmap()[x.pc].dept == dept]
            r, _ = usage_block(bk, ws, r, u, uses, ucols, where)
            grid(ws, top, r - 1, 1, 10)
            widths(ws, [6, 8, 10, 9, 8, 24, 12, 22, 10, 12])
        # ---- 5-安装维护记录.xlsx ----
        bk = fs.book("5-安装维护记录.xlsx")

        def mh(bk, ws, r, sid):
            return grid_head(bk, ws, r, ("MH", sid), head[:3], spans=(4, 2, 3))
        for sid in u.soft:
            ws = bk.sheet(f"维护-{sid}")
            national_log(bk, ws, u, sid, head=mh, boxes=("✔", None))
        return fs

    def faults(u):
        ov, exp = {}, []
        ov[("UH", "质量管理室", "filler")] = BLANK
        exp.append(expect("ZB005", [("UH", "质量管理室", "filler")], "4-质量管理室 明细表表头“编制人”下面空着（其他各工作簿都填了）"))
        ov[("S", "JC-05", "lcount")] = 6
        i = over_index(u, "JC-05", 6)
        exp.append(expect("ZB111", [("S", "JC-05", "installed"), ("S", "JC-05", "lcount")],
                          "WPS 许可数量写成 6（应为 8），安装数量 8 超过许可；维护记录软件基本信息仍为 8（ZB303）、按日期重放超过 6 份（ZB307），可一并报出（不要求）",
                          [("ZB303", [("M1", "JC-05", "lcount")]), ("ZB307", ev_keys("JC-05", i, ("date", "pc", "act", "count")))]))
        ov[("U", "FXJC-05", "JC-06", "date")] = D(2026, 11, 16)
        exp.append(expect("ZB205", [("U", "FXJC-05", "JC-06", "date")],
                          "综合分析室 FXJC-05 的 360 一行安装日期写成 2026/11/16（录入日），晚于该工作簿的编制日期 2026年11月12日"))
        gone = drop_os(u, "FXJC-07")
        exp.append(expect("ZB207", [("U", "FXJC-07", sid, "pc") for sid in ("JC-05", "JC-06", "JC-08")],
                          f"现场监测室 FXJC-07 的预装 Windows 11（{gone}）在各表都没有登记，该机没有操作系统记录"))
        p = u.pcmap()["FXJC-06"]
        add_event(u, "JC-09", Ev("uninstall", "FXJC-06", D(2025, 9, 22), p.brand, p.user, p.dept, tag="ghost"))
        exp.append(expect("ZB304", [("M", "JC-09", "ghost", f) for f in ("pc", "act", "date")],
                          "FXJC-06 从未装过 Foxmail，维护记录却有一条卸载；重放时不改变份数，按字面 Σ安装−Σ卸载 少 1，ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "JC-09", "installed")])]))
        ov[("U", "FXJC-03", "JC-06", "sid")] = "JC-16"
        exp.append(expect("ZB403", [("U", "FXJC-03", "JC-06", "sid")],
                          "综合分析室 FXJC-03 的 360 一行软件编号写成 JC-16；名称、版本与 JC-06 相同，按名称计入 JC-06，不另报 ZB405"))
        ov[("U", "FXJC-05", "JC-07", "version")] = "2021"
        exp.append(expect("ZB404", [("U", "FXJC-05", "JC-07", "version")], "综合分析室 FXJC-05 的 Origin 版本写成 2021，汇总台账为“2023 专业版”"))
        j = ev_index(u, "JC-08", lambda e: e.pc == "FXJC-06")
        ov[("M", "JC-08", j, "pc")] = "FXJC-60"
        exp.append(expect("ZB407", [("M", "JC-08", j, "pc")],
                          "VLC 维护记录 FXJC-06 的安装一行计算机编号写成 FXJC-60：重放得 FXJC-60（明细表没有），缺 FXJC-06（明细表有）；另一台的 ZB407 可一并报出",
                          [("ZB407", [("U", "FXJC-06", "JC-08", f) for f in ("pc", "sid", "name")])]))
        ov[("SH", "using")] = 8
        exp.append(expect("ZB409", [("SH", "using")], "用机人数填 8，各科室明细表中不同使用人 7 个"))
        return ov, exp, {}

    return dict(name="env-monitoring", classes=[3, 4], office=u.name, unit=u, render=render, faults=faults,
                about="生态环境监测站：**一个单位是一个文件夹，每个科室一个工作簿**——0-软件汇总台账（汇总表 + 可使用免费软件清单）、"
                      "1-站办公室、2-综合分析室、3-现场监测室、4-质量管理室（各存本科室的软件使用情况明细表，表内没有部门列，"
                      "科室写在表头；各有自己的编制日期）、5-安装维护记录（每个编号一张全国式维护表，✔）；**各表表头是“标签在上、值在下”的两行格子**："
                      "“编制单位 | 所属科室 | 编制人 | 联系电话 | 编制日期”下一行是对应的值，汇总表的“在职人数 | 用机人数 | 服务器（台） | "
                      "台式计算机（台） | 便携计算机（台）”也是如此；安装日期为 Excel 日期（yyyy/m/d）。")


# =======================================================================================
# L6  城市管理综合执法局 — the usage ledger **laid out as printed pages**: every 15 rows a new
#     page block repeats the title, the header block (label and value cells) and the column
#     header, and ends with "第 1 页　共 3 页"; 序号 runs on across pages. The summary with the
#     year in its title, a **栏次 row** (甲 1 2 …) under the column header, a **"以下空白" row**
#     after the last software, 安装数量 as **COUNTIF formulas** over the usage sheet (cached),
#     a hidden 资金来源 column, cell notes, print titles, frozen panes
# =======================================================================================
def urban_management():
    cert = certs(1711, 5, "SHCG")
    k = keys(1712, 2)
    pcs = [
        PC("办公室", "曹建", "SHCG-01", "联想", "desktop", "CG01", D(2020, 7, 14)),
        PC("办公室", "邓丽", "SHCG-02", "联想", "desktop", "CG01", D(2020, 7, 14)),
        PC("法制股", "韦海", "SHCG-03", "联想", "desktop", "CG01", D(2020, 7, 15)),
        PC("市容环卫股", "黄志勇", "SHCG-04", "联想", "desktop", "CG01", D(2020, 7, 15)),
        PC("执法一中队", "龙涛", "SHCG-05", "联想", "laptop", "CG02", D(2024, 3, 18)),
        PC("执法一中队", "韩冬", "SHCG-06", "联想", "laptop", "CG02", D(2024, 3, 18)),
        PC("执法二中队", "杨光", "SHCG-07", "长城", "desktop", "CG03", D(2025, 4, 7)),
        PC("执法二中队", "蔡琳", "SHCG-08", "长城", "desktop", "CG03", D(2025, 4, 7)),
        PC("数字城管中心", "覃勇", "SHCG-09", "戴尔", "desktop", "CG02", D(2023, 6, 2)),
        PC("数字城管中心", "覃勇", "SHCG-SV", "戴尔", "server", "CG04", D(2023, 5, 29)),
    ]
    soft = [
        Soft("CG01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("CG02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("CG03", "中标麒麟桌面操作系统", "V7.0 专业版", "commercial", "os", "domestic", D(2025, 3, 28), price=700,
             ltype="批量授权", lcount=2, usable="V7.0专业版", term=perp(), serial=cert[0]),
        Soft("CG04", "Windows Server 2022", "标准版", "commercial", "os", "foreign", D(2023, 5, 20), price=7800,
             ltype="单机授权", lcount=1, usable="2022标准版", term=perp(), serial=k[0]),
        Soft("CG05", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2021, 5, 10), price=520,
             ltype="批量授权", lcount=10, usable="2019专业版", term=perp(), serial=cert[1]),
        Soft("CG06", "奇安信天擎终端安全管理系统", "V10", "commercial", "antivirus", "domestic", D(2024, 12, 2), price=150,
             ltype="网络版授权", lcount=12, usable="V10", term=rng(D(2024, 12, 2), D(2027, 12, 1)), serial=cert[2]),
        Soft("CG07", "会声会影 2023", "旗舰版", "commercial", "other", "foreign", D(2023, 7, 3), price=899,
             ltype="单机授权", lcount=1, usable="2023旗舰版", term=perp(), serial=cert[3]),
        Soft("CG08", "浩辰CAD 2024", "专业版", "commercial", "other", "domestic", D(2024, 6, 25), price=1800,
             ltype="单机授权", lcount=2, usable="2024专业版", term=yrs(3), serial=cert[4]),
        free("CG09", "VLC media player", "执法一中队、数字城管中心"),
        free("CG10", "企业微信", "全局"),
    ]
    u = Unit("双河县城市管理综合执法局", "邓丽", "0778-7236105", D(2026, 11, 24), 86, 1, 7, 2, pcs, {s.sid: s for s in soft})
    clients = [p.pc for p in pcs if p.ptype != "server"]
    build(u, [
        ("CG05", clients, D(2021, 5, 14)),
        ("CG06", [p.pc for p in pcs], D(2024, 12, 5)),
        ("CG07", ["SHCG-09"], D(2023, 7, 6)),
        ("CG08", ["SHCG-04", "SHCG-09"], D(2024, 6, 27)),
        ("CG09", ["SHCG-05", "SHCG-06", "SHCG-09"], D(2024, 3, 25)),
        ("CG10", clients, D(2022, 8, 1)),
    ], [("gone", "CG05", PC("执法一中队", "龙涛", "SHCG-NB0", "联想", "laptop", "", D(2018, 6, 1)), D(2021, 5, 14), D(2024, 3, 15)),
        ("again", "CG06", "SHCG-02", D(2024, 12, 5), D(2025, 10, 9), D(2025, 10, 10))])
    style = {"kinds": NATIONAL_KINDS, "pdate": "xl", "date": "xl", "mdate": "xl", "hdate": "cn", "term": "dot",
             "money": "num", "count": "num", "dash": "—", "udash": "—", "mfver": "—", "uboxes": ("√", "□"),
             "boxes": ("√", "□")}
    funds = {"CG03": "信创专项", "CG04": "部门预算", "CG05": "部门预算", "CG06": "部门预算", "CG07": "部门预算", "CG08": "部门预算"}
    PAGE = 15
    USHEET = "使用明细"

    def layout_usage():
        """(page, first data row) of every usage row, as the printed pages place them."""
        place, r = [], 1
        n = len(u.uses)
        pages = (n + PAGE - 1) // PAGE
        for pg in range(pages):
            r0 = r + 4  # title, header block, two header rows
            for i in range(pg * PAGE, min(n, (pg + 1) * PAGE)):
                place.append(r0 + i - pg * PAGE)
            r = r0 + min(PAGE, n - pg * PAGE) + 2  # footer + blank row
        return place, pages

    def render(u, variant, ov, swap=None, short=None):
        bk = Book("双河县城市管理综合执法局办公室", style, variant, ov)
        place, pages = layout_usage()
        # -- 汇总表 --
        ws = bk.sheet("汇总表")
        title(ws, 1, f"{YEAR}年度 双河县城市管理综合执法局软件使用情况汇总表", 1, 14)
        for c, text, kk in ((1, f"单位名称（盖章）：{u.name}", "unit"), (6, f"填表人：{u.filler}", "filler"),
                            (8, f"联系电话：{u.phone}", "phone"), (11, f"填表日期：{dtext(u.filled)}", "filled")):
            bk.put(ws, 2, c, text, key=("SH", kk))
        ws.merge_cells("A2:E2")
        ws["A3"], ws["C3"], ws["E3"] = "人员情况", "总人数", "使用计算机人数"
        bk.put(ws, 3, 4, u.people_total, key=("SH", "total"))
        bk.put(ws, 3, 6, None if variant == "derive" else len(u.users()), key=("SH", "using"))
        ws["A4"], ws["C4"], ws["E4"], ws["G4"] = "计算机情况", "服务器数", "台式机数", "便携机数"
        for c, kk, v in ((4, "servers", u.servers), (6, "desktops", u.desktops), (8, "laptops", u.laptops)):
            bk.put(ws, 4, c, v, key=("SH", kk))
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                ("采购时间", "purchased"), ("采购金额（元）", "amount"), ("许可类型", "ltype"), ("许可数量", "lcount"),
                ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("安装数量", "installed"),
                ("资金来源", "fund")]
        r, where = header_rows(ws, 6, cols, height=30, fill=GREY)
        for i, c in enumerate(["甲"] + [str(n) for n in range(1, 14)], 1):
            ws.cell(r, i, c).alignment = MID
        r += 1
        first = r
        cols_w = [c for c in cols if c[1] != "fund"]
        r, _, rows = summary_block(bk, ws, r, u, list(u.soft), cols_w, where)
        col_sid = get_column_letter(where["sid"])
        for sid, rr in rows.items():
            ws.cell(rr, where["fund"], funds.get(sid, "—"))
            if variant == "derive" or ("S", sid, "installed") in ov:
                continue
            last = place[-1]
            value = u.installed(sid)
            if short and short[0] == sid:
                last = short[1]
                value = sum(1 for x, rr2 in zip(u.uses, place) if x.sid == sid and rr2 <= last)
            bk.formula(ws, rr, where["installed"], f"COUNTIF({USHEET}!$F$5:$F${last},{col_sid}{rr})", value,
                       key=("S", sid, "installed"))
        span(ws, r, "以下空白", 1, 13, align=MID)
        grid(ws, 6, r, 1, 14)
        ws.column_dimensions["N"].hidden = True
        ws.freeze_panes = f"D{first}"
        ws.print_title_rows = "6:7"
        ws.print_area = f"A1:M{r + 2}"
        ws.cell(6, where["installed"]).comment = Comment("公式：按“使用明细”表中该软件编号的行数自动统计", "邓丽", 50, 220)
        ws.cell(6, where["term"]).comment = Comment("长期有效的填“永久”；按年订阅的填年限", "邓丽", 50, 200)
        span(ws, r + 2, "审核人：　　　　　　　　　单位负责人：　　　　　　　　　（盖章）", 1, 13)
        widths(ws, [6, 8, 26, 12, 10, 12, 12, 11, 9, 12, 22, 26, 9, 10])
        # -- 使用明细: printed pages, each with its own title, header block and column header --
        ws = bk.sheet(USHEET)
        ucols = [("序号", "seq"), ("部门", "dept"), ("姓名", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                 ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
                 ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"),
                 ("免费软件", "kind:free", "软件类型"), ("安装日期", "date")]
        r, seq = 1, 1
        for pg in range(pages):
            title(ws, r, "双河县城市管理综合执法局软件使用情况明细表", 1, 13, size=14, height=26)
            for c, lab, v, kk, kind in ((1, "单位名称（盖章）", u.name, "unit", "text"), (6, "填表人", u.filler, "filler", "text"),
                                        (8, "联系电话", u.phone, "phone", "text"), (11, "填表日期", u.filled, "filled", "hdate")):
                ws.cell(r + 1, c, lab).font = BOLD
                bk.put(ws, r + 1, c + 1, v, key=("UH", pg, kk), kind=kind)
            ws.merge_cells(start_row=r + 1, start_column=2, end_row=r + 1, end_column=5)
            ws.merge_cells(start_row=r + 1, start_column=12, end_row=r + 1, end_column=13)
            top = r + 2
            r, where = header_rows(ws, top, ucols)
            chunk = u.uses[pg * PAGE:(pg + 1) * PAGE]
            assert r == place[pg * PAGE]
            r, seq = usage_block(bk, ws, r, u, chunk, ucols, where, seq0=seq)
            grid(ws, top, r - 1, 1, 13)
            span(ws, r, f"第 {pg + 1} 页{FW}共 {pages} 页", 1, 13, align=MID)
            ws.row_breaks.append(Break(id=r))
            r += 2
        widths(ws, [6, 12, 8, 10, 9, 8, 26, 12, 22, 6, 6, 6, 12])

        # -- logs --
        def mh(bk, ws, r, sid):
            span(ws, r, f"单位名称：{u.name}{FW * 2}填表人：{u.filler}{FW * 2}联系电话：{u.phone}", 1, 10)
            return r + 1
        for sid in u.soft:
            ws = bk.sheet(f"安装维护-{sid}")
            national_log(bk, ws, u, sid, head=mh, boxes=("√", "□"), swap=swap[1] if swap and swap[0] == sid else None)
        # -- free list --
        ws = bk.sheet("免费软件清单")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        span(ws, 2, f"单位名称（盖章）：{u.name}{FW * 2}填表人：{u.filler}{FW * 2}联系电话：{u.phone}{FW * 2}填表日期：{dtext(u.filled)}", 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_block(bk, ws, r, u, cols, where)
        grid(ws, 3, r - 1, 1, 9)
        widths(ws, [6, 8, 16, 9, 9, 28, 24, 22, 16])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("S", "CG02", "serial")] = keys(1713, 1)[0]
        exp.append(expect("ZB107", [("S", "CG02", "serial")], "OEM 的 Windows 11 一行序列号填了机身标签上的产品密钥（OEM软件不填）"))
        u.soft["CG08"].term = yrs(2)
        exp.append(expect("ZB112", [("S", "CG08", "term"), ("S", "CG08", "installed")],
                          "浩辰CAD 2024-06-25 购入、许可期限 2年，2026-06-24 已到期，仍装 2 台（各表一致，安装都在到期前）"))
        u.soft["CG07"].serial = u.soft["CG04"].serial
        exp.append(expect("ZB124", [("S", "CG07", "serial")], "会声会影的序列号抄成了 Windows Server 2022 的产品密钥"))
        place, pages = layout_usage()
        idx = next(i for i, x in enumerate(u.uses) if x.pc == "SHCG-06" and x.sid == "CG10")
        assert place[idx] > place[PAGE - 1], "on page 2 or later"
        ov[("U", "SHCG-06", "CG10", "pc")] = BLANK
        jj = ev_index(u, "CG10", lambda e: e.pc == "SHCG-06")
        exp.append(expect("ZB201", [("U", "SHCG-06", "CG10", "pc")],
                          "使用明细第 2 页 SHCG-06 的企业微信一行计算机编号漏填；明细表因此没有 SHCG-06 装企业微信，ZB407 可一并报出（不要求）",
                          [("ZB407", ev_keys("CG10", jj, ("pc", "date", "act")))]))
        first_p2 = u.uses[PAGE]
        ov[("U", first_p2.pc, first_p2.sid, "user")] = u.pcmap()[u.uses[PAGE - 1].pc].user if u.uses[PAGE - 1].pc != first_p2.pc \
            else "曹建"
        other = ov[("U", first_p2.pc, first_p2.sid, "user")]
        assert other != u.pcmap()[first_p2.pc].user
        exp.append(expect("ZB206", [("U", first_p2.pc, first_p2.sid, "user")],
                          f"使用明细第 2 页第一行（{first_p2.pc}）姓名写成 {other}，该机其他各行都是 {u.pcmap()[first_p2.pc].user}（换页时抄错；人员名单不变）"))
        ov[("M1", "CG05", "version")] = "专业增强版"
        exp.append(expect("ZB303", [("M1", "CG05", "version")], "WPS 安装维护表软件基本信息的版本写成“专业增强版”，汇总表为“专业版”"))
        rows = log_rows(u, "CG10")
        i = next(i for i in range(2, len(rows) - 1) if rows[i][2].date != rows[i + 1][2].date)
        a, b = rows[i], rows[i + 1]
        exp.append(expect("ZB306", [("M", "CG10", a[1], "date"), ("M", "CG10", b[1], "date")],
                          f"企业微信安装维护表第 {i + 1}、{i + 2} 行先后颠倒（{b[2].date} 排在 {a[2].date} 之前）"))
        cut = place[2 * PAGE - 1]
        n_in = sum(1 for x, rr in zip(u.uses, place) if x.sid == "CG06" and rr <= cut)
        exp.append(expect("ZB405", [("S", "CG06", "installed")],
                          f"奇安信的安装数量公式 COUNTIF 的范围只到第 2 页末（$F$5:$F${cut}），没有随第 3 页扩展，显示 {n_in}；使用明细中 CG06 共 "
                          f"{u.installed('CG06')} 行；与安装维护表重放也不符，ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "CG06", "installed")])]))
        return ov, exp, {"swap": ("CG10", i), "short": ("CG06", cut)}

    return dict(name="urban-management", classes=[2, 4], office=u.name, unit=u, render=render, faults=faults,
                about="城市管理综合执法局：**使用明细按打印页排版**——每 15 行一页，每页重复标题、表头（单位名称（盖章）/填表人/联系电话/填表日期 "
                      "标签格与值格）和两行列标题，页末“第 1 页　共 3 页”，序号跨页连续，设了分页符；汇总表标题带年度"
                      "（“2026年度 双河县……汇总表”），列标题下一行是**栏次行**“甲 1 2 … 13”，最后一个软件下面一行“以下空白”，"
                      "**安装数量是 COUNTIF 公式**（按“使用明细”的软件编号列统计，带缓存值），隐藏的资金来源列，列标题有批注，"
                      "打印标题行、冻结窗格，表下审核人/单位负责人签字行；每个编号一张全国式安装维护表（√/□）。")


# =======================================================================================
# L7  退役军人事务局 — the bureau's own words (软件代码, 规格版本, 软件属性 采购类·预装类·免费类,
#     采购日期 an Excel date shown m/d/yyyy, 成交金额, 协议类型, 许可点数, 授权适用版本, 服务期限
#     "36个月"/永久授权, 激活码, 现装数量; 科（股）室, 领用人, 机号, 机器品牌, 装机时间 with its
#     weekday; figures "干部职工人数" and "其中使用计算机"); products outside the built-in
#     catalogue (中科方德, 天融信) and therefore **its own 软件分类 sheet**; pre-numbered empty
#     rows under the software, then a 合计 row of SUM formulas; an in-cell list validation;
#     notes; a statistics table and a purchase plan
# =======================================================================================
def veterans_bureau():
    cert = certs(1813, 6, "MJTY")
    pcs = [
        PC("办公室", "钟华", "MJTY-01", "方正", "desktop", "TY03", D(2025, 9, 15)),
        PC("办公室", "黎娟", "MJTY-02", "方正", "desktop", "TY03", D(2025, 9, 15)),
        PC("优抚安置股", "吴建军", "MJTY-03", "联想", "desktop", "TY01", D(2021, 8, 9)),
        PC("优抚安置股", "刘芳", "MJTY-04", "联想", "desktop", "TY01", D(2021, 8, 9)),
        PC("权益维护股", "陈卫东", "MJTY-05", "联想", "laptop", "TY02", D(2024, 2, 26)),
        PC("退役军人服务中心", "郭敏", "MJTY-06", "联想", "desktop", "TY01", D(2021, 8, 10)),
        PC("退役军人服务中心", "高强", "MJTY-07", "方正", "desktop", "TY03", D(2025, 9, 16)),
        PC("办公室", "钟华", "MJTY-SV", "联想", "server", "TY04", D(2022, 5, 11)),
    ]
    soft = [
        Soft("TY01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("TY02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("TY03", "中科方德桌面操作系统", "V5.0 专业版", "commercial", "os", "domestic", D(2025, 9, 5), price=680,
             ltype="批量授权", lcount=3, usable="V5.0专业版", term=perp("永久授权"), serial=cert[0]),
        Soft("TY04", "银河麒麟高级服务器操作系统", "V10 标准版", "commercial", "os", "domestic", D(2022, 5, 6), price=9800,
             ltype="单机授权", lcount=1, usable="V10标准版", term=perp("永久授权"), serial=cert[1]),
        Soft("TY05", "永中Office 2019", "标准版", "commercial", "office", "domestic", D(2025, 9, 5), price=450,
             ltype="批量授权", lcount=3, usable="2019标准版", term=perp("永久授权"), serial=cert[2]),
        Soft("TY06", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2021, 8, 20), price=500,
             ltype="批量授权", lcount=5, usable="2019专业版", term=perp("永久授权"), serial=cert[3]),
        Soft("TY07", "天融信终端威胁防御系统", "V3.0", "commercial", "antivirus", "domestic", D(2026, 4, 20), price=120,
             ltype="网络版授权", lcount=10, usable="V3.0", term=yrs(3), serial=cert[4]),
        Soft("TY08", "Snagit 2024", "2024", "commercial", "other", "foreign", D(2024, 5, 8), price=480,
             ltype="单机授权", lcount=1, usable="2024", term=perp("永久授权"), serial=cert[5]),
        free("TY09", "腾讯会议", "全局"),
        free("TY10", "Foxmail", "办公室"),
    ]
    u = Unit("梅江县退役军人事务局", "黎娟", "0753-6331952", D(2026, 11, 26), 40, 1, 6, 1, pcs, {s.sid: s for s in soft},
             head=("办公室", "钟华", "0753-6331950", "0753-6331951"), catalogue=True,
             plan=[("中科方德桌面操作系统", "V5.0 专业版", 680, 2, "服务中心新增终端"), ("永中Office 2019", "标准版", 450, 2, "随新增终端"),
                   ("天融信终端威胁防御系统", "V3.0", 120, 2, "授权扩容")], plan_date=D(2026, 11, 26))
    clients = [p.pc for p in pcs if p.ptype != "server"]
    build(u, [
        ("TY05", ["MJTY-01", "MJTY-02", "MJTY-07"], D(2025, 9, 17)),
        ("TY06", ["MJTY-03", "MJTY-04", "MJTY-05", "MJTY-06"], D(2021, 8, 23)),
        ("TY07", [p.pc for p in pcs], D(2026, 4, 22)),
        ("TY08", ["MJTY-05"], D(2024, 5, 10)),
        ("TY09", clients, D(2022, 3, 14)),
        ("TY10", ["MJTY-01", "MJTY-02"], D(2025, 9, 22)),
    ], [("gone", "TY06", PC("办公室", "钟华", "MJTY-00", "联想", "desktop", "", D(2017, 3, 1)), D(2021, 8, 23), D(2025, 9, 12)),
        ("again", "TY07", "MJTY-04", D(2026, 4, 22), D(2026, 7, 6), D(2026, 7, 7))])
    style = {"kinds": {"commercial": "采购类", "oem": "预装类", "free": "免费类"}, "pdate": "xl_us", "date": "xl_week",
             "mdate": "xl_week", "hdate": "cn", "term": "month", "money": "num", "count": "num", "dash": "—", "udash": "—",
             "mfver": "—", "boxes": ("✔", None), "uboxes": ("✔", None)}

    def head(bk, ws, r, part, date=True):
        items = [(1, "填报单位", u.name + "（盖章）", "unit"), (7, "经办人", u.filler, "filler"), (9, "电话", u.phone, "phone")]
        if date:
            items.append((12, "填报时间", u.filled, "filled"))
        for c, lab, v, kk in items:
            ws.cell(r, c, lab).font = BOLD
            bk.put(ws, r, c + 1, v, key=(part, kk), kind="hdate" if kk == "filled" else "text")
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
        return r + 1

    def render(u, variant, ov, omit_free=()):
        bk = Book("梅江县退役军人事务局办公室", style, variant, ov)
        # -- 软件台账（汇总） --
        ws = bk.sheet("软件台账（汇总）")
        title(ws, 1, "梅江县退役军人事务局正版软件台账（汇总）", 1, 14)
        head(bk, ws, 2, "SH")
        for c, lab, kk, v in ((1, "干部职工人数", "total", u.people_total), (3, "其中使用计算机", "using", len(u.users())),
                              (5, "服务器", "servers", u.servers), (7, "台式机", "desktops", u.desktops),
                              (9, "笔记本", "laptops", u.laptops)):
            ws.cell(3, c, lab).font = BOLD
            bk.put(ws, 3, c + 1, None if (variant == "derive" and kk == "using") else v, key=("SH", kk), kind="count")
        cols = [("序号", "seq"), ("软件代码", "sid"), ("软件名称", "name"), ("规格版本", "version"), ("软件属性", "kind"),
                ("采购日期", "purchased"), ("成交金额（元）", "amount"), ("协议类型", "ltype"), ("许可点数", "lcount"),
                ("授权适用版本", "usable"), ("服务期限", "term"), ("激活码", "serial"), ("现装数量", "installed"), ("备注", "note")]
        r, where = header_rows(ws, 5, cols, height=30, fill=GREY)
        first = r
        r, seq, rows = summary_block(bk, ws, r, u, list(u.soft), cols, where)
        for n in range(4):  # the form's pre-numbered empty rows
            ws.cell(r, 1, seq + n).alignment = MID
            r += 1
        ws.cell(r, where["name"], "合计").font = BOLD
        if variant != "derive":
            for f in ("amount", "installed"):
                c = where[f]
                vals = [cached_value(bk, ws, rr, c) for rr in range(first, r)]
                letter = get_column_letter(c)
                sum_figure(bk, ws, r, c, None, [v for v in vals if isinstance(v, (int, float))], [f"{letter}{first}:{letter}{r - 1}"])
        grid(ws, 5, r, 1, 14)
        dv = DataValidation(type="list", formula1='"采购类,预装类,免费类"', allow_blank=True)
        dv.add(f"E{first}:E{r - 1}")
        ws.add_data_validation(dv)
        ws.cell(5, where["term"]).comment = Comment("按年订阅的填月数，如“36个月”，自采购日期起算；买断的填“永久授权”", "黎娟", 60, 220)
        ws.cell(5, where["kind"]).comment = Comment("从下拉列表选择", "黎娟", 40, 140)
        span(ws, r + 2, "备注：各软件的类别（操作系统、办公软件、杀毒软件、其他）和国内/国外属性以“软件分类”表为准。", 1, 14)
        widths(ws, [6, 8, 26, 13, 9, 11, 12, 11, 9, 13, 11, 26, 9, 8])
        # -- 软件台账（明细） --
        ws = bk.sheet("软件台账（明细）")
        title(ws, 1, "梅江县退役军人事务局正版软件台账（明细）", 1, 13)
        head(bk, ws, 2, "UH")
        ucols = [("序号", "seq"), ("科（股）室", "dept"), ("领用人", "user"), ("机号", "pc"), ("机器品牌", "brand"),
                 ("软件代码", "sid"), ("软件名称", "name"), ("规格版本", "version"), ("服务期限", "term"),
                 ("采购类", "kind:commercial", "软件属性"), ("预装类", "kind:oem", "软件属性"), ("免费类", "kind:free", "软件属性"),
                 ("装机时间", "date")]
        r, where = header_rows(ws, 4, ucols, fill=GREY)
        r, _ = usage_block(bk, ws, r, u, u.uses, ucols, where)
        grid(ws, 4, r - 1, 1, 13)
        widths(ws, [6, 16, 8, 9, 9, 8, 26, 13, 11, 7, 7, 7, 22])
        # -- 维护 --
        for n, (sid, s) in enumerate(u.soft.items(), 1):
            ws = bk.sheet(f"软件台账（维护{n:02d}）")
            title(ws, 1, "梅江县退役军人事务局正版软件台账（安装维护）", 1, 11, size=14)
            head(bk, ws, 2, ("MH", sid), date=False)
            ws.cell(3, 1, "一、软件情况").font = BOLD
            p1 = [("软件代码", "sid"), ("软件名称", "name"), ("规格版本", "version"), ("采购类", "kind:commercial", "软件属性"),
                  ("预装类", "kind:oem", "软件属性"), ("免费类", "kind:free", "软件属性"), ("许可点数", "lcount"),
                  ("授权适用版本", "usable"), ("服务期限", "term")]
            r, w1 = header_rows(ws, 4, p1)
            vals = part1_values(bk, s)
            for text, f, *_ in p1:
                if f.startswith("kind:"):
                    ws.cell(r, w1[f], "✔" if f[5:] == s.kind else None).alignment = MID
                    bk.note(("M1", sid, "kind"), ws, r, w1[f])
                else:
                    v, kind = vals[f]
                    bk.put(ws, r, w1[f], v, key=("M1", sid, f), kind=kind, align=MID, purchased=s.purchased)
            grid(ws, 4, r, 1, 9)
            r += 1
            ws.cell(r, 1, "二、安装卸载情况").font = BOLD
            mcols = [("序号", "seq"), ("安装", "act:install", "操作"), ("卸载", "act:uninstall", "操作"), ("机号", "pc"),
                     ("机器品牌", "brand"), ("领用人", "user"), ("科（股）室", "dept"), ("规格版本", "version"),
                     ("操作时间", "date"), ("数量", "count")]
            top = r + 1
            r, where = header_rows(ws, top, mcols)
            r = event_block(bk, ws, r, u, log_rows(u, sid), mcols, where)
            grid(ws, top, r - 1, 1, 10)
            widths(ws, [8, 7, 7, 10, 9, 8, 16, 13, 22, 6])
        # -- 免费软件 --
        ws = bk.sheet("免费软件清单")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        head(bk, ws, 2, "FH")
        cols = [("序号", "seq"), ("软件代码", "sid"), ("软件名称", "name"), ("规格版本", "version"), ("下载渠道", "source"),
                ("开发厂商", "maker"), ("厂商联系方式", "contact"), ("使用科（股）室", "depts"), ("使用理由", "reason")]
        r, where = header_rows(ws, 4, cols)
        r = free_block(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, 4, r - 1, 1, 9)
        widths(ws, [6, 8, 12, 8, 10, 28, 14, 12, 14])
        # -- 软件分类 --
        ws = bk.sheet("软件分类")
        catalogue_sheet(bk, ws, u, ("软件代码", "软件名称", "类别", "国内/国外"))
        # -- 统计表 --
        if variant != "derive":
            ws = bk.sheet("信息统计表")
            stats_table(bk, ws, 1, u, statistics(u), title_text=f"软件正版化工作信息统计表（{YEAR}年度）",
                        # 表3 prints 联系电话 in its head (seed 000): a clean unit fills it.
                        head_cells=[(1, f"填报单位：{u.name}"), (4, f"填表人：{u.filler}"), (6, f"联系电话：{u.phone}"),
                                    (8, f"填表日期：{dtext(u.filled)}")])
            widths(ws, [10] * 9)
        # -- 采购计划 --
        ws = bk.sheet("采购计划")
        title(ws, 1, "梅江县退役军人事务局软件采购计划表", 1, 7)
        span(ws, 2, f"经手人：{u.filler}{FW * 2}联系电话：{u.phone}{FW * 2}填表日期：{dtext(u.plan_date)}", 1, 7)
        r = plan_table(bk, ws, 3, u, ["序号", "软件名称", "规格版本", "单价（元）", "许可点数", "合计（元）", "备注"])
        for lab in ("办公室审核：", "财务审核：", "局领导审批："):
            ws.cell(r, 1, lab)
            ws.cell(r, 5, "年　月　日")
            r += 1
        widths(ws, [12, 24, 13, 11, 9, 11, 16])
        return bk

    def faults(u):
        ov, exp = {}, []
        u.soft["TY08"].term = Term("word", word="待定")
        exp.append(expect("ZB116", [("S", "TY08", "term")],
                          "Snagit 服务期限填“待定”，不是可识别的期限（各表一致）；明细表和维护表软件情况中同样的写法按 ZB006/ZB116 报出也可（不要求）",
                          [("ZB006", [("U", "MJTY-05", "TY08", "term")]), ("ZB116", [("U", "MJTY-05", "TY08", "term")]),
                           ("ZB006", [("M1", "TY08", "term")]), ("ZB116", [("M1", "TY08", "term")])]))
        ov[("S", "TY05", "purchased")] = D(2027, 9, 5)
        exp.append(expect("ZB117", [("S", "TY05", "purchased")],
                          "永中Office 采购日期 9/5/2025 年份误写为 9/5/2027，晚于填报时间和检查日；装机和安装记录因此早于字面采购日期（ZB416），按字面 2026 年底尚未购入、统计表五、国内办公软件许可数随之不符（ZB414），可一并报出（不要求）",
                          [("ZB416", [("U", pc, "TY05", "date") for pc in ("MJTY-01", "MJTY-02", "MJTY-07")]),
                           ("ZB416", install_keys(u, "TY05")),
                           ("ZB414", [("T", "holdings", "domestic", "office")]), ("ZB414", [("T", "holdings", "domestic", "total")]),
                           ("ZB414", [("T", "holdings", "total", "office")]), ("ZB414", [("T", "holdings", "total", "total")])]))
        u.soft["TY01"].version = "家庭中文版"
        exp.append(expect("ZB121", [("S", "TY01", "name"), ("S", "TY01", "version")],
                          "三台联想台式机预装的 Windows 10 是家庭中文版（各表一致）"))
        gone = drop_os(u, "MJTY-07")
        exp.append(expect("ZB207", [("U", "MJTY-07", sid, "pc") for sid in ("TY05", "TY07", "TY09")],
                          f"MJTY-07 的中科方德桌面操作系统（{gone}，软件分类表中为操作系统）在各表都没有登记，该机没有操作系统记录；"
                          "中科方德许可 3 个、现装 2 个，不涉及其他规则"))
        j = ev_index(u, "TY09", lambda e: e.pc == "MJTY-04")
        ov[("M", "TY09", j, "date")] = BLANK
        exp.append(expect("ZB302", [("M", "TY09", j, "date")],
                          "腾讯会议维护表中 MJTY-04 的安装一行操作时间漏填；按日期重放无法计入该行，ZB407 可一并报出（不要求）",
                          [("ZB407", [("U", "MJTY-04", "TY09", f) for f in ("pc", "sid", "name")])]))
        exp.append(expect("ZB410", [("S", "TY10", "name"), ("S", "TY10", "kind")], "Foxmail 软件属性为免费类，可使用免费软件清单中没有"))
        ov[("T", "purchases", "domestic", "antivirus", "licenses")] = 12
        exp.append(expect("ZB414", [("T", "purchases", "domestic", "antivirus", "licenses")],
                          "四、本年度国内杀毒软件许可数填 12（把采购计划的 2 个也算进去了），按台账应为 10"))
        ov[("P", "total")] = 2600
        exp.append(expect("ZB415", [("P", "total")], "采购计划共计写成 2600，各行合计 1360 + 900 + 240 = 2500"))
        return ov, exp, {"omit_free": ("TY10",)}

    return dict(name="veterans-bureau", classes=[1, 2], office=u.name, unit=u, render=render, faults=faults,
                about="退役军人事务局按本局通知自拟：正版软件台账（汇总）用“软件代码、软件名称、规格版本、软件属性（采购类/预装类/免费类，下拉列表）、"
                      "采购日期（Excel 日期，显示 9/5/2025）、成交金额（元）、协议类型、许可点数、授权适用版本、服务期限（“36个月”/“永久授权”）、"
                      "激活码、现装数量”；人员/计算机情况“干部职工人数 | 40 | **其中使用计算机** | 7 | 服务器 | 1 …”；软件行下面是**只有序号的空白预留行**"
                      "（9–12 号以外再印 4 行），再下面“合计”行（SUM 公式，带缓存值）；列标题有批注；**中科方德桌面操作系统、天融信终端威胁防御系统不在"
                      "内置目录中，单位自带“软件分类”表**（软件代码、软件名称、类别、国内/国外）；明细表用科（股）室、领用人、机号、机器品牌、"
                      "软件属性三栏 ✔、装机时间（带星期的 Excel 日期）；每个代码一张安装维护表；信息统计表；采购计划表。")


# =======================================================================================
# L8  应急管理局 — the summary split by status into **在用软件台账 and 停用软件台账** (a retired
#     antivirus, 0 installed, its term ended, kept with 停用日期/停用原因); every header block
#     **"label：value" one-cell pairs stacked down a column** (单位名称 / 填 表 人 / 联系电话 /
#     填表日期 in A2:A5, the figures in two more stacks to the right); usage boxes "1"/"0";
#     **two maintenance logs to a sheet, stacked, the second with its columns in another
#     order** (date first, the 安装/卸载 boxes after the computer)
# =======================================================================================
def emergency_bureau():
    cert = certs(1915, 6, "ALYJ")
    k = keys(1916, 1)
    pcs = [
        PC("办公室", "蒋涛", "AJ-01", "联想", "desktop", "YJ-01", D(2021, 9, 13)),
        PC("办公室", "杜娟", "AJ-02", "联想", "desktop", "YJ-01", D(2021, 9, 13)),
        PC("安全生产股", "邹明", "AJ-03", "联想", "desktop", "YJ-01", D(2021, 9, 14)),
        PC("安全生产股", "邹明", "AJ-04", "华为", "laptop", "YJ-02", D(2024, 8, 19)),
        PC("应急指挥中心", "雷鸣", "AJ-05", "华为", "desktop", "YJ-02", D(2024, 8, 19)),
        PC("应急指挥中心", "江涛", "AJ-06", "华为", "desktop", "YJ-02", D(2024, 8, 20)),
        PC("应急指挥中心", "雷鸣", "AJ-SV", "华为", "server", "YJ-04", D(2021, 9, 6)),
        PC("防灾减灾股", "唐婷", "AJ-07", "联想", "laptop", "YJ-02", D(2024, 8, 20)),
        PC("执法大队", "万强", "AJ-08", "长城", "desktop", "YJ-03", D(2025, 10, 20)),
    ]
    soft = [
        Soft("YJ-01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("YJ-02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("YJ-03", "统信UOS桌面操作系统", "V20 专业版", "commercial", "os", "domestic", D(2025, 10, 13), price=800,
             ltype="单机授权", lcount=1, usable="V20专业版", term=perp(), serial=cert[0]),
        Soft("YJ-04", "Windows Server 2019", "标准版", "commercial", "os", "foreign", D(2021, 8, 30), price=6600,
             ltype="单机授权", lcount=1, usable="2019标准版", term=perp(), serial=k[0]),
        Soft("YJ-05", "WPS Office 2023", "专业版", "commercial", "office", "domestic", D(2024, 8, 12), price=540,
             ltype="批量授权", lcount=9, usable="2023专业版、2019专业版", term=perp(), serial=cert[1]),
        Soft("YJ-06", "火绒终端安全管理系统", "V2.0", "commercial", "antivirus", "domestic", D(2024, 8, 26), price=85,
             ltype="网络版授权", lcount=10, usable="V2.0", term=rng(D(2024, 8, 26), D(2027, 8, 25)), serial=cert[2]),
        Soft("YJ-07", "瑞星杀毒软件网络版", "V24", "commercial", "antivirus", "domestic", D(2021, 9, 1), price=60,
             ltype="网络版授权", lcount=8, usable="V24", term=rng(D(2021, 9, 1), D(2024, 8, 31)), serial=cert[3]),
        Soft("YJ-08", "Global Mapper", "24 专业版", "commercial", "other", "foreign", D(2025, 5, 19), price=4200,
             ltype="单机授权", lcount=1, usable="24", term=perp(), serial=cert[4]),
        free("YJ-09", "7-Zip", "各股室"),
        free("YJ-10", "福昕阅读器", "办公室、安全生产股、执法大队"),
    ]
    u = Unit("安澜县应急管理局", "杜娟", "0728-5323017", D(2026, 11, 27), 35, 1, 6, 2, pcs, {s.sid: s for s in soft})
    clients = [p.pc for p in pcs if p.ptype != "server"]
    build(u, [
        ("YJ-05", clients, D(2024, 8, 21)),
        ("YJ-06", [p.pc for p in pcs], D(2024, 8, 28)),
        ("YJ-08", ["AJ-05"], D(2025, 5, 21)),
        ("YJ-09", clients, D(2022, 1, 10)),
        ("YJ-10", ["AJ-01", "AJ-03", "AJ-08"], D(2022, 1, 11)),
    ], [("gone", "YJ-07", pc, D(2021, 9, 15), D(2024, 8, 28)) for pc in ("AJ-01", "AJ-02", "AJ-03", "AJ-SV")])
    style = {"kinds": NATIONAL_KINDS, "pdate": "cn", "date": "xl", "mdate": "xl", "hdate": "cn", "term": "dot",
             "money": "num", "count": "num", "dash": "—", "udash": "—", "mfver": "—", "uboxes": ("1", "0"),
             "boxes": ("√", None)}
    retired = {"YJ-07": (D(2024, 8, 28), "许可到期，改用火绒")}
    in_use = [sid for sid in u.soft if sid not in retired]

    def stack(bk, ws, part, with_date=True, figures=False, variant="clean"):
        """label：value pairs, one to a cell, stacked down column A (and two more stacks)."""
        items = [("unit", "单位名称", u.name), ("filler", "填 表 人", u.filler), ("phone", "联系电话", u.phone)]
        if with_date:
            items.append(("filled", "填表日期", dtext(u.filled)))
        for i, (kk, lab, v) in enumerate(items):
            text = bk.take((part, kk), f"{lab}：{v}")[0]
            bk.put(ws, 2 + i, 1, text)
            bk.note((part, kk), ws, 2 + i, 1)
            ws.merge_cells(start_row=2 + i, start_column=1, end_row=2 + i, end_column=4)
        if figures:
            using = "" if variant == "derive" else len(u.users())
            for c, sec, rows in ((6, "人员情况", [("total", "总人数", u.people_total, "人"), ("using", "使用计算机人数", using, "人")]),
                                 (9, "计算机情况", [("servers", "服务器", u.servers, "台"), ("desktops", "台式机", u.desktops, "台"),
                                                 ("laptops", "便携机", u.laptops, "台")])):
                ws.cell(2, c, sec).font = BOLD
                for i, (kk, lab, v, unit) in enumerate(rows):
                    text = bk.take((part, kk), f"{lab}：{v}{unit}" if v != "" else f"{lab}：")[0]
                    bk.put(ws, 3 + i, c, text)
                    bk.note((part, kk), ws, 3 + i, c)
                    ws.merge_cells(start_row=3 + i, start_column=c, end_row=3 + i, end_column=c + 2)
        return 2 + len(items) + 1

    def render(u, variant, ov, omit_free=()):
        bk = Book("安澜县应急管理局办公室", style, variant, ov)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                ("采购时间", "purchased"), ("采购金额（元）", "amount"), ("许可类型", "ltype"), ("许可数量", "lcount"),
                ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("安装数量", "installed")]
        # -- 在用软件台账 --
        ws = bk.sheet("在用软件台账")
        title(ws, 1, "安澜县应急管理局软件使用情况汇总表（在用软件）", 1, 13)
        r = stack(bk, ws, "SH", figures=True, variant=variant)
        r, where = header_rows(ws, r, cols, height=30)
        top = r - 1
        r, seq, _ = summary_block(bk, ws, r, u, in_use, cols, where)
        grid(ws, top, r - 1, 1, 13)
        span(ws, r + 1, "注：已停用的软件转入“停用软件台账”登记，安装维护记录继续保留。", 1, 13)
        widths(ws, [6, 8, 24, 12, 10, 16, 12, 11, 9, 18, 22, 26, 9])
        # -- 停用软件台账 --
        ws = bk.sheet("停用软件台账")
        title(ws, 1, "安澜县应急管理局软件使用情况汇总表（停用软件）", 1, 15)
        r = stack(bk, ws, "SH2")
        r, where = header_rows(ws, r, cols + [("停用日期", "off"), ("停用原因", "why")], height=30)
        top = r - 1
        r0 = r
        r, _, rows = summary_block(bk, ws, r, u, list(retired), cols, where, seq0=seq)
        for sid, rr in rows.items():
            bk.put(ws, rr, where["off"], retired[sid][0], kind="pdate")
            ws.cell(rr, where["why"], retired[sid][1])
        grid(ws, top, r - 1, 1, 15)
        widths(ws, [6, 8, 24, 12, 10, 16, 12, 11, 9, 18, 22, 26, 9, 16, 20])
        # -- 明细 --
        ws = bk.sheet("使用明细")
        title(ws, 1, "安澜县应急管理局软件使用情况明细表", 1, 13)
        r = stack(bk, ws, "UH")
        ucols = [("序号", "seq"), ("部门", "dept"), ("姓名", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                 ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
                 ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"),
                 ("免费软件", "kind:free", "软件类型"), ("安装日期", "date")]
        r, where = header_rows(ws, r, ucols)
        top = r - 2
        r, _ = usage_block(bk, ws, r, u, u.uses, ucols, where)
        grid(ws, top, r - 1, 1, 13)
        span(ws, r + 1, "注：软件类型对应栏填“1”，其余填“0”。", 1, 13)
        widths(ws, [6, 12, 8, 10, 9, 8, 24, 12, 22, 7, 7, 7, 12])
        # -- 维护记录: two logs to a sheet, the second in another column order --
        first_cols = [("序号", "seq"), ("安装", "act:install"), ("卸载", "act:uninstall"), ("计算机编号", "pc"),
                      ("计算机品牌", "brand"), ("使用人", "user"), ("使用部门", "dept"), ("安装/卸载版本", "version"),
                      ("安装/卸载日期", "date"), ("安装数量", "count")]
        second_cols = [("序号", "seq"), ("安装/卸载日期", "date"), ("计算机编号", "pc"), ("使用人", "user"), ("使用部门", "dept"),
                       ("计算机品牌", "brand"), ("安装", "act:install"), ("卸载", "act:uninstall"), ("安装/卸载版本", "version"),
                       ("安装数量", "count")]
        sids = list(u.soft)
        for n in range(0, len(sids), 2):
            ws = bk.sheet(f"维护记录（{cn_number(n // 2 + 1)}）")
            r = 1
            for j, sid in enumerate(sids[n:n + 2]):
                s = u.soft[sid]
                title(ws, r, "软件安装维护情况明细表", 1, 10, size=14)
                r += 1
                for i, (kk, lab, v) in enumerate((("unit", "单位名称", u.name), ("filler", "填 表 人", u.filler),
                                                  ("phone", "联系电话", u.phone))):
                    bk.put(ws, r + i, 1, f"{lab}：{v}", key=("MH", sid, kk))
                    ws.merge_cells(start_row=r + i, start_column=1, end_row=r + i, end_column=4)
                r += 3
                ws.cell(r, 1, "一、软件基本信息").font = BOLD
                r += 1
                p1 = [("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("商业软件", "kind:commercial", "软件类型"),
                      ("OEM软件", "kind:oem", "软件类型"), ("免费软件", "kind:free", "软件类型"), ("许可数量", "lcount"),
                      ("可使用版本", "usable"), ("许可期限", "term")]
                top = r
                r, w1 = header_rows(ws, r, p1)
                vals = part1_values(bk, s)
                for text, f, *_ in p1:
                    if f.startswith("kind:"):
                        ws.cell(r, w1[f], "√" if f[5:] == s.kind else None).alignment = MID
                        bk.note(("M1", sid, "kind"), ws, r, w1[f])
                    else:
                        v, kind = vals[f]
                        bk.put(ws, r, w1[f], v, key=("M1", sid, f), kind=kind, align=MID, purchased=s.purchased)
                grid(ws, top, r, 1, 9)
                r += 1
                ws.cell(r, 1, "二、软件安装卸载明细").font = BOLD
                cols2 = first_cols if j == 0 else second_cols
                top = r + 1
                r, where = header_rows(ws, top, cols2)
                r = event_block(bk, ws, r, u, log_rows(u, sid), cols2, where)
                grid(ws, top, r - 1, 1, 10)
                r += 3
            widths(ws, [8, 12, 11, 11, 10, 12, 12, 13, 14, 8])
        # -- 免费软件 --
        ws = bk.sheet("免费软件清单")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        r = stack(bk, ws, "FH")
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, r, cols)
        top = r - 1
        r = free_block(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, top, r - 1, 1, 9)
        widths(ws, [6, 8, 18, 8, 9, 28, 16, 26, 14])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("S", "YJ-09", "ltype")] = "免费授权"
        exp.append(expect("ZB108", [("S", "YJ-09", "ltype")], "免费软件 7-Zip 的许可类型填了“免费授权”（应为“—”）"))
        s = u.soft["YJ-10"]
        s.name, s.maker, s.contact, s.reason, s.fversion = ("Microsoft Office 专业增强版 2010", "Microsoft Corporation",
                                                             "400-820-3800", "打开旧版文档", "2010")
        exp.append(expect("ZB122", [("S", "YJ-10", "name"), ("S", "YJ-10", "kind")],
                          "把需购买许可的 Microsoft Office 专业增强版 2010（旧机上留下的）登记为免费软件（各表一致，免费软件清单也列了它）"))
        ov[("U", "AJ-07", "YJ-09", "kind")] = ("0", "0", "0")
        exp.append(expect("ZB202", [("U", "AJ-07", "YJ-09", "kind")], "AJ-07 的 7-Zip 一行软件类型三栏都填“0”，没有一栏是“1”"))
        ov[("U", "AJ-04", "YJ-05", "brand")] = "联想"
        exp.append(expect("ZB203", [("U", "AJ-04", "YJ-05", "brand")],
                          "AJ-04 在其他各行和维护记录中都是华为，WPS 一行写成上一台的联想（维护记录与多数行一致，不应另报 ZB417）"))
        ov[("U", "AJ-08", "YJ-09", "date")] = D(2025, 10, 2)
        exp.append(expect("ZB209", [("U", "AJ-08", "YJ-09", "date")],
                          "AJ-08 的 7-Zip 安装日期写成 2025-10-02，早于该机统信UOS系统的安装日期 2025-10-20"))
        j = ev_index(u, "YJ-05", lambda e: e.pc == "AJ-06")
        ov[("M", "YJ-05", j, "act")] = ("√", "√")
        exp.append(expect("ZB301", [("M", "YJ-05", j, "act")], "WPS 维护记录中 AJ-06 一行安装、卸载两栏都打了 √"))
        p = u.pcmap()["AJ-03"]
        add_event(u, "YJ-06", Ev("install", "AJ-03", D(2025, 11, 3), p.brand, p.user, p.dept, tag="dup"))
        exp.append(expect("ZB305", [("M", "YJ-06", "dup", f) for f in ("date", "act", "pc")],
                          "火绒维护记录（排在第二、列序不同）2025-11-03 又登记安装到 AJ-03，该机 2024-08 已装且未卸；Σ安装−Σ卸载 多 1，"
                          "ZB406 可一并报出（不要求）", [("ZB406", [("S", "YJ-06", "installed")])]))
        ov[("U", "AJ-02", "YJ-06", "name")] = "火绒安全软件"
        exp.append(expect("ZB404", [("U", "AJ-02", "YJ-06", "name")],
                          "AJ-02 的 YJ-06 一行软件名称写成“火绒安全软件”，汇总表为“火绒终端安全管理系统”"))
        ov[("U", "AJ-05", "YJ-08", "date")] = D(2025, 5, 12)
        exp.append(expect("ZB416", [("U", "AJ-05", "YJ-08", "date")],
                          "AJ-05 的 Global Mapper 安装日期写成 2025-05-12，早于采购时间 2025年5月19日（晚于该机系统 2024 年）"))
        return ov, exp, {}

    return dict(name="emergency-bureau", classes=[3, 4], office=u.name, unit=u, render=render, faults=faults,
                about="应急管理局：**汇总表按状态分成两张**——“在用软件台账”（软件使用情况汇总表（在用软件））和“停用软件台账”"
                      "（（停用软件），多出停用日期、停用原因两列，登记许可已于 2024年8月31日 到期、2024年8月28日 全部卸载的瑞星，安装数量 0），"
                      "序号跨表连续；**各表表头是竖排的一格一对“标签：值”**：A2–A5 依次“单位名称：…”“填 表 人：…”“联系电话：…”“填表日期：…”，"
                      "汇总表右边再竖排“人员情况 / 总人数：35人 / 使用计算机人数：7人”和“计算机情况 / 服务器：1台 / 台式机：6台 / 便携机：2台”；"
                      "明细表软件类型三栏填“1”或“0”；**维护记录每张工作表上下放两个软件的维护表，第二个的安装卸载明细列序不同**"
                      "（日期在前，安装/卸载两栏在计算机、使用人之后）；采购时间“2024年8月12日”文字。")


LAYOUTS = [medical_insurance, vocational_school, tcm_hospital, grain_reserve, env_monitoring, urban_management, veterans_bureau, emergency_bureau]


# =======================================================================================
# Control: the same unit in the plain national template (a developer check of the data,
# not part of the corpus): python3 make_layouts4.py --control DIR. Every unit gets its
# internal numbers there (even the two that keep none); 重装 rows are left out (the copy
# stays); a flat log becomes one log per number.
# =======================================================================================
def national(u, variant, ov, omit_free=(), no_log=(), **_ignored):
    style = {"kinds": NATIONAL_KINDS, "pdate": "xl", "date": "xl", "mdate": "xl", "term": "dot", "money": "num",
             "price": "num", "count": "num", "dash": "—", "udash": "—", "mfver": None, "ufver": None, "boxes": ("☑", "□")}
    bk = Book("control", style, variant, ov)
    cu = copy.copy(u)
    cu.numbered = True
    cu.events = {sid: [e for e in evs if e.action != "reinstall"] for sid, evs in u.events.items()}
    head = f"单位名称（盖章）：{u.name}    填表人：{u.filler}    联系电话：{u.phone}    填表日期：{dtext(u.filled)}"
    ws = bk.sheet("附件7")
    title(ws, 1, "软件使用情况汇总表", 1, 13)
    span(ws, 2, head, 1, 13)
    ws["A3"], ws["C3"], ws["D3"], ws["E3"] = "人员情况", "总人数", u.people_total, "使用计算机人数"
    bk.put(ws, 3, 6, None if variant == "derive" else len(u.users()), key=("SH", "using"))
    ws["A4"], ws["C4"], ws["E4"], ws["G4"] = "计算机情况", "服务器数", "台式机数", "便携机数"
    for c, kk, v in ((4, "servers", u.servers), (6, "desktops", u.desktops), (8, "laptops", u.laptops)):
        bk.put(ws, 4, c, v, key=("SH", kk))
    cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
            ("采购时间", "purchased"), ("采购金额", "amount"), ("许可类型", "ltype"), ("许可数量", "lcount"),
            ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("安装数量", "installed")]
    r, where = header_rows(ws, 5, cols)
    summary_block(bk, ws, r, cu, list(u.soft), cols, where)
    ws = bk.sheet("附件8")
    title(ws, 1, "软件使用情况明细表", 1, 13)
    span(ws, 2, head, 1, 13)
    cols = [("序号", "seq"), ("部门", "dept"), ("姓名", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
            ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
            ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"), ("免费软件", "kind:free", "软件类型"),
            ("安装日期", "date")]
    r, where = header_rows(ws, 3, cols)
    usage_block(bk, ws, r, cu, u.uses, cols, where)
    for sid in u.soft:
        if sid in no_log:
            continue
        ws = bk.sheet(f"附件9-{sid}")

        def mh(bk, ws, r, sid):
            span(ws, r, f"单位名称：{u.name}    填表人：{u.filler}    联系电话：{u.phone}", 1, 10)
            return r + 1
        national_log(bk, ws, cu, sid, head=mh, boxes=("☑", "□"))
    if any(s.kind == "free" for s in u.soft.values()):
        ws = bk.sheet("附件6")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        span(ws, 2, head, 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 3, cols)
        free_block(bk, ws, r, u, cols, where, omit=omit_free)
    if u.catalogue:
        ws = bk.sheet("软件分类")
        catalogue_sheet(bk, ws, u, ("软件编号", "软件名称", "类别", "国内/国外"))
    if variant != "derive" and u.head:
        ws = bk.sheet("附件5")
        stats_table(bk, ws, 1, u, statistics(u), title_text=f"软件正版化工作信息统计表（{YEAR}年度）", head_cells=[(1, head)])
    if variant != "derive" and u.plan:
        ws = bk.sheet("附件4")
        title(ws, 1, "软件采购计划表", 1, 7)
        span(ws, 2, f"经手人：{u.filler}    联系电话：{u.phone}    填表日期：{dtext(u.plan_date)}", 1, 7)
        plan_table(bk, ws, 3, u, ["序号", "软件名称", "软件版本", "单价（元）", "许可数（个）", "合计（元）", "备注"])
    return bk


def make_control(layout, out):
    u = layout["unit"]
    save_fixed(national(u, "clean", {}).wb, os.path.join(out, f"{layout['name']}.control.clean.xlsx"), "control")
    fu = copy.deepcopy(u)
    ov, planted, extra = layout["faults"](fu)
    bk = national(fu, "faulty", ov, **extra)
    save_fixed(bk.wb, os.path.join(out, f"{layout['name']}.control.faulty.xlsx"), "control")
    with open(os.path.join(out, f"{layout['name']}.control.json"), "w", encoding="utf-8") as f:
        json.dump([{"code": c, "in_control": all(k in bk.pos for k in ks) or not any(k in ov for k in ks)}
                   for c, ks, *_ in planted], f, ensure_ascii=False)


# =======================================================================================
# Driver
# =======================================================================================
def write_out(out, name, kind):
    """A Book → NAME.kind.xlsx; a Files → folder NAME.kind/ of workbooks. Returns the entry."""
    unused = set(out.ov) - out.used
    assert not unused, f"{name}: overrides never written: {unused}"
    if isinstance(out, Book):
        save_fixed(out.wb, os.path.join(HERE, f"{name}.{kind}.xlsx"), out.creator, out.cached)
        return f"{name}.{kind}.xlsx"
    d = os.path.join(HERE, f"{name}.{kind}")
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    sheets = []
    for fname, bk in out.books.items():
        sheets += bk.wb.sheetnames
        save_fixed(bk.wb, os.path.join(d, fname), bk.creator, bk.cached)
    assert len(sheets) == len(set(sheets)), f"{name}: sheet names repeat across files"
    return f"{name}.{kind}"


def make(layout):
    name = layout["name"]
    u = layout["unit"]
    validate(u)
    render = layout["render"]
    clean = write_out(render(u, "clean", {}), name, "clean")
    derive = write_out(render(u, "derive", {}), name, "derive")
    fu = copy.deepcopy(u)
    ov, planted, extra = layout["faults"](fu)
    out = render(fu, "faulty", ov, **extra)
    faulty = write_out(out, name, "faulty")
    pos = out.pos

    def place(code, ks):
        if ks == [("UNIT",)]:
            return {"code": code, "sheet": None, "cell": ""}
        places = []
        for k in ks:
            if k not in pos:
                raise SystemExit(f"{name}: {code}: no cell for {k}")
            places.extend(pos[k])
        sheets = {s for s, _ in places}
        assert len(sheets) == 1, (name, code, places)
        cells = []
        for _, c in places:
            if c not in cells:
                cells.append(c)
        return {"code": code, "sheet": sheets.pop(), "cell": "|".join(cells)}

    expected = []
    for code, ks, why, also in planted:
        e = place(code, ks)
        e["why"] = why
        if also:
            e["may_also"] = [place(c, k) for c, k in also]
        expected.append(e)
    assert 5 <= len(expected) <= 9, (name, len(expected))
    installed = {sid: u.installed(sid) for sid in u.soft}
    derive_doc = {"file": derive, "year": YEAR, "installed": installed if u.numbered else {},
                  "people_using": len(u.users()), "statistics": statistics(u)}
    if not u.numbered:
        # rows keep no 软件编号, so convert --to json gives them no id for score.py to match: the
        # figures are listed by name and version for a reader (score.py ignores this key)
        derive_doc["installed_by_name"] = {u.soft[sid].label: n for sid, n in installed.items()}
    manifest = {
        "layout": name, "classes": layout["classes"], "office": layout["office"], "as_of": AS_OF.isoformat(),
        "about": layout["about"],
        "clean": clean,
        "faulty": {"file": faulty, "expected": expected},
        "derive": derive_doc,
    }
    with open(os.path.join(HERE, f"{name}.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return manifest


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
    codes = {}
    for layout in made:
        if wanted and layout["name"] not in wanted:
            continue
        if control_dir:
            os.makedirs(control_dir, exist_ok=True)
            validate(layout["unit"])
            make_control(layout, control_dir)
            continue
        m = make(layout)
        u = layout["unit"]
        for e in m["faulty"]["expected"]:
            codes[e["code"]] = codes.get(e["code"], 0) + 1
        print(f"{m['layout']:<18} classes {m['classes']}  {len(u.pcs)} computers, {len(u.soft)} software, "
              f"{len(u.uses)} usage rows, {sum(len(v) for v in u.events.values())} log rows, "
              f"{len(m['faulty']['expected'])} planted")
    if codes:
        print("planted by rule:", " ".join(f"{c}×{n}" for c, n in sorted(codes.items())))
