//! Legible layouts: the Applicants table gives Name its share at 800 px and Email no more
//! than it needs at 1920 px, the toolbar stays put when a row is selected, and at 200 %
//! text nothing is drawn over the score-history chart.

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::fixture::*;
use crate::legible::{on_the_demo, select_scored};

/// The column holding a cell of the first row (a cell's node spans its column).
fn column(h: &Harness<'_, DashboardApp>, title: &'static str) -> egui::Rect {
    let first = visible(h, |r| (r.name.clone(), r.email.clone()))[0].clone();
    let text = if title == "Name" { first.0 } else { first.1 };
    h.query_all_by(move |n| {
        n.role() == Role::Cell
            && n.label()
                .is_some_and(|l| l.trim_start_matches("• ") == text)
    })
    .next()
    .unwrap_or_else(|| panic!("no {title} cell in the first row"))
    .rect()
}

#[test]
fn name_gets_its_share_at_800_px_and_email_no_more_than_it_needs_at_1920() {
    let f = Fixture::new();
    let mut h = on_the_demo(&f, [800.0, 600.0], 1.0);
    let (name, email) = (column(&h, "Name"), column(&h, "Email"));
    // A first and last name such as "Greta Lindqvist" is about 110 points of body text.
    assert!(name.width() >= 120.0, "Name at 800 px: {name:?}");
    assert!(name.width() > email.width(), "{name:?} {email:?}");
    h.set_size(egui::vec2(1920.0, 1080.0));
    h.run_steps(3);
    let (name, email) = (column(&h, "Name"), column(&h, "Email"));
    assert!(email.width() <= 280.0, "Email at 1920 px: {email:?}");
    assert!(name.width() > 2.0 * email.width(), "{name:?} {email:?}");
}

#[test]
fn selecting_a_row_moves_nothing_in_the_toolbar() {
    let f = Fixture::new();
    let mut h = on_the_demo(&f, [1280.0, 900.0], 1.0);
    let where_ = |h: &Harness<'_, DashboardApp>| {
        [
            "Track ID",
            "Requests at once",
            "Check unfinished candidates",
            "Refresh all",
            "Refresh selected",
            "Export…",
        ]
        .map(|label| h.get_by_label(label).rect())
        .to_vec()
    };
    let before = (where_(&h), column(&h, "Name"));
    select_scored(&mut h);
    assert_eq!((where_(&h), column(&h, "Name")), before);
}

#[test]
fn at_200_percent_nothing_is_drawn_over_the_score_history_chart() {
    let f = Fixture::new();
    // 1280 × 900 pixels at twice the text size: 640 × 450 points.
    let mut h = on_the_demo(&f, [640.0, 450.0], 2.0);
    select_scored(&mut h);
    let chart = h
        .query_by_label_contains("Score history chart")
        .unwrap()
        .rect();
    assert!(chart.width() > 100.0 && chart.height() > 100.0, "{chart:?}");
    let over: Vec<String> = h
        .query_all_by(|n| {
            n.bounding_box().is_some()
                && (n
                    .label()
                    .is_some_and(|l| !l.is_empty() && !l.starts_with("Score history chart"))
                    || n.value().is_some_and(|v| !v.is_empty()))
        })
        .filter(|n| {
            let r = n.rect();
            let shared = r.intersect(chart);
            // Whatever holds the chart (the panel, the scroll area) is not drawn over it.
            shared.is_positive() && shared.area() > 4.0 && !r.contains_rect(chart)
        })
        .map(|n| format!("{:?} {:?}", n.accesskit_node().label(), n.rect()))
        .collect();
    assert!(
        over.is_empty(),
        "drawn over the chart at {chart:?}:\n{}",
        over.join("\n")
    );
}

/// Pairs of named controls and texts whose rects cross (neither holding the other), above
/// the status bar. Rows and cells are left out: a table's last row is cut by its scroll
/// area, which the accessibility tree does not say.
fn overlaps(h: &Harness<'_, DashboardApp>) -> Vec<String> {
    let status_top = h.get_by_label("Ready").rect().top() - 6.0;
    let mut shown = h.ctx.content_rect();
    shown.max.y = status_top;
    let named: Vec<(String, egui::Rect)> = h
        .query_all_by(|n| {
            n.bounding_box().is_some()
                && !matches!(n.role(), Role::Row | Role::Cell)
                && (n.label().is_some_and(|l| !l.trim().is_empty())
                    || n.value().is_some_and(|v| !v.trim().is_empty()))
        })
        .map(|n| {
            let node = n.accesskit_node();
            let name = node.label().or_else(|| node.value()).unwrap_or_default();
            (name, n.rect().intersect(shown))
        })
        .filter(|(_, r)| r.is_positive())
        .collect();
    let mut out = Vec::new();
    for (i, (a, ra)) in named.iter().enumerate() {
        for (b, rb) in &named[i + 1..] {
            let shared = ra.intersect(*rb);
            if shared.is_positive()
                && shared.area() > 6.0
                && !ra.contains_rect(*rb)
                && !rb.contains_rect(*ra)
            {
                out.push(format!("{a:?} {ra:?} × {b:?} {rb:?}"));
            }
        }
    }
    out
}

#[test]
fn at_200_percent_no_view_draws_one_thing_over_another() {
    let f = Fixture::new();
    let mut h = on_the_demo(&f, [640.0, 450.0], 2.0);
    select_scored(&mut h);
    let mut found = Vec::new();
    for view in rickrut_dashboard::ui::View::ALL.map(rickrut_dashboard::ui::View::title) {
        navigate(&mut h, &view);
        h.run_steps(3);
        found.extend(overlaps(&h).into_iter().map(|o| format!("{view}: {o}")));
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
