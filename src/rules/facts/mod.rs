//! Facts several rules need, computed once per unit: indexes by 软件编号 and 计算机编号,
//! the likely intended number behind a mistyped one, the maintenance replay, and how the
//! three ledgers compare for each software ([`Facts::reconcile`]).
//!
//! Resolving a mistyped number here is what keeps one typo from producing a flood: the rule
//! that owns the typo reports it (ZB402/ZB403/ZB404 for a 软件编号, ZB407 for a 计算机编号)
//! with its consequences as related cells, and every other rule counts the row under the
//! number it was meant to have.
//! - 软件编号: a known number is trusted unless the row's name belongs to exactly one other
//!   number; an unknown one is read by its name, and among purchase batches of one product by
//!   its spelling, by the logs (usage rows) or by which batch lacks a log (maintenance tables).
//! - 计算机编号: a log's number unknown to the usage ledger is read as the usage computer that
//!   has the software without a log entry and is spelled alike or shares a 使用人; a usage
//!   number unknown to every log likewise. Computers whose history in a log is complete
//!   (scrapped) are left alone, and one usage computer never stands for two log computers.
//! - The replay walks each log in date order up to the check date; a row without a date
//!   keeps its place, a row with unclear boxes is read as the action that fits, a repeated
//!   install or an uninstall from a computer without the software changes nothing (ZB304/ZB305
//!   report them). Rows dated after the check date are ZB310's: left out of the replay, and a
//!   difference between the ledgers that counting them would settle is not reported again.

mod computers;
pub(crate) use computers::computer_key;
mod ids;
mod replay;
pub mod statistics;
pub(crate) mod variants;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::classify::Catalogue;
use crate::ledger::maintenance::{Action, Event, Maintenance};
use crate::ledger::summary::SummaryRow;
use crate::ledger::usage::UsageRow;
use crate::ledger::values::{same_name, same_version, SoftwareKind};
use crate::ledger::Unit;
use crate::rules::{FastMap, FastSet};

pub use computers::similar_computers;
use computers::*;
use ids::*;
use replay::*;
pub use replay::{LogOrder, OemMove, Replay};

/// Licenses expiring within this many days are reported (ZB113), and counted as expiring by
/// the metrics.
pub const EXPIRY_WINDOW_DAYS: i64 = 90;

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

/// Row (or table) indices by summary number.
type RowsById = BTreeMap<String, Vec<usize>>;

/// (软件编号, 软件名称, 版本) of a usage row, as typed.
type RowKey<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>);

/// Facts shared by the rules of one unit.
pub struct Facts<'a> {
    /// Summary rows by 软件编号 (first summary only).
    pub by_id: BTreeMap<String, Vec<&'a SummaryRow>>,
    /// For each usage row of the first usage ledger: the summary number it refers to.
    pub usage_ids: Vec<Option<Resolved>>,
    /// For each usage row: the first summary row of that number (several rules read it for
    /// every row; looked up once here).
    usage_summary: Vec<Option<&'a SummaryRow>>,
    /// For each maintenance table: the summary number it belongs to.
    pub maintenance_ids: Vec<Option<Resolved>>,
    /// For each maintenance table: its replay.
    pub replays: Vec<Replay>,
    /// Each log's date order, as its sheet keeps it (a flat log's parts are one log).
    pub log_orders: Vec<LogOrder>,
    /// Usage rows by 计算机编号 (as typed).
    pub computers: BTreeMap<String, Vec<&'a UsageRow>>,
    /// For each usage row: its 计算机编号, or the maintenance logs' number it probably means.
    pub usage_computers: Vec<Option<Resolved>>,
    /// For each maintenance table and event: the 计算机编号 as the usage ledger spells it.
    pub event_computers: Vec<Vec<Option<Resolved>>>,
    /// Every number's [`Reconciliation`], built on the first [`Facts::reconcile`]: three
    /// rules reconcile every number, and building the indexes per number made a unit
    /// quadratic in its rows.
    reconciled: std::sync::OnceLock<FastMap<String, Reconciliation>>,
}

