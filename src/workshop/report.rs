//! `watch --report-to DIR`: after every save, the learner's results file in the class folder,
//! with the live state of each exercise ([`crate::results::live`]), written atomically under
//! the learner's name. The instructor's `dockerlings class DIR` reads these files.
//!
//! A save is seen as a change of an exercise file's text between two reports, so the times
//! come from here, not from the editor; the attempt and hint counts come from the progress
//! file. Only names, counts, requirement keys and times go in, never a Dockerfile.

use std::path::{Path, PathBuf};

use super::board::{Board, Status};
use super::manifest::{BUNDLED, fingerprint};
use super::open::Pack;
use super::{Workshop, WorkshopError};
use crate::progress::Progress;
use crate::results::Results;
use crate::results::export;
use crate::results::live::{self, ExerciseState, Live, LiveExercise};
use crate::safe_fs;

/// The `failing` key shown for a file that could not be judged (missing, empty, not UTF-8).
pub(crate) const UNREADABLE: &str = "unreadable_file";

/// Writes one learner's live results into the class folder.
pub struct Reporter {
    dir: PathBuf,
    file: PathBuf,
    learner: String,
    pack: Pack,
    pack_name: String,
    tracks: Vec<Track>,
    last_save_ms: u64,
}

/// What the reporter remembers of one exercise between reports.
#[derive(Debug, Clone, Default)]
struct Track {
    /// Fingerprint of the text last seen (`None` inside: no text); `None` before the first
    /// report, whose texts are where the learner starts, not saves.
    seen: Option<Option<String>>,
    first_save_ms: Option<u64>,
    last_save_ms: Option<u64>,
    failing_since_ms: Option<u64>,
}

impl Reporter {
    /// A reporter for `learner` on `workshop` (whose pack is `lessons` when given, as for
    /// `Workshop::open`), writing into `dir`, which must exist. The times of an earlier
    /// session's file in `dir` carry on.
    pub fn new(
        workshop: &Workshop,
        lessons: Option<&Path>,
        dir: &Path,
        learner: &str,
    ) -> Result<Reporter, WorkshopError> {
        if !dir.is_dir() {
            return Err(WorkshopError::io(
                dir,
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "the class folder does not exist (is the shared drive mounted?)",
                ),
            ));
        }
        let pack_dir = lessons
            .map(Path::to_path_buf)
            .or_else(|| workshop.manifest.pack_dir(&workshop.root));
        let pack = Pack::load(pack_dir.as_deref())?.narrowed_to(workshop);
        let pack_name = match &pack_dir {
            None => BUNDLED.to_string(),
            Some(dir) => {
                let dir = dir.canonicalize().unwrap_or_else(|_| dir.clone());
                dir.file_name().map_or_else(
                    || dir.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            }
        };
        let file = dir.join(file_name(learner));
        let mut tracks = vec![Track::default(); workshop.exercises.len()];
        if let Some(earlier) = safe_fs::read_text(&file, safe_fs::Kind::Results)
            .ok()
            .and_then(|text| live::decode(&text).ok().flatten())
        {
            for (track, ex) in tracks.iter_mut().zip(&workshop.exercises) {
                if let Some(old) = earlier.exercises.iter().find(|e| e.folder == ex.folder) {
                    track.first_save_ms = old.first_save_ms;
                    track.last_save_ms = old.last_save_ms;
                    track.failing_since_ms = old.failing_since_ms;
                }
            }
        }
        let last_save_ms = tracks.iter().filter_map(|t| t.last_save_ms).max();
        Ok(Reporter {
            dir: dir.to_path_buf(),
            file,
            learner: learner.to_string(),
            pack,
            pack_name,
            tracks,
            last_save_ms: last_save_ms.unwrap_or(0),
        })
    }

    /// The file this reporter writes.
    pub fn path(&self) -> &Path {
        &self.file
    }

