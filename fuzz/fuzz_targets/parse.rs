//! Coverage-guided fuzzing of the Dockerfile parser: any bytes must give a result or a clean
//! error, never a panic, and every span must lie inside the input on character boundaries.
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run parse -- -max_total_time=600`.

#![no_main]

use dockerlings::dockerfile::ast::{Args, Healthcheck, Instruction, Span};
use dockerlings::dockerfile::parse_bytes;
use libfuzzer_sys::fuzz_target;

fn check(src: &str, span: Span) {
    assert!(span.start.offset <= span.end.offset, "{span:?}");
    assert!(span.end.offset <= src.len(), "{span:?}");
    assert!(src.is_char_boundary(span.start.offset) && src.is_char_boundary(span.end.offset));
    assert!(span.start.line >= 1 && span.start.column >= 1, "{span:?}");
}

fn check_args(src: &str, args: &Args) {
    match args {
        Args::Exec { elements, span } => {
            check(src, *span);
            elements.iter().for_each(|w| check(src, w.span));
        }
        Args::Text(w) => check(src, w.span),
        Args::Words(ws) => ws.iter().for_each(|w| check(src, w.span)),
        Args::KeyValues { pairs, .. } => pairs.iter().for_each(|p| {
            check(src, p.key.span);
            check(src, p.value.span);
        }),
        Args::Arg(decls) => decls.iter().for_each(|d| check(src, d.span)),
        Args::From(f) => f.words.iter().for_each(|w| check(src, w.span)),
        Args::Onbuild(Some(inner)) => check_instruction(src, inner),
        Args::Healthcheck(Healthcheck::Cmd { command, .. } | Healthcheck::Other { command, .. }) => {
            check_args(src, command)
        }
        _ => {}
    }
}

fn check_instruction(src: &str, i: &Instruction) {
    check(src, i.span);
    check(src, i.keyword_text.span);
    i.flags.iter().for_each(|f| check(src, f.span));
    i.heredocs.iter().for_each(|h| check(src, h.span));
    check_args(src, &i.args);
}

fuzz_target!(|data: &[u8]| {
    let Ok(result) = parse_bytes(data) else { return };
    let src = std::str::from_utf8(data).unwrap();
    for i in &result.dockerfile.instructions {
        check_instruction(src, i);
    }
    result.errors.iter().for_each(|e| check(src, e.span));
    // The BuildKit-shaped view must also build without panicking.
    let _ = dockerlings::dockerfile::parser::buildkit_view::BuildkitParse::from_result(&result);
});
