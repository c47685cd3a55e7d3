//! The short list tables around the ledgers: 领导小组成员信息表 (附件1), 软件使用需求申请表
//! (附件3), 软件采购计划表 (附件4) and 可使用免费软件清单 (附件6). Apart from their
//! pre-printed rows and approval blocks they share one shape, so one function writes them.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::fill;
use super::ledgers::list_rows;
use super::sheet::{col_of, print_setup, widths, Paper, Row, Sheet, APPROVED, AUDITED, ROW};
use crate::normalised::{
    ClassificationTable, DemandTable, FreeListTable, LeadingGroupTable, Place, PurchasePlanTable,
    ToFill,
};
use crate::schema::{
    TableKind, DEMAND_COLUMNS, FREE_LIST_COLUMNS, LEADING_GROUP_COLUMNS, PURCHASE_PLAN_COLUMNS,
};

/// The roles of a leading group, pre-printed on the first rows of 附件1.
const ROLES: [&str; 3] = ["组长", "副组长", "成员"];
/// Pre-printed rows of 附件1.
pub(crate) const LEADING_GROUP_ROWS: u32 = 8;
/// Pre-printed rows of 附件3.
pub(crate) const DEMAND_ROWS: u32 = 6;
/// Pre-printed rows of 附件4, the 共计 row included.
pub(crate) const PURCHASE_PLAN_ROWS: u32 = 6;
/// Pre-printed rows of 附件6.
pub(crate) const FREE_LIST_ROWS: u32 = 8;
/// Pre-printed rows of 软件分类.
pub(crate) const CLASSIFICATION_ROWS: u32 = 8;
/// The software types of a demand (附件3), pre-printed on its first rows.
const DEMAND_KINDS: [&str; 4] = ["操作系统", "办公软件", "杀毒软件", "其他软件"];

/// The demand form's approval block as published.
const DEMAND_APPROVALS: [(&str, &str); 2] =
    [("信息化部门\n审核", AUDITED), ("资产部门\n审核", AUDITED)];
/// The purchase plan's approval block as published.
const PLAN_APPROVALS: [(&str, &str); 4] = [
    ("信息化部门\n审核", AUDITED),
    ("资产部门\n审核", AUDITED),
    ("财务部门\n审核", AUDITED),
    ("单位领导\n审批", APPROVED),
];

/// 附件1 软件正版化工作领导小组成员信息表, blank or filled with `data`.
pub(crate) fn leading_group(
    ws: &mut Worksheet,
    data: Option<&LeadingGroupTable>,
) -> Result<(), XlsxError> {
    let kind = TableKind::LeadingGroup;
    let specs = LEADING_GROUP_COLUMNS;
    let rows = LEADING_GROUP_ROWS;
    let mut sheet = Sheet::new(ws, widths(specs))?;
    sheet.annex_and_title(kind)?;
    sheet.header_block(&fill::header_blanks(kind, data.map(|d| &d.header)))?;
    let header = sheet.column_header(specs)?;
    let (first, filled) = match data {
        None => {
            let first = sheet.data_rows(specs, rows, ROW, |index, spec| {
                (spec.key == "role")
                    .then(|| ROLES.get(index as usize).copied())
                    .flatten()
            })?;
            (first, 0)
        }
        Some(d) => {
            let data: Vec<Row> = d.rows.iter().map(fill::member_row).collect();
            (sheet.filled_rows(specs, &data, rows, ROW)?, data.len())
        }
    };
    sheet.column_defaults(specs)?;
    let role = col_of(specs, "role");
    // Offices also write 办公室主任 and the like here: warn, do not refuse.
    sheet.choice(
        (first, first + list_rows(filled) - 1),
        (role, role),
        &ROLES,
        false,
    )?;
    sheet.ws().set_freeze_panes(first, 0)?;
    print_setup(sheet.ws(), Paper::Portrait, Some(header))
}

/// 附件3 软件使用需求申请表, blank or filled with `data`.
pub(crate) fn demand(ws: &mut Worksheet, data: Option<&DemandTable>) -> Result<(), XlsxError> {
    let kind = TableKind::Demand;
    let specs = DEMAND_COLUMNS;
    let mut rows = DEMAND_ROWS;
    let mut sheet = Sheet::new(ws, widths(specs))?;
    sheet.annex_and_title(kind)?;
    sheet.header_block(&fill::header_blanks(kind, data.map(|d| &d.header)))?;
    let header = sheet.column_header(specs)?;
    let first = match data {
        None => sheet.data_rows(specs, rows, ROW, |index, spec| {
            (spec.key == "kind")
                .then(|| DEMAND_KINDS.get(index as usize).copied())
                .flatten()
        })?,
        Some(d) => {
            let data: Vec<Row> = d.rows.iter().map(fill::demand_row).collect();
            let first = sheet.filled_rows(specs, &data, rows, ROW)?;
            rows = rows.max(data.len() as u32);
            first
        }
    };
    // The approval block follows the rows, so the drop-down covers only them.
    let kind_col = col_of(specs, "kind");
    sheet.choice(
        (first, first + rows - 1),
        (kind_col, kind_col),
        &DEMAND_KINDS,
        // A filled form keeps whatever its data says; only typing is restricted.
        data.is_none(),
    )?;
    let approvals = fill::approval_rows(data.and_then(|d| d.approvals.as_ref()), &DEMAND_APPROVALS);
    sheet.approvals(1, &approvals)?;
    sheet.ws().set_freeze_panes(first, 0)?;
    print_setup(sheet.ws(), Paper::Portrait, Some(header))
}

