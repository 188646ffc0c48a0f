//! The example Invite bodies from Twilio's OpenAPI description decode into the
//! generated types and encode back to the same JSON.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use tests::fixture;
use twilio_chat_v1::resources::invite::{Invite, InvitePage};

fn round_trip<T: DeserializeOwned + Serialize>(file: &str) -> T {
    let text = fixture(&format!("openapi/{file}"));
    let original: Value = serde_json::from_str(&text).expect("fixture is JSON");
    let decoded: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    let encoded = serde_json::to_value(&decoded).expect("encodes");
    assert_eq!(encoded, original, "{file} changed in a round trip");
    decoded
}

#[test]
fn fetch_and_create_examples_round_trip() {
    for file in ["invite_fetch.json", "invite_create.json"] {
        let invite: Invite = round_trip(file);
        assert_eq!(
            invite.sid.as_ref().map(|s| s.as_str()),
            Some("INaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        );
        assert_eq!(
            invite.role_sid.as_ref().map(|s| s.as_str()),
            Some("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        );
        let created = invite.date_created.expect("date_created");
        assert_eq!(
            (
                created.year(),
                created.month() as u8,
                created.day(),
                created.hour()
            ),
            (2015, 7, 30, 20)
        );
        assert_eq!(invite.created_by.as_deref(), Some("created_by"));
    }
}

#[test]
fn page_examples_round_trip() {
    let full: InvitePage = round_trip("invite_read_full.json");
    assert_eq!(full.invites.len(), 1);
    assert_eq!(full.meta.key, "invites");
    assert_eq!(full.meta.page_size, 50);
    assert_eq!(full.meta.next_page_url, None);
    let empty: InvitePage = round_trip("invite_read_empty.json");
    assert!(empty.invites.is_empty());
}

#[test]
fn rfc2822_dates_are_read_too_and_written_as_iso8601() {
    let mut body: Value =
        serde_json::from_str(&fixture("openapi/invite_fetch.json")).expect("JSON");
    body["date_created"] = "Thu, 30 Jul 2015 20:00:00 +0000".into();
    let invite: Invite = serde_json::from_value(body).expect("decodes");
    let out = serde_json::to_value(&invite).expect("encodes");
    assert_eq!(out["date_created"], "2015-07-30T20:00:00Z");
}

#[test]
fn nulls_and_missing_fields_are_none() {
    let invite: Invite =
        serde_json::from_str(r#"{"sid": null, "identity": "alice"}"#).expect("decodes");
    assert!(invite.sid.is_none() && invite.date_created.is_none() && invite.url.is_none());
    assert_eq!(invite.identity.as_deref(), Some("alice"));
}

#[test]
fn bad_values_in_a_body_are_refused_with_the_reason() {
    let cases = [
        (
            r#"{"sid": "INaaaa"}"#,
            "invalid InviteSid: must be 34 characters",
        ),
        (
            r#"{"role_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}"#,
            "invalid RoleSid: must start with `RL`",
        ),
        (
            r#"{"date_created": "30/07/2015"}"#,
            "an ISO 8601 or RFC 2822 timestamp",
        ),
        (
            r#"{"date_created": 1438286400}"#,
            "an ISO 8601 or RFC 2822 timestamp",
        ),
        (r#"{"identity": 42}"#, "invalid type: integer `42`"),
    ];
    for (body, want) in cases {
        let err = serde_json::from_str::<Invite>(body)
            .expect_err(body)
            .to_string();
        assert!(err.contains(want), "{body}: {err}");
    }
}

/// Older bodies lack properties newer ones have: every record type decodes from a body
/// with none of its properties, to `None` or its default.
#[test]
fn a_body_without_properties_decodes_to_none_or_defaults() {
    use twilio_chat_v1::resources::channel::Channel;
    use twilio_chat_v1::resources::credential::Credential;
    use twilio_chat_v1::resources::member::Member;
    use twilio_chat_v1::resources::message::Message;
    use twilio_chat_v1::resources::role::Role;
    use twilio_chat_v1::resources::service::Service;
    use twilio_chat_v1::resources::user::User;
    use twilio_chat_v1::resources::user_channel::UserChannel;
    fn empty<T: DeserializeOwned>() -> T {
        serde_json::from_str("{}").unwrap_or_else(|e| panic!("{}: {e}", std::any::type_name::<T>()))
    }
    let channel: Channel = empty();
    assert_eq!(
        (&channel.sid, channel.members_count, channel.messages_count),
        (&None, 0, 0)
    );
    assert_eq!(channel.r#type, None);
    assert!(channel.links.is_none());
    let message: Message = empty();
    assert_eq!((message.body.as_deref(), message.index), (None, 0));
    let service: Service = empty();
    assert_eq!(
        (
            service.typing_indicator_timeout,
            service.consumption_report_interval
        ),
        (0, 0)
    );
    let user: User = empty();
    assert_eq!(user.joined_channels_count, 0);
    let _: (Invite, Member, Role, UserChannel, Credential) =
        (empty(), empty(), empty(), empty(), empty());
    // A property that is never null but absent stays absent when written back.
    assert!(serde_json::to_value(&channel)
        .expect("encodes")
        .get("type")
        .is_none());
}

/// Newer bodies have properties this crate doesn't know: they decode, and every known
/// property keeps its value.
#[test]
fn a_body_with_unknown_properties_decodes_and_keeps_the_known_ones() {
    use twilio_chat_v1::resources::channel::Channel;
    use twilio_chat_v1::types::ChannelType;
    let body = serde_json::json!({
        "sid": "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "type": "private",
        "members_count": 7,
        "links": { "members": "https://chat.twilio.com/v1/x", "last_message": null },
        "a_property_from_the_future": { "nested": [1, 2, 3] },
    });
    let channel: Channel = serde_json::from_value(body).expect("decodes");
    assert_eq!(channel.r#type, Some(ChannelType::Private));
    assert_eq!(channel.members_count, 7);
    let links = channel.links.expect("links");
    assert_eq!(
        links["members"].as_deref(),
        Some("https://chat.twilio.com/v1/x")
    );
    assert_eq!(links["last_message"], None);
    // An enum value added later is kept as sent, not refused.
    let channel: Channel =
        serde_json::from_value(serde_json::json!({ "type": "secret" })).expect("decodes");
    assert_eq!(channel.r#type, Some(ChannelType::Unknown("secret".into())));
}

/// A known enum value in another letter case is that value, read or parsed, and is
/// sent in Twilio's spelling (Twilio refuses `Channel=SMS` where it means `sms`);
/// parsing never fails: what the crate doesn't know is kept as written.
#[test]
fn an_enum_value_in_another_case_is_the_known_value() {
    use twilio_chat_v1::resources::channel::Channel;
    use twilio_chat_v1::types::ChannelType;
    let channel: Channel =
        serde_json::from_value(serde_json::json!({ "type": "PRIVATE" })).expect("decodes");
    assert_eq!(channel.r#type, Some(ChannelType::Private));
    assert_eq!("Public".parse::<ChannelType>(), Ok(ChannelType::Public));
    assert_eq!(ChannelType::from_wire("PUBLIC".into()).as_str(), "public");
    assert_eq!(
        "public-ish".parse::<ChannelType>(),
        Ok(ChannelType::Unknown("public-ish".into()))
    );
}

/// A 2010 Message SID is `SM` or `MM` and 32 hex digits (`^(SM|MM)[0-9a-fA-F]{32}$`),
/// checked as a SID of each prefix rather than by a regex: the same verdicts.
#[test]
fn a_message_sid_is_sm_or_mm() {
    use twilio_api_v2010::types::MessageSid;
    let hex = "0123456789abcdefABCDEF0123456789";
    let regex = regex::Regex::new("^(SM|MM)[0-9a-fA-F]{32}$").expect("pattern");
    for value in [
        format!("SM{hex}"),
        format!("MM{hex}"),
        format!("MX{hex}"),
        format!("sm{hex}"),
        format!("SM{}", &hex[1..]),
        format!("SM{hex}0"),
        format!("SM{}g", &hex[1..]),
        format!("MMM{}", &hex[1..]),
        String::new(),
    ] {
        let parsed = value.parse::<MessageSid>();
        assert_eq!(parsed.is_ok(), regex.is_match(&value), "{value:?}");
        assert_eq!(
            MessageSid::is_valid(&value),
            regex.is_match(&value),
            "{value:?}"
        );
    }
}
