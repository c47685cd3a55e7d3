//! Facts several rules need, computed once per unit: indexes by 软件编号 and 计算机编号,
//! the likely intended number behind a mistyped one, and the maintenance replay.
//!
//! Resolving a mistyped 软件编号 or 计算机编号 here is what keeps one typo from producing a
//! flood: the rule that finds the typo reports it (with its consequences as related cells),
//! and the cross-ledger rules count the row under the number it was meant to have.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::classify::Catalogue;
use crate::ledger::maintenance::{Action, Event, Maintenance};
use crate::ledger::summary::SummaryRow;
use crate::ledger::usage::UsageRow;
use crate::ledger::values::{same_name, same_version, SoftwareKind};
use crate::ledger::Unit;

/// A 软件编号 (or 计算机编号) as the cross-ledger rules should read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The number meant: the summary's 软件编号, or the 计算机编号 the other ledger uses.
    pub id: String,
    /// Whether it was guessed because the typed number is unknown (or belongs to another
    /// software than the row names).
    pub guessed: bool,
}

impl Resolved {
    fn typed(id: &str) -> Self {
        Resolved {
            id: id.to_string(),
            guessed: false,
        }
    }
    fn guess(id: &str) -> Self {
        Resolved {
            id: id.to_string(),
            guessed: true,
        }
    }
}

