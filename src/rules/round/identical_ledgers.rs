use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use super::super::prelude::*;
use super::{home, listed, Round, RoundSink};
use crate::base::digest::Digest;

declare_rule! {
    /// ## 检查什么
    /// 一轮报送中，两个单位的台账是同一份：工作簿文件完全相同（逐字节一致），或者明细表中
    /// 写明计算机或使用人的行，有九成以上两个单位一模一样（较多的一方也至少九成）。
    ///
    /// ## 为什么
    /// 明细表记的是本单位每台计算机上装的软件，使用人、计算机编号各单位不会相同。两份几乎
    /// 一样的明细表，说明至少有一个单位没有清点自己的计算机，而是照抄了别的单位（或示例）的
    /// 台账；检查时应按实际计算机核对。
    ///
    /// ## 示例
    /// 城关镇与双龙镇报送的明细表 48 行中 47 行相同：
    /// `明细表与 双龙镇 的几乎相同：48 行中 47 行一样`
    ///
    /// ## 如何修改
    /// 核实这几份台账各是哪个单位的。照抄的单位要按本单位每台计算机实际安装的软件重新填写
    /// 明细表，再据此更新汇总表。
    pub struct IdenticalLedgers {
        code: "ZB601",
        severity: Warning,
        summary: "不同单位报送的台账相同",
        scope: Round,
    }
}

/// Fewer usage rows than this prove nothing by being alike.
const MIN_ROWS: usize = 3;

/// How two units' ledgers are the same.
#[derive(Debug, Clone)]
enum Same {
    /// A workbook of each has the same bytes.
    Bytes { mine: Arc<str>, theirs: Arc<str> },
    /// Their usage rows: how many are shared, and how many each has.
    Rows {
        shared: usize,
        mine: usize,
        theirs: usize,
    },
}

/// ZB601
pub fn check(round: &Round, out: &mut RoundSink) {
    let units = round.units;
    let mut found: BTreeMap<usize, Vec<(usize, Same)>> = BTreeMap::new();
    let mut pair = |a: usize, b: usize, same: Same, swapped: Same| {
        found.entry(a).or_default().push((b, same));
        found.entry(b).or_default().push((a, swapped));
    };
    let mut paired: HashSet<(usize, usize)> = HashSet::new();

    // the same bytes: files of different units with one digest and length
    // (digest, length) → the units' files with those bytes
    type Holders<'a> = Vec<(usize, &'a Arc<str>)>;
    let mut by_bytes: HashMap<(u64, u64), Holders> = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        for f in &u.file_digests {
            by_bytes.entry((f.digest, f.bytes)).or_default().push((i, &f.file));
        }
    }
    for group in by_bytes.values() {
        for (x, (a, fa)) in group.iter().enumerate() {
            for (b, fb) in &group[x + 1..] {
                if a != b && paired.insert(((*a).min(*b), (*a).max(*b))) {
                    pair(
                        *a,
                        *b,
                        Same::Bytes {
                            mine: (*fa).clone(),
                            theirs: (*fb).clone(),
                        },
                        Same::Bytes {
                            mine: (*fb).clone(),
                            theirs: (*fa).clone(),
                        },
                    );
                }
            }
        }
    }

    // the same rows: units with exactly the same rows form a class; classes that share
    // nine in ten rows are found through the few smallest digests of each (prefix
    // filtering: two sets sharing nine in ten elements share one of the first tenth and
    // one), and counted exactly
    let mut classes: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        if u.rows.len() >= MIN_ROWS {
            let mut d = Digest::default();
            u.rows.iter().for_each(|x| d.number(*x));
            classes.entry(d.finish()).or_default().push(i);
        }
    }
    let classes: Vec<Vec<usize>> = classes.into_values().collect();
    let rows = |c: &Vec<usize>| &units[c[0]].rows;
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (c, members) in classes.iter().enumerate() {
        let r = rows(members);
        let prefix = r.len() - (r.len() * 9).div_ceil(10) + 1;
        for x in &r[..prefix] {
            index.entry(*x).or_default().push(c);
        }
    }
    let mut candidates: HashSet<(usize, usize)> = HashSet::new();
    for list in index.values() {
        for (x, a) in list.iter().enumerate() {
            for b in &list[x + 1..] {
                candidates.insert(((*a).min(*b), (*a).max(*b)));
            }
        }
    }
    let mut alike: Vec<(usize, usize, usize)> = candidates
        .into_iter()
        .filter_map(|(a, b)| {
            let shared = shared(rows(&classes[a]), rows(&classes[b]));
            let most = rows(&classes[a]).len().max(rows(&classes[b]).len());
            (shared * 10 >= most * 9).then_some((a, b, shared))
        })
        .collect();
    alike.extend(
        (0..classes.len())
            .filter(|c| classes[*c].len() > 1)
            .map(|c| (c, c, rows(&classes[c]).len())),
    );
    for (ca, cb, shared) in alike {
        for (x, &a) in classes[ca].iter().enumerate() {
            let others = if ca == cb {
                &classes[cb][x + 1..]
            } else {
                &classes[cb][..]
            };
            for &b in others {
                if !paired.insert((a.min(b), a.max(b))) {
                    continue;
                }
                let (na, nb) = (units[a].rows.len(), units[b].rows.len());
                pair(
                    a,
                    b,
                    Same::Rows {
                        shared,
                        mine: na,
                        theirs: nb,
                    },
                    Same::Rows {
                        shared,
                        mine: nb,
                        theirs: na,
                    },
                );
            }
        }
    }

    for (i, mut matches) in found {
        // by where the others came from, not by the order the round holds them in
        matches.sort_by_cached_key(|(j, _)| units[*j].sort_key());
        let me = &units[i];
        let names: Vec<String> = matches.iter().map(|(j, _)| units[*j].called()).collect();
        let target = match (&matches[0].1, &me.usage) {
            (Same::Bytes { mine, .. }, _) => Target::File(mine.clone()),
            (Same::Rows { .. }, Some((file, sheet))) => Target::Sheet {
                file: file.clone(),
                sheet: sheet.clone(),
            },
            (Same::Rows { .. }, None) => home(me),
        };
        let message = match &matches[..] {
            [(_, Same::Bytes { .. })] => {
                format!("台账与 {} 报送的是同一个文件（逐字节相同）", names[0])
            }
            [(_, Same::Rows { shared, mine, theirs })] => format!(
                "明细表与 {} 的几乎相同：本单位 {mine} 行、对方 {theirs} 行，其中 {shared} 行一样",
                names[0]
            ),
            _ => format!(
                "台账与另外 {} 个单位的相同或几乎相同：{}",
                matches.len(),
                listed(&names)
            ),
        };
        let d = out.report(
            i,
            target,
            message,
            "核实这几份台账各是哪个单位的；照抄的单位要按本单位每台计算机实际安装的软件重新填写明细表，再据此更新汇总表",
        );
        for ((j, same), name) in matches.iter().zip(&names) {
            let other = &units[*j];
            let (target, text) = match same {
                Same::Bytes { theirs, .. } => (
                    Target::File(theirs.clone()),
                    format!("{name}：与本单位的文件逐字节相同"),
                ),
                Same::Rows { shared, theirs, .. } => (
                    match &other.usage {
                        Some((file, sheet)) => Target::Sheet {
                            file: file.clone(),
                            sheet: sheet.clone(),
                        },
                        None => home(other),
                    },
                    format!("{name}：明细表 {theirs} 行中 {shared} 行与本单位相同"),
                ),
            };
            d.related(target, text);
        }
    }
}

