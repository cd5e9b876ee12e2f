//! Coverage-guided fuzzing of the quiz format: any text must give a quiz or errors that each
//! name a line inside the file, never a panic.
//! Run: `cargo fuzz run quiz --target-dir fuzz/target fuzz/target/corpus/quiz fuzz/corpus/quiz
//! -- -max_total_time=600`.

#![no_main]

use std::path::Path;

use dockerlings::quiz::parse_quiz;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(errors) = parse_quiz(text, Path::new("fuzz.quiz.yaml"), "fuzz") {
        assert!(!errors.is_empty());
        let lines = text.split('\n').count().max(1);
        for e in &errors {
            assert!(e.line >= 1 && e.line <= lines + 1, "line {} of {lines}: {e:?}", e.line);
        }
    }
});
