//! DK212: a relative program path in CMD/ENTRYPOINT with no WORKDIR, when the build model
//! cannot find it where it resolves (a copy there counts; a known absence is DK214's).

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Keyword};
use crate::dockerfile::build::fs::resolve;
use crate::dockerfile::build::launch::chain;
use crate::dockerfile::build::{Certainty, Presence};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK212",
    aliases: &[],
    severity: Severity::Warning,
    title: "Relative path in CMD/ENTRYPOINT without a WORKDIR in the final stage",
    explanation: "`CMD [\"./myapp\"]` or `CMD [\"dist/server.js\"]` is resolved against the working directory, which the final stage never set: it is the base image's (`/`, or `/home/nonroot` on distroless :nonroot), not the builder's. Set `WORKDIR /app` in the final stage or use an absolute path. (Silent when the file was copied where the path resolves.)",
    lesson: Some("go-multi-stage/a-corrected-version"),
    runtime: true,
    check,
};

fn relative_path(p: &str) -> bool {
    !p.starts_with(['/', '$', '-'])
        && (p.starts_with("./") || p.starts_with("../") || p.contains('/'))
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let Some(fin) = ctx.model.final_stage else {
        return;
    };
    let st = &ctx.model.stages[fin];
    if st.workdir.is_some() {
        return;
    }
    let Some(sm) = ctx.build().stage(fin) else {
        return;
    };
    let info = st.image_info.as_ref();
    let image_wd = info.and_then(|i| i.workdir.clone());
    let own_ep = chain(ctx.df(), ctx.model, fin)
        .iter()
        .any(|(_, i)| i.keyword == Keyword::Entrypoint);
    for (_, ins) in ctx.stage_body(st) {
        let Args::Exec { elements, .. } = &ins.args else {
            continue;
        };
        let candidate = match ins.keyword {
            Keyword::Entrypoint => elements.first(),
            Keyword::Cmd if !own_ep => elements.first(),
            _ => None,
        };
        let Some(path) = candidate.filter(|w| relative_path(&w.text)) else {
            continue;
        };
        let wd = image_wd.clone().unwrap_or_else(|| "/".into());
        match sm.fs.lookup(&resolve(&wd, &path.text)) {
            // There, or maybe there (something was copied or written below it).
            Presence::Found(_) | Presence::Maybe(_) => continue,
            // Known missing: DK214's error.
            Presence::Absent(Certainty::Known) => continue,
            Presence::Absent(Certainty::Likely) | Presence::Unknown => {}
        }
        let wd = image_wd
            .clone()
            .map_or_else(|| "the base image's".into(), |w| format!("`{w}`"));
        r.at(
            path.span,
            format!(
                "`{}` is relative and the final stage sets no WORKDIR, so it resolves against {wd} working directory: add `WORKDIR /app` (and copy there) or use an absolute path",
                path.text
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn relative_path_with_nothing_copied_there_warns() {
        let d = findings(
            "FROM alpine:3.22\nCOPY app /usr/local/bin/\nCMD [\"./app\"]\n",
            "DK212",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (3, 6));
    }

    #[test]
    fn a_binary_copied_to_where_it_resolves_is_fine() {
        let src = "FROM rust:1 AS build\nRUN cargo build --release\nFROM gcr.io/distroless/cc-debian13\nCOPY --from=build /target/release/hello /\nCMD [\"./hello\"]\n";
        assert!(findings(src, "DK212").is_empty());
    }
}
