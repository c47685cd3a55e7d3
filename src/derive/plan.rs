//! What `derive` will change, as plain data: per file, the cells to set, the rows to add
//! to a table the unit has, and the sheets to add from our templates — sheet names, A1
//! cells, values and marks, nothing of the reader's types — plus the cells the clerk filled
//! that disagree with the ledgers. [`super::write`] carries a plan out on a copy of each
//! workbook; the command prints it.

use std::sync::Arc;

use crate::base::CellRef;
use crate::edit::{Addr, Value};
use crate::schema::TableKind;

use crate::rules::facts::statistics::DerivedStatistics;

/// How a written cell is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Computed by the tool: light green, and a note saying so.
    Derived,
    /// Left for the clerk to fill in: light yellow.
    ToFill,
    /// Printed text of an added table (title, labels): no mark.
    Plain,
}

/// When a cell edit may be carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Only if the cell is blank in the workbook (the normal case: fill what is missing).
    IfBlank,
    /// Also over what the clerk typed (`--overwrite-derived`); never over a formula.
    Overwrite,
}

/// One cell of a sheet the unit has.
#[derive(Debug, Clone, PartialEq)]
pub struct CellEdit {
    /// The sheet.
    pub sheet: String,
    /// The cell.
    pub cell: Addr,
    /// The value to store.
    pub value: Value,
    /// Its mark.
    pub mark: Mark,
    /// The note on the cell (below "由 zhengban 生成"): where the value comes from.
    pub note: String,
    /// Whether it may replace what is there.
    pub when: When,
    /// What the cell is, for the summary ("汇总表 RJ001 安装数量").
    pub what: String,
}

/// One row added to a list table.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRow {
    /// (column, value, mark); a cell with no value and [`Mark::ToFill`] is left blank for
    /// the clerk and highlighted.
    pub cells: Vec<(u32, Option<Value>, Mark)>,
    /// The note on the row's first written cell.
    pub note: String,
    /// What the row is, for the summary.
    pub what: String,
}

/// Rows added below the data of a list table the unit has (free list, 软件分类).
#[derive(Debug, Clone, PartialEq)]
pub struct RowsEdit {
    /// The sheet.
    pub sheet: String,
    /// The first row that may take a new row: the row after the table's last data row.
    pub from_row: u32,
    /// The last row of the table's region when another table follows on the sheet; rows
    /// are never written past it.
    pub last_row: Option<u32>,
    /// A row counts as free when these columns are blank.
    pub key_cols: Vec<u32>,
    /// A data row whose format new rows take when they have none (borders, number formats).
    pub style_row: Option<u32>,
    /// The table's first and last column.
    pub cols: (u32, u32),
    /// The rows.
    pub rows: Vec<NewRow>,
    /// The table, for the summary ("可使用免费软件清单").
    pub table: String,
}

/// Rows to add to a sheet taken from a template whose pre-printed rows are too few.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grow {
    /// The last pre-printed data row (0-based): the format the added rows take.
    pub last_printed: u32,
    /// How many rows to add after it.
    pub extra: u32,
    /// Whether rows must be inserted (something follows the table: 共计, approvals) rather
    /// than formatted below it.
    pub insert: bool,
    /// The table's first and last column.
    pub cols: (u32, u32),
}

/// A sheet added from one of our templates (`crate::templates::table_workbook`).
#[derive(Debug, Clone, PartialEq)]
pub struct NewSheet {
    /// Its name, in the unit's layout.
    pub name: String,
    /// Which template.
    pub kind: TableKind,
    /// Rows added to the template's pre-printed ones (carried out before `cells`).
    pub grow: Option<Grow>,
    /// Cells to set, in the sheet as it is after `grow`.
    pub cells: Vec<(Addr, Value, Mark)>,
    /// Blank cells highlighted for the clerk.
    pub to_fill: Vec<Addr>,
    /// The title cell and the note it carries (one note for a sheet the tool wrote).
    pub note: (Addr, String),
    /// What the sheet is, for the summary.
    pub what: String,
}

/// Everything that changes in one file of the unit.
#[derive(Debug, Clone, PartialEq)]
pub struct FileEdits {
    /// The file, as the unit names it ([`crate::ledger::Unit::files`]).
    pub file: Arc<str>,
    /// Cells of sheets it has.
    pub cells: Vec<CellEdit>,
    /// Rows added to its list tables.
    pub rows: Vec<RowsEdit>,
    /// Sheets added to it.
    pub sheets: Vec<NewSheet>,
}

impl FileEdits {
    /// An empty set of edits of `file`.
    pub fn new(file: Arc<str>) -> Self {
        FileEdits {
            file,
            cells: Vec::new(),
            rows: Vec::new(),
            sheets: Vec::new(),
        }
    }

    /// Whether nothing changes.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty() && self.rows.is_empty() && self.sheets.is_empty()
    }
}

/// A cell the clerk filled that disagrees with what the ledgers give.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// The cell.
    pub cell: CellRef,
    /// What it is ("汇总表 RJ001 安装数量").
    pub what: String,
    /// What the clerk typed.
    pub typed: String,
    /// What the ledgers give.
    pub derived: String,
    /// The rule that reports the disagreement in `check`.
    pub code: &'static str,
    /// Whether the plan replaces it (`--overwrite-derived`).
    pub replaced: bool,
}

/// What `derive` does to a unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The statistics year.
    pub year: i32,
    /// The edits, per changed file, in the unit's file order.
    pub files: Vec<FileEdits>,
    /// Filled cells that disagree with the ledgers.
    pub conflicts: Vec<Conflict>,
    /// What could not be derived, and why (Chinese, for the summary).
    pub skipped: Vec<String>,
    /// The statistics table of the year, as derived.
    pub statistics: DerivedStatistics,
}

impl Plan {
    /// Whether the plan changes nothing.
    pub fn is_empty(&self) -> bool {
        self.files.iter().all(FileEdits::is_empty)
    }

    /// The edits of a file, created on first use.
    pub fn file_mut(&mut self, file: &Arc<str>) -> &mut FileEdits {
        match self.files.iter().position(|f| &f.file == file) {
            Some(i) => &mut self.files[i],
            None => {
                self.files.push(FileEdits::new(file.clone()));
                self.files.last_mut().expect("just pushed")
            }
        }
    }
}
