use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 无法作为工作簿读取的文件：不是 xlsx/xlsm/xls/ods、文件损坏或不完整、设置了打开密码、
    /// 空文件或超过大小上限；以及打不开的文件夹（没有访问权限）。
    ///
    /// ## 为什么
    /// 台账要能随时查阅和核对（台账管理规定：“及时建立、更新和维护软件台账”）。读不出来的
    /// 文件里的表一项也检查不了；检查会跳过它，继续检查其余文件。
    ///
    /// ## 示例
    /// 把 Word 文档改名为 `台账.xlsx`，或只复制了一半的 `台账.xlsx`：
    /// `工作簿已损坏或不完整：…`；报送材料中一个没有访问权限的单位文件夹：
    /// `无法打开文件夹：没有权限`
    ///
    /// ## 如何修改
    /// 用 Excel 或 WPS 打开该文件，确认能正常打开后“另存为” .xlsx；有打开密码的先取消密码。
    /// 打不开的文件请从备份恢复。
    pub struct UnreadableFile {
        code: "ZB001",
        severity: Error,
        summary: "文件无法作为工作簿读取",
    }
}

/// ZB001
pub fn check(ctx: &Context, out: &mut Sink) {
    for (file, error) in &ctx.unit.unreadable {
        let help = if error.is_over_limit() {
            "文件超出读取上限。先用 Excel 或 WPS 打开确认内容无误（例如删去成千上万的空行、多余的工作表）后另存再检查；确属正常的大文件，可在 zhengban.toml 的 [limits] 中放宽这一上限（见 README“读取上限”）。其余文件已照常检查"
        } else {
            "用 Excel 或 WPS 打开该文件，确认能正常打开后另存为 .xlsx 再检查；加密的文件请先取消打开密码，损坏的文件请从备份恢复。其余文件已照常检查"
        };
        out.report(Target::File(file.clone()), error.to_string(), help);
    }
    for (path, reason) in &ctx.unit.inaccessible {
        out.report(
            Target::File(path.clone()),
            reason.clone(),
            "检查该文件夹的访问权限（或请报送单位重新提交），然后再检查这个单位；其余单位和文件已照常检查",
        );
    }
}

/// ZB001 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB001.snap`):
/// A text file renamed `.xlsx`.
const TRIGGER: Trigger = Trigger::file("tests/fixtures/broken/text-renamed.xlsx");
