//! Reading a file into a [`Workbook`] with calamine; the only place that knows calamine.
//!
//! Every limit of [`Limits`] is checked before calamine allocates for it: the file size first,
//! then the container (the zip's central directory, or the xls record stream, or the ods
//! content), then each xlsx sheet as it streams through calamine's cell reader — values and
//! formulas in one pass over the sheet's XML, into rows that hold only what the file holds.

use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::Arc;

use calamine::{open_workbook, Data, DataRef, ExcelDateTime, Ods, Reader, Xls, Xlsb, Xlsx};

use super::grid::{check_merges, Budget, Grid};
use super::limits::{bytes, Limits};
use super::package::{self, Kind};
use super::xls_scan::over_sheets;
use super::xlsx_merges::SheetParts;
use super::{ods_scan, xls_scan, Cell, Merge, Sheet, Workbook};

/// Why a file could not be read as a workbook.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum OpenError {
    /// The file could not be opened or read from disk.
    #[error("无法读取文件：{0}")]
    Io(String),
    /// Not a spreadsheet format we read.
    #[error("不是可读取的工作簿（支持 xlsx、xlsm、xls、ods）：{0}")]
    NotAWorkbook(String),
    /// Password-protected (encrypted) workbook.
    #[error("工作簿已加密（设置了打开密码），请另存为不加密的文件后再检查")]
    Encrypted,
    /// Damaged or truncated file.
    #[error("工作簿已损坏或不完整：{0}")]
    Corrupt(String),
    /// Over the file size limit.
    #[error("文件过大：{0}")]
    TooLarge(String),
    /// Over one of the other reading limits ([`Limits`]); the text names the limit.
    #[error("超出读取上限：{0}")]
    OverLimit(String),
    /// The file is empty.
    #[error("文件为空（0 字节）")]
    Empty,
}

impl OpenError {
    /// Whether the file was refused for exceeding a reading limit (which `[limits]` in the
    /// config can raise), not for being broken.
    pub fn is_over_limit(&self) -> bool {
        matches!(self, OpenError::TooLarge(_) | OpenError::OverLimit(_))
    }
}

/// Read every sheet of the workbook at `path` within the default [`Limits`]; `display` is the
/// name used in messages.
pub fn open(path: &Path, display: &str) -> Result<Workbook, OpenError> {
    open_with(path, display, &Limits::default())
}

/// Read every sheet of the workbook at `path` within `limits`.
pub fn open_with(path: &Path, display: &str, limits: &Limits) -> Result<Workbook, OpenError> {
    let meta = std::fs::metadata(path).map_err(|e| OpenError::Io(crate::base::io_reason(&e)))?;
    if meta.len() == 0 {
        return Err(OpenError::Empty);
    }
    if meta.len() > limits.max_file_bytes {
        return Err(too_large(meta.len(), limits.max_file_bytes));
    }
    let head = read_head(path)?;
    if let Some(what) = not_a_spreadsheet(&head) {
        return Err(OpenError::NotAWorkbook(what.to_string()));
    }
    // calamine has panicked on malformed input before; one bad file must not end a batch.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if head.starts_with(&OLE_MAGIC) {
            read_ole(path, display, limits, meta.len())
        } else {
            match package::inspect(path, limits)? {
                (Kind::Xlsx, zip, overclaimed) => {
                    read_xlsx(path, display, limits, zip, &overclaimed)
                }
                (Kind::Xlsb, _, _) => read_xlsb(path, display, limits),
                (Kind::Ods, _, _) => read_ods(path, display, limits),
            }
        }
    }));
    match result {
        Ok(r) => r.map(|mut book| {
            book.path = path.to_path_buf();
            book
        }),
        Err(_) => Err(OpenError::Corrupt("读取时内部错误".into())),
    }
}

/// What calamine reads from.
type Input = BufReader<std::fs::File>;

const OLE_MAGIC: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

fn too_large(size: u64, max: u64) -> OpenError {
    OpenError::TooLarge(format!("{}，上限 {}", bytes(size), bytes(max)))
}

