//! clap's own texts in Chinese. clap writes its help headings, usage lines, `[default: …]`,
//! `[possible values: …]` and error messages in English; a clerk reads none of that. So the
//! command tree is rewritten once, for every subcommand alike (including ones added later):
//! a Chinese help template and usage line, Chinese headings (参数 / 选项 / 命令), our own
//! `-h/--help` and `-V/--version` with Chinese help, and defaults, choices and aliases
//! written into each argument's help text. Errors are told in Chinese from clap's error kind
//! and context ([`error_message`]).

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use super::Cli;
use crate::base::gate;

const BIN: &str = "zhengban";

const TEMPLATE: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

const ROOT_AFTER_HELP: &str = "\
把工作簿（或装着工作簿的文件夹）拖到 zhengban 程序上，或运行 zhengban 台账.xlsx：\n\
检查台账，并在文件旁写出标注了问题的副本“台账.诊断.xlsx”和检查报告“台账.诊断.html”。\n\
各命令的说明：zhengban 命令 --help，例如 zhengban check --help";

/// The command tree with every text a user reads in Chinese.
pub fn command() -> Command {
    let root = Cli::command()
        .about("zhengban（正版）：软件正版化台账检查工具")
        .disable_help_subcommand(true)
        .after_help(ROOT_AFTER_HELP);
    localize(root, BIN)
}

fn localize(cmd: Command, path: &str) -> Command {
    let usage = usage_line(&cmd, path);
    let is_root = path == BIN;
    let mut cmd = cmd
        .help_template(TEMPLATE)
        .override_usage(usage)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .disable_help_flag(true)
        .disable_version_flag(true)
        .mut_args(localize_arg)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示本帮助")
                .help_heading("选项"),
        );
    if is_root {
        cmd = cmd.arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本号")
                .help_heading("选项"),
        );
    }
    cmd.mut_subcommands(|sub| {
        let p = format!("{path} {}", sub.get_name());
        localize(sub, &p)
    })
}

fn takes_value(arg: &Arg) -> bool {
    arg.get_action().takes_values()
}

/// The argument's help with its choices, default and aliases written in Chinese, under the
/// heading 参数 (positional) or 选项.
fn localize_arg(arg: Arg) -> Arg {
    let heading = if arg.is_positional() {
        "参数"
    } else {
        "选项"
    };
    let mut help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let mut extra: Vec<String> = Vec::new();
    if takes_value(&arg) && !arg.is_hide_possible_values_set() {
        let choices: Vec<String> = arg
            .get_value_parser()
            .possible_values()
            .into_iter()
            .flatten()
            .filter(|p| !p.is_hide_set())
            .map(|p| match p.get_help() {
                Some(h) => format!("{} {}", p.get_name(), h),
                None => p.get_name().to_string(),
            })
            .collect();
        if !choices.is_empty() {
            extra.push(format!("可选：{}", choices.join("；")));
        }
    }
    if takes_value(&arg) && !arg.is_hide_default_value_set() {
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            extra.push(format!("默认 {}", defaults.join(",")));
        }
    }
    let aliases: Vec<String> = arg
        .get_visible_aliases()
        .unwrap_or_default()
        .into_iter()
        .map(str::to_string)
        .collect();
    if !aliases.is_empty() {
        let written: Vec<String> = aliases.iter().map(|a| format!("--{a}")).collect();
        extra.push(format!("也可写作 {}", written.join("、")));
    }
    if !extra.is_empty() {
        if !help.is_empty() && !help.ends_with(['。', '）', ')']) {
            help.push('。');
        }
        help.push_str(&extra.join("。"));
    }
    // Visible aliases become hidden ones: clap would list them as "[aliases: …]".
    let mut arg = arg.help(help).help_heading(heading).visible_alias(None);
    if takes_value(&arg) {
        arg = arg.hide_possible_values(true).hide_default_value(true);
    }
    for a in aliases {
        arg = arg.alias(a);
    }
    arg
}

/// `zhengban check [选项] <工作簿或文件夹>...`
fn usage_line(cmd: &Command, path: &str) -> String {
    let mut line = format!("{path} [选项]");
    for a in cmd.get_positionals() {
        let name = a
            .get_value_names()
            .and_then(|v| v.first())
            .map(|s| s.to_string())
            .unwrap_or_else(|| a.get_id().to_string().to_uppercase());
        let many = matches!(a.get_action(), ArgAction::Append)
            || a.get_num_args().is_some_and(|r| r.max_values() > 1);
        let dots = if many { "..." } else { "" };
        if a.is_required_set() {
            line.push_str(&format!(" <{name}>{dots}"));
        } else {
            line.push_str(&format!(" [{name}]{dots}"));
        }
    }
    if cmd.has_subcommands() {
        // The root: drop mode, or a command.
        line = format!("{line}\n      {path} <命令> [选项] …");
    }
    line
}

