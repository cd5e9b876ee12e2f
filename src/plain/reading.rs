//! A lesson page by page: each section laid out by the course's layout at the console's
//! width (tables as text, code indented), a page at a time, with a prompt between pages.

use std::io::{self, BufRead, Write};

use super::{Console, Session};
use crate::course::layout::layout;

/// Where the learner goes after reading or a quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum After {
    Menu,
    Quit,
    Read(usize),
    Quiz(usize),
}

/// What a line typed between pages asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Enter: the next page, else the next section, else the next lesson.
    More,
    NextSection,
    PrevSection,
    Quiz,
    Menu,
}

fn step(typed: &str) -> Option<Step> {
    match typed.trim().to_lowercase().as_str() {
        "" => Some(Step::More),
        "n" | "next" => Some(Step::NextSection),
        "p" | "prev" | "previous" => Some(Step::PrevSection),
        "t" | "quiz" => Some(Step::Quiz),
        "q" | "l" | "lessons" => Some(Step::Menu),
        _ => None,
    }
}

const STEPS: &str = "Enter: go on · n: next section · p: previous section · t: quiz · q: lessons";

/// Reads lesson `lesson` from its first section.
pub(super) fn read<R: BufRead, W: Write>(
    session: &mut Session,
    console: &mut Console<R, W>,
    lesson: usize,
) -> io::Result<After> {
    let course = session.course;
    let Some(l) = course.lessons.get(lesson) else {
        return Ok(After::Menu);
    };
    let count = course.lessons.len();
    if l.sections.is_empty() {
        console.say(&format!(
            "Lesson {}: {} has no sections.",
            lesson + 1,
            l.title
        ))?;
        return Ok(After::Menu);
    }
    let mut section = 0;
    while let Some(s) = l.sections.get(section) {
        console.blank()?;
        console.say(&format!("Lesson {} of {count}: {}", lesson + 1, l.title))?;
        console.say(&format!(
            "Section {} of {}: {} ({})",
            section + 1,
            l.sections.len(),
            s.title,
            s.kind.name()
        ))?;
        console.blank()?;
        let lines: Vec<String> = layout(&s.doc, console.width)
            .iter()
            .map(|line| line.text().trim_end().to_string())
            .collect();
        let pages: Vec<&[String]> = lines.chunks(console.page).collect();
        let mut chosen = Step::More;
        for (i, page) in pages.iter().enumerate() {
            for line in page.iter() {
                console.say(line)?;
            }
            let last_page = i + 1 == pages.len();
            let place = if !last_page {
                "More of this section."
            } else if section + 1 < l.sections.len() {
                "End of the section."
            } else {
                "End of the lesson."
            };
            console.say(&format!("-- {place} {STEPS}"))?;
            chosen = loop {
                let Some(typed) = console.ask("more>")? else {
                    return Ok(After::Quit);
                };
                match step(&typed) {
                    Some(s) => break s,
                    None => console.say(&format!("Not a command: {typed}. {STEPS}"))?,
                }
            };
            if chosen != Step::More {
                break;
            }
        }
        section = match chosen {
            Step::More | Step::NextSection => section + 1,
            Step::PrevSection => section.saturating_sub(1),
            Step::Quiz => return Ok(After::Quiz(lesson)),
            Step::Menu => return Ok(After::Menu),
        };
    }
    // Past the last section: the next lesson, or the list at the course's end.
    Ok(if lesson + 1 < count {
        After::Read(lesson + 1)
    } else {
        console.say("That was the last lesson.")?;
        After::Menu
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_between_pages() {
        assert_eq!(step(""), Some(Step::More));
        assert_eq!(step(" N "), Some(Step::NextSection));
        assert_eq!(step("p"), Some(Step::PrevSection));
        assert_eq!(step("t"), Some(Step::Quiz));
        assert_eq!(step("q"), Some(Step::Menu));
        assert_eq!(step("x"), None);
    }
}
