#!/usr/bin/env python3
"""A third, independent layout corpus (tests/layouts3/README.md).

Nine imagined offices — a 审计局, a 农业农村局, a 人民检察院, a 中心小学, a 乡卫生院, a 统计局普查中心,
a 路政大队, a 林业站 and the 分公司 of a state-owned water company — keep their software ledgers
in ways the two earlier corpora (tests/layouts/, tests/layouts2/) do not: ledgers with no
软件编号 at all (software known by name and version), 单价 and 数量 instead of a total, 取得方式
上级配发, one usage sheet per computer, computer caption rows inside a usage table, a summary
split over one sheet per type, grand totals above the rows, formulas with cached values, frozen
headers, saved filters, one flat change log for all software (in reverse date order, with
重装), header labels with their value two cells to the right, header blocks under the table,
2×N figure grids, covers, 说明 sheets and hardware asset lists that are no ledgers.

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

Run: python3 tests/layouts3/make_layouts3.py [NAME ...]      then tests/layouts3/resave.sh
     python3 tests/layouts3/make_layouts3.py --control DIR  the same units in the plain
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
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = dt.date(2026, 12, 8)
YEAR = 2026
D = dt.date
DAY = dt.timedelta(days=1)
FW = "\u3000"  # full-width space
STAMP = (2026, 12, 2, 9, 0, 0)

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
}


def free(sid, name, depts, **kw):
    v, src, maker, contact, reason = FREE_OK[name]
    origin = "foreign" if name in ("PotPlayer", "QGIS", "Everything", "R", "7-Zip", "Google Earth Pro") else "domestic"
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
    return f"{s.year}.{s.month}.{s.day}-{e.year}.{e.month}.{e.day}"


def fmt_money(x, form):
    if x is None:
        return None
    return {"num": x, "comma": f"{x:,.2f}", "yuan": f"{x:g}元", "fwyen": f"￥{x:,.0f}", "yuan2": f"{x:.2f}元",
            "wan": f"{x / 10000:g}万元"}[form]


def fmt_count(n, form):
    if n is None:
        return None
    return {"num": n, "tao": f"{n}套", "fen": f"{n}份", "tai": f"{n}台", "fw": str(n).translate(FWD), "ge": f"{n}个",
            "user": f"{n}用户"}[form]


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


# =======================================================================================
# L1  审计局 — no 软件编号 anywhere (the notice's field list has none): 软件产品/产品版本,
#     取得方式 单位采购·上级配发·整机自带·网上下载, 单价 and 许可套数 instead of a total, 授权截至,
#     授权证号, 部署数量; 品牌型号 in one column; one flat 软件变更登记 for all software; header
#     labels with their value two cells to the right; figures in a 2×5 grid with units
# =======================================================================================
def audit_bureau():
    cert = certs(301, 4, "QSSJ")
    pcs = [
        PC("办公室", "程立新", "QSJ-01", "联想", "desktop", "A1", D(2024, 4, 16), model="启天M437"),
        PC("办公室", "宋雅琴", "QSJ-02", "联想", "desktop", "A1", D(2024, 4, 16), model="启天M437"),
        PC("财政审计股", "贺建国", "QSJ-03", "联想", "desktop", "A1", D(2024, 4, 17), model="启天M437"),
        PC("财政审计股", "梁婷", "QSJ-04", "惠普", "laptop", "A2", D(2022, 7, 5), model="ProBook 440 G9"),
        PC("经济责任审计股", "杜卫", "QSJ-05", "联想", "desktop", "A1", D(2024, 4, 17), model="启天M437"),
        PC("经济责任审计股", "韩雪", "QSJ-06", "惠普", "laptop", "A2", D(2022, 7, 5), model="ProBook 440 G9"),
        PC("投资审计股", "邱志", "QSJ-07", "联想", "desktop", "A1", D(2024, 4, 18), model="启天M437"),
        PC("办公室", "程立新", "QSJ-FW", "浪潮", "server", "A3", D(2022, 11, 10), model="NF5270M6"),
    ]
    soft = [
        Soft("A1", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("A2", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("A3", "Windows Server 2019", "标准版", "commercial", "os", "foreign", D(2022, 11, 2), price=6800,
             ltype="单机授权", lcount=1, usable="2019标准版", term=perp("永久"), serial=keys(302, 1)[0]),
        Soft("A4", "WPS Office 2019", "专业版", "commercial", "office", "domestic", acq="alloc", ltype="批量授权",
             lcount=10, usable="2019专业版", term=perp("长期"), serial="SJ-WPS-2023-0417-QS"),
        Soft("A5", "奇安信天擎终端安全管理系统", "V10", "commercial", "antivirus", "domestic", D(2025, 3, 18), price=180,
             ltype="网络版授权", lcount=10, usable="V10", term=until(D(2028, 3, 17)), serial=cert[0]),
        Soft("A6", "现场审计实施系统", "AO2011", "commercial", "other", "domestic", acq="alloc", ltype="单位授权",
             lcount=10, usable="AO2011", term=perp("长期"), serial="AO2011-QS-0326"),
        free("A7", "腾讯会议", "全局"),
        free("A8", "格式工厂", "办公室"),
    ]
    u = Unit("青山县审计局", "宋雅琴", "13974418260", D(2026, 11, 16), 21, 1, 5, 2, pcs, {s.sid: s for s in soft},
             numbered=False)
    clients = [p.pc for p in pcs if p.ptype != "server"]
    old = PC("投资审计股", "邱志", "QSJ-JB1", "联想", "desktop", "", D(2019, 3, 1), model="扬天M4000")
    build(u, [
        ("A4", clients, D(2023, 4, 20)),
        ("A5", [p.pc for p in pcs], D(2025, 3, 20)),
        ("A6", ["QSJ-03", "QSJ-04", "QSJ-05", "QSJ-06", "QSJ-07"], D(2023, 5, 12)),
        ("A7", ["QSJ-01", "QSJ-02", "QSJ-03", "QSJ-05", "QSJ-06"], D(2024, 5, 6)),
        ("A8", ["QSJ-01", "QSJ-02"], D(2024, 6, 3)),
    ], [("again", "A5", "QSJ-06", D(2025, 3, 21), D(2025, 9, 2), D(2025, 9, 10)),
        ("gone", "A6", old, D(2023, 5, 15), D(2024, 4, 19))])

    style = {"kinds": {"commercial": "单位采购", "alloc": "上级配发", "oem": "整机自带", "free": "网上下载"},
             "pdate": "xl_slash", "date": "cn0", "mdate": "dot0", "hdate": "cn", "term": "end_cn0", "price": "num",
             "count": "num", "dash": None, "gift_dash": "—", "acts": {"install": "新增", "uninstall": "删除"}}

    def head(bk, ws, r, part, ncol):
        """Labels in the row(s) below the title, each value two cells to the right."""
        label_value(bk, ws, r, 1, "填报单位（公章）", u.name, key=(part, "unit"), gap=2)
        label_value(bk, ws, r, 6, "报送人", u.filler, key=(part, "filler"), gap=2)
        label_value(bk, ws, r + 1, 1, "手机", u.phone, key=(part, "phone"), gap=2)
        label_value(bk, ws, r + 1, 6, "报送时间", u.filled, key=(part, "filled"), gap=2, kind="hdate")
        return r + 2

    def render(u, variant, ov, omit_free=()):
        bk = Book("青山县审计局办公室", style, variant, ov)
        # -- 软件产品台账 (summary) --
        ws = bk.sheet("软件产品台账")
        title(ws, 1, "青山县审计局正版软件产品台账", 1, 13)
        r = head(bk, ws, 2, "SH", 13)
        ws.cell(r, 1, "基本情况").alignment = MID
        ws.merge_cells(start_row=r, start_column=1, end_row=r + 1, end_column=1)
        figs = [("干部职工总数", "total", u.people_total, "人"), ("使用计算机人数", "using", len(u.users()), "人"),
                ("服务器", "servers", u.servers, "台"), ("台式计算机", "desktops", u.desktops, "台"),
                ("笔记本计算机", "laptops", u.laptops, "台")]
        for i, (lab, k, v, unit) in enumerate(figs):
            c = 2 + 2 * i
            ws.cell(r, c, lab).alignment = MID
            ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + 1)
            val = None if (variant == "derive" and k == "using") else f"{v}{unit}"
            bk.put(ws, r + 1, c, val, key=("SH", k), align=MID)
            ws.merge_cells(start_row=r + 1, start_column=c, end_row=r + 1, end_column=c + 1)
        grid(ws, r, r + 1, 1, 11)
        r += 3
        cols = [("序号", "seq"), ("软件产品", "name"), ("产品版本", "version"), ("取得方式", "kind"), ("购置日期", "purchased"),
                ("单价（元）", "price"), ("许可套数", "lcount"), ("授权方式", "ltype"), ("允许安装版本", "usable"),
                ("授权截至", "term"), ("授权证号", "serial"), ("部署数量", "installed"), ("备注", "note")]
        top = r
        r, where = header_rows(ws, r, cols, height=30)
        r, _, _ = summary_block(bk, ws, r, u, list(u.soft), cols, where)
        grid(ws, top, r - 1, 1, 13)
        span(ws, r + 1, "说明：1.取得方式填“单位采购”“上级配发”“整机自带”“网上下载”；上级配发的不填购置日期和单价，整机自带、网上下载的只填"
                        "软件产品和部署数量。2.授权截至填授权证书载明的截止日期，长期有效的填“长期”或“永久”。3.部署数量按终端部署明细表统计。",
             1, 13, height=45)
        widths(ws, [5, 24, 10, 10, 11, 10, 9, 10, 12, 14, 24, 9, 8])
        # -- 终端部署明细 (usage) --
        ws = bk.sheet("终端部署明细")
        title(ws, 1, "青山县审计局终端软件部署明细表", 1, 9)
        r = head(bk, ws, 2, "UH", 9)
        cols = [("序号", "seq"), ("使用科室", "dept"), ("责任人", "user"), ("终端编号", "pc"), ("品牌型号", "brandmodel"),
                ("软件产品", "name"), ("产品版本", "version"), ("取得方式", "kind"), ("部署时间", "date")]
        top = r + 1
        r, where = header_rows(ws, r + 1, cols)
        r, _ = usage_block(bk, ws, r, u, u.uses, cols, where)
        grid(ws, top, r - 1, 1, 9)
        widths(ws, [5, 14, 8, 9, 20, 24, 9, 9, 15])
        # -- 软件变更登记 (one flat log of all software) --
        ws = bk.sheet("软件变更登记")
        title(ws, 1, "青山县审计局软件安装变更登记表", 1, 10)
        r = head(bk, ws, 2, "MH", 10)
        cols = [("序号", "seq"), ("变更日期", "date"), ("终端编号", "pc"), ("品牌型号", "brandmodel"), ("责任人", "user"),
                ("使用科室", "dept"), ("软件产品", "name"), ("产品版本", "version"), ("变更类型", "act"), ("数量", "count")]
        top = r + 1
        r, where = header_rows(ws, r + 1, cols)
        r = event_block(bk, ws, r, u, u.flat_events(), cols, where)
        grid(ws, top, r - 1, 1, 10)
        widths(ws, [5, 11, 9, 20, 8, 14, 24, 9, 8, 6])
        # -- 免费软件 --
        ws = bk.sheet("免费软件")
        title(ws, 1, "允许使用的免费软件清单", 1, 8)
        r = head(bk, ws, 2, "FH", 8)
        cols = [("序号", "seq"), ("软件产品", "name"), ("版本", "version"), ("来源网站", "source"), ("开发单位", "maker"),
                ("服务电话", "contact"), ("使用科室", "depts"), ("用途", "reason")]
        top = r + 1
        r, where = header_rows(ws, r + 1, cols)
        r = free_block(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, top, r - 1, 1, 8)
        widths(ws, [5, 12, 8, 10, 26, 22, 10, 14])
        return bk

    def faults(u):
        ov, exp = {}, []
        # ZB111: 许可套数 typed 7 (10 bought), 8 terminals run it
        ov[("S", "A5", "lcount")] = 7
        i = over_index(u, "A5", 7)
        exp.append(expect("ZB111", [("S", "A5", "installed"), ("S", "A5", "lcount")],
                          "奇安信天擎许可套数写成 7（应为 10），部署数量 8 超过许可；变更登记按日期重放也自此超过 7 套，ZB307 可一并报出（不要求）",
                          [("ZB307", ev_keys("A5", i, ("date", "pc", "act", "name", "count")))]))
        # ZB121: the two HP laptops' preinstalled Windows 10 is a home edition (all tables agree)
        u.soft["A2"].version = "家庭中文版"
        exp.append(expect("ZB121", [("S", "A2", "name"), ("S", "A2", "version")],
                          "两台惠普笔记本整机自带的 Windows 10 是家庭中文版（各表一致）"))
        # ZB201: 责任人 left empty on one row
        ov[("U", "QSJ-05", "A7", "user")] = BLANK
        exp.append(expect("ZB201", [("U", "QSJ-05", "A7", "user")], "QSJ-05 的腾讯会议一行漏填责任人（空格不算另一个姓名，不应报 ZB206）"))
        # ZB203: brand/model copied from the row above
        ov[("U", "QSJ-04", "A4", "brandmodel")] = "联想 启天M437"
        exp.append(expect("ZB203", [("U", "QSJ-04", "A4", "brandmodel")],
                          "QSJ-04 在其他各行和变更登记中都是“惠普 ProBook 440 G9”，WPS 一行抄成了上一台的“联想 启天M437”（变更登记与多数行一致，不应另报 ZB417）"))
        # ZB205: a deployment dated after 报送时间
        ov[("U", "QSJ-02", "A8", "date")] = Raw("2026年11月26日")
        exp.append(expect("ZB205", [("U", "QSJ-02", "A8", "date")],
                          "QSJ-02 的格式工厂部署时间写成 2026年11月26日（录入当天），晚于报送时间 2026年11月16日"))
        # ZB304: a 删除 row for a terminal that never had 腾讯会议
        p = u.pcmap()["QSJ-07"]
        j = add_event(u, "A7", Ev("uninstall", "QSJ-07", D(2025, 12, 3), p.brand, p.user, p.dept, tag="ghost"))
        exp.append(expect("ZB304", [("M", "A7", "ghost", f) for f in ("pc", "act", "date", "name")],
                          "QSJ-07 从未装过腾讯会议，变更登记却有一条“删除”；重放时不改变份数，按字面 Σ新增−Σ删除 少 1，ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "A7", "installed")])]))
        # ZB410: 格式工厂 missing from the free list
        exp.append(expect("ZB410", [("S", "A8", "name"), ("S", "A8", "kind")], "格式工厂取得方式为网上下载（免费），免费软件清单中没有"))
        # ZB416: a deployment before the purchase
        ov[("U", "QSJ-07", "A5", "date")] = Raw("2025年03月12日")
        exp.append(expect("ZB416", [("U", "QSJ-07", "A5", "date")],
                          "QSJ-07 的奇安信天擎部署时间写成 2025年03月12日，早于购置日期 2025/3/18（晚于该机系统 2024年）"))
        return ov, exp, {"omit_free": ("A8",)}

    return dict(name="audit-bureau", classes=[1, 3, 4], office=u.name, unit=u, render=render, faults=faults,
                about="审计局按本局通知的字段自拟三本台账，**全都没有软件编号**（通知只列软件产品、版本）：软件产品台账用“软件产品、产品版本、"
                      "取得方式（单位采购/上级配发/整机自带/网上下载）、购置日期、单价（元）、许可套数、授权方式、允许安装版本、授权截至、授权证号、"
                      "部署数量”，没有金额合计（金额 = 单价 × 许可套数），上级配发的 WPS 和审计署配发的 AO 不填购置日期和单价（“—”），"
                      "整机自带和网上下载的各授权栏空着；终端部署明细用“使用科室、责任人、终端编号、品牌型号（品牌和型号一格）、部署时间”，"
                      "日期“2024年04月17日”；所有软件的安装删除记在一张“软件安装变更登记表”里，每行写软件产品和产品版本，变更类型“新增/删除”；"
                      "表头“填报单位（公章）”“报送人”“手机”“报送时间”各占一格，值在右边隔一格处；人员和计算机情况是一个 2×5 的格子，值带“人”“台”。")


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


# =======================================================================================
# L2  农业农村局 — summary grouped by category (操作系统类/办公类/安全防护类/业务及工具类),
#     the grand total row above the groups, 小计 and 合计 as SUM formulas with cached values,
#     采购金额 a formula over a hidden 单价 column, a hidden 验收单号 column, frozen panes, a
#     saved filter hiding the free rows, 注 lines; 填表人/联系电话/填表日期 under the tables;
#     人员/计算机 in a 2×N grid with units; usage with a hidden IP column and ☒/☐
# =======================================================================================
def agri_bureau():
    cert = certs(402, 4, "PCNY")
    k = keys(403, 2)
    pcs = [
        PC("办公室", "郑国华", "NY-01", "联想", "desktop", "N01", D(2021, 3, 10), asset="10.32.5.11"),
        PC("办公室", "彭丽", "NY-02", "联想", "desktop", "N01", D(2021, 3, 10), asset="10.32.5.12"),
        PC("农业科", "覃志勇", "NY-03", "联想", "desktop", "N01", D(2021, 3, 11), asset="10.32.5.21"),
        PC("农业科", "覃志勇", "NY-04", "戴尔", "laptop", "N02", D(2024, 9, 2), asset="10.32.5.22"),
        PC("畜牧兽医科", "石海燕", "NY-05", "长城", "desktop", "N03", D(2025, 6, 20), asset="10.32.5.31"),
        PC("畜牧兽医科", "龙飞", "NY-06", "长城", "desktop", "N03", D(2025, 6, 20), asset="10.32.5.32"),
        PC("农村经营管理科", "向红梅", "NY-07", "联想", "desktop", "N01", D(2021, 3, 12), asset="10.32.5.41"),
        PC("农村经营管理科", "粟明", "NY-08", "戴尔", "laptop", "N02", D(2024, 9, 3), asset="10.32.5.42"),
        PC("办公室", "郑国华", "NY-FW", "华为", "server", "N04", D(2023, 8, 15), asset="10.32.5.2"),
    ]
    soft = [
        Soft("N01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("N02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("N03", "统信UOS桌面操作系统", "V20 专业版", "commercial", "os", "domestic", D(2025, 6, 10), price=800,
             ltype="批量授权", lcount=3, usable="V20专业版", term=perp(), serial=cert[0]),
        Soft("N04", "Windows Server 2022", "标准版", "commercial", "os", "foreign", D(2023, 8, 10), price=7200,
             ltype="单机授权", lcount=1, usable="2022标准版", term=perp(), serial=k[0]),
        Soft("N05", "WPS Office 2023", "专业版", "commercial", "office", "domestic", D(2026, 3, 20), price=560,
             ltype="批量授权", lcount=10, usable="2023专业版、2019专业版", term=perp(), serial=cert[1]),
        Soft("N06", "火绒终端安全管理系统", "V2.0", "commercial", "antivirus", "domestic", D(2026, 4, 8), price=90,
             ltype="网络版授权", lcount=12, usable="V2.0", term=rng(D(2026, 4, 8), D(2029, 4, 7)), serial=cert[2]),
        Soft("N07", "AutoCAD", "2024", "commercial", "other", "foreign", D(2024, 11, 5), price=9800,
             ltype="订阅授权", lcount=1, usable="2024、2023", term=yrs(3), serial=k[1]),
        free("N08", "Google Earth Pro", "农业科"),
        free("N09", "PotPlayer", "办公室、农村经营管理科"),
    ]
    u = Unit("平川县农业农村局", "彭丽", "0745-6221835", D(2026, 11, 20), 56, 1, 6, 2, pcs, {s.sid: s for s in soft},
             head=("办公室", "郑国华", "0745-6221801", "0745-6221800"))
    build(u, [
        ("N05", [p.pc for p in pcs if p.ptype != "server"], D(2026, 3, 23)),
        ("N06", [p.pc for p in pcs], D(2026, 4, 10)),
        ("N07", ["NY-03"], D(2025, 5, 7)),
        ("N08", ["NY-03", "NY-04"], D(2024, 10, 10)),
        ("N09", ["NY-01", "NY-07"], D(2022, 5, 16)),
    ], [("again", "N05", "NY-02", D(2026, 3, 23), D(2026, 7, 1), D(2026, 7, 3)),
        ("gone", "N07", "NY-07", D(2024, 11, 7), D(2025, 5, 6))])
    groups = [("一、操作系统类", ["N01", "N02", "N03", "N04"]), ("二、办公类", ["N05"]), ("三、安全防护类", ["N06"]),
              ("四、业务及工具类", ["N07", "N08", "N09"])]
    style = {"kinds": NATIONAL_KINDS, "pdate": "xl_cn", "date": "xl", "mdate": "xl_cn", "hdate": "xl_cn", "term": "cn",
             "money": "num", "price": "num", "count": "num", "dash": "—", "boxes": ("☒", "☐"), "amount_formula": True,
             "mfver": "—", "ufver": None, "udash": "—"}
    acceptance = {"N03": "YS-2025-061", "N04": "YS-2023-044", "N05": "YS-2026-017", "N06": "YS-2026-023", "N07": "YS-2024-109"}

    def render(u, variant, ov, omit_free=()):
        bk = Book("平川县农业农村局办公室", style, variant, ov)
        # -- 汇总 --
        ws = bk.sheet("汇总")
        title(ws, 1, "平川县农业农村局软件使用情况汇总表", 1, 15)
        bk.put(ws, 2, 1, f"单位名称（盖章）：{u.name}", key=("SH", "unit"))
        ws.merge_cells("A2:F2")
        ws["A3"], ws["D3"] = "人员情况", "计算机情况"
        ws.merge_cells("A3:A4")
        ws.merge_cells("D3:D4")
        figs = [(2, "总人数", "total", u.people_total, "人"), (3, "使用计算机人数", "using", len(u.users()), "人"),
                (5, "服务器数", "servers", u.servers, "台"), (6, "台式机数", "desktops", u.desktops, "台"),
                (7, "便携机数", "laptops", u.laptops, "台")]
        for c, lab, kk, v, unit in figs:
            ws.cell(3, c, lab).alignment = MID
            bk.put(ws, 4, c, None if (variant == "derive" and kk == "using") else f"{v}{unit}", key=("SH", kk), align=MID)
        for c in (1, 4):
            ws.cell(3, c).alignment = MID
        grid(ws, 3, 4, 1, 7)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                ("采购时间", "purchased"), ("单价（元）", "price"), ("采购金额（元）", "amount"), ("许可类型", "ltype"),
                ("许可数量", "lcount"), ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"),
                ("安装数量", "installed"), ("验收单号", "accept")]
        r, where = header_rows(ws, 6, cols, height=32, fill=GREY)
        cols_w = [c for c in cols if c[1] != "accept"]
        r, rows = grouped_summary(bk, ws, r, u, groups, cols_w, where, fig_fields=("amount", "installed"),
                                  label_col=where["name"], hide=lambda s: s.kind == "free")
        for sid, rr in rows.items():
            ws.cell(rr, where["accept"], acceptance.get(sid))
        last = r - 1
        grid(ws, 6, last, 1, 15)
        ws.column_dimensions["G"].hidden = True
        ws.column_dimensions["O"].hidden = True
        ws.freeze_panes = "D7"
        ws.auto_filter.ref = f"A6:O{last}"
        ws.auto_filter.add_filter_column(where["kind"] - 1, ["商业软件", "OEM软件"], blank=True)
        notes = ["注：1．本表按软件类别分组，“小计”“合计”由公式自动计算，请勿手工改写；",
                 "　　2．采购金额 = 单价 × 许可数量（单价列已隐藏）；OEM软件、免费软件的采购与许可各栏填“—”；",
                 "　　3．本表已按软件类型筛选，免费软件各行暂被隐藏，打印前请取消筛选。"]
        r += 1
        for t in notes:
            span(ws, r, t, 1, 15)
            r += 1
        r += 1
        bottom_head(bk, ws, r, "SH", u, u.filled, cols=(2, 5, 9))
        widths(ws, [5, 8, 24, 12, 10, 13, 9, 11, 11, 8, 14, 26, 24, 8, 12])
        # -- 明细 --
        ws = bk.sheet("明细")
        title(ws, 1, "平川县农业农村局软件使用情况明细表", 1, 14)
        bk.put(ws, 2, 1, f"单位名称（盖章）：{u.name}", key=("UH", "unit"))
        ws.merge_cells("A2:F2")
        cols = [("序号", "seq"), ("所在科室", "dept"), ("使用人员", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                ("IP地址", "asset"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
                ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"),
                ("免费软件", "kind:free", "软件类型"), ("安装日期", "date")]
        r, where = header_rows(ws, 3, cols, fill=GREY)
        r, _ = usage_block(bk, ws, r, u, u.uses, cols, where)
        grid(ws, 3, r - 1, 1, 14)
        ws.column_dimensions["F"].hidden = True
        ws.freeze_panes = "A5"
        bottom_head(bk, ws, r + 1, "UH", u, u.filled, cols=(2, 5, 9))
        widths(ws, [5, 14, 8, 10, 9, 11, 8, 24, 12, 26, 6, 6, 6, 12])
        # -- 维护 (one national log per sheet) --
        for sid, s in u.soft.items():
            ws = bk.sheet(f"维护-{sid}")
            title(ws, 1, "软件安装维护情况明细表", 1, 10, size=14)
            span(ws, 2, f"单位名称：{u.name}{FW * 2}填表人：{u.filler}{FW * 2}联系电话：{u.phone}", 1, 10)
            bk.note(("MH", sid), ws, 2, 1)
            ws["A3"] = "一、软件基本信息"
            ws["A3"].font = BOLD
            p1 = [("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("商业软件", "kind:commercial", "软件类型"),
                  ("OEM软件", "kind:oem", "软件类型"), ("免费软件", "kind:free", "软件类型"), ("许可数量", "lcount"),
                  ("可使用版本", "usable"), ("许可期限", "term")]
            r, w1 = header_rows(ws, 4, p1)
            vals = part1_values(bk, s)
            for text, f, *_ in p1:
                if f.startswith("kind:"):
                    ws.cell(r, w1[f], "☒" if f[5:] == s.kind else "☐").alignment = MID
                    bk.note(("M1", sid, "kind"), ws, r, w1[f])
                else:
                    v, kind = vals[f]
                    bk.put(ws, r, w1[f], v, key=("M1", sid, f), kind=kind, align=MID, purchased=s.purchased)
            grid(ws, 4, r, 1, 9)
            r += 1
            ws.cell(r, 1, "二、软件安装卸载明细").font = BOLD
            cols = [("序号", "seq"), ("安装", "act:install"), ("卸载", "act:uninstall"), ("计算机编号", "pc"),
                    ("计算机品牌", "brand"), ("使用人", "user"), ("使用部门", "dept"), ("安装/卸载版本", "version"),
                    ("安装/卸载日期", "date"), ("安装数量", "count")]
            top = r + 1
            r, where = header_rows(ws, r + 1, cols)
            r = event_block(bk, ws, r, u, log_rows(u, sid), cols, where)
            grid(ws, top, r - 1, 1, 10)
            widths(ws, [6, 6, 6, 11, 10, 8, 14, 12, 15, 8])
        # -- 免费软件 --
        ws = bk.sheet("免费软件")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        bk.put(ws, 2, 1, f"单位名称（盖章）：{u.name}")
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_block(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, 3, r - 1, 1, 9)
        bottom_head(bk, ws, r + 1, "FH", u, u.filled, cols=(2, 5, 8))
        widths(ws, [5, 8, 16, 9, 9, 24, 26, 18, 14])
        # -- 统计表 --
        if variant != "derive":
            ws = bk.sheet("统计表")
            stats_table(bk, ws, 1, u, statistics(u), title_text=f"软件正版化工作信息统计表（{YEAR}年度）",
                        head_cells=[(1, f"填报单位：{u.name}"), (4, f"填表人：{u.filler}"), (6, f"联系电话：{u.phone}"),
                                    (8, f"填报日期：{dtext(u.filled)}")])
            widths(ws, [10, 10, 10, 10, 10, 10, 10, 10, 10])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("S", "N08", "kind")] = "其他"
        exp.append(expect("ZB101", [("S", "N08", "kind")],
                          "Google Earth Pro 的软件类型写成“其他”，不是三类之一（该行在筛选中被隐藏，仍是数据）；类型不明，不应再报依类型的规则"))
        ov[("S", "N02", "purchased")] = D(2024, 8, 28)
        exp.append(expect("ZB107", [("S", "N02", "purchased")], "OEM 的 Windows 11 一行填了采购时间 2024年8月28日（购机日期）"))
        u.soft["N07"].purchased = D(2023, 11, 5)
        exp.append(expect("ZB112", [("S", "N07", "term"), ("S", "N07", "installed")],
                          "AutoCAD 订阅 2023年11月5日 购入、许可期限 3年，2026年11月4日 已到期，仍装 1 台（各表一致，安装都在到期前）"))
        ov[("U", "NY-07", "N09", "date")] = D(2020, 5, 18)
        exp.append(expect("ZB209", [("U", "NY-07", "N09", "date")],
                          "NY-07 的 PotPlayer 安装日期误写为 2020-05-18（应为 2022 年），早于该机系统 2021-03-12"))
        ov[("M1", "N05", "lcount")] = 12
        exp.append(expect("ZB303", [("M1", "N05", "lcount")], "WPS 维护表软件基本信息的许可数量写成 12，汇总表为 10"))
        ov[("S", "N06", "installed")] = 8
        exp.append(expect("ZB405", [("S", "N06", "installed")],
                          "火绒安装数量填 8（小计、合计公式随之），明细表中 N06 有 9 行；与维护表重放也不符，ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "N06", "installed")])]))
        ov[("SH", "using")] = "8人"
        exp.append(expect("ZB409", [("SH", "using")], "使用计算机人数填 8人，明细表中不同使用人员 7 个"))
        ov[("T", "purchases", "domestic", "office", "amount")] = 5600
        exp.append(expect("ZB414", [("T", "purchases", "domestic", "office", "amount")],
                          "四、国内办公软件金额填 5600（按元填了），按台账应为 0.56 万元"))
        return ov, exp, {}

    return dict(name="agri-bureau", classes=[2, 4], office=u.name, unit=u, render=render, faults=faults,
                about="农业农村局：汇总表按软件类别分组（一、操作系统类 / 二、办公类 / 三、安全防护类 / 四、业务及工具类，各组标题行），"
                      "组内商业、OEM、免费混排，各组“小计”，**“合  计”行在表头下、各组之上**；小计、合计是 SUM 公式（带缓存值），"
                      "采购金额是“=单价×许可数量”公式，单价列（G）和验收单号列（O）隐藏；冻结窗格；保存时按软件类型筛选，免费软件各行被隐藏（仍是数据）；"
                      "三行“注”；填表人、联系电话、填表日期写在表格下方（标签格+值格），表头只有单位名称；人员/计算机情况是 2×N 格子，值带“人”“台”；"
                      "明细表隐藏了 IP地址 列、冻结表头，软件类型 ☒/☐；每个编号一张全国式维护表；信息统计表。")


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
# L3  人民检察院 — a cover and a 填表说明 sheet; the usage ledger kept as one 计算机软件安装登记卡
#     per computer (a sheet each, named by 终端编号, with its own 登记人/登记日期 and the
#     computer's 终端编号/品牌/使用人/部门 as label cells above the software rows), ☒/☐;
#     summary with 人员/计算机 as label and value cells ("64人") and 填表人/联系电话/填表日期
#     under the table; national logs; a 计算机硬件资产登记表 that is no ledger
# =======================================================================================
def procuratorate():
    cert = certs(503, 4, "DTJC")
    pcs = [
        PC("办公室", "许志刚", "DT-01", "联想", "desktop", "J01", D(2021, 5, 11), asset="DTJC-ZC-0101", model="启天M428"),
        PC("办公室", "周敏", "DT-02", "联想", "desktop", "J01", D(2021, 5, 11), asset="DTJC-ZC-0102", model="启天M428"),
        PC("第一检察部", "陆海", "DT-03", "联想", "desktop", "J01", D(2021, 5, 12), asset="DTJC-ZC-0103", model="启天M428"),
        PC("第一检察部", "曹静", "DT-04", "清华同方", "desktop", "J02", D(2025, 9, 15), asset="DTJC-ZC-0511", model="超翔Z8000"),
        PC("第二检察部", "严斌", "DT-05", "清华同方", "desktop", "J02", D(2025, 9, 15), asset="DTJC-ZC-0512", model="超翔Z8000"),
        PC("第二检察部", "唐晓", "DT-06", "联想", "laptop", "J03", D(2024, 3, 5), asset="DTJC-ZC-0406", model="昭阳K4e"),
        PC("检察技术信息科", "范伟", "DT-07", "联想", "desktop", "J01", D(2021, 5, 12), asset="DTJC-ZC-0104", model="启天M428"),
        PC("检察技术信息科", "范伟", "DT-FW", "华为", "server", "J04", D(2020, 12, 1), asset="DTJC-ZC-0021", model="RH2288H V5"),
    ]
    soft = [
        Soft("J01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("J02", "银河麒麟桌面操作系统", "V10 专业版", "commercial", "os", "domestic", D(2025, 9, 8), price=900,
             ltype="批量授权", lcount=3, usable="V10专业版", term=perp(), serial=cert[0]),
        Soft("J03", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("J04", "Windows Server 2019", "数据中心版", "commercial", "os", "foreign", D(2020, 11, 20), price=38000,
             ltype="单机授权", lcount=1, usable="2019数据中心版", term=perp(), serial=keys(504, 1)[0]),
        Soft("J05", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2023, 6, 12), price=650,
             ltype="批量授权", lcount=8, usable="2019专业版", term=perp(), serial=cert[1]),
        Soft("J06", "瑞星ESM防病毒终端安全防护系统", "V3.0", "commercial", "antivirus", "domestic", D(2024, 10, 15), price=120,
             ltype="网络版授权", lcount=10, usable="V3.0", term=rng(D(2024, 10, 15), D(2027, 10, 14)), serial=cert[2]),
        Soft("J07", "Adobe Acrobat Pro 2020", "2020", "commercial", "other", "foreign", D(2023, 3, 9), price=3600,
             ltype="单机授权", lcount=2, usable="2020", term=perp(), serial=cert[3]),
        free("J08", "7-Zip", "办公室、检察技术信息科"),
        free("J09", "Everything", "检察技术信息科"),
    ]
    card_day = {"DT-01": D(2026, 11, 18), "DT-02": D(2026, 11, 18), "DT-03": D(2026, 11, 18), "DT-04": D(2026, 11, 19),
                "DT-05": D(2026, 11, 19), "DT-06": D(2026, 11, 19), "DT-07": D(2026, 11, 20), "DT-FW": D(2026, 11, 20)}
    u = Unit("东台县人民检察院", "范伟", "0515-85221647", D(2026, 11, 23), 64, 1, 6, 1, pcs, {s.sid: s for s in soft},
             own_dates=dict(card_day))
    clients = [p.pc for p in pcs if p.ptype != "server"]
    scrapped = PC("第二检察部", "唐晓", "DT-NB0", "联想", "laptop", "", D(2019, 6, 1))
    build(u, [
        ("J05", clients, D(2023, 6, 15)),
        ("J06", [p.pc for p in pcs], D(2024, 10, 17)),
        ("J07", ["DT-01", "DT-03"], D(2023, 3, 13)),
        ("J08", ["DT-01", "DT-02", "DT-07"], D(2022, 4, 6)),
        ("J09", ["DT-07", "DT-FW"], D(2022, 4, 8)),
    ], [("gone", "J06", scrapped, D(2024, 10, 17), D(2025, 3, 1)),
        ("again", "J05", "DT-02", D(2023, 6, 16), D(2025, 8, 1), D(2025, 8, 2))])
    style = {"kinds": NATIONAL_KINDS, "pdate": "xl", "date": "xl", "mdate": "xl_cn", "hdate": "cn", "term": "dot",
             "money": "num", "count": "num", "dash": "—", "boxes": ("☒", "☐"), "mfver": "—", "ufver": None, "udash": "—"}

    def render(u, variant, ov):
        bk = Book("东台县人民检察院检察技术信息科", style, variant, ov)
        # -- 封面 --
        ws = bk.sheet("封面")
        for r, text, size in ((4, u.name, 24), (7, "软件正版化工作台账", 28), (9, f"（{YEAR}年度）", 18),
                              (16, "编制部门：检察技术信息科", 14), (17, f"编制日期：{YEAR}年11月", 14)):
            title(ws, r, text, 1, 8, size=size, height=36)
        widths(ws, [12] * 8)
        # -- 填表说明 --
        ws = bk.sheet("填表说明")
        lines = ["填表说明",
                 "一、本台账由《软件使用情况汇总表》、《计算机软件安装登记卡》（每台计算机一张，表名为终端编号）和《软件安装维护情况明细表》"
                 "（每个软件编号一张）组成，另附《可使用免费软件清单》。",
                 "二、软件编号按“J＋两位序号”编制，同一采购批次使用同一编号；OEM软件和免费软件的采购、许可各栏填“—”。",
                 "三、软件类型在对应栏内打“☒”，其余栏为“☐”。",
                 "四、登记卡上方的登记日期为该卡最近一次与计算机核对的日期，卡上软件的安装日期不应晚于该日期。",
                 "五、《计算机硬件资产登记表》摘自固定资产账，供核对终端编号，不属于软件台账。"]
        for i, t in enumerate(lines, 1):
            span(ws, i, t, 1, 10, height=34 if i > 1 else 24).font = BOLD if i == 1 else Font()
        widths(ws, [10] * 10)
        # -- 汇总台账 --
        ws = bk.sheet("汇总台账")
        title(ws, 1, "东台县人民检察院软件使用情况汇总表", 1, 14)
        bk.put(ws, 2, 1, f"单位名称（盖章）：{u.name}", key=("SH", "unit"))
        ws.merge_cells("A2:F2")
        figs = [("总人数", "total", u.people_total, "人"), ("使用计算机人数", "using", len(u.users()), "人"),
                ("服务器", "servers", u.servers, "台"), ("台式机", "desktops", u.desktops, "台"), ("便携机", "laptops", u.laptops, "台")]
        for i, (lab, kk, v, unit) in enumerate(figs):
            c = 1 + 2 * i
            ws.cell(3, c, lab).font = BOLD
            bk.put(ws, 3, c + 1, None if (variant == "derive" and kk == "using") else f"{v}{unit}", key=("SH", kk))
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                ("采购时间", "purchased"), ("采购金额（元）", "amount"), ("许可类型", "ltype"), ("许可数量", "lcount"),
                ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("安装数量", "installed"), ("备注", "note")]
        r, where = header_rows(ws, 5, cols, height=30)
        order = [s for s in u.soft if u.soft[s].kind == "commercial"] + [s for s in u.soft if u.soft[s].kind == "oem"] + \
                [s for s in u.soft if u.soft[s].kind == "free"]
        r, _, _ = summary_block(bk, ws, r, u, order, cols, where)
        grid(ws, 5, r - 1, 1, 14)
        r += 1
        bottom_head(bk, ws, r, "SH", u, u.filled, cols=(1, 5, 10))
        ws.cell(r + 2, 1, "审核人：")
        ws.cell(r + 2, 5, "单位负责人：")
        ws.cell(r + 2, 10, "年　　月　　日")
        widths(ws, [8, 13, 26, 12, 10, 12, 12, 11, 8, 14, 24, 26, 8, 8])
        # -- 登记卡: one sheet per computer --
        pm = u.pcmap()
        for p in u.pcs:
            ws = bk.sheet(p.pc)
            title(ws, 1, "计算机软件安装登记卡", 1, 10, size=14)
            for c, lab, v, kk, kind in ((1, "单位名称", u.name, "unit", "text"), (5, "登记人", u.filler, "filler", "text"),
                                        (7, "联系电话", u.phone, "phone", "text"), (9, "登记日期", card_day[p.pc], "filled", "date")):
                ws.cell(2, c, lab).font = BOLD
                bk.put(ws, 2, c + 1, v, key=("CH", p.pc, kk), kind=kind, fmt='yyyy"年"m"月"d"日"' if kind == "date" else None)
            ws.merge_cells("B2:D2")
            for c, lab, f in ((1, "终端编号", "pc"), (3, "计算机品牌", "brand"), (5, "使用人", "user"), (7, "所在部门", "dept")):
                ws.cell(3, c, lab).font = BOLD
                bk.put(ws, 3, c + 1, getattr(p, f), key=("UC", p.pc, f))
            ws.merge_cells("H3:J3")
            grid(ws, 2, 3, 1, 10)
            cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
                    ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"),
                    ("免费软件", "kind:free", "软件类型"), ("安装日期", "date"), ("备注", "note")]
            r, where = header_rows(ws, 4, cols)
            r, _ = usage_block(bk, ws, r, u, u.uses_on(p.pc), cols, where)
            grid(ws, 4, r - 1, 1, 10)
            widths(ws, [9, 9, 26, 12, 22, 8, 8, 8, 12, 9])
        # -- 维护 --
        def head(bk, ws, r, sid):
            for c, lab, v in ((1, "单位名称", u.name), (4, "填表人", u.filler), (7, "联系电话", u.phone)):
                ws.cell(r, c, lab).font = BOLD
                bk.put(ws, r, c + 1, v, key=("MH", sid, lab))
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
            return r + 1
        for sid in u.soft:
            ws = bk.sheet(f"维护{sid}")
            national_log(bk, ws, u, sid, head=head)
        # -- 免费软件清单 --
        ws = bk.sheet("免费软件清单")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        span(ws, 2, f"单位名称（盖章）：{u.name}{FW * 2}填表人：{u.filler}{FW * 2}联系电话：{u.phone}{FW * 2}填表日期：{dtext(u.filled)}", 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_block(bk, ws, r, u, cols, where)
        grid(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 8, 14, 8, 9, 26, 26, 20, 14])
        # -- 硬件资产 (no ledger) --
        ws = bk.sheet("硬件资产")
        title(ws, 1, "东台县人民检察院计算机硬件资产登记表", 1, 11)
        ws["A2"] = f"资产管理部门：办公室{FW * 2}摘录日期：2026年11月10日"
        cols = ["序号", "资产编号", "设备名称", "品牌", "型号", "出厂序列号", "使用人", "使用部门", "启用日期", "原值（元）", "存放地点"]
        for c, h in enumerate(cols, 1):
            ws.cell(3, c, h).font = BOLD
            ws.cell(3, c).alignment = MID
        rnd = random.Random(505)
        items = [(p.asset, {"desktop": "台式计算机", "laptop": "笔记本电脑", "server": "服务器"}[p.ptype], p.brand, p.model,
                  p.user, p.dept, p.os_date, {"desktop": 4980, "laptop": 6200, "server": 46800}[p.ptype]) for p in u.pcs]
        items += [("DTJC-ZC-0301", "激光打印机", "惠普", "LaserJet M405", "周敏", "办公室", D(2022, 3, 2), 2150),
                  ("DTJC-ZC-0302", "扫描仪", "富士通", "fi-7160", "陆海", "第一检察部", D(2023, 7, 20), 6800)]
        for i, (asset, kind, brand, model, user, dept, day, cost) in enumerate(items, 1):
            sn = "".join(rnd.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(10))
            for c, v in enumerate((i, asset, kind, brand, model, sn, user, dept, day, cost, "机关办公楼"), 1):
                cell = ws.cell(3 + i, c, v)
                if isinstance(v, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        grid(ws, 3, 3 + len(items), 1, 11)
        widths(ws, [5, 14, 11, 9, 14, 13, 8, 14, 11, 10, 11])
        return bk

    def faults(u):
        ov, exp = {}, []
        u.soft["J07"].serial = u.soft["J05"].serial
        exp.append(expect("ZB124", [("S", "J07", "serial")], "Acrobat Pro 的序列号抄成了 WPS 的序列号"))
        ov[("U", "DT-02", "J08", "kind")] = ("☒", "☐", "☒")
        exp.append(expect("ZB202", [("U", "DT-02", "J08", "kind")],
                          "DT-02 登记卡上 7-Zip 一行商业软件、免费软件两栏都打了 ☒；类型不明，不应再报 ZB404"))
        ov[("U", "DT-03", "J07", "date")] = D(2026, 11, 21)
        exp.append(expect("ZB205", [("U", "DT-03", "J07", "date")],
                          "DT-03 登记卡登记日期 2026年11月18日，Acrobat 一行安装日期写成 2026-11-21（录入日），晚于该卡的登记日期"))
        i = ev_index(u, "J06", lambda e: e.pc == "DT-05")
        ov[("M", "J06", i, "user")] = BLANK
        exp.append(expect("ZB302", [("M", "J06", i, "user")], "瑞星维护表中 DT-05 的安装一行漏填使用人"))
        ov[("U", "DT-06", "J05", "version")] = "2016 专业版"
        exp.append(expect("ZB404", [("U", "DT-06", "J05", "version")], "DT-06 登记卡上 WPS 的版本写成“2016 专业版”，汇总表为“专业版”（2019）"))
        j = ev_index(u, "J08", lambda e: e.pc == "DT-07")
        ov[("M", "J08", j, "pc")] = "DT-70"
        exp.append(expect("ZB407", [("M", "J08", j, "pc")],
                          "7-Zip 维护表中 DT-07 的安装一行计算机编号写成 DT-70：重放得 DT-70（登记卡没有），缺 DT-07（登记卡有）；另一台的 ZB407 可一并报出",
                          [("ZB407", [("UC", "DT-07", "pc"), ("U", "DT-07", "J08", "sid"), ("U", "DT-07", "J08", "name")])]))
        j = ev_index(u, "J01", lambda e: e.pc == "DT-02")
        ov[("M", "J01", j, "brand")] = "戴尔"
        exp.append(expect("ZB417", [("M", "J01", j, "brand")], "Windows 10 维护表中 DT-02 的品牌写成戴尔，登记卡为联想"))
        ov[("U", "DT-05", "J06", "sid")] = "JO6"
        exp.append(expect("ZB403", [("U", "DT-05", "J06", "sid")],
                          "DT-05 登记卡上瑞星的软件编号写成 JO6（字母 O）；名称、版本与 J06 相同，按名称计入 J06，不另报 ZB405"))
        return ov, exp, {}

    return dict(name="procuratorate", classes=[3, 4], office=u.name, unit=u, render=render, faults=faults,
                about="人民检察院：第一张“封面”（单位、台账名称、年度、编制部门）、第二张“填表说明”（文字，提到各表名称），都不是台账；"
                      "汇总表为全国式列，人员/计算机情况是一行标签格与值格（“64人”“6台”），**填表人、联系电话、填表日期写在表格下方**，"
                      "其下还有审核人/单位负责人签字行；**明细表按计算机分卡：每台计算机一张“计算机软件安装登记卡”（表名即终端编号 DT-01…），"
                      "卡头是单位名称/登记人/联系电话/登记日期和终端编号/计算机品牌/使用人/所在部门的标签格，下面只列软件各行**，"
                      "各卡登记日期不同；软件类型 ☒/☐；每个编号一张全国式维护表（表头标签格与值格）；最后一张“计算机硬件资产登记表”"
                      "（资产编号、品牌、型号、使用人、使用部门、启用日期、原值，含打印机和扫描仪）摘自资产账，不是台账。")


# =======================================================================================
# L4  中心小学 — the school's own words (登记号, 来源方式 学校自购·整机预装·免费下载, 购入日期
#     "2021年09月10日", 采购单价 and 采购数量 with no total, 授权到期, 注册码, 在用台数 as a COUNTIF
#     formula over the usage sheet with cached values); a retired antivirus kept in a hidden
#     row (data: 0 in use); a spacer row; frozen panes; a hidden 存放位置 column; the header
#     pairs in one cell on separate lines, the figures in one cell separated by "；"; usage
#     boxes "1"/blank; one flat 装卸登记簿 (装/卸) for all software; a purchase plan with formulas
# =======================================================================================
def central_school():
    cert = certs(604, 5, "TYXX")
    pcs = [
        PC("教务处", "覃春燕", "TY-JW-01", "联想", "desktop", "X01", D(2020, 8, 25)),
        PC("教务处", "覃春燕", "TY-JW-02", "联想", "laptop", "X02", D(2024, 8, 20)),
        PC("德育处", "黎明", "TY-DY-01", "联想", "desktop", "X01", D(2020, 8, 25)),
        PC("语文教研组", "杨柳", "TY-YW-01", "同方", "desktop", "X01", D(2020, 8, 26)),
        PC("数学教研组", "龙建华", "TY-SX-01", "同方", "desktop", "X01", D(2020, 8, 26)),
        PC("英语教研组", "欧阳倩", "TY-YY-01", "联想", "desktop", "X01", D(2020, 8, 27)),
        PC("综合教研组", "田野", "TY-ZH-01", "联想", "desktop", "X01", D(2020, 8, 27)),
        PC("电教室", "彭博", "TY-DJ-01", "联想", "desktop", "X01", D(2020, 8, 28)),
        PC("电教室", "彭博", "TY-DJ-02", "联想", "laptop", "X02", D(2024, 8, 21)),
    ]
    soft = [
        Soft("X01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("X02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("X03", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2021, 9, 10), price=380,
             ltype="批量授权", lcount=10, usable="2019专业版", term=perp(), serial=cert[0]),
        Soft("X04", "360终端安全防护系统", "V10", "commercial", "antivirus", "domestic", D(2024, 8, 26), price=60,
             ltype="网络版授权", lcount=10, usable="V10", term=yrs(3), serial=cert[1]),
        Soft("X05", "金山毒霸企业版", "V9", "commercial", "antivirus", "domestic", D(2021, 9, 1), price=50,
             ltype="网络版授权", lcount=8, usable="V9", term=rng(D(2021, 9, 1), D(2024, 8, 31)), serial=cert[2]),
        Soft("X06", "Adobe Photoshop 2022", "2022", "commercial", "other", "foreign", D(2022, 3, 15), price=2600,
             ltype="单机授权", lcount=1, usable="2022", term=perp(), serial=cert[3]),
        Soft("X07", "极域电子教室", "V6 2016豪华版", "commercial", "other", "domestic", D(2023, 3, 6), price=750,
             ltype="单机授权", lcount=2, usable="V6", term=perp(), serial=cert[4]),
        free("X08", "希沃白板", "各教研组"),
        free("X09", "7-Zip", "教务处、德育处、电教室"),
    ]
    u = Unit("桃源镇中心小学", "覃春燕", "0736-5512078", D(2026, 11, 26), 48, 0, 7, 2, pcs, {s.sid: s for s in soft},
             plan=[("WPS Office 2023", "专业版", 420, 4, "新进教师用机"), ("360终端安全防护系统", "V10", 60, 2, "授权扩容"),
                   ("Adobe Photoshop 2023", "2023", 2800, 1, "美术组")], plan_date=D(2026, 11, 26))
    everyone = [p.pc for p in pcs]
    old_desks = ["TY-JW-01", "TY-DY-01", "TY-YW-01", "TY-SX-01", "TY-YY-01", "TY-ZH-01", "TY-DJ-01"]
    build(u, [
        ("X03", everyone, D(2021, 9, 13)),
        ("X04", everyone, D(2024, 8, 28)),
        ("X06", ["TY-DJ-01"], D(2022, 3, 18)),
        ("X07", ["TY-DJ-01", "TY-DJ-02"], D(2023, 3, 8)),
        ("X08", ["TY-JW-01", "TY-YW-01", "TY-SX-01", "TY-YY-01", "TY-ZH-01"], D(2022, 9, 1)),
        ("X09", ["TY-JW-01", "TY-DY-01", "TY-DJ-01"], D(2021, 10, 11)),
    ], [("gone", "X05", pc, D(2021, 9, 6), D(2024, 8, 27)) for pc in old_desks] +
       [("again", "X03", "TY-SX-01", D(2021, 9, 14), D(2023, 2, 20), D(2023, 2, 21))])
    style = {"kinds": {"commercial": "学校自购", "oem": "整机预装", "free": "免费下载"}, "pdate": "cn0", "date": "cn0",
             "mdate": "dot0", "term": "end_cn0", "price": "num", "count": "num", "dash": "/", "ufver": None,
             "udash": "/", "uboxes": ("1", None), "acts": {"install": "装", "uninstall": "卸"}}
    kept = {"X03": "电教室资料柜", "X04": "电教室资料柜", "X05": "电教室资料柜", "X06": "电教室", "X07": "电教室"}

    def head_text(filled=True):
        lines = [f"填报学校：{u.name}", f"填 报 人：{u.filler}", f"联系电话：{u.phone}"]
        if filled:
            lines.append(f"填报日期：{dtext(u.filled, 'cn0')}")
        return "\n".join(lines)

    def render(u, variant, ov, omit_free=()):
        bk = Book("桃源镇中心小学总务处", style, variant, ov)
        # -- 软件资产登记 (summary) --
        ws = bk.sheet("软件资产登记")
        title(ws, 1, "桃源镇中心小学正版软件资产登记表", 1, 15)
        span(ws, 2, bk.take(("SH", "head"), head_text())[0], 1, 6, height=66)
        bk.note(("SH", "head"), ws, 2, 1)
        using = "" if variant == "derive" else len(u.users())
        using = bk.take(("SH", "using"), using)[0]
        figs = (f"教职工总数：{u.people_total}人；使用计算机人数：{using}人；服务器：{u.servers}台；"
                f"台式电脑：{u.desktops}台；笔记本电脑：{u.laptops}台")
        span(ws, 2, figs, 7, 15)
        bk.note(("SH", "using"), ws, 2, 7)
        cols = [("序号", "seq"), ("登记号", "sid"), ("软件名称", "name"), ("版本", "version"), ("来源方式", "kind"),
                ("购入日期", "purchased"), ("采购单价（元）", "price"), ("采购数量", "lcount"), ("授权类别", "ltype"),
                ("授权版本范围", "usable"), ("授权到期", "term"), ("注册码", "serial"), ("在用台数", "installed"),
                ("存放位置", "kept"), ("备注", "note")]
        r, where = header_rows(ws, 4, cols, height=30)
        com = [s for s in u.soft if u.soft[s].kind == "commercial"]
        rest = [s for s in u.soft if u.soft[s].kind != "commercial"]
        cols_w = [c for c in cols if c[1] != "kept"]
        r, seq, rows = summary_block(bk, ws, r, u, com, cols_w, where, hide=lambda s: s.sid == "X05")
        r += 1  # spacer row
        r, seq, rows2 = summary_block(bk, ws, r, u, rest, cols_w, where, seq0=seq)
        rows.update(rows2)
        for sid, rr in rows.items():
            if sid in kept:
                ws.cell(rr, where["kept"], kept[sid])
            if sid == "X05":
                ws.cell(rr, where["note"], "2024年8月停用")
            if variant != "derive" and ("S", sid, "installed") not in ov:
                bk.formula(ws, rr, where["installed"], f"COUNTIF(使用登记!$F:$F,B{rr})", u.installed(sid))
        grid(ws, 4, r - 1, 1, 15)
        ws.column_dimensions["N"].hidden = True
        ws.freeze_panes = "D5"
        span(ws, r + 1, "备注：1.在用台数由公式从“使用登记”表按登记号自动统计；2.已停用的软件行已隐藏，不删除；"
                        "3.来源方式填学校自购、整机预装、免费下载，预装和免费软件的采购、授权各栏填“/”。", 1, 15, height=32)
        widths(ws, [5, 8, 22, 13, 10, 16, 11, 9, 11, 12, 16, 24, 9, 12, 14])
        # -- 使用登记 (usage) --
        ws = bk.sheet("使用登记")
        title(ws, 1, "桃源镇中心小学计算机软件使用登记表", 1, 13)
        span(ws, 2, head_text(), 1, 6, height=66)
        bk.note(("UH", "head"), ws, 2, 1)
        cols = [("序号", "seq"), ("教研组", "dept"), ("使用教师", "user"), ("设备标签号", "pc"), ("电脑品牌", "brand"),
                ("登记号", "sid"), ("软件名称", "name"), ("版本", "version"), ("授权到期", "term"),
                ("自购", "kind:commercial", "来源方式"), ("预装", "kind:oem", "来源方式"), ("免费", "kind:free", "来源方式"),
                ("装机日期", "date")]
        r, where = header_rows(ws, 3, cols)
        r, _ = usage_block(bk, ws, r, u, u.uses, cols, where)
        grid(ws, 3, r - 1, 1, 13)
        ws.freeze_panes = "A5"
        widths(ws, [5, 12, 9, 11, 9, 8, 22, 13, 16, 6, 6, 6, 17])
        # -- 装卸登记簿 (one flat log) --
        ws = bk.sheet("装卸登记簿")
        title(ws, 1, "桃源镇中心小学软件装卸登记簿", 1, 11)
        span(ws, 2, head_text(False), 1, 6, height=50)
        bk.note(("MH", "head"), ws, 2, 1)
        cols = [("序号", "seq"), ("日期", "date"), ("登记号", "sid"), ("软件名称", "name"), ("版本", "version"),
                ("装/卸", "act"), ("设备标签号", "pc"), ("电脑品牌", "brand"), ("使用教师", "user"), ("教研组", "dept"),
                ("台数", "count")]
        r, where = header_rows(ws, 3, cols)
        r = event_block(bk, ws, r, u, u.flat_events(), cols, where)
        grid(ws, 3, r - 1, 1, 11)
        ws.freeze_panes = "A4"
        widths(ws, [5, 11, 8, 22, 13, 6, 11, 9, 9, 12, 6])
        # -- 免费软件 --
        ws = bk.sheet("免费软件")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        span(ws, 2, head_text(), 1, 5, height=66)
        cols = [("序号", "seq"), ("登记号", "sid"), ("软件名称", "name"), ("版本", "version"), ("下载渠道", "source"),
                ("开发厂商", "maker"), ("客服电话", "contact"), ("使用教研组", "depts"), ("用途", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_block(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 8, 12, 8, 10, 26, 22, 20, 14])
        # -- 采购计划 --
        ws = bk.sheet("采购计划")
        title(ws, 1, "桃源镇中心小学2027年软件采购计划表", 1, 7)
        span(ws, 2, f"经手人：{u.filler}{FW * 2}联系电话：{u.phone}{FW * 2}填表日期：{dtext(u.plan_date, 'cn0')}", 1, 7)
        r = plan_table(bk, ws, 3, u, ["序号", "软件名称", "版本", "单价（元）", "数量（套）", "金额（元）", "备注"],
                       total_word="总计", formulas=True)
        for lab in ("总务处审核：", "教导处审核：", "校长审批："):
            ws.cell(r, 1, lab)
            ws.cell(r, 5, "年　月　日")
            r += 1
        widths(ws, [7, 22, 10, 11, 11, 11, 14])
        return bk

    def faults(u):
        ov, exp = {}, []
        u.soft["X07"].term = Term("word", word="按合同")
        exp.append(expect("ZB116", [("S", "X07", "term")],
                          "极域电子教室授权到期填“按合同”，不是可识别的期限（各表一致）；使用登记中同样的写法按 ZB006/ZB116 报出也可（不要求）",
                          [("ZB006", [("U", pc, "X07", "term") for pc in ("TY-DJ-01", "TY-DJ-02")]),
                           ("ZB116", [("U", pc, "X07", "term") for pc in ("TY-DJ-01", "TY-DJ-02")])]))
        s = u.soft["X09"]
        s.name, s.maker, s.contact, s.reason = "WinRAR", "RARLAB", "https://www.win-rar.com", "压缩与解压"
        exp.append(expect("ZB122", [("S", "X09", "name"), ("S", "X09", "kind")],
                          "把需购买许可的 WinRAR 登记为免费下载（各表一致，免费软件清单也列了它）"))
        ov[("U", "TY-YW-01", "X08", "kind")] = (None, None, None)
        exp.append(expect("ZB202", [("U", "TY-YW-01", "X08", "kind")], "TY-YW-01 的希沃白板一行来源方式三栏都没填 1"))
        ov[("U", "TY-DY-01", "X09", "user")] = "覃春燕"
        exp.append(expect("ZB206", [("U", "TY-DY-01", "X09", "user")],
                          "TY-DY-01 其他各行都是黎明，这一行写成了上一台的覃春燕（教师名单不变，不涉及 ZB409）"))
        p = u.pcmap()["TY-DY-01"]
        add_event(u, "X03", Ev("install", "TY-DY-01", D(2025, 3, 3), p.brand, p.user, p.dept, tag="dup"))
        exp.append(expect("ZB305", [("M", "X03", "dup", f) for f in ("date", "act", "pc", "sid")],
                          "装卸登记簿 2025.03.03 又登记 WPS 装到 TY-DY-01，该机 2021 年已装且未卸；Σ装−Σ卸 多 1，ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "X03", "installed")])]))
        ov[("S", "X04", "installed")] = 8
        exp.append(expect("ZB405", [("S", "X04", "installed")],
                          "360 的在用台数公式被改写成数字 8，使用登记中 X04 有 9 行；与装卸登记重放也不符，ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "X04", "installed")])]))
        ov[("P", 2, 6)] = 150
        exp.append(expect("ZB415", [("P", 2, 6)], "采购计划第 2 行金额公式被改写成 150，单价 60 × 数量 2 = 120（总计公式按 150 加总，本身不错）"))
        ov[("U", "TY-YY-01", "X03", "date")] = "2021年09月05日"
        exp.append(expect("ZB416", [("U", "TY-YY-01", "X03", "date")],
                          "TY-YY-01 的 WPS 装机日期写成 2021年09月05日，早于购入日期 2021年09月10日（晚于该机系统 2020 年）"))
        return ov, exp, {}

    return dict(name="central-school", classes=[1, 2], office=u.name, unit=u, render=render, faults=faults,
                about="中心小学自拟的软件资产登记表：登记号、版本、来源方式（学校自购/整机预装/免费下载）、购入日期“2021年09月10日”、"
                      "**采购单价（元）和采购数量（即许可数），没有金额合计**、授权类别、授权版本范围、授权到期（截止日期）、注册码、"
                      "**在用台数是 COUNTIF 公式（按登记号统计使用登记表，带缓存值）**；已停用的金山毒霸一行被隐藏（是数据：在用 0 台，"
                      "许可 2024年8月31日 到期，装卸登记簿里有装有卸）；商业软件组和其他各行之间空一行；冻结窗格；隐藏的“存放位置”列；"
                      "表头四项写在一个单元格里分四行，人员和计算机情况一格用“；”分隔；使用登记用教研组/使用教师/设备标签号/电脑品牌/装机日期，"
                      "来源方式三栏填“1”或空着；全部软件的装卸记在一张“装卸登记簿”（装/卸）；采购计划表的金额和总计是公式。")


# =======================================================================================
# L5  乡卫生院 — a folder of four workbooks: 1-软件台账 (a 封面, the summary, the free list),
#     2-使用明细, 3-维护日志 (one flat log of all software, **newest first**, 安装/卸载 marked "X"
#     under a merged 操作), 4-计算机资产清单 (hardware, no ledger); figures with their unit in
#     the next cell ("38" | "人"); 填表人/联系电话/填表日期 under the summary; usage header with
#     each value two cells right of its label; type words 商业/OEM/免费; a hidden 资产编号 column
# =======================================================================================
def township_health():
    cert = certs(705, 4, "BSWY")
    pcs = [
        PC("院办", "胡德明", "BS-01", "联想", "desktop", "H01", D(2021, 10, 12), asset="BSWY-0011", model="启天M415"),
        PC("院办", "胡德明", "BS-02", "联想", "laptop", "H02", D(2025, 2, 18), asset="BSWY-0031", model="ThinkPad E14"),
        PC("门诊部", "马丽", "BS-03", "联想", "desktop", "H01", D(2021, 10, 12), asset="BSWY-0012", model="启天M415"),
        PC("门诊部", "吴强", "BS-04", "联想", "desktop", "H01", D(2021, 10, 13), asset="BSWY-0013", model="启天M415"),
        PC("药房", "秦芳", "BS-05", "长城", "desktop", "H03", D(2024, 12, 3), asset="BSWY-0021", model="世恒TF830"),
        PC("公共卫生科", "龚平", "BS-06", "长城", "desktop", "H03", D(2024, 12, 3), asset="BSWY-0022", model="世恒TF830"),
        PC("住院部", "石磊", "BS-07", "联想", "desktop", "H01", D(2021, 10, 14), asset="BSWY-0014", model="启天M415"),
        PC("院办", "胡德明", "BS-FW", "戴尔", "server", "H04", D(2019, 8, 28), asset="BSWY-0001", model="PowerEdge R540"),
    ]
    soft = [
        Soft("H01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("H02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("H03", "统信UOS桌面操作系统", "V20 专业版", "commercial", "os", "domestic", D(2024, 11, 25), price=700,
             ltype="批量授权", lcount=3, usable="V20专业版", term=perp(), serial=cert[0]),
        Soft("H04", "Windows Server 2016", "标准版", "commercial", "os", "foreign", D(2019, 8, 20), price=6200,
             ltype="单机授权", lcount=1, usable="2016标准版", term=perp(), serial=keys(706, 1)[0]),
        Soft("H05", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2022, 5, 16), price=600,
             ltype="批量授权", lcount=8, usable="2019专业版", term=perp(), serial=cert[1]),
        Soft("H06", "江民杀毒软件KV网络版", "V8", "commercial", "antivirus", "domestic", D(2025, 7, 1), price=80,
             ltype="网络版授权", lcount=10, usable="V8", term=rng(D(2025, 7, 1), D(2028, 6, 30)), serial=cert[2]),
        free("H07", "钉钉", "全院"),
        free("H08", "微信电脑版", "院办、门诊部、住院部"),
    ]
    u = Unit("白沙乡卫生院", "胡德明", "0736-7730125", D(2026, 11, 25), 38, 1, 6, 1, pcs, {s.sid: s for s in soft})
    for p in pcs:
        p.group = "all"
    u.own_dates = {"all": D(2026, 11, 24)}
    clients = [p.pc for p in pcs if p.ptype != "server"]
    build(u, [
        ("H05", clients, D(2022, 5, 19)),
        ("H06", [p.pc for p in pcs], D(2025, 7, 3)),
        ("H07", clients, D(2023, 2, 6)),
        ("H08", ["BS-01", "BS-03", "BS-07"], D(2023, 2, 8)),
    ], [("gone", "H05", PC("门诊部", "马丽", "BS-00", "联想", "desktop", "", D(2016, 5, 1)), D(2022, 5, 19), D(2024, 12, 2)),
        ("again", "H06", "BS-03", D(2025, 7, 3), D(2026, 3, 10), D(2026, 3, 12))])
    style = {"kinds": NATIONAL_KINDS, "ukinds": {"commercial": "商业", "oem": "OEM", "free": "免费"}, "pdate": "xl",
             "date": "dash", "mdate": "xl_slash", "hdate": "cn", "term": "cn", "money": "num", "count": "num", "dash": "—",
             "mboxes": ("X", None), "ufver": None, "udash": "—", "mfver": "—"}

    def render(u, variant, ov, omit_free=(), no_free_list=False, swap=None):
        fs = Files("白沙乡卫生院院办", style, variant, ov)
        # ---- 1-软件台账.xlsx ----
        bk = fs.book("1-软件台账.xlsx")
        ws = bk.sheet("封面")
        for r, text, size in ((5, u.name, 22), (8, "软件正版化台账", 26), (10, "（软件使用情况汇总表　可使用免费软件清单）", 14),
                              (18, f"{YEAR}年11月", 14)):
            title(ws, r, text, 1, 8, size=size, height=34)
        widths(ws, [12] * 8)
        ws = bk.sheet("汇总台账")
        title(ws, 1, "白沙乡卫生院软件使用情况汇总表", 1, 13)
        ws["A2"] = "单位名称（盖章）"
        ws["A2"].font = BOLD
        bk.put(ws, 2, 3, u.name, key=("SH", "unit"))
        rows3 = [("人员情况", [("总人数", "total", u.people_total, "人"), ("使用计算机人数", "using", len(u.users()), "人")]),
                 ("计算机情况", [("服务器", "servers", u.servers, "台"), ("台式机", "desktops", u.desktops, "台"),
                              ("便携机", "laptops", u.laptops, "台")])]
        for i, (sec, items) in enumerate(rows3):
            r = 3 + i
            ws.cell(r, 1, sec).font = BOLD
            for j, (lab, kk, v, unit) in enumerate(items):
                c = 2 + 3 * j
                ws.cell(r, c, lab)
                bk.put(ws, r, c + 1, None if (variant == "derive" and kk == "using") else v, key=("SH", kk), align=MID)
                ws.cell(r, c + 2, unit)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                ("采购日期", "purchased"), ("采购金额（元）", "amount"), ("许可类型", "ltype"), ("许可数量", "lcount"),
                ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("安装数量", "installed")]
        r, where = header_rows(ws, 6, cols, height=30)
        r, _, _ = summary_block(bk, ws, r, u, list(u.soft), cols, where)
        grid(ws, 6, r - 1, 1, 13)
        r += 1
        r = bottom_head(bk, ws, r, "SH", u, u.filled, cols=(1, 5, 9))
        span(ws, r + 1, "说明：OEM软件、免费软件的采购和许可各栏填“—”；安装数量与《软件使用情况明细表》中该编号的行数一致。", 1, 13)
        widths(ws, [9, 9, 24, 12, 10, 12, 12, 11, 9, 12, 28, 26, 9])
        if not no_free_list:
            ws = bk.sheet("免费软件")
            title(ws, 1, "可使用免费软件清单", 1, 9)
            span(ws, 2, f"单位名称（盖章）：{u.name}{FW * 2}填表人：{u.filler}{FW * 2}联系电话：{u.phone}{FW * 2}填表日期：{dtext(u.filled)}", 1, 9)
            cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                    ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
            r, where = header_rows(ws, 3, cols)
            r = free_block(bk, ws, r, u, cols, where, omit=omit_free)
            grid(ws, 3, r - 1, 1, 9)
            widths(ws, [5, 8, 12, 8, 9, 28, 22, 20, 12])
        # ---- 2-使用明细.xlsx ----
        bk = fs.book("2-使用明细.xlsx")
        ws = bk.sheet("使用明细")
        title(ws, 1, "白沙乡卫生院软件使用情况明细表", 1, 12)
        day = u.own_dates["all"]
        label_value(bk, ws, 2, 1, "单位名称（盖章）", u.name, key=("UH", "unit"), gap=2)
        label_value(bk, ws, 2, 7, "填表人", u.filler, key=("UH", "filler"), gap=2)
        label_value(bk, ws, 3, 1, "联系电话", u.phone, key=("UH", "phone"), gap=2)
        label_value(bk, ws, 3, 7, "填表日期", day, key=("UH", "filled"), gap=2, kind="hdate")
        cols = [("序号", "seq"), ("所属科室", "dept"), ("姓名", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                ("资产编号", "asset"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
                ("软件类型", "kind"), ("安装日期", "date")]
        r, where = header_rows(ws, 5, cols)
        r, _ = usage_block(bk, ws, r, u, u.uses, cols, where)
        grid(ws, 5, r - 1, 1, 12)
        ws.column_dimensions["F"].hidden = True
        widths(ws, [5, 12, 8, 9, 9, 11, 8, 24, 12, 28, 8, 12])
        # ---- 3-维护日志.xlsx ----
        bk = fs.book("3-维护日志.xlsx")
        ws = bk.sheet("维护日志")
        title(ws, 1, "白沙乡卫生院软件安装维护日志", 1, 12)
        span(ws, 2, f"单位名称：{u.name}{FW * 2}填表人：{u.filler}{FW * 2}联系电话：{u.phone}", 1, 12)
        bk.note(("MH", "head"), ws, 2, 1)
        span(ws, 3, "（按日期倒序登记，最新的记录在最上面）", 1, 12)
        cols = [("序号", "seq"), ("日期", "date"), ("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"),
                ("安装", "act:install", "操作"), ("卸载", "act:uninstall", "操作"), ("计算机编号", "pc"),
                ("品牌", "brand"), ("使用人", "user"), ("科室", "dept"), ("数量", "count")]
        r, where = header_rows(ws, 4, cols)
        rows = u.flat_events(reverse=True)
        if swap is not None:
            rows[swap], rows[swap + 1] = rows[swap + 1], rows[swap]
        r = event_block(bk, ws, r, u, rows, cols, where)
        grid(ws, 4, r - 1, 1, 12)
        widths(ws, [5, 11, 8, 24, 12, 5, 5, 9, 7, 8, 10, 5])
        # ---- 4-计算机资产清单.xlsx (no ledger) ----
        bk = fs.book("4-计算机资产清单.xlsx")
        ws = bk.sheet("计算机资产")
        title(ws, 1, "白沙乡卫生院计算机资产清单", 1, 10)
        ws["A2"] = f"截至{YEAR}年10月31日"
        heads = ["序号", "资产编号", "计算机编号", "品牌", "型号", "类型", "使用科室", "使用人", "购置日期", "状态"]
        for c, h in enumerate(heads, 1):
            ws.cell(3, c, h).font = BOLD
        items = [(p.asset, p.pc, p.brand, p.model, PTYPE_WORDS[p.ptype], p.dept, p.user, p.os_date, "在用") for p in u.pcs]
        items.append(("BSWY-0009", "BS-00", "联想", "启天M4600", "台式机", "门诊部", "马丽", D(2016, 5, 1), "2024年12月报废"))
        for i, row in enumerate(items, 1):
            for c, v in enumerate((i,) + row, 1):
                cell = ws.cell(3 + i, c, v)
                if isinstance(v, dt.date):
                    cell.number_format = "yyyy/m/d"
        grid(ws, 3, 3 + len(items), 1, 10)
        widths(ws, [5, 11, 10, 7, 13, 8, 11, 8, 11, 14])
        return fs

    def faults(u):
        ov, exp = {}, []
        ov[("S", "H01", "lcount")] = 4
        exp.append(expect("ZB107", [("S", "H01", "lcount")], "OEM 的 Windows 10 一行许可数量填了 4（应为“—”）"))
        ov[("S", "H04", "purchased")] = BLANK
        exp.append(expect("ZB110", [("S", "H04", "purchased"), ("S", "H04", "amount")],
                          "Windows Server 2016 填了采购金额 6200 却漏填采购日期（采购日期和金额应同时填写）"))
        u.soft["H02"].version = "家庭中文版"
        exp.append(expect("ZB121", [("S", "H02", "name"), ("S", "H02", "version")], "院办笔记本随机预装的 Windows 11 是家庭中文版（各表一致）"))
        ov[("U", "BS-04", "H07", "user")] = "马丽"
        exp.append(expect("ZB206", [("U", "BS-04", "H07", "user")], "BS-04 其他各行都是吴强，钉钉一行写成同科室的马丽（人员名单不变）"))
        p = u.pcmap()["BS-04"]
        add_event(u, "H08", Ev("uninstall", "BS-04", D(2025, 11, 5), p.brand, p.user, p.dept, tag="ghost"))
        exp.append(expect("ZB304", [("M", "H08", "ghost", f) for f in ("pc", "act", "date", "sid")],
                          "BS-04 从未装过微信电脑版，日志却有一条卸载；重放时不改变份数，按字面 Σ安装−Σ卸载 少 1，ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "H08", "installed")])]))
        rows = u.flat_events(reverse=True)
        k = next(i for i in range(2, len(rows) - 1) if rows[i][2].date != rows[i + 1][2].date)
        a, b = rows[k], rows[k + 1]
        exp.append(expect("ZB306", [("M", a[0], a[1], "date"), ("M", b[0], b[1], "date")],
                          f"倒序登记的日志中第 {k + 1}、{k + 2} 行先后颠倒（{b[2].date} 排在 {a[2].date} 之上，其余各行都是新的在上）"))
        ov[("SH", "desktops")] = 4
        exp.append(expect("ZB408", [("SH", "desktops")], "台式机写成 4 台（实有 6 台），明细表中 8 台计算机多于 1+4+1"))
        ov[("U", "BS-06", "H06", "sid")] = "H60"
        exp.append(expect("ZB403", [("U", "BS-06", "H06", "sid")],
                          "BS-06 的江民一行软件编号写成 H60（两位颠倒）；名称、版本与 H06 相同，按名称计入 H06，不另报 ZB405"))
        return ov, exp, {"swap": k}

    return dict(name="township-health", classes=[3, 4], office=u.name, unit=u, render=render, faults=faults,
                about="乡卫生院：**一个单位是一个文件夹，四个工作簿**：1-软件台账（“封面”+汇总台账+可使用免费软件清单）、2-使用明细、"
                      "**3-维护日志：全部软件的安装卸载记在一张表里，每行有软件编号和软件名称，按日期倒序（最新在上，表头下注明）**，"
                      "操作栏“安装”“卸载”两列打“X”、"
                      "4-计算机资产清单（资产编号、计算机编号、品牌、型号、使用科室、使用人、购置日期、状态，含一台已报废的，不是台账）；"
                      "汇总表人员/计算机情况两行，标签、数字、单位各占一格（“总人数 | 38 | 人”），填表人/联系电话/填表日期在表格下方；"
                      "明细表表头“单位名称（盖章）”“填表人”“联系电话”“填表日期”各占一格、值在右边隔一格处，填表日期比汇总表早一天，"
                      "软件类型写“商业/OEM/免费”，隐藏的资产编号列，安装日期“2021-10-12”文字。")


# =======================================================================================
# L6  统计局普查中心 — the summary split over three sheets, one per type (商业软件 / OEM软件 /
#     免费软件), each with its own title and header line and a "本表合计" row above its rows;
#     the commercial sheet with a 小计 per category (操作系统 / 办公软件 / 杀毒软件 / 专业软件);
#     SUM formulas with cached values; a hidden 经办人 column; frozen panes; usage with a
#     saved filter hiding 办公室 rows, a hidden MAC column and "X" boxes; national logs
# =======================================================================================
def stats_census():
    cert = certs(806, 5, "QCTJ")
    pcs = [
        PC("办公室", "梅晓东", "TJ-01", "联想", "desktop", "T01", D(2021, 4, 20), asset="3C:7C:3F:1A:20:01"),
        PC("普查一科", "卢静", "TJ-02", "联想", "desktop", "T01", D(2021, 4, 20), asset="3C:7C:3F:1A:20:02"),
        PC("普查一科", "伍刚", "TJ-03", "联想", "desktop", "T01", D(2021, 4, 21), asset="3C:7C:3F:1A:20:03"),
        PC("普查一科", "伍刚", "TJ-04", "华为", "laptop", "T02", D(2025, 3, 3), asset="A4:BB:6D:02:11:9C"),
        PC("普查二科", "何佳", "TJ-05", "惠普", "desktop", "T01", D(2022, 10, 9), asset="9C:B6:54:0D:31:05"),
        PC("普查二科", "蓝天", "TJ-06", "惠普", "desktop", "T01", D(2022, 10, 9), asset="9C:B6:54:0D:31:06"),
        PC("普查二科", "金鑫", "TJ-07", "惠普", "desktop", "T01", D(2022, 10, 10), asset="9C:B6:54:0D:31:07"),
        PC("数据处理科", "孔磊", "TJ-08", "戴尔", "desktop", "T01", D(2023, 3, 1), asset="B0:7B:25:9E:44:08"),
        PC("数据处理科", "严雪", "TJ-09", "戴尔", "desktop", "T01", D(2023, 3, 1), asset="B0:7B:25:9E:44:09"),
        PC("数据处理科", "孔磊", "TJ-FW", "浪潮", "server", "T03", D(2025, 4, 15), asset="6C:92:BF:70:00:10"),
    ]
    soft = [
        Soft("T01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("T02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("T03", "Windows Server 2022", "标准版", "commercial", "os", "foreign", D(2025, 4, 10), price=8600,
             ltype="单机授权", lcount=1, usable="2022标准版", term=perp(), serial=keys(807, 1)[0]),
        Soft("T04", "Microsoft Office 2021", "专业增强版", "commercial", "office", "foreign", D(2022, 4, 18), price=3200,
             ltype="批量许可", lcount=4, usable="2021专业增强版", term=perp(), serial=keys(808, 1)[0]),
        Soft("T05", "WPS Office 2023", "专业版", "commercial", "office", "domestic", D(2026, 2, 26), price=520,
             ltype="批量授权", lcount=6, usable="2023专业版", term=perp(), serial=cert[0]),
        Soft("T06", "亚信安全终端安全管理系统", "V15", "commercial", "antivirus", "domestic", D(2026, 5, 12), price=110,
             ltype="网络版授权", lcount=12, usable="V15", term=rng(D(2026, 5, 12), D(2029, 5, 11)), serial=cert[1]),
        Soft("T07", "IBM SPSS Statistics", "27", "commercial", "other", "foreign", D(2023, 9, 18), price=12000,
             ltype="单机授权", lcount=2, usable="27、26", term=yrs(5), serial=cert[2]),
        free("T08", "R", "数据处理科、普查一科"),
        free("T09", "7-Zip", "各科室"),
    ]
    u = Unit("清川县统计局普查中心", "梅晓东", "0833-2213560", D(2026, 11, 19), 33, 1, 8, 1, pcs, {s.sid: s for s in soft},
             head=("普查中心办公室", "梅晓东", "0833-2213560", "0833-2213561"))
    build(u, [
        ("T04", ["TJ-02", "TJ-03", "TJ-08", "TJ-09"], D(2022, 4, 20)),
        ("T05", ["TJ-01", "TJ-04", "TJ-05", "TJ-06", "TJ-07"], D(2026, 3, 2)),
        ("T06", [p.pc for p in pcs], D(2026, 5, 14)),
        ("T07", ["TJ-08", "TJ-09"], D(2023, 9, 20)),
        ("T08", ["TJ-03", "TJ-08", "TJ-09"], D(2023, 10, 9)),
        ("T09", ["TJ-01", "TJ-02", "TJ-05", "TJ-08"], D(2022, 11, 1)),
    ], [("again", "T04", "TJ-03", D(2022, 4, 21), D(2024, 6, 3), D(2024, 6, 4))])
    style = {"kinds": NATIONAL_KINDS, "pdate": "xl", "date": "xl", "mdate": "xl", "term": "dot", "money": "num",
             "count": "num", "dash": "—", "uboxes": ("X", None), "boxes": ("√", "□"), "ufver": None, "udash": "—",
             "mfver": "—"}
    agent = {"T03": "孔磊", "T04": "梅晓东", "T05": "梅晓东", "T06": "孔磊", "T07": "严雪"}
    cats = [("操作系统", ["T03"]), ("办公软件", ["T04", "T05"]), ("杀毒软件", ["T06"]), ("专业软件", ["T07"])]

    def render(u, variant, ov, no_log=()):
        bk = Book("普查中心办公室", style, variant, ov)
        head = f"单位名称（盖章）：{u.name}{FW * 2}填表人：{u.filler}{FW * 2}联系电话：{u.phone}{FW * 2}填表日期：{dtext(u.filled)}"
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                ("采购时间", "purchased"), ("采购金额（元）", "amount"), ("许可类型", "ltype"), ("许可数量", "lcount"),
                ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("安装数量", "installed"), ("经办人", "agent")]
        cols_w = [c for c in cols if c[1] != "agent"]
        for kind, label in (("commercial", "商业软件"), ("oem", "OEM软件"), ("free", "免费软件")):
            ws = bk.sheet(f"汇总（{label}）")
            title(ws, 1, f"软件使用情况汇总表（{label}）", 1, 14)
            span(ws, 2, head, 1, 14)
            bk.note(("SH", "head"), ws, 2, 1)
            r = 3
            if kind == "commercial":
                using = "" if variant == "derive" else len(u.users())
                using = bk.take(("SH", "using"), using)[0]
                span(ws, 3, f"人员情况：总人数 {u.people_total} 人{FW}使用计算机人数 {using} 人{FW * 3}计算机情况：服务器 "
                            f"{u.servers} 台{FW}台式机 {u.desktops} 台{FW}便携机 {u.laptops} 台", 1, 14)
                bk.note(("SH", "using"), ws, 3, 1)
                r = 4
            r, where = header_rows(ws, r, cols, height=30)
            top = r - 1
            if kind == "commercial":
                groups = [(None, sids) for _, sids in cats]
                ws_rows = r
                r, rows = grouped_summary(bk, ws, r, u, groups, cols_w, where, fig_fields=("amount", "lcount", "installed"),
                                          label_col=where["name"], sub_word="小计", total_word="本表合计")
                # the subtotal rows say which category they close
                rr = ws_rows + 1
                for name, sids in cats:
                    rr += len(sids)
                    ws.cell(rr, where["name"], f"{name}小计")
                    rr += 1
                for sid, rr in rows.items():
                    ws.cell(rr, where["agent"], agent.get(sid))
            else:
                sids = [s for s in u.soft if u.soft[s].kind == kind]
                ws.cell(r, where["name"], "本表合计").font = BOLD
                total_r = r
                r, _, got = summary_block(bk, ws, r + 1, u, sids, cols_w, where)
                if variant != "derive":
                    c = where["installed"]
                    sum_figure(bk, ws, total_r, c, None, [cached_value(bk, ws, rr, c) for rr in got.values()],
                               [f"{get_column_letter(c)}{total_r + 1}:{get_column_letter(c)}{r - 1}"])
            grid(ws, top, r - 1, 1, 14)
            ws.column_dimensions["N"].hidden = True
            ws.freeze_panes = f"A{top + 1}"
            widths(ws, [5, 8, 26, 12, 10, 12, 12, 10, 8, 14, 22, 30, 8, 8])
        # -- 明细 --
        ws = bk.sheet("明细")
        title(ws, 1, "软件使用情况明细表", 1, 14)
        span(ws, 2, head, 1, 14)
        bk.note(("UH", "head"), ws, 2, 1)
        cols = [("序号", "seq"), ("部门", "dept"), ("姓名", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                ("MAC地址", "asset"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
                ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"),
                ("免费软件", "kind:free", "软件类型"), ("安装日期", "date")]
        r, where = header_rows(ws, 3, cols)
        r, _ = usage_block(bk, ws, r, u, u.uses, cols, where, hide=lambda x: u.pcmap()[x.pc].dept == "办公室")
        grid(ws, 3, r - 1, 1, 14)
        ws.column_dimensions["F"].hidden = True
        ws.freeze_panes = "A5"
        ws.auto_filter.ref = f"A4:N{r - 1}"
        ws.auto_filter.add_filter_column(1, ["普查一科", "普查二科", "数据处理科"])
        widths(ws, [5, 11, 8, 10, 9, 18, 8, 26, 12, 22, 6, 6, 6, 12])
        # -- 维护 --
        def mhead(bk, ws, r, sid):
            span(ws, r, f"单位名称：{u.name}{FW * 2}填表人：{u.filler}{FW * 2}联系电话：{u.phone}", 1, 10)
            return r + 1
        for sid in u.soft:
            if sid in no_log:
                continue
            ws = bk.sheet(f"维护{sid}")
            national_log(bk, ws, u, sid, head=mhead, boxes=("√", "□"))
        # -- 统计表 --
        if variant != "derive":
            ws = bk.sheet("统计表")
            stats_table(bk, ws, 1, u, statistics(u), title_text=f"软件正版化工作信息统计表（{YEAR}年度）",
                        head_cells=[(1, f"单位名称（盖章）：{u.name}"), (4, f"填表人：{u.filler}"), (6, f"联系电话：{u.phone}"),
                                    (8, f"填表日期：{dtext(u.filled)}")])
            widths(ws, [10] * 9)
        # -- 免费软件 --
        ws = bk.sheet("免费软件")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        span(ws, 2, head, 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_block(bk, ws, r, u, cols, where)
        grid(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 8, 10, 9, 10, 16, 26, 20, 12])
        return bk

    def faults(u):
        ov, exp = {}, []
        u.soft["T07"].purchased = D(2026, 12, 18)
        f8 = ev_index(u, "T07", lambda e: e.action == "install")
        exp.append(expect("ZB117", [("S", "T07", "purchased")],
                          "SPSS 采购时间 2023-09-18 年份误写为 2026-12-18，晚于填表日期和检查日；安装因此早于字面采购时间，ZB416 可一并报出（不要求）",
                          [("ZB416", [("U", "TJ-08", "T07", "date"), ("U", "TJ-09", "T07", "date")]),
                           ("ZB416", ev_keys("T07", f8, ("date", "pc", "act")))]))
        s = u.soft["T04"]
        s.version, s.usable = "2021", "2021"
        exp.append(expect("ZB123", [("S", "T04", "name"), ("S", "T04", "version"), ("S", "T04", "usable")],
                          "Microsoft Office 2021 的软件版本和可使用版本都只写“2021”，哪里都没写明专业增强版等版本类别（各表一致）"))
        ov[("U", "TJ-06", "T06", "date")] = BLANK
        exp.append(expect("ZB201", [("U", "TJ-06", "T06", "date")], "TJ-06 的亚信一行安装日期漏填"))
        ov[("U", "TJ-05", "T09", "date")] = D(2021, 11, 1)
        exp.append(expect("ZB209", [("U", "TJ-05", "T09", "date")], "TJ-05 的 7-Zip 安装日期年份误写为 2021（应为 2022），早于该机系统 2022-10-09"))
        ov[("U", "TJ-07", "T06", "term")] = "2026.5.12-2028.5.11"
        exp.append(expect("ZB404", [("U", "TJ-07", "T06", "term")], "TJ-07 的亚信一行许可期限写成 2026.5.12-2028.5.11，汇总表为 2026.5.12-2029.5.11"))
        j = ev_index(u, "T05", lambda e: e.pc == "TJ-05")
        ov[("M", "T05", j, "count")] = 2
        exp.append(expect("ZB406", [("S", "T05", "installed")],
                          "WPS 维护表 TJ-05 的安装一行安装数量写成 2，Σ安装−Σ卸载 = 6，汇总安装数量 5（与明细表一致）；应改的是维护表该行"))
        j = ev_index(u, "T09", lambda e: e.pc == "TJ-08")
        ov[("M", "T09", j, "pc")] = "TJ-80"
        exp.append(expect("ZB407", [("M", "T09", j, "pc")],
                          "7-Zip 维护表 TJ-08 一行计算机编号写成 TJ-80：重放得 TJ-80（明细表没有），缺 TJ-08（明细表有）；另一台的 ZB407 可一并报出",
                          [("ZB407", [("U", "TJ-08", "T09", f) for f in ("pc", "sid", "name")])]))
        ov[("T", "holdings", "foreign", "os")] = 1
        exp.append(expect("ZB414", [("T", "holdings", "foreign", "os")],
                          "五、国外操作系统许可数填 1（漏了预装系统），按台账应为 10（含预装 9 份）"))
        return ov, exp, {}

    return dict(name="stats-census", classes=[2, 3], office=u.name, unit=u, render=render, faults=faults,
                about="统计局普查中心：**汇总表按软件类型分在三张表**“汇总（商业软件）”“汇总（OEM软件）”“汇总（免费软件）”，各有标题"
                      "“软件使用情况汇总表（商业软件）”等和一行表头信息，人员/计算机情况只在第一张；**每张表头下第一行是“本表合计”**，"
                      "商业软件表按类别（操作系统/办公软件/杀毒软件/专业软件）各有“××小计”行，小计、合计是 SUM 公式（带缓存值），"
                      "隐藏的经办人列，冻结窗格；明细表隐藏 MAC地址 列，保存时按部门筛选（办公室各行被隐藏，仍是数据），软件类型打“X”或空着；"
                      "每个编号一张全国式维护表（√/□）；信息统计表。")


# =======================================================================================
# L7  路政大队 — own words (软件编码, 软件名称及版本 in one column, 软件性质 付费购置·出厂预装·
#     免费获取, 购进日期, 购置费用, 授权模式, 许可证数, 许可版本, 使用年限 "3年"/"永久", 许可证书号,
#     在用数量); the usage table without computer columns: each computer opens with a caption
#     row "终端：LZ-01　品牌：联想　使用人：赵刚　所属：一中队" and its software rows follow; one flat
#     变更记录 with 变更类型 新增/移除/重装; header as label cells and value cells with 报送时间
#     "二〇二六年十一月二十七日"; figures with the unit in the label ("人员总数（人）" | 42)
# =======================================================================================
def road_brigade():
    cert = certs(907, 4, "QHLZ")
    pcs = [
        PC("大队部", "赵刚", "LZ-01", "联想", "desktop", "L01", D(2021, 7, 6)),
        PC("大队部", "钱芳", "LZ-02", "联想", "desktop", "L01", D(2021, 7, 6)),
        PC("大队部", "赵刚", "LZ-03", "华为", "laptop", "L02", D(2025, 3, 10)),
        PC("一中队", "孙涛", "LZ-04", "联想", "desktop", "L01", D(2021, 7, 7)),
        PC("一中队", "李娜", "LZ-05", "联想", "desktop", "L01", D(2021, 7, 7)),
        PC("二中队", "周杰", "LZ-06", "长城", "desktop", "L03", D(2023, 11, 20)),
        PC("二中队", "吴昊", "LZ-07", "长城", "desktop", "L03", D(2023, 11, 20)),
        PC("超限检测站", "郑伟", "LZ-08", "联想", "desktop", "L01", D(2021, 7, 8)),
    ]
    soft = [
        Soft("L01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("L02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("L03", "中标麒麟桌面操作系统", "V7.0 专业版", "commercial", "os", "domestic", D(2023, 11, 8), price=650,
             ltype="批量授权", lcount=2, usable="V7.0专业版", term=perp(), serial=cert[0]),
        Soft("L04", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2022, 3, 1), price=420,
             ltype="批量授权", lcount=8, usable="2019专业版", term=perp(), serial=cert[1]),
        Soft("L05", "360终端安全防护系统", "V10", "commercial", "antivirus", "domestic", D(2024, 8, 12), price=75,
             ltype="网络版授权", lcount=10, usable="V10", term=yrs(3), serial=cert[2]),
        Soft("L06", "ABBYY FineReader 15", "企业版", "commercial", "other", "foreign", D(2024, 5, 20), price=1600,
             ltype="单机授权", lcount=2, usable="15企业版", term=perp(), serial=cert[3]),
        free("L07", "腾讯会议", "大队部、一中队"),
        free("L08", "钉钉", "全大队"),
    ]
    u = Unit("清河县交通运输局路政大队", "钱芳", "15907365521", D(2026, 11, 27), 42, 0, 7, 1, pcs, {s.sid: s for s in soft})
    everyone = [p.pc for p in pcs]
    build(u, [
        ("L04", everyone, D(2022, 3, 4)),
        ("L05", everyone, D(2024, 8, 14)),
        ("L06", ["LZ-02", "LZ-03"], D(2025, 3, 12)),
        ("L07", ["LZ-01", "LZ-02", "LZ-03", "LZ-04"], D(2022, 9, 5)),
        ("L08", ["LZ-01", "LZ-03", "LZ-05", "LZ-06", "LZ-07", "LZ-08"], D(2023, 12, 4)),
    ], [("date", "L06", "LZ-02", D(2024, 5, 23)),
        ("gone", "L06", PC("大队部", "赵刚", "LZ-09", "华为", "laptop", "", D(2020, 9, 1)), D(2024, 5, 22), D(2025, 3, 5)),
        ("redo", "L04", "LZ-04", D(2025, 6, 18)), ("redo", "L05", "LZ-01", D(2025, 10, 9))])
    style = {"kinds": {"commercial": "付费购置", "oem": "出厂预装", "free": "免费获取"}, "pdate": "dot0", "date": "xl",
             "mdate": "slash0", "hdate": "hanzi", "term": "nian", "price": "num", "money": "num", "count": "num",
             "dash": "—", "acts": {"install": "新增", "uninstall": "移除", "reinstall": "重装"}}

    def head(bk, ws, r, part, phone_only=False):
        items = [(1, "单位名称", u.name, "unit", "text"), (5, "填报人", u.filler, "filler", "text"),
                 (7, "手机", u.phone, "phone", "text")]
        if not phone_only:
            items.append((9, "报送时间", u.filled, "filled", "hdate"))
        for c, lab, v, kk, kind in items:
            ws.cell(r, c, lab).font = BOLD
            bk.put(ws, r, c + 1, v, key=(part, kk), kind=kind)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=4)
        return r + 1

    def render(u, variant, ov, omit_free=()):
        bk = Book("路政大队办公室", style, variant, ov)
        # -- 软件台账 (summary) --
        ws = bk.sheet("软件台账")
        title(ws, 1, "清河县交通运输局路政大队软件资产台账", 1, 13)
        head(bk, ws, 2, "SH")
        figs = [("人员总数（人）", "total", u.people_total), ("使用计算机人数（人）", "using", len(u.users())),
                ("服务器（台）", "servers", u.servers), ("台式机（台）", "desktops", u.desktops), ("笔记本（台）", "laptops", u.laptops)]
        for i, (lab, kk, v) in enumerate(figs):
            c = 1 + 2 * i
            ws.cell(3, c, lab).font = BOLD
            bk.put(ws, 3, c + 1, None if (variant == "derive" and kk == "using") else v, key=("SH", kk), align=MID)
        grid(ws, 2, 3, 1, 10)
        cols = [("序号", "seq"), ("软件编码", "sid"), ("软件名称及版本", "fullname"), ("软件性质", "kind"), ("购进日期", "purchased"),
                ("购置费用（元）", "amount"), ("授权模式", "ltype"), ("许可证数", "lcount"), ("许可版本", "usable"),
                ("使用年限", "term"), ("许可证书号", "serial"), ("在用数量", "installed"), ("备注", "note")]
        r, where = header_rows(ws, 5, cols, height=30)
        r, _, _ = summary_block(bk, ws, r, u, list(u.soft), cols, where)
        grid(ws, 5, r - 1, 1, 13)
        span(ws, r + 1, "注：使用年限自购进日期起算，长期有效的填“永久”；出厂预装、免费获取的软件不填购置及授权各栏（填“—”）。", 1, 13)
        widths(ws, [10, 10, 30, 10, 11, 12, 11, 9, 12, 9, 24, 9, 8])
        # -- 装机登记 (usage, computers as caption rows) --
        ws = bk.sheet("装机登记")
        title(ws, 1, "路政大队计算机软件装机登记表", 1, 10)
        head(bk, ws, 2, "UH")
        cols = [("序号", "seq"), ("软件编码", "sid"), ("软件名称及版本", "fullname"), ("软件性质", "kind"), ("使用年限", "term"),
                ("启用日期", "date"), ("备注", "note")]
        r, where = header_rows(ws, 4, cols, fill=GREY)
        seq = 1
        for p in u.pcs:
            cap = f"终端：{p.pc}{FW * 2}品牌：{p.brand}{FW * 2}使用人：{p.user}{FW * 2}所属：{p.dept}"
            cell = span(ws, r, bk.take(("UC", p.pc, "caption"), cap)[0], 1, 7)
            cell.font = BOLD
            bk.note(("UC", p.pc, "caption"), ws, r, 1)
            r += 1
            r, seq = usage_block(bk, ws, r, u, u.uses_on(p.pc), cols, where, seq0=seq)
        grid(ws, 4, r - 1, 1, 7)
        widths(ws, [10, 10, 32, 10, 9, 12, 10])
        # -- 变更记录 (one flat log) --
        ws = bk.sheet("变更记录")
        title(ws, 1, "路政大队软件安装变更记录", 1, 11)
        head(bk, ws, 2, "MH", phone_only=True)
        cols = [("序号", "seq"), ("日期", "date"), ("终端", "pc"), ("品牌", "brand"), ("使用人", "user"), ("所属", "dept"),
                ("软件编码", "sid"), ("软件名称及版本", "fullname"), ("变更类型", "act"), ("数量", "count"), ("经办人", "note")]
        r, where = header_rows(ws, 4, cols)
        top = r
        r = event_block(bk, ws, r, u, u.flat_events(), cols, where)
        for rr in range(top, r):
            ws.cell(rr, where["note"], "钱芳")
        grid(ws, 4, r - 1, 1, 11)
        widths(ws, [5, 11, 8, 7, 7, 10, 9, 30, 8, 5, 7])
        # -- 免费软件 --
        ws = bk.sheet("免费软件")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        head(bk, ws, 2, "FH")
        cols = [("序号", "seq"), ("软件编码", "sid"), ("软件名称", "name"), ("版本", "version"), ("来源", "source"),
                ("厂商", "maker"), ("厂商联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 4, cols)
        r = free_block(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, 4, r - 1, 1, 9)
        widths(ws, [10, 10, 12, 8, 9, 26, 16, 14, 12])
        return bk

    def faults(u):
        ov, exp = {}, []
        u.soft["L05"].purchased = D(2023, 8, 12)
        exp.append(expect("ZB112", [("S", "L05", "term"), ("S", "L05", "installed")],
                          "360 于 2023.08.12 购进、使用年限 3年，2026年8月11日 已到期，仍装 8 台（各表一致，安装都在到期前）"))
        u.soft["L03"].term = Term("word", word="按授权书")
        exp.append(expect("ZB116", [("S", "L03", "term")],
                          "中标麒麟的使用年限填“按授权书”，不是可识别的期限（各表一致）；装机登记中同样的写法按 ZB006/ZB116 报出也可（不要求）",
                          [("ZB006", [("U", pc, "L03", "term") for pc in ("LZ-06", "LZ-07")]),
                           ("ZB116", [("U", pc, "L03", "term") for pc in ("LZ-06", "LZ-07")])]))
        ov[("S", "L06", "purchased")] = "2026.12.05"
        first = ev_index(u, "L06", lambda e: e.action == "install")
        exp.append(expect("ZB117", [("S", "L06", "purchased")],
                          "ABBYY 购进日期 2024.05.20 误写为 2026.12.05，晚于报送时间 2026年11月27日；安装因此早于字面购进日期，ZB416 可一并报出（不要求）",
                          [("ZB416", [("U", "LZ-02", "L06", "date"), ("U", "LZ-03", "L06", "date")]),
                           ("ZB416", ev_keys("L06", first, ("date", "pc", "act", "sid", "fullname")))]))
        drop_os(u, "LZ-08")
        exp.append(expect("ZB207", [("UC", "LZ-08", "caption")], "LZ-08 的随机 Windows 10 在各表都没有登记，该机没有操作系统记录"))
        j = ev_index(u, "L07", lambda e: e.pc == "LZ-04")
        ov[("M", "L07", j, "count")] = BLANK
        exp.append(expect("ZB302", [("M", "L07", j, "count")],
                          "变更记录中 LZ-04 新增腾讯会议一行数量漏填；ZB406 可一并报出（不要求）", [("ZB406", [("S", "L07", "installed")])]))
        ov[("SH", "using")] = 6
        exp.append(expect("ZB409", [("SH", "using")], "使用计算机人数填 6，装机登记中不同使用人 7 个"))
        exp.append(expect("ZB410", [("S", "L08", "sid"), ("S", "L08", "fullname"), ("S", "L08", "kind")],
                          "钉钉的软件性质为免费获取，免费软件清单中没有"))
        j = ev_index(u, "L04", lambda e: e.pc == "LZ-06")
        ov[("M", "L04", j, "brand")] = "联想"
        exp.append(expect("ZB417", [("M", "L04", j, "brand")], "变更记录中 LZ-06 新增 WPS 一行品牌写成联想，装机登记中该机为长城"))
        return ov, exp, {"omit_free": ("L08",)}

    return dict(name="road-brigade", classes=[1, 3, 4], office=u.name, unit=u, render=render, faults=faults,
                about="路政大队按大队通知自拟：软件资产台账用“软件编码、软件名称及版本（一格）、软件性质（付费购置/出厂预装/免费获取）、"
                      "购进日期“2023.11.08”、购置费用（元）、授权模式、许可证数、许可版本、使用年限（“3年”“永久”）、许可证书号、在用数量”；"
                      "**装机登记表没有部门、使用人、计算机编号、品牌各列：每台计算机先是一行合并的说明行"
                      "“终端：LZ-01　品牌：联想　使用人：赵刚　所属：大队部”，下面是它的软件各行**（软件编码、名称及版本、性质、使用年限、启用日期）；"
                      "全部软件的变更记在一张“软件安装变更记录”里，变更类型“新增/移除/重装”（**重装：同日卸下又装回，该机仍有一份**），"
                      "另有经办人列；表头“单位名称”“填报人”“手机”“报送时间”标签格与值格，报送时间写成“二〇二六年十一月二十七日”；"
                      "人员/计算机情况单位写在标签里（“人员总数（人）| 42”）。")


# =======================================================================================
# L8  林业站 — four computers, **no 软件编号 anywhere**; 类型 收费软件·预装软件·免费软件; 购买日期
#     "2023 年 10 月 20 日" (stray spaces), 金额 "28000元"; the figures in a 2×5 grid ("9人"), the
#     unit's name beside it, 填表人/电话/日期 under the tables; one log per software, its sheet
#     named after the product and part 一 without a number; 安装/卸载 columns holding the
#     option's own word; 机器编号, 使用组
# =======================================================================================
def forestry_station():
    cert = certs(1008, 3, "SMLY")
    pcs = [
        PC("站办公室", "邓林", "LY-01", "联想", "desktop", "F1", D(2020, 6, 15)),
        PC("营林组", "欧阳春", "LY-02", "联想", "desktop", "F1", D(2020, 6, 15)),
        PC("资源管护组", "罗永", "LY-03", "戴尔", "laptop", "F2", D(2023, 10, 9)),
        PC("资源管护组", "罗永", "LY-04", "戴尔", "desktop", "F2", D(2023, 10, 9)),
    ]
    soft = [
        Soft("F1", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("F2", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("F3", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2021, 4, 12), price=420,
             ltype="批量授权", lcount=4, usable="2019专业版", term=perp(), serial=cert[0]),
        Soft("F4", "ArcGIS Desktop", "10.8 标准版", "commercial", "other", "foreign", D(2023, 10, 20), price=28000,
             ltype="单机许可", lcount=1, usable="10.8标准版", term=perp(), serial=cert[1]),
        Soft("F5", "火绒终端安全管理系统", "V2.0", "commercial", "antivirus", "domestic", D(2025, 4, 1), price=80,
             ltype="网络版授权", lcount=5, usable="V2.0", term=rng(D(2025, 4, 1), D(2028, 3, 31)), serial=cert[2]),
        free("F6", "QGIS", "资源管护组"),
        free("F7", "Google Earth Pro", "营林组、资源管护组"),
    ]
    u = Unit("石门乡林业站", "邓林", "0736-6631207", D(2026, 11, 24), 9, 0, 3, 1, pcs, {s.sid: s for s in soft},
             numbered=False)
    everyone = [p.pc for p in pcs]
    build(u, [
        ("F3", everyone, D(2021, 4, 15)),
        ("F4", ["LY-04"], D(2023, 10, 23)),
        ("F5", everyone, D(2025, 4, 3)),
        ("F6", ["LY-03", "LY-04"], D(2024, 3, 11)),
        ("F7", ["LY-02", "LY-03", "LY-04"], D(2024, 3, 12)),
    ], [("gone", "F3", PC("资源管护组", "罗永", "LY-00", "联想", "desktop", "", D(2015, 3, 1)), D(2021, 4, 15), D(2023, 10, 8))])
    style = {"kinds": {"commercial": "收费软件", "oem": "预装软件", "free": "免费软件"}, "pdate": "spaced", "date": "spaced",
             "mdate": "xl_slash", "hdate": "spaced", "term": "dot0", "money": "yuan", "count": "num", "dash": None,
             "mboxes": ("", None), "act_text": True, "boxes": ("X", None), "ufver": None, "udash": None, "mfver": None}
    sheet_names = {"F1": "维护-Win10", "F2": "维护-Win11", "F3": "维护-WPS", "F4": "维护-ArcGIS", "F5": "维护-火绒",
                   "F6": "维护-QGIS", "F7": "维护-GoogleEarth"}

    def render(u, variant, ov):
        bk = Book("石门乡林业站", style, variant, ov)
        # -- 台账 (summary) --
        ws = bk.sheet("台账")
        title(ws, 1, "石门乡林业站软件登记台账", 1, 12)
        figs = [("职工人数", "total", u.people_total, "人"), ("用机人数", "using", len(u.users()), "人"),
                ("服务器", "servers", u.servers, "台"), ("台式电脑", "desktops", u.desktops, "台"),
                ("笔记本电脑", "laptops", u.laptops, "台")]
        for i, (lab, kk, v, unit) in enumerate(figs):
            ws.cell(2, 1 + i, lab).alignment = MID
            bk.put(ws, 3, 1 + i, None if (variant == "derive" and kk == "using") else f"{v}{unit}", key=("SH", kk), align=MID)
        grid(ws, 2, 3, 1, 5)
        ws.cell(2, 7, "单位名称").font = BOLD
        bk.put(ws, 2, 8, u.name, key=("SH", "unit"))
        cols = [("序号", "seq"), ("软件名称", "name"), ("版本", "version"), ("类型", "kind"), ("购买日期", "purchased"),
                ("金额（元）", "amount"), ("授权类型", "ltype"), ("授权套数", "lcount"), ("可用版本", "usable"),
                ("授权期限", "term"), ("授权编号", "serial"), ("装机台数", "installed")]
        r, where = header_rows(ws, 5, cols, height=28)
        r, _, _ = summary_block(bk, ws, r, u, list(u.soft), cols, where)
        grid(ws, 5, r - 1, 1, 12)
        r += 1
        for c, lab, kk, v, kind in ((1, "填表人", "filler", u.filler, "text"), (4, "电话", "phone", u.phone, "text"),
                                    (8, "日期", "filled", u.filled, "hdate")):
            ws.cell(r, c, lab + "：").font = BOLD
            bk.put(ws, r, c + 1, v, key=("SH", kk), kind=kind)
        widths(ws, [9, 20, 12, 9, 17, 10, 10, 8, 11, 24, 18, 8])
        # -- 装机明细 (usage) --
        ws = bk.sheet("装机明细")
        title(ws, 1, "石门乡林业站计算机装机明细", 1, 9)
        ws.cell(2, 1, "单位名称").font = BOLD
        bk.put(ws, 2, 2, u.name, key=("UH", "unit"))
        cols = [("序号", "seq"), ("使用组", "dept"), ("使用人", "user"), ("机器编号", "pc"), ("品牌", "brand"),
                ("软件名称", "name"), ("版本", "version"), ("类型", "kind"), ("安装日期", "date")]
        r, where = header_rows(ws, 3, cols)
        r, _ = usage_block(bk, ws, r, u, u.uses, cols, where)
        grid(ws, 3, r - 1, 1, 9)
        r += 1
        for c, lab, kk, v, kind in ((1, "填表人", "filler", u.filler, "text"), (4, "电话", "phone", u.phone, "text"),
                                    (7, "日期", "filled", u.filled, "hdate")):
            ws.cell(r, c, lab + "：").font = BOLD
            bk.put(ws, r, c + 1, v, key=("UH", kk), kind=kind)
        widths(ws, [6, 11, 8, 9, 6, 20, 12, 9, 18])
        # -- one log per software --
        def head(bk, ws, r, sid):
            span(ws, r, f"单位名称：{u.name}{FW * 2}填表人：{u.filler}{FW * 2}联系电话：{u.phone}", 1, 10)
            return r + 1
        for sid in u.soft:
            ws = bk.sheet(sheet_names[sid])
            national_log(bk, ws, u, sid, head=head, boxes=("X", None))
        # -- 免费软件 --
        ws = bk.sheet("免费软件")
        title(ws, 1, "可使用免费软件清单", 1, 8)
        ws.cell(2, 1, "单位名称").font = BOLD
        ws.cell(2, 2, u.name)
        cols = [("序号", "seq"), ("软件名称", "name"), ("版本", "version"), ("来源", "source"), ("厂商", "maker"),
                ("联系方式", "contact"), ("使用组", "depts"), ("用途", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_block(bk, ws, r, u, cols, where)
        grid(ws, 3, r - 1, 1, 8)
        r += 1
        for c, lab, v, kind in ((1, "填表人", u.filler, "text"), (4, "电话", u.phone, "text"), (6, "日期", u.filled, "hdate")):
            ws.cell(r, c, lab + "：").font = BOLD
            bk.put(ws, r, c + 1, v, kind=kind)
        widths(ws, [6, 16, 9, 9, 22, 24, 16, 18])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("SH", "filler")] = BLANK
        exp.append(expect("ZB005", [("SH", "filler")], "台账表格下方“填表人：”后面空着（装机明细和维护表都写了邓林）"))
        ov[("S", "F6", "kind")] = "共享软件"
        exp.append(expect("ZB101", [("S", "F6", "kind")], "QGIS 的类型写成“共享软件”，不是三类之一；类型不明，不应再报依类型的规则"))
        ov[("S", "F4", "amount")] = BLANK
        exp.append(expect("ZB110", [("S", "F4", "amount"), ("S", "F4", "purchased")],
                          "ArcGIS 填了购买日期 2023 年 10 月 20 日却漏填金额（购买日期和金额应同时填写）"))
        ov[("S", "F3", "lcount")] = 3
        i = over_index(u, "F3", 3)
        exp.append(expect("ZB111", [("S", "F3", "installed"), ("S", "F3", "lcount")],
                          "WPS 授权套数写成 3（应为 4），装机台数 4 超过授权；维护表抬头仍写 4（ZB303）、按日期重放超过 3 套（ZB307），可一并报出（不要求）",
                          [("ZB303", [("M1", "F3", "lcount")]), ("ZB307", ev_keys("F3", i, ("date", "pc", "act")))]))
        u.soft["F2"].version = ""
        exp.append(expect("ZB123", [("S", "F2", "name"), ("S", "F2", "version")],
                          "两台戴尔随机预装的 Windows 11 各表版本都空着，没有写明专业版等版本类别"))
        ov[("M1", "F4", "version")] = "10.6 标准版"
        exp.append(expect("ZB303", [("M1", "F4", "version")], "ArcGIS 维护表软件基本信息的版本写成“10.6 标准版”，台账为“10.8 标准版”"))
        ov[("SH", "desktops")] = "2台"
        exp.append(expect("ZB408", [("SH", "desktops")], "台式电脑写成 2台（实有 3 台），装机明细中 4 台计算机多于 0+2+1"))
        return ov, exp, {}

    return dict(name="forestry-station", classes=[1, 4], office=u.name, unit=u, render=render, faults=faults,
                about="林业站（四台计算机）**各表都没有软件编号**：软件登记台账用“软件名称、版本、类型（收费软件/预装软件/免费软件）、"
                      "购买日期“2023 年 10 月 20 日”（字间有空格）、金额（元）“28000元”、授权类型、授权套数、可用版本、授权期限、授权编号、装机台数”，"
                      "预装和免费软件的各栏空着；职工人数/用机人数/服务器/台式电脑/笔记本电脑是一个 2×5 格子，值带单位，单位名称在格子右边；"
                      "**填表人、电话、日期写在台账和装机明细的表格下方**；装机明细用使用组、使用人、机器编号、品牌；"
                      "**每个软件一张维护表，表名是产品简称（维护-WPS、维护-ArcGIS…），软件基本信息没有编号、只凭名称和版本对应**，"
                      "安装/卸载两栏里写“安装”“卸载”字样，日期为 Excel 日期（yyyy/m/d）。")


# =======================================================================================
# L9  水务集团分公司 (state firm) — enterprise words (软件资产编码, 产品名称, 发行版本, 授权性质
#     商用授权·预装授权·免费授权, 合同日期, 合同单价, 许可用户数, 合同金额 as a formula of the two,
#     许可种类, 许可证书编号, 授权到期日, 可部署版本, 部署数, 责任部门; 使用单位, 责任人, 资产标签号,
#     终端品牌, 部署时间); the 合计 row above the rows; a hidden 成本中心 column; frozen panes; a
#     saved filter on 授权性质; every log **newest first**, part 一 in one line; a purchase plan
# =======================================================================================
def water_branch():
    cert = certs(1109, 5, "QYSW")
    k = keys(1110, 2)
    pcs = [
        PC("综合部", "陈志刚", "CB-PC01", "联想", "desktop", "W01", D(2021, 4, 8)),
        PC("综合部", "黄蓉", "CB-PC02", "联想", "desktop", "W01", D(2021, 4, 8)),
        PC("财务部", "林海", "CB-PC03", "联想", "desktop", "W01", D(2021, 4, 9)),
        PC("财务部", "林海", "CB-NB01", "联想", "laptop", "W02", D(2024, 6, 17)),
        PC("客服中心", "许晴", "CB-PC04", "联想", "desktop", "W01", D(2021, 4, 9)),
        PC("客服中心", "蒋明", "CB-PC05", "惠普", "desktop", "W02", D(2024, 6, 18)),
        PC("管网所", "彭飞", "CB-PC06", "惠普", "desktop", "W02", D(2024, 6, 18)),
        PC("管网所", "潘红", "CB-PC07", "惠普", "desktop", "W02", D(2024, 6, 19)),
        PC("综合部", "陈志刚", "CB-SV01", "浪潮", "server", "W03", D(2021, 3, 25)),
    ]
    soft = [
        Soft("W01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("W02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("W03", "Windows Server 2019", "标准版", "commercial", "os", "foreign", D(2021, 3, 20), price=6500,
             ltype="单机授权", lcount=1, usable="2019标准版", term=perp(), serial=k[0]),
        Soft("W04", "Microsoft Office LTSC 2021", "标准版", "commercial", "office", "foreign", D(2024, 6, 5), price=2800,
             ltype="批量许可", lcount=5, usable="LTSC 2021标准版", term=perp(), serial=k[1]),
        Soft("W05", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2021, 5, 10), price=450,
             ltype="批量授权", lcount=4, usable="2019专业版", term=perp(), serial=cert[0]),
        Soft("W06", "ESET Endpoint Security", "10", "commercial", "antivirus", "foreign", D(2025, 1, 15), price=150,
             ltype="网络版授权", lcount=10, usable="10、11", term=rng(D(2025, 1, 15), D(2028, 1, 14)), serial=cert[1]),
        Soft("W07", "用友U8+", "V13.0", "commercial", "other", "domestic", D(2022, 9, 1), price=5000,
             ltype="站点许可", lcount=3, usable="V13.0", term=perp(), serial=cert[2]),
        Soft("W08", "SuperMap iDesktop", "11i 标准版", "commercial", "other", "domestic", D(2025, 8, 20), price=9000,
             ltype="单机许可", lcount=2, usable="11i标准版", term=perp(), serial=cert[3]),
        free("W09", "钉钉", "全公司"),
        free("W10", "Everything", "综合部"),
    ]
    u = Unit("清源水务集团有限公司城北分公司", "陈志刚", "0731-88665102", D(2026, 11, 30), 63, 1, 7, 1, pcs,
             {s.sid: s for s in soft},
             plan=[("Microsoft Office LTSC 2021", "标准版", 2800, 2, "客服中心新增"), ("ESET Endpoint Security", "11", 150, 3, "新增终端"),
                   ("SuperMap iDesktop", "11i 标准版", 9000, 1, "管网所")], plan_date=D(2026, 11, 30))
    clients = [p.pc for p in pcs if p.ptype != "server"]
    build(u, [
        ("W04", ["CB-PC01", "CB-PC02", "CB-PC03", "CB-NB01", "CB-PC04"], D(2024, 6, 7)),
        ("W05", ["CB-PC05", "CB-PC06", "CB-PC07"], D(2024, 6, 21)),
        ("W06", [p.pc for p in pcs], D(2025, 1, 17)),
        ("W07", ["CB-PC03", "CB-NB01"], D(2022, 9, 6)),
        ("W08", ["CB-PC06", "CB-PC07"], D(2025, 8, 25)),
        ("W09", clients, D(2023, 5, 8)),
        ("W10", ["CB-PC01", "CB-SV01"], D(2022, 2, 14)),
    ], [("gone", "W05", pc, D(2021, 5, 12), D(2024, 6, 20)) for pc in ("CB-PC01", "CB-PC02", "CB-PC04")] +
       [("gone", "W07", "CB-PC01", D(2022, 9, 5), D(2024, 6, 20))])
    style = {"kinds": {"commercial": "商用授权", "oem": "预装授权", "free": "免费授权"}, "pdate": "xl", "date": "xl_slash",
             "mdate": "xl", "term": "end_dash", "price": "num", "money": "num", "count": "num", "dash": "—",
             "amount_formula": True, "ufver": None, "mfver": "—", "acts": {"install": "安装", "uninstall": "卸载"}}
    cost = {"W03": "CB-XX01", "W04": "CB-ZH01", "W05": "CB-GW01", "W06": "CB-XX01", "W07": "CB-CW01", "W08": "CB-GW01"}
    owner = {"W01": "综合部", "W02": "综合部", "W03": "综合部", "W04": "综合部", "W05": "管网所", "W06": "综合部",
             "W07": "财务部", "W08": "管网所", "W09": "综合部", "W10": "综合部"}

    def render(u, variant, ov, omit_free=(), swap=None):
        bk = Book("城北分公司综合部", style, variant, ov)
        head = (f"填报单位：{u.name}{FW * 2}填报人：{u.filler}{FW * 2}联系电话：{u.phone}{FW * 2}"
                f"填报日期：{u.filled:%Y-%m-%d}")
        # -- 软件资产台账 (summary) --
        ws = bk.sheet("软件资产台账")
        title(ws, 1, "清源水务集团有限公司城北分公司软件资产台账", 1, 16)
        span(ws, 2, bk.take(("SH", "head"), head)[0], 1, 16)
        bk.note(("SH", "head"), ws, 2, 1)
        using = "" if variant == "derive" else len(u.users())
        span(ws, 3, f"人员情况：员工总数 {u.people_total} 人，使用计算机人数 {using} 人；计算机情况：服务器 {u.servers} 台，"
                    f"台式机 {u.desktops} 台，便携机 {u.laptops} 台", 1, 16)
        bk.note(("SH", "using"), ws, 3, 1)
        cols = [("序号", "seq"), ("软件资产编码", "sid"), ("产品名称", "name"), ("发行版本", "version"), ("授权性质", "kind"),
                ("合同日期", "purchased"), ("合同单价（元）", "price"), ("许可用户数", "lcount"), ("合同金额（元）", "amount"),
                ("许可种类", "ltype"), ("许可证书编号", "serial"), ("授权到期日", "term"), ("可部署版本", "usable"),
                ("部署数", "installed"), ("成本中心", "cost"), ("责任部门", "owner")]
        r, where = header_rows(ws, 5, cols, height=30, fill=GREY)
        cols_w = [c for c in cols if c[1] not in ("cost", "owner")]
        total_r = r
        ws.cell(r, where["name"], "合计").font = BOLD
        r, _, rows = summary_block(bk, ws, r + 1, u, list(u.soft), cols_w, where, hide=lambda s: s.kind != "commercial")
        for sid, rr in rows.items():
            ws.cell(rr, where["cost"], cost.get(sid, "—"))
            ws.cell(rr, where["owner"], owner[sid])
        if variant != "derive":
            for f in ("amount", "installed"):
                c = where[f]
                sum_figure(bk, ws, total_r, c, None, [cached_value(bk, ws, rr, c) for rr in rows.values()],
                           [f"{get_column_letter(c)}{total_r + 1}:{get_column_letter(c)}{r - 1}"])
        grid(ws, 5, r - 1, 1, 16)
        ws.column_dimensions["O"].hidden = True
        ws.freeze_panes = "D7"
        ws.auto_filter.ref = f"A5:P{r - 1}"
        ws.auto_filter.add_filter_column(where["kind"] - 1, ["商用授权"])
        span(ws, r + 1, "注：1.合同金额 = 合同单价 × 许可用户数（公式）；合计行在表头下方。2.授权到期日为“永久”的不设期限。"
                        "3.已按授权性质筛选出商用授权，预装授权和免费授权各行暂时隐藏。", 1, 16, height=30)
        widths(ws, [5, 11, 24, 11, 9, 11, 11, 9, 12, 11, 26, 12, 14, 7, 9, 9])
        # -- 终端部署清单 (usage) --
        ws = bk.sheet("终端部署清单")
        title(ws, 1, "城北分公司终端软件部署清单", 1, 10)
        span(ws, 2, head, 1, 10)
        bk.note(("UH", "head"), ws, 2, 1)
        cols = [("序号", "seq"), ("使用单位", "dept"), ("责任人", "user"), ("资产标签号", "pc"), ("终端品牌", "brand"),
                ("软件资产编码", "sid"), ("产品名称", "name"), ("发行版本", "version"), ("授权性质", "kind"), ("部署时间", "date")]
        r, where = header_rows(ws, 3, cols, fill=GREY)
        r, _ = usage_block(bk, ws, r, u, u.uses, cols, where)
        grid(ws, 3, r - 1, 1, 10)
        ws.freeze_panes = "A4"
        widths(ws, [5, 10, 8, 11, 9, 12, 24, 11, 9, 11])
        # -- logs, newest first --
        for sid, s in u.soft.items():
            ws = bk.sheet(f"日志{sid}")
            title(ws, 1, "软件安装维护情况明细表", 1, 9, size=14)
            span(ws, 2, f"填报单位：{u.name}{FW * 2}填报人：{u.filler}{FW * 2}联系电话：{u.phone}{FW * 2}（按日期倒序登记）", 1, 9)
            bk.note(("MH", sid), ws, 2, 1)
            vals = part1_values(bk, s)
            parts = []
            for lab, f in (("软件资产编码", "sid"), ("产品名称", "name"), ("发行版本", "version"), ("授权性质", "kind"),
                           ("许可用户数", "lcount"), ("可部署版本", "usable"), ("授权到期日", "term")):
                v, kind = vals[f]
                v = bk.take(("M1", sid, f), v)[0]
                if kind == "term":
                    v = fmt_term(v, "end_dash", s.purchased)
                parts.append(f"{lab}：{v}")
                bk.note(("M1", sid, f), ws, 3, 1)
            span(ws, 3, FW.join(parts), 1, 9).font = BOLD
            cols = [("序号", "seq"), ("日期", "date"), ("操作", "act"), ("资产标签号", "pc"), ("终端品牌", "brand"),
                    ("责任人", "user"), ("使用单位", "dept"), ("版本", "version"), ("数量", "count")]
            r, where = header_rows(ws, 4, cols)
            rows = log_rows(u, sid)
            rows.reverse()
            if swap is not None and swap[0] == sid:
                i = swap[1]
                rows[i], rows[i + 1] = rows[i + 1], rows[i]
            r = event_block(bk, ws, r, u, rows, cols, where)
            grid(ws, 4, r - 1, 1, 9)
            widths(ws, [5, 11, 6, 11, 9, 8, 10, 13, 5])
        # -- 免费软件 --
        ws = bk.sheet("免费软件")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        span(ws, 2, head, 1, 9)
        cols = [("序号", "seq"), ("软件资产编码", "sid"), ("产品名称", "name"), ("版本", "version"), ("获取来源", "source"),
                ("厂商", "maker"), ("厂商联系方式", "contact"), ("使用单位", "depts"), ("用途", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_block(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 12, 20, 8, 9, 26, 26, 10, 14])
        # -- 采购计划 --
        ws = bk.sheet("采购计划")
        title(ws, 1, "城北分公司2027年度软件采购计划表", 1, 7)
        span(ws, 2, f"经办人：{u.filler}{FW * 2}联系电话：{u.phone}{FW * 2}填表日期：{dtext(u.plan_date)}", 1, 7)
        r = plan_table(bk, ws, 3, u, ["序号", "软件名称", "版本", "单价（元）", "数量", "金额（元）", "备注"], total_word="合计",
                       formulas=True)
        for lab in ("综合部审核：", "财务部审核：", "分管领导审批："):
            ws.cell(r, 1, lab)
            ws.cell(r, 5, "年　月　日")
            r += 1
        widths(ws, [9, 26, 11, 11, 7, 11, 14])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("SH", "head")] = (f"填报单位：{u.name}{FW * 2}填报人：{u.filler}{FW * 2}联系电话：{FW * 2}"
                              f"填报日期：{u.filled:%Y-%m-%d}")
        exp.append(expect("ZB005", [("SH", "head")], "资产台账表头“联系电话：”后面空着（部署清单等其他表都写了）"))
        s = u.soft["W10"]
        s.name, s.maker, s.contact, s.reason, s.source = ("Adobe Acrobat Pro DC", "Adobe Inc.", "https://helpx.adobe.com",
                                                          "编辑PDF文件", "官方网站")
        s.fversion = "2024"
        exp.append(expect("ZB122", [("S", "W10", "name"), ("S", "W10", "kind")],
                          "把需购买许可的 Adobe Acrobat Pro DC 登记为免费授权（各表一致，免费软件清单也列了它）"))
        u.soft["W08"].serial = u.soft["W07"].serial
        exp.append(expect("ZB124", [("S", "W08", "serial")], "SuperMap 的许可证书编号抄成了上一行用友U8+ 的编号"))
        ov[("U", "CB-PC05", "W09", "brand")] = "联想"
        exp.append(expect("ZB203", [("U", "CB-PC05", "W09", "brand")],
                          "CB-PC05 在其他各行和日志中都是惠普，钉钉一行写成联想（日志与多数行一致，不应另报 ZB417）"))
        gone = drop_os(u, "CB-PC07")
        exp.append(expect("ZB207", [("U", "CB-PC07", sid, "pc") for sid in ("W05", "W06", "W08", "W09")],
                          f"CB-PC07 的预装 Windows 11（{gone}）在各表都没有登记，该机没有操作系统记录"))
        p = u.pcmap()["CB-PC02"]
        add_event(u, "W06", Ev("install", "CB-PC02", D(2025, 9, 1), p.brand, p.user, p.dept, tag="dup"))
        exp.append(expect("ZB305", [("M", "W06", "dup", f) for f in ("date", "act", "pc")],
                          "ESET 日志 2025-09-01 又登记安装到 CB-PC02，该机 2025-01 已装且未卸；Σ安装−Σ卸载 多 1，ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "W06", "installed")])]))
        rows = log_rows(u, "W09")
        rows.reverse()
        i = next(i for i in range(1, len(rows) - 1) if rows[i][2].date != rows[i + 1][2].date)
        a, b = rows[i], rows[i + 1]
        exp.append(expect("ZB306", [("M", "W09", a[1], "date"), ("M", "W09", b[1], "date")],
                          f"钉钉日志（倒序登记）第 {i + 1}、{i + 2} 行先后颠倒（{b[2].date} 排在 {a[2].date} 之上）"))
        j = ev_index(u, "W04", lambda e: e.pc == "CB-PC02")
        ov[("M", "W04", j, "count")] = 2
        nb = ev_index(u, "W04", lambda e: e.pc == "CB-NB01")
        exp.append(expect("ZB406", [("S", "W04", "installed")],
                          "Office LTSC 日志 CB-PC02 的安装一行数量写成 2，Σ安装−Σ卸载 = 6，台账部署数 5（与部署清单一致）；应改的是日志该行；"
                          "按份数重放到 CB-NB01 安装时为 6 份，超过许可用户数 5，ZB307 可一并报出（不要求）",
                          [("ZB307", ev_keys("W04", nb, ("date", "pc", "act", "count")))]))
        ov[("P", 2, 6)] = 500
        exp.append(expect("ZB415", [("P", 2, 6)], "采购计划第 2 行金额公式被改写成 500，单价 150 × 数量 3 = 450（合计公式按 500 加总，本身不错）"))
        return ov, exp, {"swap": ("W09", i)}

    return dict(name="water-branch", classes=[1, 2, 3], office=u.name, unit=u, render=render, faults=faults,
                about="水务集团分公司（国有企业）的软件资产台账：软件资产编码、产品名称、发行版本、授权性质（商用授权/预装授权/免费授权）、"
                      "合同日期、合同单价、许可用户数、**合同金额是“=单价×许可用户数”公式（带缓存值）**、许可种类、许可证书编号、授权到期日"
                      "（截止日期或“永久”）、可部署版本、部署数、隐藏的成本中心列、责任部门；**“合计”行在表头下、各行之上**（SUM 公式）；"
                      "冻结窗格；保存时按授权性质筛选出商用授权（预装、免费各行被隐藏，仍是数据）；表头一格、人员/计算机情况一格（逗号、分号分隔）；"
                      "终端部署清单用使用单位、责任人、资产标签号、终端品牌、部署时间（Excel 日期 yyyy/m/d）；"
                      "**每个编号一张日志，按日期倒序登记（最新在上）**，软件基本信息写在一行里，操作栏写“安装/卸载”；采购计划表的金额、合计是公式。")


LAYOUTS = [audit_bureau, agri_bureau, procuratorate, central_school, township_health, stats_census, road_brigade,
           forestry_station, water_branch]


# =======================================================================================
# Control: the same unit in the plain national template (a developer check of the data,
# not part of the corpus): python3 make_layouts3.py --control DIR. Every unit gets its
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
