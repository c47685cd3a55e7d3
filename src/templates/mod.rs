//! The blank official templates (附件1–11), written with rust_xlsxwriter.

use std::path::Path;

use crate::RunError;

/// Write the all-in-one workbook and one workbook per table into `dir`.
pub fn write_all(dir: &Path) -> Result<(), RunError> {
    std::fs::create_dir_all(dir).map_err(|source| RunError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    Ok(())
}
