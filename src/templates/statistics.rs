//! 附件5 软件正版化工作信息统计表: the annual report. A form of five small tables rather
//! than a list, laid on one nine-column grid (软件属性 and four pairs of 许可数/金额) so the
//! sections line up on paper.

use rust_xlsxwriter::{ColNum, Worksheet, XlsxError};

use super::sheet::{blanks, label_of, print_setup, Paper, Sheet, ROW, ROW_2, ROW_3};
use super::style::{self, CellKind};
use crate::schema::TableKind;

/// Column spans of a four-field section (一 and 三): the first field takes 软件属性's
/// column too.
const FOUR: [(ColNum, ColNum); 4] = [(0, 2), (3, 4), (5, 6), (7, 8)];
/// Column spans of the two fields of section 二.
const TWO: [(ColNum, ColNum); 2] = [(0, 4), (5, 8)];
/// The rows of sections 四 and 五.
const ORIGINS: [&str; 3] = ["国内", "国外", "合计"];

/// 附件5 软件正版化工作信息统计表.
pub(crate) fn statistics(ws: &mut Worksheet) -> Result<(), XlsxError> {
    let kind = TableKind::Statistics;
    let mut widths = vec![10.0];
    widths.extend([14.0; 8]);
    let mut sheet = Sheet::new(ws, widths)?;
    sheet.annex_and_title(kind)?;
    sheet.header_block(&blanks(kind))?;

    sheet.section("一、负责软件正版化工作部门情况", false)?;
    fields(
        &mut sheet,
        &FOUR,
        &[
            ("部门名称", CellKind::General),
            ("部门负责人姓名", CellKind::General),
            ("部门负责人电话", CellKind::Text),
            ("部门传真", CellKind::Text),
        ],
    )?;

    sheet.section("二、人员情况", false)?;
    fields(
        &mut sheet,
        &TWO,
        &[
            (label_of(kind, "people_total"), CellKind::Count),
            (label_of(kind, "people_using"), CellKind::Count),
        ],
    )?;

    sheet.section("三、计算机情况", false)?;
    fields(
        &mut sheet,
        &FOUR,
        &[
            (label_of(kind, "servers"), CellKind::Count),
            (label_of(kind, "desktops"), CellKind::Count),
            (label_of(kind, "laptops"), CellKind::Count),
            ("合计", CellKind::Count),
        ],
    )?;

    sheet.section("四、本年度软件采购情况", false)?;
    purchases(&mut sheet)?;

    sheet.section("五、累计拥有软件许可情况", false)?;
    holdings(&mut sheet)?;

    print_setup(sheet.ws(), Paper::Landscape, None)
}

/// A row of labels and the row of blanks under it.
fn fields(
    sheet: &mut Sheet,
    spans: &[(ColNum, ColNum)],
    labels: &[(&str, CellKind)],
) -> Result<(), XlsxError> {
    let head = style::head();
    let row = sheet.next_row(ROW + 4.0)?;
    for ((first, last), (label, _)) in spans.iter().zip(labels) {
        sheet.put(row, *first, *last, label, &head)?;
    }
    let row = sheet.next_row(ROW + 6.0)?;
    for ((first, last), (_, kind)) in spans.iter().zip(labels) {
        sheet.put(row, *first, *last, "", &style::cell(*kind, true))?;
    }
    Ok(())
}

/// Section 四: 许可数（个） and 金额（万元） under each software category.
fn purchases(sheet: &mut Sheet) -> Result<(), XlsxError> {
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
    for origin in ORIGINS {
        let row = sheet.next_row(ROW + 2.0)?;
        sheet.put(row, 0, 0, origin, &head)?;
        for index in 0..groups.len() {
            let col = 1 + 2 * index as ColNum;
            sheet.put(row, col, col, "", &count)?;
            sheet.put(row, col + 1, col + 1, "", &amount)?;
        }
    }
    Ok(())
}

/// Section 五: licences held, one count per category.
fn holdings(sheet: &mut Sheet) -> Result<(), XlsxError> {
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
    for origin in ORIGINS {
        let row = sheet.next_row(ROW + 2.0)?;
        sheet.put(row, 0, 0, origin, &head)?;
        for index in 0..groups.len() {
            let col = 1 + 2 * index as ColNum;
            sheet.put(row, col, col + 1, "", &count)?;
        }
    }
    Ok(())
}
