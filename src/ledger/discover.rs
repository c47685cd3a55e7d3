//! Which units the paths a user named hold (cli.md "Units"), found so that a batch misses
//! nobody: every unit folder is a unit whatever it holds, the same file reached twice is
//! read once, symlinks are followed once and loops end, and a folder that cannot be listed
//! is a finding of its unit rather than the end of the batch.
//!
//! The rules: a workbook is a unit. A folder with workbooks and no sub-folder holding
//! workbooks is one unit, its tables spread over its files; its other files (scans, PDFs,
//! WPS `.et` files) and sub-folders belong to it. A folder with a sub-folder holding
//! workbooks is a batch: each entry of it is one submission, so one unit — a workbook, or
//! a sub-folder with everything under it however deep (its scans, its old copies): an
//! empty sub-folder, or one holding only a PDF, is a unit with no ledger. A sub-folder
//! with no workbook of its own and several sub-folders holding workbooks groups units
//! (乡镇/, 部门/) and is a batch again. A folder the user
//! named that holds no workbook at all is a batch when it holds only sub-folders (a batch
//! in which nobody sent a workbook), else one unit. Names sort naturally (单位2 before
//! 单位10). Whether workbooks named together, or a named folder's own workbooks and its
//! sub-folders, are one unit after all is decided by what they state (`named.rs`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::natural::natural_cmp;
use crate::base::io_reason;
use crate::base::path::{shown, shown_os};

/// Deeper folders than this are not entered (a hostile tree must not exhaust the stack).
const MAX_DEPTH: usize = 32;

/// The files that make up one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSource {
    /// A name to fall back on (file stem or folder name).
    pub label: String,
    /// The workbook files, in natural order.
    pub files: Vec<PathBuf>,
}

/// One unit as discovery found it: the workbooks to read and what else was there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoveredUnit {
    /// The workbooks to read.
    pub source: UnitSource,
    /// The folder (or the single file) the unit was found as, as the user would name it.
    pub path: PathBuf,
    /// Files of the unit that are not workbooks we read, in natural order.
    pub others: Vec<OtherFile>,
    /// Paths of the unit that could not be looked at, with the reason in Chinese.
    pub inaccessible: Vec<(PathBuf, String)>,
}

/// Everything discovery found: the units in input order, and the files lying loose in a
/// batch folder that are no unit (a notice, a cover letter).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discovery {
    /// The units, in the order the user named them, each folder in natural order.
    pub units: Vec<DiscoveredUnit>,
    /// Loose documents in batch folders, listed so that nothing passes unseen.
    pub skipped: Vec<OtherFile>,
}

/// A file that is not a workbook we read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherFile {
    /// The path, as the user would name it (non-Unicode bytes escaped, for showing).
    pub path: Arc<str>,
    /// The path itself, for file operations: never rebuilt from `path`, which may not
    /// name the same file.
    pub file: PathBuf,
    /// What it is.
    pub kind: FileKind,
    /// For a lock file, the workbook it says is open (as shown), when that is there.
    pub locks: Option<Arc<str>>,
}

/// What a file is, by its extension, in the words a clerk uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileKind {
    /// WPS 表格 (`.et`, `.ett`): WPS's own spreadsheet format.
    WpsSpreadsheet,
    /// Another spreadsheet format we do not read (`.csv`, `.numbers`, `.xlt`).
    OtherSpreadsheet,
    /// A PDF or OFD document (often a scan).
    Pdf,
    /// A picture (a scan or a photo).
    Image,
    /// A word-processor document (`.doc`, `.docx`, `.wps`).
    Document,
    /// An archive (`.zip`, `.rar`, `.7z`).
    Archive,
    /// A plain-text file.
    Text,
    /// The lock file Excel or WPS (`~$台账.xlsx`) or LibreOffice (`.~lock.台账.xlsx#`)
    /// keeps beside a workbook while it is open.
    Lock,
    /// A path that cannot be followed (a broken or looping link).
    Broken,
    /// Anything else.
    Other,
}

