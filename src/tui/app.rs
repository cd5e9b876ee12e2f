//! App state: the loaded course, the screen stack and what each screen remembers.
//! Changed only by [`super::update::update`]; read by the screens to draw.

use std::collections::HashMap;
use std::rc::Rc;

use ratatui::layout::Rect;

use super::code::CodeColours;
use super::inspect::InspectState;
use super::keys::Context;
use super::screens::exercise::ExerciseState;
pub(crate) use super::screens::home::HomeState;
use super::screens::quiz::QuizState;
pub use super::screens::reader::ReaderState;
use super::screens::reader::{Geometry, SectionView, view_section};
use super::search::Search;
use super::theme::Theme;
use crate::course::{Course, Lesson, Section};
use crate::progress::{Clock, Store};
use crate::quiz::QuizBook;
use crate::results::LessonStatus;

pub struct App {
    pub course: Course,
    /// Now: reading time, and when missed questions are due (tests fix it).
    pub clock: Clock,
    /// The course's quizzes and the learner's saved answers.
    /// Shared so a key handler can hold a quiz while it changes the app (no copy per key).
    pub quizzes: Rc<QuizBook>,
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
    /// The `/` search: its prompt, its query and the match last gone to.
    pub search: Search,
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
pub struct HelpState {
    pub scroll: usize,
}

/// Holds the place of the screen [`App::with_top`] moved out; no real help overlay scrolls
/// this far.
const TAKEN: HelpState = HelpState { scroll: usize::MAX };

impl App {
    pub fn new(course: Course) -> Self {
        Self {
            quizzes: Rc::new(QuizBook::for_course(&course)),
            store: Store::unsaved("no progress file given"),
            notices: Vec::new(),
            course,
            clock: Clock::default(),
            theme: Theme::default(),
            note: None,
            code_colours: None,
            screens: vec![Screen::Home(HomeState::default())],
            search: Search::default(),
            area: Rect::new(0, 0, 80, 24),
            layouts: LayoutCache::default(),
            colours_seen: 0,
        }
    }

    pub fn screens(&self) -> &[Screen] {
        &self.screens
    }

