//! A small top-down layout toolkit over a worksheet.
//!
//! Every table is built the same way: "附件N", a title, a header block of "label：blank"
//! cells, a column header, pre-printed rows and sometimes an approval block. Writing that
//! once keeps the tables alike and lets each table file say only what is particular to it.

use rust_xlsxwriter::{
    ColNum, DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder, RowNum,
    Worksheet, XlsxError,
};

use super::style::{self, CellKind};
use crate::base::gate;
use crate::schema::{ColumnSpec, TableKind};

/// Height of an ordinary row, in points: room for handwriting on the printed form.
pub(crate) const ROW: f64 = 20.0;
/// Height of a row whose text breaks onto two lines.
pub(crate) const ROW_2: f64 = 34.0;
/// Height of a row whose text breaks onto three lines.
pub(crate) const ROW_3: f64 = 48.0;
/// Height of an approval row: space for a signature above "审核人： 年 月 日".
pub(crate) const ROW_SIGN: f64 = 52.0;

/// Rows below the column header that carry drop-downs in a list table without a footer:
/// far more than the pre-printed rows, so a clerk can keep typing without losing them.
pub(crate) const LIST_ROWS: u32 = 200;

/// The printed blank of a date in the header block, kept as text so the blank form
/// reads as published; a date typed over it takes the cell's `yyyy-mm-dd` format.
pub(crate) const DATE_BLANK: &str = "    年   月   日";

/// The approval line under a department's label.
pub(crate) const AUDITED: &str = "审核人：            年    月    日";
/// The approval line of the head of the unit.
pub(crate) const APPROVED: &str = "审批人：            年    月    日";

/// The two checkbox states offered in drop-downs.
pub(crate) const CHECKBOX: [&str; 2] = ["□", "☑"];

/// One blank of a header block: its label (without the colon), what goes in it and, in a
/// filled table, the value written there.
#[derive(Debug, Clone)]
pub(crate) struct Blank {
    /// The printed label.
    pub label: &'static str,
    /// What the blank holds.
    pub kind: CellKind,
    /// The value written into it ([`Value::Empty`] in the blank templates).
    pub value: Value,
}

/// A value written into a cell of a filled table, typed as a clerk would type it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// Nothing.
    Empty,
    /// Text, written as a string whatever it looks like (codes stay codes, `=` is no formula).
    Text(String),
    /// A number.
    Number(f64),
    /// A date cell.
    Date(chrono::NaiveDate),
    /// A word the template itself prints ("—", "共计"): centred like the template's.
    Printed(&'static str),
    /// Nothing yet, for the clerk to fill in: highlighted (a ledger the tool drafted).
    ToFill,
}

impl Value {
    /// The text shown, for estimating widths.
    fn shown(&self) -> String {
        match self {
            Value::Empty | Value::ToFill => String::new(),
            Value::Text(s) => s.clone(),
            Value::Number(n) => format!("{n}"),
            Value::Date(_) => "2000-01-01".into(),
            Value::Printed(s) => s.to_string(),
        }
    }
}

