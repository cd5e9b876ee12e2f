//! The top-level command run as a binary: arguments and pack errors (the TUI itself needs a
//! terminal and is tested through `update` and the screens).

mod needs;

use assert_cmd::Command;
use predicates::prelude::*;

fn dockerlings() -> Command {
    Command::cargo_bin("dockerlings").unwrap()
}

#[test]
fn missing_lessons_folder_exits_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-pack");
    dockerlings()
        .arg("--lessons")
        .arg(&missing)
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("does not exist")
                .and(predicate::str::contains("no-such-pack")),
        );
}

#[test]
fn empty_lessons_folder_exits_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a lesson").unwrap();
    dockerlings()
        .arg("--lessons")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no lessons in"));
}

#[test]
fn a_file_is_not_a_lessons_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lesson.md");
    std::fs::write(&file, "---\n").unwrap();
    dockerlings()
        .arg("--lessons")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a folder"));
}

#[test]
fn version_and_help() {
    dockerlings()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "dockerlings {}",
            env!("CARGO_PKG_VERSION")
        )));
    dockerlings()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("--lessons <DIR>"));
}

#[test]
fn unknown_arguments_are_usage_errors() {
    dockerlings()
        .arg("--frobnicate")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--frobnicate"));
}

/// Runs `shell` (with `$DL` set to the binary, `$PANIC` to examples/tui_panic) in a pseudo-terminal of 80x24 through
/// util-linux `script`, feeding `input`; returns everything written to the terminal.
/// `None` (with a printed reason) where `script` is unavailable.
fn in_pty(shell: &str, input: &str) -> Option<String> {
    use std::io::Write;
    use std::process::Stdio;
    let bin = assert_cmd::cargo::cargo_bin("dockerlings");
    let command = format!("stty cols 80 rows 24; {shell}");
    let child = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("PANIC", bin.with_file_name("examples").join("tui_panic"))
        .env("DL", bin)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        needs::skip("util-linux `script` is not available to make a pseudo-terminal");
        return None;
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    // A hung app must fail the test, not hang it.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("the app did not exit within 60 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let screen = String::from_utf8_lossy(&out.stdout).into_owned();
    // Every shell given here ends by echoing `exit=`; without it, `script` itself failed
    // (no pseudo-terminals in this sandbox, say), which is not the app's fault.
    if !screen.contains("exit=") {
        let err = String::from_utf8_lossy(&out.stderr);
        needs::skip(&format!("`script` could not run a pseudo-terminal: {err}"));
        return None;
    }
    Some(screen)
}

/// The app entered the alternate screen with mouse capture and left both, in that order.
fn assert_restored(screen: &str) {
    assert_restored_after_drawing(screen, "dockerlings");
}

fn assert_restored_after_drawing(screen: &str, drawn: &str) {
    let at = |seq: &str| {
        screen
            .find(seq)
            .unwrap_or_else(|| panic!("no {seq:?} in {screen:?}"))
    };
    assert!(
        at("\x1b[?1049h") < at("\x1b[?1000h"),
        "alternate screen, then mouse"
    );
    assert!(at("\x1b[?1000h") < at("\x1b[?1000l"), "mouse released");
    assert!(
        at("\x1b[?1000l") < at("\x1b[?1049l"),
        "alternate screen left last"
    );
    assert!(screen.contains(drawn), "{drawn:?} was drawn");
}

#[test]
fn starts_in_a_terminal_and_restores_it_on_q() {
    let Some(screen) = in_pty("\"$DL\"; echo \"exit=$?\"", "jq") else {
        return;
    };
    assert_restored(&screen);
    assert!(screen.contains("exit=0"), "{screen:?}");
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let shell = "\"$DL\" & pid=$!; sleep 3; kill -TERM $pid; wait $pid; echo \"exit=$?\"";
    let Some(screen) = in_pty(shell, "") else {
        return;
    };
    assert_restored(&screen);
    assert!(screen.contains("exit=143"), "{screen:?}");
}

#[test]
fn a_panic_restores_the_terminal_then_prints_its_message() {
    let example = assert_cmd::cargo::cargo_bin("dockerlings").with_file_name("examples");
    if !example.join("tui_panic").exists() {
        // `cargo test` builds examples; `cargo test --test cli_course` alone does not.
        needs::skip("examples/tui_panic is not built (run the whole `cargo test`)");
        return;
    }
    let Some(screen) = in_pty("\"$PANIC\"; echo \"exit=$?\"", "") else {
        return;
    };
    assert_restored_after_drawing(&screen, "dockerlings-panic-test");
    let left = screen.find("\x1b[?1049l").unwrap();
    let message = screen
        .find("deliberate panic to test the terminal restore")
        .unwrap_or_else(|| panic!("no panic message in {screen:?}"));
    assert!(
        left < message,
        "the message comes after the restore, on the normal screen"
    );
    assert!(screen.contains("exit=101"), "{screen:?}");
}

