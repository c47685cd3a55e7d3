use super::super::prelude::*;
use crate::ledger::discover::FileKind;
use crate::ledger::roster::Listed;
use crate::ledger::Unit;
use crate::schema::TableKind;

declare_rule! {
    /// ## 检查什么
    /// 单位缺少三种软件台账之一：软件使用情况汇总表（附件7）、软件使用情况明细表（附件8）、
    /// 软件安装维护情况明细表（附件9）。每缺一种报告一次。一个单位（报送材料中的一个文件夹）
    /// 里根本没有可读取的工作簿时——文件夹是空的，或只有扫描件、PDF、图片、WPS 的 .et 文件——
    /// 只报告一次“没有找到台账”，并列出文件夹里有什么。
    ///
    /// ## 为什么
    /// 台账管理规定：“软件台账包括《软件使用情况汇总表》（附件7）、《软件使用情况明细表》
    /// （附件8）和《软件安装维护情况明细表》（附件9）。”缺了哪一种，相应的核对就无从做起。
    /// 表按标题识别（如“软件使用情况汇总表”），与工作表名称无关。
    ///
    /// ## 示例
    /// 工作簿里只有“汇总表”和“明细表”两个工作表，没有任何安装维护情况明细表：
    /// `缺少软件安装维护情况明细表（附件9）`；报送材料中“单位3”文件夹里只有一个扫描件：
    /// `没有找到台账：报送材料/单位3 中没有可读取的工作簿（.xlsx/.xls/.ods），只有 台账.pdf（PDF/OFD 文件）`
    ///
    /// ## 如何修改
    /// 按模板补建缺少的台账（`zhengban template` 生成空白模板）。如果表其实存在，检查它的
    /// 标题是否写成了模板的标题。WPS 表格的 .et 文件请在 WPS 中另存为 .xlsx；扫描件和 PDF
    /// 不能代替台账。
    pub struct MissingLedger {
        code: "ZB002",
        severity: Error,
        summary: "缺少三种软件台账之一，或没有找到台账",
    }
}

/// ZB002
pub fn check(ctx: &Context, out: &mut Sink) {
    let unit = ctx.unit;
    let Some(first) = unit.books.first() else {
        no_ledger(unit, out);
        return;
    };
    let target = if unit.books.len() == 1 {
        Target::File(first.file.clone())
    } else {
        Target::Unit
    };
    let ledgers = [
        (TableKind::Summary, unit.summaries.is_empty()),
        (TableKind::Usage, unit.usages.is_empty()),
        (TableKind::Maintenance, unit.maintenance.is_empty()),
    ];
    // A ledger saved in a format we cannot read is the likeliest reason it is missing.
    let unread: Vec<String> = unit
        .others
        .iter()
        .filter(|f| f.kind.advice().is_some() && f.kind != FileKind::Lock)
        .map(|f| format!("{}（{}）", file_name(&f.path), f.kind.describe()))
        .collect();
    let aside = if unread.is_empty() {
        String::new()
    } else {
        format!(
            "；同一单位还有没读取的文件：{}，{}",
            list(&unread),
            advices(unit)
        )
    };
    for (kind, missing) in ledgers {
        if !missing {
            continue;
        }
        let extra = if kind == TableKind::Maintenance {
            "，每个软件编号建一份（台账 三.2–三.3）"
        } else {
            ""
        };
        out.report(
            target.clone(),
            format!("缺少{}（附件{}）", kind.title(), kind.national_number()),
            format!(
                "按模板补建{}{extra}；若已有此表，把标题改为“{}”以便识别（台账管理规定：软件台账包括汇总表、明细表和安装维护情况明细表）{aside}",
                kind.title(),
                kind.title()
            ),
        );
    }
}

