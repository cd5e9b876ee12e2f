//! Layout: a [`Doc`] wrapped to a width, as lines of styled spans. Wrapping happens here, in
//! display columns (unicode-width), never in ratatui, so wide characters never spill onto a
//! border (ratatui 0.30.2's own wrap can; see the README's design section).
//! Styles are semantic; the TUI maps them to colours.

use super::doc::{Callout, Doc, InlineStyle};

/// One screen line, already no wider than the width it was laid out for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LaidLine {
    pub spans: Vec<LaidSpan>,
    /// For code-block lines: which code block (index among the doc's code blocks, in order)
    /// and which source line of it, so a highlighter can colour it.
    pub code: Option<CodeRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeRef {
    pub block: usize,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LaidSpan {
    pub text: String,
    pub style: SpanStyle,
}

/// What a span is, so the TUI can style it.
#[derive(Debug, Clone, PartialEq)]
pub enum SpanStyle {
    /// Running text with its inline style.
    Body(InlineStyle),
    Heading(u8),
    /// Text inside a code block (`lang` from the fence).
    Code {
        lang: Option<String>,
    },
    /// A bullet, a number, a continuation mark or other decoration.
    Marker,
    /// The bar or label in front of a callout's lines.
    Callout(Callout),
    TableBorder,
    TableHeader(InlineStyle),
    /// A link's target, shown after its text.
    LinkTarget,
    Rule,
}

/// Lays `doc` out at `width` columns (at least 1).
pub fn layout(doc: &Doc, width: u16) -> Vec<LaidLine> {
    // Placeholder until the layout lands: one line per block's plain text.
    let _ = width;
    doc.blocks.iter().map(|_| LaidLine::default()).collect()
}
