//! Byte offsets ↔ (line, column): the one position converter of chiso.
//!
//! The library speaks byte offsets into UTF-8 text. Readers want lines and columns: the CLI
//! and `--format json` count columns in characters, the language server in UTF-16 code units
//! (or UTF-8 bytes when the client offers it), serde_json reports bytes. [`LineIndex`] does all
//! of them, one way:
//!
//! - lines end at `\n`; a `\r` before it belongs to the line break and is never a column;
//! - an offset inside a multi-byte character counts as the character's start;
//! - an offset on a line break, or past the end of the text, sits at the end of its line;
//! - a column past the end of a line is clamped to the line's end, a line past the last one
//!   to the end of the text, and a column inside a character (the middle of a UTF-16
//!   surrogate pair or of a UTF-8 sequence) to the character's start.
//!
//! Lines and columns are 0-based here; [`LineIndex::line_col`] gives the 1-based form that
//! people read.

use std::ops::Range;

/// What a column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnUnit {
    /// UTF-8 bytes (the LSP's `utf-8` position encoding, serde_json's columns).
    Utf8,
    /// UTF-16 code units (the LSP's default): an astral character such as 😀 takes two.
    Utf16,
    /// Unicode scalar values (what people count; `ê` written NFD, `e` + U+0302, is two).
    Char,
}

/// A 0-based line and a 0-based column in some [`ColumnUnit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LineCol {
    /// The 0-based line: the number of `\n` before the position.
    pub line: usize,
    /// The 0-based column, counted in the [`ColumnUnit`] the position was made with.
    pub column: usize,
}

/// Where each line of one text starts. Built once per text (O(length)), so that converting
/// many offsets does not rescan the text. Every method taking `text` expects the text the
/// index was built from; given another, results are clamped but meaningless.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            line_starts,
            len: text.len(),
        }
    }

    /// The 0-based line of a byte offset (offsets past the end are on the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start <= offset.min(self.len))
            - 1
    }

    /// The byte offset where 0-based line `line` starts; `None` past the last line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line).copied()
    }

    /// The number of lines: one more than the number of `\n`.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte range of 0-based line `line`'s content, without its `\n` or `\r\n`; `None`
    /// past the last line.
    pub fn line_content(&self, text: &str, line: usize) -> Option<Range<usize>> {
        let start = *self.line_starts.get(line)?;
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(self.len, |&next| next - 1)
            .min(text.len());
        let start = start.min(end);
        let end = if text.as_bytes()[start..end].ends_with(b"\r") {
            end - 1
        } else {
            end
        };
        Some(start..end)
    }

    /// The 0-based line and column of a byte offset, the column counted in `unit`. The
    /// offset is clamped into the text, onto a character start and out of a line break.
    pub fn position(&self, text: &str, offset: usize, unit: ColumnUnit) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line = self.line_of(offset);
        let content = self.line_content(text, line).unwrap_or(0..0);
        let offset = offset.clamp(content.start, content.end);
        let before = &text[content.start..offset];
        let column = match unit {
            ColumnUnit::Utf8 => before.len(),
            ColumnUnit::Utf16 => before.encode_utf16().count(),
            ColumnUnit::Char => before.chars().count(),
        };
        LineCol { line, column }
    }

    /// The byte offset of a 0-based line and column counted in `unit`, clamped as the module
    /// documentation says: never inside a character, never on a line break, at most the
    /// text's length.
    pub fn offset(&self, text: &str, position: LineCol, unit: ColumnUnit) -> usize {
        let Some(content) = self.line_content(text, position.line) else {
            return self.len.min(text.len());
        };
        let want = position.column;
        match unit {
            ColumnUnit::Utf8 => {
                floor_char_boundary(text, content.start.saturating_add(want).min(content.end))
            }
            ColumnUnit::Utf16 | ColumnUnit::Char => {
                let mut units = 0;
                for (i, c) in text[content.clone()].char_indices() {
                    units += match unit {
                        ColumnUnit::Utf16 => c.len_utf16(),
                        _ => 1,
                    };
                    if units > want {
                        return content.start + i;
                    }
                }
                content.end
            }
        }
    }

    /// 1-based (line, column) with the column counted in characters: what a person reads
    /// (`chiso check`, `--format json`).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let p = self.position(text, offset, ColumnUnit::Char);
        (p.line + 1, p.column + 1)
    }

    /// The byte offset of a 1-based line and column (as parsers such as serde_json report
    /// them), the column counted in `unit`; a column of 0 is read as 1.
    pub fn offset_of_line_col(
        &self,
        text: &str,
        line: usize,
        column: usize,
        unit: ColumnUnit,
    ) -> usize {
        let position = LineCol {
            line: line.saturating_sub(1),
            column: column.saturating_sub(1),
        };
        self.offset(text, position, unit)
    }
}

