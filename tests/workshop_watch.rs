//! The watcher engine on a real folder: a workshop is written to a temporary folder, the
//! learner's saves are made the ways editors make them (truncate-and-write, write-then-rename),
//! and the verdicts that come back over the channel are checked within a bounded wait. The
//! watch screen's `update` is driven by the same events, without a terminal.

use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use dockerlings::progress::Store;
use dockerlings::tui::watch::{WatchMsg, WatchState, update};
use dockerlings::workshop::{Board, Status, WatchEvent, Watcher, Workshop, init};
use predicates::prelude::*;

/// Longest wait for a save to be reported (the debounce is 60 ms; CI machines are slow).
const BOUND: Duration = Duration::from_secs(5);

fn workshop() -> (tempfile::TempDir, Workshop) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("class");
    init(&dir, None, false).unwrap();
    let workshop = Workshop::open(&dir, None).unwrap();
    (tmp, workshop)
}

fn start(workshop: &Workshop) -> (Watcher, Receiver<WatchEvent>) {
    let (tx, rx) = channel();
    let watcher = Watcher::start(workshop, move |event| {
        let _ = tx.send(event);
    })
    .unwrap();
    (watcher, rx)
}

/// Waits for a change to exercise `index` and returns how long it took; other exercises'
/// events are skipped.
fn changed(rx: &Receiver<WatchEvent>, index: usize) -> Duration {
    let start = Instant::now();
    loop {
        let left = BOUND.saturating_sub(start.elapsed());
        match rx.recv_timeout(left) {
            Ok(WatchEvent::Changed(i)) if i == index => return start.elapsed(),
            Ok(_) => {}
            Err(_) => panic!("no change reported for exercise {index} within {BOUND:?}"),
        }
    }
}

/// Re-checks exercise `index` on each of its changes until it has status `want`, and returns
/// how long the first change took to arrive. On a loaded machine one save can arrive as two
/// reports (the file truncated, then written), so one report is not enough to wait for.
fn until_status(
    board: &mut Board,
    workshop: &Workshop,
    rx: &Receiver<WatchEvent>,
    index: usize,
    want: Status,
) -> Duration {
    let first = changed(rx, index);
    let start = Instant::now();
    while board.recheck(workshop, index).now != want {
        assert!(
            start.elapsed() < BOUND,
            "exercise {index} never became {want:?}"
        );
        changed(rx, index);
    }
    first
}

/// Waits until the watcher has been quiet for a while, dropping what it reported: the
/// debouncer can report one burst twice, and a late report would spoil a timing.
fn settle(rx: &Receiver<WatchEvent>) {
    while rx.recv_timeout(Duration::from_millis(300)).is_ok() {}
}

fn failing_text() -> &'static str {
    "FROM golang:1.26 AS build\nRUN go build -o /out/hello .\nFROM scratch\nCMD /hello\n"
}

fn solution(workshop: &Workshop, index: usize) -> String {
    workshop.exercises[index].exercise.solutions[0].clone()
}

