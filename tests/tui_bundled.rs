//! The bundled course in the TUI: it loads without errors, and every section of every lesson
//! is reachable with `n` and draws at 80x24 and 120x40 with the right position and title.
//! (Not snapshots: the lesson text belongs to its authors and changes.)

mod tui_fixture;

use dockerlings::course::Course;
use dockerlings::tui::App;
use dockerlings::tui::event::Msg;
use dockerlings::tui::update::update;
use ratatui::crossterm::event::KeyCode;
use tui_fixture::{ch, draw, key};

fn screen_text(app: &App) -> Vec<String> {
    let terminal = draw(app);
    let buf = terminal.backend().buffer();
    // Skip the cells hidden behind wide characters, so the text reads as written.
    (0..buf.area.height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let symbol = buf[(x, y)].symbol();
                line.push_str(symbol);
                x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1)).unwrap();
            }
            line
        })
        .collect()
}

#[test]
fn every_bundled_section_is_reachable_and_draws() {
    let course = Course::bundled();
    assert!(
        course.errors.is_empty(),
        "bundled lessons fail to load: {:?}",
        course.errors
    );
    assert!(!course.lessons.is_empty());
    let total: usize = course.lessons.iter().map(|l| l.sections.len()).sum();
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = App::new(course.clone());
        update(&mut app, Msg::Resize(w, h));
        update(&mut app, key(KeyCode::Enter));
        let mut visited = 0;
        loop {
            let r = app.reader().cloned().unwrap();
            let lesson = &app.course.lessons[r.lesson];
            let section = &lesson.sections[r.section];
            let text = screen_text(&app);
            let title: String = section.title.chars().take(20).collect();
            assert!(
                text.iter().any(|l| l.contains(&title)),
                "{w}x{h}: section title {title:?} not shown:\n{}",
                text.join("\n")
            );
            let position = format!(
                "lesson {}/{} · section {}/{}",
                r.lesson + 1,
                app.course.lessons.len(),
                r.section + 1,
                lesson.sections.len()
            );
            assert!(
                text.last().unwrap().contains(&position),
                "{w}x{h}: {position}"
            );
            visited += 1;
            update(&mut app, ch('n'));
            if app.reader() == Some(&r) {
                break;
            }
        }
        assert_eq!(visited, total, "{w}x{h}: n walks every section once");
    }
}
