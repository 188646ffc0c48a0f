//! What an access token lets its client do, one type per product, with the claim names
//! Twilio reads. A SID a grant names is checked when the grant is added: a wrong one
//! would only show as a client refused at connect time.

use super::Grant;
use crate::validate::{self, ValidationError};
use serde_json::{Map, Value};

/// Claims under construction: fields in the order they are set, absent ones left out.
#[derive(Default)]
struct Claims(Map<String, Value>);

impl Claims {
    /// A SID with `prefix`, when set.
    fn sid(
        mut self,
        name: &str,
        target: &'static str,
        prefix: &'static str,
        value: &Option<String>,
    ) -> Result<Self, ValidationError> {
        if let Some(value) = value {
            validate::sid::<32>(value, target, prefix)?;
            self.0.insert(name.into(), Value::String(value.clone()));
        }
        Ok(self)
    }

    /// Free text, when set.
    fn text(mut self, name: &str, value: &Option<String>) -> Self {
        if let Some(value) = value {
            self.0.insert(name.into(), Value::String(value.clone()));
        }
        self
    }
}

macro_rules! setters {
    ($($(#[$doc:meta])* $field:ident;)*) => {$(
        $(#[$doc])*
        pub fn $field(mut self, value: impl Into<String>) -> Self {
            self.$field = Some(value.into());
            self
        }
    )*};
}

/// Chat, and Conversations, which uses the same grant: `chat` in the token.
#[derive(Debug, Clone, Default)]
pub struct ChatGrant {
    service_sid: Option<String>,
    endpoint_id: Option<String>,
    deployment_role_sid: Option<String>,
    push_credential_sid: Option<String>,
}

impl ChatGrant {
    /// A grant with nothing set yet.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// The Chat or Conversations service (`IS…`) the client joins.
        service_sid;
        /// An ID for the client's device or browser, unique per identity.
        endpoint_id;
        /// The role (`RL…`) the client's user takes in the service.
        deployment_role_sid;
        /// The push credential (`CR…`) for notifications to this client.
        push_credential_sid;
    }
}

impl From<ChatGrant> for Grant {
    fn from(g: ChatGrant) -> Grant {
        let claims = Claims::default()
            .sid("service_sid", "ServiceSid", "IS", &g.service_sid)
            .map(|c| c.text("endpoint_id", &g.endpoint_id))
            .and_then(|c| {
                c.sid(
                    "deployment_role_sid",
                    "RoleSid",
                    "RL",
                    &g.deployment_role_sid,
                )
            })
            .and_then(|c| {
                c.sid(
                    "push_credential_sid",
                    "CredentialSid",
                    "CR",
                    &g.push_credential_sid,
                )
            });
        Grant {
            key: "chat",
            claims: claims.map(|c| c.0),
        }
    }
}

/// Programmable Voice: calls out through a TwiML app, calls in to the identity, and
/// push notifications. `voice` in the token.
#[derive(Debug, Clone, Default)]
pub struct VoiceGrant {
    outgoing_application_sid: Option<String>,
    outgoing_application_params: Map<String, Value>,
    incoming_allow: bool,
    push_credential_sid: Option<String>,
    endpoint_id: Option<String>,
}

impl VoiceGrant {
    /// A grant with nothing set yet.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// The TwiML application (`AP…`) whose Voice URL answers the client's
        /// outgoing calls.
        outgoing_application_sid;
        /// The push credential (`CR…`) for incoming-call notifications.
        push_credential_sid;
        /// An ID for the client's device or browser.
        endpoint_id;
    }

    /// A parameter Twilio passes to the outgoing application's Voice URL with each
    /// call; sent only with an outgoing application. Later values for a name replace
    /// earlier ones.
    pub fn outgoing_application_param(
        mut self,
        name: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        let value = Value::String(value.into());
        self.outgoing_application_params.insert(name.into(), value);
        self
    }

    /// Whether the client may receive calls to its identity.
    pub fn incoming_allow(mut self, allow: bool) -> Self {
        self.incoming_allow = allow;
        self
    }
}

