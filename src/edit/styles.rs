//! The workbook's cell formats (`styles.xml`): a cell we mark keeps its font, borders, number
//! format and alignment, so its new format is a copy of its old one with only the fill (or
//! the font's weight, or a date format) changed, appended after the user's formats. Nothing
//! the user has is renumbered.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::xml::{self, attr, local};
use super::EditError;

/// What a cell's format gains: a solid fill, bold, larger or link text, a date format for a
/// General cell, wrapped and aligned text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Look {
    /// A solid background, ARGB.
    pub fill: Option<u32>,
    /// Bold text.
    pub bold: bool,
    /// Blue underlined text (a link).
    pub link: bool,
    /// `yyyy-mm-dd` where the format is General.
    pub date: bool,
    /// Wrapped text.
    pub wrap: bool,
    /// Vertical alignment: `top`, `center`.
    pub vertical: Option<&'static str>,
    /// Horizontal alignment: `center`.
    pub horizontal: Option<&'static str>,
    /// The font size in points (a title), instead of the cell's.
    pub size: Option<u32>,
}

impl Look {
    /// A look with only a fill.
    pub fn fill(argb: &str) -> Look {
        Look {
            fill: Some(argb_of(argb)),
            ..Look::default()
        }
    }
}

/// `"FFE2EFDA"` as a number (an unreadable colour is a light grey, never a failure).
pub fn argb_of(s: &str) -> u32 {
    u32::from_str_radix(s.trim_start_matches('#'), 16).unwrap_or(0xFFD9_D9D9)
}

/// One cell format, as read: its attributes, its alignment, and any other children raw.
#[derive(Debug, Clone, Default)]
struct Xf {
    attrs: Vec<(String, String)>,
    alignment: Option<Vec<(String, String)>>,
    rest: String,
}

impl Xf {
    fn id(&self, key: &str) -> u32 {
        self.attrs
            .iter()
            .find(|(k, _)| local(k) == key)
            .and_then(|(_, v)| v.trim().parse().ok())
            .unwrap_or(0)
    }
}

/// The formats of a workbook and the ones added to it.
pub(super) struct Styles {
    /// The part as read (a minimal one when the workbook has none).
    raw: Vec<u8>,
    /// Whether the workbook had no styles part.
    pub created: bool,
    prefix: String,
    numfmt_max: u32,
    fonts: Vec<String>,
    fills: Vec<String>,
    fill_none: Vec<bool>,
    borders: Vec<String>,
    border_lines: Vec<bool>,
    numfmts: HashMap<u32, String>,
    xfs: Vec<Xf>,
    date_format: Option<u32>,
    new_numfmts: Vec<(u32, String)>,
    new_fonts: Vec<String>,
    new_fills: Vec<String>,
    new_borders: Vec<String>,
    new_xfs: Vec<Xf>,
    font_ids: HashMap<(u32, bool, bool, Option<u32>), u32>,
    fill_ids: HashMap<u32, u32>,
    memo: HashMap<(u32, Look), u32>,
}

/// What a workbook without a styles part gets: the defaults Excel assumes.
const MINIMAL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>\
<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>\
<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>\
<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>\
<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>\
</styleSheet>";

/// The sections we read or add, in the order the schema wants them.
const ORDER: [&str; 11] = [
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
];

fn rank(name: &str) -> usize {
    ORDER.iter().position(|n| *n == name).unwrap_or(ORDER.len())
}

impl Styles {
    /// Read a styles part (`None`: the workbook has none).
    pub fn read(part: Option<Vec<u8>>) -> Result<Styles, EditError> {
        let created = part.is_none();
        let raw = part.unwrap_or_else(|| MINIMAL.as_bytes().to_vec());
        let mut s = Styles {
            raw: Vec::new(),
            created,
            prefix: String::new(),
            numfmt_max: 163,
            fonts: Vec::new(),
            fills: Vec::new(),
            fill_none: Vec::new(),
            borders: Vec::new(),
            border_lines: Vec::new(),
            numfmts: HashMap::new(),
            xfs: Vec::new(),
            date_format: None,
            new_numfmts: Vec::new(),
            new_fonts: Vec::new(),
            new_fills: Vec::new(),
            new_borders: Vec::new(),
            new_xfs: Vec::new(),
            font_ids: HashMap::new(),
            fill_ids: HashMap::new(),
            memo: HashMap::new(),
        };
        s.parse(&raw)?;
        s.raw = raw;
        Ok(s)
    }

