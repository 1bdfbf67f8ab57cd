//! Comments (`#` to the end of the line, outside strings). The grammar skips them, so the
//! syntax tree has none; the formatter and the editor find them here and place them by
//! position.

use crate::diagnostic::Span;

/// The span of every comment, in order: from `#` up to (not including) the line end; a
/// trailing `\r` is not part of the comment.
pub fn comments(source: &str) -> Vec<Span> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i = string_end(source, i),
            b'#' => {
                let end = source[i..].find('\n').map_or(source.len(), |n| i + n);
                let end = if source[..end].ends_with('\r') {
                    end - 1
                } else {
                    end
                };
                out.push(i..end);
                i = end;
            }
            0xE2 if source.is_char_boundary(i) && source[i..].starts_with('“') => {
                i = string_end(source, i)
            }
            _ => i += 1,
        }
    }
    out
}

/// Where the string starting at `start` (on `"` or `“`) ends: one past its closing quote, or
/// at the end of the line when it is not closed (as the grammar reads it, a string never spans
/// lines). `"` strings take `\` escapes; `“…”` strings take none.
pub fn string_end(source: &str, start: usize) -> usize {
    let bytes = source.as_bytes();
    if source[start..].starts_with('“') {
        let body = start + '“'.len_utf8();
        let rest = &source[body..];
        let close = rest.find('”');
        let newline = rest.find('\n');
        return match (close, newline) {
            (Some(c), Some(n)) if n < c => body + n,
            (Some(c), _) => body + c + '”'.len_utf8(),
            (None, Some(n)) => body + n,
            (None, None) => source.len(),
        };
    }
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return i + 1,
            b'\n' => return i,
            // An escape takes the next character, whatever its width.
            b'\\' => {
                i += 1;
                if i < bytes.len() && bytes[i] != b'\n' {
                    i += source[i..].chars().next().map_or(1, char::len_utf8);
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<&str> {
        comments(source).into_iter().map(|s| &source[s]).collect()
    }

    #[test]
    fn finds_comments_outside_strings() {
        let source = "# đầu\ntiêu chí 1 \"a # không phải\" # sau\r\nx = “# cũng không” #cuối";
        assert_eq!(texts(source), vec!["# đầu", "# sau", "#cuối"]);
    }

    #[test]
    fn escapes_and_unclosed_strings() {
        let source = "a \"q\\\"# in\" # c1\nb \"open # still string\nc # c2";
        assert_eq!(texts(source), vec!["# c1", "# c2"]);
        assert_eq!(string_end("\"é\\\"x\"", 0), 7);
        assert_eq!(string_end("“ab", 0), 5);
    }

    #[test]
    fn empty_and_hash_only() {
        assert!(comments("").is_empty());
        assert_eq!(comments("#"), vec![0..1]);
        assert_eq!(comments("x#\n"), vec![1..2]);
    }
}
