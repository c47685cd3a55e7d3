//! 软件采购计划表 (derive.md 5): the arithmetic of the unit's plans (合计 = 单价 × 许可数,
//! 共计 = Σ 合计), and a draft plan for license shortfalls (配置 二.3: 梳理单位软件需求与现有
//! 软件许可的差异) — each commercial number installed on more computers than it has valid
//! licenses for, or expired with installs, becomes a row whose 许可数 is the copies short.
//!
//! The draft is a sheet of its own ("…（草稿）"): the unit's plans carry signed approvals
//! and are never extended. Its 单价 is estimated from the summary (采购金额 ÷ 许可数量 of the
//! latest batch) and says so in 备注; software already in a plan of the unit is left out.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::base::CellRef;
use crate::edit::{Addr, Value};
use crate::ledger::summary::SummaryRow;
use crate::ledger::values::{same_name, Parsed};
use crate::ledger::Unit;
use crate::schema::TableKind;

use super::blank::{blank, BlankError};
use super::layout::unique_name;
use super::plan::{Grow, Mark, NewSheet};
use super::{Ctx, Typed, NOTE};

/// Money compares to one 分, as ZB415 does.
const TOLERANCE: f64 = 0.01;

fn yuan(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn money_typed(f: &crate::ledger::values::Field<f64>, want: &[f64]) -> Typed {
    match &f.parsed {
        Parsed::Empty => Typed::Blank,
        Parsed::Value(v) if want.iter().any(|w| (v - w).abs() <= TOLERANCE) => Typed::Same,
        _ => Typed::Other(f.raw.clone()),
    }
}

/// 合计 and 共计 of the unit's plans.
pub(crate) fn arithmetic(ctx: &mut Ctx) {
    let unit = ctx.unit;
    for plan in &unit.purchase_plans {
        let mut sum_out = 0.0;
        let mut sum_right = 0.0;
        for row in &plan.rows {
            let typed = row.total.value().copied();
            let (Some(&price), Some(&count)) = (row.unit_price.value(), row.count.value()) else {
                sum_out += typed.unwrap_or(0.0);
                sum_right += typed.unwrap_or(0.0);
                continue;
            };
            let want = (price * count as f64 * 100.0).round() / 100.0;
            sum_right += want;
            let Some(cell) = &row.total.cell else {
                sum_out += typed.unwrap_or(0.0);
                continue;
            };
            let name = row.name.value().cloned().unwrap_or_default();
            let held = ctx.propose(
                cell,
                money_typed(&row.total, &[want]),
                Value::Number(want),
                &format!("采购计划表 {name} 合计"),
                &format!("单价 {} × 许可数 {count}", yuan(price)),
                crate::rules::known::PURCHASE_PLAN_SUMS,
            );
            sum_out += if held { want } else { typed.unwrap_or(0.0) };
        }
        let Some(grand) = &plan.grand_total else {
            continue;
        };
        let Some(cell) = &grand.cell else { continue };
        if plan.rows.is_empty() || sum_out == 0.0 {
            continue;
        }
        let sum_out = (sum_out * 100.0).round() / 100.0;
        ctx.propose(
            cell,
            money_typed(grand, &[sum_out, sum_right]),
            Value::Number(sum_out),
            "采购计划表 共计",
            &format!("各行合计之和 {}", yuan(sum_out)),
            crate::rules::known::PURCHASE_PLAN_SUMS,
        );
    }
}

/// A license shortfall of one software number.
#[derive(Debug, Clone, PartialEq)]
pub struct Shortfall {
    /// 软件编号.
    pub id: String,
    /// 软件名称.
    pub name: String,
    /// 软件版本.
    pub version: String,
    /// Copies short.
    pub short: i64,
    /// Estimated 单价 (元), from the latest batch with an amount.
    pub unit_price: Option<f64>,
    /// Why (for 备注).
    pub reason: String,
}

/// The shortfalls of the commercial numbers of `unit` on `as_of`.
pub fn shortfalls(unit: &Unit, as_of: NaiveDate) -> Vec<Shortfall> {
    let Some(summary) = unit.summary() else {
        return Vec::new();
    };
    let mut by_id: BTreeMap<&str, Vec<&SummaryRow>> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for row in &summary.rows {
        if let (Some(id), Some(_)) = (row.id(), row.commercial()) {
            if !by_id.contains_key(id) {
                order.push(id);
            }
            by_id.entry(id).or_default().push(row);
        }
    }
    let mut out = Vec::new();
    for id in order {
        let rows = &by_id[id];
        let Some(installed) = rows
            .iter()
            .filter_map(|r| r.installed.value().copied())
            .max()
        else {
            continue;
        };
        let mut valid = 0;
        let mut ended: Option<NaiveDate> = None;
        for r in rows {
            let t = r.commercial().expect("commercial rows");
            let n = t.license_count.value().copied().unwrap_or(0);
            match t.term_end() {
                Some(end) if end < as_of => ended = ended.max(Some(end)),
                _ => valid += n,
            }
        }
        let short = installed - valid;
        if short <= 0 {
            continue;
        }
        let reason = match (valid, ended) {
            (0, Some(end)) => format!(
                "{id} 许可已于 {} 到期，仍安装 {installed} 台",
                end.format("%Y-%m-%d")
            ),
            _ => format!("{id} 安装 {installed} 台，有效许可 {valid} 个，缺 {short} 个"),
        };
        let latest = rows
            .iter()
            .filter_map(|r| {
                let t = r.commercial()?;
                let amount = *t.amount.value()?;
                let n = *t.license_count.value()?;
                (n > 0 && amount > 0.0)
                    .then(|| (t.purchased_on.value().map(|p| p.date), amount / n as f64))
            })
            .max_by_key(|(d, _)| *d);
        let first = rows[0];
        out.push(Shortfall {
            id: id.to_string(),
            name: first.name.value().cloned().unwrap_or_default(),
            version: first
                .version()
                .and_then(|v| v.value())
                .cloned()
                .unwrap_or_default(),
            short,
            unit_price: latest.map(|(_, p)| (p * 100.0).round() / 100.0),
            reason,
        });
    }
    out
}

/// Add a draft plan for the shortfalls not yet in one of the unit's plans.
pub(crate) fn draft(ctx: &mut Ctx, as_output: &Unit) -> Result<(), BlankError> {
    let unit = ctx.unit;
    let planned = |name: &str| {
        unit.purchase_plans
            .iter()
            .flat_map(|p| &p.rows)
            .any(|r| r.name.value().is_some_and(|n| same_name(n, name)))
    };
    let short: Vec<Shortfall> = shortfalls(as_output, ctx.opts.as_of)
        .into_iter()
        .filter(|s| !planned(&s.name))
        .collect();
    if short.is_empty() {
        return Ok(());
    }
    let Some(file) = ctx.file_for(TableKind::PurchasePlan) else {
        return Ok(());
    };
    let b = blank(TableKind::PurchasePlan)?;
    let template = &b.unit.purchase_plans[0];
    let at = |c: &CellRef| Addr::new(c.row, c.col);
    let title = template
        .meta
        .title
        .clone()
        .expect("the template has a title");
    let col = |key: &str| template.meta.column(key);
    let first_row = template.meta.header_rows.expect("a column header").1 + 1;
    let total_cell = template
        .grand_total
        .as_ref()
        .and_then(|g| g.cell.clone())
        .expect("the template has a 共计 row");
    let capacity = total_cell.row - first_row;
    let extra = (short.len() as u32).saturating_sub(capacity);
    let last_col = template
        .meta
        .columns
        .iter()
        .map(|c| c.col)
        .max()
        .unwrap_or(0);
    let mut cells = vec![(
        at(&title),
        Value::Text(format!("{}（草稿）", TableKind::PurchasePlan.title())),
        Mark::Plain,
    )];
    if let (Some(label), true) = (
        ctx.layout.annex_label(TableKind::PurchasePlan),
        title.row > 0,
    ) {
        cells.push((Addr::new(title.row - 1, 0), Value::Text(label), Mark::Plain));
    }
    // The plan's 经手人 is the clerk who keeps the ledgers until someone else is named.
    let mut to_fill = Vec::new();
    ctx.header_block(&template.header, &mut cells, &mut to_fill);
    let mut sum = 0.0;
    for (n, s) in short.iter().enumerate() {
        let r = first_row + n as u32;
        let mut put = |key: &str, value: Value| {
            if let Some(c) = col(key) {
                cells.push((Addr::new(r, c), value, Mark::Derived));
            }
        };
        put("seq", Value::Number((n + 1) as f64));
        put("name", Value::Text(s.name.clone()));
        if !s.version.is_empty() {
            put("version", Value::Text(s.version.clone()));
        }
        put("count", Value::Number(s.short as f64));
        let note = match s.unit_price {
            Some(p) => {
                let total = (p * s.short as f64 * 100.0).round() / 100.0;
                sum += total;
                put("unit_price", Value::Number(p));
                put("total", Value::Number(total));
                format!("{}；单价按汇总表最近一批估算，请按报价改正", s.reason)
            }
            None => {
                for key in ["unit_price", "total"] {
                    if let Some(c) = col(key) {
                        to_fill.push(Addr::new(r, c));
                    }
                }
                format!("{}；单价请按报价填写", s.reason)
            }
        };
        put("note", Value::Text(note));
    }
    let total_row = total_cell.row + extra;
    if sum > 0.0 {
        cells.push((
            Addr::new(total_row, total_cell.col),
            Value::Number((sum * 100.0).round() / 100.0),
            Mark::Derived,
        ));
    }
    let grow = (extra > 0).then_some(Grow {
        last_printed: total_cell.row - 1,
        extra,
        insert: true,
        cols: (0, last_col),
    });
    let taken = ctx.taken_names(&file);
    let base = format!("{}（草稿）", ctx.layout.sheet_name(TableKind::PurchasePlan));
    let name = unique_name(&base, &taken);
    let ids: Vec<&str> = short.iter().map(|s| s.id.as_str()).collect();
    ctx.plan.file_mut(&file).sheets.push(NewSheet {
        name,
        kind: TableKind::PurchasePlan,
        grow,
        cells,
        to_fill,
        note: (
            at(&title),
            format!(
                "{NOTE}：按汇总表列出许可不足的商业软件（许可数 = 缺少的份数）；单价为估算，审核前请核实"
            ),
        ),
        what: format!("软件采购计划表（草稿），{} 项：{}", short.len(), ids.join("、")),
    });
    Ok(())
}
