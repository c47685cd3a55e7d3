//! Finding the official tables in a workbook by their titles and header text — never by
//! sheet name, sheet order or fixed positions, because every office arranges them its own way.

use crate::schema::{ColumnSpec, TableKind};

use super::hints::{ColumnHint, LayoutHints, TableHint};
use super::infer::{infer_columns, Shapes};
use super::layout::{
    apply_hints, header_block, is_header_block_row, match_header_row_in, HeaderForms, MappingSource,
};
use super::{Cell, Sheet};
use crate::base::text::{fold_char, norm, norm_into};

/// A table found in a sheet: its kind and the rows it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// Which official table.
    pub kind: TableKind,
    /// Index of the sheet in the workbook.
    pub sheet: usize,
    /// The title cell (row, col), when the table has a title.
    pub title: Option<(u32, u32)>,
    /// The title text as typed (holds the year of a statistics table).
    pub title_text: String,
    /// First row of the table (the title row, or the header row without a title).
    pub first_row: u32,
    /// Last row that belongs to the table (inclusive).
    pub last_row: u32,
    /// What told the table's kind.
    pub evidence: Evidence,
    /// The column header's row where the user gave it (zhengban.toml), 0-based.
    pub header_row: Option<u32>,
    /// Column headers the user named for this table.
    pub columns: Vec<ColumnHint>,
}

/// What told a table's kind: its title, its column header, or the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "by")]
pub enum Evidence {
    /// The published title (or a common short form of it).
    PublishedTitle,
    /// The office's own title, by a word in it, and the column header agreeing.
    OwnTitle {
        /// The word of the title that named the kind.
        word: &'static str,
    },
    /// The column header alone (the table has no title, or its title named another kind).
    Header,
    /// The configuration file (`[[table]]`).
    Config,
}

/// Titles may carry a prefix (附件7, 表5) and a suffix (（2024年度）) but are short; longer
/// text mentioning a title is prose ("填写《软件使用情况汇总表》").
const TITLE_SLACK_CHARS: usize = 16;

/// Every published title and alias, normalised once.
struct Titles {
    /// (normalised form, its length in characters, kind).
    forms: Vec<(String, usize, TableKind)>,
    /// The longest form, in characters: longer text cannot be a title.
    max_chars: usize,
    /// The shortest form, in bytes: normalising never lengthens text, so shorter text cannot
    /// hold a title.
    min_bytes: usize,
    /// Characters every form contains and normalising leaves alone: text lacking any of
    /// them cannot hold a title (today: 软, 件).
    common: Vec<char>,
}

static TITLES: std::sync::LazyLock<Titles> = std::sync::LazyLock::new(|| {
    let forms: Vec<(String, usize, TableKind)> = TableKind::RECOGNISED
        .iter()
        .flat_map(|&kind| {
            std::iter::once(kind.title())
                .chain(kind.title_aliases().iter().copied())
                .map(move |t| {
                    let n = norm(t);
                    let chars = n.chars().count();
                    (n, chars, kind)
                })
        })
        .collect();
    let max_chars = forms.iter().map(|f| f.1).max().unwrap_or(0);
    let min_bytes = forms.iter().map(|f| f.0.len()).min().unwrap_or(0);
    let common = forms
        .first()
        .map(|f| f.0.chars().collect::<Vec<char>>())
        .unwrap_or_default()
        .into_iter()
        .filter(|&c| {
            !c.is_whitespace()
                && fold_char(c) == c
                && !c.is_ascii()
                && forms.iter().all(|f| f.0.contains(c))
        })
        .collect();
    Titles {
        forms,
        max_chars,
        min_bytes,
        common,
    }
});

/// The table kind whose title the text is, if it is one.
pub fn title_kind(text: &str) -> Option<TableKind> {
    title_kind_in(text, &mut String::new())
}

