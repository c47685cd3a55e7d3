//! The annotated copy (`<name>.诊断.xlsx`, derive.md "Annotated copy"): the clerk's own
//! workbook handed back with each cell a diagnostic points at filled (red error, amber
//! warning, blue info) and carrying a note with the code, the message and the help; the
//! other cells a diagnostic involves get a lighter fill and a note naming that diagnostic;
//! and a first sheet 诊断报告 lists every diagnostic of the unit with a link to its cell.
//!
//! This module only decides what goes where, as plain data (a [`Plan`] per file: sheet
//! names, A1 cells, fills, note texts, report rows). Two writers draw a plan:
//! - `edit.rs` changes a copy of an xlsx/xlsm with umya-spreadsheet, so every cell the clerk
//!   typed keeps its value, style, merge, width, validation, comment and formula;
//! - `rebuild.rs` writes a new xlsx with rust_xlsxwriter from the cell values, for the
//!   formats umya cannot edit (xls, ods, xlsb): the marks and the 诊断报告 are the same, the
//!   original formatting is not there, and the 诊断报告 says so.

mod rebuild;
mod reconciled;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::base::CellRef;
use crate::batch::UnitReport;
use crate::render::citations;
use crate::rules::{Diagnostic, Severity, Target};
use crate::workbook::{self, Cell};

/// The name of the sheet that lists the diagnostics.
pub const REPORT_SHEET: &str = "诊断报告";

/// The author of every note zhengban writes.
pub use crate::edit::AUTHOR as NOTE_AUTHOR;

/// Most notes on one cell; further diagnostics are counted, and all are on 诊断报告.
const NOTES_PER_CELL: usize = 8;

/// Most cells marked and most lines listed in one copy. A unit with more findings than
/// this has a ledger no clerk corrects cell by cell; past the caps the copy says how many
/// more there are, and its size and the memory to write it stay bounded whatever the input.
const MAX_MARKED_CELLS: usize = 10_000;
/// See [`MAX_MARKED_CELLS`].
const MAX_REPORT_ROWS: usize = 10_000;

/// An annotated copy of one input workbook, ready to be written.
#[derive(Debug, Clone)]
pub struct Annotated {
    /// The input file.
    pub input: PathBuf,
    /// The copy's file name (`台账.诊断.xlsx`), to be placed beside the input or in a folder.
    pub file_name: String,
    /// The copy's bytes.
    pub bytes: Vec<u8>,
    /// Whether the copy was rebuilt from cell values (the input was not xlsx/xlsm).
    pub rebuilt: bool,
}

