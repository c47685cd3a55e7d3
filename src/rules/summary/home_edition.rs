use super::super::prelude::*;
use super::name_and_version;
use crate::classify::{self, Category};

declare_rule! {
    /// ## 检查什么
    /// 汇总表登记的操作系统或办公软件是家庭版、个人版或学生版（家庭中文版、Home、Home and
    /// Student 等），不论软件类型。
    ///
    /// ## 为什么
    /// 政府机关应当使用正版软件（办法 第三条）。家庭版、个人版、学生版的许可只授权个人或家庭
    /// 使用，各地检查口径是“家庭版不属于单位正版序列”；随机预装的家庭版同样不能作为单位正版
    /// 计算。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 软件版本 | 软件类型 |
    /// |---|---|---|---|
    /// | RJ001 | Windows 10 | **家庭中文版** | OEM软件 |
    ///
    /// ## 如何修改
    /// 升级或更换为专业版、企业版等面向单位授权的版本（购买的以新软件编号登记），卸载家庭版并在
    /// 安装维护情况明细表登记。
    pub struct HomeEdition {
        code: "ZB121",
        severity: Error,
        summary: "操作系统或办公软件为家庭版、个人版或学生版",
    }
}

/// The edition as a clerk calls it, from the word [`classify::home_edition`] found.
fn label(word: &str) -> &str {
    match word {
        "HOMEANDSTUDENT" | "HOME&STUDENT" | "家庭和学生版" | "家庭与学生版" => {
            "家庭和学生版"
        }
        "HOME" | "家庭中文版" => "家庭版",
        other => other,
    }
}

/// ZB121
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        let Some(name) = row.name.value() else {
            continue;
        };
        let version = row.version().and_then(|v| v.value().map(|s| s.as_str()));
        let Some(class) = ctx.classify(row.id(), name, version.unwrap_or_default()) else {
            continue;
        };
        if !matches!(class.category, Category::Os | Category::Office) {
            continue;
        }
        let Some(word) = classify::home_edition(&name_and_version(row)) else {
            continue;
        };
        // Point at the cell that names the edition.
        let in_version = version.is_some_and(|v| classify::home_edition(v).is_some());
        let field = match row.version() {
            Some(v) if in_version => v,
            _ => &row.name,
        };
        let Some(cell) = &field.cell else {
            continue;
        };
        out.report(
            cell,
            format!(
                "“{}”是{}，不属于单位正版序列：家庭版、个人版、学生版只授权个人或家庭使用",
                name_and_version(row),
                label(word)
            ),
            "更换为专业版、企业版等面向单位授权的版本（购买的以新软件编号登记），卸载原版本并在安装维护情况明细表登记（办法 第三条）",
        );
    }
}

/// ZB121 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB121.snap`):
/// The OEM Windows 10 is a 家庭中文版, in every ledger.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "D6", "家庭中文版"),
    Edit::Set("明细表", "H5", "家庭中文版"),
    Edit::Set("明细表", "H9", "家庭中文版"),
    Edit::Set("明细表", "H13", "家庭中文版"),
    Edit::Set("RJ001", "C6", "家庭中文版"),
    Edit::Set("RJ001", "H9", "家庭中文版"),
    Edit::Set("RJ001", "H10", "家庭中文版"),
    Edit::Set("RJ001", "H11", "家庭中文版"),
]);
