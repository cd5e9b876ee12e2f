//! A unified line diff of the learner's Dockerfile against a reference solution, shown after a
//! pass. Every line is kept (Dockerfiles are short, and the unchanged lines give the changes
//! their place); lines are compared with trailing white space ignored.

use similar::{ChangeTag, TextDiff};

/// One line of the diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DiffLine {
    pub change: Change,
    /// The line's number in the file it comes from (the learner's for `Same` and `Removed`,
    /// the reference's for `Added`).
    pub number: usize,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    Same,
    /// Only in the learner's file.
    Removed,
    /// Only in the reference.
    Added,
}

impl Change {
    /// The unified-diff marker, so a change reads without colour.
    pub(crate) fn marker(self) -> char {
        match self {
            Change::Same => ' ',
            Change::Removed => '-',
            Change::Added => '+',
        }
    }
}

/// `mine` against `reference`, line by line, removals before additions where lines differ.
pub(crate) fn unified(mine: &str, reference: &str) -> Vec<DiffLine> {
    let trim = |text: &str| -> String {
        text.lines()
            .map(|l| format!("{}\n", l.trim_end()))
            .collect()
    };
    let (mine, reference) = (trim(mine), trim(reference));
    TextDiff::from_lines(mine.as_str(), reference.as_str())
        .iter_all_changes()
        .map(|c| {
            let (change, index) = match c.tag() {
                ChangeTag::Equal => (Change::Same, c.old_index()),
                ChangeTag::Delete => (Change::Removed, c.old_index()),
                ChangeTag::Insert => (Change::Added, c.new_index()),
            };
            DiffLine {
                change,
                number: index.map_or(0, |i| i + 1),
                text: c.value().trim_end_matches('\n').to_string(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_every_line_and_marks_removals_then_additions() {
        let lines = unified("FROM a\nRUN x\nCMD y\n", "FROM a\nRUN z\nUSER 1\nCMD y  \n");
        let shown: Vec<String> = lines
            .iter()
            .map(|l| format!("{}{} {}", l.change.marker(), l.number, l.text))
            .collect();
        assert_eq!(
            shown,
            [" 1 FROM a", "-2 RUN x", "+2 RUN z", "+3 USER 1", " 3 CMD y"]
        );
    }

    #[test]
    fn identical_files_have_no_changes_and_empty_ones_no_lines() {
        let lines = unified("FROM a\n", "FROM a   \n");
        assert!(lines.iter().all(|l| l.change == Change::Same));
        assert!(unified("", "").is_empty());
    }
}
