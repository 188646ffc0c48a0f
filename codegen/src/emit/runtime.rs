//! The hand-written runtime in `codegen/runtime/`, copied into every generated crate.

/// Runtime files by name, as they are in `codegen/runtime/`.
pub const FILES: &[(&str, &str)] = &[
    ("mod.rs", include_str!("../../runtime/mod.rs")),
    ("date.rs", include_str!("../../runtime/date.rs")),
    ("page.rs", include_str!("../../runtime/page.rs")),
    ("validate.rs", include_str!("../../runtime/validate.rs")),
];
