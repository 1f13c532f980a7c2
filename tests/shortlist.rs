//! Openings and the shortlist on the command line: a record filled the way the window fills
//! it (invites and a refresh against the sandbox on loopback), then the real binary ranks,
//! notes, tags, decides, names, exports and forgets.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use rickrut_dashboard::api::{ApplicantId, ClientOptions, NewApplicant};
use rickrut_dashboard::jobs::keys::{SecretString, connect_without_profile};
use rickrut_dashboard::jobs::record::{Record, Records};
use rickrut_dashboard::jobs::{invite, openings, refresh, track};
use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig, Seed};
use serde_json::Value;

const KEY: &str = "shortlist0123456789abcdef0123456789abcd";
const PROFILE: &str = "Team";

struct World {
    runtime: tokio::runtime::Runtime,
    sandbox: Option<Sandbox>,
    data: tempfile::TempDir,
    record: Record,
}

impl World {
    /// A sandbox with the demo's seed; the record invites one candidate to each of two
    /// openings (which teaches it their names) and tracks the demo's cohort, refreshed once.
    fn new() -> World {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let sandbox = runtime
            .block_on(Sandbox::start(SandboxConfig {
                api_keys: vec![KEY.into()],
                seed: Seed::Demo,
                ..SandboxConfig::default()
            }))
            .unwrap();
        let data = tempfile::tempdir().unwrap();
        let records = Records::open(Some(data.path())).unwrap().records;
        let record = records.for_profile(PROFILE);
        let connection = connect_without_profile(
            &sandbox.base_url(),
            SecretString::from(KEY.to_owned()),
            ClientOptions::default(),
        )
        .unwrap();
        runtime.block_on(async {
            for (email, opening) in [
                ("new.one@example.com", "software-engineer"),
                ("new.two@example.com", "data-analyst"),
            ] {
                let new = NewApplicant::new(email, opening, Some("New"), None).unwrap();
                let invited = invite::invite(&connection.client, Some(&record), new)
                    .await
                    .unwrap();
                invited.result.unwrap();
                assert!(invited.kept.problem().is_none());
            }
            let cohort: Vec<ApplicantId> = (1200..1290)
                .map(|id| ApplicantId::new(id).unwrap())
                .collect();
            track::track(&record, cohort).await.unwrap();
            let ids = track::ids(&record).await.unwrap();
            let progress = std::sync::Arc::new(std::sync::Mutex::new(Default::default()));
            let summary = refresh::refresh(
                connection.client.clone(),
                record.clone(),
                ids,
                8,
                progress,
                || {},
            )
            .await;
            assert_eq!(summary.failed, 0, "{:?}", summary.failures);
        });
        World {
            runtime,
            sandbox: Some(sandbox),
            data,
            record,
        }
    }

    fn app(&self, args: &[&str]) -> (i32, String, String) {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("rickrut-dashboard"))
            .env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(["--profile", PROFILE, "--data-dir"])
            .arg(self.data.path())
            .args(args)
            .env_remove("RICKRUT_API_KEY")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn json(&self, args: &[&str]) -> Value {
        let (code, out, err) = self.app(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?} printed {out:?}: {e}"))
    }
}

impl Drop for World {
    fn drop(&mut self) {
        if let Some(sandbox) = self.sandbox.take() {
            self.runtime.block_on(sandbox.shutdown());
        }
    }
}

#[test]
fn openings_are_named_by_the_invites_and_count_their_funnel() {
    let w = World::new();
    let all = w.json(&["openings", "--json"]);
    let all = all.as_array().unwrap();
    let by_name = |name: &str| {
        all.iter()
            .find(|o| o["name"] == name)
            .unwrap_or_else(|| panic!("no opening {name} in {all:#?}"))
    };
    let se = by_name("software-engineer");
    assert_eq!(se["opening_id"], 45, "the create answer taught the ID");
    // 30 of the cohort and the one invited: 22 scored, 4 started, 5 at the invitation.
    assert_eq!(se["tracked"], 31);
    assert_eq!(se["scored"], 22);
    assert_eq!(se["started"], 26);
    assert_eq!(se["not_started"], 5);
    assert_eq!(by_name("data-analyst")["opening_id"], 46);
    let unnamed = all.iter().find(|o| o["opening_id"] == 47).unwrap();
    assert!(
        unnamed["name"].is_null(),
        "47 was never invited to: {unnamed}"
    );
    assert_eq!(unnamed["label"], "opening 47");

    // Named by hand, with a title: the title is what a person reads.
    let (code, _, err) = w.app(&[
        "opening",
        "name",
        "47",
        "product-manager",
        "--title",
        "PM, Lyon",
    ]);
    assert_eq!(code, 0, "{err}");
    let all = w.json(&["openings", "--json"]);
    let pm = all
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["opening_id"] == 47)
        .unwrap()
        .clone();
    assert_eq!(pm["name"], "product-manager");
    assert_eq!(pm["label"], "PM, Lyon");
    let (_, table, _) = w.app(&["openings"]);
    assert!(table.contains("PM, Lyon\t47\t30\t"), "{table}");
}

