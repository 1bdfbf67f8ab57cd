//! `chiso fmt`: one canonical layout for ruleset files.
//!
//! The formatter never rewrites a token: every word, number, string and comment is copied
//! from the (NFC-normalised) source, so the user's language for keywords and their way of
//! writing numbers stay as typed. Only the whitespace between tokens changes:
//! - each statement (a header line, an input, a node, a node item, a band arm, a test line)
//!   starts a line, indented two spaces per open `{`; the line breaks inside a statement are
//!   joined;
//! - `{` ends its line, `}` stands on its own line (`{}` when empty);
//! - no space after `(` or before `)`, `,`, `:`, `;`; one space elsewhere; no space between a
//!   rule function and its `(`;
//! - comments stay where they were: at the end of their line or on a line of their own;
//! - blank lines are kept (one at most), never after `{` or before `}`, and one always
//!   separates top-level blocks.
//!
//! Safety: a file with syntax errors is refused (nothing could be placed reliably), and the
//! result is re-parsed and checked: if its model or its comments differ from the source's,
//! the formatter refuses rather than change meaning.

use crate::diagnostic::{Diagnostic, Span};
use crate::syntax::ast::{AdjustmentItem, BinOp, Expr, ExprKind, NodeItem, NodeSyntax, SyntaxFile};
use crate::syntax::comments::comments;
use crate::syntax::lexer::{Lexed, LexemeKind};
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// Why a text was not formatted.
#[derive(Debug, Clone, PartialEq)]
pub enum FormatError {
    /// The text has syntax errors: they are returned, and nothing is changed.
    Syntax(Vec<Diagnostic>),
    /// The layout would have changed what the ruleset means (a bug in the formatter): the
    /// text is left as it is.
    Unsafe(String),
}

impl FormatError {
    /// What went wrong, for a person (rendered in their language).
    pub fn message(&self) -> crate::Message {
        match self {
            FormatError::Syntax(d) => crate::msg!("fmt-syntax-errors", count = d.len()),
            FormatError::Unsafe(why) => crate::msg!("fmt-unsafe", why = why.as_str()),
        }
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::Syntax(d) => write!(
                f,
                "the file has {} syntax error(s); fix them first",
                d.len()
            ),
            FormatError::Unsafe(why) => write!(
                f,
                "not formatted: the layout would change the ruleset ({why})"
            ),
        }
    }
}

/// Formats a ruleset text. Returns the canonical text: NFC, one final newline, and the
/// source's line ends (`\r\n` if its first line ends so, else `\n`), so a file that differs
/// from the canonical layout only in its line ends is already formatted.
///
/// Syntax errors are returned with spans into `source` as given (not into its NFC form, whose
/// byte offsets differ when the source is decomposed).
pub fn format(source: &str) -> Result<String, FormatError> {
    let text: String = source.nfc().collect();
    let (syntax, diagnostics) = crate::syntax::parse(&text);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(FormatError::Syntax(errors_in_source(
            source,
            &text,
            diagnostics,
        )));
    }
    let output = layout(&text, &syntax);
    verify(&text, &output)?;
    Ok(if crlf(source) {
        output.replace('\n', "\r\n")
    } else {
        output
    })
}

/// Whether the text's first line ends with `\r\n`.
fn crlf(text: &str) -> bool {
    text.find('\n').is_some_and(|i| text[..i].ends_with('\r'))
}