#[test]
fn a_bad_theme_in_the_config_is_reported_before_the_course_opens() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".dockerlings.yaml"), "theme: neon\n").unwrap();
    dockerlings()
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(".dockerlings.yaml")
                .and(predicate::str::contains("unknown theme `neon`")),
        );
    // The flag wins: the config is not read, and the missing pack is what gets reported.
    dockerlings()
        .current_dir(dir.path())
        .args(["--theme", "dark", "--lessons"])
        .arg(dir.path().join("missing"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"));
}

#[test]
fn without_a_terminal_the_course_says_so_instead_of_drawing_into_the_pipe() {
    let dir = tempfile::tempdir().unwrap();
    // stdout is a pipe here; the run must end (not wait for keys) with a message saying why.
    // (TERM=dumb would choose plain mode instead.)
    dockerlings()
        .arg("--progress-file")
        .arg(dir.path().join("p.json"))
        .env("TERM", "xterm")
        .timeout(std::time::Duration::from_secs(20))
        .write_stdin("")
        .assert()
        .failure()
        .stdout("")
        .stderr(predicate::str::contains(
            "the interactive screens need a terminal",
        ))
        .stderr(predicate::str::contains("--plain"));
}

/// Whether process `pid` is still running (a zombie left for a reaper counts as ended).
fn running(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        !stat
            .rsplit(')')
            .next()
            .unwrap_or("")
            .trim_start()
            .starts_with('Z')
    })
}

#[test]
fn the_app_ends_when_its_terminal_goes_away_without_a_sighup() {
    use std::process::Stdio;
    if !std::path::Path::new("/proc/self/stat").exists() {
        needs::skip("/proc is needed to see whether the app is still running");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("pid");
    // The app runs in a session of its own on the terminal, so killing `script` (closing the
    // terminal) sends it no hangup: it is left with a dead terminal and no signal, as under
    // `tmux kill-session`.
    let shell = format!(
        "stty cols 80 rows 24; setsid \"$DL\" --progress-file '{}' </dev/tty >/dev/tty 2>&1 & \
         echo $! > '{}'; wait",
        dir.path().join("p.json").display(),
        pid_file.display()
    );
    let child = std::process::Command::new("script")
        .args(["-qec", &shell, "/dev/null"])
        .env("DL", assert_cmd::cargo::cargo_bin("dockerlings"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let Ok(mut child) = child else {
        needs::skip("util-linux `script` is not available to make a pseudo-terminal");
        return;
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let pid = loop {
        match std::fs::read_to_string(&pid_file) {
            Ok(pid) if pid.ends_with('\n') => break pid.trim().to_string(),
            _ if std::time::Instant::now() > deadline => {
                let _ = child.kill();
                needs::skip("`script` could not run a pseudo-terminal");
                return;
            }
            _ => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    };
    std::thread::sleep(std::time::Duration::from_secs(2));
    child.kill().unwrap();
    child.wait().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while running(&pid) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    if running(&pid) {
        let _ = std::process::Command::new("kill")
            .args(["-9", &pid])
            .status();
        panic!("the app kept running after its terminal closed");
    }
}

#[test]
fn every_format_option_is_described_in_its_help() {
    for command in ["check", "rules", "lessons", "parse", "inspect"] {
        dockerlings()
            .args([command, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::is_match(r"--format <FORMAT>\s+Output format").unwrap());
    }
}

/// A fifo and a file far over the limit among the watched Dockerfiles: `watch` still draws,
/// answers `q`, and ends on SIGTERM with 143.
#[cfg(unix)]
#[test]
fn watch_answers_keys_and_signals_whatever_the_files_are() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("class");
    dockerlings()
        .args(["workshop", "init"])
        .arg(&dir)
        .assert()
        .success();
    let first = dir.join("exercises/01-msb-ex-name-the-stages/Dockerfile");
    std::fs::remove_file(&first).unwrap();
    if !std::process::Command::new("mkfifo")
        .arg(&first)
        .status()
        .is_ok_and(|s| s.success())
    {
        needs::skip("mkfifo is not available");
        return;
    }
    let second = dir.join("exercises/02-msb-ex-repair-from/Dockerfile");
    std::fs::File::create(&second)
        .unwrap()
        .set_len(64 * 1024 * 1024)
        .unwrap();
    let progress = tmp.path().join("progress.json");
    let run = format!(
        "\"$DL\" --progress-file {} watch {}",
        progress.display(),
        dir.display()
    );
    let Some(screen) = in_pty(&format!("{run}; echo \"exit=$?\""), "q") else {
        return;
    };
    assert_restored_after_drawing(&screen, "fifo");
    assert!(screen.contains("exit=0"), "{screen:?}");
    let shell = format!("{run} & pid=$!; sleep 3; kill -TERM $pid; wait $pid; echo \"exit=$?\"");
    let Some(screen) = in_pty(&shell, "") else {
        return;
    };
    assert!(screen.contains("exit=143"), "{screen:?}");
}

/// A progress file the session cannot use is said on the home screen, not only on stderr
/// behind the full screen.
#[test]
fn the_course_shows_when_progress_is_not_saved() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = format!(
        "\"$DL\" --progress-file {}; echo \"exit=$?\"",
        tmp.path().display()
    );
    let Some(screen) = in_pty(&shell, "q") else {
        return;
    };
    assert_restored_after_drawing(&screen, "progress not saved");
    assert!(screen.contains("exit=0"), "{screen:?}");
}
