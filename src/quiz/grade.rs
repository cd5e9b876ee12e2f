//! Grading one file against one exercise of a pack, for `dockerlings grade` (instructors and
//! autograders): finding the exercise by id, the judge's verdict, and the report in a stable
//! JSON schema or as plain text that reads well in a CI log. The judging itself is
//! [`super::judge`]'s.

use serde::Serialize;

use super::judge::judge;
use super::model::{Exercise, Question, QuestionKind};
use super::pack::QuizBook;
use super::verdict::Verdict;
use crate::dockerfile::lint::{Outcome, verdict as run_verdict};
use crate::dockerfile::rules::edit_distance;

/// Version of the JSON document; raised only when a field changes meaning or goes away.
pub(crate) const SCHEMA_VERSION: u32 = 1;
const FORMAT: &str = "dockerlings-grade";

/// A Dockerfile exercise found by id, with the lesson it belongs to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found<'a> {
    pub lesson_id: &'a str,
    pub question: &'a Question,
    pub exercise: &'a Exercise,
}

/// Why an id names no exercise to grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NotFound {
    /// No question has this id; the closest exercise ids, best first (maybe none).
    Unknown { suggestions: Vec<String> },
    /// The question exists but is not a Dockerfile exercise; its kind (`single`, …).
    NotDockerfile { kind: &'static str },
}

impl NotFound {
    /// The `error.kind` of the JSON document.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            NotFound::Unknown { .. } => "unknown_exercise",
            NotFound::NotDockerfile { .. } => "not_a_dockerfile_exercise",
        }
    }

    /// One line for a person: what is wrong and what to type instead.
    pub(crate) fn message(&self, id: &str, book: &QuizBook) -> String {
        match self {
            NotFound::Unknown { suggestions } if !suggestions.is_empty() => format!(
                "no exercise `{id}` in the pack; did you mean {}?",
                quoted_list(suggestions, "or")
            ),
            NotFound::Unknown { .. } => {
                let all: Vec<String> = exercises(book).map(|f| f.question.id.clone()).collect();
                if all.is_empty() {
                    format!("no exercise `{id}`: the pack has no Dockerfile exercise")
                } else {
                    format!(
                        "no exercise `{id}` in the pack; its Dockerfile exercises are {}",
                        quoted_list(&all, "and")
                    )
                }
            }
            NotFound::NotDockerfile { kind } => format!(
                "`{id}` is a {kind} question, not a Dockerfile exercise; grade judges Dockerfile \
                 exercises (`dockerlings lessons` lists each question's kind)"
            ),
        }
    }
}

fn quoted_list(ids: &[String], last: &str) -> String {
    let quoted: Vec<String> = ids.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((tail, head)) if !head.is_empty() => format!("{} {last} {tail}", head.join(", ")),
        _ => quoted.join(""),
    }
}

/// Every Dockerfile exercise of the pack, in lesson order.
pub(crate) fn exercises(book: &QuizBook) -> impl Iterator<Item = Found<'_>> {
    book.quizzes.iter().flat_map(|quiz| {
        quiz.questions
            .iter()
            .filter_map(|question| match &question.kind {
                QuestionKind::Dockerfile(exercise) => Some(Found {
                    lesson_id: &quiz.lesson_id,
                    question,
                    exercise,
                }),
                _ => None,
            })
    })
}

/// The exercise with this id (exact; ids are case-sensitive in progress files too).
pub(crate) fn find<'a>(book: &'a QuizBook, id: &str) -> Result<Found<'a>, NotFound> {
    if let Some(found) = exercises(book).find(|f| f.question.id == id) {
        return Ok(found);
    }
    let question = book
        .quizzes
        .iter()
        .flat_map(|q| &q.questions)
        .find(|q| q.id == id);
    match question {
        Some(q) => Err(NotFound::NotDockerfile {
            kind: q.kind.name(),
        }),
        None => Err(NotFound::Unknown {
            suggestions: closest(book, id),
        }),
    }
}

/// Up to three exercise ids near `id`: a few edits away (a typo), or containing it or contained
/// in it (a shortened id), nearest first.
fn closest(book: &QuizBook, id: &str) -> Vec<String> {
    let wanted = id.to_ascii_lowercase();
    let mut near: Vec<(usize, &str)> = exercises(book)
        .map(|f| f.question.id.as_str())
        .filter_map(|candidate| {
            let lower = candidate.to_ascii_lowercase();
            let distance = edit_distance(&wanted, &lower);
            let typo = distance <= (wanted.len() / 3).max(2);
            let part = wanted.len() >= 3 && (lower.contains(&wanted) || wanted.contains(&lower));
            (typo || part).then_some((distance, candidate))
        })
        .collect();
    near.sort();
    near.into_iter()
        .take(3)
        .map(|(_, c)| c.to_string())
        .collect()
}

