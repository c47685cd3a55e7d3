//! Mutation testing on stable Rust (issue 8 §6): the samples and the foreign workbooks (and
//! their LibreOffice resaves as xls and ods), mutated a few thousand times by a seeded
//! generator — truncated, bytes flipped inside the inflated XML of a zip entry and re-zipped
//! (so the change reaches the parser, not only the CRC check), parts dropped or duplicated,
//! elements deleted (header cells among them) or duplicated, huge strings, bad dates and
//! numbers, far cells, huge row numbers, huge counts and dimensions, deep nesting, many
//! sheets; for xls, flipped bytes, OLE header and directory fields, BIFF record lengths.
//!
//! Each mutant must come out of the binary, run as a child under a 2 GB address-space limit,
//! with exit 0 or 1, no panic, no hang, and jsonl output that parses and names it once.
//! Mutants run in batches of files per process (`--unit-per-file`), two processes at a time;
//! a failing batch is rerun file by file to find the culprit, which is saved under a temp dir
//! and printed with the mutation that made it.
//!
//! `ZHENGBAN_MUTATIONS=N` changes how many (default 3000), `ZHENGBAN_MUTATION_SEED=S` the
//! seed, `ZHENGBAN_TEST_BIN=path` the binary.

#[path = "hostile/build.rs"]
mod build;
#[path = "hostile/child.rs"]
mod child;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use build::{read_zip, write_zip, Entries};
use child::{check_jsonl, verify, HANG};

/// Files per process: enough to make starting the binary cheap, few enough that finding the
/// culprit in a failing batch is quick.
const BATCH: usize = 25;
/// Processes at a time (CI has two cores).
const WORKERS: usize = 2;
/// Failures after which the run stops looking: a broken reader fails thousands of mutants.
const ENOUGH: usize = 8;

/// SplitMix64: small, fast and the same everywhere, so a mutant is made again from its index.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, index: u64) -> Rng {
        let mut r = Rng(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// An index by weight.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

/// A file to mutate.
struct Seed {
    /// Path relative to the crate, for messages.
    name: String,
    ext: String,
    bytes: Vec<u8>,
    /// The inflated parts of a zip (xlsx, ods); `None` for xls.
    entries: Option<Entries>,
}

fn seeds() -> Vec<Seed> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in [
        "samples",
        "samples/shuanglong-split",
        "tests/foreign",
        "tests/foreign/resaved",
        "tests/resaved",
    ] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_file()
                    && matches!(
                        p.extension().and_then(|e| e.to_str()),
                        Some("xlsx" | "xls" | "ods")
                    )
            })
            .collect();
        found.sort();
        paths.extend(found);
    }
    let seeds: Vec<Seed> = paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            let ext = p.extension().unwrap().to_string_lossy().into_owned();
            let entries = if ext == "xls" {
                None
            } else {
                Some(read_zip(&bytes).unwrap_or_else(|| panic!("{} is no zip", p.display())))
            };
            Seed {
                name: p.strip_prefix(root).unwrap().display().to_string(),
                ext,
                bytes,
                entries,
            }
        })
        .collect();
    for ext in ["xlsx", "xls", "ods"] {
        assert!(
            seeds.iter().any(|s| s.ext == ext),
            "no {ext} sample to mutate"
        );
    }
    seeds
}

/// The spans `[start, end)` of the elements `<tag …>…</tag>` or `<tag …/>` in `xml`, at
/// most `limit` of them.
fn elements(xml: &[u8], tag: &str, limit: usize) -> Vec<(usize, usize)> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut at = 0;
    while out.len() < limit {
        let Some(i) = find(xml, open.as_bytes(), at) else {
            break;
        };
        at = i + open.len();
        match xml.get(at) {
            Some(b' ' | b'>' | b'/' | b'\n' | b'\t' | b'\r') => {}
            _ => continue,
        }
        let Some(gt) = find(xml, b">", at) else {
            break;
        };
        let end = if xml[gt - 1] == b'/' {
            gt + 1
        } else {
            match find(xml, close.as_bytes(), gt) {
                Some(c) => c + close.len(),
                None => break,
            }
        };
        out.push((i, end));
    }
    out
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Set attribute `name` in the start tag at `span` of `xml` to `value` (added when absent).
fn set_attr(xml: &mut Vec<u8>, span: (usize, usize), name: &str, value: &str) {
    let gt = find(xml, b">", span.0).unwrap_or(span.1 - 1);
    let tag_end = if xml[gt - 1] == b'/' { gt - 1 } else { gt };
    let key = format!(" {name}=\"");
    match find(&xml[..tag_end], key.as_bytes(), span.0) {
        Some(k) => {
            let v0 = k + key.len();
            let v1 = find(xml, b"\"", v0).unwrap_or(v0);
            xml.splice(v0..v1, value.bytes());
        }
        None => {
            let add = format!(" {name}=\"{value}\"");
            xml.splice(tag_end..tag_end, add.bytes());
        }
    }
}

