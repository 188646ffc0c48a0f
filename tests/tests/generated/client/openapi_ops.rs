//! All 40 operations of Chat v1, driven by Twilio's own OpenAPI description
//! (`tests/fixtures/twilio-oai/twilio_chat_v1.yaml`).
//!
//! [`table`] has one row per operationId: the call through the typed client and, for
//! a list, the query it sets. Everything else comes from the OpenAPI: the harness
//! ([`run`]) reads the operation's method and path template, fills the path
//! parameters with sample values, serves the operation's success status and example
//! answer from a `MockServer`, hands the row the example request's values, and then
//! checks what the server received against those values and what the client decoded
//! against the example answer.
//!
//! After the table: paging over two resources, and Credential's secrets.

use super::*;
use futures_util::TryStreamExt;
use serde_json::Map;
use serde_yaml::Value as Yaml;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;
use std::future::Future;
use std::pin::Pin;
use std::str::FromStr;
use std::sync::OnceLock;
use twilio_chat_v1::{
    Channel, ChannelType, CreateChannel, CreateCredential, CreateInvite, CreateMember,
    CreateMessage, CreateRole, CreateService, CreateUser, ListChannels, ListCredentials,
    ListInvites, ListMembers, ListMessages, ListRoles, ListServices, ListUserChannels, ListUsers,
    Message, OrderType, PushService, RoleType, UpdateChannel, UpdateCredential, UpdateMember,
    UpdateMessage, UpdateRole, UpdateService, UpdateUser, WebhookMethod,
};
use wiremock::matchers::{header, method, path};
use wiremock::Mock;

/// The sample for a path parameter without a pattern (a channel or user addressed by
/// name): it needs percent-encoding, and must arrive as exactly one path segment.
const NAME: &str = "general chat/é";
/// [`NAME`] as the one path segment the server must see.
const NAME_ENCODED: &str = "general%20chat%2F%C3%A9";

/// A [`Row`] for operation `$op`, optionally with a list's query, whose call is
/// `$call` with the [`Ctx`] named `$c`: just the call, the harness does the rest.
macro_rules! row {
    ($op:literal, |$c:ident| $call:expr) => {
        row!($op, [], |$c| $call)
    };
    ($op:literal, [$(($key:literal, $value:literal)),* $(,)?], |$c:ident| $call:expr) => {
        Row {
            op: $op,
            query: &[$(($key, $value)),*],
            call: |$c: Ctx| -> Pin<Box<dyn Future<Output = Result<Value, Error>>>> {
                Box::pin(async move {
                    let answer = $call.await;
                    answer.map(|record| serde_json::to_value(&record).expect("encodes"))
                })
            },
        }
    };
}

// ---------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------

/// Keys of Twilio's example requests that the harness leaves out, because the
/// operation has no such parameter: the typed client can't send them, and shouldn't.
/// The harness checks that each is indeed absent from the operation's request schema,
/// and that each entry skips exactly `count` keys (`*` stands for one dotted part).
const SKIPPED: &[Skip] = &[
    // A channel's type is set when it is created. UpdateChannel's request schema has
    // no `Type`, but the example copied from CreateChannel still sends one.
    Skip {
        op: "UpdateChannel",
        key: "Type",
        count: 1,
    },
    // The example gives each of the 16 webhooks a `Format`, but UpdateService's
    // request schema has only `Url` and `Method` for them.
    Skip {
        op: "UpdateService",
        key: "Webhooks.*.Format",
        count: 16,
    },
];

/// One entry of [`SKIPPED`].
struct Skip {
    op: &'static str,
    key: &'static str,
    count: usize,
}

