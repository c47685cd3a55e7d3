//! The small text grid shown under a diagnostic: the column headers and the row of the cell,
//! padded for Chinese text, so the clerk sees the cell as it looks in the sheet.
//!
//! A grid is plain text plus the byte spans of the cells to underline; `report.rs` hands it to
//! miette. Nothing here knows miette.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::base::gate;
use crate::base::{column_letters, CellRef};
use crate::ledger::table::TableMeta;
use crate::ledger::{Sources, Unit};
use crate::render::sheet_headers::header_rows_above;
use crate::schema::TableKind;
use crate::workbook::Sheet;

/// The narrowest a grid is drawn: one underlined cell and its header, shortened.
const MIN_WIDTH: usize = 30;
/// Widest shown value of an ordinary column before it is shortened with "…", in a grid of
/// [`ROOMY`] columns; a wider terminal shows more of each value.
const CELL_MAX: usize = 18;
/// Widest shown value of an underlined cell: it is what the clerk must read, so it gets more.
const TARGET_MAX: usize = 30;
/// The grid width (on a 100-column terminal) for which the caps above are set.
const ROOMY: usize = 76;
/// Shown instead of nothing when an underlined cell is empty, so the label has something to
/// sit under and the clerk sees that the cell is empty.
const EMPTY: &str = "（空）";

/// A grid ready for miette: named text, the row number of its first line, and spans.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Grid {
    /// `文件.xlsx › 汇总表`.
    pub name: String,
    /// The lines, joined by `\n`.
    pub text: String,
    /// 0-based line number miette should give the first line, so that the row line shows
    /// the sheet's row number.
    pub first_line: usize,
    /// The column-header line, whose (meaningless) line number the renderer blanks.
    pub header: Option<String>,
    /// Byte offset and length in `text` of each requested cell, in request order.
    pub spans: Vec<(usize, usize)>,
}

/// The grid around `cells` (all on one row of one sheet; the first is the main one), at most
/// `max` columns wide, or `None` when the sheet's cells are not at hand (an unreadable file).
pub(super) fn grid(unit: &Unit, sources: &Sources, cells: &[&CellRef], max: usize) -> Option<Grid> {
    let max = max.max(MIN_WIDTH);
    let first = cells.first()?;
    let sheet = sources.sheet(&first.file, &first.sheet)?;
    let name = source_name(&first.file, &first.sheet);
    let table = unit
        .table_at(&first.file, &first.sheet, first.row)
        .filter(|m| matches!(m.header_rows, Some((_, last)) if first.row > last));
    Some(match table {
        Some(meta) => list_row(sheet, meta, cells, name, max),
        None => loose_row(sheet, cells, name, max),
    })
}

/// `文件.xlsx › 汇总表`: the file name without its folders (the group header above the
/// diagnostics gives the full path).
pub(super) fn source_name(file: &str, sheet: &str) -> String {
    let short = Path::new(file)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(file);
    format!("{} › {}", gate::terminal(short), gate::terminal(sheet))
}

/// Why a column is in the grid; lower is kept longer when space runs out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    Target,
    Identity,
    Neighbour,
}

/// The columns that tell a clerk which row this is, per table.
fn identity_keys(kind: TableKind) -> &'static [&'static str] {
    match kind {
        TableKind::Usage => &["computer", "id", "name"],
        TableKind::Maintenance => &["computer", "user"],
        TableKind::LeadingGroup | TableKind::PurchasePlan => &["name"],
        TableKind::Demand => &["kind"],
        _ => &["id", "name"],
    }
}

