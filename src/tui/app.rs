//! App state: the loaded course, the screen stack and what each screen remembers.
//! Changed only by [`super::update::update`]; read by the screens to draw.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use ratatui::layout::Rect;

use super::code::CodeColours;
use super::keys::Context;
use super::progress::ProgressMarks;
use super::screens::exercise::ExerciseState;
use super::screens::inspect::InspectState;
use super::screens::quiz::QuizState;
use super::screens::reader::{SectionView, view_section};
use super::theme::{Palette, Theme};
use crate::course::{Course, Section};
use crate::progress::Store;
use crate::quiz::QuizBook;

pub struct App {
    pub course: Course,
    pub progress: ProgressMarks,
    /// The course's quizzes and the learner's saved answers.
    pub quizzes: QuizBook,
    pub store: Store,
    /// What the learner must hear about their progress file (not saving, moved aside): shown
    /// as a banner on the home screen, since stderr is hidden behind the full screen.
    pub notices: Vec<String>,
    pub theme: Theme,
    /// What the learner's last key did not do and why, shown in the status bar until the next
    /// key (`t` on a lesson without a quiz).
    pub note: Option<String>,
    /// Syntax colours for code blocks; `None` draws code in the plain code style.
    pub code_colours: Option<CodeColours>,
    /// Never empty; the home screen is always at the bottom.
    screens: Vec<Screen>,
    /// The terminal's area as last reported.
    pub area: Rect,
    layouts: LayoutCache,
    /// The highlighter's landed count as of the last [`App::colours_landed`].
    colours_seen: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Home(HomeState),
    Reader(ReaderState),
    Quiz(QuizState),
    Exercise(Box<ExerciseState>),
    /// A Dockerfile's stage graph, size estimate and attack surface.
    Inspect(Box<InspectState>),
    /// An overlay: drawn over the screen below it.
    Help(HelpState),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HomeState {
    /// Index into `course.lessons`.
    pub selected: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderState {
    pub lesson: usize,
    pub section: usize,
    /// First shown line of the laid-out section.
    pub scroll: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpState {
    pub scroll: usize,
}

impl App {
    pub fn new(course: Course) -> Self {
        Self {
            quizzes: QuizBook::for_course(&course),
            store: Store::unsaved("no progress file given"),
            notices: Vec::new(),
            course,
            progress: ProgressMarks::default(),
            theme: Theme::default(),
            note: None,
            code_colours: None,
            screens: vec![Screen::Home(HomeState::default())],
            area: Rect::new(0, 0, 80, 24),
            layouts: LayoutCache::default(),
            colours_seen: 0,
        }
    }

    pub fn screens(&self) -> &[Screen] {
        &self.screens
    }

    pub fn screens_mut(&mut self) -> &mut [Screen] {
        &mut self.screens
    }

    /// Keeps progress in `store` (opened by the caller from the progress file).
    pub fn with_store(mut self, store: Store) -> Self {
        self.store = store;
        self
    }

    /// Draws code in `colours`, and everything else in the theme of the same name at the same
    /// colour depth, so `--theme` and `NO_COLOR` reach every style.
    pub fn with_colours(mut self, colours: CodeColours) -> Self {
        let palette = Palette::for_theme(colours.highlighter.theme().name());
        self.theme = Theme::new(palette, colours.depth);
        self.code_colours = Some(colours);
        self
    }

    /// Shows `notices` (about the progress file) on the home screen.
    pub fn with_notices(mut self, notices: Vec<String>) -> Self {
        self.notices = notices;
        self
    }

    pub fn top(&self) -> &Screen {
        self.screens
            .last()
            .expect("the home screen is never popped")
    }

    pub fn top_mut(&mut self) -> &mut Screen {
        self.screens
            .last_mut()
            .expect("the home screen is never popped")
    }

    pub fn push(&mut self, screen: Screen) {
        self.screens.push(screen);
    }

    /// Pops the top screen unless it is the home screen, and returns it.
    pub fn pop(&mut self) -> Option<Screen> {
        (self.screens.len() > 1)
            .then(|| self.screens.pop())
            .flatten()
    }

    pub fn home_mut(&mut self) -> &mut HomeState {
        match &mut self.screens[0] {
            Screen::Home(home) => home,
            _ => unreachable!("the bottom screen is always home"),
        }
    }

    /// The open reader's state, if a reader is open (possibly under the help overlay).
    pub fn reader(&self) -> Option<&ReaderState> {
        self.screens.iter().rev().find_map(|s| match s {
            Screen::Reader(r) => Some(r),
            _ => None,
        })
    }

    pub fn reader_mut(&mut self) -> Option<&mut ReaderState> {
        self.screens.iter_mut().rev().find_map(|s| match s {
            Screen::Reader(r) => Some(r),
            _ => None,
        })
    }

    /// Which part of the key table applies now.
    pub fn context(&self) -> Context {
        match self.top() {
            Screen::Home(_) => Context::Home,
            Screen::Reader(_) => Context::Reader,
            Screen::Quiz(_) => Context::Quiz,
            Screen::Exercise(_) => Context::Exercise,
            Screen::Inspect(_) => Context::Inspect,
            Screen::Help(_) => Context::Help,
        }
    }

    pub fn section(&self, lesson: usize, section: usize) -> Option<&Section> {
        self.course.lessons.get(lesson)?.sections.get(section)
    }

    /// The section laid out and styled at `width`, cached per (lesson, section, width).
    pub fn section_view(&self, lesson: usize, section: usize, width: u16) -> Rc<SectionView> {
        let Some(sec) = self.section(lesson, section) else {
            return Rc::default();
        };
        let landed = self.landed();
        // A view drawn while a block was highlighted in the background is built again
        // once the worker is done, now with the block's colours.
        let stale = |view: &SectionView| view.waiting_since.is_some_and(|at| at != landed);
        self.layouts
            .get_or_insert((lesson, section, width), stale, || {
                view_section(&sec.doc, width, &self.theme, self.code_colours.as_ref())
            })
    }

    /// Whether code colours finished on a worker thread since the last call: time to draw again.
    pub fn colours_landed(&mut self) -> bool {
        let landed = self.landed();
        std::mem::replace(&mut self.colours_seen, landed) != landed
    }

    fn landed(&self) -> u64 {
        self.code_colours
            .as_ref()
            .map_or(0, |c| c.highlighter.landed())
    }
}

/// Laid-out sections for the current width. A resize changes the width, and the old entries
/// are dropped then, so the cache never holds more than one width's worth.
#[derive(Default)]
struct LayoutCache {
    entries: RefCell<HashMap<LayoutKey, Rc<SectionView>>>,
}

/// (lesson, section, width).
type LayoutKey = (usize, usize, u16);

impl LayoutCache {
    fn get_or_insert(
        &self,
        key: LayoutKey,
        stale: impl Fn(&SectionView) -> bool,
        make: impl FnOnce() -> SectionView,
    ) -> Rc<SectionView> {
        let mut entries = self.entries.borrow_mut();
        if let Some(lines) = entries.get(&key).filter(|view| !stale(view)) {
            return lines.clone();
        }
        if entries.keys().any(|k| k.2 != key.2) {
            entries.clear();
        }
        let view = Rc::new(make());
        entries.insert(key, view.clone());
        view
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_keeps_one_width_and_reuses_entries() {
        let cache = LayoutCache::default();
        let fresh = |_: &SectionView| false;
        let a = cache.get_or_insert((0, 0, 40), fresh, SectionView::default);
        let again = cache.get_or_insert((0, 0, 40), fresh, || panic!("should be cached"));
        assert!(Rc::ptr_eq(&a, &again));
        let rebuilt = cache.get_or_insert((0, 0, 40), |_| true, SectionView::default);
        assert!(!Rc::ptr_eq(&a, &rebuilt), "a stale view is built again");
        cache.get_or_insert((0, 1, 40), fresh, SectionView::default);
        assert_eq!(cache.entries.borrow().len(), 2);
        cache.get_or_insert((0, 0, 50), fresh, SectionView::default);
        assert_eq!(cache.entries.borrow().len(), 1);
    }

    #[test]
    fn a_huge_code_block_is_drawn_plain_then_coloured_after_a_tick() {
        use crate::course::doc::{Block, Doc};
        use crate::course::{Lesson, SectionKind};
        use crate::highlight::{BACKGROUND_LINES, ColorDepth, Highlighter};
        use crate::tui::event::Msg;
        use crate::tui::update::{Effect, update};
        use std::sync::Arc;

        let code: String = (0..BACKGROUND_LINES * 4)
            .map(|i| format!("RUN echo {i}\n"))
            .collect();
        let section = Section {
            title: "Big".into(),
            kind: SectionKind::Example,
            doc: Doc {
                blocks: vec![Block::Code {
                    lang: Some("dockerfile".into()),
                    code,
                }],
            },
        };
        let lesson = Lesson {
            id: "big".into(),
            title: "Big".into(),
            order: 1,
            summary: String::new(),
            sections: vec![section],
            source: "big.md".into(),
        };
        let mut app = App::new(Course {
            lessons: vec![lesson],
            errors: Vec::new(),
        });
        let highlighter = Arc::new(Highlighter::default());
        app.code_colours = Some(CodeColours {
            highlighter: Arc::clone(&highlighter),
            depth: ColorDepth::Ansi16,
        });
        let first = app.section_view(0, 0, 60);
        let start = std::time::Instant::now();
        while highlighter.busy() {
            assert!(start.elapsed().as_secs() < 60, "the worker never finished");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        // The frame after the colours land is asked for by the next tick.
        assert!(update(&mut app, Msg::Tick).contains(&Effect::Redraw));
        assert!(!update(&mut app, Msg::Tick).contains(&Effect::Redraw));
        let after = app.section_view(0, 0, 60);
        assert_eq!(after.waiting_since, None);
        assert_eq!(first.lines, after.lines, "the same text");
        if first.waiting_since.is_some() {
            assert_ne!(first.styled, after.styled, "plain first, coloured after");
        }
        let run = &after.styled[0].spans.iter().find(|s| s.content == "RUN");
        assert!(
            run.is_some_and(|s| s.style.fg.is_some()),
            "{:?}",
            after.styled[0]
        );
    }

    #[test]
    fn home_is_never_popped() {
        let mut app = App::new(Course::default());
        assert_eq!(app.pop(), None);
        app.push(Screen::Help(HelpState::default()));
        assert_eq!(app.context(), Context::Help);
        assert!(app.pop().is_some());
        assert_eq!(app.context(), Context::Home);
    }
}
