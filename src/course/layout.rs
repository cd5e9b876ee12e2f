//! Layout: a [`Doc`] wrapped to a width, as lines of styled spans. Wrapping happens here, in
//! display columns (unicode-width), never in ratatui, so wide characters never spill onto a
//! border (ratatui 0.30.2's own wrap can; see docs/design.md).
//! Styles are semantic; the TUI maps them to colours.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::doc::{Align, Block, Callout, Cell, Doc, Inline, InlineStyle};

/// One screen line, already no wider than the width it was laid out for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LaidLine {
    pub spans: Vec<LaidSpan>,
    /// For code-block lines: which code block (index among the doc's code blocks, in order)
    /// and which source line of it, so a highlighter can colour it.
    pub code: Option<CodeRef>,
}

impl LaidLine {
    /// Display width in terminal columns.
    pub fn width(&self) -> usize {
        self.spans.iter().map(|s| s.text.width()).sum()
    }

    /// The line's text without styles.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// A code line's origin. The `Code` spans of all laid lines with the same `CodeRef`, in order,
/// concatenate to exactly that source line (indents and `↪` marks are `Marker` spans), so a
/// highlighter can colour the source line and map the colours back.
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

/// Marks a code line continued from the line above (code is never re-flowed silently).
pub const CONTINUATION: &str = "↪";

/// Shown instead of a grapheme wider than the whole line (an emoji at width 1).
const TOO_WIDE: &str = "?";

/// Lays `doc` out at `width` columns (0 is treated as 1). Pure and deterministic: the TUI
/// caches the result per width. No line is wider than `width`.
pub fn layout(doc: &Doc, width: u16) -> Vec<LaidLine> {
    let mut code_blocks = 0;
    lay_blocks(
        &doc.blocks,
        usize::from(width.max(1)),
        Gap::Blank,
        0,
        &mut code_blocks,
    )
}

/// Whether consecutive blocks are separated by a blank line (documents, quotes) or not
/// (the blocks of one list item).
#[derive(Clone, Copy, PartialEq)]
enum Gap {
    Blank,
    Tight,
}

fn lay_blocks(
    blocks: &[Block],
    width: usize,
    gap: Gap,
    list_depth: usize,
    code_blocks: &mut usize,
) -> Vec<LaidLine> {
    let mut lines = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 && gap == Gap::Blank {
            lines.push(LaidLine::default());
        }
        match block {
            Block::Heading { level, text } => {
                let level = *level;
                lines.extend(body_lines(text, width, |_| SpanStyle::Heading(level)));
            }
            Block::Paragraph(text) => {
                lines.extend(body_lines(text, width, |s| SpanStyle::Body(s.clone())))
            }
            Block::List { start, items } => {
                lines.extend(lay_list(*start, items, width, list_depth, code_blocks))
            }
            Block::Quote { callout, blocks } => {
                lines.extend(lay_quote(*callout, blocks, width, list_depth, code_blocks))
            }
            Block::Code { lang, code } => {
                lines.extend(lay_code(lang.as_ref(), code, width, *code_blocks));
                *code_blocks += 1;
            }
            Block::Table {
                align,
                header,
                rows,
            } => lines.extend(lay_table(align, header, rows, width)),
            Block::Rule => lines.push(LaidLine {
                spans: vec![span("─".repeat(width), SpanStyle::Rule)],
                code: None,
            }),
        }
    }
    lines
}

fn span(text: impl Into<String>, style: SpanStyle) -> LaidSpan {
    LaidSpan {
        text: text.into(),
        style,
    }
}

/// Puts `first` in front of the first line and `rest` in front of the others, when the width
/// leaves room for at least one column of content; otherwise the lines go unprefixed.
fn prefixed(
    inner: Vec<LaidLine>,
    first: &[LaidSpan],
    rest: &[LaidSpan],
    width: usize,
) -> Vec<LaidLine> {
    let prefix_width = first.iter().map(|s| s.text.width()).max().unwrap_or(0);
    if prefix_width >= width {
        return inner;
    }
    inner
        .into_iter()
        .enumerate()
        .map(|(i, mut line)| {
            let prefix = if i == 0 { first } else { rest };
            let mut spans = prefix.to_vec();
            spans.append(&mut line.spans);
            line.spans = spans;
            line
        })
        .collect()
}

