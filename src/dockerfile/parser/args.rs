//! One logical line → one [`Instruction`]: keyword, flags and the arguments parsed the way
//! BuildKit's per-instruction parser for that keyword does.

use super::json::{JsonArray, parse_array};
use super::logical::LogicalLine;
use super::source::Locator;
use super::words::{
    self, Tok, extract_flags, fields, is_byte_space, is_space, parse_words, split_first_field,
};
use crate::dockerfile::ast::{
    ArgDecl, Args, ErrorKind, Flag, FromArgs, Healthcheck, Instruction, KeyValue, Keyword,
    ParseError, Span, Word,
};

/// What the argument parsers need: the line, the span mapper, the escape character and a
/// place to put errors.
pub(crate) struct Ctx<'a> {
    pub loc: &'a Locator<'a>,
    pub line: &'a LogicalLine,
    pub escape: char,
    pub errors: &'a mut Vec<ParseError>,
}

impl Ctx<'_> {
    fn text(&self, lo: usize, hi: usize) -> &str {
        &self.line.text[lo..hi]
    }

    fn word(&self, lo: usize, hi: usize) -> Word {
        self.line.word(self.loc, lo, hi)
    }

    fn span(&self, lo: usize, hi: usize) -> Span {
        self.line.span(self.loc, lo, hi)
    }

    /// A word whose text differs from the source slice (decoded or unquoted).
    fn word_with(&self, text: String, lo: usize, hi: usize) -> Word {
        Word {
            text,
            span: self.span(lo, hi),
        }
    }

    fn error(&mut self, kind: ErrorKind, message: String, lo: usize, hi: usize) {
        let span = self.span(lo, hi);
        self.errors.push(ParseError {
            kind,
            message,
            span,
        });
    }
}

/// BuildKit's `splitCommand` on `text[lo..hi]`: keyword, flags and the trimmed arguments range.
struct Parts {
    cmd: (usize, usize),
    flags: Vec<words::FlagTok>,
    args: (usize, usize),
}

fn split_command(text: &str, lo: usize, hi: usize) -> Parts {
    let (tlo, thi) = trim_range(text, lo, hi);
    let (cmd_len, rest) = split_first_field(&text[tlo..thi]);
    let cmd = (tlo, tlo + cmd_len);
    let Some(rest) = rest else {
        return Parts {
            cmd,
            flags: Vec::new(),
            args: (thi, thi),
        };
    };
    let a = tlo + rest;
    let (mut flags, rest_at) = extract_flags(&text[a..thi]);
    for f in &mut flags {
        f.tok.start += a;
        f.tok.end += a;
        f.eq = f.eq.map(|e| e + a);
    }
    let args = trim_range(text, a + rest_at, thi);
    Parts { cmd, flags, args }
}

/// `strings.TrimSpace` as a range.
fn trim_range(text: &str, lo: usize, hi: usize) -> (usize, usize) {
    let s = &text[lo..hi];
    let start = lo + (s.len() - s.trim_start_matches(is_space).len());
    let end = lo + s.trim_end_matches(is_space).len();
    (start, end.max(start))
}

/// Parses the instruction in `line.text[lo..hi]`. `depth` is 1 inside ONBUILD.
pub(crate) fn instruction(ctx: &mut Ctx, lo: usize, hi: usize, depth: u8) -> Instruction {
    let mut parts = split_command(&ctx.line.text, lo, hi);
    let keyword_text = ctx.word(parts.cmd.0, parts.cmd.1);
    let keyword = Keyword::from_word(&keyword_text.text);
    let flags: Vec<Flag> = parts.flags.drain(..).map(|f| flag(ctx, f)).collect();
    let (a, b) = parts.args;
    let args = if keyword == Keyword::Onbuild {
        if a == b {
            Args::Onbuild(None)
        } else if depth == 0 {
            Args::Onbuild(Some(Box::new(instruction(ctx, a, b, 1))))
        } else {
            check_nested_triggers(ctx, a, b);
            Args::Text(ctx.word(a, b))
        }
    } else {
        plain_args(ctx, keyword, parts.args, &flags)
    };
    Instruction {
        keyword,
        keyword_text,
        flags,
        args,
        args_text: ctx.word(a, b),
        heredocs: Vec::new(),
        original: ctx.text(lo, hi).to_string(),
        span: ctx.span(parts.cmd.0, hi.max(parts.cmd.1)),
        start_line: 0,
        end_line: 0,
        comments: Vec::new(),
    }
}

