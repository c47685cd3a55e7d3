//! Facts several rules need, computed once per unit: indexes by 软件编号 and 计算机编号,
//! the likely intended number behind an unknown one, and the maintenance replay.
//!
//! Resolving a mistyped 软件编号 here is what keeps one typo from producing a flood: the
//! rule that finds the typo reports it (with its consequences as related cells), and the
//! cross-ledger rules count the row under the number it was meant to have.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::classify::Catalogue;
use crate::ledger::maintenance::{Action, Event, Maintenance};
use crate::ledger::summary::SummaryRow;
use crate::ledger::usage::UsageRow;
use crate::ledger::values::{same_name, same_version, SoftwareKind};
use crate::ledger::Unit;

/// A 软件编号 as the cross-ledger rules should read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The summary's number.
    pub id: String,
    /// Whether it was guessed from the name because the typed number is unknown.
    pub guessed: bool,
}

/// The outcome of replaying one maintenance table in date order.
#[derive(Debug, Clone, Default)]
pub struct Replay {
    /// Events (indices) whose date is earlier than a row above them.
    pub out_of_order: Vec<usize>,
    /// Uninstalls from a computer that does not have the software at that date.
    pub orphan_uninstalls: Vec<usize>,
    /// Installs on a computer that already has it: (event, the earlier install).
    pub repeat_installs: Vec<(usize, usize)>,
    /// The first date installed copies exceed the licenses: (event, copies, licenses).
    pub over_license: Option<(usize, i64, i64)>,
    /// Computers holding the software at the end → the install that put it there.
    pub holders: BTreeMap<String, usize>,
    /// Σ 安装 − Σ 卸载 安装数量, over rows whose count is readable.
    pub net: i64,
    /// OEM copies moved: (uninstall on one computer, install on another existing one).
    pub oem_moves: Vec<(usize, usize)>,
}

/// Facts shared by the rules of one unit.
pub struct Facts<'a> {
    /// Summary rows by 软件编号 (first summary only).
    pub by_id: BTreeMap<String, Vec<&'a SummaryRow>>,
    /// For each usage row of the first usage ledger: the summary number it refers to.
    pub usage_ids: Vec<Option<Resolved>>,
    /// For each maintenance table: the summary number it belongs to.
    pub maintenance_ids: Vec<Option<Resolved>>,
    /// For each maintenance table: its replay.
    pub replays: Vec<Replay>,
    /// Usage rows by 计算机编号.
    pub computers: BTreeMap<String, Vec<&'a UsageRow>>,
}

impl<'a> Facts<'a> {
    /// Compute the facts of a unit.
    pub fn new(unit: &'a Unit, _catalogue: &Catalogue) -> Self {
        let mut by_id: BTreeMap<String, Vec<&SummaryRow>> = BTreeMap::new();
        if let Some(s) = unit.summary() {
            for row in &s.rows {
                if let Some(id) = row.id() {
                    by_id.entry(id.to_string()).or_default().push(row);
                }
            }
        }
        let usage_rows: &[UsageRow] = unit.usage().map(|u| u.rows.as_slice()).unwrap_or(&[]);
        let usage_ids = usage_rows
            .iter()
            .map(|r| {
                resolve(
                    &by_id,
                    r.id(),
                    r.name.value().map(String::as_str),
                    r.version.value().map(String::as_str),
                )
            })
            .collect();
        let maintenance_ids: Vec<Option<Resolved>> = unit
            .maintenance
            .iter()
            .map(|m| {
                resolve(
                    &by_id,
                    m.id(),
                    m.info.name.value().map(String::as_str),
                    m.info.version.value().map(String::as_str),
                )
            })
            .collect();
        let mut computers: BTreeMap<String, Vec<&UsageRow>> = BTreeMap::new();
        for r in usage_rows {
            if let Some(c) = r.computer() {
                computers.entry(c.to_string()).or_default().push(r);
            }
        }
        // When each computer first appears in any maintenance log: a computer that existed
        // before receiving an OEM copy did not come with that copy.
        let mut first_seen: BTreeMap<&str, NaiveDate> = BTreeMap::new();
        for m in &unit.maintenance {
            for e in &m.events {
                if let (Some(c), Some(d)) = (e.computer(), e.date.value()) {
                    let slot = first_seen.entry(c).or_insert(*d);
                    if d < slot {
                        *slot = *d;
                    }
                }
            }
        }
        let replays = unit
            .maintenance
            .iter()
            .zip(&maintenance_ids)
            .map(|(m, id)| {
                let row = id
                    .as_ref()
                    .and_then(|r| by_id.get(&r.id))
                    .and_then(|v| v.first().copied());
                replay(m, row, &first_seen)
            })
            .collect();
        Facts {
            by_id,
            usage_ids,
            maintenance_ids,
            replays,
            computers,
        }
    }

