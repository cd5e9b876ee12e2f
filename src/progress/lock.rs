//! A lock file beside the progress file, so two dockerlings processes never interleave a
//! read-merge-write. Created with `create_new` (atomic on every platform we target); a lock
//! older than [`STALE_AFTER`] is taken to be left by a crashed process and removed, since a
//! save holds the lock for milliseconds.

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
pub struct LockGuard {
    path: PathBuf,
}

impl LockGuard {
    /// Waits up to a few seconds for the lock at `path`.
    pub fn acquire(path: &Path) -> io::Result<LockGuard> {
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
                    if is_stale(path) {
                        let _ = fs::remove_file(path);
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

fn is_stale(path: &Path) -> bool {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok())
        .is_some_and(|age| age > STALE_AFTER)
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
