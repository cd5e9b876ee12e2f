//! Every screen drawn at every size from 1x1 to 300x100 (stepping, plus the edges) without a
//! panic and, where text fits, not blank; and never written outside the area it is given.

mod tui_fixture;

use std::panic::{AssertUnwindSafe, catch_unwind};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Position, Rect};
use tui_fixture::{app, app_on, ch, course, key, send};

use dockerlings::course::Course;

use dockerlings::tui::event::Msg;
use dockerlings::tui::screens;

fn sizes(max: u16, step: usize, edges: &[u16]) -> Vec<u16> {
    let mut v: Vec<u16> = (1..=max)
        .step_by(step)
        .chain(edges.iter().copied())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Key paths from a fresh app to each screen and section of the fixture course.
fn paths() -> Vec<Vec<Msg>> {
    let enter = key(KeyCode::Enter);
    vec![
        vec![],
        vec![ch('?')],
        vec![ch('?'), ch('G'), ch('j'), ch('j')],
        vec![enter],
        vec![enter, ch('G')],
        vec![enter, ch('?')],
        vec![enter, ch('n')],
        vec![enter, ch('n'), ch('n'), ch('G')],
        vec![ch('j'), enter],
        vec![ch('j'), enter, ch('n')],
        vec![ch('j'), enter, ch('n'), ch('n'), ch('G'), ch('k')],
        vec![ch('G'), enter],
    ]
}

/// Key paths through the bundled course: home, the first and a later section, scrolled.
fn bundled_paths() -> Vec<Vec<Msg>> {
    let enter = key(KeyCode::Enter);
    vec![
        vec![],
        vec![enter, ch('G')],
        vec![ch('j'), ch('j'), enter, ch('n'), ch(' ')],
        vec![ch('G'), enter, ch('n'), ch('n'), ch('G')],
    ]
}

#[test]
fn every_screen_draws_at_every_size() {
    sweep(course(), paths());
}

#[test]
fn the_bundled_course_draws_at_every_size() {
    sweep(Course::bundled(), bundled_paths());
}

/// Each path's screen, resized through every size (width outer, so a section is laid out
/// once per width) and drawn; a panic names the size and path. Resizing a live app also exercises the scroll clamping.
fn sweep(course: Course, paths: Vec<Vec<Msg>>) {
    let widths = sizes(300, 7, &[1, 2, 3, 4, 5, 80, 120, 299, 300]);
    let heights = sizes(100, 5, &[1, 2, 3, 4, 7, 8, 24, 40, 99, 100]);
    let mut blank = Vec::new();
    for path in &paths {
        let mut app = app_on(course.clone(), 80, 24);
        send(&mut app, path.iter().copied());
        for &w in &widths {
            for &h in &heights {
                send(&mut app, [Msg::Resize(w, h)]);
                // Straight into a buffer: the screens' code is what is under test here.
                let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
                let area = buf.area;
                let drawn = catch_unwind(AssertUnwindSafe(|| screens::draw(&app, &mut buf, area)));
                assert!(drawn.is_ok(), "panicked at {w}x{h} after {path:?}");
                // Not panicking by drawing nothing: wherever a line of text fits, something is shown.
                let shown = buf.content().iter().any(|cell| cell.symbol() != " ");
                if w >= MIN_TEXT.0 && h >= MIN_TEXT.1 && !shown {
                    blank.push(format!("{w}x{h} after {path:?}"));
                }
            }
        }
    }
    assert!(
        blank.is_empty(),
        "blank screens at:\n  {}",
        blank.join("\n  ")
    );
}

/// The smallest screen (columns, rows) on which every screen shows at least some text.
const MIN_TEXT: (u16, u16) = (10, 3);

#[test]
fn drawing_into_an_offset_area_stays_inside_it() {
    // The screens must honour the area they are given, not assume (0, 0).
    for path in paths() {
        let mut app = app(40, 12);
        send(&mut app, path.iter().copied());
        let mut buf = Buffer::empty(Rect::new(0, 0, 60, 20));
        let area = Rect::new(10, 5, 40, 12);
        screens::draw(&app, &mut buf, area);
        for y in 0..20 {
            for x in 0..60 {
                if !area.contains(Position::new(x, y)) {
                    assert_eq!(
                        buf[(x, y)].symbol(),
                        " ",
                        "({x},{y}) written after {path:?}"
                    );
                }
            }
        }
    }
}
