//! Merged regions of xlsx sheets without a second XML parse, or a second inflate, of the sheet.
//!
//! calamine reads `<mergeCells>` by tokenising the whole sheet again, which costs as much as
//! reading the cells. The element comes after `</sheetData>` (the schema fixes the order), so
//! this finds the end of the cell data with a byte search and hands only what follows to
//! quick-xml. Inflating a sheet costs a tenth of reading it, and calamine's cell reader cannot
//! hand back the bytes it inflated: so a workbook of moderate size is inflated here once, its
//! merges taken from those bytes, and calamine reads the sheets from a stored (uncompressed)
//! copy of the package in memory ([`SheetParts::inflate_once`]). Larger workbooks stream as
//! before, at the price of a second inflate ([`SheetParts::merges`]).
//! Sheet parts are found the way calamine finds them: the package relationships name the
//! workbook part, its relationships name each sheet's part. Whatever this cannot resolve is
//! left to calamine (`None`).

use std::collections::HashMap;
use std::io::{BufReader, Cursor, Read, Seek, Write};

use quick_xml::events::Event;
use zip::ZipArchive;

use super::grid::check_merges;
use super::limits::{Limits, MAX_COLS, MAX_ROWS};
use super::{Merge, OpenError};

/// The sheets' parts inside one xlsx zip.
pub(super) struct SheetParts<R> {
    zip: ZipArchive<R>,
    /// Lower-cased zip path → the path as stored.
    names: HashMap<String, String>,
    /// Sheet name → its part's path (as calamine builds it).
    parts: HashMap<String, String>,
}

impl<R: Read + Seek> SheetParts<R> {
    /// Resolve every sheet's part; `None` when the package cannot be followed.
    pub(super) fn new(zip: ZipArchive<R>) -> Option<Self> {
        let names: HashMap<String, String> = zip
            .file_names()
            .filter_map(|n| n.ok())
            .map(|n| (n.to_ascii_lowercase(), n.to_string()))
            .collect();
        let mut parts = SheetParts {
            zip,
            names,
            parts: HashMap::new(),
        };
        let target = parts
            .relationships("_rels/.rels")?
            .into_iter()
            .find(|(_, (_, typ))| typ.ends_with("/relationships/officeDocument"))
            .map(|(_, (target, _))| target)?;
        let (dir, name) = match target.rfind('/') {
            Some(i) => target.split_at(i + 1),
            None => ("", target.as_str()),
        };
        let dir = dir.strip_prefix('/').unwrap_or(dir).to_string();
        let name = if name.is_empty() {
            "workbook.xml"
        } else {
            name
        };
        let rels = parts.relationships(&format!("{dir}_rels/{name}.rels"))?;
        let sheets = parts.sheet_ids(&format!("{dir}{name}"))?;
        for (sheet, id) in sheets {
            let (target, _) = rels.get(&id)?;
            let path = match target.strip_prefix('/') {
                Some(abs) => abs.to_string(),
                None => format!("{dir}{target}"),
            };
            parts.parts.insert(sheet, path);
        }
        Some(parts)
    }

    fn open(
        &mut self,
        path: &str,
    ) -> Option<quick_xml::Reader<BufReader<zip::read::ZipFile<'_, R>>>> {
        let stored = self.names.get(&path.to_ascii_lowercase())?;
        let file = self.zip.by_name(stored).ok()?;
        let mut r = quick_xml::Reader::from_reader(BufReader::new(file));
        r.config_mut().check_end_names = false;
        Some(r)
    }

    /// Id → (target, type) of a relationships part.
    fn relationships(&mut self, path: &str) -> Option<HashMap<String, (String, String)>> {
        let mut xml = self.open(path)?;
        let mut out = HashMap::new();
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf).ok()? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                    let mut id = None;
                    let (mut target, mut typ) = (String::new(), String::new());
                    for a in e.attributes().flatten() {
                        match a.key.as_ref() {
                            "Id" => id = Some(a.value.to_string()),
                            "Target" => target = a.value.to_string(),
                            "Type" => typ = a.value.to_string(),
                            _ => {}
                        }
                    }
                    if let Some(id) = id {
                        out.insert(id, (target, typ));
                    }
                }
                Event::Eof => return Some(out),
                _ => {}
            }
        }
    }

    /// (sheet name, relationship id) of the workbook part, in order.
    fn sheet_ids(&mut self, path: &str) -> Option<Vec<(String, String)>> {
        let mut xml = self.open(path)?;
        let mut out = Vec::new();
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf).ok()? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sheet" => {
                    let (mut name, mut id) = (None, None);
                    for a in e.attributes().flatten() {
                        if a.key.as_ref() == "name" {
                            name = quick_xml::escape::unescape(&a.value)
                                .ok()
                                .map(|s| s.into_owned());
                        } else if a.key.local_name().as_ref() == "id" {
                            id = Some(a.value.to_string());
                        }
                    }
                    out.push((name?, id?));
                }
                Event::End(e) if e.local_name().as_ref() == "sheets" => return Some(out),
                Event::Eof => return Some(out),
                _ => {}
            }
        }
    }

    /// The merged regions of a sheet; `None` when its part cannot be read this way.
    pub(super) fn merges(
        &mut self,
        sheet: &str,
        limits: &Limits,
    ) -> Option<Result<Vec<Merge>, OpenError>> {
        let path = self.parts.get(sheet)?.clone();
        let stored = self.names.get(&path.to_ascii_lowercase())?.clone();
        let mut file = self.zip.by_name(&stored).ok()?;
        let tail = after_sheet_data(&mut file)?;
        Some(read_merges(tail.chain(file), sheet, limits))
    }
}

