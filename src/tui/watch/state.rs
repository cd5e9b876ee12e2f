//! The watch screen's state: the workshop, every exercise's latest outcome, which one is
//! current, what the panel shows. Changed only by [`super::update::update`]; drawn by
//! [`crate::tui::screens::watch`].

use ratatui::layout::Rect;

use crate::progress::Store;
use crate::tui::theme::Theme;
use crate::workshop::report::now_ms;
use crate::workshop::{Board, Reporter, Workshop};

/// What the right-hand panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// The requirement checklist and the findings.
    Verdict,
    Solution,
    /// Every key of the watch screen.
    Keys,
}

/// How a message is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    Info,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub(crate) tone: Tone,
}

pub struct WatchState {
    pub workshop: Workshop,
    pub board: Board,
    pub store: Store,
    pub theme: Theme,
    /// The exercise shown and highlighted.
    pub current: usize,
    pub panel: Panel,
    /// First shown row of the panel.
    pub scroll: u16,
    /// Hints shown so far, per exercise (indices into the question's hints).
    pub(crate) hints_shown: Vec<Vec<usize>>,
    /// `r` was pressed: the next key confirms (`y`) or cancels.
    pub confirm_reset: bool,
    /// One line of news: the last save's result, a problem with the file or the watcher.
    pub message: Option<Message>,
    pub area: Rect,
    /// Writes the learner's live results into the class folder (`--report-to`, `report_to:`).
    pub reporter: Option<Reporter>,
    /// Unix ms now ([`WatchState::with_clock`] sets another, for tests).
    clock: Box<dyn Fn() -> u64>,
    /// When the learner last did something (Unix ms): the time since is work on an exercise.
    last_active_ms: u64,
}

/// The longest pause counted as work: a learner away longer was not working on the exercise.
pub const IDLE_MS: u64 = 5 * 60 * 1000;

impl WatchState {
    /// Checks every file, and starts on the first exercise that does not pass yet.
    pub fn new(workshop: Workshop, store: Store) -> WatchState {
        let board = Board::scan(&workshop);
        let current = board.next_unsolved(0).unwrap_or(0);
        let count = workshop.exercises.len();
        WatchState {
            workshop,
            board,
            store,
            theme: Theme::default(),
            current,
            panel: Panel::Verdict,
            scroll: 0,
            hints_shown: vec![Vec::new(); count],
            confirm_reset: false,
            message: None,
            area: Rect::new(0, 0, 80, 24),
            reporter: None,
            clock: Box::new(now_ms),
            last_active_ms: now_ms(),
        }
    }

    /// Reads the time from `clock` (Unix ms) from now on.
    pub fn with_clock(mut self, clock: impl Fn() -> u64 + 'static) -> WatchState {
        self.last_active_ms = clock();
        self.clock = Box::new(clock);
        self
    }

    /// Counts the time since the learner's last activity, up to [`IDLE_MS`], as time spent on
    /// exercise `index` (in the progress file, where results and the class table read it).
    pub(crate) fn clock_in(&mut self, index: usize) {
        let now = (self.clock)();
        let since = now.saturating_sub(std::mem::replace(&mut self.last_active_ms, now));
        let Some(ex) = self.workshop.exercises.get(index) else {
            return;
        };
        if since > 0 {
            let saved = (self.store.progress_mut()).question_mut(&ex.lesson_id, &ex.question.id);
            saved.time_spent_ms = saved.time_spent_ms.saturating_add(since.min(IDLE_MS));
        }
    }

    /// Writes the live results into the class folder, if reporting; a failure is shown, and
    /// the learner works on.
    pub fn report(&mut self, now_ms: u64) {
        let Some(reporter) = self.reporter.as_mut() else {
            return;
        };
        let written = reporter.write(&self.workshop, &self.board, self.store.progress(), now_ms);
        if let Err(err) = written {
            self.say(Tone::Bad, format!("✗ not sent to the class folder: {err}"));
        }
    }

    pub fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            tone,
        });
    }
}
