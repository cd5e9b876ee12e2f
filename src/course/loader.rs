//! Lesson packs → [`Course`]: one Markdown file per lesson, YAML front matter, sections split at
//! top-level `##` headings. A broken lesson becomes a [`LoadError`] (file and line); the other
//! lessons still load.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::Deserialize;

use super::hygiene::clean_prose;
use super::markdown;
use super::model::{Course, Lesson, LoadError, Section, SectionKind};
use crate::safe_fs::{Kind, read_limited};
use crate::yaml;

/// The pack compiled into the binary by build/lessons.rs: `(file name, text)`, sorted by name.
static BUNDLED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/bundled_lessons.rs"));

/// A lesson folder that cannot be opened at all (the CLI prints it and exits 2).
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("lesson folder {} does not exist", .0.display())]
    Missing(PathBuf),
    #[error("{} is not a folder (a lesson pack is a folder of .md files)", .0.display())]
    NotAFolder(PathBuf),
    #[error("no lessons in {}: a lesson pack is a folder of .md files", .0.display())]
    NoLessons(PathBuf),
    #[error("cannot read lesson folder {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The front matter fields; anything else is an error, so a typo is not silently ignored.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    title: String,
    order: i64,
    #[serde(default)]
    summary: String,
}

impl Course {
    /// The pack compiled into the binary, from `lessons/*.md` at build time.
    pub fn bundled() -> Course {
        Course::from_files(bundled_texts())
    }

    /// Opens a pack on disk: every `*.md` file in `dir` (not in subfolders; hidden files and
    /// other extensions, such as `<lesson>.quiz.yaml`, are skipped).
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<Course, PackError> {
        let (texts, errors) = read_pack(dir.as_ref())?;
        let mut course = Course::from_files(texts);
        course.errors.extend(errors);
        course.errors.sort_by(|a, b| a.file.cmp(&b.file));
        Ok(course)
    }

    /// The lesson files' text as written (for checks that need the Markdown itself, with its
    /// line numbers): the bundled pack's, or those of the pack in `dir`. Unreadable files are
    /// left out; loading the pack reports them.
    pub fn texts(dir: Option<&Path>) -> Result<Texts, PackError> {
        match dir {
            None => Ok(bundled_texts().collect()),
            Some(dir) => Ok(read_pack(dir)?.0),
        }
    }

    /// Builds a course from `(source, text)` pairs, in the given order for duplicate checks
    /// (the first file with an id keeps it). Lessons end up sorted by `order`, then `id`.
    pub fn from_files(files: impl IntoIterator<Item = (PathBuf, String)>) -> Course {
        let mut course = Course::default();
        let mut seen: HashMap<String, PathBuf> = HashMap::new();
        for (source, text) in files {
            match parse_lesson_at(&text, &source) {
                Ok((lesson, id_line)) => {
                    if let Some(first) = seen.get(&lesson.id) {
                        course.errors.push(LoadError {
                            file: source,
                            line: id_line,
                            message: format!(
                                "duplicate lesson id `{}`: {} already uses it",
                                lesson.id,
                                first.display()
                            ),
                        });
                    } else {
                        seen.insert(lesson.id.clone(), source);
                        course.lessons.push(lesson);
                    }
                }
                Err(error) => course.errors.push(error),
            }
        }
        course
            .lessons
            .sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
        course
    }
}

fn bundled_texts() -> impl Iterator<Item = (PathBuf, String)> {
    BUNDLED
        .iter()
        .map(|(name, text)| (PathBuf::from(format!("bundled:{name}")), text.to_string()))
}

/// Lesson files as `(source, text)`.
type Texts = Vec<(PathBuf, String)>;

/// Every lesson file of the folder, read, in name order; and the errors of those that cannot
/// be read.
fn read_pack(dir: &Path) -> Result<(Texts, Vec<LoadError>), PackError> {
    let io = |source| PackError::Io {
        path: dir.to_path_buf(),
        source,
    };
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(PackError::Missing(dir.to_path_buf()));
        }
        Err(e) => return Err(io(e)),
        Ok(meta) if !meta.is_dir() => return Err(PackError::NotAFolder(dir.to_path_buf())),
        Ok(_) => {}
    }
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if is_lesson_file(&path) {
            paths.push(path);
        }
    }
    if paths.is_empty() {
        return Err(PackError::NoLessons(dir.to_path_buf()));
    }
    paths.sort();
    let mut texts = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match read_text(&path) {
            Ok(text) => texts.push((path, text)),
            Err(error) => errors.push(error),
        }
    }
    Ok((texts, errors))
}

/// True for the files a pack folder's lessons live in.
fn is_lesson_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.ends_with(".md") && !name.starts_with('.') && path.is_file()
}

