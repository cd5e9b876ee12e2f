//! The one run loop of every full-screen program (the course, `watch`, `class`): terminal
//! input (read on its own thread) and the program's own sources (a file watcher, a folder
//! loader) share one channel; each message goes through the program's `update`, and the loop
//! performs the effects that come out. It draws only when an update asked for it, and waits
//! for input with a timeout so signals are noticed promptly and debounced work runs (`Tick`).

use std::any::Any;
use std::collections::VecDeque;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

use ratatui::Frame;

use super::app::App;
use super::code::CodeColours;
use super::event::Msg;
use super::external_editor;
use super::input::Input;
use super::screens;
use super::terminal::{Session, Signals};
use super::update::{Effect, update};
use crate::highlight::{CodeTheme, ColorChoice};

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

/// A full-screen program the loop can drive: its state changes only in `update`, and `view`
/// only reads it.
pub(crate) trait Program {
    /// Everything that can change the program: terminal input and its own sources' news.
    type Msg: Send + 'static;
    /// The message for terminal input (keys, wheel, resize, tick, terminate).
    fn ui(msg: Msg) -> Self::Msg;
    fn update(&mut self, msg: Self::Msg) -> Vec<Effect>;
    fn view(&self, frame: &mut Frame);
    /// Starts the program's own sources of messages, which send on `tx`. They run while the
    /// returned guard lives.
    fn connect(&mut self, tx: Sender<Self::Msg>) -> anyhow::Result<Box<dyn Any>> {
        drop(tx);
        Ok(Box::new(()))
    }
    /// Runs once the first frame is out: work that can wait for it.
    fn started(&mut self) {}
    /// Writes what must outlive the program (progress); a failure is shown on screen.
    fn save(&mut self) {}
    /// Runs `$EDITOR` while the loop has given the terminal up; the message it returns (the
    /// editor's result) goes through `update` next.
    fn edit_externally(&mut self) -> Option<Self::Msg> {
        None
    }
    /// Asks the program's sources to read again now.
    fn reload(&mut self) {}
}

/// Runs the course on the real terminal until the learner quits or a signal arrives.
/// Code is coloured for the terminal unless the caller chose colours already.
pub fn run(mut app: App) -> anyhow::Result<Exit> {
    if app.code_colours.is_none() {
        app = app.with_colours(CodeColours::for_terminal(
            ColorChoice::Auto,
            CodeTheme::default(),
        ));
    }
    run_program(app)
}

/// Runs `program` on the real terminal until it quits or a signal arrives. However it ends
/// (quit, signal, lost input), the program is told and saves first.
pub(crate) fn run_program<P: Program>(mut program: P) -> anyhow::Result<Exit> {
    let (tx, rx) = mpsc::channel::<P::Msg>();
    let _sources = program.connect(tx.clone())?;
    let signals = Signals::watch()?;
    let mut session = Session::start()?;
    let size = session.terminal.size()?;
    program.update(P::ui(Msg::Resize(size.width, size.height)));
    // A plain function pointer: the reader thread needs nothing of `P` but its message type.
    let wrap: fn(Msg) -> P::Msg = P::ui;
    let input = Input::spawn(tx, wrap);
    let mut dirty = true;
    let mut started = false;
    loop {
        if let Some(signal) = signals.received() {
            leave(&mut program);
            return Ok(Exit::Signal(signal));
        }
        if dirty {
            session.terminal.draw(|frame| program.view(frame))?;
            dirty = false;
        }
        if !started {
            program.started();
            started = true;
        }
        let first = match rx.recv_timeout(POLL) {
            Ok(msg) => msg,
            Err(RecvTimeoutError::Timeout) if !input.stopped() => {
                dirty |= program.update(P::ui(Msg::Tick)).contains(&Effect::Redraw);
                continue;
            }
            // Left like a signal: drafts are kept before progress is written.
            Err(_) => {
                leave(&mut program);
                anyhow::bail!("the terminal's input stopped");
            }
        };
        // Take everything already queued (a burst of wheel events or saves) before drawing.
        let mut queued: VecDeque<P::Msg> = std::iter::once(first).chain(rx.try_iter()).collect();
        while let Some(msg) = queued.pop_front() {
            for effect in program.update(msg) {
                match effect {
                    Effect::Quit => {
                        program.save();
                        return Ok(Exit::Quit);
                    }
                    Effect::Redraw => dirty = true,
                    Effect::SaveProgress => program.save(),
                    Effect::Reload => program.reload(),
                    Effect::OpenEditor => {
                        input.pause();
                        drop(session);
                        queued.extend(program.edit_externally());
                        session = Session::start()?;
                        session.terminal.clear()?;
                        input.resume();
                        dirty = true;
                    }
                }
            }
        }
    }
}

/// The program is being left without a quit: it keeps what it must, then saves.
fn leave<P: Program>(program: &mut P) {
    program.update(P::ui(Msg::Terminate));
    program.save();
}

/// The course.
impl Program for App {
    type Msg = Msg;

    fn ui(msg: Msg) -> Msg {
        msg
    }

    fn update(&mut self, msg: Msg) -> Vec<Effect> {
        update(self, msg)
    }

    fn view(&self, frame: &mut Frame) {
        screens::render(self, frame);
    }

    // Compiling the grammars' regexes takes tens of milliseconds of a core: started before the
    // first frame it competed with drawing it; started now it is done before the learner opens
    // a lesson.
    fn started(&mut self) {
        std::thread::spawn(crate::highlight::warm_up);
    }

    /// A failure is shown on the screen that is open, never lost silently.
    fn save(&mut self) {
        if self.store.read_only_reason().is_some() {
            return;
        }
        if let Err(err) = self.store.save() {
            screens::exercise::notify(self, format!("✗ {err}"));
        }
    }

    /// `$VISUAL`/`$EDITOR` (default `vi`) on the exercise's Dockerfile; what was saved is
    /// loaded back.
    fn edit_externally(&mut self) -> Option<Msg> {
        let text = screens::exercise::editor_text(self)?;
        match external_editor::edit_text(&text) {
            Ok(edited) => screens::exercise::set_editor_text(self, &edited),
            Err(err) => screens::exercise::notify(self, format!("✗ $EDITOR: {err}")),
        }
        None
    }
}
