//! A small shell-command splitter for RUN bodies: enough to find `apt-get install` and its
//! options, pipes, `cd`, `go build` and leading `VAR=value` assignments. Not a shell parser:
//! it splits on `&&`, `||`, `;`, `|`, `&`, newlines and parentheses, honours quotes and `\`,
//! and drops `#` comments.
//!
//! Words borrow from the script text whenever quote removal left them a plain slice of it
//! (nearly always), so splitting a script allocates little.

use std::borrow::Cow;

/// One simple command.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Command<'a> {
    /// Leading `NAME=value` assignments.
    pub env: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// The words, quotes removed.
    pub words: Vec<Cow<'a, str>>,
    /// How many leading words are wrappers (see [`Command::without_wrappers`]), counted once
    /// when the command is split: rules ask for the program dozens of times per command.
    wrappers: usize,
}

impl Command<'_> {
    /// The program name without its directory (`/usr/bin/apt-get` → `apt-get`).
    pub fn program(&self) -> Option<&str> {
        self.words
            .first()
            .map(|w| w.rsplit('/').next().unwrap_or(w))
    }

    /// Whether this is `program sub…` (e.g. `is("apt-get", &["install"])`): the program, then
    /// the subcommand as the first non-option word.
    pub fn is(&self, program: &str, sub: &[&str]) -> bool {
        let words = self.without_wrappers();
        if !words.first().is_some_and(|w| names_program(w, program)) {
            return false;
        }
        if sub.is_empty() {
            return true;
        }
        // The first word that is neither an option nor an option's value.
        crate::dockerfile::options::positionals(program, words)
            .next()
            .is_some_and(|w| sub.contains(&w))
    }

    /// Words after `sudo`/`env VAR=…`/`exec` wrappers.
    pub fn without_wrappers(&self) -> &[Cow<'_, str>] {
        self.words.get(self.wrappers..).unwrap_or_default()
    }

    /// The arguments after the subcommand that are neither options nor option values
    /// (packages, paths), by the program's option table.
    pub fn operands(&self) -> impl Iterator<Item = &str> {
        let words = self.without_wrappers();
        let program = words.first().map_or("", |w| &**w);
        crate::dockerfile::options::positionals(program, words).skip(1)
    }

    /// Whether any word equals one of `flags` or starts with `flag=`.
    pub(crate) fn has_flag(&self, flags: &[&str]) -> bool {
        self.words.iter().any(|w| {
            flags.iter().any(|f| {
                w == f
                    || (f.starts_with("--")
                        && w.strip_prefix(f).is_some_and(|r| r.starts_with('=')))
            })
        })
    }

    /// Whether a short-option cluster contains `c` (`-qy` has `y`), or a word equals `long`.
    pub(crate) fn has_short_or_long(&self, c: char, long: &[&str]) -> bool {
        self.words.iter().any(|w| {
            long.contains(&&**w)
                || (w.starts_with('-') && !w.starts_with("--") && w[1..].contains(c))
        })
    }

    /// The same command owning its words.
    pub fn into_owned(self) -> Command<'static> {
        let own = |c: Cow<'_, str>| Cow::Owned(c.into_owned());
        Command {
            env: self
                .env
                .into_iter()
                .map(|(k, v)| (own(k), own(v)))
                .collect(),
            words: self.words.into_iter().map(own).collect(),
            wrappers: self.wrappers,
        }
    }
}

/// How many leading words of a command are wrappers or shell keywords before the program.
fn wrapper_count(words: &[Cow<'_, str>]) -> usize {
    let mut w = words;
    while let Some(first) = w.first() {
        match &**first {
            // Wrappers and the shell keywords that can precede a command.
            "sudo" | "exec" | "nohup" | "time" | "then" | "do" | "else" | "elif" | "if" | "!"
            | "{" => w = &w[1..],
            "env" => {
                w = &w[1..];
                while w
                    .first()
                    .is_some_and(|x| x.contains('=') && !x.starts_with('-'))
                {
                    w = &w[1..];
                }
            }
            _ => break,
        }
    }
    words.len() - w.len()
}

/// Whether `word` is `program` or a path ending in `/program` (`program` has no `/`). Rules
/// ask this of every command many times, so it compares the tail instead of splitting.
fn names_program(word: &str, program: &str) -> bool {
    word.strip_suffix(program)
        .is_some_and(|dir| dir.is_empty() || dir.ends_with('/'))
}

/// A script split into commands, with the separators seen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Script<'a> {
    pub commands: Vec<Command<'a>>,
    /// A single `|` joined two commands.
    pub(crate) has_pipe: bool,
}

