//! Heredoc markers (`<<EOF`, `<<-EOF`, `3<<"EOF"`) in an instruction line, found the way
//! BuildKit does: split the line into shell words (quotes and escapes kept), then match each
//! word against `^(\d*)<<(-?)([^<]*)$` and unquote the delimiter.

use super::words::is_space;

/// A heredoc marker found in the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    /// Byte range of the whole marker word in the line.
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub(crate) fd: u32,
    pub(crate) chomp: bool,
    pub quoted: bool,
}

/// Shell words of `line` (BuildKit lexer with raw quotes and raw escapes, `\` as escape).
/// `$` is not special: BuildKit leaves unset variables in place here. An unterminated quote
/// makes the lexer fail, and then BuildKit finds no heredocs at all.
fn raw_words(line: &str) -> Option<Vec<(usize, usize)>> {
    let mut words = Vec::new();
    let mut chars = line.char_indices().peekable();
    let mut start: Option<usize> = None;
    while let Some((i, c)) = chars.next() {
        if is_space(c) {
            if let Some(s) = start.take() {
                words.push((s, i));
            }
            continue;
        }
        start.get_or_insert(i);
        match c {
            '\'' => loop {
                match chars.next() {
                    Some((_, '\'')) => break,
                    Some(_) => {}
                    None => return None,
                }
            },
            '"' => loop {
                match chars.next() {
                    Some((_, '"')) => break,
                    Some((_, '\\')) => {
                        chars.next();
                    }
                    Some(_) => {}
                    None => return None,
                }
            },
            '\\' => {
                chars.next();
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, line.len()));
    }
    Some(words)
}

/// The delimiter word with quotes removed and escapes applied; `None` if it is not exactly
/// one word. Also says whether any quoting was involved.
fn unquote(rest: &str) -> Option<(String, bool)> {
    let mut out = String::new();
    let mut quoted = false;
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            c if is_space(c) => return None,
            '\'' => {
                quoted = true;
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    out.push(c);
                }
            }
            '"' => {
                quoted = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some(n @ ('"' | '$' | '\\')) => out.push(n),
                            Some(n) => {
                                out.push('\\');
                                out.push(n);
                            }
                            None => {}
                        },
                        _ => out.push(c),
                    }
                }
            }
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            _ => out.push(c),
        }
    }
    Some((out, quoted))
}

/// Matches one word against BuildKit's heredoc pattern.
fn marker(word: &str) -> Option<(u32, bool, &str)> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let rest = word[digits..].strip_prefix("<<")?;
    let (chomp, rest) = match rest.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    if rest.is_empty() || rest.contains('<') {
        return None;
    }
    // An fd that does not fit is reported as 0, as BuildKit ignores the conversion error.
    let fd = word[..digits].parse().unwrap_or(0);
    Some((fd, chomp, rest))
}

/// All heredoc markers of an instruction line, in order.
pub(crate) fn markers(line: &str) -> Vec<Marker> {
    // Every marker word contains `<<`: most lines have none, and need no word split.
    if !line.contains("<<") {
        return Vec::new();
    }
    let Some(words) = raw_words(line) else {
        return Vec::new();
    };
    words
        .into_iter()
        .filter_map(|(start, end)| {
            let (fd, chomp, rest) = marker(&line[start..end])?;
            let (name, quoted) = unquote(rest)?;
            Some(Marker {
                start,
                end,
                name,
                fd,
                chomp,
                quoted,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(line: &str) -> Vec<(String, u32, bool, bool)> {
        markers(line)
            .into_iter()
            .map(|m| (m.name, m.fd, m.chomp, m.quoted))
            .collect()
    }

    #[test]
    fn finds_markers_like_buildkit() {
        assert_eq!(names("RUN <<EOF"), [("EOF".into(), 0, false, false)]);
        assert_eq!(names("RUN 3<<-'EOF' x"), [("EOF".into(), 3, true, true)]);
        assert_eq!(names(r#"COPY <<"A" <<B /x/"#).len(), 2);
        assert_eq!(names(r#"RUN <<E"O"F"#), [("EOF".into(), 0, false, true)]);
        assert_eq!(names(r"RUN <<E\OF"), [("EOF".into(), 0, false, false)]);
        assert_eq!(names(r"RUN <<EOF\ x"), [("EOF x".into(), 0, false, false)]);
        assert_eq!(names("RUN <<$EOF"), [("$EOF".into(), 0, false, false)]);
        assert_eq!(
            names("RUN cat <<EOF>f"),
            [("EOF>f".into(), 0, false, false)]
        );
    }

    #[test]
    fn ignores_non_markers() {
        for line in [
            "RUN << EOF",
            "RUN a<<EOF",
            "RUN <<EOF;<<B",
            r#"RUN echo "<<EOF""#,
            r"RUN echo \<<EOF",
            r#"RUN <<EOF "x"#,
            "RUN <<",
        ] {
            assert!(markers(line).is_empty(), "{line}");
        }
    }
}
