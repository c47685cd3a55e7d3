//! A unit's spot check: the computers of its usage ledger (rows grouped by 计算机编号, as
//! `reconcile` groups them), a sample of them drawn by [`super::sample`], and the form
//! `sample` prints for them, as plain data.

use crate::base::text::clean;
use crate::ledger::usage::UsageRow;
use crate::ledger::Unit;
use crate::templates::spot_check::{Computer, Form};

use super::sample::{draw, sample_size, Ratio};

/// The department of a computer whose rows name none: a stratum of its own.
pub const NO_DEPARTMENT: &str = "（未填部门）";

/// How to draw.
#[derive(Debug, Clone, Copy)]
pub struct Draw {
    /// The share of the computers.
    pub ratio: Ratio,
    /// At least this many (all, when there are fewer).
    pub min: usize,
    /// The seed of the generator.
    pub seed: u64,
}

/// The computers of the unit's usage ledger, in the ledger's order: each 计算机编号 once,
/// with what its rows say (the first department, brand filled; every user named).
pub fn computers(unit: &Unit) -> Vec<Computer> {
    let mut out: Vec<Computer> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for row in unit.usages.iter().flat_map(|u| &u.rows) {
        let number = clean(&row.computer.raw);
        if number.is_empty() {
            continue;
        }
        let i = *index.entry(number.to_string()).or_insert_with(|| {
            out.push(Computer {
                number: number.to_string(),
                ..Computer::default()
            });
            out.len() - 1
        });
        add_row(&mut out[i], row);
    }
    out
}

fn add_row(c: &mut Computer, row: &UsageRow) {
    let fill = |slot: &mut String, raw: &str| {
        if slot.is_empty() {
            *slot = clean(raw).to_string();
        }
    };
    fill(&mut c.department, &row.department.raw);
    fill(&mut c.brand, &row.brand.raw);
    let user = clean(&row.user.raw);
    if !user.is_empty() && !c.user.split('、').any(|u| u == user) {
        if !c.user.is_empty() {
            c.user.push('、');
        }
        c.user.push_str(user);
    }
    let name = clean(&row.name.raw);
    if !name.is_empty() {
        let version = clean(&row.version.raw).to_string();
        c.software.push((name.to_string(), version));
    }
}

/// The form for a sample of the unit's computers drawn as `how` says, by department then
/// 计算机编号.
pub fn form(unit: &Unit, how: Draw) -> Form {
    let all = computers(unit);
    let strata: Vec<(&str, &str)> = all
        .iter()
        .map(|c| {
            let d = if c.department.is_empty() {
                NO_DEPARTMENT
            } else {
                c.department.as_str()
            };
            (d, c.number.as_str())
        })
        .collect();
    let size = sample_size(all.len(), how.ratio, how.min);
    let drawn = draw(&strata, size, how.seed);
    Form {
        unit: unit
            .stated_name_field()
            .and_then(|f| f.value())
            .cloned()
            .unwrap_or_default(),
        computers_total: all.len(),
        seed: how.seed,
        computers: drawn.into_iter().map(|i| all[i].clone()).collect(),
    }
}
