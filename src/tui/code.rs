//! Syntax colours for code lines of a laid-out section. The layout may wrap a long source line
//! over several laid lines; their `Code` spans concatenate to the source line, so each code
//! block is rebuilt from the laid lines, highlighted whole (multi-line constructs such as
//! `RUN … \` continuations need the context), and the colours are cut back to each piece.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui_textarea::TextArea;
use unicode_width::UnicodeWidthChar;

use super::hl_style::to_ratatui;
use crate::course::layout::{LaidLine, SpanStyle};
use crate::highlight::{
    CodeTheme, ColorChoice, ColorDepth, EditorHighlight, HighlightedLines, Highlighter, StyledSpan,
};

/// The highlighter and the colour depth to draw it at.
#[derive(Clone)]
pub struct CodeColours {
    pub highlighter: Arc<Highlighter>,
    pub depth: ColorDepth,
}

/// Whether a fence's language (its first word) names a Dockerfile.
pub fn is_dockerfile(lang: Option<&str>) -> bool {
    let word = lang.and_then(|l| l.split_whitespace().next()).unwrap_or("");
    ["dockerfile", "docker", "containerfile"]
        .iter()
        .any(|name| word.eq_ignore_ascii_case(name))
}

/// One code block as found in the laid lines: its language and its source lines.
struct BlockSource {
    lang: Option<String>,
    lines: Vec<String>,
}

impl CodeColours {
    /// `theme` at the terminal's colour depth as `choice` resolves it (`NO_COLOR` and
    /// `TERM=dumb` respected under `auto`). The run loop compiles the grammars on a background
    /// thread once the first frame is out ([`crate::tui::run`]).
    pub fn for_terminal(choice: ColorChoice, theme: CodeTheme) -> CodeColours {
        CodeColours {
            highlighter: Arc::new(Highlighter::new(theme)),
            depth: ColorDepth::detect(choice, true),
        }
    }

    /// One block's colours. Dockerfiles also get stage-aware colours: each stage's name and
    /// every reference to it share one colour, so a learner sees which COPY takes from where.
    /// `None` while a very long block is still being highlighted on a worker thread.
    fn highlight_block(&self, src: &BlockSource) -> Option<Arc<HighlightedLines>> {
        let code = src.lines.join("\n");
        let lang = src.lang.as_deref();
        self.highlighter
            .highlight_soon(&code, lang, is_dockerfile(lang))
    }

    /// For each laid line, its code text as coloured spans (`None` for lines that are not
    /// code, whose block is still being highlighted, or whose text does not match the
    /// highlighted source, which stay plain). Without colour every line stays plain: token
    /// bolding alone would show up block by block as highlighting lands, not on the first frame.
    pub fn colour(&self, lines: &[LaidLine]) -> Vec<Option<Vec<Span<'static>>>> {
        if self.depth == ColorDepth::None {
            return vec![None; lines.len()];
        }
        let blocks = collect_blocks(lines);
        let highlighted: BTreeMap<usize, _> = blocks
            .iter()
            .filter_map(|(&b, src)| Some((b, self.highlight_block(src)?)))
            .collect();
        // Byte offset reached in each (block, line) by the laid lines so far.
        let mut offsets: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        lines
            .iter()
            .map(|line| {
                let r = line.code?;
                let spans = highlighted.get(&r.block)?.get(r.line)?;
                let offset = offsets.entry((r.block, r.line)).or_default();
                let mut out = Vec::new();
                for span in &line.spans {
                    if matches!(span.style, SpanStyle::Code { .. }) {
                        let end = *offset + span.text.len();
                        out.extend(self.slice(spans, *offset, end, &span.text)?);
                        *offset = end;
                    }
                }
                Some(out)
            })
            .collect()
    }

    /// The coloured pieces of a highlighted source line between two byte offsets, provided
    /// they spell `expected`.
    fn slice(
        &self,
        spans: &[StyledSpan],
        start: usize,
        end: usize,
        expected: &str,
    ) -> Option<Vec<Span<'static>>> {
        let mut out = Vec::new();
        let mut text = String::new();
        let mut at = 0;
        for span in spans {
            let (from, to) = (at, at + span.text.len());
            at = to;
            let (a, b) = (start.max(from), end.min(to));
            if a >= b {
                continue;
            }
            let piece = span.text.get(a - from..b - from)?;
            text.push_str(piece);
            out.push(Span::styled(
                piece.to_owned(),
                to_ratatui(&span.style, self.depth),
            ));
        }
        (text == expected).then_some(out)
    }
}

