#!/usr/bin/env python3
"""A second, independent layout corpus (tests/layouts2/README.md).

Thirteen imagined offices (a 税务分局, a 疾控中心, a 供电所, a 社区卫生服务中心, a 市场监管所, a
图书馆, a 水文站, a 派出所, a 气象局, a 公积金中心, a 消防救援站, a 文化馆, a 不动产登记中心) keep
their software ledgers the way such offices do: own titles, own column words, subtotals and
notes, ledgers split over sheets or over workbooks, header blocks in one cell. From one data
model of each unit (its computers, software numbers, installs and maintenance history) this
script writes

  NAME.clean.xlsx   (or a folder NAME.clean/ of workbooks) a correct, consistent unit;
  NAME.faulty.xlsx  the same unit with single-clerk mistakes planted, each listed in the
                    manifest with its rule code and the cell a clerk must fix;
  NAME.derive.xlsx  the clean unit with 安装数量, 使用计算机人数 and the subtotals blank and no
                    statistics table: what `zhengban derive` must fill;
  NAME.json         the manifest (same format as tests/layouts/*.json).

Expectations come from the data below and the rule catalogue (spec rules.md, derive.md and
the rule texts of ZB124, ZB125, ZB209, ZB416, ZB417), never from what zhengban prints.
Written with openpyxl 3.1 (never with zhengban's writer). Deterministic: fixed docProps and zip
timestamps, seeded serial numbers: a rerun writes the same bytes.

Run: python3 tests/layouts2/make_layouts2.py [NAME ...]   then tests/layouts2/resave.sh
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
from openpyxl.comments import Comment  # noqa: F401  (kept for layouts that annotate)
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = dt.date(2026, 12, 4)
YEAR = 2026
D = dt.date
DAY = dt.timedelta(days=1)
FW = "\u3000"  # full-width space
STAMP = (2026, 12, 1, 8, 30, 0)

thin = Side(style="thin")
BOX = Border(left=thin, right=thin, top=thin, bottom=thin)
MID = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
BOLD = Font(bold=True)


# =======================================================================================
# Reproducible saving
# =======================================================================================
def save_fixed(wb, path, creator):
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.created = dt.datetime(*STAMP)
    wb.properties.modified = dt.datetime(*STAMP)
    buf = io.BytesIO()
    wb.save(buf)
    iso = "%04d-%02d-%02dT%02d:%02d:%02dZ" % STAMP
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:modified|created)[^>]*>)[^<]*(</dcterms:(?:modified|created)>)",
                              rb"\g<1>" + iso.encode() + rb"\g<2>", data)
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
    """许可期限. form: perpetual (a word), range (start–end), years (n years from 采购时间),
    until (an end date only, as in a column 有效期至), word (text that names no term)."""
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


PERP = Term("perpetual")


def rng(a, b):
    return Term("range", start=a, end=b)


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
    purchased: dt.date = None
    month_only: bool = False
    amount: float = None
    ltype: str = None
    lcount: int = None
    usable: str = None
    term: Term = None
    serial: str = None
    vendor_shop: str = None  # 供应商 (own ledgers)
    # free list
    fversion: str = None
    source: str = None
    maker: str = None
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
    os: str  # 软件编号 of its OS ("" when none is recorded)
    os_date: dt.date
    place: str = None  # sheet group (floor, team, window)
    asset: str = None
    room: str = None


@dataclass
class Use:
    pc: str
    sid: str
    date: dt.date
    tag: str = None


@dataclass
class Ev:
    action: str  # install | uninstall
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
    sheet_filled: dict = field(default_factory=dict)  # place -> own 填表日期
    head: tuple = None  # statistics table: (部门, 负责人, 电话, 传真)
    plan: list = None  # (name, version, price, count, note)
    plan_date: dt.date = None

    def pcmap(self):
        return {p.pc: p for p in self.pcs}

    def users(self):
        return sorted({p.user for p in self.pcs})

    def installed(self, sid):
        return sum(1 for x in self.uses if x.sid == sid)

    def uses_of(self, place):
        pcs = {p.pc for p in self.pcs if p.place == place}
        return [x for x in self.uses if x.pc in pcs]


def build(u, apps, history=()):
    """Fill u.uses and u.events.
    apps: (sid, [pc ids], first day): each computer gets sid on max(first, its OS day + 1),
          staggered by 0–2 days.
    history: ("reinstall", sid, pc, first, uninstalled, again)  the usage date is `again`;
             ("gone", sid, pc, installed, uninstalled)           a copy removed for good
                                                                   (pc may be a PC object of a
                                                                   scrapped computer);
             ("date", sid, pc, day)                              a fixed install day."""
    pcs = u.pcmap()
    when = {}
    for p in u.pcs:
        if p.os:
            when[(p.pc, p.os)] = p.os_date
    fixed = {(h[2], h[1]): h[3] for h in history if h[0] == "date"}
    for sid, sel, first in apps:
        for i, pc in enumerate(sel):
            p = pcs[pc]
            assert (pc, sid) not in when, (pc, sid)
            when[(pc, sid)] = fixed.get((pc, sid), max(first, p.os_date + DAY) + dt.timedelta(days=i % 3))
    extra = {}
    for h in history:
        if h[0] == "reinstall":
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
        evs.sort(key=lambda e: (e.date, e.action != "uninstall", e.pc))
        u.events[sid] = evs
    return u


def resort(u, sid):
    u.events[sid].sort(key=lambda e: (e.date, e.action != "uninstall", e.pc))


def drop_os(u, pc):
    """The clerk never registered this computer's operating system (anywhere)."""
    p = u.pcmap()[pc]
    sid = p.os
    u.uses = [x for x in u.uses if not (x.pc == pc and x.sid == sid)]
    u.events[sid] = [e for e in u.events[sid] if e.pc != pc]
    return sid


def move_oem(u, old, b, d_un, d_in):
    """A planted ZB311: the scrapped computer `old` (not in the usage ledger) gives its OEM
    system to computer `b`, which was already in use with its own OEM system. In every ledger:
    b's own system is uninstalled on d_un, the OEM system is uninstalled from `old` on d_un
    and installed on b on d_in (tag "moved-in"; old's rows tagged "old-in"/"old-out"), and b's
    applications dated before d_in are uninstalled on d_un and reinstalled the day after d_in
    (so that nothing on b predates its system, ZB209)."""
    p = u.pcmap()[b]
    before, to = p.os, old.os
    u.events[before].append(Ev("uninstall", b, d_un, p.brand, p.user, p.dept))
    u.events[to] += [Ev("install", old.pc, old.os_date, old.brand, old.user, old.dept, tag="old-in"),
                     Ev("uninstall", old.pc, d_un, old.brand, old.user, old.dept, tag="old-out"),
                     Ev("install", b, d_in, p.brand, p.user, p.dept, tag="moved-in")]
    again = d_in + DAY
    mine = [x for x in u.uses if x.pc == b]
    for x in mine:
        if x.sid != before and x.date < d_in:
            u.events[x.sid] += [Ev("uninstall", b, d_un, p.brand, p.user, p.dept),
                                Ev("install", b, again, p.brand, p.user, p.dept)]
            x.date = again
    i = u.uses.index(mine[0])
    rest = [x for x in mine if x.sid != before]
    order = list(u.soft)
    rest.sort(key=lambda x: order.index(x.sid))
    u.uses[i:i + len(mine)] = [Use(b, to, d_in)] + rest
    p.os, p.os_date = to, d_in
    for sid in u.events:
        resort(u, sid)


def find_use(u, pc, sid):
    return next(x for x in u.uses if x.pc == pc and x.sid == sid)


def ev_index(u, sid, pred):
    for i, e in enumerate(u.events[sid]):
        if pred(e):
            return i
    raise AssertionError(f"no event in {sid}")


# ---------------------------------------------------------------------------------------
# Editions and free products
# ---------------------------------------------------------------------------------------
EDITIONS = ("专业版", "企业版", "标准版", "旗舰版", "专业增强版", "数据中心版")
HOME = ("家庭", "个人版", "学生版", "Home")
FREE_OK = {
    "7-Zip": ("24.09", "官方网站", "Igor Pavlov", "https://www.7-zip.org", "文件压缩解压"),
    "福昕阅读器": ("2024.3", "官方网站", "福建福昕软件开发股份有限公司", "400-616-8688", "阅读PDF公文"),
    "Google Chrome": ("131", "官方网站", "Google LLC", "https://support.google.com/chrome", "访问网上办公系统"),
    "Mozilla Firefox": ("128 ESR", "官方网站", "北京谋智火狐信息技术有限公司", "https://support.mozilla.org", "访问业务系统"),
    "Notepad++": ("8.6", "官方网站", "Don Ho", "https://notepad-plus-plus.org", "编辑文本与配置文件"),
    "搜狗输入法": ("15.3", "官方网站", "北京搜狗科技发展有限公司", "010-56899999", "中文录入"),
    "CAJViewer": ("9.3", "中国知网", "同方知网数字出版技术股份有限公司", "400-810-9888", "阅读期刊文献"),
    "EpiData": ("3.1", "EpiData协会网站", "EpiData Association", "https://www.epidata.dk", "流调数据双录入"),
    "VLC media player": ("3.0.21", "官方网站", "VideoLAN", "https://www.videolan.org", "播放讲座录像"),
    "Adobe Acrobat Reader DC": ("2024", "官方网站", "Adobe Inc.", "https://helpx.adobe.com", "阅读PDF资料"),
}


def free(sid, name, depts, **kw):
    v, src, maker, contact, reason = FREE_OK[name]
    origin = "domestic" if name in ("福昕阅读器", "搜狗输入法", "CAJViewer") else "foreign"
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
        k = f"{prefix}{r.randrange(10**9, 10**10)}"
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

    horizon = AS_OF - dt.timedelta(days=182)
    need(horizon <= u.filled <= AS_OF, f"填表日期 {u.filled} (ZB413)")
    for k, v in u.sheet_filled.items():
        need(horizon <= v <= AS_OF, f"{k} 填表日期 {v}")
    users = u.users()
    need(len(users) <= u.people_total, "ZB115")
    need(len(u.pcs) <= u.servers + u.desktops + u.laptops, "ZB408")
    for t in ("server", "desktop", "laptop"):
        need(sum(1 for p in u.pcs if p.ptype == t) <= getattr(u, t + "s"), f"{t} count")
    need(len({p.pc for p in u.pcs}) == len(u.pcs), "duplicate computer")
    ss = [s.serial for s in u.soft.values() if s.serial]
    need(len(ss) == len(set(ss)), "ZB124")
    names = [s.name for s in u.soft.values() if s.kind == "free"]
    need(len(names) == len(set(names)), "ZB106")
    com = [s for s in u.soft.values() if s.kind == "commercial"]
    sig = [(s.name, s.version, s.purchased, s.amount, s.ltype, s.lcount, s.usable, s.term, s.serial) for s in com]
    need(len(sig) == len(set(sig)), "ZB105")
    for s in u.soft.values():
        n = u.installed(s.sid)
        full = f"{s.name} {s.version}"
        if s.cat in ("os", "office"):
            need(any(e in full for e in EDITIONS), f"ZB123 {s.sid}")
            need(not any(h in full for h in HOME), f"ZB121 {s.sid}")
        if s.kind == "commercial":
            need(s.ltype and s.lcount and s.usable and s.term and s.serial and s.version, f"ZB109/119 {s.sid}")
            need(s.purchased is not None and s.amount and s.amount > 0, f"ZB110/118 {s.sid}")
            need(n <= s.lcount, f"ZB111 {s.sid}")
            need(s.purchased <= u.filled, f"ZB117 {s.sid}")
            need(s.term.form != "word", f"ZB116 {s.sid}")
            if s.term.form == "range":
                need(s.term.start >= s.purchased, f"ZB125 {s.sid}")
            end = s.term.end_on(s.purchased)
            if n:
                need(end is None or end >= AS_OF + dt.timedelta(days=120), f"ZB112/113 {s.sid} {end}")
        else:
            need(s.purchased is None and s.amount is None and s.lcount is None and s.serial is None
                 and s.ltype is None and s.term is None, f"ZB107/108 {s.sid}")
        if s.kind == "free":
            need(s.version == "" and s.name in FREE_OK, f"free {s.sid}")
        need(s.sid in u.events, f"ZB401 {s.sid}")
    for p in u.pcs:
        mine = [x for x in u.uses if x.pc == p.pc]
        oses = [x for x in mine if u.soft[x.sid].cat == "os"]
        need(len(oses) == 1 and oses[0].sid == p.os, f"ZB207 {p.pc}")
        need(len({x.sid for x in mine}) == len(mine), f"ZB204 {p.pc}")
        for x in mine:
            need(x.date >= p.os_date, f"ZB209 {p.pc} {x.sid}")
            lim = u.sheet_filled.get(p.place, u.filled)
            need(x.date <= lim and x.date <= u.filled, f"ZB205 {p.pc} {x.sid}")
            s = u.soft[x.sid]
            if s.kind == "commercial":
                first = s.purchased
                if s.month_only:
                    first = D(s.purchased.year + (s.purchased.month == 12), s.purchased.month % 12 + 1, 1)
                need(x.date >= first, f"ZB416 {p.pc} {x.sid}")
                end = s.term.end_on(s.purchased)
                need(end is None or x.date <= end, f"ZB208 {p.pc} {x.sid}")
    newest = dt.date(1900, 1, 1)
    for sid, evs in u.events.items():
        s = u.soft[sid]
        need([e.date for e in evs] == sorted(e.date for e in evs), f"ZB306 {sid}")
        held, peak = set(), 0
        for e in evs:
            newest = max(newest, e.date)
            need(e.date <= u.filled and e.date <= AS_OF, f"ZB310 {sid}")
            if s.kind == "commercial":
                need(e.date >= s.purchased, f"ZB416 log {sid}")
                end = s.term.end_on(s.purchased)
                if e.action == "install":
                    need(end is None or e.date <= end, f"ZB308 {sid}")
            if e.pc in pcs:
                need(e.brand == pcs[e.pc].brand, f"ZB417 {sid}")
                need(e.date >= pcs[e.pc].os_date, f"before OS {sid} {e.pc}")
            need(e.count == 1, f"count {sid}")
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
    need(newest - u.filled <= dt.timedelta(days=0), "ZB413 events")
    if u.plan:
        need(u.plan_date and horizon <= u.plan_date <= AS_OF, "plan date")
    if bad:
        raise SystemExit(f"{u.name}: clean unit breaks: {bad}")


def over_index(u, sid):
    """Index of the event after which the replay first holds more copies than licensed."""
    held = set()
    for i, e in enumerate(u.events[sid]):
        if e.action == "install":
            held.add(e.pc)
        else:
            held.discard(e.pc)
        if len(held) > u.soft[sid].lcount:
            return i
    raise AssertionError(f"{sid}: never over")


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
            if s.purchased.year == year:
                pur[s.origin][s.cat][0] += s.lcount
                pur[s.origin][s.cat][1] += s.amount
            end = s.term.end_on(s.purchased)
            if s.purchased <= end_y and (end is None or end >= end_y):
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
# Formatting values the way each office types them
# =======================================================================================
class Raw:
    def __init__(self, value, fmt=None):
        self.value, self.fmt = value, fmt


class Blank:
    pass


BLANK = Blank()
FWD = str.maketrans("0123456789", "０１２３４５６７８９")


def fmt_date(d, form, month_only=False):
    if d is None:
        return None, None
    if month_only:
        return {"cn": f"{d.year}年{d.month}月", "dash": f"{d.year}-{d.month}", "dot": f"{d.year}.{d.month}",
                "slash": f"{d.year}/{d.month}", "txt8": f"{d.year}{d.month:02d}"}.get(form, f"{d.year}.{d.month}"), None
    if form == "xl":
        return d, "yyyy-mm-dd"
    if form == "xl_cn":
        return d, 'yyyy"年"m"月"d"日"'
    if form == "xl_dot":
        return d, "yyyy.m.d"
    if form == "dot":
        return f"{d.year}.{d.month}.{d.day}", None
    if form == "cn":
        return f"{d.year}年{d.month}月{d.day}日", None
    if form == "slash":
        return f"{d.year}/{d.month}/{d.day}", None
    if form == "dash":
        return f"{d.year}-{d.month}-{d.day}", None
    if form == "num8":
        return int(d.strftime("%Y%m%d")), "0"
    if form == "txt8":
        return d.strftime("%Y%m%d"), None
    raise ValueError(form)


def dtext(d, form="cn"):
    v, _ = fmt_date(d, form)
    if isinstance(v, dt.date):
        return f"{d.year}年{d.month}月{d.day}日"
    return str(v)


def fmt_term(t, form, purchased=None):
    if t is None:
        return None
    if t.form in ("perpetual", "word"):
        return t.word
    if t.form == "until" or form.startswith("end"):
        e = t.end_on(purchased)
        return dtext(e, form[4:] if form.startswith("end_") else "dot")
    if t.form == "years":
        return {"nian": f"{t.n}年", "month": f"{t.n * 12}个月"}.get(form, f"{t.n}年")
    s, e = t.start, t.end
    if form == "cn":
        return f"{s.year}年{s.month}月{s.day}日至{e.year}年{e.month}月{e.day}日"
    if form == "slash":
        return f"{s.year}/{s.month}/{s.day}-{e.year}/{e.month}/{e.day}"
    if form == "dash":
        return f"{s:%Y-%m-%d}至{e:%Y-%m-%d}"
    return f"{s.year}.{s.month}.{s.day}-{e.year}.{e.month}.{e.day}"


def fmt_money(x, form):
    if x is None:
        return None
    return {"num": x, "comma": f"{x:,.2f}", "yuan": f"{x:g}元", "yen": f"¥{x:,.2f}", "wan": f"{x / 10000:g}万元"}[form]


def fmt_count(n, form):
    if n is None:
        return None
    return {"num": n, "ge": f"{n}个", "tao": f"{n}套", "tai": f"{n}台", "fw": str(n).translate(FWD), "dian": f"{n}点"}[form]


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

    def put(self, ws, r, c, value, key=None, kind="text", fmt=None, align=None, bold=False, month_only=False,
            alias=(), purchased=None):
        keys_ = ([key] if key is not None else []) + list(alias)
        for k in keys_:
            if k in self.ov:
                value = self.ov[k]
                self.used.add(k)
                break
        if isinstance(value, Raw):
            value, fmt = value.value, value.fmt
        elif isinstance(value, Blank):
            value = None
        elif kind in ("date", "pdate", "mdate") and isinstance(value, dt.date):
            form = self.style.get(kind, self.style.get("date", "xl"))
            value, f = fmt_date(value, form, month_only)
            fmt = fmt or f
        elif kind == "term" and isinstance(value, Term):
            value = fmt_term(value, self.style.get("term", "dot"), purchased)
        elif kind == "money" and isinstance(value, (int, float)):
            value = fmt_money(value, self.style.get("money", "num"))
        elif kind == "count" and isinstance(value, int):
            value = fmt_count(value, self.style.get("count", "num"))
        cell = ws.cell(r, c, value)
        if fmt:
            cell.number_format = fmt
        if align is not None:
            cell.alignment = align
        if bold:
            cell.font = BOLD
        for k in keys_:
            self.note(k, ws, r, c)
        return cell


class Files:
    """A unit spread over several workbooks: one shared override/position map."""

    def __init__(self, creator, style, variant, ov):
        self.books = {}
        self.creator, self.style, self.variant, self.ov = creator, style, variant, ov
        self.used, self.pos = set(), {}

    def book(self, fname):
        bk = Book(self.creator, self.style, self.variant, self.ov, self.used, self.pos)
        self.books[fname] = bk
        return bk


# ---------------------------------------------------------------------------------------
# Cell helpers
# ---------------------------------------------------------------------------------------
def title(ws, r, text, c0, c1, size=15, height=28):
    ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=c1)
    cell = ws.cell(r, c0, text)
    cell.font = Font(size=size, bold=True)
    cell.alignment = MID
    ws.row_dimensions[r].height = height
    return cell


def span(ws, r, text, c0, c1, align=LEFT, height=None, r1=None):
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


def pairs(items, sep=FW * 2):
    return sep.join(f"{k}：{v}" for k, v in items)


def header_rows(ws, r, cols, c0=1, height=None):
    """cols: (text, field[, group]). One header row, or two when a column has a group (the
    group merged over its columns, the others merged down). Returns (next row, {field: col})."""
    grouped = any(len(c) > 2 and c[2] for c in cols)
    where = {}
    if not grouped:
        for i, col in enumerate(cols):
            cell = ws.cell(r, c0 + i, col[0])
            cell.alignment = MID
            cell.font = BOLD
            where[col[1]] = c0 + i
        if height:
            ws.row_dimensions[r].height = height
        return r + 1, where
    i = 0
    while i < len(cols):
        g = cols[i][2] if len(cols[i]) > 2 else None
        c = c0 + i
        if not g:
            ws.cell(r, c, cols[i][0]).alignment = MID
            ws.cell(r, c).font = BOLD
            ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
            where[cols[i][1]] = c
            i += 1
            continue
        j = i
        while j < len(cols) and len(cols[j]) > 2 and cols[j][2] == g:
            ws.cell(r + 1, c0 + j, cols[j][0]).alignment = MID
            ws.cell(r + 1, c0 + j).font = BOLD
            where[cols[j][1]] = c0 + j
            j += 1
        ws.cell(r, c, g).alignment = MID
        ws.cell(r, c).font = BOLD
        if j - 1 > i:
            ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c0 + j - 1)
        i = j
    if height:
        ws.row_dimensions[r].height = height
        ws.row_dimensions[r + 1].height = height
    return r + 2, where


# =======================================================================================
# Table writers (each layout picks its columns, words and glyphs)
# =======================================================================================
NATIONAL_KINDS = {"commercial": "商业软件", "oem": "OEM软件", "free": "免费软件"}


def summary_value(bk, s, f, installed):
    dash = bk.style.get("dash", "—")
    com = s.kind == "commercial"
    if f == "sid":
        return s.sid, "text"
    if f == "name":
        return s.name, "text"
    if f == "version":
        return (s.version or bk.style.get("fver")), "text"
    if f == "fullname":
        return f"{s.name} {s.version}".strip(), "text"
    if f == "kind":
        return bk.style["kinds"][s.kind], "text"
    if f == "purchased":
        return (s.purchased if com else dash), ("pdate" if com else "text")
    if f == "amount":
        return (s.amount if com else dash), ("money" if com else "text")
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
    if f == "shop":
        return (s.vendor_shop or dash), "text"
    if f == "installed":
        return (installed if bk.variant != "derive" else None), "count"
    if f == "note":
        return s.note, "text"
    if f == "cat":
        return {"os": "操作系统", "office": "办公软件", "antivirus": "杀毒软件", "other": "其他"}[s.cat], "text"
    raise KeyError(f)


def _num(v):
    if v is None:
        return 0
    if isinstance(v, (int, float)):
        return v
    digits = "".join(ch for ch in str(v).translate({ord(a): ord(b) for a, b in zip("０１２３４５６７８９", "0123456789")}) if ch.isdigit())
    return int(digits or 0)


def summary_rows(bk, ws, r, u, cols, where, *, order=None, groups=None, boxes=None, spacer=False,
                 template_rows=None, sub_fmt="{}小计", total_label="合计", label_field="name",
                 sub_fields=("installed",), total=False, extra=None, seq_field="seq", grid_to=None):
    """Summary data rows. groups: [(label, [sids])] with a subtotal row after each and a total
    at the end; None for plain rows in `order`. boxes: (on, off) for kind:* fields.
    template_rows: {group index: n} empty leftover template rows (hidden), only 序号 filled.
    extra: {field: fn(s)} for helper columns. Returns the next row."""
    order = order or list(u.soft)
    extra = extra or {}
    seq = 1
    shown = {}

    def row(s):
        nonlocal r, seq
        inst = u.installed(s.sid)
        for text, f, *_ in cols:
            c = where[f]
            key = ("S", s.sid, f)
            if f == seq_field:
                bk.put(ws, r, c, seq)
            elif f.startswith("kind:"):
                on, off = boxes
                bk.put(ws, r, c, on if f[5:] == s.kind else off, key=("S", s.sid, "kind"), align=MID)
            elif f in extra:
                bk.put(ws, r, c, extra[f](s), key=key)
            else:
                v, kind = summary_value(bk, s, f, inst)
                cell = bk.put(ws, r, c, v, key=key, kind=kind, month_only=s.month_only, purchased=s.purchased)
                if f == "installed":
                    shown[s.sid] = cell.value
        seq += 1
        r += 1

    def figures(r_, sids, label):
        lc = where[label_field]
        ws.cell(r_, lc, label).font = BOLD
        for f in sub_fields:
            if bk.variant == "derive":
                continue
            if f == "installed":
                tot = sum(_num(shown.get(sid)) for sid in sids)
            elif f == "lcount":
                tot = sum(u.soft[sid].lcount or 0 for sid in sids)
            elif f == "amount":
                tot = sum(u.soft[sid].amount or 0 for sid in sids)
            else:
                raise KeyError(f)
            if f in ("lcount", "amount") and not any(u.soft[sid].kind == "commercial" for sid in sids):
                continue
            ws.cell(r_, where[f], tot)

    if not groups:
        for sid in order:
            row(u.soft[sid])
        if total:
            figures(r, order, total_label)
            r += 1
        return r
    allsids = []
    for gi, (label, sids) in enumerate(groups):
        for sid in sids:
            row(u.soft[sid])
        allsids += sids
        for _ in range((template_rows or {}).get(gi, 0)):
            ws.cell(r, where[seq_field], seq)
            ws.row_dimensions[r].hidden = True
            seq += 1
            r += 1
        figures(r, sids, sub_fmt.format(label))
        r += 1
        if spacer and gi < len(groups) - 1:
            r += 1
    figures(r, allsids, total_label)
    return r + 1


PTYPE_WORDS = {"desktop": "台式机", "laptop": "笔记本", "server": "服务器"}


