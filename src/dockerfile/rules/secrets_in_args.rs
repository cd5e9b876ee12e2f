//! DL3064: Possible secret in ARG or ENV.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Keyword, Word};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3064",
    aliases: &["SecretsUsedInArgOrEnv"],
    severity: Severity::Warning,
    title: "Possible secret in ARG or ENV",
    explanation: "ARG and ENV values are stored in the image's history and metadata: anyone who pulls the image can read them. Pass secrets with `RUN --mount=type=secret,id=…` (and `docker build --secret`) instead. Follows BuildKit's SecretsUsedInArgOrEnv name heuristic (its alias), not hadolint's list.",
    lesson: None,
    runtime: false,
    check,
};

/// BuildKit's secret-name heuristic: a name token is a secret word, and none is an exclusion.
fn looks_secret(name: &str) -> bool {
    const SECRET: &[&str] = &[
        "apikey",
        "auth",
        "credential",
        "credentials",
        "key",
        "password",
        "pword",
        "passwd",
        "secret",
        "token",
    ];
    const ALLOW: &[&str] = &["public", "file", "version"];
    // Tokens compared case-insensitively in place: this runs on every ARG and ENV name.
    let tokens = || {
        name.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|t| !t.is_empty())
    };
    let is_in = |t: &str, list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(t));
    tokens().any(|t| is_in(t, SECRET)) && !tokens().any(|t| is_in(t, ALLOW))
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        let names: Vec<&Word> = match &ins.args {
            Args::Arg(decls) => decls.iter().map(|d| &d.name).collect(),
            Args::KeyValues { pairs, .. } if ins.keyword == Keyword::Env => {
                pairs.iter().map(|kv| &kv.key).collect()
            }
            _ => continue,
        };
        for n in names {
            if looks_secret(&n.text) {
                r.at(
                    n.span,
                    format!(
                        "Do not use ARG or ENV instructions for sensitive data ({} \"{}\"): use RUN --mount=type=secret",
                        ins.keyword, n.text
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM alpine:3.22\nARG AWS_SECRET_ACCESS_KEY\n", "DL3064");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 5));
        assert_eq!(
            d[0].message,
            "Do not use ARG or ENV instructions for sensitive data (ARG \"AWS_SECRET_ACCESS_KEY\"): use RUN --mount=type=secret"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(
            findings(
                "FROM alpine:3.22\nARG PUBLIC_KEY\nENV NODE_VERSION=22\n",
                "DL3064"
            )
            .is_empty()
        );
    }
}
