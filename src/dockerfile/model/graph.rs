//! The dependency graph between stages: `FROM <stage>`, `COPY --from=<stage|index|image>` and
//! `RUN --mount=…,from=…`, resolved the way BuildKit resolves them.

use std::collections::HashMap;

use serde::Serialize;

use super::image_ref::ImageRef;
use super::stage::{Base, Stage};
use super::{Model, location};
use crate::dockerfile::Location;
use crate::dockerfile::ast::{Dockerfile, Flag, Keyword, Span};

/// How a stage depends on something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// `FROM <stage>`.
    From,
    /// `COPY --from=…`.
    CopyFrom,
    /// `RUN --mount=…,from=…`.
    MountFrom,
}

/// What a reference resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EdgeTarget {
    /// An earlier stage.
    Stage { index: usize },
    /// An image (or a named build context): not a stage of this file.
    Image { image: ImageRef },
    /// The stage itself (BuildKit: circular dependency).
    SelfRef,
    /// A stage defined later (BuildKit: it needs to be defined before the current stage).
    Later { index: usize },
    /// A numeric index with no stage (BuildKit: invalid stage index).
    BadIndex { index: usize },
    /// `--from=$VAR` (BuildKit does not expand variables here).
    Variable,
    /// Neither a stage nor a valid image reference.
    Invalid { reason: String },
}

/// One dependency of `stage`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge {
    /// The dependent stage.
    pub stage: usize,
    /// The instruction that creates the dependency.
    pub instruction: usize,
    pub kind: EdgeKind,
    /// The reference as written (`build`, `0`, `nginx:1.27`).
    pub written: String,
    pub target: EdgeTarget,
    /// Where the reference is, for diagnostics.
    pub location: Location,
    #[serde(skip)]
    pub span: Span,
}

impl Edge {
    /// The stage this edge points to, if it points to an existing earlier stage.
    pub fn target_stage(&self) -> Option<usize> {
        match self.target {
            EdgeTarget::Stage { index } => Some(index),
            _ => None,
        }
    }
}

/// Stage indices by lower-cased name, ascending.
pub(crate) struct NameIndex(HashMap<String, Vec<usize>>);

impl NameIndex {
    pub(crate) fn new(stages: &[Stage]) -> Self {
        let mut map: HashMap<String, Vec<usize>> = HashMap::new();
        for s in stages {
            if let Some(n) = &s.name {
                map.entry(n.clone()).or_default().push(s.index);
            }
        }
        NameIndex(map)
    }

    fn indices(&self, name: &str) -> &[usize] {
        self.0
            .get(&name.to_ascii_lowercase())
            .map_or(&[], Vec::as_slice)
    }

    /// The last stage named `name` before `before`.
    pub(crate) fn last_before(&self, name: &str, before: usize) -> Option<usize> {
        let ix = self.indices(name);
        let n = ix.partition_point(|&i| i < before);
        n.checked_sub(1).map(|k| ix[k])
    }

    /// The first stage named `name` at or after `from`.
    pub(crate) fn first_from(&self, name: &str, from: usize) -> Option<usize> {
        let ix = self.indices(name);
        ix.get(ix.partition_point(|&i| i < from)).copied()
    }
}

pub(super) fn edges(df: &Dockerfile, stages: &[Stage]) -> Vec<Edge> {
    let names = NameIndex::new(stages);
    let mut out = Vec::new();
    for st in stages {
        if let Base::Stage { index } = st.base {
            let span = match &df.instructions[st.from].args {
                crate::dockerfile::ast::Args::From(f) => f
                    .image
                    .as_ref()
                    .map_or(df.instructions[st.from].span, |w| w.span),
                _ => df.instructions[st.from].span,
            };
            out.push(Edge {
                stage: st.index,
                instruction: st.from,
                kind: EdgeKind::From,
                written: stages[index].label(),
                target: EdgeTarget::Stage { index },
                location: location(span),
                span,
            });
        }
        for idx in st.body() {
            let ins = &df.instructions[idx];
            let refs: Vec<(EdgeKind, String, Span)> = match ins.keyword {
                Keyword::Copy => ins
                    .flags
                    .iter()
                    .filter(|f| f.name == "from")
                    .filter_map(|f| Some((EdgeKind::CopyFrom, f.value.clone()?, value_span(f))))
                    .collect(),
                Keyword::Run => ins
                    .flags
                    .iter()
                    .filter(|f| f.name == "mount")
                    .filter_map(|f| {
                        let from = mount_option(f.value.as_deref()?, "from")?;
                        Some((EdgeKind::MountFrom, from, value_span(f)))
                    })
                    .collect(),
                _ => Vec::new(),
            };
            for (kind, written, span) in refs {
                let target = resolve(&written, st.index, stages.len(), &names);
                out.push(Edge {
                    stage: st.index,
                    instruction: idx,
                    kind,
                    written,
                    target,
                    location: location(span),
                    span,
                });
            }
        }
    }
    out
}

fn value_span(f: &Flag) -> Span {
    f.value_span.unwrap_or(f.span)
}

/// The value of `key` in a `--mount` spec (`type=cache,from=build,target=/x`).
pub(crate) fn mount_option(spec: &str, key: &str) -> Option<String> {
    spec.split(',').find_map(|part| {
        let (k, v) = part.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(key)
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

/// Resolves a `--from` value seen in stage `current` of `count` stages.
pub(crate) fn resolve(value: &str, current: usize, count: usize, names: &NameIndex) -> EdgeTarget {
    if value.contains('$') {
        return EdgeTarget::Variable;
    }
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return match value.parse::<usize>() {
            Ok(i) if i < current => EdgeTarget::Stage { index: i },
            Ok(i) if i == current => EdgeTarget::SelfRef,
            Ok(i) if i < count => EdgeTarget::Later { index: i },
            Ok(i) => EdgeTarget::BadIndex { index: i },
            Err(_) => EdgeTarget::BadIndex { index: usize::MAX },
        };
    }
    if let Some(i) = names.last_before(value, current) {
        return EdgeTarget::Stage { index: i };
    }
    match names.first_from(value, current) {
        Some(i) if i == current => return EdgeTarget::SelfRef,
        Some(i) => return EdgeTarget::Later { index: i },
        None => {}
    }
    match ImageRef::parse(value) {
        Ok(image) => EdgeTarget::Image { image },
        Err(e) => EdgeTarget::Invalid {
            reason: e.to_string(),
        },
    }
}

/// Which stages the final stage needs (itself included).
pub(super) fn reachable(model: &Model) -> Vec<bool> {
    let mut deps: Vec<Vec<usize>> = vec![Vec::new(); model.stages.len()];
    for e in &model.edges {
        if let Some(t) = e.target_stage() {
            deps[e.stage].push(t);
        }
    }
    let mut seen = vec![false; model.stages.len()];
    let mut todo: Vec<usize> = model.final_stage.into_iter().collect();
    while let Some(i) = todo.pop() {
        if !std::mem::replace(&mut seen[i], true) {
            todo.extend(&deps[i]);
        }
    }
    seen
}
