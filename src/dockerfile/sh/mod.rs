//! A parser for the POSIX sh / bash that RUN scripts are written in, for the shell-analysis
//! rules (DK4xx): words with their quoting and expansions, simple commands, pipelines, `&&`/`||`
//! lists, subshells and groups, `if`/`for`/`while`/`until`/`case`, functions, `[[ ]]`,
//! redirections (heredocs included) and command substitution, each with its byte range in the
//! script text. What it cannot read (process substitution, `select`, unbalanced quotes, …)
//! makes the whole script [`Unknown`]: the rules then say nothing rather than guess.
//!
//! Separate from [`crate::dockerfile::shell`], the splitter the build model reads: that one
//! only needs commands and words; this one keeps the syntax the rules judge. See
//! docs/shell-analysis.md for why it is ours and not a crate.

mod parse;
pub mod run;

use std::borrow::Cow;
use std::ops::Range;

pub use parse::{Unknown, parse};

/// A sequence of and-or lists (`a; b`, `a & b`, one per line).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct List {
    pub items: Vec<AndOr>,
}

/// `p1 && p2 || p3`: the first pipeline and each following one with its operator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AndOr {
    pub first: Pipeline,
    pub rest: Vec<(Op, Pipeline)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    And,
    Or,
}

/// `[!] c1 | c2 | …`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pipeline {
    pub(crate) bang: bool,
    pub commands: Vec<Command>,
}

/// One command with the redirections written after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub kind: Kind,
    pub(crate) redirects: Vec<Redirect>,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Simple(Simple),
    /// `( … )`
    Subshell(List),
    /// `{ …; }`
    Group(List),
    /// `if c; then b; elif c; then b; else e; fi`: (condition, body) pairs and the else part.
    If {
        branches: Vec<(List, List)>,
        otherwise: Option<List>,
    },
    /// `for name [in words]; do body; done`; `words` is `None` without `in`.
    For {
        name: Range<usize>,
        words: Option<Vec<Word>>,
        body: List,
    },
    /// `while`/`until cond; do body; done`.
    Loop {
        cond: List,
        body: List,
    },
    /// `case word in pattern) body;; esac`
    Case {
        word: Word,
        arms: Vec<(Vec<Word>, List)>,
    },
    /// `name() body` or `function name body`.
    Function {
        name: Range<usize>,
        body: Box<Command>,
    },
    /// `[[ … ]]`: its words, unsplit and unglobbed by the shell.
    Test(Vec<Word>),
    /// `(( … ))`, not looked into.
    Arith,
}

/// `NAME=value words…`, redirections kept on the [`Command`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Simple {
    pub assigns: Vec<Assign>,
    pub words: Vec<Word>,
}

/// `NAME=value` (the value may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assign {
    pub name: Range<usize>,
    pub value: Word,
}

/// `[n]op target`, e.g. `2>&1`, `> /dev/null`, `<<EOF`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Redirect {
    pub op: Range<usize>,
    pub target: Word,
}

/// One shell word: its parts in order, and where it is in the script.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Word {
    /// Empty for a plain literal word (no quotes, escapes or expansions): its text is the
    /// span's.
    pub parts: Vec<Part>,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Unquoted literal text (glob characters included).
    Lit(Range<usize>),
    /// `\c` outside quotes: the character after the backslash.
    Escaped(Range<usize>),
    /// `'…'` (or bash's `$'…'`): the text between the quotes.
    Single(Range<usize>),
    /// `"…"`: its parts (literals, parameters, substitutions).
    Double(Vec<Part>, Range<usize>),
    /// `$name`, `${name…}`, `$1`, `$?`: `name` is the parameter's name, `span` the whole
    /// expansion; `length` for `${#name}` (a number, never split).
    Param {
        name: Range<usize>,
        length: bool,
        span: Range<usize>,
    },
    /// `$(…)` or `` `…` ``.
    CmdSub {
        list: List,
        backtick: bool,
        span: Range<usize>,
    },
    /// `$((…))`: a number, never split.
    Arith(Range<usize>),
}

