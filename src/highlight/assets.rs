//! The syntax sets and themes that build.rs precompiled, embedded in the binary and loaded once:
//! ours at first use, syntect's defaults only when a block is in one of their languages.

use std::sync::OnceLock;

use syntect::highlighting::ThemeSet;
use syntect::parsing::SyntaxSet;

static SYNTAX_DUMP: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/syntaxes.bin"));
static THEME_DUMP: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/themes.bin"));
static OTHER_DUMP: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/other_syntaxes.bin"));
/// Every name `find_syntax_by_token` knows in the other set, lowercased, one a line.
static OTHER_NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/other_syntaxes.txt"));

/// Name of our grammar in the set, and of its variant for files declaring `# escape=``.
pub(super) const DOCKERFILE: &str = "Dockerfile";
pub(crate) const DOCKERFILE_BACKTICK: &str = "Dockerfile (backtick escape)";

/// Our grammars: the Dockerfile, its backtick variant and the shell they embed.
pub(crate) fn syntax_set() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(load_syntax_set)
}

/// syntect's default syntaxes, for fences in other languages; `None` when `token` (lowercase)
/// names none of them, without inflating the set (about 10 ms and a few MB).
pub(crate) fn other_syntax_set(token: &str) -> Option<&'static SyntaxSet> {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    OTHER_NAMES
        .lines()
        .any(|name| name == token)
        .then(|| SET.get_or_init(load_other_syntax_set))
}

/// Our themes: `ansi`, `dark`, `light`, `high-contrast`.
pub(crate) fn theme_set() -> &'static ThemeSet {
    static SET: OnceLock<ThemeSet> = OnceLock::new();
    SET.get_or_init(load_theme_set)
}

/// Deserialises the embedded syntax dump (not cached: for benchmarks and tests).
pub fn load_syntax_set() -> SyntaxSet {
    // The dump was written by our own build script from the same syntect version; failing here
    // means a broken build, not bad user input.
    syntect::dumps::from_uncompressed_data(SYNTAX_DUMP).expect("embedded syntax dump is valid")
}

/// Inflates and deserialises the embedded dump of syntect's defaults (not cached).
pub(crate) fn load_other_syntax_set() -> SyntaxSet {
    syntect::dumps::from_binary(OTHER_DUMP)
}

/// Deserialises the embedded theme dump (not cached: for benchmarks and tests).
pub fn load_theme_set() -> ThemeSet {
    syntect::dumps::from_uncompressed_data(THEME_DUMP).expect("embedded theme dump is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_set_holds_both_dockerfile_variants_and_the_shell() {
        let set = syntax_set();
        assert!(set.find_syntax_by_name(DOCKERFILE).is_some());
        assert!(set.find_syntax_by_name(DOCKERFILE_BACKTICK).is_some());
        assert!(
            set.find_syntax_by_scope("source.shell.bash".parse().unwrap())
                .is_some()
        );
        assert_eq!(
            set.find_syntax_by_token("sh").unwrap().name,
            "Shell (dockerlings)"
        );
        assert!(set.find_syntax_by_token("rust").is_none());
        // The variant is only reachable by name.
        assert_eq!(
            set.find_syntax_by_extension("Dockerfile").unwrap().name,
            DOCKERFILE
        );
    }

    #[test]
    fn other_languages_come_from_the_other_set_and_only_when_named() {
        let rust = other_syntax_set("rust").expect("syntect's defaults know rust");
        assert!(rust.find_syntax_by_token("rust").is_some());
        assert!(other_syntax_set("yaml").is_some());
        for unknown in ["text", "no-such-language", ""] {
            assert!(other_syntax_set(unknown).is_none(), "{unknown}");
        }
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
