//! The roll-up as one self-contained HTML page: the same sections as the workbook, inline
//! CSS, charts as inline SVG, one inline script of our own (sorting and filtering the
//! tables) and nothing fetched from the network. Every text from a unit is escaped, so a
//! cell reading `<script>` shows as those characters.

use std::fmt::Write;
use std::path::Path;

use super::svg::{rates_chart, rules_chart, RATE_COLORS};
use super::{
    chart_units, dates_text, details, file_in_source, files_text, headline, note_label, percent,
    rate_axis_min, rate_chart_title, rate_labels, rate_ranking, rules_by_count, source_text, Links,
    TITLE,
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
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:6px 0 12px}
th,td{border:1px solid #999;padding:3px 6px;vertical-align:top}
th{background:#ddebf7;font-weight:bold;text-align:center}
th[data-col]{cursor:pointer;user-select:none}
th[data-col]::after{content:"⇅";color:#8a9bb8;font-weight:normal;font-size:11px;margin-left:2px}
th[aria-sort=ascending]::after{content:"▲";color:#c00000}
th[aria-sort=descending]::after{content:"▼";color:#c00000}
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
.tools{margin:8px 0 4px;display:none;flex-wrap:wrap;gap:8px;align-items:center}
.js .tools{display:flex}
.tools input{font:inherit;padding:3px 6px;width:22em;max-width:100%}
.tools select{font:inherit;padding:2px}
.tools .count{color:#555;font-size:12px}
th{min-width:2.2em}th.w{min-width:4.5em}td.name{min-width:9em}td.src{min-width:11em;overflow-wrap:anywhere}td.file{min-width:10em;overflow-wrap:anywhere}td.text{min-width:16em}
@page{size:A4 landscape;margin:10mm}
@media print{
nav,.tools,.screen{display:none!important}
body{margin:0;font-size:8pt}
h1{font-size:14pt}h2{font-size:11pt;margin:10pt 0 4pt;break-after:avoid}h3{font-size:9pt}
.scroll{overflow:visible}
table{width:100%;margin:2pt 0 6pt}
.stat{width:auto}
th,td{min-width:0!important;padding:1px 2px;word-break:break-all;overflow-wrap:anywhere}
thead{display:table-header-group}
tfoot{display:table-row-group}
tr{break-inside:avoid}
th[data-col]:not([aria-sort])::after{content:none}
.chart{break-inside:avoid}
.small{font-size:7pt}
}
"#;

/// The page's one script, the same text in every roll-up (nothing from a unit is in it):
/// click a column header to sort the table by it, again to reverse; type in a table's
/// filter box (or pick a status) to show only the rows holding that text. The page reads
/// and prints the same without it; `.js` on the root shows the filter boxes only when the
/// script runs.
const SCRIPT: &str = r#"
(function(){
'use strict';
document.documentElement.className+=' js';
var coll=new Intl.Collator('zh',{numeric:true});
function key(td,num){
  if(!td)return null;
  var v=td.getAttribute('data-v');
  if(v===null)v=td.textContent.trim();
  if(!num)return v;
  if(v===''||v==='—')return null;
  var n=parseFloat(v);
  return isNaN(n)?null:n;
}
Array.prototype.forEach.call(document.querySelectorAll('table.sortable'),function(table){
  var body=table.tBodies[0];
  Array.prototype.forEach.call(body.rows,function(r,i){r._i=i;});
  var heads=table.querySelectorAll('th[data-col]');
  Array.prototype.forEach.call(heads,function(th){
    th.tabIndex=0;
    th.title='点击按此列排序，再点一次反向';
    function sort(){
      var col=+th.getAttribute('data-col');
      var num=th.getAttribute('data-type')==='num';
      var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
      Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',dir===1?'ascending':'descending');
      var rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){
        var x=key(a.cells[col],num),y=key(b.cells[col],num);
        // a blank ("—", no installs) goes last whichever the direction
        if(x===null||y===null)return (x===null)-(y===null)||a._i-b._i;
        var c=num?x-y:coll.compare(x,y);
        return dir*c||a._i-b._i;
      });
      rows.forEach(function(r){body.appendChild(r);});
    }
    th.addEventListener('click',sort);
    th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sort();}});
  });
});
Array.prototype.forEach.call(document.querySelectorAll('.tools'),function(tools){
  var table=document.getElementById(tools.getAttribute('data-table'));
  if(!table)return;
  var body=table.tBodies[0];
  var text=tools.querySelector('input');
  var status=tools.querySelector('select');
  var count=tools.querySelector('.count');
  function apply(){
    var q=text.value.trim().toLowerCase();
    var s=status?status.value:'';
    var shown=0;
    Array.prototype.forEach.call(body.rows,function(r){
      var ok=(!q||r.textContent.toLowerCase().indexOf(q)>=0)&&(!s||r.getAttribute('data-status')===s);
      r.style.display=ok?'':'none';
      if(ok)shown++;
    });
    count.textContent=(q||s)?'显示 '+shown+' / '+body.rows.length+' 行':'共 '+body.rows.length+' 行';
  }
  text.addEventListener('input',apply);
  if(status)status.addEventListener('change',apply);
  apply();
});
})();
"#;

/// Render the page; links to the units' files are relative to `output_dir`.
pub fn render(r: &Rollup, output_dir: Option<&Path>) -> String {
    let links = Links::new(output_dir);
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // Nothing is fetched, whatever the page holds: only its own inline style and script run.
    h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n");
    let _ = writeln!(h, "<title>{}（{}年度）</title>", TITLE, r.year);
    let _ = writeln!(h, "<style>{CSS}</style>\n</head>\n<body>");
    let _ = writeln!(
        h,
        "<h1>{TITLE}</h1>\n<p class=\"sub\">{}</p>",
        escape(&headline(r))
    );
    h.push_str("<nav><a href=\"#units\">单位汇总</a><a href=\"#statistics\">信息统计表</a><a href=\"#rules\">规则统计</a><a href=\"#rates\">正版率</a>");
    if r.previous.is_some() {
        h.push_str("<a href=\"#previous\">与上年比较</a>");
    }
    h.push_str("<a href=\"#diagnostics\">诊断明细</a><a href=\"#notes\">说明</a></nav>\n");
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
    rates(&mut h, r, &links);
    if let Some(c) = &r.previous {
        previous(&mut h, c, &links);
    }
    diagnostics(&mut h, r, &links);
    notes(&mut h, r);
    let _ = writeln!(h, "<script>{SCRIPT}</script>");
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
    named_link(links, file, file)
}

/// `file` linked as in [`file_link`], shown as `text`.
fn named_link(links: &Links, file: &str, text: &str) -> String {
    match links.path(file).and_then(|p| gate::href(&p.text)) {
        Some(href) => format!("<a href=\"{href}\">{}</a>", escape(text)),
        None => escape(text).into_owned(),
    }
}

/// A sortable header cell: `col` is the cell's index in the body rows.
fn sort_head(col: usize, num: bool, label: &str, extra: &str) -> String {
    format!(
        "<th data-col=\"{col}\" data-type=\"{}\"{extra}>{label}</th>",
        if num { "num" } else { "text" }
    )
}

/// The filter box over a table (and a status list where given).
fn tools(h: &mut String, table: &str, what: &str, statuses: &[UnitStatus]) {
    let _ = write!(
        h,
        "<div class=\"tools\" data-table=\"{table}\"><input type=\"search\" placeholder=\"筛选：输入{what}中的任何文字\" aria-label=\"筛选\">"
    );
    if !statuses.is_empty() {
        h.push_str("<select aria-label=\"状态\"><option value=\"\">全部状态</option>");
        for s in statuses {
            let _ = write!(h, "<option value=\"{0}\">{0}</option>", s.label());
        }
        h.push_str("</select>");
    }
    h.push_str("<span class=\"count\"></span><span class=\"small\">点击列标题排序</span></div>\n");
}

/// A rate cell, its value kept for sorting.
fn rate_cell(rate: Option<f64>) -> String {
    let low = if rate.is_some_and(|v| v < 1.0) {
        " low"
    } else {
        ""
    };
    let v = rate.map(|r| r.to_string()).unwrap_or_default();
    format!("<td class=\"c{low}\" data-v=\"{v}\">{}</td>", percent(rate))
}

fn units(h: &mut String, r: &Rollup, links: &Links) {
    h.push_str("<h2 id=\"units\">单位汇总</h2>\n");
    let present: Vec<UnitStatus> = r
        .status_counts()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, _)| s)
        .collect();
    tools(h, "units-table", "单位名称、报送文件夹", &present);
    h.push_str(
        "<div class=\"scroll\"><table id=\"units-table\" class=\"sortable\">\n<thead>\n<tr>",
    );
    for (col, label, num, extra) in [
        (0, "序号", true, ""),
        (
            1,
            "单位名称<br><span class=\"small\">（台账所写）</span>",
            false,
            "",
        ),
        (2, "报送文件夹/文件", false, ""),
        (3, "台账文件", false, ""),
        (4, "状态", false, ""),
    ] {
        h.push_str(&sort_head(
            col,
            num,
            label,
            &format!(" rowspan=\"2\"{extra}"),
        ));
    }
    h.push_str("<th colspan=\"3\">诊断</th>");
    h.push_str(&sort_head(8, true, "计算机数", " rowspan=\"2\""));
    h.push_str(&sort_head(9, true, "使用人数", " rowspan=\"2\""));
    h.push_str(
        "<th colspan=\"3\">正版率</th><th colspan=\"2\">超装</th><th colspan=\"2\">许可期限</th>",
    );
    h.push_str(&sort_head(
        17,
        true,
        "台账超半年未更新",
        " rowspan=\"2\" class=\"w\"",
    ));
    h.push_str("<th rowspan=\"2\">超装与到期明细</th></tr>\n<tr>");
    for (i, l) in ["错误", "警告", "提示"].iter().enumerate() {
        h.push_str(&sort_head(5 + i, true, l, ""));
    }
    for (i, l) in rate_labels().iter().enumerate() {
        h.push_str(&sort_head(10 + i, true, l, ""));
    }
    for (i, l) in ["软件数", "缺少许可", "已过期", "90天内到期"]
        .iter()
        .enumerate()
    {
        h.push_str(&sort_head(13 + i, true, l, ""));
    }
    h.push_str("</tr>\n</thead>\n<tbody>\n");
    for (i, u) in r.units.iter().enumerate() {
        let source = match u.source.as_deref() {
            Some(src) => file_link(links, src),
            None => escape(&source_text(u)).into_owned(),
        };
        let files = if u.files.is_empty() {
            escape(&files_text(u)).into_owned()
        } else {
            u.files
                .iter()
                .map(|f| named_link(links, f, &file_in_source(u, f)))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        let _ = write!(
            h,
            "<tr data-status=\"{}\"><td class=\"n\">{}</td><td class=\"name\">{}</td><td class=\"src\">{}</td><td class=\"file\">{}</td><td class=\"c {}\">{}</td>",
            u.status.label(),
            i + 1,
            escape(&u.name),
            source,
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
            h.push_str(&rate_cell(rate));
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
        h.push_str("<tr><td colspan=\"19\">没有单位</td></tr>\n");
    }
    // The totals row is the table's foot: sorting and filtering never move or hide it.
    let t = r.totals();
    let _ = write!(
        h,
        "</tbody>\n<tfoot>\n<tr class=\"total\"><td colspan=\"5\" class=\"c\">合计（全部单位）</td>"
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
    h.push_str("<td></td></tr>\n</tfoot>\n</table></div>\n");
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
    let rules = rules_by_count(r);
    h.push_str("<h2 id=\"rules\">各规则发现的问题</h2>\n");
    if rules.is_empty() {
        h.push_str("<p>没有发现问题。</p>\n");
        return;
    }
    h.push_str(&rules_chart("各规则发现的问题（处，由多到少）", &rules));
    h.push_str("\n<div class=\"scroll\"><table id=\"rules-table\" class=\"sortable\"><thead><tr>");
    for (col, label, num) in [
        (0, "代码", false),
        (1, "说明", false),
        (2, "单位数", true),
        (3, "错误", true),
        (4, "警告", true),
        (5, "提示", true),
        (6, "合计", true),
    ] {
        h.push_str(&sort_head(col, num, label, ""));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
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
    h.push_str("</tbody></table></div>\n");
}

fn rates(h: &mut String, r: &Rollup, links: &Links) {
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
        rate_axis_min(&shown),
    ));
    let unrated = r.units.len() - ranking.len();
    let _ = writeln!(
        h,
        "\n<p class=\"small\">按三类中最低的一项由低到高排列；“—”表示该类软件没有安装记录{}。</p>",
        if unrated > 0 {
            format!("；{unrated} 个单位没有可计算的正版率，未列入")
        } else {
            String::new()
        }
    );
    tools(h, "rates-table", "单位名称、报送文件夹", &[]);
    h.push_str("<div class=\"scroll\"><table id=\"rates-table\" class=\"sortable\"><thead><tr>");
    h.push_str(&sort_head(0, true, "序号", ""));
    h.push_str(&sort_head(1, false, "单位名称", ""));
    h.push_str(&sort_head(2, false, "报送文件夹/文件", ""));
    for (i, (l, color)) in rate_labels().iter().zip(RATE_COLORS).enumerate() {
        h.push_str(&sort_head(
            3 + i,
            true,
            l,
            &format!(" style=\"color:{color}\""),
        ));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for (i, u) in ranking.iter().enumerate() {
        let source = match u.source.as_deref() {
            Some(src) => file_link(links, src),
            None => escape(&source_text(u)).into_owned(),
        };
        let _ = write!(
            h,
            "<tr><td class=\"n\">{}</td><td class=\"name\">{}</td><td class=\"src\">{source}</td>",
            i + 1,
            escape(&u.name)
        );
        for rate in u.metrics.rates.all() {
            h.push_str(&rate_cell(rate));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table></div>\n");
}

/// 与上年比较: each unit's figures then and now, new and gone units, what needs a look.
fn previous(h: &mut String, c: &crate::rollup::previous::Comparison, links: &Links) {
    h.push_str("<h2 id=\"previous\">与上年比较</h2>\n");
    let _ = writeln!(
        h,
        "<p class=\"sub\">上年：{} · 今年新报送 {} 个单位 · 上年报送、今年没有 {} 个</p>",
        escape(&c.from),
        c.new_units(),
        c.gone_units()
    );
    tools(
        h,
        "previous-table",
        "单位名称、报送文件夹、需要关注的情况",
        &[],
    );
    h.push_str("<div class=\"scroll\"><table id=\"previous-table\" class=\"sortable\"><thead><tr>");
    let heads: [(&str, bool); 11] = [
        ("序号", true),
        ("单位名称", false),
        ("今年报送", false),
        ("上年报送", false),
        ("计算机数 上年", true),
        ("计算机数 今年", true),
        ("商业软件许可数 上年", true),
        ("商业软件许可数 今年", true),
        ("正版率（三类最低）上年", true),
        ("正版率（三类最低）今年", true),
        ("需要关注", false),
    ];
    for (i, (label, num)) in heads.iter().enumerate() {
        h.push_str(&sort_head(i, *num, label, ""));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    let lowest =
        |rates: &crate::rollup::unit::Rates| rates.all().into_iter().flatten().reduce(f64::min);
    for (i, line) in c.rows.iter().enumerate() {
        let src = |s: &Option<String>| match s.as_deref() {
            Some(s) => file_link(links, s),
            None => "—".into(),
        };
        let _ = write!(
            h,
            "<tr><td class=\"n\">{}</td><td class=\"name\">{}</td><td class=\"src\">{}</td><td class=\"src\">{}</td>",
            i + 1,
            escape(&line.name),
            src(&line.source),
            src(&line.last_source)
        );
        let count = |v: Option<i64>| match v {
            Some(n) => format!("<td class=\"n\" data-v=\"{n}\">{n}</td>"),
            None => "<td class=\"c\" data-v=\"\">—</td>".to_string(),
        };
        for f in [&line.then, &line.now] {
            h.push_str(&count(f.as_ref().map(|f| f.computers as i64)));
        }
        for f in [&line.then, &line.now] {
            h.push_str(&count(f.as_ref().and_then(|f| f.licences)));
        }
        for f in [&line.then, &line.now] {
            h.push_str(&rate_cell(f.as_ref().and_then(|f| lowest(&f.rates))));
        }
        let _ = writeln!(
            h,
            "<td class=\"text\">{}</td></tr>",
            escape(&line.remarks.join("；"))
        );
    }
    h.push_str("</tbody></table></div>\n");
}

fn diagnostics(h: &mut String, r: &Rollup, links: &Links) {
    let total: usize = r.units.iter().map(|u| u.diagnostics.len()).sum();
    let _ = writeln!(h, "<h2 id=\"diagnostics\">诊断明细（共 {total} 条）</h2>");
    if total == 0 {
        h.push_str("<p>没有诊断。</p>\n");
        return;
    }
    tools(h, "diagnostics-table", "单位、文件、代码、问题", &[]);
    h.push_str(
        "<div class=\"scroll\"><table id=\"diagnostics-table\" class=\"sortable\"><thead><tr>",
    );
    for (col, label, num) in [
        (0, "序号", true),
        (1, "单位名称", false),
        (2, "文件", false),
        (3, "工作表", false),
        (4, "单元格", false),
        (5, "代码", false),
        (6, "级别", false),
    ] {
        h.push_str(&sort_head(col, num, label, ""));
    }
    h.push_str("<th>问题</th><th>修改建议</th></tr></thead>\n<tbody>\n");
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
    h.push_str("</tbody></table></div>\n");
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
