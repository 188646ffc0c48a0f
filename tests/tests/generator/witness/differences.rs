//! Differences between the two sides, and the departures that excuse them.

use super::*;

/// One disagreement: the OpenAPI node, the spec node, what differs, and both values.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Difference {
    pub(super) openapi: String,
    pub(super) spec: String,
    pub(super) differs: String,
    /// What the OpenAPI says.
    pub(super) expected: String,
    /// What the spec says.
    pub(super) found: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} / {}: {}: expected {}, found {}",
            self.openapi, self.spec, self.differs, self.expected, self.found
        )
    }
}

/// The difference a departure excuses.
pub(super) fn excused(departure: &Departure) -> Difference {
    Difference {
        openapi: departure.openapi.clone(),
        spec: departure.spec.clone(),
        differs: departure.differs.clone(),
        expected: departure.expected.clone(),
        found: departure.found.clone(),
    }
}

pub(super) fn departures(link: &OpenApiLink) -> Vec<Departure> {
    link.departures.clone()
}

/// Removes the differences the departures excuse; returns what is left, and every
/// departure that excuses nothing or gives no reason, sorted.
pub(super) fn apply_departures(
    differences: Vec<Difference>,
    departures: &[Departure],
) -> Vec<String> {
    let mut left: BTreeSet<Difference> = differences.into_iter().collect();
    let mut problems = Vec::new();
    for departure in departures {
        let d = excused(departure);
        if !left.remove(&d) {
            problems.push(format!("stale departure, matching no difference: {d}"));
        }
        if departure.reason.trim().is_empty() {
            problems.push(format!("departure without a reason: {d}"));
        }
    }
    problems.extend(left.iter().map(Difference::to_string));
    problems.sort();
    problems
}

/// Collects differences under one pair of nodes.
pub(super) struct Recorder<'a> {
    pub(super) openapi: &'a str,
    pub(super) spec: &'a str,
    pub(super) out: &'a mut Vec<Difference>,
}

impl<'a> Recorder<'a> {
    pub(super) fn new(openapi: &'a str, spec: &'a str, out: &'a mut Vec<Difference>) -> Self {
        Recorder { openapi, spec, out }
    }

    pub(super) fn check(&mut self, differs: &str, expected: impl ToString, found: impl ToString) {
        let (expected, found) = (expected.to_string(), found.to_string());
        if expected != found {
            self.out.push(Difference {
                openapi: self.openapi.to_string(),
                spec: self.spec.to_string(),
                differs: differs.to_string(),
                expected,
                found,
            });
        }
    }
}
