//! DL3010: a tar archive COPYed and then unpacked by RUN.

use super::args::copy_words;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Instruction, Keyword};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3010",
    aliases: &[],
    severity: Severity::Info,
    title: "Use ADD to unpack a local tar archive",
    explanation: "`COPY app.tar.gz /tmp/` then `RUN tar -xzf /tmp/app.tar.gz` keeps the archive in the COPY layer even when the RUN deletes it. `ADD app.tar.gz /opt/` unpacks a local tar archive (plain, gzip, bzip2 or xz) in one step, without the archive. Flagged only when a later RUN of the stage unpacks the same file with tar; matched by file name, so `cd /tmp && tar xf app.tar.gz` counts too (hadolint needs the same path).",
    lesson: None,
    runtime: false,
    check,
};

/// The endings of the archives ADD unpacks (zip is not one of them).
const TAR: &[&str] = &[
    ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz",
];

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for st in &ctx.model.stages {
        let body: Vec<_> = ctx.stage_body(st).collect();
        for (n, (_, ins)) in body.iter().enumerate() {
            if ins.keyword != Keyword::Copy || ins.flag("from").is_some() {
                continue;
            }
            let Some(words) = copy_words(ins) else {
                continue;
            };
            let Some((_, sources)) = words.split_last() else {
                continue;
            };
            for src in sources {
                let name = file_name(&src.text);
                if !TAR.iter().any(|t| name.to_ascii_lowercase().ends_with(t)) {
                    continue;
                }
                let unpacked = body[n + 1..]
                    .iter()
                    .filter(|(_, later)| later.keyword == Keyword::Run)
                    .find(|(_, later)| unpacks(ctx, later, name));
                if let Some((_, run)) = unpacked {
                    r.at(
                        src.span,
                        format!("{name} is unpacked on line {}: `ADD {name} <dir>/` unpacks it without keeping the archive in a layer", run.start_line),
                    );
                }
            }
        }
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Whether `run` extracts `name` with tar (`tar -xzf name`, `tar xf name`, `--extract`).
fn unpacks(ctx: &Ctx<'_>, run: &Instruction, name: &str) -> bool {
    ctx.script(run).script.commands.iter().any(|c| {
        let words = c.without_wrappers();
        // Old-style first argument (`tar xzf`), a short-option cluster, or the long names.
        let extracts = |(i, w): (usize, &str)| {
            w == "--extract"
                || w == "--get"
                || (w.contains('x')
                    && !w.starts_with("--")
                    && (w.starts_with('-')
                        || (i == 1 && w.chars().all(|c| c.is_ascii_alphabetic()))))
        };
        c.is("tar", &[])
            && words.iter().map(|w| &**w).enumerate().any(extracts)
            && words.iter().any(|w| file_name(w) == name)
    })
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_on_the_copied_archive() {
        let src = "FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN cd /tmp && tar -xzf app.tar.gz && rm app.tar.gz\n";
        let d = findings(src, "DL3010");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 6));
        assert_eq!(
            d[0].message,
            "app.tar.gz is unpacked on line 3: `ADD app.tar.gz <dir>/` unpacks it without keeping the archive in a layer"
        );
    }

    #[test]
    fn silent_when_not_unpacked_or_not_a_tar() {
        for ok in [
            "COPY app.tar.gz /tmp/\nRUN ls /tmp\n",
            "COPY app.zip /tmp/\nRUN unzip /tmp/app.zip\n",
            "COPY --from=build /out/app.tar /tmp/\nRUN tar xf /tmp/app.tar\n",
            "RUN tar xf /tmp/app.tar\nCOPY app.tar /tmp/\n",
        ] {
            let src = format!("FROM debian:12\n{ok}");
            assert!(findings(&src, "DL3010").is_empty(), "{ok}");
        }
    }
}
