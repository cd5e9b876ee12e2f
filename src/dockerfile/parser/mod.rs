//! The parser: BuildKit's line scanner (directives, comments, continuations, heredocs)
//! feeding the per-instruction argument parsers in [`args`].
//!
//! It follows BuildKit's `parser.Parse` step by step, so that what it accepts, and how it
//! splits and joins lines, is what `docker build` sees. It never panics, never recurses on
//! input, and runs in time linear in the input.

mod args;
pub mod buildkit_view;
pub(crate) mod directives;
mod heredoc;
mod json;
mod logical;
mod source;
mod words;

use std::ops::Range;

use self::directives::{DirectiveLine, DirectiveScanner};
use self::logical::{LogicalLine, strip_continuation};
use self::source::{Lines, Locator, MAX_LINE_BYTES};
use crate::dockerfile::ast::{
    Args, Directive, Dockerfile, ErrorKind, Heredoc, Instruction, Keyword, ParseError, ParseResult,
    ParseWarning, Span, WarningKind,
};

const BOM: &str = "\u{feff}";

/// The most instructions reserved up front (a bigger file grows the list as usual); keeps the
/// reservation below the allocator's mmap threshold.
const MAX_RESERVED_INSTRUCTIONS: usize = 256;

/// Parses Dockerfile text. Always returns a tree; BuildKit's objections are in `errors`.
pub fn parse(source: &str) -> ParseResult {
    let bom_len = if source.starts_with(BOM) {
        BOM.len()
    } else {
        0
    };
    let loc = Locator::new(source, bom_len);
    // At most one instruction per line: reserving that (within reason) spares the list's
    // regrowths, each of which copies every instruction parsed so far.
    let instructions = Vec::with_capacity(loc.line_count().min(MAX_RESERVED_INSTRUCTIONS));
    let mut p = Parser {
        src: source,
        loc: &loc,
        lines: Lines::new(source, bom_len),
        directives: DirectiveScanner::default(),
        out: ParseResult {
            dockerfile: Dockerfile {
                escape: '\\',
                instructions,
                ..Dockerfile::default()
            },
            ..ParseResult::default()
        },
    };
    p.run();
    p.out
}

/// Parses raw bytes: input that is not UTF-8 is an error (BuildKit's Python wrapper, like most
/// tools, refuses it too), naming the line and column of the first bad byte.
pub fn parse_bytes(bytes: &[u8]) -> Result<ParseResult, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(parse(s)),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let valid = std::str::from_utf8(good).unwrap_or_default();
            let loc = Locator::new(valid, 0);
            let at = loc.pos(valid.len());
            Err(ParseError {
                kind: ErrorKind::NotUtf8,
                message: format!(
                    "the Dockerfile is not valid UTF-8 (invalid byte at line {}, column {})",
                    at.line, at.column
                ),
                span: Span { start: at, end: at },
            })
        }
    }
}

struct Parser<'a> {
    src: &'a str,
    loc: &'a Locator<'a>,
    lines: Lines<'a>,
    directives: DirectiveScanner,
    out: ParseResult,
}

