//! `src/client.rs`: the crate's `Client`, its builder, and the base URL from the spec.
//! The handle makers (`Client::invites`) are emitted beside each resource.

use super::ident;
use crate::generated_crate::{self as krate, client_fns, RUNTIME_LIB};
use crate::model::Api;
use proc_macro2::TokenStream;
use quote::quote;

pub fn emit(api: &Api) -> TokenStream {
    let base_url = &api.base_url;
    let base_doc = format!(" The API's address, from its description: `{base_url}`.");
    let client_doc = format!(
        " A client for {}: credentials, settings and a connection pool, cheap to clone \
         (the clones share the pool) and usable from many tasks at once.",
        super::docs::escape(&api.title)
    );
    let runtime = ident(RUNTIME_LIB);
    let (client, builder, base) = (
        ident(krate::CLIENT),
        ident(krate::CLIENT_BUILDER),
        ident(krate::DEFAULT_BASE_URL),
    );
    let derives = client_fns::DERIVES.iter().map(|(name, _)| ident(name));
    let transport = ident(client_fns::TRANSPORT_FIELD);
    let [builder_fn, from_env, builder_from_env, base_url_fn] = [
        client_fns::BUILDER,
        client_fns::FROM_ENV,
        client_fns::BUILDER_FROM_ENV,
        client_fns::BASE_URL,
    ]
    .map(ident);
    let auth = &api.auth;
    let (new_fn, account_sid_fn) = basic_fns(api);
    let (account_field, account_init, account_fns) = acting_account(api);
    let builder_doc = builder_doc(auth);
    let from_env_doc = from_env_doc(auth);
    let api_client = api_client_impl(api, account_init);
    quote! {
        //! Making a [`Client`]: credentials, address and transport settings.

        #[doc = #base_doc]
        pub const #base: &str = #base_url;

        /// Configures a [`Client`]: base URL (for tests and proxies), region and edge,
        /// timeouts, `User-Agent` suffix, retry policy, body limit, or an existing
        /// `reqwest::Client`. Made by [`Client::builder`] or
        /// [`Client::builder_from_env`].
        pub type #builder = ::#runtime::ClientBuilder<#client>;

        #[doc = #client_doc]
        ///
        /// Each resource has a handle, made by the method of its plural name
        /// (`client.services()`), which carries the path parameters its operations
        /// share.
        #[derive(#(#derives),*)]
        pub struct #client {
            pub(crate) #transport: crate::runtime::Transport,
            #account_field
        }

        impl #client {
            #new_fn

            #account_fns

            #(#[doc = #builder_doc])*
            pub fn #builder_fn(auth: crate::Auth) -> #builder {
                #builder::new(auth)
            }

            #(#[doc = #from_env_doc])*
            pub fn #from_env() -> ::std::result::Result<#client, crate::Error> {
                #builder::from_env()?.build()
            }

            /// Like [`Client::from_env`], but returns the builder to adjust further.
            pub fn #builder_from_env() -> ::std::result::Result<#builder, crate::Error> {
                #builder::from_env()
            }

            /// Where requests go: the default host, the regional one, or the base URL
            /// given to the builder.
            pub fn #base_url_fn(&self) -> &str {
                self.#transport.base_url()
            }

            #account_sid_fn
        }

        #api_client
    }
}

/// What the runtime asks of the client: its address, `User-Agent`, the credentials
/// it takes, and how it is made from a transport (`account_init`: the acting account's
/// field, if it has one).
fn api_client_impl(api: &Api, account_init: Option<TokenStream>) -> TokenStream {
    let auth = &api.auth;
    let (client, base) = (ident(krate::CLIENT), ident(krate::DEFAULT_BASE_URL));
    let transport = ident(client_fns::TRANSPORT_FIELD);
    let takes_basic = (!auth.basic).then(|| {
        quote!(
            const TAKES_BASIC: bool = false;
        )
    });
    let token_path = auth.oauth2.as_ref().map(|o| {
        let path = &o.token_path;
        quote! {
            const OAUTH2_TOKEN_PATH: ::std::option::Option<&'static str> =
                ::std::option::Option::Some(#path);
        }
    });
    quote! {
        impl crate::runtime::ApiClient for #client {
            const DEFAULT_BASE_URL: &'static str = #base;
            const USER_AGENT: &'static str =
                ::std::concat!(::std::env!("CARGO_PKG_NAME"), "/", ::std::env!("CARGO_PKG_VERSION"));
            #takes_basic
            #token_path

            fn from_transport(#transport: crate::runtime::Transport) -> Self {
                #client { #transport, #account_init }
            }
        }
    }
}

