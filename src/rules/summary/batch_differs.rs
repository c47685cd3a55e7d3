use super::super::prelude::*;
use super::{line, purchase, versions_differ};
use crate::base::format_number;
use crate::ledger::summary::CommercialTerms;
use crate::ledger::values::{same_name, version_key};

declare_rule! {
    /// ## 检查什么
    /// 同一**软件编号**的两行商业软件（名称、版本相同），采购时间、采购金额、许可类型、许可数量、
    /// 可使用版本、许可期限或序列号不同——这是两个采购批次，却共用了一个编号。
    ///
    /// ## 为什么
    /// “软件名称及软件版本相同的商业软件，采购时间、采购金额、许可类型、许可数量、可使用版本、
    /// 许可期限、序列号等任一不相同的，使用不同的软件编号”（台账 一.3）。每个批次的许可数量和
    /// 到期日不同，合在一个编号下就无法核对是否超装、是否过期。
    ///
    /// ## 示例
    /// | 行 | 软件编号 | 软件名称 | 采购时间 | 许可数量 |
    /// |---|---|---|---|---|
    /// | 7 | RJ002 | WPS Office 2019 | 2023-03-15 | 5 |
    /// | 10 | **RJ002** | WPS Office 2019 | 2024-05-01 | 10 |
    ///
    /// ## 如何修改
    /// 为后一批次分配新的软件编号，建立对应的安装维护情况明细表，并把用这批许可安装的计算机
    /// 登记到新编号下。
    pub struct BatchDiffers {
        code: "ZB104",
        severity: Error,
        summary: "同一软件编号下的商业软件采购批次信息不同",
    }
}

/// One field that differs: header, the first row's value, this row's value, the first cell.
struct Difference {
    header: &'static str,
    first: String,
    this: String,
    cell: Option<CellRef>,
}

fn compare<T>(
    header: &'static str,
    a: &Field<T>,
    b: &Field<T>,
    same: impl Fn(&T, &T) -> bool,
    show: impl Fn(&T) -> String,
) -> Option<Difference> {
    let (x, y) = (a.value()?, b.value()?);
    (!same(x, y)).then(|| Difference {
        header,
        first: show(x),
        this: show(y),
        cell: a.cell.clone(),
    })
}

fn differences(a: &CommercialTerms, b: &CommercialTerms) -> Vec<Difference> {
    let versions = |v: &Vec<String>| {
        let mut k: Vec<String> = v.iter().map(|s| version_key(s)).collect();
        k.sort();
        k.dedup();
        k
    };
    let (start_a, start_b) = (
        a.purchased_on.value().map(|p| p.date),
        b.purchased_on.value().map(|p| p.date),
    );
    [
        compare(
            "采购时间",
            &a.purchased_on,
            &b.purchased_on,
            // A month-only time covers every day of that month.
            |x, y| x.date <= y.latest() && y.date <= x.latest(),
            purchase,
        ),
        compare(
            "采购金额",
            &a.amount,
            &b.amount,
            |x, y| (x - y).abs() < 0.005,
            |x| format_number(*x),
        ),
        compare(
            "许可类型",
            &a.license_type,
            &b.license_type,
            |x, y| same_name(x, y),
            String::clone,
        ),
        compare(
            "许可数量",
            &a.license_count,
            &b.license_count,
            |x, y| x == y,
            i64::to_string,
        ),
        compare(
            "可使用版本",
            &a.usable_versions,
            &b.usable_versions,
            |x, y| versions(x) == versions(y),
            |x| x.join("、"),
        ),
        compare(
            "许可期限",
            &a.term,
            &b.term,
            // `3年` from the purchase date and the explicit range can name the same term.
            |x, y| x == y || x.end(start_a).is_some_and(|e| Some(e) == y.end(start_b)),
            |x| x.describe(),
        ),
        compare(
            "序列号",
            &a.serial,
            &b.serial,
            |x, y| same_name(x, y),
            String::clone,
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// ZB104
pub fn check(ctx: &Context, out: &mut Sink) {
    for (id, rows) in &ctx.facts.by_id {
        let Some((first, later)) = rows.split_first() else {
            continue;
        };
        let Some(a) = first.commercial() else {
            continue;
        };
        for row in later {
            let Some(b) = row.commercial() else {
                continue;
            };
            // Another product under the same number is ZB103's finding.
            let other_name = match (first.name.value(), row.name.value()) {
                (Some(x), Some(y)) => !same_name(x, y),
                _ => false,
            };
            if other_name || versions_differ(&a.version, &b.version) == Some(true) {
                continue;
            }
            let diffs = differences(a, b);
            let Some(cell) = &row.id.cell else {
                continue;
            };
            if diffs.is_empty() {
                continue;
            }
            let listed: Vec<String> = diffs
                .iter()
                .map(|d| format!("{}（{} / {}）", d.header, d.first, d.this))
                .collect();
            let d = out.report(
                cell,
                format!(
                    "软件编号 {id} 已在{}登记过，此行的{}不同，是另一个采购批次",
                    line(&first.at),
                    listed.join("、")
                ),
                "每个采购批次使用单独的软件编号：为此批次分配新编号，建立对应的安装维护情况明细表，并把用这批许可安装的计算机登记到新编号下（台账 一.3）",
            );
            for diff in &diffs {
                if let Some(c) = &diff.cell {
                    d.related(c, format!("{} {}", diff.header, diff.first));
                }
            }
        }
    }
}

/// ZB104 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB104.snap`):
/// A second WPS batch under RJ002 with other purchase details: the same product, so not ZB103.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Push(
        "汇总表",
        &[
            "#5",
            "RJ002",
            "WPS Office 2019",
            "专业版",
            "商业软件",
            "2024年5月",
            "#3000",
            "批量许可",
            "#10",
            "专业版",
            "永久",
            "WPS-2019-9911-2040",
            "#0",
        ],
    ),
])
.without("ZB103");