/// Why a copy could not be made.
#[derive(Debug, thiserror::Error)]
pub enum AnnotateError {
    /// The input could not be read again.
    #[error("无法读取 {}：{}", .path.display(), crate::base::io_reason(.source))]
    Read {
        /// The input.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The workbook could not be opened, changed or written.
    #[error("无法生成 {} 的批注副本：{source}", .path.display())]
    Edit {
        /// The input.
        path: PathBuf,
        /// What went wrong.
        source: crate::edit::EditError,
    },
    /// rust_xlsxwriter could not write the rebuilt copy.
    #[error("无法生成 {} 的批注副本：{source}", .path.display())]
    Rebuild {
        /// The input.
        path: PathBuf,
        /// The cause.
        source: rust_xlsxwriter::XlsxError,
    },
}

/// The name of the annotated copy of `input`: `台账.xlsx` → `台账.诊断.xlsx`; an xlsm keeps
/// its extension, because a workbook with macros saved as .xlsx does not open in Excel.
pub fn copy_name(input: &Path) -> String {
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "台账".into());
    let ext = if is_xlsm(input) { "xlsm" } else { "xlsx" };
    format!("{stem}.诊断.{ext}")
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

fn is_xlsm(path: &Path) -> bool {
    extension(path) == "xlsm"
}

/// Whether the copy of `path` is edited in place (xlsx/xlsm) rather than rebuilt.
pub fn is_editable(path: &Path) -> bool {
    matches!(extension(path).as_str(), "xlsx" | "xlsm")
}

/// The annotated copies of every readable file of a unit checked on `as_of`, one per file, in
/// file order. Files that could not be read get none (their ZB001 is on the other copies'
/// 诊断报告).
pub fn annotate(report: &UnitReport, as_of: NaiveDate) -> Vec<Result<Annotated, AnnotateError>> {
    report
        .sources
        .workbooks
        .iter()
        .map(|book| {
            let input = book.path.clone();
            let plan = plan(report, &book.file, as_of);
            let rebuilt = !is_editable(&input);
            let bytes = if rebuilt {
                rebuild::write(&plan, &plain_sheets(book)).map_err(|source| {
                    AnnotateError::Rebuild {
                        path: input.clone(),
                        source,
                    }
                })?
            } else {
                let original = std::fs::read(&input).map_err(|source| AnnotateError::Read {
                    path: input.clone(),
                    source,
                })?;
                crate::edit::marked::write_marked(&original, &marked_copy(&plan)).map_err(
                    |source| AnnotateError::Edit {
                        path: input.clone(),
                        source,
                    },
                )?
            };
            Ok(Annotated {
                file_name: copy_name(&input),
                input,
                bytes,
                rebuilt,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// The plan: plain data both writers draw.

/// How a cell is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Mark {
    /// The cell a diagnostic points at, by severity.
    Primary(Severity),
    /// A cell a diagnostic involves, by the diagnostic's severity.
    Related(Severity),
}

impl Mark {
    /// Stronger marks sort first: primary before related, then by severity.
    fn strength(self) -> (u8, Severity) {
        match self {
            Mark::Primary(s) => (0, s),
            Mark::Related(s) => (1, s),
        }
    }

    /// The fill colour, ARGB.
    pub(crate) fn argb(self) -> &'static str {
        match self {
            Mark::Primary(Severity::Error) => "FFFF8A8A",
            Mark::Primary(Severity::Warning) => "FFFFC34D",
            Mark::Primary(Severity::Info) => "FF8DB9EA",
            Mark::Related(Severity::Error) => "FFFFDEDE",
            Mark::Related(Severity::Warning) => "FFFFEFC4",
            Mark::Related(Severity::Info) => "FFDDEBF8",
        }
    }
}

/// The fill of a severity on the 诊断报告 sheet.
pub(crate) fn severity_argb(s: Severity) -> &'static str {
    Mark::Primary(s).argb()
}

/// One cell to mark in the copy (0-based row and column; the top-left cell of a merge).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CellMark {
    /// The sheet.
    pub sheet: String,
    /// 0-based row.
    pub row: u32,
    /// 0-based column.
    pub col: u32,
    /// The strongest mark on the cell.
    pub mark: Mark,
    /// The note text (all diagnostics on the cell).
    pub note: String,
}

/// One row of the 诊断报告 sheet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReportRow {
    /// 级别.
    pub severity: Severity,
    /// 代码.
    pub code: &'static str,
    /// 文件 (name only), empty for the unit as a whole.
    pub file: String,
    /// 工作表.
    pub sheet: String,
    /// 单元格.
    pub cell: String,
    /// Link target inside this copy (sheet, A1), for places in this file.
    pub link: Option<(String, String)>,
    /// 问题.
    pub message: String,
    /// 修改建议 (regulations named in full the first time).
    pub help: String,
    /// 规则 (the rule's one-line summary).
    pub rule: String,
    /// 相关位置, one per line.
    pub related: String,
}

/// What the copy of one file gets.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    /// The name of the report sheet (诊断报告, or a free variant of it).
    pub report_sheet: String,
    /// The title block of the report sheet: its title and the lines under it.
    pub title: (String, Vec<String>),
    /// Whether the unit has several files (the 诊断报告 then has a 文件 column).
    pub multi_file: bool,
    /// The cells to mark, in sheet order then row and column.
    pub marks: Vec<CellMark>,
    /// Worst primary severity per sheet (for the sheet tab colour).
    pub tabs: BTreeMap<String, Severity>,
    /// Every diagnostic of the unit.
    pub rows: Vec<ReportRow>,
    /// Lines under the list: the colour key, the regulations cited, remarks.
    pub footer: Vec<String>,
    /// Sheets after the 诊断报告: the 核对结果 of `reconcile`.
    pub extra: Vec<crate::edit::marked::ReportSheet>,
}

