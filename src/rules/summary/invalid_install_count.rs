use super::super::prelude::*;
use super::subject;

declare_rule! {
    /// ## 检查什么
    /// 汇总表的**安装数量**为空、为负数或不是整数（如“2.5”“若干”）。
    ///
    /// ## 为什么
    /// 安装数量要“根据《软件安装维护情况明细表》中登记的软件安装和卸载情况”更新（台账 一.13），
    /// 是一个确切的份数；超装（ZB111）和与明细表的核对都靠它。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 安装数量 |
    /// |---|---|---|
    /// | RJ004 | 7-Zip | **若干** |
    ///
    /// ## 如何修改
    /// 按明细表统计安装该软件的计算机数，填一个整数；没有安装的填 0。
    pub struct InvalidInstallCount {
        code: "ZB114",
        severity: Error,
        summary: "安装数量为空、为负数或不是整数",
        derived: Fills("汇总表的安装数量"),
    }
}

/// ZB114
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        let f = &row.installed;
        let Some(cell) = &f.cell else {
            continue;
        };
        let message = match f.parsed {
            Parsed::Value(n) if n < 0 => format!("安装数量 {n} 是负数"),
            Parsed::Value(_) => continue,
            Parsed::Empty => format!("{}的安装数量为空", subject(row)),
            Parsed::NotApplicable => format!("{}的安装数量填了“{}”，应填整数", subject(row), f.raw),
            Parsed::Invalid => format!("安装数量“{}”不是整数", f.raw),
        };
        out.report(
            cell,
            message,
            "按软件使用情况明细表统计安装该软件的计算机数，填一个整数，没有安装的填 0（台账 一.13）",
        );
    }
}

/// ZB114 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB114.snap`):
/// 安装数量 a fraction, a word, empty and negative.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "M6", "#2.5"),
    Edit::Set("汇总表", "M7", "若干"),
    Edit::Set("汇总表", "M8", ""),
    Edit::Set("汇总表", "M9", "#-1"),
]);