/// One graded file.
#[derive(Debug, Clone)]
pub(crate) struct Graded<'a> {
    pub found: Found<'a>,
    /// How the file is named in the report (as given on the command line).
    pub file: String,
    pub verdict: Verdict,
    /// Whether the image would run, from the same findings (`LikelyFails` passes `runs`).
    pub would_run: Outcome,
}

impl<'a> Graded<'a> {
    pub(crate) fn new(found: Found<'a>, file: String, source: &str) -> Self {
        let verdict = judge(&found.exercise.requirements, source);
        Graded {
            found,
            file,
            would_run: run_verdict(&verdict.diagnostics).0,
            verdict,
        }
    }

    pub(crate) fn passed(&self) -> bool {
        self.verdict.passed()
    }
}

/// The JSON document of a graded file (schema in docs/workshops.md, "Grading a file").
#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    schema_version: u32,
    exercise: &'a str,
    lesson: &'a str,
    file: &'a str,
    passed: bool,
    would_run: Outcome,
    requirements: Vec<RequirementResult<'a>>,
    findings: Vec<Finding<'a>>,
}

#[derive(Serialize)]
struct RequirementResult<'a> {
    key: &'a str,
    label: &'a str,
    met: bool,
    reason: &'a str,
    line: Option<usize>,
}

#[derive(Serialize)]
struct Finding<'a> {
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

/// The document when nothing could be graded.
#[derive(Serialize)]
struct Failure<'a> {
    format: &'static str,
    schema_version: u32,
    exercise: &'a str,
    file: &'a str,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    kind: &'a str,
    message: &'a str,
    suggestions: &'a [String],
}

/// The graded file as JSON, ending with a newline.
pub(crate) fn json(graded: &Graded<'_>) -> String {
    let verdict = &graded.verdict;
    let document = Document {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        exercise: &graded.found.question.id,
        lesson: graded.found.lesson_id,
        file: &graded.file,
        passed: verdict.passed(),
        would_run: graded.would_run,
        requirements: verdict
            .checks
            .iter()
            .map(|c| RequirementResult {
                key: c.key,
                label: &c.label,
                met: c.met,
                reason: &c.reason,
                line: c.line,
            })
            .collect(),
        findings: verdict
            .diagnostics
            .iter()
            .map(|d| Finding {
                rule: d.rule,
                severity: d.severity.name(),
                message: &d.message,
                line: d.location.line,
                column: d.location.column,
                end_line: d.location.end_line,
                end_column: d.location.end_column,
            })
            .collect(),
    };
    to_json(&document)
}

/// Why a file could not be graded, as JSON: `kind` is `unknown_exercise`,
/// `not_a_dockerfile_exercise`, `unreadable_file` or `unusable_pack`.
pub(crate) fn json_error(
    exercise: &str,
    file: &str,
    kind: &str,
    message: &str,
    suggestions: &[String],
) -> String {
    to_json(&Failure {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        exercise,
        file,
        error: ErrorBody {
            kind,
            message,
            suggestions,
        },
    })
}

fn to_json(value: &impl Serialize) -> String {
    // Strings, numbers and plain structs only: serialising cannot fail.
    serde_json::to_string_pretty(value)
        .map_or_else(|e| format!("{{\"error\": \"{e}\"}}\n"), |s| s + "\n")
}

