//! The validator's entry point: parse, build the model, run the rules.
//!
//! ```text
//! use dockerlings::dockerfile::lint::{lint, LintOptions};
//! let result = lint("FROM alpine\nRUN echo hi\n", &LintOptions::default());
//! assert!(result.diagnostics.iter().any(|d| d.rule == "DL3006"));
//! ```

use crate::dockerfile::ast::ParseResult;
use crate::dockerfile::build::BuildModel;
use crate::dockerfile::model::Model;
use crate::dockerfile::rules::{self, Ctx};
use crate::dockerfile::{Diagnostic, Severity, parser};

/// What to check and how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintOptions {
    /// `--target`: the stage that is built (default: the last one).
    pub target: Option<String>,
    /// Rule IDs or aliases not to run.
    pub ignore: Vec<String>,
}

/// The parse, the model built from it, and the findings (sorted by position).
#[derive(Debug, Clone)]
pub struct LintResult {
    pub parse: ParseResult,
    pub model: Model,
    pub diagnostics: Vec<Diagnostic>,
    /// The build model, kept from the rules that evaluated it (see [`LintResult::build`]).
    build: std::cell::OnceCell<BuildModel>,
}

impl LintResult {
    /// Every stage's filesystem as the build leaves it: the one the rules stood on, or
    /// evaluated now when no rule needed it.
    pub fn build(&self) -> &BuildModel {
        self.build
            .get_or_init(|| BuildModel::evaluate(&self.parse.dockerfile, &self.model))
    }
}

/// Lints one Dockerfile's text.
///
/// Besides `opts.ignore`, these in-file controls are honoured: BuildKit's `# check=skip=A,B`
/// directive (by BuildKit rule name); `# dockerlings ignore=ID[,ID]` or
/// `# hadolint ignore=ID[,ID]` on the line(s) directly above an instruction (for a continued
/// instruction, above its first line); `# hadolint global ignore=ID[,ID]` (or `dockerlings`)
/// anywhere, for the whole file; and `# hadolint shell=NAME`, read by the rules that care
/// which shell runs RUN (see `Ctx::pragma_shell`).
pub fn lint(source: &str, opts: &LintOptions) -> LintResult {
    let parse = parser::parse(source);
    let model = Model::build(&parse.dockerfile, opts.target.as_deref());
    let mut ignore = opts.ignore.clone();
    ignore.extend(check_directive_skips(&parse));
    ignore.extend(global_ignores(source));
    let ctx = Ctx::new(source, &parse, &model);
    let mut diagnostics = rules::run(&ctx, &ignore);
    let build = ctx.into_build();
    diagnostics.retain(|d| !ignored_inline(&parse, d));
    LintResult {
        parse,
        model,
        diagnostics,
        build,
    }
}

/// Whether a finding is a reason the image would not run: a finding at warning or above of a
/// rule flagged [`rules::RuleInfo::runtime`] (an error: it will not; a warning: it likely will
/// not). The one test for it, behind [`verdict`].
pub fn is_run_reason(d: &Diagnostic) -> bool {
    d.severity >= Severity::Warning && rules::find(d.rule).is_some_and(|r| r.runtime)
}

impl Outcome {
    /// The outcome that `reasons` (findings for which [`is_run_reason`] holds) add up to.
    pub fn of(reasons: &[Diagnostic]) -> Outcome {
        if reasons.iter().any(|d| d.severity == Severity::Error) {
            Outcome::Fails
        } else if reasons.is_empty() {
            Outcome::Runs
        } else {
            Outcome::LikelyFails
        }
    }
}

/// Whether the image would run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Nothing the model knows stops it.
    Runs,
    /// Something likely stops it (warnings only).
    LikelyFails,
    /// Something the model knows stops it.
    Fails,
}

/// The answer to "would it run, and if not why", in one call (the quiz judge's and `grade`'s).
#[derive(Debug, Clone)]
pub struct RunVerdict {
    pub outcome: Outcome,
    /// The findings for which [`is_run_reason`] holds, in source order: each says
    /// what fails, with the chain of lines that leads there.
    pub reasons: Vec<Diagnostic>,
    /// The whole lint (every rule), for callers that want more.
    pub lint: LintResult,
}

