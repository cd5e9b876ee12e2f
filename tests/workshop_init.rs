//! `dockerlings workshop init` run as a binary: the folder layout, the manifest, a pack on
//! disk copied in, a learner's edits kept unless --force; it never writes or deletes through a
//! link, and refuses a pack whose context names cannot be files before it writes anything.

use std::path::Path;

use assert_cmd::Command;
use dockerlings::course::Course;
use dockerlings::quiz::{QuestionKind, QuizBook};
use dockerlings::workshop::{MANIFEST, Manifest, Workshop};
use predicates::prelude::*;

fn dockerlings() -> Command {
    Command::cargo_bin("dockerlings").unwrap()
}

/// The bundled pack's Dockerfile exercises: the count moves as lessons are written.
fn bundled_exercises() -> usize {
    let book = QuizBook::for_course(&Course::bundled());
    book.quizzes
        .iter()
        .flat_map(|q| &q.questions)
        .filter(|q| matches!(q.kind, QuestionKind::Dockerfile(_)))
        .count()
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
        .stdout(predicate::str::contains(format!(
            "Wrote {} exercises",
            bundled_exercises()
        )));
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
    let cache_order = manifest
        .exercises
        .iter()
        .find(|e| e.question == "go-ex-cache-order")
        .unwrap();
    let store = dir
        .join("exercises")
        .join(&cache_order.folder)
        .join("internal/store/store.go");
    assert_eq!(std::fs::read_to_string(store).unwrap(), "package store\n");
    let workshop = Workshop::open(&dir, None).unwrap();
    assert_eq!(workshop.exercises.len(), bundled_exercises());
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
    assert_eq!(
        Workshop::open(&moved, None).unwrap().exercises.len(),
        bundled_exercises()
    );
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

/// Every file under `dir` with its contents, links as `-> target`, for before/after checks.
fn tree(dir: &Path) -> Vec<(std::path::PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let shown = if meta.file_type().is_symlink() {
                format!("-> {}", std::fs::read_link(&path).unwrap().display())
            } else if meta.is_dir() {
                stack.push(path.clone());
                "/".to_string()
            } else {
                std::fs::read_to_string(&path).unwrap_or_default()
            };
            out.push((path, shown));
        }
    }
    out.sort();
    out
}

/// A folder outside the workshop, with something in it that must survive.
fn outside(tmp: &Path) -> std::path::PathBuf {
    let dir = tmp.join("outside");
    std::fs::create_dir_all(dir.join("keep")).unwrap();
    std::fs::write(dir.join("keep/precious.txt"), "mine\n").unwrap();
    dir
}

/// A copy of the fixture pack with its quiz's context line replaced.
fn pack_with_context(tmp: &Path, context: &str) -> std::path::PathBuf {
    let pack = tmp.join("pack");
    std::fs::create_dir_all(&pack).unwrap();
    let fixtures = Path::new("tests/fixtures/quiz-pack");
    std::fs::copy(fixtures.join("01-demo.md"), pack.join("01-demo.md")).unwrap();
    let quiz = std::fs::read_to_string(fixtures.join("01-demo.quiz.yaml")).unwrap();
    assert!(quiz.contains("context: [main.go, go.mod]"));
    let quiz = quiz.replace("context: [main.go, go.mod]", context);
    std::fs::write(pack.join("01-demo.quiz.yaml"), quiz).unwrap();
    pack
}

#[cfg(unix)]
#[test]
fn a_linked_pack_copy_folder_is_refused_and_its_target_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let outside = outside(tmp.path());
    let pack = pack_with_context(tmp.path(), "context: [main.go, go.mod]");
    let dir = tmp.path().join("class");
    std::fs::create_dir(&dir).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join(".dockerlings")).unwrap();
    std::fs::create_dir(outside.join("pack")).unwrap();
    let before = tree(&outside);
    init(&dir)
        .arg("--lessons")
        .arg(&pack)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(".dockerlings is a symbolic link"));
    assert_eq!(tree(&outside), before);
    assert!(!dir.join("exercises").exists(), "nothing is written");
}

#[cfg(unix)]
#[test]
fn force_never_overwrites_through_a_linked_dockerfile() {
    let tmp = tempfile::tempdir().unwrap();
    let outside = outside(tmp.path());
    let dir = tmp.path().join("class");
    init(&dir).assert().success();
    let dockerfile = dir.join("exercises/02-msb-ex-repair-from/Dockerfile");
    std::fs::remove_file(&dockerfile).unwrap();
    let target = outside.join("keep/precious.txt");
    std::os::unix::fs::symlink(&target, &dockerfile).unwrap();
    init(&dir)
        .arg("--force")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "02-msb-ex-repair-from/Dockerfile is a symbolic link",
        ));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine\n");
    // A dangling link is refused too, and creates nothing where it points.
    std::fs::remove_file(&dockerfile).unwrap();
    let nowhere = outside.join("created-by-init");
    std::os::unix::fs::symlink(&nowhere, &dockerfile).unwrap();
    init(&dir)
        .arg("--force")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a symbolic link"));
    assert!(std::fs::symlink_metadata(&nowhere).is_err());
}