/// Set attribute `name` of the first element of `xml`.
fn set_attr_first(xml: &mut Vec<u8>, name: &str, value: &str) {
    let len = xml.len();
    set_attr(xml, (0, len), name, value);
}

/// Replace the text inside the first `<inner>…</inner>` of the element at `span`.
fn set_inner(xml: &mut Vec<u8>, span: (usize, usize), inner: &str, text: &[u8]) -> bool {
    let open = format!("<{inner}");
    let close = format!("</{inner}>");
    let Some(o) = find(&xml[..span.1], open.as_bytes(), span.0) else {
        return false;
    };
    let Some(gt) = find(xml, b">", o) else {
        return false;
    };
    let Some(c) = find(&xml[..span.1], close.as_bytes(), gt) else {
        return false;
    };
    xml.splice(gt + 1..c, text.iter().copied());
    true
}

const FAR_CELLS: &[&str] = &[
    "XFD1048576",
    "S1048576",
    "A1048577",
    "A1048576",
    "XFD1",
    "XFE1",
    "AAAA1",
    "A0",
    "A4294967296",
    "ZZZZZZZ1",
    "1",
    "A",
    "",
    "a1",
    "A-1",
    "B99999999999",
];
const ROW_NUMBERS: &[&str] = &[
    "1048576",
    "1048577",
    "4294967295",
    "4294967296",
    "18446744073709551616",
    "99999999999",
    "0",
    "-1",
    "1e9",
    "",
    "x",
];
const HUGE_COUNTS: &[&str] = &[
    "1000000000",
    "4294967295",
    "4294967296",
    "18446744073709551615",
    "-1",
    "0",
    "2147483647",
];
const BAD_NUMBERS: &[&str] = &[
    "1e308",
    "-1e308",
    "1e309",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "-0",
    "99999999999999999999",
    "2958466",
    "-693594",
    "60",
    "0.5e-400",
    "1,5",
    "0x10",
    "",
    " ",
    "１２",
    "--1",
    "1e",
];
const BAD_DATES: &[&str] = &[
    "2023-13-45",
    "2023-02-30T25:61:61",
    "0000-00-00",
    "-0001-01-01",
    "99999-01-01",
    "2023-1-1",
    "T",
    "",
    "2023-05-01T00:00:00Z+99",
    "9999-12-31T23:59:59.9999999999",
];
const BAD_TEXT_DATES: &[&str] = &[
    "2023年13月45日",
    "0000年00月00日",
    "9999年99月99日",
    "2023/02/30",
    "2023.13.1",
    "20231345",
    "2023-05-01至2022-01-01",
    "____年__月__日",
    "永久-永久",
    "3000000年",
    "-1年",
    "2023年5月",
    "99999999个月",
];

