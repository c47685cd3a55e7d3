//! `zhengban sample`: draw the computers an inspector checks by hand (随机抽检) from one
//! unit's usage ledger, stratified by department and repeatable by its seed, and write the
//! form to fill at each desk, which `reconcile` reads back.

use std::path::PathBuf;

use crate::base::gate;
use crate::base::path::shown;
use crate::cli::SampleArgs;
use crate::commands::check::load_config;
use crate::derive::sample::Ratio;
use crate::derive::spot_check::{computers, form, Draw, NO_DEPARTMENT};
use crate::ledger::{read_discovered, units_named};
use crate::output::{print_stdout, OutputPolicy};
use crate::{RunError, Status};

/// The form's file when `-o` is not given.
const DEFAULT_OUTPUT: &str = "抽查登记表.xlsx";

/// Run `sample`.
pub fn run(args: &SampleArgs) -> Result<Status, RunError> {
    let ratio = Ratio::parse(&args.ratio).map_err(|e| RunError::Usage(format!("--ratio：{e}")))?;
    // today's date as a number (20261208): printed on the form and here, so the draw can be
    // repeated, and different from one inspection day to the next
    let (seed, dated) = match args.seed {
        Some(seed) => (seed, false),
        None => (today_seed(), true),
    };
    let paths = std::slice::from_ref(&args.unit);
    let config = load_config(args.config.as_deref(), paths)?;
    if std::fs::symlink_metadata(&args.unit).is_err() {
        return Err(RunError::Usage(format!("找不到 {}", shown(&args.unit))));
    }
    let found = units_named(paths, false, &config.read_options());
    let [unit] = found.units.as_slice() else {
        return Err(RunError::Usage(format!(
            "sample 一次抽查一个单位：{} 里有 {} 个单位，请给出其中一个的工作簿或文件夹",
            shown(&args.unit),
            found.units.len()
        )));
    };
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(DEFAULT_OUTPUT));
    let policy = OutputPolicy::new(args.force, &unit.source.files);
    // refused before reading and drawing, as the other commands do
    policy.check(&output)?;
    let (read, _) = read_discovered(unit, &config.read_options());
    let total = computers(&read).len();
    if total == 0 {
        return Err(RunError::Usage(format!(
            "{} 的软件使用情况明细表中没有计算机编号，无法抽查",
            shown(&args.unit)
        )));
    }
    let drawn = form(
        &read,
        Draw {
            ratio,
            min: args.min,
            seed,
        },
    );
    let bytes = crate::templates::spot_check::build(&drawn)?;
    policy.write(&output, &bytes)?;

    let mut text = format!(
        "从 {total} 台计算机中按部门分层抽取了 {} 台（比例 {}，至少 {} 台）：\n",
        drawn.computers.len(),
        ratio.percent(),
        args.min
    );
    for c in &drawn.computers {
        let department = if c.department.is_empty() {
            NO_DEPARTMENT
        } else {
            &c.department
        };
        text.push_str(&format!(
            "  {}  {}  {}\n",
            c.number,
            department,
            if c.user.is_empty() { "—" } else { &c.user }
        ));
    }
    let how = if dated { "（今天的日期）" } else { "" };
    text.push_str(&format!(
        "随机种子：{seed}{how}。用同一个种子可重抽同样的计算机：zhengban sample {} --ratio {} --min {} --seed {seed}\n",
        shown(&args.unit),
        ratio.percent(),
        args.min
    ));
    text.push_str(&format!(
        "已写出抽查登记表：{}。打印后逐台检查，在“实际安装”列选“是”或“否”，未登记的软件写在每台下面的空行里；\
         填好后用 zhengban reconcile {} {} 核对\n",
        shown(&output),
        shown(&args.unit),
        shown(&output)
    ));
    print_stdout(gate::terminal_lines(&text).as_bytes())?;
    Ok(Status::Clean)
}

/// Today as the number a clerk reads as a date: 2026-12-08 is 20261208.
fn today_seed() -> u64 {
    let today = chrono::Local::now().date_naive();
    today.format("%Y%m%d").to_string().parse().unwrap_or(0)
}
