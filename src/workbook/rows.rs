//! What each row under a column header is: data, or something a clerk put between the data
//! (spacer, group label, subtotal, repeated header, an untouched template row) or after it
//! (notes, signatures). Each skipped row keeps its reason, so `inspect` can say why a row was
//! not read and a subtotal is never checked as a software.

use serde::Serialize;

use super::layout::HeaderMatch;
use super::{Cell, Sheet};
use crate::base::text::{is_not_applicable_normed, norm, norm_into, norm_is, with_short_norm};
use crate::schema::ColumnSpec;

/// The data rows under a header, and the rows between them that are not data.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DataRows {
    /// Rows holding data, in sheet order.
    pub rows: Vec<u32>,
    /// The last 共计 / 合计 / 总计 row (not a 小计), if the table has one.
    pub total: Option<u32>,
    /// The first row after the data (notes, approval and signature blocks start here).
    pub end: u32,
    /// Rows inside the table that are not data, in runs of one reason.
    pub skipped: Vec<SkippedRows>,
}

/// A run of rows skipped for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedRows {
    /// First row (0-based).
    pub first: u32,
    /// Last row (0-based, inclusive).
    pub last: u32,
    /// Why.
    pub why: RowKind,
    /// The text that told (a label, a note's first words), when one did.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// What a row that is not data is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// Nothing typed.
    Blank,
    /// A template row nothing was typed into (序号 and printed options only).
    Template,
    /// A 小计 row of a group.
    Subtotal,
    /// A 合计 / 共计 / 总计 row.
    Total,
    /// A label over a group of rows ("一、商业软件", "办公室").
    GroupLabel,
    /// The column header printed again (after a page break, or over each group).
    RepeatedHeader,
    /// Notes under the table ("注：…", "填表说明").
    Note,
    /// Signatures, approvals and header labels written under the table (审核人, 填表人：).
    Footer,
    /// The columns numbered (栏次: 1 | 2 | 3 …, as statistical forms print under their header).
    ColumnNumbers,
    /// A line continuing the row above it: its cells merged down from that row (a license
    /// batch over several lines of serial numbers), read as part of that row.
    Continuation,
}

impl RowKind {
    /// In a clerk's words.
    pub fn describe(self) -> &'static str {
        match self {
            RowKind::Blank => "空行",
            RowKind::Template => "未填写的模板行",
            RowKind::Subtotal => "小计行",
            RowKind::Total => "合计行",
            RowKind::GroupLabel => "分组标题行",
            RowKind::RepeatedHeader => "重复的表头",
            RowKind::Note => "注释",
            RowKind::Footer => "签名、审核或填表信息",
            RowKind::ColumnNumbers => "栏次行（各列的编号）",
            RowKind::Continuation => "上一行的续行（合并单元格），并入上一行",
        }
    }
}

/// Values a blank template row shows before anything is typed.
fn is_template_filler(cell: &Cell) -> bool {
    match cell {
        Cell::Empty => true,
        Cell::Text(s) => {
            s.trim().is_empty()
                || with_short_norm(s, |n| {
                    n.is_empty()
                        || is_not_applicable_normed(n)
                        || matches!(
                            n,
                            "□" | "☐"
                                | "□□□"
                                | "OEM软件"
                                | "商业软件"
                                | "免费软件"
                                | "操作系统"
                                | "办公软件"
                                | "杀毒软件"
                                | "其他软件"
                                | "组长"
                                | "副组长"
                                | "成员"
                                | "年月日"
                        )
                })
                .unwrap_or(false)
        }
        _ => false,
    }
}

/// Labels that start what follows a table: signatures and approvals, and the header labels
/// some offices write under it instead of above.
const FOOTER_WORDS: [&str; 6] = ["审核", "审批", "签名", "签字", "签章", "盖章"];
const FOOTER_LABELS: [&str; 17] = [
    "填表人",
    "填报人",
    "制表人",
    "制表",
    "经办人",
    "负责人",
    "联系人",
    "填表日期",
    "填报日期",
    "制表日期",
    "单位负责人",
    "分管领导",
    "主管领导",
    "单位领导",
    "部门负责人",
    "批准",
    "复核",
];

