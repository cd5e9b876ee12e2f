//! Missed quiz questions come back: a question whose first answer was wrong is due for review
//! a day later; answered right there, it comes back after 3 days, then 7, then no more; a
//! wrong review starts again at one day. Reviews are practice: the score keeps the first answer.

use super::model::{Progress, Review};

/// The waits between reviews, in days.
pub(crate) const INTERVALS: [u32; 3] = [1, 3, 7];

const DAY_MS: u64 = 86_400_000;

/// The day (since 1970-01-01, UTC) of a time in Unix milliseconds.
pub(crate) fn day_of(unix_ms: u64) -> u64 {
    unix_ms / DAY_MS
}

impl Progress {
    /// A missed first answer: the question is due tomorrow.
    pub fn schedule_review(&mut self, lesson: &str, question: &str, today: u64) {
        self.question_mut(lesson, question).review = Some(due_after(today, INTERVALS[0]));
    }

    /// A review answered: right waits the next interval (after the last, it is done), wrong
    /// starts again at the first.
    pub(crate) fn record_review(&mut self, lesson: &str, question: &str, right: bool, today: u64) {
        let q = self.question_mut(lesson, question);
        let Some(review) = q.review else {
            return;
        };
        q.review = if right {
            INTERVALS
                .iter()
                .find(|&&days| days > review.interval_days)
                .map(|&days| due_after(today, days))
        } else {
            Some(due_after(today, INTERVALS[0]))
        };
    }

    /// (lesson, question) of every review due on or before `today`, in file order.
    pub fn due_reviews(&self, today: u64) -> Vec<(&str, &str)> {
        self.lessons
            .iter()
            .flat_map(|(lesson, l)| {
                l.questions
                    .iter()
                    .filter(|(_, q)| q.review.is_some_and(|r| r.due_day <= today))
                    .map(move |(question, _)| (lesson.as_str(), question.as_str()))
            })
            .collect()
    }
}

fn due_after(today: u64, days: u32) -> Review {
    Review {
        due_day: today + u64::from(days),
        interval_days: days,
    }
}

/// Now, in Unix milliseconds: the system's clock, or a fixed one that tests move by hand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clock {
    fixed: Option<u64>,
}

impl Clock {
    pub fn fixed(unix_ms: u64) -> Clock {
        Clock {
            fixed: Some(unix_ms),
        }
    }

    /// Moves a fixed clock on (a system clock moves by itself).
    pub fn advance(&mut self, ms: u64) {
        if let Some(now) = &mut self.fixed {
            *now = now.saturating_add(ms);
        }
    }

    pub fn now_ms(&self) -> u64 {
        self.fixed.unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        })
    }

    pub fn today(&self) -> u64 {
        day_of(self.now_ms())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missed_question_comes_back_after_1_3_and_7_days() {
        let mut p = Progress::default();
        p.schedule_review("l", "q", 100);
        assert!(p.due_reviews(100).is_empty(), "not today");
        assert_eq!(p.due_reviews(101), [("l", "q")]);
        p.record_review("l", "q", true, 101);
        assert!(p.due_reviews(103).is_empty());
        assert_eq!(p.due_reviews(104).len(), 1, "3 days later");
        p.record_review("l", "q", true, 104);
        assert!(p.due_reviews(110).is_empty());
        assert_eq!(p.due_reviews(111).len(), 1, "7 days later");
        p.record_review("l", "q", true, 111);
        assert!(p.due_reviews(1000).is_empty(), "learnt");
    }

    #[test]
    fn a_wrong_review_starts_again_and_changes_no_score() {
        let mut p = Progress::default();
        p.record_first_answer("l", "q", false);
        p.schedule_review("l", "q", 10);
        p.record_review("l", "q", true, 11);
        p.record_review("l", "q", false, 14);
        let q = p.question("l", "q").unwrap();
        assert_eq!(
            q.review.map(|r| (r.due_day, r.interval_days)),
            Some((15, 1))
        );
        assert_eq!((q.correct, q.attempts), (false, 1));
    }

    #[test]
    fn a_question_never_scheduled_is_not_reviewed() {
        let mut p = Progress::default();
        p.record_review("l", "q", false, 5);
        assert_eq!(p.question("l", "q").unwrap().review, None);
    }

    #[test]
    fn a_fixed_clock_moves_only_by_hand() {
        let mut clock = Clock::fixed(DAY_MS * 3 - 1);
        assert_eq!(clock.today(), 2);
        clock.advance(1);
        assert_eq!(clock.today(), 3);
    }
}
