//! The roll-up drawn for inspectors: a workbook (`xlsx`) and one self-contained page
//! (`html`). Both say the same things in the same words; what they share lives here.

pub mod html;
mod svg;
pub mod xlsx;

use std::path::{Component, Path, PathBuf};

use chrono::NaiveDate;

use crate::base::gate;
use crate::rollup::unit::{UnitEntry, UnitStatus, RATE_LABELS};
use crate::rollup::{NoteLevel, Rollup, RuleCount};
use crate::rules::Severity;

/// The title of the roll-up.
pub const TITLE: &str = "软件正版化检查汇总";

/// Units the rate chart shows at most; with more, it shows those with the lowest rates.
pub const CHART_UNITS: usize = 40;

/// A 正版率 as a percentage ("95.2%"), "—" where the category has no installs.
pub fn percent(rate: Option<f64>) -> String {
    match rate {
        Some(r) => {
            let p = r * 100.0;
            if (p - p.round()).abs() < 0.05 {
                format!("{p:.0}%")
            } else {
                format!("{p:.1}%")
            }
        }
        None => "—".to_string(),
    }
}

/// The check dates as one phrase.
pub fn dates_text(as_of: &[NaiveDate]) -> String {
    match as_of {
        [] => "未记录".to_string(),
        [one] => one.to_string(),
        many => format!(
            "{}（各单位检查日期不同）",
            many.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("、")
        ),
    }
}

/// "共 N 个单位：合格 a · 有错误 b …" (statuses with no unit left out, except 合格).
pub fn status_line(r: &Rollup) -> String {
    let parts: Vec<String> = r
        .status_counts()
        .into_iter()
        .filter(|(s, n)| *n > 0 || *s == UnitStatus::Clean)
        .map(|(s, n)| format!("{} {n}", s.label()))
        .collect();
    format!("共 {} 个单位：{}", r.units.len(), parts.join(" · "))
}

/// The line under the title: check date, statistics year, units by status.
pub fn headline(r: &Rollup) -> String {
    format!(
        "检查日期 {} · 统计年度 {} · {}",
        dates_text(&r.as_of),
        r.year,
        status_line(r)
    )
}

/// Over-deployed and expired licenses of a unit in words, for the last column.
pub fn details(u: &UnitEntry) -> String {
    let mut parts = Vec::new();
    for s in &u.metrics.over_deployed {
        parts.push(format!(
            "超装 {} {}：安装 {}，许可 {}，缺 {}",
            s.id, s.name, s.installed, s.licensed, s.short
        ));
    }
    for e in &u.metrics.expired {
        parts.push(format!(
            "过期 {} {}：{} 到期，仍装 {} 台",
            e.id, e.name, e.end, e.installed
        ));
    }
    for e in &u.metrics.expiring {
        parts.push(format!("将到期 {} {}：{} 到期", e.id, e.name, e.end));
    }
    parts.join("\n")
}

/// Where the unit came from (the folder or workbook it was found as), "—" for a roster unit
/// that sent nothing.
pub fn source_text(u: &UnitEntry) -> String {
    u.source.clone().unwrap_or_else(|| "—".to_string())
}

/// The last part of the unit's source (the folder's or workbook's own name): what tells
/// apart, in a chart, units whose ledgers state the same 单位名称.
pub fn source_short(u: &UnitEntry) -> Option<String> {
    let source = u.source.as_deref()?;
    let name = Path::new(source)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| source.to_string());
    Some(name)
}

/// A unit's label in a chart: its name, and where it came from when that says more.
pub fn chart_label(u: &UnitEntry) -> String {
    match source_short(u) {
        Some(s) if s != u.name => format!("{}（{s}）", u.name),
        _ => u.name.clone(),
    }
}

