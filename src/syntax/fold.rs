//! The folded text the grammar runs on, and the map back to the original.
//!
//! Folding (lowercase, no diacritics, đ → d, combining marks dropped) lets one ASCII keyword
//! in the grammar match every way a Vietnamese user types it, NFC or NFD. Spans found in the
//! folded text are mapped back, so the syntax tree only ever holds original offsets.

use super::lexer::Lexed;
use crate::diagnostic::Span;
use crate::text::fold_char;

pub struct Folded {
    pub text: String,
    /// The strings, comments and brackets of `text`.
    pub lexed: Lexed,
    /// For each byte of `text` (and one past the end): the original byte offset it came from.
    map: Vec<usize>,
}

impl Folded {
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (offset, c) in original.char_indices() {
            if let Some(f) = fold_char(c) {
                text.push(f);
                map.extend(std::iter::repeat_n(offset, f.len_utf8()));
            }
        }
        map.push(original.len());
        let lexed = Lexed::new(&text);
        Folded { text, lexed, map }
    }

    /// Replaces a range of the folded text with spaces (same length, so the map still holds).
    pub fn blank(&mut self, range: std::ops::Range<usize>) {
        let blanked: String = self.text[range.clone()].bytes().map(|_| ' ').collect();
        self.text.replace_range(range, &blanked);
        self.lexed = Lexed::new(&self.text);
    }

    pub fn original_offset(&self, folded: usize) -> usize {
        self.map[folded.min(self.map.len() - 1)]
    }

    pub fn original_span(&self, folded: Span) -> Span {
        self.original_offset(folded.start)..self.original_offset(folded.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_map_back_over_multibyte_and_combining_chars() {
        let original = "Tiêu chí \"Đăk\"";
        let folded = Folded::new(original);
        assert_eq!(folded.text, "tieu chi \"dak\"");
        let start = folded.text.find("dak").unwrap();
        let span = folded.original_span(start..start + 3);
        assert_eq!(&original[span], "Đăk");
        // NFD: "e" + U+0302 + U+0301 folds to one "e"; the span still covers the marks.
        let nfd = "tie\u{302}\u{301}u";
        let folded = Folded::new(nfd);
        assert_eq!(folded.text, "tieu");
        assert_eq!(&nfd[folded.original_span(0..4)], nfd);
        assert_eq!(&nfd[folded.original_span(2..3)], "e\u{302}\u{301}");
    }
}
