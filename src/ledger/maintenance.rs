//! Ledger 3, 软件安装维护情况明细表: one per software number, part 一 describing the software
//! and part 二 logging every install and uninstall.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::base::text::{norm, norm_is};
use crate::base::CellRef;
use crate::schema::{
    TableKind, MAINTENANCE_EVENT_COLUMNS, MAINTENANCE_HEADER, MAINTENANCE_INFO_COLUMNS,
    MAINTENANCE_INFO_LABELS, SOFTWARE_KINDS, SUMMARY_COLUMNS,
};
use crate::workbook::layout::{
    apply_hints, cued_spec, find_header, header_block, match_header_row_in, HeaderEntry,
    HeaderForms,
};
use crate::workbook::locate::Located;
use crate::workbook::{Cell, Sheet};

use super::computer_context::ComputerContext;
use super::table::{list_frame, Choice, HeaderBlock, InvalidValue, Reader, TableMeta, ValueType};
use super::values::{self, Field, LicenseTerm, Parsed, SoftwareKind};

/// One maintenance table (one software number).
#[derive(Debug, Clone, PartialEq)]
pub struct Maintenance {
    /// Where it was found.
    pub meta: TableMeta,
    /// 单位名称, 填表人, 联系电话.
    pub header: HeaderBlock,
    /// Part 一、软件基本信息.
    pub info: SoftwareInfo,
    /// Part 二、软件安装卸载明细, in sheet order.
    pub events: Vec<Event>,
}

/// Part 一、软件基本信息.
#[derive(Debug, Clone, PartialEq)]
pub struct SoftwareInfo {
    /// 软件编号.
    pub id: Field<String>,
    /// 软件名称.
    pub name: Field<String>,
    /// 软件版本.
    pub version: Field<String>,
    /// 软件类型 (three checkboxes).
    pub kind: Choice<SoftwareKind>,
    /// 许可数量.
    pub license_count: Field<i64>,
    /// 可使用版本.
    pub usable_versions: Field<Vec<String>>,
    /// 许可期限.
    pub term: Field<LicenseTerm>,
}

impl SoftwareInfo {
    fn absent() -> Self {
        SoftwareInfo {
            id: Field::absent(),
            name: Field::absent(),
            version: Field::absent(),
            kind: Choice::absent(),
            license_count: Field::absent(),
            usable_versions: Field::absent(),
            term: Field::absent(),
        }
    }
}

/// 安装 or 卸载.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// 安装.
    Install,
    /// 卸载.
    Uninstall,
}

/// One row of part 二.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The first cell of the row.
    pub at: CellRef,
    /// 序号.
    pub seq: Field<String>,
    /// The 安装 / 卸载 boxes.
    pub action: Choice<Action>,
    /// 计算机编号.
    pub computer: Field<String>,
    /// 计算机品牌.
    pub brand: Field<String>,
    /// 使用人.
    pub user: Field<String>,
    /// 使用部门.
    pub department: Field<String>,
    /// 安装/卸载版本.
    pub version: Field<String>,
    /// 安装/卸载日期.
    pub date: Field<NaiveDate>,
    /// 安装数量.
    pub count: Field<i64>,
    /// 软件编号 of the row, in a flat log of several software (absent in the template).
    pub software_id: Field<String>,
    /// 软件名称 of the row, in a flat log.
    pub software_name: Field<String>,
}

/// 重装 in a log's 变更类型: the copy is taken off and put back the same day. The national
/// form has only 安装 and 卸载, so the row is read as both, an uninstall and an install on the
/// same computer and day: the copies held do not change, and a reinstall of software the
/// computer never had is an uninstall without install.
const REINSTALL: &str = "重装";

