use super::super::prelude::*;
use super::sources;

declare_rule! {
    /// ## 检查什么
    /// 与计算机上实际安装的软件核对（`reconcile`）：采集到的操作系统或办公软件是家庭版、
    /// 个人版、学生版（如“Windows 11 家庭中文版”“Office 家庭和学生版”），不论明细表里怎么写。
    ///
    /// ## 为什么
    /// 家庭版、个人版的许可只允许个人非商业使用，单位使用不算正版（办法 第三条），即使它是
    /// 随机预装的 OEM 版本。台账上写“专业版”、机器上却是家庭版的，检查时一看便知。
    ///
    /// ## 示例
    /// 采集到的 SJ-PC-009 装的是 Windows 11 家庭中文版：
    /// `计算机 SJ-PC-009 上的 Microsoft Windows 11 家庭中文版 是家庭中文版，不能用于单位`
    ///
    /// ## 如何修改
    /// 升级为专业版或企业版（购买升级许可），或换用单位许可的国产操作系统、办公软件，并在台账中
    /// 登记实际的版本和许可。
    pub struct HomeEditionFound {
        code: "ZB705",
        severity: Error,
        summary: "计算机上装的是家庭版或个人版",
    }
}

/// ZB705
pub fn check(ctx: &Context, out: &mut Sink) {
    let reality = ctx.reality();
    for inv in &ctx.unit.inventories {
        let found = super::matching::home_editions(inv, ctx.catalogue);
        if found.is_empty() {
            continue;
        }
        // where to fix it: the computer's rows in the ledger, else the inventory itself
        let ledger = reality
            .computers
            .iter()
            .find(|c| c.inventory.is_some_and(|i| std::ptr::eq(i, inv)));
        let (name, target) = match ledger.and_then(|c| Some((c, c.rows.first()?))) {
            Some((c, row)) => (
                c.number.to_string(),
                Target::Cell(row.computer.cell.clone().unwrap_or_else(|| row.at.clone())),
            ),
            None => (
                inv.computer.name.clone().unwrap_or_else(|| sources(inv)),
                inv.sources
                    .first()
                    .map_or(Target::Unit, |f| Target::File(f.clone())),
            ),
        };
        for (product, word) in found {
            out.report(
                target.clone(),
                format!("计算机 {name} 上的 {product} 是{}，不能用于单位", edition_word(word)),
                "升级为专业版或企业版（购买升级许可），或换用单位许可的国产操作系统、办公软件，并在台账中登记实际的版本和许可（办法 第三条）",
            );
        }
    }
}

/// The edition as a clerk calls it, from the word found.
fn edition_word(word: &str) -> &str {
    match word {
        "HOME" => "家庭版",
        "HOMEANDSTUDENT" | "HOME&STUDENT" => "家庭和学生版",
        other => other,
    }
}

/// ZB705 fires on this unit (tests/rule_coverage.rs, snapshot `rules__ZB705.snap`): the
/// inventory of SJ-PC-009 reports Windows 11 家庭中文版.
const TRIGGER: Trigger = Trigger::clean(&[])
    .with_inventory("tests/fixtures/inventory/clean-unit")
    .showing("ZB705");
