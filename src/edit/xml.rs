//! The few XML moves the package writer makes: reading an attribute, the text of an element,
//! and writing text and attribute values so that what we add is always well-formed.
//!
//! Parts are copied event by event through [`quick_xml::Writer`], which writes each event's
//! raw bytes back as they were read; only elements we change are written by hand here.

use std::borrow::Cow;
use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::EditError;

/// A reader over a part that is lenient where Office files are (end names not checked, so
/// a prefix mismatch in a part we only copy does not stop us).
pub(super) fn reader<R: BufRead>(input: R) -> Reader<R> {
    let mut r = Reader::from_reader(input);
    let c = r.config_mut();
    c.check_end_names = false;
    c.trim_text(false);
    r
}

/// The local part of a qualified name (`x:row` → `row`).
pub(super) fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

/// The prefix of an element's name with its colon (`x:worksheet` → `x:`), empty when none:
/// elements we add to a part use the prefix its root uses.
pub(super) fn prefix_of(name: &str) -> String {
    name.rsplit_once(':')
        .map(|(p, _)| format!("{p}:"))
        .unwrap_or_default()
}

/// The unescaped value of the attribute whose local name is `key`.
pub(super) fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        (local(a.key.as_ref()) == key).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(Cow::into_owned)
                .unwrap_or_else(|_| a.value.into_owned())
        })
    })
}

/// All attributes as (qualified name, raw escaped value), in order.
pub(super) fn attrs_raw(e: &BytesStart<'_>) -> Vec<(String, String)> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .map(|a| (a.key.as_ref().to_string(), a.value.into_owned()))
        .collect()
}

/// A start tag from a name and raw attributes, `/>`-closed when `empty`.
pub(super) fn tag(name: &str, attrs: &[(String, String)], empty: bool) -> String {
    let mut s = format!("<{name}");
    for (k, v) in attrs {
        s.push(' ');
        s.push_str(k);
        s.push_str("=\"");
        s.push_str(v);
        s.push('"');
    }
    s.push_str(if empty { "/>" } else { ">" });
    s
}

/// Set (or add) attribute `key` (an unprefixed name) to an already escaped value.
pub(super) fn set_attr(attrs: &mut Vec<(String, String)>, key: &str, value: String) {
    match attrs.iter_mut().find(|(k, _)| local(k) == key) {
        Some((_, v)) => *v = value,
        None => attrs.push((key.to_string(), value)),
    }
}

/// Remove attribute `key` (by local name).
pub(super) fn remove_attr(attrs: &mut Vec<(String, String)>, key: &str) {
    attrs.retain(|(k, _)| local(k) != key);
}

/// Text content made safe for an XML element: characters XML 1.0 cannot carry are written
/// visibly by the gate (a control character in a cell would make the whole part
/// unreadable), markup escaped.
pub(super) fn text(s: &str) -> String {
    escaped(s, false)
}

/// An attribute value made safe: as [`text`], and quotes and line breaks as references so
/// they survive attribute normalisation.
pub(super) fn attr_value(s: &str) -> String {
    escaped(s, true)
}

fn escaped(s: &str, attribute: bool) -> String {
    let s = crate::base::gate::xml_text(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' if attribute => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

/// The text of the element whose start was just read, up to its end: the concatenated text
/// of every `<t>` inside it outside phonetic runs (`rPh`), as Excel shows it.
pub(super) fn element_text<R: BufRead>(
    r: &mut Reader<R>,
    buf: &mut Vec<u8>,
) -> Result<String, EditError> {
    let mut depth = 1usize;
    let mut in_t = false;
    let mut in_phonetic = 0usize;
    let mut out = String::new();
    loop {
        buf.clear();
        match r.read_event_into(buf).map_err(bad_xml)? {
            Event::Start(e) => {
                depth += 1;
                match local(e.name().as_ref()) {
                    "t" => in_t = true,
                    "rPh" => in_phonetic += 1,
                    _ => {}
                }
            }
            Event::End(e) => {
                depth -= 1;
                match local(e.name().as_ref()) {
                    "t" => in_t = false,
                    "rPh" => in_phonetic = in_phonetic.saturating_sub(1),
                    _ => {}
                }
                if depth == 0 {
                    return Ok(out);
                }
            }
            Event::Text(t) if in_t && in_phonetic == 0 => out.push_str(&t.xml10_content()),
            Event::CData(t) if in_t && in_phonetic == 0 => out.push_str(&t),
            Event::GeneralRef(g) if in_t && in_phonetic == 0 => {
                if let Ok(Some(c)) = g.resolve_char_ref() {
                    out.push(c);
                } else {
                    out.push(match &*g.into_inner() {
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        _ => '&',
                    });
                }
            }
            Event::Eof => return Err(EditError::Open("XML 提前结束".into())),
            _ => {}
        }
    }
}

/// All text inside the element whose start was just read (a `<v>`), unescaped.
pub(super) fn element_text_plain<R: BufRead>(
    r: &mut Reader<R>,
    buf: &mut Vec<u8>,
) -> Result<String, EditError> {
    let mut depth = 1usize;
    let mut out = String::new();
    loop {
        buf.clear();
        match r.read_event_into(buf).map_err(bad_xml)? {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return Ok(out);
                }
            }
            Event::Text(t) => out.push_str(&t.xml10_content()),
            Event::GeneralRef(_) => out.push('&'),
            Event::Eof => return Err(EditError::Open("XML 提前结束".into())),
            _ => {}
        }
    }
}

