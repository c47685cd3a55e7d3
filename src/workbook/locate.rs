//! Finding the official tables in a workbook by their titles and header text — never by
//! sheet name, sheet order or fixed positions, because every office arranges them its own way.

use crate::schema::{ColumnSpec, TableKind};

use super::layout::{match_header_row_in, HeaderForms};
use super::{Cell, Sheet};
use crate::base::text::{fold_char, norm, norm_into};

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

/// Every published title and alias, normalised once.
struct Titles {
    /// (normalised form, its length in characters, kind).
    forms: Vec<(String, usize, TableKind)>,
    /// The longest form, in characters: longer text cannot be a title.
    max_chars: usize,
    /// The shortest form, in bytes: normalising never lengthens text, so shorter text cannot
    /// hold a title.
    min_bytes: usize,
    /// Characters every form contains and normalising leaves alone: text lacking any of
    /// them cannot hold a title (today: 软, 件).
    common: Vec<char>,
}

static TITLES: std::sync::LazyLock<Titles> = std::sync::LazyLock::new(|| {
    let forms: Vec<(String, usize, TableKind)> = TableKind::RECOGNISED
        .iter()
        .flat_map(|&kind| {
            std::iter::once(kind.title())
                .chain(kind.title_aliases().iter().copied())
                .map(move |t| {
                    let n = norm(t);
                    let chars = n.chars().count();
                    (n, chars, kind)
                })
        })
        .collect();
    let max_chars = forms.iter().map(|f| f.1).max().unwrap_or(0);
    let min_bytes = forms.iter().map(|f| f.0.len()).min().unwrap_or(0);
    let common = forms
        .first()
        .map(|f| f.0.chars().collect::<Vec<char>>())
        .unwrap_or_default()
        .into_iter()
        .filter(|&c| {
            !c.is_whitespace()
                && fold_char(c) == c
                && !c.is_ascii()
                && forms.iter().all(|f| f.0.contains(c))
        })
        .collect();
    Titles {
        forms,
        max_chars,
        min_bytes,
        common,
    }
});

/// The table kind whose title the text is, if it is one.
pub fn title_kind(text: &str) -> Option<TableKind> {
    title_kind_in(text, &mut String::new())
}

/// [`title_kind`] normalising into `buf` (reused across the cells of a sheet).
fn title_kind_in(text: &str, buf: &mut String) -> Option<TableKind> {
    let titles = &*TITLES;
    if text.len() < titles.min_bytes || !titles.common.iter().all(|&c| text.contains(c)) {
        return None;
    }
    norm_into(text, buf);
    let n = buf.as_str();
    if n.is_empty() || n.contains('《') || n.contains('》') || n.contains("填写") {
        return None;
    }
    let n_chars = n.chars().count();
    if n_chars > titles.max_chars + TITLE_SLACK_CHARS {
        return None;
    }
    let mut best: Option<(usize, TableKind)> = None;
    for (t, t_chars, kind) in &titles.forms {
        if n_chars <= t_chars + TITLE_SLACK_CHARS
            && best.is_none_or(|(len, _)| t.len() > len)
            && n.contains(t.as_str())
        {
            best = Some((t.len(), *kind));
        }
    }
    best.map(|(_, k)| k)
}

/// Every table in the sheet at `index`, in reading order.
pub fn locate(sheet: &Sheet, index: usize) -> Vec<Located> {
    let mut titles: Vec<(u32, u32, TableKind, String)> = Vec::new();
    let mut buf = String::new();
    for (r, row) in sheet.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let Cell::Text(s) = cell {
                if let Some(kind) = title_kind_in(s, &mut buf) {
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
    let width = sheet.width();
    let forms: Vec<HeaderForms> = UNTITLED_KINDS
        .iter()
        .map(|k| HeaderForms::of(k.columns()))
        .collect();
    let mut best: Option<(usize, u32, TableKind)> = None;
    for row in 0..scan {
        for (kind, forms) in UNTITLED_KINDS.into_iter().zip(&forms) {
            let specs: &[ColumnSpec] = kind.columns();
            let Some(m) = match_header_row_in(sheet, width, row, scan.min(row + 2), specs, forms)
            else {
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

    #[test]
    fn every_title_and_alias_is_found_with_and_without_decoration() {
        assert!(!TITLES.common.is_empty(), "a cheap pre-check exists");
        for kind in TableKind::RECOGNISED {
            for t in std::iter::once(kind.title()).chain(kind.title_aliases().iter().copied()) {
                let found = title_kind(t);
                // An alias may be a longer kind's title; what matters is that it is a title.
                assert!(found.is_some(), "{t}");
                assert_eq!(title_kind(&format!("附件9 {t}（2024年度）")), found, "{t}");
            }
        }
    }
}
