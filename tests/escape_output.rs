//! Text from files, names and arguments never reaches the terminal raw: each command's output
//! is fed an OSC 52 clipboard write, a CSI sequence, a C1 control and a line break where it
//! takes outside text, and its bytes are checked (see `dockerlings::escape`).

use std::path::Path;

use assert_cmd::Command;

const OSC52: &str = "\u{1b}]52;c;aGVsbG8=\u{7}";
const CSI: &str = "\u{1b}[2J";
const C1: char = '\u{9b}';

fn dockerlings() -> Command {
    let mut cmd = Command::cargo_bin("dockerlings").unwrap();
    cmd.env_remove("DOCKERLINGS_NAME").env("NO_COLOR", "1");
    cmd
}

/// No byte that could drive a terminal: ESC, BEL, DEL, CR, a C1 control (as UTF-8) or a bidi
/// override.
fn assert_clean(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    for bad in [0x1b, 0x07, 0x7f, b'\r'] {
        assert!(!bytes.contains(&bad), "{what}: byte {bad:#x} in {text:?}");
    }
    assert!(
        !text.contains(|c: char| ('\u{80}'..'\u{a0}').contains(&c) || c == '\u{202e}'),
        "{what}: C1 or bidi control in {text:?}"
    );
}

fn run(cmd: &mut Command, what: &str) -> (String, String) {
    let out = cmd.output().unwrap();
    assert_clean(&out.stdout, what);
    assert_clean(&out.stderr, what);
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn hostile_dockerfile() -> String {
    format!(
        "FROM alpine:3.20 AS b{OSC52}{C1}\nMAINTAINER x{OSC52}y{C1}\nRUN echo \"{CSI}\"\n\
         FROM scratch\nCOPY --from=b{OSC52}{C1} /a{CSI} /b\nUSER r{CSI}\n"
    )
}

#[test]
fn check_report_in_every_text_format() {
    let dir = tempfile::tempdir().unwrap();
    // A file name with a line break that tries to forge a finding of its own.
    let forged = "x\n./Dockerfile:1:1 DK999 error forged\u{1b}[2K";
    let file = dir.path().join(forged).join("Dockerfile");
    write(&file, &hostile_dockerfile());
    for format in ["human", "github"] {
        let (out, _) = run(
            dockerlings()
                .args(["check", "--format", format])
                .arg(dir.path()),
            format,
        );
        assert!(
            !out.lines().any(|l| l.starts_with("./Dockerfile:1:1 DK999")),
            "{out}"
        );
        if format == "human" {
            assert!(out.contains("= fix: LABEL"), "{out}");
            assert!(out.contains("x\\x1b]52;c;aGVsbG8=\\x07y\\u{9b}"), "{out}");
            assert!(out.contains("x\\x0a./Dockerfile:1:1 DK999"), "{out}");
        }
    }
    // JSON stays exact.
    let out = dockerlings()
        .args(["check", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        report.to_string().contains(C1),
        "JSON keeps the text as it is"
    );
}

#[test]
fn inspect_and_parse_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Dockerfile");
    write(&file, &hostile_dockerfile());
    let (out, _) = run(dockerlings().arg("inspect").arg(&file), "inspect");
    assert!(out.contains("b\\x1b]52;c;aGVsbG8=\\x07\\u{9b}"), "{out}");
    let (out, _) = run(dockerlings().arg("parse").arg(&file), "parse");
    assert_eq!(out.lines().count(), 6, "{out}");
    // An error names the file, escaped.
    let missing = dir.path().join(format!("no{OSC52}"));
    let (_, err) = run(dockerlings().arg("inspect").arg(&missing), "inspect error");
    assert!(err.contains("no\\x1b]52"), "{err}");
    run(dockerlings().arg("parse").arg(&missing), "parse error");
}

/// A pack whose lesson title, summary and exercise text carry control sequences.
fn hostile_pack(dir: &Path) {
    write(
        &dir.join("lesson.md"),
        "---\nid: hostile\ntitle: \"Title \\e]52;c;aGVsbG8=\\a\\u009b\\nsecond line\"\n\
         order: 1\nsummary: \"s \\e[2J\"\n---\nText \u{1b}]52;c;aGVsbG8=\u{7}.\n",
    );
    write(
        &dir.join("lesson.quiz.yaml"),
        "questions:\n  - id: ex\n    kind: dockerfile\n    prompt: \"Do \\e]52;c;aGVsbG8=\\a it\\u009b\"\n    \
         explanation: x\n    starter: |\n      FROM alpine:3.20\n    context:\n      - \"ctx\\e[2J.txt\"\n    \
         requirements:\n      - min_stages: 2\n    solutions:\n      - |\n        FROM alpine:3.20 AS a\n        \
         FROM scratch\n        COPY --from=a /x /x\n",
    );
}

#[test]
fn lessons_verify_lessons_and_workshop_init() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = tmp.path().join("pack");
    hostile_pack(&pack);
    let (out, _) = run(
        dockerlings().arg("--lessons").arg(&pack).arg("lessons"),
        "lessons",
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.contains("Title \\x1b]52;c;aGVsbG8=\\x07\\u{9b}"),
        "{out}"
    );
    run(
        dockerlings().arg("verify-lessons").arg(&pack),
        "verify-lessons",
    );

    // A problem naming a file with control characters in its name.
    write(&pack.join(format!("bad{CSI}\n.md")), "no front matter\n");
    let (out, _) = run(
        dockerlings().arg("verify-lessons").arg(&pack),
        "verify-lessons problem",
    );
    assert!(out.contains("bad\\x1b[2J\\x0a.md"), "{out}");
    std::fs::remove_file(pack.join(format!("bad{CSI}\n.md"))).unwrap();

    let class = tmp.path().join("class");
    run(
        dockerlings()
            .arg("--lessons")
            .arg(&pack)
            .args(["workshop", "init"])
            .arg(&class),
        "workshop init",
    );
    let readme = std::fs::read_dir(class.join("exercises"))
        .unwrap()
        .map(|e| e.unwrap().path().join("README.md"))
        .next()
        .unwrap();
    assert_clean(&std::fs::read(&readme).unwrap(), "README.md");

    // An init error names the folder it cannot use, escaped.
    let blocked = tmp.path().join(format!("file{OSC52}"));
    write(&blocked, "not a folder");
    let (_, err) = run(
        dockerlings()
            .args(["workshop", "init"])
            .arg(blocked.join("sub")),
        "init error",
    );
    assert!(err.contains("file\\x1b]52"), "{err}");
}

