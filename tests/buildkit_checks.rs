//! Every check of `docker build --check`, one test each, in the shape of BuildKit's own tests
//! (a Dockerfile, the check's name, the lines it is reported on), on snippets of our own: the
//! rule answering to BuildKit's name must report exactly those lines. Then the directives:
//! `# check=skip=…|all`, `error=true`, `experimental=…`, and the comment above one instruction.

use dockerlings::dockerfile::check_config::BUILDKIT_CHECKS;
use dockerlings::dockerfile::lint::{LintOptions, lint};
use dockerlings::dockerfile::{Severity, rules};

/// The lines where the rule aliased `check` reports on `dockerfile` (with `opts`).
fn lines_with(check: &str, dockerfile: &str, opts: &LintOptions) -> Vec<usize> {
    let rule = rules::all()
        .iter()
        .find(|r| r.aliases.contains(&check))
        .unwrap_or_else(|| panic!("no rule answers to {check}"));
    lint(dockerfile, opts)
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule.id)
        .map(|d| d.location.line)
        .collect()
}

fn lines(check: &str, dockerfile: &str) -> Vec<usize> {
    lines_with(check, dockerfile, &LintOptions::default())
}

#[test]
fn every_buildkit_check_has_exactly_one_rule() {
    for (name, _, _) in BUILDKIT_CHECKS {
        let n = rules::all()
            .iter()
            .filter(|r| r.aliases.contains(&name))
            .count();
        assert_eq!(n, 1, "{name}: {n} rules answer to it");
    }
}

#[test]
fn stage_name_casing() {
    let df = "\nFROM alpine:3.22 AS Builder\nRUN true\n\nFROM scratch AS runtime\n";
    assert_eq!(lines("StageNameCasing", df), [2]);
}

#[test]
fn from_as_casing() {
    assert_eq!(
        lines(
            "FromAsCasing",
            "\nFROM scratch as one\n\nFROM scratch AS two\n"
        ),
        [2]
    );
    assert_eq!(
        lines(
            "FromAsCasing",
            "\nfrom scratch AS one\nfrom scratch as two\n"
        ),
        [2]
    );
}

#[test]
fn no_empty_continuation() {
    let df = "\nFROM alpine:3.22\nRUN apk add \\\n\n    curl\nRUN apk add \\\n    git\n";
    assert_eq!(lines("NoEmptyContinuation", df), [5]);
}

#[test]
fn consistent_instruction_casing() {
    let df = "\nFROM alpine:3.22\nrun true\nCOPY a /a\n";
    assert_eq!(lines("ConsistentInstructionCasing", df), [3]);
    let df = "\nfrom alpine:3.22\nrun true\nCopy a /a\n";
    assert_eq!(lines("ConsistentInstructionCasing", df), [4]);
}

#[test]
fn duplicate_stage_name() {
    let df = "\nFROM scratch AS deps\nFROM scratch AS deps\n";
    assert_eq!(lines("DuplicateStageName", df), [3]);
    assert!(
        lines(
            "DuplicateStageName",
            "\nFROM scratch AS a\nFROM scratch AS b\n"
        )
        .is_empty()
    );
}

#[test]
fn reserved_stage_name() {
    let df = "\nFROM scratch AS context\nFROM scratch AS scratch\nFROM scratch AS ok\n";
    assert_eq!(lines("ReservedStageName", df), [2, 3]);
}

#[test]
fn json_args_recommended() {
    assert_eq!(
        lines(
            "JSONArgsRecommended",
            "\nFROM scratch\nCMD serve --port 80\n"
        ),
        [3]
    );
    assert_eq!(
        lines("JSONArgsRecommended", "\nFROM scratch\nENTRYPOINT serve\n"),
        [3]
    );
    let df = "\nFROM scratch AS base\nSHELL [\"/bin/custom\"]\n\nFROM base\nCMD serve\n";
    assert!(lines("JSONArgsRecommended", df).is_empty());
}

#[test]
fn maintainer_deprecated() {
    assert_eq!(
        lines(
            "MaintainerDeprecated",
            "\nFROM scratch\nMAINTAINER ops@example.org\n"
        ),
        [3]
    );
}

