#!/usr/bin/env python3
"""Score a zhengban binary on the layout corpus (tests/layouts/README.md).

For every layout manifest NAME.json here:
  * check NAME.clean.xlsx and its LibreOffice resaves (resaved/NAME.clean.lo.xls, .lo.ods):
    every error or warning is a false diagnostic (info is allowed);
  * check NAME.faulty.xlsx and its resaves: each planted fault must be reported with its code
    on its sheet at one of its cells; other errors/warnings are listed as unexpected, except
    those a planted fault may bring along by the letter of the rules (its "may_also" list)
    and those the clean unit shows too (counted, not listed again);
  * derive NAME.derive.xlsx --as-of … --year … -o OUT.xlsx, then convert OUT.xlsx --to json:
    the summary rows' `installed`, the summary header's `people_using` and the `statistics`
    table must equal the figures in the manifest (computed by the generator from its data).
    If derive refuses (exit ≠ 0, no output) it is run again with --force and that is said.

Usage: python3 tests/layouts/score.py [--bin PATH] [--dir DIR] [--formats xlsx,xls,ods] [--json OUT] [NAME ...]
--dir DIR scores the corpus in DIR (default: this directory, tests/layouts), e.g. tests/layouts2. A unit
kept as a folder of workbooks is NAME.clean/ (NAME.faulty/, NAME.derive/) and its resaves are folders
resaved/NAME.clean.lo.xls/ …; such a folder is checked as one unit.
Default binary: target/release/zhengban of this repository (built with cargo build --release
when absent). Exit status 0 whatever the score: the output is the measurement.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CORPUS = HERE  # the corpus directory scored (--dir)
DEFAULT_BIN = os.path.join(REPO, "target", "release", "zhengban")
TIMEOUT = 300


def run(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, "", f"timed out after {TIMEOUT}s"


def ensure_binary(path):
    if os.path.exists(path):
        return
    if os.path.abspath(path) != os.path.abspath(DEFAULT_BIN):
        sys.exit(f"no binary at {path}")
    print(f"building {path} (cargo build --release; waits if another build holds the lock) …", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release"], cwd=REPO, check=True)


def variants(name, kind, formats):
    out = []
    for fmt in formats:
        path = os.path.join(CORPUS, f"{name}.{kind}.xlsx") if fmt == "xlsx" else os.path.join(CORPUS, "resaved", f"{name}.{kind}.lo.{fmt}")
        if fmt == "xlsx" and not os.path.exists(path) and os.path.isdir(os.path.join(CORPUS, f"{name}.{kind}")):
            path = os.path.join(CORPUS, f"{name}.{kind}")  # a unit kept as a folder of workbooks
        label = "xlsx" if fmt == "xlsx" else f"lo.{fmt}"
        out.append((label, path))
    return out


def check(binary, path, as_of):
    """Diagnostics of every unit found in path: list of dicts, or an error string."""
    if not os.path.exists(path):
        return f"missing file {os.path.relpath(path, CORPUS)}"
    rc, out, err = run([binary, "check", path, "--as-of", as_of, "--format", "json"])
    if rc is None or rc not in (0, 1):
        return f"check failed (exit {rc}): {err.strip()[:400]}"
    try:
        doc = json.loads(out)
    except json.JSONDecodeError as e:
        return f"check printed no JSON ({e}): {err.strip()[:400]}"
    diags = []
    for unit in doc.get("units", []):
        diags.extend(unit.get("diagnostics", []))
    return diags


def where(d):
    return f"{d.get('sheet') or '—'}!{d.get('cell') or '—'}"


def show(d):
    return f"{d['code']} {d['severity']:<7} {where(d)}  {d.get('message', '')}"


def norm_id(s):
    s = unicodedata.normalize("NFKC", str(s or "")).upper()
    return "".join(ch for ch in s if ch.isalnum())


def score_faulty(diags, expected):
    """(found list, missed list, unexpected diagnostics)."""
    loud = [d for d in diags if d.get("severity") in ("error", "warning")]
    used = [False] * len(loud)
    found, missed = [], []
    for e in expected:
        cells = e["cell"].split("|")
        hit = None
        for i, d in enumerate(diags):
            if d["code"] == e["code"] and d.get("sheet") == e["sheet"] and (d.get("cell") or "") in cells:
                hit = d
                break
        if hit is None:
            near = [d for d in diags if d["code"] == e["code"]]
            missed.append((e, near))
        else:
            found.append(e)
            for i, d in enumerate(loud):
                if d is hit:
                    used[i] = True
    # a diagnostic sharing code and place with a planted fault, or one a planted fault may
    # bring along by the letter of the rules ("may_also"), is not unexpected either
    planted = {(e["code"], e["sheet"], c) for e in expected for c in e["cell"].split("|")}
    planted |= {(a["code"], a["sheet"], c) for e in expected for a in e.get("may_also", []) for c in a["cell"].split("|")}
    unexpected = [d for i, d in enumerate(loud) if not used[i] and (d["code"], d.get("sheet"), d.get("cell")) not in planted]
    return found, missed, unexpected


def derive_figures(binary, path, as_of, year):
    """(model dict or None, notes)."""
    notes = []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.xlsx")
        rc, so, se = run([binary, "derive", path, "--as-of", as_of, "--year", str(year), "-o", out])
        if rc != 0 or not os.path.exists(out):
            tail = [ln for ln in (so + se).strip().splitlines() if ln.strip()][-1:] or [""]
            notes.append(f"derive refused (exit {rc}): {tail[0].strip()[:200]}; figures below are from derive --force")
            if os.path.exists(out):
                os.remove(out)
            rc, so, se = run([binary, "derive", path, "--as-of", as_of, "--year", str(year), "-o", out, "--force"])
            if rc not in (0, 1) or not os.path.exists(out):
                tail = [ln for ln in (so + se).strip().splitlines() if ln.strip()][-1:] or [""]
                notes.append(f"derive --force wrote nothing either (exit {rc}): {tail[0].strip()[:200]}")
                return None, notes
        rc, so, se = run([binary, "convert", out, "--to", "json"])
        if rc not in (0, 1):
            notes.append(f"convert failed (exit {rc}): {se.strip()[:300]}")
            return None, notes
        try:
            model = json.loads(so)
        except json.JSONDecodeError as e:
            notes.append(f"convert printed no JSON: {e}")
            return None, notes
    if isinstance(model, list):
        notes.append(f"convert saw {len(model)} units; the first with a summary is scored")
        model = next((m for m in model if m.get("summary")), model[0] if model else {})
    return model, notes


def score_derive(model, want):
    """[(label, expected, got, ok)]."""
    rows = []
    summary = (model or {}).get("summary") or {}
    got_rows = summary.get("rows") or []
    by_id = {}
    for r in got_rows:
        by_id.setdefault(str(r.get("id")), r)
    by_norm = {}
    for r in got_rows:
        by_norm.setdefault(norm_id(r.get("id")), r)
    for sid, n in want["installed"].items():
        r = by_id.get(sid) or by_norm.get(norm_id(sid))
        got = r.get("installed") if r else "no row"
        rows.append((f"installed {sid}", n, got, got == n))
    header = summary.get("header") or {}
    got = header.get("people_using", "absent")
    rows.append(("summary people_using", want["people_using"], got, got == want["people_using"]))
    st = (model or {}).get("statistics") or {}
    ws = want["statistics"]
    for k in ("total", "using"):
        got = (st.get("people") or {}).get(k, "absent")
        rows.append((f"statistics people.{k}", ws["people"][k], got, got == ws["people"][k]))
    for k in ("servers", "desktops", "laptops", "total"):
        got = (st.get("computers") or {}).get(k, "absent")
        rows.append((f"statistics computers.{k}", ws["computers"][k], got, got == ws["computers"][k]))

    def cell(section, row, col, measure):
        for c in st.get(section) or []:
            if c.get("row") == row and c.get("column") == col and c.get("measure") == measure:
                return c.get("value")
        return "absent"

    for o in ("domestic", "foreign"):
        for cat in ("os", "office", "antivirus"):
            lic, amt = ws["purchases"][o][cat]
            g = cell("purchases", o, cat, "licenses")
            rows.append((f"statistics purchases.{o}.{cat} licenses", lic, g, isinstance(g, (int, float)) and g == lic))
            g = cell("purchases", o, cat, "amount")
            rows.append((f"statistics purchases.{o}.{cat} amount", amt, g,
                         isinstance(g, (int, float)) and round(g, 4) == round(amt, 4)))
    for o in ("domestic", "foreign"):
        for cat in ("os", "office", "antivirus"):
            h = ws["holdings"][o][cat]
            g = cell("holdings", o, cat, "licenses")
            rows.append((f"statistics holdings.{o}.{cat}", h, g, isinstance(g, (int, float)) and g == h))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=DEFAULT_BIN, help="zhengban binary (default: %(default)s)")
    ap.add_argument("--dir", default=HERE, help="corpus directory with the NAME.json manifests (default: %(default)s)")
    ap.add_argument("--formats", default="xlsx,xls,ods", help="which files to check: xlsx and/or the LibreOffice resaves")
    ap.add_argument("--json", help="also write the results as JSON to this file")
    ap.add_argument("names", nargs="*", help="layouts to score (default: all)")
    a = ap.parse_args()
    global CORPUS
    CORPUS = os.path.abspath(a.dir)
    ensure_binary(a.bin)
    formats = [f.strip() for f in a.formats.split(",") if f.strip()]
    manifests = sorted(f for f in os.listdir(CORPUS) if f.endswith(".json"))
    if a.names:
        manifests = [f"{n}.json" for n in a.names]
    rc, ver, _ = run([a.bin, "--version"])
    print(f"zhengban layout corpus — {ver.strip() or a.bin} ({a.bin})")
    totals = {"planted": Counter(), "found": Counter(), "false": Counter(), "false_err": Counter(),
              "unexpected": Counter(), "derived": 0, "derived_ok": 0, "refused": 0}
    by_code = defaultdict(Counter)
    results = []
    for mf in manifests:
        m = json.load(open(os.path.join(CORPUS, mf), encoding="utf-8"))
        name, as_of = m["layout"], m["as_of"]
        res = {"layout": name, "clean": {}, "faulty": {}, "derive": {}}
        print()
        print(f"== {name} — {m['office']} — classes {', '.join(map(str, m['classes']))}")
        # --- clean ---
        print("  false errors and warnings on the clean unit:")
        seen_clean = {}
        first = None
        for label, path in variants(name, "clean", formats):
            diags = check(a.bin, path, as_of)
            if isinstance(diags, str):
                print(f"    {label:<7} —  {diags}")
                res["clean"][label] = {"error": diags}
                continue
            loud = [d for d in diags if d.get("severity") in ("error", "warning")]
            seen_clean[label] = {(d["code"], d.get("sheet"), d.get("cell")) for d in loud}
            errs = sum(1 for d in loud if d["severity"] == "error")
            totals["false"][label] += len(loud)
            totals["false_err"][label] += errs
            res["clean"][label] = [show(d) for d in loud]
            lines = [show(d) for d in loud]
            if first is None:
                first = lines
                print(f"    {label:<7} {len(loud)} (errors {errs}, warnings {len(loud) - errs})")
                for ln in lines:
                    print(f"      {ln}")
            else:
                extra = [ln for ln in lines if ln not in first]
                gone = [ln for ln in first if ln not in lines]
                same = "same as xlsx" if not extra and not gone else "differs from xlsx"
                print(f"    {label:<7} {len(loud)} (errors {errs}, warnings {len(loud) - errs}) — {same}")
                for ln in extra:
                    print(f"      + {ln}")
                for ln in gone:
                    print(f"      - {ln}")
        # --- faulty ---
        expected = m["faulty"]["expected"]
        print(f"  planted faults found at their cell ({len(expected)} planted):")
        first_faulty = None
        for label, path in variants(name, "faulty", formats):
            diags = check(a.bin, path, as_of)
            if isinstance(diags, str):
                print(f"    {label:<7} —  {diags}")
                totals["planted"][label] += len(expected)
                for e in expected:
                    by_code[e["code"]]["planted"] += 1
                res["faulty"][label] = {"error": diags}
                continue
            found, missed, unexpected = score_faulty(diags, expected)
            also = [d for d in unexpected if (d["code"], d.get("sheet"), d.get("cell")) in seen_clean.get(label, set())]
            new = [d for d in unexpected if d not in also]
            totals["planted"][label] += len(expected)
            totals["found"][label] += len(found)
            totals["unexpected"][label] += len(new)
            for e in expected:
                by_code[e["code"]]["planted"] += 1
            for e in found:
                by_code[e["code"]]["found"] += 1
            summary_line = (f"{len(found)}/{len(expected)}   other errors/warnings: {len(unexpected)}"
                            f" ({len(also)} also on the clean unit, {len(new)} not)")
            detail = ([f"missed {e['code']} {e['sheet']}!{e['cell']}" for e, _ in missed], [show(d) for d in new])
            if first_faulty is not None and detail == first_faulty:
                print(f"    {label:<7} {summary_line} — same as xlsx")
                res["faulty"][label] = {"same_as": "xlsx", "found": len(found)}
                continue
            if first_faulty is None:
                first_faulty = detail
            print(f"    {label:<7} {summary_line}")
            for e, near in missed:
                elsewhere = "; reported instead at " + ", ".join(where(d) for d in near[:4]) if near else ""
                print(f"      missed {e['code']} {e['sheet']}!{e['cell']}  ({e['why']}){elsewhere}")
            for d in new:
                print(f"      unexpected {show(d)}")
            res["faulty"][label] = {"found": [e["code"] + "@" + e["cell"] for e in found],
                                    "missed": [e["code"] + "@" + e["cell"] for e, _ in missed],
                                    "unexpected": [show(d) for d in unexpected],
                                    "unexpected_not_on_clean": [show(d) for d in new]}
        # --- derive ---
        dv = m["derive"]
        model, notes = derive_figures(a.bin, os.path.join(CORPUS, dv["file"]), as_of, dv["year"])
        rows = score_derive(model, dv)
        ok = sum(1 for r in rows if r[3])
        totals["derived"] += len(rows)
        totals["derived_ok"] += ok
        if any(n.startswith("derive refused") for n in notes):
            totals["refused"] += 1
        print(f"  derived figures right: {ok}/{len(rows)}")
        for n in notes:
            print(f"    note: {n}")
        for label, want, got, good in rows:
            if not good:
                print(f"    wrong {label}: expected {want}, got {got}")
        res["derive"] = {"right": ok, "total": len(rows), "notes": notes,
                         "wrong": [{"figure": r[0], "expected": r[1], "got": r[2]} for r in rows if not r[3]]}
        results.append(res)
    print()
    print("== TOTAL")
    for label, _ in variants("x", "clean", formats):
        p, f = totals["planted"][label], totals["found"][label]
        print(f"  {label:<7} planted faults found {f}/{p}; unexpected on faulty (not on clean) {totals['unexpected'][label]}; "
              f"false on clean {totals['false'][label]} (errors {totals['false_err'][label]})")
    print(f"  derived figures right {totals['derived_ok']}/{totals['derived']}"
          f" (derive refused without --force on {totals['refused']} of {len(manifests)} layouts)")
    print("  by rule (found/planted, all formats): " + "  ".join(
        f"{c} {by_code[c]['found']}/{by_code[c]['planted']}" for c in sorted(by_code)))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"results": results, "totals": {k: (dict(v) if isinstance(v, Counter) else v) for k, v in totals.items()},
                       "by_rule": {c: dict(v) for c, v in by_code.items()}}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
