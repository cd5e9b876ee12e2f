//! The learner's own editor (`$VISUAL`, then `$EDITOR`, then `vi`; words split on spaces, so
//! `code -w` works), run while the run loop has given the terminal up.

use std::io;
use std::path::Path;
use std::process::Command;

use crate::safe_fs::{Kind, read_text, write_atomic};

/// Runs the editor on `path` and waits for it; an editor that fails says so.
pub(crate) fn edit_file(path: &Path) -> io::Result<()> {
    let command = std::env::var("VISUAL")
        .ok()
        .or_else(|| std::env::var("EDITOR").ok())
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| "vi".into());
    let mut words = command.split_whitespace();
    let program = words.next().unwrap_or("vi");
    match Command::new(program).args(words).arg(path).status() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(io::Error::other(format!("{program} exited with {s}"))),
        Err(e) => Err(io::Error::new(
            e.kind(),
            format!("cannot run {program}: {e}"),
        )),
    }
}

/// Writes `text` to a `Dockerfile` in a fresh temporary folder, runs the editor on it and
/// returns the saved text.
pub(crate) fn edit_text(text: &str) -> io::Result<String> {
    let dir = private_temp_dir()?;
    let path = dir.path().join("Dockerfile");
    write_atomic(&path, text.as_bytes())?;
    edit_file(&path)?;
    read_text(&path, Kind::Dockerfile)
}

/// A new folder under the system's temporary folder, readable by us alone, removed when
/// dropped. tempfile picks an unpredictable name and creates it exclusively, so the Dockerfile
/// never lands in a folder someone else planted in a shared /tmp.
fn private_temp_dir() -> io::Result<tempfile::TempDir> {
    let mut builder = tempfile::Builder::new();
    builder.prefix("dockerlings-edit-");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
    builder.tempdir()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_folder_is_new_and_private_each_time() {
        let a = private_temp_dir().unwrap();
        let b = private_temp_dir().unwrap();
        assert_ne!(a.path(), b.path());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(a.path()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
        let kept = a.path().to_path_buf();
        drop(a);
        assert!(!kept.exists(), "the folder goes when dropped");
    }

    /// `$VISUAL` is process-wide: one test sets it, for both cases.
    #[cfg(unix)]
    #[test]
    fn the_editor_runs_on_the_file_and_a_failing_one_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Dockerfile");
        std::fs::write(&path, "FROM a\n").unwrap();
        // SAFETY: no other test of this binary reads VISUAL or EDITOR.
        unsafe { std::env::set_var("VISUAL", "true") };
        assert!(edit_file(&path).is_ok());
        assert_eq!(edit_text("FROM b\n").unwrap(), "FROM b\n");
        unsafe { std::env::set_var("VISUAL", "false") };
        let err = edit_file(&path).unwrap_err();
        assert!(err.to_string().contains("false exited"), "{err}");
        unsafe { std::env::remove_var("VISUAL") };
    }
}
