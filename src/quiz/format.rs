//! The quiz file format (`<lesson-file-stem>.quiz.yaml`) → [`Quiz`]. YAML is read through
//! [`crate::yaml`]; what YAML cannot say (a choice index out of range, a field that
//! does not fit the kind) is checked here, with the line of the question's `id:`.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use super::check::normalise;
use super::model::{
    ContextFile, Exercise, Hint, HintTrigger, Question, QuestionKind, Quiz, Requirement,
    WrongAnswer,
};
use crate::course::LoadError;
use crate::dockerfile::Severity;
use crate::yaml;

mod error;
use error::QuestionError;

/// How many failed checks before the solution is offered, unless the question says.
pub(crate) const DEFAULT_REVEAL_AFTER: u32 = 3;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuiz {
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    kind: String,
    prompt: String,
    explanation: String,
    #[serde(default)]
    hints: Vec<RawHint>,
    section: Option<String>,
    choices: Option<Vec<String>>,
    correct: Option<OneOrMany>,
    answer: Option<bool>,
    accept: Option<Vec<String>>,
    items: Option<Vec<String>>,
    dockerfile: Option<String>,
    bug_line: Option<usize>,
    starter: Option<String>,
    context: Option<Vec<RawContext>>,
    requirements: Option<Vec<RawRequirement>>,
    solutions: Option<Vec<String>>,
    wrong: Option<Vec<RawWrong>>,
    reveal_after: Option<u32>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(usize),
    Many(Vec<usize>),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawHint {
    Plain(String),
    Tied(TiedHint),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TiedHint {
    text: String,
    requirement: Option<String>,
    rule: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawContext {
    Name(String),
    File(RawContextFile),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContextFile {
    name: String,
    contents: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequirement {
    min_stages: Option<usize>,
    final_base: Option<String>,
    final_copies_from: Option<RawCopy>,
    non_root: Option<bool>,
    exec_form_cmd: Option<bool>,
    no_findings_at_or_above: Option<String>,
    none_of_rules: Option<Vec<String>>,
    final_size_under_mb: Option<u64>,
    runs: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCopy {
    stage: String,
    path: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWrong {
    fails: String,
    dockerfile: String,
}

/// Parses one quiz file. `source` names it in errors; `lesson_id` is the lesson it belongs to.
/// Every problem found is reported, each with its line.
pub fn parse_quiz(text: &str, source: &Path, lesson_id: &str) -> Result<Quiz, Vec<LoadError>> {
    let error = |line: usize, message: String| LoadError {
        file: source.to_path_buf(),
        line,
        message,
    };
    let raw: RawQuiz = yaml::parse(text).map_err(|e| vec![error(e.line, e.message)])?;
    let lines = LineIndex::new(text);
    let mut errors = Vec::new();
    let mut questions = Vec::new();
    let mut seen = HashSet::new();
    for (index, raw_question) in raw.questions.into_iter().enumerate() {
        let line = lines.question_line(&raw_question.id, index);
        let id = raw_question.id.trim().to_string();
        if !is_valid_id(&id) {
            errors.push(error(
                line,
                format!(
                    "question id `{id}` must be non-empty and use only letters, digits, `-` and `_`"
                ),
            ));
            continue;
        }
        if !seen.insert(id.clone()) {
            errors.push(error(line, format!("duplicate question id `{id}`")));
            continue;
        }
        match convert(raw_question, line, &lines) {
            Ok(question) => questions.push(question),
            Err(message) => errors.push(error(line, format!("question `{id}`: {message}"))),
        }
    }
    if questions.is_empty() && errors.is_empty() {
        errors.push(error(1, "the quiz has no questions".into()));
    }
    if errors.is_empty() {
        Ok(Quiz {
            lesson_id: lesson_id.to_string(),
            questions,
            source: source.to_path_buf(),
        })
    } else {
        Err(errors)
    }
}

pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn convert(raw: RawQuestion, line: usize, lines: &LineIndex) -> Result<Question, QuestionError> {
    check_fields_fit_kind(&raw)?;
    if raw.prompt.trim().is_empty() {
        return Err(QuestionError::EmptyPrompt);
    }
    if raw.explanation.trim().is_empty() {
        return Err(QuestionError::EmptyExplanation);
    }
    let kind = match raw.kind.as_str() {
        "single" => {
            let choices = choices(raw.choices)?;
            let correct = match raw.correct {
                Some(OneOrMany::One(n)) => choice_index(n, choices.len())?,
                Some(OneOrMany::Many(_)) => {
                    return Err(QuestionError::SeveralCorrectForSingle);
                }
                None => {
                    return Err(QuestionError::missing_as(
                        "correct",
                        "the right choice, counting from 1",
                    ));
                }
            };
            QuestionKind::Single { choices, correct }
        }
        "multiple" => {
            let choices = choices(raw.choices)?;
            let picked = match raw.correct {
                Some(OneOrMany::One(n)) => vec![n],
                Some(OneOrMany::Many(list)) => list,
                None => {
                    return Err(QuestionError::missing_as(
                        "correct",
                        "the right choices, counting from 1",
                    ));
                }
            };
            let mut correct = picked
                .into_iter()
                .map(|n| choice_index(n, choices.len()))
                .collect::<Result<Vec<_>, _>>()?;
            correct.sort_unstable();
            correct.dedup();
            if correct.is_empty() {
                return Err(QuestionError::NoCorrectChoice);
            }
            QuestionKind::Multiple { choices, correct }
        }
        "true_false" => QuestionKind::TrueFalse {
            answer: raw
                .answer
                .ok_or(QuestionError::missing_as("answer", "true or false"))?,
        },
        "short" => {
            let accept = raw
                .accept
                .ok_or(QuestionError::missing_as("accept", "the accepted answers"))?;
            if accept.is_empty() || accept.iter().any(|a| normalise(a).is_empty()) {
                return Err(QuestionError::NoAcceptedAnswer);
            }
            QuestionKind::Short { accept }
        }
        "order" => {
            let items = raw
                .items
                .ok_or(QuestionError::missing_as("items", "in the right order"))?;
            if items.len() < 2 {
                return Err(QuestionError::TooFewItems);
            }
            let distinct: HashSet<_> = items.iter().map(|i| normalise(i)).collect();
            if distinct.len() != items.len() {
                return Err(QuestionError::EqualItems);
            }
            QuestionKind::Order { items }
        }
        "spot_bug" => {
            let dockerfile = raw.dockerfile.ok_or(QuestionError::missing("dockerfile"))?;
            let bug_line = raw
                .bug_line
                .ok_or(QuestionError::missing_as("bug_line", "counting from 1"))?;
            match dockerfile.lines().nth(bug_line.wrapping_sub(1)) {
                Some(text) if !text.trim().is_empty() => {}
                Some(_) => return Err(QuestionError::BlankBugLine(bug_line)),
                None => {
                    return Err(QuestionError::BugLinePastEnd {
                        bug_line,
                        lines: dockerfile.lines().count(),
                    });
                }
            }
            QuestionKind::SpotBug {
                dockerfile,
                bug_line,
            }
        }
        "dockerfile" => QuestionKind::Dockerfile(Box::new(exercise(&raw, line, lines)?)),
        other => {
            return Err(QuestionError::UnknownKind(other.to_string()));
        }
    };
    let hints = raw
        .hints
        .into_iter()
        .map(|h| hint(h, &kind))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Question {
        id: raw.id.trim().to_string(),
        prompt: raw.prompt,
        explanation: raw.explanation,
        hints,
        kind,
        section: raw.section.map(|s| s.trim().to_string()),
        line,
    })
}

/// Rejects fields that belong to another kind, so a misplaced answer is not silently ignored.
fn check_fields_fit_kind(raw: &RawQuestion) -> Result<(), QuestionError> {
    let present = [
        ("choices", raw.choices.is_some()),
        ("correct", raw.correct.is_some()),
        ("answer", raw.answer.is_some()),
        ("accept", raw.accept.is_some()),
        ("items", raw.items.is_some()),
        ("dockerfile", raw.dockerfile.is_some()),
        ("bug_line", raw.bug_line.is_some()),
        ("starter", raw.starter.is_some()),
        ("context", raw.context.is_some()),
        ("requirements", raw.requirements.is_some()),
        ("solutions", raw.solutions.is_some()),
        ("wrong", raw.wrong.is_some()),
        ("reveal_after", raw.reveal_after.is_some()),
    ];
    let allowed: &'static [&'static str] = match raw.kind.as_str() {
        "single" | "multiple" => &["choices", "correct"],
        "true_false" => &["answer"],
        "short" => &["accept"],
        "order" => &["items"],
        "spot_bug" => &["dockerfile", "bug_line"],
        "dockerfile" => &[
            "starter",
            "context",
            "requirements",
            "solutions",
            "wrong",
            "reveal_after",
        ],
        _ => return Ok(()),
    };
    match present
        .iter()
        .find(|(name, set)| *set && !allowed.contains(name))
    {
        Some(&(field, _)) => Err(QuestionError::FieldNotForKind {
            field,
            kind: raw.kind.clone(),
            takes: allowed,
        }),
        None => Ok(()),
    }
}

fn choices(choices: Option<Vec<String>>) -> Result<Vec<String>, QuestionError> {
    let choices = choices.ok_or(QuestionError::missing("choices"))?;
    if choices.len() < 2 || choices.len() > 9 {
        return Err(QuestionError::ChoiceCount(choices.len()));
    }
    Ok(choices)
}

fn choice_index(n: usize, count: usize) -> Result<usize, QuestionError> {
    if (1..=count).contains(&n) {
        Ok(n - 1)
    } else {
        Err(QuestionError::ChoiceOutOfRange { choice: n, count })
    }
}

fn exercise(raw: &RawQuestion, line: usize, lines: &LineIndex) -> Result<Exercise, QuestionError> {
    let starter = raw.starter.clone().ok_or(QuestionError::missing_as(
        "starter",
        "the Dockerfile the learner starts from",
    ))?;
    let requirements = raw
        .requirements
        .as_ref()
        .ok_or(QuestionError::missing("requirements"))?
        .iter()
        .map(requirement)
        .collect::<Result<Vec<_>, _>>()?;
    if requirements.is_empty() {
        return Err(QuestionError::NoRequirements);
    }
    let mut requirements = requirements;
    // No exercise may pass an image that would not start, so `runs` is implied; written, it
    // keeps its place in the checklist.
    if !requirements.contains(&Requirement::Runs) {
        requirements.push(Requirement::Runs);
    }
    let solutions = raw.solutions.clone().unwrap_or_default();
    if solutions.is_empty() {
        return Err(QuestionError::NoSolutions);
    }
    let wrong_lines = lines.keys_after(line, "fails:");
    let wrong = raw
        .wrong
        .iter()
        .flatten()
        .enumerate()
        .map(|(i, w)| {
            if requirements.iter().any(|r| r.key() == w.fails) {
                Ok(WrongAnswer {
                    dockerfile: w.dockerfile.clone(),
                    fails: w.fails.clone(),
                    line: wrong_lines.get(i).copied().unwrap_or(line),
                })
            } else {
                Err(QuestionError::WrongNamesNoRequirement {
                    number: i + 1,
                    fails: w.fails.clone(),
                    requirements: requirements.iter().map(Requirement::key).collect(),
                })
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let context = raw
        .context
        .iter()
        .flatten()
        .map(|c| match c {
            RawContext::Name(name) => ContextFile {
                name: name.clone(),
                contents: None,
            },
            RawContext::File(f) => ContextFile {
                name: f.name.clone(),
                contents: f.contents.clone(),
            },
        })
        .collect();
    Ok(Exercise {
        starter,
        context,
        requirements,
        solutions,
        wrong,
        reveal_after: raw.reveal_after.unwrap_or(DEFAULT_REVEAL_AFTER).max(1),
    })
}

fn requirement(raw: &RawRequirement) -> Result<Requirement, QuestionError> {
    let mut found = Vec::new();
    if let Some(n) = raw.min_stages {
        found.push(Requirement::MinStages(n));
    }
    if let Some(glob) = &raw.final_base {
        found.push(Requirement::FinalBase(glob.clone()));
    }
    if let Some(copy) = &raw.final_copies_from {
        found.push(Requirement::FinalCopiesFrom {
            stage: copy.stage.clone(),
            path: copy.path.clone(),
        });
    }
    for (flag, req) in [
        (raw.non_root, Requirement::NonRoot),
        (raw.exec_form_cmd, Requirement::ExecFormCmd),
        (raw.runs, Requirement::Runs),
    ] {
        match flag {
            Some(true) => found.push(req),
            Some(false) if req == Requirement::Runs => {
                return Err(QuestionError::RunsFalse);
            }
            Some(false) => {
                return Err(QuestionError::FalseAsksNothing(req.key()));
            }
            None => {}
        }
    }
    if let Some(name) = &raw.no_findings_at_or_above {
        let severity = Severity::from_name(name)
            .ok_or_else(|| QuestionError::UnknownSeverity(name.clone()))?;
        found.push(Requirement::NoFindingsAtOrAbove(severity));
    }
    if let Some(ids) = &raw.none_of_rules {
        if ids.is_empty() {
            return Err(QuestionError::NoRuleListed);
        }
        found.push(Requirement::NoneOfRules(ids.clone()));
    }
    if let Some(mb) = raw.final_size_under_mb {
        if mb == 0 {
            return Err(QuestionError::ZeroSize);
        }
        found.push(Requirement::FinalSizeUnderMb(mb));
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(QuestionError::NoRequirementKey),
        _ => Err(QuestionError::SeveralRequirementKeys),
    }
}

fn hint(raw: RawHint, kind: &QuestionKind) -> Result<Hint, QuestionError> {
    let tied = match raw {
        RawHint::Plain(text) => {
            return Ok(Hint {
                text,
                tied_to: None,
            });
        }
        RawHint::Tied(tied) => tied,
    };
    let tied_to = match (tied.requirement, tied.rule) {
        (Some(_), Some(_)) => {
            return Err(QuestionError::HintTiedToBoth);
        }
        (Some(key), None) => {
            let known = match kind {
                QuestionKind::Dockerfile(ex) => ex.requirements.iter().any(|r| r.key() == key),
                _ => false,
            };
            if !known {
                return Err(QuestionError::HintUnknownRequirement(key));
            }
            Some(HintTrigger::Requirement(key))
        }
        (None, Some(rule)) => Some(HintTrigger::Rule(rule)),
        (None, None) => None,
    };
    Ok(Hint {
        text: tied.text,
        tied_to,
    })
}

/// Finds lines of keys in the quiz text. serde gives no positions for valid values, so the
/// question's `id:` line is located by scanning, which is exact for the layouts YAML allows
/// for a plain scalar id.
///
/// The `id:` lines are found once: scanning for them per question made a quiz with many
/// questions quadratic.
struct LineIndex<'a> {
    lines: Vec<&'a str>,
    /// (1-based line, value) of every `id:` line, in order.
    ids: Vec<(usize, &'a str)>,
    /// The first line of each id value.
    first: HashMap<&'a str, usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let lines: Vec<&str> = text.lines().collect();
        let ids: Vec<(usize, &str)> = lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                let rest = l.trim_start().trim_start_matches("- ").trim_start();
                let value = rest.strip_prefix("id:")?;
                Some((i + 1, value.trim().trim_matches(['"', '\''])))
            })
            .collect();
        let mut first = HashMap::new();
        for &(line, value) in &ids {
            first.entry(value).or_insert(line);
        }
        LineIndex { lines, ids, first }
    }

    /// The line of question `index`'s `id: <id>`: the index-th `id:` line (only questions have
    /// an `id` key), else the first line with that id.
    fn question_line(&self, id: &str, index: usize) -> usize {
        match self.ids.get(index) {
            Some(&(line, value)) if value == id.trim() => line,
            _ => self.first.get(id.trim()).copied().unwrap_or(1),
        }
    }

    /// Lines of `key` found after `from` and before the next question's `id:`.
    fn keys_after(&self, from: usize, key: &str) -> Vec<usize> {
        let after = self.ids.partition_point(|&(line, _)| line <= from);
        let next_question = self.ids.get(after).map_or(usize::MAX, |&(line, _)| line);
        (from..self.lines.len().min(next_question - 1))
            .filter(|&i| {
                self.lines[i]
                    .trim_start()
                    .trim_start_matches("- ")
                    .starts_with(key)
            })
            .map(|i| i + 1)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Quiz, Vec<LoadError>> {
        parse_quiz(text, Path::new("t.quiz.yaml"), "t")
    }

    fn only_error(text: &str) -> LoadError {
        let mut errors = parse(text).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors.remove(0)
    }

    #[test]
    fn an_error_line_is_a_line_of_the_file_even_with_lone_carriage_returns() {
        // Found by fuzzing: libyaml counted each CR as a line and named line 122 of 15.
        let text = format!(
            "questions:\n  - id: q\n    kind: single\n    prompt: a,{}b\n    choices: [\n",
            "\r".repeat(100)
        );
        let error = only_error(&text);
        assert!(error.line <= text.split('\n').count(), "{error:?}");
    }

    const SINGLE: &str = "questions:
  - id: q1
    kind: single
    prompt: Which line starts a stage?
    choices: [FROM, RUN]
    correct: 1
    explanation: Every FROM starts a stage.
    hints:
      - Look at the first word.
";

    #[test]
    fn single_choice_parses_with_zero_based_answer() {
        let quiz = parse(SINGLE).unwrap();
        let q = &quiz.questions[0];
        assert_eq!(q.line, 2);
        assert_eq!(
            q.kind,
            QuestionKind::Single {
                choices: vec!["FROM".into(), "RUN".into()],
                correct: 0
            }
        );
        assert_eq!(q.hints[0].tied_to, None);
    }

    #[test]
    fn out_of_range_choice_names_the_line() {
        let err = only_error(&SINGLE.replace("correct: 1", "correct: 3"));
        assert_eq!(err.line, 2);
        assert!(err.message.contains("out of range"), "{err}");
    }

    #[test]
    fn field_of_another_kind_is_rejected() {
        let err = only_error(&SINGLE.replace("correct: 1", "correct: 1\n    answer: true"));
        assert!(err.message.contains("`answer` does not apply"), "{err}");
    }

    #[test]
    fn yaml_error_keeps_its_line() {
        let err = only_error(&SINGLE.replace("    prompt:", "    promt:"));
        assert_eq!(err.line, 4, "{err}");
        assert!(err.message.contains("promt"), "{err}");
    }

    #[test]
    fn duplicate_ids_are_reported_at_the_second() {
        let text = format!("{SINGLE}{}", &SINGLE["questions:\n".len()..]);
        let err = only_error(&text);
        assert_eq!(err.line, 10);
        assert!(err.message.contains("duplicate"), "{err}");
    }

    const EXERCISE: &str = r#"questions:
  - id: ex
    kind: dockerfile
    prompt: Make it multi-stage.
    explanation: Build in one stage, run in another.
    starter: |
      FROM golang:1.25
    context: [main.go, {name: go.mod, contents: "module x\n"}]
    requirements:
      - min_stages: 2
      - final_base: "gcr.io/distroless/*"
      - final_copies_from: {stage: build, path: /out/app}
      - non_root: true
      - no_findings_at_or_above: warning
      - none_of_rules: [DL3006]
    solutions:
      - |
        FROM golang:1.25 AS build
        FROM gcr.io/distroless/static-debian12:nonroot
    wrong:
      - fails: min_stages
        dockerfile: |
          FROM golang:1.25
    hints:
      - text: Add a second FROM.
        requirement: min_stages
      - text: Tag your base.
        rule: DL3006
"#;

    #[test]
    fn exercise_parses_every_requirement_and_tied_hints() {
        let quiz = parse(EXERCISE).unwrap();
        let QuestionKind::Dockerfile(ex) = &quiz.questions[0].kind else {
            panic!()
        };
        // The six written, then the implied `runs`.
        assert_eq!(ex.requirements.len(), 7);
        assert_eq!(ex.requirements[6], Requirement::Runs);
        assert_eq!(ex.context[1].contents.as_deref(), Some("module x\n"));
        assert_eq!(ex.wrong[0].line, 21);
        assert_eq!(ex.reveal_after, DEFAULT_REVEAL_AFTER);
        let hints = &quiz.questions[0].hints;
        assert_eq!(
            hints[0].tied_to,
            Some(HintTrigger::Requirement("min_stages".into()))
        );
        assert_eq!(hints[1].tied_to, Some(HintTrigger::Rule("DL3006".into())));
    }

    #[test]
    fn wrong_answer_must_name_a_requirement_of_the_exercise() {
        let err = only_error(&EXERCISE.replace("fails: min_stages", "fails: exec_form_cmd"));
        assert!(err.message.contains("exec_form_cmd"), "{err}");
    }

    #[test]
    fn runs_is_implied_kept_where_written_and_cannot_be_turned_off() {
        let text = EXERCISE.replace("- min_stages: 2", "- runs: true\n      - min_stages: 2");
        let quiz = parse(&text).unwrap();
        let QuestionKind::Dockerfile(ex) = &quiz.questions[0].kind else {
            panic!()
        };
        let keys: Vec<_> = ex.requirements.iter().map(Requirement::key).collect();
        assert_eq!(keys.iter().filter(|k| **k == "runs").count(), 1);
        assert_eq!(keys[0], "runs");
        let err = only_error(&EXERCISE.replace("- min_stages: 2", "- runs: false"));
        assert!(err.message.contains("`runs: false` cannot"), "{err}");
        let wrong_runs = EXERCISE.replace("fails: min_stages", "fails: runs");
        assert!(
            parse(&wrong_runs).is_ok(),
            "a wrong answer may name the implied `runs`"
        );
    }

    #[test]
    fn requirement_with_two_keys_is_rejected() {
        let err = only_error(
            &EXERCISE.replace("- min_stages: 2", "- min_stages: 2\n        non_root: true"),
        );
        assert!(err.message.contains("several keys"), "{err}");
    }

    #[test]
    fn final_size_requirement_parses_and_zero_is_rejected() {
        let text = EXERCISE.replace(
            "- min_stages: 2",
            "- min_stages: 2\n      - final_size_under_mb: 50",
        );
        let quiz = parse(&text).unwrap();
        let QuestionKind::Dockerfile(ex) = &quiz.questions[0].kind else {
            panic!()
        };
        assert_eq!(ex.requirements[1], Requirement::FinalSizeUnderMb(50));
        let err = only_error(&text.replace("under_mb: 50", "under_mb: 0"));
        assert!(err.message.contains("never be met"), "{err}");
    }

    #[test]
    fn unknown_severity_lists_the_valid_ones() {
        let err = only_error(&EXERCISE.replace("at_or_above: warning", "at_or_above: fatal"));
        assert!(err.message.contains("info, style, warning, error"), "{err}");
    }

    #[test]
    fn spot_bug_line_must_exist() {
        let text = "questions:
  - id: s
    kind: spot_bug
    prompt: Which line?
    dockerfile: |
      FROM a
      RUN b
    bug_line: 5
    explanation: x
";
        let err = only_error(text);
        assert!(err.message.contains("past the end"), "{err}");
    }

    #[test]
    fn unknown_kind_lists_the_kinds() {
        let err = only_error(&SINGLE.replace("kind: single", "kind: essay"));
        assert!(err.message.contains("true_false"), "{err}");
    }
}