/// The rows: every operation of Chat v1, each making its call through the typed
/// client with the values the harness hands it in `c` (see [`Ctx`]).
fn table() -> Vec<Row> {
    vec![
        // Service
        row!("CreateService", |c| c
            .client
            .services()
            .create(CreateService::new(c.text("FriendlyName")))),
        row!("FetchService", |c| c.client.services().fetch(&c.sid("Sid"))),
        row!("ListService", [("PageSize", "7")], |c| c
            .client
            .services()
            .list(ListServices::new().page_size(c.get("PageSize")))),
        row!("UpdateService", |c| c
            .client
            .services()
            .update(&c.sid("Sid"), update_service(&c))),
        row!("DeleteService", |c| c
            .client
            .services()
            .delete(&c.sid("Sid"))),
        // Channel
        row!("CreateChannel", |c| c
            .client
            .channels(&c.sid("ServiceSid"))
            .create(
                CreateChannel::new()
                    .r#type(ChannelType::from_wire(c.text("Type")))
                    .friendly_name(c.text("FriendlyName"))
                    .unique_name(c.text("UniqueName"))
                    .attributes(c.text("Attributes"))
            )),
        row!("FetchChannel", |c| c
            .client
            .channels(&c.sid("ServiceSid"))
            .fetch(c.name("Sid"))),
        row!(
            "ListChannel",
            [("Type", "public"), ("Type", "private"), ("PageSize", "7")],
            |c| c.client.channels(&c.sid("ServiceSid")).list(
                ListChannels::new()
                    .r#type(c.texts("Type").into_iter().map(ChannelType::from_wire))
                    .page_size(c.get("PageSize"))
            )
        ),
        row!("UpdateChannel", |c| c
            .client
            .channels(&c.sid("ServiceSid"))
            .update(
                c.name("Sid"),
                UpdateChannel::new()
                    .friendly_name(c.text("FriendlyName"))
                    .unique_name(c.text("UniqueName"))
                    .attributes(c.text("Attributes"))
            )),
        row!("DeleteChannel", |c| c
            .client
            .channels(&c.sid("ServiceSid"))
            .delete(c.name("Sid"))),
        // Invite (no update)
        row!("CreateInvite", |c| c
            .client
            .invites(&c.sid("ServiceSid"), c.name("ChannelSid"))
            .create(
                CreateInvite::new(c.text("Identity")).role_sid(c.get("RoleSid"))
            )),
        row!("FetchInvite", |c| c
            .client
            .invites(&c.sid("ServiceSid"), c.name("ChannelSid"))
            .fetch(&c.sid("Sid"))),
        row!(
            "ListInvite",
            [
                ("Identity", "alice"),
                ("Identity", "bob smith+1&é"),
                ("PageSize", "7")
            ],
            |c| c
                .client
                .invites(&c.sid("ServiceSid"), c.name("ChannelSid"))
                .list(
                    ListInvites::new()
                        .identity(c.texts("Identity"))
                        .page_size(c.get("PageSize"))
                )
        ),
        row!("DeleteInvite", |c| c
            .client
            .invites(&c.sid("ServiceSid"), c.name("ChannelSid"))
            .delete(&c.sid("Sid"))),
        // Member
        row!("CreateMember", |c| c
            .client
            .members(&c.sid("ServiceSid"), c.name("ChannelSid"))
            .create(CreateMember::new(c.text("Identity")))),
        row!("FetchMember", |c| c
            .client
            .members(&c.sid("ServiceSid"), c.name("ChannelSid"))
            .fetch(&c.sid("Sid"))),
        row!(
            "ListMember",
            [
                ("Identity", "alice"),
                ("Identity", "bob"),
                ("PageSize", "7")
            ],
            |c| c
                .client
                .members(&c.sid("ServiceSid"), c.name("ChannelSid"))
                .list(
                    ListMembers::new()
                        .identity(c.texts("Identity"))
                        .page_size(c.get("PageSize"))
                )
        ),
        row!("UpdateMember", |c| c
            .client
            .members(&c.sid("ServiceSid"), c.name("ChannelSid"))
            .update(
                &c.sid("Sid"),
                UpdateMember::new().role_sid(c.get("RoleSid"))
            )),
        row!("DeleteMember", |c| c
            .client
            .members(&c.sid("ServiceSid"), c.name("ChannelSid"))
            .delete(&c.sid("Sid"))),
        // Message: its channel is addressed by SID only.
        row!("CreateMessage", |c| c
            .client
            .messages(&c.sid("ServiceSid"), &c.sid("ChannelSid"))
            .create(CreateMessage::new(c.text("Body")))),
        row!("FetchMessage", |c| c
            .client
            .messages(&c.sid("ServiceSid"), &c.sid("ChannelSid"))
            .fetch(&c.sid("Sid"))),
        row!("ListMessage", [("Order", "desc"), ("PageSize", "7")], |c| c
            .client
            .messages(&c.sid("ServiceSid"), &c.sid("ChannelSid"))
            .list(
                ListMessages::new()
                    .order(OrderType::from_wire(c.text("Order")))
                    .page_size(c.get("PageSize"))
            )),
        row!("UpdateMessage", |c| c
            .client
            .messages(&c.sid("ServiceSid"), &c.sid("ChannelSid"))
            .update(
                &c.sid("Sid"),
                UpdateMessage::new().body(c.text("Body"))
            )),
        row!("DeleteMessage", |c| c
            .client
            .messages(&c.sid("ServiceSid"), &c.sid("ChannelSid"))
            .delete(&c.sid("Sid"))),
        // Role
        row!("CreateRole", |c| c
            .client
            .roles(&c.sid("ServiceSid"))
            .create(CreateRole::new(
                c.text("FriendlyName"),
                RoleType::from_wire(c.text("Type")),
                c.texts("Permission")
            ))),
        row!("FetchRole", |c| c
            .client
            .roles(&c.sid("ServiceSid"))
            .fetch(&c.sid("Sid"))),
        row!("ListRole", [("PageSize", "7")], |c| c
            .client
            .roles(&c.sid("ServiceSid"))
            .list(ListRoles::new().page_size(c.get("PageSize")))),
        row!("UpdateRole", |c| c
            .client
            .roles(&c.sid("ServiceSid"))
            .update(
                &c.sid("Sid"),
                UpdateRole::new(c.texts("Permission"))
            )),
        row!("DeleteRole", |c| c
            .client
            .roles(&c.sid("ServiceSid"))
            .delete(&c.sid("Sid"))),
        // User: addressed by SID or identity, so by name here.
        row!("CreateUser", |c| c
            .client
            .users(&c.sid("ServiceSid"))
            .create(
                CreateUser::new(c.text("Identity"))
                    .role_sid(c.get("RoleSid"))
                    .attributes(c.text("Attributes"))
                    .friendly_name(c.text("FriendlyName"))
            )),
        row!("FetchUser", |c| c
            .client
            .users(&c.sid("ServiceSid"))
            .fetch(c.name("Sid"))),
        row!("ListUser", [("PageSize", "7")], |c| c
            .client
            .users(&c.sid("ServiceSid"))
            .list(ListUsers::new().page_size(c.get("PageSize")))),
        row!("UpdateUser", |c| c
            .client
            .users(&c.sid("ServiceSid"))
            .update(
                c.name("Sid"),
                UpdateUser::new()
                    .role_sid(c.get("RoleSid"))
                    .attributes(c.text("Attributes"))
                    .friendly_name(c.text("FriendlyName"))
            )),
        row!("DeleteUser", |c| c
            .client
            .users(&c.sid("ServiceSid"))
            .delete(c.name("Sid"))),
        // UserChannel (list only)
        row!("ListUserChannel", [("PageSize", "7")], |c| c
            .client
            .user_channels(&c.sid("ServiceSid"), c.name("UserSid"))
            .list(ListUserChannels::new().page_size(c.get("PageSize")))),
        // Credential
        row!("CreateCredential", |c| c.client.credentials().create(
            CreateCredential::new(PushService::from_wire(c.text("Type")))
        )),
        row!("FetchCredential", |c| c
            .client
            .credentials()
            .fetch(&c.sid("Sid"))),
        row!("ListCredential", [("PageSize", "7")], |c| c
            .client
            .credentials()
            .list(ListCredentials::new().page_size(c.get("PageSize")))),
        row!("UpdateCredential", |c| c.client.credentials().update(
            &c.sid("Sid"),
            UpdateCredential::new().friendly_name(c.text("FriendlyName"))
        )),
        row!("DeleteCredential", |c| c
            .client
            .credentials()
            .delete(&c.sid("Sid"))),
    ]
}

