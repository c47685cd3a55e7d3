//! The `zhengban` binary: parse the command line, run, map the outcome to an exit status.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = <zhengban::cli::Cli as clap::Parser>::parse();
    match zhengban::run(cli) {
        Ok(status) => ExitCode::from(status.code()),
        Err(err) => {
            eprintln!("zhengban: {err}");
            ExitCode::from(2)
        }
    }
}
