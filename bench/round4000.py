#!/usr/bin/env python3
"""A round of 4,000 DISTINCT units made from the 200 of u200x40, with the inspector's roster.

u4000x40 is 20 hard links to each u200x40 file: every unit sent 20 times, so the rules across
units (ZB601 identical ledgers, ZB602 one serial in several units, ZB604 one unit sent twice)
see 200 groups of 20. A real round is 4,000 different units. This script makes one without
openpyxl (an hour for 4,000 workbooks): copy k (0..19) of base unit i (0..199) becomes unit
n = k*200 + i, every zip member copied as is except the sheet XML, where the strings that
bench/generate.py derives from the unit's index are rewritten to n's:

    单位名称   某市第{i+1}局      -> 某市第{n+1}局   (the header line of every sheet)
    计算机编号 U{i:04d}-PC-0001   -> U{n:04d}-PC-0001 (明细表 and the 附件9 logs)
    序列号     SN-U{i:04d}-RJ03-7752 -> SN-U{n:04d}-RJ03-7752 (汇总表)
    联系电话   023-7065{i:04d}    -> 023-7065{n:04d}

openpyxl 3.1 writes every string inline (<is><t>…</t></is> in the sheet XML; there is no
xl/sharedStrings.xml); a workbook with one is rewritten the same way. The user names,
brands, dates and software of a copy are those of its base unit; each usage row names its
computer, so no two units share a usage row (its digest covers the computer), a serial or
a name, and no name is a short form of another (某市第1局 is not inside 某市第11局).

Writes bench/corpora/round4000/单位0001.xlsx … 单位4000.xlsx (unit n+1 in 单位{n+1:04d}.xlsx,
as u4000x40 names its files) and two rosters (UTF-8 CSV, header 序号,单位名称): one for
round4000 (its 4,000 names, then 10 units that sent nothing) and one for u200x40 (200 + 10).

    python3 bench/round4000.py [--corpora bench/corpora] [--jobs 2]
    python3 bench/round4000.py --sample DIR --bases 1 --copies 3   # a small round to look at

Needs bench/corpora/u200x40 (python3 bench/generate.py --out bench/corpora --only u200x40).

    python3 bench/round4000.py --verify ZHENGBAN

checks a small round made the same way (3 copies of 单位0001, in a temporary folder) with the
binary: `check --format jsonl --roster` states 3 distinct names and gives no ZB601–ZB604
between them (only ZB011 on the 10 units that sent nothing), while 3 hard links of the base
file (as in u4000x40) do give ZB601, ZB602 and ZB604.

    python3 bench/round4000.py --measure ZHENGBAN [--reps 3] [--only NAME]...

times (instead of building) the runs of bench/round4000.md under GNU time (/usr/bin/time):
`check --unit-per-file --as-of 2026-11-25 --format jsonl` on round4000 with its roster,
with the rules across units on, with ZB601,ZB602,ZB604 off and with all of ZB6 off; on
u200x40 with its roster; on round4000 without a roster; on u4000x40 (generate.py --only
u200x40 --only u4000x40) on, ZB601,ZB602,ZB604 off and ZB6 off. The runs take turns within
each repetition; it prints the medians of CPU (user + sys), wall and peak RSS, and the size
of the output (written to a temporary file, deleted after each run). About 4 minutes a
repetition on 2 cores.
"""
import argparse
import csv
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from multiprocessing import Pool

BASES = 200
COPIES = 20
ABSENT = 10

NAME = re.compile(r"单位名称（盖章）：某市第(\d+)局(?=\s)")
PC = re.compile(r"(?<![A-Za-z0-9])U(\d{4})-PC-")
SERIAL = re.compile(r"SN-U(\d{4})-")
PHONE = re.compile(r"联系电话：023-7065(\d{4})")


def unit_name(n):
    return f"某市第{n + 1}局"


def rewrite_text(text, base, n):
    """The sheet XML of base unit `base` as unit `n`'s; the counts of each kind replaced."""
    counts = {}

    def sub(pattern, repl, expect, text):
        def one(m):
            if int(m.group(1)) != expect:
                raise ValueError(f"{m.group(0)!r} in base unit {base}: expected index {expect}")
            return repl
        out, k = pattern.subn(one, text)
        counts[pattern.pattern] = k
        return out

    text = sub(NAME, f"单位名称（盖章）：{unit_name(n)}", base + 1, text)
    text = sub(PC, f"U{n:04d}-PC-", base, text)
    text = sub(SERIAL, f"SN-U{n:04d}-", base, text)
    text = sub(PHONE, f"联系电话：023-7065{n % 10000:04d}", base % 10000, text)
    return text, counts


