//! Stage 1: text → syntax tree with spans. The parse survives errors: every bad statement
//! becomes a diagnostic and the rest of the file is still read, so the editor keeps its
//! outline, hovers and completion while a line is half-typed.

pub mod ast;
pub mod comments;
mod fold;
pub mod keywords;
pub(crate) mod lexer;
mod parser;
pub mod vocab;

use crate::diagnostic::Diagnostic;
pub use ast::SyntaxFile;

/// Deepest nesting of brackets, braces and `if`s accepted. Deeper input is refused with a
/// diagnostic before pest sees it, so recursion (pest's, the checker's, the evaluator's) is
/// bounded and a hostile file cannot overflow the stack.
pub const MAX_NESTING: usize = 40;

/// Deepest expression tree accepted (a chain of `n` operators is `n + 1` deep, brackets and
/// `if`s included). The parser builds trees without recursion and refuses deeper ones with
/// `E019`, so the checker, evaluator and formatter, which recurse once per level, stay
/// within a small stack on any input.
pub const MAX_EXPR_DEPTH: usize = 200;

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
    let (file, mut diagnostics) = parse_folded(source, &folded, PARALLEL_CHUNKS);
    diagnostics.extend(nesting);
    (file, diagnostics)
}

/// Files at least this large are parsed on two threads.
const PARALLEL_FROM: usize = 48 * 1024;
const PARALLEL_CHUNKS: usize = 2;

/// Parses the folded text, in parallel chunks when it is large. Top-level items are
/// independent in the grammar, so a file split where one item ends and the next begins
/// parses to the same tree as the whole file; each chunk's builder maps its positions back.
fn parse_folded(
    source: &str,
    folded: &fold::Folded,
    chunks: usize,
) -> (SyntaxFile, Vec<Diagnostic>) {
    let split = if chunks > 1 && folded.text.len() >= PARALLEL_FROM {
        item_boundary_after(&folded.text, &folded.lexed, folded.text.len() / 2)
    } else {
        None
    };
    let parse_chunk = |range: std::ops::Range<usize>| {
        let mut builder = parser::Builder::new(source, folded, range);
        let file = builder.parse_file();
        (file, builder.diagnostics)
    };
    let Some(split) = split else {
        return parse_chunk(0..folded.text.len());
    };
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| parse_chunk(split..folded.text.len()));
        let first = parse_chunk(0..split);
        // A panic in the other thread is a bug: surface it as one.
        (
            first,
            second
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        )
    });
    let (mut file, mut diagnostics) = first;
    let (rest, rest_diagnostics) = second;
    file.headers.extend(rest.headers);
    file.inputs.extend(rest.inputs);
    file.nodes.extend(rest.nodes);
    file.tests.extend(rest.tests);
    file.adjustments.extend(rest.adjustments);
    diagnostics.extend(rest_diagnostics);
    (file, diagnostics)
}

/// The start of the first line at or after `from` that begins a top-level item: outside
/// strings and comments, at brace depth 0, starting with a top-level keyword. `None` if there
/// is none (a block left open, say), and then the file is parsed whole.
fn item_boundary_after(text: &str, lexed: &lexer::Lexed, from: usize) -> Option<usize> {
    const STARTERS: [&str; 9] = [
        "dau vao",
        "input",
        "linh vuc",
        "area",
        "kiem thu",
        "test",
        "bo tieu chi",
        "bo chi so",
        "ruleset",
    ];
    let starts_item = |i: usize| {
        let rest = &text[i..];
        STARTERS.iter().any(|k| {
            rest.starts_with(k)
                && rest
                    .as_bytes()
                    .get(k.len())
                    .is_none_or(|&b| !is_word_byte(b))
        })
    };
    if from == 0 && starts_item(0) {
        return Some(0);
    }
    // Between two lexemes there is only code, at one brace depth: look for line starts there.
    let lexemes = lexed.lexemes();
    let mut gap_start = 0;
    let mut depth = 0;
    for k in 0..=lexemes.len() {
        let gap_end = lexemes.get(k).map_or(text.len(), |l| l.span.start);
        if depth == 0 && gap_end >= from {
            for (p, _) in text[gap_start..gap_end].match_indices('\n') {
                let line = gap_start + p + 1;
                if line >= from && starts_item(line) {
                    return Some(line);
                }
            }
        }
        let Some(lexeme) = lexemes.get(k) else { break };
        depth = lexeme.brace_depth;
        gap_start = lexeme.span.end;
    }
    None
}

