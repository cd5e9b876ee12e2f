//! What the final image runs and whether it would start (the build model's verdict, with the
//! chain of lines), and per stage the paths that matter with where each came from.

use serde::Serialize;

use crate::dockerfile::Diagnostic;
use crate::dockerfile::build::launch::{self, Part};
use crate::dockerfile::build::{Artifact, BuildModel, Origin};
use crate::dockerfile::lint::{self, LintResult, Outcome, stops_build};

/// What `docker run` starts in the final image.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunReport {
    /// The command (ENTRYPOINT + CMD, shell form as `/bin/sh -c …`); `None` when it cannot be
    /// told (an unknown base image's ENTRYPOINT/CMD) or there is none.
    pub argv: Option<Vec<String>>,
    /// The working directory it starts in.
    pub workdir: Option<String>,
    /// The line of the instruction that names the program (`None`: the image's own).
    pub program_line: Option<u32>,
    /// Would it start: `runs`, `likely_fails` (warnings) or `fails` (known).
    pub outcome: Outcome,
    /// Why not: the would-run findings, each with its chain of lines.
    pub reasons: Vec<Diagnostic>,
}

impl RunReport {
    /// "/app/server (line 12, in /app)": the command, where it is named and where it starts;
    /// the text form and the TUI both say it this way.
    pub(crate) fn command_text(&self) -> String {
        match &self.argv {
            Some(argv) => {
                let at = self
                    .program_line
                    .map_or_else(|| "the image's own".to_string(), |l| format!("line {l}"));
                let dir = self.workdir.as_deref().unwrap_or("/");
                format!("{} ({at}, in {dir})", argv.join(" "))
            }
            None => "cannot tell (the base image's command is unknown)".into(),
        }
    }

    /// The answer to "would it start", worded by how sure the model is.
    pub fn verdict_text(&self) -> &'static str {
        match self.outcome {
            Outcome::Runs => "yes, as far as the model can tell",
            Outcome::LikelyFails => "probably not",
            Outcome::Fails => "no",
        }
    }

    /// Each reason as "line 9: DK216 line 9 copies …": the rule's message tells the chain.
    /// Errors that stop the build are listed with the report's errors, so here they are one
    /// line that points there.
    pub(crate) fn reason_texts(&self) -> Vec<String> {
        self.reasons_known().into_iter().map(|(_, t)| t).collect()
    }

    /// [`RunReport::reason_texts`], each with whether it is known (an error) or only likely.
    pub(crate) fn reasons_known(&self) -> Vec<(bool, String)> {
        let stopped = self.reasons.iter().filter(|d| stops_build(d)).count();
        let build = match stopped {
            0 => None,
            1 => Some((true, "the build stops (the error above)".to_string())),
            _ => Some((true, "the build stops (the errors above)".to_string())),
        };
        build
            .into_iter()
            .chain(self.reasons.iter().filter(|d| !stops_build(d)).map(|d| {
                (
                    d.severity == crate::dockerfile::Severity::Error,
                    format!("line {}: {} {}", d.location.line, d.rule, d.message),
                )
            }))
            .collect()
    }
}

impl PathReport {
    /// "/app/node_modules ← stage deps /app/node_modules/, line 9: node_modules for musl, …";
    /// `label` names a stage by its index.
    pub fn text(&self, label: impl Fn(usize) -> String) -> String {
        let from = origin_text(&self.origin, label);
        match &self.artifact {
            Some(a) => format!("{} ← {from}: {}", self.path, describe(a)),
            None => format!("{} ← {from}", self.path),
        }
    }
}

/// One path of a stage worth showing: copied in, or made by a step the model read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathReport {
    pub path: String,
    pub origin: Origin,
    /// What made it and the facts that decide where it runs.
    pub artifact: Option<Artifact>,
}

/// A place a step wrote to that the model cannot list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenReport {
    /// The directory (`None`: anywhere).
    pub under: Option<String>,
    pub line: Option<u32>,
    pub why: String,
}

/// At most this many paths per stage (the rest are counted).
const MAX_PATHS: usize = 40;

