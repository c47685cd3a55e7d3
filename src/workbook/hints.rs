//! What a user says about a layout the reader cannot work out (zhengban.toml's `[[table]]`
//! and `[columns]`): which sheet holds which table, where its column header is, and what a
//! column header means. Plain data: the configuration fills it, the locator and the header
//! matcher follow it, and `inspect` shows where each mapping came from.

use crate::base::text::norm;
use crate::schema::TableKind;

/// Everything the user said about layouts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LayoutHints {
    /// Tables placed by hand.
    pub tables: Vec<TableHint>,
    /// Column headers that mean a field in every table of a kind.
    pub columns: Vec<(TableKind, ColumnHint)>,
}

/// One table placed by hand.
#[derive(Debug, Clone, PartialEq)]
pub struct TableHint {
    /// Only in files whose name (or path) ends with this; any file when `None`.
    pub file: Option<String>,
    /// The sheet's name.
    pub sheet: String,
    /// The table it holds.
    pub kind: TableKind,
    /// The column header's (first) row, 0-based; found as usual when `None`.
    pub header_row: Option<u32>,
    /// Column headers of this table that mean a field.
    pub columns: Vec<ColumnHint>,
}

/// A column header that means a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnHint {
    /// The header, normalised ([`norm`]).
    pub header: String,
    /// The field's key in the table's columns (`computer`, `installed_on` …).
    pub key: &'static str,
}

impl ColumnHint {
    /// A hint for header text as typed.
    pub fn new(header: &str, key: &'static str) -> Self {
        ColumnHint {
            header: norm(header),
            key,
        }
    }
}

impl LayoutHints {
    /// Whether the user said nothing.
    pub fn is_empty(&self) -> bool {
        self.tables.is_empty() && self.columns.is_empty()
    }

    /// The column hints for every table of a kind.
    pub fn columns_for(&self, kind: TableKind) -> Vec<ColumnHint> {
        self.columns
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, h)| h.clone())
            .collect()
    }

    /// The tables placed by hand in a sheet of a file, in header-row order.
    pub fn tables_in(&self, file: &str, sheet: &str) -> Vec<&TableHint> {
        let mut found: Vec<&TableHint> = self
            .tables
            .iter()
            .filter(|t| t.sheet.trim() == sheet.trim())
            .filter(|t| {
                t.file.as_deref().is_none_or(|f| {
                    let f = f.trim();
                    file == f || file.ends_with(&format!("/{f}")) || file.ends_with(f)
                })
            })
            .collect();
        found.sort_by_key(|t| t.header_row);
        found
    }
}
