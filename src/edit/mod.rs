//! Changing a copy of a user's workbook (umya-spreadsheet), keeping everything the user made.
//!
//! Commands that hand a clerk's workbook back with something added (`derive`, the annotated
//! copy of `check`) share this small editor: it opens a copy from the input's bytes (the
//! input file is never opened for writing), sets values, marks cells with a light fill and a
//! note, adds sheets — blank, copied, or taken from another workbook such as one of our
//! templates — and saves to bytes that the caller hands to [`crate::output::OutputPolicy`].
//!
//! What the editor promises:
//! - Sheets it is not asked to touch are written back as they were read (umya keeps their
//!   XML parts as raw bytes until a sheet is first touched).
//! - Touching a cell keeps its style (borders, font, number format, alignment), merges,
//!   comments, validations and column widths; only what the call names changes. A fill
//!   changes the background only.
//! - Codes stay text: [`Value::Text`] is stored as a string even when it looks like a number
//!   (`set_value("001")` would store the number 1).
//! - Saving the same edits of the same input twice gives the same bytes.
//!
//! Addresses are sheet names and A1 references (`"M12"`), as diagnostics and plans carry
//! them; [`Addr`] converts between A1 and 0-based (row, column).

pub mod marked;
mod stable;

use std::io::Cursor;

use chrono::NaiveDate;
use umya_spreadsheet as umya;

/// A light green: a value the tool computed (derive.md: derived cells are marked).
pub const DERIVED_FILL: &str = "FFE2EFDA";
/// A light yellow: a cell the tool added for the clerk to fill in.
pub const TO_FILL: &str = "FFFFF2CC";
/// The author of the notes the tool writes.
pub const AUTHOR: &str = "zhengban";

/// A cell address, 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Addr {
    /// Row, from 0.
    pub row: u32,
    /// Column, from 0.
    pub col: u32,
}

impl Addr {
    /// (row, col), 0-based.
    pub fn new(row: u32, col: u32) -> Self {
        Addr { row, col }
    }

    /// Parse an A1 reference (`"B7"`, `"$B$7"`, case-insensitive); `None` if it is not one
    /// or lies outside Excel's grid (XFD1048576).
    pub fn parse(a1: &str) -> Option<Addr> {
        let s = a1.trim().replace('$', "").to_ascii_uppercase();
        let split = s.find(|c: char| c.is_ascii_digit())?;
        let (letters, digits) = s.split_at(split);
        if letters.is_empty()
            || letters.len() > 3
            || !letters.chars().all(|c| c.is_ascii_uppercase())
            || !digits.chars().all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let col = letters
            .bytes()
            .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1));
        let row: u32 = digits.parse().ok()?;
        if row == 0 || row > 1_048_576 || col == 0 || col > 16_384 {
            return None;
        }
        Some(Addr {
            row: row - 1,
            col: col - 1,
        })
    }

    /// The A1 reference.
    pub fn a1(self) -> String {
        crate::base::a1(self.row, self.col)
    }

    /// umya's 1-based (column, row).
    fn umya(self) -> (u32, u32) {
        (self.col + 1, self.row + 1)
    }
}

impl std::fmt::Display for Addr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.a1())
    }
}

/// A value to store.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A string, stored as text whatever it looks like.
    Text(String),
    /// A number.
    Number(f64),
    /// A calendar date: stored as a date serial; a cell without a number format gets
    /// `yyyy-mm-dd` so that it shows as a date.
    Date(NaiveDate),
}

impl Value {
    /// The value as a spreadsheet shows it in a General cell (for messages).
    pub fn display(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Number(n) => crate::base::format_number(*n),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }
}

/// What to do with a note on a cell that already carries one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Leave the user's note as it is and add nothing.
    Keep,
    /// Add the new text below the existing note.
    Append,
    /// Replace the note.
    Replace,
}

/// Why a workbook could not be edited.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// The bytes are not an xlsx/xlsm workbook umya can read.
    #[error("无法打开工作簿进行修改：{0}")]
    Open(String),
    /// Writing the workbook failed.
    #[error("无法生成修改后的工作簿：{0}")]
    Save(String),
    /// No sheet of that name.
    #[error("工作簿中没有工作表“{0}”")]
    NoSheet(String),
    /// A sheet of that name exists already.
    #[error("工作簿中已有工作表“{0}”")]
    SheetExists(String),
    /// Not a name Excel accepts.
    #[error("“{0}”不能作为工作表名（最长 31 个字符，不能含 []:*?/\\）")]
    BadSheetName(String),
    /// Not an A1 reference.
    #[error("“{0}”不是单元格地址")]
    BadCell(String),
}

