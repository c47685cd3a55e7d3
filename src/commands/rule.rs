//! `zhengban rule [CODE]`: list the rules, or print one rule's documentation.

use crate::cli::RuleArgs;
use crate::output::print_stdout;
use crate::rules::{rule, RULES};
use crate::{RunError, Status};

/// List or explain.
pub fn run(args: &RuleArgs) -> Result<Status, RunError> {
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
            let r = rule(code).ok_or_else(|| {
                RunError::Usage(format!("没有规则 {code}（用 zhengban rule 查看全部规则）"))
            })?;
            format!(
                "# {} {}（{}，默认{}）\n\n{}\n",
                r.code,
                r.summary,
                r.name,
                r.severity.label(),
                r.doc
                    .lines()
                    .map(|l| l.strip_prefix(' ').unwrap_or(l))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        }
    };
    print_stdout(text.as_bytes())?;
    Ok(Status::Clean)
}
