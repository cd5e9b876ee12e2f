//! `dockerlings progress --export json|csv` and `--merge`, run as a binary on progress files in
//! a temp dir (the global `--progress-file`) and the example pack (the global `--lessons`).

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use dockerlings::progress::Store;
use dockerlings::results::{Encoding, Results};
use predicates::prelude::*;

fn pack() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/distroless-workshop")
}

/// The binary with no learner name in its environment.
fn dockerlings() -> Command {
    let mut cmd = Command::cargo_bin("dockerlings").unwrap();
    cmd.env_remove("DOCKERLINGS_NAME")
        .env_remove("USER")
        .env_remove("USERNAME");
    cmd
}

/// A progress file in `dir` where the learner got `right` of the first lesson's questions
/// right (the exercise among them), with one hint and one revealed solution.
fn progress_file(dir: &Path, file: &str, right: &[&str]) -> PathBuf {
    let path = dir.join(file);
    let (mut store, _) = Store::open(&path).unwrap();
    let p = store.progress_mut();
    for q in right {
        p.record_answer("python-on-distroless", q, true);
    }
    p.record_answer("python-on-distroless", "py-copy-venv", false);
    p.record_hint("python-on-distroless", "py-copy-venv");
    p.record_answer("rust-on-scratch", "rs-ex-scratch", false);
    p.record_reveal("rust-on-scratch", "rs-ex-scratch");
    p.add_time("rust-on-scratch", "rs-ex-scratch", 125_000);
    store.save().unwrap();
    path
}

const ALL_OF_LESSON_1: [&str; 7] = [
    "py-entrypoint",
    "py-what-is-missing",
    "py-copy-venv",
    "py-debug-tag",
    "py-order-the-build",
    "py-spot-the-bug",
    "py-ex-distroless",
];

fn export(progress: &Path, format: &str) -> Command {
    let mut cmd = dockerlings();
    cmd.args(["progress", "--export", format, "--progress-file"])
        .arg(progress)
        .arg("--lessons")
        .arg(pack());
    cmd
}

#[test]
fn json_export_holds_the_learners_counts_and_the_pack() {
    let dir = tempfile::tempdir().unwrap();
    let progress = progress_file(dir.path(), "p.json", &ALL_OF_LESSON_1);
    let output = export(&progress, "json")
        .args(["--name", "Ada Lovelace"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let results = Results::decode(&String::from_utf8(output.stdout).unwrap()).unwrap();
    assert_eq!(results.learner, "Ada Lovelace");
    assert_eq!(results.pack.name, "distroless-workshop");
    assert_eq!(
        (
            results.pack.lessons,
            results.pack.questions,
            results.pack.exercises
        ),
        (2, 10, 2)
    );
    let t = results.totals;
    assert_eq!(t.lessons_done, 1, "every question of lesson 1 is right");
    assert_eq!((t.answered, t.correct, t.exercises_passed), (8, 7, 1));
    assert_eq!((t.attempts, t.hints_used, t.revealed), (9, 1, 1));
    assert_eq!(t.time_spent_ms, 125_000);
}

#[test]
fn csv_export_to_a_file_takes_the_name_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let progress = progress_file(dir.path(), "p.json", &["py-entrypoint"]);
    let csv = dir.path().join("grace.csv");
    export(&progress, "csv")
        .env("DOCKERLINGS_NAME", "Grace, Hopper")
        .env("USER", "login-name")
        .arg("-o")
        .arg(&csv)
        .assert()
        .success()
        .stdout(predicate::str::contains("Wrote Grace, Hopper's results"));
    let text = fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 3, "a header and one row per lesson");
    assert!(text.contains("\"Grace, Hopper\""), "{text}");
    let results = Results::decode(&text).unwrap();
    assert_eq!(results.learner, "Grace, Hopper");
    // The same results either way.
    assert_eq!(
        Results::decode(&results.encode(Encoding::Json)),
        Ok(results)
    );

    export(&progress, "json")
        .env("USER", "login-name")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"learner\": \"login-name\""));
}

#[test]
fn export_without_any_name_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let progress = progress_file(dir.path(), "p.json", &[]);
    export(&progress, "json")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "pass --name NAME or set DOCKERLINGS_NAME",
        ));
}