impl FileKind {
    /// The kind of a file, by its extension.
    pub fn of(path: &Path) -> FileKind {
        if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(is_lock_name)
        {
            return FileKind::Lock;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "et" | "ett" => FileKind::WpsSpreadsheet,
            "csv" | "numbers" | "xlt" | "xltx" | "xltm" | "dbf" => FileKind::OtherSpreadsheet,
            "pdf" | "ofd" => FileKind::Pdf,
            "jpg" | "jpeg" | "png" | "bmp" | "gif" | "tif" | "tiff" | "heic" | "webp" => {
                FileKind::Image
            }
            "doc" | "docx" | "wps" | "wpt" | "rtf" | "odt" => FileKind::Document,
            "zip" | "rar" | "7z" | "tar" | "gz" => FileKind::Archive,
            "txt" | "md" => FileKind::Text,
            _ => FileKind::Other,
        }
    }

    /// What the file is, in a few words (`WPS 表格文件`).
    pub fn describe(self) -> &'static str {
        match self {
            FileKind::WpsSpreadsheet => "WPS 表格文件，本工具读不了这种格式",
            FileKind::OtherSpreadsheet => "不是 Excel 工作簿格式的表格",
            FileKind::Pdf => "PDF/OFD 文件",
            FileKind::Image => "图片",
            FileKind::Document => "文字文档",
            FileKind::Archive => "压缩包",
            FileKind::Text => "文本文件",
            FileKind::Lock => "Excel/WPS 打开工作簿时生成的临时锁定文件，不是台账",
            FileKind::Broken => "无法打开的链接",
            FileKind::Other => "其他文件",
        }
    }

    /// What to do about a file of this kind where a ledger was expected.
    pub fn advice(self) -> Option<&'static str> {
        match self {
            FileKind::WpsSpreadsheet => {
                Some("WPS 表格的 .et 文件请在 WPS 中“另存为”Excel 工作簿（.xlsx）后再提交")
            }
            FileKind::OtherSpreadsheet => Some("请用 Excel 或 WPS 打开后“另存为” .xlsx"),
            FileKind::Pdf | FileKind::Image => Some(
                "扫描件、PDF 和照片不能代替台账，请提交按模板填写的 Excel 或 WPS 表格文件（.xlsx）",
            ),
            FileKind::Document => {
                Some("台账应填在表格文件中，不是文字文档（空白模板：zhengban template）")
            }
            FileKind::Archive => Some("压缩包请先解压，再检查解压出的文件夹"),
            FileKind::Lock => Some(
                "锁定文件只说明工作簿正被打开，请检查工作簿本身（同一文件夹中名字相近、不带 ~$ 的那个文件）",
            ),
            _ => None,
        }
    }

    /// Whether a file of this kind lying loose in a batch folder is a unit's submission
    /// (a spreadsheet in a format we cannot read) rather than a document beside the batch.
    fn is_submission(self) -> bool {
        matches!(self, FileKind::WpsSpreadsheet | FileKind::OtherSpreadsheet)
    }

    /// Whether a file the user named is better described by this kind than by the
    /// reader's verdict on its content (which recognises text and PDF, not the rest).
    fn named_by_extension(self) -> bool {
        !matches!(self, FileKind::Text | FileKind::Pdf | FileKind::Other)
    }
}

