//! Everything fits and says what to do at 80x24 (issue #13, item 5), on the bundled course:
//! every status bar names keys of the one key table and never drops the essential ones; the
//! quiz with the longest choices, the exercise screen and the diff view lose no text; and the
//! small promises (a typed answer's cursor moves, `h` and `t` say why nothing happened, the
//! help pages).

mod quiz_fixture;

use dockerlings::course::Course;
use dockerlings::progress::Store;
use dockerlings::quiz::{QuestionKind, Quiz};
use dockerlings::tui::App;
use dockerlings::tui::app::Screen;
use dockerlings::tui::event::Msg;
use dockerlings::tui::keys::{self, Context};
use quiz_fixture::{ch, ctrl, draw, key, perform, press, screen_text};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;

const W: u16 = 80;
const H: u16 = 24;

/// The bundled course at 80x24 with its progress in a fresh folder.
fn bundled() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(&dir.path().join("progress.json")).unwrap();
    let mut app = App::new(Course::bundled()).with_store(store);
    perform(&mut app, Msg::Resize(W, H));
    (dir, app)
}

fn quiz_of(app: &App, lesson: usize) -> Option<Quiz> {
    app.quizzes
        .for_lesson(&app.course.lessons[lesson].id)
        .cloned()
}

/// From the lesson list: select lesson `lesson`, open its quiz and skip to question `question`.
fn open_question(app: &mut App, lesson: usize, question: usize) {
    press(app, [ch('g')]);
    press(app, std::iter::repeat_n(ch('j'), lesson));
    press(app, [ch('t')]);
    press(app, std::iter::repeat_n(key(KeyCode::Right), question));
    match app.screens().last() {
        Some(Screen::Quiz(q)) => assert_eq!((q.lesson, q.question), (lesson, question)),
        other => panic!("not at the question: {other:?}"),
    }
}

/// The first question (lesson, question) of the course that `pick` accepts.
fn find_question(app: &App, pick: impl Fn(&QuestionKind) -> bool) -> (usize, usize) {
    (0..app.course.lessons.len())
        .find_map(|l| {
            let quiz = quiz_of(app, l)?;
            let q = quiz.questions.iter().position(|q| pick(&q.kind))?;
            Some((l, q))
        })
        .expect("the course has such a question")
}

/// The status bar's rows: the bottom rows drawn reversed all across.
fn status_rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    let reversed =
        |y: u16| (0..area.width).all(|x| buf[(x, y)].modifier.contains(Modifier::REVERSED));
    let mut rows: Vec<String> = (0..area.height)
        .rev()
        .take_while(|&y| reversed(y))
        .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect();
    rows.reverse();
    rows
}

/// The hints of a status bar: the runs of text two spaces apart, less the position (the
/// first run of the first row).
fn hints_of(rows: &[String]) -> Vec<String> {
    let mut hints = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let runs: Vec<&str> = row
            .split("  ")
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .collect();
        let skip = usize::from(i == 0 && row.starts_with(' ') && !row.starts_with("  "));
        hints.extend(runs.into_iter().skip(skip).map(String::from));
    }
    hints
}

/// Whether `hint`'s key (its first word) is how the table names a key of a binding in
/// `context` or everywhere.
fn names_a_table_key(context: Context, hint: &str) -> bool {
    let name = hint.split_once(' ').map_or(hint, |(k, _)| k);
    [context, Context::Global].into_iter().any(|ctx| {
        keys::bindings(ctx).any(|b| {
            b.hint.and_then(|h| h.split_once(' ')).map(|(k, _)| k) == Some(name)
                || b.inputs.iter().any(|i| i.label() == name)
        })
    })
}

