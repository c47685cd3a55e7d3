//! The inspector's roll-up (derive.md "Roll-up"): one plain-data entry per unit — status,
//! counts, figures, derived statistics, diagnostics — built from units checked in this run
//! or read back from `check`'s JSON, merged (the same files count once), sorted, and summed.
//! Renderers (`render::rollup`) draw it as a workbook or a page.

pub mod from_check;
pub mod from_json;
pub mod previous;
pub mod statistics;
pub mod unit;

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

pub use statistics::{StatisticsTotal, UnitStatistics};
pub use unit::{DiagnosticRow, Rates, UnitEntry, UnitStatus};

use crate::rules::Severity;

/// How much a note matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NoteLevel {
    /// Part of the input could not be used.
    Error,
    /// A unit is in the roll-up but not everywhere (not summed, for instance).
    Warning,
    /// For information (a duplicate merged).
    Info,
}

/// Something the roll-up tells its reader about how it was put together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// How much it matters.
    pub level: NoteLevel,
    /// The Chinese text.
    pub text: String,
}

impl Note {
    /// A note about input that could not be used.
    pub fn error(text: impl Into<String>) -> Self {
        Note {
            level: NoteLevel::Error,
            text: text.into(),
        }
    }
    /// A note about a unit not counted everywhere.
    pub fn warning(text: impl Into<String>) -> Self {
        Note {
            level: NoteLevel::Warning,
            text: text.into(),
        }
    }
    /// A note for information.
    pub fn info(text: impl Into<String>) -> Self {
        Note {
            level: NoteLevel::Info,
            text: text.into(),
        }
    }
}

/// Diagnostics of one rule over all units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCount {
    /// The rule code.
    pub code: String,
    /// The rule's one-line summary (empty for a code this version does not know).
    pub summary: String,
    /// Units with at least one finding.
    pub units: usize,
    /// Findings by severity.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Infos.
    pub info: usize,
}

impl RuleCount {
    /// All findings.
    pub fn total(&self) -> usize {
        self.error + self.warning + self.info
    }
}

/// Column sums of the unit list.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct UnitTotals {
    /// Errors.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Infos.
    pub info: usize,
    /// Computers.
    pub computers: usize,
    /// Users.
    pub users: usize,
    /// Over-deployed software numbers.
    pub over_deployed: usize,
    /// Copies short.
    pub short: i64,
    /// Expired licenses still installed.
    pub expired: usize,
    /// Licenses ending soon.
    pub expiring: usize,
    /// Stale ledgers.
    pub stale: usize,
    /// 正版率 over all units (Σ covered ÷ Σ installs per category); `None` where no unit
    /// has installs of the category, or some unit came from a shard without install counts.
    pub rates: Rates,
}

/// The roll-up of many units.
#[derive(Debug, Clone, PartialEq)]
pub struct Rollup {
    /// The statistics year.
    pub year: i32,
    /// The check dates of the units (one, normally).
    pub as_of: Vec<NaiveDate>,
    /// The units, in natural order of their names.
    pub units: Vec<UnitEntry>,
    /// Sections 二–五 summed over the units that report `year`.
    pub statistics: StatisticsTotal,
    /// How the roll-up was put together: duplicates, units not summed, unreadable input.
    pub notes: Vec<Note>,
    /// The comparison with last year's round (`--previous`).
    pub previous: Option<previous::Comparison>,
}

impl Rollup {
    /// Units per status, every status listed.
    pub fn status_counts(&self) -> Vec<(UnitStatus, usize)> {
        UnitStatus::ALL
            .iter()
            .map(|&s| (s, self.units.iter().filter(|u| u.status == s).count()))
            .collect()
    }

    /// Findings per rule, by code.
    pub fn by_rule(&self) -> Vec<RuleCount> {
        let mut map: BTreeMap<&str, RuleCount> = BTreeMap::new();
        for u in &self.units {
            let mut seen: Vec<&str> = Vec::new();
            for d in &u.diagnostics {
                let c = map.entry(&d.code).or_insert_with(|| RuleCount {
                    code: d.code.clone(),
                    summary: crate::rules::rule(&d.code)
                        .map(|r| r.summary.to_string())
                        .unwrap_or_default(),
                    units: 0,
                    error: 0,
                    warning: 0,
                    info: 0,
                });
                match d.severity {
                    Severity::Error => c.error += 1,
                    Severity::Warning => c.warning += 1,
                    Severity::Info => c.info += 1,
                }
                if !seen.contains(&d.code.as_str()) {
                    seen.push(&d.code);
                    c.units += 1;
                }
            }
        }
        map.into_values().collect()
    }

