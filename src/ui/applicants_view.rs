//! Applicants: everyone this profile invited or looked up, as a sortable, filterable table
//! that refreshes from the API, with the selected applicant's card and history.

use std::cmp::Ordering;
use std::sync::{Arc, Mutex, PoisonError};

use egui::{Align, Color32, Layout, RichText, Sense, Ui};
use tokio::runtime::Handle;

use super::painted_table::{self, Cell, Columns, Width};
use super::widgets::{self, CardContext};
use super::{Connection, theme};
use crate::api::{Applicant, ApplicantId, Status};
use crate::jobs::refresh::{self, RefreshProgress, SharedProgress};
use crate::jobs::{self, Task};
use crate::store::{Snapshot, StoreHandle, TrackedApplicant};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Id,
    Name,
    Email,
    Opening,
    Status,
    Step,
    Skill,
    Adequation,
    Updated,
    LastChecked,
}

const COLUMNS: [(SortKey, &str); 10] = [
    (SortKey::Id, "ID"),
    (SortKey::Name, "Name"),
    (SortKey::Email, "Email"),
    (SortKey::Opening, "Opening"),
    (SortKey::Status, "Status"),
    (SortKey::Step, "Step"),
    (SortKey::Skill, "Skill"),
    (SortKey::Adequation, "Adequation"),
    (SortKey::Updated, "Updated"),
    (SortKey::LastChecked, "Last checked"),
];

/// The auto-refresh control's text: "off" rather than "every 0 min".
fn auto_refresh_text(minutes: f64) -> String {
    if minutes < 1.0 {
        "auto refresh off".to_owned()
    } else {
        format!("auto every {minutes:.0} min")
    }
}

/// Reads what was typed into the auto-refresh control: a number of minutes, or "off".
fn parse_auto_refresh(text: &str) -> Option<f64> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        text.to_ascii_lowercase().contains("off").then_some(0.0)
    } else {
        digits.parse().ok()
    }
}

/// Column widths in points; Name and Email share what is left, 2:3.
const WIDTHS: [Width; 10] = [
    Width::Fixed(72.0),
    Width::Share(2.0),
    Width::Share(3.0),
    Width::Fixed(72.0),
    Width::Fixed(112.0),
    Width::Fixed(50.0),
    Width::Fixed(60.0),
    Width::Fixed(96.0),
    Width::Fixed(128.0),
    Width::Fixed(124.0),
];
/// Numbers line up on the right.
const RIGHT_ALIGNED: [bool; 10] = [
    false, false, false, false, false, true, true, true, false, false,
];
/// Name and Email together, at least (in a narrow window every column shrinks alike).
const MIN_SHARED: f32 = 260.0;

fn row_cells(
    r: &TrackedApplicant,
    visuals: &egui::Visuals,
    now: chrono::DateTime<chrono::Utc>,
) -> [Cell; 10] {
    let dark = visuals.dark_mode;
    let normal = visuals.text_color();
    let main = if r.changed {
        visuals.strong_text_color()
    } else {
        normal
    };
    let plain = Cell::plain;
    let status = if r.deleted_upstream {
        plain("deleted upstream".into(), theme::warning_colour(dark))
    } else if r.status.is_empty() {
        Cell {
            italics: true,
            ..plain("not fetched yet".into(), normal)
        }
    } else {
        let status = Status::parse(&r.status);
        Cell {
            badge: Some(theme::status_colour(&status, dark)),
            ..plain(status.as_str().to_owned(), Color32::WHITE)
        }
    };
    let checked = r
        .last_checked
        .map_or_else(String::new, |t| widgets::relative(now, t));
    let checked = match r.last_error {
        Some(_) => plain(format!("⚠ {checked}"), theme::error_colour(dark)),
        None => plain(checked, normal),
    };
    [
        plain(r.id.to_string(), main),
        plain(
            if r.changed {
                format!("● {}", r.name)
            } else {
                r.name.clone()
            },
            main,
        ),
        plain(r.email.clone(), main),
        plain(
            r.opening_id.map_or_else(String::new, |o| o.to_string()),
            normal,
        ),
        status,
        plain(r.step.map_or_else(String::new, |s| s.to_string()), normal),
        plain(
            r.skill.map_or_else(String::new, |s| format!("{s:.1}")),
            normal,
        ),
        plain(
            r.adequation.map_or_else(String::new, |s| format!("{s:.1}")),
            normal,
        ),
        plain(
            r.updated_at.map_or_else(String::new, |t| {
                t.with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            }),
            normal,
        ),
        checked,
    ]
}

/// What hovering a cell tells: the status in words, the last error, or a text that was cut.
fn cell_tooltip(r: &TrackedApplicant, cell: &Cell, column: usize, elided: bool) -> Option<String> {
    match COLUMNS[column].0 {
        SortKey::Status if cell.badge.is_some() => Some(format!("Status: {}", cell.text)),
        SortKey::LastChecked => r.last_error.clone(),
        _ if elided => Some(cell.text.trim_start_matches("● ").to_owned()),
        _ => None,
    }
}