impl Part {
    pub fn span(&self) -> Range<usize> {
        match self {
            Part::Lit(r) | Part::Escaped(r) | Part::Single(r) | Part::Arith(r) => r.clone(),
            Part::Double(_, r) | Part::Param { span: r, .. } | Part::CmdSub { span: r, .. } => {
                r.clone()
            }
        }
    }
}

impl Word {
    /// The word's value when it has no expansions (`'a'b"c"` → `abc`), else `None`.
    pub fn literal<'s>(&self, src: &'s str) -> Option<Cow<'s, str>> {
        if self.parts.is_empty() {
            return Some(Cow::Borrowed(&src[self.span.clone()]));
        }
        let mut out = String::new();
        for p in &self.parts {
            literal_into(p, src, &mut out)?;
        }
        Some(Cow::Owned(out))
    }

    /// The word as written.
    pub fn text<'s>(&self, src: &'s str) -> &'s str {
        &src[self.span.clone()]
    }
}

fn literal_into(p: &Part, src: &str, out: &mut String) -> Option<()> {
    match p {
        Part::Lit(r) | Part::Escaped(r) | Part::Single(r) => out.push_str(&src[r.clone()]),
        Part::Double(parts, _) => {
            for q in parts {
                literal_into(q, src, out)?;
            }
        }
        _ => return None,
    }
    Some(())
}

/// A simple command and where it sits, as [`List::simple_commands`] yields it.
#[derive(Debug, Clone, Copy)]
pub struct At<'t> {
    pub command: &'t Simple,
    pub span: &'t Range<usize>,
}

impl List {
    /// Every simple command, in source order, nested ones (in substitutions, bodies,
    /// conditions) included.
    pub fn simple_commands(&self) -> Vec<At<'_>> {
        let mut out = Vec::new();
        self.each_simple(&mut |at| out.push(at));
        out
    }

    /// Calls `f` on every simple command, as [`List::simple_commands`] lists them.
    pub(crate) fn each_simple<'t>(&'t self, f: &mut impl FnMut(At<'t>)) {
        self.visit(&mut |c| {
            if let Kind::Simple(s) = &c.kind {
                f(At {
                    command: s,
                    span: &c.span,
                });
            }
        });
    }

    /// Calls `f` on every command, outer before inner, including those inside command
    /// substitutions.
    pub(crate) fn visit<'t>(&'t self, f: &mut impl FnMut(&'t Command)) {
        for ao in &self.items {
            for p in std::iter::once(&ao.first).chain(ao.rest.iter().map(|(_, p)| p)) {
                for c in &p.commands {
                    c.visit(f);
                }
            }
        }
    }
}

impl Command {
    fn visit<'t>(&'t self, f: &mut impl FnMut(&'t Command)) {
        f(self);
        let words = |ws: &'t [Word], f: &mut dyn FnMut(&'t Word)| ws.iter().for_each(f);
        let mut in_word = |w: &'t Word| visit_parts(&w.parts, f);
        match &self.kind {
            Kind::Simple(s) => {
                for a in &s.assigns {
                    in_word(&a.value);
                }
                words(&s.words, &mut in_word);
            }
            Kind::Subshell(l) | Kind::Group(l) => l.visit(f),
            Kind::If {
                branches,
                otherwise,
            } => {
                for (c, b) in branches {
                    c.visit(f);
                    b.visit(f);
                }
                if let Some(o) = otherwise {
                    o.visit(f);
                }
            }
            Kind::For {
                words: ws, body, ..
            } => {
                if let Some(ws) = ws {
                    words(ws, &mut in_word);
                }
                body.visit(f);
            }
            Kind::Loop { cond, body } => {
                cond.visit(f);
                body.visit(f);
            }
            Kind::Case { word, arms } => {
                in_word(word);
                for (_, body) in arms {
                    body.visit(f);
                }
            }
            Kind::Function { body, .. } => body.visit(f),
            Kind::Test(ws) => words(ws, &mut in_word),
            Kind::Arith => {}
        }
        for r in &self.redirects {
            visit_parts(&r.target.parts, f);
        }
    }
}

fn visit_parts<'t>(parts: &'t [Part], f: &mut impl FnMut(&'t Command)) {
    for p in parts {
        match p {
            Part::CmdSub { list, .. } => list.visit(f),
            Part::Double(inner, _) => visit_parts(inner, f),
            _ => {}
        }
    }
}
