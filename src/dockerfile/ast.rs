//! The typed syntax tree of a Dockerfile, as BuildKit's parser sees it, with source spans.
//!
//! Every node that came from the text carries a [`Span`]: 1-based line and column (columns
//! count Unicode scalar values) plus byte offsets into the source, so a report can show a caret
//! and a tool can slice the original text. Words keep their text *as written* (quotes and
//! escapes included), exactly as BuildKit's parser hands them to the build; interpreting them
//! (unquoting, `${VAR}` expansion, image references, stages) is the model's job.

use std::fmt;

/// A position in the source: 1-based line and column, 0-based byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in Unicode scalar values from the start of the line.
    pub column: u32,
    /// 0-based byte offset into the source text.
    pub offset: usize,
}

/// A half-open source range: `start` is the first character, `end` is just past the last one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
}

impl Span {
    /// Byte range of this span in the source it was parsed from.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start.offset..self.end.offset
    }

    /// Smallest span covering both.
    pub fn to(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: if self.end.offset >= other.end.offset {
                self.end
            } else {
                other.end
            },
        }
    }
}

/// A piece of text with the span it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The text as BuildKit's parser yields it (continuations joined, quotes kept).
    pub text: String,
    pub span: Span,
}

impl Word {
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// The instructions of the Dockerfile reference, matched case-insensitively.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Keyword {
    Add,
    Arg,
    Cmd,
    Copy,
    Entrypoint,
    Env,
    Expose,
    From,
    Healthcheck,
    Label,
    Maintainer,
    Onbuild,
    Run,
    Shell,
    Stopsignal,
    User,
    Volume,
    Workdir,
    /// Any other word: BuildKit's parser keeps it, the build rejects it (`check` reports it).
    Unknown,
}

impl Keyword {
    /// Every known instruction, in the reference's alphabetical order.
    pub const ALL: [Keyword; 18] = [
        Keyword::Add,
        Keyword::Arg,
        Keyword::Cmd,
        Keyword::Copy,
        Keyword::Entrypoint,
        Keyword::Env,
        Keyword::Expose,
        Keyword::From,
        Keyword::Healthcheck,
        Keyword::Label,
        Keyword::Maintainer,
        Keyword::Onbuild,
        Keyword::Run,
        Keyword::Shell,
        Keyword::Stopsignal,
        Keyword::User,
        Keyword::Volume,
        Keyword::Workdir,
    ];

    /// Case-insensitive lookup; anything else is [`Keyword::Unknown`].
    pub(crate) fn from_word(word: &str) -> Keyword {
        // BuildKit lower-cases with Unicode rules (the Kelvin sign `K` becomes `k`).
        let lower;
        let word = if word.is_ascii() {
            word
        } else {
            lower = word.to_lowercase();
            &lower
        };
        Keyword::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(word))
            .unwrap_or(Keyword::Unknown)
    }

    /// Upper-case name (`"UNKNOWN"` for [`Keyword::Unknown`]).
    pub fn as_str(&self) -> &'static str {
        match self {
            Keyword::Add => "ADD",
            Keyword::Arg => "ARG",
            Keyword::Cmd => "CMD",
            Keyword::Copy => "COPY",
            Keyword::Entrypoint => "ENTRYPOINT",
            Keyword::Env => "ENV",
            Keyword::Expose => "EXPOSE",
            Keyword::From => "FROM",
            Keyword::Healthcheck => "HEALTHCHECK",
            Keyword::Label => "LABEL",
            Keyword::Maintainer => "MAINTAINER",
            Keyword::Onbuild => "ONBUILD",
            Keyword::Run => "RUN",
            Keyword::Shell => "SHELL",
            Keyword::Stopsignal => "STOPSIGNAL",
            Keyword::User => "USER",
            Keyword::Volume => "VOLUME",
            Keyword::Workdir => "WORKDIR",
            Keyword::Unknown => "UNKNOWN",
        }
    }

    /// Instructions whose arguments may contain heredocs (`<<EOF`) in shell form.
    pub(crate) fn allows_heredoc(&self) -> bool {
        matches!(self, Keyword::Run | Keyword::Copy | Keyword::Add)
    }
}

