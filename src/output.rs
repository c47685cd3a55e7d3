//! Writing outputs without losing anything the user has: every output goes to a fresh
//! temporary file with a random name (created exclusively, so a planted symlink is never
//! followed) and is renamed into place; an existing file is replaced only when the user
//! said `--force`, an input never, and a path that is not a regular file never.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::base::io_reason;
use crate::base::path::{name_length, shown, NAME_MAX};

/// Why an output was not written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The file exists and `--force` was not given.
    #[error("{} 已存在，没有覆盖（要覆盖请加 --force，或用 -o 指定另一个文件）", shown(.0))]
    Exists(PathBuf),
    /// The output is one of the inputs.
    #[error("{} 是输入文件之一，任何情况下都不会覆盖输入文件", shown(.0))]
    IsInput(PathBuf),
    /// The path exists but is not a regular file (device, fifo, socket, symlink, folder).
    #[error("{} 是{}，不是普通文件，拒绝写入", shown(.0), .1)]
    NotRegular(PathBuf, &'static str),
    /// The file system refused.
    #[error("无法写入 {}：{}", shown(.path), io_reason(.source))]
    Io {
        /// The output path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The output's name is longer than the file system allows (the OS refused it, and it
    /// is past the usual limit): said plainly, with what to do, rather than "invalid".
    #[error(
        "无法写入 {}：文件名太长（{} {}，文件系统一般最多允许 {} {}）。请把原文件改用短一些的名字，或用 -o 另指输出",
        shown(.path), .length, .unit, crate::base::path::NAME_MAX, .unit
    )]
    NameTooLong {
        /// The output path.
        path: PathBuf,
        /// Its file name's length as the file system counts it.
        length: usize,
        /// What is counted: 字节 (unix), 个字符 (UTF-16 units, Windows).
        unit: &'static str,
    },
    /// The temporary file holding a round's units until its end could not be written or
    /// read back.
    #[error("无法写入临时文件：{0}")]
    Spool(String),
    /// Writing to standard output failed (other than a closed pipe).
    #[error("无法写入标准输出：{}", io_reason(.0))]
    Stdout(std::io::Error),
}

impl OutputError {
    /// Whether the folder refused the file (no permission, a read-only medium): another
    /// folder may take it.
    pub fn is_refused_by_folder(&self) -> bool {
        use std::io::ErrorKind as K;
        matches!(self, OutputError::Io { source, .. }
            if matches!(source.kind(), K::PermissionDenied | K::ReadOnlyFilesystem))
    }
}

/// What may be replaced: the rules every command writes under.
#[derive(Debug, Clone, Default)]
pub struct OutputPolicy {
    force: bool,
    inputs: Vec<FileId>,
}

/// A file's identity: its canonical path and, where the platform has them, device and inode
/// numbers (so a hard link to an input is an input too).
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileId {
    canonical: PathBuf,
    #[cfg(unix)]
    dev_ino: (u64, u64),
}

impl FileId {
    fn of(path: &Path) -> Option<FileId> {
        let canonical = std::fs::canonicalize(path).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = std::fs::metadata(&canonical).ok()?;
            Some(FileId {
                canonical,
                dev_ino: (m.dev(), m.ino()),
            })
        }
        #[cfg(not(unix))]
        Some(FileId { canonical })
    }

    fn same(&self, other: &FileId) -> bool {
        #[cfg(unix)]
        if self.dev_ino == other.dev_ino {
            return true;
        }
        self.canonical == other.canonical
    }
}

impl OutputPolicy {
    /// Outputs may replace existing files only with `force`; `inputs` are never replaced.
    pub fn new(force: bool, inputs: &[PathBuf]) -> Self {
        OutputPolicy {
            force,
            inputs: inputs.iter().filter_map(|p| FileId::of(p)).collect(),
        }
    }

    /// Whether existing outputs may be replaced.
    pub fn force(&self) -> bool {
        self.force
    }

