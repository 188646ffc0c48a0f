//! The futures an operation returns stay small: a program that awaits many kinds
//! of operation in one `match` holds the largest, and a 197-operation dispatcher
//! overflowed tokio's 2 MiB worker stack when they were large. What is large (the
//! transport's retry loop) is boxed inside the runtime, not in the consumer.

use twilio_api_v2010::resources::call::CreateCall;
use twilio_api_v2010::{Client, CreateMessage, ListMessages};
use twilio_codegen_runtime::Auth;

/// The most any operation's future may take, in bytes. Measured on 2026-12-06:
/// `Messages::fetch` 736, `Messages::list` 1,024, `Messages::create` 1,712 and
/// `Calls::create` 2,368 (its parameters are held until the request is built);
/// 2,368, 2,640, 3,328 and 3,984 before the runtime boxed its retry loop.
const LIMIT: usize = 3000;

#[test]
fn operation_futures_stay_small() {
    let client = Client::builder(Auth::auth_token("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "x"))
        .build()
        .expect("a client");
    let (messages, calls) = (client.messages(), client.calls());
    let sid = "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().expect("a SID");
    let fetch = messages.fetch(&sid);
    let create = messages.create(CreateMessage::new("+15558675310"));
    let list = messages.list(ListMessages::new());
    // CreateCall has the most parameters of the 2010 API's operations.
    let call = calls.create(CreateCall::new("+15558675310", "+15017122661"));
    let sizes = [
        ("Messages::fetch", std::mem::size_of_val(&fetch)),
        ("Messages::create", std::mem::size_of_val(&create)),
        ("Messages::list", std::mem::size_of_val(&list)),
        ("Calls::create", std::mem::size_of_val(&call)),
    ];
    println!("{sizes:?}");
    for (name, size) in sizes {
        assert!(size <= LIMIT, "{name}'s future is {size} bytes");
    }
}