#[test]
fn config_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join(".dockerlings.yaml"),
        // libyaml refuses raw controls: the YAML escapes make the same characters.
        "theme: \"dark\\e]52;c;aGVsbG8=\\a\\u009b\"\n",
    );
    write(&dir.path().join("Dockerfile"), "FROM scratch\n");
    let (_, err) = run(
        dockerlings()
            .current_dir(dir.path())
            .args(["check", "Dockerfile"]),
        "config error",
    );
    assert!(err.contains("dark\\x1b]52"), "{err}");
    write(
        &dir.path().join(".dockerlings.yaml"),
        "ignore: [\"DL\\e]52;c;aGVsbG8=\\a\"]\n\"unknown\\e[2J\": 1\n",
    );
    run(
        dockerlings()
            .current_dir(dir.path())
            .args(["check", "Dockerfile"]),
        "config error",
    );
}

#[test]
fn explain_and_reset_arguments() {
    let (_, err) = run(
        dockerlings().args(["explain", &format!("DL{OSC52}")]),
        "explain",
    );
    assert!(err.contains("DL\\x1b]52"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = run(
        dockerlings()
            .args(["reset", "--yes", "--lesson", &format!("l{OSC52}\nx")])
            .arg("--progress-file")
            .arg(dir.path().join("p.json")),
        "reset",
    );
    assert!(out.contains("l\\x1b]52;c;aGVsbG8=\\x07\\x0ax"), "{out}");
}