/// A row inside a list table: the header line (column letter and published header) and the
/// row, restricted to the identifying columns, the cells and their neighbours.
fn list_row(sheet: &Sheet, meta: &TableMeta, cells: &[&CellRef], name: String, max: usize) -> Grid {
    let row = cells[0].row;
    let targets: Vec<u32> = cells.iter().map(|c| c.col).collect();
    let known_first = meta.columns.iter().map(|c| c.col).min().unwrap_or(0);
    let known_last = meta.columns.iter().map(|c| c.col).max().unwrap_or(0);
    let mut roles: Vec<(u32, Role)> = targets.iter().map(|&c| (c, Role::Target)).collect();
    for key in identity_keys(meta.kind) {
        if let Some(ci) = meta.columns.iter().find(|c| c.key == *key) {
            roles.push((ci.col, Role::Identity));
        }
    }
    // Neighbours of the main cell only: a second labelled cell brings enough context.
    let main = targets[0];
    if main > known_first {
        roles.push((main - 1, Role::Neighbour));
    }
    if main < known_last {
        roles.push((main + 1, Role::Neighbour));
    }
    // One role per column, the strongest.
    let mut chosen: Vec<(u32, Role)> = Vec::new();
    for (col, role) in roles {
        match chosen.iter_mut().find(|(c, _)| *c == col) {
            Some(slot) => slot.1 = slot.1.min(role),
            None => chosen.push((col, role)),
        }
    }
    let (h0, h1) = meta.header_rows.unwrap_or((row, row));
    let header_of = |col: u32| -> String {
        let label = match meta.columns.iter().find(|c| c.col == col) {
            Some(ci) => clean(&ci.header.replace('\n', "")),
            // An unrecognised column: the header as typed, lowest non-blank header row.
            None => (h0..=h1)
                .rev()
                .map(|r| clean(&sheet.shown(r, col).display()))
                .find(|s| !s.is_empty())
                .unwrap_or_default(),
        };
        format!("{} {}", column_letters(col), label)
            .trim_end()
            .to_string()
    };
    table_grid(sheet, name, row, &targets, chosen, &header_of, max)
}

/// Lay out a header line and a row over `chosen` columns, narrowing until it fits in `max`.
fn table_grid(
    sheet: &Sheet,
    name: String,
    row: u32,
    targets: &[u32],
    mut chosen: Vec<(u32, Role)>,
    header_of: &dyn Fn(u32) -> String,
    max: usize,
) -> Grid {
    let value_of = |col: u32| -> String {
        let v = clean(&sheet.shown(row, col).display());
        if v.is_empty() && targets.contains(&col) {
            EMPTY.to_string()
        } else {
            v
        }
    };
    let extra = max.saturating_sub(ROOMY);
    let mut caps: BTreeMap<u32, usize> = chosen
        .iter()
        .map(|&(c, r)| {
            (
                c,
                if r == Role::Target {
                    TARGET_MAX + extra / 3
                } else {
                    CELL_MAX + extra / 4
                },
            )
        })
        .collect();
    loop {
        let cols = columns(&chosen, header_of, &value_of, &caps);
        let (header, line, spans) = lay_out(&cols, targets);
        if header.width().max(line.width()) > max && give_up_width(&mut chosen, &mut caps, &cols) {
            continue;
        }
        let text = format!("{header}\n{line}");
        let spans = spans
            .into_iter()
            .map(|(o, l)| (o + header.len() + 1, l))
            .collect();
        return Grid {
            name,
            text,
            first_line: row.saturating_sub(1) as usize,
            header: Some(header),
            spans,
        };
    }
}

/// Make a too-wide grid narrower by one step, in order: neighbours down to 12 columns, fewer
/// neighbours, identifying cells down to 12, every ordinary cell down to 8, fewer identifying
/// columns, shorter underlined cells. Returns false when nothing is left to give.
fn give_up_width(
    chosen: &mut Vec<(u32, Role)>,
    caps: &mut BTreeMap<u32, usize>,
    cols: &[Column],
) -> bool {
    let role = |col: u32| chosen.iter().find(|(c, _)| *c == col).map(|(_, r)| *r);
    let widest = |floor: usize, roles: &[Role]| {
        cols.iter()
            .filter(|c| role(c.col).is_some_and(|r| roles.contains(&r)) && c.width > floor)
            .max_by_key(|c| (c.width, c.col))
            .map(|c| (c.col, c.width))
    };
    let mut shrink = |found: Option<(u32, usize)>| match found {
        Some((col, w)) => {
            caps.insert(col, w - 1);
            true
        }
        None => false,
    };
    if shrink(widest(12, &[Role::Neighbour])) {
        return true;
    }
    if let Some(i) = chosen.iter().rposition(|(_, r)| *r == Role::Neighbour) {
        chosen.remove(i);
        return true;
    }
    if shrink(widest(12, &[Role::Identity])) || shrink(widest(8, &[Role::Identity])) {
        return true;
    }
    if chosen.iter().filter(|(_, r)| *r == Role::Identity).count() > 1 {
        if let Some(i) = chosen.iter().rposition(|(_, r)| *r == Role::Identity) {
            chosen.remove(i);
            return true;
        }
    }
    shrink(widest(12, &[Role::Target]))
}

