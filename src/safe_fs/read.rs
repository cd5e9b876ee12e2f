//! Reading input files with a size limit per kind. The limit is enforced while reading
//! (`Read::take(limit + 1)`), not from the file's stated size, so a growing file, `/dev/zero`
//! or an endless pipe stops at the limit. Non-regular files are refused after a non-blocking
//! open, so a fifo never blocks the caller (the watcher's UI thread among them).

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use super::describe;

/// What a file is meant to be; each kind has its own limit, far above real use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Dockerfile,
    Lesson,
    Quiz,
    /// `.dockerlings.yaml`
    Config,
    /// A learner's exported results (`progress --merge`).
    Results,
    Progress,
    Notes,
    /// The workshop's `dockerlings-workshop.yaml`.
    Manifest,
}

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;

impl Kind {
    /// The largest file of this kind that is read.
    pub(crate) const fn limit(self) -> u64 {
        match self {
            Kind::Dockerfile | Kind::Lesson | Kind::Quiz | Kind::Results | Kind::Manifest => MIB,
            Kind::Config => 256 * KIB,
            Kind::Notes => 4 * MIB,
            Kind::Progress => 16 * MIB,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Kind::Dockerfile => "a Dockerfile",
            Kind::Lesson => "a lesson",
            Kind::Quiz => "a quiz file",
            Kind::Config => "a .dockerlings.yaml",
            Kind::Results => "a results file",
            Kind::Progress => "a progress file",
            Kind::Notes => "a notes file",
            Kind::Manifest => "a workshop manifest",
        }
    }

    /// What real files of the kind weigh, so the limit reads as generous, not arbitrary.
    fn typical(self) -> &'static str {
        match self {
            Kind::Dockerfile => "real ones are a few KB; 1 MB is already huge",
            Kind::Lesson | Kind::Quiz | Kind::Notes => "real ones are tens of KB",
            Kind::Config | Kind::Manifest => "real ones are a few lines",
            Kind::Results | Kind::Progress => "real ones are a few KB per learner",
        }
    }
}

/// `1 MiB`, `256 KiB`.
fn size(bytes: u64) -> String {
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{} KiB", bytes / KIB)
    }
}

/// Reads all of the file at `path`, which must be a regular file (a symbolic link to one is
/// fine) no larger than the kind's limit. Errors say what is wrong without the path, which
/// the caller already prints.
pub(crate) fn read_limited(path: &Path, kind: Kind) -> io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    read_stream(file, kind)
}

/// [`read_limited`] for a file that must be UTF-8 text.
pub(crate) fn read_text(path: &Path, kind: Kind) -> io::Result<String> {
    String::from_utf8(read_limited(path, kind)?).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "not UTF-8 text (save the file as UTF-8)",
        )
    })
}

/// Reads a stream (standard input, an open file) up to the kind's limit.
pub(crate) fn read_stream(reader: impl Read, kind: Kind) -> io::Result<Vec<u8>> {
    let limit = kind.limit();
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!(
                "larger than {}, the limit for {} ({})",
                size(limit),
                kind.noun(),
                kind.typical()
            ),
        ));
    }
    Ok(bytes)
}

/// Opens `path` for reading without blocking on a fifo, and refuses what is not a regular file.
pub(crate) fn open_regular(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: opening a fifo with no writer would otherwise wait forever. It changes
        // nothing for the regular files we go on to read.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let file_type = file.metadata()?.file_type();
    if !file_type.is_file() {
        return Err(not_regular(file_type));
    }
    Ok(file)
}

fn not_regular(file_type: std::fs::FileType) -> io::Error {
    let kind = if file_type.is_dir() {
        io::ErrorKind::IsADirectory
    } else {
        io::ErrorKind::InvalidInput
    };
    io::Error::new(kind, format!("{}, not a regular file", describe(file_type)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_within_the_limit_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Dockerfile");
        std::fs::write(&path, "FROM a\n").unwrap();
        assert_eq!(read_limited(&path, Kind::Dockerfile).unwrap(), b"FROM a\n");
    }

    #[test]
    fn a_stream_stops_one_byte_past_the_limit() {
        let endless = io::repeat(b'x');
        let err = read_stream(endless, Kind::Config).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        assert_eq!(
            err.to_string(),
            "larger than 256 KiB, the limit for a .dockerlings.yaml (real ones are a few lines)"
        );
        let exact = vec![b'x'; Kind::Config.limit() as usize];
        assert_eq!(
            read_stream(&exact[..], Kind::Config).unwrap().len(),
            exact.len()
        );
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_limited(dir.path(), Kind::Lesson).unwrap_err();
        assert_eq!(err.to_string(), "a directory, not a regular file");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_blocking() {
        let err = read_limited(Path::new("/dev/zero"), Kind::Dockerfile).unwrap_err();
        assert_eq!(err.to_string(), "a device, not a regular file");
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        if status.is_ok_and(|s| s.success()) {
            let err = read_limited(&fifo, Kind::Dockerfile).unwrap_err();
            assert_eq!(err.to_string(), "a named pipe (fifo), not a regular file");
        }
    }
}
