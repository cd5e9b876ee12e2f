//! The validator's stage model turned into [`StageRef`]s for the overlay: every stage name
//! (`AS build`) and every reference to a stage (`FROM build`, `COPY --from=build`,
//! `RUN --mount=from=build`) in the source.

use crate::dockerfile::ast::Span;
use crate::dockerfile::model::{EdgeKind, EdgeTarget, Model};

use super::stages::{LineSpan, StageRef};

/// Stage names and references of `source` (a whole Dockerfile), ready for
/// [`Highlighter::highlight_with_stages`](super::Highlighter::highlight_with_stages).
///
/// A reference BuildKit would reject (to the stage itself, to a later stage, to a stage index
/// that does not exist, or a value that is neither stage nor image) is marked undefined and so
/// underlined. A name that is no stage is an image to BuildKit (`--from=nginx`), so it is left
/// as syntect coloured it.
pub fn stage_refs(source: &str) -> Vec<StageRef> {
    let parsed = crate::dockerfile::parse(source);
    let model = Model::build(&parsed.dockerfile, None);
    let mut refs = Vec::new();
    for stage in &model.stages {
        if let Some(word) = &stage.name_word {
            push(&mut refs, source, word.span, None, stage.index, true);
        }
    }
    for edge in &model.edges {
        let (stage, defined) = match edge.target {
            EdgeTarget::Stage { index } => (index, true),
            EdgeTarget::Later { index } => (index, false),
            EdgeTarget::SelfRef => (edge.stage, false),
            EdgeTarget::BadIndex { .. } | EdgeTarget::Invalid { .. } => (0, false),
            EdgeTarget::Image { .. } | EdgeTarget::Variable => continue,
        };
        // A mount's span covers its whole spec: find the `from=` value inside it.
        let key = (edge.kind == EdgeKind::MountFrom).then_some("from=");
        push(
            &mut refs,
            source,
            edge.span,
            key.map(|k| (k, edge.written.as_str())),
            stage,
            defined,
        );
    }
    refs
}

/// Adds the ref for `span` (narrowed to `value` after `key` when given), if it sits on one line.
fn push(
    refs: &mut Vec<StageRef>,
    source: &str,
    span: Span,
    key_value: Option<(&str, &str)>,
    stage: usize,
    defined: bool,
) {
    let mut range = span.range();
    if let Some((key, value)) = key_value {
        let Some(text) = source.get(range.clone()) else {
            return;
        };
        let needle = format!("{key}{value}");
        let Some(at) = text.find(&needle) else {
            return;
        };
        let start = range.start + at + key.len();
        range = start..start + value.len();
    }
    if let Some(span) = LineSpan::from_offsets(source, range) {
        refs.push(StageRef {
            span,
            stage,
            defined,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<(String, usize, bool)> {
        let lines: Vec<&str> = source.lines().collect();
        let mut out: Vec<_> = stage_refs(source)
            .into_iter()
            .map(|r| {
                let text = &lines[r.span.line][r.span.start..r.span.end];
                (text.to_owned(), r.stage, r.defined)
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn names_and_references_of_each_stage() {
        let src = "FROM golang:1.25 AS build\nFROM alpine AS final\nRUN --mount=type=cache,from=build,target=/x true\nCOPY --from=build /a /a\nCOPY --from=nginx:1.27 /b /b\nFROM build AS again\n";
        assert_eq!(
            texts(src),
            [
                ("again".to_owned(), 2, true),
                ("build".to_owned(), 0, true),
                ("build".to_owned(), 0, true),
                ("build".to_owned(), 0, true),
                ("build".to_owned(), 0, true),
                ("final".to_owned(), 1, true),
            ]
        );
    }

    #[test]
    fn references_buildkit_rejects_are_undefined() {
        let src = "FROM alpine AS a\nCOPY --from=later /x /x\nCOPY --from=5 /y /y\nRUN --mount=from=a true\nFROM alpine AS later\n";
        let refs = texts(src);
        assert!(
            refs.contains(&("a".to_owned(), 0, false)),
            "self reference: {refs:?}"
        );
        assert!(refs.contains(&("later".to_owned(), 1, false)), "{refs:?}");
        assert!(refs.contains(&("5".to_owned(), 0, false)), "{refs:?}");
        assert!(refs.contains(&("later".to_owned(), 1, true)), "{refs:?}");
    }
}