/// Lints `source` and says whether the image it builds would run.
pub fn would_run(source: &str, opts: &LintOptions) -> RunVerdict {
    let lint = lint(source, opts);
    let (outcome, reasons) = verdict(&lint.diagnostics);
    RunVerdict {
        outcome,
        reasons,
        lint,
    }
}

/// The would-run verdict of a lint's findings: the outcome and its reasons (the findings for
/// which [`is_run_reason`] holds, in their order). `would_run`, inspect, the quiz's `runs`
/// requirement and `grade` all answer through it.
pub fn verdict(diagnostics: &[Diagnostic]) -> (Outcome, Vec<Diagnostic>) {
    let reasons: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| is_run_reason(d))
        .cloned()
        .collect();
    (Outcome::of(&reasons), reasons)
}

/// Rule names listed in `# check=skip=…` (`all` skips every BuildKit-named rule).
fn check_directive_skips(parse: &ParseResult) -> Vec<String> {
    let Some(d) = parse.dockerfile.directive("check") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for part in d.value.split(';') {
        if let Some(("skip", names)) = part.split_once('=').map(|(k, v)| (k.trim(), v)) {
            for name in names.split(',').map(str::trim) {
                if name == "all" {
                    out.extend(
                        rules::all()
                            .iter()
                            .flat_map(|r| r.aliases.iter().map(|a| a.to_string())),
                    );
                } else if !name.is_empty() {
                    out.push(name.to_string());
                }
            }
        }
    }
    out
}

/// Rule ids of every `# hadolint global ignore=…` / `# dockerlings global ignore=…` comment.
fn global_ignores(source: &str) -> Vec<String> {
    // Most files have none: look for the key before reading every line.
    if memchr::memmem::find(source.as_bytes(), b"ignore=").is_none() {
        return Vec::new();
    }
    source
        .lines()
        .filter_map(|l| {
            rules::pragma(l)?
                .strip_prefix("global")?
                .trim_start()
                .strip_prefix("ignore=")
        })
        .flat_map(|ids| ids.split(',').map(str::trim))
        .filter(|id| !id.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether an inline pragma above the finding's instruction silences it.
fn ignored_inline(parse: &ParseResult, d: &Diagnostic) -> bool {
    let line = d.location.line as u32;
    // Instructions are in line order: find the last one starting at or before `line`.
    let all = &parse.dockerfile.instructions;
    let Some(ins) = all
        .partition_point(|i| i.start_line <= line)
        .checked_sub(1)
        .map(|k| &all[k])
        .filter(|i| line <= i.end_line)
    else {
        return false;
    };
    ins.comments.iter().any(|c| {
        let c = c.trim();
        let ids = c
            .strip_prefix("dockerlings ignore=")
            .or_else(|| c.strip_prefix("hadolint ignore="));
        let rule = rules::all().iter().find(|r| r.id == d.rule);
        ids.is_some_and(|ids| {
            ids.split(',')
                .map(str::trim)
                .any(|id| rule.is_some_and(|r| r.is_named(id)))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lint_returns_parse_model_and_sorted_findings() {
        let r = lint("FROM alpine\nRUN echo hi\n", &LintOptions::default());
        assert!(r.parse.is_ok());
        assert_eq!(r.model.stages.len(), 1);
        assert!(r.diagnostics.iter().any(|d| d.rule == "DL3006"));
        let lines: Vec<usize> = r.diagnostics.iter().map(|d| d.location.line).collect();
        assert!(lines.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn would_run_says_why_in_one_call() {
        let v = would_run(
            "FROM scratch\nCOPY app /app\nENTRYPOINT [\"/bin/app\"]\n",
            &LintOptions::default(),
        );
        assert_eq!(v.outcome, Outcome::Fails);
        assert_eq!(v.reasons.len(), 1);
        assert_eq!(v.reasons[0].rule, "DK214");
        let ok = would_run(
            "FROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\n",
            &LintOptions::default(),
        );
        assert_eq!(ok.outcome, Outcome::Runs);
    }

    #[test]
    fn parse_errors_still_give_a_model_and_a_diagnostic() {
        let r = lint("", &LintOptions::default());
        assert!(!r.parse.is_ok());
        assert!(r.model.stages.is_empty());
        assert!(r.diagnostics.iter().any(|d| d.rule == "DK100"));
    }
}
