//! A spot-check form filled by hand (计算机软件安装抽查登记表, written by `zhengban sample`)
//! read back as one inventory per computer checked. The form lists only what the inspector
//! looked at, so each inventory is a checklist: rows ticked 是 are installed (at the version
//! written, else the registered one), rows ticked 否 are known absent, rows left blank were
//! not checked, and names written in the blank rows are installed and not registered.
//!
//! Told by its content (the title, or the column header with 实际安装), not by its file
//! name; read through the workbook reader, within its limits, every value keeping its cell.

use std::path::Path;
use std::sync::Arc;

use super::read::format_error;
use super::{Computer, Installed, Inventory, InventoryError, Origin};
use crate::base::cell::a1;
use crate::base::text::clean;
use crate::schema::spot_check::{
    BRAND, COLUMNS, COMPUTER, DEPARTMENT, NO, TITLE, UNREGISTERED, USER, YES,
};
use crate::workbook::{Sheet, Workbook};

/// Whether the file is a workbook (xlsx, xlsm, ods: a zip; xls: an OLE container) by its
/// first bytes: the only inventory that is one is the spot-check form.
pub fn is_workbook_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == *b"PK\x03\x04" || head == [0xD0, 0xCF, 0x11, 0xE0])
}

/// Read a filled spot-check form: one inventory per computer block.
pub fn read(path: &Path, file: &Arc<str>) -> Result<Vec<Inventory>, InventoryError> {
    let book = crate::workbook::open(path, file).map_err(|e| format_error(file, &e.to_string()))?;
    read_book(file, &book)
}

/// [`read`] over a workbook already read.
pub fn read_book(file: &Arc<str>, book: &Workbook) -> Result<Vec<Inventory>, InventoryError> {
    let forms: Vec<&Sheet> = book.sheets.iter().filter(|s| is_form(s)).collect();
    if forms.is_empty() {
        return Err(format_error(
            file,
            &format!("这是工作簿，但不是抽查登记表（没有“{TITLE}”标题或“实际安装”列；zhengban sample 写出这张表）"),
        ));
    }
    let found: Vec<Inventory> = forms.iter().flat_map(|s| read_sheet(file, s)).collect();
    if found.is_empty() {
        return Err(format_error(file, "抽查登记表中没有填写计算机编号的计算机"));
    }
    Ok(found)
}

/// Whether a sheet is the form: its title near the top, or a column header of ours.
fn is_form(sheet: &Sheet) -> bool {
    let title = (0..sheet.height().min(10))
        .any(|r| (0..sheet.width().min(10)).any(|c| text(sheet, r, c) == TITLE));
    title || (0..sheet.height()).any(|r| columns(sheet, r).is_some())
}

/// The text of a cell, trimmed.
fn text(sheet: &Sheet, row: u32, col: u32) -> String {
    clean(&sheet.get(row, col).display()).to_string()
}

/// Where the columns are, when `row` is the column header over a computer's rows:
/// (软件名称, 登记版本, 实际安装, 实际版本).
fn columns(sheet: &Sheet, row: u32) -> Option<[u32; 4]> {
    let width = sheet.width().min(30);
    let find = |title: &str| {
        // 实际安装（是/否） may lose its brackets when retyped: the first word is enough
        let word = title.split('（').next().unwrap_or(title);
        (0..width).find(|&c| text(sheet, row, c).starts_with(word))
    };
    Some([
        find(COLUMNS[1])?,
        find(COLUMNS[2])?,
        find(COLUMNS[3])?,
        find(COLUMNS[4])?,
    ])
}

/// What a tick says: `Some(true)` installed, `Some(false)` looked for and absent, `None`
/// not checked (blank, or something that is neither).
fn tick(s: &str) -> Option<bool> {
    let s = s.trim();
    if s == YES || matches!(s, "√" | "✓" | "✔" | "☑" | "有" | "已安装") {
        return Some(true);
    }
    if s == NO || matches!(s, "×" | "✗" | "✘" | "☒" | "无" | "未安装" | "没有") {
        return Some(false);
    }
    match s.to_ascii_uppercase().as_str() {
        "Y" | "YES" => Some(true),
        "N" | "NO" => Some(false),
        _ => None,
    }
}

/// Which rows the reader is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Above the first block, between blocks, at the signatures.
    Outside,
    /// A computer's ledger rows.
    Registered([u32; 4]),
    /// The blank rows for what is found and not registered.
    Unregistered([u32; 4]),
}

