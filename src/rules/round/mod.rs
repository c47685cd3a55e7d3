//! ZB6xx — across the units of a round: what only shows when a submission is held against
//! the inspector's roster or the other submissions (a 单位名称 copied from another unit, one
//! ledger sent by two units, a license serial registered by several).
//!
//! The rules of one unit see its model; these see the round through what each unit left
//! behind ([`Fingerprint`]), once every unit has been checked, and put each finding on every
//! unit involved, `related` pointing at the others.

pub mod fingerprint;

rules! {
    ZB601 identical_ledgers,
    ZB602 shared_serial,
    ZB603 name_differs_from_roster,
    ZB604 one_unit_twice,
}

use super::{Check, Diagnostic, Rule, Severity, Target};
use crate::ledger::roster::Roster;

pub use fingerprint::Fingerprint;

/// A round of units, as the rules across units see it.
#[derive(Debug, Clone, Copy)]
pub struct Round<'a> {
    /// Every unit that sent something, in the order of the report.
    pub units: &'a [Fingerprint],
    /// The inspector's roster, if one was given.
    pub roster: Option<&'a Roster>,
}

/// Collects one round rule's diagnostics, each with the unit (its index in the round) it
/// belongs to.
pub struct RoundSink {
    code: &'static str,
    severity: Severity,
    /// The diagnostics reported so far, with their units.
    pub diagnostics: Vec<(usize, Diagnostic)>,
}

impl RoundSink {
    /// A sink for one rule.
    pub fn new(code: &'static str, severity: Severity) -> Self {
        RoundSink {
            code,
            severity,
            diagnostics: Vec::new(),
        }
    }

    /// Report a finding on one unit of the round; returns it so related places can be
    /// added.
    pub fn report(
        &mut self,
        unit: usize,
        target: impl Into<Target>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diagnostics.push((
            unit,
            Diagnostic {
                code: self.code,
                severity: self.severity,
                target: target.into(),
                message: message.into(),
                help: help.into(),
                related: Vec::new(),
            },
        ));
        &mut self.diagnostics.last_mut().expect("just pushed").1
    }
}

/// Run one rule over a round, if it is a round rule (`None` otherwise).
pub fn check_rule(
    rule: &Rule,
    round: &Round,
    severity: Severity,
) -> Option<Vec<(usize, Diagnostic)>> {
    let Check::Round(check) = rule.check else {
        return None;
    };
    let mut sink = RoundSink::new(rule.code, severity);
    check(round, &mut sink);
    Some(sink.diagnostics)
}

/// Whether a rule looks at a whole round.
pub fn is_round_rule(rule: &Rule) -> bool {
    matches!(rule.check, Check::Round(_))
}

/// Where a unit of the round is, for a related place: its folder or file.
fn home(u: &Fingerprint) -> Target {
    match &u.home {
        Some(h) => Target::File(h.clone()),
        None => Target::Unit,
    }
}

/// Names in a message: the first few, and how many in all (`甲、乙、丙 等 12 个单位`).
fn listed(names: &[String]) -> String {
    const SHOWN: usize = 3;
    if names.len() <= SHOWN {
        return names.join("、");
    }
    format!("{} 等 {} 个单位", names[..SHOWN].join("、"), names.len())
}
