use std::collections::BTreeSet;

use super::super::prelude::*;
use crate::rules::facts::log_name;

declare_rule! {
    /// ## 检查什么
    /// 汇总表一个软件编号的**安装数量**不等于明细表中该编号的行数。软件编号写错但能按名称认出的
    /// 行计入它本来的编号（编号错误由 ZB403/ZB404 报告）。以下情况不在此报告，以免一处错误报多次：
    /// 差异只因明细表同一计算机登记了两行（ZB204）；或汇总表与安装维护明细表一致、只是明细表
    /// 少登或多登了某台计算机（ZB407 指出是哪一台）。
    ///
    /// ## 为什么
    /// 安装数量就是明细表中这款软件的安装份数（台账 一.13、二.3：按安装维护情况至少每半年更新
    /// 汇总表和明细表）。两表不一致，许可是否够用就无从判断。
    ///
    /// ## 示例
    /// 汇总表 RJ002 安装数量 **3**；明细表中 RJ002 有 4 行（SJ-PC-001、SJ-PC-002、SJ-PC-003、
    /// SJ-PC-004）。
    ///
    /// ## 如何修改
    /// 按明细表重新统计安装数量；若明细表有误，先改明细表。
    pub struct InstalledCountVsUsage {
        code: "ZB405",
        severity: Error,
        summary: "汇总表安装数量与明细表行数不一致",
        derived: Replaces("汇总表的安装数量"),
    }
}

/// ZB405
pub fn check(ctx: &Context, out: &mut Sink) {
    let (Some(summary), Some(usage)) = (ctx.unit.summary(), ctx.unit.usage()) else {
        return;
    };
    // An empty usage ledger is reported once (ZB407), not per software.
    if usage.rows.is_empty() {
        return;
    }
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
        let Some((installed, rows)) = rec.summary_vs_usage() else {
            continue;
        };
        let computers: Vec<&str> = rec.usage_holders.keys().map(String::as_str).collect();
        let listed = if computers.is_empty() {
            String::new()
        } else if computers.len() <= 6 {
            format!("（{}）", computers.join("、"))
        } else {
            format!(
                "（{} 等 {} 台计算机）",
                computers[..5].join("、"),
                computers.len()
            )
        };
        let d = out.report(
            cell,
            format!("安装数量 {installed}，明细表中 {id} 有 {rows} 行{listed}"),
            "按明细表重新统计安装数量；明细表有误的先改明细表（台账 一.13、二.3）",
        );
        let first = rec
            .usage_rows
            .as_ref()
            .and_then(|r| r.first())
            .and_then(|&r| usage.rows.get(r))
            .and_then(|r| r.id.cell.clone())
            .unwrap_or_else(|| usage.meta.anchor());
        d.related(first, format!("明细表 {id} 共 {rows} 行"));
        // The log agrees with the usage ledger: the summary is the odd one out.
        if let (Some(t), Some(held)) = (rec.table, rec.held) {
            if held == rows {
                let m = &ctx.unit.maintenance[t];
                d.related(
                    m.meta.anchor(),
                    format!("{}按日期重放也装有 {held} 份", log_name(m)),
                );
            }
        }
    }
}

/// ZB405 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB405.snap`):
/// The summary counts 4 WPS copies; both other ledgers count 3.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "M7", "#4"),
]);
