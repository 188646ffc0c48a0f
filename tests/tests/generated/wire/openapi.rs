//! The OpenAPI file as the harness reads it: operations, their parameters, examples
//! and schemas, the samples it fills in where an example has no value, and the
//! corrections of examples that contradict their schema.

use super::*;

/// One API's OpenAPI file and the keys of its examples the harness leaves out.
pub struct Doc {
    /// Under `tests/fixtures/`.
    pub file: &'static str,
    pub skipped: &'static [Skip],
    /// Values of the example answers that contradict their own schema.
    pub corrected: &'static [Correction],
}

/// A value of an operation's example answer (or request) that contradicts its schema
/// (Twilio's example, not the API, is wrong), replaced before it is served (or sent):
/// at the JSON pointer `at`, `was` (checked, so a fixed example fails the correction)
/// becomes `value`, both JSON texts, for the reason given.
pub struct Correction {
    pub op: &'static str,
    /// In the example request, not the answer.
    pub in_request: bool,
    pub at: &'static str,
    pub was: &'static str,
    pub value: &'static str,
    pub why: &'static str,
}

impl Correction {
    pub(super) fn apply(&self, example: &mut impl Pointed) -> Result<(), String> {
        let json = |text: &str| serde_json::from_str::<Value>(text).expect("a JSON text");
        match example.at(self.at) {
            Some(value) if *value == json(self.was) => {
                *value = json(self.value);
                Ok(())
            }
            found => Err(format!(
                "correction at {}: the example has {found:?}, not {} ({})",
                self.at, self.was, self.why
            )),
        }
    }
}

/// An example answer (a JSON value) or request (an object of values), where a JSON
/// pointer finds a value.
pub(super) trait Pointed {
    fn at(&mut self, pointer: &str) -> Option<&mut Value>;
}

impl Pointed for Value {
    fn at(&mut self, pointer: &str) -> Option<&mut Value> {
        self.pointer_mut(pointer)
    }
}

impl Pointed for Map<String, Value> {
    fn at(&mut self, pointer: &str) -> Option<&mut Value> {
        let (key, rest) = pointer
            .strip_prefix('/')?
            .split_once('/')
            .unwrap_or((pointer.strip_prefix('/')?, ""));
        let value = self.get_mut(key)?;
        match rest {
            "" => Some(value),
            rest => value.pointer_mut(&format!("/{rest}")),
        }
    }
}

impl Doc {
    /// The OpenAPI description, read once, as the importer reads it: maps keep the
    /// file's order, so "the first example" is the first in the file.
    pub fn tree(&self) -> &'static Node {
        static DOCS: Mutex<BTreeMap<&'static str, &'static Node>> = Mutex::new(BTreeMap::new());
        let mut docs = DOCS.lock().expect("not poisoned");
        docs.entry(self.file).or_insert_with(|| {
            let file = codegen::SourceFile {
                name: self.file.to_owned(),
                text: fixture(self.file),
            };
            let tree = codegen::import::read_openapi(&file).unwrap_or_else(|d| panic!("{d}"));
            Box::leak(Box::new(tree))
        })
    }

    /// The node a `$ref` names, or `schema` itself.
    pub fn resolve(&self, schema: &'static Node) -> &'static Node {
        match schema["$ref"].as_str() {
            Some(reference) => {
                let name = reference
                    .strip_prefix("#/components/schemas/")
                    .unwrap_or_else(|| panic!("unexpected $ref {reference}"));
                &self.tree()["components"]["schemas"][name]
            }
            None => schema,
        }
    }

    /// Every operation in the OpenAPI, in file order.
    pub fn operations(&self) -> Vec<Operation> {
        let paths = self.tree()["paths"].as_object().expect("paths");
        let mut all = Vec::new();
        for (template, item) in paths {
            for (verb, node) in item.as_object().expect("path item") {
                if let Some(id) = node["operationId"].as_str() {
                    all.push(Operation {
                        id,
                        method: verb.to_uppercase(),
                        template,
                        node,
                        components: &self.tree()["components"],
                    });
                }
            }
        }
        all
    }

    pub fn find(&self, id: &str) -> Operation {
        self.operations()
            .into_iter()
            .find(|op| op.id == id)
            .unwrap_or_else(|| panic!("no operation {id} in {}", self.file))
    }
}

/// One operation of the OpenAPI.
pub struct Operation {
    pub id: &'static str,
    /// Upper case: `GET`, `POST`, `DELETE`.
    pub method: String,
    /// Such as `/v1/Services/{ServiceSid}/Channels/{Sid}`.
    pub template: &'static str,
    node: &'static Node,
    /// The file's `components`, where a `$ref` points.
    components: &'static Node,
}

