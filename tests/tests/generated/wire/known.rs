//! What the derived wire modules leave out or correct, by crate: keys of an
//! operation's example request that are no parameter of it, and values of an example
//! answer that contradict the answer's own schema (Twilio's example is wrong, not the
//! API). Each entry says why.

use super::{Correction, Skip};

pub fn skipped(krate: &str) -> &'static [Skip] {
    match krate {
        _ => &[],
    }
}

pub fn corrected(krate: &str) -> &'static [Correction] {
    match krate {
        _ => &[],
    }
}
