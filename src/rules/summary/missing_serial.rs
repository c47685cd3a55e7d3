use super::super::prelude::*;
use super::subject;
use crate::base::text::norm;

declare_rule! {
    /// ## 检查什么
    /// **商业软件**的序列号为空。许可类型含“场地”的（场地许可）不检查。
    ///
    /// ## 为什么
    /// 财务、资产管理部门要做好“软件采购合同、软件授权证书、软件安装序列号等资料的管理工作”
    /// （配置 二.5）。序列号是核对授权、办理报修和迁移的凭据。场地许可通常没有逐份的序列号。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 许可类型 | 序列号 |
    /// |---|---|---|---|
    /// | RJ002 | WPS Office 2019 | 批量许可 | **（空）** |
    ///
    /// ## 如何修改
    /// 按授权证书或安装介质补填序列号（授权码）。场地许可在许可类型中写明“场地许可”。
    pub struct MissingSerial {
        code: "ZB119",
        severity: Warning,
        summary: "商业软件未填写序列号",
    }
}

/// ZB119
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        let Some(t) = row.commercial() else {
            continue;
        };
        let site = t
            .license_type
            .value()
            .is_some_and(|k| norm(k).contains("场地") || norm(k).contains("SITE"));
        if site || t.serial.is_filled() {
            continue;
        }
        let Some(cell) = &t.serial.cell else {
            continue;
        };
        out.report(
            cell,
            format!("商业软件{}未填写序列号", subject(row)),
            "按授权证书或安装介质补填序列号（授权码）；场地许可在许可类型中写明“场地许可”（配置 二.5）",
        );
    }
}

/// ZB119 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB119.snap`):
/// WPS's batch license without its serial number.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "L7", ""),
]);
