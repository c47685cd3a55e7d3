//! `zhengban derive`: check a unit, refuse if its faults would make derived values wrong,
//! derive, and write a copy of each changed workbook (derive.md).
//!
//! Outputs: a workbook `台账.xlsx` gets `台账.补填.xlsx` beside it (or `-o FILE`); a unit
//! folder `单位/` gets a folder `单位.补填/` beside it (or `-o DIR`) holding a copy of each
//! changed file under its own name, so that the copies replace the originals one for one —
//! the output is never put inside the unit's folder, where `check` would read both. Files
//! that need no change are not copied. Only xlsx and xlsm can be changed in place; a changed
//! xls/ods/xlsb file is refused with what to do (save it as .xlsx): rewriting it with our
//! writer would lose the clerk's formats, which is what derive promises to keep.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::base::path::{joined, shown};
use crate::batch::{check_read_unit, CheckOptions, UnitReport};
use crate::classify::Catalogue;
use crate::cli::DeriveArgs;
use crate::derive::write::{apply, Written};
use crate::derive::{blocking, derive, Options, Plan};
use crate::ledger::{discover, read_within, UnitSource};
use crate::output::{print_stdout, OutputPolicy};
use crate::{RunError, Status};

use super::check::{as_of, load_config};

/// Where the copy of an input goes: beside a single workbook, or into the output folder.
/// Names are made from the input's own (`台账` → `台账.补填.xlsx`) as the OS spells them, so
/// a name that is not Unicode (GBK) gives a copy of the same bytes.
fn output_path(args: &DeriveArgs, input: &Path) -> PathBuf {
    let single = !args.path.is_dir();
    let ext = input
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("xlsx")
        .to_ascii_lowercase();
    if single {
        if let Some(out) = &args.output {
            return out.clone();
        }
        let stem = input.file_stem().unwrap_or_default();
        return input.with_file_name(joined(stem, &format!(".补填.{ext}")));
    }
    let dir = args.output.clone().unwrap_or_else(|| {
        let name = args.path.file_name().unwrap_or(OsStr::new("单位"));
        args.path.with_file_name(joined(name, ".补填"))
    });
    dir.join(input.file_name().unwrap_or_default())
}

/// Why a file cannot be changed in place, in Chinese; `None` for xlsx and xlsm.
fn not_editable(path: &Path) -> Option<String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let what = match ext.as_str() {
        "xlsx" | "xlsm" => return None,
        "xls" => "Excel 97-2003 工作簿（.xls）",
        "ods" => "OpenDocument 表格（.ods）",
        "xlsb" => "Excel 二进制工作簿（.xlsb）",
        _ => "不是 xlsx 格式",
    };
    Some(format!(
        "{} 是{what}，derive 只能在 xlsx/xlsm 文件中补填而不改动原有格式。请用 Excel、WPS 或 LibreOffice 打开它，另存为 .xlsx 后再运行（例如 soffice --headless --convert-to xlsx {}）",
        shown(path),
        shown(path)
    ))
}

