use super::super::prelude::*;
use super::{home, Round, RoundSink};

declare_rule! {
    /// ## 检查什么
    /// 与上年的报送比较（`report --previous`）：本单位今年报送的台账，汇总表、明细表和安装
    /// 维护明细表的每一行都与上年的一模一样（只改了填表日期也算）。
    ///
    /// ## 为什么
    /// 台账要随软件的采购、安装、卸载随时更新，至少每半年核对一次。一年下来一行都没有变，
    /// 多半是把上年的台账原样又报了一次，没有清点计算机；检查时应按实际核对。
    ///
    /// ## 示例
    /// 城关镇今年的台账与上年的逐行相同：
    /// `台账与上年报送的（2025年报送/城关镇）逐行相同：一年来没有更新`
    ///
    /// ## 如何修改
    /// 按本单位计算机和软件的实际情况核对、更新台账；确实一年没有任何变化的，在报送时说明，
    /// 并更新填表日期。
    pub struct UnchangedSinceLastYear {
        code: "ZB605",
        severity: Warning,
        summary: "台账与上年报送的相同，没有更新",
        scope: Round,
    }
}

/// ZB605
pub fn check(round: &Round, out: &mut RoundSink) {
    for (i, unit) in round.units.iter().enumerate() {
        let Some(before) = round.last_year_of(i) else {
            continue;
        };
        if !unit.same_ledger_as(before) {
            continue;
        }
        let target = match &unit.summary.as_ref().or(unit.usage.as_ref()) {
            Some((file, sheet)) => Target::Sheet {
                file: file.clone(),
                sheet: sheet.clone(),
            },
            None => home(unit),
        };
        let then = before
            .home
            .as_deref()
            .map_or_else(|| before.called(), str::to_string);
        out.report(
            i,
            target,
            format!("台账与上年报送的（{then}）逐行相同：一年来没有更新"),
            "按本单位计算机和软件的实际情况核对、更新台账；确实一年没有任何变化的，在报送时说明，并更新填表日期",
        )
        .related(home(before), "上年报送的台账");
    }
}

/// ZB605 fires on this round (tests/rule_coverage.rs, snapshot `rules__ZB605.snap`): 甲镇
/// sent last year's ledger again, only its 填表日期 changed.
const TRIGGER: Trigger = Trigger::file("samples/round/2026年报送")
    .with_previous("samples/round/2025年报送")
    .showing("ZB605");
