//! Messages: everything that can change the app, as plain data. Terminal events are turned
//! into these at the edge, so `update` can be driven by tests without a terminal.

use ratatui::crossterm::event::{Event, KeyEvent, MouseButton, MouseEventKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Key(KeyEvent),
    WheelUp,
    WheelDown,
    /// A left click at this column and row.
    Click {
        column: u16,
        row: u16,
    },
    /// The terminal's new size, in columns and rows.
    Resize(u16, u16),
    /// Time passed without input (the run loop's poll timed out): runs debounced work.
    Tick,
    /// SIGTERM, SIGHUP or the end of input: leave now, keeping drafts and restoring the terminal.
    Terminate,
}

impl Msg {
    /// The message for a terminal event, or `None` for events the app ignores
    /// (mouse moves, drags, releases and other buttons, focus, paste).
    pub(crate) fn from_event(event: Event) -> Option<Msg> {
        match event {
            Event::Key(key) => Some(Msg::Key(key)),
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::ScrollUp => Some(Msg::WheelUp),
                MouseEventKind::ScrollDown => Some(Msg::WheelDown),
                MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click {
                    column: mouse.column,
                    row: mouse.row,
                }),
                _ => None,
            },
            Event::Resize(width, height) => Some(Msg::Resize(width, height)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyModifiers, MouseEvent};

    fn mouse(kind: MouseEventKind) -> Event {
        Event::Mouse(MouseEvent {
            kind,
            column: 3,
            row: 4,
            modifiers: KeyModifiers::NONE,
        })
    }

    #[test]
    fn wheel_left_clicks_and_resize_become_messages_and_other_buttons_are_ignored() {
        assert_eq!(
            Msg::from_event(mouse(MouseEventKind::ScrollDown)),
            Some(Msg::WheelDown)
        );
        assert_eq!(
            Msg::from_event(mouse(MouseEventKind::ScrollUp)),
            Some(Msg::WheelUp)
        );
        assert_eq!(
            Msg::from_event(mouse(MouseEventKind::Down(MouseButton::Left))),
            Some(Msg::Click { column: 3, row: 4 })
        );
        for ignored in [
            MouseEventKind::Down(MouseButton::Right),
            MouseEventKind::Up(MouseButton::Left),
            MouseEventKind::Drag(MouseButton::Left),
            MouseEventKind::Moved,
        ] {
            assert_eq!(Msg::from_event(mouse(ignored)), None);
        }
        assert_eq!(
            Msg::from_event(Event::Resize(80, 24)),
            Some(Msg::Resize(80, 24))
        );
        assert_eq!(Msg::from_event(Event::FocusGained), None);
    }
}
