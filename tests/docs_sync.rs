//! The parts of the documentation that are generated: README.md's course summary and keys
//! table, and docs/rules.md. Each is compared with what the code says now; on a mismatch the
//! message says how to regenerate (`UPDATE_DOCS=1 cargo test --test docs_sync` rewrites the
//! README's blocks; docs/rules.md is `dockerlings rules --format markdown`). Every relative
//! link in README.md and docs/ must name a file that exists.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use assert_cmd::Command;
use dockerlings::course::Course;
use dockerlings::quiz::{QuestionKind, QuizBook};
use dockerlings::tui::keys::{self, Context};

const REGENERATE: &str = "UPDATE_DOCS=1 cargo test --test docs_sync";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The text between `<!-- NAME:start … -->` and `<!-- NAME:end -->` (exclusive of both lines).
fn block_range(text: &str, name: &str) -> std::ops::Range<usize> {
    let start_tag = format!("<!-- {name}:start");
    let end_tag = format!("<!-- {name}:end -->");
    let start = text
        .find(&start_tag)
        .unwrap_or_else(|| panic!("README.md has no `{start_tag} … -->` line"));
    let start = start
        + text[start..]
            .find('\n')
            .expect("a line break after the start tag")
        + 1;
    let end = start
        + text[start..]
            .find(&end_tag)
            .unwrap_or_else(|| panic!("README.md has no `{end_tag}` line"));
    start..end
}

/// Compares README.md's block `name` with `wanted`, or rewrites it when UPDATE_DOCS is set.
fn check_readme_block(name: &str, wanted: &str, what: &str) {
    // Tests run in parallel; two rewrites of README.md must not interleave.
    static README: Mutex<()> = Mutex::new(());
    let _one_at_a_time = README
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let path = root().join("README.md");
    let text = fs::read_to_string(&path).unwrap();
    let range = block_range(&text, name);
    if text[range.clone()] == *wanted {
        return;
    }
    if std::env::var_os("UPDATE_DOCS").is_some() {
        let mut new = text.clone();
        new.replace_range(range, wanted);
        fs::write(&path, new).unwrap();
        return;
    }
    let shown = similar_lines(&text[range], wanted);
    panic!("README.md's {what} is out of date; run `{REGENERATE}` to rewrite it.\n{shown}");
}

/// The first line that differs, for the failure message.
fn similar_lines(have: &str, wanted: &str) -> String {
    let mut have_lines = have.lines();
    for (number, line) in wanted.lines().enumerate() {
        let old = have_lines.next().unwrap_or("<missing>");
        if old != line {
            return format!(
                "block line {}:\n  README: {old}\n  wanted: {line}",
                number + 1
            );
        }
    }
    "the README block has extra lines".to_string()
}

/// The course summary: counts and the lesson list, from `lessons/` as it is now.
fn course_block() -> String {
    let course = Course::load_dir(root().join("lessons")).expect("lessons/ loads");
    assert!(
        course.errors.is_empty(),
        "lessons/ has errors: {:?}",
        course.errors
    );
    let book = QuizBook::for_course(&course);
    let quizzes: Vec<_> = course
        .lessons
        .iter()
        .filter_map(|lesson| book.for_lesson(&lesson.id))
        .collect();
    let questions: usize = quizzes.iter().map(|q| q.questions.len()).sum();
    let exercises = quizzes
        .iter()
        .flat_map(|q| &q.questions)
        .filter(|q| matches!(q.kind, QuestionKind::Dockerfile(_)))
        .count();
    let mut out = format!(
        "The bundled course has **{} lessons, {questions} questions and {exercises} Dockerfile \
         exercises**:\n\n",
        course.lessons.len()
    );
    for (number, lesson) in course.lessons.iter().enumerate() {
        out.push_str(&format!("{}. **{}**", number + 1, lesson.title));
        if !lesson.summary.is_empty() {
            out.push_str(&format!(": {}", lesson.summary));
        }
        out.push('\n');
    }
    out
}

/// A key's label as the README shows it: typed characters in backticks.
fn key_label(label: String) -> String {
    if label.chars().count() == 1 {
        format!("`{label}`")
    } else {
        label
    }
}

/// The keys table, one row per binding of the TUI's key table.
fn keys_block() -> String {
    let mut out = String::from("| Where | Keys | Does |\n|---|---|---|\n");
    for context in Context::ALL {
        for (row, binding) in keys::bindings(context).enumerate() {
            let inputs: Vec<String> = binding
                .inputs
                .iter()
                .map(|i| key_label(i.label()))
                .collect();
            // The screen's name once, on its first row, so the table reads as groups.
            let place = if row == 0 { context.title() } else { "" };
            out.push_str(&format!(
                "| {place} | {} | {} |\n",
                inputs.join(", "),
                binding.help
            ));
        }
    }
    out
}

#[test]
fn readme_course_summary_matches_the_lessons() {
    check_readme_block(
        "course",
        &course_block(),
        "course summary (lesson list and counts)",
    );
}

#[test]
fn readme_keys_table_matches_the_key_table() {
    check_readme_block("keys", &keys_block(), "keys table (from src/tui/keys.rs)");
}

#[test]
fn docs_rules_md_matches_the_rules() {
    let out = Command::cargo_bin("dockerlings")
        .unwrap()
        .args(["rules", "--format", "markdown"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let wanted = String::from_utf8(out.stdout).unwrap();
    let have = fs::read_to_string(root().join("docs/rules.md")).unwrap_or_default();
    assert!(
        have == wanted,
        "docs/rules.md is out of date; regenerate it with\n  \
         cargo run -q -- rules --format markdown > docs/rules.md\n{}",
        similar_lines(&have, &wanted)
    );
}

/// Relative link targets in a Markdown file: `](target)` not starting with a scheme or `#`.
fn relative_links(text: &str) -> Vec<String> {
    text.match_indices("](")
        .filter_map(|(at, _)| {
            let rest = &text[at + 2..];
            let target = &rest[..rest.find(')')?];
            let target = target.split('#').next().unwrap_or_default();
            let external = target.contains("://") || target.starts_with("mailto:");
            (!target.is_empty() && !external && !target.contains(' ')).then(|| target.to_string())
        })
        .collect()
}

#[test]
fn every_relative_link_in_the_docs_names_a_file() {
    let mut files = vec![root().join("README.md")];
    let docs: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.extend(docs);
    let mut broken = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for link in relative_links(&text) {
            let target = file.parent().unwrap().join(&link);
            if !target.exists() {
                broken.push(format!(
                    "{}: {link}",
                    file.strip_prefix(root()).unwrap().display()
                ));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links to missing files:\n  {}",
        broken.join("\n  ")
    );
}

#[test]
fn the_readme_stays_short() {
    let size = fs::metadata(root().join("README.md")).unwrap().len();
    assert!(
        size <= 12 * 1024,
        "README.md is {size} bytes: move detail into docs/ (the README is the first screen)"
    );
}

#[test]
fn block_finder_takes_the_lines_between_the_tags() {
    let text = "a\n<!-- x:start note -->\nb\nc\n<!-- x:end -->\nd\n";
    assert_eq!(&text[block_range(text, "x")], "b\nc\n");
    assert_eq!(
        relative_links("[a](docs/a.md#x) [b](https://e.org) [c](#top)"),
        ["docs/a.md"]
    );
}
