//! `zhengban.toml`: per-rule severities, rule selection and extra software classification.
//! Unknown keys are errors — a typo in a config file must not be silently ignored.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use miette::{NamedSource, SourceSpan};

use serde::Deserialize;

use crate::classify::ConfigEntry;
use crate::ledger::ReadOptions;
use crate::rules::{Rule, Severity};
use crate::schema::TableKind;
use crate::workbook::hints::{ColumnHint, LayoutHints, TableHint};
use crate::workbook::Limits;

/// A severity or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Error.
    Error,
    /// Warning.
    Warning,
    /// Info.
    Info,
    /// Rule disabled.
    Off,
}

impl Level {
    /// The level in the words of every output (错误, 警告, 提示, 关闭).
    pub fn label(self) -> &'static str {
        match self {
            Level::Error => "错误",
            Level::Warning => "警告",
            Level::Info => "提示",
            Level::Off => "关闭",
        }
    }
}

/// The configuration file.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Config {
    /// Only these rules (codes or prefixes such as `ZB1`); empty means all.
    pub select: Vec<String>,
    /// Rules (codes or prefixes) to skip.
    pub ignore: Vec<String>,
    /// Severity per rule code.
    pub severity: BTreeMap<String, Level>,
    /// Extra classification entries, tried before the built-in catalogue.
    pub classification: Vec<ConfigEntry>,
    /// Reading limits that differ from the defaults (`[limits]`).
    pub limits: LimitsConfig,
    /// Tables placed by hand (`[[table]]`): a layout the reader cannot work out.
    pub table: Vec<TableEntry>,
    /// Column headers that mean a field, per table (`[columns."明细表"]`).
    pub columns: BTreeMap<String, BTreeMap<String, String>>,
    /// The file it was read from (`None`: the defaults), so that every output can say
    /// which configuration applied; a rule ignored silently is a finding lost.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// One `[[table]]`: which sheet holds which table, where its column header is, and what its
/// column headers mean.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TableEntry {
    /// The sheet's name.
    pub sheet: String,
    /// Only in this file (its name, or the end of its path).
    #[serde(default)]
    pub file: Option<String>,
    /// The table: 汇总表, 明细表, 安装维护情况明细表, 免费软件清单 … (or summary, usage …).
    pub kind: String,
    /// The row of its column header as Excel numbers it (from 1).
    #[serde(default)]
    pub header_row: Option<u32>,
    /// Column header → column of the table (计算机编号, 安装日期 …).
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
}

/// The `[limits]` table: each key replaces one default of [`Limits`]; sizes in MiB.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct LimitsConfig {
    /// Largest file, MiB.
    pub file_mib: Option<u64>,
    /// Largest .xls file, MiB.
    pub xls_mib: Option<u64>,
    /// Largest inflated zip part, MiB.
    pub part_mib: Option<u64>,
    /// Largest inflated size of all parts together, MiB.
    pub inflated_mib: Option<u64>,
    /// Most parts in a zip.
    pub parts: Option<u64>,
    /// Most sheets in a workbook.
    pub sheets: Option<u64>,
    /// Most cells in one sheet.
    pub sheet_cells: Option<u64>,
    /// Most cells in a workbook.
    pub workbook_cells: Option<u64>,
    /// Most text held in cells, MiB.
    pub text_mib: Option<u64>,
    /// Most shared strings.
    pub shared_strings: Option<u64>,
    /// Most merged regions in a sheet (counted per row they span).
    pub merges: Option<u64>,
}

