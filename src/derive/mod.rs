//! Figures derived from the ledgers (derive.md): what a clerk would otherwise compute by hand.
//! `check` compares them with what the clerk typed (ZB414); the `derive` command writes them
//! into a copy of the unit's workbooks.
//!
//! [`derive`] turns a unit's model into a [`Plan`] (plain data: which cells get which values,
//! which rows and sheets are added, which typed cells disagree), [`write`] carries a plan out
//! with the workbook editor. The figures are computed over the unit *as the output will
//! read*: a 安装数量 derive writes counts in the statistics table, one it leaves (because
//! the clerk typed another value) counts as typed, so `check` on the output agrees with it.
//!
//! Marks: a cell derive writes into a table the clerk keeps gets a light green fill and a
//! note "由 zhengban 生成：…" saying where the value comes from; a row added to a list gets
//! the fill and one note on its first cell; a sheet added from a template gets the fill on
//! every derived cell and one note on its title (notes on hundreds of cells would bury the
//! clerk's own). Cells left for the clerk to fill are light yellow.
//!
//! The parts, one module each: [`counts`] (汇总表 安装数量, 使用计算机人数), [`statistics`]
//! and [`statistics_table`] (软件正版化工作信息统计表), [`maintenance`] (missing 安装维护情况
//! 明细表), [`free_list`], [`purchase_plan`] (arithmetic and the draft for shortfalls),
//! [`classification`] (软件分类); [`layout`] names added sheets and picks their file,
//! [`blank`] reads our templates back to know where to write in an added table.

pub mod blank;
pub mod classification;
pub mod counts;
pub mod free_list;
pub mod layout;
pub mod maintenance;
pub mod plan;
pub mod purchase_plan;
pub mod sample;
pub mod spot_check;
pub mod statistics_table;
pub mod write;

use std::sync::Arc;

use chrono::NaiveDate;

use crate::base::CellRef;
use crate::batch::UnitReport;
use crate::classify::Catalogue;
use crate::edit::{Addr, Value};
use crate::ledger::table::HeaderBlock;
use crate::ledger::values::Field;
use crate::ledger::Unit;
use crate::rules::Diagnostic;
use crate::schema::TableKind;

pub use blank::BlankError;
pub use plan::{CellEdit, Conflict, FileEdits, Mark, NewRow, NewSheet, Plan, RowsEdit, When};

/// How to derive.
#[derive(Debug, Clone)]
pub struct Options {
    /// The check date (expiry of licenses, 填表日期 of added tables).
    pub as_of: NaiveDate,
    /// The statistics year.
    pub year: i32,
    /// Replace typed values that disagree with the derived ones.
    pub overwrite: bool,
    /// Cells `check` reported, with the rule: a value reported as wrong is not copied into
    /// the tables derive adds (ZB504: the summary's 联系电话 is left for the clerk instead).
    pub faults: Vec<(&'static str, CellRef)>,
}

/// The first line of every note on a derived cell.
pub const NOTE: &str = "由 zhengban 生成";

/// What a clerk typed in a cell derive would fill.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Typed {
    /// Nothing.
    Blank,
    /// The derived value already.
    Same,
    /// Something else, as shown.
    Other(String),
}

/// Everything one derivation step needs.
pub(crate) struct Ctx<'a> {
    pub unit: &'a Unit,
    pub catalogue: &'a Catalogue,
    pub opts: &'a Options,
    pub layout: layout::Layout,
    pub plan: Plan,
}

