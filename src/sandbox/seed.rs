//! The demo data in `assets/sandbox/`, and generated answers for the simulation.

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use serde_json::{Value, json};

use super::SandboxError;

pub const OPENINGS: &str = include_str!("../../assets/sandbox/openings.json");
const APPLICANTS: &str = include_str!("../../assets/sandbox/applicants.json");

/// A seeded SCORED applicant with hundreds of answers, for scrolling and frame-cost checks.
pub const MANY_ANSWERS_ID: u64 = 1099;
const MANY_ANSWERS: usize = 1000;

pub fn demo_applicants() -> Result<Vec<Value>, SandboxError> {
    let mut applicants: Vec<Value> =
        serde_json::from_str(APPLICANTS).map_err(|e| SandboxError::Seed(e.to_string()))?;
    applicants.push(many_answers());
    applicants.extend(cohort());
    Ok(applicants)
}

/// The demo's openings: ID, the name the API takes, a title.
pub fn demo_openings() -> Result<Vec<(u64, String, String)>, SandboxError> {
    let openings: Vec<Value> =
        serde_json::from_str(OPENINGS).map_err(|e| SandboxError::Seed(e.to_string()))?;
    Ok(openings
        .iter()
        .filter_map(|o| {
            Some((
                o["id"].as_u64()?,
                o["name"].as_str()?.to_owned(),
                o["title"].as_str().unwrap_or_default().to_owned(),
            ))
        })
        .collect())
}

/// The first ID of the demo's cohort: enough applicants in three openings for a shortlist,
/// a funnel and a spread of scores worth deciding on.
const FIRST_COHORT_ID: u64 = 1200;

/// Per opening (45, 46, 47): 22 scored with spread scores, then some who started and some
/// still at the invitation. Deterministic, so the demo reads the same every run.
fn cohort() -> Vec<Value> {
    const FIRST: [&str; 16] = [
        "Amara", "Bastien", "Camille", "Dario", "Elif", "Fintan", "Gaëlle", "Hamza", "Ingrid",
        "Joaquín", "Keiko", "Lucien", "Maëlys", "Nnamdi", "Oona", "Priya",
    ];
    const LAST: [&str; 11] = [
        "Adeyemi",
        "Berthier",
        "Castellanos",
        "Duval",
        "Eriksen",
        "Fontaine",
        "Gallagher",
        "Hoshino",
        "Iversen",
        "Jaber",
        "Kovač",
    ];
    let start = DateTime::parse_from_rfc3339("2026-11-02T08:30:00Z")
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default();
    let mut out = Vec::new();
    for (o, opening) in [45u64, 46, 47].into_iter().enumerate() {
        for k in 0..30u64 {
            let i = o as u64 * 30 + k;
            let id = FIRST_COHORT_ID + i;
            let first = FIRST[(i * 7 % 16) as usize];
            let last = LAST[(i * 5 % 11) as usize];
            let (status, step) = match k {
                0..22 => ("SCORED", 6),
                22..26 => ("STARTED", 1 + k % 4),
                _ => ("INVITED", 0),
            };
            let scored = status == "SCORED";
            // Spread over the scale, different in each opening, with a few close calls.
            let skill = (i * 37 + 11) % 83 + 15;
            let adequation = (i * 53 + 29) % 79 + 20;
            let created = start + Duration::hours(i as i64 * 5);
            let finished = created + Duration::hours(20 + (i % 9) as i64);
            let answers = |base: u64, n: u64, score: &dyn Fn(u64) -> String| -> Vec<Value> {
                (0..if scored { n } else { 0 })
                    .map(|a| json!({"applicant_id": id, "id": base + a, "quizz_option_id": 300 + a % 4,
                        "final_score": score(a), "created_at": stamp_ms(finished), "updated_at": stamp_ms(finished),
                        "quizz_id": 40 + a}))
                    .collect()
            };
            let quizz = answers(id * 100, 6, &|a| {
                if (i + a).is_multiple_of(4) {
                    "0.0"
                } else {
                    "100.0"
                }
                .to_owned()
            });
            let cases: Vec<Value> = (0..if scored { 3 } else { 0 })
                .map(|c| json!({"applicant_id": id, "id": id * 100 + 50 + c, "value": null,
                    "final_score": format!("{:.1}", ((i * 13 + c * 29) % 21) as f64 * 5.0),
                    "created_at": stamp_ms(finished), "updated_at": stamp_ms(finished),
                    "opening_case_id": 70 + c, "duration": 40 + (i * 17 + c * 23) % 150,
                    "audio_file_file_name": format!("audio_recording_{}.mp3", id * 10 + c),
                    "audio_file_content_type": "audio/mp3", "audio_file_file_size": 30_000 + i * 211,
                    "audio_file_updated_at": stamp_ms(finished), "gibberish": (i + c).is_multiple_of(13)}))
                .collect();
            out.push(json!({
                "id": id,
                "email": format!("{}.{}@example.com", ascii(first), ascii(last)),
                "opening_id": opening, "status": status,
                "skill_score": if scored { json!(format!("{skill}.{}", i % 10)) } else { Value::Null },
                "adequation_score": if scored { json!(format!("{adequation}.{}", (i * 3) % 10)) } else { Value::Null },
                "first_name": first, "last_name": last,
                "code": format!("DM{id:06}"), "recruiter_score": if i.is_multiple_of(6) { 70 + i % 30 } else { 0 },
                "source": "API", "step": step,
                "cv": format!("/cvs/original/{id}/cv.pdf"), "video_uuid": null,
                "audio_introduction": "/audio_introductions/original/missing.png",
                "text_introduction": null,
                "slug": format!("{}-{}-{id}", ascii(first), ascii(last)),
                "created_at": stamp(created),
                "updated_at": stamp(if scored { finished } else { created + Duration::hours(2) }),
                "finished_at": if scored { json!(stamp(finished)) } else { Value::Null },
                "quizz_answers": quizz, "poll_answers": [], "case_answers": cases
            }));
        }
    }
    out
}

