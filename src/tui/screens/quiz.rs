//! The quiz screen: one question at a time, feedback with the explanation, hints on request,
//! and a score at the end. Dockerfile exercises open the exercise screen. Answers are recorded
//! in the learner's progress as they are given.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{exercise, reader, split_bar, status, summary};
use crate::course::layout::layout;
use crate::course::markdown::to_doc;
use crate::quiz::check::shuffled_order;
use crate::quiz::hints::next_hint;
use crate::quiz::{Answer, Question, QuestionKind, Quiz, is_correct};
use crate::tui::app::{App, HelpState, Screen};
use crate::tui::keys::{self, Action, Context, Input, Now};
use crate::tui::theme::Theme;
use crate::tui::update::Effect;

/// Where the learner is in a lesson's quiz and what they have entered so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizState {
    /// Index into `course.lessons`.
    pub lesson: usize,
    /// Index into the quiz's questions; equal to their count on the score page.
    pub question: usize,
    /// The highlighted choice, item or line.
    pub cursor: usize,
    /// Single choice, true/false, spot the bug: the learner has chosen a row. Until then
    /// nothing is selected, so Enter cannot answer with a choice nobody made.
    pub picked: bool,
    /// Multiple choice: which choices are marked.
    pub marked: Vec<bool>,
    /// Order: the items as currently arranged (indices into the solved order).
    pub arrangement: Vec<usize>,
    /// Order: the item under the cursor moves with it.
    pub(crate) grabbed: bool,
    /// Short answer: what has been typed.
    pub text: String,
    /// Short answer: the cursor, in characters from the start of `text`.
    pub caret: usize,
    /// After Enter: whether the answer was right.
    pub answered: Option<bool>,
    /// The answer was not recorded: the question had been answered before (a retry).
    pub practice: bool,
    /// Indices into the question's hints, in the order shown.
    pub(crate) hints_shown: Vec<usize>,
    /// When the question was shown, for time spent.
    pub(crate) shown_at: Instant,
    /// Rows scrolled off the top, for a question (with hints and feedback) taller than the screen.
    pub scroll: u16,
    /// What this sitting is: the lesson's quiz, or practice on a list of questions.
    pub round: Round,
    /// Retry and review: the questions to go through, as (lesson, question) indices.
    pub queue: Vec<(usize, usize)>,
    /// Retry and review: the place in `queue`.
    pub at: usize,
    /// Every question gone through: the summary is shown.
    pub done: bool,
    /// This sitting's answers: (lesson, question) and whether it was right.
    pub(crate) tally: Vec<((usize, usize), bool)>,
}

/// What a sitting of the quiz screen is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Round {
    /// A lesson's quiz, in order, from its first unanswered question.
    Lesson,
    /// The questions missed in a lesson's quiz, again: practice, the score keeps the first answer.
    Retry,
    /// The missed questions due today, from any lesson (see [`crate::progress::review`]).
    Review,
}

/// The most a question can be scrolled, and one page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Fit {
    pub max_scroll: u16,
    pub page: u16,
}

impl QuizState {
    /// The quiz of lesson `lesson` at its first unanswered question (the first question when
    /// every one is answered).
    pub fn new(app: &App, lesson: usize) -> QuizState {
        let mut state = QuizState {
            lesson,
            question: first_unanswered(app, lesson),
            cursor: 0,
            picked: false,
            marked: Vec::new(),
            arrangement: Vec::new(),
            grabbed: false,
            text: String::new(),
            caret: 0,
            answered: None,
            practice: false,
            hints_shown: Vec::new(),
            shown_at: Instant::now(),
            scroll: 0,
            round: Round::Lesson,
            queue: Vec::new(),
            at: 0,
            done: false,
            tally: Vec::new(),
        };
        state.prepare(app);
        state
    }

    /// A practice sitting over `queue` (not empty).
    fn practice(app: &App, round: Round, queue: Vec<(usize, usize)>) -> QuizState {
        let (lesson, question) = queue[0];
        let mut state = QuizState::new(app, lesson);
        state.question = question;
        state.round = round;
        state.queue = queue;
        state.prepare(app);
        state
    }

