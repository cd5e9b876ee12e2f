//! What the shell-analysis rules (DK4xx) share: every RUN's parsed scripts with the shell
//! that runs them, and the way from a script's byte range to a Dockerfile span.
//!
//! The shell: the stage's last `SHELL` (inherited from a parent stage), else a
//! `# hadolint shell=` pragma, else `/bin/sh`. PowerShell and cmd (a SHELL naming them, or a
//! Windows base image, whose default is cmd) are not read at all; nor is a script the parser
//! could not read.

use std::borrow::Cow;
use std::ops::Range;

use super::Ctx;
use super::run_steps::{non_posix, run_of};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Instruction, Keyword, Span};
use crate::dockerfile::model::stage::unquote;
use crate::dockerfile::model::{Base, Stage};
use crate::dockerfile::sh::run::{Script, Shell};
use crate::dockerfile::sh::{List, Word};

/// One parsed script of a RUN, with what the rules need to judge and report it.
pub(super) struct ShScript<'c, 'a> {
    ctx: &'c Ctx<'a>,
    pub ins: &'a Instruction,
    pub stage: &'c Stage,
    pub shell: Shell,
    pub script: &'c Script<'a>,
    pub list: &'c List,
}

impl ShScript<'_, '_> {
    pub(super) fn text(&self) -> &str {
        self.script.text
    }

    /// The Dockerfile span of a byte range of the script.
    pub(super) fn span(&self, range: Range<usize>) -> Span {
        self.script
            .span(self.ctx.source, self.ins, self.ctx.df().escape, range)
    }

    /// A word's literal value (no expansions), if it has one.
    pub(super) fn literal(&self, w: &Word) -> Option<Cow<'_, str>> {
        w.literal(self.script.text)
    }

    /// The value the Dockerfile gives `name` before this RUN: its last ENV in the stage, or the
    /// default of its last ARG there or of the global ARG it brings in (the build may override
    /// an ARG, rarely with another shape). `None` when not set there or without a default.
    pub(crate) fn known_value(&self, name: &str) -> Option<String> {
        let before = self.ins.span.start.offset;
        let mut value = None;
        for (_, ins) in self.ctx.stage_body(self.stage) {
            if ins.span.start.offset >= before {
                break;
            }
            match &ins.args {
                Args::KeyValues { pairs, .. } if ins.keyword == Keyword::Env => {
                    for p in pairs.iter().filter(|p| p.key.text == name) {
                        value = Some(unquote(&p.value.text));
                    }
                }
                Args::Arg(decls) => {
                    for d in decls.iter().filter(|d| d.name.text == name) {
                        // `ARG NAME` alone in a stage takes the global ARG's default.
                        value = match &d.default {
                            Some(v) => Some(unquote(&v.text)),
                            None => self.ctx.model.global_default(name).map(str::to_string),
                        };
                    }
                }
                _ => {}
            }
        }
        value
    }

    /// How sure a finding about a form dash rejects can be: `None` when the script is not run
    /// by /bin/sh, or /bin/sh is BusyBox (which accepts it); a warning when the image table
    /// knows /bin/sh is dash; information when it does not know the image.
    pub(crate) fn bashism_severity(&self) -> Option<Severity> {
        if self.shell != Shell::Sh {
            return None;
        }
        match self.sh_flavour() {
            Some(ShFlavour::BusyBox) => None,
            Some(ShFlavour::Dash) => Some(Severity::Warning),
            None => Some(Severity::Info),
        }
    }

    /// What `/bin/sh` is in the stage's image, when the image table knows its distribution.
    fn sh_flavour(&self) -> Option<ShFlavour> {
        let distro = self.stage.image_info.as_ref()?.distro.as_deref()?;
        if distro.starts_with("debian") || distro.starts_with("ubuntu") {
            Some(ShFlavour::Dash)
        } else if distro.starts_with("alpine") {
            Some(ShFlavour::BusyBox)
        } else {
            None
        }
    }
}

/// Which POSIX shell `/bin/sh` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ShFlavour {
    /// Debian's and Ubuntu's: strict, few extensions.
    Dash,
    /// Alpine's BusyBox ash: accepts several bash forms (`==` in `[`, `echo -e`).
    BusyBox,
}

/// A RUN read as sh syntax: its instruction index, its stage's index, the stage's shell.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ShRun {
    index: usize,
    stage: usize,
    shell: Shell,
}

/// Every readable shell script of every RUN (ONBUILD RUN triggers included), in file order,
/// whose text passes the rule's `may_find` test (`$` for an unquoted variable, `==` for a
/// test): a script no rule can find anything in is never parsed, and a rule does not walk
/// the scripts it has nothing to look for in. Most of the cost of shell analysis is parsing.
pub(super) fn scripts<'c, 'a>(
    ctx: &'c Ctx<'a>,
    may_find: impl Fn(&str) -> bool,
) -> Vec<ShScript<'c, 'a>> {
    let mut out = Vec::new();
    for run in ctx.sh_runs() {
        let ins = ctx.ins(run.index);
        let Some(run_ins) = run_of(ins) else { continue };
        for script in &ctx.sh(run.index, run_ins).scripts {
            if !may_find(script.text) {
                continue;
            }
            if let Ok(list) = script.parsed() {
                out.push(ShScript {
                    ctx,
                    ins: run_ins,
                    stage: &ctx.model.stages[run.stage],
                    shell: script.shell.unwrap_or(run.shell),
                    script,
                    list,
                });
            }
        }
    }
    out
}

