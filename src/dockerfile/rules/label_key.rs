//! DL3048: a LABEL key outside Docker's key format.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Keyword};
use crate::dockerfile::model::stage::unquote;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3048",
    aliases: &[],
    severity: Severity::Style,
    title: "Invalid LABEL key",
    explanation: "Docker's guidelines for label keys: lower-case letters, digits, `.`, `-` (and `_`), starting with a letter and not ending with a separator, no two separators in a row, and the `com.docker.*`, `io.docker.*` and `org.dockerproject.*` namespaces left to Docker. Tools that read labels (`org.opencontainers.image.*`, Kubernetes) expect that shape.",
    lesson: None,
    runtime: false,
    check,
};

const RESERVED: &[&str] = &["com.docker.", "io.docker.", "org.dockerproject."];

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        let (Keyword::Label, Args::KeyValues { pairs, .. }) = (ins.keyword, &ins.args) else {
            continue;
        };
        for kv in pairs {
            let key = unquote(&kv.key.text);
            if let Some(why) = invalid(&key) {
                r.at(kv.key.span, format!("Invalid label key `{key}`: {why}"));
            }
        }
    }
}

/// Why `key` breaks the label-key format, if it does.
fn invalid(key: &str) -> Option<&'static str> {
    let separator = |c: char| matches!(c, '.' | '-' | '_');
    if key.contains('$') {
        return None;
    }
    if RESERVED.iter().any(|ns| key.starts_with(ns)) {
        return Some("the com.docker, io.docker and org.dockerproject namespaces are reserved");
    }
    if !key
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || separator(c))
    {
        return Some("use lower-case letters, digits, `.` and `-` only");
    }
    if !key.starts_with(|c: char| c.is_ascii_lowercase()) {
        return Some("start with a lower-case letter");
    }
    if key.ends_with(separator) || key.contains("..") || key.contains("--") {
        return Some("separators go between words, one at a time");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;
    use super::invalid;

    #[test]
    fn fires_on_the_key() {
        let d = findings("FROM debian:12\nLABEL version=1 Maintainer=me\n", "DL3048");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 17));
        assert_eq!(
            d[0].message,
            "Invalid label key `Maintainer`: use lower-case letters, digits, `.` and `-` only"
        );
    }

    #[test]
    fn key_shapes() {
        for bad in [
            "com.docker.x",
            "a..b",
            ".a",
            "a-",
            "1abc",
            "bad key",
            "Upper",
        ] {
            assert!(invalid(bad).is_some(), "{bad}");
        }
        for ok in [
            "version1",
            "a_b",
            "org.opencontainers.image.title",
            "ok-key_1.x",
            "${K}",
        ] {
            assert!(invalid(ok).is_none(), "{ok}");
        }
    }
}