    /// A retry of `queue`, the questions missed; `None` when nothing was.
    pub(super) fn retry(app: &App, queue: Vec<(usize, usize)>) -> Option<QuizState> {
        (!queue.is_empty()).then(|| QuizState::practice(app, Round::Retry, queue))
    }

    /// On to the next question of the sitting, or to the summary after the last.
    fn advance(&mut self, app: &App) {
        match self.round {
            Round::Lesson => {
                self.question += 1;
                let count = quiz_of(app, self.lesson).map_or(0, |q| q.questions.len());
                self.done = self.question >= count;
            }
            Round::Retry | Round::Review => {
                self.at += 1;
                match self.queue.get(self.at) {
                    Some(&(lesson, question)) => {
                        self.lesson = lesson;
                        self.question = question;
                    }
                    None => self.done = true,
                }
            }
        }
        self.prepare(app);
    }

    /// Resets the per-question fields for the current question.
    fn prepare(&mut self, app: &App) {
        self.cursor = 0;
        self.picked = false;
        self.grabbed = false;
        self.text.clear();
        self.caret = 0;
        self.answered = None;
        self.practice = false;
        self.hints_shown.clear();
        self.shown_at = Instant::now();
        self.scroll = 0;
        let question = quiz_of(app, self.lesson).and_then(|q| q.questions.get(self.question));
        self.marked.clear();
        self.arrangement.clear();
        match question.map(|q| (&q.id, &q.kind)) {
            Some((_, QuestionKind::Multiple { choices, .. })) => {
                self.marked = vec![false; choices.len()];
            }
            Some((id, QuestionKind::Order { items })) => {
                self.arrangement = shuffled_order(id, items.len());
            }
            Some((_, QuestionKind::SpotBug { .. })) => self.cursor = 0,
            _ => {}
        }
    }
}

/// Where a quiz resumes: its first question without a saved answer, else its first.
fn first_unanswered(app: &App, lesson: usize) -> usize {
    quiz_of(app, lesson).map_or(0, |quiz| {
        crate::results::score::first_unanswered(quiz, app.store.progress())
    })
}

/// The quiz for lesson index `lesson`, if it has one.
pub fn quiz_of(app: &App, lesson: usize) -> Option<&Quiz> {
    app.quizzes.for_lesson(&app.course.lessons.get(lesson)?.id)
}

fn lesson_id(app: &App, lesson: usize) -> String {
    app.course
        .lessons
        .get(lesson)
        .map(|l| l.id.clone())
        .unwrap_or_default()
}

pub(super) fn lesson_title(app: &App, lesson: usize) -> &str {
    app.course
        .lessons
        .get(lesson)
        .map_or("", |l| l.title.as_str())
}

/// Opens the quiz of lesson `lesson`, if it has questions.
pub fn open(app: &mut App, lesson: usize) -> bool {
    if quiz_of(app, lesson).is_none_or(|q| q.questions.is_empty()) {
        return false;
    }
    let state = QuizState::new(app, lesson);
    app.push(Screen::Quiz(state));
    true
}

/// Opens a review of `due` (lesson, question) pairs, if there are any.
pub(crate) fn open_review(app: &mut App, due: Vec<(usize, usize)>) {
    if !due.is_empty() {
        let state = QuizState::practice(app, Round::Review, due);
        app.push(Screen::Quiz(state));
    }
}

/// Handles one key on the quiz screen. Typing in a short answer comes before the key table,
/// so letters are text there.
pub(crate) fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    app.with_top(|app, top| match top {
        Screen::Quiz(state) => handle(app, state, key),
        _ => Vec::new(),
    })
}

