//! What a batch keeps of each unit for the end of the round, once the unit's report is gone:
//! the roster unit it was placed on (so that those no submission was found for come out
//! too, ZB011 on each), and its fingerprint for the rules across units (ZB6xx) — the only
//! memory a batch spends per unit, a few hundred bytes and eight per usage row.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use super::{check_read_unit, panic_text, unfinished, warn, CheckOptions, UnitReport};
use crate::ledger::roster::{Listed, Roster};
use crate::ledger::{Sources, Unit};
use crate::rules::{check_round_rule as check_rule, is_round_rule, FileDigest, Fingerprint, Round};
use crate::rules::{Diagnostic, RULES};

/// What a worker hands on of one unit for the end of the round.
#[derive(Debug, Clone, Default)]
pub struct Left {
    /// The roster unit it was placed on.
    claim: Option<usize>,
    /// Its fingerprint, when a rule across units runs.
    print: Option<Fingerprint>,
}

impl Left {
    /// What is left of a unit read back from a run's JSON: its fingerprint, placed on this
    /// round's roster (`roster`, the roster unit the caller placed it on).
    pub fn read_back(mut print: Fingerprint, roster: Option<usize>) -> Left {
        print.roster = roster;
        Left {
            claim: roster,
            print: Some(print),
        }
    }

    /// The unit's fingerprint, when a rule across units runs.
    pub fn print(&self) -> Option<&Fingerprint> {
        self.print.as_ref()
    }

    /// The unit's fingerprint, taken.
    pub fn into_print(self) -> Option<Fingerprint> {
        self.print
    }

    /// What the round needs of a checked unit (on its worker, while the report is alive):
    /// the workbooks holding its ledgers are read once more for their digests.
    pub fn of(report: &UnitReport, opts: &CheckOptions) -> Left {
        let claim = match &report.unit.roster {
            Some(Listed::On(e)) => Some(e.index),
            _ => None,
        };
        let print = wants_prints(opts).then(|| {
            let mut print = Fingerprint::of(&report.unit);
            print.file_digests = print
                .ledger_files
                .iter()
                .filter_map(|f| {
                    let (digest, bytes) = crate::base::digest::file(std::path::Path::new(&**f))?;
                    Some(FileDigest {
                        file: f.clone(),
                        digest,
                        bytes,
                    })
                })
                .collect();
            print
        });
        Left { claim, print }
    }
}

/// Whether any rule across units runs in this configuration.
fn wants_prints(opts: &CheckOptions) -> bool {
    RULES
        .iter()
        .any(|r| is_round_rule(r) && opts.config.severity_of(r).is_some())
}

/// The round so far: what was left of each unit, in the order the units are reported.
#[derive(Debug)]
pub struct RoundState {
    roster: Option<Arc<Roster>>,
    claimed: Vec<bool>,
    prints: Vec<Fingerprint>,
    previous: Vec<Fingerprint>,
}

impl RoundState {
    /// An empty round, against the roster of `opts` if it has one.
    pub fn new(opts: &CheckOptions) -> RoundState {
        let roster = opts.roster.clone();
        let claimed = vec![false; roster.as_ref().map_or(0, |r| r.entries.len())];
        RoundState {
            roster,
            claimed,
            prints: Vec::new(),
            previous: Vec::new(),
        }
    }

    /// Compare the round with last year's (its units' fingerprints).
    pub fn with_previous(mut self, previous: Vec<Fingerprint>) -> RoundState {
        self.previous = previous;
        self
    }

    /// For each unit added, its submission in last year's round (an index into the
    /// fingerprints given to [`RoundState::with_previous`]).
    pub fn last_year(&self) -> Vec<Option<usize>> {
        crate::rules::last_year(&self.prints, &self.previous)
    }

    /// Whether the round's findings across units can only be known at its end (there are
    /// several units and a rule across units runs): output that puts them on every unit
    /// involved must wait for it.
    pub fn waits(opts: &CheckOptions, units: usize) -> bool {
        units > 1 && wants_prints(opts)
    }

    /// The fingerprints of the units added, in order (a unit that left none has an empty
    /// one).
    pub fn prints(&self) -> &[Fingerprint] {
        &self.prints
    }

