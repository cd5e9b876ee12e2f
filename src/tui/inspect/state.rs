//! The inspect screen's state: the view it shows and how far it is scrolled.

use std::rc::Rc;

use ratatui::layout::Rect;

use super::draw::page::{self, Page};
use super::view::InspectView;
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

    /// The page at `width`: the one [`lay_out`] kept when the width matches (scrolling then
    /// only copies rows of it), else drawn now.
    pub fn page(&self, theme: &Theme, width: u16) -> Rc<Page> {
        match &self.page.0 {
            Some((w, page)) if *w == width => page.clone(),
            _ => Rc::new(page::render(&self.view, theme, width)),
        }
    }
}

/// Draws the page once for the screen's width and keeps it. Called by `update`, so drawing
/// only reads it.
pub(crate) fn lay_out(state: &mut InspectState, theme: &Theme, area: Rect) {
    let width = super::update::body(area).width;
    if !matches!(&state.page.0, Some((w, _)) if *w == width) {
        let page = Rc::new(page::render(&state.view, theme, width));
        state.page.0 = Some((width, page));
    }
}

/// The last drawn page and its width. Not part of what the learner sees, so it never makes
/// two states differ.
#[derive(Default, Clone)]
struct PageCache(Option<(u16, Rc<Page>)>);

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_drawn_once_per_width() {
        let mut state = InspectState::new(InspectView::default());
        let theme = Theme::default();
        lay_out(&mut state, &theme, Rect::new(0, 0, 80, 24));
        let a = state.page(&theme, 80);
        assert!(Rc::ptr_eq(&a, &state.page(&theme, 80)));
        let b = state.page(&theme, 60);
        assert_eq!(b.buf.area.width, 60);
        assert!(!Rc::ptr_eq(&b, &state.page(&theme, 80)));
        assert_eq!(state, state.clone());
    }
}