/// Finds the first place where nesting exceeds [`MAX_NESTING`]: brackets and braces, plus
/// `if`/`nếu` (whose branches nest without brackets) and `not`/`không phải` chains within one
/// rule.
fn nesting_error(folded: &fold::Folded) -> Option<(Diagnostic, std::ops::Range<usize>)> {
    let text = folded.text.as_bytes();
    let mut depth: usize = 0;
    let mut open_ifs: Vec<usize> = Vec::new(); // per brace level: `if`s since the level opened
    open_ifs.push(0);
    let word_at = |i: usize, w: &[u8]| {
        text[i..].starts_with(w)
            && (i == 0 || !is_word_byte(text[i - 1]))
            && text.get(i + w.len()).is_none_or(|&b| !is_word_byte(b))
    };
    let too_deep = |i: usize| {
        let line_start = folded.text[..i].rfind('\n').map_or(0, |p| p + 1);
        let line_end = folded.text[i..].find('\n').map_or(text.len(), |p| i + p);
        let span = folded.original_span(line_start..line_end);
        let diagnostic = Diagnostic::error(
            "E019",
            span,
            crate::msg!("e019-nesting-too-deep", depth = MAX_NESTING),
        )
        .with_help(crate::msg!("e019-nesting-too-deep-help"));
        Some((diagnostic, line_start..line_end))
    };
    // Nesting only grows at a bracket or a keyword, so it is checked there.
    let lexemes = folded.lexed.lexemes();
    let mut gap_start = 0;
    for k in 0..=lexemes.len() {
        let gap_end = lexemes.get(k).map_or(text.len(), |l| l.span.start);
        for i in gap_start..gap_end {
            let khong_phai = || {
                word_at(i, b"khong") && {
                    let after = &folded.text[i + 5..];
                    let rest = after.trim_start_matches([' ', '\t']);
                    rest.len() < after.len() && word_at(text.len() - rest.len(), b"phai")
                }
            };
            if word_at(i, b"if") || word_at(i, b"neu") || word_at(i, b"not") || khong_phai() {
                let ifs = open_ifs.last_mut().expect("level");
                *ifs += 1;
                if depth + *ifs > MAX_NESTING {
                    return too_deep(i);
                }
            } else if word_at(i, b"score") || word_at(i, b"diem") {
                // A new rule starts: the previous one's `if`s are closed.
                *open_ifs.last_mut().expect("level") = 0;
            }
        }
        let Some(lexeme) = lexemes.get(k) else { break };
        gap_start = lexeme.span.end;
        match lexeme.kind {
            lexer::LexemeKind::Open(bracket) => {
                depth = lexeme.depth;
                if bracket == lexer::Bracket::Brace {
                    open_ifs.push(0);
                }
            }
            lexer::LexemeKind::Close(bracket) => {
                depth = lexeme.depth;
                if bracket == lexer::Bracket::Brace && open_ifs.len() > 1 {
                    open_ifs.pop();
                }
            }
            _ => continue,
        }
        if depth + open_ifs.last().copied().unwrap_or(0) > MAX_NESTING {
            return too_deep(lexeme.span.start);
        }
    }
    None
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole_and_chunked(
        source: &str,
    ) -> ((SyntaxFile, Vec<Diagnostic>), (SyntaxFile, Vec<Diagnostic>)) {
        let folded = fold::Folded::new(source);
        let whole = parse_folded(source, &folded, 1);
        // Force a split wherever there is a boundary, even in small texts.
        let split = item_boundary_after(&folded.text, &folded.lexed, folded.text.len() / 2);
        let chunked = match split {
            Some(_) => {
                let (a, b) = (
                    parse_range(source, &folded, 0..split.unwrap()),
                    parse_range(source, &folded, split.unwrap()..folded.text.len()),
                );
                let mut file = a.0;
                let mut diagnostics = a.1;
                file.headers.extend(b.0.headers);
                file.inputs.extend(b.0.inputs);
                file.nodes.extend(b.0.nodes);
                file.tests.extend(b.0.tests);
                diagnostics.extend(b.1);
                (file, diagnostics)
            }
            None => parse_folded(source, &folded, 1),
        };
        (whole, chunked)
    }

    fn parse_range(
        source: &str,
        folded: &fold::Folded,
        range: std::ops::Range<usize>,
    ) -> (SyntaxFile, Vec<Diagnostic>) {
        let mut builder = parser::Builder::new(source, folded, range);
        let file = builder.parse_file();
        (file, builder.diagnostics)
    }

    #[test]
    fn chunked_parsing_gives_the_whole_file_tree() {
        let sources = [
            include_str!("../../rulesets/kon-tum/huyen-2023-trich.chiso"),
            include_str!("../../rulesets/dien-bien/huyen-2024.chiso"),
            include_str!("../../rulesets/dien-bien/so-2024.chiso"),
            include_str!("../../tests/fixtures/fuzz-ruleset.chiso"),
        ];
        for source in sources {
            let (whole, chunked) = whole_and_chunked(source);
            assert_eq!(whole, chunked);
            assert!(!whole.0.nodes.is_empty());
        }
        // With errors, a “curly” title holding braces, and a string holding `#`.
        let broken = format!(
            "{}\nlĩnh vực 9 “Tiêu đề {{ lạ }}” tối đa 1 {{ tiêu chí 9.1 \"a # b\" tối đa 1\n  điểm = (\n}}\n{}",
            sources[0], sources[3]
        );
        let (whole, chunked) = whole_and_chunked(&broken);
        assert_eq!(whole, chunked);
        assert!(!whole.1.is_empty());
    }

    #[test]
    fn chunked_parsing_of_broken_files_matches_too() {
        // Deterministic damage to a large ruleset: deleted and inserted braces, quotes and
        // comment marks around the middle, where the split falls.
        let source = include_str!("../../rulesets/dien-bien/huyen-2024.chiso");
        let middle = source.len() / 2;
        let mut differ = 0;
        let mut cases = 0;
        for (k, piece) in [
            "{",
            "}",
            "\"",
            "“",
            "#",
            "\n}\n",
            "lĩnh vực 9 \"x\" {\n",
            "",
        ]
        .iter()
        .enumerate()
        {
            for delta in (0..4000).step_by(97) {
                let mut at = (middle + delta * (k + 1)) % source.len();
                while !source.is_char_boundary(at) {
                    at += 1;
                }
                let mut end = (at + k * 7).min(source.len());
                while !source.is_char_boundary(end) {
                    end += 1;
                }
                let text = format!("{}{}{}", &source[..at], piece, &source[end..]);
                let (whole, chunked) = whole_and_chunked(&text);
                cases += 1;
                if whole != chunked {
                    differ += 1;
                    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                    let context: String = text[line_start..]
                        .lines()
                        .take(2)
                        .collect::<Vec<_>>()
                        .join(" ⏎ ");
                    eprintln!("DIFF piece {piece:?} at {at}: {context}");
                    eprintln!(
                        "   whole diags {:?}",
                        whole
                            .1
                            .iter()
                            .map(|d| (d.code, d.span.clone(), d.message.clone()))
                            .collect::<Vec<_>>()
                    );
                    eprintln!(
                        "   chunk diags {:?}",
                        chunked
                            .1
                            .iter()
                            .map(|d| (d.code, d.span.clone(), d.message.clone()))
                            .collect::<Vec<_>>()
                    );
                }
            }
        }
        assert_eq!(
            differ, 0,
            "{differ} of {cases} damaged files parse differently in chunks"
        );
    }

    #[test]
    fn no_split_inside_an_open_block() {
        let boundary = |text: &str| item_boundary_after(text, &lexer::Lexed::new(text), 1);
        let text = "area 1 \"a\" {\narea 2 \"b\" {\n";
        assert_eq!(boundary(text), None);
        let text = "area 1 \"a\" {}\n# area 3\narea 2 \"b\" {}\n";
        assert_eq!(boundary(text), Some(text.find("area 2").unwrap()));
    }
}
