//! Markdown (the rule documentation) drawn for a terminal: headings and bold text in ANSI
//! bold when colour is wanted, plain text otherwise — never the raw `**` and `#` marks.
//! Paragraphs keep the author's line breaks and are indented under their heading; code
//! blocks are indented further; nothing is re-wrapped. The same documentation as HTML for
//! the page of drop mode ([`html`]).

use std::fmt::Write as _;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Indent of body text under a heading.
const BODY: &str = "  ";
/// Extra indent of a code block.
const CODE: &str = "    ";

struct Out {
    color: bool,
    text: String,
    /// Open styles, innermost last, to restore after a nested style ends.
    styles: Vec<&'static str>,
    /// Prefix of each new line in the current block.
    indent: String,
    at_line_start: bool,
    in_code_block: bool,
    lists: Vec<Option<u64>>,
}

impl Out {
    fn push_style(&mut self, code: &'static str) {
        if self.color {
            self.styles.push(code);
            self.text.push_str(&format!("\x1b[{code}m"));
        }
    }

    fn pop_style(&mut self) {
        if self.color {
            self.styles.pop();
            self.text.push_str("\x1b[0m");
            for s in self.styles.clone() {
                self.text.push_str(&format!("\x1b[{s}m"));
            }
        }
    }

    fn write(&mut self, s: &str) {
        for (i, part) in s.split('\n').enumerate() {
            if i > 0 {
                self.newline();
            }
            if part.is_empty() {
                continue;
            }
            if self.at_line_start {
                let indent = self.indent.clone();
                self.text.push_str(&indent);
                self.at_line_start = false;
            }
            self.text.push_str(part);
        }
    }

    fn newline(&mut self) {
        // Close styles at the end of a line so a pager or a copied line never bleeds colour.
        let open = self.color && !self.styles.is_empty();
        if open {
            self.text.push_str("\x1b[0m");
        }
        self.text.push('\n');
        self.at_line_start = true;
        if open {
            for s in self.styles.clone() {
                self.text.push_str(&format!("\x1b[{s}m"));
            }
        }
    }

    /// End the current block with one blank line.
    fn end_block(&mut self) {
        if !self.at_line_start {
            self.newline();
        }
        if !self.text.ends_with("\n\n") && !self.text.is_empty() {
            self.text.push('\n');
        }
    }
}

/// Render `markdown` for a terminal; `color` adds ANSI bold and colours.
pub fn render(markdown: &str, color: bool) -> String {
    let mut o = Out {
        color,
        text: String::new(),
        styles: Vec::new(),
        indent: String::new(),
        at_line_start: true,
        in_code_block: false,
        lists: Vec::new(),
    };
    for event in Parser::new_ext(markdown, Options::empty()) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                o.indent.clear();
                o.push_style(if level == HeadingLevel::H1 {
                    "1;4"
                } else {
                    "1"
                });
            }
            Event::End(TagEnd::Heading(level)) => {
                o.pop_style();
                // The title stands apart; a section's body follows its heading directly.
                if level == HeadingLevel::H1 {
                    o.end_block();
                } else {
                    o.newline();
                }
                o.indent = BODY.into();
            }
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => {
                if o.lists.is_empty() {
                    o.end_block();
                } else if !o.at_line_start {
                    o.newline();
                }
            }
            Event::Start(Tag::Strong) => o.push_style("1"),
            Event::Start(Tag::Emphasis) => o.push_style("3"),
            Event::End(TagEnd::Strong) | Event::End(TagEnd::Emphasis) => o.pop_style(),
            Event::Start(Tag::CodeBlock(_)) => {
                if !o.at_line_start {
                    o.newline();
                }
                o.in_code_block = true;
                o.indent.push_str(CODE);
                o.push_style("2");
            }
            Event::End(TagEnd::CodeBlock) => {
                o.pop_style();
                o.in_code_block = false;
                let keep = o.indent.len() - CODE.len();
                o.indent.truncate(keep);
                o.end_block();
            }
            Event::Start(Tag::List(start)) => {
                if !o.at_line_start {
                    o.newline();
                }
                o.lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                o.lists.pop();
                if o.lists.is_empty() {
                    o.end_block();
                }
            }
            Event::Start(Tag::Item) => {
                if !o.at_line_start {
                    o.newline();
                }
                let depth = o.lists.len().saturating_sub(1);
                let bullet = match o.lists.last_mut() {
                    Some(Some(n)) => {
                        let b = format!("{n}. ");
                        *n += 1;
                        b
                    }
                    _ => "• ".to_string(),
                };
                let base = format!("{BODY}{}", "  ".repeat(depth));
                o.text.push_str(&base);
                o.text.push_str(&bullet);
                o.at_line_start = false;
                o.indent = format!("{base}{}", " ".repeat(bullet.chars().count()));
            }
            Event::End(TagEnd::Item) => {
                let depth = o.lists.len().saturating_sub(1);
                o.indent = format!("{BODY}{}", "  ".repeat(depth));
            }
            Event::Start(Tag::BlockQuote(_)) => o.indent.push_str("│ "),
            Event::End(TagEnd::BlockQuote(_)) => {
                let keep = o.indent.len().saturating_sub("│ ".len());
                o.indent.truncate(keep);
            }
            Event::Start(Tag::Link { .. }) => {}
            Event::End(TagEnd::Link) => {}
            Event::Text(t) => {
                let t = if o.in_code_block {
                    t.strip_suffix('\n').unwrap_or(&t).to_string()
                } else {
                    t.to_string()
                };
                o.write(&t);
            }
            Event::Code(t) => {
                o.push_style("36");
                o.write(&t);
                o.pop_style();
            }
            Event::SoftBreak | Event::HardBreak => o.newline(),
            Event::Rule => {
                o.write("────────");
                o.end_block();
            }
            Event::Html(t) | Event::InlineHtml(t) => o.write(&t),
            _ => {}
        }
    }
    let trimmed = o.text.trim_end_matches('\n').len();
    o.text.truncate(trimmed);
    o.text.push('\n');
    o.text
}

