//! 软件正版化工作信息统计表: the annual figures a unit reports, read so that `check` can
//! compare them with what the ledgers say.

use std::sync::{Arc, OnceLock};

use regex::Regex;
use serde::Serialize;

use crate::base::text::norm;
use crate::base::CellRef;
use crate::schema::{TableKind, STANDARD_HEADER};
use crate::workbook::locate::Located;
use crate::workbook::{Cell, Sheet};

use super::table::{meta_of, HeaderBlock, InvalidValue, ValueType};
use super::values::{self, Field, Parsed};

/// Software category of the statistics table.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// 操作系统.
    Os,
    /// 办公软件.
    Office,
    /// 杀毒软件.
    Antivirus,
    /// 其他 (not counted in the statistics table).
    Other,
}

impl Category {
    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Category::Os => "操作系统",
            Category::Office => "办公软件",
            Category::Antivirus => "杀毒软件",
            Category::Other => "其他",
        }
    }
}

/// 国内 / 国外.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// 国内.
    Domestic,
    /// 国外.
    Foreign,
}

/// A row of sections 四 and 五: 国内, 国外 or 合计.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatRow {
    /// 国内.
    Domestic,
    /// 国外.
    Foreign,
    /// 合计.
    Total,
}

/// A column group of sections 四 and 五.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatColumn {
    /// 操作系统软件.
    Os,
    /// 办公软件.
    Office,
    /// 杀毒软件.
    Antivirus,
    /// 总计.
    Total,
}

/// 许可数（个） or 金额（万元）.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// 许可数（个）.
    Licenses,
    /// 金额（万元）.
    Amount,
}

/// One figure of sections 四 or 五.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// 国内 / 国外 / 合计.
    pub row: StatRow,
    /// The column group.
    pub column: StatColumn,
    /// Licenses or amount.
    pub measure: Measure,
    /// The value as typed.
    pub value: Field<f64>,
}

/// The statistics table.
#[derive(Debug, Clone, PartialEq)]
pub struct Statistics {
    /// Where it was found.
    pub meta: TableMeta,
    /// 单位名称, 填表人 ….
    pub header: HeaderBlock,
    /// The year the table reports, from its title or 填表日期.
    pub year: Option<i32>,
    /// 一: 部门名称.
    pub department: Field<String>,
    /// 一: 部门负责人姓名.
    pub head_name: Field<String>,
    /// 一: 部门负责人电话.
    pub head_phone: Field<String>,
    /// 一: 部门传真.
    pub fax: Field<String>,
    /// 二: 总人数.
    pub people_total: Field<i64>,
    /// 二: 使用计算机人数.
    pub people_using: Field<i64>,
    /// 三: 服务器数.
    pub servers: Field<i64>,
    /// 三: 台式机数.
    pub desktops: Field<i64>,
    /// 三: 便携机数.
    pub laptops: Field<i64>,
    /// 三: 合计.
    pub computers_total: Field<i64>,
    /// 四: this year's purchases.
    pub purchases: Vec<Figure>,
    /// 五: licenses held.
    pub holdings: Vec<Figure>,
}

use super::table::TableMeta;

impl Statistics {
    /// The figure at (section, row, column, measure).
    pub fn figure(
        figures: &[Figure],
        row: StatRow,
        column: StatColumn,
        measure: Measure,
    ) -> Option<&Figure> {
        figures
            .iter()
            .find(|f| f.row == row && f.column == column && f.measure == measure)
    }
}

fn section_of(text: &str) -> Option<u8> {
    let n = norm(text);
    ["一、", "二、", "三、", "四、", "五、"]
        .iter()
        .position(|p| n.starts_with(p))
        .map(|i| i as u8 + 1)
}

fn text_at(sheet: &Sheet, r: u32, c: u32) -> String {
    match sheet.shown(r, c) {
        Cell::Text(s) => norm(s),
        _ => String::new(),
    }
}