impl<'a> Script<'a> {
    pub fn any(&self, program: &str, sub: &[&str]) -> bool {
        self.commands.iter().any(|c| c.is(program, sub))
    }

    pub fn find<'s>(
        &'s self,
        program: &'s str,
        sub: &'s [&'s str],
    ) -> impl Iterator<Item = &'s Command<'a>> + 's {
        self.commands.iter().filter(move |c| c.is(program, sub))
    }

    /// The same script owning its words (to outlive the text it was split from).
    pub fn into_owned(self) -> Script<'static> {
        Script {
            commands: self.commands.into_iter().map(Command::into_owned).collect(),
            has_pipe: self.has_pipe,
        }
    }
}

/// The word being read: a range of the text while it is one (quotes only ever dropped at
/// its ends), copied into `scratch` once quote removal or an escape makes it differ.
struct WordBuf<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// The word is `text[start..end]`; otherwise it is `scratch`.
    in_text: bool,
    scratch: String,
    /// A word has begun (an empty quoted word `''` counts).
    open: bool,
}

impl<'a> WordBuf<'a> {
    fn new(text: &'a str) -> Self {
        WordBuf {
            text,
            start: 0,
            end: 0,
            in_text: true,
            scratch: String::new(),
            open: false,
        }
    }

    /// Adds `text[start..end]` (a non-empty run of the script) to the word.
    #[inline(always)]
    fn push(&mut self, start: usize, end: usize) {
        self.open = true;
        if self.in_text {
            if self.start == self.end {
                (self.start, self.end) = (start, end);
                return;
            }
            if start == self.end {
                self.end = end;
                return;
            }
            self.leave_text();
        }
        self.scratch.push_str(&self.text[start..end]);
    }

    /// Adds text that is not the script's own at this point.
    fn push_str(&mut self, s: &str) {
        self.open = true;
        if self.in_text {
            self.leave_text();
        }
        self.scratch.push_str(s);
    }

    fn leave_text(&mut self) {
        self.scratch.clear();
        self.scratch.push_str(&self.text[self.start..self.end]);
        self.in_text = false;
    }

    fn as_str(&self) -> &str {
        if self.in_text {
            &self.text[self.start..self.end]
        } else {
            &self.scratch
        }
    }

    /// Ends the word (if one was open) and adds it to `cmd`: as an assignment if it is the
    /// first and looks like `NAME=value`.
    fn finish(&mut self, cmd: &mut Command<'a>) {
        if !self.open {
            return;
        }
        let first = cmd.words.is_empty();
        if self.in_text {
            let w = &self.text[self.start..self.end];
            match if first { assignment(w) } else { None } {
                Some((k, v)) => cmd.env.push((Cow::Borrowed(k), Cow::Borrowed(v))),
                None => cmd.words.push(Cow::Borrowed(w)),
            }
        } else {
            let w = self.scratch.as_str();
            match if first { assignment(w) } else { None } {
                Some((k, v)) => cmd.env.push((k.to_owned().into(), v.to_owned().into())),
                None => cmd.words.push(Cow::Owned(w.to_owned())),
            }
            self.scratch.clear();
        }
        (self.start, self.end, self.in_text, self.open) = (0, 0, true, false);
    }
}

