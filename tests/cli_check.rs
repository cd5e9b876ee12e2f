//! `dockerlings check`, `rules` and `explain` run as the real binary: formats, exit codes,
//! ignores (flag, inline, config), config discovery, directory search, stdin and bad input.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// The binary cargo built for this test run (assert_cmd finds it as cargo does).
fn dockerlings() -> Command {
    let mut cmd = Command::cargo_bin("dockerlings").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    cmd
}

/// A temporary directory holding the given files (parents created).
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

fn json_of(cmd: &mut Command) -> Value {
    serde_json::from_str(&stdout_of(cmd.args(["--format", "json"]))).unwrap()
}

/// The rule IDs reported for the first file of a JSON report.
fn rules_in(report: &Value) -> Vec<String> {
    report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

/// One finding only: DL3006 (warning) on line 1.
const UNTAGGED: &str = "FROM alpine\nUSER 65532\nCMD [\"true\"]\n";
const UNKNOWN_INSTRUCTION: &str = "FROM alpine:3.20\nFORM alpine:3.20\n";

// ---- human format --------------------------------------------------------------------------

#[test]
fn human_shows_location_rule_caret_fix_and_summary_plain_when_piped() {
    let dir = tree(&[("Dockerfile", UNTAGGED)]);
    let out = stdout_of(
        dockerlings()
            .arg("check")
            .arg(dir.path().join("Dockerfile")),
    );
    assert!(out.contains("Dockerfile:1:6 DL3006 warning "), "{out}");
    assert!(out.contains("1 | FROM alpine\n"), "{out}");
    assert!(out.contains('^'), "{out}");
    assert!(
        out.ends_with("1 file checked: 0 errors, 1 warning\n"),
        "{out}"
    );
    assert!(!out.contains('\u{1b}'), "piped output is plain: {out:?}");
}

#[test]
fn colour_follows_flag_and_no_color() {
    let dir = tree(&[("Dockerfile", UNTAGGED)]);
    let file = dir.path().join("Dockerfile");
    let always = stdout_of(
        dockerlings()
            .args(["check", "--color", "always"])
            .arg(&file),
    );
    assert!(always.contains("\u{1b}["), "{always:?}");
    let never = stdout_of(dockerlings().args(["check", "--color", "never"]).arg(&file));
    assert!(!never.contains('\u{1b}'));
    let no_color = stdout_of(
        dockerlings()
            .env("NO_COLOR", "1")
            .args(["check"])
            .arg(&file),
    );
    assert!(!no_color.contains('\u{1b}'));
    // An explicit flag beats the environment.
    let forced = stdout_of(
        dockerlings()
            .env("NO_COLOR", "1")
            .args(["check", "--color", "always"])
            .arg(&file),
    );
    assert!(forced.contains("\u{1b}["));
}

/// The report's line that quotes `text` (its gutter and the source, escapes included): it has
/// a gutter bar and is not the finding's header.
fn quoted_line<'a>(out: &'a str, text: &str) -> &'a str {
    out.lines()
        .find(|l| l.contains('|') && l.contains(text) && !l.contains("DL3006"))
        .unwrap_or_else(|| panic!("no quoted line with {text:?} in {out:?}"))
}

#[test]
fn forced_colour_highlights_the_quoted_line_and_plain_output_stays_plain() {
    let dir = tree(&[("Dockerfile", UNTAGGED)]);
    let file = dir.path().join("Dockerfile");
    let forced = stdout_of(
        dockerlings()
            .env("NO_COLOR", "1")
            .args(["check", "--color", "always"])
            .arg(&file),
    );
    let quoted = quoted_line(&forced, "alpine");
    // The source after the gutter carries escapes of its own: the instruction is styled.
    let source = &quoted[quoted.find('|').unwrap()..];
    assert!(source.contains("\u{1b}["), "{quoted:?}");
    assert!(!quoted.contains("| FROM alpine"), "{quoted:?}");
    for plain in [
        stdout_of(dockerlings().env("NO_COLOR", "1").arg("check").arg(&file)),
        stdout_of(dockerlings().arg("check").arg(&file)), // piped: not a terminal
    ] {
        assert!(!plain.contains('\u{1b}'), "{plain:?}");
        assert!(plain.contains("1 | FROM alpine\n"), "{plain}");
    }
}

