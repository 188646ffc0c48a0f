//! The runtime crate's own public API, versioned like the generated crates' and by
//! the same means: its surface is read from its source ([`codegen::surface::code`]),
//! recorded in `codegen/runtime/released-api.jsonl` when its version is set, and
//! judged by [`codegen::api_diff`]. `__private` is part of it: older generated
//! crates keep calling what it holds.

use codegen::fresh::{ensure_file_contents, Mode};
use codegen::release::{self, Standing};
use codegen::surface::{code::Source, Surface};
use std::path::Path;

/// The record, beside the runtime's manifest.
pub const RECORD: &str = release::FILE;

/// The runtime's package name.
const NAME: &str = "twilio-codegen-runtime";

/// The surface of the runtime crate at `dir` (`codegen/runtime`).
pub fn read(dir: &Path) -> Result<Surface, String> {
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml"))
        .map_err(|e| format!("{}: {e}", dir.join("Cargo.toml").display()))?;
    let version = manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \"")?.strip_suffix('"'))
        .ok_or("codegen/runtime/Cargo.toml has no version")?
        .to_string();
    let items = Source::read_dir(dir)?.items();
    Ok(Surface::sorted(NAME.into(), version, items))
}

/// Where the runtime's API stands against its record.
#[derive(Debug)]
pub struct RuntimeStanding {
    pub standing: Standing,
    pub surface: Surface,
    /// The record is stale (check mode) or was rewritten (write mode).
    pub record_changed: bool,
}

impl RuntimeStanding {
    /// The changes need a version the runtime doesn't have.
    pub fn unfit(&self) -> bool {
        matches!(self.standing, Standing::Unfit(_))
    }

    /// Something changed since the record.
    pub fn has_changes(&self) -> bool {
        self.standing
            .report()
            .is_some_and(|r| !r.changes.is_empty())
    }

    /// The report, one change a line, and the verdict.
    pub fn text(&self) -> String {
        match self.standing.report() {
            Some(report) => report.text(),
            None => format!("first record of {NAME} {}\n", self.surface.version),
        }
    }
}

/// Judges the runtime at `root/codegen/runtime` against its record, and keeps the
/// record: rewritten when the version moved on far enough (or there is none yet).
pub fn keep(root: &Path, mode: Mode) -> Result<RuntimeStanding, String> {
    let dir = root.join(codegen::RUNTIME_DIR);
    let surface = read(&dir)?;
    let path = dir.join(RECORD);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let standing = Standing::of_record(text.as_deref(), &surface)
        .map_err(|why| format!("{}: {why}", path.display()))?;
    let record_changed = match standing.record(text.as_deref(), &surface) {
        Some(record) => !ensure_file_contents(&path, &record, mode).map_err(|e| e.to_string())?,
        None => false,
    };
    Ok(RuntimeStanding {
        standing,
        surface,
        record_changed,
    })
}