/// UpdateService's example sets nearly every parameter (all but the skipped
/// `Format`s): too many for one line of the table. Webhook methods go through
/// `from_wire`, so the example's `webhook_method` is sent as written.
fn update_service(c: &Ctx) -> UpdateService {
    let method = |key: &str| WebhookMethod::from_wire(c.text(key));
    UpdateService::new()
        .friendly_name(c.text("FriendlyName"))
        .default_service_role_sid(c.get("DefaultServiceRoleSid"))
        .default_channel_role_sid(c.get("DefaultChannelRoleSid"))
        .default_channel_creator_role_sid(c.get("DefaultChannelCreatorRoleSid"))
        .read_status_enabled(c.get("ReadStatusEnabled"))
        .reachability_enabled(c.get("ReachabilityEnabled"))
        .typing_indicator_timeout(c.get("TypingIndicatorTimeout"))
        .consumption_report_interval(c.get("ConsumptionReportInterval"))
        .notifications_new_message_enabled(c.get("Notifications.NewMessage.Enabled"))
        .notifications_new_message_template(c.text("Notifications.NewMessage.Template"))
        .notifications_added_to_channel_enabled(c.get("Notifications.AddedToChannel.Enabled"))
        .notifications_added_to_channel_template(c.text("Notifications.AddedToChannel.Template"))
        .notifications_removed_from_channel_enabled(
            c.get("Notifications.RemovedFromChannel.Enabled"),
        )
        .notifications_removed_from_channel_template(
            c.text("Notifications.RemovedFromChannel.Template"),
        )
        .notifications_invited_to_channel_enabled(c.get("Notifications.InvitedToChannel.Enabled"))
        .notifications_invited_to_channel_template(
            c.text("Notifications.InvitedToChannel.Template"),
        )
        .pre_webhook_url(c.text("PreWebhookUrl"))
        .post_webhook_url(c.text("PostWebhookUrl"))
        .webhook_method(method("WebhookMethod"))
        .webhook_filters(c.texts("WebhookFilters"))
        .webhooks_on_message_send_url(c.text("Webhooks.OnMessageSend.Url"))
        .webhooks_on_message_send_method(method("Webhooks.OnMessageSend.Method"))
        .webhooks_on_message_update_url(c.text("Webhooks.OnMessageUpdate.Url"))
        .webhooks_on_message_update_method(method("Webhooks.OnMessageUpdate.Method"))
        .webhooks_on_message_remove_url(c.text("Webhooks.OnMessageRemove.Url"))
        .webhooks_on_message_remove_method(method("Webhooks.OnMessageRemove.Method"))
        .webhooks_on_channel_add_url(c.text("Webhooks.OnChannelAdd.Url"))
        .webhooks_on_channel_add_method(method("Webhooks.OnChannelAdd.Method"))
        .webhooks_on_channel_destroy_url(c.text("Webhooks.OnChannelDestroy.Url"))
        .webhooks_on_channel_destroy_method(method("Webhooks.OnChannelDestroy.Method"))
        .webhooks_on_channel_update_url(c.text("Webhooks.OnChannelUpdate.Url"))
        .webhooks_on_channel_update_method(method("Webhooks.OnChannelUpdate.Method"))
        .webhooks_on_member_add_url(c.text("Webhooks.OnMemberAdd.Url"))
        .webhooks_on_member_add_method(method("Webhooks.OnMemberAdd.Method"))
        .webhooks_on_member_remove_url(c.text("Webhooks.OnMemberRemove.Url"))
        .webhooks_on_member_remove_method(method("Webhooks.OnMemberRemove.Method"))
        .webhooks_on_message_sent_url(c.text("Webhooks.OnMessageSent.Url"))
        .webhooks_on_message_sent_method(method("Webhooks.OnMessageSent.Method"))
        .webhooks_on_message_updated_url(c.text("Webhooks.OnMessageUpdated.Url"))
        .webhooks_on_message_updated_method(method("Webhooks.OnMessageUpdated.Method"))
        .webhooks_on_message_removed_url(c.text("Webhooks.OnMessageRemoved.Url"))
        .webhooks_on_message_removed_method(method("Webhooks.OnMessageRemoved.Method"))
        .webhooks_on_channel_added_url(c.text("Webhooks.OnChannelAdded.Url"))
        .webhooks_on_channel_added_method(method("Webhooks.OnChannelAdded.Method"))
        .webhooks_on_channel_destroyed_url(c.text("Webhooks.OnChannelDestroyed.Url"))
        .webhooks_on_channel_destroyed_method(method("Webhooks.OnChannelDestroyed.Method"))
        .webhooks_on_channel_updated_url(c.text("Webhooks.OnChannelUpdated.Url"))
        .webhooks_on_channel_updated_method(method("Webhooks.OnChannelUpdated.Method"))
        .webhooks_on_member_added_url(c.text("Webhooks.OnMemberAdded.Url"))
        .webhooks_on_member_added_method(method("Webhooks.OnMemberAdded.Method"))
        .webhooks_on_member_removed_url(c.text("Webhooks.OnMemberRemoved.Url"))
        .webhooks_on_member_removed_method(method("Webhooks.OnMemberRemoved.Method"))
        .limits_channel_members(c.get("Limits.ChannelMembers"))
        .limits_user_channels(c.get("Limits.UserChannels"))
}

