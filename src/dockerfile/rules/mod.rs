//! The rule registry. Each rule is a [`RuleInfo`]: a stable ID, a severity, a one-line title, a
//! longer explanation, the lesson section that teaches it, and a check function. A rule lives
//! in its own file (some older ones still share a family file); [`all`] lists them sorted by ID.
//!
//! IDs: hadolint's `DLxxxx` where a rule means the same as hadolint's (BuildKit's check name as
//! an alias where it overlaps); our own otherwise: `DK1xx` would stop `docker build`, `DK2xx`
//! multi-stage and distroless mistakes, `DK3xx` BuildKit build checks that hadolint lacks.

mod build;
mod build_tools_shipped;
mod casing;
mod cgo_libc;
mod chain;
mod cmd_repeats_entrypoint;
mod copy_all_before_install;
mod copy_from_missing;
mod deprecated_image;
mod final_on_sdk;
mod final_runs_as_root;
mod floating_image;
mod hygiene;
mod instructions;
mod jar_version;
mod libc_mismatch;
mod node_modules_mismatch;
mod node_modules_missing;
mod packages;
mod program_missing;
mod python_env_mismatch;
mod relative_cmd;
mod shell_form_cmd;
mod shell_run;
mod user_missing;
mod user_name_on_scratch;
// instructions.rs (DL3025's fix) reaches DK211's helper by its old family path.
pub use crate::dockerfile::shell;
use cmd_repeats_entrypoint as distroless;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::OnceLock;

use serde::Serialize;

use crate::dockerfile::ast::{Args, Dockerfile, Instruction, ParseResult, Span};
use crate::dockerfile::build::BuildModel;
use crate::dockerfile::model::{Model, Stage, location, script_text};
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
    /// The build model, evaluated on first use (only the model-based rules need it).
    build: OnceCell<BuildModel>,
}

/// An instruction's script text (see [`script_text`]) and its split into commands.
#[derive(Debug, Clone)]
pub struct RunScript<'a> {
    pub text: Cow<'a, str>,
    pub script: shell::Script<'a>,
}

impl<'a> RunScript<'a> {
    /// Borrows the shell-form text of a RUN from the instruction (words then borrow from
    /// it too); exec-form and heredoc scripts are built, so they own their words.
    fn of(ins: &'a Instruction) -> Self {
        if ins.heredocs.is_empty() && !matches!(ins.args, Args::Exec { .. }) {
            let text = ins.args_text.text.as_str();
            return RunScript {
                text: Cow::Borrowed(text),
                script: shell::parse(text),
            };
        }
        Self::owned(ins)
    }

    fn owned(ins: &Instruction) -> RunScript<'static> {
        let text = script_text(ins);
        let script = shell::parse(&text).into_owned();
        RunScript {
            text: Cow::Owned(text),
            script,
        }
    }
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
            build: OnceCell::new(),
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
    pub fn ins_at_line(&self, line: u32) -> Option<(usize, &'a Instruction)> {
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

    /// The position of `ins` in the instruction list, by address (O(1); no search).
    fn index_of(&self, ins: &Instruction) -> Option<usize> {
        let all = &self.parse.dockerfile.instructions;
        let offset = (ins as *const Instruction as usize).checked_sub(all.as_ptr() as usize)?;
        let size = std::mem::size_of::<Instruction>();
        let i = offset / size.max(1);
        (offset % size.max(1) == 0 && i < all.len() && std::ptr::eq(&all[i], ins)).then_some(i)
    }

    pub fn df(&self) -> &'a Dockerfile {
        &self.parse.dockerfile
    }

    pub fn ins(&self, index: usize) -> &'a Instruction {
        &self.parse.dockerfile.instructions[index]
    }

    /// Each stage with its instructions after FROM, as (index, instruction).
    pub fn stage_body(&self, st: &Stage) -> impl Iterator<Item = (usize, &'a Instruction)> + 'a {
        let ins = &self.parse.dockerfile.instructions;
        st.body().map(move |i| (i, &ins[i]))
    }

    /// The shell named by a `# hadolint shell=…` (or `# dockerlings shell=…`) pragma: the
    /// shell the file's RUNs are written for when no SHELL instruction says so.
    pub fn pragma_shell(&self) -> Option<&'a str> {
        // Two rules ask per file; most files have no such pragma, so look for its key first.
        memchr::memmem::find(self.source.as_bytes(), b"shell=")?;
        self.source
            .lines()
            .find_map(|l| pragma(l)?.strip_prefix("shell=").map(str::trim))
    }

    /// The text of source line `line` (1-based), without its line end.
    pub fn line_text(&self, line: usize) -> Option<&'a str> {
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
        let &(start, len) = ranges.get(line.checked_sub(1)?)?;
        Some(self.source[start..start + len].trim_end_matches('\r'))
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
pub type CheckFn = fn(&Ctx<'_>, &mut Report);

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
    pub fn is_named(&self, name: &str) -> bool {
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
    pub fn at_severity(&mut self, severity: Severity, span: Span, message: impl Into<String>) {
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
        self.push(span, message.into(), Some(Fix { line, replacement }));
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
        let mut v: Vec<RuleInfo> = [
            build::RULES,
            casing::RULES,
            hygiene::RULES,
            instructions::RULES,
            packages::RULES,
            // One rule per file: the build model's "would it run" rules and the rules rebuilt
            // on it.
            &[
                shell_run::RULE,
                shell_form_cmd::RULE,
                final_on_sdk::RULE,
                final_runs_as_root::RULE,
                copy_all_before_install::RULE,
                deprecated_image::RULE,
                floating_image::RULE,
                cmd_repeats_entrypoint::RULE,
                user_name_on_scratch::RULE,
                cgo_libc::RULE,
                build_tools_shipped::RULE,
                node_modules_missing::RULE,
                relative_cmd::RULE,
                program_missing::RULE,
                libc_mismatch::RULE,
                node_modules_mismatch::RULE,
                python_env_mismatch::RULE,
                jar_version::RULE,
                copy_from_missing::RULE,
                user_missing::RULE,
            ],
        ]
        .concat();
        v.sort_by_key(|r| r.id);
        v
    })
}

/// The rule with this ID or alias (case-insensitive); for an alias shared by several rules,
/// the first by ID.
pub fn find(id: &str) -> Option<&'static RuleInfo> {
    all().iter().find(|r| r.is_named(id))
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