/// [`title_kind`] normalising into `buf` (reused across the cells of a sheet).
fn title_kind_in(text: &str, buf: &mut String) -> Option<TableKind> {
    let titles = &*TITLES;
    if text.len() < titles.min_bytes || !titles.common.iter().all(|&c| text.contains(c)) {
        return None;
    }
    norm_into(text, buf);
    let n = buf.as_str();
    if n.is_empty() || n.contains('《') || n.contains('》') || n.contains("填写") {
        return None;
    }
    let n_chars = n.chars().count();
    if n_chars > titles.max_chars + TITLE_SLACK_CHARS {
        return None;
    }
    let mut best: Option<(&str, TableKind)> = None;
    let mut other: Option<(&str, TableKind)> = None;
    for (t, t_chars, kind) in &titles.forms {
        if n_chars > t_chars + TITLE_SLACK_CHARS || !n.contains(t.as_str()) {
            continue;
        }
        match best {
            Some((b, k)) if k != *kind => {
                if t.len() > b.len() {
                    other = best;
                    best = Some((t.as_str(), *kind));
                } else {
                    other = other.or(Some((t.as_str(), *kind)));
                }
            }
            Some((b, _)) if t.len() <= b.len() => {}
            _ => best = Some((t.as_str(), *kind)),
        }
    }
    // Text naming two tables ("（软件使用情况汇总表　可使用免费软件清单）" on a cover) lists
    // what a file holds: it is the title of neither. One title inside the other is one table.
    if let (Some((b, _)), Some((o, _))) = (best, other) {
        if !b.contains(o) {
            return None;
        }
    }
    best.map(|(_, k)| k)
}

/// Words of an office's own title that say which table it is, most specific first: "（三）软件
/// 安装卸载记录" is a maintenance log although it also says 软件. A title naming a list table
/// this way counts only where a column header of that kind follows (see [`locate`]).
const OWN_TITLE_WORDS: &[(&str, TableKind)] = &[
    ("安装维护申请", TableKind::MaintenanceRequest),
    ("维护申请", TableKind::MaintenanceRequest),
    ("安装维护确认", TableKind::MaintenanceConfirm),
    ("维护确认", TableKind::MaintenanceConfirm),
    ("安装维护", TableKind::Maintenance),
    ("安装卸载", TableKind::Maintenance),
    ("安装与卸载", TableKind::Maintenance),
    ("安装、卸载", TableKind::Maintenance),
    ("维护记录", TableKind::Maintenance),
    ("维护情况", TableKind::Maintenance),
    ("维护登记", TableKind::Maintenance),
    ("维护明细", TableKind::Maintenance),
    ("卸载记录", TableKind::Maintenance),
    ("安装记录", TableKind::Maintenance),
    ("变更记录", TableKind::Maintenance),
    ("维护档案", TableKind::Maintenance),
    ("免费软件", TableKind::FreeList),
    ("统计表", TableKind::Statistics),
    ("信息统计", TableKind::Statistics),
    ("采购计划", TableKind::PurchasePlan),
    ("需求申请", TableKind::Demand),
    ("使用需求", TableKind::Demand),
    ("领导小组", TableKind::LeadingGroup),
    ("承诺书", TableKind::Pledge),
    ("软件分类", TableKind::Classification),
    ("汇总", TableKind::Summary),
    ("总台账", TableKind::Summary),
    ("总账", TableKind::Summary),
    ("软件清单", TableKind::Summary),
    ("软件目录", TableKind::Summary),
    ("许可登记", TableKind::Summary),
    ("明细", TableKind::Usage),
    ("使用登记", TableKind::Usage),
    ("使用情况登记", TableKind::Usage),
    ("安装使用", TableKind::Usage),
    ("使用台账", TableKind::Usage),
    ("使用情况表", TableKind::Usage),
];

/// Nouns a title of a ledger ends in, one of which an own title must hold.
const LEDGER_NOUNS: [&str; 15] = [
    "表", "台账", "清单", "目录", "记录", "登记", "明细", "汇总", "名录", "名单", "台帐", "书",
    "总账", "计划", "档案",
];

/// A cheap first test of [`own_title_kind`] on the text as typed: a title holds a ledger
/// noun (表, 台账, 清单, 记录, 登记, 明细 …) and a word about software or computers. Most
/// cells of a sheet fail it on their characters, without being normalised.
fn may_be_own_title(text: &str) -> bool {
    text.len() <= 120
        && text.contains([
            '表', '账', '帐', '单', '录', '记', '细', '汇', '书', '划', '档',
        ])
        && text.contains(['软', '计', '脑', '正', '账', '帐'])
}

/// The kind an office's own title names, by a word in it, when the text reads as a title:
/// short, no sentence, about software or computers, ending in a ledger noun.
pub fn own_title_kind(text: &str) -> Option<(TableKind, &'static str)> {
    if text.len() > 120 {
        return None;
    }
    let n = norm(text);
    // "表一：软件汇总表": a short number before a colon is part of the title; a longer text
    // before it is a label with its value.
    let n = match n.split_once(':') {
        Some((lead, rest)) if lead.chars().count() <= 4 => rest.to_string(),
        Some(_) => return None,
        None => n,
    };
    let chars = n.chars().count();
    if !(4..=40).contains(&chars)
        || n.contains(['，', ',', '。', '；', ';', '《', '》'])
        || n.starts_with('请')
        // "二、软件安装卸载明细": a part of a table, not a table; "一、软件汇总表" numbers a
        // table of several on one sheet.
        || (n.chars().nth(1) == Some('、')
            && !["表", "台账", "台帐", "清单", "目录", "名录", "记录"]
                .iter()
                .any(|w| n.ends_with(w)))
        || n.contains("填写")
    {
        return None;
    }
    if !["软件", "计算机", "电脑", "正版", "台账", "台帐"]
        .iter()
        .any(|w| n.contains(w))
        || !LEDGER_NOUNS.iter().any(|w| n.contains(w))
    {
        return None;
    }
    OWN_TITLE_WORDS
        .iter()
        .find(|(w, _)| n.contains(w))
        .map(|(w, k)| (*k, *w))
}

