//! Where the repository keeps its specs and their generated crates, and how their API
//! changed since a commit, for `cargo xtask` and the workspace's tests.

pub mod api_report;

use codegen::fresh::Job;
use std::io;
use std::path::{Path, PathBuf};

/// `spec/` → `generated/`, then every `tests/fixtures/<name>/spec/` → `…/<name>/out/`.
pub fn default_jobs(root: &Path) -> io::Result<Vec<Job>> {
    let mut jobs = vec![Job {
        spec: root.join("spec"),
        out: root.join("generated"),
    }];
    let fixtures = root.join("tests/fixtures");
    if fixtures.is_dir() {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(&fixtures)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("spec").is_dir())
            .collect();
        dirs.sort();
        jobs.extend(dirs.into_iter().map(|dir| Job {
            spec: dir.join("spec"),
            out: dir.join("out"),
        }));
    }
    Ok(jobs)
}