/// Checks the bar of the screen on top: every hint names a table key, and each of `must`
/// (hint texts) is shown.
fn check_bar(app: &App, must: &[&str], must_not: &[&str]) -> Vec<String> {
    let terminal = draw(app, W, H);
    let rows = status_rows(terminal.backend().buffer());
    assert!(
        !rows.is_empty(),
        "no status bar:\n{}",
        screen_text(app, W, H)
    );
    let hints = hints_of(&rows);
    let context = app.context();
    for hint in &hints {
        assert!(
            names_a_table_key(context, hint),
            "{context:?}: `{hint}` is not a key of the table: {rows:#?}"
        );
    }
    for m in must {
        assert!(
            hints.iter().any(|h| h == m),
            "{context:?}: `{m}` dropped: {rows:#?}"
        );
    }
    for m in must_not {
        assert!(
            !hints.iter().any(|h| h == m),
            "{context:?}: `{m}` shown: {rows:#?}"
        );
    }
    hints
}

#[test]
fn every_status_bar_names_table_keys_and_keeps_the_essential_ones_at_80x24() {
    let (_dir, mut app) = bundled();
    check_bar(&app, &["Enter open", "t quiz", "q quit", "? help"], &[]);

    // The reader, on a section with a Dockerfile: its main action, the quiz and the way back.
    press(&mut app, [key(KeyCode::Enter)]);
    check_bar(&app, &["n/p section", "q back", "t quiz", "? help"], &[]);
    press(&mut app, [ch('q')]);

    // A single-choice question before and after a wrong answer.
    let single = |k: &QuestionKind| matches!(k, QuestionKind::Single { .. });
    let (lesson, question) = find_question(&app, single);
    open_question(&mut app, lesson, question);
    check_bar(&app, &["Enter answer", "Esc back", "? help"], &["r retry"]);
    let quiz = quiz_of(&app, lesson).unwrap();
    let QuestionKind::Single { correct, .. } = quiz.questions[question].kind else {
        unreachable!()
    };
    let wrong = if correct == 0 { '2' } else { '1' };
    press(&mut app, [ch(wrong), key(KeyCode::Enter)]);
    let after = check_bar(&app, &["r retry", "Esc back", "? help"], &["Enter answer"]);
    assert!(
        after
            .iter()
            .any(|h| h == "Enter next" || h == "Enter score"),
        "{after:?}"
    );
    press(&mut app, [key(KeyCode::Esc), key(KeyCode::Esc)]);

    // A short answer: the keys that are not text.
    let short = |k: &QuestionKind| matches!(k, QuestionKind::Short { .. });
    let (lesson, question) = find_question(&app, short);
    open_question(&mut app, lesson, question);
    check_bar(
        &app,
        &["Enter answer", "Esc back", "F1 help"],
        &["? help", "1-9 pick"],
    );
    press(&mut app, [key(KeyCode::Esc), key(KeyCode::Esc)]);

    // A Dockerfile question: Enter means one thing, opening the editor.
    let dockerfile = |k: &QuestionKind| matches!(k, QuestionKind::Dockerfile(_));
    let (lesson, question) = find_question(&app, dockerfile);
    open_question(&mut app, lesson, question);
    check_bar(
        &app,
        &["Enter open editor", "Esc back", "? help"],
        &["Enter answer"],
    );

    // The exercise: check, leave, help (F1: `?` is text there).
    press(&mut app, [key(KeyCode::Enter)]);
    check_bar(&app, &["^S check", "Esc back", "F1 help"], &["^D diff"]);

    // Passed: the comparison is offered, and in it the way back to the editor.
    pass_with_a_different_file(&mut app, lesson, question);
    check_bar(&app, &["^S check", "^D diff", "Esc back", "F1 help"], &[]);
    press(&mut app, [ctrl('d')]);
    check_bar(&app, &["^D editor", "Esc back", "F1 help"], &[]);

    // The inspect view over the exercise.
    press(&mut app, [ctrl('t')]);
    check_bar(&app, &["n/p part", "q back", "? help"], &[]);
}

