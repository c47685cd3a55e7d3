//! The user's xlsx as a zip of parts: which parts exist, reading the few we change (bounded),
//! resolving relationships, and writing the copy — every part we do not change copied as its
//! compressed bytes, never inflated or parsed.

use std::collections::HashMap;
use std::io::{Cursor, Read, Write};

use quick_xml::events::Event;

use super::xml::{self, attr, local};
use super::EditError;

/// The largest part we read to change it (inflated): far above any real sheet, and the bound
/// on what one copy can make us hold.
const MAX_PART: u64 = 256 * 1024 * 1024;

/// Relationship types (the part after the last `/`).
pub(super) const REL_WORKSHEET: &str = "worksheet";
pub(super) const REL_COMMENTS: &str = "comments";
pub(super) const REL_VML: &str = "vmlDrawing";
pub(super) const REL_STYLES: &str = "styles";
pub(super) const REL_SHARED_STRINGS: &str = "sharedStrings";
pub(super) const REL_OFFICE_DOCUMENT: &str = "officeDocument";

/// The namespace of relationship types.
pub(super) const REL_NS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// One relationship of a part.
#[derive(Debug, Clone)]
pub(super) struct Rel {
    pub id: String,
    /// The last segment of its type URI (`worksheet`, `comments`…).
    pub kind: String,
    /// The target part's name, resolved (`xl/worksheets/sheet1.xml`), or the raw target of
    /// an external relationship.
    pub target: String,
    pub external: bool,
}

/// The zip, read from the input's bytes.
pub(super) struct Package {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
    /// Lower-cased part name → entry index (part names are case-insensitive).
    index: HashMap<String, usize>,
}

impl Package {
    pub fn open(bytes: &[u8]) -> Result<Package, EditError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec()))
            .map_err(|e| EditError::Open(format!("不是有效的 xlsx 压缩包（{e}）")))?;
        let mut index = HashMap::new();
        for (i, name) in zip.file_names_raw().enumerate() {
            let name = String::from_utf8_lossy(name).to_lowercase();
            index.entry(name).or_insert(i);
        }
        Ok(Package { zip, index })
    }

    /// Whether a part of this name exists.
    pub fn has(&self, name: &str) -> bool {
        self.index.contains_key(&name.to_lowercase())
    }

    /// The entry index of a part.
    pub fn entry(&self, name: &str) -> Option<usize> {
        self.index.get(&name.to_lowercase()).copied()
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.zip.len()
    }

    /// The entry's name as stored.
    pub fn entry_name(&self, i: usize) -> String {
        self.zip
            .name_for_index(i)
            .and_then(|n| n.ok())
            .map(|n| n.into_owned())
            .unwrap_or_default()
    }

    /// A part's inflated bytes, refused past [`MAX_PART`].
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, EditError> {
        let Some(i) = self.entry(name) else {
            return Ok(None);
        };
        let mut f = self.zip.by_index(i).map_err(|e| zip_error(name, e))?;
        if f.size() > MAX_PART {
            return Err(too_big(name));
        }
        let mut out = Vec::with_capacity(f.size().min(MAX_PART) as usize);
        (&mut f)
            .take(MAX_PART + 1)
            .read_to_end(&mut out)
            .map_err(|e| EditError::Open(format!("无法读取部件 {name}（{e}）")))?;
        if out.len() as u64 > MAX_PART {
            return Err(too_big(name));
        }
        Ok(Some(out))
    }

    /// A reader over a part's inflated bytes, for parts streamed rather than held.
    pub fn stream(&mut self, i: usize) -> Result<impl Read + '_, EditError> {
        let f = self
            .zip
            .by_index(i)
            .map_err(|e| zip_error(&i.to_string(), e))?;
        Ok(f.take(MAX_PART))
    }

    /// Copy entry `i` into `out` as it is stored (not inflated).
    pub fn copy_raw<W: Write + std::io::Seek>(
        &mut self,
        i: usize,
        out: &mut zip::ZipWriter<W>,
    ) -> Result<(), EditError> {
        let f = self
            .zip
            .by_index_raw(i)
            .map_err(|e| zip_error(&i.to_string(), e))?;
        out.raw_copy_file(f).map_err(save_error)
    }

    /// The relationships of part `source` (from its `_rels/NAME.rels`), targets resolved.
    pub fn rels(&mut self, source: &str) -> Result<Vec<Rel>, EditError> {
        let path = rels_path(source);
        let Some(bytes) = self.read(&path)? else {
            return Ok(Vec::new());
        };
        parse_rels(&bytes, source)
    }
}

/// The `.rels` part of `source`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
pub(super) fn rels_path(source: &str) -> String {
    match source.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None if source.is_empty() => "_rels/.rels".to_string(),
        None => format!("_rels/{source}.rels"),
    }
}

