//! How much of a file the reader accepts before it refuses it, so that no submission — broken
//! or hostile — can exhaust memory or hang a batch. Every limit is checked before the
//! spreadsheet library allocates for it (see `open.rs`).

/// Reading limits. Exceeding one makes the file unreadable, with a message naming the
/// limit; the rest of the batch goes on. The defaults are far above any real ledger (a unit
/// with 5,000 computers is about 1.3 million cells) and keep one file under about 1 GB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read, in bytes (default 200 MiB).
    pub max_file_bytes: u64,
    /// Largest .xls file, in bytes (default 50 MiB): the xls reader holds every sheet and
    /// every shared string in memory at once.
    pub max_xls_bytes: u64,
    /// Largest inflated size of one part of an xlsx/ods zip, in bytes (default 256 MiB).
    /// The size each part declares is checked before reading, and the zip reader stops a
    /// part that inflates to more than it declared.
    pub max_part_bytes: u64,
    /// Largest inflated size of all parts together, in bytes (default 1 GiB): zip bombs.
    pub max_inflated_bytes: u64,
    /// Most parts (files) inside an xlsx/ods zip (default 10,000).
    pub max_parts: u64,
    /// Most sheets in a workbook (default 1,000).
    pub max_sheets: u64,
    /// Most cells in one sheet (default 4,000,000). Counts what the reader stores: every
    /// cell from column A to the last value of each row, and one per row.
    pub max_sheet_cells: u64,
    /// Most cells in the whole workbook, counted the same way (default 8,000,000).
    pub max_workbook_cells: u64,
    /// Most bytes of text held in the cells of a workbook (default 256 MiB): one long string
    /// shown in a million cells is a million copies.
    pub max_text_bytes: u64,
    /// Most shared strings (the xlsx table of distinct texts) a workbook declares or holds
    /// (default 5,000,000).
    pub max_shared_strings: u64,
    /// Most merged regions in one sheet, each counted once per row it spans (default
    /// 1,000,000): finding the region that covers a cell stays a lookup, not a search.
    pub max_merges: u64,
    /// Rows read from the top of each xlsx sheet (`None`: every row): a look at what a
    /// workbook holds — its tables' titles and header blocks — at a fraction of a full
    /// read, for deciding which files belong together. Never used for checking.
    pub peek_rows: Option<u32>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 200 * MIB,
            max_xls_bytes: 50 * MIB,
            max_part_bytes: 256 * MIB,
            max_inflated_bytes: 1024 * MIB,
            max_parts: 10_000,
            max_sheets: 1_000,
            max_sheet_cells: 4_000_000,
            max_workbook_cells: 8_000_000,
            max_text_bytes: 256 * MIB,
            max_shared_strings: 5_000_000,
            max_merges: 1_000_000,
            peek_rows: None,
        }
    }
}

const MIB: u64 = 1024 * 1024;

/// Excel's grid: 1,048,576 rows × 16,384 columns (XFD). Cells beyond it do not exist in any
/// spreadsheet program, so a file that places one there is damaged.
pub const MAX_ROWS: u32 = 1_048_576;
/// See [`MAX_ROWS`].
pub const MAX_COLS: u32 = 16_384;

/// A byte count for messages: `3.2 GB`, `512 MB`, `12 KB`.
pub(crate) fn bytes(n: u64) -> String {
    const GB: u64 = 1024 * MIB;
    if n >= GB {
        format!("{:.1} GB", n as f64 / GB as f64)
    } else if n >= MIB {
        format!("{} MB", n / MIB)
    } else {
        format!("{} KB", n.div_ceil(1024))
    }
}

/// A count with thousands separators for messages: `4,000,000`.
pub(crate) fn count(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_numbers() {
        assert_eq!(count(4_000_000), "4,000,000");
        assert_eq!(count(999), "999");
        assert_eq!(count(1000), "1,000");
        assert_eq!(bytes(200 * MIB), "200 MB");
        assert_eq!(bytes(3 * 1024 * MIB), "3.0 GB");
        assert_eq!(bytes(10), "1 KB");
    }
}
