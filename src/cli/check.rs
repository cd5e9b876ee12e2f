//! `dockerlings check [PATH|-]...`: lint Dockerfiles for people and for CI.
//!
//! Arguments expand to files (directories are searched), each file gets the policy of the
//! nearest `.dockerlings.yaml` merged with the command line, files are linted in parallel, and
//! the reports are printed in argument order in the chosen format.
//! Exit status: 0 clean, 1 a finding reached the fail level, 2 usage or I/O trouble.

mod discover;
pub(super) mod input;
mod policy;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::ValueEnum;

use crate::config::{self, ConfigError, FailLevel};
use crate::dockerfile::check_config::{CheckConfig, CheckOptionError};
use crate::dockerfile::{Severity, fix, lint};
use crate::highlight::{CodeTheme, ColorChoice, ColorDepth, Highlighter};
use crate::report::{self, FileError, FileReport, Outcome};
use crate::safe_fs::write_atomic;
use discover::Input;
use policy::Policy;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Dockerfiles or directories to check; `-` reads standard input [default: .]
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Lowest severity that makes the exit status 1 [default: error, or the config's fail-level]
    #[arg(long, value_name = "LEVEL", value_parser = parse_fail_level)]
    fail_level: Option<FailLevel>,
    /// Do not report this rule (ID or alias; repeatable)
    #[arg(long, value_name = "ID")]
    ignore: Vec<String>,
    /// Check the build of this stage instead of the last one
    #[arg(long, value_name = "STAGE")]
    target: Option<String>,
    /// Do not look for .dockerlings.yaml files
    #[arg(long)]
    no_config: bool,
    /// A build argument; only BUILDKIT_DOCKERFILE_CHECK is read (it replaces the files'
    /// `# check=` directives, as in BuildKit)
    #[arg(long = "build-arg", value_name = "NAME=VALUE", value_parser = parse_build_arg)]
    build_args: Vec<String>,
    /// Apply the safe fixes (casing, legacy `ENV key value`, plain JSON-form CMD) in place,
    /// then report what is left
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Print the safe fixes as a unified diff instead of the report; writes nothing
    #[arg(long)]
    diff: bool,
}

/// What `check` does with the safe fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FixMode {
    Report,
    Write,
    Diff,
}

/// A `check` option value clap refuses with this message.
#[derive(Debug, thiserror::Error)]
enum ArgError {
    #[error("`{0}` is not NAME=VALUE")]
    NotNameValue(String),
    #[error(
        "`{0}`: only {CHECK_BUILD_ARG} is read (the validator does not evaluate other build arguments)",
        CHECK_BUILD_ARG = CHECK_BUILD_ARG
    )]
    OtherBuildArg(String),
    #[error("failed to parse {CHECK_BUILD_ARG}: {0}", CHECK_BUILD_ARG = CHECK_BUILD_ARG)]
    CheckOption(#[from] CheckOptionError),
    #[error("`{0}` is not one of info, style, warning, error, none")]
    FailLevel(String),
}

/// The value of `BUILDKIT_DOCKERFILE_CHECK=…`, checked as BuildKit checks it.
fn parse_build_arg(arg: &str) -> Result<String, ArgError> {
    let Some((name, value)) = arg.split_once('=') else {
        return Err(ArgError::NotNameValue(arg.to_string()));
    };
    if name != CHECK_BUILD_ARG {
        return Err(ArgError::OtherBuildArg(name.to_string()));
    }
    CheckConfig::parse(value)?;
    Ok(value.to_string())
}

const CHECK_BUILD_ARG: &str = "BUILDKIT_DOCKERFILE_CHECK";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Gitlab,
}

fn parse_fail_level(name: &str) -> Result<FailLevel, ArgError> {
    FailLevel::from_name(name).ok_or_else(|| ArgError::FailLevel(name.to_string()))
}

const EXIT_FINDINGS: u8 = 1;
const EXIT_TROUBLE: u8 = 2;

/// One file to check with the policy that applies to it.
struct Job {
    display: String,
    source: Source,
    policy: Arc<Policy>,
}

