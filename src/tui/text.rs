//! Text helpers for strings the screens show directly (titles, summaries, error messages):
//! control characters escaped, and cut to a width in display columns.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Control characters (ESC, BEL, CR, line breaks, …) as visible escapes, so lesson text can
/// never send sequences to the terminal; other text is returned as is. See [`crate::escape`].
pub(crate) fn escape_controls(text: &str) -> Cow<'_, str> {
    crate::escape::line(text)
}

/// Display width in terminal columns.
pub(crate) fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` (escaped) broken at spaces into rows of at most `max` columns; a word longer than a
/// row is broken between graphemes, so nothing is ever cut off.
pub(crate) fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let text = escape_controls(text);
    let mut rows = vec![String::new()];
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let row = rows.last_mut().expect("rows starts with one");
        if row.is_empty() || width(row) + 1 + width(word) <= max {
            if !row.is_empty() {
                row.push(' ');
            }
            row.push_str(word);
        } else {
            rows.push(word.to_string());
        }
        if width(rows.last().expect("one row at least")) > max {
            let long = rows.pop().expect("one row at least");
            rows.extend(break_word(&long, max));
        }
    }
    rows
}

/// `word` in pieces of at most `max` (≥ 1) columns, split between graphemes.
fn break_word(word: &str, max: usize) -> Vec<String> {
    let mut pieces = vec![String::new()];
    for g in word.graphemes(true) {
        let piece = pieces.last_mut().expect("pieces starts with one");
        if !piece.is_empty() && width(piece) + width(g) > max {
            pieces.push(g.to_string());
        } else {
            piece.push_str(g);
        }
    }
    pieces
}

/// `1 lesson`, `2 lessons`: a count with its noun (a regular plural, `s` added).
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `text` (escaped) cut to at most `max` columns, ending in `…` when cut. Cuts between
/// graphemes, so a wide character is never split.
pub(crate) fn fit(text: &str, max: usize) -> String {
    let text = escape_controls(text);
    if width(&text) <= max {
        return text.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    let budget = max.saturating_sub(1);
    for g in text.graphemes(true) {
        let w = width(g);
        if used + w > budget {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        assert_eq!(
            wrap("Every build starts from the very same bytes", 20),
            ["Every build starts", "from the very same", "bytes"]
        );
        assert_eq!(wrap("short", 20), ["short"]);
        assert_eq!(wrap("", 20), [""]);
        // A word longer than a row is broken, never cut; control characters stay escaped.
        assert_eq!(
            wrap("a supercalifragilistic b", 8),
            ["a", "supercal", "ifragili", "stic b"]
        );
        assert_eq!(wrap("🐘🐘🐘", 4), ["🐘🐘", "🐘"]);
        assert_eq!(wrap("abc", 0), ["a", "b", "c"]);
        assert!(!wrap("bell\u{7} rings", 40)[0].contains('\u{7}'));
    }

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(count(1, "lesson"), "1 lesson");
        assert_eq!(count(0, "Dockerfile exercise"), "0 Dockerfile exercises");
        assert_eq!(count(3, "question"), "3 questions");
    }

    #[test]
    fn controls_are_escaped_and_clean_text_is_borrowed() {
        assert_eq!(
            escape_controls("a\u{1b}[31mb\u{7}\r"),
            "a\\x1b[31mb\\x07\\x0d"
        );
        assert!(matches!(escape_controls("plain 🐘"), Cow::Borrowed(_)));
    }

    #[test]
    fn fit_counts_columns_not_chars() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("🐘🐘🐘", 4), "🐘…");
        assert_eq!(width(&fit("🐘🐘🐘", 4)), 3);
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("abc", 1), "…");
    }
}
