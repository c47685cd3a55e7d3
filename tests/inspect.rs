//! `zhengban inspect`: what the reader understood, as a clerk and a script see it. On an
//! office's own ledger (tests/layouts, openpyxl) it names the table found by the office's own
//! title, each column's field with the words it came from, the rows it skipped and why; on a
//! layout it cannot place it says what the sheet holds; with a zhengban.toml beside it, the
//! columns come from the configuration.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn inspect(dir: &Path, args: &[&str]) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .current_dir(dir)
        .arg("inspect")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let doc = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap(), doc)
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The column of `table` mapped to `key`.
fn column<'a>(table: &'a Value, key: &str) -> &'a Value {
    table["columns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == key)
        .unwrap_or_else(|| panic!("no column {key} in {table}"))
}

#[test]
fn an_own_ledger_is_shown_with_the_words_each_column_came_from() {
    let (code, doc) = inspect(root(), &["tests/layouts/coal-bureau.clean.xlsx"]);
    assert_eq!(code, 0);
    let unit = &doc["units"][0];
    assert_eq!(unit["unit"], "康巴什区煤炭局");
    let tables = unit["tables"].as_array().unwrap();
    let kinds: Vec<&str> = tables.iter().map(|t| t["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "maintenance").count(),
        9,
        "{kinds:?}"
    );
    for kind in [
        "summary",
        "usage",
        "free_list",
        "statistics",
        "purchase_plan",
    ] {
        assert_eq!(
            kinds.iter().filter(|k| **k == kind).count(),
            1,
            "{kind}: {kinds:?}"
        );
    }
    let summary = tables.iter().find(|t| t["kind"] == "summary").unwrap();
    assert_eq!(summary["sheet"], "台账一");
    assert_eq!(
        summary["recognised_by"],
        serde_json::json!({"by": "own_title", "word": "汇总"})
    );
    assert_eq!(summary["header_rows"], serde_json::json!([5, 5]));
    let kind = column(summary, "kind");
    assert_eq!(
        (kind["column"].as_str(), kind["header"].as_str()),
        (Some("E"), Some("来源类型"))
    );
    assert_eq!(kind["source"], "built_in");
    assert_eq!(column(summary, "serial")["header"], "许可证（授权书）编号");
    assert_eq!(
        summary["data_rows"],
        serde_json::json!({"first": 6, "last": 14, "count": 9})
    );
    let note = summary["skipped_rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["why"] == "note")
        .expect("the 填报说明 under the table is skipped as a note");
    assert_eq!(note["first"], 16);
    // 人员情况 typed in one cell without colons after the labels.
    let block = summary["header_block"].as_array().unwrap();
    assert!(
        block.contains(&serde_json::json!(["使用计算机人数", "A4", "15 人"])),
        "{block:?}"
    );
    assert!(unit["sheets_without_table"].as_array().unwrap().is_empty());
}

#[test]
fn a_sheet_the_reader_cannot_place_and_the_configuration_that_places_it() {
    let dir = tempfile::tempdir().unwrap();
    let book = "信息中心台账.xlsx";
    std::fs::copy(
        root().join("samples/custom-layout").join(book),
        dir.path().join(book),
    )
    .unwrap();
    let (code, doc) = inspect(dir.path(), &[book, "--sheet", "登记"]);
    assert_eq!(code, 0);
    let unit = &doc["units"][0];
    assert!(unit["tables"].as_array().unwrap().is_empty());
    let sheet = &unit["sheets_without_table"][0];
    assert_eq!(sheet["sheet"], "登记");
    assert_eq!(sheet["holds"], "grid");
    assert_eq!(sheet["row"], 2, "0-based row of the header seen");
    assert_eq!(sheet["headers"][3], "机号");

    std::fs::copy(
        root().join("samples/custom-layout/zhengban.toml"),
        dir.path().join("zhengban.toml"),
    )
    .unwrap();
    let (code, doc) = inspect(dir.path(), &[book, "--sheet", "登记"]);
    assert_eq!(code, 0);
    let table = &doc["units"][0]["tables"][0];
    assert_eq!(table["kind"], "usage");
    assert_eq!(table["recognised_by"]["by"], "config");
    let computer = column(table, "computer");
    assert_eq!(
        (computer["header"].as_str(), computer["source"].as_str()),
        (Some("机号"), Some("config"))
    );
    assert_eq!(table["data_rows"]["count"], 13);
    assert!(table["missing_columns"].as_array().unwrap().is_empty());
}

#[test]
fn the_configuration_beside_the_workbook_counts_when_run_from_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("单位");
    std::fs::create_dir(&unit).unwrap();
    for f in ["信息中心台账.xlsx", "zhengban.toml"] {
        std::fs::copy(root().join("samples/custom-layout").join(f), unit.join(f)).unwrap();
    }
    let elsewhere = tempfile::tempdir().unwrap();
    let book = unit.join("信息中心台账.xlsx");
    let (_, doc) = inspect(
        elsewhere.path(),
        &[book.to_str().unwrap(), "--sheet", "登记"],
    );
    assert_eq!(
        doc["units"][0]["tables"][0]["recognised_by"]["by"],
        "config"
    );
}
