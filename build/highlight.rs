//! Precompiles the syntax set and themes into binary dumps in OUT_DIR, so start-up neither parses
//! grammar YAML nor rebuilds syntect's defaults (`into_builder()` costs about 200 ms; here it
//! runs once per build).
//!
//! Output: `syntaxes.bin` (syntect's defaults + our two Dockerfile variants, one set) and
//! `themes.bin` (every `assets/themes/*.tmTheme`), both uncompressed bincode dumps.

use std::path::{Path, PathBuf};

use syntect::dumps::dump_to_uncompressed_file;
use syntect::highlighting::ThemeSet;
use syntect::parsing::{SyntaxDefinition, SyntaxSet};

const GRAMMAR: &str = "assets/syntaxes/Dockerfile.sublime-syntax";
const THEMES: &str = "assets/themes";
/// The grammar's escape-character variable, rewritten for the backtick variant.
const ESC_LINE: &str = "  esc: '\\\\'";

pub(crate) fn precompile() {
    println!("cargo::rerun-if-changed=assets/syntaxes");
    println!("cargo::rerun-if-changed=assets/themes");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));

    let grammar = std::fs::read_to_string(GRAMMAR).unwrap_or_else(|e| panic!("{GRAMMAR}: {e}"));
    let mut builder = SyntaxSet::load_defaults_newlines().into_builder();
    builder.add(parse_grammar(&grammar, "Dockerfile"));
    builder.add(parse_grammar(
        &backtick_variant(&grammar),
        "backtick variant",
    ));
    let syntaxes = builder.build();
    // Uncompressed: `dumps::from_uncompressed_data` loads it in about a millisecond, while the
    // zlib form (`dump_binary`/`from_binary`) takes 9-14 ms to inflate at every start.
    let path = out.join("syntaxes.bin");
    dump_to_uncompressed_file(&syntaxes, &path).unwrap_or_else(|e| failed(&path, e));

    let themes = ThemeSet::load_from_folder(THEMES).unwrap_or_else(|e| panic!("{THEMES}: {e}"));
    assert!(
        themes.themes.len() >= 4,
        "{THEMES}: expected ansi, dark, light and high-contrast, found {:?}",
        themes.themes.keys().collect::<Vec<_>>()
    );
    let path = out.join("themes.bin");
    dump_to_uncompressed_file(&themes, &path).unwrap_or_else(|e| failed(&path, e));
}

fn parse_grammar(text: &str, what: &str) -> SyntaxDefinition {
    SyntaxDefinition::load_from_str(text, true, None)
        .unwrap_or_else(|e| panic!("{GRAMMAR} ({what}): {e}"))
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
