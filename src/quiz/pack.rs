//! Finding and loading the quizzes of a loaded course: each lesson `NN-slug.md` may have a
//! sibling `NN-slug.quiz.yaml` (on disk, or compiled in for the bundled pack).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::format::parse_quiz;
use super::model::{Question, Quiz};
use crate::course::{Course, Lesson, LoadError};
use crate::safe_fs::{Kind, read_limited};

/// The bundled quizzes, `(file name, text)`, embedded by build/lessons.rs.
static BUNDLED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/bundled_quizzes.rs"));

const BUNDLED_PREFIX: &str = "bundled:";
const QUIZ_SUFFIX: &str = ".quiz.yaml";

/// The quizzes of a course, in lesson order, and what failed to load.
#[derive(Debug, Clone, Default)]
pub struct QuizBook {
    pub quizzes: Vec<Quiz>,
    pub errors: Vec<LoadError>,
}

impl QuizBook {
    /// Loads the quiz beside each lesson of `course`. Question IDs must be unique in the pack.
    pub fn for_course(course: &Course) -> QuizBook {
        let mut book = QuizBook::default();
        let mut seen: HashMap<String, PathBuf> = HashMap::new();
        for lesson in &course.lessons {
            let Some((source, text)) = quiz_text(lesson, &mut book.errors) else {
                continue;
            };
            match parse_quiz(&text, &source, &lesson.id) {
                Ok(mut quiz) => {
                    quiz.questions.retain(|q| match seen.get(&q.id) {
                        Some(first) => {
                            book.errors.push(LoadError {
                                file: source.clone(),
                                line: q.line,
                                message: format!(
                                    "duplicate question id `{}`: {} already uses it",
                                    q.id,
                                    first.display()
                                ),
                            });
                            false
                        }
                        None => {
                            seen.insert(q.id.clone(), source.clone());
                            true
                        }
                    });
                    book.quizzes.push(quiz);
                }
                Err(errors) => book.errors.extend(errors),
            }
        }
        book.errors.extend(orphans(course));
        book
    }

    pub fn for_lesson(&self, lesson_id: &str) -> Option<&Quiz> {
        self.quizzes.iter().find(|q| q.lesson_id == lesson_id)
    }

    pub fn question(&self, lesson_id: &str, question_id: &str) -> Option<&Question> {
        self.for_lesson(lesson_id)?
            .questions
            .iter()
            .find(|q| q.id == question_id)
    }
}

/// The quiz file name for a lesson file name: `01-a.md` → `01-a.quiz.yaml`.
fn quiz_name(lesson_file: &str) -> String {
    let stem = lesson_file.strip_suffix(".md").unwrap_or(lesson_file);
    format!("{stem}{QUIZ_SUFFIX}")
}

/// The lesson's quiz source and text, if it has one.
fn quiz_text(lesson: &Lesson, errors: &mut Vec<LoadError>) -> Option<(PathBuf, String)> {
    let source = lesson.source.to_string_lossy();
    if let Some(name) = source.strip_prefix(BUNDLED_PREFIX) {
        let wanted = quiz_name(name);
        return BUNDLED.iter().find(|(n, _)| *n == wanted).map(|(n, text)| {
            (
                PathBuf::from(format!("{BUNDLED_PREFIX}{n}")),
                text.to_string(),
            )
        });
    }
    let file_name = lesson.source.file_name()?.to_string_lossy().into_owned();
    let path = lesson.source.with_file_name(quiz_name(&file_name));
    match read_limited(&path, Kind::Quiz) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some((path, text)),
            Err(_) => {
                errors.push(LoadError {
                    file: path,
                    line: 1,
                    message: "not UTF-8 text (save the file as UTF-8)".into(),
                });
                None
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            errors.push(LoadError {
                file: path,
                line: 1,
                message: format!("cannot read: {e}"),
            });
            None
        }
    }
}

/// Quiz files with no lesson file beside them (usually a renamed lesson).
fn orphans(course: &Course) -> Vec<LoadError> {
    let orphan = |file: PathBuf, lesson: &str| LoadError {
        file,
        line: 1,
        message: format!("no lesson file {lesson} beside this quiz, so nobody will see it"),
    };
    let lesson_of = |quiz: &str| format!("{}.md", quiz.strip_suffix(QUIZ_SUFFIX).unwrap_or(quiz));
    let bundled = course
        .lessons
        .iter()
        .any(|l| l.source.to_string_lossy().starts_with(BUNDLED_PREFIX));
    if bundled {
        return BUNDLED
            .iter()
            .filter(|(name, _)| {
                let lesson = format!("{BUNDLED_PREFIX}{}", lesson_of(name));
                !course
                    .lessons
                    .iter()
                    .any(|l| l.source.to_string_lossy() == lesson)
                    && !course
                        .errors
                        .iter()
                        .any(|e| e.file.to_string_lossy() == lesson)
            })
            .map(|(name, _)| {
                orphan(
                    PathBuf::from(format!("{BUNDLED_PREFIX}{name}")),
                    &lesson_of(name),
                )
            })
            .collect();
    }
    let dirs: Vec<&Path> = {
        let mut dirs: Vec<&Path> = course
            .lessons
            .iter()
            .filter_map(|l| l.source.parent())
            .collect();
        dirs.sort();
        dirs.dedup();
        dirs
    };
    let mut found = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(QUIZ_SUFFIX)
                && !name.starts_with('.')
                && !dir.join(lesson_of(&name)).exists()
            {
                found.push(orphan(entry.path(), &lesson_of(&name)));
            }
        }
    }
    found.sort_by(|a, b| a.file.cmp(&b.file));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiz_name_replaces_the_md_extension() {
        assert_eq!(quiz_name("03-node.md"), "03-node.quiz.yaml");
    }

    #[test]
    fn bundled_quizzes_load_without_errors() {
        let course = Course::bundled();
        let book = QuizBook::for_course(&course);
        assert!(book.errors.is_empty(), "{:#?}", book.errors);
        assert_eq!(book.quizzes.len(), BUNDLED.len());
    }
}
