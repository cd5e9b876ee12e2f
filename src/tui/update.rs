//! `update`: the only place app state changes. A message goes in; the effects the run loop
//! must perform come out. No I/O here, so every key can be tested without a terminal.

use ratatui::layout::Rect;

use super::app::{App, HelpState, ReaderState, Screen};
use super::event::Msg;
use super::keys::{self, Action, Input};
use super::screens::{self, help, reader};

/// Work for the run loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// State changed: draw a new frame.
    Redraw,
    /// Leave the app (restoring the terminal).
    Quit,
    /// Write the learner's progress to disk.
    SaveProgress,
    /// Suspend the UI and edit the exercise's Dockerfile in `$EDITOR`.
    OpenEditor,
}

/// Applies `msg`. Whatever way the app is left, open exercises keep their drafts first.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let effects = dispatch(app, msg);
    if effects.contains(&Effect::Quit) {
        screens::exercise::keep_drafts(app);
    }
    effects
}

fn dispatch(app: &mut App, msg: Msg) -> Vec<Effect> {
    if matches!(msg, Msg::Key(_)) {
        app.note = None;
    }
    let input = match msg {
        Msg::Terminate => return vec![Effect::Quit],
        Msg::Resize(width, height) => {
            resize(app, Rect::new(0, 0, width, height));
            return vec![Effect::Redraw];
        }
        Msg::WheelUp => Some(Input::WheelUp),
        Msg::WheelDown => Some(Input::WheelDown),
        Msg::Tick => {
            let mut effects = screens::exercise::on_tick(app, std::time::Instant::now());
            // A long code block's colours arrive from a worker thread between keys.
            if app.colours_landed() && !effects.contains(&Effect::Redraw) {
                effects.push(Effect::Redraw);
            }
            return effects;
        }
        // The quiz and exercise screens take keys first: typed text is text there.
        Msg::Key(key) if matches!(app.top(), Screen::Quiz(_)) => {
            return screens::quiz::on_key(app, key);
        }
        Msg::Key(key) if matches!(app.top(), Screen::Exercise(_)) => {
            return screens::exercise::on_key(app, key);
        }
        Msg::Key(key) => Input::from_key(key),
    };
    let Some(action) = input.and_then(|i| keys::action_for(app.context(), i)) else {
        return Vec::new();
    };
    if action == Action::Quit {
        return vec![Effect::Quit];
    }
    match app.top() {
        Screen::Home(_) => home(app, action),
        Screen::Reader(_) => read(app, action),
        Screen::Help(_) => help_overlay(app, action),
        Screen::Inspect(_) if action == Action::ToggleHelp => toggle_help(app),
        Screen::Inspect(_) => screens::inspect::on_action(app, action),
        Screen::Quiz(_) | Screen::Exercise(_) => {}
    }
    vec![Effect::Redraw]
}

fn toggle_help(app: &mut App) {
    if matches!(app.top(), Screen::Help(_)) {
        app.pop();
    } else {
        app.push(Screen::Help(HelpState::default()));
    }
}

fn home(app: &mut App, action: Action) {
    let count = app.course.lessons.len();
    let last = count.saturating_sub(1);
    let selected = app.home_mut().selected;
    let next = match action {
        Action::ToggleHelp => return toggle_help(app),
        Action::Open => {
            if count > 0 {
                open(app, selected, 0);
            }
            return;
        }
        Action::StartQuiz => return start_quiz(app, selected),
        Action::Up | Action::WheelUp | Action::PageUp => selected.saturating_sub(1),
        Action::Down | Action::WheelDown | Action::PageDown => (selected + 1).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => selected,
    };
    app.home_mut().selected = next;
}

/// Opens the lesson's quiz, or says that it has none.
fn start_quiz(app: &mut App, lesson: usize) {
    if !screens::quiz::open(app, lesson) {
        app.note = Some("This lesson has no quiz.".into());
    }
}

/// Opens the reader on a section and marks it seen.
fn open(app: &mut App, lesson: usize, section: usize) {
    app.push(Screen::Reader(ReaderState {
        lesson,
        section,
        scroll: 0,
    }));
    mark_seen(app, lesson, section);
}