/// `NAME=value` split at the `=`, if `NAME` is a shell variable name.
fn assignment(w: &str) -> Option<(&str, &str)> {
    w.split_once('=').filter(|(k, _)| {
        !k.is_empty()
            && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !k.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// Splits `text` into simple commands.
///
/// Byte-wise: every character with a meaning here is ASCII, so runs of other characters are
/// taken whole; only non-ASCII characters are decoded (Unicode blanks separate words too).
pub(crate) fn parse(text: &str) -> Script<'_> {
    let bytes = text.as_bytes();
    let mut script = Script::default();
    let mut cmd = Command::default();
    let mut word = WordBuf::new(text);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\'' => {
                word.open = true;
                let close =
                    memchr::memchr(b'\'', &bytes[i + 1..]).map_or(bytes.len(), |k| i + 1 + k);
                if close > i + 1 {
                    word.push(i + 1, close);
                }
                i = close + 1;
            }
            b'"' => {
                word.open = true;
                i = double_quoted(text, i + 1, &mut word, &mut script);
            }
            b'\\' => {
                word.open = true;
                i = match char_at(text, i + 1) {
                    Some('\n') => i + 2,
                    Some(c) => {
                        word.push(i + 1, i + 1 + c.len_utf8());
                        i + 1 + c.len_utf8()
                    }
                    None => i + 1,
                };
            }
            b'#' if !word.open => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |k| i + k + 1);
                finish_cmd(&mut script, &mut cmd);
            }
            b'&' if bytes.get(i + 1) == Some(&b'>')
                || (word.open && word.as_str().ends_with('>')) =>
            {
                // `&>file`, `2>&1`: redirections, not separators.
                word.push(i, i + 1);
                i += 1;
            }
            b'|' | b'&' | b';' | b'\n' | b'(' | b')' => {
                word.finish(&mut cmd);
                i += 1;
                if b == b'|' {
                    if bytes.get(i) == Some(&b'|') {
                        i += 1;
                    } else {
                        script.has_pipe = true;
                    }
                } else if b == b'&' && bytes.get(i) == Some(&b'&') {
                    i += 1;
                }
                finish_cmd(&mut script, &mut cmd);
            }
            b'\t' | b'\x0b' | b'\x0c' | b'\r' | b' ' => {
                word.finish(&mut cmd);
                i += 1;
            }
            0x80.. => {
                let c = char_at(text, i).unwrap_or_default();
                if c.is_whitespace() {
                    word.finish(&mut cmd);
                } else {
                    word.push(i, i + c.len_utf8());
                }
                i += c.len_utf8().max(1);
            }
            _ => {
                let end = bytes[i..]
                    .iter()
                    .position(|&b| !plain(b))
                    .map_or(bytes.len(), |k| i + k);
                word.push(i, end.max(i + 1));
                i = end.max(i + 1);
            }
        }
    }
    word.finish(&mut cmd);
    finish_cmd(&mut script, &mut cmd);
    script
}

/// An ASCII byte that is part of a word wherever it stands (`#` only starts a comment
/// before a word, and a run of these never starts at a word's beginning with `#`).
fn plain(b: u8) -> bool {
    b < 0x80
        && !matches!(
            b,
            b'\''
                | b'"'
                | b'\\'
                | b'&'
                | b'|'
                | b';'
                | b'('
                | b')'
                | b'\t'
                | b'\n'
                | b'\x0b'
                | b'\x0c'
                | b'\r'
                | b' '
        )
}

/// The character starting at byte `at`, if any.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// Reads a double-quoted part starting at byte `i` (after the opening quote) into `word`;
/// returns where scanning goes on (after the closing quote, or the end).
fn double_quoted(
    text: &str,
    mut i: usize,
    word: &mut WordBuf<'_>,
    script: &mut Script<'_>,
) -> usize {
    let bytes = text.as_bytes();
    loop {
        let Some(k) = memchr::memchr3(b'"', b'$', b'\\', &bytes[i..]) else {
            if i < bytes.len() {
                word.push(i, bytes.len());
            }
            return bytes.len();
        };
        let at = i + k;
        if at > i {
            word.push(i, at);
        }
        match bytes[at] {
            b'"' => return at + 1,
            b'$' if bytes.get(at + 1) == Some(&b'(') => {
                // A command substitution keeps its own quoting: "$(a "$b" | c)".
                let (inner, closed) = substitution(text, at + 2);
                script.has_pipe |= parse(inner).has_pipe;
                let end = at + 2 + inner.len();
                word.push(at, end);
                if closed {
                    word.push(end, end + 1);
                    i = end + 1;
                } else {
                    word.push_str(")");
                    i = end;
                }
            }
            b'$' => {
                word.push(at, at + 1);
                i = at + 1;
            }
            _ => {
                // `\` protects the next character (the backslash itself is dropped).
                i = match char_at(text, at + 1) {
                    Some(c) => {
                        word.push(at + 1, at + 1 + c.len_utf8());
                        at + 1 + c.len_utf8()
                    }
                    None => at + 1,
                };
            }
        }
    }
}