/// One data row of a filled table: values by column key; missing keys are empty.
#[derive(Debug, Clone, Default)]
pub(crate) struct Row(pub Vec<(&'static str, Value)>);

impl Row {
    /// The value of column `key`.
    pub(crate) fn get(&self, key: &str) -> &Value {
        static EMPTY: Value = Value::Empty;
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
            .unwrap_or(&EMPTY)
    }
}

/// The header-block blanks `kind` prints.
///
/// The label text comes from the schema so template and reader share one spelling.
pub(crate) fn blanks(kind: TableKind) -> Vec<Blank> {
    kind.printed_header()
        .iter()
        .map(|key| blank(kind, key, Value::Empty))
        .collect()
}

/// The blank for header key `key` of table `kind`, holding `value`.
pub(crate) fn blank(kind: TableKind, key: &str, value: Value) -> Blank {
    Blank {
        label: label_of(kind, key),
        kind: match key {
            "filled_on" => CellKind::Date,
            "phone" => CellKind::Text,
            _ => CellKind::General,
        },
        value,
    }
}

/// The published label of header key `key` of table `kind`.
pub(crate) fn label_of(kind: TableKind, key: &str) -> &'static str {
    kind.header_labels()
        .iter()
        .find(|label| label.key == key)
        .map(|label| label.label)
        .unwrap_or_else(|| panic!("schema has no header label {key} for {}", kind.key()))
}

/// The column widths of a list table, from the schema.
pub(crate) fn widths(specs: &[ColumnSpec]) -> Vec<f64> {
    specs.iter().map(|spec| spec.width).collect()
}

/// The position of column `key` in `specs`.
pub(crate) fn col_of(specs: &[ColumnSpec], key: &str) -> ColNum {
    let index = specs
        .iter()
        .position(|spec| spec.key == key)
        .unwrap_or_else(|| panic!("no column {key}"));
    index as ColNum
}

/// A worksheet being filled from the top down.
pub(crate) struct Sheet<'a> {
    ws: &'a mut Worksheet,
    widths: Vec<f64>,
    row: RowNum,
}

impl<'a> Sheet<'a> {
    /// Start a sheet on a grid of columns of the given widths.
    pub(crate) fn new(ws: &'a mut Worksheet, widths: Vec<f64>) -> Result<Self, XlsxError> {
        for (col, width) in widths.iter().enumerate() {
            ws.set_column_width(col as ColNum, *width)?;
        }
        Ok(Sheet { ws, widths, row: 0 })
    }

    /// The worksheet, for what the toolkit does not cover.
    pub(crate) fn ws(&mut self) -> &mut Worksheet {
        self.ws
    }

    /// The last column of the grid.
    pub(crate) fn last_col(&self) -> ColNum {
        (self.widths.len() - 1) as ColNum
    }

    /// The row the next [`Sheet::next_row`] takes (where a page break goes before it).
    pub(crate) fn next_row_number(&self) -> RowNum {
        self.row
    }

    /// Take the next row, with the given height.
    pub(crate) fn next_row(&mut self, height: f64) -> Result<RowNum, XlsxError> {
        let row = self.row;
        self.ws.set_row_height(row, height)?;
        self.row += 1;
        Ok(row)
    }

    /// Write `text` over columns `first..=last` of `row`, merged when that is more than one.
    pub(crate) fn put(
        &mut self,
        row: RowNum,
        first: ColNum,
        last: ColNum,
        text: &str,
        format: &Format,
    ) -> Result<(), XlsxError> {
        self.put_block(row, first, row, last, text, format)
    }

    /// Write `text` over a block of cells, merged when that is more than one.
    pub(crate) fn put_block(
        &mut self,
        first_row: RowNum,
        first_col: ColNum,
        last_row: RowNum,
        last_col: ColNum,
        text: &str,
        format: &Format,
    ) -> Result<(), XlsxError> {
        // Filled templates carry the data's text (convert --to xlsx): through the gate.
        let text = gate::cell_text(text);
        if first_row == last_row && first_col == last_col {
            self.ws
                .write_string_with_format(first_row, first_col, text, format)?;
        } else {
            self.ws
                .merge_range(first_row, first_col, last_row, last_col, &text, format)?;
        }
        Ok(())
    }

    /// "附件N" and the title, merged across the grid.
    pub(crate) fn annex_and_title(&mut self, kind: TableKind) -> Result<(), XlsxError> {
        self.annex_and_title_text(kind, kind.title())
    }

    /// "附件N" and a title with something added (the statistics table's year).
    pub(crate) fn annex_and_title_text(
        &mut self,
        kind: TableKind,
        title: &str,
    ) -> Result<(), XlsxError> {
        let row = self.next_row(20.0)?;
        // 软件分类 is the tool's own sheet, not an annex of the guide.
        if kind.national_number() > 0 {
            let annex = format!("附件{}", kind.national_number());
            self.ws
                .write_string_with_format(row, 0, &annex, &style::annex())?;
        }
        let row = self.next_row(36.0)?;
        let last = self.last_col();
        self.put(row, 0, last, title, &style::title())
    }

