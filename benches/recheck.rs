//! Re-checking an exercise's Dockerfile as the learner types: lint + model + requirements on
//! a 60-line multi-stage file. Goal: median under 1 ms, so the editor never lags.
//! Also the whole keystroke in the exercise editor on a 200-line Dockerfile: the key goes
//! through `update` and a frame is drawn (TestBackend), with and without syntax colours.
//! Run: `cargo bench --bench recheck`.

use dockerlings::dockerfile::Severity;
use dockerlings::quiz::Requirement;
use dockerlings::quiz::judge::judge;
use dockerlings::tui::event::Msg;
use dockerlings::tui::screens;
use dockerlings::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn main() {
    // The binary compiles the grammars on a background thread at start-up; do it here first.
    dockerlings::highlight::warm_up();
    divan::main();
}

/// A realistic 60-line Node.js build: dependencies, tests, a build, a pruned production
/// install, and a distroless runtime stage.
fn sixty_lines() -> String {
    let text = r#"# syntax=docker/dockerfile:1
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci

FROM deps AS test
COPY . .
RUN npm run lint
RUN npm test

FROM deps AS build
ENV NODE_ENV=production
COPY tsconfig.json ./
COPY src ./src
COPY public ./public
RUN npm run build && \
    npm prune --omit=dev

FROM node:${NODE_VERSION}-bookworm AS healthcheck
WORKDIR /probe
COPY scripts/probe.js ./
RUN node --check probe.js

FROM gcr.io/distroless/nodejs22-debian12:nonroot
LABEL org.opencontainers.image.title="shop" \
      org.opencontainers.image.description="Shop front end" \
      org.opencontainers.image.licenses="MIT"
ENV NODE_ENV=production \
    PORT=8080
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
COPY --from=healthcheck /probe/probe.js ./probe.js
COPY public/robots.txt ./public/robots.txt
COPY public/favicon.ico ./public/favicon.ico
EXPOSE 8080
USER nonroot
HEALTHCHECK --interval=30s --timeout=3s \
  CMD ["/nodejs/bin/node", "probe.js"]
# The distroless node image's entrypoint is node itself.
CMD ["dist/server.js"]
"#;
    let mut text = text.to_string();
    while text.lines().count() < 60 {
        text.push_str("# padding comment to reach sixty lines\n");
    }
    text
}

fn requirements() -> Vec<Requirement> {
    vec![
        Requirement::MinStages(2),
        Requirement::FinalBase("gcr.io/distroless/*".into()),
        Requirement::FinalCopiesFrom {
            stage: "build".into(),
            path: "/app/dist".into(),
        },
        Requirement::NonRoot,
        Requirement::ExecFormCmd,
        Requirement::NoFindingsAtOrAbove(Severity::Error),
        Requirement::NoneOfRules(vec!["DL3006".into()]),
    ]
}

#[divan::bench]
fn recheck_60_lines(bencher: divan::Bencher) {
    let source = sixty_lines();
    assert_eq!(source.lines().count(), 60);
    let requirements = requirements();
    bencher.bench(|| judge(divan::black_box(&requirements), divan::black_box(&source)));
}

/// A 200-line Dockerfile: twenty build stages of nine lines each, then a distroless stage.
fn two_hundred_lines() -> String {
    let mut text = String::from("# syntax=docker/dockerfile:1\nARG GO_VERSION=1.25\n");
    for i in 0..20 {
        text.push_str(&format!(
            "FROM golang:${{GO_VERSION}} AS tool{i}\n\
             WORKDIR /src/tool{i}\n\
             COPY go.mod go.sum ./\n\
             RUN --mount=type=cache,target=/go/pkg/mod \\\n    go mod download\n\
             COPY . .\n\
             ENV CGO_ENABLED=0 GOOS=linux\n\
             RUN go build -trimpath -ldflags=\"-s -w\" -o /out/tool{i} ./cmd/tool{i} && \\\n    echo \"built ${{GO_VERSION}}\"\n"
        ));
    }
    text.push_str("FROM gcr.io/distroless/static-debian12:nonroot\n");
    for i in 0..20 {
        text.push_str(&format!(
            "COPY --from=tool{i} /out/tool{i} /usr/local/bin/\n"
        ));
    }
    // 204 lines so far: keep 199 (the last few COPY lines go) and end with the entrypoint.
    let mut text: String = text.lines().take(199).map(|l| format!("{l}\n")).collect();
    text.push_str("ENTRYPOINT [\"/usr/local/bin/tool0\"]\n");
    text
}

/// The bundled course at 120x40 with its first Dockerfile exercise open on the 200-line file,
/// the cursor in the middle.
fn editor_app(coloured: bool) -> dockerlings::tui::App {
    use dockerlings::quiz::QuestionKind;
    use dockerlings::tui::screens::exercise;
    let mut app = dockerlings::tui::App::new(dockerlings::course::Course::bundled());
    if coloured {
        app.code_colours = Some(dockerlings::tui::CodeColours {
            highlighter: std::sync::Arc::new(dockerlings::highlight::Highlighter::default()),
            depth: dockerlings::highlight::ColorDepth::Ansi16,
        });
    }
    update(&mut app, Msg::Resize(120, 40));
    let (lesson, question) = app
        .course
        .lessons
        .iter()
        .enumerate()
        .find_map(|(l, lesson)| {
            let quiz = app.quizzes.for_lesson(&lesson.id)?;
            let q = quiz
                .questions
                .iter()
                .position(|q| matches!(q.kind, QuestionKind::Dockerfile(_)))?;
            Some((l, q))
        })
        .expect("the bundled pack has an exercise");
    assert!(exercise::open(&mut app, lesson, question));
    let text = two_hundred_lines();
    assert_eq!(text.lines().count(), 200);
    exercise::set_editor_text(&mut app, &text);
    for _ in 0..100 {
        update(&mut app, special(KeyCode::Down));
    }
    app
}

fn special(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Two keystrokes in the middle of a 200-line file (type `x`, then Backspace), each followed
/// by the frame it causes: the median divided by two is one keystroke-to-frame.
#[divan::bench(args = [false, true])]
fn keystroke_to_frame_200_lines_x2(bencher: divan::Bencher, coloured: bool) {
    let mut app = editor_app(coloured);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| screens::render(&app, f)).unwrap();
    bencher.bench_local(|| {
        for key in [special(KeyCode::Char('x')), special(KeyCode::Backspace)] {
            update(&mut app, key);
            terminal.draw(|f| screens::render(&app, f)).unwrap();
        }
    });
}
