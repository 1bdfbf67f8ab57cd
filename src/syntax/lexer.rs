//! The one lexer: where the strings, comments and brackets of a ruleset text are.
//!
//! Every part of chiso that needs to know whether a byte is inside a string or a comment (the
//! parallel-parse splitter, the nesting check, span trimming, the formatter, comments, the
//! editor features) asks [`Lexed`] instead of scanning for quotes itself. The rules are the
//! grammar's (`grammar/chiso.pest`, rules `string`, `COMMENT`, `bad_string`):
//!
//! - `"…"` takes `\` escapes: a backslash takes the next character, whatever it is (a quote, a
//!   backslash, even a line break). Combining marks right after the backslash are skipped
//!   first, because the grammar runs on folded text, where they are gone.
//! - `“…”` takes no escapes.
//! - A string never crosses an unescaped line break: an unclosed string ends at the end of its
//!   line (or of the text), as the grammar's catch-all reads it.
//! - `#` outside a string starts a comment that runs to the end of its line.
//! - `{}`, `()` and `[]` outside strings and comments are brackets, with their depth.
//!
//! The lexer works on the original text and on the folded text alike (folding keeps every
//! character it looks at).

use crate::diagnostic::Span;

/// A kind of bracket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bracket {
    /// `{` `}`: blocks.
    Brace,
    /// `(` `)`.
    Paren,
    /// `[` `]`.
    Square,
}

/// What a [`Lexeme`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LexemeKind {
    /// A string, quotes included. `curly` for `“…”`; `closed` is `false` when the line or the
    /// text ended before the closing quote.
    Str { curly: bool, closed: bool },
    /// A comment: from `#` to the end of its line, without the line break (a `\r` before the
    /// `\n` is not part of it).
    Comment,
    /// An opening bracket outside strings and comments.
    Open(Bracket),
    /// A closing bracket outside strings and comments.
    Close(Bracket),
}

/// One string, comment or bracket, with where it is and how deep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lexeme {
    pub kind: LexemeKind,
    /// Byte range in the lexed text.
    pub span: Span,
    /// Brackets of any kind open just after this lexeme (a closing bracket with nothing open
    /// leaves it at 0).
    pub depth: usize,
    /// Braces open just after this lexeme (same rule, counting `{` and `}` only).
    pub brace_depth: usize,
}

impl Lexeme {
    /// `true` for strings and comments (the text the grammar does not read as code).
    pub fn is_trivia(&self) -> bool {
        matches!(self.kind, LexemeKind::Str { .. } | LexemeKind::Comment)
    }
}

/// The lexemes of one text, in order; they never overlap. Everything between them is code
/// (words, numbers, operators, whitespace) with no quote, `#` or bracket in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexed {
    lexemes: Vec<Lexeme>,
    len: usize,
}

impl Lexed {
    /// Lexes `text`. Never fails: unclosed strings and brackets are recorded as they are.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut lexemes = Vec::new();
        let (mut depth, mut brace_depth) = (0usize, 0usize);
        let mut i = 0;
        while i < bytes.len() {
            let start = i;
            let kind = match bytes[i] {
                b'"' => {
                    let (end, closed) = straight_string_end(text, i);
                    i = end;
                    LexemeKind::Str {
                        curly: false,
                        closed,
                    }
                }
                0xE2 if text[i..].starts_with('“') => {
                    let (end, closed) = curly_string_end(text, i);
                    i = end;
                    LexemeKind::Str {
                        curly: true,
                        closed,
                    }
                }
                b'#' => {
                    let end = memchr_newline(bytes, i).unwrap_or(bytes.len());
                    i = end;
                    let end = if bytes[start..end].ends_with(b"\r") {
                        end - 1
                    } else {
                        end
                    };
                    lexemes.push(Lexeme {
                        kind: LexemeKind::Comment,
                        span: start..end,
                        depth,
                        brace_depth,
                    });
                    continue;
                }
                b @ (b'{' | b'(' | b'[') => {
                    i += 1;
                    depth += 1;
                    if b == b'{' {
                        brace_depth += 1;
                    }
                    LexemeKind::Open(bracket(b))
                }
                b @ (b'}' | b')' | b']') => {
                    i += 1;
                    depth = depth.saturating_sub(1);
                    if b == b'}' {
                        brace_depth = brace_depth.saturating_sub(1);
                    }
                    LexemeKind::Close(bracket(b))
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            lexemes.push(Lexeme {
                kind,
                span: start..i,
                depth,
                brace_depth,
            });
        }
        Lexed {
            lexemes,
            len: text.len(),
        }
    }

    /// Every lexeme, in order of position.
    pub fn lexemes(&self) -> &[Lexeme] {
        &self.lexemes
    }

    /// The strings and comments, in order.
    pub fn trivia(&self) -> impl Iterator<Item = &Lexeme> {
        self.lexemes.iter().filter(|l| l.is_trivia())
    }

    /// The span of every comment, in order.
    pub fn comments(&self) -> impl Iterator<Item = Span> + '_ {
        self.lexemes
            .iter()
            .filter(|l| l.kind == LexemeKind::Comment)
            .map(|l| l.span.clone())
    }

