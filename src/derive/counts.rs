//! 汇总表 安装数量 per 软件编号 = the 明细表 rows with that number; 汇总表 header
//! 使用计算机人数 = the distinct 姓名 of the 明细表 (derive.md 1).
//!
//! A 安装数量 that equals the number of rows, or of distinct computers (a computer listed
//! twice is ZB204's fault, not a wrong count), agrees. A number that has several summary
//! rows (purchase batches) is left alone: which row carries the count is the clerk's choice.

use std::collections::BTreeMap;

use crate::edit::Value;
use crate::ledger::values::{Field, Parsed};
use crate::ledger::Unit;

use super::{Ctx, Typed};

/// The summary as the output will read: the 安装数量 of each summary row and the
/// 使用计算机人数 after derive.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counted {
    /// Summary row index → 安装数量 in the output.
    pub installed: BTreeMap<usize, i64>,
    /// 使用计算机人数 in the output, when derive writes it.
    pub people_using: Option<i64>,
    /// Usage row indices by 软件编号.
    pub usage_rows: BTreeMap<String, Vec<usize>>,
}

fn typed_count(f: &Field<i64>, agrees: impl Fn(i64) -> bool) -> Typed {
    match &f.parsed {
        Parsed::Empty => Typed::Blank,
        Parsed::Value(v) if agrees(*v) => Typed::Same,
        _ => Typed::Other(f.raw.clone()),
    }
}

/// Propose the counts; returns what the output will hold.
pub(crate) fn derive_counts(ctx: &mut Ctx) -> Counted {
    let mut out = Counted::default();
    let unit = ctx.unit;
    let Some(summary) = unit.summary() else {
        return out;
    };
    let Some(usage) = unit.usage() else {
        ctx.plan
            .skipped
            .push("没有软件使用情况明细表：安装数量和使用计算机人数无法推算".into());
        return out;
    };
    if usage.rows.is_empty() {
        ctx.plan.skipped.push(
            "软件使用情况明细表没有登记任何行：安装数量和使用计算机人数未推算（先登记明细表）"
                .into(),
        );
        return out;
    }
    // The rows of each number as the rules count them (a mistyped 软件编号 resolved to the
    // summary's number by its name): the figure derive writes is the figure ZB405 checks.
    let facts = crate::rules::facts::Facts::new(unit, ctx.catalogue, ctx.opts.as_of);
    out.usage_rows = facts.usage_rows_by_id();
    let mut rows_of_id: BTreeMap<&str, usize> = BTreeMap::new();
    for row in &summary.rows {
        if let Some(id) = row.id() {
            *rows_of_id.entry(id).or_default() += 1;
        }
    }
    for (index, row) in summary.rows.iter().enumerate() {
        let typed = row.installed.value().copied();
        let Some(id) = row.id() else {
            if let Some(v) = typed {
                out.installed.insert(index, v);
            }
            continue;
        };
        let rec = facts.reconcile(unit, id);
        let rows = rec.and_then(|r| r.usage_count()).unwrap_or(0);
        let distinct = rec.map_or(0, |r| r.usage_holders.len()) as i64;
        let (Some(cell), 1) = (&row.installed.cell, rows_of_id[id]) else {
            if let Some(v) = typed {
                out.installed.insert(index, v);
            }
            continue;
        };
        let state = typed_count(&row.installed, |v| v == rows || v == distinct);
        let same = state == Typed::Same;
        let held = ctx.propose(
            cell,
            state,
            Value::Number(rows as f64),
            &format!("汇总表 {id} 安装数量"),
            &format!("明细表中 {id} 共 {rows} 行"),
            crate::rules::known::INSTALLED_COUNT,
        );
        match (held, same, typed) {
            (true, true, Some(v)) | (false, _, Some(v)) => {
                out.installed.insert(index, v);
            }
            (true, _, _) => {
                out.installed.insert(index, rows);
            }
            (false, _, None) => {}
        }
    }

    let people = crate::rules::facts::statistics::people_in_usage(usage);
    match (summary.header.people_using.as_ref(), people) {
        (None, _) => ctx
            .plan
            .skipped
            .push("汇总表表头没有“使用计算机人数”一栏：未填写".into()),
        (Some(_), None) => {}
        (Some(field), Some(people)) => match &field.cell {
            None => {}
            Some(cell) => {
                let state = typed_count(field, |v| v == people);
                // Typed in its label's cell: the number goes into that text.
                let inline = summary
                    .header
                    .inline
                    .iter()
                    .find(|v| v.key == "people_using" && &v.cell == cell);
                let value = match inline {
                    Some(v) => Value::Text(v.with(&people.to_string())),
                    None => Value::Number(people as f64),
                };
                let held = ctx.propose_in(
                    cell,
                    state,
                    value,
                    inline.is_some(),
                    "汇总表 使用计算机人数",
                    &format!("明细表中不同的姓名共 {people} 个"),
                    crate::rules::known::USERS_COUNT,
                );
                if held {
                    out.people_using = Some(people);
                }
            }
        },
    }
    out
}

/// A unit holding only what the statistics and the purchase plan read, with the counts
/// the output will hold: the summary (安装数量, 使用计算机人数) and the 软件分类 sheets.
pub fn as_output(unit: &Unit, counted: &Counted) -> Unit {
    let mut summaries: Vec<_> = unit.summaries.iter().take(1).cloned().collect();
    if let Some(s) = summaries.first_mut() {
        for (index, row) in s.rows.iter_mut().enumerate() {
            if let Some(&n) = counted.installed.get(&index) {
                if row.installed.value() != Some(&n) {
                    row.installed = Field {
                        parsed: Parsed::Value(n),
                        raw: n.to_string(),
                        cell: row.installed.cell.clone(),
                    };
                }
            }
        }
        if let (Some(n), Some(f)) = (counted.people_using, s.header.people_using.as_mut()) {
            *f = Field {
                parsed: Parsed::Value(n),
                raw: n.to_string(),
                cell: f.cell.clone(),
            };
        }
    }
    Unit {
        name: unit.name.clone(),
        files: unit.files.clone(),
        summaries,
        // 使用计算机人数 of the statistics comes from the usage ledger.
        usages: unit.usages.iter().take(1).cloned().collect(),
        classifications: unit.classifications.clone(),
        ..Unit::default()
    }
}