#[test]
fn openapi_table_has_one_row_per_operation() {
    let rows: Vec<&str> = table().iter().map(|row| row.op).collect();
    let in_table: BTreeSet<&str> = rows.iter().copied().collect();
    let in_openapi: BTreeSet<&str> = operations().iter().map(|op| op.id).collect();
    assert_eq!(rows.len(), 40, "rows: {rows:?}");
    assert_eq!(in_table.len(), rows.len(), "a repeated row: {rows:?}");
    assert_eq!(in_openapi.len(), 40, "operations: {in_openapi:?}");
    assert_eq!(in_table, in_openapi, "the table and the OpenAPI disagree");
}

#[tokio::test]
async fn openapi_every_operation_against_its_examples() {
    let mut problems = Vec::new();
    for row in table() {
        problems.extend(
            run(&row)
                .await
                .into_iter()
                .map(|p| format!("{}: {p}", row.op)),
        );
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

// ---------------------------------------------------------------------------------
// Rows and what their calls work with
// ---------------------------------------------------------------------------------

/// A row's call: the decoded answer, re-encoded as JSON (`null` for a delete).
type Call = fn(Ctx) -> Pin<Box<dyn Future<Output = Result<Value, Error>>>>;

/// One row of [`table`].
struct Row {
    op: &'static str,
    /// For a list, the query its call sets, as wire pairs (a key may repeat); empty
    /// for every other operation, whose values come from the OpenAPI's example.
    query: &'static [(&'static str, &'static str)],
    call: Call,
}

/// What a row's call works with: a client for the mock server, the sample path
/// parameters, and the values to send.
struct Ctx {
    /// The row's operation, for messages.
    op: &'static str,
    client: Client,
    /// Path parameter name → sample value, not encoded.
    path: BTreeMap<String, String>,
    /// The values to send: the example request without the skipped keys, or a
    /// list's query (a repeated key as an array).
    params: Map<String, Value>,
}

impl Ctx {
    /// Path parameter `name` as a typed SID.
    fn sid<T: FromStr>(&self, name: &str) -> T
    where
        T::Err: Debug,
    {
        let text = self.name(name);
        text.parse()
            .unwrap_or_else(|e| panic!("{}: path parameter {name} = {text:?}: {e:?}", self.op))
    }

    /// Path parameter `name` as text: a name, for handles that take `&str`.
    fn name(&self, name: &str) -> &str {
        self.path
            .get(name)
            .unwrap_or_else(|| panic!("{}: no path parameter {name}", self.op))
    }

    /// Value `key` as its wire text.
    fn text(&self, key: &str) -> String {
        match self.param(key) {
            Value::Array(_) => panic!("{}: {key} is a list: use `texts`", self.op),
            scalar => wire_text(scalar),
        }
    }

    /// Value `key` parsed from its wire text: a SID, a number, a boolean.
    fn get<T: FromStr>(&self, key: &str) -> T
    where
        T::Err: Debug,
    {
        let text = self.text(key);
        text.parse()
            .unwrap_or_else(|e| panic!("{}: {key} = {text:?} doesn't parse: {e:?}", self.op))
    }

    /// Value `key` as a list: an array's items, or a scalar as the only item (the
    /// example's `Permission: sendMessage` is sent as one `Permission` key).
    fn texts(&self, key: &str) -> Vec<String> {
        match self.param(key) {
            Value::Array(items) => items.iter().map(wire_text).collect(),
            scalar => vec![wire_text(scalar)],
        }
    }

    fn param(&self, key: &str) -> &Value {
        self.params
            .get(key)
            .unwrap_or_else(|| panic!("{}: no value {key} (skipped, or not sent)", self.op))
    }
}

/// A scalar as a form or query value: booleans as `true`/`false`.
fn wire_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Bool(_) | Value::Number(_) => value.to_string(),
        other => panic!("not a scalar: {other}"),
    }
}

/// `params` as the wire pairs they must become: an array as a repeated key.
fn wire_pairs(params: &Map<String, Value>) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (key, value) in params {
        match value {
            Value::Array(items) => pairs.extend(items.iter().map(|v| (key.clone(), wire_text(v)))),
            scalar => pairs.push((key.clone(), wire_text(scalar))),
        }
    }
    pairs
}

// ---------------------------------------------------------------------------------
// The harness
// ---------------------------------------------------------------------------------