/// `new(account_sid, auth_token)` and `account_sid()`, which are Basic's: an OAuth
/// app names no account.
fn basic_fns(api: &Api) -> (Option<TokenStream>, Option<TokenStream>) {
    let auth = &api.auth;
    let (client, builder, transport) = (
        ident(krate::CLIENT),
        ident(krate::CLIENT_BUILDER),
        ident(client_fns::TRANSPORT_FIELD),
    );
    let (new, account_sid) = (ident(client_fns::NEW), ident(client_fns::ACCOUNT_SID));
    let new_fn = auth.basic.then(|| {
        quote! {
            /// A client with an Account SID (`AC…`) and its auth token, sending to
            /// [`DEFAULT_BASE_URL`] with the default settings of [`ClientBuilder`].
            pub fn #new(
                account_sid: impl ::std::convert::Into<::std::string::String>,
                auth_token: impl ::std::convert::Into<::std::string::String>,
            ) -> ::std::result::Result<#client, crate::Error> {
                #builder::new(crate::Auth::auth_token(account_sid, auth_token)).build()
            }
        }
    });
    let account_sid_fn = auth.basic.then(|| {
        let doc = if auth.oauth2.is_some() {
            " The Account SID the client acts for; empty with OAuth2 client credentials."
        } else {
            " The Account SID the client acts for."
        };
        // A client made to act for another account answers with that one.
        let sid = match api.client_account {
            Some(_) => quote! {
                match &self.account {
                    ::std::option::Option::Some(account) => account.as_str(),
                    ::std::option::Option::None => self.#transport.account_sid(),
                }
            },
            None => quote!(self.#transport.account_sid()),
        };
        quote! {
            #[doc = #doc]
            pub fn #account_sid(&self) -> &str {
                #sid
            }
        }
    });
    (new_fn, account_sid_fn)
}

/// With `api.client_account`: the account a client acts for, its own unless
/// `with_account` chose another, which handles under that path parameter fill in.
fn acting_account(
    api: &Api,
) -> (
    Option<TokenStream>,
    Option<TokenStream>,
    Option<TokenStream>,
) {
    let Some(account) = &api.client_account else {
        return (None, None, None);
    };
    let ty = ident(&account.ty);
    let wire = &account.wire;
    let field = quote! {
        /// The account it acts for, when not its own (`with_account`).
        pub(crate) account: ::std::option::Option<crate::types::#ty>,
    };
    let with_doc = format!(
        " The same client (credentials, settings, connection pool) acting for another \
         account, such as a subaccount: the handles it makes fill `{wire}` with it."
    );
    let fns = quote! {
        #[doc = #with_doc]
        pub fn with_account(&self, account_sid: &crate::types::#ty) -> Self {
            let mut client = ::std::clone::Clone::clone(self);
            client.account = ::std::option::Option::Some(*account_sid);
            client
        }

        /// The account handles act for: the one `with_account` chose, else the
        /// credentials' own, checked like any SID.
        pub(crate) fn acting_account(&self) -> ::std::result::Result<crate::types::#ty, crate::ValidationError> {
            match self.account {
                ::std::option::Option::Some(account) => ::std::result::Result::Ok(account),
                ::std::option::Option::None => self.account_sid().parse(),
            }
        }
    };
    (
        Some(field),
        Some(quote!(account: ::std::option::Option::None,)),
        Some(fns),
    )
}

