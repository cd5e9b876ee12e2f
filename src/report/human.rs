//! The human report: per finding a `file:line:col RULE severity message` line, the source with a
//! caret under the span (rendered by annotate-snippets) and the fix when one is known; per
//! unreadable file an error line; last a summary line.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Effects, Style};

use super::source_lines::LineIndex;
use super::{FileError, FileReport, Outcome, Summary};
use crate::dockerfile::{Diagnostic, Severity};
use crate::escape;
use crate::highlight::{ColorDepth, HighlightedLines, Highlighter, line_to_ansi, stage_refs};

/// A finding spanning more lines than this shows only its first ones.
const MAX_SNIPPET_LINES: usize = 4;

const BOLD: Style = Style::new().effects(Effects::BOLD);

/// Colours for the quoted Dockerfile lines: the app's highlighter at the terminal's depth.
pub(crate) struct SourceColours<'a> {
    pub highlighter: &'a Highlighter,
    pub depth: ColorDepth,
}

/// Renders the whole report; `color` adds ANSI styling (the caller decides from TTY/NO_COLOR).
pub(crate) fn render(reports: &[FileReport], color: bool) -> String {
    render_with(reports, color, None)
}

/// Renders the whole report in colour, with the quoted source lines syntax-highlighted (stage
/// names and references in their stage's colour) as the course shows Dockerfiles.
pub(crate) fn render_highlighted(reports: &[FileReport], source: &SourceColours<'_>) -> String {
    render_with(reports, true, Some(source))
}

fn render_with(reports: &[FileReport], color: bool, colours: Option<&SourceColours<'_>>) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let paint = Painter { color };
    let mut out = String::new();
    for report in reports {
        match &report.outcome {
            Outcome::Checked {
                source,
                diagnostics,
            } => {
                if diagnostics.is_empty() {
                    continue;
                }
                let index = LineIndex::new(source);
                let highlighted =
                    colours.map(|c| (highlight(source, &index, diagnostics, c), c.depth));
                let file = FileView {
                    path: &report.path,
                    source,
                    index: &index,
                    quoted: highlighted.as_ref().map(|(lines, depth)| Quoted {
                        index: &index,
                        lines,
                        depth: *depth,
                    }),
                };
                for diagnostic in diagnostics {
                    write_diagnostic(&mut out, &file, diagnostic, &renderer, paint);
                }
            }
            Outcome::Failed(error) => write_file_error(&mut out, &report.path, error, paint),
        }
    }
    out.push_str(&paint.style(BOLD, &summary_line(&Summary::of(reports))));
    out.push('\n');
    out
}

/// `3 files checked: 1 error, 2 warnings, 1 style` (info, style and unreadable only when present).
pub(crate) fn summary_line(summary: &Summary) -> String {
    let mut parts = vec![
        counted(summary.errors, "error", "errors"),
        counted(summary.warnings, "warning", "warnings"),
    ];
    if summary.infos > 0 {
        parts.push(counted(summary.infos, "info", "infos"));
    }
    if summary.styles > 0 {
        parts.push(counted(summary.styles, "style", "styles"));
    }
    if summary.failed > 0 {
        parts.push(format!("{} unreadable", summary.failed));
    }
    format!(
        "{} checked: {}",
        counted(summary.files, "file", "files"),
        parts.join(", ")
    )
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The lines of `source` that the findings quote, highlighted once per file. Only the text up
/// to the last quoted line is highlighted: a finding near the top of a huge file costs little.
fn highlight(
    source: &str,
    index: &LineIndex<'_>,
    diagnostics: &[Diagnostic],
    colours: &SourceColours<'_>,
) -> HighlightedLines {
    let last = diagnostics
        .iter()
        .map(|d| {
            let loc = d.location;
            loc.end_line
                .max(loc.line)
                .min(loc.line + MAX_SNIPPET_LINES - 1)
        })
        .max()
        .unwrap_or(0)
        .min(index.len());
    let end = index.range(last).map_or(0, |r| r.end);
    let text = &source[..end];
    colours
        .highlighter
        .highlight_with_stages(text, Some("dockerfile"), &stage_refs(text))
}

/// The highlighted lines of one file, for colouring its snippets.
#[derive(Clone, Copy)]
struct Quoted<'a> {
    index: &'a LineIndex<'a>,
    lines: &'a HighlightedLines,
    depth: ColorDepth,
}