impl fmt::Display for Keyword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A parser directive from the top of the file (`# syntax=…`, `# escape=…`, `# check=…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// Lower-cased key.
    pub name: String,
    /// Value as written (case kept, surrounding blanks trimmed).
    pub value: String,
    /// The whole comment line.
    pub span: Span,
}

/// A builder flag (`--from=build`, `--mount="type=cache,target=/x"`, `--link`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// Name without the leading `--` (`from`).
    pub name: String,
    /// Text after the first `=`, quotes removed as BuildKit does; `None` for `--link`.
    pub value: Option<String>,
    /// The flag word as BuildKit reports it (`--from=build`, quotes removed).
    pub raw: String,
    /// The flag word in the source.
    pub span: Span,
    /// Where the value starts and ends in the source (quotes included), if there is a value.
    pub value_span: Option<Span>,
}

/// One `name=value` pair of ENV or LABEL (or the single pair of the legacy `ENV name value` form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyValue {
    /// Key as written.
    pub key: Word,
    /// Value as written: quotes kept (`"0.0.0.0"`); in the legacy form the rest of the line.
    pub value: Word,
    /// The whole `key=value` word (or `key value` for the legacy form).
    pub span: Span,
}

/// One ARG declaration: `NAME` or `NAME=default`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgDecl {
    /// Name (text before the first `=`, or the whole word).
    pub name: Word,
    /// Default value as written, if there is an `=`.
    pub default: Option<Word>,
    /// The whole word.
    pub span: Span,
}

/// Arguments of FROM: `[--platform=…] image [AS name]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FromArgs {
    /// First word: the image reference or an earlier stage's name (unexpanded).
    pub image: Option<Word>,
    /// The word after `AS` (any case), when the line has exactly three words with `AS` second.
    pub alias: Option<Word>,
    /// The value of `--platform`, if given.
    pub platform: Option<Word>,
    /// Every word after the flags, in order (BuildKit's `value`); rules check the count.
    pub words: Vec<Word>,
}

/// HEALTHCHECK arguments: first word is the type, the rest is a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Healthcheck {
    /// `HEALTHCHECK NONE` (any case); `extra` holds anything after it (an error for the build).
    None {
        keyword: Word,
        extra: Option<Box<Args>>,
    },
    /// `HEALTHCHECK [flags] CMD …`: the command in exec or shell form (`Args::Empty` if missing).
    Cmd { keyword: Word, command: Box<Args> },
    /// Any other type word (`Unknown type "X" in HEALTHCHECK (try CMD)` for the build).
    Other { keyword: Word, command: Box<Args> },
}

/// The arguments of an instruction, in the form BuildKit's parser gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Args {
    /// Nothing after the keyword (and flags).
    Empty,
    /// Exec (JSON array) form: one word per string element (decoded), `span` the whole array.
    Exec { elements: Vec<Word>, span: Span },
    /// Shell form, or the raw rest of the line (MAINTAINER, USER, WORKDIR, STOPSIGNAL).
    Text(Word),
    /// Whitespace-separated words (COPY, ADD, VOLUME without JSON; EXPOSE).
    Words(Vec<Word>),
    /// ENV / LABEL pairs. `legacy` is the old `ENV key value` form (one pair).
    KeyValues { pairs: Vec<KeyValue>, legacy: bool },
    /// ARG declarations.
    Arg(Vec<ArgDecl>),
    /// FROM.
    From(FromArgs),
    /// ONBUILD and its trigger (`None` when nothing follows ONBUILD). The trigger of a trigger
    /// (`ONBUILD ONBUILD …`, which the build rejects) keeps its arguments as [`Args::Text`].
    Onbuild(Option<Box<Instruction>>),
    /// HEALTHCHECK.
    Healthcheck(Healthcheck),
}

/// A heredoc attached to an instruction (`RUN <<EOF` … `EOF`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heredoc {
    /// Delimiter with quotes removed (`EOF` for `<<"EOF"`).
    pub name: String,
    /// File descriptor prefix (`3<<EOF` → 3; 0 when absent, as BuildKit reports it).
    pub(crate) fd: u32,
    /// `<<-`: leading tabs are stripped from the body and the terminator.
    pub(crate) chomp: bool,
    /// Some part of the delimiter was quoted: the body is not variable-expanded.
    pub quoted: bool,
    /// Body lines exactly as in the file (line ends kept; tabs *not* stripped even for `<<-`).
    pub body: String,
    /// The `<<EOF` word in the instruction line.
    pub marker_span: Span,
    /// Body lines plus the terminator line.
    pub span: Span,
}

