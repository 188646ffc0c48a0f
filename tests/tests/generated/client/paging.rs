//! `stream`: page after page by `meta.next_page_url`, lazily, and only on the
//! client's own origin.

use super::*;
use futures_util::{StreamExt, TryStreamExt};
use twilio_chat_v1::ListInvites;
use wiremock::matchers::{method, path};
use wiremock::Mock;

/// Record `n`: the OpenAPI read example with its own SID and identity.
fn record(n: u32) -> Value {
    let mut record = example("invite_read_full.json")["invites"][0].clone();
    record["sid"] = format!("IN{n:032x}").into();
    record["identity"] = format!("user{n}").into();
    record
}

/// The OpenAPI read example with `records` and this page's `meta`.
fn page(records: &[u32], index: u64, url: &str, next: Option<&str>) -> Value {
    let mut body = example("invite_read_full.json");
    body["invites"] = records.iter().map(|n| record(*n)).collect();
    let meta = &mut body["meta"];
    meta["page"] = index.into();
    meta["page_size"] = 2.into();
    meta["url"] = url.into();
    meta["next_page_url"] = next.map_or(Value::Null, Value::from);
    body
}

fn sids(records: &[Invite]) -> Vec<String> {
    records
        .iter()
        .map(|r| r.sid.as_ref().expect("sid").as_str().to_owned())
        .collect()
}

fn sid(n: u32) -> String {
    format!("IN{n:032x}")
}

/// Serves page 0 for `first_query`, then each of `next` (a query string) in turn,
/// each exactly once; returns the absolute next-page URLs it gave out.
async fn serve_pages(server: &MockServer, first_query: &str, next: &[&str]) -> Vec<String> {
    let base = format!("{}{}", server.uri(), collection_path(CHANNEL_SID));
    let urls: Vec<String> = next.iter().map(|q| format!("{base}?{q}")).collect();
    let queries: Vec<&str> = std::iter::once(first_query)
        .chain(next.iter().copied())
        .collect();
    for (i, query) in queries.iter().enumerate() {
        let first = u32::try_from(i * 2).unwrap();
        let records: &[u32] = if i + 1 == queries.len() {
            &[first]
        } else {
            &[first, first + 1]
        };
        let body = page(
            records,
            i as u64,
            &format!("{base}?{query}"),
            urls.get(i).map(String::as_str),
        );
        Mock::given(method("GET"))
            .and(path(collection_path(CHANNEL_SID)))
            .and(QueryIs::exactly(query))
            .respond_with(json(200, &body))
            .mount(server)
            .await;
    }
    urls
}

#[tokio::test]
async fn stream_walks_three_pages_by_next_page_url_exactly_as_given() {
    let server = MockServer::start().await;
    let next = [
        "Identity=alice&PageSize=2&Page=1&PageToken=PT1%2Bx%3D",
        "Identity=alice&PageSize=2&Page=2&PageToken=PT2",
    ];
    serve_pages(&server, "Identity=alice&PageSize=2", &next).await;

    let all: Vec<Invite> = invites(&server)
        .stream(ListInvites::new().identity(["alice"]).page_size(2))
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(sids(&all), (0..5).map(sid).collect::<Vec<_>>());
    assert_eq!(all[4].identity.as_deref(), Some("user4"));
    let mut expected = record(3);
    expected["sid"] = sid(3).into();
    assert_invite_is(&all[3], &expected);

    let requests = received(&server).await;
    let queries: Vec<_> = requests.iter().map(|r| r.url.query()).collect();
    assert_eq!(
        queries,
        [
            Some("Identity=alice&PageSize=2"),
            Some(next[0]),
            Some(next[1])
        ]
    );
    for sent in &requests {
        assert_eq!(sent.method.as_str(), "GET");
        assert_eq!(sent.url.path(), collection_path(CHANNEL_SID));
        assert_common_headers(sent);
        assert_no_body(sent);
    }
}

#[tokio::test]
async fn stream_fetches_a_page_only_when_polled_past_the_last_one() {
    let server = MockServer::start().await;
    let next = [
        "PageSize=2&Page=1&PageToken=PT1",
        "PageSize=2&Page=2&PageToken=PT2",
    ];
    serve_pages(&server, "PageSize=2", &next).await;
    let invites = invites(&server);

    // Both records of the first page: no need for the second.
    let two: Vec<_> = invites
        .stream(ListInvites::new().page_size(2))
        .take(2)
        .try_collect()
        .await
        .expect("first page");
    assert_eq!(sids(&two), [sid(0), sid(1)]);
    let queries: Vec<_> = received(&server)
        .await
        .iter()
        .map(|r| r.url.query().map(str::to_owned))
        .collect();
    assert_eq!(queries, [Some("PageSize=2".to_owned())]);

    // One record: the same.
    let one: Vec<_> = invites
        .stream(ListInvites::new().page_size(2))
        .take(1)
        .try_collect()
        .await
        .expect("first page");
    assert_eq!(sids(&one), [sid(0)]);
    assert_eq!(received(&server).await.len(), 2);

    // A third record needs the second page, but not the third.
    let three: Vec<_> = invites
        .stream(ListInvites::new().page_size(2))
        .take(3)
        .try_collect()
        .await
        .expect("two pages");
    assert_eq!(sids(&three), [sid(0), sid(1), sid(2)]);
    let queries: Vec<_> = received(&server)
        .await
        .iter()
        .map(|r| r.url.query().map(str::to_owned))
        .collect();
    assert_eq!(
        queries,
        [
            Some("PageSize=2".to_owned()),
            Some("PageSize=2".to_owned()),
            Some("PageSize=2".to_owned()),
            Some(next[0].to_owned()),
        ]
    );
}

