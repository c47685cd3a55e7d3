use std::collections::BTreeSet;

use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 汇总表中的一个软件编号没有对应的软件安装维护情况明细表（按第一部分的软件编号对应；
    /// 编号写错但软件名称对得上的表也算对应上，编号错误由 ZB402 报告）。单位一张安装维护明细表
    /// 都没有时，由 ZB002 报告一次，这里不逐个编号报告。
    ///
    /// ## 为什么
    /// 台账 三.2、三.3：“根据《软件使用情况汇总表》中的软件编号建立相应软件的《软件安装维护情况
    /// 明细表》”，“每一个软件编号对应的软件，建立一份”。没有这张表，这款软件的安装、卸载就无据可查。
    ///
    /// ## 示例
    /// 汇总表有 RJ001–RJ005，工作簿中只有 RJ001–RJ004 的安装维护明细表：RJ005 缺表。
    ///
    /// ## 如何修改
    /// 为该编号建立一份安装维护明细表，第一部分照汇总表填写，第二部分登记每次安装、卸载
    /// （按明细表中该编号的各行补登安装记录）。
    pub struct MissingMaintenanceTable {
        code: "ZB401",
        severity: Warning,
        summary: "汇总表中的软件编号没有安装维护明细表",
        derived: Fills("安装维护情况明细表"),
    }
}

/// ZB401
pub fn check(ctx: &Context, out: &mut Sink) {
    if ctx.unit.maintenance.is_empty() {
        return;
    }
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    let tables = ctx.facts.maintenance_by_id();
    let mut seen = BTreeSet::new();
    for row in &summary.rows {
        let (Some(id), Some(cell)) = (row.id(), &row.id.cell) else {
            continue;
        };
        if !seen.insert(id) || tables.contains_key(id) {
            continue;
        }
        let name = row
            .name
            .value()
            .map(|n| format!("（{n}）"))
            .unwrap_or_default();
        out.report(
            cell,
            format!("软件编号 {id}{name}没有对应的软件安装维护情况明细表"),
            "为每个软件编号建立一份安装维护明细表，登记其安装和卸载（台账 三.2、三.3）",
        );
    }
}

/// ZB401 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB401.snap`):
/// 7-Zip's maintenance sheet removed.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::RemoveSheet("RJ004"),
]);
