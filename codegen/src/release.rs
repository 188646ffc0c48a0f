//! The API as last released: the surface recorded in a spec folder
//! (`released-api.jsonl`) when its `api.version` was last set, against which today's
//! surface, made by today's generator from today's spec, is judged. A breaking change
//! under the recorded version fails the check until the version is bumped; a bump that
//! covers the changes records the new surface as the release. No git is involved, so
//! a committed breaking change can't slip through by being compared with itself, and a
//! generator change that alters a crate's surface is judged too.
//!
//! The record is JSON Lines: a header with the crate and version, then one item a
//! line, so a release shows in review as the lines that changed.

use crate::api_diff::{Report, Verdict};
use crate::surface::{Item, Surface};
use serde::{Deserialize, Serialize};

/// The record's file name in a spec folder.
pub const FILE: &str = "released-api.jsonl";

/// The first line of a record.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    #[serde(rename = "crate")]
    crate_name: String,
    version: String,
}

/// `surface` as a record.
pub fn render(surface: &Surface) -> String {
    let header = Header {
        crate_name: surface.crate_name.clone(),
        version: surface.version.clone(),
    };
    let mut out = Vec::with_capacity(64 * (surface.items.len() + 1));
    line(&mut out, &header);
    for item in &surface.items {
        line(&mut out, item);
    }
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

fn line(out: &mut Vec<u8>, value: &impl Serialize) {
    // Plain structs and enums of strings and numbers always serialise.
    serde_json::to_writer(&mut *out, value).expect("a surface item serialises");
    out.push(b'\n');
}

/// A record read back; the error says which line is wrong.
pub fn parse(text: &str) -> Result<Surface, String> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let (_, first) = lines.next().ok_or("the record is empty")?;
    let header: Header =
        serde_json::from_str(first).map_err(|e| format!("line 1 is not a record header: {e}"))?;
    let items = lines
        .map(|(n, text)| {
            serde_json::from_str::<Item>(text)
                .map_err(|e| format!("line {} is not a surface item: {e}", n + 1))
        })
        .collect::<Result<_, _>>()?;
    Ok(Surface {
        crate_name: header.crate_name,
        version: header.version,
        items,
    })
}

/// How today's surface stands against the recorded release.
#[derive(Debug)]
pub enum Standing {
    /// Nothing is recorded yet: today's surface becomes the record.
    FirstRecord,
    /// The version is the recorded one and the changes since fit it: none breaks a
    /// consumer. Compatible changes gather until the next release.
    Unreleased(Report),
    /// The version moved on and covers every change: today's surface becomes the
    /// record of the new release.
    Released(Report),
    /// The changes need a version the spec doesn't have.
    Unfit(Report),
}

impl Standing {
    /// Judges `now` against the record's text, if there is one. A record that is
    /// today's surface written out (the common case: nothing changed since the
    /// release) is judged without reading it back or comparing item by item.
    pub fn of_record(recorded: Option<&str>, now: &Surface) -> Result<Standing, String> {
        match recorded {
            Some(text) if text == render(now) => Ok(Standing::Unreleased(Report {
                crate_name: now.crate_name.clone(),
                old_version: now.version.clone(),
                new_version: now.version.clone(),
                changes: Vec::new(),
            })),
            Some(text) => Ok(Standing::of(Some(&parse(text)?), now)),
            None => Ok(Standing::FirstRecord),
        }
    }

    /// Judges `now` against the `recorded` release, if there is one.
    pub fn of(recorded: Option<&Surface>, now: &Surface) -> Standing {
        let Some(recorded) = recorded else {
            return Standing::FirstRecord;
        };
        let report = Report::new(recorded, now);
        let bumped = recorded.version != now.version;
        let fits = if bumped {
            // A release must cover everything since the last one, and move forward.
            let (Some(old), Some(new)) = (
                crate::api_diff::Version::parse(&recorded.version),
                crate::api_diff::Version::parse(&now.version),
            ) else {
                return Standing::Unfit(report);
            };
            new > old && report.required_version().is_none_or(|needed| new >= needed)
        } else {
            report.verdict() != Some(Verdict::Breaking)
        };
        match (fits, bumped) {
            (false, _) => Standing::Unfit(report),
            (true, true) => Standing::Released(report),
            (true, false) => Standing::Unreleased(report),
        }
    }

    /// The record the spec folder should hold: today's surface when it is a (first)
    /// release, otherwise the one it holds.
    pub fn record<'a>(
        &self,
        recorded: Option<&'a str>,
        now: &Surface,
    ) -> Option<std::borrow::Cow<'a, str>> {
        match self {
            Standing::FirstRecord | Standing::Released(_) => Some(render(now).into()),
            Standing::Unreleased(_) | Standing::Unfit(_) => recorded.map(Into::into),
        }
    }

    /// The report, when there was a release to compare with.
    pub fn report(&self) -> Option<&Report> {
        match self {
            Standing::FirstRecord => None,
            Standing::Unreleased(r) | Standing::Released(r) | Standing::Unfit(r) => Some(r),
        }
    }

    /// One line on where the crate stands, for `cargo xtask gen` and `check`.
    pub fn summary(&self, now: &Surface) -> String {
        match self {
            Standing::FirstRecord => format!(
                "{} {}: no released API recorded; recording this one",
                now.crate_name, now.version
            ),
            Standing::Released(r) => format!(
                "{}: released {} (from {}): {}",
                now.crate_name,
                now.version,
                r.old_version,
                r.version_note()
            ),
            Standing::Unreleased(r) | Standing::Unfit(r) => r.version_note(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surface::{Detail, Item, Kind};

    fn surface(version: &str, paths: &[&str]) -> Surface {
        let items = paths
            .iter()
            .map(|p| Item::new(Kind::Use, (*p).into(), None, Detail::Use("x".into()), 0))
            .collect();
        Surface::sorted("krate".into(), version.into(), items)
    }

    /// A record that is today's surface written out needs no reading back; any other
    /// is read and compared, and a broken one says which line.
    #[test]
    fn a_record_is_compared_only_when_it_differs() {
        let now = surface("1.0.0", &["A", "B"]);
        let same = Standing::of_record(Some(&render(&now)), &now).unwrap();
        assert!(matches!(&same, Standing::Unreleased(r) if r.changes.is_empty()));
        let before = surface("1.0.0", &["A"]);
        let grown = Standing::of_record(Some(&render(&before)), &now).unwrap();
        assert!(matches!(&grown, Standing::Unreleased(r) if r.changes.len() == 1));
        let removed = Standing::of_record(Some(&render(&now)), &before).unwrap();
        assert!(matches!(removed, Standing::Unfit(_)));
        assert!(matches!(
            Standing::of_record(None, &now),
            Ok(Standing::FirstRecord)
        ));
        let broken = format!("{}not json\n", render(&before));
        assert!(Standing::of_record(Some(&broken), &now)
            .unwrap_err()
            .contains("line 3"));
    }
}
