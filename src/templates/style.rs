//! Shared cell formats, so that all eleven tables print in the same hand and a number
//! format chosen for a column (text for codes, dates, money) is the same everywhere.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder};

/// Body font: what offices' own templates use, and the font the default theme already
/// names for Chinese script, so cells typed later without a format look the same.
const FONT: &str = "宋体";
/// The font of the "附件N" label, as in printed government documents.
const ANNEX_FONT: &str = "黑体";
/// GB2312 character set, written by Chinese Excel next to CJK font names.
const CHARSET_GB2312: u8 = 134;

/// What a data cell holds; decides its number format and alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CellKind {
    /// Free text or whatever the clerk types.
    General,
    /// Codes that must stay text ("001", serial numbers, phone numbers, versions).
    Text,
    /// A calendar date.
    Date,
    /// Money in 元.
    Money,
    /// A whole count.
    Count,
    /// Money in 万元 (the statistics table), to one 元.
    TenThousand,
    /// A checkbox cell (□ / ☑).
    Check,
}

impl CellKind {
    /// The kind of a list column, by its stable schema key.
    ///
    /// Keyed on the schema so a column keeps its format in every table it appears in.
    pub(crate) fn for_column(key: &str) -> CellKind {
        match key {
            "seq" | "license_count" | "installed" | "count" => CellKind::Count,
            "id" | "serial" | "computer" | "phone" | "fax" | "vendor_contact" | "version"
            | "usable_versions" => CellKind::Text,
            "purchased_on" | "installed_on" | "date" => CellKind::Date,
            "amount" | "unit_price" | "total" => CellKind::Money,
            "kind_commercial" | "kind_oem" | "kind_free" | "install" | "uninstall" => {
                CellKind::Check
            }
            _ => CellKind::General,
        }
    }

    fn num_format(self) -> Option<&'static str> {
        match self {
            CellKind::General | CellKind::Check => None,
            CellKind::Text => Some("@"),
            CellKind::Date => Some("yyyy-mm-dd"),
            CellKind::Money => Some("#,##0.00"),
            CellKind::Count => Some("0"),
            CellKind::TenThousand => Some("0.0000"),
        }
    }
}

/// The fill of a blank left for the clerk in a drafted ledger: the yellow offices use for
/// “待填”, so the cells to fill stand out on screen and on a colour print.
const TO_FILL: u32 = 0xFFFF00;

/// `format` on the yellow of a blank the clerk is to fill in.
pub(crate) fn to_fill(format: Format) -> Format {
    format.set_background_color(TO_FILL)
}

fn base() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_charset(CHARSET_GB2312)
        .set_font_size(11)
        .set_align(FormatAlign::VerticalCenter)
}

/// The "附件N" label above the title.
pub(crate) fn annex() -> Format {
    Format::new()
        .set_font_name(ANNEX_FONT)
        .set_font_charset(CHARSET_GB2312)
        .set_font_size(14)
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::VerticalCenter)
}

/// The table title, merged across the table.
pub(crate) fn title() -> Format {
    base()
        .set_font_size(16)
        .set_bold()
        .set_align(FormatAlign::Center)
}

/// A label of the header block ("填表人："): right-aligned so the colon meets its blank.
pub(crate) fn label() -> Format {
    base().set_align(FormatAlign::Right)
}

/// The blank after a header-block label: underlined like the printed "_____".
pub(crate) fn blank_line(kind: CellKind) -> Format {
    let format = base()
        .set_align(FormatAlign::Center)
        .set_border_bottom(FormatBorder::Thin);
    with_num_format(format, kind)
}

/// A section heading inside a form ("一、软件基本信息").
pub(crate) fn section() -> Format {
    base().set_bold().set_align(FormatAlign::Left)
}

/// A column header or a label cell inside a table.
pub(crate) fn head() -> Format {
    base()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_border(FormatBorder::Thin)
}

/// A data cell; `bordered` for the pre-printed rows, without border for the column
/// defaults that carry the number format further down the sheet.
pub(crate) fn cell(kind: CellKind, bordered: bool) -> Format {
    let align = match kind {
        CellKind::Money | CellKind::TenThousand => FormatAlign::Right,
        _ => FormatAlign::Center,
    };
    let mut format = base().set_align(align).set_text_wrap();
    if kind == CellKind::Check {
        format = format.set_font_size(12);
    }
    if bordered {
        format = format.set_border(FormatBorder::Thin);
    }
    with_num_format(format, kind)
}

/// An approval or signature cell ("审核人：    年  月  日"), written at its bottom right
/// where a hand signature goes in the printed form.
pub(crate) fn sign() -> Format {
    base()
        .set_text_wrap()
        .set_align(FormatAlign::Right)
        .set_align(FormatAlign::Bottom)
        .set_indent(2)
        .set_border(FormatBorder::Thin)
}

/// Running text (the pledge).
pub(crate) fn body() -> Format {
    base()
        .set_font_size(14)
        .set_text_wrap()
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::Top)
}

/// A line of running text aligned right or left (signature lines of the pledge).
pub(crate) fn body_line(align: FormatAlign) -> Format {
    base().set_font_size(14).set_align(align)
}

fn with_num_format(format: Format, kind: CellKind) -> Format {
    match kind.num_format() {
        Some(num_format) => format.set_num_format(num_format),
        None => format,
    }
}
