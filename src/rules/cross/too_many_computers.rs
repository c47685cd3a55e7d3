use std::collections::BTreeSet;

use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 明细表中不同计算机编号的数量，多于汇总表表头登记的 服务器数 + 台式机数 + 便携机数。
    /// 能认出是笔误的计算机编号（见 ZB407）按同一台计算。
    ///
    /// ## 为什么
    /// 台账 一.1、一.11：汇总表登记单位计算机总体情况，新增、处置计算机办公设备后更新。明细表
    /// 中出现的计算机比汇总表登记的多，说明汇总表没有随新增设备更新，或明细表的编号写乱了。
    ///
    /// ## 示例
    /// 汇总表：服务器数 0，台式机数 3，便携机数 0；明细表中有 SJ-PC-001 至 SJ-PC-004 四台计算机。
    ///
    /// ## 如何修改
    /// 按实际设备更新汇总表的计算机情况；明细表中同一台计算机的编号写得不一致的，统一编号。
    pub struct TooManyComputers {
        code: "ZB408",
        severity: Error,
        summary: "明细表中的计算机多于汇总表登记的计算机数",
    }
}

/// ZB408
pub fn check(ctx: &Context, out: &mut Sink) {
    let (Some(summary), Some(usage)) = (ctx.unit.summary(), ctx.unit.usage()) else {
        return;
    };
    let h = &summary.header;
    let fields = [
        ("服务器", h.servers.as_ref()),
        ("台式机", h.desktops.as_ref()),
        ("便携机", h.laptops.as_ref()),
    ];
    if fields
        .iter()
        .any(|(_, f)| f.is_some_and(|f| f.is_invalid()))
        || !fields
            .iter()
            .any(|(_, f)| f.is_some_and(|f| f.value().is_some()))
    {
        return;
    }
    let registered: i64 = fields
        .iter()
        .map(|(_, f)| f.and_then(|f| f.value().copied()).unwrap_or(0))
        .sum();
    let computers: BTreeSet<&str> = (0..usage.rows.len())
        .filter_map(|r| ctx.facts.usage_computer(r))
        .collect();
    let n = computers.len() as i64;
    if n <= registered {
        return;
    }
    // Most offices' computers are desktops: point there when the cell exists.
    let Some(cell) = [fields[1], fields[0], fields[2]]
        .iter()
        .find_map(|(_, f)| f.and_then(|f| f.cell.clone()))
    else {
        return;
    };
    let parts: Vec<String> = fields
        .iter()
        .map(|(label, f)| {
            format!(
                "{label} {}",
                f.and_then(|f| f.value().copied()).unwrap_or(0)
            )
        })
        .collect();
    let d = out.report(
        cell,
        format!(
            "明细表中有 {n} 台不同的计算机，汇总表只登记了 {}，共 {registered} 台",
            parts.join(" + ")
        ),
        "按实际设备更新汇总表的计算机情况；同一台计算机编号写得不一致的统一编号（台账 一.11）",
    );
    d.related(usage.meta.anchor(), format!("明细表：{n} 台计算机"));
}

/// ZB408 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB408.snap`):
/// 台式机数 2, with 3 computers in the usage ledger.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "E4", "#2"),
]);
