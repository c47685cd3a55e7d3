//! Drop mode (`zhengban <FILE|FOLDER>...`, cli.md) end to end, as a clerk's desktop calls it:
//! paths with spaces and Chinese, the annotated copy and the HTML report written beside each
//! input, a second drop adding a counter instead of replacing anything, the input's bytes
//! unchanged; the first-run message without arguments; cell text escaped in the HTML.

mod support;

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use support::{Book, SUMMARY};

fn hash(path: &Path) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    std::fs::read(path).unwrap().hash(&mut h);
    h.finish()
}

/// Run the binary as a desktop would: no terminal, `ZHENGBAN_PAUSE=1` as the desktop file
/// sets it (with standard input not a terminal the program must not wait).
fn drop_on(dir: &Path, paths: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args(paths)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("ZHENGBAN_PAUSE", "1")
        .env_remove("COLUMNS")
        .stdin(Stdio::null())
        .output()
        .expect("run zhengban")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    v.sort();
    v
}

#[test]
fn dropped_files_get_a_copy_and_a_report_beside_them_and_nothing_is_replaced() {
    let work = tempfile::tempdir().unwrap();
    let desk = work.path().join("桌面 文件");
    std::fs::create_dir(&desk).unwrap();
    let book = desk.join("区教育局 台账 2026.xlsx");
    std::fs::copy("tests/foreign/district-education-bureau.xlsx", &book).unwrap();
    let folder = work.path().join("超装与OEM填价");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(
        "samples/faulty/超装与OEM填价/超装与OEM填价.xlsx",
        folder.join("超装与OEM填价.xlsx"),
    )
    .unwrap();
    let before = (hash(&book), hash(&folder.join("超装与OEM填价.xlsx")));

    // An unrelated directory as the working directory, as when Explorer starts the program.
    let o = drop_on(work.path(), &[&book, &folder]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let out = text(&o);
    for wanted in [
        "━━ 某区教育局 ━━ 错误 5",
        "错误 ZB405 表5 › M8：安装数量 5",
        "已写出：",
        "批注副本",
        "检查报告",
        "原文件没有被修改",
    ] {
        assert!(out.contains(wanted), "{wanted:?} missing:\n{out}");
    }
    assert!(!out.contains("按回车键"), "no terminal: no pause\n{out}");
    assert_eq!(
        names(&desk),
        [
            "区教育局 台账 2026.xlsx",
            "区教育局 台账 2026.诊断.html",
            "区教育局 台账 2026.诊断.xlsx",
        ]
    );
    assert_eq!(
        names(&folder),
        [
            "超装与OEM填价.xlsx",
            "超装与OEM填价.诊断.html",
            "超装与OEM填价.诊断.xlsx",
        ]
    );
    let first_copy = hash(&desk.join("区教育局 台账 2026.诊断.xlsx"));
    let first_page = hash(&desk.join("区教育局 台账 2026.诊断.html"));
    let page = std::fs::read_to_string(desk.join("区教育局 台账 2026.诊断.html")).unwrap();
    assert!(page.contains("<h1>某区教育局</h1>"));
    assert!(page.contains("ZB405") && page.contains("安装数量 5"));
    assert!(!page.contains("<script"), "no scripts");
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "no network"
    );

    // A second drop: a counter, never a replacement.
    let o = drop_on(work.path(), &[&book]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert_eq!(
        names(&desk),
        [
            "区教育局 台账 2026.xlsx",
            "区教育局 台账 2026.诊断 (2).html",
            "区教育局 台账 2026.诊断 (2).xlsx",
            "区教育局 台账 2026.诊断.html",
            "区教育局 台账 2026.诊断.xlsx",
        ]
    );
    assert!(text(&o).contains("区教育局 台账 2026.诊断 (2).xlsx"));
    assert_eq!(hash(&desk.join("区教育局 台账 2026.诊断.xlsx")), first_copy);
    assert_eq!(hash(&desk.join("区教育局 台账 2026.诊断.html")), first_page);
    assert_eq!(
        (hash(&book), hash(&folder.join("超装与OEM填价.xlsx"))),
        before,
        "inputs unchanged"
    );
}

#[test]
fn a_clean_workbook_says_so() {
    let work = tempfile::tempdir().unwrap();
    let book = work.path().join("双龙镇.xlsx");
    std::fs::copy("samples/shuanglong-national.xlsx", &book).unwrap();
    let o = drop_on(work.path(), &[&book]);
    let out = text(&o);
    // The sample is clean on its check date; today some license may be near its end, so
    // only errors are ruled out.
    assert_ne!(o.status.code(), Some(2), "{out}");
    assert!(out.contains("━━ 丰都县双龙镇人民政府 ━━"), "{out}");
    assert!(work.path().join("双龙镇.诊断.html").is_file());
}

#[test]
fn a_missing_path_is_named_and_a_typo_of_a_command_explained() {
    let work = tempfile::tempdir().unwrap();
    let sample = work.path().join("台账.xlsx");
    std::fs::copy("samples/shuanglong-biao.xlsx", &sample).unwrap();
    // a mistyped command: asked about, nothing written, exit 2
    let o = drop_on(work.path(), &[Path::new("chek"), &sample]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("是不是要用 check？"), "{err}");
    assert!(
        err.contains("derive") && err.contains("report"),
        "every command: {err}"
    );
    assert_eq!(names(work.path()), ["台账.xlsx"], "nothing written");
    // a word far from any command is a missing file, named with the commands there are
    let o = drop_on(work.path(), &[Path::new("zzzzzzzz")]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("找不到 zzzzzzzz"), "{err}");
    assert!(err.contains("命令有 check、"), "{err}");
    // a named input missing beside a good one: the good one is checked, the run fails
    let o = drop_on(work.path(), &[&sample, Path::new("不存在.xlsx")]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("找不到 不存在.xlsx"), "{}", text(&o));
    assert!(names(work.path()).iter().any(|n| n.ends_with(".诊断.xlsx")));
}

#[test]
fn without_arguments_it_says_what_to_do() {
    let o = Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    for wanted in [
        "拖到 zhengban 程序图标上",
        "台账.诊断.xlsx",
        "zhengban check 台账.xlsx",
        "zhengban rule ZB405",
        "zhengban template",
    ] {
        assert!(out.contains(wanted), "{wanted:?} missing:\n{out}");
    }
    assert!(!out.contains("Usage") && !out.contains("error"), "{out}");
    assert!(o.stderr.is_empty());
}

#[test]
fn markup_in_a_cell_shows_as_text_in_the_report() {
    let work = tempfile::tempdir().unwrap();
    let path: PathBuf = work.path().join("脚本.xlsx");
    // Over-deployed RJ002 (ZB111 on its row), whose name is markup.
    let mut b = Book::clean();
    b.set(SUMMARY, "I7", "#2").set("RJ002", "G6", "#2").set(
        SUMMARY,
        "L7",
        "<script>alert('序列号')</script>",
    );
    b.write(&path);
    let o = drop_on(work.path(), &[&path]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let page = std::fs::read_to_string(work.path().join("脚本.诊断.html")).unwrap();
    assert!(!page.contains("<script"), "markup must be escaped");
    assert!(
        page.contains("&lt;script&gt;alert(&#39;序列号&#39;)&lt;/script&gt;"),
        "shown as text"
    );
}

/// The section of the page about the first diagnostic of `code`, up to the next one.
fn section<'a>(page: &'a str, code: &str) -> &'a str {
    let start = page
        .find(&format!("<span class=\"code\">{code}</span>"))
        .unwrap_or_else(|| panic!("{code} not on the page"));
    let end = page[start..].find("</section>").unwrap() + start;
    &page[start..end]
}

