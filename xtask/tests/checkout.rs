//! `cargo xtask` acts on the checkout it is run in, not the one it was built in: with
//! a target dir shared by two checkouts, cargo runs in one a binary built in the
//! other. Here the binary built in this repository is run in a second checkout laid
//! out in a temporary folder, as cargo would run it there.

use std::path::{Path, PathBuf};
use std::process::Command;

/// This repository, which built the binary.
fn this_repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ is in the repository")
        .to_path_buf()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("readable") {
        let path = entry.expect("an entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copied");
        }
    }
}

/// A second checkout with one spec folder, the runtime and the xtask manifest.
fn other_checkout() -> PathBuf {
    let root = std::env::temp_dir().join(format!("xtask-checkout-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let repo = this_repo();
    for dir in ["spec/twilio-conversations-v1", "codegen/runtime/src"] {
        copy_dir(&repo.join(dir), &root.join(dir));
    }
    for file in [
        "xtask/Cargo.toml",
        "codegen/runtime/Cargo.toml",
        "codegen/runtime/released-api.jsonl",
    ] {
        std::fs::create_dir_all(root.join(file).parent().expect("a parent")).expect("a folder");
        std::fs::copy(repo.join(file), root.join(file)).expect("copied");
    }
    root
}

#[test]
fn gen_regenerates_the_checkout_it_runs_in() {
    let other = other_checkout();
    let lib = Path::new("generated/twilio-conversations-v1/src/lib.rs");
    let ours = std::fs::metadata(this_repo().join(lib))
        .expect("our lib.rs")
        .modified()
        .ok();
    // As `cargo xtask gen` runs it in the other checkout.
    let status = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("gen")
        .current_dir(&other)
        .env("CARGO_MANIFEST_DIR", other.join("xtask"))
        .status()
        .expect("xtask runs");
    assert!(status.success());
    assert!(
        other.join(lib).is_file(),
        "the other checkout was not generated"
    );
    assert_eq!(
        std::fs::read_to_string(other.join(lib)).expect("theirs"),
        std::fs::read_to_string(this_repo().join(lib)).expect("ours"),
    );
    let after = std::fs::metadata(this_repo().join(lib))
        .expect("our lib.rs")
        .modified()
        .ok();
    assert_eq!(ours, after, "this checkout was written to");

    // Run from a folder inside it, without cargo's variable: found by walking up.
    std::fs::remove_dir_all(other.join("generated")).expect("removed");
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("check")
        .current_dir(other.join("spec"))
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .expect("xtask runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        format!("{stdout}{stderr}").contains("generated/twilio-conversations-v1"),
        "{stdout}{stderr}"
    );
    let _ = std::fs::remove_dir_all(&other);
}
