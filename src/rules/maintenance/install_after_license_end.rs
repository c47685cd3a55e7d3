use super::super::prelude::*;
use crate::ledger::maintenance::Action;
use crate::rules::facts::ymd;

declare_rule! {
    /// ## 检查什么
    /// 商业软件的一条安装记录，日期晚于汇总表许可期限的到期日（许可期限按采购时间推算，
    /// 如“3年”）。晚于检查日期的记录由 ZB310 报告，这里不计。
    ///
    /// ## 为什么
    /// 许可到期后软件不再有使用授权，此后的安装是未经授权的复制（办法 第三条）。
    ///
    /// ## 示例
    /// 汇总表 RJ003 许可期限 2024.1.10-2025.1.9；安装维护明细表 2025-03-01 在 SJ-PC-004 安装 RJ003。
    ///
    /// ## 如何修改
    /// 续购许可后以新软件编号登记并改在新编号下安装，或卸载这份安装；日期填错的改正日期。
    pub struct InstallAfterLicenseEnd {
        code: "ZB308",
        severity: Error,
        summary: "安装日期晚于许可期限",
    }
}

/// ZB308
pub fn check(ctx: &Context, out: &mut Sink) {
    for (m, id) in ctx.unit.maintenance.iter().zip(&ctx.facts.maintenance_ids) {
        let Some(terms) = id
            .as_ref()
            .and_then(|r| ctx.facts.summary_row(&r.id))
            .and_then(|r| r.commercial())
        else {
            continue;
        };
        let Some(end) = terms.term_end() else {
            continue;
        };
        for e in &m.events {
            let (Some(Action::Install), Some(&date), Some(cell)) =
                (e.action.single(), e.date.value(), &e.date.cell)
            else {
                continue;
            };
            if date <= end || date > ctx.as_of {
                continue;
            }
            let d = out.report(
                cell,
                format!("安装日期 {} 晚于许可到期日 {}", ymd(date), ymd(end)),
                "续购许可后以新软件编号登记，或卸载这份安装；日期填错的改正日期（办法 第三条）",
            );
            if let Some(c) = &terms.term.cell {
                d.related(
                    c,
                    format!("汇总表许可期限 {}（到期日 {}）", terms.term.raw, ymd(end)),
                );
            }
        }
    }
}

/// ZB308 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB308.snap`):
/// A one-year 奇安信 license bought 2024-01-10, and an install on 2025-03-01.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "K8", "1年"),
    Edit::Set("RJ003", "I6", "1年"),
    Edit::Set("明细表", "I7", "1年"),
    Edit::Set("明细表", "I11", "1年"),
    Edit::Set("明细表", "I15", "1年"),
    Edit::Set("RJ003", "I11", "@2025-03-01"),
]);
