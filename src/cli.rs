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
    /// 写出空白的官方模板（附件1–11）
    Template(TemplateArgs),
    /// 输出规范化的台账数据（JSON 或 CSV）
    Convert(ConvertArgs),
}

/// `zhengban template`
#[derive(Debug, clap::Args)]
pub struct TemplateArgs {
    /// 输出目录
    #[arg(long, default_value = "templates-xlsx")]
    pub out: PathBuf,
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
    #[arg(long)]
    pub out: Option<PathBuf>,
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