fn handle(app: &mut App, state: &mut QuizState, key: KeyEvent) -> Vec<Effect> {
    let book = std::rc::Rc::clone(&app.quizzes);
    let Some(quiz) = app
        .course
        .lessons
        .get(state.lesson)
        .and_then(|l| book.for_lesson(&l.id))
    else {
        app.pop();
        return vec![Effect::Redraw];
    };
    let question = match quiz.questions.get(state.question) {
        Some(question) if !state.done => question,
        _ => return summary::on_key(app, state, key),
    };
    if typing(question, state)
        && key.modifiers.difference(KeyModifiers::SHIFT).is_empty()
        && edit_answer(state, key.code)
    {
        return vec![Effect::Redraw];
    }
    let Some(action) = Input::from_key(key).and_then(|i| keys::action_for(Context::Quiz, i)) else {
        return Vec::new();
    };
    let lesson = lesson_id(app, state.lesson);
    match action {
        Action::Quit => return vec![Effect::Quit],
        Action::ToggleHelp => app.push(Screen::Help(HelpState::default())),
        Action::Back => {
            app.pop();
            return vec![Effect::SaveProgress, Effect::Redraw];
        }
        Action::Hint => {
            if let Some(i) = next_hint(question, None, &state.hints_shown) {
                state.hints_shown.push(i);
                app.store.progress_mut().record_hint(&lesson, &question.id);
                return vec![Effect::SaveProgress, Effect::Redraw];
            }
            app.note = Some(if question.hints.is_empty() {
                "This question has no hints.".into()
            } else {
                "No more hints for this question.".into()
            });
        }
        Action::Next => state.advance(app),
        Action::Retry if state.answered == Some(false) => {
            let question_index = state.question;
            state.prepare(app);
            state.question = question_index;
        }
        Action::Submit => return submit(app, state, question, &lesson),
        Action::PageDown => {
            let fit = fit(app, state, app.area);
            state.scroll = state.scroll.saturating_add(fit.page).min(fit.max_scroll);
        }
        Action::PageUp => {
            state.scroll = state.scroll.saturating_sub(fit(app, state, app.area).page)
        }
        _ if state.answered.is_some() => {}
        Action::Up | Action::Down => move_cursor(state, question, action == Action::Up),
        Action::Toggle => toggle(state),
        Action::Digit => {
            if let KeyCode::Char(c) = key.code
                && let Some(n) = c.to_digit(10).filter(|&n| n > 0)
            {
                pick(state, question, n as usize - 1);
            }
        }
        _ => return Vec::new(),
    }
    vec![Effect::Redraw]
}

/// A key that edits a typed answer: characters go in at the cursor, Backspace and Delete take
/// one out, Left, Right (but at the end), Home and End move. Returns whether the key was one
/// of those.
fn edit_answer(state: &mut QuizState, code: KeyCode) -> bool {
    let len = state.text.chars().count();
    let caret = state.caret.min(len);
    let at = |text: &str, chars: usize| {
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| i)
    };
    match code {
        KeyCode::Char(c) => {
            let i = at(&state.text, caret);
            state.text.insert(i, c);
            state.caret = caret + 1;
        }
        KeyCode::Backspace if caret > 0 => {
            let i = at(&state.text, caret - 1);
            state.text.remove(i);
            state.caret = caret - 1;
        }
        KeyCode::Delete if caret < len => {
            let i = at(&state.text, caret);
            state.text.remove(i);
        }
        KeyCode::Backspace | KeyCode::Delete => {}
        KeyCode::Left => state.caret = caret.saturating_sub(1),
        // At the end, Right is the table's: on to the next question, as on every other kind.
        KeyCode::Right if caret < len => state.caret = caret + 1,
        KeyCode::Home => state.caret = 0,
        KeyCode::End => state.caret = len,
        _ => return false,
    }
    true
}

fn typing(question: &Question, state: &QuizState) -> bool {
    matches!(question.kind, QuestionKind::Short { .. }) && state.answered.is_none()
}

fn is_exercise(question: &Question) -> bool {
    matches!(question.kind, QuestionKind::Dockerfile(_))
}

/// How many rows the cursor moves over.
fn rows(question: &Question) -> usize {
    match &question.kind {
        QuestionKind::Single { choices, .. } | QuestionKind::Multiple { choices, .. } => {
            choices.len()
        }
        QuestionKind::TrueFalse { .. } => 2,
        QuestionKind::Order { items } => items.len(),
        QuestionKind::SpotBug { dockerfile, .. } => dockerfile.lines().count(),
        QuestionKind::Short { .. } | QuestionKind::Dockerfile(_) => 0,
    }
}

