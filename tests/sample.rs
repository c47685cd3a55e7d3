//! `zhengban sample`: the spot-check form drawn from the shuanglong sample unit (42 computers
//! in 8 departments) — the same form for the same seed, the sizes and departments asked
//! for — and the form filled by hand read back by `reconcile`
//! (tests/fixtures/inventory/spot-check/fill.py says what is filled in).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{open_workbook_auto, Data, Reader};
use serde_json::Value;

const AS_OF: &str = "2026-11-25";

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn unit() -> PathBuf {
    repo("samples/shuanglong-national.xlsx")
}

fn filled() -> PathBuf {
    repo("tests/fixtures/inventory/spot-check/抽查登记表-已填.xlsx")
}

fn zhengban(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

/// Draw a form into `dir/name` with the given extra arguments.
fn sample(dir: &Path, name: &str, args: &[&str]) -> Output {
    let unit = unit();
    let mut all = vec!["sample", unit.to_str().unwrap(), "-o", name];
    all.extend_from_slice(args);
    let o = zhengban(dir, &all);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    o
}

/// Every cell of the form's sheet, as text, by row.
fn cells(path: &Path) -> Vec<Vec<String>> {
    let mut book = open_workbook_auto(path).unwrap();
    let range = book.worksheet_range("抽查登记表").unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// The computers of a form: (计算机编号, 部门).
fn computers(cells: &[Vec<String>]) -> Vec<(String, String)> {
    let after = |row: &[String], label: &str| {
        row.iter()
            .find_map(|c| c.strip_prefix(label))
            .unwrap_or_default()
            .to_string()
    };
    cells
        .iter()
        .filter(|r| r.first().is_some_and(|c| c.starts_with("计算机编号：")))
        .map(|r| (after(r, "计算机编号："), after(r, "部门：")))
        .collect()
}

#[test]
fn the_same_seed_draws_the_same_form() {
    let dir = tempfile::tempdir().unwrap();
    let o = sample(dir.path(), "a.xlsx", &["--seed", "7"]);
    sample(dir.path(), "b.xlsx", &["--seed", "7"]);
    let stdout = String::from_utf8(o.stdout).unwrap();
    assert!(
        stdout.contains("从 42 台计算机中按部门分层抽取了 5 台"),
        "{stdout}"
    );
    assert!(stdout.contains("随机种子：7。"), "{stdout}");
    assert!(stdout.contains("--seed 7"), "{stdout}");
    let a = cells(&dir.path().join("a.xlsx"));
    assert_eq!(a, cells(&dir.path().join("b.xlsx")));
    // fixed document properties: the very same bytes
    assert_eq!(
        std::fs::read(dir.path().join("a.xlsx")).unwrap(),
        std::fs::read(dir.path().join("b.xlsx")).unwrap()
    );
    assert_eq!(a[0][0], "计算机软件安装抽查登记表");
    assert!(a[1][0].contains("丰都县双龙镇人民政府"), "{:?}", a[1]);
    assert!(a[2][0].contains("42 台中抽 5 台，随机种子 7"), "{:?}", a[2]);
    // ceil(10 % of 42) = 5 = --min: 5 computers, of 5 departments (fewer than the 8)
    let drawn = computers(&a);
    assert_eq!(drawn.len(), 5, "{drawn:?}");
    let mut departments: Vec<&String> = drawn.iter().map(|(_, d)| d).collect();
    departments.sort();
    departments.dedup();
    assert_eq!(departments.len(), 5, "{drawn:?}");

    sample(dir.path(), "c.xlsx", &["--seed", "8"]);
    assert_ne!(drawn, computers(&cells(&dir.path().join("c.xlsx"))));
}

#[test]
fn min_and_departments_are_honoured() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path(), "ten.xlsx", &["--seed", "3", "--min", "10"]);
    let drawn = computers(&cells(&dir.path().join("ten.xlsx")));
    assert_eq!(drawn.len(), 10, "{drawn:?}");
    // 10 of 42 in 8 departments: every department once at least
    let mut departments: Vec<&String> = drawn.iter().map(|(_, d)| d).collect();
    departments.sort();
    departments.dedup();
    assert_eq!(departments.len(), 8, "{drawn:?}");
    // the ratio as a fraction and as a bare number: 25 % of 42 is 11
    for ratio in ["0.25", "25", "25%"] {
        let name = format!("r{}.xlsx", ratio.replace('%', "p"));
        sample(dir.path(), &name, &["--seed", "3", "--ratio", ratio]);
        assert_eq!(computers(&cells(&dir.path().join(&name))).len(), 11);
    }
    // a min above the count: every computer
    sample(dir.path(), "all.xlsx", &["--seed", "3", "--min", "100"]);
    assert_eq!(computers(&cells(&dir.path().join("all.xlsx"))).len(), 42);
}

