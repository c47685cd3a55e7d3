//! `cargo run --example make_samples [-- --out DIR]`: write the sample ledgers of one
//! realistic unit in three layouts, and the model every layout must read back as.
//!
//! The samples are committed; `tests/samples_roundtrip.rs` checks that they are what this
//! generator writes and that the reader turns each layout into the expected model.

mod dataset;
mod expected;
mod faults;
mod layouts;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo run --example make_samples [-- --out DIR]  (default: samples/)";

fn main() -> ExitCode {
    let mut out = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/samples"));
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--out", Some(dir)) => out = PathBuf::from(dir),
            ("-h" | "--help", _) => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let unit = dataset::unit();
    let written = layouts::write_all(&unit, &out)
        .map_err(|e| e.to_string())
        .and_then(|mut files| {
            files.push(expected::write(&unit, &out).map_err(|e| e.to_string())?);
            files.extend(faults::write(&unit, &out).map_err(|e| e.to_string())?);
            Ok(files)
        });
    match written {
        Ok(files) => {
            for f in files {
                println!("{}", f.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("make_samples: {e}");
            ExitCode::FAILURE
        }
    }
}
