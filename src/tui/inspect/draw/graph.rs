//! The stage graph drawn as boxes and arrows: the final stage in a double border tagged
//! `ships` (the plate), stages it is built on tagged `ships as base`, the others dimmed and
//! tagged `kitchen` (they stay behind) or `not built`. Each box says its base and, per copy,
//! what it brings in; the arrows point at those lines.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Widget};

use super::layout::{Link, NodeText, Placement, place};
use crate::tui::inspect::view::{BaseKind, EdgeKind, InspectView, StageRole};
use crate::tui::text::fit;
use crate::tui::theme::Theme;

/// The boxes' text and the arrows between them.
pub(crate) fn nodes_and_links(view: &InspectView) -> (Vec<NodeText>, Vec<Link>) {
    let mut nodes: Vec<NodeText> = view
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let base = match s.base_kind {
                BaseKind::Stage | BaseKind::Known => format!("FROM {}", s.base),
                BaseKind::Unknown => format!("FROM {} (unknown)", s.base),
            };
            NodeText {
                title: s.title(i),
                tag: s.role.tag().into(),
                lines: vec![base],
            }
        })
        .collect();
    let mut links = Vec::new();
    for e in &view.edges {
        let (Some(source), true) = (view.stages.get(e.from), e.to < nodes.len()) else {
            continue;
        };
        let line = match e.kind {
            EdgeKind::Base => 0,
            EdgeKind::Copy | EdgeKind::Mount => {
                let verb = if e.kind == EdgeKind::Mount {
                    "mounts "
                } else {
                    ""
                };
                let lines = &mut nodes[e.to].lines;
                lines.push(format!("← {verb}{} {}", source.reference(e.from), e.brings));
                lines.len() - 1
            }
        };
        links.push(Link {
            from: e.from,
            to: e.to,
            line,
        });
    }
    for (node, stage) in nodes.iter_mut().zip(&view.stages) {
        node.lines
            .extend(stage.notes.iter().map(|n| format!("← {n}")));
    }
    (nodes, links)
}

/// The graph laid out for `width` columns.
#[derive(Debug, Clone)]
pub(crate) struct StageGraph {
    pub nodes: Vec<NodeText>,
    pub roles: Vec<StageRole>,
    pub(crate) placement: Placement,
}

impl StageGraph {
    pub(crate) fn new(view: &InspectView, width: u16) -> Self {
        let (nodes, links) = nodes_and_links(view);
        let placement = place(&nodes, &links, width);
        Self {
            roles: view.stages.iter().map(|s| s.role).collect(),
            nodes,
            placement,
        }
    }

    pub(crate) fn height(&self) -> u16 {
        self.placement.height
    }

    /// Draws the graph with its top-left corner at `area`'s; what falls outside is clipped.
    pub(crate) fn draw(&self, buf: &mut Buffer, area: Rect, theme: &Theme) {
        let area = area.intersection(buf.area);
        let shift = |r: Rect| {
            Rect {
                x: area.x.saturating_add(r.x),
                y: area.y.saturating_add(r.y),
                ..r
            }
            .intersection(area)
        };
        for ((node, rect), &role) in self
            .nodes
            .iter()
            .zip(&self.placement.boxes)
            .zip(&self.roles)
        {
            let ships = role.ships();
            let rect = shift(*rect);
            if rect.is_empty() {
                continue;
            }
            let style = if ships { theme.title } else { theme.dim };
            let tag_style = if role == StageRole::Final {
                theme.selected
            } else {
                style
            };
            let block = Block::bordered()
                .border_type(if role == StageRole::Final {
                    BorderType::Double
                } else {
                    BorderType::Plain
                })
                .border_style(style)
                .title(Line::styled(format!(" {} ", node.title), style))
                .title(Line::styled(format!(" {} ", node.tag), tag_style).right_aligned());
            let inner = block.inner(rect);
            block.render(rect, buf);
            let text_width = usize::from(inner.width.saturating_sub(2));
            for (row, line) in node.lines.iter().enumerate() {
                let y = inner.y + row as u16;
                if y >= inner.bottom() || text_width == 0 {
                    break;
                }
                let line_style = if ships { Style::new() } else { theme.dim };
                buf.set_stringn(
                    inner.x + 1,
                    y,
                    fit(line, text_width),
                    text_width,
                    line_style,
                );
            }
        }
        for &(x, y, glyph) in &self.placement.strokes {
            let (x, y) = (area.x.saturating_add(x), area.y.saturating_add(y));
            if x < area.right() && y < area.bottom() {
                buf[(x, y)].set_char(glyph).set_style(theme.marker);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::inspect::view::{EdgeView, StageView};

    fn view() -> InspectView {
        InspectView {
            stages: vec![
                StageView {
                    name: Some("builder".into()),
                    base: "golang:1.20".into(),
                    base_kind: BaseKind::Known,
                    ..Default::default()
                },
                StageView {
                    base: "alpine".into(),
                    base_kind: BaseKind::Unknown,
                    role: StageRole::Final,
                    notes: vec!["image nginx:1.27 /etc/nginx".into()],
                    ..Default::default()
                },
            ],
            edges: vec![EdgeView {
                from: 0,
                to: 1,
                kind: EdgeKind::Copy,
                brings: "/app/myapp".into(),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn copies_become_lines_of_the_target_and_the_arrow_points_at_them() {
        let (nodes, links) = nodes_and_links(&view());
        assert_eq!(nodes[0].tag, "kitchen");
        assert_eq!(nodes[1].tag, "ships");
        assert_eq!(
            nodes[1].lines,
            [
                "FROM alpine (unknown)",
                "← builder /app/myapp",
                "← image nginx:1.27 /etc/nginx"
            ]
        );
        assert_eq!(
            links,
            [Link {
                from: 0,
                to: 1,
                line: 1
            }]
        );
    }

    #[test]
    fn drawing_clips_to_the_area() {
        let g = StageGraph::new(&view(), 80);
        for (w, h) in [(0, 0), (3, 2), (20, 4), (80, 10)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            g.draw(&mut buf, Rect::new(1, 1, 200, 200), &Theme::default());
        }
    }
}