#[test]
fn theme_comes_from_the_config_unless_the_flag_names_one() {
    let dir = tree(&[
        (".dockerlings.yaml", "theme: dark\n"),
        ("Dockerfile", UNTAGGED),
    ]);
    let run = |extra: &[&str]| {
        stdout_of(
            dockerlings()
                .current_dir(dir.path())
                .env("COLORTERM", "truecolor")
                .args(["check", "--color", "always"])
                .args(extra)
                .arg("Dockerfile"),
        )
    };
    let rgb = "\u{1b}[38;2;";
    let from_config = run(&[]);
    assert!(
        quoted_line(&from_config, "alpine").contains(rgb),
        "{from_config:?}"
    );
    let from_flag = run(&["--theme", "ansi"]);
    assert!(
        !quoted_line(&from_flag, "alpine").contains(rgb),
        "{from_flag:?}"
    );
    let no_config = run(&["--no-config"]);
    assert!(
        !quoted_line(&no_config, "alpine").contains(rgb),
        "{no_config:?}"
    );
    // A theme the config names wrongly is a usage error naming the file.
    std::fs::write(dir.path().join(".dockerlings.yaml"), "theme: neon\n").unwrap();
    dockerlings()
        .current_dir(dir.path())
        .args(["check", "Dockerfile"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(".dockerlings.yaml").and(predicate::str::contains("`neon`")),
        );
}

// ---- exit codes ----------------------------------------------------------------------------

#[test]
fn exit_0_when_only_findings_below_the_fail_level() {
    let dir = tree(&[("Dockerfile", UNTAGGED)]);
    dockerlings()
        .arg("check")
        .arg(dir.path().join("Dockerfile"))
        .assert()
        .code(0);
}

#[test]
fn exit_1_when_a_finding_reaches_the_fail_level() {
    let dir = tree(&[
        ("Dockerfile", UNTAGGED),
        ("bad.Dockerfile", UNKNOWN_INSTRUCTION),
    ]);
    dockerlings()
        .args(["check", "--fail-level", "warning"])
        .arg(dir.path().join("Dockerfile"))
        .assert()
        .code(1);
    dockerlings()
        .arg("check")
        .arg(dir.path().join("bad.Dockerfile"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("bad.Dockerfile:2:1 DK101 error"));
    dockerlings()
        .args(["check", "--fail-level", "none"])
        .arg(dir.path().join("bad.Dockerfile"))
        .assert()
        .code(0);
}

#[test]
fn exit_2_on_usage_errors() {
    dockerlings()
        .args(["check", "--format", "xml", "x"])
        .assert()
        .code(2);
    dockerlings()
        .args(["check", "--fail-level", "loud", "x"])
        .assert()
        .code(2);
    dockerlings()
        .args(["check", "--ignore", "DL300", "x"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("unknown rule `DL300`")
                .and(predicate::str::contains("did you mean")),
        );
    dockerlings()
        .args(["check", "-", "-"])
        .write_stdin("FROM alpine:3.20\n")
        .assert()
        .code(2)
        .stderr("dockerlings check: `-` (standard input) given more than once\n");
}

#[test]
fn exit_2_for_a_missing_file_but_the_others_are_still_checked() {
    let dir = tree(&[("Dockerfile", UNTAGGED)]);
    dockerlings()
        .arg("check")
        .arg(dir.path().join("nope"))
        .arg(dir.path().join("Dockerfile"))
        .assert()
        .code(2)
        .stdout(
            predicate::str::contains("nope error no such file or directory")
                .and(predicate::str::contains("DL3006"))
                .and(predicate::str::contains("1 unreadable")),
        );
}

// ---- formats -------------------------------------------------------------------------------

#[test]
fn json_report_follows_the_schema() {
    let dir = tree(&[("Dockerfile", UNTAGGED)]);
    let report = json_of(
        dockerlings()
            .arg("check")
            .arg(dir.path().join("Dockerfile")),
    );
    assert_eq!(report["version"], 1);
    let d = &report["files"][0]["diagnostics"][0];
    assert_eq!(d["rule"], "DL3006");
    assert_eq!(d["severity"], "warning");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(6))
    );
    assert!(d["end_line"].is_u64() && d["end_column"].is_u64() && d["message"].is_string());
    assert!(d.get("fix").is_some());
    assert_eq!(report["summary"]["warnings"], 1);
}

#[test]
fn sarif_report_has_every_rule_and_the_results() {
    let dir = tree(&[("Dockerfile", UNTAGGED)]);
    let sarif: Value = serde_json::from_str(&stdout_of(
        dockerlings()
            .args(["check", "--format", "sarif"])
            .arg(dir.path().join("Dockerfile")),
    ))
    .unwrap();
    let rules: Value = serde_json::from_str(&stdout_of(
        dockerlings().args(["rules", "--format", "json"]),
    ))
    .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(
        run["tool"]["driver"]["rules"].as_array().unwrap().len(),
        rules.as_array().unwrap().len()
    );
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "DL3006");
    assert_eq!(result["level"], "warning");
    let index = result["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(run["tool"]["driver"]["rules"][index]["id"], "DL3006");
}

#[test]
fn github_format_prints_workflow_commands() {
    let dir = tree(&[("Dockerfile", UNTAGGED)]);
    let out = stdout_of(
        dockerlings()
            .args(["check", "--format", "github"])
            .arg(dir.path().join("Dockerfile")),
    );
    let line = out.lines().find(|l| l.contains("DL3006")).unwrap();
    assert!(line.starts_with("::warning file="), "{line}");
    assert!(
        line.contains(",line=1,col=6,") && line.contains("title=DL3006::"),
        "{line}"
    );
}

#[test]
fn gitlab_format_prints_a_code_quality_report() {
    let dir = tree(&[("Dockerfile", UNTAGGED)]);
    let out = stdout_of(
        dockerlings()
            .args(["check", "--format", "gitlab"])
            .arg(dir.path().join("Dockerfile")),
    );
    let issues: Value = serde_json::from_str(&out).unwrap();
    let issue = &issues.as_array().unwrap()[0];
    assert_eq!(issue["check_name"], "DL3006");
    assert_eq!(issue["severity"], "major");
    assert_eq!(issue["location"]["lines"]["begin"], 1);
    assert!(issue["fingerprint"].as_str().is_some_and(|f| !f.is_empty()));
}

// ---- ignoring ------------------------------------------------------------------------------

#[test]
fn ignore_flag_takes_ids_and_aliases() {
    let dir = tree(&[("Dockerfile", "FROM alpine\nMAINTAINER me\n")]);
    let file = dir.path().join("Dockerfile");
    let all = rules_in(&json_of(dockerlings().arg("check").arg(&file)));
    assert!(
        all.contains(&"DL3006".into()) && all.contains(&"DL4000".into()),
        "{all:?}"
    );
    let kept = rules_in(&json_of(
        dockerlings()
            .args([
                "check",
                "--ignore",
                "dl3006",
                "--ignore",
                "MaintainerDeprecated",
            ])
            .arg(&file),
    ));
    assert!(
        !kept.contains(&"DL3006".into()) && !kept.contains(&"DL4000".into()),
        "{kept:?}"
    );
}

#[test]
fn inline_comment_ignores_the_next_instruction_only() {
    let text =
        "# dockerlings ignore=DL3006\nFROM alpine AS a\nFROM debian AS b\nCOPY --from=a / /\n";
    let dir = tree(&[("Dockerfile", text)]);
    let report = json_of(
        dockerlings()
            .arg("check")
            .arg(dir.path().join("Dockerfile")),
    );
    let lines: Vec<u64> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "DL3006")
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [3]);
}

