//! The generator pipeline in process (load YAML, check, lower, emit, format): the
//! whole Chat v1 spec in `spec/`, and synthetic specs of 10, 100 and 1,000 Invite-like
//! resources; the API change report of `cargo xtask gen` on Chat v1; and Twilio's
//! Conversations v1 OpenAPI file imported, then through the pipeline.
//!
//! Targets: Chat v1 ≤ 25 ms; 1,000 resources ≤ 2 s; time per resource at 1,000 within
//! 1.2× of that at 100 (no quadratic step); the API report (surfaces of the old and
//! new spec, and their diff) ≤ 10% of the Chat v1 pipeline; Conversations v1 import
//! plus pipeline ≤ 60 ms.

use codegen::api_diff::{self, Report};
use codegen::release::Standing;
use codegen::surface::Surface;
use codegen::SourceFile;
use criterion::{BenchmarkId, Throughput};
use std::hint::black_box;
use std::time::{Duration, SystemTime};
use tests::bench::{criterion, human, median_ns, print_ratio};
use tests::workspace_root;

/// A spec of `n` resources, each like Invite: ten properties of mixed types, a SID
/// type of its own, and create, fetch, list and delete under a parent scope.
fn synthetic_spec(n: usize) -> String {
    let mut text = String::from(
        "api:\n  crate: synthetic\n  version: 0.1.0\n  title: Synthetic\n  base_url: https://api.example.com\n  auth: basic\n\
         types:\n  AccountSid:\n    doc: An account.\n    pattern: ^AC[0-9a-fA-F]{32}$\n\
         \x20 ParentSid:\n    doc: A parent.\n    pattern: ^PA[0-9a-fA-F]{32}$\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "  Res{i}Sid:\n    doc: The SID of a Res{i}.\n    pattern: ^R{}[0-9a-fA-F]{{32}}$\n",
            (b'A' + (i % 26) as u8) as char
        ));
    }
    text.push_str("resources:\n");
    for i in 0..n {
        text.push_str(&format!(
            r#"  Res{i}:
    doc: Resource number {i}, shaped like Invite.
    properties:
      sid: {{ type: Res{i}Sid, nullable: true, doc: Its SID. }}
      account_sid: {{ type: AccountSid, nullable: true, doc: The account. }}
      parent_sid: {{ type: ParentSid, nullable: true, doc: The parent. }}
      identity: {{ type: string, nullable: true, doc: An identity. }}
      date_created: {{ type: date-time, nullable: true, doc: Created. }}
      date_updated: {{ type: date-time, nullable: true, doc: Updated. }}
      count: {{ type: integer, nullable: true, doc: A count. }}
      enabled: {{ type: boolean, nullable: true, doc: A flag. }}
      created_by: {{ type: string, nullable: true, doc: Who. }}
      url: {{ type: uri, nullable: true, doc: Where. }}
    operations:
      create:
        method: POST
        path: /v1/Parents/{{ParentSid}}/Res{i}s
        status: 201
        params:
          ParentSid: {{ in: path, type: ParentSid, doc: The parent. }}
          Identity: {{ in: form, type: string, required: true, doc: An identity. }}
          Count: {{ in: form, type: integer, minimum: 0, maximum: 100, doc: A count. }}
      fetch:
        method: GET
        path: /v1/Parents/{{ParentSid}}/Res{i}s/{{Sid}}
        status: 200
        params:
          ParentSid: {{ in: path, type: ParentSid, doc: The parent. }}
          Sid: {{ in: path, type: Res{i}Sid, doc: The record. }}
      list:
        method: GET
        path: /v1/Parents/{{ParentSid}}/Res{i}s
        status: 200
        envelope: records
        params:
          ParentSid: {{ in: path, type: ParentSid, doc: The parent. }}
          Identity: {{ in: query, type: array, items: string, doc: Filter. }}
          PageSize: {{ in: query, type: integer, minimum: 1, maximum: 1000, doc: Page size. }}
      delete:
        method: DELETE
        path: /v1/Parents/{{ParentSid}}/Res{i}s/{{Sid}}
        status: 204
        params:
          ParentSid: {{ in: path, type: ParentSid, doc: The parent. }}
          Sid: {{ in: path, type: Res{i}Sid, doc: The record. }}
"#
        ));
    }
    text
}

