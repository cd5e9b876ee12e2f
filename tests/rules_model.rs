//! The stage model: image references with ARG expansion, stages, the dependency graph, the
//! final stage and unused stages, and each stage's effective base and state.

use dockerlings::dockerfile::model::{Base, EdgeKind, EdgeTarget, Model, Unresolved};
use dockerlings::dockerfile::parse;

fn model(text: &str) -> Model {
    Model::build(&parse(text).dockerfile, None)
}

fn model_for(text: &str, target: &str) -> Model {
    Model::build(&parse(text).dockerfile, Some(target))
}

#[test]
fn from_variable_resolved_from_global_arg_default() {
    let m = model("ARG BASE=node\nARG TAG=22-alpine\nFROM ${BASE}:$TAG AS build\nFROM build\n");
    let Base::Image { image, .. } = &m.stages[0].base else {
        panic!("{:?}", m.stages[0].base)
    };
    assert_eq!(image.canonical(), "docker.io/library/node:22-alpine");
    assert_eq!(m.stages[0].image_info.as_ref().unwrap().id, "node-alpine");
    // The second stage builds on the first and inherits its classification.
    assert_eq!(m.stages[1].base, Base::Stage { index: 0 });
    assert_eq!(m.stages[1].image_info.as_ref().unwrap().id, "node-alpine");
    assert_eq!(m.global_default("TAG"), Some("22-alpine"));
}

#[test]
fn unresolvable_bases_are_marked_not_guessed() {
    let m = model(
        "ARG TAG\nFROM alpine:${TAG}\nFROM ${UNDECLARED}\nFROM alpine:${TAG#v}\nFROM a AS a\n",
    );
    let why = |i: usize| match &m.stages[i].base {
        Base::Unresolved { why, .. } => Some(*why),
        _ => None,
    };
    assert_eq!(why(0), Some(Unresolved::UnsetVariable));
    assert_eq!(why(1), Some(Unresolved::UnsetVariable));
    assert_eq!(why(2), Some(Unresolved::Unsupported));
    // BuildKit resolves the base before registering the stage's own name: the image `a`.
    assert_eq!(why(3), None);
    assert!(
        m.stages
            .iter()
            .all(|s| s.image_info.is_none() && s.user.is_none())
    );
}

#[test]
fn graph_edges_and_resolution() {
    let m = model(
        "FROM golang:1.26 AS Build\n\
         FROM build AS test\n\
         RUN --mount=type=bind,from=build,target=/src go test ./...\n\
         FROM alpine:3.22\n\
         COPY --from=0 /app /app\n\
         COPY --from=BUILD /b /b\n\
         COPY --from=nginx:1.27 /etc/nginx /etc/nginx\n\
         COPY --from=later /x /x\n\
         COPY --from=7 /x /x\n\
         FROM alpine:3.22 AS later\n",
    );
    assert_eq!(m.stages.len(), 4);
    assert_eq!(
        m.stages[0].name.as_deref(),
        Some("build"),
        "names are lower-cased"
    );
    let edges: Vec<(usize, EdgeKind, EdgeTarget)> = m
        .edges
        .iter()
        .map(|e| (e.stage, e.kind, e.target.clone()))
        .collect();
    assert_eq!(
        edges[0],
        (1, EdgeKind::From, EdgeTarget::Stage { index: 0 })
    );
    assert_eq!(
        edges[1],
        (1, EdgeKind::MountFrom, EdgeTarget::Stage { index: 0 })
    );
    assert_eq!(
        edges[2],
        (2, EdgeKind::CopyFrom, EdgeTarget::Stage { index: 0 })
    );
    assert_eq!(
        edges[3],
        (2, EdgeKind::CopyFrom, EdgeTarget::Stage { index: 0 })
    );
    assert!(
        matches!(&edges[4].2, EdgeTarget::Image { image } if image.canonical() == "docker.io/library/nginx:1.27")
    );
    assert_eq!(edges[5].2, EdgeTarget::Later { index: 3 });
    assert_eq!(edges[6].2, EdgeTarget::BadIndex { index: 7 });
    assert_eq!(m.edges[2].location.line, 5);
}

#[test]
fn final_stage_target_and_unused_stages() {
    let text = "FROM golang:1.26 AS build\nFROM build AS test\nFROM alpine:3.22 AS prod\nCOPY --from=build /app /app\n";
    let m = model(text);
    assert_eq!(m.final_stage, Some(2));
    let unused: Vec<String> = m.unused_stages().map(|s| s.label()).collect();
    assert_eq!(unused, ["test"]);
    let t = model_for(text, "TEST");
    assert_eq!(t.final_stage, Some(1));
    assert_eq!(
        t.unused_stages().map(|s| s.label()).collect::<Vec<_>>(),
        ["prod"]
    );
    let missing = model_for(text, "nope");
    assert_eq!(missing.final_stage, None);
    assert_eq!(missing.missing_target.as_deref(), Some("nope"));
}

#[test]
fn effective_user_workdir_shell_env() {
    let m = model(
        "FROM node:22-slim AS base\nWORKDIR /app\nUSER node\nENV NODE_ENV=production\n\
         FROM base AS run\nWORKDIR dist\nSHELL [\"/bin/bash\", \"-c\"]\n\
         FROM gcr.io/distroless/static-debian13:nonroot\n\
         FROM mycorp/app:1\n",
    );
    let run = &m.stages[1];
    assert_eq!(run.user.as_deref(), Some("node"));
    assert_eq!(run.runs_as_root(), Some(false));
    assert_eq!(
        run.user_instruction,
        Some(2),
        "the USER of the parent stage decides"
    );
    assert_eq!(run.workdir.as_deref(), Some("/app/dist"));
    assert!(run.shell_set && !m.stages[0].shell_set);
    assert_eq!(run.env_value("NODE_ENV"), Some("production"));
    assert_eq!(m.stages[0].runs_as_root(), Some(false));
    let distroless = &m.stages[2];
    assert_eq!(
        distroless.runs_as_root(),
        Some(false),
        ":nonroot is uid 65532"
    );
    assert_eq!(distroless.workdir, None, "no WORKDIR instruction");
    let unknown = &m.stages[3];
    assert!(unknown.image_info.is_none());
    assert_eq!(unknown.runs_as_root(), None, "unknown image: unknown user");
}

#[test]
fn scratch_and_platform() {
    let m = model("FROM --platform=$BUILDPLATFORM golang:1.26 AS b\nFROM scratch\n");
    assert_eq!(m.stages[0].platform.as_deref(), Some("$BUILDPLATFORM"));
    let s = m.stages[1].image_info.as_ref().unwrap();
    assert_eq!(s.id, "scratch");
    assert_eq!(s.has_bin_sh(), Some(false));
}
