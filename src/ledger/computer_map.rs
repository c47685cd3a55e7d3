//! The 对照表 of `reconcile --map`: where a ledger numbers its computers otherwise than
//! their names (asset numbers such as 财-2019-007), the list that says which 计算机编号 is
//! which computer name — a sheet or a CSV with a column of each.

use std::path::Path;

use super::list_file::{read_list, ListFileError, HEADER_SEARCH_ROWS};
use crate::base::path::shown;
use crate::base::text::norm_no_parens;

/// Why a 对照表 could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ComputerMapError {
    /// The file could not be read.
    #[error("无法读取对照表 {file}：{source}")]
    Read {
        /// The file, as shown.
        file: String,
        /// Why.
        source: ListFileError,
    },
    /// No title row with both columns.
    #[error("对照表 {0} 中找不到标题为“计算机编号”和“计算机名”的两列")]
    NoColumns(String),
    /// The columns are there, nothing under them.
    #[error("对照表 {0} 的“计算机编号”“计算机名”两列下面是空的")]
    Empty(String),
}

/// Headers of the column of computer names (what inventories call a computer).
const NAME_WORDS: [&str; 7] = [
    "计算机名",
    "计算机名称",
    "主机名",
    "机器名",
    "设备名称",
    "HOSTNAME",
    "COMPUTERNAME",
];

/// Read a 对照表: pairs of (计算机编号, computer name) in the file's order.
pub fn read_computer_map(path: &Path) -> Result<Vec<(String, String)>, ComputerMapError> {
    let file = shown(path);
    let grids = read_list(path).map_err(|source| ComputerMapError::Read {
        file: file.clone(),
        source,
    })?;
    for rows in &grids {
        if let Some(pairs) = pairs(rows) {
            if pairs.is_empty() {
                return Err(ComputerMapError::Empty(file));
            }
            return Ok(pairs);
        }
    }
    Err(ComputerMapError::NoColumns(file))
}

/// The pairs under a title row naming a computer-name column and a number column.
fn pairs(rows: &[Vec<String>]) -> Option<Vec<(String, String)>> {
    let (head, name_col, number_col) =
        rows.iter()
            .take(HEADER_SEARCH_ROWS)
            .enumerate()
            .find_map(|(i, r)| {
                let titles: Vec<String> =
                    r.iter().map(|c| norm_no_parens(c).to_uppercase()).collect();
                let name = titles
                    .iter()
                    .position(|t| NAME_WORDS.contains(&t.as_str()))?;
                let number = titles
                    .iter()
                    .enumerate()
                    .position(|(j, t)| j != name && (t.contains("编号") || t.contains("资产")))?;
                Some((i, name, number))
            })?;
    Some(
        rows.iter()
            .skip(head + 1)
            .filter_map(|r| {
                let number = r.get(number_col)?.trim();
                let name = r.get(name_col)?.trim();
                (!number.is_empty() && !name.is_empty())
                    .then(|| (number.to_string(), name.to_string()))
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[&[&str]]) -> Vec<Vec<String>> {
        lines
            .iter()
            .map(|l| l.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn columns_found_by_their_titles_in_any_order() {
        let found = pairs(&rows(&[
            &["计算机对照表"],
            &["序号", "主机名", "资产编号", "使用人"],
            &["1", "CZJ-PC-11", "财-2019-007", "王芳"],
            &["2", "", "财-2019-008", ""],
        ]));
        assert_eq!(
            found,
            Some(vec![("财-2019-007".into(), "CZJ-PC-11".into())])
        );
        assert_eq!(pairs(&rows(&[&["计算机编号", "使用人"]])), None);
    }

    #[test]
    fn a_csv_saved_by_excel() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("对照表.csv");
        std::fs::write(
            &path,
            "\u{feff}计算机编号,计算机名\r\n财-2019-007,CZJ-PC-11\r\n",
        )
        .unwrap();
        assert_eq!(
            read_computer_map(&path).unwrap(),
            vec![("财-2019-007".to_string(), "CZJ-PC-11".to_string())]
        );
        std::fs::write(&path, "编号,姓名\r\n1,王芳\r\n").unwrap();
        assert!(matches!(
            read_computer_map(&path),
            Err(ComputerMapError::NoColumns(_))
        ));
    }
}
