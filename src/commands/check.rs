//! `zhengban check`: lint and cross-check units, print diagnostics, exit 0/1/2.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use std::ops::ControlFlow;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::base::gate;
use crate::base::path::shown;
use crate::batch::{self, CheckOptions, Totals, UnitReport};
use crate::batch::{Left, RoundState};
use crate::classify::Catalogue;
use crate::cli::{CheckArgs, OutputFormat};
use crate::commands::annotate::Annotator;
use crate::config::Config;
use crate::ledger::roster::{read_roster, Roster};
use crate::ledger::units_named;
use crate::output::{print_stdout, OutputError, OutputPolicy, StreamedOutput};
use crate::render;
use crate::render::citations::{Regulation, REGULATIONS};
use crate::rules::Severity;
use crate::{RunError, Status};

/// The year of the 信息统计表 a command computes: `--year` as given, or the check date's.
/// A year is four digits (`--year 26` is not 2026 to everyone) and not after the check
/// date's year (a table of a year that has not happened would be silently empty).
pub fn statistics_year(arg: Option<i32>, as_of: NaiveDate) -> Result<i32, RunError> {
    let this = chrono::Datelike::year(&as_of);
    match arg {
        None => Ok(this),
        Some(y) if !(1990..=9999).contains(&y) => Err(RunError::Usage(format!(
            "--year 应为四位年份（如 {this}），收到 {y}"
        ))),
        Some(y) if y > this => Err(RunError::Usage(format!(
            "--year {y} 在检查日期 {} 之后：信息统计表只能按已经开始的年度推算（要推算将来的日期，请同时用 --as-of 指定检查日期）",
            as_of.format("%Y-%m-%d")
        ))),
        Some(y) => Ok(y),
    }
}

/// Parse `--as-of` (any date form the reader accepts in cells), defaulting to today.
pub fn as_of(arg: Option<&str>) -> Result<NaiveDate, RunError> {
    use crate::ledger::values::{date_text, DateTextError};
    match arg {
        None => Ok(chrono::Local::now().date_naive()),
        Some(s) => date_text(s).map_err(|e| {
            RunError::Usage(match e {
                DateTextError::NoSuchDay => format!("--as-of：没有 {s} 这一天"),
                DateTextError::Format => format!(
                    "--as-of：“{s}”不是日期；可以写 2026-11-25、2026/11/25、2026.11.25、\
                     2026年11月25日 或 20261125"
                ),
            })
        }),
    }
}

/// Load `--config`; else `zhengban.toml` in the current directory; else the one beside the
/// first input (in the folder given, or in the folder of the file given), where a clerk who
/// drops a workbook keeps it; else the defaults.
pub fn load_config(arg: Option<&Path>, inputs: &[PathBuf]) -> Result<Config, RunError> {
    if let Some(p) = arg {
        return Ok(Config::load(p)?);
    }
    let beside = inputs.first().and_then(|p| {
        if p.is_dir() {
            Some(p.join("zhengban.toml"))
        } else {
            p.parent().map(|d| d.join("zhengban.toml"))
        }
    });
    let found = std::iter::once(PathBuf::from("zhengban.toml"))
        .chain(beside)
        .find(|p| p.is_file());
    match found {
        Some(p) => Ok(Config::load(&p)?),
        None => Ok(Config::default()),
    }
}

