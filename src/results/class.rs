//! A class's results: several learners' exported files merged into one table
//! (`dockerlings progress --merge`). A file that cannot be used is reported and left out;
//! the others are still shown.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use unicode_width::UnicodeWidthStr;

use super::ResultsFileError;
use super::schema::{PackIdentity, Results};
use crate::safe_fs::{Kind, read_limited};

/// One learner's file, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnerFile {
    pub path: PathBuf,
    pub results: Results,
}

/// A file left out of the table, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct FileProblem {
    pub path: PathBuf,
    pub message: String,
}

/// The merged class: the pack most files are for, the learners on it (in the order given),
/// the files left out, and remarks that do not leave a file out (the same learner twice).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Class {
    pub pack: Option<PackIdentity>,
    pub learners: Vec<LearnerFile>,
    pub problems: Vec<FileProblem>,
    pub remarks: Vec<String>,
}

/// A pack the merging side has loaded: results with its fingerprint must list its lessons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KnownPack {
    pub fingerprint: String,
    pub(crate) lesson_ids: Vec<String>,
}

impl Class {
    /// Reads and merges the files at `paths`.
    pub fn read(paths: &[PathBuf]) -> Class {
        Class::read_against(paths, None)
    }

    /// Like [`Class::read`], checking lesson IDs against `known` when it is the class's pack.
    pub(crate) fn read_against(paths: &[PathBuf], known: Option<&KnownPack>) -> Class {
        Class::merge_against(
            paths.iter().map(|path| (path.clone(), read_text(path))),
            known,
        )
    }

    /// Merges files already read: `(path, text or why it could not be read)`.
    pub fn merge(
        files: impl IntoIterator<Item = (PathBuf, Result<String, ResultsFileError>)>,
    ) -> Class {
        Class::merge_against(files, None)
    }

    /// Like [`Class::merge`]. A file listing a lesson the pack does not have is left out,
    /// naming it: the pack is `known` when that is the class's pack, else the lessons most of
    /// the class's files list.
    pub(crate) fn merge_against(
        files: impl IntoIterator<Item = (PathBuf, Result<String, ResultsFileError>)>,
        known: Option<&KnownPack>,
    ) -> Class {
        let mut class = Class::default();
        // Problems are reported in the order the files were given.
        let mut problems: Vec<(usize, FileProblem)> = Vec::new();
        let mut decoded = Vec::new();
        let mut copies = Copies::default();
        for (index, (path, text)) in files.into_iter().enumerate() {
            match text.and_then(|t| Ok(Results::decode(&t)?)) {
                Ok(results) => {
                    let file = LearnerFile { path, results };
                    // Counted once, and before the majority pack is chosen, which a copy
                    // must not sway.
                    match copies.first_of(&file) {
                        Some(remark) => class.remarks.push(remark),
                        None => decoded.push((index, file)),
                    }
                }
                Err(e) => problems.push((
                    index,
                    FileProblem {
                        path,
                        message: e.to_string(),
                    },
                )),
            }
        }
        let files: Vec<&LearnerFile> = decoded.iter().map(|(_, f)| f).collect();
        let pack = majority_pack(&files);
        let lesson_ids = pack.as_ref().and_then(|pack| {
            known
                .filter(|k| k.fingerprint == pack.fingerprint)
                .map(|k| k.lesson_ids.clone())
                .or_else(|| majority_lessons(&files, pack))
        });
        // A set, so checking every lesson of every file stays linear in the files' size.
        let ids: HashSet<&str> = lesson_ids.iter().flatten().map(String::as_str).collect();
        let mut seen: HashMap<String, PathBuf> = HashMap::new();
        for (index, file) in decoded {
            let Some(pack) = &pack else { break };
            if file.results.pack.fingerprint != pack.fingerprint {
                let theirs = &file.results.pack;
                problems.push((index, FileProblem {
                    path: file.path,
                    message: format!(
                        "results for pack `{}` (fingerprint {}), but the class's files are for `{}` (fingerprint {}); left out",
                        theirs.name, theirs.fingerprint, pack.name, pack.fingerprint
                    ),
                }));
                continue;
            }
            let unknown: Vec<String> = file
                .results
                .lessons
                .iter()
                .filter(|l| !ids.contains(l.id.as_str()))
                .map(|l| format!("`{}`", display_name(&l.id)))
                .collect();
            if !unknown.is_empty() {
                problems.push((
                    index,
                    FileProblem {
                        path: file.path,
                        message: format!(
                            "lists lesson {} that pack `{}` does not have; left out",
                            unknown.join(", "),
                            display_name(&pack.name)
                        ),
                    },
                ));
                continue;
            }
            if let Some(first) = seen.get(&file.results.learner) {
                class.remarks.push(format!(
                    "learner `{}` appears in both {} and {}; both are shown",
                    display_name(&file.results.learner),
                    first.display(),
                    file.path.display()
                ));
            } else {
                seen.insert(file.results.learner.clone(), file.path.clone());
            }
            class.learners.push(file);
        }
        problems.sort_by_key(|(index, _)| *index);
        class.problems = problems.into_iter().map(|(_, p)| p).collect();
        class.pack = pack;
        class
    }

