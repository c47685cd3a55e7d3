use super::super::prelude::*;
use crate::base::text::norm;
use crate::ledger::usage::UsageRow;
use crate::rules::facts::log_name;
use crate::rules::facts::variants::variants;

declare_rule! {
    /// ## 检查什么
    /// 安装维护明细表一条记录的计算机品牌，与明细表中同一台计算机（计算机编号）的品牌不一致。
    /// 品牌按忽略大小写、空格和全角半角比较；明细表中这台计算机登记了几种品牌的（ZB203 报告），
    /// 与其中任一种相同即可。计算机编号写错而能认出是哪一台的，按那一台比较。同一台计算机、
    /// 同一份安装维护明细表、同一种写法只报告一次。
    ///
    /// ## 为什么
    /// 计算机编号标识一台计算机（台账 二.1），两份台账记的是同一批计算机。品牌对不上，说明编号
    /// 写错（记到了另一台计算机上），或者计算机已经更换而编号沿用，按计算机核对安装、卸载情况
    /// 就会出错。
    ///
    /// ## 示例
    /// | | 计算机编号 | 计算机品牌 |
    /// |---|---|---|
    /// | 明细表 | SJ-PC-001 | 联想 |
    /// | RJ002 安装维护明细表 | SJ-PC-001 | **华为** |
    ///
    /// `RJ002 的安装维护明细表中计算机 SJ-PC-001 的品牌写作“华为”，明细表登记为“联想”`
    ///
    /// ## 如何修改
    /// 按计算机实物核对品牌，改正写错的一处；记录的其实是另一台计算机的，改为那台计算机的编号；
    /// 计算机更换过的，给新计算机编新的编号。
    pub struct MaintenanceBrandDiffers {
        code: "ZB417",
        severity: Error,
        summary: "安装维护明细表中的计算机品牌与明细表不一致",
    }
}

/// The brands a computer's usage rows give.
struct Brands<'a> {
    /// Normalised, for comparing.
    keys: Vec<String>,
    /// As first typed, most common first (`联想”、“戴尔`, for the message).
    shown: String,
    /// The most common one, and its first cell.
    main: (&'a str, &'a CellRef),
}

impl<'a> Brands<'a> {
    fn of(rows: &[&'a UsageRow]) -> Option<Self> {
        let found = variants(rows, |r| &r.brand);
        Some(Brands {
            keys: found.iter().map(|v| norm(v.shown)).collect(),
            shown: found.iter().map(|v| v.shown).collect::<Vec<_>>().join("”、“"),
            main: found.first().map(|v| (v.shown, v.cell))?,
        })
    }
}

/// ZB417
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(usage) = ctx.unit.usage() else {
        return;
    };
    // Usage rows by the computer they mean: a usage number read as the logs' spelling is
    // filed under it, as the events are.
    let mut by_computer: FastMap<&str, Vec<&UsageRow>> = FastMap::default();
    for (i, row) in usage.rows.iter().enumerate() {
        if let Some(c) = ctx.facts.usage_computer(i).or(row.computer()) {
            by_computer.entry(c).or_default().push(row);
        }
    }
    let mut brands: FastMap<&str, Option<Brands>> = FastMap::default();
    for (t, m) in ctx.unit.maintenance.iter().enumerate() {
        // (computer, spelling) → the diagnostic that reports it in this table.
        let mut reported: FastMap<(&str, String), usize> = FastMap::default();
        for (e, event) in m.events.iter().enumerate() {
            let (Some(brand), Some(cell)) = (event.brand.value(), &event.brand.cell) else {
                continue;
            };
            let Some(computer) = ctx.facts.event_computer(t, e) else {
                continue;
            };
            let Some(rows) = by_computer.get(computer) else {
                continue;
            };
            let Some(known) = brands
                .entry(computer)
                .or_insert_with(|| Brands::of(rows))
                .as_ref()
            else {
                continue;
            };
            let key = norm(brand);
            if known.keys.contains(&key) {
                continue;
            }
            if let Some(&d) = reported.get(&(computer, key.clone())) {
                out.diagnostics[d].related(cell, format!("同样写作“{brand}”"));
                continue;
            }
            reported.insert((computer, key), out.diagnostics.len());
            let typed = event.computer().unwrap_or(computer);
            let named = if typed == computer {
                format!("计算机 {computer} 的")
            } else {
                format!("计算机 {typed}（明细表中为 {computer}）的")
            };
            out.report(
                cell,
                format!(
                    "{}中{named}品牌写作“{brand}”，明细表登记为“{}”",
                    log_name(m),
                    known.shown
                ),
                "按计算机实物核对品牌，改正写错的一处；记录的是另一台计算机的，改为那台计算机的编号；计算机更换过的，给新计算机编新的编号（台账 二.1）",
            )
            .related(known.main.1, format!("明细表计算机品牌“{}”", known.main.0));
        }
    }
}

/// ZB417 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB417.snap`):
/// PC-001's events in the WPS and 奇安信 logs say 华为 (the usage ledger 联想): once per log
/// though the WPS log says it twice, and under PC-001 though the 奇安信 log numbers it
/// SJ-PC-01. PC-002's 华为 spaced out is the same brand, and PC-003, 联想 and 戴尔 in the
/// usage ledger (ZB203's), is 联想 in the logs.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("RJ002", "E9", "华为"),
    Edit::Set("RJ003", "D9", "SJ-PC-01"),
    Edit::Set("RJ003", "E9", "华为"),
    Edit::Push(
        "RJ002",
        &[
            "#4",
            "□",
            "☑",
            "SJ-PC-001",
            "华 为",
            "张伟",
            "办公室",
            "专业版",
            "@2025-06-01",
            "#1",
        ],
    ),
    Edit::Set("RJ002", "E10", " 华 为 "),
    Edit::Set("明细表", "E13", "戴尔"),
])
.showing("ZB417");
