//! Checking units: read each unit once, run the rules and compute the metrics; the result
//! is plain data for any renderer. A batch runs in parallel, hands each unit on in input
//! order as soon as it and the units before it are done, and keeps only a bounded window
//! of units alive, so memory stays flat however many units there are. Nothing one unit
//! does — not even a panic inside a rule — stops the others.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::panic::{catch_unwind, AssertUnwindSafe};

use chrono::NaiveDate;

use crate::base::gate;
use crate::classify::Catalogue;
use crate::config::Config;
use crate::ledger::roster::Roster;
use crate::ledger::{read_discovered, read_within, DiscoveredUnit, Sources, Unit, UnitSource};
use crate::metrics::{metrics, Metrics};
use crate::rules::{check_unit, sort_diagnostics, Context, Diagnostic, Rule, Severity, Sink};
use crate::rules::{Target, RULES};

pub mod round;
pub use round::{check_round, Left, RoundState};

/// Everything `check` found about one unit.
#[derive(Debug, Clone)]
pub struct UnitReport {
    /// The unit as read.
    pub unit: Unit,
    /// The cell grids it was read from, for renderers that show cells (until
    /// [`UnitReport::strip`]).
    pub sources: Sources,
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

    /// Drop the cell grids, which only the terminal renderer needs; what is left is the
    /// plain-data report.
    pub fn strip(&mut self) {
        self.sources = Sources::default();
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
    /// The inspector's roster (`--roster`): each unit is placed on it before its rules run.
    pub roster: Option<std::sync::Arc<Roster>>,
}

/// Check one unit.
pub fn check_source(source: &UnitSource, opts: &CheckOptions) -> UnitReport {
    let (unit, sources) = read_within(source, &opts.config.read_options());
    check_read_unit(unit, sources, opts)
}

/// Check one unit as discovery found it (with the files and folders around its workbooks).
pub fn check_discovered(found: &DiscoveredUnit, opts: &CheckOptions) -> UnitReport {
    match catch_unwind(AssertUnwindSafe(|| {
        read_discovered(found, &opts.config.read_options())
    })) {
        Ok((unit, sources)) => check_read_unit(unit, sources, opts),
        Err(panic) => {
            // The reader guards each file; this is the last net, for the joining itself.
            let unit = Unit {
                name: found.source.label.clone(),
                path: Some(crate::base::path::shown(&found.path).as_str().into()),
                ..Unit::default()
            };
            internal_failure(unit, "读取", &panic)
        }
    }
}

/// Check a unit already read. A panic inside a rule costs that rule's findings only: the
/// rule gets one diagnostic saying it could not finish, every other rule runs.
pub fn check_read_unit(mut unit: Unit, sources: Sources, opts: &CheckOptions) -> UnitReport {
    if let (Some(roster), None) = (&opts.roster, &unit.roster) {
        let found = unit.found_as().unwrap_or_else(|| unit.name.clone());
        unit.roster = Some(roster.place(&found, &unit.name));
    }
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let ctx = Context::new(&unit, opts.as_of, &opts.catalogue);
        let diagnostics = match catch_unwind(AssertUnwindSafe(|| {
            check_unit(&ctx, &|r| opts.config.severity_of(r))
        })) {
            Ok(d) => d,
            Err(_) => check_rules_guarded(&ctx, RULES, &opts.config),
        };
        let metrics = catch_unwind(AssertUnwindSafe(|| Metrics {
            reconciliation: ctx.reconciliation(),
            ..metrics(&unit, &ctx.facts, &opts.catalogue, opts.as_of)
        }))
        .unwrap_or_else(|panic| {
            warn(&format!(
                "zhengban：计算 {} 的指标时程序内部出错（{}），指标从缺",
                unit.name,
                panic_text(&panic)
            ));
            Metrics::default()
        });
        (diagnostics, metrics)
    }));
    match outcome {
        Ok((diagnostics, metrics)) => UnitReport {
            unit,
            sources,
            diagnostics,
            metrics,
        },
        Err(panic) => internal_failure(unit, "检查", &panic),
    }
}

