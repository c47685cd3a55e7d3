//! Where a value came from (file, sheet, cell) and the A1 names of cells: what every layer
//! above the reader speaks of, without knowing the grid.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Where a value came from: file, sheet and cell.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CellRef {
    /// The file, as the user named it.
    pub file: Arc<str>,
    /// The sheet name.
    pub sheet: Arc<str>,
    /// 0-based row.
    pub row: u32,
    /// 0-based column.
    pub col: u32,
}

impl CellRef {
    /// Build a reference.
    pub fn new(file: &Arc<str>, sheet: &Arc<str>, row: u32, col: u32) -> Self {
        CellRef {
            file: file.clone(),
            sheet: sheet.clone(),
            row,
            col,
        }
    }

    /// The A1 name of the cell (`M12`).
    pub fn a1(&self) -> String {
        a1(self.row, self.col)
    }

    /// The same row, another column.
    pub fn with_col(&self, col: u32) -> Self {
        CellRef {
            col,
            ..self.clone()
        }
    }
}

impl std::fmt::Display for CellRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} › {} › {}", self.file, self.sheet, self.a1())
    }
}

/// The column letters of a 0-based column index (`0` → `A`, `26` → `AA`).
pub fn column_letters(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The A1 name of a 0-based (row, col).
pub fn a1(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), row as u64 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_names() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(11, 12), "M12");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16383), "XFD");
    }
}