/// A copy of a workbook being changed.
pub struct Editor {
    book: umya::Workbook,
}

impl std::fmt::Debug for Editor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Editor")
            .field("sheets", &self.sheet_names())
            .finish()
    }
}

/// Whether Excel accepts `name` as a sheet name.
pub fn valid_sheet_name(name: &str) -> bool {
    let n = name.chars().count();
    (1..=31).contains(&n)
        && !name.contains(['[', ']', ':', '*', '?', '/', '\\'])
        && !name.starts_with('\'')
        && !name.ends_with('\'')
}

fn cell_of(a1: &str) -> Result<Addr, EditError> {
    Addr::parse(a1).ok_or_else(|| EditError::BadCell(a1.to_string()))
}

/// Days from 1899-12-30 (the 1900 date system) or from 1904-01-01.
fn serial(date: NaiveDate, date1904: bool) -> f64 {
    let epoch = if date1904 {
        NaiveDate::from_ymd_opt(1904, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 30)
    }
    .expect("valid epoch");
    (date - epoch).num_days() as f64
}

impl Editor {
    /// Open a copy of an xlsx/xlsm workbook from its bytes. Sheets are read when first
    /// touched; the others are written back as they came.
    pub fn open(bytes: &[u8]) -> Result<Editor, EditError> {
        let bytes = bytes.to_vec();
        // umya panics on some malformed parts; a bad input must be an error, not a crash.
        let read = std::panic::catch_unwind(move || {
            umya::reader::xlsx::read_reader(Cursor::new(bytes), false)
        });
        match read {
            Ok(Ok(book)) => Ok(Editor { book }),
            Ok(Err(e)) => Err(EditError::Open(e.to_string())),
            Err(_) => Err(EditError::Open("工作簿结构无法解析".into())),
        }
    }

    /// The sheet names, in workbook order.
    pub fn sheet_names(&self) -> Vec<String> {
        self.book
            .sheet_collection_no_check()
            .iter()
            .map(|s| s.name().to_string())
            .collect()
    }

    /// Whether a sheet of this name exists.
    pub fn has_sheet(&self, name: &str) -> bool {
        self.book
            .sheet_collection_no_check()
            .iter()
            .any(|s| s.name() == name)
    }

    fn sheet_mut(&mut self, name: &str) -> Result<&mut umya::Worksheet, EditError> {
        let ws = self
            .book
            .sheet_by_name_mut(name)
            .map_err(|_| EditError::NoSheet(name.to_string()))?;
        repair_notes(ws);
        Ok(ws)
    }

    /// The text a cell shows without formatting (`""` when empty).
    pub fn text(&mut self, sheet: &str, cell: &str) -> Result<String, EditError> {
        let at = cell_of(cell)?;
        let ws = self.sheet_mut(sheet)?;
        Ok(ws
            .cell(at.umya())
            .map(|c| c.value().into_owned())
            .unwrap_or_default())
    }

    /// Whether a cell holds nothing visible.
    pub fn is_blank(&mut self, sheet: &str, cell: &str) -> Result<bool, EditError> {
        Ok(self.text(sheet, cell)?.trim().is_empty() && !self.has_formula(sheet, cell)?)
    }

    /// Whether a cell has no borders, fill or number format of its own (a row past the
    /// pre-printed rows of a table).
    pub fn is_unformatted(&mut self, sheet: &str, cell: &str) -> Result<bool, EditError> {
        let at = cell_of(cell)?;
        let ws = self.sheet_mut(sheet)?;
        Ok(ws.cell(at.umya()).is_none_or(|c| {
            let s = c.style();
            s.borders().is_none_or(|b| {
                [b.left(), b.right(), b.top(), b.bottom()]
                    .iter()
                    .all(|side| side.border_style() == "none")
            }) && s.fill().is_none()
                && s.number_format().is_none()
        }))
    }

    /// Whether a cell holds a formula.
    pub fn has_formula(&mut self, sheet: &str, cell: &str) -> Result<bool, EditError> {
        let at = cell_of(cell)?;
        let ws = self.sheet_mut(sheet)?;
        Ok(ws.cell(at.umya()).is_some_and(|c| c.is_formula()))
    }

