//! Building a learner's [`Results`] from the pack and their saved progress, for
//! `dockerlings progress --export`.

use super::schema::{
    LessonResult, PackIdentity, RESULTS_FORMAT, RESULTS_SCHEMA_VERSION, Results, Totals,
};
use crate::course::Course;
use crate::progress::{Progress, QuestionProgress};
use crate::quiz::{QuestionKind, Quiz, QuizBook};
use crate::results::{LessonStatus, Score};

/// The environment variable a workshop can set so every export carries the learner's name.
pub(crate) const NAME_VAR: &str = "DOCKERLINGS_NAME";

/// The learner's name: `given` (`--name`), else `DOCKERLINGS_NAME`, else `USER`, else
/// `USERNAME` (Windows); blank values are skipped. `env` is the environment lookup, so tests
/// need not change the process's own.
pub(crate) fn learner_name(
    given: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<String, NoLearnerName> {
    given
        .map(str::to_string)
        .into_iter()
        .chain([NAME_VAR, "USER", "USERNAME"].into_iter().filter_map(&env))
        .map(|name| name.trim().to_string())
        .find(|name| !name.is_empty())
        .ok_or(NoLearnerName)
}

/// No `--name` and no name in the environment.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("no learner name: pass --name NAME or set {NAME_VAR}", NAME_VAR = NAME_VAR)]
pub(crate) struct NoLearnerName;

/// One learner's results on `course`. `pack_name` is for people (the folder's name, or
/// `bundled`); the fingerprint identifies the pack.
pub fn collect(
    course: &Course,
    book: &QuizBook,
    progress: &Progress,
    learner: &str,
    pack_name: &str,
) -> Results {
    let lessons: Vec<LessonResult> = course
        .lessons
        .iter()
        .map(|lesson| match book.for_lesson(&lesson.id) {
            Some(quiz) => lesson_result(quiz, progress),
            None => {
                let reading_ms = progress.lessons.get(&lesson.id).map_or(0, |l| l.reading_ms);
                // Without a quiz, a lesson is done once every section was read.
                let done = LessonStatus::of(lesson, None, progress) == LessonStatus::Read;
                LessonResult {
                    id: lesson.id.clone(),
                    done,
                    time_spent_ms: reading_ms,
                    ..LessonResult::default()
                }
            }
        })
        .collect();
    let count = |f: fn(&LessonResult) -> u32| lessons.iter().map(f).sum();
    Results {
        format: RESULTS_FORMAT.into(),
        schema_version: RESULTS_SCHEMA_VERSION,
        learner: learner.to_string(),
        pack: PackIdentity {
            name: pack_name.to_string(),
            fingerprint: fingerprint(course, book),
            lessons: lessons.len() as u32,
            questions: count(|l| l.questions),
            exercises: count(|l| l.exercises),
        },
        totals: Totals::of(&lessons),
        lessons,
    }
}

fn lesson_result(quiz: &Quiz, progress: &Progress) -> LessonResult {
    let score = Score::of(quiz, progress);
    let saved = |id: &str| progress.question(&quiz.lesson_id, id);
    let sum = |f: fn(&QuestionProgress) -> u64| -> u64 {
        quiz.questions
            .iter()
            .filter_map(|q| saved(&q.id))
            .map(f)
            .sum()
    };
    let exercises: Vec<&str> = quiz
        .questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::Dockerfile(_)))
        .map(|q| q.id.as_str())
        .collect();
    let reading = progress
        .lessons
        .get(&quiz.lesson_id)
        .map_or(0, |l| l.reading_ms);
    LessonResult {
        id: quiz.lesson_id.clone(),
        done: score.complete(),
        questions: score.total as u32,
        answered: score.answered as u32,
        correct: score.correct as u32,
        first_try: score.first_try as u32,
        exercises: exercises.len() as u32,
        exercises_passed: exercises
            .iter()
            .filter(|id| saved(id).is_some_and(|q| q.correct))
            .count() as u32,
        attempts: sum(|q| u64::from(q.attempts)),
        hints_used: sum(|q| u64::from(q.hints_used)),
        revealed: sum(|q| u64::from(q.revealed)) as u32,
        time_spent_ms: sum(|q| q.time_spent_ms).saturating_add(reading),
    }
}

