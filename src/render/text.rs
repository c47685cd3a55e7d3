//! A compact plain-text form of diagnostics: one block per diagnostic, stable across
//! terminals. Used for snapshot tests and `--format text`.

use crate::rules::{Diagnostic, Target};

fn place(t: &Target) -> String {
    match t {
        Target::Cell(c) => format!("{}!{}", c.sheet, c.a1()),
        Target::Sheet { sheet, .. } => format!("{sheet}!"),
        Target::File(f) => format!("{f}"),
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
            d.message
        ));
        out.push_str(&format!("  help: {}\n", d.help));
        for r in &d.related {
            out.push_str(&format!("  related {}: {}\n", place(&r.target), r.message));
        }
    }
    out
}
