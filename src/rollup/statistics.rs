//! One unit's 软件正版化工作信息统计表 as plain numbers, and their sum over many units: what
//! a 版权局 compiles from the annual reports. The same shape is the `"statistics"` key of
//! `check --format json|jsonl`, so a shard carries what the roll-up adds up.

use serde::{Deserialize, Serialize};

use crate::ledger::statistics::{Measure, StatColumn, StatRow};
use crate::rules::facts::statistics::{round4, DerivedStatistics};

/// The figures of one unit's statistics table for one year (sections 二–五).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitStatistics {
    /// The report year.
    pub year: i32,
    /// 二、人员情况.
    pub people: People,
    /// 三、计算机情况.
    pub computers: Computers,
    /// 四、本年度软件采购情况: 许可数 and 金额（万元）.
    pub purchases: ByOrigin<ByCategory<Purchase>>,
    /// 五、累计拥有软件许可情况: 许可数.
    pub holdings: ByOrigin<ByCategory<i64>>,
    /// 软件编号 the classification could not place (counted as 其他, not in 四 or 五).
    #[serde(default)]
    pub unclassified: Vec<String>,
}

/// 二、人员情况 (`None` where the summary header leaves it empty or unreadable).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct People {
    /// 总人数.
    pub total: Option<i64>,
    /// 使用计算机人数.
    pub using: Option<i64>,
}

/// 三、计算机情况.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Computers {
    /// 服务器数.
    pub servers: Option<i64>,
    /// 台式机数.
    pub desktops: Option<i64>,
    /// 便携机数.
    pub laptops: Option<i64>,
    /// 合计.
    pub total: Option<i64>,
}

/// The rows of sections 四 and 五.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct ByOrigin<T> {
    /// 国内.
    pub domestic: T,
    /// 国外.
    pub foreign: T,
    /// 合计.
    pub total: T,
}

/// The column groups of sections 四 and 五.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct ByCategory<T> {
    /// 操作系统软件.
    pub os: T,
    /// 办公软件.
    pub office: T,
    /// 杀毒软件.
    pub antivirus: T,
    /// 总计.
    pub total: T,
}

/// One cell pair of section 四.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Purchase {
    /// 许可数（个）.
    pub licenses: i64,
    /// 金额（万元）, 4 decimals.
    pub amount: f64,
}

/// The rows of sections 四 and 五 in table order.
pub const ROWS: [StatRow; 3] = [StatRow::Domestic, StatRow::Foreign, StatRow::Total];
/// The column groups of sections 四 and 五 in table order.
pub const COLUMNS: [StatColumn; 4] = [
    StatColumn::Os,
    StatColumn::Office,
    StatColumn::Antivirus,
    StatColumn::Total,
];

impl<T> ByOrigin<T> {
    /// The row of the table.
    pub fn get(&self, row: StatRow) -> &T {
        match row {
            StatRow::Domestic => &self.domestic,
            StatRow::Foreign => &self.foreign,
            StatRow::Total => &self.total,
        }
    }
    fn get_mut(&mut self, row: StatRow) -> &mut T {
        match row {
            StatRow::Domestic => &mut self.domestic,
            StatRow::Foreign => &mut self.foreign,
            StatRow::Total => &mut self.total,
        }
    }
}

impl<T> ByCategory<T> {
    /// The column group of the table.
    pub fn get(&self, column: StatColumn) -> &T {
        match column {
            StatColumn::Os => &self.os,
            StatColumn::Office => &self.office,
            StatColumn::Antivirus => &self.antivirus,
            StatColumn::Total => &self.total,
        }
    }
    fn get_mut(&mut self, column: StatColumn) -> &mut T {
        match column {
            StatColumn::Os => &mut self.os,
            StatColumn::Office => &mut self.office,
            StatColumn::Antivirus => &mut self.antivirus,
            StatColumn::Total => &mut self.total,
        }
    }
}

/// The row label of the table (国内 / 国外 / 合计).
pub fn row_label(row: StatRow) -> &'static str {
    match row {
        StatRow::Domestic => "国内",
        StatRow::Foreign => "国外",
        StatRow::Total => "合计",
    }
}

