//! `dockerlings lessons [--format text|json]`: the pack's lessons, sections and questions.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use serde_json::{Value, json};

use crate::course::{Course, PackError};
use crate::quiz::{QuestionKind, QuizBook};
use crate::tui::text::count;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
}

/// The bundled pack, or the one in `dir`.
pub(super) fn load_pack(dir: Option<&Path>) -> Result<Course, PackError> {
    match dir {
        None => Ok(Course::bundled()),
        Some(dir) => Course::load_dir(dir),
    }
}

/// Writes to stdout; a closed pipe (`| head`) ends the output quietly instead of panicking.
pub(super) fn out(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

pub(super) fn run(dir: Option<&Path>, format: Format) -> ExitCode {
    let course = match load_pack(dir) {
        Ok(course) => course,
        Err(err) => {
            eprintln!("dockerlings: {}", super::shown(&err));
            return ExitCode::from(2);
        }
    };
    let book = QuizBook::for_course(&course);
    for error in course.errors.iter().chain(&book.errors) {
        eprintln!("dockerlings: {}", super::shown(error));
    }
    match format {
        Format::Json => out(&format!(
            "{}\n",
            serde_json::to_string_pretty(&listing(&course, &book)).expect("JSON values serialise")
        )),
        Format::Text => out(&text(&course, &book)),
    }
    ExitCode::SUCCESS
}

/// `{"lessons": [{"id", "title", "sections": [...], "questions": [{"id", "kind", ...}]}]}`.
pub(super) fn listing(course: &Course, book: &QuizBook) -> Value {
    let lessons: Vec<Value> = course
        .lessons
        .iter()
        .map(|lesson| {
            let sections: Vec<Value> = lesson
                .sections
                .iter()
                .map(|s| json!({"title": s.title, "kind": s.kind.name()}))
                .collect();
            let questions: Vec<Value> = book
                .for_lesson(&lesson.id)
                .map(|quiz| quiz.questions.iter().map(question_json).collect())
                .unwrap_or_default();
            json!({
                "id": lesson.id,
                "title": lesson.title,
                "order": lesson.order,
                "summary": lesson.summary,
                "sections": sections,
                "questions": questions,
            })
        })
        .collect();
    json!({ "lessons": lessons })
}

fn question_json(q: &crate::quiz::Question) -> Value {
    let mut value = json!({
        "id": q.id,
        "kind": q.kind.name(),
        "prompt": q.prompt,
        "hints": q.hints.len(),
    });
    let extra = match &q.kind {
        QuestionKind::Single { choices, .. } | QuestionKind::Multiple { choices, .. } => {
            json!({ "choices": choices })
        }
        QuestionKind::Order { items } => json!({ "items": items.len() }),
        QuestionKind::SpotBug { dockerfile, .. } => {
            json!({ "lines": dockerfile.lines().count() })
        }
        QuestionKind::Dockerfile(ex) => json!({
            "requirements": ex.requirements.iter().map(|r| r.describe()).collect::<Vec<_>>(),
            "context": ex.context.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        }),
        QuestionKind::TrueFalse { .. } | QuestionKind::Short { .. } => json!({}),
    };
    if let (Some(obj), Value::Object(extra)) = (value.as_object_mut(), extra) {
        obj.extend(extra);
    }
    value
}

fn text(course: &Course, book: &QuizBook) -> String {
    let mut out = String::new();
    for lesson in &course.lessons {
        let questions = book.for_lesson(&lesson.id).map_or(0, |q| q.questions.len());
        out.push_str(&format!(
            "{}  {} ({}, {})\n",
            crate::escape::line(&lesson.id),
            crate::escape::line(&lesson.title),
            count(lesson.sections.len(), "section"),
            count(questions, "question")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_listing_has_every_lesson_with_kinds_from_the_known_set() {
        let course = Course::bundled();
        let book = QuizBook::for_course(&course);
        let value = listing(&course, &book);
        let lessons = value["lessons"].as_array().unwrap();
        assert_eq!(lessons.len(), course.lessons.len());
        for lesson in lessons {
            assert!(lesson["id"].is_string() && lesson["title"].is_string());
            assert!(!lesson["sections"].as_array().unwrap().is_empty());
            for q in lesson["questions"].as_array().unwrap() {
                let kind = q["kind"].as_str().unwrap();
                assert!(QuestionKind::NAMES.contains(&kind), "{kind}");
            }
        }
    }
}
