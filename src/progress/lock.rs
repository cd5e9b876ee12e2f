//! A lock file beside the progress file, so two dockerlings processes never interleave a
//! read-merge-write. Created with `create_new` (atomic on every platform we target) and holding
//! its owner's PID. A lock is left over by a crashed process, and taken over, when its owner
//! is gone (unix), when it holds no PID after a moment, or when it is older than
//! [`STALE_AFTER`] (a save holds the lock for milliseconds). Only writers lock: every write is
//! an atomic rename, so a reader always sees a whole file.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

const STALE_AFTER: Duration = Duration::from_secs(10);
const WAIT_AT_MOST: Duration = Duration::from_secs(5);
const POLL_EVERY: Duration = Duration::from_millis(5);

/// Held while the lock file exists; dropping it removes the file.
#[derive(Debug)]
pub(crate) struct LockGuard {
    path: PathBuf,
}

impl LockGuard {
    /// Waits up to a few seconds for the lock at `path`.
    pub(crate) fn acquire(path: &Path) -> io::Result<LockGuard> {
        let started = Instant::now();
        loop {
            match OpenOptions::new().write(true).create_new(true).open(path) {
                Ok(mut file) => {
                    // The PID is for a human who finds a leftover lock; nothing reads it.
                    let _ = writeln!(file, "{}", std::process::id());
                    return Ok(LockGuard {
                        path: path.to_path_buf(),
                    });
                }
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
                    if let Some(seen) = stale_contents(path) {
                        take_over(path, &seen);
                        continue;
                    }
                    if started.elapsed() > WAIT_AT_MOST {
                        return Err(io::Error::new(
                            io::ErrorKind::WouldBlock,
                            format!(
                                "{} is held by another dockerlings; remove it if none is running",
                                path.display()
                            ),
                        ));
                    }
                    thread::sleep(POLL_EVERY);
                }
                Err(err) => return Err(err),
            }
        }
    }
}

/// A lock that holds no PID yet is being written by its owner, unless it stays so this long.
const UNWRITTEN_AFTER: Duration = Duration::from_secs(1);

/// The lock's contents when it was left over, so [`take_over`] can tell it from a fresh one.
fn stale_contents(path: &Path) -> Option<String> {
    let age = fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok())
        .unwrap_or_default();
    let contents = fs::read_to_string(path).unwrap_or_default();
    let stale = match contents.trim().parse::<u32>() {
        Ok(pid) => age > STALE_AFTER || !process_alive(pid),
        Err(_) => age > UNWRITTEN_AFTER,
    };
    stale.then_some(contents)
}

/// Removes a left-over lock without ever removing a fresh one that another process created
/// meanwhile: the lock is renamed away first, and put back if it is not the one judged stale.
fn take_over(path: &Path, seen: &str) {
    let aside = path.with_extension(format!("stale-{}", std::process::id()));
    if fs::rename(path, &aside).is_err() {
        return;
    }
    if fs::read_to_string(&aside).unwrap_or_default() != seen {
        // hard_link fails if a lock exists again, which then wins; either way one lock stands.
        let _ = fs::hard_link(&aside, path);
    }
    let _ = fs::remove_file(&aside);
}

/// Whether process `pid` still runs. Signal 0 checks without signalling; EPERM means it runs
/// as someone else. Elsewhere, only the age of a lock tells.
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: kill with signal 0 sends nothing; it only checks the process exists.
        let found = unsafe { libc::kill(pid, 0) } == 0;
        found || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_holder_waits_until_the_first_drops() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.lock");
        let first = LockGuard::acquire(&path).unwrap();
        let path2 = path.clone();
        let waiter = thread::spawn(move || {
            let started = Instant::now();
            let _second = LockGuard::acquire(&path2).unwrap();
            started.elapsed()
        });
        thread::sleep(Duration::from_millis(50));
        drop(first);
        let waited = waiter.join().unwrap();
        assert!(waited >= Duration::from_millis(40), "waited {waited:?}");
        assert!(!path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_fresh_lock_of_a_gone_process_is_taken_over_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.lock");
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let gone = child.id();
        child.wait().unwrap();
        fs::write(&path, format!("{gone}\n")).unwrap();
        let started = Instant::now();
        let _guard = LockGuard::acquire(&path).unwrap();
        assert!(started.elapsed() < Duration::from_secs(1));
        assert_eq!(
            fs::read_to_string(&path).unwrap().trim(),
            std::process::id().to_string()
        );
    }

    #[test]
    fn a_fresh_lock_of_a_live_process_is_respected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.lock");
        fs::write(&path, format!("{}\n", std::process::id())).unwrap();
        assert!(stale_contents(&path).is_none());
        take_over(&path, "someone else\n");
        assert!(
            path.exists(),
            "a lock that changed since it was judged stays"
        );
    }

    #[test]
    fn a_stale_lock_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.lock");
        let file = fs::File::create(&path).unwrap();
        file.set_modified(SystemTime::now() - Duration::from_secs(60))
            .unwrap();
        drop(file);
        let started = Instant::now();
        let _guard = LockGuard::acquire(&path).unwrap();
        assert!(started.elapsed() < Duration::from_secs(1));
    }
}