/// The outcome of replaying one maintenance table in date order.
#[derive(Debug, Clone, Default)]
pub struct Replay {
    /// Dated events (indices) that break the sheet's date order: the fewest rows whose
    /// removal leaves the others in order (one misplaced row is one entry, not all after it).
    pub out_of_order: Vec<usize>,
    /// Uninstalls from a computer that does not have the software at that date.
    pub orphan_uninstalls: Vec<usize>,
    /// Installs on a computer that already has it: (event, the earlier install).
    pub repeat_installs: Vec<(usize, usize)>,
    /// The first date installed copies exceed the licenses: (event, copies, licenses).
    pub over_license: Option<(usize, i64, i64)>,
    /// Computers holding the software at the end → the install that put it there.
    pub holders: BTreeMap<String, usize>,
    /// Computers that held the software and no longer do → the uninstall that removed it.
    pub removed: BTreeMap<String, usize>,
    /// Σ 安装 − Σ 卸载 安装数量 (an unreadable count is 1; a row with unclear boxes counts as
    /// the replay reads it).
    pub net: i64,
    /// Copies held at the end of the replay: like `net`, but an install repeated on a
    /// computer that has the software, or an uninstall from one that lacks it, changes nothing.
    pub held: i64,
    /// Copies installed by rows without a 计算机编号 (in `held`, held by no computer).
    pub unattributed: i64,
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
    /// Usage rows by 计算机编号 (as typed).
    pub computers: BTreeMap<String, Vec<&'a UsageRow>>,
    /// For each usage row: its 计算机编号, or the maintenance logs' number it probably means.
    pub usage_computers: Vec<Option<Resolved>>,
    /// For each maintenance table and event: the 计算机编号 as the usage ledger spells it.
    pub event_computers: Vec<Vec<Option<Resolved>>>,
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
        let usage_ids: Vec<Option<Resolved>> = usage_rows
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
        let (usage_computers, event_computers) = resolve_computers(
            unit.usage().is_some(),
            usage_rows,
            &usage_ids,
            &unit.maintenance,
            &maintenance_ids,
        );
        // When each computer first appears in any log or in the usage ledger: a computer that
        // existed before receiving an OEM copy did not come with that copy.
        let mut first_seen: BTreeMap<&str, NaiveDate> = BTreeMap::new();
        let mut seen = |c, d: NaiveDate| {
            let slot = first_seen.entry(c).or_insert(d);
            if d < *slot {
                *slot = d;
            }
        };
        for (m, cs) in unit.maintenance.iter().zip(&event_computers) {
            for (e, c) in m.events.iter().zip(cs) {
                if let (Some(c), Some(d)) = (c, e.date.value()) {
                    seen(c.id.as_str(), *d);
                }
            }
        }
        for (r, c) in usage_rows.iter().zip(&usage_computers) {
            if let (Some(c), Some(d)) = (c, r.installed_on.value()) {
                seen(c.id.as_str(), *d);
            }
        }
        let replays = unit
            .maintenance
            .iter()
            .zip(&maintenance_ids)
            .zip(&event_computers)
            .map(|((m, id), cs)| {
                let row = id
                    .as_ref()
                    .and_then(|r| by_id.get(&r.id))
                    .and_then(|v| v.first().copied());
                replay(m, cs, row, &first_seen)
            })
            .collect();
        Facts {
            by_id,
            usage_ids,
            maintenance_ids,
            replays,
            computers,
            usage_computers,
            event_computers,
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

    /// Indices of the usage rows counted under each summary number (typos resolved).
    pub fn usage_rows_by_id(&self) -> BTreeMap<String, Vec<usize>> {
        let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, id) in self.usage_ids.iter().enumerate() {
            if let Some(id) = id {
                out.entry(id.id.clone()).or_default().push(i);
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

    /// The summary numbers whose rows carry this name (and, except for free software, this
    /// version): the candidates behind an unknown number.
    pub fn ids_by_name(&self, name: &str, version: Option<&str>) -> Vec<&str> {
        ids_by_name(&self.by_id, name, version)
    }

    /// The computer a usage row refers to (its resolved 计算机编号).
    pub fn usage_computer(&self, row: usize) -> Option<&str> {
        self.usage_computers
            .get(row)
            .and_then(|c| c.as_ref())
            .map(|c| c.id.as_str())
    }

    /// The computer a maintenance event refers to (its resolved 计算机编号).
    pub fn event_computer(&self, table: usize, event: usize) -> Option<&str> {
        self.event_computers
            .get(table)
            .and_then(|t| t.get(event))
            .and_then(|c| c.as_ref())
            .map(|c| c.id.as_str())
    }

    /// How the three ledgers compare for one summary number: what ZB405–ZB407 report and,
    /// so that one fault is reported once, which of them is the odd one out. `None` when
    /// the number is not exactly one summary row.
    pub fn reconcile(&self, unit: &Unit, id: &str) -> Option<Reconciliation> {
        let rows = self.by_id.get(id)?;
        let [row] = rows.as_slice() else {
            return None;
        };
        let installed = row.installed.value().copied();
        let usage_rows = self.usage_rows_by_id().remove(id).unwrap_or_default();
        let mut usage_holders: BTreeMap<String, usize> = BTreeMap::new();
        for &r in &usage_rows {
            if let Some(c) = self.usage_computer(r) {
                usage_holders.entry(c.to_string()).or_insert(r);
            }
        }
        let tables = self.maintenance_by_id().remove(id).unwrap_or_default();
        let table = match tables.as_slice() {
            [one] => Some(*one),
            _ => None,
        };
        let mut only_in_maintenance = Vec::new();
        let mut only_in_usage = Vec::new();
        if let (Some(t), Some(_)) = (table, unit.usage()) {
            let replay = &self.replays[t];
            for (c, &e) in &replay.holders {
                if !usage_holders.contains_key(c) {
                    only_in_maintenance.push((c.clone(), e));
                }
            }
            // Installs logged without a 计算机编号 (ZB302) may be the missing ones.
            if replay.unattributed == 0 {
                for (c, &r) in &usage_holders {
                    if !replay.holders.contains_key(c) {
                        only_in_usage.push((c.clone(), r));
                    }
                }
            }
        }
        Some(Reconciliation {
            installed,
            usage_rows: unit.usage().map(|_| usage_rows),
            usage_holders,
            table,
            held: table.map(|t| self.replays[t].held),
            only_in_maintenance,
            only_in_usage,
        })
    }
}

/// The three ledgers side by side for one summary number.
#[derive(Debug, Clone)]
pub struct Reconciliation {
    /// Summary 安装数量, when readable.
    pub installed: Option<i64>,
    /// Usage rows counted under the number (`None` without a usage ledger).
    pub usage_rows: Option<Vec<usize>>,
    /// Distinct computers of those rows → the first row.
    pub usage_holders: BTreeMap<String, usize>,
    /// The number's one maintenance table.
    pub table: Option<usize>,
    /// Copies held by the replay of that table.
    pub held: Option<i64>,
    /// Computers holding it by the replay but absent from the usage rows: (computer, install).
    pub only_in_maintenance: Vec<(String, usize)>,
    /// Computers of usage rows the replay does not hold it on: (computer, usage row).
    pub only_in_usage: Vec<(String, usize)>,
}

impl Reconciliation {
    /// Whether ZB407 reports a computer for this number.
    pub fn holders_differ(&self) -> bool {
        !self.only_in_maintenance.is_empty() || !self.only_in_usage.is_empty()
    }

    /// Number of usage rows.
    pub fn usage_count(&self) -> Option<i64> {
        self.usage_rows.as_ref().map(|r| r.len() as i64)
    }

    /// ZB405: the summary disagrees with the usage rows, and that is not better explained
    /// by a duplicate row (ZB204) or by the usage ledger being the odd one out (ZB407).
    pub fn summary_vs_usage(&self) -> Option<(i64, i64)> {
        let s = self.installed?;
        let u = self.usage_count()?;
        if s == u || s == self.usage_holders.len() as i64 {
            return None;
        }
        if self.held == Some(s) && self.holders_differ() {
            return None;
        }
        Some((s, u))
    }

    /// ZB406: the summary disagrees with the replay, and that is not better explained by
    /// the maintenance log being the odd one out (ZB407) or already reported by ZB405.
    pub fn summary_vs_maintenance(&self) -> Option<(i64, i64)> {
        let s = self.installed?;
        let h = self.held?;
        if s == h {
            return None;
        }
        let u = self.usage_count();
        if u == Some(s) && self.holders_differ() {
            return None;
        }
        if u == Some(h) && self.summary_vs_usage().is_some() {
            return None;
        }
        Some((s, h))
    }
}

/// A date as messages show it (`2024-03-01`).
pub fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// How messages name a maintenance table: `RJ003 的安装维护明细表`, or by its sheet when part
/// 一 has no number.
pub fn log_name(m: &Maintenance) -> String {
    match m.id() {
        Some(id) => format!("{id} 的安装维护明细表"),
        None => format!("工作表“{}”的安装维护明细表", m.meta.sheet),
    }
}

/// `安装` or `卸载`.
pub fn action_word(a: Action) -> &'static str {
    match a {
        Action::Install => "安装",
        Action::Uninstall => "卸载",
    }
}

fn ids_by_name<'b>(
    by_id: &'b BTreeMap<String, Vec<&SummaryRow>>,
    name: &str,
    version: Option<&str>,
) -> Vec<&'b str> {
    by_id
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
        .map(|(id, _)| id.as_str())
        .collect()
}

