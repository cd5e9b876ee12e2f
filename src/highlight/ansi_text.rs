//! Highlighted lines as text with ANSI SGR escapes, for plain terminal output such as
//! `check`'s human report (the TUI converts spans with its own adapter, `tui::hl_style`).

use std::fmt::Write;

use super::depth::ColorDepth;
use super::palette::at_depth;
use super::style::{HlColor, HlStyle, StyledSpan};

/// One highlighted line with SGR escapes for `depth`; each styled run ends with a reset, so
/// the line can be embedded in other output. With [`ColorDepth::None`] only modifiers remain.
pub(crate) fn line_to_ansi(spans: &[StyledSpan], depth: ColorDepth) -> String {
    let mut out = String::new();
    for span in spans {
        let codes = sgr_codes(&span.style, depth);
        if codes.is_empty() {
            out.push_str(&span.text);
        } else {
            let _ = write!(out, "\x1b[{codes}m{}\x1b[0m", span.text);
        }
    }
    out
}

fn sgr_codes(style: &HlStyle, depth: ColorDepth) -> String {
    let mut codes: Vec<String> = Vec::new();
    for (on, code) in [
        (style.bold, "1"),
        (style.italic, "3"),
        (style.underline, "4"),
        (style.reverse, "7"),
    ] {
        if on {
            codes.push(code.to_owned());
        }
    }
    if let Some(colour) = style.fg.and_then(|c| foreground(c, depth)) {
        codes.push(colour);
    }
    codes.join(";")
}

fn foreground(colour: HlColor, depth: ColorDepth) -> Option<String> {
    Some(match at_depth(colour, depth)? {
        HlColor::Named(c) if c.index() < 8 => format!("{}", 30 + c.index()),
        HlColor::Named(c) => format!("{}", 90 + c.index() - 8),
        HlColor::Indexed(i) => format!("38;5;{i}"),
        HlColor::Rgb(r, g, b) => format!("38;2;{r};{g};{b}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlight::style::AnsiColor;

    fn span(text: &str, fg: Option<HlColor>, bold: bool) -> StyledSpan {
        StyledSpan {
            text: text.to_owned(),
            style: HlStyle {
                fg,
                bold,
                ..HlStyle::default()
            },
        }
    }

    #[test]
    fn escapes_follow_the_depth() {
        let line = [
            span("FROM", Some(HlColor::Named(AnsiColor::Magenta)), true),
            span(" ", None, false),
            span("x", Some(HlColor::Rgb(0xff, 0xcb, 0x6b)), false),
        ];
        let expected = [
            (
                ColorDepth::TrueColor,
                "\x1b[1;35mFROM\x1b[0m \x1b[38;2;255;203;107mx\x1b[0m",
            ),
            (
                ColorDepth::Ansi256,
                "\x1b[1;35mFROM\x1b[0m \x1b[38;5;221mx\x1b[0m",
            ),
            (ColorDepth::Ansi16, "\x1b[1;35mFROM\x1b[0m \x1b[93mx\x1b[0m"),
            (ColorDepth::None, "\x1b[1mFROM\x1b[0m x"),
        ];
        for (depth, want) in expected {
            assert_eq!(line_to_ansi(&line, depth), want, "{depth:?}");
        }
    }
}
