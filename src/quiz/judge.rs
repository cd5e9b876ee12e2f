//! Judging a learner's Dockerfile: the validator lints it and builds its model; the model is
//! reduced to [`Facts`] and the exercise's requirements are evaluated on them.

use super::facts::{Command, CopyFrom, Facts, StageFacts};
use super::model::Requirement;
use super::verdict::{Verdict, evaluate};
use crate::dockerfile::ast::{Args, Instruction, Keyword};
use crate::dockerfile::lint::{LintOptions, LintResult, lint};
use crate::dockerfile::model::{Base, EdgeKind, EdgeTarget};

/// Lints `source` and checks `requirements` against it.
pub fn judge(requirements: &[Requirement], source: &str) -> Verdict {
    let result = lint(source, &LintOptions::default());
    let mut facts = facts_of(&result);
    // Only exercises that ask about the size pay for the estimate (a tenth of a lint or so).
    if requirements
        .iter()
        .any(|r| matches!(r, Requirement::FinalSizeUnderMb(_)))
    {
        facts.final_size = Some(crate::inspect::sizes(&result).final_image);
    }
    evaluate(requirements, &facts, result.diagnostics)
}

/// The facts requirements need, from the validator's model and syntax tree (`final_size` is
/// left to [`judge`], which works it out only when a requirement needs it).
pub(crate) fn facts_of(result: &LintResult) -> Facts {
    let model = &result.model;
    let instructions = &result.parse.dockerfile.instructions;
    let line_of = |i: usize| instructions.get(i).map_or(1, |ins| ins.start_line as usize);
    let stages = model
        .stages
        .iter()
        .map(|stage| {
            let (base, base_stage) = match &stage.base {
                Base::Image { image, .. } => (image.original.clone(), None),
                Base::Stage { index } => (
                    model.stages[*index]
                        .name
                        .clone()
                        .unwrap_or_else(|| index.to_string()),
                    Some(*index),
                ),
                Base::Unresolved { written, .. } => (written.clone(), None),
            };
            let body = instructions
                .get(stage.instructions.clone())
                .unwrap_or_default();
            let copies_from = model
                .edges
                .iter()
                .filter(|e| e.stage == stage.index && e.kind == EdgeKind::CopyFrom)
                .map(|e| CopyFrom {
                    from: e.written.clone(),
                    from_stage: match e.target {
                        EdgeTarget::Stage { index } => Some(index),
                        _ => None,
                    },
                    sources: instructions
                        .get(e.instruction)
                        .map(copy_sources)
                        .unwrap_or_default(),
                    line: line_of(e.instruction),
                })
                .collect();
            let user = body
                .iter()
                .rev()
                .find(|i| i.keyword == Keyword::User)
                .map(|i| (i.args_text.text.trim().to_string(), i.start_line as usize));
            let commands = [(Keyword::Cmd, "CMD"), (Keyword::Entrypoint, "ENTRYPOINT")]
                .into_iter()
                .filter_map(|(keyword, name)| {
                    let ins = body.iter().rev().find(|i| i.keyword == keyword)?;
                    Some(Command {
                        keyword: name,
                        exec_form: matches!(ins.args, Args::Exec { .. }),
                        line: ins.start_line as usize,
                    })
                })
                .collect();
            StageFacts {
                name: stage.name.clone(),
                base,
                base_stage,
                line: line_of(stage.from),
                base_runs_as_root: stage.image_info.as_ref().and_then(|i| i.runs_as_root()),
                copies_from,
                user,
                commands,
            }
        })
        .collect();
    Facts {
        stages,
        final_stage: model.final_stage,
        final_size: None,
    }
}

