//! Command-line definitions (clap derive) and nothing else.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// zhengban（正版）：软件正版化台账检查工具。
#[derive(Debug, Parser)]
#[command(name = "zhengban", version, about, long_about = None)]
pub struct Cli {
    /// 子命令
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查台账：逐表检查并交叉核对（PATH 为工作簿或文件夹）
    Check(CheckArgs),
    /// 列出全部规则，或说明一条规则
    Rule(RuleArgs),
    /// 写出空白的官方模板（附件1–11）
    Template(TemplateArgs),
    /// 输出规范化的台账数据（JSON 或 CSV）
    Convert(ConvertArgs),
    /// 汇总多个单位（工作簿、文件夹或 check 的 jsonl）：写出汇总工作簿与 HTML 页面
    Report(ReportArgs),
}

/// `zhengban template`
#[derive(Debug, clap::Args)]
pub struct TemplateArgs {
    /// 输出目录
    #[arg(short, long, visible_alias = "out", default_value = "templates-xlsx")]
    pub output: PathBuf,
    /// 覆盖已存在的同名文件
    #[arg(long)]
    pub force: bool,
}

/// `zhengban convert`
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// 工作簿或文件夹（一个单位）
    pub path: PathBuf,
    /// 输出格式
    #[arg(long, value_enum)]
    pub to: ConvertFormat,
    /// CSV 输出目录（每张表一个文件）；JSON 时为输出文件，缺省写到标准输出
    #[arg(short, long, visible_alias = "out")]
    pub output: Option<PathBuf>,
    /// 覆盖已存在的同名文件（输入文件任何时候都不会被覆盖）
    #[arg(long)]
    pub force: bool,
    /// 在每个值旁附上来源单元格
    #[arg(long)]
    pub with_cells: bool,
}

/// Output of `convert`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ConvertFormat {
    /// 一个 JSON 文档
    Json,
    /// 每张表一个 CSV 文件
    Csv,
}

/// `zhengban check`
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// 工作簿或文件夹；文件夹内的工作簿合为一个单位，含子文件夹时为多个单位
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// 检查日期（YYYY-MM-DD），默认今天
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// 只检查这些规则（代码或前缀，逗号分隔，如 ZB1,ZB405）
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// 跳过这些规则（代码或前缀，逗号分隔）
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// 输出格式
    #[arg(long, value_enum, default_value = "human")]
    pub format: OutputFormat,
    /// 输出到文件（默认标准输出）
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// 覆盖已存在的输出文件（输入文件任何时候都不会被覆盖）
    #[arg(long)]
    pub force: bool,
    /// 配置文件（默认当前目录的 zhengban.toml）
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// 每个工作簿作为一个单位（不把文件夹合并为一个单位）
    #[arg(long)]
    pub unit_per_file: bool,
    /// 并行线程数（默认 CPU 核数）
    #[arg(short = 'j', long)]
    pub jobs: Option<usize>,
    /// 只输出汇总
    #[arg(long, short)]
    pub quiet: bool,
    /// JSON 中信息统计表的年度（默认检查日期所在年度）
    #[arg(long, value_name = "YYYY")]
    pub year: Option<i32>,
}

/// `zhengban report`
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// 工作簿、文件夹（按 check 的方式检查），或 check --format jsonl/json 写出的文件（可多个，合并）
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// 汇总工作簿（如 汇总.xlsx）
    #[arg(short, long, value_name = "XLSX")]
    pub output: Option<PathBuf>,
    /// 同时写出一个 HTML 页面（如 汇总.html；自包含，可直接用浏览器打开）
    #[arg(long, value_name = "HTML")]
    pub html: Option<PathBuf>,
    /// 覆盖已存在的输出文件（输入文件任何时候都不会被覆盖）
    #[arg(long)]
    pub force: bool,
    /// 检查日期（YYYY-MM-DD），默认今天；只用于本次检查的工作簿
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// 信息统计表的年度（默认：jsonl 中记录的年度，否则检查日期所在年度）
    #[arg(long, value_name = "YYYY")]
    pub year: Option<i32>,
    /// 只检查这些规则（代码或前缀，逗号分隔）
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// 跳过这些规则（代码或前缀，逗号分隔）
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// 配置文件（默认当前目录的 zhengban.toml）
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// 每个工作簿作为一个单位
    #[arg(long)]
    pub unit_per_file: bool,
    /// 并行线程数（默认 CPU 核数）
    #[arg(short = 'j', long)]
    pub jobs: Option<usize>,
    /// 不在终端打印汇总
    #[arg(long, short)]
    pub quiet: bool,
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// 终端可读（默认）
    Human,
    /// 一个 JSON 文档
    Json,
    /// 每行一个单位的 JSON
    Jsonl,
    /// 纯文本（每条诊断一段，便于比较）
    Text,
}

/// `zhengban rule`
#[derive(Debug, clap::Args)]
pub struct RuleArgs {
    /// 规则代码，如 ZB111；不填则列出全部规则
    pub code: Option<String>,
}
