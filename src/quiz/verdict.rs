//! Judging a Dockerfile against an exercise's requirements: a [`Verdict`] (pure data) with each
//! requirement met or not, the reason a learner can act on, and the line to look at.

use serde::Serialize;

use super::facts::Facts;
use super::glob::glob_match;
use super::model::Requirement;
use crate::dockerfile::lint::{Outcome as RunOutcome, verdict as run_verdict};
use crate::dockerfile::{Diagnostic, Severity};
use crate::inspect::text;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub checks: Vec<Check>,
    /// Everything the validator found, whether a requirement cares or not.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// The requirement's key (`non_root`, …).
    pub key: &'static str,
    /// What is required, as the checklist says it.
    pub label: String,
    pub met: bool,
    /// Why it is met or not, in words a learner can act on.
    pub reason: String,
    /// The line to look at, when there is one.
    pub line: Option<usize>,
}

impl Verdict {
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|c| c.met)
    }

    pub fn failed_keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.checks.iter().filter(|c| !c.met).map(|c| c.key)
    }
}

/// Evaluates each requirement on the facts and diagnostics of one Dockerfile.
pub(crate) fn evaluate(
    requirements: &[Requirement],
    facts: &Facts,
    diagnostics: Vec<Diagnostic>,
) -> Verdict {
    let checks = requirements
        .iter()
        .map(|r| {
            let (met, reason, line) = check_one(r, facts, &diagnostics);
            Check {
                key: r.key(),
                label: r.describe(),
                met,
                reason,
                line,
            }
        })
        .collect();
    Verdict {
        checks,
        diagnostics,
    }
}

type Outcome = (bool, String, Option<usize>);

fn check_one(requirement: &Requirement, facts: &Facts, diagnostics: &[Diagnostic]) -> Outcome {
    match requirement {
        Requirement::MinStages(n) => {
            let count = facts.stages.len();
            let line = facts.stages.last().map(|s| s.line);
            let plural = if count == 1 { "stage" } else { "stages" };
            if count >= *n {
                (true, format!("{count} {plural}"), line)
            } else {
                (
                    false,
                    format!("{count} {plural}; add a FROM for each stage, at least {n}"),
                    line,
                )
            }
        }
        Requirement::FinalBase(glob) => final_base(glob, facts),
        Requirement::FinalCopiesFrom { stage, path } => final_copies_from(stage, path, facts),
        Requirement::NonRoot => non_root(facts),
        Requirement::ExecFormCmd => exec_form(facts),
        Requirement::NoFindingsAtOrAbove(severity) => findings(
            diagnostics.iter().filter(|d| d.severity >= *severity),
            &format!("no findings of severity {} or worse", severity.name()),
        ),
        Requirement::NoneOfRules(ids) => findings(
            diagnostics
                .iter()
                .filter(|d| ids.iter().any(|id| id.eq_ignore_ascii_case(d.rule))),
            &format!("none of {}", ids.join(", ")),
        ),
        Requirement::FinalSizeUnderMb(mb) => final_size_under(*mb, facts),
        Requirement::Runs => runs(diagnostics),
    }
}

fn no_stages() -> Outcome {
    (false, "the file has no stage (no FROM)".into(), None)
}

fn final_base(glob: &str, facts: &Facts) -> Outcome {
    let Some(image) = facts.final_image() else {
        return no_stages();
    };
    let line = Some(facts.stages[image.stage].line);
    let base = image.value;
    if image_matches(glob, base) {
        (true, format!("the final image is based on {base}"), line)
    } else {
        (
            false,
            format!("the final image is based on {base}, not {glob}"),
            line,
        )
    }
}

/// Matches as written, and also without the implied `docker.io/` or `docker.io/library/`
/// prefix, so `node:*` matches `docker.io/library/node:22`.
fn image_matches(glob: &str, image: &str) -> bool {
    let short = image
        .strip_prefix("docker.io/library/")
        .or_else(|| image.strip_prefix("docker.io/"))
        .or_else(|| image.strip_prefix("index.docker.io/library/"));
    glob_match(glob, image) || short.is_some_and(|s| glob_match(glob, s))
}

