//! `zhengban report`: the inspector's roll-up of many units — workbooks and folders checked
//! here, `check` JSON/JSONL shards read back — as one workbook and, with `--html`, one page.

use std::path::{Path, PathBuf};

use std::ops::ControlFlow;

use chrono::Datelike;

use super::check::{as_of, load_config};
use crate::batch::{check_batch, jobs, CheckOptions, Left, RoundState};
use crate::classify::Catalogue;
use crate::cli::ReportArgs;
use crate::ledger::roster::Listed;
use crate::ledger::{discover, discover_units, join_named, DiscoveredUnit, ReadOptions};
use crate::output::{print_stdout, OutputPolicy};
use crate::render::rollup::{html, status_line, xlsx};
use crate::rollup::from_json::{is_shard_path, read_shard, ShardError};
use crate::rollup::previous::{self, LastYear};
use crate::rollup::unit::{Provenance, UnitStatus};
use crate::rollup::{from_check, Builder, NoteLevel, Rollup, UnitEntry};
use crate::rules::Fingerprint;
use crate::{RunError, Status};

/// Notes printed on the terminal at most; all of them are in the workbook.
const NOTES_ON_SCREEN: usize = 12;

/// Run `report`.
pub fn run(args: &ReportArgs) -> Result<Status, RunError> {
    if args.output.is_none() && args.html.is_none() {
        return Err(RunError::Usage(
            "请用 -o 汇总.xlsx 指定汇总工作簿（或用 --html 汇总.html 指定 HTML 页面）".into(),
        ));
    }
    if let (Some(a), Some(b)) = (&args.output, &args.html) {
        if a == b {
            return Err(RunError::Usage(format!(
                "-o 与 --html 不能是同一个文件：{}",
                a.display()
            )));
        }
    }
    let ext = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default()
    };
    if let Some(o) = args.output.as_deref().filter(|o| ext(o).starts_with("htm")) {
        return Err(RunError::Usage(format!(
            "-o 写汇总工作簿（.xlsx）；HTML 页面请用 --html {}",
            o.display()
        )));
    }
    if let Some(h) = args.html.as_deref().filter(|h| ext(h).starts_with("xls")) {
        return Err(RunError::Usage(format!(
            "--html 写 HTML 页面；汇总工作簿请用 -o {}",
            h.display()
        )));
    }
    // a name that says another format would hold an xlsx the user cannot open as that
    if let Some(o) = args.output.as_deref().filter(|o| ext(o) != "xlsx") {
        return Err(RunError::Usage(format!(
            "-o 写的是汇总工作簿（xlsx），文件名应以 .xlsx 结尾：收到 {}（要 CSV 或 JSON，用 check --format json/jsonl）",
            crate::base::gate::terminal(&crate::base::path::shown(o))
        )));
    }
    if let Some(h) = args
        .html
        .as_deref()
        .filter(|h| !matches!(ext(h).as_str(), "html" | "htm"))
    {
        return Err(RunError::Usage(format!(
            "--html 写的是 HTML 页面，文件名应以 .html 结尾：收到 {}",
            crate::base::gate::terminal(&crate::base::path::shown(h))
        )));
    }
    let as_of = as_of(args.as_of.as_deref())?;
    let config =
        load_config(args.config.as_deref(), &args.paths)?.with_cli(&args.select, &args.ignore)?;
    let catalogue = Catalogue::with_config(&config.classification)?;
    let config_in_use = config.in_use();

    // Each argument, expanded where the shell left a wildcard (cmd.exe and PowerShell do).
    let mut shards: Vec<(usize, PathBuf)> = Vec::new();
    let mut sources: Vec<(usize, DiscoveredUnit)> = Vec::new();
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut named: Vec<PathBuf> = Vec::new();
    for (index, arg) in args.paths.iter().enumerate() {
        for path in expand(arg)? {
            named.push(path.clone());
            if path.is_file() && is_shard_path(&path) {
                inputs.push(path.clone());
                shards.push((index, path));
                continue;
            }
            // A folder of shards (and no workbooks) means its shards.
            if let Some(found) = shards_in(&path) {
                inputs.extend(found.iter().cloned());
                shards.extend(found.into_iter().map(|p| (index, p)));
                continue;
            }
            // As `check` sees it: every unit folder is a unit, even with no workbook.
            let found = discover_units(std::slice::from_ref(&path), args.unit_per_file);
            for u in found.units {
                inputs.extend(u.source.files.iter().cloned());
                inputs.extend(u.others.iter().map(|o| PathBuf::from(&*o.path)));
                sources.push((index, u));
            }
        }
    }
    if !args.unit_per_file {
        sources = join_given(sources, &named, &config.read_options());
    }
    let policy = OutputPolicy::new(args.force, &inputs);
    for out in args.output.iter().chain(&args.html) {
        policy.check(out)?;
    }

    let mut builder = Builder::new();
    let mut entries: Vec<(usize, UnitEntry)> = Vec::new();
    // the fingerprints of units read back from shards, by their entries' places
    let mut read_back: Vec<(usize, Fingerprint)> = Vec::new();
    for (index, path) in &shards {
        let info = read_shard(path, |mut e, print| {
            if let Some(print) = print {
                // compared again below, with every unit of this roll-up
                from_check::strip_across(&mut e);
                read_back.push((entries.len(), print));
            }
            entries.push((*index, e))
        })
        .map_err(|e| match e {
            ShardError::Io { source, .. } => RunError::Read {
                path: path.clone(),
                source,
            },
            other => RunError::Usage(other.to_string()),
        })?;
        for d in info.as_of {
            builder.as_of(d);
        }
        for n in info.notes {
            builder.note(n);
        }
    }
    // Shards state the year they were derived for; checking here derives that year too,
    // so that a mixed run sums one year.
    let year = args
        .year
        .map(|y| crate::commands::check::statistics_year(Some(y), as_of))
        .transpose()?
        .or_else(|| {
            entries
                .iter()
                .find_map(|(_, e)| e.statistics.as_ref().map(|s| s.year))
        })
        .unwrap_or_else(|| as_of.year());
    let opts = CheckOptions {
        as_of,
        config,
        catalogue,
        roster: crate::commands::check::roster(args.roster.as_deref())?,
    };
    let last_year = match &args.previous {
        Some(path) => Some(last_year(path, &opts, args)?),
        None => None,
    };
    let mut round = RoundState::new(&opts)
        .with_previous(last_year.as_ref().map(LastYear::prints).unwrap_or_default());
    // where each unit's entry is, in the order the round added them
    let mut positions: Vec<usize> = Vec::new();
    if !sources.is_empty() {
        builder.as_of(as_of);
        let (order, units): (Vec<usize>, Vec<DiscoveredUnit>) = sources.into_iter().unzip();
        let done: Result<(), std::convert::Infallible> = check_batch(
            &units,
            &opts,
            jobs(args.jobs),
            |_, report| {
                let left = Left::of(&report, &opts);
                (from_check::entry(&report, &opts.catalogue, year), left)
            },
            |i, (entry, left)| {
                round.add(left);
                positions.push(entries.len());
                entries.push((order[i], entry));
                ControlFlow::Continue(())
            },
        );
        let Ok(()) = done;
    }
    // units read back from check's JSON: placed on the roster as a checked unit is, by the
    // folder or workbook they came from and the name they state; those with a fingerprint
    // compared with every other unit
    let mut read_back = read_back.into_iter().peekable();
    for (at, (_, e)) in entries.iter().enumerate() {
        if e.provenance == Provenance::Checked {
            continue;
        }
        let placed = opts.roster.as_ref().and_then(|roster| {
            let found = e
                .source
                .as_deref()
                .and_then(|s| Path::new(s).file_stem())
                .and_then(|s| s.to_str())
                .unwrap_or(&e.name);
            match roster.place(found, &e.name) {
                Listed::On(on) => Some(on.index),
                _ => None,
            }
        });
        match read_back.next_if(|(p, _)| *p == at) {
            Some((_, print)) => {
                round.add(Left::read_back(print, placed));
                positions.push(at);
            }
            None => {
                if let Some(i) = placed {
                    round.claim(i);
                }
            }
        }
    }
    for (k, found) in round.across(&opts).into_iter().enumerate() {
        if let Some(&at) = positions.get(k) {
            from_check::add_across(&mut entries[at].1, &found);
        }
    }
    let comparison = last_year.as_ref().map(|last| {
        let matched = round.last_year();
        let now: Vec<_> = positions
            .iter()
            .zip(round.prints())
            .zip(matched)
            .map(|((&at, print), m)| (&entries[at].1, Some(print), m))
            .collect();
        previous::compare(&now, last, as_of)
    });
    // the roster's units that sent nothing, after all the others
    for report in round.missing(&opts) {
        entries.push((
            usize::MAX,
            from_check::entry(&report, &opts.catalogue, year),
        ));
    }
    // The first mention of a unit on the command line is the one kept.
    entries.sort_by_key(|(index, _)| *index);
    for (_, e) in entries {
        builder.add(e);
    }
    let mut rollup = builder.finish(year);
    rollup.previous = comparison;

    let mut written = Vec::new();
    if let Some(out) = &args.output {
        let opts = xlsx::XlsxOptions {
            output_dir: out.parent().map(Path::to_path_buf),
            ..Default::default()
        };
        let bytes = xlsx::render(&rollup, &opts)?;
        policy.write(out, &bytes)?;
        written.push(out.clone());
    }
    if let Some(out) = &args.html {
        let page = html::render(&rollup, out.parent());
        policy.write(out, page.as_bytes())?;
        written.push(out.clone());
    }
    if !args.quiet {
        print_stdout(crate::base::gate::terminal_lines(&summary(&rollup, &written)).as_bytes())?;
        if let Some(config) = config_in_use {
            print_stdout(format!("检查设置  {config}\n").as_bytes())?;
        }
    }
    Ok(if rollup.has_errors() {
        Status::Faults
    } else {
        Status::Clean
    })
}

