//! Line lookup in a checked file, so a snippet shows only the lines a finding covers (a 10 MB
//! file must not be handed whole to the renderer for every finding).

use std::ops::Range;

/// Byte offsets of the start of every line of one source text.
pub(crate) struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(source: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        LineIndex { source, starts }
    }

    /// Number of lines (a trailing newline does not open a new line).
    pub(crate) fn len(&self) -> usize {
        if self.source.is_empty() || self.source.ends_with('\n') {
            self.starts.len() - 1
        } else {
            self.starts.len()
        }
    }

    /// Byte range of 1-based `line`, without its line ending (`\n` or `\r\n`). The empty
    /// "line" after a final newline is not a line: a position there (e.g. the end of a
    /// comment-only file) has no text to quote.
    pub(crate) fn range(&self, line: usize) -> Option<Range<usize>> {
        if line > self.len() {
            return None;
        }
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self
            .starts
            .get(line)
            .map_or(self.source.len(), |next| next - 1);
        let text = &self.source[start..end.max(start)];
        Some(start..start + text.strip_suffix('\r').unwrap_or(text).len())
    }

    /// Byte offset of 1-based (`line`, `column`) with columns in characters; a column past the
    /// end of the line clamps to the line's end, a line past the end to the text's end.
    pub(crate) fn offset(&self, line: usize, column: usize) -> usize {
        match self.range(line) {
            Some(range) => range.start + byte_of_column(&self.source[range], column),
            None => self.source.len(),
        }
    }
}

/// Byte offset of 1-based character `column` in `line`, clamped to the line's length.
pub(crate) fn byte_of_column(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_exclude_line_endings() {
        let index = LineIndex::new("FROM a\r\nRUN b\n\nCMD c");
        let source = index.source;
        assert_eq!(index.len(), 4);
        assert_eq!(&source[index.range(1).unwrap()], "FROM a");
        assert_eq!(&source[index.range(2).unwrap()], "RUN b");
        assert_eq!(&source[index.range(3).unwrap()], "");
        assert_eq!(&source[index.range(4).unwrap()], "CMD c");
        assert_eq!(index.range(5), None);
        assert_eq!(index.range(0), None);
    }

    #[test]
    fn trailing_newline_does_not_add_a_line() {
        assert_eq!(LineIndex::new("FROM a\n").len(), 1);
        assert_eq!(LineIndex::new("").len(), 0);
        // The position after the last newline has no line to quote.
        assert_eq!(LineIndex::new("# todo\n").range(2), None);
        assert_eq!(LineIndex::new("").range(1), None);
        assert_eq!(LineIndex::new("# todo\n").offset(2, 1), 7);
    }

    #[test]
    fn columns_count_characters_and_clamp() {
        let index = LineIndex::new("a\nLABEL x=\"é🐘\" y\n");
        assert_eq!(index.offset(2, 1), 2);
        // Column 14 is `y`: 13 characters before it, of which 'é' takes 2 bytes and 🐘 4.
        assert_eq!(index.offset(2, 14), 2 + 17);
        assert_eq!(index.offset(2, 99), index.range(2).unwrap().end);
        assert_eq!(index.offset(9, 1), index.source.len());
    }
}
