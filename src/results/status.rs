//! Where a learner stands in one lesson, from the saved progress: what the lesson list marks
//! and what an export calls done.

use crate::course::Lesson;
use crate::progress::Progress;
use crate::quiz::Quiz;
use crate::results::Score;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonStatus {
    /// No section opened and no question answered.
    NotStarted,
    /// Some sections opened (or questions answered), not all of them.
    InProgress { seen: usize, of: usize },
    /// Every section opened; the quiz (if any) not passed yet.
    Read,
    /// Every section opened and the quiz passed ([`Score::passed`]).
    QuizPassed,
}

impl LessonStatus {
    pub fn of(lesson: &Lesson, quiz: Option<&Quiz>, progress: &Progress) -> LessonStatus {
        let of = lesson.sections.len();
        let saved = progress.lessons.get(&lesson.id);
        let seen = saved.map_or(0, |l| l.sections_seen.range(..of).count());
        let answered = saved.is_some_and(|l| l.questions.values().any(|q| q.answered));
        let passed = quiz.is_some_and(|q| Score::of(q, progress).passed());
        match (seen, passed) {
            (n, true) if n >= of => LessonStatus::QuizPassed,
            (n, false) if n >= of && of > 0 => LessonStatus::Read,
            (0, _) if !answered && !passed => LessonStatus::NotStarted,
            (n, _) => LessonStatus::InProgress { seen: n, of },
        }
    }

    /// Nothing left to do in the lesson: read, and its quiz passed if it has one.
    pub fn finished(self, has_quiz: bool) -> bool {
        match self {
            LessonStatus::QuizPassed => true,
            LessonStatus::Read => !has_quiz,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::course::Course;
    use crate::progress::Position;

    fn lesson(sections: usize) -> Lesson {
        let body: String = (0..sections).map(|i| format!("## S{i}\nText.\n")).collect();
        let course = Course::from_files([(
            PathBuf::from("01-l.md"),
            format!("---\nid: l\ntitle: L\norder: 1\n---\n{body}"),
        )]);
        course.lessons.into_iter().next().unwrap()
    }

    fn seen(p: &mut Progress, section: usize) {
        p.record_position("l", Position { section, scroll: 0 });
    }

    #[test]
    fn counts_distinct_sections_of_this_lesson() {
        let l = lesson(3);
        let mut p = Progress::default();
        assert_eq!(LessonStatus::of(&l, None, &p), LessonStatus::NotStarted);
        seen(&mut p, 1);
        seen(&mut p, 1);
        seen(&mut p, 7);
        p.record_position("other", Position::default());
        let status = LessonStatus::of(&l, None, &p);
        assert_eq!(status, LessonStatus::InProgress { seen: 1, of: 3 });
        seen(&mut p, 0);
        seen(&mut p, 2);
        let status = LessonStatus::of(&l, None, &p);
        assert_eq!(status, LessonStatus::Read);
        assert!(status.finished(false) && !status.finished(true));
    }

    #[test]
    fn an_answered_question_starts_a_lesson() {
        let l = lesson(2);
        let mut p = Progress::default();
        p.record_answer("l", "q", false);
        let status = LessonStatus::of(&l, None, &p);
        assert_eq!(status, LessonStatus::InProgress { seen: 0, of: 2 });
    }
}