impl<'a> Facts<'a> {
    /// Compute the facts of a unit; the maintenance replay stops at the check date.
    pub fn new(unit: &'a Unit, _catalogue: &Catalogue, as_of: NaiveDate) -> Self {
        let mut by_id: BTreeMap<String, Vec<&SummaryRow>> = BTreeMap::new();
        if let Some(s) = unit.summary() {
            for row in &s.rows {
                if let Some(id) = row.id() {
                    by_id.entry(id.to_string()).or_default().push(row);
                }
            }
        }
        let usage_rows: &[UsageRow] = unit.usage().map(|u| u.rows.as_slice()).unwrap_or(&[]);
        // Thousands of usage rows name a few dozen (number, name, version): each is
        // resolved once.
        let mut resolved: FastMap<RowKey, Option<Resolved>> = FastMap::default();
        let usage_ids: Vec<Option<Resolved>> = usage_rows
            .iter()
            .map(|r| {
                let key = (
                    r.id(),
                    r.name.value().map(String::as_str),
                    r.version.value().map(String::as_str),
                );
                resolved
                    .entry(key)
                    .or_insert_with(|| resolve(&by_id, key.0, key.1, key.2))
                    .clone()
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
        let maintenance_ids = without_own_table(&by_id, &unit.maintenance, maintenance_ids);
        // Grouped by hash first: thousands of rows name a few hundred computers, and only
        // those are copied into the ordered map.
        let mut by_computer: FastMap<&str, Vec<&UsageRow>> = FastMap::default();
        for r in usage_rows {
            if let Some(c) = r.computer() {
                by_computer.entry(c).or_default().push(r);
            }
        }
        let computers: BTreeMap<String, Vec<&UsageRow>> = by_computer
            .into_iter()
            .map(|(c, rows)| (c.to_string(), rows))
            .collect();
        let (usage_computers, event_computers) = resolve_computers(
            unit.usage().is_some(),
            usage_rows,
            &usage_ids,
            &unit.maintenance,
            &maintenance_ids,
        );
        // When each computer first appears in any log or in the usage ledger (a computer that
        // existed before receiving an OEM copy did not come with that copy), and whether it
        // stays in use (listed in the usage ledger, or receiving installs later).
        let mut seen = Whereabouts::default();
        let mut first = |c, d: NaiveDate| {
            let slot = seen.first_seen.entry(c).or_insert(d);
            if d < *slot {
                *slot = d;
            }
        };
        for (m, cs) in unit.maintenance.iter().zip(&event_computers) {
            for (e, c) in m.events.iter().zip(cs) {
                if let (Some(c), Some(d)) = (c, e.date.value()) {
                    first(c.id.as_str(), *d);
                }
            }
        }
        for (r, c) in usage_rows.iter().zip(&usage_computers) {
            if let (Some(c), Some(d)) = (c, r.installed_on.value()) {
                first(c.id.as_str(), *d);
            }
        }
        for (m, cs) in unit.maintenance.iter().zip(&event_computers) {
            for (e, c) in m.events.iter().zip(cs) {
                let (Some(c), Some(&d)) = (c, e.date.value()) else {
                    continue;
                };
                if e.action.single() == Some(Action::Install) && d <= as_of {
                    let slot = seen.last_install.entry(c.id.as_str()).or_insert(d);
                    if d > *slot {
                        *slot = d;
                    }
                }
            }
        }
        seen.in_usage = usage_computers
            .iter()
            .flatten()
            .map(|c| c.id.as_str())
            .collect();
        let log_orders = log_orders(&unit.maintenance, as_of);
        let mut newest_first = vec![false; unit.maintenance.len()];
        for log in &log_orders {
            for &t in &log.tables {
                newest_first[t] = log.newest_first;
            }
        }
        let replays = unit
            .maintenance
            .iter()
            .zip(&maintenance_ids)
            .zip(&event_computers)
            .zip(&newest_first)
            .map(|(((m, id), cs), &newest)| {
                let row = id
                    .as_ref()
                    .and_then(|r| by_id.get(&r.id))
                    .and_then(|v| v.first().copied());
                replay(m, cs, row, &seen, as_of, newest)
            })
            .collect::<Vec<_>>();
        let usage_ids = by_log(
            &by_id,
            usage_rows,
            usage_ids,
            &usage_computers,
            &maintenance_ids,
            &replays,
        );
        let mut first_rows: FastMap<&str, Option<&SummaryRow>> = FastMap::default();
        let usage_summary = usage_ids
            .iter()
            .map(|r| {
                let id = r.as_ref()?.id.as_str();
                *first_rows
                    .entry(id)
                    .or_insert_with(|| by_id.get(id).and_then(|v| v.first().copied()))
            })
            .collect();
        Facts {
            by_id,
            usage_ids,
            usage_summary,
            maintenance_ids,
            replays,
            log_orders,
            computers,
            usage_computers,
            event_computers,
            reconciled: std::sync::OnceLock::new(),
        }
    }

    /// The summary row without a 软件编号 (ZB102) that a name refers to, when exactly one
    /// such row has that name: rows elsewhere using some number for it are that fault's
    /// consequence, not faults of their own.
    pub fn idless_row(&self, unit: &'a Unit, name: Option<&str>) -> Option<&'a SummaryRow> {
        let name = name?;
        let mut rows = unit
            .summary()?
            .rows
            .iter()
            .filter(|r| r.id.is_blank() && r.name.value().is_some_and(|n| same_name(n, name)));
        let first = rows.next()?;
        rows.next().is_none().then_some(first)
    }

    /// The first summary row of a number.
    pub fn summary_row(&self, id: &str) -> Option<&'a SummaryRow> {
        self.by_id.get(id).and_then(|v| v.first().copied())
    }

    /// The first summary row of the number a usage row refers to (its resolved 软件编号):
    /// `summary_row` of `usage_ids[row]`.
    pub fn usage_summary_row(&self, row: usize) -> Option<&'a SummaryRow> {
        self.usage_summary.get(row).copied().flatten()
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
        owned(indices_by_id(&self.usage_ids))
    }

    /// The maintenance table (index) of each summary number, typos resolved.
    pub fn maintenance_by_id(&self) -> BTreeMap<String, Vec<usize>> {
        owned(indices_by_id(&self.maintenance_ids))
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
    pub fn reconcile(&self, unit: &Unit, id: &str) -> Option<&Reconciliation> {
        self.reconciled
            .get_or_init(|| {
                let usage_by_id = indices_by_id(&self.usage_ids);
                let maintenance_by_id = indices_by_id(&self.maintenance_ids);
                self.by_id
                    .iter()
                    .filter_map(|(id, rows)| {
                        let [row] = rows.as_slice() else {
                            return None;
                        };
                        let usage_rows =
                            usage_by_id.get(id.as_str()).map_or(&[][..], Vec::as_slice);
                        let tables = maintenance_by_id
                            .get(id.as_str())
                            .map_or(&[][..], Vec::as_slice);
                        Some((
                            id.clone(),
                            self.reconcile_one(unit, row, usage_rows, tables),
                        ))
                    })
                    .collect()
            })
            .get(id)
    }

    /// [`Facts::reconcile`] of one number: its summary row, usage rows and tables.
    fn reconcile_one(
        &self,
        unit: &Unit,
        row: &SummaryRow,
        usage_rows: &[usize],
        tables: &[usize],
    ) -> Reconciliation {
        // A negative count is ZB114's to report; comparing it would repeat that fault.
        let installed = row.installed.value().copied().filter(|n| *n >= 0);
        // Distinct computers → their first row: sorted stably, the first of each run is it.
        let mut holders: Vec<(&str, usize)> = usage_rows
            .iter()
            .filter_map(|&r| Some((self.usage_computer(r)?, r)))
            .collect();
        holders.sort_by(|a, b| a.0.cmp(b.0));
        holders.dedup_by(|b, a| a.0 == b.0);
        let usage_holders: BTreeMap<String, usize> = holders
            .into_iter()
            .map(|(c, r)| (c.to_string(), r))
            .collect();
        let table = match tables {
            [one] => Some(*one),
            _ => None,
        };
        let mut only_in_maintenance = Vec::new();
        let mut only_in_usage = Vec::new();
        if let (Some(t), Some(_)) = (table, unit.usage()) {
            let replay = &self.replays[t];
            // A computer the events after the check date would settle is theirs (ZB310).
            let settled = |c: &String, held: bool| {
                replay
                    .with_future
                    .as_ref()
                    .is_some_and(|f| f.holders.contains_key(c) != held)
            };
            // Installs logged without a 计算机编号 (ZB302) may be the missing ones.
            let usage_side = replay.unattributed == 0;
            // Both sides are ordered by computer: one walk finds who is on one side only.
            let mut logs = replay.holders.iter().peekable();
            let mut listed = usage_holders.iter().peekable();
            loop {
                let (l, u) = (logs.peek(), listed.peek());
                let log_only = match (l, u) {
                    (None, None) => break,
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (Some((a, _)), Some((b, _))) if a == b => {
                        logs.next();
                        listed.next();
                        continue;
                    }
                    (Some((a, _)), Some((b, _))) => a < b,
                };
                if log_only {
                    let (c, &e) = logs.next().expect("peeked");
                    if !settled(c, true) {
                        only_in_maintenance.push((c.clone(), e));
                    }
                } else {
                    let (c, &r) = listed.next().expect("peeked");
                    if usage_side && !settled(c, false) {
                        only_in_usage.push((c.clone(), r));
                    }
                }
            }
        }
        Reconciliation {
            installed,
            usage_rows: unit.usage().map(|_| usage_rows.to_vec()),
            usage_holders,
            table,
            held: table.map(|t| self.replays[t].held),
            held_with_future: table
                .and_then(|t| self.replays[t].with_future.as_ref())
                .map(|f| f.held),
            only_in_maintenance,
            only_in_usage,
        }
    }
}

/// Indices of the rows (or tables) resolved to each summary number, in order.
fn indices_by_id(ids: &[Option<Resolved>]) -> FastMap<&str, Vec<usize>> {
    let mut out: FastMap<&str, Vec<usize>> = FastMap::default();
    for (i, id) in ids.iter().enumerate() {
        if let Some(id) = id {
            out.entry(id.id.as_str()).or_default().push(i);
        }
    }
    out
}

/// [`indices_by_id`] as an ordered map of owned numbers.
fn owned(by_id: FastMap<&str, Vec<usize>>) -> RowsById {
    by_id
        .into_iter()
        .map(|(id, rows)| (id.to_string(), rows))
        .collect()
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
    /// Copies held by the replay of that table (up to the check date).
    pub held: Option<i64>,
    /// Copies held were the events after the check date counted, when it has any.
    pub held_with_future: Option<i64>,
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
        // Counting the events after the check date would agree: ZB310 reports them.
        if s == h || self.held_with_future == Some(s) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(name: &str, lines: &[Vec<String>]) -> (String, Vec<Vec<String>>) {
        (name.to_string(), lines.to_vec())
    }

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    /// Software: (编号, 名称, 版本, 类型, 许可数量, 安装数量).
    type Soft = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    );

    const SOFT: [Soft; 3] = [
        ("RJ001", "Windows 10", "专业版", "OEM软件", "—", "2"),
        ("RJ002", "WPS Office 2019", "专业版", "商业软件", "5", "2"),
        ("RJ003", "奇安信天擎", "V10", "商业软件", "5", "2"),
    ];

    /// Four text cells of a usage row or a log event.
    type Row4 = (&'static str, &'static str, &'static str, &'static str);

    /// A unit with the three ledgers: `usage` rows are (姓名, 计算机编号, 软件编号, 软件名称),
    /// `logs` map a 软件编号 to its events (安装/卸载, 计算机编号, 使用人, 日期).
    fn unit(soft: &[Soft], usage_rows: &[Row4], logs: &[(&str, &[Row4])]) -> Unit {
        let mut lines = vec![
            strings(&["软件使用情况汇总表"]),
            strings(&["单位名称：测试局"]),
            strings(&[
                "序号",
                "软件编号",
                "软件名称",
                "软件版本",
                "软件类型",
                "采购时间",
                "采购金额",
                "许可类型",
                "许可数量",
                "可使用版本",
                "许可期限",
                "序列号",
                "安装数量",
            ]),
        ];
        for (i, (id, name, version, kind, licenses, installed)) in soft.iter().enumerate() {
            let n = (i + 1).to_string();
            lines.push(strings(&[
                &n, id, name, version, kind, "", "", "", licenses, "", "永久", "", installed,
            ]));
        }
        let summary_sheet = sheet("汇总表", &lines);
        let mut lines = vec![
            strings(&["软件使用情况明细表"]),
            strings(&["单位名称：测试局"]),
            strings(&[
                "序号",
                "部门",
                "姓名",
                "计算机编号",
                "计算机品牌",
                "软件编号",
                "软件名称",
                "软件版本",
                "许可期限",
                "软件类型",
                "",
                "",
                "安装日期",
            ]),
            strings(&[
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "商业软件",
                "OEM软件",
                "免费软件",
                "",
            ]),
        ];
        for (i, (user, computer, id, name)) in usage_rows.iter().enumerate() {
            let n = (i + 1).to_string();
            lines.push(strings(&[
                &n,
                "办公室",
                user,
                computer,
                "联想",
                id,
                name,
                "",
                "",
                "☑",
                "□",
                "□",
                "2024-03-01",
            ]));
        }
        let usage_sheet = sheet("明细表", &lines);
        let mut sheets = vec![summary_sheet, usage_sheet];
        for (key, events) in logs {
            // `typed|RJ002`: a log numbered `typed` describing RJ002.
            let (id, info) = key.split_once('|').unwrap_or((key, key));
            let (_, name, version, kind, licenses, _) = soft
                .iter()
                .find(|s| s.0 == info)
                .copied()
                .unwrap_or((id, "", "", "", "", ""));
            let mut lines = vec![
                strings(&["软件安装维护情况明细表"]),
                strings(&["单位名称：测试局"]),
                strings(&["一、软件基本信息"]),
                strings(&[
                    "软件编号",
                    "软件名称",
                    "软件版本",
                    "软件类型",
                    "",
                    "",
                    "许可数量",
                ]),
                strings(&["", "", "", "商业软件", "OEM软件", "免费软件", ""]),
                strings(&[
                    id,
                    name,
                    version,
                    if kind == "商业软件" { "☑" } else { "□" },
                    if kind == "OEM软件" { "☑" } else { "□" },
                    "□",
                    licenses,
                ]),
                strings(&["二、软件安装卸载明细"]),
                strings(&[
                    "序号",
                    "安装",
                    "卸载",
                    "计算机编号",
                    "计算机品牌",
                    "使用人",
                    "使用部门",
                    "安装/卸载版本",
                    "安装/卸载日期",
                    "安装数量",
                ]),
            ];
            for (i, (action, computer, user, date)) in events.iter().enumerate() {
                let n = (i + 1).to_string();
                let (a, b) = match *action {
                    "安装" => ("☑", "□"),
                    "卸载" => ("□", "☑"),
                    _ => ("□", "□"),
                };
                lines.push(strings(&[
                    &n,
                    a,
                    b,
                    computer,
                    "联想",
                    user,
                    "办公室",
                    "",
                    date,
                    "1",
                ]));
            }
            sheets.push(sheet(id, &lines));
        }
        let named: Vec<(&str, &[Vec<String>])> = sheets
            .iter()
            .map(|(n, rows)| (n.as_str(), rows.as_slice()))
            .collect();
        let unit = crate::ledger::from_text("t.xlsx", &named);
        assert_eq!(unit.summaries.len(), 1);
        assert_eq!(unit.usages.len(), 1);
        assert_eq!(unit.maintenance.len(), logs.len());
        unit
    }

    fn facts(unit: &Unit) -> Facts<'_> {
        Facts::new(unit, &Catalogue::default(), d("2100-01-01"))
    }

