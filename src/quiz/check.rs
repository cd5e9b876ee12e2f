//! Judging an answer to a question. Dockerfile exercises are judged by [`super::exercise`].

use super::model::{Question, QuestionKind};

/// What the learner answered, in the shape of the question's kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// 0-based choice (single).
    Choice(usize),
    /// 0-based choices (multiple).
    Choices(Vec<usize>),
    Bool(bool),
    Text(String),
    /// Indices into the question's `items` (the right order), in the order the learner put them.
    Order(Vec<usize>),
    /// 1-based line (spot_bug).
    Line(usize),
}

/// Whether an answer is right. A Dockerfile exercise is never judged here (it needs the
/// validator; see [`super::exercise::judge`]), so it is `false`, as is an answer of the
/// wrong shape.
pub(crate) fn is_correct(question: &Question, answer: &Answer) -> bool {
    match (&question.kind, answer) {
        (QuestionKind::Single { correct, .. }, Answer::Choice(c)) => c == correct,
        (QuestionKind::Multiple { correct, .. }, Answer::Choices(picked)) => {
            let mut picked = picked.clone();
            picked.sort_unstable();
            picked.dedup();
            &picked == correct
        }
        (QuestionKind::TrueFalse { answer }, Answer::Bool(b)) => answer == b,
        (QuestionKind::Short { accept }, Answer::Text(text)) => {
            let given = normalise(text);
            !given.is_empty() && accept.iter().any(|a| accepts(&normalise(a), &given))
        }
        (QuestionKind::Order { items }, Answer::Order(order)) => {
            order.len() == items.len() && order.iter().enumerate().all(|(i, &o)| i == o)
        }
        (QuestionKind::SpotBug { bug_line, .. }, Answer::Line(line)) => line == bug_line,
        _ => false,
    }
}

/// Case- and space-insensitive form of a short answer: lower case, runs of white space
/// collapsed to one space, trimmed, and surrounding backticks or quotes dropped (learners
/// often type `scratch` the way the lesson shows it).
pub fn normalise(text: &str) -> String {
    let trimmed = text.trim().trim_matches(['`', '"', '\'']);
    trimmed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Where an accepted answer takes any stage or image name (`--target <name>` accepts
/// `--target build`): one word of the characters such names use.
pub const NAME_PLACEHOLDER: &str = "<name>";

/// Whether a normalised answer matches a normalised accepted one, each [`NAME_PLACEHOLDER`]
/// standing for one name.
fn accepts(accepted: &str, given: &str) -> bool {
    let is_name_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':');
    let mut parts = accepted.split(NAME_PLACEHOLDER);
    let Some(mut rest) = given.strip_prefix(parts.next().unwrap_or_default()) else {
        return false;
    };
    for part in parts {
        // The name runs to the first character a name cannot have (a space, `=`).
        let end = rest.find(|c| !is_name_char(c)).unwrap_or(rest.len());
        if end == 0 {
            return false;
        }
        match rest[end..].strip_prefix(part) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// The order in which an `order` question shows its items: a fixed shuffle derived from the
/// question ID (the same every time, so snapshots and progress stay stable), never the
/// solved order.
pub fn shuffled_order(question_id: &str, len: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    if len < 2 {
        return order;
    }
    // FNV-1a of the ID seeds a small xorshift; quality does not matter, stability does.
    let mut state = question_id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    }) | 1;
    for i in (1..len).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = (state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    if order.iter().enumerate().all(|(i, &o)| i == o) {
        order.rotate_left(1);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: QuestionKind) -> Question {
        Question {
            id: "q".into(),
            prompt: "p".into(),
            explanation: "e".into(),
            hints: vec![],
            kind,
            section: None,
            line: 1,
        }
    }

    #[test]
    fn short_answers_ignore_case_space_and_quotes() {
        let q = question(QuestionKind::Short {
            accept: vec!["FROM scratch".into(), "scratch".into()],
        });
        assert!(is_correct(&q, &Answer::Text("  from   SCRATCH ".into())));
        assert!(is_correct(&q, &Answer::Text("`scratch`".into())));
        assert!(!is_correct(&q, &Answer::Text("alpine".into())));
        assert!(!is_correct(&q, &Answer::Text("   ".into())));
    }

    #[test]
    fn a_name_placeholder_takes_one_name() {
        let q = question(QuestionKind::Short {
            accept: vec!["--target <name>".into(), "--target=<name>".into()],
        });
        for right in ["--target build", "--TARGET=debug-stage", "--target test.v2"] {
            assert!(is_correct(&q, &Answer::Text(right.into())), "{right}");
        }
        for wrong in [
            "--target",
            "--target ",
            "--target a b",
            "--tag build",
            "--target=<",
        ] {
            assert!(!is_correct(&q, &Answer::Text(wrong.into())), "{wrong}");
        }
        let literal = question(QuestionKind::Short {
            accept: vec!["<name>".into()],
        });
        assert!(!is_correct(&literal, &Answer::Text("".into())));
    }

    #[test]
    fn multiple_needs_exactly_the_right_set() {
        let q = question(QuestionKind::Multiple {
            choices: vec!["a".into(), "b".into(), "c".into()],
            correct: vec![0, 2],
        });
        assert!(is_correct(&q, &Answer::Choices(vec![2, 0])));
        assert!(!is_correct(&q, &Answer::Choices(vec![0])));
        assert!(!is_correct(&q, &Answer::Choices(vec![0, 1, 2])));
    }

    #[test]
    fn order_and_spot_bug_and_wrong_shape() {
        let q = question(QuestionKind::Order {
            items: vec!["a".into(), "b".into(), "c".into()],
        });
        assert!(is_correct(&q, &Answer::Order(vec![0, 1, 2])));
        assert!(!is_correct(&q, &Answer::Order(vec![1, 0, 2])));
        assert!(!is_correct(&q, &Answer::Bool(true)));
        let q = question(QuestionKind::SpotBug {
            dockerfile: "FROM a\nRUN b\n".into(),
            bug_line: 2,
        });
        assert!(is_correct(&q, &Answer::Line(2)));
        assert!(!is_correct(&q, &Answer::Line(1)));
    }

    #[test]
    fn shuffle_is_stable_and_never_solved() {
        for len in 2..8 {
            for id in ["a", "b", "order-steps", "x1"] {
                let order = shuffled_order(id, len);
                assert_eq!(order, shuffled_order(id, len));
                let mut sorted = order.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..len).collect::<Vec<_>>());
                assert!(order.iter().enumerate().any(|(i, &o)| i != o), "{id} {len}");
            }
        }
    }
}