    /// Add the next unit: its index among those added is its index in [`RoundState::across`].
    pub fn add(&mut self, left: Left) {
        if let Some(c) = left.claim.and_then(|i| self.claimed.get_mut(i)) {
            *c = true;
        }
        self.prints.push(left.print.unwrap_or_default());
    }

    /// Note that a roster unit was placed on (a unit read back from a shard, which has no
    /// fingerprint).
    pub fn claim(&mut self, index: usize) {
        if let Some(c) = self.claimed.get_mut(index) {
            *c = true;
        }
    }

    /// A report of the unit added `index`-th holding only `found` (its findings across
    /// units), named and placed as the unit was, for the renderers that show them after
    /// the units.
    pub fn report_of(&self, index: usize, found: Vec<Diagnostic>) -> UnitReport {
        let print = self.prints.get(index);
        UnitReport {
            unit: Unit {
                name: print.map(|p| p.name.clone()).unwrap_or_default(),
                path: print.and_then(|p| p.home.clone()),
                ..Unit::default()
            },
            sources: Sources::default(),
            diagnostics: found,
            metrics: Default::default(),
        }
    }

    /// The roster's units no submission was placed on, each checked as a unit with nothing
    /// sent, in the roster's order.
    pub fn missing(&self, opts: &CheckOptions) -> Vec<UnitReport> {
        let Some(roster) = &self.roster else {
            return Vec::new();
        };
        roster
            .entries
            .iter()
            .filter(|e| !self.claimed[e.index])
            .map(|e| {
                let unit = Unit {
                    name: e.name.clone(),
                    roster: Some(Listed::Missing(e.clone())),
                    ..Unit::default()
                };
                check_read_unit(unit, Sources::default(), opts)
            })
            .collect()
    }

    /// The findings across units, for each unit added (by its index), sorted by code and
    /// place. A
    /// rule that panics reports that it could not finish, on the first unit, and the
    /// others run.
    pub fn across(&self, opts: &CheckOptions) -> Vec<Vec<Diagnostic>> {
        let mut out: Vec<Vec<Diagnostic>> = vec![Vec::new(); self.prints.len()];
        if self.prints.len() < 2 && self.previous.is_empty() {
            return out;
        }
        let last_year = self.last_year();
        let round = Round {
            units: &self.prints,
            roster: self.roster.as_deref(),
            previous: &self.previous,
            last_year: &last_year,
            as_of: opts.as_of,
        };
        for rule in RULES.iter().filter(|r| is_round_rule(r)) {
            let Some(severity) = opts.config.severity_of(rule) else {
                continue;
            };
            match catch_unwind(AssertUnwindSafe(|| check_rule(rule, &round, severity))) {
                Ok(found) => {
                    for (i, d) in found.into_iter().flatten() {
                        if let Some(list) = out.get_mut(i) {
                            list.push(d);
                        }
                    }
                }
                Err(panic) => {
                    warn(&format!(
                        "zhengban：用规则 {} 比较各单位时程序内部出错（{}），其余规则照常检查",
                        rule.code,
                        panic_text(&panic)
                    ));
                    if let Some(first) = out.first_mut() {
                        first.push(unfinished(
                            rule.code,
                            format!("程序内部出错，没有完成规则 {} 对各单位的比较", rule.code),
                            "这批台账",
                        ));
                    }
                }
            }
        }
        for list in &mut out {
            list.sort_by(|a, b| (a.code, &a.target).cmp(&(b.code, &b.target)));
        }
        out
    }
}

/// Check a whole round in memory, every unit's report kept, with the roster's units that
/// sent nothing after the others and the findings across units added to each unit's own:
/// what a batch streams piece by piece, for a caller that wants the reports themselves
/// (tests, and the triggers of the rules across units). `previous` is last year's round,
/// its units' fingerprints (none: no comparison).
pub fn check_round(
    units: &[crate::ledger::DiscoveredUnit],
    opts: &CheckOptions,
    previous: Vec<Fingerprint>,
) -> Vec<UnitReport> {
    let mut round = RoundState::new(opts).with_previous(previous);
    let mut reports: Vec<UnitReport> = units
        .iter()
        .map(|u| {
            let report = super::check_discovered(u, opts);
            round.add(Left::of(&report, opts));
            report
        })
        .collect();
    for (report, found) in reports.iter_mut().zip(round.across(opts)) {
        report.diagnostics.extend(found);
    }
    reports.extend(round.missing(opts));
    reports
}
