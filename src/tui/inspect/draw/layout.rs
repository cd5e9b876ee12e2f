//! Where the stage graph's boxes and arrows go, as plain geometry (no drawing, no styles).
//!
//! Stages are boxes in file order, which is a topological order: a stage can only use
//! earlier stages. When every box fits side by side at its full width they flow left to right
//! ([`Flow::Across`]);
//! otherwise they stack top to bottom ([`Flow::Down`]) and the view scrolls. A link between
//! neighbours is a short arrow between their boxes; a link that skips stages runs in a lane
//! (below the row, or right of the column). Links from one stage share one lane. A link that
//! finds no room is left undrawn and counted; its box still names it in text.

use ratatui::layout::Rect;

use crate::tui::text::width;

/// Narrowest box worth drawing.
pub(crate) const BOX_MIN: u16 = 12;
/// Widest box when boxes stack.
pub(crate) const DOWN_MAX: u16 = 64;
/// Columns between boxes side by side: the arrow `──▶` and a space.
pub(crate) const GAP_ACROSS: u16 = 4;
/// Rows between stacked boxes: `│` and `▼`.
pub(crate) const GAP_DOWN: u16 = 2;

/// What layout needs to know of a box: its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct NodeText {
    /// Shown in the top border, left.
    pub title: String,
    /// Shown in the top border, right (e.g. `ships`).
    pub tag: String,
    /// Content rows.
    pub lines: Vec<String>,
}

impl NodeText {
    /// Columns the box wants: its widest row plus borders and padding.
    fn wanted_width(&self) -> u16 {
        let border = width(&self.title) + width(&self.tag) + 6;
        let content = self.lines.iter().map(|l| width(l)).max().unwrap_or(0) + 4;
        u16::try_from(border.max(content)).unwrap_or(u16::MAX)
    }

    /// Box height: borders and at least one content row.
    fn height(&self) -> u16 {
        u16::try_from(self.lines.len().max(1) + 2).unwrap_or(u16::MAX)
    }
}

/// An arrow from box `from` to box `to`, pointing at content row `line` of `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Link {
    pub from: usize,
    pub to: usize,
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flow {
    /// Boxes side by side, left to right.
    Across,
    /// Boxes stacked, top to bottom.
    Down,
}

/// The graph placed at a width: box rectangles and the glyphs of the arrows, all relative
/// to the graph's own top-left corner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placement {
    pub flow: Flow,
    pub width: u16,
    pub height: u16,
    pub boxes: Vec<Rect>,
    /// Arrow cells: (x, y, glyph).
    pub(crate) strokes: Vec<(u16, u16, char)>,
    /// Links that found no room (or point backwards) and are not drawn.
    pub undrawn: usize,
}

impl Placement {
    /// The stroke drawn at a cell (tests read the drawing through it).
    #[cfg(test)]
    fn glyph_at(&self, x: u16, y: u16) -> Option<char> {
        self.strokes
            .iter()
            .find(|s| s.0 == x && s.1 == y)
            .map(|s| s.2)
    }
}

/// Places `nodes` and `links` in at most `max_width` columns.
pub(crate) fn place(nodes: &[NodeText], links: &[Link], max_width: u16) -> Placement {
    let mut links: Vec<Link> = links.to_vec();
    links.sort();
    links.dedup();
    let valid = |l: &Link| l.from < l.to && l.to < nodes.len();
    let backwards = links.iter().filter(|l| !valid(l)).count();
    links.retain(valid);
    let mut placed =
        across(nodes, &links, max_width).unwrap_or_else(|| down(nodes, &links, max_width));
    placed.undrawn += backwards;
    placed
}

/// Connection bits of a line-drawing cell.
const UP: u8 = 1;
const DOWN: u8 = 2;
const LEFT: u8 = 4;
const RIGHT: u8 = 8;

/// Line cells by their connections, and arrowheads on top.
#[derive(Default)]
struct Canvas {
    cells: std::collections::BTreeMap<(u16, u16), u8>,
    heads: Vec<(u16, u16, char)>,
}

impl Canvas {
    fn join(&mut self, x: u16, y: u16, bits: u8) {
        *self.cells.entry((y, x)).or_default() |= bits;
    }

