//! Precompiles the syntax set and themes into binary dumps in OUT_DIR, so start-up neither parses
//! grammar YAML nor rebuilds syntect's defaults (`into_builder()` costs about 200 ms; here it
//! runs once per build).
//!
//! Output: `syntaxes.bin` (our grammars: the two Dockerfile variants and the shell they embed),
//! `themes.bin` (every `assets/themes/*.tmTheme`), both uncompressed bincode dumps; and
//! `other_syntaxes.bin` (syntect's defaults, compressed) with `other_syntaxes.txt`, the fence
//! names it answers to, so the app loads it only for a block in another language.

use std::path::{Path, PathBuf};

use syntect::dumps::{dump_to_file, dump_to_uncompressed_file};
use syntect::highlighting::ThemeSet;
use syntect::parsing::{SyntaxDefinition, SyntaxSet, SyntaxSetBuilder};

const GRAMMAR: &str = "assets/syntaxes/Dockerfile.sublime-syntax";
const SHELL: &str = "assets/syntaxes/Shell.sublime-syntax";
const THEMES: &str = "assets/themes";
/// The grammar's escape-character variable, rewritten for the backtick variant.
const ESC_LINE: &str = "  esc: '\\\\'";

pub(crate) fn precompile() {
    println!("cargo::rerun-if-changed=assets/syntaxes");
    println!("cargo::rerun-if-changed=assets/themes");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));

    let grammar = read(GRAMMAR);
    let mut builder = SyntaxSetBuilder::new();
    builder.add(parse_grammar(&grammar, GRAMMAR));
    builder.add(parse_grammar(&backtick_variant(&grammar), GRAMMAR));
    builder.add(parse_grammar(&read(SHELL), SHELL));
    let syntaxes = builder.build();
    // Uncompressed: `dumps::from_uncompressed_data` loads it in well under a millisecond, while
    // the zlib form (`dump_binary`/`from_binary`) takes milliseconds to inflate at every start.
    let path = out.join("syntaxes.bin");
    dump_to_uncompressed_file(&syntaxes, &path).unwrap_or_else(|e| failed(&path, e));

    // Other languages are rare in a course: compressed, and inflated only when asked for.
    let others = SyntaxSet::load_defaults_newlines();
    let path = out.join("other_syntaxes.bin");
    dump_to_file(&others, &path).unwrap_or_else(|e| failed(&path, e));
    let path = out.join("other_syntaxes.txt");
    std::fs::write(&path, fence_names(&others)).unwrap_or_else(|e| failed(&path, e));

    let themes = ThemeSet::load_from_folder(THEMES).unwrap_or_else(|e| panic!("{THEMES}: {e}"));
    assert!(
        themes.themes.len() >= 4,
        "{THEMES}: expected ansi, dark, light and high-contrast, found {:?}",
        themes.themes.keys().collect::<Vec<_>>()
    );
    let path = out.join("themes.bin");
    dump_to_uncompressed_file(&themes, &path).unwrap_or_else(|e| failed(&path, e));
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn parse_grammar(text: &str, path: &str) -> SyntaxDefinition {
    SyntaxDefinition::load_from_str(text, true, None).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// What `SyntaxSet::find_syntax_by_token` matches, lowercased, one a line: every file extension
/// and every syntax name.
fn fence_names(set: &SyntaxSet) -> String {
    let mut names: Vec<String> = set
        .syntaxes()
        .iter()
        .flat_map(|s| s.file_extensions.iter().chain([&s.name]))
        .map(|n| n.to_lowercase())
        .collect();
    names.sort();
    names.dedup();
    names.join("\n")
}

/// The same grammar with `` ` `` as the escape character (`# escape=``). A grammar cannot read
/// the directive itself, so the highlighter picks this variant after a pre-pass.
fn backtick_variant(grammar: &str) -> String {
    assert!(
        grammar.lines().any(|l| l == ESC_LINE),
        "{GRAMMAR}: the line `{ESC_LINE}` is needed to derive the backtick variant"
    );
    let mut out = String::with_capacity(grammar.len() + 64);
    let mut in_extensions = false;
    for line in grammar.lines() {
        // The variant is chosen by name, never by file extension or first line.
        in_extensions = (in_extensions && line.starts_with("  - ")) || line == "file_extensions:";
        if in_extensions || line.starts_with("first_line_match:") {
            continue;
        }
        out.push_str(match line {
            ESC_LINE => "  esc: '`'",
            "name: Dockerfile" => "name: Dockerfile (backtick escape)\nhidden: true",
            "scope: source.dockerfile" => "scope: source.dockerfile.backtick-escape",
            _ => line,
        });
        out.push('\n');
    }
    out
}

fn failed(path: &Path, e: impl std::fmt::Display) -> ! {
    panic!("{}: {e}", path.display())
}