/// Drop mode says when `zhengban derive` can write the figures the findings are about, with
/// the command for the file, what to correct first when derive would refuse, and nothing
/// when no finding is about a derived figure; the command it gives does the job.
#[test]
fn the_report_names_the_derive_command_when_it_applies() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    for (from, to) in [
        (
            "samples/faulty/统计表与表单/统计表与表单.xlsx",
            "统计表.xlsx",
        ),
        (
            "samples/faulty/超装与OEM填价/超装与OEM填价.xlsx",
            "超装.xlsx",
        ),
        (
            "tests/foreign/district-education-bureau.xlsx",
            "区教育局台账.xlsx",
        ),
    ] {
        std::fs::copy(from, dir.join(to)).unwrap();
    }
    let drop_one = |name: &str| {
        let o = drop_on(
            dir,
            &[
                Path::new(name),
                Path::new("--as-of"),
                Path::new("2026-11-25"),
            ],
        );
        assert_eq!(o.status.code(), Some(1), "{}", text(&o));
        let page = name.replace(".xlsx", ".诊断.html");
        (text(&o), std::fs::read_to_string(dir.join(page)).unwrap())
    };

    // ZB414 and ZB415 on values the clerk typed, nothing in derive's way
    let (out, page) = drop_one("统计表.xlsx");
    let said = "信息统计表、采购计划表的合计与共计可以由程序按台账推算填写（写出补填副本，原文件不变），运行：";
    let command = "zhengban derive 统计表.xlsx --overwrite-derived";
    assert!(out.contains(said), "{out}");
    // the command on a line of its own, to be copied whole
    assert!(out.contains(&format!("\n     {command}\n")), "{out}");
    assert!(page.contains(said) && page.contains(&format!("<code>{command}</code>")));
    // ZB403 stops derive: it is named first
    let (out, page) = drop_one("区教育局台账.xlsx");
    let said = "：先改正 ZB403 指出的问题，再运行：";
    let command = "zhengban derive 区教育局台账.xlsx --overwrite-derived";
    assert!(out.contains(said) && out.contains(command), "{out}");
    assert!(page.contains(said) && page.contains(command), "{page}");
    // over-deployment and OEM prices are no derived figures
    let (out, page) = drop_one("超装.xlsx");
    assert!(!out.contains("zhengban derive"), "{out}");
    assert!(!page.contains("zhengban derive"), "{page}");

    // the command, as given, writes the figures: checking its copy finds none of them wrong
    let o = Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args([
            "derive",
            "统计表.xlsx",
            "--overwrite-derived",
            "--as-of",
            "2026-11-25",
        ])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args(["check", "统计表.补填.xlsx", "--as-of", "2026-11-25"])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let after = text(&o);
    assert!(
        !after.contains("[ZB414]") && !after.contains("[ZB415]"),
        "{after}"
    );
}

