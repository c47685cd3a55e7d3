//! `zhengban check`: lint and cross-check units, print diagnostics, exit 0/1/2.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::check::{check_all, CheckOptions, UnitReport};
use crate::classify::Catalogue;
use crate::cli::{CheckArgs, OutputFormat};
use crate::config::Config;
use crate::ledger::discover;
use crate::output::{print_stdout, OutputPolicy};
use crate::render;
use crate::rules::Severity;
use crate::{RunError, Status};

/// Parse `--as-of`, defaulting to today.
pub fn as_of(arg: Option<&str>) -> Result<NaiveDate, RunError> {
    match arg {
        None => Ok(chrono::Local::now().date_naive()),
        Some(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
            RunError::Usage(format!("--as-of 需要 YYYY-MM-DD 格式的日期，收到 {s:?}"))
        }),
    }
}

/// Load `--config`, or `zhengban.toml` in the current directory when present.
pub fn load_config(arg: Option<&Path>) -> Result<Config, RunError> {
    match arg {
        Some(p) => Config::load(p).map_err(RunError::Usage),
        None => {
            let default = Path::new("zhengban.toml");
            if default.is_file() {
                Config::load(default).map_err(RunError::Usage)
            } else {
                Ok(Config::default())
            }
        }
    }
}

/// Run `check`.
pub fn run(args: &CheckArgs) -> Result<Status, RunError> {
    let as_of = as_of(args.as_of.as_deref())?;
    let config = load_config(args.config.as_deref())?
        .with_cli(&args.select, &args.ignore)
        .map_err(RunError::Usage)?;
    let catalogue = Catalogue::with_config(&config.classification).map_err(RunError::Usage)?;
    for p in &args.paths {
        if !p.exists() {
            return Err(RunError::Usage(format!("找不到 {}", p.display())));
        }
    }
    let sources = discover(&args.paths, args.unit_per_file).map_err(|source| RunError::Read {
        path: args.paths[0].clone(),
        source,
    })?;
    let inputs: Vec<PathBuf> = sources.iter().flat_map(|s| s.files.clone()).collect();
    let policy = OutputPolicy::new(args.force, &inputs);
    if let Some(out) = &args.output {
        policy.check(out)?;
    }
    if let Some(j) = args.jobs {
        // Only the first call configures the global pool; a second one (tests) is harmless.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(j.max(1))
            .build_global();
    }
    let opts = CheckOptions {
        as_of,
        config,
        catalogue,
    };
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = to_terminal && std::env::var_os("NO_COLOR").is_none();
    let mut reports: Vec<UnitReport> = Vec::new();
    let mut streamed = String::new();
    let mut errors = false;
    check_all(&sources, &opts, |_, report| {
        errors |= report.count(Severity::Error) > 0;
        match args.format {
            OutputFormat::Jsonl => {
                let line = serde_json::to_string(&render::json::unit_value(&report)).expect("JSON");
                if args.output.is_none() {
                    let _ = print_stdout(format!("{line}\n").as_bytes());
                } else {
                    streamed.push_str(&line);
                    streamed.push('\n');
                }
            }
            OutputFormat::Human if args.output.is_none() && !args.quiet => {
                let _ = print_stdout(render::terminal::unit(&report, color).as_bytes());
                reports.push(strip(report));
            }
            _ => reports.push(report),
        }
    });
    let text = match args.format {
        OutputFormat::Json => {
            let mut s = serde_json::to_string_pretty(&render::json::document(&reports, as_of))
                .expect("JSON");
            s.push('\n');
            s
        }
        OutputFormat::Jsonl => streamed,
        OutputFormat::Text => reports
            .iter()
            .map(|r| {
                format!(
                    "# {}\n{}",
                    render::escape::line(&r.unit.name),
                    render::text::render(&r.diagnostics)
                )
            })
            .collect(),
        OutputFormat::Human => {
            let mut s = String::new();
            if args.output.is_some() && !args.quiet {
                for r in &reports {
                    s.push_str(&render::terminal::unit(r, false));
                }
            }
            s.push_str(&render::terminal::summary(
                &reports,
                color && args.output.is_none(),
            ));
            s
        }
    };
    match &args.output {
        Some(out) => policy.write(out, text.as_bytes())?,
        None => print_stdout(text.as_bytes())?,
    }
    Ok(if errors {
        Status::Faults
    } else {
        Status::Clean
    })
}

/// Drop the cell grids of a report already printed, keeping what the summary needs.
fn strip(mut report: UnitReport) -> UnitReport {
    report.unit.workbooks.clear();
    report
}