    fn parse(&mut self, raw: &[u8]) -> Result<(), EditError> {
        let mut r = xml::reader(raw);
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match r.read_event_into(&mut buf).map_err(xml::bad_xml)? {
                Event::Start(e) | Event::Empty(e) => {
                    if local(e.name().as_ref()) != "styleSheet" {
                        return Err(EditError::Open("样式部件的根不是 styleSheet".into()));
                    }
                    self.prefix = xml::prefix_of(e.name().as_ref());
                    return self.parse_children(raw);
                }
                Event::Eof => return Err(EditError::Open("样式部件没有 styleSheet".into())),
                _ => {}
            }
        }
    }

    /// The children of `styleSheet`, read in one pass.
    fn parse_children(&mut self, raw: &[u8]) -> Result<(), EditError> {
        let mut r = xml::reader(raw);
        let mut buf = Vec::new();
        let mut inner_buf = Vec::new();
        let mut depth = 0usize;
        let mut section = String::new();
        loop {
            buf.clear();
            let ev = r.read_event_into(&mut buf).map_err(xml::bad_xml)?;
            match ev {
                Event::Start(e) => {
                    let name = local(e.name().as_ref()).to_string();
                    depth += 1;
                    match (depth, section.as_str(), name.as_str()) {
                        (2, _, _) => section = name,
                        (3, "numFmts", "numFmt") => {
                            self.note_numfmt(&e);
                        }
                        (3, "fonts", "font") => {
                            let inner = xml::whole(&mut r, &mut inner_buf, &e, true)?;
                            self.fonts.push(inner);
                            depth -= 1;
                        }
                        (3, "fills", "fill") => {
                            let inner = xml::whole(&mut r, &mut inner_buf, &e, true)?;
                            self.fill_none.push(fill_is_none(&inner));
                            self.fills.push(inner);
                            depth -= 1;
                        }
                        (3, "borders", "border") => {
                            let inner = xml::whole(&mut r, &mut inner_buf, &e, true)?;
                            self.border_lines.push(border_has_lines(&inner));
                            self.borders.push(inner);
                            depth -= 1;
                        }
                        (3, "cellXfs", "xf") => {
                            let xf = read_xf(&mut r, &mut inner_buf, &e)?;
                            self.xfs.push(xf);
                            depth -= 1;
                        }
                        _ => {}
                    }
                }
                Event::Empty(e) => {
                    let name = local(e.name().as_ref()).to_string();
                    match (depth + 1, section.as_str(), name.as_str()) {
                        (3, "numFmts", "numFmt") => self.note_numfmt(&e),
                        (3, "fonts", "font") => self.fonts.push(format!("<{}/>", &*e)),
                        (3, "fills", "fill") => {
                            self.fill_none.push(true);
                            self.fills.push(format!("<{}/>", &*e));
                        }
                        (3, "borders", "border") => {
                            self.border_lines.push(false);
                            self.borders.push(format!("<{}/>", &*e));
                        }
                        (3, "cellXfs", "xf") => self.xfs.push(Xf {
                            attrs: xml::attrs_raw(&e),
                            ..Xf::default()
                        }),
                        _ => {}
                    }
                }
                Event::End(_) => {
                    depth = depth.saturating_sub(1);
                    if depth == 1 {
                        section.clear();
                    }
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    fn note_numfmt(&mut self, e: &quick_xml::events::BytesStart<'_>) {
        if let Some(id) = attr(e, "numFmtId").and_then(|v| v.trim().parse::<u32>().ok()) {
            self.numfmt_max = self.numfmt_max.max(id);
            if let Some(code) = attr(e, "formatCode") {
                self.numfmts.insert(id, code);
            }
        }
    }

    /// Format `xf` of another workbook (one of our templates) as a format of this one: its
    /// font, fill, border and number format copied over. `memo` keeps one copy per format.
    pub fn import(&mut self, src: &Styles, xf: u32, memo: &mut HashMap<u32, u32>) -> u32 {
        if let Some(&s) = memo.get(&xf) {
            return s;
        }
        let mut new = src.xfs.get(xf as usize).cloned().unwrap_or_default();
        let p = self.prefix.clone();
        let font = src.fonts.get(new.id("fontId") as usize).cloned();
        if let Some(f) = font {
            let id = (self.fonts.len() + self.new_fonts.len()) as u32;
            self.new_fonts.push(reprefix(&f, &p));
            xml::set_attr(&mut new.attrs, "fontId", id.to_string());
        }
        let fill = src.fills.get(new.id("fillId") as usize).cloned();
        if let Some(f) = fill {
            let id = (self.fills.len() + self.new_fills.len()) as u32;
            self.new_fills.push(reprefix(&f, &p));
            xml::set_attr(&mut new.attrs, "fillId", id.to_string());
        }
        let border = src.borders.get(new.id("borderId") as usize).cloned();
        if let Some(b) = border {
            let id = (self.borders.len() + self.new_borders.len()) as u32;
            self.new_borders.push(reprefix(&b, &p));
            xml::set_attr(&mut new.attrs, "borderId", id.to_string());
        }
        let numfmt = new.id("numFmtId");
        if let Some(code) = src.numfmts.get(&numfmt) {
            self.numfmt_max += 1;
            let id = self.numfmt_max;
            self.new_numfmts.push((id, code.clone()));
            xml::set_attr(&mut new.attrs, "numFmtId", id.to_string());
        }
        xml::remove_attr(&mut new.attrs, "xfId");
        new.rest = reprefix(&new.rest, &p);
        let s = self.count();
        self.new_xfs.push(new);
        memo.insert(xf, s);
        s
    }

    /// The number of cell formats (the first one we add gets this index).
    fn count(&self) -> u32 {
        (self.xfs.len() + self.new_xfs.len()) as u32
    }

    /// Whether format `s` draws nothing on its own: no border line, no fill, no number
    /// format (a row past the pre-printed rows of a table).
    pub fn is_unformatted(&self, s: u32) -> bool {
        let Some(xf) = self.xfs.get(s as usize) else {
            return true;
        };
        let border = self
            .border_lines
            .get(xf.id("borderId") as usize)
            .copied()
            .unwrap_or(false);
        let fill = !self
            .fill_none
            .get(xf.id("fillId") as usize)
            .copied()
            .unwrap_or(true);
        !border && !fill && xf.id("numFmtId") == 0
    }

    /// The format a cell of format `base` takes to look as `look` says.
    pub fn derive(&mut self, base: u32, look: Look) -> u32 {
        if look == Look::default() {
            return base;
        }
        if let Some(&s) = self.memo.get(&(base, look)) {
            return s;
        }
        let mut xf = self
            .xfs
            .get(base as usize)
            .or_else(|| {
                self.new_xfs
                    .get((base as usize).wrapping_sub(self.xfs.len()))
            })
            .or(self.xfs.first())
            .cloned()
            .unwrap_or_default();
        if let Some(argb) = look.fill {
            let id = self.fill_id(argb);
            xml::set_attr(&mut xf.attrs, "fillId", id.to_string());
            xml::set_attr(&mut xf.attrs, "applyFill", "1".into());
        }
        if look.bold || look.link || look.size.is_some() {
            let id = self.font_id(xf.id("fontId"), look.bold, look.link, look.size);
            xml::set_attr(&mut xf.attrs, "fontId", id.to_string());
            xml::set_attr(&mut xf.attrs, "applyFont", "1".into());
        }
        if look.date && xf.id("numFmtId") == 0 {
            let id = self.date_format_id();
            xml::set_attr(&mut xf.attrs, "numFmtId", id.to_string());
            xml::set_attr(&mut xf.attrs, "applyNumberFormat", "1".into());
        }
        if look.wrap || look.vertical.is_some() || look.horizontal.is_some() {
            let a = xf.alignment.get_or_insert_with(Vec::new);
            if look.wrap {
                xml::set_attr(a, "wrapText", "1".into());
            }
            if let Some(v) = look.vertical {
                xml::set_attr(a, "vertical", v.into());
            }
            if let Some(h) = look.horizontal {
                xml::set_attr(a, "horizontal", h.into());
            }
            xml::set_attr(&mut xf.attrs, "applyAlignment", "1".into());
        }
        let s = self.count();
        self.new_xfs.push(xf);
        self.memo.insert((base, look), s);
        s
    }

    fn fill_id(&mut self, argb: u32) -> u32 {
        if let Some(&id) = self.fill_ids.get(&argb) {
            return id;
        }
        let id = (self.fills.len() + self.new_fills.len()) as u32;
        let p = &self.prefix;
        self.new_fills.push(format!(
            "<{p}fill><{p}patternFill patternType=\"solid\"><{p}fgColor rgb=\"{argb:08X}\"/>\
             <{p}bgColor indexed=\"64\"/></{p}patternFill></{p}fill>"
        ));
        self.fill_ids.insert(argb, id);
        id
    }

    fn font_id(&mut self, base: u32, bold: bool, link: bool, size: Option<u32>) -> u32 {
        if let Some(&id) = self.font_ids.get(&(base, bold, link, size)) {
            return id;
        }
        let p = &self.prefix;
        let raw = self
            .fonts
            .get(base as usize)
            .or(self.fonts.first())
            .cloned()
            .unwrap_or_else(|| format!("<{p}font/>"));
        let font = restyle_font(&raw, p, bold, link, size);
        let id = (self.fonts.len() + self.new_fonts.len()) as u32;
        self.new_fonts.push(font);
        self.font_ids.insert((base, bold, link, size), id);
        id
    }

    fn date_format_id(&mut self) -> u32 {
        *self.date_format.get_or_insert_with(|| {
            self.numfmt_max += 1;
            self.numfmt_max
        })
    }

    /// Whether anything was added.
    pub fn changed(&self) -> bool {
        !self.new_xfs.is_empty() || self.created
    }

    /// The part with the added formats; the user's are copied as read.
    pub fn write(&self) -> Result<Vec<u8>, EditError> {
        let p = self.prefix.clone();
        let mut additions: HashMap<&str, (usize, String)> = HashMap::new();
        let mut numfmts: Vec<(u32, String)> = self.new_numfmts.clone();
        if let Some(id) = self.date_format {
            numfmts.push((id, "yyyy\\-mm\\-dd".into()));
        }
        if !numfmts.is_empty() {
            let body: String = numfmts
                .iter()
                .map(|(id, code)| {
                    format!(
                        "<{p}numFmt numFmtId=\"{id}\" formatCode=\"{}\"/>",
                        xml::attr_value(code)
                    )
                })
                .collect();
            additions.insert("numFmts", (numfmts.len(), body));
        }
        for (section, list) in [
            ("fonts", &self.new_fonts),
            ("fills", &self.new_fills),
            ("borders", &self.new_borders),
        ] {
            if !list.is_empty() {
                additions.insert(section, (list.len(), list.concat()));
            }
        }
        if !self.new_xfs.is_empty() {
            let xfs: String = self.new_xfs.iter().map(|xf| write_xf(xf, &p)).collect();
            additions.insert("cellXfs", (self.new_xfs.len(), xfs));
        }
        let mut r = xml::reader(&self.raw[..]);
        let mut w = quick_xml::Writer::new(Vec::with_capacity(self.raw.len() + 4096));
        let mut buf = Vec::new();
        let mut depth = 0usize;
        let mut current = String::new();
        let mut done: Vec<&str> = Vec::new();
        let emit_missing =
            |w: &mut quick_xml::Writer<Vec<u8>>, done: &mut Vec<&'static str>, before: usize| {
                for name in ORDER {
                    if rank(name) >= before || done.contains(&name) {
                        continue;
                    }
                    if let Some((n, body)) = additions.get(name) {
                        w.get_mut().extend_from_slice(
                            format!("<{p}{name} count=\"{n}\">{body}</{p}{name}>").as_bytes(),
                        );
                        done.push(name);
                    }
                }
            };
        loop {
            buf.clear();
            let ev = r.read_event_into(&mut buf).map_err(xml::bad_xml)?;
            match &ev {
                Event::Start(e) | Event::Empty(e) if depth == 1 => {
                    let name = local(e.name().as_ref()).to_string();
                    let is_start = matches!(ev, Event::Start(_));
                    emit_missing(&mut w, &mut done, rank(&name));
                    if let Some(&section) = ORDER.iter().find(|n| **n == name) {
                        if let Some((n, body)) = additions.get(section) {
                            done.push(section);
                            let mut attrs = xml::attrs_raw(e);
                            let old: usize = attr(e, "count")
                                .and_then(|c| c.trim().parse().ok())
                                .unwrap_or_else(|| self.len_of(section));
                            xml::set_attr(&mut attrs, "count", (old + n).to_string());
                            let qname = e.name().as_ref().to_string();
                            w.get_mut()
                                .extend_from_slice(xml::tag(&qname, &attrs, false).as_bytes());
                            if is_start {
                                current = section.to_string();
                                depth += 1;
                            } else {
                                w.get_mut().extend_from_slice(body.as_bytes());
                                w.get_mut()
                                    .extend_from_slice(format!("</{qname}>").as_bytes());
                            }
                            continue;
                        }
                    }
                    if is_start {
                        depth += 1;
                    }
                }
                Event::Start(e) => {
                    if depth == 0 && local(e.name().as_ref()) != "styleSheet" {
                        return Err(EditError::Open("样式部件的根不是 styleSheet".into()));
                    }
                    depth += 1;
                }
                Event::End(e) => {
                    depth = depth.saturating_sub(1);
                    if depth == 1 && !current.is_empty() {
                        if let Some((_, body)) = additions.get(current.as_str()) {
                            w.get_mut().extend_from_slice(body.as_bytes());
                        }
                        current.clear();
                    }
                    if depth == 0 && local(e.name().as_ref()) == "styleSheet" {
                        emit_missing(&mut w, &mut done, usize::MAX);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
            w.write_event(ev)
                .map_err(|e| EditError::Save(e.to_string()))?;
        }
        Ok(w.into_inner())
    }

    fn len_of(&self, section: &str) -> usize {
        match section {
            "fonts" => self.fonts.len(),
            "fills" => self.fills.len(),
            "borders" => self.borders.len(),
            "numFmts" => self.numfmts.len(),
            "cellXfs" => self.xfs.len(),
            _ => 0,
        }
    }
}

fn read_xf<R: std::io::BufRead>(
    r: &mut quick_xml::Reader<R>,
    buf: &mut Vec<u8>,
    start: &quick_xml::events::BytesStart<'_>,
) -> Result<Xf, EditError> {
    let mut xf = Xf {
        attrs: xml::attrs_raw(start),
        ..Xf::default()
    };
    let mut rest = quick_xml::Writer::new(Vec::new());
    let mut depth = 1usize;
    loop {
        buf.clear();
        let ev = r.read_event_into(buf).map_err(xml::bad_xml)?;
        match &ev {
            Event::Empty(e) if depth == 1 && local(e.name().as_ref()) == "alignment" => {
                xf.alignment = Some(xml::attrs_raw(e));
                continue;
            }
            Event::Start(e) if depth == 1 && local(e.name().as_ref()) == "alignment" => {
                xf.alignment = Some(xml::attrs_raw(e));
                xml::skip_element(r, buf)?;
                continue;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    xf.rest = String::from_utf8_lossy(&rest.into_inner()).into_owned();
                    return Ok(xf);
                }
            }
            Event::Eof => return Err(EditError::Open("样式部件提前结束".into())),
            _ => {}
        }
        rest.write_event(ev)
            .map_err(|e| EditError::Save(e.to_string()))?;
    }
}

fn write_xf(xf: &Xf, p: &str) -> String {
    let mut s = xml::tag(&format!("{p}xf"), &xf.attrs, false);
    if let Some(a) = &xf.alignment {
        s.push_str(&xml::tag(&format!("{p}alignment"), a, true));
    }
    s.push_str(&xf.rest);
    s.push_str(&format!("</{p}xf>"));
    s
}

/// A part of another workbook's styles with every element name given prefix `p` (our
/// templates write none; a workbook whose styles use `x:` needs it on what is added).
fn reprefix(raw: &str, p: &str) -> String {
    if p.is_empty() {
        return raw.to_string();
    }
    let mut r = xml::reader(raw.as_bytes());
    let mut out = String::with_capacity(raw.len() + 32);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                let name = format!("{p}{}", local(e.name().as_ref()));
                out.push_str(&xml::tag(&name, &xml::attrs_raw(&e), false));
            }
            Ok(Event::Empty(e)) => {
                let name = format!("{p}{}", local(e.name().as_ref()));
                out.push_str(&xml::tag(&name, &xml::attrs_raw(&e), true));
            }
            Ok(Event::End(e)) => out.push_str(&format!("</{p}{}>", local(e.name().as_ref()))),
            Ok(Event::Text(t)) => out.push_str(&t),
            Ok(Event::Eof) | Err(_) => return out,
            _ => {}
        }
    }
}

/// Whether a fill element paints nothing (pattern `none`, or no pattern at all).
fn fill_is_none(raw: &str) -> bool {
    if raw.contains("gradientFill") {
        return false;
    }
    match raw.find("patternType=\"") {
        Some(i) => raw[i + 13..].starts_with("none\""),
        None => true,
    }
}

/// Whether a border element draws any line.
fn border_has_lines(raw: &str) -> bool {
    let mut r = xml::reader(raw.as_bytes());
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e))
                if local(e.name().as_ref()) != "border"
                    && attr(&e, "style").is_some_and(|s| s != "none") =>
            {
                return true;
            }
            Ok(Event::Eof) | Err(_) => return false,
            _ => {}
        }
    }
}