#[test]
fn target_selects_the_built_stage() {
    let text = "FROM alpine:3.20 AS build\nRUN echo hi\nFROM scratch\nCOPY --from=build /x /x\n";
    let dir = tree(&[("Dockerfile", text)]);
    let file = dir.path().join("Dockerfile");
    let root_lines = |args: &[&str]| -> Vec<u64> {
        let report = json_of(dockerlings().arg("check").args(args).arg(&file));
        report["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == "DK206")
            .map(|d| d["line"].as_u64().unwrap())
            .collect()
    };
    // The final stage runs as root: the last stage by default, the target when one is given.
    assert_eq!(root_lines(&[]), [3]);
    assert_eq!(root_lines(&["--target", "build"]), [1]);
    dockerlings()
        .args(["check", "--target", "nope"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("DK108 error"));
}

// ---- configuration -------------------------------------------------------------------------

#[test]
fn config_is_found_upward_and_applies_ignore_fail_level_and_severity() {
    let dir = tree(&[
        (".dockerlings.yaml", "ignore: [DL3006]\n"),
        ("a/b/Dockerfile", UNTAGGED),
        ("strict/.dockerlings.yml", "fail-level: warning\n"),
        ("strict/Dockerfile", UNTAGGED),
        ("loud/.dockerlings.yaml", "severity:\n  DL3006: error\n"),
        ("loud/Dockerfile", UNTAGGED),
    ]);
    let root = dir.path();
    let ignored = json_of(dockerlings().arg("check").arg(root.join("a/b/Dockerfile")));
    assert!(!rules_in(&ignored).contains(&"DL3006".into()));
    dockerlings()
        .arg("check")
        .arg(root.join("strict/Dockerfile"))
        .assert()
        .code(1);
    // The flag beats the config.
    dockerlings()
        .args(["check", "--fail-level", "error"])
        .arg(root.join("strict/Dockerfile"))
        .assert()
        .code(0);
    dockerlings()
        .arg("check")
        .arg(root.join("loud/Dockerfile"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("DL3006 error"));
    // --no-config skips them all.
    dockerlings()
        .args(["check", "--no-config"])
        .arg(root.join("strict/Dockerfile"))
        .assert()
        .code(0);
}

#[test]
fn bad_config_is_a_usage_error_naming_the_file_and_line() {
    let dir = tree(&[
        (
            ".dockerlings.yaml",
            "ignore: [DL3006]\nfail_level: warning\n",
        ),
        ("Dockerfile", UNTAGGED),
    ]);
    dockerlings()
        .arg("check")
        .arg(dir.path().join("Dockerfile"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(".dockerlings.yaml:2:1")
                .and(predicate::str::contains("fail_level")),
        );
}

#[test]
fn unknown_rule_in_config_is_a_warning() {
    let dir = tree(&[
        (".dockerlings.yaml", "ignore: [DL9999]\n"),
        ("Dockerfile", UNTAGGED),
    ]);
    dockerlings()
        .arg("check")
        .arg(dir.path().join("Dockerfile"))
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning").and(predicate::str::contains("DL9999")));
}

// ---- inputs --------------------------------------------------------------------------------

#[test]
fn directory_is_searched_in_a_stable_order() {
    let dir = tree(&[
        ("b/Dockerfile", UNTAGGED),
        ("a/api.Dockerfile", UNTAGGED),
        ("a/Dockerfile.dev", UNTAGGED),
        ("c/web.dockerfile", UNTAGGED),
        ("c/README.md", "FROM x"),
        ("node_modules/x/Dockerfile", UNTAGGED),
        (".git/Dockerfile", UNTAGGED),
    ]);
    let report = json_of(dockerlings().arg("check").arg(dir.path()));
    let paths: Vec<PathBuf> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| PathBuf::from(f["path"].as_str().unwrap()))
        .collect();
    let expected: Vec<PathBuf> = [
        "a/Dockerfile.dev",
        "a/api.Dockerfile",
        "b/Dockerfile",
        "c/web.dockerfile",
    ]
    .iter()
    .map(|p| dir.path().join(p))
    .collect();
    assert_eq!(paths, expected);
}

#[test]
fn many_files_in_parallel_keep_argument_order() {
    let files: Vec<(String, &str)> = (0..40)
        .map(|i| (format!("f{i:02}.Dockerfile"), UNTAGGED))
        .collect();
    let borrowed: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let dir = tree(&borrowed);
    let mut cmd = dockerlings();
    cmd.arg("check");
    for (path, _) in files.iter().rev() {
        cmd.arg(dir.path().join(path));
    }
    let report = json_of(&mut cmd);
    let names: Vec<String> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            Path::new(f["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let expected: Vec<String> = files.iter().rev().map(|(p, _)| p.clone()).collect();
    assert_eq!(names, expected);
    assert_eq!(report["summary"]["warnings"], 40);
}

#[test]
fn dash_reads_standard_input() {
    let out = stdout_of(dockerlings().args(["check", "-"]).write_stdin(UNTAGGED));
    assert!(out.contains("<stdin>:1:6 DL3006 warning"), "{out}");
}

#[test]
fn binary_file_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Dockerfile");
    std::fs::write(&file, b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap();
    dockerlings()
        .arg("check")
        .arg(&file)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("Dockerfile:1:8 error binary file"));
}

#[test]
fn invalid_utf8_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Dockerfile");
    std::fs::write(&file, b"FROM alpine:3.20\nRUN echo \xff\n").unwrap();
    dockerlings()
        .arg("check")
        .arg(&file)
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "Dockerfile:2:10 error not valid UTF-8",
        ));
}

#[test]
fn empty_file_gets_a_diagnostic() {
    let dir = tree(&[("Dockerfile", "")]);
    let report = json_of(
        dockerlings()
            .arg("check")
            .arg(dir.path().join("Dockerfile")),
    );
    assert!(!rules_in(&report).is_empty(), "{report}");
    dockerlings()
        .arg("check")
        .arg(dir.path().join("Dockerfile"))
        .assert()
        .code(1);
}

#[test]
fn comment_only_file_in_a_directory_is_reported_and_the_scan_goes_on() {
    // Once a panic (exit 101) that ended the whole directory scan.
    let dir = tree(&[
        ("a/Dockerfile", "# todo\n"),
        ("b/Dockerfile", UNTAGGED),
        ("c/Dockerfile", ""),
    ]);
    let out = dockerlings().arg("check").arg(dir.path()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("Dockerfile:2:1 DK100 error file with no instructions"),
        "{text}"
    );
    assert!(text.contains("Dockerfile:1:6 DL3006 warning"), "{text}");
    // BuildKit's frontend words a zero-byte file differently from its parser.
    assert!(
        text.contains("Dockerfile:1:1 DK100 error the Dockerfile cannot be empty"),
        "{text}"
    );
    assert!(
        text.contains("3 files checked: 2 errors, 1 warning"),
        "{text}"
    );
}

#[test]
fn a_file_just_under_the_size_limit_is_checked_and_ten_megabytes_refused() {
    // Half one RUN of continuation lines, half LABEL lines: big, but few findings.
    let limit = 1024 * 1024;
    let mut text = String::from("FROM alpine:3.20\nUSER 65532\nRUN set -e \\\n");
    let continuation =
        "    && echo 0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz \\\n";
    while text.len() + continuation.len() < limit / 2 {
        text.push_str(continuation);
    }
    text.push_str("    && true\n");
    let label =
        "LABEL key=0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz\n";
    while text.len() + label.len() <= limit {
        text.push_str(label);
    }
    let dir = tree(&[("Dockerfile", &text)]);
    let report = json_of(
        dockerlings()
            .args(["check", "--fail-level", "none"])
            .arg(dir.path().join("Dockerfile")),
    );
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(report["summary"]["failed"], 0);
    // Ten times that is no Dockerfile anyone writes: refused at the limit, not read whole.
    let huge = text.repeat(10);
    std::fs::write(dir.path().join("Dockerfile"), huge).unwrap();
    dockerlings()
        .arg("check")
        .arg(dir.path().join("Dockerfile"))
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "larger than 1 MiB, the limit for a Dockerfile",
        ));
}

