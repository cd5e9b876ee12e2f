//! Layout properties on random documents full of wide characters: no line is ever wider than
//! the width, at every width from 1 to 120, and code lines are never silently changed (at
//! widths where every grapheme fits; below that a too-wide grapheme shows as `?`).

use dockerlings::course::Course;
use dockerlings::course::doc::{Align, Block, Callout, Doc, Inline, InlineStyle};
use dockerlings::course::layout::{CodeRef, LaidLine, SpanStyle, layout};
use proptest::prelude::*;

mod cputime;
use cputime::thread_cpu_time;

/// Words mixing ASCII, emoji, CJK, combining marks, ZWJ and flag sequences.
fn word() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "a",
            "bc",
            "def",
            "Dockerfile",
            "—",
            "🐘",
            "✅",
            "⚡",
            "容",
            "器",
            "e\u{301}",
            "🐻\u{200D}❄",
            "🇩🇪",
            "👍🏽",
            "x",
            "supercalifragilistic",
            "--from=builder",
        ]),
        1..4,
    )
    .prop_map(|parts| parts.concat())
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (word(), prop::sample::select(vec![" ", " ", "  ", "\n"])),
        0..12,
    )
    .prop_map(|words| words.into_iter().map(|(w, sep)| w + sep).collect())
}

fn inlines() -> impl Strategy<Value = Vec<Inline>> {
    prop::collection::vec((text(), any::<bool>(), prop::option::of(word())), 0..4).prop_map(
        |runs| {
            runs.into_iter()
                .map(|(text, strong, link)| Inline {
                    text,
                    style: InlineStyle {
                        strong,
                        link,
                        ..InlineStyle::default()
                    },
                })
                .collect()
        },
    )
}

fn leaf_block() -> impl Strategy<Value = Block> {
    prop_oneof![
        inlines().prop_map(Block::Paragraph),
        (1u8..5, inlines()).prop_map(|(level, text)| Block::Heading { level, text }),
        prop::collection::vec(text(), 1..4).prop_map(|lines| Block::Code {
            lang: None,
            code: lines.join("\n"),
        }),
        (1usize..5, 0usize..4).prop_flat_map(|(columns, rows)| {
            (
                prop::collection::vec(inlines(), columns),
                prop::collection::vec(prop::collection::vec(inlines(), columns), rows),
            )
                .prop_map(move |(header, rows)| Block::Table {
                    align: vec![Align::Left, Align::Right, Align::Center, Align::Left]
                        [..columns.min(4)]
                        .to_vec(),
                    header,
                    rows,
                })
        }),
        Just(Block::Rule),
    ]
}

fn block() -> impl Strategy<Value = Block> {
    leaf_block().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            (
                prop::option::of(1u64..200),
                prop::collection::vec(prop::collection::vec(inner.clone(), 1..3), 1..4)
            )
                .prop_map(|(start, items)| Block::List { start, items }),
            (
                prop::sample::select(vec![
                    Callout::Note,
                    Callout::Tip,
                    Callout::Warning,
                    Callout::Analogy
                ]),
                prop::collection::vec(inner, 1..3)
            )
                .prop_map(|(callout, blocks)| Block::Quote { callout, blocks }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 32,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_line_exceeds_the_width(blocks in prop::collection::vec(block(), 0..5)) {
        let doc = Doc { blocks };
        for width in 1u16..=120 {
            for line in layout(&doc, width) {
                prop_assert!(
                    line.width() <= usize::from(width),
                    "width {width}: {:?} is {} wide", line.text(), line.width()
                );
            }
        }
    }

    #[test]
    fn code_is_split_never_changed(lines in prop::collection::vec(text(), 1..5), width in 6u16..120) {
        let code = lines.join("\n").replace('\n', " ").chars().take(400).collect::<String>()
            + "\nsecond line";
        let doc = Doc { blocks: vec![Block::Code { lang: Some("dockerfile".into()), code: code.clone() }] };
        let laid = layout(&doc, width);
        for (n, source) in code.split('\n').enumerate() {
            let joined: String = laid
                .iter()
                .filter(|l| l.code == Some(CodeRef { block: 0, line: n }))
                .flat_map(|l| &l.spans)
                .filter(|s| matches!(s.style, SpanStyle::Code { .. }))
                .map(|s| s.text.as_str())
                .collect();
            prop_assert_eq!(joined, source);
        }
    }
}

/// A quick sanity check on speed (benches proper belong to the TUI): laying out every
/// section of the bundled pack and the fixtures at three widths stays far from a frame budget
/// even in a debug build. Prints the figures (`--nocapture`).
#[test]
fn layout_is_quick() {
    let fixtures =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lessons-good");
    let started = thread_cpu_time();
    let mut courses = [Course::bundled(), Course::load_dir(fixtures).unwrap()];
    let loading = thread_cpu_time() - started;
    let docs: Vec<Doc> = courses
        .iter_mut()
        .flat_map(|c| c.lessons.drain(..))
        .flat_map(|l| l.sections)
        .map(|s| s.doc)
        .collect();
    let started = thread_cpu_time();
    let mut longest: Vec<LaidLine> = Vec::new();
    for width in [40, 80, 120] {
        for doc in &docs {
            let lines = layout(doc, width);
            if lines.len() > longest.len() {
                longest = lines;
            }
        }
    }
    let all = thread_cpu_time() - started;
    let per_section = all / (3 * docs.len().max(1) as u32);
    eprintln!(
        "loaded the packs in {loading:?}; laid out {} sections at 3 widths in {all:?} \
         ({:?} a section); the longest has {} lines",
        docs.len(),
        per_section,
        longest.len()
    );
    assert!(!longest.is_empty());
    // CPU time, so a busy machine does not count; per section, so a growing pack does not
    // either. A frame is 16 ms: one section's layout stays far below it.
    assert!(per_section.as_millis() < 8, "{per_section:?} a section");
}
