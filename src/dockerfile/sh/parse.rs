//! Recursive descent over the script's bytes. Every delimiter the grammar looks at is ASCII,
//! so ranges always fall on character boundaries; nesting deeper than [`MAX_DEPTH`] is
//! [`Unknown`] rather than a stack overflow.

use std::ops::Range;

use super::{AndOr, Assign, Command, Kind, List, Op, Part, Pipeline, Redirect, Simple, Word};

/// Nesting (lists inside substitutions, bodies, subshells) beyond this is not read.
const MAX_DEPTH: usize = 48;

/// Why a script was not read: a construct outside the subset, or a syntax error. The rules
/// are silent on such a script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    /// Byte offset in the script where reading stopped.
    pub at: usize,
    pub why: &'static str,
}

type R<T> = Result<T, Unknown>;

/// Parses a whole script.
pub fn parse(src: &str) -> Result<List, Unknown> {
    let mut p = P {
        s: src.as_bytes(),
        pos: 0,
        end: src.len(),
        depth: 0,
        heredocs: Vec::new(),
    };
    p.linebreaks();
    let list = p.list()?;
    p.linebreaks();
    if p.pos < p.end {
        return Err(p.unknown("unexpected token"));
    }
    Ok(list)
}

struct P<'s> {
    s: &'s [u8],
    pos: usize,
    /// Where this (sub)script ends: the source's end, or a closing backtick.
    end: usize,
    depth: usize,
    /// Heredoc delimiters read on this line, whose bodies follow the next newline:
    /// (delimiter, `<<-`).
    heredocs: Vec<(Vec<u8>, bool)>,
}

