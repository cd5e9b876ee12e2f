//! Colours for a Dockerfile being edited, where the text changes a keystroke at a time.
//!
//! Each line keeps its colours and the grammar state it started in. After an edit only the
//! lines whose text or starting state changed are highlighted again (a line that moved because
//! a line was inserted above is found at its new index), and only as far down as the editor
//! shows, so a keystroke costs a line or two of highlighting, not the whole file.

use std::ops::Range;

use super::escape_directive::declares_backtick_escape;
use super::highlighter::{LineState, LineStyler, plain_line};
use super::model_refs::stage_refs;
use super::stages::{StageRef, overlay_stages};
use super::style::StyledSpan;
use super::theme::CodeTheme;

/// One highlighted line with the grammar state before and after it.
struct Line {
    text: String,
    start: LineState,
    end: LineState,
    spans: Vec<StyledSpan>,
}

/// Incremental highlighting of one editor's Dockerfile, with the stage-aware overlay.
pub(crate) struct EditorHighlight {
    theme: CodeTheme,
    styler: Option<LineStyler>,
    /// Whether `styler` is the backtick-escape variant of the grammar.
    backtick: bool,
    /// Highlighted lines from the top, as far down as last asked.
    lines: Vec<Line>,
    /// Line count of the text `lines` were made for.
    total: usize,
    /// The text the stage references were found in, and those references.
    text: String,
    refs: Vec<StageRef>,
    /// Lines highlighted afresh by the last call (the rest were reused).
    fresh: usize,
}

impl std::fmt::Debug for EditorHighlight {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EditorHighlight")
            .field("theme", &self.theme)
            .field("lines", &self.lines.len())
            .finish_non_exhaustive()
    }
}

impl EditorHighlight {
    pub(crate) fn new(theme: CodeTheme) -> EditorHighlight {
        EditorHighlight {
            theme,
            styler: None,
            backtick: false,
            lines: Vec::new(),
            total: 0,
            text: String::new(),
            refs: Vec::new(),
            fresh: 0,
        }
    }

    /// The styled lines `rows` of the Dockerfile `lines` (one string per line), coloured as
    /// highlighting the whole text would colour them, stage names and references included.
    /// Rows past the text are left out.
    pub(crate) fn styled_rows(
        &mut self,
        lines: &[String],
        rows: Range<usize>,
    ) -> Vec<Vec<StyledSpan>> {
        let end = rows.end.min(lines.len());
        let start = rows.start.min(end);
        self.follow_text(lines);
        self.update(lines, end);
        let window: Vec<Vec<StyledSpan>> = self.lines[start..end]
            .iter()
            .map(|l| l.spans.clone())
            .collect();
        let refs: Vec<StageRef> = self
            .refs
            .iter()
            .filter(|r| (start..end).contains(&r.span.line))
            .map(|r| {
                let mut r = *r;
                r.span.line -= start;
                r
            })
            .collect();
        overlay_stages(&window, &refs, self.theme.stage_palette())
    }

    pub(crate) fn theme(&self) -> CodeTheme {
        self.theme
    }

    /// How many lines the last call highlighted afresh (the tests' view of the reuse).
    #[cfg(test)]
    pub(crate) fn fresh_lines(&self) -> usize {
        self.fresh
    }

    /// Re-reads the stage model and the escape directive when the text changed.
    fn follow_text(&mut self, lines: &[String]) {
        let same = self.text.len() + 1 == lines.iter().map(|l| l.len() + 1).sum::<usize>()
            && self.text.split('\n').eq(lines.iter().map(String::as_str));
        if same && self.styler.is_some() {
            return;
        }
        self.text = lines.join("\n");
        self.refs = stage_refs(&self.text);
        let backtick = declares_backtick_escape(&self.text);
        if self.styler.is_none() || backtick != self.backtick {
            self.styler = LineStyler::new(&self.text, Some("dockerfile"), self.theme);
            self.backtick = backtick;
            self.lines.clear();
        }
    }

