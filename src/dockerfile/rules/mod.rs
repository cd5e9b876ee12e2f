//! The rule registry. Each rule is a [`RuleInfo`]: a stable ID, a severity, a one-line title, a
//! longer explanation, the lesson section that teaches it, and a check function. Each rule lives
//! in its own file; [`all`] lists them sorted by ID.
//!
//! IDs: hadolint's `DLxxxx` where a rule means the same as hadolint's (BuildKit's check name as
//! an alias where it overlaps); our own otherwise: `DK1xx` would stop `docker build`, `DK2xx`
//! multi-stage and distroless mistakes, `DK3xx` BuildKit build checks that hadolint lacks, `DK4xx`
//! shell analysis of RUN scripts (ShellCheck's code as an alias).

mod add_for_copy;
mod apk_cache;
mod apk_pin;
mod apt_lists;
mod apt_not_apt_get;
mod apt_pin;
mod apt_recommends;
mod apt_yes;
mod arg_default_invalid;
mod args;
mod arguments;
mod backticks;
mod base_invalid;
mod base_platform;
mod before_from;
mod build_tools_shipped;
mod cd_in_run;
mod cgo_libc;
mod chain;
mod cmd_repeats_entrypoint;
mod consecutive_run;
mod copy_all_before_install;
mod copy_archive;
mod copy_from_missing;
mod copy_from_self;
mod copy_ignored;
mod copy_multi_source;
mod copy_relative_dest;
mod copy_whole_fs;
mod definition_description;
mod deprecated_image;
mod dnf_clean;
mod dnf_pin;
mod dnf_yes;
mod echo_flags;
mod empty_continuation;
mod env_self_reference;
mod eol_base;
mod expose_format;
mod expose_proto_casing;
mod expose_range;
mod final_on_sdk;
mod final_runs_as_root;
mod flags;
mod floating_image;
mod from_arguments;
mod from_as_casing;
mod from_names_no_stage;
mod from_variable;
mod gem_pin;
mod go_pin;
mod instruction_casing;
mod instruction_overridden;
mod jar_version;
mod json_args;
mod label_key;
mod latest_tag;
mod legacy_key_value;
mod libc_mismatch;
mod maintainer;
mod masked_status;
mod multiple_cmd;
mod multiple_entrypoint;
mod multiple_healthcheck;
mod no_from;
mod node_modules_mismatch;
mod node_modules_missing;
mod npm_pin;
mod parse_error;
mod pip_cache;
mod pip_pin;
mod pipefail_shell;
mod platform_constant;
mod pointless_command;
mod program_missing;
mod python_env_mismatch;
mod relative_cmd;
mod root_user;
mod rpm_tools;
mod run_steps;
mod secrets_in_args;
mod sh_scripts;
mod shell_form_cmd;
mod shell_run;
mod shell_symlink;
mod stage_name_casing;
mod stage_name_duplicate;
mod stage_name_invalid;
mod stage_name_reserved;
mod stage_reference;
mod sudo;
mod target_missing;
mod target_platform_flag;
mod test_double_equals;
mod text;
mod undefined_arg_in_from;
mod undefined_var;
mod unknown_instruction;
mod unquoted_subst;
mod unquoted_var;
mod untagged_image;
mod user_by_name;
mod user_missing;
mod user_name_on_scratch;
mod useradd_uid;
mod wget_and_curl;
mod wget_progress;
mod workdir_relative;
mod yarn_cache;
mod yum_clean;
mod yum_pin;
mod yum_yes;
mod zypper_clean;
mod zypper_dist_upgrade;
mod zypper_pin;
mod zypper_yes;
use crate::dockerfile::shell;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::OnceLock;

use serde::Serialize;

use crate::dockerfile::ast::{Args, Dockerfile, Instruction, ParseResult, Span};
use crate::dockerfile::build::BuildModel;
use crate::dockerfile::dockerignore::DockerIgnore;
use crate::dockerfile::model::{Model, Stage, location, script_text};
use crate::dockerfile::sh::run::RunScripts;
use crate::dockerfile::{Diagnostic, Fix, Severity};

