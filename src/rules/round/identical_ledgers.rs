use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use super::super::prelude::*;
use super::{home, listed, others_of, sorted, Fingerprint, Round, RoundSink, MAX_RELATED};
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
    let mut groups = Groups::new(units.len());
    // the same bytes: files of different units with one digest and length
    let mut by_bytes: HashMap<(u64, u64), Vec<usize>> = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        for f in &u.file_digests {
            by_bytes.entry((f.digest, f.bytes)).or_default().push(i);
        }
    }
    for holders in by_bytes.values() {
        for pair in holders.windows(2) {
            groups.join(pair[0], pair[1]);
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
    for members in &classes {
        for pair in members.windows(2) {
            groups.join(pair[0], pair[1]);
        }
    }
    let rows = |c: usize| &units[classes[c][0]].rows;
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for c in 0..classes.len() {
        let r = rows(c);
        let prefix = r.len() - (r.len() * 9).div_ceil(10) + 1;
        for x in &r[..prefix] {
            index.entry(*x).or_default().push(c);
        }
    }
    let mut tried: HashSet<(usize, usize)> = HashSet::new();
    for list in index.values() {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if !tried.insert((a.min(b), a.max(b))) {
                    continue;
                }
                let most = rows(a).len().max(rows(b).len());
                if shared(rows(a), rows(b)) * 10 >= most * 9 {
                    groups.join(classes[a][0], classes[b][0]);
                }
            }
        }
    }

    for members in groups.all().into_iter().filter(|m| m.len() > 1) {
        let order = sorted(units, &members);
        for &i in &members {
            let me = &units[i];
            let others = others_of(&order, i, MAX_RELATED);
            let names: Vec<String> = others.iter().map(|j| units[*j].called()).collect();
            let same: Vec<Same> = others.iter().map(|j| same(me, &units[*j])).collect();
            let target = match (&same[0], &me.usage) {
                (Same::Bytes { mine, .. }, _) => Target::File(mine.clone()),
                (Same::Rows { .. }, Some((file, sheet))) => Target::Sheet {
                    file: file.clone(),
                    sheet: sheet.clone(),
                },
                (Same::Rows { .. }, None) => home(me),
            };
            let message = match (&same[..], members.len()) {
                ([Same::Bytes { .. }], 2) => {
                    format!("台账与 {} 报送的是同一个文件（逐字节相同）", names[0])
                }
                ([Same::Rows { shared, mine, theirs }], 2) => format!(
                    "明细表与 {} 的几乎相同：本单位 {mine} 行、对方 {theirs} 行，其中 {shared} 行一样",
                    names[0]
                ),
                (_, n) => format!(
                    "台账与另外 {} 个单位的相同或几乎相同：{}",
                    n - 1,
                    listed(&names, n - 1)
                ),
            };
            let d = out.report(
                i,
                target,
                message,
                "核实这几份台账各是哪个单位的；照抄的单位要按本单位每台计算机实际安装的软件重新填写明细表，再据此更新汇总表",
            );
            for ((j, same), name) in others.iter().zip(same).zip(&names) {
                let other = &units[*j];
                let (target, text) = match same {
                    Same::Bytes { theirs, .. } => (
                        Target::File(theirs),
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
}

/// How one unit's ledgers are the same as another's: the same bytes, or else how many
/// usage rows they share.
fn same(me: &Fingerprint, other: &Fingerprint) -> Same {
    for mine in &me.file_digests {
        if let Some(theirs) = other
            .file_digests
            .iter()
            .find(|t| (t.digest, t.bytes) == (mine.digest, mine.bytes))
        {
            return Same::Bytes {
                mine: mine.file.clone(),
                theirs: theirs.file.clone(),
            };
        }
    }
    Same::Rows {
        shared: shared(&me.rows, &other.rows),
        mine: me.rows.len(),
        theirs: other.rows.len(),
    }
}

/// Units joined into groups (union–find): a group is every unit whose ledgers are the same
/// as, or nearly the same as, another's in it.
struct Groups(Vec<usize>);

impl Groups {
    fn new(n: usize) -> Groups {
        Groups((0..n).collect())
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }

    /// Every group, members in order.
    fn all(mut self) -> Vec<Vec<usize>> {
        let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..self.0.len() {
            let r = self.root(i);
            by_root.entry(r).or_default().push(i);
        }
        by_root.into_values().collect()
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
const TRIGGER: Trigger = Trigger::file("samples/round/2026年报送").showing("ZB601");

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
                previous: &[],
                last_year: &[],
                as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            },
            &mut sink,
        );
        sink.into_found()
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
