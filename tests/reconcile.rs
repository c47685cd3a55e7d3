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
        ["ZB701", "ZB702", "ZB705", "ZB707", "ZB707"],
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
    // nothing else: the ledger itself is clean, and SJ-PC-002's other programs are its rows
    assert!(!found
        .iter()
        .any(|(_, _, m)| m.contains("SJ-PC-002") && !m.contains("WinRAR")));
}