    /// The first summary row of a number.
    pub fn summary_row(&self, id: &str) -> Option<&'a SummaryRow> {
        self.by_id.get(id).and_then(|v| v.first().copied())
    }

    /// Usage rows counted under each summary number (typos resolved).
    pub fn usage_by_id(&self, unit: &'a Unit) -> BTreeMap<String, Vec<&'a UsageRow>> {
        let mut out: BTreeMap<String, Vec<&UsageRow>> = BTreeMap::new();
        if let Some(u) = unit.usage() {
            for (row, id) in u.rows.iter().zip(&self.usage_ids) {
                if let Some(id) = id {
                    out.entry(id.id.clone()).or_default().push(row);
                }
            }
        }
        out
    }

    /// The maintenance table (index) of each summary number, typos resolved.
    pub fn maintenance_by_id(&self) -> BTreeMap<String, Vec<usize>> {
        let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, id) in self.maintenance_ids.iter().enumerate() {
            if let Some(id) = id {
                out.entry(id.id.clone()).or_default().push(i);
            }
        }
        out
    }
}

fn resolve(
    by_id: &BTreeMap<String, Vec<&SummaryRow>>,
    id: Option<&str>,
    name: Option<&str>,
    version: Option<&str>,
) -> Option<Resolved> {
    if let Some(id) = id {
        if by_id.contains_key(id) {
            return Some(Resolved {
                id: id.to_string(),
                guessed: false,
            });
        }
    }
    let name = name?;
    let candidates: BTreeSet<&String> = by_id
        .iter()
        .filter(|(_, rows)| {
            rows.iter().any(|r| {
                r.name.value().is_some_and(|n| same_name(n, name))
                    && match (r.version().and_then(|v| v.value()), version) {
                        (Some(a), Some(b)) if r.kind() != Some(SoftwareKind::Free) => {
                            same_version(a, b)
                        }
                        _ => true,
                    }
            })
        })
        .map(|(id, _)| id)
        .collect();
    match candidates.into_iter().collect::<Vec<_>>().as_slice() {
        [one] => Some(Resolved {
            id: (*one).clone(),
            guessed: true,
        }),
        _ => None,
    }
}

fn count_of(e: &Event) -> i64 {
    e.count.value().copied().filter(|c| *c > 0).unwrap_or(1)
}

fn replay(
    m: &Maintenance,
    row: Option<&SummaryRow>,
    first_seen: &BTreeMap<&str, NaiveDate>,
) -> Replay {
    let mut out = Replay::default();
    // Rows out of date order.
    let mut latest: Option<NaiveDate> = None;
    for (i, e) in m.events.iter().enumerate() {
        if let Some(d) = e.date.value() {
            if latest.is_some_and(|l| *d < l) {
                out.out_of_order.push(i);
            }
            latest = Some(latest.map_or(*d, |l| l.max(*d)));
        }
    }
    out.net = m
        .events
        .iter()
        .filter_map(|e| {
            let c = e.count.value().copied()?;
            match e.action.single()? {
                Action::Install => Some(c),
                Action::Uninstall => Some(-c),
            }
        })
        .sum();
    let licenses = row
        .and_then(|r| r.commercial())
        .and_then(|t| t.license_count.value().copied())
        .or_else(|| {
            (m.info.kind.single() == Some(SoftwareKind::Commercial))
                .then(|| m.info.license_count.value().copied())
                .flatten()
        });
    let oem = row.and_then(|r| r.kind()).or(m.info.kind.single()) == Some(SoftwareKind::Oem);
    let mut order: Vec<usize> = (0..m.events.len())
        .filter(|&i| {
            let e = &m.events[i];
            e.action.single().is_some() && e.computer().is_some() && e.date.value().is_some()
        })
        .collect();
    order.sort_by_key(|&i| *m.events[i].date.value().expect("filtered"));
    let mut held: BTreeMap<String, (i64, usize)> = BTreeMap::new();
    let mut total: i64 = 0;
    let mut recent_uninstalls: Vec<(usize, NaiveDate)> = Vec::new();
    for i in order {
        let e = &m.events[i];
        let computer = e.computer().expect("filtered").to_string();
        let date = *e.date.value().expect("filtered");
        let n = count_of(e);
        match e.action.single().expect("filtered") {
            Action::Install => {
                let slot = held.entry(computer.clone()).or_insert((0, i));
                if slot.0 > 0 {
                    out.repeat_installs.push((i, slot.1));
                }
                slot.0 += n;
                slot.1 = i;
                total += n;
                if let (Some(l), None) = (licenses, out.over_license) {
                    if total > l {
                        out.over_license = Some((i, total, l));
                    }
                }
                if oem {
                    let existed_before =
                        first_seen.get(computer.as_str()).is_some_and(|d| *d < date);
                    if existed_before {
                        if let Some(&(u, _)) = recent_uninstalls.iter().rev().find(|(u, ud)| {
                            m.events[*u].computer() != Some(computer.as_str())
                                && (date - *ud).num_days() <= 90
                        }) {
                            out.oem_moves.push((u, i));
                        }
                    }
                }
            }
            Action::Uninstall => {
                match held.get_mut(&computer) {
                    Some(slot) if slot.0 > 0 => {
                        slot.0 = (slot.0 - n).max(0);
                        total -= n;
                    }
                    _ => out.orphan_uninstalls.push(i),
                }
                recent_uninstalls.push((i, date));
            }
        }
    }
    out.holders = held
        .into_iter()
        .filter(|(_, (n, _))| *n > 0)
        .map(|(c, (_, i))| (c, i))
        .collect();
    out
}