    /// Write a value over columns `first..=last` of `row` (merged when more than one).
    pub(crate) fn put_value(
        &mut self,
        row: RowNum,
        first: ColNum,
        last: ColNum,
        value: &Value,
        format: &Format,
    ) -> Result<(), XlsxError> {
        let text = match value {
            Value::Text(s) => s.clone(),
            Value::Printed(s) => s.to_string(),
            Value::Date(d) if excel_date(*d).is_none() => d.format("%Y-%m-%d").to_string(),
            _ => String::new(),
        };
        let highlighted;
        let format = if *value == Value::ToFill {
            highlighted = style::to_fill(format.clone());
            &highlighted
        } else {
            format
        };
        // A merged range takes a string; a number or date then goes into its first cell.
        self.put(row, first, last, &text, format)?;
        match value {
            Value::Number(n) => {
                self.ws.write_number_with_format(row, first, *n, format)?;
            }
            Value::Date(d) => {
                // Outside Excel's calendar (1900–9999) the date stays the text written above.
                if let Some(date) = excel_date(*d) {
                    self.ws
                        .write_datetime_with_format(row, first, date, format)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The header block: "label：" cells each followed by an underlined blank, on as few
    /// rows as the grid allows.
    pub(crate) fn header_block(&mut self, blanks: &[Blank]) -> Result<(), XlsxError> {
        for line in layout_header(&self.widths, blanks) {
            let row = self.next_row(26.0)?;
            for placed in line {
                let blank = &blanks[placed.item];
                let label = format!("{}：", blank.label);
                self.put(row, placed.label.0, placed.label.1, &label, &style::label())?;
                let mut format = style::blank_line(blank.kind);
                if matches!(blank.value, Value::Empty | Value::ToFill) {
                    let text = if blank.kind == CellKind::Date {
                        DATE_BLANK
                    } else {
                        ""
                    };
                    if blank.value == Value::ToFill {
                        format = style::to_fill(format);
                    }
                    self.put(row, placed.value.0, placed.value.1, text, &format)?;
                } else {
                    let (first, last) = placed.value;
                    self.put_value(row, first, last, &blank.value, &format)?;
                }
            }
        }
        // A thin gap, so the last blanks' underline does not vanish into the table's top.
        self.next_row(6.0)?;
        Ok(())
    }

    /// A section heading row ("一、软件基本信息"); `boxed` when it sits inside the table.
    pub(crate) fn section(&mut self, text: &str, boxed: bool) -> Result<RowNum, XlsxError> {
        let row = self.next_row(ROW)?;
        let mut format = style::section();
        if boxed {
            format = format.set_border(FormatBorder::Thin);
        }
        let last = self.last_col();
        self.put(row, 0, last, text, &format)?;
        Ok(row)
    }

    /// The column header of `specs` from column 0, the last spec spanning to the end of
    /// the grid. Sub-columns (`group`) get a merged group cell above them and the other
    /// columns are merged over both rows. Returns the first and last header row.
    pub(crate) fn column_header(
        &mut self,
        specs: &[ColumnSpec],
    ) -> Result<(RowNum, RowNum), XlsxError> {
        let lines = |spec: &ColumnSpec| spec.header.lines().count();
        let two_rows = specs.iter().any(|spec| spec.group.is_some());
        let first = self.row;
        if two_rows {
            let sub_lines = specs
                .iter()
                .filter(|spec| spec.group.is_some())
                .map(lines)
                .max()
                .unwrap_or(1);
            self.next_row(ROW)?;
            self.next_row(if sub_lines > 1 { ROW_2 } else { ROW })?;
        } else {
            let height = match specs.iter().map(lines).max().unwrap_or(1) {
                1 => ROW + 4.0,
                2 => ROW_2,
                _ => ROW_3,
            };
            self.next_row(height)?;
        }
        let last = self.row - 1;
        let format = style::head();
        let mut col: ColNum = 0;
        let mut index = 0;
        while index < specs.len() {
            let spec = &specs[index];
            match spec.group {
                None => {
                    let end = self.span_end(specs, index, col);
                    self.put_block(first, col, last, end, spec.header, &format)?;
                    col = end + 1;
                    index += 1;
                }
                Some(group) => {
                    let members = specs[index..]
                        .iter()
                        .take_while(|other| other.group == Some(group))
                        .count();
                    let end = col + members as ColNum - 1;
                    self.put(first, col, end, group, &format)?;
                    for (offset, member) in specs[index..index + members].iter().enumerate() {
                        let at = col + offset as ColNum;
                        self.ws
                            .write_string_with_format(last, at, member.header, &format)?;
                    }
                    col = end + 1;
                    index += members;
                }
            }
        }
        Ok((first, last))
    }

    /// Pre-printed, bordered data rows of `specs`, each `height` points high: 序号
    /// numbered, checkboxes showing □, and whatever `prefill` puts in (row index from 0,
    /// column). Returns the first row.
    pub(crate) fn data_rows(
        &mut self,
        specs: &[ColumnSpec],
        count: u32,
        height: f64,
        prefill: impl Fn(u32, &ColumnSpec) -> Option<&'static str>,
    ) -> Result<RowNum, XlsxError> {
        let first = self.row;
        for index in 0..count {
            let row = self.next_row(height)?;
            let mut col: ColNum = 0;
            for (at, spec) in specs.iter().enumerate() {
                let kind = CellKind::for_column(spec.key);
                let format = style::cell(kind, true);
                let end = self.span_end(specs, at, col);
                if spec.key == "seq" {
                    self.ws
                        .write_number_with_format(row, col, f64::from(index + 1), &format)?;
                } else if let Some(text) = prefill(index, spec) {
                    // Printed words ("共计", "—") sit centred even in a money column.
                    let format = format.set_align(FormatAlign::Center);
                    self.put(row, col, end, text, &format)?;
                } else {
                    let default = if kind == CellKind::Check { "□" } else { "" };
                    self.put(row, col, end, default, &format)?;
                }
                col = end + 1;
            }
        }
        Ok(first)
    }

    /// Data rows of a filled table, numbered from 1 in the 序号 column, then blank numbered
    /// rows up to `at_least` so a short list still prints like the published form. Each
    /// row is at least `height` points high and taller where its text wraps. Returns the
    /// first row.
    pub(crate) fn filled_rows(
        &mut self,
        specs: &[ColumnSpec],
        rows: &[Row],
        at_least: u32,
        height: f64,
    ) -> Result<RowNum, XlsxError> {
        let first = self.row;
        let blank = Row::default();
        let count = (rows.len() as u32).max(at_least);
        for index in 0..count {
            let data = rows.get(index as usize).unwrap_or(&blank);
            let row = self.next_row(self.row_height(specs, data, height))?;
            let mut col: ColNum = 0;
            for (at, spec) in specs.iter().enumerate() {
                let kind = CellKind::for_column(spec.key);
                let format = style::cell(kind, true);
                let end = self.span_end(specs, at, col);
                match data.get(spec.key) {
                    _ if spec.key == "seq" => {
                        self.ws.write_number_with_format(
                            row,
                            col,
                            f64::from(index + 1),
                            &format,
                        )?;
                    }
                    Value::Empty => {
                        let default = if kind == CellKind::Check { "□" } else { "" };
                        self.put(row, col, end, default, &format)?;
                    }
                    Value::ToFill => {
                        let default = if kind == CellKind::Check { "□" } else { "" };
                        self.put(row, col, end, default, &style::to_fill(format))?;
                    }
                    value @ Value::Printed(_) => {
                        let format = format.set_align(FormatAlign::Center);
                        self.put_value(row, col, end, value, &format)?;
                    }
                    value => self.put_value(row, col, end, value, &format)?,
                }
                col = end + 1;
            }
        }
        Ok(first)
    }

    /// The height a row needs for its wrapped text: the longest cell's lines, at least
    /// `height`.
    fn row_height(&self, specs: &[ColumnSpec], data: &Row, height: f64) -> f64 {
        let mut col = 0usize;
        let mut lines = 1.0f64;
        for (at, spec) in specs.iter().enumerate() {
            let end = self.span_end(specs, at, col as ColNum) as usize;
            let width: f64 = self.widths[col..=end.min(self.widths.len() - 1)]
                .iter()
                .sum();
            let text = data.get(spec.key).shown();
            // Measured on LibreOffice's rendering of 宋体 11pt: a Chinese character takes
            // about 1.8 width units, a Latin letter or digit 0.85.
            let need = text
                .split('\n')
                .map(|line| {
                    let w: f64 = line
                        .chars()
                        .map(|c| if c.is_ascii() { 0.85 } else { 1.8 })
                        .sum();
                    (w / width.max(1.0)).ceil().max(1.0)
                })
                .sum::<f64>();
            lines = lines.max(need);
            col = end + 1;
        }
        height.max(lines * 14.5 + 5.0)
    }

    /// Column defaults carrying each column's number format below the pre-printed rows,
    /// so "001" typed in row 50 stays text and a date stays a date. Unbordered, so the
    /// blank template still prints only the published rows.
    pub(crate) fn column_defaults(&mut self, specs: &[ColumnSpec]) -> Result<(), XlsxError> {
        for (col, spec) in specs.iter().enumerate() {
            let format = style::cell(CellKind::for_column(spec.key), false);
            self.ws.set_column_format(col as ColNum, &format)?;
        }
        Ok(())
    }

    /// A drop-down of `items` over a block. `strict` refuses other input (for the guide's
    /// fixed categories); otherwise Excel warns and lets the clerk keep what they typed.
    pub(crate) fn choice(
        &mut self,
        rows: (RowNum, RowNum),
        cols: (ColNum, ColNum),
        items: &[&str],
        strict: bool,
    ) -> Result<(), XlsxError> {
        let style = if strict {
            DataValidationErrorStyle::Stop
        } else {
            DataValidationErrorStyle::Warning
        };
        let validation = DataValidation::new()
            .allow_list_strings(items)?
            .set_error_title("输入值不在下拉列表中")?
            .set_error_message(format!("请从下拉列表中选择：{}", items.join("、")))?
            .set_error_style(style);
        self.ws
            .add_data_validation(rows.0, cols.0, rows.1, cols.1, &validation)?;
        Ok(())
    }

    /// Approval rows: a label over columns `0..=label_last`, the signature line after it.
    pub(crate) fn approvals<L: AsRef<str>, S: AsRef<str>>(
        &mut self,
        label_last: ColNum,
        rows: &[(L, S)],
    ) -> Result<(), XlsxError> {
        let last = self.last_col();
        for (label, line) in rows {
            let row = self.next_row(ROW_SIGN)?;
            self.put(row, 0, label_last, label.as_ref(), &style::head())?;
            self.put(row, label_last + 1, last, line.as_ref(), &style::sign())?;
        }
        Ok(())
    }

    /// The last grid column of spec `at` placed at `col`: the last spec takes the rest.
    fn span_end(&self, specs: &[ColumnSpec], at: usize, col: ColNum) -> ColNum {
        if at + 1 == specs.len() {
            self.last_col().max(col)
        } else {
            col
        }
    }
}

/// Paper orientation of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Paper {
    /// A4 upright: forms and narrow lists.
    Portrait,
    /// A4 sideways: the wide ledgers.
    Landscape,
}

/// A4, one page wide, centred. A list table repeats its column header (`repeat`) on
/// every page and numbers its pages; a form does neither and is shrunk onto one page.
pub(crate) fn print_setup(
    ws: &mut Worksheet,
    paper: Paper,
    repeat: Option<(RowNum, RowNum)>,
) -> Result<(), XlsxError> {
    const A4: u8 = 9;
    ws.set_paper_size(A4);
    match paper {
        Paper::Portrait => ws.set_portrait(),
        Paper::Landscape => ws.set_landscape(),
    };
    ws.set_margins(0.5, 0.5, 0.5, 0.55, 0.25, 0.25);
    ws.set_print_center_horizontally(true);
    match repeat {
        Some((first, last)) => {
            ws.set_print_fit_to_pages(1, 0);
            ws.set_repeat_rows(first, last)?;
            ws.set_footer("&C第 &P 页，共 &N 页");
        }
        None => {
            ws.set_print_fit_to_pages(1, 1);
        }
    }
    Ok(())
}

/// Where a header-block blank goes: its label and its blank, as column spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placed {
    /// Index into the blanks.
    pub item: usize,
    /// First and last column of the label.
    pub label: (ColNum, ColNum),
    /// First and last column of the blank.
    pub value: (ColNum, ColNum),
}

/// Printed width of `text` in column-width units: a Chinese character at 11pt is about
/// two digit widths.
pub(crate) fn text_width(text: &str) -> f64 {
    let chars: f64 = text
        .chars()
        .map(|c| if c.is_ascii() { 1.1 } else { 2.1 })
        .sum();
    chars + 1.0
}

fn min_blank_width(blank: &Blank) -> f64 {
    let empty = match blank.kind {
        CellKind::Date => text_width(DATE_BLANK),
        _ => 9.0,
    };
    match &blank.value {
        Value::Empty => empty,
        value => empty.max(text_width(&value.shown())),
    }
}

/// A date as rust_xlsxwriter writes it, when Excel's calendar (1900–9999) has it.
fn excel_date(d: chrono::NaiveDate) -> Option<rust_xlsxwriter::ExcelDateTime> {
    use chrono::Datelike;
    let year = u16::try_from(d.year()).ok()?;
    rust_xlsxwriter::ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

/// Lay the blanks out on as few rows as fit the grid: the published form has them on one
/// line, narrow tables need two. Within a row every way of cutting the columns is tried
/// (a row has at most a dozen columns and four blanks) and the one closest to "labels
/// just wide enough, blanks sharing the rest evenly" wins.
pub(crate) fn layout_header(widths: &[f64], blanks: &[Blank]) -> Vec<Vec<Placed>> {
    for rows in 1..=blanks.len() {
        let per_row = blanks.len().div_ceil(rows);
        let lines: Option<Vec<Vec<Placed>>> = (0..blanks.len())
            .step_by(per_row)
            .map(|start| {
                let end = (start + per_row).min(blanks.len());
                pack(widths, &blanks[start..end], start)
            })
            .collect();
        if let Some(lines) = lines {
            return lines;
        }
    }
    // Nothing fits even one per row: label in the first column, blank in the rest.
    let last = (widths.len() - 1) as ColNum;
    (0..blanks.len())
        .map(|item| {
            vec![Placed {
                item,
                label: (0, 0),
                value: (1.min(last), last),
            }]
        })
        .collect()
}

/// The best cut of all columns into label, blank, label, blank, … for one row, if any
/// gives every label and blank the width it needs.
fn pack(widths: &[f64], blanks: &[Blank], offset: usize) -> Option<Vec<Placed>> {
    let parts = 2 * blanks.len();
    if parts == 0 || parts > widths.len() {
        return None;
    }
    let needs: Vec<f64> = blanks
        .iter()
        .flat_map(|blank| {
            [
                text_width(&format!("{}：", blank.label)),
                min_blank_width(blank),
            ]
        })
        .collect();
    let total: f64 = widths.iter().sum();
    let spare = (total - needs.iter().sum::<f64>()) / blanks.len() as f64;
    if spare < 0.0 {
        return None;
    }
    // Labels should be just wide enough; blanks share what is left evenly.
    let ideal: Vec<f64> = needs
        .iter()
        .enumerate()
        .map(|(part, need)| if part % 2 == 0 { *need } else { need + spare })
        .collect();

    let mut best: Option<(f64, Vec<usize>)> = None;
    let mut ends = Vec::with_capacity(parts);
    search(widths, &needs, &ideal, 0, &mut ends, 0.0, &mut best);
    let (_, ends) = best?;
    let mut first = 0;
    let spans: Vec<(ColNum, ColNum)> = ends
        .iter()
        .map(|end| {
            let span = (first as ColNum, (*end - 1) as ColNum);
            first = *end;
            span
        })
        .collect();
    Some(
        spans
            .chunks(2)
            .enumerate()
            .map(|(index, pair)| Placed {
                item: offset + index,
                label: pair[0],
                value: pair[1],
            })
            .collect(),
    )
}

/// Depth-first over the end column of each part; `ends` holds the parts placed so far.
fn search(
    widths: &[f64],
    needs: &[f64],
    ideal: &[f64],
    start: usize,
    ends: &mut Vec<usize>,
    cost: f64,
    best: &mut Option<(f64, Vec<usize>)>,
) {
    let part = ends.len();
    if part == needs.len() {
        if best.as_ref().is_none_or(|(lowest, _)| cost < *lowest) {
            *best = Some((cost, ends.clone()));
        }
        return;
    }
    let parts_after = needs.len() - part - 1;
    let last_end = widths.len() - parts_after;
    let mut width = 0.0;
    for end in start + 1..=last_end {
        width += widths[end - 1];
        if parts_after == 0 && end != widths.len() {
            continue;
        }
        if width < needs[part] {
            continue;
        }
        let cost = cost + (width - ideal[part]).powi(2);
        ends.push(end);
        search(widths, needs, ideal, end, ends, cost, best);
        ends.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{TableKind, SUMMARY_COLUMNS};

    fn standard() -> Vec<Blank> {
        blanks(TableKind::Summary)
    }

    #[test]
    fn wide_table_takes_the_header_block_on_one_line() {
        let lines = layout_header(
            &widths(&crate::schema::printed(SUMMARY_COLUMNS)),
            &standard(),
        );
        assert_eq!(lines.len(), 1);
        let line = &lines[0];
        assert_eq!(line.len(), 4);
        assert_eq!(
            line[3].value.1 as usize,
            crate::schema::printed(SUMMARY_COLUMNS).len() - 1
        );
        for pair in line.windows(2) {
            assert_eq!(pair[0].value.1 + 1, pair[1].label.0);
        }
    }

    #[test]
    fn narrow_table_wraps_the_header_block() {
        let lines = layout_header(&[6.0, 12.0, 18.0, 22.0, 12.0, 14.0], &standard());
        assert_eq!(lines.len(), 2);
        let items: Vec<usize> = lines.iter().flatten().map(|p| p.item).collect();
        assert_eq!(items, [0, 1, 2, 3]);
    }

    /// Every list table's header block finds room for each label and blank (no
    /// fallback layout), and every printed key exists in the schema.
    #[test]
    fn every_list_table_header_block_fits() {
        for kind in TableKind::ALL {
            let specs = &crate::schema::printed(kind.columns());
            let blanks = blanks(kind);
            if specs.is_empty() {
                continue;
            }
            let widths = widths(specs);
            let lines = layout_header(&widths, &blanks);
            assert!(lines.len() <= 2, "{kind:?}: {lines:?}");
            for placed in lines.iter().flatten() {
                let sum = |(a, b): (ColNum, ColNum)| widths[a as usize..=b as usize].iter().sum();
                let blank = &blanks[placed.item];
                let label: f64 = sum(placed.label);
                let value: f64 = sum(placed.value);
                assert!(
                    label >= text_width(&format!("{}：", blank.label)),
                    "{kind:?} {placed:?}"
                );
                assert!(value >= min_blank_width(blank), "{kind:?} {placed:?}");
            }
        }
    }
}
