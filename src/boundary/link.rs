//! Links from the server: the `cv` and `audio_introduction` values are paths on the vendor's
//! site. A link is built only from a path that stays a path (no scheme, no `//`, no user
//! name, no backslash, no `..` above the root, no control character, once percent-decoded),
//! on the profile's own site (https, or the sandbox's http on this computer). Anything else
//! is withheld: shown as text, never opened.

use url::Url;

/// Why a value from the server was not made a link.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Withheld {
    NotAPath,
    OffSite,
    NoSite,
}

/// Why, as a clause of the sentence that shows the value as text.
impl std::fmt::Display for Withheld {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            Withheld::NotAPath => crate::t!("errors-link-not-a-path"),
            Withheld::OffSite => crate::t!("errors-link-off-site"),
            Withheld::NoSite => crate::t!("errors-link-no-site"),
        })
    }
}

/// The link for `path` on `site` (scheme, host and port, as `api::site` gives it).
pub fn file_url(site: &str, path: &str) -> Result<Url, Withheld> {
    let base = Url::parse(site).map_err(|_| Withheld::NoSite)?;
    let secure = match base.scheme() {
        "https" => true,
        "http" => is_loopback(&base),
        _ => false,
    };
    if !secure || base.host_str().is_none() {
        return Err(Withheld::NoSite);
    }
    check_path(path)?;
    let url = base.join(path).map_err(|_| Withheld::NotAPath)?;
    let same_site = url.scheme() == base.scheme()
        && url.host_str() == base.host_str()
        && url.port_or_known_default() == base.port_or_known_default()
        && url.username().is_empty()
        && url.password().is_none();
    if same_site {
        Ok(url)
    } else {
        Err(Withheld::OffSite)
    }
}

/// An absolute path and nothing else, whatever its escapes decode to.
fn check_path(path: &str) -> Result<(), Withheld> {
    let decoded: String = percent_decode(path);
    let bad = |s: &str| {
        !s.starts_with('/')
            || s.starts_with("//")
            || s.contains('\\')
            || s.chars().any(char::is_control)
    };
    if bad(path) || bad(&decoded) {
        return Err(Withheld::NotAPath);
    }
    // What comes before the first `/`, `?` or `#` of the rest must not read as a scheme or an
    // authority once decoded (`/%2F%2Fevil.example`, `/x:@evil`).
    let route = decoded.split(['?', '#']).next().unwrap_or_default();
    let mut depth: i64 = 0;
    for segment in route.split('/').skip(1) {
        match segment {
            ".." => depth -= 1,
            "." | "" => {}
            _ => depth += 1,
        }
        if depth < 0 {
            return Err(Withheld::NotAPath);
        }
    }
    if route.contains('@')
        && route
            .split('/')
            .nth(1)
            .is_some_and(|first| first.contains(':'))
    {
        return Err(Withheld::NotAPath);
    }
    Ok(())
}

/// `%XX` escapes decoded, as a browser would before following the link (invalid escapes
/// stay as they are).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (bytes.get(i + 1), bytes.get(i + 2))
            && let (Some(h), Some(l)) = ((*h as char).to_digit(16), (*l as char).to_digit(16))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "https://www.rickrut.com";

    #[test]
    fn paths_on_the_site_become_links() {
        let url = file_url(SITE, "/cvs/original/1099/cv-maren.pdf").unwrap();
        assert_eq!(
            url.as_str(),
            "https://www.rickrut.com/cvs/original/1099/cv-maren.pdf"
        );
        let url = file_url("http://127.0.0.1:41234", "/cvs/a b%20c.pdf?v=2").unwrap();
        assert_eq!(url.as_str(), "http://127.0.0.1:41234/cvs/a%20b%20c.pdf?v=2");
        assert!(
            file_url(SITE, "/audio/x/../y.mp3").is_ok(),
            "`..` inside the site"
        );
    }

    #[test]
    fn hostile_values_are_withheld() {
        for hostile in [
            "http://127.0.0.1:PORT%3A80@evil.example/cv.pdf",
            "https://evil.example/cv.pdf",
            "//evil.example/cv.pdf",
            "/%2Fevil.example/cv.pdf",
            "/%2F%2Fevil.example/cv.pdf",
            "\\\\evil.example\\share\\cv.pdf",
            "/\\evil.example/cv.pdf",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "cvs/relative.pdf",
            "/cv.pdf\n",
            "/x:y@evil.example/cv.pdf",
            "",
        ] {
            assert!(file_url(SITE, hostile).is_err(), "{hostile:?}");
        }
        // And never on a site that is not the profile's own kind.
        assert_eq!(
            file_url("http://www.rickrut.com", "/cv.pdf"),
            Err(Withheld::NoSite)
        );
        assert_eq!(file_url("ftp://x", "/cv.pdf"), Err(Withheld::NoSite));
    }
}