/// Run `rules` one by one, each under its own guard: a rule that panics reports that it
/// could not finish, under its own code, and the others go on.
pub fn check_rules_guarded(ctx: &Context, rules: &[&Rule], config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in rules {
        let Some(severity) = config.severity_of(rule) else {
            continue;
        };
        let crate::rules::Check::Unit(check) = rule.check else {
            continue;
        };
        let mut sink = Sink::new(rule.code, severity);
        match catch_unwind(AssertUnwindSafe(|| check(ctx, &mut sink))) {
            Ok(()) => out.extend(sink.diagnostics),
            Err(panic) => {
                warn(&format!(
                    "zhengban：用规则 {} 检查 {} 时程序内部出错（{}），其余规则照常检查",
                    rule.code,
                    ctx.unit.name,
                    panic_text(&panic)
                ));
                out.push(unfinished(
                    rule.code,
                    format!("程序内部出错，本单位没有完成规则 {} 的检查", rule.code),
                    "这个单位",
                ));
            }
        }
    }
    sort_diagnostics(ctx.unit, &mut out);
    out
}

/// The finding of a rule that panicked: it could not finish `what`, and the maintainer
/// should get `whose` files. Under the rule's own code, as an error, so that the unit is
/// never taken for clean.
fn unfinished(code: &'static str, what: String, whose: &str) -> Diagnostic {
    let mut sink = Sink::new(code, Severity::Error);
    sink.report(
        Target::Unit,
        what,
        format!("这是检查工具的问题，不是台账的错误：请把{whose}的文件发给工具的维护者；其余规则已照常检查"),
    );
    sink.diagnostics.remove(0)
}

/// A unit whose reading or checking failed inside the program: one diagnostic says so, so
/// the unit is never mistaken for a clean one.
fn internal_failure(unit: Unit, stage: &str, panic: &Box<dyn std::any::Any + Send>) -> UnitReport {
    warn(&format!(
        "zhengban：{stage} {} 时程序内部出错（{}），其余单位照常检查",
        unit.name,
        panic_text(panic)
    ));
    let mut sink = Sink::new(crate::rules::known::UNREADABLE, Severity::Error);
    sink.report(
        Target::Unit,
        format!("{stage}本单位的台账时程序内部出错，本单位没有检查"),
        "这是检查工具的问题：请把这个单位的文件发给工具的维护者；其余单位已照常检查",
    );
    UnitReport {
        unit,
        sources: Sources::default(),
        diagnostics: sink.diagnostics,
        metrics: Metrics::default(),
    }
}

/// A line on standard error that names a unit: the name (and a panic's text) are the
/// input's, so they pass the gate.
fn warn(text: &str) {
    eprintln!("{}", gate::terminal_lines(text));
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    crate::base::panic::text(&**panic)
}

/// The most threads a batch uses: each holds one unit's cell grids, and more threads than
/// this gain nothing on any machine this runs on.
pub const MAX_JOBS: usize = 64;

/// The number of threads for `-j`: `None` or 0 is one per CPU; anything above
/// [`MAX_JOBS`] is clamped to it.
pub fn jobs(requested: Option<usize>) -> usize {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    match requested {
        None | Some(0) => cpus.min(MAX_JOBS),
        Some(n) => n.min(MAX_JOBS),
    }
}