    /// The folder it writes into.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Notes what changed since the last report (a changed text is a save at `now_ms`) and
    /// returns the results with their live part.
    pub fn observe(
        &mut self,
        workshop: &Workshop,
        board: &Board,
        progress: &Progress,
        now_ms: u64,
    ) -> (Results, Live) {
        let mut exercises = Vec::with_capacity(workshop.exercises.len());
        for (index, ex) in workshop.exercises.iter().enumerate() {
            let outcome = &board.outcomes[index];
            let status = board.status(workshop, index);
            let track = &mut self.tracks[index];
            let text = outcome.source().map(|s| fingerprint(s.as_bytes()));
            if let Some(before) = &track.seen
                && text.is_some()
                && *before != text
            {
                track.first_save_ms.get_or_insert(now_ms);
                track.last_save_ms = Some(now_ms);
                self.last_save_ms = now_ms;
            }
            track.seen = Some(text);
            let (state, failing) = match status {
                Status::NotStarted => (ExerciseState::NotStarted, None),
                Status::Passed => (ExerciseState::Passing, None),
                Status::Failing => (
                    ExerciseState::Failing,
                    outcome
                        .verdict()
                        .and_then(|v| v.failed_keys().next())
                        .map(str::to_string),
                ),
                Status::Problem => (ExerciseState::Failing, Some(UNREADABLE.to_string())),
            };
            if state == ExerciseState::Failing {
                track.failing_since_ms.get_or_insert(now_ms);
            } else {
                track.failing_since_ms = None;
            }
            let saved = progress.question(&ex.lesson_id, &ex.question.id);
            exercises.push(LiveExercise {
                folder: ex.folder.clone(),
                lesson: ex.lesson_id.clone(),
                question: ex.question.id.clone(),
                state,
                attempts: saved.map_or(0, |q| q.attempts),
                hints: saved.map_or(0, |q| q.hints_used),
                time_ms: match (track.first_save_ms, track.last_save_ms) {
                    (Some(first), Some(last)) => last.saturating_sub(first),
                    _ => 0,
                },
                failing,
                failing_since_ms: track.failing_since_ms,
                first_save_ms: track.first_save_ms,
                last_save_ms: track.last_save_ms,
            });
        }
        let results = export::collect(
            &self.pack.course,
            &self.pack.book,
            progress,
            &self.learner,
            &self.pack_name,
        );
        let live = Live {
            last_save_ms: self.last_save_ms,
            exercises,
        };
        (results, live)
    }

    /// [`Reporter::observe`], then the file written atomically (never through a link).
    pub fn write(
        &mut self,
        workshop: &Workshop,
        board: &Board,
        progress: &Progress,
        now_ms: u64,
    ) -> Result<(), WorkshopError> {
        let (results, live) = self.observe(workshop, board, progress, now_ms);
        let text = live::encode(&results, &live);
        let name = Path::new(self.file.file_name().unwrap_or_default());
        safe_fs::write_inside(&self.dir, name, text.as_bytes())
            .map_err(|e| WorkshopError::io(&self.file, e))
    }
}

/// The learner's file name in the class folder: the name's letters, digits, `-` and `_`
/// (others become `_`), lower-cased, at most 64 of them, then `.json`. Never hidden, never
/// a path.
pub(crate) fn file_name(learner: &str) -> String {
    let mut stem: String = learner
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c.to_lowercase().next().unwrap_or('_')
            } else {
                '_'
            }
        })
        .take(64)
        .collect();
    if stem.trim_matches('_').is_empty() {
        stem = "learner".into();
    }
    format!("{stem}.json")
}

