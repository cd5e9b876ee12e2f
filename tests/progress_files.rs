//! The progress file's edge cases on a real disk, through the binary: paths that are not
//! regular files, a folder it cannot write, a lock left over by a crashed process.

mod needs;

use std::fs;
use std::path::Path;
use std::process::Command as StdCommand;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use dockerlings::progress::Store;
use predicates::str::contains;

fn dockerlings() -> Command {
    Command::cargo_bin("dockerlings").unwrap()
}

fn saved(path: &Path) {
    let (mut store, _) = Store::open(path).unwrap();
    store
        .progress_mut()
        .record_answer("multi-stage-basics", "q", true);
    store.save().unwrap();
}

#[cfg(unix)]
#[test]
fn a_device_as_progress_file_is_refused_never_renamed() {
    use std::os::unix::fs::FileTypeExt;
    dockerlings()
        .args(["progress", "--progress-file", "/dev/null"])
        .assert()
        .success()
        .stdout(contains("multi-stage-basics"))
        .stderr(contains("/dev/null is a device, not a regular file"));
    dockerlings()
        .args(["reset", "--yes", "--progress-file", "/dev/null"])
        .assert()
        .code(1)
        .stderr(contains("not be saved"));
    let meta = fs::symlink_metadata("/dev/null").unwrap();
    assert!(meta.file_type().is_char_device());
    assert!(!Path::new("/dev/null.lock").exists());
}

#[test]
fn a_directory_as_progress_file_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("progress.json");
    fs::create_dir(&target).unwrap();
    dockerlings()
        .args(["reset", "--yes", "--progress-file"])
        .arg(&target)
        .assert()
        .code(1)
        .stderr(contains("is a directory, not a regular file"));
    assert!(target.is_dir());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[cfg(unix)]
#[test]
fn a_symlinked_progress_file_is_read_but_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.json");
    saved(&real);
    let before = fs::read(&real).unwrap();
    let link = dir.path().join("progress.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    dockerlings()
        .args(["reset", "--yes", "--progress-file"])
        .arg(&link)
        .assert()
        .code(1)
        .stderr(contains("is a symbolic link"));
    assert_eq!(fs::read(&real).unwrap(), before);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_huge_progress_file_stops_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let file = fs::File::create(&path).unwrap();
    file.set_len(17 * 1024 * 1024).unwrap();
    dockerlings()
        .args(["progress", "--progress-file"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains(
            "larger than 16 MiB, the limit for a progress file",
        ));
    assert_eq!(fs::metadata(&path).unwrap().len(), 17 * 1024 * 1024);
}

/// A lock whose owner is gone is taken over at once, not waited on for seconds.
#[cfg(unix)]
#[test]
fn a_fresh_lock_left_by_a_crashed_process_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    saved(&path);
    let mut child = StdCommand::new("true").spawn().unwrap();
    let gone = child.id();
    child.wait().unwrap();
    fs::write(dir.path().join("progress.json.lock"), format!("{gone}\n")).unwrap();
    let started = Instant::now();
    dockerlings()
        .args(["reset", "--yes", "--progress-file"])
        .arg(&path)
        .assert()
        .success();
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    assert!(!dir.path().join("progress.json.lock").exists());
}

/// Runs `dockerlings ARGS` as a user who cannot write `dir` (root writes anywhere, so as
/// root the command runs as nobody through setpriv); None when that cannot be arranged.
#[cfg(unix)]
fn in_read_only_folder(dir: &Path, args: &[&str]) -> Option<std::process::Output> {
    use std::os::unix::fs::PermissionsExt;
    let bin = assert_cmd::cargo::cargo_bin("dockerlings");
    let root = unsafe { libc::geteuid() } == 0;
    let mut perms = fs::metadata(dir).unwrap().permissions();
    perms.set_mode(0o555);
    fs::set_permissions(dir, perms).unwrap();
    let mut cmd = if root {
        let mut cmd = StdCommand::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        cmd
    } else {
        StdCommand::new(&bin)
    };
    let output = cmd.args(args).current_dir(dir).env("HOME", dir).output();
    let mut perms = fs::metadata(dir).unwrap().permissions();
    perms.set_mode(0o755);
    fs::set_permissions(dir, perms).unwrap();
    match output {
        Ok(output) => Some(output),
        Err(err) => {
            needs::skip(&format!("cannot run as an unprivileged user ({err})"));
            None
        }
    }
}

#[cfg(unix)]
#[test]
fn progress_and_export_read_a_folder_they_cannot_write() {
    use std::os::unix::fs::PermissionsExt;
    let outer = tempfile::tempdir().unwrap();
    fs::set_permissions(outer.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let dir = outer.path().join("ro");
    fs::create_dir(&dir).unwrap();
    let path = dir.join("progress.json");
    saved(&path);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let path = path.to_str().unwrap();
    let Some(shown) = in_read_only_folder(&dir, &["progress", "--progress-file", path]) else {
        return;
    };
    let stderr = String::from_utf8_lossy(&shown.stderr);
    assert!(shown.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&shown.stdout).contains("multi-stage-basics"));
    let exported = in_read_only_folder(
        &dir,
        &[
            "progress",
            "--progress-file",
            path,
            "--export",
            "json",
            "--name",
            "Ada",
        ],
    )
    .unwrap();
    let stderr = String::from_utf8_lossy(&exported.stderr);
    assert!(exported.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&exported.stdout).contains("\"Ada\""));
    // A write still needs the folder, and says so instead of pretending.
    let reset = in_read_only_folder(&dir, &["reset", "--yes", "--progress-file", path]).unwrap();
    assert_eq!(reset.status.code(), Some(1));
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
}
