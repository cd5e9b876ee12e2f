//! Notes import: the learner's notes (../shared/seed/notes.txt, skipped when absent) and an
//! in-repo fixture of the same layout, written for these tests.

mod needs;

use std::path::Path;

use dockerlings::course::doc::{Block, Inline};
use dockerlings::course::notes::{import, import_file};
use dockerlings::course::{Lesson, SectionKind};

/// Characters that only appear in Mac Roman mojibake of UTF-8 here.
const MOJIBAKE: &[&str] = &["‚Äî", "‚Äô", "‚Äú", "‚úÖ", "\u{F8FF}", "üê"];

fn all_text(lesson: &Lesson) -> String {
    fn inlines(out: &mut String, inlines: &[Inline]) {
        for i in inlines {
            out.push_str(&i.text);
            out.push(' ');
        }
    }
    fn blocks(out: &mut String, list: &[Block]) {
        for b in list {
            match b {
                Block::Heading { text, .. } | Block::Paragraph(text) => inlines(out, text),
                Block::List { items, .. } => items.iter().for_each(|i| blocks(out, i)),
                Block::Quote { blocks: inner, .. } => blocks(out, inner),
                Block::Code { code, .. } => out.push_str(code),
                Block::Table { header, rows, .. } => {
                    header.iter().for_each(|c| inlines(out, c));
                    rows.iter().flatten().for_each(|c| inlines(out, c));
                }
                Block::Rule => {}
            }
            out.push('\n');
        }
    }
    let mut out = lesson.title.clone();
    for s in &lesson.sections {
        out.push_str(&s.title);
        blocks(&mut out, &s.doc.blocks);
    }
    out
}

fn codes(blocks: &[Block]) -> Vec<&str> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Code { lang, code } => {
                assert_eq!(lang.as_deref(), Some("dockerfile"));
                Some(code.as_str())
            }
            _ => None,
        })
        .collect()
}

fn table(blocks: &[Block]) -> (Vec<String>, Vec<Vec<String>>) {
    let cell = |c: &Vec<Inline>| c.iter().map(|i| i.text.as_str()).collect::<String>();
    blocks
        .iter()
        .find_map(|b| match b {
            Block::Table { header, rows, .. } => Some((
                header.iter().map(cell).collect(),
                rows.iter().map(|r| r.iter().map(cell).collect()).collect(),
            )),
            _ => None,
        })
        .expect("a table")
}

#[test]
fn seed_notes_import() {
    let Some(path) = needs::shared("seed/notes.txt") else {
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap();
    let lesson = import(&text, "notes.txt");
    assert_eq!(
        lesson.title,
        "Multi-stage Docker Builds and Distroless Images Notes"
    );
    let titles: Vec<(&str, SectionKind)> = lesson
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.kind))
        .collect();
    use SectionKind::*;
    assert_eq!(
        titles,
        [
            ("What are Multi-stage Docker Builds", Concept),
            ("Why We Need Multi-stage Builds", Concept),
            ("Example: Multi-stage Dockerfile", Example),
            ("Benefits of Multi-stage Builds", Concept),
            ("What are Distroless Images", Concept),
            ("Why Use Distroless Images", Concept),
            ("Example: Using Distroless Image", Example),
            ("Multi-Stage + Distroless Together", Concept),
            ("Summary", Summary),
            ("Analogy", Analogy),
        ]
    );
    let s = &lesson.sections;
    // Each example's "Stage N:" blocks are one Dockerfile, captions kept as comments, so
    // inspecting it sees the build stage and the final stage together.
    let node_and_go = codes(&s[2].doc.blocks);
    assert_eq!(node_and_go.len(), 2, "{node_and_go:#?}");
    assert!(node_and_go[0].starts_with("# Stage 1: Build the app\nFROM node:18 AS builder\n"));
    assert!(
        node_and_go[0]
            .contains("RUN npm run build\n\n# Stage 2: Run the app\nFROM node:18-alpine\n")
    );
    assert!(node_and_go[1].starts_with("# Stage 1: Build binary\nFROM golang:1.20 AS builder\n"));
    assert!(node_and_go[1].ends_with(
        "# Stage 2: Run app\nFROM alpine\nWORKDIR /app\nCOPY --from=builder /app/myapp .\nCMD [\"./myapp\"]"
    ));
    let distroless = codes(&s[6].doc.blocks);
    assert_eq!(distroless.len(), 1, "{distroless:#?}");
    assert!(
        distroless[0]
            .contains("\n\n# Stage 2: Use distroless image\nFROM gcr.io/distroless/base\n")
    );
    assert!(distroless[0].contains("USER nonroot:nonroot"));
    for code in node_and_go.iter().chain(&distroless) {
        let froms = code.lines().filter(|l| l.starts_with("FROM ")).count();
        assert_eq!(froms, 2, "{code}");
    }
    let together = codes(&s[7].doc.blocks);
    assert_eq!(together.len(), 1, "both stages in one example");
    assert!(together[0].contains("\n\nFROM gcr.io/distroless/nodejs18\n"));

    let (header, rows) = table(&s[8].doc.blocks);
    assert_eq!(header, ["Concept", "Description"]);
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0][0], "Multi-stage Build", "bold markers become style");
    assert_eq!(rows[3][0], "Best Practice");

    let text = all_text(&lesson);
    for bad in MOJIBAKE {
        assert!(!text.contains(bad), "mojibake {bad:?} left");
    }
    for good in ["—", "🐘", "🐢", "🔒", "✅", "’", "“distroless”", "🔐", "⚡"] {
        assert!(text.contains(good), "{good} missing");
    }
}

