//! The forms and short lists around the ledgers: 领导小组成员信息表, 承诺书, 需求申请表,
//! 采购计划表, 安装维护申请表 and 确认单 — with their approval blocks.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::base::CellRef;
use crate::schema::{
    TableKind, DEMAND_COLUMNS, DEMAND_HEADER, LEADING_GROUP_COLUMNS, PURCHASE_PLAN_COLUMNS,
    PURCHASE_PLAN_HEADER, STANDARD_HEADER,
};
use crate::workbook::layout::{approvals, header_block};
use crate::workbook::locate::Located;
use crate::workbook::Sheet;

use super::table::{list_frame, meta_of, HeaderBlock, InvalidValue, Reader, TableMeta};
use super::values::{self, Field};

/// An approval or signature line ("信息化部门审核  审核人：…  年 月 日").
#[derive(Debug, Clone, PartialEq)]
pub struct Approval {
    /// What is approved ("信息化部门审核").
    pub role: String,
    /// The cell of the line.
    pub cell: CellRef,
    /// 审核人 / 审批人 / 签名.
    pub person: Field<String>,
    /// The date.
    pub date: Field<NaiveDate>,
}

fn read_approvals(sheet: &Sheet, file: &Arc<str>, from: u32, to: u32) -> Vec<Approval> {
    approvals(sheet, file, from, to)
        .into_iter()
        .map(|a| Approval {
            person: Field {
                parsed: if a.person.is_empty() {
                    values::Parsed::Empty
                } else {
                    values::Parsed::Value(a.person.clone())
                },
                raw: a.person.clone(),
                cell: Some(a.person_cell.clone()),
            },
            date: Field::read(&a.date, Some(a.person_cell), values::date),
            role: a.role,
            cell: a.cell,
        })
        .collect()
}

/// 软件正版化工作领导小组成员信息表.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadingGroup {
    /// Where it was found.
    pub meta: TableMeta,
    /// 单位名称, 填表人 ….
    pub header: HeaderBlock,
    /// Members.
    pub rows: Vec<Member>,
}

/// One member of the leading group.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The first cell of the row.
    pub at: CellRef,
    /// 分工 (组长 / 副组长 / 成员).
    pub role: Field<String>,
    /// 姓名.
    pub name: Field<String>,
    /// 部门.
    pub department: Field<String>,
    /// 职务.
    pub title: Field<String>,
    /// 联系电话.
    pub phone: Field<String>,
    /// 传真.
    pub fax: Field<String>,
}

/// Parse a located leading-group table.
pub fn parse_leading_group(
    sheet: &Sheet,
    file: &Arc<str>,
    loc: &Located,
    invalid: &mut Vec<InvalidValue>,
) -> LeadingGroup {
    let frame = list_frame(sheet, file, loc, LEADING_GROUP_COLUMNS);
    let header = HeaderBlock::read(
        sheet,
        file,
        frame.header_block_rows(),
        STANDARD_HEADER,
        TableKind::LeadingGroup,
        invalid,
    );
    let mut rd = Reader::new(
        sheet,
        file,
        TableKind::LeadingGroup,
        frame.header.as_ref(),
        LEADING_GROUP_COLUMNS,
        invalid,
    );
    let rows = frame
        .rows
        .rows
        .iter()
        .map(|&r| Member {
            at: rd.at(r, "seq"),
            role: rd.text(r, "role"),
            name: rd.text(r, "name"),
            department: rd.text(r, "department"),
            title: rd.text(r, "title"),
            phone: rd.text(r, "phone"),
            fax: rd.text(r, "fax"),
        })
        .collect();
    LeadingGroup {
        meta: frame.meta,
        header,
        rows,
    }
}

/// 软件使用需求申请表.
#[derive(Debug, Clone, PartialEq)]
pub struct Demand {
    /// Where it was found.
    pub meta: TableMeta,
    /// 申请部门, 经手人, 联系电话, 填表日期.
    pub header: HeaderBlock,
    /// The requests.
    pub rows: Vec<DemandRow>,
    /// The approval block.
    pub approvals: Vec<Approval>,
}

/// One requested software.
#[derive(Debug, Clone, PartialEq)]
pub struct DemandRow {
    /// The first cell of the row.
    pub at: CellRef,
    /// 软件类型 (操作系统 / 办公软件 / 杀毒软件 / 其他软件).
    pub kind: Field<String>,
    /// 软件用途.
    pub purpose: Field<String>,
    /// 功能需求.
    pub requirement: Field<String>,
    /// 申请许可数.
    pub count: Field<i64>,
}

