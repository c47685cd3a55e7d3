//! The parts every official table shares: a column header (one or two rows, merged group
//! cells, units in brackets), numbered data rows, a "label：value" header block and an
//! approval block at the bottom.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;

use regex::Regex;

use crate::schema::{ColumnSpec, HeaderLabel};

use super::hints::ColumnHint;

use super::{Cell, Sheet};
use crate::base::text::{clean, fold_width, norm, norm_chars, norm_no_parens};
use crate::base::CellRef;

/// A column header found in a sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderMatch {
    /// Top header row.
    pub first_row: u32,
    /// Last header row (the sub-header row of two-row headers).
    pub last_row: u32,
    /// Matched columns: sheet column → index into the spec list.
    pub columns: Vec<(u32, usize)>,
    /// Header cells that match no known column: (row, col, text).
    pub unknown: Vec<(u32, u32, String)>,
    /// Required specs that no column matched (indices into the spec list).
    pub missing: Vec<usize>,
    /// Columns recognised by their sub-header text (second header row).
    pub sub_cols: Vec<u32>,
    /// Columns mapped otherwise than by their header's published text or a built-in alias.
    pub mapped: Vec<(u32, MappingSource)>,
}

/// How a column was mapped to its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MappingSource {
    /// Its header is the published text or a spelling the tool knows.
    BuiltIn,
    /// Its header was unclear; the values under it told.
    Inferred,
    /// The configuration file said so.
    Config,
    /// Its header is no known spelling, but its words name the column (授权终端数).
    Wording,
}

impl MappingSource {
    /// In a clerk's words.
    pub fn describe(self) -> &'static str {
        match self {
            MappingSource::BuiltIn => "内置",
            MappingSource::Inferred => "按内容推断",
            MappingSource::Config => "配置文件",
            MappingSource::Wording => "按列名用词",
        }
    }
}

impl HeaderMatch {
    /// How the column at `col` was mapped.
    pub fn source(&self, col: u32) -> MappingSource {
        self.mapped
            .iter()
            .find(|(c, _)| *c == col)
            .map_or(MappingSource::BuiltIn, |(_, s)| *s)
    }

    /// The header text over a column as typed (group and sub-header joined by " / ").
    pub fn typed(&self, sheet: &Sheet, col: u32) -> String {
        let top = sheet.shown(self.first_row, col).display();
        let top = top.trim();
        if self.sub_cols.contains(&col) {
            let sub = sheet.get(self.last_row, col).display();
            let sub = sub.trim();
            if top.is_empty() {
                return sub.to_string();
            }
            return format!("{top} / {sub}");
        }
        top.to_string()
    }

    /// The sheet column of the spec with `key`, if matched.
    pub fn col(&self, specs: &[ColumnSpec], key: &str) -> Option<u32> {
        self.columns
            .iter()
            .find(|(_, i)| specs[*i].key == key)
            .map(|(c, _)| *c)
    }
}

fn text_of(cell: &Cell) -> &str {
    match cell {
        Cell::Text(s) => s.trim(),
        _ => "",
    }
}

/// Header text in the forms specs are compared in, computed once per cell.
struct NormText {
    n: String,
    /// [`norm_no_parens`], when it differs from `n` (only text with brackets).
    np: Option<String>,
}

impl NormText {
    fn new(text: &str) -> Self {
        let n = norm(text);
        let np = n.contains(['(', '[']).then(|| norm_no_parens(text));
        NormText { n, np }
    }

    fn np(&self) -> &str {
        self.np.as_deref().unwrap_or(&self.n)
    }
}

/// A spec's published header and aliases, normalised once per thread.
struct SpecForms {
    /// (norm, norm without parentheses) of the header and of each alias.
    forms: Vec<(String, String)>,
    group: Option<String>,
    /// The spec's cues: each a list of groups (whether the group must be absent, its
    /// alternatives), normalised.
    cues: Vec<Vec<(bool, Vec<String>)>>,
}

impl SpecForms {
    fn new(spec: &ColumnSpec) -> Self {
        SpecForms {
            forms: std::iter::once(spec.header)
                .chain(spec.aliases.iter().copied())
                .map(|h| (norm(h), norm_no_parens(h)))
                .collect(),
            group: spec.group.map(norm),
            cues: spec
                .cues
                .iter()
                .map(|cue| {
                    cue.split('+')
                        .map(|g| {
                            let (absent, g) = match g.strip_prefix('!') {
                                Some(rest) => (true, rest),
                                None => (false, g),
                            };
                            (absent, g.split('|').map(norm).collect())
                        })
                        .collect()
                })
                .collect(),
        }
    }

    /// Whether the header's words name the spec by one of its cues (text without brackets:
    /// "采购价格（万元）" is 采购价格).
    fn cued(&self, t: &NormText) -> bool {
        let text = t.np();
        !text.is_empty()
            && self.cues.iter().any(|cue| {
                cue.iter()
                    .all(|(absent, alts)| alts.iter().any(|a| text.contains(a.as_str())) != *absent)
            })
    }

    fn matches(&self, t: &NormText) -> bool {
        if t.n.is_empty() {
            return false;
        }
        let trimmed = t.n.trim_end_matches(':');
        let np = t.np();
        self.forms
            .iter()
            .any(|(hn, hnp)| t.n == *hn || np == hnp || trimmed == hn)
    }
}

/// Whether the header cell at (`row`, `c`) is merged across several columns from this row: a
/// group caption over the columns it groups.
fn spans_columns(sheet: &Sheet, row: u32, c: u32) -> bool {
    sheet
        .merge_at(row, c)
        .is_some_and(|m| m.first_row == row && m.last_col > m.first_col)
}

/// Specs are `'static` data: their strings' addresses identify them for the cache.
type SpecKey = (usize, usize, usize, usize);

fn spec_key(spec: &ColumnSpec) -> SpecKey {
    (
        spec.header.as_ptr() as usize,
        spec.header.len(),
        spec.aliases.as_ptr() as usize,
        spec.aliases.len() ^ spec.group.map_or(0, |g| (g.as_ptr() as usize) << 1),
    )
}

/// The forms of every spec of a list, and all of them together: text that is none of them
/// matches no spec, which settles most cells of a candidate row with one lookup.
struct ListForms {
    specs: Vec<SpecForms>,
    ns: HashSet<String>,
    nps: HashSet<String>,
    /// The first character of every form: text starting otherwise is none of them.
    firsts: Vec<char>,
}

impl ListForms {
    fn new(specs: &[ColumnSpec]) -> Self {
        let specs: Vec<SpecForms> = specs.iter().map(SpecForms::new).collect();
        let ns = specs
            .iter()
            .flat_map(|s| s.forms.iter().map(|f| f.0.clone()))
            .collect();
        let nps = specs
            .iter()
            .flat_map(|s| s.forms.iter().map(|f| f.1.clone()))
            .collect();
        let mut firsts: Vec<char> = specs
            .iter()
            .flat_map(|s| {
                s.forms
                    .iter()
                    .flat_map(|f| [f.0.chars().next(), f.1.chars().next()])
            })
            .flatten()
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        ListForms {
            specs,
            ns,
            nps,
            firsts,
        }
    }

