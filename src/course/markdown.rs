//! Markdown → [`Doc`] with pulldown-cmark. Every text that enters the model passes through
//! [`hygiene`], so the layout and the TUI only ever see clean text.

use pulldown_cmark::{
    Alignment, BlockQuoteKind, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};

use super::doc::{Align, Block, Callout, Doc, Inline, InlineStyle};
use super::hygiene::{clean_code, clean_prose};

/// The Markdown dialect of lesson files: CommonMark plus tables, strikethrough, task lists and
/// GitHub's `> [!NOTE]` callouts.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
}

/// Parses one section's Markdown. `analogy` makes plain block quotes analogy callouts (the
/// section kind `analogy` asks for it).
pub(crate) fn to_doc(markdown: &str, analogy: bool) -> Doc {
    let mut builder = Builder {
        analogy,
        ..Builder::default()
    };
    for event in Parser::new_ext(markdown, options()) {
        builder.event(event);
    }
    builder.flush();
    let mut root = builder.stack.pop().map(|c| c.blocks).unwrap_or_default();
    // Containers left open by malformed input cannot happen with pulldown-cmark, but if they
    // did, keep their content rather than lose it.
    while let Some(open) = builder.stack.pop() {
        root.extend(open.blocks);
    }
    Doc { blocks: root }
}

/// A block container being filled: the document, a quote, a list item, or a list.
#[derive(Default)]
struct Container {
    kind: ContainerKind,
    blocks: Vec<Block>,
}