/// The summary number a row means. A known number is trusted unless the row's name is not
/// that number's and belongs to exactly one other number (a typo into another existing
/// number); an unknown or empty number is guessed from the name when exactly one summary
/// number carries it.
fn resolve(
    by_id: &BTreeMap<String, Vec<&SummaryRow>>,
    id: Option<&str>,
    name: Option<&str>,
    version: Option<&str>,
) -> Option<Resolved> {
    let by_name = || match name.map(|n| ids_by_name(by_id, n, version)).as_deref() {
        Some([one]) => Some(Resolved::guess(one)),
        _ => None,
    };
    if let Some(rows) = id.and_then(|id| by_id.get(id)) {
        let id = id.unwrap_or_default();
        let own_name = name.is_none_or(|n| {
            rows.iter()
                .any(|r| r.name.value().is_none_or(|rn| same_name(rn, n)))
        });
        return match by_name() {
            Some(other) if !own_name && other.id != id => Some(other),
            _ => Some(Resolved::typed(id)),
        };
    }
    by_name()
}

/// A 计算机编号 reduced to what a typo rarely changes: letters upper-cased, separators
/// dropped, leading zeros of each digit run dropped (`sj-pc-01` ~ `SJPC001`).
fn computer_key(s: &str) -> String {
    let mut out = String::new();
    let mut in_digits = false;
    let mut leading = true;
    for c in s.chars().filter(|c| c.is_alphanumeric()) {
        let c = c.to_ascii_uppercase();
        if c.is_ascii_digit() {
            if !in_digits {
                in_digits = true;
                leading = true;
            }
            if leading && c == '0' {
                continue;
            }
            leading = false;
        } else {
            if in_digits && leading {
                out.push('0');
            }
            in_digits = false;
        }
        out.push(c);
    }
    if in_digits && leading {
        out.push('0');
    }
    out
}

