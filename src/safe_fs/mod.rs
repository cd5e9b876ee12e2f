//! One policy for the files dockerlings touches, so every command and screen behaves alike.
//!
//! - [`read`]: regular files (or standard input) only, each [`Kind`] with a size limit checked
//!   while reading, so a device, a fifo or an endless stream ends in a clear error instead of
//!   filling memory or blocking.
//! - [`write`]: regular files only, never through a symbolic link, always atomically
//!   (temporary file beside the target, then rename).
//!
//! Knows nothing of the terminal; callers decide how to show the errors.

pub(crate) mod read;
pub(crate) mod write;

pub(crate) use read::{Kind, read_limited};
pub(crate) use read::{read_stream, read_text};
pub(crate) use write::check_inside;
pub(crate) use write::{check_folder_inside, write_atomic, write_inside};

use std::fs::FileType;

/// What a file that is not a regular file is, for an error message.
pub(crate) fn describe(file_type: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (fifo)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else if file_type.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}
