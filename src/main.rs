//! The `zhengban` binary: parse the command line (errors and help in Chinese), run, map the
//! outcome to an exit status; in drop mode keep a console the program opened itself.

use std::process::ExitCode;

// A batch allocates and frees millions of small strings (cells, values, messages); mimalloc
// does that in about half the instructions of the system allocator and keeps freed pages
// per thread, so the rayon workers do not contend (bench/results.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The exit status after an interrupt: 128 + SIGINT, what a shell reports for a command
/// ended by Ctrl-C (also after SIGTERM or a closed console, so a script sees one status
/// for "stopped from outside").
const INTERRUPTED: i32 = 130;

fn main() -> ExitCode {
    // Rust's own panic message is English and lands in the middle of a report: each panic is
    // caught where one unit or output is at stake and said in Chinese there.
    zhengban::base::panic::quiet();
    // Ctrl-C, SIGTERM or SIGHUP (Ctrl-C, Ctrl-Break or a closed console on Windows): remove
    // the temporary files of outputs not yet complete, keep those already in place, end.
    // Should the handler not install (another one is there), an interrupt ends the process
    // as before: the outputs in place are whole either way.
    let _ = ctrlc::set_handler(|| {
        let _held = zhengban::output::abandon_temporaries();
        // Not eprintln!, which panics on a closed standard error and would leave the
        // process running.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "\nzhengban：已中断。没有写完的文件已删除，已写出的文件保留。"
        );
        std::process::exit(INTERRUPTED);
    });
    let args = zhengban::cli::args();
    let cli = match zhengban::cli::parse_from(&args) {
        Ok(cli) => cli,
        Err(err) => return ExitCode::from(zhengban::cli::report_error(&err, &args)),
    };
    let dropped = cli.command.is_none();
    // The last net: a panic no command caught is still said in Chinese, with exit 2.
    let outcome = zhengban::base::panic::caught(|| zhengban::run(cli)).unwrap_or_else(|detail| {
        Err(zhengban::RunError::Internal {
            what: "运行".into(),
            detail,
        })
    });
    let code = match outcome {
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