/// Whether two different 计算机编号 are probably one typed twice: equal keys, or one
/// character inserted, dropped or two neighbours swapped. A replaced character is not
/// enough: `PC-001` and `PC-002` are two computers.
pub fn similar_computers(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    if computer_key(a) == computer_key(b) {
        return true;
    }
    let x: Vec<char> = a
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let y: Vec<char> = b
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if x.len() < 3 || y.len() < 3 {
        return false;
    }
    let (short, long) = if x.len() <= y.len() {
        (&x, &y)
    } else {
        (&y, &x)
    };
    match long.len() - short.len() {
        1 => (0..long.len()).any(|i| long[..i] == short[..i] && long[i + 1..] == short[i..]),
        0 => {
            let diff: Vec<usize> = (0..x.len()).filter(|&i| x[i] != y[i]).collect();
            matches!(diff.as_slice(), [i, j] if *j == i + 1 && x[*i] == y[*j] && x[*j] == y[*i])
        }
        _ => false,
    }
}

/// Resolve 计算机编号 across the usage ledger and the maintenance logs. An event's computer
/// unknown to the usage ledger is read as the usage computer it is similar to (or shares a
/// 使用人 with) when that computer has the software in the usage ledger but not in this log;
/// symmetrically for a usage row's computer unknown to every log. When both sides would be
/// mapped onto each other (one computer numbered differently in the two ledgers), only the
/// logs are mapped, onto the usage ledger's spelling.
fn resolve_computers(
    has_usage: bool,
    usage_rows: &[UsageRow],
    usage_ids: &[Option<Resolved>],
    tables: &[Maintenance],
    maintenance_ids: &[Option<Resolved>],
) -> (Vec<Option<Resolved>>, Vec<Vec<Option<Resolved>>>) {
    let in_usage: BTreeSet<&str> = usage_rows.iter().filter_map(|r| r.computer()).collect();
    let in_logs: BTreeSet<&str> = tables
        .iter()
        .flat_map(|m| m.events.iter().filter_map(|e| e.computer()))
        .collect();
    let users_of = |c: &str| -> BTreeSet<String> {
        usage_rows
            .iter()
            .filter(|r| r.computer() == Some(c))
            .filter_map(|r| r.user.value().map(|u| crate::workbook::text::norm(u)))
            .collect()
    };
    // Usage computers holding each summary number.
    let mut usage_holding: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (r, id) in usage_rows.iter().zip(usage_ids) {
        if let (Some(c), Some(id)) = (r.computer(), id) {
            usage_holding.entry(id.id.as_str()).or_default().insert(c);
        }
    }
    let mut event_computers: Vec<Vec<Option<Resolved>>> = Vec::new();
    for (m, id) in tables.iter().zip(maintenance_ids) {
        let own: BTreeSet<&str> = m.events.iter().filter_map(|e| e.computer()).collect();
        let holding = id.as_ref().and_then(|id| usage_holding.get(id.id.as_str()));
        let resolved = m
            .events
            .iter()
            .map(|e| {
                let c = e.computer()?;
                if !has_usage || in_usage.contains(c) {
                    return Some(Resolved::typed(c));
                }
                let user = e.user.value().map(|u| crate::workbook::text::norm(u));
                let open: Vec<&str> = holding
                    .map(|h| h.iter().copied().filter(|u| !own.contains(u)).collect())
                    .unwrap_or_default();
                let by_key: Vec<&str> = open
                    .iter()
                    .copied()
                    .filter(|u| similar_computers(c, u))
                    .collect();
                let by_user: Vec<&str> = open
                    .iter()
                    .copied()
                    .filter(|u| {
                        !in_logs.contains(u)
                            && user.as_ref().is_some_and(|n| users_of(u).contains(n))
                    })
                    .collect();
                match (by_key.as_slice(), by_user.as_slice()) {
                    ([one], _) | ([], [one]) => Some(Resolved::guess(one)),
                    _ => Some(Resolved::typed(c)),
                }
            })
            .collect();
        event_computers.push(resolved);
    }
    let mapped_logs: BTreeSet<(&str, &str)> = tables
        .iter()
        .zip(&event_computers)
        .flat_map(|(m, cs)| {
            m.events.iter().zip(cs).filter_map(|(e, c)| {
                let c = c.as_ref().filter(|c| c.guessed)?;
                Some((e.computer()?, c.id.as_str()))
            })
        })
        .collect();
    let usage_computers = usage_rows
        .iter()
        .zip(usage_ids)
        .map(|(r, id)| {
            let c = r.computer()?;
            if tables.is_empty() || in_logs.contains(c) {
                return Some(Resolved::typed(c));
            }
            let Some(id) = id else {
                return Some(Resolved::typed(c));
            };
            let holding = usage_holding.get(id.id.as_str());
            let open: Vec<&str> = tables
                .iter()
                .zip(maintenance_ids)
                .filter(|(_, mid)| mid.as_ref().is_some_and(|m| m.id == id.id))
                .flat_map(|(m, _)| m.events.iter().filter_map(|e| e.computer()))
                .filter(|m| holding.is_none_or(|h| !h.contains(m)))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let user = r.user.value().map(|u| crate::workbook::text::norm(u));
            let by_key: Vec<&str> = open
                .iter()
                .copied()
                .filter(|m| similar_computers(c, m))
                .collect();
            let by_user: Vec<&str> = open
                .iter()
                .copied()
                .filter(|m| {
                    !in_usage.contains(m)
                        && user.as_ref().is_some_and(|n| {
                            tables.iter().any(|t| {
                                t.events.iter().any(|e| {
                                    e.computer() == Some(m)
                                        && e.user.value().map(|u| crate::workbook::text::norm(u))
                                            == Some(n.clone())
                                })
                            })
                        })
                })
                .collect();
            let guess = match (by_key.as_slice(), by_user.as_slice()) {
                ([one], _) | ([], [one]) => *one,
                _ => return Some(Resolved::typed(c)),
            };
            if mapped_logs.contains(&(guess, c)) {
                Some(Resolved::typed(c))
            } else {
                Some(Resolved::guess(guess))
            }
        })
        .collect();
    (usage_computers, event_computers)
}

