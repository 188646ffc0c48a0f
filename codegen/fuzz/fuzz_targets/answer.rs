//! Any bytes as a 2xx answer, read as a Conversations participant (the first byte
//! even) or a page of them (odd), as the client reads one: strictly, then repaired
//! field by field. It must read or refuse, never panic or hang (run with
//! `-timeout=1`); a record it reads names what it left out.
#![no_main]

use libfuzzer_sys::fuzz_target;
use twilio_codegen_runtime::__private::{decode_answer, decode_answer_page};
use twilio_conversations_v1::resources::conversation_participant::{
    ConversationParticipant, ConversationParticipantPage,
};

fuzz_target!(|data: &[u8]| {
    let Some((&kind, body)) = data.split_first() else {
        return;
    };
    if kind & 1 == 0 {
        let _ = decode_answer::<ConversationParticipant>(body.to_vec());
    } else if let Ok(page) = decode_answer_page::<ConversationParticipantPage>(body.to_vec()) {
        let _ = page
            .participants
            .iter()
            .map(|p| p.unread_fields.len())
            .sum::<usize>();
    }
});
