//! Reading the class folder. Only `*.json` and `*.csv` files directly in it are results;
//! hidden files (a writer's temporary file, `.git`) and anything else are not looked at.
//! Every result file is read with a size limit and never through a link; a file that cannot
//! be used is listed with the reason, and at most [`MAX_FILES`] files are read.

use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};

use crate::results::ResultsFileError;
use crate::results::class::FileProblem;
use crate::safe_fs::{Kind, read_text};

/// More learners than any room holds; a folder with more files is cut, and says so.
pub const MAX_FILES: usize = 1000;
/// A learner's live results are a few KB; the limit is the one for every results file.
pub const MAX_BYTES: u64 = Kind::Results.limit();

/// The result files found, in name order: `(name, text or why it cannot be used)`, plus the
/// problems of the folder itself (too many files).
#[derive(Debug, Default)]
pub struct Listing {
    pub files: Vec<(PathBuf, Result<String, ResultsFileError>)>,
    pub problems: Vec<FileProblem>,
}

/// The result-file candidates in `dir`, sorted by name, with their metadata (not followed).
fn candidates(dir: &Path) -> io::Result<Vec<(String, fs::Metadata)>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir)? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        let lower = name.to_ascii_lowercase();
        if name.starts_with('.') || !(lower.ends_with(".json") || lower.ends_with(".csv")) {
            continue;
        }
        // `DirEntry::metadata` does not follow links.
        if let Ok(meta) = entry.metadata() {
            found.push((name, meta));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(found)
}

/// Reads the result files of `dir`. Fails only when `dir` itself cannot be listed.
pub fn read(dir: &Path) -> io::Result<Listing> {
    let mut found = candidates(dir)?;
    let mut listing = Listing::default();
    if found.len() > MAX_FILES {
        listing.problems.push(FileProblem {
            path: PathBuf::from("."),
            message: format!(
                "{} result files; only the first {MAX_FILES} by name are read",
                found.len()
            ),
        });
        found.truncate(MAX_FILES);
    }
    for (name, meta) in found {
        let text = read_one(&dir.join(&name), &meta);
        listing.files.push((PathBuf::from(name), text));
    }
    Ok(listing)
}

fn read_one(path: &Path, meta: &fs::Metadata) -> Result<String, ResultsFileError> {
    let kind = meta.file_type();
    if kind.is_symlink() {
        return Err(ResultsFileError::Link);
    }
    if !kind.is_file() {
        return Err(ResultsFileError::NotRegular);
    }
    // Cheap before opening; the read checks the limit again, as the file may have grown.
    if meta.len() > MAX_BYTES {
        return Err(ResultsFileError::TooLarge(meta.len()));
    }
    let text = read_text(path, Kind::Results).map_err(ResultsFileError::Read)?;
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if is_json && !body.is_empty() && !body.starts_with('{') {
        return Err(ResultsFileError::NotJsonObject);
    }
    Ok(text)
}

/// A fingerprint of the folder's result files (names, sizes, modification times), cheap
/// enough to take every second: when it changes, the folder is read again. This is the
/// fallback for network folders, which often send no change events.
pub fn signature(dir: &Path) -> io::Result<u64> {
    let mut hasher = DefaultHasher::new();
    for (name, meta) in candidates(dir)? {
        name.hash(&mut hasher);
        meta.len().hash(&mut hasher);
        meta.modified().ok().hash(&mut hasher);
    }
    Ok(hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_visible_json_and_csv_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.json", "a.CSV", ".a.json.tmp-1", "notes.md", ".git"] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        fs::create_dir(dir.path().join("sub.json")).unwrap();
        let listing = read(dir.path()).unwrap();
        let names: Vec<_> = listing.files.iter().map(|(p, _)| p.clone()).collect();
        assert_eq!(
            names,
            [
                PathBuf::from("a.CSV"),
                PathBuf::from("b.json"),
                PathBuf::from("sub.json")
            ]
        );
        assert!(matches!(
            listing.files[2].1,
            Err(ResultsFileError::NotRegular)
        ));
        assert!(matches!(
            listing.files[1].1,
            Err(ResultsFileError::NotJsonObject)
        ));
    }

    #[test]
    fn the_signature_follows_changes() {
        let dir = tempfile::tempdir().unwrap();
        let before = signature(dir.path()).unwrap();
        fs::write(dir.path().join("a.json"), "x").unwrap();
        let after = signature(dir.path()).unwrap();
        assert_ne!(before, after);
        assert_eq!(after, signature(dir.path()).unwrap());
        fs::write(dir.path().join("ignored.txt"), "x").unwrap();
        assert_eq!(after, signature(dir.path()).unwrap());
    }
}
