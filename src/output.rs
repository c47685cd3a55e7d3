//! Writing outputs safely: atomically (a temporary file renamed into place, so a crash never
//! leaves half a file) and never over an input.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::RunError;

/// Write `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), RunError> {
    let err = |source| RunError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(err)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(err)
}

/// Refuse an output path that is one of the inputs.
pub fn ensure_not_input(out: &Path, inputs: &[PathBuf]) -> Result<(), RunError> {
    let canon = |p: &Path| std::fs::canonicalize(p).ok();
    if let Some(o) = canon(out) {
        if inputs
            .iter()
            .any(|i| canon(i).as_deref() == Some(o.as_path()))
        {
            return Err(RunError::Usage(format!(
                "输出文件 {} 是输入文件之一，拒绝覆盖",
                out.display()
            )));
        }
    }
    Ok(())
}
