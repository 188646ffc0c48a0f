//! Chat v1's table, written by hand from Twilio's OpenAPI description
//! (`tests/fixtures/twilio-oai/twilio_chat_v1.yaml`): one row per operationId, the
//! call through the typed client and, for a list, the query it sets. After the
//! table: paging over two resources, and Credential's secrets.

use super::*;
use futures_util::TryStreamExt;
use twilio_chat_v1::resources::channel::{Channel, ListChannels, UpdateChannel};
use twilio_chat_v1::resources::credential::{CreateCredential, ListCredentials, UpdateCredential};
use twilio_chat_v1::resources::invite::{CreateInvite, ListInvites};
use twilio_chat_v1::resources::member::{ListMembers, UpdateMember};
use twilio_chat_v1::resources::message::{Message, UpdateMessage};
use twilio_chat_v1::resources::role::{CreateRole, ListRoles, UpdateRole};
use twilio_chat_v1::resources::service::{ListServices, UpdateService};
use twilio_chat_v1::resources::user::{CreateUser, ListUsers, UpdateUser};
use twilio_chat_v1::resources::user_channel::ListUserChannels;
use twilio_chat_v1::types::{ChannelType, OrderType, PushService, RoleType, WebhookMethod};
use twilio_chat_v1::{
    Client, CreateChannel, CreateMember, CreateMessage, CreateService, ListMessages,
};

// ---------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------

/// Chat v1's OpenAPI file, and the keys of its examples the harness leaves out.
const DOC: Doc = Doc {
    file: "twilio-oai/twilio_chat_v1.yaml",
    skipped: SKIPPED,
    corrected: &[],
};

/// Keys of the examples that are no parameter of their operation.
const SKIPPED: &[Skip] = &[
    // A channel's type is set when it is created. UpdateChannel's request schema has
    // no `Type`, but the example copied from CreateChannel still sends one.
    Skip {
        op: "UpdateChannel",
        key: "Type",
        count: 1,
    },
    // The example gives each of the 16 webhooks a `Format`, but UpdateService's
    // request schema has only `Url` and `Method` for them.
    Skip {
        op: "UpdateService",
        key: "Webhooks.*.Format",
        count: 16,
    },
];