    fn ids(f: &Facts) -> Vec<Option<(String, bool)>> {
        f.usage_ids
            .iter()
            .map(|r| r.as_ref().map(|r| (r.id.clone(), r.guessed)))
            .collect()
    }

    #[test]
    fn software_numbers_resolve_by_name_when_mistyped() {
        let u = unit(
            &SOFT,
            &[
                ("张伟", "PC-1", "RJ002", "WPS Office 2019"),
                ("张伟", "PC-1", "RJ02", "WPS Office 2019"),
                ("张伟", "PC-1", "", "奇安信天擎"),
                ("张伟", "PC-1", "RJ001", "奇安信天擎"),
                ("张伟", "PC-1", "RJ009", "某软件"),
                ("张伟", "PC-1", "RJ002", "WPS Office 2016"),
            ],
            &[],
        );
        let f = facts(&u);
        let some = |id: &str, guessed| Some((id.to_string(), guessed));
        assert_eq!(
            ids(&f),
            vec![
                some("RJ002", false),
                some("RJ002", true),
                some("RJ003", true),
                // A number of another software: the name wins.
                some("RJ003", true),
                None,
                // The name matches no other number: trust the number (ZB404 reports the name).
                some("RJ002", false),
            ]
        );
    }

    #[test]
    fn two_batches_of_one_product_are_told_apart_by_the_number_only() {
        let mut soft = SOFT.to_vec();
        soft.push(("RJ004", "WPS Office 2019", "专业版", "商业软件", "3", "0"));
        let u = unit(
            &soft,
            &[
                ("张伟", "PC-1", "RJ09", "WPS Office 2019"),
                // Spelled like one of them.
                ("张伟", "PC-1", "RJ02", "WPS Office 2019"),
            ],
            &[],
        );
        let f = facts(&u);
        assert_eq!(ids(&f), vec![None, Some(("RJ002".to_string(), true))]);
        assert_eq!(
            f.ids_by_name("WPS Office 2019", Some("专业版")),
            vec!["RJ002", "RJ004"]
        );
    }

