//! `cargo bench --bench check`: the linter's speed.
//! - `lint_corpus`: parse + model + rules over every ../shared/corpus file, one core; divan
//!   prints bytes/s and files/s (skipped when the corpus is absent; DOCKERLINGS_CORPUS=DIR
//!   points elsewhere, e.g. from a worktree; DOCKERLINGS_IGNORE=ID,… skips those rules).
//! - `check_process`: the whole `dockerlings check` process on one Dockerfile (start-up, read,
//!   lint, report), spawned like a user or CI would.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use divan::Bencher;
use divan::counter::{BytesCount, ItemsCount};
use dockerlings::dockerfile::lint::{LintOptions, lint};

fn main() {
    divan::main();
}

fn corpus() -> &'static [String] {
    static CORPUS: OnceLock<Vec<String>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = std::env::var_os("DOCKERLINGS_CORPUS")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("lint_corpus: skipped, no corpus at {}", dir.display());
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.to_string_lossy().contains("Dockerfile"))
            .collect();
        paths.sort();
        paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect()
    })
}

#[divan::bench]
fn lint_corpus(bencher: Bencher) {
    let files = corpus();
    let bytes: usize = files.iter().map(String::len).sum();
    // DOCKERLINGS_IGNORE=ID,ID skips rules, to measure what they cost (callgrind ratios).
    let options = LintOptions {
        ignore: std::env::var("DOCKERLINGS_IGNORE")
            .map(|v| v.split(',').map(str::to_string).collect())
            .unwrap_or_default(),
        ..LintOptions::default()
    };
    bencher
        .counter(BytesCount::new(bytes))
        .counter(ItemsCount::new(files.len()))
        .bench(|| {
            for source in files {
                divan::black_box(lint(divan::black_box(source), &options));
            }
        });
}

#[divan::bench(sample_count = 200)]
fn check_process(bencher: Bencher) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notes/node.Dockerfile");
    bencher.bench(|| {
        let status = Command::new(env!("CARGO_BIN_EXE_dockerlings"))
            .args(["check", "--fail-level", "none", "--color", "never"])
            .arg(&file)
            .stdout(Stdio::null())
            .status()
            .expect("the dockerlings binary runs");
        assert!(status.success());
    });
}
