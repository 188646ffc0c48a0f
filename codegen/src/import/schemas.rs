//! Schemas into the format's types: scalars, SIDs, enums, object types and records'
//! properties.

use super::*;

/// The properties of an object schema, each with its node path, and the names it
/// requires. `allOf` parts are merged; `oneOf` and `anyOf` alternatives are united, a
/// property required only where all require it, which the report says: the crate has
/// one type for the alternatives.
pub(super) fn object_shape<'a>(
    doc: &mut Doc<'a>,
    schema: &'a Value,
    at: &str,
) -> (Vec<(&'a String, &'a Value, String)>, Vec<&'a str>) {
    object_shape_within(doc, schema, at, &mut Vec::new())
}

/// [`object_shape`], inside the schemas `within` whose parts are being merged: a part
/// that is one of them again is a loop, refused like a `$ref` cycle.
pub(super) fn object_shape_within<'a>(
    doc: &mut Doc<'a>,
    schema: &'a Value,
    at: &str,
    within: &mut Vec<String>,
) -> (Vec<(&'a String, &'a Value, String)>, Vec<&'a str>) {
    let mut properties: Vec<(&'a String, &'a Value, String)> = Vec::new();
    for (name, value) in object(schema.get("properties").unwrap_or(&Value::Null)) {
        properties.push((name, value, child(&child(at, "properties"), name)));
    }
    let mut required: Vec<&'a str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    for (key, all) in [("allOf", true), ("oneOf", false), ("anyOf", false)] {
        let Some(parts) = schema.get(key).and_then(Value::as_array) else {
            continue;
        };
        if !all {
            doc.lossy(
                at,
                "alternatives as one type",
                format!("the {} shapes of `{key}` are one type with the properties of all; a property is required only where every shape requires it", parts.len()),
            );
        }
        let mut in_every: Option<Vec<&'a str>> = None;
        for (i, part) in parts.iter().enumerate() {
            let part_node = child(&child(at, key), &i.to_string());
            let Some((part, part_at)) = doc.resolve(part, &part_node) else {
                continue;
            };
            if part_at == at || within.contains(&part_at) {
                doc.problem(
                    &part_node,
                    format!("`{key}` refers back to `{part_at}`, which holds it: a loop"),
                    "a schema's parts must not include the schema itself",
                );
                continue;
            }
            within.push(at.to_string());
            let (props, req) = object_shape_within(doc, part, &part_at, within);
            within.pop();
            for p in props {
                if !properties.iter().any(|(n, ..)| *n == p.0) {
                    properties.push(p);
                }
            }
            if all {
                required.extend(req);
            } else {
                in_every = Some(match in_every {
                    None => req,
                    Some(prev) => prev.into_iter().filter(|r| req.contains(r)).collect(),
                });
            }
        }
        required.extend(in_every.unwrap_or_default());
    }
    (properties, required)
}

/// The schema an inline object is declared in, by its last segment
/// (`/components/schemas/pricing.v1.voice.voice_number/properties/inbound_call_price`
/// → `VoiceNumber`), to qualify a name another type has taken.
pub(super) fn owner_of(at: &str) -> Option<String> {
    let (schema, _) = at.split_once("/properties/")?;
    let schema = schema.strip_prefix("/components/schemas/")?;
    Some(schema_name(&doc::keys(&format!("/{schema}"))[0], 1))
}

/// A default as a YAML scalar: numbers and booleans plain, text quoted.
pub(super) fn default_scalar(value: &Value) -> Option<String> {
    match value {
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(out::scalar(s)),
        _ => None,
    }
}

/// `IS` from `^IS[0-9a-fA-F]{32}$`.
pub(super) fn sid_prefix(pattern: &str) -> Option<&str> {
    let prefix = pattern
        .strip_prefix('^')?
        .strip_suffix("[0-9a-fA-F]{32}$")?;
    (!prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_uppercase())).then_some(prefix)
}

