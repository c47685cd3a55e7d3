use super::super::prelude::*;
use crate::classify::Category;

declare_rule! {
    /// ## 检查什么
    /// 明细表中某台计算机登记了软件，却没有登记操作系统。软件按软件分类（内置目录，或工作簿中
    /// 的“软件分类”表）判断类别；一台计算机的软件都无法归类时不作判断，以免误报。
    ///
    /// ## 为什么
    /// 台账 二.2：“工作人员使用的全部计算机办公设备，以及相应计算机办公设备中安装的全部软件，
    /// 登记在《软件使用情况明细表》中。”每台计算机都有操作系统（含随机预装的 OEM 操作系统），
    /// 漏登操作系统会使操作系统的正版率无从统计。
    ///
    /// ## 示例
    /// | 计算机编号 | 软件名称 |
    /// |---|---|
    /// | SJ-PC-003 | WPS Office 2019 |
    /// | SJ-PC-003 | 奇安信天擎终端安全管理系统 |
    ///
    /// `计算机 SJ-PC-003 登记了 2 个软件，但没有操作系统`
    ///
    /// ## 如何修改
    /// 补登该计算机的操作系统（OEM 预装的也要登记）。若已登记的某个软件就是操作系统而未被
    /// 识别，在“软件分类”表中把它的类别填为“操作系统”。
    pub struct ComputerWithoutOs {
        code: "ZB207",
        severity: Warning,
        summary: "计算机没有登记操作系统",
    }
}

/// ZB207
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(usage) = ctx.unit.usage() else {
        return;
    };
    // Class of each usage row, under the summary's name and version when the number resolves;
    // rows repeat a handful of products, so each (number, name, version) is classified once.
    let mut known: FastMap<(Option<&str>, &str, &str), Option<Category>> = FastMap::default();
    let classes: Vec<Option<Category>> = usage
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let resolved = ctx.facts.usage_ids.get(i).and_then(|r| r.as_ref());
            let summary = ctx.facts.usage_summary_row(i);
            let id = resolved.map(|r| r.id.as_str()).or(row.id());
            let name = summary.and_then(|s| s.name.value()).or(row.name.value())?;
            let version = summary
                .and_then(|s| s.version())
                .and_then(|v| v.value())
                .or(row.version.value())
                .map(String::as_str)
                .unwrap_or("");
            *known
                .entry((id, name, version))
                .or_insert_with(|| ctx.classify(id, name, version).map(|c| c.category))
        })
        .collect();
    // Computers in order of first appearance, with their rows.
    let mut computers: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut index: FastMap<&str, usize> = FastMap::default();
    for (i, row) in usage.rows.iter().enumerate() {
        // A mistyped 计算机编号 is grouped with the computer it means (ZB407 reports the typo).
        let Some(c) = ctx.facts.usage_computer(i).or(row.computer()) else {
            continue;
        };
        let at = *index.entry(c).or_insert_with(|| {
            computers.push((c, Vec::new()));
            computers.len() - 1
        });
        computers[at].1.push(i);
    }
    for (computer, rows) in computers {
        let known = rows.iter().filter(|&&i| classes[i].is_some()).count();
        if known == 0 || rows.iter().any(|&i| classes[i] == Some(Category::Os)) {
            continue;
        }
        let unknown: Vec<&str> = rows
            .iter()
            .filter(|&&i| classes[i].is_none())
            .filter_map(|&i| usage.rows[i].name.value().map(String::as_str))
            .collect();
        let note = if unknown.is_empty() {
            String::new()
        } else {
            format!(
                "；未能归类的软件：{}，若其中有操作系统，请在“软件分类”表中注明",
                unknown.join("、")
            )
        };
        let first = &usage.rows[rows[0]];
        let at = first.computer.cell.as_ref().unwrap_or(&first.at);
        out.report(
            at,
            format!(
                "计算机 {computer} 登记了 {} 个软件，但没有操作系统",
                rows.len()
            ),
            format!("补登该计算机的操作系统（OEM 预装的也要登记；台账 二.2）{note}"),
        );
    }
}

/// ZB207 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB207.snap`):
/// PC-003 loses its Windows row; PC-004 holds only software the catalogue cannot place (no
/// judgement); PC-005 holds WPS and an unplaceable system (reported, naming it).
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::DeleteRow("明细表", 13),
    Edit::Push(
        "明细表",
        &[
            "#11",
            "办公室",
            "陈静",
            "SJ-PC-004",
            "联想",
            "RJ009",
            "机关业务管理系统",
            "V2",
            "永久",
            "☑",
            "□",
            "□",
            "@2024-03-06",
        ],
    ),
    Edit::Push(
        "明细表",
        &[
            "#12",
            "办公室",
            "赵敏",
            "SJ-PC-005",
            "华为",
            "RJ002",
            "WPS Office 2019",
            "专业版",
            "永久",
            "☑",
            "□",
            "□",
            "@2024-03-06",
        ],
    ),
    Edit::Push(
        "明细表",
        &[
            "#12",
            "办公室",
            "赵敏",
            "SJ-PC-005",
            "华为",
            "RJ010",
            "档案管理系统",
            "V3",
            "永久",
            "☑",
            "□",
            "□",
            "@2024-03-06",
        ],
    ),
])
.showing("ZB207");
