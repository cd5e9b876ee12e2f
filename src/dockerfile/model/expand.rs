//! `${VAR}` expansion for the places the model needs a value at lint time (FROM lines, from
//! global ARG defaults), following BuildKit's shell lexer for the common forms: `$v`, `${v}`,
//! `${v:-w}`, `${v-w}`, `${v:+w}`, `${v+w}`, quotes and `\` escapes. Anything rarer is reported as
//! unsupported, and the caller then treats the value as unknown rather than guessing.

/// Why a word could not be expanded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum ExpandError {
    #[error("syntax error: missing '}}'")]
    MissingBrace,
    #[error("syntax error: bad substitution")]
    BadSubstitution,
    #[error("unsupported substitution ${{{0}}}")]
    Unsupported(String),
}

/// What expansion found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Expanded {
    pub value: String,
    /// Variable names referenced (in order, duplicates kept once).
    pub used: Vec<String>,
    /// Referenced names that had no value (expanded as empty, as BuildKit does).
    pub unset: Vec<String>,
}

/// Expands `word` with `lookup` (`None` = the variable is not set).
pub(crate) fn expand(
    word: &str,
    escape: char,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<Expanded, ExpandError> {
    // Most words (every plain image name) have nothing to expand, unquote or unescape.
    if !word.contains(['$', '\'', '"', escape]) {
        return Ok(Expanded {
            value: word.to_owned(),
            ..Expanded::default()
        });
    }
    expand_at(word, escape, lookup, 0)
}

/// Nesting deeper than this is refused: it keeps time linear and the stack bounded.
const MAX_DEPTH: usize = 32;

fn expand_at(
    word: &str,
    escape: char,
    lookup: &dyn Fn(&str) -> Option<String>,
    depth: usize,
) -> Result<Expanded, ExpandError> {
    if depth > MAX_DEPTH {
        return Err(ExpandError::Unsupported("nesting too deep".into()));
    }
    let mut out = Expanded {
        value: String::with_capacity(word.len()),
        ..Expanded::default()
    };
    // Byte offsets: every character with a meaning here is ASCII (the escape is `\` or a
    // backtick), so others are copied through whole.
    let mut i = 0;
    let mut quote: Option<char> = None;
    while let Some(c) = word[i..].chars().next() {
        let next = i + c.len_utf8();
        match (c, quote) {
            ('\'', None) | ('"', None) => quote = Some(c),
            (q, Some(open)) if q == open => quote = None,
            (e, q) if e == escape && q != Some('\'') && next < word.len() => {
                let escaped = word[next..].chars().next().unwrap_or_default();
                out.value.push(escaped);
                i = next + escaped.len_utf8();
                continue;
            }
            ('$', q) if q != Some('\'') => {
                i = expand_var(word, next, (escape, depth), lookup, &mut out)?;
                continue;
            }
            _ => out.value.push(c),
        }
        i = next;
    }
    Ok(out)
}

/// Reads a variable reference starting just after `$` (byte `start`); returns the byte
/// offset after it.
fn expand_var(
    word: &str,
    start: usize,
    (escape, depth): (char, usize),
    lookup: &dyn Fn(&str) -> Option<String>,
    out: &mut Expanded,
) -> Result<usize, ExpandError> {
    let bytes = word.as_bytes();
    let is_name = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    if bytes.get(start) != Some(&b'{') {
        let end = (start..bytes.len())
            .find(|&j| !is_name(bytes[j]))
            .unwrap_or(bytes.len());
        if end == start {
            out.value.push('$');
            return Ok(start);
        }
        push_value(&word[start..end], lookup, out);
        return Ok(end);
    }
    // ${...}: find the matching brace (nesting allowed in the word part).
    let mut braces = 0;
    let mut close = None;
    for (j, &b) in bytes.iter().enumerate().skip(start) {
        match b {
            b'{' => braces += 1,
            b'}' => {
                braces -= 1;
                if braces == 0 {
                    close = Some(j);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close.ok_or(ExpandError::MissingBrace)?;
    let inner = &word[start + 1..close];
    let name_len = inner.bytes().take_while(|&b| is_name(b)).count();
    if name_len == 0 {
        return Err(ExpandError::BadSubstitution);
    }
    let (name, rest) = inner.split_at(name_len);
    let value = lookup(name);
    remember(name, value.is_none(), out);
    let set = value.is_some();
    let nonempty = value.as_deref().is_some_and(|v| !v.is_empty());
    let word = |w: &str, out: &mut Expanded| -> Result<String, ExpandError> {
        let e = expand_at(w, escape, lookup, depth + 1)?;
        for u in e.used {
            remember(&u, e.unset.contains(&u), out);
        }
        Ok(e.value)
    };
    let result = match rest {
        "" => value.unwrap_or_default(),
        _ if rest.starts_with(":-") => {
            if nonempty {
                value.unwrap_or_default()
            } else {
                word(&rest[2..], out)?
            }
        }
        _ if rest.starts_with('-') => {
            if set {
                value.unwrap_or_default()
            } else {
                word(&rest[1..], out)?
            }
        }
        _ if rest.starts_with(":+") => {
            if nonempty {
                word(&rest[2..], out)?
            } else {
                String::new()
            }
        }
        _ if rest.starts_with('+') => {
            if set {
                word(&rest[1..], out)?
            } else {
                String::new()
            }
        }
        _ => return Err(ExpandError::Unsupported(inner.to_string())),
    };
    out.value.push_str(&result);
    Ok(close + 1)
}

fn push_value(name: &str, lookup: &dyn Fn(&str) -> Option<String>, out: &mut Expanded) {
    let value = lookup(name);
    remember(name, value.is_none(), out);
    out.value.push_str(value.as_deref().unwrap_or(""));
}

fn remember(name: &str, unset: bool, out: &mut Expanded) {
    if !out.used.iter().any(|u| u == name) {
        out.used.push(name.to_string());
    }
    if unset && !out.unset.iter().any(|u| u == name) {
        out.unset.push(name.to_string());
    }
}

/// Whether `word` refers to any variable at all (cheap pre-check).
pub(crate) fn has_variable(word: &str) -> bool {
    word.contains('$')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(word: &str) -> Result<Expanded, ExpandError> {
        let vars = |n: &str| match n {
            "TAG" => Some("22".to_string()),
            "EMPTY" => Some(String::new()),
            "BASE" => Some("node".to_string()),
            _ => None,
        };
        expand(word, '\\', &vars)
    }

    fn val(word: &str) -> String {
        ex(word).unwrap().value
    }

    #[test]
    fn plain_and_braced() {
        assert_eq!(val("node:$TAG"), "node:22");
        assert_eq!(val("${BASE}:${TAG}-alpine"), "node:22-alpine");
        assert_eq!(val("node:${NOPE}"), "node:");
        let e = ex("$BASE:${NOPE}").unwrap();
        assert_eq!(e.used, ["BASE", "NOPE"]);
        assert_eq!(e.unset, ["NOPE"]);
        assert_eq!(val("cost$"), "cost$");
    }

    #[test]
    fn modifiers() {
        assert_eq!(val("${NOPE:-3.20}"), "3.20");
        assert_eq!(val("${EMPTY:-x}"), "x");
        assert_eq!(val("${EMPTY-x}"), "");
        assert_eq!(val("${NOPE-x}"), "x");
        assert_eq!(val("${TAG:+set}"), "set");
        assert_eq!(val("${NOPE:+set}"), "");
        assert_eq!(val("${EMPTY+set}"), "set");
        assert_eq!(val("${NOPE:-${TAG}}"), "22");
        assert!(matches!(ex("${TAG#2}"), Err(ExpandError::Unsupported(_))));
    }

    #[test]
    fn plain_words_come_back_unchanged_and_the_escape_still_counts() {
        let plain = ex("golang:1.25-alpine@sha256:abc").unwrap();
        assert_eq!(plain.value, "golang:1.25-alpine@sha256:abc");
        assert!(plain.used.is_empty() && plain.unset.is_empty());
        let none = |_: &str| None;
        assert_eq!(expand("a`b", '`', &none).unwrap().value, "ab");
        assert_eq!(expand("a`b", '\\', &none).unwrap().value, "a`b");
    }

    #[test]
    fn quotes_and_escapes() {
        assert_eq!(val("'$TAG'"), "$TAG");
        assert_eq!(val("\"$TAG\""), "22");
        assert_eq!(val("\\$TAG"), "$TAG");
    }

    #[test]
    fn errors_not_panics() {
        assert_eq!(ex("${TAG"), Err(ExpandError::MissingBrace));
        assert_eq!(ex("${}"), Err(ExpandError::BadSubstitution));
        assert_eq!(ex("${:-x}"), Err(ExpandError::BadSubstitution));
        let nested = format!("{}x{}", "${A:-".repeat(20), "}".repeat(20));
        assert_eq!(val(&nested), "x");
        let deep = format!("{}x{}", "${A:-".repeat(100_000), "}".repeat(100_000));
        assert!(matches!(ex(&deep), Err(ExpandError::Unsupported(_))));
    }
}