/// Skip to the end of the element whose start was just read, copying nothing.
pub(super) fn skip_element<R: BufRead>(
    r: &mut Reader<R>,
    buf: &mut Vec<u8>,
) -> Result<(), EditError> {
    let mut depth = 1usize;
    loop {
        buf.clear();
        match r.read_event_into(buf).map_err(bad_xml)? {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return Ok(());
                }
            }
            Event::Eof => return Err(EditError::Open("XML 提前结束".into())),
            _ => {}
        }
    }
}

/// The local name of a start, empty or end tag (`""` for other events).
pub(super) fn event_name(ev: &Event<'_>) -> String {
    match ev {
        Event::Start(e) | Event::Empty(e) => local(e.name().as_ref()).to_string(),
        Event::End(e) => local(e.name().as_ref()).to_string(),
        _ => String::new(),
    }
}

/// Copy an event as it was read, keeping count of the element depth.
pub(super) fn copy_event<W: std::io::Write>(
    w: &mut quick_xml::Writer<W>,
    ev: Event<'_>,
    depth: &mut usize,
) -> Result<(), EditError> {
    match &ev {
        Event::Start(_) => *depth += 1,
        Event::End(_) => *depth = depth.saturating_sub(1),
        _ => {}
    }
    w.write_event(ev)
        .map_err(|e| EditError::Save(e.to_string()))
}

/// The element just opened, whole, as raw text.
pub(super) fn whole<R: std::io::BufRead>(
    r: &mut quick_xml::Reader<R>,
    buf: &mut Vec<u8>,
    e: &quick_xml::events::BytesStart<'_>,
    is_start: bool,
) -> Result<String, EditError> {
    if !is_start {
        return Ok(format!("<{}/>", &**e));
    }
    let name = e.name().as_ref().to_string();
    Ok(format!("<{}>{}</{name}>", &**e, inner_raw(r, buf)?))
}

/// The children of the element just opened, raw, up to its end (consumed).
pub(super) fn inner_raw<R: std::io::BufRead>(
    r: &mut quick_xml::Reader<R>,
    buf: &mut Vec<u8>,
) -> Result<String, EditError> {
    let mut w = quick_xml::Writer::new(Vec::new());
    let mut depth = 1usize;
    loop {
        buf.clear();
        let ev = r.read_event_into(buf).map_err(bad_xml)?;
        match &ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return Ok(String::from_utf8_lossy(&w.into_inner()).into_owned());
                }
            }
            Event::Eof => return Err(EditError::Open("XML 提前结束".into())),
            _ => {}
        }
        w.write_event(ev)
            .map_err(|e| EditError::Save(e.to_string()))?;
    }
}

/// A parse error of a part we must change.
pub(super) fn bad_xml(e: quick_xml::Error) -> EditError {
    EditError::Open(format!("XML 格式错误（{e}）"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_we_write_is_well_formed() {
        assert_eq!(text("a<b>&\u{1}c"), "a&lt;b&gt;&amp;\\u{1}c");
        assert_eq!(attr_value("'x'\"\n"), "'x'&quot;&#10;");
        let mut attrs = vec![("r".to_string(), "A1".to_string())];
        set_attr(&mut attrs, "s", "3".into());
        set_attr(&mut attrs, "r", "B2".into());
        assert_eq!(tag("x:c", &attrs, true), "<x:c r=\"B2\" s=\"3\"/>");
        assert_eq!(prefix_of("x:worksheet"), "x:");
        assert_eq!(local("x:row"), "row");
    }

    #[test]
    fn text_of_a_rich_string_skips_phonetic_runs() {
        let xml = "<si><r><t>正版</t></r><r><t xml:space=\"preserve\"> &amp;软件</t></r>\
                   <rPh sb=\"0\" eb=\"1\"><t>ZB</t></rPh></si>";
        let mut r = reader(xml.as_bytes());
        let mut buf = Vec::new();
        r.read_event_into(&mut buf).unwrap();
        assert_eq!(element_text(&mut r, &mut buf).unwrap(), "正版 &软件");
    }
}
