//! `workshop init`: writes a pack's Dockerfile exercises as folders, and the manifest. A pack
//! on disk is copied into the workshop (`.dockerlings/<pack folder name>/`), so the folder can be
//! handed out as it is and the copy keeps the pack's name (results exported there say it). Files a learner changed since the last init are never overwritten without
//! `force`; nothing at all is written when one would be.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::WorkshopError;
use super::files::{exercise_files, folder_name};
use super::manifest::{BUNDLED, EXERCISES, Entry, FORMAT, MANIFEST, Manifest, fingerprint};
use super::open::Pack;

/// The folder, relative to the workshop folder, that holds the copy of a pack on disk.
pub const PACK_COPY_DIR: &str = ".dockerlings";

/// Where the pack in `source` is copied, relative to the workshop folder: under its own
/// folder name, so the name travels with the copy; `lessons` when it has no usable name.
pub fn pack_copy(source: &Path) -> String {
    let source = source
        .canonicalize()
        .unwrap_or_else(|_| source.to_path_buf());
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty() && !n.starts_with('.'))
        .unwrap_or_else(|| "lessons".to_string());
    format!("{PACK_COPY_DIR}/{name}")
}

/// What init did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InitReport {
    pub exercises: usize,
    /// Files created or replaced.
    pub written: usize,
    /// Files already as init would write them.
    pub unchanged: usize,
    /// Learner edits replaced because of `force`.
    pub overwritten: Vec<PathBuf>,
    /// Problems in the pack, and context files that could not be written.
    pub warnings: Vec<String>,
}

/// Writes the workshop for the pack in `lessons` (the bundled pack when `None`) into `dir`.
pub fn init(dir: &Path, lessons: Option<&Path>, force: bool) -> Result<InitReport, WorkshopError> {
    let pack = Pack::load(lessons)?;
    let mut report = InitReport {
        warnings: pack.errors().map(ToString::to_string).collect(),
        ..InitReport::default()
    };
    let exercises = pack.exercises();
    if exercises.is_empty() {
        return Err(WorkshopError::NoExercises);
    }
    // Without a readable manifest every existing file that differs counts as the learner's.
    let previous = Manifest::read(dir).ok();
    let mut entries = Vec::new();
    let mut writes: Vec<(PathBuf, String)> = Vec::new();
    let mut edited = Vec::new();
    for (i, (lesson, question, exercise)) in exercises.into_iter().enumerate() {
        let folder = folder_name(i + 1, question);
        let before = previous.as_ref().and_then(|m| m.entry(&folder));
        let mut written = BTreeMap::new();
        for file in exercise_files(i + 1, lesson, question, exercise, &mut report.warnings) {
            let path = dir.join(EXERCISES).join(&folder).join(&file.name);
            match std::fs::read(&path) {
                Ok(bytes) if bytes == file.contents.as_bytes() => report.unchanged += 1,
                Ok(bytes) => {
                    let ours = before
                        .and_then(|e| e.written.get(&file.name))
                        .is_some_and(|f| *f == fingerprint(&bytes));
                    if !ours {
                        edited.push(path.clone());
                    }
                    writes.push((path, file.contents.clone()));
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    writes.push((path, file.contents.clone()));
                }
                Err(e) => return Err(WorkshopError::io(&path, e)),
            }
            written.insert(file.name, fingerprint(file.contents.as_bytes()));
        }
        entries.push(Entry {
            folder,
            lesson: lesson.id.clone(),
            question: question.id.clone(),
            written,
        });
    }
    if !edited.is_empty() && !force {
        return Err(WorkshopError::Edited(edited));
    }
    let pack_name = match lessons {
        None => BUNDLED.to_string(),
        Some(source) => {
            let copy = pack_copy(source);
            copy_pack(source, &dir.join(&copy))?;
            copy
        }
    };
    for (path, contents) in &writes {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| WorkshopError::io(parent, e))?;
        }
        std::fs::write(path, contents).map_err(|e| WorkshopError::io(path, e))?;
    }
    let manifest = Manifest {
        format: FORMAT,
        pack: pack_name,
        exercises: entries,
        // The instructor's class folder survives a second init.
        report_to: Manifest::read(dir).ok().and_then(|m| m.report_to),
    };
    let path = dir.join(MANIFEST);
    std::fs::write(&path, manifest.to_text()?).map_err(|e| WorkshopError::io(&path, e))?;
    report.exercises = manifest.exercises.len();
    report.written = writes.len();
    report.overwritten = edited;
    Ok(report)
}

/// Copies the pack's lessons and quizzes (top-level, not hidden) into `dest`, replacing an
/// earlier copy. Copying a folder onto itself (re-init from the copy) leaves it alone.
fn copy_pack(source: &Path, dest: &Path) -> Result<(), WorkshopError> {
    if let (Ok(a), Ok(b)) = (source.canonicalize(), dest.canonicalize())
        && a == b
    {
        return Ok(());
    }
    if dest.exists() {
        std::fs::remove_dir_all(dest).map_err(|e| WorkshopError::io(dest, e))?;
    }
    std::fs::create_dir_all(dest).map_err(|e| WorkshopError::io(dest, e))?;
    let entries = std::fs::read_dir(source).map_err(|e| WorkshopError::io(source, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| WorkshopError::io(source, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let wanted = !name.starts_with('.') && (name.ends_with(".md") || name.ends_with(".yaml"));
        if wanted && entry.path().is_file() {
            let to = dest.join(&name);
            std::fs::copy(entry.path(), &to).map_err(|e| WorkshopError::io(&to, e))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::Workshop;

    #[test]
    fn init_writes_folders_that_open_again() {
        let dir = tempfile::tempdir().unwrap();
        let report = init(dir.path(), None, false).unwrap();
        assert!(report.exercises >= 2);
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
        let workshop = Workshop::open(dir.path(), None).unwrap();
        assert_eq!(workshop.exercises.len(), report.exercises);
        let first = std::fs::read_to_string(workshop.dockerfile(0)).unwrap();
        assert_eq!(first, workshop.exercises[0].exercise.starter);
        // A second init over untouched files changes nothing and needs no --force.
        let again = init(dir.path(), None, false).unwrap();
        assert_eq!(again.written, 0);
        assert_eq!(again.unchanged, report.written);
    }

    #[test]
    fn edited_files_are_kept_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        init(dir.path(), None, false).unwrap();
        let workshop = Workshop::open(dir.path(), None).unwrap();
        let path = workshop.dockerfile(1);
        std::fs::write(&path, "FROM mine\n").unwrap();
        let err = init(dir.path(), None, false).unwrap_err();
        match &err {
            WorkshopError::Edited(paths) => assert_eq!(paths, &vec![path.clone()]),
            other => panic!("{other}"),
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "FROM mine\n");
        let forced = init(dir.path(), None, true).unwrap();
        assert_eq!(forced.overwritten, vec![path.clone()]);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            workshop.exercises[1].exercise.starter
        );
    }

    #[test]
    fn a_pack_copy_keeps_the_pack_folder_name() {
        assert_eq!(
            pack_copy(Path::new("/srv/packs/distroless-workshop")),
            ".dockerlings/distroless-workshop"
        );
        assert_eq!(pack_copy(Path::new("/")), ".dockerlings/lessons");
        assert_eq!(pack_copy(Path::new("/tmp/.hidden")), ".dockerlings/lessons");
    }
}
