use super::super::prelude::*;
use crate::base::number::iso_date;
use crate::ledger::copies::Why;

declare_rule! {
    /// ## 检查什么
    /// 同一单位的两个文件是同一本台账的两个版本——去年的工作簿放在子文件夹里、
    /// “台账 - 副本.xlsx”和原件一起报送——检查只用较新的一份（填表日期较晚的；日期相同
    /// 而内容一字不差的用前一份；否则用不在子文件夹里的那份），另一份在这里说明，不再把
    /// 它的每张表都报告为重复。
    ///
    /// ## 为什么
    /// 一个单位的台账只有一份（台账管理规定）。旧版本留作存档没有错，但报送材料里夹着两份，
    /// 检查人员要先弄清哪份有效；工具按填表日期替他判断，并把判断说出来。
    ///
    /// ## 示例
    /// `城关镇/城关镇台账.xlsx`（填表日期 2026年11月20日）和 `城关镇/2025年旧版/城关镇台账.xlsx`
    /// （2025年11月20日）：
    /// `2025年旧版/城关镇台账.xlsx 是 城关镇台账.xlsx 的旧版本（填表日期 2025-11-20，早于 2026-11-20），没有检查`
    ///
    /// ## 如何修改
    /// 确认检查用的是应当报送的那份。报送时只交最新的一份，或把旧版本移出单位的文件夹。
    pub struct SetAsideCopy {
        code: "ZB015",
        severity: Info,
        summary: "同一台账的旧版本或副本，没有检查",
    }
}

/// ZB015
pub fn check(ctx: &Context, out: &mut Sink) {
    let place = ctx.unit.path.as_deref().unwrap_or("");
    let name = |f: &str| -> String {
        std::path::Path::new(f)
            .strip_prefix(place)
            .ok()
            .and_then(|p| p.to_str())
            .filter(|p| !p.is_empty())
            .unwrap_or(f)
            .to_string()
    };
    for a in &ctx.unit.set_aside {
        let (this, kept) = (name(&a.file), name(&a.kept));
        let message = match a.why {
            Why::Older { this: t, kept: k } => format!(
                "{this} 是 {kept} 的旧版本（填表日期 {}，早于 {}），没有检查",
                iso_date(t),
                iso_date(k)
            ),
            Why::SameBytes => format!("{this} 与 {kept} 内容完全相同（副本），只检查了 {kept}"),
            Why::Deeper => format!(
                "{this} 与 {kept} 是同一本台账的两份，填表日期相同；检查用了不在子文件夹里的 {kept}"
            ),
        };
        out.report(
            Target::File(a.file.clone()),
            message,
            "确认检查用的是应当报送的那一份；报送时只交最新的一份，旧版本或副本移出单位的文件夹",
        )
        .related(Target::File(a.kept.clone()), "检查用的是这一份".to_string());
    }
}

/// ZB015 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB015.snap`):
/// A unit folder with last year's copy in a sub-folder and a stamped scan
/// (tests/fixtures/make_copies.py).
const TRIGGER: Trigger = Trigger::file("tests/fixtures/copies").showing("ZB0");
