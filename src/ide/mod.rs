//! Editor features over an [`Analysis`]: hover, completion, signature help, navigation,
//! rename, outline, folding, semantic tokens, code actions, inlay hints and test lenses.
//!
//! Every function takes the analysis, the text it was made from and byte offsets, and returns
//! plain values with byte spans. Nothing here knows about the LSP or UTF-16: the language
//! server converts positions and types, and calls these. Offsets past the end or inside a
//! character are clamped, and every span returned lies inside the text.

mod actions;
mod completion;
mod hover;
pub use crate::syntax::keywords;
mod navigation;
mod outline;
mod signature;

pub use actions::{code_actions, Action};
pub use completion::{completions, Completion, CompletionKind, TRIGGER_CHARACTERS};
pub use hover::{hover, Hover};
pub use navigation::{definition, prepare_rename, references, rename};
pub use outline::{
    code_lenses, document_symbols, folding_ranges, inlay_hints, semantic_tokens, Fold, FoldKind,
    InlayHint, Lens, SemanticToken, Symbol, SymbolKind, TokenKind,
};
pub use signature::{signature_help, SignatureHelp};

use crate::diagnostic::{floor_char_boundary, Span};
use crate::model::Func;
use crate::syntax::ast::{Expr, ExprKind, NodeItem, NodeSyntax, SyntaxFile};
use crate::syntax::lexer::Lexed;
use crate::Analysis;

/// Replace `span` with `new_text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    /// A byte range into the ruleset text (empty to insert).
    pub span: Span,
    /// The replacement text (empty to delete).
    pub new_text: String,
}

/// What a name at some place refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// An input, by slot.
    Input(usize),
    /// A node of the tree, by index.
    Node(usize),
    /// A built-in function.
    Function(Func),
    /// A keyword.
    Keyword(&'static keywords::Keyword),
}

/// The target at `offset` (a byte offset into `source`, the analysed text) and the span of
/// the name written there; `None` when no name is there.
pub fn target_at(analysis: &Analysis, source: &str, offset: usize) -> Option<(Target, Span)> {
    let offset = floor_char_boundary(source, offset);
    let mut candidates: Vec<(Target, Span)> = Vec::new();
    let rs = &analysis.ruleset;
    for (slot, input) in rs.inputs.iter().enumerate() {
        candidates.push((Target::Input(slot), input.name_span.clone()));
    }
    for r in &analysis.references.inputs {
        candidates.push((Target::Input(r.slot), r.span.clone()));
    }
    for (index, node) in rs.nodes.iter().enumerate() {
        candidates.push((Target::Node(index), node.id_span.clone()));
    }
    for r in &analysis.references.nodes {
        candidates.push((Target::Node(r.node), r.span.clone()));
    }
    for (func, span) in function_names(&analysis.syntax) {
        candidates.push((Target::Function(func), span));
    }
    // Prefer a name the offset is inside; else one it touches at its end (cursor after a word).
    let inside = candidates
        .iter()
        .find(|(_, s)| s.start <= offset && offset < s.end);
    let touching = || {
        candidates
            .iter()
            .find(|(_, s)| s.start < offset && offset == s.end)
    };
    if let Some(found) = inside.or_else(touching) {
        return Some(found.clone());
    }
    keyword_at(source, offset).map(|(k, span)| (Target::Keyword(k), span))
}

/// Every rule-function name written in a call, with its span.
pub(crate) fn function_names(file: &SyntaxFile) -> Vec<(Func, Span)> {
    let mut out = Vec::new();
    for_each_expr(file, &mut |e| {
        if let ExprKind::Call { name, .. } = &e.kind {
            if let Some(f) = Func::lookup(&name.value) {
                out.push((f, name.span.clone()));
            }
        }
    });
    out
}

