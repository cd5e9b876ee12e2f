//! Which files a `check` argument stands for: a file is itself, `-` is standard input, a
//! directory is searched recursively for Dockerfiles by name.

use std::path::{Path, PathBuf};

/// Directories never searched: VCS data, build output and dependencies.
const SKIPPED_DIRS: [&str; 3] = [".git", "target", "node_modules"];

/// One thing to check, in the order the output will list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Input {
    File(PathBuf),
    Stdin,
}

/// Whether a file name is one a directory search picks up: `Dockerfile`, `Dockerfile.*`,
/// `*.Dockerfile` and `*.dockerfile` (but not BuildKit's `Dockerfile.dockerignore`).
pub(crate) fn is_dockerfile_name(name: &str) -> bool {
    if name.ends_with(".dockerignore") {
        return false;
    }
    name == "Dockerfile"
        || name.starts_with("Dockerfile.")
        || name.ends_with(".Dockerfile")
        || name.ends_with(".dockerfile")
}

/// Why an argument gives no file to check.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ExpandError {
    #[error("{}", super::input::io_message(.0))]
    Io(#[from] std::io::Error),
    #[error(
        "no Dockerfile found in this directory (looked for Dockerfile, Dockerfile.*, \
         *.Dockerfile, *.dockerfile)"
    )]
    NoDockerfile,
}

/// Expands one argument. A directory without any Dockerfile is an error, as is a path that
/// does not exist; a file is taken whatever its name.
pub(super) fn expand(argument: &Path) -> Result<Vec<Input>, ExpandError> {
    if argument.as_os_str() == "-" {
        return Ok(vec![Input::Stdin]);
    }
    let metadata = std::fs::metadata(argument)?;
    if !metadata.is_dir() {
        return Ok(vec![Input::File(argument.to_path_buf())]);
    }
    let mut found = Vec::new();
    search(argument, &mut found)?;
    if found.is_empty() {
        return Err(ExpandError::NoDockerfile);
    }
    found.sort();
    Ok(found.into_iter().map(Input::File).collect())
}

fn search(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let path = entry.path();
        // file_type() does not follow symlinks, so a link to a directory is never walked
        // (no cycles); a link to a file is checked like the file.
        let file_type = entry.file_type()?;
        if file_type.is_dir() {
            if !SKIPPED_DIRS.contains(&name) {
                search(&path, found)?;
            }
        } else if is_dockerfile_name(name) && path.is_file() {
            found.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_dockerfiles() {
        for name in [
            "Dockerfile",
            "Dockerfile.dev",
            "api.Dockerfile",
            "web.dockerfile",
        ] {
            assert!(is_dockerfile_name(name), "{name}");
        }
        for name in [
            "dockerfile",
            "Dockerfile.dockerignore",
            "Dockerfiles",
            "README.md",
            "Containerfile",
        ] {
            assert!(!is_dockerfile_name(name), "{name}");
        }
    }

    #[test]
    fn directory_search_is_recursive_sorted_and_skips_vendored_dirs() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path();
        for path in [
            "b/Dockerfile",
            "a/x.Dockerfile",
            "a/notes.txt",
            "Dockerfile.dev",
            ".git/Dockerfile",
            "target/Dockerfile",
            "web/node_modules/pkg/Dockerfile",
        ] {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "FROM scratch\n").unwrap();
        }
        let found: Vec<Input> = expand(dir).unwrap();
        let expected: Vec<Input> = ["Dockerfile.dev", "a/x.Dockerfile", "b/Dockerfile"]
            .iter()
            .map(|p| Input::File(dir.join(p)))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn empty_directory_and_missing_path_are_errors() {
        let root = tempfile::tempdir().unwrap();
        let empty = expand(root.path()).unwrap_err();
        assert!(matches!(empty, ExpandError::NoDockerfile));
        assert_eq!(
            empty.to_string(),
            "no Dockerfile found in this directory (looked for Dockerfile, Dockerfile.*, \
             *.Dockerfile, *.dockerfile)"
        );
        assert_eq!(
            expand(&root.path().join("nope")).unwrap_err().to_string(),
            "no such file or directory"
        );
        assert_eq!(expand(Path::new("-")).unwrap(), [Input::Stdin]);
    }
}
