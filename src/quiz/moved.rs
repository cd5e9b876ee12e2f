//! Questions that moved to another lesson. Question ids are forever, but progress files and
//! workshop manifests name a question by lesson and id: this table lets both find a question
//! that has moved since they were written.

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::Course;
    use crate::quiz::QuizBook;

    #[test]
    fn every_move_lands_on_a_question_of_the_bundled_pack() {
        let book = QuizBook::for_course(&Course::bundled());
        for &(question, from, to) in MOVED {
            assert!(book.question(to, question).is_some(), "{question} in {to}");
            assert!(
                book.question(from, question).is_none(),
                "{question} left {from}"
            );
        }
    }

    #[test]
    fn only_the_old_lesson_is_redirected() {
        assert_eq!(
            moved_to("summary-and-analogy", "sum-ex-java"),
            Some("java-on-distroless")
        );
        assert_eq!(moved_to("java-on-distroless", "sum-ex-java"), None);
        assert_eq!(moved_to("summary-and-analogy", "sum-ex-non-root"), None);
    }
}
