use std::collections::BTreeSet;

use super::super::prelude::*;
use crate::rules::facts::log_name;

declare_rule! {
    /// ## 检查什么
    /// 汇总表一个软件编号的**安装数量**不等于它的安装维护明细表按日期重放后装着的份数
    /// （Σ 安装 − Σ 卸载 的安装数量；在已装有的计算机上重复登记安装、卸载未装的计算机不计，
    /// 由 ZB305/ZB304 报告）。以下情况不在此报告：汇总表与明细表一致、只是安装维护明细表漏登或
    /// 多登了某台计算机（ZB407 指出是哪一台）；或明细表与安装维护明细表一致、错的只是汇总表
    /// （ZB405 已报告）。
    ///
    /// ## 为什么
    /// 台账 一.13：“根据《软件安装维护情况明细表》中登记的软件安装和卸载情况，至少每半年更新
    /// 《软件使用情况汇总表》一次。”安装数量应等于安装维护记录的结果。
    ///
    /// ## 示例
    /// 汇总表 RJ002 安装数量 **3**；RJ002 的安装维护明细表登记安装 4 份、卸载 0 份。
    ///
    /// ## 如何修改
    /// 按安装维护明细表更新安装数量；若安装维护明细表漏登、错登，先补正记录。
    pub struct InstalledCountVsMaintenance {
        code: "ZB406",
        severity: Error,
        summary: "汇总表安装数量与安装维护明细表不一致",
    }
}

/// ZB406
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    let mut seen = BTreeSet::new();
    for row in &summary.rows {
        let (Some(id), Some(cell)) = (row.id(), &row.installed.cell) else {
            continue;
        };
        if !seen.insert(id) {
            continue;
        }
        let Some(rec) = ctx.facts.reconcile(ctx.unit, id) else {
            continue;
        };
        let (Some((installed, held)), Some(t)) = (rec.summary_vs_maintenance(), rec.table) else {
            continue;
        };
        let m = &ctx.unit.maintenance[t];
        let replay = &ctx.facts.replays[t];
        let net = if replay.net != held {
            format!(
                "（安装 − 卸载 = {}，其中重复安装或无安装的卸载不计）",
                replay.net
            )
        } else {
            String::new()
        };
        let d = out.report(
            cell,
            format!(
                "安装数量 {installed}，{}按日期重放装有 {held} 份{net}",
                log_name(m)
            ),
            "按安装维护明细表更新安装数量；记录漏登、错登的先补正记录（台账 一.13）",
        );
        d.related(m.meta.anchor(), format!("{}：装有 {held} 份", log_name(m)));
    }
}

/// ZB406 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB406.snap`):
/// One WPS install logged as 2 copies.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("RJ002", "J9", "#2"),
]);
