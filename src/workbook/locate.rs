//! Finding the official tables in a workbook by their titles and header text — never by
//! sheet name, sheet order or fixed positions, because every office arranges them its own way.

use crate::schema::{ColumnSpec, TableKind};

use super::layout::match_header_row;
use super::text::norm;
use super::{Cell, Sheet};

/// A table found in a sheet: its kind and the rows it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// Which official table.
    pub kind: TableKind,
    /// Index of the sheet in the workbook.
    pub sheet: usize,
    /// The title cell (row, col), when the table has a title.
    pub title: Option<(u32, u32)>,
    /// The title text as typed (holds the year of a statistics table).
    pub title_text: String,
    /// First row of the table (the title row, or the header row without a title).
    pub first_row: u32,
    /// Last row that belongs to the table (inclusive).
    pub last_row: u32,
}

/// Titles may carry a prefix (附件7, 表5) and a suffix (（2024年度）) but are short; longer
/// text mentioning a title is prose ("填写《软件使用情况汇总表》").
const TITLE_SLACK_CHARS: usize = 16;

/// The table kind whose title the text is, if it is one.
pub fn title_kind(text: &str) -> Option<TableKind> {
    let n = norm(text);
    if n.is_empty() || n.contains('《') || n.contains('》') || n.contains("填写") {
        return None;
    }
    let mut best: Option<(usize, TableKind)> = None;
    for kind in TableKind::RECOGNISED {
        for title in std::iter::once(kind.title()).chain(kind.title_aliases().iter().copied()) {
            let t = norm(title);
            if n.contains(&t)
                && n.chars().count() <= t.chars().count() + TITLE_SLACK_CHARS
                && best.is_none_or(|(len, _)| t.len() > len)
            {
                best = Some((t.len(), kind));
            }
        }
    }
    best.map(|(_, k)| k)
}

/// Every table in the sheet at `index`, in reading order.
pub fn locate(sheet: &Sheet, index: usize) -> Vec<Located> {
    let mut titles: Vec<(u32, u32, TableKind, String)> = Vec::new();
    for (r, row) in sheet.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let Cell::Text(s) = cell {
                if let Some(kind) = title_kind(s) {
                    // A title is the first such cell of its row; a second hit in the same row
                    // is a caption repeating it.
                    if titles.last().is_none_or(|t| t.0 != r as u32) {
                        titles.push((r as u32, c as u32, kind, s.clone()));
                    }
                }
            }
        }
    }
    if titles.is_empty() {
        return untitled(sheet, index).into_iter().collect();
    }
    let last_row = sheet.height().saturating_sub(1);
    titles
        .iter()
        .enumerate()
        .map(|(i, (r, c, kind, text))| Located {
            kind: *kind,
            sheet: index,
            title: Some((*r, *c)),
            title_text: text.clone(),
            first_row: *r,
            last_row: titles
                .get(i + 1)
                .map(|next| next.0.saturating_sub(1))
                .unwrap_or(last_row)
                .max(*r),
        })
        .collect()
}

/// List tables whose header row is distinctive enough to be recognised without a title
/// (clerks sometimes delete the title row).
const UNTITLED_KINDS: [TableKind; 4] = [
    TableKind::Usage,
    TableKind::Maintenance,
    TableKind::Summary,
    TableKind::FreeList,
];

fn untitled(sheet: &Sheet, index: usize) -> Option<Located> {
    let scan = sheet.height().min(40);
    let mut best: Option<(usize, u32, TableKind)> = None;
    for row in 0..scan {
        for kind in UNTITLED_KINDS {
            let specs: &[ColumnSpec] = kind.columns();
            let Some(m) = match_header_row(sheet, row, scan.min(row + 2), specs) else {
                continue;
            };
            let required_ok = m.missing.is_empty();
            let score = m.columns.len();
            if required_ok && score >= 4 && best.is_none_or(|(s, _, _)| score > s) {
                best = Some((score, row, kind));
            }
        }
    }
    let (_, row, kind) = best?;
    Some(Located {
        kind,
        sheet: index,
        title: None,
        title_text: String::new(),
        first_row: row,
        last_row: sheet.height().saturating_sub(1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_with_prefixes_and_years() {
        assert_eq!(title_kind("软件使用情况汇总表"), Some(TableKind::Summary));
        assert_eq!(
            title_kind("附件7 软件使用情况汇总表"),
            Some(TableKind::Summary)
        );
        assert_eq!(
            title_kind("表6\n软件使用情况明细表"),
            Some(TableKind::Usage)
        );
        assert_eq!(
            title_kind("软件正版化工作信息统计表（2024年度）"),
            Some(TableKind::Statistics)
        );
        assert_eq!(
            title_kind("软件安装维护情况明细表"),
            Some(TableKind::Maintenance)
        );
        assert_eq!(title_kind("可使用免费软件清单"), Some(TableKind::FreeList));
    }

    #[test]
    fn prose_is_not_a_title() {
        assert_eq!(title_kind("填写《软件使用情况汇总表》（附件7）"), None);
        assert_eq!(
            title_kind(
                "信息化部门相关人员每半年根据软件安装维护情况明细表更新软件使用情况汇总表和明细表"
            ),
            None
        );
        assert_eq!(title_kind("软件编号"), None);
    }
}
