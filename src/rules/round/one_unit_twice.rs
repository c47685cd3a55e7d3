use std::collections::BTreeMap;

use super::super::prelude::*;
use super::{home, listed, others_of, sorted, Round, RoundSink, MAX_RELATED};
use crate::base::text::{is_short_name_of as within, unit_name_key as key};

declare_rule! {
    /// ## 检查什么
    /// 一轮报送中，几份来自不同文件夹（或文件）的台账写的是同一个单位名称；有名单
    /// （`--roster`）时，是几份报送对上了名单上的同一个单位。
    ///
    /// ## 为什么
    /// 一个单位只报一份台账。几份台账写同一个单位名称，最常见的是照着别的单位（或示例）的
    /// 台账改，表头的单位名称没有改——这样的台账算不上本单位的；也可能是同一个单位报了两次。
    /// 哪一份的文件夹名就是这个单位（或其简称），另外几份多半是照抄的，消息里会指出来。
    ///
    /// ## 示例
    /// 城关镇、三合镇两个文件夹里的台账都写着“丰都县双龙镇人民政府”，文件夹“双龙镇”里的也是：
    /// `3 份报送写的单位名称都是 丰都县双龙镇人民政府：按文件夹名，这是 双龙镇 的，本份可能是照着它改的`
    ///
    /// ## 如何修改
    /// 每个单位报送自己的台账：照着别的单位改的，把各表表头的单位名称改为本单位全称，并按本
    /// 单位的实际情况填写；同一单位报了两次的，撤回其中一份。
    pub struct OneUnitTwice {
        code: "ZB604",
        severity: Warning,
        summary: "几份报送是同一个单位的",
        scope: Round,
    }
}

/// ZB604
pub fn check(round: &Round, out: &mut RoundSink) {
    let units = round.units;
    // the roster unit each was placed on, or else the name it states
    let mut groups: BTreeMap<(Option<usize>, String), Vec<usize>> = BTreeMap::new();
    for (i, u) in units.iter().enumerate() {
        let group = match (u.roster, u.name_key()) {
            (Some(entry), _) => (Some(entry), String::new()),
            (None, Some(name)) => (None, name),
            (None, None) => continue,
        };
        groups.entry(group).or_default().push(i);
    }
    for ((entry, name), members) in groups.into_iter().filter(|(_, m)| m.len() > 1) {
        let shown = match entry.and_then(|e| round.roster?.entries.get(e)) {
            Some(e) => format!("名单上的 {}（名单第 {} 行）", e.name, e.row),
            None => units[members[0]]
                .stated
                .as_ref()
                .map_or(name.clone(), |(s, _)| s.clone()),
        };
        // whose it is, by the folder or file it came as: the one whose name is the unit's
        // (or its short name)
        let said = match entry.and_then(|e| round.roster?.entries.get(e)) {
            Some(e) => key(&e.name),
            None => name.clone(),
        };
        let owners: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| {
                units[i].found_as.as_deref().is_some_and(|f| {
                    let f = key(f);
                    f == said || within(&f, &said)
                })
            })
            .collect();
        let order = sorted(units, &members);
        let total = members.len() - 1;
        for &i in &members {
            let me = &units[i];
            let others = others_of(&order, i, MAX_RELATED);
            let names: Vec<String> = others.iter().map(|j| units[*j].called()).collect();
            let mut message = match entry {
                Some(_) => format!(
                    "{} 份报送都对上了{shown}：另外的是 {}",
                    members.len(),
                    listed(&names, total)
                ),
                None => format!(
                    "{} 份报送写的单位名称都是 {shown}：另外的是 {}",
                    members.len(),
                    listed(&names, total)
                ),
            };
            match owners[..] {
                [owner] if owner != i => message.push_str(&format!(
                    "；按文件夹名，这是 {} 的，本份可能是照着它改的",
                    units[owner].called()
                )),
                [owner] if owner == i => message.push_str("；按文件夹名，这份是本单位的"),
                _ => {}
            }
            let target = match &me.stated {
                Some((_, Some(cell))) => Target::Cell(cell.clone()),
                _ => home(me),
            };
            let d = out.report(
                i,
                target,
                message,
                "每个单位报送自己的台账：照着别的单位改的，把各表表头的单位名称改为本单位全称并按本单位实际情况填写；同一单位报了两次的，撤回其中一份",
            );
            for (j, name) in others.iter().zip(&names) {
                let other = &units[*j];
                let target = match &other.stated {
                    Some((_, Some(cell))) => Target::Cell(cell.clone()),
                    _ => home(other),
                };
                let said = other.stated.as_ref().map_or("", |(s, _)| s.as_str());
                d.related(target, format!("{name}：单位名称 {said}"));
            }
        }
    }
}

/// ZB604 fires on this round (tests/rule_coverage.rs, snapshot `rules__ZB604.snap`): 丙镇's
/// workbook is a copy of 甲镇's and states 丰都县甲镇人民政府.
const TRIGGER: Trigger = Trigger::file("samples/round/2026年报送").showing("ZB604");
