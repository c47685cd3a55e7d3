//! A digest of text and bytes that is the same on every machine and in every version: the
//! prints of a unit's ledger go into `check`'s JSON and are compared with next year's
//! round, so neither the hash of the standard library (seeded per process) nor foldhash
//! (whose output may change between versions) will do. FNV-1a over 64 bits: equality of
//! a few hundred thousand rows at most, never a defence against someone crafting clashes.

use std::io::Read;
use std::path::Path;

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// A digest being computed.
#[derive(Debug, Clone, Copy)]
pub struct Digest(u64);

impl Default for Digest {
    fn default() -> Self {
        Digest(OFFSET)
    }
}

impl Digest {
    /// Add bytes.
    pub fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(PRIME);
        }
    }

    /// Add one field of text, ended by a separator no text holds, so that `ab|c` and
    /// `a|bc` differ.
    pub fn field(&mut self, text: &str) {
        self.bytes(text.as_bytes());
        self.bytes(&[0x1f]);
    }

    /// Add a number.
    pub fn number(&mut self, n: u64) {
        self.bytes(&n.to_le_bytes());
    }

    /// The digest.
    pub fn finish(self) -> u64 {
        self.0
    }
}

/// A digest as 16 hexadecimal digits (how JSON carries it: a JSON number loses precision
/// beyond 2^53 in most readers).
pub fn hex(d: u64) -> String {
    format!("{d:016x}")
}

/// A digest read back from [`hex`].
pub fn from_hex(s: &str) -> Option<u64> {
    (s.len() == 16).then(|| u64::from_str_radix(s, 16).ok())?
}

/// The digest of a file's bytes and its length, read a block at a time; `None` when it
/// cannot be read.
pub fn file(path: &Path) -> Option<(u64, u64)> {
    let mut f = std::fs::File::open(path).ok()?;
    let mut d = Digest::default();
    let mut buf = vec![0u8; 64 * 1024];
    let mut len = 0u64;
    loop {
        let n = f.read(&mut buf).ok()?;
        if n == 0 {
            return Some((d.finish(), len));
        }
        len += n as u64;
        d.bytes(&buf[..n]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_is_fixed() {
        // FNV-1a 64 test vectors: the empty input and "a"
        assert_eq!(Digest::default().finish(), 0xcbf2_9ce4_8422_2325);
        let mut d = Digest::default();
        d.bytes(b"a");
        assert_eq!(d.finish(), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn fields_are_delimited() {
        let of = |parts: &[&str]| {
            let mut d = Digest::default();
            parts.iter().for_each(|p| d.field(p));
            d.finish()
        };
        assert_ne!(of(&["ab", "c"]), of(&["a", "bc"]));
        assert_eq!(of(&["ab", "c"]), of(&["ab", "c"]));
    }

    #[test]
    fn hex_round_trips() {
        for d in [0, 1, u64::MAX, 0xaf63_dc4c_8601_ec8c] {
            assert_eq!(from_hex(&hex(d)), Some(d));
        }
        assert_eq!(from_hex("xyz"), None);
    }
}
