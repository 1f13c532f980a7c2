//! Bulk invite: load a CSV (dialog or drag-and-drop), preview every row's verdict, fix or
//! exclude rows, send with progress, pause, resume, cancel, and read the results.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use egui::{Sense, Ui};
use tokio::runtime::Handle;
use tokio::sync::watch;

use super::painted_table::{self, Cell, Columns, Width};
use super::{Connection, theme, widgets};
use crate::jobs::bulk::{self, BulkProgress, BulkRun, SharedBulkProgress};
use crate::jobs::import::{self, ImportRow, ParsedFile, Verdict};
use crate::jobs::{self, Task};
use crate::store::StoreHandle;
use crate::store::bulk::{BulkJob, BulkRow, RowState};

/// What the preview holds for one row.
#[derive(Clone, Debug)]
pub struct PreviewRow {
    pub row: ImportRow,
    pub verdict: Verdict,
    pub excluded: bool,
}

/// A file read and checked in the background.
struct Loaded {
    path: PathBuf,
    parsed: ParsedFile,
    invited: HashSet<(String, String)>,
}

type LoadTask = Task<Result<Loaded, String>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Choose,
    Preview,
    Running,
    Results,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EditField {
    Email,
    Opening,
}

/// What a frame of the preview table did to the rows.
#[derive(Default)]
struct PreviewEdit {
    /// A row was left out, taken back, or edited: the verdicts are checked again.
    changed: bool,
    start_editing: Option<(usize, EditField)>,
    stop_editing: bool,
}

const PREVIEW_TITLES: [&str; 6] = ["Row", "Send", "Email", "Opening", "Name", "Verdict"];
const PREVIEW_WIDTHS: [Width; 6] = [
    Width::Fixed(56.0),
    Width::Fixed(48.0),
    Width::Share(4.0),
    Width::Fixed(170.0),
    Width::Share(3.0),
    Width::Share(4.0),
];
/// Email, Name and Verdict together, at least.
const PREVIEW_MIN_SHARED: f32 = 420.0;

const RESULT_TITLES: [&str; 7] = [
    "Row", "Email", "Opening", "State", "New ID", "Code", "Detail",
];
const RESULT_WIDTHS: [Width; 7] = [
    Width::Fixed(56.0),
    Width::Share(3.0),
    Width::Fixed(160.0),
    Width::Fixed(80.0),
    Width::Fixed(80.0),
    Width::Fixed(96.0),
    Width::Share(4.0),
];
/// Email and Detail together, at least.
const RESULT_MIN_SHARED: f32 = 320.0;

/// One result row's cells, as painted: the state coloured by how it ended.
fn result_cells(r: &BulkRow, dark: bool, normal: egui::Color32, weak: egui::Color32) -> [Cell; 7] {
    let (id, code, detail) = match &r.state {
        RowState::Created { id, code } => (id.to_string(), code.clone(), String::new()),
        RowState::Skipped(d) | RowState::Failed(d) | RowState::Unknown(d) => {
            (String::new(), String::new(), d.clone())
        }
        _ => (String::new(), String::new(), String::new()),
    };
    let state_colour = match &r.state {
        RowState::Created { .. } => theme::success_colour(dark),
        RowState::Skipped(_) | RowState::Unknown(_) => theme::warning_colour(dark),
        RowState::Failed(_) => theme::error_colour(dark),
        _ => normal,
    };
    [
        Cell::plain(r.row_no.to_string(), weak),
        Cell::plain(r.email.clone(), normal),
        Cell::plain(r.opening.clone(), normal),
        Cell::plain(r.state.name().to_owned(), state_colour),
        Cell::plain(id, normal),
        Cell::plain(code, normal),
        Cell::plain(detail, normal),
    ]
}

