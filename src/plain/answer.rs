//! Typed answers: what to type for each kind of question, reading what was typed into the
//! quiz's [`Answer`], and the right answer in words. Pure text in, text out.

use crate::quiz::{Answer, Question, QuestionKind};

/// The rows a question lists for the learner to answer by number (choices, items in their
/// shuffled order, Dockerfile lines), numbered from 1.
pub(super) fn rows(question: &Question, arrangement: &[usize]) -> Vec<String> {
    match &question.kind {
        QuestionKind::Single { choices, .. } | QuestionKind::Multiple { choices, .. } => {
            choices.clone()
        }
        QuestionKind::TrueFalse { .. } => vec!["True".into(), "False".into()],
        QuestionKind::Order { items } => arrangement.iter().map(|&i| items[i].clone()).collect(),
        QuestionKind::SpotBug { dockerfile, .. } => dockerfile.lines().map(String::from).collect(),
        QuestionKind::Short { .. } | QuestionKind::Dockerfile(_) => Vec::new(),
    }
}

/// What the learner is asked to type.
pub(super) fn instruction(question: &Question) -> &'static str {
    match question.kind {
        QuestionKind::Single { .. } => "Type the number of your choice.",
        QuestionKind::Multiple { .. } => {
            "Type the numbers of every right choice, separated by spaces."
        }
        QuestionKind::TrueFalse { .. } => "Type t for true or f for false.",
        QuestionKind::Short { .. } => "Type your answer.",
        QuestionKind::Order { .. } => "Type the numbers in the right order, separated by spaces.",
        QuestionKind::SpotBug { .. } => "Type the number of the line with the bug.",
        QuestionKind::Dockerfile(_) => {
            "Type your Dockerfile and end it with a line holding only a dot (.), \
             or type @ and a file's path to check that file (@Dockerfile)."
        }
    }
}

/// What is wrong with a typed answer, said as what to type instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum AnswerError {
    #[error("Type t (true) or f (false).")]
    NotTrueFalse,
    #[error("Type an answer.")]
    Empty,
    #[error("Type a number from 1 to {count}.")]
    NotANumber { count: usize },
    #[error("Type numbers from 1 to {count}, separated by spaces.")]
    NoNumbers { count: usize },
    #[error("Type each number from 1 to {count} once.")]
    NotAnOrder { count: usize },
    #[error("A Dockerfile is checked, not typed as one line.")]
    DockerfileNotTyped,
}

/// The answer typed as `typed`, or what is wrong with it. `arrangement` is the order the
/// items of an order question were listed in.
pub(super) fn parse(
    question: &Question,
    arrangement: &[usize],
    typed: &str,
) -> Result<Answer, AnswerError> {
    let typed = typed.trim();
    let count = rows(question, arrangement).len();
    match &question.kind {
        QuestionKind::Single { .. } => number(typed, count).map(|n| Answer::Choice(n - 1)),
        QuestionKind::Multiple { .. } => {
            let picked = numbers(typed, count)?;
            Ok(Answer::Choices(picked.into_iter().map(|n| n - 1).collect()))
        }
        QuestionKind::TrueFalse { .. } => match typed.to_lowercase().as_str() {
            "t" | "true" | "1" | "y" | "yes" => Ok(Answer::Bool(true)),
            "f" | "false" | "2" | "n" | "no" => Ok(Answer::Bool(false)),
            _ => Err(AnswerError::NotTrueFalse),
        },
        QuestionKind::Short { .. } if typed.is_empty() => Err(AnswerError::Empty),
        QuestionKind::Short { .. } => Ok(Answer::Text(typed.to_string())),
        QuestionKind::Order { .. } => {
            let order = numbers(typed, count)?;
            let mut sorted = order.clone();
            sorted.sort_unstable();
            if sorted != (1..=count).collect::<Vec<_>>() {
                return Err(AnswerError::NotAnOrder { count });
            }
            Ok(Answer::Order(
                order.into_iter().map(|n| arrangement[n - 1]).collect(),
            ))
        }
        QuestionKind::SpotBug { .. } => number(typed, count).map(Answer::Line),
        QuestionKind::Dockerfile(_) => Err(AnswerError::DockerfileNotTyped),
    }
}

fn number(typed: &str, count: usize) -> Result<usize, AnswerError> {
    typed
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=count).contains(n))
        .ok_or(AnswerError::NotANumber { count })
}