/// The page explains each rule that spoke (the text of `zhengban rule`, tables as tables)
/// instead of sending the clerk to a command, and shows a cell of the statistics table under
/// the sheet's own two header rows, a merged header drawn once across its columns.
#[test]
fn the_page_explains_its_rules_and_shows_the_headers_of_a_cell() {
    let work = tempfile::tempdir().unwrap();
    let book = work.path().join("区教育局台账.xlsx");
    std::fs::copy("tests/foreign/district-education-bureau.xlsx", &book).unwrap();
    let o = drop_on(work.path(), &[&book]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let page = std::fs::read_to_string(work.path().join("区教育局台账.诊断.html")).unwrap();
    assert!(!page.contains("zhengban rule"), "no command to type");
    for code in ["ZB403", "ZB405", "ZB410", "ZB414", "ZB415"] {
        let doc = format!("<details class=\"ruledoc\" id=\"rule-{code}\">");
        assert_eq!(page.matches(&doc).count(), 1, "{code} explained once");
        assert!(
            page.contains(&format!("href=\"#rule-{code}\"")),
            "{code} linked"
        );
    }
    assert!(page.contains("<h4>检查什么</h4>") && page.contains("<h4>如何修改</h4>"));
    // ZB403's example is a Markdown table
    assert!(page.contains("<th>计算机编号</th>"), "tables drawn");

    // D16 of 表3: 四、本年度软件采购, under 软件属性 (A14:A15), 办公软件 (D14:E14) and
    // the 许可数 / 金额 row
    let stats = section(&page, "ZB414");
    let excerpt = &stats[stats.find("<table").unwrap()..stats.find("</table>").unwrap()];
    assert!(
        excerpt.contains("<th rowspan=\"2\">软件属性</th>"),
        "{excerpt}"
    );
    assert!(
        excerpt.contains("<th colspan=\"2\">办公软件</th>"),
        "{excerpt}"
    );
    assert_eq!(excerpt.matches("办公软件").count(), 1, "{excerpt}");
    assert!(excerpt.contains("<th>许可数（个）</th>"), "{excerpt}");
    assert!(excerpt.contains("<th>金额（万元）</th>"), "{excerpt}");
    assert!(excerpt.contains("<td class=\"hit\">5</td>"), "{excerpt}");
    // a list row: the list's header over the row
    let list = section(&page, "ZB405");
    assert!(
        list.contains("<th>软件编号</th>") && list.contains("<th>安装数量</th>"),
        "{list}"
    );
}

/// A blank template has one error (ZB010) and many warnings: the error is listed first,
/// never behind "…… 另有".
#[test]
fn errors_come_first_in_the_summary() {
    let work = tempfile::tempdir().unwrap();
    let made = Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args(["template", "-o"])
        .arg(work.path())
        .output()
        .unwrap();
    assert_eq!(made.status.code(), Some(0));
    let blank = work.path().join("正版软件管理台账模板.xlsx");
    let o = drop_on(work.path(), &[&blank]);
    let t = text(&o);
    let first = t
        .lines()
        .find(|l| {
            l.starts_with("   错误 ") || l.starts_with("   警告 ") || l.starts_with("   提示 ")
        })
        .unwrap_or_default();
    assert!(first.starts_with("   错误 ZB010"), "{t}");
    assert!(
        t.contains("另有") && t.contains("（警告"),
        "the rest counted by severity: {t}"
    );
}

/// The desktop entry offers to open only what the program reads (xlsx, xlsm, xls, ods and
/// folders; WPS registers its own names for xlsx and xls) — never WPS's .et.
#[test]
fn the_desktop_entry_offers_only_files_we_read() {
    let entry = std::fs::read_to_string("packaging/zhengban.desktop").unwrap();
    let types = entry
        .lines()
        .find_map(|l| l.strip_prefix("MimeType="))
        .expect("a MimeType line");
    for t in types.split(';').filter(|t| !t.is_empty()) {
        assert!(
            [
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.ms-excel",
                "application/vnd.ms-excel.sheet.macroEnabled.12",
                "application/vnd.oasis.opendocument.spreadsheet",
                "application/wps-office.xlsx",
                "application/wps-office.xls",
                "inode/directory",
            ]
            .contains(&t),
            "the desktop entry offers {t}, which zhengban cannot read"
        );
    }
}

/// A workbook open in Excel or WPS has a lock file beside it (`~$` in place of the first two
/// characters of a long name): dropping the workbook warns that unsaved changes were not
/// checked; dropping the lock file itself says what it is and which workbook to check.
#[test]
fn a_lock_file_beside_a_workbook_is_explained() {
    let d = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir("tests/fixtures/locked").unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, d.path().join(f.file_name().unwrap())).unwrap();
    }
    let book = d.path().join("丰都县双龙镇软件台账.xlsx");
    let lock = d.path().join("~$县双龙镇软件台账.xlsx");
    let out = drop_on(d.path(), &[&book]);
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert!(shown.contains("警告 ZB014"), "{shown}");

    let out = zhengban_check(d.path(), &lock);
    assert_eq!(out.status.code(), Some(1));
    let shown = text(&out);
    assert!(
        shown.contains(
            "不是台账，是 Excel 或 WPS 打开 丰都县双龙镇软件台账.xlsx 时生成的临时锁定文件"
        ),
        "{shown}"
    );
    assert!(
        !shown.contains("ZB014"),
        "the lock alone is no open workbook: {shown}"
    );

    // LibreOffice's lock, and Excel's for a short name
    let d = tempfile::tempdir().unwrap();
    std::fs::copy(&book, d.path().join("台账.xlsx")).unwrap();
    std::fs::write(
        d.path().join(".~lock.台账.xlsx#"),
        "张三,zhangsan,pc,07.12.2026 10:00,file:///home/zhangsan/.config/libreoffice/4;",
    )
    .unwrap();
    let out = zhengban_check(d.path(), &d.path().join("台账.xlsx"));
    assert!(text(&out).contains("ZB014"), "{}", text(&out));
    std::fs::remove_file(d.path().join(".~lock.台账.xlsx#")).unwrap();
    std::fs::write(d.path().join("~$台账.xlsx"), b"\x06zhangsan").unwrap();
    let out = zhengban_check(d.path(), &d.path().join("台账.xlsx"));
    assert!(text(&out).contains("ZB014"), "{}", text(&out));
}

