//! The four Dockerfiles of the learner's notes give what an expert reviewer would say
//! (DOCKERFILE-FACTS §5): each expected finding present, nothing unexpected at warning or above.

use std::path::Path;

use dockerlings::dockerfile::Severity;
use dockerlings::dockerfile::lint::{LintOptions, lint};

fn findings(name: &str) -> Vec<(&'static str, usize, Severity, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rules/notes")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    lint(&text, &LintOptions::default())
        .diagnostics
        .into_iter()
        .map(|d| (d.rule, d.location.line, d.severity, d.message))
        .collect()
}

/// Asserts the (rule, line) pairs at warning level or above are exactly `want`.
fn expect(name: &str, want: &[(&str, usize)]) {
    let got = findings(name);
    for d in &got {
        eprintln!("{name}: {:?} line {} {:?}: {}", d.0, d.1, d.2, d.3);
    }
    let mut serious: Vec<(&str, usize)> = got
        .iter()
        .filter(|d| d.2 >= Severity::Warning)
        .map(|d| (d.0, d.1))
        .collect();
    serious.sort();
    let mut want = want.to_vec();
    want.sort();
    assert_eq!(serious, want, "{name}");
}

#[test]
fn node_multi_stage() {
    // node:18 is EOL (both stages); only dist/ is copied: no node_modules; runs as root.
    expect(
        "1-node.Dockerfile",
        &[("DK209", 1), ("DK209", 8), ("DK207", 10), ("DK206", 8)],
    );
}

#[test]
fn go_on_alpine() {
    // cgo on by default in golang:1.20 (Debian) → glibc binary on musl alpine; alpine untagged;
    // golang 1.20 EOL; final stage runs as root.
    expect(
        "2-go-alpine.Dockerfile",
        &[("DK209", 1), ("DL3006", 6), ("DK203", 8), ("DK206", 6)],
    );
}

#[test]
fn go_on_distroless() {
    // distroless/base has glibc: the cgo binary runs; USER nonroot is not root. Untagged
    // (DL3006) and golang:1.20 EOL remain; the unsuffixed distroless name floats (info).
    expect("3-go-distroless.Dockerfile", &[("DK209", 1), ("DL3006", 6)]);
    let all = findings("3-go-distroless.Dockerfile");
    assert!(all.iter().any(|d| d.0 == "DK210" && d.1 == 6));
    assert!(all.iter().any(|d| d.0 == "DL3066" && d.1 == 9));
}

#[test]
fn node_on_distroless() {
    // nodejs18 deprecated; CMD ["dist/server.js"] is right (the image's ENTRYPOINT is node),
    // but there is no node_modules and the :latest variant runs as root.
    expect(
        "4-node-distroless.Dockerfile",
        &[
            ("DK209", 1),
            ("DK209", 8),
            ("DK207", 10),
            ("DK206", 8),
            ("DL3006", 8),
        ],
    );
    assert!(
        !findings("4-node-distroless.Dockerfile")
            .iter()
            .any(|d| d.0 == "DK211")
    );
}
