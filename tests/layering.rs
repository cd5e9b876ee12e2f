//! The layers docs/design.md promises, checked on the sources: which top-level modules of the
//! crate each module may name. A `use` that crosses a layer the wrong way fails here with the
//! file and line, before it grows into a cycle.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Modules under the screens, plain mode and the command line; none of those may be named by
/// these.
const CORE: [&str; 13] = [
    "config",
    "course",
    "dockerfile",
    "escape",
    "highlight",
    "inspect",
    "progress",
    "quiz",
    "report",
    "results",
    "safe_fs",
    "workshop",
    "yaml",
];

/// The validator is the bottom layer but for file access, output escaping and YAML.
const DOCKERFILE_MAY_USE: [&str; 4] = ["dockerfile", "escape", "safe_fs", "yaml"];

/// Storage knows neither the pack nor what is made from it (the old quiz ↔ progress cycle).
const PROGRESS_MAY_USE: [&str; 4] = ["escape", "progress", "safe_fs", "yaml"];

/// The files of top-level module `name`: `src/name.rs` or everything under `src/name/`.
fn module_files(name: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let single = src.join(format!("{name}.rs"));
    if single.is_file() {
        return vec![single];
    }
    let mut files = Vec::new();
    let mut dirs = vec![src.join(name)];
    while let Some(dir) = dirs.pop() {
        let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    assert!(!files.is_empty(), "no sources for module `{name}`");
    files.sort();
    files
}

/// A line without its `//` comment (a `//` inside a string literal cuts it early, which only
/// hides text, never invents a path).
fn code_of(line: &str) -> &str {
    line.find("//").map_or(line, |at| &line[..at])
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every position where `path` appears as a whole path segment followed by `::`.
fn path_starts(code: &str, path: &str) -> Vec<usize> {
    code.match_indices(&format!("{path}::"))
        .map(|(at, _)| at)
        .filter(|&at| !code[..at].ends_with(is_ident))
        .collect()
}

/// The top-level modules of this crate a piece of code names: `crate::x::…` and the heads of
/// `crate::{x, y::…}`.
fn crate_modules(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for at in path_starts(code, "crate") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let head: String = item.trim().chars().take_while(|&c| is_ident(c)).collect();
                if !head.is_empty() && head != "self" {
                    found.insert(head);
                }
            }
        } else {
            let head: String = rest.chars().take_while(|&c| is_ident(c)).collect();
            found.insert(head);
        }
    }
    found
}

/// Whether code names the external crate `name` (`name::…` or `use name`).
fn names_crate(code: &str, name: &str) -> bool {
    !path_starts(code, name).is_empty() || code.trim_start().starts_with(&format!("use {name}"))
}

/// Each (file, line number, line) of a module's code.
fn lines_of(module: &str) -> Vec<(PathBuf, usize, String)> {
    let mut out = Vec::new();
    for file in module_files(module) {
        let text = fs::read_to_string(&file).unwrap();
        for (index, line) in text.lines().enumerate() {
            out.push((file.clone(), index + 1, code_of(line).to_owned()));
        }
    }
    out
}

/// Lines of `module` that name a crate module outside `allowed`.
fn crossings(module: &str, allowed: impl Fn(&str) -> bool) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    lines_of(module)
        .into_iter()
        .flat_map(|(file, number, code)| {
            crate_modules(&code)
                .into_iter()
                .filter(|m| !allowed(m))
                .map(move |m| {
                    let file = file
                        .strip_prefix(root)
                        .unwrap_or(&file)
                        .display()
                        .to_string();
                    format!("{file}:{number}: {module} names crate::{m}")
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn assert_none(found: Vec<String>, rule: &str) {
    assert!(
        found.is_empty(),
        "{rule} (see docs/design.md):\n  {}",
        found.join("\n  ")
    );
}

#[test]
fn no_core_module_names_the_screens_or_the_command_line() {
    let found = CORE
        .iter()
        .flat_map(|module| crossings(module, |m| !UIS.contains(&m) && m != "cli"))
        .collect();
    assert_none(found, "core modules must not depend on tui, plain or cli");
}

/// The two ways of showing the course: siblings, neither built on the other.
const UIS: [&str; 2] = ["tui", "plain"];

#[test]
fn the_full_screen_and_the_plain_ui_know_nothing_of_each_other_or_the_command_line() {
    let found = UIS
        .iter()
        .flat_map(|ui| crossings(ui, |m| m == *ui || (!UIS.contains(&m) && m != "cli")))
        .collect();
    assert_none(
        found,
        "tui and plain share the library, not each other's code",
    );
}

#[test]
fn the_validator_knows_nothing_of_the_course_or_the_display() {
    let found = crossings("dockerfile", |m| DOCKERFILE_MAY_USE.contains(&m));
    assert_none(
        found,
        "dockerfile may only use safe_fs, escape and yaml (no course, highlight or config)",
    );
}

#[test]
fn storage_knows_nothing_of_the_pack_or_the_results() {
    let found = crossings("progress", |m| PROGRESS_MAY_USE.contains(&m));
    assert_none(
        found,
        "progress is storage: results and quiz build on it, not it on them",
    );
    let found = crossings("quiz", |m| m != "progress" && m != "results");
    assert_none(
        found,
        "quiz must not name progress or results (they build on quiz)",
    );
}

#[test]
fn highlight_names_no_terminal_or_argument_library() {
    let found: Vec<String> = lines_of("highlight")
        .into_iter()
        .filter(|(_, _, code)| names_crate(code, "clap") || names_crate(code, "ratatui"))
        .map(|(file, number, code)| format!("{}:{number}: {}", file.display(), code.trim()))
        .collect();
    assert_none(
        found,
        "highlight must not name clap or ratatui: their adapters live in cli and tui",
    );
}

#[test]
fn only_the_yaml_module_names_the_yaml_crate() {
    let found: Vec<String> = [CORE.as_slice(), &UIS, &["cli"]]
        .concat()
        .into_iter()
        .filter(|&m| m != "yaml")
        .flat_map(lines_of)
        .filter(|(_, _, code)| names_crate(code, "serde_yaml"))
        .map(|(file, number, _)| format!("{}:{number}", file.display()))
        .collect();
    assert_none(found, "serde_yaml is named only in src/yaml.rs");
}

#[test]
fn the_scanner_sees_the_forms_a_crossing_takes() {
    let names = |code| crate_modules(code_of(code)).into_iter().collect::<Vec<_>>();
    assert_eq!(names("use crate::tui::App;"), ["tui"]);
    assert_eq!(
        names("use crate::{cli, course::Course};"),
        ["cli", "course"]
    );
    assert_eq!(
        names("let x = crate::highlight::Theme::Dark;"),
        ["highlight"]
    );
    assert!(names("/// see [`crate::tui`]").is_empty());
    assert!(names("use my_crate::tui;").is_empty());
    assert!(names_crate("use clap::ValueEnum;", "clap"));
    assert!(names_crate("    clap::ValueEnum,", "clap"));
    assert!(!names_crate("fn clap_hands() {}", "clap"));
}