    #[test]
    fn log_of_two_batches_is_the_one_without_a_log() {
        let mut soft = SOFT.to_vec();
        soft.push(("RJ004", "WPS Office 2019", "专业版", "商业软件", "3", "0"));
        let u = unit(
            &soft,
            &[],
            &[
                ("RJ004", &[("安装", "PC-1", "张伟", "2024-03-01")]),
                ("WPS-1|RJ004", &[("安装", "PC-2", "李娜", "2024-03-01")]),
            ],
        );
        let f = facts(&u);
        let got: Vec<_> = f
            .maintenance_ids
            .iter()
            .map(|r| r.as_ref().map(|r| (r.id.as_str(), r.guessed)))
            .collect();
        assert_eq!(got, vec![Some(("RJ004", false)), Some(("RJ002", true))]);
    }

    #[test]
    fn mistyped_computer_in_a_log_reads_as_the_usage_computer() {
        let u = unit(
            &SOFT,
            &[
                ("张伟", "SJ-PC-001", "RJ002", "WPS Office 2019"),
                ("李娜", "SJ-PC-002", "RJ002", "WPS Office 2019"),
            ],
            &[(
                "RJ002",
                &[
                    ("安装", "SJ-PC-01", "张伟", "2024-03-01"),
                    ("安装", "SJ-PC-002", "李娜", "2024-03-02"),
                    // A real other computer: no similar open usage computer.
                    ("安装", "SJ-PC-004", "王五", "2024-03-03"),
                ],
            )],
        );
        let f = facts(&u);
        let got: Vec<_> = f.event_computers[0]
            .iter()
            .map(|c| c.as_ref().map(|c| (c.id.as_str(), c.guessed)))
            .collect();
        assert_eq!(
            got,
            vec![
                Some(("SJ-PC-001", true)),
                Some(("SJ-PC-002", false)),
                Some(("SJ-PC-004", false)),
            ]
        );
        let holders: Vec<&str> = f.replays[0].holders.keys().map(String::as_str).collect();
        assert_eq!(holders, vec!["SJ-PC-001", "SJ-PC-002", "SJ-PC-004"]);
        let rec = f.reconcile(&u, "RJ002").unwrap();
        assert_eq!(rec.only_in_maintenance.len(), 1);
        assert!(rec.only_in_usage.is_empty());
    }

