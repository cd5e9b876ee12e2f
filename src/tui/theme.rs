//! The palette: semantic styles → terminal styles. Every style the screens draw with comes
//! from here (tests/theme_only.rs checks). Named ANSI colours only, so the app follows the
//! user's terminal colour scheme; anything that matters (selection, headings, errors, diff
//! lines) also carries an attribute or a text mark, never colour alone. docs/themes.md
//! describes the themes.

use ratatui::style::{Color, Modifier, Style};

use crate::course::doc::{Callout, InlineStyle};
use crate::course::layout::SpanStyle;
use crate::highlight::ColorDepth;
use crate::tui::code::CodeColours;

/// Which palette, from the `--theme` name (the code theme's name, so one flag recolours both).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// For the terminal's own scheme, dark or light background alike (`ansi`, `dark`).
    Ansi,
    /// For a white background: no yellow or cyan text.
    Light,
    /// For a black background: bright colours, nothing dimmed.
    HighContrast,
}

impl Palette {
    /// The palette for a `--theme` name; unknown names get the default.
    pub(crate) fn for_theme(name: &str) -> Palette {
        match name {
            "light" => Palette::Light,
            "high-contrast" => Palette::HighContrast,
            _ => Palette::Ansi,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub title: Style,
    pub dim: Style,
    pub selected: Style,
    pub(crate) status_bar: Style,
    pub error: Style,
    pub heading: [Style; 3],
    pub(crate) inline_code: Style,
    pub link: Style,
    pub(crate) code_block: Style,
    pub marker: Style,
    pub(crate) table_border: Style,
    pub rule: Style,
    /// A `/` search's matches: reversed as well, so they show without colour too.
    pub found: Style,
    /// A finding that is likely a problem (warnings), a notch below `error`.
    pub warning: Style,
    /// Diff lines only in the learner's file, only in the reference, and a hunk header.
    pub(crate) diff_removed: Style,
    pub(crate) diff_added: Style,
    pub(crate) diff_hunk: Style,
    /// Marks a row that needs attention (a stuck learner in the class view).
    pub flagged: Style,
    /// The analogy callout's body text, so it reads differently from the other callouts.
    pub analogy: Style,
    callouts: [Style; 4],
    /// No colour at all (see [`Theme::new`]).
    colourless: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Self::ansi()
    }
}

impl Theme {
    /// The UI theme of the same name as the code colours, at their colour depth, so `--theme`
    /// and `NO_COLOR` reach every style of every screen.
    pub(crate) fn for_code(colours: &CodeColours) -> Theme {
        let palette = Palette::for_theme(colours.highlighter.theme().name());
        Theme::new(palette, colours.depth)
    }

    /// The theme for a palette at a colour depth. Without colour (`NO_COLOR`, `--color never`,
    /// `TERM=dumb`) only bold, reverse and underline remain, the same on every frame.
    pub fn new(palette: Palette, depth: ColorDepth) -> Theme {
        let theme = match palette {
            Palette::Ansi => Self::ansi(),
            Palette::Light => Self::light(),
            Palette::HighContrast => Self::high_contrast(),
        };
        if depth == ColorDepth::None {
            theme.without_colour()
        } else {
            theme
        }
    }

