//! Columns whose header the reader does not know, placed by the values under them: a table
//! that lacks its 软件类型 column but has one headed 属性 holding 商业软件 / 免费软件 has found
//! it. Only fields the header did not give are placed, each by one column whose values fit
//! it and no other column's do as well; `inspect` shows such a column as inferred.

use crate::schema::ColumnSpec;
use crate::workbook::layout::{HeaderMatch, MappingSource};
use crate::workbook::{Cell, Sheet};

use super::maintenance::action;
use super::values::{self, Parsed};

/// Values looked at per column: enough to tell, few enough to stay cheap on long tables.
const SAMPLE: usize = 60;

/// Share of a column's values that must fit a field for the column to be that field.
const FIT: f64 = 0.8;

/// Whether a cell's value fits the field `key`, for the fields a column can be told by.
fn fits(key: &str, cell: &Cell) -> Option<bool> {
    let value = |p: bool| Some(p);
    match key {
        "kind" => value(matches!(values::kind(cell), Parsed::Value(_))),
        "installed_on" | "date" => value(matches!(values::date(cell), Parsed::Value(_))),
        "purchased_on" => value(matches!(values::purchase_time(cell), Parsed::Value(_))),
        "action" => value(matches!(action(cell), Parsed::Value(_))),
        "term" => value(matches!(values::term(cell), Parsed::Value(_))),
        "installed" | "count" | "license_count" => {
            value(matches!(values::count(cell), Parsed::Value(n) if n >= 0))
        }
        _ => None,
    }
}

/// Fields that share a shape: a column fitting one fits the others, so it tells none of them
/// apart unless only one of them is missing.
fn shape(key: &str) -> &str {
    match key {
        "installed" | "count" | "license_count" => "count",
        "installed_on" | "date" | "purchased_on" => "date",
        other => other,
    }
}

/// Place unknown header columns by their values (see the module documentation).
pub fn infer_columns(sheet: &Sheet, header: &mut HeaderMatch, specs: &[ColumnSpec], rows: &[u32]) {
    if header.unknown.is_empty() || rows.is_empty() {
        return;
    }
    let matched = |key: &str| {
        header.columns.iter().any(|(_, i)| {
            specs[*i].key == key || (key == "kind" && specs[*i].key.starts_with("kind_"))
        })
    };
    // Required fields first: a column of dates is the 安装日期 a table must have before it is
    // the 许可期限 it may have (an end date reads as a term too).
    let mut wanted: Vec<usize> = specs
        .iter()
        .enumerate()
        .filter(|(_, s)| fits(s.key, &Cell::Empty).is_some() && !matched(s.key))
        .map(|(i, _)| i)
        .collect();
    wanted.sort_by_key(|&i| !specs[i].required);
    if wanted.is_empty() {
        return;
    }
    // (column, share of its values fitting each wanted field)
    let sampled: Vec<(u32, Vec<f64>)> = header
        .unknown
        .iter()
        .map(|&(_, col, _)| {
            let cells: Vec<&Cell> = rows
                .iter()
                .map(|&r| sheet.shown(r, col))
                .filter(|c| !c.is_blank())
                .take(SAMPLE)
                .collect();
            let shares = wanted
                .iter()
                .map(|&i| {
                    if cells.len() < 2 {
                        return 0.0;
                    }
                    let fit = cells
                        .iter()
                        .filter(|c| fits(specs[i].key, c) == Some(true))
                        .count();
                    fit as f64 / cells.len() as f64
                })
                .collect();
            (col, shares)
        })
        .collect();
    let mut placed: Vec<(u32, usize)> = Vec::new();
    for (w, &i) in wanted.iter().enumerate() {
        // Another wanted field of the same shape: the values cannot tell which.
        let twins = wanted
            .iter()
            .filter(|&&j| shape(specs[j].key) == shape(specs[i].key))
            .count();
        if twins > 1 {
            continue;
        }
        let fitting: Vec<u32> = sampled
            .iter()
            .filter(|(col, shares)| shares[w] >= FIT && !placed.iter().any(|(c, _)| c == col))
            .map(|(col, _)| *col)
            .collect();
        if let [col] = fitting.as_slice() {
            placed.push((*col, i));
        }
    }
    for (col, i) in placed {
        header.columns.push((col, i));
        header.mapped.push((col, MappingSource::Inferred));
        header.unknown.retain(|(_, c, _)| *c != col);
    }
    header.columns.sort_unstable();
    header.missing = specs
        .iter()
        .enumerate()
        .filter(|(i, s)| s.required && !header.columns.iter().any(|(_, j)| j == i))
        .map(|(i, _)| i)
        .collect();
}

#[cfg(test)]
mod tests {
    use crate::workbook::layout::MappingSource;

    fn usage_with(headers: [&str; 2], kinds: [&str; 3], dates: [&str; 3]) -> crate::ledger::Unit {
        let rows: Vec<Vec<String>> = std::iter::once(vec!["软件使用情况明细表".to_string()])
            .chain(std::iter::once(
                [
                    "序号",
                    "部门",
                    "姓名",
                    "计算机编号",
                    "软件编号",
                    "软件名称",
                    headers[0],
                    headers[1],
                ]
                .map(String::from)
                .to_vec(),
            ))
            .chain((0..3).map(|i| {
                vec![
                    (i + 1).to_string(),
                    "办公室".into(),
                    "张三".into(),
                    "PC-01".into(),
                    format!("RJ0{i}"),
                    format!("软件{i}"),
                    kinds[i].into(),
                    dates[i].into(),
                ]
            }))
            .collect();
        crate::ledger::from_text("t.xlsx", &[("明细", &rows)])
    }

    #[test]
    fn unknown_headers_are_placed_by_their_values() {
        let unit = usage_with(
            ["属性", "上机时间"],
            ["商业软件", "OEM软件", "免费软件"],
            ["2024-03-01", "2024年3月2日", "2024.3.3"],
        );
        let usage = unit.usage().expect("the usage table");
        assert!(usage.meta.missing_columns.is_empty(), "{:?}", usage.meta);
        assert!(usage.meta.unknown_columns.is_empty());
        let col = |key| usage.meta.columns.iter().find(|c| c.key == key).unwrap();
        assert_eq!(
            (col("kind").col, col("kind").source),
            (6, MappingSource::Inferred)
        );
        assert_eq!(col("installed_on").col, 7);
        assert_eq!(col("installed_on").source, MappingSource::Inferred);
        assert_eq!(usage.rows[2].installed_on.raw, "2024.3.3");
    }

    #[test]
    fn values_that_do_not_fit_leave_the_column_unknown() {
        // Two of three dates do not read: below the share that tells a column.
        let unit = usage_with(
            ["属性", "上机时间"],
            ["商业软件", "OEM软件", "免费软件"],
            ["2024-03-01", "三月", "不详"],
        );
        let usage = unit.usage().expect("the usage table");
        assert_eq!(usage.meta.missing_columns, vec!["安装日期"]);
        assert_eq!(usage.meta.unknown_columns.len(), 1);
        assert_eq!(usage.meta.unknown_columns[0].1, "上机时间");
    }
}
