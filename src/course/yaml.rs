//! The crate's one door to YAML: every YAML document (lesson front matter, quiz files) is read
//! through [`parse`], so nothing else names the YAML crate.
//!
//! `serde_yaml` 0.9 is archived upstream (see ../shared/docs/DEPS.md §6). Swapping to a maintained
//! fork is a one-line change in Cargo.toml, because the forks keep its API:
//! `serde_yaml = { package = "yaml_serde", version = "0.10" }`.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A YAML document that could not be read into the wanted type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct YamlError {
    /// 1-based line inside the YAML text (the start when the parser gives no position).
    pub line: usize,
    /// 1-based column inside the YAML text.
    pub column: usize,
    /// What is wrong, without the position (that is in `line`/`column`).
    pub message: String,
}

/// Reads `text` as one YAML document into `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(|err| {
        let (message, mentioned) = split_positions(&err.to_string());
        // libyaml names two places for an unfinished construct ("end of stream at …, while
        // scanning a quoted scalar at …"): the earliest is where the author should look.
        let (line, column) = mentioned
            .into_iter()
            .chain(err.location().map(|loc| (loc.line(), loc.column())))
            .min()
            .unwrap_or((1, 1));
        YamlError {
            line,
            column,
            message,
        }
    })
}

/// Writes `value` as one YAML document (for files dockerlings writes itself, such as a
/// workshop's manifest).
pub fn render<T: Serialize>(value: &T) -> Result<String, YamlError> {
    serde_yaml::to_string(value).map_err(|err| YamlError {
        line: 1,
        column: 1,
        message: err.to_string(),
    })
}

/// Removes every " at line L column C" from serde_yaml's message, returning the positions.
fn split_positions(message: &str) -> (String, Vec<(usize, usize)>) {
    const AT: &str = " at line ";
    let mut text = String::new();
    let mut positions = Vec::new();
    let mut rest = message;
    while let Some(at) = rest.find(AT) {
        text.push_str(&rest[..at]);
        let after = &rest[at + AT.len()..];
        let parsed = after.split_once(" column ").and_then(|(line, tail)| {
            let digits = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            Some((
                line.parse().ok()?,
                tail[..digits].parse().ok()?,
                &tail[digits..],
            ))
        });
        match parsed {
            Some((line, column, tail)) => {
                positions.push((line, column));
                rest = tail;
            }
            None => {
                text.push_str(AT);
                rest = after;
            }
        }
    }
    text.push_str(rest);
    (text, positions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Card {
        id: String,
        order: i64,
    }

    #[test]
    fn parses_into_a_struct() {
        let card: Card = parse("id: a\norder: 3\n").unwrap();
        assert_eq!(
            card,
            Card {
                id: "a".into(),
                order: 3
            }
        );
    }

    #[test]
    fn render_then_parse_round_trips() {
        #[derive(serde::Serialize)]
        struct Out<'a> {
            id: &'a str,
            order: i64,
        }
        let text = render(&Out {
            id: "a: b",
            order: 2,
        })
        .unwrap();
        let card: Card = parse(&text).unwrap();
        assert_eq!(
            card,
            Card {
                id: "a: b".into(),
                order: 2
            }
        );
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let err = parse::<Card>("id: a\n\norder: 1: 2\n").unwrap_err();
        assert_eq!(err.line, 3, "{err:?}");
        assert!(!err.message.contains(" at line "), "{err:?}");
    }

    #[test]
    fn unfinished_quote_points_at_its_start() {
        let err = parse::<Card>("order: 1\nid: \"open\nx: 1\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 5), "{err:?}");
        assert_eq!(
            err.message,
            "found unexpected end of stream, while scanning a quoted scalar"
        );
    }

    #[test]
    fn unknown_field_points_at_the_key() {
        let err = parse::<Card>("id: a\norder: 1\ncolour: red\n").unwrap_err();
        assert_eq!((err.line, err.column), (3, 1), "{err:?}");
        assert!(err.message.contains("unknown field `colour`"), "{err:?}");
    }

    #[test]
    fn wrong_type_points_at_the_value() {
        let err = parse::<Card>("id: a\norder: soon\n").unwrap_err();
        assert_eq!(err.line, 2, "{err:?}");
        assert!(err.message.contains("order"), "{err:?}");
    }
}
