//! The table of `twilio_chat_v2`, derived from its OpenAPI file by `tests/build.rs`.

use super::*;
#[allow(unused_imports)]
use twilio_chat_v2::*;

/// The OpenAPI file, and the keys of its examples the harness leaves out.
const DOC: Doc = Doc {
    file: "twilio-oai/twilio_chat_v2.yaml",
    skipped: SKIPPED,
    corrected: &[],
};

/// Keys of the examples that are no parameter of their operation.
const SKIPPED: &[Skip] = &[
    // As in Chat v1: a channel's type is set when it is created; UpdateChannel's
    // request schema has no `Type`, but its example, copied from CreateChannel, has.
    Skip {
        op: "UpdateChannel",
        key: "Type",
        count: 1,
    },
];

include!(concat!(env!("OUT_DIR"), "/rows_twilio_chat_v2.rs"));

#[tokio::test]
async fn every_operation_against_its_examples() {
    check_table(&DOC, table()).await;
}

#[tokio::test]
async fn every_answer_of_twilios_library_tests() {
    check_library_answers(&DOC, table()).await;
}

#[tokio::test]
async fn stream_follows_next_page_url_over_channels_and_messages() {
    use futures_util::TryStreamExt;
    let service = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().unwrap();

    let server = MockServer::start().await;
    let pages = TwoPages::serve(&server, &DOC, "ListChannel", "PageSize=2").await;
    let channels: Vec<Channel> = client::<Client>(&server)
        .channels(&service)
        .stream(ListChannels::new().page_size(2))
        .try_collect()
        .await
        .expect("both pages of channels");
    assert_eq!(channels.len(), 3);
    pages.assert_streamed(&server, &channels).await;

    let server = MockServer::start().await;
    let pages = TwoPages::serve(&server, &DOC, "ListMessage", "PageSize=2").await;
    let messages: Vec<Message> = client::<Client>(&server)
        .messages(&service, NAME)
        .stream(ListMessages::new().page_size(2))
        .try_collect()
        .await
        .expect("both pages of messages");
    assert_eq!(messages.len(), 3);
    pages.assert_streamed(&server, &messages).await;
}

super::secrets::credential_secrets_test!(
    twilio_chat_v2,
    DOC,
    BindingType::Fcm,
    "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
);

#[tokio::test]
async fn example_create_and_list_members_posts_then_prints_the_channel() {
    use crate::client::example_program::{example_binary, printed, run};
    let binary = example_binary("twilio-chat-v2", "create_and_list_members");
    let service = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let identity = "user é & =";

    let server = MockServer::start().await;
    let create = DOC.find("CreateMember");
    let (status, created, schema) = create.success();
    let created = created.expect("an example member");
    Mock::given(method("POST"))
        .and(path(create.expected_path()))
        .respond_with(json(status, &created))
        .expect(1)
        .mount(&server)
        .await;
    let pages = TwoPages::serve(&server, &DOC, "ListMember", "").await;

    let output = run(
        binary,
        &[service, NAME, identity],
        "TWILIO_CHAT_V2_BASE_URL",
        server.uri(),
    )
    .await;
    let (lines, stderr) = printed(output);
    assert_eq!(lines.len(), 4, "{lines:?}");
    let mut problems = Vec::new();
    compare(
        &DOC,
        &created,
        &lines[0],
        schema,
        "CreateMember",
        &mut problems,
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    pages.assert_records(&Value::Array(lines[1..].to_vec()));
    assert!(stderr.contains("3 records"), "{stderr}");

    let requests = received(&server).await;
    let form: Vec<(String, String)> =
        serde_urlencoded::from_bytes(&requests[0].body).expect("a form body");
    assert_eq!(form, [("Identity".to_owned(), identity.to_owned())]);
    pages.assert_streamed(&server, &lines[1..]).await;
}

/// A path parameter the API takes as a SID or a name takes either: a record's SID as
/// it is (no `.as_str()`), or text.
#[tokio::test]
async fn a_channel_is_named_by_its_sid_or_its_unique_name() {
    let server = MockServer::start().await;
    let service: ServiceSid = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().expect("a SID");
    let channel: ChannelSid = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().expect("a SID");
    for name in [channel.as_str(), "general"] {
        Mock::given(method("DELETE"))
            .and(path(format!(
                "/v2/Services/{service}/Channels/{name}/Members/alice"
            )))
            .respond_with(ResponseTemplate::new(204))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client::<Client>(&server);
    client
        .members(&service, channel)
        .delete("alice")
        .await
        .expect("by SID");
    client
        .members(&service, "general")
        .delete("alice")
        .await
        .expect("by name");
}
