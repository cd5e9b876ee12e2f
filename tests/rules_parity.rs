//! The shared mechanisms behind the DL rules, one case each: ONBUILD triggers, mounts that keep
//! files out of the image, option values, quoted paths, users inherited from a stage, USER from
//! an ARG, DL3059's chained RUNs and the hadolint pragmas.

use dockerlings::dockerfile::lint::{LintOptions, lint};

/// The (rule, line) findings of `text` for the rules in `ids`.
fn found(text: &str, ids: &[&str]) -> Vec<(String, usize)> {
    lint(text, &LintOptions::default())
        .diagnostics
        .iter()
        .filter(|d| ids.contains(&d.rule))
        .map(|d| (d.rule.to_string(), d.location.line))
        .collect()
}

fn at(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
    pairs.iter().map(|(r, l)| (r.to_string(), *l)).collect()
}

#[test]
fn onbuild_run_is_checked_like_run_and_points_into_its_line() {
    let text = "FROM debian:12\nUSER 1000\nONBUILD RUN apt-get update && apt-get install -y curl\n";
    let result = lint(text, &LintOptions::default());
    for id in ["DL3008", "DL3009", "DL3015"] {
        let d = result
            .diagnostics
            .iter()
            .find(|d| d.rule == id)
            .unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(d.location.line, 3, "{id}");
        // The trigger's span, after `ONBUILD `.
        assert!(d.location.column > 1, "{id} column {}", d.location.column);
    }
    let pip = "FROM python:3.13\nONBUILD RUN pip install flask\n";
    assert_eq!(
        found(pip, &["DL3013", "DL3042"]),
        at(&[("DL3013", 2), ("DL3042", 2)])
    );
}

#[test]
fn tmpfs_and_writable_bind_mounts_keep_caches_out_like_cache_mounts() {
    let apt = |mount: &str| {
        format!(
            "FROM debian:12\nRUN --mount={mount} apt-get update && apt-get install -y --no-install-recommends curl=8.1\n"
        )
    };
    for mount in [
        "type=cache,target=/var/lib/apt/lists",
        "type=tmpfs,target=/var/lib/apt/lists",
        "type=tmpfs,target=/var/lib/apt",
        "type=bind,target=/var/lib/apt/lists,rw",
    ] {
        assert!(found(&apt(mount), &["DL3009"]).is_empty(), "{mount}");
    }
    // A read-only bind mount keeps nothing out; nor does a mount somewhere else.
    for mount in [
        "type=bind,target=/var/lib/apt/lists",
        "type=tmpfs,target=/var/lib/apt-other",
    ] {
        assert_eq!(found(&apt(mount), &["DL3009"]).len(), 1, "{mount}");
    }
    let apk = "FROM alpine:3.22\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add curl=8.1\n";
    assert!(found(apk, &["DL3019"]).is_empty());
    let pip =
        "FROM python:3.13\nRUN --mount=type=tmpfs,target=/root/.cache pip install flask==3.1\n";
    assert!(found(pip, &["DL3042"]).is_empty());
}

#[test]
fn option_values_are_not_read_as_packages() {
    let silent = [
        (
            "DL3013",
            "RUN pip install --no-cache-dir --trusted-host pypi.internal pkg==1.0",
        ),
        (
            "DL3008",
            "RUN apt-get install -y --no-install-recommends -t bookworm-backports pkg=1.2",
        ),
        ("DL3016", "RUN npm --loglevel verbose install pkg@1"),
        (
            "DL3018",
            "RUN apk add --no-cache --virtual .deps pkg~1.2 other>=1.2",
        ),
        (
            "DL3062",
            "RUN go install -tags netgo example.com/tool@v1.2.3",
        ),
    ];
    for (id, run) in silent {
        let text = format!("FROM debian:12\n{run}\n");
        assert!(found(&text, &[id]).is_empty(), "{id}: {run}");
    }
    let fires = [
        ("DL3062", "RUN go install example.com/tool@latest"),
        ("DL3016", "RUN npm --loglevel verbose install pkg"),
        ("DL3008", "RUN apt-get install -y -t bookworm-backports pkg"),
    ];
    for (id, run) in fires {
        let text = format!("FROM debian:12\n{run}\n");
        assert_eq!(found(&text, &[id]), at(&[(id, 2)]), "{id}: {run}");
    }
}

