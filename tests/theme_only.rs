//! Every style the terminal UI draws with comes from the theme (src/tui/theme.rs), so `--theme`
//! and NO_COLOR reach all of it: no screen names a colour or a text attribute of its own.
//! src/tui/hl_style.rs converts the highlighter's own styles and is the one other exception.

use std::path::{Path, PathBuf};

/// What a file outside the theme must not say.
const FORBIDDEN: [&str; 5] = ["Color::", "Modifier::", ".fg(", ".bg(", ".add_modifier("];

const ALLOWED: [&str; 2] = ["src/tui/theme.rs", "src/tui/hl_style.rs"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code before its unit tests (tests may build styles to compare against).
fn code_of(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests")
        .map_or(text, |i| &text[..i])
}

/// `(file:line, line)` for each forbidden use in `src/tui` outside the allowed files.
fn styles_outside_the_theme(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&root.join("src/tui"), &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let rel = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if ALLOWED.contains(&rel.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in code_of(&text).lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if FORBIDDEN.iter().any(|f| code.contains(f)) {
                found.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn no_style_is_made_outside_the_theme() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = styles_outside_the_theme(root);
    assert!(
        found.is_empty(),
        "styles made outside src/tui/theme.rs:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_a_colour_where_there_is_one() {
    // The scan itself: a file with a colour in its code (not in its tests) is reported.
    let dir = tempfile::tempdir().unwrap();
    let screens = dir.path().join("src/tui/screens");
    std::fs::create_dir_all(&screens).unwrap();
    std::fs::write(
        screens.join("bad.rs"),
        "fn f() -> Style { Style::new().fg(Color::Yellow) }\n\
         #[cfg(test)]\nmod tests {\n    const C: Color = Color::Red;\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("src/tui/theme.rs"),
        "const C: Color = Color::Red;\n",
    )
    .unwrap();
    let found = styles_outside_the_theme(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("src/tui/screens/bad.rs:1:"));
}