/// The files of a unit, one a line; a file inside the unit's folder is named from that
/// folder (the folder is in the column beside), a unit that is one workbook by its name.
pub fn files_text(u: &UnitEntry) -> String {
    if u.files.is_empty() {
        return "（没有文件）".to_string();
    }
    u.files
        .iter()
        .map(|f| file_in_source(u, f))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One file of a unit as [`files_text`] names it.
pub fn file_in_source(u: &UnitEntry, file: &str) -> String {
    let path = Path::new(file);
    if let Some(source) = u.source.as_deref() {
        if let Ok(rest) = path.strip_prefix(source) {
            if !rest.as_os_str().is_empty() {
                return rest.display().to_string();
            }
            if let Some(name) = path.file_name() {
                return name.to_string_lossy().into_owned();
            }
        }
    }
    file.to_string()
}

/// The units the rate chart shows, and whether that is all units with a rate: every unit
/// when they fit, otherwise the [`CHART_UNITS`] with the lowest rate; lowest rate first
/// either way, so the chart reads as a ranking and matches the table under it.
pub fn chart_units(r: &Rollup) -> (Vec<&UnitEntry>, bool) {
    let ranking = rate_ranking(r);
    let all = ranking.len() <= CHART_UNITS;
    (ranking.into_iter().take(CHART_UNITS).collect(), all)
}

/// The lowest of a unit's rates (∞ without any).
pub fn lowest_rate(u: &UnitEntry) -> f64 {
    u.metrics
        .rates
        .all()
        .iter()
        .flatten()
        .fold(f64::INFINITY, |a, &b| a.min(b))
}

/// Units with at least one rate, lowest rate first (then in name order).
pub fn rate_ranking(r: &Rollup) -> Vec<&UnitEntry> {
    let mut rated: Vec<&UnitEntry> = r
        .units
        .iter()
        .filter(|u| u.metrics.rates.all().iter().any(Option::is_some))
        .collect();
    // Stable: equal rates keep the name order of the unit list.
    rated.sort_by(|a, b| lowest_rate(a).total_cmp(&lowest_rate(b)));
    rated
}

/// Where the rate axis starts: 0 unless every rate shown is high, then a round step below
/// the lowest (90 % when all are 92 % or more), so that a difference of two points is seen.
/// The axis title says where it starts ([`rate_axis_title`]).
pub fn rate_axis_min(units: &[&UnitEntry]) -> f64 {
    let lowest = units
        .iter()
        .map(|u| lowest_rate(u))
        .fold(f64::INFINITY, f64::min);
    if !lowest.is_finite() || lowest < 0.5 {
        return 0.0;
    }
    let step = if lowest >= 0.8 { 0.05 } else { 0.1 };
    // A margin below the lowest, so that its bar is seen, not a bar of no length.
    let min = ((lowest - 0.01) / step).floor() * step;
    (min * 100.0).round() / 100.0
}

/// The rate axis's title, saying where the axis starts when it does not start at 0.
pub fn rate_axis_title(min: f64) -> String {
    if min > 0.0 {
        format!(
            "正版率（注意：横轴从 {} 起，不是从 0 起）",
            percent(Some(min))
        )
    } else {
        "正版率".to_string()
    }
}

/// Findings per rule, most findings first (then by code): the order of the rule charts and
/// of the tables they are drawn from.
pub fn rules_by_count(r: &Rollup) -> Vec<RuleCount> {
    let mut rules = r.by_rule();
    // Stable: equal totals keep the order of the codes.
    rules.sort_by_key(|c| std::cmp::Reverse(c.total()));
    rules
}

/// A rule's label in a chart: its code and Chinese summary (the code alone for a code this
/// version does not know).
pub fn rule_label(c: &RuleCount) -> String {
    if c.summary.is_empty() {
        c.code.clone()
    } else {
        format!("{} {}", c.code, c.summary)
    }
}

/// The title of the rate chart.
pub fn rate_chart_title(shown: usize, all: bool) -> String {
    if all {
        "各单位正版率".to_string()
    } else {
        format!("正版率最低的 {shown} 个单位")
    }
}

/// The three rated categories.
pub fn rate_labels() -> [&'static str; 3] {
    RATE_LABELS
}

/// The Chinese word of a note level.
pub fn note_label(level: NoteLevel) -> &'static str {
    match level {
        NoteLevel::Error => "错误",
        NoteLevel::Warning => "注意",
        NoteLevel::Info => "说明",
    }
}

