use super::super::prelude::*;
use crate::classify::{self, Category};
use crate::ledger::values::same_name;

declare_rule! {
    /// ## 检查什么
    /// 单位使用必须购买许可的软件被登记为**免费软件**，如 Windows、Microsoft Office、任何版本的
    /// WPS Office、WinRAR、Adobe Acrobat Pro、Photoshop（按软件分类目录判断）。
    ///
    /// ## 为什么
    /// 政府机关应当使用正版软件（办法 第三条）。这些软件对单位使用收费，登记为免费软件就绕过了
    /// 许可数量的核对；免费软件也须经过测试列入可使用免费软件清单（配置 二.2）。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 软件类型 |
    /// |---|---|---|
    /// | RJ006 | WinRAR | **免费软件** |
    ///
    /// ## 如何修改
    /// 购买许可并改登记为商业软件（填写采购和许可信息），或卸载后改用清单中的免费软件（如 7-Zip）。
    /// 若本单位的分类不同，在“软件分类”表中登记该软件编号。
    pub struct LicensedProductAsFree {
        code: "ZB122",
        severity: Error,
        summary: "需要购买许可的软件登记为免费软件",
    }
}

/// ZB122
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        if row.kind() != Some(SoftwareKind::Free) {
            continue;
        }
        let (Some(name), Some(cell)) = (row.name.value(), &row.kind.cell) else {
            continue;
        };
        let Some(class) = ctx.classify(row.id(), name, "") else {
            continue;
        };
        if class.needs_license != Some(true) {
            continue;
        }
        // A home edition of an OS or office suite is ZB121's finding: no type makes it right.
        if matches!(class.category, Category::Os | Category::Office)
            && classify::home_edition(name).is_some()
        {
            continue;
        }
        let product = if same_name(&class.product, name) {
            String::new()
        } else {
            format!("（{}）", class.product)
        };
        out.report(
            cell,
            format!("“{name}”{product}单位使用须购买许可，不能登记为免费软件"),
            "购买许可后改登记为商业软件并填写采购和许可信息，或卸载后改用可使用免费软件清单中的软件（办法 第三条；配置 二.2）",
        );
    }
}

/// ZB122 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB122.snap`):
/// 7-Zip's rows renamed WinRAR, a licensed product, still registered as free.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "C9", "WinRAR"),
    Edit::Set("明细表", "G8", "WinRAR"),
    Edit::Set("明细表", "G12", "WinRAR"),
    Edit::Set("RJ004", "B6", "WinRAR"),
    Edit::Set("免费软件清单", "C4", "WinRAR"),
]);