#[derive(Default)]
enum ContainerKind {
    #[default]
    Root,
    Quote(Option<BlockQuoteKind>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Item,
}

#[derive(Default)]
struct TableBuild {
    align: Vec<Align>,
    header: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
    row: Vec<Vec<Inline>>,
}

struct Builder {
    stack: Vec<Container>,
    inlines: Vec<Inline>,
    emphasis: u32,
    strong: u32,
    strike: u32,
    links: Vec<String>,
    code: Option<(Option<String>, String)>,
    heading: Option<u8>,
    table: Option<TableBuild>,
    analogy: bool,
}

impl Default for Builder {
    fn default() -> Self {
        Self {
            stack: vec![Container::default()],
            inlines: Vec::new(),
            emphasis: 0,
            strong: 0,
            strike: 0,
            links: Vec::new(),
            code: None,
            heading: None,
            table: None,
            analogy: false,
        }
    }
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some((_, code)) = &mut self.code {
                    code.push_str(&text);
                } else {
                    self.text(&text, false);
                }
            }
            Event::Code(text) => self.text(&text, true),
            Event::Html(text) | Event::InlineHtml(text) => self.text(&text, false),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.text(&text, true),
            Event::FootnoteReference(label) => self.text(&format!("[^{label}]"), false),
            Event::SoftBreak => self.text(" ", false),
            Event::HardBreak => self.text("\n", false),
            Event::Rule => {
                self.flush();
                self.push_block(Block::Rule);
            }
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }, false),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock | Tag::MetadataBlock(_) => self.flush(),
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(heading_level(level));
            }
            Tag::BlockQuote(kind) => self.open(ContainerKind::Quote(kind)),
            Tag::CodeBlock(kind) => {
                self.flush();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split_whitespace()
                        .next()
                        .map(|word| clean_prose(word).into_owned()),
                    CodeBlockKind::Indented => None,
                };
                self.code = Some((lang, String::new()));
            }
            Tag::List(start) => self.open(ContainerKind::List {
                start,
                items: Vec::new(),
            }),
            Tag::Item | Tag::FootnoteDefinition(_) | Tag::DefinitionListDefinition => {
                self.open(ContainerKind::Item)
            }
            Tag::DefinitionList | Tag::DefinitionListTitle => self.flush(),
            Tag::Table(align) => {
                self.flush();
                self.table = Some(TableBuild {
                    align: align.into_iter().map(table_align).collect(),
                    ..TableBuild::default()
                });
            }
            Tag::TableHead | Tag::TableRow | Tag::TableCell => {}
            Tag::Emphasis => self.emphasis += 1,
            Tag::Strong => self.strong += 1,
            Tag::Strikethrough => self.strike += 1,
            Tag::Superscript | Tag::Subscript => {}
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.links.push(clean_prose(&dest_url).into_owned())
            }
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock | TagEnd::DefinitionListTitle => self.flush(),
            TagEnd::Heading(_) => {
                let text = std::mem::take(&mut self.inlines);
                let level = self.heading.take().unwrap_or(2);
                self.push_block(Block::Heading { level, text });
            }
            TagEnd::CodeBlock => {
                if let Some((lang, code)) = self.code.take() {
                    let mut code = clean_code(&code);
                    if code.ends_with('\n') {
                        code.pop();
                    }
                    self.push_block(Block::Code { lang, code });
                }
            }
            TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionListDefinition => self.close(),
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.inlines);
                if let Some(table) = &mut self.table {
                    table.row.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table {
                    table.header = std::mem::take(&mut table.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    let row = std::mem::take(&mut table.row);
                    table.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.push_block(Block::Table {
                        align: table.align,
                        header: table.header,
                        rows: table.rows,
                    });
                }
            }
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Link | TagEnd::Image => {
                self.links.pop();
            }
            TagEnd::DefinitionList
            | TagEnd::MetadataBlock(_)
            | TagEnd::Superscript
            | TagEnd::Subscript => {}
        }
    }

    /// Adds text in the current inline style, merging with the previous run when alike.
    fn text(&mut self, text: &str, code: bool) {
        let style = InlineStyle {
            emphasis: self.emphasis > 0,
            strong: self.strong > 0,
            code,
            strikethrough: self.strike > 0,
            link: self.links.last().cloned(),
        };
        let text = clean_prose(text);
        match self.inlines.last_mut() {
            Some(last) if last.style == style => last.text.push_str(&text),
            _ => self.inlines.push(Inline {
                text: text.into_owned(),
                style,
            }),
        }
    }

    /// Turns pending inline text into a paragraph (tight list items have text without a
    /// paragraph around it).
    fn flush(&mut self) {
        if self.table.is_some() || self.heading.is_some() {
            return;
        }
        let inlines = std::mem::take(&mut self.inlines);
        if inlines.iter().any(|i| !i.text.trim().is_empty()) {
            self.push_block(Block::Paragraph(inlines));
        }
    }

    fn open(&mut self, kind: ContainerKind) {
        self.flush();
        self.stack.push(Container {
            kind,
            blocks: Vec::new(),
        });
    }

    fn close(&mut self) {
        self.flush();
        if self.stack.len() < 2 {
            return;
        }
        let Some(container) = self.stack.pop() else {
            return;
        };
        match container.kind {
            ContainerKind::Root => self.stack.push(container),
            ContainerKind::Item => match self.stack.last_mut() {
                Some(Container {
                    kind: ContainerKind::List { items, .. },
                    ..
                }) => items.push(container.blocks),
                // An item outside a list (a footnote or definition body): keep its blocks.
                Some(parent) => parent.blocks.extend(container.blocks),
                None => {}
            },
            ContainerKind::List { start, items } => self.push_block(Block::List { start, items }),
            ContainerKind::Quote(kind) => {
                let block = quote(kind, container.blocks, self.analogy);
                self.push_block(block);
            }
        }
    }

    fn push_block(&mut self, block: Block) {
        if let Some(top) = self.stack.last_mut() {
            top.blocks.push(block);
        }
    }
}

/// Chooses a quote's callout: GitHub's `[!KIND]`, else a leading bold marker such as
/// `**Analogy:**` (removed from the text, since the callout shows its own label), else the
/// section's default.
fn quote(kind: Option<BlockQuoteKind>, mut blocks: Vec<Block>, analogy: bool) -> Block {
    let default = if analogy {
        Callout::Analogy
    } else {
        Callout::Note
    };
    let callout = match kind {
        Some(BlockQuoteKind::Note) => Callout::Note,
        Some(BlockQuoteKind::Tip) => Callout::Tip,
        // Same grouping as the bold markers in `callout_named`.
        Some(BlockQuoteKind::Important | BlockQuoteKind::Warning | BlockQuoteKind::Caution) => {
            Callout::Warning
        }
        None => take_marker(&mut blocks).unwrap_or(default),
    };
    Block::Quote { callout, blocks }
}

