//! The terminal renderer on every kind of place a diagnostic can point at: a list row, a row
//! of a header block, 附件9 part 一, a related cell on another sheet, a sheet, a file, the
//! unit, a file that could not be read. The diagnostics are planted by hand (the renderer
//! must not care which rule made them) on the clean fixture's cells, under test-only codes
//! (`ZT…`, which no rule may use), so no snapshot here passes for a rule's finding.

mod support;

use std::sync::Arc;

use support::{Book, AS_OF, FREE, SUMMARY, USAGE};
use zhengban::base::CellRef;
use zhengban::batch::UnitReport;
use zhengban::render::terminal;
use zhengban::rules::{Diagnostic, Severity, Target};

fn diag(code: &'static str, severity: Severity, target: Target, message: &str) -> Diagnostic {
    Diagnostic {
        code,
        severity,
        target,
        message: message.into(),
        help: "按台账说明改正后重新检查".into(),
        related: Vec::new(),
    }
}

/// The clean fixture (written as `fixture.xlsx`) with `plant` adding diagnostics.
fn render(plant: impl FnOnce(&mut UnitReport, &dyn Fn(&str, &str) -> CellRef)) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fixture.xlsx");
    Book::clean().write(&path);
    let mut report = support::check_path(&path, AS_OF);
    let file = report.unit.files[0].clone();
    let cell = |sheet: &str, a1: &str| {
        let col = a1.bytes().next().unwrap() - b'A';
        let row: u32 = a1[1..].parse().unwrap();
        CellRef::new(&file, &Arc::from(sheet), row - 1, col as u32)
    };
    plant(&mut report, &cell);
    zhengban::rules::sort_diagnostics(&report.unit, &mut report.diagnostics);
    let text = terminal::unit(&report, false, terminal::FIXED_WIDTH)
        + &terminal::summary(&[report], false, terminal::FIXED_WIDTH);
    // The temp dir differs per run; the file name does not.
    text.replace(&format!("{}/", dir.path().display()), "")
}

#[test]
fn places_of_every_kind() {
    let out = render(|r, cell| {
        let mut d = diag(
            "ZT201",
            Severity::Warning,
            cell(USAGE, "G10").into(),
            "软件名称与汇总表 RJ002 不一致",
        );
        d.related(cell(SUMMARY, "C7"), "汇总表中 RJ002 的软件名称");
        r.diagnostics.push(d);
        r.diagnostics.push(diag(
            "ZT102",
            Severity::Error,
            cell(SUMMARY, "C3").into(),
            "总人数 5 少于使用计算机人数 6",
        ));
        r.diagnostics.push(diag(
            "ZT302",
            Severity::Warning,
            cell("RJ003", "G6").into(),
            "许可数量 5 与汇总表不一致",
        ));
        r.diagnostics.push(diag(
            "ZT003",
            Severity::Error,
            Target::Sheet {
                file: r.unit.files[0].clone(),
                sheet: Arc::from(FREE),
            },
            "缺少必填列 软件名称",
        ));
        r.diagnostics.push(diag(
            "ZT001",
            Severity::Error,
            Target::File(Arc::from("损坏.xlsx")),
            "无法打开：不是有效的 xlsx 文件",
        ));
        let mut d = diag(
            "ZT401",
            Severity::Info,
            Target::Unit,
            "没有软件正版化工作信息统计表",
        );
        d.related(Target::File(Arc::from("损坏.xlsx")), "可能在这个文件里");
        r.diagnostics.push(d);
    });
    insta::assert_snapshot!(out);
}

#[test]
fn empty_cells_and_titles() {
    let out = render(|r, cell| {
        r.diagnostics.push(diag(
            "ZT101",
            Severity::Error,
            cell(SUMMARY, "D9").into(),
            "软件版本为空",
        ));
        r.diagnostics.push(diag(
            "ZT005",
            Severity::Info,
            cell(SUMMARY, "A1").into(),
            "标题与模板不同",
        ));
    });
    assert!(out.contains("（空）"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn colour_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fixture.xlsx");
    let mut b = Book::clean();
    b.set(SUMMARY, "M7", "#7");
    b.write(&path);
    let report = support::check_path(&path, AS_OF);
    let plain = terminal::unit(&report, false, terminal::FIXED_WIDTH);
    let coloured = terminal::unit(&report, true, terminal::FIXED_WIDTH);
    assert!(!plain.contains('\x1b'));
    assert!(coloured.contains("\x1b["));
    // Same text once the colour codes are gone.
    let strip = |s: &str| {
        let mut out = String::new();
        let mut esc = false;
        for c in s.chars() {
            match (esc, c) {
                (false, '\x1b') => esc = true,
                (true, c) if c.is_ascii_alphabetic() => esc = false,
                (true, _) => {}
                (false, c) => out.push(c),
            }
        }
        out
    };
    assert_eq!(strip(&coloured), plain);
}

#[test]
fn odd_cells_fit_in_100_columns_and_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fixture.xlsx");
    let mut b = Book::clean();
    let long = "很长的软件名称\n第二行\t制表符 🙂 ".repeat(12);
    b.set(SUMMARY, "C7", &long);
    b.set(SUMMARY, "L7", &"X".repeat(300));
    b.set(SUMMARY, "Z7", "表格外的单元格");
    b.write(&path);
    let mut report = support::check_path(&path, AS_OF);
    let file = report.unit.files[0].clone();
    let at = |sheet: &str, row: u32, col: u32| CellRef::new(&file, &Arc::from(sheet), row, col);
    let places = [
        at(SUMMARY, 6, 2),     // the long name
        at(SUMMARY, 6, 11),    // 300 characters
        at(SUMMARY, 6, 25),    // right of the table
        at(SUMMARY, 499, 3),   // below the sheet's last row
        at(SUMMARY, 6, 16383), // the last column Excel has
        at("不存在", 0, 0),    // a sheet the file does not have
    ];
    for (i, p) in places.iter().enumerate() {
        let mut d = diag("ZT999", Severity::Warning, p.clone().into(), "放置的诊断");
        // Related cells: same row, other row, other sheet.
        d.related(at(SUMMARY, p.row, (p.col + 3) % 20), "同一行");
        d.related(at(USAGE, 4 + i as u32, 6), "另一张表");
        report.diagnostics.push(d);
    }
    let out = terminal::unit(&report, false, terminal::FIXED_WIDTH);
    if std::env::var_os("SHOW").is_some() {
        println!("{out}");
    }
    for line in out.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 100,
            "{} columns:\n{line}\n\n{out}",
            unicode_width::UnicodeWidthStr::width(line)
        );
    }
    assert_eq!(out.matches("警告[ZT999]").count(), places.len(), "{out}");
    let coloured = terminal::unit(&report, true, terminal::FIXED_WIDTH);
    assert!(coloured.contains("警告[ZT999]"));
}
