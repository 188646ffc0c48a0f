//! Answers Twilio's own libraries test their clients with (twilio-python's,
//! twilio-java's, twilio-ruby's and twilio-php's;
//! `tests/fixtures/twilio-library-answers/README.md` says which and how they were
//! taken): each served to its operation's row, which must decode it as it decodes the
//! OpenAPI file's example. These are independent of the file's examples: other dates,
//! SIDs, prices and currencies, `"null"` as a 204's body.

use super::*;
use serde::Deserialize;

/// One line of the fixture.
#[derive(Deserialize)]
struct LibraryAnswer {
    /// The operation whose request the library's test made.
    op: String,
    status: u16,
    /// The body, when it is JSON (`null` when the library served the text `null`).
    #[serde(default)]
    body: Value,
    /// The body, when it is not JSON (a 204's empty body).
    text: Option<String>,
    /// The library tests that serve this answer, for messages.
    sources: Vec<String>,
}

impl LibraryAnswer {
    /// Where the answer of an operation that redirects points: the libraries serve
    /// it without a `Location`, in the body's `redirect_to` (with a 200 as often as a
    /// 307: the API's older answer).
    fn redirect_to(&self) -> &str {
        self.body["redirect_to"]
            .as_str()
            .unwrap_or_else(|| panic!("{}: a redirect without redirect_to", self.op))
    }

    fn template(&self) -> ResponseTemplate {
        let answer = ResponseTemplate::new(self.status);
        match &self.text {
            Some(text) => answer.set_body_string(text.clone()),
            None => answer.set_body_raw(self.body.to_string(), "application/json"),
        }
    }
}

/// Every answer of the fixture for `doc`'s API, against the row of its operation.
pub async fn check_library_answers<C: ApiClient>(doc: &Doc, table: Vec<Row<C>>) {
    let api = doc
        .file
        .trim_start_matches("twilio-oai/")
        .trim_end_matches(".yaml");
    let lines = fixture(&format!("twilio-library-answers/{api}.jsonl"));
    let mut problems = Vec::new();
    let mut answers = 0;
    for line in lines.lines() {
        let answer: LibraryAnswer = serde_json::from_str(line).expect("a fixture line");
        let row = table
            .iter()
            .find(|row| row.op == answer.op)
            .unwrap_or_else(|| panic!("no row for {}", answer.op));
        let op = doc.find(row.op);
        let params = values_to_send(doc, &op, row).expect("the row's values");
        let answered = answer_call(&op, row, params, answer.template()).await;
        let mut found = Vec::new();
        let (status, _, schema) = op.success();
        let redirects = (300..400).contains(&status);
        check_decoded(
            doc,
            answered.decoded,
            Some(answer.body.clone()).filter(|body| !body.is_null() && !redirects),
            schema,
            redirects.then(|| answer.redirect_to()),
            &mut found,
        );
        let source = &answer.sources[0];
        problems.extend(
            found
                .into_iter()
                .map(|p| format!("{} ({source}): {p}", answer.op)),
        );
        answers += 1;
    }
    assert!(answers > 0, "no answers for {api}");
    assert!(
        problems.is_empty(),
        "{} problems in {answers} answers:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}