/// A font like `raw` made bold, a link (blue, underlined) and/or of another size; its name
/// and other properties kept.
fn restyle_font(raw: &str, p: &str, bold: bool, link: bool, size: Option<u32>) -> String {
    let replaced = |name: &str| {
        (bold && name == "b")
            || (link && matches!(name, "u" | "color"))
            || (size.is_some() && name == "sz")
    };
    let mut r = xml::reader(raw.as_bytes());
    let mut buf = Vec::new();
    let mut kept = String::new();
    let mut depth = 0usize;
    loop {
        buf.clear();
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                depth += 1;
                if depth == 2 {
                    let qname = e.name();
                    let name = local(qname.as_ref());
                    if replaced(name) {
                        let _ = xml::skip_element(&mut r, &mut buf);
                        depth -= 1;
                        continue;
                    }
                    kept.push_str(&format!("<{}>", &*e));
                }
            }
            Ok(Event::Empty(e)) if depth == 1 => {
                let qname = e.name();
                let name = local(qname.as_ref());
                if !replaced(name) {
                    kept.push_str(&format!("<{}/>", &*e));
                }
            }
            Ok(Event::End(e)) => {
                if depth == 2 {
                    kept.push_str(&format!("</{}>", e.name().as_ref()));
                }
                depth = depth.saturating_sub(1);
            }
            Ok(Event::Text(t)) if depth >= 2 => kept.push_str(&t),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    let mut added = String::new();
    if bold {
        added.push_str(&format!("<{p}b/>"));
    }
    if link {
        added.push_str(&format!("<{p}u/><{p}color rgb=\"FF0563C1\"/>"));
    }
    if let Some(pt) = size {
        added.push_str(&format!("<{p}sz val=\"{pt}\"/>"));
    }
    format!("<{p}font>{added}{kept}</{p}font>")
}

