//! TUI frame costs on the bundled course (TestBackend, no real terminal):
//! - start-up: load the bundled course and draw the first frame at 120x40 (goal < 5 ms);
//! - the longest section at 120x40: a frame scrolled by one line (goal < 1 ms), and the
//!   layout a resize adds to the next frame.
//!
//! Run: `cargo bench --bench tui`.

use std::sync::Arc;

use dockerlings::course::Course;
use dockerlings::course::layout::layout;
use dockerlings::highlight::{ColorDepth, Highlighter};
use dockerlings::tui::App;
use dockerlings::tui::code::CodeColours;
use dockerlings::tui::event::Msg;
use dockerlings::tui::screens::{self, reader::Geometry};
use dockerlings::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

fn main() {
    // The binary compiles the grammars on a background thread at start-up; do it once here,
    // so no bench pays for it or shares the CPU with it.
    dockerlings::highlight::warm_up();
    divan::main();
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap()
}

/// The bundled course as the binary opens it: with code colours (16 colours here, so the
/// numbers do not depend on the bench's environment).
fn bundled_app() -> App {
    let mut app = App::new(Course::bundled());
    app.code_colours = Some(CodeColours {
        highlighter: Arc::new(Highlighter::default()),
        depth: ColorDepth::Ansi16,
    });
    app
}

/// An app at 120x40 with the reader on the section with the most laid-out lines.
fn app_on_longest_section() -> App {
    let mut app = bundled_app();
    update(&mut app, Msg::Resize(WIDTH, HEIGHT));
    let width = Geometry::new(Rect::new(0, 0, WIDTH, HEIGHT)).text.width;
    let mut longest = (0, 0, 0);
    for (l, lesson) in app.course.lessons.iter().enumerate() {
        for s in 0..lesson.sections.len() {
            let lines = app.section_view(l, s, width).lines.len();
            if lines > longest.2 {
                longest = (l, s, lines);
            }
        }
    }
    for _ in 0..longest.0 {
        update(&mut app, key('j'));
    }
    update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    );
    for _ in 0..longest.1 {
        update(&mut app, key('n'));
    }
    app
}

#[divan::bench]
fn startup_load_and_first_frame() -> Terminal<TestBackend> {
    let mut app = bundled_app();
    update(&mut app, Msg::Resize(WIDTH, HEIGHT));
    let mut terminal = terminal();
    terminal.draw(|f| screens::render(&app, f)).unwrap();
    terminal
}

#[divan::bench]
fn longest_section_scroll_frame(bencher: divan::Bencher) {
    let mut app = app_on_longest_section();
    let mut terminal = terminal();
    terminal.draw(|f| screens::render(&app, f)).unwrap();
    let mut down = true;
    bencher.bench_local(|| {
        // Scroll one line each frame, turning at either end, so every frame has a real diff.
        let before = app.reader().map(|r| r.scroll);
        update(&mut app, key(if down { 'j' } else { 'k' }));
        if app.reader().map(|r| r.scroll) == before {
            down = !down;
        }
        terminal.draw(|f| screens::render(&app, f)).unwrap();
    });
}

/// What a resize adds to the next frame: laying the longest section out again at 120x40's
/// text width (the frame itself then costs what `longest_section_scroll_frame` does).
#[divan::bench]
fn longest_section_layout(bencher: divan::Bencher) {
    let app = app_on_longest_section();
    let r = app.reader().unwrap();
    let doc = &app.course.lessons[r.lesson].sections[r.section].doc;
    let width = Geometry::new(Rect::new(0, 0, WIDTH, HEIGHT)).text.width;
    bencher.bench(|| layout(doc, width));
}

/// A Dockerfile of `stages` stages, each copying from the one before (the inspect bench's
/// worst case: one box, one arrow and one table row per stage, and a lane to the first).
fn chain_dockerfile(stages: usize) -> String {
    let mut text = String::from("FROM golang:1.26 AS s0\nRUN go build -o /app .\n");
    for i in 1..stages {
        text.push_str(&format!(
            "FROM alpine:3.22 AS s{i}\nCOPY --from=s{} /app /app\n",
            i - 1
        ));
    }
    text.push_str("COPY --from=s0 /app /first\n");
    text
}

/// The inspect view's frame at 120x40, scrolled one row each frame: the notes' Node.js on
/// distroless example and a 30-stage chain (goal < 1 ms, like the reader's frame).
#[divan::bench(args = [2, 30])]
fn inspect_scroll_frame(bencher: divan::Bencher, stages: usize) {
    let text = if stages == 2 {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/notes/node-distroless.Dockerfile"
        ))
        .unwrap()
    } else {
        chain_dockerfile(stages)
    };
    let mut app = bundled_app();
    update(&mut app, Msg::Resize(WIDTH, HEIGHT));
    let view = dockerlings::tui::inspect::from_report::view_of(&text, "bench");
    dockerlings::tui::inspect::open(&mut app, view);
    let mut terminal = terminal();
    let mut down = true;
    bencher.bench_local(|| {
        let before = app.top().clone();
        update(&mut app, key(if down { 'j' } else { 'k' }));
        if *app.top() == before {
            down = !down;
        }
        terminal.draw(|f| screens::render(&app, f)).unwrap();
    });
}