/// Last year's round (`--previous`): `check`'s JSON of it (a file, or a folder of such
/// files), or a folder of its submissions, checked here as of a year before.
fn last_year(path: &Path, opts: &CheckOptions, args: &ReportArgs) -> Result<LastYear, RunError> {
    if !path.exists() {
        return Err(RunError::Usage(format!(
            "--previous：找不到 {}",
            crate::base::path::shown(path)
        )));
    }
    let mut last = LastYear {
        from: crate::base::path::shown(path),
        units: Vec::new(),
    };
    let shards = if path.is_file() {
        if !is_shard_path(path) {
            return Err(RunError::Usage(format!(
                "--previous 应是上年 zhengban check --format jsonl（或 json）的输出，或上年各单位报送的文件夹：收到 {}",
                crate::base::gate::terminal(&crate::base::path::shown(path))
            )));
        }
        Some(vec![path.to_path_buf()])
    } else {
        shards_in(path)
    };
    if let Some(shards) = shards {
        for shard in shards {
            read_shard(&shard, |e, print| last.add(e, print)).map_err(|e| match e {
                ShardError::Io { source, .. } => RunError::Read {
                    path: shard.clone(),
                    source,
                },
                other => RunError::Usage(format!("--previous：{other}")),
            })?;
        }
        return Ok(last);
    }
    // a folder of last year's submissions: checked as of a year before, without a roster
    let then = CheckOptions {
        as_of: opts.as_of - chrono::Months::new(12),
        roster: None,
        ..opts.clone()
    };
    let found = discover_units(&[path.to_path_buf()], args.unit_per_file);
    let year = then.as_of.year();
    let done: Result<(), std::convert::Infallible> = check_batch(
        &found.units,
        &then,
        jobs(args.jobs),
        |_, report| {
            let left = Left::of(&report, &then);
            (from_check::entry(&report, &then.catalogue, year), left)
        },
        |_, (entry, left)| {
            last.add(entry, left.into_print());
            ControlFlow::Continue(())
        },
    );
    let Ok(()) = done;
    Ok(last)
}