/// A title candidate: a cell that names a table.
struct Title {
    row: u32,
    col: u32,
    kind: TableKind,
    text: String,
    evidence: Evidence,
}

/// Whether a row can hold a title: titles stand alone on their row (at most a caption or a
/// table number beside them).
fn title_row(row: &[Cell]) -> bool {
    row.iter().filter(|c| !c.is_blank()).take(3).count() <= 2
}

/// Every table in the sheet at `index`, in reading order.
///
/// A published title names its table. An office's own title names one by a word in it
/// ([`own_title_kind`]) where a column header follows within its rows; the header's kind
/// decides when it is another list table's (a 明细 title over a summary's columns is a
/// summary). A sheet with no title holds a table at each column header that is distinctive
/// enough ([`UNTITLED_KINDS`]), one after the other.
pub fn locate(sheet: &Sheet, index: usize) -> Vec<Located> {
    locate_with(sheet, index, "", &LayoutHints::default(), &|_, _| None)
}

/// [`locate`] following what the user said (zhengban.toml): a sheet placed by hand holds the
/// tables named there and nothing else; elsewhere the column headers the user named count as
/// the built-in spellings do.
pub fn locate_with(
    sheet: &Sheet,
    index: usize,
    file: &str,
    hints: &LayoutHints,
    fits: Shapes,
) -> Vec<Located> {
    let placed = hints.tables_in(file, &sheet.name);
    if !placed.is_empty() {
        return by_hand(sheet, index, &placed, hints);
    }
    let ctx = Ctx { hints, fits };
    let mut found = locate_in(sheet, index, &ctx);
    for loc in &mut found {
        loc.columns = hints.columns_for(loc.kind);
    }
    found
}

/// The tables of a sheet the user placed: each from its header row (or the sheet's top) to
/// the next one's, with the title found above its header if there is one.
fn by_hand(
    sheet: &Sheet,
    index: usize,
    placed: &[&TableHint],
    hints: &LayoutHints,
) -> Vec<Located> {
    let last = sheet.height().saturating_sub(1);
    let mut out: Vec<Located> = Vec::new();
    for (i, t) in placed.iter().enumerate() {
        let first = match (i, out.last()) {
            (0, _) | (_, None) => 0,
            (_, Some(prev)) => prev.header_row.map_or(prev.first_row, |h| h + 1),
        };
        let end = placed
            .get(i + 1)
            .and_then(|n| n.header_row)
            .map(|h| h.saturating_sub(1))
            .unwrap_or(last)
            .max(first);
        let top = t.header_row.unwrap_or(end.min(first + 40));
        // The title above the header: a cell naming a table, else the first text standing
        // alone on its row.
        let mut buf = String::new();
        let cells_above = || {
            (first..top.max(first)).filter_map(|r| {
                let row = sheet.rows.get(r as usize)?;
                let (c, cell) = row.iter().enumerate().find(|(_, c)| !c.is_blank())?;
                Some((r, c as u32, cell, title_row(row)))
            })
        };
        let title = cells_above()
            .find_map(|(r, c, cell, _)| match cell {
                Cell::Text(s)
                    if title_kind_in(s, &mut buf).is_some() || own_title_kind(s).is_some() =>
                {
                    Some((r, c, s.clone()))
                }
                _ => None,
            })
            .or_else(|| {
                cells_above().find_map(|(r, c, cell, alone)| match cell {
                    Cell::Text(s) if alone && !s.contains([':', '：']) => Some((r, c, s.clone())),
                    _ => None,
                })
            });
        let mut columns = hints.columns_for(t.kind);
        columns.extend(t.columns.iter().cloned());
        out.push(Located {
            kind: t.kind,
            sheet: index,
            title: title.as_ref().map(|(r, c, _)| (*r, *c)),
            title_text: title.map(|(_, _, s)| s).unwrap_or_default(),
            first_row: first,
            last_row: end,
            evidence: Evidence::Config,
            header_row: t.header_row,
            columns,
        });
    }
    out
}