impl Ctx<'_> {
    /// Propose `value` for a cell of the unit: written when blank, left and reported when
    /// the clerk typed another value (replaced with `--overwrite-derived`). Returns whether
    /// the cell will hold `value` in the output.
    #[allow(clippy::too_many_arguments)]
    pub fn propose(
        &mut self,
        cell: &CellRef,
        typed: Typed,
        value: Value,
        what: &str,
        note: &str,
        code: &'static str,
    ) -> bool {
        self.propose_in(cell, typed, value, false, what, note, code)
    }

    /// [`Ctx::propose`] for a value that may sit in its label's cell (`in_label`): then the
    /// cell is never blank, and `value` is the label's whole text with the value filled in.
    #[allow(clippy::too_many_arguments)]
    pub fn propose_in(
        &mut self,
        cell: &CellRef,
        typed: Typed,
        value: Value,
        in_label: bool,
        what: &str,
        note: &str,
        code: &'static str,
    ) -> bool {
        let when = match typed {
            Typed::Same => return true,
            Typed::Blank if in_label => When::Overwrite,
            Typed::Blank => When::IfBlank,
            Typed::Other(t) => {
                self.plan.conflicts.push(Conflict {
                    cell: cell.clone(),
                    what: what.to_string(),
                    typed: t,
                    derived: value.display(),
                    code,
                    replaced: self.opts.overwrite,
                });
                if !self.opts.overwrite {
                    return false;
                }
                When::Overwrite
            }
        };
        let edit = CellEdit {
            sheet: cell.sheet.to_string(),
            cell: Addr::new(cell.row, cell.col),
            value,
            mark: Mark::Derived,
            note: format!("{NOTE}：{note}"),
            when,
            what: what.to_string(),
        };
        self.plan.file_mut(&cell.file).cells.push(edit);
        true
    }

    /// The names of every sheet in `file` after the sheets planned so far are added.
    pub fn taken_names(&self, file: &Arc<str>) -> Vec<String> {
        let mut names: Vec<String> = self
            .unit
            .books
            .iter()
            .find(|w| &w.file == file)
            .map(|w| w.sheets.iter().map(|s| s.to_string()).collect())
            .unwrap_or_default();
        if let Some(f) = self.plan.files.iter().find(|f| &f.file == file) {
            names.extend(f.sheets.iter().map(|s| s.name.clone()));
        }
        names
    }

    /// The file a table of `kind` goes into.
    pub fn file_for(&self, kind: TableKind) -> Option<Arc<str>> {
        layout::file_for(self.unit, kind)
    }

    /// The header block of an added table: 单位名称, 填表人 (a plan's 经手人) and 联系电话
    /// as the summary header has them, 填表日期 the check date. A value the summary lacks,
    /// or that `check` reports as wrong, is left blank and highlighted for the clerk.
    pub fn header_block(
        &self,
        header: &HeaderBlock,
        cells: &mut Vec<(Addr, Value, Mark)>,
        to_fill: &mut Vec<Addr>,
    ) {
        let source = self.unit.summary().map(|s| &s.header);
        let typed = |f: Option<&Option<Field<String>>>, code: Option<&str>| {
            let f = f?.as_ref()?;
            let wrong = code.is_some_and(|code| {
                self.opts
                    .faults
                    .iter()
                    .any(|(c, at)| *c == code && Some(at) == f.cell.as_ref())
            });
            (!wrong).then(|| f.value().cloned()).flatten()
        };
        let slots = [
            (&header.unit, typed(source.map(|h| &h.unit), None)),
            (&header.filler, typed(source.map(|h| &h.filler), None)),
            (&header.handler, typed(source.map(|h| &h.filler), None)),
            (
                &header.phone,
                typed(
                    source.map(|h| &h.phone),
                    Some(crate::rules::known::IMPLAUSIBLE_PHONE),
                ),
            ),
        ];
        for (slot, value) in slots {
            let Some(cell) = slot.as_ref().and_then(|f| f.cell.as_ref()) else {
                continue;
            };
            let at = Addr::new(cell.row, cell.col);
            match value {
                Some(v) => cells.push((at, Value::Text(v), Mark::Derived)),
                None => to_fill.push(at),
            }
        }
        if let Some(c) = header.filled_on.as_ref().and_then(|f| f.cell.as_ref()) {
            cells.push((
                Addr::new(c.row, c.col),
                Value::Date(self.opts.as_of),
                Mark::Derived,
            ));
        }
    }
}

/// Derive everything derive.md lists for a unit.
pub fn derive(unit: &Unit, catalogue: &Catalogue, opts: &Options) -> Result<Plan, BlankError> {
    let mut ctx = Ctx {
        unit,
        catalogue,
        opts,
        layout: layout::Layout::of(unit),
        plan: Plan {
            year: opts.year,
            files: Vec::new(),
            conflicts: Vec::new(),
            skipped: Vec::new(),
            statistics: crate::rules::facts::statistics::derive_statistics(
                &Unit::default(),
                catalogue,
                opts.year,
            ),
        },
    };
    if unit.summary().is_none() {
        ctx.plan
            .skipped
            .push("没有找到软件使用情况汇总表：其余各表都由汇总表推算，无法补填".into());
        return Ok(ctx.plan);
    }
    let counted = counts::derive_counts(&mut ctx);
    let as_output = counts::as_output(unit, &counted);
    ctx.plan.statistics =
        crate::rules::facts::statistics::derive_statistics(&as_output, catalogue, opts.year);
    statistics_table::fill(&mut ctx)?;
    maintenance::add_missing(&mut ctx, &counted)?;
    free_list::complete(&mut ctx)?;
    purchase_plan::arithmetic(&mut ctx);
    purchase_plan::draft(&mut ctx, &as_output)?;
    classification::complete(&mut ctx)?;
    // Files in the unit's order, so the summary and the outputs come out the same every run.
    let order = |f: &FileEdits| unit.files.iter().position(|u| u == &f.file);
    ctx.plan.files.sort_by_key(order);
    ctx.plan.files.retain(|f| !f.is_empty());
    Ok(ctx.plan)
}

