//! Byte offsets ↔ LSP positions: the adapter between the protocol's types and the core's
//! converter ([`chiso::position::LineIndex`]), which does all the counting.
//!
//! The library speaks byte offsets into UTF-8 text. An LSP position is a line and a column
//! counted in the negotiated encoding: UTF-8 bytes when the client offers it, else UTF-16 code
//! units (the protocol's default). Lines end at `\n` (a `\r` before it belongs to the line
//! break, never to a column). Positions past the end of a line are clamped to the line's end,
//! positions past the last line to the end of the text, and a column inside a character (the
//! middle of a UTF-16 surrogate pair or of a UTF-8 sequence) to the character's start.

use chiso::position::{ColumnUnit, LineCol};
use tower_lsp_server::ls_types::{Position, Range};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
}

impl Encoding {
    fn unit(self) -> ColumnUnit {
        match self {
            Encoding::Utf8 => ColumnUnit::Utf8,
            Encoding::Utf16 => ColumnUnit::Utf16,
        }
    }
}

/// Where each line starts, built once per text version.
#[derive(Debug, Clone)]
pub struct LineIndex(chiso::position::LineIndex);

/// An LSP number: saturates rather than wraps on absurdly long texts.
fn lsp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        LineIndex(chiso::position::LineIndex::new(text))
    }

    /// The position of a byte offset (clamped into the text, onto a character boundary, and
    /// out of a line break).
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let p = self.0.position(text, offset, encoding.unit());
        Position::new(lsp_u32(p.line), lsp_u32(p.column))
    }

    /// The byte offset of a position, clamped as described in the module documentation.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let p = LineCol {
            line: position.line as usize,
            column: position.character as usize,
        };
        self.0.offset(text, p, encoding.unit())
    }

    pub fn range(&self, text: &str, span: &std::ops::Range<usize>, encoding: Encoding) -> Range {
        Range::new(
            self.position(text, span.start, encoding),
            self.position(text, span.end.max(span.start), encoding),
        )
    }

    /// The position just past the last character.
    pub fn end(&self, text: &str, encoding: Encoding) -> Position {
        self.position(text, text.len(), encoding)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn vietnamese_columns_in_both_encodings() {
        // "tiêu chí" : ê and í are 2 bytes, 1 UTF-16 unit each.
        let text = "đầu vào x\ntiêu chí 1.2 \"Hồ sơ\"\n";
        let index = LineIndex::new(text);
        let offset = text.find("1.2").unwrap();
        assert_eq!(index.position(text, offset, Encoding::Utf16), pos(1, 9));
        assert_eq!(index.position(text, offset, Encoding::Utf8), pos(1, 11));
        assert_eq!(index.offset(text, pos(1, 9), Encoding::Utf16), offset);
        assert_eq!(index.offset(text, pos(1, 11), Encoding::Utf8), offset);
        // Round trip over every character boundary.
        for (o, _) in text.char_indices() {
            for enc in [Encoding::Utf8, Encoding::Utf16] {
                assert_eq!(
                    index.offset(text, index.position(text, o, enc), enc),
                    o,
                    "offset {o} {enc:?}"
                );
            }
        }
    }

    #[test]
    fn astral_characters_take_two_utf16_units() {
        let text = "a😀b";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 5, Encoding::Utf16), pos(0, 3));
        assert_eq!(index.offset(text, pos(0, 3), Encoding::Utf16), 5);
        // Inside the surrogate pair: the emoji's start.
        assert_eq!(index.offset(text, pos(0, 2), Encoding::Utf16), 1);
        // Inside the UTF-8 sequence: the emoji's start.
        assert_eq!(index.offset(text, pos(0, 3), Encoding::Utf8), 1);
        assert_eq!(index.position(text, 3, Encoding::Utf8), pos(0, 1));
    }

    #[test]
    fn carriage_returns_are_not_columns_and_positions_clamp() {
        let text = "ab\r\ncd\r\n";
        let index = LineIndex::new(text);
        // The \r and the \n are the line break: offsets on them sit at the line's end.
        assert_eq!(index.position(text, 2, Encoding::Utf16), pos(0, 2));
        assert_eq!(index.position(text, 3, Encoding::Utf16), pos(0, 2));
        assert_eq!(index.position(text, 4, Encoding::Utf16), pos(1, 0));
        // Past the line's end: clamped before the \r.
        assert_eq!(index.offset(text, pos(0, 40), Encoding::Utf16), 2);
        assert_eq!(index.offset(text, pos(1, 3), Encoding::Utf8), 6);
        // Past the last line: the end of the text.
        assert_eq!(index.offset(text, pos(9, 0), Encoding::Utf16), text.len());
        assert_eq!(index.position(text, 999, Encoding::Utf16), pos(2, 0));
        assert_eq!(index.end(text, Encoding::Utf16), pos(2, 0));
    }

    #[test]
    fn empty_text() {
        let index = LineIndex::new("");
        assert_eq!(index.position("", 0, Encoding::Utf16), pos(0, 0));
        assert_eq!(index.offset("", pos(3, 7), Encoding::Utf8), 0);
        assert_eq!(index.offset("", pos(0, 7), Encoding::Utf8), 0);
    }
}
