//! One worksheet of the user's workbook, streamed: read once to answer what derive asks
//! (is this cell blank, a formula, merged, formatted?), and copied event by event with only
//! the cells we change rewritten — so a sheet of a million cells costs a pass, not a model.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Write};

use quick_xml::events::{BytesStart, Event};

use super::styles::{Look, Styles};
use super::xml::{self, attr, local};
use super::{Addr, EditError, Value};

/// What a cell holds, as far as "blank" goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Content {
    Blank,
    Filled,
    /// A shared string: blank if that string is.
    Shared(u32),
}

/// One cell as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CellInfo {
    pub style: u32,
    pub formula: bool,
    pub content: Content,
}

/// What a scan of a sheet found.
#[derive(Debug, Default)]
pub(super) struct SheetIndex {
    pub cells: HashMap<(u32, u32), CellInfo>,
    pub merges: Vec<(Addr, Addr)>,
    pub heights: HashMap<u32, f64>,
}

/// A change to one cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct CellEdit {
    pub value: Option<Value>,
    pub look: Look,
    /// The format to start from instead of the cell's own (a row formatted like another).
    pub base_style: Option<u32>,
}

/// Every change to one sheet.
#[derive(Debug, Clone, Default)]
pub(super) struct SheetEdits {
    pub cells: BTreeMap<(u32, u32), CellEdit>,
    pub heights: BTreeMap<u32, f64>,
    pub tab_color: Option<String>,
    /// Clear `tabSelected` (another sheet is put in front and selected).
    pub unselect: bool,
    /// The relationship id of a notes drawing to add when the sheet has none.
    pub legacy_drawing: Option<String>,
}

impl SheetEdits {
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
            && self.heights.is_empty()
            && self.tab_color.is_none()
            && !self.unselect
            && self.legacy_drawing.is_none()
    }
}

/// What the copy found out while streaming.
#[derive(Debug, Default)]
pub(super) struct Patched {
    /// The sheet's own notes drawing (`legacyDrawing r:id`), when it had one.
    pub legacy_drawing: Option<String>,
}

/// The position of a `<c>` or `<row>`: its `r`, or the one after the previous.
fn cell_pos(e: &BytesStart<'_>, row: u32, next_col: u32) -> (u32, u32) {
    match attr(e, "r").and_then(|r| Addr::parse(&r)) {
        Some(a) => (a.row, a.col),
        None => (row, next_col),
    }
}

fn row_pos(e: &BytesStart<'_>, next: u32) -> u32 {
    attr(e, "r")
        .and_then(|r| r.trim().parse::<u32>().ok())
        .filter(|r| (1..=1_048_576).contains(r))
        .map_or(next, |r| r - 1)
}

