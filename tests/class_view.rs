//! The live class view end to end: two learners' watch sessions (their `update` driven by the
//! saves the watcher would report, their reporter writing into one class folder) and the
//! `class --once` snapshot after each save, run as the binary; TestBackend snapshots of the
//! screen; 300 learners loaded and drawn.
//! Review snapshot changes with `cargo insta review` or `INSTA_UPDATE=always cargo test`.

mod needs;

mod class_fixture;

use std::path::{Path, PathBuf};
use std::time::Instant;

use assert_cmd::Command;
use class_fixture::{NOW_MS, class_of, learner};
use dockerlings::progress::Store;
use dockerlings::tui::class::{ClassMsg, ClassState, update as class_update};
use dockerlings::tui::event::Msg;
use dockerlings::tui::screens;
use dockerlings::tui::watch::{WatchMsg, WatchState, update};
use dockerlings::workshop::class::{PullError, Snapshot};
use dockerlings::workshop::{Reporter, WatchEvent, Workshop, init};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const FAILING: &str =
    "FROM golang:1.26 AS build\nRUN go build -o /out/hello .\nFROM scratch\nCMD /hello\n";

/// A learner's watch session on their own workshop folder, reporting into `class`.
fn session(tmp: &Path, name: &str, class: &Path) -> WatchState {
    let dir = tmp.join(name);
    init(&dir, None, false).unwrap();
    let workshop = Workshop::open(&dir, None).unwrap();
    let reporter = Reporter::new(&workshop, None, class, name).unwrap();
    let mut state = WatchState::new(workshop, Store::unsaved("test"));
    state.reporter = Some(reporter);
    state.report(1_000);
    state
}

/// Saves exercise `index` as the learner's editor would, hands `update` the watcher's event,
/// and reports, as the run loop does.
fn save(state: &mut WatchState, index: usize, text: &str, at_ms: u64) {
    std::fs::write(state.workshop.dockerfile(index), text).unwrap();
    update(state, WatchMsg::File(WatchEvent::Changed(index)));
    state.report(at_ms);
}

/// `class --once --format FORMAT CLASS`, run as the binary: its output.
fn once_as(class: &Path, format: &str) -> String {
    let out = Command::cargo_bin("dockerlings")
        .unwrap()
        .args(["class", "--once", "--format", format])
        .arg(class)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn once(class: &Path) -> serde_json::Value {
    serde_json::from_str(&once_as(class, "json")).unwrap()
}

/// `learner name → [state of exercise 1, 2]` from a `--once` snapshot.
fn states(snapshot: &serde_json::Value) -> Vec<(String, String, String)> {
    snapshot["learners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let state = |i: usize| l["exercises"][i]["state"].as_str().unwrap().to_string();
            (l["name"].as_str().unwrap().to_string(), state(0), state(1))
        })
        .collect()
}

#[test]
fn two_learners_saves_show_in_the_class_snapshot_after_each_save() {
    let tmp = tempfile::tempdir().unwrap();
    let class = tmp.path().join("class-results");
    std::fs::create_dir(&class).unwrap();
    let mut ada = session(tmp.path(), "ada", &class);
    let mut bob = session(tmp.path(), "bob", &class);
    let s = once(&class);
    assert_eq!(
        states(&s),
        [
            ("ada".into(), "not_started".into(), "not_started".into()),
            ("bob".into(), "not_started".into(), "not_started".into())
        ]
    );

    save(&mut bob, 0, FAILING, 2_000);
    let s = once(&class);
    assert_eq!(
        s["learners"][0]["name"], "bob",
        "the stuck learner comes first"
    );
    assert_eq!(s["learners"][0]["exercises"][0]["state"], "failing");
    assert_eq!(
        s["learners"][0]["failing_requirement"], "final_copies_from",
        "{s:#}"
    );
    assert_eq!(s["learners"][0]["exercises"][0]["attempts"], 1);
    assert_eq!(s["hot_spots"][0], "1 of 2 fail final_copies_from on 01");

    let solution = ada.workshop.exercises[0].exercise.solutions[0].clone();
    save(&mut ada, 0, &solution, 3_000);
    save(&mut ada, 1, FAILING, 4_000);
    let s = once(&class);
    assert_eq!(
        states(&s),
        [
            ("bob".into(), "failing".into(), "not_started".into()),
            ("ada".into(), "passing".into(), "failing".into())
        ],
        "bob has been stuck longer"
    );
    assert_eq!(s["learners"][1]["exercises"][1]["failing_since_ms"], 4_000);

    let solution = bob.workshop.exercises[0].exercise.solutions[0].clone();
    save(&mut bob, 0, &solution, 5_000);
    let s = once(&class);
    assert_eq!(
        states(&s),
        [
            ("ada".into(), "passing".into(), "failing".into()),
            ("bob".into(), "passing".into(), "not_started".into())
        ]
    );
    assert!(s["learners"][1]["stuck_ms"].is_null());
    assert!(s["skipped"].as_array().unwrap().is_empty(), "{s:#}");

    // The same snapshot for people and spreadsheets.
    let md = once_as(&class, "markdown");
    assert!(md.contains("| ada |") && md.contains("1 of 2 fail"), "{md}");
    let csv = once_as(&class, "csv");
    let rows = 2 * ada.workshop.exercises.len();
    assert_eq!(csv.lines().count(), 1 + rows, "{csv}");
}

