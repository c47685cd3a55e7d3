//! The rows that name the columns of a row outside a recognised list (a form's table, the
//! statistics table's sections): both drawings of a cell's row — the terminal grid and the
//! page's excerpt — show the cell under the labels the clerk sees above it in the sheet.

use crate::workbook::{Cell, Sheet};

/// Whether a row reads as column headers: at least two cells, all of them text, and not a
/// header block ("单位名称 | X | 填表人 | Y" is labels with values, not column headers).
fn is_header_like(sheet: &Sheet, row: u32) -> bool {
    let Some(cells) = sheet.rows.get(row as usize) else {
        return false;
    };
    let filled: Vec<_> = cells.iter().filter(|c| !c.is_blank()).collect();
    let header_block = filled.iter().any(|c| {
        let t = crate::base::text::norm(&c.display());
        ["单位名称", "填表人", "联系电话", "填表日期"]
            .iter()
            .any(|l| t.starts_with(l))
    });
    filled.len() >= 2 && !header_block && filled.iter().all(|c| matches!(c, Cell::Text(_)))
}

/// The rows just above `row` that read as column headers, at most two, nearest first.
pub(crate) fn header_rows_above(sheet: &Sheet, row: u32) -> Vec<u32> {
    (row.saturating_sub(2)..row)
        .rev()
        .take_while(|&r| is_header_like(sheet, r))
        .collect()
}