/// What a report of `check` says about `derive`: its findings about figures derive computes
/// (the rules' [`Derived`](crate::rules::Derived)), and what stands in derive's way.
#[derive(Debug, Clone, PartialEq)]
pub struct Advice<'a> {
    /// The figures concerned, as the clerk knows them, in the order of the rules' codes.
    pub figures: Vec<&'static str>,
    /// Whether a figure the clerk typed differs: derive replaces it only with
    /// `--overwrite-derived`.
    pub overwrite: bool,
    /// The findings derive refuses to work with until they are corrected ([`blocking`]).
    pub blocking: Vec<&'a Diagnostic>,
}

/// The advice for a unit's report, or `None` when no finding is about a derived figure, or
/// derive could not write the unit (none of its files is an xlsx or xlsm).
pub fn advice(report: &UnitReport) -> Option<Advice<'_>> {
    let editable = report.unit.files.iter().any(|f| {
        std::path::Path::new(&**f)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm"))
    });
    if !editable || report.unit.summaries.is_empty() {
        return None;
    }
    let blocking = blocking(report);
    // by address: a unit can have a finding on each of 100,000 rows, most of them blocking
    let stops: std::collections::HashSet<*const Diagnostic> =
        blocking.iter().map(|d| *d as *const Diagnostic).collect();
    let mut found = Vec::new();
    let mut overwrite = false;
    for d in &report.diagnostics {
        // a finding that stops derive is no figure derive can write
        if stops.contains(&(d as *const Diagnostic)) {
            continue;
        }
        let Some(how) = crate::rules::rule(d.code).and_then(|r| r.derived) else {
            continue;
        };
        overwrite |= matches!(how, crate::rules::Derived::Replaces(_));
        found.push((d.code, how.what()));
    }
    // in the rules' order, the summary's figures before the tables counted from them
    found.sort_unstable();
    let mut figures: Vec<&'static str> = Vec::new();
    for (_, what) in found {
        if !figures.contains(&what) {
            figures.push(what);
        }
    }
    (!figures.is_empty()).then_some(Advice {
        figures,
        overwrite,
        blocking,
    })
}

/// The diagnostics that make derived values wrong, so `derive` refuses without `--force`:
/// - ZB001 a file of the unit cannot be read; ZB003 a table lacks a required column;
/// - ZB006 an unreadable value in the 汇总表 (counts, dates, amounts the figures are
///   computed from; an unreadable 安装日期 in the 明细表 only leaves a date of a bootstrapped
///   log as typed); ZB007 a formula without a result in the 汇总表 or the 明细表 (a
///   软件编号 or count that reads as empty); ZB008 a second 汇总表 or 明细表 (only the first
///   is read);
/// - ZB101 an unknown 软件类型, ZB103 one 软件编号 for different software, ZB116 an
///   unreadable 许可期限 (the statistics need type and term);
/// - ZB114 a 安装数量 that holds something that is not a count (an empty one is what
///   derive fills);
/// - ZB201 a 明细表 row without 软件编号 or 姓名, ZB402/ZB403 a 软件编号 not in the 汇总表,
///   ZB404 a 明细表 row whose number and software disagree (the rows would be counted under
///   the wrong number).
pub fn blocking(report: &UnitReport) -> Vec<&Diagnostic> {
    let unit = &report.unit;
    let in_table = |d: &Diagnostic, kinds: &[TableKind]| {
        d.target.cell().is_some_and(|c| {
            unit.table_at(&c.file, &c.sheet, c.row)
                .is_some_and(|m| kinds.contains(&m.kind))
        })
    };
    let ledgers = [TableKind::Summary, TableKind::Usage];
    report
        .diagnostics
        .iter()
        .filter(|d| match d.code {
            "ZB001" | "ZB003" | "ZB101" | "ZB103" | "ZB116" | "ZB402" | "ZB403" | "ZB404" => true,
            "ZB006" => in_table(d, &[TableKind::Summary]),
            "ZB007" | "ZB008" => in_table(d, &ledgers),
            "ZB114" => d.target.cell().is_some_and(|c| {
                unit.summary().is_some_and(|s| {
                    s.rows
                        .iter()
                        .any(|r| r.installed.cell.as_ref() == Some(c) && r.installed.is_filled())
                })
            }),
            "ZB201" => d.target.cell().is_some_and(|c| {
                unit.usage().is_some_and(|u| {
                    u.meta
                        .columns
                        .iter()
                        .any(|col| matches!(col.key, "id" | "user") && col.col == c.col)
                        && u.meta.contains(&c.file, &c.sheet, c.row)
                })
            }),
            _ => false,
        })
        .collect()
}
