//! The side table: what a generated crate's API means on the wire, which its Rust
//! code can't show syn (a field's wire name, a parameter's location and bounds, an
//! operation's route, a string type's pattern). Each fact is keyed by the path of the
//! item [`super::code`] reads, and [`apply`] joins them; a fact whose item the code
//! lacks is an emitter bug, and [`apply`] names it.

use super::{show, Bounds, CrateAuth, Detail, FnRole, Item, Kind, StructRole};
use crate::emit::rust_types::page_fields;
use crate::generated_crate::{callback_names, webhook_names as names};
use crate::model::{
    Api, Callbacks, EnumDef, Field, Literal, NamedKind, Param, Resource, Type, Webhooks,
};
use std::collections::HashMap;

/// What the side table says about one item.
#[derive(Debug, Clone)]
enum Fact {
    Struct(StructRole),
    StringType {
        pattern: Option<String>,
        length: super::Range<u64>,
        wire: String,
    },
    Variant(String),
    Field {
        wire: String,
        nullable: bool,
        default: Option<String>,
    },
    Param(Box<Detail>),
    Fn(FnRole),
    Value(String),
}

/// The side table of one crate.
#[derive(Default)]
pub struct Facts {
    by_path: HashMap<String, Fact>,
    /// Items only the side table knows: the crate, and each operation's route.
    own: Vec<Item>,
    /// Where each spec item is (`Message` → `resources::message::Message`): facts are
    /// set by name and kept at the item's path.
    homes: HashMap<String, String>,
}

impl Facts {
    pub fn of(api: &Api) -> Facts {
        let mut facts = Facts {
            homes: crate::generated_crate::item_homes(api)
                .into_iter()
                .map(|home| (home.name.clone(), home.path()))
                .collect(),
            ..Facts::default()
        };
        facts.own.push(Item::new(
            Kind::Crate,
            api.crate_name.clone(),
            None,
            Detail::Crate {
                name: api.crate_name.clone(),
                lib: api.lib_name.clone(),
                auth: CrateAuth {
                    basic: api.auth.basic,
                    oauth2_token_url: api.auth.oauth2.as_ref().map(|o| o.token_url.clone()),
                },
            },
            super::fingerprint(&format!(
                "{}\n{}",
                api.title,
                api.docs.as_deref().unwrap_or("")
            )),
        ));
        // A TwiML crate has no client, and so no base URL.
        if api.twiml.is_none() {
            facts.set(
                "DEFAULT_BASE_URL",
                Fact::Value(format!("{:?}", api.base_url)),
            );
        }
        for t in &api.types {
            match &t.kind {
                NamedKind::Sid { prefix, digits } => {
                    let len = (prefix.len() + digits) as u64;
                    facts.set(
                        &t.name,
                        Fact::StringType {
                            pattern: Some(format!("^{prefix}[0-9a-fA-F]{{{digits}}}$")),
                            length: (Some(len), Some(len)),
                            wire: t.wire.clone(),
                        },
                    );
                }
                NamedKind::Constrained(rule) => facts.set(
                    &t.name,
                    Fact::StringType {
                        pattern: rule.pattern.clone(),
                        length: (rule.min_length, rule.max_length),
                        wire: t.wire.clone(),
                    },
                ),
                NamedKind::Enum(def) => facts.enumeration(&t.name, def),
                NamedKind::Object(def) => {
                    facts.record(&t.name, &def.fields);
                    for e in &def.enums {
                        facts.enumeration(&e.name, &e.def);
                    }
                }
            }
        }
        for r in &api.resources {
            facts.resource(r);
        }
        if let Some(hooks) = &api.webhooks {
            facts.webhooks(hooks);
        }
        if let Some(callbacks) = &api.callbacks {
            facts.callbacks(callbacks);
        }
        facts
    }

    fn set(&mut self, path: &str, fact: Fact) {
        let path = self.at_home(path);
        self.by_path.insert(path, fact);
    }

    /// `path` (`Message.sid`, `Messages::create`) with its first name at its home.
    fn at_home(&self, path: &str) -> String {
        let end = path.find(['.', ':']).unwrap_or(path.len());
        let (first, rest) = path.split_at(end);
        match self.homes.get(first) {
            Some(home) => format!("{home}{rest}"),
            None => path.to_string(),
        }
    }

