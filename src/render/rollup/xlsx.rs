//! The roll-up workbook (rust_xlsxwriter): 单位汇总, 信息统计表 summed, 规则统计 and 正版率
//! with native charts, 诊断明细 (every diagnostic, filterable, linked to its file) and 说明.
//!
//! Every text from a unit is written with `write_string`, never `write`, so a cell that
//! reads `=…` stays text, and passes the gate (base/gate.rs) first: characters XML cannot
//! hold are written out and texts cut to what Excel holds; links are relative paths the
//! gate accepts, never a name as the submitter wrote it; a sheet that would pass
//! Excel's row limit continues on another sheet, and links stop at Excel's limit per sheet.

use std::path::PathBuf;

use unicode_width::UnicodeWidthStr;

use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartDataLabelPosition, ChartFont, ChartLegendPosition, ChartSolidFill,
    ChartType, ColNum, Color, DocProperties, Format, FormatAlign, FormatBorder, RowNum, Url,
    Workbook, Worksheet, XlsxError,
};

use super::{
    chart_label, chart_units, dates_text, details, files_text, headline, note_label, rate_axis_min,
    rate_axis_title, rate_chart_title, rate_labels, rate_ranking, rule_label, rules_by_count,
    source_text, Links, TITLE,
};
use crate::base::gate;
use crate::ledger::statistics::StatColumn;
use crate::rollup::statistics::{row_label, COLUMNS, ROWS};
use crate::rollup::unit::UnitStatus;
use crate::rollup::{NoteLevel, Rollup};
use crate::rules::Severity;

/// Excel's last row index is 1,048,575; a sheet of diagnostics keeps two header rows.
pub const MAX_ROWS: u32 = 1_048_576;
/// Excel keeps at most this many hyperlinks on a worksheet.
pub const MAX_LINKS: usize = 65_530;

/// Sheet names.
pub const UNITS_SHEET: &str = "单位汇总";
/// The summed statistics table.
pub const STATISTICS_SHEET: &str = "信息统计表";
/// Findings per rule, with a chart.
pub const RULES_SHEET: &str = "规则统计";
/// Rates per unit, with a chart.
pub const RATES_SHEET: &str = "正版率";
/// Every diagnostic (continued on 诊断明细2, 3 … past Excel's row limit).
pub const DIAGNOSTICS_SHEET: &str = "诊断明细";
/// How the roll-up was made.
pub const NOTES_SHEET: &str = "说明";

/// The sheet of the comparison with last year (`--previous`).
pub const PREVIOUS_SHEET: &str = "与上年比较";

/// How to write the workbook.
#[derive(Debug, Clone)]
pub struct XlsxOptions {
    /// The folder the workbook will be saved in: links to the units' files are made
    /// relative to it, so the roll-up and the files can move together.
    pub output_dir: Option<PathBuf>,
    /// Data rows per diagnostics sheet (Excel's limit less the header; smaller in tests).
    pub rows_per_sheet: u32,
}

impl Default for XlsxOptions {
    fn default() -> Self {
        XlsxOptions {
            output_dir: None,
            rows_per_sheet: MAX_ROWS - 2,
        }
    }
}

const FONT: &str = "宋体";
const CHARSET_GB2312: u8 = 134;
const RED: u32 = 0xC00000;
const AMBER: u32 = 0xB7791F;
const BLUE: u32 = 0x2F5597;
const GREEN: u32 = 0x2E7D32;
const HEAD_FILL: u32 = 0xDDEBF7;

struct Styles {
    title: Format,
    subtitle: Format,
    head: Format,
    text: Format,
    wrap: Format,
    center: Format,
    count: Format,
    rate: Format,
    rate_low: Format,
    amount: Format,
    link: Format,
    total_label: Format,
    total_count: Format,
    total_rate: Format,
    section: Format,
    note: Format,
}

fn base() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_charset(CHARSET_GB2312)
        .set_font_size(10)
        .set_align(FormatAlign::VerticalCenter)
}

fn cell() -> Format {
    base().set_border(FormatBorder::Thin)
}

impl Styles {
    fn new() -> Self {
        Styles {
            title: base()
                .set_font_size(16)
                .set_bold()
                .set_align(FormatAlign::Center),
            subtitle: base().set_align(FormatAlign::Left),
            head: cell()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(HEAD_FILL)),
            text: cell(),
            wrap: cell().set_text_wrap(),
            center: cell().set_align(FormatAlign::Center),
            count: cell().set_num_format("0").set_align(FormatAlign::Center),
            rate: cell().set_num_format("0.0%").set_align(FormatAlign::Center),
            rate_low: cell()
                .set_num_format("0.0%")
                .set_align(FormatAlign::Center)
                .set_font_color(Color::RGB(RED))
                .set_bold(),
            amount: cell()
                .set_num_format("0.0000")
                .set_align(FormatAlign::Right),
            link: cell()
                .set_font_color(Color::RGB(0x0563C1))
                .set_underline(rust_xlsxwriter::FormatUnderline::Single)
                .set_text_wrap(),
            total_label: cell().set_bold().set_align(FormatAlign::Center),
            total_count: cell()
                .set_bold()
                .set_num_format("0")
                .set_align(FormatAlign::Center),
            total_rate: cell()
                .set_bold()
                .set_num_format("0.0%")
                .set_align(FormatAlign::Center),
            section: base().set_bold().set_font_size(11),
            note: base().set_text_wrap().set_align(FormatAlign::Top),
        }
    }

    fn status(&self, s: UnitStatus) -> Format {
        let color = match s {
            UnitStatus::Clean => GREEN,
            UnitStatus::Faults => RED,
            UnitStatus::Empty | UnitStatus::NoLedger => AMBER,
            UnitStatus::Unreadable | UnitStatus::Missing => RED,
        };
        self.center
            .clone()
            .set_font_color(Color::RGB(color))
            .set_bold()
    }

    fn severity(&self, s: Severity) -> Format {
        let color = match s {
            Severity::Error => RED,
            Severity::Warning => AMBER,
            Severity::Info => BLUE,
        };
        self.center.clone().set_font_color(Color::RGB(color))
    }
}