/// Reads a lesson file as UTF-8, saying where it is not.
fn read_text(path: &Path) -> Result<String, LoadError> {
    let error = |line, message| LoadError {
        file: path.to_path_buf(),
        line,
        message,
    };
    let bytes =
        read_limited(path, Kind::Lesson).map_err(|e| error(1, format!("cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
        error(line, "not UTF-8 text (save the file as UTF-8)".to_string())
    })
}

/// Parses one lesson file's text; `source` names it in errors and in [`Lesson::source`].
pub fn parse_lesson(text: &str, source: &Path) -> Result<Lesson, LoadError> {
    parse_lesson_at(text, source).map(|(lesson, _)| lesson)
}

/// Like [`parse_lesson`], also giving the line of the `id:` key (for duplicate-id errors).
fn parse_lesson_at(text: &str, source: &Path) -> Result<(Lesson, usize), LoadError> {
    let error = |line: usize, message: String| LoadError {
        file: source.to_path_buf(),
        line,
        message,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Err(error(
            1,
            "no front matter: a lesson starts with a line `---`, then YAML fields \
             (id, title, order, summary), then another `---`"
                .into(),
        ));
    }
    let close = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "---")
        .map(|i| i + 1)
        .ok_or_else(|| {
            error(
                1,
                "front matter is never closed: add a line `---` after its last field".into(),
            )
        })?;
    let yaml_text = lines[1..close].join("\n");
    // Front matter line n is file line n + 1 (the opening `---` is line 1).
    let front: FrontMatter = yaml::parse(&yaml_text).map_err(|e| {
        error(
            e.line + 1,
            format!("front matter: {}", plain_words(&e.message)),
        )
    })?;
    let key_line = |key: &str| {
        lines[1..close]
            .iter()
            .position(|l| l.trim_start().starts_with(&format!("{key}:")))
            .map_or(2, |i| i + 2)
    };
    let id_line = key_line("id");
    let id = front.id.trim().to_string();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(error(
            id_line,
            format!(
                "front matter: id `{id}` must be non-empty and use only letters, digits, `-` and `_`"
            ),
        ));
    }
    let title = clean_prose(front.title.trim()).into_owned();
    if title.is_empty() {
        return Err(error(
            key_line("title"),
            "front matter: title is empty".into(),
        ));
    }
    let body_start = close + 1;
    let body = lines
        .get(body_start..)
        .map(|l| l.join("\n"))
        .unwrap_or_default();
    let sections = split_sections(&body, &title)
        .map_err(|(line, err)| error(line + body_start, err.to_string()))?;
    if sections.is_empty() {
        return Err(error(
            close + 1,
            "the lesson has no text after its front matter".into(),
        ));
    }
    let lesson = Lesson {
        id,
        title,
        order: front.order,
        summary: clean_prose(front.summary.trim()).into_owned(),
        sections,
        source: source.to_path_buf(),
    };
    Ok((lesson, id_line))
}

/// Says serde's Rust type names in an author's words.
fn plain_words(message: &str) -> String {
    message
        .replace("expected i64", "expected a whole number")
        .replace(
            "expected struct FrontMatter",
            "expected fields (id: …, title: …, order: …, summary: …)",
        )
}

/// A top-level `##` heading found in a lesson body.
struct HeadingAt {
    /// Byte range of the whole heading construct.
    start: usize,
    end: usize,
    title: String,
}

/// Splits a body at top-level `##` headings. Errors carry a 1-based line inside `body`.
fn split_sections(body: &str, lesson_title: &str) -> Result<Vec<Section>, (usize, HeadingError)> {
    let headings = find_h2(body);
    let mut sections = Vec::new();
    let intro_end = headings.first().map_or(body.len(), |h| h.start);
    let intro = &body[..intro_end];
    if !intro.trim().is_empty() {
        sections.push(Section {
            title: lesson_title.to_string(),
            kind: SectionKind::Concept,
            doc: markdown::to_doc(intro, false),
        });
    }
    // Lines are counted on from the previous heading: recounting from the top for each one
    // made a lesson with many sections quadratic.
    let (mut counted_to, mut line) = (0, 1);
    for (i, heading) in headings.iter().enumerate() {
        line += memchr::memchr_iter(b'\n', &body.as_bytes()[counted_to..heading.start]).count();
        counted_to = heading.start;
        let (title, kind) = title_and_kind(&heading.title).map_err(|err| (line, err))?;
        let text_end = headings.get(i + 1).map_or(body.len(), |next| next.start);
        let text = &body[heading.end.min(text_end)..text_end];
        sections.push(Section {
            title,
            kind,
            doc: markdown::to_doc(text, kind == SectionKind::Analogy),
        });
    }
    Ok(sections)
}

/// Finds level-2 headings that are not inside a quote or list.
fn find_h2(body: &str) -> Vec<HeadingAt> {
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<HeadingAt> = None;
    for (event, range) in Parser::new_ext(body, markdown::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) if depth == 0 => {
                current = Some(HeadingAt {
                    start: range.start,
                    end: range.end,
                    title: String::new(),
                });
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                found.extend(current.take());
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = &mut current {
                    heading.title.push_str(&text);
                }
            }
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::FootnoteDefinition(_)) => {
                depth += 1
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::FootnoteDefinition) => {
                depth = depth.saturating_sub(1)
            }
            _ => {}
        }
    }
    found
}

