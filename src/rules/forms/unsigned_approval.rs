use super::super::prelude::*;
use crate::ledger::forms::Approval;
use crate::schema::TableKind;

declare_rule! {
    /// ## 检查什么
    /// 需求申请表、采购计划表、安装维护申请表和确认单的审核、审批或签名栏没有填写审核人
    /// （审批人、签名）或日期。每一栏报告一次。
    ///
    /// ## 为什么
    /// 这些表是审批流程的记录：采购计划须经信息化、资产、财务部门审核和单位领导审批
    /// （配置 二.3–二.4），安装卸载须“经审核同意后”进行（安装 一.2），完成后“要求计算机使用人
    /// 签字确认”（安装 一.4）。没有签名和日期，就无法证明经过了审批。
    ///
    /// ## 示例
    /// | 财务部门审核 | 审核人：　　　　年　月　日 |
    /// |---|---|
    ///
    /// `财务部门审核：未填写审核人和日期`
    ///
    /// ## 如何修改
    /// 审批完成后，由审核人（审批人、确认人）签名并填写日期；尚在审批中的表可暂不处理。
    pub struct UnsignedApproval {
        code: "ZB502",
        severity: Info,
        summary: "审核、审批或签名栏未填写人员或日期",
    }
}

fn clause(kind: TableKind) -> &'static str {
    match kind {
        TableKind::Demand => "配置 二.1–二.2",
        TableKind::PurchasePlan => "配置 二.3–二.4",
        TableKind::MaintenanceRequest => "安装 一.2",
        _ => "安装 一.4",
    }
}

fn report(out: &mut Sink, kind: TableKind, a: &Approval) {
    let who = if a.role.contains("审批") {
        "审批人"
    } else if a.role.contains("审核") {
        "审核人"
    } else {
        "签名"
    };
    let mut missing: Vec<String> = Vec::new();
    if a.person.is_blank() {
        missing.push(format!("未填写{who}"));
    }
    match a.date.parsed {
        Parsed::Value(_) => {}
        Parsed::Invalid => missing.push(format!("日期“{}”无法识别", a.date.raw)),
        Parsed::Empty | Parsed::NotApplicable => missing.push("未填写日期".into()),
    }
    if missing.is_empty() {
        return;
    }
    let text = if missing.len() == 2 && missing[1] == "未填写日期" {
        format!("未填写{who}和日期")
    } else {
        missing.join("，")
    };
    let role = if a.role.is_empty() {
        "审核栏"
    } else {
        &a.role
    };
    let at = a.person.cell.as_ref().unwrap_or(&a.cell);
    out.report(
        at,
        format!("{}：{text}", role.replace('\n', "")),
        format!(
            "审批完成后由{}签名并填写日期（{}）",
            if who == "签名" { "确认人" } else { who },
            clause(kind)
        ),
    );
}

/// ZB502
pub fn check(ctx: &Context, out: &mut Sink) {
    let unit = ctx.unit;
    for d in &unit.demands {
        for a in &d.approvals {
            report(out, d.meta.kind, a);
        }
    }
    for p in &unit.purchase_plans {
        for a in &p.approvals {
            report(out, p.meta.kind, a);
        }
    }
    for f in unit
        .maintenance_requests
        .iter()
        .chain(&unit.maintenance_confirms)
    {
        for a in &f.approvals {
            report(out, f.meta.kind, a);
        }
    }
}

/// ZB502 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB502.snap`):
/// Approvals without a name or a date, on the plan, the demand and the confirmation.
const TRIGGER: Trigger = Trigger::forms(&[
    Edit::Set("采购计划表", "C11", "审核人：            年    月    日"),
    Edit::Set("采购计划表", "C12", "审批人：赵军"),
    Edit::Set("需求申请表", "C12", "审核人：    2026年11月6日"),
    Edit::Set("安装维护确认单", "C11", "签名：            年    月    日"),
])
.showing("ZB502");
