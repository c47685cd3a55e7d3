//! Changing a copy of a user's xlsx as a patch of its package, keeping everything the user made.
//!
//! Both commands that hand a clerk's workbook back with something added — `derive` and the
//! annotated copy of `check` — write through this one editor: it opens the input's bytes
//! (the input file is never opened for writing), sets values, marks cells with a fill and a
//! note, adds sheets (the 诊断报告 list, or one of our blank tables), and saves to bytes
//! that the caller hands to [`crate::output::OutputPolicy`].
//!
//! What the editor promises:
//! - Every part it has no reason to change (document properties, theme, drawings, macros,
//!   sheets without marks, shared strings) is copied byte for byte, still compressed, and
//!   never parsed: nothing the checker does not need can break the copy, and the cost is a
//!   pass over the sheets that change.
//! - A sheet that changes is streamed: only the cells named are rewritten; a cell keeps its
//!   format (borders, font, number format, alignment) with only the fill or weight changed,
//!   through a new format appended to the user's (`styles.rs`). Notes the user wrote stay.
//! - Codes stay text: [`Value::Text`] is stored as a string even when it looks like a number.
//! - Text we write is made XML-safe and kept within Excel's 32,767-character cell limit.
//! - Saving the same edits of the same input twice gives the same bytes.
//!
//! Addresses are sheet names and A1 references (`"M12"`), as diagnostics and plans carry
//! them; [`Addr`] converts between A1 and 0-based (row, column).

pub mod marked;
mod new_sheet;
mod notes;
mod package;
mod sheet;
mod styles;
mod workbook;
mod xml;

use std::collections::{BTreeMap, HashMap};
use std::io::{BufReader, Cursor, Write};

use chrono::NaiveDate;

pub use styles::Look;

use new_sheet::NewSheet;
use notes::Note;
use package::{Package, Rel, REL_COMMENTS, REL_SHARED_STRINGS, REL_STYLES, REL_VML, REL_WORKSHEET};
use sheet::{CellEdit, SheetEdits, SheetIndex};
use workbook::{Added, Book};

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
    /// The bytes are not an xlsx/xlsm workbook, or a part we must change is damaged.
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
    pkg: Package,
    book: Book,
    styles: styles::Styles,
    /// Per shared string, whether it shows nothing (read when first needed).
    blank_strings: Option<Vec<bool>>,
    index: HashMap<usize, SheetIndex>,
    edits: BTreeMap<usize, SheetEdits>,
    notes: BTreeMap<usize, BTreeMap<Addr, Note>>,
    added: Vec<(NewSheet, bool)>,
}

impl std::fmt::Debug for Editor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Editor")
            .field("sheets", &self.sheet_names())
            .finish()
    }
}