def usage_rows(bk, ws, r, u, uses, cols, where, *, boxes=None, merge=(), extra=None, seq_start=1, hide=None):
    """Usage rows for `uses` (grouped by computer). merge: fields merged over each computer's
    rows. boxes: (on, off) for kind:* columns. hide(x) -> True hides that row (a saved filter).
    Returns (next row, next seq)."""
    pcs = u.pcmap()
    extra = extra or {}
    seq = seq_start
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
            tagk = (x.tag,) if x.tag else ()
            for text, f, *_ in cols:
                c = where[f]
                key = ("U", x.pc, x.sid, f) + tagk
                if f in merge and k > i:
                    continue
                if f == "seq":
                    bk.put(ws, r, c, seq)
                elif f in ("dept", "user", "pc", "brand", "room", "asset"):
                    bk.put(ws, r, c, getattr(p, f), key=key)
                elif f == "ptype":
                    bk.put(ws, r, c, PTYPE_WORDS[p.ptype], key=key)
                elif f in extra:
                    bk.put(ws, r, c, extra[f](p, s, x), key=key)
                elif f == "sid":
                    bk.put(ws, r, c, s.sid, key=key)
                elif f == "name":
                    bk.put(ws, r, c, s.name, key=key)
                elif f == "fullname":
                    bk.put(ws, r, c, f"{s.name} {s.version}".strip(), key=key)
                elif f == "version":
                    bk.put(ws, r, c, s.version or bk.style.get("ufver"), key=key)
                elif f == "term":
                    com = s.kind == "commercial"
                    bk.put(ws, r, c, s.term if com else bk.style.get("udash"), key=key,
                           kind="term" if com else "text", purchased=s.purchased)
                elif f == "kind":
                    bk.put(ws, r, c, bk.style.get("ukinds", bk.style["kinds"])[s.kind], key=key)
                elif f.startswith("kind:"):
                    on, off = boxes
                    kk = ("U", x.pc, x.sid, "kind") + tagk
                    if kk in bk.ov:
                        v = bk.ov[kk][["kind:commercial", "kind:oem", "kind:free"].index(f)]
                        bk.used.add(kk)
                    else:
                        v = on if f[5:] == s.kind else off
                    ws.cell(r, c, v).alignment = MID
                    bk.note(kk, ws, r, c)
                elif f == "date":
                    bk.put(ws, r, c, x.date, key=key, kind="date")
                elif f == "note":
                    pass
                else:
                    raise KeyError(f)
            if hide and hide(x):
                ws.row_dimensions[r].hidden = True
            seq += 1
            r += 1
        for f in merge:
            c = where[f]
            if r - 1 > first:
                ws.merge_cells(start_row=first, start_column=c, end_row=r - 1, end_column=c)
            ws.cell(first, c).alignment = MID
        i = j
    return r, seq


def event_rows(bk, ws, r, u, sid, cols, where, *, boxes=None, words=("安装", "卸载"), extra=None):
    """Part 二 rows of one maintenance log."""
    s = u.soft[sid]
    extra = extra or {}
    for i, e in enumerate(u.events[sid]):
        for text, f, *_ in cols:
            c = where[f]
            key = ("M", sid, i, f)
            alias = [("M", sid, e.tag, f)] if e.tag else []
            if f == "seq":
                bk.put(ws, r, c, i + 1)
            elif f == "act":
                bk.put(ws, r, c, words[0] if e.action == "install" else words[1], key=key, alias=alias, align=MID)
            elif f.startswith("act:"):
                on, off = boxes
                kk = ("M", sid, i, "act")
                ka = [("M", sid, e.tag, "act")] if e.tag else []
                v = on if f[4:] == e.action else off
                hit = next((k for k in [kk] + ka if k in bk.ov), None)
                if hit is not None:
                    o = bk.ov[hit]
                    v = None if isinstance(o, Blank) else o[0 if f == "act:install" else 1]
                    bk.used.add(hit)
                ws.cell(r, c, v).alignment = MID
                for k in [kk] + ka:
                    bk.note(k, ws, r, c)
            elif f in ("pc", "brand", "user", "dept"):
                bk.put(ws, r, c, getattr(e, f), key=key, alias=alias)
            elif f == "version":
                bk.put(ws, r, c, s.version if s.kind != "free" else bk.style.get("mfver", "—"), key=key, alias=alias)
            elif f == "date":
                bk.put(ws, r, c, e.date, key=key, alias=alias, kind="mdate")
            elif f == "count":
                bk.put(ws, r, c, e.count, key=key, alias=alias, kind="count")
            elif f in extra:
                bk.put(ws, r, c, extra[f](e), key=key, alias=alias)
            else:
                raise KeyError(f)
        r += 1
    return r


def part1_values(bk, s):
    dash = bk.style.get("dash", "—")
    com = s.kind == "commercial"
    return {
        "sid": (s.sid, "text"),
        "name": (s.name, "text"),
        "fullname": (f"{s.name} {s.version}".strip(), "text"),
        "version": (s.version or dash, "text"),
        "kind": (bk.style["kinds"][s.kind], "text"),
        "lcount": (s.lcount if com else dash, "count" if com else "text"),
        "usable": (s.usable if com else dash, "text"),
        "term": (s.term if com else dash, "term" if com else "text"),
    }


def part1_text(bk, s, labels, sep=FW, colon="："):
    """Part 一 as one line of "label：value" pairs; each value's override applies."""
    vals = part1_values(bk, s)
    out = []
    for lab, f in labels:
        key = ("M1", s.sid, f)
        if key in bk.ov:
            v = bk.ov[key]
            bk.used.add(key)
        else:
            v, kind = vals[f]
            if kind == "term":
                v = fmt_term(v, bk.style.get("term", "dot"), s.purchased)
            elif kind == "count":
                v = fmt_count(v, bk.style.get("count", "num"))
        out.append(f"{lab}{colon}{v}")
    return sep.join(out)


def part1_line(bk, ws, r, s, labels, c0, c1, sep=FW, bold=True, height=None):
    cell = span(ws, r, part1_text(bk, s, labels, sep), c0, c1, height=height)
    if bold:
        cell.font = BOLD
    for _, f in labels:
        bk.note(("M1", s.sid, f), ws, r, c0)
    return r + 1


def part1_grid(bk, ws, r, s, cols, *, boxes=None, c0=1):
    """Part 一 as a header (one or two rows) and one row of values."""
    r, where = header_rows(ws, r, cols, c0=c0)
    vals = part1_values(bk, s)
    for text, f, *_ in cols:
        c = where[f]
        if f.startswith("kind:"):
            bk.put(ws, r, c, boxes[0] if f[5:] == s.kind else boxes[1], key=("M1", s.sid, "kind"), align=MID)
        else:
            v, kind = vals[f]
            bk.put(ws, r, c, v, key=("M1", s.sid, f), kind=kind, align=MID, purchased=s.purchased)
    return r + 1


def part1_pairs(bk, ws, r, s, labels, *, c0=1, per_row=3):
    """Part 一 as label cells and value cells side by side, per_row pairs a row."""
    vals = part1_values(bk, s)
    for i, (lab, f) in enumerate(labels):
        rr = r + i // per_row
        cc = c0 + 2 * (i % per_row)
        ws.cell(rr, cc, lab).font = BOLD
        v, kind = vals[f]
        bk.put(ws, rr, cc + 1, v, key=("M1", s.sid, f), kind=kind, purchased=s.purchased)
    return r + (len(labels) + per_row - 1) // per_row


def free_rows(bk, ws, r, u, cols, where, *, omit=(), rename=None):
    seq = 1
    for s in u.soft.values():
        if s.kind != "free" or s.sid in omit:
            continue
        for text, f, *_ in cols:
            c = where[f]
            v = {"seq": seq, "sid": s.sid, "name": s.name, "version": s.fversion, "source": s.source,
                 "maker": s.maker, "contact": s.contact, "depts": s.fdepts, "reason": s.reason}[f]
            bk.put(ws, r, c, v, key=("F", s.sid, f))
        seq += 1
        r += 1
    return r


def stats_table(bk, ws, r, u, st, *, head_text, ncols=9, sec_words=None):
    """软件正版化工作信息统计表 body (national structure; the words may vary). Returns next row."""
    w = {"s1": "一、负责软件正版化工作单位（部门）情况", "s2": "二、人员情况", "s3": "三、计算机情况",
         "s4": "四、本年度软件采购情况", "s5": "五、累计拥有软件许可情况"}
    w.update(sec_words or {})
    span(ws, r, head_text, 1, ncols)
    r += 1
    span(ws, r, w["s1"], 1, ncols).font = BOLD
    r += 1
    for i, lab in enumerate(("名称", "负责人姓名", "负责人电话", "传真")):
        ws.cell(r, 1 + 2 * i, lab).alignment = MID
        ws.merge_cells(start_row=r, start_column=1 + 2 * i, end_row=r, end_column=2 + 2 * i)
        ws.cell(r + 1, 1 + 2 * i, u.head[i]).alignment = MID
        ws.merge_cells(start_row=r + 1, start_column=1 + 2 * i, end_row=r + 1, end_column=2 + 2 * i)
    grid(ws, r, r + 1, 1, 8)
    r += 2
    span(ws, r, w["s2"], 1, ncols).font = BOLD
    r += 1
    for i, (lab, k) in enumerate((("总人数", "total"), ("使用计算机人数", "using"))):
        ws.cell(r, 1 + 2 * i, lab).alignment = MID
        ws.merge_cells(start_row=r, start_column=1 + 2 * i, end_row=r, end_column=2 + 2 * i)
        bk.put(ws, r + 1, 1 + 2 * i, st["people"][k], key=("T", "people", k), align=MID)
        ws.merge_cells(start_row=r + 1, start_column=1 + 2 * i, end_row=r + 1, end_column=2 + 2 * i)
    grid(ws, r, r + 1, 1, 4)
    r += 2
    span(ws, r, w["s3"], 1, ncols).font = BOLD
    r += 1
    for i, (lab, k) in enumerate((("服务器数", "servers"), ("台式机数", "desktops"), ("便携机数", "laptops"), ("合计", "total"))):
        ws.cell(r, 1 + 2 * i, lab).alignment = MID
        ws.merge_cells(start_row=r, start_column=1 + 2 * i, end_row=r, end_column=2 + 2 * i)
        bk.put(ws, r + 1, 1 + 2 * i, st["computers"][k], key=("T", "computers", k), align=MID)
        ws.merge_cells(start_row=r + 1, start_column=1 + 2 * i, end_row=r + 1, end_column=2 + 2 * i)
    grid(ws, r, r + 1, 1, 8)
    r += 2
    span(ws, r, w["s4"], 1, ncols).font = BOLD
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
    span(ws, r, w["s5"], 1, ncols).font = BOLD
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


def plan_rows(bk, ws, r, u, cols, *, total_word="共计", sign=None):
    """采购计划: header row `cols` (序号, 名称, 版本, 单价, 数量, 合计, 备注), rows, a 共计 row,
    then the approval lines `sign` [(label, text)]. Returns the next row."""
    for i, h in enumerate(cols, 1):
        ws.cell(r, i, h).alignment = MID
        ws.cell(r, i).font = BOLD
    ws.row_dimensions[r].height = 30
    r0 = r
    r += 1
    tot = 0
    for i, (name, version, price, count, note) in enumerate(u.plan, 1):
        sub = price * count
        tot += sub
        for c, v in enumerate((i, name, version, price, count, sub, note), 1):
            bk.put(ws, r, c, v, key=("P", i, c))
        r += 1
    ws.cell(r, 2, total_word)
    bk.put(ws, r, 6, tot, key=("P", "total"))
    grid(ws, r0, r, 1, len(cols))
    r += 1
    for lab, text in sign or ():
        ws.cell(r, 1, lab).alignment = MID
        span(ws, r, text, 2, len(cols), align=Alignment(horizontal="right", vertical="center"))
        grid(ws, r, r, 1, len(cols))
        ws.row_dimensions[r].height = 26
        r += 1
    return r


def note_header(bk, ws, r, c, fields, prefix="SH"):
    for f in fields:
        bk.note((prefix, f), ws, r, c)


def sections_text(u, variant, fmt="one", ov=None, bk=None):
    """人员情况/计算机情况 in one line; 使用计算机人数 blank for derive. Overrides on
    ("SH", field) replace a figure."""
    v = {"total": u.people_total, "using": len(u.users()), "servers": u.servers,
         "desktops": u.desktops, "laptops": u.laptops}
    if bk is not None:
        for k in list(v):
            if ("SH", k) in bk.ov:
                v[k] = bk.ov[("SH", k)]
                bk.used.add(("SH", k))
    using = "" if variant == "derive" else v["using"]
    if fmt == "one":
        return (f"人员情况：总人数 {v['total']} 人{FW}使用计算机人数 {using} 人{FW * 2}"
                f"计算机情况：服务器 {v['servers']} 台{FW}台式机 {v['desktops']} 台{FW}便携机 {v['laptops']} 台")
    if fmt == "plain":
        return (f"总人数：{v['total']}人  使用计算机人数：{using}人  服务器：{v['servers']}台  "
                f"台式机：{v['desktops']}台  便携式计算机：{v['laptops']}台")
    if fmt == "people":
        return f"人员情况：总人数{FW}{v['total']}{FW}人{FW * 2}使用计算机人数{FW}{using}{FW}人"
    if fmt == "computers":
        return f"计算机情况：服务器{FW}{v['servers']}{FW}台{FW * 2}台式机{FW}{v['desktops']}{FW}台{FW * 2}便携机{FW}{v['laptops']}{FW}台"
    raise ValueError(fmt)


def expect(code, keys, why, also=()):
    return (code, keys, why, list(also))