/// 安装 or 卸载 written as a word in one column (安装/卸载, 操作).
pub fn action(cell: &Cell) -> Parsed<Action> {
    match values::text(cell) {
        Parsed::Value(s) => match norm(&s).as_str() {
            "安装" | "新装" | "装" | "加装" | "安装软件" | "新增" | "增加" | "添加" | "部署" => {
                Parsed::Value(Action::Install)
            }
            // Taken off and put back the same day: read as both (see [`REINSTALL`]).
            REINSTALL | "重新安装" => Parsed::Value(Action::Install),
            "卸载" | "删除" | "卸" | "卸载软件" | "移除" => {
                Parsed::Value(Action::Uninstall)
            }
            _ => Parsed::Invalid,
        },
        Parsed::Empty => Parsed::Empty,
        _ => Parsed::Invalid,
    }
}

impl Event {
    /// The computer's cell when it is on the row itself: a log kept per computer names it
    /// once in its head, and a diagnostic about the row points at the row.
    pub fn computer_cell(&self) -> Option<&CellRef> {
        self.computer
            .cell
            .as_ref()
            .filter(|c| c.row == self.at.row && c.sheet == self.at.sheet)
    }

    /// 计算机编号, when filled.
    pub fn computer(&self) -> Option<&str> {
        self.computer.value().map(String::as_str)
    }
}

impl Maintenance {
    /// 软件编号 of part 一, when filled.
    pub fn id(&self) -> Option<&str> {
        self.info.id.value().map(String::as_str)
    }
}

/// Parse a located maintenance table into one table per software number: the template's
/// table is one already; a flat log naming the software on every row (软件编号 and 软件名称
/// columns, no part 一, as ledger systems export it) is split by that number, in the order
/// the numbers first appear, each part keeping its rows in sheet order.
pub fn parse_all(
    sheet: &Sheet,
    file: &Arc<str>,
    loc: &Located,
    invalid: &mut Vec<InvalidValue>,
) -> Vec<Maintenance> {
    let parts = stacked(sheet, file, loc);
    if parts.len() > 1 {
        let mut tables: Vec<Maintenance> = parts
            .iter()
            .flat_map(|part| parse_one(sheet, file, part, invalid))
            .collect();
        // The header block printed once above the stack speaks for every log in it.
        if let Some(first) = tables.first().map(|t| t.header.clone()) {
            for t in tables.iter_mut().skip(1) {
                if t.header == HeaderBlock::default() {
                    t.header = first.clone();
                }
            }
        }
        return tables;
    }
    parse_one(sheet, file, loc, invalid)
}

/// Several logs stacked in one region, one below the other, each with its own part 二
/// header (and a part 一 or a "软件编号：…" line above it): the region split before each
/// log's part 一, so that each log is read on its own. One log: the region itself.
fn stacked(sheet: &Sheet, file: &Arc<str>, loc: &Located) -> Vec<Located> {
    let specs = MAINTENANCE_EVENT_COLUMNS;
    let width = sheet.width();
    let forms = HeaderForms::of(specs);
    let last = loc.last_row.min(sheet.height().saturating_sub(1));
    let is_header = |r: u32| {
        let found = match_header_row_in(sheet, width, r, r + 2, specs, &forms);
        apply_hints(sheet, found, None, specs, &loc.columns)
            .is_some_and(|m| m.missing.is_empty() && m.columns.len() >= 4 && m.first_row == r)
    };
    // A log's part 二 header, and where another log's starts: a row beginning with the same
    // words (序号 …) — most rows of a long log are settled by their first cell alone.
    let Some(first) = (loc.first_row..=last).find(|&r| !sheet.row_is_blank(r) && is_header(r))
    else {
        return vec![loc.clone()];
    };
    let lead = |r: u32| {
        sheet
            .rows
            .get(r as usize)
            .and_then(|row| row.iter().find(|c| !c.is_blank()))
    };
    let opening = norm(&lead(first).map(Cell::display).unwrap_or_default());
    let headers: Vec<u32> = std::iter::once(first)
        .chain((first + 1..=last).filter(|&r| {
            lead(r).is_some_and(|c| matches!(c, Cell::Text(t) if norm_is(t, &opening)))
                && is_header(r)
        }))
        .collect();
    if headers.len() < 2 {
        return vec![loc.clone()];
    }
    let typed = |r: u32| {
        sheet
            .rows
            .get(r as usize)
            .map_or(0, |row| row.iter().filter(|c| !c.is_blank()).count())
    };
    let mut starts = vec![loc.first_row];
    for pair in headers.windows(2) {
        let (prev, next) = (pair[0], pair[1]);
        if next <= prev + 1 {
            continue;
        }
        // Where the next log begins: its part 一 header, else its "软件编号：…" line, else
        // its part 二 header; then up over the labels and captions just above that.
        let info =
            find_header(sheet, prev + 2, next - 1, MAINTENANCE_INFO_COLUMNS).map(|h| h.first_row);
        let label = || {
            (prev + 1..next).find(|&r| {
                header_block(sheet, file, r..r + 1, MAINTENANCE_INFO_LABELS)
                    .iter()
                    .any(|e| e.key == "id")
            })
        };
        let mut begin = info.or_else(label).unwrap_or(next);
        while begin > prev + 1 && typed(begin - 1) > 0 && typed(begin - 1) <= 2 {
            begin -= 1;
        }
        starts.push(begin);
    }
    starts
        .iter()
        .enumerate()
        .map(|(i, &first)| {
            let end = starts
                .get(i + 1)
                .map(|n| n.saturating_sub(1))
                .unwrap_or(loc.last_row);
            Located {
                first_row: first,
                last_row: end.max(first),
                title: if i == 0 { loc.title } else { None },
                title_text: if i == 0 {
                    loc.title_text.clone()
                } else {
                    String::new()
                },
                ..loc.clone()
            }
        })
        .collect()
}

