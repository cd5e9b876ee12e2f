//! Progress is keyed by lesson and question, so the record of a question that moved to
//! another lesson ([`MOVED`]) is carried to its new lesson whenever a file is
//! read: an old progress file keeps loading, and its answers keep counting.

use super::model::{LessonProgress, Progress, QuestionProgress};

// Question ids are forever, but progress files and workshop manifests name a question by
// lesson and id: this table lets both find a question that has moved since they were written.
/// (question, the lesson it was in, the lesson it is in now). Append only.
pub const MOVED: &[(&str, &str, &str)] = &[
    // Issue 14: taught before any Python or Java was, they moved to the new lessons.
    (
        "why-ex-drop-the-compiler",
        "why-multi-stage",
        "python-venvs-on-distroless",
    ),
    ("sum-ex-java", "summary-and-analogy", "java-on-distroless"),
];

/// The lesson `question` is in now, if it moved out of `lesson`.
pub fn moved_to(lesson: &str, question: &str) -> Option<&'static str> {
    MOVED
        .iter()
        .find(|(q, from, _)| *q == question && *from == lesson)
        .map(|(_, _, to)| *to)
}

impl Progress {
    /// Moves records of moved questions to the lesson each question is in now.
    pub(super) fn follow_moves(&mut self) {
        follow(self, MOVED);
    }
}

fn follow(progress: &mut Progress, moves: &[(&str, &str, &str)]) {
    for &(question, from, to) in moves {
        let Some(old_lesson) = progress.lessons.get_mut(from) else {
            continue;
        };
        let Some(old) = old_lesson.questions.remove(question) else {
            continue;
        };
        if old_lesson.questions.is_empty() && *old_lesson == LessonProgress::default() {
            progress.lessons.remove(from);
        }
        absorb(progress.question_mut(to, question), old);
    }
}

/// Adds an older record to the one under the new lesson (both exist only when a file was
/// written by old and new versions in turn): work done counts once on each side, and the
/// newer draft is kept.
fn absorb(new: &mut QuestionProgress, old: QuestionProgress) {
    new.answered |= old.answered;
    new.correct |= old.correct;
    new.revealed |= old.revealed;
    new.attempts = new.attempts.saturating_add(old.attempts);
    new.hints_used = new.hints_used.saturating_add(old.hints_used);
    new.time_spent_ms = new.time_spent_ms.saturating_add(old.time_spent_ms);
    if new.draft.is_none() {
        new.draft = old.draft;
    }
    if new.review.is_none() {
        new.review = old.review;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOVES: &[(&str, &str, &str)] = &[("q", "old", "new")];

    #[test]
    fn a_record_under_the_old_lesson_moves_to_the_new_one() {
        let mut p = Progress::default();
        p.record_answer("old", "q", true);
        p.question_mut("old", "q").draft = Some("FROM x".into());
        follow(&mut p, MOVES);
        assert!(!p.lessons.contains_key("old"), "an emptied lesson goes");
        let q = p.question("new", "q").unwrap();
        assert!(q.correct && q.answered);
        assert_eq!(q.attempts, 1);
        assert_eq!(q.draft.as_deref(), Some("FROM x"));
    }

    #[test]
    fn both_records_add_up_and_the_newer_draft_stays() {
        let mut p = Progress::default();
        p.record_answer("old", "q", true);
        p.question_mut("old", "q").draft = Some("old draft".into());
        p.lessons.get_mut("old").unwrap().reading_ms = 5;
        p.record_answer("new", "q", false);
        p.question_mut("new", "q").draft = Some("new draft".into());
        follow(&mut p, MOVES);
        let q = p.question("new", "q").unwrap();
        assert!(q.correct);
        assert_eq!(q.attempts, 2);
        assert_eq!(q.draft.as_deref(), Some("new draft"));
        assert_eq!(
            p.lessons["old"].reading_ms, 5,
            "reading time stays with its lesson"
        );
        assert!(p.lessons["old"].questions.is_empty());
    }

    #[test]
    fn other_questions_and_lessons_are_untouched() {
        let mut p = Progress::default();
        p.record_answer("old", "other", true);
        p.record_answer("elsewhere", "q", true);
        let before = p.clone();
        follow(&mut p, MOVES);
        assert_eq!(p, before);
    }
}
