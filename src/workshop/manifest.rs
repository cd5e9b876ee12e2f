//! The workshop manifest, `dockerlings-workshop.yaml` at the folder's root: which lesson pack
//! the exercises come from and which question each exercise folder is, so `watch` can find
//! the checks, plus a fingerprint of every file `init` wrote, so a second `init` can tell a
//! learner's edits from its own files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::WorkshopError;
use crate::safe_fs::{Kind, read_text};
use crate::yaml;

/// The manifest's file name, at the root of a workshop folder.
pub const MANIFEST: &str = "dockerlings-workshop.yaml";

/// The folder, inside a workshop, that holds one subfolder per exercise.
pub(crate) const EXERCISES: &str = "exercises";

/// The manifest format this build writes and reads.
pub(crate) const FORMAT: u32 = 1;

/// `pack` value for the lessons compiled into dockerlings.
pub(crate) const BUNDLED: &str = "bundled";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: u32,
    /// `bundled`, or the lesson folder: relative to the workshop folder, or absolute.
    pub pack: String,
    pub exercises: Vec<Entry>,
    /// The class folder `watch` writes the learner's results into after every save (see
    /// `dockerlings class`): relative to the workshop folder, or absolute. Set by the
    /// instructor, so learners need no `--report-to`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_to: Option<String>,
}

/// One exercise folder and the question it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The folder's name under `exercises/`, e.g. `01-msb-ex-name-the-stages`.
    pub folder: String,
    /// Lesson ID.
    pub lesson: String,
    /// Question ID.
    pub question: String,
    /// File (relative to the exercise folder) → [`fingerprint`] of what init wrote.
    #[serde(default)]
    pub written: BTreeMap<String, String>,
}

impl Manifest {
    /// The manifest of the workshop in `dir`.
    pub fn read(dir: &Path) -> Result<Manifest, WorkshopError> {
        let path = dir.join(MANIFEST);
        match std::fs::metadata(dir) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => return Err(WorkshopError::NotAWorkshop(dir.to_path_buf())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(WorkshopError::Missing(dir.to_path_buf()));
            }
            Err(source) => return Err(WorkshopError::io(dir, source)),
        }
        let text = match read_text(&path, Kind::Manifest) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(WorkshopError::NotAWorkshop(dir.to_path_buf()));
            }
            Err(source) => return Err(WorkshopError::io(&path, source)),
        };
        let manifest: Manifest = yaml::parse(&text).map_err(|err| WorkshopError::Manifest {
            path: path.clone(),
            message: err.to_string(),
        })?;
        if manifest.format > FORMAT {
            return Err(WorkshopError::Manifest {
                path,
                message: format!(
                    "format {} comes from a newer dockerlings (this one reads format {FORMAT})",
                    manifest.format
                ),
            });
        }
        Ok(manifest)
    }

    /// The manifest as written to disk, with a comment saying what it is.
    pub fn to_text(&self) -> Result<String, WorkshopError> {
        let body = yaml::render(self).map_err(|err| WorkshopError::Manifest {
            path: PathBuf::from(MANIFEST),
            message: err.to_string(),
        })?;
        Ok(format!(
            "# A dockerlings workshop: `dockerlings watch` in this folder checks the exercises.\n\
             # Written by `dockerlings workshop init`; edit the exercises, not this file.\n{body}"
        ))
    }

    /// The entry for an exercise folder name.
    pub fn entry(&self, folder: &str) -> Option<&Entry> {
        self.exercises.iter().find(|e| e.folder == folder)
    }

    /// Where the pack's lessons are, or `None` for the bundled pack.
    pub(crate) fn pack_dir(&self, workshop: &Path) -> Option<PathBuf> {
        (self.pack != BUNDLED).then(|| workshop.join(&self.pack))
    }

    /// The class folder named by `report_to:`, if any.
    pub(crate) fn report_dir(&self, workshop: &Path) -> Option<PathBuf> {
        let dir = self.report_to.as_deref()?.trim();
        (!dir.is_empty()).then(|| workshop.join(dir))
    }
}

/// A short fingerprint of a file's bytes (64-bit FNV-1a, hex): enough to tell whether a file
/// is still the one init wrote; not a security measure.
pub(crate) fn fingerprint(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Manifest {
        Manifest {
            format: FORMAT,
            pack: BUNDLED.into(),
            exercises: vec![Entry {
                folder: "01-a".into(),
                lesson: "l".into(),
                question: "q".into(),
                written: BTreeMap::from([("Dockerfile".into(), fingerprint(b"FROM a\n"))]),
            }],
            report_to: None,
        }
    }

    #[test]
    fn written_manifest_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(MANIFEST), sample().to_text().unwrap()).unwrap();
        assert_eq!(Manifest::read(dir.path()).unwrap(), sample());
    }

    #[test]
    fn report_to_is_optional_and_relative_to_the_workshop() {
        let dir = tempfile::tempdir().unwrap();
        let mut manifest = sample();
        assert!(!manifest.to_text().unwrap().contains("report_to"));
        manifest.report_to = Some("../class-results".into());
        std::fs::write(dir.path().join(MANIFEST), manifest.to_text().unwrap()).unwrap();
        let read = Manifest::read(dir.path()).unwrap();
        assert_eq!(
            read.report_dir(Path::new("/w")),
            Some(PathBuf::from("/w/../class-results"))
        );
        assert_eq!(sample().report_dir(Path::new("/w")), None);
    }

    #[test]
    fn folder_without_manifest_is_not_a_workshop() {
        let dir = tempfile::tempdir().unwrap();
        let err = Manifest::read(dir.path()).unwrap_err();
        assert!(matches!(err, WorkshopError::NotAWorkshop(_)), "{err}");
        let err = Manifest::read(&dir.path().join("nope")).unwrap_err();
        assert!(matches!(err, WorkshopError::Missing(_)), "{err}");
    }

    #[test]
    fn broken_or_newer_manifest_is_an_error_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(MANIFEST), "format: 1\npack: [\n").unwrap();
        let err = Manifest::read(dir.path()).unwrap_err().to_string();
        assert!(err.contains(MANIFEST) && err.contains("line"), "{err}");
        std::fs::write(
            dir.path().join(MANIFEST),
            "format: 9\npack: bundled\nexercises: []\n",
        )
        .unwrap();
        let err = Manifest::read(dir.path()).unwrap_err().to_string();
        assert!(err.contains("newer dockerlings"), "{err}");
    }

    #[test]
    fn fingerprint_tells_contents_apart() {
        assert_eq!(fingerprint(b"abc"), fingerprint(b"abc"));
        assert_ne!(fingerprint(b"abc"), fingerprint(b"abd"));
        assert_eq!(fingerprint(b"").len(), 16);
    }
}