/// One log's region, read into one table per software number (see [`parse_all`]).
fn parse_one(
    sheet: &Sheet,
    file: &Arc<str>,
    loc: &Located,
    invalid: &mut Vec<InvalidValue>,
) -> Vec<Maintenance> {
    let table = parse(sheet, file, loc, invalid);
    let has = |key: &str| table.meta.columns.iter().any(|c| c.key == key);
    // A flat log names its software on every row: by number, or by name where the unit keeps
    // no numbers.
    let by_name = !has("software_id") && has("software_name");
    let flat = has("software_id") || by_name;
    if !flat || table.info.id.cell.is_some() || table.events.is_empty() {
        return vec![table];
    }
    let Maintenance {
        meta,
        header,
        events,
        ..
    } = table;
    let mut parts: Vec<(Option<String>, Vec<Event>)> = Vec::new();
    for mut e in events {
        if by_name {
            e.software_id = e.software_name.clone();
        }
        let id = e.software_id.value().cloned();
        match parts.iter_mut().find(|(k, _)| *k == id) {
            Some((_, list)) => list.push(e),
            None => parts.push((id, vec![e])),
        }
    }
    parts
        .into_iter()
        .map(|(_, events)| {
            let mut info = SoftwareInfo::absent();
            info.id = events[0].software_id.clone();
            if let Some(e) = events.iter().find(|e| e.software_name.is_filled()) {
                info.name = e.software_name.clone();
            }
            Maintenance {
                meta: meta.clone(),
                header: header.clone(),
                info,
                events,
            }
        })
        .collect()
}

