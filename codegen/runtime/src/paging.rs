//! Walking a listing page by page, one record at a time, fetching a page only when
//! the consumer asks for a record beyond the ones it already has.

use crate::error::Error;
use crate::page::Page;
use crate::transport::{Request, Transport};
use crate::unread::decode_page;
use futures_util::stream::{self, Stream};
use std::collections::HashSet;
use std::marker::PhantomData;

impl Transport {
    /// Every record of the listing that `first` asks for, page after page.
    ///
    /// Yields the records of the first page, then fetches `meta.next_page_url`
    /// exactly as the API gave it (its query string already holds the filters and
    /// page size), and so on until it is null. A page is fetched only when the
    /// consumer polls past the records it has, so `.take(n)` sends no extra request.
    ///
    /// A next page is followed only on the base URL's scheme, host and port (with a
    /// region or edge set, a link to the default host is moved to the regional
    /// one); any other, or a URL fetched before, ends the stream with
    /// [`Error::Paging`] and nothing is sent to it.
    /// The stream ends after its first error. A `first` that is already an error
    /// (a parameter refused before sending) is the stream's only item.
    pub fn paginate<P: Page>(
        &self,
        first: Result<Request, Error>,
    ) -> impl Stream<Item = Result<P::Item, Error>> + Send + 'static {
        let walk = Walk::<P> {
            client: self.clone(),
            operation: first.as_ref().map_or("", |req| req.operation()),
            records: Vec::new().into_iter(),
            next: Some(Next::First(first)),
            fetched: HashSet::new(),
            next_page: None,
            first_url: None,
            page: PhantomData,
        };
        stream::unfold(walk, |mut walk| async move {
            loop {
                if let Some(record) = walk.records.next() {
                    return Some((Ok(record), walk));
                }
                let next = walk.next.take()?;
                match walk.fetch(next).await {
                    Ok(page) => {
                        let query = page.next_page_query();
                        let (records, meta) = page.into_parts();
                        walk.records = records.into_iter();
                        walk.next = match query {
                            Some((name, value)) => Some(Next::Query(name, value)),
                            None => meta.next_page_url.map(Next::Url),
                        };
                    }
                    // `next` is now `None` and no records are left, so the stream ends.
                    Err(e) => return Some((Err(e), walk)),
                }
            }
        })
    }
}

enum Next {
    First(Result<Request, Error>),
    Url(String),
    /// The first request's URL with this query parameter set to this value.
    Query(&'static str, String),
}

struct Walk<P: Page> {
    client: Transport,
    operation: &'static str,
    records: std::vec::IntoIter<P::Item>,
    next: Option<Next>,
    /// Every URL fetched, to stop a listing whose next page points back.
    fetched: HashSet<String>,
    /// How the next pages are asked for: a GET with the first request's headers.
    next_page: Option<Request>,
    /// The first request's URL, for pages asked for by a query parameter.
    first_url: Option<reqwest::Url>,
    page: PhantomData<fn() -> P>,
}

impl<P: Page> Walk<P> {
    async fn fetch(&mut self, next: Next) -> Result<P, Error> {
        let operation = self.operation;
        let (req, url) = match next {
            Next::First(req) => {
                let req = req?;
                let url = self.client.url_for(&req)?;
                self.next_page = Some(req.next_page());
                self.first_url = Some(url.clone());
                (req, url)
            }
            Next::Query(name, value) => {
                let (Some(req), Some(first)) = (self.next_page.clone(), self.first_url.as_ref())
                else {
                    return Err(Error::Paging(format!(
                        "{operation}: a next page before the first"
                    )));
                };
                (req, with_query(first, name, &value))
            }
            Next::Url(text) => {
                let url = self.client.next_page_url(operation, &text)?;
                let req = self.next_page.clone().ok_or_else(|| {
                    Error::Paging(format!("{operation}: a next page before the first"))
                })?;
                (req, url)
            }
        };
        if !self.fetched.insert(url.as_str().to_owned()) {
            return Err(Error::Paging(format!(
                "{operation}: the next page URL {url} was fetched before; stopping instead of looping"
            )));
        }
        let (status, body) = self.client.execute(&req, url).await?;
        decode_page(operation, status, body)
    }
}

/// `url` with its query parameter `name` set to `value` (last), the others kept in
/// order.
fn with_query(url: &reqwest::Url, name: &str, value: &str) -> reqwest::Url {
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| k != name)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut next = url.clone();
    next.query_pairs_mut()
        .clear()
        .extend_pairs(pairs)
        .append_pair(name, value);
    next
}