/// Parse a `.rels` part; targets are resolved against `source`'s folder.
pub(super) fn parse_rels(bytes: &[u8], source: &str) -> Result<Vec<Rel>, EditError> {
    let mut r = xml::reader(bytes);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        buf.clear();
        match r.read_event_into(&mut buf).map_err(xml::bad_xml)? {
            Event::Start(e) | Event::Empty(e) if local(e.name().as_ref()) == "Relationship" => {
                let (Some(id), Some(kind), Some(target)) =
                    (attr(&e, "Id"), attr(&e, "Type"), attr(&e, "Target"))
                else {
                    continue;
                };
                let external = attr(&e, "TargetMode").is_some_and(|m| m == "External");
                let kind = kind.rsplit('/').next().unwrap_or_default().to_string();
                let target = if external {
                    target
                } else {
                    resolve(source, &target)
                };
                out.push(Rel {
                    id,
                    kind,
                    target,
                    external,
                });
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// A relationship target as a part name: relative to the source's folder unless it starts
/// with `/`; `.` and `..` segments folded (never above the root).
pub(super) fn resolve(source: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        source.rsplit_once('/').map_or(Vec::new(), |(dir, _)| {
            dir.split('/').filter(|s| !s.is_empty()).collect()
        })
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// `target` written relative to `source`'s folder, for a relationship we add.
pub(super) fn relative(source: &str, target: &str) -> String {
    let from: Vec<&str> = source
        .rsplit_once('/')
        .map_or(Vec::new(), |(d, _)| d.split('/').collect());
    let to: Vec<&str> = target.split('/').collect();
    let common = from
        .iter()
        .zip(&to)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to.len().saturating_sub(1));
    let mut out: Vec<&str> = vec![".."; from.len() - common];
    out.extend(&to[common..]);
    out.join("/")
}

/// A fresh relationship id not among `rels`.
pub(super) fn free_rel_id(rels: &[Rel]) -> String {
    (1..)
        .map(|n| format!("rIdZb{n}"))
        .find(|id| !rels.iter().any(|r| &r.id == id))
        .expect("an unused id")
}

/// A `.rels` part holding `rels` (ours plus the ones read), targets relative to `source`.
pub(super) fn write_rels(source: &str, rels: &[Rel]) -> Vec<u8> {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for r in rels {
        let target = if r.external {
            r.target.clone()
        } else {
            relative(source, &r.target)
        };
        s.push_str(&format!(
            "<Relationship Id=\"{}\" Type=\"{}\" Target=\"{}\"{}/>",
            xml::attr_value(&r.id),
            rel_type(&r.kind),
            xml::attr_value(&target),
            if r.external {
                " TargetMode=\"External\""
            } else {
                ""
            }
        ));
    }
    s.push_str("</Relationships>");
    s.into_bytes()
}

/// The full type URI of a relationship kind.
pub(super) fn rel_type(kind: &str) -> String {
    format!("{REL_NS}/{kind}")
}

/// Add `rel` to the `.rels` part `bytes` (as read) without touching what is there.
pub(super) fn add_rels(bytes: &[u8], source: &str, new: &[Rel]) -> Result<Vec<u8>, EditError> {
    let mut added = String::new();
    for r in new {
        added.push_str(&format!(
            "<Relationship Id=\"{}\" Type=\"{}\" Target=\"{}\"/>",
            xml::attr_value(&r.id),
            rel_type(&r.kind),
            xml::attr_value(&relative(source, &r.target)),
        ));
    }
    insert_before_root_end(bytes, &added)
}

/// `bytes` with `insert` placed just before the root element's end tag (or the root turned
/// from `<x/>` into `<x>…</x>`), everything else copied as read.
pub(super) fn insert_before_root_end(bytes: &[u8], insert: &str) -> Result<Vec<u8>, EditError> {
    let mut r = xml::reader(bytes);
    let mut w = quick_xml::Writer::new(Vec::with_capacity(bytes.len() + insert.len()));
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut done = false;
    loop {
        buf.clear();
        let ev = r.read_event_into(&mut buf).map_err(xml::bad_xml)?;
        match &ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 && !done {
                    w.get_mut().extend_from_slice(insert.as_bytes());
                    done = true;
                }
            }
            Event::Empty(e) if depth == 0 && !done => {
                let name = e.name().as_ref().to_string();
                let attrs = xml::attrs_raw(e);
                w.get_mut()
                    .extend_from_slice(xml::tag(&name, &attrs, false).as_bytes());
                w.get_mut().extend_from_slice(insert.as_bytes());
                w.get_mut()
                    .extend_from_slice(format!("</{name}>").as_bytes());
                done = true;
                continue;
            }
            Event::Eof => break,
            _ => {}
        }
        w.write_event(ev)
            .map_err(|e| EditError::Save(e.to_string()))?;
    }
    if !done {
        return Err(EditError::Open("部件没有根元素".into()));
    }
    Ok(w.into_inner())
}

fn zip_error(name: &str, e: zip::result::ZipError) -> EditError {
    EditError::Open(format!("无法读取部件 {name}（{e}）"))
}

pub(super) fn save_error(e: zip::result::ZipError) -> EditError {
    EditError::Save(e.to_string())
}

fn too_big(name: &str) -> EditError {
    EditError::Open(format!("部件 {name} 解压后超过 256 MB，不修改"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_as_office_does() {
        assert_eq!(
            resolve("xl/workbook.xml", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl/workbook.xml", "/xl/worksheets/s.xml"),
            "xl/worksheets/s.xml"
        );
        assert_eq!(
            resolve("xl/worksheets/sheet1.xml", "../comments1.xml"),
            "xl/comments1.xml"
        );
        assert_eq!(resolve("xl/a.xml", "../../../../x.xml"), "x.xml");
        assert_eq!(
            relative("xl/worksheets/sheet1.xml", "xl/comments1.xml"),
            "../comments1.xml"
        );
        assert_eq!(
            relative("xl/workbook.xml", "xl/worksheets/s.xml"),
            "worksheets/s.xml"
        );
        assert_eq!(rels_path("xl/workbook.xml"), "xl/_rels/workbook.xml.rels");
    }

    #[test]
    fn an_empty_root_takes_what_is_added() {
        let out =
            insert_before_root_end(b"<?xml version=\"1.0\"?><Types a=\"1\"/>", "<X/>").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<?xml version=\"1.0\"?><Types a=\"1\"><X/></Types>"
        );
    }
}