/// The rows shown, in order: computed once per change of data, sort or filter, never per frame.
pub fn visible_rows(
    rows: &[TrackedApplicant],
    filter: &str,
    status: Option<&str>,
    changed_only: bool,
    sort: (SortKey, bool),
) -> Vec<usize> {
    let needle = filter.trim().to_lowercase();
    let mut order: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            (needle.is_empty()
                || contains_folded(&r.name, &needle)
                || contains_folded(&r.email, &needle)
                || contains_folded(&r.code, &needle))
                && status.is_none_or(|s| r.status == s)
                && (!changed_only || r.changed)
        })
        .map(|(i, _)| i)
        .collect();
    let (key, ascending) = sort;
    let float = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => Ordering::Greater,
        (None, Some(_)) => Ordering::Less,
        (None, None) => Ordering::Equal,
    };
    if key == SortKey::Name {
        // Lower-casing inside the comparator would allocate millions of times at 100,000 rows.
        order.sort_by_cached_key(|&i| (rows[i].name.to_lowercase(), rows[i].id));
        if !ascending {
            order.reverse();
        }
        return order;
    }
    order.sort_by(|&a, &b| {
        let (x, y) = (&rows[a], &rows[b]);
        let by = match key {
            SortKey::Id => x.id.cmp(&y.id),
            SortKey::Name => x.name.cmp(&y.name),
            SortKey::Email => x.email.cmp(&y.email),
            SortKey::Opening => x.opening_id.cmp(&y.opening_id),
            SortKey::Status => x.status.cmp(&y.status),
            SortKey::Step => x.step.cmp(&y.step),
            SortKey::Skill => float(x.skill, y.skill),
            SortKey::Adequation => float(x.adequation, y.adequation),
            SortKey::Updated => x.updated_at.cmp(&y.updated_at),
            SortKey::LastChecked => x.last_checked.cmp(&y.last_checked),
        }
        .then(x.id.cmp(&y.id));
        if ascending { by } else { by.reverse() }
    });
    order
}

/// Whether `haystack` contains `needle` (already lower case), ignoring case. ASCII text,
/// which is most of it, is compared in place: lower-casing 300,000 strings per keystroke
/// would cost more than the rest of the filter.
fn contains_folded(haystack: &str, needle: &str) -> bool {
    if haystack.is_ascii() && needle.is_ascii() {
        let (hay, pin) = (haystack.as_bytes(), needle.as_bytes());
        return pin.is_empty()
            || pin.len() <= hay.len()
                && hay.windows(pin.len()).any(|w| w.eq_ignore_ascii_case(pin));
    }
    haystack.to_lowercase().contains(needle)
}

/// The filter field's id, for Ctrl+F.
pub fn filter_id() -> egui::Id {
    egui::Id::unique("applicants-filter")
}

/// The selected applicant's score history and JSON as last received, read together.
type HistoryTask = Task<Result<(Vec<Snapshot>, Option<String>), String>>;

/// The selected applicant, decoded once from what was received (not per frame).
struct Detail {
    id: u64,
    applicant: Option<Applicant>,
    raw: Option<String>,
}

pub struct ApplicantsView {
    rows: Vec<TrackedApplicant>,
    loaded_for: Option<String>,
    loading: Option<Task<Result<Vec<TrackedApplicant>, String>>>,
    reload_wanted: bool,
    order: Vec<usize>,
    order_dirty: bool,
    /// The statuses present and the number of changed rows, counted with the order (never
    /// per frame: at 100,000 rows that alone would cost tens of milliseconds).
    statuses: Vec<String>,
    changed: usize,
    sort: (SortKey, bool),
    filter: String,
    status_filter: Option<String>,
    changed_only: bool,
    selected: Option<u64>,
    history: Option<(u64, Vec<Snapshot>)>,
    detail: Option<Detail>,
    history_task: Option<(u64, HistoryTask)>,
    refresh: Option<Task<RefreshProgress>>,
    progress: SharedProgress,
    last_refresh: Option<RefreshProgress>,
    pub concurrency: usize,
    /// Refresh everything every this many minutes while the app is open (0: never).
    pub auto_refresh_minutes: u32,
    last_refresh_started: Option<std::time::Instant>,
    confirm_untrack: Option<Vec<u64>>,
    /// The rows' scroll offset as last drawn, and the row chosen with the keyboard that
    /// must be brought into view (the table's height may change on the next frames, as the
    /// details open).
    rows_offset: f32,
    keep_in_view: Option<usize>,
    refresh_requested: bool,
    history_stale: bool,
    track_input: String,
    message: Option<(bool, String)>,
    store_task: Option<Task<Result<String, String>>>,
}

impl Default for ApplicantsView {
    fn default() -> Self {
        ApplicantsView {
            rows: Vec::new(),
            loaded_for: None,
            loading: None,
            reload_wanted: true,
            order: Vec::new(),
            order_dirty: true,
            statuses: Vec::new(),
            changed: 0,
            sort: (SortKey::Id, false),
            filter: String::new(),
            status_filter: None,
            changed_only: false,
            selected: None,
            history: None,
            detail: None,
            history_task: None,
            refresh: None,
            progress: Arc::new(Mutex::new(RefreshProgress::default())),
            last_refresh: None,
            concurrency: 8,
            auto_refresh_minutes: 0,
            last_refresh_started: None,
            confirm_untrack: None,
            rows_offset: 0.0,
            keep_in_view: None,
            refresh_requested: false,
            history_stale: false,
            track_input: String::new(),
            message: None,
            store_task: None,
        }
    }
}

