//! A lesson's quiz, typed: from the first unanswered question to the end, then the score.
//! Answers are judged by the quiz's own judge and recorded in the progress store exactly as
//! the full-screen quiz records them (first answer counts, time, hints, exercise attempts).

use std::io::{self, BufRead, Write};
use std::path::Path;
use std::time::Instant;

use super::answer;
use super::reading::After;
use super::{Console, Session};
use crate::quiz::hints::next_hint;
use crate::quiz::judge::judge;
use crate::quiz::{Exercise, Question, QuestionKind, Verdict, check::shuffled_order, is_correct};
use crate::results::Score;
use crate::results::score::first_unanswered;
use crate::safe_fs::read::{Kind, read_text};

const COMMANDS: &str = "h: a hint · s: skip · q: stop the quiz";

/// How one question ended.
enum Outcome {
    Next,
    Stop,
    /// The input ended.
    Quit,
}

pub(super) fn take<R: BufRead, W: Write>(
    session: &mut Session,
    console: &mut Console<R, W>,
    lesson: usize,
) -> io::Result<After> {
    let Some(l) = session.course.lessons.get(lesson) else {
        return Ok(After::Menu);
    };
    let Some(quiz) = session.quizzes.for_lesson(&l.id).cloned() else {
        console.say(&format!("Lesson {} has no quiz.", lesson + 1))?;
        return Ok(After::Menu);
    };
    console.blank()?;
    console.say(&format!("Quiz: {} ({COMMANDS})", l.title))?;
    let total = quiz.questions.len();
    let first = first_unanswered(&quiz, session.store.progress());
    for (i, question) in quiz.questions.iter().enumerate().skip(first) {
        console.blank()?;
        console.say(&format!(
            "Question {} of {total} ({})",
            i + 1,
            question.kind.task()
        ))?;
        console.prose(&question.prompt, 0)?;
        let outcome = match &question.kind {
            QuestionKind::Dockerfile(ex) => exercise(session, console, &l.id, question, ex)?,
            _ => ask(session, console, &l.id, question)?,
        };
        match outcome {
            Outcome::Next => {}
            Outcome::Stop => return Ok(After::Menu),
            Outcome::Quit => return Ok(After::Quit),
        }
    }
    let score = Score::of(&quiz, session.store.progress());
    console.blank()?;
    console.say(&format!(
        "Quiz done: {} of {} right ({} on the first try), {} answered.",
        score.correct, score.total, score.first_try, score.answered
    ))?;
    if let Some(reason) = session.store.read_only_reason() {
        console.say(&format!("Not saved: {reason}"))?;
    }
    Ok(After::Menu)
}

/// A question answered by typing a line: asked again until the line is an answer.
fn ask<R: BufRead, W: Write>(
    session: &mut Session,
    console: &mut Console<R, W>,
    lesson: &str,
    question: &Question,
) -> io::Result<Outcome> {
    let arrangement = match &question.kind {
        QuestionKind::Order { items } => shuffled_order(&question.id, items.len()),
        _ => Vec::new(),
    };
    for (i, row) in answer::rows(question, &arrangement).iter().enumerate() {
        console.say(&format!("{:>3}. {row}", i + 1))?;
    }
    console.say(answer::instruction(question))?;
    let mut hints = Vec::new();
    let shown_at = Instant::now();
    loop {
        let Some(typed) = console.ask("answer>")? else {
            return Ok(Outcome::Quit);
        };
        match typed.trim().to_lowercase().as_str() {
            "h" => {
                hint(session, console, lesson, question, None, &mut hints)?;
                continue;
            }
            "s" => return Ok(Outcome::Next),
            "q" => return Ok(Outcome::Stop),
            _ => {}
        }
        let given = match answer::parse(question, &arrangement, &typed) {
            Ok(given) => given,
            Err(problem) => {
                console.say(&format!("{problem} ({COMMANDS})"))?;
                continue;
            }
        };
        let correct = is_correct(question, &given);
        let progress = session.store.progress_mut();
        let practice = !progress.record_first_answer(lesson, &question.id, correct);
        let ms = u64::try_from(shown_at.elapsed().as_millis()).unwrap_or(u64::MAX);
        progress.add_time(lesson, &question.id, ms);
        session.save(console)?;
        if correct {
            console.say("Correct.")?;
        } else {
            console.say("Not quite.")?;
            console.prose(&answer::right_answer(question), 0)?;
        }
        if practice {
            console.say("Practice: your first answer to this question is the one that counts.")?;
        }
        console.prose(&question.explanation, 0)?;
        return Ok(Outcome::Next);
    }
}

