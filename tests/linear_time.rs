//! Loaders and `inspect` take time in proportion to their input: each test times a 1x and a
//! 10x input and asserts the ratio stays far below the 100 of a quadratic cost. The minimum of
//! a few runs damps noise, and the time is the thread's CPU time, so waiting for a core on a
//! busy machine does not count; no wall-clock thresholds.

use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use dockerlings::config;
use dockerlings::course::loader::parse_lesson;
use dockerlings::inspect::{self, text};
use dockerlings::quiz::parse_quiz;

/// Linear is 10; anything quadratic is near 100.
const MAX_RATIO: f64 = 30.0;

/// The tests of this file take turns, so they do not slow each other's timings down.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

mod cputime;

fn timed(run: &dyn Fn()) -> Duration {
    let start = cputime::thread_cpu_time();
    run();
    cputime::thread_cpu_time() - start
}

/// Times `run` on `make(n)` and `make(10 * n)` and checks the ratio. The runs alternate, so a
/// burst of load elsewhere hits both sizes alike.
fn assert_linear<T>(what: &str, n: usize, make: impl Fn(usize) -> String, run: impl Fn(&str) -> T) {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (small, large) = (make(n), make(10 * n));
    let (mut t1, mut t10) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        t1 = t1.min(timed(&|| drop(run(&small))));
        t10 = t10.min(timed(&|| drop(run(&large))));
    }
    let ratio = t10.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    println!(
        "{what}: {n} → {t1:?}, {} → {t10:?}, ratio {ratio:.1}",
        10 * n
    );
    assert!(
        ratio < MAX_RATIO,
        "{what}: ratio {ratio:.1} ({t1:?} vs {t10:?})"
    );
}

#[test]
fn lesson_with_many_sections() {
    let lesson = |n: usize| {
        let mut text = String::from("---\nid: many\ntitle: Many\norder: 1\n---\nIntro.\n\n");
        for i in 0..n {
            text.push_str(&format!("## Section {i}\n\nSome text.\n\n"));
        }
        text
    };
    assert_linear("lesson sections", 2_000, lesson, |t| {
        let lesson = parse_lesson(t, Path::new("many.md")).unwrap();
        assert!(lesson.sections.len() > 2_000);
    });
}

/// YAML that opens `[` 60 levels deep (allowed) `n` times, then once 10k levels deep (refused).
fn nested(n: usize, key: &str) -> String {
    let mut text = format!("{key}:\n");
    for _ in 0..n {
        text.push_str(&format!("  - {}x{}\n", "[".repeat(60), "]".repeat(60)));
    }
    text + &format!("deep: {}{}\n", "[".repeat(10_000), "]".repeat(10_000))
}

#[test]
fn deeply_nested_front_matter() {
    let lesson = |n: usize| {
        let yaml = nested(n, "extra").replace("deep:", "id: a\ndeep:");
        format!("---\n{yaml}---\nText.\n")
    };
    assert_linear("front matter", 3_000, lesson, |t| {
        let err = parse_lesson(t, Path::new("deep.md")).unwrap_err();
        assert!(err.message.contains("levels deep"), "{err:?}");
    });
}

#[test]
fn deeply_nested_quiz() {
    assert_linear(
        "quiz",
        3_000,
        |n| nested(n, "questions"),
        |t| {
            let errors = parse_quiz(t, Path::new("q.quiz.yaml"), "l").unwrap_err();
            assert!(errors[0].message.contains("levels deep"), "{errors:?}");
        },
    );
}

#[test]
fn deeply_nested_config() {
    assert_linear(
        "config",
        3_000,
        |n| nested(n, "ignore"),
        |t| {
            let err = config::parse(t, Path::new(".dockerlings.yaml")).unwrap_err();
            assert!(err.to_string().contains("levels deep"), "{err}");
        },
    );
    // Nested as deep as allowed, with no refusal at the end: the parser runs on all of it.
    assert_linear(
        "config (parsed)",
        300,
        |n| nested(n, "ignore").replace(&format!("deep: {}", "[".repeat(10_000)), "#"),
        |t| config::parse(t, Path::new(".dockerlings.yaml")).is_err(),
    );
}