    #[test]
    fn computer_typed_by_the_same_user_on_one_side_only() {
        // The log names 张伟's computer “张伟电脑”; the usage ledger has SJ-PC-001.
        let u = unit(
            &SOFT,
            &[("张伟", "SJ-PC-001", "RJ002", "WPS Office 2019")],
            &[("RJ002", &[("安装", "张伟电脑", "张伟", "2024-03-01")])],
        );
        let f = facts(&u);
        assert_eq!(f.event_computer(0, 0), Some("SJ-PC-001"));
        assert!(f.usage_computers[0].as_ref().is_some_and(|c| !c.guessed));
    }

    #[test]
    fn mistyped_computer_in_the_usage_ledger_reads_as_the_log_computer() {
        let u = unit(
            &SOFT,
            &[
                ("张伟", "SJ-PC-001", "RJ002", "WPS Office 2019"),
                ("张伟", "SJ-PC-01", "RJ003", "奇安信天擎"),
            ],
            &[
                ("RJ002", &[("安装", "SJ-PC-001", "张伟", "2024-03-01")]),
                ("RJ003", &[("安装", "SJ-PC-001", "张伟", "2024-03-01")]),
            ],
        );
        let f = facts(&u);
        assert_eq!(f.usage_computer(1), Some("SJ-PC-001"));
        assert!(f.usage_computers[1].as_ref().unwrap().guessed);
        assert!(f.reconcile(&u, "RJ003").unwrap().only_in_usage.is_empty());
    }

