use super::super::prelude::*;
use crate::rules::facts::variants::variants;

declare_rule! {
    /// ## 检查什么
    /// 同一计算机编号在明细表的不同行登记了不同的计算机品牌。以该计算机最多行登记的品牌为准，
    /// 其余每种写法报告一次。
    ///
    /// ## 为什么
    /// 计算机编号标识一台计算机（台账 二.1）；品牌不一致，说明编号写错（两台计算机用了同一
    /// 编号）或品牌写错，后续按计算机核对安装情况就会出错。
    ///
    /// ## 示例
    /// | 计算机编号 | 计算机品牌 | 软件名称 |
    /// |---|---|---|
    /// | SJ-PC-001 | 联想 | Windows 10 |
    /// | SJ-PC-001 | **华为** | WPS Office 2019 |
    ///
    /// `计算机 SJ-PC-001 的品牌写作“华为”，该计算机其他 1 行为“联想”`
    ///
    /// ## 如何修改
    /// 若是同一台计算机，把品牌改成一致；若是两台计算机，给其中一台改用它自己的计算机编号。
    pub struct ComputerBrandConflict {
        code: "ZB203",
        severity: Error,
        summary: "同一计算机编号登记了不同的计算机品牌",
    }
}

/// ZB203
pub fn check(ctx: &Context, out: &mut Sink) {
    for (computer, rows) in &ctx.facts.computers {
        let found = variants(rows, |r| &r.brand);
        let Some((main, others)) = found.split_first() else {
            continue;
        };
        for other in others {
            out.report(
                other.cell,
                format!(
                    "计算机 {computer} 的品牌写作“{}”，该计算机其他 {} 行为“{}”",
                    other.shown, main.rows, main.shown
                ),
                "同一台计算机把品牌改成一致；若是两台计算机，给其中一台改用它自己的计算机编号（台账 二.1）",
            )
            .related(main.cell, format!("计算机品牌“{}”", main.shown));
        }
    }
}

/// ZB203 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB203.snap`):
/// PC-001 given another brand on one row; case and spacing (PC-002) do not make another brand.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("明细表", "E6", "华为"),
    Edit::Set("明细表", "E10", " 华 为 "),
])
.showing("ZB203");
