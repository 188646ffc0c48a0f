//! What the generator decides for header parameters, parameters the API takes a null
//! for, JSON parameters, flat pages and operations with several success statuses, on
//! the wire: the fixture crate `fixture-everything` against a loopback server (and,
//! for token paging, which no fixture has, the one API that pages that way).

use fixture_everything::resources::application::ListApplications;
use fixture_everything::resources::assistant::{CreateAssistant, UpdateAssistant};
use fixture_everything::resources::entry::ListEntries;
use fixture_everything::resources::widget::{
    CreateWidget, UpdateWidget, WidgetCreateXWebhookEnabled,
};
use fixture_everything::types::Colour;
use fixture_everything::{Auth, Client};
use futures_util::TryStreamExt;
use serde_json::json;
use wiremock::matchers::{any, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const BOX: &str = "BXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const WIDGET: &str = "WGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

fn client(server: &MockServer) -> Client {
    Client::builder(Auth::auth_token("AC00000000000000000000000000000000", "t"))
        .base_url(server.uri())
        .build()
        .expect("a client")
}

fn form(request: &Request) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes(&request.body).expect("a form body")
}

#[tokio::test]
async fn a_header_parameter_is_a_header_and_a_202_is_a_success() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(202).set_body_json(json!({ "sid": WIDGET })))
        .mount(&server)
        .await;
    let created = client(&server)
        .widgets(&BOX.parse().expect("a SID"))
        .create(
            CreateWidget::new("w", 1, "pw").x_webhook_enabled(WidgetCreateXWebhookEnabled::False),
        )
        .await
        .expect("202 is one of the create's statuses");
    assert_eq!(created.sid.map(|s| s.to_string()).as_deref(), Some(WIDGET));
    let sent = &server.received_requests().await.expect("recorded")[0];
    let headers: Vec<_> = sent.headers.get_all("x-webhook-enabled").iter().collect();
    assert_eq!(headers, ["false"]);
    let keys: Vec<String> = form(sent).into_iter().map(|(k, _)| k).collect();
    assert!(!keys.iter().any(|k| k.contains("Webhook")), "{keys:?}");
}

#[tokio::test]
async fn a_nullable_parameter_sends_a_value_an_empty_null_or_nothing() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "sid": WIDGET })))
        .mount(&server)
        .await;
    let widgets = client(&server).widgets(&BOX.parse().expect("a SID"));
    let sid = WIDGET.parse().expect("a SID");
    for params in [
        UpdateWidget::new()
            .last_index(7)
            .label(Some("x".to_string())),
        UpdateWidget::new().last_index(None).label(None),
        UpdateWidget::new().name("only"),
    ] {
        widgets.update(&sid, params).await.expect("sent");
    }
    let sent = server.received_requests().await.expect("recorded");
    let pairs = |i: usize| form(&sent[i]);
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
    assert_eq!(pairs(0), [pair("LastIndex", "7"), pair("Label", "x")]);
    assert_eq!(pairs(1), [pair("LastIndex", ""), pair("Label", "")]);
    assert_eq!(pairs(2), [pair("Name", "only")]);
}

#[tokio::test]
async fn a_header_that_cant_be_one_is_refused_before_sending() {
    let server = MockServer::start().await;
    let err = client(&server)
        .widgets(&BOX.parse().expect("a SID"))
        .update(
            &WIDGET.parse().expect("a SID"),
            UpdateWidget::new().x_request_tag("a\r\nInjected: yes"),
        )
        .await
        .expect_err("refused");
    assert_eq!(err.validation().map(|v| v.target()), Some("X-Request-Tag"));
    assert!(server
        .received_requests()
        .await
        .expect("recorded")
        .is_empty());
}

