//! The text form of a [`Report`]: stages and graph, final stage, stages that stay behind, the
//! size comparison and the attack-surface table. Colour (stage colours from the theme's stage
//! palette, bold headings, dimmed unused stages) only when the depth allows it, so piped
//! output and snapshots are plain text.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::{EdgeReport, EdgeSource, Estimate, Figure, Report, Role, StageReport};
use crate::dockerfile::model::EdgeKind;
use crate::highlight::{CodeTheme, ColorDepth, HlStyle, StyledSpan, line_to_ansi};

/// How to colour the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextStyle {
    pub depth: ColorDepth,
    pub theme: CodeTheme,
}

impl TextStyle {
    /// No escapes at all.
    pub const PLAIN: TextStyle = TextStyle {
        depth: ColorDepth::None,
        theme: CodeTheme::Ansi,
    };

    fn paint(&self, text: &str, style: HlStyle) -> String {
        if self.depth == ColorDepth::None || text.is_empty() {
            return text.to_string();
        }
        line_to_ansi(
            &[StyledSpan {
                text: text.to_string(),
                style,
            }],
            self.depth,
        )
    }

    fn heading(&self, text: &str) -> String {
        self.paint(
            text,
            HlStyle {
                bold: true,
                ..HlStyle::default()
            },
        )
    }

    /// A stage's label in its colour; the shipped stage bold.
    fn stage(&self, st: &StageReport, width: usize) -> String {
        let palette = self.theme.stage_palette();
        let padded = pad(&st.label, width);
        self.paint(
            &padded,
            HlStyle {
                fg: (st.role != Role::Unused).then(|| palette[st.index % palette.len()]),
                bold: st.role == Role::Final,
                ..HlStyle::default()
            },
        )
    }
}

/// Renders the report as text (ends with a newline), with the file's strings escaped.
pub fn render(report: &Report, style: &TextStyle) -> String {
    let report = &report.for_terminal();
    let mut out = String::new();
    // What stops the build; what stops the container is said once, under "Would start".
    let build_errors: Vec<_> = report
        .errors
        .iter()
        .filter(|d| crate::dockerfile::lint::stops_build(d))
        .collect();
    if !build_errors.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            style.heading("Errors (the rest of the report covers what was understood)")
        );
        for e in build_errors {
            let _ = writeln!(out, "  line {}: {} {}", e.location.line, e.rule, e.message);
        }
        out.push('\n');
    }
    if report.stages.is_empty() {
        out.push_str("No stages: there is no FROM line to inspect.\n");
        return out;
    }
    stages(&mut out, report, style);
    graph(&mut out, report, style);
    shipping(&mut out, report, style);
    runs(&mut out, report, style);
    sizes(&mut out, report, style);
    surface(&mut out, report, style);
    out
}

/// What the final image runs, whether it would start and why not; then per stage the paths
/// that matter and where each came from.
fn runs(out: &mut String, report: &Report, style: &TextStyle) {
    let run = &report.run;
    let _ = writeln!(out, "{} {}", style.heading("Runs:"), run.command_text());
    let _ = writeln!(
        out,
        "{} {}",
        style.heading("Would start:"),
        run.verdict_text()
    );
    for reason in run.reason_texts() {
        let _ = writeln!(out, "  {reason}");
    }
    out.push('\n');
    let mut any = false;
    for st in &report.stages {
        if st.paths.is_empty() {
            continue;
        }
        if !any {
            let _ = writeln!(out, "{}", style.heading("Paths that matter"));
            any = true;
        }
        let _ = writeln!(out, "  {}", st.label);
        for p in &st.paths {
            let _ = writeln!(out, "    {}", p.text(|i| report.stage_label(i)));
        }
        if st.more_paths > 0 {
            let _ = writeln!(out, "    … and {} more", st.more_paths);
        }
    }
    if any {
        out.push('\n');
    }
}

fn label_width(report: &Report) -> usize {
    report
        .stages
        .iter()
        .map(|s| s.label.width())
        .max()
        .unwrap_or(0)
}

fn stages(out: &mut String, report: &Report, style: &TextStyle) {
    let width = label_width(report);
    let _ = writeln!(out, "{}", style.heading("Stages"));
    for st in &report.stages {
        let from = match &st.base.resolved {
            Some(r) if *r != st.base.written => format!("{} (= {r})", st.base.written),
            _ => st.base.written.clone(),
        };
        let image = match (&st.base.reason, &st.image) {
            (Some(reason), _) => format!("base unresolved: {reason}"),
            (None, Some(img)) if img.unknown => format!("{}: unknown image", img.display),
            (None, Some(img)) => {
                let kind = img.kind.map_or("", |k| match k {
                    crate::dockerfile::images::Kind::Sdk => "sdk",
                    crate::dockerfile::images::Kind::Runtime => "runtime",
                    crate::dockerfile::images::Kind::Os => "os",
                    crate::dockerfile::images::Kind::Minimal => "minimal",
                });
                let size = range_text(img.uncompressed.min_bytes, img.uncompressed.max_bytes)
                    .map_or_else(|| "size unknown".to_string(), |s| format!("{s} on disk"));
                format!("{} ({kind}, {size})", img.display)
            }
            (None, None) => "image unknown".into(),
        };
        let _ = writeln!(
            out,
            "  {:>2}  {}  FROM {from}  (line {})",
            st.index,
            style.stage(st, width),
            st.line
        );
        let role = match st.role {
            Role::Final => "ships: the final image",
            Role::Base => "ships: the final image is built on it",
            Role::Builder => "stays behind: only what is copied from it ships",
            Role::Unused => "unused: the final image does not need it",
        };
        let _ = writeln!(out, "      {}  {image}; {role}", pad("", width));
        if let Some(adv) = st.image.as_ref().and_then(|i| i.advisory.as_ref()) {
            let _ = writeln!(out, "      {}  note: {}", pad("", width), adv.note);
        }
    }
    out.push('\n');
}