impl Quoted<'_> {
    /// `rendered` (annotate-snippets' output for a finding at `line`) with each quoted source
    /// line in colour. A line is recognised by its gutter (`12 |`) and its exact text; one the
    /// renderer changed (shortened, tabs expanded) stays as rendered.
    fn colour(&self, rendered: &str, source: &str, line: usize) -> String {
        let quoted: Vec<(String, &str, String)> = (line..line + MAX_SNIPPET_LINES)
            .filter_map(|n| {
                let text = &source[self.index.range(n)?];
                let spans = self.lines.get(n - 1)?;
                let same = spans.iter().map(|s| s.text.len()).sum::<usize>() == text.len();
                // A line with control characters was quoted escaped: it stays as rendered.
                let clean = !text.chars().any(escape::needs_escape);
                (same && clean && !text.is_empty())
                    .then(|| (format!("{n} |"), text, line_to_ansi(spans, self.depth)))
            })
            .collect();
        let mut out = String::with_capacity(rendered.len() * 2);
        for row in rendered.split_inclusive('\n') {
            let (body, newline) = match row.strip_suffix('\n') {
                Some(body) => (body, "\n"),
                None => (row, ""),
            };
            let gutter = strip_escapes(body);
            let found = quoted.iter().find(|(number, text, _)| {
                gutter.trim_start().starts_with(number.as_str()) && body.ends_with(*text)
            });
            match found {
                Some((_, text, coloured)) => {
                    out.push_str(&body[..body.len() - text.len()]);
                    out.push_str(coloured);
                }
                None => out.push_str(body),
            }
            out.push_str(newline);
        }
        out
    }
}

/// `text` without its ANSI escape sequences (`ESC [ … letter`).
fn strip_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A checked file with findings, as each finding is written.
struct FileView<'a> {
    path: &'a str,
    source: &'a str,
    index: &'a LineIndex<'a>,
    /// Its quoted lines in colour, when the report is highlighted.
    quoted: Option<Quoted<'a>>,
}

fn write_diagnostic(
    out: &mut String,
    file: &FileView<'_>,
    diagnostic: &Diagnostic,
    renderer: &Renderer,
    paint: Painter,
) {
    let FileView {
        path,
        source,
        index,
        quoted,
    } = *file;
    let loc = diagnostic.location;
    let _ = writeln!(
        out,
        "{}:{}:{} {} {} {}",
        paint.style(BOLD, &escape::line(path)),
        loc.line,
        loc.column,
        paint.style(BOLD, diagnostic.rule),
        paint.style(
            severity_style(diagnostic.severity),
            diagnostic.severity.name()
        ),
        escape::line(&diagnostic.message)
    );
    if let Some(group) = snippet(index, source, diagnostic) {
        let rendered = renderer.render(&[group]);
        match quoted {
            Some(q) => out.push_str(&q.colour(&rendered, source, loc.line)),
            None => out.push_str(&rendered),
        }
        out.push('\n');
    } else if let Some(fix) = &diagnostic.fix {
        // No source line to show (e.g. a finding about the whole, empty file): the fix alone.
        let _ = writeln!(
            out,
            "  = {}: {}",
            fix_label(fix.line, loc.line),
            escape::line(&fix.replacement)
        );
    }
    out.push('\n');
}

/// The source lines a finding covers with its span underlined, plus its fix as a footer. The
/// quoted text and the fix are escaped first (the renderer shows C0 controls as pictures but
/// passes C1 ones through), the span moved with them.
fn snippet(index: &LineIndex<'_>, source: &str, diagnostic: &Diagnostic) -> Option<Group<'static>> {
    let loc = diagnostic.location;
    let first = index.range(loc.line)?;
    // A span that ends at column 1 of a later line covers nothing on that line.
    let end_line = if loc.end_line > loc.line && loc.end_column <= 1 {
        loc.end_line - 1
    } else {
        loc.end_line.max(loc.line)
    };
    let last_line = end_line
        .min(loc.line + MAX_SNIPPET_LINES - 1)
        .min(index.len());
    if last_line < loc.line {
        return None;
    }
    let last = index.range(last_line)?;
    let text = &source[first.start..last.end];
    let start = index.offset(loc.line, loc.column) - first.start;
    let end = if loc.end_line <= last_line {
        index.offset(loc.end_line, loc.end_column) - first.start
    } else {
        text.len()
    };
    let (text, [start, end]) = escape::lines_mapped(text, [start, end.max(start)]);
    let span = start..end;
    let level = annotate_level(diagnostic.severity);
    let mut group = Group::with_level(level.clone()).element(
        Snippet::source(text)
            .line_start(loc.line)
            .fold(false)
            .annotation(AnnotationKind::Primary.span(span)),
    );
    if let Some(fix) = &diagnostic.fix {
        group = group.element(
            Level::HELP
                .with_name(fix_label(fix.line, loc.line))
                .message(escape::line(&fix.replacement).into_owned()),
        );
    }
    Some(group)
}

/// `fix` when the fix replaces the finding's own line, `fix line N` when it replaces another.
fn fix_label(fix_line: usize, finding_line: usize) -> String {
    if fix_line == finding_line {
        "fix".to_string()
    } else {
        format!("fix line {fix_line}")
    }
}

fn write_file_error(out: &mut String, path: &str, error: &FileError, paint: Painter) {
    let path = escape::line(path);
    let place = match error.position {
        Some((line, column)) => format!("{path}:{line}:{column}"),
        None => path.to_string(),
    };
    let _ = writeln!(
        out,
        "{} {} {}",
        paint.style(BOLD, &place),
        paint.style(severity_style(Severity::Error), "error"),
        escape::line(&error.message)
    );
    out.push('\n');
}

fn annotate_level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
        Severity::Style => Level::NOTE,
    }
}

