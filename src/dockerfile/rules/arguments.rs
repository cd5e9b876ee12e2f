//! DK109: instruction arguments of a shape BuildKit rejects.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Healthcheck, Instruction, Keyword};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK109",
    aliases: &[],
    severity: Severity::Error,
    title: "Instruction arguments BuildKit rejects",
    explanation: "Some instructions have fixed shapes: COPY/ADD need a source and a destination, SHELL must be a JSON array, WORKDIR/USER/STOPSIGNAL take one argument, HEALTHCHECK is `NONE` or `[options] CMD command`, ONBUILD cannot wrap ONBUILD, FROM or MAINTAINER, ARG names cannot be blank. The build stops at such a line.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in ctx.with_triggers() {
        if let Some(msg) = argument_problem(ins) {
            r.at(ins.span, msg);
        }
    }
}

fn argument_problem(ins: &Instruction) -> Option<String> {
    let k = ins.keyword;
    let text = ins.args_text.text.trim();
    match (k, &ins.args) {
        (Keyword::Copy | Keyword::Add, args) => {
            let n = match args {
                Args::Words(w) => w.len(),
                Args::Exec { elements, .. } => elements.len(),
                Args::Empty => 0,
                _ => 2,
            } + ins.heredocs.len().min(1);
            (n < 2).then(|| {
                format!(
                    "{k} requires at least two arguments, but only {n} was provided. Destination could not be determined"
                )
            })
        }
        (Keyword::Shell, Args::Exec { .. }) => None,
        (Keyword::Shell, _) => Some("SHELL requires the arguments to be in JSON form".into()),
        (Keyword::Workdir | Keyword::User | Keyword::Stopsignal, _) if text.is_empty() => {
            Some(format!("{k} requires exactly one argument"))
        }
        (Keyword::Workdir | Keyword::Stopsignal, _)
            if text.split_whitespace().count() > 1 && !text.starts_with(['"', '\'']) =>
        {
            Some(format!("{k} requires exactly one argument"))
        }
        (Keyword::Cmd | Keyword::Entrypoint | Keyword::Run, Args::Empty) => {
            (ins.heredocs.is_empty()).then(|| format!("{k} requires at least one argument"))
        }
        (
            Keyword::Expose | Keyword::Volume | Keyword::Label | Keyword::Env | Keyword::Arg,
            Args::Empty,
        ) => Some(format!("{k} requires at least one argument")),
        (Keyword::Arg, Args::Arg(decls)) => decls
            .iter()
            .any(|d| d.name.text.is_empty())
            .then(|| "ARG names can not be blank".to_string()),
        (Keyword::Healthcheck, Args::Healthcheck(h)) => match h {
            Healthcheck::None { extra: Some(_), .. } => {
                Some("HEALTHCHECK NONE takes no arguments".into())
            }
            Healthcheck::Cmd { command, .. } if matches!(**command, Args::Empty) => {
                Some("Missing command after HEALTHCHECK CMD".into())
            }
            Healthcheck::Other { keyword, .. } => Some(format!(
                "Unknown type \"{}\" in HEALTHCHECK (try CMD)",
                keyword.text.to_ascii_uppercase()
            )),
            _ => None,
        },
        (Keyword::Onbuild, Args::Onbuild(None)) => {
            Some("ONBUILD requires at least one argument".into())
        }
        (Keyword::Onbuild, Args::Onbuild(Some(t))) => match t.keyword {
            Keyword::Onbuild => Some("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed".into()),
            Keyword::From | Keyword::Maintainer => {
                Some(format!("{} isn't allowed as an ONBUILD trigger", t.keyword))
            }
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    fn messages(src: &str) -> Vec<String> {
        findings(src, "DK109")
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn shapes_buildkit_rejects() {
        assert_eq!(
            messages("FROM alpine:3.22\nSHELL /bin/bash -c\n"),
            ["SHELL requires the arguments to be in JSON form"]
        );
        assert_eq!(
            messages("FROM alpine:3.22\nCOPY app\n"),
            [
                "COPY requires at least two arguments, but only 1 was provided. Destination could not be determined"
            ]
        );
        assert_eq!(
            messages("FROM alpine:3.22\nONBUILD ONBUILD RUN true\n"),
            ["Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"]
        );
        assert_eq!(
            messages("FROM alpine:3.22\nHEALTHCHECK CURL x\n"),
            ["Unknown type \"CURL\" in HEALTHCHECK (try CMD)"]
        );
        assert!(messages("FROM alpine:3.22\nCOPY <<EOF /a\nx\nEOF\n").is_empty());
    }
}