/// Puts the exercise's reference solution, with a long comment line added, in the editor and
/// checks it: a passing file that differs from the reference.
fn pass_with_a_different_file(app: &mut App, lesson: usize, question: usize) {
    let quiz = quiz_of(app, lesson).unwrap();
    let QuestionKind::Dockerfile(ex) = &quiz.questions[question].kind else {
        unreachable!()
    };
    let mine = format!("{LONG_COMMENT}\n{}", ex.solutions[0]);
    dockerlings::tui::screens::exercise::set_editor_text(app, &mine);
    press(app, [ctrl('s')]);
    assert!(
        quiz_fixture::exercise(app).passed,
        "{}",
        screen_text(app, W, H)
    );
}

const LONG_COMMENT: &str = "# Built in two stages: the first compiles with the whole toolchain, \
                            the second ships only the program and what it needs at run time";

/// The screen's text with rows joined by spaces, as a list of words.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(String::from).collect()
}

/// Whether `needle`'s words appear in order, contiguous, in `hay` (so nothing between was cut).
fn shows_whole(hay: &[String], needle: &str) -> bool {
    let needle = words(needle);
    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle.as_slice())
}

#[test]
fn the_quiz_with_the_longest_choices_fits_80x24() {
    let (_dir, mut app) = bundled();
    // The choice question whose choices are longest in all, over the whole course.
    let mut best = (0, 0, 0);
    for l in 0..app.course.lessons.len() {
        for (q, question) in quiz_of(&app, l)
            .into_iter()
            .flat_map(|q| q.questions)
            .enumerate()
        {
            if let QuestionKind::Single { choices, .. } | QuestionKind::Multiple { choices, .. } =
                &question.kind
            {
                let len: usize = choices.iter().map(String::len).sum();
                if len > best.2 {
                    best = (l, q, len);
                }
            }
        }
    }
    let (lesson, question, _) = best;
    open_question(&mut app, lesson, question);
    let text = screen_text(&app, W, H);
    insta::assert_snapshot!("longest_choices_80x24", text);
    let quiz = quiz_of(&app, lesson).unwrap();
    let q = &quiz.questions[question];
    let (QuestionKind::Single { choices, .. } | QuestionKind::Multiple { choices, .. }) = &q.kind
    else {
        unreachable!()
    };
    let body = words(&text.lines().skip(1).collect::<Vec<_>>().join("\n"));
    for choice in choices {
        assert!(shows_whole(&body, choice), "cut: {choice}\n{text}");
    }
    assert!(
        shows_whole(&body, &q.prompt.replace('`', "")),
        "prompt cut:\n{text}"
    );
    // Below the header (whose lesson title may give way), nothing ends in `…`.
    assert!(!text.lines().skip(1).any(|l| l.contains('…')), "{text}");
}

/// The first Dockerfile exercise of the course, opened.
fn open_first_exercise(app: &mut App) -> (usize, usize) {
    let dockerfile = |k: &QuestionKind| matches!(k, QuestionKind::Dockerfile(_));
    let (lesson, question) = find_question(app, dockerfile);
    open_question(app, lesson, question);
    press(app, [key(KeyCode::Enter)]);
    (lesson, question)
}

#[test]
fn the_exercise_screen_fits_80x24() {
    let (_dir, mut app) = bundled();
    let (lesson, question) = open_first_exercise(&mut app);
    let text = screen_text(&app, W, H);
    insta::assert_snapshot!("exercise_80x24", text);
    let quiz = quiz_of(&app, lesson).unwrap();
    let prompt = quiz.questions[question].prompt.replace('`', "");
    let first_words: String = words(&prompt)
        .into_iter()
        .take(12)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(shows_whole(&words(&text), &first_words), "{text}");
    let bar = status_rows(draw(&app, W, H).backend().buffer()).join("\n");
    assert!(!bar.contains('…'), "{bar}");
}

