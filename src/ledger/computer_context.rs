//! A computer's particulars stated once instead of in columns — a card's head or a caption
//! over each computer's rows — read for every row they cover.

use std::sync::Arc;

use crate::schema::COMPUTER_LABELS;
use crate::workbook::layout::{header_block, HeaderEntry};
use crate::workbook::rows::RowKind;
use crate::workbook::{Cell, Sheet};

use super::table::{Implied, ListFrame};
use super::values::{Field, Parsed};

/// A computer's particulars a usage table or a log kept per computer states outside its
/// columns: once in the head of
/// a card kept per computer (终端编号 | DT-01 | 使用人 | 许志刚 over the card's software), or
/// in a caption row over each computer's software ("终端：LZ-01　品牌：联想　使用人：赵刚").
/// Only fields the table has no column for are read this way.
#[derive(Default)]
pub(super) struct ComputerContext {
    /// The card's head: for every row.
    card: Vec<HeaderEntry>,
    /// Caption rows, in sheet order: (row, its particulars) for the rows below it.
    captions: Vec<(u32, Vec<HeaderEntry>)>,
}

/// The fields a computer's particulars give.
/// With the headers a table misses without them (a usage ledger's 姓名, a log's 使用人).
const COMPUTER_KEYS: [(&str, &[&str]); 4] = [
    ("computer", &["计算机编号"]),
    ("brand", &["计算机品牌"]),
    ("user", &["姓名", "使用人"]),
    ("department", &["部门", "使用部门"]),
];

impl ComputerContext {
    pub(super) fn read(sheet: &Sheet, file: &Arc<str>, frame: &mut ListFrame) -> ComputerContext {
        if frame.header.is_none() {
            return ComputerContext::default();
        }
        let absent: Vec<&str> = COMPUTER_KEYS
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| frame.meta.column(k).is_none())
            .collect();
        if absent.is_empty() {
            return ComputerContext::default();
        }
        let wanted = |entries: Vec<HeaderEntry>| -> Vec<HeaderEntry> {
            entries
                .into_iter()
                .filter(|e| absent.contains(&e.key) && !e.value.is_blank())
                .collect()
        };
        let card = wanted(header_block(
            sheet,
            file,
            frame.header_block_rows(),
            COMPUTER_LABELS,
        ));
        // A caption names the computer and at least one more of its particulars: a group
        // label that merely names a department is no caption.
        let captions: Vec<(u32, Vec<HeaderEntry>)> = frame
            .meta
            .skipped
            .iter()
            .filter(|s| s.why == RowKind::GroupLabel)
            .filter_map(|s| {
                let entries = wanted(header_block(
                    sheet,
                    file,
                    s.first..s.last + 1,
                    COMPUTER_LABELS,
                ));
                (entries.len() >= 2 && entries.iter().any(|e| e.key == "computer"))
                    .then_some((s.first, entries))
            })
            .collect();
        let context = ComputerContext { card, captions };
        for (key, headers) in COMPUTER_KEYS {
            let (first, per_group) = match context
                .captions
                .iter()
                .find_map(|(_, es)| es.iter().find(|e| e.key == key))
            {
                Some(e) => (Some(e), true),
                None => (context.card.iter().find(|e| e.key == key), false),
            };
            if let Some(e) = first {
                frame.meta.missing_columns.retain(|c| !headers.contains(c));
                frame.meta.implied.push(Implied {
                    key,
                    header: headers[0],
                    value: e.value.display(),
                    cell: e.value_cell.clone(),
                    per_group,
                });
            }
        }
        context
    }

    /// The field `key` of row `r`: its caption's (the nearest above it), else the card's.
    pub(super) fn field(
        &self,
        r: u32,
        key: &str,
        parse: impl FnOnce(&Cell) -> Parsed<String>,
    ) -> Option<Field<String>> {
        let caption = self
            .captions
            .iter()
            .rev()
            .find(|(row, _)| *row < r)
            .and_then(|(_, es)| es.iter().find(|e| e.key == key));
        let e = caption.or_else(|| self.card.iter().find(|e| e.key == key))?;
        Some(Field::read(&e.value, Some(e.value_cell.clone()), parse))
    }
}
