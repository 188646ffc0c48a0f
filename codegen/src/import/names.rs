//! The importer's naming rules: resources after their record schema (unique, by more
//! of the schema's segments on a collision), plurals from the list path, one SID type
//! per prefix, one enum type per list of values.
//!
//! Longer than the project's 600-line guide on purpose: every name the importer gives
//! is decided here and nowhere else, so the rules and their collisions read together.

use super::doc::{child, Doc};
use super::out::{NamedType, Pattern, Property, Resource, TypeName, TypeRef};
use super::{schema_name, Group};
use crate::naming::camel;
use std::collections::{BTreeMap, HashMap};

/// The SIDs and enums seen while mapping, named when every use is known.
#[derive(Default)]
pub struct Names {
    /// By prefix: the resources whose `sid` has it, and the names of the properties
    /// and parameters that hold one.
    sids: BTreeMap<String, (Vec<String>, Vec<String>)>,
    /// By value set (the first list's order kept), in first-seen order: component
    /// names and property names.
    enums: Vec<(Vec<String>, Vec<String>, Vec<String>)>,
    /// By (pattern, lengths), in first-seen order: the names that hold one.
    patterns: Vec<(Pattern, Vec<String>)>,
    /// Object types, by their properties, in first-seen order.
    objects: Vec<ObjectSeen>,
    /// The components whose properties are being mapped, to catch one that holds
    /// itself.
    expanding: Vec<String>,
}

/// An object type as mapped: its properties and docs, and the names it could take.
struct ObjectSeen {
    properties: Vec<(String, Property)>,
    doc: String,
    component: Option<String>,
    /// The camel-case names of the properties (or array items) that hold it.
    holders: Vec<String>,
    /// The schemas that declare it inline, for a qualified name.
    owners: Vec<String>,
}

impl Names {
    /// A property or parameter `name` holds a SID of `prefix`.
    pub fn sid_use(&mut self, prefix: &str, name: &str) -> TypeName {
        let entry = self.sids.entry(prefix.to_string()).or_default();
        entry.1.push(name.to_string());
        TypeName::Sid(prefix.to_string())
    }

    /// The resource `owner`'s own `sid` is of type `ty`: if a SID, it is the owner's.
    pub fn own_sid(&mut self, ty: &TypeName, owner: &str) {
        if let TypeName::Sid(prefix) = ty {
            if let Some(entry) = self.sids.get_mut(prefix) {
                entry.0.push(owner.to_string());
            }
        }
    }

    /// A property or parameter `name` is an enum of `values`, declared as `component`
    /// (`channel_enum_channel_type`) or inline.
    pub fn enum_use(
        &mut self,
        values: Vec<String>,
        name: &str,
        component: Option<&str>,
    ) -> TypeName {
        // The same values in another order are the same enum.
        let same = |v: &Vec<String>| {
            let (mut a, mut b) = (v.clone(), values.clone());
            a.sort();
            b.sort();
            a == b
        };
        let index = match self.enums.iter().position(|(v, _, _)| same(v)) {
            Some(i) => i,
            None => {
                self.enums.push((values, Vec::new(), Vec::new()));
                self.enums.len() - 1
            }
        };
        let entry = &mut self.enums[index];
        match component {
            Some(c) => entry.1.push(c.to_string()),
            None => entry.2.push(name.to_string()),
        }
        TypeName::Enum(index)
    }

    /// A property or parameter `name` holds a string matching `pattern`.
    pub fn pattern_use(&mut self, pattern: Pattern, name: &str) -> TypeName {
        let index = match self.patterns.iter().position(|(p, _)| *p == pattern) {
            Some(i) => i,
            None => {
                self.patterns.push((pattern, Vec::new()));
                self.patterns.len() - 1
            }
        };
        self.patterns[index].1.push(name.to_string());
        TypeName::Pattern(index)
    }

