//! `zhengban convert <清单文件夹> --to xlsx`: a ledger drafted from the computers'
//! inventories in several formats (osquery, our collector's files, GLPI, dpkg) — a row per
//! computer and product, Office's components folded into the suite, the clerk's blanks
//! highlighted in yellow — on which `check` reports only what is to be filled in.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Output};

fn zhengban() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The fixtures of several formats, in one folder as an office hands them over.
const INVENTORIES: &[&str] = &[
    "clean-unit/SJ-PC-001.json",
    "clean-unit/SJ-PC-002.json",
    "collector-win7.zbinv.txt",
    "draft/collector-office2016.zbinv.txt",
    "glpi/windows_2.json",
    "glpi/computer_1.json",
    "dpkg/dpkg-l.txt",
];

/// The folder of inventories and the draft written from it.
fn drafted() -> (tempfile::TempDir, std::path::PathBuf, Output) {
    let dir = tempfile::tempdir().unwrap();
    let inv = dir.path().join("清单");
    std::fs::create_dir(&inv).unwrap();
    for f in INVENTORIES {
        let from = Path::new("tests/fixtures/inventory").join(f);
        let name = Path::new(f).file_name().unwrap();
        std::fs::copy(&from, inv.join(name)).unwrap();
    }
    let xlsx = dir.path().join("台账草稿.xlsx");
    let out = zhengban()
        .arg("convert")
        .arg(&inv)
        .args(["--to", "xlsx", "-o"])
        .arg(&xlsx)
        .output()
        .unwrap();
    (dir, xlsx, out)
}

fn json_of(xlsx: &Path) -> serde_json::Value {
    let out = zhengban()
        .arg("convert")
        .arg(xlsx)
        .args(["--to", "json"])
        .output()
        .unwrap();
    ok(&out);
    serde_json::from_slice(&out.stdout).unwrap()
}

fn text(v: &serde_json::Value) -> &str {
    v.as_str().unwrap_or("")
}