fn numbers(typed: &str, count: usize) -> Result<Vec<usize>, AnswerError> {
    let parts: Vec<&str> = typed
        .split([' ', ',', '\t'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return Err(AnswerError::NoNumbers { count });
    }
    parts.into_iter().map(|p| number(p, count)).collect()
}

/// The right answer, in words, for after a wrong one.
pub(crate) fn right_answer(question: &Question) -> String {
    match &question.kind {
        QuestionKind::Single { choices, correct } => {
            format!("The answer is {}: {}", correct + 1, choices[*correct])
        }
        QuestionKind::Multiple { choices, correct } => {
            let listed: Vec<String> = correct
                .iter()
                .map(|&i| format!("{}: {}", i + 1, choices[i]))
                .collect();
            format!("The right choices are {}", listed.join("; "))
        }
        QuestionKind::TrueFalse { answer } => {
            format!("The answer is {}.", if *answer { "true" } else { "false" })
        }
        QuestionKind::Short { accept } => format!("Accepted: {}", accept.join(" · ")),
        QuestionKind::Order { items } => format!("The right order: {}", items.join(", then ")),
        QuestionKind::SpotBug { bug_line, .. } => format!("The bug is on line {bug_line}."),
        QuestionKind::Dockerfile(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::is_correct;

    fn question(kind: QuestionKind) -> Question {
        Question {
            id: "q".into(),
            prompt: "?".into(),
            explanation: String::new(),
            hints: Vec::new(),
            kind,
            line: 1,
            section: None,
        }
    }

    #[test]
    fn choices_are_typed_from_one_and_checked_by_the_quiz_judge() {
        let q = question(QuestionKind::Single {
            choices: vec!["RUN".into(), "FROM".into()],
            correct: 1,
        });
        assert_eq!(parse(&q, &[], " 2 "), Ok(Answer::Choice(1)));
        assert!(is_correct(&q, &parse(&q, &[], "2").unwrap()));
        assert_eq!(
            parse(&q, &[], "3"),
            Err(AnswerError::NotANumber { count: 2 })
        );
        assert_eq!(
            parse(&q, &[], "3").unwrap_err().to_string(),
            "Type a number from 1 to 2."
        );
        assert!(parse(&q, &[], "FROM").is_err());
        assert_eq!(right_answer(&q), "The answer is 2: FROM");
    }

    #[test]
    fn several_numbers_for_multiple_choice() {
        let q = question(QuestionKind::Multiple {
            choices: vec!["a".into(), "b".into(), "c".into()],
            correct: vec![0, 2],
        });
        assert_eq!(parse(&q, &[], "3, 1"), Ok(Answer::Choices(vec![2, 0])));
        assert!(is_correct(&q, &parse(&q, &[], "1 3").unwrap()));
        assert!(parse(&q, &[], "").is_err());
        assert!(parse(&q, &[], "1 4").is_err());
    }

    #[test]
    fn true_false_and_short_answers() {
        let q = question(QuestionKind::TrueFalse { answer: false });
        assert_eq!(parse(&q, &[], "F"), Ok(Answer::Bool(false)));
        assert_eq!(parse(&q, &[], "true"), Ok(Answer::Bool(true)));
        assert!(parse(&q, &[], "maybe").is_err());
        let q = question(QuestionKind::Short {
            accept: vec!["scratch".into()],
        });
        assert!(is_correct(&q, &parse(&q, &[], " Scratch ").unwrap()));
        assert!(parse(&q, &[], "  ").is_err());
    }

    #[test]
    fn an_order_is_typed_as_listed_rows_and_mapped_back() {
        let q = question(QuestionKind::Order {
            items: vec!["first".into(), "second".into(), "third".into()],
        });
        // Listed as: 1 third, 2 first, 3 second.
        let arrangement = [2, 0, 1];
        assert_eq!(rows(&q, &arrangement), ["third", "first", "second"]);
        let answer = parse(&q, &arrangement, "2 3 1").unwrap();
        assert!(is_correct(&q, &answer));
        assert!(!is_correct(&q, &parse(&q, &arrangement, "1 2 3").unwrap()));
        assert!(parse(&q, &arrangement, "1 1 2").is_err());
        assert!(parse(&q, &arrangement, "1 2").is_err());
    }

    #[test]
    fn a_bug_is_a_line_number() {
        let q = question(QuestionKind::SpotBug {
            dockerfile: "FROM a\nRUN b\n".into(),
            bug_line: 2,
        });
        assert_eq!(parse(&q, &[], "2"), Ok(Answer::Line(2)));
        assert!(parse(&q, &[], "0").is_err());
        assert_eq!(right_answer(&q), "The bug is on line 2.");
    }
}
