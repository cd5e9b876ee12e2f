//! What can be wrong with one question of a quiz file. The loader prefixes the question id
//! and the line; the texts are what quiz authors read.

use crate::dockerfile::Severity;
use crate::quiz::model::{QuestionKind, Requirement};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(super) enum QuestionError {
    #[error("prompt is empty")]
    EmptyPrompt,
    #[error("explanation is empty (it is shown after answering)")]
    EmptyExplanation,
    /// A field the kind needs is absent; `note` says what it holds.
    #[error("`{field}` is missing{}", .note.map(|n| format!(" ({n})")).unwrap_or_default())]
    Missing {
        field: &'static str,
        note: Option<&'static str>,
    },
    #[error("`{field}` does not apply to kind {kind}; it takes {}", .takes.join(", "))]
    FieldNotForKind {
        field: &'static str,
        kind: String,
        takes: &'static [&'static str],
    },
    #[error("unknown kind `{0}`; use one of {names}", names = QuestionKind::NAMES.join(", "))]
    UnknownKind(String),
    #[error("kind single takes one `correct` choice; use kind multiple for several")]
    SeveralCorrectForSingle,
    #[error("`correct` lists no choice")]
    NoCorrectChoice,
    #[error("`choices` needs 2 to 9 entries (one digit key each), not {0}")]
    ChoiceCount(usize),
    #[error("correct choice {choice} is out of range: choices count from 1 to {count}")]
    ChoiceOutOfRange { choice: usize, count: usize },
    #[error("`accept` needs at least one non-empty answer")]
    NoAcceptedAnswer,
    #[error("`items` needs at least two entries")]
    TooFewItems,
    #[error("`items` has two equal entries, so the order is ambiguous")]
    EqualItems,
    #[error("bug_line {0} is a blank line")]
    BlankBugLine(usize),
    #[error("bug_line {bug_line} is past the end of the Dockerfile ({lines} lines)")]
    BugLinePastEnd { bug_line: usize, lines: usize },
    #[error("`requirements` is empty")]
    NoRequirements,
    #[error("`solutions` needs at least one reference solution")]
    NoSolutions,
    /// `number` counts from 1, as the author wrote them.
    #[error(
        "wrong answer {number} names `{fails}`, which is not one of this exercise's requirements ({})",
        .requirements.join(", ")
    )]
    WrongNamesNoRequirement {
        number: usize,
        fails: String,
        requirements: Vec<&'static str>,
    },
    #[error(
        "`runs: false` cannot be asked: every Dockerfile exercise is judged on whether the image \
         would start; remove it"
    )]
    RunsFalse,
    #[error("`{0}: false` asks for nothing; remove it")]
    FalseAsksNothing(&'static str),
    #[error("unknown severity `{0}`; use one of {names}", names = Severity::ALL.map(Severity::name).join(", "))]
    UnknownSeverity(String),
    #[error("`none_of_rules` lists no rule")]
    NoRuleListed,
    #[error("`final_size_under_mb: 0` can never be met; give a size in MB")]
    ZeroSize,
    #[error("a requirement needs one of {names}", names = Requirement::KEYS.join(", "))]
    NoRequirementKey,
    #[error("a requirement entry has several keys; give each requirement its own `- ` entry")]
    SeveralRequirementKeys,
    #[error("a hint is tied to a requirement or a rule, not both")]
    HintTiedToBoth,
    #[error("a hint is tied to requirement `{0}`, which this question does not have")]
    HintUnknownRequirement(String),
}

impl QuestionError {
    pub(super) fn missing(field: &'static str) -> Self {
        QuestionError::Missing { field, note: None }
    }

    pub(super) fn missing_as(field: &'static str, note: &'static str) -> Self {
        QuestionError::Missing {
            field,
            note: Some(note),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_the_ones_authors_read() {
        assert_eq!(
            QuestionError::missing("choices").to_string(),
            "`choices` is missing"
        );
        assert_eq!(
            QuestionError::missing_as("bug_line", "counting from 1").to_string(),
            "`bug_line` is missing (counting from 1)"
        );
        assert_eq!(
            QuestionError::FieldNotForKind {
                field: "answer",
                kind: "short".into(),
                takes: &["accept"],
            }
            .to_string(),
            "`answer` does not apply to kind short; it takes accept"
        );
        assert_eq!(
            QuestionError::WrongNamesNoRequirement {
                number: 2,
                fails: "x".into(),
                requirements: vec!["non_root", "runs"],
            }
            .to_string(),
            "wrong answer 2 names `x`, which is not one of this exercise's requirements \
             (non_root, runs)"
        );
        assert_eq!(
            QuestionError::RunsFalse.to_string(),
            "`runs: false` cannot be asked: every Dockerfile exercise is judged on whether the \
             image would start; remove it"
        );
    }
}
