//! Human output for a terminal (`--format human`): per unit a title, the diagnostics grouped
//! by file and sheet — each drawn by miette with the row around its cell — and the unit's
//! figures; at the end a summary by severity and by rule.
//!
//! Only this module knows miette (style.md): the rules produce plain data, and the grid of
//! cells a diagnostic shows is built here from the unit's cell grids.

mod grid;
mod report;
mod wrap;

pub use wrap::{fill, width, FIXED_WIDTH};

use crate::base::gate;
use crate::batch::{severity_index, Totals, UnitReport};
use crate::ledger::discover::OtherFile;
use crate::ledger::values::SoftwareKind;
use crate::metrics::Metrics;
use crate::render::citations::{cited, Regulation};
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

/// The group a diagnostic is listed under: its file and sheet.
fn group_title(t: &Target) -> String {
    let esc = gate::terminal;
    match t {
        Target::Cell(c) => format!("{} › {}", esc(&c.file), esc(&c.sheet)),
        Target::Sheet { file, sheet } => format!("{} › {}", esc(file), esc(sheet)),
        Target::File(f) => esc(f).into_owned(),
        Target::Unit => "整个单位".into(),
    }
}

/// `text` wrapped to `width` (its first line after `first`, the others after `rest`) and a
/// line break, added to `out`.
fn push_line(out: &mut String, text: &str, width: usize, first: &str, rest: &str) {
    out.push_str(&fill(text, width, first, rest));
    out.push('\n');
}

/// The diagnostics and figures of one unit for a terminal `width` columns wide; `color` when
/// writing to a terminal with colour.
pub fn unit(report: &UnitReport, color: bool, width: usize) -> String {
    let paint = Paint(color);
    let mut counts = [0usize; 3];
    for d in &report.diagnostics {
        counts[severity_index(d.severity)] += 1;
    }
    let mut out = String::new();
    let title = format!(
        "{} {}",
        paint.bold(&format!("━━ {} ━━", gate::terminal(&report.unit.name))),
        counts_line(paint, counts)
    );
    push_line(&mut out, &title, width, "", "   ");
    // A folder unit may hold many files: name a few, count the rest.
    const LISTED: usize = 5;
    let file = |out: &mut String, f: &str| {
        push_line(out, &paint.dim(&gate::terminal(f)), width, "   ", "   ");
    };
    if report.unit.files.is_empty() {
        if let Some(p) = &report.unit.path {
            file(&mut out, p);
        }
    }
    for f in report.unit.files.iter().take(LISTED) {
        file(&mut out, f);
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
            push_line(
                &mut out,
                &paint.bold(&format!("── {title} ──")),
                width,
                "",
                "   ",
            );
            out.push('\n');
            group = Some(title);
        }
        out.push_str(&report::render(
            &report.unit,
            &report.sources,
            d,
            color,
            width,
        ));
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
        let text = format!(
            "未能读取 {}：{}",
            gate::terminal(f),
            gate::terminal(&e.to_string())
        );
        push_line(&mut out, &text, width, "  ", "    ");
    }
    if report.diagnostics.is_empty() && silent.is_empty() {
        out.push_str("  没有发现问题。\n");
    }
    if report.diagnostics.is_empty() || !silent.is_empty() {
        out.push('\n');
    }
    // Figures of a unit none of whose files could be read would all be zero: say nothing.
    if !report.unit.books.is_empty() {
        out.push_str(&metrics(paint, &report.metrics, width));
        out.push('\n');
    }
    out
}