    /// The merged area covering a cell, as (top-left, bottom-right).
    pub fn merged_area(
        &mut self,
        sheet: &str,
        cell: &str,
    ) -> Result<Option<(Addr, Addr)>, EditError> {
        let at = cell_of(cell)?;
        let ws = self.sheet_mut(sheet)?;
        for range in ws.merge_cells() {
            let text = range.range();
            let Some((a, b)) = text.split_once(':') else {
                continue;
            };
            let (Some(a), Some(b)) = (Addr::parse(a), Addr::parse(b)) else {
                continue;
            };
            if (a.row..=b.row).contains(&at.row) && (a.col..=b.col).contains(&at.col) {
                return Ok(Some((a, b)));
            }
        }
        Ok(None)
    }

    /// Store a value, keeping the cell's style.
    pub fn set(&mut self, sheet: &str, cell: &str, value: &Value) -> Result<(), EditError> {
        let at = cell_of(cell)?;
        let date1904 = self.book.date1904();
        let ws = self.sheet_mut(sheet)?;
        let c = ws.cell_mut(at.umya());
        match value {
            Value::Text(s) => {
                c.set_value_string(s.clone());
            }
            Value::Number(n) => {
                c.set_value_number(*n);
            }
            Value::Date(d) => {
                c.set_value_number(serial(*d, date1904));
                let general = c
                    .style()
                    .number_format()
                    .is_none_or(|f| f.format_code() == "General");
                if general {
                    c.style_mut()
                        .numbering_format_mut()
                        .set_format_code("yyyy-mm-dd");
                }
            }
        }
        Ok(())
    }

    /// Give a cell a solid background (`argb`, e.g. [`DERIVED_FILL`]), nothing else.
    pub fn fill(&mut self, sheet: &str, cell: &str, argb: &str) -> Result<(), EditError> {
        let at = cell_of(cell)?;
        let ws = self.sheet_mut(sheet)?;
        ws.cell_mut(at.umya())
            .style_mut()
            .set_background_color(argb);
        Ok(())
    }

    /// Make a cell's text bold (headings of a sheet the caller builds).
    pub fn bold(&mut self, sheet: &str, cell: &str) -> Result<(), EditError> {
        let at = cell_of(cell)?;
        let ws = self.sheet_mut(sheet)?;
        ws.cell_mut(at.umya()).style_mut().font_mut().set_bold(true);
        Ok(())
    }

    /// Link a cell to a cell of a sheet of this workbook (a list of findings pointing at
    /// the cells they are about).
    pub fn link(
        &mut self,
        sheet: &str,
        cell: &str,
        to_sheet: &str,
        to_cell: &str,
    ) -> Result<(), EditError> {
        let at = cell_of(cell)?;
        let target = cell_of(to_cell)?;
        if !self.has_sheet(to_sheet) {
            return Err(EditError::NoSheet(to_sheet.to_string()));
        }
        let ws = self.sheet_mut(sheet)?;
        let mut link = umya::Hyperlink::default();
        link.set_url(format!(
            "'{}'!{}",
            to_sheet.replace('\'', "''"),
            target.a1()
        ));
        link.set_location(true);
        ws.cell_mut(at.umya()).set_hyperlink(link);
        Ok(())
    }

    /// Set the width of a column (0-based), in Excel's character units.
    pub fn column_width(&mut self, sheet: &str, col: u32, width: f64) -> Result<(), EditError> {
        let ws = self.sheet_mut(sheet)?;
        ws.column_dimension_by_number_mut(col + 1).set_width(width);
        Ok(())
    }

    /// Keep the rows above and the columns left of `cell` in view while scrolling.
    pub fn freeze(&mut self, sheet: &str, cell: &str) -> Result<(), EditError> {
        let at = cell_of(cell)?;
        let ws = self.sheet_mut(sheet)?;
        let mut pane = umya::Pane::default();
        pane.set_state(umya::PaneStateValues::Frozen);
        if at.col > 0 {
            pane.set_horizontal_split(f64::from(at.col));
        }
        if at.row > 0 {
            pane.set_vertical_split(f64::from(at.row));
        }
        let mut top_left = umya::Coordinate::default();
        top_left.set_coordinate(at.a1());
        pane.set_top_left_cell(top_left);
        pane.set_active_pane(match (at.row > 0, at.col > 0) {
            (true, true) => umya::PaneValues::BottomRight,
            (true, false) => umya::PaneValues::BottomLeft,
            _ => umya::PaneValues::TopRight,
        });
        let views = ws.sheet_views_mut();
        if views.sheet_view_list().is_empty() {
            views.add_sheet_view_list_mut(umya::SheetView::default());
        }
        for view in views.sheet_view_list_mut() {
            view.set_pane(pane.clone());
        }
        Ok(())
    }