pub struct BulkView {
    stage: Stage,
    opening_for_all: String,
    pending_path: Option<PathBuf>,
    loading: Option<LoadTask>,
    load_error: Option<String>,
    source: Option<PathBuf>,
    fingerprint: String,
    preview: Vec<PreviewRow>,
    /// Rows per verdict, counted when the preview changes, not per frame.
    counts: Option<BTreeMap<&'static str, usize>>,
    /// The preview cell being edited (row index, email or opening); the others are plain
    /// text until clicked, so a frame stays as cheap as a table of labels.
    editing: Option<(usize, EditField)>,
    editing_started: bool,
    invited: HashSet<(String, String)>,
    pub concurrency: usize,
    job: Option<i64>,
    creating: Option<Task<Result<i64, String>>>,
    run: Option<Task<BulkProgress>>,
    stop: Option<watch::Sender<bool>>,
    progress: SharedBulkProgress,
    paused: bool,
    results: Vec<BulkRow>,
    results_task: Option<Task<Result<Vec<BulkRow>, String>>>,
    state_filter: Option<&'static str>,
    message: Option<(bool, String)>,
    side_task: Option<Task<Result<String, String>>>,
    interrupted: Vec<BulkJob>,
    interrupted_checked_for: Option<String>,
    interrupted_task: Option<Task<Result<Vec<BulkJob>, String>>>,
    dialog: Option<Arc<Mutex<Option<PathBuf>>>>,
    /// Start sending once the job exists (created, or resumed and settled).
    send_when_ready: bool,
    /// A run created applicants: the Applicants view should read the store again.
    store_changed: bool,
}

impl Default for BulkView {
    fn default() -> Self {
        BulkView {
            stage: Stage::Choose,
            opening_for_all: String::new(),
            pending_path: None,
            loading: None,
            load_error: None,
            source: None,
            fingerprint: String::new(),
            preview: Vec::new(),
            counts: None,
            editing: None,
            editing_started: false,
            invited: HashSet::new(),
            concurrency: 4,
            job: None,
            creating: None,
            run: None,
            stop: None,
            progress: Arc::new(Mutex::new(BulkProgress::default())),
            paused: false,
            results: Vec::new(),
            results_task: None,
            state_filter: None,
            message: None,
            side_task: None,
            interrupted: Vec::new(),
            interrupted_checked_for: None,
            interrupted_task: None,
            dialog: None,
            send_when_ready: false,
            store_changed: false,
        }
    }
}

impl BulkView {
    pub fn in_flight(&self) -> usize {
        usize::from(self.run.is_some()) + usize::from(self.loading.is_some())
    }

    pub fn preview(&self) -> &[PreviewRow] {
        &self.preview
    }

    pub fn results(&self) -> &[BulkRow] {
        &self.results
    }

    pub fn progress(&self) -> BulkProgress {
        self.progress
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Asks for a file to be read (from the dialog or a drop); read in the background.
    pub fn open_file(&mut self, path: PathBuf) {
        self.pending_path = Some(path);
    }

    /// Whether runs changed the tracked applicants since the last call.
    pub fn take_store_changed(&mut self) -> bool {
        std::mem::take(&mut self.store_changed)
    }

    pub fn cancel(&mut self) {
        if let Some(stop) = &self.stop {
            let _ = stop.send(true);
        }
    }

    fn counts(&mut self) -> BTreeMap<&'static str, usize> {
        if let Some(counts) = &self.counts {
            return counts.clone();
        }
        let mut counts = BTreeMap::new();
        for p in &self.preview {
            let kind = if p.excluded {
                "excluded"
            } else {
                p.verdict.kind()
            };
            *counts.entry(kind).or_default() += 1;
        }
        self.counts = Some(counts.clone());
        counts
    }

    fn recheck(&mut self) {
        let rows: Vec<ImportRow> = self.preview.iter().map(|p| p.row.clone()).collect();
        let invited = &self.invited;
        let verdicts = import::verdicts(&rows, |email, opening| {
            invited.contains(&(email.trim().to_lowercase(), opening.trim().to_owned()))
        });
        for (p, v) in self.preview.iter_mut().zip(verdicts) {
            p.verdict = v;
        }
        self.counts = None;
    }