/// Width left for content after a prefix of `prefix` columns (at least 1).
fn inner_width(width: usize, prefix: usize) -> usize {
    if prefix < width {
        width - prefix
    } else {
        width
    }
}

fn lay_list(
    start: Option<u64>,
    items: &[Vec<Block>],
    width: usize,
    depth: usize,
    code_blocks: &mut usize,
) -> Vec<LaidLine> {
    let last_number = start.map(|s| s.saturating_add(items.len().saturating_sub(1) as u64));
    let marker_width = last_number.map_or(2, |n| n.to_string().len() + 2);
    let mut lines = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let marker = match start {
            Some(s) => format!("{:>w$}. ", s.saturating_add(i as u64), w = marker_width - 2),
            None => format!("{} ", ["•", "◦", "▪"][depth % 3]),
        };
        let inner = lay_blocks(
            item,
            inner_width(width, marker_width),
            Gap::Tight,
            depth + 1,
            code_blocks,
        );
        let inner = if inner.is_empty() {
            vec![LaidLine::default()]
        } else {
            inner
        };
        let first = [span(marker, SpanStyle::Marker)];
        let rest = [span(" ".repeat(marker_width), SpanStyle::Marker)];
        lines.extend(prefixed(inner, &first, &rest, width));
    }
    lines
}

/// The label a callout's first line shows.
pub(crate) fn callout_label(callout: Callout) -> &'static str {
    match callout {
        Callout::Note => "Note",
        Callout::Tip => "Tip",
        Callout::Warning => "Warning",
        Callout::Analogy => "Analogy",
    }
}

fn lay_quote(
    callout: Callout,
    blocks: &[Block],
    width: usize,
    depth: usize,
    code_blocks: &mut usize,
) -> Vec<LaidLine> {
    let style = SpanStyle::Callout(callout);
    let bar = [span("│ ", style.clone())];
    let mut inner = body_lines(
        &[Inline::plain(callout_label(callout))],
        inner_width(width, 2),
        |_| style.clone(),
    );
    inner.extend(lay_blocks(
        blocks,
        inner_width(width, 2),
        Gap::Blank,
        depth,
        code_blocks,
    ));
    prefixed(inner, &bar, &bar, width)
}

fn lay_code(lang: Option<&String>, code: &str, width: usize, block: usize) -> Vec<LaidLine> {
    // A small indent sets code apart from prose when there is room for it.
    let indent = if width >= 24 { "  " } else { "" };
    let width = width - indent.len();
    let style = SpanStyle::Code {
        lang: lang.cloned(),
    };
    let mut lines = Vec::new();
    for (line_no, source) in code.split('\n').enumerate() {
        let code_ref = Some(CodeRef {
            block,
            line: line_no,
        });
        let mut chunks = Vec::new();
        let mut chunk = String::new();
        let mut chunk_width = 0;
        // Continuation lines start with the marker, unless it would leave too little room.
        let marker = if width >= 3 { CONTINUATION } else { "" };
        let room = |chunks: &Vec<String>| {
            if chunks.is_empty() {
                width
            } else {
                width - marker.width()
            }
        };
        for g in source.graphemes(true) {
            let g_width = g.width();
            if chunk_width + g_width > room(&chunks) && !chunk.is_empty() {
                chunks.push(std::mem::take(&mut chunk));
                chunk_width = 0;
            }
            let room = room(&chunks);
            if g_width > room {
                // Only a lone wide grapheme at a tiny width gets here.
                chunk.push_str(TOO_WIDE);
                chunk_width += 1;
            } else {
                chunk.push_str(g);
                chunk_width += g_width;
            }
        }
        if !chunk.is_empty() || chunks.is_empty() {
            chunks.push(chunk);
        }
        for (i, chunk) in chunks.into_iter().enumerate() {
            let mut spans = Vec::new();
            if !indent.is_empty() {
                spans.push(span(indent, SpanStyle::Marker));
            }
            if i > 0 && !marker.is_empty() {
                spans.push(span(marker, SpanStyle::Marker));
            }
            spans.push(span(chunk, style.clone()));
            lines.push(LaidLine {
                spans,
                code: code_ref,
            });
        }
    }
    lines
}