    fn enumeration(&mut self, name: &str, def: &EnumDef) {
        for v in &def.variants {
            self.set(
                &format!("{name}::{}", v.name),
                Fact::Variant(v.wire.clone()),
            );
        }
    }

    fn record(&mut self, name: &str, fields: &[Field]) {
        self.set(name, Fact::Struct(StructRole::Record));
        for f in fields {
            self.set(
                &format!("{name}.{}", f.name),
                Fact::Field {
                    wire: f.wire.clone(),
                    nullable: f.nullable,
                    default: f.default.as_ref().map(literal),
                },
            );
        }
    }

    fn resource(&mut self, r: &Resource) {
        self.record(&r.name, &r.fields);
        for e in &r.enums {
            self.enumeration(&e.name, &e.def);
        }
        if let Some(page) = &r.page {
            self.set(&page.name, Fact::Struct(StructRole::Page));
            let field = |wire: &str| Fact::Field {
                wire: wire.into(),
                nullable: false,
                default: None,
            };
            self.set(&format!("{}.{}", page.name, page.field), field(&page.key));
            for f in page_fields(page.paging) {
                self.set(&format!("{}.{}", page.name, f.name), field(f.wire));
            }
        }
        for op in &r.operations {
            if let Some(name) = &op.params_type {
                self.set(name, Fact::Struct(StructRole::Params));
                self.set(&format!("{name}::new"), Fact::Fn(FnRole::Constructor));
                for p in &op.params {
                    self.set(&format!("{name}.{}", p.name), param(p));
                }
            }
        }
        if r.operations.is_empty() {
            return;
        }
        self.set(&r.handle, Fact::Struct(StructRole::Handle));
        self.set(
            &format!("Client::{}", r.plural_snake),
            Fact::Fn(FnRole::HandleMaker),
        );
        for op in &r.operations {
            let path = self.at_home(&format!("{}::{}", r.handle, op.fn_name));
            self.set(&path, Fact::Fn(FnRole::Operation));
            if op.kind == crate::model::OpKind::List {
                self.set(&format!("{}::stream", r.handle), Fact::Fn(FnRole::Stream));
            }
            self.own.push(Item::new(
                Kind::Route,
                path.clone(),
                Some((Kind::Fn, &path)),
                Detail::Route {
                    method: op.method,
                    path: op.path.clone(),
                    status: op.statuses[0],
                    also: op.statuses[1..].to_vec(),
                    anonymous: op.anonymous,
                },
                0,
            ));
        }
    }

    fn webhooks(&mut self, hooks: &Webhooks) {
        let at = |name: &str| format!("{}::{name}", names::MODULE);
        let event_type = at(names::EVENT_TYPE_ENUM);
        for e in &hooks.events {
            self.set(
                &format!("{event_type}::{}", e.variant),
                Fact::Variant(e.wire.clone()),
            );
        }
        self.set(&at(names::EVENT), Fact::Struct(StructRole::WebhookEvent));
        for e in &hooks.events {
            let name = at(&e.variant);
            self.set(&name, Fact::Struct(StructRole::EventParams));
            for &i in hooks.common.iter().chain(&e.params) {
                let p = &hooks.params[i];
                let field = Fact::Field {
                    wire: p.wire.clone(),
                    nullable: false,
                    default: None,
                };
                self.set(&format!("{name}.{}", p.name), field);
            }
            if let Some(changes) = &e.changes_type {
                self.set(&at(changes), Fact::Struct(StructRole::EventChanges));
            }
        }
    }
}

impl Facts {
    fn callbacks(&mut self, callbacks: &Callbacks) {
        for r in &callbacks.requests {
            let name = format!("{}::{}", callback_names::MODULE, r.name);
            self.set(&name, Fact::Struct(StructRole::Callback));
            for &i in callbacks.common.iter().chain(&r.params) {
                let p = &callbacks.params[i];
                let field = Fact::Field {
                    wire: p.wire.clone(),
                    nullable: false,
                    default: None,
                };
                self.set(&format!("{name}.{}", p.name), field);
            }
        }
    }
}

