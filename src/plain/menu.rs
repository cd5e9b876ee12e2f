//! The numbered lesson list and its commands: a number reads that lesson, `t` and a number
//! takes its quiz, `q` quits.

use std::io::{self, BufRead, Write};

use super::reading::{self, After};
use super::{Console, Session, quiz};
use crate::results::Score;

const COMMANDS: &str = "Type a lesson's number to read it, t and a number to take its quiz \
     (t1), l to list the lessons again, q to quit.";

/// What a line typed at the menu asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Command {
    Read(usize),
    Quiz(usize),
    List,
    Quit,
}

/// What is wrong with a line typed at the menu.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum MenuError {
    #[error("There is no lesson {typed}; they go from 1 to {lessons}.")]
    NoLesson { typed: String, lessons: usize },
    #[error("Not a command: {0}. {COMMANDS}")]
    NotACommand(String),
}

/// The command typed as `typed`, with lessons numbered from 1 up to `lessons`.
pub(super) fn parse(typed: &str, lessons: usize) -> Result<Command, MenuError> {
    let typed = typed.trim().to_lowercase();
    let lesson = |n: &str| {
        n.trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=lessons).contains(n))
            .map(|n| n - 1)
            .ok_or_else(|| MenuError::NoLesson {
                typed: n.trim().to_string(),
                lessons,
            })
    };
    match typed.as_str() {
        "q" | "quit" => Ok(Command::Quit),
        "" | "l" | "list" | "?" | "h" | "help" => Ok(Command::List),
        t if t.starts_with('t') && t.len() > 1 => lesson(&t[1..]).map(Command::Quiz),
        n if n.starts_with(|c: char| c.is_ascii_digit()) => lesson(n).map(Command::Read),
        other => Err(MenuError::NotACommand(other.to_string())),
    }
}

pub(super) fn run<R: BufRead, W: Write>(
    session: &mut Session,
    console: &mut Console<R, W>,
) -> io::Result<()> {
    list(session, console)?;
    loop {
        let Some(typed) = console.ask("lessons>")? else {
            return Ok(());
        };
        let mut command = parse(&typed, session.course.lessons.len());
        // Reading and quizzes hand back where the learner wants to go next.
        loop {
            let after = match command {
                Ok(Command::Quit) => return Ok(()),
                Ok(Command::List) => {
                    list(session, console)?;
                    break;
                }
                Ok(Command::Read(lesson)) => reading::read(session, console, lesson)?,
                Ok(Command::Quiz(lesson)) => quiz::take(session, console, lesson)?,
                Err(problem) => {
                    console.say(&problem.to_string())?;
                    break;
                }
            };
            command = match after {
                After::Menu => {
                    list(session, console)?;
                    break;
                }
                After::Quit => return Ok(()),
                After::Read(lesson) => Ok(Command::Read(lesson)),
                After::Quiz(lesson) => Ok(Command::Quiz(lesson)),
            };
        }
    }
}

/// The lessons, numbered, with each quiz's score; then the files that failed to load.
fn list<R: BufRead, W: Write>(session: &Session, console: &mut Console<R, W>) -> io::Result<()> {
    let course = session.course;
    let count = course.lessons.len();
    console.blank()?;
    console.say(&format!(
        "dockerlings: {count} {}",
        if count == 1 { "lesson" } else { "lessons" }
    ))?;
    for (i, lesson) in course.lessons.iter().enumerate() {
        let sections = lesson.sections.len();
        let mut about = format!(
            "{sections} {}",
            if sections == 1 { "section" } else { "sections" }
        );
        if let Some(quiz) = session.quizzes.for_lesson(&lesson.id) {
            let score = Score::of(quiz, session.store.progress());
            about.push_str(&format!("; quiz {}/{} right", score.correct, score.total));
        }
        console.say(&format!("{:>3}. {} ({about})", i + 1, lesson.title))?;
    }
    if !course.errors.is_empty() {
        console.say(&format!(
            "{} lesson files could not be loaded:",
            course.errors.len()
        ))?;
        for error in &course.errors {
            console.say(&format!("  {error}"))?;
        }
    }
    console.say(COMMANDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menu_commands() {
        assert_eq!(parse("2", 3), Ok(Command::Read(1)));
        assert_eq!(parse(" t3 ", 3), Ok(Command::Quiz(2)));
        assert_eq!(parse("T 1", 3), Ok(Command::Quiz(0)));
        assert_eq!(parse("Q", 3), Ok(Command::Quit));
        assert_eq!(parse("", 3), Ok(Command::List));
        assert_eq!(
            parse("4", 3).unwrap_err().to_string(),
            "There is no lesson 4; they go from 1 to 3."
        );
        assert!(parse("t0", 3).is_err());
        assert!(
            parse("read", 3)
                .unwrap_err()
                .to_string()
                .starts_with("Not a command: read. ")
        );
    }
}
