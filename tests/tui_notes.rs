//! Imported notes in the reader: the in-repo sample and the learner's real notes
//! (../shared/seed/notes.txt, skipped when absent) open as one lesson whose every section
//! draws with its title, at 80x24 and 120x40.

mod needs;

mod tui_fixture;

use std::path::Path;

use dockerlings::course::Course;
use dockerlings::course::notes::import;
use tui_fixture::walk_every_section;

fn course_from(path: &Path) -> Course {
    let text = std::fs::read_to_string(path).unwrap();
    Course {
        lessons: vec![import(&text, &path.display().to_string())],
        errors: Vec::new(),
    }
}

fn check(path: &Path) {
    let course = course_from(path);
    assert!(
        course.lessons[0].sections.len() > 1,
        "{}: sections found",
        path.display()
    );
    for (w, h) in [(80, 24), (120, 40)] {
        walk_every_section(&course, w, h);
    }
}

#[test]
fn the_sample_notes_open_in_the_reader() {
    check(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notes-sample.txt"));
}

#[test]
fn the_learners_notes_open_in_the_reader() {
    let Some(notes) = needs::shared("seed/notes.txt") else {
        return;
    };
    check(&notes);
}