#[test]
fn merge_shows_the_class_and_reports_a_broken_file_without_stopping() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ada = d.join("ada.json");
    let bob = d.join("bob.csv");
    let broken = d.join("cy.json");
    let a = progress_file(d, "a.json", &ALL_OF_LESSON_1);
    let b = progress_file(d, "b.json", &["py-entrypoint", "py-debug-tag"]);
    export(&a, "json")
        .args(["--name", "ada", "-o"])
        .arg(&ada)
        .assert()
        .success();
    export(&b, "csv")
        .args(["--name", "bob", "-o"])
        .arg(&bob)
        .assert()
        .success();
    fs::write(
        &broken,
        "{\"format\": \"dockerlings-results\", \"schema_ver",
    )
    .unwrap();

    let output = dockerlings()
        .args(["progress", "--merge"])
        .args([&ada, &broken, &bob])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stdout}{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("Class results: distroless-workshop (pack ")
            && lines[0].ends_with("), 2 learners"),
        "{stdout}"
    );
    let row = |name: &str| -> Vec<&str> {
        lines
            .iter()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no row {name} in\n{stdout}"))
            .split_whitespace()
            .collect()
    };
    assert_eq!(
        row("ada "),
        [
            "ada", "1/2", "7/10", "70%", "1/2", "9", "1", "1", "2m", "05s"
        ]
    );
    assert_eq!(
        row("bob "),
        [
            "bob", "0/2", "2/10", "20%", "0/2", "4", "1", "1", "2m", "05s"
        ]
    );
    assert_eq!(row("total")[..4], ["total", "1/4", "9/20", "45%"]);
    assert_eq!(row("average")[..4], ["average", "0.5/2", "4.5/10", "45%"]);
    assert!(
        stderr.contains("cy.json: not a dockerlings results file"),
        "{stderr}"
    );
}

#[test]
fn merge_leaves_out_results_from_another_pack() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let progress = progress_file(d, "p.json", &[]);
    let ours = d.join("ours.json");
    let bundled = d.join("bundled.json");
    export(&progress, "json")
        .args(["--name", "ada", "-o"])
        .arg(&ours)
        .assert()
        .success();
    dockerlings()
        .args([
            "progress",
            "--export",
            "json",
            "--name",
            "zed",
            "--progress-file",
        ])
        .arg(&progress)
        .arg("-o")
        .arg(&bundled)
        .assert()
        .success()
        .stdout(predicate::str::contains("on pack bundled"));
    let theirs = d.join("theirs.json");
    export(&progress, "json")
        .args(["--name", "bea", "-o"])
        .arg(&theirs)
        .assert()
        .success();
    // Two files for the example pack, one for the bundled one: the majority wins. A file
    // given twice counts once, and not towards the majority.
    dockerlings()
        .args(["progress", "--merge"])
        .args([&ours, &bundled, &theirs, &ours])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("distroless-workshop"))
        .stdout(predicate::str::contains("zed").not())
        .stderr(predicate::str::contains(
            "bundled.json: results for pack `bundled`",
        ))
        .stderr(predicate::str::contains("ours.json is the same file as"))
        .stderr(predicate::str::contains("appears in both").not());
}