    /// An object type with `properties`, held by a property (or array items) whose
    /// name in camel case is `holder`, declared as `component` or inline in `owner`.
    /// The same component, or the same properties, are one type.
    pub fn object_use(
        &mut self,
        properties: Vec<(String, Property)>,
        doc: String,
        holder: String,
        owner: Option<String>,
        component: Option<&str>,
    ) -> TypeName {
        let index = self
            .objects
            .iter()
            .position(|o| match (&o.component, component) {
                (Some(a), Some(b)) => a == b,
                _ => o.properties == properties && o.doc == doc,
            })
            .unwrap_or_else(|| {
                self.objects.push(ObjectSeen {
                    properties,
                    doc,
                    component: component.map(str::to_owned),
                    holders: Vec::new(),
                    owners: Vec::new(),
                });
                self.objects.len() - 1
            });
        let seen = &mut self.objects[index];
        seen.holders.push(holder);
        seen.owners.extend(owner);
        TypeName::Object(index)
    }

    /// The type `ty` just mapped holds an array's items: an object type is then
    /// named for one of them, in the singular (`prices` → `Price`).
    pub fn held_as_items(&mut self, ty: &TypeName) {
        let TypeName::Object(index) = *ty else {
            return;
        };
        if let Some(holder) = self
            .objects
            .get_mut(index)
            .and_then(|o| o.holders.last_mut())
        {
            *holder = singular(holder);
        }
    }

    /// True while `component`'s properties are being mapped: it holds itself.
    pub fn expanding(&self, component: &str) -> bool {
        self.expanding.iter().any(|c| c == component)
    }

    /// Mapping `component`'s properties starts.
    pub fn enter(&mut self, component: Option<&str>) {
        self.expanding.extend(component.map(str::to_owned));
    }

    /// Mapping `component`'s properties ends.
    pub fn leave(&mut self, component: Option<&str>) {
        if component.is_some() {
            self.expanding.pop();
        }
    }

    /// The named types, each with its name, docs and definition, sorted by name; a
    /// name the maintainer renamed takes the new name.
    pub fn finish(
        self,
        doc: &mut Doc,
        resources: &[Resource],
        rename: &HashMap<String, String>,
    ) -> Vec<NamedEntry> {
        // The crate's own names (`Error`, `ValidationError`) are taken from the start.
        let taken: Vec<String> = crate::generated_crate::reserved_type_names()
            .into_iter()
            .map(str::to_owned)
            .chain(resources.iter().map(|r| r.name.clone()))
            .collect();
        let mut naming = Naming {
            taken,
            types: Vec::new(),
            rename,
        };
        naming.sids(self.sids);
        naming.enums(doc, self.enums);
        naming.patterns(self.patterns);
        naming.keep_clear(resources);
        naming.objects(doc, self.objects);
        let mut types = naming.types;
        types.sort_by(|a, b| a.1.cmp(&b.1));
        types
    }
}

/// The names given so far, and those no type may take.
struct Naming<'a> {
    taken: Vec<String>,
    types: Vec<NamedEntry>,
    /// The maintainer's renames (`openapi.rename`).
    rename: &'a HashMap<String, String>,
}

