//! The full screen shows lesson text with control sequences as visible escapes: a lesson whose
//! title, summary, section title, text and quiz choices carry OSC 52, CSI, C1 and bidi controls
//! is drawn on the home screen, the reader and the quiz, and no cell holds one raw.

mod tui_fixture;

use dockerlings::course::Course;
use dockerlings::quiz::QuizBook;
use ratatui::crossterm::event::KeyCode;
use tui_fixture::{app_on, key, screen_text, send};

fn hostile_course(dir: &std::path::Path) -> Course {
    std::fs::write(
        dir.join("l.md"),
        "---\nid: hostile\ntitle: \"T \\e]52;c;aGVsbG8=\\a\\u009b end\"\norder: 1\n\
         summary: \"S \\e[2J\\u202e rev\"\n---\nText \u{1b}]52;c;aGVsbG8=\u{7} and \u{9b}1m.\n\n\
         ## Sec\u{1b}[31m {concept}\nMore \u{202e}text.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("l.quiz.yaml"),
        "questions:\n  - id: q\n    kind: single\n    prompt: \"P \\e]52;c;x\\a\"\n    \
         choices: [\"a \\e[2J\", \"b \\u009b\\u202e\"]\n    correct: 1\n    explanation: e\n",
    )
    .unwrap();
    Course::load_dir(dir).unwrap()
}

fn assert_shown_not_sent(rows: &[String], what: &str) {
    let screen = rows.join("\n");
    assert!(
        !screen.contains(|c: char| dockerlings::escape::needs_escape(c) && c != '\n'),
        "{what}:\n{screen}"
    );
}

#[test]
fn home_reader_and_quiz_show_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let course = hostile_course(dir.path());
    assert!(QuizBook::for_course(&course).errors.is_empty());
    let mut app = app_on(course, 100, 30);
    let home = screen_text(&app);
    assert_shown_not_sent(&home, "home");
    assert!(
        home.join("\n")
            .contains("T \\x1b]52;c;aGVsbG8=\\x07\\u{9b} end"),
        "{home:?}"
    );
    send(&mut app, [key(KeyCode::Enter)]);
    let reader = screen_text(&app);
    assert_shown_not_sent(&reader, "reader");
    assert!(reader.join("\n").contains("\\x1b]52"), "{reader:?}");
    // Through the sections to the quiz.
    for _ in 0..2 {
        send(&mut app, [key(KeyCode::Char('n'))]);
        assert_shown_not_sent(&screen_text(&app), "after n");
    }
    send(&mut app, [key(KeyCode::Char('t'))]);
    let quiz = screen_text(&app);
    assert_shown_not_sent(&quiz, "quiz");
    let quiz = quiz.join("\n");
    assert!(
        quiz.contains("b \\u{9b}\\u{202e}"),
        "the quiz's choices: {quiz}"
    );
    assert!(quiz.contains("P \\x1b]52"), "the quiz's prompt: {quiz}");
}
