use super::super::prelude::*;
use super::sources;

declare_rule! {
    /// ## 检查什么
    /// 与计算机上实际安装的软件核对（`reconcile`）：明细表登记某台计算机装有某个软件，这台
    /// 计算机的采集结果中却没有它（操作系统按采集到的系统比）。只在这台计算机有采集结果、
    /// 且结果里有软件清单时才报；抽查登记表（`zhengban sample`）只核对了表上的软件，
    /// 只报“实际安装”填了“否”的行，没有填的不报。
    ///
    /// ## 为什么
    /// 台账与实际不符：软件可能早已卸载却没有登记卸载，也可能登记在了别的计算机名下。
    /// 这样的台账统计出的安装数量和许可占用都不准。
    ///
    /// ## 示例
    /// 明细表登记 SJ-PC-003 装有 7-Zip，这台计算机上没有：
    /// `明细表登记 SJ-PC-003 装有 7-Zip，这台计算机的采集结果（SJ-PC-003.zbinv.txt）中没有`
    ///
    /// ## 如何修改
    /// 已卸载的，在安装维护明细表中登记卸载并从明细表删去这一行；装在别的计算机上的，改正
    /// 计算机编号。
    pub struct RegisteredNotInstalled {
        code: "ZB702",
        severity: Warning,
        summary: "明细表登记的软件在这台计算机上没有找到",
    }
}

/// ZB702
pub fn check(ctx: &Context, out: &mut Sink) {
    for computer in &ctx.reality().computers {
        let Some(inv) = computer.inventory else {
            continue;
        };
        for (row, found) in computer.rows.iter().zip(&computer.found) {
            if *found != Some(false) {
                continue;
            }
            let target = match &row.name.cell {
                Some(c) => Target::Cell(c.clone()),
                None => Target::Cell(row.at.clone()),
            };
            out.report(
                target,
                if inv.checklist {
                    format!(
                        "明细表登记 {} 装有 {}，抽查登记表（{}）记为没有安装",
                        computer.number,
                        crate::base::text::clean(&row.name.raw),
                        sources(inv)
                    )
                } else {
                    format!(
                        "明细表登记 {} 装有 {}，这台计算机的采集结果（{}）中没有",
                        computer.number,
                        crate::base::text::clean(&row.name.raw),
                        sources(inv)
                    )
                },
                "已卸载的，在安装维护明细表中登记卸载并从明细表删去这一行；装在别的计算机上的，改正计算机编号（台账 二.3）",
            );
        }
    }
}

/// ZB702 fires on this unit (tests/rule_coverage.rs, snapshot `rules__ZB702.snap`): the
/// clean unit's ledger has 7-Zip on SJ-PC-001 and SJ-PC-002, and SJ-PC-001's inventory
/// does not hold it.
const TRIGGER: Trigger = Trigger::clean(&[])
    .with_inventory("tests/fixtures/inventory/clean-unit")
    .showing("ZB702");