    pub(crate) fn screens_mut(&mut self) -> &mut [Screen] {
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
        self.theme = Theme::for_code(&colours);
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

    pub(crate) fn top_mut(&mut self) -> &mut Screen {
        self.screens
            .last_mut()
            .expect("the home screen is never popped")
    }

    /// Runs `f` on the screen on top, moved out of the stack meanwhile rather than copied:
    /// `f` gets the whole app and may push or pop screens. The screen goes back in its place
    /// unless `f` popped it.
    pub fn with_top<R>(&mut self, f: impl FnOnce(&mut App, &mut Screen) -> R) -> R {
        let index = self.screens.len() - 1;
        let mut top = std::mem::replace(&mut self.screens[index], Screen::Help(TAKEN));
        let out = f(self, &mut top);
        if let Some(slot @ Screen::Help(TAKEN)) = self.screens.get_mut(index) {
            *slot = top;
        }
        out
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

    pub(crate) fn reader_mut(&mut self) -> Option<&mut ReaderState> {
        self.screens.iter_mut().rev().find_map(|s| match s {
            Screen::Reader(r) => Some(r),
            _ => None,
        })
    }

    /// Which part of the key table applies now.
    pub fn context(&self) -> Context {
        if self.search.prompting() {
            return Context::SearchPrompt;
        }
        match self.top() {
            Screen::Reader(_) if self.search.showing() => Context::Found,
            Screen::Home(_) => Context::Home,
            Screen::Reader(_) => Context::Reader,
            Screen::Quiz(_) => Context::Quiz,
            Screen::Exercise(_) => Context::Exercise,
            Screen::Inspect(_) => Context::Inspect,
            Screen::Help(_) => Context::Help,
        }
    }

    /// Where the learner stands in `lesson`, from the saved progress.
    pub fn status(&self, lesson: &Lesson) -> LessonStatus {
        let quiz = self.quizzes.for_lesson(&lesson.id);
        LessonStatus::of(lesson, quiz, self.store.progress())
    }

    pub fn section(&self, lesson: usize, section: usize) -> Option<&Section> {
        self.course.lessons.get(lesson)?.sections.get(section)
    }

    /// The section laid out and styled at `width`: from the cache when [`App::lay_out`] put it
    /// there (and its colours have not landed since), else laid out now and not kept.
    pub fn section_view(&self, lesson: usize, section: usize, width: u16) -> Rc<SectionView> {
        let landed = self.landed();
        match self.layouts.get((lesson, section, width), landed) {
            Some(view) => view,
            None => Rc::new(self.view_of(lesson, section, width)),
        }
    }

    /// Lays out the open reader's section at the reader's width, and an inspect page on top,
    /// once, for drawing to read.
    /// Called by `update`, so drawing never fills a cache that `update` reads.
    pub fn lay_out(&mut self) {
        if let Some(Screen::Inspect(state)) = self.screens.last_mut() {
            super::inspect::state::lay_out(state, &self.theme, self.area);
        }
        let Some(r) = self.reader() else {
            return;
        };
        let key = (r.lesson, r.section, Geometry::new(self.area).text.width);
        let landed = self.landed();
        if self.layouts.get(key, landed).is_none() {
            let view = self.view_of(key.0, key.1, key.2);
            self.layouts.insert(key, Rc::new(view));
        }
    }

    fn view_of(&self, lesson: usize, section: usize, width: u16) -> SectionView {
        match self.section(lesson, section) {
            Some(sec) => view_section(&sec.doc, width, &self.theme, self.code_colours.as_ref()),
            None => SectionView::default(),
        }
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
    entries: HashMap<LayoutKey, Rc<SectionView>>,
}

/// (lesson, section, width).
type LayoutKey = (usize, usize, u16);

impl LayoutCache {
    /// The view for `key`, unless a block was still being highlighted in the background when
    /// it was laid out and the worker has landed colours since (`landed`): then it is stale.
    fn get(&self, key: LayoutKey, landed: u64) -> Option<Rc<SectionView>> {
        self.entries
            .get(&key)
            .filter(|view| view.waiting_since.is_none_or(|at| at == landed))
            .cloned()
    }

    fn insert(&mut self, key: LayoutKey, view: Rc<SectionView>) {
        if self.entries.keys().any(|k| k.2 != key.2) {
            self.entries.clear();
        }
        self.entries.insert(key, view);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_keeps_one_width_and_drops_stale_views() {
        let mut cache = LayoutCache::default();
        cache.insert((0, 0, 40), Rc::default());
        assert!(cache.get((0, 0, 40), 5).is_some());
        let waiting = SectionView {
            waiting_since: Some(1),
            ..SectionView::default()
        };
        cache.insert((0, 1, 40), Rc::new(waiting));
        assert!(cache.get((0, 1, 40), 1).is_some());
        assert!(cache.get((0, 1, 40), 2).is_none(), "colours landed since");
        assert_eq!(cache.entries.len(), 2);
        cache.insert((0, 0, 50), Rc::default());
        assert_eq!(cache.entries.len(), 1);
    }

    #[test]
    fn update_lays_out_the_reader_section_and_drawing_reuses_it() {
        use crate::tui::event::Msg;
        use crate::tui::update::update;
        let mut app = App::new(Course::bundled());
        app.push(Screen::Reader(ReaderState::default()));
        update(&mut app, Msg::Resize(80, 24));
        let width = Geometry::new(app.area).text.width;
        let a = app.section_view(0, 0, width);
        assert!(
            Rc::ptr_eq(&a, &app.section_view(0, 0, width)),
            "cached by update"
        );
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
    fn with_top_puts_the_screen_back_unless_it_was_popped() {
        let mut app = App::new(Course::default());
        app.push(Screen::Reader(ReaderState::default()));
        app.with_top(|app, top| {
            assert!(matches!(top, Screen::Reader(_)));
            if let Screen::Reader(r) = top {
                r.scroll = 7;
            }
            app.push(Screen::Help(HelpState::default()));
        });
        assert_eq!(app.screens().len(), 3);
        assert_eq!(app.reader().map(|r| r.scroll), Some(7));
        app.pop();
        app.with_top(|app, _| app.pop());
        assert_eq!(app.context(), Context::Home, "a popped screen stays popped");
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
