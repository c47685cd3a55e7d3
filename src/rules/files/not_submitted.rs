use super::super::prelude::*;
use crate::ledger::roster::Listed;

declare_rule! {
    /// ## 检查什么
    /// 检查人员的名单（`--roster 名单.xlsx`）上的单位，在这一轮报送材料里找不到：没有哪个
    /// 文件夹、文件名或台账里的单位名称对得上它。
    ///
    /// ## 为什么
    /// 检查要“一个单位也不漏”。没报送的单位不会出现在任何文件夹里，只有对照名单才看得出来。
    ///
    /// ## 示例
    /// 名单第 7 行“丰都县许明寺镇人民政府”，报送材料中没有对应的文件夹或工作簿：
    /// `名单中的 丰都县许明寺镇人民政府（名单第 7 行）没有报送材料`
    ///
    /// ## 如何修改
    /// 请该单位报送台账。如果它的材料在别的名字下（文件夹名与单位名称差得较远），在名单的
    /// “文件夹”列写上那个文件夹名，再检查一次。
    pub struct NotSubmitted {
        code: "ZB011",
        severity: Error,
        summary: "名单上的单位没有报送材料",
    }
}

/// ZB011
pub fn check(ctx: &Context, out: &mut Sink) {
    if let Some(Listed::Missing(entry)) = &ctx.unit.roster {
        out.report(
            Target::Unit,
            format!(
                "名单中的 {}（名单第 {} 行）没有报送材料",
                entry.name, entry.row
            ),
            "请该单位报送台账；如果它的材料在别的名字下，在名单的“文件夹”列写上那个文件夹名或文件名，再检查一次",
        );
    }
}

/// ZB011 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB011.snap`):
/// A roster of three units checked against a round in which one of them sent nothing.
const TRIGGER: Trigger = Trigger::file("tests/fixtures/roster/round").with_roster("tests/fixtures/roster/名单.csv").showing("ZB011");
