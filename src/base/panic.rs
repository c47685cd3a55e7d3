//! Panics inside the program. Each is caught where one file, unit, rule or output is at
//! stake, and the code that catches it says in Chinese what could not be done; Rust's own
//! "thread '…' panicked at …" lines, in English and in the middle of a report, are not for a
//! clerk. The hook installed by [`quiet`] prints nothing and remembers where the panic
//! happened, so the Chinese message can name the place for the maintainer.

use std::any::Any;
use std::cell::RefCell;

thread_local! {
    /// Where the last panic on this thread happened (`src/x.rs:12`). A panic is caught on
    /// the thread it happened on, so the catcher finds it here.
    static PLACE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Install the quiet hook (the binary does, once, at start). With `RUST_BACKTRACE` set — a
/// developer asking for the details — Rust's own message and backtrace are printed too.
pub fn quiet() {
    let default = std::panic::take_hook();
    let verbose = std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0");
    std::panic::set_hook(Box::new(move |info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", short_file(l.file()), l.line()));
        // A panic inside a panic (a destructor) must not panic again here.
        let _ = PLACE.try_with(|p| {
            if let Ok(mut p) = p.try_borrow_mut() {
                *p = place;
            }
        });
        if verbose {
            default(info);
        }
    }));
}

/// A source file as the maintainer needs it: ours are relative already (`src/edit/mod.rs`);
/// a dependency's is cut to its crate and path (`umya-spreadsheet-3.1.1/src/…`), not the
/// builder's home directory.
fn short_file(file: &str) -> &str {
    let Some(src) = file.rfind("/src/").or_else(|| file.rfind("\\src\\")) else {
        return file;
    };
    match file[..src].rfind(['/', '\\']) {
        Some(start) => &file[start + 1..],
        None => file,
    }
}

/// What a caught panic said, and where when the hook saw it: the detail in brackets of a
/// Chinese message.
pub fn text(panic: &(dyn Any + Send)) -> String {
    let said = if let Some(s) = panic.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "未知错误".into()
    };
    let place = PLACE
        .try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.take()))
        .ok()
        .flatten();
    match place {
        Some(place) => format!("{said}，位于 {place}"),
        None => said,
    }
}

/// Run `f`; a panic inside becomes the text of [`text`]. For one output of one unit (its
/// annotated copy, its page, derive's copy): a panic costs that output, with a Chinese
/// message, and never the rest of the batch.
pub fn caught<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|p| text(&*p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_in_dependencies_are_cut_to_the_crate() {
        assert_eq!(
            short_file("/root/.cargo/registry/src/index.crates.io-1949/umya-spreadsheet-3.1.1/src/helper/coordinate.rs"),
            "umya-spreadsheet-3.1.1/src/helper/coordinate.rs"
        );
        assert_eq!(short_file("src/edit/marked.rs"), "src/edit/marked.rs");
    }

    #[test]
    fn the_text_of_a_panic_is_what_it_said() {
        let caught = std::panic::catch_unwind(|| panic!("planted {}", 1)).unwrap_err();
        assert!(
            text(&*caught).starts_with("planted 1"),
            "{}",
            text(&*caught)
        );
        let caught = std::panic::catch_unwind(|| std::panic::panic_any(7u8)).unwrap_err();
        assert!(text(&*caught).starts_with("未知错误"));
    }
}