/// Check a batch on `jobs` threads. Each unit is read, checked and handed to `render` on
/// its worker thread (with its index), and the report (with its cell grids) is dropped there; what `render`
/// returns goes to `each` in input order, each as soon as it and every unit before it are
/// done. At most a few units per thread are read or waiting at any time, so memory does
/// not grow with the batch. `each` may stop the batch by returning `Break`.
pub fn check_batch<T, E>(
    units: &[DiscoveredUnit],
    opts: &CheckOptions,
    jobs: usize,
    render: impl Fn(usize, UnitReport) -> T + Sync,
    mut each: impl FnMut(usize, T) -> ControlFlow<E>,
) -> Result<(), E>
where
    T: Send,
{
    let jobs = jobs.clamp(1, MAX_JOBS);
    let build = |n: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("zhengban-check-{i}"))
            .build()
    };
    let work = |i: usize| -> T {
        let report = check_discovered(&units[i], opts);
        match catch_unwind(AssertUnwindSafe(|| render(i, report))) {
            Ok(t) => t,
            // A renderer that panics on this unit draws the plain report instead.
            Err(panic) => {
                let mut report = internal_failure(
                    Unit {
                        name: units[i].source.label.clone(),
                        ..Unit::default()
                    },
                    "显示",
                    &panic,
                );
                report.unit.files = units[i]
                    .source
                    .files
                    .iter()
                    .map(|f| crate::base::path::shown(f).as_str().into())
                    .collect();
                render(i, report)
            }
        }
    };
    let Ok(pool) = build(jobs).or_else(|_| build(1)) else {
        // No thread to be had at all: check on this one, in order.
        for i in 0..units.len() {
            if let ControlFlow::Break(e) = each(i, work(i)) {
                return Err(e);
            }
        }
        return Ok(());
    };
    // Units started but not yet handed to `each`: the bound on memory.
    let window = (jobs * 4).max(8);
    let (tickets_tx, tickets_rx) = std::sync::mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        let _ = tickets_tx.send(());
    }
    let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, T)>();
    let work = &work;
    let pool = &pool;
    let mut outcome = Ok(());
    std::thread::scope(|scope| {
        scope.spawn(move || {
            // The spawner runs on this thread, never on a worker: it blocks waiting for
            // tickets, and a blocked worker could be the one the next unit needs.
            pool.in_place_scope_fifo(|s| {
                for i in 0..units.len() {
                    // Wait until the writer has taken a unit off the window; a writer that
                    // stopped hangs up and no more units start.
                    if tickets_rx.recv().is_err() {
                        break;
                    }
                    let done = done_tx.clone();
                    s.spawn_fifo(move |_| {
                        let _ = done.send((i, work(i)));
                    });
                }
            });
            drop(done_tx);
        });
        let mut pending: BTreeMap<usize, T> = BTreeMap::new();
        let mut next = 0;
        'receive: for (i, t) in done_rx.iter() {
            pending.insert(i, t);
            while let Some(t) = pending.remove(&next) {
                next += 1;
                if let ControlFlow::Break(e) = each(next - 1, t) {
                    outcome = Err(e);
                    break 'receive;
                }
                let _ = tickets_tx.send(());
            }
        }
        // Hang up: the spawner stops at its next ticket, running units finish unheard.
        drop(tickets_tx);
        drop(done_rx);
    });
    outcome
}

/// The figures of a whole batch, gathered unit by unit so that no report has to be kept.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    /// Units checked.
    pub units: usize,
    /// Workbook files read or tried.
    pub files: usize,
    /// Diagnostics by severity: error, warning, info.
    pub counts: [usize; 3],
    /// Diagnostics by rule: severity and count.
    pub by_rule: BTreeMap<&'static str, (Severity, usize)>,
    /// Units with at least one error.
    pub failing_units: usize,
}

impl Totals {
    /// Add one unit.
    pub fn add(&mut self, report: &UnitReport) {
        self.units += 1;
        self.files += report.unit.files.len();
        let mut errors = false;
        for d in &report.diagnostics {
            self.by_rule.entry(d.code).or_insert((d.severity, 0)).1 += 1;
            self.counts[severity_index(d.severity)] += 1;
            errors |= d.severity == Severity::Error;
        }
        self.failing_units += usize::from(errors);
    }

