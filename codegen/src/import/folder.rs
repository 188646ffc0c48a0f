//! An import from and to the file system: what `cargo xtask import` runs, and what
//! the tests run to check that a spec folder is what its OpenAPI file imports to.

use super::import;
use crate::diagnostic::Diagnostics;
use crate::fresh::{ensure_file_contents, Mode};
use crate::SourceFile;
use std::fmt;
use std::path::Path;

/// What [`import_folder`] did.
#[derive(Debug)]
pub struct Outcome {
    pub operations: usize,
    pub resources: usize,
    /// The spec folder's files whose content changed (in check mode: would change).
    pub changed: Vec<String>,
}

/// Why [`import_folder`] wrote nothing.
#[derive(Debug)]
pub enum ImportError {
    /// A file could not be read or written.
    Io(String),
    /// The OpenAPI file, or the folder's own sections, are not fit to import.
    Invalid(Diagnostics),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Io(message) => f.write_str(message),
            ImportError::Invalid(diags) => write!(f, "{diags}"),
        }
    }
}

impl std::error::Error for ImportError {}

/// Imports the OpenAPI file `openapi` into the spec folder `out` (made if missing),
/// keeping the choices of its `openapi:` section. On any problem nothing is written.
pub fn import_folder(openapi: &Path, out: &Path, mode: Mode) -> Result<Outcome, ImportError> {
    let io = |e: std::io::Error| ImportError::Io(e.to_string());
    let bytes = std::fs::read(openapi)
        .map_err(|e| ImportError::Io(format!("reading {}: {e}", openapi.display())))?;
    let text = crate::spec::load::utf8_text(&openapi.display().to_string(), bytes)
        .map_err(ImportError::Invalid)?;
    let source = SourceFile {
        name: openapi.display().to_string(),
        text,
    };
    let existing = if out.is_dir() {
        crate::read_spec_dir(out, &out.display().to_string()).map_err(io)?
    } else {
        Vec::new()
    };
    // The folder names its source relative to itself, so it moves with the repo.
    let relative = crate::relative_path(
        &crate::lexical_absolute(out).map_err(io)?,
        &crate::lexical_absolute(openapi).map_err(io)?,
    );
    let imported = import(&source, &existing, &relative).map_err(ImportError::Invalid)?;
    let mut changed = Vec::new();
    for (name, contents) in &imported.files {
        if !ensure_file_contents(&out.join(name), contents, mode).map_err(io)? {
            changed.push(name.clone());
        }
    }
    Ok(Outcome {
        operations: imported.operations,
        resources: imported.resources,
        changed,
    })
}