/// Parse a located statistics table.
pub fn parse(
    sheet: &Sheet,
    file: &Arc<str>,
    loc: &Located,
    invalid: &mut Vec<InvalidValue>,
) -> Statistics {
    let width = sheet.width();
    let last = loc.last_row.min(sheet.height().saturating_sub(1));
    // Row where each section (一 … 五) starts.
    let mut sections: Vec<(u8, u32)> = Vec::new();
    for r in loc.first_row..=last {
        if let Some(s) = (0..width).find_map(|c| match sheet.get(r, c) {
            Cell::Text(t) => section_of(t),
            _ => None,
        }) {
            sections.push((s, r));
        }
    }
    let section_rows = |n: u8| -> Option<(u32, u32)> {
        let i = sections.iter().position(|(s, _)| *s == n)?;
        let start = sections[i].1;
        let end = sections.get(i + 1).map(|(_, r)| r - 1).unwrap_or(last);
        Some((start, end))
    };
    let title_row = loc.title.map(|t| t.0 + 1).unwrap_or(loc.first_row);
    let block_end = sections.first().map(|(_, r)| *r).unwrap_or(title_row + 2);
    let header = HeaderBlock::read(
        sheet,
        file,
        title_row..block_end,
        STANDARD_HEADER,
        TableKind::Statistics,
        invalid,
    );

    let mut ctx = Ctx {
        sheet,
        file,
        invalid,
    };
    let s1 = section_rows(1);
    let s2 = section_rows(2);
    let s3 = section_rows(3);
    let stats = Statistics {
        meta: meta_of(sheet, file, loc, None, &[]),
        year: year_of(&loc.title_text).or_else(|| {
            header
                .filled_on
                .as_ref()
                .and_then(|f| f.value())
                .map(|d| values::year_of(*d))
        }),
        department: ctx.below(s1, &["部门名称", "单位名称", "名称"], values::text, None),
        head_name: ctx.below(
            s1,
            &["部门负责人姓名", "单位负责人姓名", "负责人姓名", "负责人"],
            values::text,
            None,
        ),
        head_phone: ctx.below(
            s1,
            &["部门负责人电话", "单位负责人电话", "负责人电话", "电话"],
            values::text,
            None,
        ),
        fax: ctx.below(s1, &["部门传真", "单位传真", "传真"], values::text, None),
        people_total: ctx.below(s2, &["总人数"], values::count, Some("总人数")),
        people_using: ctx.below(
            s2,
            &["使用计算机人数"],
            values::count,
            Some("使用计算机人数"),
        ),
        servers: ctx.below(s3, &["服务器数"], values::count, Some("服务器数")),
        desktops: ctx.below(s3, &["台式机数"], values::count, Some("台式机数")),
        laptops: ctx.below(
            s3,
            &["便携机数", "便携式数", "笔记本数"],
            values::count,
            Some("便携机数"),
        ),
        computers_total: ctx.below(s3, &["合计"], values::count, Some("计算机合计")),
        purchases: ctx.grid(section_rows(4), true),
        holdings: ctx.grid(section_rows(5), false),
        header,
    };
    stats
}

/// The year a statistics title states ("（2024年度）").
pub fn year_of(title: &str) -> Option<i32> {
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let re = YEAR.get_or_init(|| Regex::new(r"(20\d{2}|19\d{2})\s*年").expect("valid regex"));
    re.captures(title).and_then(|c| c[1].parse().ok())
}

/// Every label of sections 一 to 三.
const LABELS: [&str; 18] = [
    "部门名称",
    "单位名称",
    "名称",
    "部门负责人姓名",
    "单位负责人姓名",
    "负责人姓名",
    "部门负责人电话",
    "单位负责人电话",
    "负责人电话",
    "部门传真",
    "单位传真",
    "传真",
    "总人数",
    "使用计算机人数",
    "服务器数",
    "台式机数",
    "便携机数",
    "合计",
];

fn is_label(text: &str) -> bool {
    let n = norm(text);
    let n = n.trim_end_matches([':', '：']);
    LABELS.contains(&n) || n == "便携式数"
}

struct Ctx<'a> {
    sheet: &'a Sheet,
    file: &'a Arc<str>,
    invalid: &'a mut Vec<InvalidValue>,
}

