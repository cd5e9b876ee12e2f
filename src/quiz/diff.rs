//! A side-by-side line diff of the learner's Dockerfile and a reference solution, shown after
//! a pass. Lines are compared with trailing white space ignored.

use similar::{DiffTag, TextDiff};

/// One row of a side-by-side diff: the learner's line and the reference's, either may be absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffRow {
    pub tag: RowTag,
    pub left: Option<(usize, String)>,
    pub right: Option<(usize, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowTag {
    Same,
    Changed,
    OnlyLeft,
    OnlyRight,
}

pub fn side_by_side(mine: &str, reference: &str) -> Vec<DiffRow> {
    let trim = |text: &str| {
        text.lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (mine, reference) = (trim(mine), trim(reference));
    let diff = TextDiff::from_lines(mine.as_str(), reference.as_str());
    let old: Vec<&str> = mine.lines().collect();
    let new: Vec<&str> = reference.lines().collect();
    let mut rows = Vec::new();
    for op in diff.ops() {
        let (tag, left, right) = op.as_tag_tuple();
        let row_tag = match tag {
            DiffTag::Equal => RowTag::Same,
            DiffTag::Delete => RowTag::OnlyLeft,
            DiffTag::Insert => RowTag::OnlyRight,
            DiffTag::Replace => RowTag::Changed,
        };
        for k in 0..left.len().max(right.len()) {
            let side = |range: &std::ops::Range<usize>, lines: &[&str]| {
                let i = range.start + k;
                (i < range.end).then(|| (i + 1, lines.get(i).copied().unwrap_or("").to_string()))
            };
            let (l, r) = (side(&left, &old), side(&right, &new));
            let tag = match (row_tag, &l, &r) {
                (RowTag::Changed, Some(_), None) => RowTag::OnlyLeft,
                (RowTag::Changed, None, Some(_)) => RowTag::OnlyRight,
                (t, _, _) => t,
            };
            rows.push(DiffRow {
                tag,
                left: l,
                right: r,
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_changed_lines_and_keeps_the_rest() {
        let rows = side_by_side("FROM a\nRUN x\nCMD y\n", "FROM a\nRUN z\nUSER 1\nCMD y  \n");
        let tags: Vec<_> = rows.iter().map(|r| r.tag).collect();
        assert_eq!(
            tags,
            [
                RowTag::Same,
                RowTag::Changed,
                RowTag::OnlyRight,
                RowTag::Same
            ]
        );
        assert_eq!(rows[1].left, Some((2, "RUN x".into())));
        assert_eq!(rows[1].right, Some((2, "RUN z".into())));
        assert_eq!(rows[3].left, Some((3, "CMD y".into())));
    }
}
