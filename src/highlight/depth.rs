//! `--color auto|always|never` and the terminal's colour depth, read from the environment.

/// The `--color` choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ColorChoice {
    /// Colour when writing to a terminal and neither NO_COLOR nor TERM=dumb says otherwise.
    #[default]
    Auto,
    /// Colour even when piped or with NO_COLOR set (at least 16 colours).
    Always,
    /// No colour at all (bold, underline and reverse still mark things).
    Never,
}

/// How many colours the output may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ColorDepth {
    /// No colour: only modifiers (bold, italic, underline, reverse).
    None,
    /// The 16 named colours (Linux console, basic terminals).
    Ansi16,
    /// The xterm-256 palette.
    Ansi256,
    /// 24-bit RGB.
    TrueColor,
}

impl ColorDepth {
    /// Resolves the depth for this process from `--color`, the real environment and whether the
    /// output is a terminal (the TUI passes `true`; `check` passes `stdout().is_terminal()`).
    pub fn detect(choice: ColorChoice, is_terminal: bool) -> ColorDepth {
        Self::detect_with(choice, is_terminal, |name| std::env::var(name).ok())
    }

    /// [`ColorDepth::detect`] with the environment given as a lookup (for tests).
    pub(crate) fn detect_with(
        choice: ColorChoice,
        is_terminal: bool,
        env: impl Fn(&str) -> Option<String>,
    ) -> ColorDepth {
        let term = env("TERM").unwrap_or_default();
        match choice {
            ColorChoice::Never => ColorDepth::None,
            ColorChoice::Always => Self::terminal_depth(&term, &env).max(ColorDepth::Ansi16),
            ColorChoice::Auto => {
                // no-color.org: set and not empty means no colour.
                let no_color = env("NO_COLOR").is_some_and(|v| !v.is_empty());
                if no_color || !is_terminal || term == "dumb" {
                    ColorDepth::None
                } else {
                    Self::terminal_depth(&term, &env)
                }
            }
        }
    }

    /// What the terminal supports, from COLORTERM and TERM.
    fn terminal_depth(term: &str, env: &impl Fn(&str) -> Option<String>) -> ColorDepth {
        let colorterm = env("COLORTERM").unwrap_or_default().to_ascii_lowercase();
        if term == "dumb" {
            ColorDepth::None
        } else if term == "linux" {
            // The Linux console has 16 colours whatever COLORTERM claims (it leaks via sudo/ssh).
            ColorDepth::Ansi16
        } else if colorterm == "truecolor" || colorterm == "24bit" {
            ColorDepth::TrueColor
        } else if term.contains("256color") {
            ColorDepth::Ansi256
        } else {
            ColorDepth::Ansi16
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(choice: ColorChoice, tty: bool, vars: &[(&str, &str)]) -> ColorDepth {
        ColorDepth::detect_with(choice, tty, |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn auto_reads_colorterm_then_term() {
        let auto = ColorChoice::Auto;
        let truecolor = [("COLORTERM", "truecolor"), ("TERM", "xterm-256color")];
        assert_eq!(depth(auto, true, &truecolor), ColorDepth::TrueColor);
        assert_eq!(
            depth(auto, true, &[("COLORTERM", "24bit")]),
            ColorDepth::TrueColor
        );
        assert_eq!(
            depth(auto, true, &[("TERM", "tmux-256color")]),
            ColorDepth::Ansi256
        );
        assert_eq!(depth(auto, true, &[("TERM", "xterm")]), ColorDepth::Ansi16);
        let console = [("TERM", "linux"), ("COLORTERM", "truecolor")];
        assert_eq!(depth(auto, true, &console), ColorDepth::Ansi16);
        assert_eq!(depth(auto, true, &[]), ColorDepth::Ansi16);
    }

    #[test]
    fn auto_turns_colour_off_for_no_color_dumb_and_pipes() {
        let auto = ColorChoice::Auto;
        let base = ("TERM", "xterm-256color");
        assert_eq!(
            depth(auto, true, &[base, ("NO_COLOR", "1")]),
            ColorDepth::None
        );
        assert_eq!(
            depth(auto, true, &[base, ("NO_COLOR", "")]),
            ColorDepth::Ansi256
        );
        assert_eq!(depth(auto, true, &[("TERM", "dumb")]), ColorDepth::None);
        assert_eq!(depth(auto, false, &[base]), ColorDepth::None);
    }

    #[test]
    fn always_and_never_override_the_environment() {
        let vars = [("TERM", "dumb"), ("NO_COLOR", "1")];
        assert_eq!(depth(ColorChoice::Always, false, &vars), ColorDepth::Ansi16);
        let rich = [("COLORTERM", "truecolor")];
        assert_eq!(
            depth(ColorChoice::Always, false, &rich),
            ColorDepth::TrueColor
        );
        assert_eq!(depth(ColorChoice::Never, true, &rich), ColorDepth::None);
    }
}
