//! Paging over two resources: two example pages served in turn, and what a stream
//! over them must yield.

use super::*;

/// The first example answer of the list `op` with records (`readFull`; some lists
/// give `readEmpty` first).
pub(super) fn full_page_example(op: &Operation) -> Value {
    let (_, content) = op.answer();
    let examples = content["examples"].as_object().expect("examples");
    examples
        .values()
        .map(|example| example["value"].clone())
        .find(|page| {
            let key = page["meta"]["key"].as_str().unwrap_or_default();
            page[key]
                .as_array()
                .is_some_and(|records| !records.is_empty())
        })
        .unwrap_or_else(|| panic!("{}: no example page with records", op.id))
}

/// A list served in two pages built from its OpenAPI example: page 0 has records 1
/// and 2 and links to page 1 on the same server, page 1 has record 3 and no next page.
pub struct TwoPages<'a> {
    doc: &'a Doc,
    op_id: &'static str,
    /// The records, in order.
    pub served: Vec<Value>,
    /// The query of each page's request.
    queries: [String; 2],
}

impl<'a> TwoPages<'a> {
    /// Serves `doc`'s list `op_id` on `server`, each page once: page 0 to a request
    /// whose query is exactly `first_query` (what the caller's parameters send; empty
    /// for none).
    pub async fn serve(
        server: &MockServer,
        doc: &'a Doc,
        op_id: &'static str,
        first_query: &str,
    ) -> TwoPages<'a> {
        let op = doc.find(op_id);
        let example = full_page_example(&op);
        let key = example["meta"]["key"]
            .as_str()
            .expect("meta.key")
            .to_owned();
        let template = example[&key][0].clone();
        let prefix = &template["sid"].as_str().expect("a record SID")[..2];
        let record = |n: u32| {
            let mut record = template.clone();
            record["sid"] = format!("{prefix}{n:032x}").into();
            record
        };
        let collection = op.expected_path();
        let base = format!("{}{collection}", server.uri());
        let queries = [
            first_query.to_owned(),
            "PageSize=2&Page=1&PageToken=PT1".to_owned(),
        ];
        let pages = [vec![record(1), record(2)], vec![record(3)]];
        for (i, (query, records)) in queries.iter().zip(&pages).enumerate() {
            let mut body = example.clone();
            body[&key] = Value::Array(records.clone());
            body["meta"]["page"] = i.into();
            body["meta"]["page_size"] = 2.into();
            let url = |query: &str| match query {
                "" => base.clone(),
                query => format!("{base}?{query}"),
            };
            body["meta"]["url"] = url(query).into();
            body["meta"]["next_page_url"] = queries
                .get(i + 1)
                .map_or(Value::Null, |next| url(next).into());
            let query_is = match query.as_str() {
                "" => QueryIs::none(),
                query => QueryIs::exactly(query),
            };
            Mock::given(method("GET"))
                .and(path(collection.as_str()))
                .and(query_is)
                .respond_with(json(200, &body))
                .expect(1)
                .mount(server)
                .await;
        }
        TwoPages {
            doc,
            op_id,
            served: pages.concat(),
            queries,
        }
    }

    /// Checks `records` (as JSON) against the served ones, as the table checks a
    /// record.
    pub fn assert_records(&self, records: &Value) {
        let op = self.doc.find(self.op_id);
        let (_, _, page_schema) = op.success();
        let example = full_page_example(&op);
        let key = example["meta"]["key"].as_str().expect("meta.key");
        let mut problems = Vec::new();
        compare(
            self.doc,
            &Value::Array(self.served.clone()),
            records,
            &self.doc.resolve(page_schema)["properties"][key],
            self.op_id,
            &mut problems,
        );
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Checks the streamed records, and that the stream asked for page 0, then page
    /// 1, then stopped.
    pub async fn assert_streamed<T: serde::Serialize>(&self, server: &MockServer, streamed: &[T]) {
        self.assert_records(&serde_json::to_value(streamed).expect("encodes"));
        let queries: Vec<String> = received(server)
            .await
            .iter()
            .filter(|r| r.method.as_str() == "GET")
            .map(|r| r.url.query().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(queries, self.queries, "{}", self.op_id);
    }
}
