//! A small course built by hand for the TUI tests: every section kind, every block kind,
//! a table, a code block, wide characters, a long section to scroll, and two load errors.

#![allow(dead_code)] // each test file uses part of it

use dockerlings::course::doc::{Align, Block, Callout, Doc, Inline, InlineStyle};
use dockerlings::course::{Course, Lesson, LoadError, Section, SectionKind};
use dockerlings::progress::Clock;
use dockerlings::tui::App;
use dockerlings::tui::event::Msg;
use dockerlings::tui::screens;
use dockerlings::tui::screens::reader::Offer;
use dockerlings::tui::update::{Effect, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn text(s: &str) -> Inline {
    Inline::plain(s)
}

fn styled(s: &str, f: impl FnOnce(&mut InlineStyle)) -> Inline {
    let mut style = InlineStyle::default();
    f(&mut style);
    Inline {
        text: s.into(),
        style,
    }
}

fn para(inlines: Vec<Inline>) -> Block {
    Block::Paragraph(inlines)
}

fn section(title: &str, kind: SectionKind, blocks: Vec<Block>) -> Section {
    Section {
        title: title.into(),
        kind,
        doc: Doc { blocks },
    }
}

fn concept() -> Section {
    section(
        "One Dockerfile, several stages",
        SectionKind::Concept,
        vec![
            Block::Heading {
                level: 3,
                text: vec![text("Build fat, ship thin")],
            },
            para(vec![
                text("A "),
                styled("multi-stage", |s| s.strong = true),
                text(" build has more than one "),
                styled("FROM", |s| s.code = true),
                text(" line. Each starts a "),
                styled("stage", |s| s.emphasis = true),
                text("; later stages copy only what they need from earlier ones."),
            ]),
            Block::List {
                start: None,
                items: vec![
                    vec![para(vec![text("the build stage has compilers and caches")])],
                    vec![
                        para(vec![text("the final stage has:")]),
                        Block::List {
                            start: Some(1),
                            items: vec![
                                vec![para(vec![text("the program")])],
                                vec![para(vec![text("its runtime files")])],
                            ],
                        },
                    ],
                ],
            },
            para(vec![
                text("Read more in "),
                styled("the Docker docs", |s| {
                    s.link = Some("https://docs.docker.com/build/building/multi-stage/".into())
                }),
                text("."),
            ]),
            Block::Quote {
                callout: Callout::Tip,
                blocks: vec![para(vec![text(
                    "Name your stages with AS so COPY --from reads well.",
                )])],
            },
        ],
    )
}

fn example() -> Section {
    section(
        "A Go example",
        SectionKind::Example,
        vec![
            para(vec![text("Build with the Go toolchain, ship the binary alone:")]),
            Block::Code {
                lang: Some("dockerfile".into()),
                code: "FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app ./cmd/app\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]".into(),
            },
            Block::Quote {
                callout: Callout::Warning,
                blocks: vec![para(vec![text("Without CGO_ENABLED=0 the binary needs libc, which static images lack.")])],
            },
        ],
    )
}

fn summary() -> Section {
    let row = |cells: [&str; 3]| cells.map(|c| vec![text(c)]).to_vec();
    section(
        "At a glance",
        SectionKind::Summary,
        vec![
            para(vec![text("What each approach ships:")]),
            Block::Table {
                align: vec![Align::Left, Align::Left, Align::Right],
                header: row(["Image", "Shell", "Size"]),
                rows: vec![
                    row(["single-stage golang", "yes", "~800 MB"]),
                    row(["multi-stage alpine", "yes", "~15 MB"]),
                    row(["multi-stage distroless", "no", "~5 MB"]),
                ],
            },
            Block::Rule,
            para(vec![text(
                "Smaller images pull faster and carry fewer CVEs.",
            )]),
        ],
    )
}

fn analogy() -> Section {
    section(
        "The kitchen",
        SectionKind::Analogy,
        vec![Block::Quote {
            callout: Callout::Analogy,
            blocks: vec![
                para(vec![text(
                    "A restaurant cooks in a busy kitchen but serves only the plate. The build stage is the kitchen; the final image is the plate.",
                )]),
                para(vec![text("🍳 Nobody eats the stove.")]),
            ],
        }],
    )
}

fn wide() -> Section {
    section(
        "Wide characters",
        SectionKind::Concept,
        vec![
            para(vec![text(
                "🐘 PostgreSQL, 🐳 Docker, 🔒 secure, ✅ done, ⚡ fast — and 容器 means container.",
            )]),
            para(vec![text(
                "✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅✅",
            )]),
        ],
    )
}

/// Sixty numbered paragraphs: more than any test terminal shows at once.
pub(crate) fn long() -> Section {
    let blocks = (1..=60)
        .map(|i| para(vec![text(&format!("Paragraph {i} of the long section."))]))
        .collect();
    section("A long section", SectionKind::Concept, blocks)
}

fn lesson(id: &str, order: i64, title: &str, summary: &str, sections: Vec<Section>) -> Lesson {
    Lesson {
        id: id.into(),
        title: title.into(),
        order,
        summary: summary.into(),
        sections,
        source: format!("fixture/{id}.md").into(),
    }
}

pub(crate) fn course() -> Course {
    Course {
        lessons: vec![
            lesson(
                "basics",
                1,
                "Multi-stage builds",
                "One Dockerfile, many stages: build with everything, ship only the result.",
                vec![concept(), example(), summary()],
            ),
            lesson(
                "distroless",
                2,
                "Distroless images 🐘",
                "Images with your app and its runtime, and no shell or package manager.",
                vec![analogy(), wide(), long()],
            ),
            lesson("empty", 3, "A lesson with no sections", "", vec![]),
        ],
        errors: vec![
            LoadError {
                file: "lessons/04-broken.md".into(),
                line: 3,
                message: "unknown section kind \"recipe\" (expected concept, example, analogy or summary)".into(),
            },
            LoadError {
                file: "lessons/05-bad.md".into(),
                line: 1,
                message: "no front matter: a lesson starts with a --- line".into(),
            },
        ],
    }
}

pub(crate) fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub(crate) fn ch(c: char) -> Msg {
    key(KeyCode::Char(c))
}

/// An app on the fixture course, told its terminal is `width` x `height`.
pub(crate) fn app(width: u16, height: u16) -> App {
    app_on(course(), width, height)
}

/// An app on `course`, told its terminal is `width` x `height`.
pub(crate) fn app_on(course: Course, width: u16, height: u16) -> App {
    let mut app = App::new(course);
    app.clock = Clock::fixed(NOW_MS);
    update(&mut app, Msg::Resize(width, height));
    app
}

/// The fixed time the tests' apps run at (2026-05-28): reading time and reviews depend on it.
pub(crate) const NOW_MS: u64 = 1_780_000_000_000;

/// Sends messages in order and returns the effects of the last one.
pub(crate) fn send(app: &mut App, msgs: impl IntoIterator<Item = Msg>) -> Vec<Effect> {
    let mut last = Vec::new();
    for msg in msgs {
        last = update(app, msg);
    }
    last
}

/// Draws `app` on a test terminal of its own size.
pub(crate) fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    terminal.draw(|frame| screens::render(app, frame)).unwrap();
    terminal
}

