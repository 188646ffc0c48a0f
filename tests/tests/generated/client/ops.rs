//! Each operation on the wire: method, path, headers, body or query, and the
//! example answer read back into the returned value.

use super::*;
use twilio_chat_v1::resources::invite::{CreateInvite, ListInvites};
use wiremock::matchers::{method, path};
use wiremock::Mock;

#[tokio::test]
async fn create_posts_the_form_and_reads_the_201_example() {
    let server = MockServer::start().await;
    let answer = example("invite_create.json");
    Mock::given(method("POST"))
        .and(path(collection_path(CHANNEL_SID)))
        .respond_with(json(201, &answer))
        .expect(1)
        .mount(&server)
        .await;

    // The parameters of Twilio's example request.
    let request = example("invite_create_request.json");
    let identity = request["Identity"].as_str().expect("Identity");
    let role = request["RoleSid"].as_str().expect("RoleSid");
    let invite = invites(&server)
        .create(CreateInvite::new(identity).role_sid(role.parse().expect("role SID")))
        .await
        .expect("created");
    assert_invite_is(&invite, &answer);

    let requests = received(&server).await;
    assert_eq!(requests.len(), 1);
    let sent = &requests[0];
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(sent.url.path(), collection_path(CHANNEL_SID));
    assert_eq!(sent.url.query(), None);
    assert_common_headers(sent);
    assert_eq!(
        header(sent, "content-type"),
        "application/x-www-form-urlencoded"
    );
    assert_eq!(
        String::from_utf8(sent.body.clone()).expect("UTF-8 body"),
        format!("Identity=identity&RoleSid={ROLE_SID}")
    );
}

#[tokio::test]
async fn create_percent_encodes_the_form_and_leaves_out_unset_parameters() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(collection_path(CHANNEL_SID)))
        .respond_with(json(201, &example("invite_create.json")))
        .mount(&server)
        .await;

    let invites = invites(&server);
    invites
        .create(CreateInvite::new("alice smith&co=1+2/é?%").role_sid(ROLE_SID.parse().unwrap()))
        .await
        .expect("created");
    invites
        .create(CreateInvite::new("bob"))
        .await
        .expect("created");

    let bodies: Vec<String> = received(&server)
        .await
        .iter()
        .map(|r| {
            assert_eq!(
                header(r, "content-type"),
                "application/x-www-form-urlencoded"
            );
            String::from_utf8(r.body.clone()).expect("UTF-8 body")
        })
        .collect();
    assert_eq!(
        bodies,
        [
            format!("Identity=alice+smith%26co%3D1%2B2%2F%C3%A9%3F%25&RoleSid={ROLE_SID}"),
            "Identity=bob".to_owned(),
        ]
    );
}

#[tokio::test]
async fn fetch_gets_the_instance_and_reads_the_example() {
    let server = MockServer::start().await;
    let answer = example("invite_fetch.json");
    Mock::given(method("GET"))
        .and(path(instance_path()))
        .respond_with(json(200, &answer))
        .expect(1)
        .mount(&server)
        .await;

    let invite = invites(&server)
        .fetch(&INVITE_SID.parse().unwrap())
        .await
        .expect("fetched");
    assert_invite_is(&invite, &answer);

    let requests = received(&server).await;
    assert_eq!(requests.len(), 1);
    let sent = &requests[0];
    assert_eq!(sent.method.as_str(), "GET");
    assert_eq!(sent.url.path(), instance_path());
    assert_eq!(sent.url.query(), None);
    assert_common_headers(sent);
    assert_no_body(sent);
}

#[tokio::test]
async fn list_sends_filters_as_repeated_keys_and_reads_the_page() {
    let server = MockServer::start().await;
    let answer = example("invite_read_full.json");
    Mock::given(method("GET"))
        .and(path(collection_path(CHANNEL_SID)))
        .and(QueryIs::exactly("Identity=alice&Identity=bob&PageSize=50"))
        .respond_with(json(200, &answer))
        .expect(1)
        .mount(&server)
        .await;

    let page = invites(&server)
        .list(ListInvites::new().identity(["alice", "bob"]).page_size(50))
        .await
        .expect("listed");
    assert_eq!(page.invites.len(), 1);
    assert_invite_is(&page.invites[0], &answer["invites"][0]);
    let meta = &answer["meta"];
    assert_eq!(page.meta.key, "invites");
    assert_eq!(page.meta.page, 0);
    assert_eq!(page.meta.page_size, 50);
    assert_eq!(page.meta.next_page_url, None);
    assert_eq!(page.meta.previous_page_url, None);
    assert_eq!(page.meta.url, meta["url"].as_str().unwrap());
    assert_eq!(
        page.meta.first_page_url,
        meta["first_page_url"].as_str().unwrap()
    );

    let requests = received(&server).await;
    assert_eq!(requests.len(), 1);
    let sent = &requests[0];
    assert_eq!(sent.method.as_str(), "GET");
    assert_eq!(sent.url.path(), collection_path(CHANNEL_SID));
    assert_eq!(
        sent.url.query(),
        Some("Identity=alice&Identity=bob&PageSize=50")
    );
    assert_common_headers(sent);
    assert_no_body(sent);
}

#[tokio::test]
async fn list_sends_page_and_page_token_encoded_and_nothing_unset() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(collection_path(CHANNEL_SID)))
        .respond_with(json(200, &example("invite_read_empty.json")))
        .mount(&server)
        .await;

    let invites = invites(&server);
    let page = invites
        .list(
            ListInvites::new()
                .identity(["a b&c", "é"])
                .page_size(2)
                .page(3)
                .page_token("PT+1/2=3"),
        )
        .await
        .expect("listed");
    assert!(page.invites.is_empty());
    invites.list(ListInvites::new()).await.expect("listed");

    let queries: Vec<Option<String>> = received(&server)
        .await
        .iter()
        .map(|r| r.url.query().map(str::to_owned))
        .collect();
    assert_eq!(
        queries,
        [
            Some(
                "Identity=a+b%26c&Identity=%C3%A9&PageSize=2&Page=3&PageToken=PT%2B1%2F2%3D3"
                    .to_owned()
            ),
            None,
        ]
    );
}

#[tokio::test]
async fn delete_sends_delete_and_accepts_204() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path(instance_path()))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    invites(&server)
        .delete(&INVITE_SID.parse().unwrap())
        .await
        .expect("deleted");

    let requests = received(&server).await;
    assert_eq!(requests.len(), 1);
    let sent = &requests[0];
    assert_eq!(sent.method.as_str(), "DELETE");
    assert_eq!(sent.url.path(), instance_path());
    assert_eq!(sent.url.query(), None);
    assert_common_headers(sent);
    assert_no_body(sent);
}