/// Sheets of a workbook whose parts inflate to at most this, together, are held in memory for
/// one pass ([`SheetParts::inflate_once`]); beyond it the sheets stream.
const IN_MEMORY_SHEETS: u64 = 64 * 1024 * 1024;

/// The merged regions read while inflating, by sheet name (or why they could not be read).
pub(super) struct SheetMerges(HashMap<String, Result<Vec<Merge>, OpenError>>);

impl SheetMerges {
    /// The merged regions of a sheet; `None` for a sheet whose part was not resolved.
    pub(super) fn take(&mut self, sheet: &str) -> Option<Result<Vec<Merge>, OpenError>> {
        self.0.remove(sheet)
    }
}

impl<R: Read + Seek> SheetParts<R> {
    /// Inflate every sheet once, read its merged regions from the bytes, and repack the
    /// package: every sheet part stored uncompressed, the other parts copied as they were.
    /// `None` — stream instead — when the sheets are large
    /// together, or anything in the package does not copy cleanly (a damaged part is then
    /// reported by the streaming path, in calamine's words, as before).
    pub(super) fn inflate_once(
        &mut self,
        limits: &Limits,
        overclaimed: &[String],
    ) -> Option<(Vec<u8>, SheetMerges)> {
        let mut sheets_of: HashMap<String, Vec<String>> = HashMap::new();
        for (sheet, path) in &self.parts {
            if let Some(stored) = self.names.get(&path.to_ascii_lowercase()) {
                sheets_of
                    .entry(stored.clone())
                    .or_default()
                    .push(sheet.clone());
            }
        }
        let mut total: u64 = 0;
        for i in 0..self.zip.len() {
            let entry = self.zip.by_index_data(i).ok()?;
            let name = entry.name().ok()?;
            if sheets_of.contains_key(name.as_ref()) {
                total = total.saturating_add(entry.size());
            }
        }
        if total > IN_MEMORY_SHEETS {
            return None;
        }
        let mut out =
            zip::ZipWriter::new(Cursor::new(Vec::with_capacity(total as usize + 64 * 1024)));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let mut merges = HashMap::new();
        let mut bytes = Vec::new();
        for i in 0..self.zip.len() {
            let file = self.zip.by_index(i).ok()?;
            let name = file.name().ok()?.to_string();
            if overclaimed.contains(&name) {
                bytes.clear();
                file.take(limits.max_part_bytes.saturating_add(1))
                    .read_to_end(&mut bytes)
                    .ok()?;
                without_declared_count(&mut bytes);
                out.start_file(name, stored).ok()?;
                out.write_all(&bytes).ok()?;
                continue;
            }
            let Some(sheets) = sheets_of.get(&name) else {
                out.raw_copy_file(file).ok()?;
                continue;
            };
            bytes.clear();
            // The zip reader holds a part to the size its directory entry declares, which
            // `package::inspect` has checked against the limits; a part over them anyway is
            // left to the streaming path, which refuses it.
            file.take(limits.max_part_bytes.saturating_add(1))
                .read_to_end(&mut bytes)
                .ok()?;
            if bytes.len() as u64 > limits.max_part_bytes {
                return None;
            }
            if let Some(found) = merges_in(&bytes, &sheets[0], limits) {
                for sheet in sheets {
                    merges.insert(sheet.clone(), found.clone());
                }
            }
            out.start_file(name, stored).ok()?;
            out.write_all(&bytes).ok()?;
        }
        let package = out.finish().ok()?.into_inner();
        Some((package, SheetMerges(merges)))
    }
}

/// A shared-string part whose `uniqueCount` overstates what it holds, with the attribute
/// renamed in place (same length, so nothing moves): calamine then reserves nothing and
/// grows its table as it reads the strings, which were counted against the limit.
fn without_declared_count(part: &mut [u8]) {
    let head = part.len().min(4096);
    if let Some(i) = memchr::memmem::find(&part[..head], b"uniqueCount") {
        part[i + 10] = b'_';
    }
}