fn severity_style(severity: Severity) -> Style {
    // The same colours annotate-snippets gives the caret, so a finding reads as one colour.
    let color = match severity {
        Severity::Error => AnsiColor::BrightRed,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Info => AnsiColor::BrightBlue,
        Severity::Style => AnsiColor::BrightGreen,
    };
    color.on_default().effects(Effects::BOLD)
}

/// Applies a style only when colour is on.
#[derive(Clone, Copy)]
struct Painter {
    color: bool,
}

impl Painter {
    fn style(self, style: Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    #[test]
    fn plain_report_shows_header_caret_fix_and_summary() {
        let text = render(&fixtures::reports(), false);
        insta::assert_snapshot!(text);
        assert!(!text.contains('\u{1b}'), "plain output has no escapes");
    }

    #[test]
    fn colour_report_uses_ansi_escapes() {
        let text = render(&fixtures::reports(), true);
        assert!(text.contains("\u{1b}["));
    }

    #[test]
    fn quoted_lines_are_highlighted_and_the_rest_is_unchanged() {
        use crate::highlight::CodeTheme;
        let reports = fixtures::reports();
        let highlighter = Highlighter::new(CodeTheme::Ansi);
        let colours = SourceColours {
            highlighter: &highlighter,
            depth: ColorDepth::Ansi16,
        };
        let coloured = render_highlighted(&reports, &colours);
        let styled = render(&reports, true);
        assert_ne!(coloured, styled, "source lines gain colours");
        // Take the escapes away and the two say the same.
        assert_eq!(strip_escapes(&coloured), strip_escapes(&styled));
        assert_eq!(strip_escapes(&coloured), render(&reports, false));
        assert!(coloured.lines().count() == styled.lines().count());
    }

    #[test]
    fn escapes_are_stripped() {
        assert_eq!(strip_escapes("\u{1b}[1m\u{1b}[94m12\u{1b}[0m |"), "12 |");
        assert_eq!(strip_escapes("plain"), "plain");
    }

    #[test]
    fn clean_files_print_only_the_summary() {
        let reports = vec![FileReport {
            path: "Dockerfile".into(),
            outcome: Outcome::Checked {
                source: "FROM scratch\n".into(),
                diagnostics: vec![],
            },
        }];
        assert_eq!(
            render(&reports, false),
            "1 file checked: 0 errors, 0 warnings\n"
        );
    }

    #[test]
    fn multi_line_span_is_cut_and_out_of_range_span_is_tolerated() {
        let source = "RUN a \\\n b \\\n c \\\n d \\\n e \\\n f\n";
        let long = fixtures::diagnostic("X1", Severity::Info, "long", (1, 1, 6, 3), None);
        let beyond = fixtures::diagnostic(
            "X2",
            Severity::Info,
            "beyond",
            (9, 4, 9, 9),
            Some((9, "FROM a")),
        );
        let reports = vec![FileReport {
            path: "f".into(),
            outcome: Outcome::Checked {
                source: source.into(),
                diagnostics: vec![long, beyond],
            },
        }];
        let text = render(&reports, false);
        assert!(text.contains(" d \\"), "{text}");
        assert!(!text.contains(" e \\"), "{text}");
        assert!(
            text.contains("f:9:4 X2 info beyond\n  = fix: FROM a\n"),
            "{text}"
        );
    }

    #[test]
    fn finding_after_the_final_newline_has_no_snippet_and_no_panic() {
        // A comment-only file's DK100 sits after its last newline, on no line at all.
        for source in ["# todo\n", "", "\n\n", "# a\r\n"] {
            let lines = source.matches('\n').count();
            let at = (lines + 1, 1, lines + 1, 1);
            let d = fixtures::diagnostic("DK100", Severity::Error, "no instructions", at, None);
            let reports = vec![FileReport {
                path: "Dockerfile".into(),
                outcome: Outcome::Checked {
                    source: source.into(),
                    diagnostics: vec![d],
                },
            }];
            let text = render(&reports, false);
            let header = format!("Dockerfile:{}:1 DK100 error no instructions\n\n", lines + 1);
            assert!(text.starts_with(&header), "{source:?}: {text}");
        }
    }
}
