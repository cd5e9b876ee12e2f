//! Snapshots of one highlighted Dockerfile drawn to a ratatui TestBackend at every colour depth,
//! and of the stage-aware overlay. The buffer's Debug form lists each style run, so the
//! colours are visible in the .snap files.

use dockerlings::highlight::{
    CodeTheme, ColorDepth, HighlightedLines, Highlighter, LineSpan, StageRef,
};
use dockerlings::tui::line_to_ratatui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::text::Text;
use ratatui::widgets::Paragraph;

const EXAMPLE: &str = r#"# syntax=docker/dockerfile:1
FROM --platform=$BUILDPLATFORM golang:1.25 AS build
RUN --mount=type=cache,target=/root/.cache go build -o /out/app . && \
    # keep the binary small
    strip /out/app
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
CMD ["/app"]"#;

fn render(lines: &HighlightedLines, depth: ColorDepth) -> String {
    let width = EXAMPLE.lines().map(str::len).max().unwrap_or(0) as u16;
    let mut terminal = Terminal::new(TestBackend::new(width, lines.len() as u16)).unwrap();
    let text = Text::from(
        lines
            .iter()
            .map(|l| line_to_ratatui(l, depth))
            .collect::<Vec<_>>(),
    );
    terminal
        .draw(|frame| frame.render_widget(Paragraph::new(text), frame.area()))
        .unwrap();
    format!("{:?}", terminal.backend().buffer())
}

#[test]
fn ansi_theme_at_every_depth() {
    let lines = Highlighter::new(CodeTheme::Ansi).highlight(EXAMPLE, Some("dockerfile"));
    // Named colours look the same at every depth, so one snapshot covers three.
    let truecolor = render(&lines, ColorDepth::TrueColor);
    assert_eq!(truecolor, render(&lines, ColorDepth::Ansi256));
    assert_eq!(truecolor, render(&lines, ColorDepth::Ansi16));
    insta::assert_snapshot!("ansi_named_colours", truecolor);
    insta::assert_snapshot!("ansi_no_colour", render(&lines, ColorDepth::None));
}

#[test]
fn dark_theme_at_every_depth() {
    let lines = Highlighter::new(CodeTheme::Dark).highlight(EXAMPLE, Some("dockerfile"));
    for (name, depth) in [
        ("dark_truecolor", ColorDepth::TrueColor),
        ("dark_256", ColorDepth::Ansi256),
        ("dark_16", ColorDepth::Ansi16),
        ("dark_none", ColorDepth::None),
    ] {
        insta::assert_snapshot!(name, render(&lines, depth));
    }
}

#[test]
fn stage_overlay_colours_each_stage_and_underlines_undefined_ones() {
    let code = "FROM golang:1.25 AS build\nFROM alpine AS test\nCOPY --from=build /a /a\nCOPY --from=tset /b /b\nFROM build";
    let span = |line, start, end| LineSpan { line, start, end };
    let refs = [
        StageRef {
            span: span(0, 20, 25),
            stage: 0,
            defined: true,
        },
        StageRef {
            span: span(1, 15, 19),
            stage: 1,
            defined: true,
        },
        StageRef {
            span: span(2, 12, 17),
            stage: 0,
            defined: true,
        },
        StageRef {
            span: span(3, 12, 16),
            stage: 0,
            defined: false,
        },
        StageRef {
            span: span(4, 5, 10),
            stage: 0,
            defined: true,
        },
    ];
    let hl = Highlighter::new(CodeTheme::Ansi);
    let lines = hl.highlight_with_stages(code, Some("dockerfile"), &refs);
    // `build` on lines 0, 2 and 4 shares one colour; `test` has another.
    let style_of = |line: usize, text: &str| {
        lines[line]
            .iter()
            .find(|s| s.text == text)
            .map(|s| s.style)
            .unwrap()
    };
    assert_eq!(style_of(0, "build").fg, style_of(2, "build").fg);
    assert_eq!(style_of(0, "build").fg, style_of(4, "build").fg);
    assert_ne!(style_of(0, "build").fg, style_of(1, "test").fg);
    assert!(style_of(3, "tset").underline);
    insta::assert_snapshot!("stage_overlay", render(&lines, ColorDepth::Ansi16));
}

#[test]
fn stage_model_drives_the_overlay_end_to_end() {
    let code = include_str!("fixtures/highlight/multistage.Dockerfile");
    let refs = dockerlings::highlight::stage_refs(code);
    let lines =
        Highlighter::new(CodeTheme::Dark).highlight_with_stages(code, Some("dockerfile"), &refs);
    // Every occurrence of a stage's name, defined or referenced, in that stage's colour.
    let colours_of = |name: &str| {
        let mut found: Vec<_> = lines
            .iter()
            .flatten()
            .filter(|s| s.text == name)
            .map(|s| s.style.fg)
            .collect();
        found.dedup();
        found
    };
    let source_lines: Vec<&str> = code.lines().collect();
    for (name, uses) in [("deps", 2), ("build", 3), ("certs", 3)] {
        let found = refs
            .iter()
            .filter(|r| &source_lines[r.span.line][r.span.start..r.span.end] == name)
            .count();
        assert_eq!(found, uses, "{name}: {refs:?}");
        assert_eq!(colours_of(name).len(), 1, "{name} in one colour");
    }
    assert_ne!(colours_of("deps"), colours_of("build"));
    assert_ne!(colours_of("build"), colours_of("certs"));
    assert!(refs.iter().all(|r| r.defined), "{refs:?}");
}
