//! Official templates filled with a unit's normalised data (`convert --to xlsx`): the same
//! layout code as the blank templates, so a filled ledger is the published table with its
//! rows added — one sheet per table the data has, one 附件9 sheet per 软件编号.

use rust_xlsxwriter::XlsxError;

use super::{filled_workbook, ledgers, lists, sheet_name, statistics};
use crate::base::gate;
use crate::normalised::{MaintenanceTable, SummaryTable, ToFill, UnitData};
use crate::schema::TableKind;

/// Whether the data holds any table to write.
pub fn has_tables(unit: &UnitData) -> bool {
    unit.summary.is_some()
        || unit.usage.is_some()
        || !unit.maintenance.is_empty()
        || unit.free_list.is_some()
        || unit.statistics.is_some()
        || unit.purchase_plan.is_some()
        || unit.demand.is_some()
        || unit.leading_group.is_some()
        || unit.classification.is_some()
}

/// The workbook of the national templates filled with `unit`, in the guide's order of
/// annexes: xlsx bytes, the same for the same data.
pub fn build_filled(unit: &UnitData) -> Result<Vec<u8>, XlsxError> {
    build(unit, &ToFill::NONE, "由 zhengban convert 按规范化数据填写")
}

/// [`build_filled`] for a ledger the tool drafted: the blanks `to_fill` marks, which only the
/// clerk can fill in, highlighted in yellow.
pub fn build_draft(unit: &UnitData, to_fill: &ToFill) -> Result<Vec<u8>, XlsxError> {
    build(
        unit,
        to_fill,
        "由 zhengban convert 按软件清单起草，黄色格待填写",
    )
}

fn build(unit: &UnitData, to_fill: &ToFill, comment: &str) -> Result<Vec<u8>, XlsxError> {
    let title = if unit.unit.is_empty() {
        "软件正版化台账".to_string()
    } else {
        format!("{} 软件正版化台账", unit.unit)
    };
    let mut book = filled_workbook(&title, comment)?;
    if let Some(t) = &unit.leading_group {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(TableKind::LeadingGroup))?;
        lists::leading_group(ws, Some(t))?;
    }
    if let Some(t) = &unit.demand {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(TableKind::Demand))?;
        lists::demand(ws, Some(t))?;
    }
    if let Some(t) = &unit.purchase_plan {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(TableKind::PurchasePlan))?;
        lists::purchase_plan(ws, Some(t))?;
    }
    if let Some(t) = &unit.statistics {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(TableKind::Statistics))?;
        statistics::statistics(ws, Some(t))?;
    }
    if let Some(t) = &unit.free_list {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(TableKind::FreeList))?;
        lists::free_list(ws, Some(t), to_fill)?;
    }
    if let Some(t) = &unit.summary {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(TableKind::Summary))?;
        ledgers::summary(ws, Some(t), to_fill)?;
    }
    if let Some(t) = &unit.usage {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(TableKind::Usage))?;
        ledgers::usage(ws, Some(t), to_fill)?;
    }
    let mut taken: Vec<String> = Vec::new();
    for (index, t) in unit.maintenance.iter().enumerate() {
        let name = maintenance_sheet_name(t.software_id(), index, &taken);
        taken.push(name.clone());
        let ws = book.add_worksheet();
        ws.set_name(&name)?;
        let t = with_part_one(t, unit.summary.as_ref());
        ledgers::maintenance(ws, Some(&t), (index, to_fill))?;
    }
    if let Some(t) = &unit.classification {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(TableKind::Classification))?;
        lists::classification(ws, Some(t))?;
    }
    book.save_to_buffer()
}

/// A maintenance table whose part 一 (软件基本信息) states what the data leaves open, taken
/// from the summary row of its 软件编号: a flat log from another system has no part 一, and
/// the national sheet it becomes must agree with the summary (ZB303), as a clerk filling the
/// template would make it. What the data states is kept, even where it disagrees.
fn with_part_one(t: &MaintenanceTable, summary: Option<&SummaryTable>) -> MaintenanceTable {
    let id = t.software_id();
    let row = summary.and_then(|s| {
        s.rows
            .iter()
            .find(|r| r.id.is_some() && r.id.as_deref() == id)
    });
    let Some(row) = row else {
        return t.clone();
    };
    let mut t = t.clone();
    let info = &mut t.info;
    info.name = info.name.take().or_else(|| row.name.clone());
    info.version = info.version.take().or_else(|| row.version.clone());
    info.kind = info.kind.take().or(row.kind);
    info.license_count = info.license_count.take().or(row.license_count);
    info.usable_versions = info
        .usable_versions
        .take()
        .or_else(|| row.usable_versions.clone());
    info.term = info.term.take().or(row.term);
    t
}

/// The sheet of one software number's 附件9: `附件9-RJ003`, made a valid and unique Excel
/// sheet name by the gate (base/gate.rs: no `[]:*?/\`, at most 31 characters, not one of
/// `taken`).
pub fn maintenance_sheet_name(id: Option<&str>, index: usize, taken: &[String]) -> String {
    let id = id.map(str::trim).filter(|s| !s.is_empty());
    let base = match id {
        Some(id) => format!("附件9-{id}"),
        None => format!("附件9-{}", index + 1),
    };
    gate::sheet_name(&base, taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maintenance_sheets_get_valid_unique_names() {
        assert_eq!(maintenance_sheet_name(Some("RJ003"), 0, &[]), "附件9-RJ003");
        assert_eq!(maintenance_sheet_name(None, 4, &[]), "附件9-5");
        assert_eq!(maintenance_sheet_name(Some("A/B:C"), 0, &[]), "附件9-A_B_C");
        let taken = vec!["附件9-RJ003".to_string()];
        assert_eq!(
            maintenance_sheet_name(Some("rj003"), 1, &taken),
            "附件9-rj003 (2)"
        );
        let long = "X".repeat(40);
        let name = maintenance_sheet_name(Some(&long), 0, &[]);
        assert_eq!(name.chars().count(), 31);
    }
}
