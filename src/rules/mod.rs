//! The rule catalogue (rules.md): one file per rule, grouped by code range, each with its
//! code, severity, Chinese documentation and check function in one place.

pub mod diagnostic;
pub mod facts;
pub mod registry;
pub mod trigger;

/// A group's rules, one line each (`ZB104 batch_differs,`): the line declares the rule's
/// module and enters it in the registry, and the build checks that the code written there is
/// the code in the rule's file. Groups list their rules in code order.
macro_rules! rules {
    ($($code:ident $rule:ident),* $(,)?) => {
        $(pub mod $rule;)*

        /// This group's rules, in code order.
        pub(super) const RULES: &[&$crate::rules::Rule] = &[$(&$rule::RULE),*];

        $(const _: () = assert!(
            !$crate::rules::registry::is_test_only(stringify!($code)),
            concat!("`", stringify!($code), "` is a test-only code: no rule may use it"),
        );)*
        $(const _: () = assert!(
            $crate::rules::registry::same_code(stringify!($code), $rule::RULE.code),
            concat!("the registry line `", stringify!($code), " ", stringify!($rule),
                "` names another code than the rule's file"),
        );)*
    };
}

mod cross;
mod files;

/// The codes of the rules whose findings other layers act on by meaning — the roll-up's unit
/// status, derive's notes naming the rule a figure settles, a failure standing for a rule —
/// taken from each rule's own file, so that no code is spelled twice.
pub mod known {
    /// ZB001: a file of the unit could not be read.
    pub const UNREADABLE: &str = super::files::unreadable_file::RULE.code;
    /// ZB002: no ledger among what the unit sent.
    pub const MISSING_LEDGER: &str = super::files::missing_ledger::RULE.code;
    /// ZB011: a unit of the roster sent nothing.
    pub const NOT_SUBMITTED: &str = super::files::not_submitted::RULE.code;
    /// ZB413: a ledger not updated for half a year.
    pub const STALE_LEDGER: &str = super::cross::stale_ledger::RULE.code;
    /// ZB405: 安装数量 against the usage ledger (derive fills it).
    pub const INSTALLED_COUNT: &str = super::cross::installed_count_vs_usage::RULE.code;
    /// ZB409: 使用计算机人数 against the usage ledger (derive fills it).
    pub const USERS_COUNT: &str = super::cross::users_count_differs::RULE.code;
    /// ZB414: the statistics table against the ledgers (derive fills it).
    pub const STATISTICS: &str = super::cross::statistics_differ::RULE.code;
    /// ZB415: the purchase plan's sums (derive fills them).
    pub const PURCHASE_PLAN_SUMS: &str = super::cross::purchase_plan_arithmetic::RULE.code;
    /// ZB504: a phone number that cannot be one (derive does not copy it).
    pub const IMPLAUSIBLE_PHONE: &str = super::forms::implausible_phone::RULE.code;
}
mod forms;
mod maintenance;
mod reality;
mod round;
mod summary;
mod usage;

use chrono::NaiveDate;

use crate::classify::Catalogue;
use crate::ledger::Unit;

pub use diagnostic::{Diagnostic, Related, Severity, Target};
pub use facts::Facts;
pub use reality::{ComputerCheck, Reality, Verdict};
pub use registry::{rule, RULES};
pub use round::fingerprint::FileDigest;
pub use round::{
    check_rule as check_round_rule, is_of_the_round, is_round_rule, last_year, Fingerprint, Round,
    RoundSink,
};
pub use trigger::{Base, Edit, Trigger};

/// A hash map keyed by the unit's own strings (computer and software numbers, names): the
/// rules look such keys up once per row, and a fast hash (foldhash, randomly seeded per
/// process) costs a fraction of the standard SipHash. Iteration order is never relied on.
pub(crate) type FastMap<K, V> = foldhash::HashMap<K, V>;

/// A hash set of the unit's own strings; see [`FastMap`].
pub(crate) type FastSet<T> = foldhash::HashSet<T>;