/// The findings across units, after the units: a title, then each unit involved with its
/// findings (each `UnitReport` holds only those, see `RoundState::report_of`).
pub fn across(units: &[UnitReport], color: bool, width: usize) -> String {
    if units.is_empty() {
        return String::new();
    }
    let paint = Paint(color);
    let mut out = String::new();
    let title = format!(
        "━━━━ 各单位之间：{} 个单位的台账与别的单位有关 ━━━━",
        units.len()
    );
    push_line(&mut out, &paint.bold(&title), width, "", "   ");
    out.push('\n');
    for u in units {
        out.push_str(&unit(u, color, width));
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
fn metrics(paint: Paint, m: &Metrics, width: usize) -> String {
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
    let overview = format!(
        "{}  计算机 {} 台 · 使用人 {} 人 · 软件 {software} 个{}",
        paint.bold("概况"),
        m.computers,
        m.users,
        if kinds.is_empty() {
            String::new()
        } else {
            format!("（{}）", kinds.join("，"))
        }
    );
    push_line(&mut out, &overview, width, "", "      ");
    let g = &m.genuine_rate;
    let rates = format!(
        "操作系统 {}  办公软件 {}  杀毒软件 {}",
        percent(g.os),
        percent(g.office),
        percent(g.antivirus)
    );
    // the figures of a line continue under its text, clear of the label
    const UNDER: &str = "          ";
    push_line(&mut out, &rates, width, "  正版率  ", UNDER);
    for s in &m.over_deployed {
        let text = format!(
            "{} {}：安装 {}，许可 {}，缺 {} 个许可",
            gate::terminal(&s.id),
            grid::shorten(&gate::terminal(&s.name), 30),
            s.installed,
            s.licensed,
            s.short
        );
        push_line(&mut out, &text, width, "  超装    ", UNDER);
    }
    for e in &m.expired {
        let text = format!(
            "{} {}：{} 到期，仍安装 {} 套",
            gate::terminal(&e.id),
            grid::shorten(&gate::terminal(&e.name), 30),
            e.end,
            e.installed
        );
        push_line(&mut out, &text, width, "  已过期  ", UNDER);
    }
    for e in &m.expiring {
        let text = format!(
            "{} {}：{} 到期，安装 {} 套",
            gate::terminal(&e.id),
            grid::shorten(&gate::terminal(&e.name), 30),
            e.end,
            e.installed
        );
        push_line(&mut out, &text, width, "  将到期  ", UNDER);
    }
    out
}

/// The closing summary: units and files checked, counts by severity and by rule.
pub fn summary(reports: &[UnitReport], color: bool, width: usize) -> String {
    let helps = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(|d| d.help.as_str()));
    totals(&Totals::of(reports), &[], &cited(helps), color, width)
}

/// The closing summary of a batch from its totals; `skipped` are the loose documents in
/// batch folders that were no unit, named so that nothing passes unseen.
pub fn totals(
    totals: &Totals,
    skipped: &[OtherFile],
    cited: &[&'static Regulation],
    color: bool,
    width: usize,
) -> String {
    let paint = Paint(color);
    let mut s = String::new();
    let head = format!(
        "{} 检查了 {} 个单位、{} 个文件：{}",
        paint.bold("━━ 合计 ━━"),
        totals.units,
        totals.files,
        counts_line(paint, totals.counts)
    );
    push_line(&mut s, &head, width, "", "   ");
    if totals.units > 1 {
        let failing = format!("有错误的单位 {} 个", totals.failing_units);
        s.push_str(&format!(
            "  {}，没有错误的 {} 个\n",
            if totals.failing_units > 0 {
                paint.severity(Severity::Error, &failing)
            } else {
                failing
            },
            totals.units - totals.failing_units
        ));
    }
    for (code, (severity, n)) in &totals.by_rule {
        let summary = crate::rules::rule(code).map_or("", |r| r.summary);
        let line = format!(
            "{code}  {}  {n:>4} 处  {summary}",
            paint.severity(*severity, severity.label()),
        );
        // a summary too long for the line continues under the summaries above it
        push_line(&mut s, line.trim_end(), width, "  ", &" ".repeat(24));
    }
    if !skipped.is_empty() {
        const SHOWN: usize = 5;
        let names: Vec<String> = skipped
            .iter()
            .take(SHOWN)
            .map(|f| gate::terminal(&f.path).into_owned())
            .collect();
        let more = if skipped.len() > SHOWN {
            format!(" 等 {} 个", skipped.len())
        } else {
            String::new()
        };
        let text = format!(
            "另有不是工作簿的文件，没有作为单位检查：{}{more}",
            names.join("、")
        );
        push_line(&mut s, &text, width, "  ", "    ");
    }
    if let Some(code) = totals.by_rule.keys().next() {
        let hint = format!("规则说明：zhengban rule {code}");
        s.push_str(&paint.dim(&hint));
        s.push('\n');
    }
    s.push_str(&legend(paint, cited, width));
    s
}

/// The regulations the printed helps cite, one a line under the summary:
/// `条款引用  台账 =《软件台账管理规定》`.
fn legend(paint: Paint, cited: &[&'static Regulation], width: usize) -> String {
    let mut s = String::new();
    const UNDER: &str = "          ";
    for (i, r) in cited.iter().enumerate() {
        let lead = if i == 0 { "条款引用  " } else { UNDER };
        let text = paint.dim(&format!("{} =《{}》", r.short, r.title));
        push_line(&mut s, &text, width, &paint.dim(lead), UNDER);
    }
    s
}

/// The one line `--quiet` prints for a unit with errors (nothing for the others): its
/// name, counts, where it is, and the codes of its errors.
pub fn quiet_line(report: &UnitReport, color: bool, width: usize) -> String {
    let paint = Paint(color);
    let mut counts = [0usize; 3];
    let mut codes: Vec<&str> = Vec::new();
    for d in &report.diagnostics {
        counts[severity_index(d.severity)] += 1;
        if d.severity == Severity::Error && !codes.contains(&d.code) {
            codes.push(d.code);
        }
    }
    if counts[0] == 0 {
        return String::new();
    }
    codes.sort_unstable();
    let unit = &report.unit;
    // a roster unit that sent nothing has no place: say so instead
    let place = unit
        .path
        .as_deref()
        .or(unit.files.first().map(|f| &**f))
        .unwrap_or("未报送");
    let name = gate::terminal(&unit.name);
    let tail = format!("{}  {}", gate::terminal(place), codes.join(" "));
    let head = format!(
        "{} {}  {}",
        paint.severity(Severity::Error, "✗"),
        paint.bold(&name),
        counts_line(paint, counts),
    );
    // measured without colours: the unit, its counts, then where it is and its codes — on
    // one line when they fit, else the place on the next, never broken inside a path
    let plain = format!("✗ {name}  {}", counts_line(Paint(false), counts));
    use unicode_width::UnicodeWidthStr;
    if plain.width() + 2 + tail.width() <= width {
        format!("{head}  {}\n", paint.dim(&tail))
    } else {
        format!("{head}\n    {}\n", paint.dim(&tail))
    }
}
