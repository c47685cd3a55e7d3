//! A sheet the tool adds to the copy — the 诊断报告 list, or one of our blank tables that derive
//! fills — held in memory (it is ours and small) and written as one worksheet part.
//!
//! A table comes from one of our templates: its cells, formats (copied into the user's
//! styles), merges, widths, heights, drop-downs, panes and print setup, so the added sheet
//! prints as the published table does.

use std::collections::{BTreeMap, HashMap};

use quick_xml::events::Event;

use super::notes::Note;
use super::package::{Package, REL_SHARED_STRINGS, REL_STYLES};
use super::styles::Styles;
use super::xml::{self, attr, local};
use super::{Addr, EditError, Value};

/// One cell of an added sheet.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct NewCell {
    pub value: Option<Value>,
    /// A format of the copy's styles.
    pub style: u32,
}

/// A drop-down (data validation) of a template: its element with `{SQREF}` in place of its
/// ranges, so that inserting rows can move them.
#[derive(Debug, Clone)]
struct Validation {
    ranges: Vec<(Addr, Addr)>,
    /// The start tag's other attributes and the children, raw.
    attrs: Vec<(String, String)>,
    inner: String,
}

/// A sheet being added.
#[derive(Debug, Clone, Default)]
pub(super) struct NewSheet {
    pub name: String,
    pub cells: BTreeMap<(u32, u32), NewCell>,
    pub heights: BTreeMap<u32, f64>,
    /// Column widths, by 0-based column.
    pub widths: BTreeMap<u32, f64>,
    /// Raw `<col>` elements of a template (their formats already the copy's).
    cols_raw: String,
    pub merges: Vec<(Addr, Addr)>,
    validations: Vec<Validation>,
    /// The cell below and right of the frozen rows and columns.
    pub freeze: Option<Addr>,
    pub selected: bool,
    pub autofilter: Option<(Addr, Addr)>,
    /// Links to places in the workbook: cell, location (`'汇总表'!M12`), tooltip.
    pub links: Vec<(Addr, String, String)>,
    /// Print setup: landscape A4 one page wide.
    pub landscape_fit: bool,
    /// A template's print setup elements, raw (`printOptions`, `pageMargins`, `pageSetup`,
    /// `headerFooter`).
    print_raw: String,
    /// A template's `sheetPr`, raw.
    sheet_pr_raw: String,
    /// A template's `sheetFormatPr`, raw.
    format_pr_raw: String,
    /// The rows printed on every page (`$4:$5`), from a template.
    pub print_titles: Option<String>,
    pub notes: BTreeMap<Addr, Note>,
}

impl NewSheet {
    /// An empty sheet.
    pub fn new(name: &str) -> NewSheet {
        NewSheet {
            name: name.to_string(),
            ..NewSheet::default()
        }
    }

    /// The merged area covering `at`.
    pub fn merged_area(&self, at: Addr) -> Option<(Addr, Addr)> {
        self.merges
            .iter()
            .copied()
            .find(|(a, b)| (a.row..=b.row).contains(&at.row) && (a.col..=b.col).contains(&at.col))
    }

    /// Insert `count` empty rows before row `at`: cells, heights, merges and drop-downs below
    /// move down; a merge or drop-down spanning the point grows.
    pub fn insert_rows(&mut self, at: u32, count: u32) {
        let shift = |r: u32| if r >= at { r + count } else { r };
        self.cells = std::mem::take(&mut self.cells)
            .into_iter()
            .map(|((r, c), v)| ((shift(r), c), v))
            .collect();
        self.heights = std::mem::take(&mut self.heights)
            .into_iter()
            .map(|(r, h)| (shift(r), h))
            .collect();
        let move_range = |(a, b): (Addr, Addr)| {
            (
                Addr::new(shift(a.row), a.col),
                Addr::new(shift(b.row), b.col),
            )
        };
        for m in &mut self.merges {
            *m = move_range(*m);
        }
        for v in &mut self.validations {
            for r in &mut v.ranges {
                // a drop-down ending on the row above the point covers the inserted rows too
                let grows = r.1.row + 1 == at;
                *r = move_range(*r);
                if grows {
                    r.1.row += count;
                }
            }
        }
    }

