//! The window in French, which runs about 20 % longer than English: every view, an
//! applicant's card, an opening's shortlist, the shortcuts and About at 1280×800 and
//! 800×600, with nothing cut at the window's edges and every glyph in the bundled fonts
//! (kittest fails on one that is not). Every test of this binary speaks French.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "ui/fits.rs"]
mod fits;
#[allow(dead_code)] // the English tests use the rest
#[path = "ui/fixture.rs"]
mod fixture;

const LANG: rickrut_dashboard::i18n::Lang = rickrut_dashboard::i18n::Lang::Fr;
