//! Command-line definitions (clap derive), and clap's own texts in Chinese: help pages,
//! usage lines and error messages (see [`command`] and [`error_message`]).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

mod chinese;

pub use chinese::{command, error_message, help_text, parse_from, report_error};

/// zhengban（正版）：软件正版化台账检查工具。
#[derive(Debug, Parser)]
#[command(name = "zhengban", version, about, long_about = None)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// 子命令
    #[command(subcommand)]
    pub command: Option<Command>,
    /// 不用子命令时：检查这些工作簿或文件夹，在每个文件旁写出批注副本和检查报告（把文件拖到程序上就是这样）
    #[arg(value_name = "工作簿或文件夹")]
    pub paths: Vec<PathBuf>,
    /// 不用子命令时：检查日期（如 2026-11-25 或 2026年11月25日），默认今天
    #[arg(long, value_name = "日期")]
    pub as_of: Option<String>,
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
    /// 输出规范化的台账数据（JSON、jsonl、CSV），或把规范化数据、其他版式的工作簿填入官方模板（xlsx）
    Convert(ConvertArgs),
    /// 补填推算的内容：写出台账副本，补上安装数量、信息统计表、安装维护明细表等
    Derive(DeriveArgs),
    /// 汇总多个单位（工作簿、文件夹或 check 的 jsonl）：写出汇总工作簿与 HTML 页面
    Report(ReportArgs),
    /// 显示读出了什么：每个工作表认出的表、列标题对应的列、数据行、跳过的行及原因
    Inspect(InspectArgs),
    /// 写出软件清单采集脚本（Windows 或 Linux），拷到 U 盘上在每台计算机上运行
    Collector(CollectorArgs),
    /// 与计算机上实际安装的软件核对：一个单位的台账对照采集到的软件清单（采集脚本的文件、注册表导出、GLPI、osquery、dpkg、slmgr）
    Reconcile(ReconcileArgs),
    /// 随机抽检：从明细表的计算机中按部门分层抽取若干台，写出可打印的抽查登记表；填好后交给 reconcile 核对
    Sample(SampleArgs),
    /// 显示帮助，或某个命令的帮助
    Help(HelpArgs),
}

/// `zhengban help [COMMAND]`
#[derive(Debug, clap::Args)]
pub struct HelpArgs {
    /// 命令名，如 check
    #[arg(value_name = "命令")]
    pub command: Option<String>,
}

/// The arguments as the process got them, for [`parse_from`].
pub fn args() -> Vec<OsString> {
    std::env::args_os().collect()
}

/// `zhengban derive`
#[derive(Debug, clap::Args)]
pub struct DeriveArgs {
    /// 一个单位的工作簿，或表格分在几个文件里的单位文件夹（只能修改 xlsx/xlsm）
    #[arg(value_name = "工作簿或文件夹")]
    pub path: PathBuf,
    /// 输出：工作簿为文件（默认与输入同目录的“名称.补填.xlsx”）；文件夹为目录（默认与之并列的“文件夹名.补填”）
    #[arg(short, long, visible_alias = "out", value_name = "路径")]
    pub output: Option<PathBuf>,
    /// 信息统计表的年度（默认检查日期所在的年份）
    #[arg(long, value_name = "年度")]
    pub year: Option<i32>,
    /// 检查日期（如 2026-11-25），默认今天：判断许可是否到期，也是新增表格的填表日期
    #[arg(long, value_name = "日期")]
    pub as_of: Option<String>,
    /// 覆盖已存在的输出文件；台账中有会使推算出错的问题时仍然推算
    #[arg(long)]
    pub force: bool,
    /// 改写已填写、但与推算结果不同的单元格（默认保留并列出）
    #[arg(long)]
    pub overwrite_derived: bool,
    /// 有错误时也以 0 退出（只要写出的文件、不以退出码判断时用）
    #[arg(long)]
    pub exit_zero: bool,
    /// 配置文件（默认当前目录的 zhengban.toml）
    #[arg(long, value_name = "文件")]
    pub config: Option<PathBuf>,
}

