//! Where the progress file lives by default: the user's data directory
//! (`$XDG_DATA_HOME/dockerlings/progress.json`, usually `~/.local/share/…`; `%APPDATA%` on
//! Windows). `--progress-file PATH` overrides it.

use std::path::PathBuf;

use etcetera::BaseStrategy;

/// No data directory to keep the progress file in (no home directory).
#[derive(Debug, thiserror::Error)]
#[error("no data directory for the progress file: {0}")]
pub(crate) struct NoDataDir(#[from] etcetera::HomeDirError);

/// The default progress file, or why there is none.
pub(crate) fn default_progress_path() -> Result<PathBuf, NoDataDir> {
    let strategy = etcetera::choose_base_strategy()?;
    Ok(strategy
        .data_dir()
        .join("dockerlings")
        .join("progress.json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_in_the_app_folder() {
        if let Ok(path) = default_progress_path() {
            assert!(path.ends_with("dockerlings/progress.json"), "{path:?}");
        }
    }
}