/// The computers of one sheet of the form.
fn read_sheet(file: &Arc<str>, sheet: &Sheet) -> Vec<Inventory> {
    let at = |row: u32, col: u32| Origin {
        file: file.clone(),
        line: 0,
        path: format!("{}!{}", sheet.name, a1(row, col)),
    };
    let mut found: Vec<Inventory> = Vec::new();
    let mut part = Part::Outside;
    let width = sheet.width().min(30);
    for r in 0..sheet.height() {
        let cells: Vec<String> = (0..width).map(|c| text(sheet, r, c)).collect();
        if let Some(number) = labelled(&cells, COMPUTER) {
            found.push(Inventory {
                computer: Computer {
                    name: (!number.is_empty()).then_some(number),
                    ..Computer::default()
                },
                sources: vec![file.clone()],
                checklist: true,
                ..Inventory::default()
            });
            part = Part::Outside;
        }
        let Some(inv) = found.last_mut() else {
            continue;
        };
        // the labels of a block come before its column header (部门 is on the form for the
        // inspector; the ledger already has it)
        if part == Part::Outside {
            if let Some(user) = labelled(&cells, USER) {
                inv.computer.user = (!user.is_empty()).then_some(user);
            }
            if let Some(brand) = labelled(&cells, BRAND) {
                inv.computer.manufacturer = (!brand.is_empty()).then_some(brand);
            }
        }
        if let Some(cols) = columns(sheet, r) {
            part = Part::Registered(cols);
            continue;
        }
        if cells.iter().any(|c| c.starts_with(UNREGISTERED)) {
            if let Part::Registered(cols) = part {
                part = Part::Unregistered(cols);
            }
            continue;
        }
        if cells.iter().any(|c| c.starts_with("检查人")) {
            part = Part::Outside;
            continue;
        }
        let (Part::Registered([name, registered, ticked, actual])
        | Part::Unregistered([name, registered, ticked, actual])) = part
        else {
            continue;
        };
        let program = &cells[name as usize];
        if program.is_empty() || crate::base::text::is_not_applicable(program) {
            continue;
        }
        let some = |s: &String| (!s.is_empty()).then(|| s.clone());
        let registered = some(&cells[registered as usize]);
        let actual = some(&cells[actual as usize]);
        match (part, tick(&cells[ticked as usize])) {
            (Part::Registered(_), Some(true)) => inv.software.push(Installed {
                name: program.clone(),
                version: actual.or(registered),
                origin: Some(at(r, ticked)),
                ..Installed::default()
            }),
            (Part::Registered(_), Some(false)) => inv.absent.push(Installed {
                name: program.clone(),
                version: registered,
                origin: Some(at(r, ticked)),
                ..Installed::default()
            }),
            // written in by the inspector: found on the computer, whatever the tick (a 否
            // there says the line is struck out)
            (Part::Unregistered(_), t) if t != Some(false) => inv.software.push(Installed {
                name: program.clone(),
                version: actual,
                origin: Some(at(r, name)),
                ..Installed::default()
            }),
            _ => {}
        }
    }
    found.retain(|inv| inv.computer.name.is_some());
    found
}

/// The value after `label` in a "label：value" cell of the row (or in the cell after a
/// cell holding the label alone), when the row has one.
fn labelled(cells: &[String], label: &str) -> Option<String> {
    cells.iter().enumerate().find_map(|(i, c)| {
        let rest = c.strip_prefix(label)?;
        let rest = rest.trim_start_matches([':', '：', ' ', '\u{3000}']);
        if rest.is_empty() {
            // the value in the next cell that holds one
            let next = cells[i + 1..].iter().find(|s| !s.is_empty());
            return Some(next.filter(|s| !is_label(s)).cloned().unwrap_or_default());
        }
        Some(clean(rest).to_string())
    })
}

