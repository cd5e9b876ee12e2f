//! BuildKit's word splitters: builder flags, quote-aware words, whitespace fields.
//!
//! All functions take a slice of the logical line and return byte ranges relative to it, so
//! the caller can map them to source spans.

/// Go's `unicode.IsSpace` (the same set as Rust's `char::is_whitespace`).
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Go's `unicode.IsSpace(rune(b))` applied to single bytes, as BuildKit's byte-by-byte
/// scanners (`extractBuilderFlags`, `parseHealthConfig`) do: for the lead byte of a multi-byte
/// character this is false, so only ASCII blanks count. (Those scanners also see the
/// continuation bytes 0x85 and 0xA0 as blanks and cut the character in two; we keep
/// characters whole.)
pub(crate) fn is_byte_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0b' | '\x0c' | '\r' | ' ')
}

/// BuildKit's `reWhitespace`: `[\t\v\f\r ]+`.
pub(crate) fn is_field_sep(c: char) -> bool {
    matches!(c, '\t' | '\x0b' | '\x0c' | '\r' | ' ')
}

/// Where a word splitter is: between words, in a word, or inside quotes.
#[derive(PartialEq)]
enum Phase {
    Spaces,
    Word,
    Quote,
}

/// A token: its byte range in the input and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Tok {
    /// A token from the word built so far, leaving `word` empty for the next one. `word` is
    /// a scratch buffer kept across words: each token gets one allocation of its exact size.
    fn take(start: usize, end: usize, word: &mut String) -> Tok {
        let text = word.as_str().to_owned();
        word.clear();
        Tok { start, end, text }
    }
}

/// A builder flag word: quotes and backslashes removed, as BuildKit reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FlagTok {
    pub(crate) tok: Tok,
    /// Input offset of the first `=` that made it into the word, if any.
    pub(crate) eq: Option<usize>,
}

/// BuildKit's `extractBuilderFlags`: leading `--` words, stopping at the first other word or a
/// bare `--`. Returns the flags and where the remaining arguments start.
pub(crate) fn extract_flags(line: &str) -> (Vec<FlagTok>, usize) {
    let mut flags = Vec::new();
    let mut phase = Phase::Spaces;
    let mut word = String::new();
    let mut word_start = 0;
    let mut eq = None;
    let mut quote = '\0';
    let mut blank_ok = false;
    let mut chars = line.char_indices().peekable();
    loop {
        let Some((pos, mut ch)) = chars.next() else {
            if phase != Phase::Spaces && word != "--" && (blank_ok || !word.is_empty()) {
                let tok = Tok {
                    start: word_start,
                    end: line.len(),
                    text: word,
                };
                flags.push(FlagTok { tok, eq });
            }
            return (flags, line.len());
        };
        if phase == Phase::Spaces {
            if is_byte_space(ch) {
                continue;
            }
            if ch != '-' || chars.peek().map(|&(_, c)| c) != Some('-') {
                return (flags, pos);
            }
            phase = Phase::Word;
            word_start = pos;
            eq = None;
        }
        if phase == Phase::Word {
            if is_byte_space(ch) {
                phase = Phase::Spaces;
                if word == "--" {
                    return (flags, pos);
                }
                if blank_ok || !word.is_empty() {
                    let tok = Tok::take(word_start, pos, &mut word);
                    flags.push(FlagTok { tok, eq });
                }
                word.clear();
                blank_ok = false;
                continue;
            }
            if ch == '\'' || ch == '"' {
                quote = ch;
                blank_ok = true;
                phase = Phase::Quote;
                continue;
            }
        } else if ch == quote {
            phase = Phase::Word;
            continue;
        }
        if ch == '\\' {
            match chars.next() {
                Some((_, next)) => ch = next,
                None => {
                    phase = Phase::Word;
                    continue;
                }
            }
        }
        if ch == '=' && eq.is_none() {
            eq = Some(pos);
        }
        word.push(ch);
    }
}

