//! Command-line interface: argument parsing and dispatch to the engine.
//! Each subcommand is one `Command` variant, one dispatch line in [`main`], and its own file.

mod check;
mod class;
mod course;
mod explain;
mod grade;
mod inspect;
mod lessons;
mod notes;
mod parse;
mod progress;
mod reset;
mod rules;
mod value_enums;
mod verify_lessons;
mod watch;
mod workshop;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::highlight::{CodeTheme, ColorChoice};
use crate::tui::CodeColours;

/// A terminal course on multi-stage Docker builds and distroless images.
///
/// Without a subcommand, opens the course: the bundled lessons, or the pack given with --lessons.
/// The options below are the course's; a subcommand lists those it takes (given before the
/// subcommand, they still apply to it).
#[derive(Debug, Parser)]
#[command(name = "dockerlings", version, about)]
pub(crate) struct Cli {
    /// Open the lesson pack in DIR (a folder of Markdown lessons) instead of the bundled course.
    #[arg(long, value_name = "DIR")]
    pub lessons: Option<PathBuf>,

    #[command(flatten)]
    pub store: StoreArg,

    /// Colour: auto colours a terminal unless NO_COLOR is set or TERM=dumb.
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,

    /// Colours (the whole UI, and Dockerfiles): ansi (the default) follows your terminal's own
    /// palette. Wins over `theme:` in .dockerlings.yaml.
    #[arg(long, value_enum)]
    pub theme: Option<CodeTheme>,

    /// Show the course line by line, for screen readers and dumb terminals: no full-screen
    /// drawing, no colour; answers are typed. Chosen without asking when TERM=dumb.
    #[arg(long)]
    pub plain: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

// Options a few subcommands share. Each subcommand takes only those it uses, so its --help
// lists nothing that does nothing there.

/// `--lessons DIR` (global within the subcommand, for `workshop init`).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PackArg {
    /// Use the lesson pack in DIR (a folder of Markdown lessons) instead of the bundled course.
    #[arg(long, value_name = "DIR", global = true)]
    pub lessons: Option<PathBuf>,
}

/// `--progress-file PATH`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct StoreArg {
    /// Keep progress in PATH instead of the data directory
    /// (default: $XDG_DATA_HOME/dockerlings/progress.json, usually ~/.local/share/…).
    #[arg(long, value_name = "PATH")]
    pub progress_file: Option<PathBuf>,
}

