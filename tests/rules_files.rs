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

/// Check a book with its temp dir redacted (for diagnostics that name the file).
fn book_diagnostics(book: &Book) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fixture.xlsx");
    book.write(&path);
    render(&check_files(&[path]), Some(dir.path()))
}

fn codes(report: &UnitReport) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.code).collect()
}

// ZB001 -------------------------------------------------------------------------------------

#[test]
fn zb001_text_file_renamed_xlsx() {
    let report = check_files(&[PathBuf::from(BROKEN).join("text-renamed.xlsx")]);
    insta::assert_snapshot!(render(&report, None));
}

#[test]
fn zb001_empty_file_only_zb001() {
    let report = check_files(&[PathBuf::from(BROKEN).join("empty.xlsx")]);
    // No ZB002 for a unit with no readable file: ZB001 already explains.
    assert_eq!(codes(&report), ["ZB001"]);
    insta::assert_snapshot!(render(&report, None));
}

#[test]
fn zb001_truncated_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = clean_bytes(dir.path());
    let path = dir.path().join("truncated.xlsx");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let report = check_files(&[path]);
    assert_eq!(codes(&report), ["ZB001"]);
    insta::assert_snapshot!(render(&report, Some(dir.path())));
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
    insta::assert_snapshot!(render(&report, Some(dir.path())));
}

// ZB002 -------------------------------------------------------------------------------------

#[test]
fn zb002_missing_usage_and_maintenance() {
    let mut book = Book::clean();
    book.remove_sheet(USAGE);
    for id in ["RJ001", "RJ002", "RJ003", "RJ004"] {
        book.remove_sheet(id);
    }
    insta::assert_snapshot!(only(&book_diagnostics(&book), "ZB002"));
}

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
    insta::assert_snapshot!(render(&report, Some(dir.path())));
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
    insta::assert_snapshot!(only(&render(&report, Some(dir.path())), "ZB002"));
}

// ZB003 / ZB004 -----------------------------------------------------------------------------

#[test]
fn zb003_zb004_renamed_column() {
    let mut book = Book::clean();
    // 安装日期 typed as 装机时间: the column is missing and the header unknown.
    book.set(USAGE, "M3", "装机时间");
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB003 ZB004"));
}

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
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB0"));
}

// ZB005 -------------------------------------------------------------------------------------

#[test]
fn zb005_empty_and_absent_header_fields() {
    let mut book = Book::clean();
    book.set(
        SUMMARY,
        "A2",
        "单位名称（盖章）：测试县审计局    填表人：    联系电话：    填表日期：2026年11月20日",
    );
    // The RJ002 maintenance sheet lost its 填表人 label altogether.
    book.set("RJ002", "D2", "");
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB005"));
}

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
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB005 ZB006"));
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
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB005 ZB006"));
}

#[test]
fn zb006_unreadable_values() {
    let mut book = Book::clean();
    book.set(USAGE, "M5", "2023.13.5");
    book.set(SUMMARY, "G7", "一千五");
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB006"));
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

// ZB007 -------------------------------------------------------------------------------------

/// Put formulas into a written fixture (the harness writes values only).
fn with_formulas(book: &Book, cells: &[(&str, &str, &str, Option<&str>)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fixture.xlsx");
    book.write(&path);
    let mut wb = umya_spreadsheet::reader::xlsx::read(&path).unwrap();
    for (sheet, a1, formula, error) in cells {
        let cell = wb.sheet_by_name_mut(sheet).unwrap().cell_mut(*a1);
        cell.set_formula(*formula);
        match error {
            Some(e) => {
                cell.set_formula_result_error(e.parse().unwrap());
            }
            None => {
                cell.set_formula_result_blank();
            }
        }
    }
    umya_spreadsheet::writer::xlsx::write(&wb, &path).unwrap();
    only(
        &render(&support::check_path(&path, AS_OF), None),
        "ZB006 ZB007",
    )
}

#[test]
fn zb007_formula_errors() {
    let text = with_formulas(
        &Book::clean(),
        &[
            (USAGE, "M6", "DATE(2024,3,1)+#REF!", Some("#REF!")),
            (SUMMARY, "N6", "M6/0", Some("#DIV/0!")),
            (USAGE, "H7", "H6", None),
            (SUMMARY, "N7", "M7*2", None),
        ],
    );
    insta::assert_snapshot!(text);
}

// ZB008 -------------------------------------------------------------------------------------

#[test]
fn zb008_second_usage_and_second_maintenance_table() {
    let mut book = Book::clean();
    let usage = book
        .sheets
        .iter()
        .find(|s| s.name == USAGE)
        .unwrap()
        .clone();
    let mut copy = usage.clone();
    copy.name = "明细表(2)".into();
    book.sheets.push(copy);
    let mut m = book
        .sheets
        .iter()
        .find(|s| s.name == "RJ002")
        .unwrap()
        .clone();
    m.name = "RJ002(2)".into();
    book.sheets.push(m);
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB008"));
}

// ZB009 -------------------------------------------------------------------------------------

#[test]
fn zb009_tables_name_other_units() {
    let mut book = Book::clean();
    book.set(
        USAGE,
        "A2",
        "单位名称（盖章）：测试县财政局    填表人：王芳    联系电话：023-70611234    填表日期：2026年11月20日",
    );
    // Spacing and width differences are the same name.
    book.set("RJ003", "A2", "单位名称：测试县 审计局");
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB009"));
}

// ZB010 -------------------------------------------------------------------------------------

#[test]
fn zb010_blank_template() {
    let report = check_files(&[PathBuf::from("templates-xlsx/正版软件管理台账模板.xlsx")]);
    assert!(
        report.count(zhengban::rules::Severity::Error) >= 1,
        "a blank template is not clean"
    );
    insta::assert_snapshot!(only(&render(&report, None), "ZB010"));
}

#[test]
fn zb010_not_for_a_filled_unit() {
    let report = check_files(&[PathBuf::from("tests/resaved/shuanglong-national.lo.xlsx")]);
    assert!(!codes(&report).contains(&"ZB010"));
}
