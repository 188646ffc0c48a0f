//! What the generated code refuses before sending: free-text path segments and
//! parameters out of range. How the runtime keeps the auth token out of sight is
//! tested in `codegen/runtime/src/tests/secret.rs`.

use super::*;
use futures_util::StreamExt;
use twilio_chat_v1::resources::invite::{CreateInvite, ListInvites};
use twilio_chat_v1::Problem;
use wiremock::matchers::{any, method};
use wiremock::Mock;

/// Every operation once, on `invites`, each returning its error if any.
async fn every_operation(invites: &Invites) -> Vec<(&'static str, Result<(), Error>)> {
    let sid = INVITE_SID.parse().unwrap();
    let mut stream = std::pin::pin!(invites.stream(ListInvites::new()));
    // The served listing is empty, so the stream ends at once or after an error.
    let streamed = match stream.next().await {
        None => Ok(()),
        Some(Ok(record)) => panic!("a record from an empty listing: {record:?}"),
        Some(Err(e)) => {
            let after_error = stream.next().await;
            assert!(after_error.is_none(), "the stream goes on: {after_error:?}");
            Err(e)
        }
    };
    vec![
        (
            "create",
            invites.create(CreateInvite::new("alice")).await.map(drop),
        ),
        ("fetch", invites.fetch(&sid).await.map(drop)),
        ("list", invites.list(ListInvites::new()).await.map(drop)),
        ("stream", streamed),
        ("delete", invites.delete(&sid).await),
    ]
}

#[tokio::test]
async fn a_channel_name_is_exactly_one_percent_encoded_path_segment() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(json(201, &example("invite_create.json")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(QueryIs::none())
        .and(wiremock::matchers::path_regex("/Invites$"))
        .respond_with(json(200, &example("invite_read_empty.json")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(wiremock::matchers::path_regex("/IN[a]{32}$"))
        .respond_with(json(200, &example("invite_fetch.json")))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;

    let name = "a/b?c%d e-é#f";
    let invites = client(&server).invites(&SERVICE_SID.parse().unwrap(), name);
    for (operation, result) in every_operation(&invites).await {
        result.unwrap_or_else(|e| panic!("{operation}: {e}"));
    }

    let encoded = "a%2Fb%3Fc%25d%20e-%C3%A9%23f";
    let collection = collection_path(encoded);
    let instance = format!("{collection}/{INVITE_SID}");
    let seen: Vec<(String, String, Option<String>)> = received(&server)
        .await
        .iter()
        .map(|r| {
            (
                r.method.to_string(),
                r.url.path().to_owned(),
                r.url.query().map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("GET".into(), collection.clone(), None),
            ("POST".into(), collection.clone(), None),
            ("GET".into(), instance.clone(), None),
            ("GET".into(), collection, None),
            ("DELETE".into(), instance, None),
        ]
    );
}

#[tokio::test]
async fn an_empty_or_dot_channel_name_is_refused_before_sending() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    let client = client(&server);
    for (name, problem) in [
        ("", Problem::Empty),
        (".", Problem::DotSegment),
        ("..", Problem::DotSegment),
    ] {
        let invites = client.invites(&SERVICE_SID.parse().unwrap(), name);
        for (operation, result) in every_operation(&invites).await {
            let err = no_secret(result.expect_err(operation));
            let refused = err
                .validation()
                .unwrap_or_else(|| panic!("{name:?} {operation}: {err:?}"));
            assert_eq!(refused.target(), "ChannelSid", "{name:?} {operation}");
            assert_eq!(refused.problem(), &problem, "{name:?} {operation}");
            assert_eq!(err.status(), None);
            assert!(err.to_string().starts_with("invalid ChannelSid: "), "{err}");
        }
    }
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn a_page_size_out_of_range_is_refused_before_sending() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(json(200, &example("invite_read_empty.json")))
        .mount(&server)
        .await;
    let invites = invites(&server);
    for size in [0, 1001] {
        let listed = invites.list(ListInvites::new().page_size(size)).await;
        let mut stream = std::pin::pin!(invites.stream(ListInvites::new().page_size(size)));
        let streamed = stream.next().await.expect("one item");
        assert!(stream.next().await.is_none(), "the stream goes on");
        for (how, result) in [("list", listed.map(drop)), ("stream", streamed.map(drop))] {
            let err = no_secret(result.expect_err(how));
            let refused = err
                .validation()
                .unwrap_or_else(|| panic!("{size} {how}: {err:?}"));
            assert_eq!(refused.target(), "PageSize", "{size} {how}");
            assert!(
                matches!(
                    refused.problem(),
                    Problem::OutOfRange { min: Some(1), max: Some(1000), actual } if *actual == i128::from(size)
                ),
                "{size} {how}: {:?}",
                refused.problem()
            );
            assert!(err.to_string().contains("PageSize"), "{err}");
        }
    }
    assert!(received(&server).await.is_empty());
    // The bounds themselves are fine.
    for size in [1, 1000] {
        invites
            .list(ListInvites::new().page_size(size))
            .await
            .unwrap_or_else(|e| panic!("{size}: {e}"));
    }
    assert_eq!(received(&server).await.len(), 2);
}
