//! Bulk invite from the files LibreOffice wrote (tests/fixtures/spreadsheets): a workbook's
//! other sheet chosen in the preview, and a Windows-1252 CSV read in another character set
//! from the preview's menu, then back.

use egui_kittest::kittest::Queryable;

use crate::fixture::*;

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/spreadsheets")
        .join(name)
}

fn first_names(h: &Harness<'_, rickrut_dashboard::ui::DashboardApp>) -> Vec<String> {
    h.state()
        .bulk()
        .preview()
        .iter()
        .map(|p| p.row.first_name.clone().unwrap_or_default())
        .collect()
}

#[test]
fn a_workbook_dropped_then_its_other_sheet_chosen() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    drop_file(&mut h, fixture("candidates.xlsx"), 4);
    assert_eq!(first_names(&h), ["José", "Jürgen", "Zoë", "Ørjan"]);
    assert!(
        has(&h, "Read the sheet \"Candidates\", one of 2 sheets."),
        "{:#?}",
        h.root()
    );
    h.get_by_label("Sheet").click_accesskit();
    h.run_steps(3);
    click(&mut h, "Referrals");
    step_until(&mut h, "the other sheet", |h| {
        h.state().bulk().preview().len() == 1
    });
    h.run_steps(2);
    assert_eq!(first_names(&h), ["Chloé"]);
    assert!(has(&h, "Read the sheet \"Referrals\", one of 2 sheets."));
}

#[test]
fn a_windows_1252_csv_is_guessed_and_another_character_set_chosen() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    drop_file(&mut h, fixture("candidates-windows-1252.csv"), 4);
    assert_eq!(first_names(&h), ["José", "Jürgen", "Zoë", "Ørjan"]);
    assert!(
        has(
            &h,
            "Read as Windows-1252 (a guess: if names look wrong, choose another character set), separated by semicolons."
        ),
        "{:#?}",
        h.root()
    );
    click(&mut h, "Read as another character set…");
    // Mac Roman reads the same bytes as other letters: é (0xE9) becomes È.
    click(&mut h, "Mac Roman");
    step_until(&mut h, "the file read as Mac Roman", |h| {
        first_names(h).first().is_some_and(|n| n == "JosÈ")
    });
    h.run_steps(2);
    assert!(has(&h, "Read as Mac Roman, separated by semicolons."));
    click(&mut h, "Read as another character set…");
    click(&mut h, "Windows-1252");
    step_until(&mut h, "the file read as Windows-1252", |h| {
        first_names(h).first().is_some_and(|n| n == "José")
    });
}