/// The merged regions of a sheet part held in memory; `None` (left to calamine) when the
/// end of its cell data cannot be found, as in [`SheetParts::merges`].
fn merges_in(part: &[u8], sheet: &str, limits: &Limits) -> Option<Result<Vec<Merge>, OpenError>> {
    let finder = memchr::memmem::Finder::new(b"sheetData");
    let end = finder
        .find_iter(part)
        .find_map(|at| end_of_sheet_data(part, at))?;
    Some(read_merges(&part[end..], sheet, limits))
}

/// Bytes kept between chunks so a tag split across two reads is still found.
const OVERLAP: usize = 64;

/// Read up to the end of `<sheetData>`; the bytes after it, and `part` is left there.
fn after_sheet_data(part: &mut impl Read) -> Option<Cursor<Vec<u8>>> {
    let finder = memchr::memmem::Finder::new(b"sheetData");
    let mut buf = vec![0u8; 64 * 1024 + OVERLAP];
    let mut kept = 0usize;
    loop {
        let n = part.read(&mut buf[kept..]).ok()?;
        if n == 0 {
            return None;
        }
        let window = &buf[..kept + n];
        for at in finder.find_iter(window) {
            if let Some(end) = end_of_sheet_data(window, at) {
                return Some(Cursor::new(window[end..].to_vec()));
            }
        }
        let keep = OVERLAP.min(window.len());
        let len = window.len();
        buf.copy_within(len - keep..len, 0);
        kept = keep;
    }
}

/// When the `sheetData` at `at` is the end of the element (`</sheetData>`, `</x:sheetData>`,
/// or an empty `<sheetData/>`), the offset just after it.
fn end_of_sheet_data(w: &[u8], at: usize) -> Option<usize> {
    let after = &w[at + b"sheetData".len()..];
    let before = &w[..at];
    // Skip a namespace prefix (`x:`).
    let mut i = before.len();
    if i > 0 && before[i - 1] == b':' {
        i -= 1;
        while i > 0 && (before[i - 1].is_ascii_alphanumeric() || b"_.-".contains(&before[i - 1])) {
            i -= 1;
        }
    }
    let closing = i >= 2 && &before[i - 2..i] == b"</";
    let opening = i >= 1 && before[i - 1] == b'<' && !closing;
    let rest = after.iter().position(|b| !b.is_ascii_whitespace())?;
    if closing && after[rest] == b'>' {
        return Some(at + b"sheetData".len() + rest + 1);
    }
    if opening && after.get(rest..rest + 2) == Some(b"/>") {
        return Some(at + b"sheetData".len() + rest + 2);
    }
    None
}

/// The `<mergeCell ref>`s of the first `<mergeCells>`; an unreadable reference makes the
/// sheet's list empty, as calamine's does.
fn read_merges(tail: impl Read, sheet: &str, limits: &Limits) -> Result<Vec<Merge>, OpenError> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(tail));
    xml.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut inside = false;
    loop {
        buf.clear();
        let Ok(ev) = xml.read_event_into(&mut buf) else {
            return Ok(Vec::new());
        };
        match ev {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "mergeCells" => inside = true,
                "mergeCell" if inside => {
                    let reference = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == "ref")
                        .map(|a| a.value.into_owned());
                    if let Some(r) = reference {
                        let Some(m) = parse_range(&r) else {
                            return Ok(Vec::new());
                        };
                        out.push(m);
                        if out.len().is_multiple_of(4096) {
                            check_merges(sheet, &out, limits)?;
                        }
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "mergeCells" => break,
            Event::Eof => break,
            _ => {}
        }
    }
    check_merges(sheet, &out, limits)?;
    Ok(out)
}

/// `B3` → (row 2, col 1); `None` unless letters then digits, inside Excel's grid.
fn parse_cell(s: &str) -> Option<(u32, u32)> {
    let split = s.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = s.split_at(split);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    if digits.len() > 7 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let col = letters.bytes().fold(0u32, |acc, b| {
        acc * 26 + (b.to_ascii_uppercase() - b'A') as u32 + 1
    });
    let row: u32 = digits.parse().ok()?;
    if row == 0 || row > MAX_ROWS || col > MAX_COLS {
        return None;
    }
    Some((row - 1, col - 1))
}

