//! Carrying a [`FileEdits`] out on a copy of one workbook with the editor, and saying what
//! was written where.
//!
//! The plan was made from the model; the workbook has the last word: a cell is written only
//! if it is blank in the workbook (or the plan may overwrite it), never over a formula, and a
//! value cell that lies hidden inside a merged label moves to the cell after the merge (the
//! reader points at the cell right of a label even when the label spans two cells).

use std::collections::BTreeMap;

use crate::edit::{Addr, EditError, Editor, Existing, DERIVED_FILL, TO_FILL};
use crate::schema::TableKind;

use super::blank::{blank, BlankError};
use super::layout::unique_name;
use super::plan::{FileEdits, Mark, When};

/// Why a workbook could not be changed.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The editor failed.
    #[error(transparent)]
    Edit(#[from] EditError),
    /// A template could not be prepared.
    #[error(transparent)]
    Blank(#[from] BlankError),
}

/// What was written into one workbook.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Written {
    /// One line per written cell, row or sheet (Chinese, for the summary).
    pub filled: Vec<String>,
    /// Planned writes the workbook did not allow, and why.
    pub kept: Vec<String>,
    /// The cells of the user's sheets that took a planned value: (sheet, A1).
    pub cells: Vec<(String, String)>,
}

/// The cell a value for `at` goes into: `at` itself, or — when `at` is hidden inside a
/// merged area it does not start — the cell right after that area, if it is free to take
/// a value.
fn target(ed: &mut Editor, sheet: &str, at: Addr) -> Result<Option<Addr>, EditError> {
    match ed.merged_area(sheet, &at.a1())? {
        Some((first, _)) if first == at => Ok(Some(at)),
        None => Ok(Some(at)),
        Some((_, last)) => {
            let next = Addr::new(at.row, last.col + 1);
            Ok(match ed.merged_area(sheet, &next.a1())? {
                Some((first, _)) if first != next => None,
                _ => Some(next),
            })
        }
    }
}

/// Apply the edits of one file to a copy of its bytes: the new bytes and what was written.
pub fn apply(edits: &FileEdits, input: &[u8]) -> Result<(Vec<u8>, Written), WriteError> {
    let mut ed = Editor::open(input)?;
    let mut out = Written::default();

    for e in &edits.cells {
        let Some(cell) = target(&mut ed, &e.sheet, e.cell)? else {
            out.kept.push(format!(
                "{} › {} {}：单元格在合并区域中，未写入",
                e.sheet, e.cell, e.what
            ));
            continue;
        };
        let a1 = cell.a1();
        if ed.has_formula(&e.sheet, &a1)? {
            out.kept.push(format!(
                "{} › {a1} {}：是公式单元格，未改写",
                e.sheet, e.what
            ));
            continue;
        }
        if e.when == When::IfBlank && !ed.is_blank(&e.sheet, &a1)? {
            out.kept.push(format!(
                "{} › {a1} {}：单元格已有内容，未写入",
                e.sheet, e.what
            ));
            continue;
        }
        ed.set(&e.sheet, &a1, &e.value)?;
        out.cells.push((e.sheet.clone(), a1.clone()));
        if e.mark == Mark::Derived {
            ed.fill(&e.sheet, &a1, DERIVED_FILL)?;
            ed.note(&e.sheet, &a1, &e.note, Existing::Keep)?;
        }
        out.filled.push(format!(
            "{} › {a1}  {} {}",
            e.sheet,
            e.what,
            e.value.display()
        ));
    }

    for rows in &edits.rows {
        let sheet = rows.sheet.as_str();
        let mut r = rows.from_row;
        for new in &rows.rows {
            // The first row whose key columns are all blank.
            loop {
                let mut free = true;
                for &c in &rows.key_cols {
                    if !ed.is_blank(sheet, &Addr::new(r, c).a1())? {
                        free = false;
                        break;
                    }
                }
                if free {
                    break;
                }
                r += 1;
            }
            if rows.last_row.is_some_and(|last| r > last) {
                out.kept.push(format!(
                    "{sheet}：{} 下方没有空行，{} 未补登（请插入行后手工填写）",
                    rows.table, new.what
                ));
                continue;
            }
            let first_key = Addr::new(r, rows.key_cols.first().copied().unwrap_or(rows.cols.0));
            if let Some(style) = rows.style_row.filter(|s| *s != r) {
                if ed.is_unformatted(sheet, &first_key.a1())? {
                    ed.copy_row_format(sheet, style, r..r + 1, rows.cols)?;
                }
            }
            let mut noted = false;
            for (col, value, mark) in &new.cells {
                let a1 = Addr::new(r, *col).a1();
                match value {
                    Some(v) => {
                        if !ed.is_blank(sheet, &a1)? {
                            continue;
                        }
                        ed.set(sheet, &a1, v)?;
                        ed.fill(sheet, &a1, DERIVED_FILL)?;
                        if !noted {
                            noted = ed.note(sheet, &a1, &new.note, Existing::Keep)?;
                        }
                    }
                    None if *mark == Mark::ToFill => ed.fill(sheet, &a1, TO_FILL)?,
                    None => {}
                }
            }
            out.filled.push(format!(
                "{sheet} › 第 {} 行  {}：{}",
                r + 1,
                rows.table,
                new.what
            ));
            r += 1;
        }
    }

    let mut templates: BTreeMap<TableKind, (Vec<u8>, &'static str)> = BTreeMap::new();
    for s in &edits.sheets {
        let (template, from) = match templates.entry(s.kind) {
            std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::btree_map::Entry::Vacant(e) => {
                let b = blank(s.kind)?;
                e.insert((b.bytes, b.sheet))
            }
        };
        // The plan knows the sheets the reader saw; a chart sheet may hold the name too.
        let name = if ed.has_sheet(&s.name) {
            unique_name(&s.name, &ed.sheet_names())
        } else {
            s.name.clone()
        };
        ed.add_sheet_from(template, from, &name)?;
        let name = name.as_str();
        if let Some(g) = s.grow {
            let first_new = g.last_printed + 1;
            if g.insert {
                ed.insert_rows(name, first_new, g.extra)?;
            }
            ed.copy_row_format(name, g.last_printed, first_new..first_new + g.extra, g.cols)?;
        }
        for (at, value, mark) in &s.cells {
            let Some(cell) = target(&mut ed, name, *at)? else {
                continue;
            };
            let a1 = cell.a1();
            ed.set(name, &a1, value)?;
            if *mark == Mark::Derived {
                ed.fill(name, &a1, DERIVED_FILL)?;
            }
        }
        for at in &s.to_fill {
            if let Some(cell) = target(&mut ed, name, *at)? {
                ed.fill(name, &cell.a1(), TO_FILL)?;
            }
        }
        ed.note(name, &s.note.0.a1(), &s.note.1, Existing::Replace)?;
        out.filled.push(format!("新增工作表“{name}”  {}", s.what));
    }
    let bytes = ed.save()?;
    Ok((bytes, out))
}
