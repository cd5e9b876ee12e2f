//! Scope tests for our Dockerfile grammar, on the tricky snippets of issue 4: each snippet is
//! parsed with syntect directly and the scope stack is checked at chosen places.

mod needs;

use std::sync::LazyLock;

use dockerlings::highlight::{declares_backtick_escape, load_syntax_set};
use syntect::parsing::{ParseState, ScopeStack, SyntaxSet};

static SET: LazyLock<SyntaxSet> = LazyLock::new(load_syntax_set);
const DOCKERFILE: &str = "Dockerfile";
const BACKTICK: &str = "Dockerfile (backtick escape)";

/// The scope stack (as scope names) at every byte offset of `src`.
fn scopes_by_offset(syntax: &str, src: &str) -> Vec<Vec<String>> {
    let syntax = SET.find_syntax_by_name(syntax).expect("syntax exists");
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut out = Vec::with_capacity(src.len());
    for line in src.split_inclusive('\n') {
        let mut ops = state
            .parse_line(line, &SET)
            .expect("parses")
            .into_iter()
            .peekable();
        for col in 0..line.len() {
            while let Some((_, op)) = ops.next_if(|(at, _)| *at <= col) {
                stack.apply(&op).expect("valid op");
            }
            out.push(stack.as_slice().iter().map(|s| s.build_string()).collect());
        }
        for (_, op) in ops {
            stack.apply(&op).expect("valid op");
        }
    }
    out
}

/// A snippet and where things are in it.
struct Snippet {
    src: &'static str,
    scopes: Vec<Vec<String>>,
}

impl Snippet {
    fn new(src: &'static str) -> Snippet {
        Snippet::with(DOCKERFILE, src)
    }

    fn with(syntax: &str, src: &'static str) -> Snippet {
        Snippet {
            src,
            scopes: scopes_by_offset(syntax, src),
        }
    }

    /// The scopes on the first character of the `nth` (0-based) occurrence of `needle`.
    fn at(&self, needle: &str, nth: usize) -> &[String] {
        let offset = self
            .src
            .match_indices(needle)
            .nth(nth)
            .unwrap_or_else(|| panic!("`{needle}` #{nth} not in snippet"))
            .0;
        &self.scopes[offset]
    }

    /// Asserts that every character of the `nth` `needle` has `scope` (or a scope under it).
    fn has(&self, needle: &str, nth: usize, scope: &str) -> &Self {
        let start = self
            .src
            .match_indices(needle)
            .nth(nth)
            .expect("needle present")
            .0;
        for offset in start..start + needle.len() {
            let stack = &self.scopes[offset];
            assert!(
                stack.iter().any(|s| within(s, scope)),
                "`{needle}` #{nth} (byte {offset}) lacks {scope}: {stack:?}"
            );
        }
        self
    }

    fn lacks(&self, needle: &str, nth: usize, scope: &str) -> &Self {
        let stack = self.at(needle, nth);
        assert!(
            !stack.iter().any(|s| within(s, scope)),
            "`{needle}` #{nth} should not have {scope}: {stack:?}"
        );
        self
    }

    /// No character anywhere is marked invalid.
    fn all_valid(&self) -> &Self {
        for (offset, stack) in self.scopes.iter().enumerate() {
            assert!(
                !stack.iter().any(|s| s.starts_with("invalid")),
                "invalid at byte {offset} ({:?}): {stack:?}",
                &self.src[offset..self.src.len().min(offset + 12)]
            );
        }
        self
    }
}

fn within(scope: &str, prefix: &str) -> bool {
    scope == prefix || scope.starts_with(&format!("{prefix}."))
}

const INSTRUCTION: &str = "keyword.other.instruction.dockerfile";
const SHELL: &str = "source.shell.bash";
const HEREDOC_BODY: &str = "string.unquoted.heredoc.dockerfile";
const DELIMITER: &str = "constant.other.heredoc-delimiter.dockerfile";
const INTERPOLATION: &str = "meta.interpolation.dockerfile";
const COMMENT: &str = "comment.line.number-sign.dockerfile";
const CONTINUATION: &str = "punctuation.separator.continuation.dockerfile";

