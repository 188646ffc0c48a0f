//! Every one of Twilio's OpenAPI files through the importer and the generator, in
//! process and in memory: what `cargo xtask import-report` prints, what the tests
//! check on every run, and what the gated compile test writes out and builds.

use codegen::import::{import, operations_in, Lossy};
use codegen::{Diagnostics, Files, Layout, SourceFile};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Where the repository keeps Twilio's files.
pub const TWILIO_OAI_DIR: &str = "tests/fixtures/twilio-oai";

/// One OpenAPI file and what became of it.
pub struct ApiReport {
    /// The file's name (`twilio_chat_v2.yaml`).
    pub file: String,
    /// Operations the file describes (path × method).
    pub operations_in_file: usize,
    pub outcome: Result<Generated, Diagnostics>,
}

/// An import that checked and generated.
pub struct Generated {
    /// The spec folder's files, by name.
    pub spec: Vec<(String, String)>,
    /// The generated crate's files, by path.
    pub files: Files,
    pub operations: usize,
    pub resources: usize,
    /// Lines of Rust in the generated crate.
    pub rust_lines: usize,
    /// Where the crate is less typed than the OpenAPI.
    pub lossy: Vec<Lossy>,
}

impl ApiReport {
    /// The API's short name (`chat_v2`).
    pub fn name(&self) -> &str {
        self.file
            .trim_start_matches("twilio_")
            .trim_end_matches(".yaml")
    }
}

/// Twilio's files in `dir`, sorted by name.
pub fn files(dir: &Path) -> std::io::Result<Vec<SourceFile>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    names.retain(|n| n.starts_with("twilio_") && n.ends_with(".yaml"));
    names.sort();
    names
        .into_iter()
        .map(|name| {
            Ok(SourceFile {
                text: std::fs::read_to_string(dir.join(&name))?,
                name,
            })
        })
        .collect()
}

/// Imports, checks and emits `openapi` as a crate of its own (the runtime by a path
/// that would fit a folder two levels under the repository).
pub fn run_one(openapi: &SourceFile) -> ApiReport {
    let mut operations_in_file = None;
    let outcome = (|| {
        let imported = import(openapi, &[], "../openapi.yaml")?;
        operations_in_file = Some(imported.operations_in_file);
        let sources: Vec<SourceFile> = imported
            .files
            .iter()
            .map(|(file, text)| SourceFile {
                name: format!("{}/{file}", openapi.name),
                text: text.clone(),
            })
            .collect();
        let layout = Layout {
            runtime: codegen::RuntimeDep::Path(format!("../../{}", codegen::RUNTIME_DIR)),
            own_workspace: true,
        };
        let files = codegen::generate(&sources, &layout)?;
        let rust_lines = files
            .iter()
            .filter(|(path, _)| path.ends_with(".rs"))
            .map(|(_, text)| text.lines().count())
            .sum();
        Ok(Generated {
            spec: imported.files,
            files,
            operations: imported.operations,
            resources: imported.resources,
            rust_lines,
            lossy: imported.lossy,
        })
    })();
    ApiReport {
        file: openapi.name.clone(),
        // A refused file is parsed again to count what it holds.
        operations_in_file: operations_in_file.unwrap_or_else(|| operations_in(openapi)),
        outcome,
    }
}

/// Every file of `dir`, in its order.
pub fn run(dir: &Path) -> std::io::Result<Vec<ApiReport>> {
    Ok(run_all(&files(dir)?))
}

/// Every file of `files`, on as many threads as the machine has cores: the files
/// are independent, and the largest (api_v2010) is a fifth of the work, so each
/// thread takes the next file left until none is.
pub fn run_all(files: &[SourceFile]) -> Vec<ApiReport> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, ApiReport)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(files.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(file) = files.get(i) else { break mine };
                        mine.push((i, run_one(file)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("an import panicked"))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// The per-API table, in Markdown: operations, resources, lines of generated Rust, and
/// the places less typed than the OpenAPI by kind; a refused file with its first
/// problem.
pub fn table(reports: &[ApiReport]) -> String {
    let mut out = String::from(
        "| API | operations | resources | lines | less typed than the OpenAPI |\n|---|---|---|---|---|\n",
    );
    let (mut ops, mut in_files, mut lines, mut lossy, mut done) = (0, 0, 0, 0, 0);
    for r in reports {
        in_files += r.operations_in_file;
        match &r.outcome {
            Ok(g) => {
                done += 1;
                ops += g.operations;
                lines += g.rust_lines;
                lossy += g.lossy.len();
                let _ = writeln!(
                    out,
                    "| {} | {}/{} | {} | {} | {} |",
                    r.name(),
                    g.operations,
                    r.operations_in_file,
                    g.resources,
                    g.rust_lines,
                    by_kind(&g.lossy)
                );
            }
            Err(diags) => {
                let first = diags.0.first().map_or("", |d| d.message.as_str());
                let _ = writeln!(
                    out,
                    "| {} | refused: {} problem(s); {} | | | |",
                    r.name(),
                    diags.len(),
                    first.replace('|', "\\|")
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "| **{done} of {} files** | **{ops}/{in_files}** | | **{lines}** | **{lossy} places** |",
        reports.len()
    );
    out
}

/// `JSON for a typed object ×3; …`, or `none`.
fn by_kind(lossy: &[Lossy]) -> String {
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for l in lossy {
        *kinds.entry(l.kind).or_default() += 1;
    }
    if kinds.is_empty() {
        return "none".into();
    }
    kinds
        .into_iter()
        .map(|(kind, n)| format!("{kind} ×{n}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Every lossy place of every generated API, one a line: `api: at (kind): detail`.
pub fn lossy_places(reports: &[ApiReport]) -> String {
    let mut out = String::new();
    for r in reports {
        if let Ok(g) = &r.outcome {
            for l in &g.lossy {
                let _ = writeln!(out, "{}: {} ({}): {}", r.name(), l.at, l.kind, l.detail);
            }
        }
    }
    out
}
