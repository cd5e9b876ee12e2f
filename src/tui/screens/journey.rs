//! Where the learner goes next, from the saved progress: Continue (the last lesson read, where
//! it was left), the next unfinished thing in the course, the missed questions due for review,
//! and the course's totals for its summary. Reads state only; the screens move.

use super::{quiz, reader};
use crate::progress::Position;
use crate::results::{LessonStatus, Score};
use crate::tui::app::App;

/// A place to go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A lesson at a section and scroll.
    Read(usize, Position),
    /// A lesson's quiz (it opens at its first unanswered question).
    Quiz(usize),
}

/// The lesson Continue reopens (the last one read) and where.
pub(crate) fn continue_target(app: &App) -> Option<(usize, Position)> {
    let progress = app.store.progress();
    let id = progress.last_lesson.as_deref()?;
    let index = app.course.lessons.iter().position(|l| l.id == id)?;
    Some((
        index,
        progress.lessons.get(id)?.position.unwrap_or_default(),
    ))
}

/// The first thing in course order not done: a section never opened (at the saved scroll
/// when the reader was left there), else a quiz with a question not answered.
pub(crate) fn next_unfinished(app: &App) -> Option<Target> {
    let progress = app.store.progress();
    for (index, lesson) in app.course.lessons.iter().enumerate() {
        let saved = progress.lessons.get(&lesson.id);
        let unseen = (0..lesson.sections.len())
            .find(|s| !saved.is_some_and(|l| l.sections_seen.contains(s)));
        if let Some(section) = unseen {
            let scroll = saved
                .and_then(|l| l.position)
                .filter(|p| p.section == section)
                .map_or(0, |p| p.scroll);
            return Some(Target::Read(index, Position { section, scroll }));
        }
        let quiz = app.quizzes.for_lesson(&lesson.id);
        if quiz.is_some_and(|q| Score::of(q, progress).answered < q.questions.len()) {
            return Some(Target::Quiz(index));
        }
    }
    None
}

pub fn go(app: &mut App, target: Target) {
    match target {
        Target::Read(lesson, at) => reader::open(app, lesson, at),
        Target::Quiz(lesson) => {
            quiz::open(app, lesson);
        }
    }
}

/// The missed questions due today, as (lesson index, question index) in course order;
/// questions no longer in the pack are left out.
pub fn due_reviews(app: &App) -> Vec<(usize, usize)> {
    let progress = app.store.progress();
    let today = app.clock.today();
    let mut due = Vec::new();
    for (index, lesson) in app.course.lessons.iter().enumerate() {
        let Some(quiz) = app.quizzes.for_lesson(&lesson.id) else {
            continue;
        };
        for (q, question) in quiz.questions.iter().enumerate() {
            let review = progress
                .question(&lesson.id, &question.id)
                .and_then(|p| p.review);
            if review.is_some_and(|r| r.due_day <= today) {
                due.push((index, q));
            }
        }
    }
    due
}

/// The course in a few lines: lessons read, quizzes passed, answers right, reviews due.
pub(crate) fn course_summary(app: &App) -> Vec<String> {
    let lessons = &app.course.lessons;
    let progress = app.store.progress();
    let mut read = 0;
    let mut quizzes = 0;
    let mut passed = 0;
    let mut total = Score::default();
    for lesson in lessons {
        let status = app.status(lesson);
        read += usize::from(matches!(
            status,
            LessonStatus::Read | LessonStatus::QuizPassed
        ));
        if let Some(quiz) = app.quizzes.for_lesson(&lesson.id) {
            let score = Score::of(quiz, progress);
            quizzes += 1;
            passed += usize::from(score.passed());
            total.total += score.total;
            total.correct += score.correct;
            total.first_try += score.first_try;
        }
    }
    let mut lines = vec![
        format!("Lessons read: {read} of {}.", lessons.len()),
        format!("Quizzes passed: {passed} of {quizzes}."),
        format!(
            "Questions right: {} of {} ({} on the first try).",
            total.correct, total.total, total.first_try
        ),
    ];
    let due = due_reviews(app).len();
    if due > 0 {
        lines.push(format!(
            "{due} missed {} to review now (r on the lesson list).",
            questions(due)
        ));
    }
    lines
}

/// "question" or "questions".
pub fn questions(n: usize) -> &'static str {
    if n == 1 { "question" } else { "questions" }
}