/// Runs `row` against a fresh mock server; returns what went wrong, if anything.
async fn run(row: &Row) -> Vec<String> {
    let op = Operation::find(row.op);
    let mut problems = Vec::new();
    let params = match values_to_send(&op, row) {
        Ok(params) => params,
        Err(problem) => return vec![problem],
    };

    // The server answers only the exact method, path and credentials.
    let server = MockServer::start().await;
    let (status, answer, answer_schema) = op.success();
    let template = match &answer {
        Some(body) => json(status, body),
        None => ResponseTemplate::new(status),
    };
    Mock::given(method(op.method.as_str()))
        .and(path(op.expected_path()))
        .and(header("authorization", expected_authorization().as_str()))
        .respond_with(template)
        .mount(&server)
        .await;

    let ctx = Ctx {
        op: row.op,
        client: client(&server),
        path: op
            .path_params()
            .into_iter()
            .map(|p| (p.name, p.sample))
            .collect(),
        params: params.clone(),
    };
    let decoded = (row.call)(ctx).await;

    let requests = received(&server).await;
    match requests.as_slice() {
        [request] => check_request(&op, request, &params, &mut problems),
        _ => problems.push(format!("{} requests, expected 1", requests.len())),
    }
    match (decoded, answer) {
        (Err(err), _) => problems.push(format!("the call failed: {err}")),
        (Ok(decoded), None) if decoded.is_null() => {}
        (Ok(decoded), None) => problems.push(format!("no answer, decoded {decoded}")),
        (Ok(decoded), Some(answer)) => {
            compare(&answer, &decoded, answer_schema, "answer", &mut problems);
        }
    }
    problems
}

/// The values the row's call gets, and the server must receive: a list's query from
/// the row, or the example request without the [`SKIPPED`] keys.
fn values_to_send(op: &Operation, row: &Row) -> Result<Map<String, Value>, String> {
    let is_list = op.id.starts_with("List");
    if is_list == row.query.is_empty() {
        return Err("a list row sets a query (at least PageSize); no other row does".into());
    }
    if is_list {
        let known = op.query_param_names();
        let mut query = Map::new();
        for &(key, value) in row.query {
            if !known.contains(key) {
                return Err(format!("{key} is not a query parameter of the operation"));
            }
            match query.get_mut(key) {
                None => {
                    query.insert(key.to_owned(), value.into());
                }
                Some(Value::Array(items)) => items.push(value.into()),
                Some(first) => *first = Value::Array(vec![first.take(), value.into()]),
            }
        }
        return Ok(query);
    }
    let Some(mut example) = op.request_example() else {
        return Ok(Map::new());
    };
    for skip in SKIPPED.iter().filter(|skip| skip.op == op.id) {
        let keys: Vec<String> = example
            .keys()
            .filter(|key| matches_pattern(skip.key, key))
            .cloned()
            .collect();
        if keys.len() != skip.count {
            return Err(format!(
                "skip {:?} matches {} keys of the example, not {}: {keys:?}",
                skip.key,
                keys.len(),
                skip.count
            ));
        }
        for key in keys {
            if op.request_schema_has(&key) {
                return Err(format!("skipped {key} is a parameter of the operation"));
            }
            example.remove(&key);
        }
    }
    Ok(example)
}

/// `key` against a [`Skip`] pattern: `*` matches exactly one dotted part.
fn matches_pattern(pattern: &str, key: &str) -> bool {
    let (pattern, key): (Vec<_>, Vec<_>) = (pattern.split('.').collect(), key.split('.').collect());
    pattern.len() == key.len() && pattern.iter().zip(&key).all(|(p, k)| *p == "*" || p == k)
}

/// Checks the one request the server received: method, exact raw path, credentials,
/// and the values (form body for a POST, query for a list, nothing otherwise).
fn check_request(
    op: &Operation,
    request: &Request,
    params: &Map<String, Value>,
    problems: &mut Vec<String>,
) {
    let mut expect = |what: &str, expected: String, found: String| {
        if expected != found {
            problems.push(format!("{what}: expected {expected:?}, sent {found:?}"));
        }
    };
    expect("method", op.method.clone(), request.method.to_string());
    let expected_path = op.expected_path();
    let sent_path = request.url.path().to_owned();
    expect("path", expected_path.clone(), sent_path.clone());
    // A free-text parameter is one segment, percent-encoded: the same segment count.
    let sent_segments: Vec<&str> = sent_path.split('/').collect();
    for (i, segment) in op.template.split('/').enumerate() {
        let is_name = op
            .path_params()
            .iter()
            .any(|p| p.pattern.is_none() && segment == format!("{{{}}}", p.name));
        if is_name {
            let found = sent_segments.get(i).copied().unwrap_or_default();
            expect(
                &format!("path segment {segment}"),
                NAME_ENCODED.into(),
                found.into(),
            );
        }
    }
    expect(
        "path segments",
        expected_path.split('/').count().to_string(),
        sent_segments.len().to_string(),
    );
    let authorization = request
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    expect(
        "Authorization",
        expected_authorization(),
        authorization.into(),
    );

    let sorted = |mut pairs: Vec<(String, String)>| {
        pairs.sort();
        format!("{pairs:?}")
    };
    let expected_pairs = sorted(wire_pairs(params));
    let query = request.url.query();
    let body = String::from_utf8_lossy(&request.body).into_owned();
    if op.method == "POST" {
        let content_type = request
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        expect(
            "Content-Type",
            "application/x-www-form-urlencoded".into(),
            content_type.into(),
        );
        let form: Vec<(String, String)> =
            serde_urlencoded::from_str(&body).unwrap_or_else(|e| panic!("form {body:?}: {e}"));
        expect("form body", expected_pairs, sorted(form));
        expect("query", "None".into(), format!("{query:?}"));
    } else {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.unwrap_or_default())
            .unwrap_or_else(|e| panic!("query {query:?}: {e}"));
        expect("query", expected_pairs, sorted(pairs));
        expect("body", String::new(), body);
    }
}

