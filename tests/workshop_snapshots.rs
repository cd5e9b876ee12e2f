//! Snapshots of the watch screen (TestBackend + insta): the exercise list with its status
//! marks and the current exercise highlighted, and the verdict panel (checklist, findings with
//! their source lines, hints, problems with the file, a solution). Saves are simulated by
//! writing the file and handing `update` the change the watcher would report.
//! Review changes with `cargo insta review` or `INSTA_UPDATE=always cargo test`.

use dockerlings::progress::Store;
use dockerlings::tui::event::Msg;
use dockerlings::tui::screens;
use dockerlings::tui::watch::{WatchMsg, WatchState, update};
use dockerlings::workshop::{WatchEvent, Workshop, init};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const FAILING: &str = "FROM golang:1.26 AS build\nWORKDIR /src\nCOPY . .\n\
RUN go build -o /out/hello .\n\nFROM scratch\nCOPY --from=build /out/hello /hello\nCMD /hello\n";

/// A fresh workshop in `<tmp>/class` (the title shows the folder's name), at `w`x`h`.
fn watch(w: u16, h: u16) -> (tempfile::TempDir, WatchState) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("class");
    init(&dir, None, false).unwrap();
    let workshop = Workshop::open(&dir, None).unwrap();
    let mut state = WatchState::new(workshop, Store::unsaved("snapshot"));
    update(&mut state, WatchMsg::Ui(Msg::Resize(w, h)));
    (tmp, state)
}

/// Writes exercise `index`'s Dockerfile (or removes it) and reports the save.
fn save(state: &mut WatchState, index: usize, text: Option<&str>) {
    let path = state.workshop.dockerfile(index);
    match text {
        Some(text) => std::fs::write(&path, text).unwrap(),
        None => std::fs::remove_file(&path).unwrap(),
    }
    update(state, WatchMsg::File(WatchEvent::Changed(index)));
}

fn press(state: &mut WatchState, c: char) {
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    update(state, WatchMsg::Ui(Msg::Key(key)));
}

fn draw(state: &WatchState) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(state.area.width, state.area.height)).unwrap();
    terminal
        .draw(|frame| screens::watch::render(state, frame))
        .unwrap();
    terminal
}

#[test]
fn list_at_start_shows_every_exercise_not_started() {
    let (_tmp, state) = watch(80, 24);
    insta::assert_snapshot!("watch_list_start_80x24", draw(&state).backend());
}

#[test]
fn verdict_panel_after_a_failing_save() {
    let (_tmp, mut state) = watch(100, 30);
    save(&mut state, 0, Some(FAILING));
    insta::assert_snapshot!("watch_verdict_failing_100x30", draw(&state).backend());
}

#[test]
fn verdict_panel_with_a_hint_and_other_exercises_done() {
    let (_tmp, mut state) = watch(80, 24);
    let solution = state.workshop.exercises[1].exercise.solutions[0].clone();
    save(&mut state, 1, Some(&solution));
    save(&mut state, 0, Some(FAILING));
    press(&mut state, 'h');
    insta::assert_snapshot!("watch_verdict_hint_80x24", draw(&state).backend());
}

#[test]
fn passing_save_offers_the_next_exercise() {
    let (_tmp, mut state) = watch(80, 24);
    let solution = state.workshop.exercises[0].exercise.solutions[0].clone();
    save(&mut state, 0, Some(&solution));
    insta::assert_snapshot!("watch_verdict_passed_80x24", draw(&state).backend());
}

#[test]
fn deleted_file_is_a_problem_on_screen() {
    let (_tmp, mut state) = watch(80, 24);
    press(&mut state, 'j');
    save(&mut state, 1, None);
    insta::assert_snapshot!("watch_missing_file_80x24", draw(&state).backend());
}

#[test]
fn solution_panel_and_narrow_layout() {
    let (_tmp, mut state) = watch(60, 20);
    press(&mut state, 's');
    insta::assert_snapshot!("watch_solution_60x20", draw(&state).backend());
}

#[test]
fn long_verdict_scrolls() {
    let (_tmp, mut state) = watch(80, 24);
    save(&mut state, 0, Some(FAILING));
    press(&mut state, ' ');
    insta::assert_snapshot!("watch_verdict_scrolled_80x24", draw(&state).backend());
}

#[test]
fn reset_asks_then_puts_the_starter_back_and_keys_are_recorded() {
    let (_tmp, mut state) = watch(80, 24);
    let path = state.workshop.dockerfile(0);
    save(&mut state, 0, Some(FAILING));
    press(&mut state, 'r');
    assert!(state.confirm_reset);
    press(&mut state, 'x');
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FAILING);
    press(&mut state, 'r');
    press(&mut state, 'y');
    let starter = &state.workshop.exercises[0].exercise.starter;
    assert_eq!(&std::fs::read_to_string(&path).unwrap(), starter);
    insta::assert_snapshot!("watch_after_reset_80x24", draw(&state).backend());

    press(&mut state, 'h');
    press(&mut state, 's');
    let saved = state
        .store
        .progress()
        .question("multi-stage-basics", "msb-ex-name-the-stages")
        .unwrap();
    assert_eq!((saved.hints_used, saved.revealed), (1, true));
    // One attempt: the failing save; the reset back to the starter is none.
    assert_eq!(saved.attempts, 1);
}

#[test]
fn keys_panel_lists_the_key_table() {
    let (_tmp, mut state) = watch(80, 24);
    press(&mut state, '?');
    insta::assert_snapshot!("watch_keys_80x24", draw(&state).backend());
}

#[test]
fn keys_move_and_next_skips_passing_exercises() {
    let (_tmp, mut state) = watch(80, 24);
    let last = state.workshop.exercises.len() - 1;
    press(&mut state, 'G');
    assert_eq!(state.current, last);
    press(&mut state, 'j');
    assert_eq!(state.current, last, "j stops at the end");
    press(&mut state, 'g');
    press(&mut state, 'k');
    assert_eq!(state.current, 0, "k stops at the top");
    let solution = state.workshop.exercises[1].exercise.solutions[0].clone();
    save(&mut state, 1, Some(&solution));
    press(&mut state, 'n');
    assert_eq!(state.current, 2, "n skips the passing exercise 2");
}

/// `r` then `y` on an exercise whose Dockerfile is a link: the file it points to is kept, and
/// the refusal is on screen.
#[cfg(unix)]
#[test]
fn reset_never_writes_through_a_link() {
    let (tmp, mut state) = watch(80, 24);
    let path = state.workshop.dockerfile(0);
    let outside = tmp.path().join("outside-Dockerfile");
    std::fs::write(&outside, "FROM mine\n").unwrap();
    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink(&outside, &path).unwrap();
    press(&mut state, 'r');
    press(&mut state, 'y');
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "FROM mine\n");
    assert!(
        std::fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let message = state
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(message.contains("is a symbolic link"), "{message}");
}

/// A progress path the session cannot save to stays named in the status bar.
#[test]
fn status_says_when_progress_is_not_saved() {
    let (tmp, state) = watch(80, 24);
    let (store, _) = Store::open(tmp.path()).unwrap();
    let exercises = state.workshop.exercises.len();
    let state = WatchState::new(state.workshop, store);
    let text: String = draw(&state)
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(
        text.contains(&format!("exercise 1/{exercises} · progress not saved")),
        "{text}"
    );
}
