//! Plain-text notes → a [`Lesson`], for notes laid out like the learner's notes.txt:
//! a title banner between `=` lines, sections between dashed `----` rules, each opened by a
//! numbered heading `N. Title:`, bullet lines `- `, `Stage N:` captions, Dockerfile examples
//! (runs of lines that start with an instruction) and a `|`-table. Mac Roman mojibake is
//! repaired first. Inline Markdown the notes use (`**bold**`, `` `code` ``) is honoured.

use std::path::PathBuf;

use super::doc::{Align, Block, Doc, Inline};
use super::hygiene::{clean_code, clean_prose};
use super::markdown::to_doc;
use super::model::{Lesson, Section, SectionKind};
use super::mojibake::repair_mac_roman;

/// Dockerfile instructions that open or continue a code example.
const INSTRUCTIONS: &[&str] = &[
    "FROM",
    "RUN",
    "CMD",
    "COPY",
    "ADD",
    "WORKDIR",
    "ENV",
    "ARG",
    "EXPOSE",
    "USER",
    "LABEL",
    "ENTRYPOINT",
    "VOLUME",
    "HEALTHCHECK",
    "SHELL",
    "STOPSIGNAL",
    "ONBUILD",
    "MAINTAINER",
];

/// Imports a notes file. `source_name` (a file name or path) becomes the lesson's id and
/// source; the banner (or the first line) becomes its title.
pub fn import(text: &str, source_name: &str) -> Lesson {
    let text = repair_mac_roman(text);
    // Lines keep their trailing spaces: two of them mark a hard break, as in Markdown.
    let lines: Vec<&str> = text.lines().collect();
    let (banner, body) = split_banner(&lines);
    let title = banner
        .or_else(|| {
            lines
                .iter()
                .find(|l| !l.trim().is_empty())
                .map(|l| l.trim().to_string())
        })
        .unwrap_or_else(|| source_name.to_string());
    let title = clean_prose(&title).into_owned();

    let mut sections: Vec<(String, Vec<&str>)> = Vec::new();
    let mut after_rule = true;
    for &line in body {
        if is_rule(line, '-') {
            after_rule = true;
            continue;
        }
        if line.trim().is_empty() {
            if let Some((_, lines)) = sections.last_mut() {
                lines.push(line);
            }
            continue;
        }
        match numbered_heading(line).filter(|_| after_rule) {
            Some(heading) => sections.push((heading, Vec::new())),
            None if sections.is_empty() => sections.push((title.clone(), vec![line])),
            None => sections
                .last_mut()
                .into_iter()
                .for_each(|(_, l)| l.push(line)),
        }
        after_rule = false;
    }
    let sections = sections
        .into_iter()
        .map(|(heading, lines)| Section {
            kind: kind_of(&heading),
            title: clean_prose(&heading).into_owned(),
            doc: Doc {
                blocks: blocks(&lines),
            },
        })
        .collect();
    Lesson {
        id: slug(source_name),
        title,
        order: 0,
        summary: format!("Imported from {source_name}"),
        sections,
        source: PathBuf::from(source_name),
    }
}

/// Reads and imports a notes file (for `dockerlings notes FILE`). Bytes that are not UTF-8
/// show as U+FFFD instead of failing the import: notes are often hand-edited.
pub fn import_file(path: &std::path::Path) -> std::io::Result<Lesson> {
    let bytes = crate::safe_fs::read_limited(path, crate::safe_fs::Kind::Notes)?;
    Ok(import(
        &String::from_utf8_lossy(&bytes),
        &path.display().to_string(),
    ))
}

/// The title between two `=` rules at the top, and the lines after it.
fn split_banner<'a>(lines: &'a [&'a str]) -> (Option<String>, &'a [&'a str]) {
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let Some(first) = first.filter(|&i| is_rule(lines[i], '=')) else {
        return (None, lines);
    };
    let Some(close) = lines[first + 1..].iter().position(|l| is_rule(l, '=')) else {
        return (None, lines);
    };
    let close = first + 1 + close;
    let title: Vec<&str> = lines[first + 1..close]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    (
        (!title.is_empty()).then(|| title.join(" ")),
        &lines[close + 1..],
    )
}

/// A line made only of `ch` (at least four of them).
fn is_rule(line: &str, ch: char) -> bool {
    let line = line.trim();
    line.len() >= 4 && line.chars().all(|c| c == ch)
}

/// `3. Example: Multi-stage Dockerfile` → `Example: Multi-stage Dockerfile`; a trailing
/// colon is dropped.
fn numbered_heading(line: &str) -> Option<String> {
    let (number, rest) = line.trim().split_once(". ")?;
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let title = rest.trim().trim_end_matches(':').trim();
    (!title.is_empty()).then(|| title.to_string())
}

fn kind_of(heading: &str) -> SectionKind {
    let lower = heading.to_lowercase();
    if lower.starts_with("analogy") {
        SectionKind::Analogy
    } else if lower.starts_with("summary") {
        SectionKind::Summary
    } else if lower.starts_with("example") {
        SectionKind::Example
    } else {
        SectionKind::Concept
    }
}

fn slug(source_name: &str) -> String {
    let stem = std::path::Path::new(source_name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(source_name);
    let slug: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "notes".into()
    } else {
        slug
    }
}

fn is_instruction(line: &str) -> bool {
    let word = line.split_whitespace().next().unwrap_or("");
    INSTRUCTIONS.contains(&word)
}

/// `Stage 1: Build the app`, `Example:`: a caption that titles what follows.
fn is_caption(line: &str) -> bool {
    let Some((head, rest)) = line.trim().split_once(':') else {
        return false;
    };
    let mut words = head.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some("Stage"), Some(n), None) => n.chars().all(|c| c.is_ascii_digit()),
        (Some("Example"), None, None) => rest.trim().is_empty(),
        _ => false,
    }
}