/// Render `markdown` as HTML for a page (the rule documentation in the HTML report): every
/// text escaped, a rule's sections (`##`) as `h4` under the page's `h3`, tables as tables,
/// raw HTML in the source shown as text. A line break inside a paragraph joins the lines as Chinese is read:
/// without a space, unless both sides are Latin letters or digits.
pub fn html(markdown: &str) -> String {
    use crate::base::gate::html as escape;
    let mut h = String::new();
    // a soft break waits for the next text, which decides whether it is a space
    let mut pending_break = false;
    let text = |h: &mut String, t: &str, pending: &mut bool| {
        if std::mem::take(pending) {
            let before = h.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
            let after = t.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
            if before && after {
                h.push(' ');
            }
        }
        h.push_str(&escape(t));
    };
    // a table cell of the head row is a header cell
    let mut in_head = false;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => h.push_str("<table>"),
            Event::End(TagEnd::Table) => h.push_str("</table>\n"),
            Event::Start(Tag::TableHead) => {
                in_head = true;
                h.push_str("<tr>");
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                h.push_str("</tr>");
            }
            Event::Start(Tag::TableRow) => h.push_str("<tr>"),
            Event::End(TagEnd::TableRow) => h.push_str("</tr>"),
            Event::Start(Tag::TableCell) => h.push_str(if in_head { "<th>" } else { "<td>" }),
            Event::End(TagEnd::TableCell) => h.push_str(if in_head { "</th>" } else { "</td>" }),
            Event::Start(Tag::Heading { level, .. }) => {
                let _ = write!(h, "<h{}>", heading(level));
            }
            Event::End(TagEnd::Heading(level)) => {
                let _ = writeln!(h, "</h{}>", heading(level));
            }
            Event::Start(Tag::Paragraph) => h.push_str("<p>"),
            Event::End(TagEnd::Paragraph) => h.push_str("</p>\n"),
            Event::Start(Tag::Strong) => h.push_str("<b>"),
            Event::End(TagEnd::Strong) => h.push_str("</b>"),
            Event::Start(Tag::Emphasis) => h.push_str("<i>"),
            Event::End(TagEnd::Emphasis) => h.push_str("</i>"),
            Event::Start(Tag::CodeBlock(_)) => h.push_str("<pre>"),
            Event::End(TagEnd::CodeBlock) => h.push_str("</pre>\n"),
            Event::Start(Tag::List(Some(start))) => {
                let _ = write!(h, "<ol start=\"{start}\">");
            }
            Event::Start(Tag::List(None)) => h.push_str("<ul>"),
            Event::End(TagEnd::List(ordered)) => {
                h.push_str(if ordered { "</ol>\n" } else { "</ul>\n" })
            }
            Event::Start(Tag::Item) => h.push_str("<li>"),
            Event::End(TagEnd::Item) => h.push_str("</li>"),
            Event::Start(Tag::BlockQuote(_)) => h.push_str("<blockquote>"),
            Event::End(TagEnd::BlockQuote(_)) => h.push_str("</blockquote>\n"),
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text(&mut h, &t, &mut pending_break)
            }
            Event::Code(t) => {
                pending_break = false;
                let _ = write!(h, "<code>{}</code>", escape(&t));
            }
            Event::SoftBreak => pending_break = true,
            Event::HardBreak => h.push_str("<br>"),
            Event::Rule => h.push_str("<hr>\n"),
            _ => {}
        }
    }
    h
}

/// The HTML heading level for a Markdown one: a rule's sections (`##`) under the page's `h3`.
fn heading(level: HeadingLevel) -> usize {
    (level as usize + 2).min(6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_text_and_joins_chinese_lines() {
        let out = html(
            "## 检查什么\n汇总表的**安装数量**不等于\n明细表的行数 <script>。\n\n- 一\n- 二\n\nSee\nZB403 `a<b`\n",
        );
        assert_eq!(
            out,
            "<h4>检查什么</h4>\n<p>汇总表的<b>安装数量</b>不等于明细表的行数 &lt;script&gt;。</p>\n\
             <ul><li>一</li><li>二</li></ul>\n<p>See ZB403 <code>a&lt;b</code></p>\n"
        );
        assert_eq!(
            html("| 编号 | 名称 |\n|---|---|\n| RJ03 | **WPS** |\n"),
            "<table><tr><th>编号</th><th>名称</th></tr><tr><td>RJ03</td><td><b>WPS</b></td></tr></table>\n"
        );
    }

    const DOC: &str = "# ZB405 汇总表安装数量不一致\n\n## 检查什么\n汇总表的**安装数量**不等于\n明细表的行数。\n\n## 示例\n```\n安装数量 3\n```\n- 一\n- 二\n";

    #[test]
    fn plain_text_has_no_markdown_marks() {
        let out = render(DOC, false);
        assert_eq!(
            out,
            "ZB405 汇总表安装数量不一致\n\n检查什么\n  汇总表的安装数量不等于\n  明细表的行数。\n\n\
             示例\n      安装数量 3\n\n  • 一\n  • 二\n"
        );
        assert!(!out.contains("**") && !out.contains('#') && !out.contains("```"));
    }

    #[test]
    fn colour_uses_ansi_bold() {
        let out = render(DOC, true);
        assert!(out.contains("\x1b[1m安装数量\x1b[0m"), "{out:?}");
        assert!(out.contains("\x1b[1m检查什么\x1b[0m"), "{out:?}");
        assert!(!out.contains("**"));
    }
}