#[test]
fn the_diff_is_unified_marked_and_wraps_at_80x24() {
    let (_dir, mut app) = bundled();
    let (lesson, question) = open_first_exercise(&mut app);
    pass_with_a_different_file(&mut app, lesson, question);
    press(&mut app, [ctrl('d')]);
    let text = screen_text(&app, W, H);
    insta::assert_snapshot!("diff_80x24", text);
    // The added comment is only in the learner's file: marked `-`, wrapped, never cut.
    let marked: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("- "))
        .collect();
    assert!(!marked.is_empty(), "no - marker:\n{text}");
    // The marker is repeated on the wrapped row; the words between are the line's, in order.
    let mut shown = words(&text);
    shown.retain(|w| w != "-" && w != "+");
    assert!(
        shows_whole(&shown, LONG_COMMENT),
        "the long line is cut:\n{text}"
    );
    assert!(!text.contains('…'), "{text}");
}

#[test]
fn a_typed_answer_has_a_cursor_that_left_and_right_move() {
    let (_dir, mut app) = bundled();
    let short = |k: &QuestionKind| matches!(k, QuestionKind::Short { .. });
    let (lesson, question) = find_question(&app, short);
    open_question(&mut app, lesson, question);
    press(&mut app, [ch('a'), ch('c'), key(KeyCode::Left), ch('b')]);
    let Some(Screen::Quiz(q)) = app.screens().last() else {
        panic!()
    };
    assert_eq!((q.text.as_str(), q.caret), ("abc", 2));
    assert!(screen_text(&app, W, H).contains("Answer: ab▏c"));
    // At the end, Right goes on to the next question, as on every other kind.
    press(&mut app, [key(KeyCode::Right), key(KeyCode::Right)]);
    let Some(Screen::Quiz(q)) = app.screens().last() else {
        panic!()
    };
    assert_eq!(q.question, question + 1);
}

#[test]
fn keys_that_do_nothing_say_why() {
    let (_dir, mut app) = bundled();
    // A lesson without a quiz, if the course has one; else a hint asked for past the last.
    let no_quiz = (0..app.course.lessons.len())
        .find(|&l| quiz_of(&app, l).is_none_or(|q| q.questions.is_empty()));
    if let Some(lesson) = no_quiz {
        press(&mut app, [ch('g')]);
        press(&mut app, std::iter::repeat_n(ch('j'), lesson));
        press(&mut app, [ch('t')]);
        assert!(screen_text(&app, W, H).contains("This lesson has no quiz."));
        press(&mut app, [ch('j')]);
        assert!(!screen_text(&app, W, H).contains("This lesson has no quiz."));
    }
    let single = |k: &QuestionKind| matches!(k, QuestionKind::Single { .. });
    let (lesson, question) = find_question(&app, single);
    open_question(&mut app, lesson, question);
    let hints = quiz_of(&app, lesson).unwrap().questions[question]
        .hints
        .len();
    press(&mut app, std::iter::repeat_n(ch('h'), hints + 1));
    let text = screen_text(&app, W, H);
    assert!(
        text.contains("No more hints for this question.") || text.contains("has no hints"),
        "{text}"
    );
}

#[test]
fn help_pages_with_pgdn_and_jumps_with_g() {
    let (_dir, mut app) = bundled();
    press(&mut app, [ch('?')]);
    let top = screen_text(&app, W, H);
    let scroll = |app: &App| match app.screens().last() {
        Some(Screen::Help(h)) => h.scroll,
        other => panic!("{other:?}"),
    };
    press(&mut app, [key(KeyCode::PageDown)]);
    assert!(scroll(&app) > 1, "PgDn moved {}", scroll(&app));
    press(&mut app, [ch('G')]);
    let bottom = scroll(&app);
    assert_eq!(
        bottom,
        dockerlings::tui::screens::help::max_scroll(app.area)
    );
    press(&mut app, [key(KeyCode::PageUp)]);
    assert!(scroll(&app) < bottom);
    press(&mut app, [ch('g')]);
    assert_eq!(scroll(&app), 0);
    assert_eq!(screen_text(&app, W, H), top);
}