/// Words that end a list when they stand where a command would.
const STOP_WORDS: [&[u8]; 8] = [
    b"then", b"elif", b"else", b"fi", b"do", b"done", b"esac", b"}",
];

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t' | b'\n' | b';' | b'&' | b'|' | b'(' | b')' | b'<' | b'>'
    )
}

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_name(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl P<'_> {
    fn unknown(&self, why: &'static str) -> Unknown {
        Unknown { at: self.pos, why }
    }

    fn peek(&self) -> Option<u8> {
        (self.pos < self.end).then(|| self.s[self.pos])
    }

    fn peek_at(&self, n: usize) -> Option<u8> {
        let i = self.pos + n;
        (i < self.end).then(|| self.s[i])
    }

    fn starts(&self, t: &[u8]) -> bool {
        self.s[self.pos..self.end].starts_with(t)
    }

    /// Whether the reserved word `w` stands here, followed by a delimiter.
    fn at_word(&self, w: &[u8]) -> bool {
        self.starts(w) && self.peek_at(w.len()).is_none_or(is_delim)
    }

    fn expect_word(&mut self, w: &'static str) -> R<()> {
        self.linebreaks();
        if !self.at_word(w.as_bytes()) {
            return Err(self.unknown(w));
        }
        self.pos += w.len();
        Ok(())
    }

    /// Blanks, line continuations and a comment (up to, not including, the newline).
    fn blanks(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' | b'\r' => self.pos += 1,
                b'\\' if self.peek_at(1) == Some(b'\n') => self.pos += 2,
                b'#' => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.pos += 1;
                    }
                }
                _ => break,
            }
        }
    }

    /// Blanks and newlines (with the heredoc bodies that follow a newline).
    fn linebreaks(&mut self) {
        loop {
            self.blanks();
            if self.peek() != Some(b'\n') {
                break;
            }
            self.newline();
        }
    }

    fn newline(&mut self) {
        self.pos += 1;
        for (delim, chomp) in std::mem::take(&mut self.heredocs) {
            while self.pos < self.end {
                let line_end = self.s[self.pos..self.end]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(self.end, |i| self.pos + i);
                let mut line = &self.s[self.pos..line_end];
                if chomp {
                    while let [b'\t', rest @ ..] = line {
                        line = rest;
                    }
                }
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                self.pos = (line_end + 1).min(self.end);
                if line == delim.as_slice() {
                    break;
                }
            }
        }
    }

    fn at_list_end(&self) -> bool {
        match self.peek() {
            None | Some(b')') => true,
            Some(b';') => self.peek_at(1) == Some(b';') || self.peek_at(1) == Some(b'&'),
            // The first byte rules out most commands before any word is compared.
            Some(b) => STOP_WORDS.iter().any(|w| w[0] == b && self.at_word(w)),
        }
    }

    fn list(&mut self) -> R<List> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.unknown("nested too deeply"));
        }
        let mut items = Vec::new();
        loop {
            self.linebreaks();
            if self.at_list_end() {
                break;
            }
            let before = self.pos;
            items.push(self.and_or()?);
            if self.pos == before {
                return Err(self.unknown("no progress"));
            }
            self.blanks();
            match self.peek() {
                Some(b';') if self.peek_at(1) != Some(b';') => self.pos += 1,
                Some(b'&') if self.peek_at(1) != Some(b'&') => self.pos += 1,
                Some(b'\n') => self.newline(),
                _ if self.at_list_end() => break,
                _ => return Err(self.unknown("unexpected token")),
            }
        }
        self.depth -= 1;
        Ok(List { items })
    }

    fn and_or(&mut self) -> R<AndOr> {
        let first = self.pipeline()?;
        let mut rest = Vec::new();
        loop {
            self.blanks();
            let op = if self.starts(b"&&") {
                Op::And
            } else if self.starts(b"||") {
                Op::Or
            } else {
                break;
            };
            self.pos += 2;
            self.linebreaks();
            rest.push((op, self.pipeline()?));
        }
        Ok(AndOr { first, rest })
    }

    fn pipeline(&mut self) -> R<Pipeline> {
        self.blanks();
        let bang = self.at_word(b"!");
        if bang {
            self.pos += 1;
        }
        let mut commands = vec![self.command()?];
        loop {
            self.blanks();
            if self.peek() != Some(b'|') || self.peek_at(1) == Some(b'|') {
                break;
            }
            self.pos += if self.peek_at(1) == Some(b'&') { 2 } else { 1 };
            self.linebreaks();
            commands.push(self.command()?);
        }
        Ok(Pipeline { bang, commands })
    }

    fn command(&mut self) -> R<Command> {
        self.blanks();
        let start = self.pos;
        let kind = if self.starts(b"((") {
            self.skip_arith(2)?;
            Kind::Arith
        } else if self.peek() == Some(b'(') {
            self.pos += 1;
            let l = self.list()?;
            self.close(b')')?;
            Kind::Subshell(l)
        } else if self.at_word(b"{") {
            self.pos += 1;
            let l = self.list()?;
            self.expect_word("}")?;
            Kind::Group(l)
        } else if self.at_word(b"if") {
            self.if_clause()?
        } else if self.at_word(b"for") {
            self.for_clause()?
        } else if self.at_word(b"while") || self.at_word(b"until") {
            self.pos += 5;
            let cond = self.list()?;
            let body = self.do_group()?;
            Kind::Loop { cond, body }
        } else if self.at_word(b"case") {
            self.case_clause()?
        } else if self.at_word(b"[[") {
            self.pos += 2;
            Kind::Test(self.test_words()?)
        } else if self.at_word(b"function") {
            self.pos += 8;
            self.blanks();
            let name = self.name().ok_or_else(|| self.unknown("function name"))?;
            self.blanks();
            if self.starts(b"()") {
                self.pos += 2;
            }
            self.linebreaks();
            Kind::Function {
                name,
                body: Box::new(self.command()?),
            }
        } else if self.at_word(b"select") || self.at_word(b"coproc") {
            return Err(self.unknown("select/coproc"));
        } else {
            return self.simple(start);
        };
        let redirects = self.redirects()?;
        Ok(Command {
            kind,
            redirects,
            span: start..self.pos,
        })
    }

    fn close(&mut self, b: u8) -> R<()> {
        self.linebreaks();
        if self.peek() != Some(b) {
            return Err(self.unknown("unclosed"));
        }
        self.pos += 1;
        Ok(())
    }

    fn do_group(&mut self) -> R<List> {
        self.expect_word("do")?;
        let body = self.list()?;
        self.expect_word("done")?;
        Ok(body)
    }

    fn if_clause(&mut self) -> R<Kind> {
        self.pos += 2;
        let mut branches = Vec::new();
        let mut otherwise = None;
        loop {
            let cond = self.list()?;
            self.expect_word("then")?;
            let body = self.list()?;
            branches.push((cond, body));
            self.linebreaks();
            if self.at_word(b"elif") {
                self.pos += 4;
                continue;
            }
            if self.at_word(b"else") {
                self.pos += 4;
                otherwise = Some(self.list()?);
            }
            self.expect_word("fi")?;
            return Ok(Kind::If {
                branches,
                otherwise,
            });
        }
    }

    fn for_clause(&mut self) -> R<Kind> {
        self.pos += 3;
        self.blanks();
        let name = self.name().ok_or_else(|| self.unknown("for name"))?;
        self.blanks();
        let mut words = None;
        if self.peek() == Some(b';') {
            self.pos += 1;
        }
        self.linebreaks();
        if self.at_word(b"in") {
            self.pos += 2;
            let mut ws = Vec::new();
            loop {
                self.blanks();
                match self.peek() {
                    Some(b';') => {
                        self.pos += 1;
                        break;
                    }
                    Some(b'\n') => break,
                    _ => ws.push(self.word()?.ok_or_else(|| self.unknown("for words"))?),
                }
            }
            words = Some(ws);
        }
        let body = self.do_group()?;
        Ok(Kind::For { name, words, body })
    }

    fn case_clause(&mut self) -> R<Kind> {
        self.pos += 4;
        self.blanks();
        let word = self.word()?.ok_or_else(|| self.unknown("case word"))?;
        self.expect_word("in")?;
        let mut arms = Vec::new();
        loop {
            self.linebreaks();
            if self.at_word(b"esac") {
                self.pos += 4;
                return Ok(Kind::Case { word, arms });
            }
            if self.peek() == Some(b'(') {
                self.pos += 1;
            }
            let mut patterns = Vec::new();
            loop {
                self.blanks();
                patterns.push(self.word()?.ok_or_else(|| self.unknown("case pattern"))?);
                self.blanks();
                if self.peek() != Some(b'|') {
                    break;
                }
                self.pos += 1;
            }
            self.close(b')')?;
            let body = self.list()?;
            arms.push((patterns, body));
            self.linebreaks();
            for t in [&b";;&"[..], b";;", b";&"] {
                if self.starts(t) {
                    self.pos += t.len();
                    break;
                }
            }
        }
    }

    /// The words of `[[ … ]]`, operators skipped; `=~` takes the rest of its operand raw.
    fn test_words(&mut self) -> R<Vec<Word>> {
        let mut words = Vec::new();
        loop {
            self.blanks();
            if self.at_word(b"]]") {
                self.pos += 2;
                return Ok(words);
            }
            match self.peek() {
                None | Some(b'\n') => return Err(self.unknown("unclosed [[")),
                Some(b'&' | b'|' | b'(' | b')' | b'<' | b'>' | b'!') => self.pos += 1,
                _ => {
                    let w = self.word()?.ok_or_else(|| self.unknown("[[ word"))?;
                    let regex = w.literal_bytes(self.s) == Some(&b"=~"[..]);
                    words.push(w);
                    if regex {
                        self.blanks();
                        while self
                            .peek()
                            .is_some_and(|b| !matches!(b, b' ' | b'\t' | b'\n'))
                        {
                            self.pos += 1;
                        }
                    }
                }
            }
        }
    }

    fn name(&mut self) -> Option<Range<usize>> {
        let start = self.pos;
        if !self.peek().is_some_and(is_name_start) {
            return None;
        }
        while self.peek().is_some_and(is_name) {
            self.pos += 1;
        }
        Some(start..self.pos)
    }

    fn simple(&mut self, start: usize) -> R<Command> {
        let mut s = Simple::default();
        let mut redirects = Vec::new();
        loop {
            self.blanks();
            if let Some(r) = self.redirect()? {
                redirects.push(r);
                continue;
            }
            if s.words.is_empty()
                && let Some(a) = self.assign()?
            {
                s.assigns.push(a);
                continue;
            }
            // A command word may not be a reserved word that closes something.
            if s.words.is_empty() && s.assigns.is_empty() && self.at_list_end() {
                break;
            }
            let Some(w) = self.word()? else { break };
            s.words.push(w);
            if s.words.len() == 1 && s.assigns.is_empty() {
                self.blanks();
                if self.starts(b"()") {
                    // `name() body`: a function definition.
                    self.pos += 2;
                    self.linebreaks();
                    let name = s.words.remove(0).span;
                    let body = Box::new(self.command()?);
                    let redirects = self.redirects()?;
                    return Ok(Command {
                        kind: Kind::Function { name, body },
                        redirects,
                        span: start..self.pos,
                    });
                }
            }
        }
        if s.words.is_empty() && s.assigns.is_empty() && redirects.is_empty() {
            return Err(self.unknown("expected a command"));
        }
        Ok(Command {
            kind: Kind::Simple(s),
            redirects,
            span: start..self.pos,
        })
    }

    fn redirects(&mut self) -> R<Vec<Redirect>> {
        let mut out = Vec::new();
        loop {
            self.blanks();
            match self.redirect()? {
                Some(r) => out.push(r),
                None => return Ok(out),
            }
        }
    }

    /// `[n]op word` at the current position, if there is one.
    fn redirect(&mut self) -> R<Option<Redirect>> {
        let start = self.pos;
        let mut i = self.pos;
        while i < self.end && self.s[i].is_ascii_digit() {
            i += 1;
        }
        let rest = &self.s[i..self.end];
        const OPS: [&[u8]; 13] = [
            b"&>>", b"<<<", b"<<-", b"<<", b"<>", b"<&", b">&", b">>", b">|", b"&>", b"<", b">",
            b"<(",
        ];
        let Some(op) = OPS.iter().find(|op| rest.starts_with(op)) else {
            return Ok(None);
        };
        if op.starts_with(b"&") && i != start {
            return Ok(None);
        }
        if rest.starts_with(b"<(") || rest.starts_with(b">(") {
            return Err(self.unknown("process substitution"));
        }
        self.pos = i + op.len();
        let op_range = start..self.pos;
        self.blanks();
        let target = self
            .word()?
            .ok_or_else(|| self.unknown("redirect target"))?;
        if *op == b"<<" || *op == b"<<-" {
            let mut delim = Vec::new();
            if target.parts.is_empty() {
                delim.extend_from_slice(&self.s[target.span.clone()]);
            }
            for p in &target.parts {
                let r = match p {
                    Part::Double(inner, r) if inner.iter().all(|q| matches!(q, Part::Lit(_))) => {
                        r.start + 1..r.end - 1
                    }
                    Part::Lit(r) | Part::Single(r) | Part::Escaped(r) => r.clone(),
                    _ => return Err(self.unknown("heredoc delimiter")),
                };
                delim.extend_from_slice(&self.s[r]);
            }
            self.heredocs.push((delim, *op == b"<<-"));
        }
        Ok(Some(Redirect {
            op: op_range,
            target,
        }))
    }

    /// `NAME=value` or `NAME+=value` at the current position, if there is one.
    fn assign(&mut self) -> R<Option<Assign>> {
        let start = self.pos;
        let Some(name) = self.name() else {
            return Ok(None);
        };
        if self.starts(b"+=") {
            self.pos += 1;
        }
        if self.peek() != Some(b'=') {
            self.pos = start;
            return Ok(None);
        }
        self.pos += 1;
        if self.peek() == Some(b'(') {
            return Err(self.unknown("array assignment"));
        }
        let at = self.pos;
        let value = self.word()?.unwrap_or(Word {
            parts: Vec::new(),
            span: at..at,
        });
        Ok(Some(Assign { name, value }))
    }

    /// One word, or `None` at a delimiter.
    fn word(&mut self) -> R<Option<Word>> {
        let start = self.pos;
        let mut parts = Vec::new();
        let mut lit = self.pos;
        while let Some(b) = self.peek() {
            if is_delim(b) {
                break;
            }
            match b {
                b'\\' | b'\'' | b'"' | b'$' | b'`' => {
                    if lit < self.pos {
                        parts.push(Part::Lit(lit..self.pos));
                    }
                    match b {
                        b'\\' => {
                            if self.peek_at(1) == Some(b'\n') {
                                self.pos += 2;
                            } else {
                                let at = self.pos + 1;
                                self.pos = self.char_end(at);
                                parts.push(Part::Escaped(at..self.pos));
                            }
                        }
                        b'\'' => parts.push(self.single(self.pos + 1, false)?),
                        b'"' => parts.push(self.double()?),
                        b'$' => parts.push(self.dollar()?),
                        _ => parts.push(self.backtick()?),
                    }
                    lit = self.pos;
                }
                _ => self.pos += 1,
            }
        }
        // A plain literal word keeps no parts (most words: no allocation).
        if lit < self.pos && !parts.is_empty() {
            parts.push(Part::Lit(lit..self.pos));
        }
        Ok((self.pos > start).then_some(Word {
            parts,
            span: start..self.pos,
        }))
    }

    /// Just past the character starting at `at` (clamped to the end).
    fn char_end(&self, at: usize) -> usize {
        let mut i = (at + 1).min(self.end);
        while i < self.end && (self.s[i] & 0xC0) == 0x80 {
            i += 1;
        }
        i.max(at.min(self.end))
    }

    /// `'…'` whose text starts at `from`; `ansi` for `$'…'`, where `\'` does not end it.
    fn single(&mut self, from: usize, ansi: bool) -> R<Part> {
        let mut i = from;
        while i < self.end {
            match self.s[i] {
                b'\\' if ansi => i += 2,
                b'\'' => {
                    self.pos = i + 1;
                    return Ok(Part::Single(from..i));
                }
                _ => i += 1,
            }
        }
        self.pos = from;
        Err(self.unknown("unterminated '"))
    }

    fn double(&mut self) -> R<Part> {
        let start = self.pos;
        self.pos += 1;
        let mut parts = Vec::new();
        let mut lit = self.pos;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.unknown("unterminated \""));
            };
            match b {
                b'"' | b'$' | b'`' | b'\\' => {
                    if lit < self.pos {
                        parts.push(Part::Lit(lit..self.pos));
                    }
                    match b {
                        b'"' => {
                            self.pos += 1;
                            return Ok(Part::Double(parts, start..self.pos));
                        }
                        b'$' => parts.push(self.dollar()?),
                        b'`' => parts.push(self.backtick()?),
                        _ => {
                            let next = self.peek_at(1);
                            if next == Some(b'\n') {
                                self.pos += 2;
                            } else if matches!(next, Some(b'$' | b'`' | b'"' | b'\\')) {
                                parts.push(Part::Escaped(self.pos + 1..self.pos + 2));
                                self.pos += 2;
                            } else {
                                // The backslash stays, as text.
                                self.pos += 1;
                                lit = self.pos - 1;
                                continue;
                            }
                        }
                    }
                    lit = self.pos;
                }
                _ => self.pos += 1,
            }
        }
    }

    /// An expansion starting with `$`.
    fn dollar(&mut self) -> R<Part> {
        let start = self.pos;
        match self.peek_at(1) {
            Some(b'(') if self.peek_at(2) == Some(b'(') => {
                self.pos += 1;
                self.skip_arith(2)?;
                Ok(Part::Arith(start..self.pos))
            }
            Some(b'(') => {
                self.pos += 2;
                let list = self.list()?;
                self.close(b')')?;
                Ok(Part::CmdSub {
                    list,
                    backtick: false,
                    span: start..self.pos,
                })
            }
            Some(b'{') => self.braced(start),
            Some(b'\'') => self.single(start + 2, true),
            Some(b'"') => {
                self.pos += 1;
                self.double()
            }
            Some(b) if is_name_start(b) => {
                self.pos += 1;
                let name = self.name().unwrap_or(self.pos..self.pos);
                Ok(Part::Param {
                    name,
                    length: false,
                    span: start..self.pos,
                })
            }
            Some(b) if b.is_ascii_digit() || b"?#@*$!-".contains(&b) => {
                self.pos += 2;
                Ok(Part::Param {
                    name: start + 1..self.pos,
                    length: false,
                    span: start..self.pos,
                })
            }
            // A lone `$` is a literal dollar.
            _ => {
                self.pos += 1;
                Ok(Part::Lit(start..self.pos))
            }
        }
    }

    /// `${…}`: the name, whether it is `${#name}`, and the end past the matching `}` (words
    /// inside the operator part are skipped, quotes and nested braces respected).
    fn braced(&mut self, start: usize) -> R<Part> {
        self.pos = start + 2;
        let mut length = false;
        if self.peek() == Some(b'#') && self.peek_at(1).is_some_and(|b| b != b'}') {
            length = true;
            self.pos += 1;
        } else if self.peek() == Some(b'!') {
            self.pos += 1;
        }
        let name_start = self.pos;
        if self.name().is_none() {
            match self.peek() {
                Some(b) if b.is_ascii_digit() => {
                    while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                        self.pos += 1;
                    }
                }
                Some(b) if b"?#@*$!-".contains(&b) => self.pos += 1,
                _ => return Err(self.unknown("bad ${}")),
            }
        }
        let name = name_start..self.pos;
        let mut depth = 1;
        while depth > 0 {
            match self.peek() {
                None => return Err(self.unknown("unterminated ${")),
                Some(b'}') => {
                    depth -= 1;
                    self.pos += 1;
                }
                Some(b'\\') => self.pos = self.char_end(self.pos + 1).max(self.pos + 1),
                Some(b'\'') if depth > 0 => {
                    self.single(self.pos + 1, false)?;
                }
                Some(b'"') => {
                    self.double()?;
                }
                Some(b'`') => {
                    self.backtick()?;
                }
                Some(b'$') => {
                    self.dollar()?;
                }
                Some(_) => self.pos += 1,
            }
        }
        Ok(Part::Param {
            name,
            length,
            span: start..self.pos,
        })
    }

    /// `` `…` ``: the text up to the next unescaped backtick, read as a script.
    fn backtick(&mut self) -> R<Part> {
        let start = self.pos;
        let mut i = start + 1;
        let close = loop {
            match self.s.get(i) {
                _ if i >= self.end => return Err(self.unknown("unterminated `")),
                Some(b'\\') if self.s.get(i + 1) == Some(&b'`') => {
                    return Err(self.unknown("nested backticks"));
                }
                Some(b'\\') => i += 2,
                Some(b'`') => break i,
                _ => i += 1,
            }
        };
        let (outer_end, outer_docs) = (self.end, std::mem::take(&mut self.heredocs));
        self.end = close;
        self.pos = start + 1;
        let list = self.list();
        self.linebreaks();
        let done = self.pos == close;
        self.end = outer_end;
        self.heredocs = outer_docs;
        let list = list?;
        if !done {
            return Err(self.unknown("unexpected token in ``"));
        }
        self.pos = close + 1;
        Ok(Part::CmdSub {
            list,
            backtick: true,
            span: start..self.pos,
        })
    }

    /// Skips the `((…))` at `pos` (`open` opening parentheses), counting parentheses.
    fn skip_arith(&mut self, open: usize) -> R<()> {
        self.pos += open;
        let mut depth = open;
        while depth > 0 {
            match self.peek() {
                None => return Err(self.unknown("unterminated ((")),
                Some(b'(') => depth += 1,
                Some(b')') => depth -= 1,
                _ => {}
            }
            self.pos += 1;
        }
        Ok(())
    }
}

