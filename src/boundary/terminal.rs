//! Text for people to read, in a terminal, a log line or the window: control characters (C0,
//! DEL, C1 — an ESC starts a terminal command) and the Unicode marks that reorder text
//! around them (bidi embeddings, overrides and isolates) are shown as visible escapes such
//! as `\u{1b}`, so a name can neither drive the terminal nor reorder the text beside it.

use std::borrow::Cow;
use std::fmt;

/// Whether `c` must be shown as an escape rather than as itself.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// The text with every control and bidi mark escaped (line breaks and tabs too: one field
/// stays on one line).
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push(&mut out, c);
    }
    Cow::Owned(out)
}

/// The same, keeping line breaks: for a block of text made of lines (a log record).
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && hidden(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c == '\n' {
            out.push(c);
        } else {
            push(&mut out, c);
        }
    }
    Cow::Owned(out)
}

fn push(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c if hidden(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        c => out.push(c),
    }
}

/// JSON for a terminal: the same JSON value, with every control or bidi mark that JSON lets
/// stand raw inside a string (C1 controls, bidi marks) written as a `\uXXXX` escape. Outside
/// strings JSON has only ASCII punctuation, so this changes no value.
pub fn json(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && hidden(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c != '\n' && hidden(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Shows a value through [`visible`] wherever it is formatted.
pub struct Visible<'a>(pub &'a str);

impl fmt::Display for Visible<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&visible(self.0))
    }
}

/// A writer for log lines that shows any control or bidi mark they hold as an escape (a
/// server's text logged with `-v` cannot drive the terminal).
pub struct Neutral<W>(pub W);

impl<W: std::io::Write> std::io::Write for Neutral<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(visible_lines(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_bidi_marks() {
        assert_eq!(visible("Ada Lovelace"), "Ada Lovelace");
        assert_eq!(visible("Zoë Müller — 李"), "Zoë Müller — 李");
        assert_eq!(visible("\x1b]0;owned\x07"), "\\u{1b}]0;owned\\u{7}");
        assert_eq!(visible("\x1b[2J"), "\\u{1b}[2J");
        assert_eq!(visible("a\u{9b}b"), "a\\u{9b}b");
        assert_eq!(visible("x\u{7f}"), "x\\u{7f}");
        for bidi in [
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}',
        ] {
            let text = format!("abc{bidi}def");
            let shown = visible(&text);
            assert!(!shown.contains(bidi), "{bidi:?}");
            assert!(shown.contains("\\u{20"), "{shown}");
        }
        assert_eq!(visible("one\ntwo\tthree\r"), "one\\ntwo\\tthree\\r");
        assert_eq!(visible_lines("one\ntwo\x1b"), "one\ntwo\\u{1b}");
    }

    #[test]
    fn json_keeps_its_value_and_loses_its_marks() {
        let raw = "{\"name\":\"Eve\u{202e}gnp\u{9b}\"}\n";
        let safe = json(raw);
        assert!(
            !safe.contains('\u{202e}') && !safe.contains('\u{9b}'),
            "{safe}"
        );
        let a: serde_json::Value = serde_json::from_str(raw).unwrap();
        let b: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn the_log_writer_neutralises_what_it_is_given() {
        use std::io::Write as _;
        let mut out = Neutral(Vec::new());
        out.write_all(b"detail: \x1b[31mred\x1b[0m\n").unwrap();
        assert_eq!(
            String::from_utf8(out.0).unwrap(),
            "detail: \\u{1b}[31mred\\u{1b}[0m\n"
        );
    }
}