#[test]
fn heredoc_script_after_run_is_shell_until_the_delimiter() {
    Snippet::new("FROM alpine\nRUN <<EOF\nset -eu\necho \"$HOME\"\nEOF\nCOPY a b\n")
        .has("<<", 0, "keyword.operator.heredoc.dockerfile")
        .has("EOF", 0, DELIMITER)
        .has("set", 0, SHELL)
        .has("HOME", 0, "variable.other.readwrite.shell")
        .has("EOF", 1, DELIMITER)
        .lacks("EOF", 1, SHELL)
        .has("COPY", 0, INSTRUCTION)
        .all_valid();
}

#[test]
fn heredoc_with_dash_ends_at_a_tab_indented_delimiter() {
    Snippet::new("RUN <<-EOF\n\techo hi\n\tEOF\nRUN true\n")
        .has("echo", 0, SHELL)
        .has("EOF", 1, DELIMITER)
        .has("RUN", 1, INSTRUCTION)
        .lacks("RUN", 1, SHELL);
    // Without the dash an indented delimiter does not close the heredoc.
    Snippet::new("RUN <<EOF\n\tEOF\nRUN true\n")
        .has("RUN", 1, SHELL)
        .lacks("RUN", 1, INSTRUCTION);
}

#[test]
fn quoted_heredoc_delimiter_keeps_variables_literal() {
    let s = Snippet::new(
        "COPY <<'EOF' /etc/a.conf\nhome=$HOME\nEOF\nCOPY <<EOF /etc/b.conf\nhome=$HOME\nEOF\n",
    );
    s.has("home=", 0, HEREDOC_BODY)
        .lacks("$HOME", 0, INTERPOLATION)
        .has("$HOME", 1, INTERPOLATION)
        .has("home=", 1, HEREDOC_BODY)
        .has("EOF", 1, DELIMITER)
        .has("COPY", 1, INSTRUCTION);
    // The rest of the instruction line is not part of the body.
    s.lacks("/etc/a.conf", 0, HEREDOC_BODY);
}

#[test]
fn heredoc_fed_to_a_program_is_data_not_shell() {
    Snippet::new("RUN python3 <<PY > /out\nprint(1)\nPY\n")
        .has("python3", 0, SHELL)
        .has("PY", 0, DELIMITER)
        .has("print(1)", 0, HEREDOC_BODY)
        .lacks("print", 0, SHELL)
        .lacks("> /out", 0, HEREDOC_BODY);
}

#[test]
fn backtick_escape_variant_continues_on_backticks_only() {
    let src = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n    c:\\\nWORKDIR C:\\app\\\nCOPY a b\n";
    Snippet::with(BACKTICK, src)
        .has("escape", 0, "keyword.other.directive.dockerfile")
        .has("`", 0, "constant.character.escape.dockerfile")
        .has("`", 1, CONTINUATION)
        .has("c:", 0, SHELL)
        // `\` at a line end is an ordinary character: COPY is a new instruction.
        .has("COPY", 0, INSTRUCTION);
    // The default grammar reads the same text the other way round.
    Snippet::new(src).lacks("`", 1, CONTINUATION).has(
        "c:",
        0,
        INSTRUCTION
            .replace(
                "keyword.other.instruction",
                "invalid.illegal.unknown-instruction",
            )
            .as_str(),
    );
}

#[test]
fn exec_form_json_errors_are_marked() {
    Snippet::new("CMD [\"node\", \"server.js\"]\n")
        .all_valid()
        .has("\"server.js\"", 0, "string.quoted.double.dockerfile");
    Snippet::new("CMD [\"node\", 'server.js']\n")
        .has("'server.js'", 0, "invalid.illegal")
        .has("\"node\"", 0, "string.quoted.double.dockerfile");
    Snippet::new("ENTRYPOINT [\"a\",]\n").has("]", 0, "invalid.illegal.trailing-comma.dockerfile");
    Snippet::new("RUN [\"a\", \"b\" \"c\"]\n").has(
        "\"c\"",
        0,
        "invalid.illegal.exec-form.dockerfile",
    );
    // Not an exec form at all: BuildKit runs these with the shell.
    Snippet::new("RUN [ \"$X\" = 1 ] && true\n")
        .has("\"$X\"", 0, SHELL)
        .all_valid();
    Snippet::new("RUN [Net.ServicePointManager]::SecurityProtocol = 1\n")
        .has("Net", 0, SHELL)
        .all_valid();
    Snippet::new("CMD [\"a\\q\"]\n").has("\\q", 0, "invalid.illegal.escape.json.dockerfile");
    Snippet::new("CMD [\"a\"] extra\n").has(
        "extra",
        0,
        "invalid.illegal.after-exec-form.dockerfile",
    );
}