impl LimitsConfig {
    /// The limits to read with: the defaults, with each key given replacing its default.
    pub fn limits(&self) -> Limits {
        const MIB: u64 = 1024 * 1024;
        let d = Limits::default();
        let mib = |v: Option<u64>, default: u64| v.map_or(default, |v| v.saturating_mul(MIB));
        Limits {
            max_file_bytes: mib(self.file_mib, d.max_file_bytes),
            max_xls_bytes: mib(self.xls_mib, d.max_xls_bytes),
            max_part_bytes: mib(self.part_mib, d.max_part_bytes),
            max_inflated_bytes: mib(self.inflated_mib, d.max_inflated_bytes),
            max_parts: self.parts.unwrap_or(d.max_parts),
            max_sheets: self.sheets.unwrap_or(d.max_sheets),
            max_sheet_cells: self.sheet_cells.unwrap_or(d.max_sheet_cells),
            max_workbook_cells: self.workbook_cells.unwrap_or(d.max_workbook_cells),
            max_text_bytes: mib(self.text_mib, d.max_text_bytes),
            max_shared_strings: self.shared_strings.unwrap_or(d.max_shared_strings),
            max_merges: self.merges.unwrap_or(d.max_merges),
            peek_rows: None,
        }
    }

    /// The first key set to 0, which would refuse every file.
    fn zero_key(&self) -> Option<&'static str> {
        [
            ("file-mib", self.file_mib),
            ("xls-mib", self.xls_mib),
            ("part-mib", self.part_mib),
            ("inflated-mib", self.inflated_mib),
            ("parts", self.parts),
            ("sheets", self.sheets),
            ("sheet-cells", self.sheet_cells),
            ("workbook-cells", self.workbook_cells),
            ("text-mib", self.text_mib),
            ("shared-strings", self.shared_strings),
            ("merges", self.merges),
        ]
        .into_iter()
        .find(|(_, v)| *v == Some(0))
        .map(|(k, _)| k)
    }
}

fn matches(code: &str, pattern: &str) -> bool {
    let p = pattern.trim().to_ascii_uppercase();
    p == "ALL" || code.starts_with(&p)
}

/// Why a configuration could not be used; shown to the clerk in Chinese, a fault in the
/// file with the offending line (miette draws the span).
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("无法读取配置文件 {}：{}", .path.display(), crate::base::io_reason(.source))]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Something in the file is wrong: syntax, an unknown key or value, a bad pattern.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(Box<InvalidConfig>),
    /// A rule code given on the command line that no rule has.
    #[error("未知的规则代码 {0}（用 zhengban rule 查看全部规则）")]
    UnknownRule(String),
}

/// A fault in a config file, with the file's text and the place of the fault.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("配置文件 {file} 有误：{message}")]
pub struct InvalidConfig {
    /// The file, as named.
    pub file: String,
    /// What is wrong, in Chinese.
    pub message: String,
    /// How to put it right (drawn under miette's picture as “修改：”, in the words of every
    /// other diagnostic, not miette's English “help:”).
    pub help: String,
    /// The file's text.
    #[source_code]
    pub src: NamedSource<String>,
    /// Where.
    #[label("{label}")]
    pub span: Option<SourceSpan>,
    /// The label under the span.
    pub label: String,
}