#[test]
fn a_class_folder_that_does_not_exist_is_exit_2() {
    Command::cargo_bin("dockerlings")
        .unwrap()
        .args(["class", "--once", "/nonexistent/class-folder"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot read the class folder"));
}

/// A class of six at a fixed time, one with a hostile name, and one file left out.
fn sample_state(w: u16, h: u16) -> ClassState {
    let mut files: Vec<(PathBuf, Result<String, _>)> = vec![
        (
            "ada.json",
            learner("Ada Lovelace", &["✓", "✓", "✓", "non_root"], 12),
        ),
        ("bob.json", learner("bob", &["✓", "final_copies_from"], 31)),
        (
            "cy.json",
            learner("Cy\u{1b}[2J", &["✓", "✓", "✓", "non_root"], 3),
        ),
        ("dee.json", learner("Dee", &["✓", "✓", "✓", "✓", "✓"], 0)),
        ("eve.json", learner("Eve", &[], 0)),
        ("fay.json", learner("Fay", &["✓", "✓", "✓", "non_root"], 7)),
    ]
    .into_iter()
    .map(|(f, t)| (PathBuf::from(f), Ok(t)))
    .collect();
    files.push((
        PathBuf::from("zed.json"),
        Ok("{\"format\": \"dockerlings-res".into()),
    ));
    let mut state = ClassState::new(
        PathBuf::from("class-results"),
        Snapshot::build(files, NOW_MS),
    );
    class_update(&mut state, ClassMsg::Ui(Msg::Resize(w, h)));
    state
}

fn draw(state: &ClassState) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(state.area.width, state.area.height)).unwrap();
    terminal
        .draw(|frame| screens::class::render(state, frame))
        .unwrap();
    terminal
}

fn press(state: &mut ClassState, code: KeyCode) {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    class_update(state, ClassMsg::Ui(Msg::Key(key)));
}

#[test]
fn class_view_80x24() {
    let state = sample_state(80, 24);
    insta::assert_snapshot!("class_80x24", draw(&state).backend());
}

#[test]
fn class_view_120x40_with_the_selected_learners_requirements() {
    let mut state = sample_state(120, 40);
    press(&mut state, KeyCode::Down);
    press(&mut state, KeyCode::Enter);
    insta::assert_snapshot!("class_120x40_details", draw(&state).backend());
}

#[test]
fn the_files_left_out_are_listed_on_demand() {
    let mut state = sample_state(80, 24);
    press(&mut state, KeyCode::Char('s'));
    let screen = format!("{}", draw(&state).backend());
    assert!(
        screen.contains("zed.json: not a dockerlings results file"),
        "{screen}"
    );
}

#[test]
fn the_selection_follows_its_learner_when_the_order_changes() {
    let mut state = sample_state(80, 24);
    let chosen = state.snapshot.learners[state.selected].file.clone();
    assert_eq!(chosen, PathBuf::from("bob.json"), "the longest stuck");
    // Bob passes: he moves down the table, and the selection with him.
    let files = [
        ("ada.json", learner("Ada", &["non_root"], 50)),
        ("bob.json", learner("bob", &["✓", "✓"], 0)),
        ("cy.json", learner("cy", &["non_root"], 1)),
    ]
    .map(|(f, t)| (PathBuf::from(f), Ok(t)))
    .into_iter()
    .collect();
    class_update(
        &mut state,
        ClassMsg::Loaded(Ok(Snapshot::build(files, NOW_MS))),
    );
    assert_eq!(state.snapshot.learners[state.selected].file, chosen);
    assert_eq!(state.selected, 2);
}