    /// The lexemes that start in `range`, in order.
    pub fn in_range(&self, range: Span) -> &[Lexeme] {
        let from = self.lexemes.partition_point(|l| l.span.start < range.start);
        let to = self.lexemes.partition_point(|l| l.span.start < range.end);
        &self.lexemes[from..to.max(from)]
    }

    /// The string or comment a cursor at byte `offset` is inside: after its first byte, and
    /// before its end, or at its end when nothing closes it there (a comment, an unclosed
    /// string). `None` in code and at the very edges of a closed string.
    pub fn trivia_at(&self, offset: usize) -> Option<&Lexeme> {
        let i = self.lexemes.partition_point(|l| l.span.start < offset);
        let last = self.lexemes[..i].last()?;
        let open_ended = matches!(
            last.kind,
            LexemeKind::Comment | LexemeKind::Str { closed: false, .. }
        );
        let inside = offset < last.span.end || (offset == last.span.end && open_ended);
        (last.is_trivia() && inside).then_some(last)
    }

    /// The pieces of `range` outside strings and comments, in order (brackets are code).
    pub fn code(&self, range: Span) -> impl Iterator<Item = Span> + '_ {
        let range = range.start.min(self.len)..range.end.min(self.len);
        // A string or comment that starts before the range may still cover its start.
        let first = self.lexemes.partition_point(|l| l.span.end <= range.start);
        let mut at = range.start;
        let end = range.end;
        let mut trivia = self.lexemes[first..]
            .iter()
            .filter(|l| l.is_trivia())
            .take_while(move |l| l.span.start < end);
        let mut done = false;
        std::iter::from_fn(move || loop {
            if done {
                return None;
            }
            match trivia.next() {
                Some(l) => {
                    let piece = at..l.span.start.max(at);
                    at = at.max(l.span.end).min(end);
                    if !piece.is_empty() {
                        return Some(piece);
                    }
                }
                None => {
                    done = true;
                    return (at < end).then_some(at..end);
                }
            }
        })
    }

    /// The first `{` outside strings and comments in `range`.
    pub fn first_open_brace(&self, range: Span) -> Option<usize> {
        self.in_range(range)
            .iter()
            .find(|l| l.kind == LexemeKind::Open(Bracket::Brace))
            .map(|l| l.span.start)
    }
}

/// The comments of `text`, in order: byte ranges from `#` to the end of its line, without the
/// line break (a `\r` before the `\n` is not part of it); a `#` inside a string is text.
pub fn comments(text: &str) -> Vec<Span> {
    Lexed::new(text).comments().collect()
}

fn bracket(b: u8) -> Bracket {
    match b {
        b'{' | b'}' => Bracket::Brace,
        b'(' | b')' => Bracket::Paren,
        _ => Bracket::Square,
    }
}

fn memchr_newline(bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|p| from + p)
}

/// The end of the `"` string at `start` and whether it is closed: the grammar's
/// `"\"" ~ (str_run ~ ("\\" ~ ANY ~ str_run)*) ~ "\""`, with an unclosed string ending at
/// its line's end.
fn straight_string_end(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return (i + 1, true),
            b'\n' => return (i, false),
            b'\\' => {
                i += 1;
                // Combining marks are folded away before the grammar sees the text: the
                // escape takes the first character that remains.
                while let Some(c) = text[i..].chars().next() {
                    i += c.len_utf8();
                    if crate::text::fold_char(c).is_some() {
                        break;
                    }
                }
            }
            _ => i += 1,
        }
    }
    (bytes.len(), false)
}