impl UnitStatistics {
    /// The plain figures of a derived table.
    pub fn from_derived(d: &DerivedStatistics) -> Self {
        let mut purchases = ByOrigin::<ByCategory<Purchase>>::default();
        let mut holdings = ByOrigin::<ByCategory<i64>>::default();
        for row in ROWS {
            for column in COLUMNS {
                let p = purchases.get_mut(row).get_mut(column);
                p.licenses = d.purchase(row, column, Measure::Licenses).round() as i64;
                p.amount = d.purchase(row, column, Measure::Amount);
                *holdings.get_mut(row).get_mut(column) = d.holding(row, column).round() as i64;
            }
        }
        UnitStatistics {
            year: d.year,
            people: People {
                total: d.people_total,
                using: d.people_using,
            },
            computers: Computers {
                servers: d.servers,
                desktops: d.desktops,
                laptops: d.laptops,
                total: d.computers_total,
            },
            purchases,
            holdings,
            unclassified: d.unclassified.clone(),
        }
    }
}

/// Sections 二–五 summed over the units of one year; a count that a unit left empty adds
/// nothing and is counted in `missing`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatisticsTotal {
    /// The report year.
    pub year: i32,
    /// Units added.
    pub units: usize,
    /// Σ 总人数, Σ 使用计算机人数.
    pub people: [i64; 2],
    /// Σ 服务器数, 台式机数, 便携机数, 合计.
    pub computers: [i64; 4],
    /// Units whose 二 or 三 had an empty or unreadable count.
    pub missing: usize,
    /// Units added that have no ledger data (空台账, 无台账, 无法读取): they add nothing.
    pub without_data: usize,
    /// Σ section 四.
    pub purchases: ByOrigin<ByCategory<Purchase>>,
    /// Σ section 五.
    pub holdings: ByOrigin<ByCategory<i64>>,
}

impl StatisticsTotal {
    /// An empty sum for `year`.
    pub fn new(year: i32) -> Self {
        StatisticsTotal {
            year,
            ..Default::default()
        }
    }

    /// Add one unit's table.
    pub fn add(&mut self, s: &UnitStatistics) {
        self.units += 1;
        let counts = [
            s.people.total,
            s.people.using,
            s.computers.servers,
            s.computers.desktops,
            s.computers.laptops,
            s.computers.total,
        ];
        if counts.iter().any(Option::is_none) {
            self.missing += 1;
        }
        for (sum, v) in self.people.iter_mut().zip(&counts[..2]) {
            *sum += v.unwrap_or(0);
        }
        for (sum, v) in self.computers.iter_mut().zip(&counts[2..]) {
            *sum += v.unwrap_or(0);
        }
        for row in ROWS {
            for column in COLUMNS {
                let add = s.purchases.get(row).get(column);
                let p = self.purchases.get_mut(row).get_mut(column);
                p.licenses += add.licenses;
                // Each unit reports 万元 to 4 decimals; the compiled table adds those figures.
                p.amount = round4(p.amount + add.amount);
                *self.holdings.get_mut(row).get_mut(column) += s.holdings.get(row).get(column);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(year: i32, os_foreign: i64, amount: f64, desktops: Option<i64>) -> UnitStatistics {
        let mut s = UnitStatistics {
            year,
            people: People {
                total: Some(10),
                using: Some(8),
            },
            computers: Computers {
                servers: Some(1),
                desktops,
                laptops: Some(2),
                total: desktops.map(|d| d + 3),
            },
            purchases: Default::default(),
            holdings: Default::default(),
            unclassified: vec![],
        };
        s.purchases.foreign.os = Purchase {
            licenses: os_foreign,
            amount,
        };
        s.purchases.foreign.total = s.purchases.foreign.os;
        s.purchases.total = s.purchases.foreign;
        s.holdings.foreign.os = os_foreign + 1;
        s
    }

    #[test]
    fn sums_add_each_figure_and_count_the_gaps() {
        let mut t = StatisticsTotal::new(2026);
        t.add(&unit(2026, 3, 0.1201, Some(5)));
        t.add(&unit(2026, 2, 0.0003, None));
        assert_eq!(t.units, 2);
        assert_eq!(t.people, [20, 16]);
        assert_eq!(t.computers, [2, 5, 4, 8]);
        assert_eq!(t.missing, 1);
        assert_eq!(t.purchases.foreign.os.licenses, 5);
        assert_eq!(t.purchases.total.total.amount, 0.1204);
        assert_eq!(t.holdings.foreign.os, 7);
        assert_eq!(t.holdings.domestic.office, 0);
    }

    #[test]
    fn json_shape_round_trips() {
        let s = unit(2025, 4, 1.2, Some(3));
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(v["purchases"]["foreign"]["os"]["licenses"], 4);
        assert_eq!(v["holdings"]["total"]["antivirus"], 0);
        assert_eq!(v["computers"]["total"], 6);
        let back: UnitStatistics = serde_json::from_value(v).unwrap();
        assert_eq!(back, s);
    }
}
