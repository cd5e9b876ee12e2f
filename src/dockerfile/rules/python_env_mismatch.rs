//! DK217: a venv or site-packages made for one interpreter (path, Python minor, libc) run by
//! another.

use super::chain::{copied_artifacts, image_line, libc_name, made, stage_image};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::build::launch::find_path;
use crate::dockerfile::build::{ArtifactKind, Certainty};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK217",
    aliases: &[],
    severity: Severity::Error,
    title: "Python venv or packages made for another interpreter than the runtime's",
    explanation: "A venv's `bin/python` is a link to the interpreter that created it (`/usr/local/bin/python` on python:3.x-slim); copied into an image whose Python lives elsewhere (distroless python3: /usr/bin/python3) every venv script fails with `no such file or directory`. Packages are installed under `lib/python3.X/site-packages` for one minor: Python 3.13 does not read 3.12's. Native wheels follow the libc too. Build the venv on an image with the runtime's Python (same path, same minor, same libc).",
    lesson: Some("python-venvs-on-distroless/why-the-python-slim-venv-breaks"),
    runtime: true,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for (sm, path, a, line) in copied_artifacts(ctx) {
        let (python, libc, interpreter, venv) = match &a.kind {
            ArtifactKind::Venv {
                interpreter,
                python,
                libc,
            } => (python, libc, interpreter.as_ref(), true),
            ArtifactKind::SitePackages { python, libc } => (python, libc, None, false),
            _ => continue,
        };
        let Some((_, ins)) = ctx.ins_at_line(line) else {
            continue;
        };
        let what = if venv {
            "the venv"
        } else {
            "the Python packages"
        };
        let into = stage_image(ctx, sm);
        if let Some(interp) = interpreter
            && let Some(c) = find_path(&sm.fs, interp).absent()
        {
            let has = sm
                .tools
                .python_interpreter
                .as_deref()
                .map(|p| format!(" (its Python is {p})"))
                .unwrap_or_default();
            let msg = format!(
                "line {line} copies {what} {path} made at line {} ({}), whose python links to {interp}, into {}, which has no {interp}{has}: every script of the venv fails to start",
                a.line,
                made(a),
                image_line(ctx, sm)
            );
            match c {
                Certainty::Known => r.at(ins.span, msg),
                Certainty::Likely => r.at_severity(Severity::Warning, ins.span, msg),
            }
            continue;
        }
        if let (Some(built), Some(run)) = (python, &sm.tools.python)
            && built != run
        {
            let msg = format!(
                "line {line} copies {what} {path} installed for Python {built} (line {}, {}) into Python {run} ({into}): {run} does not read lib/python{built}/site-packages, so imports fail; install them with Python {run}",
                a.line,
                made(a)
            );
            if venv {
                r.at(ins.span, msg);
            } else {
                r.at_severity(Severity::Warning, ins.span, msg);
            }
            continue;
        }
        if let (Some(built), Some(run)) = (libc, sm.tools.libc)
            && *built != run
        {
            r.at_severity(
                Severity::Warning,
                ins.span,
                format!(
                    "line {line} copies {what} {path} installed on {} ({}) into a {} image ({into}): compiled extensions, if any, will not load",
                    libc_name(*built),
                    made(a),
                    libc_name(run)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;
    use crate::dockerfile::Severity;

    #[test]
    fn musl_venv_into_glibc_warns() {
        let d = findings(
            "FROM python:3.13-alpine AS build\nRUN python -m venv /venv && /venv/bin/pip install -r requirements.txt\nFROM python:3.13-slim\nCOPY --from=build /venv /venv\n",
            "DK217",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
        assert!(d[0].message.starts_with("line 4 copies the venv /venv installed on musl (python:3.13-alpine, line 1) into a glibc image"), "{}", d[0].message);
    }

    #[test]
    fn same_image_family_is_silent() {
        let src = "FROM python:3.13-slim AS build\nRUN python -m venv /venv\nFROM python:3.13-slim\nCOPY --from=build /venv /venv\n";
        assert!(findings(src, "DK217").is_empty());
    }
}