#[test]
fn three_hundred_learners_load_and_draw() {
    let tmp = tempfile::tempdir().unwrap();
    class_of(tmp.path(), 300);
    let started = Instant::now();
    let snapshot = Snapshot::load(tmp.path(), NOW_MS).unwrap();
    let mut state = ClassState::new(tmp.path().to_path_buf(), snapshot);
    class_update(&mut state, ClassMsg::Ui(Msg::Resize(120, 40)));
    let terminal = draw(&state);
    let took = started.elapsed();
    eprintln!("300 learners, load + draw at 120x40 (test profile): {took:?}");
    assert_eq!(state.snapshot.learners.len(), 300);
    assert!(state.snapshot.problems.is_empty());
    // Longest stuck first: 39 minutes.
    assert!(
        format!("{}", terminal.backend()).contains("39m 00s"),
        "{}",
        terminal.backend()
    );
    // Generous for a debug build on a shared machine; the bench measures the release figure.
    assert!(took.as_millis() < 2_000, "{took:?}");
}

#[test]
fn git_pull_results_and_failures_show_in_the_status_line() {
    let mut state = sample_state(80, 24);
    class_update(&mut state, ClassMsg::Pulled(Ok(String::new())));
    let screen = format!("{}", draw(&state).backend());
    assert!(screen.contains("git pull ok at 10:00:00 UTC"), "{screen}");
    class_update(
        &mut state,
        ClassMsg::Pulled(Err(PullError::Git(
            "fatal: '/gone' does not appear to be a git repository".into(),
        ))),
    );
    let screen = format!("{}", draw(&state).backend());
    assert!(
        screen.contains("✗ git pull failed: fatal: '/gone'"),
        "{screen}"
    );
}

/// Runs git in `dir`, or returns false when git is not installed.
fn git(dir: &Path, args: &[&str]) -> bool {
    let status = std::process::Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(dir)
        .output();
    match status {
        Ok(out) => {
            assert!(out.status.success(), "git {args:?}: {out:?}");
            true
        }
        Err(_) => false,
    }
}

#[test]
fn class_git_pull_brings_in_what_learners_pushed() {
    let tmp = tempfile::tempdir().unwrap();
    if !git(tmp.path(), &["init", "-q", "--bare", "origin.git"]) {
        needs::skip("git could not make a repository");
        return;
    }
    git(tmp.path(), &["clone", "-q", "origin.git", "view"]);
    git(tmp.path(), &["clone", "-q", "origin.git", "learner"]);
    let pushed = tmp.path().join("learner");
    std::fs::write(pushed.join("ada.json"), learner("ada", &["non_root"], 3)).unwrap();
    git(&pushed, &["add", "ada.json"]);
    git(&pushed, &["commit", "-q", "-m", "ada"]);
    git(&pushed, &["push", "-q", "origin", "HEAD"]);
    let out = Command::cargo_bin("dockerlings")
        .unwrap()
        .args(["class", "--once", "--format", "json", "--git-pull", "5"])
        .arg(tmp.path().join("view"))
        .output()
        .unwrap();
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["learners"][0]["name"], "ada", "{out:?}");
}

/// Without any change event (as on a network folder), a new file shows within a second.
#[test]
fn the_loader_sees_a_save_within_a_second_without_events() {
    use dockerlings::tui::class::run::{Wake, spawn_loader};
    let tmp = tempfile::tempdir().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let (_wake, woken) = std::sync::mpsc::channel::<Wake>();
    spawn_loader(tmp.path().to_path_buf(), woken, tx);
    std::thread::sleep(std::time::Duration::from_millis(50));
    let saved = Instant::now();
    std::fs::write(
        tmp.path().join("ada.json"),
        learner("ada", &["non_root"], 1),
    )
    .unwrap();
    loop {
        let msg = rx
            .recv_timeout(std::time::Duration::from_secs(1))
            .expect("no snapshot within a second");
        if let ClassMsg::Loaded(Ok(s)) = msg
            && s.learners.len() == 1
        {
            break;
        }
    }
    let took = saved.elapsed();
    eprintln!("save to snapshot by polling: {took:?}");
    assert!(took < std::time::Duration::from_secs(1), "{took:?}");
}