/// One shown column: sheet column, header and value already shortened, and its width.
struct Column {
    col: u32,
    header: String,
    value: String,
    width: usize,
}

fn columns(
    chosen: &[(u32, Role)],
    header_of: &dyn Fn(u32) -> String,
    value_of: &dyn Fn(u32) -> String,
    caps: &BTreeMap<u32, usize>,
) -> Vec<Column> {
    let order: BTreeSet<u32> = chosen.iter().map(|(c, _)| *c).collect();
    order
        .into_iter()
        .map(|col| {
            let cap = caps.get(&col).copied().unwrap_or(CELL_MAX);
            let header = shorten(&header_of(col), cap.max(8));
            let value = shorten(&value_of(col), cap);
            let width = header.width().max(value.width());
            Column {
                col,
                header,
                value,
                width,
            }
        })
        .collect()
}

/// The header line, the row line, and the spans of `targets` in the row line. Adjacent
/// columns are two spaces apart; a gap in the sheet's columns is shown as `…`.
fn lay_out(cols: &[Column], targets: &[u32]) -> (String, String, Vec<(usize, usize)>) {
    let mut header = String::new();
    let mut line = String::new();
    let mut found: Vec<(u32, usize, usize)> = Vec::new();
    for (i, c) in cols.iter().enumerate() {
        if i > 0 {
            let sep = if cols[i - 1].col + 1 == c.col {
                "  "
            } else {
                "  …  "
            };
            header.push_str(sep);
            line.push_str(sep);
        }
        header.push_str(&pad(&c.header, c.width));
        if targets.contains(&c.col) {
            found.push((c.col, line.len(), c.value.len()));
        }
        line.push_str(&pad(&c.value, c.width));
    }
    let spans = targets
        .iter()
        .filter_map(|t| found.iter().find(|f| f.0 == *t).map(|f| (f.1, f.2)))
        .collect();
    (
        header.trim_end().to_string(),
        line.trim_end().to_string(),
        spans,
    )
}

/// A row outside any list table (the header block of a table, a title, a form): its
/// non-blank cells side by side, so a value is seen next to the label that precedes it.
fn loose_row(sheet: &Sheet, cells: &[&CellRef], name: String, max: usize) -> Grid {
    let row = cells[0].row;
    let targets: Vec<u32> = cells.iter().map(|c| c.col).collect();
    if let Some(g) = form_row(sheet, row, &targets, &name, max) {
        return g;
    }
    let width = row_width(sheet, row).max(targets.iter().copied().max().unwrap_or(0) + 1);
    let mut shown: Vec<(u32, String)> = (0..width)
        .filter_map(|col| {
            let is_target = targets.contains(&col);
            // Inside a merged region only its first cell speaks, unless it is the target.
            let v = if is_target {
                clean(&sheet.shown(row, col).display())
            } else {
                clean(&sheet.get(row, col).display())
            };
            match (v.is_empty(), is_target) {
                (true, true) => Some((col, EMPTY.to_string())),
                (true, false) => None,
                (false, t) => Some((col, shorten(&v, if t { max.min(50) } else { 24 }))),
            }
        })
        .collect();
    // Too wide: drop the cells farthest from the main cell.
    let main = targets[0];
    let join = |cells: &[(u32, String)]| {
        cells
            .iter()
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
            .join("  ")
    };
    while join(&shown).width() > max {
        let far = shown
            .iter()
            .enumerate()
            .filter(|(_, (c, _))| !targets.contains(c))
            .max_by_key(|(_, (c, _))| c.abs_diff(main))
            .map(|(i, _)| i);
        match far {
            Some(i) => {
                shown.remove(i);
            }
            None => break,
        }
    }
    let mut text = String::new();
    let mut spans_at: Vec<(u32, usize, usize)> = Vec::new();
    for (i, (col, v)) in shown.iter().enumerate() {
        if i > 0 {
            text.push_str("  ");
        }
        if targets.contains(col) {
            spans_at.push((*col, text.len(), v.len()));
        }
        text.push_str(v);
    }
    let spans = targets
        .iter()
        .filter_map(|t| spans_at.iter().find(|s| s.0 == *t).map(|s| (s.1, s.2)))
        .collect();
    Grid {
        name,
        text,
        first_line: row as usize,
        header: None,
        spans,
    }
}