    /// A cheap first test: whether text could be one of the forms, by its first character.
    /// Text starting with a bracket may lose it to [`norm_no_parens`]: it passes.
    fn may_start(&self, first: Option<char>) -> bool {
        match first {
            None => false,
            Some('(' | '[' | ')' | ']') => true,
            Some(c) => self.firsts.binary_search(&c).is_ok(),
        }
    }

    /// Whether some spec of the list could match the text.
    fn could_match(&self, t: &NormText) -> bool {
        !t.n.is_empty()
            && (self.ns.contains(&t.n)
                || self.nps.contains(t.np())
                || self.ns.contains(t.n.trim_end_matches(':')))
    }
}

thread_local! {
    static LIST_FORMS: std::cell::RefCell<HashMap<Vec<SpecKey>, Rc<ListForms>>> =
        std::cell::RefCell::new(HashMap::new());
}

/// The normalised forms of a spec list, from the per-thread cache.
fn forms_of(specs: &[ColumnSpec]) -> Rc<ListForms> {
    let key: Vec<SpecKey> = specs.iter().map(spec_key).collect();
    LIST_FORMS.with(|cache| {
        cache
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| Rc::new(ListForms::new(specs)))
            .clone()
    })
}

/// Whether header text names the spec (published header or an alias, with or without units).
pub fn spec_matches(spec: &ColumnSpec, text: &str) -> bool {
    SpecForms::new(spec).matches(&NormText::new(text))
}

/// The first spec of a list, among those `wanted`, that header text no spelling names still
/// names by its words (its cues); the list's forms come from the per-thread cache.
pub fn cued_spec<'s>(
    specs: &'s [ColumnSpec],
    text: &str,
    wanted: impl Fn(&ColumnSpec) -> bool,
) -> Option<&'s ColumnSpec> {
    let forms = forms_of(specs);
    let t = NormText::new(text);
    specs
        .iter()
        .zip(&forms.specs)
        .find(|(s, f)| wanted(s) && f.cued(&t))
        .map(|(s, _)| s)
}

/// Try `row` (and `row + 1` as a sub-header, when below `limit`) as the column header of a
/// table with these specs. `None` when fewer than two columns match.
pub fn match_header_row(
    sheet: &Sheet,
    row: u32,
    limit: u32,
    specs: &[ColumnSpec],
) -> Option<HeaderMatch> {
    let forms = HeaderForms::of(specs);
    match_header_row_in(sheet, sheet.width(), row, limit, specs, &forms)
}

/// The normalised forms of a spec list, for callers trying many rows against the same specs.
pub(crate) struct HeaderForms(Rc<ListForms>);

impl HeaderForms {
    /// The forms of `specs` (cached per thread).
    pub(crate) fn of(specs: &[ColumnSpec]) -> Self {
        HeaderForms(forms_of(specs))
    }
}

/// [`match_header_row`] with the sheet's width and the specs' forms computed once by the
/// caller.
pub(crate) fn match_header_row_in(
    sheet: &Sheet,
    width: u32,
    row: u32,
    limit: u32,
    specs: &[ColumnSpec],
    forms: &HeaderForms,
) -> Option<HeaderMatch> {
    let has_sub = row + 1 < limit.max(row + 2) && row + 1 < sheet.height();
    let list = &*forms.0;
    if !may_hold_header(sheet, width, row, has_sub, list) {
        return None;
    }
    let mut m = match_rows(sheet, width, row, has_sub, specs, list)?;
    // A "sub-header" row that holds values in other columns is the first data row.
    if m.last_row > row && !sub_row_is_header(sheet, width, row, &m) {
        m = match_rows(sheet, width, row, false, specs, list)?;
    }
    split_row(sheet, width, &mut m, specs);
    Some(m)
}

/// A third header row: captions under a column header the row above spans over several
/// columns (许可期限 over 起始日期 | 截止日期) and nothing else. Taken into the header; a licence
/// term so split keeps its start under the term and its end as the term's end.
fn split_row(sheet: &Sheet, width: u32, m: &mut HeaderMatch, specs: &[ColumnSpec]) {
    let (above, r) = (m.last_row, m.last_row + 1);
    if r >= sheet.height() {
        return;
    }
    let mut spans: Vec<(u32, u32)> = Vec::new();
    for c in 0..width {
        if sheet.merge_at(r, c).is_some_and(|mg| mg.first_row < r) {
            continue;
        }
        let cell = sheet.get(r, c);
        if cell.is_blank() {
            continue;
        }
        let Cell::Text(t) = cell else { return };
        let caption = t.trim().chars().count() <= 8 && !t.chars().any(|ch| ch.is_ascii_digit());
        let Some(span) = sheet
            .merge_at(above, c)
            .filter(|mg| mg.first_row <= above && mg.last_col > mg.first_col)
        else {
            return;
        };
        if !caption {
            return;
        }
        if !spans.contains(&(span.first_col, span.last_col)) {
            spans.push((span.first_col, span.last_col));
        }
    }
    if spans.is_empty() {
        return;
    }
    m.last_row = r;
    let key_at = |m: &HeaderMatch, c: u32| {
        m.columns
            .iter()
            .find(|(mc, _)| *mc == c)
            .map(|(_, i)| specs[*i].key)
    };
    let Some(end_spec) = specs.iter().position(|s| s.key == "term_end") else {
        return;
    };
    for (a, b) in spans {
        if key_at(m, a) != Some("term") {
            continue;
        }
        let says = |c: u32, words: &[&str]| {
            let t = norm(&sheet.get(r, c).display());
            words.iter().any(|w| t.contains(w))
        };
        let start = (a..=b).find(|&c| says(c, &["起", "始", "开始", "自"]));
        let end = (a..=b).find(|&c| says(c, &["止", "截", "到期", "终", "结束", "至"]));
        if let (Some(start), Some(end)) = (start, end) {
            if start != end {
                for entry in m.columns.iter_mut() {
                    if entry.0 == a {
                        entry.0 = start;
                    }
                }
                m.columns.push((end, end_spec));
                m.columns.sort_by_key(|(c, _)| *c);
                m.unknown.retain(|(_, c, _)| *c != start && *c != end);
            }
        }
    }
}

/// Whether two columns of the row (or of its sub row) hold text that could start a header
/// form: [`match_rows`] matches a column only then, and a header needs two. Most data rows
/// fail this on their first characters, without the work of matching.
fn may_hold_header(sheet: &Sheet, width: u32, row: u32, has_sub: bool, list: &ListForms) -> bool {
    let mut candidates = 0;
    for c in 0..width {
        let top = text_of(sheet.shown(row, c));
        let sub = if has_sub {
            text_of(sheet.get(row + 1, c))
        } else {
            ""
        };
        if list.may_start(first(top)) || list.may_start(first(sub)) {
            candidates += 1;
            if candidates >= 2 {
                return true;
            }
        }
    }
    false
}

/// The first character of a cell's text in [`norm`]'s form: what [`ListForms::may_start`]
/// looks at.
fn first(text: &str) -> Option<char> {
    norm_chars(text).next()
}

fn sub_row_is_header(sheet: &Sheet, width: u32, row: u32, m: &HeaderMatch) -> bool {
    (0..width).all(|c| {
        sheet.get(row + 1, c).is_blank()
            || sheet
                .merge_at(row + 1, c)
                .is_some_and(|mg| mg.first_row <= row)
            || m.sub_cols.contains(&c)
    })
}