fn mark_seen(app: &mut App, lesson: usize, section: usize) {
    if let Some(l) = app.course.lessons.get(lesson)
        && section < l.sections.len()
    {
        let id = l.id.clone();
        app.progress.mark_seen(&id, section);
    }
}

/// Line count and geometry of the section the reader shows, at the current terminal size.
fn reader_extent(app: &App, state: &ReaderState) -> (usize, reader::Geometry) {
    let geo = reader::Geometry::new(app.area);
    let lines = if geo.text.width > 0 {
        app.section_view(state.lesson, state.section, geo.text.width)
            .lines
            .len()
    } else {
        0
    };
    (lines, geo)
}

fn read(app: &mut App, action: Action) {
    let Screen::Reader(state) = app.top().clone() else {
        return;
    };
    let (lines, geo) = reader_extent(app, &state);
    let max = reader::max_scroll(lines, geo.text.height);
    let scroll = state.scroll.min(max);
    let new_scroll = match action {
        Action::ToggleHelp => return toggle_help(app),
        Action::Back => {
            app.pop();
            app.home_mut().selected = state.lesson;
            return;
        }
        Action::StartQuiz => return start_quiz(app, state.lesson),
        Action::Inspect => return screens::inspect::open_from_reader(app, &state),
        Action::NextSection => return go_to(app, next_section(app, &state)),
        Action::PrevSection => return go_to(app, prev_section(app, &state)),
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::WheelUp => scroll.saturating_sub(3),
        Action::WheelDown => scroll + 3,
        Action::PageUp => scroll.saturating_sub(geo.page()),
        Action::PageDown => scroll + geo.page(),
        Action::Top => 0,
        Action::Bottom => max,
        _ => scroll,
    };
    if let Some(r) = app.reader_mut() {
        r.scroll = new_scroll.min(max);
    }
}

/// The section after the reader's, continuing into the next lesson; `None` at the course's end.
fn next_section(app: &App, state: &ReaderState) -> Option<(usize, usize)> {
    let lessons = &app.course.lessons;
    let sections = lessons.get(state.lesson)?.sections.len();
    if state.section + 1 < sections {
        return Some((state.lesson, state.section + 1));
    }
    (state.lesson + 1 < lessons.len()).then_some((state.lesson + 1, 0))
}

/// The section before the reader's, continuing into the previous lesson's last section.
fn prev_section(app: &App, state: &ReaderState) -> Option<(usize, usize)> {
    if state.section > 0 {
        return Some((state.lesson, state.section - 1));
    }
    let lesson = state.lesson.checked_sub(1)?;
    let sections = app.course.lessons.get(lesson)?.sections.len();
    Some((lesson, sections.saturating_sub(1)))
}

fn go_to(app: &mut App, target: Option<(usize, usize)>) {
    let Some((lesson, section)) = target else {
        return;
    };
    if let Some(r) = app.reader_mut() {
        *r = ReaderState {
            lesson,
            section,
            scroll: 0,
        };
    }
    mark_seen(app, lesson, section);
}

fn help_overlay(app: &mut App, action: Action) {
    let max = help::max_scroll(app.area);
    let page = help::page(app.area);
    let Screen::Help(state) = app.top_mut() else {
        return;
    };
    let scroll = state.scroll.min(max);
    state.scroll = match action {
        Action::ToggleHelp | Action::Back => {
            app.pop();
            return;
        }
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll + page,
        Action::Top => 0,
        Action::Bottom => max,
        _ => scroll,
    }
    .min(max);
}

/// Takes the new terminal size. The reader keeps its relative position in the section,
/// since the same text re-wraps to a different number of lines.
fn resize(app: &mut App, area: Rect) {
    let before = app.reader().map(|r| (r.scroll, reader_extent(app, r).0));
    app.area = area;
    let Some(state) = app.reader().cloned() else {
        return;
    };
    let (lines, geo) = reader_extent(app, &state);
    let kept = match before {
        Some((scroll, old)) if old > 0 => scroll * lines / old,
        _ => 0,
    };
    if let Some(r) = app.reader_mut() {
        r.scroll = kept.min(reader::max_scroll(lines, geo.text.height));
    }
}