/// The graded file as plain text: one block per requirement (`pass`/`FAIL`, what it asks, then
/// `line N:` and why), the findings as `line:column severity RULE: message`, whether the image
/// would run, and a last line with the result. No colour or cursor movement, so a CI log shows it as it is.
pub(crate) fn text(graded: &Graded<'_>) -> String {
    let verdict = &graded.verdict;
    let mut out = format!(
        "grade: exercise {} (lesson {}) on {}\n",
        graded.found.question.id, graded.found.lesson_id, graded.file
    );
    for check in &verdict.checks {
        let mark = if check.met { "pass" } else { "FAIL" };
        let at = check.line.map_or(String::new(), |l| format!("line {l}: "));
        out.push_str(&format!(
            "  {mark}  {}\n        {at}{}\n",
            check.label, check.reason
        ));
    }
    if !verdict.diagnostics.is_empty() {
        out.push_str(&format!("findings ({}):\n", verdict.diagnostics.len()));
        for d in &verdict.diagnostics {
            out.push_str(&format!(
                "  {}:{} {} {}: {}\n",
                d.location.line,
                d.location.column,
                d.severity.name(),
                d.rule,
                d.message
            ));
        }
    }
    let would_run = match graded.would_run {
        Outcome::Runs => "yes",
        Outcome::LikelyFails => "likely not (see the warnings above)",
        Outcome::Fails => "no",
    };
    out.push_str(&format!("would it run: {would_run}\n"));
    let met = verdict.checks.iter().filter(|c| c.met).count();
    let total = verdict.checks.len();
    let result = if verdict.passed() { "PASS" } else { "FAIL" };
    out.push_str(&format!(
        "result: {result} ({met} of {total} requirements met)\n"
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::Course;

    fn bundled() -> QuizBook {
        QuizBook::for_course(&Course::bundled())
    }

    fn first_exercise(book: &QuizBook) -> Found<'_> {
        exercises(book)
            .next()
            .expect("the bundled pack has exercises")
    }

    #[test]
    fn finds_exercises_and_tells_other_questions_apart() {
        let book = bundled();
        let first = first_exercise(&book);
        let id = first.question.id.clone();
        assert_eq!(find(&book, &id).unwrap().question.id, id);
        let other = book
            .quizzes
            .iter()
            .flat_map(|q| &q.questions)
            .find(|q| !matches!(q.kind, QuestionKind::Dockerfile(_)))
            .unwrap();
        let err = find(&book, &other.id).unwrap_err();
        assert_eq!(err.kind(), "not_a_dockerfile_exercise");
        assert!(
            err.message(&other.id, &book)
                .contains("not a Dockerfile exercise")
        );
    }

    #[test]
    fn unknown_ids_suggest_near_ones_or_list_them_all() {
        let book = bundled();
        let id = first_exercise(&book).question.id.clone();
        let typo = format!("{}x", &id[..id.len() - 1]);
        let Err(NotFound::Unknown { suggestions }) = find(&book, &typo) else {
            panic!("{typo} should be unknown")
        };
        assert_eq!(suggestions.first(), Some(&id));
        let far = NotFound::Unknown {
            suggestions: vec![],
        };
        let message = far.message("zzz", &book);
        assert!(message.contains(&format!("`{id}`")), "{message}");
        assert!(closest(&book, "qqqqqqqqqqqqqqqqqqqq").is_empty());
    }

    #[test]
    fn text_and_json_carry_the_same_verdict() {
        let book = bundled();
        let found = first_exercise(&book);
        let graded = Graded::new(found, "Dockerfile".into(), &found.exercise.starter);
        assert!(!graded.passed(), "starters fail");
        let text = text(&graded);
        assert!(text.contains("  FAIL  "), "{text}");
        assert!(text.ends_with(" requirements met)\n"), "{text}");
        let value: serde_json::Value = serde_json::from_str(&json(&graded)).unwrap();
        assert_eq!(value["format"], FORMAT);
        assert_eq!(value["schema_version"], SCHEMA_VERSION);
        assert_eq!(value["passed"], false);
        let requirements = value["requirements"].as_array().unwrap();
        assert_eq!(requirements.len(), graded.verdict.checks.len());
        assert_eq!(requirements.last().unwrap()["key"], "runs");
        let solved = Graded::new(found, "Dockerfile".into(), &found.exercise.solutions[0]);
        assert!(solved.passed(), "{}", super::text(&solved));
        let total = solved.verdict.checks.len();
        assert!(super::text(&solved).ends_with(&format!(
            "result: PASS ({total} of {total} requirements met)\n"
        )));
    }

    #[test]
    fn a_likely_failure_passes_but_is_said() {
        let book = bundled();
        let found = find(&book, "sum-ex-non-root").unwrap();
        let musl_deps = found.exercise.solutions[0]
            .replace("FROM node:24-trixie AS deps", "FROM node:24-alpine AS deps");
        let graded = Graded::new(found, "Dockerfile".into(), &musl_deps);
        assert!(graded.passed(), "{}", text(&graded));
        assert_eq!(graded.would_run, Outcome::LikelyFails);
        assert!(text(&graded).contains("\nwould it run: likely not"));
        let value: serde_json::Value = serde_json::from_str(&json(&graded)).unwrap();
        assert_eq!(value["would_run"], "likely_fails");
    }

    #[test]
    fn quoted_lists_read_as_english() {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(quoted_list(&ids(&["a"]), "or"), "`a`");
        assert_eq!(quoted_list(&ids(&["a", "b", "c"]), "or"), "`a`, `b` or `c`");
    }
}
