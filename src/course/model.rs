//! What a loaded course is: pure data, built by the loader, shown by the TUI.

use std::path::PathBuf;

use super::doc::Doc;

/// A loaded lesson pack. Lessons that failed to load are listed in `errors`;
/// the rest are usable.
#[derive(Debug, Clone, Default)]
pub struct Course {
    /// Sorted by `order`, then `id`.
    pub lessons: Vec<Lesson>,
    pub errors: Vec<LoadError>,
}

#[derive(Debug, Clone)]
pub struct Lesson {
    pub id: String,
    pub title: String,
    pub order: i64,
    pub summary: String,
    pub sections: Vec<Section>,
    /// Where it came from: a path on disk, or `bundled:<file>` for the compiled-in pack.
    pub source: PathBuf,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub title: String,
    pub kind: SectionKind,
    pub doc: Doc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    Concept,
    Example,
    Analogy,
    Summary,
}

impl SectionKind {
    pub const ALL: [SectionKind; 4] = [Self::Concept, Self::Example, Self::Analogy, Self::Summary];

    pub fn name(self) -> &'static str {
        match self {
            Self::Concept => "concept",
            Self::Example => "example",
            Self::Analogy => "analogy",
            Self::Summary => "summary",
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A lesson file that could not be loaded: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {message}", file.display())]
pub struct LoadError {
    pub file: PathBuf,
    /// 1-based line in the file.
    pub line: usize,
    pub message: String,
}