/// The screen's text, one string per row, without the cells hidden behind wide characters.
pub(crate) fn screen_text(app: &App) -> Vec<String> {
    let terminal = draw(app);
    let buf = terminal.backend().buffer();
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

/// Opens the first lesson and presses `n` through the whole course at `width` x `height`,
/// checking on each section that its title and position are shown; every section must be
/// reached exactly once.
pub(crate) fn walk_every_section(course: &Course, width: u16, height: u16) {
    let total: usize = course.lessons.iter().map(|l| l.sections.len()).sum();
    let mut app = app_on(course.clone(), width, height);
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
            "{width}x{height}: section title {title:?} not shown:\n{}",
            text.join("\n")
        );
        let position = format!(
            "lesson {}/{} · section {}/{}",
            r.lesson + 1,
            app.course.lessons.len(),
            r.section + 1,
            lesson.sections.len()
        );
        // The position opens the status bar, which may take the last two rows.
        let bar = text[text.len().saturating_sub(2)..].join("\n");
        assert!(bar.contains(&position), "{width}x{height}: {position}");
        visited += 1;
        update(&mut app, ch('n'));
        // After a lesson's last section its quiz is offered; `n` again goes on.
        if app
            .reader()
            .is_some_and(|now| now.offer == Some(Offer::Quiz))
        {
            update(&mut app, ch('n'));
        }
        let now = app.reader().cloned().unwrap();
        if (now.lesson, now.section) == (r.lesson, r.section) {
            break;
        }
    }
    assert_eq!(
        visited, total,
        "{width}x{height}: n walks every section once"
    );
}