#[tokio::test]
async fn a_next_page_on_another_origin_is_refused_and_not_fetched() {
    let server = MockServer::start().await;
    let other = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(json(200, &page(&[9], 1, "x", None)))
        .mount(&other)
        .await;
    let port = server.address().port();
    let rest = format!(
        "{}?PageSize=2&Page=1&PageToken=PT1",
        collection_path(CHANNEL_SID)
    );
    let elsewhere = [
        format!("{}{rest}", other.uri()),
        format!("https://127.0.0.1:{port}{rest}"),
        format!("http://localhost:{}{rest}", other.address().port()),
        format!("http://chat.twilio.com{rest}"),
        format!("https://chat.twilio.com{rest}"),
    ];
    let invites = invites(&server);
    for (i, next) in elsewhere.iter().enumerate() {
        server.reset().await;
        let first = page(&[0, 1], 0, "x", Some(next));
        Mock::given(method("GET"))
            .and(path(collection_path(CHANNEL_SID)))
            .and(QueryIs::exactly("PageSize=2"))
            .respond_with(json(200, &first))
            .mount(&server)
            .await;

        let items: Vec<_> = invites
            .stream(ListInvites::new().page_size(2))
            .collect()
            .await;
        assert_eq!(items.len(), 3, "{next}: {items:?}");
        let mut items = items.into_iter();
        let records: Vec<Invite> = items.by_ref().take(2).map(Result::unwrap).collect();
        assert_eq!(sids(&records), [sid(0), sid(1)]);
        let err = match items.next() {
            Some(Err(err)) => no_secret(err),
            other => panic!("{next}: followed to {other:?}"),
        };
        assert!(matches!(err, Error::Paging(_)), "{next}: {err:?}");
        let shown = err.to_string();
        assert!(
            shown.starts_with("paging: Invite.list: not following the next page"),
            "{shown}"
        );
        assert_eq!(received(&server).await.len(), 1, "{next}");
        assert!(received(&other).await.is_empty(), "case {i}: {next}");
    }
}

#[tokio::test]
async fn a_next_page_that_points_back_stops_the_stream() {
    let server = MockServer::start().await;
    let first_url = format!(
        "{}{}?PageSize=2",
        server.uri(),
        collection_path(CHANNEL_SID)
    );
    Mock::given(method("GET"))
        .and(path(collection_path(CHANNEL_SID)))
        .respond_with(json(200, &page(&[0, 1], 0, &first_url, Some(&first_url))))
        .mount(&server)
        .await;

    let items: Vec<_> = invites(&server)
        .stream(ListInvites::new().page_size(2))
        .collect()
        .await;
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(items[..2].iter().all(Result::is_ok));
    let err = match items.into_iter().nth(2) {
        Some(Err(err)) => no_secret(err),
        other => panic!("{other:?}"),
    };
    assert!(matches!(err, Error::Paging(_)), "{err:?}");
    assert_eq!(received(&server).await.len(), 1);
}

#[tokio::test]
async fn an_error_on_a_later_page_ends_the_stream_after_the_records_before_it() {
    let server = MockServer::start().await;
    let base = format!("{}{}", server.uri(), collection_path(CHANNEL_SID));
    let next = format!("{base}?PageSize=2&Page=1&PageToken=PT1");
    Mock::given(method("GET"))
        .and(QueryIs::exactly("PageSize=2"))
        .respond_with(json(200, &page(&[0, 1], 0, &base, Some(&next))))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(QueryIs::exactly("PageSize=2&Page=1&PageToken=PT1"))
        .respond_with(json(
            500,
            &serde_json::json!({"code": 20500, "message": "Internal Server Error", "status": 500}),
        ))
        .mount(&server)
        .await;

    let items: Vec<_> = invites(&server)
        .stream(ListInvites::new().page_size(2))
        .collect()
        .await;
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(items[..2].iter().all(Result::is_ok));
    let err = match items.into_iter().nth(2) {
        Some(Err(err)) => no_secret(err),
        other => panic!("{other:?}"),
    };
    assert_eq!(err.status(), Some(500));
    assert_eq!(err.code(), Some(20500));
    assert_eq!(err.operation(), Some("Invite.list"));
    // 500 is not retried: one request per page.
    assert_eq!(received(&server).await.len(), 2);
}
