//! Every rule, one Dockerfile where it fires and one where it stays silent.
//! A first line `# lint-target=NAME` passes `--target NAME`; `# lint-dockerignore=PATTERN`
//! gives the build context a `.dockerignore` holding PATTERN.

use dockerlings::dockerfile::lint::{LintOptions, lint};
use dockerlings::dockerfile::rules;

/// (rule, fires, stays silent)
const CASES: &[(&str, &str, &str)] = &[
    // --- would stop docker build ----------------------------------------------------------
    ("DK100", "# only a comment\n", "FROM alpine:3.22\n"),
    (
        "DK101",
        "FROM alpine:3.22\nFNTRYPOINT [\"/app\"]\n",
        "FROM alpine:3.22\nENTRYPOINT [\"/app\"]\n",
    ),
    ("DK102", "ARG X=1\n", "ARG X=1\nFROM alpine:3.22\n"),
    (
        "DL3061",
        "RUN echo hi\nFROM alpine:3.22\n",
        "ARG V=3.22\nFROM alpine:${V}\n",
    ),
    (
        "DK103",
        "FROM alpine:3.22 AS\n",
        "FROM alpine:3.22 AS base\n",
    ),
    (
        "DK104",
        "FROM alpine:3.22 AS 1st\n",
        "FROM alpine:3.22 AS first.stage_1\n",
    ),
    (
        "DK105",
        "FROM alpine:3.22 AS a\nCOPY --from=b /x /x\nFROM alpine:3.22 AS b\n",
        "FROM alpine:3.22 AS b\nFROM alpine:3.22 AS a\nCOPY --from=b /x /x\n",
    ),
    (
        "DL3022",
        "FROM golang:1.26 AS builder\nFROM scratch\nCOPY --from=buider /app /app\n",
        "FROM golang:1.26 AS builder\nFROM scratch\nCOPY --from=builder /app /app\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n",
    ),
    (
        "DL3023",
        "FROM alpine:3.22 AS a\nCOPY --from=a /x /y\n",
        "FROM alpine:3.22 AS a\nFROM alpine:3.22 AS b\nCOPY --from=a /x /y\n",
    ),
    (
        "DL3024",
        "FROM alpine:3.22 AS build\nFROM alpine:3.22 AS Build\n",
        "FROM alpine:3.22 AS build\nFROM alpine:3.22 AS test\n",
    ),
    (
        "DL3063",
        "FROM alpine:3.22 AS scratch\n",
        "FROM alpine:3.22 AS scratchpad\n",
    ),
    (
        "DK106",
        "FROM alpine:3.22\nCOPY --chwon=1:1 a /a\n",
        "FROM alpine:3.22\nCOPY --chown=1:1 --link a /a\n",
    ),
    (
        "DK107",
        "ARG SRC=build\nFROM alpine:3.22\nCOPY --from=$SRC /a /a\n",
        "ARG SRC=alpine:3.22\nFROM ${SRC} AS src\nFROM alpine:3.22\nCOPY --from=src /a /a\n",
    ),
    (
        "DK108",
        "# lint-target=prod\nFROM alpine:3.22 AS build\n",
        "# lint-target=BUILD\nFROM alpine:3.22 AS build\n",
    ),
    (
        "DK109",
        "FROM alpine:3.22\nSHELL /bin/bash -c\n",
        "FROM alpine:3.22\nSHELL [\"/bin/ash\", \"-c\"]\n",
    ),
    ("DK110", "FROM Alpine:3.22\n", "FROM alpine:3.22\n"),
    // --- multi-stage and distroless --------------------------------------------------------
    (
        "DK201",
        "FROM gcr.io/distroless/static-debian13\nRUN mkdir /data\n",
        "FROM gcr.io/distroless/static-debian13:debug\nRUN [\"/busybox/sh\", \"-c\", \"mkdir /data\"]\n",
    ),
    (
        "DK202",
        "FROM scratch\nCOPY app /app\nCMD /app\n",
        "FROM scratch\nCOPY app /app\nCMD [\"/app\"]\n",
    ),
    (
        "DK203",
        "FROM golang:1.26 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian13\nCOPY --from=build /app /app\n",
        "FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM gcr.io/distroless/static-debian13\nCOPY --from=build /app /app\n",
    ),
    (
        "DK204",
        "FROM golang:1.26\nCOPY . .\nRUN go build -o /app .\n",
        "FROM golang:1.26 AS build\nFROM gcr.io/distroless/static-debian13:nonroot\nCOPY --from=build /app /app\n",
    ),
    (
        "DK205",
        "FROM debian:trixie-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\n",
        "FROM debian:trixie-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
    ),
    (
        "DK206",
        "FROM gcr.io/distroless/static-debian13\nCOPY app /app\n",
        "FROM gcr.io/distroless/static-debian13:nonroot\nCOPY app /app\nFROM mycorp/base:1\n",
    ),
    (
        "DK207",
        "FROM node:24 AS build\nRUN npm ci && npm run build\nFROM node:24-slim\nCOPY --from=build /app/dist /app/dist\n",
        "FROM node:24 AS build\nRUN npm ci && npm run build\nFROM node:24-slim\nCOPY --from=build /app/dist /app/dist\nCOPY --from=build /app/node_modules /app/node_modules\n",
    ),
    (
        "DK208",
        "FROM node:24\nWORKDIR /app\nCOPY . .\nRUN npm ci\n",
        "FROM node:24\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n",
    ),
    (
        "DK209",
        "FROM gcr.io/distroless/nodejs\n",
        "FROM gcr.io/distroless/nodejs22-debian13\n",
    ),
    (
        "DK210",
        "FROM gcr.io/distroless/python3\n",
        "FROM gcr.io/distroless/python3-debian13\n",
    ),
    (
        "DK211",
        "FROM gcr.io/distroless/nodejs22-debian13\nCMD [\"node\", \"server.js\"]\n",
        "FROM gcr.io/distroless/nodejs22-debian13\nCMD [\"server.js\"]\n",
    ),
    (
        "DK212",
        "FROM alpine:3.22\nCOPY app /usr/local/bin/\nCMD [\"./app\"]\n",
        "FROM alpine:3.22\nWORKDIR /app\nCOPY app .\nCMD [\"./app\"]\n",
    ),
    (
        "DK214",
        "FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /hello .\nFROM scratch\nCOPY --from=build /hello /hello\nENTRYPOINT [\"/out/hello\"]\n",
        "FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /hello .\nFROM scratch\nCOPY --from=build /hello /hello\nENTRYPOINT [\"/hello\"]\n",
    ),
    (
        "DK215",
        "FROM rust:1-slim AS build\nRUN cargo build --release\nFROM scratch\nCOPY --from=build /target/release/app /app\n",
        "FROM rust:1-slim AS build\nRUN cargo build --release\nFROM gcr.io/distroless/cc-debian13\nCOPY --from=build /target/release/app /app\n",
    ),
    (
        "DK216",
        "FROM node:24-alpine AS deps\nWORKDIR /app\nRUN npm ci --omit=dev\nFROM node:24-slim\nCOPY --from=deps /app/node_modules /app/node_modules\n",
        "FROM node:24-slim AS deps\nWORKDIR /app\nRUN npm ci --omit=dev\nFROM node:24-slim\nCOPY --from=deps /app/node_modules /app/node_modules\n",
    ),
    (
        "DK217",
        "FROM python:3.13-alpine AS build\nRUN python -m venv /venv\nFROM python:3.13-slim\nCOPY --from=build /venv /venv\n",
        "FROM python:3.13-slim AS build\nRUN python -m venv /venv\nFROM python:3.13-slim\nCOPY --from=build /venv /venv\n",
    ),
    (
        "DK218",
        "FROM eclipse-temurin:25-jdk AS build\nRUN ./mvnw package\nFROM eclipse-temurin:21-jre\nCOPY --from=build /target/app.jar /app.jar\n",
        "FROM eclipse-temurin:21-jdk AS build\nRUN ./mvnw package\nFROM eclipse-temurin:21-jre\nCOPY --from=build /target/app.jar /app.jar\n",
    ),
    (
        "DK219",
        "FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM scratch\nCOPY --from=build /src/app /app\n",
        "FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\n",
    ),
    (
        "DK220",
        "FROM gcr.io/distroless/nodejs24-debian13\nUSER node\n",
        "FROM gcr.io/distroless/nodejs24-debian13\nUSER nonroot\n",
    ),
    (
        "DK221",
        "FROM gcr.io/distroless/cc-debian12\n",
        "FROM gcr.io/distroless/cc-debian13\n",
    ),
    (
        "DK213",
        "FROM scratch\nCOPY app /app\nUSER app\n",
        "FROM scratch\nCOPY app /app\nUSER 65532:65532\n",
    ),
    // --- BuildKit build checks ---------------------------------------------------------------
    (
        "DK301",
        "FROM alpine:3.22\nRun echo hi\n",
        "from alpine:3.22\nrun echo hi\n",
    ),
    (
        "DK302",
        "FROM alpine:3.22 as base\n",
        "from alpine:3.22 as base\n",
    ),
    (
        "DK303",
        "FROM alpine:3.22 AS BuilderBase\n",
        "FROM alpine:3.22 AS builder-base\n",
    ),
    (
        "DK304",
        "FROM alpine:3.22\nEXPOSE \\\n\n80\n",
        "FROM alpine:3.22\nEXPOSE \\\n# port\n80\n",
    ),
    (
        "DK305",
        "FROM alpine:3.22\nEXPOSE 80/TCP\n",
        "FROM alpine:3.22\nEXPOSE 80/tcp\n",
    ),
    (
        "DK306",
        "FROM alpine:3.22\nEXPOSE 8080:80\n",
        "FROM alpine:3.22\nEXPOSE 80 443/udp\n",
    ),
    (
        "DK307",
        "FROM node:22${VARIANT}\n",
        "ARG VARIANT=-slim\nFROM --platform=$BUILDPLATFORM node:22${VARIANT}\n",
    ),
    (
        "DK308",
        "ARG TAG\nFROM busybox:${TAG}\n",
        "ARG TAG=1.37\nFROM busybox:${TAG}\n",
    ),
    (
        "DK309",
        "FROM alpine:3.22\nENV DEPS curl git\n",
        "FROM alpine:3.22\nENV DEPS=\"curl git\"\n",
    ),
    // --- shell analysis of RUN scripts ---------------------------------------------------------
    (
        "DK401",
        "FROM alpine:3.22\nRUN rm -rf $DIR/cache\n",
        "FROM alpine:3.22\nRUN rm -rf \"$DIR/cache\"\n",
    ),
    (
        "DK402",
        "FROM alpine:3.22\nRUN cd $(dirname /a/b)\n",
        "FROM alpine:3.22\nRUN cd \"$(dirname /a/b)\"\n",
    ),
    (
        "DK403",
        "FROM alpine:3.22\nRUN export V=$(cat /v)\n",
        "FROM alpine:3.22\nRUN V=$(cat /v) && export V\n",
    ),
    (
        "DK404",
        "FROM debian:13\nRUN echo -e 'a\\tb'\n",
        "FROM debian:13\nRUN printf 'a\\tb\\n'\n",
    ),
    (
        "DK405",
        "FROM debian:13\nRUN [ \"$A\" == b ] || true\n",
        "FROM debian:13\nRUN [ \"$A\" = b ] || true\n",
    ),
    (
        "DK406",
        "FROM alpine:3.22\nRUN echo `uname -m`\n",
        "FROM alpine:3.22\nRUN echo \"$(uname -m)\"\n",
    ),
    (
        "DK310",
        "FROM scratch\nCMD [\"/a\"]\nCMD [\"/b\"]\n",
        "FROM scratch AS a\nCMD [\"/a\"]\nFROM a\nCMD [\"/b\"]\n",
    ),
    (
        "DL3029",
        "FROM --platform=linux/amd64 alpine:3.22\n",
        "FROM --platform=linux/amd64 alpine:3.22 AS build-amd64\n",
    ),
    (
        "DK312",
        "# check=experimental=InvalidDefinitionDescription\n# the version\nARG VERSION=1\nFROM scratch\n",
        "# check=experimental=InvalidDefinitionDescription\n# VERSION the version\nARG VERSION=1\nFROM scratch\n",
    ),
    (
        "DK313",
        "# lint-dockerignore=*.md\nFROM scratch\nCOPY README.md /\n",
        "# lint-dockerignore=*.md\nFROM scratch\nCOPY app /\n",
    ),
    (
        "DK314",
        "FROM --platform=linux/386 node:24 AS build-386\n",
        "FROM --platform=linux/arm64 node:24 AS build-arm64\n",
    ),
    (
        "DK315",
        "FROM scratch\nCOPY $APP /app\n",
        "FROM scratch\nARG APP=app\nCOPY $APP /app\n",
    ),
    // --- hadolint-equivalent generic checks ----------------------------------------------------
    (
        "DL3000",
        "FROM alpine:3.22\nWORKDIR app\n",
        "FROM alpine:3.22\nWORKDIR /app\n",
    ),
    (
        "DL3002",
        "FROM alpine:3.22\nUSER app\nUSER root\n",
        "FROM alpine:3.22\nUSER root\nRUN id\nUSER 1000\n",
    ),
    (
        "DL3003",
        "FROM alpine:3.22\nRUN cd /tmp && make\n",
        "FROM alpine:3.22\nWORKDIR /tmp\nRUN make\n",
    ),
    (
        "DL3004",
        "FROM debian:trixie\nRUN sudo make install\n",
        "FROM debian:trixie\nRUN make install\n",
    ),
    (
        "DL3006",
        "FROM alpine\n",
        "FROM alpine:3.22\nFROM alpine@sha256:abcd\nFROM scratch\n",
    ),
    (
        "DL3007",
        "FROM alpine:latest\n",
        "FROM alpine:latest@sha256:abcd\n",
    ),
    (
        "DL3008",
        "FROM debian:trixie\nRUN apt-get install -y curl\n",
        "FROM debian:trixie\nRUN apt-get install -y curl=8.14.1-2\n",
    ),
    (
        "DL3009",
        "FROM debian:trixie\nRUN apt-get update && apt-get install -y curl=8.14.1-2\n",
        "FROM debian:trixie\nRUN apt-get update && apt-get install -y curl=8.14.1-2 && rm -rf /var/lib/apt/lists/*\n",
    ),
    (
        "DL3011",
        "FROM alpine:3.22\nEXPOSE 80000\n",
        "FROM alpine:3.22\nEXPOSE 8000\n",
    ),
    (
        "DL3012",
        "FROM alpine:3.22\nHEALTHCHECK CMD [\"/a\"]\nHEALTHCHECK CMD [\"/b\"]\n",
        "FROM alpine:3.22\nHEALTHCHECK CMD [\"/a\"]\nFROM alpine:3.22\nHEALTHCHECK CMD [\"/b\"]\n",
    ),
    (
        "DL3013",
        "FROM python:3.13\nRUN pip install --no-cache-dir flask\n",
        "FROM python:3.13\nRUN pip install --no-cache-dir flask==3.1.1 && pip install --no-cache-dir -r requirements.txt\n",
    ),
    (
        "DL3014",
        "FROM debian:trixie\nRUN apt-get install curl=1\n",
        "FROM debian:trixie\nRUN apt-get -qy install curl=1\n",
    ),
    (
        "DL3015",
        "FROM debian:trixie\nRUN apt-get install -y curl=1\n",
        "FROM debian:trixie\nRUN apt-get install -y --no-install-recommends curl=1\n",
    ),
    (
        "DL3016",
        "FROM node:24\nRUN npm install -g typescript\n",
        "FROM node:24\nRUN npm install -g typescript@5.9.2 @scope/pkg@1.0.0 && npm install\n",
    ),
    (
        "DL3018",
        "FROM alpine:3.22\nRUN apk add --no-cache curl\n",
        "FROM alpine:3.22\nRUN apk add --no-cache --virtual .deps curl=8.14.1-r0\n",
    ),
    (
        "DL3019",
        "FROM alpine:3.22\nRUN apk add curl=8.14.1-r0\n",
        "FROM alpine:3.22\nRUN apk add --no-cache curl=8.14.1-r0\n",
    ),
    (
        "DL3020",
        "FROM alpine:3.22\nADD app.js /app/\n",
        "FROM alpine:3.22\nADD https://example.com/a.tgz /tmp/\nADD rootfs.tar.gz /\n",
    ),
    (
        "DL3021",
        "FROM alpine:3.22\nCOPY a b /app\n",
        "FROM alpine:3.22\nCOPY a b /app/\n",
    ),
    (
        "DL3025",
        "FROM alpine:3.22\nCMD node server.js\n",
        "FROM alpine:3.22\nCMD [\"node\", \"server.js\"]\nFROM alpine:3.22\nSHELL [\"/bin/ash\", \"-c\"]\nCMD node server.js\n",
    ),
    (
        "DL3027",
        "FROM debian:trixie\nRUN apt install -y curl=1\n",
        "FROM debian:trixie\nRUN apt-get install -y curl=1\n",
    ),
    (
        "DL3042",
        "FROM python:3.13\nRUN pip install -r requirements.txt\n",
        "FROM python:3.13\nRUN pip install --no-cache-dir -r requirements.txt\n",
    ),
    (
        "DL3045",
        "FROM alpine:3.22\nCOPY app .\n",
        "FROM alpine:3.22\nWORKDIR /srv\nCOPY app .\nFROM alpine:3.22\nCOPY app /usr/bin/app\n",
    ),
    (
        "DL3059",
        "FROM alpine:3.22\nRUN echo a\nRUN echo b\n",
        "FROM alpine:3.22\nRUN echo a\nCOPY x /x\nRUN --mount=type=cache,target=/root/.cache echo b\n",
    ),
    (
        "DL3062",
        "FROM golang:1.26\nRUN go install github.com/x/tool\n",
        "FROM golang:1.26\nRUN go install github.com/x/tool@v1.2.3\n",
    ),
    (
        "DL3064",
        "FROM alpine:3.22\nARG AWS_SECRET_ACCESS_KEY\n",
        "FROM alpine:3.22\nARG PUBLIC_KEY\nENV NODE_VERSION=22\n",
    ),
    (
        "DL3065",
        "FROM --platform=$TARGETPLATFORM alpine:3.22\n",
        "FROM --platform=$BUILDPLATFORM alpine:3.22\n",
    ),
    (
        "DL3066",
        "FROM alpine:3.22\nUSER app\n",
        "FROM alpine:3.22\nUSER 1000:1000\n",
    ),
    (
        "DL3067",
        "FROM alpine:3.22 AS a\nFROM alpine:3.22\nCOPY --from=a / /\n",
        "FROM alpine:3.22 AS a\nFROM alpine:3.22\nCOPY --from=a /out /out\n",
    ),
    (
        "DL4000",
        "FROM alpine:3.22\nMAINTAINER me <me@example.com>\n",
        "FROM alpine:3.22\nLABEL org.opencontainers.image.authors=\"me\"\n",
    ),
    (
        "DL4003",
        "FROM alpine:3.22\nCMD [\"a\"]\nCMD [\"b\"]\n",
        "FROM alpine:3.22\nCMD [\"a\"]\n",
    ),
    (
        "DL4004",
        "FROM alpine:3.22\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n",
        "FROM alpine:3.22\nENTRYPOINT [\"a\"]\nCMD [\"b\"]\n",
    ),
    (
        "DL4006",
        "FROM alpine:3.22\nRUN wget -O - https://x | tar x\n",
        "FROM alpine:3.22\nSHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN wget -O - https://x | tar x\n",
    ),
    // --- hadolint's package managers, downloads, ENV/LABEL and shell habits ---------------
    (
        "DL3001",
        "FROM debian:12\nRUN service nginx start\n",
        "FROM debian:12\nRUN ssh-keygen -A\n",
    ),
    (
        "DL3010",
        "FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz\n",
        "FROM debian:12\nADD app.tar.gz /opt/\n",
    ),
    (
        "DL3028",
        "FROM ruby:3.4\nRUN gem install rails\n",
        "FROM ruby:3.4\nRUN gem install rails:7.1\n",
    ),
    (
        "DL3029",
        "FROM --platform=linux/amd64 debian:12\n",
        "FROM --platform=$BUILDPLATFORM debian:12\n",
    ),
    (
        "DL3030",
        "FROM centos:7\nRUN yum install httpd-2.4\n",
        "FROM centos:7\nRUN yum install -y httpd-2.4\n",
    ),
    (
        "DL3032",
        "FROM centos:7\nRUN yum install -y httpd-2.4\n",
        "FROM centos:7\nRUN yum install -y httpd-2.4 && yum clean all\n",
    ),
    (
        "DL3033",
        "FROM centos:7\nRUN yum install -y httpd\n",
        "FROM centos:7\nRUN yum install -y httpd-2.4\n",
    ),
    (
        "DL3034",
        "FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4\n",
        "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4\n",
    ),
    (
        "DL3035",
        "FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade\n",
        "FROM opensuse/leap:15.6\nRUN zypper -n update openssl\n",
    ),
    (
        "DL3036",
        "FROM opensuse/leap:15.6\nRUN zypper -n in httpd=2.4\n",
        "FROM opensuse/leap:15.6\nRUN zypper -n in httpd=2.4 && zypper clean\n",
    ),
    (
        "DL3037",
        "FROM opensuse/leap:15.6\nRUN zypper -n in httpd\n",
        "FROM opensuse/leap:15.6\nRUN zypper -n in httpd=2.4\n",
    ),
    (
        "DL3038",
        "FROM fedora:42\nRUN dnf install jq-1.7\n",
        "FROM fedora:42\nRUN dnf install -y jq-1.7\n",
    ),
    (
        "DL3040",
        "FROM fedora:42\nRUN dnf install -y jq-1.7\n",
        "FROM fedora:42\nRUN dnf install -y jq-1.7 && dnf clean all\n",
    ),
    (
        "DL3041",
        "FROM fedora:42\nRUN dnf install -y jq\n",
        "FROM fedora:42\nRUN dnf install -y jq-1.7\n",
    ),
    (
        "DL3044",
        "FROM debian:12\nENV A=1 B=$A\n",
        "FROM debian:12\nENV PATH=/app/bin:$PATH\n",
    ),
    (
        "DL3046",
        "FROM debian:12\nRUN useradd -u 123456 app\n",
        "FROM debian:12\nRUN useradd -l -u 123456 app\n",
    ),
    (
        "DL3047",
        "FROM debian:12\nRUN wget https://example.com/x\n",
        "FROM debian:12\nRUN wget -q https://example.com/x\n",
    ),
    (
        "DL3048",
        "FROM debian:12\nLABEL Maintainer=me\n",
        "FROM debian:12\nLABEL org.opencontainers.image.authors=me\n",
    ),
    (
        "DL3060",
        "FROM node:24\nRUN yarn install\n",
        "FROM node:24\nRUN yarn install && yarn cache clean\n",
    ),
    (
        "DL4001",
        "FROM debian:12\nRUN curl -O x && wget -q y\n",
        "FROM debian:12\nRUN curl -O x\n",
    ),
    (
        "DL4005",
        "FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n",
        "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\n",
    ),
];