/// Questions answered by the row the cursor is on (the others mark or arrange rows).
fn answers_with_cursor(question: &Question) -> bool {
    matches!(
        question.kind,
        QuestionKind::Single { .. } | QuestionKind::TrueFalse { .. } | QuestionKind::SpotBug { .. }
    )
}

fn move_cursor(state: &mut QuizState, question: &Question, up: bool) {
    let count = rows(question);
    if count == 0 {
        return;
    }
    if !state.picked && answers_with_cursor(question) {
        // The first move selects the first row rather than skipping it.
        state.picked = true;
        return;
    }
    let next = if up {
        state.cursor.saturating_sub(1)
    } else {
        (state.cursor + 1).min(count - 1)
    };
    if state.grabbed && next != state.cursor {
        state.arrangement.swap(state.cursor, next);
    }
    state.cursor = next;
}

fn toggle(state: &mut QuizState) {
    if let Some(m) = state.marked.get_mut(state.cursor) {
        *m = !*m;
    } else if !state.arrangement.is_empty() {
        state.grabbed = !state.grabbed;
    }
}

/// A digit: moves to that row; in multiple choice it also marks or unmarks it.
fn pick(state: &mut QuizState, question: &Question, index: usize) {
    if index >= rows(question) {
        return;
    }
    state.grabbed = false;
    state.cursor = index;
    state.picked = true;
    if matches!(question.kind, QuestionKind::Multiple { .. }) {
        toggle(state);
    }
}

fn answer_of(state: &QuizState, question: &Question) -> Option<Answer> {
    if answers_with_cursor(question) && !state.picked {
        return None;
    }
    Some(match &question.kind {
        QuestionKind::Single { .. } => Answer::Choice(state.cursor),
        QuestionKind::Multiple { .. } => Answer::Choices(
            (0..state.marked.len())
                .filter(|&i| state.marked[i])
                .collect(),
        ),
        QuestionKind::TrueFalse { .. } => Answer::Bool(state.cursor == 0),
        QuestionKind::Short { .. } => {
            if state.text.trim().is_empty() {
                return None;
            }
            Answer::Text(state.text.clone())
        }
        QuestionKind::Order { .. } => Answer::Order(state.arrangement.clone()),
        QuestionKind::SpotBug { .. } => Answer::Line(state.cursor + 1),
        QuestionKind::Dockerfile(_) => return None,
    })
}

fn submit(app: &mut App, state: &mut QuizState, question: &Question, lesson: &str) -> Vec<Effect> {
    if state.answered.is_some() {
        state.advance(app);
        return vec![Effect::Redraw];
    }
    if is_exercise(question) {
        exercise::open(app, state.lesson, state.question);
        return vec![Effect::Redraw];
    }
    let Some(answer) = answer_of(state, question) else {
        return Vec::new();
    };
    let correct = is_correct(question, &answer);
    state.answered = Some(correct);
    state.grabbed = false;
    let today = app.clock.today();
    let progress = app.store.progress_mut();
    state.practice = !progress.record_first_answer(lesson, &question.id, correct);
    if !state.practice && !correct {
        progress.schedule_review(lesson, &question.id, today);
    }
    if state.round == Round::Review {
        progress.record_review(lesson, &question.id, correct, today);
    }
    state.tally.push(((state.lesson, state.question), correct));
    let ms = u64::try_from(state.shown_at.elapsed().as_millis()).unwrap_or(u64::MAX);
    progress.add_time(lesson, &question.id, ms);
    state.shown_at = Instant::now();
    vec![Effect::SaveProgress, Effect::Redraw]
}

// ---------------------------------------------------------------------------------------------
// Drawing

/// How the question fits `area` (the whole screen): measured by laying it out into a scratch
/// buffer, for paging, so drawing need not remember it for `update`.
fn fit(app: &App, state: &QuizState, area: Rect) -> Fit {
    let Some(quiz) = quiz_of(app, state.lesson) else {
        return Fit::default();
    };
    let (body, _) = split(state, quiz, area);
    let mut scratch = Buffer::empty(area);
    lay_out(app, state, quiz, &mut scratch, body).1
}