/// A parameter's facts; its type is filled in from the code.
fn param(p: &Param) -> Fact {
    Fact::Param(Box::new(Detail::Param {
        ty: String::new(),
        wire: p.wire.clone(),
        location: p.location,
        required: p.required,
        bounds: match &p.ty {
            Type::Integer { min, max } if min.is_some() || max.is_some() => {
                Bounds::Int((*min, *max))
            }
            Type::Number { min, max } if min.is_some() || max.is_some() => {
                Bounds::Float((*min, *max))
            }
            _ => Bounds::None,
        },
        secret: p.secret,
        nullable: p.nullable,
    }))
}

fn literal(value: &Literal) -> String {
    match value {
        Literal::Bool(b) => b.to_string(),
        Literal::Int(i) => i.to_string(),
        Literal::Float(x) => format!("{x:?}"),
        Literal::Str(s) | Literal::Variant { wire: s, .. } => format!("{s:?}"),
    }
}

/// Joins the side table to the items read from the code: each fact sets what it
/// knows on its item, and the side table's own items are added. The paths of facts
/// no item has are returned as the error.
pub fn apply(items: &mut Vec<Item>, facts: Facts) -> Result<(), Vec<String>> {
    let Facts {
        mut by_path, own, ..
    } = facts;
    // Members name their owner by kind and path: a string type's impls follow it
    // when it stops being a struct, and a parameter's setter belongs to it.
    let mut retyped: HashMap<String, Kind> = HashMap::new();
    let mut setters: HashMap<String, String> = HashMap::new();
    for item in items.iter_mut() {
        let Some(fact) = by_path.remove(item.path.as_str()) else {
            continue;
        };
        let key = item.path.clone();
        match (fact, &mut item.detail) {
            (Fact::Struct(r), Detail::Struct { role, .. }) => *role = Some(r),
            (
                Fact::StringType {
                    pattern,
                    length,
                    wire,
                },
                Detail::Struct { .. },
            ) => {
                retyped.insert(key.clone(), Kind::Type);
                item.kind = Kind::Type;
                item.detail = Detail::StringType {
                    pattern,
                    length,
                    wire,
                };
            }
            (Fact::Variant(w), Detail::Variant { wire, .. }) => *wire = Some(w),
            (
                Fact::Field {
                    wire: w,
                    nullable: n,
                    default: d,
                },
                Detail::Field {
                    wire,
                    nullable,
                    default,
                    ..
                },
            ) => {
                (*wire, *nullable, *default) = (Some(w), n, d);
            }
            (Fact::Param(detail), Detail::Field { ty: code_ty, .. }) => {
                let mut detail = *detail;
                if let Detail::Param { ty, .. } = &mut detail {
                    *ty = std::mem::take(code_ty);
                }
                item.kind = Kind::Param;
                item.detail = detail;
                // The setter of the same name comes and goes with the parameter.
                if let Some((owner, field)) = key.split_once('.') {
                    setters.insert(format!("{owner}::{field}"), key.clone());
                }
            }
            (Fact::Fn(r), Detail::Fn { role, .. }) => {
                *role = Some(r);
                // Operations are listed when added or removed with their resource.
                if r == FnRole::Operation {
                    item.parent = None;
                }
            }
            (Fact::Value(v), Detail::Const { value, .. }) => *value = Some(v),
            (fact, _) => {
                by_path.insert(key, fact);
            }
        }
    }
    for item in items.iter_mut() {
        let setter_of = setters.get(&item.path).filter(|_| item.kind == Kind::Fn);
        if let Some(param) = setter_of {
            item.parent = Some((Kind::Param, param.clone()));
        } else if let Some((kind, owner)) = &mut item.parent {
            if let Some(new) = retyped
                .get(owner.as_str())
                .filter(|_| *kind == Kind::Struct)
            {
                *kind = *new;
            }
        }
    }
    items.extend(own);
    if by_path.is_empty() {
        Ok(())
    } else {
        let mut left: Vec<String> = by_path.into_keys().collect();
        left.sort();
        Err(left)
    }
}

/// The value type a spec type gets in a generated crate, as the surface shows it.
pub fn value_type_name(ty: &Type) -> String {
    show::tokens(crate::emit::rust_types::rust_type(ty))
}
