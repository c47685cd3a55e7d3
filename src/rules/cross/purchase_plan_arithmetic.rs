use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 软件采购计划表的算术：一行的**合计**不等于 单价 × 许可数（允许 0.01 元的误差；单价、
    /// 许可数都填了才检查），或**共计**不等于各行合计之和。某一行算错而共计按各行填写的数
    /// （或按改正后的数）加得对时，只报告那一行。
    ///
    /// ## 为什么
    /// 配置 二.3、二.4：软件许可不足的编制《软件采购计划表》，采购纳入年度预算。计划表的金额是
    /// 预算的依据，算错会使预算不足或超出。
    ///
    /// ## 示例
    /// | 软件名称 | 单价（元） | 许可数（个） | 合计（元） |
    /// |---|---|---|---|
    /// | WPS Office 2019 专业版 | 300 | 6 | **1500** |
    ///
    /// 300 × 6 = 1800。
    ///
    /// ## 如何修改
    /// 合计填 单价 × 许可数，共计填各行合计之和。
    pub struct PurchasePlanArithmetic {
        code: "ZB415",
        severity: Error,
        summary: "采购计划表合计或共计算错",
        derived: Replaces("采购计划表的合计与共计"),
    }
}

const TOLERANCE: f64 = 0.01;

fn yuan(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// ZB415
pub fn check(ctx: &Context, out: &mut Sink) {
    for plan in &ctx.unit.purchase_plans {
        let mut sum_typed = 0.0;
        let mut sum_right = 0.0;
        for row in &plan.rows {
            let expected = match (row.unit_price.value(), row.count.value()) {
                (Some(p), Some(n)) => Some((p * *n as f64, *p, *n)),
                _ => None,
            };
            let total = row.total.value().copied();
            sum_typed += total.or(expected.map(|e| e.0)).unwrap_or(0.0);
            sum_right += expected.map(|e| e.0).or(total).unwrap_or(0.0);
            let (Some((want, price, count)), Some(cell)) = (expected, &row.total.cell) else {
                continue;
            };
            let what = match &row.total.parsed {
                Parsed::Value(t) if (t - want).abs() <= TOLERANCE => continue,
                Parsed::Value(t) => format!(
                    "合计 {}，单价 {} × 许可数 {count} = {}",
                    yuan(*t),
                    yuan(price),
                    yuan(want)
                ),
                Parsed::Invalid => continue,
                _ => format!(
                    "合计未填，单价 {} × 许可数 {count} = {}",
                    yuan(price),
                    yuan(want)
                ),
            };
            out.report(
                cell,
                what,
                "合计填 单价 × 许可数（元），共计随之改正（配置 二.3）",
            );
        }
        let Some(grand) = &plan.grand_total else {
            continue;
        };
        let Some(cell) = &grand.cell else {
            continue;
        };
        let what = match grand.parsed {
            Parsed::Value(g)
                if (g - sum_typed).abs() <= TOLERANCE || (g - sum_right).abs() <= TOLERANCE =>
            {
                continue
            }
            Parsed::Value(g) => format!("共计 {}，各行合计之和为 {}", yuan(g), yuan(sum_right)),
            Parsed::Invalid => continue,
            _ if plan.rows.is_empty() || sum_right == 0.0 => continue,
            _ => format!("共计未填，各行合计之和为 {}", yuan(sum_right)),
        };
        out.report(cell, what, "共计填各行合计之和（配置 二.3）");
    }
}

/// ZB415 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB415.snap`):
/// The faulty sample whose purchase plan adds one row's total wrong.
const TRIGGER: Trigger = Trigger::file("samples/faulty/统计表与表单/统计表与表单.xlsx").showing("ZB415");