/// [`locate_with`] for a sheet the user did not place.
fn locate_in(sheet: &Sheet, index: usize, ctx: &Ctx) -> Vec<Located> {
    let mut titles: Vec<Title> = Vec::new();
    let mut buf = String::new();
    for (r, row) in sheet.rows.iter().enumerate() {
        // Whether the row holds a title alone, counted only for a cell that may be one.
        let mut alone: Option<bool> = None;
        for (c, cell) in row.iter().enumerate() {
            let Cell::Text(s) = cell else { continue };
            let found = title_kind_in(s, &mut buf)
                .map(|k| (k, Evidence::PublishedTitle))
                .or_else(|| {
                    if !*alone.get_or_insert_with(|| title_row(row)) || !may_be_own_title(s) {
                        return None;
                    }
                    own_title_kind(s).map(|(k, word)| (k, Evidence::OwnTitle { word }))
                });
            if let Some((kind, evidence)) = found {
                // A title is the first such cell of its row; a second hit in the same row
                // is a caption repeating it.
                if titles.last().is_none_or(|t| t.row != r as u32) {
                    titles.push(Title {
                        row: r as u32,
                        col: c as u32,
                        kind,
                        text: s.clone(),
                        evidence,
                    });
                }
            }
        }
    }
    let last_row = sheet.height().saturating_sub(1);
    let mut out: Vec<Located> = Vec::new();
    for (i, t) in titles.iter().enumerate() {
        let end = titles
            .get(i + 1)
            .map(|next| next.row.saturating_sub(1))
            .unwrap_or(last_row)
            .max(t.row);
        let mut loc = Located {
            kind: t.kind,
            sheet: index,
            title: Some((t.row, t.col)),
            title_text: t.text.clone(),
            first_row: t.row,
            last_row: end,
            evidence: t.evidence,
            header_row: None,
            columns: Vec::new(),
        };
        if matches!(t.evidence, Evidence::OwnTitle { .. }) {
            match header_kind(sheet, t.row, end.min(t.row + 40), t.kind, ctx) {
                // The columns under the title tell its kind where they are a list's.
                Some(kind) => {
                    if kind != t.kind {
                        loc.evidence = Evidence::Header;
                    }
                    loc.kind = kind;
                }
                // A form or the statistics table has no column header to agree.
                None if t.kind.columns().is_empty() => {}
                // Words of a title with no table under it (a cover page, a caption): its rows
                // belong to the table before it, if any.
                None => {
                    if let Some(prev) = out.last_mut() {
                        prev.last_row = end;
                    }
                    continue;
                }
            }
        }
        out.push(loc);
    }
    if out.is_empty() {
        return untitled(sheet, index, ctx, sheet.height());
    }
    // A table above the first title whose own title the reader does not know (a summary, and a
    // titled free list under it): found by its header, ending where the title begins.
    let first = out[0].first_row;
    if first >= 2 {
        let mut above = untitled(sheet, index, ctx, first);
        if !above.is_empty() {
            above.append(&mut out);
            return above;
        }
    }
    // Otherwise the rows above the first title are its: a notice, the sheet's own caption,
    // and a header block printed once for the tables below.
    out[0].first_row = 0;
    out
}

/// List tables whose header row is distinctive enough to be recognised without a title
/// (clerks sometimes delete the title row), or to overrule an own title's word.
const UNTITLED_KINDS: [TableKind; 5] = [
    TableKind::Usage,
    TableKind::Maintenance,
    TableKind::Summary,
    TableKind::FreeList,
    TableKind::Classification,
];

/// What locating a sheet's tables goes by: what the user said, and how values are judged.
struct Ctx<'a> {
    hints: &'a LayoutHints,
    fits: Shapes<'a>,
}

/// The columns that tell a list table from the others: a header holding them is that
/// table's, whatever other columns it shares with another (软件来源 is a free list's column,
/// but a header with 计算机编号 and 安装日期 is a usage ledger's).
fn distinctive(kind: TableKind) -> &'static [&'static str] {
    match kind {
        TableKind::Usage => &["computer", "user", "installed_on", "department"],
        TableKind::Summary => &[
            "installed",
            "license_count",
            "purchased_on",
            "amount",
            "serial",
            "license_type",
            "usable_versions",
        ],
        TableKind::Maintenance => &["install", "uninstall", "action", "date", "count"],
        TableKind::FreeList => &[
            "source",
            "vendor",
            "vendor_contact",
            "reason",
            "departments",
        ],
        // Only when its title names it: a plan's 单价 | 数量 | 金额 are no summary's licences.
        TableKind::PurchasePlan => &["unit_price", "count", "total"],
        // The tool's own 软件分类 sheet, or a unit's like it: 国内/国外 is no other table's.
        TableKind::Classification => &["origin"],
        _ => &[],
    }
}

