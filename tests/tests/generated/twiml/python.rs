//! twilio-python's `tests/unit/twiml/`, byte for byte.

use super::*;

#[test]
fn python_responses() {
    assert_eq!(
        VoiceResponse::new().to_xml().unwrap(),
        format!("{DECLARATION}<Response />")
    );
    assert_eq!(
        voice(
            VoiceResponse::new()
                .hangup(Hangup::new())
                .leave(Leave::new())
                .sms(Sms::new("twilio sms").to("+11234567890").from("+10987654321"))
        ),
        "<Response><Hangup /><Leave /><Sms from=\"+10987654321\" to=\"+11234567890\">twilio sms</Sms></Response>"
    );
    assert_eq!(
        voice(
            VoiceResponse::new().gather(Gather::new().say(Say::new("Hello").voice(SayVoice::Man)))
        ),
        "<Response><Gather><Say voice=\"man\">Hello</Say></Gather></Response>"
    );
}

#[test]
fn python_say() {
    let say = |s: Say| voice(VoiceResponse::new().say(s));
    assert_eq!(say(Say::new("")), "<Response><Say /></Response>");
    assert_eq!(
        say(Say::new("Hello World")),
        "<Response><Say>Hello World</Say></Response>"
    );
    assert_eq!(
        say(Say::new("n\u{e9}cessaire et d'autres")),
        "<Response><Say>nécessaire et d'autres</Say></Response>"
    );
    assert_eq!(
        say(Say::new("Hello Monkey").r#loop(3)),
        "<Response><Say loop=\"3\">Hello Monkey</Say></Response>"
    );
    assert_eq!(
        say(Say::new("Hello Monkey").language("en-gb")),
        "<Response><Say language=\"en-gb\">Hello Monkey</Say></Response>"
    );
    assert_eq!(
        say(Say::new("Hello Monkey").r#loop(3).voice(SayVoice::Woman)),
        "<Response><Say loop=\"3\" voice=\"woman\">Hello Monkey</Say></Response>"
    );
    assert_eq!(
        say(Say::new("Hello Monkey")
            .r#loop(3)
            .voice(SayVoice::Man)
            .language("fr")),
        "<Response><Say language=\"fr\" loop=\"3\" voice=\"man\">Hello Monkey</Say></Response>"
    );
}

#[test]
fn python_play_record_redirect() {
    let one = |r: VoiceResponse| voice(r);
    assert_eq!(
        one(VoiceResponse::new().play(Play::new(""))),
        "<Response><Play /></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().play(Play::new("http://hellomonkey.mp3"))),
        "<Response><Play>http://hellomonkey.mp3</Play></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().play(Play::new("http://hellomonkey.mp3").r#loop(3))),
        "<Response><Play loop=\"3\">http://hellomonkey.mp3</Play></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().play(Play::new("").digits("w123"))),
        "<Response><Play digits=\"w123\" /></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().record(Record::new())),
        "<Response><Record /></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new()
            .record(Record::new().action("example.com").method(HttpMethod::Get))),
        "<Response><Record action=\"example.com\" method=\"GET\" /></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().record(Record::new().timeout(4).finish_on_key("#").max_length(30))),
        "<Response><Record finishOnKey=\"#\" maxLength=\"30\" timeout=\"4\" /></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().record(Record::new().transcribe_callback("example.com"))),
        "<Response><Record transcribeCallback=\"example.com\" /></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().redirect(Redirect::new(""))),
        "<Response><Redirect /></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().redirect(Redirect::new("example.com").method(HttpMethod::Post))),
        "<Response><Redirect method=\"POST\">example.com</Redirect></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().redirect(Redirect::new("example.com?id=34&action=hey").method(HttpMethod::Post))),
        "<Response><Redirect method=\"POST\">example.com?id=34&amp;action=hey</Redirect></Response>"
    );
}

#[test]
fn python_empty_verbs_and_sms() {
    assert_eq!(
        voice(VoiceResponse::new().hangup(Hangup::new())),
        "<Response><Hangup /></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().leave(Leave::new())),
        "<Response><Leave /></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().reject(Reject::new())),
        "<Response><Reject /></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().echo(Echo::new())),
        "<Response><Echo /></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().sms(Sms::new(""))),
        "<Response><Sms /></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().sms(Sms::new("Hello, World"))),
        "<Response><Sms>Hello, World</Sms></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().sms(
            Sms::new("Hello, World")
                .to("1231231234")
                .from("3453453456")
                .status_callback("example.com?id=34&action=hey")
        )),
        "<Response><Sms from=\"3453453456\" statusCallback=\"example.com?id=34&amp;action=hey\" to=\"1231231234\">Hello, World</Sms></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().sms(
            Sms::new("Hello").method(HttpMethod::Post).action("example.com?id=34&action=hey")
        )),
        "<Response><Sms action=\"example.com?id=34&amp;action=hey\" method=\"POST\">Hello</Sms></Response>"
    );
}

