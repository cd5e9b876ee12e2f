//! Coverage-guided fuzzing of the `.dockerlings.yaml` reader: any text must give a config or a
//! clean error, never a panic, and an error's line lies inside the file.
//! Run: `cargo fuzz run config --target-dir fuzz/target fuzz/target/corpus/config
//! fuzz/corpus/config -- -max_total_time=600`.

#![no_main]

use std::path::Path;

use dockerlings::config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(err) = config::parse(text, Path::new(".dockerlings.yaml")) {
        if let Some((line, _)) = err.position {
            let lines = text.split('\n').count().max(1);
            assert!(line >= 1 && line <= lines + 1, "line {line} of {lines}: {err}");
        }
    }
});
