use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 汇总表中商业软件的**安装数量**大于**许可数量**，即超出许可安装（超装）。
    ///
    /// ## 为什么
    /// 《政府机关使用正版软件管理办法》第三条要求政府机关使用正版软件；超出许可数量的每一份安装
    /// 都是未获授权的复制。检查时按“安装数量 − 许可数量”计算缺少的许可。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 软件类型 | 许可数量 | 安装数量 |
    /// |---|---|---|---|---|
    /// | RJ004 | Microsoft Office 2019 专业增强版 | 商业软件 | 10 | **12** |
    ///
    /// 安装数量 12 超过许可数量 10，缺 2 个许可。
    ///
    /// ## 如何修改
    /// 卸载多出的安装（并在安装维护情况明细表中登记卸载），或补购许可后新增一个软件编号登记
    /// 新的采购批次（台账 一.3）。若安装数量填错，按明细表重新统计。
    pub struct OverDeployment {
        code: "ZB111",
        severity: Error,
        summary: "商业软件安装数量超过许可数量",
    }
}

/// ZB111
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        let Some(terms) = row.commercial() else {
            continue;
        };
        let (Some(&installed), Some(&licensed)) =
            (row.installed.value(), terms.license_count.value())
        else {
            continue;
        };
        if installed > licensed {
            let Some(cell) = row.installed.cell.clone() else {
                continue;
            };
            let d = out.report(
                cell,
                format!(
                    "安装数量 {installed} 超过许可数量 {licensed}，缺 {} 个许可",
                    installed - licensed
                ),
                "卸载多出的安装并在安装维护情况明细表登记，或补购许可后以新软件编号登记（台账 一.3；办法 第三条）",
            );
            if let Some(c) = &terms.license_count.cell {
                d.related(c, format!("许可数量 {licensed}"));
            }
        }
    }
}

/// ZB111 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB111.snap`):
/// WPS licensed for 2 copies (summary and its maintenance sheet) but installed on 3; the
/// summary shows it, so the replay (ZB307) stays silent.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "I7", "#2"),
    Edit::Set("RJ002", "G6", "#2"),
])
.without("ZB307");