/// Run `check`.
pub fn run(args: &CheckArgs) -> Result<Status, RunError> {
    let as_of = as_of(args.as_of.as_deref())?;
    let config =
        load_config(args.config.as_deref(), &args.paths)?.with_cli(&args.select, &args.ignore)?;
    let catalogue = Catalogue::with_config(&config.classification)?;
    for p in &args.paths {
        if std::fs::symlink_metadata(p).is_err() {
            return Err(RunError::Usage(format!("找不到 {}", shown(p))));
        }
    }
    let discovery = units_named(&args.paths, args.unit_per_file, &config.read_options());
    // Nothing the user gave is ever replaced: workbooks, and the scans and PDFs beside them.
    let inputs: Vec<PathBuf> = discovery
        .units
        .iter()
        .flat_map(|u| {
            u.source
                .files
                .iter()
                .cloned()
                .chain(u.others.iter().map(|o| o.file.clone()))
        })
        .collect();
    let policy = OutputPolicy::new(args.force, &inputs);
    // `-o -` is standard output, as scripts write it, never a file named "-"
    let mut out = match &args.output {
        Some(path) if path.as_os_str() != "-" => Out::File(policy.stream(path)?),
        _ => Out::Stdout,
    };
    let jobs = batch::jobs(args.jobs);
    if args.jobs.is_some_and(|j| j > batch::MAX_JOBS) {
        eprintln!(
            "zhengban：-j {} 过多，改用 {} 个线程",
            args.jobs.unwrap_or_default(),
            batch::MAX_JOBS
        );
    }
    let opts = CheckOptions {
        as_of,
        config,
        catalogue,
        roster: roster(args.roster.as_deref())?,
    };
    let year = statistics_year(args.year, as_of)?;
    let json_ctx = render::json::JsonContext {
        as_of,
        year,
        catalogue: &opts.catalogue,
        config: &opts.config,
    };
    let stdout_terminal = std::io::stdout().is_terminal();
    let to_file = matches!(out, Out::File(_));
    let color = !to_file && stdout_terminal && std::env::var_os("NO_COLOR").is_none();
    // a file gets the fixed width, whatever the terminal the command was typed in
    let width = if to_file {
        render::terminal::FIXED_WIDTH
    } else {
        render::terminal::width()
    };
    let files: usize = discovery.units.iter().map(|u| u.source.files.len()).sum();
    let bar = progress_bar(
        files,
        !args.quiet && std::io::stderr().is_terminal() && (stdout_terminal || to_file),
    );
    let sources: Vec<_> = discovery.units.iter().map(|u| u.source.clone()).collect();
    let annotator = match &args.annotate {
        Some(dir) => Some(Annotator::new(
            dir.as_deref(),
            &sources,
            &policy,
            args.quiet,
            as_of,
        )?),
        None => None,
    };
    let format = args.format;
    let quiet = args.quiet;
    let (mut document, head) = match format {
        OutputFormat::Json => {
            let (stream, head) = render::json::DocumentStream::start(&json_ctx);
            (Some(stream), head)
        }
        _ => (None, String::new()),
    };
    out.write(&bar, &head)?;
    let mut totals = Totals::default();
    let mut cited: Vec<&'static Regulation> = Vec::new();
    // Each unit is rendered on its worker and its report dropped there: only text, counts
    // and what the round needs travel, so memory does not grow with the batch.
    let render = |_: usize, report: UnitReport| -> Rendered {
        if let Some(a) = &annotator {
            a.unit(&report);
        }
        let left = Left::of(&report, &opts);
        let text = match format {
            OutputFormat::Jsonl => {
                let mut line = render::json::unit_line(&report, &json_ctx, left.print());
                line.push('\n');
                line
            }
            OutputFormat::Json => render::json::document_unit(&report, &json_ctx, left.print()),
            OutputFormat::Text => render::text::unit(&report),
            OutputFormat::Human if quiet => render::terminal::quiet_line(&report, color, width),
            OutputFormat::Human => render::terminal::unit(&report, color, width),
        };
        let mut totals = Totals::default();
        totals.add(&report);
        Rendered {
            text,
            cited: render::citations::cited(report.diagnostics.iter().map(|d| d.help.as_str())),
            name: report.unit.name.clone(),
            errors: totals.counts[0] > 0,
            totals,
            left,
        }
    };
    // JSON puts the findings across units on every unit involved: with several units, the
    // units wait (on disk past a few MiB) until the round is complete
    let json = matches!(format, OutputFormat::Json | OutputFormat::Jsonl);
    let mut spool = (json && RoundState::waits(&opts, discovery.units.len())).then(Spool::new);
    // shared by the writer (which adds) and the end of the batch (which asks)
    let round = std::cell::RefCell::new(RoundState::new(&opts));
    let mut errors: Vec<bool> = Vec::new();
    let mut write = |r: Rendered| -> Result<(), RunError> {
        // The unit name is the input's: through the gate, like everything else shown.
        bar.set_message(gate::terminal(&r.name).into_owned());
        round.borrow_mut().add(r.left);
        errors.push(r.errors);
        totals.merge(r.totals);
        for c in r.cited {
            if !cited.iter().any(|x| std::ptr::eq(*x, c)) {
                cited.push(c);
            }
        }
        if let Some(spool) = &mut spool {
            return spool.push(&r.text);
        }
        let text = match &mut document {
            Some(doc) => doc.unit(&r.text),
            None => r.text,
        };
        Ok(out.write(&bar, &text)?)
    };
    batch::check_batch(&discovery.units, &opts, jobs, render, |i, r| {
        bar.inc(discovery.units[i].source.files.len().max(1) as u64);
        match write(r) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => ControlFlow::Break(e),
        }
    })?;
    // the roster's units that sent nothing, after those that did, in the roster's order
    let missing = round.borrow().missing(&opts);
    for report in missing {
        write(render(usize::MAX, report))?;
    }
    bar.finish_and_clear();
    // the findings across units, now that every unit is in
    let across = round.borrow().across(&opts);
    for (i, found) in across.iter().enumerate() {
        for d in found {
            let mut t = Totals::default();
            t.by_rule.insert(d.code, (d.severity, 1));
            t.counts[batch::severity_index(d.severity)] = 1;
            if d.severity == Severity::Error && !errors[i] {
                t.failing_units = 1;
                errors[i] = true;
            }
            totals.merge(t);
        }
    }
    match spool {
        Some(spool) => spool.replay(&across, |text| {
            let text = match &mut document {
                Some(doc) => doc.unit(&text),
                None => text,
            };
            Ok(out.write(&bar, &text)?)
        })?,
        None => {
            let round = round.borrow();
            let units: Vec<UnitReport> = across
                .into_iter()
                .enumerate()
                .filter(|(_, found)| !found.is_empty())
                .map(|(i, found)| round.report_of(i, found))
                .collect();
            let text = match format {
                OutputFormat::Text => units.iter().map(render::text::across).collect(),
                OutputFormat::Human if quiet => units
                    .iter()
                    .map(|u| render::terminal::quiet_line(u, color, width))
                    .collect(),
                OutputFormat::Human => render::terminal::across(&units, color, width),
                _ => String::new(),
            };
            out.write(&bar, &text)?;
        }
    }
    let tail = match (format, document) {
        (_, Some(doc)) => doc.finish(),
        (OutputFormat::Human, _) => {
            // In the order the regulations are listed, whatever order units finished in.
            cited.sort_by_key(|r| REGULATIONS.iter().position(|x| std::ptr::eq(x, *r)));
            let mut t = render::terminal::totals(&totals, &discovery.skipped, &cited, color, width);
            if let Some(config) = opts.config.in_use() {
                t.push_str(&format!("检查设置  {config}\n"));
            }
            t
        }
        _ => String::new(),
    };
    out.write(&bar, &tail)?;
    out.finish()?;
    if let Some(a) = annotator {
        a.finish()?;
    }
    Ok(if totals.counts[0] > 0 {
        Status::Faults
    } else {
        Status::Clean
    })
}