impl ApplicantsView {
    pub fn in_flight(&self) -> usize {
        usize::from(self.refresh.is_some())
    }

    /// Rows whose status or scores changed since the user last looked.
    pub fn changed_count(&self) -> usize {
        if self.order_dirty {
            self.rows.iter().filter(|r| r.changed).count()
        } else {
            self.changed
        }
    }

    pub fn rows(&self) -> &[TrackedApplicant] {
        &self.rows
    }

    pub fn visible(&self) -> Vec<&TrackedApplicant> {
        self.order.iter().map(|&i| &self.rows[i]).collect()
    }

    pub fn selected(&self) -> Option<u64> {
        self.selected
    }

    pub fn history(&self) -> Option<&[Snapshot]> {
        self.history.as_ref().map(|(_, h)| h.as_slice())
    }

    /// Sets the filter, the status filter and the sort as the toolbar and the column
    /// headers would (the order is computed again on the next frame).
    pub fn set_view_options(&mut self, filter: &str, status: Option<&str>, sort: (SortKey, bool)) {
        self.filter = filter.to_owned();
        self.status_filter = status.map(str::to_owned);
        self.sort = sort;
        self.order_dirty = true;
    }

    /// The refresh under way (or the last one), as the progress bar shows it.
    pub fn progress(&self) -> RefreshProgress {
        self.progress
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    pub fn last_refresh(&self) -> Option<&RefreshProgress> {
        self.last_refresh.as_ref()
    }

    /// The store changed (a lookup or an invite was tracked): read it again.
    pub fn reload(&mut self) {
        self.reload_wanted = true;
    }

    /// Ctrl+R: refresh all on the next frame of this view.
    pub fn request_refresh(&mut self) {
        self.refresh_requested = true;
    }

    pub fn cancel(&mut self) {
        if let Some(task) = self.refresh.as_mut() {
            task.cancel();
        }
    }

    /// Loads the rows of the profile in use when they are stale; cheap when they are not.
    pub fn keep_loaded(
        &mut self,
        ctx: &egui::Context,
        runtime: &Handle,
        store: Option<&StoreHandle>,
        profile: Option<&str>,
    ) {
        // Called after the view was drawn: what arrives here is drawn on the next frame.
        if self.poll() {
            ctx.request_repaint();
        }
        let (Some(store), Some(profile)) = (store, profile) else {
            return;
        };
        if self.loaded_for.as_deref() != Some(profile) {
            self.rows.clear();
            self.order.clear();
            self.selected = None;
            self.history = None;
            self.reload_wanted = true;
        }
        if self.history_stale
            && self.history_task.is_none()
            && let Some(id) = self.selected
        {
            self.history_stale = false;
            let store_handle = store.clone();
            let profile_name = profile.to_owned();
            self.history_task = Some((
                id,
                jobs::spawn(runtime, ctx, async move {
                    store_handle
                        .call(move |s| {
                            Ok((
                                s.history(&profile_name, id)?,
                                s.raw_json(&profile_name, id)?,
                            ))
                        })
                        .await
                        .map_err(|e| e.to_string())
                }),
            ));
        }
        if self.reload_wanted && self.loading.is_none() {
            self.reload_wanted = false;
            self.loaded_for = Some(profile.to_owned());
            let store = store.clone();
            let profile = profile.to_owned();
            self.loading = Some(jobs::spawn(runtime, ctx, async move {
                store
                    .call(move |s| s.tracked_summary(&profile))
                    .await
                    .map_err(|e| e.to_string())
            }));
        }
    }

    /// Takes what the background tasks finished; true when anything arrived.
    fn poll(&mut self) -> bool {
        let pending = |v: &Self| {
            usize::from(v.loading.is_some())
                + usize::from(v.history_task.is_some())
                + usize::from(v.refresh.is_some())
                + usize::from(v.store_task.is_some())
        };
        let before = pending(self);
        if let Some(task) = self.loading.take() {
            match task.try_take() {
                Err(task) => self.loading = Some(task),
                Ok(Ok(Ok(rows))) => {
                    self.rows = rows;
                    self.order_dirty = true;
                    // The history may have grown with the new data: fetch it again, and keep
                    // showing the old one meanwhile.
                    self.history_stale = self.selected.is_some();
                }
                Ok(Ok(Err(e))) => self.message = Some((true, e)),
                Ok(Err(e)) => self.message = Some((true, e.to_string())),
            }
        }
        if let Some((id, task)) = self.history_task.take() {
            match task.try_take() {
                Err(task) => self.history_task = Some((id, task)),
                Ok(Ok(Ok((history, raw)))) => {
                    self.history = Some((id, history));
                    let applicant = raw.as_deref().and_then(|r| serde_json::from_str(r).ok());
                    self.detail = Some(Detail { id, applicant, raw });
                }
                Ok(Ok(Err(e))) => self.message = Some((true, e)),
                Ok(Err(_)) => {}
            }
        }
        if let Some(task) = self.refresh.take() {
            match task.try_take() {
                Err(task) => self.refresh = Some(task),
                Ok(outcome) => {
                    let mut summary = self
                        .progress
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .clone();
                    if let Ok(done) = outcome {
                        summary = done;
                    } else {
                        summary.finished = false;
                    }
                    self.last_refresh = Some(summary);
                    self.reload_wanted = true;
                }
            }
        }
        if let Some(task) = self.store_task.take() {
            match task.try_take() {
                Err(task) => self.store_task = Some(task),
                Ok(Ok(Ok(text))) => {
                    self.message = Some((false, text));
                    self.reload_wanted = true;
                }
                Ok(Ok(Err(e))) => self.message = Some((true, e)),
                Ok(Err(e)) => self.message = Some((true, e.to_string())),
            }
        }
        pending(self) != before
    }

    /// Starts refreshing `ids` (all tracked when `None`).
    pub fn start_refresh(
        &mut self,
        ctx: &egui::Context,
        runtime: &Handle,
        store: &StoreHandle,
        connection: &Connection,
        ids: Option<Vec<u64>>,
    ) {
        if self.refresh.is_some() {
            return;
        }
        self.last_refresh_started = Some(std::time::Instant::now());
        let ids = ids.unwrap_or_else(|| self.rows.iter().map(|r| r.id).collect());
        let progress = self.progress.clone();
        let repaint = ctx.clone();
        let client = connection.client.clone();
        let store = store.clone();
        let profile = connection.profile.name.clone();
        let concurrency = self.concurrency;
        self.last_refresh = None;
        self.refresh = Some(jobs::spawn(runtime, ctx, async move {
            refresh::refresh(
                client,
                store,
                profile,
                ids,
                concurrency,
                progress,
                move || {
                    repaint.request_repaint();
                },
            )
            .await
        }));
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        runtime: &Handle,
        store: Option<&StoreHandle>,
        connection: Option<&Connection>,
    ) {
        // What finished since the last frame is drawn in this one.
        self.poll();
        ui.heading("Applicants");
        let (Some(store), Some(connection)) = (store, connection) else {
            ui.label("Use a profile (Keys) to see the applicants it invited or looked up.");
            if store.is_none() {
                widgets::error_message(
                    ui,
                    "The local database is not available; see the message below.",
                );
            }
            return;
        };
        if self.order_dirty {
            self.order = visible_rows(
                &self.rows,
                &self.filter,
                self.status_filter.as_deref(),
                self.changed_only,
                self.sort,
            );
            let statuses: std::collections::BTreeSet<&str> =
                self.rows.iter().map(|r| r.status.as_str()).collect();
            self.statuses = statuses
                .into_iter()
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            self.changed = self.rows.iter().filter(|r| r.changed).count();
            self.order_dirty = false;
        }
        self.auto_refresh(ui.ctx(), runtime, store, connection);
        self.toolbar_ui(ui, runtime, store, connection);
        self.progress_ui(ui);
        self.untrack_dialog_ui(ui, runtime, store, &connection.profile.name);
        if let Some((is_error, text)) = &self.message {
            if *is_error {
                widgets::error_message(ui, text);
            } else {
                widgets::success_message(ui, text);
            }
        }
        ui.separator();
        if self.rows.is_empty() {
            ui.label(
                RichText::new(
                    "No applicant is tracked yet. Everyone you look up or invite with this profile appears here; you can also track an ID above.",
                )
                .italics(),
            );
            return;
        }
        let selected_row = self
            .selected
            .and_then(|id| self.rows.iter().find(|r| r.id == id))
            .cloned();
        let table_height = if selected_row.is_some() {
            (ui.available_height() * 0.45).max(160.0)
        } else {
            ui.available_height()
        };
        ui.allocate_ui(egui::vec2(ui.available_width(), table_height), |ui| {
            self.table_ui(ui, runtime, store, &connection.profile.name);
        });
        if let Some(row) = selected_row {
            ui.separator();
            self.details_ui(ui, runtime, store, connection, &row);
        }
    }

    /// Starts a refresh when one is due, and asks for a frame when the next one will be:
    /// no continuous repaint while waiting.
    fn auto_refresh(
        &mut self,
        ctx: &egui::Context,
        runtime: &Handle,
        store: &StoreHandle,
        connection: &Connection,
    ) {
        if self.auto_refresh_minutes == 0 || self.rows.is_empty() {
            return;
        }
        let every = std::time::Duration::from_secs(u64::from(self.auto_refresh_minutes) * 60);
        let since = self.last_refresh_started.map(|t| t.elapsed());
        match since {
            Some(since) if since < every => ctx.request_repaint_after(every - since),
            _ if self.refresh.is_none() => {
                self.start_refresh(ctx, runtime, store, connection, None)
            }
            _ => {}
        }
    }

    fn untrack_dialog_ui(
        &mut self,
        ui: &mut Ui,
        runtime: &Handle,
        store: &StoreHandle,
        profile: &str,
    ) {
        let Some(ids) = self.confirm_untrack.clone() else {
            return;
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("confirm-untrack")).show(ui.ctx(), |ui| {
            ui.heading(format!("Stop tracking {} applicants?", ids.len()));
            ui.label("Their local history goes too. They stay in RickRut; you can track them again by ID.");
            ui.add_space(theme::SPACE);
            ui.horizontal(|ui| {
                if ui.button("Untrack").clicked() {
                    let store_handle = store.clone();
                    let profile = profile.to_owned();
                    let count = ids.len();
                    let ids = ids.clone();
                    self.selected = None;
                    self.store_task = Some(jobs::spawn(runtime, ui.ctx(), async move {
                        store_handle
                            .call(move |s| s.untrack(&profile, &ids))
                            .await
                            .map(|_| format!("Stopped tracking {count} applicants."))
                            .map_err(|e| e.to_string())
                    }));
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.confirm_untrack = None;
        }
    }

    fn toolbar_ui(
        &mut self,
        ui: &mut Ui,
        runtime: &Handle,
        store: &StoreHandle,
        connection: &Connection,
    ) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Filter");
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.filter)
                        .id(filter_id())
                        .hint_text("name, email or code")
                        .desired_width(200.0),
                )
                .labelled_by(label.id);
            if response.changed() {
                self.order_dirty = true;
            }
            let statuses = self.statuses.clone();
            let before = self.status_filter.clone();
            egui::ComboBox::from_label("Status")
                .selected_text(self.status_filter.as_deref().unwrap_or("Any status"))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.status_filter, None, "Any status");
                    for s in statuses {
                        let text = s.clone();
                        ui.selectable_value(&mut self.status_filter, Some(s), text);
                    }
                });
            if before != self.status_filter {
                self.order_dirty = true;
            }
            let changed = self.changed_count();
            if ui
                .checkbox(
                    &mut self.changed_only,
                    format!("Changed since last look ({changed})"),
                )
                .changed()
            {
                self.order_dirty = true;
            }
            ui.separator();
            let busy = self.refresh.is_some();
            if busy {
                if ui.button("Cancel refresh").clicked() {
                    self.cancel();
                }
            } else {
                if ui
                    .button("Refresh all")
                    .on_hover_text("Fetch the current state of every tracked applicant (Ctrl+R)")
                    .clicked()
                    || std::mem::take(&mut self.refresh_requested)
                {
                    self.start_refresh(ui.ctx(), runtime, store, connection, None);
                }
                if let Some(id) = self.selected
                    && ui.button("Refresh selected").clicked()
                {
                    self.start_refresh(ui.ctx(), runtime, store, connection, Some(vec![id]));
                }
                let failed: Vec<u64> = self
                    .last_refresh
                    .as_ref()
                    .map(|p| {
                        p.failures
                            .iter()
                            .map(|(id, _)| *id)
                            .filter(|id| *id > 0)
                            .collect()
                    })
                    .unwrap_or_default();
                if !failed.is_empty()
                    && ui
                        .button(format!("Retry {} failed", failed.len()))
                        .clicked()
                {
                    self.start_refresh(ui.ctx(), runtime, store, connection, Some(failed));
                }
            }
            ui.add(
                egui::DragValue::new(&mut self.concurrency)
                    .range(1..=64)
                    .prefix("at once: "),
            )
            .on_hover_text("How many requests a refresh sends at the same time");
            ui.add(
                egui::DragValue::new(&mut self.auto_refresh_minutes)
                    .range(0..=240)
                    .custom_formatter(|minutes, _| auto_refresh_text(minutes))
                    .custom_parser(parse_auto_refresh),
            )
            .on_hover_text(
                "Refresh everything every this many minutes while the app is open; 0 turns it off",
            );
            ui.separator();
            let label = ui.label("Track ID");
            ui.add(
                egui::TextEdit::singleline(&mut self.track_input)
                    .hint_text("e.g. 1002")
                    .desired_width(90.0),
            )
            .labelled_by(label.id);
            if ui.button("Track").clicked() {
                match ApplicantId::parse(&self.track_input) {
                    Err(e) => self.message = Some((true, e.to_string())),
                    Ok(id) => {
                        let store_handle = store.clone();
                        let profile = connection.profile.name.clone();
                        self.track_input.clear();
                        self.store_task = Some(jobs::spawn(runtime, ui.ctx(), async move {
                            store_handle
                                .call(move |s| s.track_ids(&profile, &[id.get()]))
                                .await
                                .map(|()| format!("Tracking {id}; refresh to fetch it."))
                                .map_err(|e| e.to_string())
                        }));
                    }
                }
            }
            if !self.order.is_empty()
                && ui
                    .button(format!("Untrack {} shown…", self.order.len()))
                    .clicked()
            {
                self.confirm_untrack = Some(self.order.iter().map(|&i| self.rows[i].id).collect());
            }
            if !self.order.is_empty() && ui.button("Export CSV…").clicked() {
                let rows: Vec<TrackedApplicant> = self.visible().into_iter().cloned().collect();
                self.store_task = Some(jobs::spawn(runtime, ui.ctx(), async move {
                    let Some(file) = rfd::AsyncFileDialog::new()
                        .set_file_name("applicants.csv")
                        .add_filter("CSV", &["csv"])
                        .save_file()
                        .await
                    else {
                        return Ok("Export cancelled.".to_owned());
                    };
                    let path = file.path().to_path_buf();
                    let count = rows.len();
                    tokio::task::spawn_blocking(move || {
                        crate::store::export::write_csv(&path, &rows).map(|()| path)
                    })
                    .await
                    .map_err(|e| e.to_string())?
                    .map(|path| format!("Exported {count} applicants to {}.", path.display()))
                    .map_err(|e| e.to_string())
                }));
            }
        });
    }

    fn progress_ui(&mut self, ui: &mut Ui) {
        let p = if self.refresh.is_some() {
            Some(
                self.progress
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .clone(),
            )
        } else {
            self.last_refresh.clone()
        };
        let Some(p) = p else { return };
        ui.horizontal(|ui| {
            let fraction = if p.total == 0 {
                1.0
            } else {
                p.done as f32 / p.total as f32
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(240.0)
                    .text(format!("{} / {}", p.done, p.total)),
            );
            ui.label(format!(
                "{} changed · {} deleted upstream · {} failed",
                p.changed, p.deleted, p.failed
            ));
            if self.refresh.is_some() {
                if let Some(until) = p.paused_until
                    && let Some(left) = until.checked_duration_since(std::time::Instant::now())
                {
                    ui.label(format!(
                        "the server asked to slow down: waiting {:.0} s",
                        left.as_secs_f32().ceil()
                    ));
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(250));
                }
            } else if p.finished {
                ui.label("Refresh finished.");
            } else {
                ui.label("Refresh cancelled.");
            }
        });
        if self.refresh.is_none() && !p.failures.is_empty() {
            egui::CollapsingHeader::new(format!("{} failed", p.failures.len()))
                .id_salt("refresh-failures")
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .max_height(120.0)
                        .show(ui, |ui| {
                            for (id, why) in &p.failures {
                                ui.label(format!("{id}: {why}"));
                            }
                        });
                });
        }
    }

    /// The table: a header of sort buttons and the visible rows, painted row by row.
    ///
    /// Each row is one click target; its cells are painted text, not widgets, so a frame
    /// costs the same at 100 rows as at 100,000 and less than a table of label widgets
    /// (BENCHMARKS.md). Screen readers still get a node per row and per cell.
    fn table_ui(&mut self, ui: &mut Ui, runtime: &Handle, store: &StoreHandle, profile: &str) {
        let mut clicked_sort = None;
        let mut clicked_row = None;
        let row_height = theme::ROW_HEIGHT;
        // ↑ ↓ Home End choose the row, when no field has the keyboard.
        if let Some(index) = self.keyboard_row(ui) {
            clicked_row = Some(self.rows[self.order[index]].id);
            self.keep_in_view = Some(index);
        }
        let columns = Columns::new(
            &WIDTHS,
            MIN_SHARED,
            ui.max_rect().left(),
            ui.available_width(),
        );
        let table_width = columns.width();

        // The header: one sort button per column.
        let (header, _) =
            ui.allocate_exact_size(egui::vec2(table_width, row_height + 4.0), Sense::hover());
        for (i, (key, title)) in COLUMNS.into_iter().enumerate() {
            let rect = columns.rect(i, header);
            let arrow = match (self.sort.0 == key, self.sort.1) {
                (true, true) => " ⏶",
                (true, false) => " ⏷",
                _ => "",
            };
            let layout = if RIGHT_ALIGNED[i] {
                Layout::right_to_left(Align::Center)
            } else {
                Layout::left_to_right(Align::Center)
            };
            let response = ui
                .scope_builder(egui::UiBuilder::new().max_rect(rect).layout(layout), |ui| {
                    ui.add(
                        egui::Button::new(RichText::new(format!("{title}{arrow}")).strong())
                            .frame(false)
                            .truncate(),
                    )
                })
                .inner;
            if response.on_hover_text(format!("Sort by {title}")).clicked() {
                clicked_sort = Some(key);
            }
        }
        ui.painter().hline(
            header.x_range(),
            header.bottom(),
            ui.visuals().widgets.noninteractive.bg_stroke,
        );

        // The rows: only those in view are painted.
        let table_id = egui::Id::unique("applicants-table");
        let rows = &self.rows;
        let order = &self.order;
        let selected = self.selected;
        ui.spacing_mut().item_spacing.y = 0.0;
        // The chosen row is brought into view, and kept there until a frame finds it in view.
        let mut scroll_to = None;
        if let Some(index) = self.keep_in_view.filter(|&i| i < order.len()) {
            let (offset, height) = (self.rows_offset, ui.available_height());
            let (top, bottom) = (index as f32 * row_height, (index + 1) as f32 * row_height);
            if top < offset {
                scroll_to = Some(top);
            } else if bottom > offset + height {
                scroll_to = Some(bottom - height);
            }
        }
        if scroll_to.is_none() {
            self.keep_in_view = None;
        }
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt("applicants-rows")
            .auto_shrink([false, false]);
        if let Some(offset) = scroll_to {
            scroll = scroll.vertical_scroll_offset(offset);
        }
        let shown = scroll.show_rows(ui, row_height, order.len(), |ui, range| {
            let visuals = ui.visuals().clone();
            let font = egui::TextStyle::Body.resolve(ui.style());
            let now = chrono::Utc::now();
            for index in range {
                let r = &rows[order[index]];
                let rect =
                    egui::Rect::from_min_size(ui.cursor().min, egui::vec2(table_width, row_height));
                ui.advance_cursor_after_rect(rect);
                let response = ui.interact(rect, table_id.with(r.id), Sense::click());
                let is_selected = selected == Some(r.id);
                painted_table::paint_row_background(
                    ui,
                    rect,
                    index,
                    is_selected,
                    response.hovered(),
                );
                let cells = row_cells(r, &visuals, now);
                let mut elided = [false; COLUMNS.len()];
                for (i, cell) in cells.iter().enumerate() {
                    let cell_rect = columns.rect(i, rect);
                    elided[i] =
                        painted_table::paint_cell(ui, cell_rect, cell, &font, RIGHT_ALIGNED[i]);
                }
                response.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::Role::Row,
                        true,
                        is_selected,
                        format!("Applicant {}, {}", r.id, r.name),
                    )
                });
                // Cells are nodes of their own only while a screen reader (or a test)
                // reads the tree: creating them costs as much as the painting.
                if painted_table::accessibility_active(ui, response.id) {
                    for (i, cell) in cells.iter().enumerate() {
                        let cell_rect = columns.rect(i, rect);
                        painted_table::cell_node(ui, response.id, i, cell_rect, &cell.text);
                    }
                }
                if let Some(tip) = response
                    .hover_pos()
                    .and_then(|pos| columns.at(pos.x))
                    .and_then(|column| cell_tooltip(r, &cells[column], column, elided[column]))
                {
                    response.clone().on_hover_text(tip);
                }
                if response.clicked() {
                    clicked_row = Some(r.id);
                }
            }
        });
        self.rows_offset = shown.state.clamped_offset().y;
        if let Some(key) = clicked_sort {
            self.sort = if self.sort.0 == key {
                (key, !self.sort.1)
            } else {
                (key, true)
            };
            self.order_dirty = true;
        }
        if let Some(id) = clicked_row.filter(|id| self.selected != Some(*id)) {
            self.select(ui.ctx(), runtime, store, profile, id);
        }
    }

    /// The row ↑ ↓ Home or End asks for this frame (in the visible order), when no field
    /// has the keyboard and no dialog is open.
    fn keyboard_row(&self, ui: &Ui) -> Option<usize> {
        let last = self.order.len().checked_sub(1)?;
        if self.confirm_untrack.is_some() || ui.memory(|m| m.focused().is_some()) {
            return None;
        }
        let (up, down, home, end) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::ArrowUp),
                i.key_pressed(egui::Key::ArrowDown),
                i.key_pressed(egui::Key::Home),
                i.key_pressed(egui::Key::End),
            )
        });
        if !(up || down || home || end) {
            return None;
        }
        // Only on a key press: finding the selected row is a scan of the order.
        let current = self
            .selected
            .and_then(|id| self.order.iter().position(|&i| self.rows[i].id == id));
        Some(match (current, home, end, down) {
            (_, true, _, _) => 0,
            (_, _, true, _) => last,
            (Some(at), _, _, true) => (at + 1).min(last),
            (Some(at), _, _, false) => at.saturating_sub(1),
            (None, _, _, true) => 0,
            (None, _, _, false) => last,
        })
    }

    /// Shows the applicant, loads their history, and clears "changed" (they have been seen).
    pub fn select(
        &mut self,
        ctx: &egui::Context,
        runtime: &Handle,
        store: &StoreHandle,
        profile: &str,
        id: u64,
    ) {
        self.selected = Some(id);
        self.history = None;
        self.detail = None;
        let store_handle = store.clone();
        let profile_name = profile.to_owned();
        self.history_task = Some((
            id,
            jobs::spawn(runtime, ctx, async move {
                store_handle
                    .call(move |s| {
                        s.mark_seen(&profile_name, &[id])?;
                        Ok((
                            s.history(&profile_name, id)?,
                            s.raw_json(&profile_name, id)?,
                        ))
                    })
                    .await
                    .map_err(|e| e.to_string())
            }),
        ));
        if let Some(row) = self.rows.iter_mut().find(|r| r.id == id)
            && row.changed
        {
            row.changed = false;
            self.order_dirty = true;
        }
    }

    fn details_ui(
        &mut self,
        ui: &mut Ui,
        runtime: &Handle,
        store: &StoreHandle,
        connection: &Connection,
        row: &TrackedApplicant,
    ) {
        ui.horizontal(|ui| {
            if ui
                .button("Untrack")
                .on_hover_text("Stop tracking this applicant")
                .clicked()
            {
                let store_handle = store.clone();
                let profile = connection.profile.name.clone();
                let id = row.id;
                self.selected = None;
                self.store_task = Some(jobs::spawn(runtime, ui.ctx(), async move {
                    store_handle
                        .call(move |s| s.untrack(&profile, &[id]))
                        .await
                        .map(|_| format!("Stopped tracking {id}."))
                        .map_err(|e| e.to_string())
                }));
            }
            if let Some(raw) = self
                .detail
                .as_ref()
                .filter(|d| d.id == row.id)
                .and_then(|d| d.raw.clone())
                && ui.button("Export JSON…").clicked()
            {
                let name = format!("applicant-{}.json", row.id);
                self.store_task = Some(jobs::spawn(runtime, ui.ctx(), async move {
                    let Some(file) = rfd::AsyncFileDialog::new()
                        .set_file_name(&name)
                        .add_filter("JSON", &["json"])
                        .save_file()
                        .await
                    else {
                        return Ok("Export cancelled.".to_owned());
                    };
                    let path = file.path().to_path_buf();
                    tokio::fs::write(&path, raw)
                        .await
                        .map(|()| format!("Saved {}.", path.display()))
                        .map_err(|e| format!("{} could not be written: {e}", path.display()))
                }));
            }
            if ui.button("Close").clicked() {
                self.selected = None;
            }
        });
        let site = connection.site();
        egui::ScrollArea::vertical()
            .id_salt("applicant-details")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.columns(2, |cols| {
                    match self.detail.as_ref().filter(|d| d.id == row.id) {
                        None => {
                            cols[0].spinner();
                        }
                        Some(Detail {
                            applicant: Some(applicant),
                            ..
                        }) => {
                            widgets::applicant_card(
                                &mut cols[0],
                                applicant,
                                &CardContext { site: &site },
                            );
                        }
                        Some(_) => {
                            cols[0].label(format!(
                                "Applicant {} has not been fetched yet; refresh to see it.",
                                row.id
                            ));
                        }
                    }
                    history_ui(
                        &mut cols[1],
                        self.history
                            .as_ref()
                            .filter(|(id, _)| *id == row.id)
                            .map(|(_, h)| h.as_slice()),
                    );
                });
            });
    }
}

