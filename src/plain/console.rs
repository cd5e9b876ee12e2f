//! Lines out, lines in: everything plain mode prints goes through here, escaped (course and
//! quiz text came from files) and wrapped to the width.

use std::io::{self, BufRead, Write};

use unicode_width::UnicodeWidthStr;

use crate::course::doc::{Block, Doc, Inline};
use crate::course::layout::layout;
use crate::course::markdown::to_doc;

pub(crate) struct Console<R, W> {
    input: R,
    out: W,
    /// Columns to wrap text to.
    pub width: u16,
    /// Lines of lesson text shown before the reader is asked to go on.
    pub page: usize,
}

impl<R: BufRead, W: Write> Console<R, W> {
    /// A console `width` columns wide and `height` rows high (a page keeps two rows for the
    /// heading and one for the prompt).
    pub(crate) fn new(input: R, out: W, width: u16, height: u16) -> Self {
        Console {
            input,
            out,
            width: width.max(20),
            page: usize::from(height.saturating_sub(3)).max(2),
        }
    }

    /// Prints one line, wrapped at spaces when it is wider than the console.
    pub(crate) fn say(&mut self, line: &str) -> io::Result<()> {
        if UnicodeWidthStr::width(line) <= usize::from(self.width) {
            return writeln!(self.out, "{}", crate::escape::line(line));
        }
        let doc = Doc {
            blocks: vec![Block::Paragraph(vec![Inline::plain(line)])],
        };
        for laid in layout(&doc, self.width) {
            writeln!(self.out, "{}", crate::escape::line(laid.text().trim_end()))?;
        }
        Ok(())
    }

    pub(crate) fn blank(&mut self) -> io::Result<()> {
        writeln!(self.out)
    }

    /// Markdown (inline code, emphasis) as plain text wrapped to the width, indented by `indent`.
    pub(crate) fn prose(&mut self, markdown: &str, indent: usize) -> io::Result<()> {
        let width = self.width.saturating_sub(indent as u16).max(10);
        for line in layout(&to_doc(markdown, false), width) {
            let text = line.text();
            self.say(&format!("{:indent$}{}", "", text.trim_end()))?;
        }
        Ok(())
    }

    /// Prints `prompt` (no newline; nothing when empty) and reads a line, without its line ending; `None` when
    /// the input has ended.
    pub(crate) fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        if !prompt.is_empty() {
            write!(self.out, "{} ", crate::escape::line(prompt))?;
        }
        self.out.flush()?;
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            // The prompt's line is ended, so whatever is printed next starts on its own.
            writeln!(self.out)?;
            return Ok(None);
        }
        let end = line.trim_end_matches(['\n', '\r']).len();
        line.truncate(end);
        Ok(Some(line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn console(input: &str) -> Console<&[u8], Vec<u8>> {
        Console::new(input.as_bytes(), Vec::new(), 30, 10)
    }

    #[test]
    fn ask_reads_lines_without_endings_and_none_at_the_end() {
        let mut c = console("one\r\ntwo\n");
        assert_eq!(c.ask(">").unwrap().as_deref(), Some("one"));
        assert_eq!(c.ask(">").unwrap().as_deref(), Some("two"));
        assert_eq!(c.ask(">").unwrap(), None);
        assert_eq!(String::from_utf8(c.out).unwrap(), "> > > \n");
    }

    #[test]
    fn prose_wraps_to_the_width_and_output_is_escaped() {
        let mut c = console("");
        c.prose(
            "Use `FROM scratch` for a static binary that needs nothing else",
            2,
        )
        .unwrap();
        c.say("bell\x07").unwrap();
        c.say("a line said plainly is also wrapped when it is too wide for thirty columns")
            .unwrap();
        let out = String::from_utf8(c.out).unwrap();
        assert!(out.lines().all(|l| l.chars().count() <= 30), "{out}");
        assert!(out.starts_with("  Use FROM scratch"), "{out}");
        assert!(out.contains("bell\\x07") && !out.contains('\x07'));
        assert_eq!(c.page, 7);
    }
}
