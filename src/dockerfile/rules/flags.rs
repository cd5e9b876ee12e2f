//! DK106: an instruction flag BuildKit does not accept.

use super::{Ctx, Report, RuleInfo, suggest};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Keyword;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK106",
    aliases: &[],
    severity: Severity::Error,
    title: "Unknown, duplicate or malformed instruction flag",
    explanation: "Each instruction accepts only its own flags (COPY: --from, --chown, --chmod, --link, --parents, --exclude; RUN: --mount, --network, --security…), each once unless repeatable, string flags need `=value` and boolean flags take true/false. BuildKit stops with `unknown flag: --chwon (did you mean chown?)`, `duplicate flag specified` or `missing a value on flag: --from`.",
    lesson: None,
    runtime: false,
    check,
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum FlagKind {
    Str,
    Bool,
    Repeat,
}

/// (name, kind) of each flag an instruction takes.
fn allowed_flags(k: Keyword) -> &'static [(&'static str, FlagKind)] {
    use FlagKind::{Bool, Repeat, Str};
    match k {
        Keyword::From => &[("platform", Str)],
        Keyword::Copy => &[
            ("from", Str),
            ("chown", Str),
            ("chmod", Str),
            ("link", Bool),
            ("parents", Bool),
            ("exclude", Repeat),
        ],
        Keyword::Add => &[
            ("chown", Str),
            ("chmod", Str),
            ("link", Bool),
            ("keep-git-dir", Bool),
            ("checksum", Str),
            ("unpack", Bool),
            ("exclude", Repeat),
        ],
        Keyword::Run => &[
            ("mount", Repeat),
            ("network", Str),
            ("security", Str),
            ("device", Repeat),
        ],
        Keyword::Healthcheck => &[
            ("interval", Str),
            ("timeout", Str),
            ("start-period", Str),
            ("start-interval", Str),
            ("retries", Str),
        ],
        _ => &[],
    }
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in ctx.with_triggers() {
        if matches!(ins.keyword, Keyword::Unknown | Keyword::Onbuild) {
            continue;
        }
        let allowed = allowed_flags(ins.keyword);
        for (n, f) in ins.flags.iter().enumerate() {
            let Some((_, kind)) = allowed.iter().find(|(name, _)| *name == f.name) else {
                let names: Vec<&str> = allowed.iter().map(|(n, _)| *n).collect();
                let hint = suggest(&f.name, &names)
                    .map(|s| format!(" (did you mean {s}?)"))
                    .unwrap_or_default();
                r.at(f.span, format!("unknown flag: --{}{hint}", f.name));
                continue;
            };
            if *kind != FlagKind::Repeat && ins.flags[..n].iter().any(|g| g.name == f.name) {
                r.at(f.span, format!("duplicate flag specified: --{}", f.name));
                continue;
            }
            match (kind, f.value.as_deref()) {
                (FlagKind::Bool, Some(v))
                    if !["1", "t", "true", "0", "f", "false"]
                        .contains(&v.to_ascii_lowercase().as_str()) =>
                {
                    r.at(
                        f.span,
                        format!("expecting boolean value for flag --{}, not: {v}", f.name),
                    )
                }
                (FlagKind::Str | FlagKind::Repeat, None) => {
                    r.at(f.span, format!("missing a value on flag: --{}", f.name))
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    fn messages(src: &str) -> Vec<String> {
        findings(src, "DK106")
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn unknown_duplicate_and_malformed() {
        assert_eq!(
            messages("FROM alpine:3.22\nCOPY --chwon=1:1 a /a\n"),
            ["unknown flag: --chwon (did you mean chown?)"]
        );
        assert_eq!(
            messages("FROM alpine:3.22\nCOPY --from=a --from=b a /a\n"),
            ["duplicate flag specified: --from"]
        );
        assert_eq!(
            messages("FROM alpine:3.22\nCOPY --link=maybe a /a\n"),
            ["expecting boolean value for flag --link, not: maybe"]
        );
        assert_eq!(
            messages("FROM alpine:3.22\nCOPY --from a /a\n"),
            ["missing a value on flag: --from"]
        );
        assert!(messages("FROM alpine:3.22\nRUN --mount=type=cache,target=/c --mount=type=tmpfs,target=/t true\n").is_empty());
    }
}