    /// Refuse `path` now, before any work is done, if writing it later would be refused.
    pub fn check(&self, path: &Path) -> Result<(), OutputError> {
        let meta = match std::fs::symlink_metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(source) => return Err(io_error(path, source)),
        };
        if let Some(id) = FileId::of(path) {
            if self.inputs.iter().any(|i| i.same(&id)) {
                return Err(OutputError::IsInput(path.to_path_buf()));
            }
        }
        if let Some(what) = not_regular(&meta) {
            return Err(OutputError::NotRegular(path.to_path_buf(), what));
        }
        if !self.force {
            return Err(OutputError::Exists(path.to_path_buf()));
        }
        Ok(())
    }

    /// Write `bytes` to `path` atomically under this policy.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
        self.check(path)?;
        let mut tmp = temp_beside(path, bytes)?;
        // Without --force, another process may have created the file since `check`: never
        // replace it.
        tmp.persist(path, self.force)
            .map_err(|e| persist_error(path, e))
    }

    /// Write `bytes` to `path`, or, when that name is taken, to the first free name with a
    /// counter before the extension (`台账.诊断 (2).xlsx`). Used beside inputs (drop mode),
    /// where nothing may be replaced and asking is not possible. Returns the path written.
    pub fn write_numbered(&self, path: &Path, bytes: &[u8]) -> Result<PathBuf, OutputError> {
        let mut tmp = temp_beside(path, bytes)?;
        for n in 1..10_000u32 {
            let candidate = numbered(path, n);
            match std::fs::symlink_metadata(&candidate) {
                Ok(_) => continue,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(io_error(&candidate, source)),
            }
            match tmp.persist(&candidate, false) {
                Ok(()) => return Ok(candidate),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(persist_error(&candidate, e)),
            }
        }
        Err(OutputError::Exists(path.to_path_buf()))
    }
}

/// An output written piece by piece (a batch's report, as its units finish) into a
/// temporary file beside it, and put in place under the policy only by
/// [`StreamedOutput::finish`]; dropped unfinished, it leaves nothing behind.
#[derive(Debug)]
pub struct StreamedOutput {
    policy: OutputPolicy,
    path: PathBuf,
    tmp: std::io::BufWriter<Temp>,
}

impl OutputPolicy {
    /// Start writing `path` piece by piece; refused now if writing it would be refused.
    pub fn stream(&self, path: &Path) -> Result<StreamedOutput, OutputError> {
        self.check(path)?;
        let tmp = temp_beside(path, b"")?;
        Ok(StreamedOutput {
            policy: self.clone(),
            path: path.to_path_buf(),
            tmp: std::io::BufWriter::new(tmp),
        })
    }
}

impl StreamedOutput {
    /// Append `bytes`.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), OutputError> {
        self.tmp
            .write_all(bytes)
            .map_err(|source| io_error(&self.path, source))
    }

    /// Flush, sync and rename into place (never over an input; over an existing file only
    /// with `--force`).
    pub fn finish(self) -> Result<(), OutputError> {
        let path = self.path;
        let io = |source| io_error(&path, source);
        let mut tmp = self.tmp.into_inner().map_err(|e| io(e.into_error()))?;
        tmp.file().and_then(|f| f.sync_all()).map_err(io)?;
        self.policy.check(&path)?;
        tmp.persist(&path, self.policy.force)
            .map_err(|e| persist_error(&path, e))
    }
}

/// Why renaming a finished temporary file to `path` failed.
fn persist_error(path: &Path, e: std::io::Error) -> OutputError {
    if e.kind() == std::io::ErrorKind::AlreadyExists {
        OutputError::Exists(path.to_path_buf())
    } else {
        io_error(path, e)
    }
}

/// The file system refused `path`: a name past the usual limit is said to be too long
/// (Linux says ENAMETOOLONG, Windows ERROR_FILENAME_EXCED_RANGE, both "invalid filename" to
/// Rust), anything else in the words of [`io_reason`].
fn io_error(path: &Path, source: std::io::Error) -> OutputError {
    if source.kind() == std::io::ErrorKind::InvalidFilename {
        if let Some(name) = path.file_name() {
            let length = name_length(name);
            if length > NAME_MAX {
                return OutputError::NameTooLong {
                    path: path.to_path_buf(),
                    length,
                    unit: if cfg!(windows) { "个字符" } else { "字节" },
                };
            }
        }
    }
    OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// `path` itself for `n == 1`, else the name with ` (n)` before the extension.
pub fn numbered(path: &Path, n: u32) -> PathBuf {
    if n <= 1 {
        return path.to_path_buf();
    }
    // The extension is what follows the last dot (`a.诊断.xlsx` → `a.诊断 (2).xlsx`); the
    // rest keeps its bytes, Unicode or not.
    let mut name = path.file_stem().unwrap_or_default().to_os_string();
    name.push(format!(" ({n})"));
    if let Some(ext) = path.extension() {
        name.push(".");
        name.push(ext);
    }
    path.with_file_name(name)
}

fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_symlink() {
        return Some("符号链接");
    }
    if t.is_dir() {
        return Some("文件夹");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("命名管道");
        }
        if t.is_socket() {
            return Some("套接字");
        }
        if t.is_block_device() || t.is_char_device() {
            return Some("设备文件");
        }
    }
    Some("特殊文件")
}

