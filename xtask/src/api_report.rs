//! The API change report of `cargo xtask gen`, `check` and `api-diff`: a job's spec
//! as committed at a git revision against the spec in the working tree. Git is asked
//! here, in the xtask; the codegen library only compares the texts it is given.

use codegen::api_diff::{self, Report};
use codegen::fresh::{display_path, Job};
use codegen::model::Api;
use codegen::SourceFile;
use std::path::Path;
use std::process::Command;

/// What one job's report came to.
#[derive(Debug)]
pub enum Outcome {
    Report(Report),
    /// Nothing to compare with, and why: not in a git checkout, a folder new since the
    /// revision, or a spec there that this generator no longer reads.
    Skipped(String),
}

/// One job's report, with the spec folder as messages show it.
#[derive(Debug)]
pub struct JobReport {
    pub spec: String,
    pub outcome: Outcome,
}

impl JobReport {
    /// The report, when there is one and its changes need a version the spec doesn't
    /// have.
    pub fn version_problem(&self) -> Option<&Report> {
        match &self.outcome {
            Outcome::Report(r) if !r.version_allows() => Some(r),
            _ => None,
        }
    }
}

/// The report of every job between `rev` and the working tree. Fails if a spec in the
/// working tree has errors, or `rev` names no commit.
pub fn reports(root: &Path, jobs: &[Job], rev: &str) -> Result<Vec<JobReport>, String> {
    jobs.iter()
        .map(|job| {
            let spec = display_path(root, &job.spec);
            let new = codegen::read_spec_dir(&job.spec, &spec)
                .map_err(|e| format!("reading spec folder {}: {e}", job.spec.display()))?;
            let new = codegen::check(&new).map_err(|d| d.to_string())?;
            report(root, job, &new, rev)
        })
        .collect()
}

/// One job's report, its spec in the working tree already checked (as `new`).
pub fn report(root: &Path, job: &Job, new: &Api, rev: &str) -> Result<JobReport, String> {
    let spec = display_path(root, &job.spec);
    let outcome = match spec_at(&job.spec, &spec, rev)? {
        // The common case, a spec unchanged since `rev`, needs no second load.
        Baseline::Sources(old) if unchanged(&old, &job.spec, &spec) => {
            let surface = codegen::surface::Surface::of(new);
            Outcome::Report(Report::new(&surface, &surface))
        }
        Baseline::Sources(old) => match api_diff::compare_to(&old, new) {
            Ok(report) => Outcome::Report(report),
            Err(d) => Outcome::Skipped(format!(
                "the spec at {rev} does not load with this generator ({} error(s))",
                d.0.len()
            )),
        },
        Baseline::Missing(why) => Outcome::Skipped(why),
    };
    Ok(JobReport { spec, outcome })
}

/// True when the spec folder's files are the texts committed at the revision.
fn unchanged(old: &[SourceFile], spec_dir: &Path, display: &str) -> bool {
    let Ok(now) = codegen::read_spec_dir(spec_dir, display) else {
        return false;
    };
    now.len() == old.len()
        && now
            .iter()
            .zip(old)
            .all(|(a, b)| a.name == b.name && a.text == b.text)
}

/// A spec folder's files at a revision, or why there are none.
pub enum Baseline {
    Sources(Vec<SourceFile>),
    Missing(String),
}

/// The `.yaml` / `.yml` files directly in `spec_dir` as committed at `rev`, named
/// `display/<file>` as [`codegen::read_spec_dir`] names them. Git runs in `spec_dir`,
/// so a spec folder in a repository of its own is compared with its own history.
pub fn spec_at(spec_dir: &Path, display: &str, rev: &str) -> Result<Baseline, String> {
    let commit = match git(
        spec_dir,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    ) {
        Ok(out) => out.trim().to_string(),
        Err(GitError::NotRun(e)) => return Ok(Baseline::Missing(format!("git did not run: {e}"))),
        Err(GitError::Failed(_)) => {
            return match git(spec_dir, &["rev-parse", "--git-dir"]) {
                Ok(_) if rev == "HEAD" => Ok(Baseline::Missing("nothing is committed yet".into())),
                Ok(_) => Err(format!("`{rev}` names no commit")),
                Err(_) => Ok(Baseline::Missing(format!(
                    "{display} is not in a git checkout"
                ))),
            }
        }
    };
    let listing = git(spec_dir, &["ls-tree", "--name-only", &commit, "--", "."])
        .map_err(|e| e.to_string())?;
    let mut names: Vec<&str> = listing
        .lines()
        .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
        .collect();
    if names.is_empty() {
        return Ok(Baseline::Missing(format!(
            "{display} has no spec files at {rev}"
        )));
    }
    names.sort_unstable();
    let prefix = display.trim_end_matches('/');
    names
        .into_iter()
        .map(|name| {
            let text = git(spec_dir, &["show", &format!("{commit}:./{name}")])
                .map_err(|e| e.to_string())?;
            Ok(SourceFile {
                name: format!("{prefix}/{name}"),
                text,
            })
        })
        .collect::<Result<_, String>>()
        .map(Baseline::Sources)
}

enum GitError {
    NotRun(std::io::Error),
    Failed(String),
}

impl std::fmt::Display for GitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GitError::NotRun(e) => write!(f, "git did not run: {e}"),
            GitError::Failed(stderr) => write!(f, "git: {}", stderr.trim()),
        }
    }
}

/// `git -C dir args…`'s standard output.
fn git(dir: &Path, args: &[&str]) -> Result<String, GitError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(GitError::NotRun)?;
    if !out.status.success() {
        return Err(GitError::Failed(
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ));
    }
    String::from_utf8(out.stdout).map_err(|_| GitError::Failed("output is not UTF-8".into()))
}
