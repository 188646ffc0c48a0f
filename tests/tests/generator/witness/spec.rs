//! The spec side: operations, parameters and types read from the lowered model.

use super::*;

/// The checked spec, and where each resource-level path parameter was written.
pub(super) struct Spec {
    pub(super) api: Api,
    /// `(resource, parameter)` pairs declared under `resources.<R>.params`.
    pub(super) resource_params: BTreeSet<(String, String)>,
}

impl Spec {
    pub(super) fn load() -> Spec {
        Spec::load_dir(&workspace_root().join(CHAT_V1), CHAT_V1)
    }

    pub(super) fn load_dir(dir: &Path, display: &str) -> Spec {
        let sources = codegen::read_spec_dir(dir, display)
            .unwrap_or_else(|e| panic!("reading {display}: {e}"));
        Spec::from_sources(&sources, display)
    }

    pub(super) fn from_sources(sources: &[codegen::SourceFile], display: &str) -> Spec {
        let api = codegen::check(sources).unwrap_or_else(|d| panic!("{display} has errors:\n{d}"));
        // The model keeps no record of where a path parameter was written; the raw
        // YAML does, and a failure should point at the line to edit.
        let mut resource_params = BTreeSet::new();
        for source in sources {
            let raw: serde_yaml::Value = serde_yaml::from_str(&source.text)
                .unwrap_or_else(|e| panic!("{}: {e}", source.name));
            for (resource, body) in yaml_entries(raw.get("resources")) {
                for (param, _) in yaml_entries(body.get("params")) {
                    let text = |v: &serde_yaml::Value| v.as_str().unwrap_or_default().to_owned();
                    resource_params.insert((text(resource), text(param)));
                }
            }
        }
        Spec {
            api,
            resource_params,
        }
    }

    pub(super) fn param_node(&self, resource: &Resource, op: &Operation, param: &Param) -> String {
        let key = (resource.wire.clone(), param.wire.clone());
        if self.resource_params.contains(&key) {
            format!("resources.{}.params.{}", resource.wire, param.wire)
        } else {
            format!("{}.params.{}", op_node(resource, op), param.wire)
        }
    }
}

pub(super) fn op_node(resource: &Resource, op: &Operation) -> String {
    format!(
        "resources.{}.operations.{}",
        resource.wire,
        op.kind.as_str()
    )
}

/// Every parameter of an operation: the resource's shared path parameters first.
pub(super) fn spec_params<'a>(resource: &'a Resource, op: &'a Operation) -> Vec<&'a Param> {
    resource
        .scope_params
        .iter()
        .chain(&op.own_path_params)
        .chain(&op.params)
        .collect()
}

/// The shape of `ty`, whose inline enums are among `enums` (its owner's).
pub(super) fn spec_shape(api: &Api, enums: &[InlineEnum], ty: &Type) -> Shape {
    match ty {
        Type::String => Shape::of("string"),
        Type::Integer { min, max } => Shape {
            minimum: min.map(|m| m as f64),
            maximum: max.map(|m| m as f64),
            ..Shape::of("integer")
        },
        Type::Number { min, max } => Shape {
            minimum: *min,
            maximum: *max,
            ..Shape::of("number")
        },
        Type::Decimal => Shape::of("decimal"),
        Type::Boolean => Shape::of("boolean"),
        // The written format is the client's choice; the OpenAPI only says date-time.
        Type::DateTime(_) | Type::DateFilter(_) => Shape::of("date-time"),
        Type::Date => Shape::of("date"),
        Type::Uri => Shape::of("uri"),
        Type::Json => Shape::of("json"),
        Type::Named(name) | Type::Object(name) => named_shape(api, name),
        Type::Enum(name) => {
            let inline = enums
                .iter()
                .find(|e| &e.name == name)
                .unwrap_or_else(|| panic!("model: no inline enum {name}"));
            enum_shape(&inline.def)
        }
        Type::Array(items) => Shape {
            inner: Some(Box::new(spec_shape(api, enums, items))),
            ..Shape::of("array")
        },
        Type::Map { value, .. } => Shape {
            inner: Some(Box::new(spec_shape(api, enums, value))),
            ..Shape::of("map")
        },
    }
}

pub(super) fn named_shape(api: &Api, name: &str) -> Shape {
    let named = api
        .types
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("model: no type {name}"));
    match &named.kind {
        NamedKind::Sid { prefix, digits } => {
            let length = (prefix.len() + digits) as u64;
            Shape {
                pattern: Some(format!("^{prefix}[0-9a-fA-F]{{{digits}}}$")),
                min_length: Some(length),
                max_length: Some(length),
                ..Shape::of("string")
            }
        }
        NamedKind::Constrained(rule) => Shape {
            pattern: rule.pattern.clone(),
            min_length: rule.min_length,
            max_length: rule.max_length,
            ..Shape::of("string")
        },
        NamedKind::Enum(def) => enum_shape(def),
        NamedKind::Object(def) => Shape {
            fields: def
                .fields
                .iter()
                .map(|f| {
                    let shape = spec_shape(api, &def.enums, &f.ty);
                    (f.wire.clone(), (f.nullable, shape))
                })
                .collect(),
            ..Shape::of("object")
        },
    }
}

pub(super) fn enum_shape(def: &EnumDef) -> Shape {
    Shape {
        values: Some(def.variants.iter().map(|v| v.wire.clone()).collect()),
        ..Shape::of("enum")
    }
}

/// A default in the form [`show_openapi_default`] gives.
pub(super) fn show_literal(literal: &Literal) -> String {
    match literal {
        Literal::Bool(b) => b.to_string(),
        Literal::Int(i) => i.to_string(),
        Literal::Float(f) => f.to_string(),
        Literal::Str(s) | Literal::Variant { wire: s, .. } => format!("{s:?}"),
    }
}
