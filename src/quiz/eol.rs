//! The authors' end-of-life check behind `verify-lessons`: every Dockerfile a lesson shows and
//! every reference solution, linted for base images that are deprecated or past their end of
//! life (rules DK209 and DK221), judged on the image table's date, not the wall clock, so the
//! answer is the same every day until the table is updated. A lesson block that shows an
//! outdated file on purpose (the notes as written) says so in its fence:
//! ```` ```dockerfile outdated ````.

use std::path::{Path, PathBuf};

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

use super::model::QuestionKind;
use super::pack::QuizBook;
use crate::course::{Course, LoadError, PackError};
use crate::dockerfile::Diagnostic;
use crate::dockerfile::lint::{LintOptions, lint};

/// The rules whose findings mean "this image is past its support".
const EOL_RULES: &[&str] = &["DK209", "DK221"];

/// The fence word that marks a lesson block as outdated on purpose.
const OUTDATED: &str = "outdated";

/// Every end-of-life warning of the pack in `dir` (the bundled one when `None`).
pub fn pack_warnings(dir: Option<&Path>) -> Result<Vec<LoadError>, PackError> {
    let course = match dir {
        None => Course::bundled(),
        Some(dir) => Course::load_dir(dir)?,
    };
    let book = QuizBook::for_course(&course);
    Ok(warnings(&Course::texts(dir)?, &book))
}

/// The warnings of lesson texts (`(file, Markdown)`) and of a quiz book's reference solutions.
pub fn warnings(lessons: &[(PathBuf, String)], book: &QuizBook) -> Vec<LoadError> {
    let mut out = Vec::new();
    for (file, text) in lessons {
        for (first_line, code) in dockerfile_blocks(text) {
            for d in eol_findings(&code) {
                out.push(LoadError {
                    file: file.clone(),
                    line: first_line + d.location.line - 1,
                    message: format!("{} ({})", d.message, d.rule),
                });
            }
        }
    }
    for quiz in &book.quizzes {
        for question in &quiz.questions {
            let QuestionKind::Dockerfile(ex) = &question.kind else {
                continue;
            };
            for (i, solution) in ex.solutions.iter().enumerate() {
                for d in eol_findings(solution) {
                    out.push(LoadError {
                        file: quiz.source.clone(),
                        line: question.line,
                        message: format!(
                            "question `{}`: reference solution {} line {}: {} ({})",
                            question.id,
                            i + 1,
                            d.location.line,
                            d.message,
                            d.rule
                        ),
                    });
                }
            }
        }
    }
    out
}

fn eol_findings(dockerfile: &str) -> Vec<Diagnostic> {
    lint(dockerfile, &LintOptions::default())
        .diagnostics
        .into_iter()
        .filter(|d| EOL_RULES.contains(&d.rule))
        .collect()
}

/// The fenced `dockerfile` blocks of a Markdown text not marked outdated: (line of the
/// block's first code line, code).
fn dockerfile_blocks(markdown: &str) -> Vec<(usize, String)> {
    let line_of = |offset: usize| 1 + markdown[..offset].matches('\n').count();
    let mut blocks = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let mut words = info.split_whitespace();
                let is_dockerfile = words
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case("dockerfile"));
                if is_dockerfile && !words.any(|w| w == OUTDATED) {
                    open = Some((line_of(range.start) + 1, String::new()));
                }
            }
            Event::Text(text) => {
                if let Some((_, code)) = &mut open {
                    code.push_str(&text);
                }
            }
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => blocks.extend(open.take()),
            _ => {}
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_their_lines_and_skip_marked_ones() {
        let md = "# T\n\n```dockerfile\nFROM a\n```\n\n```dockerfile outdated\nFROM b\n```\n\n```sh\nls\n```\n";
        assert_eq!(dockerfile_blocks(md), vec![(4, "FROM a\n".to_string())]);
    }

    #[test]
    fn a_lesson_block_with_an_eol_base_warns_at_its_line() {
        let md = "Intro\n\n```dockerfile\nFROM golang:1.27 AS build\nFROM gcr.io/distroless/base-debian12\n```\n";
        let w = warnings(
            &[(PathBuf::from("l.md"), md.to_string())],
            &QuizBook::default(),
        );
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].line, 5);
        assert!(w[0].message.contains("end of life on 2026-09-30"), "{w:?}");
        assert!(w[0].message.ends_with("(DK221)"));
        let old = "```dockerfile outdated\nFROM node:18\n```\n";
        let quiet = warnings(&[(PathBuf::from("l.md"), old.into())], &QuizBook::default());
        assert!(quiet.is_empty(), "marked outdated on purpose");
    }

    #[test]
    fn deprecated_names_warn_too() {
        let d = eol_findings("FROM golang:1.25\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].rule, "DK209");
        assert!(eol_findings("FROM golang:1.27\n").is_empty());
    }
}