impl Naming<'_> {
    fn renamed(&self, name: String) -> String {
        self.rename.get(&name).cloned().unwrap_or(name)
    }

    /// One SID type per prefix.
    fn sids(&mut self, sids: BTreeMap<String, (Vec<String>, Vec<String>)>) {
        // Named after an owning resource first, so that a name taken twice goes to the
        // SID whose resource has it; the other is qualified by its prefix
        // (`ParticipantPaSid`).
        let mut sids: Vec<(String, Option<String>, String)> = sids
            .into_iter()
            .map(|(prefix, (owners, holders))| {
                // The shortest owner name: a resource at the top before one under a scope.
                let owner = owners.into_iter().min_by_key(|o| (o.len(), o.clone()));
                let name = match &owner {
                    Some(owner) => format!("{owner}Sid"),
                    None => most_common(holders.iter().map(|h| camel(h)))
                        .unwrap_or_else(|| format!("{prefix}Sid")),
                };
                (prefix, owner, name)
            })
            .collect();
        sids.sort_by_key(|(prefix, owner, _)| (owner.is_none(), prefix.clone()));
        for (prefix, owner, name) in sids {
            let mut name = self.renamed(name);
            let what = owner.unwrap_or_else(|| name.trim_end_matches("Sid").to_string());
            if self.taken.contains(&name) {
                let base = name.trim_end_matches("Sid").to_string();
                name = format!("{base}{}Sid", camel(&prefix.to_lowercase()));
            }
            let article = article(&what);
            let docs =
                format!("The SID of {article} {what} (`{prefix}` followed by 32 hex digits).");
            self.taken.push(name.clone());
            self.types.push((
                TypeName::Sid(prefix.clone()),
                name,
                docs,
                NamedType::Sid { prefix },
            ));
        }
    }

    /// One enum per value list.
    fn enums(&mut self, doc: &mut Doc, enums: Vec<(Vec<String>, Vec<String>, Vec<String>)>) {
        for (index, (values, components, holders)) in enums.into_iter().enumerate() {
            let from_components: Vec<String> = components
                .iter()
                .map(|c| {
                    c.split_once("_enum_")
                        .map_or_else(|| camel(c), |(_, n)| camel(n))
                })
                .collect();
            let mut candidates = ranked(&from_components);
            candidates.extend(ranked(
                &holders.iter().map(|h| camel(h)).collect::<Vec<_>>(),
            ));
            // Owner-qualified names (`ChannelType` → `ChannelChannelType`) when plain ones are self.taken.
            candidates.extend(components.iter().filter_map(|c| {
                let (owner, n) = c.split_once("_enum_")?;
                Some(camel(&format!("{owner} {n}")))
            }));
            // Then `…Kind`, for a name the crate itself has (`ValidationError`).
            let kinds: Vec<String> = candidates.iter().map(|c| format!("{c}Kind")).collect();
            candidates.extend(kinds);
            let chosen = candidates
                .into_iter()
                .find(|c| !self.taken.contains(c))
                .unwrap_or_else(|| format!("Enum{index}"));
            let name = self.renamed(chosen.clone());
            // The name it would have had is spent too: another enum taking it would
            // be renamed the same way.
            self.taken.push(chosen);
            if self.taken[..self.taken.len() - 1].contains(&name) {
                doc.problem(
                    "/components/schemas",
                    format!(
                        "the enum of {} would be named `{name}`, which is taken",
                        values.join(", ")
                    ),
                    "rename one in the spec folder's `openapi.rename`",
                );
            }
            self.taken.push(name.clone());
            let docs = format!(
                "One of: {}.",
                values
                    .iter()
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            self.types.push((
                TypeName::Enum(index),
                name,
                docs,
                NamedType::Enum { values },
            ));
        }
    }

    /// One constrained string type per pattern and lengths.
    fn patterns(&mut self, patterns: Vec<(Pattern, Vec<String>)>) {
        for (index, (pattern, holders)) in patterns.into_iter().enumerate() {
            // A pattern is named after what holds it; lengths alone say what they are
            // (`TextUpTo255` for every property of at most 255 characters).
            let candidates = match (&pattern.pattern, pattern.min_length, pattern.max_length) {
                (Some(_), ..) => ranked(&holders.iter().map(|h| camel(h)).collect::<Vec<_>>()),
                (None, Some(min), Some(max)) if min == max => vec![format!("Text{min}")],
                (None, Some(min), Some(max)) => vec![format!("Text{min}To{max}")],
                (None, Some(min), None) => vec![format!("TextOfAtLeast{min}")],
                (None, None, Some(max)) => vec![format!("TextUpTo{max}")],
                (None, None, None) => Vec::new(),
            };
            let name = candidates
                .into_iter()
                .find(|c| !self.taken.contains(c))
                .unwrap_or_else(|| format!("Pattern{index}"));
            let name = self.renamed(name);
            self.taken.push(name.clone());
            let lengths = match (pattern.min_length, pattern.max_length) {
                (Some(min), Some(max)) if min == max => format!("{min} characters long"),
                (Some(min), Some(max)) => format!("{min} to {max} characters long"),
                (Some(min), None) => format!("at least {min} characters long"),
                (None, Some(max)) => format!("at most {max} characters long"),
                (None, None) => String::new(),
            };
            let docs = match (&pattern.pattern, lengths.is_empty()) {
                (Some(p), true) => format!("Text matching `{p}`."),
                (Some(p), false) => format!("Text matching `{p}`, {lengths}."),
                (None, _) => format!("Text {lengths}."),
            };
            self.types.push((
                TypeName::Pattern(index),
                name,
                docs,
                NamedType::Constrained(pattern),
            ));
        }
    }

    /// Keeps object types clear of the names each resource's items take.
    fn keep_clear(&mut self, resources: &[Resource]) {
        // An object type is also kept clear of the names each resource's items take
        // (its handle, page and parameter types), which lowering would refuse.
        for r in resources {
            let plural = camel(&r.plural);
            self.taken.extend([
                format!("{}Page", r.name),
                format!("{}Handle", r.name),
                format!("List{plural}"),
                plural,
            ]);
            self.taken
                .extend(["Create", "Fetch", "Update", "Delete"].map(|k| format!("{k}{}", r.name)));
        }
    }

    /// One object type per set of properties.
    fn objects(&mut self, doc: &mut Doc, objects: Vec<ObjectSeen>) {
        for (index, seen) in objects.into_iter().enumerate() {
            // The component's own name, then the holders' names (most used first),
            // then qualified by the schema that declares it, then `…Object`.
            let mut candidates: Vec<String> = seen
                .component
                .iter()
                .map(|c| super::schema_name(c, 1))
                .collect();
            candidates.extend(ranked(&seen.holders));
            let qualified: Vec<String> = seen
                .owners
                .iter()
                .flat_map(|o| seen.holders.iter().map(move |h| format!("{o}{h}")))
                .collect();
            candidates.extend(ranked(&qualified));
            let objects: Vec<String> = candidates.iter().map(|c| format!("{c}Object")).collect();
            candidates.extend(objects);
            let chosen = candidates
                .into_iter()
                .find(|c| !self.taken.contains(c))
                .unwrap_or_else(|| format!("Object{index}"));
            let name = self.renamed(chosen.clone());
            self.taken.push(chosen);
            if self.taken[..self.taken.len() - 1].contains(&name) {
                doc.problem(
                    "/components/schemas",
                    format!("an object type would be named `{name}`, which is taken"),
                    "rename one in the spec folder's `openapi.rename`",
                );
            }
            self.taken.push(name.clone());
            let docs = if seen.doc.trim().is_empty() {
                format!(
                    "The `{}` object.",
                    seen.holders.first().map_or("", String::as_str)
                )
            } else {
                seen.doc
            };
            self.types.push((
                TypeName::Object(index),
                name,
                docs,
                NamedType::Object {
                    properties: seen.properties,
                },
            ));
        }
    }
}

