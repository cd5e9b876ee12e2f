//! Coverage-guided fuzzing of the lesson loader: any text must give a lesson or a clean error,
//! never a panic, and what the loader keeps for the screen carries no raw control character.
//! Run: `cargo fuzz run lesson --target-dir fuzz/target fuzz/target/corpus/lesson fuzz/corpus/lesson
//! -- -max_total_time=600`.

#![no_main]

use std::path::PathBuf;

use dockerlings::course::Course;
use libfuzzer_sys::fuzz_target;

fn shown_raw(text: &str) -> bool {
    text.chars().any(|c| c != '\n' && dockerlings::escape::needs_escape(c))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let course = Course::from_files([(PathBuf::from("fuzz.md"), text.to_string())]);
    for lesson in &course.lessons {
        assert!(!shown_raw(&lesson.title), "{:?}", lesson.title);
        assert!(!shown_raw(&lesson.summary), "{:?}", lesson.summary);
        for section in &lesson.sections {
            assert!(!shown_raw(&section.title), "{:?}", section.title);
        }
    }
});