/// `Example 1: Node.js`: a sub-heading inside a section.
fn is_subheading(line: &str) -> bool {
    let Some((head, _)) = line.trim().split_once(':') else {
        return false;
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    matches!(words.as_slice(), ["Example", n] if n.chars().all(|c| c.is_ascii_digit()))
}

/// A section's lines → blocks.
fn blocks(lines: &[&str]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            i += 1;
        } else if let Some((code, next)) = staged_run(lines, i) {
            out.push(Block::Code {
                lang: Some("dockerfile".into()),
                code: clean_code(&code),
            });
            i = next;
        } else if is_instruction(trimmed) {
            let (code, next) = code_run(lines, i);
            out.push(Block::Code {
                lang: Some("dockerfile".into()),
                code: clean_code(&code),
            });
            i = next;
        } else if trimmed.starts_with('|') {
            let end = run_end(lines, i, |l| l.trim().starts_with('|'));
            out.push(table(&lines[i..end]));
            i = end;
        } else if trimmed.starts_with("- ") {
            let end = run_end(lines, i, |l| l.trim().starts_with("- "));
            let items = lines[i..end]
                .iter()
                .map(|l| vec![Block::Paragraph(inline(l.trim()[2..].trim()))])
                .collect();
            out.push(Block::List { start: None, items });
            i = end;
        } else if is_subheading(trimmed) {
            out.push(Block::Heading {
                level: 3,
                text: inline(trimmed),
            });
            i += 1;
        } else if is_caption(trimmed) {
            let mut text = inline(trimmed);
            text.iter_mut().for_each(|t| t.style.strong = true);
            out.push(Block::Paragraph(text));
            i += 1;
        } else {
            let end = run_end(lines, i, |l| {
                let t = l.trim();
                !t.is_empty()
                    && !is_instruction(t)
                    && !t.starts_with('|')
                    && !t.starts_with("- ")
                    && !is_caption(t)
                    && !is_subheading(t)
            });
            out.push(Block::Paragraph(paragraph(&lines[i..end])));
            i = end;
        }
    }
    out
}

/// First index at or after `start` + 1 where `keep` fails.
fn run_end(lines: &[&str], start: usize, keep: impl Fn(&str) -> bool) -> usize {
    lines[start + 1..]
        .iter()
        .position(|l| !keep(l))
        .map_or(lines.len(), |p| start + 1 + p)
}

/// A Dockerfile example: instruction lines, their `\` continuations and comments, and blank
/// lines between stages when another instruction follows.
fn code_run(lines: &[&str], start: usize) -> (String, usize) {
    let mut end = start;
    let mut continued = false;
    let mut i = start;
    while i < lines.len() {
        let t = lines[i].trim();
        if continued || is_instruction(t) || (t.starts_with('#') && i > start) {
            continued = t.ends_with('\\');
            end = i + 1;
            i += 1;
        } else if t.is_empty() {
            // A blank line stays inside the example only if the example goes on after it.
            let next = lines[i..].iter().position(|l| !l.trim().is_empty());
            match next.map(|n| i + n) {
                Some(n) if is_instruction(lines[n].trim()) => i = n,
                _ => break,
            }
        } else {
            break;
        }
    }
    let code = lines[start..end]
        .iter()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    (code, end)
}

/// `Stage 1: …` + its instructions, `Stage 2: …` + its instructions, …: the stages of one
/// multi-stage example, joined into one Dockerfile with each caption as a comment above its
/// stage, so the whole build is one block (inspected as a whole). `None` unless at least two
/// captioned stages follow each other from `start`.
fn staged_run(lines: &[&str], start: usize) -> Option<(String, usize)> {
    let mut stages = Vec::new();
    let mut i = start;
    let mut end = start;
    loop {
        let caption = lines.get(i).map(|l| l.trim()).filter(|t| is_stage(t));
        let code_at = caption.and_then(|_| next_text(lines, i + 1));
        let Some(at) = code_at.filter(|&at| is_instruction(lines[at].trim())) else {
            break;
        };
        let (code, next) = code_run(lines, at);
        stages.push(format!("# {}\n{code}", lines[i].trim()));
        end = next;
        match next_text(lines, next) {
            Some(n) => i = n,
            None => break,
        }
    }
    (stages.len() >= 2).then(|| (stages.join("\n\n"), end))
}