/// What a file is when its first bytes show it is no spreadsheet calamine reads: every
/// workbook is a zip (xlsx, xlsm, ods) or an OLE container (xls); offices also receive web
/// pages and text saved under an .xls name from other systems.
fn not_a_spreadsheet(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(b"PK") || head.starts_with(&OLE_MAGIC) {
        return None;
    }
    let text = String::from_utf8_lossy(head)
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .to_ascii_lowercase();
    Some(if head.starts_with(b"%PDF") {
        "这是 PDF 文件，请提交 Excel 或 WPS 表格文件"
    } else if text.starts_with('<') {
        "这是网页（HTML/XML）格式的文件，只是扩展名像表格；请用 Excel 或 WPS 打开后另存为 .xlsx"
    } else {
        "文件内容不是 Excel/WPS 表格格式（可能是改了扩展名的文本或其他文件）；请用 Excel 或 WPS 打开后另存为 .xlsx"
    })
}

fn read_head(path: &Path) -> Result<Vec<u8>, OpenError> {
    let mut f = std::fs::File::open(path).map_err(|e| OpenError::Io(crate::base::io_reason(&e)))?;
    let mut buf = vec![0u8; 16];
    let n = f
        .read(&mut buf)
        .map_err(|e| OpenError::Io(crate::base::io_reason(&e)))?;
    buf.truncate(n);
    Ok(buf)
}

/// An OLE container: an encrypted OOXML workbook (whatever its extension says), or an .xls.
fn read_ole(path: &Path, display: &str, limits: &Limits, size: u64) -> Result<Workbook, OpenError> {
    let file = std::fs::File::open(path).map_err(|e| OpenError::Io(crate::base::io_reason(&e)))?;
    let mut cfb = cfb::CompoundFile::open(BufReader::new(file))
        .map_err(|e| OpenError::Corrupt(format!("OLE 容器无法读取（{e}）")))?;
    // Excel and WPS save a password-protected xlsx as an OLE container holding the
    // encrypted package; calamine would call it a damaged xls.
    if cfb.is_stream("EncryptedPackage") || cfb.is_stream("EncryptionInfo") {
        return Err(OpenError::Encrypted);
    }
    let stream = ["Workbook", "Book", "WORKBOOK", "BOOK"]
        .into_iter()
        .find(|s| cfb.is_stream(s));
    let Some(stream) = stream else {
        return Err(OpenError::NotAWorkbook(
            "这是 Office 旧格式文件，但里面没有工作簿（可能是 Word 或 PowerPoint 文件）".into(),
        ));
    };
    if size > limits.max_xls_bytes {
        return Err(OpenError::TooLarge(format!(
            "{}，.xls 文件上限 {}（请另存为 .xlsx）",
            bytes(size),
            bytes(limits.max_xls_bytes)
        )));
    }
    let mut data = Vec::new();
    cfb.open_stream(stream)
        .and_then(|s| s.take(limits.max_xls_bytes).read_to_end(&mut data))
        .map_err(|e| OpenError::Corrupt(format!("工作簿数据流无法读取（{e}）")))?;
    drop(cfb);
    xls_scan::check(&data, limits)?;
    drop(data);
    let mut book: Xls<Input> = open_workbook(path).map_err(|e: calamine::XlsError| e.failure())?;
    let is_1904 = book.has_1904_epoch();
    let names = sheet_list(book.sheet_names(), limits)?;
    let mut budget = Budget::default();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let Some(grid) = range_grid(&mut book, &name, limits, &mut budget, is_1904)? else {
            continue;
        };
        let merges: Vec<Merge> = book
            .merge_cells_by_sheet_name(&name)
            .ok()
            .unwrap_or_default()
            .into_iter()
            .map(merge_of)
            .collect();
        check_merges(&name, &merges, limits)?;
        sheets.push(finish(&name, grid, merges));
    }
    Ok(workbook(display, sheets))
}

/// One sheet of a reader that hands out whole ranges (xls, ods): its values, then which cells
/// hold formulas; `None` for a chart or macro sheet.
fn range_grid<'a, R: Reader<Input>>(
    book: &mut R,
    name: &'a str,
    limits: &'a Limits,
    budget: &mut Budget,
    is_1904: bool,
) -> Result<Option<Grid<'a>>, OpenError>
where
    R::Error: ReadFailure,
{
    let range = match book.worksheet_range(name) {
        Ok(r) => r,
        Err(e) if e.not_a_worksheet() => return Ok(None),
        Err(e) => return Err(e.failure()),
    };
    let mut grid = Grid::new(name, limits);
    put_range(&mut grid, budget, &range, is_1904)?;
    drop(range);
    if let Ok(f) = book.worksheet_formula(name) {
        put_formulas(&mut grid, budget, &f)?;
    }
    Ok(Some(grid))
}

