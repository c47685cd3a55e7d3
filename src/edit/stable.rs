//! The same workbook gives the same bytes. umya writes two lists in hash order: the authors
//! of a sheet's notes (a sheet with notes by two people — the clerk's and ours — came out
//! differently on every run) and the custom number formats of `xl/styles.xml`. After umya
//! writes, each `xl/comments*.xml` gets its authors sorted and the notes' `authorId`
//! renumbered, and `<numFmts>` is sorted by `numFmtId` (ids are kept, so no style changes);
//! every other part is copied as it is (compressed bytes and all).

use std::io::{Cursor, Read, Write};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

const STYLES: &str = "xl/styles.xml";

fn is_comments_part(name: &str) -> bool {
    name.strip_prefix("xl/comments")
        .and_then(|rest| rest.strip_suffix(".xml"))
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// The bytes with the comment authors of every sheet in sorted order.
pub(super) fn sort_comment_authors(bytes: Vec<u8>) -> Result<Vec<u8>, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).map_err(|e| e.to_string())?;
    let parts: Vec<String> = archive
        .file_names()
        .map(|n| n.map(|n| n.into_owned()))
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    if !parts.iter().any(|n| is_comments_part(n) || n == STYLES) {
        return Ok(bytes);
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for i in 0..archive.len() {
        let name = archive
            .by_index_raw(i)
            .map_err(|e| e.to_string())?
            .name()
            .map_err(|e| e.to_string())?
            .into_owned();
        if is_comments_part(&name) || name == STYLES {
            let mut xml = String::new();
            archive
                .by_index(i)
                .map_err(|e| e.to_string())?
                .read_to_string(&mut xml)
                .map_err(|e| e.to_string())?;
            let fixed = if name == STYLES {
                sorted_number_formats(&xml)?
            } else {
                sorted(&xml)?
            };
            out.start_file(name.as_str(), options)
                .map_err(|e| e.to_string())?;
            out.write_all(&fixed).map_err(|e| e.to_string())?;
        } else {
            let file = archive.by_index_raw(i).map_err(|e| e.to_string())?;
            out.raw_copy_file(file).map_err(|e| e.to_string())?;
        }
    }
    Ok(out.finish().map_err(|e| e.to_string())?.into_inner())
}

/// One comments part with its `<author>` elements sorted and `authorId` renumbered.
fn sorted(xml: &str) -> Result<Vec<u8>, String> {
    let events = parse(xml)?;
    // Each author's content, as the events between <author> and </author>.
    let mut authors: Vec<Vec<Event<'static>>> = Vec::new();
    let mut inside: Option<Vec<Event<'static>>> = None;
    for e in &events {
        match e {
            Event::Start(s) if s.name().as_ref() == "author" => inside = Some(Vec::new()),
            Event::End(s) if s.name().as_ref() == "author" => {
                authors.extend(inside.take());
            }
            other => {
                if let Some(content) = inside.as_mut() {
                    content.push(other.clone());
                }
            }
        }
    }
    let key = |content: &Vec<Event<'static>>| format!("{content:?}");
    let mut order: Vec<usize> = (0..authors.len()).collect();
    order.sort_by_key(|&i| key(&authors[i]));
    // Old index → new index.
    let mut renumber = vec![0usize; authors.len()];
    for (new, &old) in order.iter().enumerate() {
        renumber[old] = new;
    }
    let mut writer = Writer::new(Vec::new());
    let mut author = 0;
    let mut skipping = false;
    let write = |w: &mut Writer<Vec<u8>>, e: Event<'_>| w.write_event(e).map_err(|e| e.to_string());
    for e in events {
        match e {
            Event::Start(s) if s.name().as_ref() == "author" => {
                write(&mut writer, Event::Start(s))?;
                for part in &authors[order[author]] {
                    write(&mut writer, part.clone())?;
                }
                author += 1;
                skipping = true;
            }
            Event::End(s) if s.name().as_ref() == "author" => {
                skipping = false;
                write(&mut writer, Event::End(s))?;
            }
            _ if skipping => {}
            Event::Start(s) if s.name().as_ref() == "comment" => {
                write(&mut writer, Event::Start(renumbered(&s, &renumber)))?;
            }
            Event::Empty(s) if s.name().as_ref() == "comment" => {
                write(&mut writer, Event::Empty(renumbered(&s, &renumber)))?;
            }
            other => write(&mut writer, other)?,
        }
    }
    Ok(writer.into_inner())
}

