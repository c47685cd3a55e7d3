use super::super::prelude::*;
use crate::ledger::discover::FileKind;

declare_rule! {
    /// ## 检查什么
    /// 工作簿旁边有 Excel/WPS 的锁定文件（`~$台账.xlsx`，文件名较长时是 `~$` 代替前两个字）
    /// 或 LibreOffice 的锁定文件（`.~lock.台账.xlsx#`）：工作簿正在被打开编辑，或者上次
    /// 没有正常关闭。
    ///
    /// ## 为什么
    /// 检查读的是磁盘上最后保存的内容。工作簿还开着的时候，屏幕上已改、还没保存的内容
    /// 没有被检查，检查结果可能与眼前的表格对不上。
    ///
    /// ## 示例
    /// 文件夹里有 `丰都县双龙镇软件台账.xlsx` 和 `~$县双龙镇软件台账.xlsx`：
    /// `工作簿正在 Excel 或 WPS 中打开（旁边有锁定文件 ~$县双龙镇软件台账.xlsx）：检查的是上次保存的内容，打开后还没保存的修改没有检查`
    ///
    /// ## 如何修改
    /// 在 Excel 或 WPS 中保存并关闭该工作簿，再检查一次。如果工作簿并没有打开，锁定文件是
    /// 上次异常退出时留下的，可以删除。
    pub struct OpenInOffice {
        code: "ZB014",
        severity: Warning,
        summary: "工作簿正在 Excel/WPS 中打开，未保存的修改没有检查",
    }
}

/// ZB014
pub fn check(ctx: &Context, out: &mut Sink) {
    for lock in ctx.unit.others.iter().filter(|o| o.kind == FileKind::Lock) {
        // a lock file given on its own is ZB002's (not a ledger), its workbook unread here
        let Some(book) = lock.locks.as_ref().filter(|b| ctx.unit.files.contains(b)) else {
            continue;
        };
        let name = |p: &str| {
            std::path::Path::new(p)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or(p)
                .to_string()
        };
        out.report(
            Target::File(book.clone()),
            // the workbook is the diagnostic's place: the message need not name it again
            format!(
                "工作簿正在 Excel 或 WPS 中打开（旁边有锁定文件 {}）：检查的是上次保存的内容，打开后还没保存的修改没有检查",
                name(&lock.path)
            ),
            "在 Excel 或 WPS 中保存并关闭这个工作簿后再检查一次；如果它并没有打开，锁定文件是上次异常退出时留下的，可以删除",
        );
    }
}

/// ZB014 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB014.snap`):
/// A clean ledger with Excel's lock file for a long name beside it.
const TRIGGER: Trigger = Trigger::file("tests/fixtures/locked").showing("ZB014");