/// `zhengban template`
#[derive(Debug, clap::Args)]
pub struct TemplateArgs {
    /// 输出目录
    #[arg(
        short,
        long,
        visible_alias = "out",
        default_value = "templates-xlsx",
        value_name = "目录"
    )]
    pub output: PathBuf,
    /// 覆盖已存在的同名文件
    #[arg(long)]
    pub force: bool,
}

/// `zhengban collector`
#[derive(Debug, clap::Args)]
pub struct CollectorArgs {
    /// 哪种系统的脚本
    #[arg(value_enum, value_name = "系统")]
    pub system: CollectorSystem,
    /// 输出文件（默认当前目录的“采集.ps1”或“采集.sh”）
    #[arg(short, long, visible_alias = "out", value_name = "文件")]
    pub output: Option<PathBuf>,
    /// 覆盖已存在的同名文件
    #[arg(long)]
    pub force: bool,
}

/// Which collector `zhengban collector` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CollectorSystem {
    /// Windows 7 及以后（PowerShell 脚本）
    Windows,
    /// 统信 UOS、银河麒麟等 Linux（sh 脚本）
    Linux,
}

/// `zhengban convert`
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// 工作簿、文件夹（一个单位或一批单位），convert --to json 写出的 JSON / jsonl 文件，
    /// 或计算机的软件清单（一个文件或一个文件夹，由此起草台账）
    #[arg(value_name = "工作簿或文件夹")]
    pub path: PathBuf,
    /// 输出格式
    #[arg(long, value_enum, value_name = "格式")]
    pub to: ConvertFormat,
    /// 输出：JSON/jsonl 为文件（缺省写到标准输出）；CSV 为目录（一批单位时每个单位一个子目录）；
    /// xlsx 为工作簿（一批单位时为目录，每个单位一个工作簿）
    #[arg(short, long, visible_alias = "out", value_name = "路径")]
    pub output: Option<PathBuf>,
    /// 覆盖已存在的同名文件（输入文件任何时候都不会被覆盖）
    #[arg(long)]
    pub force: bool,
    /// 在每个值旁附上来源单元格（JSON、jsonl）
    #[arg(long)]
    pub with_cells: bool,
    /// 每个工作簿作为一个单位（不把文件夹合并为一个单位）
    #[arg(long)]
    pub unit_per_file: bool,
}

/// Output of `convert`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConvertFormat {
    /// 一个 JSON 文档（一批单位时为数组）
    Json,
    /// 每行一个单位的 JSON
    Jsonl,
    /// 每张表一个 CSV 文件
    Csv,
    /// 填好的官方模板（全国版式）
    Xlsx,
}

/// `zhengban check`
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// 工作簿或文件夹；文件夹内的工作簿合为一个单位，含子文件夹时为多个单位
    #[arg(required = true, value_name = "工作簿或文件夹")]
    pub paths: Vec<PathBuf>,
    /// 检查日期（如 2026-11-25、2026/11/25、2026年11月25日），默认今天
    #[arg(long, value_name = "日期")]
    pub as_of: Option<String>,
    /// 只检查这些规则（代码或前缀，逗号分隔，如 ZB1,ZB405）
    #[arg(long, value_delimiter = ',', value_name = "规则")]
    pub select: Vec<String>,
    /// 跳过这些规则（代码或前缀，逗号分隔）
    #[arg(long, value_delimiter = ',', value_name = "规则")]
    pub ignore: Vec<String>,
    /// 输出格式
    #[arg(long, value_enum, default_value = "human", value_name = "格式")]
    pub format: OutputFormat,
    /// 输出到文件（默认标准输出）
    #[arg(long, short, value_name = "文件")]
    pub output: Option<PathBuf>,
    /// 为每个工作簿写出批注副本“名称.诊断.xlsx”（有问题的单元格填色并附批注，第一张表“诊断报告”列出全部诊断），写在工作簿旁边；--annotate=目录 或 --annotate 目录 写到该目录
    #[arg(long, value_name = "目录", num_args = 0..=1, require_equals = true)]
    pub annotate: Option<Option<PathBuf>>,
    /// 覆盖已存在的输出文件（输入文件任何时候都不会被覆盖）
    #[arg(long)]
    pub force: bool,
    /// 配置文件（默认当前目录的 zhengban.toml）
    #[arg(long, value_name = "文件")]
    pub config: Option<PathBuf>,
    /// 每个工作簿作为一个单位（不把文件夹合并为一个单位）
    #[arg(long)]
    pub unit_per_file: bool,
    /// 检查人员的名单（xlsx、xls、ods 或 csv，有“单位名称”列，可有“单位代码”“文件夹”列）：
    /// 找出没有报送的单位（ZB011）和名单外的单位（ZB012）
    #[arg(long, value_name = "名单")]
    pub roster: Option<PathBuf>,
    /// 并行线程数（默认或 0 为 CPU 核数，最多 64）
    #[arg(short = 'j', long, value_name = "线程数")]
    pub jobs: Option<usize>,
    /// 只输出有错误的单位（每个一行）和合计；不显示进度条
    #[arg(long, short)]
    pub quiet: bool,
    /// 有错误时也以 0 退出（只要写出的文件、不以退出码判断时用）
    #[arg(long)]
    pub exit_zero: bool,
    /// JSON 中信息统计表的年度（默认检查日期所在年度）
    #[arg(long, value_name = "年度")]
    pub year: Option<i32>,
}