def is_text_part(name):
    return name == "xl/sharedStrings.xml" or (name.startswith("xl/worksheets/") and name.endswith(".xml"))


def copy_unit(job):
    """Write unit n from base unit `base`; returns (path, counts of names, PCs, serials)."""
    src, dst, base, n = job
    totals = {"names": 0, "pcs": 0, "serials": 0}
    tmp = dst + ".tmp"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tmp, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if is_text_part(info.filename):
                text, counts = rewrite_text(data.decode("utf-8"), base, n)
                totals["names"] += counts[NAME.pattern]
                totals["pcs"] += counts[PC.pattern]
                totals["serials"] += counts[SERIAL.pattern]
                data = text.encode("utf-8")
            out = zipfile.ZipInfo(info.filename, info.date_time)
            out.compress_type = info.compress_type
            out.external_attr = info.external_attr
            out.create_system = info.create_system
            zout.writestr(out, data)
    os.replace(tmp, dst)
    if not (totals["names"] and totals["pcs"] and totals["serials"]):
        raise ValueError(f"{src}: nothing to rewrite ({totals}); not a bench/generate.py unit?")
    return totals


def write_roster(path, names):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["序号", "单位名称"])
        for i, name in enumerate(names, 1):
            w.writerow([i, name])


def build(src_dir, out_dir, bases, copies, jobs):
    missing = [i for i in range(bases) if not os.path.exists(os.path.join(src_dir, f"单位{i + 1:04d}.xlsx"))]
    if missing:
        sys.exit(f"{src_dir}: {len(missing)} of {bases} base units missing; run "
                 "python3 bench/generate.py --out bench/corpora --only u200x40")
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    os.makedirs(out_dir)
    work = []
    for k in range(copies):
        for i in range(bases):
            n = k * BASES + i
            work.append((os.path.join(src_dir, f"单位{i + 1:04d}.xlsx"),
                         os.path.join(out_dir, f"单位{n + 1:04d}.xlsx"), i, n))
    with Pool(jobs) as pool:
        done = pool.map(copy_unit, work, chunksize=20)
    names = [unit_name(n) for *_, n in work]
    assert len(set(names)) == len(names)
    return names, done


AS_OF = "2026-11-25"
IGNORE_3 = "ZB601,ZB602,ZB604"


def runs(corpora):
    """(name, corpus, rules across units, extra arguments) of each timed configuration."""
    r4 = ["--roster", os.path.join(corpora, "round4000-名单.csv")]
    r200 = ["--roster", os.path.join(corpora, "u200x40-名单.csv")]
    return [
        ("round4000", "round4000", "on", r4),
        ("round4000-off3", "round4000", f"{IGNORE_3} off", r4 + ["--ignore", IGNORE_3]),
        ("round4000-off", "round4000", "ZB6 off", r4 + ["--ignore", "ZB6"]),
        ("u200x40", "u200x40", "on", r200),
        ("round4000-noroster", "round4000", "on, no roster", []),
        ("u4000x40", "u4000x40", "on", []),
        ("u4000x40-off3", "u4000x40", f"{IGNORE_3} off", ["--ignore", IGNORE_3]),
        ("u4000x40-off", "u4000x40", "ZB6 off", ["--ignore", "ZB6"]),
    ]