    /// The table: a heading, one row per learner, then total and average rows.
    pub fn table(&self) -> String {
        let Some(pack) = &self.pack else {
            return "No results to show.\n".into();
        };
        let rows: Vec<[String; 9]> = self
            .learners
            .iter()
            .map(|f| learner_row(&f.results, pack))
            .collect();
        let n = self.learners.len();
        let sum = |f: fn(&Results) -> u64| -> u64 {
            // Saturating: the counts come from files other people wrote.
            self.learners
                .iter()
                .fold(0u64, |acc, l| acc.saturating_add(f(&l.results)))
        };
        let sums = [
            sum(|r| r.totals.lessons_done.into()),
            sum(|r| r.totals.correct.into()),
            sum(|r| r.totals.exercises_passed.into()),
            sum(|r| r.totals.attempts),
            sum(|r| r.totals.hints_used),
            sum(|r| r.totals.revealed.into()),
            sum(|r| r.totals.time_spent_ms),
        ];
        let of = |part: u64, whole: u32| format!("{part}/{}", u64::from(whole) * n as u64);
        let total = [
            "total".into(),
            of(sums[0], pack.lessons),
            of(sums[1], pack.questions),
            percent(
                sums[1] as f64,
                (u64::from(pack.questions) * n as u64) as f64,
            ),
            of(sums[2], pack.exercises),
            sums[3].to_string(),
            sums[4].to_string(),
            sums[5].to_string(),
            duration(sums[6]),
        ];
        let mean = |s: u64| s as f64 / n as f64;
        let average = [
            "average".into(),
            format!("{:.1}/{}", mean(sums[0]), pack.lessons),
            format!("{:.1}/{}", mean(sums[1]), pack.questions),
            percent(mean(sums[1]), pack.questions.into()),
            format!("{:.1}/{}", mean(sums[2]), pack.exercises),
            format!("{:.1}", mean(sums[3])),
            format!("{:.1}", mean(sums[4])),
            format!("{:.1}", mean(sums[5])),
            duration(mean(sums[6]).round() as u64),
        ];
        let learners = if n == 1 { "learner" } else { "learners" };
        let mut out = format!(
            "Class results: {} (pack {}), {n} {learners}\n\n",
            display_name(&pack.name),
            pack.fingerprint
        );
        out.push_str(&render(&rows, &[total, average]));
        out
    }
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.table())
    }
}

const HEADER: [&str; 9] = [
    "Learner",
    "Lessons",
    "Score",
    "%",
    "Exercises",
    "Attempts",
    "Hints",
    "Revealed",
    "Time",
];

fn learner_row(r: &Results, pack: &PackIdentity) -> [String; 9] {
    let t = &r.totals;
    [
        display_name(&r.learner),
        format!("{}/{}", t.lessons_done, pack.lessons),
        format!("{}/{}", t.correct, pack.questions),
        percent(t.correct.into(), pack.questions.into()),
        format!("{}/{}", t.exercises_passed, pack.exercises),
        t.attempts.to_string(),
        t.hints_used.to_string(),
        t.revealed.to_string(),
        duration(t.time_spent_ms),
    ]
}

