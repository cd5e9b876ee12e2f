//! BuildKit conformance of the model: global ARGs (the meta-arg scope) and stage-name
//! resolution in FROM, as dockerfile2llb does them (`buildMetaArgs`, `addState`), and the rules
//! that read them (DK105, DK110, DL3061/DK3xx on FROM arguments) staying silent on files
//! BuildKit builds.

use dockerlings::dockerfile::lint::{LintOptions, lint};
use dockerlings::dockerfile::model::{Base, Model, Unresolved};
use dockerlings::dockerfile::parse;

fn model(text: &str) -> Model {
    Model::build(&parse(text).dockerfile, None)
}

fn base(m: &Model, i: usize) -> String {
    match &m.stages[i].base {
        Base::Image { image, .. } => image.canonical(),
        Base::Stage { index } => format!("stage {index}"),
        Base::Unresolved { why, .. } => format!("{why:?}"),
    }
}

fn ids(text: &str) -> Vec<String> {
    lint(text, &LintOptions::default())
        .diagnostics
        .into_iter()
        .map(|d| d.rule.to_string())
        .collect()
}

#[test]
fn a_global_arg_default_uses_earlier_global_args() {
    let text = "ARG GO_VERSION=1.26\nARG BUILDER_IMAGE=\"golang:${GO_VERSION}\"\nFROM ${BUILDER_IMAGE} AS build\nFROM scratch\nCOPY --from=build /app /app\n";
    let m = model(text);
    assert_eq!(base(&m, 0), "docker.io/library/golang:1.26");
    assert_eq!(m.global_default("BUILDER_IMAGE"), Some("golang:1.26"));
    assert_eq!(m.stages[0].image_info.as_ref().unwrap().id, "golang");
    let found = ids(text);
    assert!(!found.iter().any(|id| id == "DK110"), "{found:?}");
}

#[test]
fn meta_arg_edge_cases_follow_buildkit() {
    // A later ARG is not in scope yet: it expands to nothing.
    let m = model("ARG IMAGE=alpine:${TAG}\nARG TAG=3.22\nFROM ${IMAGE}\n");
    assert_eq!(m.global_default("IMAGE"), Some("alpine:"));
    // Redefinition replaces; a self-reference reads the earlier value.
    let m = model("ARG V=3.21\nARG V=${V}.1\nFROM alpine:${V}\n");
    assert_eq!(base(&m, 0), "docker.io/library/alpine:3.21.1");
    // `ARG V` without a value leaves the earlier default in force.
    let m = model("ARG V=3.22\nARG V\nFROM alpine:${V}\n");
    assert_eq!(base(&m, 0), "docker.io/library/alpine:3.22");
    // Undeclared names expand to nothing; `:-` defaults and quotes work as in the FROM line.
    let m = model("ARG IMAGE=\"${NOPE:-debian}:bookworm\"\nFROM $IMAGE\n");
    assert_eq!(base(&m, 0), "docker.io/library/debian:bookworm");
    // What only the build knows stays unknown (no guess, no error; DK308 is tested below).
    for text in [
        "ARG IMAGE=node:${TARGETARCH}\nFROM ${IMAGE}\n",
        "ARG TAG\nARG IMAGE=alpine:${TAG}\nFROM ${IMAGE}\n",
    ] {
        let m = model(text);
        assert_eq!(m.global_default("IMAGE"), None, "{text}");
        assert_eq!(
            base(&m, 0),
            format!("{:?}", Unresolved::UnsetVariable),
            "{text}"
        );
        let found = ids(text);
        assert!(
            !found.iter().any(|id| id.starts_with("DK1")),
            "{text}: {found:?}"
        );
    }
    // Quoted defaults expand like BuildKit's shell lexer: single quotes keep `$` literal.
    let m = model("ARG A=x\nARG B='${A}'\n");
    assert_eq!(m.global_default("B"), Some("${A}"));
}

#[test]
fn from_resolves_the_base_before_registering_the_stage_name() {
    let text = "FROM gcc AS gcc\nRUN make\nFROM debian:13\nCOPY --from=gcc /out /out\n";
    let m = model(text);
    assert_eq!(base(&m, 0), "docker.io/library/gcc:latest");
    assert!(!ids(text).iter().any(|id| id == "DK105"), "{:?}", ids(text));
    // COPY --from=gcc names the stage (stage names win over images).
    assert_eq!(m.edges.last().and_then(|e| e.target_stage()), Some(0));

    let m = model("FROM a AS b\nFROM b AS a\nFROM a\n");
    assert_eq!(base(&m, 0), "docker.io/library/a:latest");
    assert_eq!(base(&m, 1), "stage 0");
    assert_eq!(base(&m, 2), "stage 1");
    // A repeated name: FROM sees the earlier stage, then the name moves on.
    let m = model("FROM alpine:3.22 AS b\nFROM b AS b\nFROM b\n");
    assert_eq!(
        (base(&m, 1), base(&m, 2)),
        ("stage 0".into(), "stage 1".into())
    );
    // Names are lower-cased when declared, the base is looked up as written.
    let m = model("FROM alpine:3.22 AS Build\nFROM build\nFROM BUILD\n");
    assert_eq!(base(&m, 1), "stage 0");
    assert_eq!(base(&m, 2), format!("{:?}", Unresolved::InvalidReference));
}

#[test]
fn dk308_warns_as_buildkit_invalid_default_arg_in_from_does() {
    // BuildKit evaluates FROM with no --build-arg: ARGs without a default are empty, the
    // platform args have the build's values; it warns when the result is not a valid name.
    let dk308 = |text: &str| {
        lint(text, &LintOptions::default())
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == "DK308")
            .map(|d| d.message)
            .collect::<Vec<_>>()
    };
    let fires = [
        ("ARG TAG\nFROM busybox:${TAG}\n", "ARG TAG"),
        ("ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n", "ARG BASE_IMAGE"),
        // Through another ARG's default: the one without a default is named.
        (
            "ARG TAG\nARG IMAGE=alpine:${TAG}\nFROM ${IMAGE}\n",
            "ARG TAG",
        ),
    ];
    for (text, name) in fires {
        let found = dk308(text);
        assert!(
            found.len() == 1 && found[0].contains(name),
            "{text}: {found:?}"
        );
    }
    for text in [
        // Empty is fine here: `alpine` is a valid name.
        "ARG VARIANT\nFROM alpine${VARIANT}\n",
        // Depends on the platform, which only the build knows (moby/buildkit's Dockerfile).
        "FROM alpine:3.22 AS buildkit-linux\nARG BUILDKIT_DEBUG\nFROM buildkit-$TARGETOS${BUILDKIT_DEBUG:+-debug} AS buildkit\n",
        "ARG TARGETARCH\nFROM mycorp/base-${TARGETARCH}\n",
        "ARG TAG=1.37\nFROM busybox:${TAG}\n",
    ] {
        assert_eq!(dk308(text), Vec::<String>::new(), "{text}");
    }
}
