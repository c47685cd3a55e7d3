use super::super::prelude::*;
use super::{home, Round, RoundSink};

declare_rule! {
    /// ## 检查什么
    /// 与上年的报送比较（`report --previous`）：上年汇总表登记的商业软件许可，今年的汇总表
    /// 里没有了（或许可数量变少了），而今年这个软件的安装维护明细表中没有任何卸载记录。
    /// 上年登记时许可期限已在今年检查日期之前结束的，不算。
    ///
    /// ## 为什么
    /// 许可是单位的资产，不会无故消失。许可少了却没有卸载记录，要么是台账漏登了卸载，要么是
    /// 软件还装着而许可被删掉了（往往是为了让“安装数量不超过许可数量”看上去成立）。
    ///
    /// ## 示例
    /// 乙镇上年登记 Adobe Acrobat 许可 5 个，今年的汇总表里没有了，也没有卸载记录：
    /// `上年登记的 Adobe Acrobat DC（RJ012）许可 5 个，今年的汇总表里没有了，安装维护明细表中也没有卸载记录`
    ///
    /// ## 如何修改
    /// 软件已卸载的，在该软件的安装维护情况明细表中补登卸载记录；许可仍在的，把它登记回汇总
    /// 表；许可转给了别的单位的，附上调拨的依据。
    pub struct LicencesGone {
        code: "ZB606",
        severity: Warning,
        summary: "上年的许可今年不见了，也没有卸载记录",
        scope: Round,
    }
}

/// ZB606
pub fn check(round: &Round, out: &mut RoundSink) {
    for (i, unit) in round.units.iter().enumerate() {
        let Some(before) = round.last_year_of(i) else {
            continue;
        };
        for gone in unit.licences_gone_since(before, round.as_of) {
            let target = match &unit.summary {
                Some((file, sheet)) => Target::Sheet {
                    file: file.clone(),
                    sheet: sheet.clone(),
                },
                None => home(unit),
            };
            out.report(
                i,
                target,
                gone.said(),
                "软件已卸载的，在该软件的安装维护情况明细表中补登卸载记录；许可仍在的，把它登记回汇总表；许可转给了别的单位的，附上调拨的依据",
            )
            .related(
                home(before),
                format!("上年报送：{}许可 {} 个", gone.what(), gone.held.count),
            );
        }
    }
}

/// ZB606 fires on this round (tests/rule_coverage.rs, snapshot `rules__ZB606.snap`): last
/// year 乙镇 also held 5 licenses of Adobe Acrobat, gone this year without an uninstall.
const TRIGGER: Trigger = Trigger::file("samples/round/2026年报送")
    .with_previous("samples/round/2025年报送")
    .showing("ZB606");