fn zhengban_check(dir: &Path, path: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args(["check", "--as-of", "2026-11-25", "--format", "text"])
        .arg(path)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// A folder the test cannot write into (a write-protected stick, as the clerk has it):
/// `chattr +i` for root, whom permissions do not stop; mode 555 for anyone else. Undone
/// when dropped, so the temporary folder can go.
struct ReadOnly(PathBuf);

impl ReadOnly {
    fn new(dir: &Path) -> ReadOnly {
        let root = Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
        if root {
            let ok = Command::new("chattr").arg("+i").arg(dir).status();
            assert!(ok.is_ok_and(|s| s.success()), "chattr +i {dir:?}");
        } else {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        }
        assert!(
            std::fs::write(dir.join("probe"), b"x").is_err(),
            "{dir:?} is still writable"
        );
        ReadOnly(dir.to_path_buf())
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
    }
}

/// A workbook in a folder that cannot be written (a USB stick, a mail client's attachment
/// folder): the copy and the report go to the clerk's 文档 folder, and the summary says
/// where; the workbook's folder is left as it was.
#[test]
fn a_read_only_folder_sends_the_copies_to_the_documents_folder() {
    let d = tempfile::tempdir().unwrap();
    let home = d.path().join("home");
    std::fs::create_dir_all(home.join(".config")).unwrap();
    std::fs::create_dir_all(home.join("我的文档")).unwrap();
    // the desktop's own names, as xdg-user-dirs writes them
    std::fs::write(
        home.join(".config/user-dirs.dirs"),
        "XDG_DESKTOP_DIR=\"$HOME/桌面\"\nXDG_DOCUMENTS_DIR=\"$HOME/我的文档\"\n",
    )
    .unwrap();
    let stick = d.path().join("U盘");
    std::fs::create_dir_all(&stick).unwrap();
    let book = stick.join("区教育局台账.xlsx");
    std::fs::copy("tests/foreign/district-education-bureau.xlsx", &book).unwrap();
    let guard = ReadOnly::new(&stick);
    let out = Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .arg(&book)
        .args(["--as-of", "2026-11-25"])
        .env("NO_COLOR", "1")
        .env("HOME", &home)
        .env_remove("XDG_CONFIG_HOME")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    drop(guard);
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains("原文件所在的文件夹不能写入（没有权限），写到了“文档”文件夹"),
        "{shown}"
    );
    assert_eq!(
        names(&home.join("我的文档")),
        vec!["区教育局台账.诊断.html", "区教育局台账.诊断.xlsx"]
    );
    assert_eq!(names(&stick), vec!["区教育局台账.xlsx"]);
}

/// A blank template dropped: the one error (the ledgers are empty) is not buried under the
/// template's warnings — the summary shows it first, the page opens with it.
#[test]
fn errors_come_first_in_the_summary_and_on_the_page() {
    let d = tempfile::tempdir().unwrap();
    let book = d.path().join("模板.xlsx");
    std::fs::copy("templates-xlsx/正版软件管理台账模板.xlsx", &book).unwrap();
    let out = drop_on(d.path(), &[&book]);
    let shown = text(&out);
    let first = shown
        .lines()
        .find(|l| l.contains(" ZB"))
        .unwrap_or_default();
    assert!(first.contains("错误 ZB010"), "{shown}");
    let page = std::fs::read_to_string(d.path().join("模板.诊断.html")).unwrap();
    let top = page.find("先改这些：错误 1 条").expect("the errors on top");
    let link = page[top..].find("ZB010").unwrap();
    assert!(
        top + link < page.find("ZB005").unwrap(),
        "ZB010 before any warning"
    );
}