#[test]
fn a_row_per_computer_and_product() {
    let (_dir, xlsx, out) = drafted();
    ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // dpkg's list names no computer and holds no package the catalogue knows
    assert!(stderr.contains("dpkg-l.txt"), "{stderr}");
    assert!(stderr.contains("黄色格"), "{stderr}");
    let v = json_of(&xlsx);

    let mut per_computer: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in v["usage"]["rows"].as_array().unwrap() {
        per_computer
            .entry(text(&r["computer"]).to_string())
            .or_default()
            .push(text(&r["name"]).to_string());
    }
    let names =
        |c: &str| -> BTreeSet<&str> { per_computer[c].iter().map(String::as_str).collect() };
    assert_eq!(
        names("SJ-PC-001"),
        BTreeSet::from(["Windows 10 专业版", "WPS Office", "奇安信天擎"]),
        "the Visual C++ runtime is no row"
    );
    assert_eq!(
        names("SJ-PC-002"),
        BTreeSet::from([
            "Windows 10 专业版",
            "WPS Office",
            "奇安信天擎",
            "7-Zip",
            "WinRAR"
        ])
    );
    // Office 2016 with its components, language pack, proofing tools and an update: one row
    assert_eq!(
        per_computer["SJ-PC-010"].len(),
        4,
        "{:?}",
        per_computer["SJ-PC-010"]
    );
    assert_eq!(
        names("SJ-PC-010"),
        BTreeSet::from([
            "Windows 10 专业版",
            "Microsoft Office",
            "奇安信天擎",
            "7-Zip"
        ])
    );
    // the driver is no row; an unknown user application (百度网盘) is, for the clerk to type
    assert_eq!(
        names("CZJ-BGS-01"),
        BTreeSet::from([
            "Windows 7 专业版",
            "Microsoft Office",
            "WPS Office",
            "Adobe Acrobat Reader",
            "360安全",
            "搜狗拼音输入法",
            "百度网盘"
        ])
    );
    // GLPI's Windows: the Office update, the runtime and its language module are no rows
    assert!(
        per_computer["pc-arg-23"]
            .iter()
            .filter(|n| n.as_str() == "Microsoft Office")
            .count()
            == 1
    );
    // a Linux computer's packages are the system's: only the OS
    assert_eq!(per_computer["glpixps"], ["Fedora 31 (Workstation Edition)"]);
    assert_eq!(per_computer.len(), 6);

    let usage = v["usage"]["rows"].as_array().unwrap();
    let row = |computer: &str, name: &str| {
        usage
            .iter()
            .find(|r| text(&r["computer"]) == computer && text(&r["name"]) == name)
            .unwrap()
    };
    let office = row("SJ-PC-010", "Microsoft Office");
    assert_eq!(office["version"], "16.0");
    assert_eq!(office["installed_on"], "2022-03-01");
    assert_eq!(office["user"], "张伟", "the account's user part");
    assert_eq!(office["brand"], "联想");
    assert!(office["department"].is_null());
    assert_eq!(
        row("CZJ-BGS-01", "Windows 7 专业版")["kind"],
        "oem",
        "slmgr's OEM channel"
    );
    assert!(
        row("CZJ-BGS-01", "WPS Office")["user"].is_null(),
        "Administrator names nobody"
    );
    assert_eq!(row("SJ-PC-002", "WinRAR")["kind"], "commercial");
    assert_eq!(row("SJ-PC-002", "7-Zip")["kind"], "free");
    assert!(row("CZJ-BGS-01", "百度网盘")["kind"].is_null());

    // the summary: a row per product, 安装数量 = its computers, numbered in order
    let summary = v["summary"]["rows"].as_array().unwrap();
    for (i, s) in summary.iter().enumerate() {
        assert_eq!(s["id"], format!("RJ{:03}", i + 1));
        let holders = usage.iter().filter(|r| r["id"] == s["id"]).count();
        assert_eq!(s["installed"], holders as i64, "{s}");
        assert!(s["license_count"].is_null() && s["serial"].is_null());
    }
    let by_name = |n: &str| summary.iter().find(|s| text(&s["name"]) == n).unwrap();
    assert_eq!(by_name("WPS Office")["installed"], 3);
    assert_eq!(by_name("Microsoft Office")["installed"], 3);
    assert_eq!(by_name("7-Zip")["kind"], "free");
    // commercial first, then OEM, then free, then what the clerk is to decide
    let order: Vec<u8> = summary
        .iter()
        .map(|s| match text(&s["kind"]) {
            "commercial" => 0,
            "oem" => 1,
            "free" => 2,
            _ => 3,
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");

    // one log per product: an 安装 per computer
    let logs = v["maintenance"].as_array().unwrap();
    assert_eq!(logs.len(), summary.len());
    for (log, s) in logs.iter().zip(summary) {
        assert_eq!(log["info"]["id"], s["id"]);
        let events = log["events"].as_array().unwrap();
        assert_eq!(events.len() as i64, s["installed"].as_i64().unwrap());
        assert!(events.iter().all(|e| e["action"] == "install"));
    }
    // the free list, for the free software the summary uses
    let free: Vec<&str> = v["free_list"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| text(&r["name"]))
        .collect();
    assert!(free.contains(&"7-Zip") && free.contains(&"Adobe Acrobat Reader"));
}

/// (sheet, 1-based column, 1-based row) of an A1 reference.
fn place(sheet: &str, a1: &str) -> (String, u32, u32) {
    let letters: String = a1.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let row: u32 = a1[letters.len()..].parse().unwrap();
    let col = letters
        .chars()
        .fold(0u32, |n, c| n * 26 + (c as u32 - 'A' as u32 + 1));
    (sheet.to_string(), col, row)
}

fn yellow(book: &umya_spreadsheet::Workbook, (sheet, col, row): &(String, u32, u32)) -> bool {
    let ws = book.sheet_by_name(sheet).unwrap();
    ws.cell((*col, *row))
        .and_then(|c| c.style().fill())
        .and_then(|f| f.pattern_fill())
        .and_then(|p| p.foreground_color())
        .is_some_and(|c| c.argb_str() == "FFFFFF00")
}

fn value(book: &umya_spreadsheet::Workbook, (sheet, col, row): &(String, u32, u32)) -> String {
    let ws = book.sheet_by_name(sheet).unwrap();
    ws.value((*col, *row))
}

#[test]
fn check_reports_only_what_is_to_be_filled_in() {
    let (_dir, xlsx, out) = drafted();
    ok(&out);
    let book = umya_spreadsheet::reader::xlsx::read(&xlsx).unwrap();
    let yellows: usize = book
        .sheet_collection()
        .iter()
        .map(|ws| {
            ws.cells()
                .iter()
                .filter(|c| {
                    c.style()
                        .fill()
                        .and_then(|f| f.pattern_fill())
                        .and_then(|p| p.foreground_color())
                        .is_some_and(|c| c.argb_str() == "FFFFFF00")
                })
                .count()
        })
        .sum();
    assert!(yellows > 100, "{yellows} yellow cells");

    let out = zhengban()
        .arg("check")
        .arg(&xlsx)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diagnostics = v["units"][0]["diagnostics"].as_array().unwrap();
    let codes: BTreeSet<&str> = diagnostics.iter().map(|d| text(&d["code"])).collect();
    assert_eq!(
        codes,
        BTreeSet::from([
            "ZB005", // 单位名称、填表人、联系电话、填表日期
            "ZB101", // 软件类型 of what the catalogue cannot decide
            "ZB109", // a commercial row's version and license
            "ZB119", // its serial
            "ZB123", // the edition bought, in 软件版本
            "ZB201", // 部门, 姓名 where no person logged on, 安装日期 where unknown
            "ZB202", // the type's box, for what the catalogue cannot decide
            "ZB302", // 使用人 and dates of the logs
        ])
    );
    // each at a blank the draft left for the clerk, highlighted: an empty field, not a fault
    for d in diagnostics {
        let at = place(text(&d["sheet"]), text(&d["cell"]));
        assert!(yellow(&book, &at), "not highlighted: {d}");
        let shown = value(&book, &at);
        let blank = shown.trim().is_empty() || shown == "□" || shown.contains('年');
        assert!(blank, "not empty ({shown:?}): {d}");
    }
}

#[test]
fn an_inventory_without_its_os_asks_for_the_os() {
    // a registry export lists programs, not the OS: the computer is drafted without one
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("草稿.xlsx");
    let out = zhengban()
        .args([
            "convert",
            "tests/fixtures/inventory/registry/uninstall-ps5-unicode.csv",
            "--to",
            "xlsx",
            "-o",
        ])
        .arg(&xlsx)
        .output()
        .unwrap();
    ok(&out);
    let out = zhengban()
        .arg("check")
        .arg(&xlsx)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let without_os: Vec<&str> = v["units"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "ZB207")
        .map(|d| text(&d["message"]))
        .collect();
    assert_eq!(without_os.len(), 2, "{without_os:?}");
}

#[test]
fn json_of_inventories_is_the_draft_and_inputs_are_kept() {
    let out = zhengban()
        .args([
            "convert",
            "tests/fixtures/inventory/draft/collector-office2016.zbinv.txt",
            "--to",
            "json",
        ])
        .output()
        .unwrap();
    ok(&out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["usage"]["rows"].as_array().unwrap().len(), 4);
    // the inventory is an input: never the output
    let out = zhengban()
        .args([
            "convert",
            "tests/fixtures/inventory/draft/collector-office2016.zbinv.txt",
            "--to",
            "xlsx",
            "--force",
            "-o",
            "tests/fixtures/inventory/draft/collector-office2016.zbinv.txt",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let text =
        std::fs::read_to_string("tests/fixtures/inventory/draft/collector-office2016.zbinv.txt")
            .unwrap();
    assert!(text.starts_with("#zhengban-inventory 1"));
}
