//! Rust names are resolved as a set: two spec names that become one Rust name are an
//! error that points at both, never broken output.

use super::Ctx;
use crate::spec::load::Target;
use std::collections::HashMap;

pub struct NameSet {
    kind: &'static str,
    reserved: Vec<&'static str>,
    /// The name to suggest for a spec name whose own is reserved or taken.
    suggest: Option<fn(&str) -> String>,
    /// Rust name → (file, dotted path, spec name) of its first claimant.
    taken: HashMap<String, (String, String, String)>,
}

impl NameSet {
    pub fn new(kind: &'static str) -> Self {
        NameSet {
            kind,
            reserved: Vec::new(),
            suggest: None,
            taken: HashMap::new(),
        }
    }

    /// Names the generated code itself uses in this namespace.
    pub fn reserve(mut self, names: impl Into<Vec<&'static str>>) -> Self {
        self.reserved = names.into();
        self
    }

    /// Suggests `name(spec name)` when a name is reserved or taken.
    pub fn suggest(mut self, name: fn(&str) -> String) -> Self {
        self.suggest = Some(name);
        self
    }

    /// "rename it", with the suggestion if there is one.
    fn rename_help(&self, wire: &str, what: &str) -> String {
        match self.suggest {
            Some(name) => format!("{what}, for example `name: {}`", name(wire)),
            None => what.to_string(),
        }
    }

    /// Takes `name` for the node at `at`, or reports who has it already.
    pub fn claim(&mut self, ctx: &mut Ctx, name: &str, at: &[&str]) {
        let wire = at.last().copied().unwrap_or_default();
        if self.reserved.contains(&name) {
            ctx.error(
                at,
                Target::Key,
                format!(
                    "`{wire}` would be the {} name `{name}`, which the generated crate reserves",
                    self.kind
                ),
                Some(self.rename_help(wire, "rename it")),
            );
            return;
        }
        let here = at.join(".");
        match self.taken.get(name) {
            Some((file, first, first_wire)) => {
                let also = if file == ctx.file {
                    String::new()
                } else {
                    format!(" in {file}")
                };
                ctx.error(
                    at,
                    Target::Key,
                    format!(
                        "`{wire}` and `{first_wire}` (at {first}{also}) both become the {} name `{name}`",
                        self.kind
                    ),
                    Some(self.rename_help(wire, "rename one of them")),
                );
            }
            None => {
                self.taken.insert(
                    name.to_string(),
                    (ctx.file.to_string(), here, wire.to_string()),
                );
            }
        }
    }
}
