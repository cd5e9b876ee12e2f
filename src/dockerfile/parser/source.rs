//! Physical lines of the source and byte offset → line/column conversion.

use std::cell::Cell;

use crate::dockerfile::ast::{Pos, Span};

/// BuildKit's scanner rejects a physical line longer than this (bytes, line end excluded).
pub(crate) const MAX_LINE_BYTES: usize = 65_535;

/// Maps byte offsets to 1-based line/column positions in amortised constant time per lookup
/// (spans are requested roughly in source order).
pub(crate) struct Locator<'a> {
    src: &'a str,
    /// Byte offset where each line's text starts (after the BOM on line 1).
    line_starts: Vec<usize>,
    /// Last lookup: (line index, offset, column), to count columns incrementally.
    cache: Cell<(usize, usize, u32)>,
    /// Offset of the first non-ASCII byte (the length if none): before it, a column is a
    /// byte distance and needs no character count.
    ascii_until: usize,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(src: &'a str, bom_len: usize) -> Self {
        let bytes = src.as_bytes();
        let mut line_starts = Vec::with_capacity(bytes.len() / 32 + 1);
        line_starts.push(bom_len);
        line_starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        let ascii_until = if src.is_ascii() {
            src.len()
        } else {
            bytes
                .iter()
                .position(|b| !b.is_ascii())
                .unwrap_or(src.len())
        };
        Locator {
            src,
            line_starts,
            cache: Cell::new((0, bom_len, 1)),
            ascii_until,
        }
    }

    /// Physical lines in the source.
    pub(crate) fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    pub(crate) fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.src.len()).max(self.line_starts[0]);
        let (c_line, c_off, c_col) = self.cache.get();
        // Lookups mostly move forward through the file: try the cached line and the next
        // one before a binary search.
        let within = |l: usize| {
            self.line_starts.get(l).is_some_and(|&s| s <= offset)
                && self
                    .line_starts
                    .get(l + 1)
                    .is_none_or(|&next| offset < next)
        };
        let line = if within(c_line) {
            c_line
        } else if within(c_line + 1) {
            c_line + 1
        } else {
            self.line_starts.partition_point(|&s| s <= offset) - 1
        };
        let start = self.line_starts[line];
        let column = if offset <= self.ascii_until {
            1 + (offset - start) as u32
        } else if c_line == line && c_off <= offset {
            c_col + count_chars(&self.src.as_bytes()[c_off..offset])
        } else {
            1 + count_chars(&self.src.as_bytes()[start..offset])
        };
        self.cache.set((line, offset, column));
        Pos {
            line: line as u32 + 1,
            column,
            offset,
        }
    }

    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        Span {
            start: self.pos(start),
            end: self.pos(end.max(start)),
        }
    }
}

/// Unicode scalar values in a UTF-8 byte slice (continuation bytes are not counted).
fn count_chars(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u32
}

/// One physical line: `start..end` is its text without the line end (trailing `\r`s are
/// trimmed, as BuildKit does); `next` is where the following line starts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line {
    pub number: u32,
    pub start: usize,
    pub end: usize,
    pub next: usize,
}

/// Yields physical lines like BuildKit's scanner, stopping (as BuildKit does) at the first
/// line longer than [`MAX_LINE_BYTES`].
pub(crate) struct Lines<'a> {
    src: &'a str,
    pos: usize,
    number: u32,
    /// Set when a too-long line stopped the scan: its line number.
    pub(crate) too_long: Option<(u32, usize)>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(src: &'a str, start: usize) -> Self {
        Lines {
            src,
            pos: start,
            number: 0,
            too_long: None,
        }
    }
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        if self.pos >= self.src.len() || self.too_long.is_some() {
            return None;
        }
        let bytes = self.src.as_bytes();
        let start = self.pos;
        let (raw_end, next) = match memchr::memchr(b'\n', &bytes[start..]) {
            Some(i) => (start + i, start + i + 1),
            None => (bytes.len(), bytes.len()),
        };
        self.number += 1;
        // The BOM on line 1 counts towards the limit, as in BuildKit (it strips it later).
        let line_start = if self.number == 1 { 0 } else { start };
        if raw_end - line_start > MAX_LINE_BYTES {
            self.too_long = Some((self.number, start));
            return None;
        }
        let mut end = raw_end;
        while end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        self.pos = next;
        Some(Line {
            number: self.number,
            start,
            end,
            next,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let src = "ab\néé x\n";
        let loc = Locator::new(src, 0);
        assert_eq!(loc.pos(0).column, 1);
        assert_eq!((loc.pos(3).line, loc.pos(3).column), (2, 1));
        let x = src.find('x').unwrap();
        assert_eq!((loc.pos(x).line, loc.pos(x).column), (2, 4));
        // Going backwards within a line still gives the right column.
        assert_eq!(loc.pos(5).column, 2);
    }

    #[test]
    fn columns_agree_with_a_character_count_in_any_lookup_order() {
        let src = "FROM a\nRUN x \\\n  é\u{2003}y\nCMD z\n";
        let expected = |offset: usize| {
            let line_start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
            1 + src[line_start..offset].chars().count() as u32
        };
        let boundaries: Vec<usize> = (0..=src.len())
            .filter(|&i| src.is_char_boundary(i))
            .collect();
        let loc = Locator::new(src, 0);
        for &i in boundaries.iter().chain(boundaries.iter().rev()) {
            assert_eq!(loc.pos(i).column, expected(i), "offset {i}");
        }
    }

    #[test]
    fn lines_trim_carriage_returns_and_stop_at_long_lines() {
        let src = "a\r\r\nb\n";
        let lines: Vec<_> = Lines::new(src, 0).map(|l| &src[l.start..l.end]).collect();
        assert_eq!(lines, ["a", "b"]);
        let long = format!("a\n{}\nb", "x".repeat(MAX_LINE_BYTES + 1));
        let mut it = Lines::new(&long, 0);
        assert_eq!(it.by_ref().count(), 1);
        assert_eq!(it.too_long.map(|t| t.0), Some(2));
        let ok = "x".repeat(MAX_LINE_BYTES);
        assert_eq!(Lines::new(&ok, 0).count(), 1);
    }
}