/// Rows under a header looked at to place its unknown columns by their values.
const PEEK: u32 = 25;

/// A list header's kinds and their forms, prepared once for a sheet's rows.
struct Kinds<'a> {
    kinds: Vec<(TableKind, HeaderForms, Vec<ColumnHint>)>,
    fits: Shapes<'a>,
}

impl<'a> Kinds<'a> {
    /// `prefer` first (wins a tie), then the kinds recognised without a title.
    fn new(prefer: Option<TableKind>, ctx: &Ctx<'a>) -> Kinds<'a> {
        let kinds = prefer
            .into_iter()
            .filter(|k| !k.columns().is_empty())
            .chain(UNTITLED_KINDS.into_iter().filter(|k| Some(*k) != prefer))
            .map(|k| (k, HeaderForms::of(k.columns()), ctx.hints.columns_for(k)))
            .collect();
        Kinds {
            kinds,
            fits: ctx.fits,
        }
    }

    /// The header starting at `row` (its sub-header at most at `limit`): (score, kind). A
    /// header counts when it has at least four columns and every required one — some
    /// placed by the values under them. Its score weighs the columns that tell its kind;
    /// a header whose columns tell another kind better is no header of this kind, and one
    /// told as two kinds alike is no header at all (the reader says it cannot place it).
    fn at(&self, sheet: &Sheet, width: u32, row: u32, limit: u32) -> Option<(usize, TableKind)> {
        let mut scored: Vec<(usize, usize, TableKind, bool)> = Vec::new();
        let mut block: Option<bool> = None;
        for (kind, forms, hints) in &self.kinds {
            let specs: &[ColumnSpec] = kind.columns();
            let found = match_header_row_in(sheet, width, row, limit, specs, forms);
            let found = if hints.is_empty() {
                found
            } else {
                apply_hints(sheet, found, Some(row), specs, hints)
            };
            let Some(mut m) = found else {
                continue;
            };
            // Labels with their values are a header block, not a column header.
            if *block.get_or_insert_with(|| is_header_block_row(sheet, row)) {
                return None;
            }
            if !m.missing.is_empty() && m.columns.len() >= 3 && !m.unknown.is_empty() {
                let rows: Vec<u32> = (m.last_row + 1..sheet.height().min(m.last_row + 1 + PEEK))
                    .filter(|&r| !sheet.row_is_blank(r))
                    .collect();
                infer_columns(sheet, &mut m, specs, &rows, self.fits);
            }
            // What the header says tells the kind; a column placed by its values only
            // completes it (a column of dates is an install date or a log's date alike).
            let told = m
                .columns
                .iter()
                .filter(|(c, i)| {
                    distinctive(*kind).contains(&specs[*i].key)
                        && !m
                            .mapped
                            .iter()
                            .any(|(mc, src)| mc == c && *src == MappingSource::Inferred)
                })
                .count();
            // A table without software numbers names its software (seed 003's ledger): the
            // name stands for the number.
            let named = m.columns.iter().any(|(_, i)| specs[*i].key == "name");
            // A usage table kept per computer states the computer's particulars once, above
            // its header (a card's head) or over each computer's rows (a caption): what they
            // state is no missing column.
            let stated = if matches!(*kind, TableKind::Usage | TableKind::Maintenance)
                && m.columns.len() >= 4
            {
                stated_particulars(sheet, m.first_row, m.last_row)
            } else {
                Vec::new()
            };
            let complete = m.missing.iter().all(|i| {
                (named && specs[*i].key == "id") || stated.contains(&specs[*i].key)
            }) && m.columns.len() >= 4
                // A header tells its kind by at least one column only that kind has.
                && (told > 0 || distinctive(*kind).is_empty());
            scored.push((m.columns.len() + 2 * told, told, *kind, complete));
        }
        // The first of equal scores: the preferred kind is listed first.
        let best = scored.iter().filter(|s| s.3).fold(
            None,
            |best: Option<(usize, usize, TableKind, bool)>, s| match best {
                Some(b) if b.0 >= s.0 => Some(b),
                _ => Some(*s),
            },
        )?;
        // Another kind's columns tell more: the header is not this kind's.
        if scored.iter().any(|s| s.2 != best.2 && s.1 >= best.1 + 2) {
            return None;
        }
        Some((best.0, best.2))
    }
}

/// The computer's particulars (computer, brand, user, department) stated with labels in
/// the rows just above a header or in the first row under it: a card's head or the first
/// caption of a usage table kept per computer. Only when the computer is among them.
fn stated_particulars(sheet: &Sheet, first: u32, last: u32) -> Vec<&'static str> {
    static NO_FILE: std::sync::LazyLock<std::sync::Arc<str>> =
        std::sync::LazyLock::new(|| std::sync::Arc::from(""));
    let below = (last + 1..sheet.height().min(last + 4)).find(|&r| !sheet.row_is_blank(r));
    let rows = (first.saturating_sub(3)..first).chain(below);
    let keys: Vec<&'static str> =
        header_block(sheet, &NO_FILE, rows, crate::schema::COMPUTER_LABELS)
            .into_iter()
            .filter(|e| !e.value.is_blank())
            .map(|e| e.key)
            .collect();
    if keys.contains(&"computer") {
        keys
    } else {
        Vec::new()
    }
}