/// Compares the example answer with what the client decoded, re-encoded as JSON,
/// guided by the answer's schema: every key of the example must come back with an
/// equal value; a key the example lacks must be a property of the schema holding its
/// default (the schema's `default`, else `null`). Timestamps are compared as text:
/// the examples' `2015-12-16T22:18:37Z` form is how the client writes them back.
fn compare(
    expected: &Value,
    decoded: &Value,
    schema: &'static Yaml,
    at: &str,
    problems: &mut Vec<String>,
) {
    let schema = resolve(schema);
    let properties = &schema["properties"];
    match (expected, decoded) {
        (Value::Object(expected), Value::Object(decoded)) if properties.is_mapping() => {
            for (key, value) in expected {
                match decoded.get(key) {
                    None => problems.push(format!("{at}.{key}: in the example, not decoded")),
                    Some(found) => compare(
                        value,
                        found,
                        &properties[key.as_str()],
                        &format!("{at}.{key}"),
                        problems,
                    ),
                }
            }
            for (key, found) in decoded.iter().filter(|(k, _)| !expected.contains_key(*k)) {
                let property = resolve(&properties[key.as_str()]);
                let default = to_json(&property["default"]);
                if property.is_null() || *found != default {
                    problems.push(format!(
                        "{at}.{key}: not in the example, decoded as {found} (schema default {default})"
                    ));
                }
            }
        }
        (Value::Array(expected), Value::Array(decoded)) if expected.len() == decoded.len() => {
            for (i, (value, found)) in expected.iter().zip(decoded).enumerate() {
                compare(
                    value,
                    found,
                    &schema["items"],
                    &format!("{at}[{i}]"),
                    problems,
                );
            }
        }
        _ if expected != decoded => {
            problems.push(format!(
                "{at}: the example has {expected}, decoded {decoded}"
            ));
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------
// The OpenAPI
// ---------------------------------------------------------------------------------

/// Twilio's OpenAPI description, read once. Kept as YAML, whose maps keep the file's
/// order, so "the first example" is the first in the file.
fn openapi() -> &'static Yaml {
    static DOC: OnceLock<Yaml> = OnceLock::new();
    DOC.get_or_init(|| {
        serde_yaml::from_str(&fixture("twilio-oai/twilio_chat_v1.yaml")).expect("YAML")
    })
}

/// The node a `$ref` names, or `schema` itself.
fn resolve(schema: &'static Yaml) -> &'static Yaml {
    match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference
                .strip_prefix("#/components/schemas/")
                .unwrap_or_else(|| panic!("unexpected $ref {reference}"));
            &openapi()["components"]["schemas"][name]
        }
        None => schema,
    }
}

fn to_json(yaml: &Yaml) -> Value {
    serde_json::to_value(yaml).expect("YAML as JSON")
}

/// The `value` of the first of `content`'s examples.
fn first_example(content: &Yaml) -> Option<Value> {
    let examples = content["examples"].as_mapping()?;
    examples
        .values()
        .next()
        .map(|example| to_json(&example["value"]))
}

/// One operation of the OpenAPI.
struct Operation {
    id: &'static str,
    /// Upper case: `GET`, `POST`, `DELETE`.
    method: String,
    /// Such as `/v1/Services/{ServiceSid}/Channels/{Sid}`.
    template: &'static str,
    node: &'static Yaml,
}

/// A path parameter and the sample value the harness fills in.
struct PathParam {
    name: String,
    /// The schema's pattern; `None` for free text.
    pattern: Option<&'static str>,
    sample: String,
}

/// Every operation in the OpenAPI, in file order.
fn operations() -> Vec<Operation> {
    let paths = openapi()["paths"].as_mapping().expect("paths");
    let mut all = Vec::new();
    for (template, item) in paths {
        for (verb, node) in item.as_mapping().expect("path item") {
            if let Some(id) = node["operationId"].as_str() {
                all.push(Operation {
                    id,
                    method: verb.as_str().expect("method").to_uppercase(),
                    template: template.as_str().expect("path"),
                    node,
                });
            }
        }
    }
    all
}

impl Operation {
    fn find(id: &str) -> Operation {
        operations()
            .into_iter()
            .find(|op| op.id == id)
            .unwrap_or_else(|| panic!("no operation {id} in the OpenAPI"))
    }

    fn params_in(&self, location: &'static str) -> impl Iterator<Item = &'static Yaml> {
        let node: &'static Yaml = self.node;
        let params = node["parameters"].as_sequence().into_iter().flatten();
        params.filter(move |p| p["in"].as_str() == Some(location))
    }

    /// The path parameters with their samples: a SID gets the prefix of its pattern
    /// (`^IS[0-9a-fA-F]{32}$`) and 32 `a`s; free text gets [`NAME`].
    fn path_params(&self) -> Vec<PathParam> {
        self.params_in("path")
            .map(|p| {
                let name = p["name"].as_str().expect("name").to_owned();
                let pattern = p["schema"]["pattern"].as_str();
                let sample = match pattern {
                    Some(pattern) => {
                        let prefix = pattern
                            .strip_prefix('^')
                            .and_then(|rest| rest.split('[').next())
                            .filter(|prefix| prefix.len() == 2)
                            .unwrap_or_else(|| panic!("{name}: not a SID pattern: {pattern}"));
                        format!("{prefix}{}", "a".repeat(32))
                    }
                    None => NAME.to_owned(),
                };
                PathParam {
                    name,
                    pattern,
                    sample,
                }
            })
            .collect()
    }

    fn query_param_names(&self) -> BTreeSet<&'static str> {
        self.params_in("query")
            .map(|p| p["name"].as_str().expect("name"))
            .collect()
    }

    /// The raw path the server must see: the template with every parameter's sample,
    /// percent-encoded (written out, not computed: [`NAME_ENCODED`]).
    fn expected_path(&self) -> String {
        let mut filled = self.template.to_owned();
        for param in self.path_params() {
            let encoded = match param.pattern {
                Some(_) => param.sample,
                None => NAME_ENCODED.to_owned(),
            };
            let placeholder = format!("{{{}}}", param.name);
            assert!(filled.contains(&placeholder), "{}: {placeholder}", self.id);
            filled = filled.replace(&placeholder, &encoded);
        }
        assert!(!filled.contains('{'), "{}: unfilled {filled}", self.id);
        filled
    }

    fn form(&self) -> &'static Yaml {
        &self.node["requestBody"]["content"]["application/x-www-form-urlencoded"]
    }

    /// The first example request, as an object.
    fn request_example(&self) -> Option<Map<String, Value>> {
        let example = first_example(self.form())?;
        match example {
            Value::Object(example) => Some(example),
            other => panic!("{}: example request {other}", self.id),
        }
    }

    fn request_schema_has(&self, key: &str) -> bool {
        !self.form()["schema"]["properties"][key].is_null()
    }

    /// The one 2xx status, its first JSON example (none for 204) and its schema.
    fn success(&self) -> (u16, Option<Value>, &'static Yaml) {
        let (status, content) = self.answer();
        (status, first_example(content), &content["schema"])
    }

    /// The one 2xx status and its `application/json` content (null for 204).
    fn answer(&self) -> (u16, &'static Yaml) {
        let node: &'static Yaml = self.node;
        let responses = node["responses"].as_mapping().expect("responses");
        let mut success = responses.iter().filter(|(code, _)| {
            code.as_str()
                .is_some_and(|code| code.starts_with('2') && code.len() == 3)
        });
        let (code, response) = success.next().expect("a 2xx answer");
        assert!(success.next().is_none(), "{}: several 2xx answers", self.id);
        let status = code.as_str().unwrap().parse().expect("a status");
        (status, &response["content"]["application/json"])
    }
}

