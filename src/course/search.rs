//! Searching the course's text, like `/` in less: case-insensitive, over the lines a section
//! is laid out to at a width, so a hit names the line the reader shows it on.
//! A phrase cut by a line wrap is not found (less has the same limit on wrapped lines).

use super::Course;
use super::layout::layout;

/// Where a match is: lesson and section indices, laid-out line, and the match's characters
/// `start..end` in that line's text (char indices, not bytes or columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    pub lesson: usize,
    pub section: usize,
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

/// A place in the course, as far down as a line and a character; hits are ordered by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub lesson: usize,
    pub section: usize,
    pub line: usize,
    pub start: usize,
}

impl Hit {
    pub fn place(&self) -> Place {
        Place {
            lesson: self.lesson,
            section: self.section,
            line: self.line,
            start: self.start,
        }
    }
}

/// One character as compared: lower case, kept to one char so positions stay char positions
/// (the rare letter whose lower case is two chars keeps its first).
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// The non-overlapping matches of `query` in `text`, ignoring case, as char ranges.
/// An empty query matches nothing.
pub(crate) fn find_in_line(text: &str, query: &str) -> Vec<(usize, usize)> {
    let needle: Vec<char> = query.chars().map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let hay: Vec<char> = text.chars().map(fold).collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at + needle.len() <= hay.len() {
        if hay[at..at + needle.len()] == needle[..] {
            found.push((at, at + needle.len()));
            at += needle.len();
        } else {
            at += 1;
        }
    }
    found
}

/// Every match of `query` in the course, in reading order, with sections laid out at `width`.
pub fn search(course: &Course, query: &str, width: u16) -> Vec<Hit> {
    let mut hits = Vec::new();
    if query.is_empty() {
        return hits;
    }
    for (lesson, l) in course.lessons.iter().enumerate() {
        for (section, s) in l.sections.iter().enumerate() {
            for (line, laid) in layout(&s.doc, width.max(1)).iter().enumerate() {
                for (start, end) in find_in_line(&laid.text(), query) {
                    hits.push(Hit {
                        lesson,
                        section,
                        line,
                        start,
                        end,
                    });
                }
            }
        }
    }
    hits
}

/// Which way to go from a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// The first hit at or after the place (a new search starts where the reader is).
    FromHere,
    /// The first hit after the place (`n`).
    Forward,
    /// The last hit before the place (`N`).
    Backward,
}

/// The index of the hit to go to from `from`, and whether the search wrapped around the
/// course's end (or start) to find it; `None` when there are no hits. `hits` is in order.
pub(crate) fn next_hit(hits: &[Hit], from: Place, direction: Direction) -> Option<(usize, bool)> {
    if hits.is_empty() {
        return None;
    }
    let found = match direction {
        Direction::FromHere => hits.iter().position(|h| h.place() >= from),
        Direction::Forward => hits.iter().position(|h| h.place() > from),
        Direction::Backward => hits.iter().rposition(|h| h.place() < from),
    };
    Some(match (found, direction) {
        (Some(i), _) => (i, false),
        (None, Direction::Backward) => (hits.len() - 1, true),
        (None, _) => (0, true),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::doc::{Block, Doc, Inline};
    use crate::course::{Lesson, Section, SectionKind};

    fn section(paragraphs: &[&str]) -> Section {
        Section {
            title: "s".into(),
            kind: SectionKind::Concept,
            doc: Doc {
                blocks: paragraphs
                    .iter()
                    .map(|p| Block::Paragraph(vec![Inline::plain(*p)]))
                    .collect(),
            },
        }
    }

    fn course(lessons: &[&[&[&str]]]) -> Course {
        Course {
            lessons: lessons
                .iter()
                .enumerate()
                .map(|(i, sections)| Lesson {
                    id: format!("l{i}"),
                    title: format!("Lesson {i}"),
                    order: i as i64,
                    summary: String::new(),
                    sections: sections.iter().map(|s| section(s)).collect(),
                    source: "test.md".into(),
                })
                .collect(),
            errors: Vec::new(),
        }
    }

    #[test]
    fn matches_ignore_case_and_do_not_overlap() {
        assert_eq!(
            find_in_line("FROM alpine AS from", "from"),
            [(0, 4), (15, 19)]
        );
        assert_eq!(find_in_line("aaaa", "aa"), [(0, 2), (2, 4)]);
        assert_eq!(find_in_line("anything", ""), []);
        assert_eq!(find_in_line("short", "longer than it"), []);
    }

    #[test]
    fn positions_are_chars_not_bytes() {
        // "é" is two bytes; the match starts at char 5.
        assert_eq!(find_in_line("café distroless", "DISTROLESS"), [(5, 15)]);
        assert_eq!(find_in_line("ÉTAPE étape", "étape"), [(0, 5), (6, 11)]);
    }

    #[test]
    fn search_walks_lessons_sections_and_lines_in_order() {
        let c = course(&[
            &[
                &["no match here"],
                &["a Distroless image", "and distroless again"],
            ],
            &[&["distroless"]],
        ]);
        let hits = search(&c, "distroless", 80);
        let at: Vec<_> = hits.iter().map(|h| (h.lesson, h.section, h.line)).collect();
        // A blank line separates the two paragraphs.
        assert_eq!(at, [(0, 1, 0), (0, 1, 2), (1, 0, 0)]);
        assert_eq!((hits[0].start, hits[0].end), (2, 12));
        assert!(search(&c, "", 80).is_empty());
        assert!(search(&c, "nowhere", 80).is_empty());
    }

    #[test]
    fn the_width_decides_the_line_a_hit_is_on() {
        let c = course(&[&[&["one two three four five six seven eight nine ten"]]]);
        assert_eq!(search(&c, "ten", 80)[0].line, 0);
        assert!(search(&c, "ten", 12)[0].line > 0);
    }

    fn hit(lesson: usize, section: usize, line: usize) -> Hit {
        Hit {
            lesson,
            section,
            line,
            start: 0,
            end: 1,
        }
    }

    fn place(lesson: usize, section: usize, line: usize) -> Place {
        hit(lesson, section, line).place()
    }

    #[test]
    fn next_and_previous_wrap_around_the_course() {
        let hits = [hit(0, 1, 4), hit(1, 0, 0), hit(2, 3, 7)];
        use Direction::*;
        assert_eq!(next_hit(&hits, place(0, 0, 0), FromHere), Some((0, false)));
        assert_eq!(next_hit(&hits, place(1, 0, 0), FromHere), Some((1, false)));
        assert_eq!(next_hit(&hits, place(1, 0, 0), Forward), Some((2, false)));
        assert_eq!(next_hit(&hits, place(2, 3, 7), Forward), Some((0, true)));
        assert_eq!(next_hit(&hits, place(1, 0, 0), Backward), Some((0, false)));
        assert_eq!(next_hit(&hits, place(0, 1, 4), Backward), Some((2, true)));
        assert_eq!(next_hit(&hits, place(3, 0, 0), FromHere), Some((0, true)));
        assert_eq!(next_hit(&[], place(0, 0, 0), Forward), None);
    }
}
