//! The inspect view as one page, drawn into a buffer as tall as it needs: problems first
//! (when the file has any), then what the final image runs and whether it would start, the
//! stage graph, the paths that matter, the size chart and the attack-surface table.
//! The screen shows a window of it and scrolls, so a graph of 30 stages stays readable at any
//! terminal height and the chart and table never get squeezed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::graph::StageGraph;
use super::{sizes, surface};
use crate::course::doc::{Block, Doc, Inline};
use crate::course::layout::layout;
use crate::tui::inspect::view::{InspectView, RunOutcome};
use crate::tui::theme::Theme;

/// One column of margin each side.
const MARGIN: u16 = 1;

enum Item {
    /// Where a part of the page starts (no height): what the part-to-part keys jump to.
    Part,
    Line(Line<'static>),
    Gap,
    Graph(StageGraph),
    Chart,
    Table,
}

impl Item {
    fn height(&self, view: &InspectView) -> u16 {
        match self {
            Item::Part => 0,
            Item::Line(_) | Item::Gap => 1,
            Item::Graph(g) => g.height(),
            Item::Chart => sizes::height(&view.sizes),
            Item::Table => surface::height(&view.surface),
        }
    }
}

/// `text` wrapped to `width` columns by the course's layout (so wide characters and long
/// words are handled as in lessons).
fn wrap(text: &str, width: u16) -> Vec<String> {
    let doc = Doc {
        blocks: vec![Block::Paragraph(vec![Inline::plain(text)])],
    };
    layout(&doc, width.max(1))
        .iter()
        .map(|l| l.text())
        .collect()
}

/// `text` wrapped, each line styled, the first behind `mark` and the rest indented under it.
fn marked(items: &mut Vec<Item>, mark: &str, text: &str, width: u16, style: Style) {
    let indent = u16::try_from(crate::tui::text::width(mark)).unwrap_or(0);
    for (i, line) in wrap(text, width.saturating_sub(indent))
        .into_iter()
        .enumerate()
    {
        let lead = if i == 0 {
            mark.to_string()
        } else {
            " ".repeat(usize::from(indent))
        };
        items.push(Item::Line(Line::from(vec![
            Span::styled(lead, style),
            Span::styled(line, style),
        ])));
    }
}

fn items(view: &InspectView, width: u16, theme: &Theme) -> Vec<Item> {
    let mut items = Vec::new();
    let heading = |text: &str| Item::Line(Line::styled(text.to_string(), theme.heading(2)));
    items.push(Item::Line(Line::styled(
        format!("Inspect: {}", view.source),
        theme.heading(1),
    )));
    if !view.errors.is_empty() {
        items.push(Item::Gap);
        items.push(Item::Part);
        let title = format!(
            "Problems ({}): the rest shows what could be understood",
            view.errors.len()
        );
        marked(&mut items, "", &title, width, theme.error);
        for e in &view.errors {
            marked(&mut items, "✗ ", e, width, theme.error);
        }
    }

    if !view.stages.is_empty() {
        run(&mut items, view, width, theme);
    }

    items.push(Item::Gap);
    items.push(Item::Part);
    items.push(heading("Stage graph"));
    if view.stages.is_empty() {
        marked(
            &mut items,
            "",
            "No stage could be understood.",
            width,
            theme.dim,
        );
    } else {
        let legend = "Double border, ships: the image you build (the plate). Dimmed, kitchen: stages that stay behind.";
        marked(&mut items, "", legend, width, theme.dim);
        let graph = StageGraph::new(view, width);
        let undrawn = graph.placement.undrawn;
        items.push(Item::Graph(graph));
        if undrawn > 0 {
            let note = format!(
                "{undrawn} arrow{} left out for lack of room; each box lists what it takes in.",
                if undrawn == 1 { " is" } else { "s are" }
            );
            marked(&mut items, "", &note, width, theme.dim);
        }
    }

    if !view.paths.is_empty() {
        items.push(Item::Gap);
        items.push(Item::Part);
        items.push(heading("Paths that matter"));
        for stage in &view.paths {
            marked(&mut items, "", &stage.stage, width, theme.title);
            for path in &stage.paths {
                marked(&mut items, "  ", path, width, Style::new());
            }
            if stage.more > 0 {
                let more = format!("… and {} more", stage.more);
                marked(&mut items, "  ", &more, width, theme.dim);
            }
        }
    }

    if !view.sizes.is_empty() {
        items.push(Item::Gap);
        items.push(Item::Part);
        items.push(heading("Image size (estimate)"));
        items.push(Item::Chart);
        for note in &view.size_notes {
            marked(&mut items, "", note, width, theme.dim);
        }
    }

    if !view.surface.is_empty() {
        items.push(Item::Gap);
        items.push(Item::Part);
        items.push(heading("Attack surface"));
        items.push(Item::Table);
    }
    items
}

/// What `docker run` starts and the library's verdict, each reason with its chain of lines.
fn run(items: &mut Vec<Item>, view: &InspectView, width: u16, theme: &Theme) {
    let run = &view.run;
    let style = match run.outcome {
        RunOutcome::Runs => theme.title,
        RunOutcome::LikelyFails => theme.marker,
        RunOutcome::Fails => theme.error,
    };
    items.push(Item::Gap);
    items.push(Item::Part);
    items.push(Item::Line(Line::from(vec![
        Span::styled("Would it start? ", theme.heading(2)),
        Span::styled(run.verdict.clone(), style),
    ])));
    marked(items, "Runs: ", &run.command, width, Style::new());
    // Each reason by its own certainty: a warning beside an error is still a warning.
    for reason in &run.reasons {
        let (mark, style) = if reason.known {
            ("✗ ", theme.error)
        } else {
            ("! ", theme.marker)
        };
        marked(items, mark, &reason.text, width, style);
    }
}

/// The page drawn, and the first row of each of its parts (problems, run, graph, paths, size,
/// surface).
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub buf: Buffer,
    pub parts: Vec<u16>,
}