/// BuildKit's `parseWords`: whitespace-separated words where quotes group and the escape
/// character protects the next character; quotes and escapes stay in the words.
pub(crate) fn parse_words(rest: &str, escape: char) -> Vec<Tok> {
    let mut words = Vec::new();
    let mut phase = Phase::Spaces;
    let mut word = String::new();
    let mut start = 0;
    let mut quote = '\0';
    let mut blank_ok = false;
    let mut chars = rest.char_indices().peekable();
    loop {
        let Some((pos, mut ch)) = chars.next() else {
            if phase != Phase::Spaces && (blank_ok || !word.is_empty()) {
                words.push(Tok {
                    start,
                    end: rest.len(),
                    text: word,
                });
            }
            return words;
        };
        if phase == Phase::Spaces {
            if is_space(ch) {
                continue;
            }
            phase = Phase::Word;
            start = pos;
        }
        if phase == Phase::Word {
            if is_space(ch) {
                phase = Phase::Spaces;
                if blank_ok || !word.is_empty() {
                    words.push(Tok::take(start, pos, &mut word));
                }
                blank_ok = false;
                continue;
            }
            if ch == '\'' || ch == '"' {
                quote = ch;
                blank_ok = true;
                phase = Phase::Quote;
            }
            if ch == escape {
                let Some((_, next)) = chars.next() else {
                    continue;
                };
                word.push(ch);
                ch = next;
            }
            word.push(ch);
            continue;
        }
        // In quotes.
        if ch == quote {
            phase = Phase::Word;
        }
        if ch == escape && quote != '\'' {
            let Some((_, next)) = chars.next() else {
                phase = Phase::Word;
                continue;
            };
            word.push(ch);
            ch = next;
        }
        word.push(ch);
    }
}

/// Non-empty fields separated by runs of `[\t\v\f\r ]` (BuildKit's `reWhitespace.Split`).
pub(crate) fn fields(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (is_field_sep(c), start) {
            (true, Some(st)) => {
                out.push((st, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// `reWhitespace.Split(s, 2)`: the first field and, if a separator follows, where the rest
/// starts (the rest may be empty).
pub(crate) fn split_first_field(s: &str) -> (usize, Option<usize>) {
    match s.char_indices().find(|&(_, c)| is_field_sep(c)) {
        None => (s.len(), None),
        Some((i, _)) => {
            let rest = s[i..]
                .char_indices()
                .find(|&(_, c)| !is_field_sep(c))
                .map_or(s.len(), |(j, _)| i + j);
            (i, Some(rest))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(toks: &[Tok]) -> Vec<&str> {
        toks.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn flags_stop_at_first_plain_word_or_bare_dashes() {
        let line = "--from=a --chown=\"x y\" --  --link a b";
        let (flags, rest) = extract_flags(line);
        let f: Vec<_> = flags.iter().map(|f| f.tok.text.as_str()).collect();
        assert_eq!(f, ["--from=a", "--chown=x y"]);
        assert_eq!(&line[rest..], "  --link a b");
        let (flags, rest) = extract_flags("--x=a\\ b c");
        assert_eq!(flags[0].tok.text, "--x=a b");
        assert_eq!(flags[0].eq, Some(3));
        assert_eq!(rest, 9);
        let (flags, rest) = extract_flags("--b= x");
        assert_eq!(flags[0].tok.text, "--b=");
        assert_eq!(rest, 5);
        assert_eq!(extract_flags("-- x"), (vec![], 2));
        assert_eq!(extract_flags("--"), (vec![], 2));
        assert_eq!(extract_flags("-x").1, 0);
    }

    #[test]
    fn words_keep_quotes_and_escapes() {
        let w = parse_words(r#"a=1 b="2 3" "a b"=c d=e\ f g\"h"#, '\\');
        assert_eq!(
            texts(&w),
            ["a=1", r#"b="2 3""#, r#""a b"=c"#, r"d=e\ f", r#"g\"h"#]
        );
        let w = parse_words("a=b` c d=e", '`');
        assert_eq!(texts(&w), ["a=b` c", "d=e"]);
        let w = parse_words("x\\", '\\');
        assert_eq!(texts(&w), ["x"]);
        assert_eq!((w[0].start, w[0].end), (0, 2));
        assert_eq!(texts(&parse_words("'' x", '\\')), ["''", "x"]);
    }

    #[test]
    fn fields_split_on_ascii_blanks_only() {
        assert_eq!(fields("a  b\u{a0}c\td"), [(0, 1), (3, 7), (8, 9)]);
        assert_eq!(split_first_field("a  b c"), (1, Some(3)));
        assert_eq!(split_first_field("a"), (1, None));
    }
}
