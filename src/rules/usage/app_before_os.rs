use super::super::prelude::*;
use crate::classify::Category;
use crate::ledger::usage::UsageRow;
use crate::rules::facts::ymd;

declare_rule! {
    /// ## 检查什么
    /// 明细表中同一台计算机（计算机编号）上，操作系统以外的软件，安装日期早于该计算机操作系统
    /// 的安装日期（有几行操作系统的，取其中最早的日期）。操作系统按软件分类（内置目录，或工作簿
    /// 中的“软件分类”表）判断，与 ZB207 相同；计算机没有填了安装日期的操作系统行时不作判断。
    ///
    /// ## 为什么
    /// 软件装在操作系统之上，不会先于操作系统安装。日期颠倒，多半是安装日期输错，或操作系统
    /// 重装、升级后明细表没有随之更新（台账 二.1、二.3），按日期核对安装维护明细表和许可期限时
    /// 就会出错。
    ///
    /// ## 示例
    /// | 计算机编号 | 软件名称 | 安装日期 |
    /// |---|---|---|
    /// | SJ-PC-003 | Windows 10 | 2024-03-05 |
    /// | SJ-PC-003 | WPS Office 2019 | **2024-02-20** |
    ///
    /// `计算机 SJ-PC-003 上“WPS Office 2019”的安装日期 2024-02-20 早于其操作系统“Windows 10”的安装日期 2024-03-05`
    ///
    /// ## 如何修改
    /// 对照安装维护明细表和确认单改正输错的安装日期；操作系统重装过的，把该计算机的操作系统和
    /// 随之重装的软件按重装后的日期登记。
    pub struct AppBeforeOs {
        code: "ZB209",
        severity: Warning,
        summary: "软件安装日期早于所在计算机操作系统的安装日期",
    }
}

/// ZB209
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(usage) = ctx.unit.usage() else {
        return;
    };
    // Classified as ZB207 does: under the summary's name and version when the number
    // resolves, each (number, name, version) once.
    let mut known: FastMap<(Option<&str>, &str, &str), bool> = FastMap::default();
    let is_os: Vec<bool> = usage
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let resolved = ctx.facts.usage_ids.get(i).and_then(|r| r.as_ref());
            let summary = ctx.facts.usage_summary_row(i);
            let id = resolved.map(|r| r.id.as_str()).or(row.id());
            let Some(name) = summary.and_then(|s| s.name.value()).or(row.name.value()) else {
                return false;
            };
            let version = summary
                .and_then(|s| s.version())
                .and_then(|v| v.value())
                .or(row.version.value())
                .map(String::as_str)
                .unwrap_or("");
            *known.entry((id, name, version)).or_insert_with(|| {
                ctx.classify(id, name, version)
                    .is_some_and(|c| c.category == Category::Os)
            })
        })
        .collect();
    // Each computer's earliest dated operating system row; a mistyped 计算机编号 counts under
    // the computer it means (ZB407 reports the typo).
    let computer = |i: usize| ctx.facts.usage_computer(i).or(usage.rows[i].computer());
    let mut os_rows: FastMap<&str, usize> = FastMap::default();
    for (i, row) in usage.rows.iter().enumerate() {
        let (true, Some(c), Some(date)) = (is_os[i], computer(i), row.installed_on.value()) else {
            continue;
        };
        let earliest = os_rows.entry(c).or_insert(i);
        if usage.rows[*earliest].installed_on.value() > Some(date) {
            *earliest = i;
        }
    }
    for (i, row) in usage.rows.iter().enumerate() {
        if is_os[i] {
            continue;
        }
        let (Some(c), Some(&date), Some(cell)) =
            (computer(i), row.installed_on.value(), &row.installed_on.cell)
        else {
            continue;
        };
        let Some(os) = os_rows.get(c).map(|&o| &usage.rows[o]) else {
            continue;
        };
        let Some(&os_date) = os.installed_on.value() else {
            continue;
        };
        if date >= os_date {
            continue;
        }
        let name = |r: &UsageRow| -> String {
            r.name.value().or(r.id.value()).cloned().unwrap_or_else(|| "此软件".into())
        };
        let d = out.report(
            cell,
            format!(
                "计算机 {c} 上“{}”的安装日期 {} 早于其操作系统“{}”的安装日期 {}",
                name(row),
                ymd(date),
                name(os),
                ymd(os_date)
            ),
            "对照安装维护明细表和确认单改正输错的安装日期；操作系统重装过的，按重装后的日期登记操作系统和随之重装的软件（台账 二.3）",
        );
        if let Some(at) = &os.installed_on.cell {
            d.related(at, format!("操作系统“{}”安装日期 {}", name(os), ymd(os_date)));
        }
    }
}

/// ZB209 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB209.snap`):
/// WPS on PC-003 dated before its Windows. PC-002's Windows has no date, so its 7-Zip dated
/// earlier than the other rows is not judged; 7-Zip on PC-001 the same day as Windows is fine.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("明细表", "M14", "@2024-02-20"),
    Edit::Set("明细表", "M9", ""),
    Edit::Set("明细表", "M12", "@2023-12-01"),
])
.showing("ZB209");