/// The text of `$(…)` from byte `start` (after the `(`) up to the matching parenthesis, and
/// whether that parenthesis was found (the text runs to the end otherwise).
fn substitution(text: &str, start: usize) -> (&str, bool) {
    let mut depth = 1;
    for (k, &b) in text.as_bytes()[start..].iter().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return (&text[start..start + k], true);
                }
            }
            _ => {}
        }
    }
    (&text[start..], false)
}

/// Ends the command (if it has any word or assignment) and adds it to `script`.
fn finish_cmd<'a>(script: &mut Script<'a>, cmd: &mut Command<'a>) {
    if !cmd.words.is_empty() || !cmd.env.is_empty() {
        // `cmd` is reused as a buffer: each command gets its words in one exact allocation.
        script.commands.push(Command {
            env: std::mem::take(&mut cmd.env),
            wrappers: wrapper_count(&cmd.words),
            words: cmd.words.drain(..).collect(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn program_names_match_whole_path_segments() {
        assert!(names_program("apt-get", "apt-get"));
        assert!(names_program("/usr/bin/apt-get", "apt-get"));
        assert!(!names_program("xapt-get", "apt-get"));
        assert!(!names_program("apt-get/", "apt-get"));
        assert!(!names_program("", "go"));
    }

    #[test]
    fn splits_commands_and_assignments() {
        let s =
            parse("apt-get update && apt-get install -y curl; CGO_ENABLED=0 go build -o /app .");
        assert_eq!(s.commands.len(), 3);
        assert!(s.commands[1].is("apt-get", &["install"]));
        assert_eq!(s.commands[1].operands().collect::<Vec<_>>(), ["curl"]);
        assert_eq!(s.commands[2].env, [("CGO_ENABLED".into(), "0".into())]);
        assert!(s.commands[2].is("go", &["build"]));
        assert!(!s.has_pipe);
    }

    #[test]
    fn pipes_quotes_comments() {
        let s = parse("curl -fsSL 'https://x/a|b' | sh # trailing | comment");
        assert!(s.has_pipe);
        assert_eq!(s.commands[0].words, ["curl", "-fsSL", "https://x/a|b"]);
        assert_eq!(s.commands.len(), 2);
        assert!(!parse("a || b").has_pipe);
        assert!(!parse("echo 'a | b'").has_pipe);
        assert!(parse("dst=\"$(echo \"$src\" | tr -d 3)\"; ls").has_pipe);
        assert!(!parse("echo \"a | b\"").has_pipe);
        let r = parse("make 2>&1 && echo ok");
        assert_eq!(r.commands.len(), 2);
    }

    #[test]
    fn plain_words_borrow_from_the_text_and_quoted_ones_are_unquoted() {
        let s = parse("echo 'a b'c \"x\\\"y\" plain 'whole'");
        let w = &s.commands[0].words;
        assert_eq!(w, &["echo", "a bc", "x\"y", "plain", "whole"]);
        for (i, borrowed) in [(0, true), (1, false), (2, false), (3, true), (4, true)] {
            assert_eq!(matches!(w[i], Cow::Borrowed(_)), borrowed, "word {i}");
        }
        let owned = s.into_owned();
        assert_eq!(owned.commands[0].words[1], "a bc");
    }

    #[test]
    fn unicode_blanks_split_and_unclosed_substitutions_run_to_the_end() {
        assert_eq!(
            parse("a\u{a0}b\u{2003}é").commands[0].words,
            ["a", "b", "é"]
        );
        let s = parse("x=\"$(a | b");
        assert!(s.has_pipe);
        assert_eq!(s.commands[0].env, [("x".into(), "$(a | b)".into())]);
        let s = parse("x=\"$(a (b) c)d\" e");
        assert_eq!(s.commands[0].env, [("x".into(), "$(a (b) c)d".into())]);
        assert_eq!(s.commands[0].words, ["e"]);
    }

    #[test]
    fn wrappers_and_flags() {
        let s = parse("sudo apt-get -qy install --no-install-recommends git=1:2.39");
        let c = &s.commands[0];
        assert!(c.is("apt-get", &["install"]));
        assert!(c.has_short_or_long('y', &["--yes"]));
        assert!(c.has_flag(&["--no-install-recommends"]));
        assert_eq!(c.operands().collect::<Vec<_>>(), ["git=1:2.39"]);
        assert_eq!(
            parse("/usr/bin/env FOO=1 pip install x").commands[0].program(),
            Some("env")
        );
        assert!(parse("env FOO=1 pip install x").commands[0].is("pip", &["install"]));
    }
}