/// The question's rows and the status bar's, the bar sized for the longest position it may
/// show, so the body does not depend on the scroll.
fn split(state: &QuizState, quiz: &Quiz, area: Rect) -> (Rect, Option<Rect>) {
    let more = keys::hint_label(Context::Quiz, Action::PageDown, "more");
    let widest = bar(
        state,
        quiz,
        &format!("quiz {0}/{0} · {more}", quiz.questions.len()),
    );
    split_bar(area, &widest)
}

/// Lays the question out into `buf` (measured first, into no rows, so that the scroll stays
/// within the content): the writer after it, the fit and the position text.
fn lay_out<'b>(
    app: &App,
    state: &QuizState,
    quiz: &Quiz,
    buf: &'b mut Buffer,
    body: Rect,
) -> (Writer<'b>, Fit, String) {
    let mut measure = Writer::new(buf, Rect { height: 0, ..body });
    draw_content(app, state, quiz, &mut measure);
    let fit = Fit {
        max_scroll: measure.rows().saturating_sub(body.height),
        page: body.height.saturating_sub(2).max(1),
    };
    let mut out = Writer::new(buf, body).skipping(state.scroll.min(fit.max_scroll));
    let position = draw_content(app, state, quiz, &mut out);
    (out, fit, position)
}

/// The choice, item or line drawn at row `y` of `area`, found by laying the question out
/// again (into a scratch buffer: drawing keeps no state for clicks to read).
pub(crate) fn row_at(app: &App, state: &QuizState, area: Rect, y: u16) -> Option<usize> {
    let quiz = quiz_of(app, state.lesson)?;
    let (body, _) = split(state, quiz, area);
    let mut scratch = Buffer::empty(body);
    let (out, _, _) = lay_out(app, state, quiz, &mut scratch, body);
    out.picks.iter().find(|(row, _)| *row == y).map(|&(_, i)| i)
}

/// A click on row `index` of the question's answer: picks it, as its digit would.
pub fn click(app: &mut App, index: usize) -> Vec<Effect> {
    app.with_top(|app, top| {
        let Screen::Quiz(state) = top else {
            return Vec::new();
        };
        let Some(question) =
            quiz_of(app, state.lesson).and_then(|q| q.questions.get(state.question))
        else {
            return Vec::new();
        };
        if state.answered.is_some() {
            return Vec::new();
        }
        pick(state, question, index);
        vec![Effect::Redraw]
    })
}

pub fn draw(app: &App, state: &QuizState, buf: &mut Buffer, area: Rect) {
    let theme = &app.theme;
    let Some(quiz) = quiz_of(app, state.lesson) else {
        return;
    };
    let (body, status_row) = split(state, quiz, area);
    let (_, fit, mut position) = lay_out(app, state, quiz, buf, body);
    let scroll = state.scroll.min(fit.max_scroll);
    if scroll < fit.max_scroll {
        let more = keys::hint_label(Context::Quiz, Action::PageDown, "more");
        position.push_str(&format!(" · {more}"));
    } else if scroll > 0 {
        position.push_str(&format!(
            " · {}",
            keys::hint_label(Context::Quiz, Action::PageUp, "back up")
        ));
    }
    if let Some(row) = status_row {
        bar(state, quiz, &super::noted(app, position)).draw(buf, row, theme);
    }
}

