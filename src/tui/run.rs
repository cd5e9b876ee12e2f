//! The run loop: terminal events → messages → `update` → effects. Draws only when an
//! update asked for it, and waits for input with a timeout so signals are noticed promptly.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use super::app::App;
use super::code::CodeColours;
use super::event::Msg;
use super::input::Input;
use super::screens;
use super::terminal::{Session, Signals};
use super::update::{Effect, update};
use crate::highlight::{ColorChoice, Theme};

/// How long to wait for input before checking for signals again.
const POLL: Duration = Duration::from_millis(150);

/// How the app ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The learner quit.
    Quit,
    /// A termination signal arrived (its number).
    Signal(i32),
}

/// Runs the app on the real terminal until the learner quits or a signal arrives.
/// Code is coloured for the terminal unless the caller chose colours already.
pub fn run(mut app: App) -> anyhow::Result<Exit> {
    if app.code_colours.is_none() {
        app.code_colours = Some(CodeColours::for_terminal(
            ColorChoice::Auto,
            Theme::default(),
        ));
    }
    let signals = Signals::watch()?;
    let mut session = Session::start()?;
    let size = session.terminal.size()?;
    update(&mut app, Msg::Resize(size.width, size.height));
    let (tx, rx) = mpsc::channel();
    let input = Input::spawn(tx, |msg| msg);
    let mut dirty = true;
    let mut warmed_up = false;
    loop {
        if let Some(signal) = signals.received() {
            update(&mut app, Msg::Terminate);
            save_progress(&mut app);
            return Ok(Exit::Signal(signal));
        }
        if dirty {
            session
                .terminal
                .draw(|frame| screens::render(&app, frame))?;
            dirty = false;
        }
        // Compiling the grammars' regexes takes tens of milliseconds of a core: started before
        // the first frame it competed with drawing it; started now it is done before the
        // learner opens a lesson.
        if !warmed_up {
            std::thread::spawn(crate::highlight::warm_up);
            warmed_up = true;
        }
        let first = match rx.recv_timeout(POLL) {
            Ok(msg) => msg,
            Err(RecvTimeoutError::Timeout) => {
                for effect in update(&mut app, Msg::Tick) {
                    dirty |= effect == Effect::Redraw;
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => {
                // Left like a signal: drafts are kept before progress is written.
                update(&mut app, Msg::Terminate);
                save_progress(&mut app);
                anyhow::bail!("the terminal's input stopped");
            }
        };
        // Take everything already queued (a burst of wheel events) before drawing again.
        let queued: Vec<Msg> = std::iter::once(first).chain(rx.try_iter()).collect();
        for msg in queued {
            for effect in update(&mut app, msg) {
                match effect {
                    Effect::Quit => {
                        save_progress(&mut app);
                        return Ok(Exit::Quit);
                    }
                    Effect::Redraw => dirty = true,
                    Effect::SaveProgress => save_progress(&mut app),
                    Effect::OpenEditor => {
                        input.pause();
                        session = edit_externally(&mut app, session)?;
                        input.resume();
                        dirty = true;
                    }
                }
            }
        }
    }
}

/// Saves progress; a failure is shown on the screen that is open, never lost silently.
fn save_progress(app: &mut App) {
    if app.store.read_only_reason().is_some() {
        return;
    }
    if let Err(err) = app.store.save() {
        screens::exercise::notify(app, format!("✗ {err}"));
    }
}

/// Gives the terminal to `$VISUAL`/`$EDITOR` (default `vi`) on the exercise's Dockerfile,
/// then takes it back and loads what was saved.
fn edit_externally(app: &mut App, session: Session) -> anyhow::Result<Session> {
    let Some(text) = screens::exercise::editor_text(app) else {
        return Ok(session);
    };
    drop(session);
    let outcome = screens::exercise::run_external_editor(&text);
    let mut session = Session::start()?;
    session.terminal.clear()?;
    match outcome {
        Ok(edited) => screens::exercise::set_editor_text(app, &edited),
        Err(err) => screens::exercise::notify(app, format!("✗ $EDITOR: {err}")),
    }
    Ok(session)
}
