//! What the reader offers after a lesson's last section: the lesson's quiz, or at the course's
//! end a summary of it. A box over the bottom of the text; its keys are written in it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::journey::{course_summary, questions};
use super::quiz::quiz_of;
use super::reader::Offer;
use crate::results::Score;
use crate::tui::app::App;
use crate::tui::text::{fit, wrap};

pub(super) fn draw(app: &App, lesson: usize, offer: Offer, buf: &mut Buffer, area: Rect) {
    let title = app
        .course
        .lessons
        .get(lesson)
        .map_or("", |l| l.title.as_str());
    let (heading, lines) = match offer {
        Offer::Quiz => (format!(" End of “{title}” "), quiz_lines(app, lesson)),
        Offer::CourseEnd => {
            let mut lines = vec!["That was the last lesson of the course.".to_string()];
            lines.extend(course_summary(app));
            lines.push(String::new());
            lines.push("p: the text · q: lesson list".into());
            (" The end of the course ".to_string(), lines)
        }
    };
    let inner_width = usize::from(area.width.saturating_sub(4)).max(1);
    let rows: Vec<String> = lines
        .iter()
        .flat_map(|line| {
            if line.is_empty() {
                vec![String::new()]
            } else {
                wrap(line, inner_width)
            }
        })
        .collect();
    let height = (rows.len() as u16 + 2).min(area.height);
    if height < 3 || area.width < 6 {
        return;
    }
    let panel = Rect {
        y: area.bottom() - height,
        height,
        ..area
    };
    Clear.render(panel, buf);
    let theme = &app.theme;
    Block::new()
        .borders(Borders::ALL)
        .border_style(theme.dim)
        .title(fit(&heading, usize::from(panel.width.saturating_sub(2))))
        .title_style(theme.title)
        .render(panel, buf);
    for (i, row) in rows.iter().take(usize::from(height - 2)).enumerate() {
        let y = panel.y + 1 + i as u16;
        buf.set_stringn(panel.x + 2, y, row, inner_width, Style::new());
    }
}

fn quiz_lines(app: &App, lesson: usize) -> Vec<String> {
    let Some(quiz) = quiz_of(app, lesson) else {
        return Vec::new();
    };
    let score = Score::of(quiz, app.store.progress());
    let total = score.total;
    let state = match score.answered {
        0 => "not taken yet".to_string(),
        n if n == total => format!("done, {} of {total} right", score.correct),
        n => format!("{n} answered, {} right", score.correct),
    };
    let last = lesson + 1 >= app.course.lessons.len();
    let next = if last {
        "course summary"
    } else {
        "next lesson"
    };
    vec![
        format!(
            "This lesson has a quiz: {total} {} ({state}).",
            questions(total)
        ),
        String::new(),
        format!("t: take the quiz · n: {next} · p: the text · q: lesson list"),
    ]
}