#[test]
fn continuation_lines_may_hold_comments() {
    Snippet::new(
        "RUN apt-get update && \\\n# install the tools\n    apt-get install -y curl \\\n\n    && rm -rf /var/lib/apt/lists/*\nUSER app\n",
    )
    .has("\\", 0, CONTINUATION)
    .has("# install the tools", 0, COMMENT)
    .lacks("# install", 0, SHELL)
    .has("apt-get", 1, SHELL)
    .has("rm", 0, SHELL)
    .has("USER", 0, INSTRUCTION)
    .all_valid();
    // A shell comment at the end of a line must not swallow the line break.
    Snippet::new("RUN make # build it\nUSER app\n")
        .has("# build it", 0, "comment.line.number-sign.shell")
        .has("USER", 0, INSTRUCTION);
    Snippet::new("RUN echo \"# header\" > /f\nUSER app\n")
        .has("# header", 0, "string.quoted.double.shell")
        .has("USER", 0, INSTRUCTION);
    Snippet::new("ENV A=1 \\\n    # why B\n    B=2\n")
        .has("# why B", 0, COMMENT)
        .has("B", 1, "variable.other.definition.dockerfile");
}

#[test]
fn expansions_inside_flag_values() {
    Snippet::new("RUN --mount=type=cache,target=${CACHE:-/root/.cache},id=${ID:+x} go build\n")
        .has("--mount", 0, "variable.parameter.flag.dockerfile")
        .has("type", 0, "entity.other.attribute-name.dockerfile")
        .has("cache", 0, "string.unquoted.option-value.dockerfile")
        .has(",", 0, "punctuation.separator.sequence.dockerfile")
        .has("CACHE", 0, "variable.other.dockerfile")
        .has(":-", 0, "keyword.operator.expansion.dockerfile")
        .has("/root/.cache", 0, "string.unquoted.expansion.dockerfile")
        .has(":+", 0, "keyword.operator.expansion.dockerfile")
        .has("go", 0, SHELL)
        .all_valid();
}

#[test]
fn from_with_platform_flag_image_and_stage() {
    Snippet::new("FROM --platform=$BUILDPLATFORM golang:1.25 AS build\n")
        .has("FROM", 0, INSTRUCTION)
        .has("--platform", 0, "variable.parameter.flag.dockerfile")
        .has("BUILDPLATFORM", 0, "variable.other.dockerfile")
        .has("golang", 0, "entity.name.image.dockerfile")
        .has("1.25", 0, "constant.other.tag.dockerfile")
        .has("AS", 0, "keyword.other.as.dockerfile")
        .has("build", 0, "entity.name.stage.dockerfile")
        .all_valid();
}

#[test]
fn from_flag_names_a_stage_or_an_image() {
    Snippet::new("COPY --from=build /out/app /app\nCOPY --from=nginx:1.27 /etc/nginx /n\nRUN --mount=from=deps,source=/x,target=/y true\n")
        .has("build", 0, "entity.other.stage-reference.dockerfile")
        .lacks("/out/app", 0, "entity.other.stage-reference.dockerfile")
        .has("nginx", 0, "entity.name.image.dockerfile")
        .has("1.27", 0, "constant.other.tag.dockerfile")
        .has("deps", 0, "entity.other.stage-reference.dockerfile")
        .lacks("source", 0, "entity.other.stage-reference.dockerfile")
        .all_valid();
}

#[test]
fn image_reference_is_split_into_registry_name_tag_digest() {
    Snippet::new("FROM gcr.io/distroless/static-debian12:nonroot@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nFROM localhost:5000/app\n")
        .has("gcr.io", 0, "constant.other.registry.dockerfile")
        .has("distroless/static-debian12", 0, "entity.name.image.dockerfile")
        .has("nonroot", 0, "constant.other.tag.dockerfile")
        .has("@", 0, "punctuation.separator.digest.dockerfile")
        .has("0123456789abcdef", 0, "constant.other.digest.dockerfile")
        .has("localhost:5000", 0, "constant.other.registry.dockerfile")
        .has("app", 0, "entity.name.image.dockerfile")
        .all_valid();
}

