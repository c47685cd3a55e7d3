//! Our blank templates as the reader sees them: where `derive` writes in a table it adds.
//!
//! A table added from a template is filled the way a clerk's own table is: the reader finds
//! its header block, column header and figure cells, and derive writes at those cells. So
//! the positions come from the template itself, never from a second copy of its layout. The
//! reader opens files, so the template is written to a private temporary file and read back
//! (in a folder an interrupt removes).

use crate::ledger::{read_unit, Unit, UnitSource};
use crate::schema::TableKind;

/// Why a template could not be prepared.
#[derive(Debug, thiserror::Error)]
pub enum BlankError {
    /// rust_xlsxwriter failed.
    #[error("生成模板失败：{0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The temporary file failed.
    #[error("无法写入临时文件：{0}")]
    Io(#[from] std::io::Error),
    /// The reader did not find the table in its own template (a bug).
    #[error("模板“{0}”无法读取")]
    Unreadable(&'static str),
}

/// A blank template: its bytes (to copy the sheet from) and the table as read.
#[derive(Debug, Clone)]
pub struct Blank {
    /// Which table.
    pub kind: TableKind,
    /// The one-table workbook.
    pub bytes: Vec<u8>,
    /// The sheet that holds the table.
    pub sheet: &'static str,
    /// The template read as a unit.
    pub unit: Unit,
}

/// The blank template of `kind`, read back.
pub fn blank(kind: TableKind) -> Result<Blank, BlankError> {
    let bytes = crate::templates::table_workbook(kind)?;
    // On the output module's list of temporaries, so that an interrupt removes it too.
    let dir = crate::output::TempFolder::new()?;
    let path = dir.path().join("template.xlsx");
    std::fs::write(&path, &bytes)?;
    let unit = read_unit(&UnitSource {
        label: kind.title().to_string(),
        files: vec![path],
    });
    if !unit.unreadable.is_empty() || unit.tables().is_empty() {
        return Err(BlankError::Unreadable(kind.title()));
    }
    Ok(Blank {
        kind,
        bytes,
        sheet: crate::templates::sheet_name(kind),
        unit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_we_add_reads_as_its_table() {
        for kind in [
            TableKind::Maintenance,
            TableKind::Statistics,
            TableKind::FreeList,
            TableKind::PurchasePlan,
            TableKind::Classification,
        ] {
            let b = blank(kind).unwrap();
            let tables = b.unit.tables();
            assert_eq!(tables.len(), 1, "{kind:?}");
            assert_eq!(tables[0].0.kind, kind);
            assert_eq!(&*tables[0].0.sheet, b.sheet);
        }
        let m = blank(TableKind::Maintenance).unwrap();
        let m = &m.unit.maintenance[0];
        assert!(m.info.id.cell.is_some(), "part 一 has a value row");
        assert!(m.meta.header_rows.is_some());
        let s = blank(TableKind::Statistics).unwrap();
        let s = &s.unit.statistics[0];
        assert_eq!(s.purchases.len(), 24);
        assert_eq!(s.holdings.len(), 12);
        assert!(s.computers_total.cell.is_some());
    }
}