/// The plan as the workbook editor takes it: plain cells, colours and text.
fn marked_copy(plan: &Plan) -> crate::edit::marked::MarkedCopy {
    use crate::edit::marked::{Marked, MarkedCopy};
    MarkedCopy {
        marks: plan
            .marks
            .iter()
            .map(|m| Marked {
                sheet: m.sheet.clone(),
                row: m.row,
                col: m.col,
                argb: m.mark.argb().to_string(),
                note: m.note.clone(),
            })
            .collect(),
        tabs: plan
            .tabs
            .iter()
            .map(|(sheet, s)| (sheet.clone(), severity_argb(*s).to_string()))
            .collect(),
        report: report_sheet(plan, &|sheet| sheet.to_string()),
        extra: plan.extra.clone(),
    }
}

/// The 诊断报告 of a plan as a list sheet, its links going to the sheets as `named` names
/// them in the copy (a rebuilt copy may have to rename a sheet).
pub(crate) fn report_sheet(
    plan: &Plan,
    named: &dyn Fn(&str) -> String,
) -> crate::edit::marked::ReportSheet {
    use crate::edit::marked::{ReportLine, ReportSheet};
    let widths = report_widths(plan.multi_file);
    ReportSheet {
        name: plan.report_sheet.clone(),
        title: plan.title.0.clone(),
        about: plan.title.1.clone(),
        header: report_header(plan.multi_file)
            .into_iter()
            .map(str::to_string)
            .collect(),
        link_col: ReportRow::cell_column(plan.multi_file) as u32,
        lines: plan
            .rows
            .iter()
            .enumerate()
            .map(|(n, row)| {
                let cells = row.cells(n + 1, plan.multi_file);
                ReportLine {
                    height: row_height(&cells, &widths),
                    cells,
                    fill: severity_argb(row.severity).to_string(),
                    link: row.link.as_ref().map(|(sheet, a1)| {
                        (
                            link_location(&named(sheet), a1),
                            format!("跳到 {}", row.cell),
                        )
                    }),
                }
            })
            .collect(),
        widths,
        empty: "没有发现问题。".to_string(),
        footer: plan.footer.clone(),
    }
}

/// The header of the 诊断报告 list.
pub(crate) fn report_header(multi_file: bool) -> Vec<&'static str> {
    let mut h = vec!["序号", "级别", "代码"];
    if multi_file {
        h.push("文件");
    }
    h.extend(["工作表", "单元格", "问题", "修改建议", "规则", "相关位置"]);
    h
}

/// Column widths of the 诊断报告 list (characters), matching [`report_header`].
pub(crate) fn report_widths(multi_file: bool) -> Vec<f64> {
    let mut w = vec![6.0, 7.0, 8.0];
    if multi_file {
        w.push(20.0);
    }
    w.extend([14.0, 9.0, 42.0, 42.0, 22.0, 36.0]);
    w
}

