//! `Transport::paginate`: page after page by `meta.next_page_url`, lazily, and only on
//! the client's own origin.

use super::server::*;
use crate::error::Error;
use crate::retry::RetryPolicy;
use crate::validate::{Problem, ValidationError};
use futures_util::StreamExt;
use serde_json::json;
use wiremock::matchers::{method, path as path_is, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Matches a request whose raw query string is exactly `query`.
fn query_is(query: &'static str) -> impl Fn(&wiremock::Request) -> bool {
    move |r| r.url.query() == Some(query)
}

/// Mounts a listing of `pages` pages of two records each; page `n` links to `n + 1`
/// with a page token that holds escapes (`PT1%2Bx%3D`).
async fn mount_listing(server: &MockServer, pages: u32) {
    let next = |n: u32| {
        format!(
            "{}{INVITES}?PageSize=2&Page={n}&PageToken=PT{n}%2Bx%3D",
            server.uri()
        )
    };
    for n in 0..pages {
        let link = (n + 1 < pages).then(|| next(n + 1));
        let body = page(n * 2..n * 2 + 2, &next(n), link);
        let mock = Mock::given(method("GET")).and(path_is(INVITES));
        let mock = if n == 0 {
            mock.and(query_param_is_missing("Page"))
        } else {
            mock.and(query_param("Page", n.to_string()))
                .and(query_param("PageToken", format!("PT{n}+x=")))
        };
        mock.respond_with(ResponseTemplate::new(200).set_body_json(body))
            .mount(server)
            .await;
    }
}

#[tokio::test]
async fn paginate_walks_every_page_following_next_urls_exactly() {
    let server = MockServer::start().await;
    mount_listing(&server, 3).await;
    let client = client(&server);
    let all: Vec<_> = client
        .paginate::<InvitePage>(Ok(list(vec![
            ("Identity", "x".into()),
            ("PageSize", "2".into()),
        ])))
        .collect()
        .await;
    let identities: Vec<String> = all.into_iter().map(|r| r.unwrap().identity).collect();
    assert_eq!(
        identities,
        ["user0", "user1", "user2", "user3", "user4", "user5"]
    );
    let queries: Vec<String> = requests(&server)
        .await
        .iter()
        .map(|r| r.url.query().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        queries,
        [
            "Identity=x&PageSize=2",
            "PageSize=2&Page=1&PageToken=PT1%2Bx%3D",
            "PageSize=2&Page=2&PageToken=PT2%2Bx%3D"
        ]
    );
    for sent in requests(&server).await {
        assert_eq!(sent.method.as_str(), "GET");
        assert_eq!(sent.url.path(), INVITES);
        assert_common_headers(&sent);
        assert!(sent.headers.get("content-type").is_none());
        assert!(sent.body.is_empty());
    }
}

#[tokio::test]
async fn paginate_fetches_a_page_only_when_polled_past_the_last() {
    let server = MockServer::start().await;
    mount_listing(&server, 3).await;
    let client = client(&server);

    let first_two: Vec<_> = client
        .paginate::<InvitePage>(Ok(list(vec![])))
        .take(2)
        .collect()
        .await;
    assert_eq!(first_two.len(), 2);
    assert_eq!(requests(&server).await.len(), 1);

    let first: Vec<_> = client
        .paginate::<InvitePage>(Ok(list(vec![])))
        .take(1)
        .collect()
        .await;
    assert_eq!(first.len(), 1);
    assert_eq!(requests(&server).await.len(), 2);

    let stream = client.paginate::<InvitePage>(Ok(list(vec![])));
    // Building the stream sends nothing.
    assert_eq!(requests(&server).await.len(), 2);
    let three: Vec<_> = stream.take(3).collect().await;
    assert_eq!(three.len(), 3);
    // A third record needs the second page, but not the third.
    let queries: Vec<String> = requests(&server)
        .await
        .iter()
        .map(|r| r.url.query().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        queries,
        ["", "", "", "PageSize=2&Page=1&PageToken=PT1%2Bx%3D"]
    );
}

#[tokio::test]
async fn paginate_refuses_a_next_page_on_another_origin() {
    let ours = MockServer::start().await;
    let other = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(0..0, "x", None)))
        .mount(&other)
        .await;
    let (port, other_port) = (ours.address().port(), other.address().port());
    let rest = format!("{INVITES}?Page=1");
    // Another port; https on our port; another host name on our port and on the
    // other's; the API's own host, over http and https.
    let elsewhere = [
        (
            format!("{}{rest}", other.uri()),
            format!("http://127.0.0.1:{other_port}"),
        ),
        (
            format!("https://127.0.0.1:{port}{rest}"),
            format!("https://127.0.0.1:{port}"),
        ),
        (
            format!("http://localhost:{port}{rest}"),
            format!("http://localhost:{port}"),
        ),
        (
            format!("http://localhost:{other_port}{rest}"),
            format!("http://localhost:{other_port}"),
        ),
        (
            format!("http://chat.twilio.com{rest}"),
            "http://chat.twilio.com".to_owned(),
        ),
        (
            format!("https://chat.twilio.com{rest}"),
            "https://chat.twilio.com".to_owned(),
        ),
    ];
    let client = client(&ours);
    for (foreign, origin) in elsewhere {
        ours.reset().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_json(page(
                0..2,
                "x",
                Some(foreign.clone()),
            )))
            .mount(&ours)
            .await;

        let mut stream = Box::pin(client.paginate::<InvitePage>(Ok(list(vec![]))));
        assert_eq!(stream.next().await.unwrap().unwrap().identity, "user0");
        assert_eq!(stream.next().await.unwrap().unwrap().identity, "user1");
        let err = no_secret(stream.next().await.unwrap().unwrap_err());
        assert!(matches!(err, Error::Paging(_)), "{foreign}: {err:?}");
        let shown = err.to_string();
        assert!(
            shown.starts_with("paging: Invite.list: not following the next page"),
            "{shown}"
        );
        assert!(shown.contains(&origin), "{foreign}: {shown}");
        assert!(
            stream.next().await.is_none(),
            "the stream ends after an error"
        );
        assert_eq!(requests(&ours).await.len(), 1, "{foreign}");
        assert_eq!(
            requests(&other).await.len(),
            0,
            "nothing is sent to the other origin"
        );
    }
}