    /// Add the totals of other units.
    pub fn merge(&mut self, other: Totals) {
        self.units += other.units;
        self.files += other.files;
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            *a += b;
        }
        for (code, (severity, n)) in other.by_rule {
            self.by_rule.entry(code).or_insert((severity, 0)).1 += n;
        }
        self.failing_units += other.failing_units;
    }

    /// The totals of some reports.
    pub fn of(reports: &[UnitReport]) -> Totals {
        let mut t = Totals::default();
        for r in reports {
            t.add(r);
        }
        t
    }
}

/// The position of a severity in [`Totals::counts`].
pub fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;

    fn panics(_: &Context, _: &mut Sink) {
        panic!("planted");
    }
    fn reports(_: &Context, out: &mut Sink) {
        out.report(Target::Unit, "found", "fix");
    }
    static PANICS: Rule = Rule {
        code: "TEST01",
        name: "Panics",
        severity: Severity::Warning,
        summary: "",
        doc: "",
        check: crate::rules::Check::Unit(panics),
        trigger: &crate::rules::Trigger::clean(&[]),
        derived: None,
    };
    static REPORTS: Rule = Rule {
        code: "TEST02",
        name: "Reports",
        severity: Severity::Warning,
        summary: "",
        doc: "",
        check: crate::rules::Check::Unit(reports),
        trigger: &crate::rules::Trigger::clean(&[]),
        derived: None,
    };

    #[test]
    fn a_panicking_rule_costs_only_its_own_findings() {
        let unit = Unit::default();
        let catalogue = Catalogue::default();
        let ctx = Context::new(
            &unit,
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            &catalogue,
        );
        let out = check_rules_guarded(&ctx, &[&PANICS, &REPORTS], &Config::default());
        let got: Vec<(&str, Severity)> = out.iter().map(|d| (d.code, d.severity)).collect();
        assert_eq!(
            got,
            [("TEST01", Severity::Error), ("TEST02", Severity::Warning)]
        );
        assert!(
            out[0].message.contains("程序内部出错"),
            "{}",
            out[0].message
        );
    }

    #[test]
    fn jobs_are_clamped() {
        assert_eq!(jobs(Some(2000)), MAX_JOBS);
        assert_eq!(jobs(Some(3)), 3);
        assert!(jobs(Some(0)) >= 1);
        assert_eq!(jobs(Some(0)), jobs(None));
    }

    fn units(n: usize) -> Vec<DiscoveredUnit> {
        (0..n)
            .map(|i| DiscoveredUnit {
                source: UnitSource {
                    label: format!("单位{i}"),
                    files: Vec::new(),
                },
                path: format!("单位{i}").into(),
                others: Vec::new(),
                inaccessible: Vec::new(),
            })
            .collect()
    }

    fn opts() -> CheckOptions {
        CheckOptions {
            as_of: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            config: Config::default(),
            catalogue: Catalogue::default(),
            roster: None,
        }
    }

    #[test]
    fn a_batch_comes_out_in_input_order() {
        let units = units(50);
        let mut seen = Vec::new();
        let r: Result<(), ()> = check_batch(
            &units,
            &opts(),
            4,
            |_, report| report.unit.name,
            |i, name| {
                seen.push((i, name));
                ControlFlow::Continue(())
            },
        );
        assert!(r.is_ok());
        let expected: Vec<(usize, String)> = (0..50).map(|i| (i, format!("单位{i}"))).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn one_thread_is_enough() {
        let units = units(30);
        let mut n = 0;
        let r: Result<(), ()> = check_batch(
            &units,
            &opts(),
            1,
            |_, _| (),
            |_, ()| {
                n += 1;
                ControlFlow::Continue(())
            },
        );
        assert!(r.is_ok());
        assert_eq!(n, 30);
    }

    #[test]
    fn a_writer_can_stop_the_batch() {
        let units = units(500);
        let mut written = 0;
        let r = check_batch(
            &units,
            &opts(),
            2,
            |_, _| (),
            |i, ()| {
                written += 1;
                if i == 3 {
                    ControlFlow::Break("full")
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(r, Err("full"));
        assert_eq!(written, 4);
    }
}
