//! One learner's results, as exported for an instructor (`dockerlings progress --export`):
//! the versioned schema and its two encodings, JSON (one document) and CSV (one row per
//! lesson, every row carrying the learner and pack columns, so a spreadsheet can pivot it).
//!
//! Stability: readers ignore fields they do not know; a change that removes a field or
//! changes its meaning increments [`RESULTS_SCHEMA_VERSION`], and a reader refuses a file
//! with a larger number instead of misreading it.

use serde::{Deserialize, Serialize};

use super::csv_cell;

/// The value of the `format` field, so a stray JSON or CSV file is recognised as not ours.
pub const RESULTS_FORMAT: &str = "dockerlings-results";
/// The schema this build writes and the newest it reads. Version 2 added the optional `live`
/// part that `watch --report-to` writes ([`super::live`]); version 1 files read as before.
pub const RESULTS_SCHEMA_VERSION: u32 = 2;

/// One learner's results on one pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Results {
    /// Always [`RESULTS_FORMAT`].
    pub format: String,
    pub schema_version: u32,
    /// Who: `--name`, else `DOCKERLINGS_NAME`, else the login name.
    pub learner: String,
    /// Which pack the results are for; merged files must agree on `pack.fingerprint`.
    pub pack: PackIdentity,
    /// The sums over `lessons` (checked when read).
    pub totals: Totals,
    /// In the pack's lesson order.
    pub lessons: Vec<LessonResult>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackIdentity {
    /// The pack folder's name, or `bundled`; for people to read.
    pub name: String,
    /// 16 hex digits over the lesson IDs and each question's ID and kind, in order: equal
    /// fingerprints mean the same lessons and questions, so results can be compared.
    pub fingerprint: String,
    pub lessons: u32,
    pub questions: u32,
    pub exercises: u32,
}

/// Counts over questions of the pack only (saved progress for questions no longer in the
/// pack is left out).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub lessons_done: u32,
    pub answered: u32,
    /// The score: questions answered correctly at least once (out of `pack.questions`).
    pub correct: u32,
    pub first_try: u32,
    pub exercises_passed: u32,
    pub attempts: u64,
    pub hints_used: u64,
    /// Questions whose solution was shown.
    pub revealed: u32,
    pub time_spent_ms: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonResult {
    pub id: String,
    /// Every question of the lesson's quiz answered correctly (a lesson without a quiz: read).
    pub done: bool,
    pub questions: u32,
    pub answered: u32,
    pub correct: u32,
    /// Correct on the first attempt, without hints or the solution.
    pub first_try: u32,
    pub exercises: u32,
    pub exercises_passed: u32,
    pub attempts: u64,
    pub hints_used: u64,
    pub revealed: u32,
    /// Time on the lesson's questions plus reading time.
    pub time_spent_ms: u64,
}

impl Totals {
    /// The sums over `lessons`.
    pub fn of(lessons: &[LessonResult]) -> Totals {
        let mut t = Totals::default();
        for l in lessons {
            // Saturating: the counts come from files other people wrote.
            t.lessons_done = t.lessons_done.saturating_add(u32::from(l.done));
            t.answered = t.answered.saturating_add(l.answered);
            t.correct = t.correct.saturating_add(l.correct);
            t.first_try = t.first_try.saturating_add(l.first_try);
            t.exercises_passed = t.exercises_passed.saturating_add(l.exercises_passed);
            t.attempts = t.attempts.saturating_add(l.attempts);
            t.hints_used = t.hints_used.saturating_add(l.hints_used);
            t.revealed = t.revealed.saturating_add(l.revealed);
            t.time_spent_ms = t.time_spent_ms.saturating_add(l.time_spent_ms);
        }
        t
    }
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Json,
    Csv,
}

/// Why a results file cannot be used. Messages name no file: the caller adds it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("the file is empty")]
    Empty,
    #[error("not a dockerlings results file: {0}")]
    NotResults(String),
    #[error(
        "schema version {found} is newer than this dockerlings reads ({RESULTS_SCHEMA_VERSION}); update dockerlings"
    )]
    Newer { found: u32 },
    #[error("the file is inconsistent: {0}")]
    Inconsistent(String),
}

