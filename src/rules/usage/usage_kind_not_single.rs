use super::super::prelude::*;
use crate::schema::TableKind;

declare_rule! {
    /// ## 检查什么
    /// 明细表的软件类型（商业软件 / OEM软件 / 免费软件 三个勾选框）没有恰好勾选一项：一项都
    /// 没勾、勾了多项，或勾选框里写了无法识别的内容。
    ///
    /// ## 为什么
    /// 每个软件只属于一种类型（台账 一.1、二.1），类型决定要核对的许可信息：商业软件核对许可
    /// 数量和期限，OEM 软件随机预装，免费软件须在可使用免费软件清单中。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 商业软件 | OEM软件 | 免费软件 |
    /// |---|---|---|---|---|
    /// | RJ002 | WPS Office 2019 | ☑ | ☑ | □ |
    ///
    /// `软件类型勾选了 2 项（商业软件、OEM软件），应只勾选一项`
    ///
    /// ## 如何修改
    /// 按汇总表中该软件编号的软件类型，只在对应的一栏打 ☑，其余两栏为 □。
    pub struct UsageKindNotSingle {
        code: "ZB202",
        severity: Error,
        summary: "明细表软件类型没有恰好勾选一项",
    }
}

/// ZB202
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(usage) = ctx.unit.usage() else {
        return;
    };
    for (i, row) in usage.rows.iter().enumerate() {
        let choice = &row.kind;
        let Some(first) = choice.cell() else {
            continue;
        };
        let invalid = ctx
            .unit
            .invalid_values
            .iter()
            .find(|v| v.table == TableKind::Usage && choice.cells.contains(&v.cell));
        // Some offices type the type into one text column instead of three boxes.
        let text_column = choice.cells.len() == 1;
        let message = match (invalid, choice.ticked.len()) {
            (Some(v), _) if text_column => {
                format!(
                    "软件类型“{}”无法识别，应为商业软件、OEM软件或免费软件",
                    v.raw
                )
            }
            (Some(v), _) => format!("软件类型勾选框中的“{}”无法识别，应为 ☑ 或 □", v.raw),
            (None, 1) => continue,
            (None, 0) if text_column => "软件类型为空".to_string(),
            (None, 0) => format!("软件类型未勾选（{}），应勾选一项", choice.raw),
            (None, n) => {
                let kinds: Vec<&str> = choice.ticked.iter().map(|k| k.label()).collect();
                format!(
                    "软件类型勾选了 {n} 项（{}），应只勾选一项",
                    kinds.join("、")
                )
            }
        };
        let target = invalid
            .map(|v| v.cell.clone())
            .unwrap_or_else(|| first.clone());
        let summary = ctx
            .facts
            .usage_ids
            .get(i)
            .and_then(|r| r.as_ref())
            .and_then(|r| ctx.facts.summary_row(&r.id).map(|row| (r, row)));
        let hint = summary
            .and_then(|(r, s)| {
                s.kind()
                    .map(|k| format!("汇总表中 {} 为{}；", r.id, k.label()))
            })
            .unwrap_or_default();
        let d = out.report(
            target,
            message,
            if text_column {
                format!("{hint}填写商业软件、OEM软件或免费软件之一（台账 二.1）")
            } else {
                format!("{hint}只在对应的一栏打 ☑，其余为 □（台账 二.1）")
            },
        );
        if let Some((_, s)) = summary {
            if let (Some(k), Some(c)) = (s.kind(), &s.kind.cell) {
                d.related(c, format!("汇总表：软件类型 {}", k.label()));
            }
        }
    }
}

/// ZB202 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB202.snap`):
/// Two kind boxes ticked, none ticked, and an unreadable box.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("明细表", "K6", "☑"),
    Edit::Set("明细表", "J10", "□"),
    Edit::Set("明细表", "J14", "可能"),
])
.showing("ZB202 ZB006");
