//! Every fenced code block of the bundled lessons, highlighted and written out span by span:
//! the snapshot shows at a glance what a grammar change does to what the learner sees.

use std::fmt::Write as _;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::highlighter::Highlighter;
use super::style::{HlColor, HlStyle, StyledSpan};
use super::theme::CodeTheme;

/// `(language, code)` of each fenced block in `markdown`.
fn fenced_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                open = Some((info.to_string(), String::new()));
            }
            Event::Text(text) => {
                if let Some((_, code)) = open.as_mut() {
                    code.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(open.take()),
            _ => {}
        }
    }
    blocks
}

/// `⟨style⟩text` per span; `⟨⟩` is the terminal's default style.
fn render_line(out: &mut String, spans: &[StyledSpan]) {
    for span in spans {
        out.push('⟨');
        out.push_str(&style_label(span.style));
        out.push('⟩');
        out.push_str(&span.text);
    }
    out.push('\n');
}

fn style_label(style: HlStyle) -> String {
    let mut label = match style.fg {
        None => String::new(),
        Some(HlColor::Rgb(r, g, b)) => format!("{r:02x}{g:02x}{b:02x}"),
        Some(HlColor::Named(c)) => format!("a{}", c.index()),
        Some(HlColor::Indexed(i)) => format!("x{i}"),
    };
    for (on, flag) in [
        (style.bold, " b"),
        (style.italic, " i"),
        (style.underline, " u"),
    ] {
        if on {
            label.push_str(flag);
        }
    }
    label
}

/// The lessons' code blocks highlighted in `theme`, one section per block.
fn course_spans(theme: CodeTheme) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/lessons");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("the bundled lessons are in the source tree")
        .map(|entry| entry.expect("readable lessons folder").path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let highlighter = Highlighter::new(theme);
    let mut out = String::new();
    for path in files {
        let markdown = std::fs::read_to_string(&path).expect("readable lesson");
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        for (n, (lang, code)) in fenced_blocks(&markdown).iter().enumerate() {
            let _ = writeln!(out, "== {name} #{n} ({lang})");
            let lines = highlighter.highlight(code.trim_end_matches('\n'), Some(lang));
            for line in lines.iter() {
                render_line(&mut out, line);
            }
        }
    }
    out
}

#[test]
fn lesson_code_blocks_in_the_dark_theme() {
    insta::assert_snapshot!(course_spans(CodeTheme::Dark));
}

#[test]
fn lesson_code_blocks_in_the_ansi_theme() {
    insta::assert_snapshot!(course_spans(CodeTheme::Ansi));
}
