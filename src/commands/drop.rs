//! Drop mode, `zhengban <FILE|FOLDER>...` with no subcommand: what a clerk gets by dropping
//! workbooks on the program (Windows passes the dropped paths as arguments; a UOS/Kylin
//! desktop file does the same with `%F`). Each unit is checked; beside each input go the
//! annotated copy and a self-contained HTML report, never replacing a file (a counter is
//! added instead); the console shows a short summary and where the files went, and waits
//! for Enter when the program opened the console itself (see [`pause_if_own_console`]).

use std::io::{IsTerminal, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use crate::base::gate::terminal as line;
use crate::base::path::{joined, shown};
use crate::base::user_dirs::UserFolder;
use crate::batch::{self, CheckOptions, UnitReport};
use crate::classify::Catalogue;
use crate::commands::annotate::copy_file_name;
use crate::commands::check::load_config;
use crate::ledger::units_named;
use crate::output::{print_stdout, OutputError, OutputPolicy};
use crate::render::advice::derive_advice;
use crate::render::annotate::annotate;
use crate::render::html;
use crate::render::terminal::fill;
use crate::rules::{Severity, Target};
use crate::{RunError, Status};

/// Diagnostics listed per unit on screen; the rest are in the files.
const LISTED: usize = 8;
/// Most errors listed in the summary of one unit (more than [`LISTED`] when there are).
const LISTED_ERRORS: usize = 20;

/// What to do, printed when the program is started without any argument (double-clicked).
pub fn welcome() -> String {
    const TEXT: &str = r#"
怎样使用：

  把台账工作簿（xlsx、xls、ods），或装着一个单位工作簿的文件夹，拖到 zhengban 程序图标上。
  检查结果写在文件旁边，原文件不会被修改：
    台账.诊断.xlsx   标注了问题的副本：有问题的单元格填色并附批注，第一张表“诊断报告”列出全部问题
    台账.诊断.html   检查报告，用浏览器打开

在命令行中：

  zhengban check 台账.xlsx     检查台账，逐条列出问题（加 --annotate 同时写出批注副本）
  zhengban inspect 台账.xlsx   查看认出了哪些表、每一列被认成了哪一栏（检查结果不对时先看这里）
  zhengban rule ZB405          查看一条规则：检查什么、为什么、如何修改
  zhengban template -o 模板    写出空白的官方台账模板

全部命令和选项：zhengban --help
"#;
    format!(
        "zhengban（正版）软件正版化台账检查工具 {}\n{TEXT}",
        env!("CARGO_PKG_VERSION")
    )
}

/// Whether the console should stay open until the clerk presses Enter: only when standard
/// input is a terminal, and then when `ZHENGBAN_PAUSE=1` (set by a desktop launcher) or, on
/// Windows, when this process is the only one attached to its console (Explorer opened it
/// for a dropped file; a `cmd` window has `cmd.exe` attached too). `ZHENGBAN_PAUSE=0` never
/// waits.
pub fn should_pause() -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    match std::env::var("ZHENGBAN_PAUSE").as_deref() {
        Ok("1") => true,
        Ok("0") => false,
        _ => own_console(),
    }
}

#[cfg(windows)]
fn own_console() -> bool {
    use windows_sys::Win32::System::Console::GetConsoleProcessList;
    let mut ids = [0u32; 4];
    // SAFETY: the buffer is valid for `ids.len()` entries; the call writes at most that many.
    let n = unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) };
    n == 1
}

#[cfg(not(windows))]
fn own_console() -> bool {
    false
}

/// Wait for Enter when [`should_pause`] says so.
pub fn pause_if_own_console() {
    if should_pause() {
        print!("\n按回车键关闭窗口……");
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        let _ = std::io::stdin().read_line(&mut line);
    }
}

/// Where the HTML report of a unit goes: `台账.诊断.html` beside a single workbook,
/// `文件夹/文件夹.诊断.html` inside a folder unit (beside its files and their copies). The
/// name is made from the unit's own name as the OS spells it (`path`: the workbook or the
/// folder), so a GBK name gives a page of the same bytes; `label` is for `.` and the like.
fn report_path(label: &str, path: &Path, files: &[PathBuf]) -> Option<PathBuf> {
    let first = files.first()?;
    // A single workbook by its own name; a folder, or workbooks named together, by the
    // unit's name (the folder's, or the 单位名称 the joined files state).
    let own = if path == first.as_path() {
        first.file_stem()
    } else {
        // the folder's own bytes when the name is the folder's (a GBK name stays itself)
        path.file_name()
            .filter(|n| crate::base::path::shown_os(n) == label)
    };
    let name = own.unwrap_or(std::ffi::OsStr::new(label));
    Some(first.with_file_name(joined(name, ".诊断.html")))
}