// ---------------------------------------------------------------------------------
// Paging over two resources
// ---------------------------------------------------------------------------------

/// The first example answer of the list `op` with records (`readFull`; some lists
/// give `readEmpty` first).
fn full_page_example(op: &Operation) -> Value {
    let (_, content) = op.answer();
    let examples = content["examples"].as_mapping().expect("examples");
    examples
        .values()
        .map(|example| to_json(&example["value"]))
        .find(|page| {
            let key = page["meta"]["key"].as_str().unwrap_or_default();
            page[key]
                .as_array()
                .is_some_and(|records| !records.is_empty())
        })
        .unwrap_or_else(|| panic!("{}: no example page with records", op.id))
}

/// Serves the list `op_id` in two pages built from its OpenAPI example: page 0 has
/// records 1 and 2 and links to page 1 on this server, page 1 has record 3 and no
/// next page. Each page is served once. Returns the records, in order.
async fn serve_two_pages(server: &MockServer, op_id: &str) -> Vec<Value> {
    let op = Operation::find(op_id);
    let example = full_page_example(&op);
    let key = example["meta"]["key"]
        .as_str()
        .expect("meta.key")
        .to_owned();
    let template = example[&key][0].clone();
    let prefix = &template["sid"].as_str().expect("a record SID")[..2];
    let record = |n: u32| {
        let mut record = template.clone();
        record["sid"] = format!("{prefix}{n:032x}").into();
        record
    };
    let collection = op.expected_path();
    let base = format!("{}{collection}", server.uri());
    let queries = ["PageSize=2", "PageSize=2&Page=1&PageToken=PT1"];
    let pages = [vec![record(1), record(2)], vec![record(3)]];
    for (i, (query, records)) in queries.iter().zip(&pages).enumerate() {
        let mut body = example.clone();
        body[&key] = Value::Array(records.clone());
        body["meta"]["page"] = i.into();
        body["meta"]["page_size"] = 2.into();
        body["meta"]["url"] = format!("{base}?{query}").into();
        body["meta"]["next_page_url"] = queries
            .get(i + 1)
            .map_or(Value::Null, |next| format!("{base}?{next}").into());
        Mock::given(method("GET"))
            .and(path(collection.as_str()))
            .and(QueryIs::exactly(query))
            .respond_with(json(200, &body))
            .expect(1)
            .mount(server)
            .await;
    }
    pages.concat()
}