/// The best list header among rows `from..=to`: (score, row, kind); `prefer` wins a tie.
fn best_header(
    sheet: &Sheet,
    from: u32,
    to: u32,
    prefer: Option<TableKind>,
    ctx: &Ctx,
) -> Option<(usize, u32, TableKind)> {
    let width = sheet.width();
    let to = to.min(sheet.height().saturating_sub(1));
    let kinds = Kinds::new(prefer, ctx);
    let mut best: Option<(usize, u32, TableKind)> = None;
    for row in from..=to {
        if sheet.row_is_blank(row) {
            continue;
        }
        if let Some((score, kind)) = kinds.at(sheet, width, row, to + 1) {
            if best.is_none_or(|(s, _, _)| score > s) {
                best = Some((score, row, kind));
            }
        }
    }
    best
}

/// The kind of list table whose column header follows an own title, if one does.
fn header_kind(
    sheet: &Sheet,
    from: u32,
    to: u32,
    title: TableKind,
    ctx: &Ctx,
) -> Option<TableKind> {
    best_header(sheet, from, to, Some(title), ctx).map(|(_, _, k)| k)
}

/// The tables of a sheet without a title: one at each distinctive column header, each from
/// its header to the next header of another kind (a header of the same kind printed again is
/// a repeated header of the same table). Rows from `end` on are not looked at.
fn untitled(sheet: &Sheet, index: usize, ctx: &Ctx, end: u32) -> Vec<Located> {
    let height = end.min(sheet.height());
    let width = sheet.width();
    let kinds = Kinds::new(None, ctx);
    let mut out: Vec<Located> = Vec::new();
    let mut row = 0;
    while row < height {
        if sheet.row_is_blank(row) {
            row += 1;
            continue;
        }
        let Some((_, kind)) = kinds.at(sheet, width, row, height) else {
            row += 1;
            continue;
        };
        match out.last_mut() {
            Some(prev) if prev.kind == kind => {}
            Some(prev) => {
                prev.last_row = row.saturating_sub(1).max(prev.first_row);
                out.push(Located {
                    kind,
                    sheet: index,
                    title: None,
                    title_text: String::new(),
                    first_row: row,
                    last_row: height.saturating_sub(1),
                    evidence: Evidence::Header,
                    header_row: None,
                    columns: Vec::new(),
                });
            }
            // The first table takes the rows above its header: its header block, and its
            // title in the office's own words, which named no table.
            None => {
                let title = (0..row).find_map(|r| {
                    let cells = sheet.rows.get(r as usize)?;
                    let (c, cell) = cells.iter().enumerate().find(|(_, c)| !c.is_blank())?;
                    match cell {
                        Cell::Text(t)
                            if title_row(cells)
                                && !t.contains([':', '：'])
                                && t.chars().count() <= 40 =>
                        {
                            Some((r, c as u32, t.clone()))
                        }
                        _ => None,
                    }
                });
                out.push(Located {
                    kind,
                    sheet: index,
                    title: title.as_ref().map(|(r, c, _)| (*r, *c)),
                    title_text: title.map(|(_, _, t)| t).unwrap_or_default(),
                    first_row: 0,
                    last_row: height.saturating_sub(1),
                    evidence: Evidence::Header,
                    header_row: None,
                    columns: Vec::new(),
                });
            }
        }
        // Past its sub-header row, which matches nothing on its own.
        row += 2;
    }
    out
}