impl Config {
    /// Read and validate a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut cfg = Config::parse(&text, &path.display().to_string())?;
        cfg.path = Some(path.to_path_buf());
        Ok(cfg)
    }

    /// What this configuration changes, in one Chinese line (`zhengban.toml：忽略 ZB405；
    /// ZB301 改为提示`); `None` for the defaults with no file.
    pub fn in_use(&self) -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        if !self.select.is_empty() {
            parts.push(format!("只检查 {}", self.select.join("、")));
        }
        if !self.ignore.is_empty() {
            parts.push(format!("忽略 {}", self.ignore.join("、")));
        }
        for (code, level) in &self.severity {
            parts.push(format!("{code} 改为{}", level.label()));
        }
        if !self.classification.is_empty() {
            parts.push(format!("自定义软件分类 {} 条", self.classification.len()));
        }
        if !self.table.is_empty() {
            parts.push(format!("指定表格位置 {} 处", self.table.len()));
        }
        let columns: usize = self.columns.values().map(BTreeMap::len).sum();
        if columns > 0 {
            parts.push(format!("指定列名 {columns} 个"));
        }
        if self.limits != LimitsConfig::default() {
            parts.push("放宽了读取上限".into());
        }
        let file = self
            .path
            .as_deref()
            .map(|p| crate::base::gate::terminal(&crate::base::path::shown(p)).into_owned());
        match (file, parts.is_empty()) {
            (None, true) => None,
            (Some(f), true) => Some(format!("{f}（与默认设置相同）")),
            (Some(f), false) => Some(format!("{f}：{}", parts.join("；"))),
            (None, false) => Some(format!("命令行：{}", parts.join("；"))),
        }
    }

    /// Parse and validate the text of a config file named `file`.
    pub fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
        let invalid = |message: String, help: &str, span: Option<SourceSpan>, label: &str| {
            ConfigError::Invalid(Box::new(InvalidConfig {
                file: file.to_string(),
                message,
                help: help.to_string(),
                src: NamedSource::new(file, text.to_string()),
                span,
                label: label.to_string(),
            }))
        };
        let cfg: Config = toml::from_str(text).map_err(|e| {
            let (message, label) = toml_message(e.message());
            invalid(
                message,
                "配置文件的写法见 README“配置文件 zhengban.toml”一节",
                e.span().map(SourceSpan::from),
                &label,
            )
        })?;
        // Spans of values found again in the text: the parsed struct keeps none.
        let span_of = |value: &str| -> Option<SourceSpan> {
            let quoted = format!("\"{value}\"");
            text.find(&quoted)
                .map(|at| SourceSpan::from(at..at + quoted.len()))
                .or_else(|| {
                    text.find(value)
                        .map(|at| SourceSpan::from(at..at + value.len()))
                })
        };
        if let Some(code) = cfg.unknown_code() {
            return Err(invalid(
                format!("未知的规则代码 {code}"),
                "用 zhengban rule 查看全部规则代码；也可以写代码前缀，如 ZB1",
                span_of(&code),
                "没有这条规则",
            ));
        }
        if let Some(key) = cfg.limits.zero_key() {
            return Err(invalid(
                format!("读取上限 {key} 不能为 0"),
                "上限为 0 会拒绝所有文件；删去这一行即用默认值（默认值见 README“读取上限”一节）",
                text.find(key)
                    .map(|at| SourceSpan::from(at..at + key.len())),
                "应为正整数",
            ));
        }
        if let Err((value, message, help)) = cfg.layout_hints() {
            return Err(invalid(message, &help, span_of(&value), "这里"));
        }
        for entry in &cfg.classification {
            if let Err(e) = crate::classify::compile_pattern(&entry.pattern) {
                return Err(invalid(
                    format!("软件分类规则 {:?} 不是有效的正则表达式", entry.pattern),
                    "pattern 是正则表达式，匹配“软件名称+软件版本”（去掉空格）；括号、+、* 等要成对或转义",
                    span_of(&entry.pattern),
                    &e.to_string(),
                ));
            }
        }
        Ok(cfg)
    }

    /// How units' files are read: the limits and the layouts placed by hand.
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            limits: self.limits.limits(),
            // Checked when the file was loaded; a config built in code with a fault in its
            // layouts reads as without them.
            hints: self.layout_hints().unwrap_or_default(),
        }
    }

    /// `[[table]]` and `[columns]` as the reader takes them, or the first fault: (the value
    /// at fault, what is wrong, how to put it right).
    fn layout_hints(&self) -> Result<LayoutHints, (String, String, String)> {
        let kinds = || {
            [
                TableKind::Summary,
                TableKind::Usage,
                TableKind::Maintenance,
                TableKind::FreeList,
                TableKind::PurchasePlan,
                TableKind::Demand,
                TableKind::LeadingGroup,
                TableKind::Classification,
                TableKind::Statistics,
            ]
            .iter()
            .map(|k| k.short_name())
            .collect::<Vec<_>>()
            .join("、")
        };
        let kind_of = |name: &str| {
            TableKind::from_name(name).ok_or_else(|| {
                (
                    name.to_string(),
                    format!("不认识的表“{name}”"),
                    format!("可以写：{}（或模板的表名、附件号）", kinds()),
                )
            })
        };
        let columns_of = |kind: TableKind, map: &BTreeMap<String, String>| {
            map.iter()
                .map(|(header, column)| {
                    let spec = kind.column_named(column).ok_or_else(|| {
                        let known: Vec<String> = kind
                            .columns()
                            .iter()
                            .filter(|c| c.printed || c.key == "kind" || c.key == "action")
                            .map(|c| crate::base::text::norm_no_parens(c.header))
                            .collect();
                        let help = if known.is_empty() {
                            format!("{}不是列表，没有列可以指定", kind.short_name())
                        } else {
                            format!("{}的列：{}", kind.short_name(), known.join("、"))
                        };
                        (
                            column.clone(),
                            format!("{}没有“{column}”这一列", kind.short_name()),
                            help,
                        )
                    })?;
                    Ok::<_, (String, String, String)>(ColumnHint::new(header, spec.key))
                })
                .collect::<Result<Vec<_>, _>>()
        };
        let mut hints = LayoutHints::default();
        for t in &self.table {
            let kind = kind_of(&t.kind)?;
            if t.sheet.trim().is_empty() {
                return Err((
                    "sheet".into(),
                    "[[table]] 的 sheet 不能为空".into(),
                    "写工作表的名称，如 sheet = \"登记表\"".into(),
                ));
            }
            if t.header_row == Some(0) {
                return Err((
                    "header-row".into(),
                    "header-row 从 1 开始".into(),
                    "写列标题所在的行号，与 Excel 左侧的行号相同".into(),
                ));
            }
            hints.tables.push(TableHint {
                file: t.file.clone(),
                sheet: t.sheet.clone(),
                kind,
                header_row: t.header_row.map(|r| r - 1),
                columns: columns_of(kind, &t.columns)?,
            });
        }
        for (name, map) in &self.columns {
            let kind = kind_of(name)?;
            hints
                .columns
                .extend(columns_of(kind, map)?.into_iter().map(|h| (kind, h)));
        }
        Ok(hints)
    }

    /// The first selected, ignored or re-graded code that names no rule.
    fn unknown_code(&self) -> Option<String> {
        let known = |p: &str| crate::rules::RULES.iter().any(|r| matches(r.code, p));
        self.select
            .iter()
            .chain(&self.ignore)
            .chain(self.severity.keys())
            .find(|p| !known(p))
            .cloned()
    }

    /// Check that every code named exists.
    pub fn validate(&self) -> Result<(), ConfigError> {
        match self.unknown_code() {
            Some(code) => Err(ConfigError::UnknownRule(code)),
            None => Ok(()),
        }
    }

    /// Add command-line selections (`--select`, `--ignore`).
    pub fn with_cli(mut self, select: &[String], ignore: &[String]) -> Result<Config, ConfigError> {
        let split = |v: &[String]| -> Vec<String> {
            v.iter()
                .flat_map(|s| s.split(','))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let select = split(select);
        if !select.is_empty() {
            self.select = select;
        }
        self.ignore.extend(split(ignore));
        self.validate()?;
        Ok(self)
    }

    /// The severity a rule runs with, or `None` when it is disabled.
    pub fn severity_of(&self, rule: &Rule) -> Option<Severity> {
        if !self.select.is_empty() && !self.select.iter().any(|p| matches(rule.code, p)) {
            return None;
        }
        if self.ignore.iter().any(|p| matches(rule.code, p)) {
            return None;
        }
        match self.severity.get(rule.code) {
            Some(Level::Off) => None,
            Some(Level::Error) => Some(Severity::Error),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Info) => Some(Severity::Info),
            None => Some(rule.severity),
        }
    }
}