    fn ansi() -> Self {
        Self {
            title: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            status_bar: Style::new().add_modifier(Modifier::REVERSED),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            heading: [
                Style::new()
                    .fg(Color::Magenta)
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::BOLD),
            ],
            inline_code: Style::new().fg(Color::Yellow),
            link: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED),
            code_block: Style::new().fg(Color::Green),
            marker: Style::new().fg(Color::Blue),
            table_border: Style::new().add_modifier(Modifier::DIM),
            rule: Style::new().add_modifier(Modifier::DIM),
            found: Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::REVERSED),
            warning: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            diff_removed: Style::new().fg(Color::Red),
            diff_added: Style::new().fg(Color::Green),
            diff_hunk: Style::new().fg(Color::Cyan),
            flagged: Style::new().add_modifier(Modifier::REVERSED),
            analogy: Style::new().add_modifier(Modifier::ITALIC),
            callouts: [
                Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
                Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
                Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                Style::new()
                    .fg(Color::Magenta)
                    .add_modifier(Modifier::BOLD | Modifier::ITALIC),
            ],
            colourless: false,
        }
    }

    /// On white, ANSI yellow and cyan are unreadable: code, warnings and the second heading
    /// take darker hues.
    fn light() -> Self {
        let bold = Modifier::BOLD;
        let mut t = Self::ansi();
        t.inline_code = Style::new().fg(Color::Magenta);
        t.heading[1] = Style::new().fg(Color::Blue).add_modifier(bold);
        t.warning = Style::new().fg(Color::Magenta).add_modifier(bold);
        t.found = Style::new()
            .fg(Color::Magenta)
            .add_modifier(Modifier::REVERSED);
        t.diff_hunk = Style::new().fg(Color::Blue);
        t.callouts[2] = Style::new().fg(Color::Red).add_modifier(bold);
        t
    }

    /// Bright colours on black, and nothing dimmed: dim text is the first to vanish for a
    /// reader who needs contrast.
    fn high_contrast() -> Self {
        let bold = Modifier::BOLD;
        let mut t = Self::ansi();
        t.dim = Style::new();
        t.table_border = Style::new();
        t.rule = Style::new();
        t.error = Style::new().fg(Color::LightRed).add_modifier(bold);
        t.heading[0] = Style::new()
            .fg(Color::LightMagenta)
            .add_modifier(bold | Modifier::UNDERLINED);
        t.heading[1] = Style::new().fg(Color::LightCyan).add_modifier(bold);
        t.inline_code = Style::new().fg(Color::LightYellow);
        t.link = Style::new()
            .fg(Color::LightCyan)
            .add_modifier(Modifier::UNDERLINED);
        t.code_block = Style::new().fg(Color::LightGreen);
        t.marker = Style::new().fg(Color::LightBlue);
        t.warning = Style::new().fg(Color::LightYellow).add_modifier(bold);
        t.diff_removed = Style::new().fg(Color::LightRed);
        t.diff_added = Style::new().fg(Color::LightGreen);
        t.diff_hunk = Style::new().fg(Color::LightCyan);
        t.callouts = [
            Style::new().fg(Color::LightBlue).add_modifier(bold),
            Style::new().fg(Color::LightGreen).add_modifier(bold),
            Style::new().fg(Color::LightYellow).add_modifier(bold),
            Style::new()
                .fg(Color::LightMagenta)
                .add_modifier(bold | Modifier::ITALIC),
        ];
        t
    }

    /// Every style reduced to bold, reverse and underline; inline code, which loses its
    /// colour, is set in bold so it still stands out.
    fn without_colour(self) -> Self {
        let keep = |s: Style| {
            let mut out = Style::new();
            out.add_modifier =
                s.add_modifier & (Modifier::BOLD | Modifier::REVERSED | Modifier::UNDERLINED);
            out
        };
        Self {
            title: keep(self.title),
            dim: keep(self.dim),
            selected: keep(self.selected),
            status_bar: keep(self.status_bar),
            error: keep(self.error),
            heading: self.heading.map(keep),
            inline_code: Style::new().add_modifier(Modifier::BOLD),
            link: keep(self.link),
            code_block: keep(self.code_block),
            marker: keep(self.marker),
            table_border: keep(self.table_border),
            rule: keep(self.rule),
            found: keep(self.found),
            warning: keep(self.warning),
            diff_removed: keep(self.diff_removed),
            diff_added: keep(self.diff_added),
            diff_hunk: keep(self.diff_hunk),
            flagged: keep(self.flagged),
            analogy: keep(self.analogy),
            callouts: self.callouts.map(keep),
            colourless: true,
        }
    }

    pub fn heading(&self, level: u8) -> Style {
        let i = usize::from(level.clamp(1, 3)) - 1;
        self.heading[i]
    }

    pub fn inline(&self, style: &InlineStyle) -> Style {
        let mut s = if style.code {
            self.inline_code
        } else if style.link.is_some() {
            self.link
        } else {
            Style::new()
        };
        if style.emphasis {
            s = s.patch(self.emphasis());
        }
        if style.strong {
            s = s.add_modifier(Modifier::BOLD);
        }
        if style.strikethrough {
            s = s.add_modifier(Modifier::CROSSED_OUT);
        }
        s
    }

    /// Emphasis is italic; without colour, where only bold, reverse and underline are used,
    /// it is underlined instead.
    fn emphasis(&self) -> Style {
        if self.colourless {
            Style::new().add_modifier(Modifier::UNDERLINED)
        } else {
            Style::new().add_modifier(Modifier::ITALIC)
        }
    }

    /// A callout's bar and label; the analogy gets a look of its own (italic, magenta).
    pub fn callout(&self, callout: Callout) -> Style {
        let i = match callout {
            Callout::Note => 0,
            Callout::Tip => 1,
            Callout::Warning => 2,
            Callout::Analogy => 3,
        };
        self.callouts[i]
    }

    pub fn span(&self, style: &SpanStyle) -> Style {
        match style {
            SpanStyle::Body(inline) => self.inline(inline),
            SpanStyle::Heading(level) => self.heading(*level),
            SpanStyle::Code { .. } => self.code_block,
            SpanStyle::Marker => self.marker,
            SpanStyle::Callout(c) => self.callout(*c),
            SpanStyle::TableBorder => self.table_border,
            SpanStyle::TableHeader(inline) => self.inline(inline).add_modifier(Modifier::BOLD),
            SpanStyle::LinkTarget => self.link.remove_modifier(Modifier::UNDERLINED),
            SpanStyle::Rule => self.rule,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PALETTES: [Palette; 3] = [Palette::Ansi, Palette::Light, Palette::HighContrast];
    const DEPTHS: [ColorDepth; 4] = [
        ColorDepth::None,
        ColorDepth::Ansi16,
        ColorDepth::Ansi256,
        ColorDepth::TrueColor,
    ];

    /// Every style a theme hands out, the derived ones (emphasis, callouts, spans) included.
    fn all_styles(t: &Theme) -> Vec<Style> {
        let mut styles = vec![
            t.title,
            t.dim,
            t.selected,
            t.status_bar,
            t.error,
            t.inline_code,
            t.link,
            t.code_block,
            t.marker,
            t.table_border,
            t.rule,
            t.found,
            t.warning,
            t.diff_removed,
            t.diff_added,
            t.diff_hunk,
            t.flagged,
            t.analogy,
            t.emphasis(),
        ];
        styles.extend(t.heading);
        styles.extend(t.callouts);
        styles
    }

    fn every_theme() -> impl Iterator<Item = (Palette, ColorDepth, Theme)> {
        PALETTES
            .into_iter()
            .flat_map(|p| DEPTHS.map(|d| (p, d, Theme::new(p, d))))
    }

    #[test]
    fn palettes_use_named_colours_only() {
        for (p, d, t) in every_theme() {
            for s in all_styles(&t) {
                for c in [s.fg, s.bg].into_iter().flatten() {
                    assert!(
                        !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                        "{p:?} at {d:?}: {c:?} is not a named ANSI colour"
                    );
                }
            }
        }
    }

    #[test]
    fn without_colour_only_bold_reverse_and_underline_remain() {
        let allowed = Modifier::BOLD | Modifier::REVERSED | Modifier::UNDERLINED;
        for p in PALETTES {
            let t = Theme::new(p, ColorDepth::None);
            for s in all_styles(&t) {
                assert_eq!((s.fg, s.bg), (None, None), "{p:?}: {s:?}");
                assert!(allowed.contains(s.add_modifier), "{p:?}: {s:?}");
            }
            // Inline code still stands out from the text around it.
            assert!(t.inline_code.add_modifier.contains(Modifier::BOLD));
        }
    }

    #[test]
    fn high_contrast_never_dims() {
        for d in DEPTHS {
            let t = Theme::new(Palette::HighContrast, d);
            for s in all_styles(&t) {
                assert!(!s.add_modifier.contains(Modifier::DIM), "{d:?}: {s:?}");
            }
        }
    }

    #[test]
    fn light_sets_no_text_in_yellow_or_cyan() {
        let t = Theme::new(Palette::Light, ColorDepth::Ansi16);
        for s in all_styles(&t) {
            assert!(
                !matches!(
                    s.fg,
                    Some(Color::Yellow | Color::LightYellow | Color::Cyan | Color::LightCyan)
                ),
                "{s:?} is unreadable on white"
            );
        }
        assert_eq!(t.inline_code.fg, Some(Color::Magenta));
    }

    #[test]
    fn theme_names_pick_palettes() {
        assert_eq!(Palette::for_theme("light"), Palette::Light);
        assert_eq!(Palette::for_theme("high-contrast"), Palette::HighContrast);
        assert_eq!(Palette::for_theme("dark"), Palette::Ansi);
    }

    #[test]
    fn selection_does_not_rely_on_colour() {
        let s = Theme::default().selected;
        assert!(s.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(s.fg, None);
    }

    #[test]
    fn inline_styles_combine() {
        let t = Theme::default();
        let s = t.inline(&InlineStyle {
            strong: true,
            emphasis: true,
            code: true,
            ..Default::default()
        });
        assert_eq!(s.fg, Some(Color::Yellow));
        assert!(s.add_modifier.contains(Modifier::BOLD | Modifier::ITALIC));
        let plain = Theme::new(Palette::Ansi, ColorDepth::None).inline(&InlineStyle {
            emphasis: true,
            ..Default::default()
        });
        assert!(plain.add_modifier.contains(Modifier::UNDERLINED));
    }
}