    fn poll(&mut self, ctx: &egui::Context, runtime: &Handle, store: &StoreHandle, profile: &str) {
        if self.interrupted_checked_for.as_deref() != Some(profile)
            && self.interrupted_task.is_none()
        {
            self.interrupted_checked_for = Some(profile.to_owned());
            let store = store.clone();
            let profile = profile.to_owned();
            self.interrupted_task = Some(jobs::spawn(runtime, ctx, async move {
                store
                    .call(move |s| s.unfinished_bulk_jobs(&profile))
                    .await
                    .map_err(|e| e.to_string())
            }));
        }
        if let Some(task) = self.interrupted_task.take() {
            match task.try_take() {
                Err(task) => self.interrupted_task = Some(task),
                Ok(Ok(Ok(jobs))) => self.interrupted = jobs,
                Ok(_) => {}
            }
        }
        if let Some(path) = self.pending_path.take() {
            let store = store.clone();
            let profile = profile.to_owned();
            let opening = Some(self.opening_for_all.clone()).filter(|o| !o.trim().is_empty());
            self.load_error = None;
            self.loading = Some(jobs::spawn(runtime, ctx, async move {
                let bytes = tokio::fs::read(&path)
                    .await
                    .map_err(|e| format!("{} could not be read: {e}.", path.display()))?;
                let parsed = tokio::task::spawn_blocking(move || {
                    import::parse_csv(&bytes, opening.as_deref())
                })
                .await
                .map_err(|e| e.to_string())?
                .map_err(|e| e.to_string())?;
                let rows = parsed.rows.clone();
                let invited = store
                    .call(move |s| {
                        let mut invited = HashSet::new();
                        for r in &rows {
                            if s.was_invited(&profile, &r.email, &r.opening)? {
                                invited.insert((
                                    r.email.trim().to_lowercase(),
                                    r.opening.trim().to_owned(),
                                ));
                            }
                        }
                        Ok(invited)
                    })
                    .await
                    .map_err(|e| e.to_string())?;
                Ok(Loaded {
                    path,
                    parsed,
                    invited,
                })
            }));
        }
        if let Some(task) = self.loading.take() {
            match task.try_take() {
                Err(task) => self.loading = Some(task),
                Ok(Ok(Ok(loaded))) => {
                    self.source = Some(loaded.path);
                    self.fingerprint = loaded.parsed.fingerprint.clone();
                    self.invited = loaded.invited;
                    self.counts = None;
                    self.preview = loaded
                        .parsed
                        .rows
                        .into_iter()
                        .map(|row| PreviewRow {
                            row,
                            verdict: Verdict::Ready,
                            excluded: false,
                        })
                        .collect();
                    self.recheck();
                    self.stage = Stage::Preview;
                    self.job = None;
                    self.results.clear();
                }
                Ok(Ok(Err(e))) => self.load_error = Some(e),
                Ok(Err(e)) => self.load_error = Some(e.to_string()),
            }
        }
        if let Some(task) = self.creating.take() {
            match task.try_take() {
                Err(task) => self.creating = Some(task),
                Ok(Ok(Ok(job))) => {
                    self.job = Some(job);
                    self.stage = Stage::Running;
                    self.send_when_ready = true;
                }
                Ok(Ok(Err(e))) => self.message = Some((true, e)),
                Ok(Err(e)) => self.message = Some((true, e.to_string())),
            }
        }
        if let Some(task) = self.run.take() {
            match task.try_take() {
                Err(task) => self.run = Some(task),
                Ok(outcome) => {
                    self.stop = None;
                    self.store_changed = true;
                    let summary = outcome.unwrap_or_else(|_| self.progress());
                    if let Some(why) = &summary.stopped_because {
                        self.message = Some((true, format!("Stopped: {why}")));
                        self.paused = true;
                    }
                    if summary.pending == 0 {
                        self.stage = Stage::Results;
                        self.paused = false;
                    }
                    self.load_results(ctx, runtime, store);
                }
            }
        }
        if let Some(task) = self.results_task.take() {
            match task.try_take() {
                Err(task) => self.results_task = Some(task),
                Ok(Ok(Ok(rows))) => self.results = rows,
                Ok(_) => {}
            }
        }
        if let Some(task) = self.side_task.take() {
            match task.try_take() {
                Err(task) => self.side_task = Some(task),
                Ok(Ok(Ok(text))) => {
                    self.message = Some((false, text));
                    self.load_results(ctx, runtime, store);
                }
                Ok(Ok(Err(e))) => self.message = Some((true, e)),
                Ok(Err(e)) => self.message = Some((true, e.to_string())),
            }
        }
    }

    fn load_results(&mut self, ctx: &egui::Context, runtime: &Handle, store: &StoreHandle) {
        let Some(job) = self.job else { return };
        let store = store.clone();
        self.results_task = Some(jobs::spawn(runtime, ctx, async move {
            store
                .call(move |s| s.bulk_rows(job))
                .await
                .map_err(|e| e.to_string())
        }));
    }