/// The spec folder `openapi` imports to, as the pipeline reads it.
fn imported(openapi: &SourceFile) -> Vec<SourceFile> {
    let imported = codegen::import::import(openapi, &[], "../openapi.yaml").expect("imports");
    imported
        .files
        .into_iter()
        .map(|(name, text)| SourceFile {
            name: format!("imported/{name}"),
            text,
        })
        .collect()
}

/// `openapi` imported as a new spec folder, then through the pipeline.
fn import_and_run(openapi: &SourceFile) -> usize {
    run(&imported(openapi))
}

fn run(sources: &[SourceFile]) -> usize {
    let files = codegen::generate(sources, &tests::layout_in_memory()).expect("the spec is valid");
    files.values().map(String::len).sum()
}

fn main() {
    let started = SystemTime::now();
    let mut c = criterion();
    let mut group = c.benchmark_group("pipeline");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    chat_v1(&mut group);
    conversations_v1(&mut group);
    synthetic(&mut group);
    group.finish();
    c.final_summary();
    print_targets(started);
    print_ratios(started);
}

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

/// The Chat v1 spec in `spec/`: the pipeline, its stages, and the API change report
/// as `gen` makes it, with its parts.
fn chat_v1(group: &mut Group) {
    let root = workspace_root();
    let chat = codegen::read_spec_dir(&root.join("spec/twilio-chat-v1"), "spec/twilio-chat-v1")
        .expect("spec/twilio-chat-v1");
    group.bench_function("chat_v1", |b| b.iter(|| run(black_box(&chat))));
    // Load and check alone, to show how the time splits between the stages.
    group.bench_function("chat_v1_load_check", |b| {
        b.iter(|| codegen::check(black_box(&chat)).is_ok())
    });
    // What `gen` does for a spec folder in memory: the pipeline, the code read back
    // where each file is formatted, the surface, the record parsed, the report.
    let chat_api = codegen::check(&chat).expect("spec/ is valid");
    let record = std::fs::read_to_string(root.join("spec/twilio-chat-v1/released-api.jsonl"))
        .expect("the record");
    group.bench_function("chat_v1_with_api_report", |b| {
        b.iter(|| {
            let api = codegen::check(black_box(&chat)).expect("valid");
            let (files, code) = codegen::emit_with_code(&api, &tests::layout_in_memory());
            let new = Surface::of_code(&api, code);
            let standing = Standing::of_record(Some(black_box(&record)), &new).expect("a record");
            files.len() + standing.report().map_or(0, |r| r.changes.len())
        })
    });
    // …and with loading and checking the old spec, which is what `gen` adds in process.
    // Its parts: the code read back where it is formatted, the surface made from it,
    // the record read back, and the report between two surfaces.
    group.bench_function("chat_v1_emit_with_code", |b| {
        b.iter(|| {
            codegen::emit_with_code(black_box(&chat_api), &tests::layout_in_memory())
                .1
                .len()
        })
    });
    group.bench_function("chat_v1_surface_of_code", |b| {
        b.iter_batched(
            || codegen::emit_with_code(&chat_api, &tests::layout_in_memory()).1,
            |code| Surface::of_code(black_box(&chat_api), code).items.len(),
            criterion::BatchSize::LargeInput,
        )
    });

    group.bench_function("chat_v1_record_parse", |b| {
        b.iter(|| {
            codegen::release::parse(black_box(&record))
                .expect("a record")
                .items
                .len()
        })
    });
    let old = codegen::release::parse(&record).expect("a record");
    group.bench_function("chat_v1_report_only", |b| {
        b.iter(|| Report::new(black_box(&old), black_box(&old)).changes.len())
    });
    group.bench_function("chat_v1_api_report_with_old_spec", |b| {
        b.iter(|| api_diff::compare_to(black_box(&chat), black_box(&chat_api)).is_ok())
    });
}

/// Twilio's Conversations v1 file imported, then through the pipeline.
fn conversations_v1(group: &mut Group) {
    // Twilio's Conversations v1 file (103 operations): the import alone, and with the
    // pipeline after it.
    let conversations = SourceFile {
        name: "twilio_conversations_v1.yaml".into(),
        text: tests::fixture("twilio-oai/twilio_conversations_v1.yaml"),
    };
    assert!(import_and_run(&conversations) > 0);
    // Before the synthetic specs: a process that has just built 1,000 resources has a
    // heap no `cargo xtask import` starts with.
    group.bench_function("conversations_v1_import", |b| {
        b.iter(|| {
            codegen::import::import(black_box(&conversations), &[], "../openapi.yaml").is_ok()
        })
    });
    group.bench_function("conversations_v1_import_and_pipeline", |b| {
        b.iter(|| import_and_run(black_box(&conversations)))
    });
    // The imported spec alone: checked, and through the whole pipeline.
    let spec = imported(&conversations);
    group.bench_function("conversations_v1_load_check", |b| {
        b.iter(|| codegen::check(black_box(&spec)).is_ok())
    });
    group.bench_function("conversations_v1_pipeline", |b| {
        b.iter(|| run(black_box(&spec)))
    });
}