/// `Stage N: …`.
fn is_stage(line: &str) -> bool {
    is_caption(line) && line.starts_with("Stage")
}

/// The first line at or after `from` with text on it.
fn next_text(lines: &[&str], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&n| !lines[n].trim().is_empty())
}

/// Wrapped prose lines → one paragraph. A line that ends in two spaces keeps its break
/// (the Markdown convention the notes follow, e.g. for their ✅ lists).
fn paragraph(lines: &[&str]) -> Vec<Inline> {
    let mut markdown = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let hard = lines[i - 1].ends_with("  ");
            markdown.push_str(if hard { "  \n" } else { "\n" });
        }
        markdown.push_str(line.trim());
    }
    inline(&markdown)
}

/// Inline Markdown (`**bold**`, `` `code` ``) → inlines; anything that would parse as a block
/// (a line starting with `#`, `>`, `1.`) is kept as plain text.
fn inline(text: &str) -> Vec<Inline> {
    match to_doc(text, false).blocks.as_slice() {
        [Block::Paragraph(inlines)] => inlines.clone(),
        _ => vec![Inline::plain(clean_prose(text).into_owned())],
    }
}

/// `| a | b |` lines → a table; the `|---|` line is dropped, the first row is the header.
fn table(lines: &[&str]) -> Block {
    let mut rows: Vec<Vec<Vec<Inline>>> = lines
        .iter()
        .map(|l| l.trim().trim_start_matches('|').trim_end_matches('|'))
        .filter(|l| !l.chars().all(|c| matches!(c, '-' | ':' | '|' | ' ')))
        .map(|l| l.split('|').map(|cell| inline(cell.trim())).collect())
        .collect();
    let header = if rows.is_empty() {
        Vec::new()
    } else {
        rows.remove(0)
    };
    Block::Table {
        align: vec![Align::Left; header.len()],
        header,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_split_sections_and_chunks_continue_them() {
        let lesson = import(
            "====\nMy Notes\n====\n\n-----\n1. First:\ntext\n-----\nExample 2: more\nFROM a\n-----\n2. Second\n- x\n- y\n",
            "dir/My Notes.txt",
        );
        assert_eq!(lesson.title, "My Notes");
        assert_eq!(lesson.id, "my-notes");
        let titles: Vec<&str> = lesson.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["First", "Second"]);
        assert_eq!(lesson.sections[0].doc.blocks.len(), 3);
        assert!(matches!(
            lesson.sections[1].doc.blocks[0],
            Block::List { .. }
        ));
    }

    #[test]
    fn dockerfile_runs_span_blank_lines_between_stages() {
        let (code, end) = code_run(
            &[
                "FROM a AS b",
                "RUN x \\",
                "  && y",
                "",
                "FROM c",
                "",
                "Text",
            ],
            0,
        );
        assert_eq!(code, "FROM a AS b\nRUN x \\\n  && y\n\nFROM c");
        assert_eq!(end, 5);
    }

    fn code_blocks(lesson: &Lesson) -> Vec<&str> {
        let blocks = lesson.sections.iter().flat_map(|s| &s.doc.blocks);
        blocks
            .filter_map(|b| match b {
                Block::Code { code, .. } => Some(code.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_stages_of_one_example_are_one_dockerfile() {
        let lesson = import(
            "1. Example:\n\nStage 1: Build\n\nFROM golang AS build\nRUN go build\n\n\
             Stage 2: Run\n\nFROM alpine\nCOPY --from=build /app /app\n\nThe end.\n\n\
             Stage 1: Alone\n\nFROM scratch\n",
            "n.txt",
        );
        assert_eq!(
            code_blocks(&lesson),
            [
                "# Stage 1: Build\nFROM golang AS build\nRUN go build\n\n\
                 # Stage 2: Run\nFROM alpine\nCOPY --from=build /app /app",
                "FROM scratch",
            ]
        );
        // A lone stage keeps its caption as a caption.
        let last = lesson.sections[0].doc.blocks.iter().rev().nth(1).unwrap();
        assert!(matches!(last, Block::Paragraph(_)), "{last:?}");
    }

    #[test]
    fn captions_and_subheadings() {
        assert!(is_caption("Stage 2: Run the app"));
        assert!(is_caption("Example:"));
        assert!(!is_caption("Example: If a hacker gains access"));
        assert!(is_subheading("Example 1: Node.js"));
        assert!(!is_subheading("Stage 1: Build"));
    }

    #[test]
    fn no_banner_no_headings_is_one_section() {
        let lesson = import("Just some text\nwrapped.\n", "n.txt");
        assert_eq!(lesson.title, "Just some text");
        assert_eq!(lesson.sections.len(), 1);
        assert_eq!(
            lesson.sections[0].doc.blocks,
            vec![Block::Paragraph(vec![Inline::plain(
                "Just some text wrapped."
            )])]
        );
    }
}