/// Write user text as a string, whatever it looks like.
fn put(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    text: &str,
    f: &Format,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, col, gate::cell_text(text), f)?;
    Ok(())
}

fn merge(
    ws: &mut Worksheet,
    row: RowNum,
    first: ColNum,
    last: ColNum,
    text: &str,
    f: &Format,
) -> Result<(), XlsxError> {
    if first == last {
        return put(ws, row, first, text, f);
    }
    ws.merge_range(row, first, row, last, &gate::cell_text(text), f)?;
    Ok(())
}

/// Points per line of 10-point text, and Excel's highest row.
const LINE: f64 = 13.5;
const MAX_HEIGHT: f64 = 409.0;

/// The height a row needs for its wrapped cells (text, column width in characters):
/// neither Excel nor LibreOffice fits rows of a written file on opening, so the writer
/// sets them. A CJK character takes two widths, as it does on screen.
fn height(cells: &[(&str, f64)]) -> f64 {
    let lines = cells
        .iter()
        .map(|(text, width)| {
            let usable = (width - 1.0).max(1.0);
            // A column is `width` widths of "0" in the default font; 宋体 10 pt takes a
            // little less for each half-width character.
            text.split('\n')
                .map(|l| {
                    (0.9 * UnicodeWidthStr::width(l) as f64 / usable)
                        .ceil()
                        .max(1.0)
                })
                .sum::<f64>()
        })
        .fold(1.0, f64::max);
    (lines * LINE + 4.0).clamp(16.0, MAX_HEIGHT)
}

fn num(ws: &mut Worksheet, row: RowNum, col: ColNum, v: f64, f: &Format) -> Result<(), XlsxError> {
    ws.write_number_with_format(row, col, v, f)?;
    Ok(())
}

fn print_setup(ws: &mut Worksheet, repeat: Option<(RowNum, RowNum)>) -> Result<(), XlsxError> {
    const A4: u8 = 9;
    ws.set_paper_size(A4);
    ws.set_landscape();
    ws.set_margins(0.4, 0.4, 0.5, 0.55, 0.25, 0.25);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_footer("&C第 &P 页，共 &N 页");
    if let Some((first, last)) = repeat {
        ws.set_repeat_rows(first, last)?;
    }
    Ok(())
}

/// Write the roll-up workbook into memory.
pub fn render(r: &Rollup, opts: &XlsxOptions) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(TITLE)
            .set_subject(format!("{} 年度", r.year))
            .set_author("zhengban"),
    );
    let links = Links::new(opts.output_dir.as_deref());
    // Rows go out to a temporary file as they are written: a province has tens of
    // thousands of units.
    units_sheet(wb.add_worksheet_with_low_memory()?, r, &styles, &links)?;
    statistics_sheet(wb.add_worksheet(), r, &styles)?;
    rules_sheet(&mut wb, r, &styles)?;
    rates_sheet(&mut wb, r, &styles)?;
    diagnostics_sheets(&mut wb, r, &styles, &links, opts.rows_per_sheet.max(1))?;
    if let Some(c) = &r.previous {
        previous_sheet(wb.add_worksheet_with_low_memory()?, r, c, &styles)?;
    }
    notes_sheet(wb.add_worksheet(), r, &styles)?;
    wb.save_to_buffer()
}

/// The columns of 单位汇总: header, group header above it, width.
const UNIT_COLUMNS: [(&str, Option<&str>, f64); 19] = [
    ("序号", None, 6.0),
    ("单位名称（台账所写）", None, 24.0),
    ("报送文件夹/文件", None, 28.0),
    ("台账文件", None, 22.0),
    ("状态", None, 9.0),
    ("错误", Some("诊断"), 6.5),
    ("警告", Some("诊断"), 6.5),
    ("提示", Some("诊断"), 6.5),
    ("计算机数", None, 7.5),
    ("使用人数", None, 7.5),
    ("操作系统", Some("正版率"), 9.0),
    ("办公软件", Some("正版率"), 9.0),
    ("杀毒软件", Some("正版率"), 9.0),
    ("软件数", Some("超装"), 7.0),
    ("缺少许可", Some("超装"), 7.5),
    ("已过期", Some("许可期限"), 7.0),
    ("90天内到期", Some("许可期限"), 8.0),
    ("台账超半年未更新", None, 9.0),
    ("超装与到期明细", None, 46.0),
];

/// Write a two-row header whose grouped columns share a merged cell above them. Row by
/// row, as a low-memory worksheet requires.
fn two_row_header(
    ws: &mut Worksheet,
    top: RowNum,
    columns: &[(&str, Option<&str>, f64)],
    head: &Format,
) -> Result<(), XlsxError> {
    ws.set_row_height(top, 18.0)?;
    ws.set_row_height(top + 1, 30.0)?;
    let mut col = 0;
    while col < columns.len() {
        let (label, group, _) = columns[col];
        match group {
            None => {
                ws.merge_range(top, col as ColNum, top + 1, col as ColNum, label, head)?;
                col += 1;
            }
            Some(g) => {
                let n = columns[col..].iter().take_while(|c| c.1 == Some(g)).count();
                merge(ws, top, col as ColNum, (col + n - 1) as ColNum, g, head)?;
                col += n;
            }
        }
    }
    for (c, (label, group, width)) in columns.iter().enumerate() {
        ws.set_column_width(c as ColNum, *width)?;
        if group.is_some() {
            put(ws, top + 1, c as ColNum, label, head)?;
        }
    }
    Ok(())
}

