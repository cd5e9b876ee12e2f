//! `class --git-pull SECONDS`: when the class folder is a git working copy the learners push
//! to, `git pull --ff-only` in it. Output is captured (never reaches the terminal raw) and
//! git is told never to prompt, so a pull cannot wait on a password nobody will type.

use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};

/// Why a pull failed. Messages are `Clone + Eq` for the class screen, which `io::Error` is
/// not, so a failure to start git keeps its text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PullError {
    #[error("cannot run git: {0}")]
    Spawn(String),
    /// git's own verdict (`fatal: …`), relayed as it printed it: the wording is git's, so
    /// there is nothing finer to match on.
    #[error("{0}")]
    Git(String),
    /// git failed and printed nothing.
    #[error("git pull failed ({0})")]
    Failed(ExitStatus),
}

/// Runs `git pull --ff-only` in `dir`: `Ok` with git's last line of output, or `Err` with why
/// it failed. Blocks until git ends; the caller runs it off the UI thread.
pub(crate) fn pull(dir: &Path) -> Result<String, PullError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["pull", "--ff-only", "--quiet"])
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| PullError::Spawn(e.to_string()))?;
    // git's own verdict (`fatal: …`, `error: …`) says more than its advice lines around it.
    let text = |bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes);
        let lines = || text.lines().map(str::trim).filter(|l| !l.is_empty());
        lines()
            .find(|l| l.starts_with("fatal:") || l.starts_with("error:"))
            .or_else(|| lines().next())
            .unwrap_or_default()
            .to_string()
    };
    if output.status.success() {
        Ok(text(&output.stdout))
    } else {
        let why = text(&output.stderr);
        Err(if why.is_empty() {
            PullError::Failed(output.status)
        } else {
            PullError::Git(why)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_is_no_repository_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        // Either git is missing or it says this is no repository: an error either way.
        assert!(pull(dir.path()).is_err());
    }
}
