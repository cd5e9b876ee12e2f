//! Each subcommand's --help lists only the shared options that act there (issue #13), and
//! those options still work before the subcommand's name as well as after it.

use assert_cmd::Command;
use predicates::prelude::*;

fn dockerlings() -> Command {
    Command::cargo_bin("dockerlings").unwrap()
}

/// The `--help` text of `subcommand` (a path of words).
fn help_of(subcommand: &[&str]) -> String {
    let out = dockerlings()
        .args(subcommand)
        .arg("--help")
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn each_help_lists_the_shared_options_that_act_there_and_no_other() {
    let shared = ["--color", "--theme", "--lessons", "--progress-file"];
    let cases: [(&[&str], &[&str]); 11] = [
        (&["rules"], &[]),
        (&["explain"], &[]),
        (&["parse"], &[]),
        (&["class"], &["--color", "--theme"]),
        (&["check"], &["--color", "--theme"]),
        (&["inspect"], &["--color", "--theme"]),
        (&["lessons"], &["--lessons"]),
        (&["grade"], &["--lessons"]),
        (&["reset"], &["--progress-file"]),
        (
            &["watch"],
            &["--color", "--theme", "--lessons", "--progress-file"],
        ),
        (&["workshop", "init"], &["--lessons"]),
    ];
    for (command, takes) in cases {
        let help = help_of(command);
        for option in shared {
            let listed = help.contains(&format!("{option} "));
            assert_eq!(
                listed,
                takes.contains(&option),
                "`{}` --help and {option}:\n{help}",
                command.join(" ")
            );
        }
    }
}

#[test]
fn an_option_a_subcommand_does_not_take_is_refused_after_it() {
    dockerlings()
        .args(["rules", "--lessons", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--lessons"));
}

#[test]
fn shared_options_work_before_and_after_the_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-pack");
    for args in [
        vec![
            "--lessons".into(),
            missing.display().to_string(),
            "lessons".into(),
        ],
        vec![
            "lessons".into(),
            "--lessons".into(),
            missing.display().to_string(),
        ],
    ] {
        dockerlings()
            .args(&args)
            .assert()
            .failure()
            .stderr(predicate::str::contains("no-such-pack"));
    }
    let file = dir.path().join("Dockerfile");
    std::fs::write(
        &file,
        "FROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\n",
    )
    .unwrap();
    for args in [
        vec!["--color", "never", "check"],
        vec!["check", "--color", "never"],
    ] {
        let out = dockerlings().args(&args).arg(&file).assert();
        let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert!(!stdout.contains('\u{1b}'), "{args:?} coloured: {stdout}");
    }
}