/// What the first typed text of a row says about the rest of the sheet: the start of notes,
/// or of a footer.
fn ends_table(text: &str, buf: &mut String) -> Option<RowKind> {
    norm_into(text, buf);
    let n = buf.as_str();
    if n.starts_with("注:")
        || n == "注"
        || n.starts_with("说明:")
        || n == "说明"
        || n.starts_with("填表说明")
        || n.starts_with("填报说明")
        || n.starts_with("填写说明")
        || n.starts_with("附注")
        || n.starts_with("备注:")
    {
        return Some(RowKind::Note);
    }
    if FOOTER_WORDS.iter().any(|w| n.contains(w)) {
        return Some(RowKind::Footer);
    }
    let labelled = FOOTER_LABELS.iter().any(|l| {
        n.strip_prefix(l)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(':'))
    });
    labelled.then_some(RowKind::Footer)
}

/// Whether text labels a total: 合计, 共计, 总计 or 小计, alone or with a short qualifier
/// ("商业软件小计", "合计（台）", "小计：3"). `Some(true)` for a 小计.
fn total_label(text: &str) -> Option<bool> {
    // A qualifier is short; a longer text mentioning 合计 is a note or a name. Every label
    // ends in 计: most text is settled by that alone.
    if text.len() > 48 {
        return None;
    }
    // A sheet made from an English template, or by a spreadsheet's own 汇总 command, says
    // Total or Subtotal, alone or with a word after.
    let latin = text.trim().to_ascii_lowercase();
    let latin = latin.trim_end_matches([':', '：']);
    if latin.starts_with("subtotal") {
        return Some(true);
    }
    if latin == "total" || latin == "grand total" || latin.starts_with("total ") {
        return Some(false);
    }
    if !text.contains('计') {
        return None;
    }
    let n = norm(text);
    let sub = n.contains("小计");
    let any = sub || ["合计", "共计", "总计"].iter().any(|w| n.contains(w));
    any.then_some(sub)
}

/// A label over a group of rows: numbered ("一、商业软件", "（二）OEM软件", "第三部分") or a
/// software type written alone.
fn is_group_label(text: &str) -> bool {
    let n = norm(text);
    let numbered = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        .iter()
        .any(|d| {
            n.starts_with(&format!("{d}、"))
                || n.starts_with(&format!("({d})"))
                || n.starts_with(&format!("第{d}"))
        });
    numbered || is_template_filler(&Cell::Text(text.to_string()))
}

/// The data rows between the header and `last_row`, each other row classified. Blank,
/// template, group-label, subtotal and repeated-header rows are skipped and the table goes
/// on; notes and signatures end it. Linear in the rows it walks.
pub fn data_rows(
    sheet: &Sheet,
    header: &HeaderMatch,
    specs: &[ColumnSpec],
    last_row: u32,
) -> DataRows {
    let mut out = DataRows::default();
    let last_row = last_row.min(sheet.height().saturating_sub(1));
    let value_cols: Vec<u32> = header
        .columns
        .iter()
        .filter(|(_, i)| specs[*i].key != "seq")
        .map(|(c, _)| *c)
        .collect();
    let lo = header.columns.iter().map(|(c, _)| *c).min().unwrap_or(0);
    let header_texts = header_texts(sheet, header);
    let mut buf = String::new();
    let mut r = header.last_row + 1;
    let skip = |out: &mut DataRows, r: u32, why: RowKind, text: &str| match out.skipped.last_mut() {
        Some(run) if run.why == why && run.last + 1 == r && text.is_empty() => run.last = r,
        _ => out.skipped.push(SkippedRows {
            first: r,
            last: r,
            why,
            text: short(text),
        }),
    };
    while r <= last_row {
        let cells = sheet.rows.get(r as usize).map(Vec::as_slice).unwrap_or(&[]);
        // The first typed cell, and whether it is the only one: what most rows need, found
        // without looking at every cell.
        let Some(at) = cells.iter().position(|c| !c.is_blank()) else {
            skip(&mut out, r, RowKind::Blank, "");
            r += 1;
            continue;
        };
        let first = &cells[at];
        let alone = !cells[at + 1..].iter().any(|c| !c.is_blank());
        if let Cell::Text(t) = first {
            if let Some(why) = ends_table(t, &mut buf) {
                let last_typed = (r..=last_row)
                    .rev()
                    .find(|&x| !sheet.row_is_blank(x))
                    .unwrap_or(r);
                out.skipped.push(SkippedRows {
                    first: r,
                    last: last_typed,
                    why,
                    text: short(t),
                });
                break;
            }
        }
        // A total's label sits in the first columns of the table, or is the only text.
        let reach = if alone {
            at + 1
        } else {
            (lo as usize + 4).min(cells.len())
        };
        let label = cells[at.min(reach)..reach]
            .iter()
            .find_map(|cell| match cell {
                Cell::Text(t) => total_label(t).map(|sub| (sub, t.as_str())),
                _ => None,
            });
        if let Some((sub, text)) = label {
            if !sub {
                out.total = Some(r);
            }
            skip(
                &mut out,
                r,
                if sub {
                    RowKind::Subtotal
                } else {
                    RowKind::Total
                },
                text,
            );
            r += 1;
            continue;
        }
        if numbers_columns(cells) {
            skip(&mut out, r, RowKind::ColumnNumbers, "");
            r += 1;
            continue;
        }
        if repeats_header(sheet, r, &header_texts) {
            skip(&mut out, r, RowKind::RepeatedHeader, "");
            r += 1;
            continue;
        }
        if let (true, Cell::Text(t)) = (alone, first) {
            let c = at as u32;
            let wide = sheet
                .merge_at(r, c)
                .is_some_and(|m| m.last_col >= m.first_col + 2);
            // Text alone outside the value columns (in 序号's column, or beside the table)
            // cannot be a value of the row.
            let outside = !value_cols.contains(&c) && t.trim().parse::<f64>().is_err();
            if wide || outside || is_group_label(t) {
                skip(&mut out, r, RowKind::GroupLabel, t);
                r += 1;
                continue;
            }
        }
        let untouched = value_cols
            .iter()
            .all(|c| is_template_filler(sheet.get(r, *c)));
        if untouched {
            skip(&mut out, r, RowKind::Template, "");
        } else {
            out.rows.push(r);
        }
        r += 1;
    }
    out.end = r;
    out
}

