//! One row of the roll-up: what an inspector needs to know about a unit, as plain data, the
//! same whether the unit was checked in this run or read back from `check`'s JSON.

use serde::Deserialize;

use super::statistics::UnitStatistics;
use crate::rules::Severity;

pub use crate::rules::known::{MISSING_LEDGER, NOT_SUBMITTED, STALE_LEDGER, UNREADABLE};

/// What the inspector reads first about a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitStatus {
    /// No error diagnostic, and the ledgers hold data.
    Clean,
    /// At least one error diagnostic.
    Faults,
    /// Ledgers found, but no data rows in them.
    Empty,
    /// No ledger found in what the unit sent.
    NoLedger,
    /// Nothing the unit sent could be read.
    Unreadable,
    /// On the roster, and nothing was sent (未报送).
    Missing,
}

impl UnitStatus {
    /// Every status, in the order the roll-up counts them.
    pub const ALL: [UnitStatus; 6] = [
        UnitStatus::Clean,
        UnitStatus::Faults,
        UnitStatus::Empty,
        UnitStatus::NoLedger,
        UnitStatus::Unreadable,
        UnitStatus::Missing,
    ];

    /// The Chinese word shown in the roll-up.
    pub fn label(self) -> &'static str {
        match self {
            UnitStatus::Clean => "合格",
            UnitStatus::Faults => "有错误",
            UnitStatus::Empty => "空台账",
            UnitStatus::NoLedger => "无台账",
            UnitStatus::Unreadable => "无法读取",
            UnitStatus::Missing => "未报送",
        }
    }

    /// The status as JSON writes it (`units[].status`).
    pub fn key(self) -> &'static str {
        match self {
            UnitStatus::Clean => "clean",
            UnitStatus::Faults => "errors",
            UnitStatus::Empty => "empty",
            UnitStatus::NoLedger => "no-ledger",
            UnitStatus::Unreadable => "unreadable",
            UnitStatus::Missing => "missing",
        }
    }

    /// Whether the unit's ledgers hold data (合格 or 有错误).
    pub fn has_data(self) -> bool {
        matches!(self, UnitStatus::Clean | UnitStatus::Faults)
    }

    /// Decide the status from what any source of a unit carries: its counts, its figures
    /// and the codes of its diagnostics. A unit with no data is never 合格, whatever its
    /// diagnostics; with data, an error makes it 有错误.
    pub fn of(counts: &Counts, metrics: &UnitMetrics, codes: &[&str]) -> Self {
        let has_data = metrics.computers > 0 || metrics.users > 0 || metrics.software > 0;
        if !has_data {
            if codes.contains(&NOT_SUBMITTED) {
                return UnitStatus::Missing;
            }
            if codes.contains(&UNREADABLE) {
                return UnitStatus::Unreadable;
            }
            if codes.contains(&MISSING_LEDGER) {
                return UnitStatus::NoLedger;
            }
            return UnitStatus::Empty;
        }
        if counts.error > 0 {
            UnitStatus::Faults
        } else {
            UnitStatus::Clean
        }
    }
}

/// Diagnostics by severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub struct Counts {
    /// 错误.
    #[serde(default)]
    pub error: usize,
    /// 警告.
    #[serde(default)]
    pub warning: usize,
    /// 提示.
    #[serde(default)]
    pub info: usize,
}

/// 正版率 per category (`None`: no installs of the category).
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
pub struct Rates {
    /// 操作系统.
    #[serde(default)]
    pub os: Option<f64>,
    /// 办公软件.
    #[serde(default)]
    pub office: Option<f64>,
    /// 杀毒软件.
    #[serde(default)]
    pub antivirus: Option<f64>,
}

impl Rates {
    /// The three rates in column order.
    pub fn all(&self) -> [Option<f64>; 3] {
        [self.os, self.office, self.antivirus]
    }
}

/// The labels of the three rated categories, in [`Rates::all`] order.
pub const RATE_LABELS: [&str; 3] = ["操作系统", "办公软件", "杀毒软件"];

/// A commercial number installed beyond its licenses.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Shortfall {
    /// 软件编号.
    pub id: String,
    /// 软件名称.
    #[serde(default)]
    pub name: String,
    /// 安装数量.
    #[serde(default)]
    pub installed: i64,
    /// 许可数量.
    #[serde(default)]
    pub licensed: i64,
    /// Copies short.
    #[serde(default)]
    pub short: i64,
}

/// A license that has ended, or ends soon.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Expiry {
    /// 软件编号.
    pub id: String,
    /// 软件名称.
    #[serde(default)]
    pub name: String,
    /// Last valid day (ISO).
    #[serde(default)]
    pub end: String,
    /// 安装数量.
    #[serde(default)]
    pub installed: i64,
}

