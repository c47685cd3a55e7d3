//! 附件5 软件正版化工作信息统计表: the annual report. A form of five small tables rather
//! than a list, laid on one nine-column grid (软件属性 and four pairs of 许可数/金额) so the
//! sections line up on paper.

use rust_xlsxwriter::{ColNum, Worksheet, XlsxError};

use super::fill;
use super::sheet::{label_of, print_setup, Paper, Sheet, Value, ROW, ROW_2, ROW_3};
use super::style::{self, CellKind};
use crate::normalised::{Figure, Measure, StatColumn, StatRow, StatisticsTable};
use crate::schema::TableKind;

/// Column spans of a four-field section (一 and 三): the first field takes 软件属性's
/// column too.
const FOUR: [(ColNum, ColNum); 4] = [(0, 2), (3, 4), (5, 6), (7, 8)];
/// Column spans of the two fields of section 二.
const TWO: [(ColNum, ColNum); 2] = [(0, 4), (5, 8)];
/// The rows of sections 四 and 五.
const ORIGINS: [&str; 3] = ["国内", "国外", "合计"];

/// 附件5 软件正版化工作信息统计表, blank or filled with `data`; a filled table states
/// its year in the title ("（2026年度）"), where the reader and ZB414 look for it.
pub(crate) fn statistics(
    ws: &mut Worksheet,
    data: Option<&StatisticsTable>,
) -> Result<(), XlsxError> {
    let kind = TableKind::Statistics;
    let mut widths = vec![10.0];
    widths.extend([14.0; 8]);
    let mut sheet = Sheet::new(ws, widths)?;
    match data.and_then(|d| d.year) {
        Some(year) => {
            sheet.annex_and_title_text(kind, &format!("{}（{year}年度）", kind.title()))?
        }
        None => sheet.annex_and_title(kind)?,
    }
    sheet.header_block(&fill::header_blanks(kind, data.map(|d| &d.header)))?;
    let value = |f: fn(&StatisticsTable) -> Value| data.map_or(Value::Empty, f);

    sheet.section("一、负责软件正版化工作部门情况", false)?;
    fields(
        &mut sheet,
        &FOUR,
        &[
            (
                "部门名称",
                CellKind::General,
                value(|d| fill::text(&d.department.name)),
            ),
            (
                "部门负责人姓名",
                CellKind::General,
                value(|d| fill::text(&d.department.head)),
            ),
            (
                "部门负责人电话",
                CellKind::Text,
                value(|d| fill::text(&d.department.phone)),
            ),
            (
                "部门传真",
                CellKind::Text,
                value(|d| fill::text(&d.department.fax)),
            ),
        ],
    )?;

    sheet.section("二、人员情况", false)?;
    fields(
        &mut sheet,
        &TWO,
        &[
            (
                label_of(kind, "people_total"),
                CellKind::Count,
                value(|d| fill::count(d.people.total)),
            ),
            (
                label_of(kind, "people_using"),
                CellKind::Count,
                value(|d| fill::count(d.people.using)),
            ),
        ],
    )?;

    sheet.section("三、计算机情况", false)?;
    fields(
        &mut sheet,
        &FOUR,
        &[
            (
                label_of(kind, "servers"),
                CellKind::Count,
                value(|d| fill::count(d.computers.servers)),
            ),
            (
                label_of(kind, "desktops"),
                CellKind::Count,
                value(|d| fill::count(d.computers.desktops)),
            ),
            (
                label_of(kind, "laptops"),
                CellKind::Count,
                value(|d| fill::count(d.computers.laptops)),
            ),
            (
                "合计",
                CellKind::Count,
                value(|d| fill::count(d.computers.total)),
            ),
        ],
    )?;

    sheet.section("四、本年度软件采购情况", false)?;
    purchases(&mut sheet, data.map(|d| d.purchases.as_slice()))?;

    sheet.section("五、累计拥有软件许可情况", false)?;
    holdings(&mut sheet, data.map(|d| d.holdings.as_slice()))?;

    print_setup(sheet.ws(), Paper::Landscape, None)
}