# =======================================================================================
# L1  税务分局 — own ledger from the 分局's notice: 软件全称/版本号/来源 采购·随机·免费, 有效期至,
#     许可证号, 已装数量; 所属部门/使用人/设备编号; logs stacked, 操作 新装/删除; header in one
#     cell; 人员/计算机 in one cell; statistics table
# =======================================================================================
def tax_branch():
    cert = certs(101, 6, "QC")
    pcs = [
        PC("办公室", "邓文博", "CG-ZD-01", "联想", "desktop", "R01", D(2021, 6, 15)),
        PC("办公室", "林小燕", "CG-ZD-02", "联想", "desktop", "R01", D(2021, 6, 15)),
        PC("办公室", "邓文博", "CG-FW-01", "浪潮", "server", "R05", D(2022, 9, 8)),
        PC("纳税服务股", "苏婷", "CG-ZD-03", "联想", "desktop", "R01", D(2021, 6, 16)),
        PC("税源管理一股", "黄志强", "CG-ZD-05", "联想", "desktop", "R01", D(2021, 6, 17)),
        PC("税源管理一股", "唐丽", "CG-ZD-06", "长城", "desktop", "R02", D(2025, 7, 8)),
        PC("税源管理二股", "罗军", "CG-ZD-07", "长城", "desktop", "R02", D(2025, 7, 8)),
        PC("税源管理二股", "谢芳", "CG-ZD-08", "长城", "desktop", "R02", D(2025, 7, 9)),
        PC("法制股", "王海", "CG-ZD-09", "联想", "desktop", "R01", D(2021, 6, 17)),
        PC("法制股", "王海", "CG-BJ-01", "华为", "laptop", "R01", D(2022, 3, 1)),
    ]
    soft = [
        Soft("R01", "Windows 10", "专业版", "oem", "os", "foreign", note="随机预装"),
        Soft("R02", "统信UOS桌面操作系统", "V20 专业版", "commercial", "os", "domestic", D(2025, 6, 1), month_only=True,
             amount=2400, ltype="批量授权", lcount=3, usable="V20专业版", term=PERP, serial=cert[0]),
        Soft("R03", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2023, 4, 12), amount=8400,
             ltype="批量授权", lcount=12, usable="2019专业版", term=PERP, serial=cert[1]),
        Soft("R04", "奇安信天擎终端安全管理系统", "V10", "commercial", "antivirus", "domestic", D(2026, 3, 18), amount=12000,
             ltype="网络版授权", lcount=15, usable="V10", term=rng(D(2026, 3, 18), D(2029, 3, 17)), serial=cert[2]),
        Soft("R05", "Windows Server 2019", "标准版", "commercial", "os", "foreign", D(2022, 9, 5), amount=6980,
             ltype="单机授权", lcount=1, usable="2019标准版", term=PERP, serial=keys(102, 1)[0]),
        Soft("R06", "Adobe Acrobat Pro DC", "2020", "commercial", "other", "foreign", D(2024, 5, 20), amount=5200,
             ltype="订阅授权", lcount=2, usable="DC", term=yrs(3), serial=cert[3]),
        free("R07", "7-Zip", "各股室"),
        free("R08", "福昕阅读器", "各股室"),
    ]
    u = Unit("国家税务总局清川县税务局城关税务分局", "邓文博", "0839-5521736", D(2026, 11, 18), 24, 1, 8, 1, pcs,
             {s.sid: s for s in soft}, head=("办公室", "邓文博", "0839-5521736", "0839-5521730"))
    desks = [p.pc for p in pcs if p.ptype != "server"]
    build(u, [
        ("R03", desks, D(2023, 4, 15)),
        ("R04", [p.pc for p in pcs], D(2026, 3, 20)),
        ("R06", ["CG-ZD-01", "CG-ZD-09"], D(2024, 5, 22)),
        ("R07", ["CG-ZD-01", "CG-ZD-02", "CG-ZD-09"], D(2022, 1, 10)),
        ("R08", ["CG-ZD-01", "CG-ZD-03", "CG-ZD-05", "CG-ZD-07", "CG-ZD-09"], D(2022, 1, 12)),
    ], [("reinstall", "R03", "CG-ZD-03", D(2023, 4, 16), D(2024, 9, 2), D(2024, 9, 3))])

    style = {"kinds": {"commercial": "采购", "oem": "随机", "free": "免费"}, "pdate": "dot", "date": "cn",
             "mdate": "cn", "term": "end_dot", "money": "num", "count": "num", "dash": "/", "mfver": "/"}
    notice = "按县局《关于进一步规范软件正版化台账管理的通知》要求，台账每半年更新一次，于11月20日前报县局信息中心（电子版）。"

    def render(u, variant, ov, omit_free=()):
        bk = Book("城关税务分局办公室", style, variant, ov)
        head = [("填报单位", u.name), ("填报人", u.filler), ("联系方式", u.phone), ("填报时间", dtext(u.filled))]
        # -- 汇总 --
        ws = bk.sheet("汇总")
        span(ws, 1, notice, 1, 14).font = Font(color="C00000", size=9)
        title(ws, 2, "城关税务分局软件资产汇总台账", 1, 14)
        span(ws, 3, pairs(head, FW * 2), 1, 14)
        note_header(bk, ws, 3, 1, ("unit", "filler", "phone", "filled"))
        span(ws, 4, sections_text(u, variant, "one", bk=bk), 1, 14)
        note_header(bk, ws, 4, 1, ("total", "using", "servers", "desktops", "laptops"))
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件全称", "name"), ("版本号", "version"), ("来源", "kind"),
                ("购置时间", "purchased"), ("购置金额（元）", "amount"), ("授权类型", "ltype"), ("授权数量", "lcount"),
                ("可用版本", "usable"), ("有效期至", "term"), ("许可证号", "serial"), ("已装数量", "installed"), ("备注", "note")]
        r, where = header_rows(ws, 5, cols, height=30)
        r = summary_rows(bk, ws, r, u, cols, where)
        grid(ws, 5, r - 1, 1, 14)
        span(ws, r + 1, "说明：1.来源填“采购”“随机”“免费”，随机、免费软件不填购置及授权信息；2.有效期至填授权截止日期，长期有效的填“永久”；"
                        "3.已装数量按登记表中该编号的安装行数填写。", 1, 14, height=32)
        widths(ws, [5, 8, 26, 11, 6, 10, 11, 10, 8, 11, 11, 24, 8, 9])
        # -- 登记 --
        ws = bk.sheet("登记")
        title(ws, 1, "城关税务分局计算机软件安装使用登记表", 1, 10)
        span(ws, 2, pairs(head, FW * 2), 1, 10)
        note_header(bk, ws, 2, 1, ("unit", "filler", "phone", "filled"), "UH")
        cols = [("序号", "seq"), ("所属部门", "dept"), ("使用人", "user"), ("设备编号", "pc"), ("设备品牌", "brand"),
                ("软件编号", "sid"), ("软件全称", "name"), ("版本号", "version"), ("来源", "kind"), ("安装时间", "date")]
        r, where = header_rows(ws, 3, cols)
        r, _ = usage_rows(bk, ws, r, u, u.uses, cols, where)
        grid(ws, 3, r - 1, 1, 10)
        widths(ws, [5, 12, 8, 10, 8, 8, 26, 11, 6, 15])
        # -- 安装卸载: every log stacked --
        ws = bk.sheet("安装卸载")
        title(ws, 1, "城关税务分局软件安装卸载记录", 1, 9)
        span(ws, 2, pairs(head[:3], FW * 2), 1, 9)
        r = 4
        cols = [("序号", "seq"), ("操作", "act"), ("设备编号", "pc"), ("设备品牌", "brand"), ("使用人", "user"),
                ("所属部门", "dept"), ("版本号", "version"), ("日期", "date"), ("数量", "count")]
        for sid, s in u.soft.items():
            r = part1_line(bk, ws, r, s, [("软件编号", "sid"), ("软件全称", "name"), ("版本号", "version"), ("来源", "kind"),
                                          ("授权数量", "lcount"), ("可用版本", "usable"), ("有效期至", "term")], 1, 9)
            top = r
            r, where = header_rows(ws, r, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where, words=("新装", "删除"))
            grid(ws, top, r - 1, 1, 9)
            r += 1
        widths(ws, [6, 7, 10, 8, 8, 12, 10, 15, 6])
        # -- 免费软件 --
        ws = bk.sheet("免费软件")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        span(ws, 2, pairs(head, FW * 2), 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("获取途径", "source"),
                ("开发商", "maker"), ("客服联系方式", "contact"), ("使用部门", "depts"), ("用途", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_rows(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 8, 12, 8, 9, 26, 26, 10, 14])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("U", "CG-ZD-02", "R03", "date")] = D(2023, 4, 8)
        exp.append(expect("ZB416", [("U", "CG-ZD-02", "R03", "date")],
                          "WPS 在 CG-ZD-02 的安装时间写成 2023年4月8日，早于购置时间 2023.4.12（晚于该机系统 2021年）"))
        u.soft["R06"].serial = u.soft["R04"].serial
        exp.append(expect("ZB124", [("S", "R06", "serial")], "Acrobat 的许可证号抄成了上一行奇安信天擎的许可证号"))
        i = ev_index(u, "R08", lambda e: e.pc == "CG-ZD-03")
        ov[("M", "R08", i, "act")] = BLANK
        exp.append(expect("ZB301", [("M", "R08", i, "act")],
                          "福昕阅读器记录中 CG-ZD-03 一行“操作”栏漏填（既非新装也非删除）；重放少了这台，ZB406/ZB407 可一并报出（不要求）",
                          [("ZB406", [("S", "R08", "installed")]), ("ZB407", [("M", "R08", i, f) for f in ("pc", "act", "date")]),
                           ("ZB407", [("U", "CG-ZD-03", "R08", f) for f in ("pc", "sid", "name")])]))
        j = ev_index(u, "R03", lambda e: e.pc == "CG-ZD-07")
        ov[("M", "R03", j, "user")] = BLANK
        exp.append(expect("ZB302", [("M", "R03", j, "user")], "WPS 记录中 CG-ZD-07 的新装一行漏填使用人"))
        ov[("S", "R07", "installed")] = u.installed("R07") + 1
        exp.append(expect("ZB405", [("S", "R07", "installed")],
                          f"7-Zip 已装数量填 {u.installed('R07') + 1}，登记表中 R07 有 {u.installed('R07')} 行（记录重放也是）；ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "R07", "installed")])]))
        ov[("S", "R05", "amount")] = BLANK
        exp.append(expect("ZB110", [("S", "R05", "amount"), ("S", "R05", "purchased")],
                          "Windows Server 填了购置时间 2022.9.5 却漏填购置金额（采购时间和金额应同时填写）"))
        ov[("U", "CG-ZD-05", "R08", "user")] = "唐丽"
        exp.append(expect("ZB206", [("U", "CG-ZD-05", "R08", "user")],
                          "CG-ZD-05 在其他各行都是黄志强，福昕阅读器一行写成同股室的唐丽（使用人名单不变，不涉及 ZB409）"))
        u.soft["R01"].version = "22H2"
        exp.append(expect("ZB123", [("S", "R01", "name"), ("S", "R01", "version")],
                          "随机预装的 Windows 10 版本号写成 22H2，未写明专业版/企业版等版本（各表一致）"))
        return ov, exp, {}

    return dict(name="tax-branch", classes=[1, 4], office=u.name, unit=u, render=render, faults=faults,
                about="税务分局按县局通知自拟的三本台账：汇总台账用“软件全称、版本号、来源（采购/随机/免费）、购置时间（2025.6 只到月）、"
                      "购置金额、授权类型、授权数量、可用版本、有效期至（截止日期或“永久”）、许可证号、已装数量”，不适用填“/”；表头上方一行红字报送要求；"
                      "填报单位/填报人/联系方式/填报时间在一个合并单元格里以全角空格分隔；人员和计算机情况写在一个单元格里带“人”“台”；"
                      "登记表用“所属部门、使用人、设备编号、设备品牌”，安装时间为“2023年4月15日”文字；安装卸载记录全部叠放在一张表里，"
                      "每段以一行“软件编号：…　软件全称：…”开头，操作栏写“新装/删除”。")


# =======================================================================================
# L2  疾控中心 — summary grouped by category (操作系统/办公/杀毒/专业/工具) with 小计 and 合计,
#     a hidden leftover template row, a hidden 合同编号 column, 填表说明 over several rows;
#     usage one sheet per floor with its own 填表日期, a saved filter hiding rows, a hidden
#     资产编号 column, √/blank boxes; one national-style log per sheet
# =======================================================================================
def cdc():
    pcs = [
        PC("检验科", "刘洋", "JK-101", "戴尔", "desktop", "C01", D(2021, 9, 6), place="一楼", asset="ZC-2021-0311"),
        PC("检验科", "陈静", "JK-102", "戴尔", "desktop", "C01", D(2021, 9, 6), place="一楼", asset="ZC-2021-0312"),
        PC("检验科", "杨磊", "JK-103", "联想", "desktop", "C02", D(2024, 10, 14), place="一楼", asset="ZC-2024-0107"),
        PC("疾病防控科", "张伟", "JK-201", "联想", "desktop", "C01", D(2022, 3, 21), place="二楼", asset="ZC-2022-0045"),
        PC("疾病防控科", "李娜", "JK-202", "联想", "desktop", "C01", D(2022, 3, 21), place="二楼", asset="ZC-2022-0046"),
        PC("疾病防控科", "王强", "JK-203", "联想", "desktop", "C02", D(2024, 10, 14), place="二楼", asset="ZC-2024-0108"),
        PC("疾病防控科", "王强", "JK-B01", "联想", "laptop", "C02", D(2024, 10, 15), place="二楼", asset="ZC-2024-0109"),
        PC("免疫规划科", "孙丽", "JK-205", "联想", "desktop", "C02", D(2024, 10, 15), place="二楼", asset="ZC-2024-0110"),
        PC("办公室", "周敏", "JK-301", "联想", "desktop", "C01", D(2022, 3, 22), place="三楼", asset="ZC-2022-0047"),
        PC("办公室", "周敏", "JK-FW1", "浪潮", "server", "C06", D(2021, 5, 20), place="三楼", asset="ZC-2021-0102"),
    ]
    k = keys(202, 3)
    soft = [
        Soft("C01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("C02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("C06", "Windows Server 2016", "标准版", "commercial", "os", "foreign", D(2021, 5, 12), amount=6200,
             ltype="单机许可", lcount=1, usable="2016标准版", term=PERP, serial=k[0]),
        Soft("C03", "Microsoft Office 2021", "专业增强版", "commercial", "office", "foreign", D(2022, 3, 10), amount=36000,
             ltype="批量许可", lcount=12, usable="2021专业增强版", term=PERP, serial=k[1]),
        Soft("C05", "火绒终端安全管理系统", "V2.0", "commercial", "antivirus", "domestic", D(2026, 4, 8), amount=4800,
             ltype="网络版许可", lcount=15, usable="V2.0", term=yrs(3), serial="HR-2026-YX-00418"),
        Soft("C04", "IBM SPSS Statistics", "26", "commercial", "other", "foreign", D(2023, 6, 20), amount=27000,
             ltype="单机许可", lcount=3, usable="26", term=rng(D(2023, 7, 1), D(2027, 6, 30)), serial=k[2]),
        free("C07", "EpiData", "疾病防控科、免疫规划科"),
        free("C08", "Google Chrome", "全中心"),
        free("C09", "7-Zip", "检验科、疾病防控科、办公室"),
    ]
    u = Unit("云溪县疾病预防控制中心", "周敏", "0736-4218850", D(2026, 11, 20), 38, 1, 8, 1, pcs, {s.sid: s for s in soft},
             sheet_filled={"一楼": D(2026, 11, 12), "二楼": D(2026, 11, 16), "三楼": D(2026, 11, 19)})
    clients = [p.pc for p in pcs if p.ptype != "server"]
    build(u, [
        ("C03", clients, D(2022, 3, 25)),
        ("C05", [p.pc for p in pcs], D(2026, 4, 10)),
        ("C04", ["JK-201", "JK-202", "JK-203"], D(2023, 7, 3)),
        ("C07", ["JK-201", "JK-202", "JK-205", "JK-B01"], D(2022, 4, 1)),
        ("C08", ["JK-101", "JK-103", "JK-203", "JK-205", "JK-301"], D(2022, 4, 6)),
        ("C09", ["JK-102", "JK-201", "JK-301"], D(2022, 4, 8)),
    ], [("reinstall", "C03", "JK-202", D(2022, 3, 26), D(2023, 5, 10), D(2023, 5, 11))])

    style = {"kinds": NATIONAL_KINDS, "pdate": "xl", "date": "xl_dot", "mdate": "xl", "term": "dot", "money": "num",
             "count": "num", "dash": "—", "udash": "—", "mfver": "—"}
    groups = [("操作系统", ["C01", "C02", "C06"]), ("办公软件", ["C03"]), ("杀毒软件", ["C05"]), ("专业软件", ["C04"]),
              ("工具软件", ["C07", "C08", "C09"])]

    def render(u, variant, ov, omit_free=()):
        bk = Book("云溪县疾控中心信息科", style, variant, ov)
        ws = bk.sheet("汇总")
        title(ws, 1, "软件使用情况汇总表", 1, 14)
        ws.cell(2, 1, f"单位名称（盖章）：{u.name}")
        ws.merge_cells("A2:F2")
        ws.cell(2, 7, f"填表人：{u.filler}")
        ws.merge_cells("G2:H2")
        ws.cell(2, 9, f"联系电话：{u.phone}")
        ws.merge_cells("I2:K2")
        bk.put(ws, 2, 12, f"填表日期：{dtext(u.filled)}", key=("SH", "filled"))
        ws.merge_cells("L2:N2")
        ws.cell(3, 1, "人员情况").font = BOLD
        ws.cell(3, 2, "总人数")
        bk.put(ws, 3, 3, u.people_total, key=("SH", "total"))
        ws.cell(3, 4, "使用计算机人数")
        bk.put(ws, 3, 5, None if variant == "derive" else len(u.users()), key=("SH", "using"))
        ws.cell(4, 1, "计算机情况").font = BOLD
        for i, (lab, f) in enumerate((("服务器数", "servers"), ("台式机数", "desktops"), ("便携机数", "laptops"))):
            ws.cell(4, 2 + 2 * i, lab)
            bk.put(ws, 4, 3 + 2 * i, getattr(u, f), key=("SH", f))
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                ("采购时间", "purchased"), ("采购金额（元）", "amount"), ("许可类型", "ltype"), ("许可数量", "lcount"),
                ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("合同编号", "contract"), ("安装数量", "installed")]
        r, where = header_rows(ws, 5, cols, height=30)
        contracts = {"C06": "YXCDC-2021-017", "C03": "YXCDC-2022-009", "C05": "YXCDC-2026-021", "C04": "YXCDC-2023-033"}
        r = summary_rows(bk, ws, r, u, cols, where, groups=groups, template_rows={3: 1}, sub_fmt="{}小计",
                         total_label="合计", extra={"contract": lambda s: contracts.get(s.sid, "—")})
        grid(ws, 5, r - 1, 1, 14)
        ws.column_dimensions["M"].hidden = True
        notes = ["填表说明：", "1.本表按软件类别分组填写，每类之后填写小计，末行填写合计；",
                 "2.OEM软件（随机预装）和免费软件的采购及许可各栏填“—”；",
                 "3.安装数量与各楼层《软件使用情况明细表》中该软件编号的行数一致。"]
        for i, t in enumerate(notes):
            span(ws, r + 1 + i, t, 1, 14)
        widths(ws, [5, 8, 22, 12, 9, 11, 10, 10, 8, 14, 20, 31, 14, 8])
        ucols = [("序号", "seq"), ("科室", "dept"), ("姓名", "user"), ("计算机编号", "pc"), ("资产编号", "asset"),
                 ("计算机品牌", "brand"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
                 ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"), ("免费软件", "kind:free", "软件类型"),
                 ("安装日期", "date")]
        for place in ("一楼", "二楼", "三楼"):
            ws = bk.sheet(place)
            title(ws, 1, f"软件使用情况明细表（{place}）", 1, 14)
            day = u.sheet_filled[place]
            span(ws, 2, f"单位名称：{u.name}    填表人：{u.filler}    联系电话：{u.phone}    填表日期：{dtext(day)}", 1, 14)
            bk.note(("UH", place, "filled"), ws, 2, 1)
            r, where = header_rows(ws, 3, ucols)
            hide = (lambda x: u.soft[x.sid].kind == "free") if place == "二楼" else None
            r, _ = usage_rows(bk, ws, r, u, u.uses_of(place), ucols, where, boxes=("√", None), hide=hide)
            grid(ws, 3, r - 1, 1, 14)
            if place == "二楼":
                ws.auto_filter.ref = f"A4:N{r - 1}"
                ws.auto_filter.add_filter_column(where["kind:free"] - 1, [], blank=True)
            ws.column_dimensions["E"].hidden = True
            widths(ws, [5, 10, 7, 9, 13, 7, 8, 22, 11, 18, 6, 6, 6, 11])
        # maintenance: national-style logs, three or four stacked on a sheet
        for sname, sids in (("系统软件维护", ["C01", "C02", "C06"]), ("应用软件维护", ["C03", "C05", "C04"]),
                            ("工具软件维护", ["C07", "C08", "C09"])):
          ws = bk.sheet(sname)
          r = 1
          for sid in sids:
            s = u.soft[sid]
            title(ws, r, "软件安装维护情况明细表", 1, 10)
            span(ws, r + 1, f"单位名称：{u.name}　　填表人：{u.filler}　　联系电话：{u.phone}", 1, 10)
            ws.cell(r + 2, 1, "一、软件基本信息").font = BOLD
            top = r + 3
            r = part1_grid(bk, ws, top, s, [("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"),
                                          ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"),
                                          ("免费软件", "kind:free", "软件类型"), ("许可数量", "lcount"), ("可使用版本", "usable"),
                                          ("许可期限", "term")], boxes=("☑", "□"))
            grid(ws, top, r - 1, 1, 9)
            ws.cell(r, 1, "二、软件安装卸载明细").font = BOLD
            cols = [("序号", "seq"), ("安装", "act:install"), ("卸载", "act:uninstall"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                    ("使用人", "user"), ("使用部门", "dept"), ("安装/卸载版本", "version"), ("安装/卸载日期", "date"), ("安装数量", "count")]
            top = r + 1
            r, where = header_rows(ws, top, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where, boxes=("☑", "□"))
            grid(ws, top, r - 1, 1, 10)
            r += 2
          widths(ws, [8, 18, 12, 9, 9, 9, 10, 13, 13, 8])
        ws = bk.sheet("免费软件清单")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        span(ws, 2, f"单位名称（盖章）：{u.name}　　填表人：{u.filler}　　联系电话：{u.phone}　　填表日期：{dtext(u.filled)}", 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_rows(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 8, 14, 8, 12, 24, 28, 22, 16])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("U", "JK-205", "C08", "kind")] = ("√", None, "√")
        exp.append(expect("ZB202", [("U", "JK-205", "C08", "kind")], "二楼 JK-205 的 Chrome 一行商业软件和免费软件两栏都打了 √；类型不明，不应再报 ZB404"))
        u.soft["C04"].lcount = 2
        i = over_index(u, "C04")
        exp.append(expect("ZB111", [("S", "C04", "installed"), ("S", "C04", "lcount")],
                          "SPSS 装了 3 台，许可数量只有 2（各表一致）；维护表按日期重放也自此超装，ZB307 可一并报出（不要求）",
                          [("ZB307", [("M", "C04", i, f) for f in ("date", "pc", "act", "count")])]))
        ov[("S", "C03", "serial")] = BLANK
        exp.append(expect("ZB119", [("S", "C03", "serial")], "Office 2021 批量许可的序列号漏填（非场地授权）"))
        ov[("U", "JK-102", "C09", "brand")] = "联想"
        exp.append(expect("ZB203", [("U", "JK-102", "C09", "brand")],
                          "一楼 JK-102 其他各行和维护表都是戴尔，7-Zip 一行写成联想（维护表与多数行一致，不应另报 ZB417）"))
        p = u.pcmap()["JK-202"]
        j = len(u.events["C09"])
        u.events["C09"].append(Ev("uninstall", "JK-202", D(2024, 6, 12), p.brand, p.user, p.dept, tag="ghost"))
        resort(u, "C09")
        exp.append(expect("ZB304", [("M", "C09", "ghost", f) for f in ("pc", "act", "date")],
                          "7-Zip 维护表登记了从 JK-202 卸载（2024-06-12），该机从未安装 7-Zip；重放中这一行落空，Σ安装−Σ卸载少 1，ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "C09", "installed")])]))
        i = ev_index(u, "C03", lambda e: e.pc == "JK-301")
        ov[("M", "C03", i, "version")] = "2016"
        exp.append(expect("ZB309", [("M", "C03", i, "version")], "Office 2021 维护表 JK-301 安装版本写成 2016，既非软件版本也不在可使用版本中"))
        exp.append(expect("ZB410", [("S", "C07", f) for f in ("sid", "name", "kind")], "EpiData 登记为免费软件，可使用免费软件清单中没有"))
        u.soft["C05"].term = rng(D(2026, 3, 1), D(2029, 2, 28))
        exp.append(expect("ZB125", [("S", "C05", "term")], "火绒许可期限 2026.3.1-2029.2.28 自 3 月 1 日起，早于采购时间 2026-04-08 所在月（各表一致）"))
        ov[("U", "JK-301", "C08", "dept")] = BLANK
        exp.append(expect("ZB201", [("U", "JK-301", "C08", "dept")], "三楼 JK-301 的 Chrome 一行漏填科室（空白不算另一个部门，不应报 ZB206）"))
        return ov, exp, {"omit_free": ("C07",)}

    return dict(name="cdc", classes=[2, 3], office=u.name, unit=u, render=render, faults=faults,
                about="疾控中心：汇总表按软件类别（操作系统、办公软件、杀毒软件、专业软件、工具软件）分组，各组后“小计”、末行“合计”，"
                      "类型与类别交错；专业软件组后留了一行隐藏的空模板行（只有序号）；序列号与安装数量之间有隐藏的“合同编号”列；"
                      "表尾四行“填表说明”；明细表按楼层分三张（“软件使用情况明细表（二楼）”），各自的填表日期，软件类型三栏打 √ 或留空，"
                      "隐藏的资产编号列，二楼表保存时带筛选（免费软件各行被隐藏，仍是数据）；日期为 Excel 日期（yyyy.m.d 显示）；"
                      "安装维护情况明细表按系统软件、应用软件、工具软件三张表，每张叠放三份完整的明细表（☑/□）。")


# =======================================================================================
# L3  供电所 (a state firm) — 班组/保管人/设备编号/资产编号; header as label and value cells;
#     人员/计算机 as label cells with values "26人" "8台"; usage with the computer's cells
#     merged over its rows; one log per sheet opened by a "软件编号：G03" caption, part 一 as
#     label/value pairs, 安装/卸载 as a word; two purchase batches of one product
# =======================================================================================
def power_supply():
    cert = certs(303, 5, "WPS")
    pcs = [
        PC("综合班", "蒋涛", "CN-PC01", "联想", "desktop", "G01", D(2021, 4, 12), asset="500110023451"),
        PC("营业班", "钟晓", "CN-PC03", "联想", "desktop", "G01", D(2021, 4, 13), asset="500110023453"),
        PC("营业班", "范琳", "CN-PC04", "联想", "desktop", "G01", D(2021, 4, 13), asset="500110023454"),
        PC("营业班", "谭波", "CN-PC05", "惠普", "desktop", "G01", D(2022, 8, 22), asset="500120031207"),
        PC("营业班", "曹阳", "CN-PC06", "惠普", "desktop", "G01", D(2022, 8, 22), asset="500120031208"),
        PC("运检班", "邱勇", "CN-PC07", "惠普", "desktop", "G01", D(2022, 8, 23), asset="500120031209"),
        PC("运检班", "邱勇", "CN-NB01", "华为", "laptop", "G02", D(2024, 9, 2), asset="500140040116"),
        PC("运检班", "马超", "CN-PC09", "联想", "desktop", "G01", D(2024, 8, 26), asset="500140040101"),
        PC("运检班", "马超", "CN-NB02", "华为", "laptop", "G02", D(2024, 9, 2), asset="500140040117"),
        PC("运检班", "田甜", "CN-PC10", "联想", "desktop", "G01", D(2024, 8, 26), asset="500140040102"),
    ]
    soft = [
        Soft("G01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("G02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("G03", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2022, 5, 16), amount=3500,
             ltype="批量授权", lcount=5, usable="2019专业版", term=PERP, serial=cert[0], vendor_shop="云溪县恒信电脑经营部"),
        Soft("G04", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2024, 8, 20), amount=3750,
             ltype="批量授权", lcount=5, usable="2019专业版", term=PERP, serial=cert[1], vendor_shop="国网信通产业集团"),
        Soft("G05", "360终端安全防护系统", "V10", "commercial", "antivirus", "domestic", D(2025, 7, 1), amount=6000,
             ltype="网络版授权", lcount=15, usable="V10", term=rng(D(2025, 7, 1), D(2028, 6, 30)), serial=cert[2],
             vendor_shop="国网信通产业集团"),
        Soft("G06", "浩辰CAD 2023", "专业版", "commercial", "other", "domestic", D(2023, 9, 12), amount=9800,
             ltype="单机授权", lcount=2, usable="2023专业版", term=PERP, serial="GSTC-2023-77318", vendor_shop="苏州浩辰软件股份有限公司"),
        free("G07", "Notepad++", "综合班、运检班"),
        free("G08", "搜狗输入法", "全所"),
    ]
    u = Unit("国网云溪县供电公司城南供电所", "蒋涛", "13907361526", D(2026, 11, 23), 26, 0, 8, 2, pcs, {s.sid: s for s in soft})
    build(u, [
        ("G03", ["CN-PC01", "CN-PC03", "CN-PC04", "CN-PC05", "CN-PC06"], D(2022, 5, 20)),
        ("G04", ["CN-PC07", "CN-PC09", "CN-PC10", "CN-NB01", "CN-NB02"], D(2024, 8, 28)),
        ("G05", [p.pc for p in pcs], D(2025, 7, 3)),
        ("G06", ["CN-PC07", "CN-PC05"], D(2023, 9, 15)),
        ("G07", ["CN-PC01", "CN-PC07"], D(2023, 2, 1)),
        ("G08", ["CN-PC01", "CN-PC05", "CN-PC06", "CN-NB01", "CN-PC09", "CN-PC10"], D(2022, 9, 1)),
    ], [("reinstall", "G05", "CN-PC03", D(2025, 7, 3), D(2026, 3, 10), D(2026, 3, 11))])

    style = {"kinds": {"commercial": "采购", "oem": "预装", "free": "免费"}, "pdate": "slash", "date": "slash",
             "mdate": "slash", "term": "dot", "money": "comma", "count": "num", "dash": "—", "mfver": "—"}

    def head_cells(bk, ws, r, u, with_date=True, prefix="SH"):
        items = [("单位名称", u.name, "unit", 4), ("填报人", u.filler, "filler", 1), ("联系电话", u.phone, "phone", 1)]
        if with_date:
            items.append(("填报日期", dtext(u.filled, "slash"), "filled", 1))
        c = 1
        for lab, v, f, w in items:
            ws.cell(r, c, lab).font = BOLD
            bk.put(ws, r, c + 1, v, key=(prefix, f))
            if w > 1:
                ws.merge_cells(start_row=r, start_column=c + 1, end_row=r, end_column=c + w)
            c += 1 + w

    def render(u, variant, ov, omit_free=()):
        bk = Book("城南供电所综合班", style, variant, ov)
        ws = bk.sheet("软件台账")
        title(ws, 1, "城南供电所计算机软件台账", 1, 14)
        head_cells(bk, ws, 3, u)
        ws.cell(4, 1, "人员情况").font = BOLD
        ws.cell(4, 2, "总人数")
        bk.put(ws, 4, 3, f"{u.people_total}人", key=("SH", "total"))
        ws.cell(4, 4, "使用计算机人数")
        bk.put(ws, 4, 5, None if variant == "derive" else f"{len(u.users())}人", key=("SH", "using"))
        ws.cell(4, 6, "计算机情况").font = BOLD
        for i, (lab, f) in enumerate((("服务器", "servers"), ("台式机", "desktops"), ("便携机", "laptops"))):
            ws.cell(4, 7 + 2 * i, lab)
            bk.put(ws, 4, 8 + 2 * i, f"{getattr(u, f)}台", key=("SH", f))
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("版本号", "version"), ("软件来源", "kind"),
                ("购置日期", "purchased"), ("购置金额（元）", "amount"), ("授权方式", "ltype"), ("授权数量", "lcount"),
                ("授权版本", "usable"), ("授权期限", "term"), ("授权证书编号", "serial"), ("供应商", "shop"), ("已安装数", "installed")]
        r, where = header_rows(ws, 6, cols, height=30)
        r = summary_rows(bk, ws, r, u, cols, where)
        grid(ws, 6, r - 1, 1, 14)
        widths(ws, [5, 8, 20, 9, 8, 10, 11, 10, 8, 11, 18, 22, 20, 8])
        ws = bk.sheet("使用台账")
        title(ws, 1, "城南供电所计算机软件使用台账", 1, 11)
        head_cells(bk, ws, 3, u, prefix="UH")
        cols = [("序号", "seq"), ("班组", "dept"), ("保管人", "user"), ("设备编号", "pc"), ("资产编号", "asset"),
                ("设备品牌", "brand"), ("软件编号", "sid"), ("软件名称", "name"), ("版本号", "version"), ("软件来源", "kind"),
                ("安装日期", "date")]
        r, where = header_rows(ws, 5, cols)
        r, _ = usage_rows(bk, ws, r, u, u.uses, cols, where, merge=("dept", "user", "pc", "asset", "brand"))
        grid(ws, 5, r - 1, 1, 11)
        widths(ws, [5, 8, 7, 9, 14, 7, 8, 20, 9, 8, 11])
        cols = [("序号", "seq"), ("安装/卸载", "act"), ("设备编号", "pc"), ("设备品牌", "brand"), ("保管人", "user"),
                ("班组", "dept"), ("版本号", "version"), ("日期", "date"), ("数量", "count")]
        for sid, s in u.soft.items():
            ws = bk.sheet(sid)
            c = span(ws, 1, f"软件编号：{sid}", 1, 9)
            c.font = BOLD
            bk.note(("M1", sid, "sid"), ws, 1, 1)
            title(ws, 2, "软件安装卸载登记表", 1, 9)
            head_cells(bk, ws, 3, u, with_date=False, prefix=("MH", sid))
            r = part1_pairs(bk, ws, 5, s, [("软件名称", "name"), ("版本号", "version"), ("软件来源", "kind"),
                                           ("授权数量", "lcount"), ("授权版本", "usable"), ("授权期限", "term")], per_row=3)
            grid(ws, 5, r - 1, 1, 6)
            top = r + 1
            r, where = header_rows(ws, top, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where)
            grid(ws, top, r - 1, 1, 9)
            widths(ws, [9, 18, 9, 12, 8, 10, 9, 11, 6])
        ws = bk.sheet("免费软件")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        head_cells(bk, ws, 2, u, prefix="FH")
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("下载来源", "source"),
                ("厂商", "maker"), ("厂商联系方式", "contact"), ("使用班组", "depts"), ("用途", "reason")]
        r, where = header_rows(ws, 4, cols)
        r = free_rows(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, 4, r - 1, 1, 9)
        widths(ws, [5, 8, 12, 8, 10, 24, 28, 14, 16])
        return bk

    def faults(u):
        ov, exp = {}, []
        i = ev_index(u, "G05", lambda e: e.pc == "CN-PC06")
        ov[("M", "G05", i, "brand")] = "联想"
        exp.append(expect("ZB417", [("M", "G05", i, "brand")], "360 安装卸载登记表中 CN-PC06 的品牌写成联想，使用台账为惠普"))
        x = find_use(u, "CN-PC10", "G08")
        ov[("U", "CN-PC10", "G08", "date")] = D(x.date.year - 1, x.date.month, x.date.day)
        exp.append(expect("ZB209", [("U", "CN-PC10", "G08", "date")],
                          f"CN-PC10 搜狗输入法安装日期年份误写为 {x.date.year - 1}，早于该机系统安装日期 2024/8/26"))
        p = u.pcmap()["CN-PC07"]
        u.events["G06"].append(Ev("install", "CN-PC07", D(2024, 3, 5), p.brand, p.user, p.dept, tag="again"))
        resort(u, "G06")
        exp.append(expect("ZB305", [("M", "G06", "again", f) for f in ("pc", "act", "date")],
                          "浩辰CAD 登记表 2024/3/5 又登记在 CN-PC07 安装一次，该机 2023/9/15 已装且未卸载；Σ安装−Σ卸载多 1，ZB406（及按份数重放的 ZB307）可一并报出（不要求）",
                          [("ZB406", [("S", "G06", "installed")]), ("ZB307", [("M", "G06", "again", f) for f in ("pc", "act", "date")])]))
        evs = u.events["G08"]
        k = next(k for k in range(len(evs) - 1) if evs[k].date < evs[k + 1].date and "CN-PC10" not in (evs[k].pc, evs[k + 1].pc))
        evs[k].tag, evs[k + 1].tag = "late", "early"
        evs[k], evs[k + 1] = evs[k + 1], evs[k]
        exp.append(expect("ZB306", [("M", "G08", "early", "date"), ("M", "G08", "late", "date")],
                          f"搜狗输入法登记表第 {k + 1}、{k + 2} 行先后颠倒（{evs[k].date:%Y/%-m/%-d} 排在 {evs[k + 1].date:%Y/%-m/%-d} 之前）"))
        u.soft["G02"].version = "家庭中文版"
        exp.append(expect("ZB121", [("S", "G02", "name"), ("S", "G02", "version")], "两台华为笔记本随机预装的 Windows 11 是家庭中文版（各表一致）"))
        for f in ("purchased", "amount", "serial"):
            setattr(u.soft["G04"], f, getattr(u.soft["G03"], f))
        exp.append(expect("ZB105", [("S", "G04", f) for f in ("sid", "purchased", "amount", "serial")],
                          "第二批 WPS（G04，2024/8/20 购入）一行照抄了第一批 G03 的购置日期、金额和证书编号，两行除编号外完全相同"))
        drop_os(u, "CN-PC04")
        first = next(x for x in u.uses if x.pc == "CN-PC04")
        exp.append(expect("ZB207", [("U", "CN-PC04", first.sid, "pc")], "CN-PC04 的预装 Windows 10 在各表都没有登记，该机没有操作系统记录"))
        ov[("S", "G06", "amount")] = 0
        exp.append(expect("ZB118", [("S", "G06", "amount")], "浩辰CAD 购置金额填 0（有购置日期的采购）"))
        ov[("U", "CN-PC03", "G05", "sid")] = "G50"
        exp.append(expect("ZB403", [("U", "CN-PC03", "G05", "sid")],
                          "CN-PC03 的 360 一行软件编号 G05 误写为 G50，汇总中没有 G50；按字面 G05 少一行、重放多一台，ZB405/ZB407 可一并报出（不要求）",
                          [("ZB405", [("S", "G05", "installed")]),
                           ("ZB407", [("M", "G05", j, "pc") for j, e in enumerate(u.events["G05"]) if e.pc == "CN-PC03"]),
                           ("ZB407", [("U", "CN-PC03", "G05", f) for f in ("sid", "name", "date")])]))
        return ov, exp, {}

    return dict(name="power-supply", classes=[1, 3, 4], office=u.name, unit=u, render=render, faults=faults,
                about="国有企业的供电所：自己的词（班组、保管人、设备编号、资产编号、软件来源 采购/预装/免费、购置日期、授权方式、授权版本、"
                      "授权期限、授权证书编号、供应商、已安装数）；表头是“单位名称｜值｜填报人｜值…”并排的标签格和值格，人员和计算机情况也是"
                      "标签格加带单位的值（“26人”“8台”）；使用台账一台计算机的班组、保管人、设备编号、资产编号、品牌合并单元格跨行；"
                      "同一产品分两批采购（两个编号）；每个软件一张安装卸载登记表（工作表名就是编号），表顶一行“软件编号：G03”，基本信息是"
                      "标签格/值格成对排列，安装/卸载写成文字；日期“2023/5/20”文字，金额“4,200.00”。")


# =======================================================================================
# L4  社区卫生服务中心 — two-row headers with merged groups (软件类型 / 采购信息 / 许可信息);
#     ●/○ boxes everywhere; header pairs and 人员/计算机 sections each in one cell; usage with
#     科室/使用人/电脑编号/品牌 merged over a computer's rows; logs three to a sheet;
#     statistics table and purchase plan; sheets 表一 … 表六
# =======================================================================================
def community_health():
    k = keys(404, 2)
    pcs = [
        PC("全科诊室", "严华", "SQ-01", "联想", "desktop", "H01", D(2021, 11, 8)),
        PC("全科诊室", "潘越", "SQ-03", "长城", "desktop", "H02", D(2024, 6, 17)),
        PC("预防保健科", "杜鹃", "SQ-04", "联想", "desktop", "H01", D(2021, 11, 9)),
        PC("预防保健科", "贺敏", "SQ-05", "长城", "desktop", "H02", D(2024, 6, 17)),
        PC("药房", "薛峰", "SQ-06", "联想", "desktop", "H01", D(2021, 11, 9)),
        PC("收费室", "余婷", "SQ-07", "联想", "desktop", "H01", D(2022, 2, 14)),
        PC("办公室", "彭丽华", "SQ-09", "联想", "desktop", "H01", D(2022, 2, 15)),
        PC("办公室", "彭丽华", "SQ-FW", "华为", "server", "H05", D(2023, 2, 20)),
        PC("办公室", "龚强", "SQ-10", "长城", "desktop", "H02", D(2025, 9, 3)),
    ]
    soft = [
        Soft("H01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("H02", "统信UOS", "V20 专业版", "oem", "os", "domestic"),
        Soft("H03", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2024, 3, 11), amount=7800,
             ltype="批量许可", lcount=12, usable="2019专业版", term=PERP, serial="WPS2024-YXSQ-3317"),
        Soft("H04", "瑞星ESM防病毒系统", "V3.0", "commercial", "antivirus", "domestic", D(2026, 5, 20), amount=5400,
             ltype="网络版许可", lcount=15, usable="V3.0", term=rng(D(2026, 6, 1), D(2029, 5, 31)), serial="RS-ESM-20260520-0871"),
        Soft("H05", "Windows Server 2019", "标准版", "commercial", "os", "foreign", D(2023, 2, 14), amount=7200,
             ltype="单机许可", lcount=1, usable="2019标准版", term=PERP, serial=k[0]),
        free("H06", "7-Zip", "全科诊室、预防保健科、药房、办公室"),
        free("H07", "福昕阅读器", "全中心"),
        free("H08", "CAJViewer", "预防保健科、办公室"),
    ]
    u = Unit("云溪县城东街道社区卫生服务中心", "彭丽华", "0736-4826619", D(2026, 11, 10), 31, 1, 8, 0, pcs,
             {s.sid: s for s in soft}, head=("办公室", "彭丽华", "0736-4826619", "0736-4826610"),
             plan=[("统信UOS桌面操作系统", "V20 专业版", 700, 4, "替换到期设备"), ("WPS Office 2019", "专业版", 650, 2, "新增人员")],
             plan_date=D(2026, 11, 6))
    desks = [p.pc for p in pcs if p.ptype == "desktop"]
    build(u, [
        ("H03", desks, D(2024, 3, 14)),
        ("H04", [p.pc for p in pcs], D(2026, 6, 3)),
        ("H06", ["SQ-01", "SQ-04", "SQ-06", "SQ-09"], D(2022, 3, 1)),
        ("H07", ["SQ-01", "SQ-03", "SQ-06", "SQ-07", "SQ-09", "SQ-10"], D(2022, 3, 3)),
        ("H08", ["SQ-04", "SQ-05", "SQ-09"], D(2023, 4, 10)),
    ])
    style = {"kinds": NATIONAL_KINDS, "pdate": "xl", "date": "xl", "mdate": "xl_cn", "term": "dot", "money": "num",
             "count": "num", "dash": "—", "mfver": "—"}
    log_sheets = [("表三（1）", ["H01", "H02", "H05"]), ("表三（2）", ["H03", "H04"]), ("表三（3）", ["H06", "H07", "H08"])]

    def render(u, variant, ov, omit_free=()):
        bk = Book("城东社区卫生服务中心办公室", style, variant, ov)
        head = pairs([("单位名称（盖章）", u.name), ("填表人", u.filler), ("联系电话", u.phone), ("填表日期", dtext(u.filled))], FW * 2)
        ws = bk.sheet("表一 汇总")
        title(ws, 1, "城东社区卫生服务中心软件使用情况汇总表", 1, 16)
        span(ws, 2, head, 1, 16)
        note_header(bk, ws, 2, 1, ("unit", "filler", "phone", "filled"))
        span(ws, 3, sections_text(u, variant, "one", bk=bk), 1, 16)
        note_header(bk, ws, 3, 1, ("total", "using", "servers", "desktops", "laptops"))
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"),
                ("商业", "kind:commercial", "软件类型"), ("OEM", "kind:oem", "软件类型"), ("免费", "kind:free", "软件类型"),
                ("采购日期", "purchased", "采购信息"), ("采购金额（元）", "amount", "采购信息"),
                ("许可类型", "ltype", "许可信息"), ("许可数量", "lcount", "许可信息"), ("可用版本", "usable", "许可信息"),
                ("许可期限", "term", "许可信息"), ("序列号", "serial", "许可信息"), ("安装数量", "installed")]
        r, where = header_rows(ws, 4, cols)
        r = summary_rows(bk, ws, r, u, cols, where, boxes=("●", "○"), total=True, total_label="合计", label_field="name")
        grid(ws, 4, r - 1, 1, 15)
        span(ws, r, "注：1.软件类型在对应栏内涂“●”，其余栏为“○”；\n2.OEM软件、免费软件的采购信息和许可信息填“—”；\n3.安装数量以《软件使用情况明细表》为准。",
             1, 15, height=48)
        widths(ws, [5, 8, 20, 11, 5, 5, 5, 11, 10, 10, 8, 11, 20, 22, 8])
        ws = bk.sheet("表二 明细")
        title(ws, 1, "城东社区卫生服务中心软件使用情况明细表", 1, 12)
        span(ws, 2, head, 1, 12)
        bk.note(("UH", "filled"), ws, 2, 1)
        cols = [("序号", "seq"), ("科室", "dept"), ("使用人", "user"), ("电脑编号", "pc"), ("品牌", "brand"), ("软件编号", "sid"),
                ("软件名称", "name"), ("版本", "version"), ("商业", "kind:commercial", "软件类型"), ("OEM", "kind:oem", "软件类型"),
                ("免费", "kind:free", "软件类型"), ("安装日期", "date")]
        r, where = header_rows(ws, 3, cols)
        r, _ = usage_rows(bk, ws, r, u, u.uses, cols, where, boxes=("●", "○"), merge=("dept", "user", "pc", "brand"))
        grid(ws, 3, r - 1, 1, 12)
        widths(ws, [5, 10, 7, 8, 6, 8, 20, 11, 5, 5, 5, 11])
        for sname, sids in log_sheets:
            ws = bk.sheet(sname)
            r = 1
            for sid in sids:
                s = u.soft[sid]
                title(ws, r, f"软件安装维护情况明细表（{sid}）", 1, 11, size=13)
                span(ws, r + 1, pairs([("单位名称", u.name), ("填表人", u.filler), ("联系电话", u.phone)], FW * 2), 1, 11)
                ws.cell(r + 2, 1, "一、软件基本信息").font = BOLD
                top = r + 3
                r = part1_grid(bk, ws, top, s, [("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"),
                                                ("商业", "kind:commercial", "软件类型"), ("OEM", "kind:oem", "软件类型"),
                                                ("免费", "kind:free", "软件类型"), ("许可数量", "lcount"), ("可用版本", "usable"),
                                                ("许可期限", "term")], boxes=("●", "○"))
                grid(ws, top, r - 1, 1, 9)
                ws.cell(r, 1, "二、软件安装卸载明细").font = BOLD
                cols = [("序号", "seq"), ("安装", "act:install", "操作"), ("卸载", "act:uninstall", "操作"), ("电脑编号", "pc"),
                        ("品牌", "brand"), ("使用人", "user"), ("科室", "dept"), ("安装/卸载版本", "version"),
                        ("安装/卸载日期", "date"), ("安装数量", "count")]
                top = r + 1
                r, where = header_rows(ws, top, cols)
                r = event_rows(bk, ws, r, u, sid, cols, where, boxes=("●", "○"))
                grid(ws, top, r - 1, 1, 10)
                r += 2
            widths(ws, [6, 8, 20, 11, 6, 8, 10, 12, 16, 8, 4])
        ws = bk.sheet("表四 免费软件")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        span(ws, 2, head, 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用科室", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_rows(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 8, 12, 8, 10, 28, 24, 24, 14])
        if variant != "derive":
            ws = bk.sheet("表五 统计")
            title(ws, 1, f"软件正版化工作信息统计表（{YEAR}年度）", 1, 9)
            stats_table(bk, ws, 2, u, statistics(u), head_text=head)
            widths(ws, [10] + [11] * 8)
        ws = bk.sheet("表六 采购计划")
        title(ws, 1, "2027年软件采购计划表", 1, 7)
        span(ws, 2, pairs([("经手人", u.filler), ("联系电话", u.phone), ("填表日期", dtext(u.plan_date))], FW * 2), 1, 7)
        plan_rows(bk, ws, 3, u, ("序号", "软件名称", "软件版本", "单价（元）", "许可数（个）", "合计（元）", "备注"),
                  sign=[("信息化部门审核", "审核人：龚强　　2026年11月7日"), ("财务部门审核", "审核人：余婷　　2026年11月7日"),
                        ("单位领导审批", "审批人：陈国平　　2026年11月9日")])
        widths(ws, [14, 22, 12, 11, 11, 11, 14])
        return bk

    def faults(u):
        ov, exp = {}, []
        move_oem(u, PC("办公室", "龚强", "SQ-J01", "长城", "desktop", "H02", D(2024, 6, 18)), "SQ-09", D(2025, 9, 2), D(2025, 9, 3))
        exp.append(expect("ZB311", [("M", "H02", "moved-in", f) for f in ("pc", "act", "date")] + [("M", "H02", "old-out", f) for f in ("pc", "act", "date")],
                          "报废的 SQ-J01 上预装的统信UOS 2025年9月2日卸下、次日装到早已在用的 SQ-09（该机原随机 Windows 10 当天卸载，其上软件随后重装）："
                          "预装许可随原机报废，不能迁移（各表一致）"))
        ov[("S", "H03", "kind")] = "○"
        exp.append(expect("ZB101", [("S", "H03", "kind")],
                          "WPS 一行软件类型三栏都是“○”，没有涂选；类型不明，不应再报依类型的规则；按字面统计表中含 WPS 的办公软件许可数随之对不上，ZB414 可一并报出（不要求）",
                          [("ZB414", [("T", "holdings", "domestic", "office"), ("T", "holdings", "domestic", "total"),
                                      ("T", "holdings", "total", "office"), ("T", "holdings", "total", "total")])]))
        ov[("U", "SQ-06", "H07", "kind")] = ("○", "○", "○")
        exp.append(expect("ZB202", [("U", "SQ-06", "H07", "kind")], "SQ-06 福昕阅读器一行软件类型三栏都是“○”"))
        st = statistics(u)
        ov[("T", "holdings", "domestic", "os")] = 0
        exp.append(expect("ZB414", [("T", "holdings", "domestic", "os")],
                          f"五、国内操作系统（含预装）许可数填 0，漏算预装的统信UOS，按台账应为 {st['holdings']['domestic']['os']}"))
        ov[("P", 2, 6)] = 1500
        ov[("P", "total")] = 700 * 4 + 1500
        exp.append(expect("ZB415", [("P", 2, 6)], "采购计划第 2 行合计填 1500，单价 650 × 许可数 2 = 1300（共计按 1500 加总，本身不错）"))
        ov[("S", "H06", "ltype")] = "免费许可"
        exp.append(expect("ZB108", [("S", "H06", "ltype")], "免费软件 7-Zip 的许可类型填了“免费许可”（应为“—”）"))
        i = ev_index(u, "H03", lambda e: e.pc == "SQ-07")
        ov[("M", "H03", i, "count")] = 0
        exp.append(expect("ZB302", [("M", "H03", i, "count")], "WPS 维护表 SQ-07 的安装一行安装数量填 0；Σ安装少 1，ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "H03", "installed")])]))
        exp.append(expect("ZB410", [("S", "H08", f) for f in ("sid", "name", "kind")], "CAJViewer 登记为免费软件，可使用免费软件清单中没有"))
        ov[("M", "H04", 0, "date")] = D(2026, 5, 15)
        exp.append(expect("ZB416", [("M", "H04", 0, "date")],
                          "瑞星 维护表第 1 条安装日期 2026年5月15日，早于采购日期 2026-05-20（仍是最早一条，次序不乱）"))
        return ov, exp, {"omit_free": ("H08",)}

    return dict(name="community-health", classes=[2, 4], office=u.name, unit=u, render=render, faults=faults,
                about="社区卫生服务中心：汇总表两行表头，合并的“软件类型（商业/OEM/免费）”“采购信息”“许可信息”组头，类型用 ●/○ 涂选，末行"
                      "“合计”，多行“注”；单位名称/填表人/联系电话/填表日期在一个单元格，人员和计算机情况在一个单元格；明细表科室、使用人、"
                      "电脑编号、品牌合并跨行；安装维护情况明细表三份一张表上下叠放（表三（1）…（3）），每份完整两部分、●/○；另有统计表、采购计划；"
                      "工作表名“表一 汇总”…“表六 采购计划”。")


# =======================================================================================
# L5  市场监管所 — one sheet "台账" holding summary, usage and free list stacked, each under
#     its own caption; own words (编号, 来源 采购/预装/免费, 购买时间 "2023-5", 授权数, 可装版本,
#     序列号/激活码, 已安装); usage type as three columns "是"/blank under 来源; the usage part
#     saved with a filter hiding one 股室's rows; logs stacked on "维护", date column first
# =======================================================================================
def market_supervision():
    k = keys(505, 2)
    pcs = [
        PC("所长室", "郝建军", "SJ-01", "联想", "desktop", "J01", D(2021, 7, 5)),
        PC("综合股", "孔维", "SJ-02", "联想", "desktop", "J01", D(2021, 7, 5)),
        PC("综合股", "邹静", "SJ-03", "联想", "desktop", "J01", D(2021, 7, 6)),
        PC("食品安全股", "龙小军", "SJ-05", "同方", "desktop", "J02", D(2025, 5, 12)),
        PC("特种设备股", "江河", "SJ-06", "联想", "desktop", "J01", D(2022, 10, 10)),
        PC("特种设备股", "江河", "SJ-BJ1", "联想", "laptop", "J01", D(2022, 10, 11)),
        PC("消保股", "段芳", "SJ-07", "同方", "desktop", "J02", D(2025, 5, 12)),
        PC("消保股", "侯伟", "SJ-08", "联想", "desktop", "J01", D(2022, 10, 10)),
    ]
    soft = [
        Soft("J01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("J02", "银河麒麟桌面操作系统V10", "专业版", "oem", "os", "domestic"),
        Soft("J03", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2023, 5, 1), month_only=True, amount=6000,
             ltype="批量授权", lcount=10, usable="2019专业版", term=PERP, serial="WPSGOV-2023-0517-CG"),
        Soft("J04", "金山毒霸企业版", "V9", "commercial", "antivirus", "domestic", D(2024, 9, 1), month_only=True, amount=3600,
             ltype="网络版授权", lcount=12, usable="V9", term=rng(D(2024, 10, 1), D(2027, 9, 30)), serial="KSDB-ENT-24090312"),
        Soft("J05", "ABBYY FineReader 15", "企业版", "commercial", "other", "foreign", D(2025, 3, 1), month_only=True, amount=2600,
             ltype="单机授权", lcount=2, usable="15企业版", term=PERP, serial=k[0]),
        free("J06", "7-Zip", "所长室、综合股、食品安全股"),
        free("J07", "Mozilla Firefox", "全所"),
        free("J08", "福昕阅读器", "全所"),
    ]
    u = Unit("云溪县市场监督管理局城关市场监管所", "孔维", "0736-4350127", D(2026, 11, 25), 17, 0, 7, 1, pcs, {s.sid: s for s in soft})
    build(u, [
        ("J03", [p.pc for p in pcs], D(2023, 6, 5)),
        ("J04", [p.pc for p in pcs], D(2024, 10, 8)),
        ("J05", ["SJ-02", "SJ-03"], D(2025, 4, 8)),
        ("J06", ["SJ-01", "SJ-02", "SJ-03"], D(2022, 1, 10)),
        ("J07", ["SJ-01", "SJ-02", "SJ-05", "SJ-06", "SJ-07"], D(2022, 11, 1)),
        ("J08", ["SJ-02", "SJ-03", "SJ-BJ1", "SJ-08"], D(2022, 11, 3)),
    ], [("reinstall", "J03", "SJ-01", D(2023, 6, 5), D(2024, 2, 19), D(2024, 2, 20))])
    style = {"kinds": {"commercial": "采购", "oem": "预装", "free": "免费"}, "pdate": "dash", "date": "dash", "mdate": "dash",
             "term": "dot", "money": "num", "count": "num", "dash": "—", "mfver": "—"}

    def render(u, variant, ov, omit_free=()):
        bk = Book("城关市场监管所综合股", style, variant, ov)
        ws = bk.sheet("台账")
        title(ws, 1, "城关市场监管所软件正版化登记台账", 1, 14, size=16)
        span(ws, 2, f"填报单位：{u.name}   填报人：{u.filler}   联系电话：{u.phone}   填报日期：{dtext(u.filled)}", 1, 14)
        note_header(bk, ws, 2, 1, ("unit", "filler", "phone", "filled"))
        note_header(bk, ws, 2, 1, ("filled",), "UH")
        span(ws, 4, "一、软件汇总表", 1, 14).font = Font(bold=True, size=13)
        span(ws, 5, sections_text(u, variant, "plain", bk=bk), 1, 14)
        note_header(bk, ws, 5, 1, ("total", "using", "servers", "desktops", "laptops"))
        cols = [("序号", "seq"), ("编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("来源", "kind"),
                ("购买时间", "purchased"), ("金额（元）", "amount"), ("授权类型", "ltype"), ("授权数", "lcount"),
                ("可装版本", "usable"), ("授权期限", "term"), ("序列号/激活码", "serial"), ("已安装", "installed"), ("备注", "note")]
        r, where = header_rows(ws, 6, cols, height=28)
        r = summary_rows(bk, ws, r, u, cols, where)
        grid(ws, 6, r - 1, 1, 14)
        span(ws, r, "说明：预装、免费软件的购买和授权各栏填“—”；“已安装”为明细表中该编号的行数。", 1, 14)
        r += 3
        span(ws, r, "二、软件使用明细表", 1, 14).font = Font(bold=True, size=13)
        r += 1
        cols = [("序号", "seq"), ("所属股室", "dept"), ("使用人", "user"), ("设备编号", "pc"), ("品牌", "brand"), ("编号", "sid"),
                ("软件名称", "name"), ("版本", "version"), ("采购", "kind:commercial", "来源"), ("预装", "kind:oem", "来源"),
                ("免费", "kind:free", "来源"), ("安装时间", "date")]
        top = r
        r, where = header_rows(ws, r, cols)
        first = r
        r, _ = usage_rows(bk, ws, r, u, u.uses, cols, where, boxes=("是", None), hide=lambda x: u.pcmap()[x.pc].dept == "特种设备股")
        grid(ws, top, r - 1, 1, 12)
        ws.auto_filter.ref = f"A{first - 1}:L{r - 1}"
        ws.auto_filter.add_filter_column(where["dept"] - 1, sorted({p.dept for p in u.pcs} - {"特种设备股"}))
        r += 2
        span(ws, r, "三、可使用免费软件清单", 1, 14).font = Font(bold=True, size=13)
        r += 1
        cols = [("序号", "seq"), ("编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("来源", "source"),
                ("厂商名称", "maker"), ("客服联系方式", "contact"), ("使用股室", "depts"), ("使用原因", "reason")]
        top = r
        r, where = header_rows(ws, r, cols)
        r = free_rows(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, top, r - 1, 1, 9)
        widths(ws, [5, 10, 18, 10, 6, 10, 22, 10, 6, 10, 18, 22, 7, 8])
        ws = bk.sheet("维护")
        title(ws, 1, "软件安装维护情况明细表", 1, 9)
        span(ws, 2, f"单位名称：{u.name}   填表人：{u.filler}   联系电话：{u.phone}", 1, 9)
        r = 4
        cols = [("序号", "seq"), ("日期", "date"), ("操作", "act"), ("设备编号", "pc"), ("品牌", "brand"), ("使用人", "user"),
                ("所属股室", "dept"), ("版本", "version"), ("数量", "count")]
        for sid, s in u.soft.items():
            if sid not in u.events:
                continue
            r = part1_line(bk, ws, r, s, [("编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("来源", "kind"),
                                          ("授权数", "lcount"), ("可装版本", "usable"), ("授权期限", "term")], 1, 9)
            top = r
            r, where = header_rows(ws, r, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where)
            grid(ws, top, r - 1, 1, 9)
            r += 1
        widths(ws, [5, 11, 6, 9, 6, 8, 11, 10, 5])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("S", "J01", "amount")] = 5600
        exp.append(expect("ZB107", [("S", "J01", "amount")], "预装的 Windows 10 一行金额填了 5600（整机价）"))
        u.soft["J04"].term = rng(D(2024, 10, 1), D(2027, 1, 31))
        exp.append(expect("ZB113", [("S", "J04", "term")], "金山毒霸授权期限 2024.10.1-2027.1.31，距检查日 2026-12-04 不足 90 天（各表一致）"))
        n = u.installed("J08")
        x = find_use(u, "SJ-03", "J08")
        u.uses.insert(u.uses.index(x) + 1, Use("SJ-03", "J08", x.date, tag="dup"))
        ov[("S", "J08", "installed")] = n
        exp.append(expect("ZB204", [("U", "SJ-03", "J08", f, "dup") for f in ("pc", "sid", "name", "date")],
                          f"SJ-03 的福昕阅读器登记了两行（重复录入）；明细表 J08 因此有 {n + 1} 行而已安装仍填 {n}，ZB405 可一并报出（不要求）",
                          [("ZB405", [("S", "J08", "installed")])]))
        ov[("M1", "J03", "lcount")] = 12
        exp.append(expect("ZB303", [("M1", "J03", "lcount")], "WPS 维护记录抬头写“授权数：12”，汇总表为 10"))
        del u.events["J06"]
        exp.append(expect("ZB401", [("S", "J06", "sid")], "7-Zip（J06）没有安装维护记录（维护表中整段漏掉）"))
        ov[("F", "J07", "name")] = "火狐浏览器"
        exp.append(expect("ZB412", [("F", "J07", "name")], "免费软件清单 J07 写成“火狐浏览器”，汇总表为“Mozilla Firefox”；若按名称找不到，ZB410 可一并报出（不要求）",
                          [("ZB410", [("S", "J07", f) for f in ("sid", "name", "kind")])]))
        x = find_use(u, "SJ-05", "J07")
        ov[("U", "SJ-05", "J07", "date")] = D(x.date.year - 1, x.date.month, x.date.day)
        exp.append(expect("ZB209", [("U", "SJ-05", "J07", "date")],
                          f"SJ-05 的 Firefox 安装时间年份误写为 {x.date.year - 1}，早于该机系统 2025-5-12"))
        u.soft["J05"].serial = u.soft["J04"].serial
        exp.append(expect("ZB124", [("S", "J05", "serial")], "ABBYY 的序列号/激活码抄成了上一行金山毒霸的"))
        ov[("U", "SJ-08", "J08", "date")] = D(2026, 11, 28)
        exp.append(expect("ZB205", [("U", "SJ-08", "J08", "date")], "SJ-08 福昕阅读器安装时间 2026-11-28，晚于填报日期 2026年11月25日"))
        return ov, exp, {}

    return dict(name="market-supervision", classes=[1, 2], office=u.name, unit=u, render=render, faults=faults,
                about="市场监管所：一张“台账”表上依次放“一、软件汇总表”“二、软件使用明细表”“三、可使用免费软件清单”，各有小标题，共用表顶一行"
                      "填报信息（普通空格分隔）；汇总表用“编号、来源（采购/预装/免费）、购买时间（“2023-5”只到月）、授权数、可装版本、"
                      "序列号/激活码、已安装”，“说明：”一行；明细表类型是“来源”下“采购/预装/免费”三栏填“是”或留空，日期“2023-6-5”文字，"
                      "保存时带筛选（特种设备股各行被隐藏，仍是数据）；维护记录叠放在“维护”表，每段一行“编号：…　软件名称：…”，日期列在前，操作写安装/卸载。")


# =======================================================================================
# L6  图书馆 — a folder of three workbooks (汇总+免费清单 / 明细 one sheet per floor / one log
#     per sheet); header pairs in one cell separated by ordinary spaces; 人员 and 计算机 on two
#     lines; type typed as a word everywhere; an old antivirus kept in the summary with 0 copies
# =======================================================================================
def library():
    k = keys(606, 2)
    pcs = [
        PC("借阅部", "程琳", "TS-101", "联想", "desktop", "T01", D(2021, 8, 16), place="一层"),
        PC("借阅部", "魏东", "TS-103", "联想", "desktop", "T02", D(2025, 3, 10), place="一层"),
        PC("采编部", "任静", "TS-201", "联想", "desktop", "T01", D(2021, 8, 17), place="二层"),
        PC("采编部", "姚远", "TS-202", "联想", "desktop", "T01", D(2021, 8, 17), place="二层"),
        PC("数字资源部", "金鑫", "TS-203", "戴尔", "desktop", "T02", D(2025, 3, 10), place="二层"),
        PC("数字资源部", "金鑫", "TS-FW1", "浪潮", "server", "T03", D(2022, 10, 12), place="二层"),
        PC("数字资源部", "陆明", "TS-204", "戴尔", "desktop", "T01", D(2022, 6, 20), place="二层"),
        PC("办公室", "方晓", "TS-301", "联想", "desktop", "T01", D(2022, 6, 20), place="三层"),
        PC("办公室", "方晓", "TS-NB1", "华为", "laptop", "T02", D(2025, 3, 11), place="三层"),
    ]
    soft = [
        Soft("T01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("T02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("T03", "Windows Server 2019", "标准版", "commercial", "os", "foreign", D(2022, 10, 8), amount=7600,
             ltype="单机许可", lcount=1, usable="2019标准版", term=PERP, serial=k[0]),
        Soft("T04", "永中Office 2019", "标准版", "commercial", "office", "domestic", D(2023, 8, 15), amount=5800,
             ltype="批量许可", lcount=10, usable="2019标准版", term=PERP, serial="YZ2019-GOV-008812"),
        Soft("T05", "江民杀毒软件KV网络版", "V11", "commercial", "antivirus", "domestic", D(2024, 11, 20), amount=4800,
             ltype="网络版许可", lcount=12, usable="V11", term=yrs(3), serial="JM-KV-241120-5531"),
        Soft("T07", "瑞星杀毒软件网络版", "V17", "commercial", "antivirus", "domestic", D(2021, 9, 6), amount=3600,
             ltype="网络版许可", lcount=10, usable="V17", term=rng(D(2021, 9, 6), D(2024, 12, 31)), serial="RS-NET-2109-0446",
             note="已停用，由T05替换"),
        Soft("T06", "Interlib图书馆集群管理系统客户端", "V5.0", "commercial", "other", "domestic", D(2022, 4, 6), amount=18000,
             ltype="客户端授权", lcount=6, usable="V5.0", term=rng(D(2022, 4, 6), D(2028, 4, 5)), serial="ITL-YX-2022-0406"),
        free("T08", "7-Zip", "采编部、办公室"),
    ]
    u = Unit("云溪县图书馆", "方晓", "0736-4512208", D(2026, 11, 12), 22, 1, 7, 1, pcs, {s.sid: s for s in soft},
             sheet_filled={"一层": D(2026, 11, 9), "二层": D(2026, 11, 10), "三层": D(2026, 11, 12)})
    clients = [p.pc for p in pcs if p.ptype != "server"]
    old_av = [("TS-101", D(2021, 9, 8)), ("TS-201", D(2021, 9, 9)), ("TS-202", D(2021, 9, 9)),
              ("TS-204", D(2022, 6, 22)), ("TS-301", D(2022, 6, 22)), ("TS-FW1", D(2022, 10, 13))]
    build(u, [
        ("T04", clients, D(2023, 8, 21)),
        ("T05", [p.pc for p in pcs], D(2024, 12, 2)),
        ("T06", ["TS-101", "TS-103", "TS-201", "TS-202", "TS-204"], D(2022, 4, 11)),
        ("T08", ["TS-201", "TS-301"], D(2022, 7, 1)),
    ], [("gone", "T07", pc, d, D(2024, 12, 1)) for pc, d in old_av])
    style = {"kinds": NATIONAL_KINDS, "pdate": "xl_cn", "date": "xl", "mdate": "xl", "term": "cn", "money": "num",
             "count": "num", "dash": "—", "udash": "—", "mfver": "—"}
    floors = {"一层": "一层借阅区", "二层": "二层采编及数字资源区", "三层": "三层办公区"}

    def render(u, variant, ov, gone_rows=()):
        fs = Files("云溪县图书馆办公室", style, variant, ov)
        head = f"单位名称：{u.name}    填表人：{u.filler}    联系电话：{u.phone}    填表日期：{dtext(u.filled)}"
        bk = fs.book("1-软件使用情况汇总.xlsx")
        ws = bk.sheet("汇总表")
        title(ws, 1, "软件使用情况汇总表", 1, 13)
        span(ws, 2, head, 1, 13)
        note_header(bk, ws, 2, 1, ("unit", "filler", "phone", "filled"))
        span(ws, 3, sections_text(u, variant, "people", bk=bk), 1, 13)
        note_header(bk, ws, 3, 1, ("total", "using"))
        span(ws, 4, sections_text(u, variant, "computers", bk=bk), 1, 13)
        note_header(bk, ws, 4, 1, ("servers", "desktops", "laptops"))
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                ("采购时间", "purchased"), ("采购金额", "amount"), ("许可类型", "ltype"), ("许可数量", "lcount"),
                ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("安装数量", "installed")]
        r, where = header_rows(ws, 5, cols)
        r = summary_rows(bk, ws, r, u, cols, where, order=[s for s in u.soft if s not in gone_rows])
        grid(ws, 5, r - 1, 1, 13)
        widths(ws, [5, 8, 28, 9, 10, 15, 9, 11, 8, 11, 30, 30, 8])
        ws = bk.sheet("免费软件清单")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        span(ws, 2, head, 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_rows(bk, ws, r, u, cols, where)
        grid(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 8, 16, 8, 10, 22, 28, 16, 14])
        bk = fs.book("2-软件使用明细.xlsx")
        cols = [("序号", "seq"), ("部门", "dept"), ("姓名", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"), ("软件类型", "kind"),
                ("安装日期", "date")]
        for place, long in floors.items():
            ws = bk.sheet(place)
            title(ws, 1, f"软件使用情况明细表（{long}）", 1, 11)
            day = u.sheet_filled[place]
            span(ws, 2, f"单位名称：{u.name}    填表人：{u.filler}    联系电话：{u.phone}    填表日期：{dtext(day)}", 1, 11)
            bk.note(("UH", place, "filled"), ws, 2, 1)
            r, where = header_rows(ws, 3, cols)
            r, _ = usage_rows(bk, ws, r, u, u.uses_of(place), cols, where)
            grid(ws, 3, r - 1, 1, 11)
            widths(ws, [5, 10, 7, 9, 8, 8, 28, 9, 24, 9, 11])
        bk = fs.book("3-软件安装维护记录.xlsx")
        cols = [("序号", "seq"), ("安装/卸载", "act"), ("计算机编号", "pc"), ("计算机品牌", "brand"), ("使用人", "user"),
                ("使用部门", "dept"), ("安装/卸载版本", "version"), ("安装/卸载日期", "date"), ("安装数量", "count")]
        for sid, s in u.soft.items():
            ws = bk.sheet(sid)
            title(ws, 1, "软件安装维护情况明细表", 1, 9)
            span(ws, 2, f"单位名称：{u.name}    填表人：{u.filler}    联系电话：{u.phone}", 1, 9)
            ws.cell(3, 1, "一、软件基本信息").font = BOLD
            r = part1_grid(bk, ws, 4, s, [("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                                          ("许可数量", "lcount"), ("可使用版本", "usable"), ("许可期限", "term")])
            grid(ws, 4, r - 1, 1, 7)
            ws.cell(r, 1, "二、软件安装卸载明细").font = BOLD
            top = r + 1
            r, where = header_rows(ws, top, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where)
            grid(ws, top, r - 1, 1, 9)
            widths(ws, [8, 10, 12, 10, 8, 10, 24, 14, 8])
        return fs

    def faults(u):
        ov, exp = {}, []
        exp.append(expect("ZB402", [("M1", "T07", "sid")],
                          "汇总表删掉了已停用的瑞星（T07）一行，维护记录里仍保留 T07 的安装维护情况明细表"))
        i = ev_index(u, "T05", lambda e: e.pc == "TS-202")
        u.events["T05"][i].count = 2
        exp.append(expect("ZB406", [("S", "T05", "installed")],
                          f"江民维护表 TS-202 的安装一行安装数量写成 2，Σ安装−Σ卸载 = {u.installed('T05') + 1}，汇总安装数量 {u.installed('T05')}（与明细表一致）；应改的是维护表该行"))
        u.desktops -= 2
        exp.append(expect("ZB408", [("SH", "desktops")],
                          f"计算机情况台式机写成 {u.desktops} 台（实有 {u.desktops + 2} 台），明细表中 {len(u.pcs)} 台计算机多于 1+{u.desktops}+1"))
        u.soft["T06"].term = rng(D(2022, 4, 6), D(2026, 4, 5))
        exp.append(expect("ZB112", [("S", "T06", "term"), ("S", "T06", "installed")],
                          "Interlib 客户端授权 2026年4月5日 已到期，仍装 6 台（安装都在到期前；各表一致）"))
        u.soft["T05"].term = rng(D(2024, 10, 20), D(2027, 10, 19))
        exp.append(expect("ZB125", [("S", "T05", "term")], "江民许可期限自 2024年10月20日 起，早于采购时间 2024年11月20日 所在月（各表一致）"))
        ov[("U", "TS-204", "T06", "brand")] = "联想"
        exp.append(expect("ZB203", [("U", "TS-204", "T06", "brand")],
                          "二层 TS-204 其他各行和维护记录都是戴尔，Interlib 一行写成联想（维护记录与多数行一致，不应另报 ZB417）"))
        move_oem(u, PC("采编部", "任静", "TS-NB0", "华为", "laptop", "T02", D(2023, 5, 4)), "TS-201", D(2025, 3, 10), D(2025, 3, 11))
        exp.append(expect("ZB311", [("M", "T02", "moved-in", f) for f in ("pc", "act", "date")] + [("M", "T02", "old-out", f) for f in ("pc", "act", "date")],
                          "报废的旧笔记本 TS-NB0 上预装的 Windows 11 2025年3月10日卸下、次日装到早已在用的 TS-201（该机原随机 Windows 10 当天卸载，"
                          "其上软件随后重装）：预装许可随机器，不能迁移（各表一致）"))
        i = ev_index(u, "T04", lambda e: e.pc == "TS-301")
        ov[("M", "T04", i, "brand")] = "戴尔"
        exp.append(expect("ZB417", [("M", "T04", i, "brand")], "永中Office 维护记录中 TS-301 品牌写成戴尔，明细表为联想"))
        ov[("SH", "using")] = len(u.users()) - 1
        exp.append(expect("ZB409", [("SH", "using")],
                          f"使用计算机人数填 {len(u.users()) - 1}，三张明细表中不同姓名共 {len(u.users())} 个"))
        return ov, exp, {"gone_rows": ("T07",)}

    return dict(name="library", classes=[3, 4], office=u.name, unit=u, render=render, faults=faults,
                about="图书馆：一个单位是一个文件夹，三个工作簿（1-软件使用情况汇总：汇总表+可使用免费软件清单；2-软件使用明细：按楼层"
                      "一层/二层/三层各一张“软件使用情况明细表（一层借阅区）”，各自填表日期；3-软件安装维护记录：每个编号一张，表名即编号）；"
                      "表头信息一个单元格、普通空格分隔；人员情况和计算机情况分两行各一个单元格（全角空格隔开数字和单位）；软件类型各表都写成文字；"
                      "许可期限“2022年4月6日至2028年4月5日”；已停用的旧杀毒软件仍列在汇总表（安装数量 0，维护记录有装有卸）。")


# =======================================================================================
# L7  水文站 — a six-computer station; sheets Sheet1…Sheet4; own words (类别 购置/随机/免费,
#     价格, 许可方式, 许可数 "6套", 适用版本, 使用期限, 许可证号, 装机数; 组别); header as several
#     merged "label：value" cells with short labels (电话, 日期) and one cell per figure with its
#     unit; logs stacked, each opened by "【W02】…", date column first; a scrapped laptop
# =======================================================================================
def hydrology():
    pcs = [
        PC("站长室", "韦国栋", "SW-PC01", "联想", "desktop", "W01", D(2021, 3, 22)),
        PC("测验组", "莫小川", "SW-PC02", "联想", "desktop", "W01", D(2021, 3, 22)),
        PC("测验组", "莫小川", "SW-NB01", "华为", "laptop", "W01", D(2023, 6, 1)),
        PC("测验组", "覃刚", "SW-PC03", "联想", "desktop", "W01", D(2022, 5, 9)),
        PC("资料组", "黄丽萍", "SW-PC04", "联想", "desktop", "W01", D(2022, 5, 9)),
        PC("资料组", "陆海燕", "SW-PC05", "惠普", "desktop", "W01", D(2022, 11, 14)),
    ]
    old = PC("测验组", "莫小川", "SW-NB00", "华为", "laptop", "W01", D(2021, 3, 20))
    soft = [
        Soft("W01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("W02", "WPS Office", "2019 专业版", "commercial", "office", "domestic", D(2021, 4, 20), amount=3300,
             ltype="批量授权", lcount=6, usable="2019 专业版", term=PERP, serial="WPS-2021-QLH-0420"),
        Soft("W03", "水文资料整编系统", "V4.0", "commercial", "other", "domestic", D(2022, 7, 11), amount=16000,
             ltype="单机授权", lcount=2, usable="V4.0", term=PERP, serial="SWZB-4-220711-09"),
        Soft("W04", "ArcGIS Desktop 10.8", "标准版", "commercial", "other", "foreign", D(2020, 10, 15), amount=42000,
             ltype="单机授权", lcount=1, usable="10.8标准版", term=PERP, serial="ESU457813209"),
        Soft("W05", "亚信安全防毒墙网络版", "XG14.0", "commercial", "antivirus", "domestic", D(2025, 3, 25), amount=2400,
             ltype="网络版授权", lcount=8, usable="XG14.0", term=rng(D(2025, 4, 1), D(2028, 3, 31)), serial="AS-OSCE-250325-77"),
        free("W06", "7-Zip", "站长室、测验组、资料组"),
        free("W07", "福昕阅读器", "全站"),
    ]
    u = Unit("青龙河石门水文站", "韦国栋", "0736-4627315", D(2026, 11, 20), 9, 0, 5, 1, pcs, {s.sid: s for s in soft})
    build(u, [
        ("W02", [p.pc for p in pcs], D(2021, 4, 23)),
        ("W03", ["SW-PC04", "SW-PC05"], D(2022, 7, 15)),
        ("W04", ["SW-PC01"], D(2021, 3, 25)),
        ("W05", [p.pc for p in pcs], D(2025, 4, 2)),
        ("W06", ["SW-PC01", "SW-PC02", "SW-PC04"], D(2021, 5, 10)),
        ("W07", [p.pc for p in pcs], D(2021, 5, 12)),
    ], [("date", "W02", "SW-NB01", D(2023, 6, 12)),
        ("gone", "W02", old, D(2021, 4, 23), D(2023, 6, 10))])
    style = {"kinds": {"commercial": "购置", "oem": "随机", "free": "免费"}, "pdate": "dot", "date": "dot", "mdate": "dot",
             "term": "dot", "money": "num", "count": "tao", "dash": "—", "mfver": "—"}

    def ovv(bk, key, default):
        if key in bk.ov:
            bk.used.add(key)
            return bk.ov[key]
        return default

    def head(bk, ws, r, u, prefix, with_date=True):
        items = [(1, 5, f"填报单位：{u.name}", "unit"), (6, 8, f"填报人：{u.filler}", "filler"), (9, 10, f"电话：{u.phone}", "phone")]
        if with_date:
            items.append((11, 13, f"日期：{ovv(bk, (prefix, 'filled'), dtext(u.filled, 'dot'))}", "filled"))
        for c0, c1, text, f in items:
            span(ws, r, text, c0, c1)
            bk.note((prefix, f), ws, r, c0)

    def render(u, variant, ov):
        bk = Book("石门水文站", style, variant, ov)
        ws = bk.sheet("Sheet1")
        title(ws, 1, "石门水文站软件登记表（一）软件汇总", 1, 13)
        head(bk, ws, 2, u, "SH")
        using = "" if variant == "derive" else f"{ovv(bk, ('SH', 'using'), len(u.users()))}人"
        for c0, c1, text, f in ((1, 3, f"职工总数：{u.people_total}人", "total"), (4, 6, f"使用计算机人数：{using}", "using"),
                                (7, 8, f"台式机：{u.desktops}台", "desktops"), (9, 10, f"笔记本：{u.laptops}台", "laptops"),
                                (11, 13, f"服务器：{u.servers}台", "servers")):
            span(ws, 3, text, c0, c1)
            bk.note(("SH", f), ws, 3, c0)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("类别", "kind"),
                ("购置日期", "purchased"), ("价格（元）", "amount"), ("许可方式", "ltype"), ("许可数", "lcount"),
                ("适用版本", "usable"), ("使用期限", "term"), ("许可证号", "serial"), ("装机数", "installed")]
        r, where = header_rows(ws, 4, cols)
        r = summary_rows(bk, ws, r, u, cols, where)
        grid(ws, 4, r - 1, 1, 13)
        widths(ws, [5, 8, 20, 11, 6, 10, 9, 10, 7, 11, 18, 20, 7])
        ws = bk.sheet("Sheet2")
        title(ws, 1, "石门水文站软件登记表（二）使用情况", 1, 10)
        head(bk, ws, 2, u, "UH")
        cols = [("序号", "seq"), ("组别", "dept"), ("使用人", "user"), ("计算机编号", "pc"), ("品牌", "brand"),
                ("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("类别", "kind"), ("安装日期", "date")]
        r, where = header_rows(ws, 3, cols)
        r, _ = usage_rows(bk, ws, r, u, u.uses, cols, where)
        grid(ws, 3, r - 1, 1, 10)
        widths(ws, [5, 8, 8, 10, 6, 8, 20, 11, 6, 11])
        ws = bk.sheet("Sheet3")
        title(ws, 1, "石门水文站软件登记表（三）安装卸载", 1, 9)
        span(ws, 2, f"填报单位：{u.name}{FW}填报人：{u.filler}{FW}电话：{u.phone}", 1, 9)
        r = 4
        cols = [("序号", "seq"), ("日期", "date"), ("安装/卸载", "act"), ("计算机编号", "pc"), ("品牌", "brand"),
                ("使用人", "user"), ("组别", "dept"), ("版本", "version"), ("数量", "count")]
        for sid, s in u.soft.items():
            text = f"【{sid}】{FW}" + part1_text(bk, s, [("软件名称", "name"), ("版本", "version"), ("类别", "kind"),
                                                      ("许可数", "lcount"), ("适用版本", "usable"), ("使用期限", "term")])
            span(ws, r, text, 1, 9).font = BOLD
            for f in ("sid", "name", "version", "kind", "lcount", "usable", "term"):
                bk.note(("M1", sid, f), ws, r, 1)
            top = r + 1
            r, where = header_rows(ws, r + 1, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where)
            grid(ws, top, r - 1, 1, 9)
            r += 1
        widths(ws, [5, 10, 9, 10, 6, 8, 8, 11, 6])
        ws = bk.sheet("Sheet4")
        title(ws, 1, "可以使用的免费软件清单", 1, 9)
        head(bk, ws, 2, u, "FH")
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("版本号", "version"), ("来源", "source"),
                ("厂商", "maker"), ("服务电话/网址", "contact"), ("使用组别", "depts"), ("用途", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_rows(bk, ws, r, u, cols, where)
        grid(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 8, 12, 8, 10, 24, 24, 16, 14])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("SH", "filled")] = "2025.11.20"
        exp.append(expect("ZB413", [("SH", "filled")],
                          "汇总表“日期：2025.11.20”年份误写（应为 2026.11.20），距检查日 2026-12-04 超过半年，台账按字面已过期未更新"))
        u.soft["W03"].term = Term("word", word="见采购合同")
        exp.append(expect("ZB116", [("S", "W03", "term")],
                          "整编系统使用期限填“见采购合同”，不是可识别的期限（各表一致）；记录抬头里同样的期限按 ZB006 报出也可（不要求）",
                          [("ZB006", [("M1", "W03", "term")])]))
        s = u.soft["W06"]
        s.name, s.fversion, s.maker, s.contact = "WinRAR", "7.01", "win.rar GmbH", "https://www.win-rar.com"
        exp.append(expect("ZB122", [("S", "W06", "name"), ("S", "W06", "kind")],
                          "把需购买许可的 WinRAR 登记为免费软件（各表一致，免费软件清单也列了它）"))
        drop_os(u, "SW-PC03")
        first = next(x for x in u.uses if x.pc == "SW-PC03")
        exp.append(expect("ZB207", [("U", "SW-PC03", x.sid, "pc") for x in u.uses if x.pc == "SW-PC03"],
                          "SW-PC03 的随机 Windows 10 各表都没有登记"))
        assert first
        ov[("S", "W05", "installed")] = BLANK
        exp.append(expect("ZB114", [("S", "W05", "installed")], "亚信装机数漏填；ZB405/ZB406 可一并报出（不要求）",
                          [("ZB405", [("S", "W05", "installed")]), ("ZB406", [("S", "W05", "installed")])]))
        ov[("U", "SW-PC02", "W02", "version")] = "2016 专业版"
        exp.append(expect("ZB404", [("U", "SW-PC02", "W02", "version")], "SW-PC02 的 WPS 版本写成“2016 专业版”，汇总表为“2019 专业版”"))
        last = len(u.events["W05"]) - 1
        e = u.events["W05"][last]
        ov[("M", "W05", last, "date")] = D(2027, e.date.month, e.date.day)
        exp.append(expect("ZB310", [("M", "W05", last, "date")],
                          f"亚信记录最后一行日期 {e.date.year}.{e.date.month}.{e.date.day} 误写为 2027.{e.date.month}.{e.date.day}，晚于检查日（仍是最后一行，次序不乱）"))
        x = find_use(u, "SW-NB01", "W02")
        x.date = D(2023, 6, 5)
        j = ev_index(u, "W02", lambda e: e.pc == "SW-NB01")
        u.events["W02"][j].date = D(2023, 6, 5)
        resort(u, "W02")
        j = ev_index(u, "W02", lambda e: e.pc == "SW-NB01")
        exp.append(expect("ZB307", [("M", "W02", j, f) for f in ("date", "pc", "act", "count")],
                          "新笔记本 SW-NB01 的 WPS 在 2023.6.5 装上，旧笔记本 SW-NB00 到 2023.6.10 才卸载：其间 7 份超过许可数 6（各表一致）"))
        ov[("SH", "using")] = len(u.users()) + 1
        exp.append(expect("ZB409", [("SH", "using")], f"使用计算机人数填 {len(u.users()) + 1}人，明细表中不同使用人 {len(u.users())} 个"))
        return ov, exp, {}

    return dict(name="hydrology", classes=[1, 4], office=u.name, unit=u, render=render, faults=faults,
                about="六台计算机的水文站：工作表名 Sheet1…Sheet4；“软件登记表（一）（二）（三）”用站里的词（类别 购置/随机/免费、价格、许可方式、"
                      "许可数“6套”、适用版本、使用期限、许可证号、装机数、组别）；表头是几个合并的“填报单位：…”“电话：…”“日期：2026.11.20”"
                      "单元格，人员和计算机每个数字一个单元格带单位（“职工总数：9人”“笔记本：1台”）；日期“2021.4.23”文字；安装卸载记录叠放，"
                      "每段一行“【W02】　软件名称：…”开头，日期列在前；一台报废的旧笔记本只出现在维护记录里；免费清单标题“可以使用的免费软件清单”。")


# =======================================================================================
# L8  派出所 — a folder of four workbooks (汇总 / 使用登记 one sheet per 警务组 / 维护记录 several
#     logs per sheet / 免费清单); own words (软件来源 购买/预装/免费, 授权形式, 授权点数, 有效期,
#     授权书编号, 安装点数, 使用民警, 制表人/制表日期); 安装/卸载 as ✓ or blank
# =======================================================================================
def police_station():
    k = keys(808, 2)
    pcs = [
        PC("综合室", "钱志远", "GA-ZH01", "联想", "desktop", "P01", D(2021, 5, 17), place="综合室"),
        PC("综合室", "郑晓", "GA-ZH02", "联想", "desktop", "P01", D(2021, 5, 17), place="综合室"),
        PC("综合室", "钱志远", "GA-FWQ", "华为", "server", "P03", D(2020, 12, 15), place="综合室"),
        PC("户籍室", "杭莉", "GA-HJ02", "联想", "desktop", "P01", D(2021, 5, 18), place="户籍室"),
        PC("户籍室", "汪洋", "GA-HJ03", "长城", "desktop", "P02", D(2025, 1, 13), place="户籍室"),
        PC("社区警务队", "柳青", "GA-SQ01", "联想", "desktop", "P01", D(2022, 9, 5), place="社区警务队"),
        PC("治安巡逻队", "包明", "GA-ZA01", "长城", "desktop", "P02", D(2025, 1, 13), place="治安巡逻队"),
        PC("治安巡逻队", "邵华", "GA-ZA02", "联想", "desktop", "P01", D(2022, 9, 6), place="治安巡逻队"),
        PC("治安巡逻队", "祁勇", "GA-ZA03", "长城", "desktop", "P02", D(2025, 1, 14), place="治安巡逻队"),
    ]
    soft = [
        Soft("P01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("P02", "统信UOS", "V20 专业版", "oem", "os", "domestic"),
        Soft("P03", "Windows Server 2016", "数据中心版", "commercial", "os", "foreign", D(2020, 12, 10), amount=9800,
             ltype="单机授权", lcount=1, usable="2016数据中心版", term=PERP, serial=k[0]),
        Soft("P04", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2025, 2, 26), amount=7200,
             ltype="批量授权", lcount=12, usable="2019专业版", term=PERP, serial="WPS-GA-20250226-117"),
        Soft("P05", "360终端安全防护系统", "V10", "commercial", "antivirus", "domestic", D(2024, 6, 3), amount=4900,
             ltype="网络版授权", lcount=14, usable="V10", term=rng(D(2024, 6, 3), D(2027, 6, 2)), serial="QH360-2406-33017"),
        Soft("P06", "会声会影 2023", "旗舰版", "commercial", "other", "foreign", D(2023, 10, 9), amount=2970,
             ltype="单机授权", lcount=3, usable="2023旗舰版", term=PERP, serial=k[1]),
        Soft("P07", "Adobe Photoshop 2023", "2023", "commercial", "other", "foreign", D(2026, 8, 12), amount=2888,
             ltype="订阅授权", lcount=1, usable="2023", term=yrs(1), serial="ADB-PS-1188-2026"),
        free("P08", "7-Zip", "综合室、户籍室、社区警务队"),
        free("P09", "搜狗输入法", "全所"),
    ]
    u = Unit("云溪县公安局城关派出所", "钱志远", "0736-4112563", D(2026, 11, 24), 42, 1, 8, 0, pcs, {s.sid: s for s in soft},
             sheet_filled={"综合室": D(2026, 11, 24), "户籍室": D(2026, 11, 20), "社区警务队": D(2026, 11, 21), "治安巡逻队": D(2026, 11, 22)})
    clients = [p.pc for p in pcs if p.ptype != "server"]
    build(u, [
        ("P04", clients, D(2025, 3, 3)),
        ("P05", [p.pc for p in pcs], D(2024, 6, 5)),
        ("P06", ["GA-ZH01", "GA-HJ02", "GA-ZA02"], D(2023, 10, 12)),
        ("P07", ["GA-ZH02"], D(2026, 8, 15)),
        ("P08", ["GA-ZH01", "GA-ZH02", "GA-SQ01"], D(2022, 10, 10)),
        ("P09", ["GA-ZH01", "GA-HJ02", "GA-ZA02", "GA-ZA03"], D(2022, 10, 12)),
    ])
    style = {"kinds": {"commercial": "购买", "oem": "预装", "free": "免费"}, "pdate": "xl", "date": "xl_cn", "mdate": "xl",
             "term": "dot", "money": "num", "count": "num", "dash": "—", "mfver": "—"}
    log_sheets = [("系统软件", ["P01", "P02", "P03"]), ("办公及安全软件", ["P04", "P05"]), ("其他软件", ["P06", "P07", "P08", "P09"])]

    def render(u, variant, ov, no_free_list=False):
        fs = Files("城关派出所综合室", style, variant, ov)

        def head(day):
            return pairs([("单位名称（盖章）", u.name), ("制表人", u.filler), ("联系电话", u.phone), ("制表日期", dtext(day))], FW)
        bk = fs.book("城关派出所软件汇总表.xlsx")
        ws = bk.sheet("汇总")
        title(ws, 1, "城关派出所计算机软件汇总表", 1, 14)
        span(ws, 2, head(u.filled), 1, 14)
        note_header(bk, ws, 2, 1, ("unit", "filler", "phone", "filled"))
        span(ws, 3, sections_text(u, variant, "one", bk=bk), 1, 14)
        note_header(bk, ws, 3, 1, ("total", "using", "servers", "desktops", "laptops"))
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("软件来源", "kind"),
                ("购买日期", "purchased"), ("购买金额（元）", "amount"), ("授权形式", "ltype"), ("授权点数", "lcount"),
                ("可用版本", "usable"), ("有效期", "term"), ("授权书编号", "serial"), ("安装点数", "installed"), ("备注", "note")]
        r, where = header_rows(ws, 4, cols, height=30)
        r = summary_rows(bk, ws, r, u, cols, where)
        grid(ws, 4, r - 1, 1, 14)
        widths(ws, [5, 8, 20, 11, 8, 11, 10, 10, 8, 14, 18, 31, 8, 8])
        bk = fs.book("城关派出所软件使用登记表.xlsx")
        cols = [("序号", "seq"), ("所属部门", "dept"), ("使用民警", "user"), ("计算机编号", "pc"), ("品牌", "brand"),
                ("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("软件来源", "kind"), ("安装日期", "date")]
        for place, day in u.sheet_filled.items():
            ws = bk.sheet(place)
            title(ws, 1, f"计算机软件使用登记表（{place}）", 1, 10)
            span(ws, 2, head(day), 1, 10)
            bk.note(("UH", place, "filled"), ws, 2, 1)
            r, where = header_rows(ws, 3, cols)
            r, _ = usage_rows(bk, ws, r, u, u.uses_of(place), cols, where)
            grid(ws, 3, r - 1, 1, 10)
            widths(ws, [5, 10, 8, 10, 6, 8, 20, 11, 8, 15])
        bk = fs.book("城关派出所软件安装维护记录.xlsx")
        for sname, sids in log_sheets:
            ws = bk.sheet(sname)
            r = 1
            for sid in sids:
                s = u.soft[sid]
                title(ws, r, "软件安装维护情况明细表", 1, 10, size=13)
                span(ws, r + 1, pairs([("单位名称", u.name), ("制表人", u.filler), ("联系电话", u.phone)], FW), 1, 10)
                top = r + 2
                r = part1_grid(bk, ws, top, s, [("软件编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("软件来源", "kind"),
                                                ("授权点数", "lcount"), ("可用版本", "usable"), ("有效期", "term")])
                grid(ws, top, r - 1, 1, 7)
                cols = [("序号", "seq"), ("安装", "act:install", "操作类型"), ("卸载", "act:uninstall", "操作类型"),
                        ("计算机编号", "pc"), ("品牌", "brand"), ("使用民警", "user"), ("所属部门", "dept"), ("版本", "version"),
                        ("日期", "date"), ("数量", "count")]
                top = r
                r, where = header_rows(ws, top, cols)
                r = event_rows(bk, ws, r, u, sid, cols, where, boxes=("✓", None))
                grid(ws, top, r - 1, 1, 10)
                r += 2
            widths(ws, [8, 8, 20, 10, 8, 8, 14, 11, 11, 6])
        if not no_free_list:
            bk = fs.books["城关派出所软件汇总表.xlsx"]
            ws = bk.sheet("免费清单")
            title(ws, 1, "可使用免费软件清单", 1, 9)
            span(ws, 2, head(u.filled), 1, 9)
            cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                    ("厂商名称", "maker"), ("厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
            r, where = header_rows(ws, 3, cols)
            r = free_rows(bk, ws, r, u, cols, where)
            grid(ws, 3, r - 1, 1, 9)
            widths(ws, [5, 8, 12, 8, 10, 26, 24, 26, 14])
        return fs

    def faults(u):
        ov, exp = {}, []
        ov[("S", "P08", "kind")] = BLANK
        exp.append(expect("ZB101", [("S", "P08", "kind")], "7-Zip 一行软件来源漏填；类型不明，不应再报依类型的规则"))
        ov[("S", "P06", "ltype")] = BLANK
        exp.append(expect("ZB109", [("S", "P06", "ltype")], "会声会影（购买）授权形式漏填"))
        ov[("S", "P07", "purchased")] = D(2026, 12, 8)
        exp.append(expect("ZB117", [("S", "P07", "purchased")],
                          "Photoshop 购买日期 2026-08-12 月日颠倒写成 2026-12-08，晚于制表日期 2026年11月24日和检查日；安装因此早于字面购买日期，ZB416 可一并报出（不要求）",
                          [("ZB416", [("U", "GA-ZH02", "P07", "date")]), ("ZB416", [("M", "P07", 0, "date")])]))
        ov[("U", "GA-HJ02", "P09", "date")] = D(2026, 11, 23)
        exp.append(expect("ZB205", [("U", "GA-HJ02", "P09", "date")], "户籍室登记表制表日期 2026年11月20日，杭莉的搜狗输入法安装日期写成 2026年11月23日"))
        i = ev_index(u, "P05", lambda e: e.pc == "GA-SQ01")
        ov[("M", "P05", i, "act")] = ("✓", "✓")
        exp.append(expect("ZB301", [("M", "P05", i, "act")],
                          "360 记录中 GA-SQ01 一行安装、卸载两栏都打了 ✓；重放不计这一行，ZB406/ZB407 可一并报出（不要求）",
                          [("ZB406", [("S", "P05", "installed")]), ("ZB407", [("M", "P05", i, f) for f in ("pc", "act", "date")]),
                           ("ZB407", [("U", "GA-SQ01", "P05", f) for f in ("pc", "sid", "name")])]))
        ov[("S", "P04", "installed")] = u.installed("P04") - 1
        exp.append(expect("ZB405", [("S", "P04", "installed")],
                          f"WPS 安装点数填 {u.installed('P04') - 1}，四张登记表中 P04 共 {u.installed('P04')} 行（维护记录也是）；ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "P04", "installed")])]))
        exp.append(expect("ZB411", [("UNIT",)], "汇总表工作簿里的“免费清单”表被删掉了，三个工作簿中都没有可使用免费软件清单，而台账中有免费软件"))
        ov[("M", "P04", 0, "date")] = D(2025, 2, 24)
        exp.append(expect("ZB416", [("M", "P04", 0, "date")], "WPS 维护记录第 1 条安装日期 2025-02-24，早于购买日期 2025-02-26（仍是最早一条）"))
        x = find_use(u, "GA-ZA03", "P09")
        ov[("U", "GA-ZA03", "P09", "date")] = D(x.date.year - 1, x.date.month, x.date.day)
        exp.append(expect("ZB209", [("U", "GA-ZA03", "P09", "date")],
                          f"治安巡逻队 GA-ZA03 搜狗输入法安装日期年份误写为 {x.date.year - 1}，早于该机系统 2025年1月14日"))
        return ov, exp, {"no_free_list": True}

    return dict(name="police-station", classes=[1, 3], office=u.name, unit=u, render=render, faults=faults,
                about="派出所：一个文件夹三个工作簿——软件汇总表（另一张表是可使用免费软件清单）、软件使用登记表（综合室/户籍室/社区警务队/治安巡逻队各一张，"
                      "“计算机软件使用登记表（户籍室）”，各自的制表日期）、安装维护记录（“系统软件”“办公及安全软件”“其他软件”三张表，每张叠放"
                      "2–4 份完整的明细表，安装/卸载两栏打 ✓ 或留空）；词用“软件来源 购买/预装/免费、购买日期、授权形式、"
                      "授权点数、有效期、授权书编号、安装点数、使用民警、制表人、制表日期”；表头信息一个单元格全角空格分隔。错漏版没有免费软件清单。")


# =======================================================================================
# L9  气象局 — summary grouped by type with 小计 (许可数量, 金额, 安装数量) and 合计, two hidden
#     helper columns, a one-cell 注; header pairs in one cell with two ordinary spaces, 人员/
#     计算机 as label cells (便携式数); usage on one sheet with 部门/姓名/计算机 merged over rows
#     and ✓/□; every log stacked on one sheet as a full copy of the form
# =======================================================================================
def weather():
    k = keys(909, 4)
    pcs = [
        PC("办公室", "潘建华", "QX-01", "联想", "desktop", "Q01", D(2021, 10, 11)),
        PC("办公室", "潘建华", "QX-FW", "浪潮", "server", "Q02", D(2023, 5, 22)),
        PC("业务股", "顾飞", "QX-03", "联想", "desktop", "Q01", D(2021, 10, 12)),
        PC("业务股", "车晓东", "QX-04", "戴尔", "desktop", "Q01", D(2023, 3, 6)),
        PC("防灾减灾科", "尹红", "QX-05", "戴尔", "desktop", "Q01", D(2023, 3, 6)),
        PC("防灾减灾科", "焦阳", "QX-06", "联想", "desktop", "Q01", D(2021, 10, 12)),
        PC("观测站", "蒲磊", "QX-07", "戴尔", "desktop", "Q01", D(2023, 3, 7)),
        PC("观测站", "蒲磊", "QX-NB", "联想", "laptop", "Q01", D(2022, 4, 19)),
        PC("观测站", "齐悦", "QX-08", "联想", "desktop", "Q01", D(2022, 4, 18)),
    ]
    soft = [
        Soft("Q02", "Windows Server 2019", "标准版", "commercial", "os", "foreign", D(2023, 5, 18), amount=7300,
             ltype="单机许可", lcount=1, usable="2019标准版", term=PERP, serial=k[0]),
        Soft("Q03", "Microsoft Office 2019", "专业增强版", "commercial", "office", "foreign", D(2022, 11, 2), amount=21000,
             ltype="批量许可", lcount=10, usable="2019专业增强版", term=PERP, serial=k[1]),
        Soft("Q04", "Kaspersky Endpoint Security", "11", "commercial", "antivirus", "foreign", D(2025, 10, 20), amount=3500,
             ltype="网络版许可", lcount=10, usable="11", term=rng(D(2025, 11, 1), D(2027, 10, 31)), serial=k[2]),
        Soft("Q05", "Golden Software Surfer", "23", "commercial", "other", "foreign", D(2024, 4, 9), amount=12600,
             ltype="单机许可", lcount=2, usable="23", term=PERP, serial=k[3]),
        Soft("Q06", "瑞星杀毒软件网络版", "V16", "commercial", "antivirus", "domestic", D(2020, 10, 26), amount=3000,
             ltype="网络版许可", lcount=10, usable="V16", term=rng(D(2020, 11, 1), D(2025, 10, 31)), serial="RS-V16-201026-0912",
             note="2025年10月停用"),
        Soft("Q01", "Windows 10", "专业版", "oem", "os", "foreign"),
        free("Q07", "Google Chrome", "全局"),
        free("Q08", "Notepad++", "业务股、观测站"),
    ]
    u = Unit("云溪县气象局", "潘建华", "0736-4268012", D(2026, 11, 17), 19, 1, 7, 1, pcs, {s.sid: s for s in soft},
             )
    clients = [p.pc for p in pcs if p.ptype != "server"]
    old = [("QX-01", D(2021, 10, 13)), ("QX-03", D(2021, 10, 14)), ("QX-06", D(2021, 10, 14)),
           ("QX-08", D(2022, 4, 20)), ("QX-NB", D(2022, 4, 20)), ("QX-04", D(2023, 3, 8)), ("QX-05", D(2023, 3, 8)),
           ("QX-07", D(2023, 3, 9)), ("QX-FW", D(2023, 5, 23))]
    build(u, [
        ("Q03", clients, D(2022, 11, 7)),
        ("Q04", [p.pc for p in pcs], D(2025, 11, 3)),
        ("Q05", ["QX-03", "QX-07"], D(2024, 4, 12)),
        ("Q07", ["QX-01", "QX-04", "QX-06", "QX-NB", "QX-08"], D(2022, 5, 5)),
        ("Q08", ["QX-03", "QX-07"], D(2023, 4, 10)),
    ], [("gone", "Q06", pc, d, D(2025, 10, 30)) for pc, d in old])
    style = {"kinds": NATIONAL_KINDS, "pdate": "xl", "date": "xl", "mdate": "xl", "term": "dot", "money": "num",
             "count": "num", "dash": "—", "udash": "—", "mfver": "—"}

    def render(u, variant, ov, gone_rows=()):
        bk = Book("云溪县气象局办公室", style, variant, ov)
        head = f"单位名称（盖章）：{u.name}  填表人：{u.filler}  联系电话：{u.phone}  填表日期：{dtext(u.filled)}"
        ws = bk.sheet("汇总表")
        title(ws, 1, "云溪县气象局软件使用情况汇总表", 1, 15)
        span(ws, 2, head, 1, 15)
        note_header(bk, ws, 2, 1, ("unit", "filler", "phone", "filled"))
        ws.cell(3, 1, "人员情况").font = BOLD
        ws.cell(3, 2, "总人数")
        bk.put(ws, 3, 3, u.people_total, key=("SH", "total"))
        ws.cell(3, 4, "使用计算机人数")
        bk.put(ws, 3, 5, None if variant == "derive" else len(u.users()), key=("SH", "using"))
        ws.cell(4, 1, "计算机情况").font = BOLD
        for i, (lab, f) in enumerate((("服务器数", "servers"), ("台式机数", "desktops"), ("便携式数", "laptops"))):
            ws.cell(4, 2 + 2 * i, lab)
            bk.put(ws, 4, 3 + 2 * i, getattr(u, f), key=("SH", f))
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                ("采购时间", "purchased"), ("采购金额\n（单位：元）", "amount"), ("许可类型", "ltype"), ("许可数量", "lcount"),
                ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("入账日期", "booked"), ("经费来源", "fund"),
                ("安装数量", "installed")]
        r, where = header_rows(ws, 5, cols, height=32)
        kinds = [("商业软件", "commercial"), ("OEM软件", "oem"), ("免费软件", "free")]
        groups = [(lab, [s for s in u.soft if u.soft[s].kind == kd and s not in gone_rows]) for lab, kd in kinds]
        r = summary_rows(bk, ws, r, u, cols, where, groups=groups, sub_fmt="{}小计", total_label="合计",
                         sub_fields=("lcount", "amount", "installed"),
                         extra={"booked": lambda s: dtext(s.purchased + dt.timedelta(days=9), "dot") if s.kind == "commercial" else "—",
                                "fund": lambda s: "年度公用经费" if s.kind == "commercial" else "—"})
        grid(ws, 5, r - 1, 1, 15)
        for c in ("M", "N"):
            ws.column_dimensions[c].hidden = True
        span(ws, r, "注：1.本表按商业软件、OEM软件、免费软件分类填写；\n2.已停用软件保留登记，安装数量填0；\n3.OEM软件和免费软件的采购、许可信息填“—”。",
             1, 15, height=50)
        widths(ws, [5, 8, 26, 11, 9, 11, 11, 10, 8, 14, 20, 30, 10, 12, 8])
        ws = bk.sheet("明细表")
        title(ws, 1, "云溪县气象局软件使用情况明细表", 1, 13)
        span(ws, 2, head, 1, 13)
        bk.note(("UH", "filled"), ws, 2, 1)
        cols = [("序号", "seq"), ("部门", "dept"), ("姓名", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
                ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"), ("免费软件", "kind:free", "软件类型"),
                ("安装日期", "date")]
        r, where = header_rows(ws, 3, cols)
        r, _ = usage_rows(bk, ws, r, u, u.uses, cols, where, boxes=("✓", "□"), merge=("dept", "user", "pc", "brand"))
        grid(ws, 3, r - 1, 1, 13)
        widths(ws, [5, 10, 7, 8, 7, 8, 26, 11, 20, 6, 6, 6, 11])
        ws = bk.sheet("维护记录")
        r = 1
        for sid, s in u.soft.items():
            title(ws, r, "软件安装维护情况明细表", 1, 10, size=13)
            span(ws, r + 1, f"单位名称：{u.name}  填表人：{u.filler}  联系电话：{u.phone}", 1, 10)
            ws.cell(r + 2, 1, "一、软件基本信息").font = BOLD
            top = r + 3
            r = part1_grid(bk, ws, top, s, [("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"),
                                            ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"),
                                            ("免费软件", "kind:free", "软件类型"), ("许可数量", "lcount"), ("可使用版本", "usable"),
                                            ("许可期限", "term")], boxes=("✓", "□"))
            grid(ws, top, r - 1, 1, 9)
            ws.cell(r, 1, "二、软件安装卸载明细").font = BOLD
            cols = [("序号", "seq"), ("安装", "act:install"), ("卸载", "act:uninstall"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                    ("使用人", "user"), ("使用部门", "dept"), ("安装/卸载版本", "version"), ("安装/卸载日期", "date"), ("安装数量", "count")]
            top = r + 1
            r, where = header_rows(ws, top, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where, boxes=("✓", "□"))
            grid(ws, top, r - 1, 1, 10)
            r += 2
        widths(ws, [8, 20, 12, 9, 9, 9, 12, 14, 16, 8])
        ws = bk.sheet("免费软件")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        span(ws, 2, head, 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_rows(bk, ws, r, u, cols, where)
        grid(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 8, 14, 8, 10, 18, 30, 14, 16])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("S", "Q01", "purchased")] = Raw(D(2021, 10, 8), "yyyy-mm-dd")
        exp.append(expect("ZB107", [("S", "Q01", "purchased")], "OEM 的 Windows 10 一行填了采购时间 2021-10-08（购机日期）"))
        u.people_total = 1
        exp.append(expect("ZB115", [("SH", "using"), ("SH", "total")], f"总人数写成 1，小于使用计算机人数 {len(u.users())}（漏了一位数，应为 19）"))
        ov[("M1", "Q03", "version")] = "专业版"
        exp.append(expect("ZB303", [("M1", "Q03", "version")], "Office 2019 维护表软件基本信息的软件版本写成“专业版”，汇总表为“专业增强版”"))
        p = u.pcmap()["QX-05"]
        u.events["Q08"].append(Ev("uninstall", "QX-05", D(2024, 8, 20), p.brand, p.user, p.dept, tag="ghost"))
        resort(u, "Q08")
        exp.append(expect("ZB304", [("M", "Q08", "ghost", f) for f in ("pc", "act", "date")],
                          "Notepad++ 维护表登记 2024-08-20 从 QX-05 卸载，该机从未安装；ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "Q08", "installed")])]))
        ov[("U", "QX-06", "Q04", "term")] = "2025.11.1-2026.10.31"
        exp.append(expect("ZB404", [("U", "QX-06", "Q04", "term")], "明细表 QX-06 的 Kaspersky 许可期限写成 2025.11.1-2026.10.31，汇总表为 2025.11.1-2027.10.31"))
        i = ev_index(u, "Q03", lambda e: e.pc == "QX-05")
        ov[("M", "Q03", i, "brand")] = "联想"
        exp.append(expect("ZB417", [("M", "Q03", i, "brand")], "Office 维护表中 QX-05 的品牌写成联想，明细表为戴尔"))
        ov[("S", "Q05", "serial")] = BLANK
        exp.append(expect("ZB119", [("S", "Q05", "serial")], "Surfer 的序列号漏填（单机许可）"))
        exp.append(expect("ZB402", [("M1", "Q06", "sid")], "汇总表删去了已停用的瑞星（Q06）一行，维护记录仍有 Q06 的明细表"))
        return ov, exp, {"gone_rows": ("Q06",)}

    return dict(name="weather", classes=[2, 4], office=u.name, unit=u, render=render, faults=faults,
                about="气象局：汇总表按商业/OEM/免费分三组，每组后“商业软件小计”等行（许可数量、采购金额、安装数量三栏都有小计）、末行“合计”，"
                      "商业软件排在 OEM 之前、停用的旧杀毒软件仍登记（安装数量 0）；序列号与安装数量之间两列隐藏（入账日期、经费来源）；"
                      "一个单元格多行“注”；表头一个单元格、两个普通空格分隔，人员/计算机为标签格+值格（“便携式数”）；明细表部门、姓名、"
                      "计算机编号、品牌合并跨行，软件类型 ✓/□；所有安装维护情况明细表完整地叠放在一张“维护记录”表上。")


# =======================================================================================
# L10 住房公积金管理中心 — own words (软件类别 商业授权/随机预装/免费使用, 购置时间 "20250422",
#     购置金额 "¥26,400.00", 授权类型, 序列号/授权码); summary grouped by 类别 with "…软件小计"
#     rows, two hidden leftover template rows, 合计, a 填表说明 block over four rows; sections
#     in one cell; 安装日期 as 8-digit numbers; logs stacked with a "（一）…" caption and a full
#     part 一 grid; statistics table
# =======================================================================================
def housing_fund():
    k = keys(1010, 3)
    pcs = [
        PC("综合科", "严俊", "GJJ-01", "联想", "desktop", "F01", D(2021, 12, 6)),
        PC("综合科", "柏雪", "GJJ-02", "联想", "desktop", "F01", D(2021, 12, 6)),
        PC("综合科", "严俊", "GJJ-SV", "华为", "server", "F03", D(2024, 1, 18)),
        PC("归集科", "常明", "GJJ-03", "联想", "desktop", "F01", D(2021, 12, 7)),
        PC("信贷科", "项东", "GJJ-05", "惠普", "desktop", "F02", D(2025, 4, 28)),
        PC("信贷科", "项东", "GJJ-NB", "惠普", "laptop", "F02", D(2025, 4, 29)),
        PC("财务科", "屈丽", "GJJ-07", "联想", "desktop", "F01", D(2022, 7, 11)),
        PC("财务科", "宁静", "GJJ-08", "联想", "desktop", "F01", D(2022, 7, 11)),
        PC("稽核科", "伍强", "GJJ-09", "联想", "desktop", "F01", D(2022, 7, 12)),
    ]
    soft = [
        Soft("F01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("F02", "Windows 11", "专业版", "oem", "os", "foreign"),
        Soft("F03", "Windows Server 2022", "标准版", "commercial", "os", "foreign", D(2024, 1, 15), amount=8600,
             ltype="单机授权", lcount=1, usable="2022标准版", term=PERP, serial=k[0]),
        Soft("F04", "Microsoft Office LTSC 2021", "专业增强版", "commercial", "office", "foreign", D(2025, 4, 22), amount=26400,
             ltype="批量授权", lcount=11, usable="2021专业增强版", term=PERP, serial=k[1]),
        Soft("F05", "ESET Endpoint Antivirus", "10", "commercial", "antivirus", "foreign", D(2026, 2, 10), amount=4200,
             ltype="网络版授权", lcount=14, usable="10", term=rng(D(2026, 2, 10), D(2029, 2, 9)), serial=k[2]),
        Soft("F06", "用友U8+财务管理软件", "V13.0", "commercial", "other", "domestic", D(2023, 3, 8), amount=28000,
             ltype="用户数授权", lcount=3, usable="V13.0", term=rng(D(2023, 3, 8), D(2028, 3, 7)), serial="UFIDA-U8-230308-YX"),
        free("F07", "7-Zip", "综合科、归集科、财务科、稽核科"),
        free("F08", "福昕阅读器", "全中心"),
        free("F09", "CAJViewer", "稽核科"),
    ]
    u = Unit("云溪县住房公积金管理中心", "严俊", "0736-4308826", D(2026, 11, 19), 28, 1, 7, 1, pcs, {s.sid: s for s in soft},
             head=("综合科", "严俊", "0736-4308826", "0736-4308820"))
    clients = [p.pc for p in pcs if p.ptype != "server"]
    build(u, [
        ("F04", clients, D(2025, 5, 6)),
        ("F05", [p.pc for p in pcs], D(2026, 2, 12)),
        ("F06", ["GJJ-07", "GJJ-08", "GJJ-01"], D(2023, 3, 13)),
        ("F07", ["GJJ-01", "GJJ-03", "GJJ-07", "GJJ-09"], D(2022, 8, 1)),
        ("F08", ["GJJ-02", "GJJ-03", "GJJ-05", "GJJ-NB", "GJJ-08", "GJJ-09"], D(2022, 8, 3)),
        ("F09", ["GJJ-09"], D(2023, 5, 15)),
    ], [("reinstall", "F06", "GJJ-08", D(2023, 3, 14), D(2024, 7, 1), D(2024, 7, 2))])
    style = {"kinds": {"commercial": "商业授权", "oem": "随机预装", "free": "免费使用"}, "pdate": "txt8", "date": "num8",
             "mdate": "num8", "term": "dot", "money": "yen", "count": "num", "dash": "/", "mfver": "/"}
    groups = [("商业授权软件", ["F03", "F04", "F05", "F06"]), ("随机预装软件", ["F01", "F02"]), ("免费使用软件", ["F07", "F08", "F09"])]
    captions = "一二三四五六七八九十"

    def render(u, variant, ov):
        bk = Book("公积金中心综合科", style, variant, ov)
        head = pairs([("单位名称（盖章）", u.name), ("填表人", u.filler), ("联系电话", u.phone), ("填表日期", dtext(u.filled))], FW * 2)
        ws = bk.sheet("登记汇总")
        title(ws, 1, "住房公积金管理中心正版软件登记汇总表", 1, 13)
        span(ws, 2, head, 1, 13)
        note_header(bk, ws, 2, 1, ("unit", "filler", "phone", "filled"))
        span(ws, 3, sections_text(u, variant, "one", bk=bk), 1, 13)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("版本号", "version"), ("软件类别", "kind"),
                ("购置时间", "purchased"), ("购置金额", "amount"), ("授权类型", "ltype"), ("授权数量", "lcount"),
                ("可用版本", "usable"), ("授权期限", "term"), ("序列号/授权码", "serial"), ("安装数量", "installed")]
        r, where = header_rows(ws, 4, cols, height=28)
        r = summary_rows(bk, ws, r, u, cols, where, groups=groups, template_rows={0: 2}, sub_fmt="{}小计", total_label="合计")
        grid(ws, 4, r - 1, 1, 13)
        for i, t in enumerate(["填表说明：", "1.软件类别填“商业授权”“随机预装”“免费使用”，按类别分组并逐组小计；",
                               "2.随机预装和免费使用软件的购置、授权各栏填“/”；",
                               "3.购置时间填8位数字（如20250422），安装数量为明细表中该编号的行数。"]):
            span(ws, r + 1 + i, t, 1, 13)
        widths(ws, [5, 8, 26, 11, 10, 10, 13, 11, 8, 14, 20, 30, 8])
        ws = bk.sheet("安装明细")
        title(ws, 1, "正版软件安装使用明细表", 1, 10)
        span(ws, 2, head, 1, 10)
        bk.note(("UH", "filled"), ws, 2, 1)
        cols = [("序号", "seq"), ("科室", "dept"), ("使用人", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                ("软件编号", "sid"), ("软件名称", "name"), ("版本号", "version"), ("软件类别", "kind"), ("安装日期", "date")]
        r, where = header_rows(ws, 3, cols)
        r, _ = usage_rows(bk, ws, r, u, u.uses, cols, where)
        grid(ws, 3, r - 1, 1, 10)
        widths(ws, [5, 8, 7, 9, 9, 8, 26, 11, 10, 10])
        ws = bk.sheet("维护登记")
        title(ws, 1, "软件安装维护情况明细表", 1, 9)
        span(ws, 2, pairs([("单位名称", u.name), ("填表人", u.filler), ("联系电话", u.phone)], FW * 2), 1, 9)
        r = 4
        cols = [("序号", "seq"), ("安装/卸载", "act"), ("计算机编号", "pc"), ("计算机品牌", "brand"), ("使用人", "user"),
                ("科室", "dept"), ("版本号", "version"), ("日期", "date"), ("数量", "count")]
        n = 0
        for sid, s in u.soft.items():
            if sid not in u.events:
                continue
            span(ws, r, f"（{captions[n]}）{s.name}", 1, 9).font = BOLD
            n += 1
            top = r + 1
            r = part1_grid(bk, ws, top, s, [("软件编号", "sid"), ("软件名称", "name"), ("版本号", "version"), ("软件类别", "kind"),
                                            ("授权数量", "lcount"), ("可用版本", "usable"), ("授权期限", "term")])
            r, where = header_rows(ws, r, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where)
            grid(ws, top, r - 1, 1, 9)
            r += 1
        widths(ws, [8, 26, 11, 10, 8, 14, 20, 10, 6])
        ws = bk.sheet("免费软件")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        span(ws, 2, head, 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_rows(bk, ws, r, u, cols, where)
        grid(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 8, 12, 8, 10, 28, 24, 28, 14])
        if variant != "derive":
            ws = bk.sheet("信息统计")
            title(ws, 1, f"软件正版化工作信息统计表（{YEAR}年度）", 1, 9)
            stats_table(bk, ws, 2, u, statistics(u), head_text=head)
            widths(ws, [10] + [11] * 8)
        return bk

    def faults(u):
        ov, exp = {}, []
        st = statistics(u)
        ov[("T", "purchases", "foreign", "antivirus", "licenses")] = 12
        exp.append(expect("ZB414", [("T", "purchases", "foreign", "antivirus", "licenses")],
                          f"四、国外杀毒软件许可数填 12（误填安装台数），按台账应为 {st['purchases']['foreign']['antivirus'][0]}"))
        u.soft["F06"].term = rng(D(2023, 3, 8), D(2026, 3, 7))
        exp.append(expect("ZB112", [("S", "F06", "term"), ("S", "F06", "installed")], "用友U8 授权期限 2026.3.7 已到期，仍装 3 台（各表一致）"))
        u.soft["F04"].version = "家庭和学生版"
        exp.append(expect("ZB121", [("S", "F04", "name"), ("S", "F04", "version")], "Office LTSC 2021 登记为家庭和学生版（各表一致），不能用于单位"))
        ov[("S", "F03", "amount")] = 0
        exp.append(expect("ZB118", [("S", "F03", "amount")], "Windows Server 2022 购置金额填 ¥0.00"))
        evs = u.events["F08"]
        kk = next(k for k in range(len(evs) - 1) if evs[k].date < evs[k + 1].date)
        evs[kk].tag, evs[kk + 1].tag = "late", "early"
        evs[kk], evs[kk + 1] = evs[kk + 1], evs[kk]
        exp.append(expect("ZB306", [("M", "F08", "early", "date"), ("M", "F08", "late", "date")],
                          f"福昕阅读器维护登记第 {kk + 1}、{kk + 2} 行先后颠倒（{evs[kk].date:%Y%m%d} 排在 {evs[kk + 1].date:%Y%m%d} 之前）"))
        del u.events["F09"]
        exp.append(expect("ZB401", [("S", "F09", "sid")], "CAJViewer（F09）在维护登记中没有记录"))
        ov[("S", "F07", "purchased")] = "20220801"
        exp.append(expect("ZB108", [("S", "F07", "purchased")], "免费软件 7-Zip 的购置时间填了下载日期 20220801（应为“/”）"))
        p = u.pcmap()["GJJ-03"]
        u.events["F05"].append(Ev("install", "GJJ-03", D(2026, 6, 1), p.brand, p.user, p.dept, tag="again"))
        resort(u, "F05")
        exp.append(expect("ZB305", [("M", "F05", "again", f) for f in ("pc", "act", "date")],
                          "ESET 维护登记 20260601 又在 GJJ-03 安装一次，该机 20260212 已装且未卸载；ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "F05", "installed")])]))
        ov[("U", "GJJ-08", "F08", "user")] = "屈丽"
        exp.append(expect("ZB206", [("U", "GJJ-08", "F08", "user")], "GJJ-08 其他各行都是宁静，福昕阅读器一行写成同科室的屈丽（使用人名单不变）"))
        return ov, exp, {}

    return dict(name="housing-fund", classes=[1, 2], office=u.name, unit=u, render=render, faults=faults,
                about="公积金中心：“正版软件登记汇总表”用自己的词（软件类别 商业授权/随机预装/免费使用、购置时间“20250422”、购置金额“¥26,400.00”、"
                      "授权类型、授权数量、可用版本、授权期限、序列号/授权码），按类别分组、每组“商业授权软件小计”、商业组后两行隐藏的空模板行、"
                      "末行“合计”、四行“填表说明”，不适用填“/”；人员和计算机情况一个单元格；“正版软件安装使用明细表”安装日期是 8 位数字 20250506；"
                      "维护登记叠放，每段一行“（一）Windows 10”标题加完整的软件基本信息表；另有统计表。")


# =======================================================================================
# L11 消防救援站 — header as label cells and value cells (填表日期 an Excel date), figures as
#     "36人" "8台" beside their labels; usage one sheet per 班 with its own title and 填表日期;
#     logs two side by side on each sheet, part 一 in one "label：value" cell; a scrapped laptop
# =======================================================================================
def fire_station():
    k = keys(1111, 2)
    pcs = [
        PC("站部", "曾磊", "XF-01", "联想", "desktop", "X01", D(2021, 6, 7), place="站部"),
        PC("站部", "曾磊", "XF-NB1", "联想", "laptop", "X01", D(2021, 6, 8), place="站部"),
        PC("站部", "武斌", "XF-03", "长城", "desktop", "X02", D(2024, 7, 22), place="站部"),
        PC("战斗一班", "于洋", "XF-04", "联想", "desktop", "X01", D(2021, 6, 8), place="战斗一班"),
        PC("战斗一班", "申涛", "XF-05", "长城", "desktop", "X02", D(2024, 7, 22), place="战斗一班"),
        PC("战斗二班", "欧阳明", "XF-06", "联想", "desktop", "X01", D(2022, 3, 14), place="战斗二班"),
        PC("战斗二班", "欧阳明", "XF-NB2", "联想", "laptop", "X01", D(2022, 3, 10), place="战斗二班"),
        PC("战斗二班", "廖凯", "XF-07", "长城", "desktop", "X02", D(2024, 7, 23), place="战斗二班"),
    ]
    old = PC("战斗二班", "欧阳明", "XF-NB0", "联想", "laptop", "X01", D(2021, 6, 8))
    soft = [
        Soft("X01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("X02", "银河麒麟桌面操作系统V10", "专业版", "commercial", "os", "domestic", D(2024, 7, 16), amount=2400,
             ltype="批量授权", lcount=3, usable="V10专业版", term=PERP, serial="KYLIN-V10-240716-081"),
        Soft("X03", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2023, 11, 6), amount=6500,
             ltype="批量授权", lcount=10, usable="2019专业版", term=PERP, serial="WPS-XF-231106-0032"),
        Soft("X04", "火绒终端安全管理系统", "V2.0", "commercial", "antivirus", "domestic", D(2024, 2, 27), amount=3000,
             ltype="网络版授权", lcount=10, usable="V2.0", term=rng(D(2024, 3, 1), D(2027, 6, 30)), serial="HR-2024-XF-00227"),
        Soft("X05", "Adobe Acrobat Pro", "2020", "commercial", "other", "foreign", D(2021, 8, 10), amount=6400,
             ltype="单机授权", lcount=2, usable="2020", term=PERP, serial=k[0]),
        free("X06", "7-Zip", "站部、战斗一班、战斗二班"),
        free("X07", "Mozilla Firefox", "全站"),
    ]
    u = Unit("云溪县消防救援大队城区消防救援站", "曾磊", "0736-4119021", D(2026, 11, 21), 36, 0, 6, 2, pcs, {s.sid: s for s in soft},
             sheet_filled={"站部": D(2026, 11, 21), "战斗一班": D(2026, 11, 18), "战斗二班": D(2026, 11, 19)})
    build(u, [
        ("X03", [p.pc for p in pcs], D(2023, 11, 9)),
        ("X04", [p.pc for p in pcs], D(2024, 3, 4)),
        ("X05", ["XF-01", "XF-NB2"], D(2021, 8, 12)),
        ("X06", ["XF-01", "XF-04", "XF-06"], D(2021, 7, 1)),
        ("X07", ["XF-01", "XF-NB1", "XF-04", "XF-05", "XF-06"], D(2021, 7, 5)),
    ], [("date", "X05", "XF-NB2", D(2022, 3, 17)), ("gone", "X05", old, D(2021, 8, 12), D(2022, 3, 16))])
    style = {"kinds": NATIONAL_KINDS, "pdate": "xl_dot", "date": "xl_dot", "mdate": "xl_dot", "term": "dot", "money": "num",
             "count": "num", "dash": "—", "mfver": "—"}
    pairs_of_logs = [("维护（一）", "X01", "X02"), ("维护（二）", "X03", "X04"), ("维护（三）", "X05", "X06"), ("维护（四）", "X07", None)]

    def head_cells(bk, ws, r, day, prefix, with_date=True):
        items = [("单位名称", u.name, "unit", 3), ("填表人", u.filler, "filler", 1), ("联系电话", u.phone, "phone", 2)]
        c = 1
        for lab, v, f, w in items:
            ws.cell(r, c, lab).font = BOLD
            bk.put(ws, r, c + 1, v, key=(prefix, f))
            if w > 1:
                ws.merge_cells(start_row=r, start_column=c + 1, end_row=r, end_column=c + w)
            c += 1 + w
        if with_date:
            ws.cell(r, c, "填表日期").font = BOLD
            bk.put(ws, r, c + 1, day, key=(prefix, "filled"), kind="date", fmt="yyyy-mm-dd")
            ws.merge_cells(start_row=r, start_column=c + 1, end_row=r, end_column=c + 2)

    def render(u, variant, ov, no_free_list=False):
        bk = Book("城区消防救援站站部", style, variant, ov)
        ws = bk.sheet("软件汇总")
        title(ws, 1, "城区消防救援站软件使用情况汇总表", 1, 13)
        head_cells(bk, ws, 2, u.filled, "SH")
        figs = [("总人数", f"{u.people_total}人", "total"), ("使用计算机人数", "" if variant == "derive" else f"{len(u.users())}人", "using"),
                ("服务器", f"{u.servers}台", "servers"), ("台式机", f"{u.desktops}台", "desktops"), ("便携机", f"{u.laptops}台", "laptops")]
        for i, (lab, v, f) in enumerate(figs):
            ws.cell(3, 1 + 2 * i, lab).font = BOLD
            bk.put(ws, 3, 2 + 2 * i, v, key=("SH", f))
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                ("采购时间", "purchased"), ("采购金额", "amount"), ("许可类型", "ltype"), ("许可数量", "lcount"),
                ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("安装数量", "installed")]
        r, where = header_rows(ws, 5, cols)
        r = summary_rows(bk, ws, r, u, cols, where)
        grid(ws, 5, r - 1, 1, 13)
        widths(ws, [7, 8, 24, 9, 12, 11, 9, 11, 8, 11, 18, 30, 8])
        cols = [("序号", "seq"), ("班组", "dept"), ("姓名", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"), ("安装日期", "date")]
        for place, day in u.sheet_filled.items():
            ws = bk.sheet(place)
            title(ws, 1, f"软件使用情况明细表（{place}）", 1, 10)
            head_cells(bk, ws, 2, day, ("UH", place))
            r, where = header_rows(ws, 4, cols)
            r, _ = usage_rows(bk, ws, r, u, u.uses_of(place), cols, where)
            grid(ws, 4, r - 1, 1, 10)
            widths(ws, [7, 8, 8, 10, 9, 8, 24, 9, 10, 11])
        cols = [("序号", "seq"), ("安装/卸载", "act"), ("计算机编号", "pc"), ("计算机品牌", "brand"), ("使用人", "user"),
                ("使用部门", "dept"), ("安装/卸载版本", "version"), ("安装/卸载日期", "date"), ("安装数量", "count")]
        for sname, *sids in pairs_of_logs:
            ws = bk.sheet(sname)
            for j, sid in enumerate(sids):
                if sid is None:
                    continue
                s = u.soft[sid]
                c0 = 1 + 10 * j
                title(ws, 1, "软件安装维护情况明细表", c0, c0 + 8, size=13)
                span(ws, 2, pairs([("单位名称", u.name), ("填表人", u.filler), ("联系电话", u.phone)], FW), c0, c0 + 8)
                part1_line(bk, ws, 3, s, [("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                                          ("许可数量", "lcount"), ("可使用版本", "usable"), ("许可期限", "term")], c0, c0 + 8, height=30)
                ws.cell(3, c0).alignment = LEFT
                r, where = header_rows(ws, 4, cols, c0=c0)
                r = event_rows(bk, ws, r, u, sid, cols, where)
                grid(ws, 4, r - 1, c0, c0 + 8)
                widths(ws, [5, 8, 10, 9, 8, 9, 13, 12, 8, 3], c0)
        if not no_free_list:
            ws = bk.sheet("免费软件")
            title(ws, 1, "可使用免费软件清单", 1, 9)
            head_cells(bk, ws, 2, u.filled, "FH")
            cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                    ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
            r, where = header_rows(ws, 4, cols)
            r = free_rows(bk, ws, r, u, cols, where)
            grid(ws, 4, r - 1, 1, 9)
            widths(ws, [7, 8, 16, 8, 10, 24, 26, 20, 14])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("SH", "filled")] = D(2025, 11, 21)
        exp.append(expect("ZB413", [("SH", "filled")], "汇总表填表日期误填为 2025-11-21（应为 2026-11-21），距检查日超过半年，按字面台账未按时更新"))
        exp.append(expect("ZB411", [("UNIT",)], "错漏版删掉了“免费软件”表，台账中仍有免费软件"))
        u.laptops = 0
        exp.append(expect("ZB408", [("SH", "laptops"), ("SH", "desktops"), ("SH", "servers")],
                          "便携机填 0台（漏填两台笔记本），明细表中 8 台计算机多于 0+6+0；台账看不出哪个数填错，三个数的单元格都算"))
        u.soft["X03"].version = "2019"
        u.soft["X03"].usable = "2019"
        exp.append(expect("ZB123", [("S", "X03", "name"), ("S", "X03", "version"), ("S", "X03", "usable")],
                          "WPS Office 2019 的软件版本和可使用版本都只写“2019”，哪里都没写明专业版（各表一致）"))
        u.soft["X04"].term = rng(D(2024, 3, 1), D(2027, 2, 28))
        exp.append(expect("ZB113", [("S", "X04", "term")], "火绒许可期限 2024.3.1-2027.2.28，距检查日 2026-12-04 不足 90 天（各表一致）"))
        x = find_use(u, "XF-NB2", "X05")
        x.date = D(2022, 3, 14)
        j = ev_index(u, "X05", lambda e: e.pc == "XF-NB2")
        u.events["X05"][j].date = D(2022, 3, 14)
        resort(u, "X05")
        j = ev_index(u, "X05", lambda e: e.pc == "XF-NB2")
        exp.append(expect("ZB307", [("M", "X05", j, f) for f in ("date", "pc", "act", "count")],
                          "Acrobat 在新笔记本 XF-NB2 上 2022.3.14 装上，旧笔记本 XF-NB0 到 2022.3.16 才卸载：其间 3 份超过许可数量 2（各表一致）"))
        i = ev_index(u, "X06", lambda e: e.pc == "XF-04")
        u.events["X06"][i].count = 2
        exp.append(expect("ZB406", [("S", "X06", "installed")],
                          f"7-Zip 维护表 XF-04 一行安装数量写成 2，Σ安装−Σ卸载 = {u.installed('X06') + 1}，汇总安装数量 {u.installed('X06')}（与明细表一致）；应改的是维护表该行"))
        n = u.installed("X03")
        x = find_use(u, "XF-05", "X03")
        u.uses.insert(u.uses.index(x) + 1, Use("XF-05", "X03", x.date, tag="dup"))
        ov[("S", "X03", "installed")] = n
        exp.append(expect("ZB204", [("U", "XF-05", "X03", f, "dup") for f in ("pc", "sid", "name", "date")],
                          f"战斗一班 XF-05 的 WPS 登记了两行；明细表 X03 因此有 {n + 1} 行而汇总仍为 {n}，ZB405 可一并报出（不要求）",
                          [("ZB405", [("S", "X03", "installed")])]))
        i = ev_index(u, "X07", lambda e: e.pc == "XF-06")
        ov[("M", "X07", i, "pc")] = "XF-60"
        exp.append(expect("ZB407", [("M", "X07", i, "pc")],
                          "Firefox 维护表 XF-06 一行计算机编号写成 XF-60：重放得 XF-60（明细表没有），缺 XF-06（明细表有）；另一台的 ZB407 可一并报出",
                          [("ZB407", [("U", "XF-06", "X07", f) for f in ("pc", "sid", "name")])]))
        return ov, exp, {"no_free_list": True}

    return dict(name="fire-station", classes=[3, 4], office=u.name, unit=u, render=render, faults=faults,
                about="消防救援站：表头是“单位名称｜值｜填表人｜值｜联系电话｜值｜填表日期｜值”标签格与值格并排（日期为 Excel 日期），"
                      "人员和计算机数字是标签格旁“36人”“6台”；明细表按站部、战斗一班、战斗二班分三张，各自标题和填表日期；"
                      "安装维护情况明细表两份并排放在一张表上（A–I 列和 K–S 列），基本信息是一个单元格里的“软件编号：…　软件名称：…”；"
                      "一台报废的旧笔记本只出现在维护表里；日期以 Excel 日期显示为 yyyy.m.d。错漏版没有免费软件清单。")


# =======================================================================================
# L12 文化馆 — own words (编号, 软件类别 正版采购/随机预装/免费使用, 购买日期 "2022年6月8日",
#     金额 "3000元", 授权方式, 授权数 "5个", 授权版本, 授权期限, 授权码, 安装台数; 使用者, 电脑
#     编号); header pairs in one cell; logs stacked, each opened by "编号 WH03　名称 …" with no
#     colons, 操作 新装/卸载; two purchase batches of one product; purchase plan
# =======================================================================================
def culture_center():
    k = keys(1212, 2)
    pcs = [
        PC("馆办公室", "卓雅", "WHG-01", "联想", "desktop", "WH01", D(2021, 9, 13)),
        PC("馆办公室", "柯南", "WHG-02", "联想", "desktop", "WH01", D(2021, 9, 13)),
        PC("群文部", "晏冰", "WHG-03", "联想", "desktop", "WH01", D(2021, 9, 14)),
        PC("群文部", "鲁平", "WHG-04", "联想", "desktop", "WH01", D(2021, 9, 14)),
        PC("非遗保护部", "时文", "WHG-05", "惠普", "desktop", "WH01", D(2022, 5, 16)),
        PC("非遗保护部", "苏畅", "WHG-06", "惠普", "desktop", "WH01", D(2022, 5, 17)),
        PC("培训部", "梅香", "WHG-07", "惠普", "desktop", "WH01", D(2025, 6, 23)),
        PC("培训部", "田野", "WHG-08", "惠普", "desktop", "WH01", D(2025, 6, 23)),
    ]
    soft = [
        Soft("WH01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("WH02", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2022, 6, 8), amount=3000,
             ltype="批量授权", lcount=5, usable="2019专业版", term=PERP, serial="WPS-WHG-220608-05"),
        Soft("WH03", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2025, 6, 18), amount=3250,
             ltype="批量授权", lcount=5, usable="2019专业版", term=PERP, serial="WPS-WHG-250618-05"),
        Soft("WH04", "360终端安全防护系统", "V10", "commercial", "antivirus", "domestic", D(2025, 9, 2), amount=4800,
             ltype="网络版授权", lcount=12, usable="V10", term=rng(D(2025, 9, 2), D(2028, 9, 1)), serial="QH360-2509-10772"),
        Soft("WH05", "会声会影 2023", "旗舰版", "commercial", "other", "foreign", D(2023, 4, 14), amount=1996,
             ltype="单机授权", lcount=2, usable="2023旗舰版", term=PERP, serial=k[0]),
        Soft("WH06", "CorelDRAW Graphics Suite 2021", "标准版", "commercial", "other", "foreign", D(2021, 11, 22), amount=4800,
             ltype="单机授权", lcount=2, usable="2021", term=PERP, serial=k[1]),
        free("WH07", "7-Zip", "馆办公室、群文部"),
        free("WH08", "Adobe Acrobat Reader DC", "全馆"),
    ]
    u = Unit("云溪县文化馆", "卓雅", "0736-4223157", D(2026, 11, 26), 20, 0, 8, 0, pcs, {s.sid: s for s in soft},
             plan=[("WPS Office 2019", "专业版", 650, 2, "培训部新增"), ("360终端安全防护系统", "V10", 400, 2, "扩容")],
             plan_date=D(2026, 11, 20))
    build(u, [
        ("WH02", ["WHG-01", "WHG-02", "WHG-03", "WHG-04"], D(2022, 6, 13)),
        ("WH03", ["WHG-05", "WHG-06", "WHG-07", "WHG-08"], D(2025, 6, 25)),
        ("WH04", [p.pc for p in pcs], D(2025, 9, 5)),
        ("WH05", ["WHG-03", "WHG-04"], D(2023, 4, 18)),
        ("WH06", ["WHG-04", "WHG-05"], D(2021, 11, 25)),
        ("WH07", ["WHG-01", "WHG-02", "WHG-03", "WHG-04"], D(2022, 1, 5)),
        ("WH08", ["WHG-01", "WHG-03", "WHG-05", "WHG-07"], D(2022, 1, 7)),
    ])
    style = {"kinds": {"commercial": "正版采购", "oem": "随机预装", "free": "免费使用"}, "pdate": "cn", "date": "xl_cn",
             "mdate": "cn", "term": "cn", "money": "yuan", "count": "ge", "dash": "—", "mfver": "—"}

    def render(u, variant, ov, omit_free=()):
        bk = Book("云溪县文化馆馆办公室", style, variant, ov)
        head = pairs([("填报单位", u.name), ("填报人", u.filler), ("联系方式", u.phone), ("制表日期", dtext(u.filled))], FW)
        ws = bk.sheet("软件总账")
        title(ws, 1, "云溪县文化馆正版软件总账", 1, 14)
        span(ws, 2, head, 1, 14)
        note_header(bk, ws, 2, 1, ("unit", "filler", "phone", "filled"))
        span(ws, 3, sections_text(u, variant, "one", bk=bk), 1, 14)
        cols = [("序号", "seq"), ("编号", "sid"), ("软件名称", "name"), ("版本号", "version"), ("软件类别", "kind"),
                ("购买日期", "purchased"), ("金额", "amount"), ("授权方式", "ltype"), ("授权数", "lcount"), ("授权版本", "usable"),
                ("授权期限", "term"), ("授权码", "serial"), ("安装台数", "installed"), ("备注", "note")]
        r, where = header_rows(ws, 4, cols, height=26)
        r = summary_rows(bk, ws, r, u, cols, where)
        grid(ws, 4, r - 1, 1, 14)
        widths(ws, [5, 7, 26, 9, 9, 14, 9, 10, 7, 11, 26, 30, 8, 8])
        ws = bk.sheet("装机明细")
        title(ws, 1, "云溪县文化馆电脑软件装机明细", 1, 10)
        span(ws, 2, head, 1, 10)
        bk.note(("UH", "filled"), ws, 2, 1)
        cols = [("序号", "seq"), ("部门", "dept"), ("使用者", "user"), ("电脑编号", "pc"), ("品牌", "brand"), ("编号", "sid"),
                ("软件名称", "name"), ("版本号", "version"), ("软件类别", "kind"), ("安装日期", "date")]
        r, where = header_rows(ws, 3, cols)
        r, _ = usage_rows(bk, ws, r, u, u.uses, cols, where)
        grid(ws, 3, r - 1, 1, 10)
        widths(ws, [5, 10, 7, 9, 6, 7, 26, 9, 9, 15])
        ws = bk.sheet("装卸记录")
        title(ws, 1, "云溪县文化馆软件安装卸载记录", 1, 9)
        span(ws, 2, pairs([("填报单位", u.name), ("填报人", u.filler), ("联系方式", u.phone)], FW), 1, 9)
        r = 4
        cols = [("序号", "seq"), ("操作", "act"), ("电脑编号", "pc"), ("品牌", "brand"), ("使用者", "user"), ("部门", "dept"),
                ("版本号", "version"), ("日期", "date"), ("台数", "count")]
        for sid, s in u.soft.items():
            line = part1_text(bk, s, [("编号", "sid"), ("名称", "name"), ("版本号", "version"), ("类别", "kind"), ("授权数", "lcount"),
                                      ("授权版本", "usable"), ("授权期限", "term")], sep=FW, colon=" ")
            span(ws, r, line, 1, 9).font = BOLD
            for f in ("sid", "name", "version", "kind", "lcount", "usable", "term"):
                bk.note(("M1", sid, f), ws, r, 1)
            top = r + 1
            r, where = header_rows(ws, top, cols)
            r = event_rows(bk, ws, r, u, sid, cols, where, words=("新装", "卸载"))
            grid(ws, top, r - 1, 1, 9)
            r += 1
        widths(ws, [5, 6, 9, 6, 7, 10, 9, 15, 6])
        ws = bk.sheet("免费软件目录")
        title(ws, 1, "可使用免费软件目录", 1, 9)
        span(ws, 2, head, 1, 9)
        cols = [("序号", "seq"), ("编号", "sid"), ("软件名称", "name"), ("版本", "version"), ("来源", "source"),
                ("厂商", "maker"), ("客服联系方式", "contact"), ("使用部门", "depts"), ("用途", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_rows(bk, ws, r, u, cols, where, omit=omit_free)
        grid(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 7, 22, 8, 10, 16, 24, 16, 14])
        ws = bk.sheet("采购计划")
        title(ws, 1, "2027年度软件采购计划", 1, 7)
        span(ws, 2, pairs([("经手人", u.filler), ("联系电话", u.phone), ("填表日期", dtext(u.plan_date))], FW), 1, 7)
        plan_rows(bk, ws, 3, u, ("序号", "软件名称", "版本", "单价（元）", "数量（个）", "合计（元）", "备注"), total_word="共计",
                  sign=[("馆办公室审核", "审核人：柯南　　2026年11月21日"), ("馆领导审批", "审批人：贺文　　2026年11月23日")])
        widths(ws, [12, 26, 10, 10, 10, 10, 12])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("P", 1, 6)] = 1950
        ov[("P", "total")] = 1950 + 800
        exp.append(expect("ZB415", [("P", 1, 6)], "采购计划第 1 行合计 1950，单价 650 × 数量 2 = 1300（共计按 1950 加总）"))
        for f in ("purchased", "amount", "serial"):
            setattr(u.soft["WH03"], f, getattr(u.soft["WH02"], f))
        exp.append(expect("ZB105", [("S", "WH03", f) for f in ("sid", "purchased", "amount", "serial")],
                          "第二批 WPS（WH03，2025年6月18日购入）照抄了第一批 WH02 的购买日期、金额和授权码，两行除编号外完全相同"))
        ov[("S", "WH04", "term")] = BLANK
        exp.append(expect("ZB109", [("S", "WH04", "term")], "360 授权期限漏填（装卸记录抬头仍写着期限，ZB303 可一并报出，不要求）",
                          [("ZB303", [("M1", "WH04", "term")])]))
        ov[("S", "WH06", "purchased")] = BLANK
        exp.append(expect("ZB110", [("S", "WH06", "purchased"), ("S", "WH06", "amount")], "CorelDRAW 填了金额 4800元 却漏填购买日期"))
        u.soft["WH05"].term = Term("word", word="按合同约定")
        exp.append(expect("ZB116", [("S", "WH05", "term")],
                          "会声会影授权期限填“按合同约定”，不是可识别的期限（各表一致）；装卸记录抬头里同样的期限按 ZB006 报出也可（不要求）",
                          [("ZB006", [("M1", "WH05", "term")])]))
        s = u.soft["WH08"]
        s.name = "Adobe Acrobat Pro DC"
        exp.append(expect("ZB122", [("S", "WH08", "name"), ("S", "WH08", "kind")],
                          "把需购买许可的 Adobe Acrobat Pro DC 登记为免费使用（各表一致；原意是免费的 Reader）"))
        ov[("U", "WHG-02", "WH04", "sid")] = "WH40"
        exp.append(expect("ZB403", [("U", "WHG-02", "WH04", "sid")],
                          "WHG-02 的 360 一行编号 WH04 写成 WH40，总账中没有 WH40；按字面 WH04 少一行、重放多一台，ZB405/ZB407 可一并报出（不要求）",
                          [("ZB405", [("S", "WH04", "installed")]),
                           ("ZB407", [("M", "WH04", ev_index(u, "WH04", lambda e: e.pc == "WHG-02"), f) for f in ("pc", "act", "date")]),
                           ("ZB407", [("U", "WHG-02", "WH04", f) for f in ("sid", "name", "date")])]))
        last = len(u.events["WH05"]) - 1
        e = u.events["WH05"][last]
        ov[("M", "WH05", last, "date")] = D(2027, e.date.month, e.date.day)
        exp.append(expect("ZB310", [("M", "WH05", last, "date")],
                          f"会声会影装卸记录最后一行日期 {e.date.year}年{e.date.month}月{e.date.day}日 年份误写为 2027，晚于检查日（仍是最后一行）"))
        ov[("F", "WH07", "sid")] = "WH09"
        exp.append(expect("ZB412", [("F", "WH07", "sid")], "免费软件目录里 7-Zip 的编号写成 WH09，总账中为 WH07；按编号对不上，ZB410 可一并报出（不要求）",
                          [("ZB410", [("S", "WH07", f) for f in ("sid", "name", "kind")])]))
        return ov, exp, {}

    return dict(name="culture-center", classes=[1, 4], office=u.name, unit=u, render=render, faults=faults,
                about="文化馆：“正版软件总账”用馆里的词（编号、软件类别 正版采购/随机预装/免费使用、购买日期“2022年6月8日”、金额“3000元”、"
                      "授权方式、授权数“5个”、授权版本、授权期限“2025年9月2日至2028年9月1日”、授权码、安装台数）；填报单位/填报人/联系方式/制表日期"
                      "一个单元格全角空格分隔，人员和计算机情况一个单元格；“电脑软件装机明细”（使用者、电脑编号、编号）；同一产品两批采购；"
                      "装卸记录叠放，每段一行“编号 WH03　名称 WPS Office 2019　版本号 专业版 …”（标签后不用冒号），操作写新装/卸载；"
                      "“可使用免费软件目录”；另有采购计划。")


# =======================================================================================
# L13 不动产登记中心 — summary grouped by type with spacer rows, 小计, 合计, hidden leftover
#     template rows, a hidden 采购合同号 column and three 注 lines; usage one sheet per area
#     with its own date, one saved with a filter hiding a 科室's rows; ☑/☐ boxes (U+2610);
#     one national-style log per sheet; purchase dates "2023年9月19日"
# =======================================================================================
def real_estate():
    k = keys(1313, 1)
    P = "受理大厅", "业务科室", "综合科室"
    pcs = [
        PC("受理窗口", "冯倩", "BDC-C01", "联想", "desktop", "B01", D(2021, 10, 18), place=P[0]),
        PC("受理窗口", "柴伟", "BDC-C02", "联想", "desktop", "B01", D(2021, 10, 18), place=P[0]),
        PC("受理窗口", "庞博", "BDC-C04", "长城", "desktop", "B02", D(2025, 8, 11), place=P[0]),
        PC("登记审核科", "岳峰", "BDC-Y01", "联想", "desktop", "B01", D(2022, 6, 27), place=P[1]),
        PC("登记审核科", "詹琪", "BDC-Y02", "联想", "desktop", "B01", D(2022, 6, 27), place=P[1]),
        PC("权籍调查科", "景涛", "BDC-Y03", "戴尔", "desktop", "B01", D(2022, 6, 28), place=P[1]),
        PC("权籍调查科", "全丽", "BDC-Y04", "戴尔", "desktop", "B01", D(2022, 6, 28), place=P[1]),
        PC("办公室", "龚晓明", "BDC-Z02", "联想", "desktop", "B01", D(2021, 10, 20), place=P[2]),
        PC("办公室", "武进", "BDC-Z03", "长城", "desktop", "B02", D(2025, 8, 11), place=P[2]),
        PC("办公室", "龚晓明", "BDC-SV", "浪潮", "server", "B03", D(2022, 6, 30), place=P[2]),
    ]
    soft = [
        Soft("B03", "Windows Server 2019", "标准版", "commercial", "os", "foreign", D(2022, 6, 28), amount=7500,
             ltype="单机许可", lcount=1, usable="2019标准版", term=PERP, serial=k[0]),
        Soft("B04", "WPS Office 2019", "专业版", "commercial", "office", "domestic", D(2023, 9, 19), amount=8400,
             ltype="批量许可", lcount=12, usable="2019专业版", term=PERP, serial="WPS-BDC-230919-12"),
        Soft("B05", "奇安信天擎终端安全管理系统", "V10", "commercial", "antivirus", "domestic", D(2026, 1, 12), amount=5200,
             ltype="网络版许可", lcount=13, usable="V10", term=rng(D(2026, 1, 12), D(2029, 1, 11)), serial="QAX-TQ-260112-0413"),
        Soft("B06", "南方CASS地形地籍成图软件", "10.1", "commercial", "other", "domestic", D(2024, 5, 7), amount=15000,
             ltype="单机许可", lcount=3, usable="10.1", term=PERP, serial="CASS-101-240507-3"),
        Soft("B01", "Windows 10", "专业版", "oem", "os", "foreign"),
        Soft("B02", "统信UOS桌面操作系统", "V20 专业版", "oem", "os", "domestic"),
        free("B07", "7-Zip", "受理窗口、登记审核科、办公室"),
        free("B08", "福昕阅读器", "全中心"),
    ]
    u = Unit("云溪县不动产登记中心", "龚晓明", "0736-4290533", D(2026, 11, 16), 33, 1, 9, 0, pcs, {s.sid: s for s in soft},
             sheet_filled={P[0]: D(2026, 11, 13), P[1]: D(2026, 11, 14), P[2]: D(2026, 11, 16)})
    desks = [p.pc for p in pcs if p.ptype == "desktop"]
    build(u, [
        ("B04", desks, D(2023, 9, 25)),
        ("B05", [p.pc for p in pcs], D(2026, 1, 15)),
        ("B06", ["BDC-Y03", "BDC-Y04", "BDC-Y01"], D(2024, 5, 10)),
        ("B07", ["BDC-C02", "BDC-Y01", "BDC-Z02"], D(2022, 7, 5)),
        ("B08", ["BDC-C01", "BDC-C04", "BDC-Y02", "BDC-Y03", "BDC-Z03"], D(2022, 7, 7)),
    ], [("reinstall", "B04", "BDC-C01", D(2023, 9, 25), D(2024, 12, 2), D(2024, 12, 3))])
    style = {"kinds": NATIONAL_KINDS, "pdate": "cn", "date": "xl", "mdate": "xl", "term": "dot", "money": "comma",
             "count": "num", "dash": "—", "udash": "—", "mfver": "—"}
    groups = [("商业软件", ["B03", "B04", "B05", "B06"]), ("OEM软件", ["B01", "B02"]), ("免费软件", ["B07", "B08"])]

    def render(u, variant, ov):
        bk = Book("云溪县不动产登记中心办公室", style, variant, ov)
        ws = bk.sheet("附表7")
        title(ws, 1, "软件使用情况汇总表", 1, 14)
        span(ws, 2, pairs([("单位名称（盖章）", u.name), ("填表人", u.filler), ("联系电话", u.phone), ("填表日期", dtext(u.filled))], FW * 2), 1, 14)
        note_header(bk, ws, 2, 1, ("unit", "filler", "phone", "filled"))
        ws.cell(3, 1, "人员情况").font = BOLD
        ws.cell(3, 2, "总人数")
        bk.put(ws, 3, 3, u.people_total, key=("SH", "total"))
        ws.cell(3, 4, "使用计算机人数")
        bk.put(ws, 3, 5, None if variant == "derive" else len(u.users()), key=("SH", "using"))
        ws.cell(4, 1, "计算机情况").font = BOLD
        for i, (lab, f) in enumerate((("服务器数", "servers"), ("台式机数", "desktops"), ("便携机数", "laptops"))):
            ws.cell(4, 2 + 2 * i, lab)
            bk.put(ws, 4, 3 + 2 * i, getattr(u, f), key=("SH", f))
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
                ("采购时间", "purchased"), ("采购金额（元）", "amount"), ("采购合同号", "contract"), ("许可类型", "ltype"),
                ("许可数量", "lcount"), ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("安装数量", "installed")]
        r, where = header_rows(ws, 5, cols, height=28)

        def tmpl_kind(r0, kind_word):
            pass
        r = summary_rows(bk, ws, r, u, cols, where, groups=groups, spacer=True, template_rows={0: 1, 2: 2},
                         sub_fmt="{}小计", total_label="合计",
                         extra={"contract": lambda s: f"YXBDC-{s.purchased.year}-{int(s.sid[1:]):03d}" if s.kind == "commercial" else "—"})
        # the leftover template rows carry the template's own type word
        for row in range(6, r):
            if ws.row_dimensions[row].hidden:
                above = next(ws.cell(q, where["kind"]).value for q in range(row - 1, 5, -1) if ws.cell(q, where["kind"]).value)
                ws.cell(row, where["kind"], above)
        grid(ws, 5, r - 1, 1, 14)
        ws.column_dimensions["H"].hidden = True
        for i, t in enumerate(["注：1.商业软件、OEM软件、免费软件分组填写，各组之后小计，末行合计。",
                               "2.OEM软件、免费软件的采购时间、采购金额、许可类型、许可数量、可使用版本、许可期限、序列号填“—”。",
                               "3.本表每半年更新一次。"]):
            span(ws, r + i, t, 1, 14)
        widths(ws, [5, 8, 26, 11, 9, 15, 11, 14, 10, 8, 11, 20, 31, 8])
        cols = [("序号", "seq"), ("部门", "dept"), ("姓名", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
                ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"), ("免费软件", "kind:free", "软件类型"),
                ("安装日期", "date")]
        for place, day in u.sheet_filled.items():
            ws = bk.sheet(f"附表8-{place}")
            title(ws, 1, f"软件使用情况明细表（{place}）", 1, 13)
            span(ws, 2, pairs([("单位名称（盖章）", u.name), ("填表人", u.filler), ("联系电话", u.phone), ("填表日期", dtext(day))], FW * 2), 1, 13)
            bk.note(("UH", place, "filled"), ws, 2, 1)
            r, where = header_rows(ws, 3, cols)
            hide = (lambda x: u.pcmap()[x.pc].dept == "权籍调查科") if place == "业务科室" else None
            first = r
            r, _ = usage_rows(bk, ws, r, u, u.uses_of(place), cols, where, boxes=("☑", "☐"), hide=hide)
            grid(ws, 3, r - 1, 1, 13)
            if hide:
                ws.auto_filter.ref = f"A{first - 1}:M{r - 1}"
                ws.auto_filter.add_filter_column(where["dept"] - 1, ["登记审核科"])
            widths(ws, [5, 10, 7, 10, 8, 8, 26, 11, 20, 6, 6, 6, 11])
        for sname, sids in (("附表9（一）", ["B03", "B04", "B05", "B06"]), ("附表9（二）", ["B01", "B02", "B07", "B08"])):
          ws = bk.sheet(sname)
          r = 1
          for sid in sids:
            s = u.soft[sid]
            title(ws, r, "软件安装维护情况明细表", 1, 10)
            span(ws, r + 1, pairs([("单位名称", u.name), ("填表人", u.filler), ("联系电话", u.phone)], FW * 2), 1, 10)
            ws.cell(r + 2, 1, "一、软件基本信息").font = BOLD
            top = r + 3
            r = part1_grid(bk, ws, top, s, [("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"),
                                          ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"),
                                          ("免费软件", "kind:free", "软件类型"), ("许可数量", "lcount"), ("可使用版本", "usable"),
                                          ("许可期限", "term")], boxes=("☑", "☐"))
            grid(ws, top, r - 1, 1, 9)
            ws.cell(r, 1, "二、软件安装卸载明细").font = BOLD
            cols2 = [("序号", "seq"), ("安装", "act:install"), ("卸载", "act:uninstall"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                     ("使用人", "user"), ("使用部门", "dept"), ("安装/卸载版本", "version"), ("安装/卸载日期", "date"), ("安装数量", "count")]
            top = r + 1
            r, where = header_rows(ws, top, cols2)
            r = event_rows(bk, ws, r, u, sid, cols2, where, boxes=("☑", "☐"))
            grid(ws, top, r - 1, 1, 10)
            r += 2
          widths(ws, [8, 26, 12, 9, 9, 9, 10, 13, 13, 8])
        ws = bk.sheet("附表6")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        span(ws, 2, pairs([("单位名称（盖章）", u.name), ("填表人", u.filler), ("联系电话", u.phone), ("填表日期", dtext(u.filled))], FW * 2), 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 3, cols)
        r = free_rows(bk, ws, r, u, cols, where)
        grid(ws, 3, r - 1, 1, 9)
        widths(ws, [5, 8, 12, 8, 10, 26, 24, 30, 14])
        return bk

    def faults(u):
        ov, exp = {}, []
        ov[("S", "B03", "installed")] = "—"
        exp.append(expect("ZB114", [("S", "B03", "installed")], "Windows Server 安装数量填了“—”；ZB405/ZB406 可一并报出（不要求）",
                          [("ZB405", [("S", "B03", "installed")]), ("ZB406", [("S", "B03", "installed")])]))
        u.people_total = len(u.users()) - 1
        exp.append(expect("ZB115", [("SH", "using"), ("SH", "total")],
                          f"总人数写成 {u.people_total}，小于使用计算机人数 {len(u.users())}（应为 33）"))
        ov[("S", "B05", "purchased")] = D(2026, 12, 1)
        first = {}
        for x in u.uses:
            if x.sid == "B05":
                first.setdefault(u.pcmap()[x.pc].place, x)
        exp.append(expect("ZB117", [("S", "B05", "purchased")],
                          "奇安信采购时间 2026年1月12日 误写为 2026年12月1日，晚于填表日期 2026年11月16日；由此安装早于字面采购时间（ZB416）、许可期限起始早于它（ZB125），可一并报出（不要求）",
                          [("ZB416", [("U", x.pc, "B05", "date")]) for x in first.values()] +
                          [("ZB416", [("M", "B05", 0, "date")]), ("ZB125", [("S", "B05", "term")])]))
        i = ev_index(u, "B04", lambda e: e.pc == "BDC-Y02")
        ov[("M", "B04", i, "count")] = BLANK
        exp.append(expect("ZB302", [("M", "B04", i, "count")], "WPS 维护表 BDC-Y02 一行安装数量漏填；ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "B04", "installed")])]))
        i = ev_index(u, "B06", lambda e: e.pc == "BDC-Y01")
        ov[("M", "B06", i, "version")] = "9.1"
        exp.append(expect("ZB309", [("M", "B06", i, "version")], "南方CASS 维护表 BDC-Y01 的安装版本写成 9.1，既非 10.1 也不在可使用版本中"))
        u.soft["B04"].lcount = u.installed("B04") - 1
        j = over_index(u, "B04")
        exp.append(expect("ZB111", [("S", "B04", "installed"), ("S", "B04", "lcount")],
                          f"WPS 装了 {u.installed('B04')} 台，许可数量 {u.soft['B04'].lcount}（各表一致）；维护表重放也自此超装，ZB307 可一并报出（不要求）",
                          [("ZB307", [("M", "B04", j, f) for f in ("date", "pc", "act", "count")])]))
        u.events["B08"] = [e for e in u.events["B08"] if e.pc != "BDC-Z03"]
        exp.append(expect("ZB407", [("U", "BDC-Z03", "B08", f) for f in ("pc", "sid", "name", "date")],
                          "福昕阅读器装在 BDC-Z03（综合科室明细表有），维护表漏登这次安装；ZB406 可一并报出（不要求）",
                          [("ZB406", [("S", "B08", "installed")])]))
        ov[("U", "BDC-C02", "B07", "date")] = BLANK
        exp.append(expect("ZB201", [("U", "BDC-C02", "B07", "date")], "受理大厅 BDC-C02 的 7-Zip 一行安装日期漏填"))
        return ov, exp, {}

    return dict(name="real-estate", classes=[2, 3], office=u.name, unit=u, render=render, faults=faults,
                about="不动产登记中心：表名“附表7”“附表8-受理大厅”…“附表9（一）”“附表9（二）”（每张叠放四份完整的安装维护情况明细表）“附表6”；汇总表按商业/OEM/免费分组，组间空一行，"
                      "各组“小计”，末行“合计”，商业组和免费组后有隐藏的空模板行（只有序号和类型词），采购金额与许可类型之间隐藏的“采购合同号”列，"
                      "三行“注”；人员和计算机为标签格+值格；明细表按受理大厅、业务科室、综合科室分三张，各有填表日期，业务科室表保存时带筛选"
                      "（权籍调查科各行被隐藏，仍是数据）；软件类型 ☑/☐（U+2610）；采购时间“2023年9月19日”文字、金额“8,400.00”。")


# =======================================================================================
# Control: the same unit in the plain national template (a developer check of the data,
# not part of the corpus): python3 make_layouts2.py --control DIR
# =======================================================================================
def national(u, variant, ov, omit_free=(), gone_rows=(), no_free_list=False):
    style = {"kinds": NATIONAL_KINDS, "pdate": "xl", "date": "xl", "mdate": "xl", "term": "dot", "money": "num",
             "count": "num", "dash": "—", "udash": None, "mfver": None}
    bk = Book("control", style, variant, ov)
    head = f"单位名称（盖章）：{u.name}    填表人：{u.filler}    联系电话：{u.phone}    填表日期：{dtext(u.filled)}"
    ws = bk.sheet("附件7")
    title(ws, 1, "软件使用情况汇总表", 1, 13)
    span(ws, 2, head, 1, 13)
    ws["A3"], ws["C3"], ws["D3"], ws["E3"] = "人员情况", "总人数", u.people_total, "使用计算机人数"
    bk.put(ws, 3, 6, None if variant == "derive" else len(u.users()), key=("SH", "using"))
    ws["A4"], ws["C4"], ws["D4"], ws["E4"], ws["F4"], ws["G4"], ws["H4"] = ("计算机情况", "服务器数", u.servers, "台式机数",
                                                                          u.desktops, "便携机数", u.laptops)
    cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件类型", "kind"),
            ("采购时间", "purchased"), ("采购金额", "amount"), ("许可类型", "ltype"), ("许可数量", "lcount"),
            ("可使用版本", "usable"), ("许可期限", "term"), ("序列号", "serial"), ("安装数量", "installed")]
    r, where = header_rows(ws, 5, cols)
    summary_rows(bk, ws, r, u, cols, where, order=[s for s in u.soft if s not in gone_rows])
    ws = bk.sheet("附件8")
    title(ws, 1, "软件使用情况明细表", 1, 13)
    span(ws, 2, head, 1, 13)
    cols = [("序号", "seq"), ("部门", "dept"), ("姓名", "user"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
            ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("许可期限", "term"),
            ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"), ("免费软件", "kind:free", "软件类型"),
            ("安装日期", "date")]
    r, where = header_rows(ws, 3, cols)
    usage_rows(bk, ws, r, u, u.uses, cols, where, boxes=("☑", "□"))
    for sid in u.events:
        s = u.soft[sid]
        ws = bk.sheet(f"附件9-{sid}")
        title(ws, 1, "软件安装维护情况明细表", 1, 10)
        span(ws, 2, f"单位名称：{u.name}    填表人：{u.filler}    联系电话：{u.phone}", 1, 10)
        ws["A3"] = "一、软件基本信息"
        r = part1_grid(bk, ws, 4, s, [("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"),
                                      ("商业软件", "kind:commercial", "软件类型"), ("OEM软件", "kind:oem", "软件类型"),
                                      ("免费软件", "kind:free", "软件类型"), ("许可数量", "lcount"), ("可使用版本", "usable"),
                                      ("许可期限", "term")], boxes=("☑", "□"))
        ws.cell(r, 1, "二、软件安装卸载明细")
        cols = [("序号", "seq"), ("安装", "act:install"), ("卸载", "act:uninstall"), ("计算机编号", "pc"), ("计算机品牌", "brand"),
                ("使用人", "user"), ("使用部门", "dept"), ("安装/卸载版本", "version"), ("安装/卸载日期", "date"), ("安装数量", "count")]
        r, where = header_rows(ws, r + 1, cols)
        event_rows(bk, ws, r, u, sid, cols, where, boxes=("☑", "□"))
    if not no_free_list:
        ws = bk.sheet("附件6")
        title(ws, 1, "可使用免费软件清单", 1, 9)
        span(ws, 2, head, 1, 9)
        cols = [("序号", "seq"), ("软件编号", "sid"), ("软件名称", "name"), ("软件版本", "version"), ("软件来源", "source"),
                ("软件厂商名称", "maker"), ("软件厂商客服联系方式", "contact"), ("使用部门", "depts"), ("使用原因", "reason")]
        r, where = header_rows(ws, 3, cols)
        free_rows(bk, ws, r, u, cols, where, omit=omit_free)
    if variant != "derive" and u.head:
        ws = bk.sheet("附件5")
        title(ws, 1, f"软件正版化工作信息统计表（{YEAR}年度）", 1, 9)
        stats_table(bk, ws, 2, u, statistics(u), head_text=head)
    return bk


def make_control(layout, out):
    u = layout["unit"]
    save_fixed(national(u, "clean", {}).wb, os.path.join(out, f"{layout['name']}.control.clean.xlsx"), "control")
    fu = copy.deepcopy(u)
    ov, planted, extra = layout["faults"](fu)
    bk = national(fu, "faulty", ov, **extra)
    save_fixed(bk.wb, os.path.join(out, f"{layout['name']}.control.faulty.xlsx"), "control")
    with open(os.path.join(out, f"{layout['name']}.control.json"), "w", encoding="utf-8") as f:
        json.dump([{"code": c, "model_only": not any(k in ov for k in ks)} for c, ks, *_ in planted], f, ensure_ascii=False)


# =======================================================================================
# Driver
# =======================================================================================
def write_out(out, name, kind):
    """A Book → NAME.kind.xlsx; a Files → folder NAME.kind/ of workbooks. Returns the entry."""
    if isinstance(out, Book):
        unused = set(out.ov) - out.used
        assert not unused, f"{name}: overrides never written: {unused}"
        save_fixed(out.wb, os.path.join(HERE, f"{name}.{kind}.xlsx"), out.creator)
        return f"{name}.{kind}.xlsx"
    unused = set(out.ov) - out.used
    assert not unused, f"{name}: overrides never written: {unused}"
    d = os.path.join(HERE, f"{name}.{kind}")
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    sheets = []
    for fname, bk in out.books.items():
        sheets += bk.wb.sheetnames
        save_fixed(bk.wb, os.path.join(d, fname), out.creator)
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
    bk = render(fu, "faulty", ov, **extra)
    faulty = write_out(bk, name, "faulty")

    def place(code, ks):
        if ks == [("UNIT",)]:
            return {"code": code, "sheet": None, "cell": ""}
        places = []
        for k in ks:
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

    expected = []
    for code, ks, why, also in planted:
        e = place(code, ks)
        e["why"] = why
        if also:
            e["may_also"] = [place(c, k) for c, k in also]
        expected.append(e)
    assert 5 <= len(expected) <= 9, (name, len(expected))
    manifest = {
        "layout": name, "classes": layout["classes"], "office": layout["office"], "as_of": AS_OF.isoformat(),
        "about": layout["about"],
        "clean": clean,
        "faulty": {"file": faulty, "expected": expected},
        "derive": {"file": derive, "year": YEAR,
                   "installed": {sid: u.installed(sid) for sid in u.soft},
                   "people_using": len(u.users()),
                   "statistics": statistics(u)},
    }
    with open(os.path.join(HERE, f"{name}.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return manifest


LAYOUTS = [tax_branch, cdc, power_supply, community_health, market_supervision, library, hydrology, police_station, weather, housing_fund, fire_station, culture_center, real_estate]


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
            make_control(layout, control_dir)
            continue
        m = make(layout)
        u = layout["unit"]
        for e in m["faulty"]["expected"]:
            codes[e["code"]] = codes.get(e["code"], 0) + 1
        print(f"{m['layout']:<20} classes {m['classes']}  {len(u.pcs)} computers, {len(u.soft)} numbers, "
              f"{len(u.uses)} usage rows, {len(m['faulty']['expected'])} planted")
    print("planted by rule:", " ".join(f"{c}×{n}" for c, n in sorted(codes.items())))
