//! Exports from the Applicants view: the rows shown to CSV or XLSX, one applicant's JSON to a
//! file.

use super::super::{Problem, Work};
use super::ApplicantsState;
use crate::jobs::export;
use crate::jobs::record::{Record, TrackedApplicant};
use crate::t;

impl ApplicantsState {
    /// The rows with these IDs, in this order, to a CSV or XLSX file the recruiter picks.
    pub fn export_table(
        &mut self,
        work: &Work,
        record: Option<&Record>,
        ids: Vec<u64>,
        format: export::TableFormat,
    ) {
        let Some(record) = record.cloned() else {
            return;
        };
        // Copied off the window's thread: a million rows take longer than a frame.
        let shown = self.shared_rows().clone();
        let what = format.what();
        self.side.start(work, async move {
            let rows: Vec<TrackedApplicant> = ids
                .iter()
                .filter_map(|id| super::index_of(&shown, *id))
                .map(|at| shown[at].clone())
                .collect();
            drop(shown);
            let ext = format.extension();
            let suggested = format!("applicants.{ext}");
            let Some(path) = crate::ui::dialogs::save_path(&suggested, &what, &[ext]).await else {
                return Ok(t!("applicants-export-cancelled"));
            };
            let count = rows.len();
            let extras = export::extras(&record)
                .await
                .map_err(|e| Problem::record(&e))?;
            export::table_file(path, rows, extras)
                .await
                .map(|path| {
                    t!(
                        "applicants-exported",
                        count = count,
                        path = path.display().to_string()
                    )
                })
                .map_err(|e| export_problem(&e))
        });
    }

    /// The selected applicant's JSON as received, to a file the recruiter picks.
    pub fn export_json(&mut self, work: &Work, id: u64) {
        let Some(raw) = self
            .detail()
            .filter(|d| d.id == id)
            .and_then(|d| d.raw.clone())
        else {
            return;
        };
        self.side.start(work, async move {
            let name = format!("applicant-{id}.json");
            let what = t!("applicants-format-json");
            let Some(path) = crate::ui::dialogs::save_path(&name, &what, &["json"]).await else {
                return Ok(t!("applicants-export-cancelled"));
            };
            export::text_file(path, raw)
                .await
                .map(|path| t!("applicants-saved", path = path.display().to_string()))
                .map_err(|e| export_problem(&e))
        });
    }
}

fn export_problem(e: &export::ExportError) -> Problem {
    Problem {
        sentence: e.to_string(),
        details: e.technical().map(str::to_owned),
    }
}
