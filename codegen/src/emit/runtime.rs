//! The hand-written runtime in `codegen/runtime/`, copied into every generated crate.

/// Runtime files by name, as they are in `codegen/runtime/`: `mod.rs` and every
/// module it declares. Not `lib.rs` or `tests/`, which build and test the runtime
/// as the crate `codegen-runtime`.
pub const FILES: &[(&str, &str)] = &[
    ("mod.rs", include_str!("../../runtime/mod.rs")),
    ("auth.rs", include_str!("../../runtime/auth.rs")),
    ("builder.rs", include_str!("../../runtime/builder.rs")),
    ("client.rs", include_str!("../../runtime/client.rs")),
    ("date.rs", include_str!("../../runtime/date.rs")),
    ("error.rs", include_str!("../../runtime/error.rs")),
    ("newtype.rs", include_str!("../../runtime/newtype.rs")),
    ("page.rs", include_str!("../../runtime/page.rs")),
    ("paging.rs", include_str!("../../runtime/paging.rs")),
    ("path.rs", include_str!("../../runtime/path.rs")),
    ("retry.rs", include_str!("../../runtime/retry.rs")),
    ("secret.rs", include_str!("../../runtime/secret.rs")),
    ("validate.rs", include_str!("../../runtime/validate.rs")),
];

/// The `[dependencies]` the runtime needs, as in `codegen/runtime/Cargo.toml`.
pub const DEPENDENCIES: &str = r#"fastrand = "2"
fstr = "0.2"
futures-util = { version = "0.3", default-features = false, features = ["std"] }
percent-encoding = "2"
reqwest = { version = "0.13", default-features = false, features = ["rustls", "form"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
thiserror = "2"
time = { version = "0.3", default-features = false, features = ["std", "parsing", "formatting"] }
tokio = { version = "1", features = ["time"] }
"#;

#[cfg(test)]
mod tests {
    use super::{DEPENDENCIES, FILES};

    /// The lines of the `[section]` table of a manifest, without blank lines and
    /// comments.
    fn section<'a>(manifest: &'a str, section: &str) -> Vec<&'a str> {
        let header = format!("[{section}]");
        manifest
            .lines()
            .skip_while(|line| line.trim() != header)
            .skip(1)
            .take_while(|line| !line.starts_with('['))
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect()
    }

    #[test]
    fn dependencies_are_the_runtime_manifests() {
        let workspace = section(
            include_str!("../../../Cargo.toml"),
            "workspace.dependencies",
        );
        // `serde.workspace = true` is the workspace's `serde = …` line.
        let mut runtime: Vec<&str> =
            section(include_str!("../../runtime/Cargo.toml"), "dependencies")
                .into_iter()
                .map(|line| match line.strip_suffix(".workspace = true") {
                    Some(name) => workspace
                        .iter()
                        .find(|l| l.split_once(" = ").is_some_and(|(key, _)| key == name))
                        .copied()
                        .unwrap_or_else(|| panic!("{name} is not a workspace dependency")),
                    None => line,
                })
                .collect();
        runtime.sort_unstable();
        let mut generated: Vec<&str> = DEPENDENCIES.lines().collect();
        generated.sort_unstable();
        assert_eq!(
            generated, runtime,
            "DEPENDENCIES must be codegen/runtime/Cargo.toml's [dependencies]"
        );
    }

    #[test]
    fn files_are_mod_rs_and_every_module_it_declares() {
        let (_, mod_rs) = FILES[0];
        let mut declared: Vec<String> = mod_rs
            .lines()
            .filter_map(|line| line.strip_prefix("pub mod ")?.strip_suffix(';'))
            .map(|name| format!("{name}.rs"))
            .collect();
        declared.insert(0, "mod.rs".into());
        let listed: Vec<&str> = FILES.iter().map(|(name, _)| *name).collect();
        assert_eq!(listed, declared);
    }
}
