//! Nothing that matters is cut off: in every view, with an applicant's card, an opening's
//! shortlist, the shortcuts and About, at 1280×800 and at 800×600, every named control and
//! every text lies inside the window from left to right (what is taller than the window
//! scrolls). `tests/ui_french.rs` walks the same way in French, which runs about 20 % longer.
//! The walk sends the window's own commands, so it needs no label in any language.

use rickrut_dashboard::ui::{Command, View};

use crate::fixture::*;

/// The demo in the window at `size`, every tracked applicant fetched.
pub fn on_the_demo(f: &Fixture, size: [f32; 2]) -> Harness<'static, DashboardApp> {
    let persisted = Persisted {
        check_every_minutes: 0,
        ..Persisted::default()
    };
    let mut h = f.harness_settings(
        ProfileBook::default(),
        Store::open_in_memory().unwrap(),
        persisted,
    );
    h.set_size(egui::vec2(size[0], size[1]));
    h.step();
    h.state_mut().queue(Command::StartDemo);
    step_until(&mut h, "the demo's record", |h| {
        h.state().applicants().rows().len() >= 10
    });
    h.state_mut().queue(Command::Refresh(None));
    step_until(&mut h, "the demo fetched", |h| {
        let rows = h.state().applicants().rows();
        !h.state().applicants().is_refreshing() && rows.iter().all(|r| !r.status().is_empty())
    });
    h.run_steps(2);
    h
}

/// Every view and the window's dialogs at `size`: what each cuts.
pub fn walk(size: [f32; 2]) -> Vec<String> {
    rickrut_dashboard::i18n::set(crate::LANG);
    let f = Fixture::new();
    let mut h = on_the_demo(&f, size);
    let mut found = Vec::new();
    let mut look = |h: &mut Harness<'static, DashboardApp>, what: String| {
        h.run_steps(3);
        found.extend(cut(h, size[0]).into_iter().map(|c| format!("{what}: {c}")));
    };
    for view in View::ALL {
        h.state_mut().queue(Command::ShowView(view));
        look(&mut h, format!("{view:?}"));
    }
    let scored = h
        .state()
        .applicants()
        .visible()
        .iter()
        .find(|r| r.skill.get().is_some())
        .map(|r| (r.id, r.opening_id))
        .expect("a scored applicant in the demo");
    h.state_mut().queue(Command::ShowView(View::Applicants));
    h.state_mut()
        .queue(Command::SelectApplicant(Some(scored.0)));
    look(&mut h, "an applicant's card".into());
    h.state_mut().queue(Command::ShowView(View::Openings));
    h.state_mut().queue(Command::ChooseOpening(Some(scored.1)));
    look(&mut h, "an opening's shortlist".into());
    h.state_mut().queue(Command::ToggleHelp);
    look(&mut h, "the shortcuts".into());
    h.state_mut().queue(Command::ToggleHelp);
    h.state_mut().queue(Command::ToggleAbout);
    look(&mut h, "About".into());
    found
}

#[test]
fn nothing_is_cut_at_1280_by_800() {
    let cut = walk([1280.0, 800.0]);
    assert!(cut.is_empty(), "cut at 1280×800:\n{}", cut.join("\n"));
}

#[test]
fn nothing_is_cut_at_800_by_600() {
    let cut = walk([800.0, 600.0]);
    assert!(cut.is_empty(), "cut at 800×600:\n{}", cut.join("\n"));
}
