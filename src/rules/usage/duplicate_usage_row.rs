use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 明细表中同一计算机编号和同一软件编号登记了两次（软件编号写错而能按名称认出的，按认出的
    /// 编号比较）。
    ///
    /// ## 为什么
    /// 明细表每行是一台计算机上安装的一个软件（台账 二.1）。重复登记会让按明细表统计的安装
    /// 数量多出一份，与汇总表的安装数量对不上。
    ///
    /// ## 示例
    /// | 行 | 计算机编号 | 软件编号 | 软件名称 |
    /// |---|---|---|---|
    /// | 6 | SJ-PC-001 | RJ002 | WPS Office 2019 |
    /// | 16 | SJ-PC-001 | RJ002 | WPS Office 2019 |
    ///
    /// `计算机 SJ-PC-001 上的软件 RJ002 重复登记`
    ///
    /// ## 如何修改
    /// 删除重复的一行；若其实是另一台计算机或另一个软件，改正计算机编号或软件编号。
    pub struct DuplicateUsageRow {
        code: "ZB204",
        severity: Warning,
        summary: "同一计算机的同一软件编号登记了两次",
    }
}

/// ZB204
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(usage) = ctx.unit.usage() else {
        return;
    };
    let mut first: FastMap<(&str, &str), &CellRef> = FastMap::default();
    for (i, row) in usage.rows.iter().enumerate() {
        let Some(computer) = row.computer() else {
            continue;
        };
        let resolved = ctx.facts.usage_ids.get(i).and_then(|r| r.as_ref());
        let Some(id) = resolved.map(|r| r.id.as_str()).or(row.id()) else {
            continue;
        };
        let at = row.id.cell.as_ref().unwrap_or(&row.at);
        match first.get(&(computer, id)) {
            None => {
                first.insert((computer, id), at);
            }
            Some(earlier) => {
                let software = match row.id() {
                    Some(t) if t != id => format!("{id}（写作 {t}）"),
                    _ => format!("{id} "),
                };
                out.report(
                    at,
                    format!(
                        "计算机 {computer} 上的软件 {software}重复登记，第 {} 行已登记",
                        earlier.row + 1
                    ),
                    "删除重复的一行；若是另一台计算机或另一个软件，改正计算机编号或软件编号（台账 二.1）",
                )
                .related(*earlier, format!("已登记：{computer} · {id}"));
            }
        }
    }
}

/// ZB204 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB204.snap`):
/// WPS listed twice on PC-001, and on PC-002 under a mistyped number the name resolves.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Push(
        "明细表",
        &[
            "#12",
            "办公室",
            "张伟",
            "SJ-PC-001",
            "联想",
            "RJ002",
            "WPS Office 2019",
            "专业版",
            "永久",
            "☑",
            "□",
            "□",
            "@2024-03-01",
        ],
    ),
    Edit::Push(
        "明细表",
        &[
            "#13",
            "审计一科",
            "李娜",
            "SJ-PC-002",
            "华为",
            "RJ0002",
            "WPS Office 2019",
            "专业版",
            "永久",
            "☑",
            "□",
            "□",
            "@2024-03-02",
        ],
    ),
])
.showing("ZB204");