/// FNV-1a (64 bit) over the lesson IDs and each question's ID and kind, in pack order, as 16
/// hex digits. Hand-written because std's hasher may change between Rust releases, and the
/// fingerprint must not.
pub fn fingerprint(course: &Course, book: &QuizBook) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |text: &str| {
        for byte in text.bytes().chain([b'\n']) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for lesson in &course.lessons {
        feed(&format!("lesson {}", lesson.id));
        for q in book
            .for_lesson(&lesson.id)
            .map_or(&[][..], |q| &q.questions)
        {
            feed(&format!("question {} {}", q.id, q.kind.name()));
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::quiz::parse_quiz;

    const QUIZ: &str = r#"
questions:
  - id: q-single
    kind: single
    prompt: Which?
    choices: [a, b]
    correct: 1
    explanation: a.
  - id: q-true
    kind: true_false
    prompt: True?
    answer: true
    explanation: Yes.
  - id: q-ex
    kind: dockerfile
    prompt: Two stages.
    explanation: Like this.
    starter: "FROM alpine:3.22\n"
    requirements: [{min_stages: 2}]
    solutions: ["FROM alpine:3.22 AS a\nFROM alpine:3.22\n"]
"#;

    /// Two lessons; only the first has a quiz.
    fn pack(quiz: &str) -> (Course, QuizBook) {
        let lesson = |id: &str, order: u8| {
            format!("---\nid: {id}\ntitle: {id}\norder: {order}\n---\nText.\n")
        };
        let course = Course::from_files([
            (PathBuf::from("01-a.md"), lesson("a", 1)),
            (PathBuf::from("02-b.md"), lesson("b", 2)),
        ]);
        let quiz = parse_quiz(quiz, Path::new("01-a.quiz.yaml"), "a").unwrap();
        let book = QuizBook {
            quizzes: vec![quiz],
            errors: Vec::new(),
        };
        (course, book)
    }

    #[test]
    fn counts_only_the_packs_questions() {
        let (course, book) = pack(QUIZ);
        let mut progress = Progress::default();
        progress.record_answer("a", "q-single", false);
        progress.record_answer("a", "q-single", true);
        progress.record_hint("a", "q-single");
        progress.record_answer("a", "q-ex", true);
        progress.record_reveal("a", "q-ex");
        progress.add_time("a", "q-ex", 30_000);
        progress.record_answer("a", "gone-from-the-pack", true);
        progress.add_reading("b", 5_000);
        progress.record_position("b", crate::progress::Position::default());

        let results = collect(&course, &book, &progress, "ada", "demo");
        assert_eq!(results.pack.lessons, 2);
        assert_eq!((results.pack.questions, results.pack.exercises), (3, 1));
        let a = &results.lessons[0];
        assert_eq!(
            (a.id.as_str(), a.done),
            ("a", false),
            "q-true is unanswered"
        );
        assert_eq!(
            (a.answered, a.correct, a.first_try),
            (2, 2, 0),
            "q-ex was revealed"
        );
        assert_eq!((a.exercises, a.exercises_passed), (1, 1));
        assert_eq!((a.attempts, a.hints_used, a.revealed), (3, 1, 1));
        let b = &results.lessons[1];
        assert!(b.done && b.questions == 0 && b.time_spent_ms == 5_000);
        assert_eq!(results.totals.lessons_done, 1);
        assert_eq!(results.totals.time_spent_ms, 35_000);
        // What is collected is what a reader accepts.
        let text = results.encode(super::super::Encoding::Json);
        assert_eq!(Results::decode(&text), Ok(results));
    }

    #[test]
    fn all_correct_marks_a_lesson_done() {
        let (course, book) = pack(QUIZ);
        let mut progress = Progress::default();
        for q in ["q-single", "q-true", "q-ex"] {
            progress.record_answer("a", q, true);
        }
        let results = collect(&course, &book, &progress, "ada", "demo");
        assert!(results.lessons[0].done);
        assert_eq!(results.lessons[0].first_try, 3);
    }

    #[test]
    fn the_fingerprint_follows_ids_and_kinds_not_wording() {
        let (course, book) = pack(QUIZ);
        let base = fingerprint(&course, &book);
        assert_eq!(base.len(), 16);
        assert!(base.chars().all(|c| c.is_ascii_hexdigit()));
        let (c, b) = pack(&QUIZ.replace("Which?", "Which one?"));
        assert_eq!(fingerprint(&c, &b), base, "rewording keeps the identity");
        let (c, b) = pack(&QUIZ.replace("q-true", "q-false"));
        assert_ne!(fingerprint(&c, &b), base);
        // Pinned: the hash must not change between builds or Rust releases.
        assert_eq!(base, "a67922b6f45ba939");
        let empty = Course::default();
        assert_eq!(
            fingerprint(&empty, &QuizBook::default()),
            "cbf29ce484222325"
        );
    }

    #[test]
    fn the_name_comes_from_the_flag_then_the_environment() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                vars.iter()
                    .find(|(name, _)| *name == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let all = env(&[
            ("DOCKERLINGS_NAME", "Ada L"),
            ("USER", "ada"),
            ("USERNAME", "A"),
        ]);
        assert_eq!(learner_name(Some(" Grace "), all), Ok("Grace".into()));
        assert_eq!(learner_name(None, all), Ok("Ada L".into()));
        let login = env(&[("DOCKERLINGS_NAME", "  "), ("USER", "ada")]);
        assert_eq!(learner_name(Some(""), login), Ok("ada".into()));
        assert_eq!(
            learner_name(None, env(&[("USERNAME", "A")])),
            Ok("A".into())
        );
        let err = learner_name(None, env(&[])).unwrap_err().to_string();
        assert!(err.contains("--name") && err.contains(NAME_VAR), "{err}");
    }
}