/// Parse a command line (the program name first) with the Chinese command tree.
pub fn parse_from(args: &[OsString]) -> Result<Cli, clap::Error> {
    let matches = command().try_get_matches_from(args)?;
    let mut cli = Cli::from_arg_matches(&matches)?;
    annotate_dir_after_space(args, &matches, &mut cli);
    Ok(cli)
}

/// `check 报送材料/ --annotate 标注/`, as the README writes it: the word right after a bare
/// `--annotate` is its folder, not one more unit to check — unless it is a workbook that
/// exists (`check --annotate 台账.xlsx` annotates that workbook).
fn annotate_dir_after_space(raw: &[OsString], matches: &clap::ArgMatches, cli: &mut Cli) {
    let (Some(super::Command::Check(args)), Some(("check", m))) =
        (cli.command.as_mut(), matches.subcommand())
    else {
        return;
    };
    if !matches!(args.annotate, Some(None)) || args.paths.len() < 2 {
        return;
    }
    // Clap counts a subcommand's arguments from the subcommand's own name.
    let Some(start) = raw.iter().skip(1).position(|a| a == "check").map(|p| p + 1) else {
        return;
    };
    let Some(indices) = m.indices_of("paths") else {
        return;
    };
    let after_flag = indices
        .into_iter()
        .position(|i| i >= 1 && raw.get(start + i - 1).is_some_and(|a| a == "--annotate"));
    let Some(at) = after_flag else {
        return;
    };
    if args.paths[at].is_file() {
        return;
    }
    let dir = args.paths.remove(at);
    args.annotate = Some(Some(dir));
}

/// Print what a failed parse has to say and give the exit code: the help page or version
/// (which clap hands over as an "error") on standard output with 0; anything else told in
/// Chinese on standard error with 2.
pub fn report_error(err: &clap::Error, args: &[OsString]) -> u8 {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            0
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            2
        }
        _ => {
            // The message quotes the argument, which may be a hostile file name from a glob.
            eprint!("{}", gate::terminal_lines(&error_message(err, args)));
            2
        }
    }
}

/// The help page of the program, or of one command; `None` when there is no such command.
pub fn help_text(sub: Option<&str>) -> Option<String> {
    let mut root = command();
    root.build();
    match sub {
        None => Some(root.render_long_help().to_string()),
        Some(name) => root
            .find_subcommand_mut(name)
            .map(|c| c.render_long_help().to_string()),
    }
}

/// The subcommand a command line names, if any (the first word that is one).
fn subcommand_of(args: &[OsString]) -> Option<String> {
    let first = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy())
        .find(|a| !a.starts_with('-'))?;
    Cli::command()
        .get_subcommands()
        .find(|c| c.get_name() == first)
        .map(|c| c.get_name().to_string())
}