fn read_ods(path: &Path, display: &str, limits: &Limits) -> Result<Workbook, OpenError> {
    let mut merges = ods_scan::scan(path, limits)?;
    let mut book: Ods<Input> = open_workbook(path).map_err(|e: calamine::OdsError| e.failure())?;
    let names = sheet_list(book.sheet_names(), limits)?;
    let mut budget = Budget::default();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let Some(grid) = range_grid(&mut book, &name, limits, &mut budget, false)? else {
            continue;
        };
        let m = merges.remove(&name).unwrap_or_default();
        sheets.push(finish(&name, grid, m));
    }
    Ok(workbook(display, sheets))
}

fn read_xlsb(path: &Path, display: &str, limits: &Limits) -> Result<Workbook, OpenError> {
    let mut book: Xlsb<Input> =
        open_workbook(path).map_err(|e: calamine::XlsbError| e.failure())?;
    let is_1904 = book.has_1904_epoch();
    let names = sheet_list(book.sheet_names(), limits)?;
    let mut budget = Budget::default();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let mut grid = Grid::new(&name, limits);
        {
            let mut cells = match book.worksheet_cells_reader(&name) {
                Ok(c) => c,
                Err(e) if e.not_a_worksheet() => continue,
                Err(e) => return Err(e.failure()),
            };
            while let Some(c) = cells.next_cell().map_err(|e| e.failure())? {
                if let Some(cell) = convert_ref(c.get_value(), is_1904) {
                    let (r, col) = c.get_position();
                    grid.put(&mut budget, r, col, cell)?;
                }
            }
        }
        if let Ok(mut cells) = book.worksheet_cells_reader(&name) {
            while let Ok(Some(f)) = cells.next_formula() {
                if !f.get_value().is_empty() {
                    let (r, c) = f.get_position();
                    grid.formula(&mut budget, r, c)?;
                }
            }
        }
        // calamine does not expose xlsb merges; header matching copes without them.
        sheets.push(finish(&name, grid, Vec::new()));
    }
    Ok(workbook(display, sheets))
}

/// xlsx and xlsm: each sheet streamed once through calamine's cell reader.
fn read_xlsx(
    path: &Path,
    display: &str,
    limits: &Limits,
    zip: package::Zip,
    overclaimed: &[String],
) -> Result<Workbook, OpenError> {
    let mut parts = SheetParts::new(zip);
    // One inflate per sheet where the workbook fits in memory; calamine then reads the stored
    // copy. A copy calamine cannot open is read from the file, for calamine's own message.
    if let Some((package, mut merges)) = parts
        .as_mut()
        .and_then(|p| p.inflate_once(limits, overclaimed))
    {
        if let Ok(book) = Xlsx::new(std::io::Cursor::new(package)) {
            return read_xlsx_sheets(book, display, limits, |name| merges.take(name));
        }
    }
    // Read from the file, calamine would reserve room for the declared count.
    if !overclaimed.is_empty() {
        return Err(OpenError::OverLimit(format!(
            "共享字符串表声明的项数超过 {} 项（共享字符串数上限），且工作簿太大，无法先修正再读取",
            crate::workbook::limits::count(limits.max_shared_strings)
        )));
    }
    let book: Xlsx<Input> = open_workbook(path).map_err(|e: calamine::XlsxError| e.failure())?;
    read_xlsx_sheets(book, display, limits, |name| {
        parts.as_mut().and_then(|p| p.merges(name, limits))
    })
}

