//! `zhengban convert`: ledgers out as normalised data (JSON, jsonl, CSV), and normalised data
//! — or a workbook in a local layout — into the official templates (xlsx). A batch gives one
//! document per unit, never one unit's tables mixed with another's. The computers'
//! inventories (a file, or a folder of them) give a drafted ledger (`crate::draft`), its
//! blanks for the clerk highlighted in the workbook.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::base::gate;
use crate::classify::Catalogue;
use crate::cli::{ConvertArgs, ConvertFormat};
use crate::inventory::Inventory;
use crate::ledger::{discover_units, read_unit, Unit, UnitSource};
use crate::normalised::{self, ToFill, UnitData};
use crate::output::{print_stdout, OutputPolicy};
use crate::render::csv::unit_csv;
use crate::render::normalised::unit_data;
use crate::schema::TableKind;
use crate::{RunError, Status};

/// Normalised data larger than this is refused rather than read into memory.
const MAX_JSON_BYTES: u64 = 1 << 30;

/// The units to convert, as normalised data, and what was read to get them.
struct Input {
    units: Vec<UnitData>,
    /// A file or folder name per unit, for outputs written one per unit.
    names: Vec<String>,
    /// Whether the input is a batch (several units, or a JSON array): then every output
    /// is per unit even when only one unit came out.
    batch: bool,
    /// Files read (never to be replaced by an output).
    files: Vec<PathBuf>,
    /// Whether some file could not be read.
    faults: bool,
    /// For a ledger drafted from inventories: the blanks the clerk is to fill in.
    to_fill: Option<ToFill>,
}

/// Convert the unit or units at `args.path`.
pub fn run(args: &ConvertArgs) -> Result<Status, RunError> {
    if !args.path.exists() {
        return Err(RunError::Usage(format!("找不到 {}", args.path.display())));
    }
    let input = if let Some(inventories) = inventories(&args.path) {
        draft(args, inventories)?
    } else if is_normalised_data(&args.path) {
        read_data(&args.path)?
    } else {
        read_workbooks(args)?
    };
    let policy = OutputPolicy::new(args.force, &input.files);
    let mut faults = input.faults;
    match args.to {
        ConvertFormat::Json | ConvertFormat::Jsonl => write_json(args, &input, &policy)?,
        ConvertFormat::Csv => write_csv(args, &input, &policy)?,
        ConvertFormat::Xlsx => faults |= write_xlsx(args, &input, &policy)?,
    }
    Ok(if faults {
        Status::Faults
    } else {
        Status::Clean
    })
}

/// A `.json` / `.jsonl` file, or any file whose text starts like JSON.
fn is_normalised_data(path: &Path) -> bool {
    if !path.is_file() {
        return false;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if matches!(ext.as_str(), "json" | "jsonl" | "ndjson") {
        return true;
    }
    let mut head = [0u8; 64];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let text = String::from_utf8_lossy(&head[..n]);
    let start = text.trim_start_matches('\u{FEFF}').trim_start();
    start.starts_with('{') || start.starts_with('[')
}

fn read_data(path: &Path) -> Result<Input, RunError> {
    let read = |source| RunError::Read {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read)?.len();
    if size > MAX_JSON_BYTES {
        return Err(RunError::Usage(format!(
            "{} 有 {} MB，超过规范化数据的上限 {} MB；请按单位分成几个文件（jsonl 可按行切分）",
            path.display(),
            size >> 20,
            MAX_JSON_BYTES >> 20
        )));
    }
    let bytes = std::fs::read(path).map_err(read)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        RunError::Usage(format!(
            "{} 不是 UTF-8 编码的文本；规范化数据应为 UTF-8 编码的 JSON",
            path.display()
        ))
    })?;
    let units = normalised::parse(&text).map_err(|source| RunError::Import {
        path: path.to_path_buf(),
        source,
    })?;
    let batch = units.len() > 1
        || text
            .trim_start_matches('\u{FEFF}')
            .trim_start()
            .starts_with('[');
    let names = distinct_names(units.iter().map(|u| u.unit.as_str()));
    Ok(Input {
        names,
        units,
        batch,
        files: vec![path.to_path_buf()],
        faults: false,
        to_fill: None,
    })
}