fn count_of(e: &Event) -> i64 {
    e.count.value().copied().filter(|c| *c > 0).unwrap_or(1)
}

/// Indices (into `dates`) outside one longest non-decreasing subsequence.
fn out_of_order(dates: &[(usize, NaiveDate)]) -> Vec<usize> {
    // Patience sorting with predecessor links.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; dates.len()];
    for i in 0..dates.len() {
        let d = dates[i].1;
        let pos = tails.partition_point(|&t| dates[t].1 <= d);
        prev[i] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut keep = vec![false; dates.len()];
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        keep[i] = true;
        cur = prev[i];
    }
    (0..dates.len())
        .filter(|&i| !keep[i])
        .map(|i| dates[i].0)
        .collect()
}

fn replay(
    m: &Maintenance,
    computers: &[Option<Resolved>],
    row: Option<&SummaryRow>,
    first_seen: &BTreeMap<&str, NaiveDate>,
) -> Replay {
    let mut out = Replay::default();
    let dated: Vec<(usize, NaiveDate)> = m
        .events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.date.value().map(|d| (i, *d)))
        .collect();
    out.out_of_order = out_of_order(&dated);
    let licenses = row
        .and_then(|r| r.commercial())
        .and_then(|t| t.license_count.value().copied())
        .or_else(|| {
            (m.info.kind.single() == Some(SoftwareKind::Commercial))
                .then(|| m.info.license_count.value().copied())
                .flatten()
        });
    let oem = row.and_then(|r| r.kind()).or(m.info.kind.single()) == Some(SoftwareKind::Oem);
    // A row without a date keeps its place in the sheet: it takes the date of the row above.
    let mut effective: Vec<Option<NaiveDate>> = Vec::with_capacity(m.events.len());
    let mut last: Option<NaiveDate> = dated.first().map(|d| d.1);
    for e in &m.events {
        if let Some(d) = e.date.value() {
            last = Some(*d);
        }
        effective.push(last);
    }
    let mut order: Vec<(usize, NaiveDate)> = (0..m.events.len())
        .filter_map(|i| effective[i].map(|d| (i, d)))
        .collect();
    // The action of a row whose boxes are unclear (ZB301) is read as the one that fits the
    // replay: an uninstall where the computer has the software, else an install.
    let mut actions: Vec<Option<Action>> = m.events.iter().map(|e| e.action.single()).collect();
    order.sort_by_key(|&(i, d)| (d, i));
    // Computer → (copies held, the install that put them there).
    let mut held: BTreeMap<String, (i64, usize)> = BTreeMap::new();
    let mut ever_held: BTreeSet<String> = BTreeSet::new();
    let mut total: i64 = 0;
    // Uninstalls a later install may be the other half of: (event, computer, date).
    let mut open_uninstalls: Vec<(usize, String, NaiveDate)> = Vec::new();
    for (i, date) in order {
        let e = &m.events[i];
        let n = count_of(e);
        let computer = computers
            .get(i)
            .and_then(|c| c.as_ref())
            .map(|c| c.id.clone());
        let action =
            *actions[i].get_or_insert_with(|| match computer.as_ref().and_then(|c| held.get(c)) {
                Some((n, _)) if *n > 0 => Action::Uninstall,
                _ => Action::Install,
            });
        let Some(computer) = computer else {
            match action {
                Action::Install => {
                    out.unattributed += n;
                    total += n;
                }
                Action::Uninstall => total = (total - n).max(0),
            }
            check_over(&mut out, licenses, total, i);
            continue;
        };
        match action {
            Action::Install => {
                let slot = held.entry(computer.clone()).or_insert((0, i));
                if slot.0 > 0 {
                    out.repeat_installs.push((i, slot.1));
                    // The same copy entered twice: keep the larger count, not the sum.
                    total += (n - slot.0).max(0);
                    slot.0 = slot.0.max(n);
                } else {
                    total += n;
                    slot.0 = n;
                }
                slot.1 = i;
                out.removed.remove(&computer);
                check_over(&mut out, licenses, total, i);
                // Reinstalling on the computer it was taken off: its own copy, not a move.
                if let Some(pos) = open_uninstalls.iter().position(|u| u.1 == computer) {
                    open_uninstalls.remove(pos);
                } else if oem
                    && !ever_held.contains(&computer)
                    && first_seen.get(computer.as_str()).is_some_and(|d| *d < date)
                {
                    if let Some(pos) = open_uninstalls
                        .iter()
                        .rposition(|u| (date - u.2).num_days() <= 90)
                    {
                        let (u, _, _) = open_uninstalls.remove(pos);
                        out.oem_moves.push((u, i));
                    }
                }
                ever_held.insert(computer);
            }
            Action::Uninstall => match held.get_mut(&computer) {
                Some(slot) if slot.0 > 0 => {
                    let removed = n.min(slot.0);
                    slot.0 -= removed;
                    total -= removed;
                    if slot.0 == 0 {
                        out.removed.insert(computer.clone(), i);
                    }
                    open_uninstalls.push((i, computer, date));
                }
                _ => out.orphan_uninstalls.push(i),
            },
        }
    }
    out.held = total;
    out.net = m
        .events
        .iter()
        .zip(&actions)
        .filter_map(|(e, a)| match (*a)? {
            Action::Install => Some(count_of(e)),
            Action::Uninstall => Some(-count_of(e)),
        })
        .sum();
    out.holders = held
        .into_iter()
        .filter(|(_, (n, _))| *n > 0)
        .map(|(c, (_, i))| (c, i))
        .collect();
    out
}

