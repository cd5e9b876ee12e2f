//! The fixture quiz pack (tests/fixtures/quiz-pack) driven by key events, as a learner would:
//! the helpers the quiz, exercise and scoring tests share.

#![allow(dead_code)] // each test file uses part of it

use std::path::{Path, PathBuf};

use dockerlings::course::Course;
use dockerlings::progress::{Clock, Store};
use dockerlings::tui::App;
use dockerlings::tui::app::Screen;
use dockerlings::tui::event::Msg;
use dockerlings::tui::screens;
use dockerlings::tui::screens::exercise::ExerciseState;
use dockerlings::tui::update::{Effect, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub(crate) fn pack() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quiz-pack")
}

/// The fixed time the tests' apps start at (2026-05-28): reading time and reviews depend on it.
pub(crate) const NOW_MS: u64 = 1_780_000_000_000;

pub(crate) fn app_with_store(progress: &Path, w: u16, h: u16) -> App {
    let course = Course::load_dir(pack()).unwrap();
    assert!(course.errors.is_empty(), "{:?}", course.errors);
    let (store, _) = Store::open(progress).unwrap();
    let mut app = App::new(course).with_store(store);
    app.clock = Clock::fixed(NOW_MS);
    assert!(app.quizzes.errors.is_empty(), "{:?}", app.quizzes.errors);
    perform(&mut app, Msg::Resize(w, h));
    app
}

/// Sends a message and performs its effects the way the run loop does (minus the terminal):
/// progress is written when asked and when the app ends.
pub(crate) fn perform(app: &mut App, msg: Msg) {
    for effect in update(app, msg) {
        if matches!(effect, Effect::SaveProgress | Effect::Quit) {
            app.store.save().unwrap();
        }
    }
}

pub(crate) fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub(crate) fn ch(c: char) -> Msg {
    key(KeyCode::Char(c))
}

pub(crate) fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub(crate) fn press(app: &mut App, msgs: impl IntoIterator<Item = Msg>) {
    for msg in msgs {
        perform(app, msg);
    }
}

/// From the lesson list to the fixture quiz's exercise, skipping the questions before it.
pub(crate) fn open_exercise(app: &mut App) {
    press(app, [ch('t')]);
    // The quiz resumes at its first unanswered question: go on from wherever that is.
    while let Some(Screen::Quiz(quiz)) = app.screens().last()
        && quiz.question < EXERCISE
    {
        press(app, [key(KeyCode::Right)]);
    }
    press(app, [key(KeyCode::Enter)]);
}

/// The fixture quiz's exercise comes after six questions.
pub(crate) const EXERCISE: usize = 6;

pub(crate) fn typed(text: &str) -> Vec<Msg> {
    text.chars()
        .map(|c| {
            if c == '\n' {
                key(KeyCode::Enter)
            } else {
                ch(c)
            }
        })
        .collect()
}

pub(crate) fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|frame| {
            let area = frame.area();
            screens::draw(app, frame.buffer_mut(), area);
        })
        .unwrap();
    terminal
}

pub(crate) fn screen_text(app: &App, w: u16, h: u16) -> String {
    let terminal = draw(app, w, h);
    let buf = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The exercise screen on top.
pub(crate) fn exercise(app: &App) -> &ExerciseState {
    match app.screens().last() {
        Some(Screen::Exercise(state)) => state,
        other => panic!("the exercise is not open: {other:?}"),
    }
}