fn graph(out: &mut String, report: &Report, style: &TextStyle) {
    let _ = writeln!(out, "{}", style.heading("Graph"));
    if report.edges.is_empty() {
        out.push_str("  no edges: no stage builds on, copies or mounts from another\n\n");
        return;
    }
    let width = label_width(report);
    for e in &report.edges {
        let from = match &e.from {
            EdgeSource::Stage { index } => style.stage(&report.stages[*index], width),
            EdgeSource::Image { reference, unknown } => {
                let tag = if *unknown { " (unknown image)" } else { "" };
                pad(&format!("{}{tag}", short(reference)), width)
            }
            EdgeSource::Invalid { reason } => {
                pad(&format!("{} (invalid: {reason})", e.written), width)
            }
        };
        let to = style.stage(&report.stages[e.to_stage], 0);
        let _ = writeln!(out, "  {from} ──{}──▶ {to}  (line {})", carried(e), e.line);
    }
    out.push('\n');
}

/// What travels along an edge: `FROM`, `COPY /app/dist → ./dist`, `mount /src → /mnt`.
fn carried(e: &EdgeReport) -> String {
    let dest = e.dest.as_deref().unwrap_or("?");
    match e.kind {
        EdgeKind::From => "FROM".into(),
        EdgeKind::CopyFrom => format!("COPY {} → {dest}", e.sources.join(" ")),
        EdgeKind::MountFrom => format!("mount {} → {dest}", e.sources.join(" ")),
    }
}

fn shipping(out: &mut String, report: &Report, style: &TextStyle) {
    let width = 0;
    match report.final_stage() {
        Some(st) => {
            let image = st
                .image
                .as_ref()
                .map_or_else(|| "unresolved base".to_string(), |i| i.display.clone());
            let _ = writeln!(
                out,
                "{} {} (on {image})",
                style.heading("Final stage:"),
                style.stage(st, width)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "{} none (the target names no stage)",
                style.heading("Final stage:")
            );
        }
    }
    let behind: Vec<String> = report
        .not_shipped
        .iter()
        .map(|&i| {
            let st = &report.stages[i];
            let why = if st.role == Role::Unused {
                "unused"
            } else {
                "stays behind"
            };
            format!("{} ({why})", style.stage(st, width))
        })
        .collect();
    let list = if behind.is_empty() {
        "none".to_string()
    } else {
        behind.join(", ")
    };
    let _ = writeln!(out, "{} {list}", style.heading("Not shipped:"));
    out.push('\n');
}

fn sizes(out: &mut String, report: &Report, style: &TextStyle) {
    let f = &report.sizes.final_image;
    let s = &report.sizes.single_stage;
    let on = |e: &Estimate| {
        e.base_image
            .clone()
            .unwrap_or_else(|| "an unresolved base".into())
    };
    let _ = writeln!(out, "{}", style.heading("Estimated size (on disk)"));
    let _ = writeln!(
        out,
        "  {} vs {} (single-stage on {})",
        figure_text(&f.uncompressed),
        figure_text(&s.uncompressed),
        on(s)
    );
    let _ = writeln!(
        out,
        "  download: {} vs {}",
        figure_text(&f.compressed),
        figure_text(&s.compressed)
    );
    if !f.unknown_parts.is_empty() {
        let parts: Vec<String> = f
            .unknown_parts
            .iter()
            .map(|p| format!("line {} {}", p.line, p.what))
            .collect();
        let _ = writeln!(
            out,
            "  not counted in the final image (size unknown): {}",
            parts.join("; ")
        );
    }
    if f.uncompressed.unknown {
        let _ = writeln!(
            out,
            "  the final image's base is not in the table of known images: its size is unknown"
        );
    }
    if !f.sources.is_empty() {
        let _ = writeln!(out, "  sources: {}", f.sources.join("; "));
    }
    out.push('\n');
}