/// Unix time in milliseconds now.
pub(crate) fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::init;

    /// A workshop written into `tmp/w` and an empty class folder `tmp/class`.
    fn workshop_and_class(tmp: &Path) -> (Workshop, PathBuf) {
        init(&tmp.join("w"), None, false).unwrap();
        let class = tmp.join("class");
        std::fs::create_dir(&class).unwrap();
        (Workshop::open(&tmp.join("w"), None).unwrap(), class)
    }

    #[test]
    fn file_names_are_plain() {
        assert_eq!(file_name("Ada Lovelace"), "ada_lovelace.json");
        assert_eq!(file_name("../../etc/passwd"), "______etc_passwd.json");
        assert_eq!(file_name(".hidden"), "_hidden.json");
        assert_eq!(file_name("\u{1b}[31m"), "__31m.json");
        assert_eq!(file_name("  "), "learner.json");
        assert_eq!(file_name(&"x".repeat(500)).len(), 64 + 5);
        assert_eq!(file_name("Zoë"), "zoë.json");
    }

    #[test]
    fn saves_set_the_times_and_a_pass_ends_being_stuck() {
        let tmp = tempfile::tempdir().unwrap();
        let (workshop, class) = workshop_and_class(tmp.path());
        let mut reporter = Reporter::new(&workshop, None, &class, "Ada").unwrap();
        let mut board = Board::scan(&workshop);
        let progress = Progress::default();

        let (_, live) = reporter.observe(&workshop, &board, &progress, 1_000);
        assert_eq!(live.last_save_ms, 0, "starting is not a save");
        assert!(
            live.exercises
                .iter()
                .all(|e| e.state == ExerciseState::NotStarted)
        );

        std::fs::write(workshop.dockerfile(0), "FROM scratch\n").unwrap();
        board.recheck(&workshop, 0);
        reporter.write(&workshop, &board, &progress, 2_000).unwrap();
        let text = std::fs::read_to_string(class.join("ada.json")).unwrap();
        let live = live::decode(&text).unwrap().unwrap();
        let first = &live.exercises[0];
        assert_eq!(first.state, ExerciseState::Failing);
        assert!(first.failing.is_some());
        assert_eq!(
            (
                first.failing_since_ms,
                first.last_save_ms,
                live.last_save_ms
            ),
            (Some(2_000), Some(2_000), 2_000)
        );

        let solution = workshop.exercises[0].exercise.solutions[0].clone();
        std::fs::write(workshop.dockerfile(0), solution).unwrap();
        board.recheck(&workshop, 0);
        let (_, live) = reporter.observe(&workshop, &board, &progress, 62_000);
        let first = &live.exercises[0];
        assert_eq!(first.state, ExerciseState::Passing);
        assert_eq!((first.failing_since_ms, first.time_ms), (None, 60_000));

        // A new session carries the times on from the file.
        let again = Reporter::new(&workshop, None, &class, "Ada").unwrap();
        assert_eq!(again.tracks[0].first_save_ms, Some(2_000));
    }

    #[test]
    fn scores_count_the_workshops_exercises_not_the_whole_pack() {
        let tmp = tempfile::tempdir().unwrap();
        let (workshop, class) = workshop_and_class(tmp.path());
        let mut reporter = Reporter::new(&workshop, None, &class, "ada").unwrap();
        let mut progress = Progress::default();
        let first = &workshop.exercises[0];
        progress.record_check(&first.lesson_id, &first.question.id, true);
        let (results, _) = reporter.observe(&workshop, &Board::scan(&workshop), &progress, 1);
        let count = workshop.exercises.len() as u32;
        assert_eq!(
            (results.pack.questions, results.pack.exercises),
            (count, count)
        );
        assert_eq!(results.totals.correct, 1);
        let pack = Pack::load(None).unwrap();
        let whole = export::collect(&pack.course, &pack.book, &progress, "ada", BUNDLED);
        assert!(
            whole.pack.questions > count,
            "the pack has quiz questions too"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_place_of_the_file_is_not_written_through() {
        let tmp = tempfile::tempdir().unwrap();
        let (workshop, class) = workshop_and_class(tmp.path());
        let target = tmp.path().join("elsewhere");
        std::fs::write(&target, "mine").unwrap();
        std::os::unix::fs::symlink(&target, class.join("ada.json")).unwrap();
        let mut reporter = Reporter::new(&workshop, None, &class, "ada").unwrap();
        let board = Board::scan(&workshop);
        let err = reporter
            .write(&workshop, &board, &Progress::default(), 1)
            .unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine");
    }

    #[test]
    fn a_missing_class_folder_is_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        init(&tmp.path().join("w"), None, false).unwrap();
        let workshop = Workshop::open(&tmp.path().join("w"), None).unwrap();
        let err = Reporter::new(&workshop, None, &tmp.path().join("nope"), "a")
            .err()
            .unwrap();
        assert!(err.to_string().contains("does not exist"), "{err}");
    }
}
