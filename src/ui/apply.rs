//! The one place commands are carried out, once per frame after the views drew: each goes to
//! the part of the state it concerns, which starts the job.

use super::command::Command;
use super::settings::View;
use super::state::applicants::ViewOptions;
use super::state::lookup::no_profile;
use super::{DashboardApp, a11y, applicants, lookup_view};
use crate::jobs::bulk::Stop;

impl DashboardApp {
    pub(super) fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let s = &mut self.state;
        let work = s.work.clone();
        let connection = s.connection().cloned();
        let record = s.record();
        match command {
            Command::ShowView(view) => {
                s.settings.view = view;
                a11y::open_view(ctx, view);
            }
            Command::FocusLookUp => {
                s.settings.view = View::LookUp;
                ctx.memory_mut(|m| m.request_focus(lookup_view::id_field()));
            }
            Command::NewInvite => {
                s.settings.view = View::Invite;
                // Email is the view's first field, whatever its label says in the language.
                a11y::open_view(ctx, View::Invite);
            }
            Command::FocusFilter => {
                s.settings.view = View::Applicants;
                ctx.memory_mut(|m| m.request_focus(applicants::filter_id()));
            }
            Command::ToggleHelp => s.windows.help = !s.windows.help,
            Command::ToggleAbout => s.windows.about = !s.windows.about,
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Escape if s.openings.is_comparing() => {
                // Esc closes the comparison, and only that.
                s.openings.show_comparison(&work, None, false);
            }
            Command::Escape => {
                s.windows.help = false;
                s.windows.about = false;
                s.lookup.cancel();
                s.invite.cancel();
                s.applicants.cancel_refresh();
                s.bulk.stop(Stop::Pause);
            }
            Command::DismissNotice => s.notice = None,
            Command::Tell(text) => s.tell(text),

            Command::UseProfile(name) => s.keys.use_profile(&work, &name, &s.client_options),
            Command::SaveProfile { profile, key } => {
                s.keys
                    .save_profile(&work, profile, key, true, &s.client_options);
            }
            Command::SaveProfileAnyway => s.keys.save_anyway(&work, &s.client_options),
            Command::SetTeamDb { url, password } => {
                if let Some(c) = &connection {
                    let name = c.profile.name.clone();
                    if let Some(password) = password {
                        s.team
                            .save_password(&work, s.keys.secret_store(), &name, password);
                    }
                    s.keys.set_team_db(&work, &name, url);
                    s.team.forget();
                    s.connection_changed();
                }
            }
            Command::PushToTeam => s.team.push(&work, s.local_record(), record),
            Command::KeepKeyForSession => s.keys.keep_for_session(&work, &s.client_options),
            Command::ForgetPendingKey => s.keys.forget_pending(),
            Command::VerifyKey => s.keys.verify(&work),
            Command::DeleteProfile(name) => s.keys.delete_profile(&work, name),
            Command::StartDemo => s.keys.start_demo(&work, &s.client_options),

            Command::LookUp(id) => s.lookup.look_up(&work, connection.as_ref(), record, id),
            Command::CancelLookUp => s.lookup.cancel(),

            // Nothing is sent that could not be recorded.
            Command::Invite(_)
            | Command::SendImport
            | Command::ContinueImport
            | Command::ResumeImport(_)
            | Command::RetryFailed
            | Command::ResendUnknown
            | Command::Refresh(_)
                if s.sending_refused().is_some() =>
            {
                s.warn(s.sending_refused().unwrap_or_default());
            }
            Command::Invite(new) => s.invite.invite(&work, connection.as_ref(), record, new),

            Command::ReloadApplicants => s.applicants.reload(),
            Command::ApplicantsOptions(options) => s.applicants.set_options(options),
            Command::SelectApplicant(id) => s.applicants.select(&work, record.as_ref(), id),
            Command::Track(id) => s.applicants.track(&work, record.as_ref(), id),
            Command::Untrack(ids) => s.applicants.untrack(&work, record.as_ref(), ids),
            Command::Refresh(ids) => {
                if connection.is_none() {
                    s.warn(no_profile());
                } else {
                    s.applicants.refresh(ids);
                }
            }
            Command::CancelRefresh => s.applicants.cancel_refresh(),
            Command::ExportApplicants { ids, format } => {
                s.applicants
                    .export_table(&work, record.as_ref(), ids, format);
            }
            Command::ExportApplicantJson(id) => s.applicants.export_json(&work, id),

            Command::OpenImport { path, opening } => {
                // A known opening's ID typed for every row is sent as its name.
                let opening = s.openings.names().check(&opening).name_to_send(&opening);
                s.settings.view = View::Bulk;
                s.bulk.open(&work, record.as_ref(), path, opening);
            }
            Command::ChooseImportFile { opening } => {
                let opening = s.openings.names().check(&opening).name_to_send(&opening);
                s.bulk.choose_file(&work, opening);
            }
            Command::EditPreview { row, field, text } => s.bulk.edit(row, field, text),
            Command::LeaveOut { row, excluded } => s.bulk.leave_out(row, excluded),
            Command::SendImport => {
                s.bulk
                    .send_preview(&work, connection.as_ref(), record.as_ref());
            }
            Command::PauseImport => s.bulk.stop(Stop::Pause),
            Command::CancelImport => s.bulk.stop(Stop::Cancel),
            Command::ContinueImport => s.bulk.go_on(&work, connection.as_ref(), record.as_ref()),
            Command::ResumeImport(job) => {
                s.bulk
                    .resume(&work, connection.as_ref(), record.as_ref(), job);
            }
            Command::RetryFailed => {
                s.bulk
                    .requeue(&work, connection.as_ref(), record.as_ref(), "failed");
            }
            Command::ResendUnknown => {
                s.bulk
                    .requeue(&work, connection.as_ref(), record.as_ref(), "unknown");
            }
            Command::MarkUnknownDone => s.bulk.mark_unknown_done(&work, record.as_ref()),
            Command::ExportResults(format) => s.bulk.export_results(&work, format),
            Command::ReadImportAs { sheet, encoding } => {
                s.bulk.read_as(&work, record.as_ref(), sheet, encoding);
            }
            Command::NewImport => s.bulk.new_import(),
            Command::SetImportConcurrency(n) => s.bulk.set_concurrency(n),

            Command::ChooseOpening(opening) => s.openings.choose(opening),
            Command::ShortlistFilter { scored_only, top } => {
                s.openings.set_filter(scored_only, top);
            }
            Command::WeighOpening { id, skill_weight } => {
                s.openings.weigh(&work, record.as_ref(), id, skill_weight);
            }
            Command::NameOpening { id, name, title } => {
                s.openings.name(&work, record.as_ref(), id, name, title);
            }
            Command::ToggleCompare(id) => s.openings.toggle_compare(id),
            Command::ShowComparison(open) => {
                s.openings.show_comparison(&work, record.as_ref(), open);
            }
            Command::ClearComparison => s.openings.clear_comparison(),
            Command::ShowApplicant(id) => {
                s.settings.view = View::Applicants;
                s.openings.show_comparison(&work, None, false);
                s.applicants.select(&work, record.as_ref(), Some(id));
            }
            Command::ShowStale(opening) => {
                s.settings.view = View::Applicants;
                s.applicants.set_options(ViewOptions {
                    opening: Some(opening),
                    stale_after: Some(s.settings.stale_after_days),
                    changed_only: false,
                    ..s.applicants.options().clone()
                });
            }
            Command::Assess { id, change } => s.assess.assess(&work, record.as_ref(), id, change),

            Command::ChangeSettings(settings) => self.change_settings(ctx, settings),
        }
    }

    /// New settings apply at once: the look, the timeout of the profile in use, the pace of
    /// refreshes and bulk invites.
    fn change_settings(&mut self, ctx: &egui::Context, settings: super::settings::Persisted) {
        let s = &mut self.state;
        let before = std::mem::replace(&mut s.settings, settings.clamped());
        let now = &s.settings;
        if before.theme != now.theme || before.zoom != now.zoom {
            ctx.set_theme(now.theme);
            ctx.set_zoom_factor(now.zoom);
        }
        let (timeout, concurrency, every) = (now.timeout(), now.concurrency, now.check_every());
        if before.timeout_secs != now.timeout_secs {
            s.client_options.timeout = timeout;
            s.keys.apply_options(&s.client_options);
            s.connection_changed();
        }
        if before.concurrency != concurrency || before.check_every() != every {
            s.applicants.set_pace(concurrency, every);
            s.bulk.set_concurrency(concurrency.min(16));
        }
        let (stale_after, notifications) =
            (s.settings.stale_after_days, s.settings.notifications());
        s.openings.set_stale_after(stale_after);
        if before.notifications() != notifications {
            s.applicants.set_notifications(&s.work, notifications);
        }
    }
}
