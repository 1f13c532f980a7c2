//! The API key out of anything a server wrote. A server (or a proxy) can echo the query
//! string back, and with it the key: as sent, percent-encoded in upper or lower case hex
//! (`%2B`, `%2b`), form-encoded (`+` for a space), JSON-escaped (`\/`, `\u0041`), or any mix
//! of these. Every such spelling of the key becomes `[redacted]` before the text is shown,
//! logged or stored.

use std::borrow::Cow;

use secrecy::{ExposeSecret, SecretString};

pub const REDACTED: &str = "[redacted]";

/// Redacts one key. Holds the key as a secret (masked in `Debug`, zeroized on drop).
#[derive(Clone, Debug)]
pub struct Redactor {
    key: SecretString,
}

impl Redactor {
    pub fn new(key: &SecretString) -> Redactor {
        Redactor { key: key.clone() }
    }

    /// `text` with every spelling of the key replaced.
    pub fn text<'a>(&self, text: &'a str) -> Cow<'a, str> {
        match self.bytes(text.as_bytes()) {
            // A spelling starts and ends on ASCII bytes (`%XX`, `\uXXXX`, or the key's own
            // bytes, a UTF-8 sequence whole), so what is left around it is still UTF-8.
            Some(out) => Cow::Owned(String::from_utf8_lossy(&out).into_owned()),
            None => Cow::Borrowed(text),
        }
    }

    /// The same for bytes that may not be UTF-8 (a body before it is decoded); `None` when
    /// there was nothing to redact.
    pub fn bytes(&self, bytes: &[u8]) -> Option<Vec<u8>> {
        let key = self.key.expose_secret().as_bytes();
        let first = *key.first()?;
        let mut out: Option<Vec<u8>> = None;
        let mut copied = 0;
        while let Some((start, end)) = next_spelling(bytes, copied, key, first) {
            let out = out.get_or_insert_with(|| Vec::with_capacity(bytes.len()));
            out.extend_from_slice(&bytes[copied..start]);
            out.extend_from_slice(REDACTED.as_bytes());
            copied = end;
        }
        let mut out = out?;
        out.extend_from_slice(&bytes[copied..]);
        Some(out)
    }
}

/// The next spelling of `key` at or after `from`, as (start, end). One can only start where
/// the key's first byte is written as itself or as an escape (`%`, `\`, or `+` for a
/// space), so only those places are tried: an answer of a few kilobytes is looked through
/// at memchr's speed instead of being compared at every byte.
fn next_spelling(text: &[u8], from: usize, key: &[u8], first: u8) -> Option<(usize, usize)> {
    let mut at = from;
    loop {
        let rest = text.get(at..)?;
        let i = if first == b' ' {
            rest.iter()
                .position(|&b| matches!(b, b' ' | b'+' | b'%' | b'\\'))?
        } else {
            memchr::memchr3(first, b'%', b'\\', rest)?
        };
        let start = at + i;
        if let Some(end) = spelled_at(text, start, key) {
            return Some((start, end));
        }
        at = start + 1;
    }
}

/// Where a spelling of `key` that starts at `at` ends, if one does.
fn spelled_at(text: &[u8], at: usize, key: &[u8]) -> Option<usize> {
    let mut i = at;
    for &k in key {
        i = one_byte_at(text, i, k)?;
    }
    Some(i)
}

/// Where a spelling of the byte `k` at `i` ends: itself, `%XX`, `+` for a space, `\/`, or
/// `\u00XX` (any case of hex).
fn one_byte_at(text: &[u8], i: usize, k: u8) -> Option<usize> {
    let b = *text.get(i)?;
    if b == k {
        return Some(i + 1);
    }
    let hex = |at: usize, n: usize| -> Option<u32> {
        let digits = text.get(at..at + n)?;
        let s = std::str::from_utf8(digits).ok()?;
        u32::from_str_radix(s, 16).ok()
    };
    match b {
        b'%' if hex(i + 1, 2) == Some(u32::from(k)) => Some(i + 3),
        b'+' if k == b' ' => Some(i + 1),
        b'\\' => match text.get(i + 1) {
            Some(b'/') if k == b'/' => Some(i + 2),
            Some(b'u') if k.is_ascii() && hex(i + 2, 4) == Some(u32::from(k)) => Some(i + 6),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redactor(key: &str) -> Redactor {
        Redactor::new(&SecretString::from(key.to_owned()))
    }

    #[test]
    fn every_spelling_of_the_key_is_redacted() {
        let key = "k3y+with/slash=and&amp ok";
        let r = redactor(key);
        for echoed in [
            key.to_owned(),
            "k3y%2Bwith%2Fslash%3Dand%26amp%20ok".to_owned(),
            "k3y%2bwith%2fslash%3dand%26amp%20ok".to_owned(),
            "k3y%2Bwith%2Fslash%3Dand%26amp+ok".to_owned(),
            "k3y+with\\/slash=and&amp ok".to_owned(),
            "\\u006b3y%2bwith/slash\\u003Dand&amp+ok".to_owned(),
            "%6B%33%79%2B%77%69%74%68%2F%73%6C%61%73%68%3D%61%6E%64%26%61%6D%70%20%6F%6B"
                .to_owned(),
        ] {
            let text = format!("Invalid api_key={echoed} (see log)");
            let out = r.text(&text);
            assert_eq!(out, "Invalid api_key=[redacted] (see log)", "{echoed}");
            let bytes = r.bytes(text.as_bytes()).unwrap();
            assert_eq!(bytes, out.as_bytes());
        }
        assert_eq!(r.text("nothing here"), "nothing here");
        assert!(r.bytes(b"100% fine").is_none());
        assert_eq!(
            r.text("twice: k3y+with/slash=and&amp ok and k3y+with/slash=and&amp ok"),
            "twice: [redacted] and [redacted]"
        );
    }

    #[test]
    fn text_around_the_key_keeps_its_characters() {
        let r = redactor("abc");
        assert_eq!(r.text("Zoë abc Müller"), "Zoë [redacted] Müller");
        assert_eq!(r.text("ab"), "ab");
        assert_eq!(
            r.bytes(&[0xff, b'a', b'b', b'c', 0xfe]).unwrap(),
            b"\xff[redacted]\xfe"
        );
    }
}