/// `zhengban report`
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// 工作簿、文件夹（按 check 的方式检查），或 check --format jsonl/json 写出的文件（可多个，合并）
    #[arg(required = true, value_name = "工作簿、文件夹或jsonl")]
    pub paths: Vec<PathBuf>,
    /// 汇总工作簿（如 汇总.xlsx）
    #[arg(short, long, value_name = "汇总.xlsx")]
    pub output: Option<PathBuf>,
    /// 同时写出一个 HTML 页面（如 汇总.html；自包含，可直接用浏览器打开）
    #[arg(long, value_name = "汇总.html")]
    pub html: Option<PathBuf>,
    /// 覆盖已存在的输出文件（输入文件任何时候都不会被覆盖）
    #[arg(long)]
    pub force: bool,
    /// 检查日期（如 2026-11-25 或 2026年11月25日），默认今天；只用于本次检查的工作簿
    #[arg(long, value_name = "日期")]
    pub as_of: Option<String>,
    /// 信息统计表的年度（默认：jsonl 中记录的年度，否则检查日期所在年度）
    #[arg(long, value_name = "年度")]
    pub year: Option<i32>,
    /// 只检查这些规则（代码或前缀，逗号分隔）
    #[arg(long, value_delimiter = ',', value_name = "规则")]
    pub select: Vec<String>,
    /// 跳过这些规则（代码或前缀，逗号分隔）
    #[arg(long, value_delimiter = ',', value_name = "规则")]
    pub ignore: Vec<String>,
    /// 配置文件（默认当前目录的 zhengban.toml）
    #[arg(long, value_name = "文件")]
    pub config: Option<PathBuf>,
    /// 每个工作簿作为一个单位
    #[arg(long)]
    pub unit_per_file: bool,
    /// 检查人员的名单（xlsx、xls、ods 或 csv，有“单位名称”列，可有“单位代码”“文件夹”列）：
    /// 找出没有报送的单位（ZB011）和名单外的单位（ZB012）
    #[arg(long, value_name = "名单")]
    pub roster: Option<PathBuf>,
    /// 上年的报送：上年 check --format jsonl 的输出，或上年各单位报送的文件夹；加一张
    /// “与上年比较”工作表，并找出台账一年没有更新（ZB605）、许可不见了又没有卸载记录（ZB606）
    #[arg(long, value_name = "上年")]
    pub previous: Option<PathBuf>,
    /// 并行线程数（默认 CPU 核数）
    #[arg(short = 'j', long, value_name = "线程数")]
    pub jobs: Option<usize>,
    /// 不在终端打印汇总
    #[arg(long, short)]
    pub quiet: bool,
    /// 有错误时也以 0 退出（只要写出的文件、不以退出码判断时用）
    #[arg(long)]
    pub exit_zero: bool,
}

