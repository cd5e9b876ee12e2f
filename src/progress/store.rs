//! The progress file on disk: load, save, reset, never losing what is there.
//!
//! - Writes are atomic ([`super::atomic`]).
//! - A file that is not valid progress (truncated, corrupt, hand-edited wrong) is moved aside to
//!   `<name>.corrupt-<unix seconds>` with a [`Notice`]; it is never overwritten.
//! - A file from a newer dockerlings (larger `schema_version`) is left untouched; the store turns
//!   read-only, says so, and the app runs without saving.
//! - A path that is not a regular file (a directory, a device such as `/dev/null`, a fifo, a
//!   symbolic link) is never read as progress, renamed or replaced; the store turns read-only.
//! - Reading takes no lock (every write is an atomic rename, so a read sees a whole file), so
//!   `progress` works in a folder it cannot write.
//! - Two processes saving at once: every save happens under a lock file and merges our changes
//!   since we last read the file into what is on disk now ([`Progress::merge_from`]), so neither
//!   side's answers are lost or silently replaced.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Deserialize;

use super::lock::LockGuard;
use super::model::{Progress, SCHEMA_VERSION};
use crate::safe_fs::{Kind, describe, read_limited, write_atomic};

/// Something the learner should be told about their progress file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The file could not be read as progress and was moved aside; progress starts afresh.
    MovedAside {
        file: PathBuf,
        moved_to: PathBuf,
        reason: String,
    },
    /// The file was written by a newer dockerlings; it is kept as it is and nothing is saved.
    FutureVersion {
        file: PathBuf,
        found: u32,
        supported: u32,
    },
    /// The path is not a regular file; it is left alone and nothing is saved.
    NotRegular { file: PathBuf, what: &'static str },
    /// The file cannot be written (no lock can be made beside it); nothing is saved.
    Unwritable { file: PathBuf, reason: String },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::MovedAside {
                file,
                moved_to,
                reason,
            } => write!(
                f,
                "progress file {} could not be read ({reason}); it was moved to {} and progress starts afresh",
                file.display(),
                moved_to.display()
            ),
            Notice::FutureVersion {
                file,
                found,
                supported,
            } => write!(
                f,
                "progress file {} has schema version {found}, newer than this dockerlings understands ({supported}); \
                 it is left untouched and progress will not be saved this session",
                file.display()
            ),
            Notice::NotRegular { file, what } => write!(
                f,
                "progress file {} is {what}, not a regular file; it is left alone and progress \
                 will not be saved this session (give --progress-file a regular file)",
                file.display()
            ),
            Notice::Unwritable { file, reason } => write!(
                f,
                "progress file {} cannot be written ({reason}); progress will not be saved this session",
                file.display()
            ),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot read progress file {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot save progress to {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("progress is not being saved: {reason}")]
    ReadOnly { reason: String },
}

/// The learner's progress and where it lives.
#[derive(Debug)]
pub struct Store {
    path: Option<PathBuf>,
    /// What the file held when we last read or wrote it: the base of the merge on save.
    base: Progress,
    current: Progress,
    read_only: Option<String>,
}

/// What the file on disk holds right now.
enum OnDisk {
    Missing,
    Valid(Progress),
    Corrupt(String),
    Future(u32),
    NotRegular(&'static str, Progress),
}

impl Store {
    /// Opens the progress file at `path` (a missing file is empty progress). Problems the
    /// learner should hear about come back as notices; only I/O failures are errors.
    pub fn open(path: &Path) -> Result<(Store, Vec<Notice>), StoreError> {
        let mut store = Store {
            path: Some(path.to_path_buf()),
            base: Progress::default(),
            current: Progress::default(),
            read_only: None,
        };
        let mut notices = Vec::new();
        // Only a corrupt file needs the lock at once: it is moved aside, which is a write.
        let _lock = match read_disk(path)? {
            OnDisk::Corrupt(_) => store.lock()?,
            _ => None,
        };
        let disk = store.read_and_settle(&mut notices)?;
        store.base = disk.clone();
        store.current = disk;
        Ok((store, notices))
    }

    /// For a session that will save: makes sure files can be created beside the progress file
    /// (its lock, the temporary file of a save), so a folder it cannot write is known now, not
    /// at the first save. When they cannot, the store turns read-only and the notice says why.
    /// A probe file, not the lock, so a save running elsewhere does not delay the start.
    pub(crate) fn check_writable(&mut self) -> Option<Notice> {
        let path = self.path.clone().filter(|_| self.read_only.is_none())?;
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let probe = dir.join(format!(".{name}.probe-{}", std::process::id()));
        let made = fs::create_dir_all(&dir).and_then(|()| {
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&probe)
        });
        let err = match made {
            Ok(_) => {
                let _ = fs::remove_file(&probe);
                return None;
            }
            Err(err) => err,
        };
        let notice = Notice::Unwritable {
            file: path,
            reason: format!("cannot create files in {}: {err}", dir.display()),
        };
        self.read_only = Some(notice.to_string());
        Some(notice)
    }

    /// Progress kept in memory only (no data directory, or tests); saving is refused with `reason`.
    pub fn unsaved(reason: impl Into<String>) -> Store {
        Store {
            path: None,
            base: Progress::default(),
            current: Progress::default(),
            read_only: Some(reason.into()),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Why nothing is being saved, if so.
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    pub fn progress(&self) -> &Progress {
        &self.current
    }

    pub fn progress_mut(&mut self) -> &mut Progress {
        &mut self.current
    }

    /// Whether there are changes not yet on disk.
    pub(crate) fn is_dirty(&self) -> bool {
        self.current != self.base
    }

    /// Writes our changes, merged with whatever another process saved meanwhile.
    pub fn save(&mut self) -> Result<Vec<Notice>, StoreError> {
        if !self.is_dirty() {
            return Ok(Vec::new());
        }
        self.rewrite(|_| {})
    }

    /// Erases one lesson's progress, or all of it, on disk and here.
    pub fn reset(&mut self, lesson: Option<&str>) -> Result<Vec<Notice>, StoreError> {
        self.rewrite(|p| p.reset(lesson))
    }

    /// Under the lock: read the disk, merge our changes in, apply `change`, write.
    fn rewrite(&mut self, change: impl FnOnce(&mut Progress)) -> Result<Vec<Notice>, StoreError> {
        if let Some(reason) = &self.read_only {
            return Err(StoreError::ReadOnly {
                reason: reason.clone(),
            });
        }
        let mut notices = Vec::new();
        let _lock = self.lock()?;
        let mut merged = self.read_and_settle(&mut notices)?;
        if let Some(reason) = &self.read_only {
            return Err(StoreError::ReadOnly {
                reason: reason.clone(),
            });
        }
        merged.merge_from(&self.base, &self.current);
        change(&mut merged);
        merged.schema_version = SCHEMA_VERSION;
        merged.revision += 1;
        let path = self.path.clone().expect("a writable store has a path");
        let json = serde_json::to_string_pretty(&merged).expect("progress always serialises");
        write_atomic(&path, json.as_bytes())
            .map_err(|source| StoreError::Write { path, source })?;
        self.base = merged.clone();
        self.current = merged;
        Ok(notices)
    }

    fn lock(&self) -> Result<Option<LockGuard>, StoreError> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        let lock_path = path.with_file_name(name);
        if let Some(dir) = lock_path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|source| StoreError::Write {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        LockGuard::acquire(&lock_path)
            .map(Some)
            .map_err(|source| StoreError::Write {
                path: path.clone(),
                source,
            })
    }

    /// Reads the file and deals with what is wrong with it: a corrupt file is moved aside, a
    /// future one makes the store read-only. Returns the progress to build on.
    fn read_and_settle(&mut self, notices: &mut Vec<Notice>) -> Result<Progress, StoreError> {
        let Some(path) = self.path.clone() else {
            return Ok(Progress::default());
        };
        match read_disk(&path)? {
            OnDisk::Missing => Ok(Progress::default()),
            OnDisk::Valid(progress) => Ok(progress),
            OnDisk::Corrupt(reason) => {
                let moved_to = move_aside(&path)?;
                notices.push(Notice::MovedAside {
                    file: path,
                    moved_to,
                    reason,
                });
                Ok(Progress::default())
            }
            OnDisk::NotRegular(what, progress) => {
                let notice = Notice::NotRegular { file: path, what };
                self.read_only = Some(notice.to_string());
                notices.push(notice);
                Ok(progress)
            }
            OnDisk::Future(found) => {
                let notice = Notice::FutureVersion {
                    file: path,
                    found,
                    supported: SCHEMA_VERSION,
                };
                self.read_only = Some(notice.to_string());
                notices.push(notice);
                Ok(Progress::default())
            }
        }
    }
}

fn read_disk(path: &Path) -> Result<OnDisk, StoreError> {
    let read_error = |source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    };
    match fs::symlink_metadata(path) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(OnDisk::Missing),
        Err(source) => return Err(read_error(source)),
        Ok(meta) if meta.file_type().is_symlink() => {
            // Read what the link points to if that is progress, but never write through it.
            let progress = match read_limited(path, Kind::Progress).map(|b| parse(&b)) {
                Ok(OnDisk::Valid(progress)) => progress,
                _ => Progress::default(),
            };
            return Ok(OnDisk::NotRegular("a symbolic link", progress));
        }
        Ok(meta) if !meta.file_type().is_file() => {
            return Ok(OnDisk::NotRegular(
                describe(meta.file_type()),
                Progress::default(),
            ));
        }
        Ok(_) => {}
    }
    match read_limited(path, Kind::Progress) {
        Ok(bytes) => Ok(parse(&bytes)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(OnDisk::Missing),
        Err(source) => Err(read_error(source)),
    }
}

/// What the bytes of a progress file hold.
fn parse(bytes: &[u8]) -> OnDisk {
    // The version is read on its own first: a newer schema may not parse as ours at all.
    #[derive(Deserialize)]
    struct Header {
        schema_version: Option<u32>,
    }
    let header: Header = match serde_json::from_slice(bytes) {
        Ok(header) => header,
        Err(err) => return OnDisk::Corrupt(err.to_string()),
    };
    match header.schema_version {
        None => OnDisk::Corrupt("no schema_version".into()),
        Some(v) if v > SCHEMA_VERSION => OnDisk::Future(v),
        Some(_) => match serde_json::from_slice::<Progress>(bytes) {
            Ok(mut progress) => {
                progress.follow_moves();
                OnDisk::Valid(progress)
            }
            Err(err) => OnDisk::Corrupt(err.to_string()),
        },
    }
}

/// Renames the file to `<name>.corrupt-<unix seconds>[-N]`, never replacing an earlier one.
/// Only a regular file is ever moved: anything else at the path is left where it is.
fn move_aside(path: &Path) -> Result<PathBuf, StoreError> {
    if !fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file()) {
        return Err(StoreError::Write {
            path: path.to_path_buf(),
            source: io::Error::new(
                io::ErrorKind::InvalidInput,
                "no longer a regular file; left where it is",
            ),
        });
    }
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut n = 0;
    loop {
        let suffix = if n == 0 {
            String::new()
        } else {
            format!("-{n}")
        };
        let target = path.with_file_name(format!("{name}.corrupt-{secs}{suffix}"));
        if !target.exists() {
            return fs::rename(path, &target)
                .map(|()| target)
                .map_err(|source| StoreError::Write {
                    path: path.to_path_buf(),
                    source,
                });
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_is_empty_progress_and_first_save_creates_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/progress.json");
        let (mut store, notices) = Store::open(&path).unwrap();
        assert!(notices.is_empty());
        assert!(store.progress().lessons.is_empty());
        store.progress_mut().record_answer("l", "q", true);
        store.save().unwrap();
        let (again, _) = Store::open(&path).unwrap();
        assert!(again.progress().question("l", "q").unwrap().correct);
        assert_eq!(again.progress().revision, 1);
        assert!(!path.with_file_name("progress.json.lock").exists());
    }

    #[test]
    fn unsaved_store_refuses_to_save() {
        let mut store = Store::unsaved("no data directory");
        store.progress_mut().record_hint("l", "q");
        assert!(matches!(store.save(), Err(StoreError::ReadOnly { .. })));
    }

    #[test]
    fn reset_one_lesson_keeps_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        let (mut store, _) = Store::open(&path).unwrap();
        store.progress_mut().record_answer("a", "q", true);
        store.progress_mut().record_answer("b", "q", true);
        store.save().unwrap();
        store.reset(Some("a")).unwrap();
        let (again, _) = Store::open(&path).unwrap();
        assert!(!again.progress().lessons.contains_key("a"));
        assert!(again.progress().lessons.contains_key("b"));
    }

    #[test]
    fn a_writable_folder_passes_the_probe_and_keeps_no_trace() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        let (mut store, _) = Store::open(&path).unwrap();
        assert_eq!(store.check_writable(), None);
        assert!(store.read_only_reason().is_none());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    /// Root writes anywhere, so the refusal is only seen as another user.
    #[cfg(unix)]
    #[test]
    fn a_folder_it_cannot_write_makes_the_session_read_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
        let writable = fs::File::create(dir.path().join("probe")).is_ok();
        let path = dir.path().join("p.json");
        let (mut store, _) = Store::open(&path).unwrap();
        let notice = store.check_writable();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        if writable {
            println!("skipped: this user can write a read-only folder (root)");
            return;
        }
        let notice = notice.expect("a notice").to_string();
        assert!(notice.contains("cannot create files in"), "{notice}");
        assert!(store.read_only_reason().is_some());
    }
}