fn match_rows(
    sheet: &Sheet,
    width: u32,
    row: u32,
    has_sub: bool,
    specs: &[ColumnSpec],
    list: &ListForms,
) -> Option<HeaderMatch> {
    let forms = &list.specs;
    // Which specs a column took already: a few dozen at most, no hashing needed.
    let mut used: Vec<bool> = vec![false; specs.len()];
    let mut columns = Vec::new();
    let mut unknown_cells: Vec<(u32, &str, &str)> = Vec::new();
    let mut sub_cols = Vec::new();
    for c in 0..width {
        let top = text_of(sheet.shown(row, c));
        let sub = if has_sub {
            // A vertically merged header continues into the sub row: not a sub-header.
            match sheet.merge_at(row + 1, c) {
                Some(m) if m.first_row <= row => "",
                _ => text_of(sheet.get(row + 1, c)),
            }
        } else {
            ""
        };
        if top.is_empty() && sub.is_empty() {
            continue;
        }
        // The forms of a cell are computed only when its first character allows a match.
        let top_n = list
            .may_start(first(top))
            .then(|| NormText::new(top))
            .filter(|t| list.could_match(t));
        let free = |i: &usize| !used[*i];
        let found = if !sub.is_empty() {
            let sub_n = list
                .may_start(first(sub))
                .then(|| NormText::new(sub))
                .filter(|t| list.could_match(t));
            // A group header (软件性质, 采购信息, 许可信息) over sub-headers: a short caption
            // merged across the columns it groups (a long "label：value" line over a table is
            // its caption, not a group).
            let spans = spans_columns(sheet, row, c)
                && top.chars().count() <= 12
                && !top.contains([':', '：']);
            let by_group = || {
                let sub_n = sub_n.as_ref()?;
                let top_norm = norm(top);
                specs
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| free(i))
                    .find(|(i, s)| {
                        s.group.is_some()
                            && (top.is_empty()
                                || spans
                                || forms[*i]
                                    .group
                                    .as_deref()
                                    .is_some_and(|g| top_norm.contains(g)))
                            && forms[*i].matches(sub_n)
                    })
            };
            let by_concat = || {
                if !list.may_start(first(top).or_else(|| first(sub))) {
                    return None;
                }
                let joined = NormText::new(&format!("{top}{sub}"));
                if !list.could_match(&joined) {
                    return None;
                }
                specs
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| free(i))
                    .find(|(i, _)| forms[*i].matches(&joined))
            };
            let by_sub_alone = || {
                let sub_n = sub_n.as_ref().filter(|_| top.is_empty() || spans)?;
                specs
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| free(i))
                    .find(|(i, _)| forms[*i].matches(sub_n))
            };
            by_group()
                .or_else(by_concat)
                .or_else(by_sub_alone)
                .map(|(i, _)| {
                    sub_cols.push(c);
                    i
                })
        } else {
            None
        };
        // A group caption merged over the columns it groups names none of them when they
        // have sub-headers of their own (软件属性 over 采购类 | 预装类 | 免费类).
        let grouped = !sub.is_empty() && spans_columns(sheet, row, c);
        let found = found.or_else(|| {
            if grouped {
                return None;
            }
            let top_n = top_n.as_ref()?;
            specs
                .iter()
                .enumerate()
                .filter(|(i, _)| free(i))
                .find(|(i, s)| s.group.is_none() && forms[*i].matches(top_n))
                .map(|(i, _)| i)
        });
        match found {
            Some(i) => {
                used[i] = true;
                columns.push((c, i));
            }
            None => unknown_cells.push((c, top, sub)),
        }
    }
    // Headers no spelling names, by their words: only where a known spelling starts the
    // row as a header, and never taking a column a known spelling took. A row with a single
    // known column is a header only when its words name four columns in all.
    let mut mapped = Vec::new();
    let spelled = columns.len();
    if spelled >= 1 {
        unknown_cells.retain(|&(c, top, sub)| {
            let spans = spans_columns(sheet, row, c);
            let (text, from_sub) = if !sub.is_empty() && (top.is_empty() || spans) {
                (sub, true)
            } else {
                (top, false)
            };
            if text.is_empty() || text.chars().count() > 16 {
                return true;
            }
            let t = NormText::new(text);
            // A box under a group (采购类 under 软件属性) only by its own sub-header.
            let hit = specs
                .iter()
                .enumerate()
                .find(|(i, s)| !used[*i] && (s.group.is_none() || from_sub) && forms[*i].cued(&t));
            match hit {
                Some((i, _)) => {
                    used[i] = true;
                    columns.push((c, i));
                    mapped.push((c, MappingSource::Wording));
                    if from_sub {
                        sub_cols.push(c);
                    }
                    false
                }
                None => true,
            }
        });
        columns.sort_by_key(|(c, _)| *c);
    }
    if columns.len() < 2 || (spelled < 2 && columns.len() < 4) {
        return None;
    }
    // Unknown header cells, once per merged region (known only now that the row is a header).
    let mut reported_merges: HashSet<(u32, u32)> = HashSet::new();
    let mut unknown = Vec::new();
    for (c, top, sub) in unknown_cells {
        // A sub-row's text is a header only where the sub-row is one (some column was
        // recognised by it); otherwise it is the first data row's value.
        let (r, text) = if !sub.is_empty() && !sub_cols.is_empty() {
            (row + 1, sub)
        } else {
            (row, top)
        };
        if text.is_empty() {
            continue;
        }
        let origin = sheet
            .merge_at(r, c)
            .map(|m| (m.first_row, m.first_col))
            .unwrap_or((r, c));
        if reported_merges.insert(origin) {
            unknown.push((origin.0, origin.1, text.to_string()));
        }
    }
    // Only columns inside the table's span count as unknown headers.
    let lo = columns.iter().map(|(c, _)| *c).min().unwrap_or(0);
    let hi = columns.iter().map(|(c, _)| *c).max().unwrap_or(0);
    unknown.retain(|(_, c, _)| *c >= lo && *c <= hi + 2);
    let missing = specs
        .iter()
        .enumerate()
        .filter(|(i, s)| s.required && !used[*i])
        .map(|(i, _)| i)
        .collect();
    Some(HeaderMatch {
        first_row: row,
        last_row: if sub_cols.is_empty() { row } else { row + 1 },
        columns,
        unknown,
        missing,
        sub_cols,
        mapped,
    })
}

/// Whether a row is a header block's — labels with their values ("单位名称 | 某局 | 填报人 |
/// 张三 …", or a grid of 总人数 | 使用计算机人数 | 服务器数 …) — rather than a table's column
/// header, whatever words it shares with one: two or more of its cells are labels only a
/// header block has (not 电话 or 单位, which columns have too), alone or with their value.
pub fn is_header_block_row(sheet: &Sheet, row: u32) -> bool {
    static FORMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        crate::schema::STANDARD_HEADER
            .iter()
            .filter(|l| !matches!(l.key, "phone" | "section"))
            .flat_map(|l| std::iter::once(l.label).chain(l.aliases.iter().copied()))
            .map(norm)
            .filter(|f| f.chars().count() >= 3)
            .collect()
    });
    let Some(cells) = sheet.rows.get(row as usize) else {
        return false;
    };
    let labels = cells
        .iter()
        .filter(|cell| {
            let Cell::Text(t) = cell else { return false };
            if t.len() > 200 {
                return false;
            }
            let n = norm(t);
            forms.iter().any(|f| {
                n.strip_prefix(f.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(':'))
            })
        })
        .count();
    labels >= 2
}