/// `ONBUILD ONBUILD …` chains: the build rejects them, but BuildKit's parser still parses
/// every level, so their errors must be found. A loop, so no input can exhaust the stack.
fn check_nested_triggers(ctx: &mut Ctx, mut lo: usize, mut hi: usize) {
    loop {
        let parts = split_command(&ctx.line.text, lo, hi);
        let keyword = Keyword::from_word(ctx.text(parts.cmd.0, parts.cmd.1));
        if keyword != Keyword::Onbuild {
            plain_args(ctx, keyword, parts.args, &[]);
            return;
        }
        (lo, hi) = parts.args;
        if lo == hi {
            return;
        }
    }
}

fn flag(ctx: &Ctx, f: words::FlagTok) -> Flag {
    let raw = f.tok.text;
    let body = raw.strip_prefix("--").unwrap_or(&raw);
    let (name, value) = match body.split_once('=') {
        Some((n, v)) => (n.to_string(), Some(v.to_string())),
        None => (body.to_string(), None),
    };
    let value_span = match (f.eq, &value) {
        (Some(eq), Some(_)) => Some(ctx.span(eq + 1, f.tok.end)),
        _ => None,
    };
    Flag {
        name,
        value,
        raw,
        span: ctx.span(f.tok.start, f.tok.end),
        value_span,
    }
}

/// The arguments `line.text[a..b]` parsed for `keyword`; `flags` are the instruction's own
/// (FROM reads `--platform` from them).
fn plain_args(ctx: &mut Ctx, keyword: Keyword, (a, b): (usize, usize), flags: &[Flag]) -> Args {
    match keyword {
        Keyword::Add | Keyword::Copy | Keyword::Volume => maybe_json(ctx, a, b, true),
        Keyword::Cmd | Keyword::Entrypoint | Keyword::Run | Keyword::Shell => {
            maybe_json(ctx, a, b, false)
        }
        Keyword::Arg => {
            let decls: Vec<ArgDecl> = parse_words(ctx.text(a, b), ctx.escape)
                .into_iter()
                .map(|t| arg_decl(ctx, a, t))
                .collect();
            if decls.is_empty() {
                Args::Empty
            } else {
                Args::Arg(decls)
            }
        }
        Keyword::Env | Keyword::Label => key_values(ctx, keyword, a, b),
        Keyword::Expose => words_or_empty(ctx, a, b),
        Keyword::From => {
            let Args::Words(words) = words_or_empty(ctx, a, b) else {
                return Args::Empty;
            };
            Args::From(from_args(words, flags))
        }
        Keyword::Healthcheck => healthcheck(ctx, a, b),
        Keyword::Maintainer | Keyword::Stopsignal | Keyword::User | Keyword::Workdir => {
            text_or_empty(ctx, a, b)
        }
        Keyword::Onbuild | Keyword::Unknown => text_or_empty(ctx, a, b),
    }
}

fn text_or_empty(ctx: &Ctx, a: usize, b: usize) -> Args {
    if a == b {
        Args::Empty
    } else {
        Args::Text(ctx.word(a, b))
    }
}

fn words_or_empty(ctx: &Ctx, a: usize, b: usize) -> Args {
    let words: Vec<Word> = fields(ctx.text(a, b))
        .into_iter()
        .map(|(s, e)| ctx.word(a + s, a + e))
        .collect();
    if words.is_empty() {
        Args::Empty
    } else {
        Args::Words(words)
    }
}

/// `parseMaybeJSON` / `parseMaybeJSONToList`: exec form if the text is a JSON array of strings;
/// a hard error if it is JSON with a non-string; otherwise shell text (or words for `list`).
fn maybe_json(ctx: &mut Ctx, a: usize, b: usize, list: bool) -> Args {
    if a == b {
        return Args::Empty;
    }
    // Go trims Unicode blanks before looking for `[`, but falls back to the untrimmed text.
    let j = trim_range(&ctx.line.text, a, b).0;
    match parse_array(ctx.text(j, b)) {
        JsonArray::Strings(elements, end) => Args::Exec {
            elements: elements
                .into_iter()
                .map(|(text, s, e)| ctx.word_with(text, j + s, j + e))
                .collect(),
            span: ctx.span(j, j + end),
        },
        JsonArray::NotStrings => {
            ctx.error(
                ErrorKind::JsonNotStrings,
                "when using JSON array syntax, arrays must be comprised of strings only".into(),
                a,
                b,
            );
            Args::Text(ctx.word(a, b))
        }
        JsonArray::Invalid if list => words_or_empty(ctx, a, b),
        JsonArray::Invalid => Args::Text(ctx.word(a, b)),
    }
}

