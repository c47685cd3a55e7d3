//! What a user reads from the binary itself is Chinese: `--help` of the program and of every
//! command, clap's errors, `--version`; `--as-of` takes the date forms the reader accepts in
//! cells and tells an impossible day from a wrong form; `zhengban rule CODE` is drawn for a
//! terminal, not printed as Markdown.

use std::process::{Command, Output};

fn zhengban(args: &[&str]) -> Output {
    let dir = env!("CARGO_MANIFEST_DIR");
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Print help",
    "Print version",
    "[default",
    "[possible values",
    "[aliases",
    "error:",
    "For more information",
    "tip:",
];

#[test]
fn help_is_chinese_for_every_command() {
    let commands: Vec<String> = {
        let root = out(&zhengban(&["--help"]));
        let list = &root[root.find("命令:").expect("命令 heading")..];
        list.lines()
            .skip(1)
            .take_while(|l| l.starts_with("  "))
            .map(|l| l.split_whitespace().next().unwrap().to_string())
            .collect()
    };
    for known in [
        "check", "rule", "template", "convert", "derive", "report", "help",
    ] {
        assert!(commands.iter().any(|c| c == known), "{known}: {commands:?}");
    }
    let mut pages = vec![(String::from("zhengban"), zhengban(&["--help"]))];
    for c in &commands {
        pages.push((
            format!("zhengban {c} --help"),
            zhengban(&[c.as_str(), "--help"]),
        ));
        pages.push((format!("zhengban {c} -h"), zhengban(&[c.as_str(), "-h"])));
        pages.push((
            format!("zhengban help {c}"),
            zhengban(&["help", c.as_str()]),
        ));
    }
    for (what, o) in pages {
        assert_eq!(o.status.code(), Some(0), "{what}: {}", err(&o));
        let page = out(&o);
        assert!(page.contains("用法：zhengban"), "{what}:\n{page}");
        assert!(page.contains("显示本帮助"), "{what}:\n{page}");
        for e in ENGLISH {
            assert!(!page.contains(e), "{what} shows {e:?}:\n{page}");
        }
        // placeholders name what goes there in Chinese (<日期>, <汇总.xlsx>), never <PATHS>
        for placeholder in page.split('<').skip(1).filter_map(|p| p.split_once('>')) {
            assert!(
                !placeholder
                    .0
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_".contains(c)),
                "{what} shows <{}>:\n{page}",
                placeholder.0
            );
        }
    }
    let v = zhengban(&["--version"]);
    assert_eq!(
        out(&v).trim(),
        format!("zhengban {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn clap_errors_are_chinese_and_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["check", "a.xlsx", "--fromat", "json"],
            "没有选项 --fromat",
        ),
        (&["check", "a.xlsx", "--format", "yaml"], "的值“yaml”不对"),
        (&["check"], "缺少 <工作簿或文件夹>"),
        (&["check", "a.xlsx", "-j", "很多"], "的值“很多”不对"),
        (&["rule", "ZB111", "ZB112"], "多余的参数“ZB112”"),
        (&["template", "--out"], "后面要写一个值"),
        (&["help", "nothing"], "没有命令 nothing"),
    ];
    for (args, wanted) in cases {
        let o = zhengban(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = err(&o);
        assert!(e.contains(wanted), "{args:?}: {wanted:?} missing:\n{e}");
        for english in ENGLISH {
            assert!(!e.contains(english), "{args:?} shows {english:?}:\n{e}");
        }
    }
    let e = err(&zhengban(&["check", "a.xlsx", "--format", "yaml"]));
    assert!(e.contains("可以用：human、json、jsonl、text"), "{e}");
    assert!(
        e.contains("用法：zhengban check [选项] <工作簿或文件夹>..."),
        "{e}"
    );
}

#[test]
fn as_of_takes_the_date_forms_of_the_cells() {
    let book = "tests/foreign/district-education-bureau.xlsx";
    for date in [
        "2026-11-25",
        "2026/11/25",
        "2026.11.25",
        "2026年11月25日",
        "20261125",
    ] {
        let o = zhengban(&["check", book, "--as-of", date, "--format", "json"]);
        assert_eq!(o.status.code(), Some(1), "{date}: {}", err(&o));
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(json["as_of"], "2026-11-25", "{date}");
    }
    let o = zhengban(&["check", book, "--as-of", "2026-02-30"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("没有 2026-02-30 这一天"), "{}", err(&o));
    let o = zhengban(&["check", book, "--as-of", "25.11.2026"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("不是日期"), "{}", err(&o));
    assert!(
        err(&o).contains("2026年11月25日"),
        "the forms are named: {}",
        err(&o)
    );
}

#[test]
fn a_rule_is_drawn_for_a_terminal() {
    let o = zhengban(&["rule", "ZB405"]);
    assert_eq!(o.status.code(), Some(0));
    let doc = out(&o);
    assert!(
        doc.starts_with("ZB405 汇总表安装数量与明细表行数不一致（默认错误）\n"),
        "the heading in Chinese, without the code's English name: {doc}"
    );
    for heading in ["\n检查什么\n", "\n为什么\n", "\n示例\n", "\n如何修改\n"] {
        assert!(doc.contains(heading), "{heading:?} missing:\n{doc}");
    }
    assert!(
        doc.contains("\n  汇总表一个软件编号的安装数量"),
        "body indented, bold unmarked:\n{doc}"
    );
    assert!(
        !doc.contains("**") && !doc.contains('#') && !doc.contains('\x1b'),
        "{doc}"
    );
    assert!(
        doc.contains("条款引用：台账 =《软件台账管理规定》"),
        "{doc}"
    );
}

#[test]
fn a_statistics_year_is_four_digits_and_not_in_the_future() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("汇总.xlsx");
    for command in ["check", "derive", "report"] {
        let with_out = |args: &[&str]| {
            let mut a: Vec<&str> = args.to_vec();
            if command == "report" {
                a.extend(["-o", out.to_str().unwrap()]);
            }
            zhengban(&a)
        };
        for (year, says) in [("26", "四位年份"), ("2030", "在检查日期 2026-11-25 之后")]
        {
            let o = with_out(&[
                command,
                "samples/shuanglong-biao.xlsx",
                "--as-of",
                "2026-11-25",
                "--year",
                year,
            ]);
            assert_eq!(o.status.code(), Some(2), "{command} {year}: {}", err(&o));
            assert!(err(&o).contains(says), "{command} {year}: {}", err(&o));
        }
    }
    assert!(!out.exists(), "nothing written");
}

#[test]
fn outputs_are_what_their_names_say() {
    let dir = tempfile::tempdir().unwrap();
    let sample =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/shuanglong-biao.xlsx");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_zhengban"))
            .args(args)
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    // `-o -` is standard output
    let o = run(&[
        "check",
        sample.to_str().unwrap(),
        "--format",
        "json",
        "-o",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).trim_start().starts_with('{'), "{}", out(&o));
    assert!(!dir.path().join("-").exists(), "no file named -");
    // a roll-up is an xlsx (or an html page), whatever name it is given
    for (flag, name) in [("-o", "r.csv"), ("-o", "报告"), ("--html", "r.txt")] {
        let o = run(&["report", sample.to_str().unwrap(), flag, name]);
        assert_eq!(o.status.code(), Some(2), "{flag} {name}: {}", err(&o));
        assert!(err(&o).contains("文件名应以"), "{flag} {name}: {}", err(&o));
        assert!(!dir.path().join(name).exists());
    }
}

#[test]
fn exit_zero_keeps_findings_from_failing_the_run() {
    let faulty = "samples/faulty/三本台账不一致";
    let o = zhengban(&["check", faulty, "--as-of", "2026-11-25", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let o = zhengban(&[
        "check",
        faulty,
        "--as-of",
        "2026-11-25",
        "--format",
        "json",
        "--exit-zero",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("ZB405"), "the findings are still reported");
    // a failure to run is not a finding
    let o = zhengban(&["check", faulty, "--year", "26", "--exit-zero"]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
}