    /// Put an autofilter on a range (`"A1:H40"`).
    pub fn autofilter(&mut self, sheet: &str, range: &str) -> Result<(), EditError> {
        let ok = range
            .split_once(':')
            .is_some_and(|(a, b)| Addr::parse(a).is_some() && Addr::parse(b).is_some());
        if !ok {
            return Err(EditError::BadCell(range.to_string()));
        }
        let ws = self.sheet_mut(sheet)?;
        ws.set_auto_filter(range);
        Ok(())
    }

    /// The note (comment) on a cell, if it has one.
    pub fn note_text(&mut self, sheet: &str, cell: &str) -> Result<Option<String>, EditError> {
        let at = cell_of(cell)?;
        let (col, row) = at.umya();
        let ws = self.sheet_mut(sheet)?;
        Ok(ws
            .comments()
            .iter()
            .find(|c| c.coordinate().col_num() == col && c.coordinate().row_num() == row)
            .map(comment_text))
    }

    /// Put a note on a cell; what happens to a note already there is `existing`'s choice.
    /// Returns whether the cell now carries `text`.
    pub fn note(
        &mut self,
        sheet: &str,
        cell: &str,
        text: &str,
        existing: Existing,
    ) -> Result<bool, EditError> {
        let at = cell_of(cell)?;
        let (col, row) = at.umya();
        let ws = self.sheet_mut(sheet)?;
        let found = ws
            .comments()
            .iter()
            .position(|c| c.coordinate().col_num() == col && c.coordinate().row_num() == row);
        match (found, existing) {
            (Some(_), Existing::Keep) => return Ok(false),
            (Some(i), Existing::Append) => {
                let old = comment_text(&ws.comments()[i]);
                if !old.contains(text) {
                    ws.comments_mut()[i].set_text_string(format!("{old}\n{text}"));
                }
                return Ok(true);
            }
            (Some(i), Existing::Replace) => {
                ws.comments_mut()[i].set_text_string(text);
                return Ok(true);
            }
            (None, _) => {}
        }
        let mut comment = umya::Comment::default();
        comment.new_comment(at.umya());
        comment.set_author(AUTHOR);
        comment.set_text_string(text);
        ws.add_comments(comment);
        Ok(true)
    }

    /// Give rows `to` the cell styles and height of row `from` (columns `first..=last`),
    /// so rows added below a pre-printed table look like it.
    pub fn copy_row_format(
        &mut self,
        sheet: &str,
        from: u32,
        to: std::ops::Range<u32>,
        cols: (u32, u32),
    ) -> Result<(), EditError> {
        let ws = self.sheet_mut(sheet)?;
        let height = ws.row_dimension(from + 1).map(|r| r.height());
        for row in to {
            if row == from {
                continue;
            }
            ws.copy_row_styling(from + 1, row + 1, Some(cols.0 + 1), Some(cols.1 + 1));
            if let Some(h) = height.filter(|h| *h > 0.0) {
                ws.row_dimension_mut(row + 1)
                    .set_height(h)
                    .set_custom_height(true);
            }
        }
        Ok(())
    }

    /// Insert `count` empty rows before row `at` (0-based), moving the rows below, their
    /// merges and validations down.
    pub fn insert_rows(&mut self, sheet: &str, at: u32, count: u32) -> Result<(), EditError> {
        if count == 0 {
            return Ok(());
        }
        let ws = self.sheet_mut(sheet)?;
        ws.insert_new_row(at + 1, count);
        Ok(())
    }

    fn check_new_name(&self, name: &str) -> Result<(), EditError> {
        if !valid_sheet_name(name) {
            return Err(EditError::BadSheetName(name.to_string()));
        }
        if self
            .sheet_names()
            .iter()
            .any(|n| n.to_lowercase() == name.to_lowercase())
        {
            return Err(EditError::SheetExists(name.to_string()));
        }
        Ok(())
    }

    /// Add an empty sheet after the last one.
    pub fn add_sheet(&mut self, name: &str) -> Result<(), EditError> {
        self.check_new_name(name)?;
        self.book
            .new_sheet(name)
            .map_err(|_| EditError::SheetExists(name.to_string()))?;
        Ok(())
    }

