use super::super::prelude::*;
use crate::base::text::{is_short_name_of as within, unit_name_key as key};
use crate::ledger::roster::Listed;

declare_rule! {
    /// ## 检查什么
    /// 按名单（`--roster`）的“文件夹”列或文件名中的单位代码对上了名单上的一个单位，台账表头
    /// 写的单位名称却是另一个单位（既不相同，也不是它的简称或全称）。
    ///
    /// ## 为什么
    /// 最常见的原因是照着别的单位（或示例）的台账改，表头没有改；也可能是把别的单位的材料
    /// 放进了这个单位的文件夹。两种情况下，这份台账都不能当作名单上这个单位的台账。
    ///
    /// ## 示例
    /// 名单上“丰都县城关镇人民政府”的文件夹是“城关镇”，其中台账写的是“丰都县双龙镇人民政府”：
    /// `城关镇 在名单上是 丰都县城关镇人民政府（名单第 2 行），台账里写的单位名称却是 丰都县双龙镇人民政府`
    ///
    /// ## 如何修改
    /// 核对这份台账是不是这个单位的：是，就把各表表头的单位名称改为本单位全称；不是，请该单位
    /// 报送自己的台账。
    pub struct NameDiffersFromRoster {
        code: "ZB603",
        severity: Warning,
        summary: "台账写的单位名称与名单上对应的单位不同",
    }
}

/// ZB603
pub fn check(ctx: &Context, out: &mut Sink) {
    let unit = ctx.unit;
    let Some(Listed::On(entry)) = &unit.roster else {
        return;
    };
    let Some(stated) = unit.stated_name() else {
        return;
    };
    let (listed, said) = (key(&entry.name), key(&stated));
    // a short name inside the full one is the same unit
    if listed == said || within(&listed, &said) || within(&said, &listed) {
        return;
    }
    let found = unit.found_as().unwrap_or_else(|| unit.name.clone());
    out.report(
        Target::Unit,
        format!(
            "{found} 在名单上是 {}（名单第 {} 行），台账里写的单位名称却是 {stated}",
            entry.name, entry.row
        ),
        "核对这份台账是不是这个单位的：是，就把各表表头的单位名称改为本单位全称；不是，请该单位报送自己的台账",
    );
}

/// ZB603 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB603.snap`):
/// The roster files 丰都县城关镇人民政府 under the folder 双龙镇, whose ledger states
/// 丰都县双龙镇人民政府.
const TRIGGER: Trigger = Trigger::file("tests/fixtures/roster/round")
    .with_roster("tests/fixtures/roster/名单-文件夹.csv")
    .showing("ZB603");