/// Every sheet's values and formula cells in one pass of calamine's cell reader; `merges`
/// gives each sheet's merged regions, or `None` to leave them to calamine.
fn read_xlsx_sheets<RS: Read + std::io::Seek>(
    mut book: Xlsx<RS>,
    display: &str,
    limits: &Limits,
    mut merges: impl FnMut(&str) -> Option<Result<Vec<Merge>, OpenError>>,
) -> Result<Workbook, OpenError> {
    let is_1904 = book.has_1904_epoch();
    let names = book.sheet_names();
    if names.is_empty() {
        return Err(OpenError::Corrupt(
            "没有找到任何工作表（缺少 xl/workbook.xml，或其中没有工作表）".into(),
        ));
    }
    let names = sheet_list(names, limits)?;
    let mut budget = Budget::default();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let mut grid = Grid::new(&name, limits);
        match book.worksheet_cells_reader(&name) {
            Ok(mut cells) => {
                // Shared formulas: the anchors seen so far, by index, and whether their
                // text is non-empty (a derived cell is a formula when its anchor is).
                let mut anchors: std::collections::HashMap<usize, bool> = Default::default();
                while let Some(c) = cells
                    .next_cell_with_formula_metadata()
                    .map_err(|e| e.failure())?
                {
                    let (r, col) = c.pos;
                    // cells come row by row: past the rows asked for, the rest is not read
                    if limits.peek_rows.is_some_and(|n| r >= n) {
                        break;
                    }
                    if let Some(f) = &c.formula {
                        if is_formula(f, &mut anchors) {
                            grid.formula(&mut budget, r, col)?;
                        }
                    }
                    if let Some(cell) = convert_owned(c.value, is_1904) {
                        grid.put(&mut budget, r, col, cell)?;
                    }
                }
            }
            // Chart sheets and dialog sheets have no cells: an empty sheet, as before.
            Err(calamine::XlsxError::NotAWorksheet(_)) => {}
            Err(e) => return Err(e.failure()),
        }
        let found = match merges(&name) {
            Some(found) => found?,
            None => merges_of(&mut book, &name, limits)?,
        };
        sheets.push(finish(&name, grid, found));
    }
    Ok(workbook(display, sheets))
}

/// Whether a formula record counts as a formula (its text, expanded for a shared formula,
/// is not empty).
fn is_formula(
    f: &calamine::XlsxFormulaMetadata,
    anchors: &mut std::collections::HashMap<usize, bool>,
) -> bool {
    use calamine::XlsxFormulaMetadata as F;
    match f {
        F::Normal { formula } => !formula.is_empty(),
        F::Shared {
            shared_index,
            formula,
            ..
        } => {
            anchors.insert(*shared_index, !formula.is_empty());
            !formula.is_empty()
        }
        F::SharedDerived { shared_index } => anchors.get(shared_index).copied().unwrap_or(false),
        _ => false,
    }
}

fn merges_of<RS: Read + std::io::Seek>(
    book: &mut Xlsx<RS>,
    name: &str,
    limits: &Limits,
) -> Result<Vec<Merge>, OpenError> {
    let merges: Vec<Merge> = book
        .merge_cells_by_sheet_name(name)
        .ok()
        .unwrap_or_default()
        .into_iter()
        .map(merge_of)
        .collect();
    check_merges(name, &merges, limits)?;
    Ok(merges)
}

fn merge_of(d: calamine::Dimensions) -> Merge {
    Merge {
        first_row: d.start.0,
        first_col: d.start.1,
        last_row: d.end.0,
        last_col: d.end.1,
    }
}

/// The sheet names, refused when there are more than `max_sheets`.
fn sheet_list(names: Vec<String>, limits: &Limits) -> Result<Vec<String>, OpenError> {
    if names.len() as u64 > limits.max_sheets {
        return Err(over_sheets(names.len() as u64, limits));
    }
    Ok(names)
}

fn finish(name: &str, grid: Grid<'_>, merges: Vec<Merge>) -> Sheet {
    let (rows, formulas) = grid.finish();
    Sheet::new(Arc::from(name), rows, merges, formulas)
}

/// The workbook read; its `path` is set by [`open_with`], which has it.
fn workbook(display: &str, sheets: Vec<Sheet>) -> Workbook {
    Workbook {
        path: std::path::PathBuf::new(),
        file: Arc::from(display),
        sheets,
    }
}

/// A dense calamine range (xls, ods) into the grid, trailing empty cells dropped.
fn put_range(
    grid: &mut Grid<'_>,
    budget: &mut Budget,
    range: &calamine::Range<Data>,
    is_1904: bool,
) -> Result<(), OpenError> {
    let Some((r0, c0)) = range.start() else {
        return Ok(());
    };
    for (r, row) in range.rows().enumerate() {
        for (c, d) in row.iter().enumerate() {
            if let Some(cell) = convert(d, is_1904) {
                grid.put(budget, r0 + r as u32, c0 + c as u32, cell)?;
            }
        }
    }
    Ok(())
}