/// A TOML or serde error message in Chinese, and the label for its span. The messages are
/// serde's and toml's own forms; what is not recognised keeps its text after a Chinese lead.
fn toml_message(message: &str) -> (String, String) {
    let m = message.trim();
    let ticked = |s: &str| -> Vec<String> {
        s.split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 1)
            .map(|(_, x)| x.to_string())
            .collect()
    };
    if let Some(rest) = m.strip_prefix("unknown field ") {
        let names = ticked(rest);
        let key = names.first().cloned().unwrap_or_default();
        let known = names.get(1..).map(|k| k.join("、")).unwrap_or_default();
        let msg = if known.is_empty() {
            format!("未知的键 {key}")
        } else {
            format!("未知的键 {key}（这里可以写：{known}）")
        };
        return (msg, "不认识这个键（拼写错误？）".into());
    }
    if let Some(rest) = m.strip_prefix("unknown variant ") {
        let names = ticked(rest);
        let value = names.first().cloned().unwrap_or_default();
        let known = names.get(1..).map(|k| k.join("、")).unwrap_or_default();
        return (
            format!("不认识的值 {value}（可以写：{known}）"),
            "不认识这个值".into(),
        );
    }
    if let Some(rest) = m.strip_prefix("missing field ") {
        let key = ticked(rest).first().cloned().unwrap_or_default();
        return (format!("缺少必填的键 {key}"), format!("这里还要写 {key}"));
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let kind = |t: &str| -> String {
            let t = t.trim();
            if t.contains("sequence") {
                "列表（如 [\"ZB119\"]）".into()
            } else if t.contains("string") {
                "带引号的文字（如 \"info\"）".into()
            } else if t.contains("bool") {
                "true 或 false".into()
            } else if t.contains("map") || t.contains("struct") || t.contains("table") {
                "一个表（[…] 或 { … }）".into()
            } else if t.contains("integer") {
                "整数".into()
            } else {
                t.to_string()
            }
        };
        return (
            format!(
                "值的类型不对：应为{}，写的是{}",
                kind(expected),
                kind(found)
            ),
            format!("应为{}", kind(expected)),
        );
    }
    if m.contains("invalid unquoted key") {
        return (
            "键中有中文、空格或符号时要加引号".into(),
            "例如 [columns.\"明细表\"]、\"机号\" = \"计算机编号\"".into(),
        );
    }
    if m.contains("duplicate key") {
        return ("同一个键写了两次".into(), "重复的键".into());
    }
    (format!("TOML 格式错误（{m}）"), "这里写法不对".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_in_the_file_are_told_in_chinese_with_their_place() {
        let text = "ignore = [\"ZB119\"]\nseverty = {}\n";
        let err = Config::parse(text, "zhengban.toml").unwrap_err();
        let ConfigError::Invalid(e) = &err else {
            panic!("{err:?}");
        };
        let (message, span) = (&e.message, &e.span);
        assert!(message.starts_with("未知的键 severty"), "{message}");
        assert!(!message.contains("unknown"), "{message}");
        let span = span.expect("a span");
        assert_eq!(&text[span.offset()..span.offset() + span.len()], "severty");

        let text = "[severity]\nZB111 = \"warn\"\n";
        let err = Config::parse(text, "zhengban.toml").unwrap_err();
        assert!(err.to_string().contains("不认识的值 warn"), "{err}");
        assert!(err.to_string().contains("warning"), "{err}");

        let text = "ignore = [\"ZB999\"]\n";
        let err = Config::parse(text, "zhengban.toml").unwrap_err();
        let ConfigError::Invalid(e) = &err else {
            panic!("{err:?}");
        };
        let (message, span) = (&e.message, &e.span);
        assert_eq!(message, "未知的规则代码 ZB999");
        let span = span.expect("a span");
        assert_eq!(
            &text[span.offset()..span.offset() + span.len()],
            "\"ZB999\""
        );

        let text = "[[classification]]\npattern = \"(WPS\"\ncategory = \"office\"\norigin = \"domestic\"\n";
        let err = Config::parse(text, "zhengban.toml").unwrap_err();
        assert!(err.to_string().contains("不是有效的正则表达式"), "{err}");

        let text = "ignore = \"ZB119\"\n";
        let err = Config::parse(text, "zhengban.toml").unwrap_err();
        assert!(err.to_string().contains("应为列表"), "{err}");
    }

    #[test]
    fn layouts_placed_by_hand_read_as_hints() {
        let text = "[[table]]\nsheet = \"登记\"\nkind = \"明细表\"\nheader-row = 3\n\
                    columns = { \"机号\" = \"计算机编号\", \"装机日\" = \"installed_on\" }\n\
                    [columns.\"附件7\"]\n\"授权书号\" = \"序列号\"\n";
        let hints = Config::parse(text, "zhengban.toml")
            .unwrap()
            .read_options()
            .hints;
        let t = &hints.tables[0];
        assert_eq!((t.sheet.as_str(), t.kind), ("登记", TableKind::Usage));
        assert_eq!(t.header_row, Some(2), "0-based");
        let keys: Vec<(&str, &str)> = t
            .columns
            .iter()
            .map(|c| (c.header.as_str(), c.key))
            .collect();
        assert_eq!(keys, [("机号", "computer"), ("装机日", "installed_on")]);
        assert_eq!(hints.columns.len(), 1);
        assert_eq!(hints.columns[0].0, TableKind::Summary);
        assert_eq!(hints.columns[0].1.key, "serial");
    }

    #[test]
    fn layout_faults_are_told_with_their_place() {
        let fault = |text: &str| match Config::parse(text, "zhengban.toml").unwrap_err() {
            ConfigError::Invalid(e) => {
                let span = e.span.expect("a span");
                let at = text[span.offset()..span.offset() + span.len()].to_string();
                (e.message, e.help, at)
            }
            other => panic!("{other:?}"),
        };
        let (message, help, at) = fault("[[table]]\nsheet = \"S\"\nkind = \"明细帐\"\n");
        assert_eq!(message, "不认识的表“明细帐”");
        assert!(help.contains("明细表") && help.contains("汇总表"), "{help}");
        assert_eq!(at, "\"明细帐\"");
        let (message, help, at) = fault(
            "[[table]]\nsheet = \"S\"\nkind = \"明细表\"\ncolumns = { \"机号\" = \"机器\" }\n",
        );
        assert_eq!(message, "明细表没有“机器”这一列");
        assert!(
            help.contains("计算机编号") && help.contains("安装日期"),
            "{help}"
        );
        assert_eq!(at, "\"机器\"");
        let (message, _, at) =
            fault("[[table]]\nsheet = \"S\"\nkind = \"明细表\"\nheader-row = 0\n");
        assert_eq!(message, "header-row 从 1 开始");
        assert_eq!(at, "header-row");
        let (message, _, _) = fault("[[table]]\nsheet = \"S\"\nkind = \"明细表\"\nheder-row = 2\n");
        assert!(message.starts_with("未知的键 heder-row"), "{message}");
        // TOML's bare keys are ASCII: a Chinese table name must be quoted, and is told so.
        let text = "[columns.明细表]\n\"机号\" = \"计算机编号\"\n";
        let ConfigError::Invalid(e) = Config::parse(text, "zhengban.toml").unwrap_err() else {
            panic!("not a fault in the file");
        };
        assert_eq!(e.message, "键中有中文、空格或符号时要加引号");
        assert!(e.label.contains("[columns.\"明细表\"]"), "{}", e.label);
    }

    #[test]
    fn unknown_keys_are_errors() {
        let err = toml::from_str::<Config>("severty = {}").unwrap_err();
        assert!(err.to_string().contains("severty"));
    }

    #[test]
    fn parses_a_full_config() {
        let cfg: Config = toml::from_str(
            r#"
ignore = ["ZB1"]
[severity]
ZB111 = "info"
[[classification]]
pattern = "某某公文系统"
category = "other"
origin = "domestic"
needs-license = true
"#,
        )
        .unwrap();
        cfg.validate().unwrap();
        assert_eq!(cfg.severity["ZB111"], Level::Info);
        assert!(toml::from_str::<Config>("ignore = [\"ZB999\"]")
            .unwrap()
            .validate()
            .is_err());
        assert_eq!(cfg.classification.len(), 1);
    }

    #[test]
    fn prefixes_select_ranges_of_rules() {
        let cfg: Config =
            toml::from_str("ignore = [\"ZB11\"]\n[severity]\nZB123 = \"off\"").unwrap();
        cfg.validate().unwrap();
        let sev = |code: &str| cfg.severity_of(crate::rules::rule(code).unwrap());
        assert_eq!(sev("ZB113"), None);
        assert_eq!(sev("ZB123"), None);
        assert_eq!(sev("ZB101"), Some(Severity::Error));
        assert_eq!(sev("ZB119"), None);
        assert_eq!(sev("ZB121"), Some(Severity::Error));
    }
}
