//! Which options of each package manager take a value (`apt-get -t bookworm-backports`,
//! `pip --trusted-host host`, `npm --loglevel verbose`): one table, read by the rules and by the
//! build model, so neither takes an option's value for a subcommand or a package name.
//!
//! Only options whose value is a separate word matter here: `--opt=value` and attached short
//! values (`-tbookworm`) are one word already. The lists come from each tool's manual.

use std::borrow::Cow;

/// Options taking a value, per program (as named after its directory is dropped).
const TAKES_VALUE: &[(&[&str], &[&str])] = &[
    (
        &["apt-get", "apt", "apt-cache"],
        &[
            "-t",
            "--target-release",
            "--default-release",
            "-o",
            "--option",
            "-c",
            "--config-file",
            "-a",
            "--host-architecture",
        ],
    ),
    (
        &["apk"],
        &[
            "-t",
            "--virtual",
            "-X",
            "--repository",
            "-p",
            "--root",
            "--repositories-file",
            "--keys-dir",
            "--arch",
            "--cache-dir",
            "--cache-max-age",
            "--timeout",
        ],
    ),
    (
        &["pip"],
        &[
            "-r",
            "--requirement",
            "-c",
            "--constraint",
            "-e",
            "--editable",
            "-i",
            "--index-url",
            "--extra-index-url",
            "-f",
            "--find-links",
            "--trusted-host",
            "-t",
            "--target",
            "--prefix",
            "--root",
            "--platform",
            "--python-version",
            "--implementation",
            "--abi",
            "--no-binary",
            "--only-binary",
            "--upgrade-strategy",
            "--progress-bar",
            "--src",
            "--log",
            "--proxy",
            "--retries",
            "--timeout",
            "--exists-action",
            "--cert",
            "--client-cert",
            "--cache-dir",
            "--global-option",
            "-C",
            "--config-settings",
            "--report",
            "--python",
        ],
    ),
    (
        &["npm"],
        &[
            "--loglevel",
            "--prefix",
            "--registry",
            "--cache",
            "--userconfig",
            "--globalconfig",
            "-w",
            "--workspace",
            "--tag",
            "--omit",
            "--include",
            "--install-strategy",
            "--location",
            "--os",
            "--cpu",
        ],
    ),
    (
        &["yum", "dnf", "microdnf"],
        &[
            "-c",
            "--config",
            "-d",
            "--debuglevel",
            "-e",
            "--errorlevel",
            "-x",
            "--exclude",
            "--installroot",
            "--enablerepo",
            "--disablerepo",
            "--repo",
            "--repoid",
            "--releasever",
            "--setopt",
            "--forcearch",
            "--downloaddir",
            "--destdir",
        ],
    ),
    (
        &["zypper"],
        &[
            "-R", "--root", "-c", "--config", "-r", "--repo", "--from", "-t", "--type",
        ],
    ),
    (
        &["gem"],
        &[
            "-v",
            "--version",
            "-i",
            "--install-dir",
            "-n",
            "--bindir",
            "-s",
            "--source",
            "-p",
            "--http-proxy",
            "--platform",
            "-g",
            "--file",
        ],
    ),
    (
        &["go"],
        &[
            "-o",
            "-C",
            "-p",
            "-tags",
            "-ldflags",
            "-gcflags",
            "-asmflags",
            "-mod",
            "-modfile",
            "-pkgdir",
            "-buildmode",
            "-compiler",
            "-gccgoflags",
            "-overlay",
            "-pgo",
            "-toolexec",
            "-exec",
            "-covermode",
            "-coverpkg",
        ],
    ),
];

/// The options of `program` (a name or path: `/usr/bin/pip3.12` reads as pip) that take a value.
pub(crate) fn takes_value(program: &str) -> &'static [&'static str] {
    let name = program.rsplit('/').next().unwrap_or(program);
    // pip3, pip3.12: the same pip.
    let name = match name.strip_prefix("pip") {
        Some(v) if v.chars().all(|c| c.is_ascii_digit() || c == '.') => "pip",
        _ => name,
    };
    TAKES_VALUE
        .iter()
        .find(|(programs, _)| programs.contains(&name))
        .map_or(&[], |(_, opts)| opts)
}

