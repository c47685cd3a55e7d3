//! 可使用免费软件清单 rows for the free software the summary uses but the list lacks
//! (derive.md 4): 序号, 软件编号 and 软件名称 from the summary; 软件来源, 厂商, 使用原因 … are
//! the information department's to fill and are left blank and highlighted. A unit without
//! a list gets one from our template.

use std::collections::BTreeSet;

use crate::base::CellRef;
use crate::edit::{Addr, Value};
use crate::ledger::free_list::FreeList;
use crate::ledger::summary::SummaryRow;
use crate::ledger::table::TableMeta;
use crate::ledger::values::{same_name, SoftwareKind};
use crate::schema::TableKind;

use super::blank::{blank, BlankError};
use super::layout::unique_name;
use super::plan::{Grow, Mark, NewRow, NewSheet, RowsEdit};
use super::{Ctx, NOTE};

/// The free summary rows the list lacks (as ZB410 tells them).
fn unlisted<'a>(rows: &'a [SummaryRow], list: Option<&FreeList>) -> Vec<&'a SummaryRow> {
    let mut seen = BTreeSet::new();
    rows.iter()
        .filter(|r| r.kind() == Some(SoftwareKind::Free))
        .filter(|r| {
            let Some(name) = r.name.value() else {
                return false;
            };
            let listed = list.is_some_and(|l| {
                l.rows.iter().any(|l| {
                    (r.id().is_some() && l.id.value().map(String::as_str) == r.id())
                        || l.name.value().is_some_and(|n| same_name(n, name))
                })
            });
            !listed && seen.insert(r.id().unwrap_or(name).to_string())
        })
        .collect()
}

/// The cells of one new row: 序号, 软件编号, 软件名称 derived, the rest for the clerk.
fn row_cells(meta: &TableMeta, seq: usize, row: &SummaryRow) -> NewRow {
    let mut cells = Vec::new();
    for c in &meta.columns {
        let value = match c.key {
            "seq" => Some(Value::Number(seq as f64)),
            "id" => row.id().map(|s| Value::Text(s.to_string())),
            "name" => row.name.value().map(|s| Value::Text(s.clone())),
            _ => None,
        };
        let mark = if value.is_some() {
            Mark::Derived
        } else {
            Mark::ToFill
        };
        cells.push((c.col, value, mark));
    }
    let id = row.id().unwrap_or_default();
    let name = row.name.value().cloned().unwrap_or_default();
    NewRow {
        cells,
        note: format!(
            "{NOTE}：汇总表中的免费软件 {name}（{id}）不在清单中；软件来源、厂商、使用部门和使用原因（黄色）请信息化部门填写"
        ),
        what: format!("{name}（{id}）"),
    }
}

/// Rows after the last data row of a list table: where new rows may go.
pub(crate) fn rows_edit(
    ctx: &Ctx,
    meta: &TableMeta,
    data_rows: &[u32],
    rows: Vec<NewRow>,
) -> RowsEdit {
    let header_last = meta.header_rows.map(|h| h.1).unwrap_or(meta.first_row);
    let last_data = data_rows.iter().copied().max();
    let followed =
        ctx.unit.tables().iter().any(|(m, _)| {
            m.file == meta.file && m.sheet == meta.sheet && m.first_row > meta.first_row
        });
    let cols: Vec<u32> = meta.columns.iter().map(|c| c.col).collect();
    RowsEdit {
        sheet: meta.sheet.to_string(),
        from_row: last_data.unwrap_or(header_last) + 1,
        last_row: followed.then_some(meta.last_row),
        key_cols: meta
            .columns
            .iter()
            .filter(|c| c.key != "seq")
            .map(|c| c.col)
            .collect(),
        style_row: Some(last_data.unwrap_or(header_last + 1)),
        cols: (
            cols.iter().copied().min().unwrap_or(0),
            cols.iter().copied().max().unwrap_or(0),
        ),
        rows,
        table: meta.kind.title().to_string(),
    }
}

/// Complete the unit's free list, or add one.
pub(crate) fn complete(ctx: &mut Ctx) -> Result<(), BlankError> {
    let unit = ctx.unit;
    let Some(summary) = unit.summary() else {
        return Ok(());
    };
    let list = unit.free_list();
    let missing = unlisted(&summary.rows, list);
    if missing.is_empty() {
        return Ok(());
    }
    if let Some(list) = list {
        let rows = missing
            .iter()
            .enumerate()
            .map(|(i, r)| row_cells(&list.meta, list.rows.len() + i + 1, r))
            .collect();
        let data: Vec<u32> = list.rows.iter().map(|r| r.at.row).collect();
        let edit = rows_edit(ctx, &list.meta, &data, rows);
        ctx.plan.file_mut(&list.meta.file).rows.push(edit);
        return Ok(());
    }
    let Some(file) = ctx.file_for(TableKind::FreeList) else {
        return Ok(());
    };
    let b = blank(TableKind::FreeList)?;
    let template = &b.unit.free_lists[0];
    add_list_sheet(ctx, &file, TableKind::FreeList, &template.meta, &template.header, missing.iter().enumerate().map(|(i, r)| row_cells(&template.meta, i + 1, r)).collect(),
        format!("{NOTE}：列出汇总表中的免费软件；软件来源、厂商、使用部门和使用原因（黄色）请信息化部门填写"),
        format!("可使用免费软件清单，{} 款免费软件", missing.len()),
    );
    Ok(())
}

/// Add a list table from its template with `rows` from the first data row on.
#[allow(clippy::too_many_arguments)]
pub(crate) fn add_list_sheet(
    ctx: &mut Ctx,
    file: &std::sync::Arc<str>,
    kind: TableKind,
    meta: &TableMeta,
    header: &crate::ledger::table::HeaderBlock,
    rows: Vec<NewRow>,
    note: String,
    what: String,
) {
    let at = |c: &CellRef| Addr::new(c.row, c.col);
    let title = meta.title.clone().expect("the template has a title");
    let mut cells = vec![(
        at(&title),
        Value::Text(kind.title().to_string()),
        Mark::Plain,
    )];
    if let (Some(label), true) = (ctx.layout.annex_label(kind), title.row > 0) {
        cells.push((Addr::new(title.row - 1, 0), Value::Text(label), Mark::Plain));
    }
    let mut to_fill = Vec::new();
    ctx.header_block(header, &mut cells, &mut to_fill);
    let first_row = meta.header_rows.map(|h| h.1 + 1).unwrap_or(title.row + 1);
    for (n, row) in rows.iter().enumerate() {
        let r = first_row + n as u32;
        for (col, value, mark) in &row.cells {
            match value {
                Some(v) => cells.push((Addr::new(r, *col), v.clone(), *mark)),
                None if *mark == Mark::ToFill => to_fill.push(Addr::new(r, *col)),
                None => {}
            }
        }
    }
    let printed = crate::templates::printed_rows(kind);
    let last_col = meta.columns.iter().map(|c| c.col).max().unwrap_or(0);
    let grow = (rows.len() as u32 > printed).then(|| Grow {
        last_printed: first_row + printed - 1,
        extra: rows.len() as u32 - printed,
        insert: false,
        cols: (0, last_col),
    });
    let taken = ctx.taken_names(file);
    let name = unique_name(&ctx.layout.sheet_name(kind), &taken);
    ctx.plan.file_mut(file).sheets.push(NewSheet {
        name,
        kind,
        grow,
        cells,
        to_fill,
        note: (at(&title), note),
        what,
    });
}