fn surface(out: &mut String, report: &Report, style: &TextStyle) {
    let _ = writeln!(out, "{}", style.heading("Attack surface"));
    let header = ["stage", "shell", "package manager", "user", "libc"];
    let rows: Vec<[String; 5]> = report
        .stages
        .iter()
        .map(|st| {
            let s = &st.surface;
            let user = match (&s.user.name, s.user.root) {
                (Some(n), Some(true)) if n != "root" => format!("{n} (root)"),
                (Some(n), _) => n.clone(),
                (None, _) => "unknown".into(),
            };
            [
                st.label.clone(),
                s.shell.describe().to_string(),
                s.package_manager.describe().to_string(),
                user,
                s.libc.describe().to_string(),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            rows.iter()
                .map(|r| r[c].width())
                .chain([header[c].width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        let mut l = String::from(" ");
        for (c, cell) in cells.iter().enumerate() {
            l.push(' ');
            l.push_str(&pad(cell, widths[c]));
            l.push(' ');
        }
        l
    };
    let head: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    let _ = writeln!(out, "{}", line(&head).trim_end());
    for (st, row) in report.stages.iter().zip(&rows) {
        let marker = if st.ships { "ships" } else { st.role.name() };
        let _ = writeln!(out, "{} [{marker}]", line(row));
    }
}

/// `at least 141 MB`, `~7.5–8.5 MB`, `unknown`. "At least 0 MB" (files of unknown size on
/// `scratch`) says nothing, so it reads as unknown, with the reason.
pub(crate) fn figure_text(f: &Figure) -> String {
    if f.unknown {
        return "unknown".into();
    }
    match (f.min_bytes, f.at_least) {
        (Some(0), true) => "unknown (files of unknown size on an empty base)".into(),
        (Some(min), true) => format!("at least {}", bytes_text(min)),
        (Some(min), false) => {
            range_text(Some(min), f.max_bytes).map_or_else(|| "unknown".into(), |r| format!("~{r}"))
        }
        (None, _) => "unknown".into(),
    }
}

/// `141–170 MB`, `1.1 GB`; `None` when unknown.
pub(crate) fn range_text(min: Option<u64>, max: Option<u64>) -> Option<String> {
    let min = min?;
    let max = max.unwrap_or(min);
    let (lo, hi) = (bytes_text(min), bytes_text(max));
    if lo == hi {
        return Some(lo);
    }
    let (lo_num, lo_unit) = lo.split_once(' ').unwrap_or((&lo, ""));
    let (hi_num, hi_unit) = hi.split_once(' ').unwrap_or((&hi, ""));
    Some(if lo_unit == hi_unit {
        format!("{lo_num}–{hi_num} {hi_unit}")
    } else {
        format!("{lo}–{hi}")
    })
}

/// Decimal units as the image table uses them: `60.7 MB`, `141 MB`, `1.1 GB`, `0 MB`.
pub(crate) fn bytes_text(bytes: u64) -> String {
    let trim = |s: String| {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if bytes >= 1_000_000_000 {
        return format!("{} GB", trim(format!("{:.1}", bytes as f64 / 1e9)));
    }
    let mb = bytes as f64 / 1e6;
    let digits = if mb >= 100.0 { 0 } else { 1 };
    format!("{} MB", trim(format!("{mb:.digits$}")))
}

fn short(reference: &str) -> String {
    reference
        .strip_prefix("docker.io/library/")
        .or_else(|| reference.strip_prefix("docker.io/"))
        .unwrap_or(reference)
        .to_string()
}

/// Pads to a display width (labels may hold any Unicode).
fn pad(text: &str, width: usize) -> String {
    let w = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_figures_read_naturally() {
        assert_eq!(bytes_text(0), "0 MB");
        assert_eq!(bytes_text(60_700_000), "60.7 MB");
        assert_eq!(bytes_text(141_000_000), "141 MB");
        assert_eq!(bytes_text(2_000_000), "2 MB");
        assert_eq!(bytes_text(1_100_000_000), "1.1 GB");
        assert_eq!(bytes_text(1_000_000_000), "1 GB");
        assert_eq!(
            range_text(Some(141_000_000), Some(170_000_000)).unwrap(),
            "141–170 MB"
        );
        assert_eq!(
            range_text(Some(850_000_000), Some(1_100_000_000)).unwrap(),
            "850 MB–1.1 GB"
        );
        assert_eq!(range_text(None, None), None);
        let open = Figure {
            min_bytes: Some(45_000_000),
            max_bytes: None,
            at_least: true,
            unknown: false,
        };
        assert_eq!(figure_text(&open), "at least 45 MB");
        // scratch plus a binary of unknown size: never "at least 0 MB".
        let nothing_known = Figure {
            min_bytes: Some(0),
            ..open
        };
        assert!(figure_text(&nothing_known).starts_with("unknown"));
        assert_eq!(figure_text(&Figure::UNKNOWN), "unknown");
    }

    #[test]
    fn plain_has_no_escapes_and_colour_follows_the_theme() {
        let r = super::super::inspect(
            "FROM node:22 AS b\nRUN x\nFROM node:22-slim\nCOPY --from=b /a /a\n",
        );
        let plain = render(&r, &TextStyle::PLAIN);
        assert!(!plain.contains('\x1b'));
        let coloured = |theme| {
            render(
                &r,
                &TextStyle {
                    depth: ColorDepth::TrueColor,
                    theme,
                },
            )
        };
        assert!(coloured(CodeTheme::Ansi).contains('\x1b'));
        assert_ne!(coloured(CodeTheme::Dark), coloured(CodeTheme::Light));
    }
}