/// The word a typo of a command would be, when `p` names no file: a bare word.
fn looks_like_command(p: &Path) -> bool {
    let s = p.to_string_lossy();
    !s.contains(['/', '\\', '.']) && s.chars().all(|c| c.is_ascii_alphabetic())
}

/// The commands, as the command line defines them.
fn command_names() -> Vec<String> {
    use clap::CommandFactory;
    crate::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

/// The command a first word that names no file was meant to be (`chek` → check): one within
/// two edits of a command's name.
fn meant_command(p: &Path) -> Option<String> {
    if p.exists() || !looks_like_command(p) {
        return None;
    }
    let word = p.to_string_lossy().to_lowercase();
    command_names()
        .into_iter()
        .map(|name| (strsim::damerau_levenshtein(&word, &name), name))
        .filter(|(d, name)| *d <= 2 && *d < name.len() / 2 + 1)
        .min()
        .map(|(_, name)| name)
}

struct Paint(bool);

impl Paint {
    fn with(&self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn severity(&self, s: Severity, text: &str) -> String {
        self.with(
            match s {
                Severity::Error => "1;31",
                Severity::Warning => "1;33",
                Severity::Info => "1;36",
            },
            text,
        )
    }
}

fn short_place(t: &Target) -> String {
    match t {
        Target::Cell(c) => format!("{} › {}", line(&c.sheet), c.a1()),
        Target::Sheet { sheet, .. } => line(sheet).into_owned(),
        Target::File(f) => Path::new(&**f)
            .file_name()
            .map(|n| line(&n.to_string_lossy()).into_owned())
            .unwrap_or_default(),
        Target::Unit => "整个单位".into(),
    }
}

/// `text` wrapped to `width` after `first`, continuing under its own start, as lines.
fn lines(out: &mut String, text: &str, width: usize, first: &str) {
    let rest = " ".repeat(first.width());
    out.push_str(&fill(text, width, first, &rest));
    out.push('\n');
}

/// The lines shown for one unit on a terminal `width` columns wide: counts, the first
/// diagnostics, where the files went when not beside the workbook, the files written.
fn unit_summary(
    report: &UnitReport,
    path: &Path,
    written: &[(String, PathBuf)],
    elsewhere: Option<&Elsewhere>,
    paint: &Paint,
    width: usize,
) -> String {
    let mut s = String::new();
    let counts = [Severity::Error, Severity::Warning, Severity::Info]
        .iter()
        .map(|&sev| {
            let n = report.count(sev);
            let t = format!("{} {n}", sev.label());
            if n > 0 {
                paint.severity(sev, &t)
            } else {
                t
            }
        })
        .collect::<Vec<_>>()
        .join(" · ");
    s.push_str(&format!(
        "{} {counts}\n",
        paint.with("1", &format!("━━ {} ━━", line(&report.unit.name)))
    ));
    for f in &report.unit.files {
        lines(&mut s, &line(f), width, "   ");
    }
    if report.diagnostics.is_empty() {
        s.push_str("   没有发现问题。\n");
    }
    // errors first, and every error up to a screenful: a warning never hides one
    let mut ordered: Vec<&crate::rules::Diagnostic> = report.diagnostics.iter().collect();
    ordered.sort_by_key(|d| d.severity);
    let listed = LISTED.max(report.count(Severity::Error).min(LISTED_ERRORS));
    for d in ordered.iter().take(listed) {
        let place = short_place(&d.target);
        let lead = format!(
            "   {} {} {place}：",
            paint.severity(d.severity, d.severity.label()),
            d.code,
        );
        // the message continues under its own start, unless the place leaves it no room
        let under = format!("   {} {} {place}：", d.severity.label(), d.code)
            .width()
            .min(width / 2);
        let text = line(&d.message.replace('\n', " ")).into_owned();
        s.push_str(&fill(&text, width, &lead, &" ".repeat(under)));
        s.push('\n');
    }
    if ordered.len() > listed {
        let rest = &ordered[listed..];
        let by = [Severity::Error, Severity::Warning, Severity::Info]
            .iter()
            .filter_map(|&sev| {
                let n = rest.iter().filter(|d| d.severity == sev).count();
                (n > 0).then(|| format!("{} {n}", sev.label()))
            })
            .collect::<Vec<_>>()
            .join("、");
        s.push_str(&format!(
            "   …… 另有 {} 条（{by}），见检查报告\n",
            rest.len()
        ));
    }
    if let Some(advice) = derive_advice(report, &line(&shown(path))) {
        lines(&mut s, &advice.text, width, "   ");
        lines(&mut s, &advice.command, width, "     ");
    }
    if let Some(e) = elsewhere {
        lines(
            &mut s,
            &format!(
                "原文件所在的文件夹不能写入（{}），写到了“{}”文件夹 {}：",
                e.reason,
                e.folder.name,
                line(&shown(&e.folder.path))
            ),
            width,
            "   ",
        );
    }
    if !written.is_empty() {
        s.push_str("   已写出：\n");
        for (what, p) in written {
            lines(&mut s, &line(&shown(p)), width, &format!("     {what}  "));
        }
    }
    s.push('\n');
    s
}

/// Check what was dropped and write the copies and reports beside it.
pub fn run(paths: &[PathBuf], as_of: Option<&str>) -> Result<Status, RunError> {
    let as_of: NaiveDate = crate::commands::check::as_of(as_of)?;
    if paths.is_empty() {
        print_stdout(welcome().as_bytes())?;
        return Ok(Status::Clean);
    }
    // a mistyped command writes nothing: the other words were meant as its arguments
    if let Some(command) = meant_command(&paths[0]) {
        return Err(RunError::Usage(format!(
            "“{}”不是文件，也不是命令：是不是要用 {command}？（如 zhengban {command} 台账.xlsx；\
             命令有 {}）",
            line(&shown(&paths[0])),
            command_names().join("、")
        )));
    }
    let mut missing = String::new();
    let existing: Vec<PathBuf> = paths
        .iter()
        .filter(|p| {
            if p.exists() {
                return true;
            }
            missing.push_str(&format!("找不到 {}\n", line(&shown(p))));
            if looks_like_command(p) {
                missing.push_str(&format!(
                    "  （要用命令的话，命令有 {}；不带命令时 zhengban 把参数当作要检查的文件）\n",
                    command_names().join("、")
                ));
            }
            false
        })
        .cloned()
        .collect();
    if !missing.is_empty() {
        eprint!("{missing}");
    }
    if existing.is_empty() {
        return Err(RunError::Usage("没有可以检查的文件".into()));
    }
    let config = load_config(None, &existing)?;
    let catalogue = Catalogue::with_config(&config.classification)?;
    let opts = CheckOptions {
        as_of,
        config,
        catalogue,
        roster: None,
    };
    let discovery = units_named(&existing, false, &opts.config.read_options());
    let inputs: Vec<PathBuf> = discovery
        .units
        .iter()
        .flat_map(|u| u.source.files.clone())
        .collect();
    let policy = OutputPolicy::new(false, &inputs);
    let paint = Paint(std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none());
    let width = crate::render::terminal::width();
    let mut errors = false;
    let mut failures: Vec<String> = Vec::new();
    let mut any_written = false;
    // Each unit's copies and page are written on its worker, while the report still has
    // its cell grids; only the summary text travels back, in input order.
    let work = |i: usize, report: UnitReport| -> Dropped {
        let mut written: Vec<(String, PathBuf)> = Vec::new();
        let mut failures = Vec::new();
        let mut elsewhere: Option<Elsewhere> = None;
        // A panic while one unit's copy or page is made costs that file only (said in
        // Chinese among the failures); the summary, the other file and the other units go on.
        let copies =
            crate::base::panic::caught(|| annotate(&report, as_of)).unwrap_or_else(|detail| {
                failures.push(internal("批注副本", &report, &detail));
                Vec::new()
            });
        for copy in copies {
            match copy.map_err(|e| e.to_string()).and_then(|c| {
                write_beside(
                    &policy,
                    &c.input.with_file_name(copy_file_name(&c.input)),
                    &c.bytes,
                    &mut elsewhere,
                )
                .map_err(|e| e.to_string())
                .map(|p| (c.rebuilt, p))
            }) {
                Ok((rebuilt, p)) => written.push((
                    if rebuilt {
                        "批注副本（按单元格的值重建）".into()
                    } else {
                        "批注副本".into()
                    },
                    p,
                )),
                Err(e) => failures.push(e),
            }
        }
        let found = &discovery.units[i];
        if let Some(path) = report_path(&found.source.label, &found.path, &found.source.files) {
            match crate::base::panic::caught(|| html::unit_page(&report, as_of)) {
                Ok(page) => match write_beside(&policy, &path, page.as_bytes(), &mut elsewhere) {
                    Ok(p) => written.push(("检查报告".into(), p)),
                    Err(e) => failures.push(e.to_string()),
                },
                Err(detail) => failures.push(internal("检查报告", &report, &detail)),
            }
        }
        Dropped {
            errors: report.count(Severity::Error) > 0,
            any_written: !written.is_empty(),
            summary: unit_summary(
                &report,
                &found.path,
                &written,
                elsewhere.as_ref(),
                &paint,
                width,
            ),
            failures,
        }
    };
    batch::check_batch(
        &discovery.units,
        &opts,
        batch::jobs(None),
        work,
        |_, d: Dropped| {
            errors |= d.errors;
            any_written |= d.any_written;
            failures.extend(d.failures);
            match print_stdout(d.summary.as_bytes()) {
                Ok(()) => ControlFlow::Continue(()),
                Err(e) => ControlFlow::Break(e),
            }
        },
    )?;
    if let Some(config) = opts.config.in_use() {
        print_stdout(format!("检查设置  {config}\n").as_bytes())?;
    }
    if any_written {
        let mut s = String::new();
        lines(
            &mut s,
            "原文件没有被修改。打开“.诊断.xlsx”看单元格上的标注和第一张表“诊断报告”，\
             或用浏览器打开“.诊断.html”。",
            width,
            "",
        );
        print_stdout(s.as_bytes())?;
    }
    if !failures.is_empty() {
        return Err(RunError::Usage(failures.join("\n")));
    }
    // a named input that is not there is a failure a script sees, as an unreadable one is
    Ok(if errors || !missing.is_empty() {
        Status::Faults
    } else {
        Status::Clean
    })
}

/// The clerk's folder a drop wrote into because the workbook's own folder refused.
struct Elsewhere {
    folder: UserFolder,
    reason: String,
}

/// Write a file of the drop beside its input, or, when that folder refuses it (a
/// write-protected stick, a mail client's attachment folder), into the clerk's documents
/// folder or desktop, said in the summary; never anywhere the clerk would not look.
fn write_beside(
    policy: &OutputPolicy,
    path: &Path,
    bytes: &[u8],
    elsewhere: &mut Option<Elsewhere>,
) -> Result<PathBuf, OutputError> {
    if let Some(e) = elsewhere {
        return policy.write_numbered(
            &e.folder.path.join(path.file_name().unwrap_or_default()),
            bytes,
        );
    }
    let refused = match policy.write_numbered(path, bytes) {
        Err(e) if e.is_refused_by_folder() => e,
        done => return done,
    };
    let Some(folder) = crate::base::user_dirs::fallback() else {
        return Err(refused);
    };
    let instead = folder.path.join(path.file_name().unwrap_or_default());
    let Ok(written) = policy.write_numbered(&instead, bytes) else {
        return Err(refused);
    };
    let reason = match &refused {
        OutputError::Io { source, .. } => crate::base::io_reason(source).to_string(),
        other => other.to_string(),
    };
    *elsewhere = Some(Elsewhere { reason, folder });
    Ok(written)
}

/// A panic while making `what` of a unit, in Chinese.
fn internal(what: &str, report: &UnitReport, detail: &str) -> String {
    format!(
        "无法生成 {} 的{what}：程序内部出错（{detail}）。这是检查工具的问题，不是台账的错误：请把这个单位的文件发给工具的维护者",
        report.unit.files.join("、")
    )
}

/// What one dropped unit left behind, for the summary on screen.
struct Dropped {
    errors: bool,
    any_written: bool,
    summary: String,
    failures: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_go_beside_the_files() {
        let book = PathBuf::from("桌面/台账.xlsx");
        assert_eq!(
            report_path("台账", &book, std::slice::from_ref(&book)),
            Some(PathBuf::from("桌面/台账.诊断.html"))
        );
        assert_eq!(
            report_path(
                "某局",
                Path::new("某局"),
                &[
                    PathBuf::from("某局/汇总.xlsx"),
                    PathBuf::from("某局/明细.xlsx")
                ]
            ),
            Some(PathBuf::from("某局/某局.诊断.html"))
        );
        assert_eq!(report_path("空", Path::new("空"), &[]), None);
    }

    #[test]
    fn bare_words_look_like_commands() {
        assert!(looks_like_command(Path::new("chek")));
        assert!(!looks_like_command(Path::new("台账.xlsx")));
        assert!(!looks_like_command(Path::new("C:\\Users\\a")));
    }
}
