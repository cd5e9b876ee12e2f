//! The authors' check behind `dockerlings verify-lessons`: every lesson and quiz loads, IDs are
//! unique, every reference solution meets its requirements, every starter and every listed
//! wrong answer fails them (a wrong answer by the requirement it names), and every rule ID a
//! quiz names exists.

use std::path::Path;

use super::judge::judge;
use super::model::{Exercise, HintTrigger, Question, QuestionKind, Quiz, Requirement};
use super::pack::QuizBook;
use crate::course::{Course, LoadError};
use crate::dockerfile::rules;

/// What was checked, for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Checked {
    pub lessons: usize,
    pub questions: usize,
    pub exercises: usize,
}

/// Every problem in the pack, in file order; empty when the pack is sound.
pub fn verify(course: &Course, book: &QuizBook) -> (Checked, Vec<LoadError>) {
    let mut problems: Vec<LoadError> = course.errors.clone();
    problems.extend(book.errors.iter().cloned());
    let mut checked = Checked {
        lessons: course.lessons.len(),
        ..Checked::default()
    };
    for quiz in &book.quizzes {
        for question in &quiz.questions {
            checked.questions += 1;
            let mut report = |message: String| {
                problems.push(problem(quiz, question.line, &question.id, message));
            };
            for hint in &question.hints {
                if let Some(HintTrigger::Rule(id)) = &hint.tied_to {
                    check_rule(id, &mut report);
                }
            }
            if let Some(title) = &question.section {
                let lesson = course.lessons.iter().find(|l| l.id == quiz.lesson_id);
                if !lesson.is_some_and(|l| l.sections.iter().any(|s| &s.title == title)) {
                    report(format!("section `{title}` is not a section of its lesson"));
                }
            }
            if let QuestionKind::Dockerfile(ex) = &question.kind {
                checked.exercises += 1;
                check_exercise(quiz, question, ex, &mut problems);
            }
        }
    }
    (checked, problems)
}

fn problem(quiz: &Quiz, line: usize, id: &str, message: String) -> LoadError {
    LoadError {
        file: quiz.source.clone(),
        line,
        message: format!("question `{id}`: {message}"),
    }
}

fn check_rule(id: &str, report: &mut impl FnMut(String)) {
    if rules::find(id).is_none() {
        report(format!(
            "names rule `{id}`, which does not exist (`dockerlings rules` lists them)"
        ));
    }
}

fn check_exercise(quiz: &Quiz, question: &Question, ex: &Exercise, problems: &mut Vec<LoadError>) {
    let mut report = |line: usize, message: String| {
        problems.push(problem(quiz, line, &question.id, message));
    };
    for requirement in &ex.requirements {
        if let Requirement::NoneOfRules(ids) = requirement {
            for id in ids {
                check_rule(id, &mut |m| report(question.line, m));
            }
        }
    }
    for message in super::context::problems(ex) {
        report(question.line, message);
    }
    for (i, solution) in ex.solutions.iter().enumerate() {
        let verdict = judge(&ex.requirements, solution);
        for check in verdict.checks.iter().filter(|c| !c.met) {
            report(
                question.line,
                format!(
                    "reference solution {} fails `{}`: {}{}",
                    i + 1,
                    check.key,
                    check.reason,
                    at_line(check.line)
                ),
            );
        }
    }
    if judge(&ex.requirements, &ex.starter).passed() {
        report(
            question.line,
            "the starter already meets every requirement; it must leave the learner something to do"
                .into(),
        );
    }
    for (i, wrong) in ex.wrong.iter().enumerate() {
        let verdict = judge(&ex.requirements, &wrong.dockerfile);
        if !verdict.failed_keys().any(|k| k == wrong.fails) {
            let failing: Vec<_> = verdict.failed_keys().collect();
            let instead = if failing.is_empty() {
                "it meets every requirement".to_string()
            } else {
                format!("it fails only {}", failing.join(", "))
            };
            report(
                wrong.line,
                format!(
                    "wrong answer {} should fail `{}`, but {instead}",
                    i + 1,
                    wrong.fails
                ),
            );
        }
    }
}

fn at_line(line: Option<usize>) -> String {
    line.map_or(String::new(), |l| format!(" (its line {l})"))
}

/// Loads the pack in `dir` (or the bundled one) and verifies it. A folder that cannot be
/// opened at all is the error.
pub fn verify_pack(
    dir: Option<&Path>,
) -> Result<(Checked, Vec<LoadError>), crate::course::PackError> {
    let course = match dir {
        None => Course::bundled(),
        Some(dir) => Course::load_dir(dir)?,
    };
    let book = QuizBook::for_course(&course);
    Ok(verify(&course, &book))
}