/// One CSV row: a lesson's counts with the learner and pack columns repeated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct CsvRow {
    format: String,
    schema_version: u32,
    learner: String,
    pack_name: String,
    pack_fingerprint: String,
    pack_lessons: u32,
    pack_questions: u32,
    pack_exercises: u32,
    lesson: String,
    done: bool,
    questions: u32,
    answered: u32,
    correct: u32,
    first_try: u32,
    exercises: u32,
    exercises_passed: u32,
    attempts: u64,
    hints_used: u64,
    revealed: u32,
    time_spent_ms: u64,
}

impl CsvRow {
    /// The text cells guarded against formula injection (see [`csv_cell`]).
    fn defused(self) -> CsvRow {
        self.map_text(|cell| csv_cell::defuse(cell).into_owned())
    }

    fn restored(self) -> CsvRow {
        self.map_text(|cell| csv_cell::restore(cell).to_string())
    }

    fn map_text(mut self, f: impl Fn(&str) -> String) -> CsvRow {
        for cell in [
            &mut self.format,
            &mut self.learner,
            &mut self.pack_name,
            &mut self.pack_fingerprint,
            &mut self.lesson,
        ] {
            *cell = f(cell);
        }
        self
    }
}

impl Results {
    /// The file's text in `encoding`; JSON is pretty-printed, both end with a newline.
    pub fn encode(&self, encoding: Encoding) -> String {
        match encoding {
            Encoding::Json => {
                let mut text = serde_json::to_string_pretty(self).expect("results serialise");
                text.push('\n');
                text
            }
            Encoding::Csv => self.to_csv(),
        }
    }

