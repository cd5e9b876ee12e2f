//! What the home screen shows about the learner's progress. The progress store fills this in
//! from disk; the reader adds to it as sections are opened. Default: nothing read yet.

use std::collections::{BTreeSet, HashMap};

use crate::course::Lesson;

/// Sections seen, per lesson id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgressMarks {
    seen: HashMap<String, BTreeSet<usize>>,
}

/// One lesson's state, as the home screen shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonStatus {
    NotStarted,
    Reading { seen: usize, of: usize },
    Done,
}

impl ProgressMarks {
    pub fn mark_seen(&mut self, lesson_id: &str, section: usize) {
        self.seen
            .entry(lesson_id.to_owned())
            .or_default()
            .insert(section);
    }

    pub fn status(&self, lesson: &Lesson) -> LessonStatus {
        let of = lesson.sections.len();
        let seen = self
            .seen
            .get(&lesson.id)
            .map_or(0, |s| s.iter().filter(|&&i| i < of).count());
        match seen {
            0 => LessonStatus::NotStarted,
            n if n >= of => LessonStatus::Done,
            n => LessonStatus::Reading { seen: n, of },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::{Section, SectionKind};

    fn lesson(sections: usize) -> Lesson {
        Lesson {
            id: "l1".into(),
            title: "T".into(),
            order: 1,
            summary: String::new(),
            sections: (0..sections)
                .map(|i| Section {
                    title: format!("s{i}"),
                    kind: SectionKind::Concept,
                    doc: Default::default(),
                })
                .collect(),
            source: "l1.md".into(),
        }
    }

    #[test]
    fn status_counts_distinct_sections_of_this_lesson() {
        let l = lesson(3);
        let mut marks = ProgressMarks::default();
        assert_eq!(marks.status(&l), LessonStatus::NotStarted);
        marks.mark_seen("l1", 1);
        marks.mark_seen("l1", 1);
        marks.mark_seen("other", 0);
        assert_eq!(marks.status(&l), LessonStatus::Reading { seen: 1, of: 3 });
        marks.mark_seen("l1", 0);
        marks.mark_seen("l1", 2);
        assert_eq!(marks.status(&l), LessonStatus::Done);
    }

    #[test]
    fn marks_beyond_the_lesson_do_not_count() {
        let mut marks = ProgressMarks::default();
        marks.mark_seen("l1", 7);
        assert_eq!(marks.status(&lesson(2)), LessonStatus::NotStarted);
    }
}