fn rule_hits(rule: &str, file: &str) -> Vec<String> {
    let target = file
        .strip_prefix("# lint-target=")
        .and_then(|rest| rest.lines().next())
        .map(str::to_string);
    // `# lint-dockerignore=PATTERN` gives the build context a one-line .dockerignore.
    let dockerignore = file
        .strip_prefix("# lint-dockerignore=")
        .and_then(|rest| rest.lines().next())
        .map(|p| format!("{p}\n"));
    let opts = LintOptions {
        target,
        dockerignore,
        ..LintOptions::default()
    };
    lint(file, &opts)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == rule)
        .map(|d| format!("{}:{} {}", d.location.line, d.location.column, d.message))
        .collect()
}

#[test]
fn every_rule_fires_and_stays_silent() {
    let mut failures = Vec::new();
    for (rule, fires, silent) in CASES {
        if rule_hits(rule, fires).is_empty() {
            failures.push(format!("{rule} did not fire on:\n{fires}"));
        }
        let wrong = rule_hits(rule, silent);
        if !wrong.is_empty() {
            failures.push(format!(
                "{rule} fired on the silent case:\n{silent}{wrong:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));
}

#[test]
fn every_registered_rule_has_a_case() {
    let missing: Vec<&str> = rules::all()
        .iter()
        .map(|r| r.id)
        .filter(|id| !CASES.iter().any(|(c, _, _)| c == id))
        .collect();
    assert!(missing.is_empty(), "rules without a test case: {missing:?}");
}

#[test]
fn ignore_by_id_alias_and_inline_pragma() {
    let file = "FROM alpine:3.22\nMAINTAINER me\n";
    let opts = |ignore: &[&str]| LintOptions {
        ignore: ignore.iter().map(|s| s.to_string()).collect(),
        ..LintOptions::default()
    };
    let has = |o: &LintOptions, f: &str| lint(f, o).diagnostics.iter().any(|d| d.rule == "DL4000");
    assert!(has(&opts(&[]), file));
    assert!(!has(&opts(&["DL4000"]), file));
    assert!(!has(&opts(&["maintainerdeprecated"]), file));
    let inline = "FROM alpine:3.22\n# dockerlings ignore=DL3059,DL4000\nMAINTAINER me\n";
    assert!(!has(&opts(&[]), inline));
    let skip = "# check=skip=MaintainerDeprecated\nFROM alpine:3.22\nMAINTAINER me\n";
    assert!(!has(&opts(&[]), skip));
}