#[tokio::test]
async fn a_json_parameter_is_its_json_text_and_a_string_goes_as_it_is() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "sid": WIDGET })))
        .mount(&server)
        .await;
    client(&server)
        .widgets(&BOX.parse().expect("a SID"))
        .update(
            &WIDGET.parse().expect("a SID"),
            UpdateWidget::new()
                .config(json!({"b": [1, true], "a": "x"}))
                .items([json!("plain"), json!({"k": null}), json!(2)]),
        )
        .await
        .expect("sent");
    let sent = &server.received_requests().await.expect("recorded")[0];
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
    assert_eq!(
        form(sent),
        [
            pair("Config", r#"{"b":[1,true],"a":"x"}"#),
            pair("Items", "plain"),
            pair("Items", r#"{"k":null}"#),
            pair("Items", "2"),
        ]
    );
}

/// api_v2010's page shape: the links beside the records, relative to the host.
#[tokio::test]
async fn a_flat_page_streams_by_its_relative_next_page_uri() {
    let server = MockServer::start().await;
    let uri = "/2010-04-01/Entries.json";
    let page = |sids: &[&str], this: &str, next: Option<&str>| {
        json!({
            "entries": sids.iter().map(|s| json!({"sid": s})).collect::<Vec<_>>(),
            "first_page_uri": format!("{uri}?PageSize=2&Page=0"),
            "next_page_uri": next,
            "previous_page_uri": null,
            "uri": this,
            "page": 0,
            "page_size": 2,
            "start": 0,
            "end": 1,
        })
    };
    let second = format!("{uri}?PageSize=2&Page=1&PageToken=PA2");
    Mock::given(method("GET"))
        .and(path(uri))
        .and(query_param_is_missing("Page"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(
            &["E1", "E2"],
            uri,
            Some(&second),
        )))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(uri))
        .and(query_param("Page", "1"))
        .and(query_param("PageToken", "PA2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(&["E3"], &second, None)))
        .mount(&server)
        .await;
    let entries = client(&server).entries();
    let first = entries
        .list(ListEntries::new().page_size(2))
        .await
        .expect("a page");
    assert_eq!(first.next_page_uri.as_deref(), Some(second.as_str()));
    assert_eq!(first.page_size, Some(2));
    let all: Vec<String> = entries
        .stream(ListEntries::new().page_size(2))
        .map_ok(|e| e.sid.unwrap_or_default())
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(all, ["E1", "E2", "E3"]);
}

/// A JSON body: each set parameter under its wire name with its JSON type, a date as
/// its text, an unset one left out, a `None` of a nullable one as `null`; query
/// parameters stay in the query string.
#[tokio::test]
async fn a_json_body_holds_the_set_parameters_with_their_json_types() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({ "sid": "AS1" })))
        .mount(&server)
        .await;
    let assistants = client(&server).assistants();
    let when = time::OffsetDateTime::from_unix_timestamp(1_796_119_200).expect("a time");
    assistants
        .create(
            CreateAssistant::new("Ada")
                .notify(true)
                .config(json!({"voice": {"speed": 1.5}}))
                .tags(["a".to_string(), "b".to_string()])
                .colour(Colour::LightBlue)
                .max_turns(None)
                .starts_at(when)
                .api_key("k3y"),
        )
        .await
        .expect("201");
    assistants
        .create(CreateAssistant::new("Bo").max_turns(3))
        .await
        .expect("201");
    let sent = server.received_requests().await.expect("recorded");
    let body =
        |i: usize| -> serde_json::Value { serde_json::from_slice(&sent[i].body).expect("JSON") };
    assert_eq!(
        sent[0]
            .headers
            .get("content-type")
            .map(|v| v.to_str().expect("text")),
        Some("application/json")
    );
    assert_eq!(sent[0].url.query(), Some("Notify=true"));
    assert_eq!(
        body(0),
        json!({
            "name": "Ada",
            "config": {"voice": {"speed": 1.5}},
            "tags": ["a", "b"],
            "colour": "light-blue",
            "max_turns": null,
            "starts_at": "2026-12-01T10:00:00Z",
            "api_key": "k3y",
        })
    );
    assert_eq!(sent[1].url.query(), None);
    assert_eq!(body(1), json!({"name": "Bo", "max_turns": 3}));
}

#[tokio::test]
async fn a_json_parameter_out_of_bounds_is_refused_before_sending() {
    let server = MockServer::start().await;
    let err = client(&server)
        .assistants()
        .create(CreateAssistant::new("Ada").max_turns(21))
        .await
        .expect_err("21 is above the maximum of 20");
    assert!(err.to_string().contains("max_turns"), "{err}");
    assert!(server
        .received_requests()
        .await
        .expect("recorded")
        .is_empty());
}