/// What the rules look at.
pub struct Ctx<'a> {
    pub source: &'a str,
    pub parse: &'a ParseResult,
    pub model: &'a Model,
    /// The source's lines, for fixes: indexed on the first fix (most files need none) and
    /// once only, so fixes stay cheap on big files.
    /// Kept as byte ranges, not slices, so `Ctx` stays covariant in `'a`.
    lines: OnceCell<Vec<(usize, usize)>>,
    /// Each instruction's script, split on first use: a dozen rules read every RUN.
    scripts: Vec<OnceCell<RunScript<'a>>>,
    /// Each RUN's shell scripts parsed for the shell-analysis rules, on first use.
    sh: Vec<OnceCell<RunScripts<'a>>>,
    /// The RUNs read as sh syntax, with their shells (six rules ask).
    sh_runs: OnceCell<Vec<sh_scripts::ShRun>>,
    /// Every RUN of a stage, found once: thirty rules ask.
    runs: OnceCell<Vec<RunRef>>,
    /// The `# hadolint shell=` pragma, read once.
    pragma_shell: OnceCell<Option<&'a str>>,
    /// The build model, evaluated on first use (only the model-based rules need it).
    build: OnceCell<BuildModel>,
    /// The build context's `.dockerignore`, when the caller found one.
    pub dockerignore: Option<&'a DockerIgnore>,
}

/// An instruction's script text (see [`script_text`]) and its split into commands.
#[derive(Debug, Clone)]
pub struct RunScript<'a> {
    pub text: Cow<'a, str>,
    pub script: shell::Script<'a>,
    /// A one-word Bloom filter of the programs its commands run (see [`RunRef::may_call`]).
    calls: u64,
}

impl<'a> RunScript<'a> {
    /// Borrows the shell-form text of a RUN from the instruction (words then borrow from
    /// it too); exec-form and heredoc scripts are built, so they own their words.
    fn of(ins: &'a Instruction) -> Self {
        if ins.heredocs.is_empty() && !matches!(ins.args, Args::Exec { .. }) {
            let text = ins.args_text.text.as_str();
            return Self::new(Cow::Borrowed(text), shell::parse(text));
        }
        Self::owned(ins)
    }

    fn owned(ins: &Instruction) -> RunScript<'static> {
        let text = script_text(ins);
        let script = shell::parse(&text).into_owned();
        RunScript::new(Cow::Owned(text), script)
    }

    fn new(text: Cow<'a, str>, script: shell::Script<'a>) -> Self {
        // The program after any wrappers (`Command::is`), and the first word (`sudo`).
        let bit = |w: &Cow<'_, str>| program_bit(w.rsplit('/').next().unwrap_or(w));
        let calls = script.commands.iter().fold(0, |bits, c| {
            let first = c.words.first().map_or(0, bit);
            bits | first | c.without_wrappers().first().map_or(0, bit)
        });
        RunScript {
            text,
            script,
            calls,
        }
    }
}

/// A RUN (or ONBUILD RUN) of a stage: its stage, its instruction's index, and the filter of
/// the programs its commands run (see [`RunRef::may_call`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct RunRef {
    pub stage: usize,
    pub index: usize,
    calls: u64,
}

impl RunRef {
    /// Whether some command may run one of `programs` (bare names, as [`shell::Command::is`]
    /// takes them): `false` means none does. Thirty RUN rules each look for one program,
    /// and most RUNs run none of them; this lets a rule skip those without reading them.
    pub(crate) fn may_call(&self, programs: &[&str]) -> bool {
        programs.iter().any(|p| self.calls & program_bit(p) != 0)
    }
}

/// A program name's bit in [`RunRef::may_call`]'s filter (FNV-1a, folded to 6 bits).
fn program_bit(name: &str) -> u64 {
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    1 << (hash % 64)
}

impl<'a> Ctx<'a> {
    pub fn new(source: &'a str, parse: &'a ParseResult, model: &'a Model) -> Self {
        Ctx {
            source,
            parse,
            model,
            lines: OnceCell::new(),
            scripts: (0..parse.dockerfile.instructions.len())
                .map(|_| OnceCell::new())
                .collect(),
            sh: (0..parse.dockerfile.instructions.len())
                .map(|_| OnceCell::new())
                .collect(),
            sh_runs: OnceCell::new(),
            runs: OnceCell::new(),
            pragma_shell: OnceCell::new(),
            build: OnceCell::new(),
            dockerignore: None,
        }
    }

