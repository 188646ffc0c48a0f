//! Any bytes as a 2xx answer, read as the client reads one: strictly, then repaired
//! field by field. The first byte picks the record: a Conversations participant or a
//! page of them, or a 2010 message or a page of them (RFC 2822 dates, a `Decimal`
//! price, a Message SID of either prefix, enums). It must read or refuse, never panic
//! or hang (run with `-timeout=1`); a record it reads names what it left out.
#![no_main]

use libfuzzer_sys::fuzz_target;
use twilio_api_v2010::resources::message::{Message, MessagePage};
use twilio_codegen_runtime::__private::{decode_answer, decode_answer_page};
use twilio_conversations_v1::resources::conversation_participant::{
    ConversationParticipant, ConversationParticipantPage,
};

fuzz_target!(|data: &[u8]| {
    let Some((&kind, body)) = data.split_first() else {
        return;
    };
    match kind % 4 {
        0 => {
            let _ = decode_answer::<ConversationParticipant>(body.to_vec());
        }
        1 => {
            if let Ok(page) = decode_answer_page::<ConversationParticipantPage>(body.to_vec()) {
                let _ = page.participants.iter().map(|p| p.unread_fields.len()).sum::<usize>();
            }
        }
        2 => {
            if let Ok(message) = decode_answer::<Message>(body.to_vec()) {
                // A price read is a decimal as written.
                if let Some(price) = &message.price {
                    assert!(price.as_str().parse::<f64>().is_ok(), "{price:?}");
                }
            }
        }
        _ => {
            if let Ok(page) = decode_answer_page::<MessagePage>(body.to_vec()) {
                let _ = page.messages.iter().map(|m| m.unread_fields.len()).sum::<usize>();
            }
        }
    }
});