impl From<VoiceGrant> for Grant {
    fn from(g: VoiceGrant) -> Grant {
        Grant {
            key: "voice",
            claims: voice_claims(g),
        }
    }
}

fn voice_claims(g: VoiceGrant) -> Result<Map<String, Value>, ValidationError> {
    let mut claims = Map::new();
    if g.incoming_allow {
        claims.insert("incoming".into(), serde_json::json!({ "allow": true }));
    }
    let outgoing = Claims::default().sid(
        "application_sid",
        "ApplicationSid",
        "AP",
        &g.outgoing_application_sid,
    )?;
    if !outgoing.0.is_empty() {
        let mut outgoing = outgoing.0;
        if !g.outgoing_application_params.is_empty() {
            outgoing.insert(
                "params".into(),
                Value::Object(g.outgoing_application_params),
            );
        }
        claims.insert("outgoing".into(), Value::Object(outgoing));
    }
    let rest = Claims(claims)
        .sid(
            "push_credential_sid",
            "CredentialSid",
            "CR",
            &g.push_credential_sid,
        )?
        .text("endpoint_id", &g.endpoint_id);
    Ok(rest.0)
}

/// Video: `video` in the token.
#[derive(Debug, Clone, Default)]
pub struct VideoGrant {
    room: Option<String>,
}

impl VideoGrant {
    /// A grant to any room.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// The one room (its name, or its SID `RM…`) the client may join.
        room;
    }
}

impl From<VideoGrant> for Grant {
    fn from(g: VideoGrant) -> Grant {
        Grant {
            key: "video",
            claims: Ok(Claims::default().text("room", &g.room).0),
        }
    }
}

/// Sync: `data_sync` in the token.
#[derive(Debug, Clone, Default)]
pub struct SyncGrant {
    service_sid: Option<String>,
    endpoint_id: Option<String>,
}

impl SyncGrant {
    /// A grant with nothing set yet.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// The Sync service (`IS…`).
        service_sid;
        /// An ID for the client's device or browser.
        endpoint_id;
    }
}

impl From<SyncGrant> for Grant {
    fn from(g: SyncGrant) -> Grant {
        let claims = Claims::default()
            .sid("service_sid", "ServiceSid", "IS", &g.service_sid)
            .map(|c| c.text("endpoint_id", &g.endpoint_id).0);
        Grant {
            key: "data_sync",
            claims,
        }
    }
}

/// TaskRouter: `task_router` in the token.
#[derive(Debug, Clone, Default)]
pub struct TaskRouterGrant {
    workspace_sid: Option<String>,
    worker_sid: Option<String>,
    role: Option<String>,
}

impl TaskRouterGrant {
    /// A grant with nothing set yet.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// The workspace (`WS…`).
        workspace_sid;
        /// The worker (`WK…`) the client acts as.
        worker_sid;
        /// The client's role, such as `worker`.
        role;
    }
}

impl From<TaskRouterGrant> for Grant {
    fn from(g: TaskRouterGrant) -> Grant {
        let claims = Claims::default()
            .sid("workspace_sid", "WorkspaceSid", "WS", &g.workspace_sid)
            .and_then(|c| c.sid("worker_sid", "WorkerSid", "WK", &g.worker_sid))
            .map(|c| c.text("role", &g.role).0);
        Grant {
            key: "task_router",
            claims,
        }
    }
}

/// Live playback: `player` in the token. Its claims are the `grant` object the Media
/// API returns for a player streamer's playback grant, passed through as they are.
#[derive(Debug, Clone, Default)]
pub struct PlaybackGrant {
    grant: Map<String, Value>,
}

impl PlaybackGrant {
    /// The `grant` object of a playback grant resource.
    pub fn new(grant: Map<String, Value>) -> Self {
        PlaybackGrant { grant }
    }
}

impl From<PlaybackGrant> for Grant {
    fn from(g: PlaybackGrant) -> Grant {
        Grant {
            key: "player",
            claims: Ok(g.grant),
        }
    }
}