#[test]
fn the_seed_defaults_to_the_date_and_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let o = sample(dir.path(), "a.xlsx", &[]);
    let stdout = String::from_utf8(o.stdout).unwrap();
    let today = chrono::Local::now().format("%Y%m%d").to_string();
    // a run over midnight may see two dates
    assert!(stdout.contains("（今天的日期）"), "{stdout}");
    assert!(
        stdout.contains(&format!("--seed {today}")) || stdout.contains("--seed 20"),
        "{stdout}"
    );
}

#[test]
fn an_existing_file_is_kept_and_bad_ratios_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path(), "a.xlsx", &["--seed", "1"]);
    let before = std::fs::read(dir.path().join("a.xlsx")).unwrap();
    let unit = unit();
    let o = zhengban(
        dir.path(),
        &[
            "sample",
            unit.to_str().unwrap(),
            "-o",
            "a.xlsx",
            "--seed",
            "2",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("已存在，没有覆盖"));
    assert_eq!(std::fs::read(dir.path().join("a.xlsx")).unwrap(), before);
    // the input is never the output, even with --force
    let copy = dir.path().join("台账.xlsx");
    std::fs::copy(&unit, &copy).unwrap();
    let o = zhengban(
        dir.path(),
        &["sample", "台账.xlsx", "-o", "台账.xlsx", "--force"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&unit).unwrap());
    let o = zhengban(
        dir.path(),
        &["sample", unit.to_str().unwrap(), "--ratio", "十分之一"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--ratio"));
}

/// A diagnostic of reconcile's JSON: code, sheet!cell, message, related messages.
type Found = (String, String, String, String);

/// `reconcile` of the sample unit against a form: the exit status and the diagnostics.
fn reconcile(form: &Path) -> (Option<i32>, Vec<Found>) {
    let dir = tempfile::tempdir().unwrap();
    let unit = unit();
    let o = zhengban(
        dir.path(),
        &[
            "reconcile",
            unit.to_str().unwrap(),
            form.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    let json: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {o:?}"));
    let found = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let s = |v: &Value| v.as_str().unwrap_or("").to_string();
            let related: Vec<String> = d["related"]
                .as_array()
                .map(|r| r.iter().map(|x| s(&x["message"])).collect())
                .unwrap_or_default();
            (
                s(&d["code"]),
                format!("{}!{}", s(&d["sheet"]), s(&d["cell"])),
                s(&d["message"]),
                related.join(" "),
            )
        })
        .collect();
    (o.status.code(), found)
}

#[test]
fn the_filled_form_is_reconciled() {
    let (status, found) = reconcile(&filled());
    let mut codes: Vec<&str> = found.iter().map(|(c, ..)| c.as_str()).collect();
    codes.sort_unstable();
    // ZB707: the 37 computers not drawn are not checked, said once
    assert_eq!(codes, ["ZB701", "ZB702", "ZB707"], "{found:#?}");
    assert_eq!(status, Some(1), "ZB701 is an error");
    let of = |code: &str| found.iter().find(|(c, ..)| c == code).unwrap();
    // 7-Zip ticked 否 on SL-PC-023: at its ledger row
    let (_, at, message, _) = of("ZB702");
    assert!(message.contains("SL-PC-023 装有 7-Zip"), "{message}");
    assert!(at.starts_with("附件8 明细表!G"), "{at}");
    // WinRAR written in on SL-PC-023, with the cell it was written in
    let (_, _, message, related) = of("ZB701");
    assert!(
        message.contains("SL-PC-023 上装有 WinRAR 6.02"),
        "{message}"
    );
    assert!(related.contains("抽查登记表!B"), "{related}");
    // nothing for rows left blank (福昕阅读器 on SL-PC-023, Chrome on SL-NB-002) nor for
    // SL-PC-028, where nothing was ticked
    for (_, _, message, _) in &found {
        assert!(!message.contains("福昕"), "{message}");
        assert!(!message.contains("Chrome"), "{message}");
    }
    assert!(!found
        .iter()
        .any(|(c, _, m, _)| c != "ZB707" && m.contains("SL-PC-028")));
}

#[test]
fn a_blank_form_reports_nothing_missing() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path(), "blank.xlsx", &["--seed", "7"]);
    let (status, found) = reconcile(&dir.path().join("blank.xlsx"));
    assert_eq!(status, Some(0));
    let codes: Vec<&str> = found.iter().map(|(c, ..)| c.as_str()).collect();
    assert_eq!(codes, ["ZB707"], "{found:#?}");
}

/// The committed filled form is the form `sample --seed 7` writes today, filled in: every
/// printed value is still where it was (regenerate with fill.py when the layout changes).
#[test]
fn the_filled_fixture_is_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path(), "blank.xlsx", &["--seed", "7"]);
    let blank = cells(&dir.path().join("blank.xlsx"));
    let filled = cells(&filled());
    for (r, row) in blank.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            // the inspector wrote the date over "抽查日期："
            if value.is_empty() || (r, c) == (1, 3) {
                continue;
            }
            let got = filled.get(r).and_then(|row| row.get(c));
            assert_eq!(
                got,
                Some(value),
                "row {} col {c}: run fill.py again (see its header)",
                r + 1
            );
        }
    }
}