fn value_text(v: &ContextValue) -> String {
    match v {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(v) => v.join("、"),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(v) => v
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join("、"),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        ContextValue::None => String::new(),
        _ => String::new(),
    }
}

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// A clap error told in Chinese, with the usage of the command concerned and where to read
/// more. `args` is the command line that failed (the program name first).
pub fn error_message(err: &clap::Error, args: &[OsString]) -> String {
    let sub = subcommand_of(args);
    let path = match &sub {
        Some(s) => format!("{BIN} {s}"),
        None => BIN.to_string(),
    };
    let get = |k: ContextKind| err.get(k).map(value_text).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let problem = match err.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} 后面要写一个值"),
        ErrorKind::InvalidValue => format!("{arg} 的值“{value}”不对"),
        ErrorKind::UnknownArgument if arg.starts_with('-') => format!("没有选项 {arg}"),
        ErrorKind::UnknownArgument => format!("多余的参数“{arg}”"),
        ErrorKind::InvalidSubcommand => format!("没有命令 {}", get(ContextKind::InvalidSubcommand)),
        ErrorKind::NoEquals => {
            let long = arg.split_whitespace().next().unwrap_or(&arg).to_string();
            format!("{long} 的值要用等号连接，例如 {long}=目录")
        }
        ErrorKind::ValueValidation => {
            // The reason is the parser's own text: English from the standard library
            // ("invalid digit found in string"), so it is shown only when it is ours.
            let reason = std::error::Error::source(err)
                .map(|e| e.to_string())
                .filter(|r| has_han(r))
                .map(|r| format!("：{r}"))
                .unwrap_or_default();
            format!("{arg} 的值“{value}”不对{reason}")
        }
        ErrorKind::TooManyValues => format!("{arg} 只能有一个值，“{value}”是多余的"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg} 的值的个数不对")
        }
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg);
            if prior.is_empty() {
                format!("{arg} 不能和别的选项同时使用")
            } else {
                format!("{arg} 不能和 {prior} 同时使用")
            }
        }
        ErrorKind::MissingRequiredArgument => format!("缺少 {arg}"),
        ErrorKind::MissingSubcommand => "缺少命令".to_string(),
        ErrorKind::InvalidUtf8 => "命令行中有无法识别的字符（不是 UTF-8 编码）".to_string(),
        _ => "命令行有误".to_string(),
    };
    let mut tips = Vec::new();
    let valid = get(ContextKind::ValidValue);
    if !valid.is_empty() {
        tips.push(format!("可以用：{valid}"));
    }
    let suggested_arg = get(ContextKind::SuggestedArg);
    if !suggested_arg.is_empty() {
        tips.push(format!("是不是要用 {suggested_arg}？"));
    }
    let suggested_sub = get(ContextKind::SuggestedSubcommand);
    if !suggested_sub.is_empty() {
        tips.push(format!("是不是要用 {BIN} {suggested_sub}？"));
    }
    let suggested_value = get(ContextKind::SuggestedValue);
    if !suggested_value.is_empty() {
        tips.push(format!("是不是 {suggested_value}？"));
    }
    let usage = {
        let root = Cli::command();
        match &sub {
            Some(s) => root
                .find_subcommand(s)
                .map(|c| usage_line(c, &path))
                .unwrap_or_default(),
            None => usage_line(&root, BIN),
        }
    };
    let mut out = format!("错误：{problem}\n");
    for t in tips {
        out.push_str(&format!("  提示：{t}\n"));
    }
    out.push_str(&format!("\n用法：{usage}\n\n详细说明：{path} --help\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<OsString> {
        s.split_whitespace().map(OsString::from).collect()
    }

    fn fail(s: &str) -> String {
        let a = args(s);
        let err = parse_from(&a).expect_err(s);
        error_message(&err, &a)
    }

    #[test]
    fn the_tree_is_valid() {
        command().debug_assert();
    }

    #[test]
    fn help_is_chinese_for_every_command() {
        let mut names = vec![None];
        names.extend(
            Cli::command()
                .get_subcommands()
                .map(|c| Some(c.get_name().to_string())),
        );
        for name in names {
            let text = help_text(name.as_deref()).expect("help");
            for english in [
                "Usage",
                "Options",
                "Arguments",
                "Commands",
                "Print help",
                "Print version",
                "[default",
                "[possible values",
                "[aliases",
                "Possible values",
            ] {
                assert!(!text.contains(english), "{name:?} shows {english}:\n{text}");
            }
            assert!(text.contains("用法：zhengban"), "{text}");
            assert!(text.contains("-h, --help"), "{text}");
        }
    }

    #[test]
    fn choices_and_defaults_are_written_in_the_help() {
        let text = help_text(Some("check")).unwrap();
        assert!(text.contains("可选：human"), "{text}");
        assert!(text.contains("默认 human"), "{text}");
        assert!(
            text.contains("用法：zhengban check [选项] <工作簿或文件夹>..."),
            "{text}"
        );
        let text = help_text(Some("template")).unwrap();
        assert!(text.contains("也可写作 --out"), "{text}");
    }

    #[test]
    fn errors_are_chinese() {
        let m = fail("zhengban check a.xlsx --fromat json");
        assert!(m.starts_with("错误：没有选项 --fromat"), "{m}");
        assert!(m.contains("是不是要用 --format？"), "{m}");
        assert!(
            m.contains("用法：zhengban check [选项] <工作簿或文件夹>..."),
            "{m}"
        );
        let m = fail("zhengban check a.xlsx --format xml");
        assert!(m.contains("--format <格式> 的值“xml”不对"), "{m}");
        assert!(m.contains("可以用：human、json、jsonl、text"), "{m}");
        let m = fail("zhengban check");
        assert!(m.starts_with("错误：缺少 <工作簿或文件夹>..."), "{m}");
        let m = fail("zhengban check a.xlsx -j x");
        assert!(m.contains("--jobs <线程数> 的值“x”不对"), "{m}");
        assert!(!m.contains("invalid digit"), "{m}");
        let m = fail("zhengban rule ZB111 ZB112");
        assert!(m.contains("多余的参数“ZB112”"), "{m}");
        assert!(!m.contains("error:") && !m.contains("Usage"), "{m}");
    }

    #[test]
    fn annotate_takes_its_folder_only_after_an_equals_sign() {
        let cli = parse_from(&args("zhengban check --annotate a.xlsx")).unwrap();
        let Some(super::super::Command::Check(c)) = cli.command else {
            panic!("check");
        };
        assert_eq!(c.annotate, Some(None));
        assert_eq!(c.paths, [std::path::PathBuf::from("a.xlsx")]);
        let cli = parse_from(&args("zhengban check --annotate=out a.xlsx")).unwrap();
        let Some(super::super::Command::Check(c)) = cli.command else {
            panic!("check");
        };
        assert_eq!(c.annotate, Some(Some("out".into())));
    }

    #[test]
    fn files_without_a_command_are_drop_mode() {
        let cli = parse_from(&args("zhengban 台账.xlsx 另一个.xlsx")).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.paths.len(), 2);
        let cli = parse_from(&args("zhengban rule ZB111")).unwrap();
        assert!(matches!(cli.command, Some(super::super::Command::Rule(_))));
    }
}
