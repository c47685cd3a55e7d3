//! Columns whose header the reader does not know, placed by the values under them: a table
//! that lacks its 软件类型 column but has one headed 属性 holding 商业软件 / 免费软件 has found
//! it. Only fields the header did not give are placed, each by one column whose values fit
//! it and no other column's do as well; `inspect` shows such a column as inferred. The
//! reader's value parsers judge the values ([`Shapes`]).

use crate::schema::ColumnSpec;
use crate::workbook::layout::{HeaderMatch, MappingSource};
use crate::workbook::{Cell, Sheet};

/// Values looked at per column: enough to tell, few enough to stay cheap on long tables.
const SAMPLE: usize = 60;

/// Share of a column's values that must fit a field for the column to be that field.
const FIT: f64 = 0.8;

/// Whether a cell's value fits the field `key` (`None`: the field cannot be told by its
/// values). The model's value parsers answer it; the reader of cells does not know them.
pub type Shapes<'a> = &'a dyn Fn(&str, &Cell) -> Option<bool>;

/// Fields that share a shape: a column fitting one fits the others, so it tells none of them
/// apart unless only one of them is missing.
fn shape(key: &str) -> &str {
    match key {
        "installed" | "count" | "license_count" => "count",
        "installed_on" | "date" | "purchased_on" => "date",
        other => other,
    }
}

/// Place unknown header columns by their values (see the module documentation).
pub fn infer_columns(
    sheet: &Sheet,
    header: &mut HeaderMatch,
    specs: &[ColumnSpec],
    rows: &[u32],
    fits: Shapes,
) {
    if header.unknown.is_empty() || rows.is_empty() {
        return;
    }
    let matched = |key: &str| {
        header.columns.iter().any(|(_, i)| {
            specs[*i].key == key || (key == "kind" && specs[*i].key.starts_with("kind_"))
        })
    };
    // Required fields first: a column of dates is the 安装日期 a table must have before it is
    // the 许可期限 it may have (an end date reads as a term too).
    let mut wanted: Vec<usize> = specs
        .iter()
        .enumerate()
        .filter(|(_, s)| fits(s.key, &Cell::Empty).is_some() && !matched(s.key))
        .map(|(i, _)| i)
        .collect();
    wanted.sort_by_key(|&i| !specs[i].required);
    if wanted.is_empty() {
        return;
    }
    // (column, share of its values fitting each wanted field)
    // A column is sampled once, though a two-row header may leave two unknown cells over it.
    let mut columns: Vec<u32> = header.unknown.iter().map(|u| u.1).collect();
    columns.sort_unstable();
    columns.dedup();
    let sampled: Vec<(u32, Vec<f64>)> = columns
        .into_iter()
        .map(|col| {
            let cells: Vec<&Cell> = rows
                .iter()
                .map(|&r| sheet.shown(r, col))
                .filter(|c| !c.is_blank())
                .take(SAMPLE)
                .collect();
            let shares = wanted
                .iter()
                .map(|&i| {
                    if cells.len() < 2 {
                        return 0.0;
                    }
                    let fit = cells
                        .iter()
                        .filter(|c| fits(specs[i].key, c) == Some(true))
                        .count();
                    fit as f64 / cells.len() as f64
                })
                .collect();
            (col, shares)
        })
        .collect();
    let mut placed: Vec<(u32, usize)> = Vec::new();
    for (w, &i) in wanted.iter().enumerate() {
        // Another wanted field of the same shape: the values cannot tell which.
        let twins = wanted
            .iter()
            .filter(|&&j| shape(specs[j].key) == shape(specs[i].key))
            .count();
        if twins > 1 {
            continue;
        }
        let fitting: Vec<u32> = sampled
            .iter()
            .filter(|(col, shares)| shares[w] >= FIT && !placed.iter().any(|(c, _)| c == col))
            .map(|(col, _)| *col)
            .collect();
        if let [col] = fitting.as_slice() {
            placed.push((*col, i));
        }
    }
    for (col, i) in placed {
        header.columns.push((col, i));
        header.mapped.push((col, MappingSource::Inferred));
        header.unknown.retain(|(_, c, _)| *c != col);
    }
    header.columns.sort_unstable();
    header.missing = specs
        .iter()
        .enumerate()
        .filter(|(i, s)| s.required && !header.columns.iter().any(|(_, j)| j == i))
        .map(|(i, _)| i)
        .collect();
}