/// `name:` gives a parameter its Rust name where the wire name's is taken:
/// `start_time_before` sends `StartTime<`.
#[tokio::test]
async fn a_renamed_parameter_keeps_its_wire_name() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "entries": [], "first_page_uri": "/x", "next_page_uri": null,
            "previous_page_uri": null, "uri": "/x", "page": 0, "page_size": 50
        })))
        .mount(&server)
        .await;
    let t = |s: i64| time::OffsetDateTime::from_unix_timestamp(s).expect("a time");
    client(&server)
        .entries()
        .list(ListEntries::new().start_time(t(0)).start_time_before(t(60)))
        .await
        .expect("a page");
    let sent = &server.received_requests().await.expect("recorded")[0];
    let pairs: Vec<(String, String)> = sent.url.query_pairs().into_owned().collect();
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
    assert_eq!(
        pairs,
        [
            pair("StartTime", "1970-01-01T00:00:00Z"),
            pair("StartTime<", "1970-01-01T00:01:00Z")
        ]
    );
}

/// `paging: none`: the one page is the listing; `stream` sends one request. The
/// listing is `anonymous`: it goes without credentials.
#[tokio::test]
async fn a_page_without_links_is_the_whole_listing() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/Countries"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "countries": [{"country_code": "GB"}, {"country_code": "US"}],
            "uri": "/v2/Countries"
        })))
        .mount(&server)
        .await;
    let codes: Vec<String> = client(&server)
        .countries()
        .stream()
        .map_ok(|c| c.country_code.unwrap_or_default())
        .try_collect()
        .await
        .expect("one page");
    assert_eq!(codes, ["GB", "US"]);
    let sent = server.received_requests().await.expect("recorded");
    assert_eq!(sent.len(), 1);
    assert!(sent[0].headers.get("authorization").is_none());
    // Every other operation carries them.
    let _ = client(&server).entries().list(ListEntries::new()).await;
    let sent = server.received_requests().await.expect("recorded");
    assert!(sent[1].headers.get("authorization").is_some());
}

/// A 307-only operation returns where it points, and nothing is sent there.
#[tokio::test]
async fn a_redirect_operation_returns_its_target_unfollowed() {
    let server = MockServer::start().await;
    let store = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200))
        .mount(&store)
        .await;
    let target = format!("{}/exports/2026-11-30.json.gz", store.uri());
    Mock::given(method("GET"))
        .and(path("/v2/Exports/2026-11-30"))
        .respond_with(ResponseTemplate::new(307).insert_header("location", target.as_str()))
        .mount(&server)
        .await;
    let url = client(&server)
        .exports("2026-11-30")
        .fetch()
        .await
        .expect("a redirect");
    assert_eq!(url, target);
    assert!(store
        .received_requests()
        .await
        .expect("recorded")
        .is_empty());
}

/// `in: body` is the whole JSON body, and a 204 update returns `()`.
#[tokio::test]
async fn a_free_form_body_is_sent_whole_and_a_204_update_returns_nothing() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/v2/Assistants/AS1"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let body = json!({"anything": [1, {"goes": true}]});
    let () = client(&server)
        .assistants()
        .update("AS1", UpdateAssistant::new(body.clone()))
        .await
        .expect("204");
    let sent = &server.received_requests().await.expect("recorded")[0];
    let sent_body: serde_json::Value = serde_json::from_slice(&sent.body).expect("JSON");
    assert_eq!(sent_body, body);
    assert_eq!(
        sent.headers
            .get("content-type")
            .map(|v| v.to_str().expect("text")),
        Some("application/json")
    );
}

/// Query parameters beside a form body go in the query string, the rest in the body.
#[tokio::test]
async fn query_parameters_beside_a_form_stay_in_the_query_string() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({ "sid": WIDGET })))
        .mount(&server)
        .await;
    client(&server)
        .widgets(&BOX.parse().expect("a SID"))
        .create(CreateWidget::new("w", 1, "pw").dry_run(true))
        .await
        .expect("201");
    let sent = &server.received_requests().await.expect("recorded")[0];
    assert_eq!(sent.url.query(), Some("DryRun=true"));
    let keys: Vec<String> = form(sent).into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["Name", "Count", "Password"]);
}

