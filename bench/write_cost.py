#!/usr/bin/env python3
"""The cost of the write path against `check` of the same file (issue 14's target: drop mode
and `derive` each at most 2x the CPU of `check`, at most 150 MiB peak).

One unit of 5,000 computers with 100 planted faults (`generate.py`'s faults1x5000, made here
when missing); per repetition, in turn:

    check    zhengban check UNIT --as-of 2026-11-25 --format json
    drop     zhengban COPY --as-of 2026-11-25     (writes COPY.诊断.xlsx and .html beside it)
    derive   zhengban derive UNIT --force -o OUT.xlsx --as-of 2026-11-25

each under GNU time (CPU = user + sys of the process and its threads, wall, peak RSS), as
measure.py runs its commands. Prints a Markdown table: medians over the repetitions, the
ratio to check taken within each repetition (median, range), and the targets.

    python3 bench/write_cost.py [--zhengban target/release/zhengban] [--reps 5]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from measure import AS_OF, run  # noqa: E402  (GNU time, the same figures as measure.py)

CORPUS = "faults1x5000"
CPU_RATIO = 2.0
PEAK_MIB = 150


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--zhengban", default=os.path.join(HERE, "..", "target", "release", "zhengban"))
    ap.add_argument("--corpora", default=os.path.join(HERE, "corpora"))
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--timeout", type=int, default=300)
    a = ap.parse_args()
    if not os.access(a.zhengban, os.X_OK):
        sys.exit(f"{a.zhengban}: no such binary (cargo build --release)")
    unit = os.path.join(a.corpora, CORPUS, "单位0001.xlsx")
    if not os.path.exists(unit):
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--out", a.corpora,
                        "--only", CORPUS], check=True)

    figures = {k: [] for k in ("check", "drop", "derive")}
    with tempfile.TemporaryDirectory() as work:
        copy = os.path.join(work, "单位0001.xlsx")
        out = os.path.join(work, "out.xlsx")
        for rep in range(a.reps):
            shutil.copyfile(unit, copy)
            for name in os.listdir(work):
                if ".诊断." in name or name == "out.xlsx":
                    os.remove(os.path.join(work, name))
            cmds = {
                "check": [a.zhengban, "check", unit, "--as-of", AS_OF, "--format", "json"],
                "drop": [a.zhengban, copy, "--as-of", AS_OF],
                "derive": [a.zhengban, "derive", unit, "--force", "-o", out, "--as-of", AS_OF],
            }
            for name, cmd in cmds.items():
                cpu, wall, rss, code, err = run(cmd, a.timeout)
                if code not in (0, 1):
                    sys.exit(f"{name} exited {code}: {err[-2000:]}")
                figures[name].append((cpu, wall, rss))
            for name in ("单位0001.诊断.xlsx", "单位0001.诊断.html"):
                if not os.path.exists(os.path.join(work, name)):
                    sys.exit(f"drop mode wrote no {name}")
            if not os.path.exists(out):
                sys.exit("derive wrote no out.xlsx")

    def med(name, i):
        return statistics.median(f[i] for f in figures[name])

    lines = [
        f"Write-path cost on `{CORPUS}` (1 unit, 5,000 computers, 100 planted faults); median of "
        f"{a.reps} runs; CPU = user + sys (all threads); ratio to `check` within each run "
        "(median, range).",
        "",
        "| command | CPU s | wall s | peak RSS MiB | CPU ÷ check | target |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name in ("check", "drop", "derive"):
        ratios = [f[0] / c[0] if c[0] else float("nan")
                  for f, c in zip(figures[name], figures["check"])]
        ratio = ("1.00" if name == "check" else
                 f"{statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f})")
        target = "" if name == "check" else f"≤ {CPU_RATIO:.0f}× CPU, ≤ {PEAK_MIB} MiB"
        if name != "check":
            ok = statistics.median(ratios) <= CPU_RATIO and med(name, 2) <= PEAK_MIB
            target += " — met" if ok else " — not met"
        lines.append(f"| {name} | {med(name, 0):.3f} | {med(name, 1):.3f} | {med(name, 2):.0f} | "
                     f"{ratio} | {target} |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
