use super::super::prelude::*;
use crate::ledger::roster::Listed;

declare_rule! {
    /// ## 检查什么
    /// 报送材料里的一个单位不在检查人员的名单（`--roster`）上，或者同时对得上名单上的几个
    /// 单位、无法确定是哪一个（例如文件夹名“双”既像“双龙镇”又像“双路镇”）。
    ///
    /// ## 为什么
    /// 名单之外的材料可能是报错了地方、用了简称或旧名，也可能是一个单位报了两次。对不上号的
    /// 不会被猜成某个单位：说出来，由检查人员确认。
    ///
    /// ## 示例
    /// `县教育局 不在名单 名单.xlsx 中（台账中的单位名称：丰都县教育委员会）`
    ///
    /// ## 如何修改
    /// 是名单上某个单位的材料：在名单的“文件夹”列写上它的文件夹名或文件名。确实不该报送：
    /// 从这一轮材料中移出。
    pub struct NotOnRoster {
        code: "ZB012",
        severity: Warning,
        summary: "报送的单位不在名单上，或对应名单上的几个单位",
    }
}

/// ZB012
pub fn check(ctx: &Context, out: &mut Sink) {
    let unit = ctx.unit;
    let found = unit.found_as().unwrap_or_else(|| unit.name.clone());
    let stated = if found == unit.name {
        String::new()
    } else {
        format!("（台账中的单位名称：{}）", unit.name)
    };
    match &unit.roster {
        Some(Listed::Off(file)) => {
            out.report(
                Target::Unit,
                format!("{found} 不在名单 {file} 中{stated}"),
                "若是名单上某个单位的材料，在名单的“文件夹”列写上这个文件夹名或文件名；不该报送的从这一轮材料中移出",
            );
        }
        Some(Listed::Ambiguous(entries)) => {
            let names: Vec<String> = entries
                .iter()
                .map(|e| format!("{}（第 {} 行）", e.name, e.row))
                .collect();
            out.report(
                Target::Unit,
                format!(
                    "{found}{stated} 对得上名单中的 {} 个单位：{}，无法确定是哪一个",
                    entries.len(),
                    names.join("、")
                ),
                "在名单的“文件夹”列写上各单位的文件夹名，或在台账表头写全单位名称，再检查一次",
            );
        }
        _ => {}
    }
}

/// ZB012 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB012.snap`):
/// A round with a unit the roster does not list.
const TRIGGER: Trigger = Trigger::file("tests/fixtures/roster/round").with_roster("tests/fixtures/roster/名单.csv").showing("ZB012");