#[test]
fn undefined_arg_in_from() {
    let df = "\nARG TAG=3.22\nFROM alpine:${TAGS}\n";
    assert_eq!(lines("UndefinedArgInFrom", df), [3]);
    assert!(
        lines(
            "UndefinedArgInFrom",
            "\nFROM --platform=$BUILDPLATFORM alpine:3.22\n"
        )
        .is_empty()
    );
}

#[test]
fn workdir_relative_path() {
    assert_eq!(
        lines("WorkdirRelativePath", "\nFROM scratch\nWORKDIR app\n"),
        [3]
    );
}

#[test]
fn undefined_var() {
    let df = "\nFROM scratch\nARG OUT_DIR=/out\nCOPY app $OUTDIR/\n";
    assert_eq!(lines("UndefinedVar", df), [4]);
    assert!(
        lines(
            "UndefinedVar",
            "\nFROM scratch\nARG OUT_DIR=/out\nCOPY app $OUT_DIR/\n"
        )
        .is_empty()
    );
}

#[test]
fn multiple_instructions_disallowed() {
    let df =
        "\nFROM scratch\nCMD [\"/a\"]\nENTRYPOINT [\"/x\"]\nCMD [\"/b\"]\nENTRYPOINT [\"/y\"]\n";
    assert_eq!(lines("MultipleInstructionsDisallowed", df), [3, 4]);
}

#[test]
fn legacy_key_value_format() {
    assert_eq!(
        lines(
            "LegacyKeyValueFormat",
            "\nFROM scratch\nENV MODE production\n"
        ),
        [3]
    );
    assert!(
        lines(
            "LegacyKeyValueFormat",
            "\nFROM scratch\nENV MODE=production\n"
        )
        .is_empty()
    );
}

#[test]
fn invalid_base_image_platform() {
    let df = "\nFROM --platform=linux/386 node:24 AS build-386\n";
    assert_eq!(lines("InvalidBaseImagePlatform", df), [2]);
    let df = "\nFROM --platform=linux/amd64 node:24 AS build-amd64\n";
    assert!(lines("InvalidBaseImagePlatform", df).is_empty());
}

#[test]
fn redundant_target_platform() {
    let df = "\nFROM --platform=$TARGETPLATFORM alpine:3.22\n";
    assert_eq!(lines("RedundantTargetPlatform", df), [2]);
}

#[test]
fn secrets_used_in_arg_or_env() {
    let df = "\nFROM scratch\nARG API_TOKEN\nENV DB_PASSWORD=x\nENV PUBLIC_KEY=y\n";
    assert_eq!(lines("SecretsUsedInArgOrEnv", df), [3, 4]);
}

#[test]
fn invalid_default_arg_in_from() {
    assert_eq!(
        lines(
            "InvalidDefaultArgInFrom",
            "\nARG VERSION\nFROM alpine:$VERSION\n"
        ),
        [3]
    );
    assert_eq!(
        lines(
            "InvalidDefaultArgInFrom",
            "\nARG IMAGE=Alpine\nFROM $IMAGE\n"
        ),
        [3]
    );
    assert!(
        lines(
            "InvalidDefaultArgInFrom",
            "\nARG VERSION=3.22\nFROM alpine:$VERSION\n"
        )
        .is_empty()
    );
}

#[test]
fn from_platform_flag_const_disallowed() {
    assert_eq!(
        lines(
            "FromPlatformFlagConstDisallowed",
            "\nFROM --platform=linux/arm64 alpine:3.22\n"
        ),
        [2]
    );
    let df = "\nFROM --platform=linux/arm64 alpine:3.22 AS build-arm64\n";
    assert!(lines("FromPlatformFlagConstDisallowed", df).is_empty());
}

#[test]
fn copy_ignored_file() {
    let opts = LintOptions {
        dockerignore: Some("secrets/\n*.pem\n".into()),
        ..Default::default()
    };
    let df = "\nFROM scratch\nCOPY secrets/token /t\nCOPY app /app\nADD key.pem /k\n";
    assert_eq!(lines_with("CopyIgnoredFile", df, &opts), [3, 5]);
}