/// The syntax errors of `source`, whose NFC form `nfc` had `nfc_diagnostics`. Folded parsing
/// reads NFC and NFD alike, so the source as given has the same errors at its own offsets;
/// parsing it again gives them. (If it somehow does not, the NFC spans are kept inside the
/// source's bounds, so they can still be shown.)
fn errors_in_source(source: &str, nfc: &str, nfc_diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let errors = |diagnostics: Vec<Diagnostic>| -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect()
    };
    if source == nfc {
        return errors(nfc_diagnostics);
    }
    let own = errors(crate::syntax::parse(source).1);
    if !own.is_empty() {
        return own;
    }
    let clamp = |o: usize| crate::position::floor_char_boundary(source, o.min(source.len()));
    errors(nfc_diagnostics)
        .into_iter()
        .map(|mut d| {
            d.span = clamp(d.span.start)..clamp(d.span.end);
            for label in &mut d.labels {
                label.span = clamp(label.span.start)..clamp(label.span.end);
            }
            d
        })
        .collect()
}

/// Re-reads the output and compares it with the input: same model (spans and the spacing of
/// rule texts aside), same comments, no new diagnostics.
fn verify(input: &str, output: &str) -> Result<(), FormatError> {
    let before = crate::analyze(input);
    let after = crate::analyze(output);
    if after
        .diagnostics
        .iter()
        .any(|d| d.code == "E001" || d.code == "E019")
    {
        return Err(FormatError::Unsafe("the result does not parse".into()));
    }
    if model_fingerprint(&before.ruleset) != model_fingerprint(&after.ruleset) {
        return Err(FormatError::Unsafe("the checked model differs".into()));
    }
    let codes = |a: &crate::Analysis| {
        a.diagnostics
            .iter()
            .map(|d| (d.code, d.message.clone()))
            .collect::<Vec<_>>()
    };
    if codes(&before) != codes(&after) {
        return Err(FormatError::Unsafe("the diagnostics differ".into()));
    }
    let texts = |s: &str| {
        comments(s)
            .into_iter()
            .map(|c| s[c].trim_end().to_string())
            .collect::<Vec<_>>()
    };
    if texts(input) != texts(output) {
        return Err(FormatError::Unsafe("a comment would be lost".into()));
    }
    Ok(())
}

/// The checked model without anything that depends on layout: spans are blanked, and rule
/// and condition texts lose their whitespace. Equal fingerprints mean the same ruleset.
pub fn model_fingerprint(ruleset: &crate::model::Ruleset) -> String {
    let mut r = ruleset.clone();
    // Lookup tables derived from the nodes and inputs, printed in hash order: leave them out.
    r.node_ids.clear();
    r.input_keys.clear();
    for node in &mut r.nodes {
        for t in [&mut node.rule_text, &mut node.not_evaluated_text]
            .into_iter()
            .flatten()
        {
            t.retain(|c| !c.is_whitespace());
        }
    }
    for item in &mut r.adjustments {
        item.rule_text.retain(|c| !c.is_whitespace());
    }
    strip_ranges(&format!("{r:?}"))
}

