//! Workbooks as plain cell grids, independent of the spreadsheet library that read them.
//!
//! Everything above this module (locating tables, parsing ledgers, rules) sees only these
//! types, so calamine stays an implementation detail of `open.rs`.

mod grid;
pub mod hints;
pub mod infer;
pub mod layout;
mod limits;
pub mod locate;
mod ods_scan;
mod open;
mod package;
pub mod rows;
mod xls_scan;
mod xlsx_merges;

use std::sync::{Arc, OnceLock};

pub use limits::{Limits, MAX_COLS, MAX_ROWS};
pub use open::{open, open_with, OpenError};

use crate::base::number::{format_number, iso_date};
use crate::base::text;

/// One cell's value as stored (cached value for formulas).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Cell {
    /// Nothing in the cell.
    #[default]
    Empty,
    /// A string.
    Text(String),
    /// A number (xlsx stores every number as a float).
    Number(f64),
    /// A number formatted as a date: the Excel serial.
    Date(f64),
    /// A date written as ISO text by the file format (ods).
    DateIso(String),
    /// TRUE / FALSE.
    Bool(bool),
    /// A formula error such as `#REF!`.
    Error(String),
}

impl Cell {
    /// Whether the cell holds nothing visible (empty, or only whitespace).
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as a user would read it on screen (numbers without a trailing `.0`).
    pub fn display(&self) -> String {
        self.shown().into_owned()
    }

    /// [`Cell::display`] borrowed where the cell holds the text already: reading a ledger
    /// looks at every cell's text several times and keeps only part of it.
    pub fn shown(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s) | Cell::DateIso(s) | Cell::Error(s) => Cow::Borrowed(s),
            Cell::Number(n) => Cow::Owned(format_number(*n)),
            Cell::Date(serial) => Cow::Owned(match text::serial_to_date(*serial) {
                Some(d) => iso_date(d),
                None => format_number(*serial),
            }),
            Cell::Bool(b) => Cow::Borrowed(if *b { "TRUE" } else { "FALSE" }),
        }
    }
}

/// A merged region, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    /// First row.
    pub first_row: u32,
    /// First column.
    pub first_col: u32,
    /// Last row.
    pub last_row: u32,
    /// Last column.
    pub last_col: u32,
}

impl Merge {
    /// Whether the region covers (row, col).
    pub fn contains(&self, row: u32, col: u32) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_col..=self.last_col).contains(&col)
    }
}

/// One worksheet: a grid of cells from A1, each row as long as its last value.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The sheet's name.
    pub name: Arc<str>,
    /// Rows of cells, from row 0; rows may have different lengths.
    pub rows: Vec<Vec<Cell>>,
    /// Merged regions.
    pub merges: Vec<Merge>,
    /// Cells holding a formula (row, col), sorted.
    pub formulas: Vec<(u32, u32)>,
    /// The merged regions by row, built on the first [`Sheet::merge_at`].
    merge_index: OnceLock<MergeIndex>,
}

static EMPTY: Cell = Cell::Empty;

/// The merged regions covering each row (compressed rows: `items[start[r]..start[r + 1]]`
/// are the indices into `merges`, in order, of the regions that cover row `r`).
#[derive(Debug, Clone, Default)]
struct MergeIndex {
    /// `merges.len()` when built: a sheet whose merges were replaced afterwards searches them
    /// one by one instead.
    built_for: usize,
    start: Vec<u32>,
    items: Vec<u32>,
}

impl MergeIndex {
    /// Regions covering more rows than this in total are searched one by one (the reader
    /// refuses sheets over `Limits::max_merges` rows of merges, so only hand-built sheets get
    /// here).
    const MAX_ITEMS: u64 = 16_000_000;

    fn build(merges: &[Merge]) -> Option<MergeIndex> {
        let rows_of = |m: &Merge| m.first_row..=m.last_row.max(m.first_row);
        let total: u64 = merges.iter().map(|m| rows_of(m).count() as u64).sum();
        if total > Self::MAX_ITEMS {
            return None;
        }
        let end = merges
            .iter()
            .map(|m| m.last_row.max(m.first_row) as usize + 1)
            .max()?;
        let mut start = vec![0u32; end + 1];
        for m in merges {
            for r in rows_of(m) {
                start[r as usize + 1] += 1;
            }
        }
        for r in 0..end {
            start[r + 1] += start[r];
        }
        let mut fill = start.clone();
        let mut items = vec![0u32; total as usize];
        for (i, m) in merges.iter().enumerate() {
            for r in rows_of(m) {
                let at = &mut fill[r as usize];
                items[*at as usize] = i as u32;
                *at += 1;
            }
        }
        Some(MergeIndex {
            built_for: merges.len(),
            start,
            items,
        })
    }