/// Recognises and removes a first-word marker: `**Tip:**`, `**Analogy**:`, or a bracket
/// marker GitHub does not know, such as `[!ANALOGY]`.
fn take_marker(blocks: &mut Vec<Block>) -> Option<Callout> {
    let Some(Block::Paragraph(inlines)) = blocks.first_mut() else {
        return None;
    };
    let first = inlines.first()?;
    let (callout, rest) = if first.style.strong {
        let callout = callout_named(first.text.trim().trim_end_matches(':').trim())?;
        // The colon may sit inside or just after the bold text.
        let colon_inside = first.text.trim_end().ends_with(':');
        inlines.remove(0);
        (callout, if colon_inside { "" } else { ":" })
    } else if first.style == InlineStyle::default() && first.text.starts_with("[!") {
        let end = first.text.find(']')?;
        let callout = callout_named(&first.text[2..end])?;
        let first = &mut inlines[0];
        first.text = first.text[end + 1..].to_string();
        (callout, "")
    } else {
        return None;
    };
    // Drop what separated the marker from the text: spaces, a line break, an outside colon.
    if let Some(next) = inlines.first_mut() {
        let text = next.text.trim_start();
        let text = text.strip_prefix(rest).unwrap_or(text).trim_start();
        next.text = text.to_string();
        if next.text.is_empty() {
            inlines.remove(0);
        }
    }
    if inlines.is_empty() {
        blocks.remove(0);
    }
    Some(callout)
}

