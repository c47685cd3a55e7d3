use super::super::prelude::*;
use super::matching::Conflict;

declare_rule! {
    /// ## 检查什么
    /// 与计算机上实际安装的软件核对（`reconcile`）：Windows 或 Office 报告的激活渠道（`slmgr
    /// /dli`、`ospp.vbs /dstatus`、采集脚本的许可信息）与台账不符：
    /// - 评估版（TIMEBASED_EVAL）：没有许可；
    /// - KMS 客户端（VOLUME_KMSCLIENT），而汇总表的许可类型不是批量许可：消息写出 KMS 主机名，
    ///   请核实它是单位自己或上级单位的 KMS 服务器（来路不明的 KMS 是常见的盗版激活方式）；
    /// - OEM 激活，台账却登记为采购的商业软件；零售或 MAK 激活，台账却登记为随机预装的 OEM 软件。
    ///
    /// ## 为什么
    /// 台账登记的许可要与计算机实际使用的许可一致（台账 一.1、二.2）：渠道不符，说明台账登记的
    /// 许可不是这台计算机在用的那一份。
    ///
    /// ## 示例
    /// SJ-PC-001 的 Windows 由 KMS 激活，台账登记为 OEM 软件：
    /// `计算机 SJ-PC-001 上的 Windows(R), Professional edition 通过 KMS 激活（KMS 主机 kms.example.net:1688），汇总表的许可类型不是批量许可`
    ///
    /// ## 如何修改
    /// 核实激活来源：是单位的批量许可的，在汇总表中登记这份批量许可；来路不明的，用单位的合法
    /// 密钥重新激活，并在台账中登记实际的许可。
    pub struct ChannelContradictsLedger {
        code: "ZB704",
        severity: Warning,
        summary: "Windows/Office 的激活渠道与台账不符",
    }
}

/// ZB704
pub fn check(ctx: &Context, out: &mut Sink) {
    for computer in &ctx.reality().computers {
        for c in &computer.channels {
            let row = computer.rows[c.row];
            let target = match &row.name.cell {
                Some(cell) => Target::Cell(cell.clone()),
                None => Target::Cell(row.at.clone()),
            };
            let product = &c.licence.product;
            let what = match c.conflict {
                Conflict::Evaluation => "是评估版（TIMEBASED_EVAL），评估期满即停用，不是正式许可".to_string(),
                Conflict::KmsWithoutVolume => format!(
                    "通过 KMS 激活（{}），汇总表的许可类型不是批量许可",
                    c.licence
                        .kms_host
                        .as_deref()
                        .map_or("没有报告 KMS 主机".to_string(), |h| format!("KMS 主机 {h}"))
                ),
                Conflict::OemForPurchase => {
                    "是随机预装的 OEM 激活，台账却登记为采购的商业软件".to_string()
                }
                Conflict::PurchaseForOem => {
                    "是零售或批量（MAK）激活，台账却登记为随机预装的 OEM 软件".to_string()
                }
            };
            let d = out.report(
                target,
                format!("计算机 {} 上的 {product} {what}", computer.number),
                "核实激活来源：是单位的批量许可的，在汇总表中登记这份批量许可；来路不明的，用单位的合法密钥重新激活，并在台账中登记实际的许可（台账 一.1、二.2）",
            );
            if let Some(o) = &c.licence.origin {
                d.related(
                    Target::File(o.file.clone()),
                    format!("激活信息：{}", super::origin(Some(o))),
                );
            }
        }
    }
}

/// ZB704 fires on this unit (tests/rule_coverage.rs, snapshot `rules__ZB704.snap`): the
/// `slmgr /dli` saved for SJ-PC-001 shows a KMS client where the ledger has Windows as OEM.
const TRIGGER: Trigger = Trigger::clean(&[])
    .with_inventory("tests/fixtures/inventory/clean-unit")
    .showing("ZB704");
