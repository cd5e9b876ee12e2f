//! Terminal-independent styles: what the highlighter produces and the overlay edits. Colour
//! depth is applied only when converting for output (the TUI's `tui::hl_style`, `ansi_text` for `check`).

use syntect::highlighting::{Color, FontStyle, Style};

/// The 16 named terminal colours, in ANSI index order (0-15).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnsiColor {
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    White,
    BrightBlack,
    BrightRed,
    BrightGreen,
    BrightYellow,
    BrightBlue,
    BrightMagenta,
    BrightCyan,
    BrightWhite,
}

impl AnsiColor {
    pub const ALL: [AnsiColor; 16] = [
        AnsiColor::Black,
        AnsiColor::Red,
        AnsiColor::Green,
        AnsiColor::Yellow,
        AnsiColor::Blue,
        AnsiColor::Magenta,
        AnsiColor::Cyan,
        AnsiColor::White,
        AnsiColor::BrightBlack,
        AnsiColor::BrightRed,
        AnsiColor::BrightGreen,
        AnsiColor::BrightYellow,
        AnsiColor::BrightBlue,
        AnsiColor::BrightMagenta,
        AnsiColor::BrightCyan,
        AnsiColor::BrightWhite,
    ];

    pub(crate) fn from_index(index: u8) -> Option<Self> {
        Self::ALL.get(usize::from(index)).copied()
    }

    pub fn index(self) -> u8 {
        self as u8
    }
}

/// A foreground colour as the theme meant it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HlColor {
    /// One of the terminal's own 16 colours: follows the user's colour scheme.
    Named(AnsiColor),
    /// An exact colour (RGB themes); downsampled on terminals without truecolor.
    Rgb(u8, u8, u8),
    /// An xterm-256 palette index.
    Indexed(u8),
}

/// A highlighted text style. `fg: None` is the terminal's default foreground.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct HlStyle {
    pub fg: Option<HlColor>,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub reverse: bool,
}

/// A run of text in one style, within one source line (no newline).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StyledSpan {
    pub text: String,
    pub style: HlStyle,
}

/// Highlighted source: one `Vec<StyledSpan>` per source line.
pub type HighlightedLines = Vec<Vec<StyledSpan>>;

/// Alpha 0 marks a named colour in our `ansi` theme: red holds the ANSI index, or 0xff for
/// "the terminal's default" (see scripts/gen_themes.py).
const DEFAULT_MARKER: u8 = 0xff;

impl HlColor {
    /// Decodes a theme colour; `None` means the terminal's default foreground.
    pub(crate) fn from_theme(color: Color) -> Option<HlColor> {
        if color.a == 0 {
            if color.r == DEFAULT_MARKER {
                return None;
            }
            return AnsiColor::from_index(color.r).map(HlColor::Named);
        }
        Some(HlColor::Rgb(color.r, color.g, color.b))
    }
}

impl HlStyle {
    pub(crate) fn from_syntect(style: Style) -> HlStyle {
        HlStyle {
            fg: HlColor::from_theme(style.foreground),
            bold: style.font_style.contains(FontStyle::BOLD),
            italic: style.font_style.contains(FontStyle::ITALIC),
            underline: style.font_style.contains(FontStyle::UNDERLINE),
            reverse: false,
        }
    }
}

/// Appends `text` in `style` to a line, merging it into the previous span when the styles match.
pub(crate) fn push_span(line: &mut Vec<StyledSpan>, text: &str, style: HlStyle) {
    if text.is_empty() {
        return;
    }
    match line.last_mut() {
        Some(last) if last.style == style => last.text.push_str(text),
        _ => line.push(StyledSpan {
            text: text.to_owned(),
            style,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alpha_zero_decodes_to_named_or_default() {
        let named = Color {
            r: 5,
            g: 0,
            b: 0,
            a: 0,
        };
        assert_eq!(
            HlColor::from_theme(named),
            Some(HlColor::Named(AnsiColor::Magenta))
        );
        let default = Color {
            r: 0xff,
            g: 0,
            b: 0,
            a: 0,
        };
        assert_eq!(HlColor::from_theme(default), None);
        let rgb = Color {
            r: 1,
            g: 2,
            b: 3,
            a: 0xff,
        };
        assert_eq!(HlColor::from_theme(rgb), Some(HlColor::Rgb(1, 2, 3)));
    }

    #[test]
    fn push_span_merges_equal_styles_and_skips_empty_text() {
        let mut line = Vec::new();
        push_span(&mut line, "ab", HlStyle::default());
        push_span(&mut line, "", HlStyle::default());
        push_span(&mut line, "c", HlStyle::default());
        let bold = HlStyle {
            bold: true,
            ..HlStyle::default()
        };
        push_span(&mut line, "d", bold);
        assert_eq!(line.len(), 2);
        assert_eq!(line[0].text, "abc");
        assert_eq!(line[1].text, "d");
    }
}