/// What the terminal shows: totals, the units that need a look beyond their errors, the
/// notes, and the files written.
fn summary(r: &Rollup, written: &[PathBuf]) -> String {
    let mut s = format!(
        "汇总：{}\n统计年度 {}：计入信息统计表 {} 个单位",
        status_line(r),
        r.year,
        r.statistics.units
    );
    if r.statistics.without_data > 0 {
        s.push_str(&format!(
            "（其中 {} 个没有台账数据）",
            r.statistics.without_data
        ));
    }
    s.push('\n');
    for status in [
        UnitStatus::Empty,
        UnitStatus::NoLedger,
        UnitStatus::Unreadable,
    ] {
        let names: Vec<&str> = r
            .units
            .iter()
            .filter(|u| u.status == status)
            .map(|u| u.name.as_str())
            .collect();
        if names.is_empty() {
            continue;
        }
        let shown: Vec<&str> = names.iter().take(20).copied().collect();
        let more = if names.len() > shown.len() {
            format!(" 等 {} 个", names.len())
        } else {
            String::new()
        };
        s.push_str(&format!("{}：{}{more}\n", status.label(), shown.join("、")));
    }
    // what only shows across units: an inspector's first questions of a round
    let across: Vec<String> = r
        .by_rule()
        .into_iter()
        .filter(|c| crate::rules::rule(&c.code).is_some_and(crate::rules::is_of_the_round))
        .map(|c| format!("{} {}：{} 个单位", c.code, c.summary, c.units))
        .collect();
    if !across.is_empty() {
        s.push_str(&format!("各单位之间：{}\n", across.join("；")));
    }
    if let Some(c) = &r.previous {
        let flagged = c
            .rows
            .iter()
            .filter(|l| l.now.is_some() && l.then.is_some() && !l.remarks.is_empty())
            .count();
        s.push_str(&format!(
            "与上年比较（{}）：今年新报送 {} 个单位，上年报送、今年没有 {} 个，{flagged} 个单位的台账与上年相比需要关注，见“{}”\n",
            c.from,
            c.new_units(),
            c.gone_units(),
            xlsx::PREVIOUS_SHEET
        ));
    }
    let mut notes: Vec<_> = r.notes.iter().collect();
    notes.sort_by_key(|n| n.level);
    for n in notes.iter().take(NOTES_ON_SCREEN) {
        let label = match n.level {
            NoteLevel::Error => "错误",
            NoteLevel::Warning => "注意",
            NoteLevel::Info => "说明",
        };
        s.push_str(&format!("{label}：{}\n", n.text));
    }
    if notes.len() > NOTES_ON_SCREEN {
        s.push_str(&format!(
            "……另有 {} 条说明，见汇总工作簿的“{}”工作表\n",
            notes.len() - NOTES_ON_SCREEN,
            xlsx::NOTES_SHEET
        ));
    }
    for w in written {
        s.push_str(&format!("已写出 {}\n", w.display()));
    }
    s
}