    /// A horizontal run from `x0` to `x1` (inclusive ends joined to what lies beyond).
    fn across(&mut self, y: u16, x0: u16, x1: u16) {
        self.run(x0, x1, LEFT, RIGHT, |x| (x, y));
    }

    fn vertical(&mut self, x: u16, y0: u16, y1: u16) {
        self.run(y0, y1, UP, DOWN, |y| (x, y));
    }

    /// Cells `from..=to` along one axis (`cell` places each), each joined to its neighbour
    /// before (`back`) and after (`ahead`) within the run.
    fn run(&mut self, from: u16, to: u16, back: u8, ahead: u8, cell: impl Fn(u16) -> (u16, u16)) {
        let (a, b) = (from.min(to), from.max(to));
        for i in a..=b {
            let bits = if i > a { back } else { 0 } | if i < b { ahead } else { 0 };
            let (x, y) = cell(i);
            self.join(x, y, bits);
        }
    }

    fn head(&mut self, x: u16, y: u16, glyph: char) {
        self.heads.push((x, y, glyph));
    }

    fn strokes(self) -> Vec<(u16, u16, char)> {
        let heads = self.heads;
        let mut out: Vec<(u16, u16, char)> = self
            .cells
            .into_iter()
            .filter(|((y, x), _)| !heads.iter().any(|h| h.0 == *x && h.1 == *y))
            .map(|((y, x), bits)| (x, y, line_glyph(bits)))
            .collect();
        out.extend(heads);
        out.sort_by_key(|s| (s.1, s.0));
        out
    }
}

fn line_glyph(bits: u8) -> char {
    match bits {
        b if b == UP | DOWN | LEFT | RIGHT => '┼',
        b if b == UP | DOWN | RIGHT => '├',
        b if b == UP | DOWN | LEFT => '┤',
        b if b == LEFT | RIGHT | DOWN => '┬',
        b if b == LEFT | RIGHT | UP => '┴',
        b if b == DOWN | RIGHT => '┌',
        b if b == DOWN | LEFT => '┐',
        b if b == UP | RIGHT => '└',
        b if b == UP | LEFT => '┘',
        b if b & (LEFT | RIGHT) != 0 => '─',
        _ => '│',
    }
}

/// Links between neighbours, and the rest grouped by source (each group shares a lane).
fn split_links(links: &[Link]) -> (Vec<Link>, Vec<(usize, Vec<Link>)>) {
    let mut near = Vec::new();
    let mut groups: Vec<(usize, Vec<Link>)> = Vec::new();
    for &l in links {
        if l.to == l.from + 1 {
            near.push(l);
        } else {
            match groups.iter_mut().find(|g| g.0 == l.from) {
                Some(g) => g.1.push(l),
                None => groups.push((l.from, vec![l])),
            }
        }
    }
    (near, groups)
}

/// Lanes for the groups (by source order): a group takes the first lane whose last group
/// ended before its source. Returns each group's lane, parallel to `groups`.
fn assign_lanes(groups: &[(usize, Vec<Link>)]) -> Vec<usize> {
    let mut ends: Vec<usize> = Vec::new();
    groups
        .iter()
        .map(|(from, links)| {
            let end = links.iter().map(|l| l.to).max().unwrap_or(*from);
            match ends.iter().position(|&e| e < *from) {
                Some(lane) => {
                    ends[lane] = end;
                    lane
                }
                None => {
                    ends.push(end);
                    ends.len() - 1
                }
            }
        })
        .collect()
}

/// Content row `line` of a box, kept inside the box.
fn row_of(b: Rect, line: usize) -> u16 {
    let last = b.bottom().saturating_sub(2).max(b.y + 1);
    (b.y + 1)
        .saturating_add(u16::try_from(line).unwrap_or(u16::MAX))
        .min(last)
}

