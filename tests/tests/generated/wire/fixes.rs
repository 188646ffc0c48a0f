//! What the derived wire modules leave out or correct of Twilio's examples, by crate:
//! keys of example requests that are no parameter of their operation ([`Skip`], which
//! the harness checks the request schema lacks), and example values that contradict
//! their own schema ([`Correction`], each with its reason). Twilio's examples, not the
//! API, are wrong in each; nothing else is left out.

use super::{Correction, Skip};

/// The keys of `krate`'s example requests the harness leaves out.
pub fn skipped(krate: &str) -> &'static [Skip] {
    match krate {
        "twilio-accounts-v1" => ACCOUNTS_V1,
        "twilio-events-v1" => EVENTS_V1,
        "twilio-ip-messaging-v1" => IP_MESSAGING_V1,
        "twilio-ip-messaging-v2" => IP_MESSAGING_V2,
        "twilio-notify-v1" => NOTIFY_V1,
        "twilio-preview" => PREVIEW,
        "twilio-studio-v2" => STUDIO_V2,
        "twilio-sync-v1" => SYNC_V1,
        "twilio-taskrouter-v1" => TASKROUTER_V1,
        "twilio-verify-v2" => VERIFY_V2,
        "twilio-wireless-v1" => WIRELESS_V1,
        _ => &[],
    }
}

/// The values of `krate`'s examples the harness corrects.
pub fn corrected(krate: &str) -> &'static [Correction] {
    match krate {
        "twilio-flex-v1" => FLEX_V1_VALUES,
        "twilio-messaging-v1" => MESSAGING_V1_VALUES,
        "twilio-notify-v1" => NOTIFY_V1_VALUES,
        "twilio-numbers-v2" => NUMBERS_V2_VALUES,
        "twilio-verify-v2" => VERIFY_V2_VALUES,
        _ => &[],
    }
}

/// A credential's secret is set when it is created; the updates' examples were copied
/// from the creates.
const ACCOUNTS_V1: &[Skip] = &[
    skip("UpdateCredentialAws", "Credentials", 1),
    skip("UpdateCredentialPublicKey", "PublicKey", 1),
];

/// `Filter` is in no request schema of the file.
const EVENTS_V1: &[Skip] = &[
    skip("CreateSubscription", "Filter", 1),
    skip("UpdateSubscription", "Filter", 1),
];

/// As in Chat v1 and v2: a channel's type is set when it is created; a service's
/// webhooks have no `Format` in the request schema.
const IP_MESSAGING_V1: &[Skip] = &[
    skip("UpdateChannel", "Type", 1),
    skip("UpdateService", "Webhooks.*.Format", 16),
];

const IP_MESSAGING_V2: &[Skip] = &[skip("UpdateChannel", "Type", 1)];

/// `Type: S` is in no request schema of a Notify service.
const NOTIFY_V1: &[Skip] = &[
    skip("CreateService", "Type", 1),
    skip("UpdateService", "Type", 1),
];

/// A rate plan's status is no parameter of its creation.
const PREVIEW: &[Skip] = &[skip("CreateWirelessRatePlan", "Status", 1)];

const STUDIO_V2: &[Skip] = &[skip("CreateExecution", "ExternalId", 1)];

/// A document's unique name is set when it is created.
const SYNC_V1: &[Skip] = &[skip("UpdateDocument", "UniqueName", 1)];

/// Attention routing, concurrency and operating units are in the examples only.
const TASKROUTER_V1: &[Skip] = &[
    skip("UpdateTask", "RequiredAttention", 1),
    skip("CreateTask", "RequiredAttention", 1),
    skip("CreateTaskChannel", "RequiredAttention", 1),
    skip("UpdateTaskQueue", "OperatingUnitSid", 1),
    skip("CreateTaskQueue", "OperatingUnitSid", 1),
    skip("CreateWorker", "Concurrency", 1),
    skip("CreateWorker", "OperatingUnitSid", 1),
    skip("UpdateWorker", "Concurrency", 1),
    skip("UpdateWorker", "OperatingUnitSid", 1),
    skip("UpdateWorkspace", "AttentionRoutingEnabled", 1),
    skip("UpdateWorkspace", "DefaultAttentionProfileSid", 1),
];

const VERIFY_V2: &[Skip] = &[
    skip("CreateService", "MailerSid", 1),
    skip("UpdateService", "MailerSid", 1),
];

/// As the preview API's rate plans; an update's notification settings are in its
/// example only.
const WIRELESS_V1: &[Skip] = &[
    skip("CreateRatePlan", "Status", 1),
    skip("UpdateRatePlan", "UsageNotificationMethod", 1),
    skip("UpdateRatePlan", "UsageNotificationUrl", 1),
];

const FLEX_V1_VALUES: &[Correction] = &[
    Correction {
        op: "CreateInteraction",
        in_request: true,
        at: "/InteractionContextSid",
        was: r#""interaction_context_sid""#,
        value: r#""HQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa""#,
        why: "an interaction context's SID starts with HQ, as the parameter's pattern says",
    },
    Correction {
        op: "FetchConfiguredPlugin",
        in_request: false,
        at: "/plugin_version_sid",
        was: r#""PVaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa""#,
        value: r#""FVaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa""#,
        why: "a plugin version's SID starts with FV, as the schema's pattern says",
    },
];

const MESSAGING_V1_VALUES: &[Correction] = &[
    vetting("CreateBrandVetting", "/brand_vetting_sid"),
    vetting("ListBrandVetting", "/data/0/brand_vetting_sid"),
    vetting("FetchBrandVetting", "/brand_vetting_sid"),
];

const NOTIFY_V1_VALUES: &[Correction] = &[
    gcm_credential("CreateService"),
    gcm_credential("UpdateService"),
];

/// CreateShortCodeApplication's answer has no example, so the harness serves a sample
/// of its schema, whose `sid` has no pattern; the record is the fetch answer's, whose
/// `sid` is a SID of `AP`, and reads the sample as no SID.
const NUMBERS_V2_VALUES: &[Correction] = &[Correction {
    op: "CreateShortCodeApplication",
    in_request: false,
    at: "/sid",
    was: r#""sample""#,
    value: r#""APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa""#,
    why: "the record's sid is the fetch answer's SID of AP; the create answer's schema has no pattern",
}];

const VERIFY_V2_VALUES: &[Correction] = &[
    passkeys_service("CreateChallengePasskeys"),
    passkeys_service("UpdateChallengePasskeys"),
];

const fn skip(op: &'static str, key: &'static str, count: usize) -> Skip {
    Skip { op, key, count }
}

const fn vetting(op: &'static str, at: &'static str) -> Correction {
    Correction {
        op,
        in_request: false,
        at,
        was: r#""VT12445353""#,
        value: r#""VTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa""#,
        why: "a vetting's SID is VT and 32 hex digits, as the schema's pattern says",
    }
}

const fn gcm_credential(op: &'static str) -> Correction {
    Correction {
        op,
        in_request: true,
        at: "/GcmCredentialSid",
        was: r#""ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa""#,
        value: r#""CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa""#,
        why: "a credential's SID starts with CR, as the parameter's pattern says",
    }
}

const fn passkeys_service(op: &'static str) -> Correction {
    Correction {
        op,
        in_request: false,
        at: "/service_sid",
        was: r#""VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa""#,
        value: r#""VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa""#,
        why: "a Verify service's SID has 32 hex digits after VA; the example has 31",
    }
}