    fn to_csv(&self) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        for row in self.csv_rows().map(CsvRow::defused) {
            writer
                .serialize(row)
                .expect("writing CSV to memory cannot fail");
        }
        let bytes = writer.into_inner().expect("flushing to memory cannot fail");
        String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
    }

    fn csv_rows(&self) -> impl Iterator<Item = CsvRow> + '_ {
        self.lessons.iter().map(|l| CsvRow {
            format: self.format.clone(),
            schema_version: self.schema_version,
            learner: self.learner.clone(),
            pack_name: self.pack.name.clone(),
            pack_fingerprint: self.pack.fingerprint.clone(),
            pack_lessons: self.pack.lessons,
            pack_questions: self.pack.questions,
            pack_exercises: self.pack.exercises,
            lesson: l.id.clone(),
            done: l.done,
            questions: l.questions,
            answered: l.answered,
            correct: l.correct,
            first_try: l.first_try,
            exercises: l.exercises,
            exercises_passed: l.exercises_passed,
            attempts: l.attempts,
            hints_used: l.hints_used,
            revealed: l.revealed,
            time_spent_ms: l.time_spent_ms,
        })
    }

    /// Reads an exported file, JSON or CSV (told apart by the first character), and checks
    /// it: our format, a schema this build reads, totals that add up, one learner and pack.
    pub fn decode(text: &str) -> Result<Results, ReadError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let results = match text.trim_start().chars().next() {
            None => return Err(ReadError::Empty),
            Some('{') => Self::from_json(text)?,
            Some(_) => Self::from_csv(text)?,
        };
        results.check()?;
        Ok(results)
    }

    fn from_json(text: &str) -> Result<Results, ReadError> {
        // The header fields first, so a newer schema is reported as such rather than as
        // whatever field it changed.
        #[derive(Deserialize)]
        struct Header {
            format: Option<String>,
            schema_version: Option<u32>,
        }
        let not_results = |e: serde_json::Error| ReadError::NotResults(e.to_string());
        let header: Header = serde_json::from_str(text).map_err(not_results)?;
        check_header(header.format.as_deref(), header.schema_version)?;
        let results: Results = serde_json::from_str(text).map_err(not_results)?;
        if results.totals != Totals::of(&results.lessons) {
            return Err(ReadError::Inconsistent(
                "`totals` are not the sums of `lessons` (was the file edited?)".into(),
            ));
        }
        Ok(results)
    }

    fn from_csv(text: &str) -> Result<Results, ReadError> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| ReadError::NotResults(e.to_string()))?
            .clone();
        if !headers.iter().any(|h| h == "format") {
            return Err(ReadError::NotResults(
                "the CSV has no `format` column".into(),
            ));
        }
        let mut rows: Vec<CsvRow> = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| ReadError::NotResults(e.to_string()))?;
            // The header columns first, as for JSON.
            let column = |name: &str| {
                headers
                    .iter()
                    .position(|h| h == name)
                    .and_then(|i| record.get(i))
            };
            let version = column("schema_version").and_then(|v| v.trim().parse().ok());
            check_header(column("format"), version)?;
            let row: CsvRow = record
                .deserialize(Some(&headers))
                .map_err(|e| ReadError::NotResults(e.to_string()))?;
            rows.push(row.restored());
        }
        let Some(first) = rows.first() else {
            return Err(ReadError::NotResults(
                "the CSV has a header but no lesson rows".into(),
            ));
        };
        for (i, row) in rows.iter().enumerate() {
            let same_learner = row.learner == first.learner;
            let same_pack = row.pack_fingerprint == first.pack_fingerprint
                && row.pack_name == first.pack_name
                && (row.pack_lessons, row.pack_questions, row.pack_exercises)
                    == (
                        first.pack_lessons,
                        first.pack_questions,
                        first.pack_exercises,
                    );
            if !same_learner || !same_pack {
                return Err(ReadError::Inconsistent(format!(
                    "row {} has a different {} from row 2; one file holds one learner's results on one pack",
                    i + 2,
                    if same_learner { "pack" } else { "learner" }
                )));
            }
        }
        let lessons: Vec<LessonResult> = rows
            .iter()
            .map(|r| LessonResult {
                id: r.lesson.clone(),
                done: r.done,
                questions: r.questions,
                answered: r.answered,
                correct: r.correct,
                first_try: r.first_try,
                exercises: r.exercises,
                exercises_passed: r.exercises_passed,
                attempts: r.attempts,
                hints_used: r.hints_used,
                revealed: r.revealed,
                time_spent_ms: r.time_spent_ms,
            })
            .collect();
        Ok(Results {
            format: first.format.clone(),
            schema_version: first.schema_version,
            learner: first.learner.clone(),
            pack: PackIdentity {
                name: first.pack_name.clone(),
                fingerprint: first.pack_fingerprint.clone(),
                lessons: first.pack_lessons,
                questions: first.pack_questions,
                exercises: first.pack_exercises,
            },
            totals: Totals::of(&lessons),
            lessons,
        })
    }

    /// What both encodings must satisfy.
    fn check(&self) -> Result<(), ReadError> {
        let inconsistent = |m: String| Err(ReadError::Inconsistent(m));
        if self.learner.trim().is_empty() {
            return inconsistent("the learner name is empty".into());
        }
        if self.lessons.len() != self.pack.lessons as usize {
            return inconsistent(format!(
                "{} lessons listed, but the pack has {}",
                self.lessons.len(),
                self.pack.lessons
            ));
        }
        let questions: u64 = self.lessons.iter().map(|l| u64::from(l.questions)).sum();
        let exercises: u64 = self.lessons.iter().map(|l| u64::from(l.exercises)).sum();
        let declared = (self.pack.questions.into(), self.pack.exercises.into());
        if (questions, exercises) != declared {
            return inconsistent(format!(
                "the lessons hold {questions} questions and {exercises} exercises, but the pack says {} and {}",
                self.pack.questions, self.pack.exercises
            ));
        }
        for l in &self.lessons {
            let fits = l.answered <= l.questions
                && l.correct <= l.answered
                && l.first_try <= l.correct
                && l.exercises <= l.questions
                && l.exercises_passed <= l.exercises
                && l.revealed <= l.questions;
            if !fits {
                return inconsistent(format!(
                    "lesson `{}` counts more answers than it has questions",
                    l.id
                ));
            }
        }
        Ok(())
    }
}