/// The roster of `--roster`, read once for the whole batch.
pub fn roster(path: Option<&Path>) -> Result<Option<std::sync::Arc<Roster>>, RunError> {
    let Some(path) = path else {
        return Ok(None);
    };
    let roster = read_roster(path).map_err(|e| RunError::Usage(e.to_string()))?;
    Ok(Some(std::sync::Arc::new(roster)))
}

/// What a worker hands the writer for one unit.
struct Rendered {
    /// What the round keeps of it.
    left: Left,
    /// Whether it has errors of its own.
    errors: bool,
    text: String,
    totals: Totals,
    cited: Vec<&'static Regulation>,
    name: String,
}

/// The units' JSON texts of a round, kept until its findings across units are known: in
/// memory up to a few MiB, then in a temporary file (removed when dropped), so that memory
/// does not grow with the batch.
struct Spool {
    file: tempfile::SpooledTempFile,
    lengths: Vec<usize>,
}

impl Spool {
    /// Units' text kept in memory before the spool goes to disk.
    const IN_MEMORY: usize = 8 << 20;

    fn new() -> Spool {
        Spool {
            file: tempfile::spooled_tempfile(Self::IN_MEMORY),
            lengths: Vec::new(),
        }
    }

    fn push(&mut self, text: &str) -> Result<(), RunError> {
        use std::io::Write;
        self.file
            .write_all(text.as_bytes())
            .map_err(|e| spool_error(&e))?;
        self.lengths.push(text.len());
        Ok(())
    }

    /// Each unit's text in order, with its findings across units added (`across` is by
    /// unit; units past its end — the roster's units that sent nothing — have none).
    fn replay(
        mut self,
        across: &[Vec<crate::rules::Diagnostic>],
        mut each: impl FnMut(String) -> Result<(), RunError>,
    ) -> Result<(), RunError> {
        use std::io::{Read, Seek};
        self.file
            .seek(std::io::SeekFrom::Start(0))
            .map_err(|e| spool_error(&e))?;
        let mut reader = std::io::BufReader::new(self.file);
        for (i, len) in self.lengths.into_iter().enumerate() {
            let mut bytes = vec![0u8; len];
            reader.read_exact(&mut bytes).map_err(|e| spool_error(&e))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| RunError::Output(OutputError::Spool("临时文件内容损坏".into())))?;
            let found = across.get(i).map_or(&[][..], Vec::as_slice);
            each(match text.strip_suffix('\n') {
                Some(line) => format!("{}\n", render::json::with_across(line, found)),
                None => render::json::with_across(&text, found),
            })?;
        }
        Ok(())
    }
}

fn spool_error(e: &std::io::Error) -> RunError {
    RunError::Output(OutputError::Spool(crate::base::io_reason(e).to_string()))
}

/// Where the report goes: standard output, piece by piece, or a file put in place when
/// complete. Every write is checked: a full disk is exit 2, never a silent truncation.
enum Out {
    Stdout,
    File(StreamedOutput),
}

impl Out {
    fn write(&mut self, bar: &ProgressBar, text: &str) -> Result<(), OutputError> {
        if text.is_empty() {
            return Ok(());
        }
        match self {
            // The bar shares the terminal: lift it while the text is printed.
            Out::Stdout => bar.suspend(|| print_stdout(text.as_bytes())),
            Out::File(f) => f.write(text.as_bytes()),
        }
    }

    fn finish(self) -> Result<(), OutputError> {
        match self {
            Out::Stdout => Ok(()),
            Out::File(f) => f.finish(),
        }
    }
}

/// A progress bar on standard error, counting files, when more than a few are checked on
/// a terminal; otherwise a hidden one that draws nothing.
fn progress_bar(files: usize, terminal: bool) -> ProgressBar {
    const FEW: usize = 4;
    if !terminal || files <= FEW {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:30} {pos}/{len} 个文件 · 已用 {elapsed} · {wide_msg}")
    {
        bar.set_style(style);
    }
    bar
}
