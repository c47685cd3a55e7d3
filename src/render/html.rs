//! The report of one unit as a self-contained HTML page (drop mode writes it beside the
//! clerk's workbook): inline CSS, no scripts, no network, every text from a cell escaped.
//! The counts, the `derive` command when it can write the figures the findings are about,
//! the unit's figures; per diagnostic: severity, code, file › sheet › cell, message, the row
//! around the cell as it looks in the sheet (under the sheet's own headers), the help and the
//! related places; then the explanation of each rule that spoke and the regulations cited.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;

use crate::base::gate::html as escape;
use crate::base::{column_letters, CellRef};
use crate::batch::UnitReport;
use crate::ledger::values::SoftwareKind;
use crate::ledger::{Sources, Unit};
use crate::metrics::Metrics;
use crate::render::advice::derive_advice;
use crate::render::sheet_headers::header_rows_above;
use crate::render::{citations, markdown};
use crate::rules::{Diagnostic, Severity, Target};

const STYLE: &str = r#"
.errors{border-left:4px solid #c00000;padding-left:2em}.errors a{color:#c00000}
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;
  margin:0;background:#f4f5f7;color:#222;line-height:1.55}
main{max-width:1100px;margin:0 auto;padding:24px 28px 48px;background:#fff;min-height:100vh}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:19px;margin:32px 0 10px;padding-bottom:4px;border-bottom:2px solid #e3e5e8}
h3{font-size:16px;margin:22px 0 8px;color:#444}
.meta{color:#666;font-size:14px;margin:2px 0}
.counts{margin:14px 0 4px;display:flex;gap:10px;flex-wrap:wrap}
.count{border-radius:6px;padding:6px 14px;font-size:16px;font-weight:bold;background:#eef0f3;color:#555}
.count.error.some{background:#fde2e2;color:#a61b1b}
.count.warning.some{background:#fff1cc;color:#8a5a00}
.count.info.some{background:#dcebfa;color:#1d4f8a}
.clean{font-size:18px;color:#1f7a3a;background:#e3f4e8;border-radius:6px;padding:10px 14px}
.diag{border:1px solid #e3e5e8;border-left:6px solid #999;border-radius:6px;margin:12px 0;padding:10px 16px;background:#fff}
.diag.error{border-left-color:#d93636}
.diag.warning{border-left-color:#e6a100}
.diag.info{border-left-color:#3b7dd8}
.head{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.sev{font-weight:bold;border-radius:4px;padding:1px 8px;font-size:14px}
.error .sev{background:#fde2e2;color:#a61b1b}
.warning .sev{background:#fff1cc;color:#8a5a00}
.info .sev{background:#dcebfa;color:#1d4f8a}
.code{font-family:Consolas,"DejaVu Sans Mono",monospace;font-weight:bold}
.place{color:#555;font-size:14px}
.msg{font-size:16px;margin:6px 0}
.help{margin:6px 0;padding:6px 10px;background:#f3f8f1;border-radius:4px}
.help b{color:#2f6b25}
.rule{color:#777;font-size:13px}
.excerpt{overflow-x:auto;margin:6px 0}
table.row{border-collapse:collapse;font-size:13px}
table.row th,table.row td{border:1px solid #d5d8dc;padding:3px 8px;white-space:nowrap;max-width:260px;overflow:hidden;text-overflow:ellipsis}
table.row th{background:#f0f1f3;font-weight:normal;color:#555}
table.row th.rn{background:#f7f7f8;color:#888}
table.row th.col{background:#f7f7f8;color:#888;font-size:12px;padding:1px 8px}
table.row td.hit{background:#ffd6d6;outline:2px solid #d93636}
.warning table.row td.hit{background:#ffefc4;outline-color:#e6a100}
.info table.row td.hit{background:#dcebfa;outline-color:#3b7dd8}
table.row td.rel{background:#f1f1f1}
table.row .gap{border:none;background:none;color:#999}
ul.related{margin:6px 0 2px;padding-left:20px}
ul.related li{margin:2px 0}
table.metrics{border-collapse:collapse;font-size:15px}
table.metrics th,table.metrics td{border:1px solid #e3e5e8;padding:4px 12px;text-align:left}
table.metrics th{background:#f7f8f9;font-weight:normal;color:#555}
.legend{color:#555;font-size:14px}
.advice code{font-family:Consolas,"DejaVu Sans Mono",monospace;background:#fff;padding:1px 6px;border-radius:3px;user-select:all}
.advice{margin:12px 0 4px;padding:8px 12px;background:#eef5fd;border-left:4px solid #3b7dd8;border-radius:4px;font-size:15px}
details.ruledoc{border:1px solid #e3e5e8;border-radius:6px;margin:8px 0;padding:6px 14px;background:#fafbfc}
details.ruledoc summary{cursor:pointer;font-size:15px}
details.ruledoc h4{font-size:15px;margin:12px 0 4px;color:#444}
details.ruledoc p{margin:4px 0}
details.ruledoc table{border-collapse:collapse;font-size:14px;margin:4px 0}
details.ruledoc th,details.ruledoc td{border:1px solid #d5d8dc;padding:2px 8px}
details.ruledoc th{background:#f0f1f3;font-weight:normal}
details.ruledoc pre{background:#f0f1f3;padding:6px 10px;border-radius:4px;overflow-x:auto}
@media print{details.ruledoc{break-inside:avoid}}
footer{margin-top:36px;color:#999;font-size:13px}
"#;

fn sev_class(s: Severity) -> &'static str {
    s.key()
}

fn file_name(file: &str) -> &str {
    Path::new(file)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(file)
}

fn place(t: &Target) -> String {
    match t {
        Target::Cell(c) => format!("{} › {} › {}", file_name(&c.file), c.sheet, c.a1()),
        Target::Sheet { file, sheet } => format!("{} › {}（整张表）", file_name(file), sheet),
        Target::File(f) => format!("{}（整个文件）", file_name(f)),
        Target::Unit => "整个单位".into(),
    }
}

/// Most diagnostics a unit's page lists, each with its excerpt of the sheet: a page of
/// 200,000 (a unit whose every row is wrong) would take gigabytes to build and no browser
/// would show it; the rest are counted, and all are in the copy and in `check`'s output.
const PAGE_LISTED: usize = 2_000;

/// The page for one unit checked on `as_of`.
pub fn unit_page(report: &UnitReport, as_of: NaiveDate) -> String {
    let unit = &report.unit;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} · 台账检查报告</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        escape(&unit.name)
    );
    let _ = writeln!(h, "<h1>{}</h1>", escape(&unit.name));
    let _ = writeln!(
        h,
        "<p class=\"meta\">软件正版化台账检查报告 · 检查日期 {} · zhengban {}</p>",
        as_of.format("%Y-%m-%d"),
        env!("CARGO_PKG_VERSION")
    );
    for f in &unit.files {
        let _ = writeln!(h, "<p class=\"meta\">文件：{}</p>", escape(f));
    }
    h.push_str("<div class=\"counts\">");
    for s in [Severity::Error, Severity::Warning, Severity::Info] {
        let n = report.count(s);
        let _ = write!(
            h,
            "<span class=\"count {}{}\">{} {n}</span>",
            sev_class(s),
            if n > 0 { " some" } else { "" },
            s.label()
        );
    }
    h.push_str("</div>\n");
    // the page lies beside the workbook (or in the unit's folder): the command names it so
    let target = unit
        .path
        .as_deref()
        .or(unit.files.first().map(|f| &**f))
        .map(file_name);
    if let Some(a) = target.and_then(|t| derive_advice(report, t)) {
        let _ = writeln!(
            h,
            "<p class=\"advice\">{}<br><code>{}</code></p>",
            escape(&a.text),
            escape(&a.command)
        );
    }

    if report.diagnostics.is_empty() {
        h.push_str("<p class=\"clean\">没有发现问题。</p>\n");
    }
    for (f, e) in &unit.unreadable {
        let _ = writeln!(
            h,
            "<p class=\"msg\">未能读取 {}：{}</p>",
            escape(f),
            escape(&e.to_string())
        );
    }
    if !unit.books.is_empty() {
        h.push_str("<h2>概况</h2>\n");
        h.push_str(&metrics(&report.metrics));
    }
    // Listed: everything, or when there is too much, every error first and then the rest
    // by place — an error is never the one left off the page.
    let listed = listed(&report.diagnostics);
    let errors: Vec<usize> = listed
        .iter()
        .copied()
        .filter(|&i| report.diagnostics[i].severity == Severity::Error)
        .collect();
    if !errors.is_empty() && errors.len() < listed.len() {
        // errors first, always in view, however many warnings sort before them
        let _ = writeln!(
            h,
            "<h2>先改这些：错误 {} 条</h2>\n<ol class=\"errors\">",
            errors.len()
        );
        for &i in errors.iter().take(ERRORS_LISTED) {
            let d = &report.diagnostics[i];
            let _ = writeln!(
                h,
                "<li><a href=\"#d{i}\">{} {}</a>：{}</li>",
                d.code,
                escape(&place(&d.target)),
                escape(&shorten(&d.message, 120))
            );
        }
        if errors.len() > ERRORS_LISTED {
            let _ = writeln!(
                h,
                "<li>…… 另有 {} 条错误，见下面的诊断</li>",
                errors.len() - ERRORS_LISTED
            );
        }
        h.push_str("</ol>\n");
    }
    if !report.diagnostics.is_empty() {
        let _ = writeln!(h, "<h2>诊断（{} 条）</h2>", report.diagnostics.len());
    }
    let mut group: Option<String> = None;
    for &i in &listed {
        let d = &report.diagnostics[i];
        let title = match &d.target {
            Target::Cell(c) => format!("{} › {}", file_name(&c.file), c.sheet),
            Target::Sheet { file, sheet } => format!("{} › {}", file_name(file), sheet),
            Target::File(f) => file_name(f).to_string(),
            Target::Unit => "整个单位".into(),
        };
        if group.as_deref() != Some(&title) {
            let _ = writeln!(h, "<h3>{}</h3>", escape(&title));
            group = Some(title);
        }
        h.push_str(&diagnostic(unit, &report.sources, d, i));
    }
    if report.diagnostics.len() > PAGE_LISTED {
        let _ = writeln!(
            h,
            "<p class=\"msg\">另有 {} 条诊断没有在本页列出（本页最多列出 {PAGE_LISTED} 条）。\
             全部诊断见同名“.诊断.xlsx”的第一张表“诊断报告”，或用 zhengban check --format json 导出。</p>",
            report.diagnostics.len() - PAGE_LISTED
        );
    }
    let shown: Vec<Diagnostic> = listed
        .iter()
        .map(|&i| report.diagnostics[i].clone())
        .collect();
    h.push_str(&rule_docs(&shown));
    if let Some(l) = citations::legend(report.diagnostics.iter().map(|d| d.help.as_str())) {
        let _ = writeln!(h, "<p class=\"legend\">{}</p>", escape(&l));
    }
    h.push_str(
        "<footer>本报告由 zhengban 生成。同名的“.诊断.xlsx”是标注了这些问题的工作簿副本：\
         有问题的单元格已填色并附批注，第一张表“诊断报告”列出全部诊断。原文件没有被修改。</footer>\n",
    );
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// The diagnostics the page lists (indices, in place order): all of them, or up to
/// [`PAGE_LISTED`] with every error taken before any warning or note.
fn listed(diagnostics: &[Diagnostic]) -> Vec<usize> {
    if diagnostics.len() <= PAGE_LISTED {
        return (0..diagnostics.len()).collect();
    }
    let mut out: Vec<usize> = (0..diagnostics.len())
        .filter(|&i| diagnostics[i].severity == Severity::Error)
        .take(PAGE_LISTED)
        .collect();
    let room = PAGE_LISTED - out.len();
    out.extend(
        (0..diagnostics.len())
            .filter(|&i| diagnostics[i].severity != Severity::Error)
            .take(room),
    );
    out.sort_unstable();
    out
}

/// How many errors the list at the top of the page names.
const ERRORS_LISTED: usize = 50;

fn diagnostic(unit: &Unit, sources: &Sources, d: &Diagnostic, index: usize) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<section class=\"diag {}\" id=\"d{index}\">\n<div class=\"head\"><span class=\"sev\">{}</span>\
         <span class=\"code\">{}</span><span class=\"place\">{}</span></div>\n",
        sev_class(d.severity),
        d.severity.label(),
        d.code,
        escape(&place(&d.target))
    );
    let _ = writeln!(h, "<p class=\"msg\">{}</p>", escape(&d.message));
    if let Target::Cell(c) = &d.target {
        let related: Vec<&CellRef> = d
            .related
            .iter()
            .filter_map(|r| r.target.cell())
            .filter(|r| r.file == c.file && r.sheet == c.sheet && r.row == c.row)
            .collect();
        h.push_str(&excerpt(unit, sources, c, &related));
    }
    if !d.help.is_empty() {
        let _ = writeln!(h, "<p class=\"help\"><b>修改：</b>{}</p>", escape(&d.help));
    }
    if !d.related.is_empty() {
        h.push_str("<ul class=\"related\">\n");
        for r in &d.related {
            // The value of a related cell in a list row, unless the message already says it.
            let value = r
                .target
                .cell()
                .filter(|c| {
                    unit.table_at(&c.file, &c.sheet, c.row)
                        .is_some_and(|m| matches!(m.header_rows, Some((_, last)) if c.row > last))
                })
                .and_then(|c| {
                    sources
                        .sheet(&c.file, &c.sheet)
                        .map(|s| s.shown(c.row, c.col))
                })
                .map(|v| v.display())
                .filter(|v| !v.trim().is_empty() && !r.message.contains(v.trim()));
            let _ = write!(
                h,
                "<li><span class=\"place\">{}</span>：{}",
                escape(&place(&r.target)),
                escape(&r.message)
            );
            if let Some(v) = value {
                let _ = write!(h, "（单元格中为“{}”）", escape(&shorten(&v, 40)));
            }
            h.push_str("</li>\n");
        }
        h.push_str("</ul>\n");
    }
    if let Some(rule) = crate::rules::rule(d.code) {
        let _ = writeln!(
            h,
            "<p class=\"rule\">{}：{} · <a href=\"#rule-{}\">规则说明</a></p>",
            d.code,
            escape(rule.summary),
            d.code
        );
    }
    h.push_str("</section>\n");
    h
}

/// The documentation of each rule the listed diagnostics come from, once, in code order: a
/// closed section per rule (what it checks, why, an example, how to correct), the text
/// `zhengban rule` prints, so the clerk reads it on the page instead of typing a command.
fn rule_docs(diagnostics: &[Diagnostic]) -> String {
    let mut codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    codes.sort_unstable();
    codes.dedup();
    let rules: Vec<_> = codes.into_iter().filter_map(crate::rules::rule).collect();
    if rules.is_empty() {
        return String::new();
    }
    let mut h = String::from("<h2>规则说明</h2>\n");
    for r in rules {
        // rustdoc keeps the space after `///`; the Markdown is read without it
        let doc: Vec<&str> = r
            .doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect();
        let _ = writeln!(
            h,
            "<details class=\"ruledoc\" id=\"rule-{}\"><summary><span class=\"code\">{}</span> {}</summary>\n{}</details>",
            escape(r.code),
            escape(r.code),
            escape(r.summary),
            markdown::html(&doc.join("\n"))
        );
    }
    h
}

fn shorten(s: &str, max: usize) -> String {
    let one_line = s.replace('\n', " ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        one_line.chars().take(max).collect::<String>() + "…"
    }
}

/// Tables wider than this show only some of their columns.
const WIDE: usize = 8;

/// Columns that tell which row a cell is on.
const IDENTITY: &[&str] = &["id", "name", "computer", "user"];

/// The row around `cell` as a small table: the table's columns when the cell is in a list
/// (the columns that say which row it is, the cell and its neighbours when the list is
/// wide), else a few columns either side. Above the row, the column letters and the sheet's
/// own header rows as the clerk sees them (the list's header, or the labels just above a
/// row outside a list): a merged header cell is drawn once, across the columns and rows it
/// covers.
fn excerpt(unit: &Unit, sources: &Sources, cell: &CellRef, related: &[&CellRef]) -> String {
    let Some(sheet) = sources.sheet(&cell.file, &cell.sheet) else {
        return String::new();
    };
    let table = unit
        .table_at(&cell.file, &cell.sheet, cell.row)
        .filter(|m| matches!(m.header_rows, Some((_, last)) if cell.row > last));
    let columns: Vec<u32> = match table {
        Some(meta) => {
            let mut cols: Vec<u32> = meta.columns.iter().map(|c| c.col).collect();
            cols.push(cell.col);
            cols.sort_unstable();
            cols.dedup();
            // A wide table: the columns that say which row this is, the cells concerned
            // and the target's neighbours, so the marked cell is in view.
            if cols.len() > WIDE {
                let keep = |col: u32| {
                    col == cell.col
                        || col + 1 == cell.col
                        || col == cell.col + 1
                        || related.iter().any(|r| r.col == col)
                        || meta
                            .columns
                            .iter()
                            .any(|c| c.col == col && IDENTITY.contains(&c.key))
                };
                cols.retain(|c| keep(*c));
            }
            cols
        }
        None => (cell.col.saturating_sub(3)..=cell.col + 2).collect(),
    };
    let mut header_rows: Vec<u32> = match table.and_then(|m| m.header_rows) {
        Some((first, last)) => (first..=last).collect(),
        None => {
            let mut rows = header_rows_above(sheet, cell.row);
            rows.reverse();
            rows
        }
    };
    // a header row blank over the columns shown (the second row of a list's header, under
    // columns that have one row) says nothing
    header_rows.retain(|&r| {
        columns
            .iter()
            .any(|&c| !sheet.shown(r, c).display().trim().is_empty())
    });
    let gap = |i: usize| i > 0 && columns[i] > columns[i - 1] + 1;
    let mut h =
        String::from("<div class=\"excerpt\"><table class=\"row\"><tr><th class=\"rn\"></th>");
    for (i, c) in columns.iter().enumerate() {
        if gap(i) {
            h.push_str("<th class=\"gap\">…</th>");
        }
        let _ = write!(h, "<th class=\"col\">{}</th>", column_letters(*c));
    }
    h.push_str("</tr>");
    for (k, &r) in header_rows.iter().enumerate() {
        let _ = write!(h, "<tr><th class=\"rn\">{}</th>", r + 1);
        let mut i = 0;
        while i < columns.len() {
            if gap(i) {
                h.push_str("<th class=\"gap\">…</th>");
            }
            let c = columns[i];
            let merge = sheet
                .merge_at(r, c)
                .filter(|m| (m.first_row, m.first_col) != (m.last_row, m.last_col));
            let Some(m) = merge else {
                let _ = write!(h, "<th>{}</th>", header_text(&sheet.get(r, c).display()));
                i += 1;
                continue;
            };
            // the shown columns the merge covers, up to a gap (a span never hides one)
            let across = 1
                + (i + 1..columns.len())
                    .take_while(|&j| !gap(j) && columns[j] <= m.last_col)
                    .count();
            // drawn in a header row above, which it reaches down from
            let above = header_rows[..k].iter().any(|&p| p >= m.first_row);
            if !above {
                let down = header_rows[k..]
                    .iter()
                    .take_while(|&&p| p <= m.last_row)
                    .count();
                h.push_str("<th");
                if across > 1 {
                    let _ = write!(h, " colspan=\"{across}\"");
                }
                if down > 1 {
                    let _ = write!(h, " rowspan=\"{down}\"");
                }
                let text = sheet.get(m.first_row, m.first_col).display();
                let _ = write!(h, ">{}</th>", header_text(&text));
            }
            i += across;
        }
        h.push_str("</tr>");
    }
    let _ = write!(h, "<tr><th class=\"rn\">{}</th>", cell.row + 1);
    for (i, c) in columns.iter().enumerate() {
        if gap(i) {
            h.push_str("<td class=\"gap\">…</td>");
        }
        let class = if *c == cell.col {
            " class=\"hit\""
        } else if related.iter().any(|r| r.col == *c) {
            " class=\"rel\""
        } else {
            ""
        };
        let v = sheet.shown(cell.row, *c).display();
        let shown = if v.is_empty() && *c == cell.col {
            "（空）".to_string()
        } else {
            shorten(&v, 40)
        };
        let _ = write!(h, "<td{class}>{}</td>", escape(&shown));
    }
    h.push_str("</tr></table></div>\n");
    h
}

/// A header cell's text on one line (a header typed over two lines reads as one), escaped.
fn header_text(text: &str) -> String {
    let one_line: String = text.lines().map(str::trim).collect();
    escape(&shorten(&one_line, 30)).into_owned()
}

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

fn metrics(m: &Metrics) -> String {
    let mut h = String::from("<table class=\"metrics\">\n");
    let software: usize = m.software.values().sum();
    let kinds: Vec<String> = SoftwareKind::ALL
        .iter()
        .filter_map(|k| m.software.get(k).map(|n| format!("{} {n}", k.label())))
        .collect();
    let _ = writeln!(h, "<tr><th>计算机</th><td>{} 台</td></tr>", m.computers);
    let _ = writeln!(h, "<tr><th>使用人</th><td>{} 人</td></tr>", m.users);
    let _ = writeln!(
        h,
        "<tr><th>软件</th><td>{software} 个{}</td></tr>",
        if kinds.is_empty() {
            String::new()
        } else {
            format!("（{}）", kinds.join("，"))
        }
    );
    let g = &m.genuine_rate;
    let _ = writeln!(
        h,
        "<tr><th>正版率</th><td>操作系统 {} · 办公软件 {} · 杀毒软件 {}</td></tr>",
        percent(g.os),
        percent(g.office),
        percent(g.antivirus)
    );
    for s in &m.over_deployed {
        let _ = writeln!(
            h,
            "<tr><th>超装</th><td>{} {}：安装 {}，许可 {}，缺 {} 个许可</td></tr>",
            escape(&s.id),
            escape(&s.name),
            s.installed,
            s.licensed,
            s.short
        );
    }
    for e in &m.expired {
        let _ = writeln!(
            h,
            "<tr><th>已过期</th><td>{} {}：{} 到期，仍安装 {} 套</td></tr>",
            escape(&e.id),
            escape(&e.name),
            e.end,
            e.installed
        );
    }
    for e in &m.expiring {
        let _ = writeln!(
            h,
            "<tr><th>将到期</th><td>{} {}：{} 到期，安装 {} 套</td></tr>",
            escape(&e.id),
            escape(&e.name),
            e.end,
            e.installed
        );
    }
    h.push_str("</table>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_lists_a_bounded_number_of_diagnostics_and_counts_the_rest() {
        let mut sink = crate::rules::Sink::new("ZB403", Severity::Error);
        for i in 0..PAGE_LISTED + 5 {
            sink.report(Target::Unit, format!("第 {i} 条"), "改");
        }
        let report = UnitReport {
            unit: Unit::default(),
            sources: Sources::default(),
            diagnostics: sink.diagnostics,
            metrics: crate::metrics::Metrics::default(),
        };
        let page = unit_page(&report, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        assert!(page.contains(&format!("第 {} 条", PAGE_LISTED - 1)));
        assert!(!page.contains(&format!("第 {PAGE_LISTED} 条")));
        assert!(
            page.contains("另有 5 条诊断没有在本页列出"),
            "{}",
            &page[page.len() - 800..]
        );
    }

    #[test]
    fn errors_come_first_and_are_never_left_off_the_page() {
        // warnings everywhere, three errors at the end of the place order
        let mut warnings = crate::rules::Sink::new("ZT001", Severity::Warning);
        for i in 0..PAGE_LISTED + 5 {
            warnings.report(Target::Unit, format!("警告第 {i} 条"), "改");
        }
        let mut errors = crate::rules::Sink::new("ZT002", Severity::Error);
        for i in 0..3 {
            errors.report(Target::Unit, format!("错误第 {i} 条"), "改");
        }
        let mut diagnostics = warnings.diagnostics;
        diagnostics.extend(errors.diagnostics);
        let report = UnitReport {
            unit: Unit::default(),
            sources: Sources::default(),
            diagnostics,
            metrics: crate::metrics::Metrics::default(),
        };
        let page = unit_page(&report, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        let top = page.find("先改这些：错误 3 条").expect("the errors' list");
        let first_warning = page.find("警告第 0 条").unwrap();
        assert!(top < first_warning);
        for i in 0..3 {
            let at = PAGE_LISTED + 5 + i;
            assert!(
                page.contains(&format!("href=\"#d{at}\"")),
                "error {i} linked"
            );
            assert!(page.contains(&format!("id=\"d{at}\"")), "error {i} listed");
        }
        assert!(page.contains("另有 8 条诊断没有在本页列出"));
    }
}
