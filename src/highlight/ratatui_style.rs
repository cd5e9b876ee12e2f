//! Conversion of [`HlStyle`] to ratatui for a given colour depth.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::depth::ColorDepth;
use super::palette::{rgb_to_ansi16, rgb_to_xterm256, xterm256_to_rgb};
use super::style::{AnsiColor, HlColor, HlStyle, StyledSpan};

/// The ratatui style for `style` at `depth`: named colours stay named (the terminal's own
/// scheme); RGB is kept for truecolor, mapped to the nearest xterm-256 or named colour below
/// that; no colour at all for [`ColorDepth::None`]. Modifiers are kept at every depth.
pub fn to_ratatui(style: &HlStyle, depth: ColorDepth) -> Style {
    let mut out = Style::default();
    if let Some(fg) = style.fg.and_then(|c| convert(c, depth)) {
        out = out.fg(fg);
    }
    let flags = [
        (style.bold, Modifier::BOLD),
        (style.italic, Modifier::ITALIC),
        (style.underline, Modifier::UNDERLINED),
        (style.reverse, Modifier::REVERSED),
    ];
    for (on, modifier) in flags {
        if on {
            out = out.add_modifier(modifier);
        }
    }
    out
}

/// A highlighted line as a ratatui [`Line`].
pub fn line_to_ratatui(spans: &[StyledSpan], depth: ColorDepth) -> Line<'static> {
    Line::from(
        spans
            .iter()
            .map(|s| Span::styled(s.text.clone(), to_ratatui(&s.style, depth)))
            .collect::<Vec<_>>(),
    )
}

/// A colour at `depth`; `None` when the depth has no colour.
pub fn convert(color: HlColor, depth: ColorDepth) -> Option<Color> {
    match (color, depth) {
        (_, ColorDepth::None) => None,
        (HlColor::Named(named), _) => Some(named_color(named)),
        (HlColor::Rgb(r, g, b), ColorDepth::TrueColor) => Some(Color::Rgb(r, g, b)),
        (HlColor::Rgb(r, g, b), ColorDepth::Ansi256) => {
            Some(Color::Indexed(rgb_to_xterm256(r, g, b)))
        }
        (HlColor::Rgb(r, g, b), ColorDepth::Ansi16) => Some(named_color(rgb_to_ansi16(r, g, b))),
        (HlColor::Indexed(i), ColorDepth::Ansi16) if i >= 16 => {
            let (r, g, b) = xterm256_to_rgb(i);
            Some(named_color(rgb_to_ansi16(r, g, b)))
        }
        (HlColor::Indexed(i), _) => match AnsiColor::from_index(i) {
            Some(named) => Some(named_color(named)),
            None => Some(Color::Indexed(i)),
        },
    }
}

fn named_color(color: AnsiColor) -> Color {
    match color {
        AnsiColor::Black => Color::Black,
        AnsiColor::Red => Color::Red,
        AnsiColor::Green => Color::Green,
        AnsiColor::Yellow => Color::Yellow,
        AnsiColor::Blue => Color::Blue,
        AnsiColor::Magenta => Color::Magenta,
        AnsiColor::Cyan => Color::Cyan,
        AnsiColor::White => Color::Gray,
        AnsiColor::BrightBlack => Color::DarkGray,
        AnsiColor::BrightRed => Color::LightRed,
        AnsiColor::BrightGreen => Color::LightGreen,
        AnsiColor::BrightYellow => Color::LightYellow,
        AnsiColor::BrightBlue => Color::LightBlue,
        AnsiColor::BrightMagenta => Color::LightMagenta,
        AnsiColor::BrightCyan => Color::LightCyan,
        AnsiColor::BrightWhite => Color::White,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rgb_follows_the_depth() {
        let rgb = HlColor::Rgb(0xff, 0xcb, 0x6b);
        assert_eq!(
            convert(rgb, ColorDepth::TrueColor),
            Some(Color::Rgb(0xff, 0xcb, 0x6b))
        );
        assert_eq!(convert(rgb, ColorDepth::Ansi256), Some(Color::Indexed(221)));
        assert_eq!(convert(rgb, ColorDepth::Ansi16), Some(Color::LightYellow));
        assert_eq!(convert(rgb, ColorDepth::None), None);
    }

    #[test]
    fn named_colours_stay_named_and_indexed_falls_back() {
        let named = HlColor::Named(AnsiColor::BrightBlack);
        for depth in [
            ColorDepth::TrueColor,
            ColorDepth::Ansi256,
            ColorDepth::Ansi16,
        ] {
            assert_eq!(convert(named, depth), Some(Color::DarkGray));
        }
        assert_eq!(
            convert(HlColor::Indexed(196), ColorDepth::Ansi256),
            Some(Color::Indexed(196))
        );
        assert_eq!(
            convert(HlColor::Indexed(196), ColorDepth::Ansi16),
            Some(Color::LightRed)
        );
        assert_eq!(
            convert(HlColor::Indexed(2), ColorDepth::Ansi256),
            Some(Color::Green)
        );
    }

    #[test]
    fn modifiers_survive_no_colour() {
        let style = HlStyle {
            fg: Some(HlColor::Named(AnsiColor::Red)),
            bold: true,
            underline: true,
            ..HlStyle::default()
        };
        let out = to_ratatui(&style, ColorDepth::None);
        assert_eq!(out.fg, None);
        assert!(
            out.add_modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED)
        );
    }
}
