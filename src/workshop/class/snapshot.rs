//! The class table at one moment: learners by exercises, sorted by who needs help, with
//! counts per exercise. Built on [`Class::merge`] (the same checks and majority pack as
//! `progress --merge`), plus each file's live part.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::scan;
use crate::results::class::FileProblem;
use crate::results::live::{self, ExerciseState, LiveExercise};
use crate::results::schema::PackIdentity;
use crate::results::{Class, ResultsFileError};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// The pack most files are for; `None` when no file could be used.
    pub pack: Option<PackIdentity>,
    /// Exercise folder names, the columns, in the workshop's order.
    pub exercises: Vec<String>,
    /// Sorted: longest stuck first, then fewest passes.
    pub learners: Vec<LearnerRow>,
    /// Files left out, and why.
    pub problems: Vec<FileProblem>,
    /// Remarks that leave nothing out (the same learner in two files).
    pub remarks: Vec<String>,
    /// When it was taken, Unix ms.
    pub now_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnerRow {
    pub name: String,
    /// The file's name in the class folder.
    pub file: PathBuf,
    /// One per column; `None` when the file does not say (an export without a live part).
    pub cells: Vec<Option<LiveExercise>>,
    pub last_save_ms: Option<u64>,
    /// The exercise the learner last saved, while it fails.
    pub stuck: Option<Stuck>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stuck {
    /// Column index.
    pub exercise: usize,
    pub(crate) since_ms: u64,
    pub requirement: Option<String>,
}

/// One exercise's column, summed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseCount {
    pub exercise: usize,
    pub failing: usize,
    pub passing: usize,
    pub not_started: usize,
    /// The requirement most failing learners fail, and how many.
    pub top: Option<(String, usize)>,
}

impl LearnerRow {
    pub fn passing(&self) -> usize {
        self.state_count(ExerciseState::Passing)
    }

    pub(crate) fn state_count(&self, state: ExerciseState) -> usize {
        self.cells
            .iter()
            .flatten()
            .filter(|c| c.state == state)
            .count()
    }

    /// How long the learner has been stuck at `now_ms`.
    pub fn stuck_ms(&self, now_ms: u64) -> Option<u64> {
        self.stuck
            .as_ref()
            .map(|s| now_ms.saturating_sub(s.since_ms))
    }
}

impl Snapshot {
    /// "1 learner", "6 learners": how the screen and the printed formats count the class.
    pub(crate) fn learners_counted(&self) -> String {
        match self.learners.len() {
            1 => "1 learner".to_string(),
            n => format!("{n} learners"),
        }
    }

    /// Reads the class folder `dir` as it is at `now_ms`. Fails only when the folder itself
    /// cannot be listed.
    pub fn load(dir: &Path, now_ms: u64) -> std::io::Result<Snapshot> {
        let listing = scan::read(dir)?;
        let mut snapshot = Snapshot::build(listing.files, now_ms);
        let mut problems = listing.problems;
        problems.append(&mut snapshot.problems);
        snapshot.problems = problems;
        Ok(snapshot)
    }

