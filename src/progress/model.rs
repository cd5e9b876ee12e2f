//! What the learner has done: per lesson, per question. Pure data, serialised as JSON.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// The schema this build writes. A file with a larger number came from a newer dockerlings:
/// it is left untouched and nothing is saved (see [`super::store`]).
/// 2 added where the learner is in each lesson, the sections seen, the last lesson read and
/// the review schedule; every one of them defaults, so a version 1 file loads as it is.
pub const SCHEMA_VERSION: u32 = 2;

/// The whole progress file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub schema_version: u32,
    /// Incremented on every write; tells a reader how many saves the file has seen.
    #[serde(default)]
    pub revision: u64,
    /// Keyed by lesson ID.
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
    /// The lesson read last, which Continue reopens (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_lesson: Option<String>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            schema_version: SCHEMA_VERSION,
            revision: 0,
            lessons: BTreeMap::new(),
            last_lesson: None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonProgress {
    /// Time spent reading the lesson's sections (questions keep their own time).
    #[serde(default)]
    pub reading_ms: u64,
    /// Where the reader was left (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// The sections opened, by index (schema 2).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub sections_seen: BTreeSet<usize>,
    /// Keyed by question ID.
    #[serde(default)]
    pub questions: BTreeMap<String, QuestionProgress>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionProgress {
    /// Answered at least once.
    #[serde(default)]
    pub answered: bool,
    /// Answered correctly at least once (an exercise: its requirements all met).
    #[serde(default)]
    pub correct: bool,
    /// Answers submitted (an exercise: checks run on request).
    #[serde(default)]
    pub attempts: u32,
    #[serde(default)]
    pub hints_used: u32,
    /// The solution was shown.
    #[serde(default)]
    pub revealed: bool,
    #[serde(default)]
    pub time_spent_ms: u64,
    /// The learner's latest Dockerfile for an exercise, so coming back resumes the draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
    /// A quiz question whose first answer was wrong comes back for review (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

/// A place in a lesson: the section and the first line shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub section: usize,
    pub scroll: usize,
}

/// When a missed question is due again (see [`super::review`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Days since 1970-01-01 (UTC) on which it is due.
    pub(crate) due_day: u64,
    /// The wait that led to this review, in days.
    pub(crate) interval_days: u32,
}

/// What an exercise showed the learner to help them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Help {
    Hint,
    Solution,
}

impl Progress {
    pub fn question(&self, lesson: &str, question: &str) -> Option<&QuestionProgress> {
        self.lessons.get(lesson)?.questions.get(question)
    }

    /// The record for a question, created empty on first use.
    pub(crate) fn question_mut(&mut self, lesson: &str, question: &str) -> &mut QuestionProgress {
        self.lessons
            .entry(lesson.to_string())
            .or_default()
            .questions
            .entry(question.to_string())
            .or_default()
    }

    /// Records one submitted answer.
    pub fn record_answer(&mut self, lesson: &str, question: &str, correct: bool) {
        let q = self.question_mut(lesson, question);
        q.answered = true;
        q.attempts = q.attempts.saturating_add(1);
        q.correct |= correct;
    }

    /// Whether the question was answered right (an exercise: its file passed).
    pub(crate) fn is_right(&self, lesson: &str, question: &str) -> bool {
        self.question(lesson, question).is_some_and(|q| q.correct)
    }

    /// Records a check of a Dockerfile exercise. Once it has passed, later checks are practice
    /// and change nothing, so saving a passed file again keeps its first-try credit.
    pub(crate) fn record_check(&mut self, lesson: &str, question: &str, passed: bool) {
        if !self.is_right(lesson, question) {
            self.record_answer(lesson, question, passed);
        }
    }

    /// Records a quiz answer if it is the question's first, and says whether it did: the first
    /// answer is the one that counts, and answering again (after the right one was shown) is
    /// practice.
    pub fn record_first_answer(&mut self, lesson: &str, question: &str, correct: bool) -> bool {
        if self.question(lesson, question).is_some_and(|q| q.answered) {
            return false;
        }
        self.record_answer(lesson, question, correct);
        true
    }

