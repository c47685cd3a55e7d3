//! The line a drop-mode report adds when its findings are about figures `zhengban derive`
//! computes (the 安装数量 of the summary, the statistics table…): a clerk who does not know
//! the command would otherwise count by hand what the program can write, so the line names
//! the figures and gives the exact command for this unit, and what to correct first when
//! derive would refuse.

use crate::batch::UnitReport;
use crate::derive::advice;

/// What to tell the clerk: a sentence, and the command to run after it (on a line of its
/// own, so that it can be copied whole).
#[derive(Debug, Clone, PartialEq)]
pub struct DeriveAdvice {
    /// The figures, what derive writes, what to correct first; ends with `运行：`.
    pub text: String,
    /// `zhengban derive 台账.xlsx --overwrite-derived`.
    pub command: String,
}

/// The advice for `report`, naming the unit as `target` in the command (the path the clerk
/// gave, or the file name beside which the report lies); `None` when derive has nothing to
/// write about the findings.
pub fn derive_advice(report: &UnitReport, target: &str) -> Option<DeriveAdvice> {
    let a = advice(report)?;
    let mut command = format!("zhengban derive {}", quoted(target));
    if a.overwrite {
        command.push_str(" --overwrite-derived");
    }
    let mut first: Vec<&str> = a.blocking.iter().map(|d| d.code).collect();
    first.sort_unstable();
    first.dedup();
    let run = if first.is_empty() {
        "，运行：".to_string()
    } else {
        format!("：先改正 {} 指出的问题，再运行：", first.join("、"))
    };
    Some(DeriveAdvice {
        text: format!(
            "{}可以由程序按台账推算填写（写出补填副本，原文件不变）{run}",
            a.figures.join("、")
        ),
        command,
    })
}

/// A path as a command line needs it: in double quotes when it holds a space.
fn quoted(path: &str) -> String {
    if path.contains(char::is_whitespace) {
        format!("\"{path}\"")
    } else {
        path.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_with_spaces_are_quoted() {
        assert_eq!(quoted("台账.xlsx"), "台账.xlsx");
        assert_eq!(quoted("桌面 文件/台账.xlsx"), "\"桌面 文件/台账.xlsx\"");
    }
}
