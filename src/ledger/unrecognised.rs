//! What a sheet holds where no table was found: nothing, some text (a cover, notes), or a
//! table of a kind the reader does not know. `inspect` says which, and rule ZB013 tells the
//! clerk about a table that may be a ledger the reader could not place.

use crate::workbook::{Cell, Sheet};

/// What a sheet holds where no table was found: what `inspect` says about it, and whether
/// it looks like a table the reader could not place (rule ZB013).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "holds")]
pub enum Unrecognised {
    /// Nothing typed.
    Empty,
    /// Text that is no table (a cover page, notes): its first text.
    Text {
        /// Row and column of the first text (0-based).
        at: (u32, u32),
        /// The text, shortened.
        text: String,
    },
    /// A row of column headers over rows of values: a table of a kind not known.
    Grid {
        /// The header row (0-based).
        row: u32,
        /// Its first column (0-based).
        col: u32,
        /// The header texts, in order.
        headers: Vec<String>,
        /// Rows of values under it.
        rows: u32,
    },
}

/// What a sheet without a table holds: a grid of a header row (three or more short texts)
/// with values under it, other text, or nothing. Looks at the first 60 rows.
pub fn unrecognised(sheet: &Sheet) -> Unrecognised {
    let short_texts = |r: u32| -> Vec<(u32, String)> {
        sheet
            .rows
            .get(r as usize)
            .map(|row| {
                row.iter()
                    .enumerate()
                    .filter_map(|(c, cell)| match cell {
                        Cell::Text(t)
                            if !t.trim().is_empty()
                                && t.chars().count() <= 24
                                && t.trim().parse::<f64>().is_err() =>
                        {
                            Some((c as u32, t.split_whitespace().collect::<Vec<_>>().join(" ")))
                        }
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let typed = |r: u32| {
        sheet
            .rows
            .get(r as usize)
            .map_or(0, |row| row.iter().filter(|c| !c.is_blank()).count())
    };
    let scan = sheet.height().min(60);
    for r in 0..scan {
        let heads = short_texts(r);
        if heads.len() < 3 {
            continue;
        }
        let rows = (r + 1..sheet.height().min(r + 200))
            .filter(|&x| typed(x) >= 2)
            .count() as u32;
        if rows >= 1 {
            return Unrecognised::Grid {
                row: r,
                col: heads[0].0,
                headers: heads.into_iter().map(|(_, t)| t).collect(),
                rows,
            };
        }
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        if let Some((c, cell)) = row.iter().enumerate().find(|(_, c)| !c.is_blank()) {
            let text = cell.display();
            let text = match text.char_indices().nth(30) {
                Some((at, _)) => format!("{}…", &text[..at]),
                None => text,
            };
            return Unrecognised::Text {
                at: (r as u32, c as u32),
                text: text.trim().to_string(),
            };
        }
    }
    Unrecognised::Empty
}
