//! The figures reported with every unit (rules.md "Metrics"): computers, users, software by
//! type, the 正版率 per category, over-deployment and expiring licenses.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::classify::{Catalogue, Category};
use crate::ledger::values::SoftwareKind;
use crate::ledger::Unit;
use crate::rules::facts::EXPIRY_WINDOW_DAYS;
use crate::rules::{Facts, FastMap, FastSet};

/// Metrics of one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Metrics {
    /// Distinct 计算机编号 in the usage ledger.
    pub computers: usize,
    /// Distinct 姓名 in the usage ledger.
    pub users: usize,
    /// Software numbers in the summary by type.
    pub software: BTreeMap<SoftwareKind, usize>,
    /// 正版率 per category (`null` where the category has no installs).
    pub genuine_rate: GenuineRate,
    /// The installs behind the 正版率: covered and all, per category, so that rates of many
    /// units can be combined (a county's rate is Σ covered ÷ Σ installs, not a mean of rates).
    pub installs: Installs,
    /// Commercial numbers installed beyond their licenses.
    pub over_deployed: Vec<Shortfall>,
    /// Licenses expired at the check date while installed.
    pub expired: Vec<Expiry>,
    /// Licenses ending within 90 days of the check date.
    pub expiring: Vec<Expiry>,
    /// The 核对结果 of `reconcile`, computer by computer (absent without inventories).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reconciliation: Vec<crate::rules::ComputerCheck>,
}

/// 正版率 per category.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct GenuineRate {
    /// 操作系统.
    pub os: Option<f64>,
    /// 办公软件.
    pub office: Option<f64>,
    /// 杀毒软件.
    pub antivirus: Option<f64>,
}

/// Installs per category, covered by a valid license and in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Installs {
    /// 操作系统.
    pub os: Tally,
    /// 办公软件.
    pub office: Tally,
    /// 杀毒软件.
    pub antivirus: Tally,
}

/// Covered installs and all installs of one category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Tally {
    /// Installs covered by a valid license (OEM and free count as covered).
    pub covered: usize,
    /// All installs.
    pub total: usize,
}

impl Tally {
    /// covered ÷ total to 4 decimals, `None` without installs.
    pub fn rate(self) -> Option<f64> {
        (self.total > 0)
            .then(|| (self.covered as f64 / self.total as f64 * 10_000.0).round() / 10_000.0)
    }
}

/// An over-deployed software number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shortfall {
    /// 软件编号.
    pub id: String,
    /// 软件名称.
    pub name: String,
    /// 安装数量.
    pub installed: i64,
    /// 许可数量.
    pub licensed: i64,
    /// Copies short.
    pub short: i64,
}

/// A license that has ended or is about to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Expiry {
    /// 软件编号.
    pub id: String,
    /// 软件名称.
    pub name: String,
    /// Last valid day.
    pub end: NaiveDate,
    /// 安装数量.
    pub installed: i64,
}

/// Compute the metrics of a unit.
pub fn metrics(unit: &Unit, facts: &Facts, catalogue: &Catalogue, as_of: NaiveDate) -> Metrics {
    let mut m = Metrics::default();
    if let Some(u) = unit.usage() {
        let computers: FastSet<&str> = u.rows.iter().filter_map(|r| r.computer()).collect();
        let users: FastSet<&str> = u
            .rows
            .iter()
            .filter_map(|r| r.user.value().map(String::as_str))
            .collect();
        m.computers = computers.len();
        m.users = users.len();
    }
    let Some(summary) = unit.summary() else {
        return m;
    };
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for row in &summary.rows {
        let (Some(id), Some(kind)) = (row.id(), row.kind()) else {
            continue;
        };
        if seen.insert(id) {
            *m.software.entry(kind).or_default() += 1;
        }
        let name = row.name.value().cloned().unwrap_or_default();
        let installed = row.installed.value().copied().unwrap_or(0);
        if let Some(t) = row.commercial() {
            if let Some(&licensed) = t.license_count.value() {
                if installed > licensed {
                    m.over_deployed.push(Shortfall {
                        id: id.into(),
                        name: name.clone(),
                        installed,
                        licensed,
                        short: installed - licensed,
                    });
                }
            }
            if let Some(end) = t.term_end() {
                let e = Expiry {
                    id: id.into(),
                    name,
                    end,
                    installed,
                };
                if end < as_of {
                    if installed > 0 {
                        m.expired.push(e);
                    }
                } else if (end - as_of).num_days() <= EXPIRY_WINDOW_DAYS {
                    m.expiring.push(e);
                }
            }
        }
    }
    m.installs = installs(unit, facts, catalogue, as_of);
    m.genuine_rate = GenuineRate {
        os: m.installs.os.rate(),
        office: m.installs.office.rate(),
        antivirus: m.installs.antivirus.rate(),
    };
    m
}

/// Installs covered by a valid license, and all installs, per category (the 正版率 is their
/// ratio). OEM and free installs are covered; commercial copies beyond 许可数量 or past the
/// term are not; installs of a number the summary does not know are not.
pub fn installs(unit: &Unit, facts: &Facts, catalogue: &Catalogue, as_of: NaiveDate) -> Installs {
    let Some(usage) = unit.usage() else {
        return Installs::default();
    };
    // (category) → (covered, total)
    let mut tally: BTreeMap<Category, (usize, usize)> = BTreeMap::new();
    let mut used: FastMap<&str, i64> = FastMap::default();
    let mut classes: FastMap<(Option<&str>, &str, &str), Option<Category>> = FastMap::default();
    for (i, row) in usage.rows.iter().enumerate() {
        let summary_row = facts.usage_summary_row(i);
        let name = summary_row
            .and_then(|r| r.name.value())
            .or(row.name.value())
            .map_or("", String::as_str);
        let version = summary_row
            .and_then(|r| r.version())
            .and_then(|v| v.value())
            .or(row.version.value())
            .map_or("", String::as_str);
        let id = summary_row.and_then(|r| r.id()).or(row.id());
        // A unit names a few dozen products on thousands of rows: each is matched against
        // the catalogue's patterns once.
        let category =
            *classes
                .entry((id, name, version))
                .or_insert_with_key(|(id, name, version)| {
                    catalogue
                        .classify_in(unit, *id, name, version)
                        .map(|c| c.category)
                });
        let Some(category) = category else {
            continue;
        };
        if category == Category::Other {
            continue;
        }
        let covered = match summary_row {
            None => false,
            Some(s) => match s.kind() {
                Some(SoftwareKind::Oem) | Some(SoftwareKind::Free) => true,
                Some(SoftwareKind::Commercial) => {
                    let t = s.commercial().expect("commercial row");
                    let valid = t.term_end().is_none_or(|end| end >= as_of);
                    let n = used.entry(s.id().unwrap_or_default()).or_default();
                    *n += 1;
                    valid && t.license_count.value().is_some_and(|l| *n <= *l)
                }
                None => false,
            },
        };
        let slot = tally.entry(category).or_default();
        slot.1 += 1;
        if covered {
            slot.0 += 1;
        }
    }
    let tally_of = |c: Category| {
        let (covered, total) = tally.get(&c).copied().unwrap_or_default();
        Tally { covered, total }
    };
    Installs {
        os: tally_of(Category::Os),
        office: tally_of(Category::Office),
        antivirus: tally_of(Category::Antivirus),
    }
}