/// One instruction (a logical line plus its heredoc bodies).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instruction {
    /// Normalised keyword.
    pub keyword: Keyword,
    /// The keyword as written (`from`, `Run`).
    pub keyword_text: Word,
    /// Builder flags before the arguments.
    pub flags: Vec<Flag>,
    /// Arguments after the flags.
    pub args: Args,
    /// The arguments as one string (after flags, trimmed), continuations joined.
    pub args_text: Word,
    /// Heredocs in the order they appear.
    pub heredocs: Vec<Heredoc>,
    /// Logical line as BuildKit keeps it (`Original`): continuations joined; for heredocs the
    /// body and terminator lines follow, newline-separated.
    pub original: String,
    /// From the first character of the keyword to the end of the last line (heredocs included).
    pub span: Span,
    /// 1-based first and last physical line (continuations and heredocs included).
    pub start_line: u32,
    pub end_line: u32,
    /// Comment lines directly above (text after `#`, trimmed); a bare `#` resets the list.
    pub comments: Vec<String>,
}

impl Instruction {
    /// The flag named `name` (without `--`), the last one if repeated.
    pub fn flag(&self, name: &str) -> Option<&Flag> {
        self.flags.iter().rev().find(|f| f.name == name)
    }
}

/// Why a warning was raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WarningKind {
    /// A blank line inside a continuation (BuildKit: "Empty continuation lines will become
    /// errors in a future release"; build check `NoEmptyContinuation`).
    EmptyContinuationLine,
}

/// A parse warning: the file parses, but BuildKit flags it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseWarning {
    pub kind: WarningKind,
    pub message: String,
    /// The offending line (for empty continuation lines: the blank line itself).
    pub span: Span,
}

/// Why BuildKit's parser would reject the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The input is not UTF-8 (only from [`parse_bytes`](super::parse_bytes)).
    NotUtf8,
    /// No instructions at all (empty, blank or comments only).
    NoInstructions,
    /// A physical line longer than BuildKit's scanner accepts.
    LineTooLong,
    /// A parser directive given twice.
    DuplicateDirective,
    /// `# escape=` with something other than `\` or `` ` ``.
    InvalidEscape,
    /// An exec-form array with a non-string element.
    JsonNotStrings,
    /// ENV/LABEL: missing value or a word without `=` in the `k=v` form.
    KeyValue,
    /// A heredoc whose terminator never comes.
    UnterminatedHeredoc,
    /// A heredoc delimiter the shell lexer cannot read (e.g. an unterminated quote).
    BadHeredoc,
}

/// A parse error, with BuildKit's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub kind: ErrorKind,
    /// BuildKit's wording, without location.
    pub message: String,
    pub span: Span,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "dockerfile parse error on line {}: {}",
            self.span.start.line, self.message
        )
    }
}

impl std::error::Error for ParseError {}

/// The syntax tree.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dockerfile {
    /// Parser directives in file order.
    pub directives: Vec<Directive>,
    /// The escape character in effect (`\` or `` ` ``).
    pub escape: char,
    pub instructions: Vec<Instruction>,
}

impl Dockerfile {
    /// The directive named `name` (lower case), if present.
    pub fn directive(&self, name: &str) -> Option<&Directive> {
        self.directives.iter().find(|d| d.name == name)
    }
}

/// What [`parse`](super::parse) returns: the tree plus everything BuildKit would say about it.
///
/// Unlike BuildKit, which stops at its first error, parsing always continues, so a linter can
/// still look at the rest; `errors[0]` is the error BuildKit reports.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParseResult {
    pub dockerfile: Dockerfile,
    pub warnings: Vec<ParseWarning>,
    pub errors: Vec<ParseError>,
}

impl ParseResult {
    /// True when BuildKit's parser would accept the file.
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}