    /// Records a hint or a solution the learner saw on an exercise, unless it already passed
    /// (then it can no longer help, so it costs nothing).
    pub(crate) fn record_help(&mut self, lesson: &str, question: &str, help: Help) {
        if self.is_right(lesson, question) {
            return;
        }
        match help {
            Help::Hint => self.record_hint(lesson, question),
            Help::Solution => self.record_reveal(lesson, question),
        }
    }

    pub fn record_hint(&mut self, lesson: &str, question: &str) {
        let q = self.question_mut(lesson, question);
        q.hints_used = q.hints_used.saturating_add(1);
    }

    pub fn record_reveal(&mut self, lesson: &str, question: &str) {
        self.question_mut(lesson, question).revealed = true;
    }

    pub fn add_time(&mut self, lesson: &str, question: &str, ms: u64) {
        let q = self.question_mut(lesson, question);
        q.time_spent_ms = q.time_spent_ms.saturating_add(ms);
    }

    /// Three-way merge used when another process saved since we loaded: `self` is what is
    /// on disk now, `base` what we loaded (or last saved), `mine` our current state. Our
    /// changes since `base` are applied on top of the disk's state, so neither side's
    /// answers are lost: counters add up, flags we newly set are set, our newer draft wins.
    /// A lesson the other process reset keeps only what we did since `base`.
    pub fn merge_from(&mut self, base: &Progress, mine: &Progress) {
        if mine.last_lesson != base.last_lesson {
            self.last_lesson.clone_from(&mine.last_lesson);
        }
        for (lesson_id, my_lesson) in &mine.lessons {
            let base_lesson = base.lessons.get(lesson_id);
            let theirs = self.lessons.entry(lesson_id.clone()).or_default();
            let base_reading = base_lesson.map_or(0, |l| l.reading_ms);
            theirs.reading_ms = theirs
                .reading_ms
                .saturating_add(my_lesson.reading_ms.saturating_sub(base_reading));
            if my_lesson.position != base_lesson.and_then(|l| l.position) {
                theirs.position = my_lesson.position;
            }
            theirs
                .sections_seen
                .extend(my_lesson.sections_seen.iter().copied());
            for (question_id, my_q) in &my_lesson.questions {
                let empty = QuestionProgress::default();
                let base_q = base_lesson
                    .and_then(|l| l.questions.get(question_id))
                    .unwrap_or(&empty);
                if my_q == base_q {
                    continue;
                }
                theirs
                    .questions
                    .entry(question_id.clone())
                    .or_default()
                    .apply_delta(base_q, my_q);
            }
        }
    }

    /// Records where the reader is in a lesson: the section is seen, the place is kept, and
    /// the lesson becomes the one Continue reopens.
    pub fn record_position(&mut self, lesson: &str, position: Position) {
        let l = self.lessons.entry(lesson.to_string()).or_default();
        l.position = Some(position);
        l.sections_seen.insert(position.section);
        if self.last_lesson.as_deref() != Some(lesson) {
            self.last_lesson = Some(lesson.to_string());
        }
    }

    pub fn add_reading(&mut self, lesson: &str, ms: u64) {
        let l = self.lessons.entry(lesson.to_string()).or_default();
        l.reading_ms = l.reading_ms.saturating_add(ms);
    }

    /// Forgets one lesson, or everything.
    pub fn reset(&mut self, lesson: Option<&str>) {
        match lesson {
            Some(id) => {
                self.lessons.remove(id);
                if self.last_lesson.as_deref() == Some(id) {
                    self.last_lesson = None;
                }
            }
            None => {
                self.lessons.clear();
                self.last_lesson = None;
            }
        }
    }
}