fn history_ui(ui: &mut Ui, history: Option<&[Snapshot]>) {
    ui.label(RichText::new("Score history").strong());
    let Some(history) = history else {
        ui.spinner();
        return;
    };
    let points = |pick: fn(&Snapshot) -> Option<f64>| -> Vec<[f64; 2]> {
        history
            .iter()
            .filter_map(|s| Some([s.taken_at.timestamp() as f64, pick(s)?]))
            .collect()
    };
    let skill = points(|s| s.skill);
    let adequation = points(|s| s.adequation);
    if skill.is_empty() && adequation.is_empty() {
        ui.label(RichText::new("No scores yet.").italics());
    } else {
        egui_plot::Plot::new("score-history")
            .height(180.0)
            .include_y(0.0)
            .include_y(100.0)
            .legend(egui_plot::Legend::default())
            .x_axis_formatter(|mark, _| {
                chrono::DateTime::from_timestamp(mark.value as i64, 0)
                    .map(|t| {
                        t.with_timezone(&chrono::Local)
                            .format("%m-%d %H:%M")
                            .to_string()
                    })
                    .unwrap_or_default()
            })
            .show(ui, |plot| {
                // Points as well as lines: a single snapshot is still visible.
                for (name, series, colour) in [
                    ("Skill", skill, theme::SKILL_COLOUR),
                    ("Adequation", adequation, theme::ADEQUATION_COLOUR),
                ] {
                    plot.line(egui_plot::Line::new(name, series.clone()).color(colour));
                    plot.points(
                        egui_plot::Points::new(name, series)
                            .radius(3.5)
                            .color(colour),
                    );
                }
            });
    }
    ui.add_space(theme::SPACE);
    ui.label(RichText::new("Status changes").strong());
    let mut last: Option<&str> = None;
    for s in history {
        if last != Some(s.status.as_str()) {
            ui.label(format!(
                "{} — {}{}",
                s.taken_at
                    .with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M"),
                s.status,
                s.step
                    .map_or_else(String::new, |step| format!(" (step {step})"))
            ));
            last = Some(&s.status);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{auto_refresh_text, contains_folded, parse_auto_refresh};

    #[test]
    fn the_filter_ignores_case_in_ascii_and_beyond() {
        assert!(contains_folded("John.Smith@Example.com", "smith@ex"));
        assert!(contains_folded("ATZDVQDH", "zdv"));
        assert!(!contains_folded("John", "johnny"));
        assert!(contains_folded("anything", ""));
        assert!(contains_folded("Øyvind ÅSE", "åse"));
        assert!(!contains_folded("Øyvind", "ase"));
    }

    #[test]
    fn auto_refresh_reads_off_and_minutes() {
        assert_eq!(auto_refresh_text(0.0), "auto refresh off");
        assert_eq!(auto_refresh_text(15.0), "auto every 15 min");
        assert_eq!(parse_auto_refresh("auto every 15 min"), Some(15.0));
        assert_eq!(parse_auto_refresh(" 30 "), Some(30.0));
        assert_eq!(parse_auto_refresh("auto refresh off"), Some(0.0));
        assert_eq!(parse_auto_refresh("OFF"), Some(0.0));
        assert_eq!(parse_auto_refresh("soon"), None);
        for minutes in [0.0, 1.0, 240.0] {
            assert_eq!(
                parse_auto_refresh(&auto_refresh_text(minutes)),
                Some(minutes)
            );
        }
    }
}
