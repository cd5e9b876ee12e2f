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

/// Most levels of flow collections (`[…]`, `{…}`) a document may open. libyaml's scanner
/// takes time in proportion to the open levels for every token, so 100k levels took 18 s;
/// serde_yaml refuses more than 128 levels of any kind anyway, after paying that time.
pub const MAX_FLOW_DEPTH: usize = 64;

/// Reads `text` as one YAML document into `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    if let Some(line) = too_deep(text) {
        return Err(YamlError {
            line,
            column: 1,
            message: format!(
                "nested more than {MAX_FLOW_DEPTH} levels deep in `[…]` or `{{…}}`; \
                 flatten the document"
            ),
        });
    }
    serde_yaml::from_str(text).map_err(|err| {
        let (message, mentioned) = split_positions(&err.to_string());
        // libyaml names two places for an unfinished construct ("end of stream at …, while
        // scanning a quoted scalar at …"): the earliest is where the author should look.
        let (line, column) = mentioned
            .into_iter()
            .chain(err.location().map(|loc| (loc.line(), loc.column())))
            .min()
            .map_or((1, 1), |(line, column)| {
                newline_position(text, line, column)
            });
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

/// The line where `text` may open more than [`MAX_FLOW_DEPTH`] flow levels, in one linear pass.
///
/// The bound must never be lower than what libyaml sees, yet a bracket inside a quoted scalar
/// or a comment is text, and whether a quote or `#` starts one depends on context this pass
/// does not track. So it follows every reading at once: each quote or `#` forks a branch that
/// reads it as the start of a scalar or comment, while the main branch reads it as text; each
/// branch keeps the largest depth that reaches it, and rejoins the main one where its scalar or
/// comment could end. Depth only ever grows through a branch, so the largest is a bound.
fn too_deep(text: &str) -> Option<usize> {
    // Each state holds the largest depth with which some reading is in it.
    let mut plain = 0usize;
    let (mut double, mut escaped, mut single, mut comment) = (None, None, None, None);
    let (mut line, mut after_blank) = (1, true);
    let mut prev = b'\n';
    let max = |a: Option<usize>, b: usize| Some(a.map_or(b, |a| a.max(b)));
    for &b in text.as_bytes() {
        let mut next_plain = match b {
            b'[' | b'{' => plain + 1,
            b']' | b'}' => plain.saturating_sub(1),
            _ => plain,
        };
        let (mut next_double, mut next_escaped, mut next_single, mut next_comment) =
            (None, None, None, None);
        // A quote opens a scalar only where a scalar can start: a quote inside a word
        // (`Debian's`) is text, and forking there let stale depths pile up over a long file.
        let scalar_start = matches!(
            prev,
            b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b',' | b':'
        );
        match b {
            b'"' if scalar_start => next_double = max(next_double, plain),
            b'\'' if scalar_start || prev == b'\'' => next_single = max(next_single, plain),
            // A comment starts only after a blank or at a line start (libyaml also needs that).
            b'#' if after_blank => next_comment = max(next_comment, plain),
            _ => {}
        }
        if let Some(d) = double {
            match b {
                b'\\' => next_escaped = max(next_escaped, d),
                b'"' => next_plain = next_plain.max(d),
                _ => next_double = max(next_double, d),
            }
        }
        if let Some(d) = escaped {
            next_double = max(next_double, d);
        }
        if let Some(d) = single {
            // `''` inside is a quote, not the end: the main branch forks a new one there.
            match b {
                b'\'' => next_plain = next_plain.max(d),
                _ => next_single = max(next_single, d),
            }
        }
        if let Some(d) = comment {
            // A comment ends at a line break: `\n` surely; CR, NEL, LS and PS perhaps.
            match b {
                b'\n' => next_plain = next_plain.max(d),
                b'\r' | 0x80.. => {
                    next_plain = next_plain.max(d);
                    next_comment = max(next_comment, d);
                }
                _ => next_comment = max(next_comment, d),
            }
        }
        (plain, double, escaped, single, comment) = (
            next_plain,
            next_double,
            next_escaped,
            next_single,
            next_comment,
        );
        if b == b'\n' {
            line += 1;
        }
        after_blank = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x80..);
        prev = b;
        if plain > MAX_FLOW_DEPTH {
            return Some(line);
        }
    }
    None
}

/// libyaml's 1-based (line, column) as the rest of dockerlings counts: lines end at `\n` only.
/// libyaml also ends a line at a lone CR, NEL, LS or PS, so a file of CRs had errors "on"
/// lines far past its end.
fn newline_position(text: &str, line: usize, column: usize) -> (usize, usize) {
    let is_break = |c: char| matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}');
    if !text.contains(|c: char| is_break(c) && c != '\n') {
        return (line, column);
    }
    // The byte where libyaml's line starts, then its column's character on that line.
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    let mut yaml_line = 1;
    while yaml_line < line {
        let Some((at, c)) = chars.next() else { break };
        if is_break(c) {
            if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                chars.next();
            }
            yaml_line += 1;
            start = chars.peek().map_or(text.len(), |&(next, _)| next);
        } else if at + c.len_utf8() == text.len() {
            start = text.len();
        }
    }
    let offset = text[start..]
        .char_indices()
        .take_while(|&(_, c)| !is_break(c))
        .nth(column.saturating_sub(1))
        .map_or_else(
            || start + text[start..].find(is_break).unwrap_or(text.len() - start),
            |(at, _)| start + at,
        );
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    (
        1 + before.matches('\n').count(),
        1 + before[line_start..].chars().count(),
    )
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
    fn deep_flow_nesting_is_refused_before_the_parser_runs() {
        let deep = format!("a: 1\nb: {}{}\n", "[".repeat(65), "]".repeat(65));
        let err = parse::<serde_json::Value>(&deep).unwrap_err();
        assert_eq!(err.line, 2, "{err:?}");
        assert!(err.message.contains("more than 64 levels"), "{err:?}");
        let map = "{a: ".repeat(100) + &"}".repeat(100);
        assert!(parse::<serde_json::Value>(&map).is_err());
        let ok = format!("{}1{}", "[".repeat(64), "]".repeat(64));
        assert!(parse::<serde_json::Value>(&ok).is_ok());
    }

    #[test]
    fn brackets_in_scalars_and_comments_cannot_hide_nesting() {
        // Closing brackets inside quotes, escapes and comments are text to libyaml: they
        // must not bring the count down.
        let hidden = [
            "[\"]\", ",
            "[' ]'' ]', ",
            "[\"\\\" ]\", ",
            "[ # ]\n",
            "[ #\r]\n",
        ];
        for level in hidden {
            let text = level.repeat(70) + "1" + &"]".repeat(70);
            assert!(too_deep(&text).is_some(), "{level:?}");
        }
        // Brackets in prose, balanced or few, are fine. (Only text that leaves more than 64
        // brackets open, even counted as comments would be, is refused without need.)
        let prose = "title: \"it's [a] {b}\"\nnote: x ] y # [\ncode: |\n  CMD [\"a\"]\n";
        assert_eq!(too_deep(&prose.repeat(50)), None);
    }

    #[test]
    fn apostrophes_inside_words_open_no_scalar() {
        // Each `'` inside a word once forked a quoted reading that carried the depth it was
        // opened at to wherever the next `'` fell: a flat file with `it's` inside and outside
        // brackets (the image table) climbed past the limit.
        let flat = "a: [it's]\nb: it's\n".repeat(100);
        assert_eq!(too_deep(&flat), None);
        let table = include_str!("../assets/images.yaml");
        assert_eq!(too_deep(table), None);
    }

    #[test]
    fn lone_carriage_returns_do_not_move_errors_past_the_end() {
        // Found by fuzzing (fuzz/fuzz_targets/quiz.rs): libyaml counts each CR as a line.
        let text = format!("id: a\norder: 1,{}x\nbad: [\n", "\r".repeat(100));
        let err = parse::<Card>(&text).unwrap_err();
        assert!(err.line <= 4, "{err:?}");
        let err = parse::<Card>("id: a\rorder: x\r").unwrap_err();
        assert_eq!(err.line, 1, "{err:?}");
        let err = parse::<Card>("id: a\r\n\r\norder: soon\r\n").unwrap_err();
        assert_eq!((err.line, err.column), (3, 8), "{err:?}");
    }

    #[test]
    fn wrong_type_points_at_the_value() {
        let err = parse::<Card>("id: a\norder: soon\n").unwrap_err();
        assert_eq!(err.line, 2, "{err:?}");
        assert!(err.message.contains("order"), "{err:?}");
    }
}
