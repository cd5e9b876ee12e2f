//! The exec-form test: is the text a JSON array of strings, as Go's `encoding/json` decides?
//!
//! Hand-written rather than serde_json because we need each element's byte range (for spans),
//! Go's exact leniency (text after the array is ignored) and no recursion on deep nesting.

/// Outcome of reading a JSON array at the start of some text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum JsonArray {
    /// A valid array of strings: decoded value and byte range (quotes included) of each.
    Strings(Vec<(String, usize, usize)>, usize),
    /// Valid JSON, but some element is not a string: BuildKit's hard error.
    NotStrings,
    /// Not valid JSON: BuildKit falls back to shell form.
    Invalid,
}

/// Go's `encoding/json` nesting limit.
const MAX_DEPTH: usize = 10_000;

/// Reads one JSON value from `s`, which must start with `[`; anything after it is ignored.
pub(crate) fn parse_array(s: &str) -> JsonArray {
    let b = s.as_bytes();
    if b.first() != Some(&b'[') {
        return JsonArray::Invalid;
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Expect {
        Value,
        ValueOrClose,
        CommaOrClose,
        Key,
        KeyOrClose,
        Colon,
    }
    let mut stack = vec![b'['];
    let mut expect = Expect::ValueOrClose;
    let mut elements = Vec::new();
    let mut all_strings = true;
    let mut i = 1;
    loop {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        let Some(&c) = b.get(i) else {
            return JsonArray::Invalid;
        };
        let top_level = stack.len() == 1;
        let close = match expect {
            Expect::ValueOrClose | Expect::CommaOrClose if c == b']' => stack.last() == Some(&b'['),
            Expect::KeyOrClose | Expect::CommaOrClose if c == b'}' => stack.last() == Some(&b'{'),
            _ => false,
        };
        if close {
            stack.pop();
            i += 1;
            if stack.is_empty() {
                return if all_strings {
                    JsonArray::Strings(elements, i)
                } else {
                    JsonArray::NotStrings
                };
            }
            expect = Expect::CommaOrClose;
            continue;
        }
        match expect {
            Expect::Value | Expect::ValueOrClose => {
                match c {
                    b'"' => {
                        let Some((value, end)) = read_string(s, i) else {
                            return JsonArray::Invalid;
                        };
                        if top_level {
                            elements.push((value, i, end));
                        }
                        i = end;
                        expect = Expect::CommaOrClose;
                        continue;
                    }
                    b'[' | b'{' => {
                        if stack.len() >= MAX_DEPTH {
                            return JsonArray::Invalid;
                        }
                        stack.push(c);
                        i += 1;
                        expect = if c == b'[' {
                            Expect::ValueOrClose
                        } else {
                            Expect::KeyOrClose
                        };
                    }
                    b't' | b'f' | b'n' => {
                        let lit: &[u8] = match c {
                            b't' => b"true",
                            b'f' => b"false",
                            _ => b"null",
                        };
                        if !b[i..].starts_with(lit) {
                            return JsonArray::Invalid;
                        }
                        i += lit.len();
                        expect = Expect::CommaOrClose;
                    }
                    b'-' | b'0'..=b'9' => {
                        let Some(end) = read_number(b, i) else {
                            return JsonArray::Invalid;
                        };
                        i = end;
                        expect = Expect::CommaOrClose;
                    }
                    _ => return JsonArray::Invalid,
                }
                if top_level {
                    all_strings = false;
                }
            }
            Expect::CommaOrClose => {
                if c != b',' {
                    return JsonArray::Invalid;
                }
                i += 1;
                expect = if stack.last() == Some(&b'[') {
                    Expect::Value
                } else {
                    Expect::Key
                };
            }
            Expect::Key | Expect::KeyOrClose => {
                if c != b'"' {
                    return JsonArray::Invalid;
                }
                let Some((_, end)) = read_string(s, i) else {
                    return JsonArray::Invalid;
                };
                i = end;
                expect = Expect::Colon;
            }
            Expect::Colon => {
                if c != b':' {
                    return JsonArray::Invalid;
                }
                i += 1;
                expect = Expect::Value;
            }
        }
    }
}

/// A JSON number starting at `i`; returns the index after it.
fn read_number(b: &[u8], mut i: usize) -> Option<usize> {
    let digits = |b: &[u8], mut i: usize| {
        let s = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        (i > s).then_some(i)
    };
    if b[i] == b'-' {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i = digits(b, i)?,
        _ => return None,
    }
    if b.get(i) == Some(&b'.') {
        i = digits(b, i + 1)?;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        i = digits(b, i)?;
    }
    Some(i)
}

/// A JSON string starting at the quote at `start`: decoded value and index after the closing
/// quote. Lone surrogates decode to U+FFFD, as in Go.
fn read_string(s: &str, start: usize) -> Option<(String, usize)> {
    let b = s.as_bytes();
    let mut out = String::new();
    let mut i = start + 1;
    let mut plain = i;
    loop {
        let c = *b.get(i)?;
        match c {
            b'"' => {
                out.push_str(&s[plain..i]);
                return Some((out, i + 1));
            }
            0..=0x1f => return None,
            b'\\' => {
                out.push_str(&s[plain..i]);
                let e = *b.get(i + 1)?;
                i += 2;
                match e {
                    b'"' => out.push('"'),
                    b'\\' => out.push('\\'),
                    b'/' => out.push('/'),
                    b'b' => out.push('\u{8}'),
                    b'f' => out.push('\u{c}'),
                    b'n' => out.push('\n'),
                    b'r' => out.push('\r'),
                    b't' => out.push('\t'),
                    b'u' => {
                        let hi = hex4(b, i)?;
                        i += 4;
                        let ch = if (0xD800..0xDC00).contains(&hi)
                            && b.get(i) == Some(&b'\\')
                            && b.get(i + 1) == Some(&b'u')
                            && hex4(b, i + 2).is_some_and(|lo| (0xDC00..0xE000).contains(&lo))
                        {
                            let lo = hex4(b, i + 2)?;
                            i += 6;
                            char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                        } else {
                            char::from_u32(hi)
                        };
                        out.push(ch.unwrap_or('\u{FFFD}'));
                    }
                    _ => return None,
                }
                plain = i;
            }
            _ => i += 1,
        }
    }
}

fn hex4(b: &[u8], i: usize) -> Option<u32> {
    let h = b.get(i..i + 4)?;
    let s = std::str::from_utf8(h).ok()?;
    if !s.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(s, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(s: &str) -> Option<Vec<String>> {
        match parse_array(s) {
            JsonArray::Strings(v, _) => Some(v.into_iter().map(|e| e.0).collect()),
            _ => None,
        }
    }

    #[test]
    fn reads_string_arrays_and_ignores_what_follows() {
        assert_eq!(strings(r#"["a", "b"] # c"#).unwrap(), ["a", "b"]);
        assert_eq!(
            strings(r#"["a\u0041\n", "\ud83d\ude00"]]"#).unwrap(),
            ["aA\n", "😀"]
        );
        assert_eq!(strings("[   ]").unwrap(), Vec::<String>::new());
        assert_eq!(strings(r#"["\udc00"]"#).unwrap(), ["\u{FFFD}"]);
    }

    #[test]
    fn non_strings_are_distinguished_from_invalid_json() {
        assert_eq!(parse_array(r#"["a", 1]"#), JsonArray::NotStrings);
        assert_eq!(
            parse_array(r#"["a", ["b"], {"k": [null, -1.5e3]}]"#),
            JsonArray::NotStrings
        );
        for bad in [
            r#"["a", "b""#,
            "['a']",
            "[1,]",
            "[01]",
            r#"["a\x"]"#,
            "[tru]",
            "[\"a\tb\"]",
        ] {
            assert_eq!(parse_array(bad), JsonArray::Invalid, "{bad}");
        }
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let deep = format!("[{}{}]", "[".repeat(200_000), "]".repeat(200_000));
        assert_eq!(parse_array(&deep), JsonArray::Invalid);
        let ok = format!("[{}{}]", "[".repeat(100), "]".repeat(100));
        assert_eq!(parse_array(&ok), JsonArray::NotStrings);
    }
}
