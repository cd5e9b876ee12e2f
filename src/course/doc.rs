//! The document model: what a lesson section says, independent of Markdown and of the terminal.
//! Markdown is parsed into this; the layout step wraps it to a width; the TUI only styles it.

/// A section's content.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    /// `start` is `Some(n)` for a numbered list starting at n. Each item is a list of blocks,
    /// so lists nest.
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    /// A block quote. `callout` tells how to show it.
    Quote {
        callout: Callout,
        blocks: Vec<Block>,
    },
    /// A fenced or indented code block. `lang` is the fence's info word, if any.
    Code {
        lang: Option<String>,
        code: String,
    },
    Table {
        align: Vec<Align>,
        header: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
    },
    Rule,
}

/// One table cell's content.
pub type Cell = Vec<Inline>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// How a block quote is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Callout {
    #[default]
    Note,
    Tip,
    Warning,
    /// The cooking analogy and friends get a look of their own.
    Analogy,
}

/// A run of text with one style. A `\n` in `text` is a hard line break; the text is already
/// clean (no control characters, see `course::hygiene`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Inline {
    pub text: String,
    pub style: InlineStyle,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InlineStyle {
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    pub strikethrough: bool,
    /// Link target; the layout shows it after the link text.
    pub link: Option<String>,
}

impl Inline {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: InlineStyle::default(),
        }
    }
}