#[test]
fn python_dial_and_its_nouns() {
    let dial = |d: Dial| voice(VoiceResponse::new().dial(d));
    assert_eq!(
        dial(Dial::new().conference(
            Conference::new("TestConferenceAttributes")
                .beep("false")
                .wait_url("")
                .start_conference_on_enter(true)
                .end_conference_on_exit(true)
        )),
        "<Response><Dial><Conference beep=\"false\" endConferenceOnExit=\"true\" startConferenceOnEnter=\"true\" waitUrl=\"\">TestConferenceAttributes</Conference></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().conference(
            Conference::new("TestConferenceMutedAttribute")
                .beep("false")
                .muted(true)
                .wait_url("")
                .start_conference_on_enter(true)
                .end_conference_on_exit(true)
        )),
        "<Response><Dial><Conference beep=\"false\" endConferenceOnExit=\"true\" muted=\"true\" startConferenceOnEnter=\"true\" waitUrl=\"\">TestConferenceMutedAttribute</Conference></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().queue(Queue::new("TestQueueAttribute").url("").method(HttpMethod::Get))),
        "<Response><Dial><Queue method=\"GET\" url=\"\">TestQueueAttribute</Queue></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().text("1231231234")),
        "<Response><Dial>1231231234</Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().sim(Sim::new("123123123"))),
        "<Response><Dial><Sim>123123123</Sim></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().sip(Sip::new("foo@example.com"))),
        "<Response><Dial><Sip>foo@example.com</Sip></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().sip(Sip::new("foo@example.com").username("foo").password("bar"))),
        "<Response><Dial><Sip password=\"bar\" username=\"foo\">foo@example.com</Sip></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().number(Number::new("1231231234"))),
        "<Response><Dial><Number>1231231234</Number></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().number(
            Number::new("1231231234")
                .status_callback("http://example.com")
                .status_callback_event("initiated completed")
        )),
        "<Response><Dial><Number statusCallback=\"http://example.com\" statusCallbackEvent=\"initiated completed\">1231231234</Number></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().conference(Conference::new("My Room"))),
        "<Response><Dial><Conference>My Room</Conference></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().queue(Queue::new("The Cute Queue"))),
        "<Response><Dial><Queue>The Cute Queue</Queue></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().client(Client::new().text(""))),
        "<Response><Dial><Client /></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().client(Client::new().text("alice"))),
        "<Response><Dial><Client>alice</Client></Dial></Response>"
    );
}

#[test]
fn python_enqueue_and_gather() {
    assert_eq!(
        voice(VoiceResponse::new().enqueue(
            Enqueue::new()
                .text("TestEnqueueAttribute")
                .action("act")
                .method(HttpMethod::Get)
                .wait_url("wait")
                .wait_url_method(HttpMethod::Post)
        )),
        "<Response><Enqueue action=\"act\" method=\"GET\" waitUrl=\"wait\" waitUrlMethod=\"POST\">TestEnqueueAttribute</Enqueue></Response>"
    );
    assert_eq!(
        voice(
            VoiceResponse::new().enqueue(
                Enqueue::new()
                    .workflow_sid("123123123")
                    .task(Task::new(r#"{"account_sid": "AC123123123"}"#))
            )
        ),
        r#"<Response><Enqueue workflowSid="123123123"><Task>{"account_sid": "AC123123123"}</Task></Enqueue></Response>"#
    );
    assert_eq!(
        voice(VoiceResponse::new().gather(Gather::new())),
        "<Response><Gather /></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().gather(Gather::new().say(Say::new("Hello")))),
        "<Response><Gather><Say>Hello</Say></Gather></Response>"
    );
    assert_eq!(
        voice(
            VoiceResponse::new().gather(
                Gather::new()
                    .say(Say::new("Hey"))
                    .play(Play::new("hey.mp3"))
                    .pause(Pause::new())
            )
        ),
        "<Response><Gather><Say>Hey</Say><Play>hey.mp3</Play><Pause /></Gather></Response>"
    );
}

#[test]
fn python_messaging() {
    assert_eq!(
        MessagingResponse::new().to_xml().unwrap(),
        format!("{DECLARATION}<Response />")
    );
    assert_eq!(
        messaging(
            MessagingResponse::new()
                .message(Message::new("Hello"))
                .redirect(MessagingRedirect::new("example.com"))
        ),
        "<Response><Message>Hello</Message><Redirect>example.com</Redirect></Response>"
    );
    assert_eq!(
        messaging(
            MessagingResponse::new()
                .message(Message::new("Hello").media(Media::new("example.com")))
        ),
        "<Response><Message>Hello<Media>example.com</Media></Message></Response>"
    );
    assert_eq!(
        messaging(MessagingResponse::new().message(Message::new("Hello"))),
        "<Response><Message>Hello</Message></Response>"
    );
    assert_eq!(
        messaging(MessagingResponse::new().redirect(MessagingRedirect::new("example.com"))),
        "<Response><Redirect>example.com</Redirect></Response>"
    );
}