#[test]
fn path_rules_read_the_unquoted_word() {
    // `"baz/"` ends in `/`: no DL3021; it is relative without a WORKDIR: DL3045.
    let text = "FROM alpine:3.22\nCOPY foo bar \"baz/\"\n";
    assert_eq!(found(text, &["DL3021", "DL3045"]), at(&[("DL3045", 2)]));
    let text = "FROM alpine:3.22\nWORKDIR /app\nCOPY foo bar \"baz\"\n";
    assert_eq!(found(text, &["DL3021", "DL3045"]), at(&[("DL3021", 3)]));
}

#[test]
fn a_stage_inherits_the_user_of_the_stage_it_builds_on() {
    let root = "FROM alpine:3.22 AS base\nUSER root\nFROM base\nRUN true\n";
    assert_eq!(found(root, &["DL3002"]), at(&[("DL3002", 2)]));
    // A non-root user set in the base stage is still in effect: no DL3002.
    let app = "FROM alpine:3.22 AS base\nUSER root\nRUN true\nUSER 1000\nFROM base\nRUN true\n";
    assert!(found(app, &["DL3002"]).is_empty());
}

#[test]
fn user_from_an_arg_with_a_numeric_default_is_numeric() {
    let silent = [
        "FROM alpine:3.22\nARG APP_UID=1000\nUSER ${APP_UID}\n",
        "ARG APP_UID=1000\nFROM alpine:3.22\nARG APP_UID\nUSER $APP_UID:$APP_UID\n",
        // No default: the value comes from --build-arg, unknown here.
        "FROM alpine:3.22\nARG APP_UID\nUSER ${APP_UID}\n",
    ];
    for text in silent {
        assert!(found(text, &["DL3066"]).is_empty(), "{text}");
    }
    let named = "FROM alpine:3.22\nARG APP_USER=app\nUSER ${APP_USER}\n";
    assert_eq!(found(named, &["DL3066"]), at(&[("DL3066", 3)]));
    // Set nowhere in the file: as written, no number.
    let unset = "FROM alpine:3.22\nUSER $APP_UID\n";
    assert_eq!(found(unset, &["DL3066"]), at(&[("DL3066", 2)]));
}

#[test]
fn dl3059_only_for_runs_of_a_single_command_each() {
    let single = "FROM alpine:3.22\nRUN a\n# a comment does not separate them\nRUN b\n";
    assert_eq!(found(single, &["DL3059"]), at(&[("DL3059", 4)]));
    for text in [
        "FROM alpine:3.22\nRUN a\nRUN b && c\n",
        "FROM alpine:3.22\nRUN a && b\nRUN c && d\n",
        "FROM alpine:3.22\nRUN a; b\nRUN c\n",
        "FROM alpine:3.22\nRUN --mount=type=cache,target=/x a\nRUN b\n",
    ] {
        assert!(found(text, &["DL3059"]).is_empty(), "{text}");
    }
}

#[test]
fn hadolint_pragmas_global_ignore_shell_and_continuations() {
    let global = "# hadolint global ignore=DL3059,DL3006\nFROM alpine\nRUN a\nRUN b\n";
    assert!(found(global, &["DL3059", "DL3006"]).is_empty());
    let continued = "FROM alpine:3.22\nRUN a\n# hadolint ignore=DL3059\nRUN b \\\n  c\n";
    assert!(found(continued, &["DL3059"]).is_empty());
    let unmarked = "FROM alpine:3.22\nRUN a\nRUN b \\\n  c\n";
    assert_eq!(found(unmarked, &["DL3059"]), at(&[("DL3059", 3)]));
    // PowerShell reads RUN: no pipefail to set, and sh's command count means nothing.
    let pwsh = "# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN Get-Item x | Remove-Item\n";
    assert!(found(pwsh, &["DL4006"]).is_empty());
    let sh = "FROM alpine:3.22\nRUN cat x | grep y\n";
    assert_eq!(found(sh, &["DL4006"]), at(&[("DL4006", 2)]));
}