/// One rule of the catalogue.
#[derive(Debug)]
pub struct Rule {
    /// Stable code (`ZB111`).
    pub code: &'static str,
    /// The name of the pattern it finds (`OverDeployment`).
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// One line, Chinese.
    pub summary: &'static str,
    /// The documentation `zhengban rule CODE` prints (Markdown, Chinese).
    pub doc: &'static str,
    /// The check.
    pub check: Check,
    /// The workbook that makes it fire, declared at the end of the rule's file.
    pub trigger: &'static Trigger,
    /// What `zhengban derive` writes about its findings, when they are about a figure derive
    /// computes: the reports point the clerk at derive for those.
    pub derived: Option<Derived>,
}

/// What a rule looks at.
#[derive(Debug, Clone, Copy)]
pub enum Check {
    /// One unit at a time, as read.
    Unit(fn(&Context, &mut Sink)),
    /// A whole round of units at once, through what each left ([`Fingerprint`]):
    /// run when every unit of a batch has been checked.
    Round(fn(&Round, &mut RoundSink)),
}

/// How `zhengban derive` settles the findings of a rule about a derived figure (derive.md
/// "What derive fills"); the text names the figure as the clerk knows it
/// (`汇总表的安装数量`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Derived {
    /// The figure is missing: derive writes it.
    Fills(&'static str),
    /// The clerk typed another value: derive writes the figure in its place only when asked
    /// (`--overwrite-derived`), since the ledger it is counted from may be what is wrong.
    Replaces(&'static str),
}

impl Derived {
    /// The figure, as the clerk knows it.
    pub fn what(self) -> &'static str {
        match self {
            Derived::Fills(w) | Derived::Replaces(w) => w,
        }
    }
}

/// What every rule sees: the unit's model, the check date, the software catalogue, and
/// facts computed once for all rules (indexes, the maintenance replay).
pub struct Context<'a> {
    /// The unit.
    pub unit: &'a Unit,
    /// The check date (`--as-of`).
    pub as_of: NaiveDate,
    /// The software classification.
    pub catalogue: &'a Catalogue,
    /// Shared derived facts.
    pub facts: Facts<'a>,
    /// The ledger held against the unit's inventories, on first use.
    reality: std::sync::OnceLock<Reality<'a>>,
}

impl<'a> Context<'a> {
    /// Build the context, computing the shared facts.
    pub fn new(unit: &'a Unit, as_of: NaiveDate, catalogue: &'a Catalogue) -> Self {
        Context {
            unit,
            as_of,
            catalogue,
            facts: Facts::new(unit, catalogue, as_of),
            reality: std::sync::OnceLock::new(),
        }
    }

    /// The usage ledger held against the unit's inventories (empty without any).
    pub fn reality(&self) -> &Reality<'a> {
        self.reality
            .get_or_init(|| Reality::of(self.unit, self.catalogue, &self.facts))
    }

    /// The 核对结果, computer by computer (empty without inventories).
    pub fn reconciliation(&self) -> Vec<ComputerCheck> {
        reality::table(self.reality(), self.catalogue)
    }
}

impl Context<'_> {
    /// The class of a software number (unit's 软件分类 sheet first, then the catalogue).
    pub fn classify(
        &self,
        id: Option<&str>,
        name: &str,
        version: &str,
    ) -> Option<crate::classify::Class> {
        self.catalogue.classify_in(self.unit, id, name, version)
    }
}

/// Collects one rule's diagnostics with the rule's code and configured severity.
pub struct Sink {
    code: &'static str,
    severity: Severity,
    /// The diagnostics reported so far.
    pub diagnostics: Vec<Diagnostic>,
}

impl Sink {
    /// A sink for one rule.
    pub fn new(code: &'static str, severity: Severity) -> Self {
        Sink {
            code,
            severity,
            diagnostics: Vec::new(),
        }
    }

    /// Report a finding; returns it so related places can be added.
    pub fn report(
        &mut self,
        target: impl Into<Target>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic {
            code: self.code,
            severity: self.severity,
            target: target.into(),
            message: message.into(),
            help: help.into(),
            related: Vec::new(),
        });
        self.diagnostics.last_mut().expect("just pushed")
    }
}