/// The largest char boundary at or below `offset` (and at most `text.len()`).
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use ColumnUnit::*;

    fn lc(line: usize, column: usize) -> LineCol {
        LineCol { line, column }
    }

    /// Every character boundary survives a round trip in every unit.
    fn round_trips(text: &str) {
        let index = LineIndex::new(text);
        for (o, c) in text.char_indices().chain([(text.len(), ' ')]) {
            let at_break = c == '\n' || (c == '\r' && text[o..].starts_with("\r\n"));
            for unit in [Utf8, Utf16, Char] {
                let back = index.offset(text, index.position(text, o, unit), unit);
                if at_break {
                    // A line break is not a column: it maps to the end of its line.
                    let line = index.line_of(o);
                    assert_eq!(back, index.line_content(text, line).unwrap().end);
                } else {
                    assert_eq!(back, o, "offset {o} {unit:?} in {text:?}");
                }
            }
        }
    }

    #[test]
    fn vietnamese_columns_nfc() {
        // NFC: ê, í, ồ, ơ are one char, one UTF-16 unit, two or three bytes each.
        let text = "đầu vào x\ntiêu chí 1.2 \"Hồ sơ\"\n";
        let index = LineIndex::new(text);
        let offset = text.find("1.2").unwrap();
        assert_eq!(index.position(text, offset, Utf16), lc(1, 9));
        assert_eq!(index.position(text, offset, Char), lc(1, 9));
        assert_eq!(index.position(text, offset, Utf8), lc(1, 11));
        assert_eq!(index.offset(text, lc(1, 9), Char), offset);
        assert_eq!(index.offset(text, lc(1, 11), Utf8), offset);
        assert_eq!(index.line_col(text, offset), (2, 10));
        round_trips(text);
    }

    #[test]
    fn vietnamese_columns_nfd() {
        // NFD: "ệ" is e + U+0323 + U+0302: three chars, three UTF-16 units, five bytes.
        let text = "vie\u{323}\u{302}c x";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(x, 9);
        assert_eq!(index.position(text, x, Char), lc(0, 7));
        assert_eq!(index.position(text, x, Utf16), lc(0, 7));
        assert_eq!(index.position(text, x, Utf8), lc(0, 9));
        // Inside the two-byte U+0323 (bytes 3..5): its start.
        assert_eq!(index.position(text, 4, Utf8), lc(0, 3));
        assert_eq!(index.offset(text, lc(0, 4), Utf8), 3);
        // Each combining mark is a column of its own in chars and UTF-16.
        assert_eq!(index.position(text, 5, Char), lc(0, 4));
        assert_eq!(index.offset(text, lc(0, 4), Utf16), 5);
        round_trips(text);
    }

    #[test]
    fn astral_characters_take_two_utf16_units() {
        let text = "a😀b";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 5, Utf16), lc(0, 3));
        assert_eq!(index.position(text, 5, Char), lc(0, 2));
        assert_eq!(index.offset(text, lc(0, 3), Utf16), 5);
        assert_eq!(index.offset(text, lc(0, 2), Char), 5);
        // Inside the surrogate pair: the emoji's start.
        assert_eq!(index.offset(text, lc(0, 2), Utf16), 1);
        // Inside the UTF-8 sequence: the emoji's start.
        assert_eq!(index.offset(text, lc(0, 3), Utf8), 1);
        assert_eq!(index.position(text, 3, Utf8), lc(0, 1));
        round_trips(text);
    }

    #[test]
    fn carriage_returns_are_not_columns_and_positions_clamp() {
        let text = "ab\r\ncd\r\n";
        let index = LineIndex::new(text);
        // The \r and the \n are the line break: offsets on them sit at the line's end.
        assert_eq!(index.position(text, 2, Utf16), lc(0, 2));
        assert_eq!(index.position(text, 3, Char), lc(0, 2));
        assert_eq!(index.position(text, 4, Utf8), lc(1, 0));
        assert_eq!(index.line_col(text, 3), (1, 3));
        // Past the line's end: clamped before the \r.
        assert_eq!(index.offset(text, lc(0, 40), Utf16), 2);
        assert_eq!(index.offset(text, lc(1, 3), Utf8), 6);
        assert_eq!(index.offset(text, lc(1, 3), Char), 6);
        // Past the last line: the end of the text.
        assert_eq!(index.offset(text, lc(9, 0), Utf16), text.len());
        assert_eq!(index.position(text, 999, Utf16), lc(2, 0));
        assert_eq!(index.line_content(text, 1), Some(4..6));
        assert_eq!(index.line_content(text, 3), None);
        round_trips(text);
        round_trips("tiê\u{302}u\r\nchí 😀\r\n\r\nx");
    }

    #[test]
    fn one_based_line_col_and_back() {
        let text = "đầu vào\nxã Đăk Tô Re = 1";
        let index = LineIndex::new(text);
        let offset = text.find("Tô").unwrap();
        assert_eq!(index.line_col(text, offset), (2, 8));
        assert_eq!(index.line_col(text, 0), (1, 1));
        // An offset inside a multi-byte char is clamped to its start.
        assert_eq!(index.line_col(text, 1), (1, 1));
        assert_eq!(index.line_col(text, text.len()), (2, 17));
        assert_eq!(index.offset_of_line_col(text, 2, 8, Char), offset);
        assert_eq!(index.offset_of_line_col(text, 0, 0, Utf8), 0);
    }

    #[test]
    fn empty_text() {
        let index = LineIndex::new("");
        assert_eq!(index.position("", 0, Utf16), lc(0, 0));
        assert_eq!(index.offset("", lc(3, 7), Utf8), 0);
        assert_eq!(index.offset("", lc(0, 7), Char), 0);
        assert_eq!(index.line_count(), 1);
    }
}
