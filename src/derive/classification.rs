//! The 软件分类 sheet (derive.md 6): one row per summary 软件编号 with 类别 and 国内/国外 from
//! the built-in catalogue (or the config's classification), for the clerk to correct; the
//! statistics table counts by it. Software the catalogue cannot place gets blank,
//! highlighted cells. A unit with its own 软件分类 sheet gets rows for the numbers it lacks.

use std::collections::BTreeSet;

use crate::classify::Origin;
use crate::edit::Value;
use crate::ledger::table::TableMeta;
use crate::schema::TableKind;

use super::blank::{blank, BlankError};
use super::free_list::{add_list_sheet, rows_edit};
use super::plan::{Mark, NewRow};
use super::{Ctx, NOTE};

/// Add or complete the 软件分类 sheet.
pub(crate) fn complete(ctx: &mut Ctx) -> Result<(), BlankError> {
    let unit = ctx.unit;
    let Some(summary) = unit.summary() else {
        return Ok(());
    };
    let have: BTreeSet<&str> = unit
        .classifications
        .iter()
        .flat_map(|c| &c.rows)
        .filter_map(|r| r.id.value().map(String::as_str))
        .collect();
    let mut seen = BTreeSet::new();
    let missing: Vec<_> = summary
        .rows
        .iter()
        .filter(|r| {
            r.id()
                .is_some_and(|id| !have.contains(id) && seen.insert(id.to_string()))
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let own = unit.classifications.first();
    let b;
    let meta: &TableMeta = match own {
        Some(c) => &c.meta,
        None => {
            b = blank(TableKind::Classification)?;
            &b.unit.classifications[0].meta
        }
    };
    let first_seq = own.map_or(0, |c| c.rows.len());
    let mut unplaced = 0;
    let rows: Vec<NewRow> = missing
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let id = row.id().unwrap_or_default();
            let name = row.name.value().cloned().unwrap_or_default();
            let version = row
                .version()
                .and_then(|v| v.value())
                .cloned()
                .unwrap_or_default();
            let class = ctx.catalogue.classify(&name, &version);
            if class.is_none() {
                unplaced += 1;
            }
            let cells = meta
                .columns
                .iter()
                .map(|c| {
                    let value = match c.key {
                        "seq" => Some(Value::Number((first_seq + i + 1) as f64)),
                        "id" => Some(Value::Text(id.to_string())),
                        "name" => Some(Value::Text(name.clone())),
                        "category" => class.map(|k| Value::Text(k.category.label().into())),
                        "origin" => class.map(|k| {
                            Value::Text(
                                match k.origin {
                                    Origin::Domestic => "国内",
                                    Origin::Foreign => "国外",
                                }
                                .into(),
                            )
                        }),
                        _ => None,
                    };
                    let mark = if value.is_some() {
                        Mark::Derived
                    } else {
                        Mark::ToFill
                    };
                    (c.col, value, mark)
                })
                .collect();
            let note = match class {
                Some(k) => format!(
                    "{NOTE}：按内置软件分类目录（{}），不对的请改正",
                    k.product
                ),
                None => format!(
                    "{NOTE}：软件分类目录中没有 {name}，请填写类别（操作系统、办公软件、杀毒软件或其他）和国内/国外"
                ),
            };
            NewRow {
                cells,
                note,
                what: format!("{id}（{name}）"),
            }
        })
        .collect();
    let count = rows.len();
    match own {
        Some(c) => {
            let data: Vec<u32> = c.rows.iter().map(|r| r.at.row).collect();
            let edit = rows_edit(ctx, &c.meta, &data, rows);
            ctx.plan.file_mut(&c.meta.file).rows.push(edit);
        }
        None => {
            let Some(file) = ctx.file_for(TableKind::Classification) else {
                return Ok(());
            };
            let header = crate::ledger::table::HeaderBlock::default();
            let unplaced_text = if unplaced > 0 {
                format!("，{unplaced} 个待填写类别")
            } else {
                String::new()
            };
            add_list_sheet(
                ctx,
                &file,
                TableKind::Classification,
                meta,
                &header,
                rows,
                format!(
                    "{NOTE}：类别和国内/国外按内置软件分类目录填写，信息统计表按此表统计；不对的请改正，黄色的请填写"
                ),
                format!("软件分类，{count} 个软件编号{unplaced_text}"),
            );
        }
    }
    Ok(())
}
