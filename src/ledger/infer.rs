//! What the values of a column are, for placing a column whose header the reader does not
//! know (`workbook::infer`): the model's own value parsers judge them.

use crate::workbook::Cell;

use super::maintenance::action;
use super::values::{self, Parsed};

/// Whether a cell's value fits the field `key`, for the fields a column can be told by.
pub fn fits(key: &str, cell: &Cell) -> Option<bool> {
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
        // Headers whose words name no column (属性 would: a type by its words).
        let unit = usage_with(
            ["标记", "上机时间"],
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
