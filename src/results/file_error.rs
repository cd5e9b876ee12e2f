//! Why a learner's results file cannot be used. Messages name no file: the caller adds it.

use std::io;

use super::schema::ReadError;
use crate::safe_fs::Kind;

#[derive(Debug, thiserror::Error)]
pub enum ResultsFileError {
    #[error("cannot read: {0}")]
    Read(#[source] io::Error),
    #[error("not UTF-8 text")]
    NotUtf8,
    #[error("a symbolic link; links are not followed")]
    Link,
    #[error("not a regular file")]
    NotRegular,
    #[error("{0} bytes, more than the {max} a results file may have", max = Kind::Results.limit())]
    TooLarge(u64),
    /// Said before decoding, or a garbled `.json` would be read as CSV and blamed for a
    /// missing column.
    #[error("not a dockerlings results file: not a JSON object")]
    NotJsonObject,
    #[error(transparent)]
    Decode(#[from] ReadError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_unchanged() {
        let limit = Kind::Results.limit();
        assert_eq!(
            ResultsFileError::TooLarge(limit + 1).to_string(),
            format!(
                "{} bytes, more than the {limit} a results file may have",
                limit + 1
            )
        );
        assert_eq!(
            ResultsFileError::Read(io::Error::other("gone")).to_string(),
            "cannot read: gone"
        );
    }
}
