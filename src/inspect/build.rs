//! Turns a lint run (parse + model) into a [`Report`]: stages, roles, edges and errors; sizes
//! and surfaces come from their own modules.

use super::{
    BaseKind, BaseReport, EdgeReport, EdgeSource, ImageFacts, Report, Role, SCHEMA_VERSION,
    SizeRange, StageReport, runs, size, surface,
};
use crate::dockerfile::ast::{Args, Dockerfile, Instruction};
use crate::dockerfile::build::BuildModel;
use crate::dockerfile::images::{self, SizeFigure};
use crate::dockerfile::lint::LintResult;
use crate::dockerfile::model::graph::mount_option;
use crate::dockerfile::model::{Base, EdgeKind, EdgeTarget, ImageRef, Model, Stage};
use crate::dockerfile::{Diagnostic, Severity};

pub(super) fn report(result: &LintResult) -> Report {
    let model = &result.model;
    let df = &result.parse.dockerfile;
    let roles = roles(model);
    let build = result.build();
    let stages: Vec<StageReport> = model
        .stages
        .iter()
        .map(|st| stage_report(df, model, st, roles[st.index], build))
        .collect();
    let edges = model
        .edges
        .iter()
        .map(|e| {
            let ins = &df.instructions[e.instruction];
            let (sources, dest) = carried(e.kind, ins);
            EdgeReport {
                kind: e.kind,
                from: source_of(&e.target, model),
                to_stage: e.stage,
                written: e.written.clone(),
                line: ins.start_line as usize,
                sources,
                dest,
                ships: e.kind == EdgeKind::CopyFrom && roles[e.stage].ships(),
            }
        })
        .collect();
    let not_shipped = stages
        .iter()
        .filter(|s| !s.ships)
        .map(|s| s.index)
        .collect();
    let errors: Vec<Diagnostic> = result
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    Report {
        schema_version: SCHEMA_VERSION,
        sizes: size::sizes(df, model),
        stages,
        edges,
        final_stage: model.final_stage,
        not_shipped,
        errors,
        run: runs::run_report(result),
    }
}

/// Each stage's role: the final stage, its FROM ancestors, the other stages it needs, the rest.
fn roles(model: &Model) -> Vec<Role> {
    let mut roles: Vec<Role> = model
        .reachable
        .iter()
        .map(|&needed| if needed { Role::Builder } else { Role::Unused })
        .collect();
    let mut next = model.final_stage.map(|i| (i, Role::Final));
    while let Some((i, role)) = next {
        // A FROM chain only points backwards, so it ends; the guard is for a malformed model.
        if roles[i].ships() {
            break;
        }
        roles[i] = role;
        next = match model.stages[i].base {
            Base::Stage { index } => Some((index, Role::Base)),
            _ => None,
        };
    }
    roles
}

fn stage_report(
    df: &Dockerfile,
    model: &Model,
    st: &Stage,
    role: Role,
    build: &BuildModel,
) -> StageReport {
    let (paths, more_paths, unknown_writes) = runs::stage_paths(build, st.index);
    let from = &df.instructions[st.from];
    let written = match &from.args {
        Args::From(f) => f.image.as_ref().map(|w| w.text.clone()),
        _ => None,
    }
    .unwrap_or_default();
    let base = match &st.base {
        Base::Image { written: value, .. } => BaseReport {
            written,
            resolved: Some(value.clone()),
            kind: BaseKind::Image,
            stage: None,
            reason: None,
        },
        Base::Stage { index } => BaseReport {
            // The name it resolved to (`${STAGE}` may have been written).
            resolved: Some(model.stages[*index].label()),
            written,
            kind: BaseKind::Stage,
            stage: Some(*index),
            reason: None,
        },
        Base::Unresolved { reason, .. } => BaseReport {
            written,
            resolved: None,
            kind: BaseKind::Unresolved,
            stage: None,
            reason: Some(reason.clone()),
        },
    };
    StageReport {
        index: st.index,
        name: st.name.clone(),
        label: st.label(),
        line: from.start_line as usize,
        base,
        image: st.base_image.as_ref().map(|r| image_facts(r, st)),
        role,
        ships: role.ships(),
        surface: surface::of(df, st),
        paths,
        more_paths,
        unknown_writes,
    }
}