/// A unit without any workbook read: one diagnostic saying what was there instead. When
/// the only files were workbooks that could not be read, ZB001 has said why already.
fn no_ledger(unit: &Unit, out: &mut Sink) {
    // a roster unit that sent nothing: ZB011 says so
    if matches!(unit.roster, Some(Listed::Missing(_))) {
        return;
    }
    if unit.others.is_empty() && !(unit.unreadable.is_empty() && unit.inaccessible.is_empty()) {
        return;
    }
    let place = unit.path.as_deref().unwrap_or(unit.name.as_str());
    // A lock file given instead of its workbook (it sits beside it, named alike).
    if let [lock] = unit.others.as_slice() {
        if lock.kind == FileKind::Lock && unit.unreadable.is_empty() {
            let (message, help) = match &lock.locks {
                Some(book) => (
                    format!(
                        "{} 不是台账，是 Excel 或 WPS 打开 {} 时生成的临时锁定文件",
                        file_name(&lock.path),
                        file_name(book)
                    ),
                    format!(
                        "请检查工作簿本身：{book}（锁定文件在工作簿关闭后会自动消失；工作簿没有打开时它是上次异常退出留下的，可以删除）"
                    ),
                ),
                None => (
                    format!(
                        "{} 不是台账，是 Excel 或 WPS 打开工作簿时生成的临时锁定文件，它的工作簿不在同一文件夹中",
                        file_name(&lock.path)
                    ),
                    "请检查工作簿本身（文件名与锁定文件相近、不带 ~$ 的 .xlsx 文件）；锁定文件可以删除".to_string(),
                ),
            };
            out.report(Target::File(lock.path.clone()), message, help);
            return;
        }
    }
    let found: Vec<String> = unit
        .others
        .iter()
        .map(|f| format!("{}（{}）", relative(&f.path, place), f.kind.describe()))
        .collect();
    let mut message = if found.is_empty() && unit.unreadable.is_empty() {
        format!("没有找到台账：{place} 中没有任何文件")
    } else if found.is_empty() {
        format!("没有找到台账：{place} 中没有可读取的工作簿")
    } else {
        format!(
            "没有找到台账：{place} 中没有可读取的工作簿（.xlsx/.xls/.ods），只有 {}",
            list(&found)
        )
    };
    if !unit.unreadable.is_empty() {
        message.push_str(&format!(
            "；另有 {} 个工作簿无法读取（见 ZB001）",
            unit.unreadable.len()
        ));
    }
    let advice = advices(unit);
    let help = format!(
        "请报送按模板填写的软件使用情况汇总表、明细表和安装维护情况明细表（Excel 工作簿 .xlsx，空白模板：zhengban template）{}（台账管理规定：软件台账包括汇总表、明细表和安装维护情况明细表）",
        if advice.is_empty() { String::new() } else { format!("；{advice}") }
    );
    let target = match &unit.path {
        Some(p) => Target::File(p.clone()),
        None => Target::Unit,
    };
    out.report(target, message, help);
}

/// The distinct advice for the kinds of the unit's other files, in kind order.
fn advices(unit: &Unit) -> String {
    let mut kinds: Vec<_> = unit.others.iter().map(|f| f.kind).collect();
    kinds.sort();
    kinds.dedup();
    let mut advice: Vec<&str> = Vec::new();
    for a in kinds.into_iter().filter_map(|k| k.advice()) {
        if !advice.contains(&a) {
            advice.push(a);
        }
    }
    advice.join("；")
}

/// A few names, then a count: a folder of 300 scans makes one readable line.
fn list(names: &[String]) -> String {
    const SHOWN: usize = 6;
    let mut s = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("、");
    if names.len() > SHOWN {
        s.push_str(&format!(" 等 {} 个文件", names.len()));
    }
    s
}

fn file_name(path: &str) -> &str {
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// A file's path below the unit's folder (`扫描件/第1页.jpg`), else its name.
fn relative<'a>(path: &'a str, folder: &str) -> &'a str {
    std::path::Path::new(path)
        .strip_prefix(folder)
        .ok()
        .and_then(|p| p.to_str())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file_name(path))
}

/// ZB002 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB002.snap`):
/// The usage ledger and every maintenance sheet removed.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::RemoveSheet("明细表"),
    Edit::RemoveSheet("RJ001"),
    Edit::RemoveSheet("RJ002"),
    Edit::RemoveSheet("RJ003"),
    Edit::RemoveSheet("RJ004"),
])
.showing("ZB002");
