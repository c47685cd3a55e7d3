use super::super::prelude::*;
use super::origin;

declare_rule! {
    /// ## 检查什么
    /// 与计算机上实际安装的软件核对（`reconcile`）：某台计算机上装着需要购买许可的软件（按
    /// 软件分类，如 Microsoft Office、WinRAR、Windows 专业版），明细表中这台计算机却没有登记
    /// 这个软件。Office 的组件、语言包与套件算作同一个软件；不需要许可、分类中没有的软件
    /// （驱动、运行库、系统组件）不报。
    ///
    /// ## 为什么
    /// 台账要如实反映每台计算机上的全部软件（台账 二.2）。没有登记的商业软件，往往正是没有许可的
    /// 那一份：检查时上机一看便知。
    ///
    /// ## 示例
    /// SJ-PC-002 上装着 WinRAR，明细表中这台计算机只登记了 Windows、WPS 和杀毒软件：
    /// `计算机 SJ-PC-002 上装有 WinRAR 6.02（需要许可），明细表中这台计算机没有登记`
    ///
    /// ## 如何修改
    /// 有许可的，在明细表中为这台计算机补登这个软件，并在汇总表和安装维护明细表中登记；没有
    /// 许可的，卸载后在安装维护明细表中登记卸载，或购买许可。
    pub struct UnregisteredSoftware {
        code: "ZB701",
        severity: Error,
        summary: "计算机上装有需要许可的软件，明细表没有登记",
    }
}

/// ZB701
pub fn check(ctx: &Context, out: &mut Sink) {
    for computer in &ctx.reality().computers {
        let Some(first) = computer.rows.first() else {
            continue;
        };
        let target = match &first.computer.cell {
            Some(c) => Target::Cell(c.clone()),
            None => Target::Cell(first.at.clone()),
        };
        for (program, class) in &computer.unregistered {
            let d = out.report(
                target.clone(),
                format!(
                    "计算机 {} 上装有 {}（{}，需要许可），明细表中这台计算机没有登记",
                    computer.number,
                    super::matching::shown_program(program),
                    class.product
                ),
                "有许可的，在明细表中为这台计算机补登这个软件，并在汇总表和安装维护明细表中登记；没有许可的，卸载后在安装维护明细表中登记卸载，或购买许可（台账 二.2）",
            );
            let at = origin(program.origin.as_ref());
            if let Some(file) = program.origin.as_ref().map(|o| o.file.clone()) {
                d.related(Target::File(file), format!("采集结果：{at}"));
            }
        }
    }
}

/// ZB701 fires on this unit (tests/rule_coverage.rs, snapshot `rules__ZB701.snap`): the
/// clean unit's SJ-PC-002 also holds WinRAR, which its collected inventory shows.
const TRIGGER: Trigger = Trigger::clean(&[])
    .with_inventory("tests/fixtures/inventory/clean-unit")
    .showing("ZB701");
