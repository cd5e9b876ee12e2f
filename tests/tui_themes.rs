//! Every theme recolours the whole UI, shown cell by cell (issue #13, item 6): `light` sets no
//! text in yellow, `high-contrast` never dims, and without colour only bold, reverse and
//! underline are used, the same on every frame. Snapshots list each run of styled cells.

mod tui_fixture;

use std::sync::Arc;

use dockerlings::highlight::{ColorDepth, Highlighter};
use dockerlings::tui::{App, CodeColours};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier, Style};
use tui_fixture::{app, ch, draw, key, send};

/// The fixture course at 80x24 in theme `name` at `depth`.
fn themed(name: &str, depth: ColorDepth) -> App {
    let theme = name.parse().expect("a theme name");
    let colours = CodeColours {
        highlighter: Arc::new(Highlighter::new(theme)),
        depth,
    };
    app(80, 24).with_colours(colours)
}

/// The screen as text, each row followed by its runs of styled cells (`cols style`).
fn styled_dump(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(&format!("{:>2}|{}\n", y, row.trim_end()));
        let mut x = 0;
        while x < buf.area.width {
            let style = buf[(x, y)].style();
            let start = x;
            while x < buf.area.width && buf[(x, y)].style() == style {
                x += 1;
            }
            if style != Style::default() && style != Style::reset() {
                out.push_str(&format!("    {start}-{}: {}\n", x - 1, describe(style)));
            }
        }
    }
    out
}

fn describe(style: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = style.fg.filter(|c| *c != Color::Reset) {
        parts.push(format!("fg {fg:?}"));
    }
    if let Some(bg) = style.bg.filter(|c| *c != Color::Reset) {
        parts.push(format!("bg {bg:?}"));
    }
    if !style.add_modifier.is_empty() {
        parts.push(format!("{:?}", style.add_modifier));
    }
    parts.join(", ")
}

/// Every cell of the reader on the concept section (inline code, heading, link, tip) and on
/// the example section (a code block, a warning), and of the help overlay.
fn cells(app: &mut App) -> Vec<Style> {
    let mut styles = Vec::new();
    send(app, [key(KeyCode::Enter)]);
    for msgs in [vec![], vec![ch('n')], vec![ch('?')]] {
        send(app, msgs);
        let terminal = draw(app);
        let buf = terminal.backend().buffer();
        styles.extend(buf.content().iter().map(|c| c.style()));
    }
    styles
}

#[test]
fn each_theme_recolours_the_reader() {
    for (name, depth) in [
        ("ansi", ColorDepth::Ansi16),
        ("light", ColorDepth::Ansi16),
        ("high-contrast", ColorDepth::Ansi16),
        ("ansi", ColorDepth::None),
    ] {
        let mut app = themed(name, depth);
        send(&mut app, [key(KeyCode::Enter)]);
        let terminal = draw(&app);
        let label = if depth == ColorDepth::None {
            "no-colour"
        } else {
            name
        };
        insta::assert_snapshot!(
            format!("reader_{label}"),
            styled_dump(terminal.backend().buffer())
        );
    }
}

#[test]
fn light_sets_no_text_in_yellow() {
    // In true colour, so that code keeps the light syntax theme's own RGB colours: the named
    // colours left are the UI's.
    let mut app = themed("light", ColorDepth::TrueColor);
    for style in cells(&mut app) {
        assert!(
            !matches!(style.fg, Some(Color::Yellow | Color::LightYellow)),
            "{style:?}"
        );
    }
}

#[test]
fn high_contrast_never_dims() {
    let mut app = themed("high-contrast", ColorDepth::Ansi16);
    for style in cells(&mut app) {
        assert!(!style.add_modifier.contains(Modifier::DIM), "{style:?}");
    }
}

#[test]
fn without_colour_only_bold_reverse_and_underline_and_the_same_every_frame() {
    let allowed = Modifier::BOLD | Modifier::REVERSED | Modifier::UNDERLINED;
    let mut app = themed("dark", ColorDepth::None);
    let first = cells(&mut app);
    for style in &first {
        assert!(
            matches!(style.fg, None | Some(Color::Reset))
                && matches!(style.bg, None | Some(Color::Reset)),
            "{style:?}"
        );
        assert!(allowed.contains(style.add_modifier), "{style:?}");
    }
    // Once the highlighter has had all the time it wants, the frames are the same.
    dockerlings::highlight::warm_up();
    let mut again = themed("dark", ColorDepth::None);
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert_eq!(cells(&mut again), first);
}
