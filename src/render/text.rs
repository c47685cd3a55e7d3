//! A compact plain-text form of diagnostics: one block per diagnostic, stable across
//! terminals. Used for snapshot tests and `--format text`.

use crate::render::escape::line;
use crate::rules::{Diagnostic, Target};

/// Where a diagnostic is; sheet and file names come from the input, so they are escaped
/// (render/escape.rs), like the messages that quote cells.
fn place(t: &Target) -> String {
    match t {
        Target::Cell(c) => format!("{}!{}", line(&c.sheet), c.a1()),
        Target::Sheet { sheet, .. } => format!("{}!", line(sheet)),
        Target::File(f) => line(f).into_owned(),
        Target::Unit => "（单位）".into(),
    }
}

/// Render diagnostics without file names (they differ between runs in temp dirs).
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&format!(
            "{} {} {}: {}\n",
            d.code,
            d.severity.key(),
            place(&d.target),
            line(&d.message)
        ));
        out.push_str(&format!("  help: {}\n", line(&d.help)));
        for r in &d.related {
            out.push_str(&format!(
                "  related {}: {}\n",
                place(&r.target),
                line(&r.message)
            ));
        }
    }
    out
}