enum Source {
    Path(PathBuf),
    /// Already read (standard input) or already failed (a missing argument).
    Read(Result<String, FileError>),
}

pub(super) fn run(args: CheckArgs, color: ColorChoice, theme: Option<CodeTheme>) -> ExitCode {
    let jobs = match plan(&args) {
        Ok(jobs) => jobs,
        Err(message) => {
            eprintln!("dockerlings check: {}", super::shown(&message));
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    let base = lint::LintOptions {
        target: args.target.clone(),
        buildkit_check: args.build_args.last().cloned(),
        ..Default::default()
    };
    let mode = if args.fix {
        FixMode::Write
    } else if args.diff {
        FixMode::Diff
    } else {
        FixMode::Report
    };
    if mode == FixMode::Write && jobs.iter().any(|j| matches!(j.source, Source::Read(Ok(_)))) {
        eprintln!("dockerlings check: --fix cannot write standard input: use --diff");
        return ExitCode::from(EXIT_TROUBLE);
    }
    let (reports, diffs): (Vec<FileReport>, Vec<String>) =
        check_all(&jobs, &base, mode).into_iter().unzip();
    let text = match args.format {
        _ if mode == FixMode::Diff => diffs.concat(),
        Format::Human => match human_colours(color, theme, args.no_config) {
            Ok(None) => report::human::render(&reports, false),
            Ok(Some((highlighter, depth))) => report::human::render_highlighted(
                &reports,
                &report::human::SourceColours {
                    highlighter: &highlighter,
                    depth,
                },
            ),
            Err(code) => return code,
        },
        Format::Json => report::json::render(&reports),
        Format::Github => report::github::render(&reports),
        Format::Gitlab => report::gitlab::render(&reports),
        Format::Sarif => report::sarif::render(&reports, &policy::rule_descriptions()),
    };
    if let Err(err) = super::write_report(&text) {
        eprintln!(
            "dockerlings check: cannot write the report: {}",
            super::shown(&err)
        );
        return ExitCode::from(EXIT_TROUBLE);
    }
    ExitCode::from(exit_status(&jobs, &reports))
}

/// Why the arguments give no jobs; each is a usage error.
#[derive(Debug, thiserror::Error)]
enum PlanError {
    #[error(transparent)]
    UnknownIgnore(#[from] policy::UnknownIgnore),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("`-` (standard input) given more than once")]
    StdinTwice,
}

/// Expands the arguments into jobs, each with its policy. Errors here are usage errors.
fn plan(args: &CheckArgs) -> Result<Vec<Job>, PlanError> {
    let cli = policy::CliPolicy::new(&args.ignore, args.fail_level)?;
    let mut finder = config::Finder::default();
    let mut policies = policy::Cache::default();
    let mut policy_for = |dir: &Path| -> Result<Arc<Policy>, PlanError> {
        let loaded = if args.no_config {
            None
        } else {
            finder.for_dir(dir)?
        };
        Ok(policies.get(&cli, loaded))
    };
    let default_paths = [PathBuf::from(".")];
    let paths = if args.paths.is_empty() {
        &default_paths[..]
    } else {
        &args.paths
    };
    let mut stdin_read = false;
    let mut jobs = Vec::new();
    for argument in paths {
        let inputs = match discover::expand(argument) {
            Ok(inputs) => inputs,
            Err(err) => {
                jobs.push(Job {
                    display: argument.display().to_string(),
                    source: Source::Read(Err(FileError {
                        message: err.to_string(),
                        position: None,
                    })),
                    policy: policy_for(Path::new("."))?,
                });
                continue;
            }
        };
        for input in inputs {
            jobs.push(match input {
                Input::File(path) => Job {
                    display: path.display().to_string(),
                    policy: policy_for(parent_dir(&path))?,
                    source: Source::Path(path),
                },
                Input::Stdin => {
                    if std::mem::replace(&mut stdin_read, true) {
                        return Err(PlanError::StdinTwice);
                    }
                    Job {
                        display: "<stdin>".to_string(),
                        source: Source::Read(input::read_stdin()),
                        policy: policy_for(Path::new("."))?,
                    }
                }
            });
        }
    }
    Ok(jobs)
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Checks every job, spreading them over the available cores; reports keep the jobs' order.
fn check_all(jobs: &[Job], base: &lint::LintOptions, mode: FixMode) -> Vec<Checked> {
    // One file (the common case in editors and hooks) skips the thread pool and the cgroup
    // reads behind available_parallelism.
    if jobs.len() <= 1 {
        return jobs.iter().map(|job| check_one(job, base, mode)).collect();
    }
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len());
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Checked)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(index) else { break };
                        done.push((index, check_one(job, base, mode)));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().expect("a check worker panicked"))
            .collect()
    });
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, report)| report).collect()
}

