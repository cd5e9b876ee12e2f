//! Writing: regular files only, never through a symbolic link, always atomically. A crash
//! leaves the old content or the new, never a mix: temporary file in the same directory,
//! fsync, rename over the target (rename replaces a name, it never follows one), fsync the
//! directory.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Component, Path};
use std::sync::atomic::{AtomicU32, Ordering};

use super::describe;

/// Refuses `path` when it exists and is a symbolic link or not a regular file; a missing
/// path is fine. The error names the path.
pub(crate) fn ensure_plain(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_file() => Ok(()),
        Ok(meta) if meta.file_type().is_symlink() => Err(refused(
            path,
            "is a symbolic link; dockerlings does not write or delete through links",
        )),
        Ok(meta) => Err(refused(
            path,
            &format!(
                "is {}; dockerlings writes only regular files",
                describe(meta.file_type())
            ),
        )),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(err),
    }
}

/// Checks that the file `rel` stays inside `root`: only plain names, each folder on the way a
/// real folder (not a link) or missing, the last part a regular file or missing. `root` itself
/// is the folder the learner gave and is taken as it is.
pub(crate) fn check_inside(root: &Path, rel: &Path) -> io::Result<()> {
    walk(root, rel, true)
}

/// Like [`check_inside`] for a folder `rel`: every part a real folder or missing.
pub(crate) fn check_folder_inside(root: &Path, rel: &Path) -> io::Result<()> {
    walk(root, rel, false)
}

fn walk(root: &Path, rel: &Path, last_is_file: bool) -> io::Result<()> {
    let mut path = root.to_path_buf();
    let mut parts = rel.components().peekable();
    while let Some(part) = parts.next() {
        let Component::Normal(name) = part else {
            return Err(refused(rel, "leaves the folder it belongs in"));
        };
        path.push(name);
        if last_is_file && parts.peek().is_none() {
            return ensure_plain(&path);
        }
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_dir() => {}
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(refused(
                    &path,
                    "is a symbolic link; dockerlings does not write or delete through links",
                ));
            }
            Ok(meta) => {
                return Err(refused(
                    &path,
                    &format!(
                        "is {}, where a folder should be",
                        describe(meta.file_type())
                    ),
                ));
            }
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(err) => return Err(err),
        }
    }
    Ok(())
}

/// Writes `bytes` to `root/rel` atomically after [`check_inside`], creating folders on the way.
pub(crate) fn write_inside(root: &Path, rel: &Path, bytes: &[u8]) -> io::Result<()> {
    check_inside(root, rel)?;
    write_atomic(&root.join(rel), bytes)
}

/// Replaces the regular file at `path` (or creates it, and its folders) atomically; refuses a
/// link or a special file at `path`.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    ensure_plain(path)?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    // Unique per process and per call, so two writers never share a temporary file.
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let tmp = dir.join(format!(
        ".{name}.tmp-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        // create_new (O_EXCL) fails on anything already there, a planted link included.
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Makes a rename durable. Directories cannot be opened for syncing on Windows.
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    if cfg!(unix) {
        File::open(dir)?.sync_all()?;
    }
    Ok(())
}

fn refused(path: &Path, why: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{} {why}", path.display()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/p.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let entries: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(entries, vec!["p.json"]);
    }

    #[test]
    fn a_directory_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(dir.path(), b"x").unwrap_err();
        assert!(
            err.to_string()
                .ends_with("is a directory; dockerlings writes only regular files"),
            "{err}"
        );
        assert!(
            err.to_string()
                .starts_with(&dir.path().display().to_string())
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_are_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        fs::create_dir(&outside).unwrap();
        fs::write(outside.join("f"), "theirs").unwrap();
        let root = dir.path().join("root");
        fs::create_dir(&root).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("sub")).unwrap();
        std::os::unix::fs::symlink(outside.join("f"), root.join("f")).unwrap();
        std::os::unix::fs::symlink(outside.join("new"), root.join("dangling")).unwrap();
        for rel in ["sub/f", "f", "dangling"] {
            let err = write_inside(&root, Path::new(rel), b"ours").unwrap_err();
            assert!(
                err.to_string().contains("is a symbolic link"),
                "{rel}: {err}"
            );
        }
        assert_eq!(fs::read_to_string(outside.join("f")).unwrap(), "theirs");
        assert!(!outside.join("new").exists());
        assert!(write_inside(&root, Path::new("../x"), b"").is_err());
        write_inside(&root, Path::new("a/b/c"), b"ok").unwrap();
        assert_eq!(fs::read(root.join("a/b/c")).unwrap(), b"ok");
    }
}
