use super::super::prelude::*;
use super::name_and_version;
use crate::classify::{self, Category};

declare_rule! {
    /// ## 检查什么
    /// 商业软件或OEM软件中的操作系统、办公软件，软件名称、版本和可使用版本都没有写明版本类别
    /// （专业版、企业版、标准版、旗舰版、政府版、LTSC 等）。只检查需要许可、通常分版本类别销售
    /// 的产品（按软件分类目录）。
    ///
    /// ## 为什么
    /// 采购合同须明确软件名称和版本（配置 二.4）；同一产品的家庭版与专业版授权范围不同，检查时
    /// 要求合同、授权证书和台账写明版本类别，才能判断是否属于单位正版序列（见 ZB121）。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 软件版本 | 软件类型 |
    /// |---|---|---|---|
    /// | RJ005 | 银河麒麟桌面操作系统 | **V10** | 商业软件 |
    ///
    /// ## 如何修改
    /// 按授权证书或系统信息在软件版本中写明版本类别，如“V10 专业版”“2019 专业增强版”。
    pub struct UnstatedEdition {
        code: "ZB123",
        severity: Warning,
        summary: "操作系统或办公软件未写明版本类别",
    }
}

/// ZB123
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        // Free rows carry no version (台账 一.9); rows of unknown type are ZB101's.
        if !matches!(
            row.kind(),
            Some(SoftwareKind::Commercial | SoftwareKind::Oem)
        ) {
            continue;
        }
        let (Some(name), Some(version)) = (row.name.value(), row.version()) else {
            continue;
        };
        let v = version.value().map(String::as_str).unwrap_or_default();
        let Some(class) = ctx.classify(row.id(), name, v) else {
            continue;
        };
        // Products sold without editions (free Linux, LibreOffice, macOS) need none.
        if !matches!(class.category, Category::Os | Category::Office)
            || class.needs_license != Some(true)
        {
            continue;
        }
        let text = name_and_version(row);
        // A home edition states one; whether it is allowed is ZB121's question.
        if classify::states_edition(&text) || classify::home_edition(&text).is_some() {
            continue;
        }
        // The license names the edition in 可使用版本 (`2016` bought as 专业增强版).
        let usable = row
            .commercial()
            .and_then(|t| t.usable_versions.value())
            .map(|v| v.join(" "))
            .unwrap_or_default();
        if classify::states_edition(&usable) {
            continue;
        }
        let Some(cell) = version.cell.as_ref().or(row.name.cell.as_ref()) else {
            continue;
        };
        out.report(
            cell,
            format!("“{text}”没有写明版本类别（如专业版、企业版、标准版）"),
            "按授权证书或系统信息在软件版本中写明版本类别，如“V10 专业版”，与采购合同一致（配置 二.4）",
        );
    }
}

/// ZB123 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB123.snap`):
/// RJ001 becomes 银河麒麟桌面操作系统 V10, no edition stated.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "C6", "银河麒麟桌面操作系统"),
    Edit::Set("明细表", "G5", "银河麒麟桌面操作系统"),
    Edit::Set("明细表", "G9", "银河麒麟桌面操作系统"),
    Edit::Set("明细表", "G13", "银河麒麟桌面操作系统"),
    Edit::Set("RJ001", "B6", "银河麒麟桌面操作系统"),
    Edit::Set("汇总表", "D6", "V10"),
    Edit::Set("明细表", "H5", "V10"),
    Edit::Set("明细表", "H9", "V10"),
    Edit::Set("明细表", "H13", "V10"),
    Edit::Set("RJ001", "C6", "V10"),
    Edit::Set("RJ001", "H9", "V10"),
    Edit::Set("RJ001", "H10", "V10"),
    Edit::Set("RJ001", "H11", "V10"),
]);