fn title_rows(
    ws: &mut Worksheet,
    last: ColNum,
    title: &str,
    sub: &str,
    s: &Styles,
) -> Result<(), XlsxError> {
    ws.set_row_height(0, 30.0)?;
    merge(ws, 0, 0, last, title, &s.title)?;
    ws.set_row_height(1, 20.0)?;
    merge(ws, 1, 0, last, sub, &s.subtitle)?;
    Ok(())
}

fn units_sheet(ws: &mut Worksheet, r: &Rollup, s: &Styles, links: &Links) -> Result<(), XlsxError> {
    ws.set_name(UNITS_SHEET)?;
    let last = (UNIT_COLUMNS.len() - 1) as ColNum;
    title_rows(ws, last, TITLE, &headline(r), s)?;
    let pointer = if r.notes.is_empty() {
        String::new()
    } else {
        format!(
            "另有 {} 条说明（合并的重复单位、未计入统计表的单位、无法读取的输入等），见“{NOTES_SHEET}”工作表。",
            r.notes.len()
        )
    };
    merge(ws, 2, 0, last, &pointer, &s.subtitle)?;
    let top = 3;
    two_row_header(ws, top, &UNIT_COLUMNS, &s.head)?;
    let first = top + 2;
    let mut row = first;
    let mut linked = 0;
    for (i, u) in r.units.iter().enumerate() {
        num(ws, row, 0, (i + 1) as f64, &s.count)?;
        put(ws, row, 1, &u.name, &s.wrap)?;
        // The folder or workbook it came from: what tells apart units that state one name.
        let source = u.source.as_deref();
        file_cell(ws, row, 2, source, &source_text(u), links, &mut linked, s)?;
        let one = match u.files.as_slice() {
            [one] => Some(one.as_str()),
            _ => None,
        };
        file_cell(ws, row, 3, one, &files_text(u), links, &mut linked, s)?;
        put(ws, row, 4, u.status.label(), &s.status(u.status))?;
        let counts = [
            u.counts.error,
            u.counts.warning,
            u.counts.info,
            u.metrics.computers,
            u.metrics.users,
        ];
        for (c, v) in counts.iter().enumerate() {
            num(ws, row, 5 + c as ColNum, *v as f64, &s.count)?;
        }
        for (c, rate) in u.metrics.rates.all().iter().enumerate() {
            let col = 10 + c as ColNum;
            match rate {
                Some(v) if *v < 1.0 => num(ws, row, col, *v, &s.rate_low)?,
                Some(v) => num(ws, row, col, *v, &s.rate)?,
                None => put(ws, row, col, "—", &s.center)?,
            }
        }
        let m = &u.metrics;
        let figures = [
            m.over_deployed.len() as f64,
            m.copies_short() as f64,
            m.expired.len() as f64,
            m.expiring.len() as f64,
            m.stale as f64,
        ];
        for (c, v) in figures.iter().enumerate() {
            num(ws, row, 13 + c as ColNum, *v, &s.count)?;
        }
        let detail = details(u);
        put(ws, row, 18, &detail, &s.wrap)?;
        let files = files_text(u);
        ws.set_row_height(
            row,
            height(&[
                (&u.name, UNIT_COLUMNS[1].2),
                (&source_text(u), UNIT_COLUMNS[2].2),
                (&files, UNIT_COLUMNS[3].2),
                (&detail, UNIT_COLUMNS[18].2),
            ]),
        )?;
        row += 1;
    }
    if r.units.is_empty() {
        merge(ws, row, 0, last, "没有单位", &s.center)?;
        row += 1;
    }
    // The totals row sits below the filtered range so sorting never moves it.
    let t = r.totals();
    merge(ws, row, 0, 4, "合计", &s.total_label)?;
    let sums = [
        t.error as f64,
        t.warning as f64,
        t.info as f64,
        t.computers as f64,
        t.users as f64,
    ];
    for (c, v) in sums.iter().enumerate() {
        num(ws, row, 5 + c as ColNum, *v, &s.total_count)?;
    }
    for (c, rate) in t.rates.all().iter().enumerate() {
        let col = 10 + c as ColNum;
        match rate {
            Some(v) => num(ws, row, col, *v, &s.total_rate)?,
            None => put(ws, row, col, "", &s.total_label)?,
        }
    }
    let sums = [
        t.over_deployed as f64,
        t.short as f64,
        t.expired as f64,
        t.expiring as f64,
        t.stale as f64,
    ];
    for (c, v) in sums.iter().enumerate() {
        num(ws, row, 13 + c as ColNum, *v, &s.total_count)?;
    }
    put(ws, row, 18, "", &s.total_label)?;
    if !r.units.is_empty() {
        ws.autofilter(top + 1, 0, row - 1, last)?;
    }
    ws.set_freeze_panes(first, 3)?;
    print_setup(ws, Some((top, top + 1)))?;
    ws.set_active(true);
    Ok(())
}