/// Whether a row numbers the columns: its typed cells, left to right, are 1, 2, 3 … (at
/// least four; a leading "栏次" or "甲/乙" label aside). No ledger row counts up across its
/// columns.
fn numbers_columns(cells: &[Cell]) -> bool {
    let mut expect: Option<f64> = None;
    let mut count = 0;
    for cell in cells.iter().filter(|c| !c.is_blank()) {
        let n = match cell {
            Cell::Number(n) => Some(*n),
            Cell::Text(t) => t
                .trim()
                .trim_matches(|c| matches!(c, '(' | ')' | '（' | '）'))
                .parse::<f64>()
                .ok(),
            _ => None,
        };
        match (n, expect) {
            (Some(1.0), None) => expect = Some(2.0),
            (Some(n), Some(e)) if n == e => expect = Some(e + 1.0),
            (None, None) if count == 0 => {
                count += 1;
                continue;
            }
            _ => return false,
        }
        count += 1;
    }
    expect.is_some_and(|e| e > 4.0)
}

/// The header's texts by column (normalised; sub-header text where it has one).
fn header_texts(sheet: &Sheet, header: &HeaderMatch) -> Vec<(u32, String)> {
    header
        .columns
        .iter()
        .map(|&(c, _)| {
            let at = if header.sub_cols.contains(&c) {
                header.last_row
            } else {
                header.first_row
            };
            (c, norm(&sheet.shown(at, c).shown()))
        })
        .filter(|(_, t)| !t.is_empty())
        .collect()
}

/// Whether row `r` prints the column header again: most header columns show their header.
fn repeats_header(sheet: &Sheet, r: u32, texts: &[(u32, String)]) -> bool {
    if texts.len() < 2 {
        return false;
    }
    let same = |(c, t): &(u32, String)| match sheet.get(r, *c) {
        Cell::Text(s) => norm_is(s, t),
        _ => false,
    };
    // A header printed again repeats its first columns: a data row is settled by them.
    if !texts.iter().take(2).any(same) {
        return false;
    }
    texts.iter().filter(|t| same(t)).count() * 2 > texts.len()
}