/// The status bar: the keys that act on the question as it stands. Before an answer: picking,
/// marking (multiple choice, order), hints while some are left, Enter to answer (to open the
/// editor, on a Dockerfile question); after it: Enter for the next question, `r` after a wrong
/// answer; on the summary (which writes its own keys), the ways out.
pub fn bar(state: &QuizState, quiz: &Quiz, position: &str) -> status::Bar {
    let question = quiz.questions.get(state.question).filter(|_| !state.done);
    let Some(question) = question else {
        let hints = keys::hints_now(Context::Quiz, false, |action| match action {
            Action::Back | Action::ToggleHelp => Now::Shown,
            _ => Now::Hidden,
        });
        return status::Bar::new(position, hints);
    };
    let answered = state.answered;
    let last = match state.round {
        Round::Lesson => state.question + 1 == quiz.questions.len(),
        Round::Retry | Round::Review => state.at + 1 >= state.queue.len(),
    };
    let hints_left = next_hint(question, None, &state.hints_shown).is_some();
    let toggle = match question.kind {
        QuestionKind::Multiple { .. } => Now::Shown,
        QuestionKind::Order { .. } if state.grabbed => Now::As("put down"),
        QuestionKind::Order { .. } => Now::As("pick up"),
        _ => Now::Hidden,
    };
    let now = |action| match (action, answered) {
        (Action::Submit, Some(_)) if last => Now::As("score"),
        (Action::Submit, Some(_)) => Now::As("next"),
        (Action::Submit, None) if is_exercise(question) => Now::As("open editor"),
        (Action::Retry, Some(false)) => Now::Shown,
        (Action::Digit, None) if rows(question) > 0 => Now::Shown,
        (Action::Toggle, None) => toggle,
        (Action::Hint, None) if hints_left => Now::Shown,
        (Action::Submit | Action::Back | Action::ToggleHelp, _) => Now::Shown,
        _ => Now::Hidden,
    };
    let hints = keys::hints_now(Context::Quiz, typing(question, state), now);
    status::Bar::new(position, hints)
}

/// The question (or the score page), top to bottom; returns the status bar's position text.
fn draw_content(app: &App, state: &QuizState, quiz: &Quiz, out: &mut Writer) -> String {
    let theme = &app.theme;
    let title = lesson_title(app, state.lesson);
    // Practice counts through its own list, across lessons in a review.
    let (label, number, total) = match state.round {
        Round::Lesson => ("Quiz", state.question + 1, quiz.questions.len()),
        Round::Retry => ("Practice", state.at + 1, state.queue.len()),
        Round::Review => ("Review", state.at + 1, state.queue.len()),
    };
    match quiz.questions.get(state.question).filter(|_| !state.done) {
        Some(question) => {
            let place = format!("question {number}/{total} · {}", question.kind.task());
            // The lesson title gives way first: where you are and what to do must stay whole.
            let lead = format!(" {label}:  · ");
            let room = usize::from(out.area.width)
                .saturating_sub(crate::tui::text::width(&place) + crate::tui::text::width(&lead));
            let title = crate::tui::text::fit(title, room);
            out.line(Line::from(vec![
                Span::styled(format!(" {label}: {title} · "), theme.title),
                Span::styled(place, theme.dim),
            ]));
            out.gap();
            draw_question(app, state, question, out, theme);
            format!("{} {number}/{total}", label.to_lowercase())
        }
        None => summary::draw(app, state, out),
    }
}

