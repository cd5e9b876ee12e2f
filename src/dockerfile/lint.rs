//! The validator's entry point: parse, build the model, run the rules.
//!
//! ```text
//! use dockerlings::dockerfile::lint::{lint, LintOptions};
//! let result = lint("FROM alpine\nRUN echo hi\n", &LintOptions::default());
//! assert!(result.diagnostics.iter().any(|d| d.rule == "DL3006"));
//! ```

use crate::dockerfile::ast::ParseResult;
use crate::dockerfile::build::BuildModel;
use crate::dockerfile::check_config::{self, CheckConfig, Scope};
use crate::dockerfile::dockerignore::DockerIgnore;
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
    /// The `BUILDKIT_DOCKERFILE_CHECK` build argument: when set, it replaces the file's
    /// `# check=` directive, as in BuildKit (the caller validates it; a malformed one is
    /// read as empty).
    pub buildkit_check: Option<String>,
    /// The text of the build context's `.dockerignore` (BuildKit's CopyIgnoredFile reads it).
    pub dockerignore: Option<String>,
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
/// Besides `opts.ignore`, these in-file controls are honoured: BuildKit's `# check=…` parser
/// directive and `# check=…` comments above an instruction, as BuildKit reads them (see
/// [`check_config`]; `skip=` also takes our rule IDs; with `error=true` every BuildKit check's
/// finding is an error, as the build then fails); `# dockerlings ignore=ID[,ID]` or
/// `# hadolint ignore=ID[,ID]` on the line(s) directly above an instruction (for a continued
/// instruction, above its first line); `# hadolint global ignore=ID[,ID]` (or `dockerlings`)
/// anywhere, for the whole file; and `# hadolint shell=NAME`, read by the rules that care
/// which shell runs RUN (see `Ctx::pragma_shell`).
pub fn lint(source: &str, opts: &LintOptions) -> LintResult {
    let parse = parser::parse(source);
    let model = Model::build(&parse.dockerfile, opts.target.as_deref());
    let (checks, check_error) = check_setup(source, opts);
    let mut ignore = opts.ignore.clone();
    // `skip=` naming one of our IDs (not a BuildKit check) works as an ignore.
    ignore.extend(
        checks
            .skip
            .iter()
            .filter(|n| !n.is_empty() && check_config::buildkit_check(n).is_none())
            .cloned(),
    );
    ignore.extend(global_ignores(source));
    let dockerignore = opts.dockerignore.as_deref().map(DockerIgnore::parse);
    let mut ctx = Ctx::new(source, &parse, &model);
    ctx.dockerignore = dockerignore.as_ref();
    let mut diagnostics = rules::run(&ctx, &ignore);
    let build = ctx.into_build();
    diagnostics.retain(|d| !ignored_inline(&parse, d) && check_runs(&parse, &checks, d));
    if checks.error {
        for d in &mut diagnostics {
            if buildkit_name(d).is_some() {
                d.severity = Severity::Error;
            }
        }
    }
    if let Some(found) = check_error.filter(|_| !ignore.iter().any(|i| i == "DK100")) {
        diagnostics.push(found);
        diagnostics.sort_by(|a, b| (a.location, a.rule).cmp(&(b.location, b.rule)));
    }
    LintResult {
        parse,
        model,
        diagnostics,
        build,
    }
}

/// The file's check configuration (the build argument's, else the directive's), and the
/// finding for a directive BuildKit cannot parse (the build stops: DK100).
fn check_setup(source: &str, opts: &LintOptions) -> (CheckConfig, Option<Diagnostic>) {
    if let Some(value) = &opts.buildkit_check {
        return (CheckConfig::parse(value).unwrap_or_default(), None);
    }
    let Some((line, value)) = check_config::file_directive(source) else {
        return (CheckConfig::default(), None);
    };
    match CheckConfig::parse(value) {
        Ok(config) => (config, None),
        Err(err) => {
            let rule = rules::find("DK100").expect("DK100 is registered");
            let mut report = rules::Report::new(rule);
            let text = source.lines().nth(line - 1).unwrap_or_default();
            let at = |column: usize| crate::dockerfile::ast::Pos {
                line: line as u32,
                column: column as u32,
                offset: 0,
            };
            let span = crate::dockerfile::ast::Span {
                start: at(1),
                end: at(text.trim_end_matches('\r').chars().count() + 1),
            };
            report.at(span, format!("failed to parse check options: {err}"));
            (CheckConfig::default(), report.found.pop())
        }
    }
}

