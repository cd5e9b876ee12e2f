//! Parser directives (`# syntax=…`, `# escape=…`, `# check=…`) at the top of the file.

/// The directive keys BuildKit knows. `check` is current BuildKit (frontend ≥ 1.8); the pinned
/// reference parser (v0.12.5) predates it.
const KNOWN: [&str; 3] = ["syntax", "escape", "check"];

/// Splits `#  key = value ` into (key, value) the way BuildKit's directive regex
/// `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` does (`\s` is ASCII whitespace there).
pub(crate) fn split_directive(line: &str) -> Option<(&str, &str)> {
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\x0c' | '\r');
    let rest = line.strip_prefix('#')?.trim_start_matches(is_space);
    let key_len = rest
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit())))
        .map_or(rest.len(), |(i, _)| i);
    if key_len == 0 {
        return None;
    }
    let (key, after) = rest.split_at(key_len);
    let after = after.trim_start_matches(is_space).strip_prefix('=')?;
    // `\s*(.+?)\s*$`: skip blanks, but the value takes at least one character, even a blank.
    let trimmed = after.trim_start_matches(is_space);
    let value_src = if trimmed.is_empty() { after } else { trimmed };
    let value = value_src.trim_end_matches(is_space);
    let value = if value.is_empty() {
        value_src.get(..value_src.chars().next()?.len_utf8())?
    } else {
        value
    };
    Some((key, value))
}

/// What one line means to the directive scanner.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum DirectiveLine<'a> {
    /// Scanning is over (this line or an earlier one was not a directive).
    Done,
    /// A known directive.
    Directive { name: String, value: &'a str },
    /// A known directive seen before: BuildKit's error message.
    Duplicate(String),
}

/// Tracks where directive scanning stops: at the first line that is not a known directive.
#[derive(Debug, Default)]
pub(crate) struct DirectiveScanner {
    done: bool,
    seen: Vec<String>,
}

impl DirectiveScanner {
    /// Feeds one left-trimmed line.
    pub(crate) fn line<'a>(&mut self, line: &'a str) -> DirectiveLine<'a> {
        if self.done {
            return DirectiveLine::Done;
        }
        let Some((key, value)) = split_directive(line) else {
            self.done = true;
            return DirectiveLine::Done;
        };
        let name = key.to_ascii_lowercase();
        if !KNOWN.contains(&name.as_str()) {
            self.done = true;
            return DirectiveLine::Done;
        }
        if self.seen.contains(&name) {
            return DirectiveLine::Duplicate(format!(
                "only one {name} parser directive can be used"
            ));
        }
        self.seen.push(name.clone());
        DirectiveLine::Directive { name, value }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_like_buildkits_regex() {
        assert_eq!(
            split_directive("# syntax=docker/dockerfile:1"),
            Some(("syntax", "docker/dockerfile:1"))
        );
        assert_eq!(split_directive("#Escape = ` "), Some(("Escape", "`")));
        assert_eq!(split_directive("# escape= "), Some(("escape", " ")));
        assert_eq!(split_directive("# escape="), None);
        assert_eq!(split_directive("# 1x=y"), None);
        assert_eq!(split_directive("# a b=c"), None);
        assert_eq!(split_directive("RUN x=y"), None);
    }

    #[test]
    fn scanning_stops_at_unknown_directive_and_flags_duplicates() {
        let mut s = DirectiveScanner::default();
        assert!(matches!(
            s.line("# syntax=a"),
            DirectiveLine::Directive { .. }
        ));
        assert_eq!(
            s.line("# SYNTAX=b"),
            DirectiveLine::Duplicate("only one syntax parser directive can be used".into())
        );
        assert_eq!(s.line("# foo=bar"), DirectiveLine::Done);
        assert_eq!(s.line("# escape=`"), DirectiveLine::Done);
    }
}