    /// Add a copy of sheet `from` of this workbook after the last sheet.
    pub fn copy_sheet(&mut self, from: &str, name: &str) -> Result<(), EditError> {
        self.check_new_name(name)?;
        let sheet = self.sheet_mut(from)?.clone();
        self.push_sheet(sheet, from, name)
    }

    /// Add a copy of sheet `from` of another workbook (a template) after the last sheet,
    /// with its cells, styles, merges, widths, heights, validations, frozen panes, print
    /// setup and print titles.
    pub fn add_sheet_from(
        &mut self,
        source: &mut Editor,
        from: &str,
        name: &str,
    ) -> Result<(), EditError> {
        self.check_new_name(name)?;
        let sheet = source.sheet_mut(from)?.clone();
        self.push_sheet(sheet, from, name)
    }

    fn push_sheet(
        &mut self,
        mut sheet: umya::Worksheet,
        old_name: &str,
        name: &str,
    ) -> Result<(), EditError> {
        let index = self.book.sheet_count() as u32;
        sheet.set_name(name);
        // A copied sheet is not the selected tab of its new workbook.
        for view in sheet.sheet_views_mut().sheet_view_list_mut() {
            view.set_tab_selected(false);
        }
        // Print titles and print areas are names scoped to the sheet: they must name the
        // copy and its position, not the sheet they were copied from.
        let quoted_old = format!("'{}'!", old_name.replace('\'', "''"));
        let plain_old = format!("{old_name}!");
        let quoted_new = format!("'{}'!", name.replace('\'', "''"));
        for defined in sheet.defined_names_mut() {
            let address = defined
                .address()
                .replace(&quoted_old, &quoted_new)
                .replace(&plain_old, &quoted_new);
            let mut renamed = umya::DefinedName::default();
            renamed.set_name(defined.name());
            renamed.set_address(address);
            renamed.set_local_sheet_id(index);
            if defined.hidden() {
                renamed.set_hidden(true);
            }
            *defined = renamed;
        }
        self.book
            .add_sheet(sheet)
            .map_err(|_| EditError::SheetExists(name.to_string()))?;
        Ok(())
    }

    /// The workbook as xlsx bytes. Consumes the editor: umya counts string uses while it
    /// writes, so a second save of one editor would not give the same bytes.
    pub fn save(self) -> Result<Vec<u8>, EditError> {
        let mut out = Vec::new();
        umya::writer::xlsx::write_writer(&self.book, &mut out)
            .map_err(|e| EditError::Save(e.to_string()))?;
        stable::sort_comment_authors(out).map_err(EditError::Save)
    }
}

/// umya reads a note's shape only from VML written with the `v:`/`x:` prefixes Excel uses;
/// openpyxl writes `ns1:`/`ns2:`, and such a note comes back without position or
/// `visibility:hidden`, so LibreOffice shows it open over the cells. A note without a shape
/// gets the hidden default shape Excel gives a new note; its author and text stay.
fn repair_notes(ws: &mut umya::Worksheet) {
    for c in ws.comments_mut() {
        if !c.shape().style().is_empty() {
            continue;
        }
        let at = (c.coordinate().col_num(), c.coordinate().row_num());
        let mut fresh = umya::Comment::default();
        fresh.new_comment(at);
        fresh.set_author(c.author());
        fresh.set_text(c.text().clone());
        *c = fresh;
    }
}