    /// Every stage's filesystem as the build leaves it (see [`crate::dockerfile::build`]).
    pub fn build(&self) -> &BuildModel {
        self.build.get_or_init(|| {
            BuildModel::evaluate_with(&self.parse.dockerfile, self.model, &|i| {
                Some(
                    &self.scripts[i]
                        .get_or_init(|| RunScript::of(self.ins(i)))
                        .script,
                )
            })
        })
    }

    /// The build model if a rule evaluated it, for the lint result to keep.
    pub(crate) fn into_build(self) -> OnceCell<BuildModel> {
        self.build
    }

    /// The instruction that starts on `line`, with its index.
    pub(crate) fn ins_at_line(&self, line: u32) -> Option<(usize, &'a Instruction)> {
        let all = &self.parse.dockerfile.instructions;
        let i = all.partition_point(|i| i.start_line < line);
        all.get(i)
            .filter(|ins| ins.start_line == line)
            .map(|ins| (i, ins))
    }

    /// `ins`'s script, split once per file. An instruction from outside this file's list
    /// (none today) is split afresh rather than cached.
    pub fn script(&self, ins: &Instruction) -> Cow<'_, RunScript<'a>> {
        match self.index_of(ins) {
            Some(i) => Cow::Borrowed(self.scripts[i].get_or_init(|| RunScript::of(self.ins(i)))),
            None => Cow::Owned(RunScript::owned(ins)),
        }
    }

    /// The shell scripts of `run`, parsed once per file: the RUN at index `i`, or the trigger
    /// of the `ONBUILD RUN` at `i`.
    pub fn sh(&self, i: usize, run: &'a Instruction) -> &RunScripts<'a> {
        self.sh[i].get_or_init(|| RunScripts::of(run))
    }

    /// Every RUN (or ONBUILD RUN) in a stage, in file order.
    pub(crate) fn run_refs(&self) -> &[RunRef] {
        self.runs.get_or_init(|| {
            let mut out = Vec::new();
            for st in &self.model.stages {
                for (index, ins) in self.stage_body(st) {
                    if let Some(run) = run_steps::run_of(ins) {
                        out.push(RunRef {
                            stage: st.index,
                            index,
                            calls: self.script(run).calls,
                        });
                    }
                }
            }
            out
        })
    }

    /// The RUNs read as sh syntax and their shells (see [`sh_scripts::run_shells`]).
    pub(crate) fn sh_runs(&self) -> &[sh_scripts::ShRun] {
        self.sh_runs.get_or_init(|| sh_scripts::run_shells(self))
    }

    /// The position of `ins` in the instruction list, by address (O(1); no search).
    fn index_of(&self, ins: &Instruction) -> Option<usize> {
        let all = &self.parse.dockerfile.instructions;
        let offset = (ins as *const Instruction as usize).checked_sub(all.as_ptr() as usize)?;
        let size = std::mem::size_of::<Instruction>();
        let i = offset / size.max(1);
        (offset % size.max(1) == 0 && i < all.len() && std::ptr::eq(&all[i], ins)).then_some(i)
    }

    /// Top-level instructions plus ONBUILD triggers (the rules BuildKit applies to both).
    pub(crate) fn with_triggers(&self) -> impl Iterator<Item = &'a Instruction> + 'a {
        self.parse.dockerfile.instructions.iter().flat_map(|i| {
            let trigger = match &i.args {
                Args::Onbuild(Some(t)) => Some(t.as_ref()),
                _ => None,
            };
            std::iter::once(i).chain(trigger)
        })
    }

    pub fn df(&self) -> &'a Dockerfile {
        &self.parse.dockerfile
    }

