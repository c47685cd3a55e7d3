use chrono::Months;

use super::super::prelude::*;
use crate::ledger::table::HeaderBlock;
use crate::rules::facts::ymd;

declare_rule! {
    /// ## 检查什么
    /// 汇总表或明细表的**填表日期**早于检查日期半年以上，或早于安装维护明细表中最近一条记录
    /// 半年以上（晚于检查日期的记录由 ZB310 报告，这里不计）。两张表各报告一次。
    ///
    /// ## 为什么
    /// 台账 一.13、二.3：根据安装维护明细表登记的安装和卸载情况，“至少每半年更新”汇总表和明细表
    /// 一次。填表日期超过半年，台账已不反映现状。
    ///
    /// ## 示例
    /// 检查日期 2026-11-25；汇总表填表日期 **2025-12-31**，此后安装维护明细表还登记了 6 条记录。
    ///
    /// ## 如何修改
    /// 按安装维护明细表更新汇总表和明细表，并改填表日期为更新的日期。
    pub struct StaleLedger {
        code: "ZB413",
        severity: Warning,
        summary: "台账超过半年未更新",
    }
}

/// ZB413
pub fn check(ctx: &Context, out: &mut Sink) {
    let events: Vec<(chrono::NaiveDate, CellRef)> = ctx
        .unit
        .maintenance
        .iter()
        .flat_map(|m| &m.events)
        .filter_map(|e| Some((*e.date.value()?, e.date.cell.clone()?)))
        .filter(|(d, _)| *d <= ctx.as_of)
        .collect();
    let newest = events.iter().max_by_key(|(d, _)| *d);
    let ledgers: [(&str, Option<&HeaderBlock>); 2] = [
        ("软件使用情况汇总表", ctx.unit.summary().map(|s| &s.header)),
        ("软件使用情况明细表", ctx.unit.usage().map(|u| &u.header)),
    ];
    for (title, header) in ledgers {
        let Some(field) = header.and_then(|h| h.filled_on.as_ref()) else {
            continue;
        };
        let (Some(&filled), Some(cell)) = (field.value(), &field.cell) else {
            continue;
        };
        let Some(due) = filled.checked_add_months(Months::new(6)) else {
            continue;
        };
        // The newest event is never after the check date, so this covers both limits.
        if due >= ctx.as_of {
            continue;
        }
        let later = events.iter().filter(|(d, _)| *d > filled).count();
        let since = match newest {
            Some((d, _)) if later > 0 => format!(
                "；此后安装维护明细表又登记了 {later} 条安装卸载记录（最近 {}）",
                ymd(*d)
            ),
            _ => String::new(),
        };
        let d = out.report(
            cell,
            format!(
                "{title}填表日期 {}，距检查日期 {} 已超过半年{since}",
                ymd(filled),
                ymd(ctx.as_of)
            ),
            "按安装维护明细表更新台账，并改填表日期为更新日期（台账 一.13、二.3：至少每半年更新一次）",
        );
        if let Some((date, c)) = newest.filter(|_| later > 0) {
            d.related(c, format!("最近一条安装卸载记录 {}", ymd(*date)));
        }
    }
}

/// ZB413 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB413.snap`):
/// Summary and usage ledger filled 2024-03-31, with WPS moved on and off SJ-PC-003 in May
/// 2026.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "A2", "单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：023-70611234    填表日期：2024年3月31日"),
    Edit::Set("明细表", "A2", "单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：023-70611234    填表日期：2024年3月31日"),
    Edit::Push(
        "RJ002",
        &[
            "#4",
            "□",
            "☑",
            "SJ-PC-003",
            "联想",
            "刘洋",
            "审计二科",
            "专业版",
            "@2026-05-10",
            "#1",
        ],
    ),
    Edit::Push(
        "RJ002",
        &[
            "#5",
            "☑",
            "□",
            "SJ-PC-003",
            "联想",
            "刘洋",
            "审计二科",
            "专业版",
            "@2026-05-11",
            "#1",
        ],
    ),
]);
