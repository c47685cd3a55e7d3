//! File names as a clerk sees them. A path is kept as the OS gave it (`Path`, `OsStr`) for
//! every file operation and is turned into text only to be shown: a workbook whose name is
//! GBK bytes (a Windows zip unpacked on UOS or Kylin) must still be opened, and its copy
//! named from the same bytes, while every message, JSON field and page names it readably.

use std::ffi::{OsStr, OsString};
use std::path::Path;

/// `path` as text: as it is where it is Unicode; a part of it (a folder's or the file's
/// name) that is not — GBK bytes from a Windows zip unpacked on Linux — with its bytes
/// written `\xCC` (`\xCC\xA8\xD5\xCB.xlsx` for 台账.xlsx in GBK), so that nothing is silently
/// replaced by "�" and two such names never look the same. In such a part only ASCII and
/// Chinese characters decoded whole are kept as they are (so `台账.补填.xlsx` made from a GBK
/// `台账` reads `\xCC\xA8\xD5\xCB.补填.xlsx`); any other character there is a fragment of the
/// legacy bytes that happens to decode (`\xCC\xA8` is a combining mark in UTF-8) and would
/// mislead, so its bytes are escaped too. On Windows, an unpaired surrogate is written
/// `\u{D800}`. The escapes are plain characters: in JSON the name is the string
/// `"\\xCC\\xA8…"`.
pub fn shown(path: &Path) -> String {
    shown_os(path.as_os_str())
}

/// [`shown`] for a name or any OS string.
pub fn shown_os(s: &OsStr) -> String {
    if let Some(text) = s.to_str() {
        return text.to_string();
    }
    escaped(s)
}

#[cfg(unix)]
fn escaped(s: &OsStr) -> String {
    use std::fmt::Write;
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for (i, part) in s.as_bytes().split(|&b| b == b'/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        if let Ok(text) = std::str::from_utf8(part) {
            out.push_str(text);
            continue;
        }
        for chunk in part.utf8_chunks() {
            for c in chunk.valid().chars() {
                if (c.is_ascii() && !c.is_ascii_control()) || chinese(c) {
                    out.push(c);
                } else {
                    let mut buf = [0u8; 4];
                    for b in c.encode_utf8(&mut buf).bytes() {
                        let _ = write!(out, "\\x{b:02X}");
                    }
                }
            }
            for b in chunk.invalid() {
                let _ = write!(out, "\\x{b:02X}");
            }
        }
    }
    out
}

/// Chinese characters and punctuation (CJK symbols, ideographs, full-width forms): what
/// zhengban itself adds to a name (`.诊断`, `.补填`), and what a clerk's names are made of.
#[cfg(unix)]
fn chinese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

#[cfg(windows)]
fn escaped(s: &OsStr) -> String {
    use std::fmt::Write;
    use std::os::windows::ffi::OsStrExt;
    let mut out = String::new();
    for c in char::decode_utf16(s.encode_wide()) {
        match c {
            Ok(c) => out.push(c),
            Err(e) => {
                let _ = write!(out, "\\u{{{:04X}}}", e.unpaired_surrogate());
            }
        }
    }
    out
}

#[cfg(not(any(unix, windows)))]
fn escaped(s: &OsStr) -> String {
    s.to_string_lossy().into_owned()
}

/// `stem` followed by `tail`, as an OS string: an output's name made from an input's
/// (`台账` + `.诊断.xlsx`) keeps the input's bytes, whatever they are.
pub fn joined(stem: &OsStr, tail: &str) -> OsString {
    let mut name = stem.to_os_string();
    name.push(tail);
    name
}

/// The length of a file name in the unit file systems count: bytes on unix (ext4, XFS,
/// Btrfs: 255), UTF-16 code units on Windows (NTFS: 255).
pub fn name_length(name: &OsStr) -> usize {
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStrExt;
        name.encode_wide().count()
    }
    #[cfg(not(windows))]
    {
        name.len()
    }
}

/// The longest file name the common file systems allow (ext4, XFS, Btrfs, NTFS, FAT's long
/// names): what a name is measured against when the OS refuses it.
pub const NAME_MAX: usize = 255;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_names_are_shown_as_they_are() {
        assert_eq!(shown(Path::new("报送材料/台账.xlsx")), "报送材料/台账.xlsx");
    }

    #[cfg(unix)]
    #[test]
    fn bytes_that_are_no_unicode_are_escaped_visibly() {
        use std::os::unix::ffi::OsStrExt;
        // 台账 in GBK.
        let name = OsStr::from_bytes(b"\xcc\xa8\xd5\xcb.xlsx");
        assert_eq!(shown_os(name), "\\xCC\\xA8\\xD5\\xCB.xlsx");
        // A folder in UTF-8 around a file in GBK: only the GBK name is escaped, whole.
        let mixed = OsStr::from_bytes(b"\xe5\x8d\x95\xe4\xbd\x8d/\xcc\xa8\xd5\xcb.xlsx");
        assert_eq!(shown_os(mixed), "单位/\\xCC\\xA8\\xD5\\xCB.xlsx");
        // A name made from a GBK stem: what zhengban added reads as written.
        let made = OsStr::from_bytes(b"\xcc\xa8\xd5\xcb.\xe8\xa1\xa5\xe5\xa1\xab.xlsx");
        assert_eq!(shown_os(made), "\\xCC\\xA8\\xD5\\xCB.补填.xlsx");
    }

    #[cfg(unix)]
    #[test]
    fn names_made_from_an_input_keep_its_bytes() {
        use std::os::unix::ffi::OsStrExt;
        let stem = OsStr::from_bytes(b"\xcc\xa8\xd5\xcb");
        assert_eq!(
            joined(stem, ".诊断.xlsx").as_bytes(),
            b"\xcc\xa8\xd5\xcb.\xe8\xaf\x8a\xe6\x96\xad.xlsx"
        );
    }

    #[test]
    fn names_are_measured_as_the_file_system_does() {
        let name = "台".repeat(78);
        #[cfg(not(windows))]
        assert_eq!(name_length(OsStr::new(&name)), 234);
        #[cfg(windows)]
        assert_eq!(name_length(OsStr::new(&name)), 78);
    }
}