#[test]
fn fixture_notes_import() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notes-sample.txt");
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.contains("‚Äî"),
        "the fixture is mis-decoded on purpose"
    );
    let lesson = import(&text, "notes-sample.txt");
    assert_eq!(lesson.title, "Small Images, Short Notes");
    assert_eq!(lesson.id, "notes-sample");
    let titles: Vec<&str> = lesson.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Layers Add Up",
            "A Rust Example",
            "Checklist",
            "Comparison",
            "Analogy"
        ]
    );
    let s = &lesson.sections;

    // Section 1: a hard break kept, a list, and correct text left untouched.
    assert_eq!(
        s[0].doc.blocks[0],
        Block::Paragraph(vec![Inline::plain(
            "Every instruction that changes files adds a layer — and layers never shrink.\n\
             Deleting a file in a later step hides it, but the bytes stay in the image."
        )])
    );
    assert!(matches!(&s[0].doc.blocks[2], Block::List { items, .. } if items.len() == 2));
    assert!(all_text(&lesson).contains("naïve café — “fine” … 🐘 容器"));

    // Section 2 goes on after a dashed rule with no numbered heading.
    let rust = codes(&s[1].doc.blocks);
    assert_eq!(rust.len(), 2, "{rust:#?}");
    assert_eq!(
        rust[0],
        "# Stage 1: Compile\nFROM rust:1.82 AS build\nWORKDIR /src\nCOPY . .\nRUN cargo build --release \\\n    --locked\n\n\
         # Stage 2: Ship\nFROM gcr.io/distroless/cc-debian12\nCOPY --from=build /src/target/release/app /app\nENTRYPOINT [\"/app\"]"
    );
    assert!(rust[1].starts_with("FROM golang:1.22 AS build\nENV CGO_ENABLED=0"));
    assert!(rust[1].ends_with("FROM scratch\nCOPY --from=build /out/app /app"));
    assert!(s[1].doc.blocks.iter().any(|b| matches!(
        b,
        Block::Heading { level: 3, text } if text[0].text == "Example 2: Static binary"
    )));

    assert_eq!(
        s[2].doc.blocks,
        [Block::Paragraph(vec![Inline::plain(
            "✅ Pin the base image tag\n✅ Run as a non-root user\n✅ Keep secrets out of layers"
        )])]
    );
    let (header, rows) = table(&s[3].doc.blocks);
    assert_eq!(header, ["Base image", "Shell", "Typical use"]);
    assert_eq!(rows[2], ["scratch", "no", "Fully static binaries"]);
    assert_eq!(s[4].kind, SectionKind::Analogy);

    let text = all_text(&lesson);
    for bad in MOJIBAKE {
        assert!(!text.contains(bad), "mojibake {bad:?} left");
    }
    assert!(text.contains("That’s the whole image: one file 📦"));
}

#[test]
fn import_file_reads_and_tolerates_bad_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my notes.txt");
    std::fs::write(&path, b"1. One:\nCaf\xe9 text\n").unwrap();
    let lesson = import_file(&path).unwrap();
    assert_eq!(lesson.id, "my-notes");
    assert_eq!(lesson.sections[0].title, "One");
    assert_eq!(
        lesson.sections[0].doc.blocks,
        [Block::Paragraph(vec![Inline::plain("Caf\u{FFFD} text")])]
    );
    assert!(import_file(&dir.path().join("absent.txt")).is_err());
}