/// `--color` and `--theme`, for the subcommands that colour their output.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct LookArgs {
    /// Colour: auto colours a terminal unless NO_COLOR is set or TERM=dumb.
    #[arg(long, value_enum)]
    pub color: Option<ColorChoice>,

    /// Colours for Dockerfiles: ansi (the default) follows your terminal's own palette.
    /// Wins over `theme:` in .dockerlings.yaml.
    #[arg(long, value_enum)]
    pub theme: Option<CodeTheme>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint Dockerfiles: files, directories (searched), or `-` for standard input
    Check {
        #[command(flatten)]
        args: check::CheckArgs,
        #[command(flatten)]
        look: LookArgs,
    },
    /// List every rule the linter has
    Rules(rules::RulesArgs),
    /// Explain one rule: why it matters, how to fix it, which lesson teaches it
    Explain(explain::ExplainArgs),
    /// Show what a Dockerfile builds and ships: stages and graph, the final stage, the stages
    /// left behind, estimated size vs a single-stage build, attack surface
    Inspect {
        #[command(flatten)]
        args: inspect::InspectArgs,
        #[command(flatten)]
        look: LookArgs,
    },
    /// List the lessons, their sections and questions.
    Lessons {
        /// Output format
        #[arg(long, value_enum, default_value_t)]
        format: lessons::Format,
        #[command(flatten)]
        pack: PackArg,
    },
    /// Print a Dockerfile's parse as BuildKit's parser sees it (exit 1 if BuildKit rejects it).
    Parse {
        /// The Dockerfile (`-` for standard input).
        file: PathBuf,
        /// Output format
        #[arg(long, value_enum, default_value_t)]
        format: parse::Format,
    },
    /// Show a summary table of your progress; export your results, or merge a class's.
    Progress {
        #[command(flatten)]
        args: progress::ProgressArgs,
        #[command(flatten)]
        pack: PackArg,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Open a plain-text notes file (title banner, dashed sections, `N. Title:` headings) as a lesson.
    Notes {
        /// The notes file.
        file: PathBuf,
        #[command(flatten)]
        look: LookArgs,
    },
    /// Erase your progress (all of it, or one lesson's), after asking.
    Reset {
        /// Erase only this lesson's progress (its id, as `dockerlings lessons` lists it).
        #[arg(long, value_name = "ID")]
        lesson: Option<String>,
        /// Do not ask (needed when not run in a terminal).
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Check a lesson pack (the bundled one without DIR): lessons and quizzes load, IDs are
    /// unique, reference solutions pass, starters and listed wrong answers fail.
    VerifyLessons {
        /// The pack folder to check.
        dir: Option<PathBuf>,
        #[command(flatten)]
        pack: PackArg,
    },
    /// Judge one Dockerfile against one exercise (by id) of the pack: exit 0 it passes, 1 it
    /// fails, 2 it cannot be judged. For instructors and autograders.
    Grade {
        #[command(flatten)]
        args: grade::GradeArgs,
        #[command(flatten)]
        pack: PackArg,
    },
    /// Hand out exercises as files: `workshop init DIR` writes the pack's Dockerfile exercises.
    Workshop {
        #[command(subcommand)]
        command: workshop::WorkshopCommand,
        #[command(flatten)]
        pack: PackArg,
    },
    /// Watch a workshop folder (default: the current one): the exercise list, each one
    /// re-checked whenever you save its Dockerfile in your editor.
    Watch {
        /// The workshop folder (made by `dockerlings workshop init`).
        dir: Option<PathBuf>,
        /// After every save, write your results (names and scores, never your Dockerfiles)
        /// into this class folder, for the instructor's `dockerlings class` (default: the
        /// workshop's `report_to:`).
        #[arg(long, value_name = "DIR")]
        report_to: Option<PathBuf>,
        /// Your name in the class folder (default: $DOCKERLINGS_NAME, else your login name).
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        pack: PackArg,
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        look: LookArgs,
    },
    /// The instructor's live view of a class folder that learners' `watch` sessions report
    /// into: who is stuck on what, with counts per exercise.
    Class(class::ClassArgs),
}

/// Entry point used by `src/main.rs`.
pub fn main() -> ExitCode {
    let Cli {
        lessons: top_lessons,
        store: top_store,
        color,
        theme,
        plain,
        command,
    } = Cli::parse();
    // An option given before the subcommand applies to it too; after it, it wins.
    let lessons = |pack: PackArg| pack.lessons.or_else(|| top_lessons.clone());
    let progress_file = |store: StoreArg| {
        store
            .progress_file
            .or_else(|| top_store.progress_file.clone())
    };
    let look = |look: LookArgs| (look.color.unwrap_or(color), look.theme.or(theme));
    match command {
        None if plain || crate::plain::terminal_is_dumb() => {
            course::open_plain(top_lessons.as_deref(), top_store.progress_file.as_deref())
        }
        None => with_colours((color, theme), |colours| {
            course::open(
                top_lessons.as_deref(),
                top_store.progress_file.as_deref(),
                colours,
            )
        }),
        Some(Command::Check { args, look: l }) => {
            let (color, theme) = look(l);
            check::run(args, color, theme)
        }
        Some(Command::Rules(args)) => rules::run(args),
        Some(Command::Explain(args)) => explain::run(args),
        Some(Command::Inspect { args, look: l }) => {
            let (color, theme) = look(l);
            with_theme(theme, |t| inspect::run(args, color, t))
        }
        Some(Command::Lessons { format, pack }) => lessons::run(lessons(pack).as_deref(), format),
        Some(Command::Notes { file, look: l }) => with_colours(look(l), |c| notes::run(&file, c)),
        Some(Command::Parse { file, format }) => parse::run(&file, format),
        Some(Command::Progress { args, pack, store }) => progress::run(
            args,
            lessons(pack).as_deref(),
            progress_file(store).as_deref(),
        ),
        Some(Command::VerifyLessons { dir, pack }) => {
            verify_lessons::run(dir.or_else(|| lessons(pack)).as_deref())
        }
        Some(Command::Reset { lesson, yes, store }) => {
            reset::run(lesson.as_deref(), yes, progress_file(store).as_deref())
        }
        Some(Command::Grade { args, pack }) => grade::run(args, lessons(pack).as_deref()),
        Some(Command::Workshop { command, pack }) => {
            workshop::run(command, lessons(pack).as_deref())
        }
        Some(Command::Watch {
            dir,
            report_to,
            name,
            pack,
            store,
            look: chosen,
        }) => with_colours(look(chosen), |colours| {
            watch::run(
                dir.as_deref(),
                lessons(pack).as_deref(),
                progress_file(store).as_deref(),
                watch::Report {
                    to: report_to.as_deref(),
                    name: name.as_deref(),
                },
                &colours,
            )
        }),
        Some(Command::Class(mut args)) => {
            let chosen = look(std::mem::take(&mut args.look));
            with_colours(chosen, |colours| class::run(args, &colours))
        }
    }
}

/// Runs `open` with the code colours the terminal UI draws with, from `--color` and the theme.
fn with_colours(
    (color, theme): (ColorChoice, Option<CodeTheme>),
    open: impl FnOnce(CodeColours) -> ExitCode,
) -> ExitCode {
    with_theme(theme, |theme| open(CodeColours::for_terminal(color, theme)))
}

/// Runs `run` with the theme (`flag`, else the config's; see [`theme`]), or exits 2 when the
/// config cannot be read.
fn with_theme(flag: Option<CodeTheme>, run: impl FnOnce(CodeTheme) -> ExitCode) -> ExitCode {
    match theme(flag, true) {
        Ok(theme) => run(theme),
        Err(code) => code,
    }
}

/// `--theme`, else the `theme` of the .dockerlings.yaml found upward from the current directory
/// (when `use_config`), else `ansi`. A config file that cannot be read is an error (exit 2).
fn theme(flag: Option<CodeTheme>, use_config: bool) -> Result<CodeTheme, ExitCode> {
    if let Some(theme) = flag {
        return Ok(theme);
    }
    if !use_config {
        return Ok(CodeTheme::default());
    }
    match crate::config::theme_here() {
        Ok(theme) => Ok(theme.unwrap_or_default()),
        Err(err) => {
            eprintln!("dockerlings: {}", shown(&err));
            Err(ExitCode::from(2))
        }
    }
}

/// `message` as a terminal may show it: errors and notices quote paths, ids, names and file
/// text, so they go through [`crate::escape::line`] (one line: a newline cannot forge another).
fn shown(message: impl std::fmt::Display) -> String {
    crate::escape::line(&message.to_string()).into_owned()
}

/// Writes a command's whole report to stdout. A closed pipe (`| head`) is the reader's choice,
/// not our failure, so it is not an error.
fn write_report(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => Err(err),
        _ => Ok(()),
    }
}