    /// Give rows `to` the formats and height of row `from` in columns `cols`.
    pub fn copy_row_format(&mut self, from: u32, to: std::ops::Range<u32>, cols: (u32, u32)) {
        let height = self.heights.get(&from).copied();
        for row in to {
            if row == from {
                continue;
            }
            for col in cols.0..=cols.1 {
                let style = self.cells.get(&(from, col)).map_or(0, |c| c.style);
                self.cells.entry((row, col)).or_default().style = style;
            }
            if let Some(h) = height {
                self.heights.insert(row, h);
            }
        }
    }

    /// The worksheet part.
    pub fn write(&self, date1904: bool) -> Vec<u8> {
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
        );
        if !self.sheet_pr_raw.is_empty() {
            s.push_str(&self.sheet_pr_raw);
        } else if self.landscape_fit {
            s.push_str("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
        }
        s.push_str("<sheetViews><sheetView");
        if self.selected {
            s.push_str(" tabSelected=\"1\"");
        }
        s.push_str(" workbookViewId=\"0\"");
        match self.freeze {
            Some(at) if at.row > 0 || at.col > 0 => {
                s.push('>');
                let (pane, x, y) = match (at.row > 0, at.col > 0) {
                    (true, true) => ("bottomRight", at.col, at.row),
                    (true, false) => ("bottomLeft", 0, at.row),
                    _ => ("topRight", at.col, 0),
                };
                s.push_str("<pane");
                if x > 0 {
                    s.push_str(&format!(" xSplit=\"{x}\""));
                }
                if y > 0 {
                    s.push_str(&format!(" ySplit=\"{y}\""));
                }
                s.push_str(&format!(
                    " topLeftCell=\"{}\" activePane=\"{pane}\" state=\"frozen\"/>\
                     <selection pane=\"{pane}\" activeCell=\"{0}\" sqref=\"{0}\"/></sheetView>",
                    at.a1()
                ));
            }
            _ => s.push_str("/>"),
        }
        s.push_str("</sheetViews>");
        if self.format_pr_raw.is_empty() {
            s.push_str("<sheetFormatPr defaultRowHeight=\"15\"/>");
        } else {
            s.push_str(&self.format_pr_raw);
        }
        if !self.cols_raw.is_empty() {
            s.push_str("<cols>");
            s.push_str(&self.cols_raw);
            s.push_str("</cols>");
        } else if !self.widths.is_empty() {
            s.push_str("<cols>");
            for (c, w) in &self.widths {
                s.push_str(&format!(
                    "<col min=\"{0}\" max=\"{0}\" width=\"{w}\" customWidth=\"1\"/>",
                    c + 1
                ));
            }
            s.push_str("</cols>");
        }
        s.push_str("<sheetData>");
        let mut rows: BTreeMap<u32, Vec<(u32, &NewCell)>> = BTreeMap::new();
        for (&(r, c), cell) in &self.cells {
            rows.entry(r).or_default().push((c, cell));
        }
        for r in self.heights.keys() {
            rows.entry(*r).or_default();
        }
        for (r, cells) in rows {
            s.push_str(&format!("<row r=\"{}\"", r + 1));
            if let Some(h) = self.heights.get(&r) {
                s.push_str(&format!(" ht=\"{h}\" customHeight=\"1\""));
            }
            s.push('>');
            for (c, cell) in cells {
                s.push_str(&super::sheet::cell_xml(
                    "",
                    Addr::new(r, c),
                    cell.style,
                    cell.value.as_ref(),
                    date1904,
                ));
            }
            s.push_str("</row>");
        }
        s.push_str("</sheetData>");
        if let Some((a, b)) = self.autofilter {
            s.push_str(&format!("<autoFilter ref=\"{}:{}\"/>", a.a1(), b.a1()));
        }
        if !self.merges.is_empty() {
            s.push_str(&format!("<mergeCells count=\"{}\">", self.merges.len()));
            for (a, b) in &self.merges {
                s.push_str(&format!("<mergeCell ref=\"{}:{}\"/>", a.a1(), b.a1()));
            }
            s.push_str("</mergeCells>");
        }
        if !self.validations.is_empty() {
            s.push_str(&format!(
                "<dataValidations count=\"{}\">",
                self.validations.len()
            ));
            for v in &self.validations {
                let sqref: Vec<String> = v
                    .ranges
                    .iter()
                    .map(|(a, b)| {
                        if a == b {
                            a.a1()
                        } else {
                            format!("{}:{}", a.a1(), b.a1())
                        }
                    })
                    .collect();
                let mut attrs = v.attrs.clone();
                attrs.push(("sqref".into(), sqref.join(" ")));
                s.push_str(&xml::tag("dataValidation", &attrs, false));
                s.push_str(&v.inner);
                s.push_str("</dataValidation>");
            }
            s.push_str("</dataValidations>");
        }
        if !self.links.is_empty() {
            s.push_str("<hyperlinks>");
            for (at, location, tooltip) in &self.links {
                s.push_str(&format!(
                    "<hyperlink ref=\"{}\" location=\"{}\" tooltip=\"{}\" display=\"{}\"/>",
                    at.a1(),
                    xml::attr_value(location),
                    xml::attr_value(&crate::base::gate::cut(tooltip, 255)),
                    xml::attr_value(&crate::base::gate::cut(location, 255)),
                ));
            }
            s.push_str("</hyperlinks>");
        }
        if !self.print_raw.is_empty() {
            s.push_str(&self.print_raw);
        } else {
            s.push_str(
                "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>",
            );
            if self.landscape_fit {
                s.push_str(
                    "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>",
                );
            }
        }
        if !self.notes.is_empty() {
            s.push_str("<legacyDrawing r:id=\"rIdZbNotes\"/>");
        }
        s.push_str("</worksheet>");
        s.into_bytes()
    }
}