    /// Column sums of the unit list.
    pub fn totals(&self) -> UnitTotals {
        let mut t = UnitTotals::default();
        let mut installs: Option<[(usize, usize); 3]> = Some([(0, 0); 3]);
        for u in &self.units {
            installs = match (installs, u.metrics.installs) {
                (Some(mut sum), Some(unit)) => {
                    for (s, (c, n)) in sum.iter_mut().zip(unit) {
                        s.0 += c;
                        s.1 += n;
                    }
                    Some(sum)
                }
                _ => None,
            };
            t.error += u.counts.error;
            t.warning += u.counts.warning;
            t.info += u.counts.info;
            t.computers += u.metrics.computers;
            t.users += u.metrics.users;
            t.over_deployed += u.metrics.over_deployed.len();
            t.short += u.metrics.copies_short();
            t.expired += u.metrics.expired.len();
            t.expiring += u.metrics.expiring.len();
            t.stale += u.metrics.stale;
        }
        if let Some(sum) = installs {
            let rate = |(c, n): (usize, usize)| {
                (n > 0).then(|| (c as f64 / n as f64 * 10_000.0).round() / 10_000.0)
            };
            t.rates = Rates {
                os: rate(sum[0]),
                office: rate(sum[1]),
                antivirus: rate(sum[2]),
            };
        }
        t
    }

    /// Every diagnostic with its unit, units in order.
    pub fn diagnostics(&self) -> impl Iterator<Item = (&UnitEntry, &DiagnosticRow)> {
        self.units
            .iter()
            .flat_map(|u| u.diagnostics.iter().map(move |d| (u, d)))
    }

    /// Whether any unit has an error, or part of the input could not be used.
    pub fn has_errors(&self) -> bool {
        self.units.iter().any(|u| u.counts.error > 0)
            || self.notes.iter().any(|n| n.level == NoteLevel::Error)
    }
}

/// The identity of a unit for merging: its files, each resolved on this machine where it
/// exists. A unit without files is never merged with another.
fn unit_key(files: &[String]) -> Option<Vec<String>> {
    if files.is_empty() {
        return None;
    }
    let mut key: Vec<String> = files
        .iter()
        .map(|f| {
            std::fs::canonicalize(f)
                .map(|p| p.display().to_string())
                .unwrap_or_else(|_| f.clone())
        })
        .collect();
    key.sort();
    key.dedup();
    Some(key)
}

/// Names listed in one note at most; the rest are counted.
const NAMES_IN_NOTE: usize = 20;

fn name_list(names: &[String]) -> String {
    let mut s = names
        .iter()
        .take(NAMES_IN_NOTE)
        .cloned()
        .collect::<Vec<_>>()
        .join("、");
    if names.len() > NAMES_IN_NOTE {
        s.push_str(&format!(" 等 {} 个", names.len()));
    }
    s
}

/// Collects units from any source, in input order, and puts the roll-up together.
#[derive(Debug, Default)]
pub struct Builder {
    units: Vec<UnitEntry>,
    keys: HashMap<Vec<String>, usize>,
    notes: Vec<Note>,
    as_of: Vec<NaiveDate>,
}

impl Builder {
    /// An empty roll-up.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a unit; a unit with the same files as one already added is noted, not added.
    pub fn add(&mut self, entry: UnitEntry) {
        if let Some(key) = unit_key(&entry.files) {
            if let Some(&at) = self.keys.get(&key) {
                let kept = &self.units[at];
                self.notes.push(Note::info(format!(
                    "{}（{}）与{}（{}）是同一单位（文件相同：{}），只计一次",
                    entry.name,
                    entry.provenance.describe(),
                    kept.name,
                    kept.provenance.describe(),
                    entry.files.join("、")
                )));
                return;
            }
            self.keys.insert(key, self.units.len());
        }
        self.units.push(entry);
    }

    /// Add a note.
    pub fn note(&mut self, note: Note) {
        self.notes.push(note);
    }

    /// Record a check date of some of the units.
    pub fn as_of(&mut self, date: NaiveDate) {
        if !self.as_of.contains(&date) {
            self.as_of.push(date);
        }
    }

    /// The number of units added so far.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether no unit has been added.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The statistics year of the first unit that carries one (shards state theirs).
    pub fn first_year(&self) -> Option<i32> {
        self.units
            .iter()
            .find_map(|u| u.statistics.as_ref().map(|s| s.year))
    }