    /// Makes `self.lines` hold the first `upto` lines of `lines`, reusing what still holds.
    fn update(&mut self, lines: &[String], upto: usize) {
        self.fresh = 0;
        let Some(styler) = &self.styler else {
            self.lines.clear();
            return;
        };
        // Where an old line may now be: at its index (an edit within a line) or moved by the
        // change in line count (a line added or removed above it).
        let shift = lines.len() as isize - self.total as isize;
        let mut old: Vec<Option<Line>> = std::mem::take(&mut self.lines)
            .into_iter()
            .map(Some)
            .collect();
        let mut out: Vec<Line> = Vec::with_capacity(upto);
        let mut buffer = String::new();
        let first_state = styler.start();
        for (j, text) in lines[..upto].iter().enumerate() {
            let start = out.last().map_or(&first_state, |l| &l.end);
            let reusable = [j as isize, j as isize - shift]
                .into_iter()
                .filter_map(|k| usize::try_from(k).ok())
                .find(|&k| {
                    old.get(k)
                        .and_then(Option::as_ref)
                        .is_some_and(|l| l.text == *text && l.start == *start)
                });
            if let Some(line) = reusable.and_then(|k| old[k].take()) {
                out.push(line);
                continue;
            }
            let start = start.clone();
            let mut end = start.clone();
            // A grammar error leaves the line plain and the state as it was.
            let spans = match styler.line(&mut end, text, &mut buffer) {
                Some(spans) => spans,
                None => {
                    end = start.clone();
                    plain_line(text)
                }
            };
            self.fresh += 1;
            out.push(Line {
                text: text.clone(),
                start,
                end,
                spans,
            });
        }
        self.lines = out;
        self.total = lines.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlight::Highlighter;

    fn lines(text: &str) -> Vec<String> {
        text.split('\n').map(String::from).collect()
    }

    /// The whole-text highlighter's colours with the stage overlay: what the editor must match.
    fn reference(text: &str) -> Vec<Vec<StyledSpan>> {
        let refs = stage_refs(text);
        Highlighter::new(CodeTheme::Ansi).highlight_with_stages(text, Some("dockerfile"), &refs)
    }

    const FILE: &str = "FROM golang:1.25 AS build\nRUN go build \\\n    -o /out/app .\nFROM gcr.io/distroless/static\nCOPY --from=build /out/app /app\nCMD [\"/app\"]";

    #[test]
    fn colours_match_highlighting_the_whole_text() {
        let mut hl = EditorHighlight::new(CodeTheme::Ansi);
        let text = lines(FILE);
        assert_eq!(hl.styled_rows(&text, 0..99), reference(FILE));
        assert_eq!(hl.styled_rows(&text, 2..4), reference(FILE)[2..4].to_vec());
    }

    #[test]
    fn an_edit_rehighlights_only_the_changed_line() {
        let mut hl = EditorHighlight::new(CodeTheme::Ansi);
        hl.styled_rows(&lines(FILE), 0..6);
        assert_eq!(hl.fresh_lines(), 6);
        let edited = FILE.replace("/out/app /app", "/out/app /bin/app");
        assert_eq!(hl.styled_rows(&lines(&edited), 0..6), reference(&edited));
        assert_eq!(hl.fresh_lines(), 1);
        // A line inserted moves the ones below down: they are found, not redone.
        let inserted = edited.replace("\nCOPY", "\n# the binary alone\nCOPY");
        assert_eq!(
            hl.styled_rows(&lines(&inserted), 0..7),
            reference(&inserted)
        );
        assert_eq!(hl.fresh_lines(), 1);
    }

    #[test]
    fn a_change_of_state_flows_down_until_it_settles() {
        let mut hl = EditorHighlight::new(CodeTheme::Ansi);
        hl.styled_rows(&lines(FILE), 0..6);
        // Removing the continuation changes how line 3 starts: it is redone, and so on.
        let broken = FILE.replace("build \\", "build");
        assert_eq!(hl.styled_rows(&lines(&broken), 0..6), reference(&broken));
        assert!(hl.fresh_lines() >= 2, "{}", hl.fresh_lines());
        assert!(hl.fresh_lines() < 6, "{}", hl.fresh_lines());
    }

    #[test]
    fn the_escape_directive_switches_the_grammar() {
        let mut hl = EditorHighlight::new(CodeTheme::Ansi);
        let text = "RUN dir `\n  c:\\\nUSER x";
        hl.styled_rows(&lines(text), 0..3);
        let backtick = format!("# escape=`\n{text}");
        assert_eq!(
            hl.styled_rows(&lines(&backtick), 0..4),
            reference(&backtick)
        );
    }

    #[test]
    fn rows_past_the_text_and_empty_text_are_fine() {
        let mut hl = EditorHighlight::new(CodeTheme::Ansi);
        assert_eq!(hl.styled_rows(&lines("FROM x"), 5..9), Vec::<Vec<_>>::new());
        assert_eq!(hl.styled_rows(&[], 0..9), Vec::<Vec<_>>::new());
        assert_eq!(hl.styled_rows(&[String::new()], 0..1), vec![Vec::new()]);
    }
}