/// Checks the streamed records against the served ones (as the table checks a
/// record), and that the stream asked for page 0, then page 1, then stopped.
async fn assert_streamed<T: serde::Serialize>(
    server: &MockServer,
    op_id: &str,
    served: &[Value],
    streamed: &[T],
) {
    let op = Operation::find(op_id);
    let (_, _, page_schema) = op.success();
    let example = full_page_example(&op);
    let key = example["meta"]["key"].as_str().expect("meta.key");
    let streamed = serde_json::to_value(streamed).expect("encodes");
    let mut problems = Vec::new();
    let served = Value::Array(served.to_vec());
    compare(
        &served,
        &streamed,
        &resolve(page_schema)["properties"][key],
        op_id,
        &mut problems,
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let queries: Vec<String> = received(server)
        .await
        .iter()
        .map(|r| r.url.query().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        queries,
        ["PageSize=2", "PageSize=2&Page=1&PageToken=PT1"],
        "{op_id}"
    );
}

#[tokio::test]
async fn openapi_stream_follows_next_page_url_over_channels_and_messages() {
    let service = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().unwrap();

    let server = MockServer::start().await;
    let served = serve_two_pages(&server, "ListChannel").await;
    let channels: Vec<Channel> = client(&server)
        .channels(&service)
        .stream(ListChannels::new().page_size(2))
        .try_collect()
        .await
        .expect("both pages of channels");
    assert_eq!(channels.len(), 3);
    assert_streamed(&server, "ListChannel", &served, &channels).await;

    let server = MockServer::start().await;
    let served = serve_two_pages(&server, "ListMessage").await;
    let channel = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().unwrap();
    let messages: Vec<Message> = client(&server)
        .messages(&service, &channel)
        .stream(ListMessages::new().page_size(2))
        .try_collect()
        .await
        .expect("both pages of messages");
    assert_eq!(messages.len(), 3);
    assert_streamed(&server, "ListMessage", &served, &messages).await;
}

// ---------------------------------------------------------------------------------
// Credential's secrets
// ---------------------------------------------------------------------------------

/// Credential's secret parameters and values. Each value has a plain marker as
/// well, since `Debug` escapes the newlines of a PEM block and a leak of the escaped
/// text would not contain the value itself.
const SECRETS: [(&str, &str, &str); 4] = [
    ("ApiKey", "AIzaApiKeyMarker1+/=", "ApiKeyMarker1"),
    ("Secret", "fcm secret&Marker2=", "Marker2"),
    (
        "Certificate",
        "-----BEGIN CERTIFICATE-----\nMIIBcertMarker3+/==\n-----END CERTIFICATE-----",
        "certMarker3",
    ),
    (
        "PrivateKey",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEkeyMarker4/+==\n-----END RSA PRIVATE KEY-----",
        "keyMarker4",
    ),
];

/// Fails if `shown` contains any secret value or marker.
fn assert_no_secret_in(what: &str, shown: &str) {
    for (name, value, marker) in SECRETS {
        assert!(
            !shown.contains(value) && !shown.contains(marker),
            "{what} shows {name}: {shown}"
        );
    }
}

/// Sends a credential call carrying every secret to a server that answers 400 with a
/// Twilio error, and checks the secrets reached the server and nothing else.
async fn check_secrets<F, Fut>(op_id: &str, params_debug: String, call: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = Result<Value, Error>>,
{
    assert!(params_debug.contains("[redacted]"), "{params_debug}");
    assert_no_secret_in("the parameters' Debug", &params_debug);

    let server = MockServer::start().await;
    let op = Operation::find(op_id);
    let twilio_error = serde_json::json!({
        "code": 20001,
        "message": "bad",
        "more_info": "https://www.twilio.com/docs/errors/20001",
        "status": 400,
    });
    Mock::given(method("POST"))
        .and(path(op.expected_path()))
        .respond_with(json(400, &twilio_error))
        .mount(&server)
        .await;

    let err = no_secret(
        call(client(&server))
            .await
            .expect_err("the server says 400"),
    );
    match &err {
        Error::Api(api) => assert_eq!((api.status, api.code), (400, Some(20001)), "{api}"),
        other => panic!("not an API error: {other:?}"),
    }
    assert_no_secret_in("the error's Display", &format!("{err}"));
    assert_no_secret_in("the error's Debug", &format!("{err:?}"));

    // The server still got the real values.
    let requests = received(&server).await;
    let form: Vec<(String, String)> =
        serde_urlencoded::from_bytes(&requests[0].body).expect("a form body");
    for (name, value, _) in SECRETS {
        let sent: Vec<&str> = form
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(sent, [value], "{op_id}: {name}");
    }
}

#[tokio::test]
async fn openapi_credential_secrets_are_sent_but_never_shown() {
    let [api_key, secret, certificate, private_key] = SECRETS.map(|(_, value, _)| value);

    let create = CreateCredential::new(PushService::Fcm)
        .friendly_name("push")
        .api_key(api_key)
        .secret(secret)
        .certificate(certificate)
        .private_key(private_key);
    check_secrets(
        "CreateCredential",
        format!("{create:?}"),
        |client| async move {
            let record = client.credentials().create(create).await?;
            Ok(serde_json::to_value(record).expect("encodes"))
        },
    )
    .await;

    let update = UpdateCredential::new()
        .api_key(api_key)
        .secret(secret)
        .certificate(certificate)
        .private_key(private_key);
    let sid = "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().unwrap();
    check_secrets(
        "UpdateCredential",
        format!("{update:?}"),
        |client| async move {
            let record = client.credentials().update(&sid, update).await?;
            Ok(serde_json::to_value(record).expect("encodes"))
        },
    )
    .await;
}
