//! Writes a local database with N tracked applicants for a profile, as lookups and refreshes
//! would leave it (the sandbox's generated crowd, IDs from 1000001): the setup for the memory,
//! startup and frame-time benchmarks of the real window in `scripts/bench`. Up to a million
//! and more: the crowd is made, decoded and written 20,000 at a time, through the store's
//! own upsert (one transaction per part), so the record is the one the app writes.
//!     cargo run --release --example bench_store -- DATA_DIR PROFILE N
use rickrut_dashboard::api::{ApplicantResponse, decode_applicant_response};
use rickrut_dashboard::sandbox::crowd_part;
use rickrut_dashboard::store::Store;

/// Applicants made and written at once.
const PART: u64 = 20_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(profile), Some(n)) = (args.next(), args.next(), args.next()) else {
        return Err("usage: bench_store DATA_DIR PROFILE N".into());
    };
    let n: u64 = n.parse()?;
    let path = Store::default_path(Some(std::path::Path::new(&dir))).ok_or("no database path")?;
    let mut store = Store::open(&path)?.store;
    let started = std::time::Instant::now();
    let mut from = 0;
    while from < n {
        let to = (from + PART).min(n);
        let received = crowd_part(from..to)
            .into_iter()
            .map(|a| {
                let body = serde_json::json!({ "data": { "applicant": a } }).to_string();
                decode_applicant_response(200, body.as_bytes())
            })
            .collect::<Result<Vec<ApplicantResponse>, _>>()?;
        store.upsert(&profile, &received, chrono::Utc::now())?;
        from = to;
    }
    println!(
        "{n} tracked for {profile} in {} ({:.1} s)",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