/// Replaces every `123..456` of a Debug text by `_`.
fn strip_ranges(debug: &str) -> String {
    let b = debug.as_bytes();
    let mut out = String::with_capacity(debug.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let mut j = i;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if debug[j..].starts_with("..") {
                let mut k = j + 2;
                while k < b.len() && b[k].is_ascii_digit() {
                    k += 1;
                }
                if k > j + 2 {
                    out.push_str(&debug[copied..i]);
                    out.push('_');
                    copied = k;
                    i = k;
                    continue;
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out.push_str(&debug[copied..]);
    out
}

// ───────────────────────────── tokens ─────────────────────────────

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok {
    Word,
    Str,
    Comment,
    Open,
    Close,
    LParen,
    RParen,
    /// `,`, `:`, `;`: no space before, one after.
    Punct,
    /// `=`, `<=`, `≥`, …
    Op,
}

pub(crate) struct Token {
    pub kind: Tok,
    pub span: Span,
}

fn is_op_char(c: char) -> bool {
    matches!(c, '=' | '<' | '>' | '!' | '≤' | '≥' | '≠')
}

fn ends_word(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '(' | ')' | '{' | '}' | ',' | ':' | ';' | '"' | '“' | '#')
        || is_op_char(c)
}

/// Splits a text into tokens the way the grammar's atomic rules see them: a number such as
/// `1,5` stays one token (it is 1.5, not two arguments), words keep `.`, `-`, `/`, `%`.
/// Strings and comments are the lexer's.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    tokens_with_operators(text, &HashMap::new())
}

/// [`tokens`], where `operators` (start → end, bytes) are the arithmetic operators the
/// syntax tree found: each is a token of its own, so `b*0` lays out as `b * 0`. Without the
/// tree `*`, `/` and `-` may be parts of words (dates, names).
fn tokens_with_operators(text: &str, operators: &HashMap<usize, usize>) -> Vec<Token> {
    let lexed = Lexed::new(text);
    let mut trivia = lexed.trivia().peekable();
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().expect("in bounds");
        let start = i;
        // Words stop at quotes and `#`, so every string and comment starts at a token start.
        while trivia.next_if(|l| l.span.start < i).is_some() {}
        let kind = if let Some(l) = trivia.next_if(|l| l.span.start == i) {
            i = l.span.end;
            if l.kind == LexemeKind::Comment {
                Tok::Comment
            } else {
                Tok::Str
            }
        } else if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        } else if let Some(&end) = operators.get(&i) {
            i = end;
            Tok::Op
        } else if is_op_char(c) {
            while let Some(c) = text[i..].chars().next().filter(|&c| is_op_char(c)) {
                i += c.len_utf8();
            }
            Tok::Op
        } else {
            i += c.len_utf8();
            match c {
                '{' => Tok::Open,
                '}' => Tok::Close,
                '(' => Tok::LParen,
                ')' => Tok::RParen,
                ',' | ':' | ';' => Tok::Punct,
                _ => {
                    while let Some(next) = text[i..].chars().next() {
                        if next == ',' {
                            // `1,5` is one number: digits, a comma, digits (once).
                            let so_far = &text[start..i];
                            let after = text[i + 1..].chars().next();
                            if so_far.bytes().all(|b| b.is_ascii_digit())
                                && after.is_some_and(|a| a.is_ascii_digit())
                            {
                                i += 1;
                                while text[i..].starts_with(|d: char| d.is_ascii_digit()) {
                                    i += 1;
                                }
                                continue;
                            }
                            break;
                        }
                        if ends_word(next) || operators.contains_key(&i) {
                            break;
                        }
                        i += next.len_utf8();
                    }
                    Tok::Word
                }
            }
        };
        out.push(Token {
            kind,
            span: start..i,
        });
    }
    out
}

// ───────────────────────────── statements ─────────────────────────────

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stmt {
    /// A top-level block: the header, an area, a test.
    Block,
    /// A top-level input declaration.
    Input,
    /// Anything inside a block.
    Inner,
}

