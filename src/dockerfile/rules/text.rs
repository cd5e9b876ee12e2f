//! Where findings point and how fixes rewrite a line: shared by the rules that report on a
//! FROM's image or offer a one-line fix.

use super::{Ctx, Report};
use crate::dockerfile::ast::{Args, Span, Word};

/// The span of the image word of the FROM at instruction `from` (the whole FROM without one).
pub(super) fn from_image_span(ctx: &Ctx<'_>, from: usize) -> Span {
    let ins = ctx.ins(from);
    match &ins.args {
        Args::From(f) => f.image.as_ref().map_or(ins.span, |w| w.span),
        _ => ins.span,
    }
}

/// The source line of `span` with the text of `span` replaced (when it is on one line).
pub(super) fn replace_in_line(ctx: &Ctx<'_>, span: Span, with: &str) -> Option<(usize, String)> {
    let line = span.start.line as usize;
    if span.end.line != span.start.line {
        return None;
    }
    Some((line, replace_columns(ctx.line_text(line)?, span, with)?))
}

/// `text` (one line) with the columns of `span` replaced.
pub(super) fn replace_columns(text: &str, span: Span, with: &str) -> Option<String> {
    let start: usize = text
        .char_indices()
        .nth(span.start.column as usize - 1)
        .map(|(i, _)| i)?;
    let end: usize = text
        .char_indices()
        .nth(span.end.column as usize - 1)
        .map_or(text.len(), |(i, _)| i);
    Some(format!("{}{with}{}", &text[..start], &text[end..]))
}

/// Reports `msg` at `word`, with the fix that writes `want` in its place when it is on one line
/// (a [`Report::safe_fix`] when `safe`).
pub(super) fn report_word_fix(
    ctx: &Ctx<'_>,
    r: &mut Report,
    (word, want): (&Word, &str),
    msg: String,
    safe: bool,
) {
    match replace_in_line(ctx, word.span, want) {
        Some((line, fixed)) if safe => r.safe_fix(word.span, msg, line, fixed),
        Some((line, fixed)) => r.fix(word.span, msg, line, fixed),
        None => r.at(word.span, msg),
    }
}

/// Whether `s` has no lower-case ASCII letter.
pub(super) fn is_upper(s: &str) -> bool {
    s.chars().all(|c| !c.is_ascii_lowercase())
}

/// Whether `s` has no upper-case ASCII letter.
pub(super) fn is_lower(s: &str) -> bool {
    s.chars().all(|c| !c.is_ascii_uppercase())
}