/// Shows the next hint not shown yet (one tied to a failing check first) and records it.
fn hint<R: BufRead, W: Write>(
    session: &mut Session,
    console: &mut Console<R, W>,
    lesson: &str,
    question: &Question,
    verdict: Option<&Verdict>,
    shown: &mut Vec<usize>,
) -> io::Result<()> {
    let Some(i) = next_hint(question, verdict, shown) else {
        return console.say("No more hints for this question.");
    };
    shown.push(i);
    session
        .store
        .progress_mut()
        .record_hint(lesson, &question.id);
    session.save(console)?;
    console.prose(
        &format!("Hint {}: {}", shown.len(), question.hints[i].text),
        0,
    )
}

/// A Dockerfile exercise: the file is typed (ended by a line with a single `.`) or read from
/// a path after `@`, judged against the requirements, and typed again until it passes.
/// An attempt is a check of text that changed (docs/scoring.md), as in the editor.
fn exercise<R: BufRead, W: Write>(
    session: &mut Session,
    console: &mut Console<R, W>,
    lesson: &str,
    question: &Question,
    ex: &Exercise,
) -> io::Result<Outcome> {
    console.say("Requirements:")?;
    for r in &ex.requirements {
        console.prose(&format!("- {}", r.describe()), 2)?;
    }
    console.say("The starter, to change:")?;
    for line in ex.starter.lines() {
        console.say(&format!("    {line}"))?;
    }
    console.say(answer::instruction(question))?;
    let mut hints = Vec::new();
    let mut last_checked: Option<String> = None;
    let mut verdict = None;
    loop {
        let Some(first) = console.ask("dockerfile>")? else {
            return Ok(Outcome::Quit);
        };
        match first.trim().to_lowercase().as_str() {
            "h" => {
                hint(
                    session,
                    console,
                    lesson,
                    question,
                    verdict.as_ref(),
                    &mut hints,
                )?;
                continue;
            }
            "s" => return Ok(Outcome::Next),
            "q" => return Ok(Outcome::Stop),
            _ => {}
        }
        let text = match first.strip_prefix('@') {
            Some(path) => match read_text(Path::new(path.trim()), Kind::Dockerfile) {
                Ok(text) => text,
                Err(err) => {
                    console.say(&format!("Cannot read {}: {err}", path.trim()))?;
                    continue;
                }
            },
            None => match typed_file(console, first)? {
                Some(text) => text,
                None => return Ok(Outcome::Quit),
            },
        };
        let found = judge(&ex.requirements, &text);
        let passed = found.passed();
        if last_checked.as_deref() != Some(text.as_str()) {
            let progress = session.store.progress_mut();
            progress.record_check(lesson, &question.id, passed);
            progress.question_mut(lesson, &question.id).draft = Some(text.clone());
            session.save(console)?;
            last_checked = Some(text);
        } else {
            console.say("Unchanged since the last check: not an attempt.")?;
        }
        for check in &found.checks {
            let mark = if check.met { "met" } else { "not met" };
            let line = check
                .line
                .map(|n| format!(" (line {n})"))
                .unwrap_or_default();
            console.prose(
                &format!("{mark}: {}: {}{line}", check.label, check.reason),
                2,
            )?;
        }
        if passed {
            console.say("Every requirement is met.")?;
            console.prose(&question.explanation, 0)?;
            return Ok(Outcome::Next);
        }
        console.say(&format!(
            "Not yet. Type it again, or @ and a path. {COMMANDS}"
        ))?;
        verdict = Some(found);
    }
}

/// The lines typed after `first` up to a line holding only `.`; `None` when the input ends.
fn typed_file<R: BufRead, W: Write>(
    console: &mut Console<R, W>,
    first: String,
) -> io::Result<Option<String>> {
    let mut text = String::new();
    let mut line = first;
    while line.trim() != "." {
        text.push_str(&line);
        text.push('\n');
        line = match console.ask("")? {
            Some(next) => next,
            None => return Ok(None),
        };
    }
    Ok(Some(text))
}
