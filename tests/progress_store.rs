//! The progress file survives what real disks and real learners do to it: truncation,
//! corruption, a newer dockerlings, and two dockerlings saving at the same time.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use dockerlings::progress::{Notice, SCHEMA_VERSION, Store, StoreError};

fn saved_file(dir: &Path) -> PathBuf {
    let path = dir.join("progress.json");
    let (mut store, _) = Store::open(&path).unwrap();
    store.progress_mut().record_answer("lesson", "q1", true);
    store.progress_mut().record_hint("lesson", "q2");
    store.save().unwrap();
    path
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn assert_moved_aside_intact(dir: &Path, path: &Path, damaged: &[u8]) {
    let (mut store, notices) = Store::open(path).unwrap();
    let [Notice::MovedAside { moved_to, .. }] = notices.as_slice() else {
        panic!("expected one moved-aside notice, got {notices:?}");
    };
    assert!(
        moved_to
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("progress.json.corrupt-"),
        "{}",
        moved_to.display()
    );
    assert_eq!(fs::read(moved_to).unwrap(), damaged, "kept byte for byte");
    assert!(store.progress().lessons.is_empty());
    assert!(notices[0].to_string().contains("moved to"));

    // Saving afresh writes a new file and leaves the damaged one where it was put.
    store.progress_mut().record_answer("lesson", "q3", false);
    store.save().unwrap();
    assert!(path.exists());
    assert_eq!(fs::read(moved_to).unwrap(), damaged);
    assert_eq!(files_in(dir).len(), 2, "{:?}", files_in(dir));
}

#[test]
fn truncated_file_is_moved_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_file(dir.path());
    let full = fs::read(&path).unwrap();
    let truncated = &full[..full.len() / 2];
    fs::write(&path, truncated).unwrap();
    assert_moved_aside_intact(dir.path(), &path, truncated);
}

#[test]
fn corrupt_file_is_moved_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_file(dir.path());
    for damaged in [
        &b"\x00\xffnot json at all"[..],
        br#"{"schema_version": 1, "lessons": {"l": {"questions": {"q": {"attempts": "many"}}}}}"#,
        br#"{"lessons": {}}"#,
    ] {
        fs::write(&path, damaged).unwrap();
        let sub = tempfile::tempdir().unwrap();
        let copy = sub.path().join("progress.json");
        fs::copy(&path, &copy).unwrap();
        assert_moved_aside_intact(sub.path(), &copy, damaged);
    }
}

#[test]
fn two_corrupt_files_in_one_second_both_survive() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    fs::write(&path, b"{").unwrap();
    Store::open(&path).unwrap();
    fs::write(&path, b"[").unwrap();
    Store::open(&path).unwrap();
    let aside: Vec<_> = files_in(dir.path())
        .into_iter()
        .filter(|n| n.contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 2, "{aside:?}");
}

#[test]
fn future_version_is_kept_untouched_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let future = format!(
        r#"{{"schema_version": {}, "learner": {{"streak": 3}}}}"#,
        SCHEMA_VERSION + 1
    );
    fs::write(&path, &future).unwrap();

    let (mut store, notices) = Store::open(&path).unwrap();
    assert!(matches!(
        notices.as_slice(),
        [Notice::FutureVersion { found, .. }] if *found == SCHEMA_VERSION + 1
    ));
    assert!(store.read_only_reason().unwrap().contains("newer"));
    store.progress_mut().record_answer("lesson", "q", true);
    assert!(matches!(store.save(), Err(StoreError::ReadOnly { .. })));
    assert!(matches!(
        store.reset(None),
        Err(StoreError::ReadOnly { .. })
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), future);
    assert_eq!(files_in(dir.path()), vec!["progress.json"]);
}

#[test]
fn a_newer_version_written_while_we_run_stops_our_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_file(dir.path());
    let (mut store, _) = Store::open(&path).unwrap();
    let future = format!(r#"{{"schema_version": {}}}"#, SCHEMA_VERSION + 5);
    fs::write(&path, &future).unwrap();
    store.progress_mut().record_answer("lesson", "q9", true);
    assert!(matches!(store.save(), Err(StoreError::ReadOnly { .. })));
    assert_eq!(fs::read_to_string(&path).unwrap(), future);
}

#[test]
fn saved_file_is_versioned_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_file(dir.path());
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["schema_version"], SCHEMA_VERSION);
    assert_eq!(
        json["lessons"]["lesson"]["questions"]["q1"]["correct"],
        true
    );
    assert_eq!(
        json["lessons"]["lesson"]["questions"]["q2"]["hints_used"],
        1
    );
}

#[test]
fn two_stores_in_one_process_merge_instead_of_replacing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let (mut a, _) = Store::open(&path).unwrap();
    let (mut b, _) = Store::open(&path).unwrap();
    a.progress_mut().record_answer("l", "qa", true);
    a.progress_mut().record_answer("l", "shared", false);
    b.progress_mut().record_answer("l", "qb", true);
    b.progress_mut().record_answer("l", "shared", true);
    a.save().unwrap();
    b.save().unwrap();
    let (c, _) = Store::open(&path).unwrap();
    let p = c.progress();
    assert!(p.question("l", "qa").unwrap().correct);
    assert!(p.question("l", "qb").unwrap().correct);
    let shared = p.question("l", "shared").unwrap();
    assert_eq!((shared.attempts, shared.correct), (2, true));
    assert_eq!(b.progress(), p, "the later saver now sees both");
}

const CHILD_ENV: &str = "DOCKERLINGS_PROGRESS_CHILD";
const SAVES_PER_CHILD: u32 = 40;

/// Run by `two_processes_saving_at_once_lose_nothing` in separate processes.
#[test]
#[ignore = "helper: run as a child process by two_processes_saving_at_once_lose_nothing"]
fn child_saver() {
    let spec = std::env::var(CHILD_ENV).expect("run by the parent test");
    let (name, path) = spec.split_once('=').unwrap();
    let (mut store, _) = Store::open(Path::new(path)).unwrap();
    for i in 0..SAVES_PER_CHILD {
        let p = store.progress_mut();
        p.record_answer("lesson", &format!("{name}-{i}"), true);
        p.record_answer("lesson", "shared", i % 2 == 0);
        p.add_time("lesson", "shared", 1);
        store.save().unwrap();
    }
}

#[test]
fn two_processes_saving_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = ["a", "b"]
        .iter()
        .map(|name| {
            Command::new(&exe)
                .args(["child_saver", "--exact", "--ignored", "--quiet"])
                .env(CHILD_ENV, format!("{name}={}", path.display()))
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let (store, notices) = Store::open(&path).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    let p = store.progress();
    for name in ["a", "b"] {
        for i in 0..SAVES_PER_CHILD {
            assert!(
                p.question("lesson", &format!("{name}-{i}")).is_some(),
                "{name}-{i} lost"
            );
        }
    }
    let shared = p.question("lesson", "shared").unwrap();
    assert_eq!(shared.attempts, 2 * SAVES_PER_CHILD);
    assert_eq!(shared.time_spent_ms, 2 * u64::from(SAVES_PER_CHILD));
    assert_eq!(p.revision, 2 * u64::from(SAVES_PER_CHILD));
    assert_eq!(files_in(dir.path()), vec!["progress.json"]);
}
