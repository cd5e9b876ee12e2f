//! The engine's [`Report`] mapped onto the view's types: the one place that knows both.

use super::view::{
    BaseKind, EdgeKind, EdgeView, InspectView, Reason, RunOutcome, RunView, SizeBar, StagePaths,
    StageRole, StageView, SurfaceRow,
};
use crate::dockerfile::lint::Outcome;
use crate::dockerfile::model::EdgeKind as ModelEdge;
use crate::inspect::{self, EdgeSource, Fact, Figure, Report, Role};

/// Inspects `text` and maps the report; `source` names what is inspected.
pub fn view_of(text: &str, source: &str) -> InspectView {
    view_of_report(&inspect::inspect(text), source)
}

/// Maps `report` with its strings escaped for the terminal (see [`Report::for_terminal`]).
pub(crate) fn view_of_report(report: &Report, source: &str) -> InspectView {
    let report = &report.for_terminal();
    let source = &crate::escape::line(source);
    let mut stages: Vec<StageView> = report
        .stages
        .iter()
        .map(|s| {
            let (base, base_kind) = match s.base.kind {
                inspect::BaseKind::Stage => {
                    let label = s
                        .base
                        .stage
                        .and_then(|i| report.stages.get(i))
                        .map_or(s.base.written.clone(), |b| b.label.clone());
                    (label, BaseKind::Stage)
                }
                inspect::BaseKind::Image => match &s.image {
                    Some(img) if !img.unknown => (img.display.clone(), BaseKind::Known),
                    Some(img) => (img.display.clone(), BaseKind::Unknown),
                    None => (written_or_resolved(s), BaseKind::Unknown),
                },
                inspect::BaseKind::Unresolved => (written_or_resolved(s), BaseKind::Unknown),
            };
            StageView {
                name: s.name.clone(),
                base,
                base_kind,
                role: role(s.role),
                notes: Vec::new(),
            }
        })
        .collect();
    let mut edges = Vec::new();
    for e in &report.edges {
        let kind = match e.kind {
            ModelEdge::From => EdgeKind::Base,
            ModelEdge::CopyFrom => EdgeKind::Copy,
            ModelEdge::MountFrom => EdgeKind::Mount,
        };
        match &e.from {
            EdgeSource::Stage { index } => edges.push(EdgeView {
                from: *index,
                to: e.to_stage,
                kind,
                brings: brings(&e.sources, e.dest.as_deref()),
            }),
            EdgeSource::Image { unknown, .. } => {
                if let Some(stage) = stages.get_mut(e.to_stage) {
                    let known = if *unknown { " (unknown)" } else { "" };
                    let what = brings(&e.sources, e.dest.as_deref());
                    let note = format!("image {}{known} {what}", e.written);
                    stage.notes.push(note.trim_end().into());
                }
            }
            EdgeSource::Invalid { reason } => {
                if let Some(stage) = stages.get_mut(e.to_stage) {
                    stage.notes.push(format!("{}: {reason}", e.written));
                }
            }
        }
    }
    let sizes = &report.sizes;
    let size_bars = vec![
        bar("final image", &sizes.final_image.uncompressed),
        bar("single-stage", &sizes.single_stage.uncompressed),
    ];
    InspectView {
        source: source.to_string(),
        stages,
        edges,
        sizes: size_bars,
        size_notes: size_notes(report),
        surface: report
            .stages
            .iter()
            .map(|s| SurfaceRow {
                stage: s.label.clone(),
                ships: s.role == Role::Final,
                shell: fact(&s.surface.shell),
                package_manager: fact(&s.surface.package_manager),
                user: user(&s.surface.user),
                libc: fact(&s.surface.libc),
            })
            .collect(),
        // What stops the build is listed here; what stops the container, under the verdict.
        errors: report
            .errors
            .iter()
            .filter(|d| crate::dockerfile::lint::stops_build(d))
            .map(|d| format!("line {}: {}", d.location.line, d.message))
            .collect(),
        run: run(report),
        paths: report
            .stages
            .iter()
            .filter(|s| !s.paths.is_empty())
            .map(|s| StagePaths {
                stage: s.label.clone(),
                paths: s
                    .paths
                    .iter()
                    .map(|p| p.text(|i| report.stage_label(i)))
                    .collect(),
                more: s.more_paths,
            })
            .collect(),
    }
}

