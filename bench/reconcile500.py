#!/usr/bin/env python3
"""A unit of 500 computers and the collector files of all 500, for timing `reconcile`.

The ledger is bench/generate.py's unit (index 1, 500 computers: 明细表 ≈ 1,750 rows, one
附件9 log per software ID); each computer gets the `#zhengban-inventory 1` file its
collector would write (collectors/FORMAT.md): its system, the programs its ledger rows
register under the names Windows gives them, and about 90 more entries of the kind every
Windows computer lists in its Uninstall keys (Visual C++ runtimes, drivers, updates,
Office's component entries, language packs) that the catalogue folds or ignores, and the
Windows license channel (OEM_DM). One computer in 25 also holds WinRAR (ZB701), so the run
reports and annotates as a real one does.

    python3 bench/reconcile500.py [--out bench/corpora]
    farm-bench -n 5 --vs 'target/release/zhengban check bench/corpora/reconcile500/台账.xlsx --as-of 2026-11-25 --format jsonl' -- \\
        target/release/zhengban reconcile bench/corpora/reconcile500/台账.xlsx bench/corpora/reconcile500/采集 --as-of 2026-11-25 --format jsonl

Results: bench/reconcile500.md.
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402

# what each software ID of generate.py is called in the Uninstall keys
DISPLAY = {
    "RJ03": None,  # UOS: the system itself
    "RJ04": ("WPS Office (11.1.0.14309)", "11.1.0.14309", "Kingsoft Corp."),
    "RJ05": ("Microsoft Office Professional Plus 2019 - zh-cn", "16.0.10827.20181", "Microsoft Corporation"),
    "RJ06": ("奇安信天擎终端安全管理系统", "10.0.0.5000", "奇安信科技集团股份有限公司"),
    "RJ07": ("7-Zip 24.08 (x64)", "24.08", "Igor Pavlov"),
    "RJ08": ("福昕阅读器", "12.1.2.15332", "福昕软件"),
}
OS = {
    "RJ01": ("Microsoft Windows 10 专业版", "10.0.19045", "19045", "48"),
    "RJ02": ("Microsoft Windows 11 专业版", "10.0.22631", "22631", "48"),
}


def noise(rnd):
    """The entries every Windows computer lists that no ledger registers."""
    out = []
    for year, ver in [("2008", "9.0.30729.6161"), ("2010", "10.0.40219"), ("2012", "11.0.61030"),
                      ("2013", "12.0.40664"), ("2015-2022", "14.38.33130")]:
        for arch in ("x86", "x64"):
            out.append((f"Microsoft Visual C++ {year} Redistributable ({arch}) - {ver}", ver, "Microsoft Corporation"))
    for i in range(rnd.randrange(20, 40)):
        out.append((f"Update for Microsoft Office 2016 (KB{4461000 + i * 7}) 64-Bit Edition", "", "Microsoft"))
    for part in ("Word", "Excel", "PowerPoint", "Outlook", "Access", "Publisher", "OneNote", "Skype for Business"):
        out.append((f"Microsoft {part} MUI (Chinese (Simplified)) 2019", "16.0.10827.20181", "Microsoft Corporation"))
    for name, ver, pub in [("Intel(R) Management Engine Components", "2040.100.0.1029", "Intel Corporation"),
                           ("Realtek High Definition Audio Driver", "6.0.9235.1", "Realtek Semiconductor Corp."),
                           ("NVIDIA 图形驱动程序 537.58", "537.58", "NVIDIA Corporation"),
                           ("Microsoft Edge", "131.0.2903.70", "Microsoft Corporation"),
                           ("Microsoft Edge WebView2 Runtime", "131.0.2903.70", "Microsoft Corporation"),
                           ("Google Chrome", "131.0.6778.86", "Google LLC"),
                           ("搜狗拼音输入法 14.8正式版", "14.8.0.9633", "Sogou.com"),
                           ("微信", "3.9.12.17", "腾讯科技(深圳)有限公司"),
                           ("钉钉", "7.6.15", "Alibaba (China) Network Technology Co.,Ltd."),
                           ("Microsoft .NET Framework 4.8 Targeting Pack", "4.8.03761", "Microsoft Corporation"),
                           ("Windows PC 运行状况检查", "3.6.2204.08001", "Microsoft Corporation"),
                           ("Microsoft Update Health Tools", "3.74.0.0", "Microsoft Corporation")]:
        out.append((name, ver, pub))
    for i in range(rnd.randrange(10, 25)):
        out.append((f"打印机驱动 {i + 1}", f"{rnd.randrange(1, 9)}.{rnd.randrange(0, 99)}", "HP Inc."))
    return out


def collector_file(pc, brand, soft, rnd, winrar):
    lines = ["#zhengban-inventory 1", "[computer]", f"name\t{pc}", f"serial\tSN{rnd.randrange(10**9):09d}",
             f"manufacturer\t{brand}", "model\tM4000", f"user\t{pc}\\user", "collector\tcollect.ps1 1",
             "collected\t2026-11-20 09:30:00"]
    ids = [sid for sid, _ in soft]
    uos = "RJ03" in ids
    if uos:
        lines += ["[os]", "name\tUnionTech OS Desktop 20 Professional", "version\t20", "edition\t专业版", "id\tuos"]
    else:
        name, version, build, sku = OS["RJ01" if "RJ01" in ids else "RJ02"]
        lines += ["[os]", f"name\t{name}", f"version\t{version}", f"build\t{build}", f"sku\t{sku}"]
    lines += ["[software]", "name\tversion\tpublisher\tinstalled\tsource"]
    entries = [DISPLAY[sid] for sid in ids if DISPLAY.get(sid)]
    if not uos:
        entries += noise(rnd)
    if winrar:
        entries.append(("WinRAR 6.02 (64-bit)", "6.02.0", "win.rar GmbH"))
    for name, ver, pub in entries:
        lines.append(f"{name}\t{ver}\t{pub}\t20240301\tHKLM")
    if not uos:
        lines += ["[licence]", "product\tdescription\tpartial_key\tstatus\tkms_host\tkms_discovered\tsource",
                  "Windows(R), Professional edition\tWindows(R) Operating System, OEM_DM channel\t"
                  f"{rnd.randrange(10000, 99999)}\t1\t\t\tSoftwareLicensingProduct"]
    return "\r\n".join(lines) + "\r\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpora"))
    ap.add_argument("--computers", type=int, default=500)
    args = ap.parse_args()
    root = os.path.join(args.out, f"reconcile{args.computers}")
    inv = os.path.join(root, "采集")
    os.makedirs(inv, exist_ok=True)
    generate.write_unit(os.path.join(root, "台账.xlsx"), 1, args.computers)
    _, pcs = generate.unit_data(1, args.computers, 7)
    rnd = random.Random(500)
    for n, (dept, user, pc, brand, soft) in enumerate(pcs):
        with open(os.path.join(inv, f"{pc}.zbinv.txt"), "w", encoding="utf-8", newline="") as f:
            f.write(collector_file(pc, brand, soft, rnd, winrar=n % 25 == 7))
    print(root)


if __name__ == "__main__":
    main()
