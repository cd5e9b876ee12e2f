//! Which Dockerfile the inspect view offers from the reader: the code blocks of a section in
//! layout order, the Dockerfile nearest to what is on screen, and the reader's hint for `i`.

use crate::course::doc::{Block, Doc};
use crate::course::layout::LaidLine;
use crate::tui::code::is_dockerfile;

/// Code blocks of `doc` in layout order, which is the order [`CodeRef::block`] counts in.
///
/// [`CodeRef::block`]: crate::course::layout::CodeRef
pub fn code_blocks(doc: &Doc) -> Vec<(Option<&str>, &str)> {
    fn walk<'d>(blocks: &'d [Block], out: &mut Vec<(Option<&'d str>, &'d str)>) {
        for block in blocks {
            match block {
                Block::Code { lang, code } => out.push((lang.as_deref(), code)),
                Block::List { items, .. } => items.iter().for_each(|item| walk(item, out)),
                Block::Quote { blocks, .. } => walk(blocks, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&doc.blocks, &mut out);
    out
}

/// The Dockerfile block nearest to what the reader shows (laid-out rows `scroll..scroll +
/// height`): the first one on screen, else the closest above or below (the earlier on a tie).
pub fn dockerfile_near(
    doc: &Doc,
    lines: &[LaidLine],
    scroll: usize,
    height: usize,
) -> Option<usize> {
    let blocks = code_blocks(doc);
    let bottom = scroll + height.max(1) - 1;
    let mut best: Option<(usize, usize)> = None;
    for (row, line) in lines.iter().enumerate() {
        let Some(r) = line.code else { continue };
        if !blocks.get(r.block).is_some_and(|b| is_dockerfile(b.0)) {
            continue;
        }
        let distance = if row < scroll {
            scroll - row
        } else {
            row.saturating_sub(bottom)
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, r.block));
        }
    }
    best.map(|(_, block)| block)
}

/// Whether `doc` has a Dockerfile block to inspect.
pub(crate) fn has_dockerfile(doc: &Doc) -> bool {
    code_blocks(doc).iter().any(|b| is_dockerfile(b.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::doc::{Callout, Inline};
    use crate::course::layout::layout;

    fn code(lang: &str, code: &str) -> Block {
        Block::Code {
            lang: Some(lang.into()),
            code: code.into(),
        }
    }

    fn para(text: &str) -> Block {
        Block::Paragraph(vec![Inline::plain(text)])
    }

    /// A shell block, a Dockerfile inside a quote, a long gap, then a second Dockerfile.
    fn doc() -> Doc {
        let mut blocks = vec![
            code("sh", "docker build ."),
            Block::Quote {
                callout: Callout::Tip,
                blocks: vec![code("dockerfile", "FROM alpine")],
            },
        ];
        blocks.extend((0..20).map(|i| para(&format!("paragraph {i}"))));
        blocks.push(code("Dockerfile", "FROM scratch"));
        Doc { blocks }
    }

    #[test]
    fn code_blocks_are_counted_in_layout_order() {
        let doc = doc();
        let blocks = code_blocks(&doc);
        assert_eq!(
            blocks,
            [
                (Some("sh"), "docker build ."),
                (Some("dockerfile"), "FROM alpine"),
                (Some("Dockerfile"), "FROM scratch")
            ]
        );
        let lines = layout(&doc, 40);
        let refs: Vec<usize> = lines
            .iter()
            .filter_map(|l| l.code.map(|r| r.block))
            .collect();
        assert_eq!(refs, [0, 1, 2]);
    }

    #[test]
    fn the_dockerfile_on_screen_wins_then_the_nearest() {
        let doc = doc();
        let lines = layout(&doc, 40);
        let row_of = |block: usize| {
            lines
                .iter()
                .position(|l| l.code.is_some_and(|r| r.block == block))
                .unwrap()
        };
        let (first, second) = (row_of(1), row_of(2));
        // On screen at the top: the quoted one; scrolled to the end: the last one.
        assert_eq!(dockerfile_near(&doc, &lines, 0, 10), Some(1));
        assert_eq!(dockerfile_near(&doc, &lines, second, 5), Some(2));
        // Between them, neither on screen: the closer one.
        assert_eq!(dockerfile_near(&doc, &lines, first + 2, 3), Some(1));
        assert_eq!(dockerfile_near(&doc, &lines, second - 4, 3), Some(2));
        let shell_only = Doc {
            blocks: vec![code("sh", "ls")],
        };
        assert_eq!(
            dockerfile_near(&shell_only, &layout(&shell_only, 40), 0, 10),
            None
        );
        assert!(!has_dockerfile(&shell_only) && has_dockerfile(&doc));
    }
}
