use super::super::prelude::*;
use super::line;
use crate::ledger::summary::{CommercialTerms, SummaryRow};
use crate::ledger::values::{same_name, same_version, version_key};

declare_rule! {
    /// ## 检查什么
    /// 两个不同**软件编号**的商业软件行，软件名称、版本和全部许可信息（采购时间、采购金额、许可
    /// 类型、许可数量、可使用版本、许可期限、序列号）完全相同——很可能是同一采购批次登记了两次。
    ///
    /// ## 为什么
    /// 软件编号按采购批次区分（台账 一.3）：两个编号意味着两批许可。若其实只有一批，许可数量被
    /// 算了两次，超装就查不出来。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 采购时间 | 许可数量 | 序列号 |
    /// |---|---|---|---|---|
    /// | RJ002 | WPS Office 2019 | 2023-03-15 | 5 | WPS-2019-8842 |
    /// | **RJ006** | WPS Office 2019 | 2023-03-15 | 5 | WPS-2019-8842 |
    ///
    /// ## 如何修改
    /// 对照采购合同和授权证书：若是同一批次，删除重复的一行，把它的安装记录并入原编号；若确为
    /// 两次采购，补填能区分两批的采购时间、金额或序列号。
    pub struct DuplicateBatch {
        code: "ZB105",
        severity: Warning,
        summary: "两个软件编号的商业软件信息完全相同，疑似重复登记",
    }
}

fn same<T>(a: &Field<T>, b: &Field<T>, eq: impl Fn(&T, &T) -> bool) -> bool {
    match (&a.parsed, &b.parsed) {
        (Parsed::Value(x), Parsed::Value(y)) => eq(x, y),
        (Parsed::Invalid, Parsed::Invalid) => same_name(&a.raw, &b.raw),
        (Parsed::Empty | Parsed::NotApplicable, Parsed::Empty | Parsed::NotApplicable) => true,
        _ => false,
    }
}

fn identical(a: &SummaryRow, ta: &CommercialTerms, b: &SummaryRow, tb: &CommercialTerms) -> bool {
    let versions = |v: &Vec<String>| {
        let mut k: Vec<String> = v.iter().map(|s| version_key(s)).collect();
        k.sort();
        k
    };
    // Rows that say nothing about their license cannot be told apart, nor judged equal.
    let says_something = ta.purchased_on.value().is_some()
        || ta.amount.value().is_some()
        || ta.license_count.value().is_some()
        || ta.serial.value().is_some();
    says_something
        && a.name.value().is_some()
        && same(&a.name, &b.name, |x, y| same_name(x, y))
        && same(&ta.version, &tb.version, |x, y| same_version(x, y))
        && same(&ta.purchased_on, &tb.purchased_on, |x, y| x == y)
        && same(&ta.amount, &tb.amount, |x, y| (x - y).abs() < 0.005)
        && same(&ta.license_type, &tb.license_type, |x, y| same_name(x, y))
        && same(&ta.license_count, &tb.license_count, |x, y| x == y)
        && same(&ta.usable_versions, &tb.usable_versions, |x, y| {
            versions(x) == versions(y)
        })
        && same(&ta.term, &tb.term, |x, y| x == y)
        && same(&ta.serial, &tb.serial, |x, y| same_name(x, y))
}

/// ZB105
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    let rows: Vec<(&SummaryRow, &str, &CommercialTerms)> = summary
        .rows
        .iter()
        .filter_map(|r| Some((r, r.id()?, r.commercial()?)))
        .collect();
    for (i, &(row, id, terms)) in rows.iter().enumerate() {
        let Some(&(first, first_id, _)) = rows[..i]
            .iter()
            .find(|(r, other, t)| *other != id && identical(r, t, row, terms))
        else {
            continue;
        };
        let Some(cell) = &row.id.cell else {
            continue;
        };
        let d = out.report(
            cell,
            format!(
                "软件编号 {id} 与 {first_id}（{}）的软件名称、版本和全部许可信息相同，疑似同一采购批次登记了两次",
                line(&first.at)
            ),
            "对照采购合同核实：同一批次则删除重复行并把安装记录并入原编号；确为两次采购则补填能区分两批的采购时间、金额或序列号（台账 一.3）",
        );
        if let Some(c) = &first.id.cell {
            d.related(c, format!("软件编号 {first_id}，信息相同"));
        }
    }
}

/// ZB105 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB105.snap`):
/// RJ002's batch registered again under RJ005, serial number and all.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Push(
        "汇总表",
        &[
            "#5",
            "RJ005",
            "WPS Office 2019",
            "专业版",
            "商业软件",
            "@2023-03-15",
            "#1500",
            "批量许可",
            "#5",
            "专业版",
            "永久",
            "WPS-2019-8842-1173",
            "#0",
        ],
    ),
]);
