use super::super::prelude::*;
use chrono::NaiveDate;

use crate::ledger::maintenance::Action;
use crate::ledger::summary::SummaryRow;
use crate::ledger::values::PurchaseTime;
use crate::rules::facts::ymd;

declare_rule! {
    /// ## 检查什么
    /// 商业软件在采购之前就已安装：明细表一行的安装日期，或安装维护明细表一条“安装”记录的
    /// 日期，早于汇总表中该软件编号的采购时间。采购时间只填年月的，按该月第一天比较；没有
    /// 采购时间（受赠、调剂）或读不出的不检查；采购时间晚于填表日期或检查日期的由 ZB117 报告，
    /// 这里不计。软件编号写错的行按它本来的编号计。同一软件编号在一本台账（明细表，或一份安装
    /// 维护明细表）中有几处如此的，在第一处报告一次，其余列在其下。
    ///
    /// ## 为什么
    /// 采购之前装上的副本没有许可，是使用未经授权的软件（办法 第三条）；补买许可并不能让此前的
    /// 使用变成正版。也常见于装的其实是另一批次（更早采购的那批）的许可，却登记在了新批次的
    /// 软件编号下（台账 一.3：每个采购批次一个软件编号）。
    ///
    /// ## 示例
    /// 汇总表 RJ002 采购时间 2023-03-15：
    ///
    /// | 计算机编号 | 软件编号 | 安装日期 |
    /// |---|---|---|
    /// | SJ-PC-001 | RJ002 | **2023-03-01** |
    ///
    /// `安装日期 2023-03-01 早于 RJ002 的采购时间 2023-03-15`
    ///
    /// ## 如何修改
    /// 核对安装日期和采购时间，改正输错的一处；装的是另一批次的许可的，改为那一批次的软件编号；
    /// 确是采购前安装的，按实际情况处理并如实登记。
    pub struct InstallBeforePurchase {
        code: "ZB416",
        severity: Error,
        summary: "安装日期早于该软件的采购时间",
    }
}

const HELP: &str = "核对安装日期和汇总表的采购时间，改正输错的一处；装的是另一采购批次的许可的，改为那一批次的软件编号（台账 一.3；办法 第三条）";

/// The purchase time of a commercial summary row, with its cell. A purchase after the
/// ledger was filled in or after the check date is a mistyped year (ZB117): every install
/// would precede it, one fault reported once there.
fn purchased(row: Option<&SummaryRow>, latest: NaiveDate) -> Option<(&PurchaseTime, &CellRef)> {
    let t = row?.commercial()?;
    let p = t.purchased_on.value().filter(|p| p.date <= latest)?;
    Some((p, t.purchased_on.cell.as_ref()?))
}

/// Whether an install precedes a purchase. A purchase typed as a month counts from its first
/// day: any install in that month may have followed it.
fn before(install: NaiveDate, p: &PurchaseTime) -> bool {
    install < p.date
}

/// A purchase time as typed: a day, or a month.
fn shown(p: &PurchaseTime) -> String {
    if p.month_only {
        p.date.format("%Y-%m").to_string()
    } else {
        ymd(p.date)
    }
}

/// The installs of one number in one ledger (the usage ledger, or one log) that precede its
/// purchase.
struct Early<'a> {
    id: &'a str,
    purchase: (&'a PurchaseTime, &'a CellRef),
    installs: Vec<(NaiveDate, &'a CellRef)>,
}

impl Early<'_> {
    /// One fault however many rows share it (a purchase time typed a year late, or a whole
    /// batch installed before it was bought): reported at the first install, the others
    /// related.
    fn report(&self, out: &mut Sink) {
        let (p, at) = self.purchase;
        let Some(((date, cell), others)) = self.installs.split_first() else {
            return;
        };
        let many = if others.is_empty() {
            String::new()
        } else {
            format!("（本表共 {} 处如此）", self.installs.len())
        };
        let d = out.report(
            *cell,
            format!(
                "安装日期 {} 早于 {} 的采购时间 {}{many}",
                ymd(*date),
                self.id,
                shown(p)
            ),
            HELP,
        );
        d.related(at, format!("汇总表 {} 采购时间 {}", self.id, shown(p)));
        for (date, cell) in others {
            d.related(*cell, format!("安装日期 {}，同样早于采购时间", ymd(*date)));
        }
    }
}

/// ZB416
pub fn check(ctx: &Context, out: &mut Sink) {
    let filled_on = ctx
        .unit
        .summary()
        .and_then(|s| s.header.filled_on.as_ref())
        .and_then(|f| f.value().copied());
    let latest = filled_on.map_or(ctx.as_of, |f| f.min(ctx.as_of));
    if let Some(usage) = ctx.unit.usage() {
        let mut groups: Vec<Early> = Vec::new();
        let mut index: FastMap<&str, usize> = FastMap::default();
        for (i, row) in usage.rows.iter().enumerate() {
            let Some(id) = ctx.facts.usage_ids.get(i).and_then(|r| r.as_ref()) else {
                continue;
            };
            let Some(purchase) = purchased(ctx.facts.usage_summary_row(i), latest) else {
                continue;
            };
            let (Some(&date), Some(cell)) = (row.installed_on.value(), &row.installed_on.cell)
            else {
                continue;
            };
            if !before(date, purchase.0) {
                continue;
            }
            let id = id.id.as_str();
            let at = *index.entry(id).or_insert_with(|| {
                groups.push(Early {
                    id,
                    purchase,
                    installs: Vec::new(),
                });
                groups.len() - 1
            });
            groups[at].installs.push((date, cell));
        }
        for g in &groups {
            g.report(out);
        }
    }
    for (m, id) in ctx.unit.maintenance.iter().zip(&ctx.facts.maintenance_ids) {
        let Some(id) = id else {
            continue;
        };
        let Some(purchase) = purchased(ctx.facts.summary_row(&id.id), latest) else {
            continue;
        };
        let installs = m
            .events
            .iter()
            .filter_map(|e| match (e.action.single(), e.date.value(), &e.date.cell) {
                (Some(Action::Install), Some(&date), Some(cell)) if before(date, purchase.0) => {
                    Some((date, cell))
                }
                _ => None,
            })
            .collect();
        Early {
            id: &id.id,
            purchase,
            installs,
        }
        .report(out);
    }
}

/// ZB416 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB416.snap`):
/// WPS (bought 2023-03-15) installed on PC-001 in early March 2023 by both ledgers, and on
/// PC-002 in January by the usage ledger (one diagnostic per ledger); 奇安信's purchase given
/// as the month 2024-03, so PC-001's copy of 2024-03-01 is not early and PC-002's of
/// 2024-02-28 is. OEM and free software have no purchase to compare.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("明细表", "M6", "@2023-03-01"),
    Edit::Set("明细表", "M10", "@2023-01-05"),
    Edit::Set("RJ002", "I9", "@2023-03-10"),
    Edit::Set("汇总表", "F8", "2024.3"),
    Edit::Set("明细表", "M11", "@2024-02-28"),
])
.showing("ZB416");

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_purchase_of_a_month_counts_from_its_first_day() {
        // The reader keeps a month-only purchase (`2024.3`) as the first day of the month.
        let march = PurchaseTime {
            date: d("2024-03-01"),
            month_only: true,
        };
        assert!(!before(d("2024-03-01"), &march));
        assert!(!before(d("2024-03-31"), &march));
        assert!(before(d("2024-02-29"), &march));
        let day = PurchaseTime {
            date: d("2024-03-15"),
            month_only: false,
        };
        assert!(before(d("2024-03-14"), &day));
        assert!(!before(d("2024-03-15"), &day));
    }
}