#[test]
fn the_shortlist_ranks_by_the_weighted_score_and_carries_the_decisions() {
    let w = World::new();
    let top = w.json(&[
        "shortlist",
        "--opening",
        "software-engineer",
        "--top",
        "5",
        "--json",
    ]);
    let top = top.as_array().unwrap();
    assert_eq!(top.len(), 5);
    let mut last = f64::MAX;
    for (i, row) in top.iter().enumerate() {
        for field in [
            "rank",
            "id",
            "name",
            "email",
            "skill_score",
            "adequation_score",
            "overall",
            "decision",
            "tags",
        ] {
            assert!(row.get(field).is_some(), "{field} missing in {row}");
        }
        assert_eq!(row["rank"], i + 1);
        let (s, a) = (
            row["skill_score"].as_f64().unwrap(),
            row["adequation_score"].as_f64().unwrap(),
        );
        let overall = row["overall"].as_f64().unwrap();
        assert!(
            (overall - (s + a) / 2.0).abs() < 0.06,
            "50/50 by default: {row}"
        );
        assert!(overall <= last, "best first");
        last = overall;
    }
    // Every scored applicant of the opening is there, ranked before the unscored ones.
    let everyone = w.json(&["shortlist", "--opening", "45", "--json"]);
    let everyone = everyone.as_array().unwrap();
    assert_eq!(everyone.len(), 31);
    assert!(everyone[..22].iter().all(|r| r["overall"].is_number()));
    assert!(everyone[22..].iter().all(|r| r["overall"].is_null()));

    // Skill alone decides once the opening is weighed so.
    w.runtime
        .block_on(openings::weigh(&w.record, 45, 1.0))
        .unwrap();
    let by_skill = w.json(&["shortlist", "--opening", "software-engineer", "--json"]);
    let skills: Vec<f64> = by_skill.as_array().unwrap()[..22]
        .iter()
        .map(|r| r["skill_score"].as_f64().unwrap())
        .collect();
    assert!(skills.windows(2).all(|p| p[0] >= p[1]), "{skills:?}");

    // Note, tag and decide the best; the shortlist and the exports say so.
    let best = by_skill[0]["id"].as_u64().unwrap().to_string();
    assert_eq!(w.app(&["decide", &best, "shortlisted"]).0, 0);
    assert_eq!(
        w.app(&["tag", &best, "senior", "=HYPERLINK(\"http://evil\",\"x\")"])
            .0,
        0
    );
    assert_eq!(w.app(&["note", &best, "Strong on SQL; call Monday"]).0, 0);
    let again = w.json(&[
        "shortlist",
        "--opening",
        "software-engineer",
        "--top",
        "1",
        "--json",
    ]);
    assert_eq!(again[0]["decision"], "shortlisted");
    let tags: Vec<&str> = again[0]["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(tags.contains(&"senior"), "{tags:?}");
    let exported = w.json(&["export", "--format", "json"]);
    let mine = exported
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"].as_u64().map(|id| id.to_string()) == Some(best.clone()))
        .unwrap();
    assert_eq!(mine["dashboard"]["decision"], "shortlisted");
    assert_eq!(mine["dashboard"]["opening"], "software-engineer");
    assert_eq!(
        mine["dashboard"]["notes"][0]["text"],
        "Strong on SQL; call Monday"
    );
    let (code, csv, _) = w.app(&["export", "--format", "csv"]);
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| r[0] == best)
        .unwrap();
    assert_eq!(&row[col("decision")], "shortlisted");
    assert_eq!(&row[col("opening")], "software-engineer");
    assert!(row[col("notes")].ends_with("Strong on SQL; call Monday"));
    // A tag is the recruiter's text, but a cell must still never be a live formula.
    assert!(
        row[col("tags")].starts_with("'=HYPERLINK"),
        "{:?}",
        &row[col("tags")]
    );

    let (code, _, err) = w.app(&["shortlist", "--opening", "no-such-job"]);
    assert_eq!(code, 4);
    assert!(err.contains("No opening called no-such-job"), "{err}");
}

#[test]
fn forget_removes_everything_and_untrack_keeps_the_notes() {
    let w = World::new();
    let new_one = w
        .json(&["list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["email"] == "new.one@example.com")
        .unwrap()["id"]
        .as_u64()
        .unwrap()
        .to_string();
    assert_eq!(w.app(&["note", &new_one, "Met at the fair"]).0, 0);
    assert_eq!(w.app(&["decide", &new_one, "on-hold"]).0, 0);
    let key = invite::InviteKey::new("new.one@example.com", "software-engineer");
    let invited = |w: &World| {
        w.runtime
            .block_on(invite::already_invited(&w.record, vec![key.clone()]))
            .unwrap()
    };
    assert!(invited(&w).contains(&key));

    let (code, _, err) = w.app(&["forget", &new_one]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("removed"), "{err}");
    let listed = w.json(&["list", "--json"]);
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["id"].as_u64().map(|id| id.to_string()) != Some(new_one.clone()))
    );
    assert!(invited(&w).is_empty(), "the invite log forgot them too");
    let notes = w
        .runtime
        .block_on(rickrut_dashboard::jobs::assess::notes(
            &w.record,
            new_one.parse().unwrap(),
        ))
        .unwrap();
    assert!(notes.is_empty());
    let (_, _, err) = w.app(&["forget", &new_one]);
    assert!(err.contains("held nothing"), "{err}");

    // Untrack keeps what the recruiter wrote.
    let other = 1200;
    assert_eq!(w.app(&["note", "1200", "Keep in mind"]).0, 0);
    w.runtime
        .block_on(track::untrack(&w.record, vec![other]))
        .unwrap();
    let notes = w
        .runtime
        .block_on(rickrut_dashboard::jobs::assess::notes(&w.record, other))
        .unwrap();
    assert_eq!(notes.len(), 1);

    let (code, _, err) = w.app(&["decide", "1200", "maybe"]);
    assert_eq!(code, 2, "{err}");
}
