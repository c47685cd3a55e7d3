//! The roll-up as one self-contained HTML page: the same sections as the workbook, inline
//! CSS, charts as inline SVG, no script and nothing fetched from the network. Every text
//! from a unit is escaped, so a cell reading `<script>` shows as those characters.

use std::fmt::Write;
use std::path::Path;

use super::svg::{rates_chart, rules_chart, RATE_COLORS};
use super::{
    chart_units, dates_text, details, files_text, headline, note_label, percent, rate_chart_title,
    rate_labels, rate_ranking, Links, TITLE,
};
use crate::base::gate::{self, html as escape};
use crate::rollup::statistics::{row_label, COLUMNS, ROWS};
use crate::rollup::unit::UnitStatus;
use crate::rollup::{NoteLevel, Rollup};
use crate::rules::Severity;

/// Escaped text with line breaks kept.
fn lines(text: &str) -> String {
    escape(text).replace('\n', "<br>")
}

const CSS: &str = r#"
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei","SimSun",sans-serif;margin:24px;color:#222;font-size:14px;background:#fff}
h1{font-size:24px;margin:0 0 6px}
h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #2f5597;padding-bottom:4px}
h3{font-size:15px;margin:16px 0 6px}
.sub{color:#555;margin:0 0 12px}
nav a{margin-right:14px;color:#0563c1}
table{border-collapse:collapse;margin:6px 0 12px}
th,td{border:1px solid #999;padding:3px 6px;vertical-align:top}
th{background:#ddebf7;font-weight:bold;text-align:center}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.c{text-align:center;white-space:nowrap}
td.low{color:#c00000;font-weight:bold}
tr.total td{font-weight:bold;background:#f4f4f4}
.s-clean{color:#2e7d32;font-weight:bold}
.s-faults,.s-unreadable,.s-missing{color:#c00000;font-weight:bold}
.s-empty,.s-noledger{color:#b7791f;font-weight:bold}
.v-error{color:#c00000}.v-warning{color:#b7791f}.v-info{color:#2f5597}
.notes li{margin:3px 0}
.stat td{min-width:70px}
.chart{display:block;margin:8px 0;max-width:100%;height:auto}
.small{font-size:12px;color:#555}
th{min-width:2.2em}th.w{min-width:4.5em}td.name{min-width:9em}td.file{min-width:14em;word-break:break-all}td.text{min-width:16em}
@media print{nav{display:none}body{margin:0}}
"#;

/// Render the page; links to the units' files are relative to `output_dir`.
pub fn render(r: &Rollup, output_dir: Option<&Path>) -> String {
    let links = Links::new(output_dir);
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(h, "<title>{}（{}年度）</title>", TITLE, r.year);
    let _ = writeln!(h, "<style>{CSS}</style>\n</head>\n<body>");
    let _ = writeln!(
        h,
        "<h1>{TITLE}</h1>\n<p class=\"sub\">{}</p>",
        escape(&headline(r))
    );
    h.push_str("<nav><a href=\"#units\">单位汇总</a><a href=\"#statistics\">信息统计表</a><a href=\"#rules\">规则统计</a><a href=\"#rates\">正版率</a><a href=\"#diagnostics\">诊断明细</a><a href=\"#notes\">说明</a></nav>\n");
    if !r.notes.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"sub\">另有 {} 条说明（合并的重复单位、未计入统计表的单位、无法读取的输入等），见<a href=\"#notes\">说明</a>。</p>",
            r.notes.len()
        );
    }
    units(&mut h, r, &links);
    statistics(&mut h, r);
    rules(&mut h, r);
    rates(&mut h, r);
    diagnostics(&mut h, r, &links);
    notes(&mut h, r);
    h.push_str("</body>\n</html>\n");
    h
}

fn status_class(s: UnitStatus) -> &'static str {
    match s {
        UnitStatus::Clean => "s-clean",
        UnitStatus::Faults => "s-faults",
        UnitStatus::Empty => "s-empty",
        UnitStatus::NoLedger => "s-noledger",
        UnitStatus::Unreadable => "s-unreadable",
        UnitStatus::Missing => "s-missing",
    }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "v-error",
        Severity::Warning => "v-warning",
        Severity::Info => "v-info",
    }
}

/// The file's name, linked where it is a file in or below the page's folder (the gate
/// refuses any other link, so a file named `javascript:…` is shown, not linked).
fn file_link(links: &Links, file: &str) -> String {
    match links.path(file).and_then(|p| gate::href(&p.text)) {
        Some(href) => format!("<a href=\"{href}\">{}</a>", escape(file)),
        None => escape(file).into_owned(),
    }
}

fn units(h: &mut String, r: &Rollup, links: &Links) {
    h.push_str("<h2 id=\"units\">单位汇总</h2>\n<table>\n<thead>\n<tr><th rowspan=\"2\">序号</th><th rowspan=\"2\">单位名称</th><th rowspan=\"2\">文件</th><th rowspan=\"2\">状态</th><th colspan=\"3\">诊断</th><th rowspan=\"2\">计算机数</th><th rowspan=\"2\">使用人数</th><th colspan=\"3\">正版率</th><th colspan=\"2\">超装</th><th colspan=\"2\">许可期限</th><th rowspan=\"2\" class=\"w\">台账超半年未更新</th><th rowspan=\"2\">超装与到期明细</th></tr>\n");
    h.push_str("<tr><th>错误</th><th>警告</th><th>提示</th>");
    for l in rate_labels() {
        let _ = write!(h, "<th>{l}</th>");
    }
    h.push_str("<th>软件数</th><th>缺少许可</th><th>已过期</th><th>90天内到期</th></tr>\n</thead>\n<tbody>\n");
    for (i, u) in r.units.iter().enumerate() {
        let files = if u.files.is_empty() {
            escape(&files_text(u)).into_owned()
        } else {
            u.files
                .iter()
                .map(|f| file_link(links, f))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        let _ = write!(
            h,
            "<tr><td class=\"n\">{}</td><td class=\"name\">{}</td><td class=\"file\">{}</td><td class=\"c {}\">{}</td>",
            i + 1,
            escape(&u.name),
            files,
            status_class(u.status),
            u.status.label()
        );
        let m = &u.metrics;
        for v in [
            u.counts.error,
            u.counts.warning,
            u.counts.info,
            m.computers,
            m.users,
        ] {
            let _ = write!(h, "<td class=\"n\">{v}</td>");
        }
        for rate in m.rates.all() {
            let low = if rate.is_some_and(|v| v < 1.0) {
                " low"
            } else {
                ""
            };
            let _ = write!(h, "<td class=\"c{low}\">{}</td>", percent(rate));
        }
        for v in [
            m.over_deployed.len() as i64,
            m.copies_short(),
            m.expired.len() as i64,
            m.expiring.len() as i64,
            m.stale as i64,
        ] {
            let _ = write!(h, "<td class=\"n\">{v}</td>");
        }
        let _ = writeln!(h, "<td class=\"text\">{}</td></tr>", lines(&details(u)));
    }
    if r.units.is_empty() {
        h.push_str("<tr><td colspan=\"18\">没有单位</td></tr>\n");
    }
    let t = r.totals();
    let _ = write!(
        h,
        "<tr class=\"total\"><td colspan=\"4\" class=\"c\">合计</td>"
    );
    for v in [t.error, t.warning, t.info, t.computers, t.users] {
        let _ = write!(h, "<td class=\"n\">{v}</td>");
    }
    for rate in t.rates.all() {
        let _ = write!(h, "<td class=\"c\">{}</td>", percent(rate));
    }
    for v in [
        t.over_deployed as i64,
        t.short,
        t.expired as i64,
        t.expiring as i64,
        t.stale as i64,
    ] {
        let _ = write!(h, "<td class=\"n\">{v}</td>");
    }
    h.push_str("<td></td></tr>\n</tbody>\n</table>\n");
}

fn statistics(h: &mut String, r: &Rollup) {
    let t = &r.statistics;
    let _ = writeln!(
        h,
        "<h2 id=\"statistics\">软件正版化工作信息统计表（汇总）（{}年度）</h2>\n<p class=\"sub\">汇总单位：{} 个（共 {} 个单位）　检查日期：{}</p>",
        r.year,
        t.units,
        r.units.len(),
        escape(&dates_text(&r.as_of))
    );
    h.push_str("<h3>二、人员情况</h3>\n<table class=\"stat\"><tr><th>总人数</th><th>使用计算机人数</th></tr>");
    let _ = writeln!(
        h,
        "<tr><td class=\"n\">{}</td><td class=\"n\">{}</td></tr></table>",
        t.people[0], t.people[1]
    );
    h.push_str("<h3>三、计算机情况</h3>\n<table class=\"stat\"><tr><th>服务器数</th><th>台式机数</th><th>便携机数</th><th>合计</th></tr><tr>");
    for v in t.computers {
        let _ = write!(h, "<td class=\"n\">{v}</td>");
    }
    h.push_str("</tr></table>\n");
    h.push_str("<h3>四、本年度软件采购情况</h3>\n<table class=\"stat\"><tr><th rowspan=\"2\">软件属性</th><th colspan=\"2\">操作系统软件<br>(不含预装操作系统)</th><th colspan=\"2\">办公软件</th><th colspan=\"2\">杀毒软件</th><th colspan=\"2\">总计</th></tr><tr>");
    for _ in 0..4 {
        h.push_str("<th>许可数（个）</th><th>金额（万元）</th>");
    }
    h.push_str("</tr>\n");
    for origin in ROWS {
        let _ = write!(h, "<tr><th>{}</th>", row_label(origin));
        for column in COLUMNS {
            let p = t.purchases.get(origin).get(column);
            let _ = write!(
                h,
                "<td class=\"n\">{}</td><td class=\"n\">{:.4}</td>",
                p.licenses, p.amount
            );
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n<h3>五、累计拥有软件许可情况</h3>\n<table class=\"stat\"><tr><th>软件属性</th><th>操作系统软件<br>(含预装操作系统)<br>许可数（个）</th><th>办公软件<br>许可数（个）</th><th>杀毒软件<br>许可数（个）</th><th>总计</th></tr>\n");
    for origin in ROWS {
        let _ = write!(h, "<tr><th>{}</th>", row_label(origin));
        for column in COLUMNS {
            let _ = write!(
                h,
                "<td class=\"n\">{}</td>",
                t.holdings.get(origin).get(column)
            );
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n<p class=\"small\">各项按各单位台账推算后逐单位相加；金额为万元，保留 4 位小数。一、负责软件正版化工作部门情况由各单位分别填报，不汇总。");
    if t.without_data > 0 {
        let _ = write!(
            h,
            " 计入的单位中有 {} 个没有台账数据（空台账、无台账或无法读取），各项为 0。",
            t.without_data
        );
    }
    if t.missing > 0 {
        let _ = write!(
            h,
            " {} 个单位的人员或计算机情况有空项或无法识别，按 0 计。",
            t.missing
        );
    }
    if t.units < r.units.len() {
        let _ = write!(
            h,
            " {} 个单位未计入（统计年度不同或没有统计数据），见<a href=\"#notes\">说明</a>。",
            r.units.len() - t.units
        );
    }
    h.push_str("</p>\n");
}

fn rules(h: &mut String, r: &Rollup) {
    let rules = r.by_rule();
    h.push_str("<h2 id=\"rules\">各规则发现的问题</h2>\n");
    if rules.is_empty() {
        h.push_str("<p>没有发现问题。</p>\n");
        return;
    }
    h.push_str(&rules_chart("各规则发现的问题（处）", &rules));
    h.push_str("\n<table><tr><th>代码</th><th>说明</th><th>单位数</th><th>错误</th><th>警告</th><th>提示</th><th>合计</th></tr>\n");
    for c in &rules {
        let _ = writeln!(
            h,
            "<tr><td class=\"c\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&c.code),
            escape(&c.summary),
            c.units,
            c.error,
            c.warning,
            c.info,
            c.total()
        );
    }
    h.push_str("</table>\n");
}

fn rates(h: &mut String, r: &Rollup) {
    let ranking = rate_ranking(r);
    let (shown, all) = chart_units(r);
    h.push_str("<h2 id=\"rates\">各单位正版率</h2>\n");
    if ranking.is_empty() {
        h.push_str("<p>没有可计算正版率的单位。</p>\n");
        return;
    }
    h.push_str(&rates_chart(
        &rate_chart_title(shown.len(), all),
        &shown,
        rate_labels(),
    ));
    let unrated = r.units.len() - ranking.len();
    let _ = write!(
        h,
        "\n<p class=\"small\">由低到高排列；“—”表示该类软件没有安装记录{}。</p>\n<table><tr><th>序号</th><th>单位名称</th>",
        if unrated > 0 {
            format!("；{unrated} 个单位没有可计算的正版率，未列入")
        } else {
            String::new()
        }
    );
    for (l, color) in rate_labels().iter().zip(RATE_COLORS) {
        let _ = write!(h, "<th style=\"color:{color}\">{l}</th>");
    }
    h.push_str("</tr>\n");
    for (i, u) in ranking.iter().enumerate() {
        let _ = write!(
            h,
            "<tr><td class=\"n\">{}</td><td>{}</td>",
            i + 1,
            escape(&u.name)
        );
        for rate in u.metrics.rates.all() {
            let low = if rate.is_some_and(|v| v < 1.0) {
                " low"
            } else {
                ""
            };
            let _ = write!(h, "<td class=\"c{low}\">{}</td>", percent(rate));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n");
}

fn diagnostics(h: &mut String, r: &Rollup, links: &Links) {
    let total: usize = r.units.iter().map(|u| u.diagnostics.len()).sum();
    let _ = writeln!(h, "<h2 id=\"diagnostics\">诊断明细（共 {total} 条）</h2>");
    if total == 0 {
        h.push_str("<p>没有诊断。</p>\n");
        return;
    }
    h.push_str("<table><tr><th>序号</th><th>单位名称</th><th>文件</th><th>工作表</th><th>单元格</th><th>代码</th><th>级别</th><th>问题</th><th>修改建议</th></tr>\n");
    for (i, (u, d)) in r.diagnostics().enumerate() {
        let file = d.file.as_deref().unwrap_or("");
        let _ = writeln!(
            h,
            "<tr><td class=\"n\">{}</td><td class=\"name\">{}</td><td class=\"file\">{}</td><td>{}</td><td class=\"c\">{}</td><td class=\"c\">{}</td><td class=\"c {}\">{}</td><td class=\"text\">{}</td><td class=\"text\">{}</td></tr>",
            i + 1,
            escape(&u.name),
            file_link(links, file),
            escape(d.sheet.as_deref().unwrap_or("")),
            escape(d.cell.as_deref().unwrap_or("")),
            escape(&d.code),
            severity_class(d.severity),
            d.severity.label(),
            lines(&d.message),
            lines(&d.help)
        );
    }
    h.push_str("</table>\n");
}

fn notes(h: &mut String, r: &Rollup) {
    h.push_str("<h2 id=\"notes\">说明</h2>\n<ul class=\"notes\">\n");
    h.push_str("<li>状态：合格 = 台账有数据且没有“错误”级诊断；有错误 = 至少一条“错误”；空台账 = 找到台账但没有数据行；无台账 = 没有找到三种台账；无法读取 = 文件都打不开。</li>\n");
    h.push_str("<li>正版率 = 有有效许可的安装 ÷ 全部安装（按明细表逐行计；OEM、免费软件计为正版；超出许可数量或过了许可期限的不计）；“—”表示该类软件没有安装记录。</li>\n");
    let mut notes: Vec<_> = r.notes.iter().collect();
    notes.sort_by_key(|n| n.level);
    for n in notes {
        let class = match n.level {
            NoteLevel::Error => "v-error",
            NoteLevel::Warning => "v-warning",
            NoteLevel::Info => "v-info",
        };
        let _ = writeln!(
            h,
            "<li><b class=\"{class}\">{}</b>　{}</li>",
            note_label(n.level),
            escape(&n.text)
        );
    }
    h.push_str("</ul>\n");
}