/// The inventories at `path`, told by content, when that is what it holds: a file an inventory
/// reader reads (and no normalised data), or a folder of such files with no workbook and no
/// subfolder in it (a folder of ledgers, or of units, stays a ledger). Each file read, and
/// why each other file of the folder was not.
fn inventories(path: &Path) -> Option<(Vec<Inventory>, Vec<crate::inventory::InventoryError>)> {
    if path.is_dir() {
        let entries: Vec<PathBuf> = std::fs::read_dir(path)
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        if entries
            .iter()
            .any(|p| p.is_dir() || crate::ledger::is_workbook_path(p))
        {
            return None;
        }
        let (found, errors) = crate::inventory::read_folder(path);
        return (!found.is_empty()).then_some((found, errors));
    }
    if !path.is_file() || crate::ledger::is_workbook_path(path) {
        return None;
    }
    // osquery and GLPI write JSON too: normalised data is the JSON that parses as such
    if is_normalised_data(path) {
        let size = std::fs::metadata(path).ok()?.len();
        if size > crate::inventory::MAX_INVENTORY_BYTES {
            return None;
        }
        let text = std::fs::read_to_string(path).ok()?;
        if normalised::parse(&text).is_ok() {
            return None;
        }
    }
    let found = crate::inventory::read_inventories(path).ok()?;
    (!found.is_empty()).then_some((found, Vec::new()))
}