#[test]
fn parser_directives_only_at_the_top() {
    Snippet::new("# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\nFROM x\n# syntax=ignored\n")
        .has("syntax", 0, "keyword.other.directive.dockerfile")
        .has("docker/dockerfile:1", 0, "string.unquoted.directive-value.dockerfile")
        .has("check", 0, "keyword.other.directive.dockerfile")
        .has("# syntax=ignored", 0, COMMENT)
        .lacks("syntax", 1, "keyword.other.directive.dockerfile");
    Snippet::new("# a comment first\n# escape=`\n").has("# escape=`", 0, COMMENT);
}

#[test]
fn instructions_in_any_case_and_unknown_words() {
    Snippet::new("from alpine as base\nRun echo hi\nCoPy a b\nRUUN x\n")
        .has("from", 0, INSTRUCTION)
        .has("base", 0, "entity.name.stage.dockerfile")
        .has("Run", 0, INSTRUCTION)
        .has("CoPy", 0, INSTRUCTION)
        .has("RUUN", 0, "invalid.illegal.unknown-instruction.dockerfile");
}

#[test]
fn strings_variables_and_assignments() {
    Snippet::new("ENV PATH=\"/app/bin:$PATH\" MODE='raw $x'\nARG VERSION\nLABEL org.opencontainers.image.title=\"demo\"\nEXPOSE 8080/tcp\nSHELL [\"/bin/sh\", \"-c\"]\nCMD echo $HOME\n")
        .has("PATH", 0, "variable.other.definition.dockerfile")
        .has("\"/app/bin:", 0, "string.quoted.double.dockerfile")
        .has("$PATH", 0, INTERPOLATION)
        .has("'raw $x'", 0, "string.quoted.single.dockerfile")
        .lacks("$x", 0, INTERPOLATION)
        .has("VERSION", 0, "variable.other.definition.dockerfile")
        .has("org.opencontainers.image.title", 0, "entity.other.attribute-name.label.dockerfile")
        .has("8080", 0, "constant.numeric.port.dockerfile")
        .has("tcp", 0, "constant.language.protocol.dockerfile")
        .has("\"-c\"", 0, "string.quoted.double.dockerfile")
        .has("echo", 0, SHELL)
        .all_valid();
}

#[test]
fn healthcheck_and_onbuild_hand_over_to_the_inner_instruction() {
    Snippet::new("HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\nONBUILD COPY --from=build /a /b\n")
        .has("--interval", 0, "variable.parameter.flag.dockerfile")
        .has("CMD", 0, INSTRUCTION)
        .has("curl", 0, SHELL)
        .has("COPY", 0, INSTRUCTION)
        .has("build", 0, "entity.other.stage-reference.dockerfile");
}

#[test]
fn lesson_sized_multistage_example_has_no_invalid_marks() {
    let s = Snippet::new(include_str!("fixtures/highlight/multistage.Dockerfile"));
    s.all_valid()
        .has("EOF", 1, DELIMITER)
        .has("gcr.io", 0, "constant.other.registry.dockerfile")
        .has("deps", 1, "entity.name.image.dockerfile")
        .has("certs", 1, "entity.other.stage-reference.dockerfile")
        .has("-healthcheck", 0, "string.quoted.double.dockerfile");
}

/// Every Dockerfile in the shared corpus parses without error, and its text is kept.
#[test]
fn corpus_parses_without_errors() {
    let Some(corpus) = needs::shared("corpus") else {
        return;
    };
    let entries = std::fs::read_dir(&corpus).unwrap();
    let mut count = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "Dockerfile") {
            continue;
        }
        // The highlighter drops the `\r` of CRLF line ends; do the same.
        let text = std::fs::read_to_string(&path)
            .unwrap_or_default()
            .replace("\r\n", "\n");
        let syntax = if declares_backtick_escape(&text) {
            BACKTICK
        } else {
            DOCKERFILE
        };
        let scopes = scopes_by_offset(syntax, &text);
        assert_eq!(scopes.len(), text.len(), "{}", path.display());
        if std::env::var_os("HL_SHOW_INVALID").is_some() {
            for (offset, stack) in scopes.iter().enumerate() {
                if stack.last().is_some_and(|s| s.starts_with("invalid"))
                    && (offset == 0 || scopes[offset - 1] != *stack)
                {
                    let line = text[..offset].matches('\n').count() + 1;
                    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
                    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
                    eprintln!(
                        "{}:{line}: {} | {}",
                        path.file_name().unwrap().to_string_lossy(),
                        stack.last().unwrap(),
                        &text[start..end]
                    );
                }
            }
        }
        count += 1;
    }
    assert!(count > 0, "no Dockerfiles in {}", corpus.display());
}