/// Whether a cell is one of the block's labels (so it is not read as the previous one's
/// value).
fn is_label(s: &str) -> bool {
    [COMPUTER, DEPARTMENT, USER, BRAND]
        .iter()
        .any(|l| s.starts_with(l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbook::text_sheet;

    /// A form of two computers as `sample` lays it out, with the given ticks.
    fn form(ticks: [&str; 3], extra: &str) -> Sheet {
        let rows: Vec<Vec<&str>> = vec![
            vec![TITLE],
            vec!["被检查单位：审计局", "", "", "抽查日期："],
            vec!["抽样：9 台中抽 2 台，随机种子 7"],
            vec![],
            vec!["计算机编号：SJ-PC-001", "", "", "部门：办公室"],
            vec!["使用人：张三", "", "", "品牌：联想"],
            COLUMNS.to_vec(),
            vec!["1", "Windows 10 专业版", "22H2", ticks[0], "", ""],
            vec!["2", "7-Zip", "19.00", ticks[1], "23.01", ""],
            vec!["3", "WPS Office", "2019", ticks[2], "", ""],
            vec!["未登记但实际安装的软件（检查时发现的，请写明软件名称和版本）"],
            vec!["", extra, "—", "", "6.02", ""],
            vec!["", "", "—", "", "", ""],
            vec![],
            vec!["计算机编号：SJ-PC-002", "", "", "部门：财务科"],
            vec!["使用人：李四", "", "", "品牌："],
            COLUMNS.to_vec(),
            vec!["1", "Windows 11 专业版", "23H2", "", "", ""],
            vec!["未登记但实际安装的软件"],
            vec!["", "", "—", "", "", ""],
            vec![],
            vec!["检查人（签字）：", "", "", "被检查单位负责人（签字）："],
        ];
        text_sheet("抽查登记表", &rows)
    }

    fn file() -> Arc<str> {
        Arc::from("抽查登记表.xlsx")
    }

    #[test]
    fn ticks_become_installed_absent_or_unchecked() {
        let sheet = form(["是", "否", ""], "WinRAR");
        assert!(is_form(&sheet));
        let found = read_sheet(&file(), &sheet);
        assert_eq!(found.len(), 2);
        let one = &found[0];
        assert!(one.checklist);
        assert_eq!(one.computer.name.as_deref(), Some("SJ-PC-001"));
        assert_eq!(one.computer.user.as_deref(), Some("张三"));
        assert_eq!(one.computer.manufacturer.as_deref(), Some("联想"));
        let names: Vec<(&str, Option<&str>)> = one
            .software
            .iter()
            .map(|p| (p.name.as_str(), p.version.as_deref()))
            .collect();
        // the registered version when none was written; the one written in the blank row
        assert_eq!(
            names,
            [
                ("Windows 10 专业版", Some("22H2")),
                ("WinRAR", Some("6.02"))
            ]
        );
        assert_eq!(one.absent.len(), 1);
        assert_eq!(one.absent[0].name, "7-Zip");
        assert_eq!(one.absent[0].version.as_deref(), Some("19.00"));
        // each value where it was ticked or written
        let origin = one.absent[0].origin.as_ref().unwrap();
        assert_eq!(origin.path, "抽查登记表!D9");
        assert_eq!(&*origin.file, "抽查登记表.xlsx");
        assert_eq!(
            one.software[1].origin.as_ref().unwrap().path,
            "抽查登记表!B12"
        );
        let two = &found[1];
        assert_eq!(two.computer.name.as_deref(), Some("SJ-PC-002"));
        assert_eq!(two.computer.manufacturer, None);
        assert!(two.software.is_empty() && two.absent.is_empty());
    }

    #[test]
    fn nothing_ticked_is_nothing_known_absent() {
        let found = read_sheet(&file(), &form(["", "", ""], ""));
        assert_eq!(found.len(), 2);
        for inv in &found {
            assert!(inv.checklist);
            assert!(inv.absent.is_empty(), "{:?}", inv.absent);
            assert!(inv.software.is_empty(), "{:?}", inv.software);
        }
    }

    #[test]
    fn ticks_as_inspectors_write_them() {
        let found = read_sheet(&file(), &form(["√", "×", "?"], ""));
        assert_eq!(found[0].software.len(), 1);
        assert_eq!(found[0].absent.len(), 1);
        assert_eq!(tick("yes"), Some(true));
        assert_eq!(tick("N"), Some(false));
        assert_eq!(tick(""), None);
    }

    #[test]
    fn another_workbook_is_not_a_form() {
        let sheet = text_sheet("Sheet1", &[vec!["序号", "单位名称"], vec!["1", "审计局"]]);
        assert!(!is_form(&sheet));
        let book = Workbook {
            file: file(),
            path: "a.xlsx".into(),
            sheets: vec![sheet],
        };
        let e = read_book(&file(), &book).unwrap_err();
        assert!(e.to_string().contains("不是抽查登记表"), "{e}");
    }
}
