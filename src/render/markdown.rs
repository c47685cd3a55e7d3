//! Markdown (the rule documentation) drawn for a terminal: headings and bold text in ANSI
//! bold when colour is wanted, plain text otherwise — never the raw `**` and `#` marks.
//! Paragraphs keep the author's line breaks and are indented under their heading; code
//! blocks are indented further; nothing is re-wrapped.

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

#[cfg(test)]
mod tests {
    use super::*;

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
