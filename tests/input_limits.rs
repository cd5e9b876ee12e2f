//! Hostile inputs through the binary: a device, a fifo, an endless standard input and a file
//! over the limit stop at once with one clear error (exit 2), whichever command reads them.

mod needs;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::str::contains;

fn dockerlings() -> Command {
    Command::cargo_bin("dockerlings").unwrap()
}

/// A sparse file just over the Dockerfile limit (1 MiB).
fn oversized(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("Dockerfile");
    let mut file = fs::File::create(&path).unwrap();
    file.write_all(b"FROM alpine\n").unwrap();
    file.set_len(1024 * 1024 + 1).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn a_device_is_refused_by_every_reader() {
    for args in [
        &["check", "/dev/zero"][..],
        &["parse", "/dev/zero"],
        &["inspect", "/dev/zero"],
        &["notes", "/dev/zero"],
    ] {
        let assert = dockerlings()
            .args(args)
            .timeout(Duration::from_secs(20))
            .assert();
        let out = assert.get_output();
        let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
        assert!(
            text.contains("a device, not a regular file"),
            "{args:?}: {text}"
        );
        assert_ne!(out.status.code(), Some(0), "{args:?}");
    }
    dockerlings()
        .args(["progress", "--merge", "/dev/zero"])
        .assert()
        .code(1)
        .stderr(contains("a device, not a regular file"));
}

#[test]
fn a_file_over_the_limit_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = oversized(dir.path());
    refused_by_each_reader(
        &path,
        "larger than 1 MiB, the limit for a Dockerfile (real ones are a few KB; 1 MB is already huge)",
    );
}

/// `check` (its report on stdout), `parse` and `inspect` (stderr) refuse `path`, exit 2.
fn refused_by_each_reader(path: &Path, message: &str) {
    for command in ["parse", "inspect"] {
        dockerlings()
            .arg(command)
            .arg(path)
            .assert()
            .code(2)
            .stderr(contains(message));
    }
    dockerlings()
        .arg("check")
        .arg(path)
        .assert()
        .code(2)
        .stdout(contains(message));
}

/// Standard input that never ends is read up to the limit, then refused.
#[test]
fn an_endless_standard_input_stops_at_the_limit() {
    for command in ["check", "parse", "inspect"] {
        let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("dockerlings"))
            .args([command, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let feeder = std::thread::spawn(move || {
            let chunk = b"RUN echo endless\n".repeat(1024);
            // Ends when the reader closes the pipe.
            while stdin.write_all(&chunk).is_ok() {}
        });
        let started = Instant::now();
        let out = child.wait_with_output().unwrap();
        feeder.join().unwrap();
        let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command}: {text}");
        assert!(text.contains("larger than 1 MiB"), "{command}: {text}");
        assert!(started.elapsed() < Duration::from_secs(20));
    }
}

#[test]
fn parse_calls_a_file_with_nul_bytes_binary_like_check_and_inspect() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Dockerfile");
    fs::write(&path, b"FROM alpine\nRUN a\0b\n").unwrap();
    refused_by_each_reader(&path, "binary file (contains a NUL byte)");
    dockerlings()
        .arg("parse")
        .arg(&path)
        .assert()
        .stderr(contains(":2:6: binary file"));
}

/// A fifo with no writer would block a plain open for ever; it is refused at once.
#[cfg(unix)]
#[test]
fn a_fifo_never_blocks_a_reader() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("Dockerfile");
    if !StdCommand::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        needs::skip("mkfifo is not available");
        return;
    }
    for command in ["check", "parse"] {
        let out = dockerlings()
            .arg(command)
            .arg(&fifo)
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command}: {text}");
        assert!(
            text.contains("a named pipe (fifo), not a regular file"),
            "{text}"
        );
    }
}

/// Each reader of the course keeps its limit: a huge lesson, a device as its quiz, a huge
/// `.dockerlings.yaml`.
#[cfg(unix)]
#[test]
fn course_files_and_the_config_are_read_with_limits() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    fs::create_dir(&pack).unwrap();
    fs::copy("lessons/01-multi-stage-basics.md", pack.join("01-a.md")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", pack.join("01-a.quiz.yaml")).unwrap();
    let huge = fs::File::create(pack.join("02-b.md")).unwrap();
    huge.set_len(1024 * 1024 + 1).unwrap();
    dockerlings()
        .arg("verify-lessons")
        .arg(&pack)
        .timeout(Duration::from_secs(20))
        .assert()
        .failure()
        .stdout(contains(
            "02-b.md:1: cannot read: larger than 1 MiB, the limit for a lesson",
        ))
        .stdout(contains(
            "01-a.quiz.yaml:1: cannot read: a device, not a regular file",
        ));
    let project = dir.path().join("project");
    fs::create_dir(&project).unwrap();
    fs::write(project.join("Dockerfile"), "FROM alpine:3.20\n").unwrap();
    let config = fs::File::create(project.join(".dockerlings.yaml")).unwrap();
    config.set_len(256 * 1024 + 1).unwrap();
    dockerlings()
        .arg("check")
        .arg(&project)
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(contains(
            "larger than 256 KiB, the limit for a .dockerlings.yaml",
        ));
}
