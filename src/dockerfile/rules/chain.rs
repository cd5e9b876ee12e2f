//! Words for the build model's chains, shared by the "would it run" rules: which image a stage
//! stands on and at which line, what made an artifact, where a path came from.

use super::Ctx;
use crate::dockerfile::ast::{Args, Instruction};
use crate::dockerfile::build::{Artifact, Origin, StageModel};
use crate::dockerfile::images::Libc;
use crate::dockerfile::model::stage::unquote;
use crate::dockerfile::model::{Base, Stage};

/// "node:24-alpine, line 2": the image a stage stands on and the FROM that names it.
pub(super) fn stage_image(ctx: &Ctx<'_>, sm: &StageModel) -> String {
    let (image, line) = image_and_line(ctx, sm);
    format!("{image}, line {line}")
}

/// "alpine:3.22 (line 6)": the same, to stand in a sentence.
pub(super) fn image_line(ctx: &Ctx<'_>, sm: &StageModel) -> String {
    let (image, line) = image_and_line(ctx, sm);
    format!("{image} (line {line})")
}

fn image_and_line<'a>(ctx: &Ctx<'_>, sm: &'a StageModel) -> (&'a str, u32) {
    let image = sm.tools.image.as_deref().unwrap_or("an unknown image");
    (image, ctx.ins(ctx.model.stages[sm.index].from).start_line)
}

/// "(node:24-alpine, line 2)": where an artifact was made.
pub(super) fn made(a: &Artifact) -> String {
    match &a.image {
        Some(i) => format!("{i}, line {}", a.from_line),
        None => format!("line {}", a.from_line),
    }
}

pub(super) fn libc_name(l: Libc) -> &'static str {
    match l {
        Libc::Glibc => "glibc",
        Libc::Musl => "musl",
        Libc::None => "no C library",
    }
}

/// The stages whose end state the "would it run" rules judge: every stage the build needs.
pub(super) fn built_stages<'c, 'a>(ctx: &'c Ctx<'a>) -> impl Iterator<Item = &'c StageModel> + 'c {
    ctx.build()
        .stages
        .iter()
        .filter(|s| ctx.model.reachable.get(s.index).copied().unwrap_or(false))
}

/// Whether the image a stage runs in ships Node (by the table's runtime facts, or its id).
pub(super) fn runs_node(ctx: &Ctx<'_>, stage: usize) -> bool {
    let Some(info) = &ctx.model.stages[stage].image_info else {
        return false;
    };
    info.runtime
        .as_ref()
        .is_some_and(|r| r.language == crate::dockerfile::images::Language::Node)
        || matches!(
            info.id.as_str(),
            "node" | "node-slim" | "node-alpine" | "distroless-nodejs" | "chainguard-node"
        )
}

/// The stages that stage `index` builds on (FROM chain), itself first.
pub(super) fn chain(ctx: &Ctx<'_>, index: usize) -> Vec<usize> {
    let mut out = vec![index];
    let mut cur = index;
    while let Base::Stage { index: parent } = ctx.model.stages[cur].base {
        // A FROM chain only points backwards; checking that (not searching `out`) keeps a
        // long chain linear.
        if parent >= cur {
            break;
        }
        out.push(parent);
        cur = parent;
    }
    out
}

/// Every instruction of a stage and its FROM ancestors, oldest first.
pub(super) fn chain_instructions<'a>(ctx: &Ctx<'a>, index: usize) -> Vec<&'a Instruction> {
    let mut out = Vec::new();
    for &i in chain(ctx, index).iter().rev() {
        out.extend(ctx.stage_body(&ctx.model.stages[i]).map(|(_, ins)| ins));
    }
    out
}

/// The base image as written (`node:24-alpine`), or "the base image".
pub(super) fn base_name(st: &Stage) -> String {
    st.base_image
        .as_ref()
        .map_or_else(|| "the base image".into(), |i| i.original.clone())
}

