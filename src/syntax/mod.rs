//! Stage 1: text → syntax tree with spans. The parse survives errors: every bad statement
//! becomes a diagnostic and the rest of the file is still read, so the editor keeps its
//! outline, hovers and completion while a line is half-typed.

pub mod ast;
pub mod comments;
mod fold;
mod parser;

use crate::diagnostic::Diagnostic;
pub use ast::SyntaxFile;

/// Deepest nesting of brackets, braces and `if`s accepted. Deeper input is refused with a
/// diagnostic before pest sees it, so recursion (pest's, the checker's, the evaluator's) is
/// bounded and a hostile file cannot overflow the stack.
pub const MAX_NESTING: usize = 40;

/// Parses a ruleset. Never panics; returns what could be read and every syntax error.
pub fn parse(source: &str) -> (SyntaxFile, Vec<Diagnostic>) {
    let mut folded = fold::Folded::new(source);
    let mut nesting = Vec::new();
    // Each too-deep line is reported and blanked, so the rest of the file still parses.
    while let Some((diagnostic, line)) = nesting_error(&folded) {
        nesting.push(diagnostic);
        if nesting.len() > 100 {
            return (SyntaxFile::default(), nesting);
        }
        folded.blank(line);
    }
    let mut builder = parser::Builder::new(source, &folded);
    let file = builder.parse_file();
    let mut diagnostics = builder.diagnostics;
    diagnostics.extend(nesting);
    (file, diagnostics)
}

/// Finds the first place where nesting exceeds [`MAX_NESTING`]: brackets and braces, plus
/// `if`/`nếu` (whose branches nest without brackets) and `not` chains within one line.
fn nesting_error(folded: &fold::Folded) -> Option<(Diagnostic, std::ops::Range<usize>)> {
    let text = folded.text.as_bytes();
    let mut depth: usize = 0;
    let mut open_ifs: Vec<usize> = Vec::new(); // per brace level: `if`s since the level opened
    open_ifs.push(0);
    let mut i = 0;
    let word_at = |i: usize, w: &[u8]| {
        text[i..].starts_with(w)
            && (i == 0 || !is_word_byte(text[i - 1]))
            && text.get(i + w.len()).is_none_or(|&b| !is_word_byte(b))
    };
    while i < text.len() {
        match text[i] {
            b'"' => {
                i += 1;
                while i < text.len() && text[i] != b'"' && text[i] != b'\n' {
                    i += if text[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'#' => {
                while i < text.len() && text[i] != b'\n' {
                    i += 1;
                }
            }
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = depth.saturating_sub(1),
            b'{' => {
                depth += 1;
                open_ifs.push(0);
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                if open_ifs.len() > 1 {
                    open_ifs.pop();
                }
            }
            _ => {
                if word_at(i, b"if") || word_at(i, b"neu") || word_at(i, b"not") {
                    *open_ifs.last_mut().expect("level") += 1;
                } else if word_at(i, b"score") || word_at(i, b"diem") {
                    // A new rule starts: the previous one's `if`s are closed.
                    *open_ifs.last_mut().expect("level") = 0;
                }
            }
        }
        let total = depth + open_ifs.last().copied().unwrap_or(0);
        if total > MAX_NESTING {
            let line_start = folded.text[..i].rfind('\n').map_or(0, |p| p + 1);
            let line_end = folded.text[i..].find('\n').map_or(text.len(), |p| i + p);
            let span = folded.original_span(line_start..line_end);
            let diagnostic = Diagnostic::error(
                "E019",
                span,
                format!("nesting deeper than {MAX_NESTING} levels"),
            )
            .with_help("split the rule into several criteria or simplify it");
            return Some((diagnostic, line_start..line_end));
        }
        i += 1;
    }
    None
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}