/// Parse a located maintenance table.
pub fn parse(
    sheet: &Sheet,
    file: &Arc<str>,
    loc: &Located,
    invalid: &mut Vec<InvalidValue>,
) -> Maintenance {
    let mut frame = list_frame(sheet, file, loc, MAINTENANCE_EVENT_COLUMNS);
    let has_action = ["install", "uninstall", "action"]
        .iter()
        .any(|k| frame.meta.columns.iter().any(|c| c.key == *k));
    if frame.header.is_some() && !has_action {
        frame.meta.missing_columns.push("安装 / 卸载");
    }
    let top = frame.header_block_rows();
    // Part 一 as a header row over a value row: at least three of its columns, side by side.
    // A row of "label | value" pairs (软件编号 | RJ01 | 软件名称 | …) is no header: its values
    // sit between the labels, and the labels are read as such below.
    let info_header = if top.is_empty() {
        None
    } else {
        find_header(sheet, top.start, top.end - 1, MAINTENANCE_INFO_COLUMNS).filter(|h| {
            let (lo, hi) = h
                .columns
                .iter()
                .fold((u32::MAX, 0), |(lo, hi), (c, _)| (lo.min(*c), hi.max(*c)));
            let between = h
                .unknown
                .iter()
                .filter(|(r, c, _)| *r == h.first_row && (lo..=hi).contains(c))
                .count();
            h.columns.len() >= 3 && between * 2 <= h.columns.len()
        })
    };
    let block_end = info_header.as_ref().map(|h| h.first_row).unwrap_or(top.end);
    let header = HeaderBlock::read(
        sheet,
        file,
        top.start..block_end,
        MAINTENANCE_HEADER,
        TableKind::Maintenance,
        invalid,
    );
    let info = match &info_header {
        Some(h) => {
            let value_row = (h.last_row + 1..top.end)
                .find(|&r| !sheet.row_is_blank(r) && !is_section_label(sheet, r));
            let mut rd = Reader::new(
                sheet,
                file,
                TableKind::Maintenance,
                Some(h),
                MAINTENANCE_INFO_COLUMNS,
                invalid,
            );
            match value_row {
                Some(r) => SoftwareInfo {
                    id: rd.code(r, "id"),
                    name: rd.name(r, "name"),
                    version: rd.text(r, "version"),
                    kind: rd.kind_choice(r),
                    license_count: rd.count(r, "license_count"),
                    usable_versions: rd.versions(r, "usable_versions"),
                    term: rd.term(r, "term"),
                },
                None => SoftwareInfo::absent(),
            }
        }
        None => info_from_labels(sheet, file, top.clone(), invalid),
    };
    // Some offices write the number above the log's title ("软件编号：G03" over
    // "软件安装卸载登记表"): looked for in the rows just above it; others open a log with the
    // number in brackets ("【W01】　软件名称：…"); a unit that keeps no numbers knows the
    // software by its name.
    let mut info = info;
    if info.id.cell.is_none() {
        if let Some((cell, id)) = bracketed_id(sheet, file, top.clone()) {
            info.id = Field {
                parsed: Parsed::Value(id.clone()),
                raw: id,
                cell: Some(cell),
            };
        }
    }
    if info.id.cell.is_none() {
        if let Some((t, _)) = loc.title {
            let above = t.saturating_sub(3)..t;
            let id = header_block(sheet, file, above, MAINTENANCE_INFO_LABELS)
                .into_iter()
                .find(|e| e.key == "id");
            if let Some(e) = id {
                info.id = Field::read(&e.value, Some(e.value_cell), values::code);
            }
        }
    }
    if info.id.cell.is_none() && info.name.is_filled() {
        info.id = info.name.clone();
    }
    // A log kept per computer (维护档案) names the computer once, in its head.
    let context = ComputerContext::read(sheet, file, &mut frame);
    let mut rd = Reader::new(
        sheet,
        file,
        TableKind::Maintenance,
        frame.header.as_ref(),
        MAINTENANCE_EVENT_COLUMNS,
        invalid,
    );
    let mut events = Vec::with_capacity(frame.rows.rows.len());
    for &r in &frame.rows.rows {
        let mut event = read_event(&mut rd, r);
        for (key, slot, parse) in [
            (
                "computer",
                &mut event.computer,
                values::code as fn(&Cell) -> _,
            ),
            ("brand", &mut event.brand, values::text),
            ("user", &mut event.user, values::text),
            ("department", &mut event.department, values::text),
        ] {
            if slot.cell.is_none() {
                if let Some(f) = context.field(r, key, parse) {
                    *slot = f;
                }
            }
        }
        if matches!(norm(&event.action.raw).as_str(), REINSTALL | "重新安装") {
            let mut off = event.clone();
            off.action.ticked = vec![Action::Uninstall];
            events.push(off);
        }
        events.push(event);
    }
    Maintenance {
        meta: frame.meta,
        header,
        info,
        events,
    }
}