/// Source words of COPY/ADD (all but the destination), quotes removed.
pub(super) fn copy_sources(ins: &Instruction) -> Vec<String> {
    let words: Vec<&str> = match &ins.args {
        Args::Words(w) => w.iter().map(|w| w.text.as_str()).collect(),
        Args::Exec { elements, .. } => elements.iter().map(|w| w.text.as_str()).collect(),
        _ => return Vec::new(),
    };
    words
        .split_last()
        .map(|(_, s)| s.iter().map(|w| unquote(w)).collect())
        .unwrap_or_default()
}

#[cfg(test)]
pub(crate) fn findings(src: &str, rule: &str) -> Vec<crate::dockerfile::Diagnostic> {
    crate::dockerfile::lint::lint(src, &Default::default())
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect()
}

/// The one finding of `rule` on `src`, checked to stand at (line, column, end column) with
/// `message`; returned for its fix.
#[cfg(test)]
pub(crate) fn only_finding(
    src: &str,
    rule: &str,
    at: (usize, usize, usize),
    message: &str,
) -> crate::dockerfile::Diagnostic {
    let mut d = findings(src, rule);
    assert_eq!(d.len(), 1, "{d:?}");
    let l = &d[0].location;
    assert_eq!((l.line, l.column, l.end_column), at, "{rule}: {src}");
    assert_eq!(d[0].message, message);
    d.remove(0)
}

/// Paths of the final stage (and every stage that RUNs) that carry an artifact brought in
/// from another stage: (stage, path, the artifact, the COPY line).
pub(super) fn copied_artifacts<'c>(
    ctx: &'c Ctx<'_>,
) -> impl Iterator<Item = (&'c StageModel, &'c str, &'c Artifact, u32)> + 'c {
    let fin = ctx.model.final_stage;
    built_stages(ctx)
        .filter(move |sm| Some(sm.index) == fin || !sm.runs.is_empty())
        .flat_map(move |sm| {
            sm.fs.entries.iter().filter_map(move |(p, e)| {
                let a = e.artifact.as_ref()?;
                let crate::dockerfile::build::Origin::Stage { line, .. } = e.origin else {
                    return None;
                };
                // Only what this stage copied itself (a parent's copies were judged there).
                let st = &ctx.model.stages[sm.index];
                let first = ctx.ins(st.from).start_line;
                let last = ctx.ins(st.instructions.end - 1).end_line;
                (first..=last)
                    .contains(&line)
                    .then_some((sm, p.as_str(), a, line))
            })
        })
}

/// The C library a stage's programs find: the image's, unless libraries were copied in or a
/// compatibility package installed (then unknown). With its version, if known.
pub(super) fn runtime_libc(sm: &StageModel) -> Option<(Libc, Option<String>)> {
    let lib_dirs = ["/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib"];
    let copied = sm.fs.entries.iter().any(|(p, e)| {
        !matches!(e.origin, Origin::Base | Origin::Run { .. })
            && lib_dirs
                .iter()
                .any(|d| crate::dockerfile::build::fs::within(p, d))
    }) || sm.fs.open.iter().any(|o| {
        o.under.as_deref().is_none_or(|u| {
            lib_dirs.iter().any(|d| {
                crate::dockerfile::build::fs::within(u, d)
                    || crate::dockerfile::build::fs::within(d, u)
            })
        }) && !matches!(o.origin, Origin::Run { .. })
    });
    let compat = sm.packages.iter().any(|p| {
        matches!(
            p.name.as_str(),
            "gcompat" | "libc6-compat" | "musl" | "musl-tools"
        )
    });
    if copied || compat {
        return None;
    }
    sm.tools.libc.map(|l| (l, sm.tools.libc_version.clone()))
}

/// Compares dotted versions numerically ("2.41" > "2.36").
pub(super) fn version_newer(a: &str, b: &str) -> bool {
    let parse = |v: &str| -> Vec<u32> { v.split('.').map_while(|p| p.parse().ok()).collect() };
    parse(a) > parse(b)
}
