//! A walk over the record stream of an .xls (BIFF) workbook before calamine reads it.
//!
//! calamine parses every sheet of an .xls at once when it opens the file, reserves the cells a
//! sheet's DIMENSIONS record declares, builds a dense grid over the sheet's extent and copies a
//! shared string into every cell that refers to it. A few hundred bytes can ask for terabytes
//! that way, so this walk computes what those steps will allocate — from the same records, read
//! the way calamine reads them — and refuses the file when it is over the [`Limits`]. It also
//! finds the FILEPASS record of an encrypted workbook, which calamine would otherwise report as
//! damage for the weaker (XOR) encryption.

use super::grid::sheet_cells;
use super::limits::{bytes, count, Limits};
use super::OpenError;

/// One BIFF record: its type, its data and the data of the CONTINUE records after it.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
    cont: Vec<&'a [u8]>,
}

/// Records from `stream` on, CONTINUE records folded into the one before (as calamine does).
fn records(mut stream: &[u8]) -> impl Iterator<Item = Record<'_>> {
    std::iter::from_fn(move || {
        if stream.len() < 4 {
            return None;
        }
        let typ = u16::from_le_bytes([stream[0], stream[1]]);
        let len = u16::from_le_bytes([stream[2], stream[3]]) as usize;
        if stream.len() < len + 4 {
            return None;
        }
        let data = &stream[4..len + 4];
        stream = &stream[len + 4..];
        let mut cont = Vec::new();
        while stream.len() > 4 && u16::from_le_bytes([stream[0], stream[1]]) == 0x003C {
            let l = u16::from_le_bytes([stream[2], stream[3]]) as usize;
            if stream.len() < l + 4 {
                break;
            }
            cont.push(&stream[4..l + 4]);
            stream = &stream[l + 4..];
        }
        Some(Record { typ, data, cont })
    })
}

fn u16_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u16::from_le_bytes([*d.get(at)?, *d.get(at + 1)?]) as u32)
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(at..at + 4)?.try_into().ok()?))
}

/// The character counts of the strings of an SST record, walked as calamine walks them
/// (`parse_sst`, `read_rich_extended_string`); stops where calamine would fail.
fn sst_lengths(r: &Record<'_>) -> Vec<u32> {
    let mut out = Vec::new();
    let Some(mut data) = r.data.get(8..) else {
        return out;
    };
    let mut cont = r.cont.iter();
    // Skip `n` bytes across CONTINUE boundaries; false when the record ends first.
    fn skip<'a>(
        data: &mut &'a [u8],
        cont: &mut std::slice::Iter<'_, &'a [u8]>,
        mut n: usize,
    ) -> bool {
        while n > 0 {
            if data.is_empty() {
                match cont.next() {
                    Some(c) => *data = c,
                    None => return false,
                }
            }
            let l = n.min(data.len());
            *data = &data[l..];
            n -= l;
        }
        true
    }
    loop {
        if data.is_empty() {
            match cont.next() {
                Some(c) => data = c,
                None => return out,
            }
            if data.is_empty() {
                out.push(0);
                continue;
            }
        }
        if data.len() < 3 {
            return out;
        }
        let cch = u16::from_le_bytes([data[0], data[1]]) as usize;
        let flags = data[2];
        data = &data[3..];
        let mut runs = 0usize;
        let mut ext = 0usize;
        if flags & 0x8 != 0 {
            let Some(n) = u16_at(data, 0) else {
                return out;
            };
            runs = n as usize;
            data = &data[2..];
        }
        if flags & 0x4 != 0 {
            let Some(n) = u32_at(data, 0) else {
                return out;
            };
            ext = n as i32 as usize;
            data = &data[4..];
        }
        let mut high = flags & 0x1 != 0;
        let mut left = cch;
        while left > 0 {
            let width = if high { 2 } else { 1 };
            let take = left.min(data.len() / width);
            data = &data[take * width..];
            left -= take;
            if left > 0 {
                match cont.next() {
                    Some(c) if !c.is_empty() => {
                        high = c[0] & 0x1 != 0;
                        data = &c[1..];
                    }
                    _ => return out,
                }
            }
        }
        out.push(cch as u32);
        if !skip(&mut data, &mut cont, runs * 4) || !skip(&mut data, &mut cont, ext) {
            return out;
        }
    }
}

