use super::super::prelude::*;
use crate::rules::facts::ymd;
use chrono::NaiveDate;

declare_rule! {
    /// ## 检查什么
    /// 软件安装维护情况明细表第二部分的行没有按安装/卸载日期先后登记。只指出打乱顺序的最少几行
    /// （一行放错位置只报这一行），每张表报告一次；晚于检查日期的行由 ZB310 报告，这里不计。
    ///
    /// ## 为什么
    /// 台账 三.4 要求安装、卸载后随时登记，记录自然按时间先后排列。顺序错乱往往是日期填错，
    /// 也让人工核对某一天的安装数量变得困难。
    ///
    /// ## 示例
    /// | 序号 | 安装/卸载日期 |
    /// |---|---|
    /// | 1 | 2024-03-01 |
    /// | 2 | **2024-10-01** |
    /// | 3 | 2024-04-01 |
    ///
    /// ## 如何修改
    /// 核对放错位置的行的日期；日期无误的，把该行移到对应的时间位置。
    pub struct EventsOutOfOrder {
        code: "ZB306",
        severity: Warning,
        summary: "安装卸载记录未按日期顺序登记",
    }
}

/// ZB306
pub fn check(ctx: &Context, out: &mut Sink) {
    let events = &ctx.unit.maintenance;
    for log in &ctx.facts.log_orders {
        let event = |pos: usize| {
            let (t, e) = log.rows[pos];
            &events[t].events[e]
        };
        let date_at = |pos: usize| event(pos).date.value().copied();
        let outlier = |pos: usize| log.out_of_order.contains(&log.rows[pos]);
        let describe = |pos: usize| -> Option<(CellRef, String)> {
            let date = date_at(pos)?;
            let in_order = |j: &usize| !outlier(*j) && date_at(*j).is_some();
            let before = (0..pos).rev().find(in_order).and_then(date_at);
            let after = (pos + 1..log.rows.len()).find(in_order).and_then(date_at);
            // Which way the log runs: a row above is earlier (oldest first) or later.
            let newest = log.newest_first;
            let above_ok = |a: NaiveDate| if newest { a >= date } else { a <= date };
            let below_ok = |b: NaiveDate| if newest { b <= date } else { b >= date };
            let (sooner, later, note) = if newest {
                ("晚于", "早于", "（本表新的记录在上）")
            } else {
                ("早于", "晚于", "")
            };
            let text = match (before, after) {
                (Some(b), _) if !above_ok(b) => {
                    format!("日期 {} {sooner}上方一行的 {}{note}", ymd(date), ymd(b))
                }
                (_, Some(a)) if !below_ok(a) => {
                    format!("日期 {} {later}下方一行的 {}{note}", ymd(date), ymd(a))
                }
                _ => format!("日期 {} 不在先后顺序上{note}", ymd(date)),
            };
            Some((event(pos).date.cell.clone()?, text))
        };
        let outliers: Vec<usize> = (0..log.rows.len()).filter(|&p| outlier(p)).collect();
        let mut described = outliers.iter().filter_map(|&p| describe(p));
        let Some((cell, text)) = described.next() else {
            continue;
        };
        let more = if outliers.len() > 1 {
            format!("（共 {} 行不在顺序上）", outliers.len())
        } else {
            String::new()
        };
        let d = out.report(
            cell,
            format!("安装卸载记录未按日期顺序登记：{text}{more}"),
            "核对这一行的日期；日期无误的，把该行移到对应的时间位置（台账 三.4）",
        );
        for (c, t) in described {
            d.related(c, t);
        }
    }
}

/// ZB306 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB306.snap`):
/// The first WPS event dated after the second.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("RJ002", "I9", "@2024-03-10"),
]);
