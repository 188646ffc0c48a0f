//! A crate's `MAJOR.MINOR.PATCH` version: read, printed and turned into a caret
//! requirement. Its own module so the emitters and the surface reader can use it
//! without depending on the API change report (which `bump`s it).

use std::fmt;

/// A `MAJOR.MINOR.PATCH` version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
}

impl Version {
    pub fn parse(text: &str) -> Option<Version> {
        let mut parts = text.split('.').map(|p| p.parse::<u64>().ok());
        let version = Version {
            major: parts.next()??,
            minor: parts.next()??,
            patch: parts.next()??,
        };
        parts.next().is_none().then_some(version)
    }

    /// The shortest requirement that takes every version compatible with this one
    /// under Cargo's caret rules, and no other: `1`, `0.4`, `0.0.3`.
    pub fn caret(self) -> String {
        match self {
            Version {
                major: 0,
                minor: 0,
                patch,
            } => format!("0.0.{patch}"),
            Version {
                major: 0, minor, ..
            } => format!("0.{minor}"),
            Version { major, .. } => major.to_string(),
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}
