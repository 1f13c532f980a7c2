//! Finds the string literals in Rust source that a person could read: the check that every
//! sentence of the window and the command line comes from the `.ftl` files.
//!
//! A literal is for people when it has a space, a capital or a letter outside ASCII, outside
//! `{…}` placeholders. It is not when it is: a message id (`t!("…")`); inside an attribute
//! (`#[arg(…)]`, `#[error(…)]`); inside a log line, an assertion, a panic or an `expect`;
//! an egui id (`Id::new`, `push_id`, `id_salt`); in a `#[cfg(test)]` module (from that
//! line to the end of the file, by the project's convention) or a file of tests
//! (`#![cfg(test)]`, from that line); or on a line marked
//! `// not for people` with the reason.

use std::path::{Path, PathBuf};

/// Calls whose text is not for the person using the app.
const NOT_FOR_PEOPLE: &[&str] = &[
    "t",
    "trace",
    "debug",
    "info",
    "warn",
    "error",
    "event",
    "span",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "panic",
    "unreachable",
    "todo",
    "expect",
    "expect_err",
    "new_id",
    "push_id",
    "id_salt",
    "from_id_salt",
    "env",
    "var",
    "var_os",
    "include_str",
    "include_bytes",
    "concat",
    "matches",
    "key",
    "Id::new",
    "Id::NULL.with",
    "with",
];

pub struct Found {
    pub file: PathBuf,
    pub line: usize,
    pub text: String,
}

/// Every `.rs` file under `dir` (or `dir` itself).
pub fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return out;
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display()));
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The literals of `source` a person could read.
pub fn for_people(file: &Path, source: &str) -> Vec<Found> {
    // A file of tests (`#![cfg(test)]`) is test code from its first line.
    let source = match source.find("#[cfg(test)]").or(source.find("#![cfg(test)]")) {
        Some(at) => &source[..at],
        None => source,
    };
    let bytes: Vec<char> = source.chars().collect();
    let mut found = Vec::new();
    let mut calls: Vec<(String, i32)> = Vec::new();
    let mut depth = 0i32;
    let mut attribute_depth: Option<i32> = None;
    let mut line = 1usize;
    let mut i = 0usize;
    let marked = |l: usize| {
        source
            .lines()
            .nth(l - 1)
            .is_some_and(|t| t.contains("// not for people"))
    };
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            '\n' => line += 1,
            '/' if bytes.get(i + 1) == Some(&'/') => {
                while i < bytes.len() && bytes[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '/' if bytes.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == '*' && bytes[i + 1] == '/') {
                    line += usize::from(bytes[i] == '\n');
                    i += 1;
                }
                i += 2;
                continue;
            }
            '\'' => {
                // A char literal ('x', '\n', '"') or a lifetime ('a).
                if bytes.get(i + 1) == Some(&'\\') {
                    i += 2;
                    while i < bytes.len() && bytes[i] != '\'' {
                        i += 1;
                    }
                } else if bytes.get(i + 2) == Some(&'\'') {
                    i += 2;
                }
            }
            '#' if (bytes.get(i + 1) == Some(&'[') || bytes.get(i + 1) == Some(&'!'))
                && attribute_depth.is_none() =>
            {
                attribute_depth = Some(depth);
            }
            '(' | '[' | '{' => {
                depth += 1;
                if c == '(' {
                    calls.push((callee(&bytes, i), depth));
                }
            }
            ')' | ']' | '}' => {
                if c == ')' && calls.last().is_some_and(|(_, d)| *d == depth) {
                    calls.pop();
                }
                depth -= 1;
                if c == ']' && attribute_depth == Some(depth) {
                    attribute_depth = None;
                }
            }
            '"' | 'r' | 'b' => {
                if let Some((text, end, lines)) = literal(&bytes, i) {
                    let exempt = attribute_depth.is_some()
                        || calls
                            .iter()
                            .any(|(name, _)| NOT_FOR_PEOPLE.contains(&name.as_str()))
                        || marked(line);
                    if !exempt && readable(&text) {
                        found.push(Found {
                            file: file.to_path_buf(),
                            line,
                            text,
                        });
                    }
                    line += lines;
                    i = end;
                    continue;
                } else if c != '"' {
                    // An identifier starting with r or b: skip it whole.
                    while i < bytes.len() && (bytes[i].is_alphanumeric() || bytes[i] == '_') {
                        i += 1;
                    }
                    continue;
                }
            }
            c if c.is_alphanumeric() || c == '_' => {
                while i < bytes.len() && (bytes[i].is_alphanumeric() || bytes[i] == '_') {
                    i += 1;
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// The name called just before an opening parenthesis: `label`, `t` for `t!`, `Id::new`.
fn callee(bytes: &[char], open: usize) -> String {
    let mut end = open;
    if end > 0 && bytes[end - 1] == '!' {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && (bytes[start - 1].is_alphanumeric() || bytes[start - 1] == '_') {
        start -= 1;
    }
    let name: String = bytes[start..end].iter().collect();
    if start >= 2 && bytes[start - 1] == ':' && bytes[start - 2] == ':' {
        let mut s = start - 2;
        while s > 0 && (bytes[s - 1].is_alphanumeric() || bytes[s - 1] == '_') {
            s -= 1;
        }
        let path: String = bytes[s..start - 2].iter().collect();
        if path == "Id" {
            return format!("Id::{name}");
        }
    }
    name
}

/// A string literal starting at `start` ("…", r"…", r#"…"#, b"…"): its text, the index
/// after it and the lines it spans. `None` when `start` begins no literal.
fn literal(bytes: &[char], start: usize) -> Option<(String, usize, usize)> {
    let mut i = start;
    if bytes[i] == 'b' {
        i += 1;
    }
    let raw = bytes.get(i) == Some(&'r');
    if raw {
        i += 1;
    }
    let mut hashes = 0;
    while raw && bytes.get(i) == Some(&'#') {
        hashes += 1;
        i += 1;
    }
    if bytes.get(i) != Some(&'"')
        || (start > 0 && is_ident(bytes[start - 1]) && bytes[start] != '"')
    {
        return None;
    }
    i += 1;
    let mut text = String::new();
    let mut lines = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if !raw && c == '\\' {
            text.push(' ');
            if bytes.get(i + 1) == Some(&'\n') {
                lines += 1;
            }
            i += 2;
            continue;
        }
        if c == '"' && (0..hashes).all(|h| bytes.get(i + 1 + h) == Some(&'#')) {
            return Some((text, i + 1 + hashes, lines));
        }
        lines += usize::from(c == '\n');
        text.push(c);
        i += 1;
    }
    None
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Has a space, a capital or a letter outside ASCII outside `{…}` placeholders.
fn readable(text: &str) -> bool {
    let mut outside = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let letters = outside.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && (outside.trim().contains(' ')
            || outside
                .chars()
                .any(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_ascii())))
}