/// Run `derive`.
pub fn run(args: &DeriveArgs) -> Result<Status, RunError> {
    let as_of = as_of(args.as_of.as_deref())?;
    let config = load_config(args.config.as_deref(), std::slice::from_ref(&args.path))?;
    let catalogue = Catalogue::with_config(&config.classification)?;
    if !args.path.exists() {
        return Err(RunError::Usage(format!("找不到 {}", shown(&args.path))));
    }
    let year = crate::commands::check::statistics_year(args.year, as_of)?;
    let sources =
        discover(std::slice::from_ref(&args.path), false).map_err(|source| RunError::Read {
            path: args.path.clone(),
            source,
        })?;
    let source = match sources.as_slice() {
        [one] if !one.files.is_empty() => one.clone(),
        [_] | [] => {
            return Err(RunError::Usage(format!(
                "{} 中没有工作簿（xlsx、xlsm、xls、ods）",
                shown(&args.path)
            )))
        }
        many => {
            return Err(RunError::Usage(format!(
                "{} 含有 {} 个单位；derive 一次补填一个单位，请指定其中一个单位的工作簿或文件夹",
                shown(&args.path),
                many.len()
            )))
        }
    };
    // Nothing of a unit kept only in files derive cannot change can be filled: say so before
    // checking, not after asking for --force.
    let refusals: Vec<String> = source
        .files
        .iter()
        .filter_map(|f| not_editable(f))
        .collect();
    if refusals.len() == source.files.len() {
        return Err(RunError::Usage(refusals.join("\n")));
    }
    // The safety check runs every rule whatever the configuration selects: a rule switched
    // off for reporting still tells whether derived figures would be wrong.
    let read = config.read_options();
    let opts = CheckOptions {
        as_of,
        config: crate::config::Config {
            classification: config.classification,
            limits: config.limits,
            table: config.table,
            columns: config.columns,
            ..Default::default()
        },
        catalogue: catalogue.clone(),
        roster: None,
    };
    let (unit, sources) = read_within(&source, &read);
    let report = check_read_unit(unit, sources, &opts);
    // Everything derive fills is counted from the summary: without one it cannot do its job.
    if report.unit.summaries.is_empty() {
        return Err(RunError::Usage(format!(
            "{} 中没有找到软件使用情况汇总表，derive 无法推算（其余各表都由汇总表推算）。用 zhengban inspect {} 查看认出了哪些表；认错的表可在 zhengban.toml 中指明",
            shown(&args.path),
            shown(&args.path)
        )));
    }
    let stops = blocking(&report);
    if !stops.is_empty() && !args.force {
        let mut shown = report.clone();
        shown.diagnostics = stops.into_iter().cloned().collect();
        let mut text =
            crate::render::terminal::unit(&shown, color(), crate::render::terminal::width());
        text.push_str(&format!(
            "以上 {} 处问题会使推算出的数字出错，没有补填任何内容。请先改正；确需按现状推算，加 --force。\n",
            shown.diagnostics.len()
        ));
        print_stdout(text.as_bytes())?;
        return Ok(Status::Faults);
    }
    let plan = derive(
        &report.unit,
        &catalogue,
        &Options {
            as_of,
            year,
            overwrite: args.overwrite_derived,
            faults: report
                .diagnostics
                .iter()
                .filter_map(|d| Some((d.code, d.target.cell()?.clone())))
                .collect(),
        },
    )
    .map_err(|e| RunError::Derive(e.into()))?;

    // Every output is decided and checked before anything is written.
    let policy = OutputPolicy::new(args.force, &source.files);
    let mut jobs: Vec<(PathBuf, PathBuf, usize)> = Vec::new();
    for (i, edits) in plan.files.iter().enumerate() {
        let Some(input) = source
            .files
            .iter()
            .zip(&report.unit.files)
            .find(|(_, name)| **name == edits.file)
            .map(|(p, _)| p.clone())
        else {
            continue;
        };
        if let Some(why) = not_editable(&input) {
            return Err(RunError::Usage(why));
        }
        let out = output_path(args, &input);
        policy.check(&out)?;
        jobs.push((input, out, i));
    }
    let mut results: Vec<(PathBuf, PathBuf, Written)> = Vec::new();
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    // A script that names its output reads it next: with nothing to fill, the named output
    // is the workbook unchanged (and the summary says so).
    let mut unchanged: Option<PathBuf> = None;
    if jobs.is_empty() && args.output.is_some() && !args.path.is_dir() {
        if let Some(input) = source.files.first() {
            let out = output_path(args, input);
            policy.check(&out)?;
            let bytes = std::fs::read(input).map_err(|source| RunError::Read {
                path: input.clone(),
                source,
            })?;
            outputs.push((out.clone(), bytes));
            unchanged = Some(out);
        }
    }
    for (input, out, i) in jobs {
        let bytes = std::fs::read(&input).map_err(|source| RunError::Read {
            path: input.clone(),
            source,
        })?;
        // A panic in the writer is said in Chinese, with exit 2, like any copy it refuses.
        let (new, written) = crate::base::panic::caught(|| apply(&plan.files[i], &bytes))
            .map_err(|detail| RunError::Internal {
                what: format!("生成 {} 的补填副本", shown(&input)),
                detail,
            })??;
        outputs.push((out.clone(), new));
        results.push((input, out, written));
    }
    for (out, bytes) in &outputs {
        policy.write(out, bytes)?;
    }
    let mut text = crate::base::gate::terminal_lines(&summary(
        &report,
        &source,
        &plan,
        &results,
        unchanged.as_deref(),
        as_of,
    ))
    .into_owned();
    // The kept values as `check` reports them, with the cells on the other side.
    let kept: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| {
            plan.conflicts
                .iter()
                .any(|c| !c.replaced && c.code == d.code && d.target.cell() == Some(&c.cell))
        })
        .cloned()
        .collect();
    if !kept.is_empty() {
        let mut shown = report.clone();
        shown.diagnostics = kept;
        text.push_str("\n保留的值与台账不一致之处（check 的诊断）：\n");
        text.push_str(&crate::render::terminal::unit(
            &shown,
            color(),
            crate::render::terminal::width(),
        ));
    }
    print_stdout(text.as_bytes())?;
    let kept = plan.conflicts.iter().any(|c| !c.replaced);
    Ok(if kept { Status::Faults } else { Status::Clean })
}