fn comment_text(c: &umya::Comment) -> String {
    let t = c.text();
    if let Some(text) = t.text() {
        return text.value().to_string();
    }
    t.rich_text()
        .map(|r| r.text().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_round_trip() {
        assert_eq!(Addr::parse("A1"), Some(Addr::new(0, 0)));
        assert_eq!(Addr::parse("$m$12"), Some(Addr::new(11, 12)));
        assert_eq!(Addr::parse("AA3").map(Addr::a1).as_deref(), Some("AA3"));
        assert_eq!(
            Addr::parse("XFD1048576"),
            Some(Addr::new(1_048_575, 16_383))
        );
        assert_eq!(Addr::parse("XFE1"), None);
        assert_eq!(Addr::parse("A0"), None);
        assert_eq!(Addr::parse("12"), None);
        assert_eq!(Addr::parse("B"), None);
    }

    #[test]
    fn sheet_names_excel_accepts() {
        assert!(valid_sheet_name("附件9-RJ012"));
        assert!(!valid_sheet_name("a/b"));
        assert!(!valid_sheet_name(""));
        assert!(!valid_sheet_name(&"长".repeat(32)));
    }

    /// A workbook made by the editor alone round-trips every kind of change it offers.
    #[test]
    fn every_change_survives_a_save() {
        let mut book = umya::new_file();
        book.sheet_mut(0)
            .unwrap()
            .cell_mut("A1")
            .set_value_string("标题");
        let mut bytes = Vec::new();
        umya::writer::xlsx::write_writer(&book, &mut bytes).unwrap();

        let edit = |mut ed: Editor| {
            ed.add_sheet("诊断报告").unwrap();
            ed.set("诊断报告", "A1", &Value::Text("001".into()))
                .unwrap();
            ed.set("诊断报告", "B1", &Value::Number(12.5)).unwrap();
            let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
            ed.set("诊断报告", "C1", &Value::Date(day)).unwrap();
            ed.bold("诊断报告", "A1").unwrap();
            ed.fill("诊断报告", "B1", DERIVED_FILL).unwrap();
            assert!(ed.note("诊断报告", "B1", "第一条", Existing::Keep).unwrap());
            assert!(!ed.note("诊断报告", "B1", "不写", Existing::Keep).unwrap());
            assert!(ed
                .note("诊断报告", "B1", "第二条", Existing::Append)
                .unwrap());
            ed.link("诊断报告", "D1", "Sheet1", "A1").unwrap();
            ed.column_width("诊断报告", 0, 30.0).unwrap();
            ed.freeze("诊断报告", "A2").unwrap();
            ed.autofilter("诊断报告", "A1:D1").unwrap();
            ed.copy_sheet("诊断报告", "副本").unwrap();
            assert!(matches!(
                ed.add_sheet("副本"),
                Err(EditError::SheetExists(_))
            ));
            assert!(matches!(
                ed.add_sheet("a/b"),
                Err(EditError::BadSheetName(_))
            ));
            ed.save().unwrap()
        };
        let saved = edit(Editor::open(&bytes).unwrap());
        // Saving writes each workbook once; the same edits of the same bytes, the same output.
        assert!(
            saved == edit(Editor::open(&bytes).unwrap()),
            "the same edits give the same bytes"
        );

        let back = umya::reader::xlsx::read_reader(Cursor::new(saved), true).unwrap();
        let ws = back.sheet_by_name("诊断报告").unwrap();
        assert_eq!(ws.cell("A1").unwrap().value(), "001");
        assert_eq!(ws.cell("A1").unwrap().data_type(), "s", "a code stays text");
        assert_eq!(ws.cell("B1").unwrap().value_number(), Some(12.5));
        assert_eq!(ws.cell("C1").unwrap().value_number(), Some(46351.0));
        assert_eq!(
            ws.cell("C1")
                .unwrap()
                .style()
                .number_format()
                .unwrap()
                .format_code(),
            "yyyy-mm-dd"
        );
        assert!(ws.cell("A1").unwrap().style().font().unwrap().bold());
        assert_eq!(
            ws.cell("B1")
                .unwrap()
                .style()
                .background_color()
                .unwrap()
                .argb_str(),
            DERIVED_FILL
        );
        let note = ws
            .comments()
            .iter()
            .find(|c| c.coordinate().to_string() == "B1");
        assert_eq!(comment_text(note.unwrap()), "第一条\n第二条");
        let link = ws.cell("D1").unwrap().hyperlink().unwrap();
        assert!(link.location() && link.url() == "'Sheet1'!A1");
        assert_eq!(ws.column_dimension("A").unwrap().width(), 30.0);
        assert!(ws.auto_filter().is_some());
        let pane = ws.sheets_views().sheet_view_list()[0].pane().unwrap();
        assert_eq!(pane.vertical_split(), 1.0, "the first row stays in view");
        assert!(back.sheet_by_name("副本").is_ok());
        assert_eq!(
            back.sheet_by_name("Sheet1")
                .unwrap()
                .cell("A1")
                .unwrap()
                .value(),
            "标题"
        );
    }

    #[test]
    fn dates_are_serials() {
        let d = NaiveDate::from_ymd_opt(2026, 4, 20).unwrap();
        assert_eq!(serial(d, false), 46132.0);
        assert_eq!(serial(d, true), 46132.0 - 1462.0);
    }
}
