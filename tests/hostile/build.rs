//! Workbooks built from raw parts for the hostile tests: xlsx and ods as zip entries of XML
//! written here byte by byte (the point is files no spreadsheet program would write), and
//! zip bombs, whose inflated gigabyte is never held in memory or deflated here.
#![allow(dead_code)]

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The parts of a zip, in order: name and inflated bytes.
pub type Entries = Vec<(String, Vec<u8>)>;

/// The entries of a zip, or `None` when it is no zip the `zip` crate reads.
pub fn read_zip(bytes: &[u8]) -> Option<Entries> {
    let mut z = ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut out = Vec::with_capacity(z.len());
    for i in 0..z.len() {
        let mut f = z.by_index(i).ok()?;
        if f.is_dir() {
            continue;
        }
        let mut data = Vec::new();
        f.read_to_end(&mut data).ok()?;
        let name = f.name().ok()?.into_owned();
        out.push((name, data));
    }
    Some(out)
}

/// A zip of `entries`, deflated at the fastest level (an ods `mimetype` stored, as the
/// format wants). Names that repeat are refused by the zip crate: those are skipped.
pub fn write_zip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        let options = if name == "mimetype" {
            SimpleFileOptions::default().compression_method(CompressionMethod::Stored)
        } else {
            SimpleFileOptions::default()
                .compression_method(CompressionMethod::Deflated)
                .compression_level(Some(1))
        }
        .large_file(data.len() as u64 >= u32::MAX as u64);
        if z.start_file(name.as_str(), options).is_err() {
            continue;
        }
        z.write_all(data).expect("write zip entry");
    }
    z.finish().expect("finish zip").into_inner()
}

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A worksheet part around `sheet_data` (the inside of `<sheetData>`).
pub fn sheet_xml(sheet_data: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MAIN}"><sheetData>{sheet_data}</sheetData></worksheet>"#
    )
}

/// An inline-string cell.
pub fn text_cell(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>"#)
}

/// The parts of an xlsx: one worksheet part per entry of `sheets` (name, part XML), named in
/// the workbook `sheet_names` times each (more names than parts point at the same parts, as
/// a hostile workbook may), and a shared-strings part when given.
pub fn xlsx_parts(sheets: &[(String, String)], shared: Option<String>) -> Entries {
    let mut types = String::new();
    let mut rels = String::new();
    let mut book = String::new();
    let mut parts: Entries = Vec::new();
    for (i, (name, xml)) in sheets.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!(
            r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="rId{n}" Type="{REL}/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        ));
        book.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#
        ));
        parts.push((
            format!("xl/worksheets/sheet{n}.xml"),
            xml.clone().into_bytes(),
        ));
    }
    if let Some(sst) = shared {
        types.push_str(r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#);
        rels.push_str(&format!(
            r#"<Relationship Id="rIdSst" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>"#
        ));
        parts.push(("xl/sharedStrings.xml".into(), sst.into_bytes()));
    }
    let mut out: Entries = vec![
        (
            "[Content_Types].xml".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{types}</Types>"#
            )
            .into_bytes(),
        ),
        (
            "_rels/.rels".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            )
            .into_bytes(),
        ),
        (
            "xl/workbook.xml".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{book}</sheets></workbook>"#
            )
            .into_bytes(),
        ),
        (
            "xl/_rels/workbook.xml.rels".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
            )
            .into_bytes(),
        ),
    ];
    out.extend(parts);
    out
}

/// A workbook.xml naming `n` sheets that all point at the first worksheet part.
pub fn many_sheets_book(n: usize) -> Vec<u8> {
    let mut book = String::new();
    for i in 1..=n {
        book.push_str(&format!(
            r#"<sheet name="表{i}" sheetId="{i}" r:id="rId1"/>"#
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{book}</sheets></workbook>"#
    )
    .into_bytes()
}

const ODS_NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0""#;

/// The start of an ods content.xml up to the inside of its one table; [`ODS_TAIL`] closes it.
pub fn ods_head() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} office:version="1.2"><office:body><office:spreadsheet><table:table table:name="汇总表">"#
    )
}

/// The end of an ods content.xml begun by [`ods_head`].
pub const ODS_TAIL: &str =
    "</table:table></office:spreadsheet></office:body></office:document-content>";

/// The parts of an ods other than content.xml.
pub fn ods_parts() -> Entries {
    vec![
        (
            "mimetype".into(),
            b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
        ),
        (
            "META-INF/manifest.xml".into(),
            br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#
                .to_vec(),
        ),
    ]
}

