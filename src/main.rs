//! The `zhengban` binary: parse the command line (errors and help in Chinese), run, map the
//! outcome to an exit status; in drop mode keep a console the program opened itself.

use std::process::ExitCode;

// A batch allocates and frees millions of small strings (cells, values, messages); mimalloc
// does that in about half the instructions of the system allocator and keeps freed pages
// per thread, so the rayon workers do not contend (bench/results.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = zhengban::cli::args();
    let cli = match zhengban::cli::parse_from(&args) {
        Ok(cli) => cli,
        Err(err) => return ExitCode::from(zhengban::cli::report_error(&err, &args)),
    };
    let dropped = cli.command.is_none();
    let code = match zhengban::run(cli) {
        Ok(status) => status.code(),
        Err(err) => {
            use std::io::IsTerminal;
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            eprint!(
                "{}",
                zhengban::render::error::run_error(&err, err.config(), color)
            );
            2
        }
    };
    if dropped {
        zhengban::commands::drop::pause_if_own_console();
    }
    ExitCode::from(code)
}