/// Writes `text` beside the Dockerfile and renames it over, as vim, VS Code and JetBrains do.
fn save_by_rename(path: &Path, text: &str) {
    let tmp = path.with_file_name(".Dockerfile.swp-save");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn direct_write_then_rename_give_fail_then_pass() {
    let (_tmp, workshop) = workshop();
    let (_watcher, rx) = start(&workshop);
    let mut board = Board::scan(&workshop);
    let path = workshop.dockerfile(0);

    let saved = Instant::now();
    std::fs::write(&path, failing_text()).unwrap();
    until_status(&mut board, &workshop, &rx, 0, Status::Failing);
    let took = saved.elapsed();
    let verdict = board.outcomes[0].verdict().unwrap();
    assert!(
        verdict.failed_keys().any(|k| k == "final_copies_from"),
        "{verdict:#?}"
    );
    eprintln!("save-to-verdict, truncate-and-write: {took:?}");

    settle(&rx);
    let saved = Instant::now();
    save_by_rename(&path, &solution(&workshop, 0));
    until_status(&mut board, &workshop, &rx, 0, Status::Passed);
    let took = saved.elapsed();
    eprintln!("save-to-verdict, write-then-rename: {took:?}");
}

#[test]
fn backup_rename_saves_are_seen() {
    let (_tmp, workshop) = workshop();
    let (_watcher, rx) = start(&workshop);
    let mut board = Board::scan(&workshop);
    let path = workshop.dockerfile(0);
    let folder = workshop.folder(0);
    // vim (backupcopy=no): the file is renamed to a backup, a new one written, the backup removed.
    std::fs::rename(&path, folder.join("Dockerfile~")).unwrap();
    std::fs::write(&path, failing_text()).unwrap();
    std::fs::remove_file(folder.join("Dockerfile~")).unwrap();
    until_status(&mut board, &workshop, &rx, 0, Status::Failing);
    // JetBrains "safe write": new text to a temporary file, the old one renamed aside, the
    // temporary renamed into place, the old one deleted.
    let (tmp, old) = (
        folder.join("Dockerfile___jb_tmp___"),
        folder.join("Dockerfile___jb_old___"),
    );
    std::fs::write(&tmp, solution(&workshop, 0)).unwrap();
    std::fs::rename(&path, &old).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    std::fs::remove_file(&old).unwrap();
    until_status(&mut board, &workshop, &rx, 0, Status::Passed);
}

#[test]
fn reading_a_file_is_not_a_change() {
    let (_tmp, workshop) = workshop();
    let (_watcher, rx) = start(&workshop);
    let mut board = Board::scan(&workshop);
    std::fs::write(workshop.dockerfile(1), failing_text()).unwrap();
    changed(&rx, 1);
    settle(&rx);
    // Judging reads the file; a watcher that took reads for saves would report it again.
    assert_eq!(board.recheck(&workshop, 1).now, Status::Failing);
    match rx.recv_timeout(Duration::from_millis(500)) {
        Err(_) => {}
        Ok(event) => panic!("a read was reported as {event:?}"),
    }
}

#[test]
fn swap_and_context_files_are_not_the_exercise() {
    let (_tmp, workshop) = workshop();
    let (_watcher, rx) = start(&workshop);
    let folder = workshop.folder(0);
    std::fs::write(folder.join(".Dockerfile.swp"), "swap").unwrap();
    std::fs::write(folder.join("main.go"), "package main\n").unwrap();
    assert!(rx.recv_timeout(Duration::from_millis(500)).is_err());
}

fn state(workshop: Workshop) -> WatchState {
    WatchState::new(workshop, Store::unsaved("test"))
}

/// Feeds the changes of exercise `index` to the screen's update until `done` holds.
fn feed(
    state: &mut WatchState,
    rx: &Receiver<WatchEvent>,
    index: usize,
    done: impl Fn(&WatchState) -> bool,
) {
    let start = Instant::now();
    loop {
        changed(rx, index);
        update(state, WatchMsg::File(WatchEvent::Changed(index)));
        if done(state) {
            return;
        }
        assert!(start.elapsed() < BOUND, "stuck at: {}", message(state));
    }
}

fn status_is(want: Status) -> impl Fn(&WatchState) -> bool {
    move |state| state.board.status(&state.workshop, state.current) == want
}

fn says(text: &'static str) -> impl Fn(&WatchState) -> bool {
    move |state| message(state).contains(text)
}

fn message(state: &WatchState) -> String {
    state
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn screen_follows_saves_and_offers_the_next_exercise() {
    let (_tmp, workshop) = workshop();
    let (_watcher, rx) = start(&workshop);
    let path = workshop.dockerfile(0);
    let passing = solution(&workshop, 0);
    let mut state = state(workshop);
    assert_eq!(state.current, 0);

    std::fs::write(&path, failing_text()).unwrap();
    feed(&mut state, &rx, 0, status_is(Status::Failing));
    assert!(
        message(&state).contains("not met yet"),
        "{}",
        message(&state)
    );
    let progress = state.store.progress();
    let saved = progress
        .question("multi-stage-basics", "msb-ex-name-the-stages")
        .unwrap();
    assert_eq!((saved.attempts, saved.correct), (1, false));

    save_by_rename(&path, &passing);
    feed(&mut state, &rx, 0, status_is(Status::Passed));
    assert!(
        message(&state).contains("passes every requirement. n: on to 02-"),
        "{}",
        message(&state)
    );
    let saved = state
        .store
        .progress()
        .question("multi-stage-basics", "msb-ex-name-the-stages")
        .unwrap();
    assert_eq!((saved.attempts, saved.correct), (2, true));
}

#[test]
fn deleted_half_written_and_unreadable_files_are_shown_and_watching_goes_on() {
    let (_tmp, workshop) = workshop();
    let (_watcher, rx) = start(&workshop);
    let path = workshop.dockerfile(0);
    let passing = solution(&workshop, 0);
    let mut state = state(workshop);

    std::fs::remove_file(&path).unwrap();
    feed(&mut state, &rx, 0, says("the Dockerfile is missing"));
    assert_eq!(state.board.status(&state.workshop, 0), Status::Problem);

    // Half-written: a multi-byte character cut off by a write in progress.
    std::fs::write(&path, b"FROM caf\xc3").unwrap();
    feed(&mut state, &rx, 0, says("not UTF-8"));

    std::fs::write(&path, "").unwrap();
    feed(&mut state, &rx, 0, says("the Dockerfile is empty"));

    // Unreadable (a folder where the file was; permissions do not stop root).
    std::fs::remove_file(&path).unwrap();
    feed(&mut state, &rx, 0, says("missing"));
    std::fs::create_dir(&path).unwrap();
    feed(&mut state, &rx, 0, says("cannot read the Dockerfile"));
    std::fs::remove_dir(&path).unwrap();
    feed(&mut state, &rx, 0, says("missing"));

    // And the watcher still reports saves.
    save_by_rename(&path, &passing);
    feed(&mut state, &rx, 0, status_is(Status::Passed));
}

#[test]
fn watch_refuses_a_workshop_without_its_exercises_folder() {
    let (_tmp, workshop) = workshop();
    std::fs::remove_dir_all(workshop.exercises_dir()).unwrap();
    Command::cargo_bin("dockerlings")
        .unwrap()
        .arg("watch")
        .arg(&workshop.root)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the exercises folder is missing"));
}

#[test]
fn watch_refuses_a_folder_that_is_not_a_workshop() {
    let tmp = tempfile::tempdir().unwrap();
    Command::cargo_bin("dockerlings")
        .unwrap()
        .arg("watch")
        .arg(tmp.path())
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("is not a workshop folder")
                .and(predicate::str::contains("dockerlings workshop init")),
        );
    Command::cargo_bin("dockerlings")
        .unwrap()
        .arg("watch")
        .arg(tmp.path().join("missing"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"));
}

#[test]
fn saving_a_passed_file_again_keeps_first_try_credit() {
    let (_tmp, workshop) = workshop();
    let path = workshop.dockerfile(0);
    let passing = solution(&workshop, 0);
    let mut state = state(workshop);
    // Saves are fed by hand: this is about what is recorded, not about the watcher.
    let save = |state: &mut WatchState, text: &str| {
        std::fs::write(&path, text).unwrap();
        update(state, WatchMsg::File(WatchEvent::Changed(0)));
    };
    save(&mut state, &passing);
    save(
        &mut state,
        &format!("{passing}\n# tidied up after passing\n"),
    );
    save(&mut state, failing_text());
    let saved = state
        .store
        .progress()
        .question("multi-stage-basics", "msb-ex-name-the-stages")
        .cloned()
        .unwrap();
    assert_eq!((saved.attempts, saved.correct), (1, true), "{saved:?}");
    // Help looked at after the pass costs nothing either.
    let keys = [
        ratatui::crossterm::event::KeyCode::Char('h'),
        ratatui::crossterm::event::KeyCode::Char('s'),
    ];
    for code in keys {
        let key = ratatui::crossterm::event::KeyEvent::from(code);
        update(
            &mut state,
            WatchMsg::Ui(dockerlings::tui::event::Msg::Key(key)),
        );
    }
    let saved = state
        .store
        .progress()
        .question("multi-stage-basics", "msb-ex-name-the-stages")
        .unwrap();
    assert_eq!((saved.hints_used, saved.revealed), (0, false));
}

#[test]
fn a_save_selects_its_exercise_and_active_time_is_counted_for_it() {
    use std::cell::Cell;
    use std::rc::Rc;

    use dockerlings::tui::event::Msg;
    use dockerlings::tui::watch::state::IDLE_MS;
    use ratatui::crossterm::event::{KeyCode, KeyEvent};

    let (_tmp, workshop) = workshop();
    let (_watcher, rx) = start(&workshop);
    let path = workshop.dockerfile(2);
    let (lesson, question) = {
        let ex = &workshop.exercises[2];
        (ex.lesson_id.clone(), ex.question.id.clone())
    };
    let now = Rc::new(Cell::new(1_000_u64));
    let clock = Rc::clone(&now);
    let mut state = state(workshop).with_clock(move || clock.get());
    assert_eq!(state.current, 0);
    let spent = |state: &WatchState| {
        state
            .store
            .progress()
            .question(&lesson, &question)
            .map_or(0, |q| q.time_spent_ms)
    };

    // A minute in the learner's editor, then a save in the third exercise's folder.
    now.set(61_000);
    std::fs::write(&path, failing_text()).unwrap();
    feed(&mut state, &rx, 2, |s| s.current == 2);
    assert_eq!(state.current, 2, "the saved exercise is selected");
    assert!(
        message(&state).contains("not met yet"),
        "{}",
        message(&state)
    );
    assert_eq!(spent(&state), 60_000);

    // An hour away counts as at most IDLE_MS of work.
    now.set(61_000 + 3_600_000);
    update(
        &mut state,
        WatchMsg::Ui(Msg::Key(KeyEvent::from(KeyCode::Char('?')))),
    );
    assert_eq!(spent(&state), 60_000 + IDLE_MS);
}

#[test]
fn e_asks_for_the_editor_and_its_failure_is_shown() {
    use dockerlings::tui::event::Msg;
    use dockerlings::tui::update::Effect;
    use ratatui::crossterm::event::{KeyCode, KeyEvent};

    let (_tmp, workshop) = workshop();
    let mut state = state(workshop);
    let effects = update(
        &mut state,
        WatchMsg::Ui(Msg::Key(KeyEvent::from(KeyCode::Char('e')))),
    );
    assert_eq!(effects, [Effect::OpenEditor]);
    let failed = std::io::Error::new(std::io::ErrorKind::NotFound, "cannot run vi");
    update(&mut state, WatchMsg::Edited(0, Err(failed.into())));
    assert_eq!(message(&state), "✗ $EDITOR: cannot run vi");
}

#[test]
fn a_changed_outcome_without_an_attempt_is_saved_and_so_reported() {
    use dockerlings::tui::update::Effect;

    let (_tmp, workshop) = workshop();
    let path = workshop.dockerfile(1);
    let mut state = state(workshop);
    std::fs::remove_file(&path).unwrap();
    let effects = update(&mut state, WatchMsg::File(WatchEvent::Changed(1)));
    assert!(effects.contains(&Effect::SaveProgress), "{effects:?}");
    assert_eq!(state.current, 1);
}