/// The end of the `“` string at `start` and whether it is closed: no escapes, and no line
/// break inside.
fn curly_string_end(text: &str, start: usize) -> (usize, bool) {
    let body = start + '“'.len_utf8();
    match text[body..].find(['”', '\n']) {
        Some(p) if text[body + p..].starts_with('”') => (body + p + '”'.len_utf8(), true),
        Some(p) => (body + p, false),
        None => (text.len(), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<&str> {
        comments(source).into_iter().map(|s| &source[s]).collect()
    }

    fn strings(source: &str) -> Vec<&str> {
        Lexed::new(source)
            .lexemes()
            .iter()
            .filter(|l| matches!(l.kind, LexemeKind::Str { .. }))
            .map(|l| &source[l.span.clone()])
            .collect()
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
        assert_eq!(strings("\"é\\\"x\""), vec!["\"é\\\"x\""]);
        assert_eq!(strings("“ab"), vec!["“ab"]);
        assert_eq!(strings("“a\\”b"), vec!["“a\\”"]);
        assert_eq!(strings("\"a\\\\\" # c"), vec!["\"a\\\\\""]);
    }

    #[test]
    fn an_escaped_line_break_continues_the_string_as_in_the_grammar() {
        let source = "\"a\\\n# not a comment\" # c";
        assert_eq!(strings(source), vec!["\"a\\\n# not a comment\""]);
        assert_eq!(texts(source), vec!["# c"]);
        // An escape skips combining marks, as the folded text the grammar reads has none.
        let source = "\"a\\\u{301}\" still\" # c";
        assert_eq!(texts(source), vec!["# c"]);
    }

    #[test]
    fn empty_and_hash_only() {
        assert!(comments("").is_empty());
        assert_eq!(comments("#"), vec![0..1]);
        assert_eq!(comments("x#\n"), vec![1..2]);
        assert_eq!(comments("x#\r\n"), vec![1..2]);
    }

    #[test]
    fn brackets_have_depths_and_ignore_strings_and_comments() {
        let source = "a { b ( \"{\" ) “}” # }\n [ ] } }";
        let lexed = Lexed::new(source);
        let brackets: Vec<(LexemeKind, usize, usize)> = lexed
            .lexemes()
            .iter()
            .filter(|l| !l.is_trivia())
            .map(|l| (l.kind, l.depth, l.brace_depth))
            .collect();
        use Bracket::*;
        use LexemeKind::*;
        assert_eq!(
            brackets,
            vec![
                (Open(Brace), 1, 1),
                (Open(Paren), 2, 1),
                (Close(Paren), 1, 1),
                (Open(Square), 2, 1),
                (Close(Square), 1, 1),
                (Close(Brace), 0, 0),
                (Close(Brace), 0, 0),
            ]
        );
        assert_eq!(lexed.first_open_brace(2..source.len()), Some(2));
        assert_eq!(lexed.first_open_brace(3..source.len()), None);
    }

    #[test]
    fn cursor_inside_strings_and_comments() {
        let source = "x \"ab\" “cd” # e\ny \"open";
        let lexed = Lexed::new(source);
        let at = |needle: &str| source.find(needle).unwrap();
        assert!(lexed.trivia_at(at("\"ab")).is_none());
        assert!(lexed.trivia_at(at("ab")).is_some());
        assert!(lexed.trivia_at(at(" “")).is_none());
        assert!(lexed.trivia_at(at("cd")).is_some());
        assert!(lexed.trivia_at(at(" #")).is_none());
        assert!(lexed.trivia_at(at("# e") + 1).is_some());
        assert!(lexed.trivia_at(at("\ny")).is_some());
        assert!(lexed.trivia_at(at("y")).is_none());
        assert!(lexed.trivia_at(source.len()).is_some());
    }

    #[test]
    fn code_pieces_skip_strings_and_comments() {
        let source = "a \"s\" b # c\nd “e” f";
        let lexed = Lexed::new(source);
        let code: Vec<&str> = lexed.code(0..source.len()).map(|s| &source[s]).collect();
        assert_eq!(code, vec!["a ", " b ", "\nd ", " f"]);
        let code: Vec<&str> = lexed.code(3..9).map(|s| &source[s]).collect();
        assert_eq!(code, vec![" b "]);
        assert_eq!(lexed.code(0..0).count(), 0);
    }
}
