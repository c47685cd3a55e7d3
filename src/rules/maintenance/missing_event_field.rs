use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 软件安装维护情况明细表第二部分的一行缺少**计算机编号**、**使用人**、**安装/卸载日期**或
    /// **安装数量**，或安装数量不是正整数（0、负数、小数、“若干”）。每个单元格报告一次。
    ///
    /// ## 为什么
    /// 台账 三.4：“在计算机办公设备中安装或卸载软件后，更新相应软件的《软件安装维护情况明细表》。”
    /// 不知道装在哪台计算机、何时、几份，就无法按日期重放安装卸载，也无法与明细表、汇总表核对。
    ///
    /// ## 示例
    /// | 安装 | 卸载 | 计算机编号 | 使用人 | 安装/卸载日期 | 安装数量 |
    /// |---|---|---|---|---|---|
    /// | ☑ | □ | SJ-PC-002 | 李娜 | 2024-03-02 | **0** |
    ///
    /// ## 如何修改
    /// 按《软件安装维护确认单》补填；一台计算机装一份时安装数量填 1。
    pub struct MissingEventField {
        code: "ZB302",
        severity: Error,
        summary: "安装卸载记录缺少计算机编号、使用人、日期或安装数量",
    }
}

const HELP: &str =
    "按《软件安装维护确认单》补填这一项（台账 三.4：安装或卸载后更新软件安装维护情况明细表）";

/// ZB302
pub fn check(ctx: &Context, out: &mut Sink) {
    for m in &ctx.unit.maintenance {
        for e in &m.events {
            for (label, field) in [("计算机编号", &e.computer), ("使用人", &e.user)] {
                if let (Some(cell), true) = (&field.cell, field.is_blank()) {
                    out.report(cell, format!("{label}为空"), HELP);
                }
            }
            // An unreadable date is ZB006's; only an empty one is reported here.
            if let (Some(cell), true) = (&e.date.cell, e.date.is_blank()) {
                out.report(cell, "安装/卸载日期为空", HELP);
            }
            let Some(cell) = &e.count.cell else {
                continue;
            };
            let what = match &e.count.parsed {
                Parsed::Value(n) if *n > 0 => continue,
                Parsed::Value(n) => format!("安装数量 {n} 不是正整数"),
                Parsed::Invalid => format!("安装数量“{}”不是正整数", e.count.raw),
                Parsed::Empty | Parsed::NotApplicable => "安装数量为空".to_string(),
            };
            out.report(
                cell,
                what,
                "安装数量填这次安装或卸载的份数，一台计算机一份填 1（台账 三.4）",
            );
        }
    }
}

/// ZB302 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB302.snap`):
/// Events without 计算机编号, 使用人 or date, one with count 0 and one with 若干.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("RJ002", "D10", ""),
    Edit::Set("RJ002", "F11", ""),
    Edit::Set("RJ003", "J9", "#0"),
    Edit::Set("RJ003", "I10", ""),
    Edit::Set("RJ004", "J10", "若干"),
]);
