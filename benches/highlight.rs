//! Highlighting costs: loading the embedded sets, the first highlight after warm-up, and
//! throughput over ../shared/corpus. Run briefly: `cargo bench --bench highlight`.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::counter::ItemsCount;
use dockerlings::highlight::{CodeTheme, Highlighter, load_syntax_set, load_theme_set, warm_up};
use syntect::easy::HighlightLines;

fn main() {
    divan::main();
}

/// A multi-stage Dockerfile of 49 lines, typical of a lesson example.
const EXAMPLE: &str = include_str!("../tests/fixtures/highlight/multistage.Dockerfile");

/// The corpus's Dockerfiles (empty when ../shared is absent; the throughput bench then skips).
static CORPUS: LazyLock<Vec<String>> = LazyLock::new(|| {
    // DOCKERLINGS_SHARED points elsewhere when the crate is not next to shared/ (a worktree).
    let shared = std::env::var_os("DOCKERLINGS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let dir = shared.join("corpus");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "Dockerfile"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if texts.is_empty() {
        eprintln!("corpus bench skipped: {} is absent", dir.display());
    }
    texts.sort();
    texts
});

#[divan::bench]
fn load_embedded_syntax_set() -> syntect::parsing::SyntaxSet {
    load_syntax_set()
}

#[divan::bench]
fn load_embedded_theme_set() -> syntect::highlighting::ThemeSet {
    load_theme_set()
}

/// What warm-up saves: a fresh set, so the Dockerfile and shell regexes compile again.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn first_highlight_cold(bencher: divan::Bencher) {
    let themes = load_theme_set();
    let theme = &themes.themes["ansi"];
    bencher
        .with_inputs(load_syntax_set)
        .bench_local_values(|set| {
            let syntax = set.find_syntax_by_name("Dockerfile").unwrap();
            let mut lines = HighlightLines::new(syntax, theme);
            for line in EXAMPLE.split_inclusive('\n') {
                divan::black_box(lines.highlight_line(line, &set).unwrap());
            }
        });
}

/// A block seen for the first time (no cache hit), after `warm_up()` compiled the regexes.
#[divan::bench]
fn first_highlight_after_warm_up(bencher: divan::Bencher) {
    warm_up();
    bencher
        .with_inputs(|| Highlighter::new(CodeTheme::Ansi))
        .bench_local_refs(|hl| hl.highlight(EXAMPLE, Some("dockerfile")));
}

/// A block already highlighted: the reader's per-frame cost if it forgot to keep the result.
#[divan::bench]
fn cached_highlight(bencher: divan::Bencher) {
    let hl = Highlighter::new(CodeTheme::Ansi);
    hl.highlight(EXAMPLE, Some("dockerfile"));
    bencher.bench_local(|| hl.highlight(EXAMPLE, Some("dockerfile")));
}

/// Lines per second over every corpus Dockerfile.
#[divan::bench(sample_count = 10)]
fn corpus_throughput(bencher: divan::Bencher) {
    warm_up();
    let lines: usize = CORPUS.iter().map(|t| t.lines().count()).sum();
    bencher
        .counter(ItemsCount::new(lines))
        .with_inputs(|| Highlighter::new(CodeTheme::Ansi))
        .bench_local_refs(|hl| {
            for text in CORPUS.iter() {
                divan::black_box(hl.highlight(text, Some("dockerfile")));
            }
        });
}