/// A file's report, and the unified diff of its safe fixes (empty unless asked for).
type Checked = (FileReport, String);

fn check_one(job: &Job, base: &lint::LintOptions, mode: FixMode) -> Checked {
    let text = match &job.source {
        Source::Path(path) => input::read_file(path),
        Source::Read(result) => result.clone(),
    };
    let mut options = job.policy.lint_options(base);
    if let Source::Path(path) = &job.source {
        match input::dockerignore_for(path) {
            Ok(found) => options.dockerignore = found,
            Err(error) => {
                let outcome = Outcome::Failed(error);
                let report = FileReport {
                    path: job.display.clone(),
                    outcome,
                };
                return (report, String::new());
            }
        }
    }
    let mut diff = String::new();
    let text = text.and_then(|source| {
        let Some(fixed) = (mode != FixMode::Report)
            .then(|| fix::apply_safe_fixes(&source, &options))
            .flatten()
        else {
            return Ok(source);
        };
        match (mode, &job.source) {
            (FixMode::Write, Source::Path(path)) => {
                write_atomic(path, fixed.as_bytes()).map_err(|err| FileError {
                    message: format!("cannot write the fixes: {}", input::io_message(&err)),
                    position: None,
                })?;
                Ok(fixed)
            }
            _ => {
                diff = unified_diff(&job.display, &source, &fixed);
                Ok(source)
            }
        }
    });
    let outcome = match text {
        Ok(source) => {
            let diagnostics = job.policy.apply(lint::lint(&source, &options).diagnostics);
            Outcome::Checked {
                source,
                diagnostics,
            }
        }
        Err(error) => Outcome::Failed(error),
    };
    let report = FileReport {
        path: job.display.clone(),
        outcome,
    };
    (report, diff)
}

/// `old` → `new` as a unified diff with `a/` and `b/` paths, as `git apply` and `patch -p1` read.
fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

fn exit_status(jobs: &[Job], reports: &[FileReport]) -> u8 {
    if reports.iter().any(|r| r.error().is_some()) {
        return EXIT_TROUBLE;
    }
    let failing = jobs.iter().zip(reports).any(|(job, report)| {
        report
            .diagnostics()
            .iter()
            .any(|d| job.policy.fail_level.is_reached_by(d.severity))
    });
    if failing { EXIT_FINDINGS } else { 0 }
}

/// Colour only for a terminal, unless NO_COLOR (any non-empty value), TERM=dumb or `--color`
/// says otherwise: the same decision the course's highlighting makes. With colour, the quoted
/// source lines are highlighted in the theme (`--theme`, else the config's) at the terminal's
/// colour depth.
fn human_colours(
    choice: ColorChoice,
    theme: Option<CodeTheme>,
    no_config: bool,
) -> Result<Option<(Highlighter, ColorDepth)>, ExitCode> {
    let depth = ColorDepth::detect(choice, std::io::stdout().is_terminal());
    if depth == ColorDepth::None {
        return Ok(None);
    }
    let theme = super::theme(theme, !no_config)?;
    Ok(Some((Highlighter::new(theme), depth)))
}

/// The default fail level when neither the command line nor a config names one.
pub(crate) const DEFAULT_FAIL_LEVEL: FailLevel = FailLevel::At(Severity::Error);