// ---- rules and explain ---------------------------------------------------------------------

#[test]
fn rules_lists_every_rule_as_text_and_json() {
    let json: Value = serde_json::from_str(&stdout_of(
        dockerlings().args(["rules", "--format", "json"]),
    ))
    .unwrap();
    let list = json.as_array().unwrap();
    assert!(list.len() > 20);
    let text = stdout_of(dockerlings().arg("rules"));
    assert_eq!(text.lines().count(), list.len() + 1);
    for rule in list {
        let id = rule["id"].as_str().unwrap();
        assert!(
            text.lines().any(|l| l.starts_with(&format!("{id} "))),
            "{id}"
        );
        assert!(
            rule["severity"].is_string() && rule["title"].is_string() && rule["aliases"].is_array()
        );
    }
}

#[test]
fn explain_prints_one_rule_and_suggests_on_a_typo() {
    dockerlings()
        .args(["explain", "dl3006"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::starts_with("DL3006 (warning): ")
                .and(predicate::str::contains("lesson: ")),
        );
    dockerlings()
        .args(["explain", "MaintainerDeprecated"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("DL4000"));
    dockerlings()
        .args(["explain", "dl30o6"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `DL3006`"));
}

// ---- the learner's notes -------------------------------------------------------------------

/// The four Dockerfiles of the learner's notes, as docs/check.md shows them.
#[test]
fn notes_dockerfiles_snapshot() {
    for name in ["node", "go-alpine", "go-distroless", "node-distroless"] {
        let path = format!("tests/fixtures/notes/{name}.Dockerfile");
        let out = stdout_of(dockerlings().args(["check", "--fail-level", "none", &path]));
        insta::assert_snapshot!(format!("notes_{name}"), out);
    }
}

/// DK221 through the binary: an end-of-life base is a warning with its date and source,
/// judged on the image table's date; a supported one and an unknown one are not mentioned.
#[test]
fn an_end_of_life_base_is_a_dated_warning() {
    let src = "FROM golang:1.27 AS build\nFROM gcr.io/distroless/cc-debian12\nCOPY --from=build /out/app /app\n";
    let out = stdout_of(dockerlings().args(["check", "-"]).write_stdin(src));
    assert!(
        out.contains("<stdin>:2:6 DK221 warning gcr.io/distroless/cc-debian12: end of life on 2026-09-30 (distroless SUPPORT_POLICY.md"),
        "{out}"
    );
    assert!(
        out.contains("before the image table's date 2026-12-03"),
        "{out}"
    );
    let quiet = stdout_of(
        dockerlings()
            .args(["check", "-"])
            .write_stdin("FROM mycorp/base:1\nFROM gcr.io/distroless/cc-debian13\n"),
    );
    assert!(!quiet.contains("DK221"), "{quiet}");
}