/// `zhengban reconcile`
#[derive(Debug, clap::Args)]
pub struct ReconcileArgs {
    /// 一个单位的工作簿或文件夹
    #[arg(value_name = "单位")]
    pub unit: PathBuf,
    /// 软件清单：文件，或装着清单的文件夹（可给多个）；也可以是 sample 写出、检查时填好的抽查登记表
    #[arg(required = true, value_name = "清单")]
    pub inventories: Vec<PathBuf>,
    /// 计算机编号与计算机名的对照表（xlsx、xls、ods 或 csv，有“计算机编号”和“计算机名”两列）：
    /// 明细表的计算机编号不是计算机名（如资产编号）时用
    #[arg(long, value_name = "对照表")]
    pub map: Option<PathBuf>,
    /// 输出格式
    #[arg(long, value_enum, default_value = "human", value_name = "格式")]
    pub format: OutputFormat,
    /// 写出批注副本“名称.诊断.xlsx”（有问题的单元格填色并附批注，“诊断报告”列出全部诊断，“核对结果”逐台列出核对情况），写在工作簿旁边；--annotate=目录 写到该目录
    #[arg(long, value_name = "目录", num_args = 0..=1, require_equals = true)]
    pub annotate: Option<Option<PathBuf>>,
    /// 覆盖已存在的批注副本（输入文件任何时候都不会被覆盖）
    #[arg(long)]
    pub force: bool,
    /// 检查日期（默认今天）
    #[arg(long, value_name = "日期")]
    pub as_of: Option<String>,
    /// 配置文件（默认当前目录或单位旁边的 zhengban.toml）
    #[arg(long, value_name = "文件")]
    pub config: Option<PathBuf>,
}

/// `zhengban sample`
#[derive(Debug, clap::Args)]
pub struct SampleArgs {
    /// 一个单位的工作簿或文件夹
    #[arg(value_name = "单位")]
    pub unit: PathBuf,
    /// 抽取的比例：10%、0.1 或 10 都是 10%（小于 1 的数是比例，其他是百分数），向上取整
    #[arg(long, default_value = "10%", value_name = "比例")]
    pub ratio: String,
    /// 至少抽取的台数，计算机不够时全部抽取
    #[arg(long, default_value_t = 5, value_name = "台数")]
    pub min: usize,
    /// 随机种子：同一个种子抽出同样的计算机（默认为今天的日期，如 20261208）
    #[arg(long, value_name = "种子")]
    pub seed: Option<u64>,
    /// 输出的抽查登记表（默认当前目录的“抽查登记表.xlsx”）
    #[arg(short, long, visible_alias = "out", value_name = "文件")]
    pub output: Option<PathBuf>,
    /// 覆盖已存在的输出文件（输入文件任何时候都不会被覆盖）
    #[arg(long)]
    pub force: bool,
    /// 配置文件（默认当前目录或单位旁边的 zhengban.toml）
    #[arg(long, value_name = "文件")]
    pub config: Option<PathBuf>,
}

/// `zhengban inspect`
#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// 工作簿或文件夹（文件夹内的工作簿合为一个单位，含子文件夹时为多个单位）
    #[arg(required = true, value_name = "工作簿或文件夹")]
    pub paths: Vec<PathBuf>,
    /// 输出格式
    #[arg(long, value_enum, default_value = "human", value_name = "格式")]
    pub format: InspectFormat,
    /// 输出到文件（默认标准输出）
    #[arg(long, short, value_name = "文件")]
    pub output: Option<PathBuf>,
    /// 覆盖已存在的输出文件
    #[arg(long)]
    pub force: bool,
    /// 配置文件（默认当前目录的 zhengban.toml）：其中的 [[table]] 与 [columns] 指明表与列
    #[arg(long, value_name = "文件")]
    pub config: Option<PathBuf>,
    /// 每个工作簿作为一个单位
    #[arg(long)]
    pub unit_per_file: bool,
    /// 只显示这些工作表（名称，可写多次或用逗号分隔）
    #[arg(long, value_delimiter = ',', value_name = "工作表")]
    pub sheet: Vec<String>,
}

/// Output format of `inspect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InspectFormat {
    /// 终端可读（默认）
    Human,
    /// 一个 JSON 文档
    Json,
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
    #[arg(value_name = "规则代码")]
    pub code: Option<String>,
}