/// The callout a marker word names (any case).
pub(crate) fn callout_named(word: &str) -> Option<Callout> {
    match word.to_ascii_lowercase().as_str() {
        "note" | "info" => Some(Callout::Note),
        "tip" | "hint" => Some(Callout::Tip),
        "warning" | "caution" | "important" => Some(Callout::Warning),
        "analogy" => Some(Callout::Analogy),
        _ => None,
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn table_align(align: Alignment) -> Align {
    match align {
        Alignment::None | Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Inline {
        Inline::plain(text)
    }

    fn styled(text: &str, f: impl FnOnce(&mut InlineStyle)) -> Inline {
        let mut inline = Inline::plain(text);
        f(&mut inline.style);
        inline
    }

    #[test]
    fn paragraph_with_inline_styles() {
        let doc = to_doc(
            "A *soft* **strong** `code` ~~old~~\nnext [docs](https://x.io).",
            false,
        );
        assert_eq!(
            doc.blocks,
            vec![Block::Paragraph(vec![
                plain("A "),
                styled("soft", |s| s.emphasis = true),
                plain(" "),
                styled("strong", |s| s.strong = true),
                plain(" "),
                styled("code", |s| s.code = true),
                plain(" "),
                styled("old", |s| s.strikethrough = true),
                plain(" next "),
                styled("docs", |s| s.link = Some("https://x.io".into())),
                plain("."),
            ])]
        );
    }

    #[test]
    fn hard_break_is_a_newline() {
        let doc = to_doc("one  \ntwo\\\nthree", false);
        assert_eq!(
            doc.blocks,
            vec![Block::Paragraph(vec![plain("one\ntwo\nthree")])]
        );
    }

    #[test]
    fn nested_lists() {
        let doc = to_doc("- a\n  - b\n- c\n\n3. x\n4. y\n", false);
        assert_eq!(
            doc.blocks,
            vec![
                Block::List {
                    start: None,
                    items: vec![
                        vec![
                            Block::Paragraph(vec![plain("a")]),
                            Block::List {
                                start: None,
                                items: vec![vec![Block::Paragraph(vec![plain("b")])]]
                            }
                        ],
                        vec![Block::Paragraph(vec![plain("c")])],
                    ]
                },
                Block::List {
                    start: Some(3),
                    items: vec![
                        vec![Block::Paragraph(vec![plain("x")])],
                        vec![Block::Paragraph(vec![plain("y")])],
                    ]
                }
            ]
        );
    }

    #[test]
    fn code_block_keeps_lang_and_escapes_controls() {
        let doc = to_doc("```dockerfile title\nFROM x\n\tRUN \x1b[2J\n```\n", false);
        assert_eq!(
            doc.blocks,
            vec![Block::Code {
                lang: Some("dockerfile".into()),
                code: "FROM x\n    RUN \\x1b[2J".into()
            }]
        );
    }

    #[test]
    fn callouts_from_markers_and_gfm() {
        let callout_of = |md: &str, analogy: bool| match &to_doc(md, analogy).blocks[0] {
            Block::Quote { callout, blocks } => (*callout, blocks.clone()),
            other => panic!("not a quote: {other:?}"),
        };
        assert_eq!(
            callout_of("> **Analogy:** cooking", false),
            (
                Callout::Analogy,
                vec![Block::Paragraph(vec![plain("cooking")])]
            )
        );
        assert_eq!(
            callout_of("> **Tip**: use it", false).0,
            Callout::Tip,
            "colon after the bold text"
        );
        assert_eq!(
            callout_of("> [!WARNING]\n> careful", false).0,
            Callout::Warning
        );
        assert_eq!(callout_of("> [!TIP]\n> yes", false).0, Callout::Tip);
        assert_eq!(
            callout_of("> [!IMPORTANT]\n> yes", false).0,
            Callout::Warning
        );
        assert_eq!(
            callout_of("> **Important:** yes", false).0,
            Callout::Warning
        );
        assert_eq!(
            callout_of("> [!ANALOGY]\n> A kitchen.", false),
            (
                Callout::Analogy,
                vec![Block::Paragraph(vec![plain("A kitchen.")])]
            ),
            "a bracket marker GitHub does not know"
        );
        assert_eq!(
            callout_of("> [!RECIPE] soup", false),
            (
                Callout::Note,
                vec![Block::Paragraph(vec![plain("[!RECIPE] soup")])]
            )
        );
        assert_eq!(callout_of("> plain", false).0, Callout::Note);
        assert_eq!(callout_of("> plain", true).0, Callout::Analogy);
        assert_eq!(
            callout_of("> **Bold** start", false),
            (
                Callout::Note,
                vec![Block::Paragraph(vec![
                    styled("Bold", |s| s.strong = true),
                    plain(" start")
                ])]
            ),
            "a bold word that names no callout stays"
        );
    }

    #[test]
    fn table_with_alignment() {
        let doc = to_doc("| A | **B** |\n|:--|--:|\n| 1 | 2 |\n| 3 | 4 |\n", false);
        assert_eq!(
            doc.blocks,
            vec![Block::Table {
                align: vec![Align::Left, Align::Right],
                header: vec![vec![plain("A")], vec![styled("B", |s| s.strong = true)]],
                rows: vec![
                    vec![vec![plain("1")], vec![plain("2")]],
                    vec![vec![plain("3")], vec![plain("4")]],
                ],
            }]
        );
    }

    #[test]
    fn headings_rules_and_quotes_with_lists() {
        let doc = to_doc("### Sub\n\n---\n\n> - in quote\n", false);
        assert_eq!(
            doc.blocks,
            vec![
                Block::Heading {
                    level: 3,
                    text: vec![plain("Sub")]
                },
                Block::Rule,
                Block::Quote {
                    callout: Callout::Note,
                    blocks: vec![Block::List {
                        start: None,
                        items: vec![vec![Block::Paragraph(vec![plain("in quote")])]]
                    }]
                }
            ]
        );
    }

    #[test]
    fn text_is_cleaned() {
        let doc = to_doc("bell\x07 and ⚡\u{FE0F}", false);
        assert_eq!(
            doc.blocks,
            vec![Block::Paragraph(vec![plain("bell\\x07 and ⚡")])]
        );
    }
}