impl Page {
    pub fn height(&self) -> u16 {
        self.buf.area.height
    }
}

/// The whole page at `width` terminal columns.
pub fn render(view: &InspectView, theme: &Theme, width: u16) -> Page {
    let inner = width.saturating_sub(2 * MARGIN);
    let items = items(view, inner, theme);
    let height = items.iter().map(|i| u32::from(i.height(view))).sum::<u32>();
    let height = u16::try_from(height).unwrap_or(u16::MAX);
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    let mut parts = Vec::new();
    let mut y = 0u16;
    for item in &items {
        let h = item.height(view);
        let area = Rect::new(MARGIN, y, inner, h).intersection(buf.area);
        match item {
            Item::Part => parts.push(y),
            _ if inner == 0 => {}
            Item::Line(line) => {
                buf.set_line(area.x, area.y, line, area.width);
            }
            Item::Gap => {}
            Item::Graph(g) => g.draw(&mut buf, area, theme),
            Item::Chart => sizes::draw(&view.sizes, &mut buf, area, theme),
            Item::Table => surface::draw(&view.surface, &mut buf, area, theme),
        }
        y = y.saturating_add(h);
    }
    Page { buf, parts }
}

/// Copies rows `scroll..` of `page` into `area` of `buf`.
pub(crate) fn blit(page: &Buffer, scroll: usize, buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    let width = area.width.min(page.area.width);
    for row in 0..area.height {
        let Some(src_y) = usize::from(row)
            .checked_add(scroll)
            .and_then(|y| u16::try_from(y).ok())
            .filter(|&y| y < page.area.height)
        else {
            break;
        };
        for x in 0..width {
            buf[(area.x + x, area.y + row)] = page[(x, src_y)].clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::inspect::view::{SizeBar, StageRole, StageView, SurfaceRow};

    fn rows(buf: &Buffer) -> Vec<String> {
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn problems_come_first_and_the_rest_still_shows() {
        let view = InspectView {
            source: "broken".into(),
            stages: vec![StageView {
                base: "alpine".into(),
                role: StageRole::Final,
                ..Default::default()
            }],
            sizes: vec![SizeBar {
                label: "final image".into(),
                ..Default::default()
            }],
            surface: vec![SurfaceRow {
                stage: "0".into(),
                ships: true,
                ..Default::default()
            }],
            errors: vec!["line 3: unknown instruction FORM".into()],
            ..Default::default()
        };
        let rendered = render(&view, &Theme::default(), 60);
        let page = rows(&rendered.buf);
        let at = |needle: &str| {
            page.iter()
                .position(|l| l.contains(needle))
                .unwrap_or_else(|| panic!("{needle:?} missing:\n{}", page.join("\n")))
        };
        assert!(at("Problems (1)") < at("Stage graph"));
        assert!(at("✗ line 3: unknown instruction FORM") < at("Stage graph"));
        assert!(
            at("Problems (1)") < at("Would it start") && at("Would it start") < at("Stage graph")
        );
        assert!(at("Stage graph") < at("Image size") && at("Image size") < at("Attack surface"));
        assert!(page[at("final image")].contains("unknown"));
        let starts: Vec<usize> = rendered.parts.iter().map(|&y| usize::from(y)).collect();
        assert_eq!(
            starts,
            [
                at("Problems (1)"),
                at("Would it start"),
                at("Stage graph"),
                at("Image size"),
                at("Attack surface")
            ]
        );
    }

    #[test]
    fn blit_copies_a_window_and_stops_at_the_page_end() {
        let mut page = Buffer::empty(Rect::new(0, 0, 4, 3));
        for y in 0..3 {
            page.set_string(0, y, format!("r{y}"), Style::new());
        }
        let mut out = Buffer::empty(Rect::new(0, 0, 6, 3));
        blit(&page, 1, &mut out, Rect::new(1, 0, 6, 3));
        assert_eq!(rows(&out), [" r1", " r2", ""]);
    }

    #[test]
    fn an_empty_view_and_zero_width_render() {
        let view = InspectView::default();
        assert!(render(&view, &Theme::default(), 0).height() > 0);
        assert!(
            rows(&render(&view, &Theme::default(), 60).buf)
                .iter()
                .any(|l| l.contains("No stage could be understood"))
        );
    }
}
