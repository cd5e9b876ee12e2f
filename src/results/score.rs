//! A lesson's score from the saved progress: how many questions are answered and right.

use crate::progress::Progress;
use crate::quiz::{QuestionKind, Quiz};

/// The share of right answers that passes a quiz.
pub(crate) const PASS_PERCENT: usize = 70;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub total: usize,
    pub answered: usize,
    pub correct: usize,
    /// Right on the first attempt, without hints or the solution.
    pub first_try: usize,
    /// Dockerfile exercises among the questions, and how many of them passed.
    pub exercises: usize,
    pub exercises_passed: usize,
}

impl Score {
    pub fn of(quiz: &Quiz, progress: &Progress) -> Score {
        let mut score = Score {
            total: quiz.questions.len(),
            ..Score::default()
        };
        for q in &quiz.questions {
            let exercise = matches!(q.kind, QuestionKind::Dockerfile(_));
            score.exercises += usize::from(exercise);
            let Some(p) = progress.question(&quiz.lesson_id, &q.id) else {
                continue;
            };
            score.answered += usize::from(p.answered);
            score.correct += usize::from(p.correct);
            score.exercises_passed += usize::from(exercise && p.correct);
            score.first_try +=
                usize::from(p.correct && p.attempts == 1 && p.hints_used == 0 && !p.revealed);
        }
        score
    }

    pub fn complete(&self) -> bool {
        self.total > 0 && self.correct == self.total
    }

    /// Every question answered and at least [`PASS_PERCENT`] of them right: the lesson list's
    /// "quiz passed". Not all: the first answer counts, so one slip must not bar a pass forever.
    pub fn passed(&self) -> bool {
        self.total > 0
            && self.answered == self.total
            && self.correct * 100 >= self.total * PASS_PERCENT
    }
}

/// Where a quiz resumes: its first question without a saved answer, else its first.
pub(crate) fn first_unanswered(quiz: &Quiz, progress: &Progress) -> usize {
    quiz.questions
        .iter()
        .position(|q| {
            !progress
                .question(&quiz.lesson_id, &q.id)
                .is_some_and(|p| p.answered)
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pass_needs_every_answer_and_seven_in_ten_right() {
        let score = |answered, correct| Score {
            total: 10,
            answered,
            correct,
            ..Score::default()
        };
        assert!(score(10, 7).passed());
        assert!(!score(10, 6).passed());
        assert!(!score(9, 9).passed(), "a question left");
        assert!(!Score::default().passed());
    }
}