    #[test]
    fn one_computer_numbered_differently_throughout_maps_the_logs_only() {
        let u = unit(
            &SOFT,
            &[("张伟", "SJ-PC-01", "RJ002", "WPS Office 2019")],
            &[("RJ002", &[("安装", "SJ-PC-001", "张伟", "2024-03-01")])],
        );
        let f = facts(&u);
        assert_eq!(f.event_computer(0, 0), Some("SJ-PC-01"));
        assert!(f.usage_computers[0].as_ref().is_some_and(|c| !c.guessed));
    }

    #[test]
    fn scrapped_computer_is_not_read_as_a_typo() {
        // SJ-PC-012 was scrapped (installed, then uninstalled); SJ-PC-001 is spelled SJ-PC-01
        // in the usage ledger. Only the latter is one computer under two numbers.
        let u = unit(
            &SOFT,
            &[("张伟", "SJ-PC-01", "RJ002", "WPS Office 2019")],
            &[(
                "RJ002",
                &[
                    ("安装", "SJ-PC-001", "张伟", "2024-03-01"),
                    ("安装", "SJ-PC-012", "王五", "2024-03-02"),
                    ("卸载", "SJ-PC-012", "王五", "2025-03-02"),
                ],
            )],
        );
        let f = facts(&u);
        assert_eq!(f.event_computer(0, 0), Some("SJ-PC-01"));
        assert_eq!(f.event_computer(0, 1), Some("SJ-PC-012"));
        assert!(!f.event_computers[0][1].as_ref().unwrap().guessed);
    }

