//! A roll-up entry from a unit checked in this run.

use super::statistics::UnitStatistics;
use super::unit::{
    Counts, DiagnosticRow, Expiry, Provenance, Rates, Shortfall, UnitEntry, UnitMetrics, UnitStatus,
};
use crate::batch::UnitReport;
use crate::classify::Catalogue;
use crate::ledger::roster::Listed;
use crate::metrics::{self, Metrics};
use crate::rules::facts::statistics::derive_statistics;
use crate::rules::{Diagnostic, Severity};

/// The statistics table of `year` a checked unit reports, as the JSON and the roll-up carry
/// it.
pub fn unit_statistics(report: &UnitReport, catalogue: &Catalogue, year: i32) -> UnitStatistics {
    UnitStatistics::from_derived(&derive_statistics(&report.unit, catalogue, year))
}

/// What an inspector reads first about a checked unit (as [`UnitEntry::settle`] decides
/// it for a unit read back from JSON).
pub fn status(report: &UnitReport) -> UnitStatus {
    let counts = Counts {
        error: report.count(Severity::Error),
        warning: report.count(Severity::Warning),
        info: report.count(Severity::Info),
    };
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code).collect();
    UnitStatus::of(&counts, &unit_metrics(&report.metrics), &codes)
}

/// Where a checked unit came from: the folder or workbook it was given or found as (a
/// unit read from a list of files: its first file); `None` for a roster unit that sent
/// nothing. JSON's `source` key says the same.
pub fn source(report: &UnitReport) -> Option<&str> {
    let unit = &report.unit;
    match unit.roster {
        Some(Listed::Missing(_)) => None,
        _ => Some(
            unit.path
                .as_deref()
                .or(unit.files.first().map(|f| &**f))
                .unwrap_or(unit.name.as_str()),
        ),
    }
}

/// The roll-up entry of a checked unit; its statistics are derived for `year`.
pub fn entry(report: &UnitReport, catalogue: &Catalogue, year: i32) -> UnitEntry {
    let mut e = UnitEntry {
        name: report.unit.name.clone(),
        source: source(report).map(str::to_string),
        files: report.unit.files.iter().map(|f| f.to_string()).collect(),
        status: UnitStatus::Clean,
        counts: Counts {
            error: report.count(Severity::Error),
            warning: report.count(Severity::Warning),
            info: report.count(Severity::Info),
        },
        metrics: unit_metrics(&report.metrics),
        statistics: Some(unit_statistics(report, catalogue, year)),
        diagnostics: report.diagnostics.iter().map(row).collect(),
        provenance: Provenance::Checked,
    };
    e.settle();
    if e.status == UnitStatus::Missing {
        // nothing was sent: no figures to count in the statistics table
        e.statistics = None;
    }
    e
}

/// Add a unit's findings across units (known once the round is complete) to its entry.
pub fn add_across(e: &mut UnitEntry, found: &[Diagnostic]) {
    for d in found {
        match d.severity {
            Severity::Error => e.counts.error += 1,
            Severity::Warning => e.counts.warning += 1,
            Severity::Info => e.counts.info += 1,
        }
        e.diagnostics.push(row(d));
    }
    e.settle();
}

/// Take out of an entry read back from a run's JSON the findings across units that run
/// made: compared again with every unit of this roll-up, they would be counted twice.
pub fn strip_across(e: &mut UnitEntry) {
    let across = |code: &str| crate::rules::rule(code).is_some_and(crate::rules::is_round_rule);
    for d in e.diagnostics.iter().filter(|d| across(&d.code)) {
        let n = match d.severity {
            Severity::Error => &mut e.counts.error,
            Severity::Warning => &mut e.counts.warning,
            Severity::Info => &mut e.counts.info,
        };
        *n = n.saturating_sub(1);
    }
    e.diagnostics.retain(|d| !across(&d.code));
    e.settle();
}

fn unit_metrics(m: &Metrics) -> UnitMetrics {
    let expiry = |x: &metrics::Expiry| Expiry {
        id: x.id.clone(),
        name: x.name.clone(),
        end: x.end.to_string(),
        installed: x.installed,
    };
    UnitMetrics {
        computers: m.computers,
        users: m.users,
        software: m.software.values().sum(),
        rates: Rates {
            os: m.genuine_rate.os,
            office: m.genuine_rate.office,
            antivirus: m.genuine_rate.antivirus,
        },
        installs: Some(
            [m.installs.os, m.installs.office, m.installs.antivirus].map(|t| (t.covered, t.total)),
        ),
        over_deployed: m
            .over_deployed
            .iter()
            .map(|s| Shortfall {
                id: s.id.clone(),
                name: s.name.clone(),
                installed: s.installed,
                licensed: s.licensed,
                short: s.short,
            })
            .collect(),
        expired: m.expired.iter().map(expiry).collect(),
        expiring: m.expiring.iter().map(expiry).collect(),
        stale: 0,
    }
}

fn row(d: &Diagnostic) -> DiagnosticRow {
    DiagnosticRow {
        code: d.code.to_string(),
        severity: d.severity,
        file: d.target.file().map(str::to_string),
        sheet: d.target.sheet().map(str::to_string),
        cell: d.target.cell().map(|c| c.a1()),
        message: d.message.clone(),
        help: d.help.clone(),
    }
}
