use super::super::prelude::*;
use super::{line, versions_differ};

declare_rule! {
    /// ## 检查什么
    /// 同一个**软件编号**登记了不同的软件：软件名称不同，软件类型不同，或（商业软件、OEM软件）
    /// 软件版本不同。
    ///
    /// ## 为什么
    /// “软件名称或软件版本不同的商业软件，使用不同的软件编号”（台账 一.2）；OEM软件同样按名称
    /// 和版本区分（台账 一.5）；“软件名称不同的免费软件，使用不同的软件编号”（台账 一.7）。
    /// 一个编号对应一份安装维护情况明细表（台账 三.3），混用编号会使安装数量无法核对。
    ///
    /// ## 示例
    /// | 行 | 软件编号 | 软件名称 | 软件版本 | 软件类型 |
    /// |---|---|---|---|---|
    /// | 7 | RJ002 | WPS Office 2019 | 专业版 | 商业软件 |
    /// | 10 | RJ002 | **Microsoft Office 2016** | 标准版 | 商业软件 |
    ///
    /// ## 如何修改
    /// 为后一行分配新的软件编号，为新编号建立安装维护情况明细表，并更正明细表中相应的行。
    pub struct InconsistentId {
        code: "ZB103",
        severity: Error,
        summary: "同一软件编号登记了不同名称、版本或类型的软件",
    }
}

const HELP: &str = "为此行分配新的软件编号，为新编号建立安装维护情况明细表，并更正明细表中相应的行";

/// ZB103
pub fn check(ctx: &Context, out: &mut Sink) {
    for (id, rows) in &ctx.facts.by_id {
        let Some((first, later)) = rows.split_first() else {
            continue;
        };
        for row in later {
            if let (Some(a), Some(b), Some(cell)) =
                (first.name.value(), row.name.value(), &row.name.cell)
            {
                if !crate::ledger::values::same_name(a, b) {
                    let d = out.report(
                        cell,
                        format!(
                            "软件编号 {id} 已在{}登记为“{a}”，此行又登记为“{b}”：名称不同的软件须使用不同编号",
                            line(&first.at)
                        ),
                        format!("{HELP}（台账 一.2、一.5、一.7）"),
                    );
                    if let Some(c) = &first.name.cell {
                        d.related(c, format!("软件编号 {id} 的软件名称“{a}”"));
                    }
                    continue;
                }
            }
            let (Some(ka), Some(kb)) = (first.kind(), row.kind()) else {
                continue;
            };
            if ka != kb {
                let Some(cell) = &row.kind.cell else {
                    continue;
                };
                let d = out.report(
                    cell,
                    format!(
                        "软件编号 {id} 已在{}登记为{}，此行又登记为{}：不同类型的软件须使用不同编号",
                        line(&first.at),
                        ka.label(),
                        kb.label()
                    ),
                    format!("核对软件类型；若确为两种软件，{HELP}（台账 一.2、一.5、一.7）"),
                );
                if let Some(c) = &first.kind.cell {
                    d.related(c, format!("软件编号 {id} 的软件类型 {}", ka.label()));
                }
                continue;
            }
            let clause = match ka {
                SoftwareKind::Commercial => "台账 一.2",
                SoftwareKind::Oem => "台账 一.5",
                // Free software keeps one number across versions (台账 一.8).
                SoftwareKind::Free => continue,
            };
            let (Some(va), Some(vb)) = (first.version(), row.version()) else {
                continue;
            };
            let (Some(true), Some(cell)) = (versions_differ(va, vb), &vb.cell) else {
                continue;
            };
            let d = out.report(
                cell,
                format!(
                    "软件编号 {id} 已在{}登记为版本“{}”，此行版本为“{}”：版本不同的{}须使用不同编号",
                    line(&first.at),
                    va.raw,
                    vb.raw,
                    ka.label()
                ),
                format!("{HELP}（{clause}）"),
            );
            if let Some(c) = &va.cell {
                d.related(c, format!("软件编号 {id} 的软件版本“{}”", va.raw));
            }
        }
    }
}

/// ZB103 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB103.snap`):
/// RJ001 registered again as 企业版, RJ004 again as commercial.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Push(
        "汇总表",
        &[
            "#5",
            "RJ001",
            "Windows 10",
            "企业版",
            "OEM软件",
            "—",
            "—",
            "—",
            "—",
            "—",
            "—",
            "—",
            "#0",
        ],
    ),
    Edit::Push(
        "汇总表",
        &[
            "#6",
            "RJ004",
            "7-Zip",
            "23.01",
            "商业软件",
            "@2024-01-02",
            "#100",
            "单机许可",
            "#1",
            "23.01",
            "永久",
            "7Z-0001",
            "#0",
        ],
    ),
]);
