use super::super::prelude::*;
use crate::ledger::unrecognised::Unrecognised;

declare_rule! {
    /// ## 检查什么
    /// 工作簿中有一张表——一行列标题，下面有填写的行——但认不出它是哪一张台账或表格：标题
    /// 和列标题都不像任何一张官方表格。每个工作表报告一次，列出看到的列标题。
    ///
    /// ## 为什么
    /// 表按标题和列标题识别，与工作表名称和位置无关（台账可以用单位自己的表样）。认不出的
    /// 表不会被检查：如果它其实是台账的一部分（例如改了标题和列名的明细表），其中的问题
    /// 就被漏掉了，而其他表的核对也会少了它的内容。单位自己的其他表格（资产清单、通讯录）
    /// 不属于台账，可以忽略本提示。
    ///
    /// ## 示例
    /// 工作表“设备”第 2 行：`资产编号 | 设备名称 | 型号 | 存放地点`
    ///
    /// `工作表“设备”第 2 行像一张表的列标题（资产编号、设备名称、型号、存放地点），认不出是哪张台账表，其中内容没有检查`
    ///
    /// ## 如何修改
    /// 用 `zhengban inspect 工作簿` 查看读出了什么。若它是台账的一部分，给它写上模板的标题
    /// 或列标题，或在 zhengban.toml 中用 `[[table]]` 写明它是哪张表、列标题对应哪一列
    /// （见 README“配置文件”一节）；若不是台账，可忽略本提示。
    pub struct UnrecognisedTable {
        code: "ZB013",
        severity: Info,
        summary: "有一张表认不出是哪张台账",
    }
}

/// ZB013
pub fn check(ctx: &Context, out: &mut Sink) {
    for s in &ctx.unit.unrecognised {
        let Unrecognised::Grid {
            row, col, headers, ..
        } = &s.holds
        else {
            continue;
        };
        let shown: Vec<&str> = headers.iter().take(8).map(String::as_str).collect();
        let more = if headers.len() > shown.len() { "…" } else { "" };
        out.report(
            CellRef::new(&s.file, &s.sheet, *row, *col),
            format!(
                "工作表“{}”第 {} 行像一张表的列标题（{}{more}），认不出是哪张台账表，其中内容没有检查",
                s.sheet,
                row + 1,
                shown.join("、"),
            ),
            "用 zhengban inspect 查看读出了什么；若它是台账的一部分，写上模板的标题或列标题，或在 zhengban.toml 中用 [[table]] 写明它是哪张表；不是台账的表可忽略本提示",
        );
    }
}

/// ZB013 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB013.snap`): a
/// sheet of the unit's equipment, its title and column headers none of a ledger's.
const TRIGGER: Trigger = Trigger::forms(&[
    Edit::CopySheet("领导小组", "设备"),
    Edit::Set("设备", "A1", ""),
    Edit::Set("设备", "A2", "计算机设备清单"),
    Edit::Set("设备", "A3", ""),
    Edit::Set("设备", "F3", ""),
    Edit::Set("设备", "A4", ""),
    Edit::Set("设备", "E4", ""),
    Edit::Set("设备", "B6", "资产编号"),
    Edit::Set("设备", "C6", "设备名称"),
    Edit::Set("设备", "D6", "型号"),
    Edit::Set("设备", "E6", "存放地点"),
    Edit::Set("设备", "F6", "购置日期"),
    Edit::Set("设备", "G6", "管理人"),
    Edit::Set("设备", "H6", ""),
])
.showing("ZB013");