/// Where each statement starts, from the syntax tree.
fn statement_starts(file: &SyntaxFile) -> HashMap<usize, Stmt> {
    let mut starts = HashMap::new();
    for header in &file.headers {
        starts.insert(header.span.start, Stmt::Block);
        for item in &header.items {
            starts.insert(item.span.start, Stmt::Inner);
        }
    }
    for input in &file.inputs {
        starts.insert(input.span.start, Stmt::Input);
    }
    for item in &file.adjustments {
        starts.insert(item.span.start, Stmt::Block);
        for stmt in &item.items {
            // `max` may stand on the item's own line, before its body.
            if item
                .body
                .as_ref()
                .is_some_and(|b| b.contains(&stmt.span.start))
            {
                starts.insert(stmt.span.start, Stmt::Inner);
            }
            if let AdjustmentItem::Rule(e) = &stmt.value {
                expr(e, &mut starts);
            }
        }
    }
    fn node(n: &NodeSyntax, top: bool, starts: &mut HashMap<usize, Stmt>) {
        starts.insert(n.span.start, if top { Stmt::Block } else { Stmt::Inner });
        for item in &n.items {
            // `max` may stand on the node's own line, before its body.
            if n.body
                .as_ref()
                .is_some_and(|b| b.contains(&item.span.start))
            {
                starts.insert(item.span.start, Stmt::Inner);
            }
            match &item.value {
                NodeItem::Rule(e) => expr(e, starts),
                NodeItem::NotEvaluated {
                    condition: Some(e), ..
                } => expr(e, starts),
                _ => {}
            }
        }
        for child in &n.children {
            node(child, false, starts);
        }
    }
    fn expr(e: &Expr, starts: &mut HashMap<usize, Stmt>) {
        match &e.kind {
            ExprKind::Bands { subject, arms } => {
                expr(subject, starts);
                for arm in arms {
                    starts.insert(arm.span.start, Stmt::Inner);
                    expr(&arm.value, starts);
                }
            }
            ExprKind::Neg(a) | ExprKind::Not(a) => expr(a, starts),
            ExprKind::Binary { lhs, rhs, .. } | ExprKind::Compare { lhs, rhs, .. } => {
                expr(lhs, starts);
                expr(rhs, starts);
            }
            ExprKind::If {
                cond,
                then,
                otherwise,
            } => {
                expr(cond, starts);
                expr(then, starts);
                expr(otherwise, starts);
            }
            ExprKind::Call { args, .. } => args.iter().for_each(|a| expr(a, starts)),
            _ => {}
        }
    }
    for n in &file.nodes {
        node(n, true, &mut starts);
    }
    for test in &file.tests {
        starts.insert(test.span.start, Stmt::Block);
        for item in &test.items {
            starts.insert(item.span.start, Stmt::Inner);
        }
    }
    starts
}

/// Words written right before their `(`: the rule functions and `levels(…)`.
fn hugs_paren(word: &str) -> bool {
    crate::model::Func::lookup(word).is_some()
        || crate::model::is_best(word)
        || matches!(crate::text::fold(word).as_str(), "levels" | "muc")
}

// ───────────────────────────── layout ─────────────────────────────

struct Printer<'a> {
    text: &'a str,
    lines: Vec<String>,
    current: String,
    depth: usize,
}

impl Printer<'_> {
    fn new_line(&mut self, indent: usize, blank: bool) {
        let line = std::mem::take(&mut self.current);
        let line = line.trim_end().to_string();
        if !line.is_empty() || !self.lines.is_empty() {
            self.lines.push(line);
        }
        if blank && !self.lines.is_empty() && self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
        self.current = "  ".repeat(indent);
    }

    fn push(&mut self, span: &Span, space_before: bool) {
        if space_before && !self.current.trim().is_empty() {
            self.current.push(' ');
        }
        self.current.push_str(self.text[span.clone()].trim_end());
    }
}

