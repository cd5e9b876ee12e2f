//! DK313 (BuildKit's CopyIgnoredFile): COPY or ADD of a path the `.dockerignore` leaves out
//! of the build context.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Instruction, Keyword, Word};
use crate::dockerfile::dockerignore::clean;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK313",
    aliases: &["CopyIgnoredFile"],
    severity: Severity::Error,
    title: "COPY or ADD of a file the .dockerignore excludes",
    explanation: "Files the `.dockerignore` excludes are never sent to the builder, so `COPY app.py .` with `*.py` ignored fails with `\"/app.py\": not found` (a wildcard source may just match nothing: a warning). Remove the pattern, add a `!app.py` exception, or stop copying the file. Read from `<Dockerfile>.dockerignore` beside the Dockerfile if there is one (BuildKit prefers it), else `.dockerignore` there, taking the Dockerfile's folder as the build context; standard input has none. As BuildKit: silent when the file has `!` exceptions (what they let back in cannot be told without the files), and only for stages the build reaches.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let Some(ignore) = ctx.dockerignore else {
        return;
    };
    if ignore.has_exclusions() {
        return;
    }
    for st in &ctx.model.stages {
        if !ctx.model.reachable.get(st.index).copied().unwrap_or(true) {
            continue;
        }
        for (_, ins) in ctx.stage_body(st) {
            let verb = match ins.keyword {
                Keyword::Copy => "Copy",
                Keyword::Add => "Add",
                _ => continue,
            };
            if ins.flags.iter().any(|f| f.name == "from") || !ins.heredocs.is_empty() {
                continue;
            }
            for w in sources(ins) {
                let src = w.text.as_str();
                // Expanded or quoted words, URLs and git sources: not a context path we can name.
                if src.contains(['$', '"', '\'']) || src.contains("://") || src.starts_with("git@")
                {
                    continue;
                }
                let path = clean(src);
                let excluded = if path == "." || path == "/" {
                    ignore.excludes_root()
                } else {
                    ignore.excludes(&path)
                };
                if !excluded {
                    continue;
                }
                let msg = format!(
                    "Attempting to {verb} file \"{path}\" that is excluded by .dockerignore"
                );
                if src.contains(['*', '?', '[']) {
                    r.at_severity(
                        Severity::Warning,
                        w.span,
                        format!("{msg}: the pattern may match nothing"),
                    );
                } else {
                    r.at(
                        w.span,
                        format!("{msg}: the build stops with \"/{path}\": not found"),
                    );
                }
            }
        }
    }
}

/// The source words of a COPY or ADD: every word but the destination.
fn sources(ins: &Instruction) -> &[Word] {
    let words: &[Word] = match &ins.args {
        Args::Words(w) => w,
        Args::Exec { elements, .. } => elements,
        _ => &[],
    };
    words.split_last().map_or(&[], |(_, rest)| rest)
}

#[cfg(test)]
mod tests {
    use crate::dockerfile::lint::{LintOptions, lint};

    fn found(ignore: &str, src: &str) -> Vec<(usize, String)> {
        let opts = LintOptions {
            dockerignore: Some(ignore.to_string()),
            ..Default::default()
        };
        lint(src, &opts)
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == "DK313")
            .map(|d| (d.location.line, d.message))
            .collect()
    }

    #[test]
    fn buildkits_case() {
        let got = found(
            "\nDockerfile\n",
            "\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n",
        );
        assert_eq!(
            got,
            [
                (3, "Attempting to Copy file \"Dockerfile\" that is excluded by .dockerignore: the build stops with \"/Dockerfile\": not found".to_string()),
                (4, "Attempting to Add file \"Dockerfile\" that is excluded by .dockerignore: the build stops with \"/Dockerfile\": not found".to_string()),
            ]
        );
    }

    #[test]
    fn other_stages_and_exceptions_are_silent() {
        let src = "\nFROM scratch AS base\nCOPY Dockerfile /foobar\nADD Dockerfile /windy\n\nFROM base\nCOPY --from=base /foobar /Dockerfile\n";
        assert!(found("\nfoobar\n", src).is_empty());
        assert!(found("**\n!Dockerfile\n", "FROM scratch\nCOPY ./Dockerfile .\n").is_empty());
        assert!(found("**\n!Dockerfile\n", "FROM scratch\nCOPY . .\n").is_empty());
    }

    #[test]
    fn context_root_only_when_everything_is_ignored() {
        assert!(found(".*\n", "FROM scratch\nCOPY . .\n").is_empty());
        let got = found("*\n", "FROM scratch\nCOPY . .\n");
        assert_eq!(got.len(), 1);
        assert!(got[0].1.starts_with("Attempting to Copy file \".\""));
    }

    #[test]
    fn directories_and_wildcards() {
        let got = found("node_modules\n", "FROM node:24\nCOPY node_modules/x /x\n");
        assert_eq!(got.len(), 1);
        let opts = LintOptions {
            dockerignore: Some("*.txt\n".into()),
            ..Default::default()
        };
        let d: Vec<_> = lint("FROM scratch\nCOPY *.txt /t/\n", &opts)
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == "DK313")
            .collect();
        assert_eq!(d[0].severity, crate::dockerfile::Severity::Warning);
    }

    #[test]
    fn no_dockerignore_no_finding() {
        let d = lint("FROM scratch\nCOPY Dockerfile .\n", &LintOptions::default());
        assert!(!d.diagnostics.iter().any(|d| d.rule == "DK313"));
    }
}
