//! The inspect view (run verdict, stage graph, paths, size chart, attack-surface table):
//! snapshots of the notes' four example Dockerfiles, a broken file, images that would not
//! start, a 30-stage graph that scrolls, terminals down to a few columns, and the keys that
//! open it from the reader and from an exercise.
//! Review changes with `cargo insta review` or `INSTA_UPDATE=always cargo test --test tui_inspect`.

mod tui_fixture;

use std::path::Path;

use dockerlings::course::Course;
use dockerlings::tui::App;
use dockerlings::tui::app::Screen;
use dockerlings::tui::event::Msg;
use dockerlings::tui::inspect;
use dockerlings::tui::inspect::draw::page;
use dockerlings::tui::inspect::from_report::view_of;
use dockerlings::tui::inspect::pick::code_blocks;
use dockerlings::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_fixture::{app, app_on, ch, draw, key, screen_text, send};

const EXAMPLES: [&str; 4] = ["node", "go-alpine", "go-distroless", "node-distroless"];

fn example(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/notes")
        .join(format!("{name}.Dockerfile"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A buffer's text, trailing spaces trimmed, one line per row.
fn text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| {
            let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn page_text(dockerfile: &str, width: u16) -> String {
    let view = view_of(dockerfile, "example");
    text(&page::render(&view, &Theme::default(), width).buf)
}

/// The whole page (graph, chart, table) for each example at 120 columns. The figures come
/// from the table of known images (`assets/images.yaml`): a change there shows up here.
/// Stacked boxes are covered by the 40-column and 30-stage snapshots.
#[test]
fn the_notes_examples_graph_chart_and_table() {
    for name in EXAMPLES {
        let page = page_text(&example(name), 120);
        insta::assert_snapshot!(format!("page_{name}_120"), page);
    }
}

#[test]
fn the_notes_examples_say_what_ships_and_what_stays() {
    for name in EXAMPLES {
        let page = page_text(&example(name), 120);
        assert!(page.contains("╔"), "{name}: the final stage is marked");
        assert!(page.contains("ships"), "{name}");
        assert!(page.contains("kitchen"), "{name}: the builder stays behind");
        assert!(page.contains("← builder"), "{name}: the copy is named");
        assert!(page.contains("final image") && page.contains("single-stage"));
        assert!(page.contains("shell") && page.contains("libc"));
    }
}

fn app_with_view(dockerfile: &str, width: u16, height: u16) -> App {
    let mut app = app(width, height);
    inspect::open(&mut app, view_of(dockerfile, "test"));
    app
}

#[test]
fn a_broken_dockerfile_lists_its_errors_and_still_shows_the_rest() {
    let broken = "FROM golang:1.20 AS builder\nFORM nothing\nCOPY --from=nowhere /a /b\n\
                  FROM alpine\nCOPY --from=builder /app /app\n";
    let page = page_text(broken, 80);
    assert!(page.contains("Problems ("), "{page}");
    assert!(page.contains("line 2"), "{page}");
    assert!(page.contains("0 builder") && page.contains("Attack surface"));
    let app = app_with_view(broken, 80, 30);
    insta::assert_snapshot!("broken_80x30", draw(&app).backend());
}

fn thirty_stages() -> String {
    let mut text = String::from("FROM alpine:3.20 AS s0\nRUN echo 0 > /0\n");
    for i in 1..30 {
        text.push_str(&format!(
            "FROM alpine:3.20 AS s{i}\nCOPY --from=s{} /{} /{i}\n",
            i - 1,
            i - 1
        ));
    }
    text.push_str("COPY --from=s0 /0 /first\n");
    text
}

#[test]
fn a_thirty_stage_graph_scrolls_with_the_keys() {
    let mut app = app_with_view(&thirty_stages(), 80, 24);
    let top = screen_text(&app);
    assert!(top.iter().any(|l| l.contains("0 s0")));
    assert!(!top.iter().any(|l| l.contains("29 s29")));
    send(&mut app, [ch('j')]);
    assert_ne!(screen_text(&app), top, "j scrolls a line");
    send(&mut app, [ch('k')]);
    assert_eq!(screen_text(&app), top, "k scrolls back");
    send(&mut app, [key(KeyCode::PageDown)]);
    let Screen::Inspect(state) = app.top() else {
        panic!("the inspect view is open");
    };
    assert_eq!(state.scroll, 22, "a page is the body less one row");
    send(&mut app, [ch('G')]);
    let bottom = screen_text(&app);
    assert!(
        bottom
            .iter()
            .any(|l| l.contains("Attack surface") || l.contains("s29"))
    );
    assert!(bottom.last().unwrap().contains("100%"), "{bottom:?}");
    // The last stage's box comes into view on the way down.
    let mut seen_last = false;
    send(&mut app, [ch('g')]);
    for _ in 0..400 {
        seen_last |= screen_text(&app).iter().any(|l| l.contains("29 s29"));
        send(&mut app, [ch('j')]);
    }
    assert!(seen_last);
    send(&mut app, [ch('g')]);
    assert_eq!(screen_text(&app), top);
    insta::assert_snapshot!("thirty_stages_80x24", draw(&app).backend());
}

#[test]
fn narrow_and_tiny_terminals_do_not_panic() {
    let mut files: Vec<String> = EXAMPLES.iter().map(|n| example(n)).collect();
    files.push(thirty_stages());
    files.push("FORM x\n\u{1b}[31m\tCOPY --from=0 a b\n".into());
    files.push(String::new());
    for file in &files {
        for (w, h) in [(40, 24), (40, 10), (20, 8), (12, 5), (3, 2), (1, 1), (0, 0)] {
            let mut app = app_with_view(file, w, h);
            draw(&app);
            for msg in [ch('G'), ch('j'), key(KeyCode::PageUp), ch('g')] {
                send(&mut app, [msg]);
                draw(&app);
            }
        }
    }
    let app = app_with_view(&example("node-distroless"), 40, 40);
    insta::assert_snapshot!("node_distroless_40x40", draw(&app).backend());
}

#[test]
fn resizing_keeps_the_scroll_in_range() {
    let mut app = app_with_view(&thirty_stages(), 80, 24);
    send(&mut app, [ch('G')]);
    send(&mut app, [Msg::Resize(120, 60)]);
    let text = screen_text(&app);
    assert!(text.last().unwrap().contains("100%"), "{text:?}");
}

#[test]
fn i_in_the_reader_opens_the_example_on_screen_and_q_returns() {
    // The fixture's second section has a Dockerfile; the first has none.
    let mut app = app(80, 24);
    send(&mut app, [key(KeyCode::Enter)]);
    // The status bar takes the last two rows at 80 columns.
    let bar = |rows: &[String]| rows[rows.len() - 2..].join("\n");
    let reader = screen_text(&app);
    assert!(!bar(&reader).contains("i inspect"), "no Dockerfile here");
    send(&mut app, [ch('i')]);
    assert!(matches!(app.top(), Screen::Reader(_)), "nothing to inspect");

    send(&mut app, [ch('n')]);
    let reader = screen_text(&app);
    assert!(bar(&reader).contains("i inspect"), "{reader:?}");
    send(&mut app, [ch('i')]);
    assert!(matches!(app.top(), Screen::Inspect(_)));
    let text = screen_text(&app);
    assert!(
        text[0].contains("the example in “A Go example”"),
        "{text:?}"
    );
    assert!(text.iter().any(|l| l.contains("0 build")));
    insta::assert_snapshot!("from_reader_80x24", draw(&app).backend());
    send(&mut app, [ch('q')]);
    assert_eq!(screen_text(&app), reader);
    send(&mut app, [ch('i'), key(KeyCode::Esc)]);
    assert_eq!(screen_text(&app), reader);
}

#[test]
fn ctrl_t_in_an_exercise_inspects_the_learners_file_and_esc_returns() {
    let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quiz-pack");
    let course = Course::load_dir(pack).unwrap();
    let mut app = app_on(course, 100, 30);
    send(&mut app, [ch('t')]);
    for _ in 0..6 {
        send(&mut app, [key(KeyCode::Right)]);
    }
    send(&mut app, [key(KeyCode::Enter)]);
    assert!(matches!(app.top(), Screen::Exercise(_)), "on the exercise");
    let editor = screen_text(&app);
    let ctrl_t = Msg::Key(KeyEvent::new(KeyCode::Char('t'), KeyModifiers::CONTROL));
    send(&mut app, [ctrl_t]);
    assert!(matches!(app.top(), Screen::Inspect(_)));
    let text = screen_text(&app);
    assert!(text[0].contains("Inspect: your Dockerfile"), "{text:?}");
    send(&mut app, [key(KeyCode::Esc)]);
    assert!(matches!(app.top(), Screen::Exercise(_)));
    assert_eq!(screen_text(&app), editor);
}

#[test]
fn the_help_lists_the_inspect_keys() {
    let mut app = app(80, 200);
    send(&mut app, [ch('?')]);
    let help = screen_text(&app).join("\n");
    assert!(help.contains("Inspect view"), "{help}");
    assert!(help.contains("inspect the Dockerfile on screen"));
    assert!(help.contains("Ctrl-T"));
}

#[test]
fn n_and_p_jump_between_the_parts() {
    let mut app = app_with_view(&thirty_stages(), 80, 24);
    send(&mut app, [ch('n')]);
    assert!(screen_text(&app)[0].contains("Would it start"));
    send(&mut app, [ch('n')]);
    assert!(screen_text(&app)[0].contains("Stage graph"));
    send(&mut app, [ch('n'), ch('n')]);
    assert!(
        screen_text(&app)[0].contains("Image size"),
        "{:?}",
        screen_text(&app)
    );
    send(&mut app, [key(KeyCode::Tab)]);
    let at_end = screen_text(&app);
    assert!(at_end.iter().any(|l| l.contains("Attack surface")));
    send(&mut app, [ch('p')]);
    assert!(screen_text(&app)[0].contains("Image size"));
    send(&mut app, [ch('p'), ch('p'), ch('p'), ch('p')]);
    assert!(screen_text(&app)[0].contains("Inspect: test"));
}

#[test]
fn an_unknown_base_image_is_said_to_be_unknown_everywhere() {
    let page = page_text("FROM example.com/mystery:1.0\nRUN make\n", 100);
    assert!(
        page.contains("FROM example.com/mystery:1.0 (unknown)"),
        "{page}"
    );
    let chart_row = page.lines().find(|l| l.contains("final image")).unwrap();
    assert!(chart_row.contains("unknown"), "{chart_row}");
    let table_row = page.lines().last().unwrap();
    assert_eq!(table_row.matches("unknown").count(), 4, "{table_row}");
}

/// Every Dockerfile in the bundled lessons gets the view at three widths, with a box per stage.
#[test]
fn every_bundled_example_can_be_inspected() {
    let course = Course::bundled();
    let mut seen = 0;
    for lesson in &course.lessons {
        for section in &lesson.sections {
            for (lang, code) in code_blocks(&section.doc) {
                if !dockerlings::tui::code::is_dockerfile(lang) {
                    continue;
                }
                seen += 1;
                let view = view_of(code, &section.title);
                for width in [30, 80, 120] {
                    let page = text(&page::render(&view, &Theme::default(), width).buf);
                    for (i, stage) in view.stages.iter().enumerate() {
                        let title: String = stage.title(i).chars().take(8).collect();
                        assert!(
                            page.contains(&title),
                            "{}: stage {title:?} at {width}:\n{page}",
                            section.title
                        );
                    }
                }
            }
        }
    }
    assert!(seen >= 8, "the lessons show their Dockerfiles ({seen})");
}

fn runs_fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/runs")
        .join(format!("{name}.Dockerfile"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An image that cannot start says so on the first screen, with the library's reason and its
/// chain of lines (where the program is named, what the stage has, where it came from).
#[test]
fn an_image_that_cannot_start_shows_its_chain_with_line_numbers() {
    let file = runs_fixture("fail/entrypoint-path-never-copied");
    let app = app_with_view(&file, 80, 24);
    let screen = screen_text(&app).join("\n");
    assert!(screen.contains("Would it start? no"), "{screen}");
    assert!(
        screen.contains("Runs: /out/hello (line 9, in /)"),
        "{screen}"
    );
    // The reason wraps at 80 columns; joined, it is the rule's whole message.
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    for chain in [
        "✗ line 9: DK214 ENTRYPOINT (line 9) runs `/out/hello`",
        "(scratch, line 7)",
        "there is a hello at /hello (line 8)",
    ] {
        assert!(flat.contains(chain), "{chain:?} missing:\n{screen}");
    }
    insta::assert_snapshot!("cannot_start_80x24", draw(&app).backend());
    // Further down: where the binary came from.
    let page = page_text(&file, 120);
    assert!(
        page.contains("/hello ← stage build /out/hello, line 8: Go binary, static"),
        "{page}"
    );
    let app = app_with_view(&file, 120, 40);
    insta::assert_snapshot!("cannot_start_120x40", draw(&app).backend());
}

/// Warnings only: "probably not", with the chain through both stages' FROM lines.
#[test]
fn an_image_that_likely_fails_says_probably_not() {
    let page = page_text(&runs_fixture("fail/node-modules-musl-into-glibc"), 100);
    assert!(page.contains("Would it start? probably not"), "{page}");
    let flat = page.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("! line 9: DK216 line 9 copies node_modules (/app/node_modules) installed on musl (node:24-alpine, line 2)"),
        "{page}"
    );
    assert!(flat.contains("Runs: /nodejs/bin/node server.js (the image's own, in /app)"));
}

/// The TUI words the verdict as the library does for every runs fixture: no second judgement.
#[test]
fn the_verdict_is_the_librarys_for_every_runs_fixture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/runs");
    let mut seen = 0;
    for sub in ["ok", "fail"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let report = dockerlings::inspect::inspect(&text);
            let view = view_of(&text, "fixture");
            assert_eq!(view.run.verdict, report.run.verdict_text());
            assert_eq!(view.run.reasons.len(), report.run.reasons.len());
            assert_eq!(sub == "ok", view.run.reasons.is_empty(), "{text}");
            seen += 1;
        }
    }
    assert!(seen >= 20, "{seen}");
}