fn final_copies_from(stage: &str, path: &str, facts: &Facts) -> Outcome {
    let Some((final_index, final_stage)) = facts.final_stage() else {
        return no_stages();
    };
    let Some(wanted) = facts.stage_named(stage) else {
        return (
            false,
            format!("there is no stage named `{stage}`; name one with `FROM <image> AS {stage}`"),
            Some(final_stage.line),
        );
    };
    if wanted == final_index {
        return (
            false,
            format!("`{stage}` is the final stage itself; copy from an earlier stage"),
            Some(final_stage.line),
        );
    }
    let from_stage: Vec<_> = final_stage
        .copies_from
        .iter()
        .filter(|c| c.from_stage == Some(wanted))
        .collect();
    if let Some(copy) = from_stage
        .iter()
        .find(|c| c.sources.iter().any(|s| path_matches(path, s)))
    {
        return (
            true,
            format!("copies {path} from `{stage}` (line {})", copy.line),
            Some(copy.line),
        );
    }
    match from_stage.first() {
        Some(copy) => (
            false,
            format!(
                "copies {} from `{stage}`, but not {path}",
                copy.sources.join(" ")
            ),
            Some(copy.line),
        ),
        None => (
            false,
            format!(
                "the final stage copies nothing from `{stage}`; add COPY --from={stage} {path} …"
            ),
            Some(final_stage.line),
        ),
    }
}

/// `/app/dist` matches `/app/dist`, `/app/dist/`, `./app/dist`; a pattern with `*` is a glob.
fn path_matches(wanted: &str, source: &str) -> bool {
    let clean = |p: &str| {
        let p = p.trim_matches(['"', '\'']);
        let p = p.strip_prefix("./").unwrap_or(p);
        let p = p.trim_end_matches('/');
        if p.is_empty() {
            "/".to_string()
        } else {
            p.to_string()
        }
    };
    let (wanted, source) = (clean(wanted), clean(source));
    if wanted.contains(['*', '?']) {
        return glob_match(&wanted, &source);
    }
    let (w, s) = (
        wanted.trim_start_matches('/'),
        source.trim_start_matches('/'),
    );
    if s.contains(['*', '?']) {
        return glob_match(s, w);
    }
    // A directory copies what is in it: `COPY --from=builder /out/ /` copies /out/myapp.
    w == s || s.is_empty() || w.strip_prefix(s).is_some_and(|rest| rest.starts_with('/'))
}

fn is_root_user(user: &str) -> bool {
    let name = user.split(':').next().unwrap_or("").trim();
    name.eq_ignore_ascii_case("root") || name == "0"
}

fn non_root(facts: &Facts) -> Outcome {
    let Some((_, final_stage)) = facts.final_stage() else {
        return no_stages();
    };
    if let Some(found) = facts.final_user() {
        let (user, line) = found.value;
        return if is_root_user(user) {
            (
                false,
                format!("USER {user} runs the app as root; switch to an unprivileged user"),
                Some(*line),
            )
        } else {
            (true, format!("runs as {user}"), Some(*line))
        };
    }
    let Some(image) = facts.final_image() else {
        return no_stages();
    };
    let base_stage = &facts.stages[image.stage];
    let line = Some(final_stage.line);
    let tagged_nonroot = image
        .value
        .rsplit(':')
        .next()
        .is_some_and(|tag| !tag.contains('/') && tag.split('-').any(|part| part == "nonroot"));
    match (tagged_nonroot, base_stage.base_runs_as_root) {
        (true, _) | (_, Some(false)) => (
            true,
            format!("{} runs as a non-root user by default", image.value),
            line,
        ),
        _ => (
            false,
            format!(
                "no USER, and {} runs as root by default; add a USER line (or use a :nonroot image)",
                image.value
            ),
            line,
        ),
    }
}

fn exec_form(facts: &Facts) -> Outcome {
    let Some((_, final_stage)) = facts.final_stage() else {
        return no_stages();
    };
    let commands = facts.final_commands();
    if commands.is_empty() {
        return (
            false,
            "the final stage has no CMD or ENTRYPOINT; say how the app starts".into(),
            Some(final_stage.line),
        );
    }
    match commands.iter().find(|c| !c.exec_form) {
        Some(shell) => (
            false,
            format!(
                "{} on line {} is in shell form; write it as a JSON array, e.g. {} [\"./app\"]",
                shell.keyword, shell.line, shell.keyword
            ),
            Some(shell.line),
        ),
        None => {
            let names: Vec<_> = commands.iter().map(|c| c.keyword).collect();
            (
                true,
                format!("{} in exec form", names.join(" and ")),
                commands.last().map(|c| c.line),
            )
        }
    }
}

