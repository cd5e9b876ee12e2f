//! The bundled lesson pack: it loads without errors, every lessons/*.md became a lesson, and
//! no lesson uses symbols whose width terminals disagree on (text-default + U+FE0F, ZWJ).

use std::path::Path;

use dockerlings::course::Course;
use dockerlings::course::doc::Block;
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

#[test]
fn bundled_pack_has_lessons() {
    assert!(
        !Course::bundled().lessons.is_empty(),
        "lessons/ compiled in"
    );
}

/// A callout marker with a typo (`> [!TPI]`) would show as text: every bundled quote's marker
/// must be one the reader knows.
#[test]
fn bundled_callout_markers_are_known() {
    fn check(blocks: &[Block], at: &str, bad: &mut Vec<String>) {
        for block in blocks {
            match block {
                Block::Quote { blocks, .. } => {
                    if let Some(Block::Paragraph(text)) = blocks.first()
                        && text.first().is_some_and(|i| i.text.starts_with("[!"))
                    {
                        bad.push(format!("{at}: {}", text[0].text));
                    }
                    check(blocks, at, bad);
                }
                Block::List { items, .. } => items.iter().for_each(|i| check(i, at, bad)),
                _ => {}
            }
        }
    }
    let mut bad = Vec::new();
    for lesson in Course::bundled().lessons {
        for section in &lesson.sections {
            let at = format!("{} / {}", lesson.source.display(), section.title);
            check(&section.doc.blocks, &at, &mut bad);
        }
    }
    assert!(
        bad.is_empty(),
        "unknown callout markers:\n{}",
        bad.join("\n")
    );
}

/// The summary lesson's file was renamed (08- to 15-) to put it after the lessons added since;
/// the loader orders by `order:`, and progress is keyed by lesson and question ids, so a progress
/// file saved before the rename still counts towards the same lesson.
#[test]
fn summary_comes_last_and_old_progress_still_counts() {
    use dockerlings::progress::Progress;
    use dockerlings::quiz::QuizBook;
    use dockerlings::results::export::collect;

    let course = Course::bundled();
    let last = course.lessons.last().expect("the pack has lessons");
    assert_eq!(last.id, "summary-and-analogy");
    assert!(
        course.lessons.windows(2).all(|w| w[0].order <= w[1].order),
        "lessons are listed by order"
    );
    let book = QuizBook::for_course(&course);
    assert!(book.errors.is_empty(), "{:?}", book.errors);
    assert!(book.for_lesson("summary-and-analogy").is_some());

    let saved = r#"{"schema_version": 1, "revision": 3, "lessons": {"summary-and-analogy":
        {"reading_ms": 0, "questions": {"sum-order-sizes": {"answered": true, "correct": true,
        "attempts": 1, "hints_used": 0, "revealed": false, "time_spent_ms": 900}}}}}"#;
    let progress: Progress = serde_json::from_str(saved).unwrap();
    let results = collect(&course, &book, &progress, "Ada", "bundled");
    let summary = results.lessons.last().unwrap();
    assert_eq!(summary.id, "summary-and-analogy");
    assert_eq!((summary.answered, summary.correct), (1, 1));
}

/// The "fix the notes" exercises come in small steps: within each series, a step starts from
/// the previous step's solution, the first starts from the notes' file (the final challenge's
/// starter), the steps come right before the challenge, and the last step's solution passes the
/// whole-file challenge, so the steps add up to it.
#[test]
fn fix_the_notes_steps_chain_into_the_final_challenge() {
    use dockerlings::quiz::judge::judge;
    use dockerlings::quiz::{Exercise, QuestionKind, QuizBook};

    let book = QuizBook::for_course(&Course::bundled());
    let exercises: Vec<(&str, &Exercise)> = book
        .quizzes
        .iter()
        .flat_map(|q| &q.questions)
        .filter_map(|q| match &q.kind {
            QuestionKind::Dockerfile(ex) => Some((q.id.as_str(), &**ex)),
            _ => None,
        })
        .collect();
    for (series, challenge) in [
        ("node-fix-step-", "node-ex-fix-notes"),
        ("go-fix-step-", "go-ex-fix-notes"),
        ("dgo-fix-step-", "dgo-ex-fix-notes"),
        ("dnode-fix-step-", "dnode-ex-fix-notes"),
    ] {
        let at = exercises.iter().position(|(id, _)| *id == challenge);
        let at = at.unwrap_or_else(|| panic!("{challenge} is missing"));
        let steps: Vec<_> = exercises[..at]
            .iter()
            .filter(|(id, _)| id.starts_with(series))
            .collect();
        assert!(steps.len() >= 3, "{series}: {} steps", steps.len());
        for (n, (id, _)) in steps.iter().enumerate() {
            let number = format!("{series}{}-", n + 1);
            assert!(id.starts_with(&number), "{id} should be step {}", n + 1);
        }
        let first = &exercises[at - steps.len()];
        assert_eq!(
            first.0, steps[0].0,
            "{series}: the steps come right before {challenge}"
        );
        let whole = exercises[at].1;
        assert_eq!(steps[0].1.starter, whole.starter, "{}", steps[0].0);
        for pair in steps.windows(2) {
            let (before, after) = (pair[0], pair[1]);
            assert_eq!(after.1.starter, before.1.solutions[0], "{}", after.0);
        }
        let last = steps.last().unwrap();
        let verdict = judge(&whole.requirements, &last.1.solutions[0]);
        let failed: Vec<_> = verdict.failed_keys().collect();
        assert!(
            verdict.passed(),
            "{} does not pass {challenge}: {failed:?}",
            last.0
        );
    }
}
