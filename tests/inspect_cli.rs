//! `dockerlings inspect` run as the real binary: the JSON schema, unknown images, `${VAR}`
//! bases, broken and unreadable input, colour flags, and text snapshots of the notes' four
//! example Dockerfiles.

mod needs;

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const NOTES: [&str; 4] = [
    "node.Dockerfile",
    "go-alpine.Dockerfile",
    "go-distroless.Dockerfile",
    "node-distroless.Dockerfile",
];

fn dockerlings() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dockerlings"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    cmd
}

fn fixture(name: &str) -> String {
    Path::new("tests/fixtures/notes")
        .join(name)
        .display()
        .to_string()
}

/// Runs `inspect` on `source` (standard input) with extra arguments: (exit code, stdout).
fn inspect_stdin(source: &str, args: &[&str]) -> (i32, String) {
    let out = dockerlings()
        .arg("inspect")
        .arg("-")
        .args(args)
        .write_stdin(source)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn json_of(source: &str) -> Value {
    let (_, out) = inspect_stdin(source, &["--format", "json"]);
    serde_json::from_str(&out).unwrap()
}

// --- a small schema checker: every listed field present with the right JSON type -------------

#[derive(Clone, Copy)]
enum T {
    Str,
    Num,
    Bool,
    Arr,
    Obj,
    /// The type, or null.
    Opt(&'static T),
}

fn check(value: &Value, fields: &[(&str, T)], at: &str) {
    let obj = value
        .as_object()
        .unwrap_or_else(|| panic!("{at} is not an object: {value}"));
    for (name, ty) in fields {
        let v = obj
            .get(*name)
            .unwrap_or_else(|| panic!("{at}.{name} is missing in {value}"));
        assert!(has_type(v, *ty), "{at}.{name} has the wrong type: {v}");
    }
}

fn has_type(v: &Value, ty: T) -> bool {
    match ty {
        T::Str => v.is_string(),
        T::Num => v.is_u64(),
        T::Bool => v.is_boolean(),
        T::Arr => v.is_array(),
        T::Obj => v.is_object(),
        T::Opt(inner) => v.is_null() || has_type(v, *inner),
    }
}

const STR_OR_NULL: T = T::Opt(&T::Str);
const NUM_OR_NULL: T = T::Opt(&T::Num);

/// `*_bytes` are numbers or null, and null only with the `unknown` flag (or `at_least` for the
/// open upper end of an estimate).
fn check_bytes(v: &Value, at: &str) {
    let unknown = v["unknown"].as_bool().unwrap();
    let at_least = v.get("at_least").and_then(Value::as_bool).unwrap_or(false);
    for key in ["min_bytes", "max_bytes"] {
        let b = &v[key];
        assert!(b.is_u64() || b.is_null(), "{at}.{key}: {b}");
        if b.is_null() {
            assert!(
                unknown || (key == "max_bytes" && at_least),
                "{at}.{key} is null without a flag: {v}"
            );
        } else {
            assert!(!unknown, "{at}.{key} is a number but unknown is set: {v}");
        }
    }
}

fn check_schema(report: &Value) {
    check(
        report,
        &[
            ("schema_version", T::Num),
            ("stages", T::Arr),
            ("edges", T::Arr),
            ("final_stage", NUM_OR_NULL),
            ("not_shipped", T::Arr),
            ("sizes", T::Obj),
            ("errors", T::Arr),
            ("run", T::Obj),
        ],
        "report",
    );
    check(
        &report["run"],
        &[
            ("argv", T::Opt(&T::Arr)),
            ("workdir", STR_OR_NULL),
            ("program_line", NUM_OR_NULL),
            ("outcome", T::Str),
            ("reasons", T::Arr),
        ],
        "report.run",
    );
    assert!(
        ["runs", "likely_fails", "fails"].contains(&report["run"]["outcome"].as_str().unwrap())
    );
    assert_eq!(report["schema_version"], 1);
    for (i, st) in report["stages"].as_array().unwrap().iter().enumerate() {
        let at = format!("stages[{i}]");
        check(
            st,
            &[
                ("index", T::Num),
                ("name", STR_OR_NULL),
                ("label", T::Str),
                ("line", T::Num),
                ("base", T::Obj),
                ("image", T::Opt(&T::Obj)),
                ("role", T::Str),
                ("ships", T::Bool),
                ("surface", T::Obj),
                ("paths", T::Arr),
                ("more_paths", T::Num),
                ("unknown_writes", T::Arr),
            ],
            &at,
        );
        for (k, p) in st["paths"].as_array().unwrap().iter().enumerate() {
            let at = format!("{at}.paths[{k}]");
            check(
                p,
                &[
                    ("path", T::Str),
                    ("origin", T::Obj),
                    ("artifact", T::Opt(&T::Obj)),
                ],
                &at,
            );
            assert!(p["origin"]["from"].is_string(), "{at}.origin.from");
            if p["artifact"].is_object() {
                check(
                    &p["artifact"],
                    &[
                        ("kind", T::Str),
                        ("stage", T::Num),
                        ("line", T::Num),
                        ("image", STR_OR_NULL),
                        ("from_line", T::Num),
                    ],
                    &format!("{at}.artifact"),
                );
            }
        }
        for (k, o) in st["unknown_writes"].as_array().unwrap().iter().enumerate() {
            check(
                o,
                &[
                    ("under", STR_OR_NULL),
                    ("line", NUM_OR_NULL),
                    ("why", T::Str),
                ],
                &format!("{at}.unknown_writes[{k}]"),
            );
        }
        check(
            &st["base"],
            &[
                ("written", T::Str),
                ("resolved", STR_OR_NULL),
                ("kind", T::Str),
                ("stage", NUM_OR_NULL),
                ("reason", STR_OR_NULL),
            ],
            &format!("{at}.base"),
        );
        assert!(["final", "base", "builder", "unused"].contains(&st["role"].as_str().unwrap()));
        if st["image"].is_object() {
            let img = &st["image"];
            check(
                img,
                &[
                    ("reference", T::Str),
                    ("display", T::Str),
                    ("table_id", STR_OR_NULL),
                    ("unknown", T::Bool),
                    ("kind", STR_OR_NULL),
                    ("compressed", T::Obj),
                    ("uncompressed", T::Obj),
                    ("advisory", T::Opt(&T::Obj)),
                ],
                &format!("{at}.image"),
            );
            for m in ["compressed", "uncompressed"] {
                let r = &img[m];
                check(
                    r,
                    &[
                        ("min_bytes", NUM_OR_NULL),
                        ("max_bytes", NUM_OR_NULL),
                        ("unknown", T::Bool),
                        ("source", STR_OR_NULL),
                        ("date", STR_OR_NULL),
                        ("estimate", T::Bool),
                    ],
                    &format!("{at}.image.{m}"),
                );
                check_bytes(r, &format!("{at}.image.{m}"));
            }
        }
        let s = &st["surface"];
        for fact in ["shell", "package_manager", "libc"] {
            let f = &s[fact];
            check(
                f,
                &[("status", T::Str), ("value", STR_OR_NULL)],
                &format!("{at}.surface.{fact}"),
            );
            let status = f["status"].as_str().unwrap();
            assert!(["present", "absent", "unknown"].contains(&status));
            assert_eq!(f["value"].is_string(), status == "present");
        }
        check(
            &s["user"],
            &[
                ("name", STR_OR_NULL),
                ("unknown", T::Bool),
                ("root", T::Opt(&T::Bool)),
                ("set_by", T::Str),
                ("line", NUM_OR_NULL),
            ],
            &format!("{at}.surface.user"),
        );
    }
    for (i, e) in report["edges"].as_array().unwrap().iter().enumerate() {
        let at = format!("edges[{i}]");
        check(
            e,
            &[
                ("kind", T::Str),
                ("from", T::Obj),
                ("to_stage", T::Num),
                ("written", T::Str),
                ("line", T::Num),
                ("sources", T::Arr),
                ("dest", STR_OR_NULL),
                ("ships", T::Bool),
            ],
            &at,
        );
        let from = &e["from"];
        match from["type"].as_str().unwrap() {
            "stage" => check(from, &[("index", T::Num)], &at),
            "image" => check(from, &[("reference", T::Str), ("unknown", T::Bool)], &at),
            "invalid" => check(from, &[("reason", T::Str)], &at),
            other => panic!("{at}.from.type {other}"),
        }
    }
    for which in ["final_image", "single_stage"] {
        let est = &report["sizes"][which];
        let at = format!("sizes.{which}");
        check(
            est,
            &[
                ("stage", NUM_OR_NULL),
                ("base_image", STR_OR_NULL),
                ("uncompressed", T::Obj),
                ("compressed", T::Obj),
                ("unknown_parts", T::Arr),
                ("sources", T::Arr),
            ],
            &at,
        );
        for m in ["uncompressed", "compressed"] {
            check(
                &est[m],
                &[
                    ("min_bytes", NUM_OR_NULL),
                    ("max_bytes", NUM_OR_NULL),
                    ("at_least", T::Bool),
                    ("unknown", T::Bool),
                ],
                &format!("{at}.{m}"),
            );
            check_bytes(&est[m], &format!("{at}.{m}"));
        }
        for p in est["unknown_parts"].as_array().unwrap() {
            check(
                p,
                &[("line", T::Num), ("stage", T::Num), ("what", T::Str)],
                &at,
            );
        }
    }
    for d in report["errors"].as_array().unwrap() {
        check(
            d,
            &[
                ("rule", T::Str),
                ("severity", T::Str),
                ("message", T::Str),
                ("location", T::Obj),
            ],
            "errors[]",
        );
    }
}

#[test]
fn json_follows_the_schema() {
    let sources = [
        std::fs::read_to_string(fixture("node-distroless.Dockerfile")).unwrap(),
        // Unknown images, an image copy, a mount, a bad reference, an unresolved base, errors.
        "ARG BASE\nFROM mycorp/sdk:1 AS build\nRUN --mount=type=cache,from=build,target=/c make\n\
         FROM ${BASE} AS odd\nFROM scratch\nCOPY --from=nginx:1.27 /etc/nginx /n\n\
         COPY --from=later /a /a\nCOPY --from=build /app /app\nENV BROKEN\n"
            .to_string(),
        String::new(),
    ];
    for source in &sources {
        check_schema(&json_of(source));
    }
}

#[test]
fn json_for_a_notes_example() {
    let out = dockerlings()
        .args(["inspect", "--format", "json"])
        .arg(fixture("node-distroless.Dockerfile"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["final_stage"], 1);
    assert_eq!(r["not_shipped"], serde_json::json!([0]));
    assert_eq!(r["stages"][0]["role"], "builder");
    assert_eq!(r["stages"][1]["image"]["table_id"], "distroless-nodejs");
    assert_eq!(r["edges"][0]["kind"], "copy_from");
    assert_eq!(r["edges"][0]["sources"], serde_json::json!(["/app/dist"]));
    assert_eq!(r["edges"][0]["dest"], "./dist");
    let fin = &r["sizes"]["final_image"]["uncompressed"];
    assert_eq!(fin["min_bytes"], 141_000_000u64);
    assert_eq!(fin["at_least"], true);
    assert_eq!(fin["max_bytes"], Value::Null);
}

#[test]
fn json_says_what_the_final_image_runs_and_why_it_would_not_start() {
    let r = json_of(
        "FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /hello .\nFROM scratch\nCOPY --from=build /hello /hello\nENTRYPOINT [\"/out/hello\"]\n",
    );
    check_schema(&r);
    assert_eq!(r["run"]["argv"], serde_json::json!(["/out/hello"]));
    assert_eq!(r["run"]["program_line"], 5);
    assert_eq!(r["run"]["outcome"], "fails");
    assert_eq!(r["run"]["reasons"][0]["rule"], "DK214");
    let path = &r["stages"][1]["paths"][0];
    assert_eq!(path["path"], "/hello");
    assert_eq!(path["origin"]["from"], "stage");
    assert_eq!(path["origin"]["path"], "/hello");
    assert_eq!(path["artifact"]["kind"], "binary");
    assert_eq!(path["artifact"]["linkage"]["linkage"], "static");
    assert_eq!(path["artifact"]["line"], 2);
}

#[test]
fn unknown_images_give_unknown() {
    let src = "FROM mycorp/builder:2 AS build\nRUN make\nFROM mycorp/runtime:1\nCOPY --from=build /app /app\n";
    let r = json_of(src);
    for st in r["stages"].as_array().unwrap() {
        assert_eq!(st["image"]["unknown"], true);
        assert_eq!(st["image"]["table_id"], Value::Null);
        assert_eq!(st["image"]["uncompressed"]["min_bytes"], Value::Null);
        assert_eq!(st["surface"]["shell"]["status"], "unknown");
        assert_eq!(st["surface"]["user"]["unknown"], true);
    }
    for which in ["final_image", "single_stage"] {
        let f = &r["sizes"][which]["uncompressed"];
        assert_eq!(f["unknown"], true, "{which}");
        assert_eq!(f["min_bytes"], Value::Null);
    }
    let (code, text) = inspect_stdin(src, &[]);
    assert_eq!(code, 0);
    assert!(text.contains("mycorp/runtime:1: unknown image"), "{text}");
    assert!(text.contains("unknown vs unknown"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("  stage 1") && l.matches("unknown").count() == 4),
        "{text}"
    );
}

#[test]
fn base_from_a_global_arg_is_looked_up_by_its_value() {
    let r = json_of(
        "ARG RUNTIME=gcr.io/distroless/static-debian13:nonroot\nARG SDK=golang:1.26\n\
         FROM ${SDK} AS build\nRUN CGO_ENABLED=0 go build -o /app .\n\
         FROM $RUNTIME\nCOPY --from=build /app /app\n",
    );
    let build = &r["stages"][0];
    assert_eq!(build["base"]["written"], "${SDK}");
    assert_eq!(build["base"]["resolved"], "golang:1.26");
    assert_eq!(build["image"]["table_id"], "golang");
    let run = &r["stages"][1];
    assert_eq!(run["base"]["written"], "$RUNTIME");
    assert_eq!(
        run["image"]["reference"],
        "gcr.io/distroless/static-debian13:nonroot"
    );
    assert_eq!(run["image"]["table_id"], "distroless-static");
    assert_eq!(run["surface"]["user"]["name"], "65532");
    assert_eq!(run["surface"]["shell"]["status"], "absent");
    assert_eq!(
        r["sizes"]["final_image"]["uncompressed"]["min_bytes"],
        2_000_000u64
    );
    assert_eq!(
        r["sizes"]["single_stage"]["base_image"], "golang:1.26",
        "single-stage on the SDK's value"
    );
}

#[test]
fn broken_dockerfile_still_gets_a_report_with_errors() {
    let src = "FROM node:22 AS build\nRUN npm ci\nENV ONLYKEY\nFROM node:22-slim\nCOPY --from=build /app /app\n";
    let (code, text) = inspect_stdin(src, &[]);
    assert_eq!(code, 1, "errors make the exit status 1, as with check");
    assert!(text.starts_with("Errors"), "{text}");
    assert!(text.contains("line 3:"), "{text}");
    assert!(
        text.contains("Final stage: stage 1 (on node:22-slim)"),
        "{text}"
    );
    let r = json_of(src);
    assert!(!r["errors"].as_array().unwrap().is_empty());
    assert_eq!(r["errors"][0]["location"]["line"], 3);
    assert_eq!(r["stages"].as_array().unwrap().len(), 2);
    let (code, text) = inspect_stdin("# nothing here\n", &[]);
    assert_eq!(code, 1);
    assert!(text.contains("No stages"), "{text}");
}

#[test]
fn unreadable_files_exit_2() {
    let out = dockerlings()
        .args(["inspect", "no/such/Dockerfile"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no/such/Dockerfile: no such file"), "{err}");
    let out = dockerlings()
        .args(["inspect", "-"])
        .write_stdin(b"FROM alpine\n\xff\n".to_vec())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("UTF-8"));
}

#[test]
fn colour_follows_the_flags() {
    let src = "FROM node:22 AS b\nRUN x\nFROM node:22-slim\nCOPY --from=b /a /a\n";
    let (_, piped) = inspect_stdin(src, &[]);
    assert!(!piped.contains('\x1b'), "no colour when piped");
    let (_, never) = inspect_stdin(src, &["--color", "never"]);
    assert_eq!(never, piped);
    let (_, light) = inspect_stdin(src, &["--color", "always", "--theme", "light"]);
    let (_, dark) = inspect_stdin(src, &["--color", "always", "--theme", "dark"]);
    assert!(light.contains('\x1b'));
    assert_ne!(light, dark, "stage colours come from the theme");
}

#[test]
fn notes_examples_have_sensible_sizes() {
    for name in NOTES {
        let out = dockerlings()
            .args(["inspect", "--format", "json"])
            .arg(fixture(name))
            .output()
            .unwrap();
        let r: Value = serde_json::from_slice(&out.stdout).unwrap();
        let fin = &r["sizes"]["final_image"]["uncompressed"];
        let single = &r["sizes"]["single_stage"]["uncompressed"];
        let (f, s) = (
            fin["min_bytes"].as_u64().unwrap(),
            single["min_bytes"].as_u64().unwrap(),
        );
        assert!(
            fin["at_least"] == true && single["at_least"] == true,
            "{name}"
        );
        assert!(
            f * 4 < s,
            "{name}: final {f} should be far below single-stage {s}"
        );
        assert_eq!(r["not_shipped"], serde_json::json!([0]), "{name}");
    }
}

#[test]
fn notes_examples_text_snapshots() {
    for name in NOTES {
        let out = dockerlings()
            .args(["inspect", "--color", "never"])
            .arg(fixture(name))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{name}");
        let text = String::from_utf8(out.stdout).unwrap();
        insta::assert_snapshot!(
            format!("inspect_{}", name.trim_end_matches(".Dockerfile")),
            text
        );
    }
}

#[test]
fn every_corpus_file_gets_a_report_that_follows_the_schema() {
    let Some(corpus) = needs::shared("corpus") else {
        return;
    };
    let entries = std::fs::read_dir(&corpus).unwrap();
    let mut seen = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "Dockerfile") {
            continue;
        }
        let Ok(source) = std::fs::read_to_string(&path) else {
            continue;
        };
        let report = dockerlings::inspect::inspect(&source);
        check_schema(&serde_json::to_value(&report).unwrap());
        let text = dockerlings::inspect::text::render(
            &report,
            &dockerlings::inspect::text::TextStyle::PLAIN,
        );
        assert!(text.ends_with('\n'), "{}", path.display());
        if let Some(f) = report.final_stage() {
            assert!(f.ships, "{}", path.display());
        }
        seen += 1;
    }
    assert!(seen > 100, "only {seen} corpus files");
}