/// A zip whose entry `big` inflates to `head`, then `mib` MiB of `fill`, then `tail`; the
/// other entries are stored. The zip crate can only deflate what it is given, and deflating
/// a gigabyte takes half a minute, so the bomb's deflate stream is assembled from pieces:
/// once the window holds 32 KiB of `fill`, a sync-flushed block of 1 MiB of `fill` decodes
/// the same wherever it stands, and is repeated. The zip around it is written here for the
/// same reason (no zip writer takes a ready deflate stream); `read_zip` and the test that
/// inflates every bomb check it.
pub fn bomb(
    others: &[(String, Vec<u8>)],
    big: &str,
    head: &[u8],
    fill: u8,
    mib: usize,
    tail: &[u8],
) -> Vec<u8> {
    use flate2::{Compress, Compression, Crc, FlushCompress};
    const MIB: usize = 1 << 20;
    assert!(mib >= 2);
    let block = vec![fill; MIB];
    let mut c = Compress::new(Compression::best(), false);
    let mut piece = |input: &[u8], flush: FlushCompress| -> Vec<u8> {
        let mut out = Vec::new();
        let start = c.total_in();
        loop {
            out.reserve(256 * 1024);
            let done = (c.total_in() - start) as usize;
            let status = c
                .compress_vec(&input[done..], &mut out, flush)
                .expect("deflate");
            let done = (c.total_in() - start) as usize;
            // A flush is complete once all input is taken and the output did not fill up.
            let complete = match flush {
                FlushCompress::Finish => status == flate2::Status::StreamEnd,
                _ => done == input.len() && out.len() < out.capacity(),
            };
            if complete {
                break out;
            }
        }
    };
    let mut first = head.to_vec();
    first.extend_from_slice(&block);
    let first = piece(&first, FlushCompress::Sync);
    let repeated = piece(&block, FlushCompress::Sync);
    let last = piece(tail, FlushCompress::Finish);
    let mut crc = Crc::new();
    crc.update(head);
    let mut block_crc = Crc::new();
    block_crc.update(&block);
    for _ in 0..mib {
        crc.combine(&block_crc);
    }
    let mut tail_crc = Crc::new();
    tail_crc.update(tail);
    crc.combine(&tail_crc);
    let size = head.len() as u64 + (mib * MIB) as u64 + tail.len() as u64;
    assert!(size < u32::MAX as u64, "no zip64 here");
    let mut stream = first;
    for _ in 1..mib {
        stream.extend_from_slice(&repeated);
    }
    stream.extend_from_slice(&last);

    let mut zip = RawZip::default();
    for (name, data) in others {
        let mut crc = Crc::new();
        crc.update(data);
        zip.add(name, 0, crc.sum(), data.len() as u32, data);
    }
    zip.add(big, 8, crc.sum(), size as u32, &stream);
    zip.finish()
}

/// The smallest zip writer there is: local headers, data, central directory, end record.
#[derive(Default)]
struct RawZip {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

impl RawZip {
    fn add(&mut self, name: &str, method: u16, crc: u32, size: u32, data: &[u8]) {
        let offset = self.out.len() as u32;
        let name = name.as_bytes();
        let common = |v: &mut Vec<u8>| {
            v.extend_from_slice(&20u16.to_le_bytes()); // version needed
            v.extend_from_slice(&0u16.to_le_bytes()); // flags
            v.extend_from_slice(&method.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // time
            v.extend_from_slice(&0x5b61u16.to_le_bytes()); // date 2025-11-01
            v.extend_from_slice(&crc.to_le_bytes());
            v.extend_from_slice(&(data.len() as u32).to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&(name.len() as u16).to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // extra
        };
        self.out.extend_from_slice(&0x04034b50u32.to_le_bytes());
        common(&mut self.out);
        self.out.extend_from_slice(name);
        self.out.extend_from_slice(data);
        self.central.extend_from_slice(&0x02014b50u32.to_le_bytes());
        self.central.extend_from_slice(&20u16.to_le_bytes()); // made by
        common(&mut self.central);
        self.central.extend_from_slice(&0u16.to_le_bytes()); // comment
        self.central.extend_from_slice(&0u16.to_le_bytes()); // disk
        self.central.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        self.central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(name);
        self.count += 1;
    }

    fn finish(mut self) -> Vec<u8> {
        let at = self.out.len() as u32;
        let len = self.central.len() as u32;
        self.out.extend_from_slice(&self.central);
        self.out.extend_from_slice(&0x06054b50u32.to_le_bytes());
        self.out.extend_from_slice(&[0; 4]); // disk numbers
        self.out.extend_from_slice(&self.count.to_le_bytes());
        self.out.extend_from_slice(&self.count.to_le_bytes());
        self.out.extend_from_slice(&len.to_le_bytes());
        self.out.extend_from_slice(&at.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes());
        self.out
    }
}
