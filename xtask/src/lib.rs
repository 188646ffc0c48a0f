//! Where the repository keeps its specs and their generated crates, and the runtime
//! crate's API record, for `cargo xtask` and the workspace's tests.

pub mod every_api;
pub mod release;
pub mod runtime_api;

use codegen::fresh::Job;
use std::io;
use std::path::{Path, PathBuf};

/// A benchmark command's `[RUNS]` argument, `default` when it is absent.
pub fn runs(args: &[String], default: usize, command: &str) -> Result<usize, String> {
    match args {
        [] => Ok(default),
        [n] => n
            .parse()
            .map_err(|_| format!("RUNS must be a number, not `{n}`")),
        _ => Err(format!("usage: cargo xtask {command} [RUNS]")),
    }
}

/// Every `spec/<crate>/` → `generated/<crate>/`, then every
/// `tests/fixtures/<name>/spec/` → `…/<name>/out/`.
pub fn default_jobs(root: &Path) -> io::Result<Vec<Job>> {
    let mut jobs: Vec<Job> = subfolders(&root.join("spec"))?
        .into_iter()
        .map(|spec| Job {
            out: root
                .join("generated")
                .join(spec.file_name().unwrap_or_default()),
            spec,
        })
        .collect();
    let fixtures = subfolders(&root.join("tests/fixtures"))?;
    jobs.extend(
        fixtures
            .into_iter()
            .filter(|dir| dir.join("spec").is_dir())
            .map(|dir| Job {
                spec: dir.join("spec"),
                out: dir.join("out"),
            }),
    );
    Ok(jobs)
}

/// The folders directly in `dir`, sorted; none if it doesn't exist.
fn subfolders(dir: &Path) -> io::Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    Ok(dirs)
}