/// A value of `pattern`. A SID: its two-letter prefix and 32 `a`s, for
/// `^IS[0-9a-fA-F]{32}$`, the first of alternatives `^(SM|MM)[…`, or (in a few files)
/// without the anchor, `OR[0-9a-f]{32}`; any SID, `^[A-Z]{2}[0-9a-fA-F]{32}$`, a
/// user's. An identifier with a fixed start (`^aia_asst_.+$`): that start and
/// `sample`.
pub(super) fn pattern_sample(pattern: &str) -> String {
    let body = pattern.strip_prefix('^').unwrap_or(pattern);
    let start = body.strip_suffix(".+$").or(body.strip_suffix(".*$"));
    if let Some(start) = start.filter(|s| s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
    {
        return format!("{start}sample");
    }
    // Any SID (`^[A-Z]{2}[0-9a-fA-F]{32}$`): a user's.
    if body.starts_with("[A-Z]{2}[0-9a-fA-F]{32}") {
        return format!("US{}", "a".repeat(32));
    }
    let prefix = body
        .trim_start_matches('(')
        .split(['[', '|', ')'])
        .next()
        .filter(|prefix| prefix.len() == 2)
        .unwrap_or_else(|| panic!("no sample for the pattern {pattern}"));
    format!("{prefix}{}", "a".repeat(32))
}

/// A path parameter and the sample value the harness fills in.
pub(super) struct PathParam {
    pub(super) name: String,
    pub(super) sample: String,
    /// The sample as the path must carry it.
    pub(super) encoded: String,
}

impl Operation {
    pub(super) fn params_in(
        &self,
        location: &'static str,
    ) -> impl Iterator<Item = &'static Node> + '_ {
        let node: &'static Node = self.node;
        let params = node["parameters"].as_array().into_iter().flatten();
        params
            .map(|p| self.resolve(p))
            .filter(move |p| p["in"].as_str() == Some(location))
    }

    /// The path parameters with their samples: a SID gets the prefix of its pattern
    /// (`^IS[0-9a-fA-F]{32}$`, or `OR[0-9a-f]{32}` without the anchor) and 32 `a`s, a
    /// number 7, an enum its first value; free text gets [`NAME`].
    pub(super) fn path_params(&self) -> Vec<PathParam> {
        self.params_in("path")
            .map(|p| {
                let name = p["name"].as_str().expect("name").to_owned();
                let schema = self.resolve(&p["schema"]);
                let sample = match schema["pattern"].as_str() {
                    Some(pattern) => pattern_sample(pattern),
                    // A day (`/Archives/{Date}/Calls/…`): one, as written.
                    None if schema["format"].as_str() == Some("date") => DAY.to_owned(),
                    None if schema["type"].as_str() == Some("integer") => "7".to_owned(),
                    None => match schema["enum"][0].as_str() {
                        Some(first) => first.to_owned(),
                        None => NAME.to_owned(),
                    },
                };
                let encoded = match sample.as_str() {
                    NAME => NAME_ENCODED.to_owned(),
                    other => other.to_owned(),
                };
                PathParam {
                    name,
                    sample,
                    encoded,
                }
            })
            .collect()
    }

    pub(super) fn query_param_names(&self) -> BTreeSet<&'static str> {
        self.params_in("query")
            .map(|p| p["name"].as_str().expect("name"))
            .collect()
    }

    /// The raw path the server must see: the template with every parameter's sample,
    /// percent-encoded (written out, not computed: [`NAME_ENCODED`]).
    pub fn expected_path(&self) -> String {
        let mut filled = self.template.to_owned();
        for param in self.path_params() {
            let encoded = param.encoded;
            let placeholder = format!("{{{}}}", param.name);
            assert!(filled.contains(&placeholder), "{}: {placeholder}", self.id);
            filled = filled.replace(&placeholder, &encoded);
        }
        assert!(!filled.contains('{'), "{}: unfilled {filled}", self.id);
        filled
    }

    /// Sent without credentials: `security: []`.
    pub(super) fn anonymous(&self) -> bool {
        self.node["security"].as_array().is_some_and(Vec::is_empty)
    }

    pub(super) fn form(&self) -> &'static Node {
        &self.node["requestBody"]["content"]["application/x-www-form-urlencoded"]
    }

    /// The first example request, as an object.
    /// The request body's content: a form, or a JSON object.
    pub(super) fn body_content(&self) -> &'static Node {
        match self.form() {
            form if !form.is_null() => form,
            _ => self.json_body(),
        }
    }

    pub(super) fn json_body(&self) -> &'static Node {
        &self.node["requestBody"]["content"]["application/json"]
    }

    pub(super) fn request_example(&self) -> Option<Map<String, Value>> {
        let example = self.first_example(self.body_content())?;
        match example {
            Value::Object(example) => Some(example),
            // An example without a value (`CreateChannelsSender`).
            Value::Null => None,
            other => panic!("{}: example request {other}", self.id),
        }
    }

    /// The `value` of the first of `content`'s examples, which may be a `$ref` to
    /// the file's `components.examples` (messaging v2's senders).
    pub(super) fn first_example(&self, content: &'static Node) -> Option<Value> {
        let examples = content["examples"].as_object()?;
        let example = self.resolve(examples.values().next()?);
        Some(example["value"].clone())
    }

    /// `schema`, or what its `$ref` points to.
    pub(super) fn resolve(&self, node: &'static Node) -> &'static Node {
        let Some(to) = node["$ref"].as_str() else {
            return node;
        };
        let path = to.strip_prefix("#/components/");
        let found = path.and_then(|path| {
            path.split('/')
                .try_fold(self.components, |n, key| n.get(key))
        });
        found.unwrap_or_else(|| panic!("{}: unexpected $ref {to}", self.id))
    }

    /// The request body's required properties, with their schemas.
    pub(super) fn required_in_body(&self) -> Vec<(&'static str, &'static Node)> {
        let schema = self.resolve(&self.body_content()["schema"]);
        let required = schema["required"].as_array().into_iter().flatten();
        required
            .filter_map(Node::as_str)
            .map(|key| (key, &schema["properties"][key]))
            .collect()
    }

    /// The required query parameters, with their schemas.
    pub(super) fn required_in_query(&self) -> Vec<(&'static str, &'static Node)> {
        self.params_in("query")
            .filter(|p| p["required"].as_bool() == Some(true))
            .map(|p| (p["name"].as_str().expect("name"), &p["schema"]))
            .collect()
    }

    /// Adds a sample for every required value the example lacks (Twilio's examples
    /// leave some out): the call must send it, and the server receive it.
    pub(super) fn fill_required(
        &self,
        values: &mut Map<String, Value>,
        required: Vec<(&str, &'static Node)>,
    ) {
        for (key, schema) in required {
            if !values.contains_key(key) {
                values.insert(key.to_owned(), self.sample(schema));
            }
        }
    }

    /// A value of `schema`, as the examples write one: an enum's first value, a SID
    /// of its pattern, an integer 7, a number 1.5, a moment, a URL, a list of one sample.
    pub(super) fn sample(&self, schema: &'static Node) -> Value {
        let schema = self.resolve(schema);
        if let Some(first) = schema["enum"].get(0) {
            return first.clone();
        }
        if let Some(pattern) = schema["pattern"].as_str() {
            return pattern_sample(pattern).into();
        }
        match (schema["type"].as_str(), schema["format"].as_str()) {
            (Some("integer"), _) => 7.into(),
            (Some("number"), _) => 1.5.into(),
            (Some("boolean"), _) => true.into(),
            (Some("array"), _) => Value::Array(vec![self.sample(&schema["items"])]),
            (Some("object"), _) => Value::Object(Map::new()),
            (_, Some("date-time")) => "2024-05-01T12:00:00Z".into(),
            (_, Some("date")) => DAY.into(),
            (_, Some("uri")) => "https://example.com/sample".into(),
            _ => {
                // Within the schema's lengths: `iso_country` is two letters.
                let len = |key: &str| schema[key].as_u64().map(|n| n as usize);
                let (min, max) = (len("minLength").unwrap_or(0), len("maxLength"));
                let mut text = "sample".to_owned();
                text.truncate(max.unwrap_or(text.len()));
                text.push_str(&"a".repeat(min.saturating_sub(text.len())));
                text.into()
            }
        }
    }

    /// An answer of `schema` for an operation without an example: every property
    /// given a sample, a list (a page's records) empty.
    pub(super) fn sample_answer(&self, schema: &'static Node) -> Value {
        let schema = self.resolve(schema);
        match schema["properties"].as_object() {
            Some(properties) => properties
                .iter()
                .map(|(key, property)| {
                    let property = self.resolve(property);
                    let value = match property["type"].as_str() {
                        Some("array") => Value::Array(Vec::new()),
                        _ if property["properties"].is_object() => self.sample_answer(property),
                        _ => self.sample(property),
                    };
                    (key.clone(), value)
                })
                .collect(),
            None => self.sample(schema),
        }
    }

    pub(super) fn request_schema_has(&self, key: &str) -> bool {
        // A free-form JSON body (no properties) takes any key of its example.
        let schema = &self.body_content()["schema"];
        !schema["properties"][key].is_null()
            || (!self.json_body().is_null() && schema["properties"].is_null())
    }

    /// The usual 2xx status, its first JSON example (none for 204) and its schema.
    pub fn success(&self) -> (u16, Option<Value>, &'static Node) {
        let (status, content) = self.answer();
        (status, self.first_example(content), &content["schema"])
    }

    /// The lowest 2xx status, the usual one (or the 3xx of an operation that only
    /// redirects), and its `application/json` content (null for 204).
    pub fn answer(&self) -> (u16, &'static Node) {
        let node: &'static Node = self.node;
        let responses = node["responses"].as_object().expect("responses");
        let (status, response) = responses
            .iter()
            .filter_map(|(code, response)| {
                let code: u16 = code.parse().ok()?;
                (200..400).contains(&code).then_some((code, response))
            })
            .min_by_key(|(code, _)| *code)
            .expect("a 2xx or 3xx answer");
        // JSON, or a JSON of its own (`application/scim+json`).
        let content = response["content"].as_object().and_then(|types| {
            let json = |t: &&String| t.as_str() == "application/json" || t.ends_with("+json");
            types.iter().find(|(t, _)| json(t)).map(|(_, c)| c)
        });
        static NONE: Node = Node::Null;
        (status, content.unwrap_or(&NONE))
    }
}
