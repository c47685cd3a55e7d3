use std::collections::BTreeSet;

use super::super::prelude::*;
use crate::ledger::maintenance::Maintenance;
use crate::ledger::summary::SummaryRow;
use crate::ledger::values::{same_name, same_version, version_key, LicenseTerm};

declare_rule! {
    /// ## 检查什么
    /// 软件安装维护情况明细表第一部分（软件基本信息）与汇总表中同一软件编号的行不一致：软件名称、
    /// 软件版本、软件类型、许可数量、可使用版本或许可期限。每个不一致的项目报告一次。
    /// 比较时忽略空格、全半角、大小写和“V”“版”等写法差异；许可期限按到期日比较（“3年”与
    /// “2024.1.10-2027.1.9”相同）。OEM 和免费软件的许可项目在两表中都应为空或“—”。
    ///
    /// ## 为什么
    /// 台账 三.2：“根据《软件使用情况汇总表》中的软件编号建立相应软件的《软件安装维护情况明细表》。”
    /// 第一部分是从汇总表抄来的，两处不一致说明其中一处登记错了或没有随采购、升级更新。
    ///
    /// ## 示例
    /// | | 软件编号 | 软件名称 | 许可数量 |
    /// |---|---|---|---|
    /// | 汇总表 | RJ002 | WPS Office 2019 | 5 |
    /// | 安装维护明细表 | RJ002 | WPS Office 2019 | **50** |
    ///
    /// ## 如何修改
    /// 以采购合同、授权证书为准改正错的一处，使两表一致。
    pub struct InfoDisagreesWithSummary {
        code: "ZB303",
        severity: Error,
        summary: "安装维护明细表软件基本信息与汇总表不一致",
    }
}

const HELP: &str = "以采购合同、授权证书为准改正错的一处，使软件基本信息与汇总表一致（台账 三.2）";

/// A field of part 一 shown in messages: its value, or 空 / “—”.
fn shown<T>(f: &Field<T>) -> String {
    match f.parsed {
        Parsed::Value(_) => f.raw.clone(),
        Parsed::NotApplicable => format!("“{}”", f.raw),
        _ => "空".to_string(),
    }
}

/// ZB303
pub fn check(ctx: &Context, out: &mut Sink) {
    for (m, id) in ctx.unit.maintenance.iter().zip(&ctx.facts.maintenance_ids) {
        let Some(row) = id.as_ref().and_then(|r| ctx.facts.summary_row(&r.id)) else {
            continue;
        };
        compare(ctx, m, row, out);
    }
}

