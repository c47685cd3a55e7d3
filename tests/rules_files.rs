//! ZB0xx — files and structure: each rule proven on the clean unit with one planted fault.

mod support;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use support::{Book, AS_OF, SUMMARY, USAGE};
use zhengban::batch::{check_source, CheckOptions, UnitReport};
use zhengban::classify::Catalogue;
use zhengban::config::Config;
use zhengban::ledger::UnitSource;

const BROKEN: &str = "tests/fixtures/broken";

fn options() -> CheckOptions {
    CheckOptions {
        as_of: NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap(),
        config: Config::default(),
        catalogue: Catalogue::default(),
        roster: None,
    }
}

/// Check these files as one unit.
fn check_files(files: &[PathBuf]) -> UnitReport {
    let opts = options();
    check_source(
        &UnitSource {
            label: "fixture".into(),
            files: files.to_vec(),
        },
        &opts,
    )
}

/// Rendered diagnostics with a temp dir replaced by `<tmp>`.
fn render(report: &UnitReport, tmp: Option<&Path>) -> String {
    let text = zhengban::render::text::render(&report.diagnostics);
    match tmp {
        Some(dir) => text.replace(&dir.display().to_string(), "<tmp>"),
        None => text,
    }
}

fn clean_bytes(dir: &Path) -> Vec<u8> {
    let path = dir.join("clean.xlsx");
    Book::clean().write(&path);
    std::fs::read(&path).unwrap()
}

/// Only the diagnostics of some codes from rendered text (blocks start at unindented
/// lines), so other groups' rules do not change these snapshots.
fn only(text: &str, codes: &str) -> String {
    let mut out = String::new();
    let mut keep = false;
    for line in text.split_inclusive('\n') {
        if !line.starts_with(' ') {
            keep = codes.split(' ').any(|c| line.starts_with(c));
        }
        if keep {
            out.push_str(line);
        }
    }
    out
}

fn codes(report: &UnitReport) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.code).collect()
}

// ZB001 -------------------------------------------------------------------------------------

#[test]
fn zb001_empty_file_only_zb001() {
    let report = check_files(&[PathBuf::from(BROKEN).join("empty.xlsx")]);
    // No ZB002 for a unit with no readable file: ZB001 already explains.
    assert_eq!(codes(&report), ["ZB001"]);
    rule_snapshot!("ZB001", "empty_file_only_zb001", render(&report, None));
}

#[test]
fn zb001_truncated_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = clean_bytes(dir.path());
    let path = dir.path().join("truncated.xlsx");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let report = check_files(&[path]);
    assert_eq!(codes(&report), ["ZB001"]);
    rule_snapshot!("ZB001", "truncated_xlsx", render(&report, Some(dir.path())));
}

#[test]
fn zb001_folder_unit_checks_the_good_file() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = clean_bytes(dir.path());
    let unit = dir.path().join("unit");
    std::fs::create_dir(&unit).unwrap();
    let good = unit.join("a-台账.xlsx");
    std::fs::write(&good, &bytes).unwrap();
    let broken = unit.join("b-损坏.xlsx");
    std::fs::write(&broken, &bytes[..bytes.len() / 3]).unwrap();
    let report = check_files(&[good, broken]);
    // The good file is still read and checked: its tables are all there.
    assert_eq!(report.unit.summaries.len(), 1);
    assert_eq!(report.unit.maintenance.len(), 4);
    rule_snapshot!(
        "ZB001",
        "folder_unit_checks_the_good_file",
        render(&report, Some(dir.path()))
    );
}

// ZB002 -------------------------------------------------------------------------------------

#[test]
fn zb002_folder_without_a_workbook_says_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("单位3");
    std::fs::create_dir_all(unit.join("照片")).unwrap();
    std::fs::write(unit.join("扫描件.pdf"), b"%PDF-1.4\n").unwrap();
    std::fs::write(unit.join("软件台账.et"), b"\xD0\xCF\x11\xE0").unwrap();
    std::fs::write(unit.join("照片/第1页.jpg"), b"\xFF\xD8\xFF").unwrap();
    let found = zhengban::ledger::discover_units(std::slice::from_ref(&unit), false);
    assert_eq!(found.units.len(), 1);
    let report = zhengban::batch::check_discovered(&found.units[0], &options());
    assert_eq!(codes(&report), ["ZB002"]);
    rule_snapshot!(
        "ZB002",
        "folder_without_a_workbook_says_what_was_there",
        render(&report, Some(dir.path()))
    );
}

