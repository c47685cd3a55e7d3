//! Notes (comments) on cells: the sheet's comments part and the VML drawing that gives each
//! note its box. A note the user wrote stays; ours is added beside it or after its text; the
//! user's parts are patched, not rebuilt, and a sheet without notes gets new parts.

use std::collections::BTreeMap;

use quick_xml::events::Event;

use super::xml::{self, attr, local};
use super::{Addr, EditError, Existing, AUTHOR};

/// One note to put on a cell.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Note {
    pub text: String,
    pub existing: Existing,
}

/// What follows the user's own text when our note is added after it.
const APPENDED: &str = "\n\n【zhengban 诊断】\n";

/// The text runs of a note we write.
fn runs(p: &str, text: &str) -> String {
    format!(
        "<{p}r><{p}t xml:space=\"preserve\">{}</{p}t></{p}r>",
        xml::text(&crate::base::gate::cell_text(text))
    )
}

fn comment(p: &str, at: Addr, author: usize, text: &str) -> String {
    format!(
        "<{p}comment ref=\"{}\" authorId=\"{author}\"><{p}text>{}</{p}text></{p}comment>",
        at.a1(),
        runs(p, text)
    )
}

/// A new comments part holding `notes`.
pub(super) fn new_comments(notes: &BTreeMap<Addr, Note>) -> Vec<u8> {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <comments xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
         <authors><author>",
    );
    s.push_str(AUTHOR);
    s.push_str("</author></authors><commentList>");
    for (at, n) in notes {
        s.push_str(&comment("", *at, 0, &n.text));
    }
    s.push_str("</commentList></comments>");
    s.into_bytes()
}