#[test]
fn the_build_model_reads_packages_with_the_same_option_table() {
    use dockerlings::dockerfile::build::BuildModel;
    use dockerlings::dockerfile::model::Model;
    let text =
        "FROM debian:12\nRUN apt-get -o Acquire::Retries=3 install -y -t bookworm-backports curl\n";
    let parsed = dockerlings::dockerfile::parse(text);
    let model = Model::build(&parsed.dockerfile, None);
    let build = BuildModel::evaluate(&parsed.dockerfile, &model);
    let names: Vec<&str> = build.stages[0]
        .packages
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["curl"]);
}

#[test]
fn a_run_is_reported_once_per_rule_however_many_commands_match() {
    let cases = [
        ("DL3027", "apt update && apt install -y curl && apt clean"),
        (
            "DL3008",
            "apt-get install -y --no-install-recommends a && apt-get install -y --no-install-recommends b",
        ),
        ("DL3014", "apt-get install a=1 && apt-get install b=1"),
        ("DL3018", "apk add --no-cache a && apk add --no-cache b"),
        ("DL3013", "pip install a && pip install b"),
        ("DL3016", "npm install -g a && npm install -g b"),
        ("DL3062", "go install a.b/c && go install a.b/d"),
        ("DL3028", "gem install a && gem install b"),
        (
            "DL3033",
            "yum install -y a && yum install -y b && yum clean all",
        ),
        ("DL3047", "wget x && wget y"),
        ("DL3003", "cd /a && cd /b"),
    ];
    for (id, run) in cases {
        let text = format!("FROM debian:12\nRUN {run}\n");
        assert_eq!(found(&text, &[id]), at(&[(id, 2)]), "{id}: {run}");
    }
}

#[test]
fn cache_mounts_keep_rpm_and_yarn_caches_out() {
    for (id, mount, run) in [
        ("DL3032", "/var/cache/yum", "yum install -y a-1"),
        ("DL3040", "/var/cache/dnf", "dnf install -y a-1"),
        ("DL3036", "/var/cache/zypp", "zypper -n in a=1"),
        ("DL3060", "/usr/local/share/.cache/yarn", "yarn install"),
    ] {
        let bare = format!("FROM fedora:42\nRUN {run}\n");
        assert_eq!(found(&bare, &[id]), at(&[(id, 2)]), "{id}");
        let cached = format!("FROM fedora:42\nRUN --mount=type=cache,target={mount} {run}\n");
        assert!(found(&cached, &[id]).is_empty(), "{id}: {mount}");
    }
}

#[test]
fn option_values_of_rpm_tools_and_gem_are_not_packages() {
    let silent = [
        (
            "DL3033",
            "RUN yum --enablerepo epel install -y jq-1.6 && yum clean all",
        ),
        (
            "DL3041",
            "RUN dnf install -y --setopt tsflags=nodocs jq-1.7",
        ),
        ("DL3037", "RUN zypper -n --root /mnt in jq=1.7"),
        ("DL3028", "RUN gem install -v 7.1 rails"),
    ];
    for (id, run) in silent {
        let text = format!("FROM fedora:42\n{run}\n");
        assert!(found(&text, &[id]).is_empty(), "{id}: {run}");
    }
    // ONBUILD RUN is read like RUN by the new package rules too.
    let onbuild = "FROM centos:7\nONBUILD RUN yum install httpd\n";
    assert_eq!(
        found(onbuild, &["DL3030", "DL3032", "DL3033"]),
        at(&[("DL3030", 2), ("DL3032", 2), ("DL3033", 2)])
    );
}