/// A named type: what the mapped resources call it until named, its name, docs and
/// definition.
pub type NamedEntry = (TypeName, String, String, NamedType);

/// Gives every type reference in `resources` and in object types its type's name.
pub fn apply_type_names(resources: &mut [Resource], types: &mut [NamedEntry]) {
    let names: HashMap<TypeName, String> = types
        .iter()
        .map(|(unnamed, name, _, _)| (unnamed.clone(), name.clone()))
        .collect();
    let name = |ty: &mut TypeName| {
        if let Some(name) = names.get(ty) {
            *ty = TypeName::Named(name.clone());
        }
    };
    let fix = |t: &mut TypeRef| {
        name(&mut t.ty);
        if let Some(items) = &mut t.items {
            name(items);
        }
    };
    for (_, _, _, ty) in types.iter_mut() {
        if let NamedType::Object { properties } = ty {
            properties.iter_mut().for_each(|(_, p)| fix(&mut p.ty));
        }
    }
    for r in resources {
        r.params.iter_mut().for_each(|(_, p)| fix(&mut p.ty));
        r.properties.iter_mut().for_each(|(_, p)| fix(&mut p.ty));
        for op in &mut r.operations {
            op.params.iter_mut().for_each(|(_, p)| fix(&mut p.ty));
        }
    }
}