/// Calls `f` on every expression of the file, outer ones first.
pub(crate) fn for_each_expr(file: &SyntaxFile, f: &mut dyn FnMut(&Expr)) {
    fn walk(e: &Expr, f: &mut dyn FnMut(&Expr)) {
        f(e);
        match &e.kind {
            ExprKind::Neg(a) | ExprKind::Not(a) => walk(a, f),
            ExprKind::Binary { lhs, rhs, .. } | ExprKind::Compare { lhs, rhs, .. } => {
                walk(lhs, f);
                walk(rhs, f);
            }
            ExprKind::If {
                cond,
                then,
                otherwise,
            } => {
                walk(cond, f);
                walk(then, f);
                walk(otherwise, f);
            }
            ExprKind::Call { args, .. } => args.iter().for_each(|a| walk(a, f)),
            ExprKind::Bands { subject, arms } => {
                walk(subject, f);
                arms.iter().for_each(|a| walk(&a.value, f));
            }
            _ => {}
        }
    }
    for node in syntax_nodes(file) {
        for item in &node.items {
            match &item.value {
                NodeItem::Rule(e) => walk(e, f),
                NodeItem::NotEvaluated {
                    condition: Some(e), ..
                } => walk(e, f),
                _ => {}
            }
        }
    }
}

/// The syntax nodes in pre-order: the same order, and so the same indices, as the model's
/// nodes (the checker builds one model node per syntax node, in this order).
pub(crate) fn syntax_nodes(file: &SyntaxFile) -> Vec<&NodeSyntax> {
    fn walk<'a>(n: &'a NodeSyntax, out: &mut Vec<&'a NodeSyntax>) {
        out.push(n);
        n.children.iter().for_each(|c| walk(c, out));
    }
    let mut out = Vec::new();
    file.nodes.iter().for_each(|n| walk(n, &mut out));
    out
}

/// A line of text folded for keyword matching (like the grammar sees it), with strings and
/// comments blanked, and a map from each folded byte back to the original.
pub(crate) struct FoldedLine {
    pub text: String,
    /// Original offset of each folded byte, plus one past the end.
    pub map: Vec<usize>,
}

impl FoldedLine {
    /// Folds `source[start..end]`; strings and comments are the lexer's.
    pub fn new(source: &str, start: usize, end: usize) -> Self {
        let lexed = Lexed::new(source);
        let mut text = String::new();
        let mut map = Vec::new();
        let mut at = start;
        for code in lexed.code(start..end) {
            // Keep one placeholder byte per original char of a string or comment, so words
            // never join across.
            for (o, _) in source[at..code.start].char_indices() {
                text.push(' ');
                map.push(at + o);
            }
            for (o, c) in source[code.clone()].char_indices() {
                if let Some(f) = crate::text::fold_char(c) {
                    text.push(f);
                    map.extend(std::iter::repeat_n(code.start + o, f.len_utf8()));
                }
            }
            at = code.end;
        }
        for (o, _) in source[at..end].char_indices() {
            text.push(' ');
            map.push(at + o);
        }
        map.push(end);
        FoldedLine { text, map }
    }

    pub fn original(&self, folded: usize) -> usize {
        self.map[folded.min(self.map.len() - 1)]
    }
}

/// The line around `offset`: (start, end without the line break).
pub(crate) fn line_bounds(source: &str, offset: usize) -> (usize, usize) {
    let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    let end = if source[..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    (start, end.max(start))
}

pub(crate) fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || crate::text::fold_char(c).is_none()
}

/// The keyword written at `offset` (multi-word keywords included), outside strings and
/// comments.
pub(crate) fn keyword_at(
    source: &str,
    offset: usize,
) -> Option<(&'static keywords::Keyword, Span)> {
    let offset = floor_char_boundary(source, offset);
    let (start, end) = line_bounds(source, offset);
    let line = FoldedLine::new(source, start, end);
    let bytes = line.text.as_bytes();
    let mut best: Option<(&'static keywords::Keyword, Span)> = None;
    for (spelling, keyword) in keywords::spellings() {
        for (at, _) in line.text.match_indices(spelling.as_str()) {
            let until = at + spelling.len();
            let before_ok = at == 0 || !is_ident_byte(bytes[at - 1]);
            let after_ok = until >= bytes.len() || !is_ident_byte(bytes[until]);
            if !before_ok || !after_ok {
                continue;
            }
            let span = line.original(at)..line.original(until);
            if span.start <= offset && offset <= span.end && span.start < span.end {
                let longer = best.as_ref().is_none_or(|(_, b)| span.len() > b.len());
                if longer {
                    best = Some((keyword, span));
                }
            }
        }
    }
    best
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// `true` when `offset` is inside a string or a comment (see [`Lexed::trivia_at`]).
pub(crate) fn in_string_or_comment(source: &str, offset: usize) -> bool {
    Lexed::new(source).trivia_at(offset).is_some()
}
