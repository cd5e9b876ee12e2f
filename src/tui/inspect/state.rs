//! The inspect screen's state: the view it shows and how far it is scrolled.

use std::cell::RefCell;
use std::rc::Rc;

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

    /// The page at `width`, drawn once per width: scrolling only copies rows of it. The page
    /// is a pure function of the view, theme and width, so update and drawing may both ask.
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

#[cfg(test)]
mod tests {
    use super::*;

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
