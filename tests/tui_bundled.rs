//! The bundled course in the TUI: it loads without errors, and every section of every lesson
//! is reachable with `n` and draws at 80x24 and 120x40 with the right position and title.
//! (Not snapshots: the lesson text belongs to its authors and changes.)

mod tui_fixture;

use dockerlings::course::Course;
use tui_fixture::walk_every_section;

#[test]
fn every_bundled_section_is_reachable_and_draws() {
    let course = Course::bundled();
    assert!(
        course.errors.is_empty(),
        "bundled lessons fail to load: {:?}",
        course.errors
    );
    assert!(!course.lessons.is_empty());
    for (w, h) in [(80, 24), (120, 40)] {
        walk_every_section(&course, w, h);
    }
}