    /// Sort the units naturally by name (units of the same name by where they came from), sum the statistics of `year` and say which units
    /// were left out of the sum.
    pub fn finish(mut self, year: i32) -> Rollup {
        fn source(u: &UnitEntry) -> &str {
            u.source.as_deref().unwrap_or("")
        }
        self.units.sort_by(|a, b| {
            crate::ledger::natural::natural_cmp(&a.name, &b.name)
                .then_with(|| crate::ledger::natural::natural_cmp(source(a), source(b)))
                .then_with(|| a.files.cmp(&b.files))
        });
        let mut total = StatisticsTotal::new(year);
        let mut other_year: BTreeMap<i32, Vec<String>> = BTreeMap::new();
        let mut without = Vec::new();
        for u in &self.units {
            match &u.statistics {
                Some(s) if s.year == year => {
                    total.add(s);
                    if !u.status.has_data() {
                        total.without_data += 1;
                    }
                }
                Some(s) => other_year.entry(s.year).or_default().push(u.name.clone()),
                // a unit that sent nothing has nothing to count
                None if u.status == UnitStatus::Missing => {}
                None => without.push(u.name.clone()),
            }
        }
        for (y, names) in other_year {
            self.notes.push(Note::warning(format!(
                "{} 个单位的统计数据是 {y} 年度的，未计入 {year} 年度统计表：{}（按 {year} 年度重新运行 check --year {year}）",
                names.len(),
                name_list(&names)
            )));
        }
        if !without.is_empty() {
            self.notes.push(Note::warning(format!(
                "{} 个单位的 JSON 没有统计数据，未计入统计表：{}（用本版本的 check 重新生成）",
                without.len(),
                name_list(&without)
            )));
        }
        let mut names: HashMap<&str, usize> = HashMap::new();
        for u in &self.units {
            *names.entry(&u.name).or_default() += 1;
        }
        let mut same: Vec<String> = names
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .map(|(name, n)| format!("{name}（{n} 个）"))
            .collect();
        same.sort_by(|a, b| crate::ledger::natural::natural_cmp(a, b));
        if !same.is_empty() {
            self.notes.push(Note::info(format!(
                "几个单位同名，文件不同，分别列出：{}",
                name_list(&same)
            )));
        }
        self.as_of.sort();
        Rollup {
            year,
            as_of: self.as_of,
            units: self.units,
            statistics: total,
            notes: self.notes,
            previous: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unit::{Counts, Provenance, UnitMetrics};
    use super::*;

    #[test]
    fn the_total_rate_weighs_units_by_their_installs() {
        let rollup = |installs: &[Option<[(usize, usize); 3]>]| {
            let mut b = Builder::new();
            for (i, inst) in installs.iter().enumerate() {
                let mut e = entry(&format!("单位{i}"), &[&format!("{i}.xlsx")], None);
                e.metrics.installs = *inst;
                b.add(e);
            }
            b.finish(2026)
        };
        // 9 of 10 and 1 of 2 OS installs: 10 of 12 overall, not the mean 70%.
        let r = rollup(&[
            Some([(9, 10), (0, 0), (3, 3)]),
            Some([(1, 2), (0, 0), (0, 0)]),
        ]);
        let t = r.totals().rates;
        assert_eq!(t.os, Some(0.8333));
        assert_eq!(t.office, None, "no office installs anywhere");
        assert_eq!(t.antivirus, Some(1.0));
        // A shard without install counts leaves the total open rather than guess.
        let r = rollup(&[Some([(9, 10), (0, 0), (0, 0)]), None]);
        assert_eq!(r.totals().rates, Rates::default());
    }

    fn entry(name: &str, files: &[&str], year: Option<i32>) -> UnitEntry {
        let mut e = UnitEntry {
            name: name.into(),
            source: None,
            files: files.iter().map(|f| f.to_string()).collect(),
            status: UnitStatus::Clean,
            counts: Counts::default(),
            metrics: UnitMetrics {
                computers: 1,
                ..Default::default()
            },
            statistics: year.map(|y| UnitStatistics {
                year: y,
                people: Default::default(),
                computers: statistics::Computers {
                    servers: Some(1),
                    desktops: Some(2),
                    laptops: Some(0),
                    total: Some(3),
                },
                purchases: Default::default(),
                holdings: Default::default(),
                unclassified: vec![],
            }),
            diagnostics: vec![DiagnosticRow {
                code: "ZB413".into(),
                severity: Severity::Warning,
                file: None,
                sheet: None,
                cell: None,
                message: String::new(),
                help: String::new(),
            }],
            provenance: Provenance::Checked,
        };
        e.settle();
        e
    }

    #[test]
    fn merges_same_files_sorts_and_sums_one_year() {
        let mut b = Builder::new();
        b.add(entry("单位10", &["x/10.xlsx"], Some(2026)));
        b.add(entry("单位2", &["x/2.xlsx"], Some(2026)));
        b.add(entry("单位2", &["x/2.xlsx"], Some(2026)));
        b.add(entry("单位3", &["x/3.xlsx"], Some(2025)));
        b.add(entry("单位4", &["x/4.xlsx"], None));
        b.add(entry("空", &[], Some(2026)));
        b.add(entry("空", &[], Some(2026)));
        let r = b.finish(2026);
        let names: Vec<&str> = r.units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["单位2", "单位3", "单位4", "单位10", "空", "空"]);
        assert_eq!(r.statistics.units, 4);
        assert_eq!(r.statistics.computers, [4, 8, 0, 12]);
        let texts: Vec<&str> = r.notes.iter().map(|n| n.text.as_str()).collect();
        assert!(texts[0].contains("同一单位"), "{texts:?}");
        assert!(texts
            .iter()
            .any(|t| t.contains("2025 年度") && t.contains("单位3")));
        assert!(texts
            .iter()
            .any(|t| t.contains("没有统计数据") && t.contains("单位4")));
        assert!(texts
            .iter()
            .any(|t| t.contains("同名") && t.contains("空（2 个）")));
        let rules = r.by_rule();
        assert_eq!(rules.len(), 1);
        assert_eq!((rules[0].units, rules[0].warning), (6, 6));
        assert_eq!(r.totals().stale, 6);
        assert!(!r.has_errors());
    }
}
