//! `zhengban reconcile`: hold one unit's ledger against what is really installed on its
//! computers (inventories: our collectors' files, registry CSV, GLPI, osquery, dpkg, slmgr
//! and ospp text), and report where the ledger is wrong (ZB7xx) with every other check.

use std::io::IsTerminal;

use crate::base::gate;
use crate::base::path::shown;
use crate::batch::{check_read_unit, CheckOptions, Totals};
use crate::classify::Catalogue;
use crate::cli::{OutputFormat, ReconcileArgs};
use crate::commands::annotate::Annotator;
use crate::commands::check::{as_of, load_config, statistics_year};
use crate::ledger::{read_discovered, units_named};
use crate::output::{print_stdout, OutputPolicy};
use crate::render;
use crate::{RunError, Status};

/// Run `reconcile`.
pub fn run(args: &ReconcileArgs) -> Result<Status, RunError> {
    let as_of = as_of(args.as_of.as_deref())?;
    let paths = std::slice::from_ref(&args.unit);
    let config = load_config(args.config.as_deref(), paths)?;
    let catalogue = Catalogue::with_config(&config.classification)?;
    if std::fs::symlink_metadata(&args.unit).is_err() {
        return Err(RunError::Usage(format!("找不到 {}", shown(&args.unit))));
    }
    let found = units_named(paths, false, &config.read_options());
    let [unit] = found.units.as_slice() else {
        return Err(RunError::Usage(format!(
            "reconcile 一次核对一个单位：{} 里有 {} 个单位，请给出其中一个的工作簿或文件夹",
            shown(&args.unit),
            found.units.len()
        )));
    };
    let computer_map = match &args.map {
        Some(path) => crate::ledger::computer_map::read_computer_map(path)
            .map_err(|e| RunError::Usage(e.to_string()))?,
        None => Vec::new(),
    };
    let mut inventories = Vec::new();
    for path in &args.inventories {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(RunError::Usage(format!("找不到 {}", shown(path))));
        }
        let (read, failed) = crate::inventory::read_any(path);
        for e in failed {
            eprintln!(
                "{}",
                gate::terminal_lines(&format!("zhengban：{e}，没有计入"))
            );
        }
        inventories.extend(read);
    }
    // one computer's files given apart (a folder of collector files, the slmgr texts in another)
    let inventories = crate::inventory::merge_by_computer(inventories);
    if inventories.is_empty() {
        return Err(RunError::Usage(
            "没有读到任何计算机的软件清单：请给出采集脚本写出的文件，或 GLPI、osquery、注册表导出的 CSV 等清单".into(),
        ));
    }
    let opts = CheckOptions {
        as_of,
        config,
        catalogue,
        roster: None,
    };
    let policy = OutputPolicy::new(args.force, &unit.source.files);
    let annotator = match &args.annotate {
        Some(dir) => Some(Annotator::new(
            dir.as_deref(),
            std::slice::from_ref(&unit.source),
            &policy,
            false,
            as_of,
        )?),
        None => None,
    };
    let (mut read, sources) = read_discovered(unit, &opts.config.read_options());
    read.inventories = inventories;
    read.computer_map = computer_map;
    let report = check_read_unit(read, sources, &opts);
    if let Some(a) = &annotator {
        a.unit(&report);
    }
    let width = render::terminal::width();
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let text = match args.format {
        OutputFormat::Text => render::text::unit(&report),
        OutputFormat::Human => {
            let mut t = render::terminal::unit(&report, color, width);
            let mut totals = Totals::default();
            totals.add(&report);
            t.push_str(&render::terminal::totals(
                &totals,
                &found.skipped,
                &[],
                color,
                width,
            ));
            t
        }
        OutputFormat::Json | OutputFormat::Jsonl => {
            let ctx = render::json::JsonContext {
                as_of,
                year: statistics_year(None, as_of)?,
                catalogue: &opts.catalogue,
                config: &opts.config,
            };
            let mut line = render::json::unit_line(&report, &ctx, None);
            line.push('\n');
            line
        }
    };
    print_stdout(text.as_bytes())?;
    if let Some(a) = annotator {
        a.finish()?;
    }
    Ok(if report.count(crate::rules::Severity::Error) > 0 {
        Status::Faults
    } else {
        Status::Clean
    })
}
