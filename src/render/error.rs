//! The message a user sees when the tool cannot do its job (exit 2): one Chinese line, or,
//! for a fault in the configuration file, miette's drawing of the offending line.

use miette::{GraphicalReportHandler, GraphicalTheme};

use crate::base::gate;
use crate::config::ConfigError;

/// The text for standard error: `err`'s message, or miette's drawing of `config` when the
/// error is a fault in the configuration file (the binary says which, so this module does not
/// know the binary's error type).
pub fn run_error(err: &dyn std::fmt::Display, config: Option<&ConfigError>, color: bool) -> String {
    if let Some(ConfigError::Invalid(c)) = config {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let mut out = String::new();
        let drawn = GraphicalReportHandler::new_themed(theme)
            .with_links(false)
            .render_report(&mut out, &**c);
        if drawn.is_ok() {
            if !c.help.is_empty() {
                out.push_str(&format!("  修改：{}\n", gate::terminal_lines(&c.help)));
            }
            return out;
        }
    }
    // Paths and values in the message come from the user's files.
    format!("zhengban：{}\n", gate::terminal_lines(&err.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn a_config_fault_shows_its_line() {
        let err = Config::parse("select = [\"ZB1\"]\nseverty = {}\n", "zhengban.toml").unwrap_err();
        let text = run_error(&err, Some(&err), false);
        assert!(text.contains("未知的键 severty"), "{text}");
        assert!(text.contains("severty = {}"), "the line is shown: {text}");
        assert!(text.contains("zhengban.toml"), "{text}");
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("\n  修改："), "{text}");
        assert!(!text.contains("help"), "no English label: {text}");
    }
}