/// Wraps inline text to `width`, as laid lines (no code refs).
fn body_lines(
    inlines: &[Inline],
    width: usize,
    style_of: impl Fn(&InlineStyle) -> SpanStyle,
) -> Vec<LaidLine> {
    wrap(inlines, width, style_of)
        .into_iter()
        .map(|spans| LaidLine { spans, code: None })
        .collect()
}

/// One word (or run of spaces) as runs of text, each with an index into the style table.
#[derive(Default)]
struct Run {
    parts: Vec<(usize, String)>,
    width: usize,
}

impl Run {
    fn push(&mut self, style: usize, g: &str, g_width: usize) {
        match self.parts.last_mut() {
            Some((s, text)) if *s == style => text.push_str(g),
            _ => self.parts.push((style, g.to_string())),
        }
        self.width += g_width;
    }
}

enum Token {
    Word(Run),
    Space(Run),
    Break,
}

/// Splits styled text into words, spaces and hard breaks.
fn tokens(pieces: &[(usize, &str)]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word = Run::default();
    let mut space = Run::default();
    for &(style, text) in pieces {
        for g in text.graphemes(true) {
            if g == "\n" {
                if !word.parts.is_empty() {
                    out.push(Token::Word(std::mem::take(&mut word)));
                }
                space = Run::default();
                out.push(Token::Break);
            } else if g.chars().all(char::is_whitespace) {
                if !word.parts.is_empty() {
                    out.push(Token::Word(std::mem::take(&mut word)));
                }
                space.push(style, " ", 1);
            } else {
                if !space.parts.is_empty() {
                    out.push(Token::Space(std::mem::take(&mut space)));
                }
                word.push(style, g, g.width());
            }
        }
    }
    if !word.parts.is_empty() {
        out.push(Token::Word(word));
    }
    out
}

/// Greedy word wrap by display width. Links are followed by ` (target)` unless the text is
/// the target. A word wider than the line is broken between graphemes.
fn wrap(
    inlines: &[Inline],
    width: usize,
    style_of: impl Fn(&InlineStyle) -> SpanStyle,
) -> Vec<Vec<LaidSpan>> {
    let mut styles: Vec<SpanStyle> = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for (i, inline) in inlines.iter().enumerate() {
        styles.push(style_of(&inline.style));
        texts.push(inline.text.clone());
        pieces.push((styles.len() - 1, texts.len() - 1));
        let link_ends = inline.style.link.is_some()
            && inlines.get(i + 1).map(|next| &next.style.link) != Some(&inline.style.link);
        if let (true, Some(target)) = (link_ends, &inline.style.link) {
            let text: String = inlines[..=i]
                .iter()
                .rev()
                .take_while(|x| x.style.link.as_ref() == Some(target))
                .map(|x| x.text.as_str())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if text.trim() != target.as_str() && !target.is_empty() {
                styles.push(SpanStyle::LinkTarget);
                texts.push(format!(" ({target})"));
                pieces.push((styles.len() - 1, texts.len() - 1));
            }
        }
    }
    let pieces: Vec<(usize, &str)> = pieces
        .iter()
        .map(|&(style, text)| (style, texts[text].as_str()))
        .collect();

    let mut filler = Filler {
        width,
        lines: Vec::new(),
        line: Vec::new(),
        line_width: 0,
    };
    let mut pending_space: Option<Run> = None;
    for token in tokens(&pieces) {
        match token {
            Token::Break => {
                filler.end_line();
                pending_space = None;
            }
            Token::Space(run) => {
                if filler.line_width > 0 {
                    pending_space = Some(run);
                }
            }
            Token::Word(word) => {
                let space = pending_space.take();
                let space_width = space.as_ref().map_or(0, |s| s.width);
                if filler.line_width > 0 {
                    if filler.line_width + space_width + word.width <= width {
                        if let Some(space) = space {
                            filler.push_run(&space);
                        }
                    } else {
                        filler.end_line();
                    }
                }
                filler.place_word(&word);
            }
        }
    }
    if !filler.line.is_empty() || filler.lines.is_empty() {
        filler.end_line();
    }
    filler
        .lines
        .into_iter()
        .map(|line| {
            line.into_iter()
                .map(|(style, text)| span(text, styles[style].clone()))
                .collect()
        })
        .collect()
}

