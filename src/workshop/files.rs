//! The files of one exercise folder: the starter `Dockerfile`, the build-context files the
//! task names (the author's contents, or a small plausible file when the quiz gives only a
//! name), and a `README.md` with the task and the requirements.

use crate::course::Lesson;
use crate::quiz::context::{RESERVED, name_problem};
use crate::quiz::{ContextFile, Exercise, Question};

pub const DOCKERFILE: &str = RESERVED[0];
pub const README: &str = RESERVED[1];

/// One file to write, relative to the exercise folder (always `/`-separated, never `..`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseFile {
    pub name: String,
    pub contents: String,
}

/// The folder name of the `number`th exercise (1-based): `01-<question id>`.
pub fn folder_name(number: usize, question: &Question) -> String {
    format!("{number:02}-{}", question.id)
}

/// Every file of the exercise, the Dockerfile first; `skipped` gets a message for each
/// context name that cannot be a file in the folder.
pub fn exercise_files(
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
pub fn placeholder(name: &str) -> String {
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
        assert_eq!(folder_name(3, &question), "03-go-ex");
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
