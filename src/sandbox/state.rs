//! The sandbox's data: openings and applicants as plain JSON, in memory or in SQLite.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use rand::Rng;
use rusqlite::{Connection, params};
use serde_json::{Value, json};

use super::{SandboxError, Seed};

/// The first ID given to an applicant created through the API, above every seeded one.
const FIRST_CREATED_ID: u64 = 100_001;

pub struct State {
    /// Opening name → (id, JSON).
    pub openings: BTreeMap<String, u64>,
    pub applicants: BTreeMap<u64, Value>,
    /// `email (lower case) \t opening id`, for "already invited".
    invited: HashSet<String>,
    next_id: u64,
    db: Option<Connection>,
}

fn db_error(e: rusqlite::Error) -> SandboxError {
    SandboxError::Database(e.to_string())
}

impl State {
    pub fn open(seed: Seed, db: Option<&Path>) -> Result<State, SandboxError> {
        let mut state = State {
            openings: BTreeMap::new(),
            applicants: BTreeMap::new(),
            invited: HashSet::new(),
            next_id: FIRST_CREATED_ID,
            db: None,
        };
        if let Some(path) = db {
            let conn = Connection::open(path).map_err(db_error)?;
            conn.execute_batch(
                "PRAGMA journal_mode = WAL;
                 PRAGMA synchronous = NORMAL;
                 CREATE TABLE IF NOT EXISTS openings (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, json TEXT NOT NULL);
                 CREATE TABLE IF NOT EXISTS applicants (id INTEGER PRIMARY KEY, json TEXT NOT NULL);",
            )
            .map_err(db_error)?;
            let existing: i64 = conn
                .query_row("SELECT COUNT(*) FROM openings", [], |r| r.get(0))
                .map_err(db_error)?;
            state.db = Some(conn);
            if existing > 0 {
                state.load_from_db()?;
                return Ok(state);
            }
        }
        state.apply_seed(seed)?;
        Ok(state)
    }

    fn load_from_db(&mut self) -> Result<(), SandboxError> {
        let Some(conn) = &self.db else { return Ok(()) };
        let mut openings = Vec::new();
        {
            let mut stmt = conn
                .prepare("SELECT id, name FROM openings")
                .map_err(db_error)?;
            let rows = stmt
                .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
                .map_err(db_error)?;
            for row in rows {
                openings.push(row.map_err(db_error)?);
            }
        }
        let mut applicants = Vec::new();
        {
            let mut stmt = conn
                .prepare("SELECT json FROM applicants")
                .map_err(db_error)?;
            let rows = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(db_error)?;
            for row in rows {
                let text = row.map_err(db_error)?;
                let value: Value = serde_json::from_str(&text).map_err(|e| {
                    SandboxError::Database(format!("a stored applicant is damaged: {e}"))
                })?;
                applicants.push(value);
            }
        }
        for (id, name) in openings {
            self.openings.insert(name, id.unsigned_abs());
        }
        for applicant in applicants {
            self.remember(applicant);
        }
        Ok(())
    }

    fn apply_seed(&mut self, seed: Seed) -> Result<(), SandboxError> {
        let openings: Vec<Value> = serde_json::from_str(super::seed::OPENINGS)
            .map_err(|e| SandboxError::Seed(e.to_string()))?;
        for opening in &openings {
            let (Some(id), Some(name)) = (opening["id"].as_u64(), opening["name"].as_str()) else {
                return Err(SandboxError::Seed("an opening has no id or name".into()));
            };
            self.openings.insert(name.to_owned(), id);
        }
        let applicants = match seed {
            Seed::Empty => Vec::new(),
            Seed::Demo => super::seed::demo_applicants()?,
        };
        for applicant in applicants {
            self.remember(applicant);
        }
        if self.db.is_some() {
            self.write_all(&openings)?;
        }
        Ok(())
    }