    pub fn ins(&self, index: usize) -> &'a Instruction {
        &self.parse.dockerfile.instructions[index]
    }

    /// Each stage with its instructions after FROM, as (index, instruction).
    pub(crate) fn stage_body(
        &self,
        st: &Stage,
    ) -> impl Iterator<Item = (usize, &'a Instruction)> + 'a {
        let ins = &self.parse.dockerfile.instructions;
        st.body().map(move |i| (i, &ins[i]))
    }

    /// The shell named by a `# hadolint shell=…` (or `# dockerlings shell=…`) pragma: the
    /// shell the file's RUNs are written for when no SHELL instruction says so.
    pub fn pragma_shell(&self) -> Option<&'a str> {
        // Kept: several rules ask, and each asking read the whole file.
        *self.pragma_shell.get_or_init(|| {
            memchr::memmem::find(self.source.as_bytes(), b"shell=")?;
            self.source
                .lines()
                .find_map(|l| pragma(l)?.strip_prefix("shell=").map(str::trim))
        })
    }

    /// The text of source line `line` (1-based), without its line end.
    pub(crate) fn line_text(&self, line: usize) -> Option<&'a str> {
        let &(start, len) = self.line_range(line)?;
        Some(self.source[start..start + len].trim_end_matches('\r'))
    }

    /// The span of the whole of source line `line` (1-based), without its line end.
    pub(crate) fn line_span(&self, line: usize) -> Option<Span> {
        let &(start, _) = self.line_range(line)?;
        let text = self.line_text(line)?;
        let at = |column: usize, offset: usize| crate::dockerfile::ast::Pos {
            line: line as u32,
            column: column as u32,
            offset,
        };
        Some(Span {
            start: at(1, start),
            end: at(text.chars().count() + 1, start + text.len()),
        })
    }

    fn line_range(&self, line: usize) -> Option<&(usize, usize)> {
        let ranges = self.lines.get_or_init(|| {
            // `str::lines`, by memchr: the first fix of every file pays for this.
            let bytes = self.source.as_bytes();
            let mut start = 0;
            let mut out = Vec::with_capacity(bytes.len() / 32 + 1);
            for end in memchr::memchr_iter(b'\n', bytes) {
                out.push((start, end - start));
                start = end + 1;
            }
            if start < bytes.len() {
                out.push((start, bytes.len() - start));
            }
            out
        });
        ranges.get(line.checked_sub(1)?)
    }
}

/// What follows `# hadolint` or `# dockerlings` on a comment line (`ignore=…`, `shell=…`,
/// `global ignore=…`), trimmed.
pub fn pragma(line: &str) -> Option<&str> {
    let c = line.trim_start().strip_prefix('#')?.trim();
    let rest = c
        .strip_prefix("hadolint")
        .or_else(|| c.strip_prefix("dockerlings"))?;
    rest.starts_with(char::is_whitespace).then(|| rest.trim())
}

/// A check: looks at the context and reports findings.
pub(crate) type CheckFn = fn(&Ctx<'_>, &mut Report);

/// One rule of the registry.
#[derive(Clone, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    /// Other names for the same rule (BuildKit's check name).
    pub aliases: &'static [&'static str],
    pub severity: Severity,
    /// One line: what is wrong.
    pub title: &'static str,
    /// Why it matters and what to do instead.
    pub explanation: &'static str,
    /// The lesson section that teaches it (`lesson-id/section`), if any.
    pub lesson: Option<&'static str>,
    /// Whether a finding means the image would not start or a RUN step would fail (see
    /// [`crate::dockerfile::lint::is_run_reason`]; `would_run` and the quiz's `runs` read it).
    pub runtime: bool,
    #[serde(skip)]
    pub(crate) check: CheckFn,
}

impl std::fmt::Debug for RuleInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleInfo")
            .field("id", &self.id)
            .field("severity", &self.severity)
            .finish_non_exhaustive()
    }
}

impl RuleInfo {
    /// Whether `name` is this rule's ID or one of its aliases (case-insensitive).
    pub(crate) fn is_named(&self, name: &str) -> bool {
        self.id.eq_ignore_ascii_case(name)
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }
}

/// Collects the findings of one rule.
pub struct Report {
    rule: &'static str,
    severity: Severity,
    pub(crate) found: Vec<Diagnostic>,
}

impl Report {
    pub(crate) fn new(info: &RuleInfo) -> Self {
        Report {
            rule: info.id,
            severity: info.severity,
            found: Vec::new(),
        }
    }

    /// Reports `message` at `span`.
    pub fn at(&mut self, span: Span, message: impl Into<String>) {
        self.push(span, message.into(), None);
    }

