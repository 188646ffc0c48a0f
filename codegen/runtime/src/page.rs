//! What every list response is: its records and the envelope they share.

use serde::{Deserialize, Serialize};

/// Where a page sits in a listing, from a list response's `meta`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PageMeta {
    /// The first page of this listing, with the same filters.
    pub first_page_url: String,
    /// The name of the records array in the response (`invites`).
    pub key: String,
    /// The next page, exactly as the API gave it; `None` on the last page.
    pub next_page_url: Option<String>,
    /// This page's index, from 0.
    pub page: u64,
    /// How many records a page holds.
    pub page_size: u64,
    /// The previous page; `None` on the first page.
    pub previous_page_url: Option<String>,
    /// This page.
    pub url: String,
}

/// A list response: its records and where it sits in the listing. Hidden so that
/// its impls don't show in generated crates' docs.
#[doc(hidden)]
pub trait Page: serde::de::DeserializeOwned + Send + 'static {
    /// One record.
    type Item: serde::de::DeserializeOwned + Send + 'static;

    /// The key of the records' list in the answer (`invites`).
    const RECORDS: &'static str;

    /// The records, to put back those read one by one.
    fn records_mut(&mut self) -> &mut Vec<Self::Item>;

    /// The records, in order, and the page's `meta`.
    fn into_parts(self) -> (Vec<Self::Item>, PageMeta);

    /// For a listing whose next page is the first request again with one query
    /// parameter set, rather than a link: that parameter and its value (`Page` and
    /// the next number, `current_page` and `has_next`; `Token` and `meta.next_token`).
    /// `None` follows `meta.next_page_url` instead.
    fn next_page_query(&self) -> Option<(&'static str, String)> {
        None
    }
}

/// The `meta` of a listing paged by token (numbers_v1's port-in requests): the tokens
/// that ask for the pages beside this one, as the `Token` query parameter.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PageTokens {
    /// The next page's token; `None` (or empty) on the last page.
    #[serde(default)]
    pub next_token: Option<String>,
    /// The previous page's token; `None` on the first page.
    #[serde(default)]
    pub previous_token: Option<String>,
}
