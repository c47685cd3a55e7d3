use super::super::prelude::*;
use crate::schema::TableKind;

declare_rule! {
    /// ## 检查什么
    /// 单位缺少三种软件台账之一：软件使用情况汇总表（附件7）、软件使用情况明细表（附件8）、
    /// 软件安装维护情况明细表（附件9）。每缺一种报告一次。
    ///
    /// ## 为什么
    /// 台账管理规定：“软件台账包括《软件使用情况汇总表》（附件7）、《软件使用情况明细表》
    /// （附件8）和《软件安装维护情况明细表》（附件9）。”缺了哪一种，相应的核对就无从做起。
    /// 表按标题识别（如“软件使用情况汇总表”），与工作表名称无关。
    ///
    /// ## 示例
    /// 工作簿里只有“汇总表”和“明细表”两个工作表，没有任何安装维护情况明细表：
    /// `缺少软件安装维护情况明细表（附件9）`
    ///
    /// ## 如何修改
    /// 按模板补建缺少的台账（`zhengban template` 生成空白模板）。如果表其实存在，检查它的
    /// 标题是否写成了模板的标题。
    pub struct MissingLedger {
        code: "ZB002",
        severity: Error,
        summary: "缺少三种软件台账之一",
    }
}

/// ZB002
pub fn check(ctx: &Context, out: &mut Sink) {
    let unit = ctx.unit;
    // With no readable file at all, ZB001 already explains why nothing was found.
    let Some(first) = unit.workbooks.first() else {
        return;
    };
    let target = if unit.workbooks.len() == 1 {
        Target::File(first.file.clone())
    } else {
        Target::Unit
    };
    let ledgers = [
        (TableKind::Summary, unit.summaries.is_empty()),
        (TableKind::Usage, unit.usages.is_empty()),
        (TableKind::Maintenance, unit.maintenance.is_empty()),
    ];
    for (kind, missing) in ledgers {
        if !missing {
            continue;
        }
        let extra = if kind == TableKind::Maintenance {
            "，每个软件编号建一份（台账 三.2–三.3）"
        } else {
            ""
        };
        out.report(
            target.clone(),
            format!("缺少{}（附件{}）", kind.title(), kind.national_number()),
            format!(
                "按模板补建{}{extra}；若已有此表，把标题改为“{}”以便识别（台账管理规定：软件台账包括汇总表、明细表和安装维护情况明细表）",
                kind.title(),
                kind.title()
            ),
        );
    }
}
