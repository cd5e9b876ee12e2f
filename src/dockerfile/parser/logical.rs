//! A logical line: physical lines joined at continuations, with a map back to the source.

use super::source::Locator;
use crate::dockerfile::ast::{Span, Word};

/// Text of one instruction line after continuations are joined, plus where each joined piece
/// came from, so any byte range of the text can be turned into a source [`Span`].
#[derive(Debug)]
pub(crate) struct LogicalLine {
    pub text: String,
    /// (offset in `text`, offset in the source) for the start of each joined piece.
    pieces: Vec<(usize, usize)>,
    /// Source offset where the line starts (spans of an empty line point here).
    anchor: usize,
}

impl LogicalLine {
    pub(crate) fn new(anchor: usize) -> Self {
        LogicalLine {
            text: String::new(),
            pieces: Vec::new(),
            anchor,
        }
    }

    /// Empties the line for the next instruction, keeping its buffers (one allocation per
    /// file instead of several per instruction).
    pub(crate) fn reset(&mut self, anchor: usize) {
        self.text.clear();
        self.pieces.clear();
        self.anchor = anchor;
    }

    pub(crate) fn push(&mut self, piece: &str, source_offset: usize) {
        if piece.is_empty() {
            return;
        }
        self.pieces.push((self.text.len(), source_offset));
        self.text.push_str(piece);
    }

    /// Source offset of the byte at `at` (a position inside the text).
    fn source_of(&self, at: usize) -> usize {
        let i = self
            .pieces
            .partition_point(|&(t, _)| t <= at)
            .saturating_sub(1);
        match self.pieces.get(i) {
            Some(&(t, s)) => s + (at - t),
            None => self.anchor,
        }
    }

    /// Source offset just past the character that ends at text offset `at` (the anchor at 0).
    fn source_end(&self, at: usize) -> usize {
        if at == 0 || self.pieces.is_empty() {
            self.anchor
        } else {
            self.source_of(at - 1) + 1
        }
    }

    /// Source span of `text[start..end]`.
    pub(crate) fn span(&self, loc: &Locator, start: usize, end: usize) -> Span {
        let end = end.max(start);
        let s = if start < self.text.len() {
            self.source_of(start)
        } else {
            self.source_end(start)
        };
        let e = if end > start { self.source_end(end) } else { s };
        loc.span(s, e)
    }

    /// A word of the text at `start..end`, with its source span.
    pub(crate) fn word(&self, loc: &Locator, start: usize, end: usize) -> Word {
        Word {
            text: self.text[start..end].to_string(),
            span: self.span(loc, start, end),
        }
    }
}

/// BuildKit's continuation test, `([^E])E[ \t]*$|^E[ \t]*$` for escape character `E`: the
/// escape as the last non-blank character, not itself escaped. Returns the line without it.
pub(crate) fn strip_continuation(line: &str, escape: char) -> Option<&str> {
    let t = line.trim_end_matches([' ', '\t']);
    let before = t.strip_suffix(escape)?;
    if before.ends_with(escape) {
        None
    } else {
        Some(before)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuation_needs_an_unescaped_final_escape() {
        assert_eq!(strip_continuation("RUN a \\  ", '\\'), Some("RUN a "));
        assert_eq!(strip_continuation("\\", '\\'), Some(""));
        assert_eq!(strip_continuation("RUN a\\\\", '\\'), None);
        assert_eq!(strip_continuation("RUN a\\", '`'), None);
        assert_eq!(strip_continuation("RUN a `", '`'), Some("RUN a "));
        assert_eq!(strip_continuation("RUN a \\\x0b", '\\'), None);
    }

    #[test]
    fn spans_map_through_joined_pieces() {
        let src = "RUN a \\\n  bc\n";
        let loc = Locator::new(src, 0);
        let mut l = LogicalLine::new(0);
        l.push("RUN a ", 0);
        l.push("  bc", 8);
        assert_eq!(l.text, "RUN a   bc");
        let w = l.word(&loc, 8, 10);
        assert_eq!(w.text, "bc");
        assert_eq!((w.span.start.line, w.span.start.column), (2, 3));
        assert_eq!((w.span.end.line, w.span.end.column), (2, 5));
        assert_eq!(&src[w.span.range()], "bc");
    }
}