fn is_section_label(sheet: &Sheet, r: u32) -> bool {
    (0..sheet.width()).any(|c| match sheet.get(r, c) {
        Cell::Text(s) => {
            let n = norm(s);
            n.starts_with("一、") || n.starts_with("二、") || n.contains("软件安装卸载明细")
        }
        _ => false,
    })
}

fn read_event(rd: &mut Reader, r: u32) -> Event {
    let action = if rd.col("install").is_some() || rd.col("uninstall").is_some() {
        let install = rd.checkbox(r, "install", "安装");
        let uninstall = rd.checkbox(r, "uninstall", "卸载");
        let mut ticked = Vec::new();
        if install.value() == Some(&true) {
            ticked.push(Action::Install);
        }
        if uninstall.value() == Some(&true) {
            ticked.push(Action::Uninstall);
        }
        fn show(f: &Field<bool>) -> &str {
            if f.raw.is_empty() {
                "（空）"
            } else {
                &f.raw
            }
        }
        let raw = [show(&install), show(&uninstall)].join(" | ");
        Choice {
            ticked,
            raw,
            cells: install.cell.into_iter().chain(uninstall.cell).collect(),
        }
    } else {
        let f = rd.field(r, "action", Some(ValueType::Checkbox), action);
        Choice {
            ticked: f.value().copied().into_iter().collect(),
            cells: f.cell.into_iter().collect(),
            raw: f.raw,
        }
    };
    Event {
        at: rd.at(r, "seq"),
        seq: rd.text(r, "seq"),
        action,
        computer: rd.code(r, "computer"),
        brand: rd.text(r, "brand"),
        user: rd.text(r, "user"),
        department: rd.text(r, "department"),
        version: rd.text(r, "version"),
        date: rd.date(r, "date"),
        count: rd.count(r, "count"),
        software_id: rd.code(r, "software_id"),
        software_name: rd.name(r, "software_name"),
    }
}

/// A software number a log's caption opens with, in brackets: 【W01】, [W01], （W01）.
fn bracketed_id(
    sheet: &Sheet,
    file: &Arc<str>,
    rows: std::ops::Range<u32>,
) -> Option<(CellRef, String)> {
    rows.into_iter().find_map(|r| {
        let cells = sheet.rows.get(r as usize)?;
        let (c, cell) = cells.iter().enumerate().find(|(_, c)| !c.is_blank())?;
        let Cell::Text(t) = cell else { return None };
        let t = crate::base::text::fold_width(t.trim());
        let rest = t.strip_prefix(['【', '[', '('])?;
        let id = &rest[..rest.find(['】', ']', ')'])?];
        let id = id.trim();
        let code = (2..=16).contains(&id.len())
            && id.chars().any(|c| c.is_ascii_digit())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        code.then(|| (CellRef::new(file, &sheet.name, r, c as u32), id.to_string()))
    })
}

/// Part 一's labels no spelling names, known by their words as the summary's columns are
/// ("软件标识 | YBRJ-01", "授权终端数 | 10"): a cell of a few characters with its value in the
/// next typed cell of the row, for a field no known label gave.
fn cued_labels(
    sheet: &Sheet,
    file: &Arc<str>,
    rows: std::ops::Range<u32>,
    known: &[HeaderEntry],
) -> Vec<HeaderEntry> {
    const KEYS: [&str; 7] = [
        "id",
        "name",
        "version",
        "kind",
        "license_count",
        "usable_versions",
        "term",
    ];
    let mut taken: Vec<&'static str> = known.iter().map(|e| e.key).collect();
    let mut out = Vec::new();
    for r in rows {
        let Some(cells) = sheet.rows.get(r as usize) else {
            continue;
        };
        let width = cells.len() as u32;
        let mut c = 0;
        while c < width {
            let after = sheet.merge_at(r, c).map_or(c + 1, |m| m.last_col + 1);
            let label = match sheet.get(r, c) {
                Cell::Text(t) => t.trim().trim_end_matches([':', '：']).to_string(),
                _ => String::new(),
            };
            let spec = (!label.is_empty() && label.chars().count() <= 10)
                .then(|| {
                    cued_spec(SUMMARY_COLUMNS, &label, |s| {
                        KEYS.contains(&s.key) && !taken.contains(&s.key)
                    })
                })
                .flatten();
            let value_at = (after..width).find(|&cc| !sheet.get(r, cc).is_blank());
            match (spec, value_at) {
                (Some(spec), Some(v)) => {
                    taken.push(spec.key);
                    out.push(HeaderEntry {
                        key: spec.key,
                        label_cell: CellRef::new(file, &sheet.name, r, c),
                        value: sheet.get(r, v).clone(),
                        value_cell: CellRef::new(file, &sheet.name, r, v),
                        inline: None,
                    });
                    c = sheet.merge_at(r, v).map_or(v + 1, |m| m.last_col + 1);
                }
                _ => c = after,
            }
        }
    }
    out
}