/// The figure at (row, column, measure), empty where the data has none.
fn figure(figures: Option<&[Figure]>, row: StatRow, column: StatColumn, measure: Measure) -> Value {
    figures
        .and_then(|all| {
            all.iter()
                .find(|f| f.row == row && f.column == column && f.measure == measure)
        })
        .map_or(Value::Empty, |f| fill::money(f.value))
}

/// A row of labels and the row of blanks (or values) under it.
fn fields(
    sheet: &mut Sheet,
    spans: &[(ColNum, ColNum)],
    labels: &[(&str, CellKind, Value)],
) -> Result<(), XlsxError> {
    let head = style::head();
    let row = sheet.next_row(ROW + 4.0)?;
    for ((first, last), (label, _, _)) in spans.iter().zip(labels) {
        sheet.put(row, *first, *last, label, &head)?;
    }
    let row = sheet.next_row(ROW + 6.0)?;
    for ((first, last), (_, kind, value)) in spans.iter().zip(labels) {
        sheet.put_value(row, *first, *last, value, &style::cell(*kind, true))?;
    }
    Ok(())
}

/// Section 四: 许可数（个） and 金额（万元） under each software category.
fn purchases(sheet: &mut Sheet, figures: Option<&[Figure]>) -> Result<(), XlsxError> {
    let head = style::head();
    let top = sheet.next_row(ROW_2)?;
    let sub = sheet.next_row(ROW_2)?;
    sheet.put_block(top, 0, sub, 0, "软件属性", &head)?;
    let groups = [
        "操作系统软件\n(不含预装操作系统)",
        "办公软件",
        "杀毒软件",
        "总计",
    ];
    for (index, group) in groups.iter().enumerate() {
        let col = 1 + 2 * index as ColNum;
        sheet.put(top, col, col + 1, group, &head)?;
        sheet.put(sub, col, col, "许可数（个）", &head)?;
        sheet.put(sub, col + 1, col + 1, "金额\n（万元）", &head)?;
    }
    let count = style::cell(CellKind::Count, true);
    let amount = style::cell(CellKind::TenThousand, true);
    for (origin, stat_row) in ORIGINS.iter().zip(StatRow::ALL) {
        let row = sheet.next_row(ROW + 2.0)?;
        sheet.put(row, 0, 0, origin, &head)?;
        for (index, column) in StatColumn::ALL.into_iter().enumerate() {
            let col = 1 + 2 * index as ColNum;
            let licenses = figure(figures, stat_row, column, Measure::Licenses);
            let money = figure(figures, stat_row, column, Measure::Amount);
            sheet.put_value(row, col, col, &licenses, &count)?;
            sheet.put_value(row, col + 1, col + 1, &money, &amount)?;
        }
    }
    Ok(())
}

/// Section 五: licences held, one count per category.
fn holdings(sheet: &mut Sheet, figures: Option<&[Figure]>) -> Result<(), XlsxError> {
    let head = style::head();
    let row = sheet.next_row(ROW_3)?;
    sheet.put(row, 0, 0, "软件属性", &head)?;
    let groups = [
        "操作系统软件\n(含预装操作系统)\n许可数（个）",
        "办公软件\n许可数（个）",
        "杀毒软件\n许可数（个）",
        "总计",
    ];
    for (index, group) in groups.iter().enumerate() {
        let col = 1 + 2 * index as ColNum;
        sheet.put(row, col, col + 1, group, &head)?;
    }
    let count = style::cell(CellKind::Count, true);
    for (origin, stat_row) in ORIGINS.iter().zip(StatRow::ALL) {
        let row = sheet.next_row(ROW + 2.0)?;
        sheet.put(row, 0, 0, origin, &head)?;
        for (index, column) in StatColumn::ALL.into_iter().enumerate() {
            let col = 1 + 2 * index as ColNum;
            let licenses = figure(figures, stat_row, column, Measure::Licenses);
            sheet.put_value(row, col, col + 1, &licenses, &count)?;
        }
    }
    Ok(())
}
