//! `zhengban rule [CODE]`: list the rules, or print one rule's documentation, drawn for a
//! terminal (bold headings in colour, plain text otherwise) with the regulations it cites.

use std::io::IsTerminal;

use crate::cli::RuleArgs;
use crate::output::print_stdout;
use crate::render::{citations, markdown};
use crate::rules::{rule, RULES};
use crate::{RunError, Status};

/// List or explain.
pub fn run(args: &RuleArgs) -> Result<Status, RunError> {
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let text = match &args.code {
        None => {
            let mut s = String::new();
            for r in RULES {
                s.push_str(&format!(
                    "{}  {:<4}  {}\n",
                    r.code,
                    r.severity.label(),
                    r.summary
                ));
            }
            s
        }
        Some(code) => {
            let r = rule(code.trim()).ok_or_else(|| {
                RunError::Usage(format!("没有规则 {code}（用 zhengban rule 查看全部规则）"))
            })?;
            explain(r, color)
        }
    };
    print_stdout(text.as_bytes())?;
    Ok(Status::Clean)
}

/// One rule's documentation for a terminal.
pub fn explain(r: &crate::rules::Rule, color: bool) -> String {
    let doc = r
        .doc
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    let source = format!(
        "# {} {}（默认{}）\n\n{doc}\n",
        r.code,
        r.summary,
        r.severity.label(),
    );
    let mut out = markdown::render(&source, color);
    if let Some(legend) = citations::legend([r.doc]) {
        out.push('\n');
        out.push_str(&legend);
        out.push('\n');
    }
    out
}
