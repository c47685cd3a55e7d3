//! The workbook part: which sheets exist and where their parts are, the date system, the
//! names scoped to sheets — and the same part with our sheets added, the user's entries kept.

use quick_xml::events::Event;

use super::package::{self, Package, Rel, REL_OFFICE_DOCUMENT, REL_WORKSHEET};
use super::xml::{self, attr, local};
use super::EditError;

/// One sheet of the workbook.
#[derive(Debug, Clone)]
pub(super) struct SheetEntry {
    pub name: String,
    /// Its position among the sheets (0-based; `localSheetId` counts this way).
    pub index: u32,
    pub sheet_id: u32,
    /// Its part, when it is a worksheet we can find.
    pub part: Option<String>,
}

/// The workbook as far as the copy needs it.
#[derive(Debug, Clone)]
pub(super) struct Book {
    /// The workbook part's name (`xl/workbook.xml`).
    pub part: String,
    pub sheets: Vec<SheetEntry>,
    pub date1904: bool,
    /// (name, localSheetId, value) of every defined name.
    pub defined_names: Vec<(String, Option<u32>, String)>,
}

impl Book {
    pub fn read(pkg: &mut Package) -> Result<Book, EditError> {
        let root = pkg.rels("")?;
        let part = root
            .iter()
            .find(|r| r.kind == REL_OFFICE_DOCUMENT && !r.external)
            .map(|r| r.target.clone())
            .unwrap_or_else(|| "xl/workbook.xml".to_string());
        let rels = pkg.rels(&part)?;
        let bytes = pkg
            .read(&part)?
            .ok_or_else(|| EditError::Open("工作簿缺少 workbook.xml".into()))?;
        let mut r = xml::reader(&bytes[..]);
        let mut buf = Vec::new();
        let mut book = Book {
            part: part.clone(),
            sheets: Vec::new(),
            date1904: false,
            defined_names: Vec::new(),
        };
        loop {
            buf.clear();
            match r.read_event_into(&mut buf).map_err(xml::bad_xml)? {
                Event::Start(e) | Event::Empty(e) => match local(e.name().as_ref()) {
                    "workbookPr" => {
                        book.date1904 = attr(&e, "date1904")
                            .is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"));
                    }
                    "sheet" => {
                        let name = attr(&e, "name").unwrap_or_default();
                        let rid = attr(&e, "id");
                        let target = rid.as_ref().and_then(|id| {
                            rels.iter()
                                .find(|r| &r.id == id && r.kind == REL_WORKSHEET && !r.external)
                        });
                        let part = target
                            .map(|r| r.target.clone())
                            // a sheet whose part is the workbook itself is not a sheet
                            .filter(|t| !t.eq_ignore_ascii_case(&part));
                        book.sheets.push(SheetEntry {
                            name,
                            index: book.sheets.len() as u32,
                            sheet_id: attr(&e, "sheetId")
                                .and_then(|v| v.trim().parse().ok())
                                .unwrap_or(0),
                            part,
                        });
                    }
                    "definedName" => {
                        let name = attr(&e, "name").unwrap_or_default();
                        let local_id = attr(&e, "localSheetId").and_then(|v| v.parse().ok());
                        let value = xml::element_text_plain(&mut r, &mut buf).unwrap_or_default();
                        book.defined_names.push((name, local_id, value));
                    }
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        // one part patched once: two sheets naming one part keep only the first
        let mut seen: Vec<String> = Vec::new();
        for s in &mut book.sheets {
            if let Some(p) = &s.part {
                let key = p.to_lowercase();
                if seen.contains(&key) {
                    s.part = None;
                } else {
                    seen.push(key);
                }
            }
        }
        Ok(book)
    }

    /// The sheet called `name`: exactly, else ignoring case as Excel does.
    pub fn sheet(&self, name: &str) -> Option<&SheetEntry> {
        self.sheets.iter().find(|s| s.name == name).or_else(|| {
            self.sheets
                .iter()
                .find(|s| s.name.to_lowercase() == name.to_lowercase())
        })
    }
}

/// A sheet to add to the workbook part.
#[derive(Debug, Clone)]
pub(super) struct Added {
    pub name: String,
    pub rel_id: String,
    pub sheet_id: u32,
    pub first: bool,
    /// Print titles (`$4:$5`).
    pub print_titles: Option<String>,
}

/// The workbook part with `added` sheets: the first ones in front (selected and active), the
/// others at the end; names scoped to sheets follow their sheets.
pub(super) fn patch_workbook(
    bytes: &[u8],
    book: &Book,
    added: &[Added],
    recalc: bool,
) -> Result<Vec<u8>, EditError> {
    let front = added.iter().filter(|a| a.first).count() as u32;
    // a sheet's position in the copy: ours in front, the user's, ours at the end
    let index_of = |a: &Added| -> u32 {
        let among = |first: bool| {
            added
                .iter()
                .filter(|x| x.first == first)
                .position(|x| x.name == a.name)
                .unwrap_or(0) as u32
        };
        if a.first {
            among(true)
        } else {
            front + book.sheets.len() as u32 + among(false)
        }
    };
    let mut names = String::new();
    for a in added {
        if let Some(t) = &a.print_titles {
            names.push_str(&format!(
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{}\">'{}'!{}</definedName>",
                index_of(a),
                xml::text(&a.name.replace('\'', "''")),
                xml::text(t)
            ));
        }
    }
    let sheet_tag = |p: &str, a: &Added| {
        format!(
            "<{p}sheet xmlns:r=\"{}\" name=\"{}\" sheetId=\"{}\" r:id=\"{}\"/>",
            package::REL_NS,
            xml::attr_value(&a.name),
            a.sheet_id,
            xml::attr_value(&a.rel_id)
        )
    };
    let mut r = xml::reader(bytes);
    let mut w = quick_xml::Writer::new(Vec::with_capacity(bytes.len() + 1024));
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut p = String::new();
    let mut names_done = names.is_empty();
    let mut calc_done = !recalc;
    // A missing calcPr goes before the first of these (or at the end); our print titles, when
    // the workbook has no definedNames, before calcPr or any of these.
    const AFTER_CALC: [&str; 9] = [
        "oleSize",
        "customWorkbookViews",
        "pivotCaches",
        "smartTagPr",
        "smartTagTypes",
        "webPublishing",
        "fileRecoveryPr",
        "webPublishObjects",
        "extLst",
    ];
    let raw =
        |w: &mut quick_xml::Writer<Vec<u8>>, s: &str| w.get_mut().extend_from_slice(s.as_bytes());
    // what has to come before the workbook's child `next` (`None`: its end)
    let due = |w: &mut quick_xml::Writer<Vec<u8>>,
               p: &str,
               next: Option<&str>,
               names_done: &mut bool,
               calc_done: &mut bool| {
        let after_calc = next.is_none_or(|n| AFTER_CALC.contains(&n));
        if !*names_done && (after_calc || next == Some("calcPr")) {
            raw(
                w,
                &format!(
                    "<{p}definedNames>{}</{p}definedNames>",
                    reprefix_names(&names, p)
                ),
            );
            *names_done = true;
        }
        if !*calc_done && after_calc {
            raw(w, &format!("<{p}calcPr fullCalcOnLoad=\"1\"/>"));
            *calc_done = true;
        }
    };
    loop {
        buf.clear();
        let ev = r.read_event_into(&mut buf).map_err(xml::bad_xml)?;
        let name = xml::event_name(&ev);
        match &ev {
            Event::Start(e) if depth == 0 => p = xml::prefix_of(e.name().as_ref()),
            Event::Start(e) | Event::Empty(e) if depth == 1 && name == "calcPr" && !calc_done => {
                due(&mut w, &p, Some("calcPr"), &mut names_done, &mut calc_done);
                let mut attrs = xml::attrs_raw(e);
                xml::set_attr(&mut attrs, "fullCalcOnLoad", "1".into());
                let empty = matches!(ev, Event::Empty(_));
                raw(&mut w, &xml::tag(e.name().as_ref(), &attrs, empty));
                calc_done = true;
                if !empty {
                    depth += 1;
                }
                continue;
            }
            Event::Start(e) if depth == 1 && name == "sheets" => {
                raw(&mut w, &format!("<{}>", &**e));
                for a in added.iter().filter(|a| a.first) {
                    raw(&mut w, &sheet_tag(&p, a));
                }
                depth += 1;
                continue;
            }
            Event::Start(_) | Event::Empty(_) if depth == 1 => {
                due(&mut w, &p, Some(&name), &mut names_done, &mut calc_done);
            }
            Event::End(_) if depth == 1 => {
                due(&mut w, &p, None, &mut names_done, &mut calc_done);
            }
            Event::End(_) if depth == 2 && name == "sheets" => {
                for a in added.iter().filter(|a| !a.first) {
                    raw(&mut w, &sheet_tag(&p, a));
                }
            }
            Event::Start(e) | Event::Empty(e)
                if depth == 2 && name == "definedName" && front > 0 =>
            {
                let mut attrs = xml::attrs_raw(e);
                if let Some(id) = attr(e, "localSheetId").and_then(|v| v.parse::<u32>().ok()) {
                    xml::set_attr(&mut attrs, "localSheetId", (id + front).to_string());
                }
                let empty = matches!(ev, Event::Empty(_));
                raw(&mut w, &xml::tag(e.name().as_ref(), &attrs, empty));
                if !empty {
                    depth += 1;
                }
                continue;
            }
            Event::End(_) if depth == 2 && name == "definedNames" && !names_done => {
                raw(&mut w, &reprefix_names(&names, &p));
                names_done = true;
            }
            Event::Start(e) | Event::Empty(e)
                if depth == 2 && name == "workbookView" && front > 0 =>
            {
                let mut attrs = xml::attrs_raw(e);
                xml::set_attr(&mut attrs, "activeTab", "0".into());
                xml::remove_attr(&mut attrs, "firstSheet");
                let empty = matches!(ev, Event::Empty(_));
                raw(&mut w, &xml::tag(e.name().as_ref(), &attrs, empty));
                if !empty {
                    depth += 1;
                }
                continue;
            }
            Event::Eof => break,
            _ => {}
        }
        xml::copy_event(&mut w, ev, &mut depth)?;
    }
    Ok(w.into_inner())
}

fn reprefix_names(names: &str, p: &str) -> String {
    if p.is_empty() {
        names.to_string()
    } else {
        names
            .replace("<definedName ", &format!("<{p}definedName "))
            .replace("</definedName>", &format!("</{p}definedName>"))
    }
}

/// A relationship for an added part.
pub(super) fn rel(id: String, kind: &str, target: String) -> Rel {
    Rel {
        id,
        kind: kind.to_string(),
        target,
        external: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> Book {
        Book {
            part: "xl/workbook.xml".into(),
            sheets: Vec::new(),
            date1904: false,
            defined_names: Vec::new(),
        }
    }

    #[test]
    fn recalculation_is_asked_where_the_schema_wants_it() {
        let with = b"<workbook><sheets/><calcPr calcId=\"1\"/><extLst/></workbook>";
        let out = String::from_utf8(patch_workbook(with, &book(), &[], true).unwrap()).unwrap();
        assert_eq!(
            out,
            "<workbook><sheets/><calcPr calcId=\"1\" fullCalcOnLoad=\"1\"/><extLst/></workbook>"
        );
        let without = b"<x:workbook xmlns:x=\"m\"><x:sheets/><x:oleSize ref=\"A1\"/></x:workbook>";
        let out = String::from_utf8(patch_workbook(without, &book(), &[], true).unwrap()).unwrap();
        assert_eq!(out, "<x:workbook xmlns:x=\"m\"><x:sheets/><x:calcPr fullCalcOnLoad=\"1\"/><x:oleSize ref=\"A1\"/></x:workbook>");
        let bare = b"<workbook><sheets/></workbook>";
        let out = String::from_utf8(patch_workbook(bare, &book(), &[], true).unwrap()).unwrap();
        assert_eq!(
            out,
            "<workbook><sheets/><calcPr fullCalcOnLoad=\"1\"/></workbook>"
        );
    }

    #[test]
    fn a_sheet_put_first_moves_the_names_scoped_to_the_others() {
        let wb = b"<workbook><bookViews><workbookView activeTab=\"2\"/></bookViews><sheets><sheet name=\"a\" sheetId=\"1\"/></sheets>\
<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">a!$1:$1</definedName></definedNames></workbook>";
        let added = [Added {
            name: "诊断报告".into(),
            rel_id: "rIdZb1".into(),
            sheet_id: 2,
            first: true,
            print_titles: None,
        }];
        let out = String::from_utf8(patch_workbook(wb, &book(), &added, false).unwrap()).unwrap();
        assert!(out.contains("<workbookView activeTab=\"0\"/>"), "{out}");
        assert!(out.contains("<sheets><sheet xmlns:r="), "{out}");
        assert!(out.contains("localSheetId=\"1\""), "{out}");
    }
}
