#!/usr/bin/env python3
"""Time `zhengban check` against calamine alone, python-calamine and openpyxl read-only.

Every command runs under GNU time (/usr/bin/time): CPU time (user + sys of the process and
its threads), wall time and peak RSS as the kernel counts them. The tools take turns within
each repetition (zhengban, calamine, python-calamine, openpyxl, zhengban, …), so a burst of
load on a shared machine hits all of them alike; the table shows the median of the
repetitions. Writes a Markdown report (bench/results.md by default) and prints it.

    python3 bench/measure.py --corpora bench/corpora --zhengban target/release/zhengban \
        --calamine target/bench/release/calamine-read [--reps 3] [--out bench/results.md]
"""
import argparse
import datetime as dt
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = "2026-11-25"


TIME = "/usr/bin/time"


def run(cmd, timeout):
    """(cpu seconds, wall seconds, peak RSS MiB, exit code, stderr) of one command.

    GNU time runs it and reports the kernel's figures for it alone: a child forked from this
    Python process would count Python's own pages in its peak RSS until it execs.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        full = [TIME, "-o", t.name, "-f", "%e %U %S %M"] + cmd
        with open(os.devnull, "wb") as null:
            try:
                p = subprocess.run(full, stdout=null, stderr=subprocess.PIPE, timeout=timeout)
            except subprocess.TimeoutExpired:
                return 0.0, timeout, 0.0, -1, "timeout"
        err = p.stderr.decode("utf-8", "replace")
        fields = t.read().split()[-4:]
    wall, user, sys_, rss_kb = (float(f) for f in fields)
    return user + sys_, wall, rss_kb / 1024, p.returncode, err


def instructions(a, corpus):
    """Instructions executed by zhengban (one thread) and calamine alone, by callgrind."""
    def count(cmd):
        with tempfile.TemporaryDirectory() as d:
            r = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={d}/out"] + cmd,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=a.timeout * 10)
        for line in r.stderr.decode("utf-8", "replace").splitlines():
            if "refs:" in line:
                return int(line.split("refs:")[1].strip().replace(",", ""))
        sys.exit(f"callgrind gave no count for {cmd}")
    zb = count([a.zhengban, "check", "--unit-per-file", corpus, "--as-of", AS_OF, "--format", "json",
                "-j", "1"])
    cal = count([a.calamine, corpus])
    return zb, cal


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg()
    return (f"{os.cpu_count()} logical CPUs ({cpu}), Linux {platform.release()}, "
            f"Python {platform.python_version()}, load average at start {load[0]:.1f}; "
            f"{dt.datetime.now().strftime('%Y-%m-%d %H:%M')}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=os.path.join(HERE, "corpora"))
    ap.add_argument("--zhengban", required=True)
    ap.add_argument("--calamine", required=True)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--out", default=os.path.join(HERE, "results.md"))
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--skip", action="append", default=[], help="corpus to leave out")
    ap.add_argument("--instructions", action="store_true",
                    help="also count instructions on u20x300 with callgrind (slow, immune to load)")
    a = ap.parse_args()
    py = sys.executable
    reader = os.path.join(HERE, "read_python.py")

    def zb(corpus, fmt="json"):
        return [a.zhengban, "check", "--unit-per-file", corpus, "--as-of", AS_OF, "--format", fmt]

    # corpus -> tools to run on it (openpyxl only where its minutes are worth spending).
    plan = [
        ("u20x300", ["zhengban", "zhengban-j1", "calamine", "python-calamine", "openpyxl"]),
        ("u200x40", ["zhengban", "zhengban-j1", "calamine", "python-calamine"]),
        ("lin1x300", ["zhengban", "calamine"]),
        ("lin1x1000", ["zhengban", "calamine"]),
        ("lin1x2000", ["zhengban", "calamine"]),
        ("lin1x5000", ["zhengban", "calamine"]),
        ("u4000x40", ["zhengban-jsonl", "calamine"]),
    ]
    rows = {}
    ratios = {}
    ledger_rows = {}
    for corpus, tools in plan:
        path = os.path.join(a.corpora, corpus)
        if corpus in a.skip or not os.path.isdir(path):
            continue
        cmds = {
            "zhengban": zb(path),
            "zhengban-jsonl": zb(path, "jsonl"),
            # The same check on one thread: its CPU time is the work itself, without what two
            # threads sharing the machine's caches and memory add to each other.
            "zhengban-j1": zb(path) + ["-j", "1"],
            "calamine": [a.calamine, path],
            "python-calamine": [py, reader, "calamine", path],
            "openpyxl": [py, reader, "openpyxl", path],
        }
        samples = {t: [] for t in tools}
        for rep in range(a.reps):
            for t in tools:
                cpu, wall, rss, code, err = run(cmds[t], a.timeout)
                if code not in (0, 1):
                    sys.exit(f"{shlex.join(cmds[t])} exited {code}:\n{err[-2000:]}")
                samples[t].append((cpu, wall, rss))
                print(f"{corpus:10} {t:16} rep {rep + 1}: cpu {cpu:7.3f} s  wall {wall:7.3f} s  "
                      f"rss {rss:7.1f} MiB", file=sys.stderr)
        for t, s in samples.items():
            rows[(corpus, t)] = (statistics.median(x[0] for x in s), statistics.median(x[1] for x in s),
                                 max(x[2] for x in s))
        # Ratios are taken within each repetition (the tools ran back to back, under the same
        # load) and then the median over repetitions: a burst of load on the shared machine
        # moves both sides of a ratio, not one median.
        for t in tools:
            for base, col in (("calamine", 0), ("python-calamine", 1)):
                if base in samples and samples[base]:
                    per_rep = [x[col] / b[col] for x, b in zip(samples[t], samples[base]) if b[col] > 0]
                    if per_rep:
                        ratios[(corpus, t, base)] = (statistics.median(per_rep), min(per_rep),
                                                     max(per_rep))
        files = [n for n in os.listdir(path) if n.endswith(".xlsx")]
        ledger_rows[corpus] = len(files)

    counted = instructions(a, os.path.join(a.corpora, "u20x300")) if a.instructions else None
    out = ["## Benchmark", "", f"Machine: {machine()}.", "",
           f"Median of {a.reps} alternating runs; CPU = user + sys of the process (all threads); "
           "RSS = peak resident memory. `calamine` is `bench/calamine-read` (Rust, calamine 0.38 "
           "`worksheet_range` over every sheet, one thread); `python-calamine` and `openpyxl` "
           "(read-only, data-only) iterate every cell of every sheet. zhengban runs "
           f"`check --unit-per-file DIR --as-of {AS_OF} --format json` (jsonl for u4000x40) with its "
           "default of one thread per core; `zhengban-j1` is the same with `-j 1`. Ratios are "
           "taken within each repetition, then the median over repetitions (range in brackets).", "",
           "| corpus | tool | CPU s | wall s | peak RSS MiB | CPU ÷ calamine | wall ÷ python-calamine |",
           "|---|---|---:|---:|---:|---:|---:|"]
    def shown(key):
        r = ratios.get(key)
        if not r:
            return ""
        med, lo, hi = r
        return f"{med:.2f}" if lo == hi else f"{med:.2f} ({lo:.2f}–{hi:.2f})"

    for corpus, tools in plan:
        for t in tools:
            if (corpus, t) not in rows:
                continue
            cpu, wall, rss = rows[(corpus, t)]
            out.append(f"| {corpus} | {t} | {cpu:.3f} | {wall:.3f} | {rss:.0f} | "
                       f"{shown((corpus, t, 'calamine'))} | {shown((corpus, t, 'python-calamine'))} |")
    lin = [(c, rows[(c, "zhengban")]) for c in ("lin1x300", "lin1x1000", "lin1x2000", "lin1x5000")
           if (c, "zhengban") in rows]
    if lin:
        out += ["", "Linearity (one unit, zhengban CPU per 1,000 computers):", "",
                "| corpus | computers | CPU s | CPU s per 1,000 computers |", "|---|---:|---:|---:|"]
        for c, (cpu, _, _) in lin:
            n = int(c.split("x")[1])
            out.append(f"| {c} | {n} | {cpu:.3f} | {cpu / n * 1000:.3f} |")
    small, large = rows.get(("u200x40", "zhengban")), rows.get(("lin1x5000", "zhengban"))
    if small and large:
        per_small = small[0] / (200 * 40) * 1000
        per_large = large[0] / 5000 * 1000
        out += ["", f"Per computer: 200 × 40 costs {per_small:.3f} CPU s per 1,000 computers, "
                    f"1 × 5,000 costs {per_large:.3f} ({per_small / per_large:.2f}×)."]
    if counted:
        zb, cal = counted
        out += ["", f"Instructions on u20x300 (valgrind callgrind, zhengban with `-j 1`): zhengban "
                    f"{zb / 1e9:.2f} G, calamine {cal / 1e9:.2f} G, ratio {zb / cal:.2f} — a count that "
                    "the load of a shared machine does not change."]
    text = "\n".join(out) + "\n"
    with open(a.out, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