/// Synthetic specs of 10, 100 and 1,000 resources: the time per resource.
fn synthetic(group: &mut Group) {
    for n in [10usize, 100, 1000] {
        let sources = vec![SourceFile {
            name: "synthetic.yaml".into(),
            text: synthetic_spec(n),
        }];
        assert!(run(&sources) > 0);
        if n == 1000 {
            group
                .sample_size(10)
                .measurement_time(Duration::from_secs(10));
        }
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("resources", n), &sources, |b, s| {
            b.iter(|| run(black_box(s)))
        });
    }
}

/// The figures with a target, each said met or missed.
fn print_targets(started: SystemTime) {
    println!("\npipeline results (medians of this run)");
    for (label, id, limit_ms) in [
        (
            "Chat v1 spec (9 resources, 40 operations)",
            "pipeline/chat_v1",
            25.0,
        ),
        ("1,000 resources", "pipeline/resources/1000", 2000.0),
        (
            "Conversations v1 import + pipeline (29 resources, 103 ops)",
            "pipeline/conversations_v1_import_and_pipeline",
            60.0,
        ),
    ] {
        match median_ns(id, started) {
            Some(ns) => {
                let met = if ns / 1e6 <= limit_ms {
                    "met"
                } else {
                    "MISSED"
                };
                println!(
                    "{label:<58} {:>12}  target <= {limit_ms} ms: {met}",
                    human(ns)
                );
            }
            None => println!("{label:<58} (not measured in this run)"),
        }
    }
    // Time per resource at 1,000 over time per resource at 100: 10× the resources
    // should take 10× the time, so the ratio of totals is divided by 10.
    if let (Some(t1000), Some(t100)) = (
        median_ns("pipeline/resources/1000", started),
        median_ns("pipeline/resources/100", started),
    ) {
        let ratio = (t1000 / 1000.0) / (t100 / 100.0);
        let met = if ratio <= 1.2 { "met" } else { "MISSED" };
        println!(
            "{:<58} {:>12} / {:>12} = {ratio:>7.3}  target <= 1.2: {met}",
            "per resource, 1,000 vs 100",
            human(t1000 / 1000.0),
            human(t100 / 100.0)
        );
    }
}

/// The ratios between this run's figures.
fn print_ratios(started: SystemTime) {
    print_ratio(
        "Chat v1 spec vs 10 synthetic resources",
        "pipeline/chat_v1",
        "pipeline/resources/10",
        None,
        started,
    );
    print_ratio(
        "Chat v1: load and check / whole pipeline",
        "pipeline/chat_v1_load_check",
        "pipeline/chat_v1",
        None,
        started,
    );
    print_ratio(
        "Chat v1: pipeline + API report / pipeline (the report's cost is this − 1)",
        "pipeline/chat_v1_with_api_report",
        "pipeline/chat_v1",
        Some(1.10),
        started,
    );
    print_ratio(
        "Chat v1: the same with the old spec loaded / whole pipeline",
        "pipeline/chat_v1_api_report_with_old_spec",
        "pipeline/chat_v1",
        None,
        started,
    );
    print_ratio(
        "Conversations v1: import / import + pipeline",
        "pipeline/conversations_v1_import",
        "pipeline/conversations_v1_import_and_pipeline",
        None,
        started,
    );
    print_ratio(
        "Conversations v1: load and check / pipeline",
        "pipeline/conversations_v1_load_check",
        "pipeline/conversations_v1_pipeline",
        None,
        started,
    );
    print_ratio(
        "Conversations v1 pipeline vs Chat v1 pipeline",
        "pipeline/conversations_v1_pipeline",
        "pipeline/chat_v1",
        None,
        started,
    );
    print_ratio(
        "Conversations v1 import + pipeline vs Chat v1 pipeline",
        "pipeline/conversations_v1_import_and_pipeline",
        "pipeline/chat_v1",
        None,
        started,
    );
}
