//! DK315 (BuildKit's UndefinedVar): an instruction reads a variable nothing defines, so it
//! expands to an empty string.

use std::collections::BTreeSet;

use super::{Ctx, Report, RuleInfo, suggest};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Instruction, Keyword, Span};
use crate::dockerfile::model::Base;
use crate::dockerfile::model::expand::{expand, has_variable};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK315",
    aliases: &["UndefinedVar"],
    severity: Severity::Warning,
    title: "Variable used before anything defines it",
    explanation: "ENV, LABEL, COPY, ADD, WORKDIR, USER, VOLUME and STOPSIGNAL expand `$NAME` with the stage's ENV and its declared ARGs only: an undefined name (often a typo, or an ARG declared after its use or only before FROM) expands to an empty string, so `COPY $DIR_ASSET .` copies the whole context. Declare it first (`ARG NAME` in the stage re-imports a global ARG). Judged only in stages built on `scratch` (directly or through this file's stages), whose environment the file fully defines; on an image, the image's own ENV (unknown here) may define it.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    // Per stage, the ENV names a stage built on it inherits (`None`: rooted in an image, whose
    // own ENV is unknown). Stages only build on earlier ones, so one pass in order fills it.
    let mut inherits: Vec<Option<BTreeSet<String>>> = Vec::with_capacity(ctx.model.stages.len());
    for st in &ctx.model.stages {
        let start = match &st.base {
            // BuildKit gives scratch a default PATH.
            Base::Image { image, .. } if image.is_scratch() => {
                Some(BTreeSet::from(["PATH".into()]))
            }
            Base::Stage { index } => inherits.get(*index).cloned().flatten(),
            _ => None,
        };
        let Some(mut defined) = start else {
            inherits.push(None);
            continue;
        };
        let mut env = defined.clone();
        for (_, ins) in ctx.stage_body(st) {
            for (text, span) in expanded_words(ins) {
                report_unset(ctx, r, &defined, &text, span);
            }
            let names = defines(ins);
            if ins.keyword == Keyword::Env {
                env.extend(names.iter().cloned());
            }
            defined.extend(names);
        }
        inherits.push(Some(env));
    }
}

/// Reports each variable `text` reads that `defined` lacks.
fn report_unset(ctx: &Ctx<'_>, r: &mut Report, defined: &BTreeSet<String>, text: &str, span: Span) {
    if !has_variable(text) {
        return;
    }
    let lookup = |name: &str| defined.contains(name).then(String::new);
    let Ok(e) = expand(text, ctx.df().escape, &lookup) else {
        return;
    };
    for name in e.unset {
        let known: Vec<&str> = defined.iter().map(String::as_str).collect();
        let hint = suggest(&name, &known)
            .map(|s| format!(" (did you mean ${s}?)"))
            .unwrap_or_default();
        r.at(
            span,
            format!("Usage of undefined variable '${name}'{hint}: it expands to an empty string"),
        );
    }
}

/// The names an ENV or ARG defines from the next instruction on.
fn defines(ins: &Instruction) -> Vec<String> {
    match &ins.args {
        Args::KeyValues { pairs, .. } if ins.keyword == Keyword::Env => {
            pairs.iter().map(|kv| kv.key.text.clone()).collect()
        }
        Args::Arg(decls) => decls.iter().map(|d| d.name.text.clone()).collect(),
        _ => Vec::new(),
    }
}

/// The words BuildKit expands in `ins` (with the stage's environment), with their spans.
fn expanded_words(ins: &Instruction) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    match (ins.keyword, &ins.args) {
        (Keyword::Env | Keyword::Label, Args::KeyValues { pairs, .. }) => {
            for kv in pairs {
                if ins.keyword == Keyword::Label {
                    out.push((kv.key.text.clone(), kv.key.span));
                }
                out.push((kv.value.text.clone(), kv.value.span));
            }
        }
        (
            Keyword::Copy
            | Keyword::Add
            | Keyword::Workdir
            | Keyword::User
            | Keyword::Volume
            | Keyword::Stopsignal,
            args,
        ) => {
            if matches!(ins.keyword, Keyword::Copy | Keyword::Add) {
                for f in &ins.flags {
                    if let (true, Some(v)) =
                        (matches!(f.name.as_str(), "chown" | "chmod"), &f.value)
                    {
                        out.push((v.clone(), f.span));
                    }
                }
            }
            match args {
                Args::Words(ws) | Args::Exec { elements: ws, .. } => {
                    out.extend(ws.iter().map(|w| (w.text.clone(), w.span)));
                }
                Args::Text(w) => out.push((w.text.clone(), w.span)),
                _ => {}
            }
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    fn messages(src: &str) -> Vec<(usize, String)> {
        findings(src, "DK315")
            .into_iter()
            .map(|d| (d.location.line, d.message))
            .collect()
    }

    #[test]
    fn buildkits_cases_on_scratch() {
        // Declared (even without a value): fine.
        assert!(messages("\nFROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n").is_empty());
        // Used before its ARG.
        assert_eq!(
            messages("\nFROM scratch\nCOPY $foo .\nARG foo=bar\n"),
            [(
                3,
                "Usage of undefined variable '$foo': it expands to an empty string".to_string()
            )]
        );
        // A typo gets a suggestion.
        let got = messages(
            "\nFROM scratch\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nARG DIR_CONFIG=config/\nCOPY $DIR_ASSET .\n",
        );
        assert_eq!(
            got,
            [(6, "Usage of undefined variable '$DIR_ASSET' (did you mean $DIR_ASSETS?): it expands to an empty string".to_string())]
        );
        assert_eq!(
            messages("FROM scratch\nENV PATH=$PAHT:/tmp/bin\n")[0].1,
            "Usage of undefined variable '$PAHT' (did you mean $PATH?): it expands to an empty string"
        );
    }

    #[test]
    fn env_is_inherited_args_are_not() {
        let src =
            "FROM scratch AS base\nARG foo=x\nENV bar=y\nFROM base\nCOPY $bar /b\nCOPY $foo /f\n";
        assert_eq!(messages(src).iter().map(|m| m.0).collect::<Vec<_>>(), [6]);
    }

    #[test]
    fn images_have_an_environment_we_do_not_know() {
        assert!(messages("FROM alpine:3.22\nCOPY $foo .\n").is_empty());
        assert!(messages("FROM scratch\nRUN echo $foo\n").is_empty());
    }
}