/// Whether Excel accepts `name` as a sheet name (the gate would leave it as it is).
pub fn valid_sheet_name(name: &str) -> bool {
    crate::base::gate::sheet_name(name, &[]) == name
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

/// Which sheet a name means.
#[derive(Debug, Clone, Copy)]
enum Target {
    User(usize),
    New(usize),
}

const CT_WORKSHEET: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_COMMENTS: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const CT_STYLES: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const CT_VML: &str = "application/vnd.openxmlformats-officedocument.vmlDrawing";

impl Editor {
    /// Open a copy of an xlsx/xlsm workbook from its bytes.
    pub fn open(bytes: &[u8]) -> Result<Editor, EditError> {
        let mut pkg = Package::open(bytes)?;
        let book = Book::read(&mut pkg)?;
        let rels = pkg.rels(&book.part)?;
        let styles_part = rels
            .iter()
            .find(|r| r.kind == REL_STYLES && !r.external)
            .map(|r| r.target.clone());
        let styles = styles::Styles::read(match styles_part {
            Some(p) => pkg.read(&p)?,
            None => None,
        })?;
        Ok(Editor {
            pkg,
            book,
            styles,
            blank_strings: None,
            index: HashMap::new(),
            edits: BTreeMap::new(),
            notes: BTreeMap::new(),
            added: Vec::new(),
        })
    }

    /// The sheet names, in workbook order (sheets added at the end last).
    pub fn sheet_names(&self) -> Vec<String> {
        let front = self
            .added
            .iter()
            .filter(|(_, f)| *f)
            .map(|(s, _)| s.name.clone());
        let user = self.book.sheets.iter().map(|s| s.name.clone());
        let end = self
            .added
            .iter()
            .filter(|(_, f)| !*f)
            .map(|(s, _)| s.name.clone());
        front.chain(user).chain(end).collect()
    }

    /// Whether a sheet of this name exists (ignoring case, as Excel does).
    pub fn has_sheet(&self, name: &str) -> bool {
        self.target(name).is_ok()
    }

    fn target(&self, name: &str) -> Result<Target, EditError> {
        if let Some(i) = self.added.iter().position(|(s, _)| s.name == name) {
            return Ok(Target::New(i));
        }
        if let Some(s) = self.book.sheet(name) {
            return Ok(Target::User(s.index as usize));
        }
        self.added
            .iter()
            .position(|(s, _)| s.name.to_lowercase() == name.to_lowercase())
            .map(Target::New)
            .ok_or_else(|| EditError::NoSheet(name.to_string()))
    }

    /// A user sheet we can patch: a worksheet whose part exists.
    fn user_part(&self, i: usize) -> Result<String, EditError> {
        self.book.sheets[i]
            .part
            .clone()
            .filter(|p| self.pkg.has(p))
            .ok_or_else(|| EditError::NoSheet(self.book.sheets[i].name.clone()))
    }

    fn sheet_index(&mut self, i: usize) -> Result<&SheetIndex, EditError> {
        if !self.index.contains_key(&i) {
            let part = self.user_part(i)?;
            let entry = self
                .pkg
                .entry(&part)
                .ok_or_else(|| EditError::NoSheet(part.clone()))?;
            let idx = sheet::scan(BufReader::new(self.pkg.stream(entry)?))?;
            self.index.insert(i, idx);
        }
        Ok(&self.index[&i])
    }

    fn shared_blank(&mut self, n: u32) -> Result<bool, EditError> {
        if self.blank_strings.is_none() {
            let rels = self.pkg.rels(&self.book.part)?;
            let part = rels
                .iter()
                .find(|r| r.kind == REL_SHARED_STRINGS && !r.external);
            let mut blanks = Vec::new();
            if let Some(entry) = part.and_then(|p| self.pkg.entry(&p.target)) {
                let mut r = xml::reader(BufReader::new(self.pkg.stream(entry)?));
                let mut buf = Vec::new();
                loop {
                    buf.clear();
                    match r.read_event_into(&mut buf).map_err(xml::bad_xml)? {
                        quick_xml::events::Event::Start(e)
                            if xml::local(e.name().as_ref()) == "si" =>
                        {
                            blanks.push(xml::element_text(&mut r, &mut buf)?.trim().is_empty());
                        }
                        quick_xml::events::Event::Empty(e)
                            if xml::local(e.name().as_ref()) == "si" =>
                        {
                            blanks.push(true)
                        }
                        quick_xml::events::Event::Eof => break,
                        _ => {}
                    }
                }
            }
            self.blank_strings = Some(blanks);
        }
        Ok(self
            .blank_strings
            .as_ref()
            .and_then(|b| b.get(n as usize).copied())
            .unwrap_or(true))
    }

    /// Whether a cell holds nothing visible (and no formula).
    pub fn is_blank(&mut self, sheet: &str, cell: &str) -> Result<bool, EditError> {
        let at = cell_of(cell)?;
        match self.target(sheet)? {
            Target::New(i) => Ok(self.added[i]
                .0
                .cells
                .get(&(at.row, at.col))
                .is_none_or(|c| {
                    c.value
                        .as_ref()
                        .is_none_or(|v| v.display().trim().is_empty())
                })),
            Target::User(i) => {
                if let Some(e) = self
                    .edits
                    .get(&i)
                    .and_then(|e| e.cells.get(&(at.row, at.col)))
                {
                    if let Some(v) = &e.value {
                        return Ok(v.display().trim().is_empty());
                    }
                }
                let info = self.sheet_index(i)?.cells.get(&(at.row, at.col)).copied();
                match info {
                    None => Ok(true),
                    Some(c) if c.formula => Ok(false),
                    Some(c) => match c.content {
                        sheet::Content::Blank => Ok(true),
                        sheet::Content::Filled => Ok(false),
                        sheet::Content::Shared(n) => self.shared_blank(n),
                    },
                }
            }
        }
    }

    /// Whether a cell has no borders, fill or number format of its own (a row past the
    /// pre-printed rows of a table).
    pub fn is_unformatted(&mut self, sheet: &str, cell: &str) -> Result<bool, EditError> {
        let at = cell_of(cell)?;
        let style = match self.target(sheet)? {
            Target::New(i) => self.added[i]
                .0
                .cells
                .get(&(at.row, at.col))
                .map(|c| c.style),
            Target::User(i) => self
                .sheet_index(i)?
                .cells
                .get(&(at.row, at.col))
                .map(|c| c.style),
        };
        Ok(style.is_none_or(|s| self.styles.is_unformatted(s)))
    }

    /// Whether a cell holds a formula.
    pub fn has_formula(&mut self, sheet: &str, cell: &str) -> Result<bool, EditError> {
        let at = cell_of(cell)?;
        match self.target(sheet)? {
            Target::New(_) => Ok(false),
            Target::User(i) => Ok(self
                .sheet_index(i)?
                .cells
                .get(&(at.row, at.col))
                .is_some_and(|c| c.formula)),
        }
    }

    /// The merged area covering a cell, as (top-left, bottom-right).
    pub fn merged_area(
        &mut self,
        sheet: &str,
        cell: &str,
    ) -> Result<Option<(Addr, Addr)>, EditError> {
        let at = cell_of(cell)?;
        let merges = match self.target(sheet)? {
            Target::New(i) => return Ok(self.added[i].0.merged_area(at)),
            Target::User(i) => &self.sheet_index(i)?.merges,
        };
        Ok(merges
            .iter()
            .copied()
            .find(|(a, b)| (a.row..=b.row).contains(&at.row) && (a.col..=b.col).contains(&at.col)))
    }

    fn user_cell(&mut self, i: usize, at: Addr) -> Result<&mut CellEdit, EditError> {
        self.user_part(i)?;
        Ok(self
            .edits
            .entry(i)
            .or_default()
            .cells
            .entry((at.row, at.col))
            .or_default())
    }

    /// Change how a cell looks (fill, weight, alignment), keeping the rest of its format.
    pub fn look(&mut self, sheet: &str, cell: &str, look: Look) -> Result<(), EditError> {
        let at = cell_of(cell)?;
        match self.target(sheet)? {
            Target::User(i) => {
                let e = self.user_cell(i, at)?;
                merge_look(&mut e.look, look);
            }
            Target::New(i) => {
                let c = self.added[i].0.cells.entry((at.row, at.col)).or_default();
                c.style = self.styles.derive(c.style, look);
            }
        }
        Ok(())
    }

    /// Store a value, keeping the cell's format.
    pub fn set(&mut self, sheet: &str, cell: &str, value: &Value) -> Result<(), EditError> {
        let at = cell_of(cell)?;
        match self.target(sheet)? {
            Target::User(i) => {
                self.user_cell(i, at)?.value = Some(value.clone());
            }
            Target::New(i) => {
                let c = self.added[i].0.cells.entry((at.row, at.col)).or_default();
                if matches!(value, Value::Date(_)) {
                    c.style = self.styles.derive(
                        c.style,
                        Look {
                            date: true,
                            ..Look::default()
                        },
                    );
                }
                c.value = Some(value.clone());
            }
        }
        Ok(())
    }

    /// Give a cell a solid background (`argb`, e.g. [`DERIVED_FILL`]), nothing else.
    pub fn fill(&mut self, sheet: &str, cell: &str, argb: &str) -> Result<(), EditError> {
        self.look(sheet, cell, Look::fill(argb))
    }

    /// Put a note on a cell; what happens to a note already there is `existing`'s choice.
    /// Returns whether the cell now carries `text` (a note kept by [`Existing::Keep`] is
    /// known only when the copy is written, and counts as carrying it).
    pub fn note(
        &mut self,
        sheet: &str,
        cell: &str,
        text: &str,
        existing: Existing,
    ) -> Result<bool, EditError> {
        let at = cell_of(cell)?;
        let note = Note {
            text: text.to_string(),
            existing,
        };
        let notes = match self.target(sheet)? {
            Target::User(i) => {
                self.user_part(i)?;
                self.notes.entry(i).or_default()
            }
            Target::New(i) => &mut self.added[i].0.notes,
        };
        match notes.get_mut(&at) {
            Some(_) if existing == Existing::Keep => Ok(false),
            Some(n) if existing == Existing::Append => {
                if !n.text.contains(text) {
                    n.text = format!("{}\n{text}", n.text);
                }
                Ok(true)
            }
            _ => {
                notes.insert(at, note);
                Ok(true)
            }
        }
    }

    /// Colour a sheet's tab, unless the user gave it a colour.
    pub fn tab_color(&mut self, sheet: &str, argb: &str) -> Result<(), EditError> {
        if let Target::User(i) = self.target(sheet)? {
            if self.user_part(i).is_ok() {
                self.edits.entry(i).or_default().tab_color = Some(argb.to_string());
            }
        }
        Ok(())
    }

    /// Give rows `to` the cell formats and height of row `from` (columns `first..=last`),
    /// so rows added below a pre-printed table look like it.
    pub fn copy_row_format(
        &mut self,
        sheet: &str,
        from: u32,
        to: std::ops::Range<u32>,
        cols: (u32, u32),
    ) -> Result<(), EditError> {
        match self.target(sheet)? {
            Target::New(i) => {
                self.added[i].0.copy_row_format(from, to, cols);
            }
            Target::User(i) => {
                let idx = self.sheet_index(i)?;
                let styles: Vec<(u32, u32)> = (cols.0..=cols.1)
                    .map(|c| (c, idx.cells.get(&(from, c)).map_or(0, |x| x.style)))
                    .collect();
                let height = idx.heights.get(&from).copied();
                let edits = self.edits.entry(i).or_default();
                for row in to {
                    if row == from {
                        continue;
                    }
                    for &(c, s) in &styles {
                        edits.cells.entry((row, c)).or_default().base_style = Some(s);
                    }
                    if let Some(h) = height.filter(|h| *h > 0.0) {
                        edits.heights.insert(row, h);
                    }
                }
            }
        }
        Ok(())
    }

    /// Insert `count` empty rows before row `at` (0-based) in a sheet this editor added.
    pub fn insert_rows(&mut self, sheet: &str, at: u32, count: u32) -> Result<(), EditError> {
        match self.target(sheet)? {
            Target::New(i) => {
                self.added[i].0.insert_rows(at, count);
                Ok(())
            }
            Target::User(_) => Err(EditError::Save("不在用户的工作表中插入行".into())),
        }
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

    /// Add an empty sheet: in front of the others (and selected) when `first`, else last.
    pub fn add_sheet(&mut self, name: &str, first: bool) -> Result<(), EditError> {
        self.check_new_name(name)?;
        let mut s = NewSheet::new(name);
        s.selected = first;
        if first {
            // the sheet a clerk sees first is ours; the user's selected tab no longer is
            // (two selected tabs would group them, and typing would change both)
            for i in 0..self.book.sheets.len() {
                let Some(entry) = self.user_part(i).ok().and_then(|p| self.pkg.entry(&p)) else {
                    continue;
                };
                if sheet::is_selected(BufReader::new(self.pkg.stream(entry)?))? {
                    self.edits.entry(i).or_default().unselect = true;
                }
            }
        }
        self.added.push((s, first));
        Ok(())
    }

    /// Add sheet `from` of the workbook `template` (one of ours) after the last sheet, with
    /// its cells, formats, merges, widths, heights, drop-downs, panes and print setup.
    pub fn add_sheet_from(
        &mut self,
        template: &[u8],
        from: &str,
        name: &str,
    ) -> Result<(), EditError> {
        self.check_new_name(name)?;
        let sheet = new_sheet::from_template(template, from, name, &mut self.styles)?;
        self.added.push((sheet, false));
        Ok(())
    }

    fn new_sheet(&mut self, sheet: &str) -> Result<&mut NewSheet, EditError> {
        match self.target(sheet)? {
            Target::New(i) => Ok(&mut self.added[i].0),
            Target::User(_) => Err(EditError::Save(format!(
                "“{sheet}”是用户的工作表，不改其版式"
            ))),
        }
    }

    /// Link a cell of an added sheet to a place in this workbook (`'汇总表'!M12`).
    pub fn link(
        &mut self,
        sheet: &str,
        cell: &str,
        location: &str,
        tooltip: &str,
    ) -> Result<(), EditError> {
        let at = cell_of(cell)?;
        let link = Look {
            link: true,
            ..Look::default()
        };
        self.look(sheet, cell, link)?;
        self.new_sheet(sheet)?
            .links
            .push((at, location.to_string(), tooltip.to_string()));
        Ok(())
    }

    /// Set the width of a column (0-based) of an added sheet, in Excel's character units.
    pub fn column_width(&mut self, sheet: &str, col: u32, width: f64) -> Result<(), EditError> {
        self.new_sheet(sheet)?.widths.insert(col, width);
        Ok(())
    }

    /// Set the height of a row (0-based) of an added sheet, in points.
    pub fn row_height(&mut self, sheet: &str, row: u32, height: f64) -> Result<(), EditError> {
        self.new_sheet(sheet)?.heights.insert(row, height);
        Ok(())
    }

    /// Keep the rows above and the columns left of `cell` in view while scrolling.
    pub fn freeze(&mut self, sheet: &str, cell: &str) -> Result<(), EditError> {
        let at = cell_of(cell)?;
        self.new_sheet(sheet)?.freeze = Some(at);
        Ok(())
    }

    /// Put an autofilter on a range (`"A1:H40"`) of an added sheet.
    pub fn autofilter(&mut self, sheet: &str, range: &str) -> Result<(), EditError> {
        let (a, b) = range
            .split_once(':')
            .and_then(|(a, b)| Some((Addr::parse(a)?, Addr::parse(b)?)))
            .ok_or_else(|| EditError::BadCell(range.to_string()))?;
        self.new_sheet(sheet)?.autofilter = Some((a, b));
        Ok(())
    }

    /// Merge a range (`"A1:H1"`) of an added sheet.
    pub fn merge(&mut self, sheet: &str, range: &str) -> Result<(), EditError> {
        let (a, b) = range
            .split_once(':')
            .and_then(|(a, b)| Some((Addr::parse(a)?, Addr::parse(b)?)))
            .ok_or_else(|| EditError::BadCell(range.to_string()))?;
        self.new_sheet(sheet)?.merges.push((a, b));
        Ok(())
    }

    /// Print rows `first..=last` (0-based) of an added sheet at the top of every page.
    pub fn print_titles(&mut self, sheet: &str, first: u32, last: u32) -> Result<(), EditError> {
        self.new_sheet(sheet)?.print_titles = Some(format!("${}:${}", first + 1, last + 1));
        Ok(())
    }

    /// Print an added sheet landscape on A4, one page wide.
    pub fn landscape(&mut self, sheet: &str) -> Result<(), EditError> {
        self.new_sheet(sheet)?.landscape_fit = true;
        Ok(())
    }

    /// The workbook as xlsx bytes.
    pub fn save(self) -> Result<Vec<u8>, EditError> {
        save::save(self)
    }
}

fn merge_look(into: &mut Look, add: Look) {
    into.fill = add.fill.or(into.fill);
    into.bold |= add.bold;
    into.link |= add.link;
    into.date |= add.date;
    into.wrap |= add.wrap;
    into.vertical = add.vertical.or(into.vertical);
    into.horizontal = add.horizontal.or(into.horizontal);
    into.size = add.size.or(into.size);
}

mod save {
    //! Writing the copy: unchanged entries raw, changed sheets streamed, the small parts we
    //! change (workbook, relationships, content types, styles, notes) after them.

    use super::*;

    /// Deflate at a low level: a streamed sheet is most of a copy's cost, and level 1 takes
    /// a fraction of the default's time for a file a few per cent larger.
    fn options() -> zip::write::SimpleFileOptions {
        zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1))
            .last_modified_time(zip::DateTime::default())
    }

    /// A part name not in the package nor among `taken`: `stem{n}.ext`.
    fn free_part(pkg: &Package, taken: &[String], stem: &str, ext: &str) -> String {
        (1..)
            .map(|n| format!("{stem}{n}.{ext}"))
            .find(|p| !pkg.has(p) && !taken.iter().any(|t| t.eq_ignore_ascii_case(p)))
            .expect("a free name")
    }

    pub(super) fn save(ed: Editor) -> Result<Vec<u8>, EditError> {
        let Editor {
            mut pkg,
            book,
            mut styles,
            edits: mut sheet_edits,
            notes,
            mut added,
            ..
        } = ed;
        let date1904 = book.date1904;
        let mut replaced: HashMap<String, Vec<u8>> = HashMap::new();
        let mut deferred: Vec<String> = Vec::new();
        let mut new_parts: Vec<(String, Vec<u8>)> = Vec::new();
        let mut overrides: Vec<(String, &str)> = Vec::new();
        let mut need_vml = false;
        let mut taken: Vec<String> = Vec::new();
        // per user sheet with notes: its rels as read, the rels to add, the shapes to draw
        struct Noted {
            part: String,
            rels: Vec<Rel>,
            add: Vec<Rel>,
            shapes: Vec<(Addr, String)>,
            new_rid: String,
        }
        let mut noted: BTreeMap<usize, Noted> = BTreeMap::new();
        for (&i, sheet_notes) in &notes {
            let Some(part) = book.sheets[i].part.clone() else {
                continue;
            };
            let rels = pkg.rels(&part)?;
            let mut add = Vec::new();
            let shapes_for = |addrs: &[Addr]| -> Vec<(Addr, String)> {
                addrs
                    .iter()
                    .map(|a| (*a, sheet_notes[a].text.clone()))
                    .collect()
            };
            let comments = rels
                .iter()
                .find(|r| r.kind == REL_COMMENTS && !r.external && pkg.has(&r.target))
                .map(|r| r.target.clone());
            let shapes = match comments {
                Some(c) => {
                    let bytes = pkg.read(&c)?.unwrap_or_default();
                    let (new, patched) = notes::patch_comments(&bytes, sheet_notes)?;
                    deferred.push(c.clone());
                    replaced.insert(c.to_lowercase(), patched);
                    shapes_for(&new)
                }
                None => {
                    let name = free_part(&pkg, &taken, "xl/comments", "xml");
                    taken.push(name.clone());
                    new_parts.push((name.clone(), notes::new_comments(sheet_notes)));
                    overrides.push((name.clone(), CT_COMMENTS));
                    let mut all = rels.clone();
                    all.extend(add.iter().cloned());
                    add.push(workbook::rel(
                        package::free_rel_id(&all),
                        REL_COMMENTS,
                        name,
                    ));
                    shapes_for(&sheet_notes.keys().copied().collect::<Vec<_>>())
                }
            };
            // the drawings the sheet may already have: held back until we know which is its
            for r in rels.iter().filter(|r| r.kind == REL_VML && !r.external) {
                deferred.push(r.target.clone());
            }
            let mut all = rels.clone();
            all.extend(add.iter().cloned());
            let new_rid = package::free_rel_id(&all);
            if !shapes.is_empty() {
                sheet_edits.entry(i).or_default().legacy_drawing = Some(new_rid.clone());
            }
            deferred.push(package::rels_path(&part));
            noted.insert(
                i,
                Noted {
                    part,
                    rels,
                    add,
                    shapes,
                    new_rid,
                },
            );
        }

        // sheets we add
        let wb_rels = pkg.rels(&book.part)?;
        let mut wb_add: Vec<Rel> = Vec::new();
        let mut sheet_id = book.sheets.iter().map(|s| s.sheet_id).max().unwrap_or(0);
        let mut entries: Vec<Added> = Vec::new();
        let mut slots: Vec<usize> = Vec::new();
        for (sheet, first) in &mut added {
            let part = free_part(&pkg, &taken, "xl/worksheets/sheet", "xml");
            taken.push(part.clone());
            let mut all = wb_rels.clone();
            all.extend(wb_add.iter().cloned());
            let rid = package::free_rel_id(&all);
            wb_add.push(workbook::rel(rid.clone(), REL_WORKSHEET, part.clone()));
            overrides.push((part.clone(), CT_WORKSHEET));
            sheet_id += 1;
            entries.push(Added {
                name: sheet.name.clone(),
                rel_id: rid,
                sheet_id,
                first: *first,
                print_titles: sheet.print_titles.clone(),
            });
            if !sheet.notes.is_empty() {
                let comments = free_part(&pkg, &taken, "xl/comments", "xml");
                taken.push(comments.clone());
                let vml = free_part(&pkg, &taken, "xl/drawings/vmlDrawing", "vml");
                taken.push(vml.clone());
                new_parts.push((comments.clone(), notes::new_comments(&sheet.notes)));
                let shapes: Vec<(Addr, String)> = sheet
                    .notes
                    .iter()
                    .map(|(a, n)| (*a, n.text.clone()))
                    .collect();
                new_parts.push((vml.clone(), notes::new_vml(900 + sheet_id, &shapes)));
                need_vml = true;
                overrides.push((comments.clone(), CT_COMMENTS));
                let rels = vec![
                    workbook::rel("rIdZbNotes".into(), REL_VML, vml),
                    workbook::rel("rIdZbComments".into(), REL_COMMENTS, comments),
                ];
                new_parts.push((package::rels_path(&part), package::write_rels(&part, &rels)));
            }
            slots.push(new_parts.len());
            new_parts.push((part, Vec::new()));
        }

        // the styles part is written last of all: sheets derive formats while streaming
        let wb_rels_path = package::rels_path(&book.part);
        let styles_part = wb_rels
            .iter()
            .find(|r| r.kind == REL_STYLES && !r.external)
            .map(|r| r.target.clone());
        let styles_name = match &styles_part {
            Some(p) => p.clone(),
            None => {
                let p = "xl/styles.xml".to_string();
                let mut all = wb_rels.clone();
                all.extend(wb_add.iter().cloned());
                wb_add.push(workbook::rel(
                    package::free_rel_id(&all),
                    REL_STYLES,
                    p.clone(),
                ));
                overrides.push((p.clone(), CT_STYLES));
                p
            }
        };
        deferred.push(styles_name.clone());
        // a value we set may feed a formula whose cached result is now stale: spreadsheet
        // programs recalculate on opening the copy
        let recalc = sheet_edits
            .values()
            .any(|e| e.cells.values().any(|c| c.value.is_some()));
        if !added.is_empty() || !wb_add.is_empty() || recalc {
            deferred.push(book.part.clone());
            deferred.push(wb_rels_path.clone());
        }
        deferred.push("[Content_Types].xml".into());
        let deferred_lower: Vec<String> = deferred.iter().map(|d| d.to_lowercase()).collect();

        let patch_parts: HashMap<String, usize> = sheet_edits
            .iter()
            .filter(|(_, e)| !e.is_empty())
            .filter_map(|(&i, _)| book.sheets[i].part.as_ref().map(|p| (p.to_lowercase(), i)))
            .collect();

        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let mut found_drawing: HashMap<usize, Option<String>> = HashMap::new();
        let mut held: Vec<usize> = Vec::new();
        for entry in 0..pkg.len() {
            let name = pkg.entry_name(entry);
            let lower = name.to_lowercase();
            if pkg.entry(&name) != Some(entry) {
                // a second entry of the same name: nobody reads it; keep it as it is
                pkg.copy_raw(entry, &mut out)?;
                continue;
            }
            if let Some(&i) = patch_parts.get(&lower) {
                out.start_file(name.clone(), options())
                    .map_err(package::save_error)?;
                let input = BufReader::with_capacity(1 << 16, pkg.stream(entry)?);
                // the writer of events writes a few bytes at a time; the compressor wants blocks
                let mut sink = std::io::BufWriter::with_capacity(1 << 16, &mut out);
                let patched =
                    sheet::patch(input, &mut sink, &sheet_edits[&i], &mut styles, date1904)?;
                sink.flush().map_err(|e| EditError::Save(e.to_string()))?;
                drop(sink);
                found_drawing.insert(i, patched.legacy_drawing);
                continue;
            }
            if deferred_lower.contains(&lower) {
                held.push(entry);
                continue;
            }
            pkg.copy_raw(entry, &mut out)?;
        }

        // notes' drawings, now that each sheet said which drawing is its own
        let mut sheet_rels: Vec<(String, Vec<Rel>, Vec<Rel>)> = Vec::new();
        for (i, mut n) in noted {
            if !n.shapes.is_empty() {
                let existing = found_drawing
                    .get(&i)
                    .cloned()
                    .flatten()
                    .and_then(|rid| n.rels.iter().find(|r| r.id == rid && !r.external).cloned())
                    .filter(|r| pkg.has(&r.target));
                match existing {
                    Some(r) => {
                        let bytes = pkg.read(&r.target)?.unwrap_or_default();
                        replaced.insert(
                            r.target.to_lowercase(),
                            notes::patch_vml(&bytes, &n.shapes)?,
                        );
                    }
                    None => {
                        let vml = free_part(&pkg, &taken, "xl/drawings/vmlDrawing", "vml");
                        taken.push(vml.clone());
                        new_parts.push((vml.clone(), notes::new_vml(100 + i as u32, &n.shapes)));
                        need_vml = true;
                        n.add.push(workbook::rel(n.new_rid.clone(), REL_VML, vml));
                    }
                }
            }
            if !n.add.is_empty() {
                sheet_rels.push((n.part, n.rels, n.add));
            }
        }
        for (part, rels, add) in sheet_rels {
            let path = package::rels_path(&part);
            let bytes = match pkg.read(&path)? {
                Some(b) if !rels.is_empty() || !b.is_empty() => package::add_rels(&b, &part, &add)?,
                _ => package::write_rels(&part, &add),
            };
            if pkg.has(&path) {
                replaced.insert(path.to_lowercase(), bytes);
            } else {
                new_parts.push((path, bytes));
            }
        }

        // the sheets we add
        for ((sheet, _), slot) in added.iter().zip(slots) {
            new_parts[slot].1 = sheet.write(date1904);
        }

        if !entries.is_empty() || recalc {
            let bytes = pkg
                .read(&book.part)?
                .ok_or_else(|| EditError::Open("工作簿缺少 workbook.xml".into()))?;
            replaced.insert(
                book.part.to_lowercase(),
                workbook::patch_workbook(&bytes, &book, &entries, recalc)?,
            );
        }
        if !wb_add.is_empty() {
            let bytes = match pkg.read(&wb_rels_path)? {
                Some(b) => package::add_rels(&b, &book.part, &wb_add)?,
                None => package::write_rels(&book.part, &wb_add),
            };
            if pkg.has(&wb_rels_path) {
                replaced.insert(wb_rels_path.to_lowercase(), bytes);
            } else {
                new_parts.push((wb_rels_path.clone(), bytes));
            }
        }
        if styles.changed() || styles_part.is_none() {
            let bytes = styles.write()?;
            if pkg.has(&styles_name) {
                replaced.insert(styles_name.to_lowercase(), bytes);
            } else {
                new_parts.push((styles_name.clone(), bytes));
            }
        }
        // content types
        {
            let ct = pkg.read("[Content_Types].xml")?.unwrap_or_else(|| {
                b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".to_vec()
            });
            let text = String::from_utf8_lossy(&ct).to_lowercase();
            let mut add = String::new();
            if need_vml && !text.contains("extension=\"vml\"") {
                add.push_str(&format!(
                    "<Default Extension=\"vml\" ContentType=\"{CT_VML}\"/>"
                ));
            }
            for (part, ctype) in &overrides {
                add.push_str(&format!(
                    "<Override PartName=\"/{}\" ContentType=\"{ctype}\"/>",
                    xml::attr_value(part)
                ));
            }
            let bytes = if add.is_empty() {
                ct
            } else {
                package::insert_before_root_end(&ct, &add)?
            };
            if pkg.has("[Content_Types].xml") {
                replaced.insert("[content_types].xml".into(), bytes);
            } else {
                new_parts.push(("[Content_Types].xml".into(), bytes));
            }
        }

        for entry in held {
            let name = pkg.entry_name(entry);
            match replaced.get(&name.to_lowercase()) {
                Some(bytes) => {
                    out.start_file(name, options())
                        .map_err(package::save_error)?;
                    out.write_all(bytes)
                        .map_err(|e| EditError::Save(e.to_string()))?;
                }
                None => pkg.copy_raw(entry, &mut out)?,
            }
        }
        for (name, bytes) in new_parts {
            out.start_file(name, options())
                .map_err(package::save_error)?;
            out.write_all(&bytes)
                .map_err(|e| EditError::Save(e.to_string()))?;
        }
        let cursor = out.finish().map_err(package::save_error)?;
        Ok(cursor.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

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
        assert!(!valid_sheet_name("History"));
        assert!(!valid_sheet_name("a\u{1}b"));
        assert!(!valid_sheet_name(&"长".repeat(32)));
    }

    fn user_workbook() -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let bold = rust_xlsxwriter::Format::new()
            .set_bold()
            .set_border(rust_xlsxwriter::FormatBorder::Thin);
        let ws = wb.add_worksheet();
        ws.set_name("汇总表").unwrap();
        ws.write_string_with_format(0, 0, "标题", &bold).unwrap();
        ws.write_number(1, 1, 20.0).unwrap();
        ws.write_formula(2, 2, "=B2+1").unwrap();
        ws.write_string(3, 0, " ").unwrap();
        ws.merge_range(5, 0, 5, 2, "合并", &bold).unwrap();
        ws.insert_note(
            0,
            0,
            &rust_xlsxwriter::Note::new("用户的批注").set_author("张三"),
        )
        .unwrap();
        let other = wb.add_worksheet();
        other.set_name("明细表").unwrap();
        other.write_string(0, 0, "不动").unwrap();
        wb.save_to_buffer().unwrap()
    }

    /// A one-sheet workbook like our templates: a merged title, a drop-down, print titles.
    fn template_workbook() -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let title = rust_xlsxwriter::Format::new().set_bold().set_font_size(16);
        let ws = wb.add_worksheet();
        ws.set_name("模板").unwrap();
        ws.merge_range(0, 0, 0, 3, "软件正版化工作信息统计表", &title)
            .unwrap();
        ws.write_string(1, 0, "单位名称").unwrap();
        let choice = rust_xlsxwriter::DataValidation::new()
            .allow_list_strings(&["国内", "国外"])
            .unwrap();
        ws.add_data_validation(2, 0, 19, 0, &choice).unwrap();
        ws.set_repeat_rows(1, 1).unwrap();
        wb.save_to_buffer().unwrap()
    }

    fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut f = zip.by_index(i).unwrap();
                let mut v = Vec::new();
                f.read_to_end(&mut v).unwrap();
                (f.name().map(|n| n.to_string()).unwrap_or_default(), v)
            })
            .collect()
    }

    /// Every change the editor offers, on a workbook written by another program: the copy
    /// is well-formed, unchanged parts are the user's bytes, an independent reader sees
    /// every change, and the same edits give the same bytes.
    #[test]
    fn every_change_survives_a_save_and_nothing_else_changes() {
        let input = user_workbook();
        let edit = || {
            let mut ed = Editor::open(&input).unwrap();
            assert!(ed.is_blank("汇总表", "A4").unwrap(), "a space is blank");
            assert!(!ed.is_blank("汇总表", "A1").unwrap());
            assert!(ed.has_formula("汇总表", "C3").unwrap());
            assert!(!ed.is_unformatted("汇总表", "A1").unwrap());
            assert!(ed.is_unformatted("汇总表", "B2").unwrap());
            assert_eq!(
                ed.merged_area("汇总表", "B6").unwrap(),
                Some((Addr::new(5, 0), Addr::new(5, 2)))
            );
            ed.set("汇总表", "B2", &Value::Number(21.0)).unwrap();
            ed.fill("汇总表", "B2", DERIVED_FILL).unwrap();
            ed.set("汇总表", "D8", &Value::Text("001\u{1}<x>".into()))
                .unwrap();
            let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
            ed.set("汇总表", "E8", &Value::Date(day)).unwrap();
            ed.copy_row_format("汇总表", 0, 9..10, (0, 0)).unwrap();
            assert!(ed.note("汇总表", "A1", "诊断", Existing::Append).unwrap());
            assert!(ed.note("汇总表", "B2", "算出", Existing::Keep).unwrap());
            ed.tab_color("汇总表", "FFFF0000").unwrap();
            ed.add_sheet("诊断报告", true).unwrap();
            assert!(matches!(
                ed.add_sheet("诊断报告", true),
                Err(EditError::SheetExists(_))
            ));
            assert!(matches!(
                ed.add_sheet("a/b", false),
                Err(EditError::BadSheetName(_))
            ));
            ed.set("诊断报告", "A1", &Value::Text("序号".into()))
                .unwrap();
            ed.look(
                "诊断报告",
                "A1",
                Look {
                    bold: true,
                    ..Look::default()
                },
            )
            .unwrap();
            ed.link("诊断报告", "B2", "'汇总表'!B2", "转到").unwrap();
            ed.column_width("诊断报告", 0, 30.0).unwrap();
            ed.freeze("诊断报告", "A2").unwrap();
            ed.autofilter("诊断报告", "A1:D2").unwrap();
            ed.landscape("诊断报告").unwrap();
            let t = template_workbook();
            let from = "模板";
            ed.add_sheet_from(&t, from, "信息统计表").unwrap();
            ed.insert_rows("信息统计表", 20, 2).unwrap();
            ed.note("信息统计表", "A1", "由 zhengban 添加", Existing::Replace)
                .unwrap();
            ed.save().unwrap()
        };
        let saved = edit();
        assert!(saved == edit(), "the same edits give the same bytes");

        let before = parts(&input);
        let after = parts(&saved);
        for (name, bytes) in &after {
            if name.ends_with(".xml") || name.ends_with(".rels") {
                let mut r = quick_xml::Reader::from_reader(&bytes[..]);
                let mut buf = Vec::new();
                loop {
                    match r.read_event_into(&mut buf) {
                        Ok(quick_xml::events::Event::Eof) => break,
                        Ok(_) => {}
                        Err(e) => panic!("{name}: {e}"),
                    }
                    buf.clear();
                }
            }
        }
        for name in [
            "docProps/app.xml",
            "docProps/core.xml",
            "xl/theme/theme1.xml",
            "xl/worksheets/sheet2.xml",
            "xl/sharedStrings.xml",
        ] {
            assert_eq!(before.get(name), after.get(name), "{name} is the user's");
        }
        let tabs = |b: &BTreeMap<String, Vec<u8>>, n: &str| {
            String::from_utf8_lossy(&b[n])
                .matches("tabSelected=\"1\"")
                .count()
        };
        assert_eq!(tabs(&before, "xl/worksheets/sheet1.xml"), 1);
        assert_eq!(
            tabs(&after, "xl/worksheets/sheet1.xml"),
            0,
            "one selected tab: the report's"
        );

        let back = umya_spreadsheet::reader::xlsx::read_reader(Cursor::new(saved), true).unwrap();
        assert_eq!(
            back.sheet_collection()[0].name(),
            "诊断报告",
            "the report comes first"
        );
        let ws = back.sheet_by_name("汇总表").unwrap();
        assert_eq!(ws.cell("B2").unwrap().value_number(), Some(21.0));
        assert_eq!(
            ws.cell("B2")
                .unwrap()
                .style()
                .background_color()
                .unwrap()
                .argb_str(),
            DERIVED_FILL
        );
        assert_eq!(
            ws.cell("D8").unwrap().value(),
            "001\\u{1}<x>",
            "a code stays text, a control character is shown, not written"
        );
        assert_eq!(ws.cell("E8").unwrap().value_number(), Some(46351.0));
        assert!(
            ws.cell("A1").unwrap().style().font().unwrap().bold(),
            "the user's format stays"
        );
        let note = |c: &str| {
            ws.comments()
                .iter()
                .find(|n| n.coordinate().to_string() == c)
                .map(|n| {
                    n.text()
                        .text()
                        .map(|t| t.value().to_string())
                        .unwrap_or_else(|| {
                            n.text()
                                .rich_text()
                                .map(|r| r.text().to_string())
                                .unwrap_or_default()
                        })
                })
        };
        let a1 = note("A1").unwrap();
        assert!(a1.contains("用户的批注\n\n【zhengban 诊断】\n诊断"), "{a1}");
        assert_eq!(note("B2").as_deref(), Some("算出"));
        let added = back.sheet_by_name("信息统计表").unwrap();
        assert_eq!(
            added.cell("A1").unwrap().value(),
            "软件正版化工作信息统计表"
        );
        assert_eq!(added.merge_cells()[0].range(), "A1:D1");
        let dv: Vec<String> = added.data_validations().unwrap().data_validation_list()[0]
            .sequence_of_references()
            .range_collection()
            .iter()
            .map(|r| r.range())
            .collect();
        assert_eq!(
            dv,
            ["A3:A22"],
            "the drop-down grew over the two rows inserted"
        );
    }

    #[test]
    fn dates_are_serials() {
        let d = NaiveDate::from_ymd_opt(2026, 4, 20).unwrap();
        assert_eq!(serial(d, false), 46132.0);
        assert_eq!(serial(d, true), 46132.0 - 1462.0);
    }
}
