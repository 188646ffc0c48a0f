//! The envelope every list response shares.

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
