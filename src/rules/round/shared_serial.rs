use std::collections::BTreeMap;

use super::super::prelude::*;
use super::{home, listed, Round, RoundSink, MAX_RELATED};

declare_rule! {
    /// ## 检查什么
    /// 一轮报送中，同一个许可序列号（只比较字母和数字，不分大小写和分隔符）登记在不止一个
    /// 单位的汇总表里。太短的编号（少于 8 位，全为数字的少于 12 位）不比较：那多半是序号、
    /// 日期或电话，不是序列号。
    ///
    /// ## 为什么
    /// 一个序列号对应一批许可。不同单位登记同一个序列号，要么是借用了别的单位（或示例）的
    /// 许可，要么是上级统一采购的批量许可或场地许可分给了各单位——后者要有分配的依据，各单位
    /// 的许可数量加起来不能超过所购数量。这正是检查时要核实的。
    ///
    /// ## 示例
    /// 甲镇和乙镇的汇总表都登记了同一个 WPS Office 序列号：
    /// `序列号 WPS-2024-ABCDE-12345（WPS Office）也登记在 乙镇 的汇总表里`
    ///
    /// ## 如何修改
    /// 借用别的单位的序列号的，按本单位实际购买的许可登记；上级统一采购、分给各单位的，请附
    /// 分配文件，许可数量只写分给本单位的份数。
    pub struct SharedSerial {
        code: "ZB602",
        severity: Warning,
        summary: "同一许可序列号登记在几个单位",
        scope: Round,
    }
}

/// ZB602
pub fn check(round: &Round, out: &mut RoundSink) {
    let units = round.units;
    // serial → the units registering it (each once: a unit lists each key once)
    let mut by_key: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    for (i, u) in units.iter().enumerate() {
        for (s, serial) in u.serials.iter().enumerate() {
            by_key.entry(serial.key.as_str()).or_default().push((i, s));
        }
    }
    for holders in by_key.values().filter(|h| h.len() > 1) {
        let mut order = holders.clone();
        order.sort_by_cached_key(|(j, _)| units[*j].sort_key());
        for &(i, s) in holders {
            let mine = &units[i].serials[s];
            let others: Vec<(usize, usize)> = order
                .iter()
                .copied()
                .filter(|(j, _)| *j != i)
                .take(MAX_RELATED)
                .collect();
            let names: Vec<String> = others.iter().map(|(j, _)| units[*j].called()).collect();
            let target = match &mine.cell {
                Some(c) => Target::Cell(c.clone()),
                None => home(&units[i]),
            };
            let d = out.report(
                i,
                target,
                format!(
                    "序列号 {}（{}）也登记在 {} 的汇总表里",
                    mine.typed,
                    mine.software,
                    listed(&names, holders.len() - 1)
                ),
                "借用别的单位的序列号的，按本单位实际购买的许可登记；上级统一采购、分给各单位的，请附分配文件，许可数量只写分给本单位的份数",
            );
            for ((j, t), name) in others.into_iter().zip(&names) {
                let theirs = &units[j].serials[t];
                let target = match &theirs.cell {
                    Some(c) => Target::Cell(c.clone()),
                    None => home(&units[j]),
                };
                d.related(
                    target,
                    format!("{name}：{} 登记了 {}", theirs.software, theirs.typed),
                );
            }
        }
    }
}

/// ZB602 fires on this round (tests/rule_coverage.rs, snapshot `rules__ZB602.snap`): 甲镇 and
/// 乙镇 (and 丙镇, a copy of 甲镇's workbook) register one WPS Office serial.
const TRIGGER: Trigger = Trigger::file("samples/round/2026年报送").showing("ZB602");