fn put_formulas(
    grid: &mut Grid<'_>,
    budget: &mut Budget,
    range: &calamine::Range<String>,
) -> Result<(), OpenError> {
    let Some((r0, c0)) = range.start() else {
        return Ok(());
    };
    for (r, c, f) in range.used_cells() {
        if !f.is_empty() {
            grid.formula(budget, r0 + r as u32, c0 + c as u32)?;
        }
    }
    Ok(())
}

/// The serial of a date cell in the 1900 date system, whatever system the workbook uses:
/// a 1904 workbook's serials are converted with calamine's own date conversion.
fn date_serial(dt: &ExcelDateTime, is_1904: bool) -> f64 {
    if !is_1904 {
        return dt.as_f64();
    }
    match dt.as_datetime() {
        Some(t) => {
            let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
                .expect("valid epoch")
                .and_time(chrono::NaiveTime::MIN);
            (t - epoch).num_milliseconds() as f64 / 86_400_000.0
        }
        None => dt.as_f64(),
    }
}

fn convert(d: &Data, is_1904: bool) -> Option<Cell> {
    Some(match d {
        Data::Empty => return None,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => Cell::Date(date_serial(dt, is_1904)),
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => Cell::DateIso(s.clone()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    })
}

/// [`convert_ref`] for a value the cell reader hands over: its text is moved, not copied.
fn convert_owned(d: DataRef<'_>, is_1904: bool) -> Option<Cell> {
    match d {
        DataRef::String(s) => Some(Cell::Text(s)),
        DataRef::DateTimeIso(s) => Some(Cell::DateIso(s)),
        DataRef::DurationIso(s) => Some(Cell::Text(s)),
        other => convert_ref(&other, is_1904),
    }
}

fn convert_ref(d: &DataRef<'_>, is_1904: bool) -> Option<Cell> {
    Some(match d {
        DataRef::Empty => return None,
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) if dt.is_datetime() => Cell::Date(date_serial(dt, is_1904)),
        DataRef::DateTime(dt) => Cell::Number(dt.as_f64()),
        DataRef::DateTimeIso(s) => Cell::DateIso(s.clone()),
        DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    })
}

/// What a reader's error means for the user, told by the error's type (calamine's variants,
/// zip's), never by the words of its message, which a new version may change; the message
/// is only quoted.
pub(super) trait ReadFailure: std::fmt::Display {
    /// The error as the user reads it.
    fn failure(&self) -> OpenError;
    /// Whether the sheet asked for holds no cells calamine reads (a chart, dialog or macro
    /// sheet, which `sheet_names` lists too): the sheet is skipped, the workbook read.
    fn not_a_worksheet(&self) -> bool;
}

/// A zip container that cannot be read: cut short, or of a kind calamine does not read.
pub(super) fn zip_failure(e: &zip::result::ZipError, msg: String) -> OpenError {
    use zip::result::ZipError;
    match e {
        ZipError::InvalidPassword => OpenError::Encrypted,
        ZipError::UnsupportedArchive(_) => not_a_workbook(msg),
        ZipError::InvalidArchive(_) => OpenError::Corrupt(format!(
            "压缩结构不完整，文件可能只复制或下载了一半（{msg}）"
        )),
        _ => corrupt(msg),
    }
}

fn not_a_workbook(msg: String) -> OpenError {
    OpenError::NotAWorkbook(format!("无法识别文件格式（读取库的说明：{msg}）"))
}

fn corrupt(msg: String) -> OpenError {
    OpenError::Corrupt(format!("文件内部结构有误（读取库的说明：{msg}）"))
}

impl ReadFailure for calamine::XlsxError {
    fn failure(&self) -> OpenError {
        use calamine::XlsxError as E;
        match self {
            E::Password => OpenError::Encrypted,
            E::Zip(z) => zip_failure(z, self.to_string()),
            _ => corrupt(self.to_string()),
        }
    }
    fn not_a_worksheet(&self) -> bool {
        matches!(self, calamine::XlsxError::NotAWorksheet(_))
    }
}

