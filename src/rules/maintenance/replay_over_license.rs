use super::super::prelude::*;
use crate::rules::facts::ymd;

declare_rule! {
    /// ## 检查什么
    /// 按日期顺序重放商业软件的安装、卸载记录，某一天装着的份数超过了汇总表的**许可数量**。
    /// 报告第一次超出的那条安装记录。汇总表的安装数量本身已超过许可数量时，由 ZB111 报告，
    /// 这里不重复。
    ///
    /// ## 为什么
    /// 《政府机关使用正版软件管理办法》第三条要求使用正版软件；任何时候装着的份数超过许可数量，
    /// 多出的就是未经授权的复制，即使后来卸载了。
    ///
    /// ## 示例
    /// 许可数量 5；第 6 次安装（2024-06-01，SJ-PC-006）之前没有卸载：
    /// 装着 6 份，超过许可数量 5。
    ///
    /// ## 如何修改
    /// 先卸载再安装（调剂许可），补登漏掉的卸载记录；或补购许可后以新软件编号登记。
    pub struct ReplayOverLicense {
        code: "ZB307",
        severity: Error,
        summary: "按日期重放，安装份数超过许可数量",
    }
}

/// ZB307
pub fn check(ctx: &Context, out: &mut Sink) {
    for ((m, replay), id) in ctx
        .unit
        .maintenance
        .iter()
        .zip(&ctx.facts.replays)
        .zip(&ctx.facts.maintenance_ids)
    {
        let Some((i, copies, licenses)) = replay.over_license else {
            continue;
        };
        let row = id.as_ref().and_then(|r| ctx.facts.summary_row(&r.id));
        let terms = row.and_then(|r| r.commercial());
        // The summary already states the over-deployment: ZB111 reports it.
        if let Some(t) = terms {
            if let (Some(inst), Some(lic)) = (
                row.and_then(|r| r.installed.value()),
                t.license_count.value(),
            ) {
                if inst > lic {
                    continue;
                }
            }
        }
        let e = &m.events[i];
        let Some(cell) = e.date.cell.as_ref().or(e.computer.cell.as_ref()) else {
            continue;
        };
        let date = e.date.value().map(|d| ymd(*d)).unwrap_or_default();
        let d = out.report(
            cell,
            format!(
                "{date} 在 {} 安装后共装有 {copies} 份，超过许可数量 {licenses}",
                e.computer.value().map(String::as_str).unwrap_or("（未填计算机编号）")
            ),
            "超出许可的安装须卸载，或补购许可后以新软件编号登记；漏登的卸载请补登（办法 第三条；台账 三.4）",
        );
        match terms.and_then(|t| t.license_count.cell.as_ref()) {
            Some(c) => {
                d.related(c, format!("汇总表许可数量 {licenses}"));
            }
            None => {
                if let Some(c) = &m.info.license_count.cell {
                    d.related(c, format!("许可数量 {licenses}"));
                }
            }
        }
    }
}

/// ZB307 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB307.snap`):
/// 3 WPS licenses, and a fourth copy installed on SJ-PC-004 for nine days in April 2024.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "I7", "#3"),
    Edit::Set("RJ002", "G6", "#3"),
    Edit::Push(
        "RJ002",
        &[
            "#4",
            "☑",
            "□",
            "SJ-PC-004",
            "联想",
            "王五",
            "办公室",
            "专业版",
            "@2024-04-01",
            "#1",
        ],
    ),
    Edit::Push(
        "RJ002",
        &[
            "#5",
            "□",
            "☑",
            "SJ-PC-004",
            "联想",
            "王五",
            "办公室",
            "专业版",
            "@2024-04-10",
            "#1",
        ],
    ),
]);