/// The unit's figures the roll-up shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnitMetrics {
    /// Distinct 计算机编号.
    pub computers: usize,
    /// Distinct 姓名.
    pub users: usize,
    /// Software numbers in the summary.
    pub software: usize,
    /// 正版率.
    pub rates: Rates,
    /// The installs behind the rates (covered, all) per category, in column order; `None`
    /// from a shard written before check reported them.
    pub installs: Option<[(usize, usize); 3]>,
    /// Over-deployed numbers.
    pub over_deployed: Vec<Shortfall>,
    /// Licenses expired while installed.
    pub expired: Vec<Expiry>,
    /// Licenses ending within 90 days.
    pub expiring: Vec<Expiry>,
    /// Ledgers not updated for half a year (ZB413 findings).
    pub stale: usize,
}

impl UnitMetrics {
    /// Σ copies short over the over-deployed numbers.
    pub fn copies_short(&self) -> i64 {
        self.over_deployed.iter().map(|s| s.short.max(0)).sum()
    }
}

/// One diagnostic as the roll-up lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct DiagnosticRow {
    /// Rule code.
    pub code: String,
    /// Severity.
    pub severity: Severity,
    /// The file, if the fault has one.
    pub file: Option<String>,
    /// The sheet, if any.
    pub sheet: Option<String>,
    /// The A1 cell, if any.
    pub cell: Option<String>,
    /// What was found.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// Where a unit's figures came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Provenance {
    /// Checked in this run.
    Checked,
    /// Read from a `check` JSON/JSONL file, at a line (1-based; 0 for a JSON document).
    Shard {
        /// The file as named on the command line.
        path: String,
        /// The line.
        line: usize,
    },
}

impl Provenance {
    /// A short Chinese phrase for notes.
    pub fn describe(&self) -> String {
        match self {
            Provenance::Checked => "本次检查".to_string(),
            Provenance::Shard { path, line: 0 } => path.clone(),
            Provenance::Shard { path, line } => format!("{path} 第 {line} 行"),
        }
    }
}

/// One unit of the roll-up.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitEntry {
    /// 单位名称 as the unit's ledgers state it: twelve units copied from one template may
    /// all state the same name, so the roll-up also shows [`UnitEntry::source`].
    pub name: String,
    /// The folder or workbook the unit was found as, as the user named it (JSON's
    /// `source`); `None` for a roster unit that sent nothing, or JSON written before the key.
    pub source: Option<String>,
    /// The files, as the user named them.
    pub files: Vec<String>,
    /// The status.
    pub status: UnitStatus,
    /// Diagnostics by severity.
    pub counts: Counts,
    /// The figures.
    pub metrics: UnitMetrics,
    /// The derived statistics table (absent in JSON written before the key existed).
    pub statistics: Option<UnitStatistics>,
    /// Every diagnostic.
    pub diagnostics: Vec<DiagnosticRow>,
    /// Where it came from.
    pub provenance: Provenance,
}

impl UnitEntry {
    /// Fill in what follows from the diagnostics: the status and the stale-ledger count.
    pub fn settle(&mut self) {
        self.metrics.stale = self
            .diagnostics
            .iter()
            .filter(|d| d.code == STALE_LEDGER)
            .count();
        let codes: Vec<&str> = self.diagnostics.iter().map(|d| d.code.as_str()).collect();
        self.status = UnitStatus::of(&self.counts, &self.metrics, &codes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metrics(computers: usize) -> UnitMetrics {
        UnitMetrics {
            computers,
            ..Default::default()
        }
    }

    #[test]
    fn status_needs_data_to_be_clean() {
        let none = Counts::default();
        let errors = Counts {
            error: 2,
            ..Default::default()
        };
        assert_eq!(UnitStatus::of(&none, &metrics(3), &[]), UnitStatus::Clean);
        assert_eq!(
            UnitStatus::of(&errors, &metrics(3), &["ZB111"]),
            UnitStatus::Faults
        );
        assert_eq!(UnitStatus::of(&none, &metrics(0), &[]), UnitStatus::Empty);
        assert_eq!(
            UnitStatus::of(&errors, &metrics(0), &[MISSING_LEDGER, MISSING_LEDGER]),
            UnitStatus::NoLedger
        );
        assert_eq!(
            UnitStatus::of(&errors, &metrics(0), &[MISSING_LEDGER, UNREADABLE]),
            UnitStatus::Unreadable
        );
        // A split unit with one broken file but readable ledgers is a unit with errors.
        assert_eq!(
            UnitStatus::of(&errors, &metrics(5), &[UNREADABLE]),
            UnitStatus::Faults
        );
    }
}