    fn covering(&self, row: u32) -> &[u32] {
        let r = row as usize;
        match (self.start.get(r), self.start.get(r + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

impl Sheet {
    /// A sheet from its parts.
    pub fn new(
        name: Arc<str>,
        rows: Vec<Vec<Cell>>,
        merges: Vec<Merge>,
        formulas: Vec<(u32, u32)>,
    ) -> Self {
        Sheet {
            name,
            rows,
            merges,
            formulas,
            merge_index: OnceLock::new(),
        }
    }

    /// The cell at (row, col), 0-based; empty when outside the grid.
    pub fn get(&self, row: u32, col: u32) -> &Cell {
        self.rows
            .get(row as usize)
            .and_then(|r| r.get(col as usize))
            .unwrap_or(&EMPTY)
    }

    /// Number of rows in the grid.
    pub fn height(&self) -> u32 {
        self.rows.len() as u32
    }

    /// Number of columns of the widest row (a walk over every row: call it once per task,
    /// not once per row).
    pub fn width(&self) -> u32 {
        self.rows.iter().map(|r| r.len()).max().unwrap_or(0) as u32
    }

    /// The merged region that covers (row, col), if any (the first one listed, should regions
    /// overlap).
    pub fn merge_at(&self, row: u32, col: u32) -> Option<&Merge> {
        if self.merges.is_empty() {
            return None;
        }
        let index = self
            .merge_index
            .get_or_init(|| MergeIndex::build(&self.merges).unwrap_or_default());
        if index.built_for != self.merges.len() || index.start.is_empty() {
            return self.merges.iter().find(|m| m.contains(row, col));
        }
        index
            .covering(row)
            .iter()
            .map(|&i| &self.merges[i as usize])
            .find(|m| m.contains(row, col))
    }

    /// The value shown at (row, col): inside a merged region, the top-left cell's value.
    pub fn shown(&self, row: u32, col: u32) -> &Cell {
        match self.merge_at(row, col) {
            Some(m) => self.get(m.first_row, m.first_col),
            None => self.get(row, col),
        }
    }

    /// Whether (row, col) holds a formula.
    pub fn is_formula(&self, row: u32, col: u32) -> bool {
        self.formulas.binary_search(&(row, col)).is_ok()
    }

    /// Whether every cell of the row is blank.
    pub fn row_is_blank(&self, row: u32) -> bool {
        self.rows
            .get(row as usize)
            .is_none_or(|r| r.iter().all(Cell::is_blank))
    }
}

/// A sheet of text cells ("" is an empty cell), for unit tests of the layers above.
#[cfg(test)]
pub(crate) fn text_sheet<R: AsRef<[S]>, S: AsRef<str>>(name: &str, rows: &[R]) -> Sheet {
    Sheet::new(
        Arc::from(name),
        rows.iter()
            .map(|r| {
                r.as_ref()
                    .iter()
                    .map(|s| match s.as_ref() {
                        "" => Cell::Empty,
                        t => Cell::Text(t.to_string()),
                    })
                    .collect()
            })
            .collect(),
        Vec::new(),
        Vec::new(),
    )
}

/// A workbook read into memory.
#[derive(Debug, Clone)]
pub struct Workbook {
    /// The path as the user gave it, for messages (non-Unicode bytes escaped: see
    /// `base::path::shown`).
    pub file: Arc<str>,
    /// The path itself, to open the file again (the annotated copy, derive): never rebuilt
    /// from `file`, which names another file or none when the name is not Unicode.
    pub path: std::path::PathBuf,
    /// The sheets, in workbook order.
    pub sheets: Vec<Sheet>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_display_like_a_spreadsheet() {
        assert_eq!(Cell::Date(45047.0).display(), "2023-05-01");
        assert_eq!(Cell::Number(13812345678.0).display(), "13812345678");
    }

    #[test]
    fn merge_lookup_finds_the_first_covering_region() {
        let m = |first_row, first_col, last_row, last_col| Merge {
            first_row,
            first_col,
            last_row,
            last_col,
        };
        let merges = vec![
            m(0, 0, 0, 12),
            m(3, 1, 9, 1),
            m(5, 1, 6, 3),
            m(20, 4, 20, 4),
        ];
        let mut s = text_sheet("S", &[["x"]]);
        s.merges = merges.clone();
        for row in 0..25 {
            for col in 0..15 {
                let linear = merges.iter().find(|g| g.contains(row, col));
                assert_eq!(s.merge_at(row, col), linear, "{row} {col}");
            }
        }
        // Merges replaced after the first lookup are still found.
        s.merges.push(m(30, 0, 31, 0));
        assert_eq!(s.merge_at(31, 0), Some(&m(30, 0, 31, 0)));
    }
}