/// Parse a located demand table.
pub fn parse_demand(
    sheet: &Sheet,
    file: &Arc<str>,
    loc: &Located,
    invalid: &mut Vec<InvalidValue>,
) -> Demand {
    let frame = list_frame(sheet, file, loc, DEMAND_COLUMNS);
    let header = HeaderBlock::read(
        sheet,
        file,
        frame.header_block_rows(),
        DEMAND_HEADER,
        TableKind::Demand,
        invalid,
    );
    let approvals = read_approvals(sheet, file, frame.rows.end, frame.meta.last_row);
    let mut rd = Reader::new(
        sheet,
        file,
        TableKind::Demand,
        frame.header.as_ref(),
        DEMAND_COLUMNS,
        invalid,
    );
    let rows = frame
        .rows
        .rows
        .iter()
        .map(|&r| DemandRow {
            at: rd.at(r, "seq"),
            kind: rd.text(r, "kind"),
            purpose: rd.text(r, "purpose"),
            requirement: rd.text(r, "requirement"),
            // Not recorded as invalid here: the field keeps the text and why it is no count, and
            // the checker words it for this form.
            count: rd.field(r, "count", None, values::count),
        })
        .collect();
    Demand {
        meta: frame.meta,
        header,
        rows,
        approvals,
    }
}

/// 软件采购计划表.
#[derive(Debug, Clone, PartialEq)]
pub struct PurchasePlan {
    /// Where it was found.
    pub meta: TableMeta,
    /// 经手人, 联系电话, 填表日期.
    pub header: HeaderBlock,
    /// The planned purchases.
    pub rows: Vec<PlanRow>,
    /// The 共计 row's amount, when the table has one.
    pub grand_total: Option<Field<f64>>,
    /// The approval block.
    pub approvals: Vec<Approval>,
}

/// One planned purchase.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    /// The first cell of the row.
    pub at: CellRef,
    /// 软件名称.
    pub name: Field<String>,
    /// 软件版本.
    pub version: Field<String>,
    /// 单价 (元).
    pub unit_price: Field<f64>,
    /// 许可数.
    pub count: Field<i64>,
    /// 合计 (元).
    pub total: Field<f64>,
    /// 备注.
    pub note: Field<String>,
}

/// Parse a located purchase plan.
pub fn parse_purchase_plan(
    sheet: &Sheet,
    file: &Arc<str>,
    loc: &Located,
    invalid: &mut Vec<InvalidValue>,
) -> PurchasePlan {
    let frame = list_frame(sheet, file, loc, PURCHASE_PLAN_COLUMNS);
    let header = HeaderBlock::read(
        sheet,
        file,
        frame.header_block_rows(),
        PURCHASE_PLAN_HEADER,
        TableKind::PurchasePlan,
        invalid,
    );
    let approvals = read_approvals(sheet, file, frame.rows.end, frame.meta.last_row);
    let mut rd = Reader::new(
        sheet,
        file,
        TableKind::PurchasePlan,
        frame.header.as_ref(),
        PURCHASE_PLAN_COLUMNS,
        invalid,
    );
    let rows = frame
        .rows
        .rows
        .iter()
        .map(|&r| PlanRow {
            at: rd.at(r, "seq"),
            name: rd.name(r, "name"),
            version: rd.text(r, "version"),
            unit_price: rd.money(r, "unit_price"),
            count: rd.count(r, "count"),
            total: rd.money(r, "total"),
            note: rd.text(r, "note"),
        })
        .collect();
    let grand_total = frame.rows.total.map(|r| rd.money(r, "total"));
    PurchasePlan {
        meta: frame.meta,
        header,
        rows,
        grand_total,
        approvals,
    }
}

/// 使用正版软件承诺书.
#[derive(Debug, Clone, PartialEq)]
pub struct Pledge {
    /// Where it was found.
    pub meta: TableMeta,
    /// 承诺人签字.
    pub signer: Field<String>,
}

/// Parse a located pledge.
pub fn parse_pledge(sheet: &Sheet, file: &Arc<str>, loc: &Located) -> Pledge {
    const SIGNER: &[crate::schema::HeaderLabel] = &[crate::schema::HeaderLabel {
        key: "signer",
        label: "承诺人签字",
        aliases: &["承诺人", "签字"],
    }];
    let entries = header_block(sheet, file, loc.first_row..=loc.last_row, SIGNER);
    let signer = entries
        .iter()
        .find(|e| !e.value.is_blank())
        .or(entries.first())
        .map(|e| Field::read(&e.value, Some(e.value_cell.clone()), values::text))
        .unwrap_or_else(Field::absent);
    Pledge {
        meta: meta_of(sheet, file, loc, None, &[]),
        signer,
    }
}

/// 软件安装维护申请表 or 确认单: a form with approval or signature lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    /// Where it was found.
    pub meta: TableMeta,
    /// Approval or signature lines.
    pub approvals: Vec<Approval>,
}

/// Parse a located request or confirmation form.
pub fn parse_form(sheet: &Sheet, file: &Arc<str>, loc: &Located) -> Form {
    Form {
        meta: meta_of(sheet, file, loc, None, &[]),
        approvals: read_approvals(sheet, file, loc.first_row, loc.last_row),
    }
}
