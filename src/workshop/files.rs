//! The files of one exercise folder: the starter `Dockerfile`, the build-context files the
//! task names (the author's contents, or a small plausible file when the quiz gives only a
//! name), and a `README.md` with the task and the requirements.

use std::collections::{BTreeSet, HashMap};

use super::manifest::Entry;
use crate::course::Lesson;
use crate::quiz::context::{RESERVED, name_problem};
use crate::quiz::{ContextFile, Exercise, Question};

pub(crate) const DOCKERFILE: &str = RESERVED[0];
pub(crate) const README: &str = RESERVED[1];

/// One file to write, relative to the exercise folder (always `/`-separated, never `..`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ExerciseFile {
    pub name: String,
    pub contents: String,
}

/// The folder of each exercise (by question id, in pack order). One the workshop had
/// (`previous`) keeps its folder, so a changed pack never moves an exercise the learners may
/// have started; a new one is `NN-<question id>`, NN its place in the pack (1-based) unless
/// a folder has that number, then the next number no folder has.
pub(crate) fn folder_names<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    previous: &[Entry],
) -> Vec<String> {
    let kept: HashMap<&str, &str> = previous
        .iter()
        .map(|e| (e.question.as_str(), e.folder.as_str()))
        .collect();
    let mut used: BTreeSet<usize> = previous
        .iter()
        .filter_map(|e| folder_number(&e.folder))
        .collect();
    let mut names = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        if let Some(folder) = kept.get(id) {
            names.push(folder.to_string());
            continue;
        }
        let number = match used.last() {
            Some(&last) if used.contains(&(i + 1)) => last + 1,
            _ => i + 1,
        };
        used.insert(number);
        names.push(format!("{number:02}-{id}"));
    }
    names
}

/// The number an exercise folder's name starts with (`07-…` is 7).
pub(crate) fn folder_number(folder: &str) -> Option<usize> {
    folder.split_once('-')?.0.parse().ok()
}

/// Every file of the exercise, the Dockerfile first; `skipped` gets a message for each
/// context name that cannot be a file in the folder.
pub(crate) fn exercise_files(
    number: usize,
    lesson: &Lesson,
    question: &Question,
    exercise: &Exercise,
    skipped: &mut Vec<String>,
) -> Vec<ExerciseFile> {
    let mut files = vec![
        ExerciseFile {
            name: DOCKERFILE.into(),
            contents: exercise.starter.clone(),
        },
        ExerciseFile {
            name: README.into(),
            contents: readme(number, lesson, question, exercise),
        },
    ];
    for context in &exercise.context {
        let name = context.name.trim_end_matches('/');
        if let Some(why) = name_problem(name) {
            skipped.push(format!(
                "{}: context file `{}` not written: {why}",
                question.id, context.name
            ));
            continue;
        }
        files.push(ExerciseFile {
            name: name.to_string(),
            contents: context_contents(context),
        });
    }
    files
}

fn context_contents(file: &ContextFile) -> String {
    file.contents
        .clone()
        .unwrap_or_else(|| placeholder(&file.name))
}

/// A small, plausible file for a context entry the quiz names without contents.
pub(crate) fn placeholder(name: &str) -> String {
    let base = name.rsplit('/').next().unwrap_or(name);
    let ext = base.rsplit_once('.').map_or("", |(_, e)| e);
    let text = match (base, ext) {
        ("package.json", _) => {
            "{\n  \"name\": \"app\",\n  \"version\": \"1.0.0\",\n  \"main\": \"server.js\",\n  \
             \"scripts\": { \"start\": \"node server.js\" },\n  \"dependencies\": {}\n}\n"
        }
        ("package-lock.json", _) => {
            "{\n  \"name\": \"app\",\n  \"version\": \"1.0.0\",\n  \"lockfileVersion\": 3,\n  \
             \"requires\": true,\n  \"packages\": {}\n}\n"
        }
        ("tsconfig.json", _) => {
            "{\n  \"compilerOptions\": { \"outDir\": \"dist\", \"target\": \"es2022\", \
             \"module\": \"commonjs\" }\n}\n"
        }
        ("go.mod", _) => "module example.com/app\n\ngo 1.26\n",
        ("go.sum", _) => "",
        ("requirements.txt", _) => "flask==3.1.0\n",
        (".dockerignore", _) => ".git\nnode_modules\n",
        ("Cargo.toml", _) => "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2024\"\n",
        ("Cargo.lock", _) => "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n",
        ("pom.xml", _) => {
            "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n  <modelVersion>4.0.0</modelVersion>\n  \
             <groupId>com.example</groupId>\n  <artifactId>app</artifactId>\n  <version>1.0.0</version>\n\
             </project>\n"
        }
        (_, "rs") => "fn main() {\n    println!(\"hello\");\n}\n",
        (_, "go") if base == "main.go" => {
            "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello\") }\n"
        }
        (_, "go") => return go_package(name),
        (_, "ts" | "js") => "console.log(\"hello\");\n",
        (_, "py") => "print(\"hello\")\n",
        _ => "",
    };
    text.to_string()
}