    /// Reports `message` at `span` at a lower severity than the rule's (a likely, not a known,
    /// failure).
    pub(crate) fn at_severity(
        &mut self,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) {
        self.push(span, message.into(), None);
        if let Some(d) = self.found.last_mut() {
            d.severity = severity.min(self.severity);
        }
    }

    /// Reports `message` at `span`, with a certain fix: the whole line becomes `replacement`.
    pub fn fix(
        &mut self,
        span: Span,
        message: impl Into<String>,
        line: usize,
        replacement: String,
    ) {
        let fix = Fix {
            line,
            replacement,
            safe: false,
        };
        self.push(span, message.into(), Some(fix));
    }

    /// Like [`Report::fix`], for a fix that is safe to apply unasked ([`Fix::safe`]).
    pub fn safe_fix(
        &mut self,
        span: Span,
        message: impl Into<String>,
        line: usize,
        replacement: String,
    ) {
        self.fix(span, message, line, replacement);
        if let Some(fix) = self.found.last_mut().and_then(|d| d.fix.as_mut()) {
            fix.safe = true;
        }
    }

    fn push(&mut self, span: Span, message: String, fix: Option<Fix>) {
        // A file-level finding may come with an empty span: point at 1:1, never at line 0.
        let mut location = location(span);
        location.line = location.line.max(1);
        location.column = location.column.max(1);
        location.end_line = location.end_line.max(location.line);
        location.end_column = location.end_column.max(1);
        self.found.push(Diagnostic {
            rule: self.rule,
            severity: self.severity,
            message,
            location,
            fix,
        });
    }
}

/// Every rule, sorted by ID.
pub fn all() -> &'static [RuleInfo] {
    static ALL: OnceLock<Vec<RuleInfo>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut v = vec![
            add_for_copy::RULE,
            apk_cache::RULE,
            apk_pin::RULE,
            apt_lists::RULE,
            apt_not_apt_get::RULE,
            apt_pin::RULE,
            apt_recommends::RULE,
            apt_yes::RULE,
            arg_default_invalid::RULE,
            arguments::RULE,
            backticks::RULE,
            base_invalid::RULE,
            base_platform::RULE,
            before_from::RULE,
            build_tools_shipped::RULE,
            cd_in_run::RULE,
            cgo_libc::RULE,
            cmd_repeats_entrypoint::RULE,
            consecutive_run::RULE,
            copy_all_before_install::RULE,
            copy_archive::RULE,
            copy_from_missing::RULE,
            copy_from_self::RULE,
            copy_ignored::RULE,
            copy_multi_source::RULE,
            copy_relative_dest::RULE,
            copy_whole_fs::RULE,
            definition_description::RULE,
            deprecated_image::RULE,
            dnf_clean::RULE,
            dnf_pin::RULE,
            dnf_yes::RULE,
            echo_flags::RULE,
            empty_continuation::RULE,
            env_self_reference::RULE,
            eol_base::RULE,
            expose_format::RULE,
            expose_proto_casing::RULE,
            expose_range::RULE,
            final_on_sdk::RULE,
            final_runs_as_root::RULE,
            flags::RULE,
            floating_image::RULE,
            from_arguments::RULE,
            from_as_casing::RULE,
            from_names_no_stage::RULE,
            from_variable::RULE,
            gem_pin::RULE,
            go_pin::RULE,
            instruction_casing::RULE,
            instruction_overridden::RULE,
            jar_version::RULE,
            json_args::RULE,
            label_key::RULE,
            latest_tag::RULE,
            legacy_key_value::RULE,
            libc_mismatch::RULE,
            maintainer::RULE,
            masked_status::RULE,
            multiple_cmd::RULE,
            multiple_entrypoint::RULE,
            multiple_healthcheck::RULE,
            no_from::RULE,
            node_modules_mismatch::RULE,
            node_modules_missing::RULE,
            npm_pin::RULE,
            parse_error::RULE,
            pip_cache::RULE,
            pip_pin::RULE,
            pipefail_shell::RULE,
            platform_constant::RULE,
            pointless_command::RULE,
            program_missing::RULE,
            python_env_mismatch::RULE,
            relative_cmd::RULE,
            root_user::RULE,
            secrets_in_args::RULE,
            shell_form_cmd::RULE,
            shell_run::RULE,
            shell_symlink::RULE,
            stage_name_casing::RULE,
            stage_name_duplicate::RULE,
            stage_name_invalid::RULE,
            stage_name_reserved::RULE,
            stage_reference::RULE,
            sudo::RULE,
            target_missing::RULE,
            target_platform_flag::RULE,
            test_double_equals::RULE,
            undefined_arg_in_from::RULE,
            undefined_var::RULE,
            unknown_instruction::RULE,
            unquoted_subst::RULE,
            unquoted_var::RULE,
            untagged_image::RULE,
            user_by_name::RULE,
            user_missing::RULE,
            user_name_on_scratch::RULE,
            useradd_uid::RULE,
            wget_and_curl::RULE,
            wget_progress::RULE,
            workdir_relative::RULE,
            yarn_cache::RULE,
            yum_clean::RULE,
            yum_pin::RULE,
            yum_yes::RULE,
            zypper_clean::RULE,
            zypper_dist_upgrade::RULE,
            zypper_pin::RULE,
            zypper_yes::RULE,
        ];
        v.sort_by_key(|r| r.id);
        v
    })
}