#[test]
fn invalid_definition_description() {
    let df = "# check=experimental=InvalidDefinitionDescription\n# the version to build\nARG VERSION=1\n# builder the stage that compiles\nFROM scratch AS builder\n";
    assert_eq!(lines("InvalidDefinitionDescription", df), [3]);
    // Experimental: off without the directive.
    assert!(
        lines(
            "InvalidDefinitionDescription",
            &df[df.find('\n').unwrap() + 1..]
        )
        .is_empty()
    );
}

#[test]
fn expose_proto_casing() {
    assert_eq!(
        lines("ExposeProtoCasing", "\nFROM scratch\nEXPOSE 53/UDP 80\n"),
        [3]
    );
}

#[test]
fn expose_invalid_format() {
    assert_eq!(
        lines(
            "ExposeInvalidFormat",
            "\nFROM scratch\nEXPOSE 8080:80\nEXPOSE 443\n"
        ),
        [3]
    );
}

// --- directives ----------------------------------------------------------------------------

const CASING: &str = "FROM scratch as base\ncopy Dockerfile .\n";

#[test]
fn skip_names_and_all() {
    let df = format!("#check=skip=ConsistentInstructionCasing\n{CASING}");
    assert!(lines("ConsistentInstructionCasing", &df).is_empty());
    assert_eq!(lines("FromAsCasing", &df), [2]);
    let df = format!("# check=skip=all\n{CASING}");
    assert!(lines("FromAsCasing", &df).is_empty());
    assert!(lines("ConsistentInstructionCasing", &df).is_empty());
    // Our own rules are not BuildKit checks: skip=all leaves them (DL3045 here).
    assert!(
        lint(&df, &LintOptions::default())
            .diagnostics
            .iter()
            .any(|d| d.rule == "DL3045")
    );
}

#[test]
fn a_directive_below_an_instruction_or_a_comment_is_a_comment() {
    // Not a parser directive, so the file-level check still runs; as a comment above FROM it
    // still skips FROM's own checks, as in BuildKit.
    let df = format!("# a note\n# check=skip=all\n{CASING}");
    assert_eq!(lines("ConsistentInstructionCasing", &df), [4]);
    assert!(lines("FromAsCasing", &df).is_empty());
}

#[test]
fn error_true_makes_check_findings_errors() {
    let df = format!("#check=skip=ConsistentInstructionCasing;error=true\n{CASING}");
    let found = lint(&df, &LintOptions::default()).diagnostics;
    let as_casing = found.iter().find(|d| d.rule == "DK302").unwrap();
    assert_eq!(as_casing.severity, Severity::Error);
    // Findings of rules that are no BuildKit check keep their severity.
    let relative = found.iter().find(|d| d.rule == "DL3045").unwrap();
    assert_eq!(relative.severity, Severity::Warning);
}

#[test]
fn the_build_argument_replaces_the_directive() {
    let df = format!("#check=error=true\n{CASING}");
    let opts = LintOptions {
        buildkit_check: Some("skip=all".into()),
        ..Default::default()
    };
    assert!(lines_with("FromAsCasing", &df, &opts).is_empty());
}

#[test]
fn a_comment_above_one_instruction_skips_it_there() {
    let df = "FROM scratch\n# check=skip=JSONArgsRecommended\nCMD serve\nENTRYPOINT serve\n";
    assert_eq!(lines("JSONArgsRecommended", df), [4]);
    // File-level checks are not silenced by a comment (BuildKit runs them on the whole file).
    let df = "FROM scratch AS a\n# check=skip=DuplicateStageName\nFROM scratch AS a\n";
    assert_eq!(lines("DuplicateStageName", df), [3]);
}

#[test]
fn hadolint_pragmas_still_work() {
    let df = "FROM scratch\n# hadolint ignore=DL3025\nCMD serve\n";
    assert!(lines("JSONArgsRecommended", df).is_empty());
    let df = "# hadolint global ignore=DK302\nFROM scratch as b\n";
    assert!(lines("FromAsCasing", df).is_empty());
}