/// Builds wrapped lines of `(style index, text)`.
struct Filler {
    width: usize,
    lines: Vec<Vec<(usize, String)>>,
    line: Vec<(usize, String)>,
    line_width: usize,
}

impl Filler {
    fn end_line(&mut self) {
        self.lines.push(std::mem::take(&mut self.line));
        self.line_width = 0;
    }

    fn push(&mut self, style: usize, text: &str, width: usize) {
        match self.line.last_mut() {
            Some((s, t)) if *s == style => t.push_str(text),
            _ => self.line.push((style, text.to_string())),
        }
        self.line_width += width;
    }

    fn push_run(&mut self, run: &Run) {
        for (style, text) in &run.parts {
            self.push(*style, text, text.width());
        }
    }

    /// Places a word on the current line (which has room for it, or is empty); a word wider
    /// than the line goes grapheme by grapheme.
    fn place_word(&mut self, word: &Run) {
        if self.line_width + word.width <= self.width {
            self.push_run(word);
            return;
        }
        for (style, text) in &word.parts {
            for g in text.graphemes(true) {
                let g_width = g.width();
                if self.line_width + g_width > self.width && self.line_width > 0 {
                    self.end_line();
                }
                if g_width > self.width {
                    self.push(*style, TOO_WIDE, 1);
                } else {
                    self.push(*style, g, g_width);
                }
            }
        }
    }
}

/// Column widths for a table: natural widths if they fit, else shrunk (widest first) down to
/// each column's minimum; `None` when even the minimums do not fit.
fn column_widths(natural: &[usize], minimum: &[usize], room: usize) -> Option<Vec<usize>> {
    if minimum.iter().sum::<usize>() > room {
        return None;
    }
    let mut widths = natural.to_vec();
    let mut total: usize = widths.iter().sum();
    while total > room {
        let (i, _) = widths
            .iter()
            .enumerate()
            .filter(|&(i, w)| *w > minimum[i])
            .max_by_key(|&(i, w)| (*w, std::cmp::Reverse(i)))?;
        widths[i] -= 1;
        total -= 1;
    }
    Some(widths)
}

/// Plain width of a cell's text on one line, and its widest word (at most 12 columns: longer
/// words may be broken) and widest grapheme.
fn cell_measure(cell: &Cell) -> (usize, usize) {
    let lines = wrap(cell, usize::MAX / 2, |_| SpanStyle::Rule);
    let natural = lines
        .iter()
        .map(|l| l.iter().map(|s| s.text.width()).sum::<usize>())
        .max()
        .unwrap_or(0);
    let mut word_min = 0;
    for line in &lines {
        let text: String = line.iter().map(|s| s.text.as_str()).collect();
        for word in text.split(' ') {
            let widest_grapheme = word.graphemes(true).map(|g| g.width()).max().unwrap_or(0);
            word_min = word_min.max(word.width().min(12).max(widest_grapheme));
        }
    }
    (natural.max(1), word_min.max(1))
}

