//! The live part of a results file, written by `watch --report-to` after every save: each
//! exercise's state right now, so `dockerlings class` can show who is stuck on what.
//!
//! It rides in the JSON results file as one extra field, `live` (schema version 2). A reader
//! of results ignores it; a version-1 file simply has none. Only names, counts, requirement
//! keys and times go in: never the learner's Dockerfile.

use serde::{Deserialize, Serialize};

use super::schema::Results;

/// Far more exercises than any pack has; a file claiming more is not believed.
pub(crate) const MAX_EXERCISES: usize = 500;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Live {
    /// Unix time in milliseconds of the learner's last save (0: none yet).
    pub last_save_ms: u64,
    /// In the workshop's order.
    pub exercises: Vec<LiveExercise>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseState {
    #[default]
    NotStarted,
    Failing,
    Passing,
}

impl ExerciseState {
    /// The mark the class table shows.
    pub fn mark(self) -> &'static str {
        match self {
            ExerciseState::NotStarted => "·",
            ExerciseState::Failing => "✗",
            ExerciseState::Passing => "✓",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ExerciseState::NotStarted => "not_started",
            ExerciseState::Failing => "failing",
            ExerciseState::Passing => "passing",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveExercise {
    /// The exercise folder's name, e.g. `05-distroless-ex-non-root`.
    pub folder: String,
    pub lesson: String,
    pub question: String,
    pub state: ExerciseState,
    pub attempts: u32,
    pub hints: u32,
    /// From the first save on this exercise to the last.
    pub time_ms: u64,
    /// The first requirement that fails now (its key, e.g. `non_root`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failing: Option<String>,
    /// Unix ms since which the exercise has been failing without a pass in between.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failing_since_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_save_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_save_ms: Option<u64>,
}

/// A results file with its live part, as `watch --report-to` writes it.
#[derive(Serialize)]
struct LiveFile<'a> {
    #[serde(flatten)]
    results: &'a Results,
    live: &'a Live,
}

/// The JSON text of `results` with `live` added; ends with a newline.
pub fn encode(results: &Results, live: &Live) -> String {
    let mut text =
        serde_json::to_string_pretty(&LiveFile { results, live }).expect("results serialise");
    text.push('\n');
    text
}

/// Why the `live` part of a results file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    #[error("the `live` part: {0}")]
    Json(#[source] serde_json::Error),
    #[error("the `live` part lists {0} exercises (at most {MAX_EXERCISES} are read)")]
    TooManyExercises(usize),
}

/// The live part of a results file already accepted by [`Results::decode`]: `Ok(None)` when it
/// has none (CSV, version 1, `progress --export`), an error when it is there but unusable.
pub fn decode(text: &str) -> Result<Option<Live>, LiveError> {
    #[derive(Deserialize)]
    struct Only {
        #[serde(default)]
        live: Option<Live>,
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.trim_start().starts_with('{') {
        return Ok(None);
    }
    let only: Only = serde_json::from_str(text).map_err(LiveError::Json)?;
    let Some(live) = only.live else {
        return Ok(None);
    };
    if live.exercises.len() > MAX_EXERCISES {
        return Err(LiveError::TooManyExercises(live.exercises.len()));
    }
    Ok(Some(live))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::schema::{PackIdentity, RESULTS_FORMAT, RESULTS_SCHEMA_VERSION, Totals};

    fn results() -> Results {
        Results {
            format: RESULTS_FORMAT.into(),
            schema_version: RESULTS_SCHEMA_VERSION,
            learner: "ada".into(),
            pack: PackIdentity {
                name: "bundled".into(),
                fingerprint: "0011223344556677".into(),
                lessons: 0,
                questions: 0,
                exercises: 0,
            },
            totals: Totals::default(),
            lessons: Vec::new(),
        }
    }

    fn live() -> Live {
        Live {
            last_save_ms: 1_000,
            exercises: vec![LiveExercise {
                folder: "05-x".into(),
                lesson: "l".into(),
                question: "q".into(),
                state: ExerciseState::Failing,
                attempts: 3,
                hints: 1,
                time_ms: 60_000,
                failing: Some("non_root".into()),
                failing_since_ms: Some(500),
                first_save_ms: Some(100),
                last_save_ms: Some(1_000),
            }],
        }
    }

    #[test]
    fn a_live_file_is_still_a_results_file_and_reads_back() {
        let text = encode(&results(), &live());
        assert_eq!(Results::decode(&text), Ok(results()));
        assert_eq!(decode(&text).unwrap(), Some(live()));
        assert!(text.contains("\"state\": \"failing\""), "{text}");
    }

    #[test]
    fn files_without_a_live_part_have_none() {
        let plain = results().encode(crate::results::Encoding::Json);
        assert_eq!(decode(&plain).unwrap(), None);
        let csv = results().encode(crate::results::Encoding::Csv);
        assert_eq!(decode(&csv).unwrap(), None);
    }

    #[test]
    fn a_broken_or_oversized_live_part_is_an_error() {
        let text = encode(&results(), &live()).replace("\"failing\"", "\"melting\"");
        assert!(matches!(decode(&text), Err(LiveError::Json(_))));
        assert!(
            decode(&text)
                .unwrap_err()
                .to_string()
                .starts_with("the `live` part: ")
        );
        let mut many = live();
        many.exercises = vec![many.exercises[0].clone(); MAX_EXERCISES + 1];
        let err = decode(&encode(&results(), &many)).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "the `live` part lists {} exercises (at most {MAX_EXERCISES} are read)",
                MAX_EXERCISES + 1
            )
        );
    }
}
