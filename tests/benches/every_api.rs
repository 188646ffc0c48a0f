//! Every one of Twilio's OpenAPI files imported and through the pipeline in process,
//! in memory, as `cargo xtask import-report` and the tests run them.
//!
//! Targets: all 53 files with operations ≤ 1.0 s in total, the largest
//! (`api_v2010`, 197 operations) ≤ 250 ms. The baseline measured in the same run is
//! Conversations v1 (103 operations), so the ratios say how the cost grows with size.

use std::hint::black_box;
use std::time::{Duration, SystemTime};
use tests::bench::{criterion, human, median_ns, print_ratio};
use tests::workspace_root;
use xtask::every_api;

fn main() {
    let started = SystemTime::now();
    let mut c = criterion();
    let files = every_api::files(&workspace_root().join(every_api::TWILIO_OAI_DIR))
        .expect("Twilio's files");
    let by_name = |name: &str| {
        files
            .iter()
            .find(|f| f.name == name)
            .unwrap_or_else(|| panic!("{name}"))
            .clone()
    };
    let v2010 = by_name("twilio_api_v2010.yaml");
    let conversations = by_name("twilio_conversations_v1.yaml");
    // Every file is what the tests say: imported and generated, but the placeholders.
    let generated = files
        .iter()
        .filter(|f| every_api::run_one(f).outcome.is_ok())
        .count();
    assert_eq!(generated, 53);

    let mut group = c.benchmark_group("every_api");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    // As `cargo xtask import-report` runs them: on every core.
    group.bench_function("all_55_files", |b| {
        b.iter(|| every_api::run_all(black_box(&files)).len())
    });
    // One after another, to show what the threads buy.
    group.bench_function("all_55_files_one_thread", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|f| every_api::run_one(black_box(f)).operations_in_file)
                .sum::<usize>()
        })
    });
    group.bench_function("api_v2010", |b| {
        b.iter(|| every_api::run_one(black_box(&v2010)).outcome.is_ok())
    });
    group.bench_function("conversations_v1", |b| {
        b.iter(|| {
            every_api::run_one(black_box(&conversations))
                .outcome
                .is_ok()
        })
    });
    group.finish();

    println!("\nevery_api results (medians of this run)");
    for (label, id, limit_ms) in [
        (
            "all 55 files (53 generated, 1,447 operations)",
            "every_api/all_55_files",
            1000.0,
        ),
        ("api_v2010 (197 operations)", "every_api/api_v2010", 250.0),
    ] {
        match median_ns(id, started) {
            Some(ns) => {
                let met = if ns / 1e6 <= limit_ms {
                    "met"
                } else {
                    "MISSED"
                };
                println!(
                    "{label:<50} {:>12}  target <= {limit_ms} ms: {met}",
                    human(ns)
                );
            }
            None => println!("{label:<50} (not measured in this run)"),
        }
    }
    print_ratio(
        "api_v2010 vs Conversations v1",
        "every_api/api_v2010",
        "every_api/conversations_v1",
        None,
        started,
    );
    print_ratio(
        "all 55 files: on every core / on one thread",
        "every_api/all_55_files",
        "every_api/all_55_files_one_thread",
        None,
        started,
    );
    print_ratio(
        "all 55 files vs Conversations v1",
        "every_api/all_55_files",
        "every_api/conversations_v1",
        None,
        started,
    );
}