fn check_header(format: Option<&str>, version: Option<u32>) -> Result<(), ReadError> {
    match format {
        Some(RESULTS_FORMAT) => {}
        Some(other) => {
            return Err(ReadError::NotResults(format!(
                "`format` is `{other}`, not `{RESULTS_FORMAT}`"
            )));
        }
        None => return Err(ReadError::NotResults("it has no `format` field".into())),
    }
    match version {
        Some(found) if found > RESULTS_SCHEMA_VERSION => Err(ReadError::Newer { found }),
        Some(0) | None => Err(ReadError::NotResults(
            "`schema_version` is missing or not a positive whole number".into(),
        )),
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson(id: &str, questions: u32, correct: u32, exercises: u32) -> LessonResult {
        LessonResult {
            id: id.into(),
            done: correct == questions,
            questions,
            answered: correct,
            correct,
            first_try: correct / 2,
            exercises,
            exercises_passed: exercises.min(correct),
            attempts: u64::from(correct) * 2,
            hints_used: 1,
            revealed: 0,
            time_spent_ms: 61_000,
        }
    }

    /// A learner whose name needs CSV quoting, on a pack with a comma in its name.
    fn sample() -> Results {
        let lessons = vec![lesson("one", 7, 7, 1), lesson("two", 3, 1, 1)];
        Results {
            format: RESULTS_FORMAT.into(),
            schema_version: RESULTS_SCHEMA_VERSION,
            learner: "Grace \"amazing\" Hopper, RADM".into(),
            pack: PackIdentity {
                name: "workshop, day 1".into(),
                fingerprint: "00112233445566aa".into(),
                lessons: 2,
                questions: 10,
                exercises: 2,
            },
            totals: Totals::of(&lessons),
            lessons,
        }
    }

    #[test]
    fn json_and_csv_round_trip_to_the_same_results() {
        let results = sample();
        for encoding in [Encoding::Json, Encoding::Csv] {
            let text = results.encode(encoding);
            assert_eq!(Results::decode(&text), Ok(results.clone()), "{text}");
        }
    }

    #[test]
    fn json_field_names_are_the_documented_schema() {
        let value: serde_json::Value =
            serde_json::from_str(&sample().encode(Encoding::Json)).unwrap();
        let keys = |v: &serde_json::Value| -> Vec<String> {
            let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
            k.sort();
            k
        };
        assert_eq!(
            keys(&value),
            [
                "format",
                "learner",
                "lessons",
                "pack",
                "schema_version",
                "totals"
            ]
        );
        assert_eq!(
            keys(&value["pack"]),
            ["exercises", "fingerprint", "lessons", "name", "questions"]
        );
        assert_eq!(
            keys(&value["totals"]),
            [
                "answered",
                "attempts",
                "correct",
                "exercises_passed",
                "first_try",
                "hints_used",
                "lessons_done",
                "revealed",
                "time_spent_ms"
            ]
        );
        assert_eq!(value["format"], "dockerlings-results");
        assert_eq!(value["totals"]["correct"], 8);
    }

    #[test]
    fn csv_has_one_quoted_row_per_lesson_under_a_fixed_header() {
        let text = sample().encode(Encoding::Csv);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "format,schema_version,learner,pack_name,pack_fingerprint,pack_lessons,\
             pack_questions,pack_exercises,lesson,done,questions,answered,correct,first_try,\
             exercises,exercises_passed,attempts,hints_used,revealed,time_spent_ms"
        );
        assert_eq!(lines.len(), 3, "{text}");
        assert!(
            lines[1].starts_with(
                "dockerlings-results,2,\"Grace \"\"amazing\"\" Hopper, RADM\",\"workshop, day 1\","
            ),
            "{text}"
        );
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe_and_read_back_exact() {
        for (learner, pack, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "@pack",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@pack,",
            ),
            ("=cmd|' /C calc'!A0", "+1", "'=cmd|' /C calc'!A0,'+1,"),
        ] {
            let mut results = sample();
            results.learner = learner.into();
            results.pack.name = pack.into();
            let text = results.encode(Encoding::Csv);
            let row = text.lines().nth(1).unwrap();
            assert!(
                row.starts_with(&format!(
                    "dockerlings-results,{RESULTS_SCHEMA_VERSION},{written}"
                )),
                "{row}"
            );
            assert_eq!(Results::decode(&text), Ok(results));
        }
    }

    #[test]
    fn csv_columns_may_come_in_any_order_and_extra_ones_are_ignored() {
        let text = sample().encode(Encoding::Csv);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let mut writer = csv::Writer::from_writer(Vec::new());
        let reversed = |r: &csv::StringRecord| {
            let mut v: Vec<String> = r.iter().rev().map(String::from).collect();
            v.push("extra".into());
            v
        };
        let mut header = reversed(&headers);
        *header.last_mut().unwrap() = "comment".into();
        writer.write_record(&header).unwrap();
        for record in reader.records() {
            writer.write_record(reversed(&record.unwrap())).unwrap();
        }
        let shuffled = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        assert_eq!(Results::decode(&shuffled), Ok(sample()));
    }

    #[test]
    fn a_byte_order_mark_and_crlf_from_a_spreadsheet_are_fine() {
        let text = format!(
            "\u{feff}{}",
            sample().encode(Encoding::Csv).replace('\n', "\r\n")
        );
        assert_eq!(Results::decode(&text), Ok(sample()));
    }

    #[test]
    fn bad_files_are_told_apart() {
        let json = sample().encode(Encoding::Json);
        let cases: [(String, &str); 8] = [
            ("  \n".into(), "empty"),
            ("{\"a\": 1".into(), "not a dockerlings results file"),
            (
                "{\"format\": \"other\", \"schema_version\": 1}".into(),
                "`format` is `other`",
            ),
            (
                json.replace("\"schema_version\": 2", "\"schema_version\": 3"),
                "newer",
            ),
            (
                json.replace("\"correct\": 8", "\"correct\": 9"),
                "not the sums",
            ),
            (
                json.replace("\"lessons\": 2", "\"lessons\": 3"),
                "2 lessons listed",
            ),
            ("name,score\nada,3\n".into(), "no `format` column"),
            (
                sample()
                    .encode(Encoding::Csv)
                    .replacen("Hopper, RADM", "Hopper", 1),
                "different learner",
            ),
        ];
        for (text, want) in cases {
            let err = Results::decode(&text).unwrap_err().to_string();
            assert!(err.contains(want), "{err}\nwanted {want} for\n{text}");
        }
    }

    #[test]
    fn huge_counts_are_an_error_not_an_overflow() {
        let mut results = sample();
        for l in &mut results.lessons {
            l.questions = u32::MAX;
            l.answered = u32::MAX;
            l.correct = u32::MAX;
            l.attempts = u64::MAX;
        }
        results.totals = Totals::of(&results.lessons);
        assert_eq!(results.totals.correct, u32::MAX);
        for encoding in [Encoding::Json, Encoding::Csv] {
            let err = Results::decode(&results.encode(encoding)).unwrap_err();
            assert!(matches!(err, ReadError::Inconsistent(_)), "{err}");
        }
    }

    proptest::proptest! {
        /// Files come from other people: whatever they hold, reading gives a result or an
        /// error, never a panic.
        #[test]
        fn decoding_never_panics(
            json in proptest::bool::ANY,
            cut in 0usize..2000,
            at in 0usize..2000,
            byte in proptest::char::any(),
        ) {
            let encoding = if json { Encoding::Json } else { Encoding::Csv };
            let mut text: String = sample().encode(encoding);
            let at = (0..=at.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            text.insert(at, byte);
            let cut = (0..=cut.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            let _ = Results::decode(&text[..cut]);
            let _ = Results::decode(&text);
        }
    }

    #[test]
    fn version_1_files_still_read() {
        for encoding in [Encoding::Json, Encoding::Csv] {
            let mut old = sample();
            old.schema_version = 1;
            assert_eq!(Results::decode(&old.encode(encoding)), Ok(old));
        }
        let written = sample().encode(Encoding::Json);
        assert!(written.contains("\"schema_version\": 2"), "{written}");
    }

    #[test]
    fn counts_larger_than_the_lesson_are_rejected() {
        let mut results = sample();
        results.lessons[1].correct = 5;
        results.lessons[1].answered = 5;
        results.totals = Totals::of(&results.lessons);
        let err = Results::decode(&results.encode(Encoding::Json)).unwrap_err();
        assert!(err.to_string().contains("lesson `two`"), "{err}");
    }
}