/// The learner column left-aligned, the numbers right-aligned, by display width; a rule
/// between the learners and the footer rows.
fn render(rows: &[[String; 9]], footer: &[[String; 9]]) -> String {
    let mut widths = HEADER.map(UnicodeWidthStr::width);
    for cells in rows.iter().chain(footer) {
        for (w, cell) in widths.iter_mut().zip(cells) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: [&str; 9]| {
        let mut out = String::new();
        for (c, cell) in cells.iter().enumerate() {
            let pad = " ".repeat(widths[c] - cell.width());
            if c == 0 {
                out.push_str(cell);
                out.push_str(&pad);
            } else {
                out.push_str("  ");
                out.push_str(&pad);
                out.push_str(cell);
            }
        }
        out.push('\n');
        out
    };
    let mut out = line(HEADER);
    for cells in rows {
        out.push_str(&line(cells.each_ref().map(String::as_str)));
    }
    out.push_str(&"-".repeat(widths.iter().sum::<usize>() + 2 * (widths.len() - 1)));
    out.push('\n');
    for cells in footer {
        out.push_str(&line(cells.each_ref().map(String::as_str)));
    }
    out
}

fn percent(part: f64, whole: f64) -> String {
    if whole > 0.0 {
        format!("{:.0}%", 100.0 * part / whole)
    } else {
        "-".into()
    }
}

/// Names come from other people's files: control characters (a line break too) are shown
/// escaped, so a name can neither drive the terminal nor forge a row.
fn display_name(name: &str) -> String {
    crate::escape::line(name.trim()).into_owned()
}

/// `1h 02m`, `3m 20s`, `45s`.
pub(crate) fn duration(ms: u64) -> String {
    let secs = ms / 1000;
    match (secs / 3600, secs / 60 % 60, secs % 60) {
        (0, 0, s) => format!("{s}s"),
        (0, m, s) => format!("{m}m {s:02}s"),
        (h, m, _) => format!("{h}h {m:02}m"),
    }
}

/// The lesson IDs most of the files for `pack` list; on a tie, the ones met first.
fn majority_lessons(files: &[&LearnerFile], pack: &PackIdentity) -> Option<Vec<String>> {
    let lists = files
        .iter()
        .filter(|f| f.results.pack.fingerprint == pack.fingerprint)
        .map(|f| {
            f.results
                .lessons
                .iter()
                .map(|l| l.id.clone())
                .collect::<Vec<_>>()
        });
    majority(lists, |ids| ids.clone())
}

/// The pack held by the most files; on a tie, the one met first.
fn majority_pack(files: &[&LearnerFile]) -> Option<PackIdentity> {
    majority(files.iter().map(|f| f.results.pack.clone()), |p| {
        p.fingerprint.clone()
    })
}

fn read_text(path: &Path) -> Result<String, ResultsFileError> {
    let bytes = read_limited(path, Kind::Results).map_err(ResultsFileError::Read)?;
    String::from_utf8(bytes).map_err(|_| ResultsFileError::NotUtf8)
}

/// The item whose `key` occurs most often; on a tie, the one met first.
fn majority<T, K: PartialEq>(items: impl Iterator<Item = T>, key: impl Fn(&T) -> K) -> Option<T> {
    let mut counts: Vec<(K, T, usize)> = Vec::new();
    for item in items {
        let k = key(&item);
        match counts.iter_mut().find(|(seen, _, _)| *seen == k) {
            Some((_, _, count)) => *count += 1,
            None => counts.push((k, item, 1)),
        }
    }
    let best = counts.iter().map(|(_, _, c)| *c).max()?;
    counts
        .into_iter()
        .find(|(_, _, c)| *c == best)
        .map(|(_, item, _)| item)
}

/// The files merged so far, to find a file given twice or a copy of the same learner's same
/// results (looked up, so ten thousand files stay quick).
#[derive(Default)]
struct Copies {
    /// Each file's path with links and `..` resolved (as given when that fails).
    paths: HashMap<PathBuf, PathBuf>,
    /// Each file's results, encoded one way whatever way the file was in.
    contents: HashMap<String, PathBuf>,
}

impl Copies {
    /// Why `file` repeats an earlier file, if it does; else it is noted as seen.
    fn first_of(&mut self, file: &LearnerFile) -> Option<String> {
        let real = file
            .path
            .canonicalize()
            .unwrap_or_else(|_| file.path.clone());
        let content = file.results.encode(super::schema::Encoding::Json);
        let (what, copy) = match (self.paths.get(&real), self.contents.get(&content)) {
            (Some(copy), _) => ("the same file as", copy),
            (None, Some(copy)) => ("the same results as", copy),
            (None, None) => {
                self.paths.insert(real, file.path.clone());
                self.contents.insert(content, file.path.clone());
                return None;
            }
        };
        Some(format!(
            "{} is {what} {} (learner `{}`); counted once",
            file.path.display(),
            copy.display(),
            display_name(&file.results.learner),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::schema::{
        Encoding, LessonResult, RESULTS_FORMAT, RESULTS_SCHEMA_VERSION, Totals,
    };

    /// One learner on a one-lesson pack of 4 questions, 1 exercise.
    fn learner(name: &str, correct: u32, fingerprint: &str) -> Results {
        let lessons = vec![LessonResult {
            id: "only".into(),
            done: correct == 4,
            questions: 4,
            answered: correct,
            correct,
            first_try: 0,
            exercises: 1,
            exercises_passed: u32::from(correct >= 3),
            attempts: u64::from(correct) + 2,
            hints_used: 1,
            revealed: u32::from(correct < 2),
            time_spent_ms: 90_000,
        }];
        Results {
            format: RESULTS_FORMAT.into(),
            schema_version: RESULTS_SCHEMA_VERSION,
            learner: name.into(),
            pack: PackIdentity {
                name: "demo".into(),
                fingerprint: fingerprint.into(),
                lessons: 1,
                questions: 4,
                exercises: 1,
            },
            totals: Totals::of(&lessons),
            lessons,
        }
    }

    fn file(
        name: &str,
        results: &Results,
        encoding: Encoding,
    ) -> (PathBuf, Result<String, ResultsFileError>) {
        (PathBuf::from(name), Ok(results.encode(encoding)))
    }

    const PACK: &str = "00000000000000aa";

    #[test]
    fn a_broken_and_a_foreign_file_are_left_out_and_the_rest_shown() {
        let class = Class::merge([
            file("ada.json", &learner("ada", 4, PACK), Encoding::Json),
            (PathBuf::from("bob.json"), Ok("{\"truncated\": ".into())),
            file("cy.csv", &learner("cy", 2, PACK), Encoding::Csv),
            file(
                "dee.json",
                &learner("dee", 3, "ffffffffffffffff"),
                Encoding::Json,
            ),
            (
                PathBuf::from("eve.csv"),
                Err(ResultsFileError::Read(std::io::Error::from(
                    std::io::ErrorKind::PermissionDenied,
                ))),
            ),
        ]);
        let names: Vec<&str> = class
            .learners
            .iter()
            .map(|l| l.results.learner.as_str())
            .collect();
        assert_eq!(names, ["ada", "cy"]);
        let problems: Vec<String> = class.problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert!(problems[0].starts_with("bob.json: not a dockerlings results file"));
        assert!(
            problems[1]
                .starts_with("dee.json: results for pack `demo` (fingerprint ffffffffffffffff)")
                && problems[1].ends_with("left out"),
            "{}",
            problems[1]
        );
        assert!(problems[2].starts_with("eve.csv: cannot read"));
        assert_eq!(class.pack.unwrap().fingerprint, PACK);
    }

    #[test]
    fn the_pack_most_files_share_wins() {
        let class = Class::merge([
            file("a", &learner("a", 1, "1111111111111111"), Encoding::Json),
            file("b", &learner("b", 1, PACK), Encoding::Json),
            file("c", &learner("c", 1, PACK), Encoding::Csv),
        ]);
        assert_eq!(class.pack.as_ref().unwrap().fingerprint, PACK);
        assert_eq!(class.learners.len(), 2);
        assert_eq!(class.problems[0].path, PathBuf::from("a"));
    }

    #[test]
    fn the_same_learner_twice_is_remarked_and_kept() {
        let class = Class::merge([
            file("ada.json", &learner("ada", 4, PACK), Encoding::Json),
            file("ada-later.csv", &learner("ada", 3, PACK), Encoding::Csv),
        ]);
        assert_eq!(class.learners.len(), 2);
        assert!(class.problems.is_empty());
        assert_eq!(
            class.remarks,
            ["learner `ada` appears in both ada.json and ada-later.csv; both are shown"]
        );
    }

    #[test]
    fn the_same_results_or_the_same_file_twice_count_once() {
        let ada = learner("ada", 4, PACK);
        let class = Class::merge([
            file("ada.json", &ada, Encoding::Json),
            file("ada.csv", &ada, Encoding::Csv),
            file("bob.json", &learner("bob", 2, PACK), Encoding::Json),
            file("bob.json", &learner("bob", 2, PACK), Encoding::Json),
        ]);
        let names: Vec<&str> = class
            .learners
            .iter()
            .map(|l| l.results.learner.as_str())
            .collect();
        assert_eq!(names, ["ada", "bob"]);
        assert!(class.problems.is_empty());
        assert_eq!(
            class.remarks,
            [
                "ada.csv is the same results as ada.json (learner `ada`); counted once",
                "bob.json is the same file as bob.json (learner `bob`); counted once",
            ]
        );
        assert!(class.table().contains("2 learners"), "{}", class.table());
    }

    #[test]
    fn the_same_file_under_two_names_counts_once() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("ada.json");
        std::fs::write(&path, learner("ada", 4, PACK).encode(Encoding::Json)).unwrap();
        let other = tmp.path().join(".").join("ada.json");
        let class = Class::read(&[path, other]);
        assert_eq!(class.learners.len(), 1);
        assert!(
            class.remarks[0].contains("the same file as"),
            "{:?}",
            class.remarks
        );
    }

    #[test]
    fn the_table_has_a_row_per_learner_then_total_and_average() {
        let class = Class::merge([
            file("ada.json", &learner("ada", 4, PACK), Encoding::Json),
            file(
                "bob.csv",
                &learner("Bob \u{1b}[31m", 2, PACK),
                Encoding::Csv,
            ),
        ]);
        let table = class.table();
        let expected = "\
Class results: demo (pack 00000000000000aa), 2 learners

Learner       Lessons  Score     %  Exercises  Attempts  Hints  Revealed    Time
ada               1/1    4/4  100%        1/1         6      1         0  1m 30s
Bob \\x1b[31m      0/1    2/4   50%        0/1         4      1         0  1m 30s
--------------------------------------------------------------------------------
total             1/2    6/8   75%        1/2        10      2         0  3m 00s
average         0.5/1  3.0/4   75%      0.5/1       5.0    1.0       0.0  1m 30s
";
        assert_eq!(table, expected, "\n{table}");
    }

    #[test]
    fn huge_counts_in_several_files_do_not_overflow() {
        let mut big = learner("big", 4, PACK);
        big.lessons[0].attempts = u64::MAX;
        big.totals = Totals::of(&big.lessons);
        let mut other = big.clone();
        other.learner = "other".into();
        let class = Class::merge([
            file("a", &big, Encoding::Json),
            file("b", &other, Encoding::Csv),
        ]);
        assert!(class.problems.is_empty(), "{:?}", class.problems);
        assert!(class.table().contains(&u64::MAX.to_string()));
    }

    #[test]
    fn nothing_usable_says_so() {
        let class = Class::merge([(PathBuf::from("x"), Ok(String::new()))]);
        assert!(class.pack.is_none());
        assert_eq!(class.table(), "No results to show.\n");
        assert_eq!(class.problems[0].to_string(), "x: the file is empty");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(45_000), "45s");
        assert_eq!(duration(200_000), "3m 20s");
        assert_eq!(duration(3_720_000), "1h 02m");
    }
}
