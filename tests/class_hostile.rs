//! A class folder is written by many people's machines, so `class` treats everything in it
//! as hostile: each bad file is listed with its reason and skipped, the rest of the class is
//! still shown, nothing reaches the terminal raw, and nothing in the folder is written.

mod needs;

mod class_fixture;

use std::path::Path;
use std::time::{Instant, SystemTime};

use assert_cmd::Command;
use class_fixture::{NOW_MS, learner, learner_on};
use dockerlings::tui::class::{ClassMsg, ClassState, update};
use dockerlings::tui::event::Msg;
use dockerlings::tui::screens;
use dockerlings::workshop::class::scan::{MAX_BYTES, MAX_FILES};
use dockerlings::workshop::class::{Snapshot, output};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A folder with one good learner, `ada.json`.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ada.json",
        &learner("ada", &["✓", "non_root"], 5),
    );
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// Loads the folder and checks that ada is still shown and `file` is left out with a reason
/// containing `why`.
fn left_out(dir: &Path, file: &str, why: &str) -> Snapshot {
    let s = Snapshot::load(dir, NOW_MS).unwrap();
    let names: Vec<&str> = s.learners.iter().map(|l| l.name.as_str()).collect();
    assert!(names.contains(&"ada"), "{names:?}");
    let problem = s
        .problems
        .iter()
        .find(|p| p.path.to_string_lossy() == file)
        .unwrap_or_else(|| panic!("{file} not listed: {:#?}", s.problems));
    assert!(problem.message.contains(why), "{}", problem.message);
    s
}

fn screen(s: Snapshot) -> String {
    let mut state = ClassState::new("class".into(), s);
    update(&mut state, ClassMsg::Ui(Msg::Resize(120, 40)));
    update(
        &mut state,
        ClassMsg::Ui(Msg::Key(ratatui::crossterm::event::KeyEvent::from(
            ratatui::crossterm::event::KeyCode::Char('s'),
        ))),
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|frame| screens::class::render(&state, frame))
        .unwrap();
    let buf = terminal.backend().buffer().clone();
    buf.content().iter().map(|c| c.symbol()).collect()
}

#[test]
fn a_partial_write_is_left_out() {
    let dir = folder();
    let whole = learner("bob", &["non_root"], 1);
    write(dir.path(), "bob.json", &whole[..whole.len() / 2]);
    left_out(dir.path(), "bob.json", "not a dockerlings results file");
}

#[test]
fn garbage_is_left_out() {
    let dir = folder();
    write(dir.path(), "junk.json", "{ this is not json");
    std::fs::write(dir.path().join("binary.json"), [0xff, 0xfe, 0, 1, 2]).unwrap();
    write(dir.path(), "empty.csv", "");
    left_out(dir.path(), "junk.json", "not a dockerlings results file");
    left_out(dir.path(), "binary.json", "not UTF-8");
    left_out(dir.path(), "empty.csv", "empty");
}

#[test]
fn a_newer_schema_is_left_out_saying_so() {
    let dir = folder();
    let newer =
        learner("bob", &["non_root"], 1).replace("\"schema_version\": 2", "\"schema_version\": 3");
    write(dir.path(), "bob.json", &newer);
    left_out(dir.path(), "bob.json", "newer");
}

#[test]
fn another_packs_results_are_left_out() {
    let dir = folder();
    write(dir.path(), "cy.json", &learner("cy", &["✓"], 0));
    write(
        dir.path(),
        "bob.json",
        &learner_on("bob", &["✓"], 0, "ffffffffffffffff"),
    );
    left_out(dir.path(), "bob.json", "results for pack");
}

#[test]
fn ten_thousand_files_are_cut_to_the_limit_and_say_so() {
    let dir = folder();
    // Each a learner of their own: copies of one file would count once.
    for i in 0..10_000 {
        let one = learner(&format!("m{i:05}"), &["✓"], 0);
        write(dir.path(), &format!("z{i:05}.json"), &one);
    }
    let started = Instant::now();
    let s = Snapshot::load(dir.path(), NOW_MS).unwrap();
    eprintln!("10,000 files: {:?}", started.elapsed());
    assert_eq!(
        s.learners.len(),
        MAX_FILES,
        "ada first by name, then the cut"
    );
    assert!(
        s.problems[0].message.contains("10001 result files"),
        "{:?}",
        s.problems[0]
    );
    assert!(s.remarks.len() < MAX_FILES + 1);
    assert!(screen(s).contains("ada"));
}

#[test]
fn control_characters_in_names_never_reach_the_terminal_or_markdown() {
    let dir = folder();
    let evil = "Eve\u{1b}]0;owned\u{7}\u{1b}[2J\r\n\u{202e}";
    write(dir.path(), "eve.json", &learner(evil, &["non_root"], 9));
    write(dir.path(), "bad\u{1b}[31m.json", "garbage");
    let s = left_out(dir.path(), "bad\u{1b}[31m.json", "not a dockerlings");
    assert!(s.learners.iter().any(|l| l.name == evil), "kept exact");
    let md = output::markdown(&s);
    let shown = screen(s.clone());
    for text in [&md, &shown] {
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' || c == '\u{202e}'),
            "{text:?}"
        );
    }
    assert!(shown.contains("bad\\x1b[31m.json"), "{shown}");
    // JSON keeps the name exact (escaped by JSON itself).
    let json: serde_json::Value = serde_json::from_str(&output::json(&s)).unwrap();
    assert!(
        json["learners"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["name"] == evil)
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_not_followed() {
    let dir = folder();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("real.json");
    std::fs::write(&target, learner("bob", &["✓"], 0)).unwrap();
    std::os::unix::fs::symlink(&target, dir.path().join("bob.json")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.json")).unwrap();
    left_out(dir.path(), "bob.json", "symbolic link");
    left_out(dir.path(), "zero.json", "symbolic link");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_not_opened() {
    let dir = folder();
    let fifo = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        needs::skip("mkfifo could not make a fifo");
        return;
    }
    // Opening a fifo for reading would wait for a writer forever.
    left_out(dir.path(), "pipe.json", "not a regular file");
}

#[test]
fn huge_files_are_not_read() {
    let dir = folder();
    let file = std::fs::File::create(dir.path().join("huge.json")).unwrap();
    file.set_len(MAX_BYTES + 1).unwrap();
    left_out(dir.path(), "huge.json", "more than");
}

/// Names, sizes and modification times of everything in `dir`.
fn listing(dir: &Path) -> Vec<(String, u64, SystemTime)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let meta = e.metadata().unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                meta.len(),
                meta.modified().unwrap(),
            )
        })
        .collect();
    all.sort();
    all
}

#[test]
fn class_once_writes_nothing_into_the_folder() {
    let dir = folder();
    write(dir.path(), "junk.json", "{");
    write(dir.path(), "notes.md", "# notes");
    let before = listing(dir.path());
    for format in ["json", "csv", "markdown"] {
        let out = Command::cargo_bin("dockerlings")
            .unwrap()
            .args(["class", "--once", "--format", format])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("ada") && text.contains("junk.json") || format == "csv");
    }
    assert_eq!(listing(dir.path()), before);
}
