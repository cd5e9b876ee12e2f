//! The bundled lesson pack: it loads without errors, every lessons/*.md became a lesson, and
//! no lesson uses symbols whose width terminals disagree on (text-default + U+FE0F, ZWJ).

use std::path::Path;

use dockerlings::course::Course;
use dockerlings::course::hygiene::text_default_with_vs16;

fn lesson_files() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, String)> = entries
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_name()?.to_str()?.to_string();
            (name.ends_with(".md") && !name.starts_with('.'))
                .then(|| Some((name, std::fs::read_to_string(&path).ok()?)))?
        })
        .collect();
    files.sort();
    files
}

#[test]
fn bundled_pack_loads_without_errors() {
    let course = Course::bundled();
    let errors: Vec<String> = course.errors.iter().map(|e| e.to_string()).collect();
    assert!(
        errors.is_empty(),
        "bundled lessons failed:\n{}",
        errors.join("\n")
    );
    // Every lesson file on disk is compiled in and became one lesson.
    assert_eq!(course.lessons.len(), lesson_files().len());
    for lesson in &course.lessons {
        assert!(!lesson.sections.is_empty(), "{} has no sections", lesson.id);
        assert!(lesson.source.to_string_lossy().starts_with("bundled:"));
    }
}

#[test]
fn bundled_lessons_avoid_ambiguous_width_symbols() {
    let mut problems = Vec::new();
    for (name, text) in lesson_files() {
        for f in text_default_with_vs16(&text) {
            problems.push(format!(
                "lessons/{name}:{}:{}: {} {:?}",
                f.line, f.column, f.why, f.sequence
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "use the plain symbol or an emoji that is wide on its own (✅ ⚡ 🐳):\n{}",
        problems.join("\n")
    );
}
