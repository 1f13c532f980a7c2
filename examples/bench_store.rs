//! Writes a local database with N tracked applicants for a profile, as lookups and refreshes
//! would leave it (the sandbox's generated crowd, IDs from 1000001): the setup for the memory
//! and frame-time benchmarks of the real window in `scripts/bench`.
//!     cargo run --release --example bench_store -- DATA_DIR PROFILE N
use rickrut_dashboard::api::{ApplicantResponse, decode_applicant_response};
use rickrut_dashboard::sandbox::crowd;
use rickrut_dashboard::store::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(profile), Some(n)) = (args.next(), args.next(), args.next()) else {
        return Err("usage: bench_store DATA_DIR PROFILE N".into());
    };
    let n: u32 = n.parse()?;
    let path = Store::default_path(Some(std::path::Path::new(&dir))).ok_or("no database path")?;
    let mut store = Store::open(&path)?.store;
    let received = crowd(n)
        .into_iter()
        .map(|a| {
            let body = serde_json::json!({ "data": { "applicant": a } }).to_string();
            decode_applicant_response(200, body.as_bytes())
        })
        .collect::<Result<Vec<ApplicantResponse>, _>>()?;
    for chunk in received.chunks(5_000) {
        store.upsert(&profile, chunk, chrono::Utc::now())?;
    }
    println!(
        "{} tracked for {profile} in {}",
        received.len(),
        path.display()
    );
    Ok(())
}
