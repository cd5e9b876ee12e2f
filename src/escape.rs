//! The one policy for text that came from outside (a file, a name, an argument) on its way to a
//! terminal: characters that could drive the terminal or forge output are shown, not obeyed.
//!
//! Style, everywhere: C0 controls and DEL as `\xNN` (ESC is `\x1b`, BEL `\x07`, a newline in a
//! name `\x0a`), C1 controls as `\u{9b}`, bidirectional overrides and isolates ("Trojan Source")
//! as `\u{202e}`. Every other character is kept; a backslash is not doubled, so Dockerfile
//! continuations and Windows paths read as written. Machine formats (JSON, SARIF, CSV) do not
//! come here: they must stay exact.
//!
//! Terminal-free: only `&str` in, text out.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` for one line of output (a name, a message, a table cell): every control character is
/// escaped, including line breaks and tabs, so it cannot forge or break lines.
pub fn line(text: &str) -> Cow<'_, str> {
    escape(text, Layout::OneLine)
}

/// `text` for a block of output (a README, a message that spans lines): like [`line`], but a
/// line break (`\n`, or `\r\n`) and a tab are layout and are kept.
pub fn lines(text: &str) -> Cow<'_, str> {
    escape(text, Layout::Block)
}

/// Like [`lines`], and also maps byte `offsets` of `text` (on character boundaries) to the
/// escaped text, for callers that underline a span of it.
pub(crate) fn lines_mapped<const N: usize>(
    text: &str,
    offsets: [usize; N],
) -> (String, [usize; N]) {
    let mut out = String::with_capacity(text.len());
    let mut mapped = offsets;
    let mut pending: Vec<usize> = (0..N).collect();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        pending.retain(|&i| {
            let reached = offsets[i] <= at;
            if reached {
                mapped[i] = out.len();
            }
            !reached
        });
        let next = chars.peek().map(|&(_, n)| n);
        push(&mut out, c, Layout::Block, next);
    }
    for i in pending {
        mapped[i] = out.len();
    }
    (out, mapped)
}

/// True when `c` is shown escaped in a one-line context.
pub fn needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Pushes `c` as shown: itself, or its escape when it must not reach the terminal raw. Line
/// breaks and tabs are escaped too; callers that keep them handle them first.
pub(crate) fn push_visible(out: &mut String, c: char) {
    push(out, c, Layout::OneLine, None);
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    OneLine,
    Block,
}

fn escape(text: &str, layout: Layout) -> Cow<'_, str> {
    // A CR sends the text the long way even in a block: only its neighbour says if it stays.
    let kept = |c: char| layout == Layout::Block && matches!(c, '\n' | '\t');
    if !text.chars().any(|c| needs_escape(c) && !kept(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        push(&mut out, c, layout, next);
    }
    Cow::Owned(out)
}

fn push(out: &mut String, c: char, layout: Layout, next: Option<char>) {
    let code = c as u32;
    let keep = match c {
        '\n' | '\t' => layout == Layout::Block,
        // A CR is kept only as half of a CRLF line ending: alone it rewrites the line.
        '\r' => layout == Layout::Block && next == Some('\n'),
        c => !needs_escape(c),
    };
    if keep {
        out.push(c);
    } else if code < 0x20 || code == 0x7f {
        let _ = write!(out, "\\x{code:02x}");
    } else {
        let _ = write!(out, "\\u{{{code:x}}}");
    }
}

/// Bidirectional embeddings, overrides and isolates: invisible, yet they reorder what the
/// terminal shows after them.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc_52_bel_c1_and_del_are_shown_not_sent() {
        let osc52 = "x\u{1b}]52;c;aGVsbG8=\u{7}y\u{9b}2J\u{7f}";
        assert_eq!(line(osc52), "x\\x1b]52;c;aGVsbG8=\\x07y\\u{9b}2J\\x7f");
        assert_eq!(lines(osc52), line(osc52));
    }

    #[test]
    fn line_breaks_and_tabs_depend_on_the_layout() {
        assert_eq!(line("a\nb\tc\r\n"), "a\\x0ab\\x09c\\x0d\\x0a");
        assert_eq!(lines("a\nb\tc\r\n"), "a\nb\tc\r\n");
        assert_eq!(lines("over\rwrite"), "over\\x0dwrite");
        assert_eq!(line("a\u{202E}b\u{2066}"), "a\\u{202e}b\\u{2066}");
    }

    #[test]
    fn clean_text_is_borrowed_and_backslashes_stay() {
        assert!(matches!(line("RUN a \\ 🐘 é"), Cow::Borrowed(_)));
        assert!(matches!(lines("two\nlines\twith tab"), Cow::Borrowed(_)));
    }

    #[test]
    fn nothing_escaped_contains_a_control_character() {
        let all: String = (0u32..0x250)
            .chain(0x2000..0x2070)
            .filter_map(char::from_u32)
            .collect();
        assert!(!line(&all).chars().any(needs_escape));
        assert!(
            !lines(&all)
                .chars()
                .any(|c| needs_escape(c) && c != '\n' && c != '\t')
        );
    }

    #[test]
    fn mapped_offsets_follow_the_escapes() {
        let text = "a\u{1b}b\u{9b}c";
        let (out, [b, c, end]) = lines_mapped(text, [2, 3, text.len()]);
        assert_eq!(out, "a\\x1bb\\u{9b}c");
        assert_eq!(&out[b..c], "b");
        assert_eq!(&out[c..], "\\u{9b}c");
        assert_eq!(end, out.len());
    }
}