/// Temporary files created and not yet renamed into place or removed. An interrupt
/// ([`abandon_temporaries`]) removes them: without this list a Ctrl-C in the middle of a
/// batch leaves one hidden file per output being written, since the process ends without
/// running any destructor. Creating, renaming and removing a temporary file all happen
/// under this lock, so the interrupt handler, which takes it and never gives it back, sees
/// every temporary file that exists and none can appear after it has looked.
static LIVE: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn live() -> MutexGuard<'static, BTreeSet<PathBuf>> {
    // A panic elsewhere while the lock was held leaves the list as valid as before.
    LIVE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Remove every temporary file not yet in place, and keep any from being created or put
/// in place from now on, as long as the returned guard lives. For the interrupt handler:
/// it ends the process holding the guard, so outputs already renamed into place are kept
/// whole and nothing half-written is left.
pub fn abandon_temporaries() -> MutexGuard<'static, BTreeSet<PathBuf>> {
    let mut live = live();
    for p in live.iter() {
        let folder = std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir());
        let _ = if folder {
            std::fs::remove_dir_all(p)
        } else {
            std::fs::remove_file(p)
        };
    }
    live.clear();
    live
}

/// A private temporary folder in the system's temporary directory, on the list of live
/// temporaries: removed with what it holds when dropped, or by an interrupt. For files the
/// program writes only to read them back (derive's blank templates).
#[derive(Debug)]
pub struct TempFolder {
    dir: Option<tempfile::TempDir>,
}

impl TempFolder {
    /// A new, empty folder.
    pub fn new() -> std::io::Result<TempFolder> {
        let mut live = live();
        let dir = tempfile::Builder::new().prefix(".zb").tempdir()?;
        live.insert(dir.path().to_path_buf());
        Ok(TempFolder { dir: Some(dir) })
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        self.dir.as_ref().map_or(Path::new(""), |d| d.path())
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        if let Some(dir) = self.dir.take() {
            let mut live = live();
            live.remove(dir.path());
            drop(dir);
        }
    }
}

/// A temporary file on the list of [`LIVE`] ones: off the list when renamed into place or
/// dropped (and then removed).
#[derive(Debug)]
struct Temp {
    file: Option<tempfile::NamedTempFile>,
}

impl Temp {
    /// A new, empty temporary file in `dir`.
    ///
    /// The name is short (`.zb` + 8 random characters + `.tmp`, 15 bytes), whatever the
    /// output's: a temporary name built from the output's own (78 Chinese characters are 234
    /// bytes) passes the 255-byte limit of most file systems although the output's name fits.
    fn create(dir: &Path) -> std::io::Result<Temp> {
        let mut live = live();
        let file = tempfile::Builder::new()
            .prefix(".zb")
            .suffix(".tmp")
            .rand_bytes(8)
            .make_in(dir, open_new)?;
        live.insert(file.path().to_path_buf());
        Ok(Temp { file: Some(file) })
    }

    fn file(&mut self) -> std::io::Result<&mut std::fs::File> {
        match &mut self.file {
            Some(f) => Ok(f.as_file_mut()),
            None => Err(std::io::Error::other("temporary file already put in place")),
        }
    }

    /// Rename into place at `to` (replacing an existing file only when `clobber`). On
    /// failure the temporary file is still there, for another try or to be dropped.
    fn persist(&mut self, to: &Path, clobber: bool) -> std::io::Result<()> {
        let mut live = live();
        let Some(file) = self.file.take() else {
            return Err(std::io::Error::other("temporary file already put in place"));
        };
        let from = file.path().to_path_buf();
        let done = if clobber {
            file.persist(to)
        } else {
            file.persist_noclobber(to)
        };
        match done {
            Ok(_) => {
                live.remove(&from);
                Ok(())
            }
            Err(e) => {
                self.file = Some(e.file);
                Err(e.error)
            }
        }
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut live = live();
            live.remove(file.path());
            // NamedTempFile removes the file when dropped; under the lock, so the interrupt
            // handler never finds it listed and gone, nor gone and listed.
            drop(file);
        }
    }
}

impl Write for Temp {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file()?.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file()?.flush()
    }
}

/// Create `path`, which must not exist (never through an existing name or symlink).
fn open_new(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create_new(true);
    // tempfile's own files are private (0600); an output is an ordinary document, readable
    // as the user's umask allows, like any file their spreadsheet program saves.
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o666);
    }
    // As tempfile opens its own: others may read, and the file may be renamed or deleted
    // while open (the rename into place, and the interrupt handler's removal).
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        const SHARE_READ_WRITE_DELETE: u32 = 0x1 | 0x2 | 0x4;
        options.share_mode(SHARE_READ_WRITE_DELETE);
    }
    options.open(path)
}