/// 软件正版化工作信息统计表 summed: sections 二–五 on the nine-column grid of 附件5.
fn statistics_sheet(ws: &mut Worksheet, r: &Rollup, s: &Styles) -> Result<(), XlsxError> {
    ws.set_name(STATISTICS_SHEET)?;
    ws.set_column_width(0, 12.0)?;
    ws.set_column_range_width(1, 8, 14.0)?;
    let t = &r.statistics;
    let title = format!("软件正版化工作信息统计表（汇总）（{}年度）", r.year);
    let sub = format!(
        "汇总单位：{} 个（共 {} 个单位）　检查日期：{}",
        t.units,
        r.units.len(),
        dates_text(&r.as_of)
    );
    title_rows(ws, 8, &title, &sub, s)?;
    let mut row: RowNum = 3;
    let section = |ws: &mut Worksheet, row: &mut RowNum, text: &str| -> Result<(), XlsxError> {
        ws.set_row_height(*row, 22.0)?;
        merge(ws, *row, 0, 8, text, &s.section)?;
        *row += 1;
        Ok(())
    };
    let pairs = |ws: &mut Worksheet,
                 row: &mut RowNum,
                 spans: &[(ColNum, ColNum)],
                 labels: &[&str],
                 values: &[i64]|
     -> Result<(), XlsxError> {
        for ((a, b), l) in spans.iter().zip(labels) {
            merge(ws, *row, *a, *b, l, &s.head)?;
        }
        *row += 1;
        for ((a, b), v) in spans.iter().zip(values) {
            if a == b {
                num(ws, *row, *a, *v as f64, &s.count)?;
            } else {
                ws.merge_range(*row, *a, *row, *b, "", &s.count)?;
                num(ws, *row, *a, *v as f64, &s.count)?;
            }
        }
        ws.set_row_height(*row, 20.0)?;
        *row += 1;
        Ok(())
    };
    section(ws, &mut row, "二、人员情况")?;
    pairs(
        ws,
        &mut row,
        &[(0, 4), (5, 8)],
        &["总人数", "使用计算机人数"],
        &t.people,
    )?;
    section(ws, &mut row, "三、计算机情况")?;
    pairs(
        ws,
        &mut row,
        &[(0, 2), (3, 4), (5, 6), (7, 8)],
        &["服务器数", "台式机数", "便携机数", "合计"],
        &t.computers,
    )?;

    section(ws, &mut row, "四、本年度软件采购情况")?;
    let groups = [
        "操作系统软件\n(不含预装操作系统)",
        "办公软件",
        "杀毒软件",
        "总计",
    ];
    ws.merge_range(row, 0, row + 1, 0, "软件属性", &s.head)?;
    ws.set_row_height(row, 30.0)?;
    ws.set_row_height(row + 1, 30.0)?;
    for (i, g) in groups.iter().enumerate() {
        let col = 1 + 2 * i as ColNum;
        merge(ws, row, col, col + 1, g, &s.head)?;
        put(ws, row + 1, col, "许可数（个）", &s.head)?;
        put(ws, row + 1, col + 1, "金额\n（万元）", &s.head)?;
    }
    row += 2;
    for origin in ROWS {
        put(ws, row, 0, row_label(origin), &s.head)?;
        for (i, column) in COLUMNS.iter().enumerate() {
            let p = t.purchases.get(origin).get(*column);
            let col = 1 + 2 * i as ColNum;
            num(ws, row, col, p.licenses as f64, &s.count)?;
            num(ws, row, col + 1, p.amount, &s.amount)?;
        }
        ws.set_row_height(row, 20.0)?;
        row += 1;
    }

    section(ws, &mut row, "五、累计拥有软件许可情况")?;
    let groups = [
        "操作系统软件\n(含预装操作系统)\n许可数（个）",
        "办公软件\n许可数（个）",
        "杀毒软件\n许可数（个）",
        "总计",
    ];
    put(ws, row, 0, "软件属性", &s.head)?;
    ws.set_row_height(row, 44.0)?;
    for (i, g) in groups.iter().enumerate() {
        let col = 1 + 2 * i as ColNum;
        merge(ws, row, col, col + 1, g, &s.head)?;
    }
    row += 1;
    for origin in ROWS {
        put(ws, row, 0, row_label(origin), &s.head)?;
        for (i, column) in COLUMNS.iter().enumerate() {
            let col = 1 + 2 * i as ColNum;
            let v = *t.holdings.get(origin).get(*column) as f64;
            ws.merge_range(row, col, row, col + 1, "", &s.count)?;
            num(ws, row, col, v, &s.count)?;
        }
        ws.set_row_height(row, 20.0)?;
        row += 1;
    }
    debug_assert_eq!(COLUMNS[3], StatColumn::Total);

    row += 1;
    let mut remarks = vec![
        "各项按各单位台账推算（与 zhengban check 核对 ZB414 时所用的数字相同），逐单位相加；金额为万元，保留 4 位小数。".to_string(),
        "一、负责软件正版化工作部门情况由各单位分别填报，不汇总。".to_string(),
    ];
    if t.without_data > 0 {
        remarks.push(format!(
            "计入的单位中有 {} 个没有台账数据（空台账、无台账或无法读取），各项为 0。",
            t.without_data
        ));
    }
    if t.missing > 0 {
        remarks.push(format!(
            "{} 个单位的人员或计算机情况有空项或无法识别，按 0 计。",
            t.missing
        ));
    }
    if t.units < r.units.len() {
        remarks.push(format!(
            "{} 个单位未计入（统计年度不同或没有统计数据），见“{NOTES_SHEET}”工作表。",
            r.units.len() - t.units
        ));
    }
    for text in remarks {
        ws.set_row_height(row, 28.0)?;
        merge(ws, row, 0, 8, &format!("说明：{text}"), &s.note)?;
        row += 1;
    }
    print_setup(ws, None)?;
    ws.set_print_fit_to_pages(1, 1);
    Ok(())
}

/// Rows of the default height (15 pt = 20 px) that a chart of `height` pixels covers,
/// with a row to spare.
fn rows_under(height: u32) -> RowNum {
    height.div_ceil(20) + 1
}