fn draw_question(
    app: &App,
    state: &QuizState,
    question: &Question,
    out: &mut Writer,
    theme: &Theme,
) {
    out.prose(&question.prompt, theme);
    out.gap();
    let answered = state.answered.is_some();
    // Nothing looks chosen before the learner chooses.
    let shown = state.picked || !answers_with_cursor(question);
    let chosen = |i: usize| shown && i == state.cursor;
    let cursor_style = |i: usize| {
        if chosen(i) && !answered {
            theme.selected
        } else {
            Style::new()
        }
    };
    match &question.kind {
        QuestionKind::Single { choices, correct } => {
            for (i, choice) in choices.iter().enumerate() {
                let mark = if chosen(i) { "(•)" } else { "( )" };
                let verdict = mark_pick(answered, i == *correct, chosen(i));
                out.choice(i, mark, choice, cursor_style(i), verdict, theme);
            }
        }
        QuestionKind::Multiple { choices, correct } => {
            for (i, choice) in choices.iter().enumerate() {
                let mark = if state.marked.get(i) == Some(&true) {
                    "[x]"
                } else {
                    "[ ]"
                };
                let marked = state.marked.get(i) == Some(&true);
                let verdict = mark_pick(answered, correct.contains(&i), marked);
                out.choice(i, mark, choice, cursor_style(i), verdict, theme);
            }
        }
        QuestionKind::TrueFalse { answer } => {
            for (i, label) in ["True", "False"].into_iter().enumerate() {
                let mark = if chosen(i) { "(•)" } else { "( )" };
                let verdict = mark_pick(answered, (i == 0) == *answer, chosen(i));
                out.choice(i, mark, label, cursor_style(i), verdict, theme);
            }
        }
        QuestionKind::Short { accept } => {
            let mut typed = state.text.clone();
            if !answered {
                let caret = state.caret.min(typed.chars().count());
                let i = typed
                    .char_indices()
                    .nth(caret)
                    .map_or(typed.len(), |(i, _)| i);
                typed.insert(i, '▏');
            }
            out.line(Line::from(vec![
                Span::styled(" Answer: ", theme.dim),
                Span::styled(typed, theme.title),
            ]));
            if answered && state.answered == Some(false) {
                // Wrapped, as inline code: a cut line would hide some of the answers.
                let listed: Vec<String> = accept.iter().map(|a| code_span(a)).collect();
                out.prose(&format!("Accepted: {}", listed.join(" · ")), theme);
            }
        }
        QuestionKind::Order { items } => {
            for (row, &item) in state.arrangement.iter().enumerate() {
                let mark = if state.grabbed && row == state.cursor {
                    "⇅"
                } else {
                    " "
                };
                let verdict = answered.then_some(item == row);
                out.choice(row, mark, &items[item], cursor_style(row), verdict, theme);
            }
            if state.answered == Some(false) {
                out.gap();
                out.line(Line::styled(" The right order:", theme.dim));
                for (i, item) in items.iter().enumerate() {
                    out.line(Line::raw(format!("  {}. {item}", i + 1)));
                }
            }
        }
        QuestionKind::SpotBug {
            dockerfile,
            bug_line,
        } => {
            for (i, text) in dockerfile.lines().enumerate() {
                let verdict = answered
                    .then(|| i + 1 == *bug_line)
                    .filter(|&b| b || chosen(i));
                let number = Span::styled(format!("{:>3} ", i + 1), theme.dim);
                let mark = match verdict {
                    Some(true) => Span::styled("✓ ", theme.title),
                    Some(false) => Span::styled("✗ ", theme.error),
                    None => Span::raw("  "),
                };
                let code = Span::styled(text.to_string(), cursor_style(i).patch(theme.code_block));
                out.pick_row(i);
                out.line(Line::from(vec![mark, number, code]));
            }
        }
        QuestionKind::Dockerfile(ex) => {
            out.line(Line::styled(" Requirements:", theme.dim));
            for r in &ex.requirements {
                out.line(Line::raw(format!("  • {}", r.describe())));
            }
            out.gap();
            let lesson = lesson_id(app, state.lesson);
            let done = app
                .store
                .progress()
                .question(&lesson, &question.id)
                .is_some_and(|p| p.correct);
            let (enter, next) = (
                keys::key_name(Context::Quiz, Action::Submit),
                keys::key_name(Context::Quiz, Action::Next),
            );
            let text = if done {
                format!(" ✓ Passed. {enter}: open it again · {next}: next question")
            } else {
                format!(" {enter}: open the exercise editor · {next}: skip")
            };
            out.line(Line::styled(text, theme.title));
        }
    }
    for (n, &i) in state.hints_shown.iter().enumerate() {
        out.gap();
        out.prose(
            &format!("**Hint {}:** {}", n + 1, question.hints[i].text),
            theme,
        );
    }
    if let Some(correct) = state.answered {
        out.gap();
        let (text, style) = if correct {
            (" ✓ Correct.".to_string(), theme.title)
        } else {
            let retry = keys::key_name(Context::Quiz, Action::Retry);
            (format!(" ✗ Not quite. ({retry}: try again)"), theme.error)
        };
        out.line(Line::styled(text, style));
        if state.practice {
            out.line(Line::styled(
                " Practice: your first answer to this question is the one that counts.",
                theme.dim,
            ));
        }
        out.prose(&question.explanation, theme);
    }
}

