//! The `/` search, as in less: its state (what is typed, the query shown, the match last gone
//! to, a one-line message) and what its keys do. Finding matches is the course's job
//! ([`crate::course::search`]); drawing them is the reader's.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Screen};
use super::keys::{self, Action, Context, Input};
use super::screens::reader;
use super::update::Effect;
use crate::course::search::{Direction, Hit, Place, next_hit, search};

/// Lines kept above a match the reader goes to, so it is read in context.
const CONTEXT_LINES: usize = 2;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// What is typed after `/`; `None` while the prompt is closed.
    prompt: Option<String>,
    /// The query whose matches are highlighted; `n` and `N` go through them.
    query: Option<String>,
    /// The match last gone to.
    at: Option<Hit>,
    /// Said on the bottom row until the next key: "no match for …", "search wrapped".
    message: Option<String>,
    /// The last search's matches, for its query and width: `n` then needs no new search
    /// (a whole course laid out again took 140 ms in a debug build).
    found: Option<Found>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    query: String,
    width: u16,
    hits: Vec<Hit>,
}

impl Search {
    pub(crate) fn prompting(&self) -> bool {
        self.prompt.is_some()
    }

    /// Whether matches are highlighted (and `n`/`N` go through them).
    pub fn showing(&self) -> bool {
        self.query.is_some()
    }

    pub fn prompt(&self) -> Option<&str> {
        self.prompt.as_deref()
    }

    pub fn query(&self) -> Option<&str> {
        self.query.as_deref()
    }

    /// The match last gone to.
    pub fn current(&self) -> Option<Hit> {
        self.at
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
}

/// A key ends the message of the key before it. Returns whether one was shown (then the row
/// under it must be drawn again).
pub(crate) fn forget_message(app: &mut App) -> bool {
    app.search.message.take().is_some()
}

/// `/`: opens the prompt (closing the help overlay it was typed in).
pub(crate) fn start(app: &mut App) {
    if matches!(app.top(), Screen::Help(_)) {
        app.pop();
    }
    app.search.prompt = Some(String::new());
}

/// A key while the prompt is open: typed characters are the query; Enter searches, Esc
/// cancels, Backspace edits (and cancels when there is nothing left to delete, as in less).
pub(crate) fn on_prompt_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(typed) = app.search.prompt.as_mut() else {
        return Vec::new();
    };
    if let KeyCode::Char(c) = key.code
        && key.modifiers.difference(KeyModifiers::SHIFT).is_empty()
    {
        typed.push(c);
        return vec![Effect::Redraw];
    }
    let action = Input::from_key(key).and_then(|i| keys::action_for(Context::SearchPrompt, i));
    match action {
        Some(Action::Quit) => return vec![Effect::Quit],
        Some(Action::Erase) => {
            if typed.pop().is_none() {
                app.search.prompt = None;
            }
        }
        Some(Action::Back) => app.search.prompt = None,
        Some(Action::Submit) => {
            let query = app.search.prompt.take().unwrap_or_default();
            if !query.is_empty() {
                go(app, query, Direction::FromHere);
            }
        }
        _ => return Vec::new(),
    }
    vec![Effect::Redraw]
}

/// `n`, `N` and Esc while matches are shown. Returns whether the action was one of them.
pub(crate) fn on_found_action(app: &mut App, action: Action) -> bool {
    let direction = match action {
        Action::NextMatch => Direction::Forward,
        Action::PrevMatch => Direction::Backward,
        Action::ClearSearch => {
            app.search.query = None;
            app.search.at = None;
            return true;
        }
        _ => return false,
    };
    if let Some(query) = app.search.query.clone() {
        go(app, query, direction);
    }
    true
}

/// Goes to the match of `query` the direction names: a new search from the top of what the
/// reader shows (from home: the selected lesson), `n` and `N` from the match last gone to while
/// the reader still shows its section. Opens the reader when it is not open.
fn go(app: &mut App, query: String, direction: Direction) {
    let width = reader::Geometry::new(app.area).text.width;
    let (from, direction) = start_place(app, direction);
    let found = match app.search.found.take() {
        Some(f) if f.query == query && f.width == width => f,
        _ => Found {
            hits: search(&app.course, &query, width),
            query: query.clone(),
            width,
        },
    };
    let next = next_hit(&found.hits, from, direction);
    let count = found.hits.len();
    let hit = next.map(|(index, _)| found.hits[index]);
    app.search.found = Some(found);
    let (Some((index, wrapped)), Some(hit)) = (next, hit) else {
        app.search.message = Some(format!("no match for “{query}”"));
        app.search.query = None;
        app.search.at = None;
        return;
    };
    let place = format!("match {} of {count}", index + 1);
    app.search.message = Some(if wrapped {
        format!("search wrapped · {place}")
    } else {
        place
    });
    app.search.query = Some(query);
    app.search.at = Some(hit);
    show(app, hit, width);
}

fn start_place(app: &App, direction: Direction) -> (Place, Direction) {
    let Some(r) = app.reader() else {
        let lesson = match &app.screens()[0] {
            Screen::Home(home) => home.selected,
            _ => 0,
        };
        return (place(lesson, 0, 0), Direction::FromHere);
    };
    let top = place(r.lesson, r.section, r.scroll);
    match (app.search.at, direction) {
        // A new search starts from what the reader shows.
        (_, Direction::FromHere) => (top, direction),
        (Some(at), _) if (at.lesson, at.section) == (r.lesson, r.section) => {
            (at.place(), direction)
        }
        (_, Direction::Backward) => (top, direction),
        _ => (top, Direction::FromHere),
    }
}

fn place(lesson: usize, section: usize, line: usize) -> Place {
    Place {
        lesson,
        section,
        line,
        start: 0,
    }
}

/// Shows the hit's section in the reader, its line a little below the top.
fn show(app: &mut App, hit: Hit, width: u16) {
    if matches!(app.top(), Screen::Reader(_)) {
        reader::go_to(app, Some((hit.lesson, hit.section)));
    } else {
        reader::open(
            app,
            hit.lesson,
            crate::progress::Position {
                section: hit.section,
                scroll: 0,
            },
        );
    }
    let lines = app.section_view(hit.lesson, hit.section, width).lines.len();
    let height = reader::Geometry::new(app.area).text.height;
    if let Some(r) = app.reader_mut() {
        r.scroll = hit
            .line
            .saturating_sub(CONTEXT_LINES)
            .min(reader::max_scroll(lines, height));
    }
}