/// Side by side, if every box fits at a readable width.
fn across(nodes: &[NodeText], links: &[Link], max_width: u16) -> Option<Placement> {
    if nodes.is_empty() {
        return None;
    }
    // Side by side only when no box has to cut its text (beyond the stacked limit).
    let widths: Vec<u16> = nodes
        .iter()
        .map(|n| n.wanted_width().clamp(BOX_MIN, DOWN_MAX))
        .collect();
    let total = widths.iter().map(|&w| u32::from(w)).sum::<u32>()
        + u32::from(GAP_ACROSS) * (nodes.len() as u32 - 1);
    if total > u32::from(max_width) {
        return None;
    }
    let height = nodes.iter().map(NodeText::height).max().unwrap_or(3);
    let mut boxes = Vec::with_capacity(nodes.len());
    let mut x = 0;
    for &w in &widths {
        boxes.push(Rect::new(x, 0, w, height));
        x += w + GAP_ACROSS;
    }
    let mut canvas = Canvas::default();
    let (near, groups) = split_links(links);
    for l in near {
        let (a, b) = (boxes[l.from], boxes[l.to]);
        let y = row_of(b, l.line);
        canvas.across(y, a.right(), b.x - 1);
        canvas.head(b.x - 1, y, '▶');
    }
    // Incoming stems enter a box from below at x+2, x+4, …; the outgoing stem leaves at the
    // right end, so the two never share a column.
    let mut slots = vec![0u16; nodes.len()];
    let mut undrawn = 0;
    // Per group with room: its source, and the stem column of each target it reaches.
    let mut drawn: Vec<(usize, Vec<u16>)> = Vec::new();
    let mut spans: Vec<(usize, Vec<Link>)> = Vec::new();
    for (from, group) in groups {
        let mut targets = Vec::new();
        let mut reached = Vec::new();
        for l in group {
            let b = boxes[l.to];
            let x = b.x + 2 + 2 * slots[l.to];
            if x + 4 < b.right() {
                slots[l.to] += 1;
                targets.push(x);
                reached.push(l);
            } else {
                undrawn += 1;
            }
        }
        if !targets.is_empty() {
            drawn.push((from, targets));
            spans.push((from, reached));
        }
    }
    let lanes = assign_lanes(&spans);
    let lane_count = lanes.iter().max().map_or(0, |&l| l as u16 + 1);
    for ((from, targets), lane) in drawn.iter().zip(&lanes) {
        let y = height + 1 + *lane as u16;
        let xs = boxes[*from].right() - 3;
        canvas.vertical(xs, height, y);
        let far = targets.iter().copied().max().unwrap_or(xs);
        canvas.across(y, xs, far);
        for &xt in targets {
            canvas.vertical(xt, height, y);
            canvas.head(xt, height, '▲');
        }
    }
    let used_height = if lane_count > 0 {
        height + 1 + lane_count
    } else {
        height
    };
    Some(Placement {
        flow: Flow::Across,
        width: u16::try_from(total).unwrap_or(u16::MAX),
        height: used_height,
        boxes,
        strokes: canvas.strokes(),
        undrawn,
    })
}

