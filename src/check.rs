//! Checking units: read each unit once, run the rules and compute the metrics; the result
//! is plain data for any renderer.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::classify::Catalogue;
use crate::config::Config;
use crate::ledger::{read_unit, Unit, UnitSource};
use crate::metrics::{metrics, Metrics};
use crate::rules::{check_unit, Context, Diagnostic, Severity};

/// Everything `check` found about one unit.
#[derive(Debug, Clone)]
pub struct UnitReport {
    /// The unit as read (kept for renderers that show cells).
    pub unit: Unit,
    /// The diagnostics, sorted by place.
    pub diagnostics: Vec<Diagnostic>,
    /// The metrics.
    pub metrics: Metrics,
}

impl UnitReport {
    /// Number of diagnostics of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// How to check.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// The check date.
    pub as_of: NaiveDate,
    /// Rule selection and severities.
    pub config: Config,
    /// The software classification.
    pub catalogue: Catalogue,
}

/// Check one unit.
pub fn check_source(source: &UnitSource, opts: &CheckOptions) -> UnitReport {
    let unit = read_unit(source);
    check_read_unit(unit, opts)
}

/// Check a unit already read.
pub fn check_read_unit(unit: Unit, opts: &CheckOptions) -> UnitReport {
    let ctx = Context::new(&unit, opts.as_of, &opts.catalogue);
    let diagnostics = check_unit(&ctx, &opts.config);
    let metrics = metrics(&unit, &ctx.facts, &opts.catalogue, opts.as_of);
    drop(ctx);
    UnitReport {
        unit,
        diagnostics,
        metrics,
    }
}

/// Check many units in parallel; results in input order, each handed to `each` as soon as
/// it and every unit before it are done.
pub fn check_all(
    sources: &[UnitSource],
    opts: &CheckOptions,
    mut each: impl FnMut(usize, UnitReport),
) {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            sources
                .par_iter()
                .enumerate()
                .for_each_with(tx, |tx, (i, s)| {
                    let _ = tx.send((i, check_source(s, opts)));
                });
        });
        let mut pending: std::collections::BTreeMap<usize, UnitReport> = Default::default();
        let mut next = 0;
        for (i, report) in rx {
            pending.insert(i, report);
            while let Some(r) = pending.remove(&next) {
                each(next, r);
                next += 1;
            }
        }
    });
}
