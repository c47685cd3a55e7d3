use super::super::prelude::*;
use super::sources;

declare_rule! {
    /// ## 检查什么
    /// 与计算机上实际安装的软件核对（`reconcile`）：采集到的计算机不在明细表中（按计算机名，
    /// 或 BIOS 序列号，对计算机编号）；明细表中的计算机没有采集结果（汇总成一条）。
    ///
    /// ## 为什么
    /// 不在台账上的计算机，它上面的软件都没有登记；没有采集结果的计算机则没有核对——只采集了
    /// 一部分计算机时这是正常的，所以只是提示。
    ///
    /// ## 示例
    /// 采集结果中有一台 SJ-PC-009，明细表中没有：
    /// `采集到的计算机 SJ-PC-009（SJ-PC-009.zbinv.txt）不在明细表中`
    ///
    /// ## 如何修改
    /// 把漏登的计算机及其软件补进明细表；计算机编号与计算机名不同的（如资产编号），核对时用
    /// `--map 对照表.xlsx` 给出两者的对照表（“计算机编号”“计算机名”两列）。一台也对不上时，
    /// 不逐台列出，只报一条，提示对照表。
    pub struct ComputersUnmatched {
        code: "ZB707",
        severity: Info,
        summary: "采集到的计算机与明细表中的计算机对不上",
    }
}

/// ZB707
pub fn check(ctx: &Context, out: &mut Sink) {
    let reality = ctx.reality();
    // when nothing matches, the numbers are not the names: one hint, not a line per computer
    let each = if reality.nothing_matched() {
        &[][..]
    } else {
        &reality.unmatched[..]
    };
    for inv in each {
        let name = inv
            .computer
            .name
            .clone()
            .or_else(|| inv.computer.serial.clone())
            .unwrap_or_else(|| "（没有计算机名）".into());
        let target = inv
            .sources
            .first()
            .map_or(Target::Unit, |f| Target::File(f.clone()));
        out.report(
            target,
            format!("采集到的计算机 {name}（{}）不在明细表中", sources(inv)),
            "把漏登的计算机及其软件补进明细表；计算机编号不是计算机名的，核对时用 --map 给出对照表（台账 二.2）",
        );
    }
    let missing: Vec<&str> = reality
        .computers
        .iter()
        .filter(|c| c.inventory.is_none())
        .map(|c| c.number)
        .collect();
    if missing.is_empty() || ctx.unit.inventories.is_empty() {
        return;
    }
    if reality.nothing_matched() {
        out.report(
            Target::Unit,
            format!(
                "采集到的 {} 台计算机与明细表中的 {} 个计算机编号一台也对不上（明细表如 {}，采集到的如 {}）",
                reality.unmatched.len(),
                missing.len(),
                missing[0],
                reality.unmatched[0]
                    .computer
                    .name
                    .as_deref()
                    .unwrap_or("（没有计算机名）")
            ),
            "明细表的计算机编号若不是计算机名（如资产编号），请做一张“计算机编号—计算机名”对照表，核对时用 --map 对照表.xlsx 给出；若是计算机名，请核对采集的是不是这个单位的计算机",
        );
        return;
    }
    const SHOWN: usize = 10;
    let more = if missing.len() > SHOWN {
        format!(" 等 {} 台", missing.len())
    } else {
        String::new()
    };
    out.report(
        Target::Unit,
        format!(
            "明细表中 {} 台计算机没有采集结果，没有核对：{}{more}",
            missing.len(),
            missing[..missing.len().min(SHOWN)].join("、")
        ),
        "在这些计算机上也运行采集脚本，再核对一次（只抽查一部分计算机时可以不管这条提示）",
    );
}

/// ZB707 fires on this unit (tests/rule_coverage.rs, snapshot `rules__ZB707.snap`): the
/// inventories hold SJ-PC-009, which the clean unit's ledger does not list, and none of
/// SJ-PC-003.
const TRIGGER: Trigger = Trigger::clean(&[])
    .with_inventory("tests/fixtures/inventory/clean-unit")
    .showing("ZB707");
