//! Instruction arguments several rules read: the paths of COPY/ADD, archive names, the shell
//! form of a HEALTHCHECK command.

use crate::dockerfile::ast::{Args, Healthcheck, Instruction, Word};
use crate::dockerfile::model::stage::unquote;

/// Endings of the archives ADD unpacks (and names a download would rather keep).
pub(super) const ARCHIVES: &[&str] = &[
    ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz", ".tar.zst", ".gz",
    ".bz2", ".xz", ".zst", ".zip", ".lz", ".lzma", ".tlz", ".z",
];

/// Whether `path` names an archive, by its ending (case-insensitive).
pub(super) fn is_archive(path: &str) -> bool {
    let p = path.to_ascii_lowercase();
    ARCHIVES.iter().any(|a| p.ends_with(a))
}

/// The source and destination paths of COPY/ADD, quotes removed (a path rule reads `"baz/"`
/// as `baz/`, as the build does), each with the span of the word it came from.
pub(super) fn copy_words(ins: &Instruction) -> Option<Vec<Word>> {
    let words: Vec<&Word> = match &ins.args {
        Args::Words(w) => w.iter().collect(),
        Args::Exec { elements, .. } => elements.iter().collect(),
        _ => return None,
    };
    Some(
        words
            .into_iter()
            .map(|w| Word {
                text: unquote(&w.text),
                span: w.span,
            })
            .collect(),
    )
}

/// Healthcheck command in shell form, for the distroless rules.
pub(super) fn healthcheck_shell(ins: &Instruction) -> Option<&Word> {
    match &ins.args {
        Args::Healthcheck(Healthcheck::Cmd { command, .. }) => match command.as_ref() {
            Args::Text(w) => Some(w),
            _ => None,
        },
        _ => None,
    }
}
