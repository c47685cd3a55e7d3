use super::super::prelude::*;
use super::subject;

declare_rule! {
    /// ## 检查什么
    /// 汇总表的**软件类型**为空，或不是“商业软件”“OEM软件”“免费软件”之一。
    ///
    /// ## 为什么
    /// 汇总表分别登记“商业软件使用总体情况、随机预装软件使用总体情况，以及免费软件使用总体
    /// 情况”（台账 一.1）；哪些栏目必须填写、哪些不填，都由软件类型决定（台账 一.3–一.9）。
    /// 类型无法识别时，本行的许可检查都无从进行。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 软件类型 |
    /// |---|---|---|
    /// | RJ005 | 福昕PDF编辑器 | **共享软件** |
    ///
    /// ## 如何修改
    /// 填写“商业软件”（购买或受赠、调剂获得许可）、“OEM软件”（随计算机预装）或“免费软件”。
    pub struct UnknownSoftwareType {
        code: "ZB101",
        severity: Error,
        summary: "软件类型为空或不是商业软件、OEM软件、免费软件之一",
    }
}

/// ZB101
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        let Some(cell) = &row.kind.cell else {
            continue;
        };
        let message = match row.kind.parsed {
            Parsed::Value(_) => continue,
            Parsed::Empty => format!("{}的软件类型为空", subject(row)),
            // The reader reads a dash as unreadable here: a type is never "not applicable".
            Parsed::NotApplicable | Parsed::Invalid => {
                format!("软件类型“{}”不是商业软件、OEM软件或免费软件", row.kind.raw)
            }
        };
        out.report(
            cell,
            message,
            "填写“商业软件”“OEM软件”或“免费软件”之一：购买或受赠、调剂获得许可的为商业软件，随计算机预装的为OEM软件（台账 一.1）",
        );
    }
}

/// ZB101 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB101.snap`):
/// 共享软件 is no type of the template; an empty type neither.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "E8", "共享软件"),
    Edit::Set("汇总表", "E9", ""),
]);