#[tokio::test]
async fn paginate_stops_when_a_next_url_repeats() {
    let server = MockServer::start().await;
    let again = format!("{}{INVITES}?Page=1", server.uri());
    Mock::given(method("GET"))
        .and(query_param("Page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(
            2..3,
            "x",
            Some(again.clone()),
        )))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(0..2, "x", Some(again))))
        .mount(&server)
        .await;
    let all: Vec<_> = client(&server)
        .paginate::<InvitePage>(Ok(list(vec![])))
        .collect()
        .await;
    assert_eq!(all.len(), 4);
    assert!(all[..3].iter().all(Result::is_ok));
    assert!(
        matches!(&all[3], Err(Error::Paging(m)) if m.contains("fetched before")),
        "{:?}",
        all[3]
    );
    assert_eq!(requests(&server).await.len(), 2);
}

#[tokio::test]
async fn paginate_stops_when_the_next_page_is_the_first() {
    let server = MockServer::start().await;
    let first_url = format!("{}{INVITES}?PageSize=2", server.uri());
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(
            0..2,
            &first_url,
            Some(first_url.clone()),
        )))
        .mount(&server)
        .await;
    let all: Vec<_> = client(&server)
        .paginate::<InvitePage>(Ok(list(vec![("PageSize", "2".into())])))
        .collect()
        .await;
    assert_eq!(all.len(), 3, "{all:?}");
    assert!(all[..2].iter().all(Result::is_ok));
    assert!(
        matches!(&all[2], Err(Error::Paging(m)) if m.contains("fetched before")),
        "{:?}",
        all[2]
    );
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn paginate_reports_a_failed_page_and_ends() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(503).set_body_json(json!({"code": 20503, "message": "busy"})),
        )
        .mount(&server)
        .await;
    let none = builder(&server)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let all: Vec<_> = none
        .paginate::<InvitePage>(Ok(list(vec![])))
        .collect()
        .await;
    assert_eq!(all.len(), 1);
    assert!(
        matches!(&all[0], Err(e) if e.code() == Some(20503)),
        "{:?}",
        all[0]
    );
}