    #[test]
    fn two_log_computers_are_never_read_as_one() {
        let u = unit(
            &SOFT,
            &[("张伟", "SJ-PC-001", "RJ002", "WPS Office 2019")],
            &[(
                "RJ002",
                &[
                    ("安装", "SJ-PC-01", "张伟", "2024-03-01"),
                    ("安装", "SJ-PC-0001", "王五", "2024-03-02"),
                ],
            )],
        );
        let f = facts(&u);
        assert!(f.event_computers[0].iter().flatten().all(|c| !c.guessed));
    }

    #[test]
    fn number_of_two_batches_settled_by_the_log() {
        let mut soft = SOFT.to_vec();
        soft.push(("RJ004", "WPS Office 2019", "专业版", "商业软件", "3", "1"));
        let u = unit(
            &soft,
            &[
                ("张伟", "PC-1", "RJ002", "WPS Office 2019"),
                ("李娜", "PC-2", "RJ02", "WPS Office 2019"),
                ("刘洋", "PC-3", "RJ004", "WPS Office 2019"),
            ],
            &[
                (
                    "RJ002",
                    &[
                        ("安装", "PC-1", "张伟", "2024-03-01"),
                        ("安装", "PC-2", "李娜", "2024-03-02"),
                    ],
                ),
                ("RJ004", &[("安装", "PC-3", "刘洋", "2024-03-03")]),
            ],
        );
        let f = facts(&u);
        assert_eq!(
            f.usage_ids[1],
            Some(Resolved {
                id: "RJ002".into(),
                guessed: true
            })
        );
    }

    #[test]
    fn a_log_kept_newest_first_is_in_order() {
        let log: &[Row4] = &[
            ("安装", "PC-3", "刘洋", "2024-05-01"),
            ("卸载", "PC-1", "张伟", "2024-04-01"),
            ("安装", "PC-2", "李娜", "2024-03-02"),
            ("安装", "PC-1", "张伟", "2024-03-01"),
        ];
        let u = unit(&SOFT, &[], &[("RJ002", log)]);
        let f = facts(&u);
        assert!(f.log_orders[0].newest_first);
        assert!(f.log_orders[0].out_of_order.is_empty());
        // The replay goes by date: PC-1's copy was installed, then removed.
        assert!(f.replays[0].orphan_uninstalls.is_empty());
        assert_eq!(f.replays[0].held, 2);
        // Two rows swapped in it: only one breaks the log's own direction.
        let swapped: &[Row4] = &[log[0], log[2], log[1], log[3]];
        let u = unit(&SOFT, &[], &[("RJ002", swapped)]);
        let f = facts(&u);
        assert!(f.log_orders[0].newest_first);
        assert_eq!(f.log_orders[0].out_of_order.len(), 1);
    }

    #[test]
    fn replay_counts_each_copy_once() {
        let u = unit(
            &SOFT,
            &[],
            &[(
                "RJ002",
                &[
                    ("安装", "PC-1", "张伟", "2024-03-01"),
                    ("安装", "PC-1", "张伟", "2024-04-01"), // repeated
                    ("卸载", "PC-9", "王五", "2024-04-02"), // nothing to uninstall
                    ("安装", "PC-2", "李娜", "2024-04-03"),
                    ("", "PC-2", "李娜", "2024-05-01"), // boxes empty: reads as the uninstall
                    ("安装", "PC-3", "刘洋", ""),       // no date: keeps its place
                ],
            )],
        );
        let f = facts(&u);
        let r = &f.replays[0];
        assert_eq!(r.repeat_installs, vec![(1, 0)]);
        assert_eq!(r.orphan_uninstalls, vec![2]);
        assert_eq!(r.held, 2);
        assert_eq!(r.net, 2);
        let holders: Vec<&str> = r.holders.keys().map(String::as_str).collect();
        assert_eq!(holders, vec!["PC-1", "PC-3"]);
        assert_eq!(r.removed.get("PC-2"), Some(&4));
        assert!(f.log_orders[0].out_of_order.is_empty());
        assert!(!f.log_orders[0].newest_first);
    }