/// Read a sheet for the questions derive asks.
pub(super) fn scan<R: BufRead>(input: R) -> Result<SheetIndex, EditError> {
    let mut r = xml::reader(input);
    let mut buf = Vec::new();
    let mut out = SheetIndex::default();
    let mut row = 0u32;
    let mut next_row = 0u32;
    let mut next_col = 0u32;
    loop {
        buf.clear();
        let ev = r.read_event_into(&mut buf).map_err(xml::bad_xml)?;
        match ev {
            Event::Start(e) | Event::Empty(e) if local(e.name().as_ref()) == "row" => {
                row = row_pos(&e, next_row);
                next_row = row + 1;
                next_col = 0;
                if let Some(h) = attr(&e, "ht").and_then(|h| h.trim().parse::<f64>().ok()) {
                    out.heights.insert(row, h);
                }
            }
            Event::Empty(e) if local(e.name().as_ref()) == "c" => {
                let (rr, col) = cell_pos(&e, row, next_col);
                next_col = col + 1;
                let style = style_of(&e);
                let content = Content::Blank;
                out.cells.insert(
                    (rr, col),
                    CellInfo {
                        style,
                        formula: false,
                        content,
                    },
                );
            }
            Event::Start(e) if local(e.name().as_ref()) == "c" => {
                let (rr, col) = cell_pos(&e, row, next_col);
                next_col = col + 1;
                let style = style_of(&e);
                let kind = attr(&e, "t").unwrap_or_default();
                let info = read_cell(&mut r, &mut buf, style, &kind)?;
                out.cells.insert((rr, col), info);
            }
            Event::Start(e) | Event::Empty(e) if local(e.name().as_ref()) == "mergeCell" => {
                if let Some((a, b)) = attr(&e, "ref").as_deref().and_then(|s| s.split_once(':')) {
                    if let (Some(a), Some(b)) = (Addr::parse(a), Addr::parse(b)) {
                        out.merges.push((a, b));
                    }
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// Whether a sheet's view is its workbook's selected tab: read up to its cell data only
/// (views come first), so a large sheet costs a few bytes of inflating.
pub(super) fn is_selected<R: BufRead>(input: R) -> Result<bool, EditError> {
    let mut r = xml::reader(input);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match r.read_event_into(&mut buf).map_err(xml::bad_xml)? {
            Event::Start(e) | Event::Empty(e) => match local(e.name().as_ref()) {
                "sheetView" if attr(&e, "tabSelected").is_some_and(|v| v == "1" || v == "true") => {
                    return Ok(true);
                }
                "sheetData" => return Ok(false),
                _ => {}
            },
            Event::Eof => return Ok(false),
            _ => {}
        }
    }
}

fn style_of(e: &BytesStart<'_>) -> u32 {
    attr(e, "s")
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0)
}

/// The children of a `<c>` just opened: formula, value, inline string.
fn read_cell<R: BufRead>(
    r: &mut quick_xml::Reader<R>,
    buf: &mut Vec<u8>,
    style: u32,
    kind: &str,
) -> Result<CellInfo, EditError> {
    let mut info = CellInfo {
        style,
        formula: false,
        content: Content::Blank,
    };
    let mut depth = 1usize;
    loop {
        buf.clear();
        match r.read_event_into(buf).map_err(xml::bad_xml)? {
            Event::Start(e) => {
                let name = local(e.name().as_ref()).to_string();
                match name.as_str() {
                    "f" => {
                        info.formula = true;
                        xml::skip_element(r, buf)?;
                    }
                    "v" => {
                        let v = xml::element_text_plain(r, buf)?;
                        info.content = if v.trim().is_empty() {
                            Content::Blank
                        } else if kind == "s" {
                            v.trim().parse().map_or(Content::Filled, Content::Shared)
                        } else {
                            Content::Filled
                        };
                    }
                    "is" => {
                        let t = xml::element_text(r, buf)?;
                        if !t.trim().is_empty() {
                            info.content = Content::Filled;
                        }
                    }
                    _ => depth += 1,
                }
            }
            Event::Empty(e) if local(e.name().as_ref()) == "f" => info.formula = true,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return Ok(info);
                }
            }
            Event::Eof => return Err(EditError::Open("工作表 XML 提前结束".into())),
            _ => {}
        }
    }
}

/// Elements that come after `legacyDrawing` in a worksheet: a drawing we add goes before the
/// first of them.
const AFTER_LEGACY_DRAWING: [&str; 8] = [
    "legacyDrawingHF",
    "drawingHF",
    "picture",
    "oleObjects",
    "controls",
    "webPublishItems",
    "tableParts",
    "extLst",
];

/// The element names [`patch`] acts on, as static strings; any other name is `""`.
fn known(n: &str) -> &'static str {
    const NAMES: [&str; 8] = [
        "worksheet",
        "sheetPr",
        "tabColor",
        "sheetViews",
        "sheetView",
        "sheetData",
        "legacyDrawing",
        "mergeCell",
    ];
    match n {
        "row" => "row",
        "c" => "c",
        _ => NAMES
            .iter()
            .chain(AFTER_LEGACY_DRAWING.iter())
            .find(|k| **k == n)
            .copied()
            .unwrap_or(""),
    }
}