fn lay_table(align: &[Align], header: &[Cell], rows: &[Vec<Cell>], width: usize) -> Vec<LaidLine> {
    let columns = rows
        .iter()
        .map(Vec::len)
        .chain([header.len()])
        .max()
        .unwrap_or(0);
    if columns == 0 {
        return Vec::new();
    }
    let empty = Cell::new();
    let cell = |row: &[Cell], c: usize| row.get(c).unwrap_or(&empty).clone();
    let mut natural = vec![1; columns];
    let mut minimum = vec![1; columns];
    for row in rows.iter().map(Vec::as_slice).chain([header]) {
        for c in 0..columns {
            let (n, m) = cell_measure(&cell(row, c));
            natural[c] = natural[c].max(n);
            minimum[c] = minimum[c].max(m);
        }
    }
    let borders = 3 * columns + 1;
    let widths = width
        .checked_sub(borders)
        .and_then(|room| column_widths(&natural, &minimum, room));
    let Some(widths) = widths else {
        return lay_table_stacked(header, rows, width);
    };

    let header_cells: Vec<Cell> = (0..columns).map(|c| cell(header, c)).collect();
    let body: Vec<Vec<Cell>> = rows
        .iter()
        .map(|row| (0..columns).map(|c| cell(row, c)).collect())
        .collect();
    let wrap_row = |row: &[Cell], header: bool| -> Vec<Vec<Vec<LaidSpan>>> {
        row.iter()
            .zip(&widths)
            .map(|(cell, &w)| {
                wrap(cell, w, |s| {
                    if header {
                        SpanStyle::TableHeader(s.clone())
                    } else {
                        SpanStyle::Body(s.clone())
                    }
                })
            })
            .collect()
    };
    let header_lines = wrap_row(&header_cells, true);
    let body_lines: Vec<_> = body.iter().map(|row| wrap_row(row, false)).collect();
    // Separate body rows only when some cell wraps, so multi-line rows stay readable.
    let any_wraps = body_lines
        .iter()
        .any(|row| row.iter().any(|cell| cell.len() > 1));

    let border = |left: &str, mid: &str, right: &str| LaidLine {
        spans: vec![span(
            format!(
                "{left}{}{right}",
                widths
                    .iter()
                    .map(|w| "─".repeat(w + 2))
                    .collect::<Vec<_>>()
                    .join(mid)
            ),
            SpanStyle::TableBorder,
        )],
        code: None,
    };
    let mut lines = vec![border("┌", "┬", "┐")];
    let has_header = header.iter().any(|c| !c.is_empty());
    if has_header {
        lines.extend(row_lines(&header_lines, &widths, align));
        lines.push(border("├", "┼", "┤"));
    }
    for (i, row) in body_lines.iter().enumerate() {
        if i > 0 && any_wraps {
            lines.push(border("├", "┼", "┤"));
        }
        lines.extend(row_lines(row, &widths, align));
    }
    lines.push(border("└", "┴", "┘"));
    lines
}

/// The screen lines of one table row whose cells are already wrapped to `widths`.
fn row_lines(cells: &[Vec<Vec<LaidSpan>>], widths: &[usize], align: &[Align]) -> Vec<LaidLine> {
    let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    (0..height)
        .map(|y| {
            let mut spans = vec![span("│", SpanStyle::TableBorder)];
            for (c, cell) in cells.iter().enumerate() {
                let content = cell.get(y).cloned().unwrap_or_default();
                let used: usize = content.iter().map(|s| s.text.width()).sum();
                let free = widths[c].saturating_sub(used);
                let (left, right) = match align.get(c).copied().unwrap_or_default() {
                    Align::Left => (0, free),
                    Align::Right => (free, 0),
                    Align::Center => (free / 2, free - free / 2),
                };
                spans.push(span(" ".repeat(1 + left), SpanStyle::TableBorder));
                spans.extend(content);
                spans.push(span(" ".repeat(1 + right), SpanStyle::TableBorder));
                spans.push(span("│", SpanStyle::TableBorder));
            }
            LaidLine { spans, code: None }
        })
        .collect()
}