/// Candidate names, most used first, then shortest, then by name.
fn ranked(names: &[String]) -> Vec<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for n in names {
        *counts.entry(n).or_default() += 1;
    }
    let mut list: Vec<(&str, usize)> = counts.into_iter().collect();
    list.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.0.len().cmp(&b.0.len()))
            .then(a.0.cmp(b.0))
    });
    list.into_iter().map(|(n, _)| n.to_string()).collect()
}

/// "a" or "an" before `word`, by its sound: "an Invite", "a User", "an Update".
fn article(word: &str) -> &'static str {
    let sounds_like_you = ["Us", "Uni", "Uri", "Uti"];
    if sounds_like_you.iter().any(|p| word.starts_with(p)) {
        "a"
    } else if word.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

fn most_common(names: impl Iterator<Item = String>) -> Option<String> {
    ranked(&names.collect::<Vec<_>>()).into_iter().next()
}

/// Each group's resource name, unique: the schema's last segment, or more segments
/// for the groups whose last segments collide.
pub fn unique_resource_names(doc: &mut Doc, groups: &[(String, Group)]) -> Vec<String> {
    let mut segments = vec![1usize; groups.len()];
    loop {
        let names: Vec<String> = groups
            .iter()
            .zip(&segments)
            .map(|((schema, _), n)| schema_name(schema, *n))
            .collect();
        let mut count: HashMap<&str, usize> = HashMap::new();
        for n in &names {
            *count.entry(n).or_default() += 1;
        }
        let mut grew = false;
        for (i, n) in names.iter().enumerate() {
            let depth = groups[i].0.split('.').count().saturating_sub(2);
            if count[n.as_str()] > 1 && segments[i] < depth {
                segments[i] += 1;
                grew = true;
            }
        }
        if !grew {
            return by_path(doc, groups, names);
        }
    }
}

/// Names still shared after every schema segment (two path groups answering with one
/// schema) take the path's literal words the others lack (`/v1/Assistants/{id}/Knowledge`
/// → `AssistantKnowledge` beside `/v1/Knowledge`'s `Knowledge`), then a number.
fn by_path(doc: &mut Doc, groups: &[(String, Group)], mut names: Vec<String>) -> Vec<String> {
    let words = |g: &Group| -> Vec<String> {
        let path = g.list.or(g.instance).unwrap_or("");
        path.trim_end_matches(".json")
            .split('/')
            .filter(|s| !s.is_empty() && !s.starts_with('{'))
            .skip(1)
            .map(|s| singular(&camel(s)))
            .collect()
    };
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, n) in names.iter().enumerate() {
        by_name.entry(n.clone()).or_default().push(i);
    }
    for (name, members) in by_name.into_iter().filter(|(_, m)| m.len() > 1) {
        let all: Vec<Vec<String>> = members.iter().map(|&i| words(&groups[i].1)).collect();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (&i, own) in members.iter().zip(&all) {
            let distinct: String = own
                .iter()
                .filter(|w| {
                    !all.iter().all(|other| other.contains(w)) && !name.contains(w.as_str())
                })
                .cloned()
                .collect();
            let mut candidate = format!("{distinct}{name}");
            let n = seen.entry(candidate.clone()).or_default();
            *n += 1;
            if *n > 1 {
                candidate = format!("{candidate}{n}");
            }
            let (schema, group) = &groups[i];
            let path = group.list.or(group.instance).unwrap_or("");
            doc.lossy(
                &child("/paths", path),
                "record shared by path groups",
                format!("`{candidate}` is named by its path: another path group answers with `{schema}` too, so the crate has a record type for each"),
            );
            names[i] = candidate;
        }
    }
    names
}