/// The words of `words[1..]` that are not options nor an option's value, by `program`'s table:
/// the subcommand first, then its operands. Words after `--` are all operands.
pub(crate) fn positionals<'w>(
    program: &str,
    words: &'w [Cow<'_, str>],
) -> impl Iterator<Item = &'w str> + 'w {
    let takes = takes_value(program);
    let mut skip_next = false;
    let mut ended = false;
    words.iter().skip(1).filter_map(move |w| {
        let w: &str = w;
        if ended {
            return Some(w);
        }
        if std::mem::take(&mut skip_next) {
            return None;
        }
        if w == "--" {
            ended = true;
            return None;
        }
        if w.starts_with('-') && w.len() > 1 {
            skip_next = takes.contains(&w);
            return None;
        }
        Some(w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Vec<String> {
        let words: Vec<Cow<'_, str>> = line.split_whitespace().map(Cow::Borrowed).collect();
        positionals(&words[0], &words).map(str::to_string).collect()
    }

    /// Each case: a command line, then the subcommand and operands it leaves.
    fn check(cases: &[(&str, &[&str])]) {
        for (line, want) in cases {
            assert_eq!(read(line), *want, "{line}");
        }
    }

    #[test]
    fn apt_get_option_values_are_not_packages() {
        check(&[
            (
                "apt-get install -t bookworm-backports curl",
                &["install", "curl"],
            ),
            (
                "apt-get -o Dpkg::Options::=--force-confold install -y curl",
                &["install", "curl"],
            ),
            ("apt-get install -tbookworm curl", &["install", "curl"]),
            (
                "apt-get install --target-release=bookworm curl",
                &["install", "curl"],
            ),
            (
                "apt-get install -qq -y curl wget",
                &["install", "curl", "wget"],
            ),
        ]);
    }

    #[test]
    fn apk_option_values_are_not_packages() {
        check(&[
            ("apk add --virtual .build-deps gcc", &["add", "gcc"]),
            ("apk add -t .deps gcc", &["add", "gcc"]),
            (
                "apk add --repository http://x/edge/testing tool",
                &["add", "tool"],
            ),
            ("apk add --no-cache curl", &["add", "curl"]),
        ]);
    }

    #[test]
    fn pip_option_values_are_not_packages() {
        check(&[
            (
                "pip install --trusted-host host pkg==1.0",
                &["install", "pkg==1.0"],
            ),
            (
                "pip3 install -i https://mirror/simple --no-cache-dir pkg==1",
                &["install", "pkg==1"],
            ),
            (
                "/venv/bin/pip3.12 install -r requirements.txt",
                &["install"],
            ),
            ("pip install --upgrade pip", &["install", "pip"]),
        ]);
    }

    #[test]
    fn npm_option_values_are_not_subcommands() {
        check(&[
            (
                "npm --loglevel verbose install pkg@1",
                &["install", "pkg@1"],
            ),
            (
                "npm install -g --prefix /opt tool@2",
                &["install", "tool@2"],
            ),
            ("npm ci --omit dev", &["ci"]),
        ]);
    }

    #[test]
    fn go_option_values_are_not_packages() {
        check(&[
            (
                "go install -tags netgo example.com/tool@v1",
                &["install", "example.com/tool@v1"],
            ),
            ("go build -o /bin/app ./cmd/app", &["build", "./cmd/app"]),
        ]);
    }

    #[test]
    fn rpm_and_gem_option_values_are_not_packages() {
        check(&[
            (
                "yum --enablerepo epel install -y jq-1.6",
                &["install", "jq-1.6"],
            ),
            ("dnf install -y --setopt x=1 jq", &["install", "jq"]),
            ("zypper -n in -t pattern devel", &["in", "devel"]),
            ("gem install -v 7.1 rails", &["install", "rails"]),
        ]);
    }

    #[test]
    fn double_dash_ends_options_and_unknown_programs_have_none() {
        check(&[
            ("apt-get install -- -weird", &["install", "-weird"]),
            ("tool -x value arg", &["value", "arg"]),
        ]);
    }
}
