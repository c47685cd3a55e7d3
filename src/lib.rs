//! zhengban (正版): lint, cross-check and derive the software-licensing ledgers that Chinese
//! government offices keep in the templates of the national 《正版软件管理工作指南》.
//!
//! The flow is one way: `workbook` reads cells, `ledger` turns them into a typed model once,
//! `rules` produce plain-data diagnostics over that model, and `render` draws them.
#![deny(missing_docs)]

pub mod base;
pub mod batch;
pub mod classify;
pub mod cli;
pub mod commands;
pub mod config;
pub mod derive;
pub mod draft;
pub mod edit;
pub mod inventory;
pub mod ledger;
pub mod metrics;
pub mod normalised;
pub mod output;
pub mod render;
pub mod rollup;
pub mod rules;
pub mod schema;
pub mod templates;
pub mod workbook;

/// How a run ended, mapped to the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// No diagnostic of severity error (exit 0).
    Clean,
    /// At least one error diagnostic (exit 1).
    Faults,
}

impl Status {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Status::Clean => 0,
            Status::Faults => 1,
        }
    }
}

/// Errors that stop the tool from doing its job at all (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// An output could not be written.
    #[error("无法写入 {path}：{source}")]
    Write {
        /// The output path.
        path: std::path::PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// An input could not be listed or read at all.
    #[error("无法读取 {path}：{source}")]
    Read {
        /// The input path.
        path: std::path::PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Bad arguments or configuration.
    #[error("{0}")]
    Usage(String),
    /// The configuration (zhengban.toml, --select, --ignore) is wrong.
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    /// A classification pattern is no regular expression.
    #[error(transparent)]
    Pattern(#[from] classify::PatternError),
    /// An output was refused or could not be written.
    #[error(transparent)]
    Output(#[from] output::OutputError),
    /// A workbook copy could not be changed (derive).
    #[error(transparent)]
    Derive(#[from] derive::write::WriteError),
    /// An xlsx writer failure.
    #[error("写工作簿失败：{0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The program failed inside while making an output (a panic caught there): a fault of
    /// the tool, not of the input, said as such.
    #[error(
        "{what}时程序内部出错（{detail}）。这是检查工具的问题，不是台账的错误：请把这个单位的文件发给工具的维护者"
    )]
    Internal {
        /// What was being done (生成 台账.xlsx 的补填副本).
        what: String,
        /// What the panic said, and where.
        detail: String,
    },
    /// Normalised data (`convert data.json`) that could not be read.
    #[error("{path}：{source}")]
    Import {
        /// The input file.
        path: std::path::PathBuf,
        /// What is wrong with it.
        source: normalised::ImportError,
    },
}

impl RunError {
    /// The configuration fault behind this error, if it is one (drawn with its line).
    pub fn config(&self) -> Option<&config::ConfigError> {
        match self {
            RunError::Config(c) => Some(c),
            _ => None,
        }
    }
}

/// Run one command line.
pub fn run(cli: cli::Cli) -> Result<Status, RunError> {
    // `--exit-zero`: findings do not fail the run; a failure to run still does
    let exit_zero = |status: Result<Status, RunError>, zero: bool| {
        status.map(|s| if zero { Status::Clean } else { s })
    };
    match cli.command {
        Some(cli::Command::Check(args)) => exit_zero(commands::check::run(&args), args.exit_zero),
        Some(cli::Command::Rule(args)) => commands::rule::run(&args),
        Some(cli::Command::Template(args)) => commands::template::run(&args),
        Some(cli::Command::Convert(args)) => commands::convert::run(&args),
        Some(cli::Command::Derive(args)) => exit_zero(commands::derive::run(&args), args.exit_zero),
        Some(cli::Command::Report(args)) => exit_zero(commands::report::run(&args), args.exit_zero),
        Some(cli::Command::Inspect(args)) => commands::inspect::run(&args),
        Some(cli::Command::Collector(args)) => commands::collector::run(&args),
        Some(cli::Command::Reconcile(args)) => commands::reconcile::run(&args),
        Some(cli::Command::Sample(args)) => commands::sample::run(&args),
        Some(cli::Command::Help(args)) => help(args.command.as_deref()),
        None => commands::drop::run(&cli.paths, cli.as_of.as_deref()),
    }
}

/// `zhengban help [COMMAND]`.
fn help(command: Option<&str>) -> Result<Status, RunError> {
    let text = cli::help_text(command).ok_or_else(|| {
        RunError::Usage(format!(
            "没有命令 {}（用 zhengban --help 查看全部命令）",
            command.unwrap_or_default()
        ))
    })?;
    output::print_stdout(text.as_bytes())?;
    Ok(Status::Clean)
}