fn check_over(out: &mut Replay, licenses: Option<i64>, total: i64, event: usize) {
    if let (Some(l), None) = (licenses, out.over_license) {
        if total > l {
            out.over_license = Some((event, total, l));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn one_misplaced_row_is_one_outlier() {
        let dates: Vec<(usize, NaiveDate)> = [
            "2024-01-01",
            "2024-02-01",
            "2024-03-01",
            "2024-10-01",
            "2024-04-01",
            "2024-05-01",
        ]
        .iter()
        .enumerate()
        .map(|(i, s)| (i, d(s)))
        .collect();
        assert_eq!(out_of_order(&dates), vec![3]);
        let sorted: Vec<(usize, NaiveDate)> = dates[..3].to_vec();
        assert!(out_of_order(&sorted).is_empty());
        let early = vec![
            (0, d("2024-05-01")),
            (1, d("2024-01-01")),
            (2, d("2024-02-01")),
        ];
        assert_eq!(out_of_order(&early), vec![0]);
    }

    #[test]
    fn computer_typos_are_similar_but_other_computers_are_not() {
        assert!(similar_computers("SJ-PC-01", "SJ-PC-001"));
        assert!(similar_computers("sj-pc-001", "SJPC001"));
        assert!(similar_computers("SJ-PC-0001", "SJ-PC-001"));
        assert!(similar_computers("SJ-PC-010", "SJ-PC-100"));
        assert!(similar_computers("SJ-PC-1001", "SJ-PC-101"));
        assert!(!similar_computers("SJ-PC-001", "SJ-PC-002"));
        assert!(!similar_computers("SJ-PC-001", "SJ-PC-001"));
        assert!(!similar_computers("A1", "A10"));
        assert_eq!(computer_key("SJ-PC-000"), "SJPC0");
        assert_eq!(computer_key("PC01A"), "PC1A");
    }
}