/// The Chinese word of a severity.
pub fn severity_label(s: Severity) -> &'static str {
    s.label()
}

/// Links from the roll-up to the units' files, relative to the roll-up's folder so that the
/// roll-up and the files can move together. Only files in or below that folder are linked,
/// and only by a path the gate accepts ([`gate::link_path`]): a file name is the submitter's
/// choice, and `javascript:alert(1);a.xlsx` is a legal one.
#[derive(Debug, Clone)]
pub struct Links {
    base: Option<PathBuf>,
}

/// A file as a link can name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkPath {
    /// The path relative to the roll-up's folder, `./` and `/`-separated, not encoded.
    pub text: String,
    /// Whether the file is a workbook Excel opens at a cell (xlsx, xlsm).
    pub excel: bool,
}

impl Links {
    /// Links for a roll-up saved in `output_dir` (no links without one).
    pub fn new(output_dir: Option<&Path>) -> Self {
        let base = output_dir.and_then(|d| {
            let d = if d.as_os_str().is_empty() {
                Path::new(".")
            } else {
                d
            };
            std::fs::canonicalize(d).ok()
        });
        Links { base }
    }

    /// The path to link for `file`, when it is a file that exists in or below the roll-up's
    /// folder and its name can sit in a link; `None` and the roll-up shows the name as text.
    pub fn path(&self, file: &str) -> Option<LinkPath> {
        let abs = std::fs::canonicalize(file).ok()?;
        if !abs.is_file() {
            return None;
        }
        let path = relative(&abs, self.base.as_ref()?)?;
        let mut text = path.to_str()?.to_string();
        if cfg!(windows) {
            text = text.replace('\\', "/");
        }
        let text = gate::link_path(&text)?;
        let excel = abs
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "xlsx" | "xlsm"));
        Some(LinkPath { text, excel })
    }
}

/// `path` relative to the folder `base` (both absolute), or `None` across drives.
fn relative(path: &Path, base: &Path) -> Option<PathBuf> {
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    if p.first() != b.first() {
        return None;
    }
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c.as_os_str());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative(Path::new("/a/b/c.xlsx"), Path::new("/a/d")),
            Some(PathBuf::from("../b/c.xlsx"))
        );
        assert_eq!(
            relative(Path::new("/a/b/c.xlsx"), Path::new("/a/b")),
            Some(PathBuf::from("c.xlsx"))
        );
    }

    #[test]
    fn the_rate_axis_starts_below_the_lowest_rate() {
        let unit = |rate: f64| UnitEntry {
            name: "单位".into(),
            source: Some("报送/单位".into()),
            files: vec!["报送/单位/台账.xlsx".into()],
            status: UnitStatus::Clean,
            counts: Default::default(),
            metrics: crate::rollup::unit::UnitMetrics {
                rates: crate::rollup::Rates {
                    os: Some(rate),
                    office: Some(1.0),
                    antivirus: None,
                },
                ..Default::default()
            },
            statistics: None,
            diagnostics: vec![],
            provenance: crate::rollup::unit::Provenance::Checked,
        };
        let (a, b, c) = (unit(0.93), unit(0.97), unit(0.6));
        assert_eq!(rate_axis_min(&[&a, &b]), 0.9);
        assert_eq!(rate_axis_min(&[&a, &b, &c]), 0.5);
        assert_eq!(rate_axis_min(&[&unit(0.3)]), 0.0);
        assert_eq!(rate_axis_min(&[&unit(1.0)]), 0.95);
        assert!(rate_axis_title(0.9).contains("从 90% 起"));
        assert_eq!(files_text(&a), "台账.xlsx");
        assert_eq!(chart_label(&a), "单位");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(Some(1.0)), "100%");
        assert_eq!(percent(Some(0.9524)), "95.2%");
        assert_eq!(percent(Some(0.0)), "0%");
        assert_eq!(percent(None), "—");
    }
}