/// The source paths of a COPY/ADD: every argument but the destination.
fn copy_sources(ins: &Instruction) -> Vec<String> {
    let words: Vec<&str> = match &ins.args {
        Args::Words(words) => words.iter().map(|w| w.text.as_str()).collect(),
        Args::Exec { elements, .. } => elements.iter().map(|w| w.text.as_str()).collect(),
        _ => Vec::new(),
    };
    match words.split_last() {
        Some((_, sources)) => sources.iter().map(|s| s.to_string()).collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dockerfile::Severity;

    const GO_DISTROLESS: &str = "\
FROM golang:1.25 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
ENTRYPOINT [\"/app\"]
";

    #[test]
    fn facts_follow_the_model() {
        let facts = facts_of(&lint(GO_DISTROLESS, &LintOptions::default()));
        assert_eq!(facts.stages.len(), 2);
        assert_eq!(facts.final_stage, Some(1));
        let fin = &facts.stages[1];
        assert_eq!(fin.line, 6);
        assert!(
            fin.base.starts_with("gcr.io/distroless/static"),
            "{}",
            fin.base
        );
        assert_eq!(fin.copies_from[0].from_stage, Some(0));
        assert_eq!(fin.copies_from[0].sources, vec!["/out/app"]);
        assert_eq!(fin.commands[0].keyword, "ENTRYPOINT");
        assert!(fin.commands[0].exec_form);
    }

    #[test]
    fn go_on_distroless_meets_the_usual_requirements() {
        let requirements = [
            Requirement::MinStages(2),
            Requirement::FinalBase("gcr.io/distroless/*".into()),
            Requirement::FinalCopiesFrom {
                stage: "build".into(),
                path: "/out/app".into(),
            },
            Requirement::NonRoot,
            Requirement::ExecFormCmd,
            Requirement::NoFindingsAtOrAbove(Severity::Error),
        ];
        let verdict = judge(&requirements, GO_DISTROLESS);
        assert!(verdict.passed(), "{verdict:#?}");
        let broken = GO_DISTROLESS
            .replace(":nonroot", "")
            .replace("[\"/app\"]", "/app");
        let verdict = judge(&requirements, &broken);
        let failed: Vec<_> = verdict.failed_keys().collect();
        assert!(failed.contains(&"non_root"), "{verdict:#?}");
        assert!(failed.contains(&"exec_form_cmd"), "{verdict:#?}");
    }

    #[test]
    fn runs_fails_on_a_run_time_error_with_its_message_and_line() {
        let runs = [Requirement::Runs];
        let ok = judge(&runs, GO_DISTROLESS);
        assert!(ok.passed(), "{ok:#?}");
        let shell = GO_DISTROLESS.replace("ENTRYPOINT [\"/app\"]", "ENTRYPOINT /app");
        let check = &judge(&runs, &shell).checks[0];
        assert!(!check.met);
        assert_eq!(check.label, "the image would start");
        assert!(
            check.reason.starts_with("DK202 error: "),
            "{}",
            check.reason
        );
        assert_eq!(check.line, Some(8));
        // node_modules from a musl builder in a glibc runtime is a likely failure (native
        // addons, if any, will not load): named, but not failed.
        let musl_into_glibc = "\
FROM node:22-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:22-slim
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY server.js ./
USER node
CMD [\"node\", \"server.js\"]
";
        let check = &judge(&runs, musl_into_glibc).checks[0];
        assert!(check.met, "{check:?}");
        assert!(
            check.reason.contains("DK216 warns (line 8)"),
            "{}",
            check.reason
        );
        // The build model's own checks count too: the ENTRYPOINT names a path never copied.
        let moved = GO_DISTROLESS
            .replace("gcr.io/distroless/static-debian12:nonroot", "scratch")
            .replace("[\"/app\"]", "[\"/out/app\"]");
        let check = &judge(&runs, &moved).checks[0];
        assert!(
            check.reason.starts_with("DK214 error: "),
            "{}",
            check.reason
        );
        // A finding that is no run-time claim (an untagged base) leaves it alone.
        let untagged = GO_DISTROLESS.replace("golang:1.25", "golang");
        assert!(judge(&runs, &untagged).passed());
    }

    #[test]
    fn final_size_uses_the_inspect_estimate() {
        let under = [Requirement::FinalSizeUnderMb(50)];
        let verdict = judge(&under, GO_DISTROLESS);
        assert!(verdict.passed(), "{verdict:#?}");
        let fat = GO_DISTROLESS.replace("gcr.io/distroless/static-debian12:nonroot", "golang:1.25");
        let verdict = judge(&under, &fat);
        assert_eq!(
            verdict.failed_keys().collect::<Vec<_>>(),
            ["final_size_under_mb"]
        );
        assert!(
            verdict.checks[0].reason.contains("golang:1.25"),
            "{verdict:#?}"
        );
        let unknown =
            GO_DISTROLESS.replace("gcr.io/distroless/static-debian12:nonroot", "mycorp/run");
        assert!(!judge(&under, &unknown).passed());
    }

    #[test]
    fn empty_and_garbage_input_fail_without_panicking() {
        for source in ["", "\u{0}\u{1}", "FROM", "COPY --from=nowhere / /\n"] {
            let verdict = judge(&[Requirement::MinStages(1), Requirement::NonRoot], source);
            assert!(!verdict.passed(), "{source:?}");
        }
    }
}
