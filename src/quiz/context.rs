//! Whether an exercise's build-context names can all be files in one exercise folder: one
//! check, used by `verify-lessons` (each problem an error) and by `workshop init` (which
//! writes nothing while any remains).

use std::collections::BTreeSet;
use std::path::{Component, Path};

use super::Exercise;

/// The names an exercise folder gives its own files, so no context file may take them.
pub(crate) const RESERVED: [&str; 2] = ["Dockerfile", "README.md"];

/// Why `name` (its trailing `/` dropped) cannot be a file in the exercise folder, if so.
pub(crate) fn name_problem(name: &str) -> Option<&'static str> {
    if name.contains('\0') {
        return Some("it contains a NUL byte, which no file name can hold");
    }
    let path = Path::new(name);
    if name.is_empty() || !path.components().all(|c| matches!(c, Component::Normal(_))) {
        return Some("it must be a relative path inside the exercise folder");
    }
    if RESERVED.contains(&name) {
        return Some("the exercise folder already has a file of that name");
    }
    None
}

/// Every problem with the exercise's context names, as messages naming the file.
pub(crate) fn problems(exercise: &Exercise) -> Vec<String> {
    let mut found = Vec::new();
    let mut files = BTreeSet::new();
    for file in &exercise.context {
        let name = file.name.trim_end_matches('/');
        if let Some(why) = name_problem(name) {
            found.push(format!(
                "context file `{}`: {why}",
                file.name.escape_debug()
            ));
        } else if !files.insert(name) {
            found.push(format!("context file `{name}` is named twice"));
        }
    }
    // `a` and `a/b` cannot both exist: `a` would have to be a file and a folder.
    for name in &files {
        let mut folder = *name;
        while let Some((parent, _)) = folder.rsplit_once('/') {
            if files.contains(parent) {
                found.push(format!(
                    "context file `{parent}` is also the folder of `{name}`; it cannot be both"
                ));
            }
            folder = parent;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::ContextFile;

    fn with(names: &[&str]) -> Exercise {
        Exercise {
            starter: String::new(),
            context: names
                .iter()
                .map(|n| ContextFile {
                    name: (*n).to_string(),
                    contents: None,
                })
                .collect(),
            requirements: vec![],
            solutions: vec![],
            wrong: vec![],
            reveal_after: 3,
        }
    }

    #[test]
    fn plain_names_and_folders_pass() {
        assert!(
            problems(&with(&[
                "go.mod",
                "cmd/api/main.go",
                "cmd/worker.go",
                "src/"
            ]))
            .is_empty()
        );
    }

    #[test]
    fn a_file_that_is_also_a_folder_is_found() {
        let found = problems(&with(&["a", "a/b/c"]));
        assert_eq!(
            found,
            ["context file `a` is also the folder of `a/b/c`; it cannot be both"]
        );
    }

    #[test]
    fn nul_bytes_escapes_reserved_and_repeated_names_are_found() {
        let found = problems(&with(&[
            "x\0y",
            "../up",
            "/abs",
            "Dockerfile",
            "go.mod",
            "go.mod/",
        ]));
        assert_eq!(found.len(), 5, "{found:?}");
        assert!(
            found[0].contains("`x\\0y`: it contains a NUL byte"),
            "{found:?}"
        );
        assert!(found[1].contains("relative path"));
        assert!(found[3].contains("already has a file"));
        assert_eq!(found[4], "context file `go.mod` is named twice");
    }
}