/// A name as an email's local part writes it.
fn ascii(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'ë' | 'é' => 'e',
            'í' => 'i',
            'č' => 'c',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn stamp_ms(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn many_answers() -> Value {
    let start = DateTime::parse_from_rfc3339("2026-10-02T09:00:00Z")
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default();
    let mut t = start;
    let quizz: Vec<Value> = (0..MANY_ANSWERS)
        .map(|i| {
            t += Duration::seconds(30);
            json!({
                "applicant_id": MANY_ANSWERS_ID, "id": 200_000 + i, "quizz_option_id": 1000 + i % 4,
                "final_score": if i % 3 == 0 { "0.0" } else { "100.0" },
                "created_at": stamp_ms(t), "updated_at": stamp_ms(t), "quizz_id": 500 + i
            })
        })
        .collect();
    let cases: Vec<Value> = (0..MANY_ANSWERS)
        .map(|i| {
            t += Duration::seconds(90);
            json!({
                "applicant_id": MANY_ANSWERS_ID, "id": 300_000 + i, "value": null,
                "final_score": format!("{:.1}", (i * 7 % 101) as f64),
                "created_at": stamp_ms(t), "updated_at": stamp_ms(t),
                "opening_case_id": 600 + i, "duration": 20 + i % 140,
                "audio_file_file_name": format!("audio_recording_{}.mp3", t.timestamp_millis()),
                "audio_file_content_type": "audio/mp3",
                "audio_file_file_size": 9000 + i * 37,
                "audio_file_updated_at": stamp_ms(t),
                "gibberish": i % 17 == 0
            })
        })
        .collect();
    json!({
        "id": MANY_ANSWERS_ID, "email": "maren.oyelaran@example.com", "opening_id": 45,
        "status": "SCORED", "skill_score": "71.5", "adequation_score": "64.0",
        "first_name": "Maren", "last_name": "Oyelaran", "code": "QXMVRPLA",
        "recruiter_score": 80, "source": "API", "step": 6,
        "cv": "/cvs/original/1099/cv-maren-oyelaran.pdf", "video_uuid": null,
        "audio_introduction": "/audio_introductions/original/missing.png",
        "text_introduction": null, "slug": "maren-oyelaran-5b0d2c9e-0c1f-4d7e-9a51-2f4f3c2b1a77",
        "created_at": stamp(start), "updated_at": stamp(t), "finished_at": stamp(t),
        "quizz_answers": quizz, "poll_answers": [], "case_answers": cases
    })
}

/// The first ID of the generated crowd (`--crowd N`), far above seeded and created ones.
pub const FIRST_CROWD_ID: u64 = 1_000_001;

/// `n` generated applicants for load tests and benchmarks: every status, scores and a few
/// answers on the scored ones. Deterministic, so runs compare.
pub fn crowd(n: u32) -> Vec<Value> {
    crowd_part(0..u64::from(n))
}

/// The generated crowd's applicants `range` (0 is the first): a million made a part at a
/// time, so that a benchmark never holds them all as JSON at once.
pub fn crowd_part(range: std::ops::Range<u64>) -> Vec<Value> {
    const FIRST: [&str; 12] = [
        "Ada", "Bram", "Chiara", "Dmitri", "Esi", "Farid", "Greta", "Hiro", "Ines", "Jonas",
        "Kaveh", "Lena",
    ];
    const LAST: [&str; 10] = [
        "Okafor",
        "Lindqvist",
        "Moreau",
        "Tanaka",
        "Haddad",
        "Novak",
        "Silva",
        "Kowalski",
        "Byrne",
        "Mensah",
    ];
    const STATUS: [&str; 4] = ["INVITED", "STARTED", "COMPLETED", "SCORED"];
    let start = DateTime::parse_from_rfc3339("2026-06-01T08:00:00Z")
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default();
    range
        .map(|i| {
            let id = FIRST_CROWD_ID + i;
            let first = FIRST[(i % 12) as usize];
            let last = LAST[(i / 12 % 10) as usize];
            let status = STATUS[(i % 4) as usize];
            let scored = status == "SCORED";
            let created = start + Duration::minutes(i as i64);
            let t = created + Duration::minutes(30);
            let answers = |base: u64| -> Vec<Value> {
                if !scored {
                    return Vec::new();
                }
                (0..2)
                    .map(|k| json!({"applicant_id": id, "id": base + k, "quizz_option_id": 100 + k,
                        "final_score": if (i + k) % 3 == 0 { "0.0" } else { "100.0" },
                        "created_at": stamp_ms(t), "updated_at": stamp_ms(t), "quizz_id": 20 + k}))
                    .collect()
            };
            json!({
                "id": id,
                "email": format!("{}.{}.{i}@example.com", first.to_lowercase(), last.to_lowercase()),
                "opening_id": 45 + i % 6, "status": status,
                "skill_score": if scored { json!(format!("{:.1}", (i * 37 % 1000) as f64 / 10.0)) } else { Value::Null },
                "adequation_score": if scored { json!(format!("{:.1}", (i * 53 % 1000) as f64 / 10.0)) } else { Value::Null },
                "first_name": first, "last_name": last,
                "code": format!("CR{:06}", i), "recruiter_score": 0, "source": "API",
                "step": (i % 4) * 2, "cv": "/cvs/original/missing.png", "video_uuid": null,
                "audio_introduction": "/audio_introductions/original/missing.png",
                "text_introduction": null,
                "slug": format!("{}-{}-{id}", first.to_lowercase(), last.to_lowercase()),
                "created_at": stamp(created), "updated_at": stamp(t),
                "finished_at": if scored { json!(stamp(t)) } else { Value::Null },
                "quizz_answers": answers(id * 10), "poll_answers": [], "case_answers": []
            })
        })
        .collect()
}

/// Answers and scores for an applicant the simulation has just finished.
pub fn finish(applicant: &mut Value, now: DateTime<Utc>) {
    let mut rng = rand::rng();
    let id = applicant["id"].as_u64().unwrap_or_default();
    let mut t = now - Duration::minutes(10);
    let quizz: Vec<Value> = (0..rng.random_range(4..10))
        .map(|i| {
            t += Duration::seconds(rng.random_range(20..80));
            json!({
                "applicant_id": id, "id": id * 100 + i, "quizz_option_id": rng.random_range(100..400),
                "final_score": if rng.random_bool(0.7) { "100.0" } else { "0.0" },
                "created_at": stamp_ms(t), "updated_at": stamp_ms(t), "quizz_id": 20 + i
            })
        })
        .collect();
    let cases: Vec<Value> = (0..rng.random_range(2..5))
        .map(|i| {
            t += Duration::seconds(rng.random_range(60..200));
            let duration = rng.random_range(5..180u64);
            json!({
                "applicant_id": id, "id": id * 100 + 50 + i, "value": null,
                "final_score": format!("{:.1}", rng.random_range(0..=20) as f64 * 5.0),
                "created_at": stamp_ms(t), "updated_at": stamp_ms(t),
                "opening_case_id": 20 + i, "duration": duration,
                "audio_file_file_name": format!("audio_recording_{}.mp3", t.timestamp_millis()),
                "audio_file_content_type": "audio/mp3",
                "audio_file_file_size": duration * rng.random_range(700..1100u64),
                "audio_file_updated_at": stamp_ms(t),
                "gibberish": rng.random_bool(0.15)
            })
        })
        .collect();
    applicant["quizz_answers"] = Value::Array(quizz);
    applicant["case_answers"] = Value::Array(cases);
    applicant["skill_score"] = json!(format!("{:.1}", rng.random_range(100..980) as f64 / 10.0));
    applicant["adequation_score"] =
        json!(format!("{:.1}", rng.random_range(200..1000) as f64 / 10.0));
    applicant["finished_at"] = json!(stamp(now));
}
