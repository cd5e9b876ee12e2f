//! Coverage-guided fuzzing of the results reader behind `progress --merge`: any file must be
//! read or left out with a reason, never a panic; what is read encodes and reads back the same
//! in both formats; the class table shows no raw control character.
//! Run: `cargo fuzz run results --target-dir fuzz/target fuzz/target/corpus/results
//! fuzz/corpus/results -- -max_total_time=600`.

#![no_main]

use std::path::PathBuf;

use dockerlings::results::{Class, Encoding, Results};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(results) = Results::decode(text) {
        for encoding in [Encoding::Json, Encoding::Csv] {
            let again = Results::decode(&results.encode(encoding));
            assert_eq!(again, Ok(results.clone()), "{encoding:?}");
        }
    }
    let class = Class::merge([
        (PathBuf::from("a.json"), Ok(text.to_string())),
        (PathBuf::from("b.csv"), Ok(text.to_string())),
    ]);
    let table = class.table();
    assert!(
        !table
            .chars()
            .any(|c| c != '\n' && dockerlings::escape::needs_escape(c)),
        "{table:?}"
    );
});
