//! The inspect screen: one Dockerfile's stage graph, size estimate and attack surface as a
//! page that scrolls (see [`crate::tui::inspect::page`]). Opened over the reader (`i`) or an
//! exercise (Ctrl-T); Esc or `q` goes back to it.

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{reader, split_status, status};
use crate::course::doc::{Block, Doc};
use crate::course::layout::LaidLine;
use crate::tui::app::{App, ReaderState, Screen};
use crate::tui::code::is_dockerfile;
use crate::tui::inspect::page::{self, Page};
use crate::tui::inspect::{InspectView, from_report};
use crate::tui::keys::{self, Action, Context, Now};
use crate::tui::theme::Theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InspectState {
    pub view: InspectView,
    /// First shown row of the page.
    pub scroll: usize,
    page: PageCache,
}

impl InspectState {
    pub fn new(view: InspectView) -> Self {
        Self {
            view,
            scroll: 0,
            page: PageCache::default(),
        }
    }

    /// The page at `width`, drawn once per width: scrolling only copies rows of it.
    pub fn page(&self, theme: &Theme, width: u16) -> Rc<Page> {
        let mut cache = self.page.0.borrow_mut();
        match &*cache {
            Some((w, page)) if *w == width => page.clone(),
            _ => {
                let page = Rc::new(page::render(&self.view, theme, width));
                *cache = Some((width, page.clone()));
                page
            }
        }
    }
}

/// The last drawn page and its width. Not part of what the learner sees, so it never makes
/// two states differ.
#[derive(Default, Clone)]
struct PageCache(RefCell<Option<(u16, Rc<Page>)>>);

impl PartialEq for PageCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for PageCache {}

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PageCache")
    }
}

/// Opens the view over the current screen.
pub fn open(app: &mut App, view: InspectView) {
    app.push(Screen::Inspect(Box::new(InspectState::new(view))));
}

/// The page's body area (the screen less its status row).
fn body(area: Rect) -> Rect {
    split_status(area).0
}

/// The largest useful scroll: the page's last row at the bottom of the body.
pub fn max_scroll(state: &InspectState, theme: &Theme, area: Rect) -> usize {
    let body = body(area);
    let height = state.page(theme, body.width).height();
    usize::from(height.saturating_sub(body.height))
}

/// Applies a key's action to the inspect screen on top.
pub fn on_action(app: &mut App, action: Action) {
    let Screen::Inspect(state) = app.top() else {
        return;
    };
    let max = max_scroll(state, &app.theme, app.area);
    let page_rows = usize::from(body(app.area).height.saturating_sub(1)).max(1);
    let parts: Vec<usize> = state
        .page(&app.theme, body(app.area).width)
        .parts
        .iter()
        .map(|&p| usize::from(p))
        .collect();
    let scroll = state.scroll.min(max);
    let next = match action {
        Action::Back => {
            app.pop();
            return;
        }
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::WheelUp => scroll.saturating_sub(3),
        Action::WheelDown => scroll + 3,
        Action::PageUp => scroll.saturating_sub(page_rows),
        Action::PageDown => scroll + page_rows,
        Action::Top => 0,
        Action::Bottom => max,
        Action::NextSection => parts.iter().find(|&&p| p > scroll).copied().unwrap_or(max),
        Action::PrevSection => parts
            .iter()
            .rev()
            .find(|&&p| p < scroll)
            .copied()
            .unwrap_or(0),
        _ => scroll,
    };
    if let Screen::Inspect(state) = app.top_mut() {
        state.scroll = next.min(max);
    }
}

pub fn draw(app: &App, state: &InspectState, buf: &mut Buffer, area: Rect) {
    let theme = &app.theme;
    let (body, status_row) = split_status(area);
    let page = state.page(theme, body.width);
    let total = usize::from(page.height());
    let scroll = state
        .scroll
        .min(total.saturating_sub(usize::from(body.height)));
    page::blit(&page.buf, scroll, buf, body);
    if let Some(row) = status_row {
        let shown = (scroll + usize::from(body.height)).min(total);
        let position = format!("inspect · {}", reader::percent(scroll, total, body.height));
        let position = if total > usize::from(body.height) {
            format!("{position}% · rows {}-{shown} of {total}", scroll + 1)
        } else {
            format!("{position}%")
        };
        let hints = keys::hints_now(Context::Inspect, false, |_| Now::Shown);
        status::Bar::new(position, hints).draw(buf, row, theme);
    }
}

// ---------------------------------------------------------------------------------------------
// Opening from the reader and the exercise

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
pub fn has_dockerfile(doc: &Doc) -> bool {
    code_blocks(doc).iter().any(|b| is_dockerfile(b.0))
}

/// Opens the view for the Dockerfile the reader shows (see [`dockerfile_near`]); does
/// nothing when the section has none.
pub fn open_from_reader(app: &mut App, state: &ReaderState) {
    let geo = reader::Geometry::new(app.area);
    let Some(section) = app.section(state.lesson, state.section) else {
        return;
    };
    let view = app.section_view(state.lesson, state.section, geo.text.width.max(1));
    let Some(block) = dockerfile_near(
        &section.doc,
        &view.lines,
        state.scroll,
        usize::from(geo.text.height),
    ) else {
        return;
    };
    let Some(&(_, code)) = code_blocks(&section.doc).get(block) else {
        return;
    };
    let source = format!("the example in “{}”", section.title);
    let view = from_report::view_of(code, &source);
    open(app, view);
}

/// Opens the view for the learner's own file in an exercise.
pub fn open_for_file(app: &mut App, text: &str) {
    open(app, from_report::view_of(text, "your Dockerfile"));
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

    #[test]
    fn the_page_is_drawn_once_per_width() {
        let state = InspectState::new(InspectView::default());
        let theme = Theme::default();
        let a = state.page(&theme, 80);
        assert!(Rc::ptr_eq(&a, &state.page(&theme, 80)));
        let b = state.page(&theme, 60);
        assert_eq!(b.buf.area.width, 60);
        assert!(!Rc::ptr_eq(&b, &state.page(&theme, 80)));
        assert_eq!(state, state.clone());
    }
}