/// Part 一 written as "软件编号：RJ003  软件名称：…" pairs.
fn info_from_labels(
    sheet: &Sheet,
    file: &Arc<str>,
    rows: std::ops::Range<u32>,
    invalid: &mut Vec<InvalidValue>,
) -> SoftwareInfo {
    let mut entries = header_block(sheet, file, rows.clone(), MAINTENANCE_INFO_LABELS);
    entries.extend(cued_labels(sheet, file, rows, &entries));
    let mut info = SoftwareInfo::absent();
    let mut record = |f: &Field<_>, header: &str, expected| {
        if f.is_invalid() {
            invalid.push(InvalidValue {
                table: TableKind::Maintenance,
                column: "info",
                header: header.to_string(),
                expected,
                raw: f.raw.clone(),
                cell: f.cell.clone().expect("label fields have a cell"),
            });
        }
    };
    for e in &entries {
        let at = Some(e.value_cell.clone());
        match e.key {
            "id" => info.id = Field::read(&e.value, at, values::code),
            "name" => info.name = Field::read(&e.value, at, values::name),
            "version" => info.version = Field::read(&e.value, at, values::text),
            "license_count" => {
                info.license_count = Field::read(&e.value, at, values::count);
                record(
                    &info.license_count.clone().map(|_| ()),
                    "许可数量",
                    ValueType::Count,
                );
            }
            "usable_versions" => {
                info.usable_versions = Field::read(&e.value, at, values::version_list)
            }
            "term" => {
                info.term = Field::read(&e.value, at, values::term);
                record(&info.term.clone().map(|_| ()), "许可期限", ValueType::Term);
            }
            "kind" => {
                let text = e.value.display();
                let mut ticked: Vec<SoftwareKind> = values::ticked_in_text(&text, &SOFTWARE_KINDS)
                    .into_iter()
                    .map(|i| SoftwareKind::ALL[i])
                    .collect();
                if ticked.is_empty() {
                    ticked.extend(SoftwareKind::from_text(&text));
                }
                info.kind = Choice {
                    ticked,
                    cells: vec![e.value_cell.clone()],
                    raw: text,
                };
            }
            _ => {}
        }
    }
    info
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbook::locate::locate;

    #[test]
    fn a_reinstall_is_taken_off_and_put_back() {
        let sheet = crate::workbook::text_sheet(
            "变更记录",
            &[
                vec!["软件安装维护情况明细表"],
                vec![
                    "软件编号",
                    "软件名称",
                    "变更类型",
                    "计算机编号",
                    "使用人",
                    "变更日期",
                    "数量",
                ],
                vec!["L04", "WPS", "新增", "LZ-01", "赵刚", "2022-03-04", "1"],
                vec!["L04", "WPS", "重装", "LZ-01", "赵刚", "2024-05-06", "1"],
                vec!["L04", "WPS", "移除", "LZ-01", "赵刚", "2025-01-02", "1"],
            ],
        );
        let file: Arc<str> = Arc::from("t.xlsx");
        let loc = locate(&sheet, 0).remove(0);
        let tables = parse_all(&sheet, &file, &loc, &mut Vec::new());
        let got: Vec<(Option<Action>, u32)> = tables[0]
            .events
            .iter()
            .map(|e| (e.action.single(), e.at.row))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(Action::Install), 2),
                (Some(Action::Uninstall), 3),
                (Some(Action::Install), 3),
                (Some(Action::Uninstall), 4),
            ]
        );
    }

    #[test]
    fn flat_log_splits_by_software_number() {
        let sheet = crate::workbook::text_sheet(
            "安装维护",
            &[
                vec!["软件安装维护情况明细表"],
                vec![
                    "软件编号",
                    "软件名称",
                    "安装/卸载",
                    "计算机编号",
                    "使用人",
                    "安装/卸载日期",
                    "安装数量",
                ],
                vec![
                    "HB-01",
                    "* 统信UOS",
                    "安装",
                    "PC-1",
                    "孙涛",
                    "2025-06-10",
                    "1",
                ],
                vec![
                    "HB-02",
                    "WPS Office",
                    "安装",
                    "PC-1",
                    "孙涛",
                    "2025-06-11",
                    "1",
                ],
                vec![
                    "HB-01",
                    "* 统信UOS",
                    "卸载",
                    "PC-1",
                    "孙涛",
                    "2025-07-01",
                    "1",
                ],
            ],
        );
        let file: Arc<str> = Arc::from("t.xlsx");
        let loc = locate(&sheet, 0).remove(0);
        let mut invalid = Vec::new();
        let tables = parse_all(&sheet, &file, &loc, &mut invalid);
        assert!(invalid.is_empty(), "{invalid:?}");
        assert!(tables[0].meta.unknown_columns.is_empty());
        let got: Vec<String> = tables
            .iter()
            .map(|t| {
                let actions: Vec<Option<Action>> =
                    t.events.iter().map(|e| e.action.single()).collect();
                format!("{:?} {:?} {actions:?}", t.id(), t.info.name.value())
            })
            .collect();
        assert_eq!(
            got,
            vec![
                r#"Some("HB-01") Some("统信UOS") [Some(Install), Some(Uninstall)]"#,
                r#"Some("HB-02") Some("WPS Office") [Some(Install)]"#,
            ]
        );
        // Part 一's number points at the first row of that software.
        assert_eq!(
            tables[1].info.id.cell.as_ref().map(|c| c.a1()),
            Some("A4".into())
        );
    }

    #[test]
    fn logs_kept_per_computer_make_one_log_per_software() {
        let card = |pc: &'static str, user: &'static str, rows: Vec<Vec<&'static str>>| {
            let mut out = vec![
                vec!["计算机软件维护档案"],
                vec!["计算机编号", pc, "计算机品牌", "联想", "使用人", user],
                vec!["序号", "日期", "软件编号", "软件名称", "操作", "数量"],
            ];
            out.extend(rows);
            out
        };
        let one = card(
            "PC-01",
            "张三",
            vec![
                vec!["1", "2024-01-02", "RJ01", "WPS", "安装", "1"],
                vec!["2", "2024-01-03", "RJ02", "UOS", "安装", "1"],
            ],
        );
        let two = card(
            "PC-02",
            "李四",
            vec![vec!["1", "2024-01-01", "RJ01", "WPS", "安装", "1"]],
        );
        let unit = crate::ledger::from_text("t.xlsx", &[("档案PC-01", &one), ("档案PC-02", &two)]);
        let ids: Vec<&str> = unit
            .maintenance
            .iter()
            .filter_map(|m| m.info.id.value().map(String::as_str))
            .collect();
        assert_eq!(ids, ["RJ01", "RJ02"]);
        let wps = &unit.maintenance[0];
        let on: Vec<(&str, &str, &str)> = wps
            .events
            .iter()
            .map(|e| (e.computer().unwrap(), e.user.raw.as_str(), &*e.at.sheet))
            .collect();
        assert_eq!(
            on,
            [
                ("PC-01", "张三", "档案PC-01"),
                ("PC-02", "李四", "档案PC-02")
            ]
        );
        // The computer is written in the head: a diagnostic about a row points at the row.
        assert!(wps.events[0].computer_cell().is_none());
    }
}
