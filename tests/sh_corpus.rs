//! The shell parser on every RUN of the shared corpus: nearly every script is read (what is
//! not is listed), and every shell-analysis (DK4xx) finding points into its RUN, at the text
//! it names. Skipped with a printed reason when ../shared is absent; failed when CI=true.

use std::path::{Path, PathBuf};

use dockerfile_sh::*;

mod dockerfile_sh {
    pub(crate) use dockerlings::dockerfile::ast::{Args, Instruction, Keyword};
    pub(crate) use dockerlings::dockerfile::lint::{LintOptions, lint};
    pub(crate) use dockerlings::dockerfile::parser::parse;
    pub(crate) use dockerlings::dockerfile::sh::run::RunScripts;
}

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is missing on CI",
            dir.display()
        );
        eprintln!("skipped: {} not found", dir.display());
        None
    }
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.to_string_lossy().contains("Dockerfile"))
        .collect();
    v.sort();
    v
}

fn run_of(ins: &Instruction) -> Option<&Instruction> {
    match (&ins.keyword, &ins.args) {
        (Keyword::Run, _) => Some(ins),
        (Keyword::Onbuild, Args::Onbuild(Some(t))) if t.keyword == Keyword::Run => Some(t),
        _ => None,
    }
}

#[test]
fn corpus_scripts_parse() {
    let Some(dir) = corpus() else { return };
    let (mut scripts, mut unknown) = (0, Vec::new());
    for path in files(&dir) {
        let Ok(src) = std::fs::read_to_string(&path) else {
            continue;
        };
        let parse = parse(&src);
        for ins in parse.dockerfile.instructions.iter().filter_map(run_of) {
            for s in RunScripts::of(ins).scripts {
                scripts += 1;
                if let Err(e) = s.parsed() {
                    let name = path.file_name().unwrap().to_string_lossy().into_owned();
                    unknown.push(format!("{name}:{}: {} at {}", ins.start_line, e.why, e.at));
                }
            }
        }
    }
    eprintln!(
        "{scripts} scripts, {} not read:\n{}",
        unknown.len(),
        unknown.join("\n")
    );
    assert!(scripts > 300, "{scripts}");
    // Only Windows RUNs (PowerShell, cmd), which the rules skip anyway, are not read.
    let posix: Vec<&String> = unknown.iter().filter(|u| !u.contains("windows")).collect();
    assert!(posix.is_empty(), "sh scripts not read: {posix:?}");
}

#[test]
fn corpus_findings_point_at_what_they_name() {
    let Some(dir) = corpus() else { return };
    let mut seen = 0;
    for path in files(&dir) {
        let Ok(src) = std::fs::read_to_string(&path) else {
            continue;
        };
        let result = lint(&src, &LintOptions::default());
        let lines: Vec<&str> = src.lines().collect();
        for d in result
            .diagnostics
            .iter()
            .filter(|d| d.rule.starts_with("DK4"))
        {
            seen += 1;
            let loc = d.location;
            assert!(loc.line == loc.end_line, "{}: {d:?}", path.display());
            let line = lines[loc.line - 1];
            let text: String = line
                .chars()
                .skip(loc.column - 1)
                .take(loc.end_column - loc.column)
                .collect();
            let named = d.message.split([' ', ':']).next().unwrap();
            match d.rule {
                "DK401" | "DK406" => assert_eq!(text, named, "{}: {d:?}", path.display()),
                "DK402" => assert!(
                    named.starts_with(text.get(..named.len().min(text.len())).unwrap_or("")),
                    "{}: {text:?} {d:?}",
                    path.display()
                ),
                _ => assert!(!text.is_empty(), "{}: {d:?}", path.display()),
            }
        }
    }
    assert!(seen > 0);
}
