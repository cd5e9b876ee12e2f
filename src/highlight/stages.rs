//! Stage-aware colour: the seam between syntect's output and the validator's stage model.
//!
//! The validator knows which words name a stage (`AS build`) and which refer to one
//! (`--from=build`, `FROM build`, `--mount=from=build`). It hands those spans here; every span
//! of one stage gets that stage's palette colour, and a reference to an undefined stage is
//! underlined (shape, not colour alone, marks it).

use super::style::{HlColor, HlStyle, StyledSpan, push_span};

/// Where a stage name or reference sits: a 0-based line and a byte range within that line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineSpan {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

impl LineSpan {
    /// The line span of the byte range `range` of `source` (as the validator's spans give it:
    /// `Span::range()`), or `None` if the range is out of bounds, not on character boundaries or
    /// crosses a line break (a stage word split by a continuation stays uncoloured).
    pub(crate) fn from_offsets(source: &str, range: std::ops::Range<usize>) -> Option<LineSpan> {
        let text = source.get(range.clone())?;
        if text.contains('\n') {
            return None;
        }
        let line_start = source[..range.start].rfind('\n').map_or(0, |i| i + 1);
        Some(LineSpan {
            line: source[..range.start].matches('\n').count(),
            start: range.start - line_start,
            end: range.end - line_start,
        })
    }
}

/// One stage name or reference found by the validator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StageRef {
    pub span: LineSpan,
    /// The stage's index in the Dockerfile (0 = first FROM); picks the palette colour.
    pub stage: usize,
    /// False for a reference to a stage that does not exist: underlined, colour unchanged.
    pub defined: bool,
}

/// Returns `lines` with every stage span recoloured. Spans outside the text or not on
/// character boundaries are skipped (the model and the text disagree: show syntect's colours).
pub(crate) fn overlay_stages(
    lines: &[Vec<StyledSpan>],
    refs: &[StageRef],
    palette: &[HlColor],
) -> Vec<Vec<StyledSpan>> {
    let mut out = lines.to_vec();
    for stage_ref in refs {
        let Some(line) = out.get_mut(stage_ref.span.line) else {
            continue;
        };
        let recolour = |style: &mut HlStyle| {
            if stage_ref.defined {
                if let Some(colour) = palette.get(stage_ref.stage % palette.len().max(1)) {
                    style.fg = Some(*colour);
                }
            } else {
                style.underline = true;
            }
        };
        if let Some(restyled) =
            restyle_range(line, stage_ref.span.start, stage_ref.span.end, recolour)
        {
            *line = restyled;
        }
    }
    out
}

/// The line with the bytes `start..end` passed through `change`, splitting spans at the edges.
fn restyle_range(
    line: &[StyledSpan],
    start: usize,
    end: usize,
    change: impl Fn(&mut HlStyle),
) -> Option<Vec<StyledSpan>> {
    let text: String = line.iter().map(|s| s.text.as_str()).collect();
    if start >= end
        || end > text.len()
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
    {
        return None;
    }
    let mut out = Vec::with_capacity(line.len() + 2);
    let mut offset = 0;
    for span in line {
        let (from, to) = (offset, offset + span.text.len());
        offset = to;
        // The three pieces of this span: before, inside and after the range.
        let cut_a = start.clamp(from, to) - from;
        let cut_b = end.clamp(from, to) - from;
        push_span(&mut out, &span.text[..cut_a], span.style);
        let mut inside = span.style;
        change(&mut inside);
        push_span(&mut out, &span.text[cut_a..cut_b], inside);
        push_span(&mut out, &span.text[cut_b..], span.style);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlight::style::AnsiColor;

    fn plain(texts: &[&str]) -> Vec<StyledSpan> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| StyledSpan {
                text: t.to_string(),
                style: HlStyle {
                    bold: i % 2 == 1,
                    ..HlStyle::default()
                },
            })
            .collect()
    }

    const PALETTE: [HlColor; 2] = [
        HlColor::Named(AnsiColor::Yellow),
        HlColor::Named(AnsiColor::Cyan),
    ];

    #[test]
    fn a_range_across_two_spans_is_split_and_recoloured() {
        let lines = vec![plain(&["COPY --from=bu", "ild /a /b"])];
        let r = StageRef {
            span: LineSpan {
                line: 0,
                start: 12,
                end: 17,
            },
            stage: 3,
            defined: true,
        };
        let out = overlay_stages(&lines, &[r], &PALETTE);
        let texts: Vec<_> = out[0].iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["COPY --from=", "bu", "ild", " /a /b"]);
        assert_eq!(out[0][1].style.fg, Some(PALETTE[1]));
        assert_eq!(out[0][2].style.fg, Some(PALETTE[1]));
        assert!(out[0][2].style.bold, "the span's own modifiers are kept");
    }

    #[test]
    fn undefined_references_are_underlined_not_recoloured() {
        let lines = vec![plain(&["FROM nowhere"])];
        let r = StageRef {
            span: LineSpan {
                line: 0,
                start: 5,
                end: 12,
            },
            stage: 0,
            defined: false,
        };
        let out = overlay_stages(&lines, &[r], &PALETTE);
        assert_eq!(out[0][1].text, "nowhere");
        assert!(out[0][1].style.underline);
        assert_eq!(out[0][1].style.fg, None);
    }

    #[test]
    fn byte_ranges_of_the_source_become_line_spans() {
        let src = "FROM a AS build\r\nCOPY --from=build /x /y\n";
        let at = src.rfind("build").unwrap();
        assert_eq!(
            LineSpan::from_offsets(src, at..at + 5),
            Some(LineSpan {
                line: 1,
                start: 12,
                end: 17
            })
        );
        assert_eq!(
            LineSpan::from_offsets(src, 10..15),
            Some(LineSpan {
                line: 0,
                start: 10,
                end: 15
            })
        );
        assert_eq!(
            LineSpan::from_offsets(src, 10..20),
            None,
            "crosses a line break"
        );
        assert_eq!(LineSpan::from_offsets(src, 40..99), None, "out of bounds");
    }

    #[test]
    fn spans_outside_the_text_or_inside_a_character_are_ignored() {
        let lines = vec![plain(&["FROM é AS x"])];
        let bad = [
            (LineSpan {
                line: 3,
                start: 0,
                end: 1,
            }),
            (LineSpan {
                line: 0,
                start: 5,
                end: 6,
            }),
            (LineSpan {
                line: 0,
                start: 9,
                end: 99,
            }),
            (LineSpan {
                line: 0,
                start: 4,
                end: 4,
            }),
        ];
        let refs: Vec<_> = bad
            .iter()
            .map(|&span| StageRef {
                span,
                stage: 0,
                defined: true,
            })
            .collect();
        assert_eq!(overlay_stages(&lines, &refs, &PALETTE), lines);
    }
}