/// Copy a sheet from `input` to `out` with `edits` made; formats come from `styles`.
pub(super) fn patch<R: BufRead, W: Write>(
    input: R,
    out: W,
    edits: &SheetEdits,
    styles: &mut Styles,
    date1904: bool,
) -> Result<Patched, EditError> {
    let mut rows: BTreeMap<u32, Vec<(u32, &CellEdit)>> = BTreeMap::new();
    for (&(r, c), e) in &edits.cells {
        rows.entry(r).or_default().push((c, e));
    }
    for &r in edits.heights.keys() {
        rows.entry(r).or_default();
    }
    let mut s = Stream {
        w: quick_xml::Writer::new(out),
        p: String::new(),
        edits,
        styles,
        date1904,
        rows: rows.into_iter().collect(),
        next: 0,
    };
    let mut r = xml::reader(input);
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut row = 0u32;
    let mut next_row = 0u32;
    let mut next_col = 0u32;
    // the edits of the row being copied, and how many of them are written
    let mut pending: Vec<(u32, &CellEdit)> = Vec::new();
    let mut pending_at = 0usize;
    let mut in_sheet_data = false;
    let mut tab_done = edits.tab_color.is_none();
    let mut in_sheet_pr = false;
    let mut drawing_done = edits.legacy_drawing.is_none();
    let mut found = Patched::default();
    let mut saw_sheet_data = false;
    loop {
        buf.clear();
        let ev = r.read_event_into(&mut buf).map_err(xml::bad_xml)?;
        // the names this loop acts on, without allocating for each of a sheet's events
        let name = match &ev {
            Event::Start(e) | Event::Empty(e) => known(local(e.name().as_ref())),
            Event::End(e) => known(local(e.name().as_ref())),
            _ => "",
        };
        match &ev {
            Event::Start(e) if depth == 0 => {
                if name != "worksheet" {
                    return Err(EditError::Open("工作表部件的根不是 worksheet".into()));
                }
                s.p = xml::prefix_of(e.name().as_ref());
            }
            Event::Start(e) | Event::Empty(e) if depth == 1 => {
                let empty = matches!(ev, Event::Empty(_));
                if !tab_done && name != "sheetPr" {
                    let p = &s.p;
                    let color = s.edits.tab_color.as_deref().unwrap_or_default();
                    s.raw(&format!(
                        "<{p}sheetPr><{p}tabColor rgb=\"{color}\"/></{p}sheetPr>"
                    ))?;
                    tab_done = true;
                }
                if !drawing_done && AFTER_LEGACY_DRAWING.contains(&name) {
                    s.legacy_drawing()?;
                    drawing_done = true;
                }
                match name {
                    "sheetPr" if !tab_done => {
                        let qname = e.name().as_ref().to_string();
                        let attrs = xml::attrs_raw(e);
                        s.raw(&xml::tag(&qname, &attrs, false))?;
                        if empty {
                            s.tab_color()?;
                            s.raw(&format!("</{qname}>"))?;
                            tab_done = true;
                        } else {
                            in_sheet_pr = true;
                            depth += 1;
                        }
                        continue;
                    }
                    "legacyDrawing" => {
                        found.legacy_drawing = attr(e, "id");
                        drawing_done = true;
                    }
                    "sheetData" => {
                        saw_sheet_data = true;
                        if empty {
                            let qname = e.name().as_ref().to_string();
                            let attrs = xml::attrs_raw(e);
                            s.raw(&xml::tag(&qname, &attrs, false))?;
                            s.rows_before(u32::MAX)?;
                            s.raw(&format!("</{qname}>"))?;
                            continue;
                        }
                        in_sheet_data = true;
                    }
                    _ => {}
                }
            }
            Event::Start(e) | Event::Empty(e) if depth == 2 && in_sheet_pr => {
                if name != "tabColor" {
                    s.tab_color()?;
                }
                in_sheet_pr = false;
                tab_done = true;
                let _ = e;
            }
            Event::End(_) if depth == 2 && in_sheet_pr => {
                s.tab_color()?;
                in_sheet_pr = false;
                tab_done = true;
            }
            Event::Start(e) | Event::Empty(e) if depth == 2 && in_sheet_data && name == "row" => {
                let empty = matches!(ev, Event::Empty(_));
                row = row_pos(e, next_row);
                next_row = row + 1;
                next_col = 0;
                s.rows_before(row)?;
                if s.rows.get(s.next).is_some_and(|(r, _)| *r == row) {
                    pending = std::mem::take(&mut s.rows[s.next].1);
                    pending_at = 0;
                    s.next += 1;
                    let mut attrs = xml::attrs_raw(e);
                    if !pending.is_empty() {
                        xml::remove_attr(&mut attrs, "spans");
                    }
                    s.height(&mut attrs, row);
                    let qname = e.name().as_ref().to_string();
                    s.raw(&xml::tag(&qname, &attrs, false))?;
                    if empty {
                        for (c, edit) in pending.drain(..) {
                            s.new_cell(row, c, edit)?;
                        }
                        s.raw(&format!("</{qname}>"))?;
                    } else {
                        depth += 1;
                    }
                    continue;
                }
                pending.clear();
            }
            // cells of a row without edits are copied without reading their references
            Event::Start(e) | Event::Empty(e)
                if depth == 3 && in_sheet_data && name == "c" && pending_at < pending.len() =>
            {
                let (_, col) = cell_pos(e, row, next_col);
                next_col = col + 1;
                while pending_at < pending.len() && pending[pending_at].0 < col {
                    let (c, edit) = pending[pending_at];
                    s.new_cell(row, c, edit)?;
                    pending_at += 1;
                }
                if pending_at < pending.len() && pending[pending_at].0 == col {
                    let edit = pending[pending_at].1;
                    pending_at += 1;
                    let empty = matches!(ev, Event::Empty(_));
                    let old = style_of(e);
                    if edit.value.is_some() {
                        if !empty {
                            xml::skip_element(&mut r, &mut buf)?;
                        }
                        let mut edit = edit.clone();
                        edit.base_style = edit.base_style.or(Some(old));
                        s.new_cell(row, col, &edit)?;
                    } else {
                        let style = s.styles.derive(edit.base_style.unwrap_or(old), edit.look);
                        let mut attrs = xml::attrs_raw(e);
                        xml::set_attr(&mut attrs, "s", style.to_string());
                        let qname = e.name().as_ref().to_string();
                        s.raw(&xml::tag(&qname, &attrs, empty))?;
                        if !empty {
                            depth += 1;
                        }
                    }
                    continue;
                }
            }
            Event::End(_) if depth == 3 && in_sheet_data && name == "row" => {
                while pending_at < pending.len() {
                    let (c, edit) = pending[pending_at];
                    s.new_cell(row, c, edit)?;
                    pending_at += 1;
                }
                pending.clear();
            }
            Event::End(_) if depth == 2 && name == "sheetData" => {
                s.rows_before(u32::MAX)?;
                in_sheet_data = false;
            }
            Event::Start(e) | Event::Empty(e)
                if depth == 2 && name == "sheetView" && s.edits.unselect =>
            {
                let mut attrs = xml::attrs_raw(e);
                xml::remove_attr(&mut attrs, "tabSelected");
                let qname = e.name().as_ref().to_string();
                let empty = matches!(ev, Event::Empty(_));
                s.raw(&xml::tag(&qname, &attrs, empty))?;
                if !empty {
                    depth += 1;
                }
                continue;
            }
            Event::End(_) if depth == 1 => {
                if !tab_done {
                    let p = s.p.clone();
                    let color = s.edits.tab_color.as_deref().unwrap_or_default();
                    s.raw(&format!(
                        "<{p}sheetPr><{p}tabColor rgb=\"{color}\"/></{p}sheetPr>"
                    ))?;
                    tab_done = true;
                }
                if !drawing_done {
                    s.legacy_drawing()?;
                    drawing_done = true;
                }
            }
            Event::Eof => break,
            _ => {}
        }
        xml::copy_event(&mut s.w, ev, &mut depth)?;
    }
    if !saw_sheet_data && s.next < s.rows.len() {
        return Err(EditError::Open("工作表没有 sheetData".into()));
    }
    Ok(found)
}