fn arg_decl(ctx: &Ctx, base: usize, t: Tok) -> ArgDecl {
    let (start, end) = (base + t.start, base + t.end);
    let span = ctx.span(start, end);
    match t.text.split_once('=') {
        Some((name, default)) => {
            let eq = start + name.len();
            ArgDecl {
                name: ctx.word_with(name.to_string(), start, eq),
                default: Some(ctx.word_with(default.to_string(), eq + 1, end.max(eq + 1))),
                span,
            }
        }
        None => ArgDecl {
            name: ctx.word_with(t.text, start, end),
            default: None,
            span,
        },
    }
}

/// `parseNameVal` for ENV and LABEL: `k=v …`, or the legacy `k v` (rest of line is the value).
fn key_values(ctx: &mut Ctx, keyword: Keyword, a: usize, b: usize) -> Args {
    let words = parse_words(ctx.text(a, b), ctx.escape);
    let Some(first) = words.first() else {
        return Args::Empty;
    };
    if !first.text.contains('=') {
        let (key_len, rest) = split_first_field(ctx.text(a, b));
        let Some(rest) = rest else {
            let message = format!("{keyword} must have two arguments");
            ctx.error(ErrorKind::KeyValue, message, a, b);
            return Args::Text(ctx.word(a, b));
        };
        let pair = KeyValue {
            key: ctx.word(a, a + key_len),
            value: ctx.word(a + rest, b),
            span: ctx.span(a, b),
        };
        return Args::KeyValues {
            pairs: vec![pair],
            legacy: true,
        };
    }
    let mut pairs = Vec::with_capacity(words.len());
    for t in words {
        let (start, end) = (a + t.start, a + t.end);
        let Some((key, value)) = t.text.split_once('=') else {
            let message = format!(
                "Syntax error - can't find = in {}. Must be of the form: name=value",
                go_quote(&t.text)
            );
            ctx.error(ErrorKind::KeyValue, message, start, end);
            return Args::Text(ctx.word(a, b));
        };
        let eq = start + key.len();
        pairs.push(KeyValue {
            key: ctx.word_with(key.to_string(), start, eq),
            value: ctx.word_with(value.to_string(), eq + 1, end.max(eq + 1)),
            span: ctx.span(start, end),
        });
    }
    Args::KeyValues {
        pairs,
        legacy: false,
    }
}

fn from_args(words: Vec<Word>, flags: &[Flag]) -> FromArgs {
    let platform = flags
        .iter()
        .rev()
        .find(|f| f.name.eq_ignore_ascii_case("platform"))
        .and_then(|f| {
            let span = f.value_span?;
            Some(Word {
                text: f.value.clone()?,
                span,
            })
        });
    let alias =
        (words.len() == 3 && words[1].text.eq_ignore_ascii_case("as")).then(|| words[2].clone());
    FromArgs {
        image: words.first().cloned(),
        alias,
        platform,
        words,
    }
}

/// `parseHealthConfig`: the first word is the type, the rest a maybe-JSON command.
fn healthcheck(ctx: &mut Ctx, a: usize, b: usize) -> Args {
    let text = ctx.text(a, b);
    let sep = text.find(is_byte_space).unwrap_or(text.len());
    if sep == 0 {
        return Args::Empty;
    }
    let next = text[sep..]
        .find(|c: char| !is_byte_space(c))
        .map_or(text.len(), |i| sep + i);
    let keyword = ctx.word(a, a + sep);
    let command = Box::new(maybe_json(ctx, a + next, b, false));
    Args::Healthcheck(match keyword.text.to_ascii_uppercase().as_str() {
        "NONE" => {
            let extra = (!matches!(*command, Args::Empty)).then_some(command);
            Healthcheck::None { keyword, extra }
        }
        "CMD" => Healthcheck::Cmd { keyword, command },
        _ => Healthcheck::Other { keyword, command },
    })
}

/// Go's `%q`: printable characters as they are, the rest escaped the way Go escapes them.
pub(crate) fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x0b' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c == '\x7f' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if !go_printable(c) && (c as u32) < 0x10000 => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c if !go_printable(c) => out.push_str(&format!("\\U{:08x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An approximation of Go's `strconv.IsPrint` beyond ASCII: not a control, format, private-use
/// or non-ASCII blank character.
fn go_printable(c: char) -> bool {
    let u = c as u32;
    !(c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(u, 0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E)
        || matches!(u, 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFEFF)
        || matches!(u, 0xFFF9..=0xFFFB | 0xE000..=0xF8FF | 0xF0000..)
        || matches!(u, 0xFFFE | 0xFFFF))
}

#[cfg(test)]
mod tests {
    use super::go_quote;

    #[test]
    fn quotes_like_go() {
        assert_eq!(go_quote("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(go_quote("x\u{a0}é\t\u{7}"), r#""x\u00a0é\t\a""#);
        assert_eq!(go_quote("\u{10ffff}"), r#""\U0010ffff""#);
    }
}