/// Whether a path names a workbook we read (by extension), skipping lock files and our own
/// annotated copies.
pub fn is_workbook_path(path: &Path) -> bool {
    if ignored(path) {
        return false;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods" | "xlsb")
}

/// Files that are nobody's submission: hidden files, Office lock files, the desktop's own
/// files, and the annotated copies this tool writes.
fn ignored(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    name.starts_with("~$")
        || name.starts_with('.')
        || name.contains(".诊断.")
        || name.eq_ignore_ascii_case("thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// Whether a file name is an office suite's lock file: `~$…` (Excel, WPS) or
/// `.~lock.…#` (LibreOffice).
fn is_lock_name(name: &str) -> bool {
    name.starts_with("~$") || (name.starts_with(".~lock.") && name.ends_with('#'))
}

/// The workbook a lock file says is open: in its folder, one whose lock names (see
/// [`lock_names`]) include it; the shortest name when several could be (`~$台账.xlsx` is
/// the lock of `台账.xlsx` before `某局台账.xlsx`).
fn locked_by(lock: &Path) -> Option<PathBuf> {
    let name = lock.file_name()?.to_str()?;
    let dir = lock.parent()?;
    let listing = std::fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    })
    .ok()?;
    listing
        .filter_map(|e| e.ok())
        .map(|e| dir.join(e.file_name()))
        .filter(|p| is_workbook_path(p) && lock_names(p).iter().any(|n| n == name))
        .min_by_key(|p| p.as_os_str().len())
}

/// The names a lock file of this workbook may have.
fn lock_names(workbook: &Path) -> Vec<String> {
    let Some(name) = workbook.file_name().and_then(|n| n.to_str()) else {
        return Vec::new();
    };
    let mut names = vec![format!("~${name}"), format!(".~lock.{name}#")];
    if name.chars().count() > 2 {
        names.push(format!("~${}", name.chars().skip(2).collect::<String>()));
    }
    names
}

/// The lock files beside a workbook saying it is open in Excel, WPS or LibreOffice. Excel
/// and WPS put `~$` before the name, or in place of its first two characters when the name
/// is long; LibreOffice writes `.~lock.名称#`.
fn locks_beside(workbook: &Path) -> Vec<OtherFile> {
    let Some(dir) = workbook.parent() else {
        return Vec::new();
    };
    lock_names(workbook)
        .iter()
        .map(|n| dir.join(n))
        .filter(|p| std::fs::symlink_metadata(p).is_ok_and(|m| m.is_file()))
        .map(|p| OtherFile {
            locks: Some(Arc::from(shown(workbook).as_str())),
            ..other(&p, FileKind::Lock)
        })
        .collect()
}

/// Split the paths a user named into units; see the module documentation.
/// With `unit_per_file`, every workbook is its own unit (a folder without any still is
/// one, so that it is not missed). Never fails: what cannot be read is recorded in the
/// unit it belongs to.
pub fn discover_units(paths: &[PathBuf], unit_per_file: bool) -> Discovery {
    let mut seen = Seen::default();
    let mut out = Discovery::default();
    for path in paths {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                out.units.push(inaccessible(path, &e));
                continue;
            }
        };
        if meta.is_dir() {
            if !seen.dir(path) {
                continue;
            }
            let tree = scan(path, 0, &mut seen);
            classify(&tree, unit_per_file, &mut out);
        } else {
            if !seen.file(path) {
                continue;
            }
            let kind = FileKind::of(path);
            let mut unit = single(path);
            if !is_workbook_path(path) && kind.named_by_extension() {
                unit.source.files.clear();
                let mut file = other(path, kind);
                if kind == FileKind::Lock {
                    file.locks = locked_by(path).map(|w| Arc::from(shown(&w).as_str()));
                }
                unit.others.push(file);
            }
            out.units.push(unit);
        }
    }
    // A workbook open in Excel is checked as last saved; its lock file says so.
    for unit in &mut out.units {
        for file in &unit.source.files {
            for lock in locks_beside(file) {
                if !unit.others.iter().any(|o| o.file == lock.file) {
                    unit.others.push(lock);
                }
            }
        }
    }
    out
}

/// The units' sources alone (see [`discover_units`]); fails only when a path the user named
/// cannot be looked at.
pub fn discover(paths: &[PathBuf], unit_per_file: bool) -> std::io::Result<Vec<UnitSource>> {
    for path in paths {
        std::fs::metadata(path)?;
        if path.is_dir() {
            std::fs::read_dir(path)?;
        }
    }
    Ok(discover_units(paths, unit_per_file)
        .units
        .into_iter()
        .map(|u| u.source)
        .collect())
}

/// Canonical paths already taken, so that a file or folder reached twice (named twice,
/// through a symlink, through a loop) is used once.
#[derive(Default)]
struct Seen {
    dirs: HashSet<PathBuf>,
    files: HashSet<PathBuf>,
}

impl Seen {
    /// Whether the folder is new (and now taken). A folder that cannot be resolved is new.
    fn dir(&mut self, path: &Path) -> bool {
        match std::fs::canonicalize(path) {
            Ok(c) => self.dirs.insert(c),
            Err(_) => true,
        }
    }
    /// Whether the file is new (and now taken).
    fn file(&mut self, path: &Path) -> bool {
        match std::fs::canonicalize(path) {
            Ok(c) => self.files.insert(c),
            Err(_) => true,
        }
    }
}