fn color() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// The Chinese summary: what was filled where, what was left, where the files went.
fn summary(
    report: &UnitReport,
    source: &UnitSource,
    plan: &Plan,
    results: &[(PathBuf, PathBuf, Written)],
    unchanged: Option<&Path>,
    as_of: chrono::NaiveDate,
) -> String {
    let mut s = format!(
        "━━ {} ━━ 补填（统计年度 {}，检查日期 {}）\n",
        report.unit.name,
        plan.year,
        as_of.format("%Y-%m-%d")
    );
    for f in &source.files {
        s.push_str(&format!("   {}\n", shown(f)));
    }
    s.push('\n');
    match (results.is_empty(), unchanged) {
        (true, Some(out)) => s.push_str(&format!(
            "没有需要补填的内容：推算出的各项都已填写；按 -o 写出了原样副本 {}。\n",
            shown(out)
        )),
        (true, None) => s.push_str("没有需要补填的内容：推算出的各项都已填写，没有写出文件。\n"),
        _ => {}
    }
    for (input, out, written) in results {
        s.push_str(&format!("{} → {}\n", shown(input), shown(out)));
        if !written.filled.is_empty() {
            s.push_str("  已填写（绿色底纹为推算值并附批注“由 zhengban 生成”，黄色待填写）：\n");
            for line in &written.filled {
                s.push_str(&format!("    {line}\n"));
            }
        }
        if !written.kept.is_empty() {
            s.push_str("  未写入：\n");
            for line in &written.kept {
                s.push_str(&format!("    {line}\n"));
            }
        }
    }
    let kept: Vec<_> = plan.conflicts.iter().filter(|c| !c.replaced).collect();
    // a replacement the workbook refused (a formula cell) is among the writes not made
    let replaced: Vec<_> = plan
        .conflicts
        .iter()
        .filter(|c| {
            c.replaced
                && results.iter().any(|(_, _, w)| {
                    w.cells
                        .iter()
                        .any(|(sheet, a1)| *sheet == *c.cell.sheet && *a1 == c.cell.a1())
                })
        })
        .collect();
    if !kept.is_empty() {
        s.push_str("\n保留了已填写的值（与台账推算的不同，核对后加 --overwrite-derived 改写）：\n");
        for c in kept {
            s.push_str(&format!(
                "  {} › {}  {}：填写 {}，按台账应为 {}（{}）\n",
                c.cell.sheet,
                c.cell.a1(),
                c.what,
                c.typed,
                c.derived,
                c.code
            ));
        }
    }
    if !replaced.is_empty() {
        s.push_str("\n改写了与推算不同的值（--overwrite-derived）：\n");
        for c in replaced {
            s.push_str(&format!(
                "  {} › {}  {}：{} → {}（{}）\n",
                c.cell.sheet,
                c.cell.a1(),
                c.what,
                c.typed,
                c.derived,
                c.code
            ));
        }
    }
    if !plan.skipped.is_empty() {
        s.push_str("\n未推算：\n");
        for line in &plan.skipped {
            s.push_str(&format!("  {line}\n"));
        }
    }
    let unchanged: Vec<_> = source
        .files
        .iter()
        .filter(|f| !results.iter().any(|(i, _, _)| i == *f))
        .collect();
    if !results.is_empty() && !unchanged.is_empty() && source.files.len() > 1 {
        s.push_str("\n无需改动的文件（未复制）：\n");
        for f in unchanged {
            s.push_str(&format!("  {}\n", shown(f)));
        }
    }
    s
}