fn final_size_under(mb: u64, facts: &Facts) -> Outcome {
    let Some((_, final_stage)) = facts.final_stage() else {
        return no_stages();
    };
    let line = Some(final_stage.line);
    let Some(estimate) = &facts.final_size else {
        return (false, "the size was not estimated".into(), line);
    };
    let figure = &estimate.uncompressed;
    let base = estimate
        .base_image
        .as_deref()
        .unwrap_or("an unresolved base");
    let said = text::figure_text(figure);
    match figure.min_bytes {
        None => (
            false,
            format!(
                "the size of {base} is not known (it is not in the table of known images), so \
                 the final size cannot be estimated; build the final stage on a known image"
            ),
            line,
        ),
        Some(min) if min >= mb * 1_000_000 => (
            false,
            format!(
                "the final image is {said} on disk (on {base}), not under {mb} MB; build the \
                 final stage on a smaller base and copy in only what runs"
            ),
            line,
        ),
        Some(_) => (
            true,
            format!("the final image is {said} on disk (on {base}), under {mb} MB"),
            line,
        ),
    }
}

/// Fails when the model knows the image would not start (an error among the run reasons),
/// with that finding's message, which tells the chain; a likely failure (warnings only) is
/// named but does not fail it.
fn runs(diagnostics: &[Diagnostic]) -> Outcome {
    let (outcome, reasons) = run_verdict(diagnostics);
    match outcome {
        RunOutcome::Fails => {
            let (ok, why, line) =
                findings(reasons.iter().filter(|d| d.severity == Severity::Error), "");
            // An error of a rule that is no would-run rule stops the build itself.
            let build = reasons
                .iter()
                .find(|d| d.severity == Severity::Error)
                .is_some_and(crate::dockerfile::lint::stops_build);
            (
                ok,
                if build {
                    format!("the build stops: {why}")
                } else {
                    why
                },
                line,
            )
        }
        RunOutcome::LikelyFails => {
            let w = &reasons[0];
            (
                true,
                format!(
                    "nothing known stops it, but {} warns (line {}): {}",
                    w.rule, w.location.line, w.message
                ),
                Some(w.location.line),
            )
        }
        RunOutcome::Runs => (true, "no finding says it would fail to start".into(), None),
    }
}