/// Height in points of a 诊断报告 row whose wrapped cells hold `cells` in columns of
/// `widths` characters (a Chinese character takes two).
pub(crate) fn row_height(cells: &[String], widths: &[f64]) -> f64 {
    use unicode_width::UnicodeWidthStr;
    let lines = cells
        .iter()
        .zip(widths)
        .map(|(text, w)| {
            let per_line = (*w as usize).saturating_sub(1).max(1);
            text.lines()
                .map(|l| l.width().div_ceil(per_line).max(1))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(1)
        .max(1);
    (lines as f64 * 15.0 + 3.0).min(400.0)
}

impl ReportRow {
    /// The row's cells as text, matching [`report_header`] (the 序号 `n` is 1-based).
    pub(crate) fn cells(&self, n: usize, multi_file: bool) -> Vec<String> {
        let mut c = vec![
            n.to_string(),
            self.severity.label().to_string(),
            self.code.to_string(),
        ];
        if multi_file {
            c.push(self.file.clone());
        }
        c.extend([
            self.sheet.clone(),
            self.cell.clone(),
            self.message.clone(),
            self.help.clone(),
            self.rule.clone(),
            self.related.clone(),
        ]);
        c
    }

    /// The index of the 单元格 column, which carries the link.
    pub(crate) fn cell_column(multi_file: bool) -> usize {
        if multi_file {
            5
        } else {
            4
        }
    }
}

/// A sheet-qualified A1 reference for an internal link: `'表5'!M8` (quotes doubled).
pub(crate) fn link_location(sheet: &str, a1: &str) -> String {
    format!("'{}'!{a1}", sheet.replace('\'', "''"))
}

fn file_name(file: &str) -> String {
    Path::new(file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.to_string())
}

/// Where a place is, read from a cell of `here` (the file of the copy): `M8` on the same
/// sheet, `表5 › M8` on another sheet, `汇总.xlsx › 表5 › M8` in another file.
fn place_from(t: &Target, here_file: &str, here_sheet: Option<&str>) -> String {
    match t {
        Target::Cell(c) if &*c.file != here_file => {
            format!("{} › {} › {}", file_name(&c.file), c.sheet, c.a1())
        }
        Target::Cell(c) if Some(&*c.sheet) == here_sheet => c.a1(),
        Target::Cell(c) => format!("{} › {}", c.sheet, c.a1()),
        Target::Sheet { file, sheet } if &**file != here_file => {
            format!("{} › {}", file_name(file), sheet)
        }
        Target::Sheet { sheet, .. } => format!("{sheet}（整张表）"),
        Target::File(f) => format!("{}（整个文件）", file_name(f)),
        Target::Unit => "整个单位".into(),
    }
}

/// The top-left cell of the merge covering `c`, so a mark lands where the value is shown.
fn shown_cell(report: &UnitReport, c: &CellRef) -> (u32, u32) {
    match report
        .sources
        .sheet(&c.file, &c.sheet)
        .and_then(|s| s.merge_at(c.row, c.col))
    {
        Some(m) => (m.first_row, m.first_col),
        None => (c.row, c.col),
    }
}

/// A note for the cell a diagnostic points at: code and severity, message, help with the
/// regulations named in full (a note is read on its own).
fn primary_note(d: &Diagnostic) -> String {
    let mut named = BTreeSet::new();
    let help = citations::name_first(&d.help, &mut named);
    let mut s = format!("{} {}\n{}", d.code, d.severity.label(), d.message);
    if !help.is_empty() {
        s.push_str(&format!("\n修改：{help}"));
    }
    s
}

/// A note for a cell a diagnostic involves: which diagnostic, and what is here.
fn related_note(d: &Diagnostic, what: &str, here_file: &str, here_sheet: &str) -> String {
    format!(
        "与 {} 的 {} {}有关：{}\n{}",
        place_from(&d.target, here_file, Some(here_sheet)),
        d.code,
        d.severity.label(),
        d.message,
        what
    )
}

/// The title block of the 诊断报告 of the copy of `file`: what a printed report says at its
/// top — which unit and file, the check date, the counts, and the tool that made it.
fn title(report: &UnitReport, file: &str, as_of: NaiveDate) -> (String, Vec<String>) {
    let counts = [Severity::Error, Severity::Warning, Severity::Info]
        .iter()
        .map(|&s| format!("{} {}", s.label(), report.count(s)))
        .collect::<Vec<_>>()
        .join(" · ");
    (
        "软件正版化台账诊断报告".to_string(),
        vec![
            format!("单位名称：{}", report.unit.name),
            format!("文件：{}", file_name(file)),
            format!("检查日期：{}", as_of.format("%Y-%m-%d")),
            format!("检查结果：{counts}"),
            format!("zhengban 版本 {}", env!("CARGO_PKG_VERSION")),
        ],
    )
}

/// The plan for the copy of `file` of a unit checked on `as_of`.
pub(crate) fn plan(report: &UnitReport, file: &Arc<str>, as_of: NaiveDate) -> Plan {
    let sheet_names: Vec<String> = report
        .unit
        .books
        .iter()
        .find(|w| w.file == *file)
        .map(|w| w.sheets.iter().map(|s| s.to_string()).collect())
        .unwrap_or_default();
    let report_sheet = free_sheet_name(&sheet_names);
    let multi_file = report.unit.files.len() > 1;

    // (sheet, row, col) → strongest mark and the notes, in diagnostic order.
    let mut cells: BTreeMap<(usize, u32, u32), (Mark, Vec<String>)> = BTreeMap::new();
    let sheet_index = |name: &str| sheet_names.iter().position(|s| s == name);
    let mut unmarked = 0usize;
    let mut put = |c: &CellRef, mark: Mark, note: String| {
        if *c.file != **file {
            return;
        }
        let Some(si) = sheet_index(&c.sheet) else {
            return;
        };
        let (row, col) = shown_cell(report, c);
        if cells.len() >= MAX_MARKED_CELLS && !cells.contains_key(&(si, row, col)) {
            unmarked += 1;
            return;
        }
        let slot = cells
            .entry((si, row, col))
            .or_insert_with(|| (mark, Vec::new()));
        if mark.strength() < slot.0.strength() {
            slot.0 = mark;
        }
        slot.1.push(note);
    };
    let mut tabs: BTreeMap<String, Severity> = BTreeMap::new();
    let mut rows = Vec::new();
    let mut unlisted = 0usize;
    // past the caps, errors first, so that what is left out is the least important
    let mut ordered: Vec<&Diagnostic> = report.diagnostics.iter().collect();
    if ordered.len() > MAX_REPORT_ROWS.min(MAX_MARKED_CELLS) {
        ordered.sort_by_key(|d| d.severity);
    }
    for d in ordered {
        if let Target::Cell(c) = &d.target {
            put(c, Mark::Primary(d.severity), primary_note(d));
        }
        if let Some(sheet) = d.target.sheet() {
            if d.target.file() == Some(&**file) {
                let worst = tabs.entry(sheet.to_string()).or_insert(d.severity);
                *worst = (*worst).min(d.severity);
            }
        }
        for r in &d.related {
            if let Target::Cell(c) = &r.target {
                // A related place that is the diagnostic's own cell adds nothing.
                if Target::Cell(c.clone()) == d.target {
                    continue;
                }
                let note = related_note(d, &r.message, file, &c.sheet);
                put(c, Mark::Related(d.severity), note);
            }
        }
        if rows.len() < MAX_REPORT_ROWS {
            rows.push(report_row(d, file));
        } else {
            unlisted += 1;
        }
    }
    let marks = cells
        .into_iter()
        .map(|((si, row, col), (mark, notes))| CellMark {
            sheet: sheet_names[si].clone(),
            row,
            col,
            mark,
            note: join_notes(&notes),
        })
        .collect();

    let mut footer = vec![
        "颜色：红色 = 错误，橙色 = 警告，蓝色 = 提示；浅色是与该诊断相关的其他单元格。\
         点“单元格”一列的链接可跳到该单元格，鼠标停在单元格上可看批注。"
            .to_string(),
    ];
    if let Some(l) = citations::legend(report.diagnostics.iter().map(|d| d.help.as_str())) {
        footer.push(l);
    }
    if unlisted > 0 || unmarked > 0 {
        footer.push(format!(
            "本单位的诊断太多：本表只列出前 {} 条（错误在前），另有 {unlisted} 条未列出；\
             另有 {unmarked} 处未在单元格上标注（最多标注 {} 个单元格）。\
             全部诊断请用 zhengban check --format json 或 --format html 查看。",
            rows.len(),
            MAX_MARKED_CELLS
        ));
    }
    if multi_file {
        footer.push(format!(
            "本单位的台账分在 {} 个文件中，每个文件各有一份批注副本；本表列出全部诊断，\
             链接只指向本文件中的单元格。",
            report.unit.files.len()
        ));
    }
    if !is_editable(Path::new(&**file)) {
        footer.push(format!(
            "原文件 {} 不是 xlsx 格式，无法在原样的副本上标注：本副本按各单元格的值重新生成，\
             没有原来的格式、公式和批注。请对照本副本在原文件中改正。",
            file_name(file)
        ));
    }
    let mut taken = sheet_names.clone();
    taken.push(report_sheet.clone());
    let extra = reconciled::sheet(report, file, &taken)
        .into_iter()
        .collect();
    Plan {
        report_sheet,
        title: title(report, file, as_of),
        multi_file,
        marks,
        tabs,
        rows,
        footer,
        extra,
    }
}

fn join_notes(notes: &[String]) -> String {
    let mut s = notes
        .iter()
        .take(NOTES_PER_CELL)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n\n");
    if notes.len() > NOTES_PER_CELL {
        s.push_str(&format!(
            "\n\n……另有 {} 条，见“{REPORT_SHEET}”",
            notes.len() - NOTES_PER_CELL
        ));
    }
    s
}

fn report_row(d: &Diagnostic, here: &str) -> ReportRow {
    let mut named = BTreeSet::new();
    let link = match &d.target {
        Target::Cell(c) if &*c.file == here => Some((c.sheet.to_string(), c.a1())),
        Target::Sheet { file, sheet } if &**file == here => Some((sheet.to_string(), "A1".into())),
        _ => None,
    };
    let cell = match &d.target {
        Target::Cell(c) => c.a1(),
        Target::Sheet { .. } => "整张表".into(),
        Target::File(_) => "整个文件".into(),
        Target::Unit => "整个单位".into(),
    };
    ReportRow {
        severity: d.severity,
        code: d.code,
        file: d.target.file().map(file_name).unwrap_or_default(),
        sheet: d.target.sheet().unwrap_or_default().to_string(),
        cell,
        link,
        message: d.message.clone(),
        help: citations::name_first(&d.help, &mut named),
        rule: crate::rules::rule(d.code)
            .map(|r| r.summary.to_string())
            .unwrap_or_default(),
        related: d
            .related
            .iter()
            .map(|r| format!("{}：{}", place_from(&r.target, here, None), r.message))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// 诊断报告, or 诊断报告 (2) … when the workbook already has a sheet of that name.
fn free_sheet_name(existing: &[String]) -> String {
    crate::base::gate::sheet_name(REPORT_SHEET, existing)
}

// ---------------------------------------------------------------------------------------
// Cell values as plain data, for the rebuilt copy (the writer never sees the reader's types).

/// A cell value of a rebuilt sheet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PlainValue {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// An Excel date serial (written with a date format).
    Date(f64),
    /// TRUE / FALSE.
    Bool(bool),
}

/// A sheet of a rebuilt copy: its name, its non-empty cells and its merged regions
/// (0-based, inclusive).
#[derive(Debug, Clone)]
pub(crate) struct PlainSheet {
    /// The sheet name.
    pub name: String,
    /// (row, col, value), row by row.
    pub cells: Vec<(u32, u32, PlainValue)>,
    /// (first row, first col, last row, last col).
    pub merges: Vec<(u32, u32, u32, u32)>,
}

fn plain_sheets(book: &workbook::Workbook) -> Vec<PlainSheet> {
    book.sheets
        .iter()
        .map(|s| PlainSheet {
            name: s.name.to_string(),
            cells: s
                .rows
                .iter()
                .enumerate()
                .flat_map(|(r, row)| {
                    row.iter().enumerate().filter_map(move |(c, cell)| {
                        let v = match cell {
                            Cell::Empty => return None,
                            Cell::Text(t) => PlainValue::Text(t.clone()),
                            Cell::Number(n) => PlainValue::Number(*n),
                            Cell::Date(d) => PlainValue::Date(*d),
                            Cell::DateIso(t) | Cell::Error(t) => PlainValue::Text(t.clone()),
                            Cell::Bool(b) => PlainValue::Bool(*b),
                        };
                        Some((r as u32, c as u32, v))
                    })
                })
                .collect(),
            merges: s
                .merges
                .iter()
                .map(|m| (m.first_row, m.first_col, m.last_row, m.last_col))
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_names() {
        assert_eq!(copy_name(Path::new("a/台账.xlsx")), "台账.诊断.xlsx");
        assert_eq!(copy_name(Path::new("台账 2026.xls")), "台账 2026.诊断.xlsx");
        assert_eq!(copy_name(Path::new("宏.XLSM")), "宏.诊断.xlsm");
        assert!(is_editable(Path::new("x.XLSX")));
        assert!(!is_editable(Path::new("x.ods")));
    }

    #[test]
    fn links_quote_sheet_names() {
        assert_eq!(link_location("表5", "M8"), "'表5'!M8");
        assert_eq!(link_location("O'Brien", "A1"), "'O''Brien'!A1");
    }

    #[test]
    fn report_sheet_name_never_clashes() {
        assert_eq!(free_sheet_name(&["表1".into()]), "诊断报告");
        assert_eq!(
            free_sheet_name(&["诊断报告".into(), "诊断报告 (2)".into()]),
            "诊断报告 (3)"
        );
    }

    #[test]
    fn stronger_marks_win() {
        assert!(
            Mark::Primary(Severity::Info).strength() < Mark::Related(Severity::Error).strength()
        );
        assert!(
            Mark::Primary(Severity::Error).strength() < Mark::Primary(Severity::Warning).strength()
        );
    }
}
