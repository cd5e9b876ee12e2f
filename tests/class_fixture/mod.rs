//! Class folders for the class tests and the bench: learners' live results files, built
//! with the public API, with fixed times so snapshots do not move.

#![allow(dead_code)]

use std::path::Path;

use dockerlings::results::live::{self, ExerciseState, Live, LiveExercise};
use dockerlings::results::schema::{
    PackIdentity, RESULTS_FORMAT, RESULTS_SCHEMA_VERSION, Results, Totals,
};

/// "Now" in the fixtures: 2026-01-05 10:00:00 UTC.
pub(crate) const NOW_MS: u64 = 1_767_607_200_000;
pub(crate) const PACK: &str = "00000000000000aa";
pub(crate) const EXERCISES: usize = 14;

/// A learner's file: `states` per exercise, each `·`, `✓` or a failing requirement's key;
/// the last non-`·` one is the exercise saved last, failing since `stuck_min` minutes ago.
pub(crate) fn learner(name: &str, states: &[&str], stuck_min: u64) -> String {
    learner_on(name, states, stuck_min, PACK)
}

pub(crate) fn learner_on(name: &str, states: &[&str], stuck_min: u64, fingerprint: &str) -> String {
    let results = Results {
        format: RESULTS_FORMAT.into(),
        schema_version: RESULTS_SCHEMA_VERSION,
        learner: name.into(),
        pack: PackIdentity {
            name: "bundled".into(),
            fingerprint: fingerprint.into(),
            lessons: 0,
            questions: 0,
            exercises: 0,
        },
        totals: Totals::default(),
        lessons: Vec::new(),
    };
    let last = states.iter().rposition(|s| *s != "·");
    let exercises = (0..EXERCISES)
        .map(|i| {
            let s = states.get(i).copied().unwrap_or("·");
            let (state, failing) = match s {
                "·" => (ExerciseState::NotStarted, None),
                "✓" => (ExerciseState::Passing, None),
                key => (ExerciseState::Failing, Some(key.to_string())),
            };
            let saved = match state {
                ExerciseState::NotStarted => None,
                _ if Some(i) == last => Some(NOW_MS - 30_000),
                _ => Some(NOW_MS - 3_600_000 + i as u64 * 60_000),
            };
            LiveExercise {
                folder: format!("{:02}-exercise-{}", i + 1, i + 1),
                lesson: format!("lesson-{}", i / 2),
                question: format!("ex-{}", i + 1),
                state,
                attempts: if saved.is_some() { 3 } else { 0 },
                hints: u32::from(failing.is_some()),
                time_ms: if saved.is_some() { 240_000 } else { 0 },
                failing_since_ms: failing.as_ref().map(|_| NOW_MS - stuck_min * 60_000),
                failing,
                first_save_ms: saved.map(|t| t - 240_000),
                last_save_ms: saved,
            }
        })
        .collect();
    live::encode(
        &results,
        &Live {
            last_save_ms: NOW_MS - 30_000,
            exercises,
        },
    )
}

/// Writes `learners` files into `dir`: learner `i` has passed `i % 6` exercises and fails
/// `non_root` or `final_copies_from` on the next, stuck for `i % 40` minutes.
pub(crate) fn class_of(dir: &Path, learners: usize) {
    for i in 0..learners {
        let passed = i % 6;
        let mut states = vec!["✓"; passed];
        states.push(if i % 3 == 0 {
            "non_root"
        } else {
            "final_copies_from"
        });
        let text = learner(&format!("learner {i:03}"), &states, (i % 40) as u64);
        std::fs::write(dir.join(format!("learner-{i:03}.json")), text).unwrap();
    }
}