/// The sheet `sheet` of the workbook `bytes` (one of our templates) as a sheet to add to a
/// copy whose formats are `styles`.
pub(super) fn from_template(
    bytes: &[u8],
    sheet: &str,
    name: &str,
    styles: &mut Styles,
) -> Result<NewSheet, EditError> {
    let mut pkg = Package::open(bytes)?;
    let book = super::workbook::Book::read(&mut pkg)?;
    let entry = book
        .sheets
        .iter()
        .find(|s| s.name == sheet)
        .ok_or_else(|| EditError::NoSheet(sheet.to_string()))?;
    let part = entry
        .part
        .clone()
        .ok_or_else(|| EditError::NoSheet(sheet.to_string()))?;
    let rels = pkg.rels(&book.part)?;
    let find = |kind: &str| {
        rels.iter()
            .find(|r| r.kind == kind)
            .map(|r| r.target.clone())
    };
    let src_styles = Styles::read(match find(REL_STYLES) {
        Some(p) => pkg.read(&p)?,
        None => None,
    })?;
    let strings = match find(REL_SHARED_STRINGS) {
        Some(p) => shared_strings(&pkg.read(&p)?.unwrap_or_default())?,
        None => Vec::new(),
    };
    let xml_bytes = pkg
        .read(&part)?
        .ok_or_else(|| EditError::NoSheet(sheet.to_string()))?;
    let mut memo = HashMap::new();
    let mut out = NewSheet::new(name);
    out.print_titles = book
        .defined_names
        .iter()
        .find(|(n, local_id, _)| n == "_xlnm.Print_Titles" && *local_id == Some(entry.index))
        .map(|(_, _, v)| v.rsplit_once('!').map_or(v.clone(), |(_, r)| r.to_string()));

    let mut r = xml::reader(&xml_bytes[..]);
    let mut buf = Vec::new();
    let mut inner = Vec::new();
    let mut row = 0u32;
    let mut depth = 0usize;
    loop {
        buf.clear();
        let ev = r.read_event_into(&mut buf).map_err(xml::bad_xml)?;
        let is_start = matches!(ev, Event::Start(_));
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                let n = local(e.name().as_ref()).to_string();
                match (depth, n.as_str()) {
                    (1, "sheetPr") => {
                        out.sheet_pr_raw = xml::whole(&mut r, &mut inner, &e, is_start)?;
                        continue;
                    }
                    (1, "sheetFormatPr") => {
                        out.format_pr_raw = xml::whole(&mut r, &mut inner, &e, is_start)?;
                        continue;
                    }
                    (1, "printOptions" | "pageMargins" | "pageSetup" | "headerFooter") => {
                        out.print_raw
                            .push_str(&xml::whole(&mut r, &mut inner, &e, is_start)?);
                        continue;
                    }
                    (1, "sheetViews") => {
                        read_views(&mut r, &mut inner, is_start, &mut out)?;
                        continue;
                    }
                    (2, "col") => {
                        let mut attrs = xml::attrs_raw(&e);
                        if let Some(s) = attr(&e, "style").and_then(|s| s.parse().ok()) {
                            let new = styles.import(&src_styles, s, &mut memo);
                            xml::set_attr(&mut attrs, "style", new.to_string());
                        }
                        out.cols_raw.push_str(&xml::tag("col", &attrs, true));
                    }
                    (2, "row") => {
                        row = attr(&e, "r")
                            .and_then(|r| r.parse::<u32>().ok())
                            .map_or(row, |r| r.saturating_sub(1));
                        if let Some(h) = attr(&e, "ht").and_then(|h| h.parse().ok()) {
                            out.heights.insert(row, h);
                        }
                    }
                    (3, "c") => {
                        let at = attr(&e, "r").and_then(|a| Addr::parse(&a));
                        let s = attr(&e, "s").and_then(|s| s.parse().ok()).unwrap_or(0);
                        let t = attr(&e, "t").unwrap_or_default();
                        let mut cell = NewCell {
                            value: None,
                            style: styles.import(&src_styles, s, &mut memo),
                        };
                        if is_start {
                            cell.value = template_value(&mut r, &mut inner, &t, &strings)?;
                        }
                        if let Some(at) = at {
                            out.cells.insert((at.row, at.col), cell);
                        }
                        continue;
                    }
                    (2, "mergeCell") => {
                        if let Some((a, b)) =
                            attr(&e, "ref").as_deref().and_then(|s| s.split_once(':'))
                        {
                            if let (Some(a), Some(b)) = (Addr::parse(a), Addr::parse(b)) {
                                out.merges.push((a, b));
                            }
                        }
                    }
                    (2, "dataValidation") => {
                        let ranges = attr(&e, "sqref")
                            .unwrap_or_default()
                            .split_whitespace()
                            .filter_map(|r| match r.split_once(':') {
                                Some((a, b)) => Some((Addr::parse(a)?, Addr::parse(b)?)),
                                None => Addr::parse(r).map(|a| (a, a)),
                            })
                            .collect();
                        let mut attrs = xml::attrs_raw(&e);
                        xml::remove_attr(&mut attrs, "sqref");
                        let body = if is_start {
                            xml::inner_raw(&mut r, &mut inner)?
                        } else {
                            String::new()
                        };
                        out.validations.push(Validation {
                            ranges,
                            attrs,
                            inner: body,
                        });
                        continue;
                    }
                    _ => {}
                }
                if is_start {
                    depth += 1;
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The frozen pane of a template's view.
fn read_views<R: std::io::BufRead>(
    r: &mut quick_xml::Reader<R>,
    buf: &mut Vec<u8>,
    is_start: bool,
    out: &mut NewSheet,
) -> Result<(), EditError> {
    if !is_start {
        return Ok(());
    }
    let mut depth = 1usize;
    loop {
        buf.clear();
        match r.read_event_into(buf).map_err(xml::bad_xml)? {
            Event::Start(e) | Event::Empty(e)
                if local(e.name().as_ref()) == "pane"
                    && attr(&e, "state").is_some_and(|s| s.starts_with("frozen")) =>
            {
                out.freeze = attr(&e, "topLeftCell").and_then(|a| Addr::parse(&a));
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return Ok(());
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// A template cell's value.
fn template_value<R: std::io::BufRead>(
    r: &mut quick_xml::Reader<R>,
    buf: &mut Vec<u8>,
    t: &str,
    strings: &[String],
) -> Result<Option<Value>, EditError> {
    let mut value = None;
    let mut depth = 1usize;
    loop {
        buf.clear();
        match r.read_event_into(buf).map_err(xml::bad_xml)? {
            Event::Start(e) => match local(e.name().as_ref()) {
                "v" => {
                    let v = xml::element_text_plain(r, buf)?;
                    value = match t {
                        "s" => v
                            .trim()
                            .parse::<usize>()
                            .ok()
                            .and_then(|i| strings.get(i))
                            .map(|s| Value::Text(s.clone())),
                        "str" | "inlineStr" => Some(Value::Text(v)),
                        _ => v.trim().parse().ok().map(Value::Number),
                    };
                }
                "is" => value = Some(Value::Text(xml::element_text(r, buf)?)),
                _ => depth += 1,
            },
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return Ok(value);
                }
            }
            Event::Eof => return Ok(value),
            _ => {}
        }
    }
}

/// The shared strings of a template.
fn shared_strings(bytes: &[u8]) -> Result<Vec<String>, EditError> {
    let mut r = xml::reader(bytes);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        buf.clear();
        match r.read_event_into(&mut buf).map_err(xml::bad_xml)? {
            Event::Start(e) if local(e.name().as_ref()) == "si" => {
                out.push(xml::element_text(&mut r, &mut buf)?);
            }
            Event::Empty(e) if local(e.name().as_ref()) == "si" => out.push(String::new()),
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}