/// A mutation of a zip seed: what was done and the new entries, or `None` when the chosen
/// mutation found nothing to act on (the caller draws again).
fn mutate_zip(entries: &Entries, ods: bool, rng: &mut Rng) -> Option<(String, Entries)> {
    let mut e = entries.clone();
    // Which part: mostly the cells.
    let cells_part = |e: &Entries, rng: &mut Rng| -> Option<usize> {
        let sheets: Vec<usize> = e
            .iter()
            .enumerate()
            .filter(|(_, (n, _))| {
                if ods {
                    n == "content.xml"
                } else {
                    n.starts_with("xl/worksheets/") && n.ends_with(".xml")
                }
            })
            .map(|(i, _)| i)
            .collect();
        (!sheets.is_empty()).then(|| *rng.pick(&sheets))
    };
    let named = |e: &Entries, name: &str| e.iter().position(|(n, _)| n == name);
    let xml_part = |e: &Entries, rng: &mut Rng| -> Option<usize> {
        let xml: Vec<usize> = e
            .iter()
            .enumerate()
            .filter(|(_, (n, _))| n.ends_with(".xml") || n.ends_with(".rels"))
            .map(|(i, _)| i)
            .collect();
        (!xml.is_empty()).then(|| *rng.pick(&xml))
    };
    let (cell, row, text) = if ods {
        ("table:table-cell", "table:table-row", "text:p")
    } else {
        ("c", "row", "t")
    };
    let kind = rng.weighted(&[14, 6, 4, 8, 8, 5, 10, 8, 8, 8, 4, 4]);
    let what = match kind {
        0 => {
            // Flip bytes inside an inflated part.
            let i = if rng.below(3) > 0 {
                cells_part(&e, rng)?
            } else {
                xml_part(&e, rng)?
            };
            let data = &mut e[i].1;
            if data.is_empty() {
                return None;
            }
            let k = rng.range(1, 8);
            for _ in 0..k {
                let at = rng.below(data.len());
                data[at] = if rng.below(2) == 0 {
                    *rng.pick(b"<>/\"=&;:#0123456789 \x00\xff")
                } else {
                    rng.next() as u8
                };
            }
            format!("{k} bytes flipped in {}", e[i].0)
        }
        1 => {
            let i = rng.below(e.len());
            let name = e.remove(i).0;
            format!("part {name} dropped")
        }
        2 => {
            // A second copy under a name that differs only in case or form: readers that
            // look parts up loosely meet two.
            let i = rng.below(e.len());
            let (name, data) = e[i].clone();
            let twin = match rng.below(3) {
                0 => name.to_uppercase(),
                1 => format!("/{name}"),
                _ => name.replace('/', "\\"),
            };
            if twin == name {
                return None;
            }
            let at = rng.below(e.len() + 1);
            e.insert(at, (twin.clone(), data));
            format!("part {name} duplicated as {twin}")
        }
        3 => {
            // Delete an element: mostly one of the first cells (the header rows).
            let i = cells_part(&e, rng)?;
            let tag = *rng.pick(&[cell, cell, cell, row, text]);
            let spans = elements(&e[i].1, tag, 4000);
            if spans.is_empty() {
                return None;
            }
            let n = if tag == cell && rng.below(2) == 0 {
                rng.below(spans.len().min(60))
            } else {
                rng.below(spans.len())
            };
            let (a, b) = spans[n];
            e[i].1.drain(a..b);
            format!("<{tag}> number {n} deleted in {}", e[i].0)
        }
        4 => {
            // Duplicate an element in place: the same cell, row, string or sheet twice.
            let (i, tag) = match rng.below(4) {
                0 if !ods => (named(&e, "xl/sharedStrings.xml")?, "si"),
                1 if !ods => (named(&e, "xl/workbook.xml")?, "sheet"),
                1 => (named(&e, "content.xml")?, "table:table"),
                _ => (cells_part(&e, rng)?, *rng.pick(&[cell, row])),
            };
            let spans = elements(&e[i].1, tag, 4000);
            if spans.is_empty() {
                return None;
            }
            let n = rng.below(spans.len());
            let (a, b) = spans[n];
            let copy = e[i].1[a..b].to_vec();
            e[i].1.splice(b..b, copy);
            format!("<{tag}> number {n} duplicated in {}", e[i].0)
        }
        5 => {
            // A huge string in place of a text.
            let (i, tag) = match rng.below(3) {
                0 if !ods => (named(&e, "xl/sharedStrings.xml")?, "t"),
                _ => (cells_part(&e, rng)?, *rng.pick(&[text, "v"])),
            };
            let spans = elements(&e[i].1, tag, 4000);
            if spans.is_empty() {
                return None;
            }
            let n = rng.below(spans.len());
            let len = rng.range(64 << 10, 2 << 20);
            let unit = rng
                .pick(&["软件名称", "A", "WPS Office 2019 ", "□☑"])
                .as_bytes();
            let huge: Vec<u8> = unit
                .iter()
                .copied()
                .cycle()
                .take(len / unit.len() * unit.len())
                .collect();
            let (a, b) = spans[n];
            let gt = find(&e[i].1, b">", a)?;
            if e[i].1[gt - 1] == b'/' {
                return None;
            }
            let close = format!("</{tag}>");
            e[i].1.splice(gt + 1..b - close.len(), huge);
            format!("<{tag}> number {n} made {len} bytes long in {}", e[i].0)
        }
        6 => {
            // Bad dates and numbers.
            let i = cells_part(&e, rng)?;
            let spans = elements(&e[i].1, cell, 4000);
            if spans.is_empty() {
                return None;
            }
            let n = rng.below(spans.len());
            let span = spans[n];
            let data = &mut e[i].1;
            if ods {
                let (ty, attr, value) = match rng.below(4) {
                    0 => ("date", "office:date-value", *rng.pick(BAD_DATES)),
                    1 => ("float", "office:value", *rng.pick(BAD_NUMBERS)),
                    2 => (
                        "time",
                        "office:time-value",
                        *rng.pick(&["PT999999999H", "P-1D", "PT", "x"]),
                    ),
                    _ => ("percentage", "office:value", *rng.pick(BAD_NUMBERS)),
                };
                set_attr(data, span, attr, value);
                set_attr(data, span, "office:value-type", ty);
                format!("cell {n} of {} made {ty} {attr}={value:?}", e[i].0)
            } else {
                let (ty, value) = match rng.below(6) {
                    0 => ("d", *rng.pick(BAD_DATES)),
                    1 => ("e", *rng.pick(&["#GARBAGE", "", "#N/A"])),
                    2 => ("b", *rng.pick(&["2", "-1", "true", ""])),
                    3 => (
                        "s",
                        *rng.pick(&["999999999", "-1", "4294967296", "1.5", ""]),
                    ),
                    4 => ("str", *rng.pick(BAD_TEXT_DATES)),
                    _ => ("n", *rng.pick(BAD_NUMBERS)),
                };
                set_attr(data, span, "t", ty);
                if !set_inner(data, span, "v", value.as_bytes()) {
                    let gt = find(data, b">", span.0)?;
                    if data[gt - 1] == b'/' {
                        return None;
                    }
                    let v = format!("<v>{value}</v>");
                    data.splice(gt + 1..gt + 1, v.bytes());
                }
                format!("cell {n} of {} made t={ty:?} <v>{value}</v>", e[i].0)
            }
        }
        7 => {
            // A text date no one can read, where the ledger has its dates.
            let i = if ods {
                named(&e, "content.xml")?
            } else {
                named(&e, "xl/sharedStrings.xml").or_else(|| cells_part(&e, rng))?
            };
            let spans = elements(&e[i].1, text, 4000);
            if spans.is_empty() {
                return None;
            }
            let n = rng.below(spans.len());
            let value = *rng.pick(BAD_TEXT_DATES);
            let (a, b) = spans[n];
            let gt = find(&e[i].1, b">", a)?;
            if e[i].1[gt - 1] == b'/' {
                return None;
            }
            let close = format!("</{text}>");
            e[i].1.splice(gt + 1..b - close.len(), value.bytes());
            format!("<{text}> number {n} of {} made {value:?}", e[i].0)
        }
        8 => {
            // A far cell.
            let i = cells_part(&e, rng)?;
            let spans = elements(&e[i].1, cell, 4000);
            if spans.is_empty() {
                return None;
            }
            let n = rng.below(spans.len());
            if ods {
                let cols = *rng.pick(&["16383", "16384", "1048576", "2147483647", "4294967296"]);
                let pad = format!("<table:table-cell table:number-columns-repeated=\"{cols}\"/>");
                let at = spans[n].0;
                e[i].1.splice(at..at, pad.bytes());
                format!("{cols} empty columns before cell {n} of {}", e[i].0)
            } else {
                let r = *rng.pick(FAR_CELLS);
                set_attr(&mut e[i].1, spans[n], "r", r);
                format!("cell {n} of {} moved to r={r:?}", e[i].0)
            }
        }
        9 => {
            // A huge row number (in ods, a huge repeat).
            let i = cells_part(&e, rng)?;
            let spans = elements(&e[i].1, row, 4000);
            if spans.is_empty() {
                return None;
            }
            let n = rng.below(spans.len());
            let span = spans[n];
            if ods {
                let rep = *rng.pick(&[
                    "1048576",
                    "2147483647",
                    "4294967295",
                    "100000",
                    "-1",
                    "0",
                    "99999999999999",
                ]);
                set_attr(&mut e[i].1, span, "table:number-rows-repeated", rep);
                format!("row {n} of {} repeated {rep:?} times", e[i].0)
            } else {
                let r = *rng.pick(ROW_NUMBERS);
                let strip = rng.below(2) == 0;
                let mut part = e[i].1[span.0..span.1].to_vec();
                set_attr_first(&mut part, "r", r);
                if strip {
                    // Cells without a reference of their own take the row's number.
                    let mut out = Vec::with_capacity(part.len());
                    let mut k = 0;
                    while k < part.len() {
                        if part[k..].starts_with(b"<c r=\"") {
                            out.extend_from_slice(b"<c");
                            k += 6;
                            while k < part.len() && part[k] != b'"' {
                                k += 1;
                            }
                            k += 1;
                        } else {
                            out.push(part[k]);
                            k += 1;
                        }
                    }
                    part = out;
                }
                e[i].1.splice(span.0..span.1, part);
                format!(
                    "row {n} of {} numbered r={r:?}{}",
                    e[i].0,
                    if strip {
                        ", its cells without references"
                    } else {
                        ""
                    }
                )
            }
        }
        10 => {
            // Huge counts and extents.
            if ods {
                let i = named(&e, "content.xml")?;
                let spans = elements(&e[i].1, cell, 4000);
                if spans.is_empty() {
                    return None;
                }
                let n = rng.below(spans.len());
                let (attr, v) = match rng.below(3) {
                    0 => ("table:number-columns-repeated", *rng.pick(HUGE_COUNTS)),
                    1 => (
                        "table:number-rows-spanned",
                        *rng.pick(&["1048576", "2147483647", "0", "-1"]),
                    ),
                    _ => (
                        "table:number-columns-spanned",
                        *rng.pick(&["16384", "2147483647", "0", "-1"]),
                    ),
                };
                set_attr(&mut e[i].1, spans[n], attr, v);
                format!("cell {n} of content.xml given {attr}={v:?}")
            } else {
                match rng.below(4) {
                    0 => {
                        let i = named(&e, "xl/sharedStrings.xml")?;
                        let span = *elements(&e[i].1, "sst", 1).first()?;
                        let v = *rng.pick(HUGE_COUNTS);
                        set_attr(&mut e[i].1, span, "uniqueCount", v);
                        if rng.below(2) == 0 {
                            set_attr(&mut e[i].1, span, "count", v);
                        }
                        format!("shared strings uniqueCount={v:?}")
                    }
                    1 => {
                        let i = cells_part(&e, rng)?;
                        let v = *rng.pick(&[
                            "A1:XFD1048576",
                            "A1:A1048577",
                            "XFD1048576",
                            "A1:S1048576",
                            "B2:A1",
                            "",
                        ]);
                        match elements(&e[i].1, "dimension", 1).first() {
                            Some(&span) => set_attr(&mut e[i].1, span, "ref", v),
                            None => {
                                let at = find(&e[i].1, b"<sheetData", 0)?;
                                let d = format!("<dimension ref=\"{v}\"/>");
                                e[i].1.splice(at..at, d.bytes());
                            }
                        }
                        format!("dimension {v:?} in {}", e[i].0)
                    }
                    2 => {
                        let i = cells_part(&e, rng)?;
                        let v = *rng.pick(&[
                            "A1:XFD1048576",
                            "A1:A1048576",
                            "B2:A1",
                            "A1:XFE1",
                            "A5:M1048576",
                        ]);
                        let m = format!(
                            "<mergeCells count=\"1\"><mergeCell ref=\"{v}\"/></mergeCells>"
                        );
                        let at = find(&e[i].1, b"</sheetData>", 0)? + "</sheetData>".len();
                        e[i].1.splice(at..at, m.bytes());
                        format!("merged cell {v:?} in {}", e[i].0)
                    }
                    _ => {
                        let i = cells_part(&e, rng)?;
                        let m = "<cols><col min=\"1\" max=\"16384\" width=\"9\" customWidth=\"1\"/></cols>";
                        let at = find(&e[i].1, b"<sheetData", 0)?;
                        e[i].1.splice(at..at, m.bytes());
                        format!("a column definition over 16384 columns in {}", e[i].0)
                    }
                }
            }
        }
        _ => {
            // Deep nesting, or many sheets.
            if rng.below(2) == 0 {
                let i = cells_part(&e, rng)?;
                let depth = rng.range(1_000, 100_000);
                let closed = rng.below(2) == 0;
                let tag: &[u8] = if ods { b"text:span" } else { b"x" };
                let mut nest = Vec::with_capacity(depth * (2 * tag.len() + 5));
                for _ in 0..depth {
                    nest.push(b'<');
                    nest.extend_from_slice(tag);
                    nest.push(b'>');
                }
                if closed {
                    for _ in 0..depth {
                        nest.extend_from_slice(b"</");
                        nest.extend_from_slice(tag);
                        nest.push(b'>');
                    }
                }
                let spans = elements(&e[i].1, cell, 4000);
                let at = match spans.get(rng.below(spans.len().max(1))) {
                    Some(&(a, _)) => find(&e[i].1, b">", a)? + 1,
                    None => e[i].1.len() / 2,
                };
                e[i].1.splice(at..at, nest);
                format!(
                    "{depth} nested elements{} in {}",
                    if closed { "" } else { ", never closed" },
                    e[i].0
                )
            } else if ods {
                let i = named(&e, "content.xml")?;
                let span = *elements(&e[i].1, "table:table", 1).first()?;
                let copy = e[i].1[span.0..span.1].to_vec();
                let most = ((16 << 20) / copy.len().max(1)).clamp(2, 300);
                let n = rng.range(2, most);
                let mut many = Vec::with_capacity(copy.len() * n);
                for k in 0..n {
                    let mut t = copy.clone();
                    set_attr_first(&mut t, "table:name", &format!("表{k}"));
                    many.extend_from_slice(&t);
                }
                e[i].1.splice(span.1..span.1, many);
                format!("first table copied {n} times in content.xml")
            } else {
                let i = named(&e, "xl/workbook.xml")?;
                let span = *elements(&e[i].1, "sheet", 1).first()?;
                let n = rng.range(50, 3_000);
                let first = e[i].1[span.0..span.1].to_vec();
                let mut many = Vec::new();
                for k in 0..n {
                    let mut s = first.clone();
                    set_attr_first(&mut s, "name", &format!("S{k}"));
                    set_attr_first(&mut s, "sheetId", &format!("{}", 1000 + k));
                    many.extend_from_slice(&s);
                }
                e[i].1.splice(span.1..span.1, many);
                format!("first <sheet> named {n} more times in xl/workbook.xml")
            }
        }
    };
    Some((what, e))
}