    #[test]
    fn replay_reports_the_first_date_over_the_licenses() {
        let mut soft = SOFT.to_vec();
        soft[1].4 = "2";
        let u = unit(
            &soft,
            &[],
            &[(
                "RJ002",
                &[
                    ("安装", "PC-1", "张伟", "2024-03-01"),
                    ("安装", "PC-2", "李娜", "2024-03-02"),
                    ("卸载", "PC-1", "张伟", "2024-03-03"),
                    ("安装", "PC-3", "刘洋", "2024-03-04"),
                    ("安装", "PC-4", "王五", "2024-03-05"),
                ],
            )],
        );
        assert_eq!(facts(&u).replays[0].over_license, Some((4, 3, 2)));
    }

    #[test]
    fn oem_copy_moved_to_an_existing_computer() {
        let u = unit(
            &SOFT,
            &[],
            &[
                (
                    "RJ001",
                    &[
                        ("安装", "PC-1", "张伟", "2024-03-01"),
                        ("卸载", "PC-1", "张伟", "2025-03-01"),
                        ("安装", "PC-3", "刘洋", "2025-03-02"), // existed since 2024
                        ("安装", "PC-5", "王五", "2025-03-03"), // new computer
                    ],
                ),
                ("RJ002", &[("安装", "PC-3", "刘洋", "2024-05-01")]),
            ],
        );
        assert_eq!(
            facts(&u).replays[0].oem_moves,
            vec![OemMove {
                uninstall: 1,
                install: 2,
                onto_new: false
            }]
        );
    }

    #[test]
    fn reconciliation_names_the_odd_ledger_out() {
        let usage_rows = [
            ("张伟", "PC-1", "RJ002", "WPS Office 2019"),
            ("李娜", "PC-2", "RJ002", "WPS Office 2019"),
        ];
        let both: &[Row4] = &[
            ("安装", "PC-1", "张伟", "2024-03-01"),
            ("安装", "PC-2", "李娜", "2024-03-02"),
        ];
        // The summary says 3; usage and log say 2: only ZB405.
        let mut soft = SOFT.to_vec();
        soft[1].5 = "3";
        let u = unit(&soft, &usage_rows, &[("RJ002", both)]);
        let f = facts(&u);
        let rec = f.reconcile(&u, "RJ002").unwrap();
        assert_eq!(rec.summary_vs_usage(), Some((3, 2)));
        assert_eq!(rec.summary_vs_maintenance(), None);
        // The log lacks PC-2: only ZB407.
        let u = unit(&SOFT, &usage_rows, &[("RJ002", &both[..1])]);
        let f = facts(&u);
        let rec = f.reconcile(&u, "RJ002").unwrap();
        assert!(rec.holders_differ());
        assert_eq!(rec.summary_vs_usage(), None);
        assert_eq!(rec.summary_vs_maintenance(), None);
        // The usage ledger lacks PC-2: only ZB407.
        let u = unit(&SOFT, &usage_rows[..1], &[("RJ002", both)]);
        let f = facts(&u);
        let rec = f.reconcile(&u, "RJ002").unwrap();
        assert!(rec.holders_differ());
        assert_eq!(rec.summary_vs_usage(), None);
        assert_eq!(rec.summary_vs_maintenance(), None);
    }

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
        // A row appended at the end with an old date is the one out of place.
        let late = vec![
            (0, d("2024-01-01")),
            (1, d("2024-05-01")),
            (2, d("2024-03-01")),
        ];
        assert_eq!(out_of_order(&late), vec![2]);
        let mut long: Vec<(usize, NaiveDate)> = (0..5000)
            .map(|i| (i, d("2020-01-01") + chrono::Duration::days(i as i64)))
            .collect();
        long[10].1 = d("2020-05-01");
        assert_eq!(out_of_order(&long), vec![10]);
        assert_eq!(out_of_order(&dates[..]), out_of_order_fast(&dates[..]));
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