#[tokio::test]
async fn an_error_on_a_later_page_ends_the_stream_after_the_records_before_it() {
    let server = MockServer::start().await;
    let next = format!("{}{INVITES}?PageSize=2&Page=1&PageToken=PT1", server.uri());
    Mock::given(method("GET"))
        .and(query_is("PageSize=2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(0..2, "x", Some(next))))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(query_is("PageSize=2&Page=1&PageToken=PT1"))
        .respond_with(ResponseTemplate::new(500).set_body_json(twilio_error(
            500,
            20500,
            "Internal Server Error",
        )))
        .mount(&server)
        .await;
    let all: Vec<_> = client(&server)
        .paginate::<InvitePage>(Ok(list(vec![("PageSize", "2".into())])))
        .collect()
        .await;
    assert_eq!(all.len(), 3, "{all:?}");
    assert!(all[..2].iter().all(Result::is_ok));
    let err = match all.into_iter().nth(2) {
        Some(Err(err)) => no_secret(err),
        other => panic!("{other:?}"),
    };
    assert_eq!(err.status(), Some(500));
    assert_eq!(err.code(), Some(20500));
    assert_eq!(err.operation(), Some("Invite.list"));
    // 500 is not retried: one request per page.
    assert_eq!(requests(&server).await.len(), 2);
}

#[tokio::test]
async fn a_request_refused_before_sending_is_the_only_item() {
    let server = MockServer::start().await;
    let refused = ValidationError::new("PageSize", Problem::Empty);
    let all: Vec<_> = client(&server)
        .paginate::<InvitePage>(Err(refused.clone().into()))
        .collect()
        .await;
    assert_eq!(all.len(), 1);
    assert!(
        matches!(&all[0], Err(e) if e.validation() == Some(&refused)),
        "{:?}",
        all[0]
    );
    assert!(requests(&server).await.is_empty());
}

#[tokio::test]
async fn every_page_carries_the_first_requests_headers() {
    let server = MockServer::start().await;
    mount_listing(&server, 3).await;
    let first = list(vec![("PageSize", "2".into())])
        .headers(vec![("X-Twilio-Webhook-Enabled", "true".into())]);
    let all: Vec<_> = client(&server)
        .paginate::<InvitePage>(Ok(first))
        .collect()
        .await;
    assert_eq!(all.len(), 6);
    let sent = requests(&server).await;
    assert_eq!(sent.len(), 3);
    for request in &sent {
        let values: Vec<_> = request
            .headers
            .get_all("x-twilio-webhook-enabled")
            .iter()
            .collect();
        assert_eq!(values, ["true"], "{}", request.url);
    }
}

/// api_v2010's pages link with URIs relative to the host (`/2010-04-01/…?Page=1`):
/// followed on the client's own origin; one relative to the scheme alone
/// (`//host/…`) names another host and is refused.
#[tokio::test]
async fn paginate_follows_a_next_page_relative_to_the_host_and_nothing_else() {
    let server = MockServer::start().await;
    let relative = format!("{INVITES}?Page=1");
    Mock::given(method("GET"))
        .and(path_is(INVITES))
        .and(query_param_is_missing("Page"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(
            0..2,
            INVITES,
            Some(relative.clone()),
        )))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path_is(INVITES))
        .and(query_param("Page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(2..3, &relative, None)))
        .mount(&server)
        .await;
    let client = client(&server);
    let all: Vec<_> = client
        .paginate::<InvitePage>(Ok(list(vec![])))
        .collect()
        .await;
    let identities: Vec<String> = all.into_iter().map(|r| r.unwrap().identity).collect();
    assert_eq!(identities, ["user0", "user1", "user2"]);

    let other = MockServer::start().await;
    let scheme_relative = format!("//localhost:{}{INVITES}?Page=1", other.address().port());
    let first = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(
            0..1,
            INVITES,
            Some(scheme_relative),
        )))
        .mount(&first)
        .await;
    let results: Vec<_> = super::server::client(&first)
        .paginate::<InvitePage>(Ok(list(vec![])))
        .collect()
        .await;
    assert_eq!(results.len(), 2);
    assert!(results[0].is_ok());
    assert!(matches!(results[1], Err(Error::Paging(_))), "{results:?}");
    assert!(requests(&other).await.is_empty());
}

/// A listing paged by number (numbers_v2's `current_page` and `has_next`).
#[derive(serde::Deserialize)]
struct NumberedPage {
    results: Vec<super::server::Invite>,
    current_page: u64,
    has_next: bool,
}

impl crate::__private::Page for NumberedPage {
    type Item = super::server::Invite;
    const RECORDS: &'static str = "results";

    fn records_mut(&mut self) -> &mut Vec<Self::Item> {
        &mut self.results
    }

    fn into_parts(self) -> (Vec<Self::Item>, crate::PageMeta) {
        (self.results, crate::PageMeta::default())
    }

    fn next_page_query(&self) -> Option<(&'static str, String)> {
        self.has_next
            .then(|| ("Page", (self.current_page + 1).to_string()))
    }
}

#[tokio::test]
async fn paginate_by_number_asks_for_each_next_page_with_the_first_filters() {
    let server = MockServer::start().await;
    for n in 0..3u32 {
        let body = serde_json::json!({
            "results": [super::server::invite(n)],
            "current_page": n,
            "has_next": n < 2,
            "per_page": 1,
        });
        Mock::given(method("GET"))
            .and(path_is(INVITES))
            .and(query_param("Page", n.to_string()))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .mount(&server)
            .await;
    }
    let all: Vec<_> = client(&server)
        .paginate::<NumberedPage>(Ok(list(vec![
            ("Status", "a b".into()),
            ("Page", "0".into()),
        ])))
        .collect()
        .await;
    let identities: Vec<String> = all.into_iter().map(|r| r.unwrap().identity).collect();
    assert_eq!(identities, ["user0", "user1", "user2"]);
    let queries: Vec<String> = requests(&server)
        .await
        .iter()
        .map(|r| r.url.query().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        queries,
        [
            "Status=a+b&Page=0",
            "Status=a+b&Page=1",
            "Status=a+b&Page=2"
        ]
    );
}