/// 附件4 软件采购计划表, blank or filled with `data`.
pub(crate) fn purchase_plan(
    ws: &mut Worksheet,
    data: Option<&PurchasePlanTable>,
) -> Result<(), XlsxError> {
    let kind = TableKind::PurchasePlan;
    let specs = PURCHASE_PLAN_COLUMNS;
    let rows = PURCHASE_PLAN_ROWS;
    let mut sheet = Sheet::new(ws, widths(specs))?;
    sheet.annex_and_title(kind)?;
    sheet.header_block(&fill::header_blanks(kind, data.map(|d| &d.header)))?;
    let header = sheet.column_header(specs)?;
    // The last row is the printed 共计 row; its sums are left to the clerk (no formulas
    // without cached values, see stack.md).
    let first = match data {
        None => sheet.data_rows(specs, rows, ROW, |index, spec| {
            (index == rows - 1 && spec.key == "name").then_some("共计")
        })?,
        Some(d) => {
            let mut data: Vec<Row> = d.rows.iter().map(fill::plan_row).collect();
            data.resize(data.len().max(rows as usize - 1), Row::default());
            data.push(fill::plan_total(d.grand_total));
            sheet.filled_rows(specs, &data, rows, ROW)?
        }
    };
    let approvals = fill::approval_rows(data.and_then(|d| d.approvals.as_ref()), &PLAN_APPROVALS);
    sheet.approvals(1, &approvals)?;
    sheet.ws().set_freeze_panes(first, 0)?;
    print_setup(sheet.ws(), Paper::Portrait, Some(header))
}

/// 附件6 可使用免费软件清单, blank or filled with `data` (`to_fill` highlighting what the
/// clerk is to fill in).
pub(crate) fn free_list(
    ws: &mut Worksheet,
    data: Option<&FreeListTable>,
    to_fill: &ToFill,
) -> Result<(), XlsxError> {
    let kind = TableKind::FreeList;
    let specs = &crate::schema::printed(FREE_LIST_COLUMNS);
    let mut sheet = Sheet::new(ws, widths(specs))?;
    sheet.annex_and_title(kind)?;
    sheet.header_block(&fill::header_blanks_to_fill(
        kind,
        data.map(|d| &d.header),
        to_fill,
    ))?;
    let header = sheet.column_header(specs)?;
    let first = match data {
        None => sheet.data_rows(specs, FREE_LIST_ROWS, ROW, |_, _| None)?,
        Some(d) => {
            let data: Vec<Row> = d
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| fill::open(fill::free_row(r), to_fill, Place::Row(kind, i)))
                .collect();
            sheet.filled_rows(specs, &data, FREE_LIST_ROWS, ROW)?
        }
    };
    sheet.column_defaults(specs)?;
    sheet.ws().set_freeze_panes(first, 0)?;
    print_setup(sheet.ws(), Paper::Landscape, Some(header))
}

/// 软件分类: the tool's own sheet in which a unit corrects the built-in classification.
pub(crate) fn classification(
    ws: &mut Worksheet,
    data: Option<&ClassificationTable>,
) -> Result<(), XlsxError> {
    let kind = TableKind::Classification;
    let specs = crate::schema::CLASSIFICATION_COLUMNS;
    let mut sheet = Sheet::new(ws, widths(specs))?;
    sheet.annex_and_title(kind)?;
    let header = sheet.column_header(specs)?;
    let first = match data {
        None => sheet.data_rows(specs, CLASSIFICATION_ROWS, ROW, |_, _| None)?,
        Some(d) => {
            let data: Vec<Row> = d.rows.iter().map(fill::classification_row).collect();
            sheet.filled_rows(specs, &data, CLASSIFICATION_ROWS, ROW)?
        }
    };
    sheet.column_defaults(specs)?;
    sheet.ws().set_freeze_panes(first, 0)?;
    print_setup(sheet.ws(), Paper::Portrait, Some(header))
}
