use super::super::prelude::*;
use crate::ledger::maintenance::Action;
use crate::ledger::values::same_version;

declare_rule! {
    /// ## 检查什么
    /// 商业软件的一条安装记录，**安装/卸载版本**既不是汇总表的软件版本，也不在**可使用版本**中。
    /// 可使用版本写成“及以下版本”“所有版本”等无法逐一列出的说法时不检查。
    ///
    /// ## 为什么
    /// 许可只授权合同写明的版本（配置 二.4：采购合同要明确软件名称、版本、授权方式）。
    /// 装了许可之外的版本，这份安装就没有授权。
    ///
    /// ## 示例
    /// 汇总表 RJ002 WPS Office 2019 专业版，可使用版本“专业版”；安装记录的版本为 **个人版**。
    ///
    /// ## 如何修改
    /// 改装许可的版本；版本填错的改正；许可确实允许该版本的，把它补进汇总表的可使用版本。
    pub struct UnlicensedVersion {
        code: "ZB309",
        severity: Error,
        summary: "安装的版本不在许可范围内",
    }
}

/// Words that make 可使用版本 a rule rather than a list (downgrade rights, any edition).
const OPEN_ENDED: [&str; 6] = ["以下", "以前", "以上", "所有", "全部", "任意"];

/// ZB309
pub fn check(ctx: &Context, out: &mut Sink) {
    for (m, id) in ctx.unit.maintenance.iter().zip(&ctx.facts.maintenance_ids) {
        let Some(terms) = id
            .as_ref()
            .and_then(|r| ctx.facts.summary_row(&r.id))
            .and_then(|r| r.commercial())
        else {
            continue;
        };
        let Some(version) = terms.version.value() else {
            continue;
        };
        let usable: &[String] = terms.usable_versions.value().map_or(&[], |v| v.as_slice());
        if OPEN_ENDED
            .iter()
            .any(|w| terms.usable_versions.raw.contains(w))
        {
            continue;
        }
        for e in &m.events {
            let (Some(Action::Install), Some(v), Some(cell)) =
                (e.action.single(), e.version.value(), &e.version.cell)
            else {
                continue;
            };
            // Equal text is the same version without normalising both.
            let same = |u: &String| v == u || same_version(v, u);
            if same(version) || usable.iter().any(same) {
                continue;
            }
            let allowed = if usable.is_empty() {
                format!("软件版本 {version}")
            } else {
                format!(
                    "软件版本 {version}、可使用版本 {}",
                    terms.usable_versions.raw
                )
            };
            let d = out.report(
                cell,
                format!("安装版本 {v} 不在许可范围内（{allowed}）"),
                "改装许可的版本，或改正填错的版本；许可确实允许的，补进汇总表的可使用版本（配置 二.4）",
            );
            if let Some(c) = terms
                .usable_versions
                .cell
                .as_ref()
                .or(terms.version.cell.as_ref())
            {
                d.related(c, format!("汇总表 {allowed}"));
            }
        }
    }
}

/// ZB309 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB309.snap`):
/// WPS 个人版 installed under a license for 专业版.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("RJ002", "H10", "个人版"),
]);
