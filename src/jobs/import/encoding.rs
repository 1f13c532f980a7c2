//! A text file's character set: its byte order mark when it has one (UTF-8, UTF-16 LE or BE,
//! as Excel's "Unicode Text" is), UTF-8 when every byte is valid UTF-8, otherwise chardetng's
//! guess (Windows-1252 for a CSV Excel saved on a Western Windows); or the one the recruiter
//! chose after seeing the preview.

use std::borrow::Cow;

use encoding_rs::Encoding;

use super::table::ImportError;

/// The character sets offered when the guess was wrong, in the order a menu lists them.
/// ISO-8859-1 is read as Windows-1252, as browsers do: the same letters, and more.
pub const OFFERED: [&str; 7] = [
    "UTF-8",        // not for people: a character set's name
    "windows-1252", // not for people: a character set's name
    "ISO-8859-15",  // not for people: a character set's name
    "UTF-16LE",     // not for people: a character set's name
    "UTF-16BE",     // not for people: a character set's name
    "windows-1250",
    "macintosh",
];

/// How the character set was settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// The file starts with a byte order mark.
    Marked,
    /// Every byte is valid UTF-8.
    ValidUtf8,
    /// Guessed from the letters the bytes would make.
    Guessed,
    /// The recruiter chose it.
    Chosen,
}

/// A file's text and the character set it was read in.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
    pub found: Found,
}

/// The character set a name stands for (any label the WHATWG Encoding Standard knows:
/// `utf-8`, `latin1`, `cp1252`, `utf-16le`, …).
pub fn named(name: &str) -> Option<&'static Encoding> {
    Encoding::for_label(name.trim().as_bytes())
}

/// The name a recruiter reads for a character set: "Windows-1252", "UTF-16 (little-endian)".
pub fn label(encoding: &'static Encoding) -> &'static str {
    match encoding.name() {
        "UTF-8" => "UTF-8",                     // not for people: a character set's name
        "UTF-16LE" => "UTF-16 (little-endian)", // not for people: a character set's name
        "UTF-16BE" => "UTF-16 (big-endian)",    // not for people: a character set's name
        "windows-1252" => "Windows-1252",       // not for people: a character set's name
        "windows-1250" => "Windows-1250",       // not for people: a character set's name
        "macintosh" => "Mac Roman",             // not for people: a character set's name
        other => other,
    }
}

/// Reads `bytes` as text in `chosen`, or in the character set they show. Text with NUL
/// characters in it is not a CSV (a binary file, or UTF-16 without its mark).
pub fn decode<'a>(
    bytes: &'a [u8],
    chosen: Option<&'static Encoding>,
) -> Result<Decoded<'a>, ImportError> {
    let (encoding, found) = match (chosen, Encoding::for_bom(bytes)) {
        (Some(encoding), _) => (encoding, Found::Chosen),
        (None, Some((encoding, _))) => (encoding, Found::Marked),
        (None, None) if std::str::from_utf8(bytes).is_ok() => {
            (encoding_rs::UTF_8, Found::ValidUtf8)
        }
        (None, None) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
            (guess, Found::Guessed)
        }
    };
    // The mark of the chosen set is dropped; a mark of another set is read as text, as asked.
    let (text, _had_errors) = encoding.decode_with_bom_removal(bytes);
    let text = match text {
        Cow::Borrowed(t) => Cow::Borrowed(t.trim_start_matches('\u{feff}')),
        Cow::Owned(t) => Cow::Owned(t.trim_start_matches('\u{feff}').to_owned()),
    };
    if text.contains('\0') {
        return Err(ImportError::NotText);
    }
    Ok(Decoded {
        text,
        encoding,
        found,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    #[test]
    fn marks_utf8_and_guesses() {
        let names =
            "email;first name\njose@example.com;José\nm@example.com;Müller\nz@example.com;Zoë\n";
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), names.as_bytes()].concat();
        let read = decode(&with_bom, None).unwrap();
        assert_eq!(
            (read.encoding, read.found),
            (encoding_rs::UTF_8, Found::Marked)
        );
        assert_eq!(read.text, names, "the mark is not part of the text");

        let read = decode(names.as_bytes(), None).unwrap();
        assert_eq!(
            (read.encoding, read.found),
            (encoding_rs::UTF_8, Found::ValidUtf8)
        );

        for big_endian in [false, true] {
            let bytes = utf16(names, big_endian);
            let read = decode(&bytes, None).unwrap();
            assert_eq!(read.found, Found::Marked);
            assert_eq!(read.text, names);
        }

        let (western, _, _) = encoding_rs::WINDOWS_1252.encode(names);
        assert_eq!(
            western.iter().filter(|b| **b == 0xE9).count(),
            1,
            "é is one byte"
        );
        let read = decode(&western, None).unwrap();
        assert_eq!(
            (read.encoding, read.found),
            (encoding_rs::WINDOWS_1252, Found::Guessed)
        );
        assert_eq!(read.text, names);
    }

    #[test]
    fn a_chosen_set_wins_and_names_are_known() {
        let (latin9, _, _) = encoding_rs::ISO_8859_15.encode("email\nzoë.€@example.com\n");
        let read = decode(&latin9, named("iso-8859-15")).unwrap();
        assert_eq!(read.found, Found::Chosen);
        assert_eq!(read.text, "email\nzoë.€@example.com\n");
        assert_eq!(named("latin1"), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(named(" UTF-16 "), Some(encoding_rs::UTF_16LE));
        assert_eq!(named("klingon"), None);
        for name in OFFERED {
            assert!(named(name).is_some(), "{name}");
        }
        assert_eq!(label(encoding_rs::WINDOWS_1252), "Windows-1252");
    }

    #[test]
    fn binary_is_not_text() {
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0", None),
            Err(ImportError::NotText)
        ));
    }
}