    fn write_all(&mut self, openings: &[Value]) -> Result<(), SandboxError> {
        let Some(conn) = self.db.as_mut() else {
            return Ok(());
        };
        let tx = conn.transaction().map_err(db_error)?;
        for o in openings {
            tx.execute(
                "INSERT OR REPLACE INTO openings (id, name, json) VALUES (?1, ?2, ?3)",
                params![o["id"].as_i64(), o["name"].as_str(), o.to_string()],
            )
            .map_err(db_error)?;
        }
        for (id, a) in &self.applicants {
            tx.execute(
                "INSERT OR REPLACE INTO applicants (id, json) VALUES (?1, ?2)",
                params![*id as i64, a.to_string()],
            )
            .map_err(db_error)?;
        }
        tx.commit().map_err(db_error)
    }

    fn remember(&mut self, applicant: Value) {
        let Some(id) = applicant["id"].as_u64() else {
            return;
        };
        if let (Some(email), Some(opening)) = (
            applicant["email"].as_str(),
            applicant["opening_id"].as_u64(),
        ) {
            self.invited.insert(invite_key(email, opening));
        }
        self.next_id = self.next_id.max(id + 1).max(FIRST_CREATED_ID);
        self.applicants.insert(id, applicant);
    }

    /// Adds the generated crowd (in memory only: it is regenerated the same on every start).
    pub fn add_crowd(&mut self, n: u32) {
        let next = self.next_id;
        for applicant in super::seed::crowd(n) {
            self.remember(applicant);
        }
        // Created applicants keep their own range below the crowd's.
        self.next_id = next;
    }

    pub fn opening_id(&self, name: &str) -> Option<u64> {
        self.openings.get(name.trim()).copied()
    }

    pub fn already_invited(&self, email: &str, opening: u64) -> bool {
        self.invited.contains(&invite_key(email, opening))
    }

    /// Creates an applicant as the vendor does: INVITED, step 0, a fresh code and slug.
    pub fn create(
        &mut self,
        email: &str,
        opening: u64,
        first_name: Option<String>,
        last_name: Option<String>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Value, SandboxError> {
        let id = self.next_id;
        let mut rng = rand::rng();
        let code: String = (0..8)
            .map(|_| char::from(rng.random_range(b'A'..=b'Z')))
            .collect();
        let uuid = format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            rng.random::<u32>(),
            rng.random::<u16>(),
            rng.random::<u16>(),
            rng.random::<u16>(),
            rng.random::<u64>() & 0xffff_ffff_ffff
        );
        let slug_name = [first_name.as_deref(), last_name.as_deref()]
            .into_iter()
            .flatten()
            .map(slugify)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let slug = if slug_name.is_empty() {
            uuid
        } else {
            format!("{slug_name}-{uuid}")
        };
        let stamp = now.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let applicant = json!({
            "id": id,
            "email": email,
            "opening_id": opening,
            "status": "INVITED",
            "skill_score": null,
            "adequation_score": null,
            "first_name": first_name,
            "last_name": last_name,
            "code": code,
            "recruiter_score": 0,
            "source": "API",
            "step": 0,
            "cv": "/cvs/original/missing.png",
            "video_uuid": null,
            "audio_introduction": "/audio_introductions/original/missing.png",
            "text_introduction": null,
            "slug": slug,
            "created_at": stamp,
            "updated_at": stamp,
            "finished_at": null,
            "quizz_answers": [],
            "poll_answers": [],
            "case_answers": []
        });
        self.persist(id, &applicant)?;
        self.remember(applicant.clone());
        Ok(applicant)
    }

    /// Replaces an applicant (the simulation moving it along).
    pub fn update(&mut self, applicant: Value) -> Result<(), SandboxError> {
        let Some(id) = applicant["id"].as_u64() else {
            return Ok(());
        };
        self.persist(id, &applicant)?;
        self.applicants.insert(id, applicant);
        Ok(())
    }

    fn persist(&mut self, id: u64, applicant: &Value) -> Result<(), SandboxError> {
        if let Some(conn) = &self.db {
            conn.execute(
                "INSERT OR REPLACE INTO applicants (id, json) VALUES (?1, ?2)",
                params![id as i64, applicant.to_string()],
            )
            .map_err(db_error)?;
        }
        Ok(())
    }
}

fn invite_key(email: &str, opening: u64) -> String {
    format!("{}\t{opening}", email.trim().to_lowercase())
}

fn slugify(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            if c.is_ascii_alphanumeric() {
                Some(c.to_ascii_lowercase())
            } else if c.is_whitespace() || c == '-' {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}
