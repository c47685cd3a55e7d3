use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 与计算机上实际安装的软件核对（`reconcile`）：Windows 或 Office 以零售或 MAK 密钥激活，
    /// 报告的部分产品密钥（密钥的最后 5 位）与汇总表中这个软件的任何一个序列号的结尾都不同。
    /// 只在汇总表的序列号是产品密钥（25 位）时比较；KMS 和 OEM 激活不比较（它们的密钥不是
    /// 单位购买的那一个）。
    ///
    /// ## 为什么
    /// 计算机用的密钥不在台账上，说明它不是台账登记的那份许可：可能是别处的密钥，也可能台账
    /// 漏登了一批许可（序列号不同的许可是另一批，另用软件编号，台账 一.3）。
    ///
    /// ## 示例
    /// SJ-PC-002 的 Windows 部分产品密钥为 8HVX7，汇总表 Windows 的序列号都不以它结尾：
    /// `计算机 SJ-PC-002 上的 Windows(R), Professional edition 的部分产品密钥 8HVX7 与汇总表中这个软件的序列号都对不上`
    ///
    /// ## 如何修改
    /// 查明这个密钥的来历：是单位购买的，在汇总表中补登这份许可及其序列号；不是的，用台账上的
    /// 密钥重新激活。
    pub struct KeyNotInLedger {
        code: "ZB706",
        severity: Warning,
        summary: "部分产品密钥与汇总表的序列号对不上",
    }
}

/// ZB706
pub fn check(ctx: &Context, out: &mut Sink) {
    for computer in &ctx.reality().computers {
        for k in &computer.keys {
            let target = match &k.summary.terms().and_then(|t| t.serial.cell.clone()) {
                Some(cell) => Target::Cell(cell.clone()),
                None => Target::Cell(k.summary.at.clone()),
            };
            let d = out.report(
                target,
                format!(
                    "计算机 {} 上的 {} 的部分产品密钥 {} 与汇总表中这个软件的序列号都对不上",
                    computer.number,
                    k.licence.product,
                    k.licence.partial_key.as_deref().unwrap_or_default()
                ),
                "查明这个密钥的来历：是单位购买的，在汇总表中补登这份许可及其序列号；不是的，用台账上的密钥重新激活（台账 一.3）",
            );
            let row = computer.rows[k.row];
            d.related(
                Target::Cell(row.name.cell.clone().unwrap_or_else(|| row.at.clone())),
                format!("{} 的明细表行", computer.number),
            );
            if let Some(o) = &k.licence.origin {
                d.related(
                    Target::File(o.file.clone()),
                    format!("激活信息：{}", super::origin(Some(o))),
                );
            }
        }
    }
}

/// ZB706 fires on this unit (tests/rule_coverage.rs, snapshot `rules__ZB706.snap`): Windows
/// made a purchase with a product key as its 序列号, and SJ-PC-002's `slmgr /dli` shows a
/// retail key ending otherwise.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "E6", "商业软件"),
    Edit::Set("汇总表", "F6", "@2023-03-15"),
    Edit::Set("汇总表", "G6", "#3000"),
    Edit::Set("汇总表", "H6", "零售"),
    Edit::Set("汇总表", "I6", "#3"),
    Edit::Set("汇总表", "J6", "Windows 10 专业版"),
    Edit::Set("汇总表", "K6", "永久"),
    Edit::Set("汇总表", "L6", "VK7JG-NPHTM-C97JM-9MPGT-3V66T"),
])
.with_inventory("tests/fixtures/inventory/clean-unit")
.showing("ZB706");
