//! The 软件正版化工作信息统计表 of the report year, written where it belongs (derive.md 2):
//! into the unit's table of that year when it has one (only blank cells; a different typed
//! figure is reported), else as a table added from our template, titled with the year and
//! dated with the check date.

use chrono::Datelike;

use crate::base::CellRef;
use crate::edit::{Addr, Value};
use crate::ledger::statistics::{Measure, StatColumn, StatRow, Statistics};
use crate::ledger::values::{Field, Parsed};
use crate::schema::TableKind;

use super::blank::{blank, BlankError};
use super::layout::unique_name;
use super::plan::{Mark, NewSheet};
use super::{Ctx, Typed, NOTE};
use crate::rules::facts::statistics::DerivedStatistics;

/// One figure to write: where, what the table holds there, the value, its name.
struct Figure {
    cell: Option<CellRef>,
    typed: Typed,
    value: Value,
    what: String,
}

fn row_name(r: StatRow) -> &'static str {
    match r {
        StatRow::Domestic => "国内",
        StatRow::Foreign => "国外",
        StatRow::Total => "合计",
    }
}

fn column_name(c: StatColumn) -> &'static str {
    match c {
        StatColumn::Os => "操作系统软件",
        StatColumn::Office => "办公软件",
        StatColumn::Antivirus => "杀毒软件",
        StatColumn::Total => "总计",
    }
}

fn scalar_typed(f: &Field<i64>, want: i64) -> Typed {
    match &f.parsed {
        Parsed::Empty => Typed::Blank,
        Parsed::NotApplicable if want == 0 => Typed::Same,
        Parsed::Value(v) if *v == want => Typed::Same,
        _ => Typed::Other(f.raw.clone()),
    }
}

/// Amounts agree to the decimals the clerk typed (at least two), as ZB414 compares them.
fn figure_typed(f: &Field<f64>, want: f64, measure: Measure) -> Typed {
    let tolerance = match measure {
        Measure::Licenses => 0.5,
        Measure::Amount => {
            let decimals = f
                .raw
                .split_once('.')
                .map_or(0, |(_, d)| d.len())
                .clamp(2, 4);
            0.5 * 10f64.powi(-(decimals as i32)) + 1e-9
        }
    };
    match &f.parsed {
        Parsed::Empty => Typed::Blank,
        Parsed::NotApplicable if want.abs() <= tolerance => Typed::Same,
        Parsed::Value(v) if (v - want).abs() <= tolerance => Typed::Same,
        _ => Typed::Other(f.raw.clone()),
    }
}

fn figures(stats: &Statistics, d: &DerivedStatistics) -> Vec<Figure> {
    let mut out = Vec::new();
    let y = d.year;
    for (label, field, want) in [
        ("二、人员情况 总人数", &stats.people_total, d.people_total),
        (
            "二、人员情况 使用计算机人数",
            &stats.people_using,
            d.people_using,
        ),
        ("三、计算机情况 服务器数", &stats.servers, d.servers),
        ("三、计算机情况 台式机数", &stats.desktops, d.desktops),
        ("三、计算机情况 便携机数", &stats.laptops, d.laptops),
        (
            "三、计算机情况 合计",
            &stats.computers_total,
            d.computers_total,
        ),
    ] {
        let Some(want) = want else { continue };
        out.push(Figure {
            cell: field.cell.clone(),
            typed: scalar_typed(field, want),
            value: Value::Number(want as f64),
            what: format!("信息统计表（{y}年度）{label}"),
        });
    }
    for (section, figures) in [("四", &stats.purchases), ("五", &stats.holdings)] {
        for f in figures {
            let want = if section == "四" {
                d.purchase(f.row, f.column, f.measure)
            } else {
                d.holding(f.row, f.column)
            };
            let measure = match f.measure {
                Measure::Licenses => "许可数",
                Measure::Amount => "金额（万元）",
            };
            out.push(Figure {
                cell: f.value.cell.clone(),
                typed: figure_typed(&f.value, want, f.measure),
                value: Value::Number(want),
                what: format!(
                    "信息统计表（{y}年度）{section} {} {} {measure}",
                    row_name(f.row),
                    column_name(f.column)
                ),
            });
        }
    }
    out
}

/// Fill the unit's statistics table of the year, or add one.
pub(crate) fn fill(ctx: &mut Ctx) -> Result<(), BlankError> {
    let year = ctx.opts.year;
    let as_of_year = ctx.opts.as_of.year();
    let unit = ctx.unit;
    let derived = ctx.plan.statistics.clone();
    if !derived.unclassified.is_empty() {
        ctx.plan.skipped.push(format!(
            "{} 不在内置软件分类目录中，统计表中未计入操作系统、办公、杀毒软件（请在“软件分类”表中填写类别）",
            derived.unclassified.join("、")
        ));
    }
    let own = unit
        .statistics
        .iter()
        .find(|s| s.year == Some(year))
        .or_else(|| {
            unit.statistics
                .iter()
                .find(|s| s.year.is_none() && year == as_of_year)
        });
    if let Some(stats) = own {
        for f in figures(stats, &derived) {
            let Some(cell) = f.cell else { continue };
            ctx.propose(
                &cell,
                f.typed,
                f.value,
                &f.what,
                "按汇总表推算（derive.md：统计表二至五）",
                crate::rules::known::STATISTICS,
            );
        }
        return Ok(());
    }
    let Some(file) = ctx.file_for(TableKind::Statistics) else {
        return Ok(());
    };
    let b = blank(TableKind::Statistics)?;
    let template = &b.unit.statistics[0];
    let mut cells: Vec<(Addr, Value, Mark)> = Vec::new();
    let at = |c: &CellRef| Addr::new(c.row, c.col);
    let title = template
        .meta
        .title
        .clone()
        .expect("the template has a title");
    cells.push((
        at(&title),
        Value::Text(format!("{}（{year}年度）", TableKind::Statistics.title())),
        Mark::Plain,
    ));
    if let (Some(label), true) = (ctx.layout.annex_label(TableKind::Statistics), title.row > 0) {
        cells.push((Addr::new(title.row - 1, 0), Value::Text(label), Mark::Plain));
    }
    let mut to_fill: Vec<Addr> = Vec::new();
    ctx.header_block(&template.header, &mut cells, &mut to_fill);
    for f in figures(template, &derived) {
        if let Some(c) = f.cell {
            cells.push((at(&c), f.value, Mark::Derived));
        }
    }
    to_fill.extend(
        [
            &template.department,
            &template.head_name,
            &template.head_phone,
            &template.fax,
        ]
        .iter()
        .filter_map(|f| f.cell.as_ref().map(at)),
    );
    let taken = ctx.taken_names(&file);
    let base = ctx.layout.sheet_name(TableKind::Statistics);
    let name = if taken.iter().any(|t| t == &base) {
        unique_name(&format!("{base}（{year}年度）"), &taken)
    } else {
        unique_name(&base, &taken)
    };
    ctx.plan.file_mut(&file).sheets.push(NewSheet {
        name,
        kind: TableKind::Statistics,
        grow: None,
        cells,
        to_fill,
        note: (
            at(&title),
            format!(
                "{NOTE}：{year} 年度的统计数按汇总表推算（绿色）；一、负责软件正版化工作部门情况（黄色）请填写"
            ),
        ),
        what: format!("软件正版化工作信息统计表（{year}年度）"),
    });
    Ok(())
}