/// A mutation of an xls (an OLE compound file holding a BIFF8 stream).
fn mutate_xls(bytes: &[u8], rng: &mut Rng) -> (String, Vec<u8>) {
    let mut b = bytes.to_vec();
    let put32 = |b: &mut Vec<u8>, at: usize, v: u32| {
        if at + 4 <= b.len() {
            b[at..at + 4].copy_from_slice(&v.to_le_bytes());
        }
    };
    const VALUES: &[u32] = &[
        0,
        1,
        0x7FFF_FFFF,
        0xFFFF_FFFF,
        0xFFFF_FFFE,
        0xFFFF_FFFA,
        1_000_000,
        109,
    ];
    match rng.weighted(&[10, 30, 12, 10, 10, 12]) {
        0 => {
            let cut = rng.below(b.len());
            b.truncate(cut);
            (format!("truncated to {cut} bytes"), b)
        }
        1 => {
            let k = rng.range(1, 16);
            for _ in 0..k {
                let at = rng.range(512.min(b.len() - 1), b.len() - 1);
                b[at] = rng.next() as u8;
            }
            (format!("{k} bytes flipped after the OLE header"), b)
        }
        2 => {
            let len = rng.range(16, 2048);
            let at = rng.below(b.len());
            let fill = if rng.below(2) == 0 {
                0xFF
            } else {
                rng.next() as u8
            };
            let end = (at + len).min(b.len());
            b[at..end].fill(fill);
            (format!("bytes {at}..{end} set to {fill:#04x}"), b)
        }
        3 => {
            // OLE header: sector sizes, FAT, directory, mini FAT, DIFAT.
            let fields: &[(usize, &str)] = &[
                (0x2C, "FAT sector count"),
                (0x30, "first directory sector"),
                (0x3C, "first mini FAT sector"),
                (0x40, "mini FAT sector count"),
                (0x44, "first DIFAT sector"),
                (0x48, "DIFAT sector count"),
                (0x4C, "first DIFAT entry"),
                (0x38, "mini stream cutoff"),
            ];
            let &(at, name) = rng.pick(fields);
            let v = *rng.pick(VALUES);
            put32(&mut b, at, v);
            if rng.below(4) == 0 {
                let shift = *rng.pick(&[0u16, 7, 13, 31, 0xFFFF]);
                b[0x1E..0x20].copy_from_slice(&shift.to_le_bytes());
                return (format!("OLE {name} = {v:#x}, sector shift {shift}"), b);
            }
            (format!("OLE {name} = {v:#x}"), b)
        }
        4 => {
            // A directory entry's start sector or stream size.
            let dir = u32::from_le_bytes(b[0x30..0x34].try_into().unwrap()) as usize;
            let entry = rng.below(6);
            let base = (dir + 1) * 512 + entry * 128;
            let (off, name) = *rng.pick(&[(0x74usize, "start sector"), (0x78, "stream size")]);
            let v = *rng.pick(VALUES);
            put32(&mut b, base + off, v);
            (format!("directory entry {entry} {name} = {v:#x}"), b)
        }
        _ => {
            // A BIFF record's length or type, among the first records of the workbook stream.
            let Some(bof) = find(&b, b"\x09\x08\x10\x00\x00\x06\x05\x00", 0) else {
                let at = rng.below(b.len());
                b[at] ^= 0xFF;
                return (format!("no BOF; byte {at} inverted"), b);
            };
            let mut at = bof;
            let steps = rng.below(40);
            for _ in 0..steps {
                if at + 4 > b.len() {
                    break;
                }
                let len = u16::from_le_bytes([b[at + 2], b[at + 3]]) as usize;
                if at + 4 + len + 4 > b.len() {
                    break;
                }
                at += 4 + len;
            }
            if at + 4 > b.len() {
                return (format!("record walk ran out at {at}"), b);
            }
            if rng.below(2) == 0 {
                let len = *rng.pick(&[0u16, 1, 0xFFFF, 8224, 8225]);
                b[at + 2..at + 4].copy_from_slice(&len.to_le_bytes());
                (format!("BIFF record {steps} (at {at}) length {len}"), b)
            } else {
                let typ = *rng.pick(&[0x0085u16, 0x00FC, 0x0809, 0x000A, 0x003C, 0x00FD, 0x0203]);
                b[at..at + 2].copy_from_slice(&typ.to_le_bytes());
                (format!("BIFF record {steps} (at {at}) type {typ:#06x}"), b)
            }
        }
    }
}