/// Stacked, one box under the other; lanes to the right of the column.
fn down(nodes: &[NodeText], links: &[Link], max_width: u16) -> Placement {
    let (near, groups) = split_links(links);
    let lanes = assign_lanes(&groups);
    let wanted_lanes = lanes.iter().max().map_or(0, |&l| l as u16 + 1);
    let lane_room = |n: u16| if n == 0 { 0 } else { 1 + 2 * n };
    let wanted = nodes
        .iter()
        .map(NodeText::wanted_width)
        .max()
        .unwrap_or(BOX_MIN)
        .clamp(BOX_MIN, DOWN_MAX);
    let box_width = wanted
        .min(max_width.saturating_sub(lane_room(wanted_lanes)))
        .max(BOX_MIN)
        .min(max_width.max(1));
    // Lanes that still do not fit are dropped, innermost kept.
    let fit_lanes = (max_width.saturating_sub(box_width).saturating_sub(1) / 2).min(wanted_lanes);

    let mut boxes = Vec::with_capacity(nodes.len());
    let mut y = 0u16;
    for n in nodes {
        let h = n.height();
        boxes.push(Rect::new(0, y, box_width, h));
        y = y.saturating_add(h + GAP_DOWN);
    }
    let height = y.saturating_sub(GAP_DOWN);
    let mut canvas = Canvas::default();
    let mut pairs: Vec<usize> = near.iter().map(|l| l.from).collect();
    pairs.dedup();
    for from in pairs {
        let b = boxes[from];
        let x = b.x + 2.min(b.width.saturating_sub(1));
        canvas.vertical(x, b.bottom(), b.bottom());
        canvas.head(x, b.bottom() + 1, '▼');
    }
    let mut undrawn = 0;
    for ((from, group), &lane) in groups.iter().zip(&lanes) {
        if lane as u16 >= fit_lanes {
            undrawn += group.len();
            continue;
        }
        let x = box_width + 2 + 2 * lane as u16;
        let source = boxes[*from];
        let ys = source.bottom() - 1;
        canvas.across(ys, box_width, x);
        let rows: Vec<u16> = group.iter().map(|l| row_of(boxes[l.to], l.line)).collect();
        let last = rows.iter().copied().max().unwrap_or(ys);
        canvas.vertical(x, ys, last);
        for yt in rows {
            canvas.across(yt, box_width, x);
            canvas.head(box_width, yt, '◀');
        }
    }
    let used_width = if fit_lanes > 0 {
        box_width + lane_room(fit_lanes)
    } else {
        box_width
    };
    Placement {
        flow: Flow::Down,
        width: used_width,
        height,
        boxes,
        strokes: canvas.strokes(),
        undrawn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(title: &str, lines: &[&str]) -> NodeText {
        NodeText {
            title: title.into(),
            tag: String::new(),
            lines: lines.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn link(from: usize, to: usize, line: usize) -> Link {
        Link { from, to, line }
    }

    fn two() -> Vec<NodeText> {
        vec![
            node("0 builder", &["FROM golang:1.20"]),
            node("1", &["FROM alpine", "← builder /app/myapp"]),
        ]
    }

    #[test]
    fn two_stages_sit_side_by_side_with_an_arrow_at_the_copy_line() {
        let p = place(&two(), &[link(0, 1, 1)], 80);
        assert_eq!(p.flow, Flow::Across);
        let (a, b) = (p.boxes[0], p.boxes[1]);
        assert_eq!((a.y, b.y, a.height, b.height), (0, 0, 4, 4));
        assert_eq!(b.x, a.right() + GAP_ACROSS);
        // The arrow runs along the target's second content row and ends next to its border.
        assert_eq!(p.glyph_at(b.x - 1, 2), Some('▶'));
        for x in a.right()..b.x - 1 {
            assert_eq!(p.glyph_at(x, 2), Some('─'), "x={x}");
        }
        assert_eq!(p.undrawn, 0);
        assert_eq!(p.width, b.right());
    }

    #[test]
    fn too_narrow_for_a_row_stacks_boxes_with_down_arrows() {
        let p = place(&two(), &[link(0, 1, 1)], 40);
        assert_eq!(p.flow, Flow::Down);
        let (a, b) = (p.boxes[0], p.boxes[1]);
        assert_eq!(a.x, b.x);
        assert_eq!(b.y, a.bottom() + GAP_DOWN);
        assert_eq!(p.glyph_at(2, a.bottom()), Some('│'));
        assert_eq!(p.glyph_at(2, a.bottom() + 1), Some('▼'));
        assert!(p.width <= 40);
    }

    #[test]
    fn a_link_that_skips_a_stage_takes_a_lane_below_the_row() {
        let nodes = vec![node("0", &["a"]), node("1", &["b"]), node("2", &["c", "d"])];
        let p = place(&nodes, &[link(0, 2, 1)], 80);
        assert_eq!(p.flow, Flow::Across);
        let h = p.boxes[0].height;
        let (src, dst) = (p.boxes[0], p.boxes[2]);
        let xs = src.right() - 3;
        let xt = dst.x + 2;
        assert_eq!(p.glyph_at(xs, h), Some('│'));
        assert_eq!(p.glyph_at(xs, h + 1), Some('└'));
        assert_eq!(p.glyph_at(xt, h), Some('▲'));
        assert_eq!(p.glyph_at(xt, h + 1), Some('┘'));
        assert_eq!(p.glyph_at(xs + 1, h + 1), Some('─'));
        assert_eq!(p.height, h + 2);
    }

    #[test]
    fn stacked_lanes_run_right_of_the_column_and_point_at_the_line() {
        let nodes = vec![node("0", &["a"]), node("1", &["b"]), node("2", &["c", "d"])];
        let p = place(&nodes, &[link(0, 2, 1)], 20);
        assert_eq!(p.flow, Flow::Down);
        let w = p.boxes[0].width;
        let lane = w + 2;
        let ys = p.boxes[0].bottom() - 1;
        let yt = p.boxes[2].y + 2;
        assert_eq!(p.glyph_at(w, ys), Some('─'));
        assert_eq!(p.glyph_at(lane, ys), Some('┐'));
        assert_eq!(p.glyph_at(lane, yt), Some('┘'));
        assert_eq!(p.glyph_at(w, yt), Some('◀'));
        assert!(p.width <= 20);
    }

    #[test]
    fn links_from_one_stage_share_a_lane_and_disjoint_spans_reuse_one() {
        let groups = vec![
            (0, vec![link(0, 2, 0), link(0, 3, 0)]),
            (1, vec![link(1, 4, 0)]),
            (4, vec![link(4, 6, 0)]),
        ];
        assert_eq!(assign_lanes(&groups), [0, 1, 0]);
        let nodes: Vec<NodeText> = (0..4).map(|i| node(&i.to_string(), &["x"])).collect();
        let p = place(&nodes, &[link(0, 2, 0), link(0, 3, 0)], 20);
        let lane = p.boxes[0].width + 2;
        // The lane passes box 2's row on its way to box 3: a tee, not a corner.
        assert_eq!(p.glyph_at(lane, p.boxes[2].y + 1), Some('┤'));
        assert_eq!(p.glyph_at(lane, p.boxes[3].y + 1), Some('┘'));
    }

    #[test]
    fn crossing_lanes_draw_a_cross() {
        let nodes: Vec<NodeText> = (0..5).map(|i| node(&i.to_string(), &["x"])).collect();
        // 0→3 (lane 0) and 1→4 (lane 1): 1's run to its lane crosses lane 0.
        let p = place(&nodes, &[link(0, 3, 0), link(1, 4, 0)], 24);
        assert_eq!(p.flow, Flow::Down);
        let w = p.boxes[0].width;
        let ys = p.boxes[1].bottom() - 1;
        assert_eq!(p.glyph_at(w + 2, ys), Some('┼'));
        assert_eq!(p.glyph_at(w + 4, ys), Some('┐'));
    }

    #[test]
    fn narrow_widths_drop_lanes_and_count_them() {
        let nodes: Vec<NodeText> = (0..5).map(|i| node(&i.to_string(), &["x"])).collect();
        let links = [link(0, 3, 0), link(1, 4, 0)];
        for w in [0, 1, 5, 12, 13, 14, 15, 16] {
            let p = place(&nodes, &links, w);
            let lanes_drawn = 2 - p.undrawn;
            assert!(p.width <= w.max(BOX_MIN), "width {w}: {p:?}");
            assert!(lanes_drawn <= 2);
            assert!(p.strokes.iter().all(|s| s.0 < p.width.max(1)), "{w}");
        }
        assert_eq!(place(&nodes, &links, 12).undrawn, 2);
        assert_eq!(place(&nodes, &links, 15).undrawn, 1);
        assert_eq!(place(&nodes, &links, 17).undrawn, 0);
    }

    #[test]
    fn backward_and_unknown_links_are_not_drawn() {
        let p = place(&two(), &[link(1, 0, 0), link(0, 7, 0), link(0, 1, 0)], 80);
        assert_eq!(p.undrawn, 2);
        assert!(p.strokes.iter().any(|s| s.2 == '▶'));
    }

    #[test]
    fn thirty_stages_stack_and_every_box_is_placed_in_order() {
        let nodes: Vec<NodeText> = (0..30)
            .map(|i| node(&format!("{i} stage-{i}"), &["FROM alpine"]))
            .collect();
        let links: Vec<Link> = (1..30).map(|i| link(i - 1, i, 0)).collect();
        let p = place(&nodes, &links, 80);
        assert_eq!(p.flow, Flow::Down);
        assert_eq!(p.boxes.len(), 30);
        assert!(
            p.boxes
                .windows(2)
                .all(|w| w[1].y == w[0].bottom() + GAP_DOWN)
        );
        assert_eq!(p.height, p.boxes[29].bottom());
        assert_eq!(p.strokes.iter().filter(|s| s.2 == '▼').count(), 29);
    }

    #[test]
    fn no_nodes_is_an_empty_placement() {
        let p = place(&[], &[], 80);
        assert_eq!((p.boxes.len(), p.height), (0, 0));
    }
}
