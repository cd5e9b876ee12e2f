//! DL3045: COPY to a relative destination without WORKDIR.

use super::args::copy_words;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Keyword;
use crate::dockerfile::model::{Base, Stage};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3045",
    aliases: &[],
    severity: Severity::Warning,
    title: "COPY to a relative destination without WORKDIR",
    explanation: "A relative destination (`COPY app .`) lands in the base image's working directory, which you did not choose (often `/`). Set `WORKDIR /app` first, or copy to an absolute path.",
    lesson: Some("multi-stage-basics/the-parts-of-a-stage"),
    runtime: false,
    check,
};

/// Whether the stage this one builds on (FROM <stage>) set a WORKDIR.
fn st_parent_workdir(ctx: &Ctx<'_>, st: &Stage) -> bool {
    match st.base {
        Base::Stage { index } => ctx.model.stages[index].workdir.is_some(),
        _ => false,
    }
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let mut workdir = st_parent_workdir(ctx, st);
        for (_, ins) in ctx.stage_body(st) {
            match ins.keyword {
                Keyword::Workdir => workdir = true,
                Keyword::Copy if !workdir => {
                    let Some(words) = copy_words(ins) else {
                        continue;
                    };
                    if words.len() < 2 {
                        continue;
                    }
                    let dest = &words[words.len() - 1].text;
                    let windows = dest.len() > 1 && dest.as_bytes()[1] == b':';
                    if !dest.starts_with(['/', '$']) && !windows {
                        r.at(
                            words[words.len() - 1].span,
                            format!("`{dest}` is relative, and no WORKDIR is set: set WORKDIR or use an absolute path"),
                        );
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings("FROM alpine:3.22\nCOPY app .\n", "DL3045");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 10));
        assert_eq!(
            d[0].message,
            "`.` is relative, and no WORKDIR is set: set WORKDIR or use an absolute path"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM alpine:3.22\nWORKDIR /srv\nCOPY app .\nFROM alpine:3.22\nCOPY app /usr/bin/app\n", "DL3045").is_empty());
    }
}