fn compare(ctx: &Context, m: &Maintenance, row: &SummaryRow, out: &mut Sink) {
    let info = &m.info;
    let mut report = |cell: &Option<CellRef>, what: String, summary: Option<(&CellRef, String)>| {
        if let Some(cell) = cell {
            let d = out.report(cell, what, HELP);
            if let Some((c, text)) = summary {
                d.related(c, text);
            }
        }
    };
    // 软件名称.
    if let Some(name) = row.name.value() {
        let differs = match info.name.value() {
            Some(n) => !same_name(n, name),
            None => !info.name.is_invalid(),
        };
        if differs {
            report(
                &info.name.cell,
                format!("软件名称 {}，汇总表为 {name}", shown(&info.name)),
                row.name
                    .cell
                    .as_ref()
                    .map(|c| (c, format!("汇总表软件名称 {name}"))),
            );
        }
    }
    // 软件类型.
    if let (Some(kind), Some(cell)) = (row.kind(), info.kind.cell()) {
        let unreadable = info
            .kind
            .cells
            .iter()
            .any(|c| ctx.unit.invalid_values.iter().any(|v| &v.cell == c));
        let typed = match info.kind.ticked.as_slice() {
            [one] if *one == kind => None,
            [one] => Some(format!("软件类型为 {}", one.label())),
            [] => Some("软件类型未勾选".to_string()),
            many => Some(format!(
                "软件类型勾选了 {}",
                many.iter()
                    .map(|k| k.label())
                    .collect::<Vec<_>>()
                    .join("、")
            )),
        };
        if let (Some(typed), false) = (typed, unreadable) {
            report(
                &Some(cell.clone()),
                format!("{typed}，汇总表为 {}", kind.label()),
                row.kind
                    .cell
                    .as_ref()
                    .map(|c| (c, format!("汇总表软件类型 {}", kind.label()))),
            );
        }
    }
    // 软件版本 (free software is registered without a version, 台账 一.9).
    if let Some(version) = row
        .version()
        .filter(|_| row.kind() != Some(SoftwareKind::Free))
    {
        if let Some(v) = version.value() {
            let differs = match info.version.value() {
                Some(i) => !same_version(i, v),
                None => !info.version.is_invalid(),
            };
            if differs {
                report(
                    &info.version.cell,
                    format!("软件版本 {}，汇总表为 {v}", shown(&info.version)),
                    version
                        .cell
                        .as_ref()
                        .map(|c| (c, format!("汇总表软件版本 {v}"))),
                );
            }
        }
    }
    match row.commercial() {
        Some(terms) => {
            if let Some(&n) = terms.license_count.value() {
                if info.license_count.value() != Some(&n) && !info.license_count.is_invalid() {
                    report(
                        &info.license_count.cell,
                        format!("许可数量 {}，汇总表为 {n}", shown(&info.license_count)),
                        terms
                            .license_count
                            .cell
                            .as_ref()
                            .map(|c| (c, format!("汇总表许可数量 {n}"))),
                    );
                }
            }
            if let Some(usable) = terms.usable_versions.value() {
                let key = |v: &Vec<String>| -> BTreeSet<String> {
                    v.iter().map(|s| version_key(s)).collect()
                };
                let differs = match info.usable_versions.value() {
                    Some(i) => key(i) != key(usable),
                    None => true,
                };
                if differs {
                    report(
                        &info.usable_versions.cell,
                        format!(
                            "可使用版本 {}，汇总表为 {}",
                            shown(&info.usable_versions),
                            terms.usable_versions.raw
                        ),
                        terms.usable_versions.cell.as_ref().map(|c| {
                            (c, format!("汇总表可使用版本 {}", terms.usable_versions.raw))
                        }),
                    );
                }
            }
            if let Some(term) = terms.term.value() {
                let purchased = terms.purchased_on.value().map(|p| p.date);
                let same = |t: &LicenseTerm| {
                    t.is_perpetual() == term.is_perpetual()
                        && t.end(purchased) == term.end(purchased)
                };
                let differs = match info.term.value() {
                    Some(t) => !same(t),
                    None => !info.term.is_invalid(),
                };
                if differs {
                    report(
                        &info.term.cell,
                        format!(
                            "许可期限 {}，汇总表为 {}",
                            shown(&info.term),
                            terms.term.raw
                        ),
                        terms
                            .term
                            .cell
                            .as_ref()
                            .map(|c| (c, format!("汇总表许可期限 {}", terms.term.raw))),
                    );
                }
            }
        }
        None if matches!(
            row.kind(),
            Some(SoftwareKind::Oem) | Some(SoftwareKind::Free)
        ) =>
        {
            // OEM and free software carry no license fields (台账 一.6、一.9); a value in
            // part 一 disagrees with the summary's “—”.
            let kind = row.kind().map(|k| k.label()).unwrap_or_default();
            for (label, filled, raw, cell) in [
                (
                    "许可数量",
                    info.license_count.value().is_some(),
                    &info.license_count.raw,
                    &info.license_count.cell,
                ),
                (
                    "可使用版本",
                    info.usable_versions.value().is_some(),
                    &info.usable_versions.raw,
                    &info.usable_versions.cell,
                ),
                (
                    "许可期限",
                    info.term.value().is_some(),
                    &info.term.raw,
                    &info.term.cell,
                ),
            ] {
                if filled {
                    report(
                        cell,
                        format!("{label} 填了 {raw}，汇总表为“—”：{kind}不登记{label}"),
                        None,
                    );
                }
            }
        }
        None => {}
    }
}

/// ZB303 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB303.snap`):
/// Part 一 of three sheets disagrees with the summary: count, name, term, type.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("RJ002", "G6", "#50"),
    Edit::Set("RJ002", "B6", "WPS Office 2016"),
    Edit::Set("RJ003", "I6", "2024.1.10-2026.1.9"),
    Edit::Set("RJ003", "D6", "□"),
    Edit::Set("RJ003", "F6", "☑"),
    Edit::Set("RJ001", "G6", "#3"),
]);
