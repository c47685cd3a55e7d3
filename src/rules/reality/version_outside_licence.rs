use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 与计算机上实际安装的软件核对（`reconcile`）：计算机上装的版本不在汇总表这个软件的
    /// “可使用版本”之内（例如可使用版本写 2019，装的是 Office 专业增强版 2016；写 Win10，装的是
    /// Windows 7）。只比较两边都写明的年份或主版本号：可使用版本写“专业版”、软件名称里没有版本
    /// 的，不比较（软件的内部版本号往往不是它的销售版本：WPS 2019 的版本号是 11.1）。
    ///
    /// ## 为什么
    /// 许可只覆盖“可使用版本”列出的版本，可使用版本不同就是不同的许可（台账 一.3）；装了别的版本，这台计算机上的软件就没有
    /// 许可覆盖。
    ///
    /// ## 示例
    /// 汇总表中 Office 的可使用版本为 2019，CZJ-PC-04 上装的是 2016：
    /// `计算机 CZJ-PC-04 上装的是 Microsoft Office Professional Plus 2016，不在汇总表的可使用版本（2019）之内`
    ///
    /// ## 如何修改
    /// 换装许可覆盖的版本；许可确实包括这个版本的（如降级权），在汇总表的可使用版本中写明它。
    pub struct VersionOutsideLicence {
        code: "ZB703",
        severity: Warning,
        summary: "计算机上装的版本不在可使用版本之内",
    }
}

/// ZB703
pub fn check(ctx: &Context, out: &mut Sink) {
    for computer in &ctx.reality().computers {
        for outside in &computer.outside {
            let row = computer.rows[outside.row];
            let target = match &row.version.cell {
                Some(c) => Target::Cell(c.clone()),
                None => Target::Cell(row.at.clone()),
            };
            let d = out.report(
                target,
                format!(
                    "计算机 {} 上装的是 {}，不在汇总表的可使用版本（{}）之内",
                    computer.number,
                    outside.installed,
                    outside.usable.join("、")
                ),
                "换装许可覆盖的版本；许可确实包括这个版本的（如降级权），在汇总表的可使用版本中写明它（台账 一.3、二.2）",
            );
            let usable = computer.summary[outside.row]
                .and_then(|s| s.terms())
                .and_then(|t| t.usable_versions.cell.clone());
            if let Some(cell) = usable {
                d.related(Target::Cell(cell), "汇总表的可使用版本");
            }
        }
    }
}

/// ZB703 fires on this unit (tests/rule_coverage.rs, snapshot `rules__ZB703.snap`): WPS's
/// 可使用版本 says V12, and SJ-PC-001 and SJ-PC-002 run WPS Office (11.1.0.14309).
const TRIGGER: Trigger = Trigger::clean(&[Edit::Set("汇总表", "J7", "V12")])
    .with_inventory("tests/fixtures/inventory/clean-unit")
    .showing("ZB703");
