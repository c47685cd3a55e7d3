use std::collections::BTreeSet;

use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 明细表中 部门、姓名、计算机编号、软件编号、软件名称、安装日期 未填写。每个空单元格报告
    /// 一次（合并单元格只报告一次）。
    ///
    /// ## 为什么
    /// 台账 二.1：明细表“登记单位每位工作人员使用计算机办公设备情况，及相应计算机办公设备中
    /// 软件安装情况”。缺了这些栏，就无法知道软件装在谁的哪台计算机上、何时安装，也无法与
    /// 汇总表、安装维护情况明细表核对。
    ///
    /// ## 示例
    /// | 部门 | 姓名 | 计算机编号 | 软件编号 | 软件名称 | 安装日期 |
    /// |---|---|---|---|---|---|
    /// | 办公室 | 张伟 | | RJ002 | WPS Office 2019 | 2024-03-01 |
    ///
    /// `计算机编号为空`
    ///
    /// ## 如何修改
    /// 补填空着的栏；软件编号按汇总表填写（提示中给出按软件名称查到的编号）。
    pub struct EmptyUsageField {
        code: "ZB201",
        severity: Error,
        summary: "明细表必填栏为空",
    }
}

/// ZB201
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(usage) = ctx.unit.usage() else {
        return;
    };
    // A merged cell (a department typed once for several rows) is one cell to fill.
    let mut reported: BTreeSet<CellRef> = BTreeSet::new();
    for (i, row) in usage.rows.iter().enumerate() {
        let date = row.installed_on.clone().map(|_| String::new());
        let fields: [(&str, &Field<String>); 6] = [
            ("部门", &row.department),
            ("姓名", &row.user),
            ("计算机编号", &row.computer),
            ("软件编号", &row.id),
            ("软件名称", &row.name),
            ("安装日期", &date),
        ];
        for (label, field) in fields {
            let Some(cell) = field.cell.as_ref() else {
                continue;
            };
            if field.is_filled() || !reported.insert(cell.clone()) {
                continue;
            }
            let mut message = format!("{label}为空");
            if label == "软件编号" {
                if let Some(r) = ctx.facts.usage_ids.get(i).and_then(|r| r.as_ref()) {
                    message.push_str(&format!("（按软件名称，汇总表中为 {}）", r.id));
                }
            }
            out.report(
                cell,
                message,
                format!("补填{label}：明细表每一行都要登记部门、姓名、计算机编号、软件编号、软件名称和安装日期（台账 二.1–二.2）"),
            );
        }
    }
}

/// ZB201 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB201.snap`):
/// An empty 计算机编号, 软件编号 and 安装日期, and a department merged over PC-003's rows but left blank.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("明细表", "D6", ""),
    Edit::Set("明细表", "F7", ""),
    Edit::Set("明细表", "M8", "—"),
    Edit::Set("明细表", "B13", ""),
    Edit::Set("明细表", "B14", ""),
    Edit::Set("明细表", "B15", ""),
    Edit::Merge("明细表", "B13:B15"),
])
.showing("ZB201");