/// Syntax colours for a Dockerfile editor, kept between frames so that a keystroke only
/// re-highlights the lines it changed. Clones share the cache (the screen state is cloned
/// on every key).
#[derive(Clone, Default)]
pub struct EditorColours(Rc<RefCell<Option<EditorHighlight>>>);

impl std::fmt::Debug for EditorColours {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EditorColours")
    }
}

impl EditorColours {
    /// Lays syntax colours over `editor` as ratatui-textarea just drew it into `area` (which
    /// draws plain text only): the cells of each visible character get its token's colour
    /// and modifiers on top of what the widget set, so the cursor and selection still show.
    pub(crate) fn paint(
        &self,
        colours: &CodeColours,
        editor: &TextArea<'_>,
        buf: &mut Buffer,
        area: Rect,
    ) {
        if colours.depth == ColorDepth::None {
            return; // as for code blocks: plain, never half-styled
        }
        let theme = colours.highlighter.theme();
        let mut cache = self.0.borrow_mut();
        let highlight = match &mut *cache {
            Some(h) if h.theme() == theme => h,
            slot => slot.insert(EditorHighlight::new(theme)),
        };
        let (top_row, top_col) = editor.scroll_offset();
        let top = usize::from(top_row);
        let rows = highlight.styled_rows(editor.lines(), top..top + usize::from(area.height));
        let left = usize::from(top_col);
        let right = left + usize::from(area.width);
        let tab = usize::from(editor.tab_length());
        let gutter = usize::from(editor.line_number_width());
        for (row, spans) in rows.iter().enumerate() {
            let y = area.y + row as u16;
            // Columns as the widget lays the line out: after the line number, tabs to stops.
            let mut col = 0;
            for span in spans {
                let style = to_ratatui(&span.style, colours.depth);
                for c in span.text.chars() {
                    let width = match c {
                        '\t' if tab > 0 => tab - col % tab,
                        _ => c.width().unwrap_or(0),
                    };
                    for cell in
                        (gutter + col..gutter + col + width).filter(|x| (left..right).contains(x))
                    {
                        if let Some(cell) = buf.cell_mut((area.x + (cell - left) as u16, y)) {
                            cell.set_style(style);
                        }
                    }
                    col += width;
                }
            }
        }
    }
}

