//! Byte offset to (line, column) mapping, computed lazily from a table of line starts.
//!
//! Columns are counted in characters (as CPython reports them), not bytes: the index keeps
//! the positions of multi-byte characters so a column is a subtraction plus two binary
//! searches, with no need to keep the source text.

/// Line-start table for one source text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Byte offset of each multi-byte character, and the running total of extra bytes
    /// (UTF-8 length minus one) up to and including it.
    wide: Vec<(usize, usize)>,
}

impl LineIndex {
    /// Builds the table (one pass over the source).
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        let mut wide = Vec::new();
        let mut extra = 0;
        for (i, c) in source.char_indices() {
            if c == '\n' {
                starts.push(i + 1);
            } else if !c.is_ascii() {
                extra += c.len_utf8() - 1;
                wide.push((i, extra));
            }
        }
        LineIndex { starts, wide }
    }

    /// 1-based line and 0-based column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        (line, offset - start - (self.extra_before(offset) - self.extra_before(start)))
    }

    /// Extra UTF-8 bytes of the multi-byte characters that start before `offset`.
    fn extra_before(&self, offset: usize) -> usize {
        let n = self.wide.partition_point(|&(at, _)| at < offset);
        if n == 0 {
            0
        } else {
            self.wide[n - 1].1
        }
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text<'a>(&self, source: &'a str, line: usize) -> &'a str {
        let Some(&start) = self.starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self.starts.get(line).copied().unwrap_or(source.len());
        source.get(start..end).unwrap_or("").trim_end_matches(['\n', '\r'])
    }
}
