//! Which hint to offer next: a hint tied to a check that is failing right now comes first,
//! then the plain hints in the author's order, then the remaining tied ones.

use super::model::{HintTrigger, Question};
use super::verdict::Verdict;

/// Index into `question.hints` of the next hint to show, skipping those already `shown`.
pub(crate) fn next_hint(
    question: &Question,
    verdict: Option<&Verdict>,
    shown: &[usize],
) -> Option<usize> {
    let failing = |trigger: &HintTrigger| {
        verdict.is_some_and(|v| match trigger {
            HintTrigger::Requirement(key) => v.failed_keys().any(|k| k == key),
            HintTrigger::Rule(rule) => v
                .diagnostics
                .iter()
                .any(|d| d.rule.eq_ignore_ascii_case(rule)),
        })
    };
    let rank = |i: usize| match &question.hints[i].tied_to {
        Some(trigger) if failing(trigger) => 0,
        None => 1,
        Some(_) => 2,
    };
    (0..question.hints.len())
        .filter(|i| !shown.contains(i))
        .min_by_key(|&i| (rank(i), i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::model::{Hint, QuestionKind};
    use crate::quiz::verdict::Check;

    fn question() -> Question {
        let hint = |text: &str, tied_to| Hint {
            text: text.into(),
            tied_to,
        };
        Question {
            id: "q".into(),
            prompt: "p".into(),
            explanation: "e".into(),
            hints: vec![
                hint("plain", None),
                hint("root", Some(HintTrigger::Requirement("non_root".into()))),
                hint("rule", Some(HintTrigger::Rule("DL3006".into()))),
            ],
            kind: QuestionKind::TrueFalse { answer: true },
            section: None,
            line: 1,
        }
    }

    #[test]
    fn failing_requirement_hint_comes_first() {
        let verdict = Verdict {
            checks: vec![Check {
                key: "non_root",
                label: String::new(),
                met: false,
                reason: String::new(),
                line: None,
            }],
            diagnostics: vec![],
        };
        let q = question();
        assert_eq!(next_hint(&q, Some(&verdict), &[]), Some(1));
        assert_eq!(next_hint(&q, Some(&verdict), &[1]), Some(0));
        assert_eq!(next_hint(&q, Some(&verdict), &[1, 0]), Some(2));
        assert_eq!(next_hint(&q, Some(&verdict), &[0, 1, 2]), None);
    }

    #[test]
    fn without_a_verdict_plain_hints_come_first() {
        assert_eq!(next_hint(&question(), None, &[]), Some(0));
        assert_eq!(next_hint(&question(), None, &[0]), Some(1));
    }
}