impl Ctx<'_> {
    /// The value under (or, failing that, beside) the first cell whose text is one of `labels`.
    fn below<T>(
        &mut self,
        rows: Option<(u32, u32)>,
        labels: &[&str],
        parse: fn(&Cell) -> Parsed<T>,
        record_as: Option<&str>,
    ) -> Field<T> {
        let Some((from, to)) = rows else {
            return Field::absent();
        };
        let sheet = self.sheet;
        let found = (from..=to).find_map(|r| {
            (0..sheet.width()).find_map(|c| {
                let t = text_at(sheet, r, c);
                let t = t.trim_end_matches([':', '：']);
                labels
                    .iter()
                    .any(|l| norm(l) == t || crate::base::text::norm_no_parens(t) == norm(l))
                    .then_some((r, c))
            })
        });
        let Some((r, c)) = found else {
            return Field::absent();
        };
        // Skip the rest of a merged label cell.
        let (r_end, c_end) = sheet
            .merge_at(r, c)
            .map(|m| (m.last_row, m.last_col))
            .unwrap_or((r, c));
        let below = (r_end + 1, c);
        let right = (r, c_end + 1);
        // Published layout: a row of labels with the values underneath. Some offices write
        // "label | value" pairs instead; the right cell is a value unless it is a label.
        let right_is_value = match sheet.get(right.0, right.1) {
            Cell::Empty => false,
            Cell::Text(t) => !is_label(t),
            _ => true,
        };
        let pick = if sheet.get(below.0, below.1).is_blank() && right_is_value {
            right
        } else {
            below
        };
        let f = Field::read(
            sheet.get(pick.0, pick.1),
            Some(CellRef::new(self.file, &sheet.name, pick.0, pick.1)),
            parse,
        );
        if let (Some(header), true) = (record_as, f.is_invalid()) {
            self.invalid.push(InvalidValue {
                table: TableKind::Statistics,
                column: "figure",
                header: header.to_string(),
                expected: ValueType::Count,
                raw: f.raw.clone(),
                cell: f.cell.clone().expect("read with a cell"),
            });
        }
        f
    }

    /// Sections 四 and 五: rows 国内 / 国外 / 合计 under column groups.
    fn grid(&mut self, rows: Option<(u32, u32)>, with_amounts: bool) -> Vec<Figure> {
        let Some((from, to)) = rows else {
            return Vec::new();
        };
        let sheet = self.sheet;
        let width = sheet.width();
        let mut origin_rows: Vec<(StatRow, u32, u32)> = Vec::new();
        for r in from..=to {
            for c in 0..width {
                let t = text_at(sheet, r, c);
                let row = match t.as_str() {
                    "国内" => Some(StatRow::Domestic),
                    "国外" => Some(StatRow::Foreign),
                    "合计" => Some(StatRow::Total),
                    _ => None,
                };
                if let Some(row) = row {
                    origin_rows.push((row, r, c));
                    break;
                }
            }
        }
        let Some(first_data) = origin_rows.iter().map(|o| o.1).min() else {
            return Vec::new();
        };
        let label_col = origin_rows[0].2;
        // Column → (group, measure), from the header rows between the section title and 国内.
        let mut columns: Vec<(u32, StatColumn, Measure)> = Vec::new();
        let mut carried: Option<StatColumn> = None;
        for c in label_col + 1..width {
            let mut group = None;
            let mut measure = None;
            for r in from + 1..first_data {
                let t = text_at(sheet, r, c);
                if t.contains("操作系统") {
                    group = Some(StatColumn::Os);
                } else if t.contains("办公") {
                    group = Some(StatColumn::Office);
                } else if t.contains("杀毒") {
                    group = Some(StatColumn::Antivirus);
                } else if t.contains("总计") {
                    group = Some(StatColumn::Total);
                }
                if t.contains("金额") {
                    measure = Some(Measure::Amount);
                } else if t.contains("许可数") || (group.is_some() && !with_amounts) {
                    measure = measure.or(Some(Measure::Licenses));
                }
            }
            let group = group.or(carried);
            carried = group;
            let measure = measure.or((!with_amounts).then_some(Measure::Licenses));
            if let (Some(g), Some(m)) = (group, measure) {
                if !columns.iter().any(|(_, g2, m2)| *g2 == g && *m2 == m) {
                    columns.push((c, g, m));
                }
            }
        }
        let mut out = Vec::new();
        for (row, r, _) in origin_rows {
            for (c, column, measure) in &columns {
                let parse: fn(&Cell) -> Parsed<f64> = match measure {
                    Measure::Amount => values::money_wan,
                    Measure::Licenses => |cell| values::count(cell).map_value(|v| v as f64),
                };
                let cell = sheet.get(r, *c);
                let value = Field::read(
                    cell,
                    Some(CellRef::new(self.file, &sheet.name, r, *c)),
                    parse,
                );
                if value.is_invalid() {
                    self.invalid.push(InvalidValue {
                        table: TableKind::Statistics,
                        column: "figure",
                        header: "统计数".into(),
                        expected: if *measure == Measure::Amount {
                            ValueType::Money
                        } else {
                            ValueType::Count
                        },
                        raw: value.raw.clone(),
                        cell: value.cell.clone().expect("read with a cell"),
                    });
                }
                out.push(Figure {
                    row,
                    column: *column,
                    measure: *measure,
                    value,
                });
            }
        }
        out
    }
}