/// A sheet with a chart on its first page and its data table from the second page on, so
/// the table's repeated header never prints over the chart.
fn chart_then_table(
    ws: &mut Worksheet,
    chart: Option<&Chart>,
    chart_height: u32,
) -> Result<RowNum, XlsxError> {
    let Some(chart) = chart else {
        return Ok(2);
    };
    ws.insert_chart_with_offset(2, 0, chart, 4, 4)?;
    let top = 2 + rows_under(chart_height);
    ws.set_page_breaks(&[top])?;
    Ok(top)
}

/// Data labels of a chart's bars: the value in `format`, small.
fn bar_labels(format: &str, position: ChartDataLabelPosition, color: u32) -> ChartDataLabel {
    let mut label = ChartDataLabel::new();
    label
        .show_value()
        .set_num_format(format)
        .set_position(position)
        .set_font(ChartFont::new().set_size(8).set_color(Color::RGB(color)));
    label
}

fn rules_sheet(wb: &mut Workbook, r: &Rollup, s: &Styles) -> Result<(), XlsxError> {
    // Most findings first: the chart, drawn from the table, reads as a ranking.
    let rules = rules_by_count(r);
    let ws = wb.add_worksheet();
    ws.set_name(RULES_SHEET)?;
    let widths = [8.0, 40.0, 8.0, 8.0, 8.0, 8.0, 8.0, 40.0];
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as ColNum, *w)?;
    }
    let total: usize = rules.iter().map(|c| c.total()).sum();
    title_rows(
        ws,
        7,
        "各规则发现的问题",
        &format!(
            "{} 条规则共发现 {total} 处问题，由多到少排列 · {}",
            rules.len(),
            headline(r)
        ),
        s,
    )?;
    // The table's place is known before it is written: the chart goes above it.
    let chart_height = (110 + rules.len() as u32 * 26).min(6000);
    let top: RowNum = if rules.is_empty() {
        2
    } else {
        2 + rows_under(chart_height)
    };
    let (first, last) = (top + 1, top + rules.len() as RowNum);
    let chart = (!rules.is_empty()).then(|| {
        let mut chart = Chart::new(ChartType::BarStacked);
        for (col, color) in [(3, RED), (4, AMBER), (5, BLUE)] {
            // "0;;;": a part with no findings gets no label.
            chart
                .add_series()
                .set_name((RULES_SHEET, top, col))
                .set_categories((RULES_SHEET, first, 7, last, 7))
                .set_values((RULES_SHEET, first, col, last, col))
                .set_format(ChartSolidFill::new().set_color(Color::RGB(color)))
                .set_data_label(&bar_labels(
                    "0;;;",
                    ChartDataLabelPosition::Center,
                    0xFFFFFF,
                ))
                .set_gap(50);
        }
        chart.title().set_name("各规则发现的问题（处，由多到少）");
        chart.legend().set_position(ChartLegendPosition::Top);
        // In a bar chart y is the category axis: the table's first row at the top.
        chart.y_axis().set_reverse();
        chart
            .x_axis()
            .set_num_format("0")
            .set_min(0)
            .set_name("问题数（处）");
        chart.set_width(900).set_height(chart_height);
        chart
    });
    let at = chart_then_table(ws, chart.as_ref(), chart_height)?;
    debug_assert_eq!(at, top);
    let head = [
        "代码",
        "说明",
        "单位数",
        "错误",
        "警告",
        "提示",
        "合计",
        "图表标签",
    ];
    for (c, h) in head.iter().enumerate() {
        put(ws, top, c as ColNum, h, &s.head)?;
    }
    let mut row = top + 1;
    for c in &rules {
        put(ws, row, 0, &c.code, &s.center)?;
        put(ws, row, 1, &c.summary, &s.text)?;
        let figures = [c.units, c.error, c.warning, c.info, c.total()];
        for (i, v) in figures.iter().enumerate() {
            num(ws, row, 2 + i as ColNum, *v as f64, &s.count)?;
        }
        put(ws, row, 7, &rule_label(c), &s.text)?;
        row += 1;
    }
    if rules.is_empty() {
        merge(ws, row, 0, 7, "没有发现问题", &s.center)?;
    } else {
        ws.autofilter(top, 0, row - 1, 7)?;
    }
    print_setup(ws, Some((top, top)))?;
    Ok(())
}

