//! Conversion of highlight's [`HlStyle`] to ratatui for a given colour depth (highlight itself
//! knows no terminal library).

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use crate::highlight::{AnsiColor, ColorDepth, HlColor, HlStyle, StyledSpan, at_depth};

/// The ratatui style for `style` at `depth` (colours as [`at_depth`] maps them); modifiers are
/// kept at every depth, so bold, underline and reverse still mark things without colour.
pub(crate) fn to_ratatui(style: &HlStyle, depth: ColorDepth) -> Style {
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
pub(crate) fn convert(color: HlColor, depth: ColorDepth) -> Option<Color> {
    Some(match at_depth(color, depth)? {
        HlColor::Named(named) => named_color(named),
        HlColor::Indexed(i) => Color::Indexed(i),
        HlColor::Rgb(r, g, b) => Color::Rgb(r, g, b),
    })
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
