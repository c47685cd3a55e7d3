use super::super::prelude::*;
use crate::rules::facts::variants::variants;

declare_rule! {
    /// ## 检查什么
    /// 同一计算机编号在明细表的不同行登记在不同的姓名或部门下。以该计算机最多行登记的值为准，
    /// 其余每种写法报告一次。
    ///
    /// ## 为什么
    /// 明细表按人登记其使用的计算机和计算机中安装的软件（台账 二.1）。一台计算机挂在两个人或
    /// 两个部门名下，常见于计算机换了使用人而只改了部分行，或计算机编号写错。
    ///
    /// ## 示例
    /// | 部门 | 姓名 | 计算机编号 | 软件名称 |
    /// |---|---|---|---|
    /// | 办公室 | 张伟 | SJ-PC-001 | Windows 10 |
    /// | 办公室 | **李娜** | SJ-PC-001 | WPS Office 2019 |
    ///
    /// `计算机 SJ-PC-001 的姓名写作“李娜”，该计算机其他 3 行为“张伟”`
    ///
    /// ## 如何修改
    /// 计算机换了使用人的，把该计算机所有行改为现在的使用人和部门；编号写错的，改正编号。
    /// 确属多人共用的计算机，可忽略本提示。
    pub struct ComputerOwnerConflict {
        code: "ZB206",
        severity: Warning,
        summary: "同一计算机编号登记在不同的姓名或部门下",
    }
}

/// ZB206
pub fn check(ctx: &Context, out: &mut Sink) {
    for (computer, rows) in &ctx.facts.computers {
        for (label, found) in [
            ("姓名", variants(rows, |r| &r.user)),
            ("部门", variants(rows, |r| &r.department)),
        ] {
            let Some((main, others)) = found.split_first() else {
                continue;
            };
            for other in others {
                out.report(
                    other.cell,
                    format!(
                        "计算机 {computer} 的{label}写作“{}”，该计算机其他 {} 行为“{}”",
                        other.shown, main.rows, main.shown
                    ),
                    "计算机换了使用人的，把它的所有行改为现在的使用人和部门；计算机编号写错的，改正编号（台账 二.1、二.3）",
                )
                .related(main.cell, format!("{label}“{}”", main.shown));
            }
        }
    }
}

/// ZB206 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB206.snap`):
/// PC-001 given another user and another department on one row each.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("明细表", "C6", "李娜"),
    Edit::Set("明细表", "B7", "审计一科"),
])
.showing("ZB206");