fn save(e: std::io::Error) -> EditError {
    EditError::Save(e.to_string())
}

struct Stream<'e, 's, W: Write> {
    w: quick_xml::Writer<W>,
    p: String,
    edits: &'e SheetEdits,
    styles: &'s mut Styles,
    date1904: bool,
    rows: Vec<(u32, Vec<(u32, &'e CellEdit)>)>,
    next: usize,
}

impl<W: Write> Stream<'_, '_, W> {
    fn raw(&mut self, s: &str) -> Result<(), EditError> {
        self.w.get_mut().write_all(s.as_bytes()).map_err(save)
    }

    fn tab_color(&mut self) -> Result<(), EditError> {
        let p = self.p.clone();
        let color = xml::attr_value(self.edits.tab_color.as_deref().unwrap_or_default());
        self.raw(&format!("<{p}tabColor rgb=\"{color}\"/>"))
    }

    fn legacy_drawing(&mut self) -> Result<(), EditError> {
        let p = self.p.clone();
        let id = xml::attr_value(self.edits.legacy_drawing.as_deref().unwrap_or_default());
        self.raw(&format!(
            "<{p}legacyDrawing xmlns:r=\"{}\" r:id=\"{id}\"/>",
            super::package::REL_NS
        ))
    }

    fn height(&self, attrs: &mut Vec<(String, String)>, row: u32) {
        if let Some(h) = self.edits.heights.get(&row) {
            xml::set_attr(attrs, "ht", format!("{h}"));
            xml::set_attr(attrs, "customHeight", "1".into());
        }
    }

    /// Write the edited rows that come before row `before` and are not in the sheet.
    fn rows_before(&mut self, before: u32) -> Result<(), EditError> {
        while self.next < self.rows.len() && self.rows[self.next].0 < before {
            let (row, cells) = std::mem::take(&mut self.rows[self.next]);
            self.next += 1;
            let mut attrs = vec![("r".to_string(), (row + 1).to_string())];
            self.height(&mut attrs, row);
            let qname = format!("{}row", self.p);
            self.raw(&xml::tag(&qname, &attrs, cells.is_empty()))?;
            if !cells.is_empty() {
                for (c, edit) in cells {
                    self.new_cell(row, c, edit)?;
                }
                self.raw(&format!("</{qname}>"))?;
            }
        }
        Ok(())
    }

    /// A cell written whole: the edit's value in a format derived from its base.
    fn new_cell(&mut self, row: u32, col: u32, edit: &CellEdit) -> Result<(), EditError> {
        let mut look = edit.look;
        if matches!(edit.value, Some(Value::Date(_))) {
            look.date = true;
        }
        let style = self.styles.derive(edit.base_style.unwrap_or(0), look);
        let cell = cell_xml(
            &self.p,
            Addr::new(row, col),
            style,
            edit.value.as_ref(),
            self.date1904,
        );
        self.raw(&cell)
    }
}

/// A `<c>` element holding `value` (text inline, so the shared strings are never touched).
pub(super) fn cell_xml(
    p: &str,
    at: Addr,
    style: u32,
    value: Option<&Value>,
    date1904: bool,
) -> String {
    let r = at.a1();
    let s = if style == 0 {
        String::new()
    } else {
        format!(" s=\"{style}\"")
    };
    match value {
        None => format!("<{p}c r=\"{r}\"{s}/>"),
        Some(Value::Text(t)) => format!(
            "<{p}c r=\"{r}\"{s} t=\"inlineStr\"><{p}is><{p}t xml:space=\"preserve\">{}</{p}t></{p}is></{p}c>",
            xml::text(&crate::base::gate::cell_text(t))
        ),
        Some(Value::Number(n)) if n.is_finite() => format!("<{p}c r=\"{r}\"{s}><{p}v>{n}</{p}v></{p}c>"),
        Some(Value::Number(_)) => format!("<{p}c r=\"{r}\"{s}/>"),
        Some(Value::Date(d)) => format!(
            "<{p}c r=\"{r}\"{s}><{p}v>{}</{p}v></{p}c>",
            super::serial(*d, date1904)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &str = "<?xml version=\"1.0\"?>\n<worksheet xmlns=\"urn:m\"><sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"/></sheetViews><sheetData>\
<row r=\"1\" spans=\"1:3\"><c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c><c r=\"C1\"><f>1+1</f><v>2</v></c></row>\
<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t> </t></is></c></row>\
</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A5:B5\"/></mergeCells><pageMargins left=\"0.7\"/></worksheet>";

    fn patched(edits: &SheetEdits) -> String {
        let mut styles = Styles::read(None).unwrap();
        let mut out = Vec::new();
        patch(SHEET.as_bytes(), &mut out, edits, &mut styles, false).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_scan_sees_blanks_formulas_and_merges() {
        let idx = scan(SHEET.as_bytes()).unwrap();
        assert_eq!(idx.cells[&(0, 0)].content, Content::Shared(0));
        assert!(idx.cells[&(0, 2)].formula);
        assert_eq!(idx.cells[&(2, 1)].content, Content::Blank);
        assert_eq!(idx.merges, vec![(Addr::new(4, 0), Addr::new(4, 1))]);
    }

    #[test]
    fn only_the_edited_cells_change() {
        let mut e = SheetEdits::default();
        e.cells.insert(
            (0, 1),
            CellEdit {
                value: Some(Value::Number(21.0)),
                ..CellEdit::default()
            },
        );
        e.cells.insert(
            (0, 0),
            CellEdit {
                look: Look::fill("FFFFC7CE"),
                ..CellEdit::default()
            },
        );
        e.cells.insert(
            (1, 0),
            CellEdit {
                value: Some(Value::Text("RJ<1>".into())),
                ..CellEdit::default()
            },
        );
        e.cells.insert(
            (9, 3),
            CellEdit {
                value: Some(Value::Text("末行".into())),
                ..CellEdit::default()
            },
        );
        e.tab_color = Some("FFFF0000".into());
        e.legacy_drawing = Some("rIdZb1".into());
        e.unselect = true;
        let out = patched(&e);
        assert!(out.contains("<sheetPr><tabColor rgb=\"FFFF0000\"/></sheetPr><sheetViews><sheetView workbookViewId=\"0\"/>"), "{out}");
        assert!(out.contains("<row r=\"1\"><c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>21</v></c><c r=\"C1\"><f>1+1</f>"), "{out}");
        assert!(out.contains("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">RJ&lt;1&gt;</t></is></c></row><row r=\"3\">"), "{out}");
        assert!(
            out.contains("<row r=\"10\"><c r=\"D10\" t=\"inlineStr\">"),
            "{out}"
        );
        assert!(
            out.contains("<pageMargins left=\"0.7\"/><legacyDrawing xmlns:r="),
            "{out}"
        );
    }

    #[test]
    fn an_unchanged_sheet_is_copied_byte_for_byte() {
        assert_eq!(patched(&SheetEdits::default()), SHEET);
    }
}