/// The number of cells stored in a row (not the sheet's width: that walks every row, and a
/// diagnostic needs only its own).
fn row_width(sheet: &Sheet, row: u32) -> u32 {
    sheet.rows.get(row as usize).map_or(0, |r| r.len() as u32)
}

/// A row under a line or two of headers that is not a recognised list (附件9 part 一, a
/// form's table): drawn like a list row, headers taken from the rows just above.
fn form_row(sheet: &Sheet, row: u32, targets: &[u32], name: &str, max: usize) -> Option<Grid> {
    let header_rows = header_rows_above(sheet, row);
    if header_rows.is_empty() {
        return None;
    }
    let header_text = |col: u32| -> String {
        header_rows
            .iter()
            .map(|&r| clean(&sheet.shown(r, col).display()))
            .find(|s| !s.is_empty())
            .unwrap_or_default()
    };
    let width = header_rows
        .iter()
        .chain([&row])
        .map(|&r| row_width(sheet, r))
        .max()
        .unwrap_or(0)
        .max(targets.iter().copied().max()? + 1);
    let main = targets[0];
    let mut chosen: Vec<(u32, Role)> = targets.iter().map(|&c| (c, Role::Target)).collect();
    let mut others: Vec<u32> = (0..width)
        .filter(|c| !targets.contains(c))
        .filter(|&c| !header_text(c).is_empty() || !sheet.get(row, c).is_blank())
        .collect();
    // Nearest first, so that narrowing drops the farthest.
    others.sort_by_key(|c| c.abs_diff(main));
    chosen.extend(others.into_iter().map(|c| {
        let role = if matches!(header_text(c).as_str(), "软件编号" | "软件名称") {
            Role::Identity
        } else {
            Role::Neighbour
        };
        (c, role)
    }));
    let header_of = |col: u32| {
        format!("{} {}", column_letters(col), header_text(col))
            .trim_end()
            .to_string()
    };
    Some(table_grid(
        sheet,
        name.to_string(),
        row,
        targets,
        chosen,
        &header_of,
        max,
    ))
}

/// One line of cell text: line breaks and tabs become spaces, other controls and bidi
/// characters are shown escaped (they would act on the terminal), ends trimmed.
fn clean(s: &str) -> String {
    gate::terminal_cell(s).trim().to_string()
}

/// Shorten to at most `max` terminal columns, ending in "…" when cut.
pub(super) fn shorten(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for ch in s.chars() {
        let cw = ch.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(ch);
        w += cw;
    }
    out.push('…');
    out
}

/// Pad with spaces to `width` terminal columns (CJK characters count two).
pub(super) fn pad(s: &str, width: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(s.width())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening_and_padding_count_cjk_as_two_columns() {
        assert_eq!(shorten("奇安信天擎终端安全管理系统", 10), "奇安信天…");
        assert_eq!(shorten("7-Zip", 10), "7-Zip");
        assert_eq!(pad("许可", 6), "许可  ");
        assert_eq!(pad("许可数量", 6), "许可数量");
    }

    #[test]
    fn source_names_drop_folders() {
        assert_eq!(
            source_name("samples/双龙镇.xlsx", "汇总表"),
            "双龙镇.xlsx › 汇总表"
        );
    }
}
