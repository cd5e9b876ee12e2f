//! Reading a checked file: bytes to text, with a clear, positioned error for what is not a
//! Dockerfile (binary data, invalid UTF-8) instead of a panic or a garbled report.

use std::path::{Path, PathBuf};

use crate::report::FileError;
use crate::safe_fs::{Kind, read_limited, read_stream};

/// Reads and decodes a file.
pub(crate) fn read_file(path: &Path) -> Result<String, FileError> {
    let bytes = read_limited(path, Kind::Dockerfile).map_err(|err| FileError {
        message: io_message(&err),
        position: None,
    })?;
    decode(bytes)
}

/// The `.dockerignore` of the build context of the Dockerfile at `path`, taking its folder as
/// the context: `<name>.dockerignore` there if it exists (BuildKit prefers it), else
/// `.dockerignore`. `None` when neither exists; an error when one cannot be read.
pub(crate) fn dockerignore_for(path: &Path) -> Result<Option<String>, FileError> {
    let dir = path.parent().unwrap_or(Path::new(""));
    let own = path
        .file_name()
        .map(|name| format!("{}.dockerignore", name.to_string_lossy()));
    for name in own.iter().map(String::as_str).chain([".dockerignore"]) {
        let candidate = dir.join(name);
        match read_limited(&candidate, Kind::Dockerfile) {
            Ok(bytes) => {
                return decode(bytes).map(Some).map_err(|err| FileError {
                    message: format!("{}: {}", candidate.display(), err.message),
                    position: None,
                });
            }
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => {
                return Err(FileError {
                    message: format!("{}: {}", candidate.display(), io_message(&err)),
                    position: None,
                });
            }
        }
    }
    Ok(None)
}

/// A one-file command's input that cannot be read or decoded. Shown as
/// `path[:line:column]: message`, escaped and ready to print.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", super::super::shown(located(.path, .error)))]
pub(crate) struct NamedFileError {
    pub path: PathBuf,
    pub error: FileError,
}

/// Reads and decodes the file a one-file command names, `-` being standard input.
pub(crate) fn read_named(path: &Path) -> Result<String, NamedFileError> {
    read_file_or_stdin(path).map_err(|error| NamedFileError {
        path: path.to_path_buf(),
        error,
    })
}

/// Reads and decodes all of standard input.
pub(crate) fn read_stdin() -> Result<String, FileError> {
    let bytes =
        read_stream(std::io::stdin().lock(), Kind::Dockerfile).map_err(|err| FileError {
            message: format!("cannot read standard input: {}", io_message(&err)),
            position: None,
        })?;
    decode(bytes)
}

/// `PATH[:LINE:COLUMN]: MESSAGE`, for a command that reads one file and reports on stderr.
fn located(path: &Path, err: &FileError) -> String {
    let at = err
        .position
        .map(|(line, column)| format!(":{line}:{column}"))
        .unwrap_or_default();
    format!("{}{at}: {}", path.display(), err.message)
}

/// Reads `path`, or standard input for `-`.
fn read_file_or_stdin(path: &Path) -> Result<String, FileError> {
    if path == Path::new("-") {
        read_stdin()
    } else {
        read_file(path)
    }
}

/// UTF-8 text without NUL bytes, or an error at the first offending byte.
pub(crate) fn decode(bytes: Vec<u8>) -> Result<String, FileError> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(FileError {
            message: "binary file (contains a NUL byte), not a Dockerfile".to_string(),
            position: Some(position_of(&bytes, at)),
        });
    }
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        FileError {
            message: format!(
                "not valid UTF-8 (byte 0x{:02X}); Dockerfiles must be UTF-8",
                bytes[at]
            ),
            position: Some(position_of(bytes, at)),
        }
    })
}

/// 1-based line and character column of byte `at`, counting only the valid text before it.
fn position_of(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |nl| nl + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count();
    (line, column)
}

/// An I/O error as a short lower-case phrase (no "(os error 2)").
pub(crate) fn io_message(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_text_passes_through() {
        assert_eq!(decode(b"FROM a\n".to_vec()).unwrap(), "FROM a\n");
        assert_eq!(decode(Vec::new()).unwrap(), "");
    }

    #[test]
    fn invalid_utf8_is_located() {
        let err = decode(b"FROM a\nRUN \xc3\xa9\xff\n".to_vec()).unwrap_err();
        assert_eq!(err.position, Some((2, 6)));
        assert!(err.message.contains("0xFF"), "{err:?}");
    }

    #[test]
    fn nul_byte_means_binary() {
        let err = decode(b"\x7fELF\x02\x01\x00\x00".to_vec()).unwrap_err();
        assert!(err.message.starts_with("binary file"), "{err:?}");
        assert_eq!(err.position, Some((1, 7)));
    }
}
