//! The table of `twilio_conversations_v1`, derived from its OpenAPI file by `tests/build.rs`.

use super::*;
#[allow(unused_imports)]
use twilio_conversations_v1::*;

/// The OpenAPI file, and the keys of its examples the harness leaves out.
const DOC: Doc = Doc {
    file: "twilio-oai/twilio_conversations_v1.yaml",
    skipped: SKIPPED,
    corrected: &[],
};

/// Keys of the examples that are no parameter of their operation.
const SKIPPED: &[Skip] = &[];

include!(concat!(env!("OUT_DIR"), "/rows_twilio_conversations_v1.rs"));

#[tokio::test]
async fn every_operation_against_its_examples() {
    check_table(&DOC, table()).await;
}

#[tokio::test]
async fn every_answer_of_twilios_library_tests() {
    check_library_answers(&DOC, table()).await;
}

#[tokio::test]
async fn stream_follows_next_page_url_over_conversations_and_messages() {
    use futures_util::TryStreamExt;

    let server = MockServer::start().await;
    let pages = TwoPages::serve(&server, &DOC, "ListConversation", "PageSize=2").await;
    let conversations: Vec<Conversation> = client::<Client>(&server)
        .conversations()
        .stream(ListConversations::new().page_size(2))
        .try_collect()
        .await
        .expect("both pages of conversations");
    assert_eq!(conversations.len(), 3);
    pages.assert_streamed(&server, &conversations).await;

    let server = MockServer::start().await;
    let pages = TwoPages::serve(&server, &DOC, "ListConversationMessage", "PageSize=2").await;
    let messages: Vec<ConversationMessage> = client::<Client>(&server)
        .conversation_messages(NAME)
        .stream(ListConversationMessages::new().page_size(2))
        .try_collect()
        .await
        .expect("both pages of messages");
    assert_eq!(messages.len(), 3);
    pages.assert_streamed(&server, &messages).await;
}

super::secrets::credential_secrets_test!(
    twilio_conversations_v1,
    DOC,
    PushType::Fcm,
    "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
);

#[tokio::test]
async fn example_list_conversation_messages_prints_every_page() {
    use crate::client::example_program::{example_binary, printed, run};
    let binary = example_binary("twilio-conversations-v1", "list_conversation_messages");

    let server = MockServer::start().await;
    let pages = TwoPages::serve(&server, &DOC, "ListConversationMessage", "").await;
    let output = run(
        binary,
        &[NAME],
        "TWILIO_CONVERSATIONS_V1_BASE_URL",
        server.uri(),
    )
    .await;
    let (lines, stderr) = printed(output);
    assert!(stderr.contains("3 records"), "{stderr}");
    pages.assert_streamed(&server, &lines).await;
}

/// A delete whose only parameter is an optional header takes just the SID, and sends
/// no header; `delete_with` sends the header it is given.
#[tokio::test]
async fn a_delete_takes_just_the_sid_and_delete_with_its_header() {
    let server = MockServer::start().await;
    let sid: ConversationSid = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().expect("a SID");
    Mock::given(method("DELETE"))
        .and(path(format!("/v1/Conversations/{sid}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(2)
        .mount(&server)
        .await;
    let conversations = client::<Client>(&server).conversations();
    conversations.delete(sid.as_str()).await.expect("deleted");
    conversations
        .delete_with(
            sid.as_str(),
            DeleteConversation::new().x_twilio_webhook_enabled(WebhookEnabledType::True),
        )
        .await
        .expect("deleted");
    let sent = server.received_requests().await.expect("recorded");
    let header = |i: usize| {
        sent[i]
            .headers
            .get("x-twilio-webhook-enabled")
            .map(|v| v.to_str().expect("text").to_owned())
    };
    assert_eq!(header(0), None);
    assert_eq!(header(1).as_deref(), Some("true"));
}