fn rates_sheet(wb: &mut Workbook, r: &Rollup, s: &Styles) -> Result<(), XlsxError> {
    let ranking = rate_ranking(r);
    let (shown, all) = chart_units(r);
    let ws = wb.add_worksheet();
    ws.set_name(RATES_SHEET)?;
    let widths = [6.0, 30.0, 30.0, 10.0, 10.0, 10.0, 40.0];
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as ColNum, *w)?;
    }
    let unrated = r.units.len() - ranking.len();
    let mut sub = "按三类中最低的一项由低到高排列；空白表示该类软件没有安装记录".to_string();
    if unrated > 0 {
        sub.push_str(&format!("；{unrated} 个单位没有可计算的正版率，未列入"));
    }
    title_rows(ws, 6, "各单位正版率", &sub, s)?;
    let chart_height = (120 + shown.len() as u32 * 48).min(8000);
    let top: RowNum = if ranking.is_empty() {
        2
    } else {
        2 + rows_under(chart_height)
    };
    let axis_min = rate_axis_min(&shown);
    let chart = (!ranking.is_empty()).then(|| {
        let (first, last) = (top + 1, top + shown.len() as RowNum);
        let mut chart = Chart::new(ChartType::Bar);
        for (i, color) in [BLUE, GREEN, AMBER].iter().enumerate() {
            let col = 3 + i as ColNum;
            chart
                .add_series()
                .set_name((RATES_SHEET, top, col))
                // one bar group per row: the label names the unit and where it came from
                .set_categories((RATES_SHEET, first, 6, last, 6))
                .set_values((RATES_SHEET, first, col, last, col))
                .set_format(ChartSolidFill::new().set_color(Color::RGB(*color)))
                .set_data_label(&bar_labels(
                    "0.0%",
                    ChartDataLabelPosition::OutsideEnd,
                    0x333333,
                ))
                .set_gap(40);
        }
        chart
            .title()
            .set_name(rate_chart_title(shown.len(), all).as_str());
        chart.legend().set_position(ChartLegendPosition::Top);
        // In a bar chart the x axis is the horizontal value axis and y the categories;
        // the categories run top-down in the table's order, lowest rate first. The value
        // axis starts where the rates are, and says so in its title.
        chart.y_axis().set_reverse();
        let axis_name = rate_axis_title(axis_min);
        chart
            .x_axis()
            .set_min(axis_min)
            .set_max(1.0)
            .set_num_format("0%")
            .set_name(axis_name.as_str())
            .set_name_font(ChartFont::new().set_color(Color::RGB(if axis_min > 0.0 {
                RED
            } else {
                0x333333
            })));
        chart.set_width(900).set_height(chart_height);
        chart
    });
    chart_then_table(ws, chart.as_ref(), chart_height)?;
    let mut head = vec!["序号", "单位名称", "报送文件夹/文件"];
    head.extend(rate_labels());
    head.push("图表标签");
    for (c, h) in head.iter().enumerate() {
        put(ws, top, c as ColNum, h, &s.head)?;
    }
    let mut row = top + 1;
    for (i, u) in ranking.iter().enumerate() {
        num(ws, row, 0, (i + 1) as f64, &s.count)?;
        put(ws, row, 1, &u.name, &s.wrap)?;
        put(ws, row, 2, &source_text(u), &s.wrap)?;
        for (c, rate) in u.metrics.rates.all().iter().enumerate() {
            let col = 3 + c as ColNum;
            match rate {
                Some(v) if *v < 1.0 => num(ws, row, col, *v, &s.rate_low)?,
                Some(v) => num(ws, row, col, *v, &s.rate)?,
                None => put(ws, row, col, "", &s.center)?,
            }
        }
        let label = chart_label(u);
        put(ws, row, 6, &label, &s.wrap)?;
        ws.set_row_height(
            row,
            height(&[
                (&u.name, widths[1]),
                (&source_text(u), widths[2]),
                (&label, widths[6]),
            ]),
        )?;
        row += 1;
    }
    if ranking.is_empty() {
        merge(ws, row, 0, 6, "没有可计算正版率的单位", &s.center)?;
    } else {
        ws.autofilter(top, 0, row - 1, 6)?;
    }
    print_setup(ws, Some((top, top)))?;
    Ok(())
}

const DIAGNOSTIC_COLUMNS: [(&str, f64); 9] = [
    ("序号", 7.0),
    ("单位名称", 22.0),
    ("文件", 34.0),
    ("工作表", 14.0),
    ("单元格", 7.0),
    ("代码", 7.0),
    ("级别", 5.5),
    ("问题", 50.0),
    ("修改建议", 50.0),
];

fn diagnostics_sheets(
    wb: &mut Workbook,
    r: &Rollup,
    s: &Styles,
    links: &Links,
    per_sheet: u32,
) -> Result<(), XlsxError> {
    let total = r.units.iter().map(|u| u.diagnostics.len()).sum::<usize>();
    let sheets = total.div_ceil(per_sheet as usize).max(1);
    let mut all = r.diagnostics().enumerate().peekable();
    for part in 0..sheets {
        // Rows go out to a temporary file as they are written: a province has hundreds of
        // thousands of diagnostics.
        let ws = wb.add_worksheet_with_low_memory()?;
        let name = if part == 0 {
            DIAGNOSTICS_SHEET.to_string()
        } else {
            format!("{DIAGNOSTICS_SHEET}{}", part + 1)
        };
        ws.set_name(&name)?;
        let last = (DIAGNOSTIC_COLUMNS.len() - 1) as ColNum;
        for (c, (_, w)) in DIAGNOSTIC_COLUMNS.iter().enumerate() {
            ws.set_column_width(c as ColNum, *w)?;
        }
        let mut title = format!("诊断明细（共 {total} 条）");
        if sheets > 1 {
            title = format!("诊断明细（共 {total} 条，第 {} / {sheets} 部分）", part + 1);
        }
        title_rows(
            ws,
            last,
            &title,
            "点击文件名打开该文件；单元格列为出错位置。可按单位、代码、级别筛选。",
            s,
        )?;
        let top: RowNum = 2;
        for (c, (h, _)) in DIAGNOSTIC_COLUMNS.iter().enumerate() {
            put(ws, top, c as ColNum, h, &s.head)?;
        }
        let mut row = top + 1;
        let mut linked = 0;
        let mut written = 0;
        while written < per_sheet {
            let Some((i, (u, d))) = all.next() else { break };
            num(ws, row, 0, (i + 1) as f64, &s.count)?;
            put(ws, row, 1, &u.name, &s.wrap)?;
            let file = d.file.as_deref().unwrap_or("");
            let target = if linked < MAX_LINKS && !file.is_empty() {
                link(links, file, d.sheet.as_deref(), d.cell.as_deref())
            } else {
                None
            };
            match target {
                Some(t) => {
                    linked += 1;
                    ws.write_url_with_format(
                        row,
                        2,
                        Url::new(t).set_text(gate::cell_text(file)),
                        &s.link,
                    )?;
                }
                None => put(ws, row, 2, file, &s.wrap)?,
            }
            put(ws, row, 3, d.sheet.as_deref().unwrap_or(""), &s.wrap)?;
            put(ws, row, 4, d.cell.as_deref().unwrap_or(""), &s.center)?;
            put(ws, row, 5, &d.code, &s.center)?;
            put(ws, row, 6, d.severity.label(), &s.severity(d.severity))?;
            put(ws, row, 7, &d.message, &s.wrap)?;
            put(ws, row, 8, &d.help, &s.wrap)?;
            let w = |c: usize| DIAGNOSTIC_COLUMNS[c].1;
            ws.set_row_height(
                row,
                height(&[
                    (&u.name, w(1)),
                    (file, w(2)),
                    (d.sheet.as_deref().unwrap_or(""), w(3)),
                    (&d.message, w(7)),
                    (&d.help, w(8)),
                ]),
            )?;
            row += 1;
            written += 1;
        }
        if total == 0 {
            merge(ws, row, 0, last, "没有诊断", &s.center)?;
        } else {
            ws.autofilter(top, 0, row - 1, last)?;
        }
        ws.set_freeze_panes(top + 1, 0)?;
        print_setup(ws, Some((top, top)))?;
    }
    Ok(())
}