#[test]
fn zb002_ledger_saved_as_et_beside_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("单位");
    std::fs::create_dir_all(&unit).unwrap();
    let mut book = Book::clean();
    book.remove_sheet(USAGE);
    book.write(&unit.join("台账.xlsx"));
    std::fs::write(unit.join("明细表.et"), b"\xD0\xCF\x11\xE0").unwrap();
    let found = zhengban::ledger::discover_units(std::slice::from_ref(&unit), false);
    let report = zhengban::batch::check_discovered(&found.units[0], &options());
    rule_snapshot!(
        "ZB002",
        "ledger_saved_as_et_beside_the_others",
        only(&render(&report, Some(dir.path())), "ZB002")
    );
}

// ZB003 / ZB004 -----------------------------------------------------------------------------

#[test]
fn zb003_header_row_not_found() {
    let mut book = Book::clean();
    book.sheet(
        "领导小组",
        &[
            &["软件正版化工作领导小组成员信息表"],
            &["单位名称（盖章）：测试县审计局    填表人：王芳"],
            &["联系电话：023-70611234    填表日期：2026年11月20日"],
            &["张伟", "局长"],
        ],
    );
    rule_snapshot!(
        "ZB003",
        "header_row_not_found",
        only(&book.diagnostics(), "ZB0")
    );
}

// ZB005 -------------------------------------------------------------------------------------

#[test]
fn zb005_sign_line_blank_is_an_empty_date() {
    let mut book = Book::clean();
    // A generator's sign lines: the date is left for the pen, in both spellings of the blank.
    book.set(
        SUMMARY,
        "A2",
        "单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：023-70611234    填表日期：____ 年  __ 月 __ 日",
    );
    book.set(
        USAGE,
        "A2",
        "单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：023-70611234",
    );
    book.set(USAGE, "N2", "填表日期：");
    book.set(USAGE, "O2", "____年__月__日");
    rule_snapshot!(
        "ZB005",
        "sign_line_blank_is_an_empty_date",
        only(&book.diagnostics(), "ZB005 ZB006")
    );
}

// ZB006 -------------------------------------------------------------------------------------

#[test]
fn zb006_quotes_blanks_as_typed() {
    let mut book = Book::clean();
    // Partly filled: the day and month still blank. The message shows what the clerk sees.
    book.set(USAGE, "M5", "____年3月__日");
    book.set(
        SUMMARY,
        "A2",
        "单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：023-70611234    填表日期：____年11月__日",
    );
    rule_snapshot!(
        "ZB006",
        "quotes_blanks_as_typed",
        only(&book.diagnostics(), "ZB005 ZB006")
    );
}

#[test]
fn zb006_leaves_owned_values_to_their_rules() {
    let mut book = Book::clean();
    book.set(SUMMARY, "E7", "共享软件"); // ZB101
    book.set(SUMMARY, "M7", "若干"); // ZB114
    book.set(SUMMARY, "K7", "看合同"); // ZB116
    book.set(USAGE, "J5", "可能"); // ZB202
    book.set("RJ002", "B9", "也许"); // ZB301
    book.set("RJ002", "J9", "一台"); // ZB302
    assert!(!book.codes().contains(&"ZB006"), "{}", book.diagnostics());
}

// ZB010 -------------------------------------------------------------------------------------

#[test]
fn zb010_blank_template() {
    let report = check_files(&[PathBuf::from("templates-xlsx/正版软件管理台账模板.xlsx")]);
    // A blank template is not clean: its one error is ZB010, which says why.
    let errors: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == zhengban::rules::Severity::Error)
        .map(|d| d.code)
        .collect();
    assert_eq!(errors, ["ZB010"], "{}", render(&report, None));
}

#[test]
fn zb010_not_for_a_filled_unit() {
    let report = check_files(&[PathBuf::from("tests/resaved/shuanglong-national.lo.xlsx")]);
    assert!(!codes(&report).contains(&"ZB010"));
}
