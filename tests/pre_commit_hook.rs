//! `.pre-commit-hooks.yaml` at the repository root: it parses, and its entry runs a real
//! subcommand of the binary.

use std::process::Command;

use serde::Deserialize;

#[derive(Deserialize)]
struct Hook {
    id: String,
    language: String,
    entry: String,
    files: String,
}

fn hooks() -> Vec<Hook> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/.pre-commit-hooks.yaml");
    let text = std::fs::read_to_string(path).expect("read .pre-commit-hooks.yaml");
    dockerlings::yaml::parse(&text).expect("parse .pre-commit-hooks.yaml")
}

#[test]
fn the_hook_is_declared_for_dockerfiles_in_rust() {
    let hooks = hooks();
    let hook = hooks
        .iter()
        .find(|h| h.id == "dockerlings-check")
        .expect("a dockerlings-check hook");
    assert_eq!(hook.language, "rust");
    assert!(hook.files.contains("Dockerfile"), "{}", hook.files);
}

#[test]
fn the_entry_names_a_real_subcommand_that_takes_file_names() {
    let hooks = hooks();
    let words: Vec<&str> = hooks[0].entry.split_whitespace().collect();
    assert_eq!(words[0], "dockerlings", "the installed binary");
    // pre-commit appends the staged file names to the entry: run it that way on a file.
    let dir = std::env::temp_dir().join(format!("dockerlings-hook-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("Dockerfile");
    std::fs::write(&file, "FROM alpine:3.22\nMAINTAINER me\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dockerlings"))
        .args(&words[1..])
        .args(["--no-config", "--fail-level", "warning"])
        .arg(&file)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "findings fail the hook: {stdout}"
    );
    assert!(stdout.contains("DL4000"), "{stdout}");
}