/// The verdict as the library words it: the view adds no judgement of its own.
fn run(report: &Report) -> RunView {
    let run = &report.run;
    RunView {
        command: run.command_text(),
        outcome: match run.outcome {
            Outcome::Runs => RunOutcome::Runs,
            Outcome::LikelyFails => RunOutcome::LikelyFails,
            Outcome::Fails => RunOutcome::Fails,
        },
        verdict: run.verdict_text().into(),
        reasons: run
            .reasons_known()
            .into_iter()
            .map(|(known, text)| Reason { known, text })
            .collect(),
    }
}

fn written_or_resolved(s: &inspect::StageReport) -> String {
    let written = s.base.resolved.clone().unwrap_or(s.base.written.clone());
    match &s.base.reason {
        Some(reason) => format!("{written} ({reason})"),
        None => written,
    }
}

/// The user as named, with `(root)` when the name does not say so (`0`).
fn user(u: &inspect::UserFact) -> Option<String> {
    let name = u.name.as_ref().filter(|_| !u.unknown)?;
    Some(if u.root == Some(true) && name != "root" {
        format!("{name} (root)")
    } else {
        name.clone()
    })
}

fn role(role: Role) -> StageRole {
    match role {
        Role::Final => StageRole::Final,
        Role::Base => StageRole::Base,
        Role::Builder => StageRole::Builder,
        Role::Unused => StageRole::Unused,
    }
}

/// What a copy brings: `/app/dist → ./dist`.
fn brings(sources: &[String], dest: Option<&str>) -> String {
    let sources = sources.join(" ");
    match dest {
        Some(dest) if !sources.is_empty() => format!("{sources} → {dest}"),
        _ => sources,
    }
}

fn fact(f: &Fact) -> Option<String> {
    match f {
        Fact::Unknown => None,
        other => Some(other.describe().to_string()),
    }
}

fn bar(label: &str, f: &Figure) -> SizeBar {
    SizeBar {
        label: label.into(),
        min_bytes: f.min_bytes.filter(|_| !f.unknown),
        max_bytes: f.max_bytes.filter(|_| !f.unknown),
        at_least: f.at_least,
    }
}

/// Under the chart: what the bars measure, the download sizes, what is not counted, and
/// where the figures come from.
fn size_notes(report: &Report) -> Vec<String> {
    let (fin, single) = (&report.sizes.final_image, &report.sizes.single_stage);
    let mut notes = vec![match &single.base_image {
        Some(base) => format!("Size on disk. Single-stage: everything built on {base} instead."),
        None => "Size on disk. Single-stage: everything built on the first stage's base.".into(),
    }];
    notes.push(format!(
        "Download: final {}, single-stage {}.",
        bar("", &fin.compressed).text(),
        bar("", &single.compressed).text()
    ));
    if !fin.unknown_parts.is_empty() {
        let parts: Vec<String> = fin
            .unknown_parts
            .iter()
            .map(|p| format!("{} (line {})", p.what, p.line))
            .collect();
        notes.push(format!("Not counted, size unknown: {}.", parts.join(", ")));
    }
    let mut sources: Vec<&String> = fin.sources.iter().chain(&single.sources).collect();
    sources.sort();
    sources.dedup();
    if !sources.is_empty() {
        let sources: Vec<&str> = sources.iter().map(|s| s.as_str()).collect();
        notes.push(format!("Figures: {}.", sources.join("; ")));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_that_stops_the_container_is_listed_once_under_the_verdict() {
        let view = view_of(
            "FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /out/hello .\n\
             FROM scratch\nCOPY --from=build /out/hello /hello\nENTRYPOINT [\"/out/hello\"]\n\
             FORM typo\n",
            "t",
        );
        assert_eq!(view.run.outcome, RunOutcome::Fails);
        assert_eq!(view.run.verdict, "no");
        assert_eq!(view.run.reasons.len(), 2, "{:?}", view.run.reasons);
        assert_eq!(
            view.run.reasons[0].text,
            "the build stops (the error above)"
        );
        assert!(view.run.reasons[1].text.starts_with("line 5: DK214 "));
        assert!(view.run.reasons.iter().all(|r| r.known));
        // The parse error stays a problem; the DK214 error is not repeated there.
        assert_eq!(view.errors.len(), 1, "{:?}", view.errors);
        assert!(view.errors[0].starts_with("line 6: "), "{:?}", view.errors);
        assert!(view.paths.iter().any(|p| p.stage == "stage 1"));
    }
}
