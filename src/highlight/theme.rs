//! The code colour scheme (`--theme NAME` or the config) and each scheme's stage palette.

use std::fmt;
use std::str::FromStr;

use super::style::{AnsiColor, HlColor};

/// The colour scheme for code (Dockerfiles, fenced blocks): a syntect theme. The TUI's own
/// styles are `tui::theme::Theme`. `Ansi` (the default) uses the terminal's named colours, so it follows
/// the user's scheme at any colour depth; the others are RGB themes, downsampled as needed.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum CodeTheme {
    #[default]
    Ansi,
    Dark,
    Light,
    HighContrast,
}

impl CodeTheme {
    pub const ALL: [CodeTheme; 4] = [
        CodeTheme::Ansi,
        CodeTheme::Dark,
        CodeTheme::Light,
        CodeTheme::HighContrast,
    ];

    /// The name used on the command line, in the config and in `assets/themes/NAME.tmTheme`.
    pub fn name(self) -> &'static str {
        match self {
            CodeTheme::Ansi => "ansi",
            CodeTheme::Dark => "dark",
            CodeTheme::Light => "light",
            CodeTheme::HighContrast => "high-contrast",
        }
    }

    /// One colour per stage index (cycled), chosen to stand apart from the theme's other hues.
    pub(crate) fn stage_palette(self) -> &'static [HlColor] {
        use AnsiColor::*;
        use HlColor::{Named, Rgb};
        match self {
            CodeTheme::Ansi => &[
                Named(BrightYellow),
                Named(BrightCyan),
                Named(BrightMagenta),
                Named(BrightGreen),
                Named(BrightBlue),
                Named(BrightRed),
            ],
            CodeTheme::Dark => &[
                Rgb(0xff, 0xcb, 0x6b),
                Rgb(0x5f, 0xd7, 0xff),
                Rgb(0xff, 0x87, 0xd7),
                Rgb(0xaf, 0xff, 0x5f),
                Rgb(0xff, 0x9e, 0x64),
                Rgb(0xb3, 0x9d, 0xff),
            ],
            CodeTheme::Light => &[
                Rgb(0x9a, 0x67, 0x00),
                Rgb(0x00, 0x6d, 0x9c),
                Rgb(0xa3, 0x1f, 0x7a),
                Rgb(0x2e, 0x7d, 0x32),
                Rgb(0xc2, 0x41, 0x0c),
                Rgb(0x5b, 0x3f, 0xc4),
            ],
            CodeTheme::HighContrast => &[
                Rgb(0xff, 0xff, 0x00),
                Rgb(0x00, 0xff, 0xff),
                Rgb(0xff, 0x80, 0xff),
                Rgb(0x80, 0xff, 0x80),
                Rgb(0xff, 0xa0, 0x40),
                Rgb(0xa0, 0xa0, 0xff),
            ],
        }
    }
}

impl fmt::Display for CodeTheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown theme name, for the config loader's error message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown theme `{0}`: choose one of ansi, dark, light, high-contrast")]
pub struct UnknownTheme(pub String);

impl FromStr for CodeTheme {
    type Err = UnknownTheme;

    fn from_str(name: &str) -> Result<CodeTheme, UnknownTheme> {
        let wanted = name.trim().to_ascii_lowercase().replace('_', "-");
        CodeTheme::ALL
            .into_iter()
            .find(|t| t.name() == wanted)
            .ok_or_else(|| UnknownTheme(name.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_are_reported() {
        for theme in CodeTheme::ALL {
            assert_eq!(theme.name().parse::<CodeTheme>(), Ok(theme));
        }
        assert_eq!(
            "High_Contrast".parse::<CodeTheme>(),
            Ok(CodeTheme::HighContrast)
        );
        let err = "solarized".parse::<CodeTheme>().unwrap_err();
        assert!(err.to_string().contains("`solarized`"), "{err}");
    }

    #[test]
    fn config_files_use_the_same_names() {
        let theme: CodeTheme = serde_json::from_str("\"high-contrast\"").unwrap();
        assert_eq!(theme, CodeTheme::HighContrast);
        assert_eq!(serde_json::to_string(&CodeTheme::Dark).unwrap(), "\"dark\"");
        assert!(serde_json::from_str::<CodeTheme>("\"neon\"").is_err());
    }

    #[test]
    fn every_theme_has_a_palette_of_distinct_colours() {
        for theme in CodeTheme::ALL {
            let palette = theme.stage_palette();
            assert!(palette.len() >= 4, "{theme}");
            for (i, c) in palette.iter().enumerate() {
                assert!(!palette[..i].contains(c), "{theme}: duplicate {c:?}");
            }
        }
    }
}