#[test]
fn export_and_merge_do_not_mix_and_name_needs_export() {
    dockerlings()
        .args(["progress", "--export", "json", "--merge", "a.json"])
        .assert()
        .code(2);
    dockerlings()
        .args(["progress", "--name", "ada"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--export"));
    dockerlings()
        .args(["progress", "--export", "xml", "--name", "ada"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("json"));
}

#[test]
fn inside_a_workshop_folder_the_export_uses_the_workshops_pack() {
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("class");
    dockerlings()
        .arg("--lessons")
        .arg(pack())
        .args(["workshop", "init"])
        .arg(&class)
        .assert()
        .success();
    let progress = progress_file(dir.path(), "p.json", &ALL_OF_LESSON_1);
    let from_pack = export(&progress, "json")
        .args(["--name", "Ada"])
        .output()
        .unwrap();
    let in_workshop = dockerlings()
        .current_dir(&class)
        .args([
            "progress",
            "--export",
            "json",
            "--name",
            "Ada",
            "--progress-file",
        ])
        .arg(&progress)
        .output()
        .unwrap();
    assert!(in_workshop.status.success(), "{in_workshop:?}");
    let expected = Results::decode(&String::from_utf8(from_pack.stdout).unwrap()).unwrap();
    let got = Results::decode(&String::from_utf8(in_workshop.stdout).unwrap()).unwrap();
    assert_eq!(got.pack.name, "distroless-workshop");
    assert_eq!(got.pack.fingerprint, expected.pack.fingerprint);
    assert_eq!(got.totals.correct, expected.totals.correct);
}

/// A file that lists a lesson the pack does not have is left out, naming the file and the
/// lesson: checked against the pack given (even for one file), else against the class.
#[test]
fn merge_leaves_out_a_file_with_a_lesson_not_in_the_pack() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let progress = progress_file(d, "p.json", &[]);
    let good = d.join("good.json");
    export(&progress, "json")
        .args(["--name", "ada", "-o"])
        .arg(&good)
        .assert()
        .success();
    let text = fs::read_to_string(&good).unwrap();
    assert!(text.contains("\"id\": \"python-on-distroless\""), "{text}");
    let forged = d.join("forged.json");
    fs::write(
        &forged,
        text.replace("\"python-on-distroless\"", "\"not-in-the-pack\"")
            .replace("\"ada\"", "\"mallory\""),
    )
    .unwrap();
    let message = "forged.json: lists lesson `not-in-the-pack` that pack `distroless-workshop` does not have; left out";
    dockerlings()
        .args(["progress", "--merge"])
        .arg(&forged)
        .arg("--lessons")
        .arg(pack())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(message));
    dockerlings()
        .args(["progress", "--merge"])
        .args([&good, &forged, &good])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("mallory").not())
        .stderr(predicate::str::contains(message));
}

/// `-o` replaces a regular file atomically and never writes through a link.
#[cfg(unix)]
#[test]
fn export_output_is_never_written_through_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let progress = progress_file(d, "p.json", &[]);
    let target = d.join("theirs.txt");
    fs::write(&target, "keep\n").unwrap();
    let link = d.join("out.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    export(&progress, "json")
        .args(["--name", "ada", "-o"])
        .arg(&link)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("out.json is a symbolic link"));
    assert_eq!(fs::read_to_string(&target).unwrap(), "keep\n");
}

/// No raw terminal control byte (ESC, BEL, C1 as UTF-8, DEL) in `bytes`.
fn assert_no_controls(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    assert!(
        !bytes.contains(&0x1b) && !bytes.contains(&0x07) && !bytes.contains(&0x7f),
        "{what}: {text:?}"
    );
    assert!(
        !text.contains(|c: char| ('\u{80}'..'\u{a0}').contains(&c)),
        "{what}: {text:?}"
    );
}

#[test]
fn formula_names_are_defused_in_csv_and_merge_shows_them_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let progress = progress_file(d, "p.json", &["py-entrypoint"]);
    let mut files = Vec::new();
    for (i, name) in [
        "=HYPERLINK(\"http://x\",\"y\")",
        "=cmd|' /C calc'!A0",
        "@osc\u{1b}]52;c;aGVsbG8=\u{7}\u{9b}x",
    ]
    .into_iter()
    .enumerate()
    {
        let csv = d.join(format!("{i}.csv"));
        let output = export(&progress, "csv")
            .args(["--name", name, "-o"])
            .arg(&csv)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        assert_no_controls(&output.stdout, "export message");
        let text = fs::read_to_string(&csv).unwrap();
        for row in text.lines().skip(1) {
            let learner = row.split_once(",").unwrap().1.split_once(",").unwrap().1;
            assert!(
                learner.starts_with("\"'=")
                    || learner.starts_with("'=")
                    || learner.starts_with("'@"),
                "{row}"
            );
        }
        // The file itself stays exact: it reads back to the name as given.
        assert_eq!(Results::decode(&text).unwrap().learner, name);
        files.push(csv);
    }
    let output = dockerlings()
        .args(["progress", "--merge"])
        .args(&files)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(output.status.success(), "{stdout}");
    assert_no_controls(&output.stdout, "merge table");
    assert_no_controls(&output.stderr, "merge remarks");
    assert!(
        stdout.contains("=HYPERLINK(\"http://x\",\"y\")"),
        "{stdout}"
    );
    assert!(stdout.contains("=cmd|' /C calc'!A0"), "{stdout}");
    assert!(
        stdout.contains("@osc\\x1b]52;c;aGVsbG8=\\x07\\u{9b}x"),
        "{stdout}"
    );
}
