//! `update`: the only place app state changes. A message goes in; the effects the run loop
//! must perform come out. No I/O here, so every key can be tested without a terminal.

use ratatui::layout::Rect;

use super::app::{App, HelpState, Screen};
use super::event::Msg;
use super::keys::{self, Action, Input};
use super::screens::{self, help, home, reader};
use super::search;

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
    /// Read the program's outside sources again now (the class folder).
    Reload,
}

/// Applies `msg`. Whatever way the app is left, open exercises keep their drafts first.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let cleared = matches!(msg, Msg::Key(_)) && search::forget_message(app);
    let mut effects = dispatch(app, msg);
    if cleared && !effects.contains(&Effect::Redraw) {
        effects.push(Effect::Redraw);
    }
    if effects.contains(&Effect::Quit) {
        screens::exercise::keep_drafts(app);
        reader::count_reading(app);
    }
    app.lay_out();
    effects
}

fn dispatch(app: &mut App, msg: Msg) -> Vec<Effect> {
    if matches!(msg, Msg::Key(_)) {
        app.note = None;
    }
    let input = match msg {
        Msg::Terminate => return vec![Effect::Quit],
        Msg::Resize(width, height) => {
            reader::resize(app, Rect::new(0, 0, width, height));
            return vec![Effect::Redraw];
        }
        Msg::WheelUp => Some(Input::WheelUp),
        Msg::WheelDown => Some(Input::WheelDown),
        Msg::Click { column, row } => return super::mouse::click(app, column, row),
        Msg::Tick => {
            let mut effects = screens::exercise::on_tick(app, std::time::Instant::now());
            // A long code block's colours arrive from a worker thread between keys.
            if app.colours_landed() && !effects.contains(&Effect::Redraw) {
                effects.push(Effect::Redraw);
            }
            return effects;
        }
        // The search prompt, then the quiz and exercise screens take keys first: typed text
        // is text there.
        Msg::Key(key) if app.search.prompting() => return search::on_prompt_key(app, key),
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
    if action == Action::ToggleHelp {
        toggle_help(app);
        return vec![Effect::Redraw];
    }
    if action == Action::Search {
        search::start(app);
        return vec![Effect::Redraw];
    }
    if search::on_found_action(app, action) {
        return vec![Effect::Redraw];
    }
    match app.top() {
        Screen::Home(_) => return home::update(app, action),
        Screen::Reader(_) => return reader::update(app, action),
        Screen::Help(_) => help_overlay(app, action),
        Screen::Inspect(_) => super::inspect::on_action(app, action),
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
