//! The command line's view of highlight's choices: highlight stays free of clap, and the names
//! shown in `--help` are the ones the config file and the TUI use.

use clap::ValueEnum;
use clap::builder::PossibleValue;

use crate::highlight::{CodeTheme, ColorChoice};

impl ValueEnum for ColorChoice {
    fn value_variants<'a>() -> &'a [Self] {
        &[ColorChoice::Auto, ColorChoice::Always, ColorChoice::Never]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            ColorChoice::Auto => PossibleValue::new("auto").help(
                "Colour when writing to a terminal and neither NO_COLOR nor TERM=dumb says otherwise",
            ),
            ColorChoice::Always => PossibleValue::new("always")
                .help("Colour even when piped or with NO_COLOR set (at least 16 colours)"),
            ColorChoice::Never => PossibleValue::new("never")
                .help("No colour at all (bold, underline and reverse still mark things)"),
        })
    }
}

impl ValueEnum for CodeTheme {
    fn value_variants<'a>() -> &'a [Self] {
        &CodeTheme::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_the_name_the_config_uses() {
        for theme in CodeTheme::ALL {
            assert_eq!(
                <CodeTheme as ValueEnum>::from_str(theme.name(), false),
                Ok(theme)
            );
        }
        for choice in ColorChoice::value_variants() {
            let name = choice.to_possible_value().unwrap().get_name().to_owned();
            assert_eq!(
                <ColorChoice as ValueEnum>::from_str(&name, false),
                Ok(*choice)
            );
        }
    }
}