/// A sheet holding tables side by side (two logs next to each other, each under its own
/// title in one row): one copy of the sheet per band of columns, each showing only its
/// band's cells, so that each table is read on its own with its cells where they are. Empty
/// when the sheet's tables stand one below the other.
pub fn side_by_side(sheet: &Sheet) -> Vec<Sheet> {
    let mut buf = String::new();
    let starts: Option<(usize, Vec<u32>)> =
        sheet.rows.iter().take(60).enumerate().find_map(|(r, row)| {
            // A row of titles holds little else: a data row is settled by its count of cells.
            if row.iter().filter(|c| !c.is_blank()).take(7).count() > 6 {
                return None;
            }
            let cols: Vec<u32> = row
                .iter()
                .enumerate()
                .filter_map(|(c, cell)| match cell {
                    Cell::Text(s)
                        if title_kind_in(s, &mut buf).is_some()
                            || (may_be_own_title(s) && own_title_kind(s).is_some()) =>
                    {
                        Some(c as u32)
                    }
                    _ => None,
                })
                .collect();
            // Titles apart by more than a caption's width, each over its own columns.
            (cols.len() >= 2 && cols.windows(2).all(|w| w[1] >= w[0] + 3)).then_some((r, cols))
        });
    let Some((title_row, starts)) = starts else {
        return Vec::new();
    };
    let width = sheet.width();
    // Each band holds a table: rows typed under its title (not a caption repeated at the
    // right of one title).
    let holds_table = |from: u32, to: u32| {
        sheet
            .rows
            .iter()
            .skip(title_row + 1)
            .filter(|row| {
                row.iter()
                    .enumerate()
                    .any(|(c, cell)| (from..to).contains(&(c as u32)) && !cell.is_blank())
            })
            .take(3)
            .count()
            >= 3
    };
    let bounds: Vec<(u32, u32)> = starts
        .iter()
        .enumerate()
        .map(|(i, &from)| (from, starts.get(i + 1).map_or(width, |&n| n)))
        .collect();
    if !bounds.iter().all(|&(from, to)| holds_table(from, to)) {
        return Vec::new();
    }
    bounds
        .iter()
        .map(|&(from, to)| {
            let band = |c: u32| (from..to).contains(&c);
            let rows = sheet
                .rows
                .iter()
                .map(|row| {
                    row.iter()
                        .enumerate()
                        .map(|(c, cell)| {
                            if band(c as u32) {
                                cell.clone()
                            } else {
                                Cell::Empty
                            }
                        })
                        .collect()
                })
                .collect();
            let merges = sheet
                .merges
                .iter()
                .filter(|m| band(m.first_col))
                .copied()
                .collect();
            let formulas = sheet
                .formulas
                .iter()
                .filter(|(_, c)| band(*c))
                .copied()
                .collect();
            Sheet::new(sheet.name.clone(), rows, merges, formulas)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_naming_two_tables_is_the_title_of_neither() {
        assert_eq!(
            title_kind("（软件使用情况汇总表　可使用免费软件清单）"),
            None
        );
        assert_eq!(title_kind("可使用免费软件清单"), Some(TableKind::FreeList));
        // One title inside another names one table.
        assert_eq!(
            title_kind("软件使用情况汇总表（2026年）"),
            Some(TableKind::Summary)
        );
    }

    #[test]
    fn titles_with_prefixes_and_years() {
        assert_eq!(title_kind("软件使用情况汇总表"), Some(TableKind::Summary));
        assert_eq!(
            title_kind("附件7 软件使用情况汇总表"),
            Some(TableKind::Summary)
        );
        assert_eq!(
            title_kind("表6\n软件使用情况明细表"),
            Some(TableKind::Usage)
        );
        assert_eq!(
            title_kind("软件正版化工作信息统计表（2024年度）"),
            Some(TableKind::Statistics)
        );
        assert_eq!(
            title_kind("软件安装维护情况明细表"),
            Some(TableKind::Maintenance)
        );
        assert_eq!(title_kind("可使用免费软件清单"), Some(TableKind::FreeList));
    }

    #[test]
    fn prose_is_not_a_title() {
        assert_eq!(title_kind("填写《软件使用情况汇总表》（附件7）"), None);
        assert_eq!(
            title_kind(
                "信息化部门相关人员每半年根据软件安装维护情况明细表更新软件使用情况汇总表和明细表"
            ),
            None
        );
        assert_eq!(title_kind("软件编号"), None);
    }

    #[test]
    fn every_title_and_alias_is_found_with_and_without_decoration() {
        assert!(!TITLES.common.is_empty(), "a cheap pre-check exists");
        for kind in TableKind::RECOGNISED {
            for t in std::iter::once(kind.title()).chain(kind.title_aliases().iter().copied()) {
                let found = title_kind(t);
                // An alias may be a longer kind's title; what matters is that it is a title.
                assert!(found.is_some(), "{t}");
                assert_eq!(title_kind(&format!("附件9 {t}（2024年度）")), found, "{t}");
            }
        }
    }
    fn sheet(rows: Vec<Vec<&str>>) -> Sheet {
        crate::workbook::text_sheet("S", &rows)
    }

    const SUMMARY_HEADER: [&str; 6] =
        ["序号", "编号", "软件名称", "版本", "来源类型", "已安装数量"];
    const USAGE_HEADER: [&str; 7] = [
        "序号",
        "科室",
        "使用者姓名",
        "计算机编号",
        "软件编号",
        "软件名称",
        "安装日期",
    ];

    #[test]
    fn an_own_title_names_its_table_where_the_header_agrees() {
        assert_eq!(
            own_title_kind("计算机软件使用登记台账（一）软件汇总"),
            Some((TableKind::Summary, "汇总"))
        );
        assert_eq!(
            own_title_kind("（三）软件安装卸载记录"),
            Some((TableKind::Maintenance, "安装卸载"))
        );
        // Prose, a notice and a part of a table are no titles.
        assert_eq!(
            own_title_kind("请各科室于11月底前报送软件汇总表，逾期不候。"),
            None
        );
        assert_eq!(own_title_kind("二、软件安装卸载明细"), None);
        let s = sheet(vec![
            vec!["请于每年11月底前报送"],
            vec!["计算机软件使用登记台账（一）软件汇总"],
            SUMMARY_HEADER.to_vec(),
            vec!["1", "MT-01", "Windows 10", "专业版", "预装", "15"],
        ]);
        let found = locate(&s, 0);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, TableKind::Summary);
        assert_eq!(found[0].evidence, Evidence::OwnTitle { word: "汇总" });
        assert_eq!(found[0].title, Some((1, 0)));
    }

    #[test]
    fn the_header_overrules_an_own_titles_word_and_a_title_without_a_table_is_none() {
        // "明细" says usage, the columns say summary.
        let s = sheet(vec![
            vec!["软件登记明细"],
            SUMMARY_HEADER.to_vec(),
            vec!["1", "MT-01", "Windows 10", "专业版", "预装", "15"],
        ]);
        let found = locate(&s, 0);
        assert_eq!(found[0].kind, TableKind::Summary);
        assert_eq!(found[0].evidence, Evidence::Header);
        // A cover page naming the ledger holds no table.
        let cover = sheet(vec![
            vec!["某局计算机软件使用登记台账"],
            vec!["二〇二六年十一月"],
        ]);
        assert!(locate(&cover, 0).is_empty());
    }

    #[test]
    fn a_table_above_the_first_known_title_is_found_by_its_header() {
        let s = sheet(vec![
            vec!["本局软件一览"],
            SUMMARY_HEADER.to_vec(),
            vec!["1", "MT-01", "Windows 10", "专业版", "预装", "15"],
            vec![],
            vec!["可使用免费软件清单"],
            vec!["序号", "软件编号", "软件名称", "软件版本"],
            vec!["1", "MT-07", "7-Zip", "24.08"],
        ]);
        let found = locate(&s, 0);
        let kinds: Vec<(TableKind, u32, u32)> = found
            .iter()
            .map(|l| (l.kind, l.first_row, l.last_row))
            .collect();
        assert_eq!(
            kinds,
            vec![(TableKind::Summary, 0, 3), (TableKind::FreeList, 4, 6)]
        );
        // Its own title named no table; it is the table's title all the same.
        assert_eq!(found[0].title, Some((0, 0)));
        assert_eq!(found[0].title_text, "本局软件一览");
    }

    #[test]
    fn a_sheet_without_titles_holds_a_table_at_each_header() {
        let s = sheet(vec![
            SUMMARY_HEADER.to_vec(),
            vec!["1", "MT-01", "Windows 10", "专业版", "预装", "15"],
            vec![],
            USAGE_HEADER.to_vec(),
            vec![
                "1",
                "办公室",
                "张三",
                "PC-01",
                "MT-01",
                "Windows 10",
                "2024-03-01",
            ],
            // The header printed again over the next page: the same table.
            USAGE_HEADER.to_vec(),
            vec![
                "2",
                "办公室",
                "李四",
                "PC-02",
                "MT-01",
                "Windows 10",
                "2024-03-02",
            ],
        ]);
        let kinds: Vec<(TableKind, u32, u32)> = locate(&s, 0)
            .iter()
            .map(|l| (l.kind, l.first_row, l.last_row))
            .collect();
        assert_eq!(
            kinds,
            vec![(TableKind::Summary, 0, 2), (TableKind::Usage, 3, 6)]
        );
    }
}
