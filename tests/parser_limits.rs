//! Hostile input: huge files, 100k continuation lines, deep nesting, long ONBUILD chains and
//! many words on one line. Each must parse without panicking or overflowing the stack, in
//! time linear in its size (the limits here are generous wall-clock bounds for a debug build
//! on a loaded machine; `benches/parser.rs` measures the real throughput).

use std::time::{Duration, Instant};

use dockerlings::dockerfile::ast::{Args, ErrorKind};
use dockerlings::dockerfile::{ParseResult, parse};

fn timed(src: &str) -> (ParseResult, Duration) {
    let t = Instant::now();
    let r = parse(src);
    (r, t.elapsed())
}

const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn hundred_thousand_continuation_lines() {
    let src = format!("FROM a\nRUN echo \\\n{}done\n", "  x \\\n".repeat(100_000));
    let (r, took) = timed(&src);
    assert!(r.is_ok());
    let run = &r.dockerfile.instructions[1];
    assert_eq!((run.start_line, run.end_line), (2, 100_003));
    assert!(run.args_text.text.ends_with("  x done"));
    assert!(took < LIMIT, "{took:?}");
}

#[test]
fn hundred_thousand_continuation_lines_of_words() {
    let src = format!("FROM a\nCOPY \\\n{}/dst/\n", "  é.txt \\\n".repeat(100_000));
    let (r, took) = timed(&src);
    let Args::Words(words) = &r.dockerfile.instructions[1].args else {
        panic!()
    };
    assert_eq!(words.len(), 100_001);
    assert_eq!(words[99_999].span.start.line, 100_002);
    assert!(took < LIMIT, "{took:?}");
}

#[test]
fn ten_megabyte_file() {
    let block = "FROM golang:1.25 AS build\nWORKDIR /src\nCOPY --from=x go.mod go.sum ./\n\
                 RUN --mount=type=cache,target=/go go build -o /app ./... && \\\n    echo done\n\
                 ENV A=1 B=\"two words\"\nCMD [\"/app\", \"--flag\"]\n";
    let src = block.repeat(10 * 1024 * 1024 / block.len() + 1);
    let (r, took) = timed(&src);
    assert!(r.is_ok());
    assert_eq!(
        r.dockerfile.instructions.len(),
        6 * (10 * 1024 * 1024 / block.len() + 1)
    );
    assert!(took < LIMIT, "{took:?}");
}

#[test]
fn deeply_nested_substitutions_and_json() {
    // Physical lines are capped at 64 KiB, so the nesting spans continuation lines.
    let depth = 100_000;
    let nested = format!(
        "{}x{}}}",
        "${a:-\\\n".repeat(depth),
        "}\\\n".repeat(depth - 1)
    );
    let src = format!(
        "FROM {nested}\nENV A={nested}\nRUN echo {nested}\nCMD {}\n",
        "[\\\n".repeat(depth)
    );
    let (r, took) = timed(&src);
    assert!(r.is_ok(), "{:?}", r.errors);
    assert!(
        matches!(&r.dockerfile.instructions[3].args, Args::Text(_)),
        "deep JSON falls back to shell form"
    );
    assert!(took < LIMIT, "{took:?}");
}

#[test]
fn long_onbuild_chain_does_not_recurse() {
    let src = format!("FROM a\n{}RUN [\"x\", 1]\n", "ONBUILD ".repeat(8_000));
    let (r, _) = timed(&src);
    assert_eq!(
        r.errors[0].kind,
        ErrorKind::JsonNotStrings,
        "errors deep in the chain are found"
    );
}

#[test]
fn one_line_with_twenty_thousand_non_ascii_words() {
    let src = format!("FROM a\nCOPY {}/d/\n", "é ".repeat(20_000));
    let (r, took) = timed(&src);
    let Args::Words(words) = &r.dockerfile.instructions[1].args else {
        panic!()
    };
    assert_eq!(words[19_999].span.start.column, 6 + 2 * 19_999);
    assert!(took < LIMIT, "{took:?}");
}

#[test]
fn many_heredocs_and_a_long_body() {
    let n = 5_000;
    let src = format!(
        "FROM a\nRUN {}\n{}COPY <<EOF /x\n{}EOF\n",
        "<<A ".repeat(n),
        "body\nA\n".repeat(n),
        "line\n".repeat(100_000)
    );
    let (r, took) = timed(&src);
    assert!(r.is_ok());
    assert_eq!(r.dockerfile.instructions[1].heredocs.len(), n);
    assert_eq!(r.dockerfile.instructions[2].heredocs[0].body.len(), 500_000);
    assert!(took < LIMIT, "{took:?}");
}

#[test]
fn binary_garbage_is_handled() {
    let bytes: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    let (r, took) = timed(&text);
    // Whatever it makes of it, it must finish and locate everything inside the input.
    for i in &r.dockerfile.instructions {
        assert!(i.span.end.offset <= text.len());
    }
    assert!(took < LIMIT, "{took:?}");
    assert!(dockerlings::dockerfile::parse_bytes(&bytes).is_err());
}
