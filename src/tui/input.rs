//! Terminal input, read on a thread of its own and handed to the run loop over a channel.
//!
//! Why a thread: once the terminal hangs up (a closed tmux pane, a dropped ssh session)
//! crossterm's `poll` never returns: it keeps reading end-of-file. On its own thread that
//! cannot keep the run loop from noticing SIGHUP, saving and quitting. The reader can be
//! paused, so an external editor started by the app gets every key.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread::{self, Thread};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

use super::event::Msg;

/// How long one read waits before the reader looks at its pause flag again.
const SLICE: Duration = Duration::from_millis(50);

/// Handle on the reader thread.
pub(crate) struct Input {
    paused: Arc<AtomicBool>,
    idle: Arc<AtomicBool>,
    /// The reader has ended: the terminal's input failed or closed.
    stopped: Arc<AtomicBool>,
    thread: Thread,
}

impl Input {
    /// Reads the real terminal; each message goes to `tx` wrapped by `wrap`.
    pub(crate) fn spawn<T: Send + 'static>(
        tx: Sender<T>,
        wrap: impl Fn(Msg) -> T + Send + 'static,
    ) -> Input {
        Input::spawn_with(terminal_event, tx, wrap)
    }

    /// Like [`Input::spawn`] with another source of events: `read(timeout)` waits up to
    /// `timeout` for one event. The reader stops when the source fails or `tx` is closed.
    pub(crate) fn spawn_with<T: Send + 'static>(
        mut read: impl FnMut(Duration) -> io::Result<Option<Event>> + Send + 'static,
        tx: Sender<T>,
        wrap: impl Fn(Msg) -> T + Send + 'static,
    ) -> Input {
        let paused = Arc::new(AtomicBool::new(false));
        let idle = Arc::new(AtomicBool::new(false));
        let stopped = Arc::new(AtomicBool::new(false));
        let (p, i, s) = (paused.clone(), idle.clone(), stopped.clone());
        let handle = thread::spawn(move || {
            read_until_closed(&p, &i, &mut read, &tx, &wrap);
            s.store(true, Ordering::SeqCst);
        });
        Input {
            paused,
            idle,
            stopped,
            thread: handle.thread().clone(),
        }
    }

    /// Whether the reader has ended (the terminal's input is gone).
    pub(crate) fn stopped(&self) -> bool {
        self.stopped.load(Ordering::SeqCst)
    }

    /// Stops reading; returns once the reader is between reads (at most one [`SLICE`]).
    pub(crate) fn pause(&self) {
        self.paused.store(true, Ordering::SeqCst);
        while !self.idle.load(Ordering::SeqCst) {
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// Reads again after [`Input::pause`].
    pub(crate) fn resume(&self) {
        self.paused.store(false, Ordering::SeqCst);
        self.thread.unpark();
    }
}

/// The reader's loop: reads until the source fails or nobody listens on `tx`.
fn read_until_closed<T>(
    paused: &AtomicBool,
    idle: &AtomicBool,
    read: &mut impl FnMut(Duration) -> io::Result<Option<Event>>,
    tx: &Sender<T>,
    wrap: &impl Fn(Msg) -> T,
) {
    loop {
        // `idle` is cleared before the flag is read, so `pause` cannot see a stale
        // `idle` from an earlier pause while this thread goes on reading.
        idle.store(false, Ordering::SeqCst);
        if paused.load(Ordering::SeqCst) {
            idle.store(true, Ordering::SeqCst);
            thread::park_timeout(SLICE);
            continue;
        }
        match read(SLICE) {
            Ok(None) => {}
            Ok(Some(event)) => {
                if let Some(msg) = Msg::from_event(event)
                    && tx.send(wrap(msg)).is_err()
                {
                    return;
                }
            }
            Err(_) => return,
        }
    }
}

/// One event from the terminal, if one comes within `timeout`.
fn terminal_event(timeout: Duration) -> io::Result<Option<Event>> {
    if event::poll(timeout)? {
        event::read().map(Some)
    } else {
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;
    use std::sync::mpsc;

    use ratatui::crossterm::event::{KeyCode, KeyEvent};

    use super::*;

    fn key(c: char) -> Event {
        Event::Key(KeyEvent::from(KeyCode::Char(c)))
    }

    #[test]
    fn events_arrive_in_order() {
        let mut queue = vec![key('b'), key('a')];
        let (tx, rx) = mpsc::channel();
        let _input = Input::spawn_with(move |_| Ok(queue.pop()), tx, |m| m);
        let first = rx.recv_timeout(Duration::from_secs(5)).unwrap();
        let second = rx.recv_timeout(Duration::from_secs(5)).unwrap();
        assert_eq!(Some(first), Msg::from_event(key('a')));
        assert_eq!(Some(second), Msg::from_event(key('b')));
    }

    #[test]
    fn a_failing_source_is_seen_as_stopped() {
        let (tx, _rx) = mpsc::channel::<Msg>();
        let input = Input::spawn_with(|_| Err(io::Error::other("gone")), tx, |m| m);
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while !input.stopped() {
            assert!(std::time::Instant::now() < deadline, "never stopped");
            thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn a_paused_reader_does_not_read_until_resumed() {
        let reads = Arc::new(AtomicUsize::new(0));
        let counter = reads.clone();
        let (tx, rx) = mpsc::channel();
        let input = Input::spawn_with(
            move |timeout| {
                counter.fetch_add(1, Ordering::SeqCst);
                thread::sleep(timeout);
                Ok(Some(key('x')))
            },
            tx,
            |m| m,
        );
        rx.recv_timeout(Duration::from_secs(5)).unwrap();
        input.pause();
        let at_pause = reads.load(Ordering::SeqCst);
        thread::sleep(SLICE * 4);
        assert_eq!(reads.load(Ordering::SeqCst), at_pause, "read while paused");
        input.resume();
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while reads.load(Ordering::SeqCst) == at_pause {
            assert!(std::time::Instant::now() < deadline, "never resumed");
            thread::sleep(Duration::from_millis(5));
        }
    }
}