#[cfg(unix)]
#[test]
fn a_linked_exercises_folder_sends_nothing_outside() {
    let tmp = tempfile::tempdir().unwrap();
    let outside = outside(tmp.path());
    let dir = tmp.path().join("class");
    std::fs::create_dir(&dir).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("exercises")).unwrap();
    let before = tree(&outside);
    init(&dir)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("exercises is a symbolic link"));
    assert_eq!(tree(&outside), before);
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "only the link");
}

#[test]
fn a_new_folder_appears_whole_with_no_staging_left() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("class");
    init(&dir).assert().success();
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["class"]);
    assert!(dir.join("dockerlings-workshop.yaml").is_file());
}

#[test]
fn context_names_that_cannot_be_files_are_refused_before_any_write() {
    for (context, problem) in [
        (
            "context: [a, a/b, go.mod]",
            "context file `a` is also the folder of `a/b`; it cannot be both",
        ),
        (
            "context: [\"main\\0.go\", go.mod]",
            "context file `main\\0.go`: it contains a NUL byte",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let pack = pack_with_context(tmp.path(), context);
        let dir = tmp.path().join("class");
        init(&dir)
            .arg("--lessons")
            .arg(&pack)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("nothing was written"))
            .stderr(predicate::str::contains(problem));
        assert!(!dir.exists(), "no partial folder for {context}");
        // An existing folder is left exactly as it was.
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("notes.txt"), "mine\n").unwrap();
        let before = tree(&dir);
        init(&dir).arg("--lessons").arg(&pack).assert().code(2);
        assert_eq!(tree(&dir), before);
        dockerlings()
            .arg("verify-lessons")
            .arg(&pack)
            .assert()
            .failure()
            .stdout(predicate::str::contains(problem));
    }
}

#[test]
fn a_pack_that_fails_verify_lessons_is_refused_and_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = pack_with_context(tmp.path(), "context: [main.go, go.mod]");
    let quiz = pack.join("01-demo.quiz.yaml");
    let text = std::fs::read_to_string(&quiz).unwrap();
    assert!(text.contains("min_stages: 2"));
    // The reference solution has two stages: it now fails its own requirement.
    std::fs::write(&quiz, text.replace("min_stages: 2", "min_stages: 3")).unwrap();
    let dir = tmp.path().join("class");
    init(&dir)
        .arg("--lessons")
        .arg(&pack)
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("nothing was written"))
        .stderr(predicate::str::contains(
            "reference solution 1 fails `min_stages`",
        ));
    assert!(!dir.exists(), "no partial workshop");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "mine\n").unwrap();
    let before = tree(&dir);
    init(&dir).arg("--lessons").arg(&pack).assert().code(1);
    assert_eq!(tree(&dir), before, "an existing folder is left as it was");
}

#[test]
fn folder_names_stay_put_when_the_pack_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = pack_with_context(tmp.path(), "context: [main.go, go.mod]");
    let quiz = pack.join("01-demo.quiz.yaml");
    let text = std::fs::read_to_string(&quiz).unwrap();
    let at = text.find("  - id: demo-exercise\n").unwrap();
    let (head, first) = text.split_at(at);
    let second = first.replace("id: demo-exercise\n", "id: demo-exercise-two\n");
    let third = first.replace("id: demo-exercise\n", "id: demo-exercise-three\n");
    let folders = |dir: &Path| -> Vec<(String, String)> {
        Manifest::read(dir)
            .unwrap()
            .exercises
            .into_iter()
            .map(|e| (e.question, e.folder))
            .collect()
    };
    let dir = tmp.path().join("class");
    std::fs::write(&quiz, format!("{head}{first}\n{second}")).unwrap();
    init(&dir).arg("--lessons").arg(&pack).assert().success();
    let pair = |q: &str, f: &str| (q.to_string(), f.to_string());
    assert_eq!(
        folders(&dir),
        [
            pair("demo-exercise", "01-demo-exercise"),
            pair("demo-exercise-two", "02-demo-exercise-two")
        ]
    );
    // The first exercise goes: the second keeps its folder (not renumbered to 01), so the
    // learner's work stays in the one folder that is watched.
    std::fs::write(&quiz, format!("{head}{second}")).unwrap();
    init(&dir).arg("--lessons").arg(&pack).assert().success();
    assert_eq!(
        folders(&dir),
        [pair("demo-exercise-two", "02-demo-exercise-two")]
    );
    // A new one comes before it and takes its place's number, which no folder has now.
    std::fs::write(&quiz, format!("{head}{third}\n{second}")).unwrap();
    init(&dir).arg("--lessons").arg(&pack).assert().success();
    assert_eq!(
        folders(&dir),
        [
            pair("demo-exercise-three", "01-demo-exercise-three"),
            pair("demo-exercise-two", "02-demo-exercise-two")
        ]
    );
    // Run again: nothing moves.
    init(&dir).arg("--lessons").arg(&pack).assert().success();
    assert_eq!(folders(&dir)[0].1, "01-demo-exercise-three");
    let workshop = Workshop::open(&dir, None).unwrap();
    let watched: Vec<&str> = workshop
        .exercises
        .iter()
        .map(|e| e.folder.as_str())
        .collect();
    assert_eq!(watched, ["01-demo-exercise-three", "02-demo-exercise-two"]);
}