/// The first words of a label or note, for a reader of `inspect`.
fn short(text: &str) -> String {
    let t = text.trim();
    match t.char_indices().nth(24) {
        Some((at, _)) => format!("{}…", &t[..at]),
        None => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::SUMMARY_COLUMNS;
    use crate::workbook::layout::match_header_row;

    fn sheet(rows: Vec<Vec<&str>>) -> Sheet {
        crate::workbook::text_sheet("S", &rows)
    }

    #[test]
    fn template_rows_and_footer_are_not_data() {
        let s = sheet(vec![
            vec![
                "序号",
                "软件编号",
                "软件名称",
                "软件类型",
                "许可数量",
                "安装数量",
            ],
            vec!["1", "", "", "商业软件", "", ""],
            vec!["2", "RJ001", "WPS", "商业软件", "10", "8"],
            vec!["", "", "", "", "", ""],
            vec!["3", "", "", "OEM软件", "—", ""],
            vec!["4", "RJ002", "UOS", "OEM软件", "—", "3"],
            vec!["合计", "", "", "", "", "11"],
            vec!["审核人：", "", "", "", "", ""],
        ]);
        let m = match_header_row(&s, 0, 1, SUMMARY_COLUMNS).unwrap();
        let d = data_rows(&s, &m, SUMMARY_COLUMNS, 7);
        assert_eq!(d.rows, vec![2, 5]);
        assert_eq!(d.total, Some(6));
        assert_eq!(d.end, 7);
        let kinds: Vec<(u32, u32, RowKind)> =
            d.skipped.iter().map(|s| (s.first, s.last, s.why)).collect();
        assert_eq!(
            kinds,
            vec![
                (1, 1, RowKind::Template),
                (3, 3, RowKind::Blank),
                (4, 4, RowKind::Template),
                (6, 6, RowKind::Total),
                (7, 7, RowKind::Footer),
            ]
        );
    }

    #[test]
    fn subtotals_labels_and_repeated_headers_do_not_end_the_table() {
        let s = sheet(vec![
            vec!["序号", "软件编号", "软件名称", "软件类型", "安装数量"],
            vec!["一、商业软件"],
            vec!["1", "RJ001", "WPS", "商业软件", "8"],
            vec!["商业软件小计", "", "", "", "8"],
            vec![""],
            vec!["序号", "软件编号", "软件名称", "软件类型", "安装数量"],
            vec!["", "（二）OEM软件"],
            vec!["2", "RJ002", "UOS", "OEM软件", "3"],
            vec!["小 计", "", "", "", "3"],
            vec!["合  计", "", "", "", "11"],
            vec!["注：1. 本表按软件类型分组填写；"],
            vec!["2. 安装数量以明细表为准。"],
        ]);
        let m = match_header_row(&s, 0, 1, SUMMARY_COLUMNS).unwrap();
        let d = data_rows(&s, &m, SUMMARY_COLUMNS, 11);
        assert_eq!(d.rows, vec![2, 7]);
        assert_eq!(d.total, Some(9));
        let kinds: Vec<(u32, RowKind)> = d.skipped.iter().map(|s| (s.first, s.why)).collect();
        assert_eq!(
            kinds,
            vec![
                (1, RowKind::GroupLabel),
                (3, RowKind::Subtotal),
                (4, RowKind::Blank),
                (5, RowKind::RepeatedHeader),
                (6, RowKind::GroupLabel),
                (8, RowKind::Subtotal),
                (9, RowKind::Total),
                (10, RowKind::Note),
            ]
        );
        assert_eq!(d.skipped.last().map(|s| s.last), Some(11));
    }

    #[test]
    fn column_numbers_and_english_totals_are_not_data() {
        let s = sheet(vec![
            vec!["序号", "软件编号", "软件名称", "软件类型", "安装数量"],
            vec!["栏次", "1", "2", "3", "4"],
            vec!["1", "RJ001", "WPS", "商业软件", "8"],
            vec!["2", "RJ002", "UOS", "OEM软件", "3"],
            vec!["Subtotal", "", "", "", "11"],
            vec!["Total", "", "", "", "11"],
        ]);
        let m = match_header_row(&s, 0, 1, SUMMARY_COLUMNS).unwrap();
        let d = data_rows(&s, &m, SUMMARY_COLUMNS, 5);
        assert_eq!(d.rows, vec![2, 3]);
        let kinds: Vec<(u32, RowKind)> = d.skipped.iter().map(|s| (s.first, s.why)).collect();
        assert_eq!(
            kinds,
            vec![
                (1, RowKind::ColumnNumbers),
                (4, RowKind::Subtotal),
                (5, RowKind::Total)
            ]
        );
        // Three numbers in a row count up by chance: no column numbering.
        let three = [Cell::Number(1.0), Cell::Number(2.0), Cell::Number(3.0)];
        assert!(!numbers_columns(&three));
    }
}