    fn start_job(
        &mut self,
        ctx: &egui::Context,
        runtime: &Handle,
        store: &StoreHandle,
        profile: &str,
    ) {
        let rows: Vec<BulkRow> = self
            .preview
            .iter()
            .map(|p| BulkRow {
                row_no: p.row.row_no,
                email: p.row.email.clone(),
                opening: p.row.opening.clone(),
                first_name: p.row.first_name.clone(),
                last_name: p.row.last_name.clone(),
                state: if p.excluded {
                    RowState::Excluded
                } else {
                    match &p.verdict {
                        Verdict::Ready => RowState::Pending,
                        v @ (Verdict::DuplicateInFile { .. } | Verdict::AlreadyInvited) => {
                            RowState::Skipped(v.label())
                        }
                        v => RowState::Failed(v.label()),
                    }
                },
            })
            .collect();
        let store = store.clone();
        let profile = profile.to_owned();
        let source = self
            .source
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let fingerprint = self.fingerprint.clone();
        self.creating = Some(jobs::spawn(runtime, ctx, async move {
            store
                .call(move |s| {
                    s.create_bulk_job(&profile, &source, &fingerprint, &rows, chrono::Utc::now())
                })
                .await
                .map_err(|e| e.to_string())
        }));
    }

    fn send(
        &mut self,
        ctx: &egui::Context,
        runtime: &Handle,
        store: &StoreHandle,
        connection: &Connection,
    ) {
        let Some(job) = self.job else { return };
        let (stop, stop_rx) = watch::channel(false);
        self.stop = Some(stop);
        self.paused = false;
        let repaint = ctx.clone();
        let what = BulkRun {
            client: connection.client.clone(),
            store: store.clone(),
            profile: connection.profile.name.clone(),
            job,
            concurrency: self.concurrency,
        };
        let progress = self.progress.clone();
        self.run = Some(jobs::spawn(runtime, ctx, async move {
            bulk::run(what, progress, stop_rx, move || repaint.request_repaint()).await
        }));
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        runtime: &Handle,
        store: Option<&StoreHandle>,
        connection: Option<&Connection>,
    ) {
        ui.heading("Bulk invite");
        let (Some(store), Some(connection)) = (store, connection) else {
            ui.label("Use a profile (Keys) to invite from a file.");
            return;
        };
        let profile = connection.profile.name.clone();
        self.poll(ui.ctx(), runtime, store, &profile);
        if self.send_when_ready
            && self.job.is_some()
            && self.creating.is_none()
            && self.side_task.is_none()
            && self.run.is_none()
        {
            self.send_when_ready = false;
            self.send(ui.ctx(), runtime, store, connection);
        }
        if let Some((is_error, text)) = &self.message {
            if *is_error {
                widgets::error_message(ui, text);
            } else {
                widgets::success_message(ui, text);
            }
        }
        self.interrupted_ui(ui, runtime, store, connection);
        match self.stage {
            Stage::Choose => self.choose_ui(ui),
            Stage::Preview => self.preview_ui(ui, runtime, store, &profile),
            Stage::Running | Stage::Results => self.run_ui(ui, runtime, store, connection),
        }
    }

