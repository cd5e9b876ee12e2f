//! The state of every exercise in a workshop as last checked: the outcome of its file and
//! the status the list shows. Re-checking one exercise says what changed, so the caller can
//! count an attempt only when the learner saved something new.

use std::path::Path;

use super::check::{Outcome, check_file};
use super::files::DOCKERFILE;
use super::manifest::EXERCISES;
use super::{Workshop, WorkshopError};
use crate::safe_fs::write_inside;

/// What the exercise list shows for one exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The file is still the starter.
    NotStarted,
    Failing,
    Passed,
    /// The file could not be judged (missing, unreadable, empty, not UTF-8).
    Problem,
}

impl Status {
    pub fn mark(self) -> &'static str {
        match self {
            Status::NotStarted => "·",
            Status::Failing => "✗",
            Status::Passed => "✓",
            Status::Problem => "!",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Board {
    /// One per exercise, in the workshop's order.
    pub outcomes: Vec<Outcome>,
}

/// What one re-check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recheck {
    pub before: Status,
    pub now: Status,
    /// The learner's text is new (judged, not the starter, not what was judged last time):
    /// worth recording as an attempt.
    pub(crate) new_attempt: bool,
    /// The outcome differs from the one before (an editor's extra events change nothing).
    pub changed: bool,
}

impl Board {
    /// Checks every exercise's file as it is now.
    pub fn scan(workshop: &Workshop) -> Board {
        let outcomes = (0..workshop.exercises.len())
            .map(|i| check_file(&workshop.exercises[i].exercise, &workshop.dockerfile(i)))
            .collect();
        Board { outcomes }
    }

    pub fn status(&self, workshop: &Workshop, index: usize) -> Status {
        match &self.outcomes[index] {
            Outcome::Unjudged(_) => Status::Problem,
            Outcome::Judged { verdict, .. } if verdict.passed() => Status::Passed,
            Outcome::Judged { source, .. }
                if *source == workshop.exercises[index].exercise.starter =>
            {
                Status::NotStarted
            }
            Outcome::Judged { .. } => Status::Failing,
        }
    }

    /// Reads and judges exercise `index` again.
    pub fn recheck(&mut self, workshop: &Workshop, index: usize) -> Recheck {
        let before = self.status(workshop, index);
        let outcome = check_file(
            &workshop.exercises[index].exercise,
            &workshop.dockerfile(index),
        );
        let new_attempt = match (&outcome, self.outcomes[index].source()) {
            (Outcome::Judged { source, .. }, last) => {
                Some(source.as_str()) != last
                    && *source != workshop.exercises[index].exercise.starter
            }
            (Outcome::Unjudged(_), _) => false,
        };
        let changed = outcome != self.outcomes[index];
        self.outcomes[index] = outcome;
        Recheck {
            before,
            now: self.status(workshop, index),
            new_attempt,
            changed,
        }
    }

    pub fn passed(&self) -> usize {
        self.outcomes.iter().filter(|o| o.passed()).count()
    }

    /// The first exercise at or after `from` (wrapping) that does not pass yet.
    pub(crate) fn next_unsolved(&self, from: usize) -> Option<usize> {
        let n = self.outcomes.len();
        (0..n)
            .map(|k| (from + k) % n)
            .find(|&i| !self.outcomes[i].passed())
    }
}

impl Workshop {
    /// Puts the starter back into exercise `index`'s Dockerfile.
    pub fn reset(&self, index: usize) -> Result<(), WorkshopError> {
        // Never through a link: a linked Dockerfile or folder is refused, not written through.
        let rel = Path::new(EXERCISES)
            .join(&self.exercises[index].folder)
            .join(DOCKERFILE);
        write_inside(
            &self.root,
            &rel,
            self.exercises[index].exercise.starter.as_bytes(),
        )
        .map_err(|e| WorkshopError::io(&self.dockerfile(index), e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::init;

    #[test]
    fn statuses_follow_the_files() {
        let dir = tempfile::tempdir().unwrap();
        init(dir.path(), None, false).unwrap();
        let workshop = Workshop::open(dir.path(), None).unwrap();
        let mut board = Board::scan(&workshop);
        assert_eq!(board.status(&workshop, 0), Status::NotStarted);
        assert_eq!(board.passed(), 0);
        assert_eq!(board.next_unsolved(3), Some(3));

        let solution = workshop.exercises[0].exercise.solutions[0].clone();
        std::fs::write(workshop.dockerfile(0), &solution).unwrap();
        let found = board.recheck(&workshop, 0);
        assert_eq!(
            found,
            Recheck {
                before: Status::NotStarted,
                now: Status::Passed,
                new_attempt: true,
                changed: true,
            }
        );
        // The same text again (an editor's second event) is no new attempt, and no change.
        let again = board.recheck(&workshop, 0);
        assert!(!again.new_attempt && !again.changed);
        assert_eq!(board.next_unsolved(0), Some(1));

        std::fs::remove_file(workshop.dockerfile(0)).unwrap();
        assert_eq!(board.recheck(&workshop, 0).now, Status::Problem);
        workshop.reset(0).unwrap();
        let back = board.recheck(&workshop, 0);
        assert_eq!(back.now, Status::NotStarted);
        assert!(!back.new_attempt);
    }
}
