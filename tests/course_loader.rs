//! The lesson loader on fixture packs: a good pack, a folder of broken lessons (one error each,
//! with file:line), and folders that are not packs at all.

use std::path::{Path, PathBuf};

use dockerlings::course::doc::{Block, Callout};
use dockerlings::course::{Course, PackError, SectionKind};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn good_pack_loads_in_order_and_skips_other_files() {
    let course = Course::load_dir(fixture("lessons-good")).unwrap();
    assert!(course.errors.is_empty(), "{:?}", course.errors);
    let ids: Vec<&str> = course.lessons.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["welcome", "stages", "distroless"]);

    let stages = &course.lessons[1];
    assert_eq!(stages.title, "Build stages");
    assert_eq!(stages.summary, "One Dockerfile, several FROM lines.");
    let kinds: Vec<(&str, SectionKind)> = stages
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Build stages", SectionKind::Concept),
            ("Why stages", SectionKind::Concept),
            ("A first example", SectionKind::Example),
            ("In the kitchen", SectionKind::Analogy),
            ("Summary", SectionKind::Summary),
        ]
    );
    assert!(matches!(
        stages.sections[2].doc.blocks[0],
        Block::Code { .. }
    ));
    assert!(matches!(
        stages.sections[3].doc.blocks[0],
        Block::Quote {
            callout: Callout::Analogy,
            ..
        }
    ));
    assert!(matches!(
        stages.sections[4].doc.blocks[0],
        Block::Table { .. }
    ));
    assert!(stages.source.ends_with("10-stages.md"));

    let distroless = &course.lessons[2];
    assert_eq!(distroless.summary, "", "summary is optional");
    assert!(matches!(
        distroless.sections[0].doc.blocks[1],
        Block::Quote {
            callout: Callout::Warning,
            ..
        }
    ));
}

/// Each broken fixture proves one message at one line; the good lesson beside them loads.
#[test]
fn broken_lessons_report_file_line_and_what_is_wrong() {
    let course = Course::load_dir(fixture("lessons-bad")).unwrap();
    let ids: Vec<&str> = course.lessons.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["good"], "the good lesson still loads");

    let expected: &[(&str, usize, &str)] = &[
        ("b-no-front-matter.md", 1, "no front matter"),
        ("c-unclosed.md", 1, "front matter is never closed"),
        ("d-broken-yaml.md", 3, "while scanning a quoted scalar"),
        ("e-unknown-field.md", 5, "unknown field `difficulty`"),
        ("f-missing-field.md", 2, "missing field `order`"),
        (
            "g-wrong-type.md",
            4,
            "order: invalid type: string \"first\", expected a whole number",
        ),
        ("h-unknown-kind.md", 11, "unknown section kind `{recipe}`"),
        ("i-bad-id.md", 3, "id `two words`"),
        ("j-duplicate-id.md", 4, "duplicate lesson id `good`"),
        ("k-empty-body.md", 5, "no text after its front matter"),
        ("l-not-utf8.md", 6, "not UTF-8"),
        ("m-empty-title.md", 3, "title is empty"),
        (
            "n-not-a-mapping.md",
            2,
            "expected fields (id: …, title: …, order: …, summary: …)",
        ),
    ];
    let got: Vec<String> = course.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(course.errors.len(), expected.len(), "{got:#?}");
    for (error, (file, line, fragment)) in course.errors.iter().zip(expected) {
        let shown = error.to_string();
        assert!(error.file.ends_with(file), "{shown}");
        assert_eq!(error.line, *line, "{shown}");
        assert!(error.message.contains(fragment), "{shown}");
        assert!(
            shown.starts_with(&format!("{}:{line}: ", error.file.display())),
            "file:line first: {shown}"
        );
    }
    let duplicate = &course.errors[8];
    assert!(duplicate.message.contains("a-good.md"), "{duplicate}");
}

#[test]
fn missing_folder_is_a_pack_error() {
    let err = Course::load_dir(fixture("no-such-folder")).unwrap_err();
    assert!(matches!(err, PackError::Missing(_)));
    assert!(err.to_string().contains("does not exist"), "{err}");
}

#[test]
fn a_file_is_not_a_pack() {
    let err = Course::load_dir(fixture("lessons-good/05-first.md")).unwrap_err();
    assert!(matches!(err, PackError::NotAFolder(_)), "{err}");
}

#[test]
fn folder_without_lessons_is_a_pack_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    std::fs::write(dir.path().join(".hidden.md"), "x").unwrap();
    std::fs::create_dir(dir.path().join("sub.md")).unwrap();
    let err = Course::load_dir(dir.path()).unwrap_err();
    assert!(matches!(err, PackError::NoLessons(_)), "{err}");
    assert!(err.to_string().contains("no lessons in"), "{err}");
}

#[test]
fn folder_of_only_broken_lessons_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.md"), "no front matter").unwrap();
    let course = Course::load_dir(dir.path()).unwrap();
    assert!(course.lessons.is_empty());
    assert_eq!(course.errors.len(), 1);
}

/// Control characters in any part of a lesson reach the model as visible escapes.
#[test]
fn control_characters_are_escaped_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let text = "---\nid: ctl\ntitle: \"Bell\\a title\"\norder: 1\nsummary: \"esc \\e[2J\"\n---\n\
                Intro \x1b[31mred\x1b[0m and a lone\rCR.\n\n\
                ## Beep\x07 {example}\n\
                ```sh\necho \x1b]0;owned\x07\n```\n\n\
                | a\x1b | b |\n|---|---|\n| \x07 | x\u{202E}y |\n\n\
                - item \x1b[5m\n";
    std::fs::write(dir.path().join("ctl.md"), text).unwrap();
    let course = Course::load_dir(dir.path()).unwrap();
    assert!(course.errors.is_empty(), "{:?}", course.errors);
    let lesson = &course.lessons[0];
    let shown = format!("{lesson:?}");
    for bad in ['\x1b', '\x07', '\r', '\u{202E}'] {
        assert!(
            !lesson.title.contains(bad)
                && !lesson.summary.contains(bad)
                && !shown.contains(bad)
                && !lesson.sections.iter().any(|s| s.title.contains(bad)),
            "{bad:?} got through"
        );
    }
    // Shown in the one escape style (`dockerlings::escape`); Debug doubles the backslashes.
    assert_eq!(lesson.title, "Bell\\x07 title");
    assert_eq!(lesson.summary, "esc \\x1b[2J");
    assert_eq!(lesson.sections[1].title, "Beep\\x07");
    assert!(shown.contains("echo \\\\x1b]0;owned\\\\x07"), "{shown}");
    // CommonMark reads a lone CR as a line ending: it becomes a space, never a CR.
    assert!(shown.contains("a lone CR."), "{shown}");
    assert!(shown.contains("x\\\\u{202e}y"), "{shown}");
}