/// The rows: every operation of Chat v1, each making its call through the typed
/// client with the values the harness hands it in `c` (see [`Ctx`]).
fn table() -> Vec<Row<Client>> {
    [
        service_rows(),
        channel_rows(),
        invite_rows(),
        member_rows(),
        message_rows(),
        role_rows(),
        user_rows(),
        user_channel_rows(),
        credential_rows(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The Service operations.
fn service_rows() -> Vec<Row<Client>> {
    vec![
        row!("CreateService", |c| c
            .client
            .services()
            .create(CreateService::new(c.text("FriendlyName")))),
        row!("FetchService", |c| c.client.services().fetch(&c.sid("Sid"))),
        row!("ListService", [("PageSize", "7")], |c| c
            .client
            .services()
            .list(ListServices::new().page_size(c.get("PageSize")))),
        row!("UpdateService", |c| c
            .client
            .services()
            .update(&c.sid("Sid"), update_service(&c))),
        row!("DeleteService", |c| c
            .client
            .services()
            .delete(&c.sid("Sid"))),
    ]
}

/// The Channel operations.
fn channel_rows() -> Vec<Row<Client>> {
    vec![
        row!("CreateChannel", |c| c
            .client
            .channels(&c.sid("ServiceSid"))
            .create(
                CreateChannel::new()
                    .r#type(ChannelType::from_wire(c.text("Type")))
                    .friendly_name(c.text("FriendlyName"))
                    .unique_name(c.text("UniqueName"))
                    .attributes(c.text("Attributes"))
            )),
        row!("FetchChannel", |c| c
            .client
            .channels(&c.sid("ServiceSid"))
            .fetch(c.name("Sid"))),
        row!(
            "ListChannel",
            [("Type", "public"), ("Type", "private"), ("PageSize", "7")],
            |c| c.client.channels(&c.sid("ServiceSid")).list(
                ListChannels::new()
                    .r#type(c.texts("Type").into_iter().map(ChannelType::from_wire))
                    .page_size(c.get("PageSize"))
            )
        ),
        row!("UpdateChannel", |c| c
            .client
            .channels(&c.sid("ServiceSid"))
            .update(
                c.name("Sid"),
                UpdateChannel::new()
                    .friendly_name(c.text("FriendlyName"))
                    .unique_name(c.text("UniqueName"))
                    .attributes(c.text("Attributes"))
            )),
        row!("DeleteChannel", |c| c
            .client
            .channels(&c.sid("ServiceSid"))
            .delete(c.name("Sid"))),
    ]
}

/// The Invite operations (no update).
fn invite_rows() -> Vec<Row<Client>> {
    vec![
        row!("CreateInvite", |c| c
            .client
            .invites(&c.sid("ServiceSid"), c.name("ChannelSid"))
            .create(
                CreateInvite::new(c.text("Identity")).role_sid(c.get("RoleSid"))
            )),
        row!("FetchInvite", |c| c
            .client
            .invites(&c.sid("ServiceSid"), c.name("ChannelSid"))
            .fetch(&c.sid("Sid"))),
        row!(
            "ListInvite",
            [
                ("Identity", "alice"),
                ("Identity", "bob smith+1&é"),
                ("PageSize", "7")
            ],
            |c| c
                .client
                .invites(&c.sid("ServiceSid"), c.name("ChannelSid"))
                .list(
                    ListInvites::new()
                        .identity(c.texts("Identity"))
                        .page_size(c.get("PageSize"))
                )
        ),
        row!("DeleteInvite", |c| c
            .client
            .invites(&c.sid("ServiceSid"), c.name("ChannelSid"))
            .delete(&c.sid("Sid"))),
    ]
}

/// The Member operations.
fn member_rows() -> Vec<Row<Client>> {
    vec![
        row!("CreateMember", |c| c
            .client
            .members(&c.sid("ServiceSid"), c.name("ChannelSid"))
            .create(CreateMember::new(c.text("Identity")))),
        row!("FetchMember", |c| c
            .client
            .members(&c.sid("ServiceSid"), c.name("ChannelSid"))
            .fetch(&c.sid("Sid"))),
        row!(
            "ListMember",
            [
                ("Identity", "alice"),
                ("Identity", "bob"),
                ("PageSize", "7")
            ],
            |c| c
                .client
                .members(&c.sid("ServiceSid"), c.name("ChannelSid"))
                .list(
                    ListMembers::new()
                        .identity(c.texts("Identity"))
                        .page_size(c.get("PageSize"))
                )
        ),
        row!("UpdateMember", |c| c
            .client
            .members(&c.sid("ServiceSid"), c.name("ChannelSid"))
            .update(
                &c.sid("Sid"),
                UpdateMember::new().role_sid(c.get("RoleSid"))
            )),
        row!("DeleteMember", |c| c
            .client
            .members(&c.sid("ServiceSid"), c.name("ChannelSid"))
            .delete(&c.sid("Sid"))),
    ]
}

/// The Message operations: its channel is addressed by SID only.
fn message_rows() -> Vec<Row<Client>> {
    vec![
        row!("CreateMessage", |c| c
            .client
            .messages(&c.sid("ServiceSid"), &c.sid("ChannelSid"))
            .create(CreateMessage::new(c.text("Body")))),
        row!("FetchMessage", |c| c
            .client
            .messages(&c.sid("ServiceSid"), &c.sid("ChannelSid"))
            .fetch(&c.sid("Sid"))),
        row!("ListMessage", [("Order", "desc"), ("PageSize", "7")], |c| c
            .client
            .messages(&c.sid("ServiceSid"), &c.sid("ChannelSid"))
            .list(
                ListMessages::new()
                    .order(OrderType::from_wire(c.text("Order")))
                    .page_size(c.get("PageSize"))
            )),
        row!("UpdateMessage", |c| c
            .client
            .messages(&c.sid("ServiceSid"), &c.sid("ChannelSid"))
            .update(
                &c.sid("Sid"),
                UpdateMessage::new().body(c.text("Body"))
            )),
        row!("DeleteMessage", |c| c
            .client
            .messages(&c.sid("ServiceSid"), &c.sid("ChannelSid"))
            .delete(&c.sid("Sid"))),
    ]
}

/// The Role operations.
fn role_rows() -> Vec<Row<Client>> {
    vec![
        row!("CreateRole", |c| c
            .client
            .roles(&c.sid("ServiceSid"))
            .create(CreateRole::new(
                c.text("FriendlyName"),
                RoleType::from_wire(c.text("Type")),
                c.texts("Permission")
            ))),
        row!("FetchRole", |c| c
            .client
            .roles(&c.sid("ServiceSid"))
            .fetch(&c.sid("Sid"))),
        row!("ListRole", [("PageSize", "7")], |c| c
            .client
            .roles(&c.sid("ServiceSid"))
            .list(ListRoles::new().page_size(c.get("PageSize")))),
        row!("UpdateRole", |c| c
            .client
            .roles(&c.sid("ServiceSid"))
            .update(
                &c.sid("Sid"),
                UpdateRole::new(c.texts("Permission"))
            )),
        row!("DeleteRole", |c| c
            .client
            .roles(&c.sid("ServiceSid"))
            .delete(&c.sid("Sid"))),
    ]
}

/// The User operations: addressed by SID or identity, so by name here.
fn user_rows() -> Vec<Row<Client>> {
    vec![
        row!("CreateUser", |c| c
            .client
            .users(&c.sid("ServiceSid"))
            .create(
                CreateUser::new(c.text("Identity"))
                    .role_sid(c.get("RoleSid"))
                    .attributes(c.text("Attributes"))
                    .friendly_name(c.text("FriendlyName"))
            )),
        row!("FetchUser", |c| c
            .client
            .users(&c.sid("ServiceSid"))
            .fetch(c.name("Sid"))),
        row!("ListUser", [("PageSize", "7")], |c| c
            .client
            .users(&c.sid("ServiceSid"))
            .list(ListUsers::new().page_size(c.get("PageSize")))),
        row!("UpdateUser", |c| c
            .client
            .users(&c.sid("ServiceSid"))
            .update(
                c.name("Sid"),
                UpdateUser::new()
                    .role_sid(c.get("RoleSid"))
                    .attributes(c.text("Attributes"))
                    .friendly_name(c.text("FriendlyName"))
            )),
        row!("DeleteUser", |c| c
            .client
            .users(&c.sid("ServiceSid"))
            .delete(c.name("Sid"))),
    ]
}

/// The UserChannel operations (list only).
fn user_channel_rows() -> Vec<Row<Client>> {
    vec![row!("ListUserChannel", [("PageSize", "7")], |c| c
        .client
        .user_channels(&c.sid("ServiceSid"), c.name("UserSid"))
        .list(ListUserChannels::new().page_size(c.get("PageSize"))))]
}

/// The Credential operations.
fn credential_rows() -> Vec<Row<Client>> {
    vec![
        row!("CreateCredential", |c| c.client.credentials().create(
            CreateCredential::new(PushService::from_wire(c.text("Type")))
        )),
        row!("FetchCredential", |c| c
            .client
            .credentials()
            .fetch(&c.sid("Sid"))),
        row!("ListCredential", [("PageSize", "7")], |c| c
            .client
            .credentials()
            .list(ListCredentials::new().page_size(c.get("PageSize")))),
        row!("UpdateCredential", |c| c.client.credentials().update(
            &c.sid("Sid"),
            UpdateCredential::new().friendly_name(c.text("FriendlyName"))
        )),
        row!("DeleteCredential", |c| c
            .client
            .credentials()
            .delete(&c.sid("Sid"))),
    ]
}

/// UpdateService's example sets nearly every parameter (all but the skipped
/// `Format`s): too many for one line of the table. Webhook methods go through
/// `from_wire`, so the example's `webhook_method` is sent as written.
fn update_service(c: &Ctx<Client>) -> UpdateService {
    let method = |key: &str| WebhookMethod::from_wire(c.text(key));
    UpdateService::new()
        .friendly_name(c.text("FriendlyName"))
        .default_service_role_sid(c.get("DefaultServiceRoleSid"))
        .default_channel_role_sid(c.get("DefaultChannelRoleSid"))
        .default_channel_creator_role_sid(c.get("DefaultChannelCreatorRoleSid"))
        .read_status_enabled(c.get("ReadStatusEnabled"))
        .reachability_enabled(c.get("ReachabilityEnabled"))
        .typing_indicator_timeout(c.get("TypingIndicatorTimeout"))
        .consumption_report_interval(c.get("ConsumptionReportInterval"))
        .notifications_new_message_enabled(c.get("Notifications.NewMessage.Enabled"))
        .notifications_new_message_template(c.text("Notifications.NewMessage.Template"))
        .notifications_added_to_channel_enabled(c.get("Notifications.AddedToChannel.Enabled"))
        .notifications_added_to_channel_template(c.text("Notifications.AddedToChannel.Template"))
        .notifications_removed_from_channel_enabled(
            c.get("Notifications.RemovedFromChannel.Enabled"),
        )
        .notifications_removed_from_channel_template(
            c.text("Notifications.RemovedFromChannel.Template"),
        )
        .notifications_invited_to_channel_enabled(c.get("Notifications.InvitedToChannel.Enabled"))
        .notifications_invited_to_channel_template(
            c.text("Notifications.InvitedToChannel.Template"),
        )
        .pre_webhook_url(c.text("PreWebhookUrl"))
        .post_webhook_url(c.text("PostWebhookUrl"))
        .webhook_method(method("WebhookMethod"))
        .webhook_filters(c.texts("WebhookFilters"))
        .webhooks_on_message_send_url(c.text("Webhooks.OnMessageSend.Url"))
        .webhooks_on_message_send_method(method("Webhooks.OnMessageSend.Method"))
        .webhooks_on_message_update_url(c.text("Webhooks.OnMessageUpdate.Url"))
        .webhooks_on_message_update_method(method("Webhooks.OnMessageUpdate.Method"))
        .webhooks_on_message_remove_url(c.text("Webhooks.OnMessageRemove.Url"))
        .webhooks_on_message_remove_method(method("Webhooks.OnMessageRemove.Method"))
        .webhooks_on_channel_add_url(c.text("Webhooks.OnChannelAdd.Url"))
        .webhooks_on_channel_add_method(method("Webhooks.OnChannelAdd.Method"))
        .webhooks_on_channel_destroy_url(c.text("Webhooks.OnChannelDestroy.Url"))
        .webhooks_on_channel_destroy_method(method("Webhooks.OnChannelDestroy.Method"))
        .webhooks_on_channel_update_url(c.text("Webhooks.OnChannelUpdate.Url"))
        .webhooks_on_channel_update_method(method("Webhooks.OnChannelUpdate.Method"))
        .webhooks_on_member_add_url(c.text("Webhooks.OnMemberAdd.Url"))
        .webhooks_on_member_add_method(method("Webhooks.OnMemberAdd.Method"))
        .webhooks_on_member_remove_url(c.text("Webhooks.OnMemberRemove.Url"))
        .webhooks_on_member_remove_method(method("Webhooks.OnMemberRemove.Method"))
        .webhooks_on_message_sent_url(c.text("Webhooks.OnMessageSent.Url"))
        .webhooks_on_message_sent_method(method("Webhooks.OnMessageSent.Method"))
        .webhooks_on_message_updated_url(c.text("Webhooks.OnMessageUpdated.Url"))
        .webhooks_on_message_updated_method(method("Webhooks.OnMessageUpdated.Method"))
        .webhooks_on_message_removed_url(c.text("Webhooks.OnMessageRemoved.Url"))
        .webhooks_on_message_removed_method(method("Webhooks.OnMessageRemoved.Method"))
        .webhooks_on_channel_added_url(c.text("Webhooks.OnChannelAdded.Url"))
        .webhooks_on_channel_added_method(method("Webhooks.OnChannelAdded.Method"))
        .webhooks_on_channel_destroyed_url(c.text("Webhooks.OnChannelDestroyed.Url"))
        .webhooks_on_channel_destroyed_method(method("Webhooks.OnChannelDestroyed.Method"))
        .webhooks_on_channel_updated_url(c.text("Webhooks.OnChannelUpdated.Url"))
        .webhooks_on_channel_updated_method(method("Webhooks.OnChannelUpdated.Method"))
        .webhooks_on_member_added_url(c.text("Webhooks.OnMemberAdded.Url"))
        .webhooks_on_member_added_method(method("Webhooks.OnMemberAdded.Method"))
        .webhooks_on_member_removed_url(c.text("Webhooks.OnMemberRemoved.Url"))
        .webhooks_on_member_removed_method(method("Webhooks.OnMemberRemoved.Method"))
        .limits_channel_members(c.get("Limits.ChannelMembers"))
        .limits_user_channels(c.get("Limits.UserChannels"))
}

#[tokio::test]
async fn every_operation_against_its_examples() {
    let rows = table();
    assert_eq!(rows.len(), 40, "Chat v1 has 40 operations");
    check_table(&DOC, rows).await;
}

#[tokio::test]
async fn every_answer_of_twilios_library_tests() {
    check_library_answers(&DOC, table()).await;
}

#[tokio::test]
async fn stream_follows_next_page_url_over_channels_and_messages() {
    let service = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().unwrap();

    let server = MockServer::start().await;
    let pages = TwoPages::serve(&server, &DOC, "ListChannel", "PageSize=2").await;
    let channels: Vec<Channel> = client::<Client>(&server)
        .channels(&service)
        .stream(ListChannels::new().page_size(2))
        .try_collect()
        .await
        .expect("both pages of channels");
    assert_eq!(channels.len(), 3);
    pages.assert_streamed(&server, &channels).await;

    let server = MockServer::start().await;
    let pages = TwoPages::serve(&server, &DOC, "ListMessage", "PageSize=2").await;
    let channel = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().unwrap();
    let messages: Vec<Message> = client::<Client>(&server)
        .messages(&service, &channel)
        .stream(ListMessages::new().page_size(2))
        .try_collect()
        .await
        .expect("both pages of messages");
    assert_eq!(messages.len(), 3);
    pages.assert_streamed(&server, &messages).await;
}

// ---------------------------------------------------------------------------------
// Credential's secrets
// ---------------------------------------------------------------------------------

super::secrets::credential_secrets_test!(
    twilio_chat_v1,
    DOC,
    PushService::Fcm,
    "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
);
