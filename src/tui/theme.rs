//! The palette: semantic styles → terminal styles. Named ANSI colours only, so the app follows
//! the user's terminal colour scheme; anything that matters (selection, headings, errors) also
//! carries an attribute or a text mark, never colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::course::doc::{Callout, InlineStyle};
use crate::course::layout::SpanStyle;

#[derive(Debug, Clone)]
pub struct Theme {
    pub title: Style,
    pub dim: Style,
    pub selected: Style,
    pub status_bar: Style,
    pub error: Style,
    pub heading: [Style; 3],
    pub inline_code: Style,
    pub link: Style,
    pub code_block: Style,
    pub marker: Style,
    pub table_border: Style,
    pub rule: Style,
    /// A `/` search's matches: reversed as well, so they show without colour too.
    pub found: Style,
}

impl Default for Theme {
    fn default() -> Self {
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
        }
    }
}

impl Theme {
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
            s = s.add_modifier(Modifier::ITALIC);
        }
        if style.strong {
            s = s.add_modifier(Modifier::BOLD);
        }
        if style.strikethrough {
            s = s.add_modifier(Modifier::CROSSED_OUT);
        }
        s
    }

    /// A callout's bar and label; the analogy gets a look of its own (italic, magenta).
    pub fn callout(&self, callout: Callout) -> Style {
        match callout {
            Callout::Note => Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            Callout::Tip => Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            Callout::Warning => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Callout::Analogy => Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD | Modifier::ITALIC),
        }
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

    #[test]
    fn default_palette_uses_named_colours_only() {
        let t = Theme::default();
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
        ];
        styles.extend(t.heading);
        styles.extend(
            [
                Callout::Note,
                Callout::Tip,
                Callout::Warning,
                Callout::Analogy,
            ]
            .map(|c| t.callout(c)),
        );
        for s in styles {
            for c in [s.fg, s.bg].into_iter().flatten() {
                assert!(
                    !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                    "{c:?} is not a named ANSI colour"
                );
            }
        }
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
    }
}