#[test]
fn inspect_a_long_chain_of_stages() {
    let chain = |n: usize| {
        let mut src = String::from("FROM alpine:3.20 AS s0\n");
        for i in 1..n {
            src.push_str(&format!("FROM s{} AS s{i}\nRUN make\n", i - 1));
        }
        src
    };
    let copies = |n: usize| {
        let mut src = String::from("FROM alpine:3.20 AS s0\n");
        for i in 1..n {
            src.push_str(&format!(
                "FROM alpine:3.20 AS s{i}\nCOPY --from=s{} / /\n",
                i - 1
            ));
        }
        src
    };
    let run = |src: &str| text::render(&inspect::inspect(src), &text::TextStyle::PLAIN);
    assert_linear("inspect FROM chain", 500, chain, run);
    assert_linear("inspect COPY chain", 500, copies, run);
}

#[test]
fn quiz_with_many_questions() {
    let quiz = |n: usize| {
        let mut text = String::from("questions:\n");
        for i in 0..n {
            text.push_str(&format!(
                "  - id: q{i}\n    kind: true_false\n    prompt: Is {i} even?\n    \
                 answer: {}\n    explanation: It is{}.\n",
                i % 2 == 0,
                if i % 2 == 0 { "" } else { " not" }
            ));
        }
        text
    };
    assert_linear("quiz questions", 1_000, quiz, |t| {
        parse_quiz(t, Path::new("q.quiz.yaml"), "l").unwrap()
    });
}

#[test]
fn results_files_for_merge() {
    use dockerlings::results::{Class, Encoding, Results};
    let file = |n: usize, encoding: Encoding| {
        let mut json: serde_json::Value = serde_json::from_str(&format!(
            "{{\"format\": \"dockerlings-results\", \"schema_version\": 1, \"learner\": \"ada\",\
             \"pack\": {{\"name\": \"p\", \"fingerprint\": \"00\", \"lessons\": {n},\
             \"questions\": {n}, \"exercises\": 0}}, \"lessons\": [], \"totals\": {{}}}}"
        ))
        .unwrap();
        let lessons: Vec<serde_json::Value> = (0..n)
            .map(|i| {
                serde_json::json!({"id": format!("l{i}"), "done": true, "questions": 1,
                "answered": 1, "correct": 1, "first_try": 1, "exercises": 0,
                "exercises_passed": 0, "attempts": 1, "hints_used": 0, "revealed": 0,
                "time_spent_ms": 10})
            })
            .collect();
        json["lessons"] = lessons.into();
        json["totals"] = serde_json::json!({"lessons": n, "lessons_done": n, "questions": n,
            "answered": n, "correct": n, "first_try": n, "exercises": 0, "exercises_passed": 0,
            "attempts": n, "hints_used": 0, "revealed": 0, "time_spent_ms": 10 * n});
        let results = Results::decode(&json.to_string()).unwrap();
        results.encode(encoding)
    };
    for encoding in [Encoding::Json, Encoding::Csv] {
        assert_linear(
            &format!("results {encoding:?}"),
            2_000,
            |n| file(n, encoding),
            |t| {
                let class = Class::merge([(Path::new("a").to_path_buf(), Ok(t.to_string()))]);
                assert!(class.problems.is_empty(), "{:?}", class.problems);
                class.table()
            },
        );
    }
}

#[test]
fn notes_file_with_many_sections() {
    let notes = |n: usize| {
        let mut text = String::from("MY NOTES\n========\n\n");
        for i in 0..n {
            text.push_str(&format!(
                "{i}. Part {i}:\n\nSome words here.\n\nFROM alpine:3.20\nRUN echo {i}\n\n"
            ));
        }
        text
    };
    assert_linear("notes", 1_000, notes, |t| {
        dockerlings::course::notes::import(t, "notes.txt")
    });
}
