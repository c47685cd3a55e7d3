use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 一份软件安装维护情况明细表第一部分的**软件编号**在汇总表中不存在（或为空）。软件名称
    /// 对得上汇总表的某一个编号时，指出应是哪个编号；编号虽存在但属于另一款软件时也在此报告。
    /// 本表其余的核对都按推断出的编号进行，不会因这一处错误再报其他问题。
    ///
    /// ## 为什么
    /// 台账 三.2：安装维护明细表按汇总表中的软件编号建立，一个编号一份。对不上编号，这张表的
    /// 安装卸载记录就无法与汇总表、明细表核对。
    ///
    /// ## 示例
    /// 汇总表有 RJ003 奇安信天擎终端安全管理系统；安装维护明细表第一部分写的是 **RJ03** 奇安信天擎
    /// 终端安全管理系统：应为 RJ003。
    ///
    /// ## 如何修改
    /// 把软件编号改为汇总表中的编号；若是汇总表漏登的软件，先在汇总表登记。
    pub struct MaintenanceUnknownId {
        code: "ZB402",
        severity: Error,
        summary: "安装维护明细表的软件编号不在汇总表中",
    }
}

const HELP: &str = "把软件编号改为汇总表中的编号；汇总表漏登的软件先在汇总表登记（台账 三.2）";

/// ZB402
pub fn check(ctx: &Context, out: &mut Sink) {
    // Without a single summary number every table would be reported; ZB403 reports the
    // empty summary when the usage ledger has rows, this rule once otherwise.
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    if ctx.facts.by_id.is_empty() {
        let used = ctx.unit.usage().is_some_and(|u| !u.rows.is_empty());
        let logged = ctx.unit.maintenance.iter().any(|m| !m.events.is_empty());
        if !used && logged {
            out.report(
                summary.meta.anchor(),
                format!(
                    "汇总表没有登记任何软件编号，{} 张安装维护明细表都无从对应",
                    ctx.unit.maintenance.len()
                ),
                "按单位的全部软件填写汇总表，每款软件一个编号（台账 一.1、三.2）",
            );
        }
        return;
    }
    for (m, resolved) in ctx.unit.maintenance.iter().zip(&ctx.facts.maintenance_ids) {
        let typed = m.id();
        if resolved.as_ref().is_some_and(|r| !r.guessed) {
            continue;
        }
        // The summary row of this software lacks its number: ZB102 reports it, with this table.
        if resolved.is_none()
            && ctx
                .facts
                .idless_row(ctx.unit, m.info.name.value().map(String::as_str))
                .is_some()
        {
            continue;
        }
        // A blank copy of the template, not yet used for any software.
        if typed.is_none() && m.info.name.is_blank() && m.events.is_empty() {
            continue;
        }
        let cell = m.info.id.cell.clone().unwrap_or_else(|| m.meta.anchor());
        let name = m.info.name.value().map(String::as_str);
        let namesakes = name
            .map(|n| {
                ctx.facts
                    .ids_by_name(n, m.info.version.value().map(String::as_str))
            })
            .unwrap_or_default();
        let by = if namesakes.len() > 1 {
            format!(
                "同名软件有 {}，按编号写法和已有的安装维护明细表判断应为",
                namesakes.join("、")
            )
        } else {
            "按软件名称应为".to_string()
        };
        let what = match (typed, resolved) {
            (Some(t), Some(r)) if ctx.facts.by_id.contains_key(t) => format!(
                "软件编号 {t} 在汇总表中是 {}，本表的 {} 在汇总表中编号为 {}",
                summary_name(ctx, t),
                name.unwrap_or_default(),
                r.id
            ),
            (Some(t), Some(r)) => format!(
                "软件编号 {t} 不在汇总表中；{by} {}（{}）",
                r.id,
                summary_name(ctx, &r.id)
            ),
            (None, Some(r)) => format!(
                "软件编号为空；{by} {}（{}）",
                r.id,
                summary_name(ctx, &r.id)
            ),
            (Some(t), None) => {
                let candidates = name
                    .map(|n| {
                        ctx.facts
                            .ids_by_name(n, m.info.version.value().map(String::as_str))
                    })
                    .unwrap_or_default();
                if candidates.len() > 1 {
                    format!(
                        "软件编号 {t} 不在汇总表中；同名软件有 {}，请确认是哪一个",
                        candidates.join("、")
                    )
                } else {
                    format!("软件编号 {t} 不在汇总表中")
                }
            }
            (None, None) if m.info.id.cell.is_none() => {
                "没有软件基本信息（软件编号），无法与汇总表对应".to_string()
            }
            (None, None) => "软件编号为空，无法与汇总表对应".to_string(),
        };
        let help = match resolved {
            Some(r) => format!("把软件编号改为 {}（台账 三.2）", r.id),
            None => HELP.to_string(),
        };
        let d = out.report(cell, what, help);
        if let Some(r) = resolved {
            if let Some(c) = ctx
                .facts
                .summary_row(&r.id)
                .and_then(|row| row.id.cell.as_ref())
            {
                d.related(c, format!("汇总表 {} {}", r.id, summary_name(ctx, &r.id)));
            }
        }
    }
}

fn summary_name(ctx: &Context, id: &str) -> String {
    ctx.facts
        .summary_row(id)
        .and_then(|r| r.name.value())
        .cloned()
        .unwrap_or_default()
}

/// ZB402 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB402.snap`):
/// RJ003's maintenance sheet numbered RJ03.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("RJ003", "A6", "RJ03"),
]);