    /// The snapshot of files already read: `(name, text or why it cannot be used)`.
    pub fn build(files: Vec<(PathBuf, Result<String, ResultsFileError>)>, now_ms: u64) -> Snapshot {
        let texts: HashMap<PathBuf, String> = files
            .iter()
            .filter_map(|(p, t)| Some((p.clone(), t.as_ref().ok()?.clone())))
            .collect();
        let class = Class::merge(files);
        let mut problems = class.problems;
        let mut lives = Vec::new();
        for file in class.learners {
            let text = texts.get(&file.path).map_or("", String::as_str);
            match live::decode(text) {
                Ok(live) => lives.push((file, live)),
                Err(e) => problems.push(FileProblem {
                    path: file.path,
                    message: e.to_string(),
                }),
            }
        }
        // Columns: every exercise folder named, in the order files list them.
        let mut exercises: Vec<String> = Vec::new();
        for (_, live) in &lives {
            for ex in live.iter().flat_map(|l| &l.exercises) {
                if !exercises.contains(&ex.folder) {
                    exercises.push(ex.folder.clone());
                }
            }
        }
        let column: HashMap<&str, usize> = exercises
            .iter()
            .enumerate()
            .map(|(i, f)| (f.as_str(), i))
            .collect();
        let mut learners: Vec<LearnerRow> = lives
            .into_iter()
            .map(|(file, live)| {
                let mut cells = vec![None; exercises.len()];
                let mut latest: Option<(u64, usize)> = None;
                for ex in live.iter().flat_map(|l| &l.exercises) {
                    let i = column[ex.folder.as_str()];
                    if let Some(at) = ex.last_save_ms
                        && latest.is_none_or(|(t, _)| at >= t)
                    {
                        latest = Some((at, i));
                    }
                    cells[i] = Some(ex.clone());
                }
                let stuck = latest.and_then(|(_, i)| {
                    let cell = cells[i].as_ref()?;
                    (cell.state == ExerciseState::Failing).then(|| Stuck {
                        exercise: i,
                        since_ms: cell.failing_since_ms.unwrap_or(now_ms),
                        requirement: cell.failing.clone(),
                    })
                });
                LearnerRow {
                    name: file.results.learner,
                    file: file.path,
                    cells,
                    last_save_ms: live.map(|l| l.last_save_ms).filter(|t| *t > 0),
                    stuck,
                }
            })
            .collect();
        learners.sort_by(|a, b| {
            let key = |r: &LearnerRow| (r.stuck.is_none(), r.stuck.as_ref().map(|s| s.since_ms));
            key(a)
                .cmp(&key(b))
                .then(a.passing().cmp(&b.passing()))
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.file.cmp(&b.file))
        });
        Snapshot {
            pack: class.pack,
            exercises,
            learners,
            problems,
            remarks: class.remarks,
            now_ms,
        }
    }

    /// The short name of column `i`: the folder's number (`05`), else the folder's name.
    pub fn label(&self, i: usize) -> &str {
        let folder = self.exercises.get(i).map_or("", String::as_str);
        match folder.split_once('-') {
            Some((number, _))
                if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) =>
            {
                number
            }
            _ => folder,
        }
    }

    /// Per exercise, in column order.
    pub fn counts(&self) -> Vec<ExerciseCount> {
        (0..self.exercises.len())
            .map(|i| {
                let cells = || self.learners.iter().filter_map(|l| l.cells[i].as_ref());
                let count = |s: ExerciseState| cells().filter(|c| c.state == s).count();
                let mut requirements: Vec<(String, usize)> = Vec::new();
                for req in cells()
                    .filter(|c| c.state == ExerciseState::Failing)
                    .filter_map(|c| c.failing.as_ref())
                {
                    match requirements.iter_mut().find(|(r, _)| r == req) {
                        Some((_, n)) => *n += 1,
                        None => requirements.push((req.clone(), 1)),
                    }
                }
                // Most learners first; on a tie, the name, so the line does not flicker.
                requirements.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                ExerciseCount {
                    exercise: i,
                    failing: count(ExerciseState::Failing),
                    passing: count(ExerciseState::Passing),
                    not_started: count(ExerciseState::NotStarted),
                    top: requirements.into_iter().next(),
                }
            })
            .collect()
    }

    /// The exercises where learners fail, worst first, each as one sentence for the room:
    /// `7 of 24 fail non_root on 05`.
    pub fn hot_spots(&self) -> Vec<String> {
        let mut counts: Vec<ExerciseCount> = self
            .counts()
            .into_iter()
            .filter(|c| c.failing > 0)
            .collect();
        counts.sort_by(|a, b| {
            let top = |c: &ExerciseCount| c.top.as_ref().map_or(0, |t| t.1);
            top(b)
                .cmp(&top(a))
                .then(b.failing.cmp(&a.failing))
                .then(a.exercise.cmp(&b.exercise))
        });
        let total = self.learners.len();
        counts
            .iter()
            .map(|c| {
                let label = self.label(c.exercise);
                match &c.top {
                    Some((req, n)) if *n < c.failing => format!(
                        "{n} of {total} fail {req} on {label} ({} failing in all)",
                        c.failing
                    ),
                    Some((req, n)) => format!("{n} of {total} fail {req} on {label}"),
                    None => format!("{} of {total} fail {label}", c.failing),
                }
            })
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::results::live::{self, Live};
    use crate::results::schema::{
        PackIdentity, RESULTS_FORMAT, RESULTS_SCHEMA_VERSION, Results, Totals,
    };

    /// A live results file for `name`: `states` per exercise as `·`, `✗req` or `✓`, the last
    /// one saved at `saved`, failing since `since`.
    pub(crate) fn live_file(name: &str, states: &[&str], saved: u64, since: u64) -> String {
        let results = Results {
            format: RESULTS_FORMAT.into(),
            schema_version: RESULTS_SCHEMA_VERSION,
            learner: name.into(),
            pack: PackIdentity {
                name: "demo".into(),
                fingerprint: "00000000000000aa".into(),
                lessons: 0,
                questions: 0,
                exercises: 0,
            },
            totals: Totals::default(),
            lessons: Vec::new(),
        };
        let exercises = states
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let (state, failing) = match *s {
                    "·" => (ExerciseState::NotStarted, None),
                    "✓" => (ExerciseState::Passing, None),
                    other => (
                        ExerciseState::Failing,
                        Some(other.trim_start_matches('✗').to_string()),
                    ),
                };
                let last = i + 1 == states.len() && state != ExerciseState::NotStarted;
                LiveExercise {
                    folder: format!("{:02}-ex-{i}", i + 1),
                    lesson: "l".into(),
                    question: format!("q{i}"),
                    state,
                    attempts: 2,
                    hints: 1,
                    time_ms: 60_000,
                    failing_since_ms: failing.as_ref().map(|_| since),
                    failing,
                    first_save_ms: None,
                    last_save_ms: Some(if last { saved } else { saved / 2 }),
                }
            })
            .collect();
        live::encode(
            &results,
            &Live {
                last_save_ms: saved,
                exercises,
            },
        )
    }

    fn snapshot(files: &[(&str, String)]) -> Snapshot {
        Snapshot::build(
            files
                .iter()
                .map(|(n, t)| (PathBuf::from(n), Ok(t.clone())))
                .collect(),
            1_000_000,
        )
    }

    #[test]
    fn the_longest_stuck_come_first_then_the_fewest_passes() {
        let s = snapshot(&[
            ("a.json", live_file("ada", &["✓", "✓", "·"], 900_000, 0)),
            (
                "b.json",
                live_file("bob", &["✓", "✗non_root"], 900_000, 800_000),
            ),
            (
                "c.json",
                live_file("cy", &["✓", "✗non_root"], 900_000, 100_000),
            ),
            ("d.json", live_file("dee", &["✓", "·", "·"], 900_000, 0)),
        ]);
        let names: Vec<&str> = s.learners.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["cy", "bob", "dee", "ada"]);
        assert_eq!(s.learners[0].stuck_ms(s.now_ms), Some(900_000));
        assert_eq!(s.exercises.len(), 3);
        assert_eq!(s.label(1), "02");
        assert_eq!(s.hot_spots(), ["2 of 4 fail non_root on 02"]);
    }

    #[test]
    fn counts_name_the_most_failed_requirement() {
        let s = snapshot(&[
            ("a.json", live_file("a", &["✗x"], 1, 1)),
            ("b.json", live_file("b", &["✗y"], 1, 1)),
            ("c.json", live_file("c", &["✗y"], 1, 1)),
            ("d.json", live_file("d", &["✓"], 1, 1)),
        ]);
        let c = &s.counts()[0];
        assert_eq!((c.failing, c.passing, c.not_started), (3, 1, 0));
        assert_eq!(c.top, Some(("y".into(), 2)));
        assert_eq!(s.hot_spots(), ["2 of 4 fail y on 01 (3 failing in all)"]);
    }

    #[test]
    fn a_plain_export_is_a_row_without_cells_and_a_bad_live_part_is_a_problem() {
        let ada = live_file("ada", &["✓"], 1, 1);
        // Other learners: the same results again would count once.
        let plain = Results::decode(&live_file("bob", &["✓"], 1, 1))
            .unwrap()
            .encode(crate::results::Encoding::Json);
        let broken = live_file("cy", &["✓"], 1, 1).replace("\"passing\"", "\"dancing\"");
        let s = snapshot(&[
            ("a.json", ada.clone()),
            ("b.json", plain),
            ("c.json", broken),
        ]);
        assert_eq!(s.learners.len(), 2);
        assert_eq!(s.learners_counted(), "2 learners");
        assert!(s.learners.iter().any(|l| l.cells == [None]));
        assert_eq!(s.problems.len(), 1);
        assert_eq!(s.problems[0].path, PathBuf::from("c.json"));
    }
}