/// A ledger drafted from the computers' inventories, as the one unit to convert.
fn draft(
    args: &ConvertArgs,
    (inventories, errors): (Vec<Inventory>, Vec<crate::inventory::InventoryError>),
) -> Result<Input, RunError> {
    let config = crate::commands::check::load_config(None, std::slice::from_ref(&args.path))?;
    let catalogue = Catalogue::with_config(&config.classification)?;
    for e in &errors {
        warn(&format!("zhengban：{e}，没有计入草稿"));
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for source in inventories.iter().flat_map(|i| &i.sources) {
        let file = PathBuf::from(&**source);
        if !files.contains(&file) {
            files.push(file);
        }
    }
    let made = crate::draft::draft(&inventories, &catalogue);
    for left in &made.left_out {
        warn(&format!("zhengban：{left}"));
    }
    let mut unit = made.unit;
    unit.files = files.iter().map(|f| f.display().to_string()).collect();
    if args.to == ConvertFormat::Xlsx {
        let computers = unit.usage.as_ref().map_or(0, |u| {
            let mut names: Vec<&Option<String>> = u.rows.iter().map(|r| &r.computer).collect();
            names.dedup();
            names.len()
        });
        let products = unit.summary.as_ref().map_or(0, |s| s.rows.len());
        eprintln!(
            "{}",
            gate::terminal_lines(&format!(
                "zhengban：按 {} 个清单文件起草台账：{computers} 台计算机，{products} 个软件；黄色格 {} 处只有单位自己知道，请填写后再用 zhengban check 检查",
                files.len(),
                made.to_fill.len()
            ))
        );
    }
    Ok(Input {
        units: vec![unit],
        names: vec!["台账草稿".into()],
        batch: false,
        files,
        faults: !errors.is_empty(),
        to_fill: Some(made.to_fill),
    })
}

fn read_workbooks(args: &ConvertArgs) -> Result<Input, RunError> {
    if let Err(source) = std::fs::metadata(&args.path) {
        return Err(RunError::Read {
            path: args.path.clone(),
            source,
        });
    }
    let discovery = discover_units(std::slice::from_ref(&args.path), args.unit_per_file);
    let sources: Vec<UnitSource> = discovery.units.iter().map(|u| u.source.clone()).collect();
    // Outputs per unit are named for the file or folder the unit came from, which is how the
    // inspector knows the submission (several units may state the same 单位名称).
    let mut input = Input {
        names: distinct_names(sources.iter().map(|s| s.label.as_str())),
        units: Vec::new(),
        batch: sources.len() > 1,
        // Nothing the user gave is replaced: the workbooks, and the CSVs, scans and PDFs
        // beside them.
        files: discovery
            .units
            .iter()
            .flat_map(|u| {
                u.source
                    .files
                    .iter()
                    .cloned()
                    .chain(u.others.iter().map(|o| PathBuf::from(&*o.path)))
            })
            .collect(),
        faults: false,
        to_fill: None,
    };
    for unit in &discovery.units {
        if unit.source.files.is_empty() {
            warn(&format!(
                "zhengban：{}：没有找到可读取的工作簿（xlsx、xlsm、xls、ods），这个单位没有可转换的台账",
                unit.path.display()
            ));
            input.faults = true;
        }
    }
    let with_cells =
        args.with_cells && matches!(args.to, ConvertFormat::Json | ConvertFormat::Jsonl);
    // One unit at a time: its cell grids are dropped before the next is read.
    for source in &sources {
        let unit = read_unit(source);
        for (file, err) in &unit.unreadable {
            warn(&format!("zhengban：{file}: {err}"));
            input.faults = true;
        }
        if args.to == ConvertFormat::Xlsx {
            for loss in losses(&unit) {
                warn(&format!("zhengban：{}：{loss}", source.label));
            }
        }
        input.units.push(unit_data(&unit, with_cells));
    }
    Ok(input)
}

/// What a workbook holds that its normalised data — and so a workbook written from it —
/// does not: told on the way to a new layout, so nothing is lost without a word.
fn losses(unit: &Unit) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(first) = unit.invalid_values.first() {
        out.push(format!(
            "{} 个值读不懂（如 {} › {} “{}”），新工作簿中这些格是空的；用 zhengban check 查看 ZB006",
            unit.invalid_values.len(),
            first.cell.sheet,
            first.cell.a1(),
            first.raw
        ));
    }
    let doubles = unit
        .usages
        .iter()
        .flat_map(|u| u.rows.iter().map(|r| r.kind.ticked.len()))
        .chain(
            unit.maintenance
                .iter()
                .flat_map(|m| m.events.iter().map(|e| e.action.ticked.len())),
        )
        .filter(|n| *n > 1)
        .count();
    if doubles > 0 {
        out.push(format!(
            "{doubles} 行勾选了不止一项（软件类型或安装/卸载），新工作簿中这些行不勾选"
        ));
    }
    let tables = [
        (unit.summaries.len(), TableKind::Summary),
        (unit.usages.len(), TableKind::Usage),
        (unit.free_lists.len(), TableKind::FreeList),
        (unit.statistics.len(), TableKind::Statistics),
        (unit.purchase_plans.len(), TableKind::PurchasePlan),
        (unit.demands.len(), TableKind::Demand),
        (unit.leading_groups.len(), TableKind::LeadingGroup),
        (unit.classifications.len(), TableKind::Classification),
    ];
    for (count, kind) in tables {
        if count > 1 {
            out.push(format!(
                "有 {count} 张{}，只转换了第一张",
                kind.short_name()
            ));
        }
    }
    let forms: Vec<&str> = [
        (!unit.pledges.is_empty(), "承诺书"),
        (!unit.maintenance_requests.is_empty(), "安装维护申请表"),
        (!unit.maintenance_confirms.is_empty(), "安装维护确认单"),
    ]
    .into_iter()
    .filter_map(|(has, name)| has.then_some(name))
    .collect();
    if !forms.is_empty() {
        out.push(format!(
            "{}只有签名栏读入，不在规范化数据中，没有写入新工作簿（空白表见 zhengban template）",
            forms.join("、")
        ));
    }
    out
}

fn write_json(args: &ConvertArgs, input: &Input, policy: &OutputPolicy) -> Result<(), RunError> {
    let mut text = String::new();
    if args.to == ConvertFormat::Jsonl {
        for unit in &input.units {
            text.push_str(&serde_json::to_string(unit).expect("normalised data serialises"));
            text.push('\n');
        }
    } else {
        let json = if input.batch {
            serde_json::to_string_pretty(&input.units)
        } else {
            serde_json::to_string_pretty(&input.units[0])
        };
        text = json.expect("normalised data serialises");
        text.push('\n');
    }
    match &args.output {
        Some(out) => policy.write(out, text.as_bytes())?,
        None => print_stdout(text.as_bytes())?,
    }
    Ok(())
}

