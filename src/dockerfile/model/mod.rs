//! The meaning of a parsed Dockerfile: image references, stages, their dependency graph and
//! what each stage's base image provides.
//!
//! Built once per file by [`Model::build`]; rules and the inspect view read it. Nothing here
//! reports problems: the model records what it found (an unresolved `${VAR}`, a `--from` naming
//! a later stage…) and the rules turn that into diagnostics.

pub(crate) mod expand;
pub(crate) mod graph;
pub(crate) mod image_ref;
pub(crate) mod meta_args;
pub(crate) mod stage;

pub(crate) use graph::Edge;
pub use graph::{EdgeKind, EdgeTarget};
pub(crate) use image_ref::ImageRef;
pub(crate) use stage::GlobalArg;
pub use stage::{Base, Stage, Unresolved};

use crate::dockerfile::ast::{Args, Dockerfile, Instruction, Keyword, Span};
use crate::dockerfile::images::{self, ImageInfo};

/// Build args BuildKit defines for every build (usable in FROM without an ARG line).
pub(crate) const PREDEFINED_ARGS: &[&str] = &[
    "TARGETPLATFORM",
    "TARGETOS",
    "TARGETARCH",
    "TARGETVARIANT",
    "BUILDPLATFORM",
    "BUILDOS",
    "BUILDARCH",
    "BUILDVARIANT",
];

/// Everything the rules need to know about a Dockerfile beyond its syntax.
#[derive(Debug, Clone)]
pub struct Model {
    /// `ARG`s before the first `FROM`.
    pub(crate) global_args: Vec<GlobalArg>,
    pub stages: Vec<Stage>,
    /// FROM, COPY --from and RUN --mount=from edges, in file order.
    pub edges: Vec<Edge>,
    /// The stage `docker build` produces: the `--target` stage, or the last one.
    pub final_stage: Option<usize>,
    /// The `--target` that was asked for and names no stage.
    pub missing_target: Option<String>,
    /// `reachable[i]`: stage `i` is needed to build the final stage (BuildKit skips the rest).
    pub reachable: Vec<bool>,
    /// Instructions before the first FROM (indices into the Dockerfile's instructions).
    pub preamble: Vec<usize>,
}

impl Model {
    /// Builds the model of `df`. `target` is `--target` (matched case-insensitively).
    pub fn build(df: &Dockerfile, target: Option<&str>) -> Model {
        let first_from = df
            .instructions
            .iter()
            .position(|i| i.keyword == Keyword::From)
            .unwrap_or(df.instructions.len());
        let global_args = meta_args::global_args(&df.instructions[..first_from], df.escape);
        let stages = stage::split(df, first_from, &global_args);
        let edges = graph::edges(df, &stages);
        let mut model = Model {
            global_args,
            stages,
            edges,
            final_stage: None,
            missing_target: None,
            reachable: Vec::new(),
            preamble: (0..first_from).collect(),
        };
        model.final_stage = match target {
            Some(t) => {
                let found = model.stage_by_name(t, model.stages.len());
                if found.is_none() {
                    model.missing_target = Some(t.to_string());
                }
                found
            }
            None => model.stages.len().checked_sub(1),
        };
        model.reachable = graph::reachable(&model);
        stage::resolve_states(df, &mut model);
        model
    }

    /// The stage named `name` (case-insensitive) defined before stage `before`; the last such
    /// one wins when names repeat, as in BuildKit.
    pub(crate) fn stage_by_name(&self, name: &str, before: usize) -> Option<usize> {
        self.stages[..before.min(self.stages.len())]
            .iter()
            .rposition(|s| {
                s.name
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
            })
    }

    /// The final stage, if there is one.
    pub fn final_stage(&self) -> Option<&Stage> {
        self.final_stage.map(|i| &self.stages[i])
    }

    /// Stages the final stage does not need (BuildKit does not build them).
    pub fn unused_stages(&self) -> impl Iterator<Item = &Stage> {
        self.stages.iter().filter(|s| !self.reachable[s.index])
    }

    /// The global ARG's value without `--build-arg` (its default, expanded), if known. The last
    /// declaration with a default wins: a later `ARG NAME` alone does not unset it.
    pub fn global_default(&self, name: &str) -> Option<&str> {
        self.global_args
            .iter()
            .rev()
            .find(|a| a.name == name && a.default.is_some())
            .and_then(|a| a.value.as_deref())
    }

    /// Whether `name` is declared as a global ARG (or is predefined).
    pub(crate) fn global_declared(&self, name: &str) -> bool {
        PREDEFINED_ARGS.contains(&name) || self.global_args.iter().any(|a| a.name == name)
    }

    /// Stages that `index` copies from or builds on (direct dependencies).
    pub fn dependencies(&self, index: usize) -> impl Iterator<Item = &Edge> {
        self.edges.iter().filter(move |e| e.stage == index)
    }
}

/// The instruction's arguments as a script (shell text, exec words joined, heredoc bodies).
pub fn script_text(ins: &Instruction) -> String {
    let mut s = match &ins.args {
        Args::Exec { elements, .. } => elements
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        _ => ins.args_text.text.clone(),
    };
    for h in &ins.heredocs {
        s.push('\n');
        s.push_str(&h.body);
    }
    s
}

/// Looks an image up in the bundled table (for callers outside the model).
pub fn classify(image: &ImageRef) -> Option<ImageInfo> {
    images::lookup(image)
}

/// A span's location as a diagnostic location.
pub fn location(span: Span) -> crate::dockerfile::Location {
    crate::dockerfile::Location {
        line: span.start.line as usize,
        column: span.start.column as usize,
        end_line: span.end.line as usize,
        end_column: span.end.column as usize,
    }
}
