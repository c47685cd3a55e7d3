//! Human output for a terminal (`--format human`): per unit a title, the diagnostics grouped
//! by file and sheet — each drawn by miette with the row around its cell — and the unit's
//! figures; at the end a summary by severity and by rule.
//!
//! Only this module knows miette (style.md): the rules produce plain data, and the grid of
//! cells a diagnostic shows is built here from the unit's cell grids.

mod grid;
mod report;

use std::collections::BTreeMap;

use crate::check::UnitReport;
use crate::ledger::values::SoftwareKind;
use crate::metrics::Metrics;
use crate::render::escape;
use crate::rules::{Severity, Target};

/// ANSI colour codes, only when writing to a terminal that wants colour.
#[derive(Clone, Copy)]
struct Paint(bool);

impl Paint {
    fn with(self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn bold(self, text: &str) -> String {
        self.with("1", text)
    }
    fn dim(self, text: &str) -> String {
        self.with("2", text)
    }
    fn severity(self, s: Severity, text: &str) -> String {
        self.with(
            match s {
                Severity::Error => "1;31",
                Severity::Warning => "1;33",
                Severity::Info => "1;36",
            },
            text,
        )
    }
}

/// The counts of a list of diagnostics: `错误 1 · 警告 0 · 提示 0`.
fn counts_line(paint: Paint, counts: [usize; 3]) -> String {
    [Severity::Error, Severity::Warning, Severity::Info]
        .iter()
        .zip(counts)
        .map(|(s, n)| {
            let text = format!("{} {n}", s.label());
            if n > 0 {
                paint.severity(*s, &text)
            } else {
                text
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// The group a diagnostic is listed under: its file and sheet.
fn group_title(t: &Target) -> String {
    let esc = escape::line;
    match t {
        Target::Cell(c) => format!("{} › {}", esc(&c.file), esc(&c.sheet)),
        Target::Sheet { file, sheet } => format!("{} › {}", esc(file), esc(sheet)),
        Target::File(f) => esc(f).into_owned(),
        Target::Unit => "整个单位".into(),
    }
}

/// The diagnostics and figures of one unit; `color` when writing to a terminal with colour.
pub fn unit(report: &UnitReport, color: bool) -> String {
    let paint = Paint(color);
    let mut counts = [0usize; 3];
    for d in &report.diagnostics {
        counts[severity_index(d.severity)] += 1;
    }
    let mut out = format!(
        "{} {}\n",
        paint.bold(&format!("━━ {} ━━", escape::line(&report.unit.name))),
        counts_line(paint, counts)
    );
    // A folder unit may hold many files: name a few, count the rest.
    const LISTED: usize = 5;
    for f in report.unit.files.iter().take(LISTED) {
        out.push_str(&format!("   {}\n", paint.dim(&escape::line(f))));
    }
    if report.unit.files.len() > LISTED {
        let more = format!("   … 共 {} 个文件", report.unit.files.len());
        out.push_str(&paint.dim(&more));
        out.push('\n');
    }
    out.push('\n');
    let mut group: Option<String> = None;
    for d in &report.diagnostics {
        let title = group_title(&d.target);
        if group.as_deref() != Some(title.as_str()) {
            out.push_str(&paint.bold(&format!("── {title} ──")));
            out.push_str("\n\n");
            group = Some(title);
        }
        out.push_str(&report::render(&report.unit, d, color));
        out.push('\n');
    }
    // A file no rule spoke about but that could not be read (ZB001 off, or not yet in the
    // registry) must not pass for a clean one.
    let silent: Vec<_> = report
        .unit
        .unreadable
        .iter()
        .filter(|(f, _)| {
            !report
                .diagnostics
                .iter()
                .any(|d| d.target.file() == Some(f))
        })
        .collect();
    for (f, e) in &silent {
        out.push_str(&format!(
            "  未能读取 {}：{}\n",
            escape::line(f),
            escape::line(&e.to_string())
        ));
    }
    if report.diagnostics.is_empty() && silent.is_empty() {
        out.push_str("  没有发现问题。\n");
    }
    if report.diagnostics.is_empty() || !silent.is_empty() {
        out.push('\n');
    }
    // Figures of a unit none of whose files could be read would all be zero: say nothing.
    if !report.unit.workbooks.is_empty() {
        out.push_str(&metrics(paint, &report.metrics));
        out.push('\n');
    }
    out
}

/// A rate as a percentage: `100%`, `66.7%`; `—` where nothing of the category is installed.
fn percent(rate: Option<f64>) -> String {
    match rate {
        None => "—".into(),
        Some(r) => {
            let p = (r * 1000.0).round() / 10.0;
            if p.fract() == 0.0 {
                format!("{p:.0}%")
            } else {
                format!("{p:.1}%")
            }
        }
    }
}

/// The figures of a unit (rules.md "Metrics"), a few short lines.
fn metrics(paint: Paint, m: &Metrics) -> String {
    let mut out = String::new();
    let software: usize = m.software.values().sum();
    let kinds: Vec<String> = SoftwareKind::ALL
        .iter()
        .filter_map(|k| {
            m.software
                .get(k)
                .map(|n| format!("{} {n}", k.label().trim_end_matches("软件")))
        })
        .collect();
    out.push_str(&format!(
        "{}  计算机 {} 台 · 使用人 {} 人 · 软件 {software} 个{}\n",
        paint.bold("概况"),
        m.computers,
        m.users,
        if kinds.is_empty() {
            String::new()
        } else {
            format!("（{}）", kinds.join("，"))
        }
    ));
    let g = &m.genuine_rate;
    out.push_str(&format!(
        "  正版率  操作系统 {}  办公软件 {}  杀毒软件 {}\n",
        percent(g.os),
        percent(g.office),
        percent(g.antivirus)
    ));
    for s in &m.over_deployed {
        out.push_str(&format!(
            "  超装    {} {}：安装 {}，许可 {}，缺 {} 个许可\n",
            escape::line(&s.id),
            grid::shorten(&escape::line(&s.name), 30),
            s.installed,
            s.licensed,
            s.short
        ));
    }
    for e in &m.expired {
        out.push_str(&format!(
            "  已过期  {} {}：{} 到期，仍安装 {} 套\n",
            escape::line(&e.id),
            grid::shorten(&escape::line(&e.name), 30),
            e.end,
            e.installed
        ));
    }
    for e in &m.expiring {
        out.push_str(&format!(
            "  将到期  {} {}：{} 到期，安装 {} 套\n",
            escape::line(&e.id),
            grid::shorten(&escape::line(&e.name), 30),
            e.end,
            e.installed
        ));
    }
    out
}

/// The closing summary: units and files checked, counts by severity and by rule.
pub fn summary(reports: &[UnitReport], color: bool) -> String {
    let paint = Paint(color);
    let mut by_rule: BTreeMap<&str, (Severity, usize)> = BTreeMap::new();
    let mut counts = [0usize; 3];
    for r in reports {
        for d in &r.diagnostics {
            by_rule.entry(d.code).or_insert((d.severity, 0)).1 += 1;
            counts[severity_index(d.severity)] += 1;
        }
    }
    let files: usize = reports.iter().map(|r| r.unit.files.len()).sum();
    let mut s = format!(
        "{} 检查了 {} 个单位、{files} 个文件：{}\n",
        paint.bold("━━ 合计 ━━"),
        reports.len(),
        counts_line(paint, counts)
    );
    for (code, (severity, n)) in &by_rule {
        let summary = crate::rules::rule(code).map_or("", |r| r.summary);
        let line = format!(
            "  {code}  {}  {n:>4} 处  {summary}",
            paint.severity(*severity, severity.label()),
        );
        s.push_str(line.trim_end());
        s.push('\n');
    }
    if let Some(code) = by_rule.keys().next() {
        let hint = format!("规则说明：zhengban rule {code}");
        s.push_str(&paint.dim(&hint));
        s.push('\n');
    }
    s
}
