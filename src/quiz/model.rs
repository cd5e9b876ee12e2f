//! What a quiz is once loaded: pure data, checked by [`super::check`], shown by the TUI.

use std::path::PathBuf;

use crate::dockerfile::Severity;

/// One lesson's questions, from its sibling `<lesson-file-stem>.quiz.yaml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Quiz {
    pub lesson_id: String,
    pub questions: Vec<Question>,
    /// The quiz file (or `bundled:<name>`), for messages.
    pub source: PathBuf,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Unique across the pack.
    pub id: String,
    pub prompt: String,
    /// Shown after answering, right or wrong.
    pub explanation: String,
    pub hints: Vec<Hint>,
    pub kind: QuestionKind,
    /// The title of the lesson section that teaches it, for the quiz summary's links.
    pub section: Option<String>,
    /// Line of the question's `id:` in its file, for authors' messages.
    pub line: usize,
}

/// A hint; one tied to a check is offered first when that check fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub text: String,
    pub(crate) tied_to: Option<HintTrigger>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HintTrigger {
    /// A requirement key, e.g. `non_root` (see [`Requirement::key`]).
    Requirement(String),
    /// A validator rule ID, e.g. `DL3006`.
    Rule(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    /// One right choice (0-based index here; 1-based in the YAML, as the learner types it).
    Single {
        choices: Vec<String>,
        correct: usize,
    },
    /// Every right choice and no wrong one.
    Multiple {
        choices: Vec<String>,
        correct: Vec<usize>,
    },
    TrueFalse {
        answer: bool,
    },
    /// Free text, compared after [`super::check::normalise`]; any of `accept` is right.
    Short {
        accept: Vec<String>,
    },
    /// `items` in the right order; shown shuffled.
    Order {
        items: Vec<String>,
    },
    /// Pick the faulty line (1-based) of a shown Dockerfile.
    SpotBug {
        dockerfile: String,
        bug_line: usize,
    },
    Dockerfile(Box<Exercise>),
}

impl QuestionKind {
    /// The name used in YAML and in `lessons --format json`.
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "single",
            QuestionKind::Multiple { .. } => "multiple",
            QuestionKind::TrueFalse { .. } => "true_false",
            QuestionKind::Short { .. } => "short",
            QuestionKind::Order { .. } => "order",
            QuestionKind::SpotBug { .. } => "spot_bug",
            QuestionKind::Dockerfile(_) => "dockerfile",
        }
    }

    /// What the learner is asked to do, as the quiz screens say it.
    pub fn task(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "pick one",
            QuestionKind::Multiple { .. } => "pick all that apply",
            QuestionKind::TrueFalse { .. } => "true or false",
            QuestionKind::Short { .. } => "type the answer",
            QuestionKind::Order { .. } => "put in order",
            QuestionKind::SpotBug { .. } => "spot the bug",
            QuestionKind::Dockerfile(_) => "write a Dockerfile",
        }
    }

    pub const NAMES: [&'static str; 7] = [
        "single",
        "multiple",
        "true_false",
        "short",
        "order",
        "spot_bug",
        "dockerfile",
    ];
}

/// A Dockerfile the learner writes, judged by the validator against declared requirements.
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    pub starter: String,
    /// The build context the Dockerfile would see.
    pub context: Vec<ContextFile>,
    pub requirements: Vec<Requirement>,
    /// At least one; the first is shown on reveal and in the diff.
    pub solutions: Vec<String>,
    /// Answers that must fail, each by a named requirement.
    pub wrong: Vec<WrongAnswer>,
    /// The solution is offered after this many failed checks.
    pub(crate) reveal_after: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextFile {
    pub name: String,
    pub contents: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WrongAnswer {
    pub dockerfile: String,
    /// The key of the requirement that must catch it.
    pub fails: String,
    /// Line of this wrong answer's `fails:` in the quiz file.
    pub line: usize,
}

/// A check on the validator's model of the learner's Dockerfile.
#[derive(Debug, Clone, PartialEq)]
pub enum Requirement {
    MinStages(usize),
    /// Glob (`*`, `?`) on the final stage's base image, e.g. `gcr.io/distroless/*`.
    FinalBase(String),
    /// The final stage copies `path` (a source path; a trailing `*` matches a prefix) from `stage`.
    FinalCopiesFrom {
        stage: String,
        path: String,
    },
    NonRoot,
    /// The final stage's CMD and ENTRYPOINT (whichever are present, at least one) are exec form.
    ExecFormCmd,
    NoFindingsAtOrAbove(Severity),
    NoneOfRules(Vec<String>),
    /// The final image's estimated size on disk ([`crate::inspect`]) is under this many MB
    /// (1 MB = 1,000,000 bytes). Judged on the estimate's lower end; an unknown size fails.
    FinalSizeUnderMb(u64),
    /// The image would start: no run-time rule ([`crate::dockerfile::rules::RuleInfo::runtime`])
    /// raises an error. Every Dockerfile exercise has it, written or not.
    Runs,
}

impl Requirement {
    /// The YAML key, also how wrong answers and hints name the requirement.
    pub fn key(&self) -> &'static str {
        match self {
            Requirement::MinStages(_) => "min_stages",
            Requirement::FinalBase(_) => "final_base",
            Requirement::FinalCopiesFrom { .. } => "final_copies_from",
            Requirement::NonRoot => "non_root",
            Requirement::ExecFormCmd => "exec_form_cmd",
            Requirement::NoFindingsAtOrAbove(_) => "no_findings_at_or_above",
            Requirement::NoneOfRules(_) => "none_of_rules",
            Requirement::FinalSizeUnderMb(_) => "final_size_under_mb",
            Requirement::Runs => "runs",
        }
    }

    pub(crate) const KEYS: [&'static str; 9] = [
        "min_stages",
        "final_base",
        "final_copies_from",
        "non_root",
        "exec_form_cmd",
        "no_findings_at_or_above",
        "none_of_rules",
        "final_size_under_mb",
        "runs",
    ];

    /// One line a learner reads in the checklist.
    pub fn describe(&self) -> String {
        match self {
            Requirement::MinStages(n) => format!("at least {n} stages"),
            Requirement::FinalBase(glob) => format!("final image based on {glob}"),
            Requirement::FinalCopiesFrom { stage, path } => {
                format!("final stage copies {path} from stage `{stage}`")
            }
            Requirement::NonRoot => "runs as a non-root user".into(),
            Requirement::ExecFormCmd => "CMD/ENTRYPOINT in exec (JSON) form".into(),
            Requirement::NoFindingsAtOrAbove(sev) => {
                format!("no findings of severity {} or worse", sev.name())
            }
            Requirement::NoneOfRules(ids) => format!("none of {}", ids.join(", ")),
            Requirement::FinalSizeUnderMb(mb) => {
                format!("final image estimated under {mb} MB on disk")
            }
            Requirement::Runs => "the image would start".into(),
        }
    }
}