/// Where the arithmetic operators of the rules are (start → end, bytes): between each binary
/// `+ - * × / ÷`'s operands.
fn arithmetic_operators(text: &str, file: &SyntaxFile) -> HashMap<usize, usize> {
    fn expr(text: &str, e: &Expr, out: &mut HashMap<usize, usize>) {
        match &e.kind {
            ExprKind::Bands { subject, arms } => {
                expr(text, subject, out);
                arms.iter().for_each(|arm| expr(text, &arm.value, out));
            }
            ExprKind::Neg(a) | ExprKind::Not(a) => expr(text, a, out),
            ExprKind::Binary { lhs, rhs, op } => {
                if !matches!(op, BinOp::And | BinOp::Or) {
                    let gap = lhs.span.end..rhs.span.start;
                    if let Some(between) = text.get(gap.clone()) {
                        if let Some((at, c)) = between
                            .char_indices()
                            .find(|(_, c)| matches!(c, '+' | '-' | '*' | '×' | '/' | '÷'))
                        {
                            out.insert(gap.start + at, gap.start + at + c.len_utf8());
                        }
                    }
                }
                expr(text, lhs, out);
                expr(text, rhs, out);
            }
            ExprKind::Compare { lhs, rhs, .. } => {
                expr(text, lhs, out);
                expr(text, rhs, out);
            }
            ExprKind::If {
                cond,
                then,
                otherwise,
            } => {
                expr(text, cond, out);
                expr(text, then, out);
                expr(text, otherwise, out);
            }
            ExprKind::Call { args, .. } => args.iter().for_each(|a| expr(text, a, out)),
            _ => {}
        }
    }
    fn node(text: &str, n: &NodeSyntax, out: &mut HashMap<usize, usize>) {
        for item in &n.items {
            match &item.value {
                NodeItem::Rule(e) => expr(text, e, out),
                NodeItem::NotEvaluated {
                    condition: Some(e), ..
                } => expr(text, e, out),
                _ => {}
            }
        }
        n.children.iter().for_each(|c| node(text, c, out));
    }
    let mut out = HashMap::new();
    for item in &file.adjustments {
        for stmt in &item.items {
            if let AdjustmentItem::Rule(e) = &stmt.value {
                expr(text, e, &mut out);
            }
        }
    }
    file.nodes.iter().for_each(|n| node(text, n, &mut out));
    out
}