/// The best column header among rows `from..=to`: most matched columns, earliest first.
pub fn find_header(sheet: &Sheet, from: u32, to: u32, specs: &[ColumnSpec]) -> Option<HeaderMatch> {
    find_header_with(sheet, from, to, specs, &[])
}

/// [`find_header`] with the column headers the user named ([`apply_hints`]).
pub fn find_header_with(
    sheet: &Sheet,
    from: u32,
    to: u32,
    specs: &[ColumnSpec],
    hints: &[ColumnHint],
) -> Option<HeaderMatch> {
    let mut best: Option<HeaderMatch> = None;
    let to = to.min(sheet.height().saturating_sub(1));
    let width = sheet.width();
    let forms = HeaderForms::of(specs);
    for row in from..=to {
        if sheet.row_is_blank(row) {
            continue;
        }
        let found = match_header_row_in(sheet, width, row, to + 1, specs, &forms);
        let found = if hints.is_empty() {
            found
        } else {
            apply_hints(sheet, found, Some(row), specs, hints)
                .filter(|m| !m.mapped.is_empty() || m.columns.len() >= 2)
        };
        let found = found.filter(|_| !is_header_block_row(sheet, row));
        if let Some(m) = found {
            // A required column, or the software's name, which stands for its number in a
            // ledger that keeps none (seed 003's field list).
            let has_required = m
                .columns
                .iter()
                .any(|(_, i)| specs[*i].required || specs[*i].key == "name");
            if has_required
                && best
                    .as_ref()
                    .is_none_or(|b| m.columns.len() > b.columns.len())
            {
                best = Some(m);
            }
        }
    }
    best
}

/// The header with the columns the user named mapped to their fields, over what the
/// built-in spellings found. Without a header found, `row` is tried as one (every text cell
/// of it unknown until a hint names it). `None` when no hint applies and no header was found,
/// or when fewer than two columns are mapped.
pub fn apply_hints(
    sheet: &Sheet,
    found: Option<HeaderMatch>,
    row: Option<u32>,
    specs: &[ColumnSpec],
    hints: &[ColumnHint],
) -> Option<HeaderMatch> {
    if hints.is_empty() {
        return found;
    }
    let mut m = match (found, row) {
        (Some(m), _) => m,
        (None, Some(r)) => bare_header(sheet, r, specs),
        (None, None) => return None,
    };
    let width = sheet.width();
    for c in 0..width {
        let top = sheet.shown(m.first_row, c).display();
        let sub = if m.last_row > m.first_row {
            sheet.get(m.last_row, c).display()
        } else {
            String::new()
        };
        let named = |t: &str| {
            if t.trim().is_empty() {
                return None;
            }
            let (n, np) = (norm(t), norm_no_parens(t));
            hints.iter().find(|h| h.header == n || h.header == np)
        };
        let Some(hint) = named(&sub)
            .or_else(|| named(&format!("{top}{sub}")))
            .or_else(|| named(&top))
        else {
            continue;
        };
        let Some(i) = specs.iter().position(|s| s.key == hint.key) else {
            continue;
        };
        m.columns.retain(|(col, j)| *col != c && *j != i);
        m.columns.push((c, i));
        m.columns.sort_unstable();
        m.mapped.retain(|(col, _)| *col != c);
        m.mapped.push((c, MappingSource::Config));
        m.unknown.retain(|(_, col, _)| *col != c);
    }
    m.missing = specs
        .iter()
        .enumerate()
        .filter(|(i, s)| s.required && !m.columns.iter().any(|(_, j)| j == i))
        .map(|(i, _)| i)
        .collect();
    (m.columns.len() >= 2).then_some(m)
}

/// A header at `row` with nothing recognised yet: every text cell unknown.
fn bare_header(sheet: &Sheet, row: u32, specs: &[ColumnSpec]) -> HeaderMatch {
    let unknown = (0..sheet.width())
        .filter_map(|c| match sheet.get(row, c) {
            Cell::Text(t) if !t.trim().is_empty() => Some((row, c, t.trim().to_string())),
            _ => None,
        })
        .collect();
    HeaderMatch {
        first_row: row,
        last_row: row,
        columns: Vec::new(),
        unknown,
        missing: specs
            .iter()
            .enumerate()
            .filter(|(_, s)| s.required)
            .map(|(i, _)| i)
            .collect(),
        sub_cols: Vec::new(),
        mapped: Vec::new(),
    }
}

/// One "label：value" of a header block.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderEntry {
    /// The label's key (`unit`, `filler`, …).
    pub key: &'static str,
    /// The cell holding the label.
    pub label_cell: CellRef,
    /// The value (typed, when it sat alone in its own cell).
    pub value: Cell,
    /// The cell holding the value (the label's own cell for inline values).
    pub value_cell: CellRef,
    /// For a value typed in the label's own cell: where it sits in the cell's text, in
    /// characters (start, end), up to the next label.
    pub inline: Option<(usize, usize)>,
}

/// Where, in a value's text, a label the reader does not know begins: after a space, a word
/// of two to ten characters followed by a colon. Dates and times (2024-03-01 10:30) have no
/// word before their colon.
fn unknown_label_at(text: &str) -> Option<usize> {
    // By hand rather than a regex of Unicode classes: this runs on every inline value.
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !c.is_whitespace() {
            continue;
        }
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let mut word = 0;
        while chars
            .next_if(|(_, c)| is_han(*c) || c.is_ascii_alphabetic() || matches!(c, '(' | ')'))
            .is_some()
        {
            word += 1;
        }
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        if (2..=10).contains(&word) && chars.peek().is_some_and(|(_, c)| *c == ':') {
            return Some(at);
        }
    }
    None
}

/// A unit of a figure standing in its own cell ("人", "台").
fn is_unit(text: &str) -> bool {
    matches!(text.trim(), "人" | "台" | "个" | "套" | "名" | "元" | "部")
}

/// A CJK ideograph (the unified block and its first extension).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// A piece of a date typed over several cells: a number, or 年 / 月 / 日.
fn date_piece(cell: &Cell) -> bool {
    match cell {
        Cell::Number(_) => true,
        Cell::Text(t) => {
            let t = t.trim();
            !t.is_empty()
                && t.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '_' | ' '))
        }
        _ => false,
    }
}

/// Where a label of a header cell ends, at byte `at` of its (folded) text: after a colon,
/// at the end of the text, or before a number or a unit that follows a space
/// ("总人数 45 人", "使用计算机人数　　人") — or before any value after a space when the label
/// stands `alone` ("编号 WH01"). `None` where the words go on: the label is part of other
/// text.
fn label_end(text: &str, at: usize, alone: bool) -> Option<usize> {
    // A qualifier in brackets belongs to the label: 联系电话（手机）：…
    let at = match text[at..].strip_prefix('(') {
        Some(inner) => at + 1 + inner.find(')')? + 1,
        None => at,
    };
    let rest = &text[at..];
    let trimmed = rest.trim_start();
    let spaced = trimmed.len() < rest.len();
    match trimmed.chars().next() {
        None => Some(text.len()),
        Some(':') => Some(text.len() - trimmed.len() + 1),
        Some(c)
            if spaced
                && (alone
                    || c.is_ascii_digit()
                    || matches!(c, '人' | '台' | '个' | '套' | '_')) =>
        {
            Some(text.len() - trimmed.len())
        }
        _ => None,
    }
}