    fn interrupted_ui(
        &mut self,
        ui: &mut Ui,
        runtime: &Handle,
        store: &StoreHandle,
        connection: &Connection,
    ) {
        if self.interrupted.is_empty() || self.run.is_some() || self.job.is_some() {
            return;
        }
        let jobs = self.interrupted.clone();
        egui::Frame::group(ui.style()).show(ui, |ui| {
            for job in jobs {
                ui.horizontal(|ui| {
                    widgets::warning_message(
                        ui,
                        &format!("An import of {} from {} did not finish.", job.source, job.created_at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M")),
                    );
                    if ui.button("Resume").clicked() {
                        let store_handle = store.clone();
                        let id = job.id;
                        self.job = Some(id);
                        self.stage = Stage::Running;
                        self.interrupted.clear();
                        self.results.clear();
                        self.send_when_ready = true;
                        self.side_task = Some(jobs::spawn(runtime, ui.ctx(), async move {
                            store_handle
                                .call(move |s| s.settle_interrupted_rows(id, chrono::Utc::now()))
                                .await
                                .map(|n| {
                                    if n > 0 {
                                        format!("{n} rows were being sent when the app stopped; their outcome is unknown. Re-send or mark them done below.")
                                    } else {
                                        "Resuming.".to_owned()
                                    }
                                })
                                .map_err(|e| e.to_string())
                        }));
                        let _ = connection;
                    }
                });
            }
        });
    }

    fn choose_ui(&mut self, ui: &mut Ui) {
        ui.label("Invite everyone in a spreadsheet saved as CSV: a header row with an email column, and optionally opening, first name and last name. Drop the file on the window, or choose it.");
        ui.add_space(theme::SPACE);
        widgets::labelled_text_edit(
            ui,
            "Opening for all",
            &mut self.opening_for_all,
            "used when the file has no opening column",
            false,
        );
        ui.add_space(theme::SPACE);
        ui.horizontal(|ui| {
            if ui.button("Choose a CSV file…").clicked() {
                let picked = Arc::new(Mutex::new(None::<PathBuf>));
                let slot = picked.clone();
                let ctx = ui.ctx().clone();
                // The dialog runs on its own thread; the path arrives on a later frame.
                std::thread::spawn(move || {
                    let file = rfd::FileDialog::new()
                        .add_filter("CSV", &["csv", "txt"])
                        .pick_file();
                    *slot.lock().unwrap_or_else(PoisonError::into_inner) = file;
                    ctx.request_repaint();
                });
                self.dialog = Some(picked);
            }
            if self.loading.is_some() {
                ui.spinner();
                ui.label("Reading the file…");
            }
        });
        if let Some(slot) = &self.dialog {
            let picked = slot.lock().unwrap_or_else(PoisonError::into_inner).take();
            if let Some(path) = picked {
                self.dialog = None;
                self.open_file(path);
                ui.ctx().request_repaint();
            }
        }
        if let Some(e) = &self.load_error {
            widgets::error_message(ui, e);
        }
    }

    fn preview_ui(&mut self, ui: &mut Ui, runtime: &Handle, store: &StoreHandle, profile: &str) {
        let counts = self.counts();
        let ready = counts.get("ready").copied().unwrap_or(0);
        ui.label(format!(
            "{}: {} rows. {}",
            self.source
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            self.preview.len(),
            counts
                .iter()
                .map(|(k, n)| format!("{n} {k}"))
                .collect::<Vec<_>>()
                .join(" · ")
        ));
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    ready > 0 && self.creating.is_none(),
                    egui::Button::new(format!("Send {ready} invites")),
                )
                .clicked()
            {
                self.start_job(ui.ctx(), runtime, store, profile);
            }
            ui.add(
                egui::DragValue::new(&mut self.concurrency)
                    .range(1..=64)
                    .prefix("at once: "),
            );
            if ui.button("Choose another file…").clicked() {
                *self = BulkView {
                    concurrency: self.concurrency,
                    ..BulkView::default()
                };
            }
        });
        ui.separator();
        let edit = self.preview_table_ui(ui);
        if edit.changed {
            self.recheck();
        }
        if edit.stop_editing {
            self.editing = None;
        }
        if let Some(cell) = edit.start_editing {
            self.editing = Some(cell);
            self.editing_started = true;
            ui.ctx().request_repaint();
        }
    }

    /// The preview's rows, painted: a check box to send or not, Email and Opening to click
    /// and fix in place, the name and the verdict. Only the rows in view are drawn.
    fn preview_table_ui(&mut self, ui: &mut Ui) -> PreviewEdit {
        let mut edit = PreviewEdit::default();
        let row_height = theme::ROW_HEIGHT + 4.0;
        let columns = Columns::new(
            &PREVIEW_WIDTHS,
            PREVIEW_MIN_SHARED,
            ui.max_rect().left(),
            ui.available_width(),
        );
        painted_table::header(ui, &columns, &PREVIEW_TITLES, row_height);
        let dark = ui.visuals().dark_mode;
        let editing = self.editing;
        let editing_started = &mut self.editing_started;
        let preview = &mut self.preview;
        let table_id = egui::Id::unique("bulk-preview");
        ui.spacing_mut().item_spacing.y = 0.0;
        egui::ScrollArea::vertical()
            .id_salt("bulk-preview-rows")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, preview.len(), |ui, range| {
                let font = egui::TextStyle::Body.resolve(ui.style());
                let (normal, weak) = (ui.visuals().text_color(), ui.visuals().weak_text_color());
                for i in range {
                    let p = &mut preview[i];
                    let row_no = p.row.row_no;
                    let rect = egui::Rect::from_min_size(
                        ui.cursor().min,
                        egui::vec2(columns.width(), row_height),
                    );
                    ui.advance_cursor_after_rect(rect);
                    let hovered = ui.rect_contains_pointer(rect);
                    painted_table::paint_row_background(ui, rect, i, false, hovered);
                    let row_id = table_id.with(i);

                    let number = Cell::plain(row_no.to_string(), weak);
                    painted_table::paint_cell(ui, columns.rect(0, rect), &number, &font, true);

                    let mut send = !p.excluded;
                    let check = painted_table::check_box(
                        ui,
                        row_id.with("send"),
                        columns.rect(1, rect),
                        &mut send,
                        &format!("Send row {row_no}"),
                    );
                    if check.changed() {
                        p.excluded = !send;
                        edit.changed = true;
                    }
                    let check_id = check.id;
                    if check.hovered() {
                        check.on_hover_text(if send {
                            format!("Row {row_no} will be sent: click to leave it out")
                        } else {
                            format!("Row {row_no} is left out: click to send it")
                        });
                    }

                    for (column, field) in [(2, EditField::Email), (3, EditField::Opening)] {
                        let cell_rect = columns.rect(column, rect);
                        let (text, what) = match field {
                            EditField::Email => (&mut p.row.email, "Email"),
                            EditField::Opening => (&mut p.row.opening, "Opening"),
                        };
                        if editing == Some((i, field)) {
                            let response = ui.put(
                                cell_rect,
                                egui::TextEdit::singleline(text).desired_width(f32::INFINITY),
                            );
                            if *editing_started {
                                response.request_focus();
                                *editing_started = false;
                            } else if !ui.memory(|m| m.has_focus(response.id)) {
                                // The keyboard went to another widget (Enter, Tab, Escape or
                                // a click elsewhere); not merely to another window, so a
                                // recruiter can switch away to copy an address and come back.
                                edit.stop_editing = true;
                            }
                            if response.changed() {
                                edit.changed = true;
                            }
                            continue;
                        }
                        let response = ui.interact(cell_rect, row_id.with(column), Sense::click());
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Label, true, text.as_str())
                        });
                        let cell = Cell::plain(text.clone(), normal);
                        let cut = painted_table::paint_cell(ui, cell_rect, &cell, &font, false);
                        if response.hovered() {
                            let tip = format!("{what} of row {row_no}: click to edit");
                            let response = response.clone().on_hover_cursor(egui::CursorIcon::Text);
                            if cut {
                                response.on_hover_text(format!("{text}\n{tip}"));
                            } else {
                                response.on_hover_text(tip);
                            }
                        }
                        if response.clicked() {
                            edit.start_editing = Some((i, field));
                        }
                    }

                    let name = [p.row.first_name.as_deref(), p.row.last_name.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ");
                    let name = Cell::plain(name, normal);
                    let verdict = if p.excluded {
                        Cell::plain("excluded".to_owned(), weak)
                    } else {
                        let colour = match &p.verdict {
                            Verdict::Ready => theme::success_colour(dark),
                            Verdict::DuplicateInFile { .. } | Verdict::AlreadyInvited => {
                                theme::warning_colour(dark)
                            }
                            _ => theme::error_colour(dark),
                        };
                        Cell::plain(p.verdict.label(), colour)
                    };
                    let mut cut = [false; 2];
                    for (k, cell) in [&name, &verdict].into_iter().enumerate() {
                        let cell_rect = columns.rect(4 + k, rect);
                        cut[k] = painted_table::paint_cell(ui, cell_rect, cell, &font, false);
                    }
                    // A cut name or verdict shows whole on hover.
                    if hovered
                        && let Some(column) = ui
                            .ctx()
                            .pointer_hover_pos()
                            .and_then(|pos| columns.at(pos.x))
                            .filter(|&c| c >= 4 && cut[c - 4])
                    {
                        let cell = if column == 4 { &name } else { &verdict };
                        ui.interact(
                            columns.rect(column, rect),
                            row_id.with(column),
                            Sense::hover(),
                        )
                        .on_hover_text(cell.text.as_str());
                    }
                    if painted_table::accessibility_active(ui, check_id) {
                        for (column, cell) in [(0, &number), (4, &name), (5, &verdict)] {
                            let cell_rect = columns.rect(column, rect);
                            painted_table::cell_node(ui, row_id, column, cell_rect, &cell.text);
                        }
                    }
                }
            });
        edit
    }

    fn run_ui(
        &mut self,
        ui: &mut Ui,
        runtime: &Handle,
        store: &StoreHandle,
        connection: &Connection,
    ) {
        let p = self.progress();
        let done = p.total.saturating_sub(p.pending);
        ui.horizontal(|ui| {
            let fraction = if p.total == 0 {
                0.0
            } else {
                done as f32 / p.total as f32
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(280.0)
                    .text(format!("{done} / {}", p.total)),
            );
            ui.label(format!(
                "{} sent · {} created · {} skipped · {} failed · {} unknown",
                p.sent, p.created, p.skipped, p.failed, p.unknown
            ));
            if self.run.is_some() {
                let rate = p.rate();
                let eta = p
                    .eta()
                    .map_or_else(String::new, |s| format!(", about {:.0} s left", s.ceil()));
                ui.label(format!("{rate:.1}/s{eta}"));
                if let Some(until) = p.paused_until
                    && let Some(left) = until.checked_duration_since(std::time::Instant::now())
                {
                    ui.label(format!(
                        "the server asked to slow down: {:.0} s",
                        left.as_secs_f32().ceil()
                    ));
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(250));
                }
            }
        });
        ui.horizontal(|ui| {
            if self.run.is_some() {
                if ui.button("Pause").on_hover_text("Finish the invites in flight, then wait").clicked() {
                    self.paused = true;
                    self.cancel();
                }
                if ui.button("Cancel").on_hover_text("Stop after the invites in flight").clicked() {
                    self.paused = true;
                    self.cancel();
                }
            } else if p.pending > 0 && ui.button("Resume").clicked() {
                self.send(ui.ctx(), runtime, store, connection);
            }
            if self.run.is_none() && self.job.is_some() {
                let failed = self.results.iter().filter(|r| matches!(r.state, RowState::Failed(_))).count();
                let unknown = self.results.iter().filter(|r| matches!(r.state, RowState::Unknown(_))).count();
                if failed > 0 && ui.button(format!("Retry {failed} failed")).clicked() {
                    self.requeue(ui.ctx(), runtime, store, connection, "failed");
                }
                if unknown > 0 {
                    if ui.button(format!("Re-send {unknown} unknown"))
                        .on_hover_text("Safe where the server refuses a repeated invite: it then counts as already invited")
                        .clicked()
                    {
                        self.requeue(ui.ctx(), runtime, store, connection, "unknown");
                    }
                    if ui.button("Mark unknown as done").clicked() {
                        let store_handle = store.clone();
                        let job = self.job.unwrap_or_default();
                        let ids: Vec<u64> = self.results.iter().filter(|r| matches!(r.state, RowState::Unknown(_))).map(|r| r.row_no).collect();
                        self.side_task = Some(jobs::spawn(runtime, ui.ctx(), async move {
                            store_handle
                                .call(move |s| {
                                    let now = chrono::Utc::now();
                                    for row in &ids {
                                        s.set_bulk_row_state(job, *row, &RowState::Excluded, now)?;
                                    }
                                    s.finish_bulk_job_if_done(job, now)?;
                                    Ok(format!("{} rows marked done.", ids.len()))
                                })
                                .await
                                .map_err(|e| e.to_string())
                        }));
                    }
                }
                if !self.results.is_empty() && ui.button("Export results CSV…").clicked() {
                    let rows = self.results.clone();
                    self.side_task = Some(jobs::spawn(runtime, ui.ctx(), async move {
                        let Some(file) = rfd::AsyncFileDialog::new().set_file_name("invite-results.csv").save_file().await else {
                            return Ok("Export cancelled.".to_owned());
                        };
                        let path = file.path().to_path_buf();
                        tokio::task::spawn_blocking(move || {
                            crate::store::bulk::write_results(&path, &rows).map(|()| path).map_err(|e| e.to_string())
                        })
                            .await
                            .map_err(|e| e.to_string())?
                            .map(|path| format!("Saved {}.", path.display()))
                    }));
                }
                if ui.button("New import…").clicked() {
                    *self = BulkView { concurrency: self.concurrency, ..BulkView::default() };
                }
            }
        });
        if self.stage == Stage::Choose {
            return;
        }
        if self.run.is_none() && self.results.is_empty() && self.results_task.is_none() {
            self.load_results(ui.ctx(), runtime, store);
        }
        ui.horizontal(|ui| {
            ui.label("Show");
            for (filter, label) in [
                (None, "all"),
                (Some("created"), "created"),
                (Some("skipped"), "skipped"),
                (Some("failed"), "failed"),
                (Some("unknown"), "unknown"),
            ] {
                if ui
                    .selectable_label(self.state_filter == filter, label)
                    .clicked()
                {
                    self.state_filter = filter;
                }
            }
        });
        ui.separator();
        let rows: Vec<&BulkRow> = self
            .results
            .iter()
            .filter(|r| self.state_filter.is_none_or(|f| r.state.name() == f))
            .collect();
        let row_height = theme::ROW_HEIGHT;
        let columns = Columns::new(
            &RESULT_WIDTHS,
            RESULT_MIN_SHARED,
            ui.max_rect().left(),
            ui.available_width(),
        );
        painted_table::header(ui, &columns, &RESULT_TITLES, row_height + 4.0);
        let table_id = egui::Id::unique("bulk-results");
        ui.spacing_mut().item_spacing.y = 0.0;
        egui::ScrollArea::vertical()
            .id_salt("bulk-results-rows")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, rows.len(), |ui, range| {
                let font = egui::TextStyle::Body.resolve(ui.style());
                let dark = ui.visuals().dark_mode;
                let (normal, weak) = (ui.visuals().text_color(), ui.visuals().weak_text_color());
                for i in range {
                    let r = rows[i];
                    let rect = egui::Rect::from_min_size(
                        ui.cursor().min,
                        egui::vec2(columns.width(), row_height),
                    );
                    ui.advance_cursor_after_rect(rect);
                    let response = ui.interact(rect, table_id.with(r.row_no), Sense::hover());
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Row,
                            true,
                            format!("Row {}, {}, {}", r.row_no, r.email, r.state.name()),
                        )
                    });
                    painted_table::paint_row_background(ui, rect, i, false, response.hovered());
                    let cells = result_cells(r, dark, normal, weak);
                    let mut cut = [false; RESULT_TITLES.len()];
                    for (column, cell) in cells.iter().enumerate() {
                        let right = column == 0 || column == 4;
                        cut[column] = painted_table::paint_cell(
                            ui,
                            columns.rect(column, rect),
                            cell,
                            &font,
                            right,
                        );
                    }
                    if let Some(column) = response
                        .hover_pos()
                        .and_then(|pos| columns.at(pos.x))
                        .filter(|&c| cut[c])
                    {
                        response.clone().on_hover_text(cells[column].text.as_str());
                    }
                    if painted_table::accessibility_active(ui, response.id) {
                        for (column, cell) in cells.iter().enumerate() {
                            let cell_rect = columns.rect(column, rect);
                            painted_table::cell_node(
                                ui,
                                response.id,
                                column,
                                cell_rect,
                                &cell.text,
                            );
                        }
                    }
                }
            });
    }

    fn requeue(
        &mut self,
        ctx: &egui::Context,
        runtime: &Handle,
        store: &StoreHandle,
        connection: &Connection,
        state: &'static str,
    ) {
        let Some(job) = self.job else { return };
        let store_handle = store.clone();
        let repaint = ctx.clone();
        let (stop, stop_rx) = watch::channel(false);
        self.stop = Some(stop);
        self.stage = Stage::Running;
        self.paused = false;
        let what = BulkRun {
            client: connection.client.clone(),
            store: store.clone(),
            profile: connection.profile.name.clone(),
            job,
            concurrency: self.concurrency,
        };
        let progress = self.progress.clone();
        self.run = Some(jobs::spawn(runtime, ctx, async move {
            let _ = store_handle
                .call(move |s| s.requeue_bulk_rows(job, &[state], chrono::Utc::now()))
                .await;
            bulk::run(what, progress, stop_rx, move || repaint.request_repaint()).await
        }));
    }
}