/// The user's comments part with `notes` added: the cells whose notes are new (they need a
/// box in the drawing), and the new part.
pub(super) fn patch_comments(
    bytes: &[u8],
    notes: &BTreeMap<Addr, Note>,
) -> Result<(Vec<Addr>, Vec<u8>), EditError> {
    // First pass: the authors, and which cells already carry a note.
    let mut authors: Vec<String> = Vec::new();
    let mut existing: Vec<Addr> = Vec::new();
    {
        let mut r = xml::reader(bytes);
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match r.read_event_into(&mut buf).map_err(xml::bad_xml)? {
                Event::Start(e) if local(e.name().as_ref()) == "author" => {
                    authors.push(xml::element_text_plain(&mut r, &mut buf)?);
                }
                Event::Empty(e) if local(e.name().as_ref()) == "author" => {
                    authors.push(String::new())
                }
                Event::Start(e) | Event::Empty(e) if local(e.name().as_ref()) == "comment" => {
                    if let Some(at) = attr(&e, "ref").and_then(|r| Addr::parse(&r)) {
                        existing.push(at);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }
    let ours = authors.iter().position(|a| a == AUTHOR);
    let author = ours.unwrap_or(authors.len());
    let new: Vec<Addr> = notes
        .keys()
        .filter(|at| !existing.contains(at))
        .copied()
        .collect();

    let mut r = xml::reader(bytes);
    let mut w = quick_xml::Writer::new(Vec::with_capacity(bytes.len() + 1024));
    let mut buf = Vec::new();
    let mut p = String::new();
    let mut depth = 0usize;
    let mut saw_authors = false;
    let mut saw_list = false;
    // the note being appended to: insert our run before its first rPh/phoneticPr or its end
    let mut appending: Option<String> = None;
    let mut in_text = false;
    let mut wrapped = false;
    let raw =
        |w: &mut quick_xml::Writer<Vec<u8>>, s: &str| w.get_mut().extend_from_slice(s.as_bytes());
    loop {
        buf.clear();
        let ev = r.read_event_into(&mut buf).map_err(xml::bad_xml)?;
        let name = xml::event_name(&ev);
        match &ev {
            Event::Start(e) if depth == 0 => p = xml::prefix_of(e.name().as_ref()),
            Event::Empty(e) if depth == 0 => {
                // `<comments/>`: nothing there
                p = xml::prefix_of(e.name().as_ref());
                let qname = e.name().as_ref().to_string();
                raw(&mut w, &xml::tag(&qname, &xml::attrs_raw(e), false));
                raw(
                    &mut w,
                    &format!(
                        "<{p}authors><{p}author>{AUTHOR}</{p}author></{p}authors><{p}commentList>"
                    ),
                );
                for at in &new {
                    raw(&mut w, &comment(&p, *at, 0, &notes[at].text));
                }
                raw(&mut w, &format!("</{p}commentList></{qname}>"));
                continue;
            }
            Event::Start(_) if depth == 1 && name == "authors" => saw_authors = true,
            Event::Empty(e) if depth == 1 && name == "authors" => {
                saw_authors = true;
                let qname = e.name().as_ref().to_string();
                raw(
                    &mut w,
                    &format!("<{qname}><{p}author>{AUTHOR}</{p}author></{qname}>"),
                );
                continue;
            }
            Event::End(_) if depth == 2 && name == "authors" && ours.is_none() => {
                raw(&mut w, &format!("<{p}author>{AUTHOR}</{p}author>"));
            }
            Event::Start(e) if depth == 2 && name == "comment" => {
                if let Some(at) = attr(e, "ref").and_then(|r| Addr::parse(&r)) {
                    if let Some(n) = notes.get(&at) {
                        match n.existing {
                            Existing::Keep => {}
                            Existing::Append => appending = Some(n.text.clone()),
                            Existing::Replace => {
                                xml::skip_element(&mut r, &mut buf)?;
                                raw(&mut w, &comment(&p, at, author, &n.text));
                                continue;
                            }
                        }
                    }
                }
            }
            Event::Start(_) if depth == 3 && name == "text" && appending.is_some() => {
                in_text = true
            }
            Event::Start(_) | Event::Empty(_)
                if depth == 4 && in_text && matches!(name.as_str(), "rPh" | "phoneticPr") =>
            {
                if let Some(t) = appending.take() {
                    raw(&mut w, &runs(&p, &format!("{APPENDED}{t}")));
                }
            }
            // a plain `<t>` beside our run would be dropped by readers that expect either a
            // plain text or runs: it becomes a run of its own
            Event::Start(_) | Event::Empty(_)
                if depth == 4 && in_text && appending.is_some() && name == "t" =>
            {
                raw(&mut w, &format!("<{p}r>"));
                let empty = matches!(ev, Event::Empty(_));
                if empty {
                    w.write_event(ev)
                        .map_err(|e| EditError::Save(e.to_string()))?;
                    raw(&mut w, &format!("</{p}r>"));
                    continue;
                }
                wrapped = true;
            }
            Event::End(_) if depth == 5 && wrapped && name == "t" => {
                depth -= 1;
                w.write_event(ev)
                    .map_err(|e| EditError::Save(e.to_string()))?;
                raw(&mut w, &format!("</{p}r>"));
                wrapped = false;
                continue;
            }
            Event::End(_) if depth == 4 && in_text && name == "text" => {
                if let Some(t) = appending.take() {
                    raw(&mut w, &runs(&p, &format!("{APPENDED}{t}")));
                }
                in_text = false;
            }
            Event::End(_) if depth == 3 && name == "comment" => {
                appending = None;
                in_text = false;
            }
            Event::Start(_) if depth == 1 && name == "commentList" => {
                saw_list = true;
                if !saw_authors {
                    saw_authors = true;
                    raw(
                        &mut w,
                        &format!("<{p}authors><{p}author>{AUTHOR}</{p}author></{p}authors>"),
                    );
                }
            }
            Event::Empty(e) if depth == 1 && name == "commentList" => {
                saw_list = true;
                if !saw_authors {
                    saw_authors = true;
                    raw(
                        &mut w,
                        &format!("<{p}authors><{p}author>{AUTHOR}</{p}author></{p}authors>"),
                    );
                }
                let qname = e.name().as_ref().to_string();
                raw(&mut w, &format!("<{qname}>"));
                for at in &new {
                    raw(&mut w, &comment(&p, *at, author, &notes[at].text));
                }
                raw(&mut w, &format!("</{qname}>"));
                continue;
            }
            Event::End(_) if depth == 2 && name == "commentList" => {
                for at in &new {
                    raw(&mut w, &comment(&p, *at, author, &notes[at].text));
                }
            }
            Event::End(_) if depth == 1 && !saw_list => {
                if !saw_authors {
                    raw(
                        &mut w,
                        &format!("<{p}authors><{p}author>{AUTHOR}</{p}author></{p}authors>"),
                    );
                }
                raw(&mut w, &format!("<{p}commentList>"));
                for at in &new {
                    raw(&mut w, &comment(&p, *at, author, &notes[at].text));
                }
                raw(&mut w, &format!("</{p}commentList>"));
            }
            Event::Eof => break,
            _ => {}
        }
        xml::copy_event(&mut w, ev, &mut depth)?;
    }
    Ok((new, w.into_inner()))
}

/// Columns and rows a note's box spans to show `text` (about 14 characters a column).
fn note_box(text: &str) -> (u32, u32) {
    let lines: u32 = text
        .lines()
        .map(|l| 1 + l.chars().count() as u32 / 40)
        .sum();
    (4, (lines + 1).clamp(3, 40))
}

const SHAPETYPE: &str = "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" \
path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/>\
<v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>";

const VML_NS: &str = "xmlns:v=\"urn:schemas-microsoft-com:vml\" \
xmlns:o=\"urn:schemas-microsoft-com:office:office\" \
xmlns:x=\"urn:schemas-microsoft-com:office:excel\"";

/// The box of one note, hidden until the pointer is on the cell, as Excel draws a new note.
fn shape(id: u32, at: Addr, text: &str, declare: bool) -> String {
    let (cols, rows) = note_box(text);
    let ns = if declare {
        format!(" {VML_NS}")
    } else {
        String::new()
    };
    format!(
        "<v:shape{ns} id=\"_x0000_s{id}\" type=\"#_x0000_t202\" \
style=\"position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:{w}pt;height:{h}pt;z-index:{id};visibility:hidden\" \
fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/>\
<v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>\
<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>\
<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>\
<x:Anchor>{c1}, 15, {r1}, 10, {c2}, 15, {r2}, 4</x:Anchor><x:AutoFill>False</x:AutoFill>\
<x:Row>{row}</x:Row><x:Column>{col}</x:Column></x:ClientData></v:shape>",
        w = cols * 48,
        h = rows * 15,
        c1 = at.col + 1,
        r1 = at.row.saturating_sub(1),
        c2 = at.col + 1 + cols,
        r2 = at.row.saturating_sub(1) + rows,
        row = at.row,
        col = at.col,
    )
}

/// A new drawing with a box for each of `notes`; `block` numbers its shapes apart from the
/// other drawings of the workbook.
pub(super) fn new_vml(block: u32, notes: &[(Addr, String)]) -> Vec<u8> {
    let mut s = format!(
        "<xml {VML_NS}><o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"{block}\"/></o:shapelayout>{SHAPETYPE}"
    );
    for (i, (at, text)) in notes.iter().enumerate() {
        s.push_str(&shape(block * 1024 + 1 + i as u32, *at, text, false));
    }
    s.push_str("</xml>");
    s.into_bytes()
}

/// The user's drawing with boxes added for `notes`, before its end; nothing of it parsed
/// (VML written by Office is not always well-formed XML) beyond finding that end and the
/// shape numbers in use.
pub(super) fn patch_vml(bytes: &[u8], notes: &[(Addr, String)]) -> Result<Vec<u8>, EditError> {
    let text = String::from_utf8_lossy(bytes);
    let lower = text.to_ascii_lowercase();
    let Some(end) = lower.rfind("</xml>") else {
        return Err(EditError::Open("批注绘图部件无法识别".into()));
    };
    let mut max = 1024u32;
    let mut rest = &text[..];
    while let Some(i) = rest.find("_x0000_s") {
        rest = &rest[i + 8..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(n) = digits.parse::<u32>() {
            max = max.max(n);
        }
    }
    let standard = text.contains("xmlns:v=\"urn:schemas-microsoft-com:vml\"")
        && text.contains("xmlns:o=\"urn:schemas-microsoft-com:office:office\"")
        && text.contains("xmlns:x=\"urn:schemas-microsoft-com:office:excel\"");
    let mut added = String::new();
    if !text.contains("_x0000_t202") {
        if standard {
            added.push_str(SHAPETYPE);
        } else {
            added.push_str(&SHAPETYPE.replacen(
                "<v:shapetype",
                &format!("<v:shapetype {VML_NS}"),
                1,
            ));
        }
    }
    for (i, (at, t)) in notes.iter().enumerate() {
        added.push_str(&shape(max + 1 + i as u32, *at, t, !standard));
    }
    let mut out = String::with_capacity(text.len() + added.len());
    out.push_str(&text[..end]);
    out.push_str(&added);
    out.push_str(&text[end..]);
    Ok(out.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notes(list: &[(&str, &str, Existing)]) -> BTreeMap<Addr, Note> {
        list.iter()
            .map(|(a, t, e)| {
                (
                    Addr::parse(a).unwrap(),
                    Note {
                        text: t.to_string(),
                        existing: *e,
                    },
                )
            })
            .collect()
    }

    #[test]
    fn a_users_note_keeps_its_text_and_ours_follows() {
        let user = "<?xml version=\"1.0\"?><comments xmlns=\"urn:m\"><authors><author>张三</author></authors>\
<commentList><comment ref=\"B2\" authorId=\"0\"><text><t>已核对</t></text></comment></commentList></comments>";
        let n = notes(&[
            ("B2", "ZB405 安装数量", Existing::Append),
            ("C3", "新批注", Existing::Append),
        ]);
        let (new, out) = patch_comments(user.as_bytes(), &n).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(new, vec![Addr::parse("C3").unwrap()]);
        assert!(
            out.contains("<author>张三</author><author>zhengban</author>"),
            "{out}"
        );
        assert!(out.contains("<r><t>已核对</t></r><r><t xml:space=\"preserve\">\n\n【zhengban 诊断】\nZB405 安装数量</t></r></text>"), "{out}");
        assert!(out.contains("<comment ref=\"C3\" authorId=\"1\">"), "{out}");
    }

    #[test]
    fn keep_and_replace() {
        let user = "<comments><authors/><commentList><comment ref=\"A1\" authorId=\"0\"><text><t>x</t></text></comment>\
<comment ref=\"A2\" authorId=\"0\"><text><t>y</t></text></comment></commentList></comments>";
        let n = notes(&[
            ("A1", "ours", Existing::Keep),
            ("A2", "ours2", Existing::Replace),
        ]);
        let (new, out) = patch_comments(user.as_bytes(), &n).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(new.is_empty());
        assert!(
            out.contains("<t>x</t>") && !out.contains("<t>y</t>") && out.contains("ours2"),
            "{out}"
        );
        assert!(
            out.contains("<authors><author>zhengban</author></authors>"),
            "{out}"
        );
    }

    #[test]
    fn shapes_are_numbered_after_the_users() {
        let user = format!("<xml {VML_NS}><v:shape id=\"_x0000_s1030\"/></xml>");
        let out = patch_vml(user.as_bytes(), &[(Addr::new(0, 0), "a".into())]).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains("_x0000_s1031") && out.contains("_x0000_t202\" coordsize"),
            "{out}"
        );
        assert!(out.ends_with("</v:shape></xml>"));
    }
}