/// The camel-case name of a schema's last segment (`chat.v2.service.user_channel` →
/// `UserChannel`).
pub(crate) fn schema_name(schema: &str, segments: usize) -> String {
    let parts: Vec<&str> = schema.split('.').collect();
    // `chat.v2.service`: the API and version are not part of the name; an undotted
    // name (`LookupResponse`) is all name.
    let start = parts
        .len()
        .saturating_sub(segments)
        .max(2.min(parts.len() - 1));
    camel(&parts[start..].join(" "))
}

impl<'a> Mapper<'a, '_> {
    /// The properties of an object schema (a record, or an object type), in its order.
    pub(super) fn properties(&mut self, schema: &'a Value, at: &str) -> Vec<(String, Property)> {
        let mut properties = Vec::new();
        let (record, _) = object_shape(self.doc, schema, at);
        // The field each property becomes, by the rule lowering names fields with.
        let mut fields: HashMap<String, &str> = HashMap::new();
        for (prop, value, at) in record {
            if !writable_name(self.doc, prop, &at) {
                continue;
            }
            if let Some(first) = fields.insert(snake(prop), prop) {
                self.doc.problem(
                    &at,
                    format!(
                        "`{prop}` and `{first}` both become the field `{}`",
                        snake(prop)
                    ),
                    "a record's properties must differ in snake_case: rename one in the OpenAPI file",
                );
                continue;
            }
            let Some((ty, nullable, docs)) = self.schema_type(value, &at, prop, Use::Property)
            else {
                continue;
            };
            // The format takes a default only where null can't be: a nullable property
            // keeps its null, and the witness reports the default it drops.
            let default = (!nullable)
                .then(|| value.get("default").and_then(default_scalar))
                .flatten();
            properties.push((
                prop.clone(),
                Property {
                    ty,
                    nullable,
                    default,
                    doc: docs,
                },
            ));
        }
        properties
    }

    /// The spec type of a schema used as a property or parameter named `name`: the type,
    /// whether it is nullable, and its description. SIDs, enums, patterns and object types
    /// come back unnamed (`TypeName::Sid("IS")`, `TypeName::Enum(3)`), named once every
    /// use is known.
    pub(super) fn schema_type(
        &mut self,
        value: &'a Value,
        at: &str,
        name: &str,
        used: Use,
    ) -> Option<(TypeRef, bool, String)> {
        let component = ref_name(value).map(str::to_owned);
        if !sensible(self.doc, value, at) {
            return None;
        }
        let (schema, at) = self.doc.resolve(value, at)?;
        let nullable = schema
            .get("nullable")
            .and_then(Value::as_bool)
            .unwrap_or(false)
            || value
                .get("nullable")
                .and_then(Value::as_bool)
                .unwrap_or(false);
        let description = text(value, "description")
            .or_else(|| text(schema, "description"))
            .unwrap_or("")
            .to_string();
        let ty = self.value_type(schema, &at, name, component.as_deref(), used)?;
        Some((ty, nullable, description))
    }

    pub(super) fn value_type(
        &mut self,
        schema: &'a Value,
        at: &str,
        name: &str,
        component: Option<&str>,
        used: Use,
    ) -> Option<TypeRef> {
        if !sensible(self.doc, schema, at) {
            return None;
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            return self.enum_type(values, at, name, component);
        }
        let format = text(schema, "format");
        let bound = |key: &str| -> Option<Number> {
            let v = schema.get(key)?;
            v.as_i64()
                .map(Number::Int)
                .or_else(|| v.as_f64().map(Number::Float))
        };
        let bounded = schema.get("minimum").is_some() || schema.get("maximum").is_some();
        match text(schema, "type") {
            Some("string") if format.is_none() && is_amount(name) => Some(plain("decimal")),
            Some("string") => self.string_type(schema, at, name),
            Some("integer") => Some(TypeRef {
                minimum: bound("minimum"),
                maximum: bound("maximum"),
                ..plain("integer")
            }),
            // A number is a decimal amount kept as written (a price, a charge), unless
            // the file calls it a float (a score, a coordinate) or bounds it.
            Some("number") if !matches!(format, Some("float" | "double")) && !bounded => {
                Some(plain("decimal"))
            }
            Some("number") => Some(TypeRef {
                minimum: bound("minimum"),
                maximum: bound("maximum"),
                ..plain("number")
            }),
            Some("boolean") => Some(plain("boolean")),
            Some("object") if format == Some("uri-map") && used == Use::Property => Some(TypeRef {
                items: Some("uri".into()),
                // Twilio's links hold `null` for a link that has no target yet.
                items_nullable: true,
                ..plain("map")
            }),
            // Typed properties: an object type. Without any, free-form JSON (a form or
            // query value that holds JSON is sent as its text, as Twilio's libraries do).
            Some("object") => Some(
                self.object_type(schema, at, name, component)
                    .unwrap_or_else(|| plain("object")),
            ),
            // No type at all: any JSON value, as the API sends it or takes it.
            None => Some(plain("object")),
            Some("array") => self.array_type(schema, at, name, used),
            other => {
                self.doc.problem(
                    at,
                    format!(
                        "a schema of type `{}` is not supported",
                        other.unwrap_or("(none)")
                    ),
                    "the importer maps string, integer, number, boolean, object and array",
                );
                None
            }
        }
    }

    /// An enum of `values`, each a distinct variant in UpperCamelCase.
    fn enum_type(
        &mut self,
        values: &[Value],
        at: &str,
        name: &str,
        component: Option<&str>,
    ) -> Option<TypeRef> {
        let values: Vec<String> = values
            .iter()
            .map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        if values.is_empty() {
            self.doc
                .problem(at, "an enum without values", "list its values");
            return None;
        }
        // The variant each value becomes, by the rule lowering names variants with.
        let mut variants: HashMap<String, &str> = HashMap::new();
        for (i, value) in values.iter().enumerate() {
            if let Some(first) = variants.insert(camel(value), value) {
                self.doc.problem(
                    &child(&child(at, "enum"), &i.to_string()),
                    format!(
                        "enum values `{first}` and `{value}` both become the variant `{}`",
                        camel(value)
                    ),
                    "values must differ in UpperCamelCase: the crate can't tell them apart",
                );
                return None;
            }
        }
        Some(TypeRef {
            ty: self.names.enum_use(values, name, component),
            ..TypeRef::default()
        })
    }

    /// A string: a SID or constrained type by its pattern and lengths, a date, a URI,
    /// or text.
    fn string_type(&mut self, schema: &'a Value, at: &str, name: &str) -> Option<TypeRef> {
        let format = text(schema, "format");
        // A length of at least 0 says nothing.
        let length = |key: &str| {
            schema
                .get(key)
                .and_then(Value::as_u64)
                .filter(|&n| key == "maxLength" || n > 0)
        };
        let rule = |pattern: Option<&str>| out::Pattern {
            pattern: pattern.map(str::to_owned),
            min_length: length("minLength"),
            max_length: length("maxLength"),
        };
        if let Some(pattern) = text(schema, "pattern") {
            // Refused here as `gen` would refuse it.
            if let Err(refused) = self.patterns.admit(pattern) {
                let (problem, help) = match refused {
                    Refused::Invalid(_) => (
                        "does not compile",
                        "patterns use the `regex` crate's syntax and must stay within its size limit",
                    ),
                    Refused::TooCostly { .. } => ("costs too much to compile", TOO_COSTLY_HELP),
                };
                self.doc.problem(
                    &child(at, "pattern"),
                    format!("the pattern `{pattern}` {problem}: {refused}"),
                    help,
                );
                return None;
            }
            let ty = match sid_prefix(pattern) {
                Some(prefix) => self.names.sid_use(prefix, name),
                None => self.names.pattern_use(rule(Some(pattern)), name),
            };
            return Some(TypeRef {
                ty,
                ..TypeRef::default()
            });
        }
        let plain_text = !matches!(
            format,
            Some("date-time" | "date-time-rfc-2822" | "uri" | "date")
        );
        if plain_text && (length("minLength").is_some() || length("maxLength").is_some()) {
            return Some(TypeRef {
                ty: self.names.pattern_use(rule(None), name),
                ..TypeRef::default()
            });
        }
        Some(match format {
            Some("date-time") => TypeRef {
                format: Some("iso8601"),
                ..plain("date-time")
            },
            Some("date-time-rfc-2822") => TypeRef {
                format: Some("rfc2822"),
                ..plain("date-time")
            },
            Some("uri") => plain("uri"),
            Some("date") => plain("date"),
            _ => plain("string"),
        })
    }

    /// An array of scalars, enums or named types, its item read as a value of its own.
    fn array_type(
        &mut self,
        schema: &'a Value,
        at: &str,
        name: &str,
        used: Use,
    ) -> Option<TypeRef> {
        let items_at = child(at, "items");
        let item = schema.get("items").unwrap_or(&Value::Null);
        let component = ref_name(item).map(str::to_owned);
        if !sensible(self.doc, item, &items_at) {
            return None;
        }
        let (item_schema, items_at) = self.doc.resolve(item, &items_at)?;
        // Refused before it is read: an array of itself would never end.
        if text(item_schema, "type") == Some("array") {
            self.doc.problem(
                &items_at,
                "arrays of `array` are not supported",
                "arrays hold scalars, enums or named types",
            );
            return None;
        }
        let inner = self.value_type(item_schema, &items_at, name, component.as_deref(), used)?;
        // An object item is named in the singular (`prices` → `Price`).
        self.names.held_as_items(&inner.ty);
        let item_type = match inner.ty {
            TypeName::Named(ref n) if matches!(n.as_str(), "array" | "map" | "date-time") => {
                self.doc.problem(
                    &items_at,
                    format!("arrays of `{}` are not supported", inner.ty),
                    "arrays hold scalars, enums or named types",
                );
                return None;
            }
            other => other,
        };
        Some(TypeRef {
            items: Some(item_type),
            ..plain("array")
        })
    }

    /// The object type of a schema with properties, unnamed until every use is known; `None` when it has no properties (free-form JSON). A schema that holds
    /// itself is JSON where it recurs, which the report says.
    pub(super) fn object_type(
        &mut self,
        schema: &'a Value,
        at: &str,
        name: &str,
        component: Option<&str>,
    ) -> Option<TypeRef> {
        if component.is_some_and(|c| self.names.expanding(c)) {
            self.doc.lossy(
                at,
                "JSON for a recursive object",
                format!("`{name}` is any JSON value: its schema holds itself"),
            );
            return None;
        }
        self.names.enter(component);
        let properties = self.properties(schema, at);
        self.names.leave(component);
        if properties.is_empty() {
            return None;
        }
        let description = text(schema, "description").unwrap_or("").to_string();
        let holder = camel(name);
        let owner = owner_of(at);
        Some(TypeRef {
            ty: self
                .names
                .object_use(properties, description, holder, owner, component),
            ..TypeRef::default()
        })
    }
}

/// A reference to a built-in type, with nothing else said.
fn plain(ty: &str) -> TypeRef {
    TypeRef {
        ty: ty.into(),
        ..TypeRef::default()
    }
}

/// A text property that holds an amount of money: a call's `price`, which the same
/// file writes as a `number` for a recording. (Verify's PSD2 `Amount` is text with its
/// currency sign, `€39.99`, and stays text.)
fn is_amount(wire: &str) -> bool {
    wire == "price"
}
