//! `zhengban inspect`: what the reader understood of each unit's workbooks (render/inspect),
//! so that a clerk whose ledger is misread can see why, and say otherwise in zhengban.toml.

use crate::cli::{InspectArgs, InspectFormat};
use crate::ledger::{read_discovered, units_named};
use crate::output::{print_stdout, OutputPolicy};
use crate::render::inspect::{text, view};
use crate::{RunError, Status};

use super::check::load_config;

/// Run `inspect`: exit 0 when every file could be read, 1 when some could not.
pub fn run(args: &InspectArgs) -> Result<Status, RunError> {
    for p in &args.paths {
        if std::fs::symlink_metadata(p).is_err() {
            return Err(RunError::Usage(format!("找不到 {}", p.display())));
        }
    }
    let config = load_config(args.config.as_deref(), &args.paths)?;
    let opts = config.read_options();
    let found = units_named(&args.paths, args.unit_per_file, &opts);
    let mut views = Vec::new();
    let mut faults = false;
    for unit in &found.units {
        let (unit, _) = read_discovered(unit, &opts);
        faults |= !unit.unreadable.is_empty();
        let mut v = view(&unit);
        if !args.sheet.is_empty() {
            let wanted = |s: &str| args.sheet.iter().any(|w| w.trim() == s);
            v.tables.retain(|t| wanted(&t.sheet));
            v.sheets_without_table.retain(|t| wanted(&t.sheet));
        }
        views.push(v);
    }
    let bytes = match args.format {
        InspectFormat::Human => views
            .iter()
            .map(text)
            .collect::<Vec<_>>()
            .join("\n")
            .into_bytes(),
        InspectFormat::Json => {
            let doc = serde_json::json!({
                "tool": "zhengban",
                "version": env!("CARGO_PKG_VERSION"),
                "units": views,
            });
            let mut s = serde_json::to_string_pretty(&doc).expect("plain data serialises");
            s.push('\n');
            s.into_bytes()
        }
    };
    match &args.output {
        Some(path) => {
            let inputs: Vec<_> = found
                .units
                .iter()
                .flat_map(|u| u.source.files.iter().cloned())
                .collect();
            OutputPolicy::new(args.force, &inputs).write(path, &bytes)?;
        }
        None => print_stdout(&bytes)?,
    }
    Ok(if faults {
        Status::Faults
    } else {
        Status::Clean
    })
}
