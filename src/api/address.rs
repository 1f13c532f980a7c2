//! Where the API lives: the base URL rules (https, or http on this computer only; the site
//! alone stands for its `/api/v1/`) and the site the API's file paths are relative to.

use std::net::IpAddr;

use url::Url;

use super::error::ApiError;

/// The vendor's production address.
pub const DEFAULT_BASE_URL: &str = "https://www.rickrut.com/api/v1/";

/// Accepts `https://` anywhere and `http://` only on this computer; adds the trailing slash
/// that `Url::join` needs.
pub fn parse_base_url(input: &str) -> Result<Url, ApiError> {
    let bad = |reason: &str| ApiError::InvalidBaseUrl {
        reason: reason.to_owned(),
    };
    let mut url = Url::parse(input.trim()).map_err(|e| {
        bad(&crate::t!(
            "errors-url-not-a-url",
            input = input.trim(),
            error = e.to_string()
        ))
    })?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad(&crate::t!("errors-url-credentials")));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad(&crate::t!("errors-url-query")));
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(bad(&crate::t!("errors-url-http")));
        }
        other => return Err(bad(&crate::t!("errors-url-scheme", scheme = other))),
    }
    if url.host().is_none() {
        return Err(bad(&crate::t!("errors-url-no-host")));
    }
    // The site alone (the API's path left out, the usual slip) means the API where the
    // reference puts it: otherwise every answer would be the site's "not found".
    if url.path() == "/" {
        url.set_path("/api/v1/");
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

/// The site a base URL is on (scheme, host and port), which the API's file paths are
/// relative to; empty when the address is not usable.
pub fn site_of(base: &str) -> String {
    parse_base_url(base).map_or_else(|_| String::new(), |u| site(&u))
}

/// Scheme, host and port of a parsed base URL.
pub fn site(url: &Url) -> String {
    let mut site = format!("{}://{}", url.scheme(), url.host_str().unwrap_or_default());
    if let Some(port) = url.port() {
        site.push_str(&format!(":{port}"));
    }
    site
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        assert_eq!(
            parse_base_url(DEFAULT_BASE_URL).unwrap().as_str(),
            DEFAULT_BASE_URL
        );
        assert_eq!(
            parse_base_url("http://127.0.0.1:8080/api/v1")
                .unwrap()
                .as_str(),
            "http://127.0.0.1:8080/api/v1/"
        );
        for site in [
            "https://www.rickrut.com",
            "https://www.rickrut.com/",
            " https://www.rickrut.com ",
        ] {
            assert_eq!(parse_base_url(site).unwrap().as_str(), DEFAULT_BASE_URL);
        }
        assert_eq!(
            parse_base_url("https://rickrut.example.org/rickrut/api/v1")
                .unwrap()
                .as_str(),
            "https://rickrut.example.org/rickrut/api/v1/",
            "a path of its own is kept"
        );
        assert!(parse_base_url("http://[::1]:9/api/v1/").is_ok());
        assert!(parse_base_url("http://localhost:9/api/v1/").is_ok());
        for bad in [
            "http://www.rickrut.com/api/v1/",
            "http://10.0.0.1/api/v1/",
            "ftp://x/",
            "www.rickrut.com",
            "https://u:p@x.com/",
            "https://x.com/api?api_key=1",
        ] {
            assert!(
                matches!(parse_base_url(bad), Err(ApiError::InvalidBaseUrl { .. })),
                "{bad}"
            );
        }
    }
}