/// A list's labels, ready to be found in a cell's text. Matched by hand, not by a regex: a
/// pattern of some hundred forms cost more to compile than the reading it served.
struct LabelPattern {
    /// Forms by their first character, longest first.
    by_first: HashMap<char, Vec<LabelForm>>,
}

/// A label's form: its characters without spaces, its key, and whether it is short and must
/// start a cell or follow a space.
type LabelForm = (Vec<char>, &'static str, bool);

impl LabelPattern {
    /// The first label in `text` at or after byte `from`: (start, end, key). At each place
    /// the longest form wins; spaces may stand between a form's characters ("填 报 人").
    fn find(&self, text: &str, from: usize) -> Option<(usize, usize, &'static str)> {
        let mut prev_space = text[..from]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        for (i, c) in text[from..].char_indices() {
            let at = from + i;
            if let Some(forms) = self.by_first.get(&c) {
                for (form, key, guard) in forms {
                    if *guard && !prev_space {
                        continue;
                    }
                    if let Some(end) = form_at(text, at, form) {
                        return Some((at, end, key));
                    }
                }
            }
            prev_space = c.is_whitespace();
        }
        None
    }
}

/// Where `form` ends if it is written at byte `at` of `text`, spaces allowed between its
/// characters.
fn form_at(text: &str, at: usize, form: &[char]) -> Option<usize> {
    let mut chars = text[at..].char_indices().peekable();
    for (k, want) in form.iter().enumerate() {
        if k > 0 {
            while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        }
        match chars.next() {
            Some((_, c)) if c == *want => {}
            _ => return None,
        }
    }
    Some(chars.peek().map_or(text.len(), |(i, _)| at + i))
}

fn compile_label_pattern(labels: &[HeaderLabel]) -> LabelPattern {
    let mut forms: Vec<(Vec<char>, &'static str)> = Vec::new();
    for l in labels {
        for form in std::iter::once(l.label).chain(l.aliases.iter().copied()) {
            let chars: Vec<char> = fold_width(form)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if !chars.is_empty() {
                forms.push((chars, l.key));
            }
        }
    }
    // Longest first; among equals, the first label listing a form keeps it.
    forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    let mut by_first: HashMap<char, Vec<LabelForm>> = HashMap::new();
    for (form, key) in forms {
        // Short labels (电话, 日期) only at the start of a cell or after a space, so that
        // 部门负责人电话 is not read as 电话.
        let guard = form.len() <= 2;
        by_first
            .entry(form[0])
            .or_default()
            .push((form, key, guard));
    }
    LabelPattern { by_first }
}

thread_local! {
    static LABEL_PATTERNS: std::cell::RefCell<HashMap<Vec<usize>, Rc<LabelPattern>>> =
        std::cell::RefCell::new(HashMap::new());
}

/// The compiled pattern for a label list, compiled once per thread (labels are `'static`
/// data: their strings' addresses identify the list).
fn label_pattern(labels: &[HeaderLabel]) -> Rc<LabelPattern> {
    let key: Vec<usize> = labels
        .iter()
        .flat_map(|l| {
            [
                l.label.as_ptr() as usize,
                l.label.len(),
                l.aliases.as_ptr() as usize,
            ]
        })
        .collect();
    LABEL_PATTERNS.with(|cache| {
        cache
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| Rc::new(compile_label_pattern(labels)))
            .clone()
    })
}

/// Read "label：value" pairs from the given rows (in ascending order), whether a label and
/// its value share one cell ("单位名称（盖章）：X    填表人：Y"), sit in neighbouring cells, or
/// stand in a grid of labels over a row of figures.
pub fn header_block(
    sheet: &Sheet,
    file: &Arc<str>,
    rows: impl IntoIterator<Item = u32>,
    labels: &[HeaderLabel],
) -> Vec<HeaderEntry> {
    let pat = label_pattern(labels);
    let mut out: Vec<HeaderEntry> = Vec::new();
    // Rows past the sheet's last hold nothing: a range to the end of a huge sheet is cut to
    // the rows that exist (the rows come in ascending order).
    let height = sheet.rows.len() as u32;
    let rows: Vec<u32> = rows.into_iter().take_while(|&r| r < height).collect();
    let in_block: HashSet<u32> = rows.iter().copied().collect();
    let is_label = |cell: &Cell| match cell {
        Cell::Text(t) => pat.find(&fold_width(t), 0).is_some(),
        _ => false,
    };
    for &r in &rows {
        // Cells past the end of the row are empty: the row's own length bounds every walk.
        let Some(cells) = sheet.rows.get(r as usize) else {
            continue;
        };
        let width = cells.len() as u32;
        // Labels found in this row: (col, key, inline value, its characters in the cell).
        let mut found: Vec<(u32, &'static str, String, (usize, usize))> = Vec::new();
        // Labels in brackets under their values, as a printed form captions a blank
        // ("凤溪县医保局" over "（填报单位盖章）"): (col, key).
        let mut captions: Vec<(u32, &'static str)> = Vec::new();
        for (c, cell) in cells.iter().enumerate() {
            let c = c as u32;
            let Cell::Text(s) = cell else {
                continue;
            };
            let folded = fold_width(s);
            if let Some(inner) = folded
                .trim()
                .strip_prefix('(')
                .and_then(|t| t.strip_suffix(')'))
            {
                let inner = inner.trim();
                if let Some((0, end, key)) = pat.find(inner, 0) {
                    if end == inner.len() {
                        captions.push((c, key));
                        continue;
                    }
                }
            }
            // Each label, with where its value starts. A match that is no label (版本 in
            // 版本号 …, a word that goes on) is passed over by one character only: a short
            // label's guard takes the space before it, which a longer label starting right
            // after that space must still be found from.
            let mut hits: Vec<(usize, usize, &'static str)> = Vec::new();
            let mut pos = 0;
            while let Some((start, label_end_at, key)) = pat.find(&folded, pos) {
                // A label standing alone (at the start or after a space) may be followed by
                // its value after a space, without a colon: "编号 WH01　名称 …".
                let alone = folded[..start]
                    .chars()
                    .next_back()
                    .is_none_or(|c| c.is_whitespace());
                match label_end(&folded, label_end_at, alone) {
                    Some(end) => {
                        hits.push((start, end, key));
                        pos = label_end_at;
                    }
                    None => {
                        pos = start + folded[start..].chars().next().map_or(1, char::len_utf8);
                    }
                }
            }
            for (j, (_, end, key)) in hits.iter().enumerate() {
                let next = hits.get(j + 1).map(|h| h.0).unwrap_or(folded.len());
                // A label the reader does not know ends the value all the same ("许可数量：6套
                // 适用版本：2019"): a short word and a colon after a space.
                let next = unknown_label_at(&folded[*end..next]).map_or(next, |at| end + at);
                // Kept as typed (a blank `____年11月__日` quoted in a message shows its
                // underscores); a value of only blanks is no value.
                let typed = folded[*end..next].trim_matches(|c| c == ':').trim();
                let value = if clean(typed).is_empty() { "" } else { typed }.to_string();
                // Where the value sits in the cell's text, in characters (folding keeps one
                // character for one), for a writer that fills it in place.
                let chars = |b: usize| folded[..b].chars().count();
                found.push((c, key, value, (chars(*end), chars(next))));
            }
        }
        let label_cols: HashSet<u32> = found.iter().map(|f| f.0).collect();
        // A grid: labels with nothing beside them and their figures in the row below
        // (总人数 | 使用计算机人数 | 服务器 over 21人 | 7人 | 1台). Known as one when a label
        // standing alone has a figure under it in the next row of the block; then every
        // label of the row standing alone takes the cell under it, filled or not.
        // The row of figures holds no label of its own: a row of labels with their values
        // beside them ("联系电话： | 填表日期： | 年 月 日") under labels is the next line of
        // the block, not figures.
        let below = (r + 1 < sheet.height() && in_block.contains(&(r + 1)))
            .then_some(r + 1)
            .filter(|b| {
                sheet
                    .rows
                    .get(*b as usize)
                    .is_none_or(|cells| !cells.iter().any(is_label))
            });
        let bare = |c: u32| {
            let after = sheet.merge_at(r, c).map_or(c + 1, |m| m.last_col + 1);
            (after..width)
                .take_while(|cc| !label_cols.contains(cc))
                .all(|cc| sheet.get(r, cc).is_blank())
        };
        let under = |c: u32| {
            below
                .map(|b| sheet.get(b, c))
                .filter(|cell| !is_label(cell))
        };
        let grid = below.is_some()
            && found.iter().enumerate().any(|(idx, (c, _, inline, _))| {
                inline.is_empty()
                    && found.get(idx + 1).is_none_or(|n| n.0 != *c)
                    && bare(*c)
                    && under(*c).is_some_and(|cell| !cell.is_blank())
            });
        // The other way round: a row of labels under the row of their values (46 | 9 | 1
        // over 在岗人数 | 用机人数 | 服务器), when no figures stand under them.
        let above_row = (r > 0 && in_block.contains(&(r - 1)))
            .then(|| r - 1)
            .filter(|a| {
                sheet
                    .rows
                    .get(*a as usize)
                    .is_none_or(|cells| !cells.iter().any(is_label))
            });
        let over = |c: u32| {
            let a = above_row?;
            let cell = sheet.get(a, c);
            let own = sheet
                .merge_at(r, c)
                .map_or(1, |m| m.last_col - m.first_col + 1);
            let wide = sheet
                .merge_at(a, c)
                .is_some_and(|m| m.first_col != c || m.last_col - m.first_col + 1 > own);
            (!wide).then_some((a, cell))
        };
        // A caption takes the cell over it, filled or not (a blank to fill in).
        for &(c, key) in &captions {
            if let Some((a, cell)) = over(c) {
                out.push(HeaderEntry {
                    key,
                    label_cell: CellRef::new(file, &sheet.name, r, c),
                    value: cell.clone(),
                    value_cell: CellRef::new(file, &sheet.name, a, c),
                    inline: None,
                });
            }
        }
        let grid_above = !grid
            && found.iter().enumerate().any(|(idx, (c, _, inline, _))| {
                inline.is_empty()
                    && found.get(idx + 1).is_none_or(|n| n.0 != *c)
                    && bare(*c)
                    && over(*c).is_some_and(|(_, cell)| !cell.is_blank())
            });
        for (idx, (c, key, inline, chars)) in found.iter().enumerate() {
            let label_cell = CellRef::new(file, &sheet.name, r, *c);
            let is_last_in_cell = found.get(idx + 1).is_none_or(|n| n.0 != *c);
            if !inline.is_empty() || !is_last_in_cell {
                out.push(HeaderEntry {
                    key,
                    label_cell: label_cell.clone(),
                    value: if inline.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(inline.clone())
                    },
                    value_cell: label_cell,
                    inline: Some(*chars),
                });
                continue;
            }
            if grid_above && bare(*c) {
                if let Some((a, cell)) = over(*c) {
                    out.push(HeaderEntry {
                        key,
                        label_cell,
                        value: cell.clone(),
                        value_cell: CellRef::new(file, &sheet.name, a, *c),
                        inline: None,
                    });
                }
                continue;
            }
            if grid && bare(*c) {
                if let (Some(b), Some(cell)) = (below, under(*c)) {
                    out.push(HeaderEntry {
                        key,
                        label_cell,
                        value: cell.clone(),
                        value_cell: CellRef::new(file, &sheet.name, b, *c),
                        inline: None,
                    });
                    continue;
                }
            }
            // The value sits in the next typed cell, up to the next label; a date typed over
            // several cells (2024 | 年 | 3 | 月 | 1 | 日) goes on over its pieces, while any
            // other text after the value is the next label's, known or not.
            let mut parts: Vec<(u32, &Cell)> = Vec::new();
            // Past the label's own merged cell: what it covers is the label's.
            let after = sheet.merge_at(r, *c).map_or(*c + 1, |m| m.last_col + 1);
            let mut cc = after;
            while cc < width && !label_cols.contains(&cc) {
                let cell = sheet.get(r, cc);
                if !cell.is_blank() {
                    let goes_on = match parts.first() {
                        None => true,
                        Some((_, first)) => date_piece(first) && date_piece(cell),
                    };
                    if !goes_on {
                        break;
                    }
                    parts.push((cc, cell));
                }
                cc += 1;
            }
            // Nothing after the label before the next one: the value is to be typed in the
            // label's own cell ("使用计算机人数：" beside "台式机：5台").
            if parts.is_empty() && label_cols.contains(&after) {
                let text = fold_width(&sheet.get(r, *c).display());
                let end = text.chars().count();
                out.push(HeaderEntry {
                    key,
                    label_cell: label_cell.clone(),
                    value: Cell::Empty,
                    value_cell: label_cell,
                    inline: Some((end, end)),
                });
                continue;
            }
            let (value, at) = match parts.as_slice() {
                [] => (Cell::Empty, after),
                // "总人数 | | 人": the figure is to be typed in the blank cell before its unit.
                [(col, Cell::Text(t))] if *col > after && is_unit(t) => (Cell::Empty, after),
                [(col, cell)] => ((*cell).clone(), *col),
                many => {
                    let joined: String = many.iter().map(|(_, cell)| cell.display()).collect();
                    (Cell::Text(joined), many[0].0)
                }
            };
            out.push(HeaderEntry {
                key,
                label_cell,
                value,
                value_cell: CellRef::new(file, &sheet.name, r, at),
                inline: None,
            });
        }
    }
    out
}

/// A signature or approval line ("信息化部门审核  审核人：张三  2024年3月1日").
#[derive(Debug, Clone, PartialEq)]
pub struct ApprovalCells {
    /// What is approved by whom ("信息化部门审核").
    pub role: String,
    /// The cell where the block starts.
    pub cell: CellRef,
    /// The person's name, if written.
    pub person: String,
    /// The cell holding the person (or the role cell).
    pub person_cell: CellRef,
    /// The date as typed (may be the blank "年 月 日").
    pub date: Cell,
}

/// Approval and signature lines in rows `from..=to`.
pub fn approvals(sheet: &Sheet, file: &Arc<str>, from: u32, to: u32) -> Vec<ApprovalCells> {
    static PERSON: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let person_re = PERSON.get_or_init(|| {
        Regex::new(r"(?:审核人|审批人|签名|签字|经办人)\s*[:：]?\s*([^\d_\s:：年月日][^\d_:：]*?)?\s*(\d{4}.*)?$")
            .expect("valid regex")
    });
    let mut out = Vec::new();
    let to = to.min(sheet.height().saturating_sub(1));
    for r in from..=to {
        let Some(row) = sheet.rows.get(r as usize) else {
            continue;
        };
        let cells: Vec<(u32, String)> = row
            .iter()
            .enumerate()
            .filter_map(|(c, cell)| match cell {
                Cell::Empty => None,
                cell => Some((c as u32, cell.display())),
            })
            .filter(|(_, s)| !s.trim().is_empty())
            .collect();
        let Some(sig_idx) = cells.iter().position(|(_, s)| {
            let n = norm(s);
            n.contains("审核人") || n.contains("审批人") || n.contains("签名") || n.contains("签字")
        }) else {
            continue;
        };
        let role = if sig_idx > 0 {
            norm(&cells[0].1)
        } else {
            let n = norm(&cells[sig_idx].1);
            n.split("审核人")
                .next()
                .unwrap_or_default()
                .split("审批人")
                .next()
                .unwrap_or_default()
                .to_string()
        };
        let (sig_col, sig_text) = &cells[sig_idx];
        // Everything after the signature label, in this cell and the next ones.
        let rest: Vec<&(u32, String)> = cells[sig_idx + 1..].iter().collect();
        let folded = fold_width(sig_text);
        let mut person = String::new();
        let mut person_col = *sig_col;
        let mut date_text = String::new();
        if let Some(cap) = person_re.captures(&folded) {
            person = cap
                .get(1)
                .map(|m| clean(m.as_str()).to_string())
                .unwrap_or_default();
            date_text = cap
                .get(2)
                .map(|m| m.as_str().to_string())
                .unwrap_or_default();
        }
        let mut date_cell = Cell::Empty;
        for (c, s) in rest {
            let cell = sheet.get(r, *c);
            let looks_date = matches!(cell, Cell::Date(_) | Cell::Number(_))
                || s.chars().next().is_some_and(|ch| ch.is_ascii_digit());
            if looks_date && date_text.is_empty() && matches!(date_cell, Cell::Empty) {
                date_cell = cell.clone();
            } else if person.is_empty() && !looks_date {
                let p = clean(s);
                if !p.chars().all(|ch| matches!(ch, '年' | '月' | '日' | ' ')) {
                    person = p.to_string();
                    person_col = *c;
                }
            }
        }
        if matches!(date_cell, Cell::Empty) && !date_text.is_empty() {
            date_cell = Cell::Text(date_text);
        }
        let person = person
            .trim_end_matches(|c: char| matches!(c, '年' | '月' | '日') || c.is_whitespace())
            .to_string();
        out.push(ApprovalCells {
            role,
            cell: CellRef::new(file, &sheet.name, r, cells[0].0),
            person,
            person_cell: CellRef::new(file, &sheet.name, r, person_col),
            date: date_cell,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{STANDARD_HEADER, SUMMARY_COLUMNS, USAGE_COLUMNS};
    use crate::workbook::Merge;

    fn sheet(rows: Vec<Vec<&str>>) -> Sheet {
        crate::workbook::text_sheet("S", &rows)
    }

    #[test]
    fn one_row_header_with_breaks_and_units() {
        let s = sheet(vec![vec![
            "序号",
            "软件\n编号",
            "软件名称",
            "软件版本",
            "软件类型",
            "采购时间",
            "采购金额\n（单位:元）",
            "许可类型",
            "许可数量",
            "可使用版本",
            "许可期限",
            "序列号",
            "安装数量",
        ]]);
        let m = match_header_row(&s, 0, 1, SUMMARY_COLUMNS).unwrap();
        assert_eq!(m.columns.len(), 13);
        assert!(m.missing.is_empty());
        assert_eq!(m.col(SUMMARY_COLUMNS, "amount"), Some(6));
        assert_eq!(m.last_row, 0);
    }

    #[test]
    fn two_row_header_with_merged_group() {
        let mut s = sheet(vec![
            vec![
                "序号",
                "部门",
                "姓名",
                "计算机编号",
                "计算机品牌",
                "软件编号",
                "软件名称",
                "软件版本",
                "许可期限",
                "软件类型",
                "",
                "",
                "安装日期",
            ],
            vec![
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "商业软件",
                "OEM软件",
                "免费软件",
                "",
            ],
            vec![
                "1",
                "办公室",
                "张三",
                "PC-01",
                "联想",
                "RJ001",
                "Windows 10",
                "专业版",
                "",
                "",
                "☑",
                "",
                "2021-03-01",
            ],
        ]);
        s.merges = vec![
            Merge {
                first_row: 0,
                first_col: 9,
                last_row: 0,
                last_col: 11,
            },
            Merge {
                first_row: 0,
                first_col: 0,
                last_row: 1,
                last_col: 0,
            },
        ];
        let m = match_header_row(&s, 0, 3, USAGE_COLUMNS).unwrap();
        assert_eq!(m.last_row, 1);
        assert_eq!(m.col(USAGE_COLUMNS, "kind_oem"), Some(10));
        assert!(m.missing.is_empty(), "{:?}", m.missing);
        assert!(m.unknown.is_empty(), "{:?}", m.unknown);
        let rows = crate::workbook::rows::data_rows(&s, &m, USAGE_COLUMNS, 2);
        assert_eq!(rows.rows, vec![2]);
    }

    #[test]
    fn two_row_header_without_merge_information() {
        let s = sheet(vec![
            vec![
                "序号",
                "部门",
                "姓名",
                "计算机编号",
                "计算机品牌",
                "软件编号",
                "软件名称",
                "软件版本",
                "许可期限",
                "软件类型",
                "",
                "",
                "安装日期",
            ],
            vec![
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "商业软件",
                "OEM软件",
                "免费软件",
                "",
            ],
        ]);
        let m = match_header_row(&s, 0, 2, USAGE_COLUMNS).unwrap();
        assert_eq!(m.col(USAGE_COLUMNS, "kind_commercial"), Some(9));
        assert_eq!(m.col(USAGE_COLUMNS, "kind_free"), Some(11));
    }

    #[test]
    fn type_typed_into_one_column_instead_of_boxes() {
        let s = sheet(vec![
            vec![
                "序号",
                "部门",
                "姓名",
                "计算机编号",
                "计算机品牌",
                "软件编号",
                "软件名称",
                "软件版本",
                "许可期限",
                "软件类型",
                "安装日期",
            ],
            vec![
                "1",
                "办公室",
                "张三",
                "PC-01",
                "联想",
                "RJ001",
                "WPS",
                "2019",
                "永久",
                "商业软件",
                "2023.8.15",
            ],
        ]);
        let m = match_header_row(&s, 0, 2, USAGE_COLUMNS).unwrap();
        assert_eq!(m.last_row, 0, "the first data row is not a sub-header");
        assert_eq!(m.col(USAGE_COLUMNS, "kind"), Some(9));
        assert_eq!(m.col(USAGE_COLUMNS, "kind_commercial"), None);
        assert_eq!(
            crate::workbook::rows::data_rows(&s, &m, USAGE_COLUMNS, 1).rows,
            vec![1]
        );
    }

    #[test]
    fn header_block_inline_and_in_cells() {
        let file: Arc<str> = Arc::from("f.xlsx");
        let s = sheet(vec![
            vec!["单位名称（盖章）：丰都县双龙镇人民政府    填表人：李明   联系电话：023-70612345   填表日期：2024年11月20日"],
            vec!["人员情况", "总人数", "45", "使用计算机人数", "40"],
            vec!["计算机情况", "服务器数", "2", "台式机数", "34", "便携式数", "6"],
            vec!["单位名称：", "某局", "填表人：", "", "填表日期：", "2024", "年", "3", "月", "1", "日"],
        ]);
        let e = header_block(&s, &file, 0..3, STANDARD_HEADER);
        let get = |k: &str| {
            e.iter()
                .find(|h| h.key == k)
                .map(|h| h.value.display())
                .unwrap()
        };
        assert_eq!(get("unit"), "丰都县双龙镇人民政府");
        assert_eq!(get("filler"), "李明");
        assert_eq!(get("phone"), "023-70612345");
        assert_eq!(get("filled_on"), "2024年11月20日");
        assert_eq!(get("people_total"), "45");
        assert_eq!(get("people_using"), "40");
        assert_eq!(get("laptops"), "6");
        let e = header_block(&s, &file, 3..4, STANDARD_HEADER);
        let get = |k: &str| {
            e.iter()
                .find(|h| h.key == k)
                .map(|h| h.value.display())
                .unwrap()
        };
        assert_eq!(get("unit"), "某局");
        assert_eq!(get("filler"), "");
        assert_eq!(get("filled_on"), "2024年3月1日");
    }

    /// (key, value as shown, value cell A1) of every entry read from `rows`.
    fn entries(s: &Sheet, rows: std::ops::Range<u32>) -> Vec<(&'static str, String, String)> {
        let file: Arc<str> = Arc::from("f.xlsx");
        header_block(s, &file, rows, STANDARD_HEADER)
            .into_iter()
            .map(|e| (e.key, e.value.display(), e.value_cell.a1()))
            .collect()
    }

    #[test]
    fn figures_in_a_grid_stand_under_their_labels() {
        let s = sheet(vec![
            vec![
                "基本情况",
                "干部职工总数",
                "",
                "使用计算机人数",
                "",
                "服务器",
            ],
            vec!["", "21人", "", "", "", "1台"],
        ]);
        let e = entries(&s, 0..2);
        assert!(e.contains(&("people_total", "21人".into(), "B2".into())));
        // Blank in the grid: its figure is to be typed under its label, not beside it.
        assert!(e.contains(&("people_using", "".into(), "D2".into())));
        assert!(e.contains(&("servers", "1台".into(), "F2".into())));
        // A row of labels under labels is the block's next line, not figures.
        let s = sheet(vec![
            vec!["单位名称：", "", "", "填表人："],
            vec!["联系电话：", "", "填表日期：", "年 月 日"],
        ]);
        let e = entries(&s, 0..2);
        assert!(e.contains(&("filler", "".into(), "E1".into())), "{e:?}");
        assert!(e.contains(&("filled_on", "年 月 日".into(), "D2".into())));
    }

    #[test]
    fn a_unit_in_its_own_cell_is_no_figure() {
        let s = sheet(vec![vec!["总人数", "38", "人", "使用计算机人数", "", "人"]]);
        let e = entries(&s, 0..1);
        assert!(e.contains(&("people_total", "38".into(), "B1".into())));
        assert!(
            e.contains(&("people_using", "".into(), "E1".into())),
            "{e:?}"
        );
    }

    #[test]
    fn approval_lines() {
        let file: Arc<str> = Arc::from("f.xlsx");
        let s = sheet(vec![
            vec!["信息化部门\n审核", "审核人：王强  2024年3月2日"],
            vec!["资产部门\n审核", "审核人：            年    月    日"],
        ]);
        let a = approvals(&s, &file, 0, 1);
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].role, "信息化部门审核");
        assert_eq!(a[0].person, "王强");
        assert_eq!(a[0].date.display(), "2024年3月2日");
        assert_eq!(a[1].person, "");
    }

    #[test]
    fn headers_no_list_spells_are_known_by_their_words() {
        use crate::schema::SUMMARY_COLUMNS;
        let s = sheet(vec![
            vec![
                "序号",
                "软件标识",
                "软件品名",
                "版次",
                "授权终端数",
                "授权截止时间",
                "安装台次",
            ],
            vec!["1", "YB-01", "WPS", "专业版", "10", "2027-09-30", "8"],
        ]);
        let m = match_header_row(&s, 0, 1, SUMMARY_COLUMNS).unwrap();
        let key = |c: u32| {
            m.columns
                .iter()
                .find(|(mc, _)| *mc == c)
                .map(|(_, i)| SUMMARY_COLUMNS[*i].key)
        };
        assert_eq!(
            (1..7).map(key).collect::<Vec<_>>(),
            [
                "id",
                "name",
                "version",
                "license_count",
                "term",
                "installed"
            ]
            .map(Some)
        );
        assert_eq!(m.source(4), MappingSource::Wording);
        assert_eq!(m.source(0), MappingSource::BuiltIn);
    }

    #[test]
    fn a_term_in_two_columns_under_a_third_header_row() {
        use crate::schema::SUMMARY_COLUMNS;
        let mut s = sheet(vec![
            vec![
                "序号",
                "软件编号",
                "软件名称",
                "软件类型",
                "许可数量",
                "许可期限",
                "",
                "安装数量",
            ],
            vec!["", "", "", "", "", "起始日期", "截止日期", ""],
            vec![
                "1",
                "H01",
                "WPS",
                "商业软件",
                "10",
                "2022-06-15",
                "永久",
                "8",
            ],
        ]);
        s.merges = [0, 1, 2, 3, 4, 7]
            .into_iter()
            .map(|c| Merge {
                first_row: 0,
                first_col: c,
                last_row: 1,
                last_col: c,
            })
            .chain(std::iter::once(Merge {
                first_row: 0,
                first_col: 5,
                last_row: 0,
                last_col: 6,
            }))
            .collect();
        let m = match_header_row(&s, 0, 3, SUMMARY_COLUMNS).unwrap();
        assert_eq!(m.last_row, 1);
        assert_eq!(m.col(SUMMARY_COLUMNS, "term"), Some(5));
        assert_eq!(m.col(SUMMARY_COLUMNS, "term_end"), Some(6));
        let rows = crate::workbook::rows::data_rows(&s, &m, SUMMARY_COLUMNS, 2);
        assert_eq!(rows.rows, vec![2]);
    }

    #[test]
    fn values_over_their_labels() {
        let s = sheet(vec![
            vec!["凤溪县医保局", "刘晓燕", "", "0859-3216620"],
            vec!["（填报单位盖章）", "（制表）", "（审核）", "（联系电话）"],
            vec!["46", "9"],
            vec!["在岗人数（人）", "用机人数（人）"],
        ]);
        let e = entries(&s, 0..4);
        assert!(
            e.contains(&("unit", "凤溪县医保局".into(), "A1".into())),
            "{e:?}"
        );
        assert!(e.contains(&("filler", "刘晓燕".into(), "B1".into())));
        assert!(e.contains(&("phone", "0859-3216620".into(), "D1".into())));
        assert!(e.contains(&("people_total", "46".into(), "A3".into())));
        assert!(e.contains(&("people_using", "9".into(), "B3".into())));
    }
}
