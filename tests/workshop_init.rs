//! `dockerlings workshop init` run as a binary: the folder layout, the manifest, a pack on
//! disk copied in, and a learner's edits kept unless --force.

use std::path::Path;

use assert_cmd::Command;
use dockerlings::workshop::{MANIFEST, Manifest, Workshop};
use predicates::prelude::*;

fn dockerlings() -> Command {
    Command::cargo_bin("dockerlings").unwrap()
}

fn init(dir: &Path) -> Command {
    let mut cmd = dockerlings();
    cmd.arg("workshop").arg("init").arg(dir);
    cmd
}

#[test]
fn init_writes_exercise_folders_and_a_manifest() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("class");
    init(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("Wrote 14 exercises"));
    let manifest = Manifest::read(&dir).unwrap();
    assert_eq!(manifest.pack, "bundled");
    let first = &manifest.exercises[0];
    assert_eq!(first.folder, "01-msb-ex-name-the-stages");
    let folder = dir.join("exercises").join(&first.folder);
    for name in ["Dockerfile", "README.md", "go.mod", "main.go"] {
        assert!(folder.join(name).is_file(), "{name} missing");
    }
    let readme = std::fs::read_to_string(folder.join("README.md")).unwrap();
    assert!(
        readme.contains("## Requirements\n\n- at least 2 stages\n"),
        "{readme}"
    );
    // A context file named without contents gets a plausible one, in its subfolder.
    let store = dir.join("exercises/06-go-ex-cache-order/internal/store/store.go");
    assert_eq!(std::fs::read_to_string(store).unwrap(), "package store\n");
    let workshop = Workshop::open(&dir, None).unwrap();
    assert_eq!(workshop.exercises.len(), 14);
}

#[test]
fn edited_dockerfile_is_kept_unless_forced() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    init(dir).assert().success();
    let dockerfile = dir.join("exercises/02-msb-ex-repair-from/Dockerfile");
    let starter = std::fs::read_to_string(&dockerfile).unwrap();
    std::fs::write(&dockerfile, "FROM my-work\n").unwrap();
    init(dir).assert().code(1).stderr(
        predicate::str::contains("not overwriting 1 file")
            .and(predicate::str::contains("02-msb-ex-repair-from"))
            .and(predicate::str::contains("--force")),
    );
    assert_eq!(
        std::fs::read_to_string(&dockerfile).unwrap(),
        "FROM my-work\n"
    );
    init(dir)
        .arg("--force")
        .assert()
        .success()
        .stderr(predicate::str::contains("overwrote your edits"));
    assert_eq!(std::fs::read_to_string(&dockerfile).unwrap(), starter);
}

#[test]
fn files_in_the_way_without_a_manifest_count_as_edits() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let folder = dir.join("exercises/01-msb-ex-name-the-stages");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("Dockerfile"), "FROM someone-elses\n").unwrap();
    init(dir).assert().code(1);
    assert!(!dir.join(MANIFEST).exists());
}

#[test]
fn a_pack_on_disk_is_copied_into_the_workshop() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ws");
    let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    dockerlings()
        .arg("--lessons")
        .arg(&pack)
        .args(["workshop", "init"])
        .arg(&dir)
        .assert()
        .success();
    let manifest = Manifest::read(&dir).unwrap();
    assert_eq!(manifest.pack, ".dockerlings/lessons");
    assert!(
        dir.join(".dockerlings/lessons/01-multi-stage-basics.quiz.yaml")
            .is_file()
    );
    // The copy is what `watch` reads, so the folder works wherever it is moved.
    let moved = tmp.path().join("moved");
    std::fs::rename(&dir, &moved).unwrap();
    assert_eq!(Workshop::open(&moved, None).unwrap().exercises.len(), 14);
}

#[test]
fn a_missing_pack_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    dockerlings()
        .arg("--lessons")
        .arg(tmp.path().join("nope"))
        .args(["workshop", "init"])
        .arg(tmp.path().join("ws"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"));
}
