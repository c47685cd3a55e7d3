//! `zhengban reconcile`: the clean unit's ledger held against its computers' inventories
//! (osquery JSON, tests/fixtures/inventory/clean-unit.md says what each holds): each ZB7xx
//! finding at the ledger cell to fix, and nothing on a computer whose ledger matches.

mod support;

use std::process::Command;

use serde_json::Value;
use support::{Book, AS_OF};

#[test]
fn the_ledger_against_what_is_installed() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("审计局台账.xlsx");
    Book::clean().write(&unit);
    let inventories = std::env::current_dir()
        .unwrap()
        .join("tests/fixtures/inventory/clean-unit");
    let o = Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .current_dir(dir.path())
        .args(["reconcile", "审计局台账.xlsx"])
        .arg(&inventories)
        .args(["--as-of", AS_OF, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "ZB701 is an error: {o:?}");
    let unit: Value = serde_json::from_slice(&o.stdout).unwrap();
    let found: Vec<(String, String, String)> = unit["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                format!(
                    "{}!{}",
                    d["sheet"].as_str().unwrap_or(""),
                    d["cell"].as_str().unwrap_or("")
                ),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut codes: Vec<&str> = found.iter().map(|(c, _, _)| c.as_str()).collect();
    codes.sort_unstable();
    assert_eq!(
        codes,
        ["ZB701", "ZB702", "ZB704", "ZB704", "ZB705", "ZB707", "ZB707"],
        "{found:#?}"
    );
    let of = |code: &str| found.iter().find(|(c, _, _)| c == code).unwrap();
    // WinRAR on SJ-PC-002: at its first row's 计算机编号
    assert_eq!(of("ZB701").1, "明细表!D9");
    assert!(
        of("ZB701").2.contains("SJ-PC-002 上装有 WinRAR"),
        "{}",
        of("ZB701").2
    );
    // 7-Zip registered on SJ-PC-001, not there: at the row's 软件名称
    assert_eq!(of("ZB702").1, "明细表!G8");
    assert!(
        of("ZB702").2.contains("SJ-PC-001 装有 7-Zip"),
        "{}",
        of("ZB702").2
    );
    // SJ-PC-009 runs a home edition: said at its inventory, the computer not being in the ledger
    assert!(of("ZB705")
        .2
        .contains("SJ-PC-009 上的 Microsoft Windows 11 家庭中文版 是家庭中文版"));
    // SJ-PC-009 found, not in the ledger; SJ-PC-003 in the ledger, not collected
    assert!(found
        .iter()
        .any(|(c, _, m)| c == "ZB707" && m.contains("SJ-PC-009")));
    assert!(found.iter().any(|(c, _, m)| c == "ZB707"
        && m.contains("1 台计算机没有采集结果")
        && m.contains("SJ-PC-003")));
    // the saved `slmgr /dli` of SJ-PC-001 (a KMS client, its host named) and SJ-PC-002 (a
    // retail key) against Windows registered as OEM: at each computer's Windows row
    let channels: Vec<_> = found.iter().filter(|(c, _, _)| c == "ZB704").collect();
    assert_eq!(channels[0].1, "明细表!G5");
    assert!(
        channels[0].2.contains("KMS 主机 kms.example.net:1688"),
        "{}",
        channels[0].2
    );
    assert_eq!(channels[1].1, "明细表!G9");
    assert!(
        channels[1].2.contains("零售或批量（MAK）激活"),
        "{}",
        channels[1].2
    );
    // nothing else: the ledger itself is clean, and SJ-PC-002's other programs are its rows
    assert!(!found
        .iter()
        .any(|(c, _, m)| c != "ZB704" && m.contains("SJ-PC-002") && !m.contains("WinRAR")));
    // the 核对结果 in the JSON metrics, one line per computer
    let lines = unit["metrics"]["reconciliation"].as_array().unwrap();
    let verdicts: Vec<(&str, &str)> = lines
        .iter()
        .map(|l| {
            (
                l["number"].as_str().unwrap(),
                l["verdict"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            ("SJ-PC-001", "differs"),
            ("SJ-PC-002", "unlicensed"),
            ("SJ-PC-003", "not_collected"),
            ("", "not_in_ledger"),
        ]
    );
    assert_eq!(
        lines[0]["sources"].as_array().unwrap().len(),
        2,
        "{}",
        lines[0]
    );
}

fn reconcile(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .current_dir(dir)
        .arg("reconcile")
        .args(args)
        .args(["--as-of", AS_OF])
        .output()
        .unwrap()
}

/// A ledger numbering its computers by asset number: nothing matches, and ZB707 says to give
/// a 对照表; with `--map` the computers are reconciled as if named.
#[test]
fn asset_numbers_through_a_map() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::clean();
    for (row, pc) in (5..=15).zip([
        "财-01", "财-01", "财-01", "财-01", "财-02", "财-02", "财-02", "财-02", "财-03", "财-03",
        "财-03",
    ]) {
        book.set(support::USAGE, &format!("D{row}"), pc);
    }
    book.write(&dir.path().join("台账.xlsx"));
    let inventories = std::env::current_dir()
        .unwrap()
        .join("tests/fixtures/inventory/clean-unit");
    let inventories = inventories.to_str().unwrap();
    let o = reconcile(dir.path(), &["台账.xlsx", inventories, "--format", "json"]);
    let unit: Value = serde_json::from_slice(&o.stdout).unwrap();
    let messages: Vec<&str> = unit["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with("ZB70"))
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("采集到的 3 台计算机与明细表中的 3 个计算机编号一台也对不上")),
        "{messages:#?}"
    );
    // one hint, not a line per computer collected
    assert!(
        !messages.iter().any(|m| m.contains("不在明细表中")),
        "{messages:#?}"
    );
    std::fs::write(
        dir.path().join("对照表.csv"),
        "\u{feff}资产编号,计算机名,使用人\r\n财-01,SJ-PC-001,张伟\r\n财-02,SJ-PC-002,李娜\r\n",
    )
    .unwrap();
    let o = reconcile(
        dir.path(),
        &[
            "台账.xlsx",
            inventories,
            "--map",
            "对照表.csv",
            "--format",
            "json",
        ],
    );
    let unit: Value = serde_json::from_slice(&o.stdout).unwrap();
    // (the maintenance logs still name the computers by name: ZB407, not this test's concern)
    let mut codes: Vec<&str> = unit["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .filter(|c| c.starts_with("ZB7"))
        .collect();
    codes.sort_unstable();
    assert_eq!(
        codes,
        ["ZB701", "ZB702", "ZB704", "ZB704", "ZB705", "ZB707", "ZB707"],
        "{}",
        unit["diagnostics"]
    );
    let lines = unit["metrics"]["reconciliation"].as_array().unwrap();
    assert_eq!(lines[0]["collected_as"], "SJ-PC-001");
    assert_eq!(lines[0]["mapped"], true);
    // a map without the columns is a usage error, in Chinese
    std::fs::write(dir.path().join("坏.csv"), "编号,姓名\r\n1,王芳\r\n").unwrap();
    let o = reconcile(dir.path(), &["台账.xlsx", inventories, "--map", "坏.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("找不到标题为“计算机编号”和“计算机名”的两列")
    );
}

/// `--annotate`: the copy carries the ZB7xx findings at their cells and a 核对结果 sheet.
#[test]
fn the_annotated_copy_has_the_reconciliation() {
    let dir = tempfile::tempdir().unwrap();
    Book::clean().write(&dir.path().join("台账.xlsx"));
    let inventories = std::env::current_dir()
        .unwrap()
        .join("tests/fixtures/inventory/clean-unit");
    let o = reconcile(
        dir.path(),
        &[
            "台账.xlsx",
            inventories.to_str().unwrap(),
            "--annotate",
            "--format",
            "text",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let copy = dir.path().join("台账.诊断.xlsx");
    let sheets = support::sheet_values(&copy);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.first(), Some(&"诊断报告"), "{names:?}");
    assert_eq!(names.last(), Some(&"核对结果"), "{names:?}");
    let (_, result) = sheets.last().unwrap();
    let text: Vec<String> = result.iter().map(|r| r.join("|")).collect();
    assert!(
        text.iter().any(|l| l
            .starts_with("2|有未登记的需许可软件|SJ-PC-002|SJ-PC-002|4|4|WinRAR 6.02 (64-bit)|")),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|l| l.contains("|没有采集|SJ-PC-003|")),
        "{text:#?}"
    );
    let (_, report) = &sheets[0];
    assert!(report.iter().flatten().any(|c| c == "ZB701"));
    // a second run does not overwrite the copy without --force
    let again = reconcile(
        dir.path(),
        &["台账.xlsx", inventories.to_str().unwrap(), "--annotate"],
    );
    assert_eq!(again.status.code(), Some(2));
}
