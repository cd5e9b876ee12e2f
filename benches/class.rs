//! The class screen with 300 learners (goal: load + draw within 50 ms): reading the class
//! folder's 300 live results files into a snapshot, then drawing it at 120x40 on a
//! TestBackend; and the draw alone, which is what a clock tick costs.
//!
//! Run: `cargo bench --bench class`.

#[path = "../tests/class_fixture/mod.rs"]
mod class_fixture;

use class_fixture::{NOW_MS, class_of};
use dockerlings::tui::class::{ClassMsg, ClassState, update};
use dockerlings::tui::event::Msg;
use dockerlings::tui::screens;
use dockerlings::workshop::class::Snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const LEARNERS: usize = 300;

fn main() {
    divan::main();
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    class_of(dir.path(), LEARNERS);
    dir
}

fn state(dir: &std::path::Path) -> ClassState {
    let snapshot = Snapshot::load(dir, NOW_MS).unwrap();
    assert_eq!(snapshot.learners.len(), LEARNERS);
    let mut state = ClassState::new(dir.to_path_buf(), snapshot);
    update(&mut state, ClassMsg::Ui(Msg::Resize(120, 40)));
    state
}

#[divan::bench]
fn load_and_draw_300_learners(bencher: divan::Bencher) {
    let dir = folder();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    bencher.bench_local(|| {
        let state = state(dir.path());
        terminal
            .draw(|frame| screens::class::render(&state, frame))
            .unwrap();
    });
}

#[divan::bench]
fn draw_300_learners(bencher: divan::Bencher) {
    let dir = folder();
    let state = state(dir.path());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    bencher.bench_local(|| {
        terminal
            .draw(|frame| screens::class::render(&state, frame))
            .unwrap();
    });
}