/// The BuildKit check a finding's rule is (by its alias), with whether it is experimental and
/// where it can be silenced.
fn buildkit_name(d: &Diagnostic) -> Option<(&'static str, bool, Scope)> {
    rules::by_id(d.rule)?
        .aliases
        .iter()
        .find_map(|a| check_config::buildkit_check(a))
}

/// Whether BuildKit would run the check behind `d` where `d` is: under the file's
/// configuration, merged for an instruction-level check with a `# check=` comment above the
/// instruction. Findings of rules that are no BuildKit check always pass.
fn check_runs(parse: &ParseResult, file: &CheckConfig, d: &Diagnostic) -> bool {
    let Some((name, experimental, scope)) = buildkit_name(d) else {
        return true;
    };
    let here = match scope {
        Scope::Instruction => holder(parse, d)
            .and_then(|ins| CheckConfig::from_comments(&ins.comments))
            .map(|c| file.merged(&c)),
        Scope::File => None,
    };
    here.as_ref().unwrap_or(file).runs(name, experimental)
}

/// The instruction a finding is on (for a continued one, any of its lines).
fn holder<'p>(
    parse: &'p ParseResult,
    d: &Diagnostic,
) -> Option<&'p crate::dockerfile::Instruction> {
    let line = d.location.line as u32;
    // Instructions are in line order: find the last one starting at or before `line`.
    let all = &parse.dockerfile.instructions;
    all.partition_point(|i| i.start_line <= line)
        .checked_sub(1)
        .map(|k| &all[k])
        .filter(|i| line <= i.end_line)
}

/// Whether a finding is a reason the image would not run: any error (an error is a claim that
/// the build stops — an unknown instruction, a COPY of what is not there — or that the
/// container cannot start: either way nothing runs), or a warning of a rule flagged
/// [`rules::RuleInfo::runtime`] (it likely will not start). The one test for it, behind
/// [`verdict`].
pub fn is_run_reason(d: &Diagnostic) -> bool {
    d.severity == Severity::Error
        || (d.severity >= Severity::Warning && rules::find(d.rule).is_some_and(|r| r.runtime))
}

/// Whether a finding stops `docker build` itself: an error of a rule that judges the build,
/// not the container (an unknown instruction, a COPY of a file the .dockerignore excludes).
pub fn stops_build(d: &Diagnostic) -> bool {
    d.severity == Severity::Error && !rules::find(d.rule).is_some_and(|r| r.runtime)
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
    let Some(ins) = holder(parse, d) else {
        return false;
    };
    ins.comments.iter().any(|c| {
        let c = c.trim();
        let ids = c
            .strip_prefix("dockerlings ignore=")
            .or_else(|| c.strip_prefix("hadolint ignore="));
        ids.is_some_and(|ids| {
            let rule = rules::by_id(d.rule);
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
        // An image that does not build does not run either.
        let broken = would_run(
            "2\nFROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\n",
            &LintOptions::default(),
        );
        assert_eq!(broken.outcome, Outcome::Fails);
        assert_eq!(broken.reasons[0].rule, "DK101");
    }

    #[test]
    fn parse_errors_still_give_a_model_and_a_diagnostic() {
        let r = lint("", &LintOptions::default());
        assert!(!r.parse.is_ok());
        assert!(r.model.stages.is_empty());
        assert!(r.diagnostics.iter().any(|d| d.rule == "DK100"));
    }
}