/// `xl/styles.xml` with the `<numFmt>` elements of `<numFmts>` in `numFmtId` order.
fn sorted_number_formats(xml: &str) -> Result<Vec<u8>, String> {
    let events = parse(xml)?;
    let id = |e: &Event<'_>| -> u32 {
        let (Event::Empty(s) | Event::Start(s)) = e else {
            return u32::MAX;
        };
        s.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == "numFmtId")
            .and_then(|a| a.value.parse().ok())
            .unwrap_or(u32::MAX)
    };
    let mut writer = Writer::new(Vec::new());
    let mut formats: Option<Vec<Event<'static>>> = None;
    for e in events {
        match e {
            Event::Start(s) if s.name().as_ref() == "numFmts" => {
                writer
                    .write_event(Event::Start(s))
                    .map_err(|e| e.to_string())?;
                formats = Some(Vec::new());
            }
            Event::End(s) if s.name().as_ref() == "numFmts" => {
                let mut list = formats.take().unwrap_or_default();
                list.sort_by_key(|e| id(e));
                for f in list {
                    writer.write_event(f).map_err(|e| e.to_string())?;
                }
                writer
                    .write_event(Event::End(s))
                    .map_err(|e| e.to_string())?;
            }
            // umya writes each format as one empty element.
            Event::Empty(s) if formats.is_some() && s.name().as_ref() == "numFmt" => {
                formats.as_mut().expect("inside").push(Event::Empty(s));
            }
            other => match formats.as_mut() {
                Some(_) => return Ok(xml.as_bytes().to_vec()),
                None => writer.write_event(other).map_err(|e| e.to_string())?,
            },
        }
    }
    Ok(writer.into_inner())
}

fn parse(xml: &str) -> Result<Vec<Event<'static>>, String> {
    let mut reader = Reader::from_str(xml);
    let mut events = Vec::new();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Eof => break,
            e => events.push(e.into_owned()),
        }
    }
    Ok(events)
}

fn renumbered(s: &BytesStart<'_>, renumber: &[usize]) -> BytesStart<'static> {
    let name = s.name().as_ref().to_string();
    let mut out = BytesStart::new(name);
    for attr in s.attributes().flatten() {
        let key = attr.key.as_ref().to_string();
        let value = attr.value.to_string();
        let value = match (key.as_str(), value.parse::<usize>()) {
            ("authorId", Ok(old)) if old < renumber.len() => renumber[old].to_string(),
            _ => value,
        };
        out.push_attribute((key.as_str(), value.as_str()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_sorted_ids_follow() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="x"><authors><author>zhengban</author><author>刘晓燕</author></authors><commentList><comment ref="C7" authorId="1"><text><t>a</t></text></comment><comment ref="M7" authorId="0"><text><t>b</t></text></comment></commentList></comments>"#;
        let out = String::from_utf8(sorted(xml).unwrap()).unwrap();
        assert!(
            out.contains("<authors><author>zhengban</author><author>刘晓燕</author></authors>")
                || out.contains(
                    "<authors><author>刘晓燕</author><author>zhengban</author></authors>"
                ),
            "{out}"
        );
        let swapped = xml
            .replace(
                "<author>zhengban</author><author>刘晓燕</author>",
                "<author>刘晓燕</author><author>zhengban</author>",
            )
            .replace("C7\" authorId=\"1\"", "C7\" authorId=\"X\"")
            .replace("M7\" authorId=\"0\"", "M7\" authorId=\"1\"")
            .replace("C7\" authorId=\"X\"", "C7\" authorId=\"0\"");
        let again = String::from_utf8(sorted(&swapped).unwrap()).unwrap();
        assert_eq!(out, again, "either order of authors gives one output");
        assert!(is_comments_part("xl/comments12.xml"));
        assert!(!is_comments_part("xl/commentsX.xml"));
        assert!(!is_comments_part(
            "xl/threadedComments/threadedComment1.xml"
        ));
    }
}
