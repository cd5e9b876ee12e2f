//! What the RUN rules share: each RUN (and `ONBUILD RUN`) with its cached script split, the
//! RUNs where some command matches (one finding per instruction, however many match), and
//! mounts that keep a directory out of the layer.

use std::borrow::Cow;

use super::shell::{Command, Script};
use super::{Ctx, Report, RunScript};
use crate::dockerfile::ast::{Args, Instruction, Keyword};
use crate::dockerfile::model::graph::mount_option;

/// RUN instructions in stages (and the preamble is not a stage) with their parsed script:
/// (stage, instruction index, the RUN, its script).
pub(super) fn runs<'c, 'a>(
    ctx: &'c Ctx<'a>,
) -> impl Iterator<Item = (usize, usize, &'c Instruction, Cow<'c, RunScript<'a>>)> + 'c {
    runs_calling(ctx, &[])
}

/// The [`runs`] where some command may run one of `programs` (see [`super::RunRef::may_call`];
/// empty: every RUN), for a rule that finds nothing in the others: those are skipped unread.
pub(super) fn runs_calling<'c, 'a>(
    ctx: &'c Ctx<'a>,
    programs: &'c [&'c str],
) -> impl Iterator<Item = (usize, usize, &'c Instruction, Cow<'c, RunScript<'a>>)> + 'c {
    ctx.run_refs()
        .iter()
        .filter(move |r| programs.is_empty() || r.may_call(programs))
        .filter_map(move |r| {
            let run = run_of(ctx.ins(r.index))?;
            Some((r.stage, r.index, run, ctx.script(run)))
        })
}

/// Each RUN with the first of its commands that `bad` picks. A rule reports the RUN once, as
/// hadolint does, even when several of its commands match (`apt install a && apt install b`).
/// `bad` only picks commands that run one of `programs` (by [`Command::is`]; empty: any
/// program), so RUNs that run none of them are skipped unread.
pub(super) fn runs_with<'c>(
    ctx: &'c Ctx<'_>,
    programs: &'c [&'c str],
    bad: impl Fn(&Command<'_>) -> bool + 'c,
) -> impl Iterator<Item = &'c Instruction> + 'c {
    ctx.run_refs().iter().filter_map(move |r| {
        let may = programs.is_empty() || r.may_call(programs);
        // Tests read the skipped RUNs too, to check the promise: none has a command `bad` picks.
        if !may && !cfg!(debug_assertions) {
            return None;
        }
        let run = run_of(ctx.ins(r.index))?;
        let hit = ctx.script(run).script.commands.iter().any(&bad);
        debug_assert!(may || !hit, "a command outside {programs:?} matched");
        (may && hit).then_some(run)
    })
}

/// Reports `message` once on each RUN where some command is `bad` (see [`runs_with`]).
pub(super) fn report_runs(
    ctx: &Ctx<'_>,
    r: &mut Report,
    programs: &[&str],
    bad: impl Fn(&Command<'_>) -> bool,
    message: &str,
) {
    for ins in runs_with(ctx, programs, bad) {
        r.at(ins.span, message);
    }
}

/// The RUN an instruction is: itself, or the trigger of `ONBUILD RUN …` (it runs, with the
/// same hygiene, in every image built FROM this one; its span points into the ONBUILD line).
pub(super) fn run_of(ins: &Instruction) -> Option<&Instruction> {
    match (&ins.keyword, &ins.args) {
        (Keyword::Run, _) => Some(ins),
        (Keyword::Onbuild, Args::Onbuild(Some(t))) if t.keyword == Keyword::Run => Some(t),
        _ => None,
    }
}

/// Whether a SHELL word names a shell that does not read sh syntax (PowerShell, cmd).
pub(super) fn non_posix(word: &str) -> bool {
    word.contains("pwsh") || word.contains("powershell") || word.contains("cmd")
}

/// Whether a `--mount` over `target` (or a directory above it) keeps what is written there out
/// of the image: a cache or tmpfs mount, or a bind mount made writable (`rw`), whose writes
/// BuildKit discards.
pub(super) fn scratch_mount(ins: &Instruction, target: &str) -> bool {
    ins.flags.iter().any(|f| {
        f.name == "mount"
            && f.value.as_deref().is_some_and(|v| {
                let kind = mount_option(v, "type");
                let writable_bind = kind.as_deref() == Some("bind")
                    && v.split(',').any(|o| {
                        matches!(o.trim(), "rw" | "readwrite" | "rw=true" | "readwrite=true")
                    });
                (matches!(kind.as_deref(), Some("cache" | "tmpfs")) || writable_bind)
                    && mount_option(v, "target")
                        .or_else(|| mount_option(v, "dst"))
                        .or_else(|| mount_option(v, "destination"))
                        .is_some_and(|t| within(target, &t))
            })
    })
}

/// Whether the script runs `rm` on `dir` or something below it (`rm -rf /var/cache/yum/*`).
pub(super) fn removes(script: &Script<'_>, dir: &str) -> bool {
    script
        .commands
        .iter()
        .any(|c| c.is("rm", &[]) && c.without_wrappers().iter().any(|w| w.starts_with(dir)))
}

/// Whether `path` is `dir` or below it.
fn within(path: &str, dir: &str) -> bool {
    let dir = dir.trim_end_matches('/');
    path.strip_prefix(dir)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn a_run_is_reported_once_however_many_commands_match() {
        let src = "FROM debian:12\nRUN apt update && apt install -y curl && apt clean\n";
        assert_eq!(findings(src, "DL3027").len(), 1);
    }

    /// The RUNs `runs_with` picks on `src` for `programs`, as their first lines.
    fn picked(src: &str, programs: &[&str], bad: fn(&super::Command<'_>) -> bool) -> Vec<u32> {
        use crate::dockerfile::{model::Model, parser};
        let parse = parser::parse(src);
        let model = Model::build(&parse.dockerfile, None);
        let ctx = super::Ctx::new(src, &parse, &model);
        let lines = super::runs_with(&ctx, programs, bad).map(|i| i.start_line);
        lines.collect()
    }

    #[test]
    fn the_program_filter_sees_through_paths_and_wrappers() {
        let src = "FROM debian:12\nRUN /usr/bin/apt-get install -y curl\nRUN echo hi\n\
                   RUN sudo env A=1 apt-get update\nRUN cd /x && ls\n";
        let apt = |c: &super::Command<'_>| c.is("apt-get", &[]);
        assert_eq!(picked(src, &["apt-get"], apt), [2, 4]);
        let sudo = |c: &super::Command<'_>| c.words.first().is_some_and(|w| w == "sudo");
        assert_eq!(picked(src, &["sudo"], sudo), [4]);
        assert_eq!(picked(src, &[], |c| c.program() == Some("cd")), [5]);
        assert!(picked(src, &["apk"], |c| c.is("apk", &[])).is_empty());
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "a command outside")]
    fn a_rule_naming_the_wrong_program_fails_in_tests() {
        let src = "FROM debian:12\nRUN apt-get install -y curl\n";
        picked(src, &["apk"], |c| c.is("apt-get", &["install"]));
    }

    #[test]
    fn within_compares_whole_path_segments() {
        assert!(super::within("/var/lib/apt/lists", "/var/lib/apt/"));
        assert!(super::within("/var/lib/apt", "/var/lib/apt"));
        assert!(!super::within("/var/lib/apt-other", "/var/lib/apt"));
    }
}
