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