/// The shards directly in a folder that holds no workbook, in natural order; `None` when
/// the path is not such a folder.
fn shards_in(dir: &Path) -> Option<Vec<PathBuf>> {
    if !dir.is_dir() {
        return None;
    }
    let mut shards = Vec::new();
    for entry in std::fs::read_dir(dir).ok()? {
        let path = entry.ok()?.path();
        if path.is_file() && is_shard_path(&path) {
            shards.push(path);
        }
    }
    if shards.is_empty() {
        return None;
    }
    // Workbooks anywhere below make it a folder of units, as `check` reads it.
    let units = discover(&[dir.to_path_buf()], false).ok()?;
    if units.iter().any(|u| !u.files.is_empty()) {
        return None;
    }
    shards.sort_by(|a, b| {
        crate::ledger::natural::natural_cmp(&a.to_string_lossy(), &b.to_string_lossy())
    });
    Some(shards)
}

/// A command-line path, or the files a wildcard in its last component matches (sorted).
fn expand(arg: &Path) -> Result<Vec<PathBuf>, RunError> {
    if arg.exists() {
        return Ok(vec![arg.to_path_buf()]);
    }
    let missing = || RunError::Usage(format!("找不到 {}", arg.display()));
    let Some(pattern) = arg.file_name().and_then(|n| n.to_str()) else {
        return Err(missing());
    };
    if !pattern.contains(['*', '?']) {
        return Err(missing());
    }
    let dir = match arg.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(read) = std::fs::read_dir(&dir) else {
        return Err(missing());
    };
    let mut out: Vec<PathBuf> = read
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|name| wildcard(pattern, name))
        })
        .map(|e| match arg.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.join(e.file_name()),
            _ => PathBuf::from(e.file_name()),
        })
        .collect();
    if out.is_empty() {
        return Err(RunError::Usage(format!(
            "没有与 {} 匹配的文件",
            arg.display()
        )));
    }
    out.sort_by(|a, b| {
        crate::ledger::natural::natural_cmp(&a.to_string_lossy(), &b.to_string_lossy())
    });
    Ok(out)
}

/// `*` and `?` over characters, case-insensitively for ASCII as Windows names are.
fn wildcard(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().map(|c| c.to_ascii_lowercase()).collect();
    let n: Vec<char> = name.chars().map(|c| c.to_ascii_lowercase()).collect();
    // Greedy matching with one backtrack point for the last `*`: linear, no recursion.
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

/// The workbooks named together that are one unit's parts, joined (as `check` joins them);
/// a joined unit keeps the place of its first file's argument.
fn join_given(
    sources: Vec<(usize, DiscoveredUnit)>,
    named: &[PathBuf],
    opts: &ReadOptions,
) -> Vec<(usize, DiscoveredUnit)> {
    let place: Vec<(PathBuf, usize)> = sources
        .iter()
        .filter_map(|(i, u)| u.source.files.first().map(|f| (f.clone(), *i)))
        .collect();
    let (indices, units): (Vec<usize>, Vec<DiscoveredUnit>) = sources.into_iter().unzip();
    let found = crate::ledger::discover::Discovery {
        units,
        skipped: Vec::new(),
    };
    let joined = join_named(found, named, opts);
    if joined.units.len() == indices.len() {
        return indices.into_iter().zip(joined.units).collect();
    }
    joined
        .units
        .into_iter()
        .map(|u| {
            let at = u
                .source
                .files
                .first()
                .and_then(|f| place.iter().find(|(p, _)| p == f))
                .map_or(0, |(_, i)| *i);
            (at, u)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard("shard-*.jsonl", "shard-12.jsonl"));
        assert!(wildcard("shard-*.jsonl", "SHARD-1.JSONL"));
        assert!(!wildcard("shard-*.jsonl", "shard-1.json"));
        assert!(wildcard("?号*", "一号单位"));
        assert!(wildcard("*", ""));
        assert!(!wildcard("a*b*c", "abca"));
        assert!(wildcard("a*b*c", "aXbYbc"));
    }
}
