//! What exercise requirements look at: the validator's model of a Dockerfile, reduced to the
//! few facts requirements need (stages, bases, COPY --from, USER, CMD/ENTRYPOINT). Kept apart
//! from the model so requirements are testable on their own and the model can grow freely.

use crate::inspect::Estimate;

/// The stages of one Dockerfile, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Facts {
    pub stages: Vec<StageFacts>,
    /// Index into `stages` of the stage that becomes the image (the last, unless a target).
    pub final_stage: Option<usize>,
    /// The inspect engine's size estimate of the final image; `None` when not computed.
    pub final_size: Option<Estimate>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct StageFacts {
    pub name: Option<String>,
    /// The base as the build sees it (global ARG defaults substituted).
    pub base: String,
    /// When the base is an earlier stage (`FROM build`), its index.
    pub(crate) base_stage: Option<usize>,
    /// Line of the FROM.
    pub line: usize,
    /// The base image's default user when the validator's image table knows it, e.g.
    /// `Some(false)` for `gcr.io/distroless/static:nonroot`; `None` when unknown.
    pub(crate) base_runs_as_root: Option<bool>,
    pub(crate) copies_from: Vec<CopyFrom>,
    /// The last USER of the stage: the user as written, and its line.
    pub user: Option<(String, usize)>,
    /// The last CMD and the last ENTRYPOINT of the stage.
    pub commands: Vec<Command>,
}

/// A `COPY --from=…` (or `ADD --from`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CopyFrom {
    /// The `--from` value as written.
    pub from: String,
    /// The stage it names, if it names one.
    pub(crate) from_stage: Option<usize>,
    pub sources: Vec<String>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Command {
    /// `CMD` or `ENTRYPOINT`.
    pub keyword: &'static str,
    pub(crate) exec_form: bool,
    pub line: usize,
}

/// Where a fact was found: in the final stage itself or in a stage it builds on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found<T> {
    pub value: T,
    pub stage: usize,
}

impl Facts {
    pub(crate) fn final_stage(&self) -> Option<(usize, &StageFacts)> {
        let index = self.final_stage?;
        Some((index, self.stages.get(index)?))
    }

    /// The final stage and the stages it builds on (`FROM <stage>`), nearest first.
    pub(crate) fn final_chain(&self) -> Vec<(usize, &StageFacts)> {
        let mut chain = Vec::new();
        let mut next = self.final_stage;
        while let Some(index) = next {
            // A FROM naming itself or a later stage is an error the rules report; stop there.
            if chain.iter().any(|(i, _)| *i == index) {
                break;
            }
            let Some(stage) = self.stages.get(index) else {
                break;
            };
            chain.push((index, stage));
            next = stage.base_stage.filter(|&b| b < index);
        }
        chain
    }

    /// The image the final stage ultimately starts from, with the stage whose FROM names it.
    pub(crate) fn final_image(&self) -> Option<Found<&str>> {
        let (stage, facts) = *self.final_chain().last()?;
        Some(Found {
            value: facts.base.as_str(),
            stage,
        })
    }

    /// The USER in effect in the final stage, inherited along its `FROM <stage>` chain.
    pub(crate) fn final_user(&self) -> Option<Found<&(String, usize)>> {
        self.final_chain()
            .into_iter()
            .find_map(|(stage, facts)| facts.user.as_ref().map(|value| Found { value, stage }))
    }

    /// The CMD and ENTRYPOINT in effect in the final stage (each inherited along the chain).
    pub(crate) fn final_commands(&self) -> Vec<&Command> {
        let mut found: Vec<&Command> = Vec::new();
        for (_, facts) in self.final_chain() {
            for command in &facts.commands {
                if !found.iter().any(|c| c.keyword == command.keyword) {
                    found.push(command);
                }
            }
        }
        found.sort_by_key(|c| c.line);
        found
    }

    /// Index of the stage a name or number refers to (names case-insensitively, as BuildKit).
    pub(crate) fn stage_named(&self, name: &str) -> Option<usize> {
        if let Ok(n) = name.parse::<usize>() {
            return (n < self.stages.len()).then_some(n);
        }
        self.stages.iter().position(|s| {
            s.name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
    }
}