/// A folder as scanned: its entries in natural order.
struct Dir {
    path: PathBuf,
    entries: Vec<Entry>,
    /// Why it could not be listed.
    error: Option<String>,
}

enum Entry {
    Workbook(PathBuf),
    /// A workbook already taken by another unit (named twice, or linked).
    Taken,
    Other(OtherFile),
    Dir(Dir),
}

fn scan(path: &Path, depth: usize, seen: &mut Seen) -> Dir {
    let mut dir = Dir {
        path: path.to_path_buf(),
        entries: Vec::new(),
        error: None,
    };
    if depth >= MAX_DEPTH {
        dir.error = Some(format!("文件夹层级超过 {MAX_DEPTH} 层，没有再往下查找"));
        return dir;
    }
    let listing = match std::fs::read_dir(path) {
        Ok(l) => l,
        Err(e) => {
            dir.error = Some(format!("无法打开文件夹：{}", io_reason(&e)));
            return dir;
        }
    };
    let mut names: Vec<(String, PathBuf, bool)> = Vec::new();
    for entry in listing {
        let Ok(entry) = entry else { continue };
        let p = entry.path();
        if ignored(&p) {
            continue;
        }
        let link = entry.file_type().is_ok_and(|t| t.is_symlink());
        names.push((entry.file_name().to_string_lossy().into_owned(), p, link));
    }
    names.sort_by(|a, b| natural_cmp(&a.0, &b.0));
    // Real entries claim their canonical paths before links to them do, so a unit is named
    // by its folder, not by a shortcut pointing at it.
    let mut slots: Vec<Option<Entry>> = names.iter().map(|_| None).collect();
    for pass_links in [false, true] {
        for (i, (_, p, link)) in names.iter().enumerate() {
            if *link == pass_links {
                slots[i] = entry(p, depth, seen);
            }
        }
    }
    dir.entries = slots.into_iter().flatten().collect();
    dir
}

/// One entry of a folder, or `None` for a folder already visited (a loop or a second path
/// to it).
fn entry(p: &Path, depth: usize, seen: &mut Seen) -> Option<Entry> {
    let meta = match std::fs::metadata(p) {
        Ok(m) => m,
        // A dangling or looping link: a workbook name goes to the reader, which says why
        // it cannot be opened (an unreadable file of the unit); anything else is listed as a broken link.
        Err(_) if is_workbook_path(p) => return Some(Entry::Workbook(p.to_path_buf())),
        Err(_) => return Some(Entry::Other(other(p, FileKind::Broken))),
    };
    if meta.is_dir() {
        if !seen.dir(p) {
            return None;
        }
        return Some(Entry::Dir(scan(p, depth + 1, seen)));
    }
    if !seen.file(p) {
        return is_workbook_path(p).then_some(Entry::Taken);
    }
    Some(if is_workbook_path(p) {
        Entry::Workbook(p.to_path_buf())
    } else {
        Entry::Other(other(p, FileKind::of(p)))
    })
}

fn other(p: &Path, kind: FileKind) -> OtherFile {
    OtherFile {
        path: Arc::from(shown(p).as_str()),
        file: p.to_path_buf(),
        kind,
        locks: None,
    }
}

/// Whether a workbook lies anywhere below (counting workbooks taken by another unit).
fn holds_workbooks(dir: &Dir) -> bool {
    dir.entries.iter().any(|e| match e {
        Entry::Workbook(_) | Entry::Taken => true,
        Entry::Dir(d) => holds_workbooks(d),
        Entry::Other(_) => false,
    })
}

/// Whether a folder in a batch groups units rather than being one: no workbook of its own,
/// and several sub-folders that hold workbooks. A unit's folder keeps its ledger at the top
/// (its sub-folders are scans and old copies), or keeps it in a single sub-folder.
fn is_category(dir: &Dir) -> bool {
    let own = dir
        .entries
        .iter()
        .any(|e| matches!(e, Entry::Workbook(_) | Entry::Taken));
    let holding = dir
        .entries
        .iter()
        .filter(|e| matches!(e, Entry::Dir(d) if holds_workbooks(d)))
        .count();
    !own && holding >= 2
}

