//! Terminal set-up and restore. The terminal is given back in every way the app can end:
//! a normal quit or an early `?` return (the guard's `Drop`), a panic (the hook restores it
//! before the panic message is printed), SIGTERM or SIGHUP (the run loop sees the flag and
//! returns through the guard; a second signal exits at once), or the terminal going away
//! (taken as SIGHUP).

use std::io::{self, IsTerminal, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGTERM};

/// Why the interactive screens cannot start, with what still works without a terminal.
const NOT_A_TERMINAL: &str = "the interactive screens need a terminal; without one, use \
     `dockerlings --plain` (the course line by line), `lessons`, `check`, `inspect`, `rules` or \
     `explain` (see `dockerlings --help`)";

/// The terminal in raw mode on the alternate screen with mouse capture; restored on drop.
pub struct Session {
    pub terminal: DefaultTerminal,
}

impl Session {
    pub fn start() -> io::Result<Session> {
        // Drawing into a pipe or file would fill it with escape codes and then wait for keys.
        if !stdout().is_terminal() {
            return Err(io::Error::other(NOT_A_TERMINAL));
        }
        // ratatui installs a hook that restores raw mode and the screen, then prints the panic.
        let terminal = ratatui::try_init().map_err(|err| {
            io::Error::new(
                err.kind(),
                format!("{NOT_A_TERMINAL} (could not set it up: {err})"),
            )
        })?;
        // Ours runs before it and also releases the mouse.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture);
            previous(info);
        }));
        let session = Session { terminal };
        execute!(stdout(), EnableMouseCapture)?;
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}

/// Termination signals, noted for the run loop to act on.
pub(crate) struct Signals {
    received: Arc<AtomicUsize>,
}

impl Signals {
    /// Watches SIGTERM and SIGHUP. The first one sets a flag; if one arrives while the flag is
    /// already set (the app did not get out), the process exits at once.
    pub(crate) fn watch() -> io::Result<Signals> {
        let received = Arc::new(AtomicUsize::new(0));
        let seen = Arc::new(AtomicBool::new(false));
        for signal in [SIGTERM, SIGHUP] {
            signal_hook::flag::register_conditional_shutdown(signal, 1, seen.clone())?;
            signal_hook::flag::register(signal, seen.clone())?;
            signal_hook::flag::register_usize(signal, received.clone(), signal as usize)?;
        }
        Ok(Signals { received })
    }

    /// The signal number received, if any. A terminal that has gone away counts as SIGHUP:
    /// when it closes without the signal reaching us (a shell that does not pass it on, as
    /// under `tmux kill-session`), the input reader only ever sees end-of-file and the app
    /// would otherwise run on, unseen, spinning a core.
    pub(crate) fn received(&self) -> Option<i32> {
        match self.received.load(Ordering::Relaxed) {
            0 if !stdout().is_terminal() => Some(SIGHUP),
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }
}