/// Declare a rule: the doc comment is both the struct's rustdoc and the text
/// `zhengban rule CODE` prints, so the two cannot drift apart. The rule's file also defines
/// `const TRIGGER: Trigger`, the workbook that makes the rule fire; without it the rule does
/// not build. A rule about a figure `derive` computes says so after its summary, with
/// `derived: Fills("…")` or `derived: Replaces("…")` ([`Derived`]). A rule across the units
/// of a round says `scope: Round`, and its `check` takes the round ([`Check::Round`]).
macro_rules! declare_rule {
    (@check) => { $crate::rules::Check::Unit(check) };
    (@check Round) => { $crate::rules::Check::Round(check) };
    (@derived) => { None };
    (@derived $how:ident($what:literal)) => { Some($crate::rules::Derived::$how($what)) };
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            code: $code:literal,
            severity: $sev:ident,
            summary: $summary:literal
            $(, derived: $how:ident($what:literal))?
            $(, scope: $scope:ident)? $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[allow(dead_code)] // documentation carrier, like ruff's violation structs
        pub struct $name;

        /// The catalogue entry of this rule.
        pub const RULE: $crate::rules::Rule = $crate::rules::Rule {
            code: $code,
            name: stringify!($name),
            severity: $crate::rules::Severity::$sev,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
            check: $crate::rules::declare_rule!(@check $($scope)?),
            trigger: &TRIGGER,
            derived: $crate::rules::declare_rule!(@derived $($how($what))?),
        };
    };
}
pub(crate) use declare_rule;

/// Run every enabled rule over a unit; diagnostics sorted by place. `severity_of` says
/// whether a rule runs and at which severity (the run's configuration answers it: rules do not
/// read the configuration, which names them).
pub fn check_unit(
    ctx: &Context,
    severity_of: &dyn Fn(&Rule) -> Option<Severity>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in RULES {
        let Some(severity) = severity_of(rule) else {
            continue;
        };
        let Check::Unit(check) = rule.check else {
            continue;
        };
        let mut sink = Sink::new(rule.code, severity);
        check(ctx, &mut sink);
        out.extend(once_per_cell(sink.diagnostics));
    }
    sort_diagnostics(ctx.unit, &mut out);
    out
}

/// One diagnostic per rule and cell. Rows that share a merged cell (a department typed once
/// for a computer's rows, a license batch spanning several lines) read the same cell, and a
/// rule that checks row by row would otherwise report that one cell once per row. The first
/// report stands; the others' related places are added to it.
fn once_per_cell(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::with_capacity(diagnostics.len());
    let mut first: std::collections::HashMap<crate::base::CellRef, usize> =
        std::collections::HashMap::new();
    for d in diagnostics {
        let Target::Cell(cell) = &d.target else {
            out.push(d);
            continue;
        };
        match first.get(cell) {
            Some(&i) => {
                let kept = &mut out[i];
                for r in d.related {
                    if !kept.related.contains(&r) {
                        kept.related.push(r);
                    }
                }
            }
            None => {
                first.insert(cell.clone(), out.len());
                out.push(d);
            }
        }
    }
    out
}

/// Sort diagnostics in reading order: unit-level findings first, then files and sheets in
/// the order the unit holds them, then row and column.
pub fn sort_diagnostics(unit: &Unit, diagnostics: &mut [Diagnostic]) {
    let place = |file: &str, sheet: &str| -> (usize, usize) {
        let Some(f) = unit.files.iter().position(|x| &**x == file) else {
            return (0, 0);
        };
        let s = unit
            .books
            .iter()
            .find(|w| &*w.file == file)
            .and_then(|w| w.sheets.iter().position(|x| &**x == sheet));
        (f + 1, s.map_or(0, |s| s + 1))
    };
    diagnostics.sort_by_cached_key(|d| d.sort_key(place));
}

/// Shared imports of rule files.
#[allow(unused_imports)]
pub(crate) mod prelude {
    pub(crate) use super::{declare_rule, Context, Edit, FastMap, FastSet, Sink, Target, Trigger};
    pub(crate) use crate::base::CellRef;
    pub(crate) use crate::ledger::values::{Field, Parsed, SoftwareKind};
}