def timed(cmd):
    """(cpu s, wall s, peak RSS MiB, output MiB, exit code) of one run under GNU time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t, \
            tempfile.NamedTemporaryFile("wb", suffix=".jsonl") as out:
        p = subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%e %U %S %M"] + cmd,
                           stdout=out, stderr=subprocess.DEVNULL)
        size = os.path.getsize(out.name)
        wall, user, sys_, rss = (float(x) for x in t.read().split()[-4:])
    return user + sys_, wall, rss / 1024, size / 2**20, p.returncode


def measure(a):
    todo = [r for r in runs(a.corpora) if not a.only or r[0] in a.only]
    for name, corpus, *_ in todo:
        if not os.path.isdir(os.path.join(a.corpora, corpus)):
            sys.exit(f"{corpus} missing: build it first (see the docstring)")
    got = {r[0]: [] for r in todo}
    for rep in range(a.reps):
        for name, corpus, _, extra in todo:
            cmd = [a.measure, "check", os.path.join(a.corpora, corpus), "--unit-per-file",
                   "--as-of", AS_OF, "--format", "jsonl"] + extra
            got[name].append(timed(cmd))
            cpu, wall, peak, size, rc = got[name][-1]
            print(f"rep {rep + 1} {name}: cpu {cpu:.1f} s, wall {wall:.1f} s, peak {peak:.1f} MiB, "
                  f"output {size:.1f} MiB, exit {rc}", file=sys.stderr)
    print("| corpus | rules across units | CPU s | wall s | peak MiB | output MiB |")
    print("|---|---|---:|---:|---:|---:|")
    for name, corpus, rules, _ in todo:
        med = [statistics.median(x[k] for x in got[name]) for k in range(4)]
        print(f"| {corpus} | {rules} | {med[0]:.1f} | {med[1]:.1f} | {med[2]:.1f} | {med[3]:.1f} |")


def verify(a):
    """A small round of copies is clean across units; the same file three times is not."""
    import json

    def codes(folder, extra):
        out = subprocess.run([a.verify, "check", folder, "--unit-per-file", "--as-of", AS_OF,
                              "--format", "jsonl"] + extra, capture_output=True, check=False)
        lines = [json.loads(x) for x in out.stdout.decode("utf-8").splitlines()]
        if not lines:
            sys.exit(f"no output from {a.verify}: {out.stderr.decode('utf-8', 'replace')}")
        return [(d["unit"], sorted({x["code"] for x in d["diagnostics"]})) for d in lines]

    with tempfile.TemporaryDirectory() as tmp:
        sample = os.path.join(tmp, "round")
        names, _ = build(os.path.join(a.corpora, "u200x40"), sample, 1, 3, 1)
        absent = [unit_name(n) for n in range(600, 600 + ABSENT)]
        write_roster(sample + "-名单.csv", names + absent)
        got = codes(sample, ["--roster", sample + "-名单.csv"])
        print("copies:", got, file=sys.stderr)
        assert [u for u, _ in got] == names + absent, got
        assert all(c == [] for _, c in got[:3]) and all(c == ["ZB011"] for _, c in got[3:]), got
        links = os.path.join(tmp, "links")
        os.makedirs(links)
        for k in range(3):
            os.link(os.path.join(a.corpora, "u200x40", "单位0001.xlsx"), os.path.join(links, f"单位{k + 1:04d}.xlsx"))
        got = codes(links, [])
        print("hard links:", got, file=sys.stderr)
        assert all({"ZB601", "ZB602", "ZB604"} <= set(c) for _, c in got), got
    print("ok: copies are distinct units; the same file three times is caught", file=sys.stderr)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", default=os.path.join(here, "corpora"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--sample", metavar="DIR",
                    help="write a small round into DIR (with DIR-名单.csv) instead of round4000")
    ap.add_argument("--bases", type=int, default=BASES, help="base units used (the first N)")
    ap.add_argument("--copies", type=int, default=COPIES, help="copies of each base unit")
    ap.add_argument("--measure", metavar="ZHENGBAN", help="time this binary on the corpora instead")
    ap.add_argument("--verify", metavar="ZHENGBAN", help="check a small round of copies with this binary")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--only", action="append", help="with --measure: only these runs (by name)")
    a = ap.parse_args()
    if a.verify:
        return verify(a)
    if a.measure:
        return measure(a)
    if not 1 <= a.bases <= BASES or a.copies < 1:
        sys.exit("--bases is 1..200, --copies at least 1")
    src = os.path.join(a.corpora, "u200x40")
    out = a.sample or os.path.join(a.corpora, "round4000")
    start = time.monotonic()
    names, done = build(src, out, a.bases, a.copies, a.jobs)
    total = BASES * a.copies
    # units that sent nothing: numbers after the last unit's, none inside another name
    absent = [unit_name(n) for n in range(total, total + ABSENT)]
    write_roster(out.rstrip("/") + "-名单.csv", names + absent)
    if not a.sample:
        write_roster(os.path.join(a.corpora, "u200x40-名单.csv"),
                     [unit_name(i) for i in range(BASES)] + [unit_name(n) for n in range(BASES, BASES + ABSENT)])
    print(f"wrote {len(names)} units under {out} ({sum(d['names'] for d in done)} name lines, "
          f"{sum(d['pcs'] for d in done)} computer numbers, {sum(d['serials'] for d in done)} serials "
          f"rewritten) and {out.rstrip('/')}-名单.csv in {time.monotonic() - start:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