fn image_facts(image: &ImageRef, st: &Stage) -> ImageFacts {
    let info = st.image_info.as_ref();
    ImageFacts {
        reference: image.canonical(),
        display: display(image),
        table_id: info.map(|i| i.id.clone()),
        unknown: info.is_none(),
        kind: info.map(|i| i.kind),
        compressed: size_range(info.and_then(|i| i.compressed.as_ref())),
        uncompressed: size_range(info.and_then(|i| i.uncompressed.as_ref())),
        advisory: images::table().advisory(image),
    }
}

/// `node:18`, `gcr.io/distroless/base`: the reference as people write it (tag as written).
pub(super) fn display(image: &ImageRef) -> String {
    if image.is_scratch() {
        return "scratch".into();
    }
    let mut s = image.short_name();
    if let Some(t) = &image.tag {
        s.push(':');
        s.push_str(t);
    }
    if let Some(d) = &image.digest {
        s.push('@');
        s.push_str(d);
    }
    s
}

fn size_range(figure: Option<&SizeFigure>) -> SizeRange {
    match figure {
        Some(f) => SizeRange {
            min_bytes: Some(f.min_bytes),
            max_bytes: Some(f.max_bytes),
            unknown: false,
            source: Some(f.source.clone()),
            date: Some(f.date.clone()),
            estimate: f.estimate,
        },
        None => SizeRange {
            min_bytes: None,
            max_bytes: None,
            unknown: true,
            source: None,
            date: None,
            estimate: false,
        },
    }
}

fn source_of(target: &EdgeTarget, model: &Model) -> EdgeSource {
    let label = |i: usize| {
        model
            .stages
            .get(i)
            .map_or_else(|| format!("stage {i}"), Stage::label)
    };
    match target {
        EdgeTarget::Stage { index } => EdgeSource::Stage { index: *index },
        EdgeTarget::Image { image } => EdgeSource::Image {
            reference: image.canonical(),
            unknown: images::lookup(image).is_none(),
        },
        EdgeTarget::SelfRef => EdgeSource::Invalid {
            reason: "the stage refers to itself".into(),
        },
        EdgeTarget::Later { index } => EdgeSource::Invalid {
            reason: format!("{} is defined later", label(*index)),
        },
        EdgeTarget::BadIndex { index } => EdgeSource::Invalid {
            reason: format!("there is no stage {index}"),
        },
        EdgeTarget::Variable => EdgeSource::Invalid {
            reason: "BuildKit does not expand variables in --from".into(),
        },
        EdgeTarget::Invalid { reason } => EdgeSource::Invalid {
            reason: reason.clone(),
        },
    }
}

/// What an edge's instruction brings in: (source paths, destination).
fn carried(kind: EdgeKind, ins: &Instruction) -> (Vec<String>, Option<String>) {
    match kind {
        EdgeKind::From => (Vec::new(), None),
        EdgeKind::CopyFrom => {
            let mut words = copy_words(ins);
            let dest = words.pop();
            (words, dest)
        }
        EdgeKind::MountFrom => {
            let spec = ins
                .flags
                .iter()
                .filter(|f| f.name == "mount")
                .filter_map(|f| f.value.as_deref())
                .find(|v| mount_option(v, "from").is_some())
                .unwrap_or("");
            let source = mount_option(spec, "source")
                .or_else(|| mount_option(spec, "src"))
                .unwrap_or_else(|| "/".into());
            let target = mount_option(spec, "target")
                .or_else(|| mount_option(spec, "dst"))
                .or_else(|| mount_option(spec, "destination"));
            (vec![source], target)
        }
    }
}