/// The rule with this ID or alias (case-insensitive); for an alias shared by several rules,
/// the first by ID.
pub fn find(id: &str) -> Option<&'static RuleInfo> {
    all().iter().find(|r| r.is_named(id))
}

/// The rule with exactly this ID (a finding's `rule`): a binary search, since the list is sorted
/// by ID and every finding of every file asks.
pub(crate) fn by_id(id: &str) -> Option<&'static RuleInfo> {
    let all = all();
    all.binary_search_by(|r| r.id.cmp(id)).ok().map(|i| &all[i])
}

/// Runs every rule not in `ignore` (IDs or aliases) and returns the findings in source order.
pub fn run(ctx: &Ctx<'_>, ignore: &[String]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in all() {
        if ignore.iter().any(|i| rule.is_named(i)) {
            continue;
        }
        let mut report = Report::new(rule);
        (rule.check)(ctx, &mut report);
        out.append(&mut report.found);
    }
    out.sort_by(|a, b| (a.location, a.rule).cmp(&(b.location, b.rule)));
    out
}

/// Levenshtein distance, for did-you-mean suggestions.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The closest of `candidates` to `word` (case-insensitive) if closer than 3 edits.
pub(crate) fn suggest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let w = word.to_ascii_lowercase();
    candidates
        .iter()
        .map(|c| (edit_distance(&w, &c.to_ascii_lowercase()), *c))
        .filter(|(d, _)| *d < 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_ids_are_unique_and_complete() {
        let rules = all();
        let mut ids: Vec<&str> = rules.iter().map(|r| r.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), rules.len(), "duplicate rule IDs");
        for r in rules {
            assert!(!r.title.is_empty() && !r.explanation.is_empty(), "{}", r.id);
            assert!(
                !r.title.ends_with('.'),
                "{}: titles are one line without a full stop",
                r.id
            );
            assert!(
                r.id.starts_with("DL") || r.id.starts_with("DK"),
                "{}: IDs are DLxxxx or DKxxx",
                r.id
            );
        }
    }

    #[test]
    fn by_id_finds_every_rule_by_its_exact_id_only() {
        for r in all() {
            assert_eq!(by_id(r.id).map(|f| f.id), Some(r.id));
        }
        assert!(by_id("dl3006").is_none() && by_id("MaintainerDeprecated").is_none());
    }

    #[test]
    fn find_by_id_and_alias() {
        assert_eq!(find("dl3006").map(|r| r.id), Some("DL3006"));
        assert_eq!(find("MaintainerDeprecated").map(|r| r.id), Some("DL4000"));
        assert!(find("DL9999").is_none());
    }

    #[test]
    fn suggestions() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(suggest("FORM", &["FROM", "RUN"]), Some("FROM"));
        assert_eq!(suggest("chwon", &["chown", "chmod"]), Some("chown"));
        assert_eq!(suggest("XYZZY", &["FROM"]), None);
    }
}