/// Mutant `index`: its description and bytes.
fn mutant(seeds: &[Seed], seed: u64, index: usize) -> (String, &str, Vec<u8>) {
    let s = &seeds[index % seeds.len()];
    let mut rng = Rng::new(seed, index as u64);
    for _ in 0..20 {
        let made = match &s.entries {
            None => Some(mutate_xls(&s.bytes, &mut rng)),
            Some(entries) => match rng.weighted(&[8, 8, 84]) {
                0 => {
                    let cut = rng.below(s.bytes.len());
                    Some((format!("truncated to {cut} bytes"), s.bytes[..cut].to_vec()))
                }
                1 => {
                    let mut b = s.bytes.clone();
                    let k = rng.range(1, 12);
                    for _ in 0..k {
                        let at = rng.below(b.len());
                        b[at] = rng.next() as u8;
                    }
                    Some((format!("{k} bytes of the zip flipped"), b))
                }
                _ => mutate_zip(entries, s.ext == "ods", &mut rng)
                    .map(|(what, e)| (what, write_zip(&e))),
            },
        };
        if let Some((what, bytes)) = made {
            return (format!("{}: {what}", s.name), &s.ext, bytes);
        }
    }
    let cut = s.bytes.len() / 2;
    (
        format!("{}: truncated to {cut} bytes", s.name),
        &s.ext,
        s.bytes[..cut].to_vec(),
    )
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn thousands_of_mutants_never_crash_hang_or_garble_the_output() {
    let seeds = seeds();
    let count = env_number("ZHENGBAN_MUTATIONS", 3000) as usize;
    let seed = env_number("ZHENGBAN_MUTATION_SEED", 0x5A48_454E_4742_414E);
    let batches = count.div_ceil(BATCH);
    let next = AtomicUsize::new(0);
    let failures: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let kept = std::env::temp_dir().join(format!("zhengban-mutants-{}", std::process::id()));
    std::thread::scope(|s| {
        for _ in 0..WORKERS {
            s.spawn(|| loop {
                let b = next.fetch_add(1, Ordering::SeqCst);
                if b >= batches || failures.lock().unwrap().len() >= ENOUGH {
                    break;
                }
                let dir = tempfile::tempdir().expect("tempdir");
                let mut files = Vec::new();
                let mut made = Vec::new();
                for index in b * BATCH..((b + 1) * BATCH).min(count) {
                    let (what, ext, bytes) = mutant(&seeds, seed, index);
                    let path = dir.path().join(format!("m{index:05}.{ext}"));
                    std::fs::write(&path, &bytes).expect("write mutant");
                    files.push(path);
                    made.push((index, what));
                }
                // A hang detector for the batch, not a speed limit.
                let timeout = HANG + Duration::from_secs(3) * files.len() as u32;
                let batch = check_jsonl(dir.path(), &files, timeout);
                let Err(batch_fault) = verify(&batch, &files) else {
                    continue;
                };
                // Find the culprits one file at a time.
                let mut found = false;
                for (path, (index, what)) in files.iter().zip(&made) {
                    let one = check_jsonl(dir.path(), std::slice::from_ref(path), HANG);
                    if let Err(fault) = verify(&one, std::slice::from_ref(path)) {
                        found = true;
                        std::fs::create_dir_all(&kept).expect("failure dir");
                        let saved = kept.join(path.file_name().unwrap());
                        std::fs::copy(path, &saved).expect("keep mutant");
                        failures.lock().unwrap().push(format!(
                            "mutant {index} ({what}): {fault}\n    saved as {}",
                            saved.display()
                        ));
                        if failures.lock().unwrap().len() >= ENOUGH {
                            break;
                        }
                    }
                }
                if !found {
                    failures.lock().unwrap().push(format!(
                        "batch of mutants {}..{} fails only together: {batch_fault}",
                        made[0].0,
                        made[made.len() - 1].0
                    ));
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} failures (stopped looking after {ENOUGH}) among {count} mutants of {} samples, seed {seed:#x}:\n{}",
        failures.len(),
        seeds.len(),
        failures.join("\n")
    );
}

#[test]
fn mutants_are_reproducible_and_varied() {
    let seeds = seeds();
    let a = mutant(&seeds, 1, 17);
    let b = mutant(&seeds, 1, 17);
    assert_eq!((a.0.as_str(), &a.2), (b.0.as_str(), &b.2));
    // Every kind of mutation turns up in the first few hundred.
    let whats: Vec<String> = (0..600).map(|i| mutant(&seeds, 1, i).0).collect();
    for kind in [
        "truncated",
        "flipped in",
        "dropped",
        "duplicated as",
        "deleted",
        "duplicated in",
        "bytes long",
        "made t=",
        "moved to r=",
        "numbered r=",
        "uniqueCount",
        "nested",
        "more times",
        "repeated",
        "OLE",
        "BIFF record",
        "directory entry",
        "empty columns",
        "office:date-value",
        "dimension",
        "merged cell",
    ] {
        assert!(
            whats.iter().any(|w| w.contains(kind)),
            "no mutation of kind {kind:?} among the first 600"
        );
    }
}