impl Parser<'_> {
    fn run(&mut self) {
        let mut comments: Vec<String> = Vec::new();
        let mut logical = LogicalLine::new(0);
        while let Some(line) = self.lines.next() {
            let text = &self.src[line.start..line.end];
            let trimmed = text.trim_start_matches(words::is_space);
            let trimmed_at = line.end - trimmed.len();
            if let Some(comment) = trimmed.strip_prefix('#') {
                let comment = comment.trim_matches(words::is_space);
                if comment.is_empty() {
                    comments.clear();
                } else {
                    comments.push(comment.to_string());
                }
            }
            // As BuildKit's parser: a directive is not a comment of the first instruction.
            if self.directive(trimmed, trimmed_at..line.end) {
                comments.pop();
            }
            if trimmed.starts_with('#') {
                continue;
            }
            let escape = self.out.dockerfile.escape;
            let (first, mut continued) = match strip_continuation(trimmed, escape) {
                Some(piece) => (piece, true),
                None => (trimmed, false),
            };
            if !continued && first.is_empty() {
                continue;
            }
            logical.reset(trimmed_at);
            logical.push(first, trimmed_at);
            let (start_line, mut end_line, mut end_offset) = (line.number, line.number, line.end);
            while continued {
                let Some(next) = self.lines.next() else { break };
                (end_line, end_offset) = (next.number, next.end);
                let text = &self.src[next.start..next.end];
                let trimmed = text.trim_start_matches(words::is_space);
                if trimmed.starts_with('#') {
                    continue;
                }
                if trimmed.is_empty() {
                    self.out.warnings.push(ParseWarning {
                        kind: WarningKind::EmptyContinuationLine,
                        message: "Empty continuation lines will become errors in a future release"
                            .into(),
                        span: self.loc.span(next.start, next.end),
                    });
                    continue;
                }
                let piece = match strip_continuation(text, escape) {
                    Some(piece) => piece,
                    None => {
                        continued = false;
                        text
                    }
                };
                logical.push(piece, next.start);
            }
            let mut ctx = args::Ctx {
                loc: self.loc,
                line: &logical,
                escape,
                errors: &mut self.out.errors,
            };
            let mut instr = args::instruction(&mut ctx, 0, logical.text.len(), 0);
            instr.start_line = start_line;
            instr.comments = std::mem::take(&mut comments);
            if can_contain_heredoc(&instr) {
                for marker in heredoc::markers(&logical.text) {
                    let marker_span = logical.span(self.loc, marker.start, marker.end);
                    let (doc, last) = self.heredoc_body(marker, marker_span);
                    if let Some((number, end)) = last {
                        (end_line, end_offset) = (number, end);
                    }
                    instr.original.push('\n');
                    instr.original.push_str(&doc.body);
                    instr.original.push_str(&doc.name);
                    instr.heredocs.push(doc);
                }
                if !instr.heredocs.is_empty() {
                    instr.original.push('\n');
                }
            }
            instr.end_line = end_line;
            instr.span.end = self.loc.pos(end_offset.max(instr.span.end.offset));
            self.out.dockerfile.instructions.push(instr);
        }
        self.finish();
    }

    /// Feeds a left-trimmed line to the directive scanner and records what it says.
    /// Reads a directive line; whether it was one.
    fn directive(&mut self, trimmed: &str, at: Range<usize>) -> bool {
        let span = self.loc.span(at.start, at.end);
        match self.directives.line(trimmed) {
            DirectiveLine::Done => false,
            DirectiveLine::Duplicate(message) => {
                self.error(ErrorKind::DuplicateDirective, message, span);
                false
            }
            DirectiveLine::Directive { name, value } => {
                if name == "escape" {
                    match value {
                        "\\" => self.out.dockerfile.escape = '\\',
                        "`" => self.out.dockerfile.escape = '`',
                        _ => self.error(
                            ErrorKind::InvalidEscape,
                            format!("invalid escape token '{value}' does not match ` or \\"),
                            span,
                        ),
                    }
                }
                let value = value.to_string();
                self.out
                    .dockerfile
                    .directives
                    .push(Directive { name, value, span });
                true
            }
        }
    }

    /// Reads a heredoc body up to its terminator. Returns the heredoc and the last line read
    /// (number, end offset), if any.
    fn heredoc_body(
        &mut self,
        marker: heredoc::Marker,
        marker_span: Span,
    ) -> (Heredoc, Option<(u32, usize)>) {
        let mut body = String::new();
        let mut first: Option<usize> = None;
        let mut last = None;
        let mut terminated = false;
        for line in self.lines.by_ref() {
            first.get_or_insert(line.start);
            last = Some((line.number, line.end));
            let text = &self.src[line.start..line.end];
            let candidate = if marker.chomp {
                text.trim_start_matches('\t')
            } else {
                text
            };
            if candidate == marker.name {
                terminated = true;
                break;
            }
            body.push_str(&self.src[line.start..line.next]);
        }
        let span = match (first, last) {
            (Some(s), Some((_, e))) => self.loc.span(s, e),
            _ => Span {
                start: marker_span.end,
                end: marker_span.end,
            },
        };
        if !terminated {
            let span = Span {
                start: marker_span.start,
                end: span.end,
            };
            self.error(
                ErrorKind::UnterminatedHeredoc,
                "unterminated heredoc".into(),
                span,
            );
        }
        let doc = Heredoc {
            name: marker.name,
            fd: marker.fd,
            chomp: marker.chomp,
            quoted: marker.quoted,
            body,
            marker_span,
            span,
        };
        (doc, last)
    }

    fn error(&mut self, kind: ErrorKind, message: String, span: Span) {
        self.out.errors.push(ParseError {
            kind,
            message,
            span,
        });
    }

    /// End-of-input checks, in BuildKit's order of precedence.
    fn finish(&mut self) {
        if self.out.dockerfile.instructions.is_empty() {
            let at = self.loc.pos(self.src.len());
            let span = Span { start: at, end: at };
            self.error(
                ErrorKind::NoInstructions,
                "file with no instructions".into(),
                span,
            );
        }
        if let Some((_, start)) = self.lines.too_long {
            let end = self.src[start..]
                .find('\n')
                .map_or(self.src.len(), |i| start + i);
            let span = self.loc.span(start, end);
            self.error(
                ErrorKind::LineTooLong,
                format!("dockerfile line greater than max allowed size of {MAX_LINE_BYTES}"),
                span,
            );
        }
    }
}