/// A COPY/ADD's path words (sources then destination), from either form.
pub(super) fn copy_words(ins: &Instruction) -> Vec<String> {
    match &ins.args {
        Args::Words(words) => words.iter().map(|w| w.text.clone()).collect(),
        Args::Exec { elements, .. } => elements.iter().map(|w| w.text.clone()).collect(),
        Args::Text(w) => w.text.split_whitespace().map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{EdgeSource, Role, inspect};
    use crate::dockerfile::model::EdgeKind;

    const TWO_BUILDERS: &str = "FROM golang:1.26 AS build\nRUN go build -o /app .\n\
        FROM alpine:3.20 AS certs\nRUN apk add ca-certificates\n\
        FROM node:22 AS docs\nRUN npm run docs\n\
        FROM build AS tested\nRUN go test ./...\n\
        FROM gcr.io/distroless/static-debian13:nonroot AS runtime\n\
        FROM runtime\nCOPY --from=tested /app /usr/local/bin/app\n\
        COPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n";

    #[test]
    fn roles_follow_from_chains_and_copies() {
        let r = inspect(TWO_BUILDERS);
        let roles: Vec<Role> = r.stages.iter().map(|s| s.role).collect();
        assert_eq!(
            roles,
            [
                Role::Builder,
                Role::Builder,
                Role::Unused,
                Role::Builder,
                Role::Base,
                Role::Final
            ]
        );
        assert_eq!(r.final_stage, Some(5));
        assert_eq!(r.not_shipped, [0, 1, 2, 3]);
        assert!(r.stages[4].ships && r.stages[5].ships && !r.stages[3].ships);
    }

    #[test]
    fn edges_carry_what_each_copy_brings() {
        let r = inspect(TWO_BUILDERS);
        let kinds: Vec<(EdgeKind, usize)> = r.edges.iter().map(|e| (e.kind, e.to_stage)).collect();
        assert_eq!(
            kinds,
            [
                (EdgeKind::From, 3),
                (EdgeKind::From, 5),
                (EdgeKind::CopyFrom, 5),
                (EdgeKind::CopyFrom, 5)
            ]
        );
        let copy = &r.edges[2];
        assert_eq!(copy.from, EdgeSource::Stage { index: 3 });
        assert_eq!(copy.sources, ["/app"]);
        assert_eq!(copy.dest.as_deref(), Some("/usr/local/bin/app"));
        assert_eq!(copy.line, 11);
        assert!(copy.ships);
        assert_eq!(r.edges[0].from, EdgeSource::Stage { index: 0 });
        assert!(!r.edges[0].ships);
    }

    #[test]
    fn copy_and_mount_from_images_and_bad_references() {
        let r = inspect(
            "FROM alpine AS a\nFROM alpine\nCOPY --from=nginx:1.27 [\"/etc/nginx\", \"/n\"]\n\
             COPY --from=busybox:1.37-musl /bin/busybox /bin/\n\
             RUN --mount=type=bind,from=a,source=/src,target=/mnt true\n\
             COPY --from=later /x /y\nCOPY --from=$X /x /y\n",
        );
        let froms: Vec<&EdgeSource> = r.edges.iter().map(|e| &e.from).collect();
        assert_eq!(
            froms[0],
            &EdgeSource::Image {
                reference: "docker.io/library/nginx:1.27".into(),
                unknown: true
            }
        );
        assert_eq!(r.edges[0].sources, ["/etc/nginx"]);
        assert_eq!(r.edges[0].dest.as_deref(), Some("/n"));
        assert!(matches!(froms[1], EdgeSource::Image { unknown: false, .. }));
        assert_eq!(r.edges[2].kind, EdgeKind::MountFrom);
        assert_eq!(r.edges[2].sources, ["/src"]);
        assert_eq!(r.edges[2].dest.as_deref(), Some("/mnt"));
        assert!(!r.edges[2].ships, "a mount adds nothing to the image");
        assert!(
            matches!(froms[3], EdgeSource::Image { .. }),
            "unknown name = image"
        );
        assert!(matches!(froms[4], EdgeSource::Invalid { .. }));
    }

    #[test]
    fn base_as_written_and_resolved() {
        let r = inspect("ARG BASE=node:22-alpine\nFROM ${BASE} AS b\nFROM b\nFROM $NOPE\n");
        let b = &r.stages[0];
        assert_eq!(b.base.written, "${BASE}");
        assert_eq!(b.base.resolved.as_deref(), Some("node:22-alpine"));
        let img = b.image.as_ref().unwrap();
        assert_eq!(img.table_id.as_deref(), Some("node-alpine"));
        assert_eq!(img.reference, "docker.io/library/node:22-alpine");
        assert_eq!(img.display, "node:22-alpine");
        assert_eq!(r.stages[1].base.stage, Some(0));
        assert_eq!(
            r.stages[1].image, r.stages[0].image,
            "inherited through FROM b"
        );
        let nope = &r.stages[2];
        assert_eq!(nope.base.resolved, None);
        assert!(nope.base.reason.as_deref().unwrap().contains("NOPE"));
        assert!(nope.image.is_none());
    }

    #[test]
    fn errors_are_carried_and_the_rest_still_reported() {
        let r =
            inspect("FROM golang:1.26 AS build\nENV X\nFROM scratch\nCOPY --from=build /a /a\n");
        assert!(!r.errors.is_empty());
        assert_eq!(r.stages.len(), 2);
        assert_eq!(r.final_stage, Some(1));
        let empty = inspect("");
        assert!(!empty.errors.is_empty());
        assert!(empty.stages.is_empty() && empty.final_stage.is_none());
        assert!(empty.sizes.final_image.uncompressed.unknown);
    }
}
