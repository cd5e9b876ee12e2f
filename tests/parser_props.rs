//! Property tests: parsing never panics, on any text or bytes, and every span it reports
//! lies inside the input, on character boundaries, with line and column matching the offset.

use dockerlings::dockerfile::ast::{Args, Healthcheck, Instruction, Pos, Span};
use dockerlings::dockerfile::{parse, parse_bytes};
use proptest::prelude::*;

/// Every span in an instruction (recursing into ONBUILD triggers and HEALTHCHECK commands).
fn instruction_spans(i: &Instruction, out: &mut Vec<Span>) {
    out.extend([i.span, i.keyword_text.span, i.args_text.span]);
    for f in &i.flags {
        out.push(f.span);
        out.extend(f.value_span);
    }
    for h in &i.heredocs {
        out.extend([h.span, h.marker_span]);
    }
    args_spans(&i.args, out);
}

fn args_spans(args: &Args, out: &mut Vec<Span>) {
    match args {
        Args::Empty | Args::Onbuild(None) => {}
        Args::Exec { elements, span } => {
            out.push(*span);
            out.extend(elements.iter().map(|w| w.span));
        }
        Args::Text(w) => out.push(w.span),
        Args::Words(ws) => out.extend(ws.iter().map(|w| w.span)),
        Args::KeyValues { pairs, .. } => {
            for p in pairs {
                out.extend([p.span, p.key.span, p.value.span]);
            }
        }
        Args::Arg(decls) => {
            for d in decls {
                out.extend([d.span, d.name.span]);
                out.extend(d.default.as_ref().map(|w| w.span));
            }
        }
        Args::From(f) => {
            out.extend(f.words.iter().map(|w| w.span));
            out.extend(f.platform.as_ref().map(|w| w.span));
        }
        Args::Onbuild(Some(inner)) => instruction_spans(inner, out),
        Args::Healthcheck(h) => match h {
            Healthcheck::None { keyword, extra } => {
                out.push(keyword.span);
                if let Some(extra) = extra {
                    args_spans(extra, out);
                }
            }
            Healthcheck::Cmd { keyword, command } | Healthcheck::Other { keyword, command } => {
                out.push(keyword.span);
                args_spans(command, out);
            }
        },
    }
}

/// The position an offset should have: 1-based line, column in characters (a leading BOM is
/// not a column).
fn expected_pos(src: &str, offset: usize) -> (u32, u32) {
    let before = &src[..offset];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut text = &src[line_start..offset];
    if line_start == 0 {
        text = text.strip_prefix('\u{feff}').unwrap_or(text);
    }
    (line, text.chars().count() as u32 + 1)
}

fn check_pos(src: &str, p: Pos) -> Result<(), TestCaseError> {
    prop_assert!(
        p.offset <= src.len(),
        "offset {} beyond {}",
        p.offset,
        src.len()
    );
    prop_assert!(
        src.is_char_boundary(p.offset),
        "offset {} inside a character",
        p.offset
    );
    prop_assert_eq!(
        (p.line, p.column),
        expected_pos(src, p.offset),
        "at offset {}",
        p.offset
    );
    Ok(())
}

fn check_all_spans(src: &str) -> Result<(), TestCaseError> {
    let r = parse(src);
    let mut spans = Vec::new();
    for i in &r.dockerfile.instructions {
        instruction_spans(i, &mut spans);
        prop_assert!(i.start_line <= i.end_line);
    }
    spans.extend(r.dockerfile.directives.iter().map(|d| d.span));
    spans.extend(r.warnings.iter().map(|w| w.span));
    spans.extend(r.errors.iter().map(|e| e.span));
    for s in spans {
        prop_assert!(s.start.offset <= s.end.offset, "{s:?}");
        check_pos(src, s.start)?;
        check_pos(src, s.end)?;
    }
    Ok(())
}

/// Dockerfile-ish text: keywords, flags, quotes, escapes, heredocs, JSON, directives, odd
/// whitespace and non-ASCII, glued in random order.
fn dockerfileish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("FROM ".to_string()),
        Just("RUN ".to_string()),
        Just("COPY ".to_string()),
        Just("ENV ".to_string()),
        Just("ARG ".to_string()),
        Just("ONBUILD ".to_string()),
        Just("HEALTHCHECK ".to_string()),
        Just("LABEL ".to_string()),
        Just("CMD ".to_string()),
        Just("--from=x ".to_string()),
        Just("--mount=\"a b\" ".to_string()),
        Just("\\\n".to_string()),
        Just("`\n".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("<<EOF ".to_string()),
        Just("<<-'E' ".to_string()),
        Just("\nEOF\n".to_string()),
        Just("\n\tE\n".to_string()),
        Just("[\"a\", ".to_string()),
        Just("]".to_string()),
        Just("[1]".to_string()),
        Just("# escape=`\n".to_string()),
        Just("# syntax=x\n".to_string()),
        Just("#".to_string()),
        Just("\u{feff}".to_string()),
        Just("a=b ".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("${".to_string()),
        Just("é\u{a0}".to_string()),
        Just("\t".to_string()),
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn dockerfileish_text_never_panics_and_spans_are_inside(src in dockerfileish()) {
        check_all_spans(&src)?;
    }

    #[test]
    fn arbitrary_text_never_panics_and_spans_are_inside(src in any::<String>()) {
        check_all_spans(&src)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        match parse_bytes(&bytes) {
            Ok(_) => prop_assert!(std::str::from_utf8(&bytes).is_ok()),
            Err(e) => prop_assert!(e.message.contains("UTF-8")),
        }
    }
}