fn layout(text: &str, syntax: &SyntaxFile) -> String {
    let starts = statement_starts(syntax);
    let toks = tokens_with_operators(text, &arithmetic_operators(text, syntax));
    let mut p = Printer {
        text,
        lines: Vec::new(),
        current: String::new(),
        depth: 0,
    };
    let mut last_top: Option<Stmt> = None;
    let mut prev: Option<&Token> = None;
    let mut prev_line_comment_only = false;
    for tok in &toks {
        let gap = prev.map_or("", |pt| &text[pt.span.end..tok.span.start]);
        let newlines = gap.matches('\n').count();
        let source_blank = newlines >= 2;
        let prev_kind = prev.map(|t| t.kind);
        let stmt = starts.get(&tok.span.start).copied();

        let break_before = match tok.kind {
            _ if prev.is_none() => false,
            _ if prev_kind == Some(Tok::Comment) => true,
            Tok::Comment => newlines > 0,
            Tok::Close => prev_kind != Some(Tok::Open),
            _ => stmt.is_some(),
        };
        if prev.is_none() {
            p.current.clear();
        }
        if break_before {
            let indent = match tok.kind {
                Tok::Close => p.depth.saturating_sub(1),
                Tok::Comment => p.depth,
                _ if stmt.is_some() => p.depth,
                _ => p.depth + 1, // a statement continued after a comment
            };
            let after_open = prev_kind == Some(Tok::Open);
            let mut blank = source_blank && !after_open && tok.kind != Tok::Close;
            if p.depth == 0 && tok.kind != Tok::Close {
                // Top-level blocks stand apart: after a block, and between inputs and a block.
                if prev_kind == Some(Tok::Close) {
                    blank = true;
                }
                if stmt == Some(Stmt::Block)
                    && last_top == Some(Stmt::Input)
                    && !prev_line_comment_only
                {
                    blank = true;
                }
            }
            p.new_line(indent, blank);
            prev_line_comment_only = false;
        }
        let at_line_start = p.current.trim().is_empty();
        if tok.kind == Tok::Comment && at_line_start {
            prev_line_comment_only = true;
        }
        if p.depth == 0 {
            if let Some(kind @ (Stmt::Block | Stmt::Input)) = stmt {
                last_top = Some(kind);
            }
        }
        let space_before = match tok.kind {
            Tok::RParen | Tok::Punct => false,
            Tok::LParen => match prev {
                Some(t) if t.kind == Tok::LParen => false,
                Some(t) if t.kind == Tok::Word => !hugs_paren(&text[t.span.clone()]),
                _ => true,
            },
            _ => !matches!(prev_kind, Some(Tok::LParen)),
        };
        p.push(&tok.span, space_before);
        match tok.kind {
            Tok::Open => p.depth += 1,
            Tok::Close => p.depth = p.depth.saturating_sub(1),
            _ => {}
        }
        prev = Some(tok);
    }
    p.new_line(0, false);
    while p.lines.last().is_some_and(|l| l.is_empty()) {
        p.lines.pop();
    }
    if p.lines.is_empty() {
        return String::new();
    }
    let mut out = p.lines.join("\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "ruleset \"t\" { total 1 }\n";

    #[test]
    fn numbers_with_a_decimal_comma_stay_one_token() {
        let kinds: Vec<&str> = {
            let t = "f(1,5,6) 12,5% 1.2.3 a,b";
            tokens(t)
                .into_iter()
                .map(|k| &t[k.span])
                .collect::<Vec<_>>()
        };
        assert_eq!(
            kinds,
            vec!["f", "(", "1,5", ",", "6", ")", "12,5%", "1.2.3", "a", ",", "b"]
        );
    }

    #[test]
    fn lays_out_statements_and_keeps_comments() {
        let source = format!(
            "{HEAD}input a: count \"x\"  # trailing\n\n\n\n# own line\narea 1 \"A\" max 1 {{ score = min( a ,1) # why\n  }}"
        );
        let out = format(&source).expect("formats");
        assert_eq!(
            out,
            "ruleset \"t\" {\n  total 1\n}\n\ninput a: count \"x\" # trailing\n\n# own line\narea 1 \"A\" max 1 {\n  score = min(a, 1) # why\n}\n"
        );
        assert_eq!(format(&out).expect("again"), out);
    }

    #[test]
    fn spaces_arithmetic_operators_but_not_dates_or_signs() {
        let source = format!(
            "{HEAD}input a: count \"x\"\ninput b: count \"y\"\narea 1 \"A\" max 1 {{ score = ratio(a,b)*max+0*2 - min(a,b)/b*0 }}\narea 2 \"B\" max 1 {{ score = -1*a/(b-a) }}\n"
        );
        let out = format(&source).expect("formats");
        assert!(
            out.contains("score = ratio(a, b) * max + 0 * 2 - min(a, b) / b * 0\n"),
            "{out}"
        );
        assert!(out.contains("score = -1 * a / (b - a)\n"), "{out}");
        assert_eq!(format(&out).expect("again"), out);
        let vi = "bộ tiêu chí \"t\" { tổng điểm 1 }\nđầu vào a: số lượng \"x\"\nlĩnh vực 1 \"A\" tối đa 1 { điểm = tỷ_lệ(a,a)×tối đa }\n";
        let out = format(vi).expect("formats");
        assert!(out.contains("điểm = tỷ_lệ(a, a) × tối đa\n"), "{out}");
    }

    #[test]
    fn keeps_vietnamese_keywords_and_normalises_to_nfc() {
        let nfd: String = "bộ tiêu chí \"Đăk\" {\n    tổng điểm   1\n}\nlĩnh vực 1 \"Hồ sơ\" tối đa 1 {\n điểm = 1\n}\n".nfd().collect();
        let out = format(&nfd).expect("formats");
        assert_eq!(out, "bộ tiêu chí \"Đăk\" {\n  tổng điểm 1\n}\n\nlĩnh vực 1 \"Hồ sơ\" tối đa 1 {\n  điểm = 1\n}\n");
    }

    #[test]
    fn refuses_syntax_errors() {
        let err = format("ruleset \"t\" {\n  total\n}\n").expect_err("refused");
        match err {
            FormatError::Syntax(d) => assert_eq!(d[0].code, "E001"),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn ranges_are_stripped_from_fingerprints() {
        assert_eq!(
            strip_ranges("span: 12..345, x1..2, \"a 3..4\""),
            "span: _, x1..2, \"a _\""
        );
    }
}