pub(super) fn run_report(result: &LintResult) -> RunReport {
    let (outcome, reasons) = lint::verdict(&result.diagnostics);
    let l = result
        .model
        .final_stage
        .and_then(|i| launch::launch(&result.parse.dockerfile, &result.model, i));
    RunReport {
        argv: l.as_ref().map(|l| l.argv.clone()),
        workdir: l.as_ref().map(|l| l.workdir.clone()),
        program_line: l.as_ref().and_then(|l| match l.program_from {
            Part::Instruction { line, .. } => Some(line),
            Part::Image => None,
        }),
        outcome,
        reasons,
    }
}

/// The paths that matter in each stage: everything copied in from elsewhere or made by a
/// build step, and the regions the model cannot list.
pub(super) fn stage_paths(
    build: &BuildModel,
    index: usize,
) -> (Vec<PathReport>, usize, Vec<OpenReport>) {
    let Some(sm) = build.stage(index) else {
        return (Vec::new(), 0, Vec::new());
    };
    let mut paths: Vec<PathReport> = sm
        .fs
        .entries
        .iter()
        .filter(|(_, e)| {
            // Copied files and build output; directories only when they are an artifact.
            e.artifact.is_some()
                || (e.dir != Some(true)
                    && matches!(e.origin, Origin::Stage { .. } | Origin::Image { .. }))
        })
        .map(|(p, e)| PathReport {
            path: p.clone(),
            origin: e.origin.clone(),
            artifact: e.artifact.clone(),
        })
        .collect();
    let more = paths.len().saturating_sub(MAX_PATHS);
    paths.truncate(MAX_PATHS);
    let open = sm
        .fs
        .open
        .iter()
        .map(|o| OpenReport {
            under: o.under.clone(),
            line: o.origin.line(),
            why: o.why.clone(),
        })
        .collect();
    (paths, more, open)
}

/// "Go binary, static (CGO_ENABLED=0); made at line 4 on golang:1.26".
fn describe(a: &Artifact) -> String {
    use crate::dockerfile::build::{ArtifactKind, Linkage};
    use crate::dockerfile::images::Libc;
    let libc = |l: &Option<Libc>| match l {
        Some(Libc::Glibc) => "glibc",
        Some(Libc::Musl) => "musl",
        Some(Libc::None) => "no libc",
        None => "libc unknown",
    };
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "?".into());
    let what = match &a.kind {
        ArtifactKind::Binary {
            toolchain,
            linkage,
            why,
            ..
        } => {
            let link = match linkage {
                Some(Linkage::Static) => "static".to_string(),
                Some(Linkage::Dynamic { libc: l, version }) => format!(
                    "dynamic, {}{}",
                    libc(&Some(*l)),
                    version
                        .as_deref()
                        .map(|v| format!(" {v}"))
                        .unwrap_or_default()
                ),
                None => "linkage unknown".into(),
            };
            format!("{toolchain:?} binary, {link} ({why})")
        }
        ArtifactKind::NodeModules { libc: l, node } => {
            format!("node_modules for {}, Node {}", libc(l), opt(node))
        }
        ArtifactKind::Venv {
            interpreter,
            python,
            libc: l,
        } => format!(
            "venv of {} (Python {}, {})",
            opt(interpreter),
            opt(python),
            libc(l)
        ),
        ArtifactKind::SitePackages { python, libc: l } => {
            format!("Python {} packages, {}", opt(python), libc(l))
        }
        ArtifactKind::Jar { jdk, release } => match release {
            Some(r) => format!("JAR by JDK {} for Java {r}", opt(jdk)),
            None => format!("JAR by JDK {}", opt(jdk)),
        },
    };
    let on = a.image.as_deref().unwrap_or("an unknown image");
    format!("{what}; made at line {} on {on}", a.line)
}

/// "stage build /out/app, line 7" / "build context, line 3" / "RUN, line 4".
fn origin_text(o: &Origin, label: impl Fn(usize) -> String) -> String {
    match o {
        Origin::Base => "base image".into(),
        Origin::Context { line } => format!("build context, line {line}"),
        Origin::Stage { stage, path, line } => format!("{} {path}, line {line}", label(*stage)),
        Origin::Image { image, line } => format!("image {image}, line {line}"),
        Origin::Run { line } => format!("RUN, line {line}"),
    }
}
