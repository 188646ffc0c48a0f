//! The pages as plain `String` fields, and the JSON every decode reads.

use serde::Deserialize;

/// The generated crate's decode target's plain counterpart: every field text.
#[derive(Deserialize)]
#[allow(dead_code)]
pub(super) struct PlainInvite {
    pub(super) sid: Option<String>,
    pub(super) account_sid: Option<String>,
    pub(super) channel_sid: Option<String>,
    pub(super) service_sid: Option<String>,
    pub(super) identity: Option<String>,
    pub(super) date_created: Option<String>,
    pub(super) date_updated: Option<String>,
    pub(super) role_sid: Option<String>,
    pub(super) created_by: Option<String>,
    pub(super) url: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(super) struct PlainMeta {
    pub(super) first_page_url: String,
    pub(super) key: String,
    pub(super) next_page_url: Option<String>,
    pub(super) page: u64,
    pub(super) page_size: u64,
    pub(super) previous_page_url: Option<String>,
    pub(super) url: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(super) struct PlainPage {
    pub(super) invites: Vec<PlainInvite>,
    pub(super) meta: PlainMeta,
}

/// A 2010 message with every field text, as `twilio-rust-openapi` reads one.
#[derive(Deserialize)]
#[allow(dead_code)]
pub(super) struct PlainMessage {
    pub(super) body: Option<String>,
    pub(super) num_segments: Option<String>,
    pub(super) direction: Option<String>,
    pub(super) from: Option<String>,
    pub(super) to: Option<String>,
    pub(super) date_updated: Option<String>,
    pub(super) price: Option<String>,
    pub(super) error_message: Option<String>,
    pub(super) uri: Option<String>,
    pub(super) account_sid: Option<String>,
    pub(super) num_media: Option<String>,
    pub(super) status: Option<String>,
    pub(super) messaging_service_sid: Option<String>,
    pub(super) sid: Option<String>,
    pub(super) date_sent: Option<String>,
    pub(super) date_created: Option<String>,
    pub(super) error_code: Option<i32>,
    pub(super) price_unit: Option<String>,
    pub(super) api_version: Option<String>,
    pub(super) subresource_uris: Option<std::collections::HashMap<String, serde_json::Value>>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(super) struct PlainMessagePage {
    pub(super) messages: Vec<PlainMessage>,
    pub(super) end: Option<i32>,
    pub(super) first_page_uri: Option<String>,
    pub(super) next_page_uri: Option<String>,
    pub(super) page: Option<i32>,
    pub(super) page_size: Option<i32>,
    pub(super) previous_page_uri: Option<String>,
    pub(super) start: Option<i32>,
    pub(super) uri: Option<String>,
}

/// A page of 50 messages from the 2010 API's example of `ListMessage`, each with its
/// own SIDs.
pub(super) fn message_page_json() -> String {
    let file = codegen::SourceFile {
        name: "twilio_api_v2010.yaml".into(),
        text: tests::fixture("twilio-oai/twilio_api_v2010.yaml"),
    };
    let doc = codegen::import::read_openapi(&file).expect("the OpenAPI file");
    let list = &doc["paths"]["/2010-04-01/Accounts/{AccountSid}/Messages.json"]["get"];
    let examples = &list["responses"]["200"]["content"]["application/json"]["examples"];
    let example = examples
        .as_object()
        .and_then(|e| e.values().next())
        .map(|e| e["value"].clone())
        .expect("an example page");
    let template = example["messages"][0].clone();
    let messages: Vec<serde_json::Value> = (0..50_u128)
        .map(|i| {
            let mut message = template.clone();
            for key in ["sid", "account_sid", "messaging_service_sid"] {
                if let Some(sid) = message[key].as_str().map(str::to_owned) {
                    message[key] = format!("{}{:032x}", &sid[..2], 0xabcdef * (i + 1)).into();
                }
            }
            message["body"] = format!("message {i}").into();
            message
        })
        .collect();
    let mut page = example;
    page["messages"] = messages.into();
    page["page_size"] = 50.into();
    serde_json::to_string(&page).expect("JSON")
}

/// A page of 50 invites built from the OpenAPI example, each with its own SIDs.
pub(super) fn page_json() -> String {
    let example: serde_json::Value =
        serde_json::from_str(&tests::fixture("openapi/invite_read_full.json")).expect("fixture");
    let mut page = example.clone();
    let template = example["invites"][0].clone();
    let invites: Vec<serde_json::Value> = (0..50)
        .map(|i| {
            let mut invite = template.clone();
            for key in [
                "sid",
                "account_sid",
                "channel_sid",
                "service_sid",
                "role_sid",
            ] {
                let sid = invite[key].as_str().expect("SID").to_string();
                invite[key] = format!("{}{:032x}", &sid[..2], 0xabcdef_u128 * (i + 1)).into();
            }
            invite["identity"] = format!("user-{i}").into();
            invite
        })
        .collect();
    page["invites"] = invites.into();
    page["meta"]["page_size"] = 50.into();
    serde_json::to_string(&page).expect("JSON")
}
