//! The table of `twilio_api_v2010`, derived from its OpenAPI file by `tests/build.rs`.

use super::*;
#[allow(unused_imports)]
use twilio_api_v2010::*;

/// The OpenAPI file, and the keys of its examples the harness leaves out.
const DOC: Doc = Doc {
    file: "twilio-oai/twilio_api_v2010.yaml",
    skipped: SKIPPED,
    corrected: CORRECTED,
};

/// Values of the example answers that contradict their own schema.
const CORRECTED: &[Correction] = &[Correction {
    op: "ListDependentPhoneNumber",
    in_request: false,
    at: "/dependent_phone_numbers/0/trunk_sid",
    was: r#""APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa5""#,
    value: r#""TKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa5""#,
    why: "a Trunk's SID starts with TK, as the schema's pattern says",
}];

/// Keys of the examples that are no parameter of their operation: the request
/// schemas lack them (the harness checks that they do).
const SKIPPED: &[Skip] = &[
    Skip {
        op: "CreateCall",
        key: "IfMachine",
        count: 1,
    },
    Skip {
        op: "CreateCall",
        key: "MachineDetectionEngine",
        count: 1,
    },
    Skip {
        op: "CreateCall",
        key: "MachineDetectionMinWordLength",
        count: 1,
    },
    Skip {
        op: "CreateCall",
        key: "MachineDetectionMaxWordLength",
        count: 1,
    },
    Skip {
        op: "CreateCall",
        key: "MachineDetectionWordsSilence",
        count: 1,
    },
    Skip {
        op: "CreateCall",
        key: "MachineDetectionMaxNumOfWords",
        count: 1,
    },
    Skip {
        op: "CreateCall",
        key: "MachineDetectionSilenceThreshold",
        count: 1,
    },
    Skip {
        op: "CreateCall",
        key: "Transcribe",
        count: 1,
    },
    Skip {
        op: "CreateCall",
        key: "TranscriptionConfiguration",
        count: 1,
    },
    Skip {
        op: "UpdateCall",
        key: "StatusCallbackUrl",
        count: 1,
    },
    Skip {
        op: "CreateCallRecording",
        key: "PlayBeep",
        count: 1,
    },
    Skip {
        op: "CreateCallRecording",
        key: "Transcribe",
        count: 1,
    },
    Skip {
        op: "CreateCallRecording",
        key: "TranscriptionConfiguration",
        count: 1,
    },
    Skip {
        op: "UpdateCallRecording",
        key: "PlayBeep",
        count: 1,
    },
    Skip {
        op: "UpdateConferenceRecording",
        key: "PlayBeep",
        count: 1,
    },
    Skip {
        op: "CreateMessage",
        key: "Tags",
        count: 1,
    },
    Skip {
        op: "CreateParticipant",
        key: "MachineDetectionEngine",
        count: 1,
    },
    Skip {
        op: "CreateParticipant",
        key: "MachineDetectionMinWordLength",
        count: 1,
    },
    Skip {
        op: "CreateParticipant",
        key: "MachineDetectionMaxWordLength",
        count: 1,
    },
    Skip {
        op: "CreateParticipant",
        key: "MachineDetectionWordsSilence",
        count: 1,
    },
    Skip {
        op: "CreateParticipant",
        key: "MachineDetectionMaxNumOfWords",
        count: 1,
    },
    Skip {
        op: "CreateParticipant",
        key: "MachineDetectionSilenceThreshold",
        count: 1,
    },
];

include!(concat!(env!("OUT_DIR"), "/rows_twilio_api_v2010.rs"));

#[tokio::test]
async fn every_operation_against_its_examples() {
    check_table(&DOC, table()).await;
}

#[tokio::test]
async fn every_answer_of_twilios_library_tests() {
    check_library_answers(&DOC, table()).await;
}

/// A handle acts for the client's own account: the path carries the credentials'
/// Account SID, with no argument to pass. `with_account` acts for another one, with
/// the same credentials; a client whose own account is no Account SID (here, an API
/// key's secret mistaken for it) is refused before anything is sent.
#[tokio::test]
async fn handles_act_for_the_clients_account_unless_told_another() {
    let server = MockServer::start().await;
    let listing = |account: &str| {
        Mock::given(method("GET"))
            .and(path(format!(
                "/2010-04-01/Accounts/{account}/Messages.json"
            )))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
                "messages": [],
                "next_page_uri": null,
            })))
    };
    let sub = "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    listing(ACCOUNT_SID).expect(1).mount(&server).await;
    listing(sub).expect(1).mount(&server).await;

    let client = client::<Client>(&server);
    client
        .messages()
        .list(ListMessages::new())
        .await
        .expect("the own account's");
    let subaccount: AccountSid = sub.parse().expect("an Account SID");
    let acting = client.with_account(&subaccount);
    assert_eq!(acting.account_sid(), sub);
    assert_eq!(client.account_sid(), ACCOUNT_SID);
    acting
        .messages()
        .list(ListMessages::new())
        .await
        .expect("the subaccount's");

    let odd = Client::builder(Auth::auth_token("not-an-account", AUTH_TOKEN))
        .base_url(server.uri())
        .build()
        .expect("client builds");
    let err = odd
        .messages()
        .list(ListMessages::new())
        .await
        .expect_err("refused before sending");
    assert!(err.to_string().contains("AccountSid"), "{err}");
}

/// A date-time filter whose docs take a day takes a `time::Date` too, sent as
/// `2026-12-01`; a timestamp is sent as before, in ISO 8601. Both directions of an
/// inequality filter keep their names (`DateSent<`, `DateSent>`).
#[tokio::test]
async fn date_filters_take_a_day_or_a_moment() {
    use wiremock::matchers::query_param;
    let server = MockServer::start().await;
    let page = ResponseTemplate::new(200).set_body_json(serde_json::json!({
        "messages": [],
        "next_page_uri": null,
    }));
    let messages = format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json");
    Mock::given(method("GET"))
        .and(path(messages.clone()))
        .and(query_param("DateSent", "2026-12-01"))
        .and(query_param("DateSent<", "2026-12-31T23:59:00Z"))
        .respond_with(page.clone())
        .expect(1)
        .mount(&server)
        .await;
    let client = client::<Client>(&server);
    let day = time::Date::from_calendar_date(2026, time::Month::December, 1).expect("a day");
    let moment = time::OffsetDateTime::from_unix_timestamp(1_798_761_540).expect("a moment");
    client
        .messages()
        .list(ListMessages::new().date_sent(day).date_sent_before(moment))
        .await
        .expect("both filters as the API takes them");
    assert_eq!(
        ListMessages::new().date_sent(day).date_sent,
        Some(DateFilter::Date(day))
    );
}