impl QuestionProgress {
    fn apply_delta(&mut self, base: &QuestionProgress, mine: &QuestionProgress) {
        fn newly(base: bool, mine: bool) -> bool {
            mine && !base
        }
        self.answered |= newly(base.answered, mine.answered);
        self.correct |= newly(base.correct, mine.correct);
        self.revealed |= newly(base.revealed, mine.revealed);
        self.attempts = self
            .attempts
            .saturating_add(mine.attempts.saturating_sub(base.attempts));
        self.hints_used = self
            .hints_used
            .saturating_add(mine.hints_used.saturating_sub(base.hints_used));
        self.time_spent_ms = self
            .time_spent_ms
            .saturating_add(mine.time_spent_ms.saturating_sub(base.time_spent_ms));
        if mine.draft != base.draft {
            self.draft.clone_from(&mine.draft);
        }
        if mine.review != base.review {
            self.review = mine.review;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_answer_counts_attempts_and_keeps_correct() {
        let mut p = Progress::default();
        p.record_answer("l", "q", true);
        p.record_answer("l", "q", false);
        let q = p.question("l", "q").unwrap();
        assert_eq!((q.answered, q.correct, q.attempts), (true, true, 2));
    }

    #[test]
    fn checks_after_a_pass_are_practice() {
        let mut p = Progress::default();
        p.record_check("l", "ex", true);
        p.record_check("l", "ex", false);
        p.record_check("l", "ex", true);
        let q = p.question("l", "ex").unwrap();
        assert_eq!((q.correct, q.attempts), (true, 1), "first-try credit stays");
        p.record_check("l", "other", false);
        p.record_check("l", "other", true);
        assert_eq!(p.question("l", "other").unwrap().attempts, 2);
    }

    #[test]
    fn help_after_a_pass_costs_nothing() {
        let mut p = Progress::default();
        p.record_help("l", "ex", Help::Hint);
        p.record_check("l", "ex", true);
        p.record_help("l", "ex", Help::Hint);
        p.record_help("l", "ex", Help::Solution);
        let q = p.question("l", "ex").unwrap();
        assert_eq!((q.hints_used, q.revealed), (1, false));
    }

    #[test]
    fn only_a_quizs_first_answer_counts() {
        let mut p = Progress::default();
        assert!(p.record_first_answer("l", "q", false));
        assert!(
            !p.record_first_answer("l", "q", true),
            "a retry is practice"
        );
        let q = p.question("l", "q").unwrap();
        assert_eq!((q.answered, q.correct, q.attempts), (true, false, 1));
    }

    #[test]
    fn merge_adds_both_sides_counters() {
        let mut base = Progress::default();
        base.record_answer("l", "q", false);
        let mut mine = base.clone();
        mine.record_answer("l", "q", true);
        mine.record_hint("l", "q");
        let mut theirs = base.clone();
        theirs.record_answer("l", "q", false);
        theirs.record_answer("l", "other", true);

        theirs.merge_from(&base, &mine);
        let q = theirs.question("l", "q").unwrap();
        assert_eq!(q.attempts, 3, "1 in base + 1 mine + 1 theirs");
        assert_eq!(q.hints_used, 1);
        assert!(q.correct);
        assert!(theirs.question("l", "other").unwrap().correct);
    }

    #[test]
    fn merge_onto_a_reset_lesson_keeps_only_new_work() {
        let mut base = Progress::default();
        base.record_answer("l", "old", true);
        let mut mine = base.clone();
        mine.record_answer("l", "new", true);
        let mut theirs = base.clone();
        theirs.reset(Some("l"));

        theirs.merge_from(&base, &mine);
        assert!(theirs.question("l", "old").is_none());
        assert_eq!(theirs.question("l", "new").unwrap().attempts, 1);
    }

    #[test]
    fn newer_draft_wins_unchanged_draft_does_not() {
        let mut base = Progress::default();
        base.question_mut("l", "ex").draft = Some("FROM a".into());
        let mine = base.clone();
        let mut theirs = base.clone();
        theirs.question_mut("l", "ex").draft = Some("FROM b".into());
        theirs.merge_from(&base, &mine);
        assert_eq!(
            theirs.question("l", "ex").unwrap().draft.as_deref(),
            Some("FROM b")
        );

        let mut mine = base.clone();
        mine.question_mut("l", "ex").draft = Some("FROM c".into());
        theirs.merge_from(&base, &mine);
        assert_eq!(
            theirs.question("l", "ex").unwrap().draft.as_deref(),
            Some("FROM c")
        );
    }
}
