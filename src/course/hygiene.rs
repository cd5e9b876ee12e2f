//! Text hygiene: what lesson text may carry into the model, so nothing reaches the terminal that
//! could drive it (control characters) or misalign it (presentation selectors whose width
//! terminals disagree on; see ../shared/docs/DEPS.md §5).

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

use crate::escape::{needs_escape, push_visible};

/// Columns between tab stops when code tabs are expanded.
pub const TAB_STOP: usize = 4;

const VS16: char = '\u{FE0F}';
const KEYCAP: char = '\u{20E3}';
const ZWJ: char = '\u{200D}';

/// Cleans running text: control characters become visible escapes in [`crate::escape`]'s style
/// (`\x1b` for ESC, `\u{9b}` for C1, `\u{202e}` for bidi overrides), a tab becomes a space,
/// U+FE0F is dropped. `\n` (a hard line break) is kept.
pub fn clean_prose(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| !needs_care(c) || c == '\n') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            VS16 if chars.peek() != Some(&KEYCAP) => {}
            c => push_visible(&mut out, c),
        }
    }
    Cow::Owned(out)
}

/// Cleans a code block: like [`clean_prose`], but tabs expand to the next multiple of
/// [`TAB_STOP`] display columns, so code keeps its alignment.
pub(crate) fn clean_code(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut column = 0;
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            VS16 if chars.peek() != Some(&KEYCAP) => {}
            c => {
                let before = out.len();
                push_visible(&mut out, c);
                column += out[before..]
                    .chars()
                    .map(|c| c.width().unwrap_or(0))
                    .sum::<usize>();
            }
        }
    }
    out
}

/// True for characters the cleaners change.
fn needs_care(c: char) -> bool {
    needs_escape(c) || c == VS16
}

/// A symbol sequence a bundled lesson should not contain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line and column (in characters) of the sequence's first character.
    pub line: usize,
    pub column: usize,
    pub sequence: String,
    pub why: &'static str,
}

/// Finds text-default symbols followed by U+FE0F (❤️ ⚠️ ♻️ ✔️ ☁️ …) and ZWJ sequences: terminals
/// disagree on how wide they are. Emoji that are already wide (⚡️, ✅) are not reported:
/// their U+FE0F is harmless and the model drops it.
pub fn text_default_with_vs16(text: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (line_index, line) in text.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        for (i, pair) in chars.windows(2).enumerate() {
            let finding = match pair {
                [base, VS16] if base.width() == Some(1) && !base.is_ascii() => {
                    Some(("text-default symbol with U+FE0F", (i, i + 2)))
                }
                [_, ZWJ] => Some(("ZWJ sequence", (i, (i + 3).min(chars.len())))),
                _ => None,
            };
            if let Some((why, (from, to))) = finding {
                findings.push(Finding {
                    line: line_index + 1,
                    column: from + 1,
                    sequence: chars[from..to].iter().collect(),
                    why,
                });
            }
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(clean_prose("a\x1b[31mred\x07\r"), "a\\x1b[31mred\\x07\\x0d");
        assert_eq!(clean_prose("del\x7f c1\u{9b}"), "del\\x7f c1\\u{9b}");
        assert_eq!(clean_prose("two\nlines\ttab"), "two\nlines tab");
        assert_eq!(clean_prose("a\u{202E}b\u{2066}"), "a\\u{202e}b\\u{2066}");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(clean_prose("plain 🐘 — text"), Cow::Borrowed(_)));
    }

    #[test]
    fn vs16_is_dropped_but_keycaps_keep_it() {
        assert_eq!(clean_prose("fast ⚡\u{FE0F}!"), "fast ⚡!");
        assert_eq!(clean_prose("1\u{FE0F}\u{20E3}"), "1\u{FE0F}\u{20E3}");
    }

    #[test]
    fn code_tabs_expand_to_stops() {
        assert_eq!(clean_code("a\tb\n\tc\nabcd\te"), "a   b\n    c\nabcd    e");
        assert_eq!(clean_code("容\tx"), "容  x");
        assert_eq!(clean_code("esc\x1b\tx"), "esc\\x1b x");
    }

    #[test]
    fn finds_text_default_symbols_and_zwj() {
        let text = "ok ⚡\u{FE0F} ✅\nbad ❤\u{FE0F} and ⚠\u{FE0F}\nbear 🐻\u{200D}❄\u{FE0F}";
        let found = text_default_with_vs16(text);
        let at: Vec<(usize, usize, &str)> =
            found.iter().map(|f| (f.line, f.column, f.why)).collect();
        assert_eq!(
            at,
            vec![
                (2, 5, "text-default symbol with U+FE0F"),
                (2, 12, "text-default symbol with U+FE0F"),
                (3, 6, "ZWJ sequence"),
                (3, 8, "text-default symbol with U+FE0F"),
            ]
        );
        assert_eq!(found[0].sequence, "❤\u{FE0F}");
    }
}