/// A section heading the loader cannot use.
#[derive(Debug, thiserror::Error)]
enum HeadingError {
    #[error(
        "unknown section kind `{{{kind}}}` in heading `{heading}`: use {{concept}}, \
         {{example}}, {{analogy}} or {{summary}}"
    )]
    UnknownKind { kind: String, heading: String },
    #[error("section heading `{0}` has no title")]
    NoTitle(String),
}

/// Splits `Title {kind}` into the title and the kind (concept when no `{…}` ends the heading).
fn title_and_kind(heading: &str) -> Result<(String, SectionKind), HeadingError> {
    let heading = heading.trim();
    let (title, kind) = match heading.strip_suffix('}').and_then(|h| h.rsplit_once('{')) {
        Some((title, word)) => {
            let kind =
                SectionKind::from_name(word.trim()).ok_or_else(|| HeadingError::UnknownKind {
                    kind: word.trim().to_string(),
                    heading: heading.to_string(),
                })?;
            (title.trim(), kind)
        }
        None => (heading, SectionKind::Concept),
    };
    if title.is_empty() {
        return Err(HeadingError::NoTitle(heading.to_string()));
    }
    Ok((clean_prose(title).into_owned(), kind))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::doc::{Block, Inline};

    fn lesson(text: &str) -> Result<Lesson, LoadError> {
        parse_lesson(text, Path::new("l.md"))
    }

    #[test]
    fn sections_with_kinds_and_intro() {
        let l = lesson(
            "---\nid: a\ntitle: Stages\norder: 2\nsummary: Why\n---\nIntro text.\n\n\
             ## What {concept}\nOne.\n## Try it {example}\n```dockerfile\n## not a heading\n```\n\
             ## Kitchen {analogy}\n> Plates.\n## Plain\nText\n",
        )
        .unwrap();
        assert_eq!(
            (l.id.as_str(), l.order, l.summary.as_str()),
            ("a", 2, "Why")
        );
        let heads: Vec<(&str, SectionKind)> = l
            .sections
            .iter()
            .map(|s| (s.title.as_str(), s.kind))
            .collect();
        assert_eq!(
            heads,
            vec![
                ("Stages", SectionKind::Concept),
                ("What", SectionKind::Concept),
                ("Try it", SectionKind::Example),
                ("Kitchen", SectionKind::Analogy),
                ("Plain", SectionKind::Concept),
            ]
        );
        assert_eq!(
            l.sections[2].doc.blocks,
            vec![Block::Code {
                lang: Some("dockerfile".into()),
                code: "## not a heading".into()
            }]
        );
        assert!(matches!(
            &l.sections[3].doc.blocks[0],
            Block::Quote {
                callout: crate::course::doc::Callout::Analogy,
                ..
            }
        ));
        assert_eq!(
            l.sections[1].doc.blocks,
            vec![Block::Paragraph(vec![Inline::plain("One.")])]
        );
    }

    #[test]
    fn no_intro_when_body_starts_with_a_section() {
        let l = lesson("---\nid: a\ntitle: T\norder: 1\n---\n\n## Only {summary}\nx\n").unwrap();
        assert_eq!(l.sections.len(), 1);
        assert_eq!(l.sections[0].kind, SectionKind::Summary);
        assert_eq!(l.summary, "", "summary is optional");
    }

    #[test]
    fn headings_inside_quotes_do_not_split() {
        let l = lesson("---\nid: a\ntitle: T\norder: 1\n---\n## S\n> ## quoted\n> text\n").unwrap();
        assert_eq!(l.sections.len(), 1);
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let l =
            lesson("\u{feff}---\r\nid: a\r\ntitle: T\r\norder: 1\r\n---\r\n## S\r\nx\r\n").unwrap();
        assert_eq!(l.sections[0].title, "S");
    }

    #[test]
    fn error_lines_are_file_lines() {
        let at = |text: &str| {
            let e = lesson(text).unwrap_err();
            (e.line, e.message)
        };
        let (line, msg) = at("---\nid: a\ntitle: T\norder: 1\n---\nx\n\n## Bad {recipe}\n");
        assert_eq!(line, 8);
        assert!(msg.contains("unknown section kind `{recipe}`"), "{msg}");
        let (line, msg) = at("---\nid: a\ntitle: T\norder: 1\nlevel: 3\n---\nx\n");
        assert_eq!(line, 5);
        assert!(msg.contains("unknown field `level`"), "{msg}");
        let (line, msg) = at("---\nid: a b\ntitle: T\norder: 1\n---\nx\n");
        assert_eq!(line, 2);
        assert!(msg.contains("id `a b`"), "{msg}");
        let (line, msg) = at("---\nid: a\ntitle: T\norder: 1\n---\n\n");
        assert_eq!(line, 5, "the closing `---`");
        assert!(msg.contains("no text"), "{msg}");
    }
}