/// The columns of 与上年比较: header, group header above it, width.
const PREVIOUS_COLUMNS: [(&str, Option<&str>, f64); 13] = [
    ("序号", None, 6.0),
    ("单位名称", None, 24.0),
    ("今年报送", None, 24.0),
    ("上年报送", None, 24.0),
    ("上年", Some("计算机数"), 7.0),
    ("今年", Some("计算机数"), 7.0),
    ("上年", Some("商业软件许可数"), 8.0),
    ("今年", Some("商业软件许可数"), 8.0),
    ("上年", Some("正版率（三类最低）"), 9.0),
    ("今年", Some("正版率（三类最低）"), 9.0),
    ("上年", Some("正版率（办公软件）"), 9.0),
    ("今年", Some("正版率（办公软件）"), 9.0),
    ("需要关注", None, 50.0),
];

/// The lowest of a unit's three rates.
fn lowest(rates: &crate::rollup::unit::Rates) -> Option<f64> {
    rates.all().into_iter().flatten().reduce(f64::min)
}

fn previous_sheet(
    ws: &mut Worksheet,
    r: &Rollup,
    c: &crate::rollup::previous::Comparison,
    s: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(PREVIOUS_SHEET)?;
    let last = (PREVIOUS_COLUMNS.len() - 1) as ColNum;
    let sub = format!(
        "上年：{} · 今年新报送 {} 个单位 · 上年报送、今年没有 {} 个 · {}",
        c.from,
        c.new_units(),
        c.gone_units(),
        headline(r)
    );
    title_rows(ws, last, "与上年比较", &sub, s)?;
    let top: RowNum = 3;
    two_row_header(ws, top, &PREVIOUS_COLUMNS, &s.head)?;
    let mut row = top + 2;
    for (i, line) in c.rows.iter().enumerate() {
        num(ws, row, 0, (i + 1) as f64, &s.count)?;
        put(ws, row, 1, &line.name, &s.wrap)?;
        put(ws, row, 2, line.source.as_deref().unwrap_or("—"), &s.wrap)?;
        put(
            ws,
            row,
            3,
            line.last_source.as_deref().unwrap_or("—"),
            &s.wrap,
        )?;
        let years = [&line.then, &line.now];
        for (k, f) in years.iter().enumerate() {
            let col = 4 + k as ColNum;
            match f {
                Some(f) => num(ws, row, col, f.computers as f64, &s.count)?,
                None => put(ws, row, col, "—", &s.center)?,
            }
            match f.as_ref().and_then(|f| f.licences) {
                Some(n) => num(ws, row, col + 2, n as f64, &s.count)?,
                None => put(ws, row, col + 2, "—", &s.center)?,
            }
            for (j, rate) in [
                f.as_ref().and_then(|f| lowest(&f.rates)),
                f.as_ref().and_then(|f| f.rates.office),
            ]
            .into_iter()
            .enumerate()
            {
                let at = col + 4 + 2 * j as ColNum;
                match rate {
                    Some(v) if v < 1.0 => num(ws, row, at, v, &s.rate_low)?,
                    Some(v) => num(ws, row, at, v, &s.rate)?,
                    None => put(ws, row, at, "—", &s.center)?,
                }
            }
        }
        let remarks = line.remarks.join("；");
        put(ws, row, last, &remarks, &s.wrap)?;
        let (now, then) = (
            line.source.as_deref().unwrap_or(""),
            line.last_source.as_deref().unwrap_or(""),
        );
        ws.set_row_height(
            row,
            height(&[
                (&remarks, 50.0),
                (&line.name, 24.0),
                (now, 24.0),
                (then, 24.0),
            ]),
        )?;
        row += 1;
    }
    if c.rows.is_empty() {
        merge(ws, row, 0, last, "今年和上年都没有单位。", &s.center)?;
    }
    ws.set_freeze_panes(top + 2, 2)?;
    ws.autofilter(top + 1, 0, row.saturating_sub(1).max(top + 1), last)?;
    print_setup(ws, Some((top, top + 1)))?;
    Ok(())
}

