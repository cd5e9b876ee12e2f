//! `--plain`: the course line by line, for screen readers and dumb terminals. No alternate
//! screen, no cursor movement, no colour: it prints lines and reads lines, so it also runs
//! over a pipe. Lessons page by page ([`reading`]), quizzes answered by typing ([`quiz`]), a
//! numbered menu ([`menu`]). Answers are judged and kept exactly as in the full-screen app:
//! the quiz's judge and the progress store, no second implementation.
//! A sibling of `tui` and `cli`: the library never names it (tests/layering.rs).

mod answer;
mod console;
mod menu;
mod quiz;
mod reading;

use std::io::{self, BufRead, IsTerminal, Write};

pub(crate) use console::Console;

use crate::course::Course;
use crate::progress::Store;
use crate::quiz::QuizBook;

/// Text is wrapped to the terminal's width, but never wider than this (long lines are hard
/// to read and to hear).
const MAX_WIDTH: u16 = 100;

/// The course, its quizzes and the learner's progress, as the plain session uses them.
pub(crate) struct Session<'a> {
    pub course: &'a Course,
    pub quizzes: QuizBook,
    pub store: &'a mut Store,
}

impl Session<'_> {
    /// Writes progress now; says so when it cannot (never silently lost).
    fn save<R: BufRead, W: Write>(&mut self, console: &mut Console<R, W>) -> io::Result<()> {
        if self.store.read_only_reason().is_some() {
            return Ok(());
        }
        match self.store.save() {
            Ok(_) => Ok(()),
            Err(err) => console.say(&format!("Not saved: {err}")),
        }
    }
}

/// Runs the plain course on `console` until the learner quits or the input ends.
pub(crate) fn run<R: BufRead, W: Write>(
    course: &Course,
    store: &mut Store,
    console: &mut Console<R, W>,
) -> io::Result<()> {
    let mut session = Session {
        quizzes: QuizBook::for_course(course),
        course,
        store,
    };
    menu::run(&mut session, console)?;
    session.save(console)
}

/// The terminal's columns and rows when stdout is one; else `$COLUMNS` and `$LINES`; else
/// 80 x 24. The width is capped at [`MAX_WIDTH`].
pub(crate) fn size() -> (u16, u16) {
    let from_env = |name: &str, default: u16| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.trim().parse::<u16>().ok())
            .filter(|&n| n > 0)
            .unwrap_or(default)
    };
    let (width, height) = if io::stdout().is_terminal() {
        ratatui::crossterm::terminal::size().unwrap_or((80, 24))
    } else {
        (from_env("COLUMNS", 80), from_env("LINES", 24))
    };
    (width.clamp(20, MAX_WIDTH), height.max(5))
}

/// Whether the terminal cannot draw the full screens (`TERM=dumb`): then plain mode is used
/// without being asked for.
pub(crate) fn terminal_is_dumb() -> bool {
    std::env::var("TERM").is_ok_and(|t| t == "dumb")
}
