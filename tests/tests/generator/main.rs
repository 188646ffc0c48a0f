//! Tests of the generator: snapshots of its output and of its crates' public API,
//! freshness of the committed output, its answers to malformed specs, the importer,
//! and `spec/` witnessed against Twilio's OpenAPI.

mod formatting;
mod fresh;
mod import;
mod malformed;
mod modules;
mod random_specs;
mod snapshots;
mod surface;
mod witness;

/// Every one of Twilio's OpenAPI files imported and generated in memory, once per run
/// of this binary: the tests that read the corpus share it.
pub fn twilio_corpus() -> &'static [xtask::every_api::ApiReport] {
    static CORPUS: std::sync::OnceLock<Vec<xtask::every_api::ApiReport>> =
        std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = tests::workspace_root().join(xtask::every_api::TWILIO_OAI_DIR);
        xtask::every_api::run(&dir).expect("reading Twilio's files")
    })
}