/// A table too wide for any column layout: each row as `header: value` lines, rows apart.
fn lay_table_stacked(header: &[Cell], rows: &[Vec<Cell>], width: usize) -> Vec<LaidLine> {
    let mut lines = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        if r > 0 {
            lines.push(LaidLine {
                spans: vec![span("─".repeat(width.min(3)), SpanStyle::TableBorder)],
                code: None,
            });
        }
        for (c, value) in row.iter().enumerate() {
            let mut inlines: Vec<Inline> = header
                .get(c)
                .map(|h| {
                    h.iter()
                        .map(|i| Inline {
                            text: i.text.clone(),
                            style: InlineStyle {
                                strong: true,
                                ..i.style.clone()
                            },
                        })
                        .collect()
                })
                .unwrap_or_default();
            if !inlines.is_empty() {
                inlines.push(Inline {
                    text: ": ".into(),
                    style: InlineStyle {
                        strong: true,
                        ..InlineStyle::default()
                    },
                });
            }
            inlines.extend(value.iter().cloned());
            lines.extend(body_lines(&inlines, width, |s| SpanStyle::Body(s.clone())));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::markdown::to_doc;

    fn texts(md: &str, width: u16) -> Vec<String> {
        layout(&to_doc(md, false), width)
            .iter()
            .map(LaidLine::text)
            .collect()
    }

    #[test]
    fn paragraphs_wrap_at_words() {
        assert_eq!(
            texts("one two three four\n\nnext", 9),
            ["one two", "three", "four", "", "next"]
        );
    }

    #[test]
    fn long_words_break_between_graphemes() {
        assert_eq!(texts("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(texts("a 🐘🐘🐘", 3), ["a", "🐘", "🐘", "🐘"]);
        assert_eq!(texts("🐘", 1), ["?"]);
    }

    #[test]
    fn wide_characters_never_cross_the_edge() {
        assert_eq!(texts("abc ✅ 容器 x", 5), ["abc", "✅", "容器", "x"]);
        assert_eq!(texts("abcd✅x", 5), ["abcd", "✅x"]);
    }

    #[test]
    fn hard_breaks_and_links() {
        assert_eq!(
            texts("a  \nb [docs](https://d.io) <https://e.io>", 80),
            ["a", "b docs (https://d.io) https://e.io"]
        );
    }

    #[test]
    fn nested_lists_hang() {
        assert_eq!(
            texts("- one two three\n  - inner words\n- b\n\n9. x\n10. y", 12),
            [
                "• one two",
                "  three",
                "  ◦ inner",
                "    words",
                "• b",
                "",
                " 9. x",
                "10. y"
            ]
        );
    }

    #[test]
    fn callout_has_label_and_bar() {
        let lines = layout(&to_doc("> **Tip:** keep it small", false), 14);
        let shown: Vec<String> = lines.iter().map(LaidLine::text).collect();
        assert_eq!(shown, ["│ Tip", "│ keep it", "│ small"]);
        assert_eq!(lines[1].spans[0].style, SpanStyle::Callout(Callout::Tip));
    }

    #[test]
    fn code_continues_with_a_marker() {
        let lines = layout(&to_doc("```\nRUN abcdef\nok\n```\n\n```\nx\n```", false), 6);
        let shown: Vec<(String, Option<CodeRef>)> =
            lines.iter().map(|l| (l.text(), l.code)).collect();
        let at = |block, line| Some(CodeRef { block, line });
        assert_eq!(
            shown,
            [
                ("RUN ab".to_string(), at(0, 0)),
                ("↪cdef".to_string(), at(0, 0)),
                ("ok".to_string(), at(0, 1)),
                ("".to_string(), None),
                ("x".to_string(), at(1, 0)),
            ]
        );
    }

    #[test]
    fn table_fits_or_stacks() {
        let md = "| Concept | Description |\n|---|---|\n| **Build** | Use stages to keep images small |\n";
        assert_eq!(
            texts(md, 80),
            [
                "┌─────────┬─────────────────────────────────┐",
                "│ Concept │ Description                     │",
                "├─────────┼─────────────────────────────────┤",
                "│ Build   │ Use stages to keep images small │",
                "└─────────┴─────────────────────────────────┘",
            ]
        );
        assert_eq!(
            texts(md, 30),
            [
                "┌─────────┬──────────────────┐",
                "│ Concept │ Description      │",
                "├─────────┼──────────────────┤",
                "│ Build   │ Use stages to    │",
                "│         │ keep images      │",
                "│         │ small            │",
                "└─────────┴──────────────────┘",
            ]
        );
        assert_eq!(
            texts(md, 14),
            [
                "Concept: Build",
                "Description:",
                "Use stages to",
                "keep images",
                "small"
            ]
        );
    }

    #[test]
    fn rule_spans_the_width() {
        assert_eq!(texts("a\n\n---\n", 4), ["a", "", "────"]);
    }

    #[test]
    fn tiny_widths_do_not_panic() {
        let md =
            "# H\n\n- a\n  - b 🐘\n\n> **Tip:** x\n\n| a | b |\n|-|-|\n| 1 | 2 |\n\n```\ncode\n```";
        for width in 0..6 {
            for line in layout(&to_doc(md, false), width) {
                assert!(line.width() <= usize::from(width.max(1)), "{line:?}");
            }
        }
    }
}