impl ReadFailure for calamine::XlsError {
    fn failure(&self) -> OpenError {
        use calamine::XlsError as E;
        match self {
            E::Password => OpenError::Encrypted,
            E::Cfb(_) | E::Unrecognized { .. } | E::InvalidFormat { .. } => {
                not_a_workbook(self.to_string())
            }
            _ => corrupt(self.to_string()),
        }
    }
    fn not_a_worksheet(&self) -> bool {
        matches!(self, calamine::XlsError::WorksheetNotFound(_))
    }
}

impl ReadFailure for calamine::OdsError {
    fn failure(&self) -> OpenError {
        use calamine::OdsError as E;
        match self {
            E::Password => OpenError::Encrypted,
            E::Zip(z) => zip_failure(z, self.to_string()),
            E::InvalidMime(_) => not_a_workbook(self.to_string()),
            _ => corrupt(self.to_string()),
        }
    }
    fn not_a_worksheet(&self) -> bool {
        matches!(self, calamine::OdsError::WorksheetNotFound(_))
    }
}

impl ReadFailure for calamine::XlsbError {
    fn failure(&self) -> OpenError {
        use calamine::XlsbError as E;
        match self {
            E::Password => OpenError::Encrypted,
            E::Zip(z) => zip_failure(z, self.to_string()),
            E::UnsupportedType(_) | E::Unrecognized { .. } => not_a_workbook(self.to_string()),
            _ => corrupt(self.to_string()),
        }
    }
    fn not_a_worksheet(&self) -> bool {
        matches!(self, calamine::XlsbError::WorksheetNotFound(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The meaning of a reader's error comes from its type: pinned here so that a new
    /// calamine or zip that renames or rewords a variant fails loudly.
    #[test]
    fn reader_errors_are_told_by_their_type() {
        assert!(matches!(
            calamine::XlsxError::Password.failure(),
            OpenError::Encrypted
        ));
        assert!(matches!(
            calamine::XlsError::Password.failure(),
            OpenError::Encrypted
        ));
        assert!(matches!(
            calamine::OdsError::InvalidMime(b"text/plain".to_vec()).failure(),
            OpenError::NotAWorkbook(_)
        ));
        let cut = calamine::XlsxError::Zip(zip::result::ZipError::InvalidArchive(
            "Could not find EOCD".into(),
        ));
        assert!(matches!(cut.failure(), OpenError::Corrupt(m) if m.contains("只复制或下载了一半")));
        assert!(calamine::XlsxError::NotAWorksheet("图表1".into()).not_a_worksheet());
        assert!(calamine::XlsError::WorksheetNotFound("宏1".into()).not_a_worksheet());
        assert!(!calamine::XlsxError::Password.not_a_worksheet());
        // a file that starts like a zip and is not one, as the container check meets it
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("半个.xlsx");
        std::fs::write(&path, b"PK\x03\x04 and then nothing of a zip").unwrap();
        assert!(
            matches!(open(&path, "半个.xlsx"), Err(OpenError::Corrupt(m)) if m.contains("只复制或下载了一半"))
        );
    }

    #[test]
    fn first_bytes_tell_what_is_no_spreadsheet() {
        assert_eq!(not_a_spreadsheet(b"PK\x03\x04\x14\x00"), None);
        assert_eq!(not_a_spreadsheet(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1]), None);
        assert!(not_a_spreadsheet(b"%PDF-1.7").unwrap().contains("PDF"));
        assert!(not_a_spreadsheet(b"\xEF\xBB\xBF<html><table>")
            .unwrap()
            .contains("HTML"));
        assert!(not_a_spreadsheet("  <?xml version".as_bytes())
            .unwrap()
            .contains("HTML"));
        assert!(not_a_spreadsheet("序号,软件编号".as_bytes())
            .unwrap()
            .contains("文本"));
    }

    #[test]
    fn dates_of_the_1904_system_become_1900_serials() {
        use calamine::ExcelDateTimeType::DateTime;
        // 2023-05-01 is 45047 in the 1900 system and 43585 in the 1904 system.
        let d1904 = ExcelDateTime::new(43585.0, DateTime, true);
        assert_eq!(date_serial(&d1904, true), 45047.0);
        let d1900 = ExcelDateTime::new(45047.25, DateTime, false);
        assert_eq!(date_serial(&d1900, false), 45047.25);
    }
}
