//! Parser throughput over the shared corpus (`../shared/corpus/*.Dockerfile`, or the in-repo
//! fixtures when it is absent): `cargo bench --bench parser`. divan reports the time per pass
//! over all files; the bytes and items counters give MB/s and files/s on one core.

use std::path::{Path, PathBuf};

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use dockerlings::dockerfile::parse;

fn main() {
    divan::main();
}

/// Files to parse: the shared corpus if present, else the in-repo fixtures.
fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = std::env::var_os("DOCKERLINGS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"))
        .join("corpus");
    let dir = if shared.is_dir() {
        shared
    } else {
        root.join("tests/fixtures/parser")
    };
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().ends_with("Dockerfile"))
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[divan::bench]
fn parse_corpus(bencher: Bencher) {
    let files = corpus();
    let bytes: usize = files.iter().map(String::len).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .counter(ItemsCount::new(files.len()))
        .bench(|| {
            for f in &files {
                black_box(parse(black_box(f)));
            }
        });
}

/// One large synthetic file (about 10 MB), to show throughput does not fall with size.
#[divan::bench]
fn parse_ten_megabytes(bencher: Bencher) {
    let block = "FROM golang:1.25 AS build\nWORKDIR /src\nCOPY --from=x go.mod go.sum ./\n\
                 RUN --mount=type=cache,target=/go go build -o /app ./... && \\\n    echo done\n\
                 ENV A=1 B=\"two words\"\nCMD [\"/app\", \"--flag\"]\n";
    let src = block.repeat(10 * 1024 * 1024 / block.len() + 1);
    bencher
        .counter(BytesCount::new(src.len()))
        .bench(|| black_box(parse(black_box(&src))));
}
