//! The roll-up drawn for inspectors: a workbook (`xlsx`) and one self-contained page
//! (`html`). Both say the same things in the same words; what they share lives here.

pub mod html;
mod svg;
pub mod xlsx;

use std::path::{Component, Path, PathBuf};

use chrono::NaiveDate;

use crate::base::gate;
use crate::rollup::unit::{UnitEntry, UnitStatus, RATE_LABELS};
use crate::rollup::{NoteLevel, Rollup};
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

/// The files of a unit, one a line.
pub fn files_text(u: &UnitEntry) -> String {
    if u.files.is_empty() {
        "（没有文件）".to_string()
    } else {
        u.files.join("\n")
    }
}

/// The units the rate chart shows, and whether that is all units with a rate: every unit
/// when they fit, otherwise the [`CHART_UNITS`] with the lowest rate in any category.
pub fn chart_units(r: &Rollup) -> (Vec<&UnitEntry>, bool) {
    let rated: Vec<&UnitEntry> = r
        .units
        .iter()
        .filter(|u| u.metrics.rates.all().iter().any(Option::is_some))
        .collect();
    if rated.len() <= CHART_UNITS {
        return (rated, true);
    }
    (
        rate_ranking(r).into_iter().take(CHART_UNITS).collect(),
        false,
    )
}

/// Units with at least one rate, lowest rate first (then in name order).
pub fn rate_ranking(r: &Rollup) -> Vec<&UnitEntry> {
    let lowest = |u: &UnitEntry| {
        u.metrics
            .rates
            .all()
            .iter()
            .flatten()
            .fold(f64::INFINITY, |a, &b| a.min(b))
    };
    let mut rated: Vec<&UnitEntry> = r
        .units
        .iter()
        .filter(|u| u.metrics.rates.all().iter().any(Option::is_some))
        .collect();
    // Stable: equal rates keep the name order of the unit list.
    rated.sort_by(|a, b| lowest(a).total_cmp(&lowest(b)));
    rated
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
    fn percentages() {
        assert_eq!(percent(Some(1.0)), "100%");
        assert_eq!(percent(Some(0.9524)), "95.2%");
        assert_eq!(percent(Some(0.0)), "0%");
        assert_eq!(percent(None), "—");
    }
}