/// `A1:C2` or `A1` → the region.
fn parse_range(s: &str) -> Option<Merge> {
    let mut parts = s.split(':');
    let start = parse_cell(parts.next()?)?;
    let end = match parts.next() {
        Some(p) => parse_cell(p)?,
        None => start,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(Merge {
        first_row: start.0,
        first_col: start.1,
        last_row: end.0,
        last_col: end.1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert_eq!(
            parse_range("B3:D10"),
            Some(Merge {
                first_row: 2,
                first_col: 1,
                last_row: 9,
                last_col: 3
            })
        );
        assert_eq!(parse_range("XFD1048576").map(|m| m.last_col), Some(16383));
        assert_eq!(parse_range("XFE1"), None);
        assert_eq!(parse_range("A0"), None);
        assert_eq!(parse_range("$A$1:B2"), None);
        assert_eq!(parse_range("A1:B2:C3"), None);
    }

    fn tail_of(xml: &str, chunk: usize) -> Option<String> {
        // A reader that returns at most `chunk` bytes a time, to split tags across reads.
        struct Slow<'a>(&'a [u8], usize);
        impl Read for Slow<'_> {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                let n = self.1.min(out.len()).min(self.0.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut r = Slow(xml.as_bytes(), chunk);
        let mut tail = after_sheet_data(&mut r)?;
        let mut s = String::new();
        tail.read_to_string(&mut s).ok()?;
        r.read_to_string(&mut s).ok()?;
        Some(s)
    }

    #[test]
    fn the_end_of_the_cell_data_is_found_in_any_chunking() {
        let xml = r#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>sheetData></t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>"#;
        for chunk in [1, 3, 7, 64, 1000] {
            let tail = tail_of(xml, chunk).unwrap();
            assert!(tail.starts_with("<mergeCells"), "{chunk}: {tail}");
        }
        let ns = r#"<x:worksheet><x:sheetData/><x:mergeCells><x:mergeCell ref="C3:C9"/></x:mergeCells></x:worksheet>"#;
        let tail = tail_of(ns, 5).unwrap();
        let m = read_merges(tail.as_bytes(), "S", &Limits::default()).unwrap();
        assert_eq!(m, vec![parse_range("C3:C9").unwrap()]);
        assert!(tail_of("<worksheet><sheetData>", 4).is_none());
    }

    /// A minimal deflated xlsx package with one sheet holding `cells` and `merges`.
    fn package(sheet_xml: &str) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let parts = [
            (
                "[Content_Types].xml",
                r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
            ),
            (
                "_rels/.rels",
                r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
            ),
            (
                "xl/workbook.xml",
                r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            ),
            (
                "xl/_rels/workbook.xml.rels",
                r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            ),
            ("xl/worksheets/sheet1.xml", sheet_xml),
        ];
        for (name, text) in parts {
            w.start_file(name, deflated).unwrap();
            w.write_all(text.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn inflating_once_finds_the_merges_streaming_finds_and_calamine_reads_the_copy() {
        use calamine::Reader;
        let sheet = r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>软件使用情况明细表</t></is></c></row><row r="2"><c r="B2"><v>42</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:M1"/><mergeCell ref="B2:B5"/></mergeCells></worksheet>"#;
        let bytes = package(sheet);
        let limits = Limits::default();
        let open =
            || SheetParts::new(ZipArchive::new(Cursor::new(bytes.clone())).unwrap()).unwrap();
        let streamed = open().merges("台账", &limits).unwrap().unwrap();
        assert_eq!(
            streamed,
            vec![parse_range("A1:M1").unwrap(), parse_range("B2:B5").unwrap()]
        );
        let (package, mut merges) = open().inflate_once(&limits, &[]).unwrap();
        assert_eq!(merges.take("台账").unwrap().unwrap(), streamed);
        assert!(merges.take("其他").is_none());
        // The copy stores the sheet uncompressed and still reads as the same workbook.
        let mut copy = ZipArchive::new(Cursor::new(package.clone())).unwrap();
        assert_eq!(
            copy.by_name("xl/worksheets/sheet1.xml")
                .unwrap()
                .compression(),
            zip::CompressionMethod::Stored
        );
        let mut book = calamine::Xlsx::new(Cursor::new(package)).unwrap();
        let range = book.worksheet_range("台账").unwrap();
        assert_eq!(
            range.get_value((0, 0)),
            Some(&calamine::Data::String("软件使用情况明细表".into()))
        );
        assert_eq!(range.get_value((1, 1)), Some(&calamine::Data::Float(42.0)));
    }

    #[test]
    fn a_sheet_without_an_end_of_cell_data_is_left_to_calamine() {
        let bytes = package(r#"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>"#);
        let mut parts = SheetParts::new(ZipArchive::new(Cursor::new(bytes)).unwrap()).unwrap();
        let (_, mut merges) = parts.inflate_once(&Limits::default(), &[]).unwrap();
        assert!(merges.take("台账").is_none());
    }

    #[test]
    fn an_unreadable_reference_drops_the_sheets_merges() {
        let tail = r#"<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="bad"/></mergeCells>"#;
        assert_eq!(
            read_merges(tail.as_bytes(), "S", &Limits::default()).unwrap(),
            vec![]
        );
    }
}