/// The extent of the cells of one kind (values or formulas) of a sheet.
#[derive(Default)]
struct Extent {
    min: Option<(u32, u32)>,
    max: (u32, u32),
}

impl Extent {
    fn add(&mut self, row: u32, col: u32) {
        let (r0, c0) = self.min.unwrap_or((row, col));
        self.min = Some((r0.min(row), c0.min(col)));
        self.max = (self.max.0.max(row), self.max.1.max(col));
    }

    /// Cells of the dense grid calamine builds over it (`Range::from_sparse`).
    fn cells(&self) -> u64 {
        match self.min {
            None => 0,
            Some((r0, c0)) => (self.max.0 - r0 + 1) as u64 * (self.max.1 - c0 + 1) as u64,
        }
    }
}

/// Check what calamine will allocate for the workbook stream `stream`.
pub(super) fn check(stream: &[u8], limits: &Limits) -> Result<(), OpenError> {
    let mut sheets: Vec<(usize, String)> = Vec::new();
    let mut strings: Vec<u32> = Vec::new();
    for r in records(stream) {
        match r.typ {
            // FILEPASS: the workbook is encrypted (RC4 or XOR obfuscation).
            0x002F => return Err(OpenError::Encrypted),
            // BoundSheet8: where a sheet's substream starts.
            0x0085 => {
                if let Some(pos) = u32_at(r.data, 0) {
                    sheets.push((pos as usize, sheet_name(r.data)));
                }
            }
            // SST: the shared strings.
            0x00FC => {
                if let Some(n) = u32_at(r.data, 4).filter(|n| *n as u64 > limits.max_shared_strings)
                {
                    return Err(over_strings(n as u64, limits));
                }
                strings = sst_lengths(&r);
                if strings.len() as u64 > limits.max_shared_strings {
                    return Err(over_strings(strings.len() as u64, limits));
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    if sheets.len() as u64 > limits.max_sheets {
        return Err(over_sheets(sheets.len() as u64, limits));
    }
    let mut workbook_cells: u64 = 0;
    let mut text: u64 = 0;
    for (pos, name) in &sheets {
        let Some(sub) = stream.get(*pos..) else {
            continue;
        };
        let (mut values, mut formulas) = (Extent::default(), Extent::default());
        let mut pushed: u64 = 0;
        let mut seen_bof = false;
        let mut depth = 0usize;
        let mut formula_at: (u32, u32) = (0, 0);
        for r in records(sub) {
            if depth > 0 {
                match r.typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let d = r.data;
            let pos = || Some((u16_at(d, 0)?, u16_at(d, 2)?));
            match r.typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x000A => break,
                // DIMENSIONS: calamine reserves rows × columns cells for it.
                0x0200 => {
                    let reserve = declared_cells(d);
                    if reserve > limits.max_sheet_cells {
                        return Err(sheet_cells(name, limits));
                    }
                }
                // Number, BoolErr, RK: one value each.
                0x0203 | 0x0205 | 0x027E => {
                    if let Some((row, col)) = pos() {
                        values.add(row, col);
                        pushed += 1;
                    }
                }
                // Label, RString: one string each, held in the record.
                0x0204 | 0x00D6 => {
                    if let Some((row, col)) = pos() {
                        values.add(row, col);
                        pushed += 1;
                        text += 3 * d.len() as u64;
                    }
                }
                // LabelSst: a copy of a shared string.
                0x00FD => {
                    if let (Some((row, col)), Some(i)) = (pos(), u32_at(d, 6)) {
                        if let Some(cch) = strings.get(i as usize) {
                            values.add(row, col);
                            pushed += 1;
                            text += 3 * *cch as u64;
                        }
                    }
                }
                // MulRk: a run of values in one row.
                0x00BD if d.len() >= 6 => {
                    if let (Some(row), Some(first)) = (u16_at(d, 0), u16_at(d, 2)) {
                        let n = ((d.len() - 6) / 6) as u32;
                        if n > 0 {
                            values.add(row, first);
                            values.add(row, first + n - 1);
                            pushed += n as u64;
                        }
                    }
                }
                // Formula: a formula and maybe its value; a String record may follow.
                0x0006 if d.len() >= 20 => {
                    if let Some((row, col)) = pos() {
                        formula_at = (row, col);
                        formulas.add(row, col);
                        values.add(row, col);
                        pushed += 2;
                        text += 4 * d.len() as u64;
                    }
                }
                0x0207 => {
                    values.add(formula_at.0, formula_at.1);
                    pushed += 1;
                    text += 3 * (d.len() + r.cont.iter().map(|c| c.len()).sum::<usize>()) as u64;
                }
                _ => {}
            }
        }
        let sheet = values.cells().max(formulas.cells()).max(pushed);
        if sheet > limits.max_sheet_cells {
            return Err(sheet_cells(name, limits));
        }
        workbook_cells = workbook_cells.saturating_add(values.cells() + formulas.cells());
        if workbook_cells > limits.max_workbook_cells {
            return Err(OpenError::OverLimit(format!(
                "整个工作簿的单元格超过 {} 个（工作簿单元格数上限）",
                count(limits.max_workbook_cells)
            )));
        }
        if text > limits.max_text_bytes {
            return Err(over_text(limits));
        }
    }
    Ok(())
}

/// The cells calamine reserves for a DIMENSIONS record (`parse_dimensions`, then
/// `rows × cols` in the sheet loop, with u32 arithmetic that wraps in release builds).
fn declared_cells(d: &[u8]) -> u64 {
    let parsed = match d.len() {
        10 => (|| Some((u16_at(d, 0)?, u16_at(d, 2)?, u16_at(d, 4)?, u16_at(d, 6)?)))(),
        14 | 16 => (|| Some((u32_at(d, 0)?, u32_at(d, 4)?, u16_at(d, 8)?, u16_at(d, 10)?)))(),
        _ => None,
    };
    let Some((rf, rl, mut cf, cl)) = parsed else {
        return 0;
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let (start, end) = if rl >= 1 && cl >= 1 {
        ((rf, cf), (rl - 1, cl - 1))
    } else {
        ((rf, cf), (rf, cf))
    };
    let rows = end.0.wrapping_sub(start.0).wrapping_add(1) as u64;
    let cols = end.1.wrapping_sub(start.1).wrapping_add(1) as u64;
    rows.saturating_mul(cols)
}

/// The sheet name of a BoundSheet8 record, for messages (BIFF8 short unicode string).
fn sheet_name(d: &[u8]) -> String {
    let Some(&cch) = d.get(6) else {
        return String::new();
    };
    let high = d.get(7).is_some_and(|f| f & 1 != 0);
    let body = d.get(8..).unwrap_or_default();
    if high {
        let units: Vec<u16> = body
            .chunks_exact(2)
            .take(cch as usize)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        body.iter().take(cch as usize).map(|&b| b as char).collect()
    }
}

fn over_strings(n: u64, limits: &Limits) -> OpenError {
    OpenError::OverLimit(format!(
        "共享字符串表有 {} 项，超过 {} 项（共享字符串数上限）",
        count(n),
        count(limits.max_shared_strings)
    ))
}

pub(super) fn over_sheets(n: u64, limits: &Limits) -> OpenError {
    OpenError::OverLimit(format!(
        "工作簿有 {} 个工作表，超过 {} 个（工作表数上限）",
        count(n),
        count(limits.max_sheets)
    ))
}

pub(super) fn over_text(limits: &Limits) -> OpenError {
    OpenError::OverLimit(format!(
        "单元格中的文字超过 {}（文字总量上限）",
        bytes(limits.max_text_bytes)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut v = typ.to_le_bytes().to_vec();
        v.extend((data.len() as u16).to_le_bytes());
        v.extend(data);
        v
    }

    fn bof() -> Vec<u8> {
        rec(0x0809, &[0x00, 0x06, 0x05, 0x00, 0, 0, 0, 0])
    }

    /// A globals substream with one sheet at the end, then the sheet's records.
    fn workbook(sst: Option<Vec<u8>>, sheet: Vec<Vec<u8>>) -> Vec<u8> {
        let mut globals = bof();
        if let Some(s) = sst {
            globals.extend(s);
        }
        let boundsheet_len = 4 + 8 + 1;
        let pos = (globals.len() + boundsheet_len + 4) as u32;
        let mut bs = pos.to_le_bytes().to_vec();
        bs.extend([0, 0, 1, 0, b'S']);
        globals.extend(rec(0x0085, &bs));
        globals.extend(rec(0x000A, &[]));
        globals.extend(bof());
        for r in sheet {
            globals.extend(r);
        }
        globals.extend(rec(0x000A, &[]));
        globals
    }

    fn cell(typ: u16, row: u16, col: u16, rest: &[u8]) -> Vec<u8> {
        let mut d = row.to_le_bytes().to_vec();
        d.extend(col.to_le_bytes());
        d.extend([0, 0]);
        d.extend(rest);
        rec(typ, &d)
    }

    #[test]
    fn an_ordinary_sheet_passes() {
        let b = workbook(
            None,
            vec![cell(0x0203, 0, 0, &[0; 8]), cell(0x0203, 9, 3, &[0; 8])],
        );
        assert_eq!(check(&b, &Limits::default()), Ok(()));
    }

    #[test]
    fn encryption_is_named() {
        let mut b = bof();
        b.extend(rec(0x002F, &[0, 0, 1, 2, 3, 4]));
        assert_eq!(check(&b, &Limits::default()), Err(OpenError::Encrypted));
    }

    #[test]
    fn a_huge_declared_dimension_is_refused() {
        let mut dims = 0u32.to_le_bytes().to_vec();
        dims.extend(4_000_000_000u32.to_le_bytes());
        dims.extend([0, 0, 0xFF, 0, 0, 0]);
        let b = workbook(None, vec![rec(0x0200, &dims)]);
        let e = check(&b, &Limits::default()).unwrap_err();
        assert!(e.to_string().contains("单元格数上限"), "{e}");
        // rwMac before rwMic wraps around in calamine's arithmetic.
        let mut dims = 10u32.to_le_bytes().to_vec();
        dims.extend(5u32.to_le_bytes());
        dims.extend([0, 0, 1, 0, 0, 0]);
        let b = workbook(None, vec![rec(0x0200, &dims)]);
        assert!(check(&b, &Limits::default()).is_err());
    }

    #[test]
    fn far_apart_cells_are_refused() {
        let b = workbook(
            None,
            vec![
                cell(0x0203, 0, 0, &[0; 8]),
                cell(0x0203, 65535, 255, &[0; 8]),
            ],
        );
        assert!(check(&b, &Limits::default()).is_err());
    }

    #[test]
    fn one_long_shared_string_in_many_cells_is_refused() {
        // One shared string of 60,000 characters, then 2,000 cells that show it.
        let mut sst = 1u32.to_le_bytes().to_vec();
        sst.extend(1u32.to_le_bytes());
        sst.extend(60_000u16.to_le_bytes());
        sst.push(0);
        let chars = vec![b'x'; 60_000];
        let mut records = rec(0x00FC, &sst[..]);
        // The characters go in CONTINUE records of at most 8,224 bytes, each with its flag.
        for chunk in chars.chunks(8000) {
            let mut c = vec![0u8];
            c.extend(chunk);
            records.extend(rec(0x003C, &c));
        }
        let cells: Vec<Vec<u8>> = (0..2000u16)
            .map(|r| cell(0x00FD, r, 0, &0u32.to_le_bytes()))
            .collect();
        let b = workbook(Some(records.clone()), cells.clone());
        let limits = Limits {
            max_text_bytes: 100 * 1024 * 1024,
            ..Limits::default()
        };
        let e = check(&b, &limits).unwrap_err();
        assert!(e.to_string().contains("文字总量上限"), "{e}");
        let few = workbook(Some(records), cells[..10].to_vec());
        assert_eq!(check(&few, &limits), Ok(()));
    }

    #[test]
    fn shared_string_lengths_follow_continue_records() {
        let mut sst = 2u32.to_le_bytes().to_vec();
        sst.extend(2u32.to_le_bytes());
        // "ab" compressed, then a rich string of 3 UTF-16 units with one format run.
        sst.extend([2, 0, 0, b'a', b'b']);
        sst.extend([3, 0, 0x09, 1, 0]);
        sst.extend([b'x', 0]);
        let mut r = rec(0x00FC, &sst);
        r.extend(rec(0x003C, &[1, b'y', 0, b'z', 0, 0, 0, 0, 0]));
        let record = records(&r).next().unwrap();
        assert_eq!(sst_lengths(&record), vec![2, 3]);
    }
}
