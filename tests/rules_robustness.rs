//! Bad and big input through the whole validator: no panic, and work that grows linearly.

use std::time::Duration;

use dockerlings::dockerfile::lint::{LintOptions, lint};

mod cputime;
#[cfg(unix)]
use cputime::thread_cpu_time;

/// Findings, and the least CPU time of three runs (the least is the run least disturbed by
/// cache misses and interrupts).
#[cfg(unix)]
fn lint_timed(text: &str) -> (usize, Duration) {
    let mut best = Duration::MAX;
    let mut findings = 0;
    for _ in 0..3 {
        let start = thread_cpu_time();
        findings = lint(text, &LintOptions::default()).diagnostics.len();
        best = best.min(thread_cpu_time() - start);
    }
    (findings, best)
}

/// A file of `n` stages, each copying from the one before, with RUNs that fire rules.
fn many_stages(n: usize) -> String {
    let mut s = String::from("FROM alpine AS s0\n");
    for i in 1..n {
        s.push_str(&format!(
            "FROM alpine:3.22 AS s{i}\nCOPY --from=s{} /a /a\nRUN apt-get update\nrun echo {i}\n",
            i - 1
        ));
    }
    s
}

#[cfg(unix)]
#[test]
fn big_files_lint_in_linear_time() {
    let (small_n, small) = lint_timed(&many_stages(1_000));
    let (big_n, big) = lint_timed(&many_stages(8_000));
    assert!(big_n > small_n * 7, "{small_n} → {big_n} findings");
    // 8× the input is 8× the work when linear and 64× when quadratic; 24× leaves room for
    // caches that the larger input no longer fits in.
    assert!(
        big < small * 24,
        "1k stages took {small:?} of CPU, 8k stages {big:?}"
    );
}

#[test]
fn odd_input_gives_diagnostics_not_panics() {
    let nested = format!(
        "FROM alpine:{}x{}\n",
        "${A:-".repeat(5_000),
        "}".repeat(5_000)
    );
    let cases = [
        "",
        "\n\n\n",
        "# just a comment\n",
        "FROM\n",
        "FROM a b c d\n",
        "COPY --from= / /\nFROM scratch\nCOPY --from=99999999999999999999999 / /\n",
        "FROM scratch AS a\nFROM a AS a\nCOPY --from=a . .\n",
        "FROM ${\n",
        "FROM --platform= \n",
        "\u{feff}FROM alpine:3.22\nRUN \"\n",
        "FROM alpine:3.22\nRUN <<EOF\n",
        "FROM alpine:3.22\nHEALTHCHECK\nONBUILD\nONBUILD ONBUILD RUN x\nUSER\nWORKDIR\nEXPOSE 99999999999999999999/tcp\n",
        nested.as_str(),
    ];
    for case in cases {
        let r = lint(case, &LintOptions::default());
        for d in &r.diagnostics {
            assert!(d.location.line >= 1, "{case:?}: {d:?}");
        }
    }
    let binary: String = (0..20_000u32)
        .map(|i| char::from_u32((i * 7919) % 0xD7FF).unwrap_or('x'))
        .collect();
    lint(&binary, &LintOptions::default());
}
