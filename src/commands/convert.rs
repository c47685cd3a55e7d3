//! `zhengban convert`: print the normalised model of one unit.

use crate::cli::{ConvertArgs, ConvertFormat};
use crate::ledger::{discover, read_unit, UnitSource};
use crate::output::{print_stdout, OutputPolicy};
use crate::render::normalised::{unit_csv, unit_json};
use crate::{RunError, Status};

/// Convert the unit at `args.path`.
pub fn run(args: &ConvertArgs) -> Result<Status, RunError> {
    if !args.path.exists() {
        return Err(RunError::Usage(format!("找不到 {}", args.path.display())));
    }
    let sources =
        discover(std::slice::from_ref(&args.path), false).map_err(|source| RunError::Read {
            path: args.path.clone(),
            source,
        })?;
    // convert reports one unit: a batch folder is merged into one, as the user named it.
    let source = match sources.len() {
        1 => sources.into_iter().next().expect("one source"),
        _ => UnitSource {
            label: args.path.display().to_string(),
            files: sources.into_iter().flat_map(|s| s.files).collect(),
        },
    };
    let unit = read_unit(&source);
    for (file, err) in &unit.unreadable {
        eprintln!("zhengban: {file}: {err}");
    }
    let policy = OutputPolicy::new(args.force, &source.files);
    match args.to {
        ConvertFormat::Json => {
            let mut text = serde_json::to_string_pretty(&unit_json(&unit, args.with_cells))
                .expect("JSON values serialise");
            text.push('\n');
            match &args.output {
                Some(out) => policy.write(out, text.as_bytes())?,
                None => print_stdout(text.as_bytes())?,
            }
        }
        ConvertFormat::Csv => {
            let dir = args.output.clone().ok_or_else(|| {
                RunError::Usage("--to csv 需要 -o/--output 目录（每张表写一个 CSV 文件）".into())
            })?;
            let files = unit_csv(&unit);
            // Refuse before writing anything, so a half-written set never happens.
            for (name, _) in &files {
                policy.check(&dir.join(name))?;
            }
            for (name, text) in files {
                // A BOM so that Excel opens the UTF-8 Chinese text correctly.
                let mut bytes = "\u{FEFF}".as_bytes().to_vec();
                bytes.extend_from_slice(text.as_bytes());
                policy.write(&dir.join(name), &bytes)?;
            }
        }
    }
    Ok(if unit.unreadable.is_empty() {
        Status::Clean
    } else {
        Status::Faults
    })
}