fn notes_sheet(ws: &mut Worksheet, r: &Rollup, s: &Styles) -> Result<(), XlsxError> {
    ws.set_name(NOTES_SHEET)?;
    ws.set_column_width(0, 6.0)?;
    ws.set_column_width(1, 8.0)?;
    ws.set_column_width(2, 110.0)?;
    title_rows(ws, 2, "说明", &headline(r), s)?;
    let mut row: RowNum = 2;
    let legend = [
        "状态：合格 = 台账有数据且没有“错误”级诊断；有错误 = 至少一条“错误”；空台账 = 找到台账但没有数据行；无台账 = 没有找到三种台账；无法读取 = 文件都打不开。",
        "正版率 = 有有效许可的安装 ÷ 全部安装（按明细表逐行计；OEM、免费软件计为正版；超出许可数量或过了许可期限的不计）；“—”表示该类软件没有安装记录。",
        "信息统计表按各单位台账推算后逐单位相加；统计年度不同的单位不计入。",
    ];
    for text in legend {
        ws.set_row_height(row, 30.0)?;
        merge(ws, row, 0, 2, text, &s.note)?;
        row += 1;
    }
    row += 1;
    for (c, h) in ["序号", "类别", "内容"].iter().enumerate() {
        put(ws, row, c as ColNum, h, &s.head)?;
    }
    let top = row;
    row += 1;
    let mut notes: Vec<_> = r.notes.iter().collect();
    notes.sort_by_key(|n| n.level);
    for (i, n) in notes.iter().enumerate() {
        num(ws, row, 0, (i + 1) as f64, &s.count)?;
        let f = match n.level {
            NoteLevel::Error => s.severity(Severity::Error),
            NoteLevel::Warning => s.severity(Severity::Warning),
            NoteLevel::Info => s.severity(Severity::Info),
        };
        put(ws, row, 1, note_label(n.level), &f)?;
        put(ws, row, 2, &n.text, &s.wrap)?;
        ws.set_row_height(row, height(&[(&n.text, 110.0)]))?;
        row += 1;
    }
    if notes.is_empty() {
        merge(
            ws,
            row,
            0,
            2,
            "没有需要说明的情况：每个单位都只出现一次，都计入了统计表。",
            &s.center,
        )?;
    }
    print_setup(ws, Some((top, top)))?;
    Ok(())
}

/// A link to a file in or below the roll-up's folder (`file:///./…`, which rust_xlsxwriter
/// stores as the relative `./…`), with the cell as anchor where the file is a workbook
/// Excel opens at a cell. `None` when no safe link would work: the file is then named as
/// text.
/// A cell naming a file: a link to it while links are left (`linked` counts them against
/// [`MAX_LINKS`]), else its text.
#[allow(clippy::too_many_arguments)]
fn file_cell(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    file: Option<&str>,
    text: &str,
    links: &Links,
    linked: &mut usize,
    s: &Styles,
) -> Result<(), XlsxError> {
    let target = file
        .filter(|_| *linked < MAX_LINKS)
        .and_then(|f| link(links, f, None, None));
    match target {
        Some(t) => {
            *linked += 1;
            ws.write_url_with_format(
                row,
                col,
                Url::new(t).set_text(gate::cell_text(text)),
                &s.link,
            )?;
        }
        None => put(ws, row, col, text, &s.wrap)?,
    }
    Ok(())
}

fn link(links: &Links, file: &str, sheet: Option<&str>, cell: Option<&str>) -> Option<String> {
    let path = links.path(file)?;
    let mut link = format!("file:///{}", path.text);
    if let (true, Some(sheet), Some(cell)) = (path.excel, sheet, cell) {
        let sheet = gate::xml_text(sheet).replace('\'', "''");
        link.push_str(&format!("#'{sheet}'!{}", gate::xml_text(cell)));
    }
    (link.chars().count() < 2000).then_some(link)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::rollup::unit::{Counts, DiagnosticRow, Provenance, UnitEntry, UnitMetrics};
    use crate::rollup::Builder;
    use calamine::{Data, Reader, Xlsx};

    fn unit(name: &str, diagnostics: usize) -> UnitEntry {
        let mut e = UnitEntry {
            name: name.into(),
            source: None,
            files: vec![],
            status: UnitStatus::Clean,
            counts: Counts::default(),
            metrics: UnitMetrics {
                computers: 1,
                ..Default::default()
            },
            statistics: None,
            diagnostics: (0..diagnostics)
                .map(|i| DiagnosticRow {
                    code: "ZB111".into(),
                    severity: Severity::Error,
                    file: None,
                    sheet: None,
                    cell: None,
                    message: format!("第 {i} 条"),
                    help: String::new(),
                })
                .collect(),
            provenance: Provenance::Checked,
        };
        e.counts.error = diagnostics;
        e.settle();
        e
    }

    #[test]
    fn diagnostics_past_the_row_limit_continue_on_another_sheet() {
        let mut b = Builder::new();
        b.add(unit("单位2", 2));
        b.add(unit("单位10", 3));
        let r = b.finish(2026);
        let opts = XlsxOptions {
            rows_per_sheet: 2,
            ..Default::default()
        };
        let bytes = render(&r, &opts).unwrap();
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let names = book.sheet_names();
        let parts: Vec<&String> = names.iter().filter(|n| n.starts_with("诊断明细")).collect();
        assert_eq!(parts, ["诊断明细", "诊断明细2", "诊断明细3"]);
        let mut listed = Vec::new();
        for name in parts {
            let range = book.worksheet_range(name).unwrap();
            for row in range.rows().skip(3) {
                if let (Data::Float(n), Data::String(m)) = (&row[0], &row[7]) {
                    listed.push((*n as usize, m.clone()));
                }
            }
        }
        let numbers: Vec<usize> = listed.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5], "numbered on across the sheets");
        // 单位2 before 单位10: its two rows first.
        assert_eq!(listed[2].1, "第 0 条");
        assert_eq!(listed[1].1, "第 1 条");
    }
}