#[cfg(test)]
mod tests {
    use super::*;

    const USER: &str = "<?xml version=\"1.0\"?><x:styleSheet xmlns:x=\"urn:main\">\
<x:fonts count=\"1\"><x:font><x:sz val=\"12\"/><x:name val=\"宋体\"/><x:b/></x:font></x:fonts>\
<x:fills count=\"2\"><x:fill><x:patternFill/></x:fill><x:fill><x:patternFill patternType=\"gray125\"/></x:fill></x:fills>\
<x:borders count=\"2\"><x:border/><x:border><x:left style=\"thin\"/></x:border></x:borders>\
<x:cellXfs count=\"2\"><x:xf fontId=\"0\" fillId=\"0\" borderId=\"0\" numFmtId=\"0\"/>\
<x:xf fontId=\"0\" fillId=\"0\" borderId=\"1\" numFmtId=\"0\"><x:alignment horizontal=\"left\"/><x:protection locked=\"0\"/></x:xf></x:cellXfs>\
</x:styleSheet>";

    #[test]
    fn a_marked_format_is_a_copy_with_its_fill_and_nothing_renumbered() {
        let mut s = Styles::read(Some(USER.as_bytes().to_vec())).unwrap();
        assert!(s.is_unformatted(0));
        assert!(!s.is_unformatted(1), "a border line is a format");
        let marked = s.derive(1, Look::fill("FFFFC7CE"));
        assert_eq!(marked, 2);
        assert_eq!(s.derive(1, Look::fill("FFFFC7CE")), 2, "memoised");
        let date = s.derive(
            0,
            Look {
                date: true,
                ..Look::default()
            },
        );
        assert_eq!(date, 3);
        let out = String::from_utf8(s.write().unwrap()).unwrap();
        assert!(out.contains("<x:cellXfs count=\"4\">"), "{out}");
        assert!(out.contains("<x:fills count=\"3\">"), "{out}");
        assert!(out.contains("<x:xf fontId=\"0\" fillId=\"2\" borderId=\"1\" numFmtId=\"0\" applyFill=\"1\"><x:alignment horizontal=\"left\"/><x:protection locked=\"0\"/></x:xf>"), "{out}");
        assert!(
            out.contains("<x:numFmts count=\"1\"><x:numFmt numFmtId=\"164\""),
            "{out}"
        );
        assert!(
            out.find("numFmts").unwrap() < out.find("x:fonts").unwrap(),
            "schema order"
        );
        roxmltree_like_check(&out);
    }

    #[test]
    fn bold_keeps_the_users_font_and_size() {
        let mut s = Styles::read(Some(USER.as_bytes().to_vec())).unwrap();
        s.derive(
            0,
            Look {
                link: true,
                bold: true,
                ..Look::default()
            },
        );
        let out = String::from_utf8(s.write().unwrap()).unwrap();
        assert!(out.contains("<x:font><x:b/><x:u/><x:color rgb=\"FF0563C1\"/><x:sz val=\"12\"/><x:name val=\"宋体\"/></x:font>"), "{out}");
    }

    #[test]
    fn a_workbook_without_styles_gets_a_whole_part() {
        let mut s = Styles::read(None).unwrap();
        assert_eq!(s.derive(0, Look::fill("FFE2EFDA")), 1);
        let out = String::from_utf8(s.write().unwrap()).unwrap();
        assert!(out.contains("<cellXfs count=\"2\">"), "{out}");
        roxmltree_like_check(&out);
    }

    /// Well-formed: every event parses and the ends match.
    fn roxmltree_like_check(s: &str) {
        let mut r = quick_xml::Reader::from_str(s);
        loop {
            match r.read_event() {
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{e}: {s}"),
            }
        }
    }
}
