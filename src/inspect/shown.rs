//! A report as a terminal may show it: every string that came from the Dockerfile (stage names,
//! image references, paths, users, messages) passed through [`crate::escape::line`]. The text
//! form and the TUI draw this copy; JSON serialises the exact one.

use super::{EdgeSource, Estimate, Fact, Report};
use crate::escape;

impl Report {
    /// A copy with every string from the file escaped for a terminal.
    pub fn for_terminal(&self) -> Report {
        let mut r = self.clone();
        for st in &mut r.stages {
            esc(&mut st.label);
            st.name.as_mut().map(esc);
            esc(&mut st.base.written);
            st.base.resolved.as_mut().map(esc);
            st.base.reason.as_mut().map(esc);
            if let Some(img) = &mut st.image {
                esc(&mut img.reference);
                esc(&mut img.display);
            }
            let s = &mut st.surface;
            for fact in [&mut s.shell, &mut s.package_manager, &mut s.libc] {
                if let Fact::Present(v) = fact {
                    esc(v);
                }
            }
            s.user.name.as_mut().map(esc);
        }
        for e in &mut r.edges {
            esc(&mut e.written);
            e.sources.iter_mut().for_each(esc);
            e.dest.as_mut().map(esc);
            match &mut e.from {
                EdgeSource::Image { reference, .. } => esc(reference),
                EdgeSource::Invalid { reason } => esc(reason),
                EdgeSource::Stage { .. } => {}
            }
        }
        for estimate in [&mut r.sizes.final_image, &mut r.sizes.single_stage] {
            estimate_strings(estimate);
        }
        r.errors.iter_mut().for_each(|d| esc(&mut d.message));
        r
    }
}

fn estimate_strings(e: &mut Estimate) {
    e.base_image.as_mut().map(esc);
    e.unknown_parts.iter_mut().for_each(|p| esc(&mut p.what));
    e.sources.iter_mut().for_each(esc);
}

fn esc(text: &mut String) {
    if let std::borrow::Cow::Owned(shown) = escape::line(text) {
        *text = shown;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{inspect, text};

    #[test]
    fn names_paths_and_users_reach_the_text_escaped() {
        let src = "FROM alpine:3.20 AS b\u{1b}]52;c;aA==\u{7}\nRUN echo\n\
                   FROM scratch\nCOPY --from=b\u{1b}]52;c;aA==\u{7} /a\u{9b}x /b\nUSER r\u{1b}[2J\n";
        let report = inspect(src);
        let shown = text::render(&report.for_terminal(), &text::TextStyle::PLAIN);
        assert!(!shown.contains(['\u{1b}', '\u{7}', '\u{9b}']), "{shown}");
        assert!(shown.contains("\\x1b]52;c;aA==\\x07"), "{shown}");
        assert!(shown.contains("\\u{9b}"), "{shown}");
        // The exact report keeps the raw text for JSON.
        assert!(
            report
                .edges
                .iter()
                .any(|e| e.sources.iter().any(|s| s.contains('\u{9b}')))
        );
    }
}
