use super::super::prelude::*;
use crate::ledger::values::{same_name, same_version};

declare_rule! {
    /// ## 检查什么
    /// 明细表一行与汇总表中同一软件编号的行不一致：软件名称、软件类型、许可期限或软件版本
    /// （免费软件不比较版本；两边都填了才比较许可期限和版本，许可期限按到期日比较）。每项报告一次。
    /// 编号填成了汇总表中另一款软件的编号（名称、版本对得上另一个编号）时，只在软件编号处报告一次。
    ///
    /// ## 为什么
    /// 台账 二.1、二.2：明细表逐台登记计算机中安装的软件，软件的名称、版本、类型、许可期限都以
    /// 汇总表为准。不一致时，这份安装对应的是哪份许可就说不清了。
    ///
    /// ## 示例
    /// | | 软件编号 | 软件名称 | 软件版本 |
    /// |---|---|---|---|
    /// | 汇总表 | RJ002 | WPS Office 2019 | 专业版 |
    /// | 明细表 | RJ002 | WPS Office 2019 | **个人版** |
    ///
    /// ## 如何修改
    /// 按计算机上实际安装的软件改正明细表；若装的确实是另一版本，它属于另一个软件编号（或需要
    /// 卸载）。
    pub struct UsageDisagreesWithSummary {
        code: "ZB404",
        severity: Error,
        summary: "明细表与汇总表的软件信息不一致",
    }
}

const HELP: &str = "按计算机上实际安装的软件改正明细表，软件信息以汇总表为准（台账 二.2）";

/// ZB404
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(usage) = ctx.unit.usage() else {
        return;
    };
    // One disagreement repeated on many rows (the summary changed, the usage ledger not) is
    // one fault: reported once at its first row, the other rows related.
    let mut groups = Groups::default();
    for (i, (row, resolved)) in usage.rows.iter().zip(&ctx.facts.usage_ids).enumerate() {
        let Some(resolved) = resolved else {
            continue;
        };
        let Some(s) = ctx.facts.usage_summary_row(i) else {
            continue;
        };
        let id = resolved.id.as_str();
        // A number of another software: the row names this one.
        if let (Some(typed), Some(cell), true) = (row.id(), &row.id.cell, resolved.guessed) {
            if typed != id {
                if let Some(other) = ctx.facts.summary_row(typed) {
                    let name = |r: &crate::ledger::summary::SummaryRow| {
                        r.name.value().cloned().unwrap_or_default()
                    };
                    let d = out.report(
                        cell,
                        format!(
                            "软件编号 {typed} 在汇总表中是 {}，本行的 {} 在汇总表中编号为 {id}",
                            name(other),
                            row.name.value().map(String::as_str).unwrap_or_default()
                        ),
                        format!("把软件编号改为 {id}（台账 二.2）"),
                    );
                    if let Some(c) = &s.id.cell {
                        d.related(c, format!("汇总表 {id} {}", name(s)));
                    }
                    if let Some(c) = &other.id.cell {
                        d.related(c, format!("汇总表 {typed} {}", name(other)));
                    }
                }
            }
        }
        let mut report = |field: &'static str,
                          cell: &Option<CellRef>,
                          what: String,
                          there: Option<(&CellRef, String)>| {
            if let Some(cell) = cell {
                groups.add((id.to_string(), field, what), cell, there);
            }
        };
        if let (Some(n), Some(sn)) = (row.name.value(), s.name.value()) {
            // Most rows copy the summary's text: equal text is the same name without
            // normalising both.
            if n != sn && !same_name(n, sn) {
                report(
                    "name",
                    &row.name.cell,
                    format!("软件名称 {n}，汇总表 {id} 为 {sn}"),
                    s.name
                        .cell
                        .as_ref()
                        .map(|c| (c, format!("汇总表软件名称 {sn}"))),
                );
            }
        }
        if let (Some(k), Some(sk)) = (row.kind.single(), s.kind()) {
            if k != sk {
                // Point at the box ticked, when the three boxes are separate cells.
                let at = match row.kind.cells.as_slice() {
                    [a, b, c] => [a, b, c]
                        .into_iter()
                        .zip(SoftwareKind::ALL)
                        .find(|(_, kind)| *kind == k)
                        .map(|(cell, _)| cell.clone()),
                    cells => cells.first().cloned(),
                };
                report(
                    "kind",
                    &at,
                    format!(
                        "软件类型勾选为 {}，汇总表 {id} 为 {}",
                        k.label(),
                        sk.label()
                    ),
                    s.kind
                        .cell
                        .as_ref()
                        .map(|c| (c, format!("汇总表软件类型 {}", sk.label()))),
                );
            }
        }
        if let (Some(t), Some(terms)) = (row.term.value(), s.commercial()) {
            if let Some(st) = terms.term.value() {
                let bought = terms.purchased_on.value().map(|p| p.date);
                if t.is_perpetual() != st.is_perpetual() || t.end(bought) != st.end(bought) {
                    report(
                        "term",
                        &row.term.cell,
                        format!(
                            "许可期限 {}，汇总表 {id} 为 {}",
                            row.term.raw, terms.term.raw
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
        if s.kind() != Some(SoftwareKind::Free) {
            let sv = s.version();
            if let (Some(v), Some(svv)) = (row.version.value(), sv.and_then(|f| f.value())) {
                if v != svv && !same_version(v, svv) {
                    report(
                        "version",
                        &row.version.cell,
                        format!("软件版本 {v}，汇总表 {id} 为 {svv}"),
                        sv.and_then(|f| f.cell.as_ref())
                            .map(|c| (c, format!("汇总表软件版本 {svv}"))),
                    );
                }
            }
        }
    }
    for g in groups.list {
        let n = g.others.len() + 1;
        let message = if n > 1 {
            format!("{}（明细表中共 {n} 行如此）", g.key.2)
        } else {
            g.key.2.clone()
        };
        let d = out.report(&g.first, message, HELP);
        if let Some((c, t)) = g.there {
            d.related(c, t);
        }
        for c in g.others {
            d.related(c, "同样不一致");
        }
    }
}

type GroupKey = (String, &'static str, String);

/// Disagreements grouped by (software number, field, message), in order of first sight.
#[derive(Default)]
struct Groups {
    list: Vec<Group>,
}

struct Group {
    key: GroupKey,
    first: CellRef,
    there: Option<(CellRef, String)>,
    others: Vec<CellRef>,
}

impl Groups {
    fn add(&mut self, key: GroupKey, cell: &CellRef, there: Option<(&CellRef, String)>) {
        match self.list.iter_mut().find(|g| g.key == key) {
            Some(g) => g.others.push(cell.clone()),
            None => self.list.push(Group {
                key,
                first: cell.clone(),
                there: there.map(|(c, t)| (c.clone(), t)),
                others: Vec::new(),
            }),
        }
    }
}

/// ZB404 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB404.snap`):
/// 刘洋's 奇安信 row numbered as 7-Zip.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("明细表", "F15", "RJ004"),
]);
