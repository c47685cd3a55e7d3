//! Building a [`Sheet`]'s rows from cells as the file lists them, within the cell budget.
//!
//! Rows are stored from row 0 and each row from column A up to its last value, so the cost of
//! a sheet is what it holds, never its declared extent: one cell at XFD1048576 costs one row of
//! 16,384 slots and a million empty row headers, not a dense grid of 17 billion cells.

use super::limits::{count, Limits, MAX_COLS, MAX_ROWS};
use super::xls_scan::over_text;
use super::{Cell, Merge, OpenError};

/// Refuse a sheet whose merged regions span more rows, together, than `max_merges`.
pub(super) fn check_merges(
    sheet: &str,
    merges: &[Merge],
    limits: &Limits,
) -> Result<(), OpenError> {
    let mut rows: u64 = 0;
    for m in merges {
        rows = rows.saturating_add(m.last_row.saturating_sub(m.first_row) as u64 + 1);
        if rows > limits.max_merges {
            return Err(OpenError::OverLimit(format!(
                "工作表“{sheet}”的合并单元格过多（合并区域共跨 {} 行以上，合并区域数上限）",
                count(limits.max_merges)
            )));
        }
    }
    Ok(())
}

/// What the whole workbook has stored so far, against `max_workbook_cells`.
#[derive(Debug, Default)]
pub(super) struct Budget {
    used: u64,
    text: u64,
}

impl Budget {
    /// Charge `n` more cells of `sheet`; an error names the limit that was exceeded.
    pub(super) fn charge(
        &mut self,
        limits: &Limits,
        sheet: &str,
        sheet_used: &mut u64,
        n: u64,
    ) -> Result<(), OpenError> {
        *sheet_used = sheet_used.saturating_add(n);
        self.used = self.used.saturating_add(n);
        if *sheet_used > limits.max_sheet_cells {
            return Err(sheet_cells(sheet, limits));
        }
        if self.used > limits.max_workbook_cells {
            return Err(OpenError::OverLimit(format!(
                "整个工作簿的单元格超过 {} 个（工作簿单元格数上限）",
                count(limits.max_workbook_cells)
            )));
        }
        Ok(())
    }
}

/// The error for a sheet over `max_sheet_cells`.
pub(super) fn sheet_cells(sheet: &str, limits: &Limits) -> OpenError {
    OpenError::OverLimit(format!(
        "工作表“{sheet}”的单元格超过 {} 个（单个工作表单元格数上限）",
        count(limits.max_sheet_cells)
    ))
}

/// The error for a cell outside Excel's grid.
pub(super) fn outside_grid(sheet: &str, row: u64, col: u64) -> OpenError {
    OpenError::Corrupt(format!(
        "工作表“{sheet}”有单元格位于第 {} 行第 {} 列，超出表格软件的最大范围（{} 行 × {} 列）",
        row + 1,
        col + 1,
        count(MAX_ROWS as u64),
        count(MAX_COLS as u64)
    ))
}

/// Rows under construction for one sheet.
pub(super) struct Grid<'a> {
    name: &'a str,
    limits: &'a Limits,
    pub(super) rows: Vec<Vec<Cell>>,
    pub(super) formulas: Vec<(u32, u32)>,
    used: u64,
    /// The length of the row last grown: a sheet's rows are mostly alike, so a new row starts
    /// with room for as many cells and seldom grows, or shrinks at the end, again.
    width: usize,
}

impl<'a> Grid<'a> {
    pub(super) fn new(name: &'a str, limits: &'a Limits) -> Self {
        Grid {
            name,
            limits,
            rows: Vec::new(),
            formulas: Vec::new(),
            used: 0,
            width: 0,
        }
    }

    fn check_position(&self, row: u32, col: u32) -> Result<(), OpenError> {
        if row >= MAX_ROWS || col >= MAX_COLS {
            return Err(outside_grid(self.name, row as u64, col as u64));
        }
        Ok(())
    }

    /// Store a non-empty value at (row, col); a later value at the same place wins.
    pub(super) fn put(
        &mut self,
        budget: &mut Budget,
        row: u32,
        col: u32,
        cell: Cell,
    ) -> Result<(), OpenError> {
        self.check_position(row, col)?;
        let (r, c) = (row as usize, col as usize);
        if r >= self.rows.len() {
            budget.charge(
                self.limits,
                self.name,
                &mut self.used,
                (r + 1 - self.rows.len()) as u64,
            )?;
            self.rows.resize_with(r + 1, Vec::new);
        }
        let cells = &mut self.rows[r];
        if c >= cells.len() {
            budget.charge(
                self.limits,
                self.name,
                &mut self.used,
                (c + 1 - cells.len()) as u64,
            )?;
            if cells.capacity() == 0 {
                cells.reserve_exact(self.width.max(c + 1));
            }
            cells.resize(c + 1, Cell::Empty);
            self.width = c + 1;
        }
        if let Cell::Text(t) | Cell::DateIso(t) | Cell::Error(t) = &cell {
            budget.text = budget.text.saturating_add(t.len() as u64);
            if budget.text > self.limits.max_text_bytes {
                return Err(over_text(self.limits));
            }
        }
        cells[c] = cell;
        Ok(())
    }

    /// Record that (row, col) holds a formula.
    pub(super) fn formula(
        &mut self,
        budget: &mut Budget,
        row: u32,
        col: u32,
    ) -> Result<(), OpenError> {
        self.check_position(row, col)?;
        budget.charge(self.limits, self.name, &mut self.used, 1)?;
        self.formulas.push((row, col));
        Ok(())
    }

    /// The finished rows and the sorted formula positions.
    pub(super) fn finish(mut self) -> (Vec<Vec<Cell>>, Vec<(u32, u32)>) {
        self.formulas.sort_unstable();
        self.formulas.dedup();
        // Rows grew by doubling; a batch keeps many sheets, so give the slack back.
        for row in &mut self.rows {
            row.shrink_to_fit();
        }
        self.rows.shrink_to_fit();
        (self.rows, self.formulas)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_far_cell_costs_its_row_not_the_grid() {
        let limits = Limits::default();
        let mut budget = Budget::default();
        let mut g = Grid::new("S", &limits);
        g.put(&mut budget, 0, 0, Cell::Number(1.0)).unwrap();
        g.put(&mut budget, MAX_ROWS - 1, MAX_COLS - 1, Cell::Number(2.0))
            .unwrap();
        let (rows, _) = g.finish();
        assert_eq!(rows.len(), MAX_ROWS as usize);
        assert_eq!(rows[0].len(), 1);
        assert_eq!(rows[MAX_ROWS as usize - 1].len(), MAX_COLS as usize);
        assert!(budget.used < 1_100_000);
    }

    #[test]
    fn beyond_excel_is_damage_and_over_budget_names_the_limit() {
        let limits = Limits {
            max_sheet_cells: 100,
            ..Limits::default()
        };
        let mut budget = Budget::default();
        let mut g = Grid::new("S", &limits);
        assert!(matches!(
            g.put(&mut budget, MAX_ROWS, 0, Cell::Number(1.0)),
            Err(OpenError::Corrupt(_))
        ));
        let e = g.put(&mut budget, 0, 200, Cell::Number(1.0)).unwrap_err();
        assert!(e.to_string().contains("单元格数上限"), "{e}");
    }
}