impl Word {
    fn literal_bytes<'s>(&self, s: &'s [u8]) -> Option<&'s [u8]> {
        self.parts.is_empty().then(|| &s[self.span.clone()])
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Kind, List, Part};
    use super::*;

    fn ok(src: &str) -> List {
        parse(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"))
    }

    /// The words of every simple command, as written.
    fn commands(src: &str) -> Vec<Vec<&str>> {
        let list = ok(src);
        list.simple_commands()
            .iter()
            .map(|at| at.command.words.iter().map(|w| w.text(src)).collect())
            .collect()
    }

    #[test]
    fn lists_pipelines_and_and_or() {
        assert_eq!(
            commands("a 1 && b | c; d & e || ! f\ng"),
            [
                vec!["a", "1"],
                vec!["b"],
                vec!["c"],
                vec!["d"],
                vec!["e"],
                vec!["f"],
                vec!["g"]
            ]
        );
        let l = ok("a && b || c");
        assert_eq!(l.items.len(), 1);
        assert_eq!(l.items[0].rest.len(), 2);
        assert!(ok("! a").items[0].first.bang);
    }

    #[test]
    fn words_keep_quoting_and_expansions() {
        let src =
            r#"echo 'a b' "x $Y ${Z:-"q r"} $(id -u)" \$ $1 $? ${#A} $((1+2)) `date` $'c\'d' $"#;
        let list = ok(src);
        let at = list.simple_commands()[0];
        let w = &at.command.words;
        assert_eq!(w.len(), 11);
        assert!(matches!(w[1].parts[..], [Part::Single(_)]));
        let Part::Double(inner, _) = &w[2].parts[0] else {
            panic!("{:?}", w[2]);
        };
        assert!(matches!(inner[1], Part::Param { ref name, .. } if &src[name.clone()] == "Y"));
        assert!(matches!(inner[3], Part::Param { ref name, .. } if &src[name.clone()] == "Z"));
        assert!(matches!(
            inner[5],
            Part::CmdSub {
                backtick: false,
                ..
            }
        ));
        assert!(matches!(w[3].parts[..], [Part::Escaped(_)]));
        assert!(matches!(w[4].parts[..], [Part::Param { .. }]));
        assert!(matches!(w[6].parts[..], [Part::Param { length: true, .. }]));
        assert!(matches!(w[7].parts[..], [Part::Arith(_)]));
        assert!(matches!(
            w[8].parts[..],
            [Part::CmdSub { backtick: true, .. }]
        ));
        assert_eq!(w[9].literal(src).as_deref(), Some("c\\'d"));
        assert_eq!(w[10].literal(src).as_deref(), Some("$"));
        // The substitution's command is found too.
        assert_eq!(list.simple_commands().len(), 3);
    }

    #[test]
    fn compound_commands() {
        let src = "if [ -f x ]; then a; elif b; then c; else d; fi\n\
                   for f in 1 2; do e \"$f\"; done\n\
                   while read l; do g; done < file\n\
                   case \"$A\" in (x|y) h ;; *) i ;; esac\n\
                   (cd /x && j) && { k; l; }\n\
                   f() { m; }\nfunction n { o; }\n[[ $A == b && -n $C ]] && (( x > 1 ))";
        let names: Vec<String> = commands(src).iter().map(|c| c[0].to_string()).collect();
        assert_eq!(
            names,
            [
                "[", "a", "b", "c", "d", "e", "read", "g", "h", "i", "cd", "j", "k", "l", "m", "o"
            ]
        );
        let l = ok(src);
        let kinds: Vec<&str> = l
            .items
            .iter()
            .map(|i| match i.first.commands[0].kind {
                Kind::If { .. } => "if",
                Kind::For { .. } => "for",
                Kind::Loop { .. } => "loop",
                Kind::Case { .. } => "case",
                Kind::Subshell(_) => "subshell",
                Kind::Function { .. } => "function",
                Kind::Test(_) => "test",
                _ => "other",
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "if", "for", "loop", "case", "subshell", "function", "function", "test"
            ]
        );
    }

    #[test]
    fn assignments_redirects_and_heredocs() {
        let src = "A=1 B=\"$C\" cmd x 2>&1 >/dev/null\ncat <<-EOF > f\n\tbody $X (\n\tEOF\nnext";
        let l = ok(src);
        let cs = l.simple_commands();
        assert_eq!(cs.len(), 3);
        assert_eq!(cs[0].command.assigns.len(), 2);
        assert_eq!(cs[0].command.words.len(), 2);
        assert_eq!(cs[2].command.words[0].text(src), "next");
        // A redirect alone is a command (`RUN <<EOF`).
        assert_eq!(ok("<<EOF").items.len(), 1);
    }

    #[test]
    fn spans_are_byte_ranges_of_the_script() {
        let src = "apt-get install -y \"$PKG\"";
        let l = ok(src);
        let w = &l.simple_commands()[0].command.words[3];
        assert_eq!(&src[w.span.clone()], "\"$PKG\"");
        assert_eq!(*l.simple_commands()[0].span, 0..src.len());
    }

    #[test]
    fn what_is_not_read_is_unknown() {
        for src in [
            "echo 'open",
            "echo \"open",
            "echo $(open",
            "echo ${open",
            "diff <(a) <(b)",
            "a=(1 2)",
            "if a; then b",
            "for x in 1; do",
            "a )",
            "a && ",
            "echo `a \\`b\\``",
            "select x in a; do b; done",
        ] {
            assert!(parse(src).is_err(), "{src:?} should be unknown");
        }
        let deep = "$(".repeat(200) + &")".repeat(200);
        assert_eq!(
            parse(&format!("echo {deep}")).unwrap_err().why,
            "nested too deeply"
        );
    }

    #[test]
    fn comments_and_continuations() {
        assert_eq!(
            commands("a # c && d\nb \\\n c"),
            [vec!["a"], vec!["b", "c"]]
        );
        assert_eq!(commands("echo a#b"), [vec!["echo", "a#b"]]);
    }

    mod no_panic {
        use super::super::parse;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]
            /// Any text, shell-like or not, parses or is Unknown; never a panic or a hang.
            #[test]
            fn arbitrary_text(s in "[a-z$(){}\\[\\]'\"`\\\\|&;<>!#=*?~ \t\n0-9é-]{0,80}") {
                let _ = parse(&s);
            }

            #[test]
            fn any_unicode(s in "\\PC{0,60}") {
                let _ = parse(&s);
            }
        }
    }
}
