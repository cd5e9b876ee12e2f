//! An I/O failure carried in a screen's message (the class folder unreadable, `$EDITOR` not
//! started). Messages are `Clone + Eq` so tests can build and compare them, which
//! `io::Error` is not; its kind and text are kept instead.

use std::io;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct IoFailure {
    pub kind: io::ErrorKind,
    pub message: String,
}

impl From<io::Error> for IoFailure {
    fn from(e: io::Error) -> Self {
        IoFailure {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_kind_and_shows_the_text() {
        let failure = IoFailure::from(io::Error::new(io::ErrorKind::NotFound, "no editor"));
        assert_eq!(failure.kind, io::ErrorKind::NotFound);
        assert_eq!(failure.to_string(), "no editor");
    }
}
