//! Legible: WCAG AA contrast in both themes, every view drawn with the demo's data (kittest
//! panics on a glyph the bundled fonts lack), the Applicants table's widths at 800 and
//! 1920 px, a toolbar that stays put, and 200 % text with nothing drawn over the chart.

use egui::Color32;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use rickrut_dashboard::api::Status;
use rickrut_dashboard::ui::theme;

use crate::fixture::*;

/// Text needs 4.5:1 against what it sits on; bars, lines and focus rings 3:1.
const TEXT: f64 = 4.5;
const NON_TEXT: f64 = 3.0;

#[test]
fn every_colour_pair_meets_wcag_aa_in_light_and_dark() {
    let mut failures = Vec::new();
    for dark in [false, true] {
        let v = theme::visuals(dark);
        let panel = v.panel_fill;
        let mut check = |what: &str, fg: Color32, bg: Color32, needed: f64| {
            let (fg, bg) = (theme::over(fg, panel), theme::over(bg, panel));
            let ratio = theme::contrast(fg, bg);
            if ratio < needed {
                failures.push(format!(
                    "{} theme: {what}: {ratio:.2}:1, needs {needed}:1 ({fg:?} on {bg:?})",
                    if dark { "dark" } else { "light" }
                ));
            }
        };
        let grounds = [
            ("the panel", panel),
            ("a window", v.window_fill),
            ("a striped row", v.faint_bg_color),
            ("a hovered row", theme::hovered_row_fill(&v)),
        ];
        for (ground, bg) in grounds {
            check(&format!("text on {ground}"), v.text_color(), bg, TEXT);
            check(
                &format!("strong text on {ground}"),
                v.strong_text_color(),
                bg,
                TEXT,
            );
            check(
                &format!("an error on {ground}"),
                theme::error_colour(dark),
                bg,
                TEXT,
            );
            check(
                &format!("a warning on {ground}"),
                theme::warning_colour(dark),
                bg,
                TEXT,
            );
            check(
                &format!("a success on {ground}"),
                theme::success_colour(dark),
                bg,
                TEXT,
            );
        }
        check("weak text on the panel", v.weak_text_color(), panel, TEXT);
        check("a link on the panel", v.hyperlink_color, panel, TEXT);
        check("a link on a window", v.hyperlink_color, v.window_fill, TEXT);
        check(
            "weak text on a window",
            v.weak_text_color(),
            v.window_fill,
            TEXT,
        );
        check(
            "text in a field",
            v.text_color(),
            v.text_edit_bg_color(),
            TEXT,
        );
        for (state, w) in [
            ("a button", v.widgets.inactive),
            ("a hovered button", v.widgets.hovered),
        ] {
            check(
                &format!("text on {state}"),
                w.text_color(),
                w.weak_bg_fill,
                TEXT,
            );
        }
        check(
            "a selected table row's text",
            theme::selected_row_text(&v),
            v.selection.bg_fill,
            TEXT,
        );
        check(
            "text selected in a field",
            v.text_color(),
            v.selection.bg_fill,
            TEXT,
        );
        let (count, fill) = theme::count_badge_colours(&v);
        check("the unseen count's badge", count, fill, TEXT);
        for status in Status::DOCUMENTED
            .into_iter()
            .chain([Status::Other("ARCHIVED".into())])
        {
            let fill = theme::status_colour(&status, dark);
            check(
                &format!("the {status:?} badge"),
                theme::BADGE_TEXT,
                fill,
                TEXT,
            );
        }
        for score in [20.0, 55.0, 90.0] {
            let bar = theme::score_colour(score);
            check(
                &format!("a {score} score bar on its track"),
                bar,
                v.extreme_bg_color,
                NON_TEXT,
            );
            check(
                &format!("a {score} score bar on the panel"),
                bar,
                panel,
                NON_TEXT,
            );
        }
        for (line, colour) in [
            ("skill", theme::SKILL_COLOUR),
            ("adequation", theme::ADEQUATION_COLOUR),
        ] {
            check(
                &format!("the chart's {line} line"),
                colour,
                v.extreme_bg_color,
                NON_TEXT,
            );
            check(&format!("the {line} legend"), colour, panel, NON_TEXT);
        }
        check(
            "the focus ring on the panel",
            v.selection.stroke.color,
            panel,
            NON_TEXT,
        );
        check(
            "the focus ring on a field",
            v.selection.stroke.color,
            v.text_edit_bg_color(),
            NON_TEXT,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn contrast_is_computed_as_wcag_says() {
    assert!((theme::contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
    assert!((theme::contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
    // WCAG's own example of a pair just at 4.5:1: #767676 on white.
    let grey = Color32::from_rgb(0x76, 0x76, 0x76);
    assert!((theme::contrast(grey, Color32::WHITE) - 4.54).abs() < 0.01);
    // White on the old amber bar: the 2:1 the issue saw.
    assert!(theme::contrast(Color32::WHITE, Color32::from_rgb(245, 159, 0)) < 2.2);
}

/// The window on the demo, every tracked applicant fetched, in Applicants.
pub fn on_the_demo(f: &Fixture, size: [f32; 2], zoom: f32) -> Harness<'static, DashboardApp> {
    on_the_demo_in(f, size, zoom, egui::ThemePreference::Light)
}

fn on_the_demo_in(
    f: &Fixture,
    size: [f32; 2],
    zoom: f32,
    theme: egui::ThemePreference,
) -> Harness<'static, DashboardApp> {
    let persisted = Persisted {
        check_every_minutes: 0,
        theme,
        ..Persisted::default()
    };
    let store = Store::open_in_memory().unwrap();
    let mut h = f.harness_settings(ProfileBook::default(), store, persisted);
    h.set_size(egui::vec2(size[0], size[1]));
    h.ctx.set_zoom_factor(zoom);
    h.step();
    click(&mut h, "Try the demo");
    step_until(&mut h, "the demo's record", |h| {
        h.state().applicants().rows().len() >= 10
    });
    navigate(&mut h, "Applicants");
    click(&mut h, "Refresh all");
    step_until(&mut h, "the demo fetched", |h| {
        let rows = h.state().applicants().rows();
        !h.state().applicants().is_refreshing() && rows.iter().all(|r| !r.status().is_empty())
    });
    h.run_steps(2);
    settle(&mut h);
    h
}

/// Selects the first applicant who has scores, and waits for their history.
pub fn select_scored(h: &mut Harness<'static, DashboardApp>) -> String {
    let row = h
        .state()
        .applicants()
        .visible()
        .iter()
        .find(|r| r.skill.get().is_some())
        .map(|r| format!("Applicant {}, {}", r.id, r.name))
        .expect("a scored applicant in the demo");
    h.get_by_role_and_label(Role::Row, &row).click_accesskit();
    step_until(h, "the score history", |h| has(h, "Score history chart"));
    h.run_steps(2);
    row
}

#[test]
fn every_view_draws_the_demo_in_both_themes_with_every_glyph_in_the_fonts() {
    for (theme, dark) in [
        (egui::ThemePreference::Dark, true),
        (egui::ThemePreference::Light, false),
    ] {
        let f = Fixture::new();
        let mut h = on_the_demo_in(&f, [1280.0, 900.0], 1.0, theme);
        assert_eq!(h.ctx.theme() == egui::Theme::Dark, dark);
        // What the window writes beyond ASCII, some only in some states (the "changed" dot,
        // the sort arrows, the signs of messages), and the accents of the demo's names.
        let body = egui::FontId::proportional(14.0);
        let mono = egui::FontId::monospace(14.0);
        for (font, marks) in [(&body, "•⏶⏷⚠✔…—·–×éëüíčØÅå"), (&mono, "↑↓•…")]
        {
            for mark in marks.chars() {
                assert!(
                    h.ctx.fonts_mut(|f| f.has_glyph(font, mark)),
                    "{mark} is not in the fonts ({font:?})"
                );
            }
        }
        // An applicant's card and history, then every view with the demo's data: kittest
        // panics on any glyph drawn that the fonts lack.
        select_scored(&mut h);
        for view in rickrut_dashboard::ui::View::ALL.map(rickrut_dashboard::ui::View::title) {
            navigate(&mut h, &view);
            h.run_steps(3);
        }
        h.key_press(egui::Key::F1);
        h.key_press(egui::Key::F2);
        h.run_steps(3);
        assert!(has(&h, "Keyboard shortcuts") && has(&h, "About RickRut Dashboard"));
    }
}
