//! The syntax set and themes that build.rs precompiled, embedded in the binary and loaded once.

use std::sync::OnceLock;

use syntect::highlighting::ThemeSet;
use syntect::parsing::SyntaxSet;

static SYNTAX_DUMP: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/syntaxes.bin"));
static THEME_DUMP: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/themes.bin"));

/// Name of our grammar in the set, and of its variant for files declaring `# escape=``.
pub const DOCKERFILE: &str = "Dockerfile";
pub const DOCKERFILE_BACKTICK: &str = "Dockerfile (backtick escape)";

/// syntect's default syntaxes plus our Dockerfile grammars, in one set.
pub fn syntax_set() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(load_syntax_set)
}

/// Our themes: `ansi`, `dark`, `light`, `high-contrast`.
pub fn theme_set() -> &'static ThemeSet {
    static SET: OnceLock<ThemeSet> = OnceLock::new();
    SET.get_or_init(load_theme_set)
}

/// Deserialises the embedded syntax dump (not cached: for benchmarks and tests).
pub fn load_syntax_set() -> SyntaxSet {
    // The dump was written by our own build script from the same syntect version; failing here
    // means a broken build, not bad user input.
    syntect::dumps::from_uncompressed_data(SYNTAX_DUMP).expect("embedded syntax dump is valid")
}

/// Deserialises the embedded theme dump (not cached: for benchmarks and tests).
pub fn load_theme_set() -> ThemeSet {
    syntect::dumps::from_uncompressed_data(THEME_DUMP).expect("embedded theme dump is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_holds_defaults_and_both_dockerfile_variants() {
        let set = syntax_set();
        assert!(set.find_syntax_by_name(DOCKERFILE).is_some());
        assert!(set.find_syntax_by_name(DOCKERFILE_BACKTICK).is_some());
        assert!(
            set.find_syntax_by_scope("source.shell.bash".parse().unwrap())
                .is_some()
        );
        assert!(set.find_syntax_by_token("rust").is_some());
        // The variant is only reachable by name.
        assert_eq!(
            set.find_syntax_by_extension("Dockerfile").unwrap().name,
            DOCKERFILE
        );
    }

    #[test]
    fn all_four_themes_are_embedded() {
        let names: Vec<_> = theme_set().themes.keys().cloned().collect();
        for name in ["ansi", "dark", "light", "high-contrast"] {
            assert!(
                names.iter().any(|n| n == name),
                "{name} missing from {names:?}"
            );
        }
    }
}
