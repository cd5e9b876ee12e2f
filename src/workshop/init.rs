//! `workshop init`: writes a pack's Dockerfile exercises as folders, and the manifest. A pack
//! on disk is copied into the workshop (`.dockerlings/<pack folder name>/`), so the folder can be
//! handed out as it is and the copy keeps the pack's name (results exported there say it).
//! Files a learner changed since the last init are never overwritten without `force`; nothing
//! at all is written when one would be, nor when any path would go through a link.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::WorkshopError;
use super::files::{exercise_files, folder_names, folder_number};
use super::manifest::{BUNDLED, EXERCISES, Entry, FORMAT, MANIFEST, Manifest, fingerprint};
use super::open::Pack;
use crate::quiz::context;
use crate::quiz::verify::verify;
use crate::safe_fs::{
    Kind, check_folder_inside, check_inside, read_limited, write_atomic, write_inside,
};

/// The folder, relative to the workshop folder, that holds the copy of a pack on disk.
pub(crate) const PACK_COPY_DIR: &str = ".dockerlings";

/// Where the pack in `source` is copied, relative to the workshop folder: under its own
/// folder name, so the name travels with the copy; `lessons` when it has no usable name.
pub(crate) fn pack_copy(source: &Path) -> String {
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
///
/// Everything that could stop it is checked before the first write: context names that
/// cannot be files, edited files (without `force`), and links or non-regular files anywhere
/// on the paths it writes (it never writes or deletes through a link). A new folder is built
/// as a hidden sibling and renamed into place, so an interruption leaves no half folder; in an
/// existing one each file is replaced atomically and the manifest comes last.
pub fn init(dir: &Path, lessons: Option<&Path>, force: bool) -> Result<InitReport, WorkshopError> {
    let pack = Pack::load(lessons)?;
    let mut report = InitReport::default();
    let exercises = pack.exercises();
    if exercises.is_empty() {
        return Err(WorkshopError::NoExercises);
    }
    let unwritable: Vec<String> = exercises
        .iter()
        .flat_map(|(_, question, exercise)| {
            context::problems(exercise)
                .into_iter()
                .map(|problem| format!("{}: {problem}", question.id))
        })
        .collect();
    if !unwritable.is_empty() {
        return Err(WorkshopError::Context(unwritable));
    }
    // A broken quiz would hand out a partial workshop that a fixed pack later renumbers.
    let (_, problems) = verify(&pack.course, &pack.book);
    if !problems.is_empty() {
        return Err(WorkshopError::Invalid(
            problems.iter().map(ToString::to_string).collect(),
        ));
    }
    // Without a readable manifest every existing file that differs counts as the learner's.
    let previous = Manifest::read(dir).ok();
    let folders = folder_names(
        exercises.iter().map(|(_, q, _)| q.id.as_str()),
        previous.as_ref().map_or(&[][..], |m| &m.exercises),
    );
    let mut entries = Vec::new();
    let mut writes: Vec<(PathBuf, String)> = Vec::new();
    let mut edited = Vec::new();
    for ((lesson, question, exercise), folder) in exercises.into_iter().zip(folders) {
        let before = previous.as_ref().and_then(|m| m.entry(&folder));
        let mut written = BTreeMap::new();
        let number = folder_number(&folder).unwrap_or_default();
        for file in exercise_files(number, lesson, question, exercise, &mut report.warnings) {
            let rel = Path::new(EXERCISES).join(&folder).join(&file.name);
            let path = dir.join(&rel);
            check_inside(dir, &rel).map_err(|e| WorkshopError::io(&path, e))?;
            match read_limited(&path, Kind::Quiz) {
                Ok(bytes) if bytes == file.contents.as_bytes() => report.unchanged += 1,
                Ok(bytes) => {
                    let ours = before
                        .and_then(|e| e.written.get(&file.name))
                        .is_some_and(|f| *f == fingerprint(&bytes));
                    if !ours {
                        edited.push(path.clone());
                    }
                    writes.push((rel, file.contents.clone()));
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    writes.push((rel, file.contents.clone()));
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
    let copy = lessons.map(|source| (source, pack_copy(source)));
    if let Some((_, copy)) = &copy {
        check_folder_inside(dir, Path::new(copy)).map_err(|e| WorkshopError::io(dir, e))?;
    }
    check_inside(dir, Path::new(MANIFEST)).map_err(|e| WorkshopError::io(dir, e))?;
    let manifest = Manifest {
        format: FORMAT,
        pack: copy
            .as_ref()
            .map_or_else(|| BUNDLED.to_string(), |(_, c)| c.clone()),
        exercises: entries,
        // The instructor's class folder survives a second init.
        report_to: Manifest::read(dir).ok().and_then(|m| m.report_to),
    };
    let plan = Plan {
        copy: copy.as_ref().map(|(source, c)| (*source, c.as_str())),
        writes: &writes,
        manifest: manifest.to_text()?,
    };
    match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => build_beside(dir, &plan)?,
        _ => plan.write(dir)?,
    }
    report.exercises = manifest.exercises.len();
    report.written = writes.len();
    report.overwritten = edited;
    Ok(report)
}

/// What init writes, every path checked, relative to the workshop folder.
struct Plan<'a> {
    /// The pack on disk and where its copy goes.
    copy: Option<(&'a Path, &'a str)>,
    writes: &'a [(PathBuf, String)],
    manifest: String,
}

impl Plan<'_> {
    fn write(&self, root: &Path) -> Result<(), WorkshopError> {
        if let Some((source, copy)) = self.copy {
            copy_pack(source, &root.join(copy))?;
        }
        for (rel, contents) in self.writes {
            write_inside(root, rel, contents.as_bytes())
                .map_err(|e| WorkshopError::io(&root.join(rel), e))?;
        }
        write_inside(root, Path::new(MANIFEST), self.manifest.as_bytes())
            .map_err(|e| WorkshopError::io(&root.join(MANIFEST), e))
    }
}

/// Builds a new workshop folder as a hidden sibling of `dir`, then renames it into place;
/// on failure the sibling is removed and `dir` never appears.
fn build_beside(dir: &Path, plan: &Plan) -> Result<(), WorkshopError> {
    let dir: PathBuf = dir.components().collect();
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| WorkshopError::io(&parent, e))?;
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    let staging = parent.join(format!(".{name}.init-{}", std::process::id()));
    // A leftover of a crashed init with our PID goes first (a link there: only the link).
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir(&staging).map_err(|e| WorkshopError::io(&staging, e))?;
    let result = plan
        .write(&staging)
        .and_then(|()| std::fs::rename(&staging, &dir).map_err(|e| WorkshopError::io(&dir, e)));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// Copies the pack's lessons and quizzes (top-level, not hidden) into `dest`, replacing an
/// earlier copy: the new copy is made beside it and swapped in, so a failure keeps the old
/// one. Copying a folder onto itself (re-init from the copy) leaves it alone. The caller has
/// checked that no part of `dest` is a link.
fn copy_pack(source: &Path, dest: &Path) -> Result<(), WorkshopError> {
    if let (Ok(a), Ok(b)) = (source.canonicalize(), dest.canonicalize())
        && a == b
    {
        return Ok(());
    }
    let parent = dest.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| WorkshopError::io(parent, e))?;
    let name = dest.file_name().unwrap_or_default().to_string_lossy();
    let pid = std::process::id();
    let fresh = parent.join(format!(".{name}.new-{pid}"));
    let old = parent.join(format!(".{name}.old-{pid}"));
    let _ = std::fs::remove_dir_all(&fresh);
    let result = fill_copy(source, &fresh).and_then(|()| {
        let had = std::fs::symlink_metadata(dest).is_ok();
        if had {
            std::fs::rename(dest, &old).map_err(|e| WorkshopError::io(dest, e))?;
        }
        std::fs::rename(&fresh, dest).map_err(|e| WorkshopError::io(dest, e))?;
        if had {
            // A real folder (checked), and remove_dir_all never follows links inside it.
            let _ = std::fs::remove_dir_all(&old);
        }
        Ok(())
    });
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&fresh);
    }
    result
}

/// Writes the pack's top-level lesson and quiz files into the new folder `to`.
fn fill_copy(source: &Path, to: &Path) -> Result<(), WorkshopError> {
    std::fs::create_dir(to).map_err(|e| WorkshopError::io(to, e))?;
    let entries = std::fs::read_dir(source).map_err(|e| WorkshopError::io(source, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| WorkshopError::io(source, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = if name.ends_with(".md") {
            Kind::Lesson
        } else if name.ends_with(".yaml") {
            Kind::Quiz
        } else {
            continue;
        };
        if name.starts_with('.') || !entry.path().is_file() {
            continue;
        }
        let bytes =
            read_limited(&entry.path(), kind).map_err(|e| WorkshopError::io(&entry.path(), e))?;
        let path = to.join(&name);
        write_atomic(&path, &bytes).map_err(|e| WorkshopError::io(&path, e))?;
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
