use super::super::prelude::*;
use crate::rules::facts::ymd;

declare_rule! {
    /// ## 检查什么
    /// OEM（随机预装）软件从一台计算机卸载后，又装到了另一台计算机上。
    ///
    /// 判断办法（按日期重放该软件的安装、卸载记录）：在计算机 A 上卸载之后，计算机 B（此前从未
    /// 装过这款软件）上安装了它，并且
    /// - B 此前已出现在任一安装维护明细表或明细表的安装日期中（早已在用），安装在卸载后 90 天
    ///   内；或
    /// - B 是当天新增的计算机，安装与卸载在同一天，而 A 仍在使用（明细表中还有它，或此后还有
    ///   软件装到 A 上）。随新计算机预装的那份是 B 自己的；A 上卸下的那份同日出现在 B 上，是
    ///   迁移。
    ///
    /// 在 A 上重新安装（如重装系统）不算迁移；A 报废（不再使用）后新购的计算机也不算。
    ///
    /// ## 为什么
    /// OEM 许可随计算机硬件授予，只能在原计算机上使用，计算机报废时随之报废，不能迁移到其他
    /// 计算机（配置 二.7(3)：无法迁移的随硬件报废）。迁过去的那份没有授权。
    ///
    /// ## 示例
    /// | 安装 | 卸载 | 计算机编号 | 安装/卸载日期 |
    /// |---|---|---|---|
    /// | □ | ☑ | SJ-PC-001 | 2025-03-01 |
    /// | **☑** | □ | SJ-PC-003 | 2025-03-02 |
    ///
    /// SJ-PC-003 自 2024 年起在用。若 SJ-PC-003 是 2025-03-01 新增的计算机，而 SJ-PC-001 仍在
    /// 明细表中（改装了其他操作系统），同日的卸载与安装同样是迁移。
    ///
    /// ## 如何修改
    /// 在 B 上卸载这份 OEM 软件，改装单位采购的商业许可（登记在商业软件的编号下）。
    /// 若 B 其实是随该软件新购的计算机、带有自己的预装许可，改正其计算机编号或记录日期，或把
    /// 它登记为 A 的替换机（A 报废）。
    pub struct OemMoved {
        code: "ZB311",
        severity: Error,
        summary: "OEM软件从一台计算机迁移到另一台",
    }
}

/// ZB311
pub fn check(ctx: &Context, out: &mut Sink) {
    for (t, (m, replay)) in ctx
        .unit
        .maintenance
        .iter()
        .zip(&ctx.facts.replays)
        .enumerate()
    {
        for mv in &replay.oem_moves {
            let (u, i) = (mv.uninstall, mv.install);
            let (uninstall, install) = (&m.events[u], &m.events[i]);
            let Some(cell) = install.computer_cell().or(install.action.cell()) else {
                continue;
            };
            let from = ctx.facts.event_computer(t, u).unwrap_or_default();
            let to = ctx.facts.event_computer(t, i).unwrap_or_default();
            let date = |e: &crate::ledger::maintenance::Event| {
                e.date.value().map(|d| ymd(*d)).unwrap_or_default()
            };
            let message = if mv.onto_new {
                format!(
                    "OEM软件 {} 从仍在使用的 {from} 卸载，同日装到了新增的计算机 {to}：预装许可不能迁移",
                    date(uninstall)
                )
            } else {
                format!(
                    "OEM软件 {} 从 {from} 卸载后，{} 装到了已在使用的计算机 {to}：预装许可不能迁移",
                    date(uninstall),
                    date(install)
                )
            };
            let d = out.report(
                cell,
                message,
                "在该计算机上卸载这份 OEM 软件，改装单位采购的商业许可；若它是随软件新购的计算机，改正编号或日期（配置 二.7）",
            );
            if let Some(c) = uninstall
                .computer
                .cell
                .as_ref()
                .or(uninstall.date.cell.as_ref())
            {
                d.related(c, format!("{} 从 {from} 卸载", date(uninstall)));
            }
        }
    }
}

/// ZB311 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB311.snap`):
/// SJ-PC-001's OEM Windows uninstalled and reinstalled on SJ-PC-003, a computer in use since
/// 2024 that never had it.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("RJ001", "B11", "□"),
    Edit::Set("RJ001", "C11", "☑"),
    Edit::Set("RJ001", "D11", "SJ-PC-001"),
    Edit::Set("RJ001", "F11", "张伟"),
    Edit::Set("RJ001", "G11", "办公室"),
    Edit::Set("RJ001", "I11", "@2025-03-01"),
    Edit::Push(
        "RJ001",
        &[
            "#4",
            "☑",
            "□",
            "SJ-PC-003",
            "联想",
            "刘洋",
            "审计二科",
            "专业版",
            "@2025-03-02",
            "#1",
        ],
    ),
    Edit::Set("汇总表", "M6", "#2"),
    Edit::DeleteRow("明细表", 5),
]);