/// How many digests two sorted lists share.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// ZB601 fires on this round (tests/rule_coverage.rs, snapshot `rules__ZB601.snap`): 丙镇
/// sent a copy of 甲镇's workbook; 乙镇's is its own.
const TRIGGER: Trigger = Trigger::file("tests/fixtures/round").showing("ZB601");

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(name: &str, rows: &[u64]) -> super::super::Fingerprint {
        let mut rows = rows.to_vec();
        rows.sort_unstable();
        super::super::Fingerprint {
            name: name.into(),
            found_as: Some(name.into()),
            home: Some(name.into()),
            rows: rows.into_boxed_slice(),
            ..Default::default()
        }
    }

    fn found(units: &[super::super::Fingerprint]) -> Vec<(usize, String)> {
        let mut sink = RoundSink::new("ZB601", crate::rules::Severity::Warning);
        check(
            &Round {
                units,
                roster: None,
            },
            &mut sink,
        );
        sink.diagnostics
            .into_iter()
            .map(|(i, d)| (i, d.message))
            .collect()
    }

    #[test]
    fn nine_in_ten_rows_alike_is_a_copy() {
        let base: Vec<u64> = (0..20).collect();
        let mut near = base.clone();
        near[0] = 1000;
        near[1] = 1001; // 18 of 20 shared: 90 %
        let mut far = base.clone();
        far[0] = 2000;
        far[1] = 2001;
        far[2] = 2002; // 17 of 20 with the base
        let got = found(&[unit("甲", &base), unit("乙", &near), unit("丙", &(100..140).collect::<Vec<_>>())]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].1.contains("20 行，其中 18 行一样"), "{got:?}");
        assert_eq!(found(&[unit("甲", &base), unit("丁", &far)]), vec![]);
    }

    #[test]
    fn the_same_rows_everywhere_is_one_group() {
        let rows: Vec<u64> = (0..10).collect();
        let got = found(&[unit("甲", &rows), unit("乙", &rows), unit("丙", &rows)]);
        assert_eq!(got.len(), 3);
        assert!(got.iter().all(|(_, m)| m.contains("另外 2 个单位")), "{got:?}");
    }

    #[test]
    fn a_few_rows_prove_nothing() {
        assert_eq!(found(&[unit("甲", &[1, 2]), unit("乙", &[1, 2])]), vec![]);
    }
}