fn findings<'a>(mut hits: impl Iterator<Item = &'a Diagnostic>, ok: &str) -> Outcome {
    let Some(first) = hits.next() else {
        return (true, ok.to_string(), None);
    };
    let more = hits.count();
    let tail = match more {
        0 => String::new(),
        1 => " (and 1 more finding)".into(),
        n => format!(" (and {n} more findings)"),
    };
    (
        false,
        format!(
            "{} {}: {}{tail}",
            first.rule,
            first.severity.name(),
            first.message
        ),
        Some(first.location.line),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dockerfile::{Location, Severity};
    use crate::quiz::facts::{Command, CopyFrom, StageFacts};

    fn stage(name: Option<&str>, base: &str, line: usize) -> StageFacts {
        StageFacts {
            name: name.map(String::from),
            base: base.into(),
            line,
            ..StageFacts::default()
        }
    }

    /// `FROM golang AS build` (1) / `FROM <final> ` (5) with a copy and a CMD.
    fn two_stage(final_base: &str) -> Facts {
        let mut fin = stage(None, final_base, 5);
        fin.copies_from.push(CopyFrom {
            from: "build".into(),
            from_stage: Some(0),
            sources: vec!["/out/app".into()],
            line: 6,
        });
        fin.commands.push(Command {
            keyword: "CMD",
            exec_form: true,
            line: 7,
        });
        Facts {
            stages: vec![stage(Some("build"), "golang:1.25", 1), fin],
            final_stage: Some(1),
            final_size: None,
        }
    }

    fn check(req: Requirement, facts: &Facts) -> Check {
        evaluate(&[req], facts, vec![]).checks.remove(0)
    }

    #[test]
    fn distroless_nonroot_passes_every_structural_requirement() {
        let facts = two_stage("gcr.io/distroless/static-debian12:nonroot");
        let v = evaluate(
            &[
                Requirement::MinStages(2),
                Requirement::FinalBase("gcr.io/distroless/*".into()),
                Requirement::FinalCopiesFrom {
                    stage: "BUILD".into(),
                    path: "/out/app".into(),
                },
                Requirement::NonRoot,
                Requirement::ExecFormCmd,
            ],
            &facts,
            vec![],
        );
        assert!(v.passed(), "{v:#?}");
    }

    #[test]
    fn a_copied_directory_or_glob_copies_the_path_in_it() {
        for source in [
            "/out/myapp",
            "out/myapp",
            "/out/",
            "/out",
            "/",
            "/out/*",
            "/out/my*",
        ] {
            assert!(path_matches("/out/myapp", source), "{source}");
        }
        for source in [
            "/out/myapp2",
            "/ou",
            "/outside/myapp",
            "/out/other",
            "/out/x*",
        ] {
            assert!(!path_matches("/out/myapp", source), "{source}");
        }
    }

    #[test]
    fn wrong_base_says_which_base_and_where() {
        let c = check(
            Requirement::FinalBase("gcr.io/distroless/*".into()),
            &two_stage("golang:1.25"),
        );
        assert!(!c.met);
        assert_eq!(c.line, Some(5));
        assert!(c.reason.contains("golang:1.25"), "{}", c.reason);
    }

    #[test]
    fn docker_hub_prefix_is_optional_in_globs() {
        assert!(image_matches("node:*", "docker.io/library/node:22"));
        assert!(!image_matches("node:*", "ghcr.io/x/node:22"));
    }

    #[test]
    fn root_by_default_fails_and_user_line_passes() {
        let mut facts = two_stage("alpine:3.20");
        let c = check(Requirement::NonRoot, &facts);
        assert!(
            !c.met && c.reason.contains("root by default"),
            "{}",
            c.reason
        );
        facts.stages[1].user = Some(("app".into(), 8));
        assert_eq!(check(Requirement::NonRoot, &facts).line, Some(8));
        facts.stages[1].user = Some(("0:0".into(), 9));
        assert!(!check(Requirement::NonRoot, &facts).met);
    }

    #[test]
    fn user_and_base_are_inherited_from_a_parent_stage() {
        let mut facts = two_stage("base");
        let mut base = stage(
            Some("base"),
            "gcr.io/distroless/base-debian12:debug-nonroot",
            1,
        );
        base.user = None;
        facts.stages.insert(0, base);
        facts.stages[1].line = 3;
        facts.stages[2].base_stage = Some(0);
        facts.stages[2].copies_from[0].from_stage = Some(1);
        facts.final_stage = Some(2);
        assert!(check(Requirement::NonRoot, &facts).met);
        let c = check(Requirement::FinalBase("gcr.io/distroless/*".into()), &facts);
        assert!(c.met, "{}", c.reason);
        assert_eq!(c.line, Some(1));
    }

    #[test]
    fn copies_from_checks_stage_then_path() {
        let facts = two_stage("scratch");
        let c = check(
            Requirement::FinalCopiesFrom {
                stage: "build".into(),
                path: "/out/other".into(),
            },
            &facts,
        );
        assert!(
            !c.met && c.reason.contains("but not /out/other"),
            "{}",
            c.reason
        );
        let c = check(
            Requirement::FinalCopiesFrom {
                stage: "deps".into(),
                path: "/x".into(),
            },
            &facts,
        );
        assert!(c.reason.contains("no stage named `deps`"), "{}", c.reason);
        assert!(path_matches("/app/dist", "./app/dist/"));
        assert!(path_matches("/app/*", "/app/dist"));
    }

    #[test]
    fn shell_form_cmd_is_named_with_its_line() {
        let mut facts = two_stage("scratch");
        facts.stages[1].commands[0].exec_form = false;
        let c = check(Requirement::ExecFormCmd, &facts);
        assert_eq!((c.met, c.line), (false, Some(7)));
        facts.stages[1].commands.clear();
        assert!(
            check(Requirement::ExecFormCmd, &facts)
                .reason
                .contains("no CMD")
        );
    }

    /// A finding of `rule` at `line`, whose message is "`rule` says so".
    fn diag(rule: &'static str, severity: Severity, line: usize) -> Diagnostic {
        Diagnostic {
            rule,
            severity,
            message: format!("{rule} says so"),
            location: Location {
                line,
                column: 1,
                end_line: line,
                end_column: 2,
            },
            fix: None,
        }
    }

    #[test]
    fn findings_are_filtered_by_severity_and_rule() {
        let diags = vec![
            diag("DL3006", Severity::Warning, 3),
            diag("DK1", Severity::Info, 4),
        ];
        let facts = two_stage("scratch");
        let v = evaluate(
            &[
                Requirement::NoFindingsAtOrAbove(Severity::Error),
                Requirement::NoFindingsAtOrAbove(Severity::Info),
                Requirement::NoneOfRules(vec!["dl3006".into()]),
            ],
            &facts,
            diags,
        );
        let met: Vec<_> = v.checks.iter().map(|c| (c.met, c.line)).collect();
        assert_eq!(met, vec![(true, None), (false, Some(3)), (false, Some(3))]);
        assert!(v.checks[1].reason.contains("1 more"));
    }

    #[test]
    fn runs_fails_on_every_error_and_says_when_the_build_stops() {
        let facts = two_stage("scratch");
        let runs = |diags| {
            evaluate(&[Requirement::Runs], &facts, diags)
                .checks
                .remove(0)
        };
        // An EXPOSE port out of range stops `docker build`: no image, nothing runs.
        let c = runs(vec![diag("DL3011", Severity::Error, 2)]);
        assert_eq!((c.met, c.line), (false, Some(2)));
        assert!(
            c.reason.starts_with("the build stops: DL3011 error"),
            "{}",
            c.reason
        );
        // Warnings of rules that are no run-time claim are no reason.
        let c = runs(vec![diag("DL3006", Severity::Warning, 2)]);
        assert_eq!((c.met, c.line), (true, None));
        let c = runs(vec![
            diag("DK212", Severity::Warning, 3),
            diag("DK202", Severity::Error, 7),
        ]);
        assert_eq!((c.met, c.line), (false, Some(7)));
        assert_eq!(c.reason, "DK202 error: DK202 says so");
        let c = runs(vec![diag("DK212", Severity::Warning, 3)]);
        assert!(c.met);
        assert_eq!(c.line, Some(3));
        assert!(c.reason.contains("DK212 warns (line 3)"), "{}", c.reason);
    }

    #[test]
    fn final_size_is_judged_on_the_estimate() {
        use crate::inspect::{Estimate, Figure};
        let sized = |min: Option<u64>, at_least: bool| {
            let mut facts = two_stage("gcr.io/distroless/static-debian13");
            facts.final_size = Some(Estimate {
                stage: Some(1),
                base_image: Some("gcr.io/distroless/static-debian13".into()),
                uncompressed: match min {
                    Some(m) => Figure {
                        min_bytes: Some(m),
                        max_bytes: (!at_least).then_some(m),
                        at_least,
                        unknown: false,
                    },
                    None => Figure::UNKNOWN,
                },
                compressed: Figure::UNKNOWN,
                unknown_parts: vec![],
                sources: vec![],
            });
            facts
        };
        let small = check(
            Requirement::FinalSizeUnderMb(50),
            &sized(Some(2_000_000), true),
        );
        assert!(small.met, "{small:?}");
        assert!(small.reason.contains("at least 2 MB"), "{}", small.reason);
        assert_eq!(small.line, Some(5));
        let big = check(
            Requirement::FinalSizeUnderMb(50),
            &sized(Some(141_000_000), true),
        );
        assert!(!big.met);
        assert!(big.reason.contains("at least 141 MB"), "{}", big.reason);
        let edge = check(
            Requirement::FinalSizeUnderMb(2),
            &sized(Some(2_000_000), false),
        );
        assert!(!edge.met, "exactly N MB is not under N MB");
        let unknown = check(Requirement::FinalSizeUnderMb(50), &sized(None, false));
        assert!(!unknown.met && unknown.reason.contains("not known"));
        let not_computed = check(Requirement::FinalSizeUnderMb(50), &two_stage("alpine"));
        assert!(!not_computed.met);
        let none = check(Requirement::FinalSizeUnderMb(50), &Facts::default());
        assert!(!none.met);
    }

    #[test]
    fn empty_file_fails_structurally() {
        let v = evaluate(
            &[Requirement::MinStages(1), Requirement::NonRoot],
            &Facts::default(),
            vec![],
        );
        assert!(v.checks.iter().all(|c| !c.met));
    }
}