/// `Client::builder`'s docs: which credentials it takes, and where OAuth2 ones go.
fn builder_doc(auth: &crate::model::Auth) -> Vec<String> {
    match (auth.basic, &auth.oauth2) {
        (true, None) => vec![" A builder for a client with these credentials.".into()],
        (basic, Some(oauth2)) => vec![
            " A builder for a client with these credentials: OAuth2 client credentials".into(),
            " ([`Auth::client_credentials`](crate::Auth::client_credentials)), traded for a"
                .into(),
            format!(
                " bearer token at `{}` on the client's base URL{}",
                oauth2.token_path,
                if basic {
                    ", or HTTP Basic ones."
                } else {
                    ". HTTP Basic credentials"
                }
            ),
            if basic {
                " ([`Auth::auth_token`](crate::Auth::auth_token), [`Auth::api_key`](crate::Auth::api_key))."
            } else {
                " are refused: [`ClientBuilder::build`] fails with [`Error::Config`](crate::Error::Config)."
            }
            .into(),
        ],
        (false, None) => vec![" A builder for a client with these credentials.".into()],
    }
}

/// `Client::from_env`'s docs: the variables it reads.
fn from_env_doc(auth: &crate::model::Auth) -> Vec<String> {
    match (auth.basic, auth.oauth2.is_some()) {
        (true, false) => vec![
            " A client configured from the environment: `TWILIO_ACCOUNT_SID` with".into(),
            " `TWILIO_AUTH_TOKEN` (or `TWILIO_API_KEY` and `TWILIO_API_SECRET`), and".into(),
            " optionally `TWILIO_REGION` and `TWILIO_EDGE`.".into(),
        ],
        (false, _) => vec![
            " A client configured from the environment: `TWILIO_CLIENT_ID` with".into(),
            " `TWILIO_CLIENT_SECRET`, and optionally `TWILIO_REGION` and `TWILIO_EDGE`.".into(),
        ],
        (true, true) => vec![
            " A client configured from the environment: `TWILIO_CLIENT_ID` with".into(),
            " `TWILIO_CLIENT_SECRET` when either is set, else `TWILIO_ACCOUNT_SID` with".into(),
            " `TWILIO_AUTH_TOKEN` (or `TWILIO_API_KEY` and `TWILIO_API_SECRET`); and".into(),
            " optionally `TWILIO_REGION` and `TWILIO_EDGE`.".into(),
        ],
    }
}

#[cfg(test)]
mod tests {
    use crate::generated_crate::client_fns;
    use std::collections::BTreeSet;

    /// The names lowering reserves for `Client` are the functions emitted here, and
    /// the field and derives: a method added here without its name on the list
    /// would let a resource take it.
    #[test]
    fn reserved_client_names_are_what_is_emitted() {
        let sources = [crate::SourceFile {
            name: "spec.yaml".into(),
            text: "api: {crate: x-api, version: 0.1.0, title: X, base_url: 'https://x.twilio.com', auth: basic}\n".into(),
        }];
        let api = crate::check(&sources).expect("a spec with no resources is valid");
        let file: syn::File = syn::parse2(super::emit(&api)).expect("valid Rust");
        let mut emitted = BTreeSet::new();
        for item in &file.items {
            match item {
                syn::Item::Impl(block) if block.trait_.is_none() => {
                    for item in &block.items {
                        if let syn::ImplItem::Fn(f) = item {
                            emitted.insert(f.sig.ident.to_string());
                        }
                    }
                }
                syn::Item::Struct(s) => {
                    emitted.extend(
                        s.fields
                            .iter()
                            .filter_map(|f| Some(f.ident.as_ref()?.to_string())),
                    );
                }
                _ => {}
            }
        }
        emitted.extend(client_fns::DERIVES.iter().map(|(_, m)| m.to_string()));
        let reserved: BTreeSet<String> = client_fns::reserved()
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(emitted, reserved);
    }
}