/// `text` as a Markdown code span, fenced with more backticks than any run inside it.
fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// After answering: ✓ on every right choice, ✗ on a wrong one the learner picked.
fn mark_pick(answered: bool, right: bool, picked: bool) -> Option<bool> {
    match (answered, right, picked) {
        (false, _, _) => None,
        (true, true, _) => Some(true),
        (true, false, true) => Some(false),
        (true, false, false) => None,
    }
}

/// Writes lines top to bottom into an area, dropping what does not fit.
pub(super) struct Writer<'b> {
    buf: &'b mut Buffer,
    area: Rect,
    y: u16,
    /// Rows still to leave out at the top (scrolled off).
    skip: u16,
    /// The screen row of each visible row of a choice, item or line, with its index: where a
    /// click lands.
    picks: Vec<(u16, usize)>,
}

impl<'b> Writer<'b> {
    pub(super) fn new(buf: &'b mut Buffer, area: Rect) -> Self {
        let y = area.y;
        Writer {
            buf,
            area,
            y,
            skip: 0,
            picks: Vec::new(),
        }
    }

    /// Leaves out the first `rows` rows, as if scrolled off the top.
    pub(super) fn skipping(mut self, rows: u16) -> Self {
        self.skip = rows;
        self
    }

    /// Rows written or passed so far (after the skipped ones), however many fitted.
    pub(super) fn width(&self) -> u16 {
        self.area.width
    }

    pub(super) fn rows(&self) -> u16 {
        self.y - self.area.y
    }

    pub(super) fn line(&mut self, line: Line<'_>) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        if self.y < self.area.bottom() && self.area.width > 0 {
            self.buf
                .set_line(self.area.x, self.y, &line, self.area.width);
        }
        self.y = self.y.saturating_add(1);
    }

    /// Rows written so far, at most the area's height.
    pub(super) fn used(&self) -> u16 {
        (self.y - self.area.y).min(self.area.height)
    }

    /// `mark` (styled) and then `text` as Markdown, wrapped with a hanging indent.
    pub(super) fn marked(&mut self, mark: &str, style: Style, text: &str, theme: &Theme) {
        let width = self.area.width.saturating_sub(2).max(1);
        for (i, laid) in layout(&to_doc(text, false), width).iter().enumerate() {
            let mut line = reader::styled_line(laid, theme);
            let lead = if i == 0 {
                Span::styled(format!("{mark} "), style)
            } else {
                Span::raw("  ")
            };
            line.spans.insert(0, lead);
            self.line(line);
        }
    }

    /// Notes that the next line belongs to row `index` of the answer (a choice, an item).
    fn pick_row(&mut self, index: usize) {
        if self.skip == 0 && self.y < self.area.bottom() {
            self.picks.push((self.y, index));
        }
    }

    pub(super) fn gap(&mut self) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        self.y = self.y.saturating_add(1);
    }

    /// Markdown text (inline code, emphasis) wrapped to the width by the course's layout,
    /// indented by one column.
    pub(super) fn prose(&mut self, text: &str, theme: &Theme) {
        let width = self.area.width.saturating_sub(2).max(1);
        for laid in layout(&to_doc(text, false), width) {
            let mut line = reader::styled_line(&laid, theme);
            line.spans.insert(0, Span::raw(" "));
            self.line(line);
        }
    }

    fn choice(
        &mut self,
        index: usize,
        mark: &str,
        text: &str,
        style: Style,
        verdict: Option<bool>,
        theme: &Theme,
    ) {
        let verdict = match verdict {
            Some(true) => Span::styled(" ✓", theme.title),
            Some(false) => Span::styled(" ✗", theme.error),
            None => Span::raw("  "),
        };
        // Long choices wrap under their own text, so none is cut at 80 columns.
        let number = format!(" {} {mark} ", index + 1);
        let indent = 2 + crate::tui::text::width(&number);
        let room = usize::from(self.area.width).saturating_sub(indent).max(1);
        let mut lead = vec![verdict, Span::styled(number, theme.dim)];
        for row in crate::tui::text::wrap(text, room) {
            let mut spans = std::mem::replace(&mut lead, vec![Span::raw(" ".repeat(indent))]);
            spans.push(Span::styled(row, style));
            self.pick_row(index);
            self.line(Line::from(spans));
        }
    }
}
