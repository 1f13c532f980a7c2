//! Previewing a 100,000-row workbook: the `.xlsx` read cell by cell into invite rows (what
//! Bulk invite and `import --dry-run` do before the verdicts), against reading the same rows
//! from a UTF-8 CSV in the same run. The target: under 2 s on this machine.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a bench that cannot set up must stop

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rickrut_dashboard::boundary::xlsx::{Value, workbook};
use rickrut_dashboard::jobs::import::{MAX_ROWS, ReadOptions, parse};

const HEADER: [&str; 6] = [
    "Email",
    "First name",
    "Last name",
    "Opening",
    "Employee no",
    "Years",
];

fn row(i: usize) -> [String; 6] {
    [
        format!("candidate{i:06}@example.com"),
        format!("Zoë{i}"),
        format!("Müller{}", i % 977),
        ["software-engineer", "data-analyst", "ux-designer"][i % 3].to_owned(),
        format!("{:05}", i % 100_000),
        format!("{}", (i % 40) as f64 / 2.0),
    ]
}

fn bench(c: &mut Criterion) {
    let rows: Vec<Vec<Value>> = (0..MAX_ROWS)
        .map(|i| {
            let r = row(i);
            vec![
                Value::text(r[0].clone()),
                Value::text(r[1].clone()),
                Value::text(r[2].clone()),
                Value::text(r[3].clone()),
                Value::text(r[4].clone()),
                Value::Number((i % 40) as f64 / 2.0),
            ]
        })
        .collect();
    let xlsx = workbook("Candidates", &HEADER, &rows).unwrap();
    let mut csv = HEADER.join(",");
    csv.push('\n');
    for i in 0..MAX_ROWS {
        csv.push_str(&row(i).join(","));
        csv.push('\n');
    }
    let options = ReadOptions::default();
    assert_eq!(parse(&xlsx, &options).unwrap().rows.len(), MAX_ROWS);
    assert_eq!(
        parse(csv.as_bytes(), &options).unwrap().rows.len(),
        MAX_ROWS
    );
    c.bench_function("baseline_import_csv_100k_rows", |b| {
        b.iter(|| parse(black_box(csv.as_bytes()), &options).unwrap())
    });
    c.bench_function("import_xlsx_100k_rows", |b| {
        b.iter(|| parse(black_box(&xlsx), &options).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(10));
    targets = bench
}
criterion_main!(benches);