/// A Go file named after its folder's package, e.g. `internal/store/store.go`.
fn go_package(name: &str) -> String {
    let package = name
        .rsplit('/')
        .nth(1)
        .filter(|p| p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or("main");
    format!("package {package}\n")
}

/// The exercise's README: the task, the requirements, the build context, what to do.
fn readme(number: usize, lesson: &Lesson, question: &Question, exercise: &Exercise) -> String {
    // Learners `cat` this file: the pack's text is escaped as for any terminal (names on one
    // line, the prompt keeps its line breaks).
    use crate::escape::{line, lines};
    let mut text = format!(
        "# Exercise {number}: {}\n\nFrom the lesson *{}* (`{}`).\n\n## Task\n\n{}\n\n## Requirements\n\n",
        line(&question.id),
        line(&lesson.title),
        line(&lesson.id),
        lines(question.prompt.trim_end())
    );
    for requirement in &exercise.requirements {
        text.push_str(&format!("- {}\n", line(&requirement.describe())));
    }
    if !exercise.context.is_empty() {
        text.push_str(
            "\n## Build context\n\nBeside the Dockerfile, as the build would see them:\n\n",
        );
        for file in &exercise.context {
            text.push_str(&format!("- `{}`\n", line(&file.name)));
        }
    }
    text.push_str(
        "\n## How\n\nEdit `Dockerfile` in this folder with any editor. `dockerlings watch`, run in \
         the workshop folder, checks it each time you save and shows what is still missing.\n",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{QuestionKind, Requirement};

    fn sample() -> (Lesson, Question, Exercise) {
        let exercise = Exercise {
            starter: "FROM golang:1.26\n".into(),
            context: vec![
                ContextFile {
                    name: "go.mod".into(),
                    contents: None,
                },
                ContextFile {
                    name: "main.go".into(),
                    contents: Some("package main\n".into()),
                },
                ContextFile {
                    name: "../escape".into(),
                    contents: None,
                },
            ],
            requirements: vec![Requirement::MinStages(2), Requirement::NonRoot],
            solutions: vec!["FROM scratch\n".into()],
            wrong: vec![],
            reveal_after: 3,
        };
        let question = Question {
            id: "go-ex".into(),
            prompt: "Split it into **two** stages.".into(),
            explanation: String::new(),
            hints: vec![],
            kind: QuestionKind::Dockerfile(Box::new(exercise.clone())),
            section: None,
            line: 1,
        };
        let lesson = Lesson {
            id: "go".into(),
            title: "Go builds".into(),
            order: 1,
            summary: String::new(),
            sections: vec![],
            source: "go.md".into(),
        };
        (lesson, question, exercise)
    }

    #[test]
    fn files_are_starter_readme_and_safe_context() {
        let (lesson, question, exercise) = sample();
        let mut skipped = Vec::new();
        let files = exercise_files(3, &lesson, &question, &exercise, &mut skipped);
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["Dockerfile", "README.md", "go.mod", "main.go"]);
        assert_eq!(files[0].contents, "FROM golang:1.26\n");
        assert!(files[2].contents.starts_with("module "));
        assert_eq!(files[3].contents, "package main\n");
        assert_eq!(skipped.len(), 1, "{skipped:?}");
        assert!(skipped[0].contains("../escape"));
        let readme = &files[1].contents;
        assert!(readme.starts_with("# Exercise 3: go-ex\n"), "{readme}");
        assert!(readme.contains("Split it into **two** stages."));
        assert!(readme.contains("- at least 2 stages\n- runs as a non-root user\n"));
        assert!(readme.contains("- `go.mod`\n"));
    }

    fn entry(folder: &str, question: &str) -> Entry {
        Entry {
            folder: folder.into(),
            lesson: "l".into(),
            question: question.into(),
            written: Default::default(),
        }
    }

    #[test]
    fn folder_names_are_places_at_first_and_stay_put_after() {
        assert_eq!(folder_names(["a", "b", "c"], &[]), ["01-a", "02-b", "03-c"]);
        // `a` was dropped from the pack and `d` is new: `b` and `c` keep their folders, and
        // `d` takes a number no folder has.
        let previous = [entry("01-a", "a"), entry("02-b", "b"), entry("03-c", "c")];
        assert_eq!(
            folder_names(["b", "d", "c"], &previous),
            ["02-b", "04-d", "03-c"]
        );
        assert_eq!(
            folder_names(["b", "c", "e"], &previous),
            ["02-b", "03-c", "04-e"]
        );
        assert_eq!(folder_number("12-x-y"), Some(12));
        assert_eq!(folder_number("x"), None);
    }

    #[test]
    fn placeholders_fit_the_file_kind() {
        assert!(placeholder("package.json").contains("\"name\""));
        assert!(placeholder("cmd/api/main.go").contains("func main()"));
        assert_eq!(placeholder("internal/store/store.go"), "package store\n");
        assert!(placeholder("src/server.ts").contains("console.log"));
        assert!(placeholder("Cargo.toml").starts_with("[package]"));
        assert!(placeholder("src/main.rs").contains("fn main()"));
        assert!(placeholder("pom.xml").contains("<artifactId>"));
        assert_eq!(placeholder("unknown.bin"), "");
    }
}
