//! The page after a quiz: the score, what was missed with a link to the section that teaches
//! each, "retry the missed ones" (practice), when they come back for review, and after the
//! course's last quiz the course's summary.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::Line;

use super::journey::{course_summary, questions};
use super::quiz::{QuizState, Round, Writer, lesson_title, quiz_of};
use super::reader;
use crate::progress::Position;
use crate::quiz::Question;
use crate::results::Score;
use crate::tui::app::App;
use crate::tui::keys::{self, Action, Context, Input};
use crate::tui::text::fit;
use crate::tui::update::Effect;

/// Links past this many are left unnumbered: a digit opens one, and there are nine.
const LINKS: usize = 9;

/// A question to go back to: where it is, and whether it was answered at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Missed {
    pub lesson: usize,
    pub question: usize,
    pub answered: bool,
}

/// What the sitting missed: in a lesson's quiz, every question not right (its first answer is
/// what counts); in practice, the ones answered wrong this time.
pub(crate) fn missed(app: &App, state: &QuizState) -> Vec<Missed> {
    if state.round != Round::Lesson {
        let mut out: Vec<Missed> = Vec::new();
        for &((lesson, question), right) in &state.tally {
            let seen = out
                .iter()
                .any(|m| (m.lesson, m.question) == (lesson, question));
            if !right && !seen {
                out.push(Missed {
                    lesson,
                    question,
                    answered: true,
                });
            }
        }
        return out;
    }
    let Some(quiz) = quiz_of(app, state.lesson) else {
        return Vec::new();
    };
    let progress = app.store.progress();
    quiz.questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            let saved = progress.question(&quiz.lesson_id, &q.id);
            (!saved.is_some_and(|p| p.correct)).then(|| Missed {
                lesson: state.lesson,
                question: i,
                answered: saved.is_some_and(|p| p.answered),
            })
        })
        .collect()
}

/// The section that teaches a question: the one it names, else the lesson's first.
pub(crate) fn section_of(app: &App, lesson: usize, question: &Question) -> (usize, String) {
    let Some(l) = app.course.lessons.get(lesson) else {
        return (0, String::new());
    };
    let named = question
        .section
        .as_ref()
        .and_then(|title| l.sections.iter().position(|s| &s.title == title));
    match named {
        Some(i) => (i, l.sections[i].title.clone()),
        None => (0, format!("the lesson “{}”", l.title)),
    }
}

fn question_at(app: &App, m: Missed) -> Option<&Question> {
    quiz_of(app, m.lesson)?.questions.get(m.question)
}

/// A key on the summary: `r` retries the missed ones, a digit opens the section behind that
/// link, Enter, Esc or `q` leave.
pub(super) fn on_key(app: &mut App, state: &mut QuizState, key: KeyEvent) -> Vec<Effect> {
    let action = Input::from_key(key).and_then(|i| keys::action_for(Context::Quiz, i));
    match action {
        Some(Action::Quit) => return vec![Effect::Quit],
        Some(Action::Retry) => {
            let queue: Vec<(usize, usize)> = missed(app, state)
                .iter()
                .map(|m| (m.lesson, m.question))
                .collect();
            if let Some(retry) = QuizState::retry(app, queue) {
                *state = retry;
            }
        }
        Some(Action::Digit) => {
            let link = match key.code {
                KeyCode::Char(c) => c.to_digit(10).and_then(|n| (n as usize).checked_sub(1)),
                _ => None,
            };
            let target = link
                .and_then(|i| missed(app, state).get(i).copied())
                .and_then(|m| Some((m.lesson, section_of(app, m.lesson, question_at(app, m)?).0)));
            if let Some((lesson, section)) = target {
                reader::open(app, lesson, Position { section, scroll: 0 });
            }
        }
        Some(Action::Submit | Action::Back) => {
            app.pop();
            return vec![Effect::SaveProgress, Effect::Redraw];
        }
        _ if key.code == KeyCode::Char('q') => {
            app.pop();
            return vec![Effect::SaveProgress, Effect::Redraw];
        }
        _ => return Vec::new(),
    }
    vec![Effect::Redraw]
}

/// Draws the summary; returns the status bar's position text.
pub(super) fn draw(app: &App, state: &QuizState, out: &mut Writer) -> String {
    let theme = &app.theme;
    let title = lesson_title(app, state.lesson);
    match state.round {
        Round::Lesson => {
            out.line(Line::styled(format!(" Quiz done: {title}"), theme.title));
            out.gap();
            if let Some(quiz) = quiz_of(app, state.lesson) {
                let score = Score::of(quiz, app.store.progress());
                out.line(Line::raw(format!(
                    " {} of {} right ({} on the first try), {} answered.",
                    score.correct, score.total, score.first_try, score.answered
                )));
            }
        }
        Round::Retry | Round::Review => {
            let heading = if state.round == Round::Retry {
                format!(" Practice done: {title}")
            } else {
                " Review done".to_string()
            };
            out.line(Line::styled(heading, theme.title));
            out.gap();
            let right = state.tally.iter().filter(|(_, r)| *r).count();
            out.line(Line::raw(format!(
                " {right} of {} right this time. Practice: your scores keep your first answers.",
                state.tally.len()
            )));
        }
    }
    if let Some(reason) = app.store.read_only_reason() {
        out.gap();
        out.prose(&format!("Not saved: {reason}"), theme);
    }
    let missed = missed(app, state);
    out.gap();
    if missed.is_empty() {
        out.line(Line::raw(" Nothing missed."));
    } else {
        out.line(Line::styled(
            " Missed (✗ wrong, – skipped): press its number to read its section",
            theme.dim,
        ));
        let width = usize::from(out.width()).saturating_sub(8);
        for (i, m) in missed.iter().enumerate() {
            let Some(question) = question_at(app, *m) else {
                continue;
            };
            let number = if i < LINKS {
                format!("{}", i + 1)
            } else {
                " ".into()
            };
            let verdict = if m.answered { "✗" } else { "–" };
            let prompt = question.prompt.lines().next().unwrap_or_default();
            out.line(Line::raw(format!(
                " {number} {verdict} {}",
                fit(prompt, width)
            )));
            let (_, section) = section_of(app, m.lesson, question);
            out.line(Line::styled(
                format!("     § {}", fit(&section, width.saturating_sub(2))),
                theme.dim,
            ));
        }
    }
    out.gap();
    let mut keys_line = String::from(" ");
    if !missed.is_empty() {
        keys_line.push_str("r: retry the missed ones (practice) · ");
    }
    keys_line.push_str("Enter: back");
    out.line(Line::styled(keys_line, theme.dim));
    let wrong = missed.iter().filter(|m| m.answered).count();
    if state.round == Round::Lesson && wrong > 0 {
        out.prose(
            &format!(
                "The {wrong} {} answered wrong come back for review tomorrow, then after 3 and 7 days.",
                questions(wrong)
            ),
            theme,
        );
    }
    if state.round == Round::Lesson && state.lesson + 1 == app.course.lessons.len() {
        out.gap();
        out.line(Line::styled(
            " That was the course's last quiz.",
            theme.title,
        ));
        for line in course_summary(app) {
            out.prose(&line, theme);
        }
    }
    match state.round {
        Round::Lesson => "quiz done".into(),
        Round::Retry => "practice done".into(),
        Round::Review => "review done".into(),
    }
}