/// A temporary file beside `path` holding `bytes`, synced: random name, created
/// exclusively, removed if dropped or if the program is interrupted.
fn temp_beside(path: &Path, bytes: &[u8]) -> Result<Temp, OutputError> {
    let io = |source| io_error(path, source);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(io)?;
    let mut tmp = Temp::create(&dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.file().and_then(|f| f.sync_all()).map_err(io)?;
    Ok(tmp)
}

/// Print to standard output; a closed pipe (`| head`) is not an error, any other failure
/// (a full disk behind a redirection) is.
pub fn print_stdout(bytes: &[u8]) -> Result<(), OutputError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(OutputError::Stdout(e)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_go_before_the_extension() {
        let p = Path::new("dir/台账.诊断.xlsx");
        assert_eq!(numbered(p, 1), PathBuf::from("dir/台账.诊断.xlsx"));
        assert_eq!(numbered(p, 2), PathBuf::from("dir/台账.诊断 (2).xlsx"));
        assert_eq!(
            numbered(Path::new("README"), 3),
            PathBuf::from("README (3)")
        );
    }

    #[test]
    fn existing_files_are_kept_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.json");
        std::fs::write(&out, "mine").unwrap();
        let err = OutputPolicy::new(false, &[])
            .write(&out, b"new")
            .unwrap_err();
        assert!(matches!(err, OutputError::Exists(_)), "{err}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
        OutputPolicy::new(true, &[]).write(&out, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "new");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn inputs_are_never_replaced_even_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("台账.xlsx");
        std::fs::write(&input, "input").unwrap();
        let policy = OutputPolicy::new(true, std::slice::from_ref(&input));
        let err = policy.write(&input, b"x").unwrap_err();
        assert!(matches!(err, OutputError::IsInput(_)), "{err}");
        #[cfg(unix)]
        {
            let link = dir.path().join("link.xlsx");
            std::fs::hard_link(&input, &link).unwrap();
            let err = policy.write(&link, b"x").unwrap_err();
            assert!(matches!(err, OutputError::IsInput(_)), "{err}");
        }
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "input");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_and_special_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.txt");
        std::fs::write(&target, "keep").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = OutputPolicy::new(true, &[]).write(&link, b"x").unwrap_err();
        assert!(matches!(err, OutputError::NotRegular(_, _)), "{err}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
        let err = OutputPolicy::new(true, &[])
            .write(Path::new("/dev/null"), b"x")
            .unwrap_err();
        assert!(err.to_string().contains("设备文件"), "{err}");
        let err = OutputPolicy::new(true, &[])
            .write(dir.path(), b"x")
            .unwrap_err();
        assert!(err.to_string().contains("文件夹"), "{err}");
    }

    #[test]
    fn numbered_writes_never_replace() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("a.诊断.xlsx");
        let policy = OutputPolicy::new(false, &[]);
        assert_eq!(policy.write_numbered(&out, b"1").unwrap(), out);
        let second = policy.write_numbered(&out, b"2").unwrap();
        assert_eq!(second, dir.path().join("a.诊断 (2).xlsx"));
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "1");
        assert_eq!(std::fs::read_to_string(&second).unwrap(), "2");
    }

    #[cfg(unix)]
    #[test]
    fn outputs_are_ordinary_documents_not_private_files() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("a.json");
        OutputPolicy::new(false, &[]).write(&out, b"{}").unwrap();
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_ne!(mode & 0o044, 0, "mode {mode:o} lets nobody else read it");
    }

    #[test]
    fn streamed_outputs_appear_only_when_finished() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.jsonl");
        let policy = OutputPolicy::new(false, &[]);
        let mut s = policy.stream(&out).unwrap();
        s.write(b"one\n").unwrap();
        s.write(b"two\n").unwrap();
        assert!(!out.exists(), "nothing in place before finish");
        s.finish().unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "one\ntwo\n");
        assert!(
            policy.stream(&out).is_err(),
            "existing file kept without --force"
        );
        let unfinished = OutputPolicy::new(true, &[]).stream(&out).unwrap();
        drop(unfinished);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "one\ntwo\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn os_errors_read_in_chinese() {
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(io_reason(&e), "没有权限");
        let e = std::io::Error::from_raw_os_error(28);
        assert_eq!(io_reason(&e), "磁盘已满");
    }
}