/// The code blocks of a laid-out section, rebuilt from their `Code` spans.
fn collect_blocks(lines: &[LaidLine]) -> BTreeMap<usize, BlockSource> {
    let mut blocks: BTreeMap<usize, BlockSource> = BTreeMap::new();
    for line in lines {
        let Some(r) = line.code else { continue };
        for span in &line.spans {
            let SpanStyle::Code { lang } = &span.style else {
                continue;
            };
            let block = blocks.entry(r.block).or_insert_with(|| BlockSource {
                lang: lang.clone(),
                lines: Vec::new(),
            });
            if block.lines.len() <= r.line {
                block.lines.resize(r.line + 1, String::new());
            }
            block.lines[r.line].push_str(&span.text);
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::doc::{Block, Doc};
    use crate::course::layout::layout;
    use crate::highlight::{BACKGROUND_LINES, CodeTheme};

    fn colours() -> CodeColours {
        CodeColours {
            highlighter: Arc::new(Highlighter::new(CodeTheme::Ansi)),
            depth: ColorDepth::Ansi16,
        }
    }

    fn doc(code: &str) -> Doc {
        Doc {
            blocks: vec![Block::Code {
                lang: Some("dockerfile".into()),
                code: code.into(),
            }],
        }
    }

    #[test]
    fn wrapped_lines_get_the_colours_of_their_piece_of_source() {
        let code = "FROM golang:1.23 AS build\nRUN CGO_ENABLED=0 go build -o /out/app ./cmd/app && echo built";
        let lines = layout(&doc(code), 30);
        assert!(lines.len() > 2, "the RUN line wraps at 30 columns");
        let coloured = colours().colour(&lines);
        assert_eq!(coloured.len(), lines.len());
        let mut rebuilt = String::new();
        for (line, spans) in lines.iter().zip(&coloured) {
            let spans = spans.as_ref().expect("every code line is coloured");
            let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
            let code_text: String = line
                .spans
                .iter()
                .filter(|s| matches!(s.style, SpanStyle::Code { .. }))
                .map(|s| s.text.as_str())
                .collect();
            assert_eq!(text, code_text);
            rebuilt.push_str(&text);
        }
        assert_eq!(rebuilt, code.replace('\n', ""));
        let from = &coloured[0].as_ref().unwrap()[0];
        assert_eq!(from.content, "FROM");
        assert!(from.style.fg.is_some(), "the keyword is coloured");
    }

    #[test]
    fn text_lines_are_left_alone_and_mismatches_fall_back_to_plain() {
        let mut lines = layout(&doc("FROM alpine"), 40);
        lines.insert(0, LaidLine::default());
        let c = colours();
        assert!(c.colour(&lines)[0].is_none());
        assert!(c.colour(&lines)[1].is_some());
        // Not a valid piece of the highlighted source: stays plain rather than misaligned.
        assert!(c.slice(&[], 0, 4, "FROM").is_none());
    }

    /// The editor drawn into a `width`-column buffer and painted; returns the buffer.
    fn painted(editor: &TextArea<'_>, width: u16) -> Buffer {
        use ratatui::widgets::Widget;
        let area = Rect::new(0, 0, width, 3);
        let mut buf = Buffer::empty(area);
        editor.render(area, &mut buf);
        EditorColours::default().paint(&colours(), editor, &mut buf, area);
        buf
    }

    #[test]
    fn editor_colours_follow_tabs_line_numbers_and_horizontal_scroll() {
        use ratatui::style::{Color, Modifier, Style};
        use ratatui_textarea::CursorMove;
        let long = format!("\tRUN echo {} && ls /tmp # done", "x".repeat(40));
        let mut editor = TextArea::new(vec!["FROM alpine AS base".into(), long]);
        editor.set_line_number_style(Style::new());
        editor.set_tab_length(4);
        editor.move_cursor(CursorMove::Down);
        editor.move_cursor(CursorMove::End);
        let wide = painted(&editor, 120);
        let narrow = painted(&editor, 24);
        let (_, left) = editor.scroll_offset();
        assert!(left > 0, "the narrow view is scrolled");
        let mut coloured = 0;
        for y in 0..2 {
            for x in 0..24 {
                let (a, b) = (&narrow[(x, y)], &wide[(x + left, y)]);
                if b.symbol() == a.symbol() && !a.modifier.contains(Modifier::REVERSED) {
                    assert_eq!(a.fg, b.fg, "cell {x},{y} {:?}", a.symbol());
                    coloured += usize::from(a.fg != Color::Reset);
                }
            }
        }
        assert!(coloured > 5, "{coloured} coloured cells");
        // In the wide view the tab is four columns: `RUN` starts after the gutter and them.
        let gutter = editor.line_number_width();
        assert_eq!(wide[(gutter + 4, 1)].symbol(), "R");
        assert_ne!(wide[(gutter + 4, 1)].fg, Color::Reset);
    }

    #[test]
    fn a_huge_block_is_drawn_plain_at_once_and_coloured_when_the_worker_is_done() {
        let code: String = (0..BACKGROUND_LINES * 4)
            .map(|i| format!("RUN echo {i} && ls /tmp\n"))
            .collect();
        let lines = layout(&doc(&code), 60);
        let c = colours();
        let seen = c.highlighter.landed();
        let first = c.colour(&lines);
        assert_eq!(first.len(), lines.len());
        // Either still running (plain for now) or, on a fast machine, landed already.
        if first.iter().all(Option::is_none) {
            let start = std::time::Instant::now();
            while c.highlighter.landed() == seen {
                assert!(start.elapsed().as_secs() < 60, "the worker never finished");
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
        }
        let after = c.colour(&lines);
        assert!(
            after.iter().all(Option::is_some),
            "every code line coloured"
        );
        assert_eq!(after[0].as_ref().unwrap()[0].content, "RUN");
    }

    #[test]
    fn a_stage_name_and_its_references_share_one_colour() {
        let code = "FROM golang:1.26 AS build\nFROM alpine:3.24\nCOPY --from=build /app /app";
        let lines = layout(&doc(code), 60);
        let coloured = colours().colour(&lines);
        let style_of = |line: usize, word: &str| {
            let spans = coloured[line].as_ref().expect("code line is coloured");
            let span = spans
                .iter()
                .find(|s| s.content.as_ref() == word)
                .unwrap_or_else(|| panic!("{word:?} is its own span on line {line}: {spans:?}"));
            span.style.fg
        };
        let defined = style_of(0, "build");
        assert!(defined.is_some());
        assert_eq!(defined, style_of(2, "build"));
        assert!(is_dockerfile(Some("Dockerfile title=x")));
        assert!(!is_dockerfile(Some("sh")));
    }
}