/// `Assistant` from `Assistants`, `Entity` from `Entities`; other words as they are.
fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if word.ends_with("ss") || !word.ends_with('s') {
        word.to_string()
    } else {
        word[..word.len() - 1].to_string()
    }
}

/// Plurals shared by several resources (`/v1/Messaging/Countries` and
/// `/v1/Voice/Countries`) take the words of the name before the one the plural
/// stands for: `MessagingCountryInstance` → `MessagingCountries`.
pub fn unique_plurals(resources: &mut [Resource]) {
    let mut count: HashMap<String, usize> = HashMap::new();
    for r in resources.iter() {
        *count.entry(r.plural.clone()).or_default() += 1;
    }
    for r in resources.iter_mut().filter(|r| count[&r.plural] > 1) {
        let word = singular(&r.plural);
        let stem = word.get(..word.len().min(5)).unwrap_or(&word);
        r.plural = match r.name.find(stem).filter(|&i| i > 0) {
            Some(i) => format!("{}{}", &r.name[..i], r.plural),
            None => format!("{}{}", r.name, r.plural),
        };
    }
}

/// The plural from the list path's last segment: `UserChannel` with `…/Channels` →
/// `UserChannels`, `Media` with `…/Media` → `Media`, `Entity` with `…/Entities` →
/// `Entities`. The name's words from the first that begins the segment (allowing for
/// `y` → `ies`) are replaced by it; a name sharing no word with it gets it whole.
pub fn plural_of(name: &str, path: &str) -> String {
    let segment = path
        .trim_end_matches(".json")
        .rsplit('/')
        .find(|s| !s.is_empty() && !s.starts_with('{'))
        .map(camel)
        .unwrap_or_else(|| format!("{name}s"));
    let word_starts = name
        .char_indices()
        .filter(|(_, c)| c.is_ascii_uppercase())
        .map(|(i, _)| i);
    for start in word_starts {
        let tail = &name[start..];
        let common = tail
            .bytes()
            .zip(segment.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        if common >= 3.min(tail.len()) && common + 2 >= tail.len() {
            return format!("{}{segment}", &name[..start]);
        }
    }
    segment
}

#[cfg(test)]
mod tests {
    use super::{article, plural_of};

    #[test]
    fn articles_go_by_sound() {
        for (word, expected) in [
            ("Invite", "an"),
            ("Account", "an"),
            ("User", "a"),
            ("UserChannel", "a"),
            ("Unit", "a"),
            ("Update", "an"),
            ("Service", "a"),
        ] {
            assert_eq!(article(word), expected, "{word}");
        }
    }

    #[test]
    fn plurals_come_from_the_list_path() {
        for (name, path, expected) in [
            ("Channel", "/v2/Services/{ServiceSid}/Channels", "Channels"),
            (
                "UserChannel",
                "/v2/Services/{ServiceSid}/Users/{UserSid}/Channels",
                "UserChannels",
            ),
            ("Media", "/v1/Boxes/{BoxSid}/Media", "Media"),
            ("Entity", "/v1/Entities", "Entities"),
            ("BoxMedia", "/v1/Boxes/{BoxSid}/Media", "BoxMedia"),
            (
                "ConversationMessage",
                "/v1/Conversations/{ConversationSid}/Messages",
                "ConversationMessages",
            ),
        ] {
            assert_eq!(plural_of(name, path), expected, "{name} at {path}");
        }
    }
}