/// A folder the user named: one unit, or a batch of them.
fn classify(dir: &Dir, unit_per_file: bool, out: &mut Discovery) {
    if let Some(reason) = &dir.error {
        let mut unit = folder_unit(&dir.path);
        unit.inaccessible.push((dir.path.clone(), reason.clone()));
        out.units.push(unit);
        return;
    }
    let sub_with_workbooks = dir
        .entries
        .iter()
        .any(|e| matches!(e, Entry::Dir(d) if holds_workbooks(d)));
    let has_sub = dir.entries.iter().any(|e| matches!(e, Entry::Dir(_)));
    let only_folders = dir.entries.iter().all(|e| matches!(e, Entry::Dir(_)));
    let batch = sub_with_workbooks || (has_sub && only_folders);
    if !batch {
        unit_of(dir, unit_per_file, out);
        return;
    }
    for e in &dir.entries {
        match e {
            Entry::Workbook(p) => out.units.push(single(p)),
            Entry::Taken => {}
            Entry::Other(f) if f.kind.is_submission() => {
                let mut unit = single(&f.file);
                unit.source.files.clear();
                unit.others.push(f.clone());
                out.units.push(unit);
            }
            Entry::Other(f) => out.skipped.push(f.clone()),
            // a folder of categories (乡镇/, 部门/), each holding units' folders, is looked
            // at again; any other folder is one submission however it is foldered — its
            // scans, its old copies in sub-folders are its own
            Entry::Dir(d) if is_category(d) => classify(d, unit_per_file, out),
            Entry::Dir(d) => unit_of(d, unit_per_file, out),
        }
    }
}

/// A folder that is one unit: its workbooks, and everything else below it listed.
fn unit_of(dir: &Dir, unit_per_file: bool, out: &mut Discovery) {
    let mut unit = folder_unit(&dir.path);
    let mut taken = false;
    collect(dir, &mut unit, &mut taken);
    if unit.source.files.is_empty() && taken {
        // Its workbooks are checked as (part of) another unit already.
        return;
    }
    if unit_per_file && !unit.source.files.is_empty() {
        out.units
            .extend(unit.source.files.iter().map(|f| single(f)));
        return;
    }
    out.units.push(unit);
}

fn collect(dir: &Dir, unit: &mut DiscoveredUnit, taken: &mut bool) {
    if let Some(reason) = &dir.error {
        unit.inaccessible.push((dir.path.clone(), reason.clone()));
    }
    for e in &dir.entries {
        match e {
            Entry::Workbook(p) => unit.source.files.push(p.clone()),
            Entry::Taken => *taken = true,
            Entry::Other(f) => unit.others.push(f.clone()),
            Entry::Dir(d) => collect(d, unit, taken),
        }
    }
}

fn label(path: &Path, stem: bool) -> String {
    let name = if stem {
        path.file_stem()
    } else {
        path.file_name()
    };
    match name {
        // A name that is not Unicode (GBK bytes) is shown escaped, never replaced by "�".
        Some(s) => shown_os(s),
        // `.` or `..`: the folder's own name.
        None => std::fs::canonicalize(path)
            .ok()
            .and_then(|c| c.file_name().map(shown_os))
            .unwrap_or_else(|| shown(path)),
    }
}

pub(super) fn folder_unit(path: &Path) -> DiscoveredUnit {
    DiscoveredUnit {
        source: UnitSource {
            label: label(path, false),
            files: Vec::new(),
        },
        path: path.to_path_buf(),
        others: Vec::new(),
        inaccessible: Vec::new(),
    }
}

fn single(path: &Path) -> DiscoveredUnit {
    DiscoveredUnit {
        source: UnitSource {
            label: label(path, true),
            files: vec![path.to_path_buf()],
        },
        path: path.to_path_buf(),
        others: Vec::new(),
        inaccessible: Vec::new(),
    }
}

fn inaccessible(path: &Path, e: &std::io::Error) -> DiscoveredUnit {
    let mut unit = folder_unit(path);
    unit.inaccessible
        .push((path.to_path_buf(), format!("无法读取：{}", io_reason(e))));
    unit
}