/// BuildKit reads heredocs for RUN, COPY and ADD (also as an ONBUILD trigger), never in
/// exec form.
fn can_contain_heredoc(instr: &Instruction) -> bool {
    let node = match &instr.args {
        Args::Onbuild(Some(inner)) if instr.keyword == Keyword::Onbuild => inner,
        _ => instr,
    };
    node.keyword.allows_heredoc() && !matches!(node.args, Args::Exec { .. })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dockerfile::ast::{FromArgs, Healthcheck};

    fn text_of(src: &str, span: Span) -> &str {
        &src[span.range()]
    }

    #[test]
    fn spans_point_at_keywords_flags_and_words() {
        let src = "FROM --platform=$BUILDPLATFORM golang:1.25 AS build\n  COPY --from=build \\\n    /out /app\n";
        let r = parse(src);
        assert!(r.is_ok());
        let [from, copy] = &r.dockerfile.instructions[..] else {
            panic!()
        };
        let Args::From(FromArgs {
            image,
            alias,
            platform,
            ..
        }) = &from.args
        else {
            panic!()
        };
        assert_eq!(image.as_ref().unwrap().text, "golang:1.25");
        assert_eq!(alias.as_ref().unwrap().text, "build");
        let platform = platform.as_ref().unwrap();
        assert_eq!(text_of(src, platform.span), "$BUILDPLATFORM");
        assert_eq!(
            (platform.span.start.line, platform.span.start.column),
            (1, 17)
        );
        assert_eq!(
            (
                copy.keyword_text.span.start.line,
                copy.keyword_text.span.start.column
            ),
            (2, 3)
        );
        assert_eq!(text_of(src, copy.flags[0].span), "--from=build");
        assert_eq!(copy.flag("from").unwrap().value.as_deref(), Some("build"));
        let Args::Words(words) = &copy.args else {
            panic!()
        };
        assert_eq!(
            (words[0].span.start.line, words[0].span.start.column),
            (3, 5)
        );
        assert_eq!(text_of(src, words[1].span), "/app");
        assert_eq!((copy.start_line, copy.end_line), (2, 3));
        assert_eq!(copy.span.end.line, 3);
    }

    #[test]
    fn directives_escape_and_their_errors() {
        let r = parse("# syntax=docker/dockerfile:1\n# escape=`\nRUN dir c:\\ `\n  /s\n");
        assert_eq!(r.dockerfile.escape, '`');
        assert_eq!(
            r.dockerfile.directive("syntax").unwrap().value,
            "docker/dockerfile:1"
        );
        assert_eq!(r.dockerfile.instructions[0].args_text.text, "dir c:\\   /s");
        let r = parse("# escape=x\nFROM a\n");
        assert_eq!(r.errors[0].kind, ErrorKind::InvalidEscape);
        assert_eq!(r.errors[0].span.start.line, 1);
        assert_eq!(
            r.dockerfile.instructions.len(),
            1,
            "parsing goes on after an error"
        );
        let r = parse("# check=skip=all\n# escape=`\nFROM a\n");
        assert_eq!(r.dockerfile.directives.len(), 2);
        assert_eq!(r.dockerfile.escape, '`');
        // BuildKit drops directives from the comments above the first instruction.
        let r = parse("# check=skip=all\n# a note\nFROM a\n");
        assert_eq!(r.dockerfile.instructions[0].comments, ["a note"]);
    }

    #[test]
    fn empty_continuation_lines_warn_at_the_blank_line() {
        let r = parse("FROM a\nEXPOSE 80 \\\n\n  443\nRUN a \\\n# c\n b\n");
        assert!(r.is_ok());
        assert_eq!(r.warnings.len(), 1);
        assert_eq!(r.warnings[0].kind, WarningKind::EmptyContinuationLine);
        assert_eq!(r.warnings[0].span.start.line, 3);
        assert_eq!(r.dockerfile.instructions[2].args_text.text, "a  b");
    }

    #[test]
    fn heredocs_are_read_with_spans_and_flags() {
        let src = "FROM a\nRUN <<-'EOT' 3<<X\n\techo $A\n\tEOT\nfd\nX\nCOPY <<EOF /x\nEOF\n";
        let r = parse(src);
        assert!(r.is_ok(), "{:?}", r.errors);
        let run = &r.dockerfile.instructions[1];
        assert_eq!((run.start_line, run.end_line), (2, 6));
        let [a, b] = &run.heredocs[..] else { panic!() };
        assert_eq!(
            (a.name.as_str(), a.chomp, a.quoted, a.body.as_str()),
            ("EOT", true, true, "\techo $A\n")
        );
        assert_eq!((b.name.as_str(), b.fd, b.quoted), ("X", 3, false));
        assert_eq!(text_of(src, a.marker_span), "<<-'EOT'");
        assert_eq!(text_of(src, a.span), "\techo $A\n\tEOT");
        assert_eq!(run.original, "RUN <<-'EOT' 3<<X\n\techo $A\nEOT\nfd\nX\n");
        assert_eq!(r.dockerfile.instructions[2].heredocs[0].body, "");
        let r = parse("FROM a\nRUN <<EOF\nnever\n");
        assert_eq!(r.errors[0].kind, ErrorKind::UnterminatedHeredoc);
    }

    #[test]
    fn exec_form_shell_fallback_and_non_string_error() {
        let r = parse("CMD [\"a\", \"b c\"]\nCMD ['a']\nCMD [\"a\", 1]\n");
        let i = &r.dockerfile.instructions;
        let Args::Exec { elements, .. } = &i[0].args else {
            panic!()
        };
        assert_eq!(elements[1].text, "b c");
        assert!(matches!(&i[1].args, Args::Text(w) if w.text == "['a']"));
        assert_eq!(r.errors.len(), 1);
        assert_eq!(r.errors[0].kind, ErrorKind::JsonNotStrings);
        assert_eq!(r.errors[0].span.start.line, 3);
    }

    #[test]
    fn env_forms_onbuild_and_healthcheck() {
        let r = parse(
            "ENV A=\"1 2\" B=3\nENV C d e\nONBUILD RUN x\nHEALTHCHECK --retries=3 CMD [\"true\"]\nHEALTHCHECK none\nENV D\n",
        );
        let i = &r.dockerfile.instructions;
        let Args::KeyValues {
            pairs,
            legacy: false,
        } = &i[0].args
        else {
            panic!()
        };
        assert_eq!(
            (pairs[0].key.text.as_str(), pairs[0].value.text.as_str()),
            ("A", "\"1 2\"")
        );
        let Args::KeyValues {
            pairs,
            legacy: true,
        } = &i[1].args
        else {
            panic!()
        };
        assert_eq!(pairs[0].value.text, "d e");
        let Args::Onbuild(Some(trigger)) = &i[2].args else {
            panic!()
        };
        assert_eq!(trigger.keyword, Keyword::Run);
        let Args::Healthcheck(Healthcheck::Cmd { command, .. }) = &i[3].args else {
            panic!()
        };
        assert!(matches!(**command, Args::Exec { .. }));
        assert!(matches!(
            &i[4].args,
            Args::Healthcheck(Healthcheck::None { extra: None, .. })
        ));
        assert_eq!(r.errors[0].message, "ENV must have two arguments");
    }

    #[test]
    fn comments_above_an_instruction_are_kept() {
        let r = parse("# a\n# b\nFROM x\n#\n# c\nRUN y\nRUN z\n");
        let i = &r.dockerfile.instructions;
        assert_eq!(i[0].comments, ["a", "b"]);
        assert_eq!(i[1].comments, ["c"]);
        assert!(i[2].comments.is_empty());
    }

    #[test]
    fn unknown_keywords_parse_and_empty_files_are_errors() {
        let r = parse("FNTRYPOINT [\"x\"]\n");
        assert!(r.is_ok());
        assert_eq!(r.dockerfile.instructions[0].keyword, Keyword::Unknown);
        for src in ["", "\n\n", "# only\n", "\u{feff}"] {
            assert_eq!(
                parse(src).errors[0].kind,
                ErrorKind::NoInstructions,
                "{src:?}"
            );
        }
    }

    #[test]
    fn bom_is_skipped_and_columns_start_after_it() {
        let r = parse("\u{feff}FROM a\n");
        let from = &r.dockerfile.instructions[0];
        assert_eq!(from.keyword, Keyword::From);
        assert_eq!(
            (
                from.span.start.line,
                from.span.start.column,
                from.span.start.offset
            ),
            (1, 1, 3)
        );
    }

    #[test]
    fn non_utf8_bytes_are_an_error_with_a_location() {
        let e = parse_bytes(b"FROM a\nRUN \xff\n").unwrap_err();
        assert_eq!(e.kind, ErrorKind::NotUtf8);
        assert_eq!((e.span.start.line, e.span.start.column), (2, 5));
        assert!(parse_bytes(b"FROM a\n").unwrap().is_ok());
    }

    #[test]
    fn too_long_lines_stop_the_scan_like_buildkit() {
        let src = format!("FROM a\nRUN {}\nRUN b\n", "x".repeat(MAX_LINE_BYTES));
        let r = parse(&src);
        assert_eq!(r.errors.last().unwrap().kind, ErrorKind::LineTooLong);
        assert_eq!(r.dockerfile.instructions.len(), 1);
    }
}
