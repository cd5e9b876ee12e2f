//! Re-checking an exercise's Dockerfile as the learner types: lint + model + requirements on
//! a 60-line multi-stage file. Goal: median under 1 ms, so the editor never lags.
//! Run: `cargo bench --bench recheck`.

use dockerlings::dockerfile::Severity;
use dockerlings::quiz::Requirement;
use dockerlings::quiz::judge::judge;

fn main() {
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
