//! `src/client.rs`: the constructors of the runtime's `Client` that need the spec's
//! base URL.

use crate::model::Api;
use proc_macro2::TokenStream;
use quote::quote;

pub fn emit(api: &Api) -> TokenStream {
    let base_url = &api.base_url;
    let base_doc = format!(" The API's address, from the spec: `{base_url}`.");
    quote! {
        //! Making a [`Client`]: credentials, address and transport settings.

        use crate::runtime::client::{Client, ClientBuilder, Auth};
        use crate::runtime::error::Error;

        #[doc = #base_doc]
        pub const DEFAULT_BASE_URL: &str = #base_url;

        impl Client {
            /// A client with an Account SID (`AC…`) and its auth token, sending to
            /// [`DEFAULT_BASE_URL`] with the default timeouts and retry policy of
            /// [`ClientBuilder`] and [`RetryPolicy::default`](crate::RetryPolicy::default).
            pub fn new(
                account_sid: impl ::std::convert::Into<::std::string::String>,
                auth_token: impl ::std::convert::Into<::std::string::String>,
            ) -> ::std::result::Result<Client, Error> {
                Client::builder(Auth::auth_token(account_sid, auth_token)).build()
            }

            /// A builder for a client with these credentials: base URL, region and edge,
            /// timeouts, User-Agent suffix, retry policy or an existing `reqwest::Client`.
            pub fn builder(credentials: Auth) -> ClientBuilder {
                ClientBuilder::new(DEFAULT_BASE_URL, credentials)
            }

            /// A client configured from the environment: `TWILIO_ACCOUNT_SID` with
            /// `TWILIO_AUTH_TOKEN` (or `TWILIO_API_KEY` and `TWILIO_API_SECRET`), and
            /// optionally `TWILIO_REGION` and `TWILIO_EDGE`.
            pub fn from_env() -> ::std::result::Result<Client, Error> {
                Client::builder_from_env()?.build()
            }

            /// Like [`Client::from_env`], but returns the builder to adjust further.
            pub fn builder_from_env() -> ::std::result::Result<ClientBuilder, Error> {
                ClientBuilder::from_env(DEFAULT_BASE_URL)
            }
        }
    }
}