fn write_csv(args: &ConvertArgs, input: &Input, policy: &OutputPolicy) -> Result<(), RunError> {
    let dir = args.output.clone().ok_or_else(|| {
        RunError::Usage(
            "--to csv 需要 -o/--output 目录（每张表写一个 CSV 文件，一批单位时每个单位一个子目录）"
                .into(),
        )
    })?;
    let mut files = Vec::new();
    for (unit, name) in input.units.iter().zip(&input.names) {
        let base = if input.batch {
            dir.join(name)
        } else {
            dir.clone()
        };
        for csv in unit_csv(unit) {
            files.push((base.join(&csv.name), csv.bytes));
        }
    }
    // Refuse before writing anything, so a half-written set never happens.
    for (path, _) in &files {
        policy.check(path)?;
    }
    for (path, bytes) in &files {
        policy.write(path, bytes)?;
    }
    let folders = if input.batch {
        format!("（{} 个单位各一个子目录）", input.units.len())
    } else {
        String::new()
    };
    let done = format!(
        "已写出 {} 个 CSV 文件到 {}{folders}\n",
        files.len(),
        dir.display()
    );
    print_stdout(gate::terminal_lines(&done).as_bytes())?;
    Ok(())
}

/// Returns whether some unit was skipped (it held no table).
fn write_xlsx(args: &ConvertArgs, input: &Input, policy: &OutputPolicy) -> Result<bool, RunError> {
    let out = args.output.clone().ok_or_else(|| {
        RunError::Usage(
            "--to xlsx 需要 -o/--output：一个单位时为工作簿（如 -o 台账.xlsx），一批单位时为目录"
                .into(),
        )
    })?;
    let into_dir = input.batch || out.is_dir();
    if input.batch && out.exists() && !out.is_dir() {
        return Err(RunError::Usage(format!(
            "{} 有 {} 个单位，-o 应为目录（每个单位写一个工作簿），而 {} 是一个文件",
            args.path.display(),
            input.units.len(),
            out.display()
        )));
    }
    let mut skipped = false;
    let mut books = Vec::new();
    for (unit, name) in input.units.iter().zip(&input.names) {
        if !crate::templates::has_tables(unit) {
            let what = format!("{name}：数据中没有任何台账表格，没有写出工作簿");
            if !input.batch {
                return Err(RunError::Usage(what));
            }
            warn(&format!("zhengban：{what}"));
            skipped = true;
            continue;
        }
        let path = if into_dir {
            out.join(format!("{name}.xlsx"))
        } else {
            out.clone()
        };
        let bytes = match &input.to_fill {
            Some(to_fill) => crate::templates::build_draft(unit, to_fill)?,
            None => crate::templates::build_filled(unit)?,
        };
        books.push((path, bytes));
    }
    for (path, _) in &books {
        policy.check(path)?;
    }
    let mut done = String::new();
    for (path, bytes) in &books {
        policy.write(path, bytes)?;
        done.push_str(&format!("已写出 {}\n", path.display()));
    }
    print_stdout(gate::terminal_lines(&done).as_bytes())?;
    Ok(skipped)
}

/// A file or folder name per unit, made safe for every file system and distinct from the
/// others (a counter where two units share a name).
fn distinct_names<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (index, name) in names.enumerate() {
        let base = safe_name(name).unwrap_or_else(|| format!("单位{}", index + 1));
        let mut name = base.clone();
        let mut n = 2;
        while out.iter().any(|o| o.to_lowercase() == name.to_lowercase()) {
            name = format!("{base} ({n})");
            n += 1;
        }
        out.push(name);
    }
    out
}

/// `name` without characters Windows, macOS or Linux refuse in a file name; `None` when
/// nothing usable is left.
fn safe_name(name: &str) -> Option<String> {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(80)
        .collect();
    let cleaned = cleaned.trim().trim_matches('.').trim().to_string();
    if cleaned.is_empty() || cleaned.chars().all(|c| c == '_') {
        return None;
    }
    let stem = cleaned
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    Some(if reserved {
        format!("_{cleaned}")
    } else {
        cleaned
    })
}

/// A line on standard error that quotes the input (paths, unit names, a reader's message):
/// through the gate.
fn warn(text: &str) {
    eprintln!("{}", gate::terminal_lines(text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_names_are_safe_and_distinct() {
        let names = distinct_names(["某局/办公室", "某局/办公室", "", "CON", "..."].into_iter());
        assert_eq!(
            names,
            ["某局_办公室", "某局_办公室 (2)", "单位3", "_CON", "单位5"]
        );
    }
}