/// Whether a script has a command substitution (`$(` or a backtick).
pub(super) fn has_subst(text: &str) -> bool {
    text.contains('`') || text.contains("$(")
}

/// The RUNs of the file with the shell each runs under, for [`Ctx::sh_runs`] to keep.
pub(crate) fn run_shells(ctx: &Ctx<'_>) -> Vec<ShRun> {
    let pragma = ctx.pragma_shell();
    let mut out = Vec::new();
    // The shell each stage ends with, for the stages built FROM it; `None` = not sh syntax.
    let mut ends: Vec<Option<Shell>> = Vec::new();
    for (s, st) in ctx.model.stages.iter().enumerate() {
        let mut shell = match (&st.base, pragma) {
            (Base::Stage { index }, _) => ends.get(*index).copied().flatten(),
            _ if windows(st) => None,
            (_, Some(p)) => named_shell(p),
            (_, None) => Some(Shell::Sh),
        };
        for (i, ins) in ctx.stage_body(st) {
            if let (Keyword::Shell, Args::Exec { elements, .. }) = (&ins.keyword, &ins.args) {
                shell = elements
                    .first()
                    .filter(|_| !elements.iter().any(|w| non_posix(&w.text)))
                    .and_then(|w| named_shell(&w.text));
            }
            if let (Some(_), Some(shell)) = (run_of(ins), shell) {
                out.push(ShRun {
                    index: i,
                    stage: s,
                    shell,
                });
            }
        }
        ends.push(shell);
    }
    out
}

/// sh or bash by a program's name or path; `None` for anything else (zsh, PowerShell…).
fn named_shell(program: &str) -> Option<Shell> {
    match program.rsplit('/').next()? {
        "sh" | "ash" | "dash" => Some(Shell::Sh),
        "bash" => Some(Shell::Bash),
        _ => None,
    }
}

/// A Windows base image: its RUNs go to cmd unless SHELL says otherwise.
fn windows(st: &Stage) -> bool {
    let written = match &st.base {
        Base::Image { written, .. } | Base::Unresolved { written, .. } => written,
        Base::Stage { .. } => return false,
    };
    let w = written.to_ascii_lowercase();
    w.starts_with("mcr.microsoft.com/windows") || w.contains("nanoserver")
}

/// The words of a command where an unquoted expansion splits against the author's intent:
/// inside a longer word (a path or URL), or any operand of `cd`, `[` and `test`. A word that
/// is only the expansion elsewhere may be a list split on purpose (`apk add $BUILD_DEPS`,
/// `$(test … && echo --flag)`); a declaration's `A=$B` is not split at all.
pub(super) fn split_never_meant<'t>(
    sc: &ShScript<'_, '_>,
    words: &'t [Word],
) -> impl Iterator<Item = &'t Word> {
    let program = words.first().and_then(|w| sc.literal(w));
    let operands = matches!(program.as_deref(), Some("cd" | "[" | "test"));
    let declaration = declares(sc, words);
    let text = sc.text();
    words.iter().filter(move |w| {
        !(declaration && w.text(text).contains('=')) && (operands || w.parts.len() >= 2)
    })
}

/// Whether a command's arguments are declarations (`export A=$B`): bash, and POSIX since
/// 2024, neither split nor glob the value of such an argument.
pub(super) fn declares(sc: &ShScript<'_, '_>, words: &[Word]) -> bool {
    words
        .first()
        .and_then(|w| sc.literal(w))
        .is_some_and(|p| matches!(&*p, "export" | "local" | "declare" | "readonly" | "typeset"))
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn shell_follows_shell_instruction_pragma_and_windows() {
        let on = |src: &str| !findings(src, "DK401").is_empty();
        let run = "RUN cd $DIR\n";
        assert!(on(&format!("FROM alpine:3.22\n{run}")));
        assert!(!on(&format!(
            "FROM alpine:3.22\nSHELL [\"pwsh\", \"-c\"]\n{run}"
        )));
        assert!(!on(&format!(
            "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n{run}"
        )));
        assert!(!on(&format!(
            "# hadolint shell=powershell\nFROM alpine:3.22\n{run}"
        )));
        // A stage built FROM a PowerShell stage keeps its shell.
        assert!(!on(&format!(
            "FROM alpine:3.22 AS a\nSHELL [\"pwsh\", \"-c\"]\nFROM a\n{run}"
        )));
        assert!(on(&format!(
            "FROM alpine:3.22 AS a\nSHELL [\"/bin/bash\", \"-c\"]\nFROM a\n{run}"
        )));
    }
}
