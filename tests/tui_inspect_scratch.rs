use dockerlings::tui::inspect::page;
use dockerlings::tui::inspect::view::*;
use dockerlings::tui::theme::Theme;

fn rows(buf: &ratatui::buffer::Buffer) -> String {
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_string() + "\n")
        .collect()
}

#[test]
fn show() {
    let view = InspectView {
        source: "node".into(),
        stages: vec![
            StageView { name: Some("builder".into()), base: "node:18".into(), base_kind: BaseKind::Known, ..Default::default() },
            StageView { name: Some("deps".into()), base: "node:18".into(), base_kind: BaseKind::Known, ..Default::default() },
            StageView { name: None, base: "gcr.io/distroless/nodejs18".into(), base_kind: BaseKind::Known, ships: true, ..Default::default() },
        ],
        edges: vec![
            EdgeView { from: 0, to: 2, kind: EdgeKind::Copy, brings: "/app/dist -> ./dist".into() },
            EdgeView { from: 1, to: 2, kind: EdgeKind::Copy, brings: "/app/node_modules".into() },
        ],
        sizes: vec![
            SizeBar { label: "final image".into(), min_bytes: Some(45_000_000), max_bytes: Some(50_000_000), at_least: true },
            SizeBar { label: "single-stage".into(), min_bytes: Some(380_000_000), max_bytes: Some(400_000_000), at_least: true },
        ],
        size_notes: vec!["Copied files of unknown size: /app/dist (line 11).".into()],
        surface: vec![
            SurfaceRow { stage: "builder".into(), ships: false, shell: Some("/bin/sh".into()), package_manager: Some("apt".into()), user: Some("root".into()), libc: Some("glibc".into()) },
            SurfaceRow { stage: "2".into(), ships: true, shell: Some("none".into()), package_manager: Some("none".into()), user: None, libc: Some("glibc".into()) },
        ],
        errors: vec!["line 4: unknown instruction FORM".into()],
    };
    for w in [120, 80, 40] {
        println!("{}", rows(&page::render(&view, &Theme::default(), w)));
    }
}
