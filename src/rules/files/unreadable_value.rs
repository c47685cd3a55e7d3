use super::super::prelude::*;
use crate::ledger::table::{InvalidValue, ValueType};
use crate::schema::TableKind;

declare_rule! {
    /// ## 检查什么
    /// 无法按所在列的类型读取的值：日期、整数、金额、许可期限、勾选框。汇总表的软件类型、
    /// 安装数量、许可期限，明细表的软件类型勾选框，安装维护情况明细表的安装/卸载勾选框和
    /// 安装数量，由各自的专门规则报告，这里不重复。
    ///
    /// ## 为什么
    /// 读不出的值无法参与核对：一个写错的日期会让“安装日期晚于许可期限”之类的检查无从判断。
    /// 这类值在其他检查中一律按“未知”处理，只在这里报告一次。
    ///
    /// ## 示例
    /// | 安装日期 |
    /// |---|
    /// | 2023.13.5 |
    ///
    /// `安装日期“2023.13.5”不是有效的日期`
    ///
    /// ## 如何修改
    /// 按提示的格式改写，例如日期写成 2023-05-01 或 2023年5月1日，数量只写数字。
    pub struct UnreadableValue {
        code: "ZB006",
        severity: Error,
        summary: "值无法按所在列的类型读取",
    }
}

/// Whether a more specific rule reports this value.
fn owned_elsewhere(v: &InvalidValue) -> bool {
    match v.table {
        // ZB101 软件类型, ZB114 安装数量, ZB116 许可期限.
        TableKind::Summary => matches!(v.column, "kind" | "installed" | "term"),
        // ZB202 软件类型 boxes (or one 软件类型 text column).
        TableKind::Usage => matches!(
            v.column,
            "kind" | "kind_commercial" | "kind_oem" | "kind_free"
        ),
        // ZB301 安装/卸载 boxes, ZB302 安装数量.
        TableKind::Maintenance => matches!(v.column, "install" | "uninstall" | "action" | "count"),
        // ZB503 申请许可数.
        TableKind::Demand => v.column == "count",
        _ => false,
    }
}

/// What the column should hold, as a noun.
fn noun(t: ValueType) -> &'static str {
    match t {
        ValueType::Date | ValueType::Month => "日期",
        ValueType::Count => "整数",
        ValueType::Money => "金额",
        ValueType::Term => "许可期限",
        ValueType::Checkbox => "勾选",
        ValueType::Kind => "软件类型",
    }
}

/// ZB006
pub fn check(ctx: &Context, out: &mut Sink) {
    let unit = ctx.unit;
    for v in &unit.invalid_values {
        if owned_elsewhere(v) {
            continue;
        }
        // A formula showing an error is ZB007's, whatever column it sits in.
        if unit.formula_problems.iter().any(|p| p.cell == v.cell) {
            continue;
        }
        let header = crate::base::text::norm_no_parens(&v.header);
        out.report(
            &v.cell,
            format!("{header}“{}”不是有效的{}", v.raw, noun(v.expected)),
            format!(
                "应填写{}；无法识别的值不参与其他检查",
                v.expected.describe()
            ),
        );
    }
}

/// ZB006 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB006.snap`):
/// A date with a 13th month and an amount in words.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("明细表", "M5", "2023.13.5"),
    Edit::Set("汇总表", "G7", "一千五"),
])
.showing("ZB006");