/// `paging: numbered`: the next page is the first request with `Page` one higher.
#[tokio::test]
async fn a_numbered_listing_streams_page_after_page_by_number() {
    let server = MockServer::start().await;
    for n in 0..2u32 {
        let mock = Mock::given(method("GET")).and(path("/v2/Applications"));
        let mock = if n == 0 {
            mock.and(query_param_is_missing("Page"))
        } else {
            mock.and(query_param("Page", "1"))
        };
        mock.respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "results": [{"sid": format!("AP{n}")}],
            "current_page": n, "per_page": 1, "has_next": n == 0,
            "total_pages": 2, "has_prev": n == 1,
        })))
        .mount(&server)
        .await;
    }
    let sids: Vec<String> = client(&server)
        .applications()
        .stream(ListApplications::new().status("active"))
        .map_ok(|a| a.sid.unwrap_or_default())
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(sids, ["AP0", "AP1"]);
    let queries: Vec<String> = server
        .received_requests()
        .await
        .expect("recorded")
        .iter()
        .map(|r| r.url.query().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(queries, ["Status=active", "Status=active&Page=1"]);
}

/// `paging: token`: the next page is the first request with `Token` set to
/// `meta.next_token`, the filters kept; an empty or null token is the last page.
/// Numbers v1's port-in requests are the API's listing that pages this way.
#[tokio::test]
async fn a_token_listing_streams_page_after_page_by_token() {
    use twilio_numbers_v1::resources::port_in_request_list::ListPortInRequests;
    let server = MockServer::start().await;
    let page = |n: u32, next: serde_json::Value| {
        json!({
            "port_in_requests": [{"port_in_request_sid": format!("KW{n}")}],
            "meta": {"next_token": next, "previous_token": null},
        })
    };
    let pages = [
        (None, json!("KWt1")),
        (Some("KWt1"), json!("KWt2")),
        (Some("KWt2"), json!("")),
    ];
    for (n, (token, next)) in pages.into_iter().enumerate() {
        let mock = Mock::given(method("GET")).and(path("/v1/Porting/PortIn/PortInRequests"));
        let mock = match token {
            None => mock.and(query_param_is_missing("Token")),
            Some(token) => mock.and(query_param("Token", token)),
        };
        mock.respond_with(ResponseTemplate::new(200).set_body_json(page(n as u32, next)))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client: twilio_numbers_v1::Client = super::wire::client(&server);
    let sids: Vec<String> = client
        .port_in_requests()
        .stream(
            ListPortInRequests::new()
                .port_in_request_status("Completed")
                .size(1),
        )
        .map_ok(|r| r.port_in_request_sid.unwrap_or_default())
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(sids, ["KW0", "KW1", "KW2"]);
    let queries: Vec<String> = server
        .received_requests()
        .await
        .expect("recorded")
        .iter()
        .filter(|r| r.url.path() != "/v1/token")
        .map(|r| r.url.query().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        queries,
        [
            "Size=1&PortInRequestStatus=Completed",
            "Size=1&PortInRequestStatus=Completed&Token=KWt1",
            "Size=1&PortInRequestStatus=Completed&Token=KWt2",
        ]
    );
}

/// `type: date`: a calendar date, `2026-12-01`, in the query and in the record.
#[tokio::test]
async fn a_date_is_a_calendar_date_on_the_wire_both_ways() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(query_param("Day", "2026-12-01"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "entries": [{"sid": "E1", "day": "2026-11-30"}, {"sid": "E2", "day": null}],
            "first_page_uri": "/x", "next_page_uri": null,
            "previous_page_uri": null, "uri": "/x", "page": 0, "page_size": 50
        })))
        .mount(&server)
        .await;
    let day = time::Date::from_calendar_date(2026, time::Month::December, 1).expect("a date");
    let page = client(&server)
        .entries()
        .list(ListEntries::new().day(day))
        .await
        .expect("a page");
    let days: Vec<Option<String>> = page
        .entries
        .iter()
        .map(|e| e.day.map(|d| d.to_string()))
        .collect();
    assert_eq!(days, [Some("2026-11-30".to_string()), None]);
}
